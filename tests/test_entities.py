"""People and organisations: mentions, roles, linking within and across articles."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Span

from storyline import roles
from storyline.descriptions import denied_or_rival_in_text, is_person_noun
from storyline.entities import link_entities, org_key
from storyline.entity_kinds import settle_story_kinds
from storyline.entity_spans import mention_from_tokens
from storyline.headlines import is_headline
from storyline.mentions import find_mentions
from storyline.models import Mention
from storyline.names import given, name_parts, resolve_candidates, surname
from storyline.nominal_links import role_head
from storyline.people import Cluster
from storyline.roles import normalize_role
from tests.conftest import speaker_in_text as _speaker


def _entities(analyse: Any, *texts: str) -> Any:
    mentions = []
    for index, text in enumerate(texts):
        mentions.extend(analyse(text, id=f"a{index}").mentions)
    return link_entities(mentions)


def _person(index: Any, name: str) -> Any:
    found = [e for e in index.entities if e.label == "PERSON" and e.name == name]
    assert found, f"{name!r} not in {[e.name for e in index.entities]}"
    return found[0]


def test_roles_are_normalised() -> None:
    assert normalize_role("the Health Minister") == "health minister"
    assert normalize_role("The minister's spokesperson") == "minister's spokesperson"
    assert role_head("chief engineer at the Dunmore Engineering Institute") == "engineer"


def test_roles_module_does_not_import_mentions() -> None:
    """The seam is one-way: `mentions` reads roles through `roles`, never the reverse."""
    tree = ast.parse(Path(roles.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "descriptions" in imported  # the walk sees the module's relative imports
    assert "mentions" not in imported and "storyline.mentions" not in imported


def test_org_keys_unify_long_and_short_forms() -> None:
    assert org_key("the State Department") == org_key("U.S. Department of State")
    assert org_key("the Ministry of Transport") == org_key("Ministry of Transport")
    assert org_key("Kestrel Treatment Centre") == org_key("Kestrel Treatment Center")
    assert org_key("Ministry of Defence") == org_key("the Defense Ministry")


def test_full_name_surname_honorific_and_title_are_one_person(analyse: Any) -> None:
    index = _entities(analyse, "Health Minister Jane Q. Doe visited Dunmore on Monday. "
                               "Ms. Doe met nurses. Later Doe said the clinic would stay open.")
    jane = _person(index, "Jane Q. Doe")
    assert "health minister" in jane.roles
    assert {"Doe", "Ms. Doe"} <= set(jane.aliases)
    assert len(jane.mentions) >= 3


def test_apposition_gives_a_role(analyse: Any) -> None:
    index = _entities(analyse, "Amara Osei, the chief engineer, inspected the bridge. "
                               "The minister's spokesperson, Lena Marsh, praised her.")
    assert "chief engineer" in _person(index, "Amara Osei").roles
    assert "minister's spokesperson" in _person(index, "Lena Marsh").roles


def test_an_apposition_role_is_one_description_as_written(analyse: Any) -> None:
    index = _entities(analyse, "The fire was fought by crews led by Rosalind Achebe, the "
                               "town's fire chief and a 24-year veteran of the service. The "
                               "board appointed Lena Marsh, a nurse and a former union leader.")
    assert _person(index, "Rosalind Achebe").roles == ("town's fire chief",)
    assert _person(index, "Lena Marsh").roles == ("nurse",)


def test_people_merge_across_articles_with_all_aliases(analyse: Any) -> None:
    index = _entities(analyse,
                      "Mayor Ilse Varga closed the bridge. Varga said it was necessary.",
                      "Ilse Varga, the mayor of Dunmore, spoke to residents.",
                      "Ms. Varga did not answer questions.")
    varga = _person(index, "Ilse Varga")
    assert set(varga.articles) == {"a0", "a1", "a2"}
    assert "Ms. Varga" in varga.aliases


def test_two_people_with_one_surname_stay_apart(analyse: Any) -> None:
    index = _entities(analyse,
                      "Anna Smith, the health minister, opened the clinic.",
                      "Robert Smith, a farmer, said the road was closed. Smith was angry.")
    names = sorted(e.name for e in index.entities if e.label == "PERSON")
    assert names == ["Anna Smith", "Robert Smith"]
    robert = _person(index, "Robert Smith")
    assert "a1" in robert.articles and "a0" not in robert.articles


def test_bare_surname_with_two_candidates_is_not_merged(analyse: Any) -> None:
    index = _entities(analyse,
                      "Anna Smith and Robert Smith both attended the council meeting. "
                      "Smith left early.")
    anna, robert = sorted((e for e in index.entities if e.label == "PERSON"),
                          key=lambda e: e.name)
    assert (anna.name, robert.name) == ("Anna Smith", "Robert Smith")
    assert "Smith" not in anna.aliases and "Smith" not in robert.aliases


def test_acronym_joins_long_form(analyse: Any) -> None:
    index = _entities(analyse, "The Dunmore Engineering Institute (DEI) found cracks. "
                               "The DEI said more tests were needed.")
    orgs = [e for e in index.entities if e.label == "ORG"]
    institute = next(e for e in orgs if e.name == "Dunmore Engineering Institute")
    assert "DEI" in institute.aliases
    assert not any(e.name == "DEI" for e in orgs)


def test_a_spokeswoman_for_a_person_is_not_that_person_but_one_for_a_body_is_its_voice(
        analyse: Any) -> None:
    text = ("Governor Ilse Brannagh met the ferry crews on Monday. A spokeswoman for "
            "Governor Ilse Brannagh said the governor would not take sides. A spokesman "
            "for the Harbour Crews Union said the meeting was useful.")
    index = _entities(analyse, text)
    start = text.index("A spokeswoman")
    phrase = "A spokeswoman for Governor Ilse Brannagh"
    assert index.resolve("a0", start, start + len(phrase), phrase) is None
    start = text.index("A spokesman")
    phrase = "A spokesman for the Harbour Crews Union"
    union = index.resolve("a0", start, start + len(phrase), phrase)
    assert union is not None and index.get(union).label == "ORG"


def test_resolver_finds_role_descriptions(analyse: Any) -> None:
    text = ("The minister's spokesperson, Lena Marsh, spoke first. Transport Minister Tomas "
            "Brandt followed. The spokesperson said the visit would go ahead.")
    index = _entities(analyse, text)
    start = text.index("The spokesperson")
    found = index.resolve("a0", start, start + len("The spokesperson"), "The spokesperson")
    assert found == _person(index, "Lena Marsh").id
    assert index.resolve("a0", 0, 0, "the minister") == _person(index, "Tomas Brandt").id
    assert index.resolve("a0", 0, 0, "the engineer") is None


def test_resolver_reads_a_speaker_phrase_without_its_relative_clause(analyse: Any) -> None:
    text = ("The bridge was built in 1981 by Halvorsen Steel Works. Dr. Amara Osei, who "
            "led the inspection, found the cracks.")
    index = _entities(analyse, text)
    works = next(e for e in index.entities if e.name == "Halvorsen Steel Works")
    end = len(text)
    phrase = "Halvorsen Steel Works, which built the bridge"
    assert index.resolve("a0", end, end + len(phrase), phrase) == works.id
    phrase = "the engineer, who led the inspection"
    assert index.resolve("a0", end, end + len(phrase), phrase) is None


def test_places_are_not_people(analyse: Any) -> None:
    index = _entities(analyse, "Drivers were sent to the Mill Lane crossing near Dunmore. "
                               "Dunmore City Council met in Dunmore on Tuesday.")
    assert not [e for e in index.entities if e.label == "PERSON"]


def test_demo_people(bridge: dict[str, Any]) -> None:
    people = {p["name"]: p for p in bridge["people"]}
    assert {"Ilse Varga", "Tomas Brandt", "Amara Osei", "Lena Marsh", "Paul Fenwick"} <= set(
        people)
    assert len(people) <= 6
    assert "transport minister" in people["Tomas Brandt"]["roles"]
    assert "mayor" in people["Ilse Varga"]["roles"]
    assert "bus driver" in people["Paul Fenwick"]["roles"]
    assert "Dr. Osei" in people["Amara Osei"]["aliases"]
    assert len(people["Ilse Varga"]["articles"]) >= 8
    orgs = {o["name"] for o in bridge["organizations"]}
    assert {"Ministry of Transport", "Dunmore Engineering Institute", "Dunmore City Council",
            "Halvorsen Steel Works"} <= orgs
    texts = {a["id"]: a["text"] for a in bridge["articles"]}
    for person in bridge["people"]:
        for span in person["mentions"]:
            mention = texts[span["article"]][span["start"]:span["end"]]
            # A name, or a description resolved to the person ("the mayor").
            assert mention[:1].isupper() or mention.split()[0] in {"the", "this", "that"}, (
                person["name"], mention)


def test_demo_gallery_people_keep_their_roles(demo_dossiers: list[dict[str, Any]]) -> None:
    # "Curator Samuel Trent" and "Samuel Trent, the gallery's curator" once left no role.
    gallery = next(d for d in demo_dossiers if "Gallery" in d["story"]["title"])
    roles = {p["name"]: p["roles"] for p in gallery["people"]}
    assert roles["Samuel Trent"] == ["curator"]
    assert roles["Nadia Kovac"] == ["director"]


def test_headline_glued_to_a_name_is_trimmed(analyse: Any) -> None:
    index = _entities(analyse, "Lindsay Lohan Checks Into Rehab Again\n\nLindsay Lohan, the "
                               "actress, checked into a clinic on Monday. Lohan said nothing.")
    people = [e for e in index.entities if e.label == "PERSON"]
    assert [p.name for p in people] == ["Lindsay Lohan"]


def test_generational_suffix_is_not_a_surname(analyse: Any) -> None:
    index = _entities(analyse, "Martin Luther King Jr. spoke first. King was cheered.")
    king = _person(index, "Martin Luther King Jr.")
    assert "King" in king.aliases


# -- names spaCy gets wrong: cut, extended, or found through the story's own names ------

def _mentions_with_entity(nlp: Any, text: str, start: int, end: int, label: str) -> Any:
    """find_mentions on `text` where spaCy is made to tag tokens [start, end) as `label`."""
    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label=label)]
    return find_mentions(doc, "a0")


def test_name_is_cut_at_a_lower_case_word(nlp: Any) -> None:
    mentions = _mentions_with_entity(nlp, "The bridge was closed by Brandt in March.",
                                     5, 7, "ORG")
    assert [m.text for m in mentions if m.kind == "name"] == ["Brandt"]


def test_sentence_initial_verb_is_not_a_given_name(nlp: Any) -> None:
    mentions = _mentions_with_entity(nlp, "Joining Varga at the table was Tomas Brandt.",
                                     0, 2, "PERSON")
    assert [m.name for m in mentions if m.kind == "name"] == ["Varga"]


def test_name_stopped_at_a_middle_initial_is_extended(nlp: Any) -> None:
    text = "Frederick C . Halloran inspected the pier."
    mentions = _mentions_with_entity(nlp, text, 0, 2, "PERSON")
    name = next(m for m in mentions if m.kind == "name")
    assert text[name.start:name.end] == "Frederick C . Halloran"
    assert name.name == "Frederick C Halloran"


def test_trailing_initial_is_not_part_of_a_name(nlp: Any) -> None:
    mentions = _mentions_with_entity(nlp, "Amara Osei U. S. surgeon general nominee",
                                     0, 4, "PERSON")
    assert [m.name for m in mentions if m.kind == "name"] == ["Amara Osei"]


def test_two_people_in_one_entity_are_split(nlp: Any) -> None:
    text = "The court said Lopez and Carrasquillo were guilty."
    mentions = _mentions_with_entity(nlp, text, 3, 6, "PERSON")
    assert [m.name for m in mentions if m.kind == "name"] == ["Lopez", "Carrasquillo"]


def test_quoted_nickname_inside_a_name(analyse: Any) -> None:
    index = _entities(analyse, 'Deputy Luis "Lucho" Ferrante was shot outside a shop.',
                      "Lucho Ferrante, 35, had served for ten years.")
    people = [e for e in index.entities if e.label == "PERSON"]
    assert len(people) == 1
    assert set(people[0].articles) == {"a0", "a1"}
    assert "Luis Ferrante" in {people[0].name, *people[0].aliases}
    assert "deputy" in people[0].roles


def test_headline_words_split_into_the_story_people(analyse: Any) -> None:
    text = ("Varga Overrules Brandt On Bridge\n\n"
            "Mayor Ilse Varga said Transport Minister Tomas Brandt was wrong.")
    index = _entities(analyse, text)
    names = sorted(e.name for e in index.entities if e.label == "PERSON")
    assert names == ["Ilse Varga", "Tomas Brandt"]
    assert index.entity_at("a0", 0, 5) == _person(index, "Ilse Varga").id
    assert index.entity_at("a0", 16, 22) == _person(index, "Tomas Brandt").id


# -- the story as gazetteer (hand-made mentions: no spaCy) ---------------------------

def _name(article: str, text: str, start: int = 0, label: str = "PERSON",
          honorific: str | None = None, role: str | None = None) -> Mention:
    return Mention(article, text, start, start + len(text), label, name=text,
                   honorific=honorific, role=role)


def _unresolved(article: str, text: str, kind: str, label: str = "", start: int = 0
                ) -> Mention:
    return Mention(article, text, start, start + len(text), label, name=text, kind=kind)


def test_candidate_spelling_a_story_name_becomes_that_person() -> None:
    mentions = [_name("a0", "Amara Osei"), _unresolved("a1", "Osei", "candidate", "GPE"),
                _unresolved("a1", "Hugh Pallister", "candidate", "GPE", 20),
                _unresolved("a2", "Pallister", "candidate", "", 0)]
    resolved = resolve_candidates(mentions)
    assert [(m.article_id, m.name, m.kind) for m in resolved] == [
        ("a0", "Amara Osei", "name"), ("a1", "Osei", "name")]
    index = link_entities(mentions)
    assert [e.articles for e in index.entities] == [("a0", "a1")]


def test_word_the_story_uses_for_a_place_stays_a_place() -> None:
    mentions = [_name("a0", "Anna Dunmore"),
                *[_unresolved(f"a{i}", "Dunmore", "candidate", "GPE") for i in range(1, 4)]]
    assert [m.name for m in resolve_candidates(mentions)] == ["Anna Dunmore"]


def test_all_caps_headline_matches_the_story_name() -> None:
    headline = _unresolved("a1", "MAYOR VARGA CLOSES BRIDGE", "headline")
    resolved = resolve_candidates([_name("a0", "Ilse Varga"), headline])
    found = resolved[1]
    assert (found.name, found.start, found.end) == ("Varga", 6, 11)


def test_unknown_headline_words_are_dropped() -> None:
    mentions = [_name("a0", "Ilse Varga"),
                _unresolved("a1", "Bridge Closure Angers Commuters", "headline")]
    assert len(resolve_candidates(mentions)) == 1



def test_a_headline_surname_after_another_given_name_is_not_the_bearers() -> None:
    """ "Rhys Austin Charged" where the story names only Gareth Austin (his father): the
    surname after a given name the story does not give him is someone else's."""
    mentions = [_name("a0", "Gareth Austin"),
                _unresolved("a1", "Rhys Austin Charged", "headline"),
                _unresolved("a2", "Austin Charged", "headline")]
    assert [(m.article_id, m.name) for m in resolve_candidates(mentions)] == [
        ("a0", "Gareth Austin"), ("a2", "Austin")]

def test_a_headline_short_form_of_the_bearers_given_name_keeps_the_surname() -> None:
    """ "Rob Austin Charged", "Kate Lorr As Coach" where the story names Robert Austin and
    Katherine Lorr: a short or pet form of the given name the story gives is the bearer's
    (b5ac957 dropped the surname, losing the link)."""
    mentions = [_name("a0", "Robert Austin"), _name("a0", "Katherine Lorr", 30),
                _unresolved("a1", "Rob Austin Charged", "headline"),
                _unresolved("a2", "Kate Lorr As Coach", "headline")]
    assert [(m.article_id, m.name) for m in resolve_candidates(mentions)] == [
        ("a0", "Robert Austin"), ("a0", "Katherine Lorr"), ("a1", "Austin"), ("a2", "Lorr")]


def test_organisation_label_on_story_people() -> None:
    mentions = [_name("a0", "Amara Osei"), _name("a0", "Tomas Brandt", 20),
                _name("a1", "Kenyan Amara Osei", label="ORG"),
                _name("a2", "Osei and Brandt", label="ORG"),
                _name("a3", "Dunmore City Council", label="ORG"),
                _name("a4", "Halvorsen and Brandt", label="ORG")]
    resolved = resolve_candidates(mentions)
    assert [(m.article_id, m.name, m.label) for m in resolved[2:]] == [
        ("a1", "Amara Osei", "PERSON"), ("a2", "Osei", "PERSON"), ("a2", "Brandt", "PERSON"),
        ("a3", "Dunmore City Council", "ORG"), ("a4", "Halvorsen", "ORG"),
        ("a4", "Brandt", "PERSON")]
    assert (resolved[-2].start, resolved[-1].start) == (0, 14)


def test_letters_swapped_in_a_surname(analyse: Any) -> None:
    index = _entities(analyse, "Wladimir Halvorsen won the bout in Bern.",
                      "Halvrosen said he was tired after the fight.")
    assert set(_person(index, "Wladimir Halvorsen").articles) == {"a0", "a1"}


def test_short_all_caps_word_is_no_given_name() -> None:
    index = link_entities([_name("a0", "Dale Brannock"), _name("a1", "WR Brannock"),
                           _name("a1", "Brannock", 30)])
    people = [e for e in index.entities if e.label == "PERSON"]
    assert [p.name for p in people] == ["Dale Brannock"]
    assert set(people[0].articles) == {"a0", "a1"}


# -- one person across articles, or two ------------------------------------------------

def test_given_name_variants_are_one_person_but_different_names_are_not(
        analyse: Any) -> None:
    index = _entities(analyse,
                      "Fred Halloran, the harbour master, said the pier was unsafe.",
                      "Frederick C. Halloran inspected the pier on Monday.",
                      "Heidar Alishvandi, the governor, said 10 people were killed.",
                      "Heydar Alishvandi said the search continued.",
                      "Tom Pike and his brother Tim Pike run the ferry.")
    assert set(_person(index, "Frederick C. Halloran").articles) == {"a0", "a1"}
    alishvandi = [e for e in index.entities if "Alishvandi" in e.name]
    assert len(alishvandi) == 1 and set(alishvandi[0].articles) == {"a2", "a3"}
    assert _person(index, "Tom Pike").id != _person(index, "Tim Pike").id


def test_given_name_alone_in_another_article(analyse: Any) -> None:
    index = _entities(analyse, "Craig Osterhout signed the order.",
                      "Nobody expected it, Craig said.")
    assert set(_person(index, "Craig Osterhout").articles) == {"a0", "a1"}


def test_honorific_gender_settles_a_shared_surname(analyse: Any) -> None:
    text = ("John Jenkin, 23, was charged. His sister, Kathryn Jenkin, was found dead. "
            "Mr Jenkin said nothing. Jenkin was taken away.")
    index = _entities(analyse, text)
    john = _person(index, "John Jenkin")
    mr = text.index("Jenkin said")
    assert index.entity_at("a0", mr, mr + 6) == john.id
    # The bare surname is the bearer the story never calls someone's relative.
    bare = text.index("Jenkin was taken")
    assert index.entity_at("a0", bare, bare + 6) == john.id
    assert "sister" in _person(index, "Kathryn Jenkin").roles


def test_a_bare_surname_stays_apart_when_no_bearer_is_only_a_relative(analyse: Any) -> None:
    text = ("John Jenkin, 23, was charged. Kathryn Jenkin, a neighbour, was questioned. "
            "Jenkin was taken away.")
    index = _entities(analyse, text)
    bare = text.index("Jenkin was taken")
    assert index.entity_at("a0", bare, bare + 6) is None


def _mentions_without_entities(nlp: Any, text: str, label: str = "") -> Any:
    """find_mentions where spaCy found no entity (or labels every proper noun `label`)."""
    doc = nlp(text)
    propn = [t for t in doc if t.pos_ == "PROPN"]
    doc.ents = [Span(doc, t.i, t.i + 1, label=label) for t in propn] if label else []
    return [m for m in find_mentions(doc, "a0") if m.kind == "name"]


def test_proper_noun_with_an_age_or_honorific_is_a_person(nlp: Any) -> None:
    found = _mentions_without_entities(nlp, "Officers said Pallister, 59, was walking home.")
    assert [(m.name, m.label) for m in found] == [("Pallister", "PERSON")]
    found = _mentions_without_entities(nlp, "The report was read by Ms. Pallister on Monday.",
                                       "GPE")
    assert [(m.name, m.honorific) for m in found] == [("Pallister", "Ms.")]


def test_speaker_spacy_missed_is_a_person_but_not_a_place_or_body(nlp: Any) -> None:
    found = _mentions_without_entities(nlp, "The pier is not safe, Pallister said.")
    assert [m.name for m in found] == ["Pallister"]
    assert not _mentions_without_entities(nlp, "The pier is not safe, Dunmore said.", "GPE")
    assert not _mentions_without_entities(nlp, "The pier is closed, Dunmore Police said.")
    assert not _mentions_without_entities(nlp, "The team could miss Dunmore next week.",
                                          "GPE")


def test_variant_names_merge_only_without_a_clash() -> None:
    index = link_entities([_name("a0", "Heydar Alishvandi"), _name("a1", "Heidar Alishvandi"),
                           _name("a2", "Heydar Alishbandi")])
    assert len(index.entities) == 1
    index = link_entities([_name("a0", "Chris Pike"), _name("a1", "Christopher Pike"),
                           _name("a2", "Christine Pike")])
    assert len(index.entities) == 3
    index = link_entities([_name("a0", "Fred Pike", role="son"),
                           _name("a1", "Frederica Pike", role="wife")])
    assert len(index.entities) == 2


def test_candidate_given_name_of_one_person_joins_them() -> None:
    mentions = [_name("a0", "Osric Varnum"), _unresolved("a1", "Osric", "candidate", "PRODUCT")]
    index = link_entities(mentions)
    assert [(e.name, e.articles) for e in index.entities] == [("Osric Varnum", ("a0", "a1"))]
    index = link_entities([*mentions, _name("a2", "Osric Brand")])
    assert index.entity_at("a1", 0, 5) is None


def test_entity_across_a_line_break_is_two_names(nlp: Any) -> None:
    text = "Falcons\n\nQuarterback Dale Brannock was nearly perfect."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, len(doc) - 4, label="ORG")]
    spans = [text[m.start:m.end] for m in find_mentions(doc, "a0") if m.kind == "name"]
    assert "Falcons" in spans and all("\n" not in s for s in spans)
    assert any(s.endswith("Dale Brannock") for s in spans)


def test_given_name_outside_a_mislabelled_surname_joins_it(nlp: Any) -> None:
    text = "The receptionist, Madeline Kafoury, was shot dead."
    doc = nlp(text)
    surname_token = next(t for t in doc if t.text == "Kafoury")
    doc.ents = [Span(doc, surname_token.i, surname_token.i + 1, label="GPE")]
    # A candidate, or a person's name outright since "The receptionist" stands beside it.
    found = [m for m in find_mentions(doc, "a1") if m.kind in {"candidate", "name"} and
             "Kafoury" in m.text]
    assert [m.text for m in found] == ["Madeline Kafoury"]
    index = link_entities([_name("a0", "Madeline Kafoury"), *found])
    assert [e.articles for e in index.entities] == [("a0", "a1")]


def test_bare_surname_joins_a_person_known_by_a_variant_surname() -> None:
    index = link_entities([_name("a0", "Duncan Robert Rait"), _name("a1", "Duncan Raite"),
                           _name("a2", "Raite")])
    assert [e.articles for e in index.entities] == [("a0", "a1", "a2")]


# -- organisations ----------------------------------------------------------------------

def test_capital_speaking_for_its_government_stays_a_place(analyse: Any) -> None:
    index = _entities(analyse, "Officials in Washington were surprised. Washington said it "
                               "would respond to the sanctions, Reuters reported.")
    assert [e.name for e in index.entities] == ["Reuters"]


def test_person_label_on_a_university_is_an_organisation(nlp: Any) -> None:
    mentions = _mentions_with_entity(nlp, "Experts at Halvorsen Varga University disagreed.",
                                     2, 5, "PERSON")
    assert [(m.name, m.label) for m in mentions if m.kind == "name"] == [
        ("Halvorsen Varga University", "ORG")]


def test_long_and_short_forms_of_a_department_are_one_organisation(analyse: Any) -> None:
    text = ("The State Department said the embassy was closed. A spokesman for the U.S. "
            "Department of State, Lena Marsh, said the department would review security.")
    index = _entities(analyse, text, "The Department of State declined to comment.")
    orgs = [e for e in index.entities if e.label == "ORG"]
    assert len(orgs) == 1 and set(orgs[0].articles) == {"a0", "a1"}
    start = text.index("the department")
    assert index.entity_at("a0", start, start + len("the department")) == orgs[0].id
    assert "spokesman for the U.S. Department of State" in _person(index, "Lena Marsh").roles


def test_description_joins_a_person_named_before_it(analyse: Any) -> None:
    text = ("The minister arrived late. Transport Minister Tomas Brandt then spoke. "
            "The minister said the bridge would reopen.")
    index = _entities(analyse, text)
    brandt = _person(index, "Tomas Brandt").id
    later = text.rindex("The minister")
    assert index.entity_at("a0", later, later + 12) == brandt
    assert index.entity_at("a0", 0, 12) is None


def test_headline_title_word_joins_the_one_person_given_that_role(analyse: Any) -> None:
    text = ("Actress Checks Into Clinic In Fictional Harbourtown\n\n"
            "Actress Jane Roe checked into a clinic on Monday, her publicist Tom Pike said. "
            "The actress has been treated there before.")
    index = _entities(analyse, text)
    roe = _person(index, "Jane Roe")
    assert roe.roles == ("actress",)  # a person noun as a title, lower-cased
    assert index.entity_at("a0", 0, len("Actress")) == roe.id
    later = text.index("The actress")
    assert index.entity_at("a0", later, later + len("The actress")) == roe.id
    assert _person(index, "Tom Pike").id != roe.id


def test_headline_title_word_with_two_holders_stays_unlinked(analyse: Any) -> None:
    text = ("Actress Checks Into Clinic In Fictional Harbourtown\n\n"
            "Actress Jane Roe won the prize on Monday. Actress Mia Doe came second.")
    index = _entities(analyse, text)
    for name in ("Jane Roe", "Mia Doe"):
        assert all(m.start > 0 for m in _person(index, name).mentions)


def test_roles_ending_in_s_keep_their_letters() -> None:
    assert normalize_role("The Actress") == "actress"
    assert normalize_role("Boss") == "boss"


def test_apposition_roles_are_nouns_for_people(nlp: Any) -> None:
    for phrase in ("the publicist", "his sister", "a swimmer", "the defendant", "the boss"):
        assert is_person_noun(nlp(phrase)[-1]), phrase
    for phrase in ("her new fashion line", "good luck", "a pugilist's face", "the hearing"):
        assert not is_person_noun(nlp(phrase)[-1]), phrase


def test_organisation_label_with_an_age_is_a_person(nlp: Any) -> None:
    mentions = _mentions_with_entity(nlp, "Madeline Kafoury, 63, was shot dead.", 0, 2, "ORG")
    assert [(m.name, m.label) for m in mentions if m.kind == "name"] == [
        ("Madeline Kafoury", "PERSON")]


def test_organisation_label_in_apposition_to_a_person_noun_is_a_person(nlp: Any) -> None:
    text = "The authority's chief executive, Ivo Brandt, apologised to customers."
    mentions = _mentions_with_entity(nlp, text, 6, 8, "ORG")
    assert [(m.name, m.label) for m in mentions if m.kind == "name"] == [
        ("Ivo Brandt", "PERSON")]


def test_title_case_lines_are_headlines_but_lists_of_names_are_not(nlp: Any) -> None:
    assert is_headline(list(nlp("Varga Overrules Brandt On Kestrel Bridge")))
    assert is_headline(list(nlp("MAYOR CLOSES KESTREL BRIDGE")))
    assert not is_headline(list(nlp("The mayor closed the Kestrel Bridge on Monday.")))
    assert not is_headline(list(nlp("Ilse Varga, Tomas Brandt and Amara Osei")))


def test_given_name_that_names_a_place_as_often_stays_a_place() -> None:
    mentions = [_name("a0", "Jordan Pike"), _unresolved("a1", "Jordan", "candidate", "GPE")]
    assert [m.name for m in resolve_candidates(mentions)] == ["Jordan Pike"]
    mentions.append(_name("a2", "Jordan Pike"))
    assert [m.name for m in resolve_candidates(mentions)] == [
        "Jordan Pike", "Jordan", "Jordan Pike"]


def test_bare_surname_joins_the_story_subject_its_article_names_first(analyse: Any) -> None:
    texts = ("Tobias Marsh scored twice for Dunmore Rovers on Saturday. His mother, Lena "
             "Marsh, watched from the stands. Marsh dedicated both goals to the fans.",
             "Tobias Marsh was named player of the week.",
             "Dunmore Rovers offered Tobias Marsh a new contract.")
    index = _entities(analyse, *texts)
    bare = texts[0].index("Marsh dedicated")
    assert index.entity_at("a0", bare, bare + 5) == _person(index, "Tobias Marsh").id
    assert _person(index, "Lena Marsh").id != _person(index, "Tobias Marsh").id


def test_bare_surname_joins_the_bearer_of_its_own_event(analyse: Any) -> None:
    texts = ("Tobias Marsh scored twice for Dunmore Rovers. Coach Ilse Varga "
             "praised him after the match.",
             "Judge Hanna Marsh sentenced the smuggler Piet Oduya to ten years in Kestrel.",
             "Coach Ilse Varga said Marsh had earned his place in the team.")
    index = _entities(analyse, *texts)
    bare = texts[2].index("Marsh had")
    assert index.entity_at("a2", bare, bare + 5) == _person(index, "Tobias Marsh").id
    assert "a2" not in _person(index, "Hanna Marsh").articles


def _with_entities(nlp: Any, text: str, *spans: tuple[str, str]) -> list[Mention]:
    """find_mentions where spaCy's entities are exactly these (text, label) spans."""
    doc = nlp(text)
    ents, end = [], 0
    for words, label in spans:  # in text order
        start = text.index(words, end)
        end = start + len(words)
        span = doc.char_span(start, end, label=label)
        assert span is not None
        ents.append(span)
    doc.ents = ents
    return find_mentions(doc, "a0")


def test_single_word_used_as_a_thing_is_no_person(nlp: Any) -> None:
    found = _with_entities(nlp, "Jolene Marr won an Oscar on Sunday. Her publicist said Marr "
                                "would enter Rehab on Monday.",
                           ("Jolene Marr", "PERSON"), ("Oscar", "PERSON"), ("Marr", "PERSON"),
                           ("Rehab", "PERSON"))
    names = {(m.name, m.kind) for m in found if m.label == "PERSON"}
    assert ("Oscar", "candidate") in names and ("Rehab", "candidate") in names
    assert ("Jolene Marr", "name") in names
    resolved = resolve_candidates(found)
    assert {m.name for m in resolved if m.label == "PERSON" and m.kind == "name"} == {
        "Jolene Marr", "Marr"}


def test_single_word_person_with_person_context_stays_a_person(nlp: Any) -> None:
    found = _with_entities(nlp, "Zandrine sang three songs. Fans waited for Zandrine's "
                                "encore, and Zandrine came back.",
                           ("Zandrine", "PERSON"))
    assert [(m.name, m.kind) for m in found if m.label == "PERSON"] == [("Zandrine", "name")]
    found = _with_entities(nlp, "Zandrine sang three songs. Later the crowd cheered "
                                "Zandrine.", ("Zandrine", "PERSON"), ("Zandrine", "PERSON"))
    resolved = resolve_candidates(found)
    assert [m.kind for m in resolved if m.name.startswith("Zandrine")] == ["name", "name"]


def test_organisation_label_on_someone_called_she_is_a_person(nlp: Any) -> None:
    for text in ("Jolene Marr said she would sing again in June.",
                 "Jolene Marr checked into a clinic on Monday. She was tired, friends said."):
        found = _with_entities(nlp, text, ("Jolene Marr", "ORG"))
        assert [(m.name, m.label) for m in found if m.kind == "name"] == [
            ("Jolene Marr", "PERSON")], text
    text = ("Ada Roe spoke first at the rally. Workers cheered. Kestrel Mining cut 200 "
            "jobs in May. She said it was a shame.")
    found = _with_entities(nlp, text, ("Ada Roe", "PERSON"), ("Kestrel Mining", "ORG"))
    assert ("Kestrel Mining", "ORG") in [(m.name, m.label) for m in found]


def test_a_town_tagged_as_a_person_stays_a_place(nlp: Any) -> None:
    text = ("Nurses at the hospital in Marrow Falls walked out. The Marrow Falls Nurses Union "
            "said the strike would last a week.")
    found = _with_entities(nlp, text, ("Marrow Falls", "PERSON"),
                           ("Marrow Falls Nurses Union", "ORG"))
    assert [(m.name, m.label) for m in found if m.kind == "name"] == [
        ("Marrow Falls Nurses Union", "ORG")]


def test_a_radio_station_tagged_as_a_person_is_an_organisation(nlp: Any) -> None:
    text = "The chief executive told Marrow Falls Radio the hospital was ready to talk."
    found = _with_entities(nlp, text, ("Marrow Falls Radio", "PERSON"))
    assert [(m.name, m.label) for m in found if m.kind == "name"] == [
        ("Marrow Falls Radio", "ORG")]


def test_a_name_modifying_a_thing_is_no_organisation(nlp: Any) -> None:
    found = _with_entities(nlp, "Bike lanes were approved by the council on Monday.",
                           ("Bike", "ORG"))
    assert [m for m in found if m.kind == "name"] == []
    found = _with_entities(nlp, "A Kestrel spokesman said the ferry would sail on Monday.",
                           ("Kestrel", "ORG"))
    assert [(m.name, m.label) for m in found if m.kind == "name"] == [("Kestrel", "ORG")]


def test_a_hospital_tagged_as_a_building_is_an_organisation(nlp: Any) -> None:
    text = "About 900 nurses at St. Ebba's Hospital walked off the job on Monday."
    found = _with_entities(nlp, text, ("St. Ebba's Hospital", "FAC"))
    assert [(m.name, m.label) for m in found if m.kind == "name"] == [
        ("St. Ebba's Hospital", "ORG")]


def test_an_organisation_acting_on_him_or_her_stays_an_organisation(nlp: Any) -> None:
    for text in ("Dunmore United sacked him in March after six straight defeats.",
                 "Kestrel Airways told her the flight had been cancelled.",
                 "Harbour Trust paid him 40,000 euros in compensation last year."):
        name = text.split(" sacked")[0].split(" told")[0].split(" paid")[0]
        found = _with_entities(nlp, text, (name, "ORG"))
        assert (name, "ORG") in [(m.name, m.label) for m in found], text


def test_organisation_label_on_a_name_the_story_gives_an_honorific() -> None:
    mentions = [_name("a0", "Jolene Marr", label="ORG"),
                _name("a1", "Marr", honorific="Ms."),
                _name("a2", "Kestrel Mining", label="ORG")]
    resolved = resolve_candidates(mentions)
    assert [(m.name, m.label) for m in resolved] == [
        ("Jolene Marr", "PERSON"), ("Marr", "PERSON"), ("Kestrel Mining", "ORG")]


def test_bare_given_name_of_two_people_stays_apart_even_in_one_event(analyse: Any) -> None:
    texts = ("Tobias Marsh scored twice for Dunmore Rovers. Coach Ilse Varga praised him.",
             "Judge Tobias Kline sentenced the smuggler Piet Oduya to ten years.",
             "Coach Ilse Varga said Tobias had earned his place in the team.")
    index = _entities(analyse, *texts)
    bare = texts[2].index("Tobias")
    found = index.entity_at("a2", bare, bare + 6)
    assert found not in {_person(index, "Tobias Marsh").id, _person(index, "Tobias Kline").id}


def test_one_word_person_after_a_place_preposition_is_a_candidate(nlp: Any) -> None:
    found = _with_entities(nlp, "Crews from Kestrelby tackled the blaze.",
                           ("Kestrelby", "PERSON"))
    assert [(m.name, m.kind) for m in found] == [("Kestrelby", "candidate")]
    found = _with_entities(nlp, "The murder of Zandrine shocked the town.",
                           ("Zandrine", "PERSON"))
    assert [(m.name, m.kind) for m in found] == [("Zandrine", "name")]


def test_headline_person_noun_joins_the_article_central_person(analyse: Any) -> None:
    text = ("Dunmore Teen Charged After Crash On Mill Road\n\nTobias Marsh, 16, was charged "
            "after his car hit a van on Tuesday. Marsh was taken to a police station. Police "
            "said Marsh had no licence. His teacher, Ilse Varga, visited him.")
    index = _entities(analyse, text)
    start = text.index("Teen")
    assert index.entity_at("a0", start, start + 4) == _person(index, "Tobias Marsh").id


def test_headline_noun_for_a_victim_is_not_the_suspect_named_most(analyse: Any) -> None:
    text = ("Cyclist Killed In Dunmore Crash\n\nA 52-year-old man riding a bicycle died on "
            "Tuesday after being struck by a van on Kestrel Road. The van's driver, Tomas "
            "Brenn, 34, was arrested at the scene. Brenn was questioned for several hours. "
            "Brenn was later released on bail. Police said Brenn had not been drinking.")
    index = _entities(analyse, text)
    start = text.index("Cyclist")
    assert index.entity_at("a0", start, start + 7) is None


def test_headline_person_noun_beside_a_name_is_someone_else(analyse: Any) -> None:
    text = ("Jolene Marr Rehires Her Attorney After Arrest\n\nJolene Marr was arrested on "
            "Monday. Marr spent a night in jail. Marr was released on bail. Her attorney, "
            "whose name was not given, said nothing.")
    index = _entities(analyse, text)
    start = text.index("Attorney")
    assert index.entity_at("a0", start, start + 8) is None


def test_a_spun_copy_gives_no_titles_or_roles(bridge: dict[str, Any]) -> None:
    """The demo's spun copy calls the transport minister "Carriage Minister"."""
    spun = {p["article"] for p in bridge["provenance"] if p["kind"] == "spun"}
    assert spun
    brandt = next(p for p in bridge["people"] if p["name"] == "Tomas Brandt")
    assert set(brandt["articles"]) & spun  # still linked there
    said = " ".join(brandt["aliases"] + brandt["roles"]).lower()
    assert "carriage" not in said and "transport minister" in said


def test_description_beside_a_name_is_that_person_not_an_earlier_holder(analyse: Any
                                                                         ) -> None:
    """A fictional club: the former coach is named first; "the Harbour City coach, Dan
    Marsh" is Marsh (apposition), not the earlier holder of the role."""
    text = ("Former coach Ray Tolliver left Harbour City in March. The Harbour City coach, "
            "Dan Marsh, said the team would recover. Tolliver did not comment.")
    index = _entities(analyse, text)
    start = text.index("The Harbour City coach")
    assert index.entity_at("a0", start, start + 22) == _person(index, "Dan Marsh").id
    assert "former coach" in _person(index, "Ray Tolliver").roles


def test_description_joined_by_is_names_its_person(analyse: Any) -> None:
    text = ("Ray Tolliver coached the Harbour City Rovers for a decade. Dan Marsh is the new "
            "coach of the side.")
    index = _entities(analyse, text)
    start = text.index("the new coach")
    assert index.entity_at("a0", start, start + 13) == _person(index, "Dan Marsh").id


def test_description_joined_by_became_names_its_person(analyse: Any) -> None:
    # "became" sets a person beside what they are, as "is" does; a second description
    # joined by "and" to the first too ("the first woman and first Vell-born president")
    text = ("Dr. Ilse Marwood, 52, became the first woman and first Tessbury president of the "
            "Vell Medical Society in 2002.")
    index = _entities(analyse, text)
    start = text.index("first Tessbury president")
    assert index.entity_at("a0", start, start + 24) == _person(index, "Ilse Marwood").id


@pytest.mark.parametrize(("text", "description", "person"), [
    ("Dario Venn was named the new Tessbury coach on Monday.", "new Tessbury coach",
     "Dario Venn"),
    ("Ada Rusk was elected the first Vellish mayor of Tessbury on Sunday.",
     "first Vellish mayor", "Ada Rusk"),
    ("The governor nominated Ada Rusk to be the next Tessbury judge.", "next Tessbury judge",
     "Ada Rusk"),
    ("Dario Venn served as the Tessbury coach for six years.", "Tessbury coach", "Dario Venn"),
])
def test_a_job_a_verb_gives_a_name_describes_that_person(analyse: Any, text: str,
                                                          description: str, person: str
                                                          ) -> None:
    index = _entities(analyse, text)
    start = text.index(description)
    assert index.entity_at("a0", start, start + len(description)) == \
        _person(index, person).id


def test_a_job_given_two_people_or_taken_from_one_names_no_one(analyse: Any) -> None:
    # plural: the job is no one person's; "replaced X as coach": the job is no longer X's
    text = ("Ada Rusk replaced Tom Fell as the Tessbury coach on Monday. Tom Fell and Eli "
            "Park are the Vell coaches.")
    index = _entities(analyse, text)
    people = {_person(index, name).id for name in ("Ada Rusk", "Tom Fell")}
    for description in ("the Tessbury coach", "the Vell coaches"):
        start = text.index(description)
        assert index.entity_at("a0", start, start + len(description)) not in people


def test_a_former_holder_is_not_the_present_one(analyse: Any) -> None:
    """ "the coach" after "former coach Ray Tolliver" is not Tolliver; "the former coach"
    is."""
    text = ("Former coach Ray Tolliver watched from the stands on Sunday. The coach said the "
            "players had worked hard. The former coach left before the end.")
    index = _entities(analyse, text)
    tolliver = _person(index, "Ray Tolliver").id
    now, then = text.index("The coach"), text.index("The former coach")
    assert index.entity_at("a0", now, now + 9) is None
    assert index.entity_at("a0", then, then + 16) == tolliver


def test_a_people_word_before_a_name_describes_that_person(analyse: Any) -> None:
    """A fictional bout: "American challenger Tom Braddock" makes "the 40-year-old
    American" Braddock, not his opponent."""
    text = ("American challenger Tom Braddock lost to Ivan Petrov on Saturday. The "
            "40-year-old American never recovered. Petrov said little.")
    index = _entities(analyse, text)
    start = text.index("The 40-year-old American")
    assert index.entity_at("a0", start, start + 24) == _person(index, "Tom Braddock").id


def test_a_description_needs_its_person_named_in_the_article(analyse: Any) -> None:
    """The story describes Braddock as an American in one article; another article that
    names only a different man keeps its "the American" unlinked."""
    index = _entities(analyse,
                      "American challenger Tom Braddock lost to Ivan Petrov on Saturday.",
                      "Ivan Petrov won again. The 40-year-old American had no answer.")
    start = "Ivan Petrov won again. ".__len__()
    assert index.entity_at("a1", start, start + 24) is None


def test_a_description_with_another_persons_name_is_not_that_person(analyse: Any) -> None:
    """ "Dahl's lawyer" is someone else than Dahl: no description of Dahl."""
    text = ("Mayor Oren Dahl was charged on Monday. Dahl's lawyer said he would appeal. "
            "Dahl did not speak.")
    mentions = analyse(text).mentions
    assert not any(m.kind == "description" and "Dahl" in m.text for m in mentions)


def test_a_place_description_beside_a_name_describes_that_person_later_too(analyse: Any
                                                                           ) -> None:
    """A fictional trial: "Leeds mother of three, Zora Hale" makes the later "a Leeds
    mother" Hale, not the man convicted of killing her."""
    text = ("Prosecutors showed video in the trial of Leeds mother of three, Zora Hale. Kit "
            "Varga was convicted on Tuesday of killing a Leeds mother in 2024.")
    index = _entities(analyse, text)
    hale = _person(index, "Zora Hale").id
    later = text.index("a Leeds mother")
    assert index.entity_at("a0", later, later + 14) == hale
    assert len(_person(index, "Kit Varga").mentions) == 1


def test_headline_noun_set_beside_a_name_describes_it(analyse: Any) -> None:
    text = ("Margaret Whitford, Harbour Mayor Who Built The Kestrel Bridge, Dies At 80\n\n"
            "Margaret Whitford died on Sunday at her home in Dunmore. Whitford led the town "
            "for twenty years. Her successor, Ana Ruiz, said the town owed her a great deal.")
    index = _entities(analyse, text)
    start = text.index("Mayor")
    assert index.entity_at("a0", start, start + 5) == _person(index, "Margaret Whitford").id


def test_headline_noun_after_a_comma_and_before_a_verb_is_someone_else(analyse: Any
                                                                       ) -> None:
    """ "Lena Brandt, Coach Questioned": a list of two people, not an apposition."""
    text = ("Lena Brandt, Coach Questioned Over Fixed Match\n\nLena Brandt was questioned by "
            "police on Monday. Brandt said little. Brandt was released in the evening. The "
            "club's coach, Piet Moller, was also questioned.")
    index = _entities(analyse, text)
    start = text.index("Coach")
    assert index.entity_at("a0", start, start + 5) != _person(index, "Lena Brandt").id


def test_a_lead_description_restated_with_a_name_is_that_person(analyse: Any) -> None:
    """A fictional lead that names its subject late: same verb, next sentence."""
    text = ("A suspected Harbour Syndicate boss has hanged himself in his cell in Dunmore. "
            "Tomas Rellini, 52, hanged himself hours after his arrest, police said.")
    index = _entities(analyse, text)
    start = text.index("A suspected")
    assert index.entity_at("a0", start, start + 35) == _person(index, "Tomas Rellini").id


def test_a_two_word_headline_in_capitals_names_the_storys_person(analyse: Any) -> None:
    index = _entities(analyse, "A jury on Monday convicted Tobiah Quennell of setting fire "
                               "to the Harbour Inn.",
                      "QUENNELL GUILTY\n\nA Kestrel Bay jury found the former barman guilty "
                      "on Monday.")
    assert index.entity_at("a1", 0, 8) == _person(index, "Tobiah Quennell").id


def test_a_double_barrelled_surname_spacy_tags_a_people_is_the_storys_person(
        analyse: Any) -> None:
    # "Brannagh-Oyelaran" is tagged NORP: one candidate (not "Brannagh" and "Oyelaran"),
    # and a people's tag on a hyphenated word is no vote for a place
    index = _entities(analyse,
                      "Xochitl Brannagh-Oyelaran won the 400m final. Brannagh-Oyelaran, 19, "
                      "set a personal best.",
                      "Brannagh-Oyelaran said she was delighted. Senator Ana Ruiz (D-Idaho) "
                      "sent her congratulations.")
    assert set(_person(index, "Xochitl Brannagh-Oyelaran").articles) == {"a0", "a1"}
    assert not [e for e in index.entities if "Idaho" in e.name and e.label == "PERSON"]


def test_name_parts_keep_a_surnames_particles_with_it() -> None:
    assert name_parts("Pieter van der Merwe") == ["Pieter", "van der Merwe"]
    assert surname("Maria de la Cruz Jr.") == "de la Cruz"
    assert given("De la Cruz") is None and given("van der Merwe") is None
    # a capitalised first particle may be a given name; inside a name it is a particle
    assert given("Van Morrison") == "Van" and given("Al Gore") == "Al"
    assert surname("Herman Van Rompuy") == "Van Rompuy"


def test_a_surname_with_particles_is_the_one_person_named_so_in_full(analyse: Any) -> None:
    # "van der Merwe" and "De la Cruz" are bare surnames, not a given name "van" or "De"
    # and a surname; nor is "Merwe", where the tagger leaves the particles out, anyone else
    index = _entities(
        analyse,
        "Pieter van der Merwe, the ship's captain, was arrested on Monday. Maria de la "
        "Cruz, a passenger, said the ship listed badly.",
        "Police said van der Merwe had been drinking. De la Cruz was treated in hospital.")
    merwe, cruz = _person(index, "Pieter van der Merwe"), _person(index, "Maria de la Cruz")
    assert set(merwe.articles) == set(cruz.articles) == {"a0", "a1"}
    assert not [e for e in index.entities if e.label == "PERSON" and
                e.name not in {"Pieter van der Merwe", "Maria de la Cruz"}]


def test_a_capitalised_particle_is_a_given_name_unless_the_story_says_surname(
        analyse: Any) -> None:
    # "Van Rompuy" is Herman Van Rompuy's surname; "Van Morrison" is someone else
    index = _entities(analyse, "President Herman Van Rompuy opened the summit on Monday.",
                      "Van Rompuy said the talks would last two days. Van Morrison played "
                      "at the dinner.")
    assert set(_person(index, "Herman Van Rompuy").articles) == {"a0", "a1"}
    assert _person(index, "Van Morrison").articles == ("a1",)


def test_a_lead_victim_restated_with_a_name_is_that_person(analyse: Any) -> None:
    """A fictional lead that names its victim late: the same deed done to a description
    and, in the next sentence, to one name ("was shot" / "charged with shooting")."""
    text = ("A video shows the moment a Leeds mother of five was shot outside a school. "
            "The footage was shown at the trial of Tobiah Quennell, who is charged with "
            "shooting Helen Carter.")
    index = _entities(analyse, text)
    start = text.index("a Leeds mother")
    assert index.entity_at("a0", start, start + 14) == _person(index, "Helen Carter").id
    text = ("Guilty verdict for the murderer of a Leeds mother of five. A jury found Tobiah "
            "Quennell guilty of the murder of Helen Carter on Monday.")
    index = _entities(analyse, text)
    start = text.index("a Leeds mother")
    assert index.entity_at("a0", start, start + 14) == _person(index, "Helen Carter").id


def test_a_lead_victim_is_not_one_of_two_victims_nor_someone_else_a_deed_is_done_to(
        analyse: Any) -> None:
    for text in ("A video shows the moment a Leeds mother of five was shot outside a "
                 "school. Tobiah Quennell is charged with shooting Helen Carter and Ann "
                 "Brody.",
                 "A video shows the moment a Leeds mother of five was shot outside a "
                 "school. Police later arrested Helen Carter at her home."):
        index = _entities(analyse, text)
        start = text.index("a Leeds mother")
        assert index.entity_at("a0", start, start + 14) not in {
            e.id for e in index.entities if e.label == "PERSON"}, text


def test_a_lead_description_is_not_a_person_doing_something_else(analyse: Any) -> None:
    """ "A gunman shot an officer ... Officer Helen Carter died": different deeds, two
    people."""
    text = ("A Leeds gunman shot a police officer outside a bank on Monday. Officer Helen "
            "Carter died in hospital. Police are searching for the gunman.")
    mentions = analyse(text).mentions
    assert any(m.kind == "description" and m.text == "A Leeds gunman" for m in mentions)
    index = link_entities(mentions)
    assert index.entity_at("a1", 0, 14) is None


def test_a_bare_surname_beside_a_named_relative_is_the_other_bearer(analyse: Any) -> None:
    text = ("Police charged John Jenkin on Monday. His sister, Kate Jenkin, 20, was found "
            "dead at the family home. Jenkin was arrested at the pier.")
    index = _entities(analyse, text)
    start = text.rindex("Jenkin")
    assert index.entity_at("a0", start, start + 6) == _person(index, "John Jenkin").id


def test_a_bare_surname_elsewhere_is_not_the_bearers_relative(analyse: Any) -> None:
    """In an article naming neither Jenkin, the bare surname goes to John Jenkin only
    where the story names him in twice as many articles as his sister: the relative word
    alone does not tell (see `test_false_merges`: the son of "Her son, Idris Khalil" is
    the one remanded)."""
    named = ("Police charged John Jenkin on Monday. His sister, Kate Jenkin, 20, was "
             "found dead at the family home.")
    bare = "Jenkin appeared in court in Dunmore on Tuesday. Jenkin said nothing."
    index = _entities(analyse, named, bare)
    assert index.entity_at("a1", 0, 6) != _person(index, "Kate Jenkin").id
    assert index.entity_at("a1", 0, 6) != _person(index, "John Jenkin").id
    index = _entities(analyse, named, bare, "John Jenkin, 24, was held in Dunmore.")
    assert index.entity_at("a1", 0, 6) == _person(index, "John Jenkin").id


def test_someones_relative_gives_no_description_to_learn(analyse: Any) -> None:
    """ "Ivan Petrov's Ukrainian brother": "Ukrainian" may be the family's, so the story
    does not learn it as the brother's description."""
    text = ("Ivan Petrov won on Saturday. Ivan Petrov's Ukrainian brother, Oleg, watched "
            "from the front row.")
    mentions = analyse(text).mentions
    assert not any(m.kind == "description" and "brother" in m.text for m in mentions)


def test_a_lead_description_restates_a_deed_not_a_say_or_a_be(analyse: Any) -> None:
    text = ("A Leeds man said the bridge was unsafe on Monday. Tomas Rellini said the council "
            "had known for years.")
    mentions = analyse(text).mentions
    assert any(m.kind == "description" and m.text == "A Leeds man" for m in mentions)
    index = link_entities(mentions)
    assert index.entity_at("a1", 0, 11) is None


def test_a_description_before_a_speakers_name_is_not_the_speaker(analyse: Any) -> None:
    """ "was a Leeds teacher, Helen Carter said": Carter speaks, she is not described."""
    text = ("The man who was shot was a Leeds teacher, Helen Carter said on Monday. Carter "
            "lives next door.")
    index = _entities(analyse, text)
    start = text.index("a Leeds teacher")
    assert index.entity_at("a0", start, start + 15) is None


def test_a_description_does_not_cover_another_persons_name(analyse: Any) -> None:
    """ "The Chicago-based Varga adviser, David Axelrod": the span of Axelrod's description
    leaves out Varga, who is someone else."""
    text = ("Mayor Ilse Varga spoke on Monday. The Chicago-based Varga adviser, David Axelrod, "
            "spoke after her.")
    index = _entities(analyse, text)
    axelrod = _person(index, "David Axelrod")
    start = text.index("Varga adviser")
    assert index.entity_at("a0", start, start + 5) == _person(index, "Ilse Varga").id
    assert all(not (s.start <= start < s.end) for s in axelrod.mentions)


def test_a_body_named_with_a_possessive_is_one_organisation(nlp: Any) -> None:
    doc = nlp("A spokesperson for the Marlow County District Attorney's Office said the case "
              "was strong.")
    orgs = [m.text for m in find_mentions(doc, "a0") if m.label == "ORG" and m.kind == "name"]
    assert orgs == ["Marlow County District Attorney's Office"]  # not "Office"


def test_given_name_tagged_as_a_place_before_a_surname_is_part_of_the_name(nlp: Any
                                                                            ) -> None:
    """ "Marisol" taken for a place, "Quenby" for a person: one name, "Marisol Quenby";
    a title ("Coach Quenby") or a people's name stays out."""
    text = "A stray bullet struck Marisol Quenby on the steps. Coach Quenby was not there."
    doc = nlp(text)
    given_token = next(t for t in doc if t.text == "Marisol")
    coach = next(t for t in doc if t.text == "Coach")
    doc.ents = [Span(doc, given_token.i, given_token.i + 1, label="GPE"),
                Span(doc, given_token.i + 1, given_token.i + 2, label="PERSON"),
                Span(doc, coach.i + 1, coach.i + 2, label="PERSON")]
    names = [m.name for m in find_mentions(doc, "a0") if m.kind == "name"]
    assert names == ["Marisol Quenby", "Quenby"]


def test_part_of_a_name_given_before_in_the_article_is_that_person(nlp: Any) -> None:
    """ "Marisol Quenby ... After Marisol was shot": the given name is hers even when the
    tagger takes it for a place; a word the article also uses as a place stays one."""
    text = ("Marisol Quenby, 10, was playing on the steps. After Marisol was shot, her "
            "mother ran outside. Jordan Pike flew home to Jordan. Jordan was calm.")
    doc = nlp(text)
    tokens = [t for t in doc if t.text in {"Marisol", "Jordan"}]
    doc.ents = [Span(doc, tokens[0].i, tokens[0].i + 2, label="PERSON"),
                Span(doc, tokens[1].i, tokens[1].i + 1, label="GPE"),
                Span(doc, tokens[2].i, tokens[2].i + 2, label="PERSON"),
                *[Span(doc, t.i, t.i + 1, label="GPE") for t in tokens[3:]]]
    mentions = find_mentions(doc, "a0")
    names = [m.name for m in mentions if m.kind == "name"]
    assert names == ["Marisol Quenby", "Marisol", "Jordan Pike"]
    index = link_entities(mentions)
    start = text.index("Marisol was")
    assert index.entity_at("a0", start, start + 7) == _person(index, "Marisol Quenby").id


def test_someones_lawyer_is_not_that_person(analyse: Any) -> None:
    """ "Dahl's lawyer said" names the lawyer: neither the phrase nor the speaker is Dahl;
    beside a name ("Dahl's lawyer, Petra Lind") it is that name."""
    text = ("Mayor Oren Dahl was charged on Monday. \"We will appeal,\" Dahl's lawyer said. "
            "Dahl's lawyer, Petra Lind, said the charge was wrong.")
    index = _entities(analyse, text)
    dahl, lind = _person(index, "Oren Dahl").id, _person(index, "Petra Lind").id
    first = text.index("Dahl's lawyer")
    second = text.index("Dahl's lawyer", first + 1)
    assert index.entity_at("a0", first, first + 13) != dahl
    assert index.resolve("a0", first, first + 13, "Dahl's lawyer") is None
    assert index.entity_at("a0", first, first + 4) == dahl  # the owner's own name
    assert index.entity_at("a0", second, second + 13) == lind


def test_someones_lawyer_is_not_another_lawyer_named_before(analyse: Any) -> None:
    text = ("Petra Lind, a lawyer for the council, spoke first. Mayor Oren Dahl was charged "
            "on Monday. Dahl's lawyer asked for bail.")
    index = _entities(analyse, text)
    start = text.index("Dahl's lawyer")
    assert index.entity_at("a0", start, start + 13) not in {
        _person(index, "Petra Lind").id, _person(index, "Oren Dahl").id}
    assert index.resolve("a0", start, start + 13, "Dahl's lawyer") is None


def test_given_name_spelt_two_ways_in_different_articles_is_one_person() -> None:
    """ "Jon" / "John": one person when no article names both; "Paul" / "Paula", "Jon" /
    "Joan" and "Christopher" / "Christine" stay two people."""
    index = link_entities([_name("a0", "Philip Varnum"), _name("a1", "Phillip Varnum"),
                           _name("a2", "Jon Tarrow"), _name("a3", "John Tarrow")])
    assert sorted(e.articles for e in index.entities) == [("a0", "a1"), ("a2", "a3")]
    together = link_entities([_name("a0", "Jon Tarrow"), _name("a0", "John Tarrow", start=30)])
    assert len(together.entities) == 2
    for pair in (("Paul Tarrow", "Paula Tarrow"), ("Christopher Pike", "Christine Pike"),
                 ("Jon Tarrow", "Joan Tarrow")):
        index = link_entities([_name("a0", pair[0]), _name("a1", pair[1])])
        assert len(index.entities) == 2


def test_headline_word_that_is_one_persons_given_name_is_that_person() -> None:
    headline = _unresolved("a1", "Osric Returns To Dunmore", "headline")
    resolved = resolve_candidates([_name("a0", "Osric Varnum"), headline])
    assert [(m.name, m.start, m.end) for m in resolved] == [("Osric Varnum", 0, 12),
                                                             ("Osric", 0, 5)]
    places = [_unresolved(f"a{i}", "Jordan", "candidate", "GPE") for i in (2, 3)]
    mentions = [_name("a0", "Jordan Pike"), *places,
                _unresolved("a1", "Jordan Closes Border", "headline")]
    assert [m.name for m in resolve_candidates(mentions)] == ["Jordan Pike"]


def test_a_headline_noun_doing_a_deed_is_the_one_the_body_names_doing_it(analyse: Any
                                                                         ) -> None:
    """ "Van Driver Charged": the one person the article names as charged; with two charged
    people it stays unlinked."""
    text = ("Cyclist Hurt On Kestrel Bridge, Van Driver Charged\n\n"
            "A cyclist was badly hurt on the Kestrel Bridge in Dunmore on Monday. Anna Pike, "
            "41, was taken to hospital. Tomas Rellini was charged with dangerous driving on "
            "Tuesday, police said.")
    index = _entities(analyse, text)
    start = text.index("Driver")
    assert index.entity_at("a0", start, start + 6) == _person(index, "Tomas Rellini").id
    two = text.replace("Tomas Rellini was", "Tomas Rellini and Lena Marsh were")
    index = _entities(analyse, two)
    assert index.entity_at("a0", start, start + 6) is None


def test_a_person_noun_tagged_as_an_organisation_is_no_organisation(nlp: Any) -> None:
    text = "Actress and champion swimmer Jane Roe died on Sunday."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    mentions = find_mentions(doc, "a0")
    assert not any(m.label == "ORG" for m in mentions)
    assert [m.name for m in mentions if m.kind == "name"] == ["Jane Roe"]


def test_a_headline_surname_joins_the_story_subject_its_article_names_first(analyse: Any
                                                                           ) -> None:
    texts = ("Marsh Leads Rovers To Cup Win\n\nTobias Marsh scored twice for Dunmore Rovers on "
             "Saturday. Coach Greg Marsh praised the whole team.",
             "Tobias Marsh was named player of the week.",
             "Dunmore Rovers offered Tobias Marsh a new contract.")
    index = _entities(analyse, *texts)
    assert index.entity_at("a0", 0, 5) == _person(index, "Tobias Marsh").id
    assert _person(index, "Greg Marsh").id != _person(index, "Tobias Marsh").id


def test_a_common_pet_name_is_the_same_given_name() -> None:
    index = link_entities([_name("a0", "Bill Varnum"), _name("a1", "William Varnum"),
                           _name("a2", "Mo Tarrow"), _name("a3", "Maurice Tarrow"),
                           _name("a4", "Dave Quill"), _name("a5", "Daniel Quill")])
    assert sorted(e.articles for e in index.entities) == [
        ("a0", "a1"), ("a2", "a3"), ("a4",), ("a5",)]


def test_candidate_spelling_a_story_name_another_way_is_that_person() -> None:
    """ "Mo Tarrow" tagged as a place is Maurice Tarrow; with no Tarrow in the story it is
    dropped."""
    mentions = [_name("a0", "Maurice Tarrow"), _unresolved("a1", "Mo Tarrow", "candidate",
                                                           "GPE")]
    assert [m.name for m in resolve_candidates(mentions)] == ["Maurice Tarrow", "Mo Tarrow"]
    assert [e.articles for e in link_entities(mentions).entities] == [("a0", "a1")]
    assert [m.name for m in resolve_candidates(mentions[1:])] == []


def test_a_description_beside_a_name_cut_to_the_story_form_still_describes_it() -> None:
    """ "The alleged boss ... Tessbury Lo Rellini": the name is cut to the "Lo Rellini"
    the story uses, and the description still joins it."""
    boss = Mention("a0", "The alleged boss", 0, 16, "PERSON", name="boss", kind="nominal",
                   describes=40)
    index = link_entities([boss, _name("a0", "Tessbury Lo Rellini", start=40),
                           _name("a1", "Lo Rellini")])
    person = _person(index, "Lo Rellini")
    assert index.entity_at("a0", 0, 16) == person.id
    assert person.articles == ("a0", "a1")


def test_a_given_name_before_the_story_form_keeps_the_name_whole() -> None:
    """ "Gaetano Lo Rellini" beside "Lo Rellini": a given name and the story's form, one
    person under the whole name (not cut to "Lo Rellini"), the description joining it."""
    boss = Mention("a0", "The alleged boss", 0, 16, "PERSON", name="boss", kind="nominal",
                   describes=40)
    index = link_entities([boss, _name("a0", "Gaetano Lo Rellini", start=40),
                           _name("a1", "Lo Rellini")])
    person = _person(index, "Gaetano Lo Rellini")
    assert index.entity_at("a0", 0, 16) == person.id
    assert person.articles == ("a0", "a1")


def test_a_headline_noun_doing_a_deed_finds_a_name_in_apposition_to_the_doer(analyse: Any
                                                                             ) -> None:
    text = ("Former Swimmer Dies At 91\n\nThe former swimming star, Anna Pike, has died at her "
            "home in Dunmore. Her son, Tomas Pike, said she died peacefully.")
    index = _entities(analyse, text)
    start = text.index("Swimmer")
    assert index.entity_at("a0", start, start + 7) == _person(index, "Anna Pike").id


def test_a_capitalised_word_in_apposition_to_a_name_describes_that_person(nlp: Any
                                                                          ) -> None:
    text = "Dock boss Tomas Rellini, the feared Harbourman who ran the docks, died on Monday."
    doc = nlp(text)
    name = next(t for t in doc if t.text == "Tomas")
    doc.ents = [Span(doc, name.i, name.i + 2, label="PERSON")]
    mentions = find_mentions(doc, "a0")
    index = link_entities(mentions)
    start = text.index("Harbourman")
    assert index.entity_at("a0", start, start + 10) == _person(index, "Tomas Rellini").id


def test_only_the_headline_noun_doing_the_deed_is_the_doer(analyse: Any) -> None:
    """ "Woman Killed By Driver": the woman is the one killed, the driver is not."""
    text = ("Woman Killed By Driver\n\nThe crash happened in Dunmore on Monday. Lena "
            "Marsh, 41, was killed on the Kestrel Bridge. Police charged Tomas Rellini with "
            "dangerous driving.")
    index = _entities(analyse, text)
    pike = _person(index, "Lena Marsh").id
    assert index.entity_at("a0", 0, 5) == pike
    start = text.index("Driver")
    assert index.entity_at("a0", start, start + 6) != pike


def test_someones_lawyer_restated_by_the_owner_doing_the_same_is_not_the_owner(
        analyse: Any) -> None:
    """ "Tom Smith's lawyer filed an appeal ... Tom Smith filed a complaint": the owner
    doing the same deed does not make the lawyer him."""
    text = ("Tom Smith's lawyer filed an appeal on Monday. Tom Smith filed a complaint "
            "against the police on Tuesday.")
    index = _entities(analyse, text)
    smith = _person(index, "Tom Smith")
    assert all(s.start != 12 for s in smith.mentions)
    assert index.entity_at("a0", 0, 18) != smith.id


def test_a_headline_noun_with_an_irregular_passive_is_the_one_it_happened_to(analyse: Any
                                                                             ) -> None:
    """ "Cyclist Shot By Officer": the cyclist is the one shot, not the officer who shot."""
    text = ("Cyclist Shot By Officer\n\nThe shooting happened in Dunmore on Monday. Officer Tomas "
            "Rellini shot Kimani Dale outside a shop. Dale, 16, died in hospital.")
    index = _entities(analyse, text)
    assert index.entity_at("a0", 0, 7) == _person(index, "Kimani Dale").id


@pytest.mark.parametrize(("text", "label"), [
    ("Port Dunmore", None), ("Island Wren", None),  # a place, a ship named for one
    ("Dunmore Herald", "ORG"), ("Kestrel Sound Ferries", "ORG"), ("Kestrel Wire", "ORG"),
    ("Tomas Brandt", "PERSON")])
def test_a_name_spacy_calls_a_person_may_be_a_place_or_a_body(nlp: Any, text: str,
                                                               label: str | None) -> None:
    doc = nlp(f"Yesterday {text} spoke.")
    mention = mention_from_tokens(list(doc[1:1 + len(text.split())]), "PERSON", "a1")
    assert (mention.label if mention else None) == label


def test_an_abbreviated_councillor_is_the_councillor_named_in_full(analyse: Any) -> None:
    people = [e for e in _entities(analyse, "Councillor Fiona Drummond called for an "
                                   "inquiry. Cllr Drummond said a public meeting would be held "
                                   "on Friday.").entities if e.label == "PERSON"]
    assert [(p.name, "councillor" in p.roles) for p in people] == [("Fiona Drummond", True)]


def test_a_description_names_only_someone_its_own_article_names(analyse: Any) -> None:
    first = "The board's spokesperson, Aaron Fitch, said the count would resume."
    second = 'The count will resume on Monday, the spokesperson said.'
    index = _entities(analyse, first, second)
    start = second.index("the spokesperson")
    assert index.resolve("a1", start, start + 16, "the spokesperson") is None
    own = first.index("Aaron")
    assert index.resolve("a0", len(first), len(first) + 1, "the spokesperson") == \
        index.resolve("a0", own, own + 11, "Aaron Fitch") is not None


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Network Supervisor Dana Whitlock said the signal failed at dawn.", "Dana Whitlock",
     "network supervisor"),
    ("Lighthouse Fails As Storm Hits Coast\n\nNetwork Supervisor Dana Whitlock said the "
     "signal failed at dawn on Sunday.", "Dana Whitlock", "network supervisor"),
    ("Baker Owen Whitlock closed his shop early.", "Owen Whitlock", "baker"),
    ("Harbour Master Elin Voss said the light went dark.", "Elin Voss", "harbour master"),
    ("Firefighter Corwin Ashdale rescued two children.", "Corwin Ashdale", "firefighter")])
def test_a_trade_or_a_local_title_before_a_name_is_a_role(analyse: Any, sentence: str,
                                                           name: str, role: str) -> None:
    """A trade before a given name and surname is the job, not a given name; a word the
    tagger cut off a title ("Network", "Harbour") is the title's, not a body."""
    index = _entities(analyse, sentence)
    assert _person(index, name).roles == (role,)
    assert not [e.name for e in index.entities if e.label == "ORG"]


def test_a_trade_word_that_is_a_given_name_stays_the_name(analyse: Any) -> None:
    """ "Hunter" is a given name as often as a job: "Hunter Owen Blake" stays himself."""
    index = _entities(analyse, "Hunter Owen Blake closed his shop early.")
    assert _person(index, "Hunter Owen Blake").roles == ()


def test_a_body_before_a_title_stays_a_body(analyse: Any) -> None:
    """ "Ferrex Chief Executive Ann Poe": a company's name before a title is still the
    company, not a word of her title."""
    index = _entities(analyse, "Ferrex Chief Executive Ann Poe said the depot would close.")
    assert any(e.label == "ORG" and e.name == "Ferrex" for e in index.entities)
    assert _person(index, "Ann Poe").roles == ("chief executive",)


@pytest.mark.parametrize("sentence", [
    "The Skerrin Point Lighthouse went dark on Sunday, the keepers said.",
    "The boat sank off Kestrel Cove on Sunday, the coastguard said."])
def test_a_lighthouse_or_a_cove_is_no_body(analyse: Any, sentence: str) -> None:
    index = _entities(analyse, sentence)
    assert not [e.name for e in index.entities if e.label == "ORG"]


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Supervisor Linda Marsh said the vote would wait.", "Linda Marsh", "supervisor"),
    ("County Clerk Dana Wolfe confirmed the date.", "Dana Wolfe", "county clerk"),
    ("Police Chief Omar Reyes said traffic would be diverted.", "Omar Reyes", "police chief"),
    ("Sen. Maria Lopez called the delay a pause.", "Maria Lopez", "senator"),
    ("Linda Marsh, the county supervisor, said the vote would wait.", "Linda Marsh",
     "county supervisor")])
def test_a_title_before_a_name_gives_that_person_a_role(analyse: Any, sentence: str,
                                                        name: str, role: str) -> None:
    """A title written before a name is a role, as an apposition is, in lower case;
    the title is no part of the name ("Clerk Dana Wolfe")."""
    person = _person(_entities(analyse, sentence), name)
    assert person.roles == (role,)


def test_an_acronym_in_brackets_names_its_body_wherever_used(analyse: Any) -> None:
    """ "(HRD)" after a name whose initials are not all in it still names that body, in
    its article (tagged or not) and alone in another article."""
    first = ("The Department of Housing and Rural Development (HRD) will fund the repairs. "
             "HRD officials said the money was ready.")
    second = "The HRD confirmed the grant on Friday."
    index = _entities(analyse, first, second)
    orgs = [e for e in index.entities if e.label == "ORG"]
    assert [(e.name, e.articles) for e in orgs] == \
        [("Department of Housing and Rural Development", ("a0", "a1"))]
    start = first.index("HRD officials")
    assert index.entity_at("a0", start, start + 3) == orgs[0].id
    assert len(orgs[0].mentions) == 4


def test_letters_in_brackets_that_are_not_initials_are_no_acronym(analyse: Any) -> None:
    index = _entities(analyse, "The Oakhurst Ledger (AP) said the count would resume. "
                               "AP photographs showed the bridge.")
    assert not any("AP" in e.aliases for e in index.entities)


@pytest.mark.parametrize(("sentence", "names"), [
    ("Linden 3-1 Brookvale on Saturday was a fair result.", [("Linden", "ORG"),
                                                             ("Brookvale", "ORG")]),
    ("The match ended Linden 3-1 after extra time.", [("Linden", "ORG")]),
    ("In the last match, Luke Littler 7-3 Luke Humphries went the distance.",
     [("Luke Littler", "PERSON"), ("Luke Humphries", "PERSON")])])
def test_a_score_is_no_part_of_a_name(nlp: Any, sentence: str,
                                       names: list[tuple[str, str]]) -> None:
    mentions = [m for m in find_mentions(nlp(sentence), "a1") if m.kind == "name"]
    assert [(m.name, m.label) for m in mentions] == names


def test_a_pronoun_after_a_name_tells_which_bearer_a_titled_surname_is(analyse: Any) -> None:
    """ "Miss Rellini" where the article names a brother and a sister: the brother is
    "he" in the next sentence, so she is the sister."""
    text = ("Tomas Rellini fled the house on Sunday. He was arrested on Monday. His sister, "
            "Katie Rellini, was found in the kitchen. Police said Miss Rellini had been a "
            "student at the college.")
    index = _entities(analyse, text)
    start = text.index("Miss Rellini")
    assert index.entity_at("a0", start + 5, start + 12) == _person(index, "Katie Rellini").id


@pytest.mark.parametrize(("sentence", "pronoun"), [
    ("Lena Marsh was leaving her car when she was hit.", "female"),
    ("Tomas Rellini fled the house. He was arrested on Monday.", "male"),
    ("Tomas Rellini said that he would appeal.", None),  # a reported "he": maybe anyone
    ("Lena Marsh said. \"He was frustrated.\"", None),
    ("Tomas Rellini met Lena Marsh. She was tired.", None),  # another name in between
    ("Tomas Rellini and his wife were hurt. She was tired.", None)])  # another person
def test_a_named_subject_called_she_or_he_has_that_gender(nlp: Any, sentence: str,
                                                          pronoun: str | None) -> None:
    mention = next(m for m in find_mentions(nlp(sentence), "a1") if m.kind == "name")
    assert mention.pronoun == pronoun


def test_a_pronoun_does_not_stop_a_bare_surname_skipping_a_relative(analyse: Any) -> None:
    """ "Jenkin ... He was arrested" in another article is the Jenkin the story is about,
    not the one it calls his cousin: "he" tells no more than a bare surname does. (The
    story names Tom in two articles, his cousin in one: with one each, the surname could
    be either, and stays apart from both.)"""
    first = ("Tom Jenkin was charged with arson on Monday. His cousin, Sam Jenkin, told the "
             "court the family was shocked.")
    second = "Jenkin fled the house on Sunday. He was arrested on Monday."
    index = _entities(analyse, first, second, "Tom Jenkin, 31, was bailed on Friday.")
    assert index.entity_at("a1", 0, 6) == _person(index, "Tom Jenkin").id
    index = _entities(analyse, first, second)
    assert index.entity_at("a1", 0, 6) != _person(index, "Sam Jenkin").id


def test_a_person_noun_in_a_sentence_case_title_is_a_headline_noun(analyse: Any) -> None:
    """ "Man charged with arson" under a dateline: the title's man is the one the article
    names being charged, as in a title-case headline."""
    text = ("12 March 2026 Last updated at 17:50\n\nMan charged with arson over shop fire\n\n"
            "A fire destroyed a shop in Dunmore on Sunday. Robert Pitman, 24, was charged "
            "with arson on Monday. Pitman will appear in court on Friday.")
    index = _entities(analyse, text)
    start = text.index("Man charged")
    assert index.entity_at("a0", start, start + 3) == _person(index, "Robert Pitman").id


def test_a_title_noun_suspected_or_accused_is_the_one_the_body_has_arrested(analyse: Any
                                                                            ) -> None:
    # "suspected of" and "accused of" in a title are the law's deeds, as "charged" is
    for verb in ("suspected", "accused"):
        text = (f"Son {verb} of killing mother and sister had begged for help\n\nOwen "
                "Tarrow, 24, was arrested on suspicion of murder on Sunday. Tarrow had asked "
                "to stay in hospital, his aunt said. Tarrow was held overnight.")
        index = link_entities(analyse(text, id="a0").mentions, {"a0": text})
        assert index.entity_at("a0", 0, 3) == _person(index, "Owen Tarrow").id


@pytest.mark.parametrize("headline", ["Dario Venn Set As Hawks Coach For 2027 Season",
                                      "5 Reasons Why the Hawks Picked Dario Venn As Coach"])
def test_a_headline_job_given_with_as_is_the_name_before_it(analyse: Any, headline: str
                                                             ) -> None:
    text = (f"{headline}\n\nDario Venn will coach the Tessbury Hawks next season, the club "
            "said on Monday.")
    index = link_entities(analyse(text, id="a0").mentions, {"a0": text})
    start = text.index("Coach")
    assert index.entity_at("a0", start, start + 5) == _person(index, "Dario Venn").id


@pytest.mark.parametrize("headline", ["Ada Rusk Replaces Tom Fell As Hawks Coach",
                                      "Hawks Hire Ada Rusk To Succeed Tom Fell As Coach",
                                      "Hawks Pick Ada Rusk Over Tom Fell As Coach",
                                      "Ada Rusk Chosen Ahead Of Tom Fell As Hawks Coach"])
def test_a_headline_job_after_taking_a_name_s_place_is_not_that_name_s(analyse: Any,
                                                                       headline: str) -> None:
    # The job given with "as" after "replaces" is the new holder's, not the ousted one's
    text = (f"{headline}\n\nThe Tessbury Hawks named Ada Rusk their coach on Monday. Tom "
            "Fell, 58, was sacked after nine losses.")
    index = link_entities(analyse(text, id="a0").mentions, {"a0": text})
    start = text.index("Coach")
    assert index.entity_at("a0", start, start + 5) != _person(index, "Tom Fell").id


def test_a_person_noun_opening_running_text_is_no_headline_noun(nlp: Any) -> None:
    doc = nlp("Judge Ana Ruiz said on Monday that the trial would resume. Judge says more.")
    assert not any(m.kind == "headline" for m in find_mentions(doc, "a1"))


def test_a_sentence_case_title_noun_is_not_the_person_named_most(analyse: Any) -> None:
    """ "Lawyer says Tom Smith will appeal": the title's lawyer is not Smith, whom the
    article names most; a sentence-case title noun links only through its deed."""
    text = ("Lawyer says Tom Smith will appeal\n\nTom Smith was convicted of fraud in Dunmore "
            "on Monday. Smith will appeal, his lawyer said. Smith plans to ask for bail.")
    index = _entities(analyse, text)
    assert index.entity_at("a0", 0, 6) != _person(index, "Tom Smith").id


def test_a_plural_person_noun_is_no_one_named_and_a_keeper_is_a_title(nlp: Any) -> None:
    doc = nlp("Keepers searched the grounds all night. Keeper Anya Voss said the panda was fine.")
    assert [(m.name, m.role) for m in find_mentions(doc, "a1") if m.kind == "name"] == [
        ("Anya Voss", "keeper")]


def test_a_phrase_ending_in_a_name_is_that_person_not_the_longer_team(analyse: Any) -> None:
    """ "San Marcos Falcons wide receiver Dion Mabry": the name ends the phrase and is its
    head; the team's name is longer but only describes him."""
    text = ("San Marcos Falcons wide receiver Dion Mabry was arrested on Sunday. Mabry was "
            "released on bail, the Falcons said.")
    index = _entities(analyse, text)
    phrase_end = text.index(" was arrested")
    assert index.entity_at("a0", 0, phrase_end) == _person(index, "Dion Mabry").id
    falcons = text.index("Falcons")
    assert index.get(index.entity_at("a0", falcons, falcons + 7)).label == "ORG"


def test_a_team_that_speaks_is_a_body_not_a_person(analyse: Any) -> None:
    """ "The Ridgeway Hawks said ...": spaCy's ORG becomes no person through the speech
    verb when "the" stands before it; "the Hawks" elsewhere makes a plural name a team."""
    index = _entities(analyse, "The Ridgeway Hawks said Monday they had suspended Caleb "
                               "Thornbury. The Hawks play again on Friday.")
    assert not any(e.label == "PERSON" and "Hawks" in e.name for e in index.entities)
    assert any(e.label == "ORG" and e.name == "Ridgeway Hawks" for e in index.entities)


def test_a_lower_case_person_noun_before_a_name_is_its_role(nlp: Any) -> None:
    """ "wide receiver Dion Mabry": the role "receiver", as "Mayor Dion Mabry" gives
    "mayor"; an apposition still wins ("..., the team captain")."""
    doc = nlp("Falcons wide receiver Dion Mabry was questioned. Hawks pitcher Caleb "
              "Thornbury, the team captain, was charged.")
    roles = {m.name: m.role for m in find_mentions(doc, "a1") if m.kind == "name"}
    assert roles.get("Dion Mabry") == "receiver"
    assert roles.get("Caleb Thornbury") == "team captain"


def test_a_headline_role_noun_is_not_the_central_person_with_another_role(analyse: Any
                                                                           ) -> None:
    """ "Driver Charged ..." where the article never names the driver and names the
    garage's manager most: the driver is not the manager."""
    text = ("Driver Charged Over Garage Crash\n\nPolice charged a driver on Sunday after a "
            "crash at a garage in Dunmore. The manager of the garage, Ana Ruiz, said the car "
            "hit the doors at ten. Ruiz said two pumps were broken. Ruiz said the garage "
            "would reopen on Friday.")
    index = _entities(analyse, text)
    assert index.entity_at("a0", 0, len("Driver")) != _person(index, "Ana Ruiz").id


def test_an_airport_is_a_body_that_speaks_but_a_bridge_stays_a_place(nlp: Any) -> None:
    text = ("Passengers at Kestrel Regional Airport face delays after the airport shut its "
            "runway. Cars queued on the Kestrel River Bridge.")
    mentions = _with_entities(nlp, text, ("Kestrel Regional Airport", "FAC"),
                              ("Kestrel River Bridge", "FAC"))
    assert [(m.text, m.label) for m in mentions if m.kind == "name"] == [
        ("Kestrel Regional Airport", "ORG")]


def test_a_role_written_two_ways_is_listed_once(analyse: Any) -> None:
    index = _entities(analyse, "Airport director Priya Nandakumar closed the runway. "
                               "Priya Nandakumar, the airport's director, said it was worn.")
    roles = _person(index, "Priya Nandakumar").roles
    assert len(roles) == 1 and roles[0].lower().replace("'s", "") == "airport director"


def test_a_relative_clause_saying_what_someone_holds_is_their_role(nlp: Any) -> None:
    doc = nlp("Tomas Ferreira, who chairs the Kestrel Airport Workers' Union, said staff were "
              "worried. Amal Brack, who ran the zoo until May, said the pens were old. Laura "
              "Benton, who founded Little Travellers in 2015, said the seats were safe.")
    roles = {m.name: m.role for m in find_mentions(doc, "a0") if m.label == "PERSON"}
    assert roles == {"Tomas Ferreira": "chair of the Kestrel Airport Workers' Union",
                     "Amal Brack": None, "Laura Benton": "founder of Little Travellers"}


def test_the_airport_is_the_airport_not_a_union_named_after_it(analyse: Any) -> None:
    first = ("Staff of the Kestrel Airport Workers' Union met on Monday. The airport said "
             "the runway would close.")
    second = ("Kestrel Regional Airport will shut its runway. The airport said the work "
              "would take six weeks.")
    index = _entities(analyse, first, second)
    start = first.index("The airport")
    assert index.resolve("a0", start, start + len("The airport"), "The airport") != next(
        e.id for e in index.entities if e.name == "Kestrel Airport Workers' Union")
    third = "Passengers queued at Kestrel Regional Airport on Friday."  # tagged a place
    index = _entities(analyse, second, third)
    assert any(e.label == "ORG" and e.name == "Kestrel Regional Airport"
               for e in index.entities)


def test_aliases_written_alike_are_listed_once(analyse: Any) -> None:
    index = _entities(analyse, "Airport Director Priya Nandakumar closed the runway. Ms "
                               "Nandakumar said it was worn.",
                      "Airport director Priya Nandakumar said the work would take weeks. "
                      "Ms. Nandakumar said crews were ready.")
    aliases = _person(index, "Priya Nandakumar").aliases
    keys = [" ".join(a.lower().replace(".", " ").split()) for a in aliases]
    assert len(keys) == len(set(keys)) and "Ms Nandakumar" in aliases


def test_a_relative_clause_role_needs_a_body_held(nlp: Any) -> None:
    doc = nlp("Piet Mol, who chairs meetings on Tuesdays, left early. Ana Silva, who leads "
              "the march every year, spoke. Dana Holt, who chairs the harbour committee, "
              "agreed.")
    roles = {m.name: m.role for m in find_mentions(doc, "a0") if m.label == "PERSON"}
    assert roles.get("Piet Mol") is None and roles.get("Ana Silva") is None
    assert roles.get("Dana Holt") == "chair of the harbour committee"


def test_a_role_with_a_curly_apostrophe_is_the_same_role(analyse: Any) -> None:
    index = _entities(analyse, "Airport director Priya Nandakumar closed the runway. "
                               "Priya Nandakumar, the airport\u2019s director, said it was worn.")
    assert len(_person(index, "Priya Nandakumar").roles) == 1


def test_a_body_whose_name_holds_a_possessive_is_one_body(nlp: Any) -> None:
    doc = nlp("Surgeons at St Brennan's Hospital in Eastmere will close the ward. Varga's "
              "Harbour Board ally resigned.")
    named = [(m.text, m.label) for m in find_mentions(doc, "a0") if m.kind == "name"]
    assert ("St Brennan's Hospital", "ORG") in named
    assert not any(text.startswith("Varga's") for text, _ in named)


def test_a_one_word_name_the_story_gives_a_company_is_that_company(analyse: Any) -> None:
    index = _entities(analyse, "Children's car seat maker Pebblenest has recalled 18,000 "
                               "seats. A statement from Pebblenest said the buckle could "
                               "open.")
    assert not any(e.label == "PERSON" and e.name == "Pebblenest" for e in index.entities)
    assert any(e.label == "ORG" and e.name == "Pebblenest" for e in index.entities)


# -- names spaCy never calls a person, vouched for by the story (hand-made mentions) --------

def test_a_full_name_tagged_as_a_body_is_the_person_the_story_calls_by_its_surname() -> None:
    mentions = [_name("a0", "Calloway Marsh", label="ORG"),
                _unresolved("a0", "Marsh", "candidate", "", 40),
                _name("a1", "Marsh"), _name("a2", "Marsh"),
                _name("a3", "Ridgeway Hawks", label="ORG")]
    index = link_entities(mentions)
    marsh = _person(index, "Calloway Marsh")
    assert set(marsh.articles) == {"a0", "a1", "a2"}
    assert [e.name for e in index.entities if e.label == "ORG"] == ["Ridgeway Hawks"]


def test_a_full_name_tagged_as_a_body_needs_the_bare_surname_twice_or_after_it() -> None:
    once_before = [_name("a0", "Marsh"), _name("a1", "Calloway Marsh", 10, label="ORG")]
    assert [e.label for e in link_entities(once_before).entities
            if e.name == "Calloway Marsh"] == ["ORG"]
    after = [_name("a1", "Calloway Marsh", label="ORG"), _name("a1", "Marsh", 40)]
    assert set(_person(link_entities(after), "Calloway Marsh").articles) == {"a1"}


def test_a_full_name_after_a_common_given_name_needs_its_bare_surname_only_once() -> None:
    # "Marcus Young" tagged a body in one report, "Young, 31," in another: Marcus is a
    # given name, so one bare use vouches for him; "Annual Academy" has no given name.
    mentions = [_name("a0", "Marcus Young", label="ORG"), _name("a1", "Young")]
    assert set(_person(link_entities(mentions), "Marcus Young").articles) == {"a0", "a1"}
    mentions = [_name("a0", "Annual Academy", label="ORG"), _name("a1", "Academy")]
    assert [e.label for e in link_entities(mentions).entities
            if e.name == "Annual Academy"] == ["ORG"]


def test_a_firm_named_after_a_man_and_called_a_body_twice_needs_two_bare_surnames() -> None:
    # "Marcus Young bought the mill ... Marcus Young has 40 stores": a firm, twice a body;
    # one bare "Young, 31, a worker at the mill" is someone else, not the firm's name
    mentions = [_name("a0", "Marcus Young", label="ORG"),
                _name("a0", "Marcus Young", label="ORG", start=60), _name("a1", "Young")]
    assert [e.label for e in link_entities(mentions).entities
            if e.name == "Marcus Young"] == ["ORG"]


def test_a_surname_taken_for_a_place_is_the_person_where_it_does_what_people_do(
        analyse: Any) -> None:
    texts = {"a0": "Police said Dane Orlando, 33, shot a man outside a bar in Tessbury.",
             "a1": "Orlando was arrested on Monday. Officers in Orlando said the arrest was "
                   "quiet.",
             "a2": "Orlando's lawyer said on Tuesday that Orlando, 33, denied the charge."}
    mentions = [m for key, text in texts.items() for m in analyse(text, id=key).mentions]
    index = link_entities(mentions, texts)
    dane = _person(index, "Dane Orlando").id

    def entity(key: str, phrase: str) -> str | None:
        start = texts[key].index(phrase)
        return index.entity_at(key, start, start + len("Orlando"))

    assert entity("a1", "Orlando was") == dane
    assert entity("a2", "Orlando's") == dane
    assert entity("a2", "Orlando, 33") == dane
    assert entity("a1", "Orlando said") != dane  # "Officers in Orlando said": the town


def test_a_town_named_like_a_person_s_surname_that_speaks_stays_the_town(analyse: Any
                                                                        ) -> None:
    # A town's officials speak in its name: "Orlando said it would rebuild" is no person
    texts = {"a0": "A storm flooded Orlando on Monday. Roads in Orlando were closed and "
                   "schools across Orlando shut. Dane Orlando, 33, a Tessbury nurse, was "
                   "stranded.",
             "a1": "Orlando said on Tuesday it would rebuild the bridge. Flood water in "
                   "Orlando fell overnight.",
             "a2": "Orlando told residents to stay home. Orlando pleaded guilty to theft."}
    mentions = [m for key, text in texts.items() for m in analyse(text, id=key).mentions]
    index = link_entities(mentions, texts)
    dane = _person(index, "Dane Orlando").id
    assert index.entity_at("a1", 0, len("Orlando")) != dane
    assert index.entity_at("a2", 0, len("Orlando")) != dane
    start = texts["a2"].index("Orlando pleaded")
    assert index.entity_at("a2", start, start + len("Orlando")) == dane


def test_a_body_named_after_a_surname_the_story_gives_in_full_stays_a_body() -> None:
    # Two Marshes: Dana Marsh is named in full; "Abernathy Marsh" (a firm) is not vouched
    # for by the bare "Marsh", which stays Dana's alone.
    mentions = [_name("a0", "Dana Marsh"), _name("a1", "Abernathy Marsh", label="ORG"),
                _name("a1", "Marsh", 40), _name("a2", "Marsh")]
    index = link_entities(mentions)
    assert [e.name for e in index.entities if e.label == "ORG"] == ["Abernathy Marsh"]
    assert set(_person(index, "Dana Marsh").articles) == {"a0", "a1", "a2"}


def test_a_place_or_body_word_before_a_surname_does_not_vouch_for_a_name() -> None:
    # "Ridgeway Marsh" where the story tags Ridgeway as a place; "Notorious Bettie" where
    # "Bettie" is a given name the story gives in full.
    mentions = [_unresolved("a0", "Ridgeway", "candidate", "GPE"),
                _name("a1", "Ridgeway Marsh", label="ORG"), _name("a1", "Marsh", 40),
                _name("a2", "Marsh"),
                _name("a3", "Bettie Lane"), _name("a4", "Notorious Bettie", label="ORG"),
                _name("a4", "Bettie", 30), _name("a5", "Bettie")]
    resolved = resolve_candidates(mentions)
    assert ("Ridgeway Marsh", "ORG") in [(m.name, m.label) for m in resolved]
    assert ("Notorious Bettie", "ORG") in [(m.name, m.label) for m in resolved]


def test_a_run_ending_in_a_story_name_is_that_name() -> None:
    mentions = [_name("a0", "Caleb Thornbury"), _name("a0", "Ridgeway Hawks", 40, label="ORG"),
                _unresolved("a1", "Ridgeway Hawks Pitcher Caleb Thornbury", "candidate",
                            "ORG"),
                _unresolved("a2", "Hawks Thornbury", "candidate", ""),
                _unresolved("a3", "Lakeside Thornbury", "candidate", "")]
    resolved = resolve_candidates(mentions)
    found = [(m.article_id, m.name, m.start) for m in resolved if m.article_id != "a0"]
    assert found == [("a1", "Caleb Thornbury", 23), ("a2", "Thornbury", 6)]


def test_the_tagged_name_and_bare_surname_of_one_player_are_one_person(analyse: Any) -> None:
    index = _entities(
        analyse,
        "Calloway Marsh, the Ridgeway Hawks pitcher, was suspended on Tuesday for ten "
        "games. Marsh hit a batter in the head on Sunday.",
        "The league said Marsh acted deliberately. Marsh will appeal, his agent said.",
        "The Hawks star Marsh lost his appeal on Friday. Teammate Jory Pell said Marsh was "
        "upset.",
        "HAWKS' MARSH SUSPENDED TEN GAMES\n\nThe league banned the pitcher on Tuesday.")
    marsh = _person(index, "Calloway Marsh")
    assert set(marsh.articles) == {"a0", "a1", "a2", "a3"}
    assert [m for m in marsh.mentions if m.article == "a3"][0].start == 7  # the headline


def test_a_bare_surname_tagged_as_a_place_or_body_joins_its_one_bearer(analyse: Any) -> None:
    index = _entities(
        analyse,
        "Police Chief Ada Kingsley of Harwick said on Monday that the officers acted lawfully.",
        "Kingsley defended the officers. Kingsley told reporters that the video was edited.",
        "Critics urged Kingsley to resign. Kingsley refused.",
        "KINGSLEY DEFENDS OFFICERS\n\nKingsley spoke outside city hall.")
    assert set(_person(index, "Ada Kingsley").articles) == {"a0", "a1", "a2", "a3"}
    two = _entities(analyse, "Police Chief Ada Kingsley of Harwick defended the officers.",
                    "Tom Kingsley, a Harwick plumber, filmed the arrest.",
                    "Critics urged Kingsley to resign.")
    assert [set(_person(two, n).articles) for n in ("Ada Kingsley", "Tom Kingsley")] == [
        {"a0"}, {"a1"}]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Marsh was traded. Hawks GM Lena Ortiz declined to comment on Marsh.", "Lena Ortiz",
     "Hawks GM"),
    ("The Falcons sent WR Dion Mabry to Calder.", "Dion Mabry", "WR"),
])
def test_an_abbreviated_title_in_capitals_is_no_part_of_the_name(
        nlp: Any, text: str, name: str, role: str) -> None:
    found = [m for m in find_mentions(nlp(text), "a1") if m.label == "PERSON" and m.role]
    assert [(m.name, m.role) for m in found] == [(name, role)]


def test_initials_before_a_surname_stay_part_of_the_name(nlp: Any) -> None:
    found = [m for m in find_mentions(nlp("Rookie TJ Brannock said he was happy."), "a1")
             if m.label == "PERSON"]
    assert [m.name.split()[-2:] for m in found] == [["TJ", "Brannock"]]


# -- bodies named like people, and titles holding a name --------------------------------

def test_a_firm_named_like_a_person_is_a_body_in_every_article(analyse: Any) -> None:
    index = _entities(
        analyse,
        "The firm Abernathy Cole has been hired to manage the port.",
        "Abernathy Cole, the accounting firm, won the contract on Monday. Ruth Cole, its "
        "founder, said she was proud.",
        "Abernathy Cole said it would open an office in Dunmore. Cole declined to comment "
        "further.")
    bodies = [e for e in index.entities if e.name == "Abernathy Cole"]
    assert [(e.label, set(e.articles)) for e in bodies] == [("ORG", {"a0", "a1", "a2"})]
    assert set(_person(index, "Ruth Cole").articles) == {"a1", "a2"}


def test_a_person_the_text_calls_an_insurer_stays_a_person(nlp: Any) -> None:
    doc = nlp("\"They are not afraid,\" Gerard Roux, the store's insurer, told the radio.")
    found = [(m.name, m.label) for m in find_mentions(doc, "a1") if m.kind == "name"]
    assert ("Gerard Roux", "PERSON") in found


def test_a_company_noun_a_person_may_hold_is_that_person_else_the_company(analyse: Any
                                                                        ) -> None:
    # "the developer" is the one person the article gives that role, else a company it
    # names (it was only ever a person's role); "the insurer" likewise (only ever a body)
    text = ("Tidewater Homes will build 300 houses on the old dairy site. Ada Marsh, who "
            "chairs the parish council, opposed the plan. The developer said work would "
            "start in May.")
    index = _entities(analyse, text)
    start = text.index("The developer")
    assert index.resolve("a0", start, start + 13, "The developer") == next(
        e.id for e in index.entities if e.name == "Tidewater Homes")
    text = ("Gerard Roux, the store's insurer, visited the site on Friday. \"The damage is "
            "severe,\" the insurer said.")
    index = _entities(analyse, text)
    start = text.index("the insurer said")
    assert index.resolve("a0", start, start + 11, "the insurer") == \
        _person(index, "Gerard Roux").id


def test_a_campaign_in_quotes_is_no_person(analyse: Any) -> None:
    index = _entities(
        analyse,
        "Residents launched the \"Keep Brennan's Open\" campaign on Friday. Owner Ada "
        "Brennan thanked them.",
        "\"Keep Brennan's Open\" has 3,000 signatures. Brennan said the pub had been in her "
        "family for 80 years.")
    people = [e.name for e in index.entities if e.label == "PERSON"]
    assert people == ["Ada Brennan"]
    assert set(_person(index, "Ada Brennan").articles) == {"a0", "a1"}


@pytest.mark.parametrize("text", ["Mob boss Vincent \"The Chin\" Gigante died on Monday.",
                                  "He said \"Ada Brennan\" was the name on the deed."])
def test_a_quoted_nickname_or_name_is_no_title(nlp: Any, text: str) -> None:
    names = [m.name for m in find_mentions(nlp(text), "a1") if m.label == "PERSON"]
    assert names and names[0] in {"Vincent Gigante", "Ada Brennan"}


def test_a_pet_name_spelt_with_y_or_ie_in_different_articles_is_one_person() -> None:
    index = link_entities([_name("a0", "Bettie Lane"), _name("a1", "Betty Lane"),
                           _name("a2", "Jodie Marr"), _name("a3", "Jody Marr")])
    assert sorted(e.articles for e in index.entities) == [("a0", "a1"), ("a2", "a3")]
    together = link_entities([_name("a0", "Bobby Kerr"), _name("a0", "Bobbie Kerr", 30)])
    assert len(together.entities) == 2
    gendered = link_entities([_name("a0", "Toni Kerr", honorific="Ms."),
                              _name("a1", "Tony Kerr", honorific="Mr.")])
    assert len(gendered.entities) == 2
    for pair in (("Lenny Rook", "Lena Rook"), ("Jody Marr", "Jon Marr")):
        assert len(link_entities([_name("a0", pair[0]), _name("a1", pair[1])]).entities) == 2


def test_organisation_label_in_apposition_with_a_person_noun_after_it_is_a_person(
        nlp: Any) -> None:
    doc = nlp("Calloway Marsh, the Ridgeway Hawks pitcher, was suspended on Tuesday for ten "
              "games. Marsh hit a Denton batter in the head on Sunday.")
    found = [(m.name, m.label) for m in find_mentions(doc, "a1") if m.kind == "name"]
    assert ("Calloway Marsh", "PERSON") in found


def test_a_company_named_like_a_person_and_tagged_both_ways_is_one_body(analyse: Any) -> None:
    index = _entities(analyse, "Calloway Price announced on Tuesday it had bought the "
                               "shipyard. The company Calloway Price employs 300.")
    assert [(e.label, e.name) for e in index.entities] == [("ORG", "Calloway Price")]


def _org(index: Any, name: str) -> Any:
    found = [e for e in index.entities if e.label == "ORG" and e.name == name]
    assert found, f"{name!r} not in {[e.name for e in index.entities]}"
    return found[0]


def test_a_name_one_article_calls_a_firm_is_a_firm_in_every_article(analyse: Any) -> None:
    index = _entities(analyse, "The authority has hired the Bristol filtration firm Bramley "
                               "Dawson to install six pumps.",
                      "The six pumps installed by Bramley Dawson last week have cleared the "
                      "water.")
    assert not any(e.label == "PERSON" and "Dawson" in e.name for e in index.entities)
    assert _org(index, "Bramley Dawson").articles == ("a0", "a1")


def test_a_person_the_story_marks_as_one_is_no_firm(analyse: Any) -> None:
    # the same name as a firm, but an article gives her an honorific: a person stays one
    index = _entities(analyse, "The council hired the firm Bramley Dawson to build a wall.",
                      "Ms Bramley Dawson said the wall was too low.")
    assert _person(index, "Bramley Dawson")


def test_a_body_an_acronym_names_is_no_person_elsewhere(analyse: Any) -> None:
    index = _entities(analyse, "The satellite will fly on a rocket operated by Halvard Launch "
                               "Services (HLS). HLS said in a statement it had a slot.",
                      "The launch slipped.\n\nHalvard Launch Services, which will carry the "
                      "satellite, said it was ready.")
    assert not [e for e in index.entities if e.label == "PERSON" and "Halvard" in e.name]
    assert "HLS" in _org(index, "Halvard Launch Services").aliases


def test_a_village_one_article_places_is_no_person_in_the_story(analyse: Any) -> None:
    index = _entities(analyse, "Parents in Stoke Abbas have vowed to fight the closure.",
                      "More than 200 parents packed Stoke Abbas village hall on Thursday. "
                      "Dr Ida Stoke, the village doctor, said she would help.")
    people = [e.name for e in index.entities if e.label == "PERSON"]
    assert "Stoke Abbas" not in people and "Abbas" not in people
    assert "Ida Stoke" in people


def test_a_body_named_without_its_generic_last_word_is_that_body(analyse: Any) -> None:
    index = _entities(analyse, "Fernhill Primary School will merge with Calder Primary "
                               "School, Calder County Council decided.",
                      "Ruth Calloway, the headteacher of Fernhill Primary, said she "
                      "understood. Calder County will pay for the bus.")
    fernhill = _org(index, "Fernhill Primary School")
    assert "Fernhill Primary" in fernhill.aliases
    assert not [e for e in index.entities if e.name == "Fernhill Primary"]
    assert "Calder County" not in _org(index, "Calder County Council").aliases


def test_an_alias_keeps_the_honorific_as_written(analyse: Any) -> None:
    index = _entities(analyse, "Chief executive Idris Fenwick said the launch would slip. "
                               "\"We would rather launch late,\" Mr Fenwick said.",
                      "Dr Anselm Rooke, an ecologist, said the satellite would help.")
    assert "Mr Fenwick" in _person(index, "Idris Fenwick").aliases
    assert "Mr. Fenwick" not in _person(index, "Idris Fenwick").aliases
    assert _person(index, "Anselm Rooke").aliases == ("Dr Anselm Rooke",)


def test_a_titled_person_has_the_role_given_beside_the_title(analyse: Any) -> None:
    index = _entities(analyse, "The council's cabinet member for schools, Councillor Gareth "
                               "Marr, declined to comment.",
                      "Councillor Gareth Marr, the cabinet member for schools, told the "
                      "meeting the decision was final.")
    roles = _person(index, "Gareth Marr").roles
    assert "councillor" in roles and "cabinet member for schools" in roles
    assert "council's cabinet member for schools" not in roles  # one role, said shorter


def test_a_bodys_job_said_by_its_name_drops_the_job_said_by_company(analyse: Any) -> None:
    """walk21: "The company's spokesperson, Renske Oldacre," in one report and "A Tallowmere
    Solvents spokesperson, Renske Oldacre," in the next are one role, said by the body's
    name; a job of another body or another job stays."""
    index = _entities(analyse, "The company's spokesperson, Ottilie Brande, said later that "
                               "the mill would stay shut.",
                      "A Fernlow Textiles spokesperson, Ottilie Brande, said the company "
                      "would publish its findings.")
    roles = _person(index, "Ottilie Brande").roles
    assert "Fernlow Textiles spokesperson" in roles
    assert "company's spokesperson" not in roles


def test_a_name_with_an_acronym_in_brackets_is_a_body_in_every_article(analyse: Any) -> None:
    index = _entities(analyse, "The satellite will fly on a rocket built by Halvard Orrin "
                               "Kessly (HOK). HOK said in a statement it had a slot.",
                      "Halvard Orrin Kessly, which will carry the satellite, said it was "
                      "ready.")
    assert not [e for e in index.entities if e.label == "PERSON"]
    assert _org(index, "Halvard Orrin Kessly").articles == ("a0", "a1")


def test_a_pet_ending_joins_only_a_doubled_consonant_or_a_listed_pair() -> None:
    """ "Mary" / "Marie" and "Toni" / "Tony" are two names, not one spelt two ways; "Terry" /
    "Terri" is one; "Betty" and "Bettie" with two different jobs are two people."""
    for pair in (("Mary Quent", "Marie Quent"), ("Toni Quent", "Tony Quent")):
        assert len(link_entities([_name("a0", pair[0]), _name("a1", pair[1])]).entities) == 2
    index = link_entities([_name("a0", "Terry Quent"), _name("a1", "Terri Quent")])
    assert len(index.entities) == 1
    jobs = link_entities([_name("a0", "Betty Quent", role="nurse"),
                          _name("a1", "Bettie Quent", role="council leader")])
    assert len(jobs.entities) == 2
    same_job = link_entities([_name("a0", "Betty Quent", role="nurse"),
                              _name("a1", "Bettie Quent", role="nurse")])
    assert len(same_job.entities) == 1


def test_the_doctor_is_a_dr_with_no_role_or_a_medical_one(analyse: Any) -> None:
    """ "Dr. Ines Calloway, an economist" is no one's doctor; a surgeon or a Dr. with no
    stated role is "the doctor"."""
    text = ("A diver was hurt at Calder pier on Sunday. Dr. Ines Calloway, an economist at "
            "Calder University, said the closure would cost shops money. The doctor said "
            "the diver would recover.")
    start = text.index("The doctor")
    index = _entities(analyse, text)
    assert index.resolve("a0", start, start + 10, "The doctor") is None
    for role in ("Dr. Ines Calloway, a surgeon at Calder General,", "Dr. Ines Calloway"):
        told = text.replace("Dr. Ines Calloway, an economist at Calder University,", role)
        start = told.index("The doctor")
        index = _entities(analyse, told)
        assert index.resolve("a0", start, start + 10, "The doctor") == \
            _person(index, "Ines Calloway").id, role


def test_a_place_reading_spreads_only_on_a_strong_cue_or_a_spacy_place() -> None:
    """ "a nurse in Oskar Pell" (a weak cue) makes no place of "Oskar Pell" elsewhere;
    "Parents in Nether Wyvel" (a strong one) does, and so does a weak cue on a name spaCy
    calls a place somewhere in the story."""
    def place(article: str, name: str, cue: str, label: str = "GPE") -> Mention:
        return replace(_unresolved(article, name, "candidate", label), cue=cue)
    weak = settle_story_kinds([place("a0", "Oskar Pell", "nurse in"),
                               _name("a1", "Oskar Pell")])
    assert (weak[1].kind, weak[1].label) == ("name", "PERSON")
    strong = settle_story_kinds([place("a0", "Nether Wyvel", "parent in"),
                                 _name("a1", "Nether Wyvel")])
    assert (strong[1].kind, strong[1].label) == ("candidate", "GPE")
    known = settle_story_kinds([place("a0", "Nether Wyvel", "nurse in"),
                                _name("a1", "Nether Wyvel"),
                                _unresolved("a2", "Nether Wyvel", "candidate", "GPE")])
    assert (known[1].kind, known[1].label) == ("candidate", "GPE")


def test_no_confidence_in_a_person_keeps_him_a_speaker_in_the_story(analyse: Any) -> None:
    index = _entities(analyse,
                      "Calder councillors passed a vote of no confidence in Oskar Pell on "
                      "Monday after the ferry was cancelled.",
                      '"I will not step down over one ferry," Oskar Pell said on Tuesday.')
    pell = _person(index, "Oskar Pell")
    assert set(pell.articles) == {"a0", "a1"}


def test_a_company_noun_before_a_name_does_not_overrule_a_person_called_by_surname(
        analyse: Any) -> None:
    """ "the firm Oskar Pell" makes a body of the name in its own article only when
    another article calls him "Pell"; a firm the story never calls by one word stays a
    body everywhere."""
    index = _entities(analyse,
                      "Eight drivers have left the firm Oskar Pell this year.",
                      "Pell said the vans were old.",
                      "Oskar Pell spoke to drivers on Tuesday.")
    assert {"a1", "a2"} <= set(_person(index, "Oskar Pell").articles)
    index = _entities(analyse,
                      "Eight drivers have left the firm Oskar Pell this year.",
                      "Oskar Pell said the vans were old.")
    assert not any(e.label == "PERSON" and e.name == "Oskar Pell" for e in index.entities)


def test_a_wire_credit_in_a_dateline_is_no_body_of_the_story(analyse: Any) -> None:
    # Fictional: "(NWS)" is the outlet's credit, so "the park service" has no body to go
    # to (before, the only organisation named, the credit, took its statement).
    analysis = analyse("GREYSTONE (NWS) \u2014 Rescuers on Wednesday found a hiker who had "
                       "been missing for four days, the park service said.\n\nLena Marsh, "
                       "34, had set out alone on Saturday.")
    named = {m.text for m in analysis.mentions if m.kind != "candidate"}
    assert "Lena Marsh" in named and "NWS" not in named
    [line] = [q for q in analysis.quotes if q.kind == "indirect"]
    assert line.text.startswith("Rescuers on Wednesday")  # the dateline is not said


def test_a_dateline_may_carry_a_credit_in_brackets() -> None:
    from storyline.text import dateline_length

    text = "GREYSTONE (NWS) \u2014 Rescuers found a hiker."
    assert text[dateline_length(text):] == "Rescuers found a hiker."
    assert dateline_length("Rescuers (NWS) \u2014 found a hiker.") == 0


# -- bodies, places and weather words spaCy takes for people (fictional texts) -----------

def _labelled(index: Any) -> dict[str, str]:
    return {e.name: e.label for e in index.entities}


def test_a_name_ending_in_a_business_noun_is_a_body(analyse: Any) -> None:
    index = _entities(analyse, "Quillworth Bakery, a family bakery, has won a national prize. "
                               "The shop is run by Orla Fenwick, 52.",
                      "Landlord Tamsin Estates said the lease would not be renewed.")
    labels = _labelled(index)
    assert labels.get("Quillworth Bakery") == "ORG"
    assert labels.get("Tamsin Estates") == "ORG"
    assert "Landlord Tamsin Estates" not in labels


def test_a_body_before_a_job_title_is_the_employer(analyse: Any) -> None:
    index = _entities(analyse, "Landlord Brackley Estates refused to renew the lease.\n\n"
                               "Brackley Estates director Ivo Brackley declined to comment.")
    person = _person(index, "Ivo Brackley")
    assert person.roles == ("director",)
    assert all(a.startswith(("Ivo", "Brackley")) or a == "Mr Brackley" for a in person.aliases)
    # the "Brackley" of the body's name is no mention of the director
    assert _labelled(index).get("Brackley Estates") == "ORG"
    assert len(person.mentions) == 1


def test_the_village_of_a_name_is_a_place_in_the_whole_story(nlp: Any) -> None:
    doc = nlp("The shop stands in the village of Quenby, near the coast.")
    village = [m for m in find_mentions(doc, "a0") if m.name == "Quenby"]
    assert [m.cue for m in village] == ["village of"]
    # another article's "Quenby's award-winning shop", tagged as a person
    person = Mention("a1", "Quenby", 0, 6, "PERSON", name="Quenby")
    assert settle_story_kinds([*village, person])[-1].label == "GPE"


def test_a_weather_word_starting_a_sentence_is_no_one(analyse: Any) -> None:
    index = _entities(analyse, "Weather: Rain spreading from the west, clearing later. "
                               "Highs of 9C. Frost likely overnight.")
    assert "Frost" not in _labelled(index)


def test_the_ends_of_a_route_are_places_not_bodies(analyse: Any) -> None:
    index = _entities(analyse, "Skerrow Air will stop flying between London and Vellaby "
                               "from 1 December.",
                      "Islanders in Vellaby said they would be cut off.")
    assert "Vellaby" not in _labelled(index)


def test_an_honorific_alias_is_written_as_the_text_writes_it() -> None:
    # Fictional: the article writes "Dr" without a full stop, so "Dr. Quell" is no alias.
    cluster = Cluster("PERSON")
    cluster.add(Mention("a0", "Director Dr Ottilie Quell", 9, 25, "PERSON",
                        name="Ottilie Quell", honorific="Dr.", role="director"))
    assert "Dr. Quell" not in cluster.aliases
    assert "Dr Quell" in cluster.aliases


def test_a_company_after_between_a_country_and_is_still_a_company(analyse: Any) -> None:
    # Fictional: talks, no route: Northwind stays a body, and its words its own.
    index = _entities(analyse, "Talks between Calydon and Northwind over the harbour lease "
                               "broke down on Friday. Northwind said it would not raise its "
                               "offer.",
                      "Negotiations between Britain and Northwind collapsed on Friday.")
    assert _labelled(index).get("Northwind") == "ORG"


def test_a_title_two_people_of_the_story_hold_finds_neither_after_the_other() -> None:
    """ "Transport Minister Piet Vandersloot, who replaced Brandt, said the minister ...":
    another article gives Brandt the same title, and she is named after Vandersloot, so
    "the minister" could be either. Named before him, she leaves him the one meant."""
    minister = Mention("a1", "the minister", 80, 92, "PERSON", name="minister",
                       kind="nominal")
    index = link_entities([_name("a0", "Helga Brandt", role="transport minister"),
                           _name("a1", "Piet Vandersloot", role="transport minister"),
                           _name("a1", "Brandt", 50), minister])
    assert index.entity_at("a1", 80, 92) is None
    index = link_entities([_name("a0", "Helga Brandt", role="transport minister"),
                           _name("a1", "Brandt", 0),
                           _name("a1", "Piet Vandersloot", 30, role="transport minister"),
                           minister])
    assert index.entity_at("a1", 80, 92) == _person(index, "Piet Vandersloot").id


def test_bare_surnames_of_two_bearers_are_not_grouped_with_each_other() -> None:
    """ "Khalil" in two articles naming neither Dorota nor her son Idris Khalil: each may be
    either, so they stay apart (and apart from both)."""
    index = link_entities([_name("a0", "Dorota Khalil"),
                           _name("a0", "Idris Khalil", 40, role="son"),
                           _name("a1", "Khalil"), _name("a2", "Khalil")])
    first, second = index.entity_at("a1", 0, 6), index.entity_at("a2", 0, 6)
    assert first != second
    assert {first, second}.isdisjoint({_person(index, "Dorota Khalil").id,
                                       _person(index, "Idris Khalil").id})


def test_a_firm_the_tagger_missed_and_its_towns_are_no_people_nor_bodies(analyse: Any) -> None:
    """A wire's dateline hides the firm from the tagger, and the towns it names are tagged
    as bodies: "Halvern Textiles" (a company's word ends it) is an organisation; "the
    fictional town of Dunmarrow", "its plant in Oskerby" and "the town council of Brell"
    are places, in every article that names them."""
    index = _entities(
        analyse,
        "DUNMARROW, Mar 3 (NWS) - Halvern Textiles will close its 90-year-old linen mill in "
        "the fictional town of Dunmarrow, cutting 120 jobs, the company announced on Monday."
        "\n\nProduction will move to the company's plant in Oskerby. The town council of "
        "Brell said it would help.\n\nChief executive Rolf Amsel said energy prices had "
        "doubled.",
        "Halvern Textiles confirmed on Monday that it will shut its Dunmarrow mill. The "
        "company said the looms would be shipped to Oskerby in the spring.")
    people = {e.name for e in index.entities if e.label == "PERSON"}
    bodies = {e.name for e in index.entities if e.label == "ORG"}
    assert people == {"Rolf Amsel"}
    assert "Halvern Textiles" in bodies
    assert not bodies & {"Dunmarrow", "Oskerby", "Brell"}
    firm = next(e for e in index.entities if e.name == "Halvern Textiles")
    assert set(firm.articles) == {"a0", "a1"}


def test_a_title_case_verb_after_a_name_is_no_part_of_it(analyse: Any) -> None:
    """A headline quoted in running text: "Maren Tollak Speaks Out On ..." names Maren Tollak;
    the headline's verb is no word of her name."""
    text = ("Port news\n\nIn an interview headlined Maren Tollak Speaks Out On Quay Plan, "
            "the pilot warned of silt. Maren Tollak said the new quay would silt up.")
    index = _entities(analyse, text)
    assert not [m.name for m in analyse(text).mentions if "Speaks" in m.name]
    assert [e.name for e in index.entities if e.label == "PERSON"] == ["Maren Tollak"]


def test_an_honorific_of_the_other_gender_keeps_a_namesake_apart(analyse: Any) -> None:
    """ "Fenn Quill" (a name the tagger sees nothing in) is vouched for by "Mr Quill" in
    his article; "Mrs Quill" in another article is someone else, although he is the only
    Quill the story names in full. Without him, "Mr Quill" and "Mrs Quill" are two
    people too."""
    index = _entities(analyse,
                      "Fenn Quill keeps the books at the tea room on Mill Lane. Mr Quill "
                      "said trade was slow.",
                      "Mrs Quill, who bakes the scones, said the oven had failed on Tuesday.")
    fenn = _person(index, "Fenn Quill")
    assert "Mrs Quill" not in fenn.aliases
    assert any("Mrs Quill" in (e.name, *e.aliases) for e in index.entities if e is not fenn)
    index = _entities(analyse, "Mr Quill said trade was slow at the tea room.",
                      "Mrs Quill, who bakes the scones, said the oven had failed.")
    people = [e for e in index.entities if e.label == "PERSON"]
    assert len(people) == 2


def test_a_lead_restated_with_a_name_gives_its_trade_as_a_role(analyse: Any) -> None:
    """ "A Drumlow geologist has found ..." and, a sentence on, "Dr. Oona Valtersen ...
    made the discovery": one deed (found, made the discovery), so she is the geologist.
    A lead that says what someone is, not what they do, gives no role."""
    index = _entities(analyse,
                      "A Drumlow geologist has found a rare ammonite on Skerra Beach, the "
                      "first since 1880.\n\nDr. Oona Valtersen, a volunteer with the Drumlow "
                      "Fossil Society, made the discovery on Monday while walking her dog.")
    assert "Drumlow geologist" in _person(index, "Oona Valtersen").roles
    index = _entities(analyse,
                      "A Drumlow teenager has found a rare ammonite on Skerra Beach.\n\nLeif "
                      "Brannvik, 15, found it on Monday while walking his dog.")
    assert not [r for r in _person(index, "Leif Brannvik").roles if "teenager" in r]


def test_one_shop_put_in_a_firms_name_does_not_make_the_firm_a_town(analyse: Any) -> None:
    """A weak place cue ("a gift shop in Brightwell") against a firm the story names as a
    body again and again ("Brightwell said ...") leaves the firm a body in every article."""
    index = _entities(
        analyse,
        "Brightwell said on Tuesday it would shut its Brelton depot in May, with the loss "
        "of 60 jobs.\n\nA gift shop in Brightwell will stay open until Easter.\n\n"
        "Brightwell blamed the cost of fuel.",
        "Brightwell will shut its depot on Brelton docks in May.\n\nBrightwell said 60 "
        "drivers would lose their jobs.\n\nManagers from Brightwell told the union that "
        "fuel costs had tripled.")
    bodies = {e.name: e for e in index.entities if e.label == "ORG"}
    assert "Brightwell" in bodies
    assert set(bodies["Brightwell"].articles) == {"a0", "a1"}


def test_a_town_spacy_calls_a_body_now_and_then_stays_a_town() -> None:
    """Against a weak cue ("a factory in Kelmoor") and the mentions spaCy calls a body, the
    mentions it calls a place count too: a town read as a body twice and as a place three
    times is a town in every article, not a body."""
    mentions = [replace(_unresolved("a0", "Kelmoor", "candidate", "GPE"), cue="factory in"),
                _name("a0", "Kelmoor", 20, label="ORG"), _name("a1", "Kelmoor", label="ORG"),
                *(_unresolved(a, "Kelmoor", "candidate", "GPE", 40) for a in ("a1", "a2", "a2"))]
    assert {(m.kind, m.label) for m in settle_story_kinds(mentions)} == {("candidate", "GPE")}


def test_a_given_name_like_a_verb_after_a_title_stays_in_the_name(analyse: Any) -> None:
    """ "Councillor Said Zeroual praised ..." in running text: "Said" is his given name,
    not a headline's verb cutting the name to "Councillor"."""
    text = ("Harbour trust chair to retire after nine years\n\nThe chair of the Tarrow "
            "harbour trust, Ilka Brand, is to retire next spring after nine years in the "
            "post.\n\nCouncillor Said Zeroual praised her work and said a successor would "
            "be chosen in February.\n\nThe trust will meet on Friday to decide how the "
            "next chair will be picked.")
    people = {e.name for e in _entities(analyse, text).entities if e.label == "PERSON"}
    assert "Said Zeroual" in people
    assert "Councillor" not in people


def test_a_woman_called_chairman_is_still_mrs_of_her_surname(analyse: Any) -> None:
    """ "Mara Tellwyn, chairman of the parish council" is no man: an office's word keeps no
    "Mrs Tellwyn" in another article off her; an honorific would."""
    index = _entities(
        analyse,
        "Slipway to reopen\n\nMara Tellwyn, chairman of Ostby parish council, said the ferry "
        "slipway would reopen in June after repairs.",
        "Slipway repairs\n\nMrs Tellwyn said the slipway repairs had cost more than the "
        "parish council expected.")
    people = [e for e in index.entities if e.label == "PERSON"]
    assert [(e.name, set(e.articles)) for e in people] == [("Mara Tellwyn", {"a0", "a1"})]


@pytest.mark.parametrize("office", ["spokeswoman for the Ostby ferry company",
                                    "chairwoman of Ostby parish council"])
def test_a_woman_called_spokeswoman_is_no_mr_of_her_surname(analyse: Any, office: str) -> None:
    """An office's "-woman" form is given to no man: "Mr Quill" in another article is
    someone else than "Jane Quill, spokeswoman ..." (only "chairman" is given either sex)."""
    index = _entities(
        analyse,
        f"Slipway to reopen\n\nJane Quill, {office}, said the slipway would reopen in June "
        "after repairs.",
        "Slipway repairs\n\nMr Quill said the repairs had cost more than the parish council "
        "expected.")
    jane = _person(index, "Jane Quill")
    assert set(jane.articles) == {"a0"}


def _entities_with_texts(analyse: Any, *texts: str) -> Any:
    mentions = [m for index, text in enumerate(texts)
                for m in analyse(text, id=f"a{index}").mentions]
    return link_entities(mentions, {f"a{index}": text for index, text in enumerate(texts)})


def test_a_lede_role_goes_to_no_rival_nor_to_a_later_sentence(analyse: Any) -> None:
    """ "A Marlow Fen ornithologist has found ... Rival birder Kester Vane found nothing":
    someone set against the finder, with a title of his own, is not the lede's finder; a
    name two sentences on is not the lede's either, and the lede's age is no part of the
    role ("A 41-year-old Brelton botanist" is a "Brelton botanist")."""
    index = _entities_with_texts(
        analyse,
        "A Marlow Fen ornithologist has found a nesting bittern in the reed beds. Rival "
        "birder Kester Vane found nothing at the site on Sunday.",
        "A 41-year-old Brelton botanist has found a rare orchid on the dunes. Helen Tregarth "
        "found it growing beside the car park.\n\nThe warden said the dunes would be "
        "fenced. Mika Lorn, a volunteer, counted the plants.")
    vane = _person(index, "Kester Vane")
    assert not [r for r in vane.roles if "ornithologist" in r]
    assert "Brelton botanist" in _person(index, "Helen Tregarth").roles
    lorn = [e for e in index.entities if e.label == "PERSON" and e.name == "Mika Lorn"]
    assert not [r for e in lorn for r in e.roles if "botanist" in r]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("A Pellham botanist has found 41 rare orchids on a disused railway line. Dr Ilse "
     "Marwood said she had not expected to find so many in one place.",
     "Ilse Marwood", "Pellham botanist"),
    ("A Brelton teacher has won the national poetry prize. Anna Kowal, who teaches English "
     "at Brelton Academy, said the news was no surprise to her pupils.",
     "Anna Kowal", "Brelton teacher")])
def test_a_not_in_another_clause_keeps_the_lede_role(analyse: Any, text: str, name: str,
                                                     role: str) -> None:
    """Only a denial of the named person's own deed ("Kester Vane found nothing") takes the
    lede's role from them: "said she had not expected ..." or "... was no surprise" does
    not."""
    assert role in _person(_entities_with_texts(analyse, text), name).roles


@pytest.mark.parametrize("when", ["at about 7 a.m. on Sunday", "on Jan. 9, the county trust said"])
def test_an_abbreviation_in_the_lede_is_no_sentence_before_the_name(analyse: Any,
                                                                    when: str) -> None:
    """ "a.m." or "Jan." ends no sentence: the name in the sentence after the lede's is the
    lede's person all the same."""
    text = (f"A Pellham botanist has found 41 rare orchids on a disused railway line {when}. "
            "Dr Helen Tregarth said she was delighted with the find.")
    index = _entities_with_texts(analyse, text)
    assert "Pellham botanist" in _person(index, "Helen Tregarth").roles


def test_a_denial_or_a_rival_is_read_from_the_names_own_words() -> None:
    assert denied_or_rival_in_text("Rival collector ", " found nothing at the site.")
    assert denied_or_rival_in_text("", ", another birder, said the bird had gone.")
    assert denied_or_rival_in_text("", ", 61, did not see it until Monday.")
    assert denied_or_rival_in_text("", " didn't see it until Monday.")
    assert not denied_or_rival_in_text("Dr ", " said she had not expected so many.")
    assert not denied_or_rival_in_text("", ", 41, said there was no doubt.")
    assert not denied_or_rival_in_text("", ", 41, who has no training, found them.")
    assert denied_or_rival_in_text("", ", 41, a birder, never saw it.")
    assert denied_or_rival_in_text("", ", 61, did not see the bird, a hoopoe, at all.")


def test_a_name_told_of_with_which_is_a_body_in_every_article(analyse: Any) -> None:
    """ "Kettering Hoists, which runs the chair lift, said ...": 'which' is said of a
    thing, never of a person ("who"), so a name spaCy missed is no person, here or where
    another article has it speak with no cue at all."""
    index = _entities(analyse, "Two skiers were hurt.\n\nKettering Hoists, which runs the "
                               "chair lift, said in a statement that a cable had snapped. "
                               "The company apologised.",
                      "The lift stayed shut.\n\nKettering Hoists said it would cooperate "
                      "fully.")
    assert not [e for e in index.entities if e.label == "PERSON" and "Kettering" in e.name]
    assert _org(index, "Kettering Hoists").articles == ("a0", "a1")


def test_a_speaker_named_after_a_company_noun_is_that_body(analyse: Any) -> None:
    """The digest's "Operator Dunmere Cableways blamed ... and said": the capitalised
    company noun opening the sentence is no part of the name the speaker phrase gives."""
    text = ("Thirty skiers were lowered to safety from the stalled gondola early on Sunday, "
            "after more than six hours in the cold. Operator Dunmere Cableways blamed a fault "
            "in the main drive and said the backup motor had failed to start.")
    index = _entities_with_texts(
        analyse, "Dunmere Cableways, which operates the gondola, said in a statement that a "
                 "fault had stopped the line.", text)
    phrase = "Operator Dunmere Cableways"
    start = text.index(phrase)
    assert index.resolve("a1", start, start + len(phrase), phrase) == \
        _org(index, "Dunmere Cableways").id



def test_a_plural_word_after_a_body_before_a_title_ends_the_body_name(analyse: Any) -> None:
    # spaCy tags "Ossery" alone as the body; "Lifts" opens the chief executive's title
    index = _entities(analyse, (
        "Tobias Renk, who leads the Ormer Valley Mountain Rescue service, told the Post "
        "that 60 volunteers had worked through the night. The rescue chief said his teams "
        "would train on the Skarda line again in the spring. \u201cWe practise this every "
        "year, and on Friday it paid off,\u201d he said.\n\nOssery Lifts chief executive "
        "Martin Aske described the breakdown as \u201cunacceptable\u201d and promised a "
        "\u201cfull and open\u201d review. According to Ossery Lifts, the cable car opened "
        "in 1998 and its drive was last overhauled two years ago.\n\nClara Vidt, a "
        "spokeswoman for the company, said Ossery would refund every ticket bought for the "
        "weekend."))
    person = _person(index, "Martin Aske")
    assert person.roles == ("chief executive",), person.roles
    assert not [a for a in person.aliases if "Lifts" in a]


def test_a_persons_office_is_no_body_named_office(analyse: Any) -> None:
    """ "Minister Ada Quell will visit on Thursday, her office said": her staff, not the
    Rail Safety Office the article names before (the word "office" alone is no name)."""
    text = ("The Rail Safety Office said it had opened an inquiry. Regional transport "
            "minister Ada Quell will visit Tarnby on Thursday, her office said.")
    index = _entities(analyse, text)
    start = text.index("her office")
    assert index.resolve("a0", start, start + len("her office"), "her office") is None
    start = text.index("The Rail")  # the body's own name still finds it
    assert index.resolve("a0", start, start + 22, "The Rail Safety Office") == \
        _org(index, "Rail Safety Office").id


def test_a_name_before_its_mayor_is_a_town_in_every_article(analyse: Any) -> None:
    # spaCy calls the town a body; its mayor says it is a town, here and elsewhere
    index = _entities(analyse, "The gondola stopped above Tarnwick Cross on Friday. "
                               "Tarnwick Cross Mayor Edda Quell said the town would review "
                               "its plans.",
                      "Skiers waited for hours. Tarnwick Cross said nothing more.")
    assert not [e for e in index.entities if e.name == "Tarnwick Cross"]
    assert _person(index, "Edda Quell").roles == ("mayor",)


def test_a_description_is_the_speaker_the_next_sentence_opens_with(analyse: Any) -> None:
    """ "..., its chief executive said on Sunday. Quell said ...": the article names no one
    before, the next sentence names the chief executive another article gives that role."""
    later = ("The company has cancelled its plans for a second lift, its chief executive "
             "said on Sunday. Quell said the decision had been painful.")
    index = _entities_with_texts(
        analyse, "Tarn Hoists chief executive Ivo Quell apologised on Saturday.", later)
    start = later.index("its chief executive")
    phrase = "its chief executive"
    assert index.resolve("a1", start, start + len(phrase), phrase) == \
        _person(index, "Ivo Quell").id
    # no role of the story's to match: no guess
    assert index.resolve("a1", start, start + len(phrase), "its treasurer") is None


def test_a_relative_named_in_a_whose_clause_gives_the_person_no_role(analyse: Any) -> None:
    # "whose husband" is the husband's role, not the widow's: she is no man
    index = _entities(analyse, "Mara Fenwick, whose husband, Navy pilot Tam Fenwick, died in "
                               "the Orlen raid, spoke on Friday.")
    assert _person(index, "Mara Fenwick").roles == ()
    assert "husband" in _person(index, "Tam Fenwick").roles


def test_a_department_word_after_a_body_before_a_title_is_the_title_s(analyse: Any) -> None:
    # "Sales" is plural-looking, but it names the department the director heads, no body
    index = _entities(analyse, (
        "KELBY - Vellmark Lifts chief executive Martin Aske said on Monday that the chair "
        "lift would reopen in April.\n\nVellmark Sales director Una Kessel said bookings "
        "had held up through the winter and that the firm would hire twelve more staff."))
    person = _person(index, "Una Kessel")
    assert [r.lower() for r in person.roles] == ["sales director"], person.roles
    assert not [e for e in index.entities if e.name == "Vellmark Sales"]


def test_a_description_of_another_side_is_not_the_next_sentence_s_speaker(analyse: Any
                                                                          ) -> None:
    # the next sentence's speaker leads the dockers; the crane drivers' leader is unnamed
    text = ("KELBY - Two unions clashed on Monday over the harbour pay deal.\n\nThe crane "
            "drivers' leader said the deal was fair. Brek said it was a betrayal of the "
            "dockers.\n\nTam Brek, the dockers' union leader, has led the union since 2019.")
    index = _entities_with_texts(analyse, "Dockers' union leader Tam Brek met the board.",
                                 text)
    phrase = "The crane drivers' leader"
    start = text.index(phrase)
    assert index.resolve("a1", start, start + len(phrase), phrase) is None
    company = "its union leader"  # a body's word before the role still fits
    later = "The union rejected the offer, its union leader said. Brek said it was final."
    index = _entities_with_texts(analyse, "Dockers' union leader Tam Brek met the board.",
                                 later)
    start = later.index(company)
    assert index.resolve("a1", start, start + len(company), company) == \
        _person(index, "Tam Brek").id


def test_a_role_of_a_described_body_is_its_holder_not_the_body(analyse: Any) -> None:
    # "the union" names the guild, but "the union's general secretary" is the person
    text = ("Talks between the Harbour Pilots' Guild (HPG) and Orrin Ferries broke down on "
            "Monday. Mara Lindqvist, the union's general secretary, said the pilots had no "
            "choice. \"We were never invited to talk,\" the union's general secretary said.")
    result = analyse(text, id="a0")
    quote = next(q for q in result.quotes if "never invited" in q.text)
    assert quote.speaker_start is not None and quote.speaker_end is not None
    index = link_entities(list(result.mentions), {"a0": text})
    found = index.resolve("a0", quote.speaker_start, quote.speaker_end,
                          quote.speaker_text or "")
    assert found is not None and index.get(found).name == "Mara Lindqvist"


def _entities_with_texts(analyse: Any, *texts: str) -> Any:
    mentions = [m for index, text in enumerate(texts)
                for m in analyse(text, id=f"a{index}").mentions]
    return link_entities(mentions, {f"a{n}": text for n, text in enumerate(texts)})


def test_a_headline_noun_arrested_is_the_one_person_the_body_says_was_charged(analyse: Any
                                                                              ) -> None:
    """The deed told in other words: one charged has been arrested."""
    text = ("Teen Arrested Over Ellisford Barn Fire\n\n"
            "A barn burned down near Ellisford on Saturday, and its owner, Ada Rusk, lost "
            "forty sheep. Tom Brand, 17, has been charged with arson, police said.")
    index = _entities_with_texts(analyse, text)
    assert index.entity_at("a0", 0, len("Teen")) == _person(index, "Tom Brand").id


def test_a_headline_noun_convicted_is_the_one_person_a_jury_found_guilty(analyse: Any
                                                                         ) -> None:
    text = ("Woman Convicted Of Fraud At Ellisford Bank\n\n"
            "A jury at Garrow Crown Court took two hours on Monday. It found Ada Rusk guilty "
            "of stealing from the bank where she worked, the prosecutor, Tom Brand, said.")
    index = _entities_with_texts(analyse, text)
    assert index.entity_at("a0", 0, len("Woman")) == _person(index, "Ada Rusk").id

def test_a_headline_noun_charged_stays_apart_when_two_were_charged(analyse: Any) -> None:
    text = ("Driver Charged Over Ellisford Crash\n\n"
            "A van struck a stall at the Ellisford fair on Sunday. Tom Brand and Lena Ortiz "
            "were charged on Monday. Tom Brand was charged with dangerous driving and Lena "
            "Ortiz was charged with perverting the course of justice.")
    index = _entities_with_texts(analyse, text)
    assert index.entity_at("a0", 0, len("Driver")) is None


def test_a_headline_noun_killed_is_the_one_person_the_body_tells_was_shot(analyse: Any
                                                                          ) -> None:
    text = ("Teen Killed By Police In Ellisford\n\n"
            "Protesters gathered on Monday after the fatal shooting of 16-year-old Tam Reid "
            "on Saturday. Police chief Ada Rusk said the officer involved had been "
            "suspended. Reid was unarmed, his family said.")
    index = _entities_with_texts(analyse, text)
    assert index.entity_at("a0", 0, len("Teen")) == _person(index, "Tam Reid").id


def test_a_headline_noun_killed_is_not_a_death_the_article_recalls(analyse: Any) -> None:
    """The one the body says died is an earlier death; the headline's is named more."""
    text = ("Climber Killed In Fall On Mount Garrow\n\n"
            "A British man has been killed after falling 600 metres on Mount Garrow. "
            "Tom Brand, 32, was climbing with three friends on Saturday. Mr Brand was not "
            "roped, police said. Brand's friends were rescued. The fall came a day after "
            "Ola Fenn died on the same ridge.")
    index = _entities_with_texts(analyse, text)
    assert index.entity_at("a0", 0, len("Climber")) != _person(index, "Ola Fenn").id


def test_a_headline_noun_killed_is_not_the_one_the_body_says_shot_someone(analyse: Any
                                                                          ) -> None:
    text = ("Teen Killed In Ellisford Park\n\n"
            "Tom Brand shot a 16-year-old boy in Ellisford Park on Saturday, police said. "
            "Brand, 41, fled the park. Brand was arrested on Sunday, chief Ada Rusk said.")
    index = _entities_with_texts(analyse, text)
    assert index.entity_at("a0", 0, len("Teen")) != _person(index, "Tom Brand").id


def test_a_headline_noun_dies_is_the_one_whose_long_aside_ends_in_has_died(analyse: Any
                                                                           ) -> None:
    text = ("Swimming Champion And Film Icon Dies In Ellisford\n\n"
            "Mara Lind, swimming champion, actress, and film icon, has died. She was 88. Her "
            "agent, Tom Brand, said she died in her sleep at home.")
    index = _entities_with_texts(analyse, text)
    icon = text.index("Icon")
    assert index.entity_at("a0", icon, icon + len("Icon")) == _person(index, "Mara Lind").id


def test_a_bodys_spokesman_named_by_the_body_stays_its_voice(analyse: Any) -> None:
    """A name before "spokesman" makes a person someone else's ("a Rusk spokesman" is no
    Rusk); a body's spokesman still speaks for the body."""
    text = ("Vellmark Lifts closed the Skarda cable car on Monday. A Vellmark Lifts "
            "spokesman said the drive would be replaced by spring.")
    index = _entities_with_texts(analyse, text)
    start = text.index("A Vellmark")
    phrase = "A Vellmark Lifts spokesman"
    assert index.resolve("a0", start, start + len(phrase), phrase) == \
        _org(index, "Vellmark Lifts").id


def test_a_role_of_a_described_body_is_not_another_sides_holder_of_that_role(
        analyse: Any) -> None:
    # the union's lawyer is not the lawyer acting for the ferry company
    text = ("The Harbour Workers Union called a strike at Harl Ferries on Monday.\n\n"
            "Ada Brandt, a lawyer who acts for Harl Ferries, said the strike was unlawful.\n\n"
            "\"The vote followed every rule,\" said the union's lawyer.")
    result = analyse(text, id="a0")
    quote = next(q for q in result.quotes if "every rule" in q.text)
    assert quote.speaker_start is not None and quote.speaker_end is not None
    index = link_entities(list(result.mentions), {"a0": text})
    found = index.resolve("a0", quote.speaker_start, quote.speaker_end,
                          quote.speaker_text or "")
    assert found is not None and index.get(found).name == "Harbour Workers Union"


def test_a_statement_from_a_person_speaks_for_that_person(analyse: Any) -> None:
    """A name after "for"/"of" is not its phrase's person ("a lawyer for Tom Brand"), but
    what a person puts out ("a statement by Ada Rusk") speaks in her name."""
    text = ("Tenants in Dorvale marched on Monday against a rent rise. Ada Rusk, who chairs "
            "the tenants' union, and Tom Brand, who owns the flats, met on Tuesday. "
            "According to a statement by Ada Rusk, the talks failed. A lawyer for Tom Brand "
            "said the rise would stand.")
    result = analyse(text, id="a0")
    index = link_entities(list(result.mentions), {"a0": text})
    said = {q.speaker_text: index.resolve("a0", q.speaker_start, q.speaker_end,
                                          q.speaker_text or "")
            for q in result.quotes if q.speaker_start is not None}
    statement = next(s for s in said if s and s.startswith("a statement"))
    lawyer = next(s for s in said if s and s.startswith("A lawyer"))
    assert said[statement] == _person(index, "Ada Rusk").id
    assert said[lawyer] is None
    for phrase, person in (("a statement by Ada Rusk", "Ada Rusk"),
                           ("A lawyer for Tom Brand", None)):
        start = text.index(phrase)
        found = index.entity_at("a0", start, start + len(phrase))
        assert found == (_person(index, person).id if person else None)


def test_a_headline_noun_inside_a_relative_clause_is_not_the_one_charged(analyse: Any
                                                                          ) -> None:
    """"Officer Who Shot Teen Charged": the officer was charged, not the teen."""
    text = ("Officer Who Shot Teen Charged With Murder\n\n"
            "Tom Brand, a Dorvale police officer, was charged with murder on Monday over the "
            "death of Ana Lee in May. Brand shot Lee during a traffic stop, prosecutors said. "
            "Brand's lawyer said he would plead not guilty.")
    index = _entities_with_texts(analyse, text)
    teen = text.index("Teen")
    assert index.entity_at("a0", teen, teen + len("Teen")) != _person(index, "Tom Brand").id


def test_a_headline_noun_killed_is_not_a_murder_suspect_nor_one_speaking_after_it(
        analyse: Any) -> None:
    """A harm's noun before a name is the name's only with "of" or "victim" after it."""
    suspect = ("Teen Killed In Dorvale Park Shooting\n\n"
               "A 16-year-old boy died after a shooting in Dorvale Park on Saturday night. "
               "Police have not released his name. Murder suspect Tom Brand was arrested on "
               "Sunday. Brand, 24, is due in court on Monday. Brand had been released from "
               "prison in March, officers said.")
    chief = ("Teen Killed By Police In Dorvale\n\n"
             "Police shot a teenager in Dorvale on Saturday. After the shooting, Ana Lee, the "
             "police chief, said the officer had been suspended. Lee said the teenager had a "
             "knife. Lee promised an inquiry. The boy's family asked for calm.")
    victim = ("Teen Killed In Dorvale\n\n"
              "Protesters marched on Sunday. Stabbing victim Tam Reid, 16, was a pupil at "
              "Dorvale High. Reid's mother, Ana Lee, spoke. Reid had been a keen swimmer.")
    for text, person in ((suspect, "Tom Brand"), (chief, "Ana Lee")):
        index = _entities_with_texts(analyse, text)
        assert index.entity_at("a0", 0, len("Teen")) != _person(index, person).id
    index = _entities_with_texts(analyse, victim)
    assert index.entity_at("a0", 0, len("Teen")) == _person(index, "Tam Reid").id


def test_an_honorific_of_the_other_gender_does_not_join_a_man_by_his_given_name(
        analyse: Any) -> None:
    # Nothing but "Mark" says Mark Ostrander is a man: "Ms. Ostrander" is someone else
    index = _entities(analyse, "Mark Ostrander opened the new ferry terminal in Port Elsin.",
                      "Ms. Ostrander did not answer questions about the ferry.")
    assert "Ms. Ostrander" not in _person(index, "Mark Ostrander").aliases
    # ... while a given name of either gender leaves her free to join
    index = _entities(analyse, "Robin Ostrander opened the new ferry terminal in Port Elsin.",
                      "Ms. Ostrander did not answer questions about the ferry.")
    assert "Ms. Ostrander" in _person(index, "Robin Ostrander").aliases


def test_an_honorific_picks_the_namesake_of_its_gender_by_given_name(analyse: Any) -> None:
    index = _entities(analyse, "Lena Varga and Mark Varga run the bakery on Pier Street. "
                               "Mr. Varga said the ovens were old.")
    assert "Mr. Varga" in _person(index, "Mark Varga").aliases
    assert "Mr. Varga" not in _person(index, "Lena Varga").aliases


def test_a_chemical_works_named_for_what_it_makes_is_a_body(analyse: Any) -> None:
    """The tagger calls "Tallowmere Solvents" a person (walk21): a name ending in the
    plural of what a chemical works makes ("Solvents", "Coatings", "Resins") is a
    company's, never anyone's surname, so it is listed with the organisations."""
    def report(firm: str) -> str:
        return (f"A fire broke out at the {firm} plant on Quarry Lane early on Tuesday. Four "
                f"workers were injured, according to {firm}.\n\nIn a statement, {firm} said "
                "it would pay for hotel rooms. Plant manager Ilse Marrowby said the valves "
                "had been checked.")
    firms = ["Ashwick Solvents", "Marrowdene Coatings", "Quillsby Resins"]
    for firm in firms:
        index = _entities(analyse, report(firm))
        assert {e.name for e in index.entities if e.label == "PERSON"} == {"Ilse Marrowby"}
        assert firm in {e.name for e in index.entities if e.label == "ORG"}


def test_a_qualified_generic_body_is_not_whichever_body_the_article_names(
        analyse: Any) -> None:
    """ "The state environment agency said" (walk21) is not the one school the article
    named before, nor a company it names after: a generic body word with telling
    qualifiers stands only for a body whose name holds them. "The agency" alone still
    finds the one body named, and "the river agency" the Vell River Agency's namesake."""
    text = ("About 400 people spent the night at Brookfold Primary School. The county water "
            "agency said it would test the wells on Monday. Harnett Coatings said the works "
            "would stay shut.")
    index = _entities(analyse, text)
    start = text.index("The county water agency")
    phrase = "The county water agency"
    assert index.resolve("a0", start, start + len(phrase), phrase) is None
    text = ("About 400 people spent the night at the Vell River Trust's hall. The river "
            "agency said it would test the wells on Monday.")
    index = _entities(analyse, text)
    start = text.index("The river agency")
    phrase = "The river agency"
    found = index.resolve("a0", start, start + len(phrase), phrase)
    assert found is not None and index.get(found).name == "Vell River Trust"


def test_a_country_owning_a_body_is_the_same_body(nlp: Any, analyse: Any) -> None:
    # spaCy may tag "Veldoria's Harbour Safety Board" as one name: it is the board another
    # article calls "the Harbour Safety Board", not a second body with the country in it.
    owned = _mentions_with_entity(nlp, "Veldoria's Harbour Safety Board said the ferry was "
                                       "unsafe.", 0, 5, "ORG")
    assert any(m.name == "Veldoria's Harbour Safety Board" for m in owned)
    other = analyse("The Harbour Safety Board said on Friday that the ferry could sail.",
                    id="a1").mentions
    orgs = [e for e in link_entities([*owned, *other]).entities if e.label == "ORG"]
    assert [e.name for e in orgs] == ["Harbour Safety Board"]
    assert set(orgs[0].articles) == {"a0", "a1"}


def test_a_company_word_with_qualifiers_still_finds_the_company_named_next(
        analyse: Any) -> None:
    """revw21: walk21 asked every description's qualifiers of a company named after it,
    so "the Swiss company said" no longer found Brannock Textiles named next: "Swiss" or
    "chemical" describe a company its name need not say; only a word of any body ("the
    county water agency") asks them of the name."""
    text = ("Production at the Dunmore mill will stop until June, the Swiss company said "
            "on Monday. Brannock Textiles employs 300 people at the site.")
    index = _entities(analyse, text)
    phrase = "the Swiss company"
    start = text.index(phrase)
    found = index.resolve("a0", start, start + len(phrase), phrase)
    assert found is not None and index.get(found).name == "Brannock Textiles"


def test_two_countries_owning_a_body_of_one_name_are_two_bodies(nlp: Any, analyse: Any
                                                                ) -> None:
    # "Estmark's Foreign Office" and "Veldoria's Foreign Office" are two ministries: neither
    # is the story's bare "Foreign Office", nor each other.
    estmark = _mentions_with_entity(nlp, "Estmark's Foreign Office summoned the envoy.",
                                    0, 4, "ORG")
    veldoria = [replace(m, article_id="a1") for m in _mentions_with_entity(
        nlp, "Veldoria's Foreign Office called it a stunt.", 0, 4, "ORG")]
    other = analyse("The Foreign Office said on Friday that it would respond.", id="a2").mentions
    orgs = [e for e in link_entities([*estmark, *veldoria, *other]).entities
            if e.label == "ORG" and "Foreign Office" in e.name]
    assert sorted(e.name for e in orgs) == ["Estmark's Foreign Office", "Foreign Office",
                                            "Veldoria's Foreign Office"]


def test_a_speaker_span_with_a_relative_clause_is_the_name_before_it(analyse: Any) -> None:
    # The span runs on into a clause naming a body ("whose ... Union"); the speaker is the
    # person before the clause, never the body the clause names.
    text = ("The ferry plan was debated on Monday. Ada Quill, whose Kessock Ferry Workers "
            "Union has fought the plan for years, argues that the route would never pay.")
    index = link_entities(list(analyse(text, id="a0").mentions), {"a0": text})
    phrase = "Ada Quill, whose Kessock Ferry Workers Union has fought the plan for years"
    start = text.index(phrase)
    found = index.resolve("a0", start, start + len(phrase), phrase)
    assert found == _person(index, "Ada Quill").id
    # The same without the article's text: the phrase itself is read.
    bare = link_entities(list(analyse(text, id="a0").mentions))
    assert bare.resolve("a0", start, start + len(phrase), phrase) == \
        _person(bare, "Ada Quill").id


def test_a_phrase_for_an_honorific_and_a_name_is_someone_else(analyse: Any) -> None:
    # "an aide to Mr. Rusk": the mention is "Rusk", with "Mr." between it and "to"; the
    # aide is not Rusk.
    text = "Tomas Rusk missed the hearing. An aide to Mr. Rusk said he was resting."
    index = link_entities(list(analyse(text, id="a0").mentions), {"a0": text})
    phrase = "An aide to Mr. Rusk"
    start = text.index(phrase)
    assert index.resolve("a0", start, start + len(phrase), phrase) is None


def test_a_party_member_is_not_the_party(analyse: Any) -> None:
    # "an Orvane Labour Party member" is a person the party's name only qualifies, unlike
    # a spokesman, who speaks as the party's voice.
    text = ('Members of the Orvane Labour Party met on Monday. Voters will choose in May.\n\n'
            '"We will win the island back," an Orvane Labour Party member said.')
    assert _speaker(analyse, text, "win the island back") is None
    spokesman = text.replace("member said", "spokesman said")
    assert _speaker(analyse, spokesman, "win the island back") == "Orvane Labour Party"

