"""Counts of one thing told in other words: "Three other workers were injured." and "four
other workers were hurt".

Goes in: one story's `FactUnit`s (their figures, as `single_valued` reads them, and the
parse's content-word links). Comes out: pairs of sentences of two independent sources
that count the same thing in the same state (`count_pairs`), which `align` joins into one
fact: equal figures corroborate, others are a number dispute (`conflicts.number_conflict`
compares the figures' labels, which are the counted nouns).

The paraphrase model, fitted on MSRP, scores such short differently worded pairs near 0,
and `align`'s figure pairs need three shared uncommon words besides the figure's unit; a
sentence that states a count and little else shares no more than the count. This path is
narrow on purpose: the same counted noun (a lemma, or a word `text.COUNTED_AS` counts as
it), the same verb or state over it (`STATE_KIN`), the same scope ("three other workers"
is a part, "four workers in all" a total), the same modifiers and tense ("his first 17
passes", "will miss two games"), said outright (no aside, no light verb, no "It" standing
for something told elsewhere), and one setting: one sentence tells the count alone, or
both share an uncommon word of what happened (`_same_setting`), and nothing tells them
apart (`told_apart`: a negated state, the other's figure said of something else here,
another incident or day right after the state). `align` uses the pairs
only for sentences no other path links to another source's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .fact_units import FactUnit, event_words, single_valued
from .paraphrase import SentenceView
from .text import (
    COUNTED_AS,
    MONTH_NAMES,
    NEGATIONS,
    QUALIFIER,
    SPEAKER_VERBS,
    WEEKDAYS,
    is_year,
    number_value,
)

# Verbs and states that say the same of what is counted: "injured" and "hurt"; "killed",
# "dead" and "died" (a toll of the dead, however they died).
STATE_KIN: tuple[tuple[str, ...], ...] = (
    ("injure", "hurt", "wound"),
    ("kill", "die", "dead", "perish"),
    ("arrest", "detain"),
    ("rescue", "save"),
    ("evacuate",),
    ("miss", "missing"),
)
# Pronouns opening a sentence for a thing told of elsewhere ("It killed"; not "That
# temblor killed", "This year, pirates attacked")
THING_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those"})
# Verbs that say too little to tell one count from another: "spent 11 seasons in
# Philadelphia" and "spent seven seasons as an assistant coach" are two spans of a career.
LIGHT_VERBS = frozenset({"be", "have", "get", "take", "make", "give", "spend", "include",
                         "see", "go", "come", "put"})
# Words between a figure and its noun that make it a part of a count ("three other
# workers"), and phrases that make it the whole ("four workers in all").
PART_WORDS = frozenset({"other", "additional", "more", "further", "another", "second"})
TOTAL_PHRASES = (("in", "all"), ("in", "total"), ("altogether",), ("overall",),
                 ("a", "total", "of"), ("total",))
COUNT_RARE = 0.4  # IDF weight above which a shared word tells of this event (`FIGURE_RARE`)


def _kin_map(rows: Sequence[Sequence[str]]) -> dict[str, str]:
    return {word: row[0] for row in rows for word in row}


_STATE = _kin_map(STATE_KIN)


@dataclass(frozen=True, slots=True)
class Count:
    """One figure of a sentence as a count: of what (`noun`: the figure's label),
    in which state (`states`: the verbs or adjectives over it, by their `STATE_KIN` row),
    how many, and whether it is a part ("other"), the whole ("in all") or plain."""

    noun: str
    states: frozenset[str]
    value: float
    scope: str
    words: frozenset[str]  # the lemmas the count is told with: the noun and its states
    # told in passing, in a clause describing the noun ("the two men who died"), not as
    # what the sentence says of it ("two men were killed")
    describes: bool = False
    # what sets the counted things apart from others of their kind: "his first 17
    # passes" are not "28 passes", "the final two games" not "four games" he missed
    modifiers: frozenset[str] = frozenset()
    future: bool = False  # "will miss two games" is not "missed four games"
    main: bool = True  # what the sentence says, not an aside ("..., injuring two people")

    def matches(self, other: Count) -> bool:
        return self.noun == other.noun and self.scope == other.scope and \
            bool(self.states & other.states) and self.modifiers == other.modifiers and \
            self.future == other.future


def counts_of(unit: FactUnit) -> list[Count]:
    """The sentence's figures that count a noun in a state it is said to be in."""
    found: list[Count] = []
    view = unit.view
    said = view.words
    if said[:1] and said[0] in THING_PRONOUNS and \
            not (len(said) > 1 and view.tags.get(said[1]) in {"NOUN", "PROPN", "ADJ"}):
        return found  # "It killed 612 people": which quake, another sentence tells
    for label, value in single_valued(unit):
        noun = _noun_for(view, label)
        if QUALIFIER in label or noun is None:
            continue  # a measure ("metres deep") or a name: `align._figure_pairs`' job
        figure = _figure_at(view.words, noun, value)
        if figure is None:
            continue
        states, describes = _states_of(view, noun, figure)
        states -= LIGHT_VERBS
        if states:
            found.append(Count(label, frozenset(_STATE.get(s, s) for s in states), value,
                               _scope(view.words, figure, noun),
                               frozenset({noun, *states}), describes,
                               _modifiers(view, noun, figure), _future(view.words, states),
                               any(_said_outright(view, state) for state in states)))
    return found


ORDER_WORDS = frozenset({"first", "last", "final", "next", "previous", "past", "initial",
                         "opening", "remaining", "late", "early"})
FUTURE_WORDS = frozenset({"will", "would", "shall", "to"})
# Words between a head verb and a verb coordinated with it that make the second a
# subordinate clause ("convicted after two men were killed"), not a second statement.
SUBORDINATING = frozenset({"after", "before", "when", "while", "as", "because", "since",
                           "until", "if", "though", "although", "that", "who", "which"})


def _modifiers(view: SentenceView, noun: str, figure: int) -> frozenset[str]:
    """Adjectives on the counted noun and an order word before the figure ("first",
    "final"), the part words of `_scope` aside."""
    adjectives = {child for link in view.links
                  for head, _, child in [link.partition(">")]
                  if head == noun and view.tags.get(child) == "ADJ"}
    before = view.words[max(0, figure - 2):figure]
    return frozenset((adjectives | (ORDER_WORDS & set(before))) - PART_WORDS)


def _future(words: Sequence[str], states: set[str]) -> bool:
    """A state told as to come: "will miss", "is to miss", "would face"."""
    return any(FUTURE_WORDS & set(words[max(0, i - 3):i])
               for i, word in enumerate(words) if word in states)


def _said_outright(view: SentenceView, state: str) -> bool:
    """The state is what the sentence says: its main verb, or one joined to it by "and"
    or "but" with no subordinating word between ("X were killed and four others were
    hurt"), not a participle or clause hanging from it ("..., injuring two people",
    "convicted after two men were killed"); what a speech verb reports is said outright."""
    if f"{state}>{state}" in view.links:
        return True
    heads = [link.partition(">")[0] for link in view.links
             if link.partition(">")[2] == state and link.partition(">")[0] != state]
    said = view.words
    for head in heads:
        if f"{head}>{head}" not in view.links or head not in said or state not in said:
            continue
        if head in SPEAKER_VERBS:  # "four workers were injured, the board said"
            return True
        between = said[said.index(head) + 1:said.index(state)]
        if ({"and", "but"} & set(between)) and not SUBORDINATING & set(between):
            return True
    return False


def _noun_for(view: SentenceView, label: str) -> str | None:
    """The noun a figure's label stands for as the sentence writes it: the label itself,
    or a word `text.COUNTED_AS` counts as it ("employees" as "worker")."""
    return next((word for word, tag in view.tags.items()
                 if tag == "NOUN" and COUNTED_AS.get(word, word) == label), None)


def _figure_at(words: Sequence[str], noun: str, value: float) -> int | None:
    """Where the figure counting `noun` is written: the last word giving `value` before
    the noun, at most three words before it ("four other workers", "4 additional
    labourers")."""
    for at, word in enumerate(words):
        if word != noun:
            continue
        for before in range(at - 1, max(-1, at - 4), -1):
            if number_value(words[before]) == value:
                return before
    return None


def _states_of(view: SentenceView, noun: str, figure: int) -> tuple[set[str], bool]:
    """The verbs and adjectives the counted noun is said to be in: those heading it in
    the parse ("were hurt", "injured three"), those it heads (a relative clause: "two
    workers who died"), or, when the noun hangs from a preposition the content-word links
    leave out ("deliberated for nine hours"), the verb right before the figure. A clause
    under the noun counts only when nothing is said of it ("the 1,400 ballots that had
    been set aside will be counted" says they will be counted); the flag tells so."""
    predicate = {"VERB", "ADJ"}
    said, described = set(), set()
    for link in view.links:
        head, _, child = link.partition(">")
        if child == noun and head != noun and view.tags.get(head) in predicate:
            said.add(head)
        if head == noun and child != noun and view.tags.get(child) in predicate:
            described.add(child)
    hung = any(link.partition(">")[2] == noun and link.partition(">")[0] != noun
               for link in view.links)  # from a noun: "a 12-year sentence" counts no years
    if not said | described and not hung:
        for word in reversed(view.words[max(0, figure - 3):figure]):
            if view.tags.get(word) == "VERB":
                said.add(word)
                break
    return (said, False) if said else (described, True)


def _scope(words: Sequence[str], figure: int, noun: str) -> str:
    """ "part" for "three other workers", "total" for "four workers in all" or "a total
    of four workers", else "plain"."""
    end = words.index(noun, figure) if noun in words[figure:] else figure
    if PART_WORDS & set(words[figure + 1:end]):
        return "part"
    for phrase in TOTAL_PHRASES:
        size = len(phrase)
        if any(tuple(words[i:i + size]) == phrase for i in range(len(words) - size + 1)):
            return "total"
    return "plain"


def count_pairs(units: Sequence[FactUnit], weights: dict[str, float],
                apart: Callable[[FactUnit, FactUnit], bool]) -> list[tuple[int, int]]:
    """(a, b), a < b: sentences of two independent sources counting the same thing in the
    same state, in the same setting (`_same_setting`). `apart` tells two sentences
    telling of other people (`align._other_people`)."""
    counted = [(unit, counts) for unit in units if (counts := counts_of(unit))]
    found = []
    for position, (a, counts_a) in enumerate(counted):
        for b, counts_b in counted[position + 1:]:
            if a.source == b.source or apart(a, b):
                continue
            told = [(x, y) for x in counts_a for y in counts_b if x.matches(y)]
            if told and all(_same_setting(a, b, x, y, weights) for x, y in told) and \
                    not told_apart(a, b, told):
                found.append((a.index, b.index))
    return found


def _same_setting(a: FactUnit, b: FactUnit, count_a: Count, count_b: Count,
                  weights: dict[str, float]) -> bool:
    """Both sentences say the count, not in passing ("Families of the two men who died
    asked to speak" tells of the families; "The 1,400 ballots that had been set aside will
    be counted", of the counting), and tell of one event: one tells the count alone
    ("Three other workers were injured."), or they share an uncommon word of what
    happened ("the jury deliberated for nine hours")."""
    if count_a.describes or count_b.describes:
        return False
    count_words = count_a.words | count_b.words
    own_a, own_b = event_words(a) - count_words, event_words(b) - count_words
    if not own_a or not own_b:  # a bare count: the other must say it outright too
        return count_a.main and count_b.main
    return any(weights.get(word, 1.0) >= COUNT_RARE for word in own_a & own_b)


# Words that tell one of several incidents ("hurt in the first blast", "in the second"),
# and the days and years an event is dated by ("arrested three men on Friday"): two counts
# whose states these follow closely, and differ, tell of two.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth"})
CALENDAR = WEEKDAYS | MONTH_NAMES
MARK_SPAN = 5  # words after a count's state that may tell its incident or day
NEGATION_SPAN = 3  # words before a state that may negate it ("were not injured")
# Words that end the span of a state: what follows tells of another clause ("..., which
# shook the quay on Monday", "..., police said Saturday").
SPAN_ENDS = SPEAKER_VERBS | {"which", "who", "after", "before", "when", "while"}


def told_apart(a: FactUnit, b: FactUnit, told: Sequence[tuple[Count, Count]]) -> bool:
    """Counts that match in words yet are no one fact: one state negated ("Two dockers
    were not injured"); the other's figure said of something else in this one ("Two
    soldiers were killed and five others were wounded" against "Five soldiers were
    killed": the dispute judge would take the five as agreement); or two incidents or days
    right after the states ("hurt in the first blast" and "injured in the second",
    "arrested on Friday" and "detained on Saturday"). Only the words close to the state:
    "..., police said Saturday" dates the saying, "no injuries were reported" another
    clause."""
    for x, y in told:
        if _negated(a, x) != _negated(b, y):
            return True
        if x.value != y.value and (y.value in a.mentioned or x.value in b.mentioned):
            return True
        marks_a, marks_b = _marks(a, x), _marks(b, y)
        if any(one and other and not one & other
               for one, other in zip(marks_a, marks_b, strict=True)):
            return True
    return False


def figures_told_apart(a: FactUnit, value_a: float, b: FactUnit, value_b: float,
                       label: str, counted: Callable[[FactUnit], list[Count]] = counts_of
                       ) -> bool:
    """`told_apart` for two sentences' figures of one quantity (`label`), read as counts
    (`counted`: `counts_of`, or a cache of it): "Two labourers were hurt in the first
    blast" and "Five workers were injured in the second blast" tell two incidents,
    however other paths pair them. Figures no state is said of are never told apart."""
    told = [(x, y) for x in counted(a) if x.noun == label and x.value == value_a
            for y in counted(b) if y.noun == label and y.value == value_b]
    return told_apart(a, b, told)


def _state_positions(unit: FactUnit, count: Count) -> list[int]:
    return [at for at, word in enumerate(unit.view.words)
            if word in count.words and word != count.noun]


def _negated(unit: FactUnit, count: Count) -> bool:
    said = unit.view.words
    return any(NEGATIONS & set(said[max(0, at - NEGATION_SPAN):at])
               for at in _state_positions(unit, count))


def _marks(unit: FactUnit, count: Count) -> tuple[set[str], set[str]]:
    """The ordinal words, and the days, months and years, right after the count's
    states (up to another clause)."""
    said = unit.view.words
    close: set[str] = set()
    for at in _state_positions(unit, count):
        for word in said[at + 1:at + 1 + MARK_SPAN]:
            if word in SPAN_ENDS:
                break
            close.add(word)
    years = {word for word in close if is_year(word)}
    return close & ORDINALS, (close & CALENDAR) | years
