"""Dask scale-out gives the same analyses as one process."""

from __future__ import annotations

from typing import Any

import pytest

from storyline import pipeline, scale
from storyline.models import StorylineError
from storyline.scale import _scheduler_arguments

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_matches_single_process(demo_articles: list[Any], scheduler: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Partitions of 3: the demo's articles go through several, put back in order.
    monkeypatch.setattr(scale, "PARTITION_SIZE", 3)
    assert len(demo_articles) > 2 * scale.PARTITION_SIZE
    serial = pipeline.analyze_articles(demo_articles)
    options = pipeline.AnalyzeOptions(dask=scheduler)
    distributed = pipeline.analyze_articles(demo_articles, options=options)
    assert [a.article_id for a in distributed] == [a.article_id for a in serial]
    assert distributed == serial


def test_an_unknown_scheduler_is_named() -> None:
    with pytest.raises(StorylineError, match="unknown --dask value 'bogus'"):
        _scheduler_arguments("bogus")
