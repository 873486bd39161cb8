"""Assemble one story's stage outputs into the dossier JSON of DESIGN.md.

Goes in: the story, its articles, provenance, entities, resolved quotes,
quote groups, events, facts, divergences, summary and input errors. Comes
out: a plain dict (`"schema": "storyline.dossier/1"`) ready for json.dumps.
Fields beyond the contract are additions; none of the contract's are renamed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
    return {
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
    return {"id": fact.id, "text": fact.text, "agreement": fact.agreement,
            "evidence": _spans(fact.evidence), "sources": fact.sources,
            "outlets": list(fact.outlets)}


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
