"""A small, independent article spinner: word-for-word synonym swaps that break idioms.

It imitates the cheap "article rewriter" tools used by content farms: each chosen word is
replaced by a thesaurus synonym with no regard for context ("press conference" becomes "push
convention", "prime minister" becomes "prime priest"), and small spelled-out numbers become
digits ("six" -> "6"). The table below was written for this benchmark from common news words;
it is NOT derived from storyline's `spin_phrases.json` (that would make the test circular).

Strength `s` is the share of the article's content words (our own definition: alphabetic,
not a stop word, 3+ letters, not capitalised mid-sentence) that are swapped. Only words in the
table can be swapped, so for very plain texts the achieved share can fall short of `s`; the
achieved share is returned and reported. Choices are nested: the words swapped at 10% are
also swapped at 20%, and so on (one random order per article and seed).
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache


def split_words(text: str) -> list[str]:
    return text.split()


# "word:synonym" pairs, lower case; "_" stands for a space in multi-word synonyms.
_TABLE = """
said:stated says:states say:state saying:expressing told:informed tell:advise
reporters:journalists reporter:columnist press:push conference:convention news:tidings
minister:priest ministers:priests ministry:service police:law_enforcement officers:officials
officer:official killed:slaughtered kill:slaughter killing:slaughtering died:passed_away
dead:departed death:demise deaths:fatalities injured:harmed injuries:wounds wounded:harmed
attack:assault attacks:assaults attacked:assaulted arrested:captured arrest:capture
charged:accused charges:allegations court:tribunal judge:adjudicator trial:preliminary
case:situation cases:circumstances investigation:examination investigators:agents
evidence:proof victim:casualty victims:casualties earthquake:tremor quake:shake magnitude:size
struck:hit hit:struck fire:blaze blaze:inferno storm:tempest flood:deluge damage:harm
damaged:harmed destroyed:devastated buildings:structures building:structure homes:houses
home:house house:home election:political_race elections:political_races campaign:crusade
candidate:applicant candidates:applicants voters:electorate vote:poll votes:polls poll:survey
polls:surveys debate:discussion debates:discussions party:gathering support:backing
supporters:allies rally:assembly speech:discourse primary:essential nomination:selection
nominee:chosen_one delegates:representatives company:organization companies:organizations
business:industry market:showcase markets:showcases price:cost prices:costs money:cash
deal:arrangement agreement:understanding plan:arrangement plans:designs program:scheme
policy:approach policies:strategies law:statute laws:statutes bill:charge rule:principle
rules:standards tax:duty taxes:duties report:account reports:accounts reported:detailed
statement:explanation announced:declared announcement:declaration added:included
explained:clarified asked:inquired question:inquiry questions:inquiries answer:reply
issue:problem issues:problems problem:issue important:significant major:significant big:huge
large:substantial small:little new:fresh former:previous recent:ongoing first:initial
early:ahead_of_schedule final:last time:period group:gathering groups:gatherings
members:individuals member:part leader:pioneer leaders:pioneers chief:boss director:chief
spokesman:representative spokeswoman:agent agency:organization department:division
military:armed_force troops:soldiers soldiers:warriors forces:powers force:power war:battle
fighting:battling weapons:arms gun:firearm guns:firearms shooting:gunfire shot:fired
bomb:explosive explosion:blast hospital:clinic doctors:specialists doctor:specialist
health:wellbeing care:consideration disease:illness drug:medication drugs:medications
students:understudies student:understudy teacher:instructor teachers:educators work:labor
job:occupation jobs:occupations workers:laborers employees:representatives economic:monetary
financial:budgetary world:globe global:worldwide international:global national:public
local:nearby public:open federal:government help:assistance helped:aided need:require
needs:requirements want:need wants:needs try:attempt tried:attempted make:create made:created
give:provide gave:provided get:receive got:received show:demonstrate showed:demonstrated
shows:demonstrates think:believe believe:accept believed:accepted know:realize knew:realized
see:observe saw:noticed seen:viewed found:discovered find:discover use:utilize used:utilized
using:utilizing start:begin started:began began:started ended:finished continue:proceed
continued:proceeded keep:hold kept:held stop:halt stopped:halted moved:relocated led:drove
won:secured win:triumph claimed:asserted claims:cases claim:guarantee accused:blamed
denied:rejected warned:cautioned urged:encouraged many:numerous several:a_few nearly:almost
almost:practically including:counting expected:anticipated likely:liable possible:conceivable
different:distinctive increase:increment increased:expanded rise:ascent fell:tumbled cut:slice
cuts:slices growth:development cost:expense costs:expenses fund:subsidize funds:assets
budget:spending_plan debt:obligation comment:remark comments:remarks interview:meeting
meeting:gathering meetings:gatherings talks:discussions event:occasion events:occasions
night:evening morning:first_part_of_the_day afternoon:early_evening weekend:end_of_the_week
area:region region:district town:township village:hamlet street:road road:street car:vehicle
vehicle:automobile flight:trip airport:air_terminal border:outskirt island:isle
residents:inhabitants community:network friends:companions husband:spouse wife:spouse
daughter:girl mother:mom father:dad child:kid children:kids baby:infant
actor:on-screen_character actress:on-screen_character film:movie movie:film singer:vocalist
album:collection award:honor rehab:recovery team:group game:diversion games:diversions
coach:mentor fans:devotees phone:telephone computer:PC technology:innovation
software:programming internet:web online:on_the_web data:information system:framework
systems:frameworks service:administration services:administrations product:item products:items
launch:dispatch launched:propelled release:discharge released:discharged version:form
devices:gadgets users:clients customers:clients website:site president:head_of_state
senator:congressperson lawmakers:legislators administration:organization decision:choice
decided:chose allow:permit allowed:permitted required:needed received:got sent:dispatched
brought:carried bring:carry clearly:plainly really:truly simply:basically quickly:rapidly
recently:as_of_late currently:as_of_now immediately:promptly already:as_of_now
still:despite_everything later:afterward ago:back good:great great:extraordinary bad:terrible
strong:solid hard:difficult difficult:troublesome serious:genuine seriously:genuinely
safe:sheltered safety:security dangerous:perilous concerns:worries concern:worry fear:dread
crisis:emergency emergency:crisis risk:hazard threat:danger threats:dangers violence:brutality
crime:wrongdoing crimes:violations murder:homicide guilty:blameworthy prison:jail jail:prison
lawyer:legal_counselor lawyers:legal_advisors attorney:lawyer prosecutors:examiners
information:data details:subtleties situation:circumstance result:outcome results:outcomes
effort:exertion efforts:endeavors attempt:endeavor role:job power:control rights:privileges
freedom:opportunity historic:notable idea:thought views:perspectives opinion:assessment
total:aggregate foreign:outside domestic:household environment:condition climate:atmosphere
energy:vitality food:nourishment expect:anticipate hope:trust hopes:trusts planned:arranged
planning:arranging considered:thought_about consider:think_about discuss:talk_about
discussed:talked_about agreed:concurred agree:concur refused:declined failed:fizzled
happen:occur happened:occurred occurred:happened survived:endured rescued:saved fled:escaped
evacuated:emptied collapsed:fell caused:brought_about include:incorporate includes:incorporates
included:incorporated involved:included remain:stay remains:stays remained:stayed
become:turn_into became:turned_into seem:appear seems:appears appeared:showed_up spoke:talked
speaking:talking talk:chat wrote:composed written:composed write:compose read:peruse
watched:viewed fight:battle fought:battled protect:secure protest:dissent protests:challenges
protesters:dissidents demand:request demands:requests raised:brought_up reach:achieve
reached:achieved returned:came_back closed:shut build:construct built:constructed created:made
lived:resided served:filled_in_as visited:went_to arrived:showed_up elected:chosen
appointed:selected resigned:surrendered fired:terminated hired:employed signed:marked
approved:endorsed rejected:dismissed criticized:censured praised:lauded blamed:faulted
targeted:focused_on threatened:undermined pledged:promised promised:guaranteed vowed:pledged
insisted:demanded suggested:proposed argued:contended noted:noticed confirmed:affirmed
revealed:uncovered showing:indicating crowd:horde audience:crowd attention:consideration
effect:impact impact:effect response:reaction reaction:response opposition:resistance
critics:pundits experts:specialists analysts:examiners scientists:researchers study:examination
research:exploration survey:overview majority:lion's_share population:populace citizens:natives
immigrants:settlers immigration:migration refugees:displaced_people industry:business
firm:organization investors:financial_specialists shares:offers sales:deals profit:benefit
revenue:income loss:misfortune losses:misfortunes main:principle significant:critical
critical:basic huge:enormous massive:gigantic powerful:amazing popular:famous famous:well_known
common:normal special:unique certain:sure real:genuine true:genuine false:bogus wrong:off-base
whole:entire entire:whole personal:individual legal:lawful illegal:unlawful young:youthful
older:more_seasoned quick:speedy easy:simple available:accessible ready:prepared happy:cheerful
angry:furious unclear:muddled lot:part people:individuals person:individual woman:lady
women:ladies man:fellow men:folks however:be_that_as_it_may week:seven_day_stretch
last:most_recent next:following key:vital top:best
republican:conservative democratic:liberal democrats:liberals republicans:conservatives
nation:country country:nation state:express states:expresses city:metropolis
government:administration official:authority officials:authorities secretary:assistant
council:board committee:panel congress:assembly senate:upper security:insurance
like:as even:significantly according:agreeing back:again much:a_lot called:considered
since:on_the_grounds_that well:great old:elderly way:route another:one_more may:might
among:amongst around:about take:bring part:section long:lengthy right:privilege least:minimum
race:competition change:alter far:a_long_way never:at_no_point email:electronic_mail
come:arrive left:cleared_out media:press convention:tradition point:direct family:kinfolk
end:finish second:subsequent past:previous better:improved came:arrived working:functioning
put:set every:each run:pursue life:existence without:with_no place:spot general:basic today:now
might:may though:however full:complete yet:still server:worker school:institution
making:creating less:fewer high:elevated front:forefront things:stuff number:quantity
based:founded little:small took:required emails:messages outside:external trying:attempting
earlier:prior set:established went:headed call:summon black:dark held:kept across:over
look:glance running:operating times:occasions best:finest lead:drive line:queue
office:workplace clear:obvious private:secret behind:at_the_back_of close:near head:leader
face:confront late:belated name:title near:close given:offered video:clip fact:truth
done:finished message:communication process:procedure enough:sufficient known:recognized
move:step governor:representative executive:official store:shop social:societal kind:sort
pay:compensate despite:notwithstanding taken:brought voting:casting_a_ballot
politics:legislative_issues coming:approaching class:category countries:nations
often:frequently getting:receiving control:command thing:matter leading:driving history:past
turn:go able:capable position:stance worked:functioned current:present rather:preferably
must:should free:complimentary looking:searching taking:bringing following:after district:area
points:focuses trade:exchange ground:earth although:in_spite_of_the_fact_that lost:misplaced
focus:center cable:link instead:rather round:cycle turned:went spent:burned_through
thought:idea always:consistently latest:most_recent record:log within:inside action:activity
order:request changes:alterations described:portrayed scene:location feel:sense income:pay
address:location interest:intrigue delegate:agent agencies:offices future:prospect
especially:particularly thousands:a_large_number jury:panel story:tale term:expression
sure:certain strategy:system families:households justice:equity particularly:especially
remarks:comments potential:likely single:solitary fall:drop adding:including network:system
problems:issues super:excellent needed:required decades:many_years gang:pack account:record
inside:within establishment:foundation anyone:anybody ahead:in_front hold:grasp
defense:protection actually:really movement:development classified:grouped chairman:executive
authorities:specialists center:focus capital:money campaigns:crusades runner:sprinter
leaving:exiting camp:outdoors similar:comparative speak:talk college:school soon:presently
moment:second opportunity:chance followed:trailed civil:common caucuses:councils rival:opponent
view:see heard:listened_to vice:bad_habit manager:supervisor projects:activities
largely:to_a_great_extent previous:past presidency:administration
going:heading away:off others:different_people ever:at_any_point together:mutually calls:brings
comes:arrives low:humble someone:somebody toward:towards either:both talking:chatting
senior:ranking servers:workers winning:succeeding terrorism:illegal_intimidation
experience:involvement traffic:rush words:phrases offer:proposition let:permit
reason:motivation matter:issue room:space probably:presumably play:perform staff:personnel
growing:developing television:TV south:southern sign:indication review:audit telling:advising
focused:centered leave:exit perhaps:maybe understand:comprehend central:focal
higher:more_elevated criminal:lawbreaker degree:extent biggest:greatest everyone:everybody
seemed:appeared congressional:legislative contest:challenge choice:decision
throughout:all_through short:brief supporting:supportive leadership:administration
candidacy:bid organization:association abortion:premature_birth source:root
published:distributed chance:opportunity makes:creates step:stage primaries:essentials
due:owing_to largest:greatest platform:stage wall:divider raise:elevate assault:attack
millions:a_large_number_of_people stay:remain polling:surveying lines:queues streets:avenues
parties:gatherings responded:reacted ways:manners longer:more_drawn_out criticism:analysis
provide:give means:implies sexual:sensual base:establishment list:rundown standing:remaining
beyond:past act:demonstration follow:track convicted:sentenced ballot:voting_form access:get_to
aides:helpers deputy:representative billionaire:extremely_rich_person
advantage:favorable_position average:normal areas:zones hundreds:many affected:influenced
finally:at_last certainly:surely adviser:counselor spending:expenditure updated:refreshed
declined:dropped previously:beforehand entering:going_into forward:ahead
repeatedly:more_than_once incident:occurrence additional:extra facing:confronting share:offer
oil:petroleum endorsed:supported religious:strict son:child lower:bring_down
regulations:guidelines statements:explanations enforcement:authorization ban:boycott heart:core
supported:upheld independent:free contests:challenges education:training issued:gave
increasingly:progressively project:venture seeking:looking_for donors:benefactors
terrorist:psychological_militant voted:cast_a_ballot percentage:rate wins:triumphs
union:association ask:request anger:outrage example:model publicly:openly love:adoration
allies:partners peace:harmony approach:methodology sought:looked_for charge:accuse
ability:capacity appears:shows_up communications:interchanges cause:reason series:arrangement
female:lady schools:institutions display:show middle:center rivals:competitors
performance:execution compared:contrasted politicians:lawmakers worth:value positions:stances
battle:fight agenda:plan appear:show_up caucus:council respect:regard actions:activities
maybe:perhaps messages:communications facility:office proposed:suggested proposal:suggestion
challenge:test tough:intense documents:archives decisions:choices alleged:supposed block:square
friend:companion labor:work hear:listen_to minute:moment endorsement:support larger:bigger
particular:specific conducted:led willing:eager margin:edge bid:offer north:northern
accounts:records prosecutor:examiner bit:piece champion:victor pointed:called_attention
create:make request:demand evening:night appeal:bid professor:teacher multiple:different
determine:decide interviews:meetings
intelligence:knowledge conservative:traditionalist liberal:dissident political:policy_driven
presidential:official voter:elector victory:triumph defeat:rout wanted:needed
"""
SPIN_TABLE: dict[str, str] = {}
for _pair in _TABLE.split():
    _word, _, _synonym = _pair.partition(":")
    if _synonym and _synonym != _word:
        SPIN_TABLE.setdefault(_word, _synonym.replace("_", " "))

NUMBER_DIGITS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9"}
STOPWORDS = frozenset(split_words("""
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
yours yourself yourselves
"""))
TOKEN_RE = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)]*\s+|\n\s*)[\"'\u201c\u2018(`]*$")


@dataclass(frozen=True, slots=True)
class SpinResult:
    text: str
    content_words: int
    swapped: int
    numbers: int
    # (start, end) in `text` of every swapped-in synonym (labels for fitting a detector).
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def achieved(self) -> float:
        return self.swapped / max(1, self.content_words)


def _is_sentence_start(text: str, start: int) -> bool:
    return bool(SENTENCE_START_RE.search(text[max(0, start - 8):start])) or start == 0


def content_positions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every content word by the spinner's definition."""
    found = []
    for match in TOKEN_RE.finditer(text):
        word = match.group(0)
        lower = word.lower()
        if lower in STOPWORDS or len(lower) < 3:
            continue
        if word[0].isupper() and not _is_sentence_start(text, match.start()):
            continue  # a name or title: spinners leave most proper nouns alone
        found.append((match.start(), match.end(), word))
    return found


def _cased(original: str, synonym: str) -> str:
    if original.isupper() and len(original) > 1:
        return synonym.upper()
    if original[0].isupper():
        return synonym[0].upper() + synonym[1:]
    return synonym


def spin(text: str, strength: float, seed: int | str, *,
         table: Mapping[str, str] | None = None, digits: bool = True) -> SpinResult:
    """Swap `strength` of the content words for clumsy synonyms; small numbers to digits.

    `table` replaces SPIN_TABLE (another substitution source, see `wordnet_table`);
    `digits=False` leaves spelled-out numbers alone.
    """
    table = SPIN_TABLE if table is None else table
    rng = random.Random(f"spin:{seed}")
    positions = content_positions(text)
    swappable = [p for p in positions if p[2].lower() in table]
    order = sorted(range(len(swappable)), key=lambda _: rng.random())
    target = min(len(swappable), round(strength * len(positions)))
    chosen = {swappable[i][0]: swappable[i] for i in order[:target]}
    numbers = {m.start(): m for m in re.finditer(
        r"\b(two|three|four|five|six|seven|eight|nine)\b", text, re.IGNORECASE)} if digits else {}
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    cursor = 0
    length = 0
    edits = sorted([(s, e, _cased(w, table[w.lower()])) for s, e, w in chosen.values()]
                   + [(s, m.end(), NUMBER_DIGITS[m.group(0).lower()])
                      for s, m in numbers.items() if s not in chosen])
    for start, end, replacement in edits:
        pieces.append(text[cursor:start])
        length += start - cursor
        if start in chosen:
            spans.append((length, length + len(replacement)))
        pieces.append(replacement)
        length += len(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return SpinResult("".join(pieces), len(positions), len(chosen), len(numbers), tuple(spans))


@lru_cache(maxsize=1)
def wordnet_table() -> dict[str, str]:
    """A second substitution source for a robustness check: for every word SPIN_TABLE
    knows, a WordNet synonym instead (one of its three most frequent single-word WordNet
    synonyms with the same ending). Not independent of the detector, which reads WordNet
    too: recall on this variant is an optimistic bound, reported as such."""
    from storyline.wording import stand_ins, unigram_counts

    counts = unigram_counts()
    found = {}
    for word in SPIN_TABLE:
        options = sorted(stand_ins(word), key=lambda w: (-counts.get(w, 0), w))
        ending = next((e for e in ("ing", "ed", "s") if word.endswith(e)), "")
        options = [w for w in options if w in counts and w[:4] != word[:4]
                   and w.endswith(ending) and len(w) > 2][:3]
        if options:
            found[word] = options[zlib.crc32(word.encode()) % len(options)]
    return found
