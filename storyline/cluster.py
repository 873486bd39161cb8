"""Sort articles into stories and stories into topics, incrementally, from cheap features.

Goes in: the current stories' states (centroid terms, dates, size, topic) and new
`Article`s. Comes out: updated states and the story id of each new article.

* Each article joins the most similar open story (weighted term vector with names
  counted double, close in time) or starts a new one.
* Re-check: a story that changed is compared with the stories sharing its strongest
  terms; a single-article story whose centroid is close enough to another story is
  merged with it (an article that came too early for a story it now clearly belongs to).
  The older story keeps its id, so ids stay stable while a story only grows; the
  merged-away id is recorded in `StoryState.absorbed`. Larger stories are never merged:
  on ECB+ two large stories that close are usually two events of the same kind.
* Topics: stories whose centroids are close (two earthquakes in one region, two
  arrests of one player) are linked, single-link, into a topic named after its oldest
  story. Topics only ever join.

Every step looks only at a few candidates from a term index that ignores terms common
to many stories, so the work per article is bounded however many stories are stored.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Article
from .text import content_words

# Thresholds are cosines, tuned on ECB+ topics 1-35 (benchmarks/stories.py --analysis).
JOIN_THRESHOLD = 0.30  # article -> story centroid
MERGE_THRESHOLD = 0.40  # centroid <-> centroid, when one story has MERGE_MAX_SIZE articles
MERGE_MAX_SIZE = 1
TOPIC_THRESHOLD = 0.30  # centroid <-> centroid, same topic
CENTROID_TERMS = 150  # terms kept per story centroid
MAX_GAP_DAYS = 45.0  # farther from a story's dates than this halves the similarity
INDEX_TERMS = 25  # strongest terms used to index stories and to look candidates up
MAX_CANDIDATES = 10  # stories scored per lookup
MAX_POSTINGS = 50  # a term in this many stories' top terms is not used for lookups


@dataclass
class StoryState:
    """What clustering remembers of one story between runs.

    `keys` and `absorbed` only hold what changed since the state was loaded: the article
    keys added, and the ids of the stories merged into this one (their articles included).
    """

    id: str
    title: str
    terms: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: float | None = None
    last: float | None = None
    topic: str = ""
    keys: list[str] = field(default_factory=list)
    absorbed: list[str] = field(default_factory=list)
    top: list[str] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.topic = self.topic or self.id
        self.top = _top_terms(self.terms)

    def to_json(self) -> dict[str, Any]:
        return {"terms": self.terms, "size": self.size, "first": self.first, "last": self.last}

    @classmethod
    def from_json(cls, story_id: str, title: str, data: dict[str, Any],
                  topic: str | None = None) -> StoryState:
        return cls(story_id, title, dict(data.get("terms", {})), int(data.get("size", 0)),
                   data.get("first"), data.get("last"), topic or "")


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
    # fsum: the same result whatever order the shared terms come in
    return math.fsum(a[k] * b[k] for k in a.keys() & b.keys())


def assign_stories(states: list[StoryState], articles: Sequence[Article], *,
                   new_id: Callable[[], str] | None = None) -> dict[str, str]:
    """Place each article (in publication order) into a story; returns key -> story id.

    After the articles are placed, the stories they touched are re-checked for merges
    and topic links.

    Args:
        states: existing stories, oldest first; updated in place: new ones appended,
            merged-away ones removed (their ids end up in the survivor's `absorbed`).
        articles: articles not yet in any story.
        new_id: callable returning a fresh story id (defaults to "s<N>", never reused).

    Returns:
        The final story id of each given article, by article key.
    """
    make_id = new_id or id_maker({s.id for s in states} | {i for s in states for i in s.absorbed})
    rank = {state.id: number for number, state in enumerate(states)}
    index = _TermIndex(states)
    topics = _Topics(states, rank)
    touched: dict[str, StoryState] = {}
    for article in sorted(articles, key=_time_key):
        vector = article_vector(article)
        when = article.published.timestamp() if article.published else None
        best, best_score = None, 0.0
        for state in index.candidates(vector):
            score = _cosine(vector, state.terms) * _time_factor(state, when, when)
            if score > best_score:
                best, best_score = state, score
        if best is None or best_score < JOIN_THRESHOLD:
            best = StoryState(make_id(), article.title or article.text[:80])
            rank[best.id] = len(rank)
            states.append(best)
            topics.add(best)
        _add(best, article, vector, when)
        index.update(best)
        touched[best.id] = best
    survivors = _merge_changed(states, touched.values(), index, topics, rank)
    for story in survivors:
        _link_topics(story, index, topics)
    final = {key: state.id for state in survivors for key in state.keys}
    return {a.key: final[a.key] for a in articles if a.key in final}


def _merge_changed(states: list[StoryState], changed: Iterable[StoryState], index: _TermIndex,
                   topics: _Topics, rank: dict[str, int]) -> list[StoryState]:
    """Merge each changed story with its most similar candidate while one is close enough.

    The older story (earlier in `states`) survives and absorbs the other's articles,
    centroid and dates. Returns the changed stories that survive (survivors included).
    """
    alive = {state.id: state for state in states}
    queue = sorted(changed, key=lambda s: -rank[s.id])
    result: dict[str, StoryState] = {}
    while queue:
        story = queue.pop()
        if story.id not in alive:
            continue
        result[story.id] = story
        best, best_score = None, MERGE_THRESHOLD
        for other in index.candidates(story.terms, story.top):
            if other is story or min(story.size, other.size) > MERGE_MAX_SIZE:
                continue
            score = _similarity(story, other)
            if score >= best_score:
                best, best_score = other, score
        if best is None:
            continue
        keep, gone = sorted((story, best), key=lambda s: rank[s.id])
        topics.join(keep.topic, gone.topic)
        _absorb(keep, gone)
        index.remove(gone)
        index.update(keep)
        del alive[gone.id]
        result.pop(gone.id, None)
        queue.append(keep)
    states[:] = [state for state in states if state.id in alive]
    return list(result.values())


def _link_topics(story: StoryState, index: _TermIndex, topics: _Topics) -> None:
    """Join the story's topic with those of the candidates close enough to it."""
    for other in index.candidates(story.terms, story.top):
        if other.topic != story.topic and _similarity(story, other) >= TOPIC_THRESHOLD:
            topics.join(story.topic, other.topic)


def _similarity(story: StoryState, other: StoryState) -> float:
    return _cosine(story.terms, other.terms) * _time_factor(other, story.first, story.last)


class _Topics:
    """Stories by topic; joining two topics renames the younger one after the older."""

    def __init__(self, states: Sequence[StoryState], rank: dict[str, int]) -> None:
        self._rank = rank
        self._members: dict[str, list[StoryState]] = defaultdict(list)
        for state in states:
            self.add(state)

    def add(self, state: StoryState) -> None:
        self._members[state.topic].append(state)

    def join(self, first: str, second: str) -> None:
        if first == second:
            return
        keep, gone = sorted((first, second), key=lambda t: self._rank.get(t, len(self._rank)))
        for state in self._members.pop(gone, []):
            state.topic = keep
            self._members[keep].append(state)


def id_maker(taken: set[str]) -> Callable[[], str]:
    """A source of fresh ids s<N>, none of them in `taken` (which it extends)."""
    counter = [len(taken)]

    def make() -> str:
        counter[0] += 1
        while f"s{counter[0]}" in taken:
            counter[0] += 1
        taken.add(f"s{counter[0]}")
        return f"s{counter[0]}"

    return make


class _TermIndex:
    """Stories by their strongest terms, so an article is compared with few stories.

    A story that shares none of an article's top terms cannot reach the join
    threshold in practice, and skipping it keeps clustering near-linear. A term among
    the top terms of MAX_POSTINGS stories or more is too common to tell stories apart
    (a stop word learnt from the data): its posting list stays full and lookups skip
    it, so a lookup reads fewer than INDEX_TERMS * MAX_POSTINGS postings however many
    stories are stored.
    """

    def __init__(self, states: Sequence[StoryState]) -> None:
        self._stories: dict[str, list[str]] = {}
        self._states: dict[str, StoryState] = {}
        self._by_term: dict[str, dict[str, None]] = {}  # term -> story ids, oldest first
        for state in states:
            self.update(state)

    def update(self, state: StoryState) -> None:
        self.remove(state)
        self._stories[state.id] = state.top
        self._states[state.id] = state
        for term in state.top:
            postings = self._by_term.setdefault(term, {})
            postings[state.id] = None
            if len(postings) > MAX_POSTINGS:
                del postings[next(iter(postings))]

    def remove(self, state: StoryState) -> None:
        self._states.pop(state.id, None)
        for term in self._stories.pop(state.id, ()):
            self._by_term.get(term, {}).pop(state.id, None)

    def candidates(self, vector: dict[str, float], top: list[str] | None = None
                   ) -> list[StoryState]:
        """The stories sharing the most of the vector's `top` terms (at most MAX_CANDIDATES)."""
        shared: Counter[str] = Counter()
        for term in top or _top_terms(vector):
            postings = self._by_term.get(term, {})
            if len(postings) < MAX_POSTINGS:  # a full list: too common a term to tell
                shared.update(postings.keys())
        return [self._states[story_id] for story_id, _ in shared.most_common(MAX_CANDIDATES)]


def _top_terms(vector: dict[str, float]) -> list[str]:
    return heapq.nlargest(INDEX_TERMS, vector, key=vector.__getitem__)


def _time_key(article: Article) -> tuple[float, str]:
    return (article.timestamp, article.id)


def _time_factor(state: StoryState, first: float | None, last: float | None) -> float:
    """1 when [first, last] is within MAX_GAP_DAYS of the story's dates, else 0.5."""
    if first is None or last is None or state.first is None or state.last is None:
        return 1.0
    gap_days = max(0.0, state.first - last, first - state.last) / 86400
    return 1.0 if gap_days <= MAX_GAP_DAYS else 0.5


def _add(state: StoryState, article: Article, vector: dict[str, float], when: float | None
         ) -> None:
    _blend(state, vector, 1)
    state.keys.append(article.key)
    if when is not None:
        state.first = when if state.first is None else min(state.first, when)
        state.last = when if state.last is None else max(state.last, when)


def _blend(state: StoryState, terms: dict[str, float], size: int) -> None:
    """Size-weighted mean of the story centroid and `terms`, cut to CENTROID_TERMS."""
    merged = {k: v * state.size for k, v in state.terms.items()}
    for key, value in terms.items():
        merged[key] = merged.get(key, 0.0) + value * size
    top = heapq.nlargest(CENTROID_TERMS, merged, key=merged.__getitem__)
    state.terms = _normalise({term: merged[term] for term in top})
    state.top = top[:INDEX_TERMS]
    state.size += size


def _absorb(keep: StoryState, gone: StoryState) -> None:
    _blend(keep, gone.terms, gone.size)
    keep.keys.extend(gone.keys)
    keep.absorbed.extend([gone.id, *gone.absorbed])
    dates = [d for d in (keep.first, keep.last, gone.first, gone.last) if d is not None]
    keep.first, keep.last = (min(dates), max(dates)) if dates else (None, None)
