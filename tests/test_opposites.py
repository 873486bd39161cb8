"""Opposite outcomes of one event: the hand-written list and the raw-text check."""

from __future__ import annotations

import pytest

from storyline.counts import STATE_KIN
from storyline.opposites import fatally_hurt, opposed_words, opposites_of


def test_killed_and_hurt_are_opposites_by_the_counts_word_groups() -> None:
    killed = next(row for row in STATE_KIN if "kill" in row)
    hurt = next(row for row in STATE_KIN if "injure" in row)
    for word in killed:
        assert set(hurt) <= opposites_of(word)
    assert "die" not in opposites_of("kill")  # one group, never its own opposite


@pytest.mark.parametrize(("text", "said", "found"), [
    ("Voters in Marrowby approved the harbour levy.",
     "Voters in Marrowby rejected the harbour levy.", ["approved (rejected)"]),
    ("Two miners were killed at the Carrow pit.", "Two miners were injured at the Carrow pit.",
     ["killed (injured)"]),
    ("Police arrested the pilot Anton Brisk.", "Police released the pilot Anton Brisk.",
     ["arrested (released)"]),
    ("The Tessaly council banned night fishing.", "The Tessaly council allowed night fishing.",
     ["banned (allowed)"]),
    ("Rents in Orla rose by a tenth.", "Rents in Orla fell by a tenth.", ["rose (fell)"]),
    # one named party, or a capitalised first word that is no name: still opposed
    ("Holm Rangers won the Velmar cup final.", "Holm Rangers lost the Velmar cup final.",
     ["won (lost)"]),
    ("Police arrested the pilot Anton Brisk.", "Officers released the pilot Anton Brisk.",
     ["arrested (released)"]),

    ("The Orla library will close its reading room.",
     "The Orla library will keep its reading room open.", ["close (open)"]),
])
def test_a_word_against_its_listed_opposite_is_found_with_it(
        text: str, said: str, found: list[str]) -> None:
    assert opposed_words(text, said) == found


@pytest.mark.parametrize(("text", "said"), [
    ("Voters in Marrowby approved the harbour levy.",
     "The harbour levy was approved by voters in Marrowby."),
    # a text telling both sides opposes neither
    ("Rents in Orla rose in spring, then fell in autumn.", "Rents in Orla fell in autumn."),
    ("The Velmar road will close on Monday.", "The Velmar road will close on Monday for repairs."),
    # one result told from either side: each word right after another named party
    ("Dunmore Rovers won the county final against Carrow Athletic on Saturday.",
     "Carrow Athletic lost the county final against Dunmore Rovers on Saturday."),
    ("Dunmore Rovers have won the county final.", "Carrow Athletic lost the county final."),
    # a "not" beside an opposite agrees with it
    ("The Orla bridge did not reopen to traffic on Monday.",
     "The Orla bridge remained closed to traffic on Monday."),
    ("No one was hurt in the Velmar warehouse fire.",
     "No one was killed in the Velmar warehouse fire."),
    # a wound told as fatal is the death itself
    ("Police shot and killed Arno Pell, 17, in Velmar.",
     "Arno Pell, 17, was fatally wounded by police in Velmar."),
])
def test_the_same_outcome_told_otherwise_opposes_nothing(text: str, said: str) -> None:
    assert opposed_words(text, said) == []


def test_a_wound_told_as_fatal_is_told_apart_from_one_that_is_not() -> None:
    assert fatally_hurt("The ranger was mortally wounded by the bull.")
    assert not fatally_hurt("The ranger was badly wounded by the bull.")
    assert not fatally_hurt("The ranger was killed by the bull.")
