"""Summary: extractive, budgeted, ordered, and every sentence backed by its citations."""

from __future__ import annotations

from typing import Any

from storyline.text import content_words


def test_summary_respects_length(bridge: dict[str, Any]) -> None:
    words = sum(len(s["text"].split()) for s in bridge["summary"])
    assert 40 <= words <= 120


def test_every_summary_sentence_is_supported_by_its_citations(bridge: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in bridge["articles"]}
    for sentence in bridge["summary"]:
        cited = " ".join(texts[c["article"]][c["start"]:c["end"]] for c in sentence["citations"])
        assert set(content_words(sentence["text"])) <= set(content_words(cited))
        first = sentence["citations"][0]
        assert texts[first["article"]][first["start"]:first["end"]].strip() == sentence["text"]


def test_summary_prefers_corroborated_facts(bridge: dict[str, Any]) -> None:
    agreement = {f["text"]: f["agreement"] for f in bridge["facts"]}
    chosen = [agreement.get(s["text"]) for s in bridge["summary"]]
    # A disputed figure reported by several outlets is worth a sentence too.
    several = chosen.count("corroborated") + chosen.count("conflicting")
    assert several >= len(chosen) - 1 and chosen.count("corroborated") >= len(chosen) // 2
    assert any("closed to all traffic" in s["text"] for s in bridge["summary"])


def test_summary_cites_independent_sources_once(bridge: dict[str, Any]) -> None:
    kinds = {p["article"]: p for p in bridge["provenance"]}
    for sentence in bridge["summary"]:
        cited = [c["article"] for c in sentence["citations"]]
        assert len(cited) == len(set(cited))
        assert len(cited) >= 2
        assert not any(kinds[a]["kind"] in {"duplicate", "reprint"} for a in cited[1:])
