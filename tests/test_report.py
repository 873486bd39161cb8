"""Rendering: HTML is self-contained and escapes all article text; Markdown and JSON."""

from __future__ import annotations

import copy
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from storyline import pipeline
from storyline.report import (
    anchor,
    quoted,
    render_html,
    render_json,
    render_markdown,
    write_outputs,
)
from tests.conftest import article

HOSTILE = ('<script>alert("x")</script> Mayor Ilse Varga of Dunmore said the bridge "><img '
           'src=x onerror=alert(1)> would reopen. "We will <b>not</b> wait," Varga said on '
           'Tuesday.')


@pytest.fixture(scope="module")
def hostile_dossier() -> dict[str, Any]:
    articles = [article(HOSTILE, id="evil<id>", outlet="<i>Bad Outlet</i>",
                        title="<script>title()</script>")]
    return pipeline.build_dossier(pipeline.single_story(articles), articles)


def test_html_escapes_article_text(hostile_dossier: dict[str, Any]) -> None:
    page = render_html(hostile_dossier)
    assert "<script>" not in page
    assert "<img" not in page
    assert "onerror=alert(1)>" not in page
    assert "<i>Bad Outlet</i>" not in page and "<b>not</b>" not in page
    assert "&lt;script&gt;" in page and "&lt;img" in page


def test_markdown_escapes_article_text(hostile_dossier: dict[str, Any]) -> None:
    text = render_markdown(hostile_dossier)
    assert "<script>" not in text and "<img" not in text


# A fictional harbour story and a copy that rewords it: the copy's sentence pairs and the
# quote's two wordings are shown as word diffs, each kept, deleted and inserted run hostile.
HOSTILE_ORIGINAL = ("Harbour master Odile Brask of Wrenfold said on Monday that the "
                    "<script>alert(1)</script> ferry pier would <u>close</u> for repairs. "
                    '"The pier is <b>unsafe</b> and we will not open it this spring," Brask '
                    "said. The repairs will cost 2 million euros, the council said.")
HOSTILE_COPY = ("Harbour master Odile Brask of Wrenfold said on Monday that the "
                "<script>alert(1)</script> ferry pier would shut <img src=x onerror=alert(2)> "
                'for repairs. "The pier is <b>unsafe</b> and we <s>cannot</s> open it this '
                'spring," Brask said. The repairs will cost 2 million euros, the council said.')


def test_word_diffs_of_copies_and_quote_wordings_escape_the_words() -> None:
    articles = [article(HOSTILE_ORIGINAL, id="wire", outlet="Harbour Wire",
                        published="2026-03-09T08:00:00Z"),
                article(HOSTILE_COPY, id="post", outlet="Wrenfold Post",
                        published="2026-03-09T11:00:00Z")]
    page = render_html(pipeline.build_dossier(pipeline.single_story(articles), articles))
    pairs = re.findall(r'<div class="pair">.*?</div></div>', page)
    wordings = re.findall(r'<div class="muted">[^<]*(?:\(a copy\) )?(?:has|have): .*?</div>',
                          page)
    assert pairs and wordings, "the copy is aligned and the quote has two wordings"
    shown = " ".join(pairs + wordings)
    assert "<ins>" in shown and "<del>" in shown  # the diff markup itself is kept
    for tag in ("<script", "<img", "<u>", "<b>", "<s>"):
        assert tag not in shown, tag
    assert "the &lt;script&gt;alert(1)&lt;/script&gt; ferry" in shown  # a kept run
    assert "<del>&lt;u&gt;close&lt;/u&gt;</del>" in shown  # a deleted run
    assert "<ins>shut &lt;img src=x onerror=alert(2)&gt;</ins>" in shown  # an inserted run
    assert "<ins>&lt;s&gt;cannot&lt;/s&gt;</ins>" in " ".join(wordings)


def test_markdown_fields_stay_on_their_line_whatever_line_break_they_hold(
        hostile_dossier: dict[str, Any]) -> None:
    """A carriage return ends a Markdown line as a newline does."""
    bad = "bad\r## Injected heading\r- [x](javascript:alert(1)) \r\n# Another.json"
    dossier = {**hostile_dossier, "errors": [{"source": bad, "reason": "invalid JSON\rat 1",
                                               "severity": "error", "stage": "input"}],
               "story": {**hostile_dossier["story"], "title": "Ferry\r# Pier\nnews"}}
    text = render_markdown(dossier)
    assert "\r" not in text
    lines = text.splitlines()
    assert lines[0] == "# Ferry # Pier news"  # mid-line, "#" is no heading
    assert not any(line.startswith(("## Injected", "- [x]", "# Another", "# Pier"))
                   for line in lines)
    [error] = [line for line in lines if "Injected heading" in line]
    assert error.startswith("- bad ## Injected heading - \\[x\\](javascript:alert(1))")
    assert error.endswith(": invalid JSON at 1")


def test_markdown_keeps_a_plain_ampersand_but_no_character_reference() -> None:
    articles = [article("Orlin Island & Sons said the ferry fare of 5 &lt;b&gt; rises on "
                        "Monday <b>now</b>.", id="amp", outlet="Orlin & Co")]
    text = render_markdown(pipeline.build_dossier(pipeline.single_story(articles), articles))
    assert "| Orlin & Co |" in text and "- Orlin Island & Sons said" in text
    assert "<b>" not in text and "&lt;b&gt;now&lt;/b&gt;" in text  # a tag shows as text
    assert "5 &amp;lt;b&amp;gt; rises" in text  # "&lt;" in the article shows as written


def test_markdown_escapes_links_images_and_table_cells() -> None:
    body = ("Mayor Ilse Varga said [click](javascript:alert(1)) and "
            "![pixel](http://x.example/p.png) "
            "on Tuesday. The Dunmore bridge will reopen, she said.")
    articles = [article(body, id="md", outlet="Dunmore | Courier")]
    text = render_markdown(pipeline.build_dossier(pipeline.single_story(articles), articles))
    assert "[click](javascript" not in text and "![pixel](" not in text
    assert "\\[click\\](javascript" in text
    assert "Dunmore \\| Courier" in text  # one table cell, not two


def test_reported_speech_with_quoted_words_is_not_shown_as_verbatim(
        bridge: dict[str, Any]) -> None:
    quotes = {q["id"]: q for q in bridge["quotes"]}
    mixed = [quotes[g["quotes"][0]] for g in bridge["quote_groups"]
             if quotes[g["quotes"][0]]["kind"] == "mixed"]
    assert mixed, "the demo has a mixed quote"
    text = render_markdown(bridge)
    assert f"\u201c{mixed[0]['text']}\u201d" not in text
    # written as every reported line is, "- **Name** (reported): words", not "**Name**: (reported)"
    assert "**: (reported)" not in text
    assert f"** (reported): {quoted(mixed[0].get('quoted', mixed[0]['text']))}" in text
    assert '<p class="reported">' in render_html(bridge)


def test_html_is_self_contained(bridge: dict[str, Any]) -> None:
    page = render_html(bridge)
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "Content-Security-Policy" in page


def test_html_sections_and_citation_links(bridge: dict[str, Any]) -> None:
    page = render_html(bridge)
    for heading in ("Summary", "Sources and provenance", "People", "Quotes", "Timeline",
                    "Facts", "Divergences"):
        assert heading in page
    links = set(re.findall(r'href="#(p-[^"]+)"', page))
    targets = set(re.findall(r'id="(p-[^"]+)"', page))
    assert links and links <= targets
    assert 'class="badge spun"' in page and 'class="badge reprint"' in page
    assert "<ins>" in page and "<del>" in page  # quote variants and aligned copies
    assert 'class="timeline announced"' in page
    # Each summary citation reads as its outlet, not a bare "[1]" on every sentence.
    summary = page[page.index('id="summary"'):page.index('id="sources"')]
    outlets = {a["id"]: a["outlet"] for a in bridge["articles"]}
    cited = [outlets[c["article"]] for s in bridge["summary"] for c in s["citations"]]
    assert cited and re.findall(r"\">\[([^\]]+)\]</a></sup>", summary) == cited


def test_the_report_shows_reported_speech_as_the_dossier_groups_it(
        bridge: dict[str, Any]) -> None:
    # One source of truth: the brief and the page list the dossier's lines, no grouping
    # of their own (a line edited in the JSON shows as edited).
    [*lines, last] = bridge["reported_speech"]
    edited = {**bridge, "reported_speech": [*lines, {**last, "text": "the Kestrel Ford "
                                                     "ferry would sail on Sunday"}]}
    for page in (render_markdown(edited), render_html(edited)):
        assert "the Kestrel Ford ferry would sail on Sunday" in page
        assert all(line["text"] in page or str(escape(line["text"])) in page
                   for line in lines)
    assert "Kestrel Ford" not in render_markdown(bridge)

def test_html_quotes_show_reported_speech_and_mark_copies(bridge: dict[str, Any]) -> None:
    page = render_html(bridge)
    quotes = page[page.index('id="quotes"'):page.index('id="timeline"')]
    grouped = {q for g in bridge["quote_groups"] for q in g["quotes"]}
    reported = [q for q in bridge["quotes"] if q["id"] not in grouped]
    assert reported and "Reported speech" in quotes
    copies = {p["article"] for p in bridge["provenance"] if p["of"]}
    for quote in reported:  # a copy's rewording is listed under its original's line
        assert str(escape(quote["text"].strip().rstrip(",;: "))) in quotes or \
            quote["article"] in copies
    # a copy's identical line is listed once, with every outlet giving it
    texts = [q["text"].strip().rstrip(",;: ") for q in reported]
    repeated = [t for t in set(texts) if texts.count(t) > 1]
    assert repeated and all(quotes.count(f"<li>{escape(t)} ") == 1 for t in repeated)
    quoted_in_copy = [q for q in bridge["quotes"] if q["article"] in copies]
    assert quoted_in_copy and "(a copy)" in quotes
    # A copy whose original is not in the set (a credited reprint) is marked too.
    orphan = {**bridge, "provenance": [{**p, "of": None} for p in bridge["provenance"]]}
    assert render_html(orphan).count("(a copy)") == page.count("(a copy)")
    assert "<th>Copy of</th>" in page


def test_a_spun_copy_shows_its_spinner_phrases(bridge: dict[str, Any]) -> None:
    page = render_html(bridge)
    spun = [p for p in bridge["provenance"] if p["kind"] == "spun" and p["of"]]
    notes = [e["note"] for p in spun for e in p["evidence"] if "of_article" not in e]
    assert notes and all(str(escape(note)) in page for note in notes)


def test_a_verbatim_row_that_shows_changes_says_so() -> None:
    from storyline.report import _aligned_pairs

    articles = {"a": {"id": "a", "text": "Three workers were hurt."},
                "b": {"id": "b", "text": "3 workers were hurt. Two more went home."}}
    evidence = [{"article": "b", "start": 0, "end": 20, "of_article": "a", "of_start": 0,
                 "of_end": 24, "match": "verbatim"},
                {"article": "b", "start": 21, "end": 40, "of_article": "b", "of_start": 21,
                 "of_end": 40, "match": "verbatim"}]
    dossier = {"provenance": [{"article": "b", "evidence": evidence}]}
    rows = _aligned_pairs(dossier, articles)["b"]
    assert [r["match"] for r in rows] == ["verbatim but for small changes", "verbatim"]


def test_an_unnamed_speaker_is_described_and_quotes_read_as_one_line(
        bridge: dict[str, Any]) -> None:
    dossier = copy.deepcopy(bridge)
    quotes = {q["id"]: q for q in dossier["quotes"]}
    group = next(g for g in dossier["quote_groups"]
                 if quotes[g["quotes"][0]]["kind"] != "mixed")
    first = quotes[group["quotes"][0]]
    group["speaker_name"] = None
    first.update(speaker_name=None, speaker_text="a Dunmore mother of three",
                 quoted="We were  lucky,\nvery lucky,")
    text = render_markdown(dossier)
    # The description stands where a name would, marked as not identified: not
    # "Unattributed (said by ..., not resolved)", which read as two speakers.
    assert ("- **A Dunmore mother of three** _(speaker not identified)_: "
            "\u201cWe were lucky, very lucky\u201d") in text
    assert "Unattributed" not in text and "not resolved" not in text
    page = render_html(dossier)
    assert "&ldquo;We were lucky, very lucky&rdquo;" in page
    assert "not resolved" not in page and "Unattributed" not in page
    quotes_part = page[page.index('id="quotes"'):page.index('id="timeline"')]
    headings = re.findall(r"<h3>(.*?)</h3>", quotes_part)
    described = [h for h in headings if h.endswith("(speaker not identified)")]
    assert "A Dunmore mother of three (speaker not identified)" in described
    assert headings[-len(described):] == described and len(headings) > 2  # named first


def test_a_reported_line_of_an_unnamed_speaker_reads_as_its_description(
        bridge: dict[str, Any]) -> None:
    dossier = copy.deepcopy(bridge)
    line = dossier["reported_speech"][0]
    line.update(speaker_name=None, speaker_text="the Orrin Vale  water board")
    dossier["reported_speech"].append({**line, "speaker_text": None,
                                       "text": "the Lessby ferry would sail at dawn"})
    text = render_markdown(dossier)
    assert (f"- **The Orrin Vale water board** _(speaker not identified)_ (reported): "
            f"{line['text']}") in text
    assert "- **Unattributed** (reported): the Lessby ferry would sail at dawn" in text
    quotes_part = render_html(dossier).split('id="quotes"')[1].split('id="timeline"')[0]
    headings = re.findall(r"<h3>(.*?)</h3>", quotes_part)
    # who said it is known only by description: after the named, before the unknown
    described = [h for h in headings if h.endswith("(speaker not identified)")]
    assert "The Orrin Vale water board (speaker not identified)" in described
    assert headings[-1 - len(described):] == [*described, "Unattributed"]


def test_the_page_header_names_the_story_and_gives_its_id_as_a_detail(
        bridge: dict[str, Any]) -> None:
    dossier = copy.deepcopy(bridge)
    dossier["story"].update(id="story-7c1d0e", title="Ferry to Lessby cancelled")
    page = render_html(dossier)
    header = page[page.index('<header class="story">'):page.index("</header>")]
    assert "<h1>Ferry to Lessby cancelled</h1>" in header
    # "story story-7c1d0e" read as a stutter: the id is labelled as one, as the brief does
    assert "story id <code>story-7c1d0e</code>" in header
    assert "story story-7c1d0e" not in header
    dossier["story"]["title"] = ""
    untitled = render_html(dossier)
    assert "<h1>Untitled story</h1>" in untitled
    assert "<title>Untitled story - Storyline</title>" in untitled


def test_a_citation_inside_a_highlighted_passage_links_to_that_passage(
        bridge: dict[str, Any]) -> None:
    dossier = copy.deepcopy(bridge)
    event = dossier["events"][0]
    span = event["evidence"][0]
    inner = {**span, "start": span["start"] + 3}  # the same sentence without its dateline
    dossier["summary"] = [{"text": "A sentence.", "citations": [inner], "method": "extractive"}]
    page = render_html(dossier)
    passage = anchor(span["article"], span["start"], span["end"])
    assert f'id="{passage}"' in page
    summary = page[page.index('id="summary"'):page.index('id="sources"')]
    assert f'href="#{passage}"' in summary


def test_a_dossier_written_before_events_counted_sources_still_renders(
        bridge: dict[str, Any]) -> None:
    dossier = copy.deepcopy(bridge)
    for event in dossier["events"]:
        del event["sources"]
    page = render_html(dossier)
    assert "( independent" not in page and re.search(r"\(\d+ articles?\)", page)
    assert "independent source" not in render_markdown(dossier).split("## Timeline")[1] \
        .split("## Facts")[0]


def test_index_names_the_story_of_the_same_subject() -> None:
    from storyline.report import render_index_html

    index = {"stories": [
        {"id": "s1", "title": "Harbor fire", "articles": ["a"], "outlets": [], "first": None,
         "last": None, "topic": "s1"},
        {"id": "s2", "title": "Harbor fire inquiry", "articles": ["b"], "outlets": [],
         "first": None, "last": None, "topic": "s1"}]}
    page = render_index_html(index)
    assert page.count("same subject as") == 1
    assert 'same subject as <a href="s1/dossier.html">Harbor fire</a>' in page
    # A story of the same subject not written in this run is not linked to.
    alone = render_index_html({"stories": index["stories"][1:]})
    assert "same subject as" not in alone
    assert "<th>Related</th>" in page and "<th>Related</th>" not in alone  # no empty column


def test_markdown_lists_the_story(bridge: dict[str, Any]) -> None:
    text = render_markdown(bridge)
    assert text.startswith("# ")
    assert "Ilse Varga" in text and "## Timeline" in text and "14 million" in text
    aliased = [o for o in bridge["organizations"] if o["aliases"]]
    assert aliased and all(f"; also {o['aliases'][0]}" in text for o in aliased)
    grouped = {q for g in bridge["quote_groups"] for q in g["quotes"]}
    reported = [q for q in bridge["quotes"] if q["id"] not in grouped]
    copies = {p["article"] for p in bridge["provenance"] if p["of"]}
    assert reported and all(quoted(q["text"]) in text or q["article"] in copies
                            for q in reported)
    # a copy's line is one entry naming every outlet, as on the HTML page
    kinds = {q["id"]: q["kind"] for q in bridge["quotes"]}
    mixed = sum(1 for g in bridge["quote_groups"] if kinds[g["quotes"][0]] == "mixed")
    assert 0 < text.count("(reported):") - mixed < len(reported)


def test_markdown_says_when_a_section_is_empty(bridge: dict[str, Any]) -> None:
    empty = {**bridge, "people": [], "organizations": [], "quotes": [], "quote_groups": [],
             "events": [], "undated_events": [], "facts": [], "divergences": []}
    text = render_markdown(empty)
    assert text.count("_None found._") == 5  # people, organisations, quotes, timeline, ...
    assert "_No fact told by two independent sources, nor disputed._" in text


def test_json_round_trips(bridge: dict[str, Any]) -> None:
    assert json.loads(render_json(bridge)) == bridge


def test_write_outputs_for_several_stories(demo_dossiers: list[dict[str, Any]],
                                           tmp_path: Path) -> None:
    index = pipeline.index_for(demo_dossiers)
    previous = os.umask(0o022)
    try:
        main = write_outputs(demo_dossiers, index, tmp_path, fmt="all", one_story=False)
    finally:
        os.umask(previous)
    assert main == tmp_path / "index.html"
    assert stat.S_IMODE(main.stat().st_mode) == 0o644  # not mkstemp's private 0600
    saved = json.loads((tmp_path / "index.json").read_text())
    assert [s["id"] for s in saved["stories"]] == [d["story"]["id"] for d in demo_dossiers]
    for story in saved["stories"]:
        for name in ("dossier.json", "dossier.md", "dossier.html"):
            assert (tmp_path / story["id"] / name).stat().st_size > 0
        assert 'href="dossier.json"' in (tmp_path / story["id"] / "dossier.html").read_text()
    assert not list(tmp_path.rglob(".tmp-*"))


def test_a_later_run_removes_the_stories_it_no_longer_lists(
        demo_dossiers: list[dict[str, Any]], tmp_path: Path) -> None:
    third = copy.deepcopy(demo_dossiers[1])
    third["story"]["id"] = "s-third"
    earlier = [*demo_dossiers[:2], third]
    write_outputs(earlier, pipeline.index_for(earlier), tmp_path, fmt="all", one_story=False)
    kept, noted, *gone = [d["story"]["id"] for d in earlier]
    assert gone == ["s-third"] and (tmp_path / "s-third" / "dossier.html").is_file()
    (tmp_path / noted / "my-notes.txt").write_text("the user's own notes on this story")
    (tmp_path / "photos").mkdir()  # no story folder of ours
    later = [demo_dossiers[0]]
    write_outputs(later, pipeline.index_for(later), tmp_path, fmt="json", one_story=False)
    assert (tmp_path / kept / "dossier.json").is_file()
    assert [p.name for p in (tmp_path / noted).iterdir()] == ["my-notes.txt"]
    assert all(not (tmp_path / story).exists() for story in gone)
    assert (tmp_path / "photos").is_dir()


def test_a_foreign_index_removes_nothing_outside_its_folders(
        demo_dossiers: list[dict[str, Any]], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "dossier.json").write_text("{}")  # beside the output folder, not in it
    (out / "index.json").write_text(json.dumps({"stories": [{"id": ".."}, {"id": "."},
                                                            {"title": "no id"}]}))
    later = [demo_dossiers[0]]
    write_outputs(later, pipeline.index_for(later), out, fmt="json", one_story=False)
    assert (tmp_path / "dossier.json").is_file()


@pytest.mark.parametrize(("fmt", "target"), [("json", "dossier.json"), ("md", "dossier.md"),
                                             ("all", "dossier.html")])
def test_index_links_point_at_files_that_were_written(
        demo_dossiers: list[dict[str, Any]], tmp_path: Path, fmt: str, target: str) -> None:
    write_outputs(demo_dossiers, pipeline.index_for(demo_dossiers), tmp_path, fmt=fmt,
                  one_story=False)
    links = re.findall(r'href="([^"#]+)"', (tmp_path / "index.html").read_text())
    assert links and all(link.endswith(target) and (tmp_path / link).is_file()
                         for link in links)


def test_counts_read_as_english() -> None:
    from storyline.report import count

    assert count(1, "article") == "1 article" and count(3, "source") == "3 sources"
    assert count(0, "quote") == "0 quotes"
    assert count(2, "story") == "2 stories" and count(2, "day") == "2 days"


def test_a_date_without_a_time_reads_as_a_date() -> None:
    from storyline.report import when

    assert when("2026-03-10T00:00:00+00:00") == "2026-03-10"
    assert when("2026-03-10T09:30:00+00:00") == "2026-03-10 09:30 UTC"
    assert when("2026-03-09T19:40:00-05:00") == "2026-03-09 19:40 -05:00"  # the writer's clock
    assert when(None) == ""


def test_a_quotation_going_on_in_a_new_paragraph_reads_as_one() -> None:
    assert quoted('Every one of them was registered.\n\n"Every one of them deserves an '
                  'answer,') == "Every one of them was registered. Every one of them " \
        "deserves an answer"


def test_reported_speech_is_one_line_for_every_outlet_and_copy_that_says_it() -> None:
    def said(qid: str, article: str, text: str, speaker: str | None = "Ilse Varga",
             described: str | None = None) -> dict[str, Any]:
        return {"id": qid, "article": article, "text": text, "kind": "indirect",
                "speaker": "p1" if speaker else None, "speaker_name": speaker,
                "speaker_text": described}
    dossier = {"quote_groups": [], "provenance": [
        {"article": "wire", "kind": "original", "of": None},
        {"article": "spun", "kind": "spun", "of": "wire"},
        {"article": "local", "kind": "original", "of": None}], "quotes": [
        said("q1", "wire", "the bridge would stay closed until the damage was known"),
        said("q2", "spun", "the bridge would remain shut until the harm was known"),
        said("q3", "local", "the bridge would stay closed until the damage was known"),
        said("q4", "local", "the city would pay for the inspections"),
        said("q5", "local", "the detour was slow", None, "a bus driver"),
        said("q6", "wire", "the detour was slow", None, "a shopkeeper")]}
    from storyline.dossier import reported_speech
    lines = [(line["text"], line["articles"]) for line in reported_speech(dossier)]
    assert lines == [
        ("the bridge would stay closed until the damage was known", ["wire", "spun", "local"]),
        ("the city would pay for the inspections", ["local"]),
        ("the detour was slow", ["local"]),  # two unnamed people, told apart
        ("the detour was slow", ["wire"])]
    assert [line["quotes"] for line in reported_speech(dossier)] == [
        ["q1", "q2", "q3"], ["q4"], ["q5"], ["q6"]]
    # an independent outlet's other wording is its own line: only a copy's is merged
    dossier["provenance"][1]["kind"] = "original"
    assert len(reported_speech(dossier)) == 5


def test_a_copy_that_changed_a_figure_is_named_in_the_divergence() -> None:
    from storyline import pipeline
    from storyline.report import render_markdown
    from tests.conftest import article

    wire = ("PORT DUNMORE - The ferry Island Wren ran aground near Tollan Point with 40 "
            "passengers on board, the coast guard said on Tuesday. All sailings were "
            "cancelled until Friday.")
    reprint = wire.replace("40 passengers", "45 passengers") + " /Dunmore Wire"
    articles = [article(wire, id="wire", outlet="Dunmore Wire",
                        published="2026-12-01T10:00:00Z"),
                article(reprint, id="copy", outlet="Reprint Daily",
                        published="2026-12-01T12:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    [divergence] = dossier["divergences"]
    assert [v["copy_of"] for v in divergence["versions"]] == [None, "wire"]
    assert "  - Reprint Daily (a copy of Dunmore Wire that changed it): The ferry" in \
        render_markdown(dossier)
    assert '(a copy of <a href="#a-wire">Dunmore Wire</a> that changed it)' in \
        render_html(dossier)


def test_divergence_figures_read_as_written_on_the_page(bridge: dict[str, Any]) -> None:
    page = render_html(bridge)
    money = next(d for d in bridge["divergences"] if "14 million" in d["topic"])
    assert all(v["value"].isdigit() for v in money["versions"])  # data stays a number
    assert "says 14 million" in page and "says 14000000" not in page


def test_stories_that_live_on_in_a_store_keep_their_folders(
        demo_dossiers: list[dict[str, Any]], tmp_path: Path) -> None:
    earlier = demo_dossiers[:2]
    write_outputs(earlier, pipeline.index_for(earlier), tmp_path, fmt="json", one_story=False)
    later = [demo_dossiers[0]]
    write_outputs(later, pipeline.index_for(later), tmp_path, fmt="json", one_story=False,
                  prune=False)
    assert all((tmp_path / d["story"]["id"] / "dossier.json").is_file() for d in earlier)


def test_a_wording_two_articles_give_is_one_variant_line(bridge: dict[str, Any]) -> None:
    # A reprint gives its wire's words: it shows beside the wire, not as a variant again.
    dossier = copy.deepcopy(bridge)
    group = next(g for g in dossier["quote_groups"] if g["variants"])
    variant = group["variants"][0]
    names = {a["id"]: a["outlet"] for a in dossier["articles"]}
    other = next(a for a in names
                 if a != variant["article"] and names[a] != names[variant["article"]])
    group["variants"].append({**variant, "quote": "q-reprint", "article": other})
    lines = [line for line in render_markdown(dossier).splitlines()
             if line.startswith("  - ") and quoted(variant["text"]) in line]
    assert len(lines) == 1
    assert names[variant["article"]] in lines[0] and names[other] in lines[0]
    page = render_html(dossier)
    assert f"{names[variant['article']]}" in page and " have: " in page


def test_ids_that_read_alike_get_anchors_of_their_own() -> None:
    assert anchor("pier.1") != anchor("pier_1")
    assert anchor("pier.1", 3, 9) != anchor("pier_1", 3, 9)
    assert anchor("pier-1") == "a-pier-1"  # a safe id is kept as it is


def test_stories_are_ordered_by_moment_across_time_zones() -> None:
    from storyline.report import newest_first

    east = {"id": "east", "articles": ["a"], "last": "2026-03-05T01:00:00+00:00"}
    west = {"id": "west", "articles": ["b"], "last": "2026-03-04T23:00:00-05:00"}
    assert [s["id"] for s in newest_first([east, west])] == ["west", "east"]


def test_a_quote_without_a_cue_shows_no_empty_cue(bridge: dict[str, Any]) -> None:
    assert "cue &ldquo;" in render_html(bridge) or "cue \u201c" in render_html(bridge)
    uncued = copy.deepcopy(bridge)
    for quote in uncued["quotes"]:
        quote["cue"] = None
    page = render_html(uncued)
    assert "cue &ldquo;&rdquo;" not in page and "cue \u201c\u201d" not in page


def test_a_fact_copies_back_says_its_articles_and_shows_its_quote_whole(
        bridge: dict[str, Any]) -> None:
    # Three articles, two of them copies: one independent source, yet three citations.
    articles = [a["id"] for a in bridge["articles"]][:3]
    evidence = [{"article": a, "start": 0, "end": 10} for a in articles]
    fact = {"id": "f1", "text": "\u201cNobody expected the Kestrel ferry to stop.",
            "agreement": "conflicting", "evidence": evidence, "sources": 1,
            "outlets": ["Orlin Courier"]}
    edited = {**bridge, "facts": [fact]}
    text = render_markdown(edited)
    assert "[conflicting, 1 source, 3 articles] \u201cNobody expected the Kestrel ferry to " \
           "stop.\u201d" in text
    page = render_html(edited)
    assert "(1 independent source, 3 articles)" in page
    assert "\u201cNobody expected the Kestrel ferry to stop.\u201d" in page
    edited["facts"] = [{**fact, "sources": 3, "text": 'It was "a shock," she said.'}]
    assert "[conflicting, 3 sources] It was \"a shock,\" she said." in render_markdown(edited)


@pytest.mark.parametrize(("cut", "whole"), [
    ("\u201cNobody expected it.", "\u201cNobody expected it.\u201d"),
    ("it,\u201d Mara said.", "\u201cit,\u201d Mara said."),
    ('"Nobody expected it.', '"Nobody expected it."'),
    ('it," Mara said.', '"it," Mara said.'),
    ('A 5" pipe burst.', 'A 5" pipe burst.')])
def test_a_sentence_cut_inside_a_quotation_gets_both_marks(cut: str, whole: str) -> None:
    from storyline.text import balanced_quotes

    assert balanced_quotes(cut) == whole


def test_a_facts_figure_history_reads_day_by_day() -> None:
    from storyline.report import figure_history

    fact = {"updates": [{"day": "2026-10-05", "value": "2", "article": "a", "start": 0,
                         "end": 9},
                        {"day": "2026-10-06", "value": "5", "article": "b", "start": 0,
                         "end": 9}]}
    assert figure_history(fact) == "figure updated: 2 (2026-10-05), 5 (2026-10-06)"
    assert figure_history({"text": "no running count"}) == ""


def test_markdown_lists_a_single_sourced_fact_whose_figure_was_updated(
        bridge: dict[str, Any]) -> None:
    """revw25: "Two people were killed" on Monday and "At least six people have died" on
    Tuesday from another outlet are no dispute now, and no agreement either: the fact is
    "single", and Markdown, listing only facts two sources tell or dispute, dropped the
    toll with its history."""
    toll = {"id": "f9", "text": "Two people were killed when the coach crashed.",
            "agreement": "single", "evidence": [], "sources": 1, "outlets": ["A", "B"],
            "updates": [{"day": "2026-05-10", "value": "2", "article": "a", "start": 0,
                         "end": 9},
                        {"day": "2026-05-11", "value": "6", "article": "b", "start": 0,
                         "end": 9}]}
    plain = {**toll, "id": "f10", "text": "The road was closed.", "updates": []}
    text = render_markdown({**bridge, "facts": [toll, plain]}).split("## Facts")[1]
    assert "coach crashed. (figure updated: 2 (2026-05-10), 6 (2026-05-11))" in text
    assert "The road was closed." not in text
