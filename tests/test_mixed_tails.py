"""The writer's words after a mixed quote's last quotation: fictional articles only."""

from __future__ import annotations

from typing import Any

import pytest


def _mixed(analyse: Any, text: str, fragment: str) -> Any:
    found = [q for q in analyse(text).quotes if fragment in q.text]
    assert found, f"no quote holding {fragment!r}"
    return found[0]


@pytest.mark.parametrize(("text", "said"), [
    # when and where it was said
    ('Councillor Ada Brell blasted the ferry levy as a "daylight robbery" Wednesday on '
     'the Harbour Hour.', 'the ferry levy as a "daylight robbery"'),
    ('Oren Dahl criticized the ferry levy as a "crazy tax" during a campaign stop in '
     'Lenby for his sister.', 'the ferry levy as a "crazy tax"'),
    # what happened around the saying
    ('Ada Brell said she was "ready for the fight" as she faces a hard vote in Marrowby.',
     'she was "ready for the fight"'),
    ('Tomas Reel told supporters to "stand with the crews" before sketching out his own '
     'plan for the harbour.', 'supporters to "stand with the crews"'),
    ('Six months ago, Oren Dahl said, the council called him a "dreamer," making air quotes '
     'with both hands.', 'Six months ago, the council called him a "dreamer,"'),
    # the cue's own perfect tense is the saying's
    ('Oren Dahl has called the pier levy "a daylight robbery" on his radio show.',
     'the pier levy "a daylight robbery"'),
])
def test_when_where_and_what_happened_after_the_marks_are_not_said(
        analyse: Any, text: str, said: str) -> None:
    quote = _mixed(analyse, text, said.split('"')[1])
    assert quote.kind == "mixed"
    assert quote.text == said


@pytest.mark.parametrize(("text", "fragment", "ending"), [
    ('Ada Brell said the pier is "standing tall" despite the storm and gives the town hope.',
     "standing tall", "gives the town hope"),
    ('Oren Dahl told the crews to stop "grumbling" when the ferry runs late.', "grumbling",
     "when the ferry runs late"),
    ('Tomas Reel said the new levy is "the best of both worlds," giving islanders a say over '
     'the fares.', "the best of both worlds", "a say over the fares"),
    # when or where the event said to come (or to have come) happens, not the saying's
    ('Oren Dahl said the night ferry would "sail again" Friday.', "sail again",
     "Friday"),
    ('Ada Brell said the harbour master had "lied outright" during the inquiry hearing.',
     "lied outright", "during the inquiry hearing"),
    ('Tomas Reel said island fares will "keep rising" as fuel costs climb.', "keep rising",
     "as fuel costs climb"),
    # what someone named did, and when: the claim
    ('Ada Brell said Tom Reel "panicked" when asked about the budget.',
     "panicked", "when asked about the budget"),
])
def test_words_going_on_with_the_statement_stay(analyse: Any, text: str, fragment: str,
                                                ending: str) -> None:
    quote = _mixed(analyse, text, fragment)
    assert quote.kind == "mixed"
    assert quote.text.endswith(ending)


def test_a_quotation_left_alone_after_the_cut_is_a_quote_of_its_own(analyse: Any) -> None:
    text = ('Mayor Ada Brell said, "We will see," when asked at the pier whether she would '
            'run again.')
    quotes = [q for q in analyse(text).quotes if "We will see" in q.text]
    assert [q.text for q in quotes] == ["We will see,"]


@pytest.mark.parametrize(("text", "sentence", "reported"), [
    ('Councillor Ada Brell said the new fees were fair, and when pressed on why the levy '
     'spares yachts, the councillor replied, "It is settled law and it will stay."',
     "It is settled law and it will stay.", "the new fees were fair"),
    ('Inspector Tomas Reel said the ferry had been checked twice and told one reporter, '
     '"The hull is sound, and I would sail on her tomorrow."',
     "The hull is sound, and I would sail on her tomorrow.", None),
])
def test_a_sentence_in_marks_after_its_own_cue_is_no_part_of_a_mixed_quote(
        analyse: Any, text: str, sentence: str, reported: str | None) -> None:
    quotes = analyse(text).quotes
    assert not any(q.kind == "mixed" and sentence in q.text for q in quotes), \
        [(q.kind, q.text) for q in quotes]
    assert any(q.kind == "direct" and q.text == sentence for q in quotes)
    if reported is not None:
        assert any(q.text == reported for q in quotes), [(q.kind, q.text) for q in quotes]


def test_a_quotation_going_on_in_lower_case_stays_in_its_mixed_quote(analyse: Any) -> None:
    text = 'The new pier, Dahl said, "will reopen in the spring."'
    quote = _mixed(analyse, text, "will reopen in the spring")
    assert quote.kind == "mixed" and quote.text.startswith("The new pier")
