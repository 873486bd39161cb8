"""Assemble one story's stage outputs into the dossier JSON of DESIGN.md.

Goes in: the story, its articles, provenance, entities, resolved quotes,
quote groups, events, facts, divergences, summary and input errors. Comes
out: a plain dict (`"schema": "storyline.dossier/1"`) ready for json.dumps.
Fields beyond the contract are additions; none of the contract's are renamed. One of
them, `reported_speech`, groups the reported speech no quote group holds
(`reported_speech`), so the report renders groups and lines as the JSON gives them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from .models import (
    Article,
    Divergence,
    Entity,
    Event,
    Fact,
    InputError,
    Provenance,
    QuoteGroup,
    ResolvedQuote,
    Span,
    Story,
    SummarySentence,
)

SCHEMA = "storyline.dossier/1"


@dataclass(frozen=True, slots=True)
class StoryResults:
    """Everything the stages produced for one story."""

    story: Story
    articles: tuple[Article, ...]
    provenance: tuple[Provenance, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[ResolvedQuote, ...]
    quote_groups: tuple[QuoteGroup, ...]
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]
    divergences: tuple[Divergence, ...]
    summary: tuple[SummarySentence, ...]
    errors: tuple[InputError, ...] = ()
    summary_method: str = "extractive"  # "llm" when an LLM's checked rewrite was used


def build_dossier_dict(results: StoryResults, *, generator: dict[str, Any] | None = None
                       ) -> dict[str, Any]:
    """The contract JSON for one story."""
    story = results.story
    texts = {a.id: a.text for a in results.articles}
    dossier = {
        "schema": SCHEMA,
        "story": {"id": story.id, "title": story.title, "articles": len(results.articles)},
        "articles": [_article(a) for a in results.articles],
        "provenance": [_provenance(p) for p in results.provenance],
        "people": [_entity(e) for e in results.entities if e.label == "PERSON"],
        "organizations": [_entity(e) for e in results.entities if e.label == "ORG"],
        "quotes": [quote_dict(q, texts[q.quote.article_id]) for q in results.quotes],
        "quote_groups": [_quote_group(g) for g in results.quote_groups],
        "events": [event_dict(e) for e in results.events if e.date is not None],
        # DESIGN: every event has an ISO date; what cannot be placed is listed apart.
        "undated_events": [event_dict(e) for e in results.events if e.date is None],
        "facts": [_fact(f) for f in results.facts],
        "divergences": [_divergence(d) for d in results.divergences],
        "summary": [{"text": s.text, "citations": _spans(s.citations), "method": s.method,
                     "disputed": s.disputed} for s in results.summary],
        "errors": [_error(e) for e in results.errors],
        "generator": {**(generator or {}), "summary": results.summary_method},
    }
    # An addition to the contract: the report shows these lines as they are, so the JSON
    # and the brief group reported speech alike (the report groups nothing of its own).
    dossier["reported_speech"] = reported_speech(dossier)
    return dossier


def _spans(spans: Sequence[Span]) -> list[dict[str, Any]]:
    return [{"article": s.article, "start": s.start, "end": s.end} for s in spans]


def _article(article: Article) -> dict[str, Any]:
    return {"id": article.id, "source": article.source, "title": article.title,
            "outlet": article.outlet, "url": article.url, "published": article.published_iso,
            "author": article.author, "words": article.words, "sha256": article.sha256,
            "text": article.text}


def _provenance(item: Provenance) -> dict[str, Any]:
    return {"article": item.article, "kind": item.kind, "of": item.of,
            "similarity": item.similarity, "evidence": [dict(e) for e in item.evidence],
            "credited": item.credited}


def _entity(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "aliases": list(entity.aliases),
            "roles": list(entity.roles), "articles": list(entity.articles),
            "mentions": _spans(entity.mentions)}


def quote_dict(item: ResolvedQuote, article_text: str) -> dict[str, Any]:
    """A quote as the contract has it: `text` is exactly `article_text[start:end]` (for a
    quote around its cue, `"We will," he said, "do it."`, the cue too: `parts` give the
    pieces), and `quoted` the words quoted, the pieces joined without the cue."""
    quote = item.quote
    return {"id": item.id, "article": quote.article_id,
            "text": article_text[quote.start:quote.end], "quoted": quote.text,
            "start": quote.start, "end": quote.end, "speaker": item.speaker,
            "speaker_name": item.speaker_name, "cue": quote.cue, "kind": quote.kind,
            "speaker_text": quote.speaker_text, "turn_start": quote.turn_start,
            "parts": [{"start": s, "end": e}
                      for s, e in quote.parts or ((quote.start, quote.end),)],
            "speaker_span": ({"article": quote.article_id, "start": quote.speaker_start,
                              "end": quote.speaker_end}
                             if quote.speaker_start is not None else None)}


def _quote_group(group: QuoteGroup) -> dict[str, Any]:
    return {"id": group.id, "speaker": group.speaker, "speaker_name": group.speaker_name,
            "quotes": list(group.quotes),
            "variants": [{"quote": v.quote, "article": v.article, "text": v.text,
                          "diff": [{"op": op, "text": words} for op, words in v.diff]}
                         for v in group.variants]}


def event_dict(event: Event) -> dict[str, Any]:
    item = {"id": event.id, "date": event.date, "precision": event.precision,
            "status": event.status, "description": event.description,
            "evidence": _spans(event.evidence), "expression": event.expression,
            "conflicting": event.conflicting, "sources": event.sources}
    if event.time is not None:
        item["time"] = event.time
    if event.conflicting:  # every date the outlets give, with the sentences giving it
        item["dates"] = [{"date": d.date, "precision": d.precision,
                          "evidence": _spans(d.evidence)} for d in event.dates]
    if event.superseded:  # dates an outlet corrected in a later report of its own
        item["superseded"] = [{"date": d.date, "precision": d.precision,
                               "evidence": _spans(d.evidence)} for d in event.superseded]
    return item


def _fact(fact: Fact) -> dict[str, Any]:
    found = {"id": fact.id, "text": fact.text, "agreement": fact.agreement,
             "evidence": _spans(fact.evidence), "sources": fact.sources,
             "outlets": list(fact.outlets)}
    if fact.updates:  # a running count: its figure day by day (walk25)
        found["updates"] = [{"day": u.day, "value": u.value, "article": u.article,
                             "start": u.start, "end": u.end} for u in fact.updates]
    return found


def _divergence(item: Divergence) -> dict[str, Any]:
    return {"id": item.id, "topic": item.topic, "kind": item.kind, "event": item.event,
            "versions": [{"article": v.article, "outlet": v.outlet, "text": v.text,
                          "value": v.value, "start": v.start, "end": v.end,
                          "copies": list(v.copies), "copy_of": v.copy_of}
                         for v in item.versions]}


def with_errors(dossier: dict[str, Any], errors: Sequence[InputError]) -> dict[str, Any]:
    """The dossier with this run's input problems added (a cached dossier holds only the
    problems of its own articles, so it stays valid for the next run)."""
    have = {(e["source"], e["reason"]) for e in dossier["errors"]}
    extra = [_error(e) for e in errors if (e.source, e.reason) not in have]
    return {**dossier, "errors": [*dossier["errors"], *extra]} if extra else dossier


def _error(error: InputError) -> dict[str, Any]:
    return {"source": error.source, "reason": error.reason, "severity": error.severity,
            "stage": error.stage}


def reported_speech(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    """Reported speech outside any utterance group, one line per thing said: the same words
    in several outlets, or a copy's rewording of its original's line, are one line naming
    every outlet. Each line: `text`, `articles`, `quotes` (their ids), `speaker_name`,
    `speaker_text`."""
    grouped = {qid for group in dossier["quote_groups"] for qid in group["quotes"]}
    original = {p["article"]: p.get("of") for p in dossier["provenance"]
                if p["kind"] != "original"}
    lines: list[dict[str, Any]] = []
    by_speaker: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for quote in dossier["quotes"]:
        if quote["id"] in grouped:
            continue
        text = quoted(quote.get("quoted", quote["text"]))
        # Unnamed speakers are told apart by how the text describes them.
        who = (quote["speaker_name"],
               "" if quote["speaker_name"] else (quote.get("speaker_text") or "").lower())
        same = next((line for line in by_speaker[who] if _said_alike(
            line, text, original.get(quote["article"]))), None)
        if same is not None:
            same["quotes"].append(quote["id"])
            if quote["article"] not in same["articles"]:
                same["articles"].append(quote["article"])
            continue
        line = {"text": text, "articles": [quote["article"]], "quotes": [quote["id"]],
                "speaker_name": quote["speaker_name"], "speaker_text": quote.get("speaker_text")}
        by_speaker[who].append(line)
        lines.append(line)
    return lines


def _said_alike(line: dict[str, Any], text: str, copied_from: str | None) -> bool:
    """The same words, or a copy's rewording of a line its original reports."""
    if line["text"].lower() == text.lower():
        return True
    return copied_from in line["articles"] and \
        fuzz.ratio(line["text"].lower(), text.lower()) >= COPY_REWORDING


# A spinner's synonyms keep a sentence's shape: its line against the original's scores
# 60-80 where two different things said score below 50.
COPY_REWORDING = 60


def quoted(text: str) -> str:
    """Quoted words as a reader reads them: one line, without the comma before the cue or
    the mark that reopens the quotation in its next paragraph."""
    return " ".join(REOPENED.sub(" ", text).split()).strip(",;: ")


REOPENED = re.compile(r"\s*\n\s*\n\s*[\"\u201c]")  # a quotation going on in a new paragraph
