"""Shared fixtures: the real English pipeline (loaded once), the demo corpus and its dossiers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.align import Alignment, align_facts
from storyline.cli import DEMO_ARTICLES
from storyline.entities import link_entities
from storyline.ingest import make_article, read_inputs
from storyline.models import Article, ArticleAnalysis
from storyline.nlp import load_nlp
from storyline.store import Store, open_store

ARTICLES = Path(__file__).parent / "articles"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_nlp()


@pytest.fixture(scope="session")
def demo_articles() -> list[Article]:
    return [r for r in read_inputs([str(DEMO_ARTICLES)]) if isinstance(r, Article)]


@pytest.fixture(scope="session")
def demo_dossiers() -> list[dict[str, Any]]:
    """The demo corpus analysed as the CLI does it (clustered into stories)."""
    with open_store(None) as store:
        ingested = pipeline.ingest_inputs(store, [str(DEMO_ARTICLES)])
        return pipeline.analyze(store, ingested)


@pytest.fixture(scope="session")
def bridge(demo_dossiers: list[dict[str, Any]]) -> dict[str, Any]:
    """The dossier of the demo's main story (the Kestrel River Bridge closure)."""
    return next(d for d in demo_dossiers if "Bridge" in d["story"]["title"])


@pytest.fixture()
def store() -> Iterator[Store]:
    with open_store(None) as handle:
        yield handle


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


def article(text: str, *, id: str = "a1", outlet: str = "Test Wire",
            published: str | None = "2026-03-11T09:00:00Z", title: str = "") -> Article:
    """A hand-made article for unit tests."""
    return make_article(id=id, source=f"{id}.txt", text=text, title=title, outlet=outlet,
                        published=published)


@pytest.fixture(scope="session")
def analyse(nlp: Any) -> Callable[..., ArticleAnalysis]:
    """Run the NLP stage on one hand-made article."""
    def run(text: str, *, published: str | None = "2026-03-11T09:00:00Z",
            id: str = "a1") -> ArticleAnalysis:
        return pipeline.analyze_articles([article(text, id=id, published=published)])[0]
    return run


# Two fictional articles of other news beside a test's own: a story's words are then
# rarer than "the" across it, as in a real story.
FILLER = {"x": "The gallery in Port Elsin opened a new wing for maritime paintings on Saturday.",
          "y": "A late frost damaged apple orchards across the Vell valley last spring."}


def align_texts(analyse: Any, texts: dict[str, str], sources: dict[str, str] | None = None
                ) -> Alignment:
    """`align_facts` over hand-made articles (id -> text), each its own outlet."""
    analyses = [analyse(text, id=key) for key, text in texts.items()]
    # each article its own outlet: two articles of one outlet never differ as outlets do
    articles = [article(text, id=key, outlet=f"Outlet {key}") for key, text in texts.items()]
    return align_facts(articles, analyses, sources or {key: key for key in texts})


def when(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def parsed_with_label(nlp: Any, text: str, phrase: str, label: str) -> Any:
    """`text` parsed, with `phrase` (its first occurrence) tagged `label`: the small model
    labels some names so on some texts, and a test of what follows must not hang on it."""
    from spacy.tokens import Span

    doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None
    others = [e for e in doc.ents if e.end <= span.start or span.end <= e.start]
    doc.set_ents([*others, Span(doc, span.start, span.end, label=label)])
    return doc


def speaker_in_text(analyse: Any, text: str, fragment: str) -> str | None:
    """The entity the speaker phrase of the quote holding `fragment` resolves to, with the
    article's text given to the linker, as the pipeline gives it."""
    result = analyse(text, id="a0")
    quote = next(q for q in result.quotes if fragment in q.text)
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    index = link_entities(list(result.mentions), {"a0": text})
    found = index.resolve("a0", quote.speaker_start, quote.speaker_end,
                          quote.speaker_text or "")
    entity = index.get(found) if found else None
    return entity.name if entity else None
