"""People across articles: clusters of mentions, and when two clusters are one person.

Goes in: per-article clusters of person mentions (`Cluster`, built by
`entities.link_entities`). Comes out: one cluster per person of the story.

The rules, most certain first:

* the same given name and surname, or a nickname used as the given name ("Jerry Ortiz"
  for "Luis Gerardo (Jerry) Ortiz"), unless the articles give them ages far apart ("Tom
  Brand, 34" and "Tom Brand, 61": namesakes; `give_ages` reads them from the texts) or
  middle names that differ ("Tom J. Brand", "Tom K. Brand");
* a two-word form of one three-word name whose middle word is a surname's ("Ana
  Garcia" of "Ana Garcia Lopez" or "Ana Garcia-Lopez", "Lo Rellini" of "Gaetano Lo
  Rellini") that no one else of the story fits ("Luis Varela" beside "Jose Luis Varela"
  may be his brother: only "Jose Varela", a variant, joins him);
* spelling variants of one name ("Fred" / "Frederick LaRue", "Heydar" / "Heidar
  Alishvandi") when the two are each other's only such variant in the story, and their
  genders (from honorifics and words like "wife" or "son") do not clash;
* a bare surname ("Lohan", "van der Merwe": a surname keeps its particles; "Van Rompuy"
  where the story names Herman Van Rompuy) joins the one person of the story with that
  surname; with several, its roles or its honorific's gender must leave exactly one, or
  else only one bearer's articles share other named people with its article (the same
  event);
* a bare word that is no one's surname joins the one person with that given name
  ("Craig"), or the one person whose surname it misspells by swapping two letters.

Anything ambiguous stays apart: a false merge of two people is worse than a missed one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from .given_names import given_name_gender, given_word_gender
from .models import Mention
from .names import (
    GIVEN_PARTICLES,
    NAME_SUFFIXES,
    fold,
    mac_form,
    name_parts,
    same_given_name,
    surname,
    swapped_letters,
)

FEMALE_HONORIFICS = {"Mrs.", "Ms.", "Miss", "Dame", "Lady"}
MALE_HONORIFICS = {"Mr.", "Sir", "Lord"}
# Role words that tell a person's gender ("his wife, Michele"): plain English, no names.
FEMALE_WORDS = {"wife", "widow", "daughter", "mother", "sister", "grandmother", "aunt",
                "niece", "girlfriend", "woman", "actress", "mom", "mum", "chairwoman",
                "spokeswoman", "congresswoman", "councilwoman", "businesswoman", "queen",
                "princess", "stepdaughter", "stepmother", "granddaughter", "fiancee"}
MALE_WORDS = {"husband", "widower", "son", "father", "brother", "grandfather", "uncle",
              "nephew", "boyfriend", "man", "actor", "dad", "chairman", "spokesman",
              "congressman", "councilman", "businessman", "king", "prince", "stepson",
              "stepfather", "grandson", "fiance"}
# Offices whose "-man" form papers give either sex ("Jane Quill, chairman of the
# council"): no sign of gender where it would keep two mentions apart. Their "-woman"
# forms are given to no man ("Jane Quill, spokeswoman" is no "Mr Quill") and still count.
OFFICE_GENDER_WORDS = {"chairman", "spokesman", "congressman", "councilman", "businessman"}

GENDERED_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                     "she": "female", "her": "female", "hers": "female", "herself": "female"}

# A relative is someone else than the name beside it ("Smith, Wife, Visit Dunmore").
RELATIVES = {"wife", "widow", "daughter", "mother", "sister", "grandmother", "aunt", "niece",
             "girlfriend", "mom", "mum", "husband", "widower", "son", "father", "brother",
             "grandfather", "uncle", "nephew", "boyfriend", "dad", "stepdaughter",
             "stepmother", "stepson", "stepfather", "granddaughter", "grandson", "fiancee",
             "fiance", "grandma", "grandpa", "cousin", "relative"}
# ... and so are these beside a name, though they are no family: "a partner at the law
# firm" is a job, so they do not make someone a relative of a namesake.
OTHER_PEOPLE = RELATIVES | {"friend", "partner", "colleague", "rival", "parent", "child"}

@dataclass(eq=False)
class Cluster:
    """Mentions believed to name one person or organisation (compared by identity)."""

    label: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    nicknames: dict[str, None] = field(default_factory=dict)
    # Ages the articles give beside the name ("Tom Brand, 34,"): two far apart are two people.
    ages: set[int] = field(default_factory=set)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.kind == "name":
            self.names[mention.name] += 1
            self.aliases[mention.text] = None
            self.aliases[mention.name] = None
            # "Ms. Doe" from "Ms. Jane Doe"; "Ms Doe" as written is an alias already
            if mention.honorific and not mention.text.startswith(mention.honorific.rstrip(".")):
                self.aliases[f"{_as_written(mention)} {surname(mention.name)}"] = None
            if mention.nickname:
                self.nicknames[mention.nickname] = None
        if mention.role:
            self.roles[mention.role] = None
        self.roles.update(dict.fromkeys(mention.other_roles))

    def absorb(self, other: Cluster) -> None:
        for mention in other.mentions:
            self.add(mention)
        self.ages |= other.ages

    @property
    def keys(self) -> set[str]:
        """ "given surname" keys: the given name and any nickname used in its place."""
        last = fold(self.last or "")
        return {f"{fold(g)} {last}" for g in (self.first or "", *self.nicknames) if g}

    @property
    def surnames(self) -> set[str]:
        """Every surname its full names use ("Raite" and "Rait" after a merge)."""
        return {fold(surname(n)) for n in self.names if len(name_parts(n)) > 1}

    @property
    def middles(self) -> set[str]:
        """Middle names and initials seen ("Cheney", "C")."""
        found: set[str] = set()
        for name in self.names:
            parts = name_parts(name)
            found.update(p.rstrip(".") for p in parts[1:-1])
        return found

    @property
    def gender(self) -> str | None:
        """The gender its mentions give, else (a weak clue) its full names' given names'."""
        votes = self._text_votes()
        return votes.pop() if len(votes) == 1 else None if votes else self.given_names_gender

    @property
    def text_gender(self) -> str | None:
        """The gender its mentions give (honorifics, role words, pronouns), if one."""
        votes = self._text_votes()
        return votes.pop() if len(votes) == 1 else None

    def _text_votes(self) -> set[str]:
        return {g for m in self.mentions if (g := mention_gender(m))}

    @property
    def given_names_gender(self) -> str | None:
        """The one gender its full names' given names have ("Mark Ostrander"), if any."""
        votes = {g for name in self.names if (g := given_name_gender(name))}
        return votes.pop() if len(votes) == 1 else None


def mention_gender(mention: Mention, *, pronoun: bool = True, offices: bool = True
                   ) -> str | None:
    """ "female" / "male" from the honorific or a gendered role word, else None; with
    `pronoun`, first from the pronoun the mention finder saw right after the name; without
    `offices`, not from an office's word ("chairman")."""
    if mention.honorific in FEMALE_HONORIFICS:
        return "female"
    if mention.honorific in MALE_HONORIFICS:
        return "male"
    if pronoun and mention.pronoun:
        return mention.pronoun
    words = set(re.findall(r"[a-z]+", (mention.role or "").lower().split(" of ")[0]))
    if not offices:
        words -= OFFICE_GENDER_WORDS
    female, male = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
    if female != male:
        return "female" if female else "male"
    return None


def _as_written(mention: Mention) -> str:
    """The mention's honorific as its text writes it: "Dr" of "Director Dr Helen Marsh",
    so the alias "Dr Marsh" is not given a full stop the article never used."""
    honorific = mention.honorific or ""
    written = re.search(rf"\b{re.escape(honorific.rstrip('.'))}\.?(?=\s)", mention.text)
    return written.group(0) if written else honorific


def is_relative(cluster: Cluster) -> bool:
    """The story calls this person someone's relative ("his sister", "her husband"); "a
    father of three" describes him, and makes him no one's relative in the story."""
    return bool(kin_words(cluster.roles))


# The relatives a family hands its names down to ("his grandson Bobby Crane")
HEIRS = {"son", "daughter", "grandson", "granddaughter", "nephew", "niece", "stepson",
         "stepdaughter"}
# "a father of three", "a grandmother of six": what someone is, no one's relative in the story
COUNT_OF_KIN = re.compile(r"^(?:an?\s+)?(?:[a-z-]+\s+)?[a-z]+\s+of\s+(?:\d+|two|three|four|five|"
                          r"six|seven|eight|nine|ten|eleven|twelve|several|many)\b")


def kin_words(roles: Iterable[str]) -> set[str]:
    """The kin words of roles ("his grandson" -> "grandson"; "son of the mayor" and
    "father-in-law" too; not "a father of three", nor the "club's father figure")."""
    return {w.lower() for role in roles if not COUNT_OF_KIN.match(role.lower())
            for w in KIN_WORD.findall(re.sub(r"-in-law\b", "", role.split(" of ")[0]))
            if w.lower() in RELATIVES}


# A word not followed by a lower-case noun it would modify ("father figure", "sister
# club"): "teenage son", "son and heir", "father Tom" keep theirs.
KIN_WORD = re.compile(r"[A-Za-z]+\b(?!\s+(?!and\b|or\b)[a-z])")


def kin_fits(mention: Mention, bearer: Cluster) -> bool:
    """A mention called someone's relative ("His father posted bail. Mr Brand said":
    "father") names only a bearer the story calls that relative too."""
    kin = kin_words([mention.role or ""])
    return not kin or bool(kin & kin_words(bearer.roles))


def _relatives_apart(a: Cluster, b: Cluster) -> bool:
    """One's nickname the other's given name ("Robert \"Bobby\" Crane" and "Bobby
    Crane") where the story calls one someone's relative and not the other ("his grandson
    Bobby Crane"): a family hands its names down, so the relative is another person. Only
    a kin word of those the names are handed down to: "Bobby Crane, the boy's grandfather"
    is Robert "Bobby" Crane, 70, still. (A spelling of one given name, "Kate" / "Kathryn",
    is not so kept apart.)"""
    first_a, first_b = fold(a.first or ""), fold(b.first or "")
    by_nickname = first_b in {fold(n) for n in a.nicknames} or \
        first_a in {fold(n) for n in b.nicknames}
    return by_nickname and first_a != first_b and \
        bool((kin_words(a.roles) ^ kin_words(b.roles)) & HEIRS)


def by_gender(candidates: list[Cluster], wanted: str | None) -> list[Cluster]:
    """The candidates a mention of this gender can name: those not known to differ."""
    if wanted is None:
        return candidates
    return [c for c in candidates if c.gender in {None, wanted}]


# An age beside a name: "Tom Brand, 34,", "Tom Brand (34)"; or before it: "34-year-old
# Tom Brand", "a 34-year-old roofer, Tom Brand". Not the first digits of a longer number:
# "Brand, 1.5 seconds back", "Brand, 3:58.41", "Brand, 1,500 votes ahead".
AGE_AFTER = re.compile(r"\s*(?:,\s*(\d{1,3})\s*[,.;:](?!\d)|\((\d{1,3})\))")
AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old((?:\s+[a-z]+){0,2})(?:\s*,)?\s+$")
# Words after "a 16-year-old" that make the name after them someone else, the object of a
# deed or a second person: "a 16-year-old shot by Tom Brand", "the 12-year-old told Ada
# Rusk", "a 34-year-old man and Tom Brand".
NOT_THE_AGED = {"and", "or", "but", "by", "with", "for", "of", "to", "from", "at", "in", "on",
                "against", "than", "as", "after", "before", "near", "like", "who", "whom",
                "that", "told", "tells", "asked", "asks", "shot", "hit", "saw", "met", "beat",
                "struck", "bit", "said", "says", "is", "was", "has", "had"}


def give_ages(clusters: list[Cluster], texts: Mapping[str, str]) -> None:
    """Each article cluster's ages, as its text gives them beside a full name, or after a
    bare surname ("Brand, 61,": so it joins no Dane Brand, 33, his son)."""
    for cluster in clusters:
        for mention in cluster.mentions:
            text = texts.get(mention.article_id)
            if text is None or mention.kind != "name":
                continue
            after = AGE_AFTER.match(text, mention.end)
            if after is not None:
                cluster.ages.add(int(after.group(1) or after.group(2)))
            if " " not in mention.name:
                continue
            before = AGE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
            if before is not None and _describes_the_name(before.group(2).split()):
                cluster.ages.add(int(before.group(1)))


def _describes_the_name(words: list[str]) -> bool:
    """Whether the words between "34-year-old" and a name describe that name ("roofer",
    "police officer"), not a deed done to it ("shot by", "stabbed")."""
    return not any(w in NOT_THE_AGED for w in words) and \
        not (words and words[-1].endswith("ed"))


# -- merging across articles -----------------------------------------------------------

def merge_people(clusters: list[Cluster]) -> list[Cluster]:
    """One cluster per person: full names first, then bare surnames and given names."""
    clusters = _particle_surnames(clusters)
    full = _merge_name_variants(_merge_same_names([c for c in clusters if c.first]))
    full = _merge_long_name_forms(full)
    single = [c for c in clusters if not c.first]
    return full + _attach_single_words(single, full)


def _particle_surnames(clusters: list[Cluster]) -> list[Cluster]:
    """ "Van Rompuy" or "Del Rio" read as a given name and a surname, where the story
    names "Herman Van Rompuy": a bare surname with its particle (`names.name_parts` cannot
    tell "Van Rompuy" from "Van Morrison" without the story)."""
    particle_surnames = {fold(c.last) for c in clusters if c.first and c.last and " " in c.last}
    for cluster in clusters:
        first, last = cluster.first or "", cluster.last or ""
        if first.lower() in GIVEN_PARTICLES and fold(first + last) in particle_surnames:
            cluster.first, cluster.last = None, f"{first} {last}"
    return clusters


def _merge_same_names(clusters: list[Cluster]) -> list[Cluster]:
    """Clusters sharing a "given surname" key (nicknames count as given names), but for
    namesakes the articles give ages far apart ("Tom Brand, 34, a roofer" and "Tom Brand,
    61, the county sheriff"); a name without an age that both such namesakes could be
    joins neither."""
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    merged: list[Cluster] = []
    for cluster in clusters:
        targets = list(dict.fromkeys(t for k in cluster.keys for t in by_key.get(k, [])
                                     if not _namesakes(t, cluster) and
                                     not _relatives_apart(t, cluster)))
        if any(_namesakes(a, b) for i, a in enumerate(targets) for b in targets[i + 1:]):
            targets = []  # either namesake: a wrong merge is worse than none
        if not targets:
            target = Cluster("PERSON", first=cluster.first, last=cluster.last)
            merged.append(target)
        else:
            target = targets[0]
            for other in targets[1:]:
                target.absorb(other)
                merged.remove(other)
                for listed in by_key.values():
                    if other in listed:
                        listed.remove(other)
        target.absorb(cluster)
        for key in target.keys | cluster.keys:
            if target not in by_key[key]:
                by_key[key].append(target)
    return merged


def _namesakes(a: Cluster, b: Cluster) -> bool:
    """One name, two people: ages far apart, or middle names that differ ("Tom J. Brand"
    and "Tom K. Brand")."""
    return _ages_clash(a, b) or not _middles_agree(a.middles, b.middles)


AGE_GAP = 2  # years: two articles may give one person ages a birthday apart


def _ages_clash(a: Cluster, b: Cluster) -> bool:
    """Both clusters have ages and none of one is within `AGE_GAP` of one of the other."""
    return bool(a.ages and b.ages) and all(abs(x - y) > AGE_GAP for x in a.ages
                                           for y in b.ages)


def _merge_name_variants(clusters: list[Cluster]) -> list[Cluster]:
    """ "Fred LaRue" + "Frederick C. LaRue": groups of variants of one name merge when no
    two of them clash ("Chris" fits "Christopher" and "Christine", who clash: no merge)."""
    merged: list[Cluster] = []
    for group in _variant_groups(clusters):
        if len(group) > 1 and not any(_clash(a, b) for i, a in enumerate(group)
                                      for b in group[i + 1:]):
            for other in group[1:]:
                group[0].absorb(other)
            merged.append(group[0])
        else:
            merged.extend(group)
    return merged


def _merge_long_name_forms(clusters: list[Cluster]) -> list[Cluster]:
    """ "Ana Garcia Lopez" is also "Ana Garcia" (two surnames, the first used alone), and
    "Ana Garcia-Lopez" too: a two-word name that one three-word name of the story holds,
    when no other person of the story bears its surname nor claims that form, and nothing
    (gender, age, a suffix, a relative's word) tells the two apart. A form that drops the
    first given name ("Luis Varela" of "Jose Luis Varela") is not linked: it is as often
    a brother or son named in another sentence. "Jose Varela" (the middle name dropped)
    is the usual short form, linked as a variant by `_merge_name_variants`; "Lo Rellini"
    of "Gaetano Lo Rellini" (a surname alone) is linked here."""
    claims: dict[int, list[Cluster]] = defaultdict(list)  # short cluster -> long ones
    for long in clusters:
        for short in _short_forms(long, clusters):
            claims[id(short)].append(long)
    absorbed: set[int] = set()
    for short in clusters:
        longs = claims.get(id(short), [])
        if len(longs) == 1 and id(longs[0]) not in absorbed:
            longs[0].absorb(short)
            absorbed.add(id(short))
    return [c for c in clusters if id(c) not in absorbed]


def _short_forms(long: Cluster, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters named by a two-word form of this cluster's one long name."""
    forms = _two_word_forms(long)
    if not forms or is_relative(long):
        return []
    found = []
    for short in clusters:
        if short is long or not short.first or not short.last or \
                {len(name_parts(n)) for n in short.names} != {2}:
            continue
        pair = (fold(short.first), fold(short.last))
        if pair not in forms or is_relative(short) or _genders_differ(long, short) or \
                _ages_clash(long, short) or _suffixes(long) != _suffixes(short):
            continue
        others = [c for c in clusters if c is not long and c is not short and
                  fold(c.last or "") == pair[1]]
        if not others:
            found.append(short)
    return found


def _two_word_forms(cluster: Cluster) -> set[tuple[str, str]]:
    """(given, surname) forms of a cluster's one long name whose middle word is a
    surname's: "Ana Garcia Lopez" -> Ana Garcia (a compound surname's first part) and
    Garcia Lopez, "Gaetano Lo Rellini" -> Lo Rellini (the surname alone); "Ana
    Garcia-Lopez" -> Ana Garcia. Not around an initial ("Tom J. Brand"), and none where
    the middle word is a given name: "Luis Varela" beside "Jose Luis Varela", "Thomas
    Dunmore" beside "Kyle Thomas Dunmore", "Ann Smith" beside "Mary Ann Smith" are a
    brother, a father, a daughter as often as the same person, and a false merge costs
    more than a missed link."""
    long = {tuple(name_parts(n)) for n in cluster.names
            if len(name_parts(n)) == 3 or len(name_parts(n)) == 2 and "-" in n}
    if len(long) != 1:
        return set()
    parts = [fold(p) for p in long.pop()]
    if len(parts) == 2:
        barrels = [fold(p) for p in (cluster.last or "").split("-")]
        return {(parts[0], barrels[0])} if len(barrels) == 2 and all(barrels) else set()
    first, middle, last = parts
    if len(middle) < 2 or not middle.isalpha() or given_word_gender(middle) is not None:
        return set()
    return {(middle, last), (first, middle)}


def _suffixes(cluster: Cluster) -> set[str]:
    """Generational suffixes its names carry ("Jr.", "III")."""
    return {w.lower().rstrip(".") for n in cluster.names
            for w in n.replace(",", " ").split() if w.lower() in NAME_SUFFIXES}


def _variant_groups(clusters: list[Cluster]) -> list[list[Cluster]]:
    """Connected groups of clusters linked by `same_person_name`, in input order."""
    group_of = {c: [c] for c in clusters}
    for i, a in enumerate(clusters):
        for b in clusters[i + 1:]:
            if group_of[a] is not group_of[b] and same_person_name(a, b):
                joined = group_of[a] + group_of[b]
                for member in joined:
                    group_of[member] = joined
    groups = {id(g): g for g in group_of.values()}
    return [sorted(g, key=clusters.index) for g in groups.values()]


def same_person_name(a: Cluster, b: Cluster) -> bool:
    """Two full names that can be one person's: variant given names, the same surname
    (or one slip in it with the very same given name), compatible middles and genders."""
    if not (a.first and b.first and a.last and b.last) or _clash(a, b):
        return False
    last_a, last_b = fold(a.last), fold(b.last)
    return last_a == last_b or fold(a.first) == fold(b.first)


def _clash(a: Cluster, b: Cluster) -> bool:
    """Names, genders or ages that cannot be one person's."""
    if _genders_differ(a, b) or _ages_clash(a, b) or _relatives_apart(a, b):
        return True
    if not (same_given_name(a.first or "", b.first or "") or
            _apart_variants(a, b)) or not _middles_agree(a.middles, b.middles):
        return True
    last_a, last_b = fold(a.last or ""), fold(b.last or "")
    return last_a != last_b and not (min(len(last_a), len(last_b)) >= 4 and
                                     last_a[0] == last_b[0] and
                                     OSA.distance(last_a, last_b) <= 1)


def _genders_differ(a: Cluster, b: Cluster) -> bool:
    """The two clusters' genders differ. Given names of one gender in the table
    ("Michael" / "Mike") tell them no more apart: then only the text's genders count (a
    woman named Michael whom one article calls "she" is still the other's Mike Brennan)."""
    if a.given_names_gender == b.given_names_gender:
        first, second = a.text_gender, b.text_gender
    else:  # "Christopher" / "Christine"
        first, second = a.gender, b.gender
    return first is not None and second is not None and first != second


def _apart_variants(a: Cluster, b: Cluster) -> bool:
    """Given names one silent "h" or doubled letter apart ("Jon" / "John", "Philip" /
    "Phillip") or a pet name's ending ("Betty" / "Bettie", "Jody" / "Jodie"), used by
    articles that never name both: one writer's spelling; two people of
    one family are named side by side. Not another letter ("Dan" / "Dean", "Jon" / "Joan",
    "Ryan" / "Bryan"), a letter swapped ("Tom" / "Tim") or a shared start ("Christopher"
    / "Christine")."""
    x, y = sorted((fold(a.first or ""), fold(b.first or "")), key=len)
    if len(x) < 3 or _articles(a) & _articles(b):
        return False
    if x[:3] == y[:3] and _pet_ending(x) == _pet_ending(y) != x:  # "Betty" / "Bettie"
        return _one_pet_name(x, y) and not _other_roles(a, b)
    if y.startswith(x) and y[len(x):] in FEMININE_ENDINGS:  # "Jean" / "Jeanne"
        return False
    return any(y[:i] + y[i + 1:] == x and (y[i] == "h" or y[i] in (y[i - 1], y[i + 1:i + 2]))
               for i in range(1, len(y)))


# Pet names spelt two ways whose stem has no doubled consonant ("Jody" / "Jodie"); other
# such pairs are often two names ("Mary" / "Marie", "Toni" / "Tony").
PET_SPELLINGS = {frozenset(p) for p in (("jody", "jodie"), ("katy", "katie"),
                                        ("cathy", "cathie"), ("debby", "debbie"),
                                        ("freddy", "freddie"), ("charly", "charlie"))}


def _one_pet_name(x: str, y: str) -> bool:
    """ "Betty" / "Bettie", "Lenny" / "Lennie": a stem ending in a doubled consonant, or a
    listed pair; not "Mary" / "Marie", which are two names."""
    stem = _pet_ending(x)[:-1]
    return len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou" or \
        frozenset((x, y)) in PET_SPELLINGS


def _other_roles(a: Cluster, b: Cluster) -> bool:
    """Both given roles, none shared: "Mary Walsh, a nurse" is not "council leader Marie
    Walsh" (a spelling variant of a name is no proof against two jobs)."""
    return bool(a.roles and b.roles) and not set(a.roles) & set(b.roles)


def _pet_ending(name: str) -> str:
    """A pet name's ending written one way: "Bettie", "Betty" and "Betti" -> "bett~"."""
    for ending in ("ie", "ey", "y", "i"):
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            return name[:-len(ending)] + "~"
    return name


# Endings that make a given name another person's: "Paul" / "Paula", "Jean" / "Jeanne".
FEMININE_ENDINGS = {"a", "e", "ie", "ine", "ina", "ia", "ette", "elle", "ne"}


def _middles_agree(a: set[str], b: set[str]) -> bool:
    """Middle names agree when one side has none, or some pair matches ("C" ~ "Cheney")."""
    if not a or not b:
        return True
    return any(same_given_name(x, y) for x in a for y in b)


def _attach_single_words(singles: list[Cluster], full: list[Cluster]) -> list[Cluster]:
    """Bare-word clusters join the one full-named person they fit; the rest are grouped,
    but for a word several people of the story bear: "Khalil" in two articles that name
    neither Dorota nor Idris Khalil may be her in one and him in the other. One barrel
    alone ("Lopez", "Mr Lopez" of "Dane Garcia-Lopez") joins no one: it is a parent's or
    a spouse's whole surname as often as its bearer's short form."""
    by_surname: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in full:
        # "Merwe", where spaCy left out the particles of "van der Merwe", is him too
        last_words = {fold(cluster.last.split()[-1])} if cluster.last else set()
        for name in cluster.surnames | {fold(cluster.last or "")} | last_words:
            by_surname[name].append(cluster)
    orphans: dict[str, Cluster] = {}
    apart: list[Cluster] = []
    for cluster in singles:
        target = _single_word_target(cluster, full, by_surname)
        if target is not None:
            target.absorb(cluster)
            continue
        key = fold(cluster.last or "")
        if len(by_surname.get(key, [])) > 1 or \
                key in orphans and (_genders_clash(cluster, orphans[key]) or
                                    _ages_clash(cluster, orphans[key])):
            apart.append(cluster)  # "Mr Quill" and "Mrs Quill", "Quill, 34" and "Quill, 61"
        elif key in orphans:
            orphans[key].absorb(cluster)
        else:
            orphans[key] = cluster
    return list(orphans.values()) + apart


def _single_word_target(cluster: Cluster, full: list[Cluster],
                        by_surname: dict[str, list[Cluster]]) -> Cluster | None:
    word = fold(cluster.last or "")
    # "Ms. Dahl" is never Oren Dahl, a man (an honorific's gender is not overruled), and
    # "Mrs Quill" is not the Fenn Quill another article calls "Mr Quill", even where he
    # is the story's only full-named Quill
    wanted = _honorific_gender(cluster)
    # "Brand, 61" is not Dane Brand, 33, the story's only full-named Brand: his father
    # "His father posted bail. Mr Brand said" is not the son, the story's only Brand
    kin = kin_words(cluster.roles)
    candidates = [c for c in by_surname.get(word, []) if not _genders_clash(cluster, c) and
                  not _ages_clash(cluster, c) and (not kin or kin & kin_words(c.roles)) and
                  (wanted is None or _gender_not_by_office(c) in {None, wanted})]
    if len(candidates) > 1:
        roles = set(cluster.roles)
        candidates = [c for c in candidates if roles & set(c.roles)] or \
            by_gender(candidates, cluster.gender)
    # "Jenkin" beside "his sister"; a pronoun after the surname says no more than that
    if len(candidates) > 1 and _stated_gender(cluster) is None:
        candidates = _covered_non_relative(candidates) or candidates
    if len(candidates) > 1:  # a surname only: people of one event often share given names
        candidates = _same_event(cluster, candidates, full)
    if not candidates:  # not a surname here: a given name, or a surname with two letters swapped
        candidates = [c for c in full if fold(c.first or "") == word] or \
            [c for c in full if swapped_letters(fold(c.last or ""), word)] or \
            [c for c in full if mac_form(c.last or "") == mac_form(word) != word]
    return candidates[0] if len(candidates) == 1 else None


def _covered_non_relative(bearers: list[Cluster]) -> list[Cluster]:
    """The one bearer the story never calls someone's relative, when it is also named in
    at least twice as many articles as each bearer it does call one; else empty. In an
    article that names no bearer, a bare "Jenkin" beside "his sister, Kate Jenkin" in
    another is as often the relative: "Her son, Idris Khalil, was arrested ... Khalil was
    remanded" means the son, so the relative word alone settles nothing across articles."""
    others = [c for c in bearers if not is_relative(c)]
    if len(others) != 1:
        return []
    covered = len(_articles(others[0]))
    return others if all(2 * len(_articles(c)) <= covered
                         for c in bearers if c is not others[0]) else []


def _honorific_gender(cluster: Cluster) -> str | None:
    """The gender the honorifics of a cluster's mentions give ("Ms. Dahl"), if one."""
    votes = {g for m in cluster.mentions if m.honorific and (g := mention_gender(m, pronoun=False))}
    return votes.pop() if len(votes) == 1 else None


def _gender_not_by_office(cluster: Cluster) -> str | None:
    """A cluster's gender, pronouns included, but no office's word ("chairman"); else
    its given names' ("Ms. Dahl" is not Mark Dahl, whom nothing else gives a gender)."""
    votes = {g for m in cluster.mentions if (g := mention_gender(m, offices=False))}
    return votes.pop() if len(votes) == 1 else None if votes else cluster.given_names_gender


def _stated_gender(cluster: Cluster) -> str | None:
    """The gender an honorific or a kin word gives ("Miss Jenkin", "his son"), not a
    pronoun nor an office ("Jane Quill, chairman of ..." is no man)."""
    votes = {g for m in cluster.mentions
             if (g := mention_gender(m, pronoun=False, offices=False))}
    return votes.pop() if len(votes) == 1 else None


def _genders_clash(a: Cluster, b: Cluster) -> bool:
    """Honorifics or role words give the two clusters different genders."""
    wanted, other = _stated_gender(a), _stated_gender(b)
    return wanted is not None and other is not None and wanted != other


def _articles(cluster: Cluster) -> set[str]:
    return {m.article_id for m in cluster.mentions}


def _same_event(cluster: Cluster, candidates: list[Cluster], full: list[Cluster]
               ) -> list[Cluster]:
    """The bearers of a bare name whose articles share other people with the name's own
    article, when only one does: "Smith" in an article that also names the coach and the
    club owner of one Smith's articles is that Smith (the two Smiths of a story are
    usually in its two different events)."""
    here = _articles(cluster)
    others = [f for f in full if f not in candidates and _articles(f) & here]
    shared = [{id(f) for f in others if _articles(f) & _articles(c)} for c in candidates]
    exclusive = [s - set().union(*(o for o in shared if o is not s)) for s in shared]
    fitting = [c for c, e in zip(candidates, exclusive, strict=True) if e]
    return fitting if len(fitting) == 1 else candidates
