"""Tests for storyline/conflicts.py: where a story's sentences disagree (fictional texts).

Conflicts found in whole stories are tested through `align_facts` in test_align.py.
"""

from __future__ import annotations

import pytest

from storyline.conflicts import _quantity, without_repeats
from storyline.models import Divergence, DivergenceVersion


def test_a_disagreement_shown_by_a_wider_one_is_listed_once() -> None:
    def version(article: str, value: str) -> DivergenceVersion:
        return DivergenceVersion(article, article.upper(), f"a {value} percent raise", value,
                                 0, 20)

    narrow = Divergence("d1", "number of percent: 3 vs 4", (version("a", "3"), version("b", "4")))
    wide = Divergence("d2", "number of percent: 3 vs 4 vs 5",
                      (version("a", "3"), version("b", "4"), version("c", "5")))
    other = Divergence("d3", "number of nurse: 900 vs 1200",
                       (version("a", "900"), version("b", "1200")))
    kept = without_repeats([narrow, wide, other])
    assert [d.topic for d in kept] == [wide.topic, other.topic]
    assert [d.id for d in kept] == ["d1", "d2"]


def test_two_outlets_against_one_on_the_same_figure_is_one_disagreement() -> None:
    def version(article: str, value: str) -> DivergenceVersion:
        return DivergenceVersion(article, article.upper(), f"{value} workers were hurt", value,
                                 0, 20)

    first = Divergence("d1", "number of worker: 3 vs 5", (version("a", "3"), version("c", "5")))
    second = Divergence("d2", "number of worker: 3 vs 5", (version("b", "3"), version("c", "5")))
    apart = Divergence("d3", "number of worker: 3 vs 5", (version("d", "3"), version("e", "5")))
    kept = without_repeats([first, second, apart])
    assert [[v.article for v in d.versions] for d in kept] == [["a", "c", "b"], ["d", "e"]]


@pytest.mark.parametrize(("label", "heading"), [
    ("passenger", "number of passengers"), ("person", "number of people"),
    ("family", "number of families"), ("bus", "number of buses"), ("crew", "number of crew"),
    ("percent", "percentage"), ("dollar", "amount in dollars"), ("foot", "number of feet"),
    ("km", "number of km"), ("life", "number of lives"),
    ("pound per hour", "amount in pounds per hour")])
def test_a_divergence_heading_names_what_the_number_counts(label: str, heading: str) -> None:
    assert _quantity(label) == heading
