"""The cross-article person rules of `storyline.people` read from plain texts (no NLP)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.entities import link_entities
from storyline.models import Mention
from storyline.people import Cluster, give_ages, is_relative, kin_words


def _ages(text: str, name: str = "Tom Brand") -> set[int]:
    start = text.index(name)
    cluster = Cluster("PERSON")
    cluster.add(Mention("a0", name, start, start + len(name), "PERSON", name))
    give_ages([cluster], {"a0": text})
    return cluster.ages


@pytest.mark.parametrize("text, ages", [
    ("Tom Brand, 34, a roofer from Ellisford, fell from a ladder.", {34}),
    ("Police named the 34-year-old roofer Tom Brand on Monday.", {34}),
    ("A 61-year-old sheriff, Tom Brand, said the road was closed.", {61}),
    # a deed done to the name, or a second person: the age is someone else's
    ("Dorvale mourned a 16-year-old shot by Tom Brand, a police officer.", set()),
    ("The 12-year-old told Tom Brand, a reporter, that the dog had bitten him.", set()),
    ("A 34-year-old woman and Tom Brand were hurt in the crash.", set()),
    ("A 16-year-old stabbed Tom Brand outside the Dorvale cinema.", set()),
    ("Tom Brand, 2019, was a good year. Tom Brand, 21-17 winner, was happy.", set()),
])
def test_an_age_is_read_only_where_it_describes_the_name(text: str, ages: set[int]) -> None:
    assert _ages(text) == ages


def test_one_officer_stays_one_when_a_victims_age_stands_before_his_name(analyse: Any
                                                                         ) -> None:
    texts = ("Protests followed the death of a 16-year-old shot by Tom Brand, a Dorvale "
             "police officer, on Saturday. Brand has been suspended.",
             "Tom Brand, 42, a Dorvale police officer, was placed on leave on Monday after "
             "the shooting.")
    mentions = [m for n, text in enumerate(texts) for m in analyse(text, id=f"a{n}").mentions]
    index = link_entities(mentions, {f"a{n}": text for n, text in enumerate(texts)})
    assert len([e for e in index.entities if e.name == "Tom Brand"]) == 1


def test_a_woman_named_michael_stays_one_across_articles(analyse: Any) -> None:
    # one article calls her "she"; the other names her "Mike" and nothing more: the table's
    # "male" for both given names is no reason to keep them apart
    texts = ("Michael Brennan started as a deckhand in 1990, and she learned the channel by "
             "heart.",
             "Mike Brennan retired from the Welsmouth harbour on Friday.")
    mentions = [m for n, text in enumerate(texts) for m in analyse(text, id=f"a{n}").mentions]
    index = link_entities(mentions, {f"a{n}": text for n, text in enumerate(texts)})
    assert len([e for e in index.entities if e.label == "PERSON"]) == 1


def test_given_names_of_two_genders_still_keep_variants_apart(analyse: Any) -> None:
    # "Chris" fits both; Christopher and Christine are two people
    texts = ("Christopher Brennan retired from the Welsmouth harbour on Friday.",
             "Christine Brennan took over the pilots' roster on Monday.",
             "Chris Brennan thanked the crews.")
    mentions = [m for n, text in enumerate(texts) for m in analyse(text, id=f"a{n}").mentions]
    index = link_entities(mentions, {f"a{n}": text for n, text in enumerate(texts)})
    names = {e.name for e in index.entities if e.label == "PERSON"}
    assert {"Christopher Brennan", "Christine Brennan"} <= names


def _people(analyse: Any, *texts: str) -> list[Any]:
    mentions = [m for n, text in enumerate(texts) for m in analyse(text, id=f"a{n}").mentions]
    index = link_entities(mentions, {f"a{n}": text for n, text in enumerate(texts)})
    return [e for e in index.entities if e.label == "PERSON"]


def test_two_given_names_and_the_middle_dropped_are_one_person(analyse: Any) -> None:
    people = _people(analyse,
                     "Jose Luis Varela, the mayor of Cantoria, resigned on Monday after an "
                     "audit of city contracts.",
                     "Critics of Jose Varela gathered outside city hall on Tuesday.")
    assert [(e.name, set(e.aliases)) for e in people] == \
        [("Jose Luis Varela", {"Jose Varela"})]


def test_a_form_dropping_the_first_given_name_is_another_person(analyse: Any) -> None:
    """ "Luis Varela" beside "Jose Luis Varela" may be his brother or son (a02ff86 merged
    them): nothing in the text ties the two, so they stay apart."""
    people = _people(analyse,
                     "Jose Luis Varela, the mayor of Cantoria, resigned on Monday after an "
                     "audit of city contracts.",
                     "Luis Varela said he had done nothing wrong and would fight the charges.")
    assert sorted(e.name for e in people) == ["Jose Luis Varela", "Luis Varela"]


def test_a_compound_surname_alone_is_its_bearer(analyse: Any) -> None:
    """ "Lo Rellini" of "Gaetano Lo Rellini": the middle word is no given name, so the
    form is the surname alone, not a relative's name."""
    people = _people(analyse,
                     "Gaetano Lo Rellini, 58, was arrested in Tessmoor on Monday.",
                     "Lo Rellini denied the charges through his lawyer on Tuesday.")
    assert [e.name for e in people] == ["Gaetano Lo Rellini"]


def test_a_double_barrelled_surname_and_its_first_barrel_are_one_person(analyse: Any
                                                                        ) -> None:
    people = _people(analyse,
                     "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
                     "Ana Garcia said she was surprised by the prize.")
    assert [e.name for e in people] == ["Ana Garcia-Lopez"]


def test_a_short_form_another_person_of_the_story_bears_stays_apart(analyse: Any) -> None:
    # another Garcia in the story: "Ana Garcia" may be either woman's name
    people = _people(analyse,
                     "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
                     "Ana Garcia said she was surprised by the prize. Her manager, Rosa "
                     "Garcia, praised her.")
    assert "Ana Garcia" in {e.name for e in people}


def test_one_barrel_of_a_double_barrelled_surname_alone_joins_no_one(analyse: Any) -> None:
    """ "Mr Lopez" beside "Dane Garcia-Lopez" is his father (ff7562c merged them): a
    barrel alone is a parent's or spouse's whole surname as often as the bearer's."""
    texts = ("Dane Garcia-Lopez, 33, was charged with assault in Marlow on Friday.",
             "His father posted bail on Saturday. Mr Lopez told reporters his son was "
             "innocent.")
    people = _people(analyse, *texts)
    bearer = next(e for e in people if e.name == "Dane Garcia-Lopez")
    assert all(s.article == "a0" for s in bearer.mentions)


def test_a_barrel_that_names_a_body_of_the_story_is_not_the_bearer(analyse: Any) -> None:
    # "Lopez Foods": the bare "Lopez" may be the firm or its owner, not the nurse
    people = _people(analyse,
                     "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
                     "Lopez Foods, the town's largest employer, sponsored the prize. Lopez "
                     "paid for the dinner as well.")
    assert all(s.article == "a0" for e in people for s in e.mentions)


def test_a_barrel_the_tagger_calls_a_person_beside_a_body_of_its_name_stays_apart(
        analyse: Any) -> None:
    # "Lopez" tagged a person: the founder of "Lopez Foods", not the nurse
    people = _people(analyse,
                     "Ana Garcia-Lopez, a nurse at Vellmoor Hospital, won the award on Friday.",
                     "Lopez Foods sponsored the prize. Its founder, Lopez, said the nurses "
                     "deserved it. Lopez, 70, has lived in Vellmoor all his life.")
    garcia_lopez = next(e for e in people if e.name == "Ana Garcia-Lopez")
    assert all(s.article == "a0" for s in garcia_lopez.mentions)


def test_a_middle_initial_in_one_article_only_is_still_one_person(analyse: Any) -> None:
    people = _people(analyse,
                     "Tom J. Brand, a roofer from Elsin, was rescued from a roof on Monday.",
                     "Tom Brand said he was grateful to the firefighters.")
    assert [e.name for e in people] == ["Tom J. Brand"]


def test_two_middle_initials_are_two_people(analyse: Any) -> None:
    people = _people(analyse,
                     "Tom J. Brand, a roofer from Elsin, was rescued from a roof on Monday.",
                     "Tom K. Brand, the Elsin fire chief, said the rescue took two hours.")
    assert sorted(e.name for e in people) == ["Tom J. Brand", "Tom K. Brand"]


@pytest.mark.parametrize("texts", [
    ("Harbour master Ewan McAllister closed the port on Monday.",
     "MacAllister said the storm was the worst in years."),
    ("Harbour master Ewan McAllister closed the port on Monday. MacAllister said the storm "
     "was the worst in years.",),
])
def test_a_mac_surname_written_mc_is_the_same_person(analyse: Any, texts: tuple[str, ...]
                                                      ) -> None:
    people = _people(analyse, *texts)
    assert [e.name for e in people] == ["Ewan McAllister"]
    assert "MacAllister" in people[0].aliases


def test_a_bare_surname_whose_age_clashes_joins_no_one(analyse: Any) -> None:
    """ "Brand, 61," is not the story's only full-named Brand, 33 (his father)."""
    texts = ("Dane Brand, 33, was charged with assault in Marlow on Friday.",
             "The court heard from his father on Monday. Brand, 61, said the family was "
             "shocked.",
             "Brand, 33, was remanded in custody.")
    people = _people(analyse, *texts)
    dane = next(e for e in people if e.name == "Dane Brand")
    assert {s.article for s in dane.mentions} == {"a0", "a2"}


@pytest.mark.parametrize("number", ["1.5 seconds back", "3:58.41, ahead of Kerr",
                                    "1,500 votes ahead"])
def test_a_longer_number_after_a_bare_surname_is_no_age(analyse: Any, number: str) -> None:
    """ "Brand, 1.5 seconds back" gives Brand no age of 1 (f14509d read it so and kept him
    from Tom Brand, 34, the story's only Brand)."""
    texts = ("Tom Brand, 34, won the Marlow mile on Sunday.",
             f"Kerr finished second on Monday, behind Brand, {number}.")
    people = _people(analyse, *texts)
    brands = [e for e in people if "Brand" in e.name]
    assert [e.name for e in brands] == ["Tom Brand"]
    assert {s.article for s in brands[0].mentions} == {"a0", "a1"}


def test_a_relative_by_the_nickname_is_another_person(analyse: Any) -> None:
    """ "his grandson Bobby Crane" is not Robert "Bobby" Crane; "Bobby Crane" named by no
    relative's word still is him."""
    grandfather = 'Robert "Bobby" Crane, 70, won the Fenwick marathon for veterans.'
    people = _people(analyse, grandfather, "His grandson Bobby Crane ran the last mile.")
    assert len([e for e in people if "Crane" in e.name]) == 2
    people = _people(analyse, grandfather, "Bobby Crane thanked the crowd on Sunday.")
    assert len([e for e in people if "Crane" in e.name]) == 1


def test_a_surname_after_an_unnamed_relative_joins_no_one_else(analyse: Any) -> None:
    """ "His father posted bail. Mr Brand said": the father, not Tom Brand, the story's
    only full-named Brand (an article of its own: the cross-article rule)."""
    people = _people(analyse, "Tom Brand, 19, was charged with burglary in Ostley.",
                     "His father posted bail on Tuesday. Mr Brand told reporters his son "
                     "was innocent.")
    tom = next(e for e in people if e.name == "Tom Brand")
    assert {s.article for s in tom.mentions} == {"a0"}


def test_a_relative_by_a_spelling_of_her_name_is_still_her(analyse: Any) -> None:
    """Only a nickname worn by a relative keeps two apart: "his sister, Kate Jenkin" and
    "Kathryn Jenkin" in another article are one woman."""
    people = _people(analyse, "Owen Jenkin, 40, was jailed in Marlow. His sister, Kate "
                     "Jenkin, wept in court.",
                     "Kathryn Jenkin said on Friday that her brother would appeal.")
    kate = next(e for e in people if e.name in {"Kate Jenkin", "Kathryn Jenkin"})
    assert {s.article for s in kate.mentions} == {"a0", "a1"}



def test_a_father_of_three_is_no_one_s_relative() -> None:
    assert kin_words(["a father of three", "grandmother of 6"]) == set()
    assert kin_words(["his grandson", "the son of the mayor"]) == {"grandson", "son"}


def test_a_kin_word_modifying_a_noun_is_no_kin() -> None:
    """ "Rusk, the club's father figure": a coach, no one's father; "father-in-law",
    "teenage son", "father and coach" keep theirs."""
    assert kin_words(["club's father figure", "sister club"]) == set()
    assert kin_words(["father-in-law", "teenage son"]) == {"father", "son"}
    assert kin_words(["boy's father and coach", "his sister and brother"]) == \
        {"father", "sister", "brother"}


def test_the_club_s_father_figure_is_the_coach_named_before(analyse: Any) -> None:
    """ "Coach Dario Rusk ... Rusk, the club's father figure, said": the coach himself."""
    people = _people(analyse, "Coach Dario Rusk led the Harwick Rovers to their first title "
                     "on Saturday. Rusk, the club's father figure, said the players had "
                     "earned it.", "Harwick Rovers fans lined the streets. Rusk thanked them.")
    rusk = next(e for e in people if e.name == "Dario Rusk")
    assert len(rusk.mentions) == 3


def test_the_nickname_with_a_count_of_grandchildren_is_still_him(analyse: Any) -> None:
    """ "Bobby Crane, a grandfather of six" is Robert "Bobby" Crane: a count of his
    grandchildren calls him no one's relative."""
    people = _people(analyse, 'Robert "Bobby" Crane, 70, won the Fenwick marathon.',
                     "Bobby Crane, a grandfather of six, said he would run again.")
    assert len([e for e in people if "Crane" in e.name]) == 1


def test_the_nickname_called_an_elder_relative_is_still_him(analyse: Any) -> None:
    """ "Bobby Crane, the boy's grandfather" is Robert "Bobby" Crane, 70: names are
    handed down to a grandson, not up to a grandfather."""
    people = _people(analyse, 'Robert "Bobby" Crane, 70, found the missing boy on Saturday.',
                     "Bobby Crane, the boy's grandfather, said on Sunday he was safe.")
    assert len([e for e in people if "Crane" in e.name]) == 1


def test_a_father_of_three_is_no_relative_of_the_story() -> None:
    """ "Gareth Brand, a father of three" describes him: the story calls him no one's
    relative (so a bare "Brand" may still be him beside "his sister, Maya Brand")."""
    def cluster(role: str) -> Cluster:
        found = Cluster("PERSON")
        found.add(Mention("a0", "Gareth Brand", 0, 12, "PERSON", name="Gareth Brand",
                          role=role))
        return found
    assert not is_relative(cluster("a father of three"))
    assert not is_relative(cluster("grandmother of six"))
    assert is_relative(cluster("his father"))
    assert is_relative(cluster("the son of the mayor"))


def test_the_teenager_s_father_by_his_surname_joins_the_named_father(analyse: Any) -> None:
    """ "Brand, the teenager's father, said" in a later article is Gareth Brand, whom the
    story calls the boy's father, never Tom Brand, the teenager."""
    people = _people(analyse, "Tom Brand, 17, was charged with arson on Monday.",
                     "Tom Brand appeared in court on Tuesday. His father, Gareth Brand, "
                     "posted bail.",
                     "Brand, the teenager's father, said on Wednesday the family would "
                     "appeal.")
    articles = {e.name: {s.article for s in e.mentions} for e in people if "Brand" in e.name}
    assert articles == {"Tom Brand": {"a0", "a1"}, "Gareth Brand": {"a1", "a2"}}
