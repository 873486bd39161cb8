"""How a person's roles are written: one form each, lower-case as titles are. All texts
are fictional."""

from __future__ import annotations

from typing import Any

from storyline.entities import link_entities
from storyline.mentions import find_mentions


def _roles(analyse: Any, *texts: str) -> dict[str, tuple[str, ...]]:
    mentions = [m for i, text in enumerate(texts) for m in analyse(text, id=f"a{i}").mentions]
    return {e.name: e.roles for e in link_entities(mentions).entities if e.label == "PERSON"}


def test_a_title_capitalised_only_by_its_sentence_start_is_lower_case(nlp: Any) -> None:
    doc = nlp("The library will reopen on Friday.\n\nLibrary director Sanne Vos said the "
              "roof was safe.")
    roles = {m.name: m.role for m in find_mentions(doc, "a1") if m.kind == "name"}
    assert roles["Sanne Vos"] == "library director"
    # A team's name keeps its capital: the text writes it capitalised, not "harriers".
    doc = nlp("The Harriers lost again on Saturday.\n\nHarriers coach Ben Odell said the "
              "Harriers would train on Sunday.")
    roles = {m.name: m.role for m in find_mentions(doc, "a1") if m.kind == "name"}
    assert roles["Ben Odell"] == "Harriers coach"


def test_a_role_said_short_and_long_is_listed_the_long_way(analyse: Any) -> None:
    roles = _roles(analyse,
                   "\"It is a rare bowl,\" said Dr. Lotte Brink, the gallery's keeper of "
                   "ceramics.",
                   "The gallery's keeper, Lotte Brink, said the bowl would be shown in May.")
    assert roles["Lotte Brink"] == ("gallery's keeper of ceramics",)


def test_leading_a_study_is_a_role(nlp: Any) -> None:
    doc = nlp("\"The samples look clean,\" said Professor Tarik Holm, who leads the study. "
              "Ana Silva, who leads the march every year, spoke.")
    roles = {m.name: m.role for m in find_mentions(doc, "a1") if m.kind == "name"}
    assert roles["Tarik Holm"] == "head of the study"
    assert roles["Ana Silva"] is None
