"""Two people of one surname: a titled name the tagger mislabels, and bare surnames.

All texts are fictional.
"""

from __future__ import annotations

from typing import Any

from storyline import pipeline
from storyline.entities import link_entities
from storyline.mentions import find_mentions

from .conftest import article, parsed_with_label

FERRY = (
    "A ferry struck the pier at Nordvik harbour on Thursday night, the port authority said."
    "\n\n\"Nobody was hurt, and that is what matters,\" Ferry Director Ilka Brandvold said at "
    "a briefing on Friday. She said the pier would stay shut.\n\n\"We do not know yet what "
    "failed,\" Brandvold added. \"We will find out.\"\n\nCouncillor Jonas Brandvold, who is "
    "not related to the director, asked for an inquiry. \"The town deserves answers,\" he "
    "said.")


def _people(index: Any) -> dict[str, Any]:
    return {e.name: e for e in index.entities if e.label == "PERSON"}


def _starts(entity: Any) -> set[int]:
    return {span.start for span in entity.mentions}


def test_a_titled_name_tagged_as_a_work_of_art_is_a_person(nlp: Any) -> None:
    doc = nlp(FERRY)
    titled = next(e for e in doc.ents if "Ilka" in e.text)
    assert titled.label_ != "PERSON"  # the small model's label this test is about
    people = _people(link_entities(find_mentions(doc, "a1")))
    assert set(people) == {"Ilka Brandvold", "Jonas Brandvold"}
    assert "ferry director" in people["Ilka Brandvold"].roles  # a common word keeps no capital
    added = FERRY.index("Brandvold added")
    assert added in _starts(people["Ilka Brandvold"])
    assert added not in _starts(people["Jonas Brandvold"])


def test_quotes_of_a_titled_director_are_hers_not_her_namesakes() -> None:
    quotes = pipeline.quotes_for([article(FERRY)])
    speakers = {q["text"]: q["speaker_name"] for q in quotes}
    assert speakers["Nobody was hurt, and that is what matters,"] == "Ilka Brandvold"
    assert speakers["We do not know yet what failed,"] == "Ilka Brandvold"
    assert speakers["The town deserves answers,"] == "Jonas Brandvold"


def test_a_surname_after_another_given_name_is_not_the_known_bearers(nlp: Any) -> None:
    """The article writes "Ilka Brandvold" (here the tagger calls it a work of art, with no
    title to go by): that "Brandvold" is not Jonas Brandvold's, whatever the labels say."""
    text = ("Councillor Jonas Brandvold asked for an inquiry on Monday. Later Ilka Brandvold "
            "told reporters the pier would reopen.")
    doc = parsed_with_label(nlp, text, "Ilka Brandvold", "WORK_OF_ART")
    start = text.index("Ilka")
    people = _people(link_entities(find_mentions(doc, "a1")))
    assert start + len("Ilka ") not in _starts(people["Jonas Brandvold"])
    assert "Ilka Brandvold" in people


def test_a_bare_surname_goes_to_the_one_bearer_introduced_before_it(analyse: Any) -> None:
    text = ("Harbour Master Petra Lindqvist closed the quay on Monday. Lindqvist said the "
            "storm had torn two moorings loose. Councillor Arne Lindqvist, who chairs the "
            "port committee, called for new moorings.")
    index = link_entities(list(analyse(text).mentions))
    people = _people(index)
    said = text.index("Lindqvist said")
    assert said in _starts(people["Petra Lindqvist"])
    assert said not in _starts(people["Arne Lindqvist"])


def test_mr_and_a_surname_goes_to_the_bearer_who_is_no_ones_relative(analyse: Any) -> None:
    """Two men named: "Mr. Vennik" is not his father, whom the text calls a relative."""
    text = ("Tomas Vennik, a harbour pilot for forty years, has died at 81. His father, Aksel "
            "Vennik, ran the ferry to Lunde. Mr. Vennik took over the pilot boat in 1968.")
    people = _people(link_entities(list(analyse(text).mentions)))
    took = text.index("Vennik took")
    assert took in _starts(people["Tomas Vennik"])
    assert took not in _starts(people["Aksel Vennik"])


def test_a_couple_sharing_a_surname_is_two_people(nlp: Any) -> None:
    text = ("The lighthouse has been sold for 415,000 pounds to Ines and Mark Calloway from "
            "Edinburgh, the board announced on Thursday. Mrs Calloway said they would open "
            "the tower to visitors.")
    doc = nlp(text)
    index = link_entities(find_mentions(doc, "a1"))
    assert {"Ines Calloway", "Mark Calloway"} <= set(_people(index))
    assert not [e for e in index.entities if e.label == "ORG" and e.name == "Ines"]
    # Without "Mrs Calloway" nothing says the two share a name: no person is made up
    deal = link_entities(find_mentions(nlp(
        "The deal between Kestrelsoft and Maria Lindqvist runs for five years."), "a3"))
    assert "Kestrelsoft Lindqvist" not in _people(deal)
    # A word in lower case before "and" is no given name.
    titled = link_entities(find_mentions(nlp("The mayor and Mark Calloway spoke."), "a2"))
    assert set(_people(titled)) == {"Mark Calloway"}
