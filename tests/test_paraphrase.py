"""The fact scorer: fitted weights, paraphrase decisions, number and negation cues."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storyline import align
from storyline.paraphrase import (
    MODEL_PATH,
    SentenceView,
    load_model,
    pair_features,
    paraphrase_probability,
    sentence_view,
)

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _view(analyse: Any, text: str) -> SentenceView:
    analysis = analyse(text)
    lemmas = tuple(lemma for part in analysis.lemmas for lemma in part)
    tags = tuple(tag for cues in analysis.cues for tag in cues.tags)
    words = tuple(word for cues in analysis.cues for word in cues.words)
    links = tuple(link for cues in analysis.cues for link in cues.links)
    return sentence_view(text, lemmas, tags, words, links)


def _score(analyse: Any, a: str, b: str) -> float:
    """Probability with the IDF weights of a two-sentence story."""
    va, vb = _view(analyse, a), _view(analyse, b)
    weights = {lemma: 1.0 for lemma in va.lemmas ^ vb.lemmas}
    weights.update({lemma: 0.5 for lemma in va.lemmas & vb.lemmas})
    return align.fact_similarity(va, vb, weights)


def test_model_file_matches_the_feature_code() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    view = sentence_view("The council met on Friday.", ("council", "meet", "Friday"),
                         ("NOUN", "VERB", "PROPN"), ("the", "council", "meet", "on", "friday"))
    assert data["features"] == list(pair_features(view, view, {}))
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(
        data["features"])
    assert data["trained_on"]["corpus"] == "MSRP train"
    assert 0.3 <= align.FACT_THRESHOLD == data["threshold"] <= 0.7
    assert data["cv_accuracy"] >= 0.77  # the fit this file was written from


def test_paraphrase_scores_above_threshold_and_unrelated_below(analyse: Any) -> None:
    same = _score(analyse,
                  "The Orlen Valley dam was closed on Monday after engineers found a leak.",
                  "Engineers found a leak in the Orlen Valley dam, which was closed on Monday.")
    other = _score(analyse,
                   "The Orlen Valley dam was closed on Monday after engineers found a leak.",
                   "Residents of the Orlen Valley held a concert for the dam workers on Sunday.")
    assert same >= align.FACT_THRESHOLD > other


def test_extra_clause_lowers_the_score(analyse: Any) -> None:
    base = "The harbour authority fined the ferry operator 20,000 crowns."
    longer = ("The harbour authority fined the ferry operator 20,000 crowns, and the "
              "transport ministry said it would review every licence issued since March.")
    assert _score(analyse, base, longer) < _score(analyse, base, base)


def test_negation_and_number_conflicts_lower_the_score(analyse: Any) -> None:
    text = "The mayor said the tunnel would reopen in 14 days."
    negated = "The mayor said the tunnel would not reopen in 14 days."
    other_number = "The mayor said the tunnel would reopen in 30 days."
    assert _score(analyse, text, negated) < _score(analyse, text, text)
    a, b = _view(analyse, text), _view(analyse, other_number)
    weights = {lemma: 1.0 for lemma in a.lemmas | b.lemmas}
    conflict = paraphrase_probability(a, b, weights)
    assert conflict < paraphrase_probability(a, b, weights, ignore_numbers=True)
    assert pair_features(a, b, weights)["numbers_conflict"] == 1.0


def test_score_is_symmetric(analyse: Any) -> None:
    a = "Police closed the coast road near Tarvik after a landslide on Tuesday."
    b = "A landslide on Tuesday forced police to shut the coast road outside Tarvik."
    assert _score(analyse, a, b) == pytest.approx(_score(analyse, b, a))


def test_fitting_routine_recovers_a_known_rule() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from fit_fact_model import accuracy, fit_logistic, out_of_fold, predict
    finally:
        sys.path.remove(str(BENCHMARKS))
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 3))
    y = (x[:, 0] - 2 * x[:, 1] + 0.1 * rng.normal(size=600) > 0).astype(float)
    model = fit_logistic(x, y, l2=1.0)
    assert model[2][0] > 0 > model[2][1] and abs(model[2][2]) < abs(model[2][0])
    assert accuracy(predict(model, x), y, 0.5) > 0.95
    assert accuracy(out_of_fold(x, y, 1.0), y, 0.5) > 0.9


def test_model_probability_is_logistic() -> None:
    model = load_model()
    view = sentence_view("The council met on Friday.", ("council", "meet", "Friday"),
                         ("NOUN", "VERB", "PROPN"), ("the", "council", "meet", "on", "friday"))
    values = pair_features(view, view, {})
    z = model.bias + sum(w * (values[n] - m) / s for n, m, s, w in zip(
        model.features, model.mean, model.scale, model.weights, strict=True))
    assert model.probability(values) == pytest.approx(1 / (1 + np.exp(-z)))


@pytest.mark.slow
def test_msrp_sample_accuracy() -> None:
    """The whole chain (spaCy cues, views, weights) on real MSRP test pairs, when present."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from _alignment_data import MSRP_TEST, data_root, read_msrp
        from _msrp_views import parse_cues, split_weights, views_of
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = data_root() / "msrp" / MSRP_TEST
    if not path.is_file():
        pytest.skip(f"{path} not found")
    pairs = read_msrp(path, limit=500)
    cues = parse_cues(sorted({p.text1 for p in pairs} | {p.text2 for p in pairs}))
    views, weights = views_of(cues), split_weights(pairs, cues)
    correct = sum((align.fact_similarity(views[p.text1], views[p.text2], weights)
                   >= align.FACT_THRESHOLD) == bool(p.label) for p in pairs)
    # 0.776 on these 500 (and on all 1,725); the previous lemma Dice scored 0.744 here.
    assert correct / len(pairs) >= 0.76
