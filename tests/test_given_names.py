"""Given names: the gender a full name's given name has, on invented names."""

from __future__ import annotations

from storyline.given_names import given_name_gender, given_word_gender


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
                 "Zorbul Kettering", "Guadalupe Arroyo"):
        assert given_name_gender(name) is None, name


def test_a_given_name_alone_gives_its_gender() -> None:
    assert given_word_gender("Melanie") == "female"
    assert given_word_gender("Kevin") == "male"
    assert given_word_gender("Jordan") is None


def test_given_names_of_both_genders_in_news_give_none() -> None:
    # Jacky Rosen is a senator, Laurence a French woman's name, Nicky Morgan a minister,
    # Joan a Catalan man's name: the table cannot tell
    for name in ("Jacky Dunmore", "Laurence Ferrant", "Nicky Tolliver", "Joan Varga"):
        assert given_name_gender(name) is None, name
