"""How a person's roles are written: one form each, lower-case as titles are. All texts
are fictional."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.entities import link_entities
from storyline.mentions import find_mentions
from storyline.roles import normalize_role


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


def test_a_common_noun_opening_the_sentence_and_the_title_is_lower_case(nlp: Any) -> None:
    # The article never writes "opposition" again: its capital still only opens the sentence.
    doc = nlp("Opposition leader Mira Kalde said the vote was rigged. Kalde spoke in Orlund.")
    roles = {m.name: m.role for m in find_mentions(doc, "a1") if m.kind == "name"}
    assert roles["Mira Kalde"] == "opposition leader"


def test_a_relative_said_bare_and_with_whose_is_listed_once(analyse: Any) -> None:
    # "brother" beside "brother of Mayor Ilse Brand" says nothing more: listed once.
    roles = _roles(analyse,
                   "The firm is owned by Olav Brand, the brother of Mayor Ilse Brand.",
                   "Her brother, Olav Brand, said the firm had done nothing wrong.")
    assert roles["Olav Brand"] == ("brother of Mayor Ilse Brand",)


def test_a_role_owned_and_of_the_same_body_is_listed_once(analyse: Any) -> None:
    # "the HSB's director" and "the director of the HSB" are one role, listed once.
    roles = _roles(analyse,
                   "Dr. Kaspar Lind, the director of the HSB, said the ferry was unsafe.",
                   "The HSB's director, Kaspar Lind, said the ferry would stay in port.")
    assert roles["Kaspar Lind"] == ("director of the HSB",)


def test_a_bare_job_beside_a_longer_form_of_it_is_listed_once(analyse: Any) -> None:
    # "her spokesperson" keeps only "spokesperson": beside "mayor's spokesperson" it says
    # nothing more. A title ("mayor" beside "mayor of Orlund") is how the text addresses
    # someone, and stays.
    roles = _roles(analyse,
                   "The mayor's spokesperson, Tove Rask, said the pier would reopen.",
                   "Her spokesperson, Tove Rask, said the mayor was resting.",
                   "Mayor Ilse Dahl, the mayor of Orlund, said the pier was safe.")
    assert roles["Tove Rask"] == ("mayor's spokesperson",)
    assert "mayor" in roles["Ilse Dahl"]


def test_an_office_of_a_named_place_beside_the_office_is_listed_once(analyse: Any) -> None:
    # "Dravia's finance minister" and "the finance minister" are one office: the title,
    # as the text addresses her, is listed. A person's lawyer names whose, and stays.
    roles = _roles(analyse,
                   "Dravia's finance minister, Lene Storm, has resigned over the bond sale.",
                   "Lene Storm, the finance minister, said she would answer questions.",
                   "Finance Minister Lene Storm left the building.",
                   "Storm's lawyer, Arvo Lenk, said she had done nothing wrong.",
                   "Arvo Lenk, a lawyer, said the papers were filed.")
    assert roles["Lene Storm"] == ("finance minister",)
    assert "Storm's lawyer" in roles["Arvo Lenk"]


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


def test_a_lower_case_noun_before_a_title_is_part_of_it(analyse: Any) -> None:
    """ "café owner Marthe Okonedo" owns a café: the role is not a bare "owner"."""
    roles = _roles(analyse, "\"We sold out by noon,\" said café owner Marthe Okonedo, whose "
                            "shop faces the fictional square of Brell.")
    assert roles["Marthe Okonedo"] == ("café owner",)


def test_one_before_an_apposed_trade_is_no_part_of_the_role(analyse: Any) -> None:
    roles = _roles(analyse, "\"Thirty years at the loom, and then a notice on the gate,\" "
                            "one spinner, Berit Castellan, said on Monday.")
    assert roles["Berit Castellan"] == ("spinner",)
    assert normalize_role("one of the spinners") == "one of the spinners"
    assert normalize_role("One Show presenter") == "One Show presenter"


def test_a_trade_glued_to_a_surname_is_a_title_not_a_given_name(analyse: Any) -> None:
    """ "Barmaid Ollerenshaw" is Jessa Ollerenshaw called by her trade, not a second
    Ollerenshaw whose given name is "Barmaid"."""
    index = link_entities([
        *analyse("Jessa Ollerenshaw has pulled pints at the Anchor for thirty years. \"The "
                 "regulars are family,\" Ollerenshaw said on Friday.", id="a0").mentions,
        *analyse("The Anchor closes on Sunday. Barmaid Ollerenshaw said she would miss the "
                 "quiz nights.", id="a1").mentions])
    people = [e for e in index.entities if e.label == "PERSON"]
    assert [p.name for p in people] == ["Jessa Ollerenshaw"]
    assert "barmaid" in people[0].roles


def test_a_sentence_capital_does_not_undo_a_trade_or_one(analyse: Any) -> None:
    """Opening a sentence, "One potter, Ilse Marrick," is still a potter and "Café owner
    Tessa Kerrow" still a café owner: the capital is the sentence's, not the role's."""
    roles = _roles(analyse, "The mill in the fictional town of Brell will close in June.\n\n"
                            "One potter, Ilse Marrick, said the notice came without warning."
                            "\n\nCafé owner Tessa Kerrow said trade on the square would "
                            "fall by half.")
    assert roles["Ilse Marrick"] == ("potter",)
    assert roles["Tessa Kerrow"] == ("café owner",)
    assert normalize_role("One of the potters") == "One of the potters"
    # spaCy may call the capitalised "Café" a proper noun
    roles = _roles(analyse, "The mill in the fictional town of Brell will close in June.\n\n"
                            "Café owner Helen Tregarth said trade on the square would "
                            "fall by half.")
    assert roles["Helen Tregarth"] == ("café owner",)


def test_one_before_a_place_in_running_text_is_dropped_from_the_role(analyse: Any) -> None:
    """ "said one Kelby fisherman, Dougie Marr," is a Kelby fisherman: a lower-case "one" or
    "another" goes whatever follows; only a capitalised "One" opening a sentence keeps a
    name after it ("One Show presenter")."""
    roles = _roles(analyse, "The harbour at Kelby was closed on Sunday after the storm.\n\n"
                            "The boats stayed in port, said one Kelby fisherman, Dougie Marr, "
                            "who has worked there for 30 years.")
    assert roles["Dougie Marr"] == ("Kelby fisherman",)
    assert normalize_role("another Tarrow Radio presenter") == "Tarrow Radio presenter"
    assert normalize_role("One Show presenter") == "One Show presenter"


@pytest.mark.parametrize(("opening", "role"), [("Henley adviser", "adviser"),
                                               ("Kowalski spokesman", "spokesman"),
                                               ("Garcia campaign manager", "campaign manager")])
def test_a_surname_opening_a_sentence_before_a_title_is_no_trade(analyse: Any, opening: str,
                                                                role: str) -> None:
    """A capitalised surname before a title at a sentence's start, tagged as spaCy may tag
    "Café", is no trade lower-cased into the role ("henley adviser"): only a common word
    is ("Café owner" -> "café owner")."""
    roles = _roles(analyse, "The audit of the Tarrow harbour accounts will be published next "
                            f"month.\n\n{opening} Tom Bell said the accounts were sound.")
    assert roles["Tom Bell"] == (role,)


def test_an_emergency_service_title_opening_a_sentence_is_lower_cased() -> None:
    # "Rescue chief Tobias Renk said ...": the sentence's capital, not a name's
    assert normalize_role("Rescue chief") == "rescue chief"
    assert normalize_role("Coastguard commander") == "coastguard commander"
    assert normalize_role("Pentagon spokesman") == "Pentagon spokesman"  # a name's capital


def test_a_bare_job_beside_a_former_or_deputy_form_of_it_stays(analyse: Any) -> None:
    # "former Harriers manager" and "deputy leader" are other jobs: "the manager" and "the
    # leader" say what the person is now, and stay.
    roles = _roles(analyse,
                   "Ben Odell, the former Harriers manager, joined Rovers in May.",
                   "Ben Odell, the manager, said the team was ready.",
                   "Ina Moe, the deputy leader, won the vote on Friday.",
                   "Ina Moe, the leader, said the party would unite.")
    assert "manager" in roles["Ben Odell"]
    assert "leader" in roles["Ina Moe"]
