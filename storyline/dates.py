"""Time expressions of one article, normalised against its publication date.

Goes in: a spaCy `Doc` of one article and its publication datetime (or None).
Comes out: `DateMention`s with a value at the precision the text gives (see
timex.py), plus the status of the clause they anchor (happened, planned,
cancelled, proposed). Without a publication date, relative expressions stay
unresolved (value None) rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from spacy.tokens import Doc, Span, Token

from .models import DateMention, Sentence
from .nlp import text_of
from .timex import REFS, normalize_date, timeml_value

CANCEL_LEMMAS = {"cancel", "postpone", "delay", "scrap", "suspend", "abandon", "shelve",
                 "call", "drop", "halt", "defer", "reschedule", "axe"}
PLAN_LEMMAS = {"plan", "schedule", "expect", "set", "due", "intend", "aim", "prepare", "will"}
PROPOSE_LEMMAS = {"propose", "hope", "consider", "suggest", "could", "might", "may",
                  "want", "seek", "urge", "recommend", "would"}
FUTURE_MARKERS = {"will", "'ll", "shall", "would", "'d", "going", "wo"}
MODALS = {"should", "could", "might", "may", "must", "can", "ca"}
INTENT_LEMMAS = {"plan", "agree", "want", "hope", "decide", "intend", "promise", "vow",
                 "threaten", "expect", "schedule", "prepare", "aim", "seek", "try", "refuse"}
SPEECH_LEMMAS = {"say", "tell", "announce", "add", "state", "confirm", "report", "write"}


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
            "the following month": ("month", 1), "the next month": ("month", 1)}
DEICTIC_DAYS = ("today", "tonight", "yesterday", "tomorrow")
REF_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in (
    *sorted(REFS, key=len, reverse=True), *DEICTIC_DAYS) if w not in {"once", "current", "soon"})
                    + r")\b(?! that\b)", re.IGNORECASE)


def find_dates(doc: Doc, article_id: str, published: datetime | None) -> list[DateMention]:
    """Time expressions of one article: dates, ranges, durations and vague references."""
    base = published.date() if published else None
    mentions: list[DateMention] = []
    anchor: date | None = None  # the last explicit date, for "later that year"
    covered: set[int] = set()
    for ent in _time_entities(doc):
        covered.update(range(ent.start_char, ent.end_char))
        future = _is_future(ent)
        words = _with_preposition(ent)
        value, precision = _anaphoric(ent.text, anchor) or normalize_date(words, base,
                                                                          future=future)
        if value is None and base is not None:
            continue  # a vague phrase we cannot place
        if precision in TIMELINE_PRECISIONS and value and value[:4].isdigit():
            anchor = date.fromisoformat((value.split("/")[0] + "-01-01")[:10])
        mentions.append(_mention(ent, article_id, value, precision, future))
    mentions.extend(_references(doc, article_id, covered, base))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _time_entities(doc: Doc) -> list[Span]:
    """DATE and TIME entities, with "Tuesday" + "morning" joined into one expression."""
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in DATE_LABELS:
            continue
        if spans and spans[-1].end == ent.start:
            spans[-1] = doc[spans[-1].start:ent.end]
        else:
            spans.append(ent)
    return spans


def _mention(ent: Span, article_id: str, value: str | None, precision: str | None,
             future: bool | None) -> DateMention:
    sent = ent.sent
    sentence = Sentence(article_id, sent.start_char, sent.end_char, sent.text)
    return DateMention(article_id, ent.text, ent.start_char, ent.end_char, value, precision,
                       sentence, status=clause_status(ent, future=future),
                       clause=anchored_clause(ent),
                       timex=timeml_value(ent.text, value, precision))


def _references(doc: Doc, article_id: str, covered: set[int], base: date | None
                ) -> list[DateMention]:
    """ "now", "recently", "today" where the tagger saw no date: time expressions too."""
    found = []
    for match in REF_RE.finditer(text_of(doc)):
        if match.start() in covered:
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        value, precision = normalize_date(match.group(0), base)
        if value is None and base is not None:
            continue
        found.append(_mention(span, article_id, value, precision, _is_future(span)))
    return found


def _anaphoric(text: str, anchor: date | None) -> tuple[str, str] | None:
    """ "later that year", "the following day": relative to the last date the article gave."""
    key = " ".join(text.lower().split())
    if anchor is None or key not in ANAPHORS:
        return None
    unit, shift = ANAPHORS[key]
    if unit == "year":
        return str(anchor.year + shift), "year"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return (anchor + timedelta(days=shift)).isoformat(), "day"


def _with_preposition(ent: Span) -> str:
    """The words to normalise: a preceding "by", "since" or "until" changes the meaning."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in {"by", "since", "until", "before",
                                                        "after"}:
        return doc[ent.start - 1:ent.end].text
    return ent.text


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
    return text_of(ent.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


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
        if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children) and \
                verb.head.lemma_ in INTENT_LEMMAS:
            return True  # "planned to leave on Thursday", "agreed to testify on Feb. 10"
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
