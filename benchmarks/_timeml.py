"""TempEval-3 helpers for benchmarks/timeline.py: read TimeML, align text, score timexes.

Reading: the raw text inside ``<TEXT>`` (tags stripped, text kept exactly) with the character
offsets of each ``TIMEX3`` in it, and the document creation time (the ``TIMEX3`` with
``functionInDocument="CREATION_TIME"``). Storyline normalises article text on ingest
(``storyline.ingest.normalize_text``), so the text is normalised here first, with a map from
normalised to raw offsets, and gold offsets are moved into the normalised text. Both systems
and the gold then share one coordinate system.

Scoring follows TempEval-3 (UzZaman et al. 2013), with one-to-one matching:

* strict match: same start and end offsets;
* relaxed match: any character overlap; each gold and each predicted timex is used at most
  once (largest overlap first, exact matches before partial ones);
* value: over relaxed-matched pairs, correct when the value strings are equal;
  P = correct / predicted, R = correct / gold;
* type accuracy: over relaxed-matched pairs, share with equal TIMEX3 type.
"""

from __future__ import annotations

import bisect
import calendar
import difflib
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
SEASON_END_MONTH = {3: 5, 6: 8, 9: 11, 12: 2}
PREPOSITIONS = ("by ", "since ", "until ", "before ", "after ")
EXAMPLES_PER_CATEGORY = 3


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression with offsets into the (normalised) document text."""

    start: int
    end: int
    text: str
    value: str
    type: str


@dataclass(slots=True)
class TmlDoc:
    """One TimeML document: normalised text, creation time and gold TIMEX3s."""

    doc_id: str
    path: Path
    dct_value: str
    dct: datetime
    text: str
    gold: list[Timex]
    changed_gold_text: int = 0  # gold spans whose text changed under normalisation
    alignment: str = "exact"  # "exact" or "difflib" (fallback map)


def derive_type(value: str | None) -> str:
    """TIMEX3 type from a value alone: P... DURATION, containing T TIME, else DATE."""
    if not value or value.endswith("_REF"):
        return "DATE"
    if value.startswith("P"):
        return "DURATION"
    if "T" in value:
        return "TIME"
    return "DATE"


# --- reading -------------------------------------------------------------------------------


def _flatten(element: ET.Element) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Text of an element with all tags removed, and the raw offsets of its TIMEX3s."""
    parts: list[str] = []
    timexes: list[tuple[int, int, dict[str, str]]] = []
    length = 0

    def visit(node: ET.Element) -> None:
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            start = length
            visit(child)
            if child.tag == "TIMEX3":
                timexes.append((start, length, dict(child.attrib)))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    visit(element)
    return "".join(parts), timexes


def normalise_with_map(raw: str, normalise: Callable[[str], str]) -> tuple[str, list[int], str]:
    """Normalised text, the raw offset of each of its characters, and how it was aligned.

    Replays ``normalize_text`` character by character (CRLF, no-break spaces, zero-width
    characters, trailing spaces, runs of blank lines, outer whitespace). The result is
    checked against ``normalise(raw)``; if they differ (e.g. NFC changed a character) the map
    comes from difflib instead.
    """
    target = normalise(raw)
    chars: list[tuple[str, int]] = []
    for index, char in enumerate(raw):
        if char == "\r":
            if raw[index + 1:index + 2] == "\n":
                continue
            chars.append(("\n", index))
        elif char in "\u00a0\u202f\u2007":
            chars.append((" ", index))
        elif char not in "\u200b\ufeff":
            chars.append((char, index))
    lines: list[list[tuple[str, int]]] = [[]]
    newlines: list[tuple[str, int]] = []
    for item in chars:
        if item[0] == "\n":
            newlines.append(item)
            lines.append([])
        else:
            lines[-1].append(item)
    joined: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        while line and line[-1][0].isspace():
            line.pop()
        if number:
            joined.append(newlines[number - 1])
        joined.extend(line)
    collapsed: list[tuple[str, int]] = []
    run = 0
    for item in joined:
        run = run + 1 if item[0] == "\n" else 0
        if run <= 2:
            collapsed.append(item)
    first = 0
    while first < len(collapsed) and collapsed[first][0].isspace():
        first += 1
    last = len(collapsed)
    while last > first and collapsed[last - 1][0].isspace():
        last -= 1
    kept = collapsed[first:last]
    text = "".join(c for c, _ in kept)
    if text == target and unicodedata.is_normalized("NFC", raw):
        return text, [i for _, i in kept], "exact"
    return target, _difflib_map(target, raw), "difflib"


def _difflib_map(text: str, raw: str) -> list[int]:
    mapping: list[int | None] = [None] * len(text)
    matcher = difflib.SequenceMatcher(None, text, raw, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    result: list[int] = []
    previous = 0
    for item in mapping:
        previous = item if item is not None else previous
        result.append(previous)
    return result


def read_tml(path: Path, normalise: Callable[[str], str]) -> TmlDoc:
    """Parse one .tml file into normalised text, DCT and gold timexes (offsets in the text)."""
    root = ET.parse(path).getroot()
    dct_value = ""
    for node in root.iter("TIMEX3"):
        if node.get("functionInDocument") == "CREATION_TIME":
            dct_value = node.get("value", "")
            break
    if not dct_value:
        raise ValueError(f"{path.name}: no TIMEX3 with functionInDocument=CREATION_TIME")
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path.name}: no <TEXT>")
    raw, raw_timexes = _flatten(body)
    text, mapping, how = normalise_with_map(raw, normalise)
    gold: list[Timex] = []
    changed = 0
    for raw_start, raw_end, attrs in raw_timexes:
        start = bisect.bisect_left(mapping, raw_start)
        end = bisect.bisect_left(mapping, raw_end)
        if end <= start:
            changed += 1
            continue
        if text[start:end] != raw[raw_start:raw_end]:
            changed += 1
        gold.append(Timex(start, end, text[start:end], attrs.get("value", ""),
                          attrs.get("type", "")))
    doc_id = root.findtext("DOCID") or path.stem
    dct = datetime.fromisoformat(dct_value[:19] if "T" in dct_value else dct_value[:10])
    return TmlDoc(doc_id.strip(), path, dct_value, dct, text, gold, changed, how)


# --- matching and scores -------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """Sums over documents of one system on one split."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "value_correct",
                     "type_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | None]:
        def prf(correct: int) -> tuple[float | None, float | None, float | None]:
            p = correct / self.predicted if self.predicted else None
            r = correct / self.gold if self.gold else None
            f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None
                                                      else None)
            return p, r, f

        out: dict[str, float | None] = {}
        for name, correct in (("strict", self.strict), ("relaxed", self.relaxed),
                              ("value", self.value_correct), ("type", self.type_correct)):
            p, r, f = prf(correct)
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
        out["type_accuracy"] = self.type_correct / self.relaxed if self.relaxed else None
        return out


def match(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: (gold index, predicted index) pairs."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                exact = g.start == p.start and g.end == p.end
                candidates.append((not exact, -overlap, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score(gold: Sequence[Timex], predicted: Sequence[Timex]
          ) -> tuple[Counts, list[tuple[int, int]]]:
    """Counts for one document and its relaxed-matched pairs."""
    gold_spans = Counter((g.start, g.end) for g in gold)
    pred_spans = Counter((p.start, p.end) for p in predicted)
    strict = sum((gold_spans & pred_spans).values())
    pairs = match(gold, predicted)
    counts = Counts(gold=len(gold), predicted=len(predicted), strict=strict,
                    relaxed=len(pairs))
    for gi, pi in pairs:
        counts.value_correct += gold[gi].value == predicted[pi].value
        counts.type_correct += gold[gi].type == predicted[pi].type
    return counts, pairs


# --- TimeML notation for Storyline ranges (diagnostic only) --------------------------------


def timeml_notation(value: str) -> str:
    """Rewrite a Storyline range as TimeML would write it: a Monday-Sunday week as
    YYYY-Www, a season range as YYYY-SP/SU/FA/WI, a whole month as YYYY-MM; else as is."""
    found = re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", value)
    if not found:
        return value
    first, last = date.fromisoformat(found.group(1)), date.fromisoformat(found.group(2))
    if first.weekday() == 0 and last - first == timedelta(days=6):
        year, week, _ = first.isocalendar()
        return f"{year:04d}-W{week:02d}"
    end_of_last = calendar.monthrange(last.year, last.month)[1]
    if first.day == 1 and last.day == end_of_last:
        if first.month in SEASON_CODES and last.month == SEASON_END_MONTH[first.month]:
            return f"{first.year:04d}-{SEASON_CODES[first.month]}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year:04d}-{first.month:02d}"
    return value


# --- error categories (training split only) ------------------------------------------------


@dataclass(slots=True)
class ErrorTable:
    """Counts and a few examples (or all of them) per error category."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    limit: int = EXAMPLES_PER_CATEGORY  # examples kept per category; 0 keeps every one

    def add(self, category: str, example: dict[str, Any]) -> None:
        self.counts[category] += 1
        shown = self.examples.setdefault(category, [])
        distinct = all(e["doc"] != example["doc"] for e in shown)
        if not self.limit or (len(shown) < self.limit and distinct):
            shown.append(example)


def value_shape(value: str) -> str:
    """A coarse name for the form of a TimeML value."""
    if value in REF_VALUES:
        return value
    patterns = (
        (r"P.*", "duration"), (r"\d{4}-\d{2}-\d{2}T.*", "time of day"),
        (r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-W\d{2}(-WE)?", "week"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"), (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half year"), (r"\d{4}-\d{2}", "month"), (r"\d{4}", "year"),
        (r"\d{3}X?", "decade"), (r"\d{2}X{0,2}", "century"), (r".*X.*", "underspecified (X)"),
    )
    for pattern, name in patterns:
        if re.fullmatch(pattern, value):
            return name
    return "other"


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def wrong_value_category(gold: Timex, predicted: Timex) -> str:
    """Why a relaxed-matched Storyline value differs from the gold value."""
    g, p = gold.value, predicted.value
    shape = value_shape(g)
    if gold.type == "DURATION":
        return "wrong value: gold DURATION given a point/range value"
    if gold.type == "SET":
        return "wrong value: gold SET (recurring) given a point value"
    if g in REF_VALUES:
        return f"wrong value: gold {g} given a date"
    if shape == "week":
        return "wrong value: week notation (range vs YYYY-Www)"
    if shape == "season":
        return "wrong value: season notation (range vs YYYY-SU etc.)"
    if shape in {"quarter", "half year"}:
        return "wrong value: quarter/half-year (YYYY-Qn / YYYY-Hn)"
    if shape in {"decade", "century"}:
        return "wrong value: decade/century (199 / 19)"
    if shape == "underspecified (X)":
        return "wrong value: gold underspecified (XXXX-...)"
    gold_day, pred_day = _day(g), _day(p)
    if shape == "time of day":
        if gold_day and pred_day == gold_day:
            return "wrong value: time of day dropped (gold YYYY-MM-DDT..., Storyline the day)"
        return "wrong value: time of day, and the day differs"
    if "/" in p:
        kind = "week" if "-W" in timeml_notation(p) else "day-span"
        return f"wrong value: Storyline {kind} range, gold a {shape}"
    if gold_day and pred_day:
        if gold_day == pred_day:
            return "wrong value: time of day added or missing on the right day (TNI, TMO...)"
        if (gold_day.month, gold_day.day) == (pred_day.month, pred_day.day):
            return "wrong value: year inferred wrong"
        gap = (pred_day - gold_day).days
        if gap % 7 == 0 and any(d.lower() in gold.text.lower() for d in calendar.day_name):
            return "wrong value: weekday direction wrong (same weekday, other week)"
        return "wrong value: other day"
    g_parts, p_parts = g.split("-"), p.split("-")
    if len(g_parts) != len(p_parts):
        if p.startswith(g) or g.startswith(p):
            finer = "finer" if len(p_parts) > len(g_parts) else "coarser"
            return f"wrong value: granularity (Storyline {finer} than gold, same period)"
        if g_parts[1:] == p_parts[1:len(g_parts)] or g_parts[0] != p_parts[0]:
            return "wrong value: granularity differs and year differs"
        return "wrong value: granularity differs (other)"
    if g_parts[1:] == p_parts[1:] and g_parts[0] != p_parts[0]:
        return "wrong value: year inferred wrong"
    return "wrong value: other"


def missed_category(gold: Timex, entity_labels: Sequence[tuple[str, str | None]]) -> str:
    """Why a gold timex has no Storyline mention overlapping it.

    ``entity_labels`` are the spaCy entities overlapping the gold span, each as (label,
    what normalize_date makes of a DATE entity: "duration", "unresolved", "resolved"; None
    for other labels).
    """
    if gold.type == "DURATION":
        return "missed: gold DURATION (no Storyline mention there)"
    if gold.type == "SET":
        return "missed: gold SET (recurring, e.g. 'every week')"
    if gold.value in REF_VALUES:
        return f"missed: gold {gold.value} ('now', 'recently', 'the future'...)"
    labels = [label for label, _ in entity_labels]
    shape = value_shape(gold.value)
    if "DATE" in labels:
        reasons = {reason for label, reason in entity_labels if label == "DATE"}
        if "unresolved" in reasons:
            return f"unresolved: spaCy DATE, normalize_date gave no value (gold {shape})"
        if "duration" in reasons:
            return f"missed: spaCy DATE dropped as a duration (gold {gold.type}, {shape})"
        return "missed: other (the spaCy DATE entity resolves when normalised alone)"
    if "TIME" in labels:
        return f"missed: spaCy TIME entity Storyline could not place (gold {shape})"
    if labels:
        return f"missed: spaCy labelled it {'/'.join(sorted(set(labels)))} (gold {shape})"
    return f"missed: no spaCy entity (gold {gold.type}, {shape})"


def boundary_category(gold: Timex, predicted: Timex) -> str:
    """How a relaxed-but-not-strict match differs in extent."""
    if predicted.text.lower().startswith(PREPOSITIONS) and predicted.end == gold.end and \
            predicted.start < gold.start:
        return "boundary: Storyline adds a leading preposition (by/since/until/before/after)"
    if predicted.start <= gold.start and predicted.end >= gold.end:
        return "boundary: Storyline span longer than gold (other words)"
    if predicted.start >= gold.start and predicted.end <= gold.end:
        return "boundary: Storyline span shorter than gold"
    return "boundary: spans cross"


def context(text: str, start: int, end: int, width: int = 50) -> str:
    """The expression in its surroundings, marked with [[ ]], on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


GROUPS = (  # (group, test on the detailed category), first match wins
    ("gold DURATION (missed, or Storyline gives a point)",
     lambda c: "gold DURATION" in c),
    ("gold SET (recurring)", lambda c: "gold SET" in c),
    ("PRESENT_REF / PAST_REF / FUTURE_REF ('now', 'the past', 'future')",
     lambda c: "_REF" in c),
    ("quarter / half-year (fiscal 'third quarter', 'a year ago' = YYYY-Qn)",
     lambda c: "quarter" in c or "half" in c),
    ("week notation (Storyline range vs YYYY-Www)", lambda c: "week notation" in c),
    ("season notation (Storyline range vs YYYY-FA)", lambda c: "season" in c),
    ("Storyline week/day range where gold is a month, duration...",
     lambda c: "range, gold" in c),
    ("time of day (gold ...TMO/TEV/TNI/Thh:mm)", lambda c: "time of day" in c),
    ("spaCy TIME entity not placed", lambda c: "spaCy TIME entity" in c),
    ("year inferred wrong", lambda c: "year inferred wrong" in c),
    ("weekday direction wrong (right weekday, wrong week)", lambda c: "weekday direction" in c),
    ("decade / century", lambda c: "decade" in c or "century" in c),
    ("gold underspecified (XXXX, 1998-10-XX)", lambda c: "underspecified" in c),
    ("spaCy DATE misread as a duration ('that year', 'a week after', 'later that year')",
     lambda c: "dropped as a duration" in c),
    ("unresolved: spaCy DATE, no normalize_date rule ('last October', \"last year's\")",
     lambda c: c.startswith("unresolved")),
    ("not a spaCy DATE entity (no entity or another label)",
     lambda c: "no spaCy entity" in c or "spaCy labelled it" in c),
)


def group_of(category: str) -> str:
    """The coarse reason behind a detailed error category."""
    for name, test in GROUPS:
        if test(category):
            return name
    return "other (granularity, other day, one mention spanning two)"
