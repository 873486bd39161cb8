"""Quote groups across outlets, their word diffs, and quotes worded differently."""

from __future__ import annotations

import pytest

from storyline.models import Quote, ResolvedQuote
from storyline.quote_groups import group_quotes, quote_divergences, word_diff
from tests.conftest import article


def _quote(qid: str, article_id: str, text: str, speaker: str | None) -> ResolvedQuote:
    return ResolvedQuote(qid, Quote(article_id, text, 0, len(text), "direct", "said", None),
                         speaker, "Ilse Varga" if speaker else None)


def test_quote_groups_across_outlets_with_word_diff() -> None:
    quotes = [
        _quote("q1", "a", "We will not reopen the bridge until every support has been checked,",
               "p1"),
        _quote("q2", "b", "We will not reopen the bridge until every support has been checked,",
               "p1"),
        _quote("q3", "c", "We won't reopen the bridge until every single support has been "
               "checked,", "p1"),
        _quote("q4", "c", "Safety comes first.", "p1"),
    ]
    groups = group_quotes(quotes)
    assert [g.quotes for g in groups] == [("q1", "q2", "q3"), ("q4",)]
    variant = groups[0].variants[0]
    assert variant.quote == "q3"
    assert ("+", "single") in variant.diff and ("-", "will not") in variant.diff


def test_a_quote_worded_differently_by_independent_outlets_is_a_divergence() -> None:
    said = "We will not reopen the bridge until every support has been checked,"
    quotes = [_quote("q1", "a", said, "p1"),
              _quote("q2", "b", "We won\u2019t reopen the bridge until every single support "
                     "has been checked,", "p1"),
              _quote("q3", "c", "reopen the bridge until every support has been checked", "p1"),
              _quote("q4", "d", "We will not reopen the span until every support has been "
                     "checked,", "p1")]
    articles = [article("x", id=key, outlet=f"Outlet {key}") for key in "abcd"]
    groups = group_quotes(quotes)
    [divergence] = quote_divergences(groups, quotes, articles, {key: key for key in "abcd"})
    assert divergence.kind == "quote" and "Ilse Varga" in divergence.topic
    assert [v.article for v in divergence.versions] == ["a", "b", "c", "d"]


def test_a_wording_divergence_shows_each_quote_without_the_comma_before_its_cue() -> None:
    """walk21: the versions read "... inside twenty minutes," and "... within twenty
    minutes,": the comma that hands a quote to its cue is no word of it; the span is cut to
    match, so it still is the article's text there."""
    quotes = [_quote("q1", "a", "Everyone was out of the mill inside ten minutes,", "p1"),
              _quote("q2", "b", "Everyone was out of the mill within ten minutes,", "p1")]
    articles = [article("x", id=key, outlet=f"Outlet {key}") for key in "ab"]
    [divergence] = quote_divergences(group_quotes(quotes), quotes, articles,
                                     {key: key for key in "ab"})
    assert [v.text for v in divergence.versions] == [
        "Everyone was out of the mill inside ten minutes",
        "Everyone was out of the mill within ten minutes"]
    assert [(v.start, v.end) for v in divergence.versions] == [(0, 47), (0, 47)]


def test_a_wording_divergence_keeps_the_whole_span_of_a_quote_around_its_cue() -> None:
    """revw21: walk21 cut a version's span to its start plus the length of its words, but
    a quote around its cue ('"The mill was empty," Varga said, "inside ten minutes."')
    joins two pieces: that end fell inside the cue. The span still ends where the last
    piece does, less only what the version drops."""
    text_a = '"The mill was empty," Varga said, "inside ten minutes."'
    text_b = '"The mill was empty," Varga said, "within ten minutes,"'
    quotes = []
    for key, text in (("a", text_a), ("b", text_b)):
        first = (1, text.index(",") + 1)
        last = (text.index('"', first[1] + 3) + 1, len(text) - 1)
        words = text[first[0]:first[1]] + " " + text[last[0]:last[1]]
        quotes.append(ResolvedQuote(f"q{key}", Quote(key, words, first[0], last[1], "direct",
                                                     "said", None, parts=(first, last)),
                                    "p1", "Ilse Varga"))
    articles = [article(t, id=key, outlet=f"Outlet {key}")
                for key, t in (("a", text_a), ("b", text_b))]
    [divergence] = quote_divergences(group_quotes(quotes), quotes, articles,
                                     {key: key for key in "ab"})
    ends = [(v.text, text_a[v.start:v.end] if v.article == "a" else text_b[v.start:v.end])
            for v in divergence.versions]
    assert [span.endswith(words[-12:]) for words, span in ends] == [True, True]
    assert [v.end for v in divergence.versions] == [len(text_a) - 1, len(text_b) - 2]


def test_an_ellipsis_or_another_spelling_is_no_divergence() -> None:
    quotes = [_quote("q1", "a", "We will organise the repairs, and we will do it before the "
                     "summer holidays begin,", "p1"),
              _quote("q2", "b", "We will organize the repairs ... before the summer holidays "
                     "begin,", "p1")]
    articles = [article("x", id="a"), article("y", id="b")]
    groups = group_quotes(quotes)
    assert len(groups) == 1
    assert quote_divergences(groups, quotes, articles, {"a": "a", "b": "b"}) == []


def test_a_copy_changing_a_quote_is_no_divergence_of_outlets() -> None:
    """A spun copy's change shows in the quote group's variants, not as another outlet."""
    quotes = [_quote("q1", "a", "We will not reopen the bridge until every support has been "
                     "checked,", "p1"),
              _quote("q2", "d", "We will not reopen the span until every support has been "
                     "checked,", "p1")]
    articles = [article("x", id="a"), article("y", id="d")]
    groups = group_quotes(quotes)
    assert groups[0].variants and quote_divergences(groups, quotes, articles,
                                                    {"a": "a", "d": "a"}) == []
    assert len(quote_divergences(groups, quotes, articles, {"a": "a", "d": "d"})) == 1


def test_contractions_and_partial_quotes_are_no_divergence() -> None:
    said = "We will not reopen the bridge until every support has been checked,"
    quotes = [_quote("q1", "a", said, "p1"),
              _quote("q2", "b", "We won't reopen the bridge until every support has been "
                     "checked,", "p1"),
              _quote("q3", "c", "until every support has been checked", "p1")]
    articles = [article("x", id=key) for key in "abc"]
    groups = group_quotes(quotes)
    assert quote_divergences(groups, quotes, articles, {key: key for key in "abc"}) == []


def test_short_quotes_sharing_a_word_or_two_are_two_utterances() -> None:
    quotes = [_quote("q1", "a", "The town is with us.", "p1"),
              _quote("q2", "b", 'the offer "doesn\'t keep up with rents in this town."',
                     "p1")]
    assert [g.quotes for g in group_quotes(quotes)] == [("q1",), ("q2",)]


def test_word_diff() -> None:
    assert word_diff("a tough week", "a difficult week") == (
        ("=", "a"), ("-", "tough"), ("+", "difficult"), ("=", "week"))


def test_word_diff_ignores_punctuation_and_case_around_words() -> None:
    variant = "we found toxins twice. in the \u201cwater\u201d"
    assert word_diff("We found toxins, twice, in the water", variant, loose=True) == (
        ("=", variant),)
    assert word_diff("toxins twice", "toxins ... twice", loose=True) == (
        ("=", "toxins"), ("+", "..."), ("=", "twice"))
    # a copy against its original: every changed mark shows
    assert word_diff("It fell -5 degrees and cost $40,000.", "It fell 5 degrees and cost "
                     "40,000.") == (("=", "It fell"), ("-", "-5"), ("+", "5"),
                                    ("=", "degrees and cost"), ("-", "$40,000."),
                                    ("+", "40,000."))


def test_one_articles_two_quotes_are_never_one_utterance() -> None:
    quotes = [_quote("q1", "a", "The shelves at the supermarket were empty by nine,", "p1"),
              _quote("q2", "a", 'she had queued at 7 a.m. "The shelves at the supermarket were '
                     'empty by nine,"', "p1"),
              _quote("q3", "b", "The shelves at the supermarket were empty by nine,", "p1")]
    assert [g.quotes for g in group_quotes(quotes)] == [("q1", "q3"), ("q2",)]


def test_a_quote_ending_in_other_punctuation_is_no_variant() -> None:
    quotes = [_quote("q1", "a", "We want the ward kept open for the children of this town,",
                     "p1"),
              _quote("q2", "b", "We want the ward kept open for the children of this town.",
                     "p1")]
    [group] = group_quotes(quotes)
    assert group.quotes == ("q1", "q2") and group.variants == ()


@pytest.mark.parametrize(("first", "second"), [("12,500", "12,800"), ("125000", "128000")])
def test_a_changed_figure_inside_a_quote_is_no_respelling(first: str, second: str) -> None:
    quotes = [_quote("q1", "a", f"We expect {first} homes to be without power until Thursday,",
                     "p1"),
              _quote("q2", "b", f"We expect {second} homes to be without power until Thursday,",
                     "p1")]
    articles = [article("x", id="a"), article("y", id="b")]
    groups = group_quotes(quotes)
    assert len(groups) == 1
    [divergence] = quote_divergences(groups, quotes, articles, {"a": "a", "b": "b"})
    # each figure as written (the comma before the cue is no word of the quote)
    assert [v.text for v in divergence.versions] == [q.quote.text.rstrip(",") for q in quotes]


def test_a_spun_copys_reworded_quote_joins_its_original() -> None:
    quotes = [_quote("q1", "a", "We will not open the ferry slip until the divers say the hull "
                     "is sound,", "p1"),
              _quote("q2", "a", "We have bread and water for a week,", "p1"),
              _quote("q3", "b", "We will not open the ferry slipway till the divers state the "
                     "hull is solid,", "p1"),
              _quote("q4", "b", "We've loaves and liquid for a week,", "p1")]
    # b is a spun copy of a: its quotes are a's, a spinner's synonyms swapped in
    assert [g.quotes for g in group_quotes(quotes, sources={"a": "a", "b": "a"})] == [
        ("q1", "q3"), ("q2", "q4")]
    # from an independent outlet, such rewording is not known to be the same utterance
    apart = [g.quotes for g in group_quotes(quotes, sources={"a": "a", "b": "b"})]
    assert ("q2",) in apart and ("q4",) in apart


@pytest.mark.parametrize(("kind", "text", "diff"), [
    ("mixed", 'the winning pie was "the clear winner"', None),
    ("partial", "pork pie was the clear winner", None),
    ("partial", "pork pie was the obvious winner", [
        ("=", "pork pie was the"), ("-", "clear"), ("+", "obvious"), ("=", "winner")])])
def test_a_partial_quote_is_set_against_the_words_it_quotes(
        kind: str, text: str, diff: list[tuple[str, str]] | None) -> None:
    # Not "Quillmoor pork" struck out: the reporter quoted only "the clear winner".
    full = _quote("q1", "a", "The Quillmoor pork pie was the clear winner,", "p1")
    part = ResolvedQuote("q2", Quote("b", text, 0, len(text), kind, "said", None), "p1",
                         "Ilse Varga")
    [group] = group_quotes([full, part])
    assert group.quotes == ("q1", "q2")
    assert [list(v.diff) for v in group.variants] == ([diff] if diff else [])


def test_each_quoted_stretch_of_a_mixed_quote_is_set_against_its_own_words() -> None:
    from storyline.quote_groups import _variant_diff

    text = 'the pie was "the obvious winner" and "well worth the trip"'
    mixed = ResolvedQuote("q2", Quote("b", text, 0, len(text), "mixed", "said", None), "p1",
                          "Ilse Varga")
    assert _variant_diff("The pie was the clear winner and well worth the trip,", mixed) == (
        ("=", "the"), ("-", "clear"), ("+", "obvious"), ("=", "winner"), ("=", "\u2026"),
        ("=", "well worth the trip"))
