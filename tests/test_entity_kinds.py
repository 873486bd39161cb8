"""Whether a name is a person, a body or a place, from the words around it (fictional)."""

from __future__ import annotations

from typing import Any


def test_a_name_after_a_persons_age_and_of_is_a_hometown(analyse: Any) -> None:
    # "Petra Skarn, 52, of Tallow Cross": the court-report convention for where she lives.
    text = "Petra Skarn, 52, of Tallow Cross, was fined 400 pounds by Vell magistrates."
    named = {(m.text, m.label) for m in analyse(text, id="a0").mentions}
    assert ("Tallow Cross", "ORG") not in named
    assert ("Petra Skarn", "PERSON") in named


def test_a_company_after_a_persons_age_and_of_is_still_a_body(analyse: Any) -> None:
    # "Hal Rusk, 52, of Brisk Construction Ltd": a name ending as a company's does is his
    # employer, not where he lives.
    for firm in ("Brisk Construction Ltd", "Tarrow Holdings"):
        text = f"Hal Rusk, 52, of {firm}, was fined 400 pounds by Vell magistrates."
        named = {(m.text, m.label) for m in analyse(text, id="a0").mentions}
        assert (firm, "ORG") in named


def test_a_named_storm_is_no_one(analyse: Any) -> None:
    # walk25: "Storm Maren" was listed first among a storm story's people.
    from storyline.entities import link_entities

    texts = ["Two people were killed when Storm Orlagh struck Pellow County on Sunday night, "
             "police said.",
             "The death toll from Storm Orlagh rose to five on Tuesday.",
             "A canoeist missing since Hurricane Edsel was found alive on Thursday."]
    mentions = [m for index, text in enumerate(texts)
                for m in analyse(text, id=f"a{index}").mentions]
    names = {e.name for e in link_entities(mentions).entities if e.label == "PERSON"}
    assert not names & {"Storm Orlagh", "Orlagh", "Hurricane Edsel", "Edsel"}


def test_a_person_named_storm_is_still_a_person(analyse: Any) -> None:
    text = "Storm Halloran, 34, a lifeboat volunteer, said the crew had rescued six people."
    named = {(m.text, m.label) for m in analyse(text, id="a0").mentions}
    assert ("Storm Halloran", "PERSON") in named
