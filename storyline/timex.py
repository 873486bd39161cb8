"""Normalise one time expression against a reference date (no NLP model here).

Goes in: the words of a time expression ("last Tuesday", "the third quarter",
"six months"), the publication date, and whether the clause looks ahead.
Comes out: `(value, precision)`: an ISO 8601 date ("2026-03-10"), month,
year, interval ("2026-03-16/2026-03-22") or duration ("P6M"), with precision
"day", "month", "year", "range", "duration" or "ref" (PRESENT_REF and kin).
`timeml_value` gives the TimeML spelling of the same value (weeks as
"2026-W12", seasons as "2026-SU", quarters as "2026-Q1", decades as "198X").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

Result = tuple[str, str]

MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
NUMBERS: dict[str, int | str] = {
           "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
           "sixty": 60, "hundred": 100, "a few": "X", "few": "X", "several": "X",
           "many": "X", "some": "X", "a couple of": 2, "couple of": 2}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 4}
DURATION_UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
                  "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}
SEASONS = {"spring": (3, 5, "SP"), "summer": (6, 8, "SU"), "autumn": (9, 11, "FA"),
           "fall": (9, 11, "FA"), "winter": (12, 2, "WI")}
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF",
        "recently": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
        "lately": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF",
        "the future": "FUTURE_REF", "soon": "FUTURE_REF", "someday": "FUTURE_REF"}
TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "MI"}
LEADING = r"(?:(?:by|since|until|before|after|from|through|about|around|nearly|almost|" \
          r"just|only|some|more than|less than|at least|roughly|over|within|for|in|on)\s+)*"


def normalize_date(expression: str, base: date | None, *, future: bool | None = None
                   ) -> tuple[str | None, str | None]:
    """(value, precision) of one expression, or (None, None) when it cannot be placed.

    Durations come back as ("P6M", "duration") and vague references as
    ("PAST_REF", "ref"); neither is a point on a timeline.
    """
    text = clean_expression(expression)
    if not text:
        return None, None
    for rule in RULES:
        result = rule(text, base, future)
        if result is not None:
            return result
    return None, None


def clean_expression(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace(",", " ")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(the|on|in|of|during|this past)\b", lambda m: " this " if
                  m.group(0) == "this past" else " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _strip_leading(text: str) -> str:
    return re.sub("^" + LEADING, "", text)


def _year_for(month: int, day: int | None, base: date | None, future: bool | None
              ) -> int | None:
    """The year of a month (and day) given without one: by tense, else the nearest."""
    if base is None:
        return None
    options = [base.year - 1, base.year, base.year + 1]
    month_start = base.replace(day=1)

    def distance(year: int) -> int:
        return (date(year, month, min(day or 1, 28)) - (base if day else month_start)).days

    if future is True:
        options = [y for y in options if distance(y) >= -31] or options
    elif future is False:
        options = [y for y in options if distance(y) <= 31] or options
    return min(options, key=lambda y: abs(distance(y)))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _ref(text: str, base: date | None, future: bool | None) -> Result | None:
    value = REFS.get(_strip_leading(text))
    return (value, "ref") if value else None


def _clock(text: str, base: date | None, future: bool | None) -> Result | None:
    """A time of day ("10:35 a.m.", "midday", "this morning") falls on the reference day."""
    text = _strip_leading(text)
    if base is None:
        return None
    clock = re.fullmatch(r"(?:about |around )?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?"
                         r"(?: (?:in the )?(?:morning|afternoon|evening|night))?(?: local time)?",
                         text)
    if clock and re.search(r"[ap]\.?m|:|morning|afternoon|evening|night", text):
        return base.isoformat(), "day"
    if text in {"midday", "noon", "midnight", "this morning", "this afternoon", "this evening",
                "tonight", "earlier today", "later today", "morning", "afternoon", "evening"}:
        return base.isoformat(), "day"
    return None


def _iso(text: str, base: date | None, future: bool | None) -> Result | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", _strip_leading(text))
    if match and _valid(int(match.group(1)), int(match.group(2)), int(match.group(3))):
        return match.group(0), "day"
    return None


def _month_day(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    text = re.sub(r"^(?:last|next|this|(?:\w+day))\s+", "", text)
    match = re.fullmatch(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:-(\d{1,2}))?(?: (\d{4}))?"
                         r"(?: (?:morning|afternoon|evening|night))?", text)
    if match:
        month_text, day_text, end_day, year_text = match.groups()
    else:
        match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?: (\d{4}))?", text)
        if not match:
            return None
        day_text, month_text, year_text = match.groups()
        end_day = None
    month = MONTHS.get(month_text)
    if month is None:
        return None
    day = int(day_text)
    year = int(year_text) if year_text else _year_for(month, day, base, future)
    if year is None or not _valid(year, month, day):
        return None
    if end_day and _valid(year, month, int(end_day)):
        return f"{year:04d}-{month:02d}-{day:02d}/{year:04d}-{month:02d}-{int(end_day):02d}", \
            "range"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _month(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:(last|next|this|early|mid|late|end|beginning|start|middle)"
                         r"[- ]?)?(?:(?:early|mid|late)[- ]?)?([a-z]+)\.?(?: (\d{4}))?", text)
    if not match or match.group(2) not in MONTHS or (not match.group(3) and base is None):
        return None
    month = MONTHS[match.group(2)]
    if match.group(3):
        year = int(match.group(3))
    else:
        assert base is not None
        hint = {"last": False, "next": True}.get(match.group(1) or "", future)
        year_or_none = _year_for(month, None, base, hint)
        if year_or_none is None:
            return None
        year = year_or_none
        if match.group(1) == "last" and date(year, month, 1) >= base.replace(day=1):
            year -= 1
    return f"{year:04d}-{month:02d}", "month"


def _year(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:(?:early|mid|late|end|beginning|start|middle)[- ]?)?"
                         r"(?:fiscal |year |calendar )?(\d{4})", text)
    if match and 1000 <= int(match.group(1)) <= 2999:
        return match.group(1), "year"
    match = re.fullmatch(r"(?:(?:early|mid|late)[- ]?)?(\d{3})0s", text)
    if match:
        decade = int(match.group(1)) * 10
        return f"{decade:04d}/{decade + 9:04d}", "range"
    decade_word = re.fullmatch(r"(?:(?:early|mid|late)[- ]?)?(twenties|thirties|forties|fifties|"
                               r"sixties|seventies|eighties|nineties)", text)
    if decade_word and base is not None:
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                "eighties", "nineties"].index(decade_word.group(1)) * 10 + 20
        decade = (base.year // 100) * 100 + tens
        if decade > base.year:
            decade -= 100
        return f"{decade:04d}/{decade + 9:04d}", "range"
    match = re.fullmatch(r"(?:(?:early|mid|late)[- ]?)?(\d{2})(?:st|nd|rd|th) century", text)
    if match:
        start = (int(match.group(1)) - 1) * 100
        return f"{start:04d}/{start + 99:04d}", "range"
    match = re.fullmatch(r"(?:between )?(\d{4}) (?:and|to|-) (\d{4})|(\d{4})-(\d{2,4})", text)
    if match:
        first, last = (match.group(1), match.group(2)) if match.group(1) else \
            (match.group(3), match.group(4))
        if len(last) == 2:
            last = first[:2] + last
        if int(first) < int(last):
            return f"{first}/{last}", "range"
    return None


def _relative_day(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    words = text.split()
    if not words or base is None:
        return None
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if words[0] in offsets and len(words) <= 2:
        return (base + timedelta(days=offsets[words[0]])).isoformat(), "day"
    if text in {"this morning", "this afternoon", "this evening", "earlier today",
                "later today", "last night", "overnight"}:
        shift = -1 if text == "last night" else 0
        return (base + timedelta(days=shift)).isoformat(), "day"
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday is None or len(words) > 3:
        return None
    target = WEEKDAYS[weekday]
    if words[0] in {"last", "past", "previous"}:
        delta = -((base.weekday() - target) % 7 or 7)
    elif words[0] in {"next", "coming"}:
        delta = (target - base.weekday()) % 7 or 7
    elif future:
        delta = (target - base.weekday()) % 7  # the same weekday means later today
    elif words[0] == "this":
        delta = target - base.weekday()
    else:
        delta = -((base.weekday() - target) % 7)
    return (base + timedelta(days=delta)).isoformat(), "day"


def _relative_period(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:(early|mid|late|later|earlier) )?(last|next|this|coming|past|"
                         r"previous|current|latest|recent) (week|month|year|quarter)", text) \
        or re.fullmatch(r"(later|earlier)() (week|month|year)", text)
    if not match or base is None:
        return None
    direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        match.group(2), 0)
    unit = match.group(3)
    if unit == "year":
        return str(base.year + direction), "year"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + direction
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    if unit == "quarter":
        quarter = (base.month - 1) // 3 + direction
        if match.group(2) in {"latest", "recent"}:
            quarter -= 1
        return _quarter_range(base.year + quarter // 4, quarter % 4 + 1), "range"
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=direction)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "range"


def _quarter_range(year: int, quarter: int) -> str:
    first = 3 * (quarter - 1) + 1
    last = first + 2
    end_day = calendar.monthrange(year, last)[1]
    return f"{year:04d}-{first:02d}-01/{year:04d}-{last:02d}-{end_day:02d}"


def _quarter(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:fiscal )?(first|second|third|fourth|last|1st|2nd|3rd|4th)"
                         r"[- ](quarter|half)(?: (?:fiscal )?(\d{4}))?", text)
    if not match:
        return None
    number = ORDINALS[match.group(1)]
    year = int(match.group(3)) if match.group(3) else (base.year if base else None)
    if year is None:
        return None
    if match.group(2) == "half":
        if number > 2:
            number = 2
        return (f"{year:04d}-01-01/{year:04d}-06-30" if number == 1 else
                f"{year:04d}-07-01/{year:04d}-12-31"), "range"
    if base is not None and not match.group(3) and (year, number) > (
            base.year, (base.month - 1) // 3 + 1) and not future:
        year -= 1
    return _quarter_range(year, number), "range"


def _ago_or_later(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(\w+|\d+|a few|a couple of) (day|week|month|year|decade)s? "
                         r"(ago|earlier|before|from now|later|hence)", text)
    if not match or base is None:
        return None
    amount = int(match.group(1)) if match.group(1).isdigit() else NUMBERS.get(match.group(1))
    if not isinstance(amount, int):
        return None
    sign = -1 if match.group(3) in {"ago", "earlier", "before"} else 1
    unit = match.group(2)
    if unit == "day":
        return (base + timedelta(days=sign * amount)).isoformat(), "day"
    if unit == "week":
        return (base + timedelta(weeks=sign * amount)).isoformat(), "day"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + sign * amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    years = amount * (10 if unit == "decade" else 1)
    return str(base.year + sign * years), "year"


def _season(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:(this|last|next|early|late|mid) )*(spring|summer|autumn|fall|"
                         r"winter)(?: (\d{4}))?", text)
    if not match or (base is None and not match.group(3)):
        return None
    first, last, _code = SEASONS[match.group(2)]
    if match.group(3):
        year = int(match.group(3))
    else:
        assert base is not None
        year = base.year + (1 if "next" in text else -1 if "last" in text else 0)
    end_year = year + 1 if last < first else year
    end_day = calendar.monthrange(end_year, last)[1]
    return f"{year:04d}-{first:02d}-01/{end_year:04d}-{last:02d}-{end_day:02d}", "range"


def _duration(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:the )?(?:past |last |next |coming |first |final )?"
                         r"(\d+(?:\.\d+)?|[a-z]+(?: few| couple of)?)?[- ]?"
                         r"(second|minute|hour|day|week|month|year|decade|century|quarter)s?"
                         r"(?:[- ]long| old)?", text)
    if not match or (match.group(1) is None and not text.endswith("s")):
        return None
    amount_text = match.group(1)
    amount: int | str | float | None
    if amount_text is None:
        amount = "X"
    elif re.fullmatch(r"\d+(?:\.\d+)?", amount_text):
        amount = float(amount_text) if "." in amount_text else int(amount_text)
    else:
        amount = NUMBERS.get(amount_text)
    if amount is None:
        return None
    code = DURATION_UNITS[match.group(2)]
    if code == "Q":
        amount, code = (amount * 3 if isinstance(amount, int) else amount), "M"
    prefix = "PT" if code.startswith("T") else "P"
    return f"{prefix}{amount}{code.lstrip('T')}", "duration"


RULES: tuple[Callable[[str, date | None, bool | None], Result | None], ...] = (
    _ref, _clock, _iso, _month_day, _quarter, _month, _year, _relative_day, _relative_period,
    _ago_or_later, _season, _duration)


def timeml_value(expression: str, value: str | None, precision: str | None) -> str | None:
    """The TimeML spelling of a normalised value (weeks, seasons, quarters, times of day)."""
    if value is None:
        return None
    if precision == "day":
        words = clean_expression(expression).split()
        part = next((TIMES_OF_DAY[w] for w in words if w in TIMES_OF_DAY), None)
        clock = re.search(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m|p\.?m)", expression.lower())
        if clock:
            hour = int(clock.group(1)) % 12 + (12 if clock.group(3).startswith("p") else 0)
            return f"{value}T{hour:02d}:{clock.group(2) or '00'}"
        return f"{value}T{part}" if part else value
    if precision != "range" or "/" not in value:
        return value
    first, last = value.split("/")
    return _timeml_interval(first, last) or value


def _timeml_interval(first: str, last: str) -> str | None:
    if len(first) == 4 and len(last) == 4:
        span = int(last) - int(first)
        if span == 9 and first.endswith("0"):
            return first[:3] + "X"
        if span == 99 and first.endswith("00"):
            return first[:2]
        return None
    if len(first) != 10 or len(last) != 10:
        return None
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    if (end - start).days == 6 and start.weekday() == 0:
        iso_year, week, _ = start.isocalendar()
        return f"{iso_year:04d}-W{week:02d}"
    if start.day != 1:
        return None
    months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
    for name, (season_first, _last, code) in SEASONS.items():
        if months == 3 and start.month == season_first and name != "autumn":
            return f"{start.year:04d}-{code}"
    if months == 3 and start.month in {1, 4, 7, 10}:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if months == 6 and start.month in {1, 7}:
        return f"{start.year:04d}-H{1 if start.month == 1 else 2}"
    return None
