"""Person names as strings, and the story's own list of the names it gives.

Goes in: every `Mention` of a story's articles. Comes out: the same mentions, where the
unresolved ones ("candidate": capitalised words spaCy did not call a person, e.g. "Lohan"
tagged as a place; "headline": a capitalised run of a title-case or all-caps line, where
spaCy's entity spans are unreliable) are either turned into person names, when they spell
a name the story gives elsewhere, or dropped. Also the pieces of a name (given name,
surname, generational suffix) and when two given names can be one person's.

The story is the gazetteer: no list of names is built in, so a word only becomes a person
when the same story names that person with it in plain text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from .models import Mention

CANDIDATE_KINDS = frozenset({"candidate", "headline"})
HONORIFICS = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "dr": "Dr.",
              "prof": "Prof.", "professor": "Prof.", "sir": "Sir", "dame": "Dame",
              "rev": "Rev.", "lord": "Lord", "lady": "Lady"}
ROLE_NOUNS = {
    "minister", "mayor", "president", "spokesperson", "spokesman", "spokeswoman", "engineer",
    "director", "curator", "chief", "secretary", "governor", "senator", "chancellor",
    "premier", "prime", "chairman", "chairwoman", "chair", "ceo", "executive", "manager",
    "officer", "commissioner", "judge", "justice", "prosecutor", "attorney", "lawyer",
    "general", "colonel", "captain", "sergeant", "inspector", "detective", "councillor",
    "councilor", "councilman", "councilwoman", "representative", "congressman",
    "congresswoman", "king", "queen", "prince", "princess", "ambassador", "head", "leader",
    "founder", "professor", "doctor", "scientist", "researcher", "analyst", "economist",
    "driver", "resident", "teacher", "student", "official", "adviser", "advisor", "aide",
    "editor", "reporter", "correspondent", "author", "owner", "member", "deputy", "coach",
    "candidate", "priest", "bishop", "pope", "sheriff", "superintendent", "treasurer",
    "administrator", "architect", "historian", "expert", "partner", "counsel",
    "trooper", "constable", "lieutenant", "corporal", "undersheriff", "marshal", "warden",
    "agent", "mp", "mpp", "mla", "mna",  # legislators in Canada and the UK
    # Local offices and ranks written before a name ("County Clerk Dana Wolfe").
    "clerk", "supervisor", "assessor", "auditor", "comptroller", "alderman", "alderwoman",
    "selectman", "trustee", "commander", "admiral", "magistrate", "registrar", "pastor",
    "rabbi", "chaplain", "keeper", "zookeeper", "ranger",
}
# Nouns that name a body, not a person ("the ministry", "Dunmore Harbour Board").
ORG_NOUNS = {"ministry", "department", "council", "agency", "company", "institute", "police",
             "government", "commission", "committee", "court", "university", "office",
             "board", "firm", "party", "union", "authority", "bank", "service", "association",
             "federation", "organisation", "organization", "corporation", "group", "gallery",
             "museum", "hospital", "school", "administration", "parliament", "senate",
             "congress", "cabinet", "team", "club", "foundation", "embassy", "army", "navy",
             "center", "centre", "radio", "television", "broadcaster", "network", "newspaper",
             "magazine", "airport", "zoo", "library", "prison"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Particles of surnames ("van der Merwe", "de la Cruz", "bin Laden"); those that are also
# given names when they start a name ("Van Morrison", "Di", "Al Gore", "Del").
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "la", "le", "du", "del",
                  "della", "dos", "das", "bin", "ibn", "al", "ter"}
GIVEN_PARTICLES = {"van", "di", "al", "del"}
# Labels of candidates that vote for "this word names a place or a people, not a person".
PLACE_OR_PEOPLE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
INITIAL_RE = re.compile(r"(?:[A-Z]\.?){1,2}")  # "W.", "J.R.", "WR": not a given name
MAX_NAME_WORDS = 4


# -- pieces of a name ------------------------------------------------------------------

def name_parts(name: str) -> list[str]:
    """Name words without generational suffixes ("Jr.", "III"); a surname's particles stay
    with it: "Pieter van der Merwe" -> ["Pieter", "van der Merwe"], so that "van der
    Merwe" and "De la Cruz" are bare surnames, not a given name and a surname."""
    words = [p for p in name.replace(",", " ").split() if p.lower() not in NAME_SUFFIXES]
    parts: list[str] = []
    particles: list[str] = []
    for index, word in enumerate(words):
        if index < len(words) - 1 and _is_particle(word, index, words):
            particles.append(word)
            continue
        parts.append(" ".join([*particles, word]))
        particles = []
    return parts


def _is_particle(word: str, index: int, words: list[str]) -> bool:
    """A surname's particle: "van", "de la"; capitalised too, but for a first word that
    is as often a given name ("Van Morrison", "Al Gore") unless a particle follows it
    ("Van der Merwe")."""
    key = word.lower()
    if key not in NAME_PARTICLES:
        return False
    return word.islower() or index > 0 or key not in GIVEN_PARTICLES or \
        words[index + 1].lower() in NAME_PARTICLES


def surname(name: str) -> str:
    parts = name_parts(name)
    return parts[-1] if parts else name


def given(name: str) -> str | None:
    parts = [p for p in name_parts(name) if not INITIAL_RE.fullmatch(p)]
    return parts[0] if len(parts) > 1 else None


def person_key(name: str) -> str:
    """Lower-case name words without initials or suffixes: "George W. Bush" -> "george bush"."""
    parts = [p for p in name_parts(name) if not INITIAL_RE.fullmatch(p)]
    return " ".join(parts).lower()


def two_given_names(words: list[str], pair: list[str]) -> bool:
    """ "Jose Luis Varela" beside the story's "Luis Varela": a three-word name that is a
    given name before the known name, not a headline word glued to a name ("Actress
    Lindsay Lohan"): kept whole, as it may be the short name's father or brother
    (`people` does not link a form that drops the first given name)."""
    return len(words) == 3 and pair == words[1:] and _known_given_name(words[0])


def fold(word: str) -> str:
    """Lower case without diacritics or hyphens: "Zoë" ~ "Zoe", "Smith-Jones" ~ "smithjones"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if c.isalnum()).lower()


def same_given_name(a: str, b: str) -> bool:
    """Two spellings of one given name: a short form ("Fred" / "Frederick"), a common pet
    name ("Bill" / "William", "Dave" / "David"), an initial ("J." / "John") or one slip
    of the keyboard ("Heydar" / "Heidar").

    Different names that merely look alike ("Anna" / "Anne", "Tom" / "Tim") do not count:
    a slip only counts in names of five letters or more; nor does a name with an "a" added
    ("Paul" / "Paula").
    """
    x, y = fold(a), fold(b)
    if x in PET_NAMES.get(y, ()) or y in PET_NAMES.get(x, ()):
        return True
    if not x or not y or x[0] != y[0]:
        return False
    short, long = sorted((x, y), key=len)
    if x == y or len(short) == 1:
        return True
    if len(short) >= 3 and long.startswith(short):
        # "Paul" / "Paula", "Daniel" / "Daniela": a man's name and a woman's
        return not (long == short + "a" and short[-1] not in "aeiouy")
    return len(short) >= 5 and OSA.distance(x, y) <= 1


# Common English pet names that are no start of their full name ("Fred" of "Frederick" is
# found by its letters): full name -> pet names.
_PET_NAMES = {
    "william": "bill billy will willy", "robert": "bob bobby rob robbie bert",
    "richard": "dick rick ricky rich", "james": "jim jimmy jamie",
    "michael": "mike mikey mick mickey", "edward": "ed eddie ted teddy ned",
    "theodore": "ted teddy theo", "charles": "chuck charlie chaz", "david": "dave davey",
    "john": "jack johnny", "henry": "hank harry", "harold": "harry hal",
    "lawrence": "larry", "laurence": "larry", "gerald": "jerry gerry",
    "jerome": "jerry", "maurice": "mo", "anthony": "tony", "antonio": "tony",
    "joseph": "joe joey", "margaret": "peggy meg maggie", "elizabeth":
    "liz lizzie beth betty bettie bette libby eliza", "katherine": "kate katie kathy kat",
    "kathryn": "kate katie kathy kat", "catherine": "cathy cat kate katie",
    "patricia": "pat patty trish", "patrick": "pat paddy", "susan": "sue suzy",
    "deborah": "debbie deb", "rebecca": "becky becca", "alexander": "sasha sandy",
    "alexandros": "alexis", "nicholas": "nick nicky", "steven": "steve",
    "stephen": "steve", "samuel": "sam sammy", "benjamin": "ben benny",
    "daniel": "dan danny", "thomas": "tom tommy", "timothy": "tim timmy",
    "christopher": "chris kit", "jennifer": "jen jenny", "victoria": "vicky tori",
    "abigail": "abby", "andrew": "andy drew", "matthew": "matt", "peter": "pete",
    "gregory": "greg", "frederick": "fred freddie", "donald": "don donnie",
    "ronald": "ron ronnie", "kenneth": "ken kenny", "douglas": "doug",
}
PET_NAMES = {full: frozenset(pets.split()) for full, pets in _PET_NAMES.items()}


def mac_form(word: str) -> str:
    """A surname with "Mac" written "Mc": "MacAllister" and "McAllister" are one spelling
    apart, as papers write it."""
    key = fold(word)
    return "mc" + key[3:] if key.startswith("mac") and len(key) > 5 else key


def swapped_letters(a: str, b: str) -> bool:
    """ "klitschko" / "klistchko": the same letters, two neighbours swapped."""
    return len(a) >= 5 and a != b and sorted(a) == sorted(b) and OSA.distance(a, b) == 1


# -- the story's names -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # as written, without a possessive or quotes
    start: int  # offsets into the article
    end: int

    @property
    def key(self) -> str:
        return self.text.lower()


# Labels under which spaCy may tag a person's full name it does not know ("Calloway Marsh").
# What follows a bare surname that only a person does, in its own sentence: an age, a
# deed of the law done to them or a plea, their lawyer or family. Not a word of speech
# alone: a town or a state speaks through its officials ("Orlando said it would rebuild
# the bridge", "Jordan denied the report").
PERSON_DEED_AFTER = re.compile(
    r"\s+(?:(?:was|is|has\s+been|had\s+been|will\s+be)\s+)?"
    r"(?:plead(?:ed|s)\s+(?:not\s+)?guilty|testified|confessed|arrested|charged|"
    r"sentenced|convicted|jailed|indicted|acquitted)\b"
    r"|\s*,\s*\d{1,3}\s*,"
    r"|['\u2019]s\s+(?:lawyer|attorney|wife|husband|mother|father|son|daughter|brother|"
    r"sister|family|defen[cs]e\s+(?:lawyer|attorney|team))\b")
PLACE_WORD_BEFORE = re.compile(
    r"\b(?:in|at|from|near|of|to|across|outside|around|into|for|by|the)\s+$", re.IGNORECASE)
MISTAGGED_NAME_LABELS = {"", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}


def _vouched_full_names(mentions: Sequence[Mention], full: dict[tuple[str, ...], str],
                        mononyms: Counter[str], places: Counter[str]
                        ) -> dict[tuple[str, ...], str]:
    """Full names spaCy never calls a person, vouched for by the story's bare surname:
    "Calloway Marsh" tagged as an organisation where the story calls "Marsh" a person at
    least twice or once later in the same article (once anywhere after a common given
    name the story calls a body only once: "Marcus Young" tagged a body beside another
    outlet's "Young, 31, signed"; not "Annual Academy" beside one "Academy" taken for a
    person, nor a firm "Marcus Young" named twice), names no one else Marsh in
    full and uses no "Marsh" as a given name ("The Notorious Bettie Page"). One such name per
    surname (two would leave the bare "Marsh" with two bearers); its first word must be
    no place's word nor more a body's word than the surname is ("Ridgeway Marsh")."""
    other_words = Counter(w.lower() for m in mentions
                          if m.kind == "name" and m.label == "ORG" for w in m.name.split())
    later: dict[tuple[str, str], int] = {}  # (article, one-word name) -> its last start
    for m in mentions:
        if m.kind == "name" and m.label == "PERSON" and len(name_parts(m.name)) == 1:
            key = (m.article_id, m.name.lower())
            later[key] = max(later.get(key, m.start), m.start)
    surnames = {key[-1] for key in full} | {key[0] for key in full}  # "Notorious Bettie"
    unvouched = [(m, first, last) for m in mentions for first, last in _two_words(m)]
    body_uses = Counter((first, last) for _, first, last in unvouched)
    found: dict[tuple[str, ...], set[str]] = {}
    for m, first, last in unvouched:
        after = later.get((m.article_id, last), -1) > m.start  # "Thornbury, 27, was"
        # "Marcus Young", not "Annual Academy"; nor a firm named after a man, called a
        # body again and again ("Marcus Young bought the mill ... Marcus Young has 40
        # stores") beside one bare "Young, 31, a worker at the mill"
        needed = 1 if _known_given_name(first) and body_uses[(first, last)] == 1 else 2
        if mononyms[last] < needed and not after or last in surnames or places[first] or \
                places[last] >= mononyms[last] or first in ROLE_NOUNS or first in HONORIFICS \
                or other_words[first] > other_words[last]:
            continue
        found.setdefault((last,), set()).add(first)
        found.setdefault((first, last), set()).add(m.name)
    return {key: sorted(names)[0] for key, names in found.items()
            if len(key) == 2 and len(found[(key[1],)]) == 1}


def _two_words(mention: Mention) -> list[tuple[str, str]]:
    """The (first, last) words, lowercased, of a two-word name spaCy does not call a
    person (a candidate of a mistagged label, or an organisation); none for another."""
    if not (mention.kind == "candidate" and mention.label in MISTAGGED_NAME_LABELS or
            mention.kind == "name" and mention.label == "ORG"):
        return []
    words = [w for w in name_parts(mention.name) if not INITIAL_RE.fullmatch(w)]
    if len(words) != 2 or not all(w.isalpha() and w.istitle() for w in words):
        return []
    return [(words[0].lower(), words[1].lower())]


def _barrels(full: Mapping[tuple[str, ...], str], taken: set[str]) -> set[str]:
    """The parts of the story's double-barrelled surnames ("lopez" of "Ana Garcia-Lopez"),
    each borne by one name only and no one's whole surname: "Lopez" alone is then her.
    `taken`: the story's surnames and the words of its bodies' names ("Lopez" beside
    "Lopez Foods" may be the firm or its owner, not the nurse)."""
    parts = Counter(part for key in full if len(key) > 1 and key[-1].count("-") == 1
                    for part in set(key[-1].split("-")) if len(part) > 2)
    return {part for part, count in parts.items() if count == 1 and part not in taken}


def _known_given_name(word: str) -> bool:
    """A given name of the hand-written table (`given_names`), read here late: that module
    reads names through this one."""
    from .given_names import given_word_gender
    return given_word_gender(word) is not None


@dataclass(frozen=True)
class Gazetteer:
    """Names the story gives in plain text, with votes on words that also name places."""

    full: dict[tuple[str, ...], str]  # ("lindsay", "lohan") -> "Lindsay Lohan"
    single: frozenset[str]  # surnames of those, and one-word names used twice
    person_votes: Counter[str]
    place_votes: Counter[str]
    given: frozenset[str] = frozenset()  # given names of exactly one of those, no surname
    mononyms: frozenset[str] = frozenset()  # one-word names spaCy and the text call people
    honorific_surnames: frozenset[str] = frozenset()  # "spears" of "Ms. Spears"
    body_words: frozenset[str] = frozenset()  # words of bodies' and places' names

    @property
    def full_surnames(self) -> frozenset[str]:
        """The last words of the story's full names ("orlando" of "Dane Orlando")."""
        return frozenset(key[-1] for key in self.full if len(key) > 1)

    @classmethod
    def from_mentions(cls, mentions: Sequence[Mention]) -> Gazetteer:
        names = [m.name for m in mentions if m.label == "PERSON" and m.kind == "name"]
        forms: Counter[tuple[tuple[str, ...], str]] = Counter()
        for name in names:
            key = tuple(person_key(name).split())
            if len(key) > 1 and not name.isupper():
                forms[(key, name)] += 1
        full: dict[tuple[str, ...], str] = {}
        for (key, name), _count in forms.most_common():
            full.setdefault(key, name)
        mononyms = Counter(n.lower() for n in names if len(name_parts(n)) == 1)
        # "Brannagh-Oyelaran" tagged a people (NORP) is a double-barrelled name, no vote
        places = Counter(w.lower() for m in mentions
                         if m.kind == "candidate" and m.label in PLACE_OR_PEOPLE_LABELS
                         for w in m.name.split() if m.label != "NORP" or "-" not in w)
        full.update(_vouched_full_names(mentions, full, mononyms, places))
        single = {key[-1] for key in full} | {w for w, n in mononyms.items() if n >= 2}
        bodies = {w.lower() for m in mentions if m.kind == "name" and m.label == "ORG" and
                  len(m.name.split()) > 1 for w in m.name.split()}
        single |= _barrels(full, single | bodies)
        people = Counter(w.lower() for n in names for w in name_parts(n))
        given = Counter(key[0] for key in full)
        unique_given = {g for g, n in given.items() if n == 1 and g not in single}
        honorific = {m.name.lower() for m in mentions if m.label == "PERSON" and
                     m.kind == "name" and m.honorific and len(name_parts(m.name)) == 1}
        return cls(full, frozenset(single), people, places, frozenset(unique_given),
                   frozenset(mononyms), frozenset(honorific),
                   frozenset((bodies | set(places)) - single))

    def is_person_word(self, word: str) -> bool:
        """A known one-word name the story uses for a person at least as often as for a
        place (spaCy labels "Lohan" a place now and then)."""
        key = word.lower()
        if key not in self.single:  # a misspelt surname: "Klistchko" for "Klitschko"
            mac = mac_form(key) if key not in self.body_words else None
            key = next((s for s in self.single if swapped_letters(s, key) or
                        mac_form(s) == mac), key)
        return key in self.single and self.person_votes[key] >= self.place_votes[key]

    def plain_text_name(self, mention: Mention) -> Mention | None:
        """A capitalised run in running text that is, as a whole, a name of the story.

        Titles and honorifics before it ("President", "Mr.") may precede the name.
        """
        words = _words(mention)
        honorific, words = _strip_titles(words)
        key = tuple(w.key for w in words if not INITIAL_RE.fullmatch(w.text))
        if not key:
            return None
        if len(key) > 1 and (key in self.full or self._variant_of_one(key)) or len(key) == 1 and (
                self.is_person_word(key[0]) or self._is_given_name(key[0]) or
                mention.label == "PERSON" and key[0] in self.mononyms):
            return self._as_name(mention, words, honorific)
        return self._name_at_end(mention, words)

    def surname_doing(self, mention: Mention, text: str) -> Mention | None:
        """The surname of a person the story names in full, where spaCy took the bare word
        for a place or a body ("Orlando" for Dane Orlando) and the sentence has it do what
        only people do: "Orlando, 33, was arrested", "Orlando pleaded guilty", "Orlando's
        lawyer said" (not "Orlando said it would rebuild the bridge": the town). The
        story's votes leave such a surname a place when spaCy tags it so more often than
        the full name is given; these words say person here."""
        words = _words(mention)
        if len(words) != 1 or words[0].key not in self.full_surnames or \
                not PERSON_DEED_AFTER.match(text, mention.end) or \
                PLACE_WORD_BEFORE.search(text[max(0, mention.start - 12):mention.start]):
            return None  # "Police in Orlando said": the place's people speak
        return self._as_name(mention, words, None)

    def _name_at_end(self, mention: Mention, words: list[_Word]) -> Mention | None:
        """A run that ends in a name of the story after words that are not part of it:
        a full name ("Ridgeway Hawks Pitcher Caleb Thornbury"), or a surname after words of
        a body's or a place's name the story gives ("Ridgeway Thornbury", where the story
        has the Ridgeway Hawks)."""
        for index in range(1, len(words)):
            tail = words[index:]
            key = tuple(w.key for w in tail if not INITIAL_RE.fullmatch(w.text))
            if len(key) > 1 and key in self.full or len(tail) == 1 and \
                    all(w.key in self.body_words for w in words[:index]) and \
                    self.is_person_word(tail[0].key):
                return self._as_name(mention, tail, None)
        return None

    def _variant_of_one(self, key: tuple[str, ...]) -> bool:
        """A given name and surname spelling the name of exactly one person of the story
        another way ("Mo Cheeks" for "Maurice Cheeks")."""
        if len(key) != 2 or not self.is_person_word(key[1]):
            return False
        fits = [k for k in self.full if k[-1] == key[1] and same_given_name(k[0], key[0])]
        return len(fits) == 1

    def _is_given_name(self, word: str) -> bool:
        """The given name of one person of the story, used more for them than for a place
        ("Jordan" the country stays a place unless the story names its Jordan more)."""
        return word in self.given and self.person_votes[word] > self.place_votes[word]

    def headline_names(self, mention: Mention) -> Iterator[Mention]:
        """The story's names inside a headline run ("Obama Reverses Bush" -> Obama, Bush).
        A surname after a given name the story does not give its bearer is another
        person's: "Crash - Rhys Austin Charged" is no Gareth Austin, his father; "Rob
        Austin Charged" is the story's Robert Austin."""
        words = _words(mention)
        index = 0
        while index < len(words):
            size = self._match_at(words, index)
            if size == 1 and index and self._another_bearers_given(words[index - 1].text,
                                                                  words[index].key):
                index += 1
            elif size:
                before = words[index - 1].key.rstrip(".") if index else ""
                yield self._as_name(mention, words[index:index + size], HONORIFICS.get(before))
                index += size
            else:
                index += 1

    def _another_bearers_given(self, given: str, surname: str) -> bool:
        """Whether a given name before a surname in a headline names someone the story
        never gives that surname: "Rhys" where its Austin is Gareth. A short or pet form of
        a given name it does give ("Rob", "Kate", "Bill" of Robert, Katherine, William
        Austin) is that bearer's."""
        if not _known_given_name(given):
            return False
        bearers_given = [key[0] for key in self.full if len(key) > 1 and key[-1] == surname]
        return not any(same_given_name(given, known) for known in bearers_given)

    def people_in_org(self, mention: Mention) -> list[Mention]:
        """An "organisation" that is the story's people: "Lopez and Carrasquillo" (or a
        body and a person: "Philly and Cheeks"), or a known full name after other words
        ("American Hasim Rahman")."""
        groups: list[list[_Word]] = [[]]
        for word in _words(mention):
            if word.key in {"and", "&"}:
                groups.append([])
            else:
                groups[-1].append(word)
        groups = [g for g in groups if g]
        found = [self._name_ending(mention, group) for group in groups]
        if all(f is None for f in found):
            return []
        return [f or _piece(mention, group, "ORG") for f, group in zip(found, groups,
                                                                       strict=True)]

    def _name_ending(self, mention: Mention, words: list[_Word]) -> Mention | None:
        if 2 <= len(words) <= 3 and all(w.text.istitle() for w in words) and \
                words[-1].key in self.honorific_surnames:
            return self._as_name(mention, words, None)  # "Britney Spears" of "Ms. Spears"
        for index in range(len(words)):
            key = tuple(w.key for w in words[index:] if not INITIAL_RE.fullmatch(w.text))
            if len(key) > 1 and key in self.full or len(key) == 1 == len(words) and \
                    self.is_person_word(key[0]):
                return self._as_name(mention, words[index:], None)
        return None

    def _match_at(self, words: list[_Word], index: int) -> int:
        """Length of the longest story name starting at `index` (0 when none)."""
        for size in range(min(MAX_NAME_WORDS, len(words) - index), 1, -1):
            key = tuple(w.key for w in words[index:index + size]
                        if not INITIAL_RE.fullmatch(w.text))
            if len(key) > 1 and key in self.full:
                return size
        word = words[index].key
        # "Kimani's Mother Speaks": the given name of the one person who bears it
        return 1 if self.is_person_word(word) or self._is_given_name(word) else 0

    def _as_name(self, mention: Mention, words: list[_Word], honorific: str | None
                 ) -> Mention:
        text = " ".join(w.text for w in words)
        key = tuple(w.key for w in words if not INITIAL_RE.fullmatch(w.text))
        if text.isupper():  # "GARY ROSS" is written as the story writes it elsewhere
            text = self.full.get(key, text.title())
        start, end = words[0].start, words[-1].end
        offset = start - mention.start
        return Mention(mention.article_id, mention.text[offset:offset + end - start], start, end,
                       "PERSON", name=text, honorific=honorific)


def _piece(mention: Mention, words: list[_Word], label: str) -> Mention:
    """The part of a mention these words span, as a name with this label."""
    start, end = words[0].start, words[-1].end
    text = mention.text[start - mention.start:end - mention.start]
    return Mention(mention.article_id, text, start, end, label, name=text)


def _words(mention: Mention) -> list[_Word]:
    """Words of a mention with article offsets; possessives and quote marks cut off."""
    words = []
    for match in re.finditer(r"\S+", mention.text):
        text = match.group().strip("\"'\u2018\u2019\u201c\u201d")
        text = POSSESSIVE_RE.sub("", text) if len(text) > 2 else text
        if not text or not text[0].isalnum():
            continue
        start = mention.start + match.start() + match.group().index(text[0])
        words.append(_Word(text, start, start + len(text)))
    return words


def _strip_titles(words: list[_Word]) -> tuple[str | None, list[_Word]]:
    """Drop leading honorifics and capitalised titles ("President", "Gov.")."""
    honorific = None
    while len(words) > 1:
        key = words[0].key.rstrip(".")
        if key in HONORIFICS:
            honorific = HONORIFICS[key]
        elif key not in ROLE_NOUNS and key not in {"gov", "sen", "rep", "gen", "lt", "sgt"}:
            break
        words = words[1:]
    return honorific, words


def resolve_candidates(mentions: Sequence[Mention],
                       texts: Mapping[str, str] | None = None) -> list[Mention]:
    """Unresolved mentions become the story's person names they spell, or are dropped.
    `texts` (article id -> text) lets the words after a bare surname speak for it."""
    gazetteer = Gazetteer.from_mentions(mentions)
    resolved: list[Mention] = []
    for mention in mentions:
        if mention.kind == "candidate":
            found = gazetteer.plain_text_name(mention) or gazetteer.surname_doing(
                mention, (texts or {}).get(mention.article_id, ""))
            resolved.extend([found] if found else [])
        elif mention.kind == "headline":
            resolved.extend(gazetteer.headline_names(mention))
        elif mention.label == "ORG" and mention.kind == "name":
            resolved.extend(gazetteer.people_in_org(mention) or [mention])
        else:
            resolved.append(mention)
    return resolved
