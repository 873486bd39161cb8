"""Cheap text helpers: which sentence copies which."""

from __future__ import annotations

import pytest

from storyline.text import after_dateline, copy_kind, format_number, plural, readable_number

HERALD = ("PORT DUNMORE - A ferry carrying 148 passengers ran aground on Tollan Reef off Hale "
          "Island early on Tuesday.")
SHORT = "The ferry Northern Star ran aground on Tuesday near Hale Island."


@pytest.mark.parametrize(("copy", "original", "kind"), [
    (HERALD, HERALD, "verbatim"),
    ("Ferry aground: A ferry carrying 148 passengers ran aground on Tollan Reef off Hale "
     "Island early on Tuesday, the Dunmore Herald reports.", HERALD, "edited"),
    ("A ferry carrying 148 passengers ran aground on Tollan Reef off Hale Island early on "
     "Tuesday, according to the Dunmore Herald.", HERALD, "edited"),
    ("Oakhurst ballots: Officials began reviewing 1,100 disputed mail ballots on Wednesday, "
     "according to Kestrel Wire.", "OAKHURST, Nov. 18 (Kestrel Wire) - Officials began "
     "reviewing 1,100 disputed mail ballots on Wednesday.", "edited"),
    ("All Hale Island sailings were cancelled until at least Friday.",
     "The spokesperson said the company would refloat the ferry on Wednesday and that all "
     "Hale Island sailings were cancelled until at least Friday.", "shortened"),
    # Another outlet's own sentence around the same words is no copy of them...
    ("Lifeboat crews worked for hours after the ferry Northern Star ran aground on Tuesday "
     "near Hale Island, bringing every passenger ashore.", SHORT, None),
    ("Mayor Ilse Varga said it was simply untrue that the ferry Northern Star ran aground "
     "on Tuesday near Hale Island.", SHORT, None),
    # ... nor is a speaker's attribution a credit, nor are quoted words the writer's own.
    ("The ferry Northern Star ran aground on Tuesday near Hale Island, police said.", SHORT,
     None),
    ('"We will rebuild the harbour wall before the winter storms with local firms," Varga '
     "said.", 'Mayor Ilse Varga said: "We will rebuild the harbour wall before the winter '
     'storms with local firms."', None),
    ("The ferry Northern Star did not run aground on Tuesday near Hale Island.", SHORT, None),
])
def test_which_sentence_copies_which(copy: str, original: str, kind: str | None) -> None:
    assert copy_kind(copy, original) == kind


@pytest.mark.parametrize(("value", "shown"), [
    (4_200_000, "4.2 million"), ("4800000", "4.8 million"), (1_234_567, "1,234,567"),
    (18_000, "18,000"), (12.5, "12.5"), (2_000_000_000, "2 billion"), ("forty", "forty")])
def test_figures_read_as_a_reader_writes_them(value: float | str, shown: str) -> None:
    assert readable_number(value) == shown


def test_figures_keep_every_digit_and_odd_values_do_not_break() -> None:
    assert format_number(1_234_567.5) != format_number(1_234_568.75)
    assert format_number(1.1 * 1_000_000) == "1100000"
    assert readable_number("1234568.75") == "1,234,568.75"
    assert readable_number("1e400") == "1e400" and readable_number("NaN") == "NaN"
    assert readable_number(None) == ""


@pytest.mark.parametrize(("text", "kept"), [
    ("BRACKHOLM, Jan 9 (Test Wire) - The ski lift stopped with forty skiers on board.",
     "The ski lift stopped with forty skiers on board."),
    # a headline and a date line are no sentence before the dateline
    ("Ski lift stops\nJan 9, 2027\nBRACKHOLM - The ski lift stopped with forty skiers on "
     "board.", "The ski lift stopped with forty skiers on board."),
    # nor is a headline ending in "?" or "!", nor a date line ending in "a.m."
    ("Is the lift safe?\n\nBRACKHOLM - The ski lift stopped with forty skiers on board.",
     "The ski lift stopped with forty skiers on board."),
    ("Forty stuck!\nUpdated 10.32 a.m.\nBRACKHOLM - The ski lift stopped with forty skiers "
     "on board.", "The ski lift stopped with forty skiers on board."),
])
def test_an_articles_dateline_is_cut(text: str, kept: str) -> None:
    start = text.rindex("\n") + 1 if "\n" in text else 0
    assert text[after_dateline(text, start):] == kept


def test_a_name_in_capitals_with_a_dash_aside_is_no_dateline() -> None:
    text = "BSLC - the Brackholm ski lift company - said the new cable had snapped on Friday."
    assert after_dateline(text) == 0


def test_a_later_sentence_opening_in_capitals_keeps_them() -> None:
    text = ("The lift stopped on Friday. BSLC - the Brackholm ski lift company - said the "
            "cable had snapped.")
    start = text.index("BSLC")
    assert after_dateline(text, start) == start


def test_a_word_already_plural_stays_so() -> None:
    # a count of a proper noun keeps the text's plural: "number of norvelians", "news"
    assert [plural(w) for w in ("norvelians", "icelanders", "news")] == [
        "norvelians", "icelanders", "news"]
    assert [plural(w) for w in ("bus", "class", "passenger", "story", "km")] == [
        "buses", "classes", "passengers", "stories", "km"]


def test_a_roundups_later_item_loses_its_dateline_but_not_an_aside() -> None:
    """A later paragraph opening with a dateline (a roundup's item) is cut as the lede is;
    a name in capitals with a capitalised dash aside opening a paragraph is kept whole."""
    text = ("Ski news in brief\n\nBRACKHOLM - The ski lift stopped with forty skiers on board."
            "\n\nVELL - The Vell valley resort will open two new runs on Saturday.")
    start = text.index("VELL -")
    assert text[after_dateline(text, start):] == ("The Vell valley resort will open two new "
                                                  "runs on Saturday.")
    text = ("The lift stopped on Friday.\n\nBSLC - Brackholm's ski lift company - said the "
            "cable had snapped.")
    start = text.index("BSLC")
    assert after_dateline(text, start) == start
