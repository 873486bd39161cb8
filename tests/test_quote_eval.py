"""The quote benchmark's approximate referent of a pronoun Source (benchmarks/_quote_eval.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _quote_eval import Case, GoldQuote, approximate_referent  # noqa: E402


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
