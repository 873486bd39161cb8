"""The quote benchmark's approximate referent of a pronoun Source (benchmarks/_quote_eval.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _quote_eval import (  # noqa: E402
    Case,
    GoldQuote,
    Prediction,
    approximate_referent,
    error_shapes,
    score,
    speaker_error_class,
    split_where_gold_splits,
)


def _gold(text: str, source: str, content: str) -> GoldQuote:
    start, at = text.index(source), text.index(content)
    return GoldQuote(((at, at + len(content)),), False, content,
                     ((start, start + len(source)),), source)


def test_pronoun_source_stands_for_the_last_named_source_nearby() -> None:
    text = ('Mayor Ilse Varga said the pier would close. Tomas Keller said it would not.\n\n'
            'He said the boats would sail.\n\nAn editor noted something.\n\n\n\n'
            'She said the fares would rise.')
    varga = _gold(text, "Mayor Ilse Varga", "the pier would close")
    keller = _gold(text, "Tomas Keller", "it would not")
    he = _gold(text, "He", "the boats would sail")
    she = _gold(text, "She", "the fares would rise")
    case = Case("a", text, [varga, keller, he, she])
    assert approximate_referent(case, he) == keller
    assert approximate_referent(case, she) is None  # the named sources are paragraphs back
    assert approximate_referent(case, keller) is None  # a named Source needs no stand-in


def test_speaker_errors_are_classed_by_gold_and_by_what_was_given() -> None:
    named = GoldQuote(((0, 9),), True, "We sail.", None, "Ilse Varga", ("Ilse Varga",))
    pronoun = GoldQuote(((0, 9),), True, "We sail.", None, "she", ("she", "Ilse Varga"))
    other = Prediction(0, 9, True, "direct", "We sail.", (20, 26), "Keller", "Tomas Keller")
    phrase = Prediction(0, 9, True, "direct", "We sail.", (20, 31), "the captain", None)
    nothing = Prediction(0, 9, True, "direct", "We sail.")
    assert speaker_error_class(named, other) == "named gold, another name"
    assert speaker_error_class(named, phrase) == "named gold, a phrase linked to no one"
    assert speaker_error_class(named, nothing) == "named gold, no speaker"
    assert speaker_error_class(pronoun, other) == "pronoun gold, another name"


def test_errors_are_counted_by_kind_cue_and_shape() -> None:
    text = ('Ilse Varga said the pier would close in May. "We sail at dawn and we come back '
            'at dusk," said Tomas Keller. The ferry, which is old, was sold. Keller warned '
            'that fares would rise.')

    def at(piece: str) -> tuple[tuple[int, int], ...]:
        start = text.index(piece)
        return ((start, start + len(piece)),)

    gold = [GoldQuote(at("the pier would close in May"), False, "", cue="said"),
            GoldQuote(at("We sail at dawn and we come back at dusk,"), True, "", cue="said"),
            GoldQuote(at("that fares would rise"), False, "", cue="warned")]
    (pier,), (sail,), (ferry,) = at("the pier would close"), at("We sail at dawn"), \
        at("The ferry, which is old, was sold")
    preds = [Prediction(*pier, False, "indirect", "", cue="said"),  # 4 of 6 words
             Prediction(*sail, True, "direct", "", cue="said"),  # 3 of 10 words
             Prediction(*ferry, False, "indirect", "", cue="Said")]  # no gold there
    case = Case("a", text, gold)
    _totals, scores = score([case], [preds], lambda g, p: False)
    everything = error_shapes([case], [preds], scores)
    assert everything == {("false alarm", "indirect", "said", "no counterpart"): 1,
                          ("miss", "indirect", "warned", "no counterpart"): 1,
                          ("match", "indirect", "said", "matched"): 1,
                          ("match", "direct", "said", "matched"): 1}
    direct = error_shapes([case], [preds], scores, "direct", 0.8)
    assert direct == {("false alarm", "direct", "said", "under 0.8, shorter"): 1,
                      ("miss", "direct", "said", "under 0.8, longer"): 1}
    indirect = error_shapes([case], [preds], scores, "indirect", 0.8)
    assert indirect[("false alarm", "indirect", "said", "under 0.8, shorter")] == 1
    assert indirect[("miss", "indirect", "warned", "no counterpart")] == 1


def test_a_quote_around_its_cue_counts_as_two_where_gold_has_two() -> None:
    text = '"We will," Ilse Varga said, "rebuild the pier by May."'
    first, second = (text.index("We will,"), text.index(",\" Ilse")), \
        (text.index("rebuild"), text.index('."'))
    one = Prediction(1, second[1], True, "direct", "We will, rebuild the pier by May.",
                     pieces=(first, second))

    def gold(*spans: tuple[int, int]) -> GoldQuote:
        return GoldQuote(tuple(spans), True, "")

    two = Case("a", text, [gold(first), gold(second)])
    split = split_where_gold_splits(two, [one])
    assert [(p.start, p.end) for p in split] == [first, second]
    totals, _ = score([two], [split], lambda g, p: False)
    assert totals["direct"].matched[0.8] == 2
    # Gold with one (discontinuous) quote, as PolNeAR's Content: the prediction stays one.
    assert split_where_gold_splits(Case("a", text, [gold(first, second)]), [one]) == [one]


def test_a_quote_over_two_paragraphs_counts_as_two_where_gold_has_two() -> None:
    text = '"We will rebuild the pier.\n\n"It will take two years," Ilse Varga said.'
    first = (1, text.index("\n"))
    second = (text.index("It will"), text.index(',"'))
    one = Prediction(1, second[1], True, "direct", text[1:second[1]])
    two = Case("a", text, [GoldQuote((first,), True, ""), GoldQuote((second,), True, "")])
    assert [(p.start, p.end) for p in split_where_gold_splits(two, [one])] == [first, second]
    joined = Case("a", text, [GoldQuote((first, second), True, "")])
    assert split_where_gold_splits(joined, [one]) == [one]
