"""Role words the description linker shares: a description's head against a role."""

from __future__ import annotations

from storyline.models import Mention
from storyline.nominal_links import (
    SENTENCE_END,
    headline_deed,
    is_past,
    role_head,
    same_role,
)


def test_a_role_is_named_by_its_head_noun_or_a_synonym() -> None:
    assert role_head("chief engineer at the Kelby Harbour Board") == "engineer"
    assert same_role("CEO", "chief executive of Vellmark Lifts")
    assert same_role("spokeswoman", "ministry spokesperson")
    assert not same_role("minister", "deputy mayor")


def test_a_former_role_is_no_present_one() -> None:
    assert is_past("former coach") and is_past("ex-mayor")
    assert not is_past("head coach")


def test_a_sentence_end_skips_honorifics_and_initials() -> None:
    text = "Dr. Marsh met J. Thorn on Monday. They spoke."
    assert [m.start() for m in SENTENCE_END.finditer(text)] == [text.index(". They")]


def test_a_title_noun_accused_of_something_suffers_the_charge_but_not_one_who_accuses() -> None:
    def deed(headline: str) -> str | None:
        noun = headline.split()[0]
        return headline_deed(Mention("a0", noun, 0, len(noun), "PERSON", noun.lower(),
                                     kind="nominal"), headline + "\n\nBody.")

    assert deed("Man accused of theft appears in court") == "charge"
    assert deed("Teacher suspected of fraud is named") == "charge"
    # the father accused someone else: he is the accuser, not the accused
    assert deed("Father accused coach of abuse, court told") is None
    assert deed("Woman suspected neighbour of theft, court hears") is None
