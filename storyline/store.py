"""The embedded SQLite store.

Goes in: `Article`, `InputError`, story assignments and dossier JSON.
Comes out: the same dataclasses read back. Articles are keyed by the hash of
their record, so re-ingesting an article is a no-op; every batch is one
transaction in WAL mode, so a killed process leaves every committed batch
intact and nothing half-written. Story clustering keeps its term index here
(postings of each story's strongest terms), updated in the same transaction
as the stories, so it reads only candidate stories however many are stored.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .models import Article, InputError, StoreProblem, Story, StoryNotFound

BUSY_TIMEOUT_MS = 60_000  # writers wait this long for another writer's lock
CACHE_WRITE_WAIT_MS = 2_000  # a reader caching a dossier waits no longer

MIGRATIONS: list[str] = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        outlet TEXT NOT NULL,
        url TEXT NOT NULL,
        published TEXT,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        words INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_sha256 ON articles(sha256);
    CREATE TABLE input_errors (
        seq INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL,
        severity TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, state TEXT
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id),
        article_key TEXT NOT NULL UNIQUE REFERENCES articles(key),
        PRIMARY KEY (story_id, article_key)
    );
    CREATE TABLE dossiers (
        story_id TEXT PRIMARY KEY REFERENCES stories(id),
        fingerprint TEXT NOT NULL, data TEXT NOT NULL
    );
    """,
    # 2: story topics, and the ids of stories merged into another (kept so they resolve).
    """
    ALTER TABLE stories ADD COLUMN topic TEXT;
    CREATE TABLE story_aliases (
        id TEXT PRIMARY KEY, story_id TEXT NOT NULL REFERENCES stories(id)
    );
    """,
    # 3: stories numbered in creation order, and the term index of story clustering
    # (postings of each story's strongest terms, and how many stories each term is in),
    # so that a new article reads a few candidate stories, not every story. The postings
    # are filled from the stored states by `rebuild_story_terms`.
    """
    ALTER TABLE stories ADD COLUMN seq INTEGER;
    UPDATE stories SET seq = ordered.n FROM (
        SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, rowid) AS n FROM stories
    ) AS ordered WHERE ordered.id = stories.id;
    CREATE UNIQUE INDEX stories_seq ON stories(seq);
    CREATE INDEX stories_topic ON stories(topic);
    CREATE TABLE story_terms (
        term TEXT NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (term, story)
    ) WITHOUT ROWID;
    CREATE INDEX story_terms_story ON story_terms(story);
    CREATE TABLE term_counts (term TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
    """,
    # 4: a token that every write to the stories or their term index changes (triggers,
    # so no writer can forget it, this program's or another's), so that a process can
    # tell that the stories it read in an earlier call are still as stored. A random
    # value, not a counter: a rolled-back write returns the old token, which a counter
    # could reach again by other writes.
    """
    CREATE TABLE story_generation (token INTEGER NOT NULL);
    INSERT INTO story_generation (token) VALUES (0);
    """ + "".join(
        f"CREATE TRIGGER {table}_{event.lower()} AFTER {event} ON {table} "
        "BEGIN UPDATE story_generation SET token = random(); END;\n"
        for table in ("stories", "story_terms", "term_counts")
        for event in ("INSERT", "UPDATE", "DELETE")),
    # 5: one row per (source, reason), found by an index: saving errors stays linear and
    # a story's errors are looked up by their input path.
    """
    DELETE FROM input_errors
        WHERE seq NOT IN (SELECT MIN(seq) FROM input_errors GROUP BY source, reason);
    CREATE UNIQUE INDEX input_errors_key ON input_errors(source, reason);
    """,
    # 6: a full-text index of the articles' headlines and texts (SQLite FTS5 over the
    # articles table itself, kept in step by triggers), so stories are found by the
    # people, bodies and places their articles name (`stories_with_words`).
    """
    CREATE VIRTUAL TABLE articles_text USING fts5(
        title, text, content='articles', content_rowid='seq', detail=none);
    INSERT INTO articles_text(articles_text) VALUES ('rebuild');
    CREATE TRIGGER articles_text_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_text(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_text_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_text(articles_text, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_text_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_text(articles_text, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_text(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    """,
    # 7: a topic's stories indexed in creation order, so that its oldest few are read
    # from the index alone (`topic_story_seqs`): topics grow with the store, and reading
    # and sorting all of a topic's stories for each check grew with them.
    """
    CREATE INDEX stories_topic_seq ON stories(topic, seq);
    DROP INDEX stories_topic;
    """,
    # 8: no index on the articles' text hashes. Its one query (an item read again with
    # other derived metadata) names the id too, which is unique and indexed; hash-ordered,
    # each batch of new articles wrote into ever more of its pages as the store grew
    # (`save_articles` cost 0.178 -> 0.200 CPU ms an article from 10,000 to 100,000
    # stored, 0.164 -> 0.167 without it).
    """
    DROP INDEX IF EXISTS articles_sha256;
    """,
    # 9: an article's story keyed by the article's number (arrival order) instead of its
    # key (a hash): new articles append to the table, where a unique index on their keys
    # took writes all over its pages, more of them as the store grew. Lookups by key go
    # through the articles' own key index.
    """
    CREATE TABLE story_articles_by_seq (
        article_seq INTEGER PRIMARY KEY REFERENCES articles(seq),
        story_id TEXT NOT NULL REFERENCES stories(id)
    );
    INSERT INTO story_articles_by_seq (article_seq, story_id)
        SELECT a.seq, sa.story_id FROM story_articles sa JOIN articles a ON a.key = sa.article_key;
    DROP TABLE story_articles;
    ALTER TABLE story_articles_by_seq RENAME TO story_articles;
    CREATE INDEX story_articles_story ON story_articles(story_id, article_seq);
    """,
]

MEMORY = ":memory:"
CACHE_KIB = 64 * 1024  # SQLite page cache per connection
# Pages the write-ahead log may hold before a commit copies them into the database file
# (SQLite's default is 1,000). Each ingest batch rewrites pages spread over the story
# term index, the story rows and the article-key indexes, more of them as those grow
# (some 5,400 pages a batch at 100,000 articles); with the default every batch copied
# them all back, while a longer log copies a page rewritten by several batches once.
CHECKPOINT_PAGES = 10_000


class Store:
    """An open SQLite database holding articles, stories and cached dossiers."""

    def __init__(self, path: str | Path = MEMORY, *, create: bool = True) -> None:
        self.path = str(path)
        try:
            self._open(create=create)
        except (sqlite3.DatabaseError, OSError) as exc:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            # The user's path and SQLite's reason, not a traceback.
            reason = getattr(exc, "strerror", None) or exc
            raise StoreProblem(f"cannot open the store {self.path}: {reason}") from exc
        except StoreProblem:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            raise

    def _open(self, *, create: bool) -> None:
        if self.path != MEMORY and create:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        if self.path != MEMORY and not create and not Path(self.path).is_file():
            raise StoreProblem(f"no store at {self.path}")
        # Autocommit mode: transactions are opened explicitly in `transaction()`. A reader
        # opens the file read-write but never creates it (a store deleted under `serve`).
        target = self.path if create or self.path == MEMORY else \
            f"{Path(self.path).resolve().as_uri()}?mode=rw"
        self.conn = sqlite3.connect(target, timeout=60, isolation_level=None,
                                    check_same_thread=False, uri=not create)
        self.conn.row_factory = sqlite3.Row
        self._check_is_store(create=create)
        self._depth = 0
        # What the last `pipeline.update_stories` call read, for its next call; kept on
        # the store so it goes when the store does.
        self.story_cache: Any = None
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.path != MEMORY:
            self._use_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # The story states and term index read by clustering outgrow the default 2 MB
            # page cache at some 10,000 stories; keep them in memory up to 64 MB.
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def _use_wal(self) -> None:
        """Switch the file to WAL mode, once for its life (the mode is stored in the file).

        SQLite does not call the busy handler for this switch: when two processes open a
        new store at once, one gets "database is locked" at once, so wait here instead.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _check_is_store(self, *, create: bool) -> None:
        """Refuse another program's database before writing a table or the WAL mode to it
        (a file that is no database at all fails here too, on the first read)."""
        tables = {row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        # Another program's database may well have a "meta" table of its own.
        if (version >= 1 and {"meta", "articles", "stories"} <= tables) or \
                (create and not tables):
            return
        what = "it holds other tables" if tables else "it is empty"
        raise StoreProblem(f"{self.path} is not a Storyline store ({what})")

    def _migrate(self) -> None:
        # Readers (web requests, `show`) must not wait for a running ingest's write
        # lock: take it only when there is something to migrate, then look again.
        if self.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
            return
        with self.transaction():
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE so concurrent writers wait, never clash.

        Nested calls join the outermost transaction, so a read-modify-write
        sequence can hold the write lock across several helpers.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.story_cache = None
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _statements(script: str) -> Iterator[str]:
    """The statements of a script, a trigger body's ";" kept inside its statement."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def open_store(path: str | Path | None, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store at `path`; None means in memory.

    Raises StoreProblem for a path that is not a Storyline store: another program's
    database, a file that is no database, or (with `create` False, for commands that
    only read a store) an empty one.
    """
    return Store(path or MEMORY, create=create)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- articles -----------------------------------------------------------------

class SavedArticles(list[Article]):
    """The articles of one `save_articles` call as stored, and how many it inserted
    (`new`): counting the table before and after would count another process's too."""

    new: int = 0


def save_articles(store: Store, articles: Sequence[Article]) -> SavedArticles:
    """Insert new articles in one transaction; return each as stored.

    An article already stored (same record hash, or the same id, input and text) comes
    back unchanged. An id already taken by another article gets a numeric suffix. The
    result's `new` is the number of rows this call inserted.
    """
    saved = SavedArticles()
    with store.transaction() as conn:
        for article in articles:
            row = conn.execute("SELECT * FROM articles WHERE key = ?", (article.key,)).fetchone()
            # The same item of the same input with the same text, whose title or outlet a
            # newer version derives otherwise: re-reading it must change nothing. Found by
            # its id (unique, indexed), then compared: no index on the text hash to keep.
            row = row or conn.execute(
                "SELECT * FROM articles WHERE id = ? AND sha256 = ? AND source = ?",
                (article.id, article.sha256, article.source)).fetchone()
            if row is not None:
                saved.append(_article_from_row(row))
                continue
            stored = _with_free_id(conn, article)
            conn.execute(
                "INSERT INTO articles (key, id, source, title, outlet, url, published, author,"
                " text, sha256, words, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (stored.key, stored.id, stored.source, stored.title, stored.outlet, stored.url,
                 stored.published_iso, stored.author, stored.text, stored.sha256, stored.words,
                 _now()),
            )
            saved.append(stored)
            saved.new += 1
    return saved


def _with_free_id(conn: sqlite3.Connection, article: Article) -> Article:
    candidate, number = article.id, 1
    while conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
        number += 1
        candidate = f"{article.id}-{number}"
    return article if candidate == article.id else replace(article, id=candidate)


def _article_from_row(row: sqlite3.Row) -> Article:
    published = datetime.fromisoformat(row["published"]) if row["published"] else None
    return Article(id=row["id"], source=row["source"], text=row["text"], title=row["title"],
                  outlet=row["outlet"], url=row["url"], published=published,
                  author=row["author"])


def all_articles(store: Store) -> list[Article]:
    rows = store.conn.execute("SELECT * FROM articles ORDER BY seq").fetchall()
    return [_article_from_row(row) for row in rows]


_ASSIGNED_UPTO = "assigned_upto"  # meta key: every article up to this seq is in a story
_UNASSIGNED = ("FROM articles WHERE seq > ? AND NOT EXISTS"
               " (SELECT 1 FROM story_articles WHERE article_seq = articles.seq)")


def articles_without_story(store: Store, held: Collection[str] = ()) -> list[Article]:
    """Stored articles in no story: left by an ingest killed between its batches and its
    story update, so the next ingest sorts them in with whatever it reads. Those whose
    keys are `held` (the caller has them already) are not read again.

    Only articles after the `mark_assigned` watermark are looked at, so the look costs
    what the last batches cost, not what the whole store does.
    """
    keys = [row[0] for row in store.conn.execute(
        f"SELECT key {_UNASSIGNED} ORDER BY seq", (_assigned_upto(store),))
            if row[0] not in held]
    return articles_by_keys(store, keys) if keys else []


def mark_assigned(store: Store) -> None:
    """Move the watermark of `articles_without_story` past every article in a story."""
    with store.transaction() as conn:
        upto = _assigned_upto(store)
        first_left = conn.execute(f"SELECT MIN(seq) {_UNASSIGNED}", (upto,)).fetchone()[0]
        last = conn.execute("SELECT MAX(seq) FROM articles").fetchone()[0] or 0
        _set_meta(conn, _ASSIGNED_UPTO, str(first_left - 1 if first_left else last))


def _assigned_upto(store: Store) -> int:
    return int(_meta(store.conn, _ASSIGNED_UPTO) or 0)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    found = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if found is None else str(found[0])


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key)"
                 " DO UPDATE SET value = excluded.value", (key, value))


def count_articles(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def articles_by_keys(store: Store, keys: Iterable[str]) -> list[Article]:
    wanted = list(keys)
    found: dict[str, Article] = {}
    for chunk_start in range(0, len(wanted), 500):
        chunk = wanted[chunk_start:chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(f"SELECT * FROM articles WHERE key IN ({marks})", chunk):
            found[row["key"]] = _article_from_row(row)
    return [found[key] for key in wanted if key in found]


# -- input errors ---------------------------------------------------------------

def save_errors(store: Store, errors: Sequence[InputError]) -> None:
    """Keep input problems; one seen before (same source and reason) is not added again,
    so re-running the same ingest does not pile up copies."""
    if not errors:
        return
    with store.transaction() as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO input_errors (source, reason, severity, at) VALUES (?,?,?,?)",
            [(e.source, e.reason, e.severity, _now()) for e in errors],
        )


def errors_for_sources(store: Store, sources: Iterable[str]) -> list[InputError]:
    """Stored problems of the given input files, in the order they were first seen.

    A JSONL line or feed item is reported as `path:line` or `path#item`; it belongs to
    every article read from that path. Standard input is no file: what one run read
    from it says nothing about another run's, so its problems are never attached.
    """
    found: dict[int, InputError] = {}
    for path in {source.partition("#")[0] for source in sources}:
        if path.startswith("<stdin>"):
            continue
        rows = store.conn.execute(
            "SELECT seq, source, reason, severity FROM input_errors WHERE source = ? "
            "OR (source > ? AND source < ?) OR (source > ? AND source < ?)",
            (path, path + ":", path + ";", path + "#", path + "$"))
        found.update((r["seq"], InputError(r["source"], r["reason"], r["severity"]))
                     for r in rows if _input_path(r["source"]) == path)
    return [found[seq] for seq in sorted(found)]


def _input_path(source: str) -> str:
    path, hash_mark, _ = source.partition("#")
    if hash_mark:
        return path
    stem, colon, line = source.rpartition(":")
    return stem if colon and line.isdigit() else source


# -- stories --------------------------------------------------------------------

# meta key: the highest number of a story merged away (its row deleted). Numbers key the
# term index and the stories `stored_stories.StoredStoryIndex` keeps between calls: the next
# number after the newest row could be the number of the newest story just merged away,
# and one number would then name two stories over time. No key (a store from before):
# numbers go on from the newest row, as they did.
_DELETED_UPTO = "stories_deleted_upto"
_NEXT_SEQ = ("(SELECT MAX(COALESCE(MAX(seq), 0), COALESCE((SELECT CAST(value AS INTEGER)"
             f" FROM meta WHERE key = '{_DELETED_UPTO}'), 0)) + 1 FROM stories)")


def create_story(store: Store, story: Story) -> int:
    """Insert a new story with no articles and no state yet; returns its number (`seq`)."""
    now = _now()
    with store.transaction() as conn:
        row = conn.execute(
            "INSERT INTO stories (id, title, created_at, updated_at, state, topic, seq)"
            f" VALUES (?,?,?,?,'{{}}',?,{_NEXT_SEQ}) RETURNING seq",
            (story.id, story.title, now, now, story.topic or story.id)).fetchone()
    return int(row[0])

def save_story_state(store: Store, stories: Sequence[tuple[Story, list[str], dict[str, Any]]]
                     ) -> None:
    """Write stories (with their article keys and clustering state) in one transaction.

    A story whose membership changed loses its cached dossier.
    """
    now = _now()
    with store.transaction() as conn:
        for story, keys, state in stories:
            conn.execute(
                "INSERT INTO stories (id, title, created_at, updated_at, state, topic, seq)"
                f" VALUES (?,?,?,?,?,?,{_NEXT_SEQ}) ON CONFLICT(id) DO UPDATE SET"
                " title=excluded.title, updated_at=excluded.updated_at, state=excluded.state,"
                " topic=excluded.topic",
                (story.id, story.title, now, now, json.dumps(state), story.topic or story.id),
            )
            # Only the given keys are looked at, never the story's other articles: a
            # story that keeps growing is written at every batch, and reading all its
            # keys each time made that cost grow with the story (1,000+ articles).
            written = conn.total_changes
            conn.executemany(
                "INSERT INTO story_articles (article_seq, story_id) VALUES (?, ?)"
                " ON CONFLICT(article_seq) DO UPDATE SET story_id = excluded.story_id"
                " WHERE story_articles.story_id <> excluded.story_id",
                [(seq, story.id) for seq in _article_seqs(conn, keys)])
            if conn.total_changes > written:
                conn.execute("DELETE FROM dossiers WHERE story_id = ?", (story.id,))


def _article_seqs(conn: sqlite3.Connection, keys: Sequence[str]) -> list[int]:
    """The numbers of the stored articles with these keys; IntegrityError if one is not
    stored (a story only holds stored articles, as the foreign key on the key did)."""
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found.update(conn.execute(
            f"SELECT key, seq FROM articles WHERE key IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    missing = [key for key in keys if key not in found]
    if missing:
        raise sqlite3.IntegrityError(f"FOREIGN KEY constraint failed: no article {missing[0]}")
    return [found[key] for key in keys]


def merge_stored_stories(store: Store, into: str, merged: Sequence[str]) -> None:
    """Move the articles of the `merged` stories to story `into` and delete those stories.

    Their ids stay known as aliases of `into` (see `resolve_story_id`) and are never
    given to another story, nor are their numbers; the cached dossiers of all of them
    are dropped.
    """
    marks = ",".join("?" * len(merged))
    with store.transaction() as conn:
        conn.execute(f"UPDATE story_articles SET story_id = ? WHERE story_id IN ({marks})",
                     (into, *merged))
        conn.execute(f"DELETE FROM dossiers WHERE story_id IN (?, {marks})", (into, *merged))
        conn.execute(f"UPDATE story_aliases SET story_id = ? WHERE story_id IN ({marks})",
                     (into, *merged))
        conn.executemany("INSERT INTO story_aliases (id, story_id) VALUES (?, ?)"
                         " ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id",
                         [(story_id, into) for story_id in merged])
        conn.execute(f"UPDATE stories SET topic = ? WHERE topic IN ({marks})", (into, *merged))
        seqs = [seq for (seq,) in conn.execute(
            f"SELECT seq FROM stories WHERE id IN ({marks})", tuple(merged)).fetchall()]
        for seq in seqs:
            _set_story_terms(conn, seq, [])
        conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", tuple(merged))
        upto = int(_meta(conn, _DELETED_UPTO) or 0)
        if seqs and max(seqs) > upto:
            _set_meta(conn, _DELETED_UPTO, str(max(seqs)))


def resolve_story_id(store: Store, story_id: str) -> str:
    """The id of the story that `story_id` names now (itself unless it was merged away)."""
    row = store.conn.execute("SELECT story_id FROM story_aliases WHERE id = ?",
                             (story_id,)).fetchone()
    return str(row[0]) if row else story_id


def story_topics(store: Store) -> dict[str, str]:
    """Story id -> topic id for every story."""
    rows = store.conn.execute("SELECT id, topic FROM stories")
    return {r[0]: r[1] or r[0] for r in rows}


def story_states(store: Store) -> list[tuple[Story, dict[str, Any]]]:
    """Every story (with its topic) and its clustering state, oldest first."""
    return [(story, state) for _seq, story, state in numbered_story_states(store)]


def numbered_story_states(store: Store, seqs: Iterable[int] | None = None
                          ) -> list[tuple[int, Story, dict[str, Any]]]:
    """(number, story, clustering state) of every story, or of those numbered `seqs`.

    Numbers (`seq`) follow creation order: the oldest story has the lowest.
    """
    query = "SELECT seq, id, title, state, topic FROM stories"
    if seqs is None:
        rows = store.conn.execute(query + " ORDER BY seq").fetchall()
    else:
        wanted = list(seqs)
        rows = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows.extend(store.conn.execute(
                f"{query} WHERE seq IN ({','.join('?' * len(chunk))})", chunk))
    return [(r["seq"], Story(r["id"], r["title"], topic=r["topic"] or r["id"]),
             json.loads(r["state"] or "{}")) for r in rows]


def story_seq(store: Store, story_id: str) -> int | None:
    """The number of a story (creation order), or None when no story has that id."""
    row = store.conn.execute("SELECT seq FROM stories WHERE id = ?", (story_id,)).fetchone()
    return None if row is None else int(row[0])


def count_story_ids(store: Store) -> int:
    """How many story ids were ever given (current stories and merged-away ones)."""
    row = store.conn.execute(
        "SELECT (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM story_aliases)")
    return int(row.fetchone()[0])


def story_id_taken(store: Store, story_id: str) -> bool:
    """Whether a story has, or once had (before a merge), this id."""
    return store.conn.execute(
        "SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM story_aliases WHERE id = ?",
        (story_id, story_id)).fetchone() is not None


def rename_topic(store: Store, old: str, new: str) -> None:
    """Move every story of topic `old` to topic `new`."""
    with store.transaction() as conn:
        conn.execute("UPDATE stories SET topic = ? WHERE topic = ?", (new, old))


def topic_story_seqs(store: Store, topic: str, limit: int) -> list[int]:
    """The numbers of at most `limit` stories of a topic, oldest first."""
    rows = store.conn.execute(
        "SELECT seq FROM stories WHERE topic = ? UNION"
        " SELECT seq FROM stories WHERE topic IS NULL AND id = ? ORDER BY seq LIMIT ?",
        (topic, topic, limit))
    return [int(row[0]) for row in rows]


def set_story_topic(store: Store, seq: int, topic: str) -> None:
    """Move the story numbered `seq` to topic `topic`."""
    with store.transaction() as conn:
        conn.execute("UPDATE stories SET topic = ? WHERE seq = ?", (topic, seq))


def story_of_articles(store: Store, keys: Iterable[str] | None = None) -> dict[str, str]:
    """Article key -> story id for every assigned article (or for those of `keys`)."""
    if keys is None:
        rows = store.conn.execute("SELECT a.key, sa.story_id FROM story_articles sa"
                                  " JOIN articles a ON a.seq = sa.article_seq")
        return {r[0]: r[1] for r in rows}
    wanted = list(keys)
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update(store.conn.execute(
            "SELECT a.key, sa.story_id FROM articles a JOIN story_articles sa"
            f" ON sa.article_seq = a.seq WHERE a.key IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def list_story_headers(store: Store) -> list[tuple[Story, list[Article]]]:
    """Every story that has articles, oldest first, with its articles' headers: each
    `Article.text` holds only the text's opening and its end (HEADER_TEXT characters each,
    enough to name an untitled story and to see a credit line at either end, as
    `pipeline.story_title` does on whole texts). One query, for a quick index."""
    rows = store.conn.execute(
        "SELECT s.id AS story, s.title AS story_title, s.topic, a.id, a.source, a.title,"
        " a.outlet, a.url, a.published, a.author, CASE WHEN length(a.text) <= 2 * ?"
        " THEN a.text ELSE substr(a.text, 1, ?) || char(10, 10) || substr(a.text, -?) END"
        " AS text FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
        " JOIN articles a ON a.seq = sa.article_seq ORDER BY s.seq, a.seq",
        (HEADER_TEXT, HEADER_TEXT, HEADER_TEXT)).fetchall()
    stories: dict[str, tuple[Story, list[Article]]] = {}
    for row in rows:
        if row["story"] not in stories:
            story = Story(row["story"], row["story_title"], topic=row["topic"] or row["story"])
            stories[row["story"]] = (story, [])
        stories[row["story"]][1].append(_article_from_row(row))
    return list(stories.values())


HEADER_TEXT = 200


PREFIX_MIN = 4  # a searched word this long also finds the words it begins


def stories_with_words(store: Store, query: str) -> set[str]:
    """Ids of the stories with an article whose headline or text holds every word of
    `query` (any case: "okafor", "CRWA"); a word of 4+ letters also as the start of a
    longer one ("aerator" finds "aerators", "inspect" "inspectors")."""
    words = re.findall(r"[^\W_]+", query)  # split as the index's tokenizer splits
    if not words:
        return set()
    # quoted: no FTS5 syntax; a short word stays whole ("bus" is no "business")
    match = " ".join(f'"{word}"' + ("*" if len(word) >= PREFIX_MIN else "") for word in words)
    try:
        rows = store.conn.execute(
            "SELECT DISTINCT sa.story_id FROM articles_text f JOIN articles a ON"
            " a.seq = f.rowid JOIN story_articles sa ON sa.article_seq = a.seq"
            " WHERE articles_text MATCH ?", (match,)).fetchall()
    except sqlite3.OperationalError:
        return set()  # a word the tokenizer splits otherwise than Python: no match
    return {row[0] for row in rows}


def story_articles(store: Store, story_id: str) -> list[Article]:
    if not store.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
        raise StoryNotFound(f"no story with id {story_id!r} in {store.path}")
    rows = store.conn.execute(
        "SELECT a.* FROM articles a JOIN story_articles s ON s.article_seq = a.seq"
        " WHERE s.story_id = ? ORDER BY a.seq", (story_id,)).fetchall()
    return [_article_from_row(row) for row in rows]


def get_story(store: Store, story_id: str) -> Story:
    row = store.conn.execute("SELECT id, title, topic FROM stories WHERE id = ?",
                             (story_id,)).fetchone()
    if row is None:
        raise StoryNotFound(f"no story with id {story_id!r} in {store.path}")
    return Story(row["id"], row["title"], topic=row["topic"] or row["id"])


# -- story term index -------------------------------------------------------------

_TERMS_VERSION = "story_terms"  # meta key: how the postings were built (see cluster.py)


def story_candidates(store: Store, terms: Sequence[str], *, common: int, limit: int
                     ) -> list[int]:
    """Numbers of the `limit` stories indexed under the most of `terms`.

    Terms indexed for `common` stories or more are left out. Ties go to the story
    indexed under the earlier term (terms come strongest first), then to the older one:
    the order of `cluster.most_shared`. Counted in SQLite, so a lookup returns `limit`
    rows, however many postings it reads.
    """
    if not terms:
        return []
    wanted = ",".join("(?, ?)" for _ in terms)
    rows = store.conn.execute(
        f"WITH wanted(term, pos) AS (VALUES {wanted})"
        " SELECT p.story FROM wanted w CROSS JOIN term_counts c ON c.term = w.term"
        " CROSS JOIN story_terms p ON p.term = w.term WHERE c.stories < ?"
        " GROUP BY p.story ORDER BY COUNT(*) DESC, MIN(w.pos), p.story LIMIT ?",
        (*(x for pos, term in enumerate(terms) for x in (term, pos)), common, limit))
    return [row[0] for row in rows]


def set_story_terms(store: Store, seq: int, terms: Iterable[str]
                    ) -> tuple[set[str], set[str]]:
    """Index story number `seq` under `terms` (instead of the terms it had).

    Returns the terms added and the terms removed.
    """
    with store.transaction() as conn:
        return _set_story_terms(conn, seq, terms)


def change_story_terms(store: Store, added: Sequence[tuple[str, int]],
                       removed: Sequence[tuple[str, int]]) -> None:
    """Add and remove postings (term, story number), term counts kept in step.

    A posting added must not be there yet, one removed must be there.
    """
    with store.transaction() as conn:
        _write_postings(conn, added, removed)


def story_postings(store: Store, terms: Iterable[str]) -> dict[str, set[int]]:
    """The numbers of the stories indexed under each term (an empty set for none)."""
    wanted = list(terms)
    found: dict[str, set[int]] = {term: set() for term in wanted}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for term, seq in store.conn.execute(
                f"SELECT term, story FROM story_terms WHERE term IN"
                f" ({','.join('?' * len(chunk))})", chunk):
            found[term].add(seq)
    return found


def story_date_ranges(store: Store, seqs: Iterable[int]
                      ) -> dict[int, tuple[float, float] | None]:
    """Story number -> (first, last) publication time of its articles, None if undated.

    Read from the clustering state (SQLite's JSON functions return the very floats
    written), so there is no second copy to keep in step. Numbers of no story: None.
    """
    wanted = list(seqs)
    found: dict[int, tuple[float, float] | None] = dict.fromkeys(wanted)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for seq, first, last in store.conn.execute(
                "SELECT seq, json_extract(state, '$.first'), json_extract(state, '$.last')"
                f" FROM stories WHERE seq IN ({','.join('?' * len(chunk))})", chunk):
            if first is not None and last is not None:
                found[seq] = (first, last)
    return found


def story_terms_of(store: Store, seq: int) -> set[str]:
    """The terms story number `seq` is indexed under."""
    return {r[0] for r in store.conn.execute(
        "SELECT term FROM story_terms WHERE story = ?", (seq,))}


def story_term_counts(store: Store, terms: Iterable[str]) -> dict[str, int]:
    """How many stories are indexed under each term (0 for none)."""
    wanted = list(terms)
    found = dict.fromkeys(wanted, 0)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update(store.conn.execute(
            f"SELECT term, stories FROM term_counts WHERE term IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def story_generation(store: Store) -> int:
    """A token that changes whenever the stories or their term index are written."""
    return int(store.conn.execute("SELECT token FROM story_generation").fetchone()[0])


def count_stories(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])


def _set_story_terms(conn: sqlite3.Connection, seq: int, terms: Iterable[str]
                     ) -> tuple[set[str], set[str]]:
    old = {r[0] for r in conn.execute("SELECT term FROM story_terms WHERE story = ?", (seq,))}
    new = set(terms)
    _write_postings(conn, [(term, seq) for term in new - old],
                    [(term, seq) for term in old - new])
    return new - old, old - new


def _write_postings(conn: sqlite3.Connection, added: Sequence[tuple[str, int]],
                    gone: Sequence[tuple[str, int]]) -> None:
    conn.executemany("DELETE FROM story_terms WHERE term = ? AND story = ?", gone)
    conn.executemany("UPDATE term_counts SET stories = stories - 1 WHERE term = ?",
                     [(term,) for term, _ in gone])
    conn.executemany("DELETE FROM term_counts WHERE term = ? AND stories = 0",
                     [(term,) for term, _ in gone])
    conn.executemany("INSERT INTO story_terms (term, story) VALUES (?, ?)", added)
    conn.executemany("INSERT INTO term_counts (term, stories) VALUES (?, 1)"
                     " ON CONFLICT(term) DO UPDATE SET stories = stories + 1",
                     [(term,) for term, _ in added])


def story_terms_version(store: Store) -> str | None:
    """The version string the term index was built for, or None if it was never built."""
    return _meta(store.conn, _TERMS_VERSION)


def rebuild_story_terms(store: Store, terms: dict[int, list[str]], version: str) -> None:
    """Replace the whole term index: story number -> its terms; remember `version`."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM story_terms")
        conn.execute("DELETE FROM term_counts")
        conn.executemany("INSERT INTO story_terms (term, story) VALUES (?, ?)",
                         [(term, seq) for seq, tops in terms.items() for term in set(tops)])
        conn.execute("INSERT INTO term_counts (term, stories)"
                     " SELECT term, COUNT(*) FROM story_terms GROUP BY term")
        _set_meta(conn, _TERMS_VERSION, version)


# -- dossier cache ----------------------------------------------------------------

def cached_dossier(store: Store, story_id: str, fingerprint: str) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT fingerprint, data FROM dossiers WHERE story_id = ?",
                             (story_id,)).fetchone()
    if row is None or row["fingerprint"] != fingerprint:
        return None
    data: dict[str, Any] = json.loads(row["data"])
    return data


def save_dossier(store: Store, story_id: str, fingerprint: str, dossier: dict[str, Any], *,
                 wait_ms: int | None = None) -> bool:
    """Cache a story's dossier; False when the store stayed locked for `wait_ms`.

    Showing a story is a read: while an ingest holds the write lock for long, caching is
    skipped (the next request caches it) rather than making the reader wait a minute.
    """
    if wait_ms is None:
        _write_dossier(store, story_id, fingerprint, dossier)
        return True
    store.conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        _write_dossier(store, story_id, fingerprint, dossier)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        return False
    finally:
        store.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return True


def _write_dossier(store: Store, story_id: str, fingerprint: str, dossier: dict[str, Any]
                   ) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO dossiers (story_id, fingerprint, data) VALUES (?,?,?)"
            " ON CONFLICT(story_id) DO UPDATE SET fingerprint=excluded.fingerprint,"
            " data=excluded.data", (story_id, fingerprint, json.dumps(dossier)))
