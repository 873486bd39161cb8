"""Which person or body a description names: "the minister", "the Brooklyn mother".

Goes in: an article's description mentions (`kind` "nominal"), with the people and
organisation `Cluster`s linked so far and the article texts. Comes out: for each
description the one cluster it refers to, or None when the text leaves it open: a
description beside a name joins that person; "the minister" the one person named earlier
as a minister; "the department" the one department named earlier; a lede's "A Pellham
botanist has found ..." the person the next sentence names; a headline's person noun that
suffered a deed ("Driver Charged", "Teen Killed By Police") the one person its body says
suffered it (`suffered_by`); a headline's only person noun ("Driver Charged") the person
the article names far more than anyone else. Also the role
words these rules share (`same_role`, `role_head`, `is_past`) and the sentence-end pattern
used by the linker (`entities`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .body_words import BODY_SYNONYMS, called
from .descriptions import PERSON_TITLES, denied_or_rival_in_text, role_as_title
from .models import Entity, Mention
from .names import ROLE_NOUNS, fold, surname
from .people import FEMALE_WORDS, MALE_WORDS, Cluster, by_gender

# Words for one role, so "the CEO" finds a "chief executive" ("chief executive of ...").
ROLE_SYNONYMS = {"ceo": "executive", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
                 "chairman": "chair", "chairwoman": "chair", "councilman": "councillor",
                 "councilwoman": "councillor", "councilor": "councillor", "leader": "head",
                 "justice": "judge"}


def same_role(head: str, role: str) -> bool:
    """Whether a description's head word names this role ("CEO" and "chief executive")."""
    head = head.lower()
    return ROLE_SYNONYMS.get(head, head) == ROLE_SYNONYMS.get(role_head(role),
                                                              role_head(role))


def role_head(role: str) -> str:
    """The noun a role is about: "chief engineer at the institute" -> "engineer"."""
    words = re.split(r"\s+(?:at|of|for|on|in|with|from)\s+", role.lower(), maxsplit=1)[0].split()
    return words[-1] if words else ""


# A sentence ends at . ! or ? (after an optional closing quote) before a space, unless the
# full stop ends an honorific or an initial ("Dr. Marsh", "J. Thorn").
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)"
                          r"[.!?][\"'\u201d\u2019]?\s+|\n")


def link_described(nominals: list[tuple[Mention, list[Cluster], list[Cluster]]],
                    people: list[Cluster], owned_by: dict[tuple[str, int], str] | None = None
                    ) -> dict[int, tuple[Cluster, set[str]]]:
    """Descriptions beside a name ("the coach, Dan Marsh", "American Hasim Rahman") join
    that person. Returns, per person, the proper words the story describes them with
    ("american"), keyed by the cluster's id."""
    named: dict[str, list[tuple[int, int, Cluster]]] = defaultdict(list)
    for cluster in people:
        for m in cluster.mentions:
            if m.kind == "name":
                named[m.article_id].append((m.start, m.end, cluster))
    described: dict[int, tuple[Cluster, set[str]]] = {}
    for nominal, _people, _orgs in nominals:
        at = nominal.describes if nominal.describes is not None else -1
        merged = next((c for s, e, c in named[nominal.article_id] if s <= at < e), None)
        owner = (owned_by or {}).get((nominal.article_id, nominal.end))
        if merged is None or owner and fold(owner) in merged.surnames | {fold(merged.last or "")}:
            continue  # "Tom Smith's lawyer filed ... Tom Smith filed": the lawyer is not Smith
        merged.add(nominal)
        described.setdefault(id(merged), (merged, set()))[1].update(proper_words(nominal))
    return described


def proper_words(mention: Mention) -> set[str]:
    """The capitalised words of a description, but for its first word: "Brooklyn" in
    "the Brooklyn mother", "American" in "The American"."""
    words = re.findall(r"[A-Za-z][\w'-]*", mention.text)
    return {w.lower().removesuffix("'s") for w in words[1:] if w[0].isupper()} | (
        {words[0].lower()} if words and words[0][0].isupper() and
        words[0].lower() not in {"the", "a", "an", "this", "that"} and
        words[0].lower() not in PERSON_TITLES else set())


def described_person(nominal: Mention, described: dict[int, tuple[Cluster, set[str]]]
                      ) -> Cluster | None:
    """The one person named in the description's article whom the story describes with
    all of its proper words ("the American" for "American Hasim Rahman"), of its gender."""
    words = proper_words(nominal)
    wanted = "female" if nominal.name in FEMALE_WORDS else \
        "male" if nominal.name in MALE_WORDS else None
    fitting = [c for c, said in described.values() if words <= said and any(
        m.article_id == nominal.article_id and m.kind == "name" for m in c.mentions)
        and not _holds_other_roles(nominal.name, c)]
    fitting = by_gender(fitting, wanted)
    return fitting[0] if len(fitting) == 1 else None


def _holds_other_roles(head: str, cluster: Cluster) -> bool:
    """ "an MWA spokeswoman" is not "the MWA chief executive, Graham Otley": a job the
    person is given none of their roles names."""
    roles = [m.role for m in cluster.mentions if m.role]
    return head in ROLE_NOUNS and bool(roles) and not any(
        same_role(head, r) or head in r.lower().split() for r in roles)


def resolve_nominal(nominal: Mention, people: list[Cluster], orgs: list[Cluster], *,
                     anywhere: bool = False, owner: str | None = None) -> Cluster | None:
    """ "the minister" -> the one person named earlier in the article as a minister;
    "the department" -> the one organisation named earlier with "department" in its name.
    Someone's ("Smith's lawyer", `owner` "Smith") only a holder of a role of that owner.
    """
    head = nominal.name
    if nominal.label == "PERSON":
        holders = [(c, m) for c in people for m in c.mentions
                   if m.role and same_role(head, m.role) and
                   is_past(m.role) == is_past(nominal.text) and
                   (owner is None or owner.lower() in m.role.lower())]
        # A holder named before the description; a headline ("Actress Checks Into Rehab")
        # comes before every name, so there the article's one holder wherever it is named.
        matches = list({id(c): c for c, m in holders
                        if anywhere or m.end <= nominal.start}.values())
    else:
        kinds = {head} | BODY_SYNONYMS.get(head, set())
        matches = [c for c in orgs if any(
            called(m.name, kinds) for m in c.mentions
            if m.kind == "name" and m.end <= nominal.start)]
    return matches[0] if len(matches) == 1 else None


def lede_people(nominals: list[tuple[Mention, list[Cluster], list[Cluster]]],
                 texts: Mapping[str, str]) -> list[tuple[Mention, Cluster]]:
    """ "A Pellham botanist has found 41 orchids. Dr. Ilse Marwood, a volunteer ...,
    made the discovery": a person described with "a" or "an" opening an article before
    anyone is named (the news lede that names its subject only after) is the person the
    article names first, in the next sentence, unless the text gives them another job."""
    found: list[tuple[Mention, Cluster]] = []
    seen: set[str] = set()
    for lede, people, _orgs in nominals:
        if lede.article_id in seen or lede.label != "PERSON" or lede.describes is not None \
                or not re.match(r"an?\s", lede.text, re.IGNORECASE):
            continue
        named = [(min(m.start for m in c.mentions if m.kind == "name"), c) for c in people
                 if any(m.kind == "name" for m in c.mentions)]
        seen.add(lede.article_id)
        if not named:
            continue
        start, first = min(named, key=lambda pair: pair[0])
        text = texts.get(lede.article_id, "")
        between = text[lede.end:start]
        if lede.end <= start < lede.end + 300 and _next_sentence(between) and \
                not _holds_other_roles(lede.name, first) and \
                not any(role_as_title(m) for m in first.mentions) and \
                not _denied_or_rival(text, between, first, start):
            found.append((lede, first))
    return found


def _next_sentence(between: str) -> bool:
    """Whether text ending a sentence and then beginning the next lies `between` a lede and
    a name, no sentence further on (that one may name someone else): a piece after a full
    stop that opens in lower case or a figure follows an abbreviation ("at 7 a.m. on
    Sunday", "on Jan. 9", "Brannock Inc. has"), no sentence."""
    pieces = SENTENCE_END.split(between)
    return len(pieces) > 1 and not any(re.match(r"\W*[A-Z]", p) for p in pieces[1:-1])


def _denied_or_rival(text: str, between: str, person: Cluster, start: int) -> bool:
    """ "Rival collector Tomas Prell found nothing": the lede's next sentence names someone
    else, who did not do the deed (`descriptions.denied_or_rival_in_text`)."""
    end = max(m.end for m in person.mentions if m.start == start)
    stop = SENTENCE_END.search(text, end)
    before = SENTENCE_END.split(between)[-1]
    return denied_or_rival_in_text(before, text[end:stop.start() if stop else len(text)])


def story_holder_here(nominal: Mention, merged: Cluster, people: list[Cluster],
                       owner: dict[int, Cluster]) -> bool:
    """Whether the description's article names another person whom some article gives
    the role, after its last word of the article's holder and before the description:
    "Transport Minister Piet Vandersloot, who replaced Brandt, said the minister before
    him ..." where another article has "Transport Minister Helga Brandt". The article's
    own roles leave Vandersloot its one minister; the story's give it two, and the one
    named last could be meant as well."""
    if nominal.label != "PERSON":
        return False
    last = _last_before(nominal, [m for c in people for m in c.mentions
                                  if owner.get(id(c.mentions[0])) is merged])
    for cluster in people:
        other = owner.get(id(cluster.mentions[0]))
        if other is None or other is merged or _last_before(nominal, cluster.mentions) <= last:
            continue
        if any(m.role and same_role(nominal.name, m.role) and
               is_past(m.role) == is_past(nominal.text) for m in other.mentions):
            return True
    return False


def _last_before(nominal: Mention, mentions: Iterable[Mention]) -> int:
    """The start of the last of these mentions before the nominal; -1 if none."""
    return max((m.start for m in mentions if m.start < nominal.start), default=-1)


PAST_WORDS = {"former", "ex", "onetime", "erstwhile"}


def is_past(words: str) -> bool:
    """A role held before ("former coach", "ex-mayor"): "the coach" is someone else."""
    return bool(set(re.findall(r"[a-z]+", words.lower())) & PAST_WORDS)


# Words that make a role the second to another of its name: "the president" is not the
# vice president, nor "the minister" a deputy minister.
DEPUTY_WORDS = {"vice", "deputy", "assistant", "associate", "under"}


def is_deputy(words: str) -> bool:
    """A role second to the one its head names ("vice president", "deputy mayor")."""
    return bool(set(re.findall(r"[a-z]+", words.lower())) & DEPUTY_WORDS)


def names_in_headlines(mentions: Sequence[Mention], resolved: Sequence[Mention]
                    ) -> dict[str, list[int]]:
    """Where each article's headlines name a person of the story ("Lohan" in "Lohan
    Rehires Attorney"): the start offsets of those names."""
    runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in mentions:
        if mention.kind == "headline":
            runs[mention.article_id].append((mention.start, mention.end))
    found: dict[str, list[int]] = defaultdict(list)
    for mention in resolved:
        if mention.label == "PERSON" and mention.kind == "name" and any(
                s <= mention.start < e for s, e in runs.get(mention.article_id, ())):
            found[mention.article_id].append(mention.start)
    return found


# Headline verbs that make the noun a victim ("Cyclist Killed", "Teacher Attacked"): the
# one the article names most is then often the suspect, so the noun stays unlinked.
VICTIM_WORDS = {"killed", "dies", "died", "dead", "hurt", "injured", "wounded", "attacked",
                "assaulted", "beaten", "shot", "stabbed", "hit", "struck", "robbed", "mugged",
                "kidnapped", "abducted", "missing", "rescued", "murdered", "slain", "raped",
                "threatened", "harassed", "bitten", "mauled", "crushed", "drowned", "found"}


def tells_of_a_victim(nominal: Mention, mentions: Sequence[Mention]) -> bool:
    for mention in mentions:
        if mention.kind == "headline" and mention.article_id == nominal.article_id and \
                mention.start <= nominal.start < mention.end:
            return bool(set(re.findall(r"[a-z]+", mention.text.lower())) & VICTIM_WORDS)
    return False


HEADLINE_REACH = 120  # characters: about one headline, so a name in the next one is far


def named_near(nominal: Mention, headline_names: dict[str, list[int]]) -> bool:
    """A person named in a headline close to the noun: the noun is someone else
    ("Lohan Rehires Attorney")."""
    return any(abs(start - nominal.start) < HEADLINE_REACH
               for start in headline_names[nominal.article_id])


def central_person(nominal: Mention, people: list[Cluster], owner: dict[int, Cluster]
                    ) -> Cluster | None:
    """The person a headline's only person noun is about ("Driver Charged", "Teen Killed
    By Police") when no one in the article holds that role: the one the article names far
    more often than anyone else (at least three times and twice as often as the next),
    unless the noun gives another gender ("Woman" for Mr. Roe)."""
    ranked = sorted(people, key=lambda c: -len(c.mentions))
    if not ranked or len(ranked[0].mentions) < 3 or len(ranked) > 1 and \
            len(ranked[0].mentions) < 2 * len(ranked[1].mentions):
        return None
    story = owner.get(id(ranked[0].mentions[0]))
    wanted = "female" if nominal.name in FEMALE_WORDS else \
        "male" if nominal.name in MALE_WORDS else None
    if story is None or not by_gender([story], wanted):
        return None
    if nominal.name.lower() in ROLE_NOUNS and story.roles and \
            not any(same_role(nominal.name, r) for r in story.roles):
        return None  # "Driver Charged" over the article's "Ana Ruiz, the bar's manager"
    if nominal.name.lower() in SERVING_NOUNS and \
            not any(same_role(nominal.name, r) for r in story.roles):
        return None  # "Lawyer Quits" over an article about the client, Ada Rusk
    return story


# Jobs done for someone else, whom the article is then about: a headline's "Lawyer" or
# "Spokesman" is rarely the person the article names most, unless given that job.
SERVING_NOUNS = {"lawyer", "attorney", "solicitor", "barrister", "counsel", "spokesman",
                 "spokeswoman", "spokesperson", "publicist", "agent", "aide", "bodyguard",
                 "doctor", "nurse", "judge", "prosecutor", "jury", "juror"}


# Deeds a headline's noun suffers ("Driver Charged", "Teen Killed By Police"), each with
# the words a body tells it by after the name ("Tam Reid was charged"; one charged has
# been arrested, one shot may have died) and before it ("police arrested Tam Reid", "the
# fatal shooting of Tam Reid").
HARM_WORDS = {"killed", "shot", "stabbed", "slain", "murdered", "hurt", "injured", "wounded",
              "died", "dies", "dead"}
LEGAL_DEEDS = {
    "charge": {"charged", "indicted", "arrested", "held", "detained", "caught", "suspected",
               "accused"},
    "convict": {"convicted"},
    "sentence": {"sentenced", "jailed"},
    "harm": HARM_WORDS,
}
DONE_BEFORE = {
    "charge": {"charged", "arrested", "indicted", "detained"},
    "convict": {"convicted"},
    "sentence": {"sentenced", "jailed"},
    "harm": {"killed", "shot", "stabbed", "murdered"},
}
# A harm told by a noun, which is the name's only with "of" or "victim" after it ("the
# fatal shooting of Tam Reid", "stabbing victim Tam Reid"), not "murder suspect Tam Reid"
# nor "After the shooting, Ada Rusk said".
HARM_NOUNS = {"killing", "shooting", "murder", "death", "slaying", "stabbing"}
SUFFERED_AFTER_NOUN = {"of", "victim"}
DEED_OF = {word: deed for deed, words in LEGAL_DEEDS.items() for word in words}
HEADLINE_DEED = re.compile(r"\s+(?:is\s+|was\s+|gets\s+)?([A-Za-z]+)\b")
# What may stand between a name and what was done to it: an aside of a few parts ("Ada
# Rusk, 61, a swimmer and actress, has died"), or the comma closing the name's own aside
# ("The woman, identified as Ada Rusk, died").
ASIDE = r"(?:(?:\s*,[^,.\n]{1,60}){1,4},|\s*,)?"
AGE_BEFORE_NAME = re.compile(r"\d+\s*-?\s*year\s*-?\s*old\s*$", re.IGNORECASE)


def headline_deed(nominal: Mention, text: str) -> str | None:
    """The deed the headline says its noun suffered: "charge" for "Driver Charged" or
    "Teen Is Arrested", "harm" for "Climber Dies"; None for any other verb."""
    line_start = text.rfind("\n", 0, nominal.start) + 1
    if HEADLINE_CLAUSE.search(text, line_start, nominal.start):
        return None  # "Officer Who Shot Teen Charged": the teen is not who was charged
    return _deed_after(text, nominal.end)


def _deed_after(text: str, position: int) -> str | None:
    """The deed of the law the verb at `position` tells, if any: "accused" and "suspected"
    only with "of" after ("Man accused of theft"; "Father accused coach of abuse" makes
    the father the accuser, not the accused)."""
    verb = HEADLINE_DEED.match(text, position)
    if verb is None:
        return None
    word = verb.group(1).lower()
    if word in ACCUSED_WORDS and not re.match(r"\s+of\b", text[verb.end():], re.IGNORECASE):
        return None
    return DEED_OF.get(word)


ACCUSED_WORDS = {"accused", "suspected"}


HEADLINE_CLAUSE = re.compile(r"\b(?:who|whom|that|which)\b", re.IGNORECASE)


def suffered_by(nominal: Mention, people: list[Cluster], owner: Mapping[int, Cluster],
                text: str) -> Cluster | None:
    """The one person the article's body says suffered the deed its headline's noun did
    ("Driver Charged" ... "Tam Reid, 33, was charged"; "Teen Killed" ... "the shooting of
    Tam Reid"), of the noun's gender; None when no such deed, no one or several ("Tam Reid
    and Ola Fenn were charged")."""
    deed = headline_deed(nominal, text)
    if deed is None:
        return None
    line_end = text.find("\n", nominal.end)
    body = len(text) if line_end < 0 else line_end
    fitting = list({id(o): o for c in people for m in c.mentions
                    if m.kind == "name" and m.start > body and _suffers(text, m, deed)
                    and (o := owner.get(id(c.mentions[0]))) is not None}.values())
    wanted = "female" if nominal.name in FEMALE_WORDS else \
        "male" if nominal.name in MALE_WORDS else None
    fitting = by_gender(fitting, wanted)
    if len(fitting) != 1:
        return None
    if deed == "harm" and not _named_most(fitting[0], people, owner):
        return None  # "Climber Killed": the article's subject, not a death it recalls
    return fitting[0]


def _named_most(person: Cluster, people: list[Cluster], owner: Mapping[int, Cluster]
                ) -> bool:
    """Whether the article names this person at least as often as anyone else."""
    counts: dict[int, int] = defaultdict(int)
    for cluster in people:
        merged = owner.get(id(cluster.mentions[0]))
        if merged is not None:
            counts[id(merged)] += sum(m.kind == "name" for m in cluster.mentions)
    return counts[id(person)] >= max(counts.values(), default=0)


def _suffers(text: str, mention: Mention, deed: str) -> bool:
    """Whether the sentence says the deed was done to the name: "Tam Reid, 33, was
    charged", "Tam Reid has been arrested", "Tam Reid died", "police arrested Tam Reid",
    "the death of 16-year-old Tam Reid", "the jury found Tam Reid guilty"."""
    said = "|".join(sorted(LEGAL_DEEDS[deed]))
    after = text[mention.end:]
    if re.match(rf"{ASIDE}\s+(?:was|were|is|has been|had been|have been|is being|was being)"
                rf"\s+(?:\w+\s+)?(?:{said})\b", after, re.IGNORECASE):
        return True
    # without "was": only a deed no one does to another ("Tam Reid died", not "Tam Reid
    # shot a teenager", which makes him the one who did it)
    if deed == "harm" and re.match(rf"{ASIDE}\s+(?:\w+\s+)?(?:died|dies)\b", after,
                                   re.IGNORECASE):
        return True
    if deed == "harm" and re.match(r"\s*['\u2019]\s*s\s+(?:\w+\s+)?death\b", after):
        return True  # "Mr Buckley's death" (a "killing" of his may be his deed)
    # the words just before the name, in its sentence ("arrested 24-year-old Tam Reid")
    before = re.split(r"[.!?\n]", text[max(0, mention.start - 50):mention.start])[-1]
    # a comma closes the words before ("After the shooting, Ada Rusk said")
    clause = AGE_BEFORE_NAME.sub("", before).rsplit(",", 1)[-1]
    last = [w.lower() for w in re.findall(r"\w+", clause)][-3:]
    if deed == "convict" and last[-1:] == ["found"]:  # "found Tam Reid guilty"
        return re.match(r"(?:\s*,[^,.\n]{1,60},)?\s+guilty\b", text[mention.end:]) is not None
    if deed == "harm" and len(last) > 1 and last[-2] in HARM_NOUNS and \
            last[-1] in SUFFERED_AFTER_NOUN:
        return True
    return bool(set(last) & DONE_BEFORE[deed])


def opens_plain_headline(mention: Mention, text: str) -> bool:
    """A capitalised word opening a headline written in sentence case, its noun then
    suffering a deed of the law ("Man charged with arson over Waitrose fire"): a line of
    its own, without a full stop, the noun followed by "charged", "arrested" ...."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    if line_start != mention.start or not 0 < len(line) <= HEADLINE_LENGTH or \
            line.endswith((".", "!", "?")):
        return False
    return _deed_after(text, mention.start + len(mention.text.split()[0])) is not None


HEADLINE_LENGTH = 120  # characters: longer lines are paragraphs


DOCTOR_NOUNS = {"doctor", "physician"}


def doctor_called(head: str, text: str, owner: str | None, entity: Entity,
                   pool: list[Entity]) -> bool:
    """ "the doctor", "the province's top doctor": someone the article calls "Dr." (an
    honorific is no role) with no role or a medical one (not "Dr. Lena Marsh, an
    economist"); not "his doctor" nor "Dahl's doctor", someone else's."""
    if head not in DOCTOR_NOUNS or re.match(r"(?:his|her|their|my|our|your)\b", text.strip(),
                                            re.IGNORECASE):
        return False
    if owner is not None and any(surname(e.name).lower() == owner for e in pool
                                 if e.label == "PERSON"):
        return False
    return any(a.lower().startswith(("dr.", "dr ")) for a in (entity.name, *entity.aliases)) \
        and all(_medical(role) for role in entity.roles)


# Words of a role that make a "Dr." someone's doctor: "Dr. Lena Marsh, an economist" is not.
MEDICAL_WORDS = {"doctor", "physician", "surgeon", "gp", "consultant", "medical", "nurse",
                 "medic", "clinician", "paramedic", "practitioner", "paediatrician",
                 "pediatrician", "psychiatrist", "cardiologist", "oncologist", "neurologist",
                 "radiologist", "anaesthetist", "anesthetist", "obstetrician", "coroner",
                 "pathologist", "dentist", "vet", "veterinarian", "registrar", "midwife",
                 "health"}


def _medical(role: str) -> bool:
    """A role a doctor holds ("surgeon", "chief medical officer", "GP at Calder Surgery")."""
    held = re.split(r"\s+(?:at|of|for|in|with|from)\s+", role.lower(), maxsplit=1)[0]
    return bool(set(re.findall(r"[a-z]+", held)) & MEDICAL_WORDS)
