"""The stories of a store as `cluster.assign_stories` sees them, read and written lazily.

Goes in: an open `Store` (inside the caller's write transaction) and the story states,
term postings and dates `assign_stories` asks for. Comes out: `StoredStoryIndex`, a
`cluster.StoryIndex` that reads from the store only what a lookup needs, writes new
stories, topic joins and term-index changes back, and can be kept with the open store
between calls while nothing else writes; and `check_term_index`, which (re)builds the
store's story term index when it is missing or was built another way.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from . import cluster
from . import store as db
from .cluster import StoryState
from .models import Story
from .store import Store

# Kept between `update_stories` calls on one open store: some 5 KB per story with its
# postings (8 MB more at 1,536 stories), so at most about 100 MB.
CACHED_STORIES = 20_000
CACHED_TERMS = 500_000


def check_term_index(store: Store) -> None:
    """Build the store's story term index if it is missing or was built another way."""
    version = f"top-{cluster.INDEX_TERMS}"
    if db.story_terms_version(store) == version:
        return
    db.rebuild_story_terms(store, {
        seq: StoryState.from_json(story.id, story.title, state).top
        for seq, story, state in db.numbered_story_states(store)}, version)


_UNREAD = (0.0, 0.0)  # a story whose dates are not read yet (`StoredStoryIndex._near`)


class StoredStoryIndex:
    """The stories of a store as `assign_stories` sees them (a `cluster.StoryIndex`).

    A lookup reads the postings of the looked-up terms from the store's term index and
    then only the candidate stories; postings, term counts and stories stay loaded for
    the rest of the call (kept up to date as it changes them), so a batch reads each
    term and each story once, not once per article. New stories and topic joins are
    written at once, in the caller's transaction; index changes are kept in memory and
    written together by `write_terms`, and the caller writes the changed stories' states
    (`changed`), both at the end, in the same transaction, then calls `settle`: what
    was loaded then equals the store, and the next call may use it again while
    `is_current` (at most CACHED_STORIES stories, the least recently used dropped).
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._generation: int | None = None  # the store's token when it was last settled
        self._used: dict[int, None] = {}  # story numbers, least recently looked up first
        self._states: dict[int, StoryState] = {}  # story number -> story read or created
        self._seq: dict[str, int] = {}  # story id -> number, merged-away ones included
        self._topics: dict[str, dict[int, StoryState]] = defaultdict(dict)  # loaded only
        self._term_counts: dict[str, int] = {}  # read so far, kept up to date
        # term -> story numbers, read only for terms in fewer than MAX_POSTINGS stories
        self._postings: dict[str, list[int]] = {}  # sorted
        self._indexed: dict[int, set[str]] = {}  # story number -> its terms, once known
        # stories re-indexed in this call (so perhaps with new articles or merges): what
        # `changed` and `settle` look at, rather than every loaded story at every call
        self._updated: dict[int, StoryState] = {}
        # story number -> first and last date (None: undated), once read, kept up to date
        self._dates: dict[int, tuple[float, float] | None] = {}
        # term -> story number -> +1 (posting added) or -1 (removed), not yet written
        self._pending: dict[str, dict[int, int]] = {}
        # stories merged away in this call: their rows are deleted only at its end (by
        # `merge_stored_stories`), so a topic read from the store still lists them
        self._gone: set[int] = set()
        self._count = db.count_stories(store)
        self._counter = db.count_story_ids(store)

    def new_id(self) -> str:
        self._counter += 1
        while db.story_id_taken(self._store, f"s{self._counter}"):
            self._counter += 1
        return f"s{self._counter}"

    def rank(self, story_id: str) -> int:
        if story_id not in self._seq:
            seq = db.story_seq(self._store, story_id)
            if seq is None:
                return sys.maxsize  # not a story: newer than all
            self._seq[story_id] = seq
        return self._seq[story_id]

    def candidates(self, top: Sequence[str], window: cluster.Window = None
                   ) -> list[StoryState]:
        counts = self.term_counts(top)
        # a term too common to look up is never read: its postings can be long
        rare = [term for term in top if counts[term] < cluster.MAX_POSTINGS]
        unread = [term for term in rare if term not in self._postings]
        self._postings.update((term, []) for term in unread if not counts[term])
        for term, stored in db.story_postings(
                self._store, [term for term in unread if counts[term]]).items():
            pending = self._pending.get(term, {})
            self._postings[term] = sorted(stored.union(
                seq for seq, change in pending.items() if change > 0).difference(
                seq for seq, change in pending.items() if change < 0))
        # the order of db.story_candidates: most shared terms, stronger term, older story
        lists = [cluster.counted(self._postings[term]) for term in rare]
        seqs = cluster.most_shared(lists, None if window is None else self._near(window, lists))
        missing = [seq for seq in seqs if seq not in self._states]
        for seq, story, state in db.numbered_story_states(self._store, missing):
            self._keep(seq, StoryState.from_json(story.id, story.title, state, story.topic))
        # a posting left for a story row deleted by other means is skipped, not fatal
        found = [seq for seq in seqs if seq in self._states]
        used = self._used
        for seq in found:
            used.pop(seq, None)
            used[seq] = None
        return [self._states[seq] for seq in found]

    def _near(self, window: tuple[float, float], lists: Sequence[Sequence[int]]
              ) -> Callable[[int], bool]:
        """The test of a story number being a candidate in `window`. The first story
        tried whose dates are unknown has them read, with those of every story in `lists`
        (a lookup tries few of them, and each story's dates are read once per index)."""
        dates = self._dates
        start, end = window

        def keep(seq: int) -> bool:
            span = dates.get(seq, _UNREAD)
            if span is _UNREAD:
                dates.update(db.story_date_ranges(self._store, {
                    other for ranks in lists for other in ranks if other not in dates}))
                span = dates[seq]
            # `cluster.reaches`, inlined: at 100,000 articles a dated lookup tries some 30
            # stories (most of a term's postings are old), and these tests took a quarter
            # of the lookup's profiled time, half of it in that call
            return span is None or (span[1] >= start and span[0] <= end)
        return keep

    def add(self, state: StoryState) -> None:
        seq = db.create_story(self._store, Story(state.id, state.title, topic=state.topic))
        self._indexed[seq] = set()
        self._keep(seq, state)
        self._count += 1

    def update(self, state: StoryState) -> None:
        seq = self._seq[state.id]
        self._index(seq, state.top)
        self._updated[seq] = state
        self._dates[seq] = (None if state.first is None or state.last is None
                            else (state.first, state.last))

    def remove(self, state: StoryState) -> None:
        seq = self._seq[state.id]
        self._index(seq, [])
        del self._indexed[seq]  # its postings removal is pending; it is never indexed again
        self._dates.pop(seq, None)
        del self._states[seq]
        self._used.pop(seq, None)
        self._updated.pop(seq, None)
        self._topics[state.topic].pop(seq, None)
        self._gone.add(seq)
        self._count -= 1

    def story_count(self) -> int:
        return self._count

    def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = set(terms)
        for term, count in db.story_term_counts(
                self._store, wanted.difference(self._term_counts)).items():
            self._term_counts[term] = count + sum(self._pending.get(term, {}).values())
        return {term: self._term_counts[term] for term in wanted}

    def join_topics(self, first: str, second: str) -> None:
        if first == second:
            return
        keep, gone = sorted((first, second), key=self.rank)
        db.rename_topic(self._store, gone, keep)
        members = self._topics.pop(gone, {})
        for state in members.values():
            state.topic = keep
        self._topics[keep].update(members)

    def topic_members(self, topic: str, limit: int) -> list[StoryState] | None:
        # a story merged away in this call is no member, though its row is still there:
        # read it again and it would be regrouped with its old centroid and kept
        gone = self._gone
        seqs = [seq for seq in db.topic_story_seqs(self._store, topic, limit + 1 + len(gone))
                if seq not in gone]
        if len(seqs) > limit:
            return None
        missing = [seq for seq in seqs if seq not in self._states]
        for seq, story, state in db.numbered_story_states(self._store, missing):
            self._keep(seq, StoryState.from_json(story.id, story.title, state, story.topic))
        return [self._states[seq] for seq in seqs if seq in self._states]

    def set_topic(self, state: StoryState, topic: str) -> None:
        seq = self._seq[state.id]
        db.set_story_topic(self._store, seq, topic)
        self._topics[state.topic].pop(seq, None)
        state.topic = topic
        self._topics[topic][seq] = state

    def changed(self) -> list[StoryState]:
        """The stories (read or created) that gained articles or absorbed stories."""
        return [s for s in self._updated.values() if s.keys or s.absorbed]

    def write_terms(self) -> None:
        """Write the index changes of the call, in one go (kept in memory until now)."""
        changes = [(term, seq, change) for term, pending in self._pending.items()
                   for seq, change in pending.items()]
        db.change_story_terms(self._store, [(t, s) for t, s, c in changes if c > 0],
                              [(t, s) for t, s, c in changes if c < 0])
        self._pending.clear()

    def _index(self, seq: int, terms: Sequence[str]) -> None:
        old = self._indexed.get(seq)
        if old is None:
            old = db.story_terms_of(self._store, seq)  # not changed yet: as stored
        new = set(terms)
        for term in new.difference(old):
            self._change(term, seq, 1)
        for term in old.difference(new):
            self._change(term, seq, -1)
        self._indexed[seq] = new

    def _change(self, term: str, seq: int, change: int) -> None:
        pending = self._pending.setdefault(term, {})
        if pending.get(seq) == -change:
            del pending[seq]  # back to what is stored
        else:
            pending[seq] = change
        if term in self._term_counts:
            self._term_counts[term] += change
        postings = self._postings.get(term)
        if postings is not None:
            if change > 0:
                cluster.insert_rank(postings, seq)
            else:
                cluster.discard_rank(postings, seq)

    def _keep(self, seq: int, state: StoryState) -> None:
        self._states[seq] = state
        self._seq[state.id] = seq
        self._topics[state.topic][seq] = state
        self._used[seq] = None

    def is_current(self) -> bool:
        """Whether the store is as this index left it at `settle` (no write since)."""
        if self._generation is None or self._generation != db.story_generation(self._store):
            return False
        self._count = db.count_stories(self._store)
        self._counter = db.count_story_ids(self._store)
        return True

    def settle(self) -> None:
        """Mark the end of a call whose changes are written: loaded states equal the store.

        Clears what the states record as changed, forgets merged-away ids, drops the
        least recently used stories beyond CACHED_STORIES and all term data beyond
        CACHED_TERMS terms (memory stays bounded however large the store grows), and
        remembers the store's generation token.
        """
        # only the stories of this call: a pass over every loaded story (up to
        # CACHED_STORIES) at every call made the cost of a call grow with the store
        for state in self._updated.values():
            for gone in state.absorbed:
                self._seq.pop(gone, None)
            state.keys, state.absorbed = [], []
        self._updated.clear()
        self._gone.clear()  # their rows are deleted now
        excess = len(self._used) - CACHED_STORIES
        if excess > 0:
            for seq in list(self._used)[:excess]:
                self._forget(seq)
        if len(self._term_counts) > CACHED_TERMS or len(self._dates) > CACHED_TERMS:
            self._term_counts.clear()
            self._postings.clear()
            self._dates.clear()
        self._generation = db.story_generation(self._store)

    def _forget(self, seq: int) -> None:
        state = self._states.pop(seq)
        del self._used[seq]
        self._indexed.pop(seq, None)
        self._seq.pop(state.id, None)  # read again from the store when needed
        topic = self._topics[state.topic]
        topic.pop(seq, None)
        if not topic:
            del self._topics[state.topic]
