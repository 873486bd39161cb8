"""Do two sentences state the same fact? A small learned scorer over lexical cues.

Goes in: two sentences as `SentenceView`s (built from the NLP stage's content
lemmas and `SentenceCues`: parts of speech, every word's lemma, dependency
arcs) and IDF weights of the story's lemmas. Comes out: the probability that
the two are paraphrases.

The score is a logistic regression over cheap overlap features: IDF-weighted
lemma overlap in both directions, the unmatched IDF mass per part of speech,
word n-gram, content-lemma bigram, character n-gram and dependency-arc overlap,
the longest common word subsequence, length, numbers (agreeing, conflicting,
one side only), negation and proper names. Its weights live in
`data/fact_model.json`, fitted on the MSRP train split only by
`benchmarks/fit_fact_model.py`; nothing is downloaded and no model is loaded.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz.distance import LCSseq

from .text import NEGATIONS  # spaCy splits "cannot", so its lemmas never hold it

MODEL_PATH = Path(__file__).parent / "data" / "fact_model.json"
POS_CLASSES = ("PROPN", "NOUN", "VERB", "ADJ", "NUM")
WORD_NGRAMS = (1, 2, 3, 4)
CHAR_NGRAM = 4
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence as the scorer sees it; built once, compared many times."""

    lemmas: frozenset[str]  # content lemmas
    tags: dict[str, str]  # content lemma -> coarse part of speech
    grams: tuple[frozenset[tuple[str, ...]], ...]  # word-lemma n-grams, one set per n
    pairs: frozenset[tuple[str, str]]  # neighbouring content lemmas
    chars: frozenset[str]  # character n-grams of the lower-cased words
    numbers: frozenset[str]  # number tokens ("12", "9256.49")
    names: frozenset[str]  # proper-noun lemmas
    links: frozenset[str]  # dependency arcs between content lemmas
    negated: bool
    length: int  # words
    words: tuple[str, ...]  # word lemmas in text order


def sentence_view(text: str, lemmas: Sequence[str], tags: Sequence[str],
                  words: Sequence[str], links: Sequence[str] = ()) -> SentenceView:
    """Build a view from a sentence's text, content lemmas (with tags), word lemmas and
    dependency arcs (`models.SentenceCues`)."""
    tag_of = dict(zip(lemmas, tags, strict=False))
    grams = tuple(frozenset(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
                  for n in WORD_NGRAMS)
    flat = " ".join(WORD_RE.findall(text.lower()))
    chars = frozenset(flat[i:i + CHAR_NGRAM] for i in range(len(flat) - CHAR_NGRAM + 1))
    numbers = frozenset(w for w in words if any(ch.isdigit() for ch in w))
    names = frozenset(lemma for lemma, tag in tag_of.items() if tag == "PROPN")
    pairs = frozenset(zip(lemmas, lemmas[1:], strict=False))
    return SentenceView(frozenset(lemmas), tag_of, grams, pairs, chars, numbers, names,
                        frozenset(links), any(w in NEGATIONS for w in words), len(words),
                        tuple(words))


def idf_weights(document_frequency: dict[str, int], total: int) -> dict[str, float]:
    """IDF scaled to 0..1 (1 = a lemma of one sentence only), comparable across story sizes."""
    top = math.log(1 + max(1, total))
    return {item: math.log(1 + max(1, total) / count) / top
            for item, count in document_frequency.items()}


def _mass(items: frozenset[str], idf: dict[str, float]) -> float:
    return sum(idf.get(item, 1.0) for item in items)


def _coverage(a: frozenset[Any], b: frozenset[Any]) -> tuple[float, float]:
    """(smaller, larger) of the shares of `a` found in `b` and of `b` found in `a`."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    x, y = shared / len(a), shared / len(b)
    return min(x, y), max(x, y)


def _low_high(x: float, y: float) -> tuple[float, float]:
    return min(x, y), max(x, y)


def pair_features(a: SentenceView, b: SentenceView, idf: dict[str, float], *,
                  ignore_numbers: bool = False) -> dict[str, float]:
    """Symmetric similarity cues of two sentences (names match `fact_model.json`).

    `idf` maps lemmas to weights in 0..1 (missing lemmas weigh 1). With
    `ignore_numbers`, the number cues read as if the numbers agreed: "the same
    statement with other figures" (a divergence, not another fact).
    """
    features = _lemma_features(a, b, idf)
    features.update(_sequence_features(a, b))
    features.update(_number_features(a, b, ignore_numbers=ignore_numbers))
    features.update(_name_features(a, b))
    features["negation_mismatch"] = float(a.negated != b.negated)
    return features


def _lemma_features(a: SentenceView, b: SentenceView, idf: dict[str, float]
                    ) -> dict[str, float]:
    """IDF-weighted content-lemma overlap, and the unmatched mass per part of speech."""
    shared = a.lemmas & b.lemmas
    wa, wb, ws = _mass(a.lemmas, idf), _mass(b.lemmas, idf), _mass(shared, idf)
    features = {"dice": 2 * ws / (wa + wb) if wa + wb else 0.0}
    features["cover_min"], features["cover_max"] = _low_high(ws / wa if wa else 0.0,
                                                             ws / wb if wb else 0.0)
    features["unmatched_min"], features["unmatched_max"] = _low_high(
        math.log1p(wa - ws), math.log1p(wb - ws))
    features["unmatched_count_min"], features["unmatched_count_max"] = _low_high(
        len(a.lemmas) - len(shared), len(b.lemmas) - len(shared))
    left, right = _unmatched_by_tag(a, shared, idf), _unmatched_by_tag(b, shared, idf)
    for tag in POS_CLASSES:
        low, high = _low_high(math.log1p(left.get(tag, 0.0)), math.log1p(right.get(tag, 0.0)))
        features[f"unmatched_{tag.lower()}_min"] = low
        features[f"unmatched_{tag.lower()}_max"] = high
    return features


def _unmatched_by_tag(view: SentenceView, shared: frozenset[str], idf: dict[str, float]
                      ) -> dict[str, float]:
    masses: dict[str, float] = {}
    for lemma in view.lemmas - shared:
        tag = view.tags.get(lemma, "")
        masses[tag] = masses.get(tag, 0.0) + idf.get(lemma, 1.0)
    return masses


def _sequence_features(a: SentenceView, b: SentenceView) -> dict[str, float]:
    """Word and character n-gram overlap, dependency arcs, word order and length."""
    features: dict[str, float] = {}
    for n, grams_a, grams_b in zip(WORD_NGRAMS, a.grams, b.grams, strict=True):
        features[f"words{n}_min"], features[f"words{n}_max"] = _coverage(grams_a, grams_b)
    features["pairs_min"], features["pairs_max"] = _coverage(a.pairs, b.pairs)
    features["chars_min"], features["chars_max"] = _coverage(a.chars, b.chars)
    features["links_min"], features["links_max"] = _coverage(a.links, b.links)
    common = LCSseq.similarity(a.words, b.words)  # longest common word subsequence
    features["order_min"] = common / max(a.length, b.length, 1)
    features["order_max"] = common / max(min(a.length, b.length), 1)
    features["length_ratio"] = min(a.length, b.length) / max(a.length, b.length, 1)
    features["length_gap"] = math.log1p(abs(a.length - b.length))
    return features


def _name_features(a: SentenceView, b: SentenceView) -> dict[str, float]:
    names = len(a.names) + len(b.names)
    features = {"names_unshared": math.log1p(len(a.names ^ b.names)),
                "names_dice": 2 * len(a.names & b.names) / names if names else 0.0}
    features["names_only_min"], features["names_only_max"] = _low_high(
        len(a.names - b.names), len(b.names - a.names))
    return features


def _number_features(a: SentenceView, b: SentenceView, *, ignore_numbers: bool
                     ) -> dict[str, float]:
    both = bool(a.numbers) and bool(b.numbers)
    conflict = both and a.numbers != b.numbers and not ignore_numbers
    only_a, only_b = (0, 0) if ignore_numbers else (len(a.numbers - b.numbers),
                                                     len(b.numbers - a.numbers))
    return {"numbers_conflict": float(conflict),
            "numbers_only_min": float(min(only_a, only_b)),
            "numbers_only_max": float(max(only_a, only_b)),
            "numbers_one_side": float(bool(a.numbers) != bool(b.numbers)),
            "numbers_same": float(both and not conflict)}


def numbers_conflict(a: SentenceView, b: SentenceView) -> bool:
    """Both sentences give numbers and the sets differ."""
    return bool(a.numbers) and bool(b.numbers) and a.numbers != b.numbers


@dataclass(frozen=True, slots=True)
class FactModel:
    """Logistic regression over standardised `pair_features`."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        z = self.bias
        for name, mean, scale, weight in zip(self.features, self.mean, self.scale,
                                             self.weights, strict=True):
            z += weight * (values[name] - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> FactModel:
    """The fitted weights (see `benchmarks/fit_fact_model.py`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return FactModel(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]),
                     tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))


def paraphrase_probability(a: SentenceView, b: SentenceView, idf: dict[str, float], *,
                           ignore_numbers: bool = False, model: FactModel | None = None
                           ) -> float:
    """Probability (0..1) that the two sentences state the same fact."""
    model = model or load_model()
    return model.probability(pair_features(a, b, idf, ignore_numbers=ignore_numbers))
