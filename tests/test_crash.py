"""Crash safety: SIGKILL mid-ingest keeps every committed batch; two ingests take turns."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TOWNS = ["Dunmore", "Port Elsin", "Harrowgate", "Kestrel Bay", "Marlow Fen"]


def _write_jsonl(path: Path, count: int, *, prefix: str) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            town = TOWNS[number % len(TOWNS)]
            text = (f"The {town} ferry service resumed sailing number {number} on Monday after "
                    f"the storm, the fictional harbour office of {town} said. Passengers on "
                    f"route {prefix}-{number} were told to expect delays of {number % 50} "
                    "minutes while crews checked the piers.")
            stream.write(json.dumps({"id": f"{prefix}-{number}", "outlet": "Harbour Wire",
                                     "published": "2026-03-11T09:00:00Z", "text": text}) + "\n")


def _ingest(source: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "storyline", "ingest", str(source),
                             "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def _check(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return conn


def test_sigkill_mid_ingest_keeps_committed_batches(tmp_path: Path) -> None:
    source, db = tmp_path / "big.jsonl", tmp_path / "news.db"
    total = 20_000
    _write_jsonl(source, total, prefix="k")
    process = _ingest(source, db)
    deadline = time.monotonic() + 120
    while _count(db) < 1_000 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = _count(db)
    assert 0 < stored < total, "the ingest finished before it could be killed"
    assert stored % 200 == 0  # whole batches only
    _check(db).close()

    rerun = _ingest(source, db)
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read() if rerun.stderr else ""
    conn = _check(db)
    assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone() == (
        total, total)
    unassigned = conn.execute("SELECT COUNT(*) FROM articles WHERE seq NOT IN "
                              "(SELECT article_seq FROM story_articles)").fetchone()[0]
    assert unassigned == 0


def test_two_ingests_into_one_store_both_succeed(tmp_path: Path) -> None:
    first, second, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "news.db"
    _write_jsonl(first, 1_500, prefix="a")
    _write_jsonl(second, 1_500, prefix="b")
    processes = [_ingest(first, db), _ingest(second, db)]
    for process in processes:
        assert process.wait(timeout=600) == 0, process.stderr.read() if process.stderr else ""
    conn = _check(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3_000
    assigned = conn.execute("SELECT COUNT(*), COUNT(DISTINCT a.key) FROM story_articles sa"
                            " JOIN articles a ON a.seq = sa.article_seq")
    assert assigned.fetchone() == (3_000, 3_000)
