"""Counts of one thing told in other words: what a sentence counts, in which state."""

from __future__ import annotations

from typing import Any

from storyline.counts import counts_of
from storyline.fact_units import make_units


def _counts(analyse: Any, text: str) -> list[tuple[str, list[str], float, str, bool]]:
    units = make_units([analyse(text, id="a")], {"a": "a"})
    return [(c.noun, sorted(c.states), c.value, c.scope, c.describes)
            for unit in units for c in counts_of(unit)]


def test_a_count_is_its_noun_its_state_its_figure_and_its_scope(analyse: Any) -> None:
    # Fictional. "hurt" reads as "injure", "died" as "kill"; "other" makes a part.
    assert _counts(analyse, "Three other dockers were hurt.") == [
        ("docker", ["injure"], 3.0, "part", False)]
    assert _counts(analyse, "Five dockers were injured in all.") == [
        ("docker", ["injure"], 5.0, "total", False)]
    assert _counts(analyse, "Two dockers died at Pellow quay.") == [
        ("docker", ["kill"], 2.0, "plain", False)]


def test_a_count_hanging_from_a_preposition_takes_the_verb_before_it(analyse: Any) -> None:
    assert _counts(analyse, "The jury at Dunmere deliberated for six hours.") == [
        ("hour", ["deliberate"], 6.0, "plain", False)]


def test_a_count_in_a_clause_describing_its_noun_is_told_in_passing(analyse: Any) -> None:
    assert _counts(analyse, "Families of the two dockers who died asked to speak.") == [
        ("docker", ["kill"], 2.0, "plain", True)]
