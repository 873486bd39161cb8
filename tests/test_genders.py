"""Genders: who is who and of which gender, on hand-made fictional text."""

from __future__ import annotations

from typing import Any

from storyline.genders import given_name_gender, person_identities, text_genders
from storyline.mentions import find_mentions


def _genders(nlp: Any, text: str) -> dict[str, str]:
    """The genders `text_genders` gives the people of `text` (no quote marks in it)."""
    doc = nlp(text)
    mentions = sorted(find_mentions(doc, "a0"), key=lambda m: m.start)
    people = [m for m in mentions if m.label == "PERSON"]
    return text_genders(doc, people, bytearray(len(text)), person_identities(people))


def test_a_given_name_firmly_of_one_gender_gives_it() -> None:
    assert given_name_gender("Priya Venn") == "female"
    assert given_name_gender("Mark Ostrander") == "male"
    assert given_name_gender("J. Tobias Quell") == "male"  # an initial is no given name


def test_a_given_name_matches_without_case_accents_or_its_second_half() -> None:
    assert given_name_gender("JOSÉ Ferrant") == "male"
    assert given_name_gender("Jean-Pierre Lacombe") == "male"
    assert given_name_gender("Mary-Kate Dunmore") == "female"


def test_unisex_given_names_and_bare_surnames_give_no_gender() -> None:
    for name in ("Jordan Pell", "Alex Varga", "Jean Marsh", "Kim Tolliver", "Venn",
                 "Zorbul Kettering"):
        assert given_name_gender(name) is None, name


def test_a_person_named_in_full_the_text_gives_no_gender_takes_the_given_names(nlp: Any
                                                                             ) -> None:
    text = ("Mark Ostrander and Priya Venn met the harbour board in Port Elsin on Tuesday. "
            "The board approved the new ferry timetable.")
    genders = _genders(nlp, text)
    assert genders.get("Mark Ostrander") == "male"
    assert genders.get("Priya Venn") == "female"


def test_the_gender_the_text_gives_beats_the_given_names(nlp: Any) -> None:
    # "Priya" reads female, but the article calls this Priya "he", twice, alone in its
    # sentences: what the text says wins
    text = ("Priya Venn opened the harbour hall on Monday. Venn said he would stay. "
            "Venn told the board he was ready to sign.")
    assert _genders(nlp, text).get("Priya Venn") == "male"


def test_a_surname_shared_by_two_people_takes_no_given_names_gender(nlp: Any) -> None:
    text = ("Mark Ostrander and Priya Ostrander run the bakery in Port Elsin. Ostrander "
            "opened the shop early on Tuesday.")
    genders = _genders(nlp, text)
    assert genders.get("Mark Ostrander") == "male"
    assert genders.get("Priya Ostrander") == "female"
    assert "ostrander" not in genders
