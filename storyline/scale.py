"""Scale-out: run the per-article NLP stage on Dask.

Goes in: articles, a Dask scheduler ("processes", "threads", "synchronous" or
the address of a running `dask scheduler`) and the per-partition analysis
function. Comes out: the `ArticleAnalysis` list, in input order. Only the
expensive step is distributed; the cross-article stages stay on the caller.
Dask is an optional extra: `pip install storyline[dask]`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from .models import Article, ArticleAnalysis, StorylineError

PARTITION_SIZE = 200
LOCAL_SCHEDULERS = {"processes", "threads", "synchronous", "sync", "single-threaded"}


def analyze_on_dask(articles: Sequence[Article], *, scheduler: str, model: str | None,
                    analyze: Callable[..., list[ArticleAnalysis]]) -> list[ArticleAnalysis]:
    """Analyse articles in partitions on Dask; each worker loads the model once."""
    try:
        import dask.bag as bag
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise StorylineError("Dask is not installed: pip install 'storyline[dask]'") from exc
    if not articles:
        return []
    partitions = max(1, min(len(articles) // PARTITION_SIZE + 1, 4 * (os.cpu_count() or 1)))
    items = bag.from_sequence(list(articles), npartitions=partitions)
    work = items.map_partitions(partial(_run_partition, analyze=analyze, model=model))
    arguments = _scheduler_arguments(scheduler)
    try:
        return list(work.compute(**arguments))
    finally:
        if hasattr(arguments["scheduler"], "close"):  # a distributed Client we opened
            arguments["scheduler"].close()


def _run_partition(articles: Sequence[Article], *, analyze: Callable[..., Any],
                   model: str | None) -> list[ArticleAnalysis]:
    result: list[ArticleAnalysis] = analyze(list(articles), model=model)
    return result


def _scheduler_arguments(scheduler: str) -> dict[str, Any]:
    if scheduler in LOCAL_SCHEDULERS:
        return {"scheduler": scheduler}
    if not re.fullmatch(r"(\w+://)?[\w.\[\]:-]+:\d+", scheduler):
        raise StorylineError(f"unknown --dask value {scheduler!r}: use processes, threads, "
                             "synchronous or a scheduler address such as tcp://host:8786")
    try:
        from dask.distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise StorylineError("a scheduler address needs dask.distributed: "
                             "pip install 'dask[distributed]'") from exc
    return {"scheduler": Client(scheduler)}
