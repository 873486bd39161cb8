"""Parsing: the statement spans that facts and the summary are built from."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.nlp import sentence_features, statement_spans
from storyline.text import tally_text, tally_value


def test_a_closing_quote_ends_its_sentence_and_a_blank_line_ends_a_sentence(nlp: Any) -> None:
    doc = nlp('The chief said the roof fell. "We were lucky," she said. "Nobody was '
              'inside."\n\nThe council met on Monday.\n\nIt said the cause was unknown '
              '"for now."\n\nA new paragraph.')
    assert [s.text for s in statement_spans(doc)] == [
        "The chief said the roof fell.", '"We were lucky," she said.', '"Nobody was inside."',
        "The council met on Monday.", 'It said the cause was unknown "for now."',
        "A new paragraph."]


def test_a_blank_line_after_an_abbreviation_ends_its_sentence(nlp: Any) -> None:
    doc = nlp('The ferry leaves at 7 a.m.\n\n"We cannot sail in this fog," said Harbour '
              'Master Ola Vinter.\n\nThe quay closes at 9 p.m.\n\nThe crew met Dr.\n\n'
              'Rain is forecast.')
    assert [s.text for s in statement_spans(doc)] == [
        "The ferry leaves at 7 a.m.", '"We cannot sail in this fog," said Harbour Master Ola '
        'Vinter.', "The quay closes at 9 p.m.", "The crew met Dr.", "Rain is forecast."]


def test_a_headline_line_stays_with_the_sentence_the_parser_joins_it_to(nlp: Any) -> None:
    doc = nlp("Harbour fire destroys warehouse\n\nA fire destroyed a warehouse on Monday.")
    assert [s.text for s in statement_spans(doc)] == [
        "Harbour fire destroys warehouse\n\nA fire destroyed a warehouse on Monday."]


def test_numbers_written_as_words_keep_their_units(nlp: Any) -> None:
    doc = nlp("Forty-two firefighters fought the blaze. About forty two crews came. Some 40 "
              "firefighters stayed. It cost 12 million crowns. Two hundred forty-two people "
              "came. One hundred and twenty-five homes burned.")
    numbers = sentence_features(doc, "a").numbers
    assert [list(n) for n in numbers] == [[("firefighter", 42.0)], [("crew", 42.0)],
                                          [("firefighter", 40.0)], [("crown", 12_000_000.0)],
                                          [("people", 242.0)], [("home", 125.0)]]
    dated = sentence_features(nlp("The board will certify 1,400 ballots on Dec. 3."), "a")
    assert [list(n) for n in dated.numbers] == [[("ballot", 1400.0)]]  # no "3 Decembers"


def test_clock_times_ages_and_increments_are_no_amounts(nlp: Any) -> None:
    doc = nlp("She queued at 7 a.m. with 40 others. The 45-year-old librarian paid 12 "
              "pounds. Two more clean days were needed. Another 3 weeks passed. Three clean "
              "days in a row came.")
    numbers = sentence_features(doc, "a").numbers
    assert [list(n) for n in numbers] == [[("other", 40.0)], [("pound", 12.0)], [], [],
                                          [("day", 3.0)]]


def test_the_clauses_of_a_long_sentence(nlp: Any) -> None:
    found = sentence_features(nlp(
        "The 1,400 mail ballots that had been set aside on Tuesday will be counted, the "
        "county clerk said. The Kestrel River Bridge was closed on Wednesday, and engineers "
        "from the transport office began checking every pier. The bridge was closed."), "a")
    texts = [[c.text for c in clauses] for clauses in found.clauses]
    assert texts == [
        # the attribution alone ("the county clerk said") is no clause
        ["The 1,400 mail ballots had been set aside on Tuesday",
         "The 1,400 mail ballots that had been set aside on Tuesday will be counted"],
        ["The Kestrel River Bridge was closed on Wednesday",
         "engineers from the transport office began checking every pier"],
        []]  # a short sentence is compared whole
    assert found.clauses[1][0].lemmas == ("kestrel", "river", "bridge", "close", "wednesday")


def test_a_percent_sign_and_the_word_are_one_unit(nlp: Any) -> None:
    found = sentence_features(nlp("Turnout was 48%. Turnout was 45 percent. About 12,000 "
                                  "households lost water. Some 14,500 homes lost water."), "a")
    assert [list(n) for n in found.numbers] == [[("percent", 48.0)], [("percent", 45.0)],
                                                [("home", 12000.0)], [("home", 14500.0)]]


def test_people_who_died_and_residents_who_lost_their_homes_are_two_units(nlp: Any) -> None:
    """revw21: walk21 counted residents as people, so "Four people died when fire tore
    through flats in Pellin" and another outlet's "Forty residents of Pellin lost their
    homes in the fire" were a "4 vs 40 people" dispute (and "a town of 3,000 residents"
    joined it): what befell the people and the residents differs."""
    found = sentence_features(nlp("Four people died when a fire tore through flats in "
                                  "Pellin. Forty residents of Pellin lost their homes in "
                                  "the fire. Some 40 villagers and 12 evacuees slept in the "
                                  "hall."), "a")
    assert [list(n) for n in found.numbers] == [[("people", 4.0)], [("resident", 40.0)],
                                                [("villager", 40.0), ("evacuee", 12.0)]]


def test_digits_that_are_part_of_a_name_are_no_amounts(nlp: Any) -> None:
    doc = nlp("Pebbleton recalled 18,000 Voyager 360 car seats. Crews prepared the Falcon 9 "
              "rockets for the launch.")
    numbers = sentence_features(doc, "a").numbers
    assert [list(n) for n in numbers] == [[("seat", 18_000.0)], []]


def test_a_clause_the_parse_runs_into_the_next_paragraph_stays_in_its_sentence(
        nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline import nlp as nlp_module

    doc = nlp("The council said it was told on Friday that the pier was unsafe for crowds and "
              "boats.\n\nHarbour master Tomas Keller called the closure a temporary setback.")
    real = nlp_module.sentence_clauses

    def across(sent: Any) -> Any:  # as a parse that crosses the paragraph break does
        return [[*part, *sent.doc[sent.end:]] for part in real(sent)] or [list(sent.doc)]

    monkeypatch.setattr(nlp_module, "sentence_clauses", across)
    found = sentence_features(doc, "a")
    first = found.sentences[0]
    assert found.clauses[0] and all(
        "Keller" not in clause.text for clause in found.clauses[0])
    assert "Keller" not in first.text


def test_a_tally_is_one_figure_of_two_parts(nlp: Any) -> None:
    doc = nlp("The Dunmore harbour board voted 6-3 on Monday to sell the old pier. The board "
              "voted by six votes to three. Harrowgate Rovers won the cup final 2-1. Between "
              "10-12 people came. Support rose from 7 to 9 percent after the vote.")
    numbers = sentence_features(doc, "a").numbers
    assert [list(n) for n in numbers] == [
        [("vote tally", tally_value(6, 3))], [("vote tally", tally_value(6, 3))],
        [("score tally", tally_value(2, 1))], [("people", 10.0)], [("percent", 7.0)]]
    assert tally_text(tally_value(3, 6)) == "6-3"


def test_a_measure_describing_a_thing_or_a_size_is_its_own_quantity(nlp: Any) -> None:
    doc = nlp("They walked the Elsin loop, a 14-kilometre trail. The car stood about two "
              "kilometres from the trail. Mud lay up to three metres deep. The flood covered "
              "400 metres of track. The hut, at 1,200 metres, was dry. The club has a "
              "12-member board.")
    numbers = sentence_features(doc, "a").numbers
    assert [list(n) for n in numbers] == [
        [("kilometre|trail", 14.0)], [("kilometre", 2.0)], [("metre|deep", 3.0)],
        [("metre|of track", 400.0)], [("metre|at", 1200.0)], [("member", 12.0)]]


def test_the_model_named_in_the_environment_after_a_first_load_is_the_one_loaded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A library user switches $STORYLINE_MODEL between two loads: the second load gives
    # the newly named pipeline, not the one cached for "no name given". spacy.load is
    # replaced by blank pipelines, so no model is needed for the made-up names.
    import spacy

    from storyline import nlp as nlp_module

    loaded: list[str] = []

    def blank(name: str, **_: Any) -> Any:
        loaded.append(name)
        return spacy.blank("en")

    monkeypatch.setattr(nlp_module.spacy, "load", blank)
    monkeypatch.setenv(nlp_module.MODEL_ENV, "fictional_pipeline_quarry")
    first = nlp_module.load_nlp()
    assert nlp_module.load_nlp() is first  # still loaded once per name
    monkeypatch.setenv(nlp_module.MODEL_ENV, "fictional_pipeline_saltmarsh")
    second = nlp_module.load_nlp()
    assert second is not first
    assert loaded == ["fictional_pipeline_quarry", "fictional_pipeline_saltmarsh"]
    assert nlp_module.load_nlp("fictional_pipeline_quarry") is first


def test_a_quote_mark_glued_to_the_next_word_is_a_token_of_its_own(nlp: Any) -> None:
    # Fictional: the writer left out the space after the closing mark; the name after it
    # is a word of its own, and the comma and the mark are two tokens.
    doc = nlp('"The pier is safe,\u201dMira Oslan said. She was over."The ferry runs."')
    words = [t.text for t in doc]
    assert words[4:8] == ["safe", ",", "\u201d", "Mira"]
    assert words[14:17] == [".", '"', "The"]
    # Numbers and hyphenated words keep their tokens.
    assert [t.text for t in nlp("A state-run firm cut 3,000 jobs.")][1:6] == \
        ["state", "-", "run", "firm", "cut"]


def test_labourers_are_counted_as_workers(nlp: Any) -> None:
    # Fictional. One outlet's "4 labourers were hurt" and another's "three workers were
    # injured" count one thing (a spun copy writes "labourers" for "workers").
    found = sentence_features(nlp("Four labourers were hurt at the Garrow quarry. Two "
                                  "workmen and five employees left."), "a")
    assert [list(n) for n in found.numbers] == [[("worker", 4.0)], [("worker", 2.0),
                                                                    ("worker", 5.0)]]
