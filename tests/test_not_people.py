"""Things written like names are no people or bodies: a tram line, a room, an outlet
after "the", a credit line. All texts are fictional."""

from __future__ import annotations

from typing import Any

from storyline import pipeline
from storyline.entities import link_entities
from storyline.mentions import find_mentions

from .conftest import article, parsed_with_label

TRAMS = (
    "Trams on the city's new Heronsgate Line stopped for two hours on Tuesday after a signal "
    "fault. She said the line would run normally on Wednesday.\n\nThe old signal box will be "
    "shown to visitors in the Copper Gallery of the transport museum from May. The museum's "
    "new Copper Gallery opens in May.\n\nThis story was distributed by Meridian Newswire.")


def _names(dossier: dict[str, Any], key: str) -> set[str]:
    return {entity["name"] for entity in dossier[key]}


def test_a_line_a_room_and_a_credited_outlet_are_no_actors() -> None:
    dossier = pipeline.build_dossier(*_one_story(TRAMS))
    assert "Heronsgate Line" not in _names(dossier, "people")
    assert not _names(dossier, "organizations") & {"Copper Gallery", "Meridian Newswire"}


def test_a_pronoun_does_not_resolve_to_a_tram_line() -> None:
    quotes = pipeline.quotes_for([article(TRAMS)])
    said = next(q for q in quotes if q["text"].startswith("the line would run"))
    assert said["speaker"] is None


def test_a_name_after_the_is_a_title_not_a_person(nlp: Any) -> None:
    """ "he told the Fenwick Rambler": with the tagger calling it a person (forced here, as
    the small model does for some outlets), it is the outlet, no one's name."""
    text = ("Race Director Ola Brandt said 900 riders had entered. \"We cannot ask people to "
            "ride in that heat,\" he told the Fenwick Rambler.")
    doc = parsed_with_label(nlp, text, "Fenwick Rambler", "PERSON")
    people = {e.name for e in link_entities(find_mentions(doc, "a1")).entities
              if e.label == "PERSON"}
    assert people == {"Ola Brandt"}


def _one_story(text: str) -> tuple[Any, list[Any]]:
    articles = [article(text)]
    return pipeline.single_story(articles), articles
