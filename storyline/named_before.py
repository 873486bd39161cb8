"""Who a description names when the words just before it say: a body, a public figure.

Goes in: an article's text, where a speaker description ("the group", "the Texas
senator", "the chairman") starts, the bodies or people it could stand for
(`body_words.bodies_called`, the holders of its role, the article's people) and the
article's mention spans (start, end, entity id). Comes out: the one of them the sentence
before (or the description's own sentence) opens with or, for a body, cites; for a public
figure's description, the one person named there; else None. Also the phrase shapes the
speaker resolver asks about ("the" + lower-case words; a body's name before "nominee" or
"member", which only qualifies a person). A reporter names someone and goes on with "the
group said"; a name several sentences back, in passing, or two side by side is no safe
answer: those stay open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .given_names import given_name_gender
from .models import Entity
from .nominal_links import SENTENCE_END, same_role
from .people import (
    FEMALE_HONORIFICS,
    FEMALE_WORDS,
    GENDERED_PRONOUNS,
    MALE_HONORIFICS,
    MALE_WORDS,
)


def body_named_just_before(text: str, start: int, candidates: Sequence[Entity],
                           spans: Iterable[tuple[int, int, str]]) -> Entity | None:
    """The one candidate that opens the sentence before `start`, or the description's own
    sentence before it ("The Tallow Trust counted the riders. ..., the group said"), or is
    cited there ("according to the Tallow Trust"); otherwise None. A body only mentioned
    in passing ("a pitchman for the Oreo", a product) is not what "the group" goes on
    with; nor, when the story opened with another candidate, one that does not open the
    description's own paragraph ("The Kessock Trust counted riders. The Brannock Club,
    its largest member, asked for the count. / '...,' the group said": either)."""
    spans = list(spans)
    recent = _opening_one(text, start, candidates, spans, cited=True)
    ids = {e.id for e in candidates}
    first = min(((s, entity_id) for s, _e, entity_id in spans if entity_id in ids),
                default=None)
    if recent is None or first is None or first[1] == recent.id:
        return recent
    paragraph = text.rfind("\n", 0, start) + 1
    if any(entity_id == recent.id and paragraph <= s < start and _opens(text, {paragraph}, s)
           for s, _e, entity_id in spans):
        return recent  # it opens the description's own paragraph
    if _opens(text, {0, *_sentence_starts(text, 0, first[0] + 1)}, first[0]):
        return None  # the story opened with another of them: "the group" may be that one
    return recent


def holder_named_just_before(text: str, start: int, holders: Sequence[Entity],
                             spans: Iterable[tuple[int, int, str]]) -> Entity | None:
    """Of several people the story gives a description's role ("the chairman" of two),
    the one whose name opens the sentence before `start` (or its own sentence before
    it): "Priebus has pushed back ... . The chairman said"; not one named there beside
    the sentence's subject ("Rubio ... appeared with Sen. Joni Ernst. The Florida senator
    said" is not Ernst). Otherwise None."""
    return _opening_one(text, start, holders, spans, cited=False)


def _opening_one(text: str, start: int, candidates: Sequence[Entity],
                 spans: Iterable[tuple[int, int, str]], cited: bool) -> Entity | None:
    """The one candidate that opens the sentence before `start` or its own sentence before
    it (or, if `cited`, is cited there: "according to ..."), else None."""
    if not text or start <= 0:
        return None
    spans = list(spans)
    window = _window_start(text, start)
    own = max({window, *_sentence_starts(text, window, start)})
    hidden = _names_after_initials(text, spans, window, start)
    window = max([window, *(p for p in hidden if p < own)])
    opens = {window, *_sentence_starts(text, window, start), *(p for p in hidden if p > window)}
    by_id = {e.id: e for e in candidates}
    found = {entity_id for s, _e, entity_id in spans
             if entity_id in by_id and window <= s < start and
             (_opens(text, opens, s) or cited and CITED.search(text, max(window, s - 20), s))}
    return by_id[found.pop()] if len(found) == 1 else None


# Initials ending in a full stop ("U.S.", "U.N."), which `SENTENCE_END` never splits at.
INITIALS_END = re.compile(r"\b(?:[A-Z]\.){2,}\s+$")


def _names_after_initials(text: str, spans: Sequence[tuple[int, int, str]], begin: int,
                          end: int) -> list[int]:
    """Where a name starts right after initials' full stop between `begin` and `end`: a
    sentence starts there ("... flown back from the U.S. Marrow spoke"), as no name goes
    on from "U.S." (a title may: "U.S. Sen. Ben Castell", whose name starts after it)."""
    return sorted(s for s, _e, _id in spans
                  if begin < s < end and INITIALS_END.search(text, max(0, s - 12), s))


# Words before a body's name that still leave it what its sentence opens with.
OPENING_WORDS = {"", "the"}
# "according to the Tallow Trust": the body the sentence reports.
CITED = re.compile(r"\baccording to (?:the )?$", re.IGNORECASE)


def _opens(text: str, sentence_starts: set[int], at: int) -> bool:
    """Whether the name at `at` opens one of the sentences starting at `sentence_starts`
    (after "The" at most)."""
    return any(begin <= at and text[begin:at].strip().lower() in OPENING_WORDS
               for begin in sentence_starts)


# Words a reporter calls a public figure by once the text has named them ("Cruz warned
# ... . '...,' the Texas senator said"): titles and callings, not a role anyone in a
# story may have ("the nurse", "the driver" are as often someone new).
EPITHET_NOUNS = {"senator", "governor", "candidate", "nominee", "congressman",
                 "congresswoman", "lawmaker", "businessman", "businesswoman", "billionaire",
                 "mogul", "magnate", "tycoon", "premier", "chancellor", "frontrunner",
                 "front-runner", "democrat", "republican", "socialist", "hopeful"}


def person_named_just_before(text: str, start: int, head: str, people: Sequence[Entity],
                             spans: Iterable[tuple[int, int, str]]) -> Entity | None:
    """For a description of a public figure ("the Texas senator said"): the one person
    named from the start of the sentence before it up to it, when those words name no
    other person or body ("Pope Francis met Sanders", Sanders taken for a body, is no
    answer) and do not use its head word for anyone else ("Dahl met the senator. The
    senator said" is not Dahl); otherwise None."""
    if not text or start <= 0 or head not in EPITHET_NOUNS:
        return None
    window = _window_start(text, start)
    by_id = {e.id: e for e in people}
    quoted = _quoted_stretches(text, window, start)
    # a name inside quotation marks is someone the quote talks about ('"Tomas Brell has
    # failed us," the senator said' is not Brell), not the one it goes on from
    named = [(s, e, entity_id) for s, e, entity_id in spans if window <= s < start and
             not any(a <= s < b for a, b in quoted)]
    found = list(dict.fromkeys(entity_id for _s, _e, entity_id in named))
    if len(found) != 1 or found[0] not in by_id:
        return None
    person = by_id[found[0]]
    if person.roles and not any(same_role(head, role) for role in person.roles):
        return None  # "Pope Francis" is not "the candidate" met with him
    if _gender_clash(head, person, _pronoun_genders(text, window, start, quoted)):
        return None  # "Nora Quell unveiled her plan. ..., the businessman said" is not her
    left = text[window:start]
    for s, e, _entity_id in sorted(named, reverse=True):
        left = left[:s - window] + left[e - window:]
    return None if head in left.lower() else person


# A stretch in quotation marks, straight or curly.
QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def _quoted_stretches(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Where the closed quotations between `begin` and `end` are."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(text, begin, end)]


def _pronoun_genders(text: str, begin: int, end: int, quoted: list[tuple[int, int]]
                     ) -> set[str]:
    """The genders of the pronouns between `begin` and `end`, outside quotations (the one
    person named there is who they stand for)."""
    words = [m.group().lower() for m in re.finditer(r"[A-Za-z]+", text[begin:end])
             if not any(a <= begin + m.start() < b for a, b in quoted)]
    return {GENDERED_PRONOUNS[w] for w in words if w in GENDERED_PRONOUNS}


def _gender_clash(head: str, person: Entity, told: set[str]) -> bool:
    """Whether a gendered head word ("businessman", "congresswoman") is of the other sex
    than the person's honorific, given name or the pronouns `told` near the name say."""
    wanted = "male" if head in MALE_WORDS else "female" if head in FEMALE_WORDS else None
    if wanted is None:
        return False
    known = told | {gender for name in (person.name, *person.aliases)
                    if (gender := _name_gender(name))}
    return len(known) == 1 and wanted not in known


_MALE_TITLES = {title.rstrip(".").lower() for title in MALE_HONORIFICS}
_FEMALE_TITLES = {title.rstrip(".").lower() for title in FEMALE_HONORIFICS}


def _name_gender(name: str) -> str | None:
    """The gender a name's honorific ("Ms. Quell") or given name ("Nora Quell") gives."""
    first = name.split()[0].rstrip(".").lower() if name.split() else ""
    if first in _MALE_TITLES:
        return "male"
    if first in _FEMALE_TITLES:
        return "female"
    return given_name_gender(name)


def _window_start(text: str, start: int) -> int:
    """Where the sentence before the one holding `start` starts (blank lines skipped)."""
    bounds = [0, *_sentence_starts(text, 0, start)]
    before = [b for b, after in zip(bounds, bounds[1:], strict=False) if text[b:after].strip()]
    return before[-1] if before else bounds[-1]


# Abbreviated titles whose full stop ends no sentence ("Sen. Joni Ernst", "Gov. Ray Hale").
# Only titles that stand before a name: "Jr.", "Inc.", "U.S." close a name and as often
# a sentence ("... flown back from the U.S. Marrow spoke").
TITLE_STOP = re.compile(r"\b(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Maj|Prof|Rev|Hon|"
                        r"Supt|Insp|Det|Atty|Mt)\.\s*$")


def _sentence_starts(text: str, begin: int, end: int) -> list[int]:
    """Where sentences start between `begin` and `end`: after a sentence's end, not after
    a title's full stop."""
    return [m.end() for m in SENTENCE_END.finditer(text, begin, end)
            if not TITLE_STOP.search(text, max(0, m.start() - 8), m.end())]


# A description of lower-case words after "the" ("the group", "the rights group"): no
# owner ("his organization") nor name ("the Calydon agency") says which body it is.
THE_PHRASE = re.compile(r"[Tt]he(?:\s+[a-z][\w-]*)+$")
# The same with capitalised words of place or party in it ("the Texas senator").
THE_PHRASE_CAPS = re.compile(r"[Tt]he(?:\s+[\w.-]+)+$")


RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:which|who|whose|that)\b", re.IGNORECASE)
# Person nouns a body's name before them only qualifies ("the GOP nominee", "the RNC
# member"), unlike a spokesperson or official, who speaks as the body's voice.
SIDE_PERSON_NOUNS = EPITHET_NOUNS | {"nominee", "contender", "member", "front-runner"}


def side_of_a_person(text: str) -> bool:
    """Whether a speaker phrase is a person its body's name only qualifies: its last word
    (before any relative clause) is one of `SIDE_PERSON_NOUNS`, in lower case."""
    words = RELATIVE_CLAUSE_RE.split(text, maxsplit=1)[0].split()
    return bool(words) and words[-1] in SIDE_PERSON_NOUNS
