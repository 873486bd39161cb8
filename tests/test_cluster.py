"""Story clustering: the demo's two stories stay apart, copies stay together."""

from __future__ import annotations

from typing import Any

from storyline.cluster import StoryState, article_vector, assign_stories


def test_demo_splits_into_two_stories(demo_dossiers: list[dict[str, Any]]) -> None:
    groups = sorted(sorted(a["id"] for a in d["articles"]) for d in demo_dossiers)
    assert len(groups) == 2
    gallery = next(g for g in groups if "port-elsin-gazette" in g)
    assert gallery == ["arts-weekly", "morning-brief-3", "port-elsin-gazette"]


def test_assignment_is_incremental_and_stable(demo_articles: list[Any]) -> None:
    states: list[StoryState] = []
    first = assign_stories(states, demo_articles[:6])
    ids_before = {s.id for s in states}
    second = assign_stories(states, demo_articles[6:])
    assert ids_before <= {s.id for s in states}
    assert set(first).isdisjoint(second)
    assert len({*first.values(), *second.values()}) == 2


def test_vectors_are_unit_length(demo_articles: list[Any]) -> None:
    vector = article_vector(demo_articles[0])
    assert abs(sum(v * v for v in vector.values()) - 1.0) < 1e-9
