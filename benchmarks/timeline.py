"""Time expressions and their normalised values on TempEval-3, scored the TempEval-3 way.

For each TimeML (.tml) file of the chosen split: the text inside <TEXT> (tags stripped), the
gold TIMEX3s in it with their offsets, type and value, and the document creation time (the
TIMEX3 with functionInDocument="CREATION_TIME") as the publication date. Then:

1. Storyline: ``storyline.ingest.make_article(text=..., published=DCT)`` and
   ``storyline.pipeline.analyze_articles``; its DateMentions (text, start, end, value) are the
   predictions; a range whose two ends Storyline resolved ("Aug. 26 to Oct. 20") counts as
   those two ends (``DateMention.parts``), as TimeML marks them. Storyline has no TIMEX3
   type: it is derived from the value (P... DURATION, containing T TIME, else DATE), SET for
   recurring times (precision "set"). The text is given to Storyline already normalised the way
   ``normalize_text`` does it (gold offsets are mapped into it), and ``article.text == text``
   is checked; any difference is mapped back.
2. Baseline: ``dateparser.search.search_dates(text, languages=["en"], settings={
   "RELATIVE_BASE": DCT, "RETURN_AS_TIMEZONE_AWARE": False})``. Each (substring, datetime) is
   placed at the next occurrence of the substring (whitespace trimmed) after the previous
   one; its value is the day (YYYY-MM-DD), or YYYY-MM / YYYY when dateparser's own period for
   the substring is month / year.
3. Diagnostic: Storyline with its ranges rewritten in TimeML notation (a Monday-Sunday week
   as YYYY-Www, a season as YYYY-SU...), to size that one notation fix. Not a system result.

Scores (see benchmarks/_timeml.py): strict and relaxed span P/R/F1, value P/R/F1 over relaxed
matches, type accuracy over relaxed matches. On the training split (the tuning split) it also
lists why Storyline's values differ from gold, by category, with examples. The test split
(te3-platinum) is only ever scored in aggregate.

Data: ../shared/data/tempeval3 (skipped with a message when absent); nothing is copied.

Usage:
    python benchmarks/timeline.py                          # te3-platinum (test)
    python benchmarks/timeline.py --split train --limit 20 # quick tuning loop
    python benchmarks/timeline.py --split both --json /tmp/timeline.json
    python benchmarks/timeline.py --split train --no-baseline --examples 0  # every error
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import Any

from _timeml import (
    EXAMPLES_PER_CATEGORY,
    Counts,
    ErrorTable,
    Timex,
    TmlDoc,
    boundary_category,
    context,
    derive_type,
    group_of,
    missed_category,
    normalise_with_map,
    read_tml,
    score,
    timeml_notation,
    value_shape,
    wrong_value_category,
)

from storyline.dates import find_dates, normalize_date
from storyline.ingest import make_article, normalize_text
from storyline.models import Article, DateMention
from storyline.nlp import load_nlp, parse_texts
from storyline.pipeline import AnalyzeOptions, analyze_articles

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "tempeval3"
SPLITS = {"train": Path("Training") / "TBAQ-cleaned",
          "test": Path("Evaluation") / "te3-platinum"}
SPLIT_NAMES = {"train": "Training/TBAQ-cleaned (tuning)",
               "test": "Evaluation/te3-platinum (test)"}
STORYLINE = "Storyline"
NOTATION = "Storyline, ranges in TimeML notation (diagnostic)"
DATEPARSER = "dateparser search_dates (baseline)"
# Published value F1 on te3-platinum (TempEval-3 official scorer).
REFERENCE_VALUE_F1 = {"HeidelTime (published)": 77.61, "SUTime (published)": 67.38}
DEFINITIONS = [
    "Gold: every TIMEX3 inside <TEXT> (the DCT itself is not scored); offsets into the text "
    "after Storyline's normalize_text (gold offsets mapped; both systems see that text).",
    "Strict match: same start and end character offsets.",
    "Relaxed match: any character overlap, one-to-one (each gold and each predicted timex "
    "used once; exact matches first, then largest overlap). P = matched/predicted, "
    "R = matched/gold.",
    "Value: over relaxed-matched pairs, correct when the value strings are equal "
    "(as-is, no notation mapping); P = correct/predicted, R = correct/gold, F1 harmonic mean.",
    "Type accuracy: share of relaxed-matched pairs with equal TIMEX3 type. Storyline and "
    "dateparser have no type: it is DERIVED from the value (P... -> DURATION, contains T -> "
    "TIME, else DATE; Storyline's recurring times, precision 'set', -> SET), so dateparser "
    "(day/month/year values) is always DATE.",
    "Storyline: make_article(published=DCT) + analyze_articles, DateMention text/start/end and "
    "TimeML value (DateMention.timex); a range with both ends resolved counts as its two "
    "ends (DateMention.parts), as TimeML marks them. Phrases that cannot be placed are not "
    "emitted.",
    "dateparser: search_dates(text, languages=['en'], settings={'RELATIVE_BASE': DCT, "
    "'RETURN_AS_TIMEZONE_AWARE': False}); substring placed at its next occurrence; value at "
    "day precision, or YYYY-MM / YYYY when DateDataParser's period for the substring is "
    "month / year.",
    "Published HeidelTime / SUTime value F1 are from the TempEval-3 official scorer on "
    "te3-platinum (token-based relaxed matching), shown for orientation only.",
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_split(split: str, limit: int | None) -> list[TmlDoc]:
    files = sorted((DATA_DIR / SPLITS[split]).rglob("*.tml"))
    if limit is not None:
        files = files[:limit]
    return [read_tml(path, normalize_text) for path in files]


# --- systems -------------------------------------------------------------------------------


def run_storyline(docs: Sequence[TmlDoc], batch_size: int
                  ) -> tuple[list[list[Timex]], int, list[dict[str, str]]]:
    """Storyline's DateMentions per document.

    Also returns how many articles needed offset re-mapping and the articles on which
    ``analyze_articles`` raised: for those (only), the dates come from the same
    ``storyline.dates.find_dates`` call analyze_articles makes, on the same spaCy parse.
    """
    articles = [make_article(id=doc.doc_id, source=str(doc.path), text=doc.text,
                             published=doc.dct.replace(tzinfo=UTC)) for doc in docs]
    options = AnalyzeOptions(batch_size=batch_size)
    dates: list[tuple[DateMention, ...]] = []
    crashes: list[dict[str, str]] = []
    for first in range(0, len(articles), batch_size):
        batch = articles[first:first + batch_size]
        try:
            dates.extend(a.dates for a in analyze_articles(batch, options=options))
        except Exception:  # one bad article must not sink the batch
            for article in batch:
                dates.append(_analyze_one(article, options, crashes))
        log(f"  storyline: {len(dates)}/{len(articles)} articles")
    remapped = 0
    predictions: list[list[Timex]] = []
    for doc, article, mentions in zip(docs, articles, dates, strict=True):
        if article.text == doc.text:
            predictions.append([t for m in mentions for t in as_timexes(m)])
            continue
        remapped += 1  # map Storyline's offsets (in article.text) back to doc.text
        _, mapping, _ = normalise_with_map(doc.text, normalize_text)
        predictions.append([
            Timex(mapping[t.start], mapping[t.end - 1] + 1,
                  doc.text[mapping[t.start]:mapping[t.end - 1] + 1], t.value, t.type)
            for m in mentions for t in as_timexes(m) if t.end > t.start])
    return predictions, remapped, crashes


def as_timexes(mention: DateMention) -> list[Timex]:
    """A DateMention as TIMEX3s: a range as its two ends when Storyline kept them (TimeML
    marks "Aug. 26 to Oct. 20" as two expressions), a recurring time as type SET."""
    if mention.parts:
        return [Timex(p.start, p.end, p.text, p.timex, derive_type(p.timex))
                for p in mention.parts]
    value = mention.timex or mention.value or ""
    kind = "SET" if mention.precision == "set" else derive_type(value)
    return [Timex(mention.start, mention.end, mention.text, value, kind)]


def _analyze_one(article: Article, options: AnalyzeOptions, crashes: list[dict[str, str]]
                 ) -> tuple[DateMention, ...]:
    try:
        return analyze_articles([article], options=options)[0].dates
    except Exception as exc:  # recorded and reported
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno} ({frame.name})"
        crashes.append({"doc": article.id, "error": f"{type(exc).__name__}: {exc}",
                        "where": where})
        log(f"  storyline: analyze_articles raised on {article.id} at {where}; "
            "dates taken from find_dates on the same parse")
        parsed = next(parse_texts(load_nlp(options.model), [article.text]))
        return tuple(find_dates(parsed, article.id, article.published))


def run_dateparser(docs: Sequence[TmlDoc]) -> tuple[list[list[Timex]], int]:
    """dateparser's search_dates per document; also how many substrings could not be placed."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    predictions: list[list[Timex]] = []
    unplaced = 0
    for number, doc in enumerate(docs, start=1):
        settings: dict[str, Any] = {"RELATIVE_BASE": doc.dct, "RETURN_AS_TIMEZONE_AWARE": False}
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        cursor = 0
        taken: set[tuple[int, int]] = set()
        timexes = []
        for substring, when in found:
            phrase = substring.strip()
            start = doc.text.find(phrase, cursor) if phrase else -1
            if start < 0:
                start = doc.text.find(phrase) if phrase else -1
            if start < 0 or (start, start + len(phrase)) in taken:
                unplaced += 1
                continue
            end = start + len(phrase)
            taken.add((start, end))
            cursor = max(cursor, end)
            period = parser.get_date_data(phrase).period
            if period == "year":
                value = f"{when.year:04d}"
            elif period == "month":
                value = f"{when.year:04d}-{when.month:02d}"
            else:
                value = when.date().isoformat()
            timexes.append(Timex(start, end, phrase, value, derive_type(value)))
        predictions.append(sorted(timexes, key=lambda t: (t.start, t.end)))
        if number % 50 == 0 or number == len(docs):
            log(f"  dateparser: {number}/{len(docs)} documents")
    return predictions, unplaced


def with_timeml_notation(predictions: list[list[Timex]]) -> list[list[Timex]]:
    return [[Timex(t.start, t.end, t.text, timeml_notation(t.value),
                   derive_type(timeml_notation(t.value))) for t in doc] for doc in predictions]


def total_counts(docs: Sequence[TmlDoc], predictions: Sequence[Sequence[Timex]]) -> Counts:
    counts = Counts()
    for doc, predicted in zip(docs, predictions, strict=True):
        counts.add(score(doc.gold, predicted)[0])
    return counts


# --- training-split error categories -------------------------------------------------------


def error_categories(docs: Sequence[TmlDoc], predictions: Sequence[Sequence[Timex]],
                     examples: int = EXAMPLES_PER_CATEGORY
                     ) -> tuple[ErrorTable, ErrorTable, ErrorTable, int]:
    """Value errors (per gold timex), spurious predictions and boundary differences.

    Args:
        examples: examples kept per category (0: every error, for a full listing).
    """
    log("  diagnosing: re-parsing the training texts with spaCy (entity labels)")
    nlp = load_nlp(None)
    values, spurious, boundaries = (ErrorTable(limit=examples), ErrorTable(limit=examples),
                                    ErrorTable(limit=examples))
    correct = 0
    spacy_docs = parse_texts(nlp, (doc.text for doc in docs))
    for doc, predicted, parsed in zip(docs, predictions, spacy_docs, strict=True):
        base = doc.dct.date()
        entities = [(e.start_char, e.end_char, e.label_, e.text) for e in parsed.ents]
        _, pairs = score(doc.gold, predicted)
        pred_of = dict(pairs)
        matched_preds = {pi for _, pi in pairs}
        for gi, gold in enumerate(doc.gold):
            example: dict[str, Any] = {"doc": doc.doc_id, "dct": doc.dct_value,
                                       "gold_text": gold.text, "gold_value": gold.value,
                                       "gold_type": gold.type}
            if gi in pred_of:
                pred = predicted[pred_of[gi]]
                example.update(pred_text=pred.text, pred_value=pred.value,
                               context=context(doc.text, gold.start, gold.end))
                if (pred.start, pred.end) != (gold.start, gold.end):
                    boundaries.add(boundary_category(gold, pred), example)
                if pred.value == gold.value:
                    correct += 1
                else:
                    values.add(wrong_value_category(gold, pred), example)
                continue
            example["context"] = context(doc.text, gold.start, gold.end)
            if any(p.start < gold.end and gold.start < p.end for p in predicted):
                values.add("missed: the overlapping Storyline mention matched another gold "
                           "timex (one mention spans several)", example)
                continue
            labels: list[tuple[str, str | None]] = []
            for start, end, label, text in entities:
                if start < gold.end and gold.start < end:
                    reason = None
                    if label == "DATE":
                        value, precision = normalize_date(text, base)
                        reason = "resolved" if value else (
                            "duration" if precision == "duration" else "unresolved")
                        example["spacy_entity"] = text
                    labels.append((label, reason))
            values.add(missed_category(gold, labels), example)
        for pi, pred in enumerate(predicted):
            if pi not in matched_preds:
                shape = value_shape(pred.value) if "/" not in pred.value else "range"
                spurious.add(f"spurious: no gold TIMEX3 there (Storyline value is a {shape})",
                             {"doc": doc.doc_id, "dct": doc.dct_value, "pred_text": pred.text,
                              "pred_value": pred.value,
                              "context": context(doc.text, pred.start, pred.end)})
    return values, spurious, boundaries, correct


# --- output --------------------------------------------------------------------------------


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.2f}"


def markdown_table(split: str, results: dict[str, Any]) -> str:
    header = ("| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
              "| value P | value R | value F1 | type acc. (derived) |")
    lines = [header, "|" + "---|" * 11]
    for name, result in results["systems"].items():
        m = result["metrics"]
        cells = [m[k] for k in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r",
                                "relaxed_f1", "value_p", "value_r", "value_f1",
                                "type_accuracy")]
        lines.append(f"| {name} | " + " | ".join(pct(c) for c in cells) + " |")
    if split == "test":
        for name, f1 in REFERENCE_VALUE_F1.items():
            lines.append(f"| {name} | – | – | – | – | – | – | – | – | {f1:.2f} | – |")
    return "\n".join(lines)


def _groups(table: ErrorTable) -> Counter[str]:
    groups: Counter[str] = Counter()
    for category, count in table.counts.items():
        groups[group_of(category)] += count
    return groups


def group_markdown(table: ErrorTable, gold_total: int) -> str:
    groups = _groups(table)
    errors = sum(groups.values())
    lines = ["#### Gold TIMEX3s without the gold value, grouped", "",
             "| reason | gold timexes | share of gold | share of errors |", "|---|---|---|---|"]
    for name, count in groups.most_common():
        lines.append(f"| {name} | {count} | {100 * count / gold_total:.1f}% | "
                     f"{100 * count / errors:.1f}% |")
    lines.append(f"| **total** | {errors} | {100 * errors / gold_total:.1f}% | 100% |")
    return "\n".join(lines)


def error_markdown(title: str, table: ErrorTable, total: int, unit: str) -> str:
    lines = [f"#### {title}", "", f"| category | {unit} | share |", "|---|---|---|"]
    for category, count in table.counts.most_common():
        lines.append(f"| {category} | {count} | {100 * count / total:.1f}% |")
    lines.append("")
    for category, _ in table.counts.most_common():
        lines.append(f"- **{category}**")
        for ex in table.examples[category]:
            gold = f"gold {ex['gold_value']!r} ({ex['gold_type']})" if "gold_value" in ex \
                else "no gold"
            pred = f"Storyline {ex['pred_text']!r} → {ex['pred_value']!r}" if "pred_value" in ex \
                else ("spaCy DATE " + repr(ex["spacy_entity"]) if "spacy_entity" in ex
                      else "no Storyline mention")
            lines.append(f"  - {ex['doc']} (DCT {ex['dct']}): {ex['context']!r}; {gold}; {pred}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("train", "test", "both"), default="test")
    parser.add_argument("--limit", type=int, default=None, help="first N files per split")
    parser.add_argument("--json", type=Path, default=None, help="write results as JSON here")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    parser.add_argument("--examples", type=int, default=EXAMPLES_PER_CATEGORY,
                        help="tuning split only: examples listed per error category "
                             "(0 lists every missed, wrong or spurious timex)")
    args = parser.parse_args(argv)
    if not DATA_DIR.is_dir():
        print(f"TempEval-3 data not found at {DATA_DIR}; skipping the timeline benchmark.")
        return 0
    splits = ["train", "test"] if args.split == "both" else [args.split]
    started = time.perf_counter()
    output: dict[str, Any] = {
        "benchmark": "timeline (TempEval-3 TIMEX3)", "command": " ".join(sys.argv),
        "data": str(DATA_DIR), "definitions": DEFINITIONS, "splits": {},
        "reference_value_f1_te3_platinum": REFERENCE_VALUE_F1,
    }
    report: list[str] = ["# Storyline time expressions on TempEval-3", ""]
    for split in splits:
        log(f"{split}: reading {SPLITS[split]}")
        docs = load_split(split, args.limit)
        result: dict[str, Any] = {
            "path": str(SPLITS[split]), "documents": len(docs),
            "gold_timexes": sum(len(d.gold) for d in docs),
            "gold_text_changed_by_normalisation": sum(d.changed_gold_text for d in docs),
            "documents_aligned_by_difflib": sum(d.alignment != "exact" for d in docs),
            "systems": {},
        }
        clock = time.perf_counter()
        story, remapped, crashes = run_storyline(docs, args.batch_size)
        seconds = time.perf_counter() - clock
        result["storyline_articles_remapped"] = remapped
        result["storyline_analyze_articles_raised"] = crashes
        for name, predicted in ((STORYLINE, story),):
            counts = total_counts(docs, predicted)
            result["systems"][name] = {"counts": _counts_dict(counts),
                                       "metrics": counts.metrics(), "seconds": seconds}
        if not args.no_baseline:
            clock = time.perf_counter()
            baseline, unplaced = run_dateparser(docs)
            seconds = time.perf_counter() - clock
            counts = total_counts(docs, baseline)
            result["systems"][DATEPARSER] = {"counts": _counts_dict(counts),
                                             "metrics": counts.metrics(), "seconds": seconds,
                                             "substrings_not_placed": unplaced}
        report += [f"## {SPLIT_NAMES[split]}", "",
                   f"{result['documents']} documents, {result['gold_timexes']} gold TIMEX3s; "
                   f"gold spans changed by text normalisation: "
                   f"{result['gold_text_changed_by_normalisation']}; "
                   f"articles needing offset re-mapping: {remapped}.", "",
                   markdown_table(split, result), ""]
        for crash in crashes:
            report.append(f"- NOTE: analyze_articles raised on {crash['doc']} "
                          f"({crash['error']} at {crash['where']}); its dates come from "
                          "storyline.dates.find_dates on the same spaCy parse.")
        for name, system in result["systems"].items():
            c = system["counts"]
            report.append(f"- {name}: {c['predicted']} predicted, {c['strict']} strict / "
                          f"{c['relaxed']} relaxed matches, {c['value_correct']} values "
                          f"correct; {system['seconds']:.1f} s")
        report.append("")
        if split == "train":
            values, spurious, boundaries, correct = error_categories(docs, story,
                                                                    args.examples)
            gold_total = result["gold_timexes"]
            result["storyline_errors"] = {
                "gold_value_correct": correct,
                "value_errors_per_gold_grouped": dict(_groups(values).most_common()),
                "value_errors_per_gold": {"counts": dict(values.counts.most_common()),
                                          "examples": values.examples},
                "spurious_predictions": {"counts": dict(spurious.counts.most_common()),
                                         "examples": spurious.examples},
                "boundary_differences": {"counts": dict(boundaries.counts.most_common()),
                                         "examples": boundaries.examples},
            }
            report += ["### Storyline errors on the training split (tuning data only)", "",
                       f"{correct} of {gold_total} gold TIMEX3s get the exact gold value; the "
                       "other gold TIMEX3s, by reason:", "",
                       group_markdown(values, gold_total), "",
                       error_markdown("Gold TIMEX3s without the gold value, in detail", values,
                                      gold_total, "gold timexes"), "",
                       error_markdown("Storyline mentions with no gold TIMEX3", spurious,
                                      max(1, sum(spurious.counts.values())), "mentions"), "",
                       error_markdown("Relaxed but not strict matches (extent)", boundaries,
                                      max(1, sum(boundaries.counts.values())), "pairs"), ""]
        output["splits"][split] = result
    elapsed = time.perf_counter() - started
    output["seconds_total"] = elapsed
    report += ["## Definitions", ""] + [f"- {d}" for d in DEFINITIONS] + [
        "", f"Total runtime: {elapsed:.0f} s (model loading included)."]
    print("\n".join(report))
    if args.json:
        args.json.write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


def _counts_dict(counts: Counts) -> dict[str, int]:
    return {name: getattr(counts, name) for name in ("gold", "predicted", "strict", "relaxed",
                                                     "value_correct", "type_correct")}


if __name__ == "__main__":
    raise SystemExit(main())
