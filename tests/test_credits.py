"""Tests for storyline/credits.py: credit lines naming another outlet."""

from __future__ import annotations

from storyline.credits import find_credit
from tests.conftest import article


def test_credit_lines() -> None:
    assert find_credit(article("Text here.\n\nFrom Reuters.", outlet="Daily"))[0] == "Reuters"
    assert find_credit(article("Ferry fares rise in May. (Source: The Harbour Post)",
                               outlet="Daily"))[0] == "Harbour Post"
    # The last line of a normalised text has no newline or full stop after it.
    assert find_credit(article("Text here.\n\nFrom Reuters", outlet="Daily"))[0] == "Reuters"
    assert find_credit(article("Text of the story ends here /VOA", outlet="Daily"))[0] == "VOA"
    own = article("DUNMORE (Meridian Press) - Text.", outlet="Meridian Press")
    assert find_credit(own) is None
    dated = article("DUNMORE, Nov 18 (Meridian Press) - Text.", outlet="Daily")
    assert find_credit(dated)[0] == "Meridian Press"
    signed = article("Text of the story ends here. /Meridian Press", outlet="Daily")
    assert find_credit(signed)[0] == "Meridian Press"
    assert find_credit(article("Pay rose 3 / Year on year it fell", outlet="Daily")) is None
    for ending in ("Photo by Ana Ruiz / Dunmore Herald", "By Ana Ruiz / Staff Writer",
                   "Adults 4 crowns / Children Free", "Home / News / Council Statement",
                   "Tags: Dunmore / Harbor Fire", "Edited by Jo Lee / Ana Ruiz"):
        assert find_credit(article(f"The bridge reopened.\n\n{ending}", outlet="Daily")) is None
    assert find_credit(article("NHS, England and Wales (NHSE) - waiting lists rose.",
                               outlet="Daily")) is None
    # an author's sign-off is no outlet's credit
    assert find_credit(article("The poll closed.\n\n- Elise Viebeck.", outlet="Daily")) is None
    assert find_credit(article("DUNMORE, 18 March 2026 (Meridian Press) - Text.",
                               outlet="Daily"))[0] == "Meridian Press"
