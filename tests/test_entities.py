"""People and organisations: mentions, roles, linking within and across articles."""

from __future__ import annotations

from typing import Any

from storyline.entities import link_entities, normalize_role, org_key, role_head


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


def test_org_keys_unify_long_and_short_forms() -> None:
    assert org_key("the State Department") == org_key("U.S. Department of State")
    assert org_key("the Ministry of Transport") == org_key("Ministry of Transport")


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
    for entity in index.entities:
        if entity.label == "PERSON":
            assert entity.name in {"Anna Smith", "Robert Smith"}
            assert "Smith" not in entity.aliases


def test_acronym_joins_long_form(analyse: Any) -> None:
    index = _entities(analyse, "The Dunmore Engineering Institute (DEI) found cracks. "
                               "The DEI said more tests were needed.")
    orgs = [e for e in index.entities if e.label == "ORG"]
    institute = next(e for e in orgs if e.name == "Dunmore Engineering Institute")
    assert "DEI" in institute.aliases
    assert not any(e.name == "DEI" for e in orgs)


def test_resolver_finds_role_descriptions(analyse: Any) -> None:
    text = ("The minister's spokesperson, Lena Marsh, spoke first. Transport Minister Tomas "
            "Brandt followed. The spokesperson said the visit would go ahead.")
    index = _entities(analyse, text)
    start = text.index("The spokesperson")
    found = index.resolve("a0", start, start + len("The spokesperson"), "The spokesperson")
    assert found == _person(index, "Lena Marsh").id
    assert index.resolve("a0", 0, 0, "the minister") == _person(index, "Tomas Brandt").id
    assert index.resolve("a0", 0, 0, "the engineer") is None


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
            assert mention[:1].isupper(), (person["name"], mention)


def test_headline_glued_to_a_name_is_trimmed(analyse: Any) -> None:
    index = _entities(analyse, "Lindsay Lohan Checks Into Rehab Again\n\nLindsay Lohan, the "
                               "actress, checked into a clinic on Monday. Lohan said nothing.")
    people = [e for e in index.entities if e.label == "PERSON"]
    assert [p.name for p in people] == ["Lindsay Lohan"]


def test_generational_suffix_is_not_a_surname(analyse: Any) -> None:
    index = _entities(analyse, "Martin Luther King Jr. spoke first. King was cheered.")
    king = _person(index, "Martin Luther King Jr.")
    assert "King" in king.aliases
