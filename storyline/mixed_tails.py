"""The writer's words after a mixed quote's last quotation, and a quotation with its own cue
at its end, cut off.

Goes in: a parsed `Doc`, its quote-mark character mask and one `mixed` quote (reported
words holding a quotation in marks: 'She blasted Dahl as a "disgrace"').
Comes out: the same quote, ending at its last closing mark when the words the parse ran on
after it tell when, where or how it was said, or what else happened, rather than what was
said: 'blasted Dahl as a "disgrace" Wednesday on the Harbour Hour', '... a "crazy system"
during a campaign stop in Lenby', '... was "a new dawn" as she faces a hard test',
'..., "time to go," promising the crowd a vote', '"...," and shared a link'.
Words that go on with the statement stay ('a "clear violation" of three resolutions').
Also (`without_own_quotation`): a mixed quote the parse ran on over a speech cue that opens a
sentence in marks ('she said the fees were fair, and when pressed, the mayor replied, "It
is settled."', 'Brell scolded him: "You failed us."') ends before that cue's clause: the
sentence in marks is a direct quote of its own. A quotation going on in lower case goes on
with the reported sentence ('The pier, Dahl said, "will reopen."') and stays in it.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Token

from .models import Quote
from .nlp import text_of
from .speech_cues import _is_cue
from .text import WEEKDAYS

# Conjunctions opening a clause on the moment of the saying: with a participle ('"...," when
# asked', 'before sketching out her plan', 'after citing the ban'); "as", "while" and "amid"
# with any clause ('as she faces a vote', 'while his rival did not'). A clause with its own
# subject after "when", "after" or "before" may go on with the statement ('stop "nagging"
# when women speak up'), as may "despite", "until", "since" or "because".
EVENT_MARKS = {"after", "before", "when", "while", "as", "amid", "whereupon"}
ANY_CLAUSE_MARKS = {"as", "while", "amid", "whereupon"}
# Prepositions that place the saying on an occasion ('on his radio show', 'during a stop').
# Verbs of what the speaker did or set off while saying it, after a comma: ', making air
# quotes', ', sparking a row' (not ', giving states more power': what the thing said does).
ACTS = {"make", "spark", "prompt", "trigger", "draw", "wave", "point"}
OCCASION_PREPOSITIONS = {"during", "on", "in"}  # not "at": '"not get beat up" at his rally'
OCCASION_NOUNS = {"show", "program", "programme", "radio", "television", "tv", "twitter",
                  "facebook", "interview", "stop", "rally", "forum", "debate", "speech",
                  "hearing", "conference", "briefing", "broadcast", "podcast", "episode",
                  "appearance", "visit", "trip", "event", "address", "statement", "tweet",
                  "post", "segment", "meeting", "session", "town", "dinner", "luncheon",
                  "fundraiser", "convention", "trail", "call", "testimony", "remarks"}
DAY_WORDS = WEEKDAYS | {"yesterday", "today", "tonight"}


def without_writers_tail(doc: Doc, quote: Quote, inside: bytearray) -> Quote | None:
    """The mixed quote cut at its last closing mark when what follows is the writer's; None
    when no reported words are left outside the marks (the quotation stands alone)."""
    if quote.kind != "mixed":
        return quote
    last = next((i for i in range(quote.end - 1, quote.start - 1, -1) if inside[i]), None)
    if last is None or last + 1 >= quote.end:
        return quote
    cut = last + 1
    text = text_of(doc)
    tail = doc.char_span(cut, quote.end, alignment_mode="expand")
    words = [t for t in tail if not t.is_space and t.idx >= cut] if tail is not None else []
    first = next((t for t in words if not t.is_punct), None)
    if first is None or not _not_said(first, _after_comma(text, cut, first.idx)):
        return quote
    dropped = text[cut:quote.end]
    if quote.text == text[quote.start:quote.end]:
        said = text[quote.start:cut]
    elif quote.text.endswith(dropped):
        said = quote.text[:len(quote.text) - len(dropped)]
    else:
        return quote
    if not any(ch.isalnum() and not inside[quote.start + k]
               for k, ch in enumerate(text[quote.start:cut])):
        return None  # '"We'll see," when asked ...': the quote in marks says it all
    if first.lower_ in TIME_AND_PLACE_WORDS and _tells_of_another_time(first, quote.start, cut):
        return quote
    return dataclasses.replace(quote, text=said, end=cut)


# Words opening a tail on when or where: after a clause that tells of a time other than the
# saying's, they tell when or where that happened ('would "reopen" on Friday').
TIME_AND_PLACE_WORDS = EVENT_MARKS | OCCASION_PREPOSITIONS | DAY_WORDS
# Auxiliaries of a future, a possible or an earlier event: "will", "would", "had", "has".
OTHER_TIME_AUXILIARIES = {"will", "would", "shall", "should", "could", "can", "may",
                          "might", "must", "have"}


def _tells_of_another_time(first: Token, quote_start: int, cut: int) -> bool:
    """Whether the clause the tail hangs from, inside the quote, tells of an event of its
    own: with a future, modal or perfect auxiliary ('fares would "keep rising" as fuel
    costs climb', 'Rusk had "lied outright" during the debate') or about someone named
    ('Rusk said Brand "froze" when asked about the budget'); the tail is then that
    event's, part of what was said. A plain past or present about a thing ('was "a mess"
    on his radio show'), or the cue's own clause ('has called it "a farce" on his show'),
    leaves it to the saying."""
    head = first
    while head.idx >= cut and head.head.i != head.i:
        head = head.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        head = head.head  # (to the clause's verb, or a word the parser gave its subject)
    if head.idx < quote_start:
        return False
    clause = [head, head.head] if head.dep_ == "conj" else [head]
    return any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in OTHER_TIME_AUXILIARIES
               or c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN"
               for verb in clause for c in verb.children)


def _after_comma(text: str, cut: int, start: int) -> bool:
    """Whether a comma stands right before the words after the marks (inside or outside
    them): '"..., " promising', '"...", promising'."""
    before = text[:start].rstrip(" \"'\u201d\u2019")
    return before.endswith(",") and len(text[cut:start].strip(" ,")) == 0


def _not_said(first: Token, after_comma: bool) -> bool:
    """Whether the words opening with `first`, after a quotation, are the writer's."""
    lower = first.lower_
    if lower in EVENT_MARKS:
        following = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
        participle = following is not None and following.tag_ in {"VBG", "VBN"}
        return participle or lower in ANY_CLAUSE_MARKS and first.dep_ == "mark"
    if lower in DAY_WORDS and first.dep_ in {"npadvmod", "tmod", "advmod", "pobj", "nmod"}:
        return True  # 'Wednesday on the Harbour Hour'
    if lower in OCCASION_PREPOSITIONS and first.dep_ == "prep":
        return any(c.dep_ == "pobj" and (c.lemma_.lower() in OCCASION_NOUNS or any(
            m.lower_ in OCCASION_NOUNS for m in c.children if m.dep_ == "compound"))
            for c in first.children)
    if after_comma and first.tag_ == "VBG" and first.dep_ != "prep":
        # ', promising the crowd a vote', ', making air quotes' (not ', including ...')
        return _is_cue(first) or first.lemma_.lower() in ACTS
    if after_comma and lower == "and":  # '"...," and shared a link' (not 'shows "charm" and')
        verb = first.head if first.head.i > first.i else next(
            (t for t in first.doc[first.i + 1:first.i + 2] if t.pos_ == "VERB"), None)
        return verb is not None and verb.tag_ in {"VBD", "VBZ", "VBP"} and \
            verb.i > first.i and not any(c.dep_.startswith("nsubj") for c in verb.children)
    return False


# What may stand between a cue and the quotation it opens: 'replied, "', 'told one agent: "'.
TO_QUOTATION = re.compile(r"[^\"\u201c\u2018'\n]{0,60}?[,:]\s*")


def without_own_quotation(doc: Doc, quote: Quote, inside: bytearray) -> Quote | None:
    """The mixed quote ended before a cue that opens a sentence in marks at its end; None
    when nothing said is left before it (the quotation stands alone)."""
    if quote.kind != "mixed":
        return quote
    text = text_of(doc)
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    cue = next((t for t in span if not inside[t.idx] and _is_cue(t) and
                _opens_a_sentence_in_marks(text, t, quote.end, inside)), None) \
        if span is not None else None
    if cue is None:
        return quote
    cut = cue.left_edge.idx
    said = text[quote.start:cut].rstrip(" ,;:")
    said = re.sub(r"(?:,?\s+(?:and|but))$", "", said)
    outside = "".join(ch if not inside[quote.start + k] else " " for k, ch in enumerate(said))
    if len(re.findall(r"\w+", outside)) < 3:
        return None  # ('After all, he says, "..."': no report of its own before the cue)
    if quote.text != text[quote.start:quote.end]:
        return quote  # (a quote around its cue: left as it is)
    end = quote.start + len(said)
    kind = "mixed" if any(inside[quote.start:end]) else "indirect"
    return dataclasses.replace(quote, text=said, end=end, kind=kind)


def _opens_a_sentence_in_marks(text: str, cue: Token, end: int, inside: bytearray) -> bool:
    """Whether a cue is followed, after a comma or colon, by a quotation opening in upper
    case and running to `end`."""
    after = cue.idx + len(cue.text)
    found = TO_QUOTATION.match(text, after)
    if found is None or found.end() >= end or not inside[found.end()]:
        return False
    opening = found.end()
    if opening > 0 and inside[opening - 1]:
        return False  # (inside marks already)
    first = next((ch for ch in text[opening:end] if ch.isalpha()), "")
    return first.isupper() and all(inside[opening:len(text[:end].rstrip(" .,;"))])
