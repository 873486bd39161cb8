"""The pipeline: stage order, one failing article never sinks the run, caching."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storyline import cluster, pipeline, stored_stories
from storyline.cluster import MemoryStoryIndex, assign_stories
from storyline.models import Article
from storyline.store import Store, open_store
from tests.conftest import article
from tests.test_cluster import (
    CUP_FINAL,
    FLOOD_BOTH,
    FLOOD_HELP,
    FLOOD_WATER,
    LORCA,
    QESHM,
    _visit,
)


def test_a_failing_extractor_costs_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_quotes

    def flaky(doc: Any, article_id: str, mentions: Any) -> Any:
        if article_id == "bad":
            raise ValueError("boom")
        return real(doc, article_id, mentions)

    monkeypatch.setattr(pipeline, "extract_quotes", flaky)
    articles = [article('"We will reopen the bridge soon," Mayor Ilse Varga said.', id="good"),
                article('"Nobody told us," Paul Fenwick said.', id="bad")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    assert [q["article"] for q in dossier["quotes"] if q["kind"] == "direct"] == ["good"]
    problem = next(e for e in dossier["errors"] if e["source"] == "bad.txt")
    assert "boom" in problem["reason"] and problem["severity"] == "warning"


def test_a_failing_date_extractor_keeps_the_articles_quotes_and_people(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Any, article_id: str, published: Any) -> Any:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(pipeline, "find_dates", broken)
    articles = [article('"We will reopen the bridge soon," Mayor Ilse Varga said.', id="far")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    [entity] = [e for e in dossier["people"] if e["name"] == "Ilse Varga"]
    assert [q["speaker"] for q in dossier["quotes"]] == [entity["id"]]
    [problem] = dossier["errors"]
    assert problem["reason"].startswith("dates of article far failed: OverflowError")


def test_a_clipped_long_article_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 60)
    articles = [article('"We will reopen the bridge soon," Mayor Ilse Varga said on Tuesday '
                        "after a long meeting with engineers.", id="long"),
                article("The bridge was closed.", id="short")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    [warning] = dossier["errors"]
    assert warning["source"] == "long.txt" and warning["severity"] == "warning"
    assert "longer than 60 characters" in warning["reason"]


def test_dossier_cache_is_used_and_invalidated(tmp_path: Any) -> None:
    db = tmp_path / "news.db"
    first = [article("The Kestrel River Bridge in Dunmore was closed on Wednesday after "
                     "engineers found cracks in its supports.", id="one")]
    with open_store(db) as store:
        ingested = pipeline.IngestReport(articles=pipeline.db.save_articles(store, first))
        story_id = pipeline.update_stories(store, ingested.articles)[first[0].key]
        dossier = pipeline.dossier_for_story(store, story_id)
        assert pipeline.db.cached_dossier(store, story_id, pipeline._fingerprint(
            ingested.articles, pipeline.AnalyzeOptions())) == dossier
        more = [article("Engineers in Dunmore found cracks in the supports of the Kestrel "
                        "River Bridge, which was closed on Wednesday.", id="two",
                        published="2026-03-11T12:00:00Z")]
        saved = pipeline.db.save_articles(store, more)
        assignment = pipeline.update_stories(store, saved)
        assert assignment[saved[0].key] == story_id
        assert pipeline.db.cached_dossier(store, story_id, "anything") is None
        updated = pipeline.dossier_for_story(store, story_id)
        assert [a["id"] for a in updated["articles"]] == ["one", "two"]


def test_a_run_with_input_problems_still_caches_and_reports_them(tmp_path: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pier.txt").write_text("Published: March 2026\n\nThe Kestrel pier in Dunmore "
                                     "reopened after repairs, Mayor Ilse Varga said.\n")
    missing = str(tmp_path / "missing.txt")
    with open_store(tmp_path / "news.db") as store:
        for _ in range(2):
            ingested = pipeline.ingest_inputs(store, [str(folder), missing])
            [dossier] = pipeline.analyze(store, ingested)
            reasons = [e["reason"] for e in dossier["errors"]]
            assert any("publication date" in r for r in reasons)  # stored with the story
            assert any("no such file" in r for r in reasons)  # this run's problem
        [story_id] = {s.id for s, _ in pipeline.db.list_story_headers(store)}
        cached = pipeline._story_cache(store, story_id, pipeline.AnalyzeOptions()).dossier
        assert cached is not None  # warnings no longer keep the dossier out of the cache
        assert not any("no such file" in e["reason"] for e in cached["errors"])


def test_merged_stories_are_merged_in_the_store(tmp_path: Any) -> None:
    flood = [article("Flood water covered meadows, orchards and lanes.", id="flood-a"),
             article("Flood volunteers filled sandbags beside shelters.", id="flood-b"),
             article("Flood water covered meadows, orchards and lanes; volunteers filled "
                     "sandbags beside shelters.", id="flood-c")]
    with open_store(tmp_path / "news.db") as store:
        # saved as they arrive: an article saved but in no story would join the next update
        saved = pipeline.db.save_articles(store, flood[:1])
        first = pipeline.update_stories(store, saved[:1])[saved[0].key]
        saved += pipeline.db.save_articles(store, flood[1:2])
        second = pipeline.update_stories(store, saved[1:2])[saved[1].key]
        saved += pipeline.db.save_articles(store, flood[2:])
        assert first != second
        pipeline.db.save_dossier(store, second, "fp", {"v": 1})
        assert pipeline.update_stories(store, saved) == dict.fromkeys(
            (a.key for a in saved), first)
        assert pipeline.db.story_of_articles(store) == dict.fromkeys(
            (a.key for a in saved), first)
        [listed] = pipeline.story_index(store)["stories"]
        assert listed["id"] == first and listed["topic"] == first
        assert listed["articles"] == ["flood-a", "flood-b", "flood-c"]
        assert pipeline.db.resolve_story_id(store, second) == first
        assert pipeline.db.cached_dossier(store, second, "fp") is None
        assert pipeline.dossier_for_story(store, second)["story"]["id"] == first
        cup = pipeline.db.save_articles(store, [article(
            "Dunmore Rovers beat Halloway Town in the cup final.", id="cup")])
        assert pipeline.update_stories(store, cup)[cup[0].key] not in {first, second}


def test_a_story_merged_in_an_update_is_gone_for_the_rest_of_it(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # its row is deleted only at the end of the call: the topic pass must not read it
    # back (with its old centroid) from the store, nor keep it for the next call
    flood = [article("Flood water covered meadows, orchards and lanes.", id="flood-a"),
             article("Flood volunteers filled sandbags beside shelters.", id="flood-b"),
             article("Flood water covered meadows, orchards and lanes; volunteers filled "
                     "sandbags beside shelters.", id="flood-c")]
    regrouped: list[list[str]] = []
    real = cluster._neighbourhood

    def spy(index: Any, topics: Any) -> Any:
        found = real(index, topics)
        regrouped.append([s.id for s in found or []])
        return found

    monkeypatch.setattr(cluster, "_neighbourhood", spy)
    memory = MemoryStoryIndex()
    with open_store(tmp_path / "news.db") as store:
        for one in flood:
            saved = pipeline.db.save_articles(store, [one])
            regrouped.clear()
            assert pipeline.update_stories(store, saved) == assign_stories(memory, saved)
        [kept] = memory.states
        gone = "s2"
        assert kept.id == "s1" and kept.absorbed == [gone]
        # the last call merged s2 into s1: s2 took part in no topic regroup
        assert regrouped and all(gone not in ids for ids in regrouped)
        cache = store.story_cache
        assert [s.id for s in cache._states.values()] == ["s1"]
        assert all(s.id != gone for members in cache._topics.values()
                   for s in members.values())
        assert pipeline.db.topic_story_seqs(store, "s1", 10) == [1]
        assert pipeline.db.story_topics(store) == {"s1": "s1"}
        assert [s["id"] for s in pipeline.story_index(store)["stories"]] == ["s1"]
        # the next story is numbered after the merged-away one, not given its number
        cup = pipeline.db.save_articles(store, [CUP_FINAL])
        assert pipeline.update_stories(store, cup) == assign_stories(memory, cup) == {
            CUP_FINAL.key: "s3"}
        assert pipeline.db.story_seq(store, "s3") == 3
        assert set(store.story_cache._states) == {1, 3}


def _stream() -> list[Article]:
    return [*QESHM[:2], FLOOD_WATER, *LORCA[:1], FLOOD_HELP, QESHM[2], CUP_FINAL, *LORCA[1:],
            FLOOD_BOTH]


def _snapshot(store: Store) -> list[list[tuple[Any, ...]]]:
    return [[tuple(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in ("stories", "story_articles", "story_aliases", "story_terms",
                          "term_counts")]


@pytest.mark.parametrize("kept_stories, kept_terms", [(20_000, 500_000), (1, 0)])
def test_stories_through_the_store_equal_stories_in_memory(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch, kept_stories: int, kept_terms: int
) -> None:
    # the stories kept between calls, all of them or almost none, change nothing
    monkeypatch.setattr(stored_stories, "CACHED_STORIES", kept_stories)
    monkeypatch.setattr(stored_stories, "CACHED_TERMS", kept_terms)
    index = MemoryStoryIndex()
    stream = _stream()
    with open_store(tmp_path / "news.db") as store:
        for start in range(0, len(stream), 2):
            saved = pipeline.db.save_articles(store, stream[start:start + 2])
            assert pipeline.update_stories(store, saved) == assign_stories(index, saved)
            kept = store.story_cache
            assert len(kept._states) <= kept_stories
            # nothing of a story merged away stays behind: settling no longer sweeps
            # every loaded story, so removing one must drop it everywhere
            assert set(kept._used) == set(kept._states)
            assert set(kept._indexed) <= set(kept._states)
            # nor does the topic pass read a merged-away story back into it
            assert {s.id for s in kept._states.values()} <= set(
                pipeline.db.story_topics(store))
        stored = {s.id: (s.topic, sorted(pipeline.db.story_of_articles(store).values()).count(
            s.id)) for s, _ in pipeline.db.story_states(store)}
        assert stored == {s.id: (s.topic, s.size) for s in index.states}
        assert [state["terms"] for _, state in pipeline.db.story_states(store)] == [
            s.terms for s in index.states]
        assert len(index.states) == 4  # two quakes (one topic), the flood merged, the cup
        # the term index kept up to date equals one built from scratch
        before = _snapshot(store)
        pipeline.db.rebuild_story_terms(store, {}, "stale")
        with store.transaction():
            stored_stories.check_term_index(store)
        assert _snapshot(store) == before


def _dated_stream() -> list[Article]:
    """Today's news, then an archive a year old, a wrong year, and today's news again."""
    typo = article(_visit(2026, 1, 3).text, id="typo", published="2096-03-03T09:00:00Z")
    return [*_stream(), _visit(2026, 0, 2), _visit(2026, 1, 3),
            *[_visit(2025, n, 3 + n) for n in range(3)], typo, _visit(2026, 2, 4),
            article(LORCA[0].text + " Aid is still arriving.", id="lorca-late",
                    published="2026-03-20T08:00:00Z")]


@pytest.mark.parametrize("reopen", [False, True])
def test_dated_stories_through_the_store_equal_those_in_memory(tmp_path: Any,
                                                                reopen: bool) -> None:
    index = MemoryStoryIndex()
    stream = _dated_stream()
    kept = open_store(tmp_path / "news.db")
    for start in range(0, len(stream), 2):
        # a new process each call (dates read from the stored states) or one kept open
        store = open_store(tmp_path / "news.db") if reopen else kept
        saved = pipeline.db.save_articles(store, stream[start:start + 2])
        assert pipeline.update_stories(store, saved) == assign_stories(index, saved)
        if reopen:
            store.close()
    kept.close()
    years = {frozenset(a.key for a in group) for group in (
        [_visit(2025, n, 3 + n) for n in range(3)],
        [_visit(2026, n, 2 + n) for n in range(3)])}
    assert years <= {frozenset(s.keys) for s in index.states}
    with open_store(tmp_path / "news.db") as store:
        stored = [(s.id, s.topic, state) for s, state in pipeline.db.story_states(store)]
        assert stored == [(s.id, s.topic, s.to_json()) for s in index.states]
        before = _snapshot(store)
        # ingesting the same articles again changes nothing
        pipeline.update_stories(store, pipeline.db.save_articles(store, stream))
        assert _snapshot(store) == before


def test_a_failed_update_leaves_stories_and_term_index_as_they_were(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = _stream()
    with open_store(tmp_path / "news.db") as store:
        pipeline.update_stories(store, pipeline.db.save_articles(store, stream[:4]))
        before = _snapshot(store)

        def power_cut(*args: Any) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(pipeline.db, "merge_stored_stories", power_cut)
        saved = pipeline.db.save_articles(store, stream[4:])
        with pytest.raises(KeyboardInterrupt):
            pipeline.update_stories(store, saved)  # the flood merge fails after the rest
        assert _snapshot(store) == before
        assert store.story_cache is None  # its states were half changed: not kept
        monkeypatch.undo()
        index = MemoryStoryIndex()
        assign_stories(index, stream[:4])
        assert pipeline.update_stories(store, saved) == assign_stories(index, stream[4:])
        assert len(set(pipeline.db.story_of_articles(store).values())) == 4


@pytest.mark.parametrize("same_connection", [False, True])
def test_stories_kept_between_calls_are_read_again_after_another_write(
        tmp_path: Any, same_connection: bool) -> None:
    db_path = tmp_path / "news.db"
    with open_store(db_path) as store:
        first = pipeline.db.save_articles(store, QESHM[:1])
        quake = pipeline.update_stories(store, first)[first[0].key]
        kept = store.story_cache
        second = pipeline.db.save_articles(store, QESHM[1:2])
        assert pipeline.update_stories(store, second)[second[0].key] == quake
        assert store.story_cache is kept  # nothing else wrote: used again
        assert store.story_cache.changed() == []  # what was written is not again
        # another writer gives the quake story other terms (its postings stay as they are)
        with open_store(":memory:" if same_connection else db_path) as other:
            writer = store if same_connection else other
            pipeline.db.save_story_state(writer, [(pipeline.db.get_story(writer, quake), [],
                                                   {"terms": {"harvest": 1.0}, "size": 2})])
        third = pipeline.db.save_articles(store, QESHM[2:3])
        # the story is read again: no longer about quakes, so the article starts a story
        assert pipeline.update_stories(store, third)[third[0].key] != quake
        assert store.story_cache is not kept


def test_kept_story_states_go_with_their_store(tmp_path: Any) -> None:
    import gc
    import weakref

    store = open_store(tmp_path / "news.db")
    saved = pipeline.db.save_articles(store, [article("The Dunmore ferry sank on Monday.")])
    pipeline.update_stories(store, saved)
    assert store.story_cache is not None
    ref = weakref.ref(store)
    store.close()
    del store
    gc.collect()
    assert ref() is None


def test_a_story_is_named_by_the_headline_its_articles_share() -> None:
    from storyline.pipeline import story_title

    articles = [article("x", id="a", title="Trial of Harlow union treasurer to open next week",
                        published="2026-03-01T09:00:00Z"),
                article("x", id="b", title="Harlow union treasurer found guilty of theft",
                        published="2026-03-09T09:00:00Z"),
                article("x", id="c", title="Jury finds Harlow union treasurer guilty",
                        published="2026-03-10T09:00:00Z")]
    assert story_title(articles) == "Harlow union treasurer found guilty of theft"
    assert story_title(articles[:1]) == "Trial of Harlow union treasurer to open next week"
    # Reprints of the preview under its own headline do not outvote the other outlets.
    reprints = [article("x", id=f"r{n}", title="Trial of Harlow union treasurer to open "
                        "next week", published="2026-03-02T09:00:00Z") for n in range(3)]
    assert story_title(articles + reprints) == "Harlow union treasurer found guilty of theft"


def test_a_story_title_stays_when_a_side_feature_joins() -> None:
    from storyline.pipeline import story_title

    first = [article("x", id="a", title="Flood forces Brackwater regatta to move",
                     published="2026-05-02T09:00:00Z"),
             article("x", id="b", title="Regatta postponed to October as river rises",
                     published="2026-05-02T13:00:00Z")]
    feature = article("x", id="c", title="Rowers split over regatta move",
                      published="2026-05-08T09:00:00Z")
    assert story_title(first) == "Flood forces Brackwater regatta to move"
    assert story_title([*first, feature]) == "Flood forces Brackwater regatta to move"


def test_a_story_is_named_by_an_original_not_by_a_reprint() -> None:
    from storyline.pipeline import story_title

    body = "A tram left the rails near Mill Street on Monday evening, injuring nine people."
    articles = [
        article(f"OSTBURY (Meridian) - {body}", id="wire", outlet="Meridian Press",
                title="Tram derails on Ostbury's Quarry Line, nine hurt",
                published="2026-05-04T07:00:00Z"),
        article(f"OSTBURY (Meridian Press) - {body}", id="copy", outlet="Valley Echo",
                title="Quarry Line tram derails, nine injured", published="2026-05-04T08:00:00Z"),
        article("Nine people were hurt when a tram derailed.", id="own", outlet="Ostbury Ledger",
                title="Nine injured as Quarry tram leaves the rails",
                published="2026-05-04T18:00:00Z")]
    assert story_title(articles) == "Tram derails on Ostbury's Quarry Line, nine hurt"
    assert story_title(articles[1:2]) == "Quarry Line tram derails, nine injured"


def test_a_code_change_rebuilds_cached_dossiers(monkeypatch: Any, tmp_path: Path) -> None:
    articles = [article("The council met on Tuesday.", id="a")]
    before = pipeline._fingerprint(articles, pipeline.AnalyzeOptions())
    monkeypatch.setattr(pipeline, "_package_revision", lambda: "other code")
    assert pipeline._fingerprint(articles, pipeline.AnalyzeOptions()) != before
    # The revision reads every code and data file of a package, and nothing else.
    (tmp_path / "data").mkdir()
    (tmp_path / "stage.py").write_text("THRESHOLD = 0.5\n")
    (tmp_path / "data" / "model.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("not code")
    first = pipeline.code_revision(tmp_path)
    (tmp_path / "notes.txt").write_text("still not code")
    assert pipeline.code_revision(tmp_path) == first
    (tmp_path / "stage.py").write_text("THRESHOLD = 0.6\n")
    second = pipeline.code_revision(tmp_path)
    (tmp_path / "data" / "model.json").write_text('{"w": 1}')
    assert len({first, second, pipeline.code_revision(tmp_path)}) == 3


def test_articles_left_in_no_story_by_a_killed_ingest_join_stories_next_time(
        tmp_path: Any) -> None:
    with open_store(tmp_path / "news.db") as store:
        # a killed ingest: its batches were saved, its story update never ran
        orphans = pipeline.db.save_articles(store, [FLOOD_WATER, FLOOD_HELP])
        later = pipeline.db.save_articles(store, [CUP_FINAL])
        assignment = pipeline.update_stories(store, later)
        assert set(assignment) == {later[0].key}
        assigned = pipeline.db.story_of_articles(store)
        assert {a.key for a in [*orphans, *later]} <= set(assigned)


def test_showing_a_story_while_another_process_writes_skips_the_cache(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    monkeypatch.setattr(pipeline.db, "CACHE_WRITE_WAIT_MS", 50)
    path = tmp_path / "news.db"
    with open_store(path) as store:
        saved = pipeline.db.save_articles(store, [article(
            "The Kestrel pier in Dunmore reopened after repairs, Mayor Ilse Varga said.",
            id="pier")])
        story_id = pipeline.update_stories(store, saved)[saved[0].key]
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # an ingest holding the write lock
        try:
            dossier = pipeline.dossier_for_story(store, story_id)
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert dossier["story"]["id"] == story_id
        assert pipeline._story_cache(store, story_id, pipeline.AnalyzeOptions()).dossier is None
        pipeline.dossier_for_story(store, story_id)  # the lock is gone: cached now
        assert pipeline._story_cache(store, story_id, pipeline.AnalyzeOptions()).dossier


def test_a_wrong_topic_is_regrouped_the_same_in_the_store_and_in_memory(
        tmp_path: Any) -> None:
    index = MemoryStoryIndex()
    stream = _stream()
    with open_store(tmp_path / "news.db") as store:
        assign_stories(index, stream)
        pipeline.update_stories(store, pipeline.db.save_articles(store, stream))
        quake, cup = index.states[0], next(s for s in index.states if CUP_FINAL.key in s.keys)
        # as if the cup story had been linked with the quakes on a first article
        index.set_topic(cup, quake.id)
        pipeline.db.set_story_topic(store, pipeline.db.story_seq(store, cup.id) or 0, quake.id)
        assert pipeline.db.topic_story_seqs(store, quake.id, 10) == [
            pipeline.db.story_seq(store, s.id) for s in index.states if s.topic == quake.id]
        more = article("Striker Ona Marr scored twice as Dunmore Rovers won the cup final "
                       "against Halloway Town on Saturday.", id="cup-2")
        saved = pipeline.db.save_articles(store, [more])
        assert pipeline.update_stories(store, saved) == assign_stories(index, saved)
        assert cup.topic == cup.id  # split off again
        assert pipeline.db.story_topics(store) == {s.id: s.topic for s in index.states}


def test_an_ingest_counts_only_the_rows_it_inserted(tmp_path: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("pier", "ferry"):
        (folder / f"{name}.txt").write_text(f"The Dunmore {name} reopened on Monday, "
                                            "Mayor Ilse Varga said.\n")
    path = tmp_path / "news.db"
    with open_store(path) as store, open_store(path) as other:
        def another_ingest_meanwhile(count: int) -> None:
            number = pipeline.db.count_articles(other)
            pipeline.db.save_articles(other, [article(
                f"Another process stored report {number} about the Dunmore market.",
                id=f"other-{number}")])

        report = pipeline.ingest_inputs(store, [str(folder)], batch_size=1,
                                        progress=another_ingest_meanwhile)
        assert report.new == 2 and pipeline.db.count_articles(store) == 4
        again = pipeline.ingest_inputs(store, [str(folder)])
        assert again.new == 0 and len(again.articles) == 2



def test_a_stored_articles_id_is_kept_when_a_later_input_gives_it_as_its_own(
        tmp_path: Any) -> None:
    # Own ids win within one run (ingest.read_inputs), never over a stored article: ids
    # users have seen stay theirs, the newcomer takes a suffix.
    (tmp_path / "pier.txt").write_text("The Dunmore pier reopened on Monday, Mayor Ilse "
                                       "Varga said.\n")
    (tmp_path / "item.json").write_text('{"id": "pier", "text": "The Dunmore ferry sails '
                                        'again, said Mayor Ilse Varga."}')
    with open_store(tmp_path / "news.db") as store:
        pipeline.ingest_inputs(store, [str(tmp_path / "pier.txt")])
        pipeline.ingest_inputs(store, [str(tmp_path / "item.json")])
        ids = {Path(a.source).name: a.id for a in pipeline.db.all_articles(store)}
    assert ids == {"pier.txt": "pier", "item.json": "pier-2"}


def test_the_reporting_outlet_and_a_spinners_names_are_no_actors_unless_they_speak() -> None:
    from storyline.models import Entity, Provenance, Span

    articles = [article("Nandakumar told the Post the work would take eight weeks.",
                        id="post", outlet="Vale Evening Post"),
                article("Airfield Director Nandakumar said the work would take eight weeks.",
                        id="spun", outlet="NewsPulse Daily")]
    provenance = [Provenance("post", "original", None, 0.0),
                  Provenance("spun", "spun", "post", 0.8)]

    def body(entity_id: str, name: str, where: str) -> Entity:
        return Entity(entity_id, "ORG", name, (), (), (Span(where, 0, 4),))

    entities = [body("o1", "Post", "post"), body("o2", "Airfield", "spun"),
                body("o3", "Skylark Air", "post"), body("o4", "Airfield", "spun"),
                Entity("o5", "ORG", "Vale Evening Post", (), (),
                       (Span("post", 0, 4), Span("spun", 0, 4)))]  # and a copy repeats it
    kept = pipeline._story_actors(entities, articles, provenance, speakers={"o4"})
    assert [e.id for e in kept] == ["o3", "o4"]  # o4 speaks, so the reader must find it


def test_the_reporting_outlet_named_without_its_outlet_word_is_no_actor() -> None:
    """walk21: "told Kestrel Radio that five workers ..." in Kestrel Radio News listed the
    broadcaster among the story's organisations: its name less the word that says it is an
    outlet is the outlet itself. Another outlet's name stays."""
    from storyline.models import Entity, Provenance, Span

    articles = [article("Liss Harrow told Wrenfield Radio the pier would reopen.", id="r",
                        outlet="Wrenfield Radio News")]
    provenance = [Provenance("r", "original", None, 0.0)]
    entities = [Entity("o1", "ORG", "Wrenfield Radio", (), (), (Span("r", 16, 31),)),
                Entity("o2", "ORG", "Calder Radio", (), (), (Span("r", 0, 4),))]
    kept = pipeline._story_actors(entities, articles, provenance, speakers=set())
    assert [e.id for e in kept] == ["o2"]


def test_an_outlet_named_only_in_credits_is_no_actor_unless_it_speaks() -> None:
    from storyline.models import Entity, Provenance, Span

    wire = ("CALDER (NPA) - The Calder pumps were switched off on Tuesday.\n\n"
            "Reporting by Northvale Press Agency")
    brief = ("SCHOOLS: Two village schools will merge (Wendle Valley Times).\n\n"
             "WEATHER: Rain is expected. The Wendle Valley Times said the vote was close.")
    articles = [article(wire, id="reprint", outlet="Eastbrook Gazette"),
                article(brief, id="brief", outlet="Vale Morning Brief")]
    provenance = [Provenance("reprint", "original", None, 0.0),
                  Provenance("brief", "original", None, 0.0)]
    credit, bracket = wire.index("Northvale Press"), brief.index("Wendle Valley")
    said = brief.index("Wendle Valley", bracket + 1)
    entities = [Entity("o1", "ORG", "Northvale Press Agency", (), (),
                       (Span("reprint", credit, credit + 22),)),
                Entity("o2", "ORG", "Wendle Valley Times", (), (),
                       (Span("brief", bracket, bracket + 19),)),
                Entity("o3", "ORG", "Wendle Valley Times", (), (),
                       (Span("brief", bracket, bracket + 19), Span("brief", said, said + 19)))]
    kept = pipeline._story_actors(entities, articles, provenance, speakers=set())
    assert [e.id for e in kept] == ["o3"]  # named in a credit and outside it: it does something
    kept = pipeline._story_actors(entities, articles, provenance, speakers={"o1"})
    assert [e.id for e in kept] == ["o1", "o3"]


def test_a_digests_other_items_bring_no_people_into_the_story() -> None:
    from tests.test_digests import LIBRARY, _brief

    item = ("READING ROOM SHUT: The Orla Bay public library will close its reading room "
            "for eight weeks from Monday while the roof over the east wing is replaced.\n\n"
            "HARBOUR: Harbour master Tomas Keller said the north pier would reopen on "
            "Tuesday after repairs.")
    articles = [article(LIBRARY, id="post", outlet="Orla Bay Post",
                        published="2026-02-05T09:00:00Z"),
                article(_brief(item), id="brief", outlet="Bay Morning Brief",
                        published="2026-02-06T06:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    assert {p["article"]: p["kind"] for p in dossier["provenance"]}["brief"] == "digest"
    names = [p["name"] for p in dossier["people"]]
    assert "Wenna Castell" in names and "Tomas Keller" not in names
    assert not any(q["article"] == "brief" and "pier" in q["text"] for q in dossier["quotes"])


def test_ingest_sorts_articles_into_stories_chunk_by_chunk(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    for number, item in enumerate([FLOOD_WATER, CUP_FINAL, FLOOD_HELP, FLOOD_BOTH]):
        (folder / f"{number}-{item.id}.txt").write_text(item.text + "\n")
    calls: list[int] = []
    real = pipeline.update_stories

    def counted(store: Store, articles: Any) -> dict[str, str]:
        calls.append(len(articles))
        return real(store, articles)

    monkeypatch.setattr(pipeline, "update_stories", counted)
    monkeypatch.setattr(pipeline, "INGEST_BATCH", 1)
    with open_store(tmp_path / "news.db") as store:
        first = pipeline.ingest_into_stories(store, [str(folder)], assign_every=2)
        assert calls == [2, 2, 0]  # two chunks, then the look for left-out articles
        assert (first.articles, first.new) == (4, 4)
        assigned = pipeline.db.story_of_articles(store)
        assert len(assigned) == 4 and first.stories == set(assigned.values())
        again = pipeline.ingest_into_stories(
            store, [str(folder), str(folder / "0-flood-a.txt")])
        assert (again.articles, again.new, again.stories) == (4, 0, first.stories)


def test_an_entity_lists_the_articles_it_speaks_in_through_a_phrase() -> None:
    articles = [article("The Harlow Lakeside Gallery will reopen its east wing on Friday after "
                        "a year of repairs, the Harlow Lakeside Gallery said.", id="first"),
                article('The east wing reopens on Friday. "Visitors will see the harbour '
                        'paintings again," the gallery said.', id="second")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    [quote] = [q for q in dossier["quotes"] if q["article"] == "second"]
    [gallery] = [o for o in dossier["organizations"] if o["id"] == quote["speaker"]]
    assert gallery["articles"] == ["first", "second"]
    span = quote["speaker_span"]
    assert {"article": "second", "start": span["start"], "end": span["end"]} in [
        {k: m[k] for k in ("article", "start", "end")} for m in gallery["mentions"]]


def test_a_generic_body_is_not_one_only_another_article_names() -> None:
    articles = [article("The Orlin Wellbeing Agency said no one had fallen ill from the tap "
                        "water in Brackenford.", id="first"),
                article('Brackenford\'s water authority told residents to boil their tap '
                        'water. "Every tank will be flushed," the authority said.', id="second",
                        published="2026-03-11T12:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    [flushed] = [q for q in dossier["quotes"] if "flushed" in q["text"]]
    assert flushed["speaker"] is None  # not the agency the first article names


def test_index_first_and_last_are_moments_not_strings() -> None:
    from storyline.models import Story

    east = article("A tram left the rails.", id="east", published="2026-03-05T01:00:00+00:00")
    west = article("A tram left the rails.", id="west", published="2026-03-04T23:00:00-05:00")
    [listed] = pipeline.index_of([(Story("s1", "Tram", ("east", "west")), [east, west])])["stories"]
    assert (listed["first"], listed["last"]) == (east.published_iso, west.published_iso)
    dossier = {"story": {"id": "s1", "title": "Tram"},
               "articles": [{"id": a.id, "outlet": "", "published": a.published_iso}
                            for a in (east, west)]}
    [indexed] = pipeline.index_for([dossier])["stories"]
    assert (indexed["first"], indexed["last"]) == (east.published_iso, west.published_iso)


def test_one_moment_in_two_offsets_gives_one_first_and_last_in_both_indexes() -> None:
    # The store lists a story's articles in the order read, a dossier by time then id:
    # `storyline stories` (index_of) and an index.json (index_for) name the same first
    # and last article of a moment written with two UTC offsets, the first and the last
    # of the articles as the index lists them, whatever the order given.
    from storyline.models import Story

    utc = article("The Fennick tram depot reopened.", id="utc", title="Depot reopens",
                  published="2026-03-05T01:00:00+00:00")
    paris = article("The Fennick tram depot reopened.", id="paris", title="Depot open",
                    published="2026-03-05T02:00:00+01:00")
    late = article("Trams ran late at Fennick.", id="late", published=None)
    for given in ([utc, late, paris], [paris, late, utc]):
        story = Story("s1", "", tuple(a.id for a in given))
        [listed] = pipeline.index_of([(story, given)])["stories"]
        assert listed["articles"] == ["paris", "utc", "late"]  # by time, then id
        assert (listed["first"], listed["last"]) == (paris.published_iso, utc.published_iso)
        assert listed["title"] == pipeline.story_title(given)
        dossier = pipeline.build_dossier(pipeline.single_story(given), given)
        [indexed] = pipeline.index_for([dossier])["stories"]
        assert indexed["articles"] == listed["articles"]
        assert (indexed["first"], indexed["last"]) == (listed["first"], listed["last"])


def test_a_search_lists_stories_whose_headlines_say_it_first() -> None:
    stories = [{"id": "s2", "title": "Water main floods high street", "outlets": []},
               {"id": "s1", "title": "Lighthouse sold", "outlets": []},
               {"id": "s3", "title": "Parking charges", "outlets": []}]
    found = pipeline.matching_stories(stories, "lighthouse", headlines={},
                                      named={"s2", "s1"})
    assert [s["id"] for s in found] == ["s1", "s2"]  # s2 only names it in a digest's item
    assert [s["id"] for s in pipeline.matching_stories(stories, "street", headlines={},
                                                       named=set())] == ["s2"]


# Two fictional stories, three outlets each, one outlet reprinting another's wire copy.
_FERRY = (
    ("ferry-wire", "Orla Bay Wire", "2026-05-03T08:00:00Z",
     "The ferry Saltmarsh Star ran aground off Orla Bay early on Sunday with 212 passengers "
     "on board, the harbour authority said.\n\nHarbour master Odile Farrant said tugs would "
     "try to pull the ship free at high tide on Monday. \"Nobody was hurt, and the hull "
     "is not breached,\" Farrant said.\n\nAll sailings to Gull Island were cancelled until "
     "at least Tuesday."),
    ("ferry-courier", "Tollan Courier", "2026-05-03T11:00:00Z",
     "The ferry Saltmarsh Star ran aground off Orla Bay early on Sunday with 212 passengers "
     "on board, the harbour authority said.\n\nHarbour master Odile Farrant said tugs would "
     "try to pull the ship free at high tide on Monday. \"Nobody was hurt, and the hull "
     "is not breached,\" Farrant said.\n\nAll sailings to Gull Island were cancelled until "
     "at least Tuesday.\n\nFrom Orla Bay Wire."),
    ("ferry-post", "Gull Island Post", "2026-05-03T13:00:00Z",
     "Passengers of the Saltmarsh Star spent Sunday waiting on deck after the ferry ran "
     "aground in fog off Orla Bay.\n\nHarbour master Odile Farrant told the Post that 210 "
     "passengers and crew were safe. Sailings to Gull Island are cancelled until Tuesday."),
)
_BRIDGE = (
    ("bridge-herald", "Dunmore Herald", "2026-03-11T09:00:00Z",
     "The Kestrel River Bridge was closed to traffic on Wednesday after engineers found "
     "cracks in two of its supports.\n\nMayor Ilse Varga said the bridge would stay closed "
     "until every support had been checked. \"Safety comes first,\" Varga said.\n\nRepairs "
     "are expected to cost about 12 million crowns."),
    ("bridge-ledger", "Northern Ledger", "2026-03-11T12:00:00Z",
     "Dunmore shut the Kestrel River Bridge on Wednesday when inspectors found cracked "
     "supports.\n\nMayor Ilse Varga told reporters the bridge would stay shut until every "
     "support was checked. Repairs could cost 14 million crowns, the city said."),
    ("bridge-observer", "Dunmore Observer", "2026-03-12T07:00:00Z",
     "Buses took a long detour through the Mill Lane crossing on Thursday, a day after the "
     "Kestrel River Bridge was closed.\n\nMayor Ilse Varga said the city council would "
     "meet on Friday to discuss the repairs."),
)


def _story(texts: Any) -> list[Article]:
    return [article(text, id=id, outlet=outlet, published=published)
            for id, outlet, published, text in texts]


def _without_run_details(dossier: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in dossier.items() if key != "generator"}


def test_a_story_dossier_does_not_depend_on_the_story_analysed_before() -> None:
    # A process analysing many stories (`analyze` of a folder, `serve`, `ingest`) must
    # give each the dossier its own articles give: nothing of one story may stay behind.
    ferry, bridge = _story(_FERRY), _story(_BRIDGE)
    first = pipeline.build_dossier(pipeline.single_story(bridge), bridge)
    pipeline.build_dossier(pipeline.single_story(ferry), ferry)
    again = pipeline.build_dossier(pipeline.single_story(bridge), bridge)
    assert _without_run_details(again) == _without_run_details(first)
    assert first["summary"] and first["facts"]  # a dossier with something in it


@pytest.mark.slow
def test_a_story_dossier_is_the_same_in_every_process(tmp_path: Path) -> None:
    # Python seeds the order of its sets of strings afresh in each process: a decision
    # that follows that order (a tie broken by whichever word came first) made a story's
    # dossier differ from one run to the next.
    for id, outlet, published, text in (*_FERRY, *_BRIDGE):
        (tmp_path / f"{id}.txt").write_text(
            f"Outlet: {outlet}\nPublished: {published}\n\n{text}\n", encoding="utf-8")
    runs = []
    for seed in ("0", "1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "storyline", "analyze", str(tmp_path), "--format", "json"],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True,
            check=True)
        runs.append([_without_run_details(json.loads(line))
                     for line in done.stdout.splitlines()])
    assert len(runs[0]) == 2  # the two stories
    assert runs[1] == runs[0] and runs[2] == runs[0]


@pytest.mark.slow
def test_two_stories_analysed_together_get_the_dossiers_each_gets_alone(
        demo_dossiers: list[dict[str, Any]], demo_articles: list[Article]) -> None:
    by_id = {a.id: a for a in demo_articles}
    assert len(demo_dossiers) == 2
    for together in demo_dossiers:
        own = [by_id[a["id"]] for a in together["articles"]]
        with open_store(None) as store:
            pipeline.db.save_articles(store, own)
            alone, = pipeline.analyze(store, pipeline.IngestReport(articles=own))
        # Only the story's number differs: a store numbers its stories as they come.
        assert {**alone, "story": {**alone["story"], "id": ""}} == \
            {**together, "story": {**together["story"], "id": ""}}


def test_a_copy_of_an_input_under_another_name_is_kept_once_with_a_warning(
        tmp_path: Any) -> None:
    # Nothing is lost silently: the copy names the article it repeats; reading the same
    # inputs into the store again is no duplicate.
    text = "The Dunmore pier reopened on Monday, Mayor Ilse Varga said.\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "pier.txt").write_text(text)
    (tmp_path / "a" / "pier-copy.txt").write_text(text)
    line = json.dumps({"text": "The Dunmore ferry sails again, said Mayor Ilse Varga.",
                       "title": "Ferry back"})
    (tmp_path / "a" / "feed.jsonl").write_text(line + "\n" + line + "\n")
    with open_store(tmp_path / "news.db") as store:
        for batch_size in (1, 50):
            report = pipeline.ingest_inputs(store, [str(tmp_path / "a")],
                                            batch_size=batch_size)
            warnings = sorted((Path(e.source).name, e.reason) for e in report.errors)
            assert len(report.articles) == 2 and all(
                e.severity == "warning" for e in report.errors)
            assert [name for name, _ in warnings] == ["feed.jsonl", "pier.txt"]
            assert "the same article as pier-copy (" in warnings[1][1]
        (tmp_path / "b").mkdir()
        (tmp_path / "b" / "pier.txt").write_text(text)
        later = pipeline.ingest_inputs(store, [str(tmp_path / "b")])
        assert [(Path(e.source).parent.name, e.severity) for e in later.errors] == [
            ("b", "warning")]
        assert later.new == 0


def test_an_outlets_own_dateline_under_a_shorter_name_keeps_its_headline() -> None:
    """ "(Harbor Times)" in Harbor Times Online's own story is no credit to another outlet:
    its headline, the story's first, stays a candidate title (the review of `4204369`)."""
    def dated(number: int, outlet: str, title: str, text: str) -> Article:
        return Article(id=f"a{number}", source="x", text=text, title=title, outlet=outlet,
                       published=datetime(2026, 3, number + 1, tzinfo=UTC))
    articles = [
        dated(1, "Harbor Times Online", "Marrowby pier vote delayed until spring",
                "MARROWBY (Harbor Times) - The fictional council delayed the pier vote "
                "until spring on Monday."),
        dated(2, "Coast Daily", "Ferry firm angry over pier",
                "The ferry firm was angry that the pier vote slipped."),
        dated(3, "Valley Post", "Marrowby vote: firm may leave town",
                "The ferry firm may leave Marrowby, its owner said.")]
    assert pipeline.story_title(articles) == "Marrowby pier vote delayed until spring"
    copied = [replace(articles[0], outlet="Coastline Herald"), *articles[1:]]
    assert pipeline.story_title(copied) != "Marrowby pier vote delayed until spring"


def test_the_outlets_own_reporting_is_no_quote() -> None:
    # "The Beacon can reveal that ..." in The Evening Beacon is the article's own claim;
    # "the Chronicle reported that ..." in it is another outlet's, a report.
    text = ("The Beacon can reveal that Olav Brand bought a villa in May. The Chronicle "
            "reported that Brand had sold his boat.")
    [analysis] = pipeline.analyze_articles([article(text, outlet="The Evening Beacon")])
    assert [q.speaker_text for q in analysis.quotes] == ["The Chronicle"]
    # A party's release saying "The party said" still quotes the party.
    release = article("The party said that the levy was unfair.", outlet="Vell Farmers Party")
    [analysis] = pipeline.analyze_articles([release])
    assert [q.speaker_text for q in analysis.quotes] == ["The party"]
