"""The story's timeline: dated events, past and announced, merged across outlets.

Goes in: every article's `DateMention`s (value, precision, status, clause)
and the articles (for publication order). Comes out: `Event`s ordered by
date, each with the evidence spans of every article that reports it. When
outlets report one event differently over time, the latest report's status
wins ("planned" Friday meeting later "postponed" becomes cancelled).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .models import Article, DateMention, Event, Span
from .text import content_words

MERGE_OVERLAP = 0.34
TIMELINE_PRECISIONS = {"day", "month", "year", "range"}
MAX_DESCRIPTION_WORDS = 30


@dataclass
class _Draft:
    value: str | None
    precision: str | None
    mentions: list[DateMention] = field(default_factory=list)
    words: set[str] = field(default_factory=set)


def build_timeline(articles: Sequence[Article], dates: Sequence[DateMention],
                   sources: dict[str, str] | None = None) -> list[Event]:
    """Merge date mentions into events; one entry per event, all evidence kept.

    Args:
        sources: article id -> the original it copies (from provenance), so that a
            copy's date joins its original's event even when reworded.
    """
    sources = sources or {}
    published = {a.id: a.timestamp for a in articles}
    drafts: list[_Draft] = []
    for mention in sorted(dates, key=lambda m: (published.get(m.article_id, math.inf),
                                                m.article_id, m.start)):
        if mention.precision not in TIMELINE_PRECISIONS and mention.value is not None:
            continue  # durations and vague references are not points in time
        if mention.value is None and not mention.clause:
            continue
        words = set(content_words(mention.clause or mention.sentence.text))
        target = _matching_draft(drafts, mention, words, sources)
        if target is None:
            target = _Draft(mention.value, mention.precision)
            drafts.append(target)
        target.mentions.append(mention)
        target.words |= words
    events = [_to_event(draft, published) for draft in drafts]
    events.sort(key=lambda e: (e.date is None, _sort_key(e.date), e.description))
    return [_renumber(event, index) for index, event in enumerate(events, start=1)]


def _matching_draft(drafts: Sequence[_Draft], mention: DateMention, words: set[str],
                    sources: dict[str, str]) -> _Draft | None:
    best, best_score = None, 0.0
    root = sources.get(mention.article_id, mention.article_id)
    for draft in drafts:
        if draft.value != mention.value or mention.value is None:
            continue
        from_original = root != mention.article_id and any(
            m.article_id == root for m in draft.mentions)
        if any(m.article_id == mention.article_id and m.sentence == mention.sentence
               for m in draft.mentions):
            return draft
        overlap = len(words & draft.words) / max(1, min(len(words), len(draft.words)))
        if from_original:
            overlap += MERGE_OVERLAP
        if overlap > best_score:
            best, best_score = draft, overlap
    return best if best_score >= MERGE_OVERLAP else None


def _to_event(draft: _Draft, published: dict[str, float]) -> Event:
    # The latest dated report wins; undated ones count as the oldest.
    latest = max(draft.mentions, key=lambda m: _dated_or_oldest(published[m.article_id]))
    first = draft.mentions[0]
    evidence = tuple(dict.fromkeys(Span(m.article_id, m.sentence.start, m.sentence.end)
                                   for m in draft.mentions))
    return Event("", draft.value, draft.precision, latest.status,
                 describe(first.clause or first.sentence.text), evidence, first.text)


def _dated_or_oldest(timestamp: float) -> float:
    return -math.inf if timestamp == math.inf else timestamp


def describe(clause: str) -> str:
    """A short description from the source words: trimmed, at most 30 words."""
    text = re.sub(r"\s+", " ", clause).strip().strip("\"\u201c\u201d")
    text = text.rstrip(" ,;:")
    words = text.split()
    if len(words) > MAX_DESCRIPTION_WORDS:
        text = " ".join(words[:MAX_DESCRIPTION_WORDS]) + " \u2026"
    return text[:1].upper() + text[1:]


def _sort_key(value: str | None) -> str:
    return (value or "").split("/")[0]


def _renumber(event: Event, index: int) -> Event:
    return Event(f"e{index}", event.date, event.precision, event.status, event.description,
                 event.evidence, event.expression)
