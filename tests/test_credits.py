"""Tests for storyline/credits.py: credit lines naming another outlet."""

from __future__ import annotations

from storyline.credits import find_credit, is_credit_line, same_outlet, signed_by_outlet
from tests.conftest import article


def test_credit_lines() -> None:
    assert find_credit(article("Text here.\n\nFrom Reuters.", outlet="Daily"))[0] == "Reuters"
    assert find_credit(article("Ferry fares rise in May. (Source: The Harbour Post)",
                               outlet="Daily"))[0] == "Harbour Post"
    # The last line of a normalised text has no newline or full stop after it.
    assert find_credit(article("Text here.\n\nFrom Reuters", outlet="Daily"))[0] == "Reuters"
    assert find_credit(article("Text here.\n\nSource: the Calder Courier",
                               outlet="Daily"))[0] == "Calder Courier"
    # a sentence opening with "From", "Via" or "Source:" names no outlet
    for line in ("From Monday the ferry runs every half hour.", "Via Roma was closed to traffic.",
                 "Source: Police said two men were arrested.", "From April fares will rise."):
        assert find_credit(article(f"The port reopened.\n\n{line}", outlet="Daily")) is None
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


def test_a_wire_named_alone_on_the_last_line_by_its_initials_or_full_name() -> None:
    body = "The Tollan ferry will stop running in March, the harbour board said."
    for ending, outlet in (("- CPA", "CPA"), ("\u2014 CPA", "CPA"), ("(CPA)", "CPA"),
                           ("Reporting by CPA", "CPA"),
                           ("- Coastline Press Association", "Coastline Press Association"),
                           ("Reporting by the Valley News Service", "Valley News Service")):
        found = find_credit(article(f"{body}\n\n{ending}", outlet="Dunmere Gazette"))
        assert found is not None and found[0] == outlet, ending
    # The wire's own initials are no credit of another outlet.
    assert find_credit(article(f"{body}\n\n- CPA", outlet="Coastline Press Association")) is None


def test_dashes_brackets_and_bylines_that_name_no_outlet_are_no_credit() -> None:
    body = "The Tollan ferry will stop running in March, the harbour board said."
    for ending in ("Nobody saw it coming - the mayor", "- JD", "- ENDS", "(MORE)",
                   "Reporting by Ana Ruiz", "Additional reporting by CPA",
                   "Tickets at the door:\n- Adults\n- NHS",
                   "Stalls this week:\n- Quay Bakery\n- Coastline Press Association"):
        assert find_credit(article(f"{body}\n\n{ending}", outlet="Daily")) is None, ending
    inline = f"{body} The service ends - CPA says - on the last Sunday of March."
    assert find_credit(article(inline, outlet="Daily")) is None


def test_an_outlet_named_without_its_last_word_is_itself() -> None:
    own = article("CASTELMERE (Northwire) - A tram left the rails.", outlet="Northwire Press")
    assert find_credit(own) is None
    other = article("CASTELMERE (Northwire) - A tram left the rails.", outlet="Valley Herald")
    assert find_credit(other)[0] == "Northwire"
    assert not same_outlet("Dunmore Times", "Dunmore Herald")
    assert not same_outlet("Post", "Washington Post")
    assert not same_outlet("The Chronicle", "Chronicle Herald")  # an outlet word alone


def test_a_credit_line_is_told_from_a_sentence_about_publishing() -> None:
    for line in ("This story originally appeared in Kestrel Wire.", "MARROWBY (Kestrel Wire) -",
                 "(Source: Coast Daily)", "From Reuters."):
        assert is_credit_line(line), line
    for sentence in ("The report was published in March.", "From Monday.",
                     "The article was first published on Tuesday.",
                     "The report was published on the council website.",
                     "The report was published by the Coastal Safety Inspectorate."):
        assert not is_credit_line(sentence), sentence


def test_a_wire_dateline_with_initials_of_its_compound_name_is_its_own() -> None:
    # "Continental Newswire" signs its datelines "(CNW)", News + wire: the wire's own
    # story credits no other outlet (it was a "reprint" of nothing, and lost the title).
    text = "CARROWBY, Nov 18 (CNW) - The Pelling looms fell silent on Tuesday."
    assert find_credit(article(text, outlet="Continental Newswire")) is None
    assert find_credit(article(text, outlet="Carrowby Evening Post"))[0] == "CNW"
    assert same_outlet("CNW", "Continental Newswire")
    assert same_outlet("CN", "Continental Newswire")
    assert not same_outlet("CNW", "Continental News")
    assert not same_outlet("CW", "Continental Newswire")


def test_a_last_line_naming_only_another_outlet_of_the_set_signs_a_reprint() -> None:
    text = "The ferry ran aground near Tarnby on Friday. No one was hurt.\n\n*Kestrelwire*"
    copy = article(text, outlet="Tarnby Courier")
    assert signed_by_outlet(copy, ["Kestrelwire"]) == ("Kestrelwire", text.rindex("\n") + 1,
                                                       len(text))
    # a name no article of the set comes from is no outlet's, nor the copy's own outlet
    assert signed_by_outlet(copy, ["Harbour Post"]) is None
    assert signed_by_outlet(article(text, outlet="Kestrelwire"), ["Kestrelwire"]) is None
    # a sentence ending the text is no sign-off
    assert signed_by_outlet(article("Kestrelwire said so.", outlet="X"), ["Kestrelwire"]) is None


def test_an_outlet_in_brackets_after_the_last_sentence_is_a_closing_credit() -> None:
    from storyline.credits import closing_credit

    assert closing_credit("Gales were forecast last week. (Skerry Wire)") == "Skerry Wire"
    assert closing_credit("Gales were forecast (Skerry Wire said) last week.") is None
    assert closing_credit("Talks went on. (Ana Ruiz)") is None  # a name, no outlet's word
