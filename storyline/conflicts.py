"""Disagreements inside a story's facts: other figures, opposite accounts, other days.

Goes in: the `FactUnit`s of one fact group (the sentences `align` grouped as one fact)
with each article's outlet and publication time; for figures told in sentences too
differently worded to align, all the story's units with their fact groups. Comes out:
the group's first disagreement of each kind, as a divergence heading ("number of
passengers: 40 vs 45", "opposite accounts: passed vs failed", "date: 31 January vs 28
February") and one `DivergenceVersion` per independent source and value, or None;
`without_repeats` then lists each disagreement of the story once.

Copies of one original count as one source, and one outlet's two reports as one voice:
a disagreement takes two outlets.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from .counts import Count, counts_of, figures_told_apart
from .fact_units import FactUnit, event_words, in_order, single_valued, stated, voice
from .models import Divergence, DivergenceVersion, FigureUpdate
from .opposites import IRREGULAR_FORMS, fatally_hurt, opposites_of
from .paraphrase import SentenceView
from .text import (
    CURRENCY_UNITS,
    MEASURED,
    MONTH_NAMES,
    MULTIPLIERS,
    QUALIFIER,
    SPEAKER_VERBS,
    WEEKDAYS,
    crude_stem,
    format_number,
    is_negation,
    is_tally,
    number_value,
    plural,
    readable_number,
    tally_text,
)
from .wording import antonym_table

# -- numbers -----------------------------------------------------------------------

# Words before a figure that make it a bound, by the words' lemmas: "more than 40" is 40 or
# more, "up to four" four or less, "about 9,000" within APPROXIMATE of it.
LOWER_BOUNDS = (("more", "than"), ("at", "least"), ("over",), ("above",), ("upwards", "of"),
                ("in", "excess", "of"), ("no", "few", "than"), ("no", "less", "than"))
UPPER_BOUNDS = (("up", "to"), ("as", "much", "as"), ("as", "many", "as"), ("less", "than"),
                ("few", "than"), ("under",), ("below",), ("at", "most"), ("no", "more", "than"),
                ("nearly",), ("almost",), ("just", "under"))
APPROXIMATIONS = (("about",), ("around",), ("roughly",), ("approximately",), ("some",),
                  ("close", "to"), ("an", "estimate"), ("estimate",), ("approx",))
APPROXIMATE = 0.1  # "about 200" is 180 to 220
NEARLY = ("nearly", "almost", "just")  # "nearly 40" is a little under 40, not any less


def number_conflict(group: Sequence[FactUnit], outlets: dict[str, str],
                    published: dict[str, float]
                    ) -> tuple[str, tuple[DivergenceVersion, ...]] | None:
    """The first quantity the group's sentences give different figures for.

    A copy that changes its original's figure ("40 passengers" reprinted as "45") is a
    disagreement too: the texts differ and a reader cannot tell which is right; it still
    counts once for corroboration (`align._make_fact` counts sources, not articles).
    """
    values: dict[str, list[tuple[FactUnit, float]]] = defaultdict(list)
    for unit in group:
        for label, value in single_valued(unit):
            values[label].append((unit, value))
    for label, entries in values.items():
        pairs = [(a, b) for a, va in entries for b, vb in entries
                 if a.index < b.index and a.sentence.article_id != b.sentence.article_id and
                 # a copy that changed its original's figure is an outlet of its own here
                 _two_outlets(a.sentence.article_id, b.sentence.article_id, outlets) and
                 _disagree(a, va, b, vb) and
                 not running_update((a, va), (b, vb), entries, published)]
        by_value = _involved(entries, pairs)
        if len(by_value) >= 2:
            return _divergence_versions(label, by_value, outlets, published)
    return None


def _disagree(a: FactUnit, va: float, b: FactUnit, vb: float) -> bool:
    """Two figures of one quantity that contradict each other. A sentence that gives both
    ("rose from 41% to 48%", "first put at 1,200, was revised to 1,400") tells the
    change, so it does not contradict a sentence giving either figure; a bound ("more
    than 40", "up to four", "about 9,000") contradicts only a figure outside it, and
    another bound of its kind when they differ ("up to four metres", "as much as six")."""
    if va == vb or vb in a.mentioned or va in b.mentioned:
        return False
    kind_a, low_a, high_a = _claim(a, va)
    kind_b, low_b, high_b = _claim(b, vb)
    if kind_a == kind_b:
        return True
    return high_a < low_b or high_b < low_a


# Words before a figure that tell it as a running total, one that may still grow: "rose
# to five", "has climbed to 12", "now stands at nine" (by lemmas).
RUNNING_CUES = (("rise",), ("climb",), ("increase",), ("grow",), ("mount",), ("now",))
# Words that tell a running total only in a sentence told as still open ("at least seven
# people have died since", "the toll has reached nine"): "at least 10,000 joined the march
# on Saturday" is an estimate of a finished event, and "the river reached 5 metres on
# Sunday" a peak, which a later, larger figure disputes (revw25).
OPEN_CUES = (("reach",), ("at", "least"))
OPEN_WORDS = {"have", "since"}  # a perfect ("have died", "has reached") or "since"
RUNNING_SPAN = 4  # words before the figure a running cue may stand in ("rose to five")
DAY_SECONDS = 86_400


def running_update(first: tuple[FactUnit, float], second: tuple[FactUnit, float],
                   entries: Sequence[tuple[FactUnit, float]], published: dict[str, float]
                   ) -> bool:
    """Two figures of one quantity that are one running figure updated, not a dispute
    (walk25: "Two people were killed" on Monday, "the death toll rose to five" on Tuesday,
    "at least seven people have died" on Wednesday): the later report is of a later day
    and gives more, and the figure is told as running, by the later sentence itself or by
    a report between them (of a later day than the first, no later than the second) that
    puts it above the first ("Seven people died" on Thursday after "at least seven" on
    Wednesday; "Five people were killed", stale on Wednesday, is still more than Monday's
    two). Two outlets the same day, or a smaller figure later, still disagree."""
    (early, low), (late, high) = sorted(
        (first, second), key=lambda entry: published.get(entry[0].sentence.article_id,
                                                         math.inf))
    start, end = _day_of(early, published), _day_of(late, published)
    if start is None or end is None or start >= end or high <= low:
        return False
    return _running(late, high) or any(
        value > low and (day := _day_of(unit, published)) is not None and
        start < day <= end and _running(unit, value)
        for unit, value in entries)


def figure_updates(group: Sequence[FactUnit], published: dict[str, float]
                   ) -> tuple[FigureUpdate, ...]:
    """The group's running count day by day, when two of its figures are one updated
    (`running_update`): each day's largest figure, kept where it rose ("2" on 2 November,
    "5" on the 3rd, "7" on the 4th; an outlet still giving five on the 4th is no step).
    Empty when no figure of the group was updated."""
    values: dict[str, list[tuple[FactUnit, float]]] = defaultdict(list)
    for unit in group:
        for label, value in single_valued(unit):
            values[label].append((unit, value))
    for label, entries in values.items():
        if not any(running_update(x, y, entries, published)
                   for x in entries for y in entries if x[1] < y[1]):
            continue
        by_day: dict[int, tuple[FactUnit, float]] = {}
        for unit, value in _in_publication_order(entries, published):
            day = _day_of(unit, published)
            if day is not None and (day not in by_day or value > by_day[day][1]):
                by_day[day] = (unit, value)
        steps: list[tuple[int, FactUnit, float]] = []
        for day in sorted(by_day):
            unit, value = by_day[day]
            if not steps or value > steps[-1][2]:
                steps.append((day, unit, value))
        return tuple(FigureUpdate(datetime.fromtimestamp(day * DAY_SECONDS, UTC).date()
                                  .isoformat(),
                                  tally_text(value) if is_tally(label) else format_number(value),
                                  unit.sentence.article_id, unit.sentence.start,
                                  unit.sentence.end)
                     for day, unit, value in steps)
    return ()


def _in_publication_order(entries: Sequence[tuple[FactUnit, float]],
                        published: dict[str, float]) -> list[tuple[FactUnit, float]]:
    """(sentence, figure) entries in publication order, then by article and place."""
    return sorted(entries, key=lambda e: (published.get(e[0].sentence.article_id, math.inf),
                                          e[0].sentence.article_id, e[0].position))


def _day_of(unit: FactUnit, published: dict[str, float]) -> int | None:
    """The UTC day the sentence's article was published on, or None when undated."""
    moment = published.get(unit.sentence.article_id, math.inf)
    return int(moment // DAY_SECONDS) if math.isfinite(moment) else None


def _running(unit: FactUnit, value: float) -> bool:
    """The sentence tells its figure as a running total: a cue in the words before it
    ("rose to five"; "at least seven" where the sentence is told as still open, "have
    died") or "so far" anywhere in it."""
    said = unit.view.words
    if any(said[i:i + 2] == ("so", "far") for i in range(len(said) - 1)):
        return True
    index = _figure_index(said, value)
    if index is None:
        return False
    before = tuple(said[max(0, index - RUNNING_SPAN):index])
    cues = RUNNING_CUES + (OPEN_CUES if OPEN_WORDS & set(said) else ())
    return any(before[i:i + len(cue)] == cue and not _saying_changed(before, i + len(cue))
               for cue in cues for i in range(len(before) - len(cue) + 1))


def _saying_changed(before: Sequence[str], after_cue: int) -> bool:
    """ "Organisers now say 10,000 joined": the cue is the saying's, a claim changed, not
    a running figure (revw25)."""
    return after_cue < len(before) and before[after_cue] in SPEAKER_VERBS


def _claim(unit: FactUnit, value: float) -> tuple[str, float, float]:
    """What a sentence's `value` claims: its kind ("exact", "at least", "at most",
    "about") and the figures it allows ("more than 40" -> 40 to infinity)."""
    said = unit.view.words
    index = _figure_index(said, value)
    before = tuple(said[max(0, index - 3):index]) if index is not None else ()
    for cue in LOWER_BOUNDS:
        if before[-len(cue):] == cue:
            return "at least", value, math.inf
    for cue in UPPER_BOUNDS:
        if before[-len(cue):] == cue:
            return "at most", (value * (1 - APPROXIMATE) if cue[0] in NEARLY
                               else -math.inf), value
    if any(before[-len(cue):] == cue for cue in APPROXIMATIONS):
        return "about", value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    return "exact", value, value


def _figure_index(said: Sequence[str], value: float) -> int | None:
    """Where a figure is written among a sentence's word lemmas ("1.2", "million" for
    1,200,000), or None."""
    for index, word in enumerate(said):
        number = number_value(word)
        if number is None:
            continue
        if index + 1 < len(said) and said[index + 1] in MULTIPLIERS:
            number *= MULTIPLIERS[said[index + 1]]
        if number == value:
            return index
    return None


def _involved(entries: Sequence[tuple[FactUnit, float]],
              pairs: Sequence[tuple[FactUnit, FactUnit]]) -> dict[float, list[FactUnit]]:
    """Value -> the sentences giving it that take part in one of the disagreeing pairs."""
    involved = {u.index for pair in pairs for u in pair}
    by_value: dict[float, list[FactUnit]] = defaultdict(list)
    for unit, value in entries:
        if unit.index in involved:
            by_value[value].append(unit)
    return dict(by_value)


def _divergence_versions(label: str, by_value: dict[float, list[FactUnit]],
                         outlets: dict[str, str], published: dict[str, float]
                         ) -> tuple[str, tuple[DivergenceVersion, ...]]:
    """One version per independent source and value: copies repeat their original's
    figure, so they are listed with it (`copies`) rather than as more outlets saying it."""
    versions = []
    saying = {value: {u.sentence.article_id for u in units} for value, units in by_value.items()}
    for value, units in sorted(by_value.items()):
        by_source: dict[str, list[FactUnit]] = defaultdict(list)
        for unit in sorted(units, key=lambda u: published.get(u.sentence.article_id, math.inf)):
            by_source[unit.source].append(unit)
        for source_units in by_source.values():
            first = next((u for u in source_units if u.sentence.article_id == u.source),
                         source_units[0])
            sentence = first.sentence
            copies = tuple(dict.fromkeys(u.sentence.article_id for u in source_units
                                         if u is not first))
            # A copy whose original gives another figure here changed it.
            changed = first.source if first.source not in saying[value] and any(
                first.source in others for others in saying.values()) else None
            versions.append(DivergenceVersion(sentence.article_id,
                                              outlets.get(sentence.article_id, ""),
                                              stated(first),
                                              tally_text(value) if is_tally(label)
                                              else format_number(value),
                                              sentence.start, sentence.end, copies, changed))
    values = " vs ".join(tally_text(v) if is_tally(label) else readable_number(v)
                         for v in sorted(by_value))
    return f"{_quantity(label)}: {values}", tuple(versions)


def _quantity(label: str) -> str:
    """What a number counts, for a divergence's heading: "number of passengers",
    "metres deep", "kilometre route", "vote tally", "score"."""
    if is_tally(label):
        return "vote tally" if label.startswith("vote") else "score"
    unit, _, measured = label.partition(QUALIFIER)
    if measured in MEASURED:
        return f"{plural(unit)} {measured}"  # "metres deep"
    if measured == "ago":
        return f"{plural(unit)} ago"  # "years ago: 2 vs 3"
    if measured == "at":
        return f"{plural(unit)} (a height or a position)"
    if measured.startswith("of "):
        return f"{plural(unit)} {measured}"  # "metres of road"
    if measured:
        return f"{unit} {measured}"  # "kilometre route"
    money, _, rate = label.partition(" per ")
    if money in CURRENCY_UNITS.values():
        return f"amount in {money}s" + (f" per {rate}" if rate else "")
    if label == "percent":
        return "percentage"
    return f"number of {plural(label)}"


def loose_number_conflicts(units: Sequence[FactUnit], idf: dict[str, float],
                           members: dict[int, list[int]], group_of: Callable[[int], int],
                           outlets: dict[str, str], published: dict[str, float], *, start: int
                           ) -> tuple[list[Divergence], set[int]]:
    """Same quantity, other number, in sentences too differently worded to align.

    `members` maps each fact group's root to its units' indices and `group_of` a unit's
    index to its root (`align.UnionFind.find`). Returns the divergences and the roots of
    the groups whose facts they contradict: those at least half of whose sentences state
    one of the contested numbers.
    """
    by_label: dict[str, list[tuple[FactUnit, float]]] = defaultdict(list)
    for unit in units:
        for label, value in single_valued(unit):
            by_label[label].append((unit, value))
    found: list[Divergence] = []
    roots: set[int] = set()
    events = _EventWords()
    counted = _Counts()
    for label, entries in by_label.items():
        if len(entries) > 200:
            continue
        if len({value for _unit, value in entries}) < 2:
            continue
        pairs = [(a, b) for (a, va) in entries for (b, vb) in entries
                 if a.index < b.index and a.source != b.source and
                 _two_outlets(a.source, b.source, outlets) and  # copies: their original's
                 _disagree(a, va, b, vb) and
                 group_of(a.index) != group_of(b.index) and
                 not running_update((a, va), (b, vb), entries, published) and
                 _one_event(a, b, label, idf, events) and
                 # two incidents or days ("hurt in the first blast" / "injured in the
                 # second"), a negated state: as `counts` refuses to pair them
                 not figures_told_apart(a, va, b, vb, label, counted.of)]
        kept = _involved(entries, pairs)
        if len(kept) >= 2:
            involved = {u.index for pair in pairs for u in pair}
            topic, versions = _divergence_versions(label, kept, outlets, published)
            found.append(Divergence(f"d{start + len(found) + 1}", topic, versions))
            roots.update(root for root, ids in members.items()
                         if 2 * len(involved.intersection(ids)) >= len(ids))
    return found, roots


LOOSE_RARE = 0.7  # IDF above which a shared word tells of this event, not of the story
LOOSE_SHARED = 2  # uncommon event words two sentences share besides the figure's unit


class _EventWords(dict[int, set[str]]):
    """Each unit's `event_words`, read once (by unit index)."""

    def of(self, unit: FactUnit) -> set[str]:
        if unit.index not in self:
            self[unit.index] = event_words(unit)
        return self[unit.index]


class _Counts(dict[int, list[Count]]):
    """Each unit's `counts.counts_of`, read once (by unit index)."""

    def of(self, unit: FactUnit) -> list[Count]:
        if unit.index not in self:
            self[unit.index] = counts_of(unit)
        return self[unit.index]


def _one_event(a: FactUnit, b: FactUnit, label: str, idf: dict[str, float],
               events: _EventWords) -> bool:
    """Two sentences too differently worded to align tell one event with their figures:
    they share LOOSE_SHARED uncommon event words besides the figure's unit (what happened,
    to what and where; not who said it, nor the days: "Warden Ebbe said the reserve had
    raised the water two years ago" shares "reserve" and "say" with "an orchid was found on
    the reserve for the first time in a hundred years", and tells another thing).

    Not enough, tried and dropped: the same verb or a WordNet kin of it over both figures
    and one more shared word ("14 of its pilots had left" / "16 pilots quit"). On the ECB+
    tuning topics all 6 facts it added were false disputes: another navy's haul of
    pirates, another shooting's dead, two cables' countries."""
    common = (events.of(a) & events.of(b)) - set(label.split(QUALIFIER))
    return sum(1 for word in common if idf.get(word, 0) > LOOSE_RARE) >= LOOSE_SHARED


# -- opposite accounts ---------------------------------------------------------------

OPPOSITE_TOPIC = "opposite accounts"  # a divergence of sentences saying opposite things


def _opposite(a: FactUnit, b: FactUnit) -> tuple[str, str] | None:
    """A verb or adjective of `a` whose antonym `b` uses instead (WordNet's: "pass" and
    "fail", "open" and "close", "rise" and "fall"; `opposites`' hand list: "approve" and
    "reject", "killed" and "injured", "arrest" and "release"), as (a's lemma, b's lemma)."""
    verbal = {"VERB", "ADJ"}
    only_a = sorted(lemma for lemma in a.lemmas - b.lemmas if a.view.tags.get(lemma) in verbal)
    only_b = {lemma for lemma in b.lemmas - a.lemmas if b.view.tags.get(lemma) in verbal}
    if not only_a or not only_b:
        return None
    table = antonym_table()
    for lemma in only_a:
        # in the same place: said of the same words ("the crane had passed / failed an
        # inspection"), not "the old pier" against "new decking"; or the only words the
        # sentences differ in ("will close its reading room" / "will keep its reading room
        # open": the parse links "open" to no content word)
        found = {other for other in table.get(lemma, frozenset()) & only_b
                 if _neighbours(lemma, a.view) & _neighbours(other, b.view) and
                 _said_of_alike(lemma, a, b, {lemma, other}) and
                 _said_of_alike(other, b, a, {lemma, other})}
        # `opposites`' pairs only in sentences told alike but for them: "was arrested near
        # the house" and "released from secure mental hospital" said of one man in two
        # headlines run together are two events (ECB+ topic 32); and neither sentence says
        # "not": "No one was injured" / "No one was killed" agree
        found |= {other for other in (table.get(lemma, frozenset()) | opposites_of(lemma)) &
                  only_b
                  if not a.view.negated and not b.view.negated and (
                      a.lemmas ^ b.lemmas == {lemma, other} or
                      _neighbours(lemma, a.view) & _neighbours(other, b.view) and
                      _alike_but(a, b, {lemma, other}) and
                      _said_of_alike(lemma, a, b, {lemma, other}) and
                      _said_of_alike(other, b, a, {lemma, other}))}
        if any(fatally_hurt(unit.sentence.text) for unit in (a, b)):
            found -= opposites_of(lemma)  # "shot and killed" / "fatally wounded": one death
        found = {other for other in found
                 if not _other_parties(_neighbours(lemma, a.view), a.view,
                                       _neighbours(other, b.view), b.view)}
        if found:
            return lemma, min(found)
    return None


OPPOSITE_SHARED = 0.6  # share of the longer sentence's other event words both must tell


def _alike_but(a: FactUnit, b: FactUnit, pair: set[str]) -> bool:
    """Two sentences that tell mostly the same event words besides `pair`."""
    first, second = event_words(a) - pair, event_words(b) - pair
    return bool(first & second) and \
        len(first & second) >= OPPOSITE_SHARED * max(len(first), len(second))


def _said_of_alike(lemma: str, unit: FactUnit, other: FactUnit, pair: set[str]) -> bool:
    """Whether every word `unit` says `lemma` of (its parse neighbours, and the words
    qualifying a noun among them) is told in `other` too. Sentences alike but for the pair
    may still say it of other things: "killed a guard" / "injured a cashier", "cut the bus
    budget" / "increased the road budget", "confirmed he had resigned" / "denied he had been
    sacked", "declined to comment on" / "accepted the recall": both true, no dispute."""
    said_of = _neighbours(lemma, unit.view) - pair - SPEAKER_VERBS
    qualifiers = {word for noun in said_of if unit.view.tags.get(noun) in {"NOUN", "PROPN"}
                  for word in _dependents(noun, unit.view)}
    return (said_of | qualifiers) - pair <= other.lemmas


def _dependents(lemma: str, view: SentenceView) -> set[str]:
    """The words linked under a word in its sentence's parse."""
    return {child for link in view.links for head, _, child in [link.partition(">")]
            if head == lemma}


def _other_parties(first: set[str], first_view: SentenceView, second: set[str],
                   second_view: SentenceView) -> bool:
    """Two opposite words said of other named parties: "Dunmore Rovers won the final" and
    "Carrow Athletic lost the final" tell one result from either side."""
    names = {word for word in first if first_view.tags.get(word) == "PROPN"}
    others = {word for word in second if second_view.tags.get(word) == "PROPN"}
    return bool(names) and bool(others) and not names & others


def _neighbours(lemma: str, view: SentenceView) -> set[str]:
    """The words a word is linked to in its sentence's parse, its head and its dependents."""
    found = set()
    for link in view.links:
        head, _, child = link.partition(">")
        if head == lemma:
            found.add(child)
        elif child == lemma:
            found.add(head)
    return found


def opposite_conflict(group: Sequence[FactUnit], outlets: dict[str, str],
                      published: dict[str, float]
                      ) -> tuple[str, tuple[DivergenceVersion, ...]] | None:
    """Two outlets' sentences of one group that say opposite things of it ("the crane
    had passed an inspection" and "had failed an inspection"): each outlet's version."""
    ordered = in_order(group, published)
    for x in ordered:
        for y in ordered:
            if x.index == y.index or not _two_outlets(x.sentence.article_id,
                                                      y.sentence.article_id, outlets):
                continue
            sides = _opposite_sides(x, y)
            if sides is None:
                continue
            versions = []
            for lemma, negated in sides:
                sources: set[str] = set()
                for unit in ordered:
                    if lemma in unit.lemmas and negated in (None, unit.view.negated) and \
                            voice(unit.source, outlets) not in sources:
                        sources.add(voice(unit.source, outlets))
                        sentence = unit.sentence
                        versions.append(DivergenceVersion(
                            sentence.article_id, outlets.get(sentence.article_id, ""),
                            stated(unit), _as_written(lemma, sentence.text, negated=negated),
                            sentence.start, sentence.end))
            values = " vs ".join(dict.fromkeys(v.value for v in versions))
            return f"{OPPOSITE_TOPIC}: {values}", tuple(versions)
    return None


def _as_written(lemma: str, text: str, *, negated: bool | None = None) -> str:
    """The word of `text` that `lemma` stands for ("passed" for "pass", "denied" for
    "deny"), else the lemma; "not guilty" where the side is the negated one."""
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma
    found = re.findall(r"[A-Za-z']+", text)
    for index, word in enumerate(found):
        lower = word.lower()
        if lower == lemma or lower.startswith(stem) and len(lower) <= len(lemma) + 3 or \
                crude_stem(lower) == crude_stem(lemma) or lower in IRREGULAR_FORMS.get(lemma, ()):
            before = found[index - 1].lower() if index else ""
            negation = is_negation(before)
            return f"{before} {lower}" if negated and negation else lower
    return f"not {lemma}" if negated else lemma


def _opposite_sides(a: FactUnit, b: FactUnit
                    ) -> tuple[tuple[str, bool | None], tuple[str, bool | None]] | None:
    """The two sides of an opposite account of `a` and `b`, each a lemma and whether its
    sentences say "not" (None: either way): antonyms (`_opposite`), or one word said and
    denied in sentences otherwise alike ("found the captain guilty" / "not guilty")."""
    pair = _opposite(a, b)
    if pair is not None:
        return (pair[0], None), (pair[1], None)
    if a.view.negated == b.view.negated or a.lemmas != b.lemmas:
        return None
    denied = _denied_word(b if b.view.negated else a)
    if denied is None:
        return None
    return (denied, a.view.negated), (denied, b.view.negated)


# "not only approved the plan but praised it" says it twice over, denies nothing
NOT_ONLY = frozenset({"only", "just", "merely", "simply"})


def _denied_word(unit: FactUnit) -> str | None:
    """The verb or adjective right after the sentence's "not" ("not guilty" -> "guilty";
    "did not approve" -> "approve"), by lemma, or None."""
    verbal = {lemma for lemma in unit.lemmas if unit.view.tags.get(lemma) in {"VERB", "ADJ"}}
    tokens = re.findall(r"[A-Za-z']+", unit.sentence.text.lower())
    for index, word in enumerate(tokens[:-1]):
        if is_negation(word) and tokens[index + 1] not in NOT_ONLY:
            for after in tokens[index + 1:index + 3]:
                lemma = next((v for v in sorted(verbal)
                              if after == v or crude_stem(after) == crude_stem(v)), None)
                if lemma is not None:
                    return lemma
    return None


# -- dates -------------------------------------------------------------------------

DATE_PAIR_SHARED = 0.8  # share of both sentences' event words two dates' sentences share
# A calendar date as written: "31 January", "31st of January 2027", "January 31, 2027".
# Names written with a capital only: "may" and "march" are also verbs.
_MONTH = r"(?P<{}>" + "|".join(sorted(m.title() for m in MONTH_NAMES)) + r")"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{}>(?:1[89]|20)\d\d))?"
CALENDAR_DATE = re.compile(
    r"\b(?:" + _DAY.format("day") + r"\s+(?:of\s+)?" + _MONTH.format("month") +
    _YEAR.format("year") + r"|" + _MONTH.format("month2") + r"\s+" + _DAY.format("day2") +
    _YEAR.format("year2") + r")\b")
WEEKDAY = re.compile(r"\b(?:" + "|".join(sorted(d.title() for d in WEEKDAYS)) + r")\b")
_TRAILING_WEEKDAY = re.compile(WEEKDAY.pattern + r",?\s*$")  # "said on Tuesday, "


@dataclass(frozen=True, slots=True)
class _Day:
    """A day a sentence names: a calendar date (month, day, year if given) or a weekday."""

    kind: str  # "calendar" or "weekday"
    month: str
    day: int
    year: int | None
    written: str  # "31 January", "Friday"

    def differs(self, other: _Day) -> bool:
        if self.kind != other.kind:
            return False  # "6 November" and "Friday" may be one day
        if (self.month, self.day) != (other.month, other.day):
            return True
        return self.year is not None and other.year is not None and self.year != other.year


# A day that dates the report, not the fact: "said on Tuesday", "announced Monday".
# "told the family on 6 November that ..." dates the telling, which is the news itself.
SPEECH_DAY = re.compile(r"\b(?:(?:said|says|announced|confirmed|stated|"
                        r"added|reported|warned|wrote|revealed)|(?:posted|published|updated|"
                        r"described)(?:\s+\w+){0,4})\s+(?:on\s+|late\s+|early\s+)?$")


def days_named(text: str) -> list[_Day]:
    """The calendar dates and weekdays a sentence names, in order, but those dating a
    statement ("the company said on Tuesday"): two reports of one statement may date
    it by their own days."""
    return [day for day, start in _days_at(text)
            if not SPEECH_DAY.search(_without_weekday(text[max(0, start - 60):start])) and
            _in_running_text(text[:start])]


def _without_weekday(before: str) -> str:
    """The words before a date without the weekday naming it: "said on" of "said on
    Friday, 6 November"."""
    return _TRAILING_WEEKDAY.sub("", before)


def _in_running_text(before: str) -> bool:
    """A day written in a sentence's words ("will end on 31 January", "voted Tuesday",
    "on Friday, 6 November"), not a dateline run into it ("Bank fire Wednesday 05 May
    2010 Three people ...", a date opening the text): a lower-case word comes before."""
    before = WEEKDAY.sub("", before[-40:]).rstrip(" ,")
    last = re.search(r"([A-Za-z]+)\W*$", before)
    return last is not None and last.group(1).islower() and before[-1:].isalpha()


def _days_at(text: str) -> list[tuple[_Day, int]]:
    found = []
    for match in CALENDAR_DATE.finditer(text):
        day = int(match["day"] or match["day2"])
        year = match["year"] or match["year2"]
        if 1 <= day <= 31:
            month = (match["month"] or match["month2"]).lower()
            found.append((_Day("calendar", month, day, int(year) if year else None,
                               f"{day} {month.title()}" + (f" {year}" if year else "")),
                          match.start()))
    for match in WEEKDAY.finditer(text):
        name = match.group(0).lower()
        found.append((_Day("weekday", name, 0, None, name.title()), match.start()))
    return found


def date_conflict(group: Sequence[FactUnit], outlets: dict[str, str],
                  published: dict[str, float], repeated: Collection[str] = ()
                  ) -> tuple[str, tuple[DivergenceVersion, ...]] | None:
    """Two outlets' sentences of one group that put it on other days ("The lease will end
    on 31 January" and "... on 28 February"; "on Friday" and "on Thursday"): the timeline
    links two dates only when their clauses share most words, and a day of the month is
    no figure `number_conflict` compares. Only sentences naming one day of a kind count
    ("from 1 March to 31 March" gives a span), and a sentence naming the other's day too
    tells of both (a change, a second event)."""
    ordered = in_order(group, published)
    if any(u.sentence.article_id in repeated for u in ordered):
        return None  # "Schools closed on Tuesday" for a second day: one more day of it
    named = {u.index: days_named(u.sentence.text) for u in ordered}
    for kind in ("calendar", "weekday"):
        single = [(u, days[0]) for u in ordered
                  for days in [[d for d in named[u.index] if d.kind == kind]] if len(days) == 1]
        versions: dict[str, list[FactUnit]] = defaultdict(list)
        for a, day_a in single:
            for b, day_b in single:
                if _two_outlets(a.sentence.article_id, b.sentence.article_id, outlets) and \
                        day_a.differs(day_b) and _told_alike(a, b) and \
                        not _names_day(named[a.index], day_b) and \
                        not _names_day(named[b.index], day_a):
                    versions[day_a.written].append(a)
        if len(versions) >= 2:
            return _day_versions(versions, outlets)
    return None


def _told_alike(a: FactUnit, b: FactUnit) -> bool:
    """Two sentences that tell the same in the same words but for their days ("The lease
    will end on 31 January" / "... 28 February"). A fact group may also hold successive
    steps of one story told alike ("went on trial Wednesday" / "was convicted Tuesday"),
    whose days differ rightly."""
    first, second = event_words(a), event_words(b)
    shorter = min(len(first), len(second))
    return shorter > 0 and len(first & second) >= DATE_PAIR_SHARED * max(len(first),
                                                                          len(second))


def _names_day(days: Sequence[_Day], day: _Day) -> bool:
    return any(d.kind == day.kind and not d.differs(day) for d in days)


def _day_versions(by_day: dict[str, list[FactUnit]], outlets: dict[str, str]
                  ) -> tuple[str, tuple[DivergenceVersion, ...]]:
    """One version per outlet and day, in the order the days were first reported."""
    versions = []
    for written, units in by_day.items():
        seen: set[str] = set()
        for unit in units:
            outlet = voice(unit.source, outlets)
            if outlet in seen:
                continue
            seen.add(outlet)
            sentence = unit.sentence
            versions.append(DivergenceVersion(sentence.article_id,
                                              outlets.get(sentence.article_id, ""),
                                              stated(unit), written,
                                              sentence.start, sentence.end))
    return "date: " + " vs ".join(by_day), tuple(versions)


# -- across kinds ------------------------------------------------------------------

def _two_outlets(first: str, second: str, outlets: dict[str, str]) -> bool:
    """Two articles (by id) from two outlets, an article without one standing for itself.
    One outlet's two articles giving two numbers tell two things, or an update: where
    outlets differ takes two outlets."""
    return voice(first, outlets) != voice(second, outlets)


def without_repeats(divergences: Sequence[Divergence]) -> list[Divergence]:
    """Each disagreement once: two of the same quantity and values that share a sentence
    ("3 workers" by two outlets against one outlet's "5") become one; one whose values and
    sentences another already shows ("3 vs 4" beside "3 vs 4 vs 5") is left out."""
    divergences = _merged_on_shared_versions(divergences)
    keys = [(d.topic.partition(":")[0], {v.value for v in d.versions},
             {(v.article, v.start) for v in d.versions}) for d in divergences]
    kept = [item for (label, values, spans), item in zip(keys, divergences, strict=True)
            if not any(other[0] == label and values <= other[1] and spans <= other[2]
                       and (values, spans) != (other[1], other[2]) for other in keys)]
    return [replace(d, id=f"d{i}") for i, d in enumerate(kept, start=1)]


def _merged_on_shared_versions(divergences: Sequence[Divergence]) -> list[Divergence]:
    merged: list[Divergence] = []
    for divergence in divergences:
        label = divergence.topic.partition(":")[0]
        values = {v.value for v in divergence.versions}
        spans = {(v.article, v.start) for v in divergence.versions}
        for index, other in enumerate(merged):
            if other.topic.partition(":")[0] == label and \
                    {v.value for v in other.versions} == values and \
                    spans & {(v.article, v.start) for v in other.versions}:
                seen = {(v.article, v.start) for v in other.versions}
                extra = tuple(v for v in divergence.versions if (v.article, v.start) not in seen)
                merged[index] = replace(other, versions=other.versions + extra)
                break
        else:
            merged.append(divergence)
    return merged
