"""Tests for storyline/spinning.py: the fitted single-article spun detector."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import spinning
from storyline.spinning import (
    ARTICLE_FEATURES,
    WORD_FEATURES,
    article_features,
    assess_spin,
    load_model,
    word_evidence,
    word_log_odds,
)
from tests.test_provenance import FLOOD, _flood_spun


def test_packaged_model_matches_the_feature_lists() -> None:
    model = load_model()
    assert model is not None
    assert len(model.word_weights) == len(WORD_FEATURES) + 1
    assert len(model.article_weights) == len(ARTICLE_FEATURES) + 1
    assert 0 < model.word_prior < 1 and 0 < model.swap_rate < 1


def test_model_fitted_for_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(spinning.MODEL_PATH.read_text(encoding="utf-8"))
    data["word_features"] = data["word_features"][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_model(path) is None
    assert load_model(tmp_path / "missing.json") is None


def test_spun_text_is_flagged_with_likely_originals() -> None:
    spun = assess_spin(_flood_spun())
    assert spun is not None and spun.spun
    likely = {(h.word.lower(), h.likely) for h in spun.suspects}
    assert ("stated", "said the") in likely and "tidings" in {word for word, _ in likely}
    real = assess_spin(FLOOD)
    assert real is not None and not real.spun and real.score < spun.score


def test_a_broken_collocation_is_likelier_swapped_than_the_usual_one() -> None:
    model = load_model()
    assert model is not None

    def odds(text: str, word: str) -> float:
        item = next(w for w in word_evidence(text) if text[w.start:w.end] == word)
        return word_log_odds(model, item.features)

    assert odds("The minister informed journalists on Monday.", "journalists") > \
        odds("The minister told reporters on Monday.", "reporters")
    assert odds("Officials held a tidings conference.", "tidings") > \
        odds("Officials held a news conference.", "news")


def test_small_numbers_as_digits_raise_the_score() -> None:
    model = load_model()
    assert model is not None
    spelled = "Police arrested two men and three women after the match on Tuesday."
    digits = "Police arrested 2 men and 3 women after the match on Tuesday."
    low = article_features(model, word_evidence(spelled), spelled)
    high = article_features(model, word_evidence(digits), digits)
    names = list(ARTICLE_FEATURES)
    assert high[names.index("small_digits")] == 2 and low[names.index("small_digits")] == 0
    assert high[names.index("digit_share")] == 1.0 and low[names.index("digit_share")] == 0.0
    assert high[names.index("spelled_numbers")] == 0 and low[names.index("spelled_numbers")] == 1
    a, b = assess_spin(digits), assess_spin(spelled)
    assert a is not None and b is not None and a.score > b.score
    # Scores, times and amounts are not small numbers written as digits.
    plain = "The team won 3-2 at 7 p.m. and paid $5 for 4% more, on page 2.5."
    assert article_features(model, word_evidence(plain), plain)[names.index("loose_digits")] == 0


def test_without_a_model_there_is_no_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spinning, "load_model", lambda: None)
    assert assess_spin(_flood_spun()) is None


def test_an_article_that_no_longer_fits_its_word_is_evidence() -> None:
    from storyline.spinning import article_mismatches

    text = "Police made an capture after a attack, an hour after a university talk."
    spans = [text[s:e] for s, e in article_mismatches(text)]
    assert spans == ["an capture", "a attack"]  # "an hour", "a university" are English
    spun = assess_spin("The officers made an capture and a attack was reported.")
    assert spun is not None and len(spun.mismatches) == 2


def test_stand_ins_cover_irregular_forms_and_related_words() -> None:
    from storyline.wording import stand_ins

    assert "said" in stand_ins("stated")  # "stated" -> "state" ~ "say" -> "said"
    assert "killed" in stand_ins("slaughtered", related=True)
    assert "killed" not in stand_ins("slaughtered")  # broader word, not a synonym
