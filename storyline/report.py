"""Render dossiers: JSON, Markdown, and one self-contained HTML page.

Goes in: a dossier dict (see dossier.py) or the stories index. Comes out:
strings. Rendering only; every piece of article text is escaped (Jinja2
autoescape for HTML, HTML-escaped text in Markdown, which renderers pass
through).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from .dossier import quoted
from .models import instant
from .text import balanced_quotes, plural, readable_number

FORMATS = ("json", "md", "html")


def render_json(dossier: dict[str, Any]) -> str:
    return json.dumps(dossier, ensure_ascii=False, indent=2)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("storyline", "templates"),
                      autoescape=select_autoescape(["html"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["anchor"] = anchor
    env.filters["counted"] = count
    env.filters["fact_sources"] = fact_sources
    env.filters["figure_history"] = figure_history
    env.filters["balanced"] = balanced_quotes
    env.filters["when"] = when
    env.filters["day"] = day
    env.filters["quoted"] = quoted
    env.filters["number"] = readable_number
    return env


def when(published: str | None) -> str:
    """A publication time for people to read: a date given without a time (stored as
    midnight UTC) shows as the date alone."""
    if not published:
        return ""
    if published.endswith("T00:00:00+00:00"):
        return published.removesuffix("T00:00:00+00:00")
    # "2026-03-09T19:40:00-05:00" reads "2026-03-09 19:40 -05:00": the writer's clock.
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?",
                         published)
    if match is None:
        return published
    zone = match.group(3) or ""
    zone = " UTC" if zone in {"Z", "+00:00"} else f" {zone}" if zone else ""
    return f"{match.group(1)} {match.group(2)}{zone}"


def day(published: str | None) -> str:
    """The day of a publication time as its writer dated it: a list of stories shows days,
    so a story's first and last dates read alike whether or not an article gave a time."""
    return published[:10] if published else ""


def days(first: str | None, last: str | None) -> str:
    """ "2026-01-16 .. 2026-02-05", one day alone, or "undated"."""
    if not first and not last:
        return "undated"
    return day(first) if day(first) == day(last) else f"{day(first) or '?'} .. {day(last) or '?'}"


def count(number: int, word: str) -> str:
    """"1 article", "2 articles", "2 stories"."""
    return f"{number} {word if number == 1 else plural(word)}"


def fact_sources(fact: dict[str, Any], word: str = "independent source") -> str:
    """"2 independent sources", and the articles when copies make more ("1 independent
    source, 3 articles"): a copy counts once, yet the fact cites each article."""
    sources = fact.get("sources", 1)
    articles = len({span["article"] for span in fact.get("evidence", ())})
    return count(sources, word) + (f", {count(articles, 'article')}" if articles > sources
                                   else "")


def figure_history(fact: dict[str, Any]) -> str:
    """ "figure updated: 2 (2026-11-02), 7 (2026-11-04)" for a running count whose later
    reports raised it (`updates`), else ""."""
    steps = fact.get("updates") or ()
    return "figure updated: " + ", ".join(f"{step['value']} ({step['day']})"
                                          for step in steps) if steps else ""


def anchor(article: str, start: int | None = None, end: int | None = None) -> str:
    """An HTML id for an article or a passage of it (safe characters only)."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", str(article))
    if safe != str(article):
        # "pier.1" and "pier_1" are two articles: the raw id's hash keeps them apart.
        safe += "-" + hashlib.sha1(str(article).encode()).hexdigest()[:6]
    return f"a-{safe}" if start is None else f"p-{safe}-{start}-{end}"


def render_html(dossier: dict[str, Any], *, index_link: str | None = None,
                json_link: str | None = None) -> str:
    """The dossier as one self-contained page (inline CSS, no external requests)."""
    template = _environment().get_template("dossier.html")
    return template.render(d=dossier, view=_view(dossier), index_link=index_link,
                           json_link=json_link)


@dataclass(frozen=True, slots=True)
class IndexPage:
    """One page of a long stories list, as the web UI serves it: the stories shown, the
    search that chose them and links to the pages around it."""

    stories: tuple[dict[str, Any], ...]
    matching: int  # stories the search matches, on every page
    query: str = ""
    newer: str | None = None  # link to the page before (newer stories)
    older: str | None = None  # link to the page after
    last: str | None = None  # link to the last page, when this one is past it


def newest_first(stories: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stories by their latest article, newest first (undated last), then by size: a
    reader opens a store to see what is new."""
    dated = sorted((s for s in stories if s.get("last")),
                   key=lambda s: (instant(s["last"]), len(s["articles"])), reverse=True)
    undated = sorted((s for s in stories if not s.get("last")),
                     key=lambda s: len(s["articles"]), reverse=True)
    return dated + undated


def render_index_html(index: dict[str, Any], *, link_prefix: str = "",
                      link_suffix: str = "/dossier.html", page: IndexPage | None = None
                      ) -> str:
    """The list of stories, newest first, each linking to `<prefix><story id><suffix>`;
    with `page`, only that page's stories, a search box and page links."""
    template = _environment().get_template("index.html")
    titles = {story["id"]: story["title"] or story["id"] for story in index["stories"]}
    shown = page.stories if page is not None else newest_first(index["stories"])
    # The stories shown that have a related one; the "Related" column only when there are
    # some: an empty column on every row reads as something missing.
    related = {s["id"] for s in shown
               if s.get("topic") and s["topic"] != s["id"] and s["topic"] in titles}
    return template.render(stories=shown, total=len(index["stories"]), page=page,
                           link_prefix=link_prefix, link_suffix=link_suffix, titles=titles,
                           related=related)


def _view(dossier: dict[str, Any]) -> dict[str, Any]:
    """Lookups the template needs: articles by id, passages to anchor, quotes by speaker."""
    articles = {a["id"]: a for a in dossier["articles"]}
    provenance = {p["article"]: p for p in dossier["provenance"]}
    quotes = {q["id"]: q for q in dossier["quotes"]}
    spans = _linked_spans(dossier)
    passages = {aid: _segments(a.get("text", ""), spans.get(aid, [])) for aid, a in
                articles.items()}
    anchored = _anchors(spans, passages)
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in dossier["quote_groups"]:
        first = quotes.get(group["quotes"][0], {}) if group["quotes"] else {}
        by_speaker[speaker_heading(group["speaker_name"],
                                   first.get("speaker_text"))].append(group)
    reported: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in dossier["reported_speech"]:
        reported[speaker_heading(line["speaker_name"], line.get("speaker_text"))].append(line)
    for speaker in reported:
        by_speaker.setdefault(speaker, [])
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in dossier["facts"]:
        facts[fact["agreement"]].append(fact)
    return {
        "articles": articles, "provenance": provenance, "quotes": quotes,
        "passages": passages, "anchored": anchored,
        # Named speakers first, in the order they are first quoted; then the speakers
        # only described; the quotes with no speaker at all last.
        "by_speaker": dict(sorted(by_speaker.items(), key=lambda i: _unnamed_rank(i[0]))),
        "reported": reported,
        "wordings": {group["id"]: quote_wordings(group) for group in dossier["quote_groups"]},
        # Every article that is not an original copies one, found in the set or not.
        "copies": {p["article"] for p in dossier["provenance"] if p["kind"] != "original"},
        "facts": facts, "aligned": _aligned_pairs(dossier, articles),
        "llm_note": (_llm_note(dossier) if dossier.get("generator", {}).get("summary") == "llm"
                     else ""),
        "events": sorted(dossier["events"], key=lambda e: (e["status"] in {"planned",
                                                                           "proposed"},
                                                           e["date"])),
    }


def _anchors(spans: dict[str, list[tuple[int, int]]],
             passages: dict[str, list[tuple[int, int, bool]]]
             ) -> dict[tuple[str, int, int], tuple[int, int]]:
    """Each cited span -> the highlighted passage a citation link jumps to: itself, or
    the passage overlapping it most (a span that leaves out a dateline lies inside the
    sentence another citation highlights)."""
    found: dict[tuple[str, int, int], tuple[int, int]] = {}
    for article, cited in spans.items():
        linked = [(start, end) for start, end, is_linked in passages.get(article, ())
                  if is_linked]
        for start, end in cited:
            overlaps = [(min(end, b) - max(start, a), (a, b)) for a, b in linked
                        if min(end, b) > max(start, a)]
            if overlaps:
                found[(article, start, end)] = max(overlaps)[1]
    return found


def _linked_spans(dossier: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for item in dossier["summary"]:
        for c in item["citations"]:
            spans[c["article"]].append((c["start"], c["end"]))
    for section in ("facts", "events", "undated_events"):
        for item in dossier.get(section, ()):
            for c in item["evidence"]:
                spans[c["article"]].append((c["start"], c["end"]))
    for item in dossier["divergences"]:
        for v in item["versions"]:
            spans[v["article"]].append((v["start"], v["end"]))
    return spans


def _segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Split text into plain and linked pieces; overlapping spans keep the first."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if start < end <= len(text) and (not chosen or start >= chosen[-1][1]):
            chosen.append((start, end))
    segments: list[tuple[int, int, bool]] = []
    position = 0
    for start, end in chosen:
        if start > position:
            segments.append((position, start, False))
        segments.append((start, end, True))
        position = end
    if position < len(text):
        segments.append((position, len(text), False))
    return segments


def _aligned_pairs(dossier: dict[str, Any], articles: dict[str, Any]
                   ) -> dict[str, list[dict[str, Any]]]:
    """Side-by-side sentence pairs for each copy, with word diffs."""
    from .quote_groups import word_diff

    pairs: dict[str, list[dict[str, Any]]] = {}
    for item in dossier["provenance"]:
        rows = []
        for ev in item["evidence"]:
            if "of_article" not in ev or ev["of_article"] not in articles:
                continue
            copy_text = articles[item["article"]].get("text", "")[ev["start"]:ev["end"]]
            source_text = articles[ev["of_article"]].get("text", "")[ev["of_start"]:ev["of_end"]]
            diff = [{"op": op, "text": words} for op, words in word_diff(source_text, copy_text)]
            match = ev.get("match", "")
            if match == "verbatim" and any(part["op"] != "=" for part in diff):
                # Matching ignores case, punctuation and numbers spelled out ("three" / "3");
                # the page shows the words, so it says what a reader sees.
                match = "verbatim but for small changes"
            rows.append({"match": match, "source": source_text, "copy": copy_text,
                         "diff": diff})
        if rows:
            pairs[item["article"]] = rows
    return pairs


# -- Markdown -------------------------------------------------------------------

MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]|~])")


# What makes HTML inside Markdown: a tag's "<" and a character reference ("&lt;", "&#60;").
# A plain "&" ("Orlin Island & Sons") is left as written: escaped, a reader saw "&amp;".
MARKDOWN_HTML = re.compile(r"<|>|&(?=#?\w+;)")
LINE_BREAKS = re.compile(r"[\r\n]+")


def _md(text: object) -> str:
    """Untrusted text as inert Markdown: no HTML, links, images, emphasis or table cells."""
    escaped = MARKDOWN_HTML.sub(lambda m: html.escape(m.group()), str(text or ""))
    # "\r" ends a Markdown line as "\n" does: either would start a heading or a list item.
    return MARKDOWN_SPECIALS.sub(r"\\\1", LINE_BREAKS.sub(" ", escaped))


def _llm_note(dossier: dict[str, Any]) -> str:
    rewritten = sum(s.get("method") == "llm" for s in dossier["summary"])
    return (f"{rewritten} of {len(dossier['summary'])} sentences rewritten by "
            f"{dossier['generator'].get('llm_model', 'an LLM')} and checked against their "
            "citations; the others are extractive.")


def quote_wordings(group: dict[str, Any]) -> list[dict[str, Any]]:
    """A quote group's variants, one per wording with every article giving it: a
    reprint gives its wire's words, and shows with the wire, not as a variant of its own."""
    wordings: dict[str, dict[str, Any]] = {}
    for variant in group["variants"]:
        wording = wordings.setdefault(variant["text"].strip(), {
            "articles": [], "text": variant["text"], "diff": variant["diff"]})
        if variant["article"] not in wording["articles"]:
            wording["articles"].append(variant["article"])
    return list(wordings.values())


def render_markdown(dossier: dict[str, Any]) -> str:
    """A readable Markdown brief; article text is HTML-escaped."""
    story = dossier["story"]
    names = {a["id"]: a["outlet"] or a["id"] for a in dossier["articles"]}
    lines = [f"# {_md(story['title'])}", "",
             f"{count(story['articles'], 'article')}; story id `{story['id']}`.", "",
             "## Summary", ""]
    if dossier.get("generator", {}).get("summary") == "llm":
        lines += [f"_{_md(_llm_note(dossier))}_", ""]
    for item in dossier["summary"]:
        cites = ", ".join(f"{_md(names.get(c['article'], c['article']))} "
                          f"[{c['start']}-{c['end']}]" for c in item["citations"])
        disputed = " (outlets differ: see Divergences)" if item.get("disputed") else ""
        lines.append(f"- {_md(item['text'])} ({cites}){disputed}")
    lines += ["", "## Sources", "", "| article | outlet | published | kind | of |",
              "|---|---|---|---|---|"]
    provenance = {p["article"]: p for p in dossier["provenance"]}
    for article in dossier["articles"]:
        p = provenance.get(article["id"], {})
        lines.append(f"| {_md(article['id'])} | {_md(article['outlet'])} | "
                     f"{_md(when(article['published']))} | {_md(p.get('kind'))} | "
                     f"{_md(p.get('of'))} |")
    lines += ["", "## People", ""]
    people = [f"- **{_md(p['name'])}**" + (f" ({_md('; '.join(p['roles']))})" if p["roles"]
                                           else "") + _also(p["aliases"])
              for p in dossier["people"]]
    lines += people or [NONE_FOUND]
    lines += ["", "## Organisations", ""]
    lines += [f"- **{_md(o['name'])}**{_also(o['aliases'])}"
              for o in dossier["organizations"]] or [NONE_FOUND]
    lines += ["", "## Quotes", ""]
    quotes = {q["id"]: q for q in dossier["quotes"]}
    if not dossier["quotes"]:
        lines.append(NONE_FOUND)
    for group in dossier["quote_groups"]:
        first = quotes[group["quotes"][0]]
        outlets = ", ".join(sorted({names.get(quotes[q]["article"], "") for q in group["quotes"]}))
        # A mixed quote is reported speech around quoted words: the whole is not verbatim.
        words = first.get("quoted", first["text"])
        # ... written as the reported speech lines below are: "- **Varga** (reported): ..."
        said = f" (reported): {_md(quoted(words))}" if first["kind"] == "mixed" \
            else f": \u201c{_md(quoted(words))}\u201d"
        lines.append(f"- {_speaker(group['speaker_name'], first.get('speaker_text'))}{said} "
                     f"({_md(outlets)})")
        for variant in quote_wordings(group):
            who = ", ".join(names.get(a, a) for a in variant["articles"])
            lines.append(f"  - {_md(who)}: \u201c{_md(quoted(variant['text']))}\u201d")
    for line in dossier["reported_speech"]:
        outlets = ", ".join(names.get(a, a) for a in line["articles"])
        lines.append(f"- {_speaker(line['speaker_name'], line['speaker_text'])} "
                     f"(reported): {_md(line['text'])} ({_md(outlets)})")
    lines += ["", "## Timeline", ""]
    events = [*dossier["events"], *dossier.get("undated_events", ())]
    lines += [f"- {_md(event_line(event))}" for event in events] or [NONE_FOUND]
    lines += ["", "## Facts", ""]
    lines += [f"- [{fact['agreement']}, {fact_sources(fact, 'source')}] "
              f"{_md(balanced_quotes(fact['text']))}" +
              (f" ({figure_history(fact)})" if fact.get("updates") else "")
              for fact in dossier["facts"]
              # a running count two outlets raised day by day is one source's figure
              # updated, "single", yet the only place Markdown tells it (revw25)
              if fact["agreement"] != "single" or fact.get("updates")] or [
                  "_No fact told by two independent sources, nor disputed._"]
    lines += ["", "## Divergences", ""]
    if not dossier["divergences"]:
        lines.append(NONE_FOUND)
    outlet_of = {a["id"]: a["outlet"] or a["id"] for a in dossier["articles"]}
    for item in dossier["divergences"]:
        lines.append(f"- {_md(item['topic'])}")
        for version in item["versions"]:
            original = version.get("copy_of")
            changed = f" (a copy of {_md(outlet_of.get(original, original))} that changed it)" \
                if original else ""
            lines.append(f"  - {_md(version['outlet'])}{changed}: {_md(version['text'])}")
    if dossier["errors"]:
        lines += ["", "## Input errors", ""]
        lines += [f"- {_md(e['source'])}: {_md(e['reason'])}" for e in dossier["errors"]]
    return "\n".join(lines) + "\n"


NONE_FOUND = "_None found._"


def _also(aliases: Sequence[str]) -> str:
    return f"; also {_md(', '.join(aliases))}" if aliases else ""


# A speaker the text describes ("the state environment agency") but that matched no
# person or body of the story: the description stands in its place, marked as such.
NOT_IDENTIFIED = "(speaker not identified)"
NO_SPEAKER = "Unattributed"


def described_speaker(described: str) -> str:
    """How the text describes a speaker, as a heading or a line's first words:
    "the county health office" -> "The county health office"."""
    described = " ".join(described.split())
    return described[:1].upper() + described[1:]


def speaker_heading(name: str | None, described: str | None) -> str:
    """The speaker as a reader sees them: the name, else the text's description of them
    marked "(speaker not identified)", else "Unattributed"."""
    if name:
        return name
    if described and described.strip():
        return f"{described_speaker(described)} {NOT_IDENTIFIED}"
    return NO_SPEAKER


def _unnamed_rank(heading: str) -> int:
    return 2 if heading == NO_SPEAKER else 1 if heading.endswith(NOT_IDENTIFIED) else 0


def _speaker(name: str | None, described: str | None) -> str:
    """The speaker's name in bold, else how the text describes them (in bold, marked as
    not identified), else "Unattributed"."""
    if name:
        return f"**{_md(name)}**"
    if described and described.strip():
        return f"**{_md(described_speaker(described))}** _{NOT_IDENTIFIED}_"
    return f"**{NO_SPEAKER}**"


def event_line(event: dict[str, Any]) -> str:
    """One timeline entry as a line of text: date, status, description, sources."""
    articles = len({e["article"] for e in event["evidence"]})
    date = event["date"] or f"undated ({event.get('expression', '')})"
    if event.get("time"):
        date += f" {event['time']}"
    if "sources" in event:  # independent: copies of one original count once
        copies = f", {count(articles, 'article')}" if articles != event["sources"] else ""
        counted = f"{count(event['sources'], 'independent source')}{copies}"
    else:  # a dossier written before events counted their sources
        counted = count(articles, "article")
    line = f"{date:<23} {event['status']:<9} {event['description']}  [{counted}]"
    if event.get("conflicting"):
        line += " [dates differ: " + " / ".join(d["date"] for d in event["dates"]) + "]"
    if event.get("superseded"):
        line += " [earlier report: " + " / ".join(d["date"] for d in event["superseded"]) + "]"
    return line


def render(dossier: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return render_json(dossier)
    if fmt == "md":
        return render_markdown(dossier)
    if fmt == "html":
        return render_html(dossier)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


EXTENSIONS = {"json": "json", "md": "md", "html": "html"}


def write_outputs(dossiers: Sequence[dict[str, Any]], index: dict[str, Any], out: Path, *,
                  fmt: str, one_story: bool, prune: bool = True) -> Path:
    """Write dossiers (and, for several stories, an index) into `out`; returns the main file.

    One story: out/dossier.<ext>. Several: out/index.json, out/index.html and
    out/<story id>/dossier.<ext>. Files are replaced atomically. `prune` removes the
    folders of stories an earlier run wrote that this one does not (not when the stories
    live on in a store).
    """
    formats = FORMATS if fmt == "all" else (fmt,)
    out.mkdir(parents=True, exist_ok=True)
    if one_story:
        for name in formats:
            _write_atomic(out / f"dossier.{EXTENSIONS[name]}", render(dossiers[0], name))
        return out / f"dossier.{EXTENSIONS[formats[-1]]}"
    for dossier in dossiers:
        folder = out / story_folder(dossier["story"]["id"])
        folder.mkdir(parents=True, exist_ok=True)
        for name in formats:
            json_link = "dossier.json" if "json" in formats else None
            text = (render_html(dossier, index_link="../index.html", json_link=json_link)
                    if name == "html" else render(dossier, name))
            _write_atomic(folder / f"dossier.{EXTENSIONS[name]}", text)
    if prune:
        _remove_stale_stories(out, {story_folder(d["story"]["id"]) for d in dossiers})
    _write_atomic(out / "index.json", json.dumps(index, ensure_ascii=False, indent=2))
    # The index links to the HTML pages when they were written, else to what was.
    linked = "html" if "html" in formats else formats[0]
    _write_atomic(out / "index.html",
                  render_index_html(index, link_suffix=f"/dossier.{EXTENSIONS[linked]}"))
    return out / "index.html"


def _remove_stale_stories(out: Path, kept: set[str]) -> None:
    """Take out the dossiers of stories an earlier run's index.json listed and this run's
    does not (merged or gone), so no folder outlives its link. Only Storyline's own
    dossier files go, and a folder only when nothing else is left in it."""
    try:
        previous = json.loads((out / "index.json").read_text(encoding="utf-8"))["stories"]
        names = {story_folder(str(story["id"])) for story in previous}
    except (OSError, ValueError, KeyError, TypeError):
        return  # no index of ours there: nothing is known to be ours
    for name in sorted(names - kept - {".", ".."}):
        folder = out / name
        if folder.is_symlink() or not folder.is_dir():
            continue
        for ext in EXTENSIONS.values():
            (folder / f"dossier.{ext}").unlink(missing_ok=True)
        if not any(folder.iterdir()):
            folder.rmdir()


def story_folder(story_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", story_id) or "story"


def _write_atomic(path: Path, text: str) -> None:
    # Created with the usual mode under the user's umask (mkstemp would make it private):
    # a report is shared like any file the user writes.
    temp = path.with_name(f".tmp-{secrets.token_hex(8)}{path.suffix}")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
