"""Storyline: turn a pile of news articles into a sourced story dossier."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .models import Article, StorylineError  # noqa: E402

if TYPE_CHECKING:
    from .pipeline import analyze_articles, build_dossier

__all__ = ["Article", "StorylineError", "__version__", "analyze_articles", "build_dossier"]


def __getattr__(name: str) -> Any:
    # The pipeline loads spaCy and the stage modules (about a second): imported on first
    # use, so `storyline --version` and `--help` do not pay for it.
    if name in {"analyze_articles", "build_dossier"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
