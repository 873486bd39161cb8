"""Sort articles into stories, incrementally, from cheap features only.

Goes in: the current stories' states (centroid terms, dates, size) and new
`Article`s. Comes out: updated states and the story id of each new article.
Each article joins the most similar open story (weighted term vector with
names counted double, close in time) or starts a new one, so story ids stay
stable while a story only grows.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Article
from .text import content_words

JOIN_THRESHOLD = 0.22
CENTROID_TERMS = 150
MAX_GAP_DAYS = 45.0
INDEX_TERMS = 25
MAX_CANDIDATES = 20


@dataclass
class StoryState:
    """What clustering remembers of one story between runs."""

    id: str
    title: str
    terms: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: float | None = None
    last: float | None = None
    keys: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"terms": self.terms, "size": self.size, "first": self.first, "last": self.last}

    @classmethod
    def from_json(cls, story_id: str, title: str, data: dict[str, Any]) -> StoryState:
        return cls(story_id, title, dict(data.get("terms", {})), int(data.get("size", 0)),
                   data.get("first"), data.get("last"))


def article_vector(article: Article) -> dict[str, float]:
    """Unit-length log-tf vector of content words; names and title words count double."""
    counts: Counter[str] = Counter(content_words(article.text))
    names = {w.lower() for w in re.findall(r"(?<=[a-z,;] )[A-Z][a-z]{2,}", article.text)}
    for word in content_words(article.title):
        counts[word] += 2
    vector = {w: (1 + math.log(c)) * (2.0 if w in names else 1.0) for w, c in counts.items()
              if not w.isdigit()}
    return _normalise(vector)


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def assign_stories(states: list[StoryState], articles: Sequence[Article], *,
                   new_id: Any = None) -> dict[str, str]:
    """Place each article (in publication order) into a story; returns key -> story id.

    Args:
        states: existing stories; updated in place, new ones appended.
        articles: articles not yet in any story.
        new_id: callable returning a fresh story id (defaults to "s<N>").
    """
    make_id = new_id or (lambda: f"s{len(states) + 1}")
    index = _TermIndex(states)
    assignment: dict[str, str] = {}
    for article in sorted(articles, key=_time_key):
        vector = article_vector(article)
        when = article.published.timestamp() if article.published else None
        best, best_score = None, 0.0
        for state in index.candidates(vector):
            score = _cosine(vector, state.terms) * _time_factor(state, when)
            if score > best_score:
                best, best_score = state, score
        if best is None or best_score < JOIN_THRESHOLD:
            best = StoryState(make_id(), article.title or article.text[:80])
            states.append(best)
        _add(best, article, vector, when)
        index.update(best)
        assignment[article.key] = best.id
    return assignment


class _TermIndex:
    """Stories by their strongest terms, so an article is compared with few stories.

    A story that shares none of an article's top terms cannot reach the join
    threshold in practice, and skipping it keeps clustering near-linear.
    """

    def __init__(self, states: Sequence[StoryState]) -> None:
        self._stories: dict[str, set[str]] = {}
        self._by_term: dict[str, dict[str, StoryState]] = {}
        for state in states:
            self.update(state)

    def update(self, state: StoryState) -> None:
        for term in self._stories.get(state.id, set()):
            self._by_term.get(term, {}).pop(state.id, None)
        top = set(_top_terms(state.terms))
        self._stories[state.id] = top
        for term in top:
            self._by_term.setdefault(term, {})[state.id] = state

    def candidates(self, vector: dict[str, float]) -> list[StoryState]:
        """The stories sharing the most of the article's top terms (at most MAX_CANDIDATES)."""
        shared: dict[str, float] = {}
        stories: dict[str, StoryState] = {}
        for term in _top_terms(vector):
            for story_id, state in self._by_term.get(term, {}).items():
                shared[story_id] = shared.get(story_id, 0.0) + vector[term]
                stories[story_id] = state
        best = heapq.nlargest(MAX_CANDIDATES, shared, key=shared.__getitem__)
        return [stories[story_id] for story_id in best]


def _top_terms(vector: dict[str, float]) -> list[str]:
    return heapq.nlargest(INDEX_TERMS, vector, key=vector.__getitem__)


def _time_key(article: Article) -> tuple[float, str]:
    return (article.timestamp, article.id)


def _time_factor(state: StoryState, when: float | None) -> float:
    if when is None or state.first is None or state.last is None:
        return 1.0
    gap_days = max(0.0, state.first - when, when - state.last) / 86400
    return 1.0 if gap_days <= MAX_GAP_DAYS else 0.5


def _add(state: StoryState, article: Article, vector: dict[str, float], when: float | None
         ) -> None:
    merged = {k: v * state.size for k, v in state.terms.items()}
    for key, value in vector.items():
        merged[key] = merged.get(key, 0.0) + value
    top = heapq.nlargest(CENTROID_TERMS, merged, key=merged.__getitem__)
    state.terms = _normalise({term: merged[term] for term in top})
    state.size += 1
    state.keys.append(article.key)
    if when is not None:
        state.first = when if state.first is None else min(state.first, when)
        state.last = when if state.last is None else max(state.last, when)
