"""The cheap candidate pass: which articles may copy which, before any alignment.

Goes in: `Article`s. Comes out: one `Sketch` per article (its word count, 32-bit hashes of
its 5-word shingles and of its anchors, the names and numbers, which survive synonym
spinning) and the candidate pairs worth aligning (`candidate_pairs`): articles whose
shingle or anchor MinHash signatures share a whole band of an LSH index (`CandidateIndex`,
`BandIndex`, `minhash`). Everything here is cheap, vectorised numpy over the UTF-8 bytes:
most articles of a large crawl are in no candidate pair.

A `Sketch` also reads, lazily and once, what the later decisions need of its article: its
words and sentences, its credit line (`credits`) and the single-article spinner verdicts
(`spinning`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from .credits import find_credit
from .models import Article
from .spinning import SpinAssessment, assess_spin, find_spin_phrases
from .text import content_words_of, sentence_spans, words

SHINGLE = 5
NUM_PERM = 64


@dataclass
class Sketch:
    """Cheap features of one article; word tokens and sentences are built only when a
    decision needs them (most articles of a large crawl are in no candidate pair)."""

    article: Article
    token_count: int
    shingles: np.ndarray
    anchors: np.ndarray

    @cached_property
    def tokens(self) -> list[str]:
        return words(self.article.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return list(sentence_spans(self.article.text))

    @cached_property
    def paragraphs(self) -> list[int]:
        """Each sentence's paragraph number (a line break between two sentences starts a
        new one)."""
        numbers, number, previous_end = [], 0, None
        for start, end in self.sentences:
            if previous_end is not None and "\n" in self.article.text[previous_end:start]:
                number += 1
            numbers.append(number)
            previous_end = end
        return numbers

    @cached_property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """Each paragraph's character span, from its first sentence's start to its last
        sentence's end (indexed by the numbers of `paragraphs`)."""
        spans: list[tuple[int, int]] = []
        for number, (start, end) in zip(self.paragraphs, self.sentences, strict=True):
            if number == len(spans):
                spans.append((start, end))
            else:
                spans[-1] = (spans[-1][0], end)
        return spans

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.article.text[start:end]

    @cached_property
    def sentence_words(self) -> list[list[str]]:
        return [words(self.article.text[s:e]) for s, e in self.sentences]

    @cached_property
    def sentence_content(self) -> list[set[str]]:
        """Each sentence's content words (`text.content_words`), from its words."""
        return [set(content_words_of(tokens)) for tokens in self.sentence_words]

    @cached_property
    def sentence_counts(self) -> Counter[str]:
        """How many of its sentences use each content word (`sentence_content`)."""
        return Counter(word for content in self.sentence_content for word in content)

    @cached_property
    def credit(self) -> tuple[str, int, int] | None:
        """The credit line naming another outlet, read once (every pair asks for it)."""
        return find_credit(self.article)

    @cached_property
    def spin(self) -> SpinAssessment | None:
        """The single-article spinner verdict and its evidence (None without a model)."""
        return assess_spin(self.article.text)

    @cached_property
    def spin_hits(self) -> list[dict[str, object]]:
        """Spinner phrases, looked for only when a decision needs them (the regex is slow)."""
        return find_spin_phrases(self.article.text)


# The cheap pass works on UTF-8 bytes with numpy: a regex or a Python loop per token costs
# more than all the rest of the pass. Bytes outside words become spaces, one for one, so
# positions stay those of the encoded text (ASCII by a table, wide quotes and dashes by
# replace); letters of other scripts stay inside their words.
_BYTE_TABLE = bytes(c if c >= 128 or chr(c).isalnum() else 32 for c in range(256))
_WIDE_PUNCTUATION = tuple(p.encode("utf-8") for p in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026")
# Token hash = polynomial hash of its bytes mod 2^64, position-free via the inverse power;
# the base is odd, so it has an inverse. Fixed numbers, so pairs are the same in every run.
_HASH_BASE = 0x100000001B3
_HASH_INVERSE = pow(_HASH_BASE, -1, 1 << 64)
# Fixed odd 64-bit multipliers combine SHINGLE token hashes into one shingle hash.
_SHINGLE_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                                 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)
_BAND_MULTIPLIERS = np.array([0x2545F4914F6CDD1D, 0x9FB21C651E98DF25, 0xBF58476D1CE4E5B9,
                              0x94D049BB133111EB, 0xD1B54A32D192ED03, 0x8CB92BA72F3D8DD7],
                             dtype=np.uint64)
_POWERS: list[np.ndarray] = []


def _powers(length: int) -> tuple[np.ndarray, np.ndarray]:
    """Powers of the hash base and of its inverse, 0..length-1 (grown by doubling)."""
    if not _POWERS or len(_POWERS[0]) < length:
        size = max(1 << 14, 1 << (length - 1).bit_length())
        _POWERS[:] = [_cumulative_powers(_HASH_BASE, size), _cumulative_powers(_HASH_INVERSE,
                                                                                size)]
    return _POWERS[0], _POWERS[1]


def _cumulative_powers(base: int, size: int) -> np.ndarray:
    # uint64 products wrap mod 2^64, which is the arithmetic the hash is defined in.
    powers = np.cumprod(np.full(size, base, dtype=np.uint64))
    return np.concatenate((np.ones(1, dtype=np.uint64), powers[:-1]))


def _word_bytes(text: str) -> tuple[bytes, bytes]:
    """(encoded text, same length with every non-word byte a space and ASCII lower-cased)."""
    data = text.encode("utf-8", "ignore")
    spaced = data
    for mark in _WIDE_PUNCTUATION:
        if mark in spaced:
            spaced = spaced.replace(mark, b" " * len(mark))
    return data, spaced.lower().translate(_BYTE_TABLE)


def _token_hashes(spaced: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hash of every token (maximal run of non-space bytes), with token starts and ends."""
    codes = np.frombuffer(spaced, dtype=np.uint8)
    solid = np.zeros(len(codes) + 2, dtype=bool)
    solid[1:-1] = codes != 32
    edges = np.flatnonzero(solid[1:] != solid[:-1])
    starts, ends = edges[::2], edges[1::2]
    powers, inverse = _powers(len(codes) + 1)
    prefix = np.concatenate((np.zeros(1, dtype=np.uint64),
                             np.cumsum(codes.astype(np.uint64) * powers[:len(codes)])))
    hashes = (prefix[ends] - prefix[starts]) * inverse[starts] * _SHINGLE_MULTIPLIERS[0]
    # Short tokens have small polynomial values: the multiply and shift spread them over
    # all 64 bits, so the high half (used for anchors) differs too.
    return hashes ^ (hashes >> np.uint64(31)), starts, ends


def _shingle_hashes(tokens: np.ndarray) -> np.ndarray:
    """32-bit hashes of the SHINGLE-word windows (one window for a shorter text)."""
    if not len(tokens):
        return np.empty(0, dtype=np.uint32)
    if len(tokens) < SHINGLE:
        tokens = np.concatenate((tokens, np.zeros(SHINGLE - len(tokens), dtype=np.uint64)))
    count = len(tokens) - SHINGLE + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE):
        combined += tokens[offset:offset + count] * _SHINGLE_MULTIPLIERS[offset]
    return (combined >> np.uint64(32)).astype(np.uint32)


def _anchor_mask(data: bytes, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Tokens that are names or numbers: capitalised (Xxx...) but not right after a sentence
    end, where any word is capitalised, or starting with a digit."""
    raw = np.frombuffer(data, dtype=np.uint8)
    last = len(raw) - 1
    first = _BYTE_CLASS[raw[starts]]
    following = (_BYTE_CLASS[raw[np.minimum(starts + 1, last)]]
                 & _BYTE_CLASS[raw[np.minimum(starts + 2, last)]])
    capital = ((first & _UPPER) > 0) & ((following & _LOWER) > 0) & (ends - starts >= 3)
    after_stop = (((_BYTE_CLASS[raw[np.maximum(starts - 1, 0)]] & _SPACE) > 0)
                  & ((_BYTE_CLASS[raw[np.maximum(starts - 2, 0)]] & _STOP) > 0) & (starts >= 2))
    return np.asarray(((first & _DIGIT) > 0) | (capital & ~after_stop))


# Byte classes as bit flags, looked up by fancy indexing (far cheaper than np.isin).
_SPACE, _STOP, _UPPER, _LOWER, _DIGIT = 1, 2, 4, 8, 16
_BYTE_CLASS = np.zeros(256, dtype=np.uint8)
_BYTE_CLASS[list(b" \n\t\r")] = _SPACE
_BYTE_CLASS[list(b".!?")] = _STOP
_BYTE_CLASS[65:91] = _UPPER
_BYTE_CLASS[97:123] = _LOWER
_BYTE_CLASS[48:58] = _DIGIT


def sketch_article(article: Article) -> Sketch:
    """Normalise, shingle and pick anchors for one article (the cheap per-article pass)."""
    data, spaced = _word_bytes(article.text)
    tokens, starts, ends = _token_hashes(spaced)
    anchors = tokens[_anchor_mask(data, starts, ends)]
    return Sketch(article, len(tokens), _shingle_hashes(tokens),
                   (anchors >> np.uint64(32)).astype(np.uint32))


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Affine permutations h -> a*h + b mod 2^32 (a odd, so a bijection), made once."""
    generator = np.random.default_rng(1)
    a = generator.integers(0, 1 << 31, num_perm, dtype=np.uint64) * 2 + 1
    b = generator.integers(0, 1 << 32, num_perm, dtype=np.uint64)
    return a.astype(np.uint32)[:, None], b.astype(np.uint32)[:, None]


def minhash(values: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signature (uint32 per permutation) of 32-bit hashes, vectorised."""
    a, b = _permutations(num_perm)
    # uint32 arithmetic wraps mod 2^32, which is the permutation we want.
    return np.asarray((a * _fmix32(values)[None, :] + b).min(axis=1), dtype=np.uint32)


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser. Affine maps mod 2^32 alone are a poor min-wise family (low
    bits stay low bits): without this mixing, unrelated articles' anchor sets collided in
    LSH 2.4 times as often on real news."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return np.asarray(values ^ (values >> np.uint32(16)), dtype=np.uint32)


class BandIndex:
    """Banded LSH over MinHash signatures: items sharing one whole band are candidates.

    One 64-bit key per band (the band's values times fixed odd multipliers, summed) keeps
    the index to a dict entry per band and item, smaller and faster than byte-string keys.
    """

    def __init__(self, threshold: float, num_perm: int = NUM_PERM) -> None:
        self.bands, self.rows = _lsh_bands(threshold, num_perm)
        self.num_perm = num_perm
        self._tables: list[dict[int, int | list[int]]] = [{} for _ in range(self.bands)]
        self._multipliers = _BAND_MULTIPLIERS[np.arange(self.rows) % len(_BAND_MULTIPLIERS)]

    def keys(self, signature: np.ndarray) -> list[int]:
        rows = signature[:self.bands * self.rows].astype(np.uint64)
        keys: list[int] = (rows.reshape(self.bands, self.rows)
                           * self._multipliers).sum(axis=1).tolist()
        return keys

    def query(self, keys: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for table, key in zip(self._tables, keys, strict=True):
            bucket = table.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                found.add(bucket)
            else:
                found.update(bucket)
        return found

    def insert(self, item: int, keys: Sequence[int]) -> None:
        # A lone item is stored as a plain int: most buckets hold one item, and ints are not
        # tracked by the garbage collector, which otherwise re-walks millions of lists.
        for table, key in zip(self._tables, keys, strict=True):
            bucket = table.get(key)
            if bucket is None:
                table[key] = item
            elif isinstance(bucket, int):
                table[key] = [bucket, item]
            else:
                bucket.append(item)


class CandidateIndex:
    """The cheap pass's index: shingle LSH (near-verbatim) and anchor LSH (names and numbers,
    which survive synonym spinning). `add` returns the earlier items an article may copy."""

    FEATURES = (("shingles", 0.3), ("anchors", 0.35))

    def __init__(self) -> None:
        self.indexes = {name: BandIndex(threshold) for name, threshold in self.FEATURES}

    def signatures(self, sketch: Sketch) -> dict[str, np.ndarray]:
        return {name: minhash(getattr(sketch, name)) for name, _ in self.FEATURES
                if len(getattr(sketch, name))}

    def add_signatures(self, item: int, signatures: dict[str, np.ndarray]) -> dict[str, set[int]]:
        """Query, then insert: the candidates per feature among items added before."""
        found = {}
        for name, signature in signatures.items():
            index = self.indexes[name]
            keys = index.keys(signature)
            found[name] = index.query(keys)
            index.insert(item, keys)
        return found

    def add(self, item: int, sketch: Sketch) -> set[int]:
        found = self.add_signatures(item, self.signatures(sketch))
        return set().union(*found.values()) if found else set()


def candidate_pairs(sketches: Sequence[Sketch]) -> set[tuple[int, int]]:
    """Pairs worth aligning: near-verbatim (shingle LSH) or same names and numbers."""
    index = CandidateIndex()
    pairs: set[tuple[int, int]] = set()
    for item, sketch in enumerate(sketches):
        pairs.update((other, item) for other in index.add(item, sketch))
    return pairs


@lru_cache(maxsize=8)
def _lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """datasketch's (bands, rows) for a threshold, computed once (it integrates numerically):
    the split that minimises the sum of false-positive and false-negative areas."""
    from datasketch import MinHashLSH  # imports scipy (half a second): only when asked

    probe = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return probe.b, probe.r
