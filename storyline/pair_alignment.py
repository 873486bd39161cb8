"""Sentence alignment of one candidate pair: how much of one article comes from another.

Goes in: two `Sketch`es, the possible copy and its possible source (from the cheap pass).
Comes out: a `PairResult`: each sentence of the copy matched to its best sentence of the
source with a score and a kind (verbatim, edited, shortened, substituted: words swapped
in place, the mark of a synonym spinner; or reworded), the shares of the copy that are
aligned, verbatim and substituted, the words swapped in place and the words inserted or
deleted inside aligned sentences, and the share of consecutive aligned sentences that
keep the source's order. No model: word sets, an inverted index over the source's
sentences and edit distances over words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from .sketch import Sketch
from .text import copy_kind

ALIGN_THRESHOLD = 0.6
# Sentence matches that mean the words were copied, not just the facts.
COPIED_SCORE = 0.85  # a sentence copied inside a label and credit, or one clause of it
COPIED_OVERLAP = 0.7  # ... shares most of the shorter one's content words
CLOSE_KINDS = frozenset({"verbatim", "edited", "shortened", "substituted"})
# Sentences a quarter of the other's length or less match only on 3+ shared content words.
SHORT_LINE_RATIO = 4
SHORT_LINE_SHARED = 3


@dataclass
class PairResult:
    """How much of `copy` comes from `source`, sentence by sentence.

    `swapped` counts words replaced in place inside aligned sentences (same position, other
    word: the mark of a synonym spinner), `indels` words inserted or deleted there, `words`
    the copy's words in aligned sentences, and `in_order` the share of consecutive aligned
    sentences that keep the source's order (a spinner keeps it, a rewrite shuffles).
    """

    copy: int
    source: int
    containment: float
    verbatim: float
    substituted: float
    aligned: list[tuple[int, int, float, str]]
    swapped: int = 0
    indels: int = 0
    words: int = 0
    in_order: float = 1.0


def align_pair(copy: Sketch, source: Sketch, copy_index: int, source_index: int
               ) -> PairResult:
    """Align each sentence of `copy` to its best match in `source`."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, content in enumerate(source.sentence_content):
        for word in content:
            postings[word].append(index)
    aligned = []
    verbatim = substituted = swapped = indels = aligned_words = 0
    for index, content in enumerate(copy.sentence_content):
        if not content:
            continue
        match = _best_sentence(copy, source, index, postings)
        if match is None:
            continue
        best, score, kind, edits = match
        aligned.append((index, best, score, kind))
        verbatim += kind == "verbatim"
        substituted += kind == "substituted"
        swapped += edits[0]
        indels += edits[1]
        aligned_words += len(copy.sentence_words[index])
    total = max(1, sum(1 for c in copy.sentence_content if c))
    steps = [b[1] > a[1] for a, b in zip(aligned, aligned[1:], strict=False)]
    return PairResult(copy_index, source_index, len(aligned) / total, verbatim / total,
                       substituted / total, aligned, swapped, indels, aligned_words,
                       sum(steps) / len(steps) if steps else 1.0)


def _best_sentence(copy: Sketch, source: Sketch, index: int,
                   postings: dict[str, list[int]]
                   ) -> tuple[int, float, str, tuple[int, int]] | None:
    """The source sentence that copy sentence `index` matches best, if any matches well."""
    content = copy.sentence_content[index]
    counts: dict[int, int] = defaultdict(int)
    for word in content:
        for other in postings.get(word, ()):
            counts[other] += 1
    best: tuple[int, float, str, tuple[int, int]] | None = None
    # Ties go to the earlier source sentence: `counts` fills in the order of a set of
    # strings, which changes with each process's hash seed, and so would the pick.
    for other, shared in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
        if shared < 2 and len(content) > 2:
            continue
        score, kind, edits = _sentence_similarity(
            copy.sentence_words[index], source.sentence_words[other], content,
            source.sentence_content[other])
        theirs = source.sentence_content[other]
        if kind == "reworded" and len(content & theirs) >= COPIED_OVERLAP * min(
                len(content), len(theirs)):  # "Ferry aground: <it>, the Herald reports"
            copied = copy_kind(copy.sentence_text(index), source.sentence_text(other))
            if copied:
                score, kind, edits = max(score, COPIED_SCORE), copied, (0, 0)
        if best is None or score > best[1]:
            best = (other, score, kind, edits)
    return best if best and best[1] >= ALIGN_THRESHOLD else None


def _sentence_similarity(a: list[str], b: list[str], a_content: set[str], b_content: set[str]
                         ) -> tuple[float, str, tuple[int, int]]:
    """How sentence `a` relates to `b`: verbatim, edited, substituted (word swaps in
    place, the mark of a spinner) or reworded, with a score in 0..1 and the edit counts
    (words swapped in place, words inserted or deleted) when the two are close."""
    if a == b:
        return 1.0, "verbatim", (0, 0)
    if 6 <= len(a) < len(b) and b[:len(a)] == a:
        # Cut short at a clause boundary, as digests and teasers do.
        return 0.9, "shortened", (0, 0)
    overlap = len(a_content & b_content) / max(1, min(len(a_content), len(b_content)))
    ratio = Indel.normalized_similarity(a, b)
    if len(a_content & b_content) < SHORT_LINE_SHARED and \
            SHORT_LINE_RATIO * min(len(a), len(b)) < max(len(a), len(b)):
        # A line of a few words ("- Meridian Press") inside a long sentence is no match.
        return ratio, "reworded", (0, 0)
    edits: tuple[int, int] | None = None
    if ratio >= 0.5 and min(len(a), len(b)) / max(len(a), len(b), 1) >= 0.7:
        swapped, indels = edits = _word_edits(a, b)
        if swapped and swapped >= 0.7 * (swapped + indels):
            return max(ratio, 0.7), "substituted", edits
        if ratio >= 0.9:
            return ratio, "edited", edits
    if edits is not None and overlap < 0.7:
        return max(ratio, overlap * 0.8), "reworded", edits
    if overlap >= 0.7:
        return overlap * 0.9, "reworded", (0, 0)
    return max(ratio, overlap * 0.8), "reworded", (0, 0)


def _word_edits(a: list[str], b: list[str]) -> tuple[int, int]:
    """(words replaced in place, words inserted or deleted) turning `b` into `a`.

    A short run of replaced words (up to four, each by up to two: spinners put "passed
    away" for "died") counts as swaps; longer runs, as when clauses trade places, and bare
    insertions or deletions count as indels.
    """
    swapped = indels = 0
    for op in Levenshtein.opcodes(b, a):
        if op.tag == "equal":
            continue
        old, new = op.src_end - op.src_start, op.dest_end - op.dest_start
        if op.tag == "replace" and old <= 4 and new <= 2 * old:
            swapped += old
        else:
            indels += max(old, new)
    return swapped, indels
