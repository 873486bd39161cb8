"""Counts of one thing told in other words: what a sentence counts, in which state."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.counts import count_pairs, counts_of
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


def _pairs(analyse: Any, first: str, second: str) -> list[tuple[str, str]]:
    units = make_units([analyse(first, id="a"), analyse(second, id="b")], {"a": "a", "b": "b"})
    weights = {lemma: 1.0 for unit in units for lemma in unit.lemmas}
    return [(units[a].sentence.text, units[b].sentence.text)
            for a, b in count_pairs(units, weights, lambda _a, _b: False)]


def test_one_count_in_other_words_pairs(analyse: Any) -> None:
    assert _pairs(analyse, "Three other dockers were injured.",
                  "Rolf Danner was killed and four other dockers were hurt.") == [
        ("Three other dockers were injured.",
         "Rolf Danner was killed and four other dockers were hurt.")]


@pytest.mark.parametrize(("first", "second"), [
    # other things of the kind: his first passes, not all he completed
    ("Keeper Ola Brandt completed his first 17 passes against Harl Rovers.",
     "Against Harl Rovers, Brandt completed 28 passes and kept a clean sheet."),
    # what is to come is not what was: two games he will miss, four he missed
    ("Winger Ivo Marsh will miss two games with a sprained knee, Pellow Town said.",
     "Marsh hurt his knee in October and missed four games during his recovery."),
    # an aside ("..., injuring two people") is no toll a bare count states
    ("Rioters also attacked a radio van in Pellow, injuring two people.",
     "About 40 people have been injured."),
    # "a 12-year sentence" counts no years served
    ("Anton Varo was serving a 12-year sentence for fraud at Kell prison.",
     "Before that, Varo served five years at Kell prison for theft."),
])
def test_counts_that_are_not_one_thing_do_not_pair(analyse: Any, first: str,
                                                   second: str) -> None:
    assert _pairs(analyse, first, second) == []


def test_a_light_verb_tells_no_state(analyse: Any) -> None:
    # "spent 11 seasons in Harl" and "spent seven seasons as a coach": two career spans
    assert _pairs(analyse, "Ivo Marsh spent 11 seasons in Harl and won two titles.",
                  "Marsh also spent seven seasons as a coach in Harl.") == []


def test_a_count_of_what_a_pronoun_stands_for_is_left_alone(analyse: Any) -> None:
    # "It killed 612 people" may tell of another, older quake the story recalls.
    assert _pairs(analyse, "It killed 612 people and left thousands homeless.",
                  "The Harl quake killed 40 people and left thousands homeless.") == []


def test_a_determiner_opening_a_sentence_is_no_pronoun(analyse: Any) -> None:
    assert _pairs(analyse, "That quake killed 40 people near Harl on Sunday.",
                  "The Harl quake killed 40 people and left thousands homeless.") != []


@pytest.mark.parametrize(("first", "second"), [
    # a negated state counts no one in it
    ("Two dockers were not injured.", "Three dockers were hurt at Pellow quay."),
    # the other's figure counts something else here: five wounded, not five killed
    ("Two soldiers were killed and five others were wounded near Korva.",
     "Five soldiers were killed."),
    # two incidents of one story
    ("Two dockers were hurt in the first blast, which shook Pellow quay at dawn.",
     "Five dockers were injured in the second blast at Pellow quay, the harbour board said."),
    # two days
    ("Police in Varno arrested three men on Friday.",
     "Eight men were detained on Saturday, Varno police said."),
    # two years
    ("Fourteen miners died in 2019 at the Orrin pit.",
     "Nine miners were killed in 2024 at the Orrin pit."),
])
def test_counts_told_apart_do_not_pair(analyse: Any, first: str, second: str) -> None:
    assert _pairs(analyse, first, second) == []


@pytest.mark.parametrize(("first", "second"), [
    ("Police in Varno arrested three men on Friday.",
     "Four men were detained on Friday, Varno police said."),
    # the day of the saying, not of the arrests; a negation in another clause
    ("Police in Varno arrested three men on Friday.",
     "Four men were detained, Varno police said on Saturday."),
    ("Police in Varno arrested three men, though no one was hurt.",
     "Four men were detained in Varno."),
])
def test_counts_of_one_day_and_incident_pair(analyse: Any, first: str, second: str) -> None:
    assert _pairs(analyse, first, second) != []
