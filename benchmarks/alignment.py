"""Fact alignment and summary coverage of Storyline on human-annotated data.

Part 1, ``msrp``: the paraphrase decision of Storyline's default offline aligner on the
Microsoft Research Paraphrase Corpus. Every sentence is parsed with
``storyline.nlp.load_nlp()`` and ``storyline.nlp.sentence_features`` as in the pipeline
(``_msrp_views``; a string spaCy splits is joined back); IDF weights are computed over
the unique sentences of the split being scored (``paraphrase.idf_weights``, as
``align`` does over one story); a pair is a paraphrase when
``align.fact_similarity >= align.FACT_THRESHOLD``. The scorer's weights and threshold
were fitted on the train file only (``benchmarks/fit_fact_model.py``). Reported on the
test file, next to the same score with the threshold re-tuned on train, the previous
default (IDF-weighted lemma Dice) and a word-overlap baseline (lower-cased token Jaccard),
their thresholds tuned on train. The error analysis uses the TRAIN file only.

Part 2, ``summary``: how many of an event's core elements Storyline's brief mentions, on
ECB+ (test topics 36-45; tuning topics 1-35 with ``--topics both|tuning``). Each topic
holds two event clusters (its ``ecb`` and its ``ecbplus`` files). A document's text is its
tokens joined by single spaces, sentences by a blank line (the source-URL sentence 0 of
``ecbplus`` files is dropped). Core elements are the CROSS_DOC_COREF instances (actions,
times, locations, participants) linked in two or more of the cluster's documents. An
element is mentioned when one of its markables' surface strings occurs in the summary
(case-insensitive, at word boundaries; strings made only of stop words, such as "he" or
"said", are not matched) or when a cited span overlaps one of its markables. Storyline
runs as ``build_dossier(single_story(articles), articles)`` with default options; the
lead baseline is the first words of the cluster's first document (by file number), as
many as Storyline's brief for that cluster has (whole sentences, the last one cut).

With ``--oracle`` the summary part also reports a ceiling: a greedy selection that KNOWS
the gold core elements, picking from the same candidate sentences with the same citations
(``summary.candidate_sentences``) the one that adds the most unmentioned elements (the
shorter on a tie) until nothing fitting the default length (120 words) adds any. It is
shown next to the lead at the oracle's own word count and at the full 120 words.

Nothing is written into the repository; the data is read from ``../shared/data``.

Usage:
    python benchmarks/alignment.py                         # both parts, test (+ tuning)
    python benchmarks/alignment.py --part msrp --limit 300  # quick run
    python benchmarks/alignment.py --part summary --topics test --json /tmp/align.json
    python benchmarks/alignment.py --part msrp --cache /tmp/msrp-cues.pkl  # parse once
    python benchmarks/alignment.py --part summary --topics tuning --oracle  # the ceiling
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _alignment_data import (
    CATEGORIES,
    MSRP_TEST,
    MSRP_TRAIN,
    TEST_TOPICS,
    TUNING_TOPICS,
    CoreElement,
    EcbDocument,
    EventCluster,
    MsrpPair,
    core_elements,
    data_root,
    read_clusters,
    read_msrp,
)
from _msrp_views import Cues, parse_cues, split_idf, split_weights, views_of

from storyline import align, fact_units, pipeline
from storyline.ingest import make_article
from storyline.models import Span
from storyline.nlp import load_nlp
from storyline.paraphrase import MODEL_PATH, SentenceView, numbers_conflict
from storyline.pipeline import build_dossier, single_story
from storyline.summary import DEFAULT_WORDS, candidate_sentences, unsupported_citation
from storyline.text import content_words

LENGTH_RATIO = 0.67  # content-lemma count ratio below which a pair counts as length mismatch
NEAR_MISS = 0.1  # errors within this distance of the threshold
WORD_RE = re.compile(r"\w+")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# == Part 1: MSRP ====================================================================


@dataclass(frozen=True, slots=True)
class Scores:
    accuracy: float
    precision: float
    recall: float
    f1: float


def token_set(text: str) -> frozenset[str]:
    """Lower-cased tokens (the word-overlap baseline)."""
    return frozenset(WORD_RE.findall(text.lower()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def evaluate(scores: Sequence[float], labels: Sequence[int], threshold: float) -> Scores:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    tn = len(labels) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores((tp + tn) / max(1, len(labels)), precision, recall, f1)


def best_threshold(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The accuracy-maximising threshold (midway between neighbouring scores)."""
    order = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    # Threshold below everything: all predicted positive.
    best_correct, best_index = positives, 0
    negatives_below = positives_below = 0
    for index, (_score, label) in enumerate(order, start=1):
        if label:
            positives_below += 1
        else:
            negatives_below += 1
        if index < len(order) and order[index][0] == order[index - 1][0]:
            continue
        correct = negatives_below + (positives - positives_below)
        if correct > best_correct:
            best_correct, best_index = correct, index
    if best_index == 0:
        return order[0][0] if order else 0.0
    if best_index >= len(order):
        return order[-1][0] + 1e-9
    return (order[best_index - 1][0] + order[best_index][0]) / 2


def error_analysis(pairs: Sequence[MsrpPair], cues: dict[str, Cues],
                   views: dict[str, SentenceView], scores: Sequence[float],
                   threshold: float) -> dict[str, Any]:
    """Which cues go with false positives / false negatives on TRAIN (at `threshold`)."""
    tests: dict[str, Callable[[MsrpPair, float], bool]] = {
        f"length mismatch (content-lemma ratio < {LENGTH_RATIO})":
            lambda p, _s: min(len(views[p.text1].lemmas), len(views[p.text2].lemmas))
            < LENGTH_RATIO * max(len(views[p.text1].lemmas), len(views[p.text2].lemmas), 1),
        "numbers differ (both sides have numbers)":
            lambda p, _s: numbers_conflict(views[p.text1], views[p.text2]),
        "numbers on one side only":
            lambda p, _s: bool(views[p.text1].numbers) != bool(views[p.text2].numbers),
        "negation on one side only": lambda p, _s: cues[p.text1].negated != cues[p.text2].negated,
        "proper nouns differ": lambda p, _s: cues[p.text1].proper != cues[p.text2].proper,
        f"near miss (|score - threshold| < {NEAR_MISS})":
            lambda _p, s: abs(s - threshold) < NEAR_MISS,
    }
    groups: dict[str, list[int]] = {"false positive": [], "false negative": [],
                                    "correct": []}
    for index, (pair, score) in enumerate(zip(pairs, scores, strict=True)):
        predicted = score >= threshold
        if predicted and not pair.label:
            groups["false positive"].append(index)
        elif not predicted and pair.label:
            groups["false negative"].append(index)
        else:
            groups["correct"].append(index)
    table = {cue: {group: sum(1 for i in members if test(pairs[i], scores[i]))
                   for group, members in groups.items()} for cue, test in tests.items()}

    def lemmas(pair: MsrpPair) -> tuple[frozenset[str], frozenset[str]]:
        return views[pair.text1].lemmas, views[pair.text2].lemmas

    shared = {group: _mean([len(a & b) for a, b in (lemmas(pairs[i]) for i in members)])
              for group, members in groups.items()}
    unshared = {group: _mean([len(a ^ b) for a, b in (lemmas(pairs[i]) for i in members)])
                for group, members in groups.items()}
    return {"threshold": threshold, "sizes": {g: len(m) for g, m in groups.items()},
            "cues": table, "mean_shared_lemmas": shared, "mean_unshared_lemmas": unshared}


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def run_msrp(root: Path, limit: int | None, cache: Path | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    train = read_msrp(root / "msrp" / MSRP_TRAIN, limit)
    test = read_msrp(root / "msrp" / MSRP_TEST, limit)
    texts = sorted({p.text1 for p in train + test} | {p.text2 for p in train + test})
    log(f"MSRP: {len(train)} train / {len(test)} test pairs, {len(texts)} unique sentences")
    cues = parse_cues(texts, cache)
    views = views_of(cues)
    parsed = time.perf_counter()

    def fact_scores(pairs: Sequence[MsrpPair]) -> list[float]:
        weights = split_weights(pairs, cues)
        return [align.fact_similarity(views[p.text1], views[p.text2], weights) for p in pairs]

    def dice_scores(pairs: Sequence[MsrpPair]) -> list[float]:
        idf = split_idf(pairs, cues)
        return [align.lemma_dice(views[p.text1].lemmas, views[p.text2].lemmas, idf)
                for p in pairs]

    def overlap_scores(pairs: Sequence[MsrpPair]) -> list[float]:
        return [jaccard(token_set(p.text1), token_set(p.text2)) for p in pairs]

    train_labels = [p.label for p in train]
    test_labels = [p.label for p in test]
    scored_at = time.perf_counter()
    train_fact, test_fact = fact_scores(train), fact_scores(test)
    fact_seconds = time.perf_counter() - scored_at
    train_dice, test_dice = dice_scores(train), dice_scores(test)
    train_overlap, test_overlap = overlap_scores(train), overlap_scores(test)
    tuned = best_threshold(train_fact, train_labels)
    dice_tuned = best_threshold(train_dice, train_labels)
    overlap_tuned = best_threshold(train_overlap, train_labels)
    majority = 1 if sum(train_labels) * 2 >= len(train_labels) else 0
    rows = {
        "storyline fact_similarity, FACT_THRESHOLD (default)": (
            align.FACT_THRESHOLD, evaluate(train_fact, train_labels, align.FACT_THRESHOLD),
            evaluate(test_fact, test_labels, align.FACT_THRESHOLD)),
        "storyline fact_similarity, threshold re-tuned on train": (
            tuned, evaluate(train_fact, train_labels, tuned),
            evaluate(test_fact, test_labels, tuned)),
        "previous default: IDF-weighted lemma Dice, tuned on train": (
            dice_tuned, evaluate(train_dice, train_labels, dice_tuned),
            evaluate(test_dice, test_labels, dice_tuned)),
        "baseline: token Jaccard, threshold tuned on train": (
            overlap_tuned, evaluate(train_overlap, train_labels, overlap_tuned),
            evaluate(test_overlap, test_labels, overlap_tuned)),
        f"baseline: always {'paraphrase' if majority else 'not paraphrase'}": (
            math.nan, evaluate([float(majority)] * len(train), train_labels, 0.5),
            evaluate([float(majority)] * len(test), test_labels, 0.5)),
    }
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    short = sum(1 for p in test if min(len(views[p.text1].lemmas), len(views[p.text2].lemmas))
                < fact_units.MIN_FACT_LEMMAS)
    return {
        "pairs": {"train": len(train), "test": len(test),
                  "test_paraphrase_share": _mean([float(y) for y in test_labels])},
        "fact_threshold": align.FACT_THRESHOLD,
        "best_train_threshold": tuned,
        "overlap_best_train_threshold": overlap_tuned,
        "model": {"features": len(model["features"]), "l2": model["l2"],
                  "train_cv_accuracy": model["cv_accuracy"]},
        "results": {name: {"threshold": None if math.isnan(t) else t,
                           "train": _asdict(tr), "test": _asdict(te)}
                    for name, (t, tr, te) in rows.items()},
        "test_pairs_below_min_fact_lemmas": short,
        "train_error_analysis": error_analysis(train, cues, views, train_fact,
                                               align.FACT_THRESHOLD),
        "seconds": {"parse": round(parsed - started, 1),
                    "fact_similarity_per_pair_ms": round(
                        1000 * fact_seconds / max(1, len(train) + len(test)), 3),
                    "total": round(time.perf_counter() - started, 1)},
    }


def _asdict(scores: Scores) -> dict[str, float]:
    return {"accuracy": round(scores.accuracy, 4), "precision": round(scores.precision, 4),
            "recall": round(scores.recall, 4), "f1": round(scores.f1, 4)}


# == Part 2: ECB+ summary coverage ===================================================


@dataclass(frozen=True, slots=True)
class Brief:
    """A summary as text plus the article spans it rests on."""

    sentences: tuple[str, ...]
    spans: tuple[tuple[str, int, int], ...]

    @property
    def words(self) -> int:
        return sum(len(s.split()) for s in self.sentences)

    @property
    def text(self) -> str:
        return " ".join(" ".join(s.split()) for s in self.sentences)


def _surface_pattern(surface: str) -> re.Pattern[str] | None:
    if not content_words(surface):
        return None  # "he", "it", "said": would match any text
    return re.compile(r"(?<!\w)" + re.escape(" ".join(surface.split())) + r"(?!\w)",
                      re.IGNORECASE)


def mentioned(element: CoreElement, brief: Brief) -> tuple[bool, bool]:
    """(found by surface string, found by an overlapping cited span)."""
    text = brief.text
    by_text = any(p.search(text) for p in (_surface_pattern(s) for s in element.surfaces)
                  if p is not None)
    by_span = any(doc == cited and start < cited_end and cited_start < end
                  for doc, start, end in element.spans
                  for cited, cited_start, cited_end in brief.spans)
    return by_text, by_span


def lead_brief(document: EcbDocument, budget: int) -> Brief:
    """The document's first `budget` words: whole sentences, the last one cut to fit.

    The lead gets exactly as many words as the brief it is compared with (fewer only
    when the document is shorter); stopping at the last whole sentence instead gave it
    about 20% fewer words than Storyline's brief.
    """
    sentences: list[str] = []
    spans: list[tuple[str, int, int]] = []
    used = 0
    for start, end in document.sentences:
        if used >= budget:
            break
        text = document.text[start:end]
        tokens = text.split()
        if used + len(tokens) > budget:
            end = start + len(" ".join(tokens[:budget - used]))  # tokens are single-spaced
            text = document.text[start:end]
        sentences.append(text)
        spans.append((document.name, start, end))
        used += len(text.split())
    return Brief(tuple(sentences), tuple(spans))


def citation_validity(summary: Sequence[dict[str, Any]], texts: dict[str, str],
                      groups: Sequence[Sequence[Span]] = ()) -> tuple[int, int]:
    """(sentences every one of whose citations supports them, sentences).

    Each citation is checked on its own (`summary.unsupported_citation`): the first is the
    sentence itself; another is a span of the sentence's fact group or one of the
    aligner's near matches of it (`groups`: the paraphrase model's call) agreeing on
    "not", or states every name, number and content word of the sentence up
    to inflection. The union of the spans proves nothing: it always holds the first.
    """
    valid = 0
    for sentence in summary:
        spans = [Span(c["article"], c["start"], c["end"]) for c in sentence["citations"]]
        group = _fact_group(spans[0], groups) if spans else ()
        if spans and not any(unsupported_citation(sentence["text"], span, texts, group=group,
                                                  first=index == 0)
                             for index, span in enumerate(spans)):
            valid += 1
    return valid, len(summary)


def _fact_group(span: Span, groups: Sequence[Sequence[Span]]) -> tuple[Span, ...]:
    """The spans of every group holding `span` (the span a sentence quotes; one sentence
    may stand in two facts)."""
    return tuple(e for group in groups
                 if any(e.article == span.article and e.start <= span.start < span.end <= e.end
                        for e in group)
                 for e in group)


def fact_groups(inputs: dict[str, Any]) -> list[tuple[Span, ...]]:
    """Per fact handed to `summarize`, its evidence and the aligner's near matches."""
    support = inputs.get("support", ())
    return [(*fact.evidence, *(support[i] if i < len(support) else ()))
            for i, fact in enumerate(inputs.get("facts", ()))]


@contextmanager
def summary_inputs() -> Iterator[dict[str, Any]]:
    """Record what the pipeline hands `summarize` (facts, articles, sources, support)."""
    seen: dict[str, Any] = {}
    original = pipeline.summarize

    def recording(facts: Any, positions: Any, articles: Any, sources: Any,
                  **options: Any) -> Any:
        seen.update(facts=facts, articles=articles, sources=sources,
                    support=options.get("support", ()))
        return original(facts, positions, articles, sources, **options)

    pipeline.summarize = recording
    try:
        yield seen
    finally:
        pipeline.summarize = original


def oracle_brief(elements: Sequence[CoreElement], inputs: dict[str, Any],
                 budget: int) -> tuple[Brief, int]:
    """The ceiling: a greedy pick over Storyline's candidate sentences that knows the gold
    elements (most new elements first, the shorter on a tie), within `budget` words.
    Returns the brief and how many elements it mentions."""
    candidates = candidate_sentences(inputs["facts"], inputs["articles"], inputs["sources"],
                                     support=inputs["support"])
    found = []
    for sentence in candidates.values():
        alone = Brief((sentence.text,), tuple((c.article, c.start, c.end)
                                              for c in sentence.citations))
        found.append((alone, {k for k, e in enumerate(elements) if any(mentioned(e, alone))}))
    got: set[int] = set()
    picked: list[Brief] = []
    while True:
        room = budget - sum(b.words for b in picked)
        fitting = [(len(hits - got), -alone.words, k) for k, (alone, hits) in enumerate(found)
                   if alone.words <= room and hits - got]
        if not fitting:
            break
        alone, hits = found[max(fitting)[2]]
        picked.append(alone)
        got |= hits
    brief = Brief(tuple(s for b in picked for s in b.sentences),
                  tuple(c for b in picked for c in b.spans))
    return brief, sum(1 for e in elements if any(mentioned(e, brief)))


def run_cluster(cluster: EventCluster, *, oracle: bool = False) -> dict[str, Any]:
    articles = []
    for document in cluster.documents:
        article = make_article(id=document.name, source=f"ecbplus:{document.name}",
                               text=document.text)
        if article.text != document.text:
            raise ValueError(f"{document.name}: text changed on ingest; offsets would shift")
        articles.append(article)
    started = time.perf_counter()
    elements = core_elements(cluster)
    try:
        with summary_inputs() as inputs:
            dossier = build_dossier(single_story(articles), articles)
    except Exception as exc:  # a Storyline crash is a result to report, not a reason to stop
        log(f"  {cluster.name}: storyline failed: {exc!r}")
        return {"cluster": cluster.name, "topic": cluster.topic,
                "documents": len(cluster.documents), "core_elements": len(elements),
                "error": f"{type(exc).__name__}: {exc}",
                "seconds": round(time.perf_counter() - started, 1)}
    seconds = time.perf_counter() - started
    summary = dossier["summary"]
    storyline = Brief(tuple(s["text"] for s in summary),
                      tuple((c["article"], c["start"], c["end"])
                            for s in summary for c in s["citations"]))
    lead = lead_brief(cluster.documents[0], storyline.words)
    result: dict[str, Any] = {
        "cluster": cluster.name, "topic": cluster.topic, "documents": len(cluster.documents),
        "core_elements": len(elements),
        "core_by_category": dict(Counter(e.category for e in elements)),
        "seconds": round(seconds, 1),
    }
    texts = {a.id: a.text for a in articles}
    # What the agreement stage made of the cluster: a guard against false disputes.
    result["facts_by_agreement"] = dict(Counter(f["agreement"] for f in dossier["facts"]))
    result["conflicting_facts"] = [f["text"] for f in dossier["facts"]
                                   if f["agreement"] == "conflicting"]
    result["divergence_topics"] = [d["topic"] for d in dossier["divergences"]]
    valid, total = citation_validity(summary, texts, fact_groups(inputs))
    result["citations_valid"], result["summary_sentences"] = valid, total
    for name, brief in (("storyline", storyline), ("lead", lead)):
        found = [mentioned(e, brief) for e in elements]
        result[name] = {
            "words": brief.words, "sentences": len(brief.sentences),
            "mentioned": sum(1 for t, s in found if t or s),
            "mentioned_by_text": sum(1 for t, _s in found if t),
            "mentioned_by_category": dict(Counter(
                e.category for e, (t, s) in zip(elements, found, strict=True) if t or s)),
        }
    if oracle:
        best, hits = oracle_brief(elements, inputs, DEFAULT_WORDS)
        result["oracle"] = {
            "words": best.words, "sentences": len(best.sentences), "mentioned": hits,
            "lead_same_words": sum(1 for e in elements if any(
                mentioned(e, lead_brief(cluster.documents[0], best.words)))),
            "lead_full_length": sum(1 for e in elements if any(
                mentioned(e, lead_brief(cluster.documents[0], DEFAULT_WORDS)))),
        }
    return result


def coverage_summary(all_results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    failed = [r for r in all_results if "error" in r]
    results = [r for r in all_results if "error" not in r]
    scored = [r for r in results if r["core_elements"]]
    out: dict[str, Any] = {"clusters": len(all_results), "clusters_scored": len(scored),
                           "failed": [{"cluster": r["cluster"], "error": r["error"],
                                       "core_elements": r["core_elements"]} for r in failed],
                           "documents": sum(r["documents"] for r in results),
                           "core_elements": sum(r["core_elements"] for r in scored)}
    for name in ("storyline", "lead"):
        macro = _mean([r[name]["mentioned"] / r["core_elements"] for r in scored])
        text_only = _mean([r[name]["mentioned_by_text"] / r["core_elements"] for r in scored])
        micro = (sum(r[name]["mentioned"] for r in scored) / out["core_elements"]
                 if out["core_elements"] else 0.0)
        categories = {}
        for category in CATEGORIES:
            total = sum(r["core_by_category"].get(category, 0) for r in scored)
            hit = sum(r[name]["mentioned_by_category"].get(category, 0) for r in scored)
            categories[category] = {"elements": total,
                                    "coverage": hit / total if total else None}
        out[name] = {"coverage": macro, "coverage_text_only": text_only,
                     "coverage_pooled": micro,
                     "mean_words": _mean([r[name]["words"] for r in results]),
                     "by_category": categories}
    lead = out["lead"]["coverage"]
    out["ratio"] = out["storyline"]["coverage"] / lead if lead else None
    lead_text = out["lead"]["coverage_text_only"]
    out["ratio_text_only"] = (out["storyline"]["coverage_text_only"] / lead_text
                              if lead_text else None)
    if scored and all("oracle" in r for r in scored):
        def share(key: str) -> float:
            return _mean([r["oracle"][key] / r["core_elements"] for r in scored])
        oracle = share("mentioned")
        out["oracle"] = {"coverage": oracle, "lead_same_words": share("lead_same_words"),
                         "lead_full_length": share("lead_full_length"),
                         "mean_words": _mean([r["oracle"]["words"] for r in scored]),
                         "mean_sentences": _mean([r["oracle"]["sentences"] for r in scored])}
        for key in ("lead_same_words", "lead_full_length"):
            lead_share = out["oracle"][key]
            out["oracle"][f"ratio_{key}"] = oracle / lead_share if lead_share else None
    valid = sum(r["citations_valid"] for r in results)
    total = sum(r["summary_sentences"] for r in results)
    out["citation_validity"] = {"valid": valid, "sentences": total,
                                "share": valid / total if total else None}
    out["pipeline_seconds"] = round(sum(r["seconds"] for r in all_results), 1)
    # Failed clusters counted as zero coverage for Storyline (and skipped for lead).
    counted = scored + [r for r in failed if r["core_elements"]]
    out["storyline"]["coverage_failures_as_zero"] = _mean(
        [r["storyline"]["mentioned"] / r["core_elements"] if "error" not in r else 0.0
         for r in counted])
    return out


def run_summary(root: Path, limit: int | None, topics: str, *,
                oracle: bool = False) -> dict[str, Any]:
    splits = {"test": TEST_TOPICS, "tuning": TUNING_TOPICS}
    chosen = ["test", "tuning"] if topics == "both" else [topics]
    out: dict[str, Any] = {}
    load_nlp()
    for split in chosen:
        started = time.perf_counter()
        clusters = read_clusters(root, splits[split], limit)
        log(f"ECB+ {split}: {len(clusters)} event clusters, "
            f"{sum(len(c.documents) for c in clusters)} documents")
        results = []
        for index, cluster in enumerate(clusters, start=1):
            results.append(run_cluster(cluster, oracle=oracle))
            log(f"  {split} {index}/{len(clusters)} clusters "
                f"({time.perf_counter() - started:.0f}s)")
        out[split] = {"summary": coverage_summary(results), "clusters": results,
                      "seconds": round(time.perf_counter() - started, 1)}
    return out


# == Output ==========================================================================


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def msrp_markdown(result: dict[str, Any]) -> str:
    pairs = result["pairs"]
    parts = [f"## MSRP paraphrase decision (test: {pairs['test']} pairs, "
             f"{_pct(pairs['test_paraphrase_share'])} paraphrases; tuning: train, "
             f"{pairs['train']} pairs)", ""]
    rows = []
    for name, item in result["results"].items():
        threshold = "-" if item["threshold"] is None else f"{item['threshold']:.3f}"
        test, train = item["test"], item["train"]
        rows.append([name, threshold, f"{test['accuracy']:.3f}", f"{test['precision']:.3f}",
                     f"{test['recall']:.3f}", f"{test['f1']:.3f}",
                     f"{train['accuracy']:.3f}", f"{train['f1']:.3f}"])
    parts.append(table(["method", "threshold", "test acc", "test P", "test R", "test F1",
                        "train acc", "train F1"], rows))
    parts += ["", "Target: test accuracy >= 0.78. Best train threshold for fact_similarity: "
              f"{result['best_train_threshold']:.3f} (FACT_THRESHOLD = "
              f"{result['fact_threshold']}). Test pairs where a side has fewer than "
              f"fact_units.MIN_FACT_LEMMAS content lemmas (never aligned in the pipeline): "
              f"{result['test_pairs_below_min_fact_lemmas']}.", ""]
    analysis = result["train_error_analysis"]
    sizes = analysis["sizes"]
    parts.append(f"### TRAIN error analysis at FACT_THRESHOLD = {analysis['threshold']} "
                 f"({sizes['false positive']} false positives, "
                 f"{sizes['false negative']} false negatives, {sizes['correct']} correct)")
    parts.append("")
    rows = []
    for cue, counts in analysis["cues"].items():
        rows.append([cue] + [f"{counts[g]} ({_pct(counts[g] / sizes[g] if sizes[g] else 0)})"
                             for g in ("false positive", "false negative", "correct")])
    rows.append(["mean shared content lemmas"] + [
        f"{analysis['mean_shared_lemmas'][g]:.1f}"
        for g in ("false positive", "false negative", "correct")])
    rows.append(["mean unshared content lemmas"] + [
        f"{analysis['mean_unshared_lemmas'][g]:.1f}"
        for g in ("false positive", "false negative", "correct")])
    parts.append(table(["cue", "false positives", "false negatives", "correct"], rows))
    seconds = result["seconds"]
    model = result["model"]
    parts += ["", f"Scorer: logistic regression over {model['features']} features, L2 "
              f"{model['l2']}, train 5-fold CV accuracy {model['train_cv_accuracy']:.3f}. "
              f"fact_similarity costs {seconds['fact_similarity_per_pair_ms']:.3f} ms per pair. "
              f"Runtime: {seconds['total']:.0f}s ({seconds['parse']:.0f}s spaCy parsing)."]
    return "\n".join(parts)


def summary_markdown(result: dict[str, Any]) -> str:
    parts = []
    for split, item in result.items():
        s = item["summary"]
        topics = "36-45" if split == "test" else "1-35"
        parts += [f"## ECB+ summary coverage, {split} topics {topics} "
                  f"({s['clusters_scored']} of {s['clusters']} event clusters scored, "
                  f"{s['documents']} documents, {s['core_elements']} core elements)", ""]
        rows = []
        for name in ("storyline", "lead"):
            c = s[name]
            rows.append([name, _pct(c["coverage"]), _pct(c["coverage_text_only"]),
                         _pct(c["coverage_pooled"]), f"{c['mean_words']:.0f}"]
                        + [_pct(c["by_category"][k]["coverage"]) for k in CATEGORIES])
        ratio = "n/a" if s["ratio"] is None else f"{s['ratio']:.2f}x"
        ratio_text = "n/a" if s["ratio_text_only"] is None else f"{s['ratio_text_only']:.2f}x"
        rows.append(["ratio storyline / lead", ratio, ratio_text, "", "", "", "", "", ""])
        parts.append(table(["brief", "coverage (mean over clusters)", "text match only",
                            "pooled", "mean words"] + list(CATEGORIES), rows))
        validity = s["citation_validity"]
        if s["failed"]:
            names = ", ".join(f"{f['cluster']} ({f['error'][:70]})" for f in s["failed"])
            parts += ["", f"**Storyline crashed on {len(s['failed'])} cluster(s), left out of "
                      f"both rows above: {names}.** Counting them as 0 coverage for Storyline: "
                      f"{_pct(s['storyline']['coverage_failures_as_zero'])}."]
        elements = ", ".join(f"{k} {s['storyline']['by_category'][k]['elements']}"
                             for k in CATEGORIES)
        if "oracle" in s:
            o = s["oracle"]
            parts += ["", f"Ceiling (greedy over the same candidates, knowing the gold "
                      f"elements, at most {DEFAULT_WORDS} words): {_pct(o['coverage'])} in "
                      f"{o['mean_words']:.0f} words ({o['mean_sentences']:.1f} sentences); "
                      f"lead at the same words {_pct(o['lead_same_words'])} = "
                      f"{o['ratio_lead_same_words']:.2f}x, lead at {DEFAULT_WORDS} words "
                      f"{_pct(o['lead_full_length'])} = {o['ratio_lead_full_length']:.2f}x."]
        parts += ["", f"Target: storyline >= 1.5x lead. Core elements by category: "
                  f"{elements}. Citation validity: {validity['valid']}/{validity['sentences']} "
                  f"summary sentences ({_pct(validity['share'])}) are supported by each of their "
                  f"citations (must be 100%). Runtime: {item['seconds']:.0f}s.",
                  ""]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("msrp", "summary", "both"), default="both")
    parser.add_argument("--topics", choices=("test", "tuning", "both"), default="both",
                        help="ECB+ topics for the summary part (default: both)")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most N pairs per MSRP file and N event clusters per ECB+ split")
    parser.add_argument("--oracle", action="store_true",
                        help="also report the summary's ceiling (greedy, knowing the gold)")
    parser.add_argument("--json", type=Path, default=None, help="write all results here")
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of the parsed MSRP strings (made if missing)")
    args = parser.parse_args(argv)
    root = data_root()
    if not root.is_dir():
        print(f"skipped: evaluation data not found at {root}")
        return 0
    started = time.perf_counter()
    output: dict[str, Any] = {"data": str(root), "limit": args.limit}
    if args.part in ("msrp", "both"):
        if (root / "msrp" / MSRP_TRAIN).is_file():
            output["msrp"] = run_msrp(root, args.limit, args.cache)
            print(msrp_markdown(output["msrp"]), end="\n\n", flush=True)
        else:
            print(f"skipped MSRP: {root / 'msrp'} not found\n")
    if args.part in ("summary", "both"):
        if (root / "ecbplus").is_dir():
            output["summary"] = run_summary(root, args.limit, args.topics,
                                            oracle=args.oracle)
            print(summary_markdown(output["summary"]), flush=True)
        else:
            print(f"skipped ECB+: {root / 'ecbplus'} not found\n")
    output["seconds"] = round(time.perf_counter() - started, 1)
    print(f"Total runtime: {output['seconds']:.0f}s.")
    if args.json:
        args.json.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
