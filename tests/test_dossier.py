"""The dossier contract: JSON Schema validation and span integrity on the demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from storyline import pipeline
from storyline.report import render_html, render_markdown
from tests.conftest import article

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "storyline" / "data" /
                     "dossier.schema.json").read_text())


def test_demo_dossiers_validate(demo_dossiers: list[dict[str, Any]]) -> None:
    assert demo_dossiers
    for dossier in demo_dossiers:
        jsonschema.validate(dossier, SCHEMA)


def test_undated_events_are_kept_apart_from_dated_ones() -> None:
    """DESIGN: every entry of `events` has an ISO date; what cannot be placed is listed apart."""
    articles = [article("The council met today to discuss the Wren bridge. Repairs begin on "
                        "March 20, 2026, the mayor said.", id="undated", published=None)]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    jsonschema.validate(dossier, SCHEMA)
    assert [e["date"] for e in dossier["events"]] == ["2026-03-20"]
    [undated] = dossier["undated_events"]
    assert undated["date"] is None and undated["expression"] == "today"
    assert "met today" in render_html(dossier) and "met today" in render_markdown(dossier)
    broken = {**dossier, "events": dossier["events"] + dossier["undated_events"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_schema_rejects_a_renamed_field(bridge: dict[str, Any]) -> None:
    broken = dict(bridge)
    broken["quotations"] = broken.pop("quotes")
    try:
        jsonschema.validate(broken, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted a dossier without 'quotes'")


def test_schema_checks_the_speaker_span(bridge: dict[str, Any]) -> None:
    quotes = [dict(q) for q in bridge["quotes"]]
    spans = [q for q in quotes if q["speaker_span"] is not None]
    assert spans, "the demo has resolved speakers"
    spans[0]["speaker_span"] = {"article": spans[0]["article"], "start": 3}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**bridge, "quotes": quotes}, SCHEMA)


def test_all_spans_point_into_article_text(bridge: dict[str, Any]) -> None:
    lengths = {a["id"]: len(a["text"]) for a in bridge["articles"]}
    spans = [c for s in bridge["summary"] for c in s["citations"]]
    spans += [e for f in bridge["facts"] for e in f["evidence"]]
    spans += [e for ev in bridge["events"] for e in ev["evidence"]]
    spans += [e for p in bridge["provenance"] for e in p["evidence"]]
    spans += [{"article": q["article"], "start": q["start"], "end": q["end"]}
              for q in bridge["quotes"]]
    assert spans
    for span in spans:
        assert 0 <= span["start"] < span["end"] <= lengths[span["article"]]


def test_quote_text_is_exactly_the_article_text_at_its_span(bridge: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in bridge["articles"]}
    for quote in bridge["quotes"]:
        assert quote["text"] == texts[quote["article"]][quote["start"]:quote["end"]]
        pieces = [texts[quote["article"]][p["start"]:p["end"]] for p in quote["parts"]]
        assert all(quote["start"] <= p["start"] < p["end"] <= quote["end"]
                   for p in quote["parts"])
        assert all(piece.split()[0] in quote["quoted"] for piece in pieces)
    # "Safety comes first," she said, "and ...": one quote, its cue inside `text` only
    around_cue = [q for q in bridge["quotes"] if len(q["parts"]) > 1]
    assert around_cue and all(q["cue"] in q["text"] and q["cue"] not in q["quoted"]
                              for q in around_cue)


def test_ids_are_unique_and_references_resolve(bridge: dict[str, Any]) -> None:
    article_ids = [a["id"] for a in bridge["articles"]]
    assert len(article_ids) == len(set(article_ids)) == bridge["story"]["articles"]
    entity_ids = {p["id"] for p in bridge["people"]} | {o["id"] for o in bridge["organizations"]}
    quote_ids = {q["id"] for q in bridge["quotes"]}
    assert all(q["speaker"] in entity_ids for q in bridge["quotes"] if q["speaker"])
    grouped = [qid for g in bridge["quote_groups"] for qid in g["quotes"]]
    assert set(grouped) <= quote_ids and len(grouped) == len(set(grouped))
    # every quote no group holds is on one reported-speech line, with its article
    lines = [(qid, line) for line in bridge["reported_speech"] for qid in line["quotes"]]
    assert sorted(qid for qid, _line in lines) == sorted(quote_ids - set(grouped))
    article_of = {q["id"]: q["article"] for q in bridge["quotes"]}
    assert all(article_of[qid] in line["articles"] for qid, line in lines)
    assert all(p["of"] in article_ids for p in bridge["provenance"] if p["of"])


def test_quotes_of_one_turn_share_its_start_in_the_dossier(bridge: dict[str, Any]) -> None:
    text = ('"The ferry timetable was wrong all winter," harbour clerk Mira Tolland said on '
            'Monday. "Nobody had checked it." The council met on Tuesday.')
    articles = [article(text, id="ferry")]
    quotes = pipeline.build_dossier(pipeline.single_story(articles), articles)["quotes"]
    first, second = [q for q in quotes if q["kind"] == "direct"]
    assert second["text"].startswith("Nobody had checked it")
    assert first["turn_start"] == second["turn_start"] == first["start"]
    # On the demo: every direct quote starts or continues a turn, reported speech has none.
    assert all(q["turn_start"] is not None for q in bridge["quotes"] if q["kind"] == "direct")
    assert all(q["turn_start"] is None for q in bridge["quotes"] if q["kind"] == "indirect")
    assert any(q["kind"] == "direct" for q in bridge["quotes"])


def test_a_running_count_lists_its_figure_by_day_in_the_json_and_the_reports() -> None:
    """walk25: a toll raised on a later day ("two killed", then "at least five have now
    died") is one fact with `updates`, an added field the schema allows; other facts have
    none."""
    articles = [
        article("Two people were killed when a gale struck the island of Pellow on Sunday "
                "night, police said.\n\nThe ferry to Pellow was cancelled.", id="mon",
                outlet="Pellow Post", published="2026-10-05T08:00:00Z"),
        article("At least five people have now died since a gale struck the island of Pellow "
                "on Sunday night, police said.\n\nSchools on the island stayed shut.",
                id="tue", outlet="Skerry Wire", published="2026-10-06T08:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    jsonschema.validate(dossier, SCHEMA)
    [updated] = [f for f in dossier["facts"] if "updates" in f]
    assert [(u["day"], u["value"]) for u in updated["updates"]] == [
        ("2026-10-05", "2"), ("2026-10-06", "5")]
    assert updated["agreement"] != "conflicting"
    shown = "figure updated: 2 (2026-10-05), 5 (2026-10-06)"
    assert shown in render_markdown(dossier) and shown in render_html(dossier)
