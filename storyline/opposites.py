"""Words news uses for opposite outcomes of one event: "approved" and "rejected" a levy,
"killed" and "injured" two miners, "arrested" and "released" a pilot.

Goes in: a word's lemma (for `conflicts`' opposite accounts, beside WordNet's antonyms)
or two sentences' raw texts (for `summary`'s citation checks). Comes out: the lemmas
listed as its opposites (`opposites_of`), or the words of one text that the other says
the opposite of (`opposed_words`: "approved (rejected)").

WordNet's antonym pointers (`wording.antonym_table`) miss most of these: "approve" has
only "disapprove", "kill" and "arrest" have none. The list is short and hand-written on
purpose: pairs whose two sides cannot both be true of one thing told alike. Two outlets
telling one event with the two sides are a dispute, never one corroborated fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .counts import STATE_KIN
from .text import crude_stem, is_negated, words


def _kin_row(word: str) -> tuple[str, ...]:
    """The `counts.STATE_KIN` row holding `word`: one count's state told in other words."""
    return next(row for row in STATE_KIN if word in row)


# Each row: two groups of lemmas, any word of one the opposite of any word of the other.
OPPOSITE_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("approve", "adopt"), ("reject", "veto")),
    (("accept",), ("refuse", "decline", "reject")),
    (("win",), ("lose",)),
    (("rise", "increase", "grow", "climb"), ("fall", "decrease", "drop", "cut", "decline")),
    (("open", "reopen"), ("close", "shut")),
    (_kin_row("arrest"), ("release", "free")),
    (("convict",), ("acquit",)),
    (("guilty",), ("innocent",)),
    (("allow", "permit"), ("ban", "forbid", "prohibit")),
    (("support",), ("oppose",)),
    (("confirm",), ("deny",)),
    (_kin_row("kill"), _kin_row("injure")),  # killed or hurt: two tolls, never one
    (("resign",), ("appoint",)),
)
# Written forms `crude_stem` does not bring back to the lemma's stem.
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "win": ("won", "winning"), "lose": ("lost",), "rise": ("rose", "risen"),
    "fall": ("fell", "fallen"), "grow": ("grew", "grown"), "cut": ("cutting",),
    "shut": ("shutting",), "ban": ("banned", "banning"), "acquit": ("acquitted",),
    "drop": ("dropped", "dropping"), "die": ("died", "dying"), "hurt": ("hurting",),
    "free": ("freed",), "permit": ("permitted",), "forbid": ("forbade", "forbidden"),
    "kill": ("killed",), "convict": ("convicted",),
}


@lru_cache(maxsize=1)
def _opposites() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for first, second in OPPOSITE_GROUPS:
        for one, other in ((first, second), (second, first)):
            for lemma in one:
                found.setdefault(lemma, set()).update(other)
    return {lemma: frozenset(others - {lemma}) for lemma, others in found.items()}


def opposites_of(lemma: str) -> frozenset[str]:
    """The listed opposites of a lemma: "approve" -> {"reject", "veto"}."""
    return _opposites().get(lemma, frozenset())


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Written form or crude stem -> lemma, for every listed lemma."""
    found: dict[str, str] = {}
    for lemma in _opposites():
        for form in (lemma, crude_stem(lemma), *IRREGULAR_FORMS.get(lemma, ())):
            found.setdefault(form, lemma)
    return found


# "fatally wounded" is killed, not hurt (ECB+ topic 19: "shot and killed" a boy, "who was
# fatally wounded by police").
FATAL_WORDS = frozenset({"fatally", "mortally"})
_HURT = _kin_row("injure")


def _lemma_of(word: str) -> str | None:
    """The listed lemma a written word is a form of, if any."""
    forms = _forms()
    return forms.get(word) or forms.get(crude_stem(word))


def _fatal_wound_at(said: list[str], index: int) -> bool:
    """Whether the word at `index` is a wound told as fatal ("fatally wounded")."""
    return index > 0 and said[index - 1] in FATAL_WORDS and _lemma_of(said[index]) in _HURT


def fatally_hurt(text: str) -> bool:
    """Whether a text tells a death as a wound ("was fatally wounded")."""
    said = words(text)
    return any(_fatal_wound_at(said, index) for index in range(len(said)))


def _listed(text: str) -> dict[str, str]:
    """The listed lemmas a text uses, each with its word as written; a wound told as
    fatal ("fatally wounded") is a killing."""
    found: dict[str, str] = {}
    said = words(text)
    for index, word in enumerate(said):
        lemma = "kill" if _fatal_wound_at(said, index) else _lemma_of(word)
        if lemma is not None:
            found.setdefault(lemma, word)
    return found


def opposed_words(text: str, said: str) -> list[str]:
    """The words of `text` whose listed opposite `said` uses instead, each with it:
    ["approved (rejected)"] for "Voters approved the levy" against "Voters rejected the
    levy". A word both texts use, or an opposite both use, opposes nothing ("rose, then
    fell" tells both), nor does one where a text says "not": "did not reopen" and "remained
    closed" agree, as do "no one was hurt" and "no one was killed"."""
    if is_negated(text) or is_negated(said):
        return []
    own, other = _listed(text), _listed(said)
    found = []
    for lemma, written in own.items():
        if lemma in other:
            continue
        instead = sorted(other[o] for o in opposites_of(lemma) & other.keys()
                         if o not in own and not _other_parties(text, written, said, other[o]))
        if instead:
            found.append(f"{written} ({', '.join(instead)})")
    return found


# Words between a name and its verb that leave the name its subject ("Rovers have won").
AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "will", "would"})


def _other_parties(text: str, written: str, said: str, instead: str) -> bool:
    """Two opposite words each right after another name: "Dunmore Rovers won the final"
    and "Carrow Athletic lost the final" tell one result from either side (as
    `conflicts._other_parties` does with the parse)."""
    first, second = _name_before(text, written), _name_before(said, instead)
    return bool(first) and bool(second) and first != second


def _name_before(text: str, written: str) -> str:
    """The capitalised name right before a word of `text` ("Dunmore Rovers" of "Dunmore
    Rovers won"), past auxiliaries; "" when none, or only the text's capitalised first
    word ("Police arrested")."""
    match = re.search(rf"\b{re.escape(written)}\b", text, flags=re.IGNORECASE)
    if match is None:
        return ""
    before = re.findall(r"[A-Za-z][\w'-]*", text[:match.start()])
    while before and before[-1].lower() in AUXILIARIES:
        before.pop()
    name: list[str] = []
    while before and before[-1][0].isupper():
        name.insert(0, before.pop())
    return " ".join(name) if before or len(name) > 1 else ""
