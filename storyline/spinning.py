"""Is one article, read alone, the output of a synonym spinner? A fitted decision.

Goes in: article text. Comes out: a `SpinAssessment` (score, decision, and the suspicious
words with the words a writer would more likely have used, plus small numbers as digits);
and, cheaper, the phrases of our spinner phrase list (`data/spin_phrases.json`) found in
it, each with its likely original (`find_spin_phrases`), which decide alone when several
distinct ones occur (`is_spun_alone`), so that the model need not run.

Several evidence streams, each cheap and offline, are combined by two small logistic
models whose weights live in `data/spun_model.json` (fitted on the TUNE half of the
provenance benchmark by `benchmarks/fit_spun_model.py`, never on its TEST half):

* per word (content words only): how frequent it is in English; whether a WordNet synonym
  (or a broader or narrower word) is far more frequent (spinners trade common words for
  rarer ones); for the pair it forms with each neighbour, whether English uses that pair
  (wordsegment's pair counts), how strongly (PMI), and how much more frequent the pair
  becomes with a synonym in its place ("informed journalists" -> "told reporters"), and
  with a synonym that shares the word's sense in one of its own usual senses (a spinner
  swaps a word used as usual: "tidings conference" -> "news conference"). The word model
  gives the odds that the word was swapped;
* per article: those odds summed as a likelihood ratio against real writing and scaled by
  the square root of the article's length (so long real articles do not trip it), small
  numbers written as digits ("2 people") and the share of small numbers that are digits
  (news style spells out two to nine; a spinner turns them into digits), "a"/"an" that no
  longer fit the swapped word ("an capture"), and the number of likely swaps against
  real writing's rate.

With the optional word vectors (`pip install storyline[vectors]`, see `wording`), each
word also gets, per content-word neighbour, the gain of the pair with a word close in
meaning that WordNet does not list ("press convention" -> "press conference"); a second
model (`data/spun_model_vectors.json`) then decides. Without them nothing changes.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .marks import find_quote_marks
from .text import NUMBER_WORDS
from .wording import (
    CLOCK_SUFFIX,
    FUNCTION_WORDS,
    SwapHit,
    is_counted_digit,
    pair_index,
    repair_pair,
    similar_partner_log,
    small_digits,
    stand_ins,
    unigram_counts,
    vectors_available,
    word_runs,
)

MODEL_PATH = Path(__file__).parent / "data" / "spun_model.json"
VECTORS_MODEL_PATH = Path(__file__).parent / "data" / "spun_model_vectors.json"
PHRASES_PATH = Path(__file__).parent / "data" / "spin_phrases.json"
# Pairs below the pair list's floor (100,000 occurrences) count as seen this often.
UNSEEN_PAIR_LOG = math.log10(50_000)
# log10 of the corpus size behind the counts (about 5.9e11 words), for PMI.
CORPUS_LOG = math.log10(588_117_981_387)
SPELLED_RE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine)\b", re.IGNORECASE)
# A lone digit 2-9 that is no part of a larger number, time, score, amount or percentage;
# `wording.is_counted_digit` then drops labels, votes, dates and measures.
LOOSE_DIGIT_RE = re.compile(
    r"(?<![\d.,$:/-])\b[2-9]\b(?![\d.,:/%-]\d|\s*(?:%|percent|per\b|million|billion|"
    rf"trillion|thousand|hundred|{CLOCK_SUFFIX}))")
DIGIT_CAP = 3
LOOSE_CAP = 4
WORD_FEATURES = (
    "log_count", "unknown", "has_synonym", "synonym_advantage", "synonym_advantage_10x",
    "related_advantage", "related_advantage_10x",
    *(f"{side}_{name}" for side in ("left", "right") for name in (
        "exists", "pair_known", "pair_pmi", "synonym_gain", "synonym_gain_10x",
        "related_gain", "related_gain_10x", "neighbour_function_word")),
    "strict_repair",
    # The pair gain again with only the synonyms whose shared sense is one of their most
    # frequent (`wording.PRIMARY_SENSES`): a spinner swaps a word used in its usual sense.
    *(f"{side}_primary_gain{tail}" for side in ("left", "right") for tail in ("", "_10x")),
)
# With word vectors only: per side, the pair gain with a word close in meaning.
VECTOR_FEATURES = tuple(f"{side}_{name}" for side in ("left", "right")
                        for name in ("similar_gain", "similar_gain_10x"))
ARTICLE_FEATURES = ("word_evidence", "small_digits", "loose_digits", "digit_share",
                    "spelled_numbers", "article_mismatch", "likely_swaps", "log_words")
# "a" before a vowel or "an" before a consonant, in a pair English does not use while it
# uses the other article with the word ("an capture": "a capture" is English, so "an
# arrest" was swapped). Spelling alone misleads: "a European", "an honourable", "an FBI".
ARTICLE_RE = re.compile(r"\b([Aa]n?) ([A-Za-z]+)\b(?![\w'\u2019-])")
# Neither pair known: the spelling decides, except where it is not the sound ("a eulogy",
# "a uniformed", "a one-off", "an honourable", "an heir").
SOUND_EXCEPTIONS = ("eu", "uni", "unani", "us", "ura", "ure", "uri", "uti", "uto", "ute",
                    "uk", "ubi", "one", "once", "ewe", "hon", "hour", "heir")
MISMATCH_CAP = 3
# A word counts as a likely swap when its likelihood ratio exceeds e (log ratio 1); real
# writing has about one in ten such words, and the z-value of the count is a feature.
LIKELY_SWAP_LOG_RATIO = 1.0
LIKELY_SWAP_BASE = 0.1


@dataclass(frozen=True, slots=True)
class WordEvidence:
    """One content word: where it is, its feature vector, and the likelier word if any."""

    start: int
    end: int
    features: tuple[float, ...]
    likely: str | None  # the pair a writer would use ("told reporters"), when one is found


@dataclass(frozen=True, slots=True)
class SpinModel:
    """The fitted weights (see `data/spun_model.json`)."""

    word_weights: tuple[float, ...]  # intercept first, then one per WORD_FEATURES
    word_prior: float  # share of swapped words in the word model's training data
    swap_rate: float  # assumed share of swapped words in a spun article (mixture weight)
    article_weights: tuple[float, ...]  # intercept first, then one per ARTICLE_FEATURES
    threshold: float  # article score at or above which the article is called spun
    vectors: bool = False  # whether the word features include VECTOR_FEATURES


@dataclass(frozen=True, slots=True)
class SpinAssessment:
    """The decision for one article and the evidence behind it."""

    score: float
    spun: bool
    suspects: tuple[SwapHit, ...]  # most suspicious first
    digits: tuple[tuple[int, int], ...]
    mismatches: tuple[tuple[int, int], ...] = ()  # "a"/"an" that do not fit the next word


@lru_cache(maxsize=2)
def load_model(path: Path | None = None) -> SpinModel | None:
    """The fitted model, or None when the file is missing (no detector then).

    By default the model with word vectors when they are installed, else the plain one.
    """
    if path is None:
        plain = load_model(MODEL_PATH)
        return (load_model(VECTORS_MODEL_PATH) or plain) if vectors_available() else plain
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    vectors = tuple(data["word_features"]) == WORD_FEATURES + VECTOR_FEATURES
    if not vectors and tuple(data["word_features"]) != WORD_FEATURES or \
            tuple(data["article_features"]) != ARTICLE_FEATURES:
        return None  # fitted for another feature set: refit with benchmarks/fit_spun_model.py
    if vectors and not vectors_available():
        return None
    return SpinModel(tuple(data["word_weights"]), data["word_prior"], data["swap_rate"],
                     tuple(data["article_weights"]), data["threshold"], vectors)


def word_evidence(text: str, *, vectors: bool = False) -> list[WordEvidence]:
    """Features of every content word in runs of plain words (names and numbers excluded).

    With `vectors`, VECTOR_FEATURES follow WORD_FEATURES.
    """
    found: list[WordEvidence] = []
    for run in word_runs(text):
        for index, (start, end, word) in enumerate(run):
            if word in FUNCTION_WORDS or len(word) < 3:
                continue
            features, likely = _word_features(run, index)
            if vectors:
                features += _similar_features(run, index)
            found.append(WordEvidence(start, end, features, likely))
    return found


def _similar_features(run: list[tuple[int, int, str]], index: int) -> tuple[float, ...]:
    """Per side: how much more frequent the pair with a content-word neighbour becomes
    with a word close in meaning in its place (0 when there is no such word)."""
    word = run[index][2]
    features: list[float] = []
    for other, left in ((index - 1, True), (index + 1, False)):
        gain = 0.0
        # A function word's partners are thousands and say little of the word's meaning.
        if 0 <= other < len(run) and run[other][2] not in FUNCTION_WORDS:
            neighbour = run[other][2]
            best = similar_partner_log(word, neighbour, left)
            if best is not None:
                gain = best - _pair_count(word, neighbour, left)[2]
        features += [min(max(gain, -2.0), 4.0), float(gain > 1)]
    return tuple(features)


@dataclass(frozen=True, slots=True)
class _Candidates:
    """A word's stand-ins and its own features (they ignore context)."""

    synonyms: frozenset[str]
    related: frozenset[str]
    primary: frozenset[str]  # synonyms in one of their usual senses (a subset of synonyms)
    own: tuple[float, ...]


# About 3.5 KB per cached word (the related-word sets are large): 32k words, ~115 MB at most.
@lru_cache(maxsize=32_768)
def _candidates(word: str) -> _Candidates:
    """Synonyms, related words, primary synonyms and the word's own features."""
    unigrams = unigram_counts()
    synonyms, related = frozenset(stand_ins(word)), frozenset(stand_ins(word, related=True))
    own = _log(unigrams.get(word, 0))
    features = [own / 10, float(word not in unigrams), float(bool(synonyms))]
    for group in (synonyms, related):
        best = max((_log(unigrams.get(c, 0)) for c in group), default=own)
        advantage = min(max(best - own, -2.0), 4.0)
        features += [advantage, float(advantage > 1)]
    return _Candidates(synonyms, related, frozenset(stand_ins(word, primary=True)),
                       tuple(features))


def _log(count: int) -> float:
    return math.log10(count) if count > 0 else 0.0


def _word_features(run: list[tuple[int, int, str]], index: int
                   ) -> tuple[tuple[float, ...], str | None]:
    word = run[index][2]
    found = _candidates(word)
    features = list(found.own)
    likely: tuple[bool, float, str] | None = None
    usual: list[float] = []
    for other, left in ((index - 1, True), (index + 1, False)):
        if not 0 <= other < len(run):
            features += [0.0] * 8
            usual += [0.0, 0.0]
            continue
        neighbour = run[other][2]
        pair = _pair_count(word, neighbour, left)
        pair_features, gain, better = _pair_features(word, neighbour, left, pair, found)
        features += pair_features
        partners, _count, seen = pair
        primary_top, primary_word = _best_partner(found.primary, partners)
        primary_gain = primary_top - seen
        usual += [primary_gain, float(primary_gain > 1)]
        # A content word's pair repaired by a usual sense names the likeliest original
        # ("tidings conference" -> "news conference", rather than "a tidings" -> "a news").
        usual_repair = bool(primary_word) and primary_gain > 1 and \
            neighbour not in FUNCTION_WORDS
        if usual_repair:
            gain = primary_gain
            better = f"{neighbour} {primary_word}" if left else f"{primary_word} {neighbour}"
        if better and gain > 1 and (likely is None or (usual_repair, gain) > likely[:2]):
            likely = (usual_repair, gain, better)
    features.append(float(repair_pair(run, index, candidates=found.synonyms) is not None))
    return tuple(features + usual), likely[2] if likely else None


def _pair_count(word: str, neighbour: str, left: bool
                ) -> tuple[dict[str, int], int, float]:
    """The words seen in a frequent pair on this side of `neighbour`, with their counts;
    the count of the pair `word` forms with it and its log10 (UNSEEN_PAIR_LOG when the
    pair is not listed). Read once per pair: every feature of the pair starts here."""
    partners = (pair_index()[0] if left else pair_index()[1]).get(neighbour, {})
    count = partners.get(word, 0)
    return partners, count, _log(count) if count else UNSEEN_PAIR_LOG


def _best_partner(group: frozenset[str], partners: dict[str, int]
                  ) -> tuple[float, str | None]:
    """log10 count of the most frequent pair a word of `group` forms (the alphabetically
    first of equals), at least UNSEEN_PAIR_LOG, and that word (None if under it)."""
    found = [c for c in group if c in partners] if len(group) < len(partners) else \
        [c for c in partners if c in group]
    if found:
        best = min(found, key=lambda c: (-partners[c], c))
        if _log(partners[best]) > UNSEEN_PAIR_LOG:
            return _log(partners[best]), best
    return UNSEEN_PAIR_LOG, None


def _pair_features(word: str, neighbour: str, left: bool,
                   pair: tuple[dict[str, int], int, float], found: _Candidates
                   ) -> tuple[list[float], float, str | None]:
    """Features of the pair `word` forms with `neighbour` (`pair` as `_pair_count` reads
    it), with its gain by a synonym and by a related word of `word`; the best gain and
    its pair."""
    unigrams = unigram_counts()
    partners, count, seen = pair
    pmi = seen - _log(unigrams.get(word, 0)) - _log(unigrams.get(neighbour, 0)) + CORPUS_LOG
    features = [1.0, float(count > 0), pmi / 5]
    best_gain, best_pair = -1.0, None
    for group in (found.synonyms, found.related):
        top, top_word = _best_partner(group, partners)
        gain = top - seen
        features += [gain, float(gain > 1)]
        # A synonym that repairs the pair names the likely original before a broader word.
        if top_word and best_gain <= 1 and gain > best_gain:
            best_gain = gain
            best_pair = f"{neighbour} {top_word}" if left else f"{top_word} {neighbour}"
    features.append(float(neighbour in FUNCTION_WORDS))
    return features, best_gain, best_pair


def word_log_odds(model: SpinModel, features: tuple[float, ...]) -> float:
    """Log odds that a word with these features was swapped (at the training prior)."""
    weights = model.word_weights
    return weights[0] + sum(w * f for w, f in zip(weights[1:], features, strict=True))


def article_features(model: SpinModel, words: list[WordEvidence], text: str, *,
                     digits: list[tuple[int, int]] | None = None,
                     mismatches: list[tuple[int, int]] | None = None) -> tuple[float, ...]:
    """The article-level evidence streams, in ARTICLE_FEATURES order.

    `digits` and `mismatches` are `small_digits(text)` and `article_mismatches(text)` when
    the caller has them already.
    """
    digits = small_digits(text) if digits is None else digits
    mismatches = article_mismatches(text) if mismatches is None else mismatches
    prior = math.log(model.word_prior / (1 - model.word_prior))
    rate = model.swap_rate
    total = 0.0
    likely = 0
    for item in words:
        # Likelihood ratio of a word under "spun at `rate`" against "real writing".
        log_ratio = min(word_log_odds(model, item.features) - prior, 30.0)
        total += math.log(1 - rate + rate * math.exp(log_ratio))
        likely += log_ratio > LIKELY_SWAP_LOG_RATIO
    count = max(len(words), 1)
    evidence = total / math.sqrt(count)
    spread = math.sqrt(count * LIKELY_SWAP_BASE * (1 - LIKELY_SWAP_BASE))
    loose = sum(is_counted_digit(text, m.start(), m.end())
                for m in LOOSE_DIGIT_RE.finditer(text))
    spelled = len(SPELLED_RE.findall(text))
    share = loose / (loose + spelled) if loose + spelled else 0.5
    return (evidence, float(min(len(digits), DIGIT_CAP)),
            float(min(loose, LOOSE_CAP)), share, float(spelled > 0),
            float(min(len(mismatches), MISMATCH_CAP)),
            (likely - count * LIKELY_SWAP_BASE) / spread / 3, math.log(count))


def article_mismatches(text: str) -> list[tuple[int, int]]:
    """Spans of "a"/"an" before a word English pairs with the other article only."""
    after = pair_index()[0]
    found = []
    for match in ARTICLE_RE.finditer(text):
        article, word = match.group(1).lower(), match.group(2)
        if word.isupper():
            continue  # an acronym or a letter is read by its letters ("an FBI", "a U.S.")
        word = word.lower()
        other = "an" if article == "a" else "a"
        if (article == "a") != (word[0] in "aeiou") or word in after.get(article, {}):
            continue
        # The other pair is English ("a capture"), or neither is frequent enough to be
        # listed and the spelling is the sound.
        if word in after.get(other, {}) or not word.startswith(SOUND_EXCEPTIONS):
            found.append((match.start(), match.end()))
    return found


def assess_spin(text: str, model: SpinModel | None = None) -> SpinAssessment | None:
    """Score one article against the fitted model; None when no model is installed.

    Args:
        text: the article text.
        model: fitted weights; the packaged `data/spun_model.json` by default.

    Returns:
        The score, whether it reaches the model's threshold, the suspicious words (each
        with the likelier pair) and the small numbers written as digits.
    """
    model = model or load_model()
    if model is None:
        return None
    words = word_evidence(text, vectors=model.vectors)
    digits, mismatches = small_digits(text), article_mismatches(text)
    features = article_features(model, words, text, digits=digits, mismatches=mismatches)
    weights = model.article_weights
    score = weights[0] + sum(w * f for w, f in zip(weights[1:], features, strict=True))
    # The verdict reads every word (the model was fitted so); the evidence shown leaves
    # out what is inside quotation marks: a speaker's words, which copies keep as they
    # were ("People here rely on that plane"), are no spinner's choice.
    quoted = _quoted_spans(text)
    ranked = sorted(((word_log_odds(model, w.features), w) for w in words
                     if w.likely and not _inside(w.start, quoted)), key=lambda pair: -pair[0])
    suspects = tuple(SwapHit(w.start, w.end, text[w.start:w.end], str(w.likely))
                     for odds, w in ranked if odds > 0)
    return SpinAssessment(score, score >= model.threshold, suspects,
                          tuple(d for d in digits if not _inside(d[0], quoted)),
                          tuple(m for m in mismatches if not _inside(m[0], quoted)))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of the text between each pair of quotation marks, in order."""
    return [(span.start, span.end) for span in find_quote_marks(text)]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect_right(spans, (offset, math.inf)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


@lru_cache(maxsize=1)
def _spin_phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads(PHRASES_PATH.read_text(encoding="utf-8"))
    phrases: dict[str, str] = {k.lower(): v for k, v in data["phrases"].items()}
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE), phrases


def find_spin_phrases(text: str) -> list[dict[str, object]]:
    """Phrases a synonym spinner typically produces, with their likely originals."""
    pattern, phrases = _spin_phrases()
    hits = []
    for match in pattern.finditer(text):
        phrase = match.group(0).lower()
        hits.append({"start": match.start(), "end": match.end(), "phrase": match.group(0),
                     "likely_original": phrases[phrase]})
    for match in re.finditer(r"\b([2-9]) (months|weeks|days|years|lanes|piers|people|times)\b",
                             text):
        hits.append({"start": match.start(), "end": match.end(), "phrase": match.group(0),
                     "likely_original": f"{_spelled(int(match.group(1)))} {match.group(2)}",
                     "weak": True})
    return hits


def _spelled(number: int) -> str:
    """A digit as its word ("3" -> "three"), from text.NUMBER_WORDS."""
    return _DIGIT_WORDS[number]


_DIGIT_WORDS = {value: word for word, value in NUMBER_WORDS.items() if value < 10}


def is_spun_alone(hits: list[dict[str, object]], word_count: int) -> bool:
    """Spun without its original: several distinct phrases from our spinner phrase list."""
    strong = {str(h["phrase"]).lower() for h in hits if not h.get("weak")}
    return len(strong) >= 2 or (len(strong) == 1 and len(hits) >= 3 and word_count < 1500)
