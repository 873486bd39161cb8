"""Time expressions of one article, normalised against its publication date.

Goes in: a spaCy `Doc` of one article and its publication datetime (or None).
Comes out: `DateMention`s with a value at the precision the text gives (see
timex.py), plus what the clause they anchor says of them (see date_clauses.py:
happened, planned, cancelled or proposed; the clause; whether the date is the
report's or no event's). Without a publication date, relative expressions stay
unresolved (value None) rather than guessed.

Here: which spans are time expressions (spaCy's DATE and TIME entities, trimmed
and joined, and patterns the tagger misses), how a span splits into a range or a
period and its end, and the context that resolves "later that year" or "a year
earlier" (the last date and the last fiscal quarter named).
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from .date_clause_words import anchored_clause, own_plan_speaker, speech_frame
from .date_clauses import (
    MOVE_TO_WORDS,
    SEASON_WORDS,
    clause_status,
    date_move,
    event_action,
    event_told_beside,
    is_future,
    is_reporting,
    moves_a_date,
    moves_or_calls_off,
    no_event,
    overtaken_plan,
    reported_agent,
    sentence_bounds,
    told_plan,
    verb_lemma,
    would_have,
)
from .models import DateMention, DatePart, Sentence
from .nlp import text_of
from .timex import (
    HOLIDAY_RE,
    REFS,
    clean_expression,
    month_shift,
    normalize_date,
    quarter_range,
    timeml_value,
)

DATE_LABELS = {"DATE", "TIME"}
TIMELINE_PRECISIONS = {"day", "month", "year", "range"}
ANAPHORS = {"that year": ("year", 0), "the same year": ("year", 0), "later that year": ("year", 0),
            "earlier that year": ("year", 0), "the following year": ("year", 1),
            "the next year": ("year", 1), "the previous year": ("year", -1),
            "the year before": ("year", -1), "that day": ("day", 0), "the same day": ("day", 0),
            "that same day": ("day", 0), "earlier that day": ("day", 0),
            "later that day": ("day", 0), "earlier that month": ("month", 0),
            "later that month": ("month", 0), "that same year": ("year", 0),
            "the next day": ("day", 1), "the following day": ("day", 1),
            "the day before": ("day", -1), "that month": ("month", 0),
            "the following month": ("month", 1), "the next month": ("month", 1),
            "the next morning": ("day", 1), "the following morning": ("day", 1),
            "that morning": ("day", 0), "that night": ("day", 0), "that evening": ("day", 0),
            "that afternoon": ("day", 0)}
DEICTIC_DAYS = ("today", "tonight", "yesterday", "tomorrow")
# Vague references found by pattern where the tagger saw no date. "previously", "formerly",
# "once", "soon" and a bare "recent" are left out: far more often manner than time.
REF_SKIP = {"once", "current", "soon", "previously", "formerly", "recent", "someday"}
_REF_WORDS = [w for w in (*sorted(REFS, key=len, reverse=True), *DEICTIC_DAYS)
              if w not in REF_SKIP]
# Each pattern starts with a lookahead on the possible first letters: the engine then skips
# most positions at once (twice as fast on news text).
REF_RE = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in _REF_WORDS})) + r"])(" +
                    "|".join(re.escape(w) for w in _REF_WORDS) + r")\b(?! that\b)",
                    re.IGNORECASE)
SET_RE = re.compile(r"\b(?=[dnwmhe])(?:daily|nightly|weekly|monthly|hourly|"
                    r"(?:every|each) (?:other )?(?:day|night|week|month|year|quarter|morning|"
                    r"evening|weekend|summer|winter|spring|autumn|" +
                    "|".join(calendar.day_name) + "|" + "|".join(calendar.month_name[1:]) +
                    r"))\b", re.IGNORECASE)
# Seasons the tagger often misses ("would publish its report in the autumn"), only after a
# word that makes them a time: "the summer timetable" is none. Not "fall": "lost his gloves
# in the fall" is a tumble, and the tagger marks the season "the fall" itself.
SEASON_RE = re.compile(r"\b(?:in|by|over|through|during|until|till|before|since) "
                       r"(?P<time>the (?:early |late )?(?:spring|summer|autumn|winter)|"
                       r"(?:early |late )?(?:spring|summer|autumn|winter))\b"
                       r"(?! (?:of|in|and|or|to|months?|timetable|season|term|break|"
                       r"holidays?)\b)(?!-)", re.IGNORECASE)
# "will reopen in a fortnight": the tagger marks no DATE there.
FORTNIGHT_RE = re.compile(r"\bin (?P<time>(?:a|one) fortnight)\b", re.IGNORECASE)
# Modifiers TimeML annotators leave outside the expression ("about [five hours]", "only
# [six months]"); "nearly", "almost", "at least" and "around" they mostly keep inside.
LEADING_MODIFIERS = ("about", "only", "just", "barely", "as long as", "as many as",
                     "as much as")
# "the quarter ended Sept. 30", "the year ending June 30": a period and the day it ends.
ENDING_WORDS = {"ended", "ending", "ends", "end"}
RANGE_WORDS = {"to", "through", "thru", "until", "till", "and", "-", "\u2013"}
# The fiscal comparisons of earnings reports: the same period a year before.
YEAR_BACK_RE = re.compile(r"(?:a )?year (?:ago|earlier|before)|year-(?:ago|earlier)")
PERIOD_RE = re.compile(r"(?:(?:comparable|corresponding|same|latest|recent|year-ago|year-earlier|"
                       r"this|that|fiscal|last year|previous year|\d{4}) )*"
                       r"(quarter|period)(?: (?:a year ago|a year earlier|year ago|last year|"
                       r"previous year))?")
CURRENT_RE = re.compile(r"\bcurrent\b", re.IGNORECASE)
FISCAL_RE = re.compile(r"\b(?=[tlyc])(?:the )?(?:latest|year-ago|year-earlier|comparable|"
                       r"corresponding) "
                       r"(?:period|quarter)\b", re.IGNORECASE)


def find_dates(doc: Doc, article_id: str, published: datetime | None) -> list[DateMention]:
    """Time expressions of one article: dates, ranges, durations, sets and vague references."""
    found = _Finder(doc, article_id, published.date() if published else None)
    for span in _time_entities(doc):
        found.entity(span)
    found.patterns()
    return sorted(found.plans_told_elsewhere(), key=lambda m: m.start)


class _Finder:
    """Walks one article's time expressions in order, keeping the context they need: the
    last date given ("later that year") and the last fiscal quarter ("a year earlier")."""

    def __init__(self, doc: Doc, article_id: str, base: date | None) -> None:
        self.doc, self.article_id, self.base = doc, article_id, base
        self.mentions: list[DateMention] = []
        self.covered: set[int] = set()
        self.anchor: tuple[str, str] | None = None  # (value, precision) of the last date
        self.quarter: tuple[int, int] | None = None  # (year, quarter) last named
        self._future: dict[tuple[int, int], bool | None] = {}  # _is_future per token span
        # per mention dating a saying: the bounds of what was said, when that lies ahead
        self._told: dict[int, tuple[int, int]] = {}

    # -- spaCy entities -------------------------------------------------------------

    def entity(self, span: Span) -> None:
        span = _trim(span)
        if not len(span) or _is_age(span):
            return
        if len(span) == 1 and span[0].lower_ in {"overnight", "weekend", "daytime"} and \
                span.end < len(self.doc) and self.doc[span.end].pos_ == "NOUN":
            return  # "an overnight stay", "weekend shifts": a kind of thing, not a time
        if len(span) == 1 and span[0].lower_ in SEASON_WORDS and span[0].dep_ == "compound":
            return  # "winter sports", "the summer timetable"
        if span.end < len(self.doc) and re.fullmatch(r"\d{3}0", span[-1].text) and \
                self.doc[span.end].lower_ in {"'s", "\u2019s", "s"}:
            span = self.doc[span.start:span.end + 1]  # "the 1930['s]", tagged without 's
        if span.start > 0 and span[0].lower_ in TIME_UNITS and \
                self.doc[span.start - 1].lower_ in {"this", "last", "next", "that"}:
            span = self.doc[span.start - 1:span.end]  # "[This] year", tagged without "This"
        if span.end < len(self.doc) and self.doc[span.end].lower_ in {"quarter", "period"} and \
                (span[-1].lower_ in {"year-ago", "year-earlier", "ago", "earlier", "comparable"} or
                 re.fullmatch(r"\d{4}", span[-1].text)):
            span = self.doc[span.start:span.end + 1]  # "the year-ago [period]"
        if self._comparison(span) or self._resolve(span) or self._listed(span):
            return
        for piece in _shrunk(span):  # "d'etat last year", "seven a year ago"
            if self._resolve(piece, points_only=True):
                return
        if self.base is None:
            self._emit(span, None, None)

    def _comparison(self, span: Span) -> bool:
        """ "until December 21, a week later than planned": "a week later than" compares two
        dates; it is an amount of time (a week), not a date of its own."""
        doc = self.doc
        if span.end >= len(doc) or doc[span.end].lower_ != "than" or \
                span[-1].lower_ not in {"later", "earlier", "sooner"}:
            return False
        commas = [t.i for t in span if t.text == ","]
        start = commas[-1] + 1 if commas else span.start
        amount = _trim(doc[start:span.end - 1])
        value, precision = normalize_date(amount.text, self.base) if len(amount) else (None,
                                                                                       None)
        if value is None or precision != "duration":
            return False
        if commas:
            left = _trim(doc[span.start:commas[-1]])
            if len(left) and not self._resolve(left):
                return False
        self._emit(amount, value, precision)
        return True

    def _listed(self, span: Span) -> bool:
        """ "will reopen on June 15, a month after the derailment": two expressions the
        tagger made one, each kept (a shorter piece alone would lose the date)."""
        commas = [t.i for t in span if t.text == ","]
        if len(commas) != 1:
            return False
        left, right = _trim(self.doc[span.start:commas[0]]), _trim(self.doc[commas[0] + 1:span.end])
        if not len(left) or not len(right) or \
                self._value(left)[0] is None or self._value(right)[0] is None:
            return False
        return self._resolve(left) | self._resolve(right)

    def _resolve(self, span: Span, *, points_only: bool = False) -> bool:
        """Emit the mention(s) for one span; False when nothing in it could be placed.

        Args:
            points_only: accept no vague reference ("the [current] fiscal year" is not now).
        """
        split = _split(span)
        if split is not None:
            left, word, right = split
            if word.lower_ in ENDING_WORDS:
                return self._period_ending(left, right)
            if word.lower_ == "of":
                if self._part_of(left, right):
                    return True
            elif _two_dates(span, word):
                if self._moved(left, word, right) or self._both(span, left, right) or \
                        self._range(span, left, right):
                    return True
            elif self._range(span, left, right) or self._both(span, left, right):
                return True
        value, precision, derived = self._value_and_origin(span)
        if value is None or (points_only and precision == "ref"):
            return False
        if precision == "duration" and self._from_a_dated_saying(span):
            # "said in January the pool would reopen in two weeks": two weeks from a day
            # the sentence does not give; the reopening stays an event, undated
            self._emit(span, None, precision, timex=value)
            return True
        ahead = self._time_from_now(span) if precision == "duration" else None
        if ahead is not None:
            # "will reopen in two weeks": the day two weeks on; TimeML keeps the duration
            self._emit(span, *ahead, timex=value)
            return True
        self._emit(span, value, precision, derived=derived)
        return True

    def _time_from_now(self, span: Span) -> tuple[str, str] | None:
        """The date "in two weeks" points at, in a clause that looks ahead: counted from
        the report's day, also in reported speech ("said the airline would hold it in two
        weeks"), unless the sentence dates the saying (`_from_a_dated_saying`)."""
        if self.base is None or not self._ahead_in(span):
            return None
        value, precision = normalize_date(f"{clean_expression(span.text)} from now", self.base)
        if value is None or precision not in TIMELINE_PRECISIONS:
            return None
        return value, precision

    def _ahead_in(self, span: Span) -> bool:
        """ "in two weeks" after a verb of a clause that looks ahead."""
        before = self.doc[span.start - 1] if span.start > 0 else None
        return before is not None and before.lower_ == "in" and \
            before.head.pos_ in {"VERB", "AUX"} and bool(self._is_future(span)) and \
            not (span.end < len(self.doc) and self.doc[span.end].lower_ == "of")

    def _from_a_dated_saying(self, span: Span) -> bool:
        """ "said in January the pool would reopen in two weeks": "would" counts from the
        saying, and the sentence dates the saying (a date on a verb above the clause)."""
        if not self._ahead_in(span):
            return False
        verb = self.doc[span.start - 1].head
        if not {"would", "'d"} & {c.lower_ for c in verb.children if c.dep_ == "aux"}:
            return False
        above = {a.i for a in verb.ancestors}
        for ent in span.sent.ents:
            if ent.label_ not in {"DATE", "TIME"} or ent.start == span.start:
                continue
            token = ent.root
            while token.head.i != token.i and token.i != verb.i and token.i not in above:
                token = token.head
            if token.i in above:
                return True
        return False

    def _value(self, span: Span, future: bool | None = None
               ) -> tuple[str | None, str | None]:
        value, precision, _ = self._value_and_origin(span, future)
        return value, precision

    def _value_and_origin(self, span: Span, future: bool | None = None
                          ) -> tuple[str | None, str | None, bool]:
        """(value, precision, derived): derived when the value came from the context (the
        last date or quarter named), not from the words alone."""
        cleaned = clean_expression(span.text)
        for rule in (self._fiscal, self._anaphoric, self._relative_to_anchor):
            result = rule(cleaned, span)
            if result is not None:
                return result[0], result[1], True
        future = self._is_future(span) if future is None else future
        value, precision = normalize_date(_with_preposition(span), self.base, future=future)
        if future is False and value is not None and self.base is not None and \
                value[:4] == str(self.base.year - 1) and overtaken_plan(span):
            # "had been due to reopen in March but was delayed", told in January: the
            # nearest March when it is this year's (told in November, this year's too; but
            # "due in December", told in January, was last year's)
            nearest = normalize_date(_with_preposition(span), self.base, future=None)
            if nearest[0] is not None and nearest[0][:4] == str(self.base.year):
                value, precision = nearest
        return value, precision, False

    def _is_future(self, span: Span) -> bool | None:
        key = (span.start, span.end)
        if key not in self._future:
            self._future[key] = is_future(span)
        return self._future[key]

    def _period_ending(self, left: Span, right: Span) -> bool:
        """ "the quarter ended Sept. 30": the quarter holding that day, and the day."""
        end_value, end_precision = self._value(right)
        if end_value is None or end_precision != "day":
            return False
        end = date.fromisoformat(end_value)
        words = clean_expression(left.text)
        value, precision = normalize_date(left.text, self.base)
        if value is None and re.fullmatch(r"(?:fiscal |latest |current |same )*quarter", words):
            quarter = (end.month - 1) // 3 + 1
            value, precision = quarter_range(end.year, quarter), "range"
        elif value is None and re.fullmatch(r"(?:fiscal |latest |current |full )*year", words):
            value, precision = "P1Y", "duration"
        if value is not None:
            self._emit(left, value, precision)
        self._emit(right, end_value, end_precision)
        return True

    def _part_of(self, left: Span, right: Span) -> bool:
        """ "the first nine months of 1997": a stretch of time, and the time it is part of."""
        value, precision = self._value(left)
        end_value, end_precision = self._value(right)
        if value is None or precision != "duration" or end_value is None or \
                end_precision not in TIMELINE_PRECISIONS:
            return False
        self._emit(left, value, precision)
        self._emit(right, end_value, end_precision)
        return True

    def _both(self, whole: Span, left: Span, right: Span) -> bool:
        """ "revised Friday to December's figures": two times that make no range."""
        first, first_precision = self._value(left)
        last, last_precision = self._value(right)
        if first is None or last is None or first_precision == "ref" or \
                last_precision == "ref":
            return False
        self._emit(left, first, first_precision)
        self._emit(right, last, last_precision)
        return True

    def _moved(self, left: Span, word: Token, right: Span) -> bool:
        """ "delayed from November 12 to early December": the new date as its clause tells
        it (ahead), the old one in the same stretch of time ("brought forward from December
        12 to December 3": the December 12 nearest to December 3)."""
        if left.start == 0 or self.doc[left.start - 1].lower_ != "from" or \
                not moves_a_date(left, word.lower_):
            return False
        last, last_precision = self._value(right)
        points = {"day", "month", "year"}
        if last is None or last_precision not in points:
            return False
        new = _anchor_day(last)
        candidates = [c for c in (self._value(left, future) for future in (False, True))
                      if c[0] is not None and c[1] in points]
        if not candidates:
            return False
        first, first_precision = min(
            candidates, key=lambda c: abs((_anchor_day(c[0] or "") - new).days))
        self._emit(left, first, first_precision)
        self._emit(right, last, last_precision)
        return True

    def _range(self, whole: Span, left: Span, right: Span) -> bool:
        """ "Aug. 26 to Oct. 20", "between 1994 and 1997": one range, both ends kept."""
        future = self._is_future(whole)
        first, first_precision = self._value(left, future)
        last, last_precision = self._value(right, future)
        if first is not None and last is None and first_precision == "day" and \
                right.text.isdigit() and 1 <= int(right.text) <= 31:  # "April 24 and 25"
            last = first[:8] + f"{int(right.text):02d}"
            last_precision = "day" if _valid_day(last) else None
        points = {"day", "month", "year"}
        if first is None or last is None or first_precision not in points | {"ref"} or \
                last_precision not in points:
            return False
        if _weekday(left) and _weekday(right) and last < first:
            last = (date.fromisoformat(last) + timedelta(days=7)).isoformat()  # "Tuesday to
            # Sunday": the Sunday after
        first_point = self.base.isoformat() if first_precision == "ref" and self.base \
            else first
        if first_precision == "ref" and first != "PRESENT_REF":
            return False
        if first_point > last or first_point == last:
            return False
        parts = (DatePart(left.start_char, left.end_char, left.text,
                          timeml_value(left.text, first, first_precision) or first),
                 DatePart(right.start_char, right.end_char, right.text,
                          timeml_value(right.text, last, last_precision) or last))
        self._emit(whole, f"{first_point}/{last}", "range", parts=parts)
        return True

    # -- context rules ----------------------------------------------------------------

    def _fiscal(self, cleaned: str, span: Span) -> tuple[str, str] | None:
        """Earnings-report periods: "a year earlier" and "the year-ago quarter" mean the
        quarter last named, a year before; "the quarter" means that quarter."""
        if self.quarter is None or self.base is None:
            return None
        year, quarter = self.quarter
        if YEAR_BACK_RE.fullmatch(cleaned):
            if not cleaned.startswith("year-") and not _has_amount(span.sent):
                return None
            return quarter_range(year - 1, quarter), "range"
        match = PERIOD_RE.fullmatch(cleaned)
        if not match:
            return None
        named = re.search(r"\b(\d{4})\b", cleaned)
        if named:
            year = int(named.group(1))
        elif re.search(r"year-ago|year-earlier|year ago|year earlier|last year|previous year",
                       cleaned):
            year -= 1
        return quarter_range(year, quarter), "range"

    def _anaphoric(self, cleaned: str, span: Span) -> tuple[str, str] | None:
        """ "later that year", "the following day": relative to the last date given."""
        key = " ".join(span.text.lower().split())
        if key in {"the year", "the full year", "the fiscal year", "the calendar year"} and \
                self.base is not None:  # "the year": the year the article is about
            return str(_anchor_day(self.anchor[0]).year if self.anchor else self.base.year), \
                "year"
        if self.anchor is None or key not in ANAPHORS:
            return None
        anchor = _anchor_day(self.anchor[0])
        unit, shift = ANAPHORS[key]
        if unit == "year":
            return str(anchor.year + shift), "year"
        if unit == "month":
            return month_shift(anchor, shift), "month"
        return (anchor + timedelta(days=shift)).isoformat(), "day"

    def _relative_to_anchor(self, cleaned: str, span: Span) -> tuple[str, str] | None:
        """ "two years later", "a day earlier" after a past date: counted from that date."""
        if self.anchor is None or self.base is None:
            return None
        match = re.fullmatch(r"(?:about |nearly |almost |some |just )?(\w+|a few) "
                             r"(day|week|month|year)s? (earlier|later|before|after)", cleaned)
        value, precision = self.anchor
        if not match or precision not in {"day", "month", "year"}:
            return None
        if _anchor_day(value) >= self.base:
            return None  # counted from today: "ago" and "from now" do that already
        anchor = _anchor_day(value)
        result = normalize_date(f"{match.group(1)} {match.group(2)}s "
                                f"{'from now' if match.group(3) in {'later', 'after'} else 'ago'}",
                                anchor)
        if result[0] is None or result[1] not in {"day", "month", "year", "range"}:
            return None
        if precision == "year" and result[1] != "year":
            return result[0][:4], "year"
        return result[0], result[1] or "day"

    # -- patterns the tagger does not mark --------------------------------------------

    def patterns(self) -> None:
        text = text_of(self.doc)
        for regex in (SET_RE, REF_RE, HOLIDAY_RE, FISCAL_RE, SEASON_RE):
            for match in regex.finditer(text):
                # the time itself, without the word before it that makes it one
                start, end = match.span("time") if "time" in regex.groupindex else \
                    match.span()
                if any(i in self.covered for i in range(start, end)):
                    continue
                span = self.doc.char_span(start, end)
                if span is None or (regex is SEASON_RE and span[-1].dep_ != "pobj"):
                    continue  # "water drawn in spring wells": a kind of well
                value, precision, derived = self._value_and_origin(span)
                if value is None and self.base is not None:
                    continue
                self._emit(span, value, precision, derived=derived)
        for match in FORTNIGHT_RE.finditer(text):  # "in two weeks", counted from the report
            span = self.doc.char_span(*match.span("time"))
            if span is not None and match.start("time") not in self.covered:
                self._resolve(span)
        for match in CURRENT_RE.finditer(text):  # "the current leader": now
            span = self.doc.char_span(match.start(), match.end())
            if span is None or match.start() in self.covered:
                continue
            token = span[0]
            if token.dep_ == "amod" and token.head.lemma_ not in TIME_UNITS:
                self._emit(span, "PRESENT_REF", "ref")

    # -- output -----------------------------------------------------------------------

    def _before_publication(self, value: str | None) -> bool:
        """A date wholly before the publication date, compared at its own precision."""
        if value is None or self.base is None or not value[:4].isdigit():
            return False
        end = value.split("/")[-1]
        return end < self.base.isoformat()[:len(end)]

    def _after_publication(self, value: str | None) -> bool:
        """A date wholly after the publication date, compared at its own precision."""
        if value is None or self.base is None or not re.fullmatch(
                r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?", value):
            return False
        start = value.split("/")[0]
        return start > self.base.isoformat()[:len(start)]

    def _emit(self, span: Span, value: str | None, precision: str | None, *,
              parts: tuple[DatePart, ...] = (), derived: bool = False,
              timex: str | None = None) -> None:
        """Record one mention; a value read from the words themselves (not `derived` from
        context) becomes the context of what follows. `timex` overrides the TimeML value
        read from `value`."""
        if any(i in self.covered for i in range(span.start_char, span.end_char)):
            return
        self.covered.update(range(span.start_char, span.end_char))
        future = self._is_future(span)
        if value is not None and precision in TIMELINE_PRECISIONS and value[:4].isdigit():
            self.anchor = (value, precision)
        timex = timex or timeml_value(span.text, value, precision)
        quarter = re.fullmatch(r"(\d{4})-Q(\d)", timex or "")
        if quarter and not derived:
            self.quarter = (int(quarter.group(1)), int(quarter.group(2)))
        start, end = sentence_bounds(span)
        sentence = Sentence(self.article_id, start, end, text_of(self.doc)[start:end])
        status = clause_status(span, future=future)
        reporting = is_reporting(span)
        told = told_plan(span) if reporting else None
        if told is not None:
            self._told[len(self.mentions)] = told
        if status == "cancelled" and would_have(span) and self._after_publication(value):
            # "said repairs would have been completed by March 2027": a future perfect
            status = "planned"
        elif status == "planned" and self._before_publication(value):
            status = "happened"  # "delayed until March 2025, when a jury convicted him"
        elif status == "happened" and self._after_publication(value):
            # Nothing after the day of the report has happened yet: "her dissertation
            # deadline in December"; "certification, once planned for Dec. 3, was pushed
            # back" has been called off.
            status = "cancelled" if moves_or_calls_off(span.sent) else "planned"
        beside_action, beside_words = event_told_beside(span)
        self.mentions.append(DateMention(
            self.article_id, span.text, span.start_char, span.end_char, value, precision,
            sentence, status=status, clause=anchored_clause(span),
            timex=timex, parts=parts, reporting=reporting, verb=verb_lemma(span),
            no_event=no_event(span), agent=reported_agent(span),
            action=event_action(span), move=date_move(span),
            speaker=own_plan_speaker(span), beside_action=beside_action,
            beside_words=beside_words, frame=speech_frame(span)))


    def plans_told_elsewhere(self) -> list[DateMention]:
        """The mentions, with the day of a saying dating no event when what was said lies
        ahead and names its own date: "X will go on display on October 3, the curator said
        on Tuesday" is a plan for October 3, not something that happened on Tuesday."""
        mentions = list(self.mentions)
        for index, (start, end) in self._told.items():
            if any(start <= other.start < end and not other.reporting and
                   other.precision in TIMELINE_PRECISIONS for other in self.mentions):
                mentions[index] = dataclasses.replace(mentions[index], no_event=True)
        return mentions


TIME_UNITS = {"day", "week", "month", "year", "quarter", "period", "decade", "century",
              "season", "term", "time"}


def _time_entities(doc: Doc) -> list[Span]:
    """DATE and TIME entities, with "Tuesday" + "morning" joined into one expression."""
    spans: list[Span] = []
    previous = None
    for ent in doc.ents:
        if ent.label_ not in DATE_LABELS or _part_of_day_before_its_day(ent):
            continue
        joined = spans and (spans[-1].end == ent.start or (
            previous is not None and previous.label_ == "TIME" and ent.label_ == "DATE" and
            spans[-1].end + 1 == ent.start and doc[spans[-1].end].text == ","))
        previous = ent
        if joined:
            spans[-1] = doc[spans[-1].start:ent.end]
        else:
            spans.append(ent)
    return spans


def _part_of_day_before_its_day(ent: Span) -> bool:
    """ "overnight on Wednesday", "tonight into Friday": the day that follows dates it."""
    doc = ent.doc
    return ent.text.lower() in {"overnight", "tonight"} and ent.end + 1 < len(doc) and \
        doc[ent.end].lower_ in {"on", "into"} and doc[ent.end + 1].ent_type_ == "DATE"


def _trim(span: Span) -> Span:
    """Without the modifiers, possessive and punctuation TimeML leaves out of the extent."""
    doc = span.doc
    start, end = span.start, span.end
    changed = True
    while changed and start < end:
        changed = False
        for modifier in LEADING_MODIFIERS:
            words = modifier.split()
            if end - start > len(words) and \
                    [t.lower_ for t in doc[start:start + len(words)]] == words:
                start += len(words)
                changed = True
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or
                           doc[end - 1].lower_ in {"'s", "\u2019s"}):
        if end - 1 > start and re.fullmatch(r"\d{3}0", doc[end - 2].text) and \
                doc[end - 1].lower_ in {"'s", "\u2019s"}:
            break  # "the 1930's": a decade, not a possessive
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def _shrunk(span: Span) -> list[Span]:
    """Shorter pieces of an expression that did not resolve as a whole, longest first:
    "d'etat [last year]", "an interview [several months]". A piece that the dropped words
    modify ("a long [summer]", "every [morning]") is not an expression of its own."""
    pieces = [span[i:] for i in range(1, min(4, len(span)))]
    pieces += [span[:len(span) - i] for i in range(1, min(3, len(span)))]
    kept = []
    for piece in pieces:
        if not len(piece) or piece[0].is_punct or piece[-1].is_punct or \
                piece[0].pos_ in {"ADP", "CCONJ"}:
            continue
        inside = {t.i for t in piece}
        dropped = [t for t in span if t.i not in inside]
        standalone = piece[0].pos_ in {"PROPN", "NUM"} or piece[0].lower_ in STARTERS
        if not standalone and any(t.head.i in inside and t.dep_ in MODIFIER_DEPS
                                  for t in dropped):
            continue
        kept.append(piece)
    return kept


STARTERS = {"last", "next", "this", "a", "an", "several", "recent", "past", "the"}
MODIFIER_DEPS = {"amod", "det", "nummod", "compound", "advmod", "quantmod", "poss", "predet",
                 "nmod"}


def _split(span: Span) -> tuple[Span, Token, Span] | None:
    """ "A to B", "between A and B", "X ended Y": the two sides and the word between."""
    tokens = list(span)
    start = 1 if tokens and tokens[0].lower_ in {"between", "from"} else 0
    for index in range(start + 1, len(tokens) - 1):
        word = tokens[index]
        if word.lower_ in ENDING_WORDS | RANGE_WORDS | {"of"}:
            left = span[start:index]
            right = span[index + 1:]
            if word.lower_ == "end" and left[-1].lower_ != "year":
                continue
            if word.lower_ in {"-", "\u2013"} and not (left[-1].like_num and right[0].like_num):
                continue  # "fiscal-first", "mid-1990s"
            if word.lower_ == "of" and not (right[-1].like_num or right[-1].lower_ == "year"):
                continue
            if len(left) and len(right) and not right[0].is_punct:
                return _trim(left), word, _trim(right)
    return None


def _two_dates(span: Span, word: Token) -> bool:
    """Two dates, not a range: "samples taken on October 15 and October 22" (an "and"
    without "between"), and a move's old and new dates, "delayed the launch from November 12
    to early December" (the old date is called off, the new one planned)."""
    doc = span.doc
    if word.lower_ == "and":
        return span[0].lower_ != "between" and \
            (span.start == 0 or doc[span.start - 1].lower_ != "between")
    return word.lower_ in MOVE_TO_WORDS and moves_a_date(span, word.lower_) and (
        span[0].lower_ == "from" or span.start > 0 and doc[span.start - 1].lower_ == "from")


def _is_age(span: Span) -> bool:
    """ "a 6-year-old boy", "52 years old": an age, not a time in the story."""
    doc = span.doc
    following = [t.lower_ for t in doc[span.end:span.end + 2]]
    return span[-1].lower_ in {"old", "olds"} or following[:1] == ["old"] or \
        following == ["-", "old"]


def _weekday(span: Span) -> bool:
    return len(span) == 1 and span[0].lower_ in WEEKDAY_NAMES


WEEKDAY_NAMES = {name.lower() for name in calendar.day_name}


def _has_amount(sent: Span) -> bool:
    """A sentence with money, a percentage or a figure: an earnings comparison."""
    return any(t.like_num or t.text in {"$", "%", "#"} or t.lower_ in {"percent", "cents"}
               for t in sent)


def _anchor_day(value: str) -> date:
    return date.fromisoformat((value.split("/")[0] + "-01-01")[:10])


def _valid_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _with_preposition(ent: Span) -> str:
    """The words to normalise: a preceding "by", "since" or "until" changes the meaning."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in {"by", "since", "until", "before",
                                                        "after"}:
        return doc[ent.start - 1:ent.end].text
    return ent.text
