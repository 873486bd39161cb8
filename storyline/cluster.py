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
* Topics: the topics of a story that changed and of its most similar candidates (two
  earthquakes in one region, two arrests of one player) are grouped again by average
  link, comparing centroids whose terms are weighted by how rare they are among stories:
  a link made while the stories were small can be undone once they have grown. A topic
  is named after its oldest story, so a topic that only grows keeps its id.
  Neighbourhoods of more than REGROUP_MAX_STORIES stories are only joined, with the
  most similar candidate, so the work per changed story stays bounded; only the first
  TOPIC_CANDIDATES candidates are weighed.

Every step looks only at a few candidates from a term index that ignores terms common
to many stories and counts only the newest POSTINGS_COUNTED stories of the others, so
the work per article is bounded however many stories are stored.
Candidates are also near in time: a dated article (or story) only sees the stories whose
dates come within WINDOW_DAYS of its own (see `window_of`), wherever the stream is, so
an archive loaded after today's feed finds the archive's stories, and the same kind of
event a year later starts a story of its own.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from sys import intern
from typing import Any, Protocol

from .models import Article
from .text import content_words

# Thresholds are cosines, tuned on ECB+ topics 1-35 (benchmarks/stories.py --analysis).
JOIN_THRESHOLD = 0.30  # article -> story centroid
MERGE_THRESHOLD = 0.40  # centroid <-> centroid, when one story has MERGE_MAX_SIZE articles
MERGE_MAX_SIZE = 1
TOPIC_THRESHOLD = 0.15  # average link of centroids, terms weighted by rarity: same topic
REGROUP_TOPICS = 1  # the candidates' topics, most similar first, regrouped with a story's own
# The first candidates of a changed story's lookup (most shared terms first; the story
# itself usually first) weighed for its topic. Weighing a centroid by rarity is the topic
# pass's main cost, and it grew as the window filled with stories whose candidates no
# longer overlap; the topic match is nearly always among the first few (on the ECB+
# tuning topics 5 gives exactly the topics of all 10, 3 a lower topic B3 F1).
TOPIC_CANDIDATES = 5
REGROUP_MAX_STORIES = 8  # stories in a regrouped neighbourhood at most; larger: join only
CENTROID_TERMS = 150  # terms kept per story centroid
MAX_GAP_DAYS = 45.0  # farther from a story's dates than this halves the similarity
INDEX_TERMS = 25  # strongest terms used to index stories and to look candidates up
MAX_CANDIDATES = 10  # stories scored per lookup
MAX_POSTINGS = 50  # a term in this many stories' top terms is not used for lookups
# Of a term's postings only the newest this many stories are counted in a lookup. Binds
# only once a term is indexed under more stories than this: never on a small store (nor
# on ECB+), so it bounds a lookup's work at scale without changing small ones.
POSTINGS_COUNTED = 20
# A dated story is a candidate for a dated article (or for a merge or topic link with a
# dated story) only when their dates come within this many days. News about one event
# that pauses for two months comes back as a new story; a trip by the same minister a
# year later is another story.
WINDOW_DAYS = 60.0

# The earliest and latest date (seconds) a candidate story's dates may reach; None: any
# story (the article or story is undated).
Window = tuple[float, float] | None


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
        # the articles' string objects (see `article_vector`), not JSON's new copies
        terms = {intern(term): value for term, value in data.get("terms", {}).items()}
        return cls(story_id, title, terms, int(data.get("size", 0)),
                   data.get("first"), data.get("last"), topic or "")


def article_vector(article: Article) -> dict[str, float]:
    """Unit-length log-tf vector of content words; names and title words count double."""
    counts: Counter[str] = Counter(content_words(article.text))
    names = {w.lower() for w in re.findall(r"(?<=[a-z,;] )[A-Z][a-z]{2,}", article.text)}
    for word in content_words(article.title):
        counts[word] += 2
    # Interned: every vector and centroid holds one string object per term, so a shared
    # term is matched by identity in `_cosine` and `_blend`, not by comparing two copies
    # of its text: old centroids' copies lie scattered over a heap that grows with the
    # stories kept, and scoring them grew dearer with it (synthetic stream, store path:
    # 0.98 -> 0.86 CPU ms an article at 100,000 articles, the same at 10,000).
    vector = {intern(w): (1 + math.log(c)) * (2.0 if w in names else 1.0)
              for w, c in counts.items() if not w.isdigit()}
    return _normalise(vector)


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # fsum: the same result whatever order the shared terms come in
    return math.fsum(a[k] * b[k] for k in a.keys() & b.keys())


class StoryIndex(Protocol):
    """Where `assign_stories` finds and keeps stories: `MemoryStoryIndex` or a store.

    Stories are ranked by creation (older first: the older of two merged stories, and
    the older of two joined topics, keeps its id). Each story is indexed under its
    INDEX_TERMS strongest terms; a lookup returns the stories sharing the most of an
    article's strongest terms, skipping terms indexed for MAX_POSTINGS stories or more
    (too common to tell stories apart: a stop word learnt from the data), so it reads
    fewer than INDEX_TERMS * MAX_POSTINGS postings however many stories are stored.
    Whether a term is too common counts every story, whatever its dates: how common a
    word is in the news is learnt from all of it.
    """

    def new_id(self) -> str:
        """A fresh story id, never given before."""
        ...

    def rank(self, story_id: str) -> int:
        """Creation order of a story (or of a topic, by the id of its oldest story)."""
        ...

    def candidates(self, top: Sequence[str], window: Window = None) -> list[StoryState]:
        """At most MAX_CANDIDATES stories sharing the most of the `top` terms, of those
        whose dates reach into `window` (undated stories always do)."""
        ...

    def add(self, state: StoryState) -> None:
        """Keep a new story, newer than all others."""
        ...

    def update(self, state: StoryState) -> None:
        """Re-index a story whose centroid changed."""
        ...

    def remove(self, state: StoryState) -> None:
        """Forget a story merged into another."""
        ...

    def join_topics(self, first: str, second: str) -> None:
        """Rename the younger of two topics, on all its stories, after the older."""
        ...

    def topic_members(self, topic: str, limit: int) -> list[StoryState] | None:
        """The stories of a topic, oldest first; None when it has more than `limit`."""
        ...

    def set_topic(self, state: StoryState, topic: str) -> None:
        """Move one story into `topic` (named after its oldest story, as every topic is)."""
        ...

    def story_count(self) -> int:
        """How many stories there are."""
        ...

    def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many stories are indexed under each term (0 for none)."""
        ...


def assign_stories(stories: StoryIndex | list[StoryState], articles: Sequence[Article], *,
                   new_id: Callable[[], str] | None = None) -> dict[str, str]:
    """Place each article (in publication order) into a story; returns key -> story id.

    After the articles are placed, the stories they touched are re-checked for merges
    and topic links.

    Args:
        stories: the existing stories: an index kept across calls (the cost of a call
            then depends on the articles only), or a list of states, oldest first, that
            is indexed anew at each call and updated in place: new ones appended,
            merged-away ones removed (their ids end up in the survivor's `absorbed`).
        articles: articles not yet in any story.
        new_id: with a list, a callable returning a fresh story id (defaults to "s<N>",
            never reused).

    Returns:
        The final story id of each given article, by article key.
    """
    if isinstance(stories, list):
        memory = MemoryStoryIndex(stories, new_id=new_id)
        assignment = _assign(memory, articles)
        stories[:] = memory.states
        return assignment
    return _assign(stories, articles)


def _assign(index: StoryIndex, articles: Sequence[Article]) -> dict[str, str]:
    touched: dict[str, StoryState] = {}
    for article in sorted(articles, key=_time_key):
        vector = article_vector(article)
        when = article.published.timestamp() if article.published else None
        best, best_score = None, 0.0
        for state in index.candidates(_top_terms(vector), window_of(when, when)):
            score = _cosine(vector, state.terms) * _time_factor(state, when, when)
            if score > best_score:
                best, best_score = state, score
        if best is None or best_score < JOIN_THRESHOLD:
            best = StoryState(index.new_id(), article.title or article.text[:80])
            index.add(best)
        _add(best, article, vector, when)
        index.update(best)
        touched[best.id] = best
    survivors, looked = _merge_changed(index, touched.values())
    weights = _TopicWeights(index)
    for story in survivors:
        _regroup_topics(story, index, weights, looked.get(story.id))
    final = {key: state.id for state in survivors for key in state.keys}
    return {a.key: final[a.key] for a in articles if a.key in final}


def _merge_changed(index: StoryIndex, changed: Iterable[StoryState]
                   ) -> tuple[list[StoryState], dict[str, list[StoryState]]]:
    """Merge each changed story with its most similar candidate while one is close enough.

    The older story survives and absorbs the other's articles, centroid and dates.
    Returns the changed stories that survive (survivors included), and the candidates
    of those whose lookup no later merge can have changed, by story id (see `_Lookups`).
    """
    queue = sorted(changed, key=lambda s: -index.rank(s.id))
    gone_ids: set[str] = set()
    result: dict[str, StoryState] = {}
    looked = _Lookups()
    while queue:
        story = queue.pop()
        if story.id in gone_ids:
            continue
        result[story.id] = story
        best, best_score = None, MERGE_THRESHOLD
        for other in looked.candidates(index, story):
            if other is story or min(story.size, other.size) > MERGE_MAX_SIZE:
                continue
            score = _similarity(story, other)
            if score >= best_score:
                best, best_score = other, score
        if best is None:
            continue
        keep, gone = sorted((story, best), key=lambda s: index.rank(s.id))
        index.join_topics(keep.topic, gone.topic)
        indexed = {*keep.top, *gone.top}
        _absorb(keep, gone)
        index.remove(gone)
        index.update(keep)
        looked.forget(indexed.union(keep.top))
        gone_ids.add(gone.id)
        result.pop(gone.id, None)
        queue.append(keep)
    return list(result.values()), looked.found(result)


class _Lookups:
    """The candidates of each changed story as the merge pass looked them up, while no
    merge since can have changed them, for the topic pass to use instead of a lookup.

    A lookup reads only the postings (and their counts) of the looked-up terms and the
    dates of the stories posted under them. A merge re-indexes the surviving story and
    removes the other, so it changes the postings of their terms only (before and after):
    a lookup under none of those terms finds the same stories after it. The topic pass
    changes no postings. So a story's topic check sees the candidates a new lookup would
    find, for one lookup less per changed story.
    """

    def __init__(self) -> None:
        self._found: dict[str, tuple[frozenset[str], list[StoryState]]] = {}

    def candidates(self, index: StoryIndex, story: StoryState) -> list[StoryState]:
        found = index.candidates(story.top, window_of(story.first, story.last))
        self._found[story.id] = (frozenset(story.top), found)
        return found

    def forget(self, terms: set[str]) -> None:
        """Drop the lookups under any of `terms`, whose postings a merge changed."""
        self._found = {story_id: (top, found) for story_id, (top, found) in self._found.items()
                       if top.isdisjoint(terms)}

    def found(self, stories: Iterable[str]) -> dict[str, list[StoryState]]:
        return {story_id: self._found[story_id][1] for story_id in stories
                if story_id in self._found}


def _regroup_topics(story: StoryState, index: StoryIndex, weights: _TopicWeights,
                    found: list[StoryState] | None = None) -> None:
    """Group the stories of the changed story's topic and its candidates' topics again.

    Terms are weighted by rarity, log((N + 1) / (n + 1)) for a term indexed under n of N
    stories: two events of one kind share few names but some rarer event words ("rehab",
    "sequel", "escape"), while common news words ("police", "year") tell little. The
    neighbourhood is the story's topic and the topics of its REGROUP_TOPICS most similar
    candidates; it is clustered anew by average link (two groups join while the mean
    similarity of their stories, weighted by size, reaches TOPIC_THRESHOLD), so a story
    linked early on a few articles leaves a topic it no longer fits, and one chance
    similarity cannot chain two topics as a single link does. A neighbourhood too large
    to regroup cheaply is only joined with the most similar candidate's topic.

    `found`: the story's candidates, when the caller has them (see `_Lookups`).
    """
    if found is None:
        found = index.candidates(story.top, window_of(story.first, story.last))
    others = [other for other in found[:TOPIC_CANDIDATES] if other is not story]
    # Only candidates of other topics can bring a topic into the neighbourhood, so only
    # they are weighed first; those of the story's own topic only when they decide
    # something (below). Weighing a centroid is the main cost of the pass.
    ranked = _ranked(story, [o for o in others if o.topic != story.topic], index, weights)
    topics = [story.topic]
    for _, _, other in ranked:
        if len(topics) > REGROUP_TOPICS:
            break
        if other.topic not in topics:
            topics.append(other.topic)
    members = _neighbourhood(index, topics)
    if members is None:
        # joined when the most similar candidate of all is of another topic and close
        # enough; a candidate of the story's own topic ranked first joins nothing
        if ranked and ranked[0][0] >= TOPIC_THRESHOLD:
            mine = _ranked(story, [o for o in others if o.topic == story.topic], index, weights)
            if not mine or (-ranked[0][0], ranked[0][1]) < (-mine[0][0], mine[0][1]):
                index.join_topics(story.topic, ranked[0][2].topic)
    elif len(members) > 1:
        _name_groups(index, _average_link(members, weights))


def _ranked(story: StoryState, others: Iterable[StoryState], index: StoryIndex,
            weights: _TopicWeights) -> list[tuple[float, int, StoryState]]:
    """(similarity, rank, story) of `others`, most similar first, then oldest."""
    return sorted(((weights.similarity(story, other), index.rank(other.id), other)
                   for other in others), key=lambda found: (-found[0], found[1]))


def _neighbourhood(index: StoryIndex, topics: Sequence[str]) -> list[StoryState] | None:
    """The stories of `topics`, oldest first; None past REGROUP_MAX_STORIES."""
    found: list[StoryState] = []
    for topic in topics:
        members = index.topic_members(topic, REGROUP_MAX_STORIES - len(found))
        if members is None:
            return None
        found.extend(members)
    return sorted(found, key=lambda state: index.rank(state.id))


def _average_link(stories: Sequence[StoryState], weights: _TopicWeights
                  ) -> list[list[StoryState]]:
    """Stories grouped by average link (size-weighted) at TOPIC_THRESHOLD, in order.

    Ties go to the earlier pair, so the groups do not depend on set or dict order.
    """
    similar = [[weights.similarity(a, b) if a is not b else 1.0 for b in stories]
               for a in stories]
    size = [max(story.size, 1) for story in stories]  # a state read without its size: 1
    groups = [[i] for i in range(len(stories))]
    while True:
        best, pair = TOPIC_THRESHOLD, None
        for a, first in enumerate(groups):
            for b in range(a + 1, len(groups)):
                second = groups[b]
                total = math.fsum(similar[i][j] * size[i] * size[j]
                                  for i in first for j in second)
                mean = total / (sum(size[i] for i in first) * sum(size[j] for j in second))
                if mean >= best and (pair is None or mean > best):
                    best, pair = mean, (a, b)
        if pair is None:
            return [[stories[i] for i in group] for group in groups]
        groups[pair[0]].extend(groups.pop(pair[1]))


def _name_groups(index: StoryIndex, groups: Sequence[Sequence[StoryState]]) -> None:
    """Name each group's topic after its oldest story, as a topic always is: a topic that
    only grows keeps its id, and two groups never get the same one."""
    for group in groups:
        name = min(group, key=lambda state: index.rank(state.id)).id
        for state in group:
            if state.topic != name:
                index.set_topic(state, name)


class _TopicWeights:
    """Rarity-weighted centroids for one topic pass, each computed once.

    While topics are regrouped the term index and the centroids do not change (only topic
    ids do), so a term's weight, a story's weighted centroid and the similarity of two
    stories are the same every time they come up: computing them once per pass gives the
    same topics for less work.
    """

    def __init__(self, index: StoryIndex) -> None:
        self._index = index
        self._total = index.story_count() + 1
        self._weights: dict[str, float] = {}
        self._vectors: dict[str, dict[str, float]] = {}  # story id -> weighted centroid
        self._similar: dict[tuple[str, str], float] = {}  # (story id, story id) -> score

    def vector(self, story: StoryState) -> dict[str, float]:
        found = self._vectors.get(story.id)
        if found is None:
            missing = [term for term in story.terms if term not in self._weights]
            for term, count in self._index.term_counts(missing).items():
                self._weights[term] = math.log(self._total / (count + 1))
            found = self._vectors[story.id] = _weighted(story.terms, self._weights)
        return found

    def similarity(self, story: StoryState, other: StoryState) -> float:
        """Cosine of the two weighted centroids, times the time factor of their dates."""
        key = (story.id, other.id) if story.id < other.id else (other.id, story.id)
        found = self._similar.get(key)
        if found is None:
            early, late = sorted((story, other), key=lambda s: s.id)
            found = self._similar[key] = _cosine(self.vector(early), self.vector(late)) * (
                _time_factor(late, early.first, early.last))
        return found


def _weighted(terms: dict[str, float], weights: dict[str, float]) -> dict[str, float]:
    return _normalise({term: value * weights[term] for term, value in terms.items()})


def _similarity(story: StoryState, other: StoryState) -> float:
    return _cosine(story.terms, other.terms) * _time_factor(other, story.first, story.last)


def window_of(first: float | None, last: float | None) -> Window:
    """The dates a candidate must reach for an article or story dated first..last.

    Measured from the article's (or story's) own dates, not from the newest article
    seen: the order articles arrive in does not decide which stories they can join, and
    no date, however wrong, closes other stories. Undated: None (every story).
    """
    if first is None or last is None:
        return None
    return first - WINDOW_DAYS * 86400, last + WINDOW_DAYS * 86400


def reaches(span: tuple[float, float] | None, window: Window) -> bool:
    """Whether a story dated `span` (first, last; None: undated) is a candidate in `window`."""
    return window is None or span is None or (span[1] >= window[0] and span[0] <= window[1])


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


def counted(ranks: list[int]) -> list[int]:
    """The postings of a term (sorted by rank) that a lookup counts: the newest
    POSTINGS_COUNTED.

    A term indexed under many stories mostly indexes old ones, which are rarely within a
    dated article's window and lose to newer ones on ties anyway; the rarer terms of a
    lookup (names) still find an old story. Counting a bounded number per term keeps the
    cost of a lookup flat as the store grows.
    """
    return ranks[-POSTINGS_COUNTED:] if len(ranks) > POSTINGS_COUNTED else ranks


def most_shared(postings: Iterable[Iterable[int]],
                keep: Callable[[int], bool] | None = None) -> list[int]:
    """The MAX_CANDIDATES stories (by rank) in the most posting lists, of those `keep`
    accepts (all if None).

    Lists come in the order of the looked-up terms, strongest first, each sorted by
    rank: ties go to the story sharing the stronger term, then to the older story.
    Stories are counted first and tested after, strongest first, until enough are kept:
    the same list as counting only the stories kept (a story is in a list or not), for
    one test per story tried instead of one per posting.
    """
    # counted in one C call; a story's first posting still decides its place among ties
    shared = Counter(chain.from_iterable(postings))
    # Counter.most_common is heapq.nlargest, documented as this stable sort, which runs
    # in C: the same list, faster on the few hundred stories a lookup counts
    ranked = sorted(shared.items(), key=itemgetter(1), reverse=True)
    if keep is None:
        return [rank for rank, _ in ranked[:MAX_CANDIDATES]]
    kept: list[int] = []
    for rank, _ in ranked:
        if keep(rank):
            kept.append(rank)
            if len(kept) == MAX_CANDIDATES:
                break
    return kept


class MemoryStoryIndex:
    """Stories held in memory with their term index (see `StoryIndex`).

    Keep one across `assign_stories` calls: the index is then updated, never rebuilt.
    """

    def __init__(self, states: Iterable[StoryState] = (), *,
                 new_id: Callable[[], str] | None = None) -> None:
        self._states: dict[int, StoryState] = {}  # rank -> story, oldest first
        self._rank: dict[str, int] = {}  # story id -> rank, merged-away ids included
        self._postings: dict[str, list[int]] = defaultdict(list)  # term -> sorted ranks
        self._indexed: dict[int, list[str]] = {}  # rank -> terms it is indexed under
        self._topics: dict[str, dict[int, StoryState]] = defaultdict(dict)
        self._dates: dict[int, tuple[float, float]] = {}  # rank -> first, last (dated only)
        taken: set[str] = set()
        for state in states:
            self.add(state)
            self.update(state)
            taken.update((state.id, *state.absorbed))
        self._new_id = new_id or id_maker(taken)

    def new_id(self) -> str:
        return self._new_id()

    @property
    def states(self) -> list[StoryState]:
        """The stories, oldest first."""
        return list(self._states.values())

    def rank(self, story_id: str) -> int:
        return self._rank.get(story_id, len(self._rank))

    def candidates(self, top: Sequence[str], window: Window = None) -> list[StoryState]:
        lists = []
        for term in top:
            ranks = self._postings.get(term)
            if ranks and len(ranks) < MAX_POSTINGS:
                lists.append(counted(ranks))
        dates = self._dates
        keep = None if window is None else (lambda rank: reaches(dates.get(rank), window))
        return [self._states[rank] for rank in most_shared(lists, keep)]

    def add(self, state: StoryState) -> None:
        rank = self._rank[state.id] = len(self._rank)
        self._states[rank] = state
        self._indexed[rank] = []
        self._topics[state.topic][rank] = state

    def update(self, state: StoryState) -> None:
        rank = self._rank[state.id]
        old, new = self._indexed[rank], state.top
        for term in set(old).difference(new):
            discard_rank(self._postings[term], rank)
        for term in set(new).difference(old):
            insert_rank(self._postings[term], rank)
        self._indexed[rank] = list(new)
        if state.first is not None and state.last is not None:
            self._dates[rank] = (state.first, state.last)

    def remove(self, state: StoryState) -> None:
        rank = self._rank[state.id]
        for term in self._indexed.pop(rank):
            discard_rank(self._postings[term], rank)
        del self._states[rank]
        self._dates.pop(rank, None)
        self._topics[state.topic].pop(rank, None)

    def join_topics(self, first: str, second: str) -> None:
        if first == second:
            return
        keep, gone = sorted((first, second), key=self.rank)
        members = self._topics.pop(gone, {})
        for state in members.values():
            state.topic = keep
        self._topics[keep].update(members)

    def topic_members(self, topic: str, limit: int) -> list[StoryState] | None:
        members = self._topics.get(topic, {})
        if len(members) > limit:
            return None
        return [members[rank] for rank in sorted(members)]

    def set_topic(self, state: StoryState, topic: str) -> None:
        rank = self._rank[state.id]
        self._topics[state.topic].pop(rank, None)
        state.topic = topic
        self._topics[topic][rank] = state

    def story_count(self) -> int:
        return len(self._states)

    def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        return {term: len(self._postings.get(term, ())) for term in terms}


def insert_rank(ranks: list[int], rank: int) -> None:
    """Add `rank` to a sorted posting list that lacks it.

    Posting lists are kept sorted rather than sorted at each lookup: a term is looked up
    far more often than a story is re-indexed under it.
    """
    insort(ranks, rank)


def discard_rank(ranks: list[int], rank: int) -> None:
    """Remove `rank` from a sorted posting list, if it is there."""
    at = bisect_left(ranks, rank)
    if at < len(ranks) and ranks[at] == rank:
        del ranks[at]


def _top_terms(vector: dict[str, float]) -> list[str]:
    return _strongest(vector, INDEX_TERMS)


def _strongest(vector: dict[str, float], count: int) -> list[str]:
    """The `count` terms of highest weight, ties in insertion order.

    The same list as heapq.nlargest (documented as this very sort), but sorted in C:
    four to six times faster on a few hundred terms, the sizes clustering sorts.
    """
    return sorted(vector, key=vector.__getitem__, reverse=True)[:count]


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
    top = _strongest(merged, CENTROID_TERMS)
    state.terms = _normalise({term: merged[term] for term in top})
    state.top = top[:INDEX_TERMS]
    state.size += size


def _absorb(keep: StoryState, gone: StoryState) -> None:
    _blend(keep, gone.terms, gone.size)
    keep.keys.extend(gone.keys)
    keep.absorbed.extend([gone.id, *gone.absorbed])
    dates = [d for d in (keep.first, keep.last, gone.first, gone.last) if d is not None]
    keep.first, keep.last = (min(dates), max(dates)) if dates else (None, None)
