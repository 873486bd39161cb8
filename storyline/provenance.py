"""Who copied whom: duplicates, reprints, digests, spun copies and rewrites.

Goes in: a list of `Article`s. Comes out: one `Provenance` per article (kind,
the article it copies, similarity, evidence spans) and the independence
groups the alignment stage uses (copies of one original count once).

Everything here is cheap (no model): word shingles with MinHash/LSH for
near-verbatim copies, a second LSH over names and numbers, which survive
synonym spinning, an exact shingle index for short items (digests are small
parts of their sources), and sentence alignment only on the candidate pairs.
The alignment counts words swapped in place (a spinner), reordered sentences
and clauses (a rewrite) and word identity (a near-duplicate). A spun article
with no original is judged by its wording alone (`spinning`, `wording`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import cache

from rapidfuzz.distance import Indel

from .credits import same_outlet
from .models import Article, Provenance
from .pair_alignment import CLOSE_KINDS, PairResult, align_pair
from .sketch import Sketch, candidate_pairs, sketch_article
from .spinning import is_spun_alone
from .text import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAYS,
    content_words,
    copy_kind,
)
from .wording import FUNCTION_WORDS

# Digests: short items (at most DIGEST_MAX_WORDS words) whose sources are at least
# DIGEST_SOURCE_RATIO times longer; an excerpt of one article is at most DIGEST_EXCERPT_SHARE
# of it (a truncated reprint keeps more, and from the top).
DIGEST_MAX_WORDS = 250
DIGEST_SOURCE_RATIO = 1.6
NEWSLETTER_SOURCE_RATIO = 0.5  # a newsletter's item may copy an article shorter than it
DIGEST_EXCERPT_SHARE = 0.5
DIGEST_MIN_SHINGLES = 3
SUSPECTS_SHOWN = 15  # swapped-word notes listed for a spun article read alone
DIGEST_MIN_COPIED = 3  # sentences copied from two or more articles make a digest
DIGEST_MIN_SHARE = 0.3  # ... when they are this share of it at least
# A newsletter carrying one or two items of a story (a stream sorts it into one story):
# sentences of at least ITEM_MIN_WORDS own words copied from the story's articles, about
# what their source is about, while its other sentences (greeting, weather, other stories)
# share at most ITEM_REST_SHARED of their content words with the rest of the set.
ITEM_MIN_WORDS = 12
ITEM_TOPICAL_WORDS = 1  # content words a copied sentence shares with its source's others
ITEM_REST_SHARED = 0.25
ITEM_STORY_WORD_ARTICLES = 50  # a word of the story is in one of each 50 of its articles
# Spun with its original present: at least SPUN_MIN_SWAPS words swapped in place, at least
# SPUN_MIN_SWAP_SHARE of the aligned words, swaps outnumbering insertions and deletions by
# SPUN_SWAP_DOMINANCE, and the source's sentence order kept (a rewrite reorders).
SPUN_MIN_SWAPS = 5
SPUN_MIN_SWAP_SHARE = 0.02
SPUN_SWAP_DOMINANCE = 1.5
IN_ORDER = 0.8
DUPLICATE_IDENTITY = 0.9
REPRINT_MAX_REWORDED = 0.2


def detect_provenance(articles: Sequence[Article]) -> list[Provenance]:
    """Classify every article and link each copy to what it copies (when present)."""
    sketches = [sketch_article(a) for a in articles]
    results: dict[int, PairResult] = {}
    pairs = sorted(candidate_pairs(sketches))
    for i, j in pairs:
        copy, source = _direction(sketches, i, j)
        result = align_pair(sketches[copy], sketches[source], copy, source)
        if result.containment == 0:
            continue
        best = results.get(copy)
        if best is None or result.containment > best.containment:
            results[copy] = result
    digests = _digest_sources(sketches, set(pairs) | _containment_pairs(sketches))
    return [_classify(index, sketches, results.get(index), digests.get(index))
            for index in range(len(sketches))]


def _containment_pairs(sketches: Sequence[Sketch]) -> set[tuple[int, int]]:
    """(short, long) pairs where a short article shares word shingles with a much longer one.

    LSH finds similar sets; a digest's few sentences are a small part of each source, so
    their Jaccard similarity is low. An exact index over the short articles' shingles only
    (digests are few and short) finds them at the cost of one set intersection per article.
    """
    owners: dict[int, list[int]] = defaultdict(list)
    for index, sketch in enumerate(sketches):
        if sketch.token_count <= DIGEST_MAX_WORDS:
            for value in set(sketch.shingles.tolist()):
                owners[value].append(index)
    if not owners:
        return set()
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for index, sketch in enumerate(sketches):
        for value in owners.keys() & set(sketch.shingles.tolist()):
            for short in owners[value]:
                if index != short and \
                        sketch.token_count >= NEWSLETTER_SOURCE_RATIO * sketches[short].token_count:
                    shared[(short, index)] += 1
    return {pair for pair, count in shared.items() if count >= DIGEST_MIN_SHINGLES}


def _direction(sketches: Sequence[Sketch], i: int, j: int) -> tuple[int, int]:
    """(copy, source): the later one copies; failing dates, the credited or edited one."""
    a, b = sketches[i].article, sketches[j].article
    # A credit naming the other's outlet decides first: a date given without a time reads
    # as midnight, so it can put the reprint before its wire story.
    credit_a, credit_b = sketches[i].credit, sketches[j].credit
    if credit_a and same_outlet(credit_a[0], b.outlet):
        return i, j
    if credit_b and same_outlet(credit_b[0], a.outlet):
        return j, i
    if a.published and b.published and a.published != b.published:
        return (j, i) if a.timestamp < b.timestamp else (i, j)
    spun_a = len(sketches[i].spin_hits)
    spun_b = len(sketches[j].spin_hits)
    if spun_a != spun_b:
        return (i, j) if spun_a > spun_b else (j, i)
    if sketches[i].token_count != sketches[j].token_count:
        # A copy is more often cut short than padded.
        return (i, j) if sketches[i].token_count < sketches[j].token_count else (j, i)
    return j, i


def _digest_sources(sketches: Sequence[Sketch], pairs: set[tuple[int, int]]
                    ) -> dict[int, PairResult]:
    """Short articles made of sentences from longer ones, or newsletters copying a sentence
    from each of several articles -> their main source's alignment."""
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        partners[i].add(j)
        partners[j].add(i)
    digests: dict[int, PairResult] = {}
    # word -> how many articles use it, read only when a newsletter is suspected
    vocabulary = cache(lambda: Counter(word for sketch in sketches
                                       for word in set().union(*sketch.sentence_content)))
    for index, sketch in enumerate(sketches):
        if sketch.token_count > DIGEST_MAX_WORDS:
            continue
        # Sources DIGEST_SOURCE_RATIO times longer than it, and the shorter ones.
        sources: list[PairResult] = []
        shorter: list[PairResult] = []
        for other in sorted(partners[index]):
            candidate = sketches[other]
            if candidate.token_count < NEWSLETTER_SOURCE_RATIO * sketch.token_count:
                continue
            pair = align_pair(sketch, candidate, index, other)
            if pair.aligned:
                longer = candidate.token_count >= DIGEST_SOURCE_RATIO * sketch.token_count
                (sources if longer else shorter).append(pair)
        every = sources + shorter
        # Most of it one article's: a copy of that one, not a newsletter.
        if not any(p.containment >= 0.5 for p in every) and (
                _is_newsletter(sketch, every, sketches) or
                _carries_items(index, every, sketches, vocabulary)):
            sources += shorter
        elif not sources or not _is_digest(sketch, sources, sketches):
            continue
        # Most copied-from first; between equal copies, the earlier one is the source.
        digests[index] = min(sources, key=lambda p: (-round(p.containment, 3),
                                                     sketches[p.source].article.timestamp,
                                                     p.source))
    return digests


def _is_newsletter(sketch: Sketch, sources: list[PairResult], sketches: Sequence[Sketch]
                   ) -> bool:
    """A newsletter of several items copies one sentence or so from each of two or more
    articles, of any length, the rest from articles not in the set ("Good morning", the
    weather, the sport); none of them gives most of it."""
    copied = _copied(sources, sketches)
    covered = {sentence for _source, sentence in copied}
    return len({source for source, _sentence in copied}) >= 2 and \
        len(covered) >= DIGEST_MIN_COPIED and len(covered) / _scored(sketch) >= DIGEST_MIN_SHARE


def _carries_items(index: int, sources: list[PairResult], sketches: Sequence[Sketch],
                   vocabulary: Callable[[], Counter[str]]) -> bool:
    """A newsletter carrying an item or two of this story: a sentence or two copied, in
    the writer's own words, from articles not published after it, and nothing else of theirs.

    An original report about the same story that shares a quote or a sentence with
    another outlet tells the rest in words of the story (names, places, the subject); a
    newsletter's greeting, weather and other stories share (almost) none of them.
    """
    sketch = sketches[index]
    # Not the articles published after it. Undated, `_copied` gives the direction: a copied
    # sentence is about what its source is about, and a newsletter's item is off the
    # newsletter's subject, so the article it copies never reads as copying it.
    earlier = [p for p in sources if not _published_before(sketch, sketches[p.source])]
    covered = {sentence for _source, sentence in _copied(earlier, sketches, own=True)}
    if not covered:
        return False
    # A newsletter's headline names the newsletter or the day ("Morning Brief - Tuesday"),
    # a follow-up report's the story it copies a sentence of ("Bridge repairs to begin").
    headline = {word for word in content_words(sketch.article.title) if not _calendar(word)}
    if headline & {word for number in covered for word in sketch.sentence_content[number]}:
        return False
    rest = {word for number, content in enumerate(sketch.sentence_content)
            if number not in covered for word in content if not _calendar(word)}
    if len(rest) < ITEM_MIN_WORDS:
        return False  # too little else to tell a newsletter from a short report
    # A word of the story is used by another article (this one counts too); in a big
    # story by 2% of them, as any word of a weather line turns up somewhere in hundreds.
    counts, least = vocabulary(), 1 + max(1, len(sketches) // ITEM_STORY_WORD_ARTICLES)
    shared = sum(1 for word in rest if counts[word] >= least)
    return shared <= ITEM_REST_SHARED * len(rest)


def _published_before(a: Sketch, b: Sketch) -> bool:
    """Both carry a publication time and `a`'s is the earlier."""
    first, second = a.article, b.article
    return bool(first.published and second.published) and first.timestamp < second.timestamp


def _own_copy(copy: Sketch, sentence: int, source: Sketch, other: int) -> bool:
    """Sentence `sentence` of `copy` copies sentence `other` of `source` in the writer's
    own words (not a quote both outlets give), long enough not to recur by chance."""
    return len(copy.sentence_words[sentence]) >= ITEM_MIN_WORDS and \
        copy_kind(copy.sentence_text(sentence), source.sentence_text(other)) is not None


def _topical(source: Sketch, other: int) -> bool:
    """Sentence `other` of `source` is about what the article is about: a stock line
    ("Sign up for our newsletter", "Reporting by ...") shares no words with the rest."""
    around = {word for number, content in enumerate(source.sentence_content)
              if number != other for word in content if not _calendar(word)}
    mine = {word for word in source.sentence_content[other] if not _calendar(word)}
    return not around or len(mine & around) >= ITEM_TOPICAL_WORDS


_CALENDAR = WEEKDAYS | MONTH_NAMES | MONTH_ABBREVIATIONS | {
    "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years",
    "day", "days", "morning", "evening", "night"}


def _calendar(word: str) -> bool:
    """Numbers and words of the calendar, which any two news items share by chance."""
    return word.isdigit() or word in _CALENDAR


def _copied(sources: list[PairResult], sketches: Sequence[Sketch], *, own: bool = False
            ) -> set[tuple[int, int]]:
    """(source, sentence) of every sentence copied closely from one of `sources` (with
    `own`, only those in the writer's own words, `_own_copy`).

    A source counts only when one of its copied sentences is about what it is about: stock
    lines alone ("Sign up for our newsletter", "This story has been updated") shared with
    other articles make no digest of them. An item may go on with a sentence that is less
    so ("Residents should run their taps ..."), which counts with its lead.
    """
    copied: set[tuple[int, int]] = set()
    for pair in sources:
        source = sketches[pair.source]
        close = [(sentence, other) for sentence, other, _score, kind in pair.aligned
                 if kind in CLOSE_KINDS and (not own or _own_copy(
                     sketches[pair.copy], sentence, source, other))]
        if any(_topical(source, other) for _sentence, other in close):
            copied.update((pair.source, sentence) for sentence, _other in close)
    return copied


def _scored(sketch: Sketch) -> int:
    """How many of an article's sentences have content words (at least 1)."""
    return max(1, sum(1 for c in sketch.sentence_content if c))


def _is_digest(sketch: Sketch, sources: list[PairResult], sketches: Sequence[Sketch]
               ) -> bool:
    """A digest summarises: its sentences come from several articles, or are picked from
    the body of one (a copy of the top of one article is a truncated reprint instead)."""
    copied = _copied(sources, sketches)
    close = [p for p in sources if any(source == p.source for source, _ in copied)]
    covered = {sentence for _source, sentence in copied}
    total = _scored(sketch)
    if close and len(covered) / total >= 0.5:
        if len(close) >= 2:  # copied from two articles or more
            return True
        main = max(close, key=lambda p: p.containment)
        excerpt = sketch.token_count <= DIGEST_EXCERPT_SHARE * sketches[main.source].token_count
        from_top = main.aligned[0][0] == 0 and main.aligned[0][1] == 0
        return excerpt and (not from_top or main.in_order < 1.0)
    # A newsletter's own summary rewords its sources: then nearly every sentence must lean
    # on one, at least one be copied, and two sources add different sentences (an original
    # and its copy count once).
    covered_all = {a[0] for p in sources for a in p.aligned}
    contributions = {frozenset(a[0] for a in p.aligned) for p in sources}
    return bool(close) and len(covered_all) / total >= 0.75 and len(contributions) >= 2


def _classify(index: int, sketches: Sequence[Sketch], pair: PairResult | None,
              digest_pair: PairResult | None) -> Provenance:
    sketch = sketches[index]
    article = sketch.article
    credit = sketch.credit
    source = sketches[pair.source].article if pair else None
    evidence = _alignment_evidence(sketch, sketches[pair.source], pair) if pair else []
    if credit:
        evidence.append({"article": article.id, "start": credit[1], "end": credit[2],
                         "note": f"credit line naming {credit[0]}"})
    similarity = round(pair.containment, 3) if pair else 0.0
    if pair and source and sketch.tokens == sketches[pair.source].tokens:
        return Provenance(article.id, "duplicate", source.id, 1.0, tuple(evidence))
    if credit:
        # The aligned source is the origin when the text backs it up; the outlet named in
        # the credit decides only when nothing aligns (it may have several articles here).
        credited = [s.article for s in sketches if same_outlet(credit[0], s.article.outlet)
                    and s.article.id != article.id]
        aligned = source if pair and (pair.containment >= 0.5 or source in credited) else None
        origin = aligned or (credited[0] if credited else None)
        return Provenance(article.id, "reprint", origin.id if origin else None, similarity,
                          tuple(evidence), credited=credit[0])
    if digest_pair:
        source_sketch = sketches[digest_pair.source]
        return Provenance(article.id, "digest", source_sketch.article.id,
                          round(digest_pair.containment, 3),
                          tuple(_alignment_evidence(sketch, source_sketch, digest_pair)))
    if pair and source:
        kind = _copy_kind(sketch, sketches[pair.source], pair)
        if kind == "spun":
            evidence += _spin_evidence(article, sketch.spin_hits)
        if kind:
            return Provenance(article.id, kind, source.id, similarity, tuple(evidence))
    hits = sketch.spin_hits
    if is_spun_alone(hits, sketch.token_count):
        # The phrase list decided: the fitted model (the costly part) is not run.
        return Provenance(article.id, "spun", None, similarity,
                          tuple(_spin_evidence(article, hits)))
    if _wording_is_spun(sketch):
        return Provenance(article.id, "spun", None, similarity,
                          tuple(_spin_evidence(article, hits) + _wording_evidence(sketch)))
    return Provenance(article.id, "original", None, similarity, ())


def _copy_kind(copy: Sketch, source: Sketch, pair: PairResult) -> str | None:
    """spun, duplicate, reprint or rewrite for an uncredited copy; None if not a copy."""
    if pair.containment >= 0.5 and _is_spun_copy(pair):
        return "spun"
    if pair.containment >= 0.9 and \
            Indel.normalized_similarity(copy.tokens, source.tokens) >= DUPLICATE_IDENTITY:
        # Near-verbatim: at least 90% of the words the same and in the same order.
        return "duplicate"
    if pair.containment >= 0.6 and (pair.verbatim >= 0.6 or _lightly_edited(pair)):
        return "reprint"
    if pair.containment >= 0.6:
        return "rewrite"
    return None


def _is_spun_copy(pair: PairResult) -> bool:
    """Many words swapped in place, few inserted or deleted, sentence order kept."""
    return (pair.swapped >= SPUN_MIN_SWAPS
            and pair.swapped >= SPUN_MIN_SWAP_SHARE * pair.words
            and pair.swapped >= SPUN_SWAP_DOMINANCE * pair.indels
            and pair.in_order >= IN_ORDER)


def _lightly_edited(pair: PairResult) -> bool:
    """The same sentences in the same order with a handful of words changed.

    Reworded sentences carry no edit counts, so they are counted apart: an outlet that
    tells the same facts in its own words is a rewrite, not a reprint.
    """
    reworded = sum(kind == "reworded" for *_, kind in pair.aligned)
    return (pair.in_order >= IN_ORDER and pair.swapped + pair.indels <= 0.05 * pair.words
            and reworded <= REPRINT_MAX_REWORDED * len(pair.aligned))


def _alignment_evidence(copy: Sketch, source: Sketch, pair: PairResult
                        ) -> list[dict[str, object]]:
    evidence: list[dict[str, object]] = []
    for copy_index, source_index, score, kind in pair.aligned[:40]:
        start, end = copy.sentences[copy_index]
        of_start, of_end = source.sentences[source_index]
        evidence.append({"article": copy.article.id, "start": start, "end": end,
                         "of_article": source.article.id, "of_start": of_start,
                         "of_end": of_end, "match": kind, "score": round(score, 3)})
    return evidence


def _spin_evidence(article: Article, hits: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{"article": article.id, "start": h["start"], "end": h["end"],
             "note": f"spinner phrase \"{h['phrase']}\" (likely \"{h['likely_original']}\")"}
            for h in hits]


def _wording_is_spun(sketch: Sketch) -> bool:
    """Spun without its original: the fitted single-article model says so."""
    return sketch.spin is not None and sketch.spin.spun


def _telling(pair: str) -> bool:
    """A suggested pair a reader learns from: "told reporters", "she said", not "the name"
    or "has it", which only say the word has a frequent neighbour."""
    first, _, second = pair.lower().partition(" ")
    small = FUNCTION_WORDS | PARTICLES
    return second not in small and \
        (first not in small or first in {"i", "we", "you", "he", "she", "they"})


PARTICLES = {"after", "than", "out", "up", "down", "off", "over", "about", "around", "away",
             "back", "through", "along", "ahead"}


def _wording_evidence(sketch: Sketch) -> list[dict[str, object]]:
    if sketch.spin is None:
        return []
    # Most suspicious first, each word once (with how often it occurs): a reader checks
    # a short list, not "stated" six times.
    times = Counter(h.word.lower() for h in sketch.spin.suspects)
    first = {h.word.lower(): h for h in reversed(sketch.spin.suspects)}
    shown = [h for h in sketch.spin.suspects if first[h.word.lower()] is h][:SUSPECTS_SHOWN]
    evidence: list[dict[str, object]] = [
        {"article": sketch.article.id, "start": h.start, "end": h.end,
         "note": f"\"{h.word}\" may be a synonym swapped in" + (
             f": a writer would more likely put \"{h.likely}\"" if _telling(h.likely) else "")
         + (f" ({times[h.word.lower()]} times)" if times[h.word.lower()] > 1 else "")}
        for h in shown]
    evidence += [{"article": sketch.article.id, "start": start, "end": end,
                  "note": "small number written as a digit"}
                 for start, end in sketch.spin.digits[:10]]
    evidence += [{"article": sketch.article.id, "start": start, "end": end,
                  "note": "\"a\"/\"an\" does not fit the next word (a swapped word)"}
                 for start, end in sketch.spin.mismatches[:10]]
    return evidence


def independence_groups(provenance: Sequence[Provenance]) -> dict[str, str]:
    """Article id -> id of the original it descends from (itself when independent)."""
    parent = {p.article: p.of for p in provenance if p.kind != "original" and p.of}
    parent = {k: v for k, v in parent.items() if k != v}

    def root(article_id: str) -> str:
        seen = set()
        while article_id in parent and article_id not in seen:
            seen.add(article_id)
            article_id = parent[article_id]
        return article_id

    # A digest summarises others but is not a copy of one article: it stays its own source
    # only when nothing else backs it; treating it as dependent avoids double counting.
    return {p.article: root(p.article) for p in provenance}
