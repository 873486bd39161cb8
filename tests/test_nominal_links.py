"""Role words the description linker shares: a description's head against a role."""

from __future__ import annotations

from storyline.nominal_links import SENTENCE_END, is_past, role_head, same_role


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
