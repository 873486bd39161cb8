"""Quotes and speakers against human annotations: Storyline next to textacy, in one run.

Data (read from ``<repo>/../shared/data``, never copied; skipped with a message if absent):

* PolNeAR (``polnear/data/<split>``): the Content span of every attribution is a gold quote;
  it is "direct" when its text holds a quotation mark (" \u201c \u201d \u2018 or the NYT's ''),
  else "indirect". One annotator file per article (the first by name). Splits: dev (the
  tuning split) and test (report only); train (also a tuning split) only with
  ``--split train``, as a slice (``--every``, ``--offset``, ``--limit``).
* ggt_quotes_2020 (all 98 articles, evaluation only): each gold ``quote`` string is located
  in the article text (exact, nearest the annotated offset, else rapidfuzz partial match);
  offsets in the file are not used.

Systems, both on the same spaCy Docs from ``storyline.nlp.load_nlp()``:

* Storyline: ``entities.find_mentions`` + ``quotes.extract_quotes``; speakers resolved with
  ``entities.link_entities`` (per article) and ``pipeline.resolve_quotes``. Kinds direct,
  partial and mixed are quotes in marks ("direct" rows); indirect is indirect. "Storyline,
  turns" rows join the quotes of one turn ('"X," he said. "Y."', same ``Quote.turn_start``)
  into one span: PolNeAR annotates a turn as one Content, GGT each quote on its own.
* textacy: ``textacy.extract.triples.direct_quotations`` (direct quotes only; it gives up on
  a whole document whose count of quote tokens is odd).

Scores: precision, recall and F1 at token overlap >= 0.3 and >= 0.8 (definition printed with
the tables), for direct gold (quoted predictions only), indirect gold (indirect predictions
only) and all. A quote whose text leaves out the words of its cue ('"X," he said, "Y."' is
one quote, text "X, Y"; "The pier, she said, will close" reports "The pier will close") is
scored on its two pieces, the cue left out, as PolNeAR's discontinuous Content spans are;
"Storyline, whole spans" rows score start..end instead (the scoring before this). Where the
gold annotates the two pieces of such a quote, or the paragraphs of a quotation whose marks
run over paragraphs, as quotes of their own (GGT does), it is scored as those quotes, one a
piece (`split_where_gold_splits`): issue 3 counts it as ONE quote, so a right answer is not
scored as one match and a miss per piece; "Storyline, never split" rows score it as one. Speaker
accuracy: share of gold quotes matched at >= 0.3 (and having a gold speaker) whose speaker is
right: PolNeAR, the predicted speaker span overlaps the gold Source or the resolved entity
name's last word is a word of the Source; GGT, the last word of the
predicted name or speaker text is a word of the gold ``speaker`` or ``reference``.
Speed: ``nlp.pipe`` timed apart from the quote extraction over the same Docs.

Tuning splits only, approximate: PolNeAR's Source of "he said" is the pronoun, so for matched
dev (or train slice) quotes with a he/she Source the run reports how often Storyline names
the named gold Source of the latest earlier gold quote in the same or the previous
paragraph (a stand-in for the referent; `pronoun_approx` in the JSON, `pronoun_approx`
records in ``--dev-errors``); the same for a "they" Source (`they_approx`, mostly a body or
a group: "The campaign said ... They said").

Usage:
    python benchmarks/quotes.py                         # dev + test + GGT (a few minutes)
    python benchmarks/quotes.py --split dev --limit 10  # quick run
    python benchmarks/quotes.py --json out.json
    python benchmarks/quotes.py --split dev --dev-errors /tmp/dev_errors.jsonl
    python benchmarks/quotes.py --split train --every 4 --no-ggt --dev-errors /tmp/t.jsonl

``--dev-errors`` records (tuning splits only): ``fn_direct`` / ``fn_indirect`` (misses),
``fp_direct`` / ``fp_indirect`` (false alarms; ``best_gold.overlap`` 0 = no gold counterpart
at all), ``span_direct`` / ``span_indirect`` (quotes matched at 0.3 but under 0.8, with the
words only gold has and only Storyline has; ``span_turn_direct`` the same for the quotes of a
turn joined), ``speaker`` and ``pronoun_approx``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import platform
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _quote_eval import (
    OVERLAP_DEFINITION,
    PERSON_PRONOUNS,
    SPEAKER_THRESHOLD,
    THRESHOLDS,
    ArticleScore,
    Case,
    Prediction,
    SpeakerCheck,
    TokenIndex,
    approximate_referent,
    error_shapes,
    ggt_cases,
    ggt_speaker_ok,
    last_word,
    markdown_table,
    overlap,
    pct,
    polnear_cases,
    polnear_speaker_ok,
    score,
    speaker_error_class,
    split_where_gold_splits,
    words,
)
from spacy.language import Language
from spacy.tokens import Doc

import storyline
from storyline.entities import link_entities
from storyline.mentions import find_mentions
from storyline.models import Mention, Quote
from storyline.nlp import load_nlp, parse_texts
from storyline.pipeline import resolve_quotes
from storyline.quotes import extract_quotes

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BATCH_SIZE = 32
Extractor = Callable[[Doc], Iterable[Any]]


def _load_textacy() -> Extractor | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    return direct_quotations


# -- running the systems ------------------------------------------------------------------

@dataclass
class Run:
    """Predictions of both systems on one dataset, and how long each stage took."""

    storyline: list[list[Prediction]]
    textacy: list[list[Prediction]] | None
    watch: Stopwatch
    words: int
    textacy_gave_up: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    crashed: dict[str, str] = field(default_factory=dict)  # article -> Storyline exception
    turns: list[list[Prediction]] = field(default_factory=list)  # quotes of a turn as one
    # Storyline's quotes as given: one quote around its cue never split (the `storyline`
    # predictions split it where the gold annotates its two pieces as two quotes)
    joined: list[list[Prediction]] = field(default_factory=list)


def _storyline_predictions(quotes: Sequence[Quote], names: Sequence[str | None],
                           text: str = "") -> list[Prediction]:
    found = []
    for quote, name in zip(quotes, names, strict=True):
        speaker = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            speaker = (quote.speaker_start, quote.speaker_end)
        found.append(Prediction(quote.start, quote.end, quote.kind != "indirect", quote.kind,
                                quote.text, speaker, quote.speaker_text or "", name,
                                quote.cue or "", _pieces(quote, text)))
    return found


def _pieces(quote: Quote, text: str) -> tuple[tuple[int, int], ...]:
    """The two pieces of a quote whose text leaves out words between start and end ('"X,"
    he said, "Y."' is one quote whose text is "X, Y"; "The pier, she said, will close" reports
    "The pier will close"): the longest stretch of its text that opens the span and the one
    that ends it, so the words left out (the cue) are not scored as quoted words."""
    span = text[quote.start:quote.end]
    if not text or span == quote.text:
        return ()
    head = 0
    while head < min(len(span), len(quote.text)) and span[head] == quote.text[head]:
        head += 1
    tail = 0
    while tail < min(len(span), len(quote.text)) - head and \
            span[-1 - tail] == quote.text[-1 - tail]:
        tail += 1
    if head == 0 or tail == 0:
        return ()
    return (quote.start, quote.start + head), (quote.end - tail, quote.end)


def _turn_predictions(quotes: Sequence[Quote], names: Sequence[str | None], text: str
                      ) -> list[Prediction]:
    """Storyline's quotes with the quotes of one turn ('"X," he said. "Y."', `turn_start`)
    joined into one span, the unit PolNeAR annotates as one Content."""
    found = _storyline_predictions(quotes, names, text)
    turns: dict[int, list[Prediction]] = {}
    joined: list[Prediction] = []
    for quote, prediction in zip(quotes, found, strict=True):
        if quote.kind == "indirect" or quote.turn_start is None:
            joined.append(prediction)
        elif quote.turn_start not in turns:
            turns[quote.turn_start] = [prediction]
            joined.append(prediction)
        else:
            turns[quote.turn_start].append(prediction)
    for index, prediction in enumerate(joined):
        parts = turns.get(prediction.start) if prediction.direct else None
        if parts and len(parts) > 1:
            speaker = next((p for p in parts if p.speaker is not None), parts[0])
            joined[index] = Prediction(parts[0].start, parts[-1].end, True, parts[0].kind,
                                       " ".join(p.text for p in parts), speaker.speaker,
                                       speaker.speaker_text, speaker.speaker_name,
                                       speaker.cue, tuple(f for p in parts for f in p.fragments))
    return joined


def _textacy_predictions(doc: Doc, extract: Extractor) -> list[Prediction] | None:
    try:
        triples = list(extract(doc))
    except ValueError:  # an odd number of quote tokens: textacy bails out on the document
        return None
    found = []
    for speaker, cue, content in triples:
        s_start = min(t.idx for t in speaker)
        s_end = max(t.idx + len(t.text) for t in speaker)
        found.append(Prediction(content.start_char, content.end_char, True, "direct",
                                content.text, (s_start, s_end), doc.text[s_start:s_end], None,
                                " ".join(t.text for t in cue)))
    return found


class Stopwatch:
    """Wall-clock and process CPU seconds of named stages."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._started = (0.0, 0.0)

    def start(self) -> None:
        self._started = (time.perf_counter(), time.process_time())

    def stop(self, stage: str) -> None:
        self.wall[stage] = time.perf_counter() - self._started[0]
        self.cpu[stage] = time.process_time() - self._started[1]


def run_systems(nlp: Language, cases: Sequence[Case], extract: Extractor | None) -> Run:
    texts = [c.text for c in cases]
    watch = Stopwatch()
    watch.start()
    docs = list(parse_texts(nlp, texts, batch_size=BATCH_SIZE))
    watch.stop("parse")

    watch.start()
    mentions: list[list[Mention]] = []
    quotes: list[list[Quote]] = []
    crashed: dict[str, str] = {}
    for case, doc in zip(cases, docs, strict=True):
        found = find_mentions(doc, case.name)
        mentions.append(found)
        try:
            quotes.append(extract_quotes(doc, case.name, found))
        except Exception as exc:  # a Storyline bug: scored as no quotes for this article
            where = traceback.extract_tb(exc.__traceback__)[-1]
            crashed[case.name] = f"{type(exc).__name__}: {exc} (in {where.name}, line " \
                                 f"{where.lineno} of {Path(where.filename).name})"
            quotes.append([])
    watch.stop("storyline_extract")

    watch.start()
    names: list[list[str | None]] = []
    for case, article_mentions, article_quotes in zip(cases, mentions, quotes, strict=True):
        index = link_entities(article_mentions, {case.name: case.text})
        names.append([r.speaker_name for r in resolve_quotes(article_quotes, index)])
    watch.stop("storyline_link")

    joined = [_storyline_predictions(q, n, c.text)
              for q, n, c in zip(quotes, names, cases, strict=True)]
    storyline = [split_where_gold_splits(c, p) for c, p in zip(cases, joined, strict=True)]
    turns = [_turn_predictions(q, n, c.text) for q, n, c in zip(quotes, names, cases, strict=True)]
    kinds = Counter(q.kind for article in quotes for q in article)
    textacy: list[list[Prediction]] | None = None
    gave_up = 0
    if extract is not None:
        watch.start()
        textacy = []
        for doc in docs:
            predicted = _textacy_predictions(doc, extract)
            gave_up += predicted is None
            textacy.append(predicted or [])
        watch.stop("textacy_extract")
    words = sum(1 for doc in docs for t in doc if not t.is_space and not t.is_punct)
    return Run(storyline, textacy, watch, words, gave_up, kinds, crashed, turns, joined)


# -- reporting ----------------------------------------------------------------------------

def evaluate(title: str, cases: Sequence[Case], run: Run, speaker_ok: SpeakerCheck
             ) -> tuple[dict[str, Any], list[ArticleScore]]:
    """Print one dataset's table; return its numbers and Storyline's per-article scores."""
    totals, per_article = score(cases, run.storyline, speaker_ok)
    rows = [("Storyline", k, totals[k].summary()) for k in totals]
    turn_totals, _ = score(cases, run.turns, speaker_ok)
    rows += [("Storyline, turns", k, turn_totals[k].summary()) for k in ("direct", "all")]
    # Scored as before quotes had pieces: a quote joined around its cue as one span.
    whole = [[dataclasses.replace(p, pieces=()) for p in preds] for preds in run.joined]
    whole_totals, _ = score(cases, whole, speaker_ok)
    rows += [("Storyline, whole spans", k, whole_totals[k].summary())
             for k in ("direct", "all")]
    # Scored as before a quote around its cue could stand as two where gold has two.
    unsplit_totals, _ = score(cases, run.joined, speaker_ok)
    rows += [("Storyline, never split", k, unsplit_totals[k].summary())
             for k in ("direct", "all")]
    result: dict[str, Any] = {
        "articles": len(cases),
        "gold_direct": sum(g.direct for c in cases for g in c.gold),
        "gold_indirect": sum(not g.direct for c in cases for g in c.gold),
        "storyline": {k: t.summary() for k, t in totals.items()},
        "storyline_turns": {k: t.summary() for k, t in turn_totals.items()},
        "storyline_whole_spans": {k: t.summary() for k, t in whole_totals.items()},
        "storyline_never_split": {k: t.summary() for k, t in unsplit_totals.items()},
        "storyline_kinds": dict(run.kinds),
    }
    if run.textacy is not None:
        textacy_totals, _ = score(cases, run.textacy, speaker_ok)
        rows += [("textacy", k, textacy_totals[k].summary()) for k in textacy_totals]
        result["textacy"] = {k: t.summary() for k, t in textacy_totals.items()}
        result["textacy_gave_up_articles"] = run.textacy_gave_up
    located = Counter[str]()
    for case in cases:
        located.update(case.located)
    if located:
        result["gold_located"] = dict(located)
    print(f"\n### {title}\n")
    print(f"{len(cases)} articles; gold quotes: {result['gold_direct']} direct (with quote "
          f"marks), {result['gold_indirect']} indirect."
          + (f" Gold located in text: {dict(located)}." if located else ""))
    if run.crashed:
        lost = sum(len(c.gold) for c in cases if c.name in run.crashed)
        reasons = Counter(run.crashed.values())
        print(f"**extract_quotes raised on {len(run.crashed)} of {len(cases)} articles** "
              f"(scored as no Storyline quotes; they hold {lost} gold quotes): "
              + "; ".join(f"{r} x{n}" for r, n in reasons.most_common()))
        result["storyline_crashed_articles"] = len(run.crashed)
        result["storyline_crash_gold_quotes"] = lost
        result["storyline_crash_reasons"] = dict(reasons)
    print(f"Storyline kinds: {dict(run.kinds)}.", end="")
    if run.textacy is not None:
        print(f" textacy gave up (odd quote-token count) on {run.textacy_gave_up} of "
              f"{len(cases)} articles.", end="")
    print("\n")
    print(markdown_table(rows))
    if run.crashed:
        result["without_crashed_articles"] = _without_crashed(cases, run, speaker_ok)
    return result, per_article


def _without_crashed(cases: Sequence[Case], run: Run, speaker_ok: SpeakerCheck
                     ) -> dict[str, Any]:
    """All-quote F1 of both systems on the articles where Storyline did not raise."""
    keep = [i for i, c in enumerate(cases) if c.name not in run.crashed]
    subset = [cases[i] for i in keep]
    systems = {"storyline": run.storyline, "textacy": run.textacy}
    out: dict[str, Any] = {"articles": len(subset)}
    parts = []
    for name, predictions in systems.items():
        if predictions is None:
            continue
        totals, _ = score(subset, [predictions[i] for i in keep], speaker_ok)
        summary = totals["all"].summary()
        out[name] = {k: t.summary() for k, t in totals.items()}
        f1 = [summary[f"@{t}"]["f1"] for t in THRESHOLDS]  # type: ignore[index]
        parts.append(f"{name} F1 {pct(f1[0])} / {pct(f1[1])}")
    print(f"\nOn the {len(subset)} articles where extract_quotes did not raise (all quotes, "
          f"F1 at 0.3 / 0.8): " + "; ".join(parts) + ".")
    return out


def speed(title: str, run: Run, articles: int) -> dict[str, Any]:
    """Speed table; rates use process CPU seconds (the machine is shared), wall time is shown
    beside them."""
    wall, cpu = run.watch.wall, run.watch.cpu
    systems = [("Storyline", "storyline_extract", sum(len(p) for p in run.joined))]
    if run.textacy is not None:
        systems.append(("textacy", "textacy_extract", sum(len(p) for p in run.textacy)))
    out: dict[str, Any] = {"articles": articles, "words": run.words, "wall_s": dict(wall),
                           "cpu_s": dict(cpu)}
    print(f"\n{title}: {articles} articles, {run.words:,} words; spaCy nlp.pipe "
          f"{cpu['parse']:.1f} s CPU ({wall['parse']:.1f} s wall), "
          f"{run.words / cpu['parse']:,.0f} words per CPU second.\n")
    print("| system | extraction CPU s (wall s) | extraction / parse (CPU) | quotes "
          "| quotes/s, extraction only | quotes/s, parse + extraction |")
    print("|---|---|---|---|---|---|")
    for name, stage, count in systems:
        extract = max(cpu[stage], 1e-9)
        share = extract / cpu["parse"]
        print(f"| {name} | {cpu[stage]:.2f} ({wall[stage]:.2f}) | {pct(share)}% | {count} | "
              f"{count / extract:,.0f} | {count / (cpu['parse'] + extract):,.1f} |")
        out[name.lower()] = {"quotes": count, "share_of_parse_cpu": share,
                             "quotes_per_cpu_s_extraction": count / extract,
                             "quotes_per_cpu_s_end_to_end": count / (cpu["parse"] + extract)}
    link = cpu["storyline_link"]
    print(f"\nStoryline extraction = find_mentions + extract_quotes; speaker resolution "
          f"(link_entities + resolve_quotes, per article) adds {link:.2f} CPU s "
          f"({pct(link / cpu['parse'])}% of parse).")
    return out


# Which errors are counted by shape and cue: all quotes at 0.3 (the F1 target), direct
# quotes at 0.8 (the direct targets).
SHAPE_VIEWS = (("all", 0.3), ("direct", 0.8))


def shape_counts(cases: Sequence[Case], run: Run, scores: Sequence[ArticleScore],
                 top: int = 12) -> dict[str, Any]:
    """Storyline's false alarms and misses counted by kind, cue and shape (`error_shapes`),
    printed and returned; counts only, so GGT (evaluation-only) can be read this way."""
    out: dict[str, Any] = {}
    for klass, threshold in SHAPE_VIEWS:
        counts = error_shapes(cases, run.storyline, scores, klass, threshold)
        view = f"{klass}@{threshold}"
        out[view] = {" | ".join(key): n for key, n in counts.most_common()}
        print(f"\nErrors by shape, {klass} quotes at overlap {threshold} (counts only):")
        shapes = Counter[tuple[str, str, str]]()
        cues = Counter[tuple[str, str, str]]()
        for (error, kind, cue, shape), n in counts.items():
            cues[error, kind, cue] += n
            if error != "match":
                shapes[error, kind, shape] += n
        for (error, kind, shape), n in sorted(shapes.items()):
            print(f"- {error}, {kind}, {shape}: {n}")
        listed = [(k, n) for k, n in cues.most_common() if k[0] == "false alarm"][:top]
        print("- false alarms by cue (of all predicted with that cue and kind): " + ", ".join(
            f"{kind} '{cue}' {n} of {n + cues['match', kind, cue]}"
            for (_e, kind, cue), n in listed))
        listed = [(k, n) for k, n in cues.most_common() if k[0] == "miss"][:top]
        print("- misses by gold cue: " + ", ".join(f"{kind} '{cue}' {n}"
                                                  for (_e, kind, cue), n in listed))
    return out


# -- dev error dump (never test) ------------------------------------------------------------

def _snippet(text: str, start: int, end: int, limit: int = 200) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[:limit - 20] + " ... " + piece[-15:]


def _best(tokens: frozenset[int], others: Sequence[frozenset[int]]) -> int | None:
    """Index of the span in `others` that overlaps `tokens` most (None when there is none)."""
    scores = [overlap(tokens, other) for other in others]
    return max(range(len(scores)), key=scores.__getitem__, default=None)


def speaker_errors(cases: Sequence[Case], run: Run, scores: Sequence[ArticleScore],
                   speaker_ok: SpeakerCheck) -> dict[str, int]:
    """Storyline's wrong speakers among matched quotes, counted by class and printed; no
    single error is shown (GGT is evaluation-only)."""
    counts = Counter[str]()
    for case, preds, result in zip(cases, run.storyline, scores, strict=True):
        for g, p, _value in result.matches["all"][SPEAKER_THRESHOLD]:
            gold, pred = case.gold[g], preds[p]
            if (gold.source is not None or gold.speakers) and not speaker_ok(gold, pred):
                counts[speaker_error_class(gold, pred)] += 1
    print(f"\nSpeaker errors among matched quotes, by class (counts only): "
          f"{sum(counts.values())}: " +
          ", ".join(f"{n} {name}" for name, n in counts.most_common()) + ".")
    return dict(counts)


def dev_errors(cases: Sequence[Case], run: Run, scores: Sequence[ArticleScore]
               ) -> list[dict[str, Any]]:
    """Storyline's misses and false alarms (direct and indirect), direct spans matched only
    under 0.8 (`span_direct`, `span_indirect`), and its speaker errors on dev (or a train
    slice)."""
    records: list[dict[str, Any]] = []
    for case, preds, result in zip(cases, run.storyline, scores, strict=True):
        index = TokenIndex(case.text)
        gold_tokens = [index.tokens(g.fragments) for g in case.gold]
        pred_tokens = [index.tokens(p.fragments) for p in preds]
        headline_end = case.text.find("\n")
        direct = result.matches["direct"][SPEAKER_THRESHOLD]
        hit_gold = {g for g, _p, _v in direct}
        hit_pred = {p for _g, p, _v in direct}
        for g in result.gold_idx["direct"]:
            if g in hit_gold:
                continue
            gold = case.gold[g]
            best = _best(gold_tokens[g], pred_tokens)
            records.append({
                "type": "fn_direct", "article": case.name, "start": gold.fragments[0][0],
                "gold": _snippet(case.text, gold.fragments[0][0], gold.fragments[-1][1]),
                "pieces": len(gold.fragments), "source": gold.source_text, "cue": gold.cue,
                "headline": gold.fragments[0][0] < headline_end,
                "best_pred": None if best is None else {
                    "overlap": round(overlap(gold_tokens[g], pred_tokens[best]), 2),
                    "kind": preds[best].kind, "text": _snippet(case.text, preds[best].start,
                                                               preds[best].end)}})
        for p in result.pred_idx["direct"]:
            if p in hit_pred:
                continue
            pred = preds[p]
            best = _best(pred_tokens[p], gold_tokens)
            records.append({
                "type": "fp_direct", "article": case.name, "start": pred.start,
                "pred": _snippet(case.text, pred.start, pred.end), "kind": pred.kind,
                "cue": pred.cue, "speaker": pred.speaker_text,
                "headline": pred.start < headline_end,
                "context": _snippet(case.text, max(0, pred.start - 80), pred.end + 60, 400),
                "best_gold": None if best is None else {
                    "overlap": round(overlap(gold_tokens[best], pred_tokens[p]), 2),
                    "direct": case.gold[best].direct,
                    "text": _snippet(case.text, case.gold[best].fragments[0][0],
                                     case.gold[best].fragments[-1][1])}})
        indirect = result.matches["indirect"][SPEAKER_THRESHOLD]
        hit_gold = {g for g, _p, _v in indirect}
        hit_pred = {p for _g, p, _v in indirect}
        for g in result.gold_idx["indirect"]:
            if g in hit_gold:
                continue
            gold = case.gold[g]
            best = _best(gold_tokens[g], pred_tokens)
            records.append({
                "type": "fn_indirect", "article": case.name, "start": gold.fragments[0][0],
                "gold": _snippet(case.text, gold.fragments[0][0], gold.fragments[-1][1]),
                "source": gold.source_text, "cue": gold.cue,
                "context": _snippet(case.text, max(0, gold.fragments[0][0] - 100),
                                    gold.fragments[-1][1] + 60, 400),
                "best_pred": None if best is None else {
                    "overlap": round(overlap(gold_tokens[g], pred_tokens[best]), 2),
                    "kind": preds[best].kind}})
        for p in result.pred_idx["indirect"]:
            if p not in hit_pred:
                pred = preds[p]
                best = _best(pred_tokens[p], gold_tokens)
                records.append({
                    "type": "fp_indirect", "article": case.name, "start": pred.start,
                    "pred": _snippet(case.text, pred.start, pred.end), "cue": pred.cue,
                    "context": _snippet(case.text, max(0, pred.start - 80), pred.end + 60,
                                        400),
                    "best_gold": None if best is None else {
                        "overlap": round(overlap(gold_tokens[best], pred_tokens[p]), 2),
                        "direct": case.gold[best].direct}})
        records += _span_records(case, preds, result, index, (gold_tokens, pred_tokens))
    _, turn_scores = score(cases, run.turns, polnear_speaker_ok)
    for case, preds, result in zip(cases, run.turns, turn_scores, strict=True):
        index = TokenIndex(case.text)
        tokens = ([index.tokens(g.fragments) for g in case.gold],
                  [index.tokens(p.fragments) for p in preds])
        records += _span_records(case, preds, result, index, tokens, kinds=("direct",),
                                 label="span_turn")
        for g, p, value in result.matches["all"][SPEAKER_THRESHOLD]:
            gold, pred = case.gold[g], preds[p]
            if gold.source is None or polnear_speaker_ok(gold, pred):
                continue
            records.append({
                "type": "speaker", "article": case.name, "start": pred.start,
                "gold_direct": gold.direct, "kind": pred.kind, "overlap": round(value, 2),
                "gold_source": gold.source_text, "gold_cue": gold.cue, "pred_cue": pred.cue,
                "pred_speaker": pred.speaker_text, "pred_name": pred.speaker_name,
                "quote": _snippet(case.text, pred.start, pred.end, 120),
                "context": _snippet(case.text, max(0, min(pred.start, gold.source[0][0]) - 60),
                                    max(pred.end, gold.source[-1][1]) + 40, 500)})
    return records


def _span_records(case: Case, preds: Sequence[Prediction], result: ArticleScore,
                  index: TokenIndex,
                  tokens: tuple[Sequence[frozenset[int]], Sequence[frozenset[int]]],
                  kinds: tuple[str, ...] = ("direct", "indirect"), label: str = "span"
                  ) -> list[dict[str, Any]]:
    """Direct and indirect quotes matched at 0.3 but under 0.8 (`span_direct`,
    `span_indirect`): the words only gold has and only the prediction has, to see what the
    spans disagree on."""
    records: list[dict[str, Any]] = []
    gold_tokens, pred_tokens = tokens
    pairs = [(kind, g, p, value) for kind in kinds
             for g, p, value in result.matches[kind][SPEAKER_THRESHOLD]]
    for kind, g, p, value in pairs:
        if value >= THRESHOLDS[-1]:
            continue
        gold, pred = case.gold[g], preds[p]

        def said(tokens: frozenset[int]) -> str:
            return " ".join(case.text[index.starts[t]:index.ends[t]] for t in sorted(tokens))

        records.append({
            "type": f"{label}_{kind}", "article": case.name, "start": pred.start,
            "overlap": round(value, 2), "kind": pred.kind, "cue": pred.cue,
            "pieces": len(gold.fragments),
            "gold": _snippet(case.text, gold.fragments[0][0], gold.fragments[-1][1], 300),
            "pred": _snippet(case.text, pred.start, pred.end, 300),
            "gold_only": said(gold_tokens[g] - pred_tokens[p])[:200],
            "pred_only": said(pred_tokens[p] - gold_tokens[g])[:200]})
    return records


def pronoun_agreement(cases: Sequence[Case], run: Run, scores: Sequence[ArticleScore]
                      ) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Tuning-split diagnostic, APPROXIMATE: for matched gold quotes whose PolNeAR Source is
    "he" or "she", how often Storyline's speaker is the named Source of the latest earlier
    gold quote in the same or the previous paragraph (`approximate_referent`), which stands
    in for the pronoun's referent. Counts, and one record per disagreement."""
    counts = {"pronoun_quotes": 0, "with_referent": 0, "agree": 0, "none_given": 0,
              "they_quotes": 0, "they_with_referent": 0, "they_agree": 0, "they_none_given": 0}
    records: list[dict[str, Any]] = []
    for case, preds, result in zip(cases, run.storyline, scores, strict=True):
        for g, p, _value in result.matches["all"][SPEAKER_THRESHOLD]:
            gold, pred = case.gold[g], preds[p]
            said = words(gold.source_text)
            they = said == ["they"]
            prefix = "they_" if they else ""
            referent = approximate_referent(case, gold, {"they"} if they else PERSON_PRONOUNS)
            counts["pronoun_quotes"] += said in (["he"], ["she"], ["him"], ["her"])
            counts["they_quotes"] += they
            if referent is None:
                continue
            counts[f"{prefix}with_referent"] += 1
            named = {w for w in (pred.speaker_name, pred.speaker_text) if w}
            if not named:
                counts[f"{prefix}none_given"] += 1
            if any(last_word(n) in words(referent.source_text) for n in named):
                counts[f"{prefix}agree"] += 1
                continue
            assert gold.source is not None and referent.source is not None
            records.append({
                "type": f"{prefix}pronoun_approx", "article": case.name, "start": pred.start,
                "gold_source": gold.source_text, "approx_referent": referent.source_text,
                "pred_speaker": pred.speaker_text, "pred_name": pred.speaker_name,
                "pred_cue": pred.cue, "quote": _snippet(case.text, pred.start, pred.end, 120),
                "context": _snippet(case.text, max(0, referent.source[0][0] - 40),
                                    max(pred.end, gold.source[-1][1]) + 40, 700)})
    return counts, records


def code_fingerprint() -> str:
    """Short hash of the Storyline modules under test, so numbers can be traced to code."""
    package = Path(storyline.__file__).parent
    digest = hashlib.sha256()
    for name in ("quotes.py", "reported.py", "quote_labels.py", "speech_cues.py", "marks.py",
                 "speaker_syntax.py", "body_words.py", "speakers.py", "salience.py",
                 "genders.py", "mentions.py", "entity_spans.py", "headlines.py", "roles.py",
                 "entity_kinds.py", "descriptions.py", "names.py", "people.py", "entities.py",
                 "nominal_links.py", "pipeline.py", "nlp.py", "given_names.py",
                 "data/given_names.txt", "role_lists.py", "named_before.py", "org_links.py",
                 "pronoun_speakers.py", "mixed_tails.py", "bearer_guards.py"):
        if (package / name).exists():  # marks.py is newer than some code compared
            digest.update((package / name).read_bytes())
    return digest.hexdigest()[:12]


# -- main -----------------------------------------------------------------------------------

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "both", "train"), default="both",
                        help="PolNeAR split(s) to score (dev and train = tuning, test = "
                             "report; train is read only when asked for)")
    parser.add_argument("--every", type=int, default=1,
                        help="train only: every Nth article (840 in all), from --offset")
    parser.add_argument("--offset", type=int, default=0, help="train only: first article")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most N articles per PolNeAR split and of GGT")
    parser.add_argument("--json", type=Path, default=None, help="save the numbers here")
    parser.add_argument("--no-ggt", action="store_true", help="skip ggt_quotes_2020")
    parser.add_argument("--no-polnear", action="store_true", help="skip PolNeAR")
    parser.add_argument("--ggt-text", choices=("body", "raw"), default="body",
                        help="GGT text: articleBodyText (default) or rawtext.zip (original "
                             "paragraph breaks)")
    parser.add_argument("--dev-errors", type=Path, default=None,
                        help="write Storyline's PolNeAR dev (or train) errors as JSONL "
                             "(tuning splits only; keep the file outside the repository)")
    parser.add_argument("--data", type=Path, default=DATA, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    polnear_dir = args.data / "polnear" / "data"
    ggt_dir = args.data / "ggt_quotes_2020"
    if not polnear_dir.is_dir() and not ggt_dir.is_dir():
        print(f"skipped: evaluation data not found at {args.data}")
        return 0
    if args.dev_errors is not None and args.split == "test":
        print("--dev-errors reads the dev split only; test errors are not for inspection")
        return 2
    extract = _load_textacy()
    if extract is None:
        print("note: textacy is not installed (pip install -e '.[bench]'); baseline skipped")
    nlp = load_nlp()
    nlp("Warm up the pipeline once, before any clock starts.")
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    print("## Quote extraction benchmark\n")
    fingerprint = code_fingerprint()
    print(f"Storyline code sha256[:12] {fingerprint} (quotes, reported, quote_labels, speech_cues, "
          f"marks, speaker_syntax, body_words, speakers, salience, genders, given_names "
          f"(and its data), mentions, "
          f"entity_spans, headlines, roles, role_lists, entity_kinds, descriptions, names, people, "
          f"entities, org_links, bearer_guards, nominal_links, named_before, pronoun_speakers, "
          f"mixed_tails, pipeline, nlp); "
          f"spaCy model {model}.\n")
    print(f"Definitions: {OVERLAP_DEFINITION}. Speaker accuracy over gold quotes matched at "
          f"overlap >= {SPEAKER_THRESHOLD} that have a gold speaker.")
    report: dict[str, Any] = {"overlap_definition": OVERLAP_DEFINITION, "model": model,
                              "storyline_code": fingerprint,
                              "args": {"split": args.split, "limit": args.limit,
                                       "ggt_text": args.ggt_text},
                              "python": platform.python_version(), "polnear": {},
                              "speed": {}}
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    if polnear_dir.is_dir() and not args.no_polnear:
        for split in splits:
            if split == "train":  # large: a slice, every Nth article
                cases = polnear_cases(polnear_dir / split)[args.offset::args.every]
                cases = cases[:args.limit] if args.limit else cases
            else:
                cases = polnear_cases(polnear_dir / split, args.limit)
            run = run_systems(nlp, cases, extract)
            label = "test split, report only" if split == "test" else "tuning split"
            result, per_article = evaluate(f"PolNeAR {split} ({label})", cases, run,
                                           polnear_speaker_ok)
            result["speaker_errors"] = speaker_errors(cases, run, per_article,
                                                      polnear_speaker_ok)
            report["polnear"][split] = result
            report["speed"][f"polnear_{split}"] = speed(f"Speed, PolNeAR {split}", run,
                                                        len(cases))
            pronoun_records: list[dict[str, Any]] = []
            if split != "test":  # a tuning split: dev, or a train slice
                result["error_shapes"] = shape_counts(cases, run, per_article)
                counts, pronoun_records = pronoun_agreement(cases, run, per_article)
                result["pronoun_approx"] = counts
                print(f"\nApproximate, {split} only: of {counts['pronoun_quotes']} matched gold "
                      f"quotes whose Source is he/she, {counts['with_referent']} have a named "
                      f"gold Source earlier in the same or the previous paragraph; Storyline's "
                      f"speaker is that Source for {counts['agree']} "
                      f"({pct(counts['agree'] / max(counts['with_referent'], 1))}%), none for "
                      f"{counts['none_given']}. Of {counts['they_quotes']} whose Source is "
                      f"\"they\", {counts['they_with_referent']} have one; Storyline names it "
                      f"for {counts['they_agree']}, none for {counts['they_none_given']}.")
            if split != "test" and args.dev_errors is not None:
                records = dev_errors(cases, run, per_article) + pronoun_records
                with args.dev_errors.open("w", encoding="utf-8") as handle:
                    for record in records:
                        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                print(f"\n{len(records)} dev error records written to {args.dev_errors}")
    elif not args.no_polnear:
        print(f"\nPolNeAR skipped: {polnear_dir} not found")
    if ggt_dir.is_dir() and not args.no_ggt:
        cases = ggt_cases(ggt_dir, text_source=args.ggt_text, limit=args.limit)
        run = run_systems(nlp, cases, extract)
        text = "articleBodyText" if args.ggt_text == "body" else "rawtext.zip"
        result, per_article = evaluate(
            f"ggt_quotes_2020 (all articles, evaluation only; text: {text})", cases, run,
            ggt_speaker_ok)
        result["speaker_errors"] = speaker_errors(cases, run, per_article, ggt_speaker_ok)
        result["error_shapes"] = shape_counts(cases, run, per_article)
        report["ggt_quotes_2020"] = result
        report["speed"]["ggt_quotes_2020"] = speed("Speed, ggt_quotes_2020", run, len(cases))
    elif not args.no_ggt:
        print(f"\nggt_quotes_2020 skipped: {ggt_dir} not found")
    report["runtime_s"] = time.perf_counter() - started
    print(f"\nTotal runtime {report['runtime_s']:.0f} s.")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"Numbers saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
