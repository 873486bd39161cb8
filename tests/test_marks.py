"""Quote marks: which characters stand between matching quotation marks (fictional text)."""

from __future__ import annotations

from storyline.marks import find_quote_marks


def test_quote_marks_all_styles() -> None:
    text = ('A "straight one" and \u201ccurly one\u201d and \u00abguillemets\u00bb and '
            '\u2018single one\u2019.')
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ["straight one", "curly one", "guillemets", "single one"]


def test_mixed_double_mark_styles_pair_up() -> None:
    # Edited copy: a curly opening mark closed by a straight one, and the other way round.
    text = ('\u201cThe pier stays shut," Marsh said. Dahl said it would take "more hours\u201d '
            'and "a lot of luck."')
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ["The pier stays shut,", "more hours", "a lot of luck."]


def test_a_curly_pair_inside_an_unclosed_straight_mark_is_not_its_end() -> None:
    text = '"Dahl walked onto the pier, chanting \u201cSail! Sail!\u201d and waving.'
    assert all("Dahl walked" not in text[s.start:s.end] for s in find_quote_marks(text))


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The mayor\u2019s office said it wouldn\u2019t comment on the workers\u2019 pay."
    assert find_quote_marks(text) == []


def test_multi_paragraph_quote_continues_when_reopened() -> None:
    text = ('"The first paragraph of the statement goes on,\n\n'
            '"and the second paragraph ends it," she said.')
    spans = find_quote_marks(text)
    assert len(spans) == 1
    assert text[spans[0].start:spans[0].end].endswith("ends it,")


def test_unclosed_quote_at_paragraph_end_is_dropped() -> None:
    text = 'He said "this never closes.\n\nA new paragraph without marks.'
    assert find_quote_marks(text) == []


def test_a_closing_curly_mark_typed_as_the_opener_opens_a_quote() -> None:
    text = ('Readers wrote in.\n\n\u201dFear. I am truly afraid of the ferry closing.\u201d '
            '\u2015 Jane Roe.\n\nShe called it \u201cunfair\u201d and left.')
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ["Fear. I am truly afraid of the ferry closing.", "unfair"]


def test_a_curly_quote_inside_a_curly_quote_does_not_end_it() -> None:
    text = ('\u201cThe captain keeps calling the crossing \u201ca breeze\u201d and nobody on '
            'board agrees,\u201d Jane Roe wrote.\n\nShe called it \u201cunfair\u201d.')
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ['The captain keeps calling the crossing \u201ca breeze\u201d and nobody on '
                     'board agrees,', "unfair"]


def test_an_unclosed_inner_curly_mark_still_lets_the_quote_close() -> None:
    text = '\u201cThe pier, \u201cshe said, is closed,\u201d Marsh wrote. Dahl agreed.'
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ["The pier, \u201cshe said, is closed,"]


def test_straight_single_marks_quote_when_they_close_after_punctuation() -> None:
    text = ("'It is cold out here,' said Tom Reilly, a porter. 'We stay.'\n\n"
            "The workers' union met in the '90s hall and didn't vote. Rock 'n' roll played.\n\n"
            "In the '90s, the U.S.' stance on trade was different, Mayor Ilse Varga said.")
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ["It is cold out here,", "We stay."]


def test_markup_attribute_values_are_not_quotes() -> None:
    # Web copy with its markup left in: attribute values stand in marks after "=".
    text = ('Ferry fans wrote: <post author="@dunmore_tides" date="3 March">What a '
            'crossing!</post> and <a target=\u201d_blank\u201d>"Hold the line," said Dahl.</a>')
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ["Hold the line,"]


def test_a_quote_goes_on_in_the_next_line_when_each_line_is_a_paragraph() -> None:
    text = ('Varga said: "The pier is old.\n"It will close in May," she said.\n'
            'Keller called it "a shame."')
    spans = [text[s.start:s.end] for s in find_quote_marks(text)]
    assert spans == ['The pier is old.\n"It will close in May,', "a shame."]
    # A line broken inside a sentence is a wrapped line: the quote reads on.
    wrapped = 'Varga said: "The pier is old and\nit will close in May," she said.'
    assert [wrapped[s.start:s.end] for s in find_quote_marks(wrapped)] == [
        "The pier is old and\nit will close in May,"]


def test_many_stray_marks_still_let_the_quotes_after_them_be_read() -> None:
    # Hundreds of marks that nothing closes, in one paragraph and one a line: each is
    # stray, and the quotes between and after them are found all the same.
    line = "The ferry crew waited on the quay while the harbour master counted the boats. "
    for sep in (" ", "\n"):
        strays = "".join(line + mark + sep for mark in ("\u00ab", "\u201c", "\u201e") * 100)
        text = (strays + "Tom Reilly called it a \u2018long wait\u2019. " + strays +
                "The master said the boats would \u2018sail at dawn\u2019.")
        spans = [text[s.start:s.end] for s in find_quote_marks(text)]
        assert spans == ["long wait", "sail at dawn"]
