"""Time expressions: normalisation against the publication date, tense and status."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storyline.dates import normalize_date

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
    assert normalize_date("six months", WEDNESDAY) == (None, "duration")
    assert normalize_date("for two days", WEDNESDAY) == (None, "duration")


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
