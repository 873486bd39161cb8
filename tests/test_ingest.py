"""Reading inputs: text, HTML, JSON, JSONL, feeds, stdin, and every kind of bad input."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

import pytest

from storyline import ingest
from storyline import store as db
from storyline.ingest import (
    DEFAULT_MAX_BYTES,
    NOT_AN_ARTICLE,
    make_article,
    normalize_text,
    outlet_from_url,
    parse_published,
    read_inputs,
)
from storyline.models import Article, InputError
from storyline.store import open_store

FIXTURES = Path(__file__).parent / "articles" / "ingest"


def read(*inputs: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
         stdin: IO[str] | IO[bytes] | None = None) -> tuple[list[Article], list[InputError]]:
    """All records of one read_inputs call, split into articles and errors."""
    records = list(read_inputs([str(i) for i in inputs], max_bytes=max_bytes, stdin=stdin))
    articles = [r for r in records if isinstance(r, Article)]
    errors = [r for r in records if isinstance(r, InputError)]
    assert len(articles) + len(errors) == len(records)
    return articles, errors


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD_TEXT = "The Ashcombe dairy reopened on Monday, owner Rhian Toller said.\n"


# -- plain text ---------------------------------------------------------------------


def test_txt_header_block_is_parsed_and_left_out_of_the_body() -> None:
    [art], errors = read(FIXTURES / "bridge-header.txt")
    assert errors == []
    assert art.id == "bridge-header"
    assert art.source == str(FIXTURES / "bridge-header.txt")
    assert art.title == "Dunmore bridge to reopen in spring"
    assert art.outlet == "Dunmore Courier"
    assert art.url == "https://www.dunmorecourier.example/news/bridge-reopens"
    assert art.published == datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
    assert art.author == "Petra Lindqvist"
    assert art.text.startswith("Mayor Ilse Varga of Dunmore said on 3 March")
    assert art.text.endswith('"We owe the town a safe crossing," Varga told the council.')
    for header_word in ("Title:", "Outlet:", "URL:", "Published:", "Author:", "Petra"):
        assert header_word not in art.text


def test_txt_without_header_uses_file_stem_and_no_outlet() -> None:
    [art], errors = read(FIXTURES / "ferry-plain.txt")
    assert errors == []
    assert art.id == "ferry-plain"
    assert art.outlet == ""
    assert art.title == ""
    assert art.url == ""
    assert art.published is None
    assert art.text == (
        "The Halloway ferry resumed service on Tuesday after a week of repairs, operator "
        "Brannock Lines said.\n\nCaptain Oskar Feld said the new engine was quieter than the "
        "old one."
    )


def test_txt_outlet_falls_back_to_url_domain_without_www(tmp_path: Path) -> None:
    path = write(tmp_path / "kiln.txt",
                 "Title: Kiln fire at Pottersby\n"
                 "URL: https://www.pottersby-echo.example/news/kiln?ref=rss\n"
                 "\n"
                 "A kiln fire closed the Pottersby studio on Friday, potter Edda Vance said.\n")
    [art], errors = read(path)
    assert errors == []
    assert art.outlet == "pottersby-echo.example"
    assert art.url == "https://www.pottersby-echo.example/news/kiln?ref=rss"
    assert art.text == "A kiln fire closed the Pottersby studio on Friday, potter Edda Vance said."


def test_txt_header_with_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title: Mill pond drained\r\nOutlet: Wexby Times\r\n\r\n"
                     b"The Wexby mill pond was drained on Sunday.\r\nWarden Ivo Blake said so.\r\n")
    [art], errors = read(path)
    assert errors == []
    assert art.title == "Mill pond drained"
    assert art.outlet == "Wexby Times"
    assert art.text == "The Wexby mill pond was drained on Sunday.\nWarden Ivo Blake said so."


def test_text_that_only_looks_like_a_header_is_kept_as_body(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt",
                 "Weather: rain all week in Tollbridge\n\nThe fair was cancelled.\n")
    [art], _ = read(path)
    assert art.title == ""
    assert art.text.startswith("Weather: rain all week in Tollbridge")


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.example.org/a") == "example.org"
    assert outlet_from_url("http://news.example.org:8080/a") == "news.example.org"
    assert outlet_from_url("") == ""


# -- normalisation and dates --------------------------------------------------------


def test_normalize_text_nfc() -> None:
    assert normalize_text("Caf" + "e\u0301") == "Caf\u00e9"


def test_normalize_text_newlines_and_spaces() -> None:
    assert normalize_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert normalize_text("10\u00a0km from\u202fOrmsby") == "10 km from Ormsby"
    assert "\u00a0" not in normalize_text("a\u00a0b")


def test_normalize_text_leaves_curly_quotes_alone() -> None:
    text = "\u201cWe will rebuild,\u201d said Mayor Varga. \u2018Soon,\u2019 she added."
    assert normalize_text(text) == text


def test_normalize_text_collapses_blank_lines() -> None:
    assert normalize_text("first\n\n\n\n\nsecond") == "first\n\nsecond"
    assert normalize_text("first\n  \n\t\n   \nsecond") == "first\n\nsecond"
    assert normalize_text("first\n\nsecond") == "first\n\nsecond"
    assert normalize_text("  \n\nbody  \n\n") == "body"


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-03-11T09:00:00Z", datetime(2026, 3, 11, 9, 0, tzinfo=UTC)),
    ("2026-03-11T10:00:00+01:00",
     datetime(2026, 3, 11, 10, 0, tzinfo=timezone(timedelta(hours=1)))),
    ("Wed, 11 Mar 2026 09:00:00 +0000", datetime(2026, 3, 11, 9, 0, tzinfo=UTC)),
    ("March 11, 2026", datetime(2026, 3, 11, tzinfo=UTC)),
    ("2026-03-11 09:30", datetime(2026, 3, 11, 9, 30, tzinfo=UTC)),
])
def test_parse_published(value: str, expected: datetime) -> None:
    parsed = parse_published(value)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


def test_parse_published_naive_is_utc() -> None:
    parsed = parse_published(datetime(2026, 3, 11, 9, 0))
    assert parsed == datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
    assert parsed is not None and parsed.tzinfo is not None
    naive_string = parse_published("2026-03-11T09:00:00")
    assert naive_string is not None and naive_string.utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", [None, "", "not a date at all", "banana", "31 February 2026"])
def test_parse_published_garbage_is_none(value: object) -> None:
    assert parse_published(value) is None


@pytest.mark.parametrize("value", [
    "N/A", "2024", "March", "March 2026", "Monday", "12", "[1]", "yesterday", "now",
    "2 hours ago", True, 1e20, -1e15, float("nan"), float("inf"),
])
def test_parse_published_never_invents_a_date(value: object) -> None:
    """Incomplete, relative or impossible values give no date, not one filled from today."""
    assert parse_published(value) is None


def test_parse_published_keeps_complete_dates_in_other_forms() -> None:
    assert parse_published(1773219600) == datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
    assert parse_published("11 de marzo de 2026") == datetime(2026, 3, 11, tzinfo=UTC)
    assert parse_published("3/11/2026") == datetime(2026, 3, 11, tzinfo=UTC)
    assert parse_published("11.03.2026") == datetime(2026, 3, 11, tzinfo=UTC)  # day first
    assert parse_published(1773219600000) == datetime(2026, 3, 11, 9, 0, tzinfo=UTC)  # ms


def test_unreadable_published_keeps_the_article_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "dates.jsonl", "\n".join(json.dumps(o) for o in [
        {"id": "a", "published": 1e20, "text": "The Fenwick ferry sailed again."},
        {"id": "b", "published": "yesterday", "text": "The Fenwick pier was repaired."},
        {"id": "c", "published": "2026-03-11", "text": "The Fenwick tolls went up."},
        {"id": "d", "published": "2026-13-45", "text": "The Fenwick bus was late."},
    ]) + "\n")
    articles, errors = read(path)
    assert [a.id for a in articles] == ["a", "b", "c", "d"]
    assert [a.published for a in articles] == [None, None, datetime(2026, 3, 11, tzinfo=UTC),
                                                None]
    assert [e.source for e in errors] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert all(e.severity == "warning" and "publication date" in e.reason for e in errors)
    assert "needs year, month and day" in errors[1].reason
    assert "no such day" in errors[2].reason


def test_relative_published_header_is_stable_across_runs(tmp_path: Path) -> None:
    """The article key must not depend on the day the file is read."""
    path = write(tmp_path / "pier.txt", "Published: yesterday\n\nThe Fenwick pier reopened.\n")
    [first], [warning] = read(path)
    [second], _ = read(path)
    assert first.published is None and first.key == second.key
    assert warning.source == str(path) and "yesterday" in warning.reason


# -- HTML ---------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    [art], errors = read(FIXTURES / "market.html")
    assert errors == []
    assert art.id == "market"
    assert art.text.startswith("The Lowmere market hall will stay open")
    assert "Councillor Ada Brennick" in art.text
    assert "Stallholder Marek Doyle" in art.text
    # boilerplate is gone
    for boilerplate in ("cookies", "Weather forecast", "Sport", "Copyright", "Privacy policy",
                        "All rights reserved"):
        assert boilerplate not in art.text
    assert art.title == "Lowmere market hall saved by late council vote"
    assert not art.text.startswith(art.title)
    assert art.outlet == "The Lowmere Ledger"
    assert art.url == "https://www.lowmereledger.example/2026/03/market-hall"
    assert art.author == "Tamsin Okafor"
    # the time of day survives (trafilatura alone keeps only the date)
    assert art.published == datetime(2026, 3, 12, 13, 35, tzinfo=UTC)
    assert art.published is not None and art.published.utcoffset() == timedelta(hours=1)
    assert art.published_iso == "2026-03-12T14:35:00+01:00"


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty-page.html", "<html><head><title>Lowmere</title></head>"
                  "<body></body></html>")
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read(empty, good)
    assert [a.id for a in articles] == ["good"]
    assert [(e.source, e.severity) for e in errors] == [(str(empty), "error")]
    assert "no article text" in errors[0].reason


def test_html_with_only_boilerplate_is_an_error(tmp_path: Path) -> None:
    page = write(tmp_path / "shell.html",
                 '<html><head><meta property="og:site_name" content="The Lowmere Ledger"></head>'
                 '<body><div class="cookie-banner">We use cookies. Accept all cookies?</div>'
                 '<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>'
                 "</ul></nav><footer><p>Copyright 2026 Lowmere Ledger Holdings. All rights "
                 "reserved.</p></footer></body></html>")
    articles, errors = read(page)
    assert articles == []
    assert [e.source for e in errors] == [str(page)]


# -- JSON and JSONL -----------------------------------------------------------------


def test_json_object() -> None:
    [art], errors = read(FIXTURES / "orchard.json")
    assert errors == []
    assert art.id == "orchard-1"
    assert art.title == "Orchard festival moves to May"
    assert art.outlet == "Brisley Herald"
    assert art.url == "https://brisleyherald.example/orchard"
    assert art.published == datetime(2026, 3, 10, 7, 15, tzinfo=UTC)
    assert art.author == "Lio Marsh, Dana Prue"
    assert art.text == ("The Brisley orchard festival will move to May this year, "
                        "organiser Hetty Crane said.")


def test_json_with_html_instead_of_text(tmp_path: Path) -> None:
    html = (FIXTURES / "market.html").read_text(encoding="utf-8")
    path = write(tmp_path / "page.json", json.dumps({"id": "hall", "html": html}))
    [art], errors = read(path)
    assert errors == []
    assert art.id == "hall"
    assert art.text.startswith("The Lowmere market hall will stay open")
    assert "cookies" not in art.text and "Copyright" not in art.text
    assert art.outlet == "The Lowmere Ledger"
    assert art.title == "Lowmere market hall saved by late council vote"
    assert art.published == datetime(2026, 3, 12, 13, 35, tzinfo=UTC)


def test_json_html_metadata_fills_null_fields(tmp_path: Path) -> None:
    html = (FIXTURES / "market.html").read_text(encoding="utf-8")
    obj = {"id": "hall", "html": html, "title": None, "outlet": "", "author": None}
    [art], _ = read(write(tmp_path / "page.json", json.dumps(obj)))
    assert art.title == "Lowmere market hall saved by late council vote"
    assert art.outlet == "The Lowmere Ledger"


def test_json_ids_are_kept_as_given(tmp_path: Path) -> None:
    path = write(tmp_path / "ids.jsonl", "\n".join(json.dumps(o) for o in [
        {"id": "https://news.example/a/1", "text": "The Hale mill closed."},
        {"id": "urn:uuid:42", "text": "The Hale mill reopened."},
        {"id": 0, "text": "The Hale mill was sold."},
        {"id": "a b", "text": "The Hale mill burned."},
        {"id": "a-b", "text": "The Hale mill was rebuilt."},
    ]) + "\n")
    articles, errors = read(path)
    assert errors == []
    assert [a.id for a in articles] == ["https://news.example/a/1", "urn:uuid:42", "0",
                                        "a b", "a-b"]


def test_file_name_ids_are_cleaned(tmp_path: Path) -> None:
    [art], _ = read(write(tmp_path / "hale mill (final).txt", "The Hale mill closed.\n"))
    assert art.id == "hale-mill-final"


def test_json_without_id_uses_stem(tmp_path: Path) -> None:
    path = write(tmp_path / "quarry.json",
                 json.dumps({"text": "The Graymoor quarry closed, manager Tobin Reece said."}))
    [art], _ = read(path)
    assert art.id == "quarry"
    assert art.outlet == ""


def test_jsonl_ids_and_a_bad_line() -> None:
    path = FIXTURES / "wire.jsonl"
    articles, errors = read(path)
    assert [a.id for a in articles] == ["wire-a", "wire-2", "wire-d"]
    assert articles[1].text == ("The Ostwick library will extend its opening hours, "
                                "librarian Suki Thorne said.")
    assert articles[2].text.startswith("Ostwick station reopened")
    assert all(a.outlet == "Ostwick Wire" for a in articles)
    assert all(a.source == str(path) for a in articles)
    [error] = errors
    assert error.source == f"{path}:3"
    assert error.source.endswith("wire.jsonl:3")
    assert error.severity == "error"
    assert "invalid JSON at column" in error.reason  # the column in its line, no "line 1"


def test_json_error_messages_read_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '{"id": "x", "text": "unterminated\n')
    _, [error] = read(path)
    assert error.reason == "invalid JSON at line 1 column 34: invalid control character"
    cut = write(tmp_path / "cut.json", '{"id": "x", "text": "Half a story')
    _, [error] = read(cut)
    # json says "Unterminated string starting at": the position is where the string opens
    assert error.reason == ("invalid JSON at line 1 column 21: a string opened here is "
                            "never closed (the file ends before the JSON does)")


def test_jsonl_line_that_is_not_an_article(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.jsonl",
                 '{"id": "m1", "text": "Pellow bakery won a prize, baker Ines Crowe said."}\n'
                 "\n"
                 "[1, 2, 3]\n"
                 '{"id": "m4", "title": "no text here"}\n')
    articles, errors = read(path)
    assert [a.id for a in articles] == ["m1"]
    assert [e.source for e in errors] == [f"{path}:3", f"{path}:4"]
    assert "not an article object" in errors[0].reason
    assert "no 'text'" in errors[1].reason


# -- feeds --------------------------------------------------------------------------


def test_rss_feed_with_and_without_full_content() -> None:
    path = FIXTURES / "harbour.rss"
    articles, errors = read(path)
    assert errors == []
    assert [a.id for a in articles] == ["harbour-1", "harbour-2"]
    first, second = articles
    # content:encoded wins over the teaser in <description>
    assert first.text == ("Work on the Carrow Bay harbour wall began on Monday, harbourmaster "
                          "Nell Okonjo said.\n\nThe repairs are due to finish before the summer "
                          "regatta.")
    assert "teaser" not in first.text
    assert "<p>" not in first.text
    assert second.text == ("The Skerrin lighthouse will open to visitors on 4 April, "
                           "keeper Rolf Abara said.")
    assert first.outlet == second.outlet == "Carrow Bay Gazette"
    assert first.title == "Harbour wall repairs begin"
    assert first.url == "https://carrowbay.example/news/harbour-wall"
    assert first.published == datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
    assert second.published == datetime(2026, 3, 12, 10, 30, tzinfo=UTC)
    assert first.source.startswith(str(path))


def test_atom_feed() -> None:
    [art], errors = read(FIXTURES / "valley.atom")
    assert errors == []
    assert art.id == "valley-1"
    assert art.outlet == "Fennick Valley Post"
    assert art.title == "Valley school gets new roof"
    assert art.author == "Jory Sandoval"
    assert art.url == "https://fennickvalley.example/school-roof"
    assert art.published == datetime(2026, 3, 13, 8, 0, tzinfo=UTC)
    assert art.text == ("Fennick Valley school will get a new roof this summer, "
                        "head teacher Wenna Castel said.")


def test_feed_ids_come_from_the_file_and_outlets_and_bylines_read_clean(tmp_path: Path) -> None:
    path = write(tmp_path / "bay-news.xml", """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Carrow Bay Gazette - Local news</title>
<link>https://carrowbay.example/</link>
<item><title>Pier reopens</title><guid isPermaLink="false">pier-reopens-2026</guid>
<link>https://carrowbay.example/news/pier.html</link>
<author>desk@carrowbay.example (Nell Okonjo)</author>
<description>The pier reopened on Monday, harbourmaster Nell Okonjo said.</description></item>
<item><title>Ferry late</title><author>Rolf Abara &lt;rolf@carrowbay.example&gt;</author>
<description>The morning ferry was late on Tuesday, skipper Rolf Abara said.</description></item>
<item><title>Gull count</title><link>https://carrowbay.example/news/gull-count.html</link>
<description>Volunteers counted 400 gulls on the pier on Sunday, a warden said.</description>
</item></channel></rss>""")
    articles, errors = read(path)
    assert errors == []
    assert [a.id for a in articles] == ["bay-news-1", "bay-news-2", "bay-news-3"]
    assert {a.outlet for a in articles} == {"Carrow Bay Gazette"}  # not its section
    site_first = path.read_text(encoding="utf-8").replace(
        "Carrow Bay Gazette - Local news", "Local news | The Carrow Bay Gazette")
    articles, _ = read(write(tmp_path / "bay-2.xml", site_first))
    assert {a.outlet for a in articles} == {"The Carrow Bay Gazette"}  # its web address
    assert [a.author for a in articles[:2]] == ["Nell Okonjo", "Rolf Abara"]


def test_xml_that_is_not_a_feed_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "sitemap.xml",
                 '<?xml version="1.0"?>\n<urlset><url><loc>https://x.example/</loc></url>'
                 "</urlset>\n")
    articles, errors = read(path)
    assert articles == []
    assert [e.source for e in errors] == [str(path)]


# -- directories, stdin, ids --------------------------------------------------------


def test_directory_is_read_recursively_and_skips_unknown_and_hidden(tmp_path: Path) -> None:
    write(tmp_path / "top.txt", "The Rookham weir was rebuilt, engineer Sal Penrose said.\n")
    write(tmp_path / "a" / "b" / "deep.md", "Rookham school choir won the county shield.\n")
    write(tmp_path / "a" / "page.htm", (FIXTURES / "market.html").read_text(encoding="utf-8"))
    write(tmp_path / "a" / "data.csv", "id,text\nx,The Rookham data file.\n")
    (tmp_path / "a" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "a" / "README", "Rookham notes without an extension.\n")
    (tmp_path / "news.db").write_bytes(b"SQLite format 3\x00")  # a store kept beside
    (tmp_path / "news.db-wal").write_bytes(b"")
    write(tmp_path / ".draft.txt", "A hidden Rookham draft.\n")
    write(tmp_path / "a" / ".notes.md", "Hidden Rookham notes.\n")
    articles, errors = read(tmp_path)
    assert [(e.source, e.reason, e.severity) for e in errors] == [
        (str(tmp_path / "a" / "b" / "deep.md"), NOT_AN_ARTICLE, "warning"),
        (str(tmp_path), "left out 3 files of a type Storyline does not read: .csv (1), "
         ".png (1), no suffix (1)", "warning")]  # named, hidden files not counted
    assert sorted(a.id for a in articles) == ["page", "top"]
    texts = " ".join(a.text for a in articles)
    assert "hidden" not in texts.lower()
    assert "data file" not in texts


def test_markdown_notes_in_a_folder_are_named_and_left_out_but_read_when_named(
        tmp_path: Path) -> None:
    # Notes kept beside the articles (or a dossier.md an earlier `analyze --out` wrote)
    # are no article: DESIGN.md reads .txt as plain text, and a folder's .md is named.
    write(tmp_path / "ferry.txt", GOOD_TEXT)
    notes = write(tmp_path / "NOTES.md", "# To do\n\nAsk the Ashcombe dairy about Monday.\n")
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["ferry"]
    assert [(e.source, e.severity) for e in errors] == [(str(notes), "warning")]
    assert "not articles" in errors[0].reason
    named, errors = read(notes)  # the user named the file: read as plain text
    assert [a.id for a in named] == ["NOTES"] and errors == []


def test_directory_order_is_stable(tmp_path: Path) -> None:
    for name in ("c", "a", "b"):
        write(tmp_path / f"{name}.txt", f"Story {name} from Bellhaven, clerk Ona Marr said.\n")
    articles, _ = read(tmp_path)
    assert [a.id for a in articles] == ["a", "b", "c"]


def test_files_in_hidden_directories_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "kept.txt", GOOD_TEXT)
    write(tmp_path / ".cache" / "old.txt", "A cached Rookham copy that should be ignored.\n")
    articles, _ = read(tmp_path)
    assert [a.id for a in articles] == ["kept"]


def test_stdin_jsonl() -> None:
    stdin = io.StringIO(
        '{"id": "s-a", "outlet": "Quillby Voice", "text": "Quillby pier reopened."}\n'
        '{"text": "Quillby tram fares will rise, operator Len Astor said."}\n'
        "not json\n"
    )
    articles, errors = read("-", stdin=stdin)
    assert [a.id for a in articles] == ["s-a", "stdin-2"]
    assert articles[0].outlet == "Quillby Voice"
    assert articles[1].text == "Quillby tram fares will rise, operator Len Astor said."
    assert [e.source for e in errors] == ["<stdin>:3"]


def test_stdin_and_files_together(tmp_path: Path) -> None:
    good = write(tmp_path / "pier.txt", GOOD_TEXT)
    stdin = io.StringIO('{"id": "pier", "text": "Quillby pier reopened, said Mo Reyes."}\n')
    articles, errors = read(good, "-", stdin=stdin)
    assert errors == []
    assert [a.id for a in articles] == ["pier", "pier-2"]


def test_a_lone_surrogate_is_replaced_and_the_other_articles_are_kept(tmp_path: Path) -> None:
    # "\ud800" is valid JSON but no UTF-8 text: it once stopped the whole run.
    lines = write(tmp_path / "wire.jsonl",
                  '{"id": "a", "title": "Ferry \\udc00 notice", '
                  '"text": "The Wrenfold ferry \\ud800 sails again, said Pim Ostra."}\n'
                  '{"id": "b", "text": "The Wrenfold ferry sails again on Friday."}\n')
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read(lines, good)
    assert [a.id for a in articles] == ["a", "b", "good"]
    assert articles[0].text == "The Wrenfold ferry \ufffd sails again, said Pim Ostra."
    assert articles[0].title == "Ferry \ufffd notice"
    assert len(articles[0].key) == 64
    assert [(e.source, e.severity) for e in errors] == [(f"{lines}:1", "warning")]
    assert "surrogate" in errors[0].reason and "text" in errors[0].reason


def test_stdin_bytes_are_decoded_like_files() -> None:
    stdin = io.BytesIO('{"id": "w", "text": "Caf\u00e9 owners in Wrenfold met on Monday."}\n'
                       .encode("cp1252") +
                       '{"id": "u", "text": "Caf\u00e9 Ostra opened on Tuesday."}\n'
                       .encode("utf-8"))
    articles, errors = read("-", stdin=stdin)
    assert [a.text for a in articles] == ["Caf\u00e9 owners in Wrenfold met on Monday.",
                                          "Caf\u00e9 Ostra opened on Tuesday."]
    assert [(e.source, e.severity) for e in errors] == [("<stdin>:1", "warning")]
    assert "Windows-1252" in errors[0].reason


def test_duplicate_ids_get_suffixes(tmp_path: Path) -> None:
    for folder, town in (("one", "Ambry"), ("two", "Blethin"), ("three", "Corran")):
        write(tmp_path / folder / "note.txt", f"The {town} council met on Monday.\n")
    articles, _ = read(tmp_path / "one", tmp_path / "two", tmp_path / "three")
    assert [a.id for a in articles] == ["note", "note-2", "note-3"]
    assert [a.text.split()[1] for a in articles] == ["Ambry", "Blethin", "Corran"]


def test_each_folder_is_listed_once_though_its_own_ids_are_reserved_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A derived id ("note") makes the run reserve every input's own ids: the folders
    # are not walked again for it.
    for folder, town in (("one", "Ambry"), ("two", "Blethin")):
        write(tmp_path / folder / "note.txt", f"The {town} council met on Monday.\n")
    write(tmp_path / "two" / "item.json", json.dumps({"id": "note-2", "text": "Corran."}))
    walked: list[str] = []
    real_rglob = Path.rglob

    def counting(self: Path, pattern: str) -> Any:
        walked.append(self.name)
        return real_rglob(self, pattern)

    monkeypatch.setattr(Path, "rglob", counting)
    articles, _ = read(tmp_path / "one", tmp_path / "two")
    assert sorted(walked) == ["one", "two"]
    assert [(Path(a.source).parent.name, a.id) for a in articles] == [
        ("one", "note"), ("two", "note-2"), ("two", "note-3")]  # the own id kept



def test_each_file_is_read_once_though_its_own_ids_are_reserved_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "note" is made from a file name, so the run first reads every file's own id; the
    # files it read then are not read from disk a second time, nor are the pages (HTML
    # has no own id), and the ids come out as before.
    for folder, town in (("one", "Ambry"), ("two", "Blethin")):
        write(tmp_path / folder / "note.txt", f"The {town} council met on Monday.\n")
    write(tmp_path / "two" / "item.json", json.dumps({"id": "note-2", "text": "Corran."}))
    write(tmp_path / "two" / "page.html", "<html><head><title>Dunwick pier</title></head>"
          "<body><article><p>" + "The Dunwick pier reopened on Monday after repairs to "
          "its deck, the harbour board said in a short statement. " * 3 +
          "</p></article></body></html>")
    write(tmp_path / "two" / "tagged.txt", "Id: tagged\n\nThe Eskby ferry ran late.\n")
    opened: list[str] = []
    real_open = Path.open

    def counting(self: Path, *args: Any, **kwargs: Any) -> Any:
        if tmp_path in self.parents:  # not a library's own files
            opened.append(f"{self.parent.name}/{self.name}")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting)
    articles, errors = read(tmp_path / "one", tmp_path / "two")
    assert errors == []
    assert sorted(opened) == ["one/note.txt", "two/item.json", "two/note.txt",
                              "two/page.html", "two/tagged.txt"]
    assert [(Path(a.source).parent.name, a.id) for a in articles] == [
        ("one", "note"), ("two", "note-2"), ("two", "note-3"), ("two", "page"),
        ("two", "tagged")]


def test_a_file_read_before_own_ids_are_reserved_is_read_again_and_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first file has its own id, so nothing is reserved until the second file's
    # name makes one: the reservation reads the first file again (for its own ids) but
    # keeps only what is still to be read.
    own = write(tmp_path / "own.json", json.dumps({"id": "late", "text": "Farrow."}))
    late = write(tmp_path / "late.txt", "The Farrow quay closed early.\n")
    later = write(tmp_path / "later.txt", "The Farrow quay reopened.\n")
    kept: list[dict[Path, Any]] = []
    real_look = ingest._Texts.look

    def spying(self: Any, path: Path, *, max_bytes: int) -> tuple[str, str | None]:
        found = real_look(self, path, max_bytes=max_bytes)
        kept.append(dict(self._kept))
        return found

    monkeypatch.setattr(ingest._Texts, "look", spying)
    articles, _ = read(own, late, later)
    assert [a.id for a in articles] == ["late", "late-2", "later"]
    assert [sorted(p.name for p in k) for k in kept] == [[], [], ["later.txt"]]


@pytest.mark.parametrize("files_first", [True, False])
def test_an_inputs_own_id_wins_over_a_file_derived_id_in_either_order(
        tmp_path: Path, files_first: bool) -> None:
    # pier.txt derives "pier" and wire.jsonl's line "wire-1", the ids a JSON item and a
    # text file's "Id:" line give as their own: the own ids win whichever input is read
    # first, the derived ones take a suffix.
    derived = write(tmp_path / "derived" / "pier.txt", GOOD_TEXT)
    wire = write(tmp_path / "derived" / "wire.jsonl",
                 '{"text": "The Quillby pier reopened on Monday, Mo Reyes said."}\n')
    write(tmp_path / "own" / "item.json",
          json.dumps({"id": "pier", "text": "Quillby pier reopened, said Mo Reyes."}))
    write(tmp_path / "own" / "note.txt",
          "Id: wire-1\nTitle: Tram fares\n\nQuillby tram fares will rise, Len Astor said.\n")
    inputs = [derived, wire, tmp_path / "own"] if files_first else \
        [tmp_path / "own", derived, wire]
    articles, errors = read(*inputs)
    assert errors == []
    by_source = {Path(a.source).name: a.id for a in articles}
    assert by_source == {"item.json": "pier", "note.txt": "wire-1", "pier.txt": "pier-2",
                         "wire.jsonl": "wire-1-2"}


def test_a_jsonl_items_own_id_wins_over_an_earlier_lines_derived_id(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(o) for o in [
        {"text": "First Dovecote story, with no id of its own."},
        {"id": "feed-1", "text": "Second Dovecote story."},
        {"id": "feed-1-2", "text": "Third Dovecote story."},
    ]) + "\n")
    articles, _ = read(path)
    assert [a.id for a in articles] == ["feed-1-3", "feed-1", "feed-1-2"]


def test_duplicate_id_suffix_does_not_clash_with_a_real_id(tmp_path: Path) -> None:
    path = write(tmp_path / "ids.jsonl", "\n".join(json.dumps(o) for o in [
        {"id": "x", "text": "First Dovecote story."},
        {"id": "x-2", "text": "Second Dovecote story."},
        {"id": "x", "text": "Third Dovecote story."},
    ]) + "\n")
    articles, _ = read(path)
    ids = [a.id for a in articles]
    assert ids[:2] == ["x", "x-2"]
    assert len(set(ids)) == 3
    assert ids[2].startswith("x-")


# -- bad input ----------------------------------------------------------------------


def test_nonexistent_path(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    missing = tmp_path / "nowhere" / "missing.txt"
    articles, errors = read(missing, good)
    assert [a.id for a in articles] == ["good"]
    [error] = errors
    assert error.source == str(missing)
    assert error.severity == "error"
    assert "no such file" in error.reason


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read a chmod 000 file")
    locked = write(tmp_path / "locked.txt", GOOD_TEXT)
    good = write(tmp_path / "good.txt", GOOD_TEXT.replace("Monday", "Tuesday"))
    locked.chmod(0)
    try:
        articles, errors = read(locked, good)
    finally:
        locked.chmod(0o644)
    assert [a.id for a in articles] == ["good"]
    assert [e.source for e in errors] == [str(locked)]
    assert "permission denied" in errors[0].reason


def test_permission_error_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as test_unreadable_file, reachable when the tests run as root."""
    locked = write(tmp_path / "locked.txt", GOOD_TEXT)
    good = write(tmp_path / "good.txt", GOOD_TEXT.replace("Monday", "Tuesday"))
    real_open = Path.open

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    articles, errors = read(locked, good)
    assert [a.id for a in articles] == ["good"]
    assert [(e.source, e.severity) for e in errors] == [(str(locked), "error")]
    assert "permission denied" in errors[0].reason


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("binary.txt", b"GIF89a\x00\x01\x02 Ashcombe", "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n   \n", "empty"),
    ("truncated.json", b'{"id": "x", "text": "abc', "invalid JSON"),
    ("list.json", b'[{"id": "x", "text": "Ashcombe news."}]', "not an article object"),
    ("notext.json", b'{"id": "x", "title": "Ashcombe"}', "no 'text'"),
    ("emptytext.json", b'{"id": "x", "text": "   "}', "holds no text"),
    ("numbertext.json", b'{"id": "x", "text": 42}', "is not a string but int"),
    ("header-only.txt", b"Title: Nothing else\nOutlet: Ashcombe Post\n\n", "no article text"),
])
def test_bad_file_is_reported_and_good_files_still_load(
        tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    before = write(tmp_path / "before.txt", GOOD_TEXT)
    after = write(tmp_path / "after.txt", "The Ashcombe mill closed, miller Ode Fenn said.\n")
    articles, errors = read(before, bad, after)
    assert [a.id for a in articles] == ["before", "after"]
    [error] = errors
    assert error.source == str(bad)
    assert error.severity == "error"
    assert reason in error.reason


def test_bad_files_in_a_directory_do_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a-binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b-empty.json").write_bytes(b"")
    write(tmp_path / "c-good.txt", GOOD_TEXT)
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["c-good"]
    assert sorted(Path(e.source).name for e in errors) == ["a-binary.txt", "b-empty.json"]


def test_windows_1252_text_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(b"Caf\xe9 owner Jonas Pell said the Brindle Street caf\xe9 would stay "
                     b"open \x93for good\x94.\n")
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read(path, good)
    assert [a.id for a in articles] == ["cafe", "good"]
    cafe = articles[0]
    assert cafe.text.startswith("Caf\u00e9 owner Jonas Pell")
    assert "caf\u00e9 would stay open \u201cfor good\u201d." in cafe.text
    assert "\ufffd" not in cafe.text
    [warning] = errors
    assert warning.source == str(path)
    assert warning.severity == "warning"
    assert "UTF-8" in warning.reason
    assert "Windows-1252" in warning.reason


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle: Tarn village fete\n\nThe Tarn fete raised \xc2\xa3400.\n")
    [art], errors = read(path)
    assert errors == []
    assert art.title == "Tarn village fete"
    assert art.text == "The Tarn fete raised \u00a3400."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    text = "Title: Tarn ferry\n\nThe Tarn ferry carried 400 people on Sunday.\n"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    [art], errors = read(path)
    assert errors == []
    assert art.title == "Tarn ferry"
    assert art.text == "The Tarn ferry carried 400 people on Sunday."


def test_text_that_mentions_feed_tags_is_an_article(tmp_path: Path) -> None:
    path = write(tmp_path / "howto.txt", "The Tarn library now publishes an <rss> feed and an "
                 "Atom <feed> of its events, the librarian said.\n")
    [art], errors = read(path)
    assert errors == []
    assert art.text.startswith("The Tarn library")


def test_feed_file_holding_a_url_is_not_fetched(tmp_path: Path) -> None:
    # feedparser fetches a string that looks like a URL; reading must stay offline.
    path = write(tmp_path / "pointer.rss", "http://127.0.0.1:9/feed.xml\n")
    articles, [error] = read(path)
    assert articles == []
    assert error.source == str(path)
    assert error.reason.startswith("not a readable feed")
    assert "not well-formed" in error.reason  # read as XML, not opened as a URL


def test_file_larger_than_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: instant, takes no disk space
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read(big, good)
    assert [a.id for a in articles] == ["good"]
    [error] = errors
    assert error.source == str(big)
    assert error.severity == "error"
    assert "too large" in error.reason


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", GOOD_TEXT * 10)
    articles, errors = read(path, max_bytes=50)
    assert articles == []
    assert [e.source for e in errors] == [str(path)]
    assert "too large" in errors[0].reason
    articles, errors = read(path, max_bytes=10_000)
    assert [a.id for a in articles] == ["long"] and errors == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever: nothing writes to it
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read(fifo, good)
    assert [a.id for a in articles] == ["good"]
    assert [(e.source, e.reason) for e in errors] == [(str(fifo), "not a regular file")]
    articles, errors = read(tmp_path)  # the same inside a directory
    assert [a.id for a in articles] == ["good"]
    assert [(e.source, e.reason) for e in errors] == [(str(fifo), "not a regular file")]


def test_a_device_is_refused() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    articles, errors = read("/dev/zero")
    assert articles == [] and [e.reason for e in errors] == ["not a regular file"]


def test_broken_links_in_a_directory_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD_TEXT)
    (tmp_path / "lost.txt").symlink_to(tmp_path / "moved-away.txt")
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert [(e.source, e.severity) for e in errors] == [(str(tmp_path / "lost.txt"), "error")]
    assert "broken symbolic link" in errors[0].reason


def test_a_file_read_is_capped_even_when_it_grew_after_stat(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    path = write(tmp_path / "growing.txt", GOOD_TEXT * 10)
    real_stat = Path.stat

    def small_stat(self: Path, **kwargs: object) -> os.stat_result:
        info = real_stat(self, **kwargs)  # type: ignore[arg-type]
        if self != path:
            return info
        fields = list(info)
        fields[6] = 10  # st_size as it was before the file grew
        return os.stat_result(fields)

    monkeypatch.setattr(Path, "stat", small_stat)
    articles, errors = read(path, max_bytes=50)
    assert articles == [] and "too large" in errors[0].reason


def test_control_characters_never_reach_the_metadata_or_text(tmp_path: Path) -> None:
    item = {"id": "w\x1b1", "title": "Wrenfold\x1b]0;owned\x07 ferry\tnews\x9b",
            "outlet": "Wrenfold\tPost\x00", "author": "Pim\r\nOstra\x85",
            "url": "https://wrenfold.example/ferry\x1b",
            "text": "The Wrenfold ferry\x1b[2J sails again.\tOn Friday.\n\nSaid\x0c Pim Ostra."}
    path = write(tmp_path / "esc.json", json.dumps(item))
    [article], errors = read(path)
    assert errors == []
    assert article.title == "Wrenfold ]0;owned ferry news"
    assert article.outlet == "Wrenfold Post"
    assert article.author == "Pim Ostra"
    assert article.id == "w 1"
    assert article.url == "https://wrenfold.example/ferry"
    assert article.text == "The Wrenfold ferry[2J sails again.\tOn Friday.\n\nSaid Pim Ostra."


def test_json_fields_of_the_wrong_type_are_left_out_with_a_warning(tmp_path: Path) -> None:
    items = [
        {"id": "a", "outlet": ["Wrenfold Post"], "title": 1984, "source": "Wrenfold Wire",
         "author": [{"name": "Pim Ostra"}, 7], "text": "The Wrenfold ferry sails again."},
        {"id": "b", "outlet": {"name": "Wrenfold Post"}, "title": ["Ferry"], "url": 5,
         "author": {"id": 3}, "text": "The Wrenfold ferry sails on Friday."},
        {"id": "c", "source": {"id": "wp", "name": "Wrenfold Post"}, "author": ["Ana Dulce"],
         "text": "The Wrenfold ferry sails at noon."},
    ]
    path = write(tmp_path / "typed.jsonl", "".join(json.dumps(i) + "\n" for i in items))
    articles, errors = read(path)
    a, b, c = articles
    # the input path stays the source; the item's "source" names its outlet, if anything
    assert [x.source for x in articles] == [str(path)] * 3
    assert (a.outlet, a.title, a.author) == ("Wrenfold Wire", "1984", "Pim Ostra")
    assert (b.outlet, b.title, b.url, b.author) == ("", "", "", "")
    assert (c.outlet, c.author) == ("Wrenfold Post", "Ana Dulce")
    reasons = [(e.source, e.reason) for e in errors]
    assert reasons == [
        (f"{path}:1", "'outlet' field is not text but a list; left out"),
        (f"{path}:1", "'author' list holds other things than names; only the names are kept"),
        (f"{path}:2", "'url' field is not text but a number; left out"),
        (f"{path}:2", "'outlet' field is not text but an object; left out"),
        (f"{path}:2", "'title' field is not text but a list; left out"),
        (f"{path}:2", "'author' field is not text but an object; left out"),
    ]
    assert all(e.severity == "warning" for e in errors)


def test_a_broken_feed_that_still_gives_items_is_reported(tmp_path: Path) -> None:
    feed = write(tmp_path / "cut.xml", (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wrenfold Post</title>\n'
        "<item><title>Ferry sails</title><description>The Wrenfold ferry sails again on "
        "Friday, harbour master Pim Ostra said.</description></item>\n"
        "<item><title>Cut off</title><description>The Wrenfold tram</descr"))
    articles, errors = read(feed)
    assert [a.title for a in articles] == ["Ferry sails"]
    warning = next(e for e in errors if e.source == str(feed))
    assert warning.severity == "warning"
    assert warning.reason.startswith("feed is not well-formed (")
    assert "some may be missing" in warning.reason


def test_a_well_formed_feed_gives_no_parse_warning(tmp_path: Path) -> None:
    feed = write(tmp_path / "ok.xml", (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<rss version="2.0"><channel>'
        "<title>Wrenfold Post</title><item><title>Ferry sails</title><description>The "
        "Wrenfold ferry sails again on Friday, said Pim Ostra.</description></item>"
        "</channel></rss>\n"))
    articles, errors = read(feed)
    assert [a.title for a in articles] == ["Ferry sails"] and errors == []


def test_binary_noise_without_nul_bytes_is_not_text(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(3000))  # no NUL byte
    junk = tmp_path / "junk.txt"
    junk.write_bytes(noise)
    good = write(tmp_path / "good.txt", GOOD_TEXT)
    articles, errors = read(junk, good)
    assert [a.id for a in articles] == ["good"]
    skipped = [e for e in errors if e.severity == "error"]
    assert [e.source for e in skipped] == [str(junk)]
    assert skipped[0].reason.startswith("not text (")


def test_a_few_stray_controls_keep_an_article(tmp_path: Path) -> None:
    path = write(tmp_path / "stray.txt", "The Wrenfold ferry\x1b sails again on Friday, "
                 "harbour master Pim Ostra said\x07 after the storm.\n")
    articles, errors = read(path)
    assert [a.id for a in articles] == ["stray"] and errors == []


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Title: Ferry\n\nThe Wrenfold ferry sails again, said Pim "
                     "Ostra.\n".encode(encoding))
    [article], errors = read(path)
    assert article.title == "Ferry"
    assert article.text == "The Wrenfold ferry sails again, said Pim Ostra."
    assert [(e.severity, e.reason) for e in errors] == [
        ("warning", f"no byte-order mark; decoded as {encoding.upper()}")]


@pytest.mark.skipif(os.name != "posix" or sys.platform == "darwin",
                    reason="file names of any bytes: Linux and the BSDs")
def test_a_file_name_that_is_not_utf8_is_shown_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as stream:
        stream.write(b"")
    with open(folder + b"/pier\xe9.txt", "wb") as stream:
        stream.write(GOOD_TEXT.encode("utf-8"))
    articles, errors = read(tmp_path)
    assert [a.source for a in articles] == [f"{tmp_path}/pier\\xe9.txt"]
    assert [(e.source, e.reason) for e in errors] == [(f"{tmp_path}/caf\\xe9.txt", "empty file")]
    store = open_store(None)
    db.save_errors(store, errors)  # stored as text, no UnicodeEncodeError
    db.save_articles(store, articles)


def test_a_publication_year_no_news_article_has_is_dropped_with_a_warning(
        tmp_path: Path) -> None:
    feed = tmp_path / "odd.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"a{n}", "published": when,
                                          "text": "The Dunmore pier closed last month."})
                              for n, when in enumerate(["0001-01-01", "9999-12-31",
                                                        "2026-03-11"])) + "\n")
    articles, errors = read(feed)
    assert [a.published is None for a in articles] == [True, True, False]
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["1", "2"]
    assert all("not between 1800 and 2200" in e.reason and e.severity == "warning"
               for e in errors)


def test_text_a_scraper_damaged_is_kept_but_binary_noise_is_not(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(json.dumps({"id": "pl", "text": "Rada miasta zamkn\ufffd\ufffda most w "
                                   "\ufffdrod\ufffd z powodu p\ufffdkni\ufffd\ufffd."}) + "\n")
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(1, 32)) * 40 + b"some words")
    articles, errors = read(damaged, noise)
    assert [a.id for a in articles] == ["pl"]
    assert [e.source for e in errors if e.severity == "error"] == [str(noise)]



def test_replacement_and_private_use_characters_skip_the_clean_up(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The clean-up keeps U+FFFD and private-use characters as they are: such text takes
    # the fast path, which gives the same article; a control character still goes through.
    checked: list[str] = []
    monkeypatch.setattr(ingest, "_check_is_text", checked.append)
    damaged = "Rada miasta zamkn\ufffd\ufffda most w \ufffdrod\ufffd. \ue001 Koniec."
    kept = make_article(id="pl", source="pl.jsonl", text=damaged)
    assert kept.text == damaged and checked == []
    bell = make_article(id="bell", source="b.jsonl", text="The Orla ferry\x07 sails at six.")
    assert bell.text == "The Orla ferry sails at six."
    assert checked == ["The Orla ferry\x07 sails at six."]

# -- JSONL files of any size ----------------------------------------------------------


def _wire_lines(count: int) -> list[str]:
    return [json.dumps({"id": f"w{n}", "text": f"Ashcombe dairy item {n}: the dairy "
                        "reopened on Monday, owner Rhian Toller said."}) for n in range(count)]


def test_a_jsonl_file_larger_than_the_limit_is_streamed(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.jsonl", "\n".join(_wire_lines(40)) + "\n")
    articles, errors = read(path, max_bytes=200)  # the file is ~4 KB, each line ~110 B
    assert [a.id for a in articles] == [f"w{n}" for n in range(40)] and errors == []


def test_a_jsonl_line_over_the_limit_is_reported_and_the_next_lines_read(
        tmp_path: Path) -> None:
    lines = _wire_lines(3)
    lines[1] = json.dumps({"id": "long", "text": "Ashcombe " * 100})
    path = write(tmp_path / "crawl.jsonl", "\n".join(lines) + "\n")
    articles, errors = read(path, max_bytes=200)
    assert [a.id for a in articles] == ["w0", "w2"]
    [error] = errors
    assert error.source == f"{path}:2" and "too large" in error.reason


def test_a_windows_1252_jsonl_file_warns_once_not_on_every_line(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    path.write_bytes(b"".join(json.dumps({"id": f"c{n}", "text": "Caf\u00e9 Toller reopened "
                                          "on Monday."}, ensure_ascii=False)
                              .encode("cp1252") + b"\n" for n in range(5)))
    articles, errors = read(path)
    assert [a.text for a in articles] == ["Caf\u00e9 Toller reopened on Monday."] * 5
    assert [(e.source, e.severity) for e in errors] == [(f"{path}:1", "warning"),
                                                        (str(path), "warning")]
    assert "Windows-1252" in errors[0].reason and errors[1].reason.startswith("4 more lines")


def test_a_blank_or_binary_jsonl_file_is_refused_by_name(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n\n")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    articles, errors = read(blank, binary)
    assert articles == []
    assert [(e.source, e.reason) for e in errors] == [
        (str(blank), "empty file"), (str(binary), "binary file (contains NUL bytes), not text")]


def test_a_utf16_jsonl_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes("\n".join(_wire_lines(2)).encode("utf-16"))
    articles, errors = read(path)
    assert [a.id for a in articles] == ["w0", "w1"] and errors == []


def test_a_jsonl_line_cut_short_is_placed_at_its_end(tmp_path: Path) -> None:
    # The line's own newline is not where the JSON fails: "column 1" of a next line was.
    path = write(tmp_path / "cut.jsonl", '{"id": "ok", "text": "The Tollan Pass reopened."}\n'
                                         '{"id": "cut", "title": "oops", \n')
    articles, [error] = read(path)
    assert [a.id for a in articles] == ["ok"]
    assert error.source.endswith("cut.jsonl:2")
    assert error.reason.startswith("invalid JSON at column 32:")
    assert error.reason.endswith("(the line ends before the JSON does)")


def test_an_empty_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "crawl" / "monday").mkdir(parents=True)
    write(tmp_path / "crawl" / ".hidden.txt", "Not read.")
    articles, [error] = read(tmp_path / "crawl")
    assert articles == []
    assert error.source.endswith("crawl") and error.severity == "warning"
    assert error.reason == "empty folder: nothing to read in it or below it"
