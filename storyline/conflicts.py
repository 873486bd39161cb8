"""Where the sentences of one story disagree: other figures, opposite accounts.

Goes in: `Unit`s (one sentence each: its content lemmas, its figures with their units,
its parse links and the independent source it belongs to; `align` builds them and groups
those that state one fact), with the articles' outlets and publication times.
Comes out: for a group of sentences stating one fact, the first quantity they give
different figures for (`number_conflict`) or the words of opposite sense two outlets use
of the same thing (`opposite_conflict`), each as a divergence's topic and one version per
independent source; across groups, the same quantity given other figures in sentences
too differently worded to align (`loose_number_conflicts`); and each disagreement once
(`without_repeats`). A group with a conflict is a conflicting fact.

Copies of one original count as one source, and so do two articles of one outlet
(`voice`): where outlets differ takes two outlets.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .models import Clause, Divergence, DivergenceVersion, Sentence
from .paraphrase import SentenceView
from .text import CURRENCY_UNITS, format_number, outlet_key, plural, readable_number
from .wording import antonym_table

OPPOSITE_TOPIC = "opposite accounts"  # a divergence of sentences saying opposite things


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence as a fact candidate."""

    index: int
    sentence: Sentence
    position: int  # sentence number within its article
    lemmas: frozenset[str]
    numbers: tuple[tuple[str, float], ...]
    source: str  # independence group
    view: SentenceView
    mentioned: frozenset[float]  # every figure the sentence gives, with a unit or without
    clauses: tuple[Clause, ...] = ()  # of a long sentence
    subjects: frozenset[str] = frozenset()  # names it tells of (`align._subject_names`)


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


def number_conflict(group: Sequence[Unit], outlets: dict[str, str],
                    published: dict[str, float]
                    ) -> tuple[str, tuple[DivergenceVersion, ...]] | None:
    """The first quantity the group's sentences give different figures for.

    A copy that changes its original's figure ("40 passengers" reprinted as "45") is a
    disagreement too: the texts differ and a reader cannot tell which is right; it still
    counts once for corroboration (`_make_fact` counts sources, not articles).
    """
    values: dict[str, list[tuple[Unit, float]]] = defaultdict(list)
    for unit in group:
        for label, value in _single_valued(unit):
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


def _disagree(a: Unit, va: float, b: Unit, vb: float) -> bool:
    """Two figures of one quantity that contradict each other. A sentence that gives both
    ("rose from 41% to 48%", "first put at 1,200, was revised to 1,400") tells the
    change, so it does not contradict a sentence giving either figure."""
    return va != vb and vb not in a.mentioned and va not in b.mentioned


def _involved(entries: Sequence[tuple[Unit, float]], pairs: Sequence[tuple[Unit, Unit]]
              ) -> dict[float, list[Unit]]:
    """Value -> the sentences giving it that take part in one of the disagreeing pairs."""
    involved = {u.index for pair in pairs for u in pair}
    by_value: dict[float, list[Unit]] = defaultdict(list)
    for unit, value in entries:
        if unit.index in involved:
            by_value[value].append(unit)
    return dict(by_value)


def _divergence_versions(label: str, by_value: dict[float, list[Unit]],
                         outlets: dict[str, str], published: dict[str, float]
                         ) -> tuple[str, tuple[DivergenceVersion, ...]]:
    """One version per independent source and value: copies repeat their original's
    figure, so they are listed with it (`copies`) rather than as more outlets saying it."""
    versions = []
    saying = {value: {u.sentence.article_id for u in units} for value, units in by_value.items()}
    for value, units in sorted(by_value.items()):
        by_source: dict[str, list[Unit]] = defaultdict(list)
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
                                              sentence.text.strip(), format_number(value),
                                              sentence.start, sentence.end, copies, changed))
    values = " vs ".join(readable_number(v) for v in sorted(by_value))
    return f"{_quantity(label)}: {values}", tuple(versions)


def _quantity(label: str) -> str:
    """What a number counts, for a divergence's heading: "number of passengers"."""
    money, _, rate = label.partition(" per ")
    if money in CURRENCY_UNITS.values():
        return f"amount in {money}s" + (f" per {rate}" if rate else "")
    if label == "percent":
        return "percentage"
    return f"number of {plural(label)}"


def loose_number_conflicts(units: Sequence[Unit], idf: dict[str, float],
                           members: dict[int, list[int]], group_of: Callable[[int], int],
                           outlets: dict[str, str], published: dict[str, float], *, start: int
                           ) -> tuple[list[Divergence], set[int]]:
    """Same quantity, other number, in sentences too differently worded to align.

    `members` are the sentence groups (root -> unit indexes) and `group_of` gives a unit's
    root. Returns the divergences and the groups (roots) whose facts they contradict:
    those at least half of whose sentences state one of the contested numbers.
    """
    by_label: dict[str, list[tuple[Unit, float]]] = defaultdict(list)
    for unit in units:
        for label, value in _single_valued(unit):
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


def _opposite(a: Unit, b: Unit) -> tuple[str, str] | None:
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


def opposite_conflict(group: Sequence[Unit], outlets: dict[str, str],
                      published: dict[str, float]
                      ) -> tuple[str, tuple[DivergenceVersion, ...]] | None:
    """Two outlets' sentences of one group that say opposite things of it ("the crane
    had passed an inspection" and "had failed an inspection"): each outlet's version."""
    ordered = sorted(group, key=lambda u: (published.get(u.sentence.article_id, math.inf),
                                           u.sentence.article_id, u.position))
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


def _two_outlets(first: str, second: str, outlets: dict[str, str]) -> bool:
    """Two articles (by id) from two outlets, an article without one standing for itself.
    One outlet's two articles giving two numbers tell two things, or an update: where
    outlets differ takes two outlets."""
    return voice(first, outlets) != voice(second, outlets)


def voice(article_id: str, outlets: dict[str, str]) -> str:
    """An article's outlet as one source (its id when it names no outlet)."""
    return outlet_key(outlets.get(article_id, "")) or article_id


def _single_valued(unit: Unit) -> list[tuple[str, float]]:
    """Numbers whose unit appears once in the sentence ("two of four piers" is no claim).
    A figure too long for a float (a 400-digit string reads as infinity) is no claim
    either: no outlet's version could be shown as the value it gives."""
    counts = Counter(label for label, _value in unit.numbers)
    return [(label, value) for label, value in unit.numbers
            if counts[label] == 1 and math.isfinite(value)]


def _shared_context(a: Unit, b: Unit, label: str, idf: dict[str, float]) -> int:
    common = (a.lemmas & b.lemmas) - {label} - {lemma for lemma in a.lemmas if lemma.isdigit()}
    return sum(1 for lemma in common if idf.get(lemma, 0) > 0.7)
