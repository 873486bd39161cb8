"""Names from spaCy's entities: one entity span in, its repaired mentions out (fictional)."""

from __future__ import annotations

from typing import Any

from storyline.entities import link_entities
from storyline.entity_spans import mentions_from_entity, with_possessive_body


def _mentions_of(nlp: Any, text: str, entity: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    [ent] = [e for e in doc.ents if e.text == entity]
    return [(m.text, m.label) for m, _ in mentions_from_entity(with_possessive_body(ent), "a0")]


def test_a_score_inside_an_entity_splits_it_into_the_two_sides(nlp: Any) -> None:
    text = "Linden 3-1 Brookvale was the score on Saturday."
    assert _mentions_of(nlp, text, "Linden 3-1 Brookvale") == [("Linden", "ORG"),
                                                               ("Brookvale", "ORG")]


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name_after_it(
        analyse: Any) -> None:
    text = ("The ferry strike reached a courtroom on Monday.\n\n"
            "Inside Pellsworth Crown Court, the council's lawyer argued that the strike was "
            "causing harm. Pellsworth Crown Court will rule next week.")
    names = [m.text for m in analyse(text, id="a0").mentions if m.label == "ORG"]
    assert "Inside Pellsworth Crown Court" not in names
    assert names.count("Pellsworth Crown Court") == 2


def test_a_name_opening_with_a_preposition_and_described_after_its_comma_is_kept_whole(
        analyse: Any) -> None:
    text = ("Inside Housing Weekly, a trade magazine, reported that rents in Pellsworth rose "
            "by a fifth.")
    names = [m.text for m in analyse(text, id="a0").mentions if m.label == "ORG"]
    assert "Inside Housing Weekly" in names


def test_an_organisation_goes_on_to_the_loose_head_word_of_its_name(analyse: Any) -> None:
    # The tagger stops at "Pellsworth Metro"; the parser hangs "Metro" on "Transit".
    text = ("About 900 crews walked out last week after talks between the Harbour Crews Union "
            "(HCU) and Pellsworth Metro Transit broke down over pay.")
    mentions = analyse(text, id="a0").mentions
    named = [(m.text, m.label) for m in mentions if "Metro" in m.text or m.text == "Transit"]
    assert named == [("Pellsworth Metro Transit", "ORG")]


def test_a_transit_body_saying_something_is_no_person(analyse: Any) -> None:
    text = ("The crews walked out on Monday. Pellsworth Metro Transit said in a statement "
            "that its offer remained open.")
    mentions = analyse(text, id="a0").mentions
    assert [(m.text, m.label) for m in mentions if "Metro" in m.text] == \
        [("Pellsworth Metro Transit", "ORG")]


def test_a_deed_ending_a_headline_is_no_part_of_a_name(analyse: Any) -> None:
    # "Charged" was listed as a person (with the role "driver"); "Jailed" joined the name
    text = ("Driver Charged\n\nA lorry driver has been charged after a crash on the Kelby "
            "bypass on Monday, police said.")
    people = [m.name for m in analyse(text, id="a0").mentions if m.label == "PERSON"]
    assert "Charged" not in people and "Driver" not in people
    text = ("Orla Finnegan Jailed\n\nOrla Finnegan was jailed for two years at Kelby Crown "
            "Court on Friday.")
    people = [m.name for m in analyse(text, id="a0").mentions if m.label == "PERSON"]
    assert people.count("Orla Finnegan") == 2


def test_a_given_name_ending_in_ed_stays_a_name(analyse: Any) -> None:
    text = "Councillor Ahmed\n\nCouncillor Ahmed opened the Kelby library on Friday."
    people = [m.name for m in analyse(text, id="a0").mentions if m.label == "PERSON"]
    assert "Ahmed" in people


def test_a_byline_surname_ending_in_ed_stays_whole(analyse: Any) -> None:
    # "speed up" in the body is no past form: "Lena Speed" was cut to "Lena"
    text = ("Ferry Service To Resume In Kestrel Bay\nBy Lena Speed\n\nThe ferry will resume "
            "next month, the harbour board said. Crews will speed up repairs to the quay.")
    people = [m.name for m in analyse(text, id="a0").mentions if m.label == "PERSON"]
    assert "Lena Speed" in people and "Lena" not in people
    # a picture credit is no headline, though the body tells of a car that "sped" away
    text = ("The driver sped away from the quay before police arrived, witnesses said.\n"
            "Photo: Tom Sped\n")
    people = [m.name for m in analyse(text, id="a0").mentions if m.label == "PERSON"]
    assert "Tom Sped" in people and "Tom" not in people


def test_an_ampersand_between_a_firms_names_keeps_the_firm_whole(nlp: Any) -> None:
    # Fictional. "&" is punctuation to the tokenizer, but joins a firm's names.
    text = "Quillon & Tarrant pleaded guilty to breaching safety rules in June."
    assert _mentions_of(nlp, text, "Quillon & Tarrant") == [("Quillon & Tarrant", "ORG")]


def test_a_title_before_a_role_noun_is_no_name(analyse: Any) -> None:
    # "Head Coach" tagged a person: "Head" is taken for the title, "Coach" is no name
    text = ("Hawks Hire Dario Venn as Head Coach\n\n"
            "The Tessbury Hawks hired Dario Venn on Monday.")
    names = [m.name for m in analyse(text, id="a0").mentions
             if m.label == "PERSON" and m.kind == "name"]
    assert "Coach" not in names and "Dario Venn" in " ".join(names)


def test_a_surname_that_is_a_role_noun_stays_after_a_title_run(analyse: Any) -> None:
    # "King" is a role noun too, but a given name stands between it and the titles
    text = ("Rovers President and General Manager Owen King announced on Monday that the "
            "coach had been fired. King said the decision was his.")
    names = [m.name for m in analyse(text, id="a0").mentions
             if m.label == "PERSON" and m.kind == "name"]
    assert any(name.endswith("King") for name in names[:1])


def test_a_surname_that_is_a_job_after_one_title_is_a_name(analyse: Any) -> None:
    # "Coach Marshal": a title and a surname, not a compound job like "Head Coach"
    mentions = analyse("Coach Marshal said the team would play fast.", id="a0").mentions
    assert [m.name for m in mentions if m.label == "PERSON" and m.kind == "name"] == \
        ["Marshal"]


def test_a_headline_surname_after_a_spaced_dash_is_read_against_the_story(analyse: Any
                                                                         ) -> None:
    texts = ("Hawks - Venn Rumor\n\nThe Tessbury Hawks are close to hiring Dario Venn, "
             "sources said.",
             "Dario Venn said he was thrilled to join the club.")
    mentions = [m for n, text in enumerate(texts) for m in analyse(text, id=f"a{n}").mentions]
    index = link_entities(mentions, {f"a{n}": text for n, text in enumerate(texts)})
    start = texts[0].index("Venn")
    assert index.entity_at("a0", start, start + 4) == \
        next(e.id for e in index.entities if e.name == "Dario Venn")


def test_an_ampersand_after_a_bodys_noun_joins_two_bodies_not_one_name(nlp: Any) -> None:
    # Fictional. "Council" closes the first body's name: "&" joins another body to it.
    text = "Harwick Council & Lenham Police issued a joint statement on Monday."
    mentions = _mentions_of(nlp, text, "Harwick Council & Lenham Police")
    assert ("Harwick Council & Lenham Police", "ORG") not in mentions
    assert ("Harwick Council", "ORG") in mentions
