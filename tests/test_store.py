"""The SQLite store: articles, errors, stories, dossier cache, and batched ingest."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline import store as db
from storyline.cluster import article_vector
from storyline.ingest import make_article
from storyline.models import Article, InputError, StoreProblem, Story, StoryNotFound
from storyline.store import Store, open_store


def news(id: str, text: str, *, outlet: str = "Dunmore Courier", **fields: Any) -> Article:
    return make_article(id=id, source=f"{id}.txt", text=text, outlet=outlet, **fields)


BRIDGE = news("bridge", "Mayor Ilse Varga of Dunmore said on 3 March that the bridge would reopen.",
              title="Bridge to reopen", url="https://www.dunmorecourier.example/bridge",
              published="2026-03-11T10:15:00+01:00", author="Petra Lindqvist")
FERRY = news("ferry", "The Halloway ferry resumed service on Tuesday, captain Oskar Feld said.",
             outlet="Halloway Post", published="2026-03-12T08:00:00Z")
MARKET = news("market", "The Lowmere market hall will stay open, councillor Ada Brennick said.",
              outlet="The Lowmere Ledger")


def rows(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


# -- opening ---------------------------------------------------------------------------

def test_a_file_that_is_no_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Wrenfold harbour notes, not a database at all.\n" * 20)
    with pytest.raises(StoreProblem, match=r"cannot open the store .*notes\.db: file is not"):
        open_store(path)


def test_another_programs_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreProblem, match="is not a Storyline store"):
        open_store(path)
    with pytest.raises(StoreProblem, match="is not a Storyline store"):
        open_store(path, create=False)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()


def test_an_empty_file_becomes_a_store_only_when_creating(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    path.touch()
    with pytest.raises(StoreProblem, match=r"is not a Storyline store \(it is empty\)"):
        open_store(path, create=False)
    assert path.stat().st_size == 0
    with open_store(path) as store:
        db.save_articles(store, [BRIDGE])
    with open_store(path, create=False) as store:
        assert db.count_articles(store) == 1


def test_a_store_path_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("not a folder")
    with pytest.raises(StoreProblem, match=r"cannot open the store .*plain\.txt.news\.db"):
        open_store(tmp_path / "plain.txt" / "news.db")


# -- articles -------------------------------------------------------------------------


def test_save_and_read_back_every_field(store: Store) -> None:
    saved = db.save_articles(store, [BRIDGE, FERRY, MARKET])
    assert saved == [BRIDGE, FERRY, MARKET]
    back = db.all_articles(store)
    assert back == [BRIDGE, FERRY, MARKET]
    bridge = back[0]
    assert bridge.id == "bridge"
    assert bridge.source == "bridge.txt"
    assert bridge.title == "Bridge to reopen"
    assert bridge.outlet == "Dunmore Courier"
    assert bridge.url == "https://www.dunmorecourier.example/bridge"
    assert bridge.author == "Petra Lindqvist"
    assert bridge.text == BRIDGE.text
    assert bridge.published == datetime(2026, 3, 11, 10, 15,
                                        tzinfo=timezone(timedelta(hours=1)))
    assert bridge.published is not None
    assert bridge.published.utcoffset() == timedelta(hours=1)
    assert back[1].published == datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    assert back[2].published is None
    assert [a.key for a in back] == [a.key for a in (BRIDGE, FERRY, MARKET)]
    assert db.count_articles(store) == 3
    row = store.conn.execute("SELECT sha256, words FROM articles WHERE id = 'bridge'").fetchone()
    assert row["sha256"] == BRIDGE.sha256
    assert row["words"] == BRIDGE.words


def test_articles_by_keys_keeps_the_requested_order(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY, MARKET])
    found = db.articles_by_keys(store, [MARKET.key, "no-such-key", BRIDGE.key])
    assert [a.id for a in found] == ["market", "bridge"]


def test_resaving_the_same_article_is_a_no_op(store: Store) -> None:
    db.save_articles(store, [BRIDGE])
    again = db.save_articles(store, [BRIDGE])
    assert again == [BRIDGE]
    assert again[0].id == "bridge"
    assert db.count_articles(store) == 1
    # in one batch too
    db.save_articles(store, [FERRY, FERRY])
    assert db.count_articles(store) == 2


def test_save_counts_only_the_rows_it_inserted(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with open_store(path) as first, open_store(path) as second:
        assert db.save_articles(first, [BRIDGE]).new == 1
        # another process stored BRIDGE meanwhile: this call inserts FERRY only
        saved = db.save_articles(second, [BRIDGE, FERRY, FERRY])
        assert [a.id for a in saved] == ["bridge", "ferry", "ferry"] and saved.new == 1
        assert db.save_articles(first, [FERRY, MARKET]).new == 1


def test_a_different_article_with_a_taken_id_gets_a_suffix(store: Store) -> None:
    other = news("bridge", "The Kestrel footbridge in Dunmore was repainted green.")
    third = news("bridge", "Dunmore council debated the bridge budget on Thursday.")
    db.save_articles(store, [BRIDGE])
    [stored] = db.save_articles(store, [other])
    assert stored.id == "bridge-2"
    assert stored.text == other.text
    assert stored.key == other.key
    [stored3] = db.save_articles(store, [third])
    assert stored3.id == "bridge-3"
    assert [a.id for a in db.all_articles(store)] == ["bridge", "bridge-2", "bridge-3"]
    # re-saving the renamed article returns it under its stored id
    assert db.save_articles(store, [other])[0].id == "bridge-2"
    assert db.count_articles(store) == 3


def test_same_text_in_another_outlet_is_another_record(store: Store) -> None:
    copy = news("bridge-copy", BRIDGE.text, outlet="Valley Wire", title=BRIDGE.title,
                url=BRIDGE.url, published="2026-03-11T10:15:00+01:00")
    assert copy.key != BRIDGE.key
    db.save_articles(store, [BRIDGE, copy])
    assert db.count_articles(store) == 2
    shas = [r[0] for r in store.conn.execute("SELECT sha256 FROM articles ORDER BY seq")]
    assert shas == [BRIDGE.sha256, BRIDGE.sha256]
    assert [a.outlet for a in db.all_articles(store)] == ["Dunmore Courier", "Valley Wire"]


# -- the database file ------------------------------------------------------------------


def test_file_store_uses_wal_and_schema_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        db.save_articles(store, [BRIDGE, FERRY])
        db.save_errors(store, [InputError("broken.json", "invalid JSON")])
    assert db_path.exists()
    # a plain sqlite connection sees committed data and the schema version
    plain = sqlite3.connect(db_path)
    try:
        assert plain.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert plain.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    finally:
        plain.close()


def test_reopening_keeps_data_and_does_not_migrate_again(db_path: Path) -> None:
    with open_store(db_path) as store:
        db.save_articles(store, [BRIDGE, FERRY])
    with open_store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert db.all_articles(store) == [BRIDGE, FERRY]
        db.save_articles(store, [MARKET, BRIDGE])
    with open_store(str(db_path)) as store:
        assert [a.id for a in db.all_articles(store)] == ["bridge", "ferry", "market"]


def test_open_store_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "news.db"
    with open_store(path) as store:
        db.save_articles(store, [MARKET])
    assert path.exists()


def test_memory_store(store: Store) -> None:
    assert store.path == ":memory:"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
    assert db.all_articles(store) == []


def test_transaction_rollback_leaves_no_partial_rows(store: Store) -> None:
    db.save_articles(store, [BRIDGE])
    with pytest.raises(RuntimeError, match="power cut"), store.transaction() as conn:
        conn.execute(
            "INSERT INTO input_errors (source, reason, severity, at) VALUES (?,?,?,?)",
            ("a.txt", "half written", "error", "2026-03-11T09:00:00+00:00"))
        conn.execute("DELETE FROM articles")
        raise RuntimeError("power cut")
    assert db.all_articles(store) == [BRIDGE]
    assert rows(store, "input_errors") == 0
    # the connection is usable afterwards
    db.save_articles(store, [FERRY])
    assert db.count_articles(store) == 2


def test_failure_inside_save_articles_rolls_back_the_whole_batch(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]
    real_now = db._now

    def failing_now() -> str:
        calls[0] += 1
        if calls[0] == 2:
            raise OSError("disk full")
        return real_now()

    monkeypatch.setattr(db, "_now", failing_now)
    with pytest.raises(OSError, match="disk full"):
        db.save_articles(store, [BRIDGE, FERRY, MARKET])
    assert db.count_articles(store) == 0


def test_opening_a_migrated_store_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    open_store(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an ingest holding the write lock
    opened: list[Store] = []
    thread = threading.Thread(target=lambda: opened.append(open_store(path)))
    thread.start()
    thread.join(timeout=10)  # the store waits up to 60 s for a lock it needs
    opened_while_locked = bool(opened)
    writer.execute("ROLLBACK")
    thread.join()
    opened[0].close()
    assert opened_while_locked, "opening the store waited for the writer's lock"


# -- input errors -----------------------------------------------------------------------


def test_errors_round_trip(store: Store) -> None:
    errors = [
        InputError("missing.txt", "no such file or directory"),
        InputError("cafe.txt", "not valid UTF-8; decoded as Windows-1252", severity="warning"),
        InputError("wire.jsonl:3", "invalid JSON at line 1 column 64"),
    ]
    db.save_errors(store, errors)
    db.save_errors(store, [])
    assert db.errors_for_sources(store, ["missing.txt", "cafe.txt", "wire.jsonl"]) == errors
    assert db.errors_for_sources(store, ["wire.jsonl"]) == [errors[2]]
    assert db.errors_for_sources(store, ["wire"]) == []


def test_errors_read_from_stdin_belong_to_no_later_story(store: Store) -> None:
    db.save_errors(store, [InputError("<stdin>:2", "invalid JSON at line 1 column 9")])
    assert db.errors_for_sources(store, ["<stdin>"]) == []


def _store_of_version(path: Path, version: int) -> sqlite3.Connection:
    """A store as an older Storyline left it: the first `version` migrations only."""
    conn = sqlite3.connect(path)
    for script in db.MIGRATIONS[:version]:
        for statement in db._statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def test_migration_keeps_one_row_per_error(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = _store_of_version(path, 4)
    conn.executemany("INSERT INTO input_errors (source, reason, severity, at) VALUES "
                     "(?, ?, 'error', 'now')", [("a.json", "empty file")] * 3)
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert db.errors_for_sources(store, ["a.json"]) == [InputError("a.json", "empty file")]


def test_the_same_error_is_stored_once(store: Store) -> None:
    error = InputError("feed.xml#2", "no article text")
    db.save_errors(store, [error, error])
    db.save_errors(store, [error, InputError("feed.xml#2", "empty item")])
    assert db.errors_for_sources(store, ["feed.xml#1"]) == [
        error, InputError("feed.xml#2", "empty item")]


# -- stories ------------------------------------------------------------------------------


def test_story_headers_keep_a_credit_at_the_end_so_the_index_titles_as_the_dossier(
        store: Store) -> None:
    body = "The harbour bridge will close for repairs next month, officials said. " * 6
    own = news("own", body, title="Harbour bridge to close for repairs", outlet="Vale Post",
               published="2026-01-01T10:00:00Z")
    copy = news("copy", body + "\n\nThis story originally appeared in Kestrel Wire.",
                title="Bridge shut", outlet="Coast Daily", published="2025-12-31T10:00:00Z")
    db.save_articles(store, [own, copy])
    db.save_story_state(store, [(Story("s1", "Bridge"), [own.key, copy.key], {})])
    [(story, headers)] = db.list_story_headers(store)
    assert headers[1].text.endswith("appeared in Kestrel Wire.")
    assert headers[1].text.startswith(copy.text[:db.HEADER_TEXT])
    [listed] = pipeline.index_of([(story, headers)])["stories"]
    assert listed["title"] == pipeline.story_title([own, copy]) == own.title


def test_stories_round_trip(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY, MARKET])
    state = {"centroid": {"bridge": 0.5, "dunmore": 0.25}, "terms": ["bridge"]}
    db.save_story_state(store, [
        (Story("s1", "Dunmore bridge"), [BRIDGE.key, FERRY.key], state),
        (Story("s2", "Lowmere market"), [MARKET.key], {}),
    ])
    listed = db.list_story_headers(store)
    assert [(s.id, s.title) for s, _ in listed] == [("s1", "Dunmore bridge"),
                                                    ("s2", "Lowmere market")]
    assert [[a.id for a in arts] for _, arts in listed] == [["bridge", "ferry"], ["market"]]
    assert listed[0][1][0].text == BRIDGE.text[:db.HEADER_TEXT]  # headers: the opening only
    assert db.story_articles(store, "s1") == [BRIDGE, FERRY]
    assert db.story_articles(store, "s2") == [MARKET]
    assert dict((s.id, st) for s, st in db.story_states(store)) == {"s1": state, "s2": {}}
    assert db.story_of_articles(store) == {BRIDGE.key: "s1", FERRY.key: "s1", MARKET.key: "s2"}
    assert db.story_of_articles(store, [MARKET.key, "unknown"]) == {MARKET.key: "s2"}
    assert db.get_story(store, "s2") == Story("s2", "Lowmere market", topic="s2")


def test_every_write_to_stories_or_their_terms_changes_the_generation(store: Store) -> None:
    tokens = [db.story_generation(store)]

    def changed() -> bool:
        tokens.append(db.story_generation(store))
        return tokens[-1] != tokens[-2]

    seq = db.create_story(store, Story("s1", "Dunmore bridge"))
    assert changed()
    db.save_articles(store, [BRIDGE])
    db.save_dossier(store, "s1", "fp", {})
    assert not changed()  # articles and dossiers are not story state
    db.rename_topic(store, "s1", "s1")
    assert changed()
    db.set_story_terms(store, seq, ["bridge", "dunmore"])
    assert changed()
    db.change_story_terms(store, [], [("bridge", seq)])
    assert changed()
    with pytest.raises(RuntimeError), store.transaction():
        db.create_story(store, Story("s2", "Lowmere market"))
        raise RuntimeError("power cut")
    assert not changed()  # rolled back: the token it had, not one a later write reaches
    db.rebuild_story_terms(store, {seq: ["bridge"]}, "v")
    assert changed()


def test_saving_a_story_again_updates_title_and_keeps_members(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY])
    db.save_story_state(store, [(Story("s1", "Old title"), [BRIDGE.key], {"n": 1})])
    db.save_story_state(store, [(Story("s1", "New title"), [BRIDGE.key], {"n": 2})])
    [(story, articles)] = db.list_story_headers(store)
    assert story.title == "New title"
    assert [a.id for a in articles] == [BRIDGE.id]
    assert db.story_states(store)[0][1] == {"n": 2}
    assert rows(store, "story_articles") == 1


def test_an_article_moves_to_its_new_story(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY])
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key, FERRY.key], {})])
    db.save_story_state(store, [(Story("s2", "Ferry"), [FERRY.key], {})])
    assert db.story_articles(store, "s1") == [BRIDGE]
    assert db.story_articles(store, "s2") == [FERRY]


def test_merging_stories_repoints_articles_and_keeps_the_old_id(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY, MARKET])
    db.save_story_state(store, [(Story("s1", "Bridge", topic="s1"), [BRIDGE.key], {}),
                                (Story("s2", "Ferry", topic="s1"), [FERRY.key], {}),
                                (Story("s3", "Market", topic="s3"), [MARKET.key], {})])
    for story_id in ("s1", "s2", "s3"):
        db.save_dossier(store, story_id, "fp", {"v": story_id})
    db.merge_stored_stories(store, "s1", ["s2"])
    assert db.story_articles(store, "s1") == [BRIDGE, FERRY]
    assert [s.id for s, _ in db.story_states(store)] == ["s1", "s3"]
    assert db.cached_dossier(store, "s1", "fp") is None
    assert db.cached_dossier(store, "s3", "fp") == {"v": "s3"}
    assert db.resolve_story_id(store, "s2") == "s1"
    assert db.resolve_story_id(store, "s3") == "s3"
    assert all(db.story_id_taken(store, i) for i in ("s1", "s2", "s3"))
    assert not db.story_id_taken(store, "s4") and db.count_story_ids(store) == 3
    # a second merge carries the first alias along
    db.merge_stored_stories(store, "s3", ["s1"])
    assert db.resolve_story_id(store, "s2") == "s3"
    assert db.story_articles(store, "s3") == [BRIDGE, FERRY, MARKET]


def test_a_story_number_is_never_given_again(store: Store) -> None:
    # the stories kept between calls (stored_stories.StoredStoryIndex) and the term index are
    # keyed by story number: a number given again would name two stories over time
    db.save_articles(store, [BRIDGE, FERRY])
    assert [db.create_story(store, Story(i, i)) for i in ("s1", "s2", "s3")] == [1, 2, 3]
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key], {}),
                                (Story("s3", "Ferry"), [FERRY.key], {})])
    db.merge_stored_stories(store, "s1", ["s3", "s2"])  # the newest ones merged away
    assert db.create_story(store, Story("s4", "Market")) == 4
    db.save_story_state(store, [(Story("s5", "Pier"), [], {})])
    assert db.story_seq(store, "s5") == 5


def test_story_topics_round_trip(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY])
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key], {}),
                                (Story("s2", "Ferry"), [FERRY.key], {})])
    assert db.story_topics(store) == {"s1": "s1", "s2": "s2"}
    db.rename_topic(store, "s2", "s1")
    assert db.story_topics(store) == {"s1": "s1", "s2": "s1"}
    assert [s.topic for s, _ in db.story_states(store)] == ["s1", "s1"]


def test_a_version_1_store_is_migrated(db_path: Path) -> None:
    old = sqlite3.connect(db_path)
    old.executescript(db.MIGRATIONS[0])
    old.execute("INSERT INTO stories (id, title, created_at, updated_at, state)"
                " VALUES ('s1', 'Bridge', 'now', 'now', '{}')")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    with open_store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert db.story_states(store) == [(Story("s1", "Bridge", topic="s1"), {})]
        assert db.story_id_taken(store, "s1") and db.count_story_ids(store) == 1


def test_unknown_story_id(store: Store) -> None:
    with pytest.raises(StoryNotFound, match="s404"):
        db.story_articles(store, "s404")
    with pytest.raises(StoryNotFound, match="s404"):
        db.get_story(store, "s404")


def test_story_needs_stored_articles(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.save_story_state(store, [(Story("s1", "Ghost"), ["no-such-key"], {})])
    assert db.list_story_headers(store) == []


def test_dossier_cache(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY, MARKET])
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key], {})])
    dossier = {"story": {"id": "s1", "title": "Bridge"}, "facts": [{"text": "reopens"}]}
    db.save_dossier(store, "s1", "fp-1", dossier)
    assert db.cached_dossier(store, "s1", "fp-1") == dossier
    assert db.cached_dossier(store, "s1", "fp-2") is None
    assert db.cached_dossier(store, "s2", "fp-1") is None
    # the same membership saved again keeps the cache
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key], {"n": 1})])
    assert db.cached_dossier(store, "s1", "fp-1") == dossier
    # overwriting
    db.save_dossier(store, "s1", "fp-3", {"v": 3})
    assert db.cached_dossier(store, "s1", "fp-1") is None
    assert db.cached_dossier(store, "s1", "fp-3") == {"v": 3}


def test_adding_an_article_drops_the_cached_dossier(store: Store) -> None:
    db.save_articles(store, [BRIDGE, FERRY, MARKET])
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key], {}),
                                (Story("s2", "Market"), [MARKET.key], {})])
    db.save_dossier(store, "s1", "fp", {"v": 1})
    db.save_dossier(store, "s2", "fp", {"v": 2})
    db.save_story_state(store, [(Story("s1", "Bridge"), [BRIDGE.key, FERRY.key], {})])
    assert db.cached_dossier(store, "s1", "fp") is None
    assert rows(store, "dossiers") == 1
    assert db.cached_dossier(store, "s2", "fp") == {"v": 2}



def _steps_to_add_one_article(store: Store, story_id: str, held: int) -> int:
    """SQLite VM steps taken to save story `story_id`, holding `held` articles, with one
    more (a fictional harbour bulletin per article)."""
    bulletins = [news(f"{story_id}-{n}", f"Wrenfold harbour bulletin {n}: tide gauge {n} read.")
                 for n in range(held + 1)]
    db.save_articles(store, bulletins)
    db.save_story_state(store, [(Story(story_id, "Harbour"), [a.key for a in bulletins[:-1]],
                                 {})])
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    store.conn.set_progress_handler(count, 1)
    try:
        db.save_story_state(store, [(Story(story_id, "Harbour"), [bulletins[-1].key], {})])
    finally:
        store.conn.set_progress_handler(None, 1)
    assert len(db.story_articles(store, story_id)) == held + 1
    return steps[0]


def test_saving_a_story_costs_the_same_however_many_articles_it_holds(store: Store) -> None:
    # a story that keeps growing is saved at every batch: only its new articles count
    small = _steps_to_add_one_article(store, "s1", 2)
    large = _steps_to_add_one_article(store, "s2", 400)
    assert large < small * 1.5


def test_file_store_copies_its_log_back_in_long_runs(db_path: Path) -> None:
    with open_store(db_path) as store:
        pages = store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    assert pages == db.CHECKPOINT_PAGES > 1000  # SQLite's default: every ingest batch

# -- batched ingest ---------------------------------------------------------------------------


def write_articles(folder: Path, count: int) -> None:
    towns = ["Ambry", "Blethin", "Corran", "Dunmore", "Elsby", "Fennick", "Garrow"]
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        town = towns[number - 1]
        (folder / f"{number:02d}-{town.lower()}.txt").write_text(
            f"Title: {town} news\nOutlet: {town} Herald\n\n"
            f"The {town} council met on Monday, clerk Ona Marr said.\n", encoding="utf-8")


def test_ingest_inputs_one_transaction_per_batch(
        tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 5)
    batches: list[list[str]] = []
    real_save = db.save_articles

    def counting_save(handle: Store, articles: list[Article]) -> list[Article]:
        batches.append([a.id for a in articles])
        return real_save(handle, articles)

    monkeypatch.setattr(db, "save_articles", counting_save)
    progress: list[int] = []
    report = pipeline.ingest_inputs(store, [str(folder)], batch_size=2, progress=progress.append)
    assert batches == [["01-ambry", "02-blethin"], ["03-corran", "04-dunmore"], ["05-elsby"]]
    assert progress == [2, 2, 1]
    assert report.errors == []
    assert [a.id for a in report.articles] == [f"{n:02d}-{t}" for n, t in
                                               enumerate(["ambry", "blethin", "corran",
                                                          "dunmore", "elsby"], 1)]
    assert db.count_articles(store) == 5
    assert [a.outlet for a in db.all_articles(store)][0] == "Ambry Herald"

    again = pipeline.ingest_inputs(store, [str(folder)], batch_size=2)
    assert db.count_articles(store) == 5
    assert [a.id for a in again.articles] == [a.id for a in report.articles]
    assert db.all_articles(store) == report.articles


def test_ingest_inputs_keeps_committed_batches_when_a_later_one_fails(
        tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 5)
    inserts = [0]
    real_now = db._now

    def now() -> str:  # called once per inserted article, inside the transaction
        inserts[0] += 1
        if inserts[0] == 4:
            raise KeyboardInterrupt
        return real_now()

    monkeypatch.setattr(db, "_now", now)
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest_inputs(store, [str(folder)], batch_size=2)
    # batch 1 committed; batch 2 (articles 3 and 4) rolled back as a whole
    assert [a.id for a in db.all_articles(store)] == ["01-ambry", "02-blethin"]

    monkeypatch.setattr(db, "_now", real_now)
    report = pipeline.ingest_inputs(store, [str(folder)], batch_size=2)
    assert len(report.articles) == 5
    assert db.count_articles(store) == 5


def test_ingest_inputs_stores_errors(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "broken.json").write_text('{"id": "x", "text": "abc', encoding="utf-8")
    report = pipeline.ingest_inputs(store, [str(folder), str(tmp_path / "missing.txt")],
                                    batch_size=2)
    assert db.count_articles(store) == 2
    assert [Path(e.source).name for e in report.errors] == ["broken.json", "missing.txt"]
    assert db.errors_for_sources(store, [e.source for e in report.errors]) == report.errors


# -- story term index ----------------------------------------------------------------------


def test_story_candidates_count_shared_terms_and_skip_common_ones(store: Store) -> None:
    seqs = [db.create_story(store, Story(f"s{n}", "t")) for n in (1, 2, 3)]
    assert seqs == [1, 2, 3]
    db.set_story_terms(store, 1, ["bridge", "dunmore"])
    db.set_story_terms(store, 2, ["bridge", "ferry"])
    db.set_story_terms(store, 3, ["ferry", "dunmore"])
    assert db.story_candidates(store, ["ferry", "bridge"], common=3, limit=10) == [2, 3, 1]
    assert db.story_candidates(store, ["dunmore", "bridge"], common=3, limit=10) == [1, 3, 2]
    assert db.story_candidates(store, ["ferry", "bridge"], common=3, limit=1) == [2]
    assert db.story_candidates(store, ["ferry", "bridge"], common=2, limit=10) == []
    db.set_story_terms(store, 2, ["ferry", "halloway"])  # bridge now in one story only
    assert db.story_candidates(store, ["bridge"], common=2, limit=10) == [1]
    assert rows(store, "story_terms") == 6
    db.merge_stored_stories(store, "s1", ["s2"])  # its postings go with it
    assert db.story_candidates(store, ["ferry", "halloway"], common=3, limit=10) == [3]
    counts = dict(store.conn.execute("SELECT term, stories FROM term_counts").fetchall())
    assert counts == {"bridge": 1, "dunmore": 2, "ferry": 1}


def test_a_version_2_store_is_numbered_and_indexed(db_path: Path) -> None:
    old = sqlite3.connect(db_path)
    for script in db.MIGRATIONS[:2]:
        old.executescript(script)
    state = json.dumps({"terms": article_vector(FERRY), "size": 1})
    for story_id, created in (("s2", "2026-03-02"), ("s1", "2026-03-01"), ("s3", "2026-03-02")):
        old.execute("INSERT INTO stories (id, title, created_at, updated_at, state, topic)"
                    " VALUES (?, 't', ?, ?, ?, ?)", (story_id, created, created, state, story_id))
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    with open_store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert [s.id for s, _ in db.story_states(store)] == ["s1", "s2", "s3"]
        assert db.story_seq(store, "s2") == 2
        assert db.story_terms_version(store) is None  # built by the first update
        db.save_articles(store, [FERRY])
        assignment = pipeline.update_stories(store, [FERRY])
        assert assignment == {FERRY.key: "s1"}  # the oldest of three equal candidates
        # ... and, found through the index too, the other two merge into it
        assert [s.id for s, _ in db.story_states(store)] == ["s1"]
        assert db.resolve_story_id(store, "s3") == "s1"
        assert db.story_candidates(store, ["ferry"], common=50, limit=10) == [1]
        assert db.story_terms_version(store) is not None


def test_a_topics_oldest_stories_are_read_from_one_index(store: Store) -> None:
    seqs = [db.create_story(store, Story(f"s{n}", "t", topic="s1")) for n in range(1, 6)]
    db.create_story(store, Story("s9", "t", topic="s9"))
    assert db.topic_story_seqs(store, "s1", 3) == seqs[:3]
    assert db.topic_story_seqs(store, "s9", 3) == [6]
    # read in order from the (topic, seq) index: no sort of all the topic's stories,
    # which grow with the store
    queries: list[str] = []
    store.conn.set_trace_callback(queries.append)
    db.topic_story_seqs(store, "s1", 3)
    store.conn.set_trace_callback(None)
    plan = " ".join(row[3] for query in queries
                    for row in store.conn.execute("EXPLAIN QUERY PLAN " + query))
    assert "stories_topic_seq" in plan and "TEMP B-TREE" not in plan


def test_a_stale_posting_is_skipped(store: Store) -> None:
    db.save_articles(store, [FERRY])
    pipeline.update_stories(store, [FERRY])
    db.set_story_terms(store, 99, article_vector(FERRY))  # no story 99
    reprint = news("ferry-reprint", FERRY.text, outlet="Valley Wire")
    db.save_articles(store, [reprint])
    assert pipeline.update_stories(store, [reprint]) == {reprint.key: "s1"}


def test_a_store_from_before_the_text_index_is_searchable_once_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with _store_of_version(path, 5) as conn:  # an article stored by the old version
        conn.execute("INSERT INTO articles (key, id, source, title, outlet, url, published,"
                     " author, text, sha256, words, ingested_at) VALUES ('k1', 'a1', 'a.txt',"
                     " 'Pier shut', 'Bay News', '', NULL, '', 'Harbourmaster Nell Okonjo shut"
                     " the pier.', 'x', 6, 'now')")
    with open_store(path) as store:
        new = make_article(id="a2", text="The ferry skipper Rolf Abara was late.",
                           title="Ferry late", source="b.txt")
        db.save_articles(store, [new])
        db.save_story_state(store, [(Story("s1", "Pier"), ["k1"], {}),
                                    (Story("s2", "Ferry"), [new.key], {})])
        assert db.stories_with_words(store, "okonjo") == {"s1"}
        assert db.stories_with_words(store, "Rolf ABARA") == {"s2"}
        assert db.stories_with_words(store, "Okonjo Abara") == set()  # every word, one article
        assert db.stories_with_words(store, '"*') == set()
        assert db.stories_with_words(store, "nell_okonjo") == {"s1"}  # split as indexed
        assert db.stories_with_words(store, "harbourmast") == {"s1"}  # a word's start
        assert db.stories_with_words(store, "Ro") == set()  # short words stay whole


def test_another_programs_database_with_a_meta_table_is_refused_unchanged(
        tmp_path: Path) -> None:
    other = tmp_path / "history.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE meta (key PRIMARY KEY, value)")
        conn.execute("CREATE TABLE urls (id)")
    with pytest.raises(StoreProblem, match="is not a Storyline store"):
        db.open_store(other)
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_reader_never_creates_a_store_or_its_folder(tmp_path: Path) -> None:
    missing = tmp_path / "gone" / "news.db"
    with pytest.raises(StoreProblem, match="no store at"):
        db.open_store(missing, create=False)
    assert not missing.parent.exists()


def test_an_item_read_again_with_other_derived_metadata_is_already_stored(
        tmp_path: Path) -> None:
    first = Article(id="k1", source="in/f.jsonl", text="The Dunmore pier reopened on Monday.",
                    outlet="dunmore-courier.example")
    again = Article(id="k1", source="in/f.jsonl", text="The Dunmore pier reopened on Monday.",
                    outlet="Kestrel Wire")  # as a newer version reads the item's "source"
    with db.open_store(tmp_path / "news.db") as store:
        assert db.save_articles(store, [first]).new == 1
        saved = db.save_articles(store, [again])
        assert saved.new == 0 and saved[0].outlet == "dunmore-courier.example"
        assert db.count_articles(store) == 1


def test_a_new_store_waits_for_a_writer_before_switching_to_wal(tmp_path: Path) -> None:
    """SQLite does not wait for another connection when switching the journal mode;
    two ingests creating one store at once failed with "database is locked"."""
    path = tmp_path / "news.db"
    sqlite3.connect(path).close()  # an empty file, still in rollback mode
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    # A write lock taken in rollback mode, as another process's own switch to WAL takes.
    writer.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    release.start()
    try:
        with Store(path) as opened:
            assert opened.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        release.join()
        writer.close()


def _article_indexes(store: Store) -> set[str]:
    return {row[0] for row in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'")}


def test_articles_keep_no_index_of_their_text_hash(tmp_path: Path) -> None:
    """A hash-ordered index takes writes all over its pages with each batch, more of them
    as the store grows; the same-item check finds the row by its unique id instead."""
    with db.open_store(tmp_path / "news.db") as store:
        assert "articles_sha256" not in _article_indexes(store)
        plan = " ".join(str(row[3]) for row in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM articles WHERE id = ? AND sha256 = ?"
            " AND source = ?", ("k1", "x", "in/f.jsonl")))
        assert "USING INDEX" in plan and "SCAN" not in plan


def test_a_version_7_store_drops_the_text_hash_index_and_finds_items_read_again(
        tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = Article(id="k1", source="in/f.jsonl", text="The Tollan weir was mended on Friday.",
                    outlet="tollan-post.example")
    with _store_of_version(path, 7) as conn:  # an article stored by the old version
        conn.execute("INSERT INTO articles (key, id, source, title, outlet, url, published,"
                     " author, text, sha256, words, ingested_at) VALUES (?, ?, ?, '', ?, '',"
                     " NULL, '', ?, ?, 7, 'now')", (first.key, first.id, first.source,
                                                     first.outlet, first.text, first.sha256))
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_sha256'"
                            ).fetchone() is not None
    again = replace(first, outlet="Tollan Post")  # as a newer version derives it
    with db.open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert "articles_sha256" not in _article_indexes(store)
        saved = db.save_articles(store, [again])
        assert saved.new == 0 and saved[0].outlet == "tollan-post.example"
        assert db.count_articles(store) == 1


def test_an_articles_story_is_kept_under_the_articles_number(tmp_path: Path) -> None:
    """Keyed by arrival order, a batch's rows append to the table; a unique index on
    the (hashed) article keys took writes all over its pages."""
    with db.open_store(tmp_path / "news.db") as store:
        columns = [(row[1], row[5]) for row in store.conn.execute(
            "PRAGMA table_info(story_articles)")]
        assert columns == [("article_seq", 1), ("story_id", 0)]
        indexed = {row[0] for row in store.conn.execute(
            "SELECT name FROM pragma_index_list('story_articles')")}
        assert indexed == {"story_articles_story"}
        db.save_articles(store, [BRIDGE, FERRY, MARKET])
        db.save_story_state(store, [(Story("s1", "Bridge"), [MARKET.key, BRIDGE.key], {})])
        seqs = [row[0] for row in store.conn.execute(
            "SELECT article_seq FROM story_articles ORDER BY article_seq")]
        assert seqs == [1, 3]
        assert db.story_of_articles(store) == {BRIDGE.key: "s1", MARKET.key: "s1"}


def test_a_version_8_store_keeps_every_articles_story(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with _store_of_version(path, 8) as conn:  # stories stored by the old version
        for article in (BRIDGE, FERRY, MARKET):
            conn.execute("INSERT INTO articles (key, id, source, title, outlet, url, published,"
                         " author, text, sha256, words, ingested_at) VALUES (?, ?, ?, ?, ?, ?,"
                         " ?, ?, ?, ?, ?, 'now')",
                         (article.key, article.id, article.source, article.title,
                          article.outlet, article.url, article.published_iso, article.author,
                          article.text, article.sha256, article.words))
        for seq, story in ((1, "s1"), (2, "s2")):
            conn.execute("INSERT INTO stories (id, title, created_at, updated_at, state, topic,"
                         " seq) VALUES (?, ?, 'now', 'now', '{}', ?, ?)",
                         (story, story, story, seq))
        conn.executemany("INSERT INTO story_articles (story_id, article_key) VALUES (?, ?)",
                         [("s1", BRIDGE.key), ("s2", FERRY.key), ("s1", MARKET.key)])
    with db.open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert db.story_of_articles(store) == {BRIDGE.key: "s1", FERRY.key: "s2",
                                               MARKET.key: "s1"}
        assert db.story_of_articles(store, [FERRY.key, "no-such-key"]) == {FERRY.key: "s2"}
        assert db.story_articles(store, "s1") == [BRIDGE, MARKET]
        assert db.articles_without_story(store) == []
        assert db.stories_with_words(store, FERRY.text.split()[1]) == {"s2"}
        db.merge_stored_stories(store, "s1", ["s2"])
        assert db.story_articles(store, "s1") == [BRIDGE, FERRY, MARKET]
        assert [story.id for story, _ in db.list_story_headers(store)] == ["s1"]
