"""The command line contract of DESIGN.md, end to end through click's runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline import pipeline
from storyline.cli import DEMO_ARTICLES, cli
from storyline.store import count_articles, open_store

pytestmark = pytest.mark.slow

WIRE = (DEMO_ARTICLES / "meridian-bridge-closed.txt").read_text()


def _run(*args: str, input: str | None = None) -> object:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_version_and_help() -> None:
    assert _run("--version").output.strip().endswith("0.1.0")
    result = _run("--help")
    assert result.exit_code == 0
    for command in ("analyze", "ingest", "stories", "show", "serve", "demo", "quotes",
                    "timeline"):
        assert command in result.output
    assert "Examples:" in result.output


def test_version_and_help_load_neither_the_pipeline_nor_spacy() -> None:
    # A fresh interpreter: this one has long imported both for other tests.
    code = ("import sys\n"
            "from storyline.cli import cli\n"
            "for args in (['--version'], ['--help'], ['analyze', '--help']):\n"
            "    try:\n"
            "        cli(args, prog_name='storyline')\n"
            "    except SystemExit as exit:\n"
            "        assert exit.code == 0, args\n"
            "print(sorted(m for m in ('storyline.pipeline', 'storyline.report', 'spacy')"
            " if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_analyze_one_story_prints_the_dossier(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE)
    result = _run("analyze", str(tmp_path), "--one-story", "--format", "json")
    assert result.exit_code == 0
    dossier = json.loads(result.stdout)
    assert dossier["schema"] == "storyline.dossier/1"
    assert [a["id"] for a in dossier["articles"]] == ["wire"]  # the file's name
    assert any(q["speaker_name"] == "Ilse Varga" for q in dossier["quotes"])


def test_analyze_names_the_markdown_notes_of_a_folder_and_makes_no_story_of_them(
        tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE)
    (tmp_path / "notes.md").write_text("# Notes\n\nCall the Kestrel Ford ferry office about "
                                       "the Saltmarsh timetable on Friday.\n")
    result = _run("analyze", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    [dossier] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [a["source"] for a in dossier["articles"]] == [str(tmp_path / "wire.txt")]
    assert f"storyline: warning {tmp_path / 'notes.md'}: left out: Markdown notes are " \
        "not articles" in result.stderr
    assert any(e["source"] == str(tmp_path / "notes.md") for e in dossier["errors"])


def test_analyze_without_one_story_prints_jsonl_per_story() -> None:
    result = _run("analyze", str(DEMO_ARTICLES), "--format", "json")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    assert sum(d["story"]["articles"] for d in lines) == 12


def test_analyze_out_writes_index_and_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run("analyze", str(DEMO_ARTICLES), "--out", str(out))
    assert result.exit_code == 0
    index = json.loads((out / "index.json").read_text())
    assert len(index["stories"]) == 2
    for story in index["stories"]:
        assert set(story) >= {"id", "title", "articles", "topic"}
        assert story["topic"] in {s["id"] for s in index["stories"]}
        assert (out / story["id"] / "dossier.html").exists()
    assert (out / "index.html").exists()


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(WIRE)
    (tmp_path / "broken.json").write_text('{"id": "x", "text": "abc')
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02" * 100)
    result = _run("analyze", str(tmp_path), "--one-story", "--format", "json")
    assert result.exit_code == 0
    dossier = json.loads(result.stdout)
    assert [a["id"] for a in dossier["articles"]] == ["good"]
    reasons = {Path(e["source"]).name: e["reason"] for e in dossier["errors"]}
    assert "invalid JSON" in reasons["broken.json"]
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.html"]
    assert "broken.json" in result.stderr and "invalid JSON" in result.stderr


def test_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert _run("analyze", str(tmp_path / "empty.txt"), "--format", "json").exit_code == 1
    ingested = _run("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "news.db"))
    assert ingested.exit_code == 1 and "0 articles in 0 stories" in ingested.stderr
    assert _run("analyze").exit_code == 2
    assert _run("analyze", str(tmp_path), "--format", "pdf").exit_code == 2


def test_several_stories_as_html_on_standard_output_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE)
    (tmp_path / "cheese.txt").write_text(
        "A recall of soft cheese sold at Brennock markets widened on Friday after more "
        "samples failed tests, the Brennock food agency said.\n", encoding="utf-8")
    result = _run("analyze", str(tmp_path), "--format", "html")
    assert result.exit_code == 2
    assert "several stories found: use --out DIR for HTML, or --one-story" in result.stderr
    assert "<html" not in result.stdout.lower()  # not two pages run together
    one = _run("analyze", str(tmp_path), "--format", "html", "--one-story")
    assert one.exit_code == 0 and one.stdout.count("<!DOCTYPE html>") == 1


def test_stdin_jsonl() -> None:
    line = json.dumps({"id": "s1", "outlet": "Wire", "published": "2026-03-11T09:00:00Z",
                       "text": WIRE})
    result = _run("analyze", "-", "--one-story", "--format", "md", input=line + "\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ") and "Ilse Varga" in result.stdout


def test_stdin_that_is_not_utf8_is_read_as_windows_1252(tmp_path: Path) -> None:
    line = json.dumps({"id": "c", "text": "Caf\u00e9 owners in Wrenfold met on Monday."},
                      ensure_ascii=False)
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(tmp_path / "n.db")],
                                input=line.encode("cp1252") + b"\n")
    assert result.exit_code == 0, result.output
    assert "<stdin>:1: not valid UTF-8" in result.stderr and "1 new" in result.stderr


def test_a_db_that_is_not_a_store_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Wrenfold harbour notes, not a database.\n" * 20)
    article = tmp_path / "a.txt"
    article.write_text("The Wrenfold ferry sails again, said Pim Ostra.\n")
    for args in (["ingest", str(article)], ["analyze", str(article)], ["stories"],
                 ["show", "s1"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(path)])
        assert result.exit_code == 1, args
        assert f"cannot open the store {path}: file is not a database" in result.stderr


def test_stories_prints_no_control_characters_of_an_older_store(tmp_path: Path) -> None:
    from storyline import store as db
    from storyline.models import Article

    path = tmp_path / "old.db"
    article = Article(id="a", source="a.txt", title="Wrenfold\x1b]0;owned\x07 ferry\tnews",
                      outlet="Wrenfold\tPost", text="The Wrenfold ferry sails again, said "
                      "Pim Ostra on Friday.")  # as a store written before ingest cleaned it
    with open_store(path) as store:
        pipeline.update_stories(store, db.save_articles(store, [article]))
    result = _run("stories", "--db", str(path))
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    assert "\x1b" not in line and "\x07" not in line and line.count("\t") == 5
    assert "Wrenfold ]0;owned ferry news" in line and "[Wrenfold Post]" in line
    assert "\tundated\t" in line  # no date at all: said, not "- .. -"


def test_file_names_and_reasons_reach_standard_error_without_control_characters(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = tmp_path / "x\x1b]0;owned\x07\x1b[2J.json"  # would retitle and clear a terminal
    hostile.write_text('{"id": "x", "text": "The Wrenfold ferry')
    result = _run("ingest", str(hostile), "--db", str(tmp_path / "news.db"))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"storyline: skipped {tmp_path}/x ]0;owned [2J.json: invalid JSON" in result.stderr

    result = _analyze_with_dates_failing(tmp_path / "pier\x1b[31m.txt", monkeypatch)
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr
    assert f"{tmp_path}/pier [31m.txt: dates of article pier-31m failed" in result.stderr


def _must_not_build(*args: object, **kwargs: object) -> dict[str, Any]:
    raise AssertionError("the dossier was built again instead of read from the cache")


def test_ingest_stories_show_with_a_store(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    first = _run("ingest", str(DEMO_ARTICLES), "--db", db)
    assert first.exit_code == 0 and "(12 new, 0 already stored)" in first.stderr
    again = _run("ingest", str(DEMO_ARTICLES), "--db", db)
    assert again.exit_code == 0 and "(0 new, 12 already stored)" in again.stderr  # no-op
    with open_store(db) as store:
        assert count_articles(store) == 12
    index = json.loads(_run("stories", "--db", db, "--format", "json").stdout)
    assert len(index["stories"]) == 2
    story = next(s for s in index["stories"] if len(s["articles"]) == 9)
    assert story["outlets"] and story["first"] <= story["last"]
    assert {s["topic"] for s in index["stories"]} <= {s["id"] for s in index["stories"]}
    text = _run("stories", "--db", db).stdout
    assert story["id"] in text and f"topic {story['topic']}" in text
    # days alike, whether or not an article gave a time: "2026-03-10 .. 2026-03-12"
    assert f"\t{story['first'][:10]} .. {story['last'][:10]}\t" in text
    found = json.loads(_run("stories", "--db", db, "--search", "fenwick", "--format",
                            "json").stdout)  # the bus driver, named only in articles' texts
    assert [s["id"] for s in found["stories"]] == [story["id"]]
    nothing = _run("stories", "--db", db, "--search", "Fenwick Lakeside")
    assert story["id"] not in nothing.stdout
    assert "no story matches 'Fenwick Lakeside'" in nothing.stderr
    shown = _run("show", story["id"], "--db", db, "--format", "json")
    assert json.loads(shown.stdout)["story"]["id"] == story["id"]
    # the index lists articles as the dossier (and analyze's index.json) does
    assert story["articles"] == [a["id"] for a in json.loads(shown.stdout)["articles"]]
    with pytest.MonkeyPatch.context() as patch:  # served from the cache: nothing is built
        patch.setattr(pipeline, "build_dossier", _must_not_build)
        again = _run("show", story["id"], "--db", db, "--format", "json")
    assert again.stdout == shown.stdout
    html = _run("show", story["id"], "--db", db, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>")
    missing = _run("show", "nope", "--db", db)
    assert missing.exit_code == 1 and "no story" in missing.output
    written = _run("show", story["id"], "--db", db, "--out", str(tmp_path / "out"))
    assert written.exit_code == 0  # every format by default, as with analyze --out
    assert {p.name for p in (tmp_path / "out").rglob("dossier.*")} == {
        "dossier.json", "dossier.md", "dossier.html"}
    assert "wrote dossier.json, dossier.md, dossier.html in " in written.stderr


def test_show_reports_the_stored_warnings_of_its_inputs_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "pier.txt").write_text(
        "Published: yesterday\n\nThe Meridian pier reopened after repairs, Ilse Varga said.\n",
        encoding="utf-8")
    db = str(tmp_path / "news.db")
    for _ in range(2):
        assert _run("ingest", str(folder), "--db", db).exit_code == 0
    index = json.loads(_run("stories", "--db", db, "--format", "json").stdout)
    errors = [e for s in index["stories"]
              for e in json.loads(_run("show", s["id"], "--db", db).stdout)["errors"]]
    [warning] = [e for e in errors if e["source"].endswith("pier.txt")]
    assert "publication date" in warning["reason"]


def test_analyze_one_story_with_a_store_sorts_the_articles_into_stories(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    result = _run("analyze", str(DEMO_ARTICLES), "--one-story", "--db", db)
    assert result.exit_code == 0
    index = json.loads(_run("stories", "--db", db, "--format", "json").stdout)
    assert sum(len(s["articles"]) for s in index["stories"]) == 12


def test_bad_options_fail_before_any_work(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert _run("ingest", str(DEMO_ARTICLES / "meridian-bridge-closed.txt"),
                "--db", db).exit_code == 0
    # Checked before the story is looked up or analysed: a usage error, not "no story".
    shown = _run("show", "nope", "--db", db, "--format", "all")
    assert shown.exit_code == 2 and "--format all needs --out" in shown.output
    short = _run("analyze", str(DEMO_ARTICLES), "--summary-words", "0")
    assert short.exit_code == 2 and "--summary-words" in short.output
    port = _run("serve", "--db", db, "--port", "80000")
    assert port.exit_code == 2 and "--port" in port.output


def test_an_unknown_model_is_named_with_the_setting_to_change(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE)
    for command in (["analyze", "--one-story"], ["quotes"], ["timeline"]):
        result = _run(*command, str(tmp_path / "wire.txt"), "--model", "no_such_harbour_model")
        assert result.exit_code == 1, command
        assert "cannot load spaCy model 'no_such_harbour_model'" in result.stderr
        assert "--model" in result.stderr and "Traceback" not in result.output


def test_the_model_setting_is_read_from_the_environment(tmp_path: Path) -> None:
    # A fresh interpreter: this one keeps the pipeline it loaded first.
    (tmp_path / "wire.txt").write_text(WIRE)
    env = {**os.environ, "STORYLINE_MODEL": "no_such_harbour_model"}
    result = subprocess.run([sys.executable, "-m", "storyline", "analyze", "--one-story",
                             str(tmp_path / "wire.txt")], env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 1
    assert "cannot load spaCy model 'no_such_harbour_model'" in result.stderr
    assert "STORYLINE_MODEL" in result.stderr


def test_summary_words_sets_the_length_of_the_brief(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE)

    def brief(*args: str) -> list[str]:
        result = _run("analyze", str(tmp_path / "wire.txt"), "--one-story", *args)
        assert result.exit_code == 0, result.output
        return [s["text"] for s in json.loads(result.stdout)["summary"]]

    full, short = brief(), brief("--summary-words", "15")
    assert len(" ".join(full).split()) > 60
    assert short and len(" ".join(short).split()) <= 15
    assert set(short) <= set(full)


def test_dask_option_runs_the_analysis_on_the_scheduler_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import scale

    asked: list[tuple[str, str | None]] = []

    def on_dask(articles: list[Any], *, scheduler: str, model: str | None,
                analyze: Callable[..., list[Any]]) -> list[Any]:
        asked.append((scheduler, model))
        return analyze(list(articles), model=model)

    monkeypatch.setattr(scale, "analyze_on_dask", on_dask)
    (tmp_path / "wire.txt").write_text(WIRE)
    plain = _run("analyze", str(tmp_path / "wire.txt"), "--one-story")
    assert plain.exit_code == 0 and asked == []
    result = _run("analyze", str(tmp_path / "wire.txt"), "--one-story", "--dask", "threads")
    assert result.exit_code == 0 and asked == [("threads", None)]
    assert json.loads(result.stdout)["quotes"] == json.loads(plain.stdout)["quotes"]


def test_quotes_command_prints_jsonl() -> None:
    result = _run("quotes", str(DEMO_ARTICLES / "meridian-bridge-closed.txt"))
    assert result.exit_code == 0
    quotes = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"id", "article", "text", "start", "end", "speaker", "speaker_name", "cue",
            "kind"} <= set(quotes[0])
    assert any(q["speaker_name"] == "Tomas Brandt" and q["cue"] == "told" for q in quotes)


def test_quotes_command_finds_speakers_within_each_story(tmp_path: Path) -> None:
    (tmp_path / "launch.txt").write_text(
        "Halvard Launch Services, a rocket company based in Saxby, delayed its satellite "
        "launch from the Saxby spaceport on Tuesday after a valve failed a test. The company "
        "said the rocket would fly in December.\n", encoding="utf-8")
    (tmp_path / "cheese.txt").write_text(
        "A recall of soft cheese sold at Brennock markets widened on Friday after more "
        'samples failed tests. "We are sorry for the worry this has caused," the company '
        "said in a statement.\n", encoding="utf-8")
    by_story = [json.loads(line) for line in _run("quotes", str(tmp_path)).stdout.splitlines()]
    [sorry] = [q for q in by_story if q["article"] == "cheese"]
    assert sorry["speaker"] is None  # no company named in its own story
    pooled = [json.loads(line) for line in
              _run("quotes", str(tmp_path), "--one-story").stdout.splitlines()]
    # one story: the company only the other article names is still not "the company"
    assert [q["speaker"] for q in pooled if q["article"] == "cheese"] == [None]
    assert all("/" not in q["speaker"] for q in pooled if q["speaker"])  # one story's ids
    assert [q["id"] for q in by_story] == [f"q{n}" for n in range(1, len(by_story) + 1)]
    named = {q["speaker"]: q["speaker_name"] for q in by_story if q["speaker"]}
    assert named and all("/" in s for s in named)  # "s1/o1": ids count per story


def test_demo_command(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = _run("demo", "--out", str(out))
    assert result.exit_code == 0
    assert "index.html" in result.output
    index = json.loads((out / "index.json").read_text())
    assert len(index["stories"]) == 2 and (out / "index.html").exists()
    for story in index["stories"]:  # every format for every story
        assert {p.name for p in (out / story["id"]).iterdir()} == {
            "dossier.json", "dossier.md", "dossier.html"}


def test_timeline_command() -> None:
    result = _run("timeline", str(DEMO_ARTICLES / "regional.jsonl"), "--format", "jsonl")
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates, key=lambda d: d.split("/")[0])
    assert any(e["date"] == "2026-03-13" and e["status"] == "cancelled" for e in events)
    text = _run("timeline", str(DEMO_ARTICLES / "regional.jsonl")).stdout
    assert "2026-03-13" in text and "cancelled" in text


def _analyze_with_dates_failing(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`analyze` of one fictional article at `path` while the dates stage raises."""
    def broken(*args: object) -> object:
        raise ValueError("calendar ran out")

    monkeypatch.setattr(pipeline, "find_dates", broken)
    path.write_text('"We are ready," Mayor Ilse Varga said of the Dunmore pier.\n')
    return _run("analyze", str(path), "--one-story", "--format", "json")


def test_a_stage_failing_on_one_article_is_told_on_standard_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _analyze_with_dates_failing(tmp_path / "pier.txt", monkeypatch)
    assert result.exit_code == 0
    assert "dates of article pier failed: ValueError('calendar ran out')" in result.stderr
    assert json.loads(result.stdout)["quotes"]  # the article's quotes are kept


STORM = Path(__file__).parent / "articles" / "storm"


def _storm_story(db: str) -> dict[str, Any]:
    """The stored story holding the storm's first wire report, as `show` writes it."""
    index = json.loads(_run("stories", "--db", db, "--format", "json").stdout)
    story = next(s for s in index["stories"] if "wire-maren-1" in s["articles"])
    return json.loads(_run("show", story["id"], "--db", db, "--format", "json").stdout)


def test_a_storm_followed_over_four_days_keeps_its_toll_as_one_running_figure(
        tmp_path: Path) -> None:
    """walk25: a desk editor ingests a storm's coverage day by day. The toll rises (two,
    five, at least seven) and is no dispute; the one outlet still giving five on the day
    others give seven is; the storm's name is no person."""
    db = str(tmp_path / "storm.db")
    for day in ("day1", "day2", "day3"):
        assert _run("ingest", str(STORM / day), "--db", db).exit_code == 0
        if day == "day2":
            dossier = _storm_story(db)
            assert [d["topic"] for d in dossier["divergences"]
                    if d.get("kind", "number") == "number"] == []
    dossier = _storm_story(db)
    numbers = [d for d in dossier["divergences"] if d.get("kind", "number") == "number"]
    assert [d["topic"] for d in numbers] == ["number of people: 5 vs 7"]
    stale = {v["article"] for v in numbers[0]["versions"] if v["value"] == "5"}
    assert stale == {"northmarch-radio"}
    assert "Storm Maren" not in {p["name"] for p in dossier["people"]}
    # the toll's fact tells its figure day by day
    [toll] = [f for f in dossier["facts"] if f.get("updates")]
    assert [u["value"] for u in toll["updates"]] == ["2", "7"]
    # both reprints of the day-one wire credit it: neither copies the other
    kinds = {p["article"]: (p["kind"], p["of"]) for p in dossier["provenance"]}
    assert kinds["vale-courier-storm"] == kinds["evening-post-1"] == ("reprint", "wire-maren-1")
    # the timeline tells the schools' reopening in the wire's words, not the spun copy's
    assert not [e for e in dossier["events"] if "Institutions" in e["description"]]
    # ", according to the Red Lantern Society, the charity running it": not the claim
    said = [q["quoted"] for q in dossier["quotes"] if q["cue"] == "according to"]
    assert "About 60 people spent Sunday night at the leisure centre" in said
