"""Timeline: events merged across outlets, status, order, and the demo's dates."""

from __future__ import annotations

from typing import Any

from storyline.timeline import build_timeline, describe
from tests.conftest import article


def test_describe_trims_long_clauses() -> None:
    text = " ".join(["word"] * 40)
    assert describe(text).endswith("\u2026")
    assert describe("the bridge closed,") == "The bridge closed"


def test_same_event_from_two_outlets_is_one_entry(analyse: Any) -> None:
    first = analyse("The bridge was closed to all traffic on Wednesday after cracks were found.",
                    id="a1")
    second = analyse("Officials closed the bridge to traffic on Wednesday.", id="a2")
    articles = [article("x", id="a1"), article("y", id="a2")]
    events = build_timeline(articles, [*first.dates, *second.dates])
    assert len(events) == 1
    assert events[0].date == "2026-03-11"
    assert {span.article for span in events[0].evidence} == {"a1", "a2"}


def test_later_report_updates_the_status(analyse: Any) -> None:
    planned = analyse("The council will hold a public meeting at City Hall on Friday.", id="a1")
    postponed = analyse("The public meeting at City Hall planned for Friday was postponed.",
                        id="a2", published="2026-03-16T07:00:00Z")
    articles = [article("x", id="a1"),
                article("y", id="a2", published="2026-03-16T07:00:00Z")]
    events = build_timeline(articles, [*planned.dates, *postponed.dates])
    friday = [e for e in events if e.date == "2026-03-13"]
    assert len(friday) == 1
    assert friday[0].status == "cancelled"


def test_demo_timeline(bridge: dict[str, Any]) -> None:
    events = bridge["events"]
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates, key=lambda d: d.split("/")[0])
    by_date: dict[str, set[str]] = {}
    for event in events:
        by_date.setdefault(event["date"], set()).add(event["status"])
    assert "happened" in by_date["2026-03-10"]  # the inspection, "on Tuesday" / "last Tuesday"
    assert "happened" in by_date["2026-03-11"]  # the closure
    assert by_date["2026-03-13"] == {"cancelled"}  # the Friday meeting, later postponed
    assert "planned" in by_date["2026-04"]  # repairs "in early April" / "next month"
    assert "planned" in by_date["2026-10"]  # reopening "by October"
    closure = max((e for e in events if e["date"] == "2026-03-11"),
                  key=lambda e: len(e["evidence"]))
    assert len({span["article"] for span in closure["evidence"]}) >= 5
