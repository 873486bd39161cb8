"""A short extractive brief in which every sentence cites its sources.

Goes in: the story's `Fact`s (with evidence spans and independent-source
counts), the sentence positions behind each fact, and the articles. Comes
out: `SummarySentence`s: exact sentences from the articles, chosen for
coverage of corroborated facts first, then single-source facts worth
knowing, without redundancy (maximal marginal relevance), in time order, each
citing one span per independent source that supports it.

Besides the fact's own weight, a sentence earns credit for the details its
cited spans add that the brief does not cover yet: the words (names, places,
times, actions) that at least two articles of the story use, counted per cited
article. A story's core participants, times and places are the ones several
outlets name, and a detail cited from one more article is one more place the
reader can check it. A sentence that mostly repeats the brief (half of its content
words already used) is skipped, however many new articles it would cite.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from .models import Article, Fact, Span, SummarySentence
from .text import content_words

DEFAULT_WORDS = 120
REDUNDANCY = 1.5  # MMR penalty per unit of word overlap with a chosen sentence
DETAIL_WEIGHT = 1.0  # credit per log-count of new shared details in the cited spans
REPEATED = 0.5  # a sentence half of whose content words the brief already uses repeats it
MIN_WORDS = 6
MAX_WORDS = 60


def summarize(facts: Sequence[Fact], positions: Sequence[Sequence[int]],
              articles: Sequence[Article], sources: dict[str, str], *,
              max_words: int = DEFAULT_WORDS) -> list[SummarySentence]:
    """Pick fact sentences for the brief and cite every independent source for each."""
    candidates = [i for i, fact in enumerate(facts)
                  if MIN_WORDS <= len(fact.text.split()) <= MAX_WORDS
                  and not fact.text.rstrip().endswith("?")]
    vocab = {i: set(content_words(facts[i].text)) for i in candidates}
    relevance = {i: _relevance(facts[i], positions[i] if i < len(positions) else ())
                 for i in candidates}
    published = {a.id: a.timestamp for a in articles}
    citations = {i: _citations(facts[i], sources, published) for i in candidates}
    fresh = _details(citations, articles, sources)  # per candidate: details not yet in
    chosen: list[int] = []
    used = 0
    while candidates:
        best = max(candidates, key=lambda i: _mmr(i, relevance, vocab, chosen)
                   + DETAIL_WEIGHT * math.log1p(len(fresh[i])))
        candidates.remove(best)
        length = len(facts[best].text.split())
        if _repeated(best, vocab, chosen) >= REPEATED:  # also catches any near-duplicate
            continue
        if used + length > max_words and chosen:
            if used >= max_words * 0.8:
                break
            continue
        chosen.append(best)
        used += length
        for i in candidates:
            fresh[i] -= fresh[best]
    chosen.sort(key=lambda i: (_first_time(facts[i], published), min(positions[i] or (0,))))
    return [SummarySentence(facts[i].text, citations[i]) for i in chosen]


def _relevance(fact: Fact, positions: Sequence[int]) -> float:
    lead = 1.0 / (1 + min(positions)) if positions else 0.0
    corroboration = math.log2(1 + fact.sources)
    conflict = 0.5 if fact.agreement == "conflicting" else 0.0
    has_detail = 0.3 if any(ch.isdigit() for ch in fact.text) else 0.0
    return corroboration + lead + conflict + has_detail


def _mmr(index: int, relevance: dict[int, float], vocab: dict[int, set[str]],
         chosen: Sequence[int]) -> float:
    return relevance[index] - REDUNDANCY * _max_overlap(index, vocab, chosen)


def _repeated(index: int, vocab: dict[int, set[str]], chosen: Sequence[int]) -> float:
    """Share of the candidate's content words that the brief already uses."""
    words = vocab[index]
    said = set().union(*(vocab[other] for other in chosen)) if chosen else set()
    return len(words & said) / len(words) if words else 1.0


def _max_overlap(index: int, vocab: dict[int, set[str]], chosen: Sequence[int]) -> float:
    words = vocab[index]
    best = 0.0
    for other in chosen:
        union = words | vocab[other]
        if union:
            best = max(best, len(words & vocab[other]) / len(union))
    return best


def _details(citations: dict[int, tuple[Span, ...]], articles: Sequence[Article],
             sources: dict[str, str]) -> dict[int, set[tuple[str, str]]]:
    """(article, word) pairs of each candidate's cited spans, for words two or more
    independent sources use (a word of one source only is rarely a core detail of the
    story; a reprint repeats its original's words without confirming them)."""
    texts = {a.id: a.text for a in articles}
    by_source: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        by_source[sources.get(article.id, article.id)].update(content_words(article.text))
    usage = Counter(word for words in by_source.values() for word in words)
    return {i: {(span.article, word) for span in spans
                for word in content_words(texts.get(span.article, "")[span.start:span.end])
                if usage[word] >= 2}
            for i, spans in citations.items()}


def _first_time(fact: Fact, published: dict[str, float]) -> float:
    return min((published.get(span.article, math.inf) for span in fact.evidence),
               default=math.inf)


def _citations(fact: Fact, sources: dict[str, str], published: dict[str, float]
               ) -> tuple[Span, ...]:
    """The span the text was taken from first, then one span per other independent source."""
    spans: list[Span] = list(fact.evidence[:1])
    seen = {sources.get(s.article, s.article) for s in spans}
    for span in sorted(fact.evidence[1:], key=lambda s: published.get(s.article, math.inf)):
        root = sources.get(span.article, span.article)
        if root not in seen:
            seen.add(root)
            spans.append(span)
    return tuple(spans)

