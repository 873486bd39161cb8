"""Which date mentions can date an event of the timeline, and at which day.

Goes in: every article's `DateMention`s, the articles' texts and publication times. Comes
out: the mentions that date events, a clock time or a part of the day given the day it
belongs to ("shortly before 10 p.m. on Monday", "during the morning shift" beside "on 14
March 2024"), with datelines, opening hours, timetables, a season used as a word ("a
winter storm") and a month used as a name left out. `timeline` merges what is left.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from .dates import TIMELINE_PRECISIONS
from .models import DateMention
from .text import MONTH_NAMES, STOPWORDS, content_words
from .timex import SEASONS


def event_dates(dates: Sequence[DateMention], texts: dict[str, str],
                 published: dict[str, datetime | None]) -> list[DateMention]:
    """The mentions that can date an event. Datelines, opening hours and a season used as a
    word ("a winter storm") date nothing; a clock time belongs to the day named with it
    ("before 10 p.m. on Tuesday") or just before it ("opened on Saturday ... at 10 a.m."),
    else to the dateline's day ("HALE ISLAND, Dec. 2 -"), not to the publication day its
    bare value falls back to."""
    by_sentence: dict[tuple[str, int], list[DateMention]] = defaultdict(list)
    for mention in dates:
        by_sentence[(mention.article_id, mention.sentence.start)].append(mention)
    kept: list[DateMention] = []
    last_day: dict[str, DateMention] = {}  # per article, the last day named so far
    days: dict[str, list[DateMention]] = defaultdict(list)  # per article, every one
    datelines: dict[str, DateMention] = {}  # per article, its dateline's day
    times: dict[tuple[str, int], str] = {}  # a day mention's time of day: "T14:00"
    for mention in sorted(dates, key=lambda m: (m.article_id, m.start)):
        neighbours = by_sentence[(mention.article_id, mention.sentence.start)]
        text = texts.get(mention.article_id, "")
        opening = mention.precision == "day" and DATELINE_PLACE.fullmatch(text[:mention.start])
        if opening:
            datelines[mention.article_id] = mention  # "HALE ISLAND, Dec. 2 -" opens the text
        if _dateline(mention) or mention.no_event:
            continue
        if opening and DATELINE_END.match(text, mention.end):
            continue  # the parser may hang it on the lede's verb ("March 15 - X has pushed")
        if _schedule(mention, neighbours) or _season_as_word(mention) or \
                _month_as_name(mention):
            continue
        if _clock_time(mention):
            day = _day_of(mention, neighbours, last_day.get(mention.article_id), text,
                          days[mention.article_id])
            if day is None and mention.status == "happened":  # the day the report tells of,
                day = datelines.get(mention.article_id)  # else the day before publication
                if day is None:
                    placed = _before_publication(mention, published.get(mention.article_id))
                    if placed is None:
                        continue
                    mention = placed
            if day is not None and day.sentence == mention.sentence:
                if day.precision == "day" and mention.timex:  # the day's mention dates it
                    times.setdefault((day.article_id, day.start), mention.timex[10:])
                continue
            if day is not None:
                mention = dataclasses.replace(mention, value=day.value,
                                              timex=f"{day.value}{(mention.timex or '')[10:]}")
        elif _is_day(mention):
            last_day[mention.article_id] = mention
            days[mention.article_id].append(mention)
        kept.append(mention)
    return [dataclasses.replace(m, timex=f"{m.value}{times[(m.article_id, m.start)]}")
            if (m.article_id, m.start) in times else m for m in kept]


def _before_publication(mention: DateMention, published: datetime | None
                        ) -> DateMention | None:
    """A past clock time later in the day than the report was published ("Polls closed
    at 8 p.m." in a paper out at 9:30 a.m.) was the evening before. Against a publication
    date without a time (read as midnight) a bare clock time has no day: None."""
    clock = (mention.timex or "")[11:16]
    if published is None or not re.fullmatch(r"\d{2}:\d{2}", clock) or \
            mention.value != published.date().isoformat():
        return mention
    if published.strftime("%H:%M:%S") == "00:00:00":
        return None
    if clock <= published.strftime("%H:%M"):
        return mention
    day = (published.date() - timedelta(days=1)).isoformat()
    return dataclasses.replace(mention, value=day, timex=f"{day}T{clock}")


def _clock_time(mention: DateMention) -> bool:
    """A time of day alone ("at 10 p.m.", "midnight", "the morning"): its bare value is the
    publication day. Midnight has no hour in its timex (it ends one day as it starts the
    next)."""
    return bool(mention.timex and ("T" in mention.timex or
                                   mention.text.lower().endswith("midnight")) and
                (CLOCK_TIME.fullmatch(mention.text) or PART_OF_DAY.fullmatch(mention.text)))


def _is_day(mention: DateMention) -> bool:
    return mention.precision == "day" and not mention.reporting and not _clock_time(mention)


def _dateline(mention: DateMention) -> bool:
    """ "DUNMORE, Nov 18 (Meridian Press) -": a verbless date opening the article dates the
    report. A verbless date further down is a chronology line ("March 9 - full closure")."""
    return mention.reporting and not mention.verb and mention.sentence.start == 0


def _day_told_of(mention: DateMention, earlier: Sequence[DateMention],
                 last_day: DateMention) -> DateMention:
    """Of the days the sentence before names ("stranded on the cable car on Friday, and
    back home by Saturday afternoon"), the one whose clause the clock time's sentence
    shares words with ("They boarded the cable car shortly after 2 p.m." is Friday's);
    the last day when no clause or more than the last one's does."""
    same = [d for d in earlier if d.sentence == last_day.sentence and
            d.status == mention.status and d.clause]
    told = [d for d in same if _shared_words(d.clause, mention.sentence.text)]
    return told[-1] if told and last_day not in told else last_day


def _day_of(mention: DateMention, neighbours: Sequence[DateMention],
            last_day: DateMention | None, text: str,
            earlier_days: Sequence[DateMention] = ()) -> DateMention | None:
    """The day named in the clock time's sentence, else the last one shortly before it,
    told in the same tense (a planned "at 7 p.m." is not Monday's vote). Across a paragraph
    break the two sentences must share a word: the lede's "opened on Saturday" dates
    "before the doors opened at 10 a.m." below it, not "Police were called at 10 p.m."."""
    same = [other for other in neighbours  # "on Tuesday", or "from next week" for a timetable
            if other.sentence == mention.sentence and not other.reporting and
            not _clock_time(other) and other.precision in TIMELINE_PRECISIONS]
    if same:  # the day of its own verb ("On Monday the ferry left at 6 a.m. and docked on
        # Wednesday"), then the nearest ("at 2 p.m. on Tuesday, a day after ... Monday")
        return min(same, key=lambda other: (other.verb != mention.verb,
                                            min(abs(other.start - mention.end),
                                                abs(mention.start - other.end))))
    if last_day is None or last_day.status != mention.status or \
            not 0 <= mention.start - last_day.end <= CLOCK_REACH:
        return None
    last_day = _day_told_of(mention, earlier_days, last_day)
    between = text[last_day.end:mention.start]
    if between.count("\n\n") > 1:
        return None
    if "\n\n" in between and not _shared_words(last_day.sentence.text, mention.sentence.text):
        return None
    return last_day


def _shared_words(first: str, second: str) -> set[str]:
    """Content words two sentences share, times of day and weekdays aside."""
    def meaningful(text: str) -> set[str]:
        return {w for w in content_words(text) if not DAY_WORD.fullmatch(w)}
    return meaningful(first) & meaningful(second)


def _schedule(mention: DateMention, neighbours: Sequence[DateMention]) -> bool:
    """ "open from 8 a.m. to 2 p.m. on Saturdays", "leaves at 7 a.m. every day", "open
    Tuesday to Sunday": opening hours and timetables, told in the present tense of a verb
    of opening or running ("halted daily production at 6 a.m." is an event)."""
    clause = mention.clause or mention.sentence.text
    if _clock_time(mention) and EVERY.search(clause) and not re.search(
            r"\b(?:was|were|had)\b", clause):
        return True  # "is emptied every day at 5 p.m.", "from 8 a.m. every weekday"
    if _clock_time(mention) and mention.status != "happened" and \
            RECURRING_SLOT.search(clause) and not re.search(r"\b(?:was|were|had)\b", clause):
        return True  # "would work from 10pm to 6am only on weekdays": hours, not a day
    if mention.verb not in SCHEDULE_VERBS or PAST_SCHEDULE.search(clause):
        return False
    if mention.precision == "range" and WEEKDAY_RANGE.fullmatch(mention.text):
        return bool(re.search(r"\b(?:is|are)\s+(?:open|closed)\b", clause, re.IGNORECASE))
    if not _clock_time(mention):
        return False
    return bool(RECURRING.search(clause)) or any(
        other.precision == "set" and other.text in clause for other in neighbours)


def _season_as_word(mention: DateMention) -> bool:
    """ "a view of the harbour in a winter storm", "the winter timetable": a kind of storm
    or timetable, not a date ("the winter months" and "this winter" are dates)."""
    determiner, _, season = mention.text.lower().rpartition(" ")
    if season not in SEASONS or determiner not in {"", *SEASON_DETERMINERS}:
        return False
    offset = mention.start - mention.sentence.start
    before = (mention.sentence.text[:max(0, offset)] + " " + determiner).rstrip() + " "
    after = mention.sentence.text[offset + len(mention.text):]
    if re.search(r"\b(?:a|an)\s+$", before, re.IGNORECASE):
        return True
    following = re.match(r"\s+([a-z]+)", after)
    return bool(re.search(r"\b(?:the|its|their|our|his|her)\s+$", before, re.IGNORECASE)) and \
        following is not None and following.group(1) not in SEASON_NOUNS | STOPWORDS


def _month_as_name(mention: DateMention) -> bool:
    """ "so that shops could get through the January sales": the name of a period that
    comes back every year, not a date of the story."""
    if mention.text.lower().removeprefix("the ").strip() not in MONTH_NAMES:
        return False
    offset = mention.start - mention.sentence.start + len(mention.text)
    return bool(re.match(r"\s+(?:sales|holidays)\b", mention.sentence.text[offset:],
                         re.IGNORECASE))


SCHEDULE_VERBS = {"be", "open", "close", "run", "operate", "leave", "depart", "arrive",
                  "serve", "start"}
PAST_SCHEDULE = re.compile(r"\b(?:was|were|opened|closed|ran|operated|left|departed|"
                           r"arrived|served|started|will|would)\b", re.IGNORECASE)
CLOCK_REACH = 400  # characters: the day a clock time belongs to is named just before it
DATELINE_PLACE = re.compile(r"\s*[A-Z][A-Z .'\u2019-]{1,40},\s*")  # "HALE ISLAND, " first
DATELINE_END = re.compile(r"\s*(?:[-\u2013\u2014]|\()")  # and " -", " (Meridian Press)" after
# Nouns after a season that keep it a time: "the winter months", "the summer of 2024".
SEASON_NOUNS = {"of", "months", "month", "season", "break", "holidays", "holiday", "term",
                "recess", "weeks", "days", "and", "or", "when", "before", "after",
                # "The winter was the coldest": the season itself, told of
                "was", "is", "has", "had", "will", "would", "brought", "saw", "ahead"}
SEASON_DETERMINERS = {"a", "an", "the", "its", "their", "our", "his", "her"}
CLOCK_TIME = re.compile(
    r"(?:(?:at|from|until|till|to|by|before|after)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*"
    r"(?:a\.?m\.?|p\.?m\.?|o'clock|h)?|noon|midnight)", re.IGNORECASE)
# A part of the day alone ("during the morning shift", "in the evening"): like a clock time,
# it is a time of the day named beside it. "This morning" names its own day.
PART_OF_DAY = re.compile(
    r"(?:(?:in|during|on|by)\s+)?(?:the\s+)?(?:morning|afternoon|evening|night)", re.IGNORECASE)
WEEKDAY_WORD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
WEEKDAY_RANGE = re.compile(
    rf"(?:from\s+)?{WEEKDAY_WORD}\s*(?:to|through|until|-|\u2013)\s*{WEEKDAY_WORD}",
    re.IGNORECASE)
DAY_WORD = re.compile(rf"{WEEKDAY_WORD}s?|today|yesterday|tomorrow|morning|afternoon|evening|"
                      r"night|noon|midnight|\d+|[ap]m", re.IGNORECASE)
_EVERY = rf"every\s+(?:day|morning|afternoon|evening|night|weekday|weekend|{WEEKDAY_WORD})"
EVERY = re.compile(rf"\b{_EVERY}\b", re.IGNORECASE)
# A clock time on these is a timetable whatever the verb: "from 10pm to 6am on weekdays".
RECURRING_SLOT = re.compile(rf"\b(?:on\s+(?:weekdays|weeknights|weekends|{WEEKDAY_WORD}s)|nightly|"
                            r"every\s+night)\b", re.IGNORECASE)
RECURRING = re.compile(rf"\b(?:weekdays|weekends|daily|nightly|{WEEKDAY_WORD}s|every\s+week|"
                       rf"{_EVERY})\b", re.IGNORECASE)
