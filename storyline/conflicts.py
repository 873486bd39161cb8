"""Disagreements inside a story's facts: other figures for one quantity, opposite accounts.

Goes in: the `FactUnit`s of one fact group (the sentences `align` grouped as one fact),
each article's outlet and publication time; for figures told in sentences too
differently worded to align, all the story's units with their fact groups. Comes out:
the group's first disagreement as a divergence heading ("number of passengers: 40 vs
45") with one `DivergenceVersion` per independent source and value, or None;
`without_repeats` lists each disagreement of a story once.

Copies of one original count as one source, and one outlet's two reports as one voice:
a disagreement takes two outlets.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from .fact_units import FactUnit, in_order, single_valued, voice
from .models import Divergence, DivergenceVersion
from .paraphrase import SentenceView
from .text import (
    CURRENCY_UNITS,
    MEASURED,
    MULTIPLIERS,
    QUALIFIER,
    format_number,
    is_tally,
    number_value,
    plural,
    readable_number,
    tally_text,
)
from .wording import antonym_table

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
                 _disagree(a, va, b, vb)]
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
                                              sentence.text.strip(),
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
                 _shared_context(a, b, label, idf) >= 2]
        kept = _involved(entries, pairs)
        if len(kept) >= 2:
            involved = {u.index for pair in pairs for u in pair}
            topic, versions = _divergence_versions(label, kept, outlets, published)
            found.append(Divergence(f"d{start + len(found) + 1}", topic, versions))
            roots.update(root for root, ids in members.items()
                         if 2 * len(involved.intersection(ids)) >= len(ids))
    return found, roots


def _shared_context(a: FactUnit, b: FactUnit, label: str, idf: dict[str, float]) -> int:
    common = (a.lemmas & b.lemmas) - set(label.split(QUALIFIER)) - \
        {lemma for lemma in a.lemmas if lemma.isdigit()}
    return sum(1 for lemma in common if idf.get(lemma, 0) > 0.7)


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


# -- opposite accounts ---------------------------------------------------------------

OPPOSITE_TOPIC = "opposite accounts"  # a divergence of sentences saying opposite things


def _opposite(a: FactUnit, b: FactUnit) -> tuple[str, str] | None:
    """A verb or adjective of `a` whose antonym `b` uses instead (WordNet's: "pass" and
    "fail", "open" and "close", "rise" and "fall"), as (a's lemma, b's lemma)."""
    verbal = {"VERB", "ADJ"}
    only_a = sorted(lemma for lemma in a.lemmas - b.lemmas if a.view.tags.get(lemma) in verbal)
    only_b = {lemma for lemma in b.lemmas - a.lemmas if b.view.tags.get(lemma) in verbal}
    if not only_a or not only_b:
        return None
    table = antonym_table()
    for lemma in only_a:
        # in the same place: said of the same words ("the crane had passed / failed an
        # inspection"), not "the old pier" against "new decking"
        found = {other for other in table.get(lemma, frozenset()) & only_b
                 if _neighbours(lemma, a.view) & _neighbours(other, b.view)}
        if found:
            return lemma, min(found)
    return None


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
            pair = _opposite(x, y)
            if pair is None:
                continue
            versions = []
            for lemma in pair:
                sources: set[str] = set()
                for unit in ordered:
                    if lemma in unit.lemmas and voice(unit.source, outlets) not in sources:
                        sources.add(voice(unit.source, outlets))
                        sentence = unit.sentence
                        versions.append(DivergenceVersion(
                            sentence.article_id, outlets.get(sentence.article_id, ""),
                            sentence.text.strip(), _as_written(lemma, sentence.text),
                            sentence.start, sentence.end))
            values = " vs ".join(dict.fromkeys(v.value for v in versions))
            return f"{OPPOSITE_TOPIC}: {values}", tuple(versions)
    return None


def _as_written(lemma: str, text: str) -> str:
    """The word of `text` that `lemma` stands for ("passed" for "pass"), else the lemma."""
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma
    for word in re.findall(r"[A-Za-z]+", text):
        lower = word.lower()
        if lower == lemma or lower.startswith(stem) and len(lower) <= len(lemma) + 3:
            return lower
    return lemma
