"""The stories of a store as the clustering sees them: what is read, written and kept."""

from __future__ import annotations

from typing import Any

import pytest

from storyline import cluster
from storyline import store as db
from storyline.cluster import StoryState
from storyline.store import open_store
from storyline.stored_stories import StoredStoryIndex


def test_the_stored_index_reads_postings_once_and_keeps_them_current(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "MAX_POSTINGS", 3)
    s0, s1, s2 = (StoryState(f"s{n}", "t", terms) for n, terms in enumerate((
        {"common": 0.6, "name0": 0.8}, {"common": 0.6, "name1": 0.8},
        {"common": 0.6, "name0": 0.8})))
    reads: list[str] = []
    with open_store(tmp_path / "news.db") as store, store.transaction():
        index = StoredStoryIndex(store)
        for state in (s0, s1):
            index.add(state)
            index.update(state)
        store.conn.set_trace_callback(reads.append)
        assert [s.id for s in index.candidates(["common", "name0"])] == ["s0", "s1"]
        index.add(s2)
        index.update(s2)  # "common" in 3 stories now: too common to look up
        assert [s.id for s in index.candidates(["name0", "common"])] == ["s0", "s2"]
        # index changes are written at the end of a call, in one go
        assert db.story_candidates(store, ["name0"], common=3, limit=10) == []
        index.write_terms()
        assert db.story_candidates(store, ["name0", "common"], common=3,
                                            limit=10) == [1, 3]
        index.remove(s0)  # "common" back in 2 stories
        assert [s.id for s in index.candidates(["name0", "common"])] == ["s2", "s1"]
        index.write_terms()
        assert db.story_candidates(store, ["name0", "common"], common=3,
                                            limit=10) == [3, 2]
        store.conn.set_trace_callback(None)
    # both terms were read at the first lookup (their postings not yet written: taken
    # from the changes kept in memory), then kept current
    assert len([q for q in reads if "FROM story_terms WHERE term IN" in q]) == 1


def test_the_stored_index_counts_only_the_newest_postings_of_a_term(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "POSTINGS_COUNTED", 2)
    states = [StoryState(f"s{n}", "t", {"ferry": 0.6, f"name{n}": 0.8}) for n in range(4)]
    with open_store(tmp_path / "news.db") as store, store.transaction():
        index = StoredStoryIndex(store)
        for state in states:
            index.add(state)
            index.update(state)
        index.write_terms()
        assert [s.id for s in index.candidates(["ferry"])] == ["s2", "s3"]
        assert [s.id for s in index.candidates(["ferry", "name1"])] == ["s2", "s3", "s1"]
        # read from the store afresh: the same
        fresh = StoredStoryIndex(store)
        assert [s.id for s in fresh.candidates(["ferry", "name1"])] == ["s2", "s3", "s1"]


def test_a_story_merged_away_leaves_the_kept_index(tmp_path: Any) -> None:
    s0, s1 = (StoryState(f"s{n}", "t", {"ferry": 0.6, f"name{n}": 0.8}) for n in range(2))
    with open_store(tmp_path / "news.db") as store, store.transaction():
        index = StoredStoryIndex(store)
        for state in (s0, s1):
            index.add(state)
            index.update(state)
            state.keys.append(f"key-{state.id}")  # as an article joining it does
        s0.absorbed.append("s1")
        index.remove(s1)
        assert [s.id for s in index.changed()] == ["s0"]
        index.write_terms()
        index.settle()
        assert index.changed() == [] and s0.keys == [] and s0.absorbed == []
        # what is kept for the next call holds the merged-away story nowhere
        assert [s.id for s in index.candidates(["ferry", "name1"])] == ["s0"]
        assert list(index._used) == list(index._states) == [1]
        assert list(index._indexed) == [1]
