"""Tests for the words that make a bare surname someone or something else (fictional texts)."""

from __future__ import annotations

from storyline.bearer_guards import (
    company_possessive,
    given_name_before,
    guard_bearers,
    named_relative,
    place_after_preposition,
    place_before_office,
    unnamed_relative,
)
from storyline.models import Mention


def bare(text: str, word: str, *, occurrence: int = 0, label: str = "PERSON",
         honorific: str | None = None, written: str | None = None) -> Mention:
    """The mention of `word` (its `occurrence`-th) in `text`, as the mention finder gives
    a bare surname (`written`: its text with an honorific, "Mr Brand")."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return Mention("a1", written or word, start, start + len(word), label, name=word,
                   honorific=honorific)


def test_a_possessive_no_noun_follows_is_a_company() -> None:
    text = "McDonald's said it would donate meals. Staff at Greggs's. McDonald's lawyer spoke."
    assert company_possessive(bare(text, "McDonald"), text)
    headline = "McDonald's To Close Dunmore Branch\n\nThe chain said 40 jobs would go."
    assert company_possessive(bare(headline, "McDonald"), headline)
    assert company_possessive(bare(text, "Greggs"), text)
    assert not company_possessive(bare(text, "McDonald", occurrence=1), text)


def test_a_name_after_in_is_a_place() -> None:
    text = ("Tom Paris met officials in Paris on Monday. The mayor had confidence in Paris. "
            "In Paris's view the deal was fair. Paris said so.")
    assert place_after_preposition(bare(text, "Paris", occurrence=1), text)
    assert not place_after_preposition(bare(text, "Paris", occurrence=2), text)
    assert not place_after_preposition(bare(text, "Paris", occurrence=3), text)
    assert not place_after_preposition(bare(text, "Paris", occurrence=4), text)
    # a person after "near", a verb's "in", or named beside another owner
    people = ("She was walking near Horton. Bringing in Jackman was wise. A role in Woodward "
              "and Bernstein's reporting. The Senate in Congress met.")
    for name in ("Horton", "Jackman", "Woodward"):
        assert not place_after_preposition(bare(people, name), people)
    assert not place_after_preposition(bare(people, "Congress", label="ORG"), people)


def test_a_given_name_the_tagger_cut_off() -> None:
    text = "Fishermen Ewan MacAllister and his son were rescued. Coach MacAllister said so."
    assert given_name_before(bare(text, "MacAllister"), text) == "Ewan"
    assert given_name_before(bare(text, "MacAllister", occurrence=1), text) is None


def test_a_surname_after_an_unnamed_relative_is_that_relative() -> None:
    text = ("Tom Brand appeared in court. His father posted bail. Mr Brand told reporters his "
            "son was innocent.")
    assert unnamed_relative(bare(text, "Brand", occurrence=1, honorific="Mr.",
                                 written="Mr Brand"), text) == "father"
    # "Ms Brand" is no father; a named father is no unnamed relative
    assert unnamed_relative(bare(text, "Brand", occurrence=1, honorific="Ms.",
                                 written="Ms Brand"), text) is None
    named = "Tom Brand appeared. His father, Gareth Brand, posted bail. Brand said so."
    assert unnamed_relative(bare(named, "Brand", occurrence=2), named) is None
    # the surname not opening its sentence is no one the relative's sentence led to
    later = "Tom Brand appeared. His father posted bail. Reporters asked Brand why."
    assert unnamed_relative(bare(later, "Brand", occurrence=1), later) is None


def test_a_name_before_an_office_is_a_place() -> None:
    text = "Paris Mayor Anne Vidal said the city would help. Paris said he would stay."
    assert place_before_office(bare(text, "Paris"), text)
    assert not place_before_office(bare(text, "Paris", occurrence=1), text)


def test_a_relative_of_someone_of_another_surname_is_not_the_surname() -> None:
    """ "Mr Gomes ... His mother was a witness. Ms Mendes had obtained ...": Gomes's
    mother; Ms Mendes is the woman the article named before him."""
    text = ("Lia Mendes accused Rui Gomes of theft. His mother was a witness. Ms Mendes "
            "had obtained an order against her son.")
    named = [bare(text, "Lia Mendes"), bare(text, "Rui Gomes")]
    mention = bare(text, "Mendes", occurrence=1, honorific="Ms.", written="Ms Mendes")
    assert unnamed_relative(mention, text, named) is None
    assert unnamed_relative(mention, text) == "mother"


def test_a_title_opening_the_next_line_is_no_office_of_the_name() -> None:
    """A headline ending in the surname and a text opening "City officials said": the
    person, not a city's name before an office."""
    text = "Award For Rusk\n\nCity officials said Ada Rusk, 40, would receive a medal."
    assert not place_before_office(bare(text, "Rusk"), text)


def test_a_possessive_of_a_person_the_article_names_in_full_is_hers() -> None:
    """ "Mayor Anne Vidal ... Vidal's plans": her plans, not a company Vidal's; "The race
    is Rusk's to lose" after Ada Rusk is hers too."""
    text = "Mayor Anne Vidal unveiled a bypass. Vidal's plans for it were rejected."
    assert not company_possessive(bare(text, "Vidal", occurrence=1), text)
    text = "Ada Rusk, 24, leads the field. The race is Rusk's to lose, her coach said."
    mentions = [bare(text, "Ada Rusk"), bare(text, "Rusk", occurrence=1)]
    kept, bodies = guard_bearers(mentions, {"a1": text})
    assert bodies == frozenset()
    assert [m.label for m in kept] == ["PERSON", "PERSON"]
    # no one so named in the article before it: the company
    text = "McDonald's said it would feed the bank Ewan McDonald runs."
    kept, bodies = guard_bearers([bare(text, "McDonald"), bare(text, "Ewan McDonald")],
                                 {"a1": text})
    assert bodies == {("a1", 0)}
    text = "McDonald's to close its Dunmore branch. The council regretted it."
    kept, bodies = guard_bearers([bare(text, "McDonald")], {"a1": text})
    assert bodies == {("a1", 0)}


def test_a_surname_that_speaks_of_no_counterpart_is_the_person_himself() -> None:
    """ "His father was a miner. Brand studied law": a profile's own subject; the father
    is read only where the surname's sentence speaks of "his son"."""
    text = "Tom Brand grew up in Ostley. His father was a miner. Brand studied law."
    assert unnamed_relative(bare(text, "Brand", occurrence=1), text) is None
    text = ("Tom Brand, 52, was hurt. His son was in the car. Mr Brand said his son was "
            "unhurt.")
    assert unnamed_relative(bare(text, "Brand", occurrence=1, honorific="Mr.",
                                 written="Mr Brand"), text) is None
    text = ("Tom Brand was charged. His father posted bail. Mr Brand said his teenage son "
            "was innocent.")
    assert unnamed_relative(bare(text, "Brand", occurrence=1, honorific="Mr.",
                                 written="Mr Brand"), text) == "father"


def test_a_person_after_in_by_who_or_a_gem() -> None:
    """ "Ostley have a gem in Rusk", "a player in Rusk who never got a chance": her."""
    text = "Ostley have a gem in Rusk. They had a player in Rusk who never got a chance."
    assert not place_after_preposition(bare(text, "Rusk"), text)
    assert not place_after_preposition(bare(text, "Rusk", occurrence=1), text)
    text = "Fans sang in Rusk we trust."
    assert not place_after_preposition(bare(text, "Rusk"), text)


def _full(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention("a1", name, start, start + len(name), "PERSON", name=name)


def test_a_surname_after_a_named_relative_who_speaks_of_the_other_is_that_relative() -> None:
    """ "His father, Gareth Brand, posted bail. Brand told reporters his son was
    innocent": the father the sentence before named, not Tom Brand."""
    text = ("Tom Brand appeared in court. His father, Gareth Brand, posted bail. Brand told "
            "reporters his son was innocent.")
    named = [_full(text, "Tom Brand"), _full(text, "Gareth Brand")]
    assert named_relative(bare(text, "Brand", occurrence=2), text, named) == "father"
    # no "his son" in the surname's sentence: as often the story's person himself
    plain = "Tom Brand appeared. His father, Gareth Brand, posted bail. Brand said so."
    assert named_relative(bare(plain, "Brand", occurrence=2), plain,
                          [_full(plain, "Tom Brand"), _full(plain, "Gareth Brand")]) is None
    # the relative named of another surname is no Brand
    other = ("Tom Brand appeared. His uncle, Gareth Lowe, posted bail. Brand told reporters "
             "his nephew was innocent.")
    assert named_relative(bare(other, "Brand", occurrence=1), other,
                          [_full(other, "Tom Brand"), _full(other, "Gareth Lowe")]) is None
    # the surname not opening its sentence
    later = ("Tom Brand appeared. His father, Gareth Brand, posted bail. Reporters asked "
             "Brand about his son.")
    assert named_relative(bare(later, "Brand", occurrence=2), later,
                          [_full(later, "Tom Brand"), _full(later, "Gareth Brand")]) is None


def test_a_sibling_speaking_of_a_sibling_is_told_only_by_gender() -> None:
    """ "Her sister, Eva Brand, finished third. Brand said her sister had pushed her":
    either sister may speak of the other, so the surname takes no role; "Her brother, Tom
    Brand, led the search. Brand said his sister" is only the brother."""
    text = ("Ana Brand won the Corvale race. Her sister, Eva Brand, finished third. Brand "
            "said her sister had pushed her.")
    named = [_full(text, "Ana Brand"), _full(text, "Eva Brand")]
    assert named_relative(bare(text, "Brand", occurrence=2), text, named) is None
    brothers = ("Jonas Kell scored twice. His brother, Mats Kell, also scored. Kell said his "
                "brother was the better player.")
    assert named_relative(bare(brothers, "Kell", occurrence=2), brothers,
                          [_full(brothers, "Jonas Kell"), _full(brothers, "Mats Kell")]) is None
    unnamed = "Ana Brand won. Her sister finished third. Brand said her sister pushed her."
    assert unnamed_relative(bare(unnamed, "Brand", occurrence=1), unnamed) is None
    told = ("Ana Brand went missing. Her brother, Tom Brand, led the search. Brand said his "
            "sister loved hiking.")
    assert named_relative(bare(told, "Brand", occurrence=2), told,
                          [_full(told, "Ana Brand"), _full(told, "Tom Brand")]) == "brother"
