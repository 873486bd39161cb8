"""Tests for storyline/spinning.py: the spinner phrase list and the fitted single-article
spun detector."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from storyline import spinning, wording
from storyline.spinning import (
    ARTICLE_FEATURES,
    VECTOR_FEATURES,
    WORD_FEATURES,
    article_features,
    assess_spin,
    find_spin_phrases,
    is_spun_alone,
    load_model,
    word_evidence,
    word_log_odds,
)
from tests.test_provenance import FLOOD, ORIGINAL, _flood_spun


def _words(model: spinning.SpinModel, text: str) -> list[spinning.WordEvidence]:
    """The word evidence the model reads (with the vector features when it uses them)."""
    return word_evidence(text, vectors=model.vectors)


def test_a_digit_before_a_unit_is_reported_with_its_word_as_the_likely_original() -> None:
    # "[2-9] weeks" is a weak hit whose original spells the digit out (text.NUMBER_WORDS).
    spelled = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for digit, word in enumerate(spelled, start=2):
        hits = find_spin_phrases(f"The Kelso ferry pier shut for {digit} weeks in spring.")
        assert [(h["phrase"], h["likely_original"], h.get("weak")) for h in hits] == \
            [(f"{digit} weeks", f"{word} weeks", True)]


def test_spin_phrases_report_likely_originals() -> None:
    hits = find_spin_phrases("The top minister held a press convention on counterfeit "
                             "consciousness.")
    originals = {h["likely_original"] for h in hits}
    assert {"prime minister", "press conference", "artificial intelligence"} <= originals
    assert is_spun_alone(hits, 12)
    assert not is_spun_alone(find_spin_phrases(ORIGINAL), 200)


def test_packaged_model_matches_the_feature_lists() -> None:
    model = load_model()
    assert model is not None
    extra = len(VECTOR_FEATURES) if model.vectors else 0
    assert len(model.word_weights) == len(WORD_FEATURES) + extra + 1
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
        item = next(w for w in _words(model, text) if text[w.start:w.end] == word)
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
    low = article_features(model, _words(model, spelled), spelled)
    high = article_features(model, _words(model, digits), digits)
    names = list(ARTICLE_FEATURES)
    assert high[names.index("small_digits")] == 2 and low[names.index("small_digits")] == 0
    assert high[names.index("digit_share")] == 1.0 and low[names.index("digit_share")] == 0.0
    assert high[names.index("spelled_numbers")] == 0 and low[names.index("spelled_numbers")] == 1
    a, b = assess_spin(digits), assess_spin(spelled)
    assert a is not None and b is not None and a.score > b.score
    # Scores, times and amounts are not small numbers written as digits.
    plain = "The team won 3-2 at 7 p.m. and paid $5 for 4% more, on page 2.5."
    assert article_features(model, _words(model, plain), plain)[names.index("loose_digits")] == 0


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


def test_primary_synonyms_share_a_usual_sense_of_theirs() -> None:
    from storyline.wording import stand_ins

    usual = stand_ins("tidings", primary=True)
    assert "news" in usual and usual <= stand_ins("tidings")
    # "intelligence" means "news" only in a rare sense of its own: a synonym, not a primary one
    assert "intelligence" in stand_ins("tidings") and "intelligence" not in usual


def test_a_pair_repaired_by_a_usual_sense_is_its_own_evidence() -> None:
    def primary(text: str, word: str) -> dict[str, float]:
        item = next(w for w in word_evidence(text) if text[w.start:w.end] == word)
        return {name: item.features[WORD_FEATURES.index(name)]
                for name in WORD_FEATURES if "primary" in name}

    spun = primary("The mayor held a tidings conference at noon.", "tidings")
    assert spun["right_primary_gain_10x"] == 1.0 and spun["right_primary_gain"] > 1
    real = primary("The mayor held a news conference at noon.", "news")
    assert real["right_primary_gain_10x"] == 0.0 and real["left_primary_gain_10x"] == 0.0
    # The suspect names the pair the usual sense repairs.
    found = assess_spin("The mayor held a tidings conference at noon.")
    assert found is not None and ("tidings", "news conference") in {
        (h.word, h.likely) for h in found.suspects}


# Fictional sentences with "a"/"an" that only spelling would call wrong.
PLAIN_ARTICLES = (
    "An FBI agent, an MP, an SUV driver, a US envoy, an NHS nurse and an LGBT group met a "
    "European and a Ukrainian delegate, a uniformed guard read a eulogy and an honourable "
    "member spoke.")


def test_articles_that_only_look_wrong_are_not_misfits() -> None:
    from storyline.spinning import article_mismatches

    assert article_mismatches(PLAIN_ARTICLES) == []
    # A single capital letter is read by its name too, also in tokenised text.
    assert article_mismatches("Ms Orr, a U.S. citizen, met an L . A producer.") == []
    # Spelled out, so that three false misfits alone (capped) would tip it over.
    real = assess_spin(PLAIN_ARTICLES + " Three people were hurt.")
    assert real is not None and real.mismatches == () and not real.spun


def test_accented_words_are_whole_words_and_not_scored() -> None:
    from storyline.wording import word_runs

    text = "The café owner in Zürich told reporters that Ms Várady said Smith waited."
    words = [word for run in word_runs(text) for _, _, word in run]
    assert "caf" not in words and "rich" not in words and "z" not in words
    assert not {"café", "zürich", "várady", "smith", "ms"} & set(words)
    assert ["told", "reporters", "that"] in [[w for _, _, w in run] for run in word_runs(text)]
    scored = {text[w.start:w.end] for w in word_evidence(text)}
    assert scored == {"owner", "told", "reporters", "said", "waited"}


def test_digits_news_writes_as_digits_are_not_counted() -> None:
    from storyline.wording import small_digits

    model = load_model()
    assert model is not None
    loose = list(ARTICLE_FEATURES).index("loose_digits")
    labels = ("Under Section 2 of the act, Game 4 and Flight 7 were moved; the vote was 5 to 4 "
              "and the score 3-2. On 3 June a 6 ft wall and a 2 in pipe were fixed. Lane 4 "
              "is shut, and Chapter 7 left open. A magnitude 4 tremor and a category 3 storm "
              "hit at 7 p . m . after a 2 hr 5 min delay.")
    assert small_digits(labels) == []
    assert article_features(model, _words(model, labels), labels)[loose] == 0
    counts = "Only 3 people came, 2 men left and 4 were hurt in 2 days."
    found = [counts[s:e] for s, e in small_digits(counts)]
    assert found == ["3 people", "2 men", "4 were", "2 days"]
    assert article_features(model, _words(model, counts), counts)[loose] == 4


def test_numbers_split_by_tokenising_are_not_counts() -> None:
    # Tokenised text (fictional) spaces out decimals, times, fractions and thousands.
    model = load_model()
    assert model is not None
    loose = list(ARTICLE_FEATURES).index("loose_digits")
    split = ("A 4 . 6 - magnitude tremor woke Port Alder at 5 : 40 am ; about 2 , 500 homes "
             "lost power and 3 / 4 of the roads shut . It was the worst since Jan. 7 "
             "( Jul . 9 in tokenised feeds ) .")
    assert article_features(model, _words(model, split), split)[loose] == 0
    # A list of counts is still counts: "4, 5 or 6" is three small numbers.
    listed = "The Port Alder ferry took 4, 5 or 6 hours ."
    assert article_features(model, _words(model, listed), listed)[loose] == 3
def test_repair_pair_uses_the_synonyms_it_is_given() -> None:
    from storyline.wording import repair_pair, word_runs

    run = word_runs("weighty traffic")[0]
    assert repair_pair(run, 0) == "heavy traffic"
    assert repair_pair(run, 0, candidates=frozenset()) is None
    assert repair_pair(run, 0, candidates=frozenset({"heavy", "light"})) == "heavy traffic"


def test_cross_validation_separates_only_what_can_be_separated() -> None:
    import sys

    import numpy as np

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    try:
        from fit_spun_model import cross_validate
    finally:
        sys.path.pop(0)
    rng = np.random.default_rng(0)
    text = "The harbour council of Varnholt met on a quiet evening to discuss the ferry."

    def rows(shift: float) -> list[dict[str, object]]:
        made: list[dict[str, object]] = []
        for number in range(80):
            for strength in (0.0, 0.3):
                x = rng.normal(size=(40, len(WORD_FEATURES)))
                y = np.zeros(40)
                if strength:
                    y[:12] = 1
                    x[:12, 0] += shift  # the swapped words differ in one feature
                made.append({"key": f"fictional/{number}", "strength": strength,
                             "text": text, "X": x, "y": y})
        return made

    separable = cross_validate(rows(4.0), quantiles=(99.0,))
    blind = cross_validate(rows(0.0), quantiles=(99.0,))
    assert separable["recall_at_99.0"] > 0.9
    assert blind["recall_at_99.0"] < 0.2


def _fictional_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A three-word vector table: "priest" close to "minister", "lantern" far from both."""
    import numpy as np
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    unit = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]], dtype=np.float32)
    table = wording._Vectors(unit, {hash_string(w): row for row, w in
                                    enumerate(("minister", "priest", "lantern"))})
    for cached in (wording.vector_row, wording._content_partners):
        cached.cache_clear()
    monkeypatch.setattr(wording, "_word_vectors", lambda: table)


def test_a_word_close_in_meaning_repairs_a_pair_wordnet_cannot(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _fictional_vectors(monkeypatch)
    try:
        prime_minister = wording.pair_index()[0]["prime"]["minister"]
        # "priest" is close to "minister" (cosine 0.8): "prime minister" is the pair.
        assert wording.similar_partner_log("priest", "prime", True) == \
            pytest.approx(math.log10(prime_minister))
        assert wording.similar_partner_log("lantern", "prime", True) is None  # cosine 0
        assert wording.similar_partner_log("minister", "prime", True) is None  # itself
        [spun] = [w for w in word_evidence("The prime priest spoke.", vectors=True)
                  if w.start == 10]
        extra = spun.features[len(WORD_FEATURES):]
        assert len(extra) == len(VECTOR_FEATURES)
        assert extra[0] > 1 and extra[1] == 1.0 and extra[2:] == (0.0, 0.0)
        [usual] = [w for w in word_evidence("The prime minister spoke.", vectors=True)
                   if w.start == 10]
        assert usual.features[len(WORD_FEATURES):] == (0.0, 0.0, 0.0, 0.0)
    finally:
        wording.vector_row.cache_clear()
        wording._content_partners.cache_clear()


def test_the_vector_model_is_used_only_with_the_vectors(
        monkeypatch: pytest.MonkeyPatch) -> None:
    load_model.cache_clear()
    try:
        monkeypatch.setattr(spinning, "vectors_available", lambda: False)
        plain = load_model()
        assert plain is not None and not plain.vectors
        assert len(plain.word_weights) == len(WORD_FEATURES) + 1
        load_model.cache_clear()
        monkeypatch.setattr(spinning, "vectors_available", lambda: True)
        with_vectors = load_model()
        assert with_vectors is not None and with_vectors.vectors
        assert len(with_vectors.word_weights) == \
            len(WORD_FEATURES) + len(VECTOR_FEATURES) + 1
    finally:
        load_model.cache_clear()


@pytest.mark.skipif(not wording.vectors_available(), reason="word vectors not installed")
def test_installed_vectors_find_the_conference_behind_a_convention() -> None:
    # WordNet has no "conference" among the stand-ins of "convention"; the vectors do.
    assert "conference" not in spinning.stand_ins("convention") | \
        spinning.stand_ins("convention", related=True)
    text = "The harbour master of Varnholt held a press convention."
    [swapped] = [w for w in word_evidence(text, vectors=True)
                 if text[w.start:w.end] == "convention"]
    assert swapped.features[len(WORD_FEATURES)] > 1  # "press conference" is the pair


def test_words_inside_quotation_marks_are_no_swap_evidence() -> None:
    # A spinner's copy keeps a speaker's words as they were: the crews' sentence, quoted
    # here, is no evidence; the same words outside quotation marks still are.
    sentence = ("Emergency crews labored through the nighttime to pump water out of stores "
                "and dwellings along the waterfront.")
    quoted = _flood_spun().replace(sentence, "\u201c" + sentence[:-1] + ",\u201d a "
                                   "firefighter said.")
    assert quoted != _flood_spun()
    spun = assess_spin(quoted)
    assert spun is not None and spun.spun  # the verdict still reads every word
    inside = quoted.index(sentence[:-1])
    outside = [h for h in spun.suspects if not inside <= h.start < inside + len(sentence)]
    assert outside == list(spun.suspects)
    assert "dwellings" in {h.word for h in spun.suspects}  # its other use, unquoted
    unquoted = assess_spin(_flood_spun())
    assert unquoted is not None and "nighttime" in {h.word for h in unquoted.suspects}
