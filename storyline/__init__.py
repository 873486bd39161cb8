"""Storyline: turn a pile of news articles into a sourced story dossier."""

__version__ = "0.1.0"

from .models import Article, StorylineError  # noqa: E402
from .pipeline import analyze_articles, build_dossier  # noqa: E402

__all__ = ["Article", "StorylineError", "__version__", "analyze_articles", "build_dossier"]
