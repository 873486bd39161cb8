"""Normalise one time expression against a reference date (no NLP model here).

Goes in: the words of a time expression ("last Tuesday", "the third quarter",
"six months"), the publication date, and whether the clause looks ahead.
Comes out: `(value, precision)`: an ISO 8601 date ("2026-03-10"), month,
year, interval ("2026-03-16/2026-03-22") or duration ("P6M"), with precision
"day", "month", "year", "range", "duration", "set" (recurring: "daily" is
"P1D", "each July" is "XXXX-07") or "ref" (PRESENT_REF, PAST_REF, FUTURE_REF).
`timeml_value` gives the TimeML spelling of the same value (weeks as
"2026-W12", weekends as "2026-W12-WE", seasons as "2026-SU", quarters as
"2026-Q1", decades as "198", centuries as "19").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from .text import NUMBER_WORDS

Result = tuple[str, str]

MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
# Counts in "three days ago", "a few weeks": number words, plus vague counts ("X" in TimeML).
NUMBERS: dict[str, int | str] = {
    **NUMBER_WORDS, "a": 1, "an": 1, "a few": "X", "few": "X", "several": "X", "many": "X",
    "some": "X", "a couple": 2, "couple": 2, "a dozen": 12, "a hundred": 100,
    "twenty-four": 24, "twenty four": 24}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 4}
DURATION_UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
                  "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}
SET_UNITS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
             "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}
SEASONS = {"spring": (3, 5, "SP"), "summer": (6, 8, "SU"), "autumn": (9, 11, "FA"),
           "fall": (9, 11, "FA"), "winter": (12, 2, "WI")}
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF", "the present": "PRESENT_REF", "current": "PRESENT_REF",
        "right now": "PRESENT_REF", "these days": "PRESENT_REF", "this moment": "PRESENT_REF",
        "recently": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
        "more recently": "PAST_REF", "recent": "PAST_REF", "then current": "PAST_REF",
        "lately": "PAST_REF", "the past": "PAST_REF", "once": "PAST_REF",
        "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
        "the distant future": "FUTURE_REF", "the short term": "FUTURE_REF",
        "the near term": "FUTURE_REF", "a later date": "FUTURE_REF",
        "soon": "FUTURE_REF", "someday": "FUTURE_REF"}
# The same keys as clean_expression leaves them ("the future" -> "future").
_CLEAN_REFS: dict[str, str] = {}
TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "MI"}
LEADING = r"(?:(?:by|since|until|till|before|after|from|through|about|around|nearly|almost|" \
          r"just|only|some|more than|less than|fewer than|at least|at most|roughly|over|" \
          r"within|for|in|on|as long as|as much as|barely|up to|no more than|no less than|" \
          r"approximately|" \
          r"as early as|as late as|as soon as|sometime|some time|at|between)\s+)*"
DAY_ORDINALS = {word: index for index, word in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"), start=1)}
# Number words by the part of a spelled-out year they can be ("nineteen eighty-four").
SPELLED_UNITS = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 9}
SPELLED_TEENS = {w: n for w, n in NUMBER_WORDS.items() if 10 <= n <= 19 and w != "dozen"}
SPELLED_TENS = {w: n for w, n in NUMBER_WORDS.items() if 20 <= n <= 90 and n % 10 == 0}
_UNIT_WORDS = "|".join(SPELLED_UNITS)
_TWO_DIGITS = (r"(?:(" + "|".join(SPELLED_TENS) + r")(?:[- ](" + _UNIT_WORDS + r"))?|(" +
               "|".join(SPELLED_TEENS) + r")|(hundred))")
SPELLED_YEAR_RE = re.compile(r"\b(eighteen|nineteen|twenty)[- ]" + _TWO_DIGITS + r"\b")
SPELLED_2000S_RE = re.compile(r"\btwo thousand(?:(?: and)?[- ](" + "|".join(
    [*SPELLED_UNITS, *SPELLED_TEENS]) + r"))?\b")


@lru_cache(maxsize=8192)
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


@lru_cache(maxsize=8192)
def clean_expression(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace(",", " ")
    text = re.sub(r"\b(\d{3}0) ?'s\b", r"\1s", text)  # "the 1930's": a decade
    text = re.sub(r"'s\b", "", text)
    text = spelled_years(text)
    text = re.sub(r"\b(" + "|".join(m for m in MONTHS if len(m) > 2) + r")\.? (" +
                  "|".join(DAY_ORDINALS) + r")\b",
                  lambda m: f"{m.group(1)} {DAY_ORDINALS[m.group(2)]}", text)
    # "this past Friday", "this past weekend": the one just gone, not this week's.
    text = re.sub(r"\bthis past (?=(?:" + "|".join(WEEKDAYS) + r"|weekend)\b)", "past ", text)
    text = re.sub(r"\b(the|on|in|of|during|this past|its|their|his|her|our|a good part)\b",
                  lambda m: " this " if m.group(0) == "this past" else " ", text)
    text = re.sub(r"\s+or so\b", "", text)
    text = re.sub(r"\b(?:a|one) fortnight\b", "two weeks", text)  # British: "in a fortnight"
    text = re.sub(r"\s+(?:or more|and beyond|or later|local time|" +
                  r"(?:[ecmp][sd]t|gmt|utc))$", "", text.strip(" .:"))
    return re.sub(r"\s+", " ", text).strip(" .:")


def spelled_years(text: str) -> str:
    """ "nineteen ninety-six" -> "1996", "the year two thousand" -> "the year 2000"."""
    def year(match: re.Match[str]) -> str:
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[match.group(1)]
        tens, units, teen, hundred = match.group(2, 3, 4, 5)
        if hundred:
            return str(century)
        if teen:
            return str(century + SPELLED_TEENS[teen])
        return str(century + SPELLED_TENS[tens] + (SPELLED_UNITS[units] if units else 0))

    def two_thousand(match: re.Match[str]) -> str:
        rest = match.group(1)
        return str(2000 + (SPELLED_UNITS.get(rest) or SPELLED_TEENS.get(rest) or 0
                           if rest else 0))

    return SPELLED_2000S_RE.sub(two_thousand, SPELLED_YEAR_RE.sub(year, text))


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
    if not _CLEAN_REFS:
        _CLEAN_REFS.update({clean_expression(k): v for k, v in REFS.items()})
    text = _strip_leading(text)
    value = REFS.get(text) or _CLEAN_REFS.get(text)
    if value is None and re.fullmatch(r"(?:coming|future|upcoming) (?:months|quarters)|"
                                      r"as soon as possible|time to time", text):
        value = "FUTURE_REF"
    if value is None and re.fullmatch(r"(?:several|a few|few|some|many|" +
                                      r"(?:several |a few |many )?(?:months|years|decades))"
                                      r"(?: (?:months|years|decades))? ago", text):
        value = "PAST_REF"
    return (value, "ref") if value else None


def _set(text: str, base: date | None, future: bool | None) -> Result | None:
    """Recurring times: "daily" (P1D), "every month" (P1M), "each July" (XXXX-07)."""
    if text in SET_UNITS:
        return SET_UNITS[text], "set"
    match = re.fullmatch(r"(?:every|each|per) (?:(other|single) )?([a-z]+?)s?", text)
    if not match:
        match = re.fullmatch(r"()([a-z]+day)s", text)  # "Tuesdays", "Tuesday nights"
        if not match or match.group(2) not in WEEKDAYS:
            return None
    word = match.group(2)
    step = 2 if match.group(1) == "other" else 1
    if word in TIMES_OF_DAY and word not in {"tonight", "overnight"}:
        return f"XXXX-XX-XXT{TIMES_OF_DAY[word]}", "set"
    if word in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[word] + 1}", "set"
    if word in MONTHS and len(word) > 3:
        return f"XXXX-{MONTHS[word]:02d}", "set"
    code = DURATION_UNITS.get(word)
    if code is None:
        return None
    prefix = "PT" if code.startswith("T") else "P"
    return f"{prefix}{step}{code.lstrip('T')}", "set"


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
                "tonight", "earlier today", "later today", "morning", "afternoon", "evening",
                "later this afternoon", "later this morning", "later this evening",
                "early this morning", "mid afternoon", "mid-afternoon", "mid-morning",
                "late afternoon", "early afternoon", "late morning", "early evening",
                "late this afternoon", "earlier this afternoon", "earlier this morning"}:
        return base.isoformat(), "day"
    return None


CLOCK_PREFIX = re.compile(r"^(?:(?:about|around|at|until|by|before|after) )*(?:\d{1,2}(?::\d{2})?"
                          r"\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight|midday)"
                          r"(?: (?:[ecmp][sd]t|gmt|utc|local time))?\s+")
CLOCK_SUFFIX = re.compile(r"\s+(?:at )?(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|noon|"
                          r"midnight)(?: (?:[ecmp][sd]t|gmt|utc|local time))?$")
PART_OF_DAY = re.compile(r"^(?:early |late |mid[- ]?|later |earlier )?(?:morning|afternoon|evening|"
                         r"night) |(?:^| )(?:morning|afternoon|evening|night)$")


def _clock_and_day(text: str, base: date | None, future: bool | None) -> Result | None:
    """ "9 a.m. EST Tuesday", "noon Saturday", "mid-afternoon yesterday": the day's value."""
    rest = CLOCK_SUFFIX.sub("", CLOCK_PREFIX.sub("", text))
    rest = PART_OF_DAY.sub(" ", rest).strip()
    rest = re.sub(r"^(?:early|late|later|earlier) (?=yesterday|today|tomorrow)", "", rest)
    if rest == text or not rest:
        return None
    for rule in (_iso, _month_day, _relative_day):
        result = rule(rest, base, future)
        if result is not None and result[1] == "day":
            return result
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
                         r"[- ]?)?(?:(?:early|mid|late)[- ]?)?([a-z]+)\.?(?: (\d{4}))?"
                         r"(?: (this|last|next) year| month)?", text)
    if not match or match.group(2) not in MONTHS or (not match.group(3) and base is None):
        return None
    month = MONTHS[match.group(2)]
    if match.group(3):
        year = int(match.group(3))
    elif match.group(4) or match.group(1) == "this":
        assert base is not None  # "this September", "January this year", "June last year"
        year = base.year + {"last": -1, "next": 1}.get(match.group(4) or "", 0)
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
    match = re.fullmatch(r"(?:(?:early|mid|late|end|beginning|start|middle|post|pre)[- ]?)?"
                         r"(?:fiscal |year |calendar |fiscal year )?(\d{4})", text)
    if match and 1000 <= int(match.group(1)) <= 2999:
        return match.group(1), "year"
    match = re.fullmatch(r"(?:(?:early|mid|late|last half|first half)[- ]?)?(\d{3})0s", text) \
        or re.fullmatch(r"(?:(?:early|mid|late|last half|first half)[- ]?)?'(\d)0s", text)
    if match:
        digits = match.group(1) if len(match.group(1)) == 3 else "19" + match.group(1)
        decade = int(digits) * 10
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
    week = re.fullmatch(r"\w+day,? (?:of )?(this|next|last) week", text)
    if week:  # "Friday next week": that weekday in the week named
        shift = {"this": 0, "next": 7, "last": -7}[week.group(1)]
        return (base + timedelta(days=target - base.weekday() + shift)).isoformat(), "day"
    if words[0] in {"last", "past", "previous"}:
        delta = -((base.weekday() - target) % 7 or 7)
    elif words[0] == "next":
        delta = _next_weekday_delta(base, target)
    elif words[0] == "coming":
        delta = (target - base.weekday()) % 7 or 7
    elif future:
        delta = (target - base.weekday()) % 7  # the same weekday means later today
    elif words[0] == "this":
        delta = target - base.weekday()
    else:
        delta = -((base.weekday() - target) % 7)
    return (base + timedelta(days=delta)).isoformat(), "day"


def _next_weekday_delta(base: date, target: int) -> int:
    """Days from ``base`` to "next <weekday>": that weekday in the (Monday-to-Sunday) week
    after the one ``base`` lies in. Said on a Wednesday, "next Friday" is nine days off,
    as readers take it ("this Friday" or "on Friday" is two days off); "next Tuesday"
    six days off, the nearest Tuesday ahead, the only one it can mean. Never tomorrow: said
    on a Sunday, "next Monday" is eight days off, as said on a Saturday "next Sunday" is
    (tomorrow is "tomorrow" or "on Monday")."""
    delta = 7 - base.weekday() + target
    return delta + 7 if delta == 1 else delta


def _weekend(text: str, base: date | None, future: bool | None) -> Result | None:
    """ "the weekend", "last weekend", "this coming weekend": Saturday to Sunday."""
    match = re.fullmatch(r"(?:(this|last|next|past|coming|previous|this coming) )?weekend",
                         _strip_leading(text))
    if not match or base is None:
        return None
    saturday = base - timedelta(days=(base.weekday() - 5) % 7)  # latest Saturday so far
    on_weekend = base.weekday() >= 5
    word = match.group(1)
    if word == "next":  # the weekend of next week, as "next Saturday" is its Saturday
        saturday += timedelta(days=14 if not on_weekend else 7)
    elif word in {"coming", "this coming"} or (future and word != "last"):
        saturday += timedelta(days=7 if not on_weekend else 0)
    elif word in {"last", "past", "previous"} and on_weekend:
        saturday -= timedelta(days=7)
    elif word == "this" and future is None and not on_weekend:
        saturday += timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "range"


def _week_of(text: str, base: date | None, future: bool | None) -> Result | None:
    """ "the week of March 6": the Monday-to-Sunday week holding that day."""
    match = re.fullmatch(r"week (.+)", _strip_leading(text))
    day = _month_day(match.group(1), base, future) if match else None
    if day is None or day[1] != "day":
        return None
    return _week_range(date.fromisoformat(day[0]))


def _edge(text: str, base: date | None, future: bool | None) -> Result | None:
    """ "the end of the year", "year-end", "the end of this week": the period it ends."""
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:end|beginning|start|middle|close|turn) (?:(this|last|next|current) )?"
                         r"(year|month|week|quarter)|(?:(this|last|next) )?(year)(?:[- ]end| end)",
                         text)
    if not match:
        return None
    word = match.group(1) or match.group(3) or "this"
    return _relative_period(f"{word} {match.group(2) or match.group(4)}", base, future)


def _relative_period(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(?:(early|mid|late|later|earlier) )?(last|next|this|coming|past|"
                         r"previous|current|latest|recent) (?:fiscal )?"
                         r"(week|month|year|quarter|decade)",
                         text) \
        or re.fullmatch(r"(later|earlier)() (week|month|year)", text)
    if not match or base is None:
        return None
    direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        match.group(2), 0)
    unit = match.group(3)
    if unit == "year":
        return str(base.year + direction), "year"
    if unit == "decade":
        decade = base.year // 10 * 10 + 10 * direction
        return f"{decade:04d}/{decade + 9:04d}", "range"
    if unit == "month":
        return month_shift(base, direction), "month"
    if unit == "quarter":
        quarter = (base.month - 1) // 3 + direction
        if match.group(2) in {"latest", "recent"}:
            quarter -= 1
        return quarter_range(base.year + quarter // 4, quarter % 4 + 1), "range"
    return _week_range(base + timedelta(weeks=direction))


def _week_range(day: date) -> Result:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "range"


def month_shift(base: date, months: int) -> str:
    """The month ``months`` after (or before, when negative) the month of ``base``."""
    index = base.year * 12 + base.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def quarter_range(year: int, quarter: int) -> str:
    first = 3 * (quarter - 1) + 1
    last = first + 2
    end_day = calendar.monthrange(year, last)[1]
    return f"{year:04d}-{first:02d}-01/{year:04d}-{last:02d}-{end_day:02d}"


def _quarter(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"((?:[a-z0-9'-]+ )*?)(?:fiscal[- ])?(first|second|third|fourth|last|1st|"
                         r"2nd|3rd|4th)[- ](?:fiscal )?(quarter|half)(?: (?:fiscal )?(\d{4}))?",
                         text)
    if not match:
        return None
    number = ORDINALS[match.group(2)]
    prefix = match.group(1)
    named = re.search(r"\b(\d{4})\b", prefix)
    shift = -1 if re.search(r"\b(?:last year|year-ago|year-earlier|previous year)\b", prefix) \
        else 1 if re.search(r"\bnext year\b", prefix) else 0
    year_text = match.group(4) or (named.group(1) if named else None)
    year = int(year_text) if year_text else (base.year + shift if base else None)
    if year is None:
        return None
    if match.group(3) == "half":
        if number > 2:
            number = 2
        return (f"{year:04d}-01-01/{year:04d}-06-30" if number == 1 else
                f"{year:04d}-07-01/{year:04d}-12-31"), "range"
    explicit = year_text or shift or re.search(r"\b(?:this|current) year\b", prefix)
    if base is not None and not explicit and (year, number) > (
            base.year, (base.month - 1) // 3 + 1) and not future:
        year -= 1
    return quarter_range(year, number), "range"


def _ago_or_later(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    match = re.fullmatch(r"(\w+|\d+|a few|a couple) (day|week|month|year|decade)s? "
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
    if unit == "week":  # "six weeks ago": that week, as TimeML has it (not one exact day)
        return _week_range(base + timedelta(weeks=sign * amount))
    if unit == "month":
        return month_shift(base, sign * amount), "month"
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
        # In January or February this winter began the year before.
        current = base.year - 1 if last < first and base.month <= last else base.year
        year = current + (1 if "next" in text else -1 if "last" in text else 0)
        if not re.search(r"\b(?:this|next|last)\b", text) and future is not None:
            # "will reopen in the spring" said in December: the spring ahead; "closed in
            # the autumn" said in June: the one behind
            ends = year + (1 if last < first else 0)
            if future and base > date(ends, last, calendar.monthrange(ends, last)[1]):
                year += 1
            elif not future and base < date(year, first, 1):
                year -= 1
    end_year = year + 1 if last < first else year
    end_day = calendar.monthrange(end_year, last)[1]
    return f"{year:04d}-{first:02d}-01/{end_year:04d}-{last:02d}-{end_day:02d}", "range"


def _duration(text: str, base: date | None, future: bool | None) -> Result | None:
    text = _strip_leading(text)
    if re.search(r"\bold$", text):
        return None  # an age ("52 years old"), not a stretch of time in the story
    text = re.sub(r"^(?:an additional|another|a further|an extra|a full|one more) ", "a ", text)
    match = re.fullmatch(r"(?:the )?(?:(?:past|last|next|coming|first|final|latest|previous|"
                         r"recent|following|preceding|remaining|early|late|initial) )?"
                         r"(\d+(?:\.\d+)?(?: 1/2)?|[a-z]+(?:[ -](?:few|couple|dozen|hundred|"
                         r"one|two|three|four|five|six|seven|eight|nine))?)?[- ]?"
                         r"(?:(?:more|additional|straight|consecutive|trading|business|working|"
                         r"calendar|full) )?"
                         r"(second|minute|hour|day|week|month|year|decade|century|centurie|"
                         r"quarter)s?(?:[- ]long| ahead| and a half)?", text)
    if not match or (match.group(1) is None and not re.search(r"s(?: ahead|-long)?$", text)):
        return None
    amount_text = match.group(1)
    amount: int | str | float | None
    half = False
    if amount_text is None:
        amount = "X"
    elif re.fullmatch(r"\d+(?:\.\d+)?(?: 1/2)?", amount_text):
        half = amount_text.endswith(" 1/2")
        number = amount_text.removesuffix(" 1/2")
        amount = float(number) if "." in number else int(number)
    else:
        amount = NUMBERS.get(amount_text.replace("-", " ")) or NUMBERS.get(amount_text)
    if amount is None:
        return None
    if text.endswith(" and a half"):
        half = True
    unit = "century" if match.group(2) == "centurie" else match.group(2)
    code = DURATION_UNITS[unit]
    if code in {"DE", "CE"}:  # TimeML counts decades and centuries in years
        size = 10 if code == "DE" else 100
        if isinstance(amount, (int, float)):
            amount, code = int(amount * size), "Y"
        else:
            code = "Y" if code == "DE" else "CE"
    prefix = "PT" if code.startswith("T") else "P"
    value = f"{prefix}{amount}{code.lstrip('T')}"
    if half and isinstance(amount, int):
        value += HALVES.get(code, "")
    return value, "duration"


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) given weekday of a month."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year day": lambda y: date(y, 1, 1),
    "new year eve": lambda y: date(y, 12, 31), "halloween": lambda y: date(y, 10, 31),
    "valentine day": lambda y: date(y, 2, 14), "independence day": lambda y: date(y, 7, 4),
    "fourth july": lambda y: date(y, 7, 4), "july fourth": lambda y: date(y, 7, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": lambda y: _easter(y), "easter sunday": lambda y: _easter(y),
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
}
HOLIDAY_RE = re.compile(r"\b(?=[lntchvifegm])(?:(?:last|next|this) )?(?:christmas(?: day| eve)?|"
                        r"new year's (?:day|eve)|halloween|valentine's day|independence day|"
                        r"fourth of july|"
                        r"thanksgiving(?: day)?|election day|labor day|memorial day|"
                        r"easter(?: sunday| monday| week)?|good friday)\b", re.IGNORECASE)


def _holiday(text: str, base: date | None, future: bool | None) -> Result | None:
    """Named days: "Thanksgiving", "last Christmas", "Easter week", "Election Day"."""
    match = re.fullmatch(r"(?:(last|next|this|coming) )?([a-z' ]+?)( week)?", _strip_leading(text))
    if not match or match.group(2) not in HOLIDAYS or base is None:
        return None
    rule = HOLIDAYS[match.group(2)]
    options = sorted(rule(year) for year in (base.year - 1, base.year, base.year + 1))
    word = match.group(1)
    this_week = [d for d in options if match.group(3) and
                 d - timedelta(days=d.weekday()) <= base <= d + timedelta(days=6 - d.weekday())]
    if this_week:
        day = this_week[0]
    elif word == "last" or (future is False and word is None):
        day = max([d for d in options if d <= base] or options[:1])
    elif word in {"next", "coming"} or (future is True and word is None):
        day = min([d for d in options if d >= base] or options[-1:])
    else:
        day = min(options, key=lambda d: abs((d - base).days))
    if match.group(3):
        return _week_range(day)
    return day.isoformat(), "day"


HALVES = {"Y": "6M", "M": "15D", "W": "3D", "D": "T12H", "TH": "30M", "TM": "30S"}


RULES: tuple[Callable[[str, date | None, bool | None], Result | None], ...] = (
    _ref, _set, _clock, _iso, _month_day, _quarter, _month, _year, _relative_day, _weekend,
    _week_of, _edge, _holiday, _clock_and_day, _relative_period, _ago_or_later, _season, _duration)


def timeml_value(expression: str, value: str | None, precision: str | None) -> str | None:
    """The TimeML spelling of a normalised value (weeks, seasons, quarters, times of day)."""
    if value is None:
        return None
    if precision == "day":
        words = clean_expression(expression).replace("-", " ").split()
        part = next((TIMES_OF_DAY[w] for w in words if w in TIMES_OF_DAY), None)
        clock = re.search(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?m|p\.?m)", expression.lower())
        if re.search(r"\b(?:noon|midday)\b", expression.lower()) and not clock:
            return f"{value}T12:00"
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
            return first[:3]
        if span == 99 and first.endswith("00"):
            return first[:2]
        return None
    if len(first) != 10 or len(last) != 10:
        return None
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    if (end - start).days == 1 and start.weekday() == 5:
        iso_year, week, _ = start.isocalendar()
        return f"{iso_year:04d}-W{week:02d}-WE"
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
