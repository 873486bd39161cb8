"""Time expressions: normalisation against the publication date, tense and status."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storyline.timex import normalize_date, timeml_value

WEDNESDAY = date(2026, 3, 11)


@pytest.mark.parametrize(("expression", "future", "expected"), [
    ("June 14, 2023", None, ("2023-06-14", "day")),
    ("14 June 2023", None, ("2023-06-14", "day")),
    ("Nov. 14", False, ("2025-11-14", "day")),
    ("Nov. 14", True, ("2026-11-14", "day")),
    ("2012", None, ("2012", "year")),
    ("March 2024", None, ("2024-03", "month")),
    ("Tuesday", False, ("2026-03-10", "day")),
    ("Friday", True, ("2026-03-13", "day")),
    ("Friday", False, ("2026-03-06", "day")),
    ("last Tuesday", None, ("2026-03-10", "day")),
    ("next Tuesday", None, ("2026-03-17", "day")),
    ("yesterday", None, ("2026-03-10", "day")),
    ("last month", None, ("2026-02", "month")),
    ("next month", None, ("2026-04", "month")),
    ("next year", None, ("2027", "year")),
    ("later this year", None, ("2026", "year")),
    ("early February", False, ("2026-02", "month")),
    ("in early April", True, ("2026-04", "month")),
    ("by October", True, ("2026-10", "month")),
    ("three years ago", None, ("2023", "year")),
    ("two days ago", None, ("2026-03-09", "day")),
    ("next week", None, ("2026-03-16/2026-03-22", "range")),
    ("over the summer", True, ("2026-06-01/2026-08-31", "range")),
    ("March 3-5", False, ("2026-03-03/2026-03-05", "range")),
])
def test_normalize_date(expression: str, future: bool | None, expected: tuple[str, str]) -> None:
    assert normalize_date(expression, WEDNESDAY, future=future) == expected


def test_durations_are_not_points() -> None:
    assert normalize_date("six months", WEDNESDAY) == ("P6M", "duration")
    assert normalize_date("for two days", WEDNESDAY) == ("P2D", "duration")
    assert normalize_date("two-day", WEDNESDAY) == ("P2D", "duration")
    assert normalize_date("several weeks", WEDNESDAY) == ("PXW", "duration")
    assert normalize_date("90 minutes", WEDNESDAY) == ("PT90M", "duration")


@pytest.mark.parametrize(("expression", "expected"), [
    ("the third quarter", ("2025-07-01/2025-09-30", "range")),
    ("third-quarter 1989", ("1989-07-01/1989-09-30", "range")),
    ("the second half of 1989", ("1989-07-01/1989-12-31", "range")),
    ("the 1980s", ("1980/1989", "range")),
    ("the 20th century", ("1900/1999", "range")),
    ("next week's", ("2026-03-16/2026-03-22", "range")),
    ("last October", ("2025-10", "month")),
    ("almost four years ago", ("2022", "year")),
    ("between 1994 and 1997", ("1994/1997", "range")),
    ("now", ("PRESENT_REF", "ref")),
    ("recently", ("PAST_REF", "ref")),
])
def test_more_expressions(expression: str, expected: tuple[str, str]) -> None:
    assert normalize_date(expression, WEDNESDAY) == expected


@pytest.mark.parametrize(("expression", "value", "precision", "timeml"), [
    ("next week", "2026-03-16/2026-03-22", "range", "2026-W12"),
    ("this summer", "2026-06-01/2026-08-31", "range", "2026-SU"),
    ("the third quarter", "2025-07-01/2025-09-30", "range", "2025-Q3"),
    ("the 1980s", "1980/1989", "range", "198"),
    ("Wednesday night", "2026-03-11", "day", "2026-03-11TNI"),
    ("10:35 a.m.", "2026-03-11", "day", "2026-03-11T10:35"),
    ("six months", "P6M", "duration", "P6M"),
])
def test_timeml_spelling(expression: str, value: str, precision: str, timeml: str) -> None:
    assert timeml_value(expression, value, precision) == timeml


def test_anaphoric_year_follows_the_last_date(analyse: Any) -> None:
    analysis = analyse("The plant opened in 1998. Later that year it closed.")
    assert [d.value for d in analysis.dates] == ["1998", "1998"]


def test_durations_and_references_are_kept_off_the_timeline(analyse: Any) -> None:
    analysis = analyse("The repairs will take six months. Traffic is now diverted.")
    assert {(d.text, d.value, d.precision) for d in analysis.dates} == {
        ("six months", "P6M", "duration"), ("now", "PRESENT_REF", "ref")}


def test_relative_dates_without_publication_date_stay_unresolved() -> None:
    assert normalize_date("last Tuesday", None) == (None, None)
    assert normalize_date("June 14, 2023", None) == ("2023-06-14", "day")


def test_tense_picks_the_weekday_direction(analyse: Any) -> None:
    analysis = analyse("The council met on Tuesday. The council will meet again on Friday.")
    values = {d.text: (d.value, d.status) for d in analysis.dates}
    assert values["Tuesday"] == ("2026-03-10", "happened")
    assert values["Friday"] == ("2026-03-13", "planned")


def test_status_of_anchored_clause(analyse: Any) -> None:
    analysis = analyse("The public meeting planned for Friday was postponed. "
                       "Repairs are expected to begin in early April. "
                       "Officials hope to reopen the bridge by October.",
                       published="2026-03-16T07:00:00Z")
    found = {d.value: d.status for d in analysis.dates}
    assert found["2026-03-13"] == "cancelled"
    assert found["2026-04"] == "planned"
    assert found["2026-10"] in {"planned", "proposed"}


def test_reported_would_is_future(analyse: Any) -> None:
    analysis = analyse("The spokesperson said the minister would visit the site on Thursday.")
    assert [(d.value, d.status) for d in analysis.dates] == [("2026-03-12", "planned")]


def test_unresolved_when_no_publication_date(analyse: Any) -> None:
    analysis = analyse("The council met on Tuesday.", published=None)
    assert [(d.text, d.value) for d in analysis.dates] == [("Tuesday", None)]
