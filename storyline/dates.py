"""Time expressions normalised against an article's publication date.

Goes in: a spaCy `Doc` of one article and its publication datetime (or None).
Comes out: `DateMention`s with an ISO 8601 value at the precision the text
gives (day, month, year, range), plus the status of the clause they anchor
(happened, planned, cancelled, proposed). Without a publication date relative
expressions stay unresolved (value None) rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from .models import DateMention, Sentence

MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
UNIT_WORDS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
              "months": "month", "year": "year", "years": "year", "decade": "decade"}
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "several": 3, "few": 3, "a few": 3}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}
CANCEL_LEMMAS = {"cancel", "postpone", "delay", "scrap", "suspend", "abandon", "shelve",
                 "call", "drop", "halt", "defer", "reschedule", "axe"}
PLAN_LEMMAS = {"plan", "schedule", "expect", "set", "due", "intend", "aim", "prepare", "will"}
PROPOSE_LEMMAS = {"propose", "hope", "consider", "suggest", "could", "might", "may",
                  "want", "seek", "urge", "recommend", "would"}
FUTURE_MARKERS = {"will", "'ll", "shall", "would", "'d", "going", "wo"}
MODALS = {"should", "could", "might", "may", "must", "can", "ca"}
SPEECH_LEMMAS = {"say", "tell", "announce", "add", "state", "confirm", "report", "write"}


def find_dates(doc: Doc, article_id: str, published: datetime | None) -> list[DateMention]:
    """Dated expressions of one article (durations such as "six months" are skipped)."""
    base = published.date() if published else None
    mentions = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        expression = _expression_span(ent)
        future = _is_future(ent)
        value, precision = normalize_date(expression.text, base, future=future)
        if value is None and (precision == "duration" or base is not None):
            continue  # durations are not points; vague phrases cannot be placed
        sent = ent.sent
        sentence = Sentence(article_id, sent.start_char, sent.end_char, sent.text)
        mentions.append(DateMention(article_id, expression.text, expression.start_char,
                                    expression.end_char, value, precision, sentence,
                                    status=clause_status(ent, future=future),
                                    clause=anchored_clause(ent)))
    return mentions


def anchored_clause(ent: Span) -> str:
    """The clause a date expression belongs to (the governing verb's subtree)."""
    verb = _governing_verb(ent)
    sent = ent.sent
    if verb is None:
        return sent.text
    while verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and verb.head != verb and \
            len(list(verb.subtree)) < 6:
        verb = verb.head
    # Climb from an infinitive or participle to the clause that has a subject.
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and \
            verb.dep_ in {"xcomp", "ccomp"} and verb.head != verb:
        verb = verb.head
    tokens = [t for t in verb.subtree if sent.start <= t.i < sent.end]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "mark"}):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if len(tokens) < 4:
        return sent.text
    return ent.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _expression_span(ent: Span) -> Span:
    """Include a preposition that changes the meaning: "by October", "since May"."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in {"by", "since", "until", "before",
                                                        "after"}:
        return doc[ent.start - 1:ent.end]
    return ent


def _governing_verb(ent: Span) -> Token | None:
    token = ent.root
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "aux":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _is_future(ent: Span) -> bool | None:
    """True for announced times, False for past ones, None when the text does not say."""
    words = {t.lower_ for t in ent}
    if words & {"next", "coming", "upcoming"} or {"later", "this"} <= words:
        return True
    if words & {"last", "ago", "yesterday", "earlier", "previous", "past"}:
        return False
    verb = _governing_verb(ent)
    if verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "the meeting planned for Friday was postponed": the main clause sets the tense.
        verb = _governing_verb(verb.head.doc[verb.head.i:verb.head.i + 1])
    for _ in range(3):  # the verb, then what it hangs from: "will be able to question"
        if verb is None:
            break
        aux_words = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if aux_words & FUTURE_MARKERS or aux_words & MODALS or verb.lower_ in FUTURE_MARKERS:
            return True
        if aux_words & {"had", "has", "have", "was", "were", "did"} or verb.tag_ == "VBD":
            return False
        if verb.lemma_ in PLAN_LEMMAS and verb.tag_ in {"VBZ", "VBP", "VBN", "JJ"}:
            return True  # "is expected to", "plans to", "is due to"
        if verb.head == verb or verb.lemma_ in SPEECH_LEMMAS:
            break
        verb = verb.head
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "by":
        return True  # a deadline: "reopen by October"
    return None


def clause_status(ent: Span, *, future: bool | None) -> str:
    """happened / planned / cancelled / proposed for the clause a date anchors."""
    verb = _governing_verb(ent)
    if verb is None:
        return "planned" if future else "happened"
    related = [verb, *verb.children]
    head = verb
    for _ in range(2):
        if head.head != head:
            head = head.head
            related.append(head)
            related.extend(head.children)
    lemmas = {t.lemma_.lower() for t in related}
    words = {t.lower_ for t in related}
    if lemmas & CANCEL_LEMMAS and not ("call" in lemmas and "off" not in words):
        return "cancelled"
    if lemmas & PROPOSE_LEMMAS - {"would"}:
        return "proposed"
    if future or lemmas & PLAN_LEMMAS:
        return "planned"
    return "happened"


def normalize_date(expression: str, base: date | None, *, future: bool | None = None
                   ) -> tuple[str | None, str | None]:
    """Normalise one expression; returns (ISO value, precision) or (None, reason).

    Precision is "day", "month", "year" or "range"; (None, "duration") marks a
    duration that is not a point in time, (None, None) one we cannot place.
    """
    text = _clean(expression)
    if not text:
        return None, None
    for rule in (_absolute, _relative_day, _relative_period, _ago_or_in, _season):
        result = rule(text, base, future)
        if result is not None:
            return result
    if re.fullmatch(r"(for |over |about |nearly |almost |more than |at least )?"
                    r"(\w+|\d+)( \w+)? (days?|weeks?|months?|years?|decades?|hours?)"
                    r"( long)?", text):
        return None, "duration"
    return None, None


def _clean(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace(",", " ")
    text = re.sub(r"\b(the|on|in|of|during)\b", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


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


def _absolute(text: str, base: date | None, future: bool | None) -> tuple[str, str] | None:
    qualifier = r"(?:(?:early|mid|late|end|beginning|start|middle)[- ]?)?"
    prefix = r"(?:by |since |until |before |after )?"
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}", "day"
    match = re.fullmatch(prefix + r"(?:\w+day )?([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?"
                         r"(?:-(\d{1,2}))?(?: (\d{4}))?", text) or \
        re.fullmatch(prefix + r"(?:\w+day )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?: (\d{4}))?",
                     text)
    if match:
        groups = match.groups()
        if groups[0].isdigit():
            day_text, month_text, end_day, year_text = groups[0], groups[1], None, groups[2]
        else:
            month_text, day_text, end_day, year_text = groups
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
    match = re.fullmatch(prefix + qualifier + r"([a-z]+)\.?(?: (\d{4}))?", text)
    if match and match.group(1) in MONTHS and (match.group(2) or base):
        month = MONTHS[match.group(1)]
        year = int(match.group(2)) if match.group(2) else _year_for(month, None, base, future)
        return (f"{year:04d}-{month:02d}", "month") if year else None
    match = re.fullmatch(prefix + qualifier + r"(?:year )?(\d{4})", text)
    if match and 1000 <= int(match.group(1)) <= 2999:
        return match.group(1), "year"
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _relative_day(text: str, base: date | None, future: bool | None) -> tuple[str, str] | None:
    words = text.replace("by ", "").split()
    if not words:
        return None
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if text in simple or text in {"this morning", "this afternoon", "this evening",
                                  "last night", "yesterday morning", "tomorrow morning"}:
        if base is None:
            return None
        offset = simple.get(words[0], 0) if words[0] in simple else (-1 if "last" in words
                                                                       else 0)
        return (base + timedelta(days=offset)).isoformat(), "day"
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if weekday is None or len(words) > 3:
        return None
    if base is None:
        return None
    target = WEEKDAYS[weekday]
    if "last" in words or "past" in words or "previous" in words:
        delta = -((base.weekday() - target) % 7 or 7)
    elif "next" in words or "coming" in words:
        delta = (target - base.weekday()) % 7 or 7
    elif future:
        delta = (target - base.weekday()) % 7  # the same weekday means later today
    elif "this" in words:
        delta = target - base.weekday()
    else:
        delta = -((base.weekday() - target) % 7)
    return (base + timedelta(days=delta)).isoformat(), "day"


def _relative_period(text: str, base: date | None, future: bool | None) -> tuple[str, str] | None:
    match = re.fullmatch(r"(?:by |since |until )?(?:(early|mid|late|later|earlier) )?"
                         r"(last|next|this|coming|past|previous) (week|month|year)", text)
    if not match:
        match = re.fullmatch(r"(later|earlier)() (week|month|year)", text)
    if not match or base is None:
        return None
    direction = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        match.group(2), 0)
    unit = match.group(3)
    if unit == "year":
        return str(base.year + direction), "year"
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + direction
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=direction)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "range"


def _ago_or_in(text: str, base: date | None, future: bool | None) -> tuple[str, str] | None:
    match = re.fullmatch(r"(\w+|\d+|a few) (day|days|week|weeks|month|months|year|years) ago",
                         text) or re.fullmatch(r"(?:within |in )?(\w+|\d+|a few) "
                                               r"(day|days|week|weeks|month|months|year|years)"
                                               r" (?:from now|later|time)", text)
    if not match or base is None:
        return None
    amount_text = match.group(1)
    amount = int(amount_text) if amount_text.isdigit() else SMALL_NUMBERS.get(amount_text)
    if amount is None:
        return None
    sign = -1 if text.endswith("ago") else 1
    unit = UNIT_WORDS[match.group(2)]
    if unit == "day":
        return (base + timedelta(days=sign * amount)).isoformat(), "day"
    if unit == "week":
        return (base + timedelta(weeks=sign * amount)).isoformat(), "day"
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + sign * amount
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"
    return str(base.year + sign * amount), "year"


def _season(text: str, base: date | None, future: bool | None) -> tuple[str, str] | None:
    match = re.fullmatch(r"(?:over |by |this |last |next |early |late )*"
                         r"(spring|summer|autumn|fall|winter)(?: (\d{4}))?", text)
    if not match or (base is None and not match.group(2)):
        return None
    first, last = SEASONS[match.group(1)]
    if match.group(2):
        year = int(match.group(2))
    else:
        assert base is not None
        year = base.year + (1 if "next" in text else -1 if "last" in text else 0)
    end_year = year + 1 if last < first else year
    end_day = calendar.monthrange(end_year, last)[1]
    return f"{year:04d}-{first:02d}-01/{end_year:04d}-{last:02d}-{end_day:02d}", "range"
