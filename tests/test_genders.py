"""Genders: who is who and of which gender, on hand-made fictional text."""

from __future__ import annotations

from typing import Any

from storyline.genders import person_identities, text_genders
from storyline.mentions import find_mentions


def _genders(nlp: Any, text: str) -> dict[str, str]:
    """The genders `text_genders` gives the people of `text` (no quote marks in it)."""
    doc = nlp(text)
    mentions = sorted(find_mentions(doc, "a0"), key=lambda m: m.start)
    people = [m for m in mentions if m.label == "PERSON"]
    return text_genders(doc, people, bytearray(len(text)), person_identities(people))


def test_a_person_named_in_full_the_text_gives_no_gender_takes_the_given_names(nlp: Any
                                                                             ) -> None:
    text = ("Mark Ostrander and Priya Venn met the harbour board in Port Elsin on Tuesday. "
            "The board approved the new ferry timetable.")
    genders = _genders(nlp, text)
    assert genders.get("Mark Ostrander") == "male"
    assert genders.get("Priya Venn") == "female"


def test_an_honorific_beats_the_given_names_gender(nlp: Any) -> None:
    text = "Priya Venn opened the harbour hall on Monday. Mr. Venn thanked the volunteers."
    assert _genders(nlp, text).get("Priya Venn") == "male"


def test_pronouns_about_someone_else_do_not_overrule_a_given_name(nlp: Any) -> None:
    # A story about Lena: the pronouns of the sentences naming only Ostrander are hers
    text = ("Lena Marsh watched the count at home in Port Elsin. Mark Ostrander waved from "
            "the stage, and she switched off the radio. Ostrander spoke on, but she was "
            "already asleep.")
    assert _genders(nlp, text).get("Mark Ostrander") == "male"


def test_pronouns_no_one_else_can_take_overrule_a_given_name(nlp: Any) -> None:
    # A woman named Michael, a man named Karen (an Armenian man's name): the only other
    # person named is of the other gender, so the pronouns are theirs
    text = ("Peter Quinlan thanked the harbour pilots on Friday. Michael Brennan started "
            "as a deckhand in 1990, and she learned the channel by heart. Brennan said on "
            "Friday that the port had grown quieter, and she blamed the new bypass.")
    assert _genders(nlp, text).get("Michael Brennan") == "female"
    text = ("Lusine Arakel, who chairs the city council, opened the session on Monday. "
            "Karen Vardanyan presented the repair plan. Vardanyan has run the roads office "
            "since 2015, and he drew up the first survey of the bridge. Vardanyan said the "
            "old bridge could not carry buses, and he asked for money at once.")
    assert _genders(nlp, text).get("Karen Vardanyan") == "male"


def test_pronouns_two_people_may_take_leave_their_given_names_gender(nlp: Any) -> None:
    # "she" in sentences naming only Mark, and in sentences naming only Paul: whose?
    text = ("Mark Ostrander left the stage early, and she switched off the radio. Ostrander "
            "spoke on, but she was asleep. Paul Dahl read the results, and she laughed. "
            "Dahl thanked the clerks, and she clapped.")
    genders = _genders(nlp, text)
    assert genders.get("Mark Ostrander") == "male"
    assert genders.get("Paul Dahl") == "male"


def test_a_given_name_named_alone_gives_its_gender(nlp: Any) -> None:
    text = ("Melanie watched the count at home in Port Elsin. Kevin was asleep on the sofa. "
            "Senator Grant conceded at midnight.")
    genders = _genders(nlp, text)
    assert genders.get("melanie") == "female"
    assert genders.get("kevin") == "male"
    assert "grant" not in genders  # a title: Grant is a surname here


def test_a_surname_before_a_suffix_is_no_given_name(nlp: Any) -> None:
    text = ("Harold Joyce Jr. opened the hearing on Monday. Ada Rusk asked the questions. "
            "Joyce said the port had grown quieter, and he blamed the bypass.")
    assert _genders(nlp, text).get("joyce") != "female"


def test_a_surname_shared_by_two_people_takes_no_given_names_gender(nlp: Any) -> None:
    text = ("Mark Ostrander and Priya Ostrander run the bakery in Port Elsin. Ostrander "
            "opened the shop early on Tuesday.")
    genders = _genders(nlp, text)
    assert genders.get("Mark Ostrander") == "male"
    assert genders.get("Priya Ostrander") == "female"
    assert "ostrander" not in genders
