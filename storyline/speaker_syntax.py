"""Parse shapes the speaker rules read: which verb a cue's subject hangs on when the
parser joined it elsewhere, things someone issues that speak in their name ("released
an ad calling"), clauses between a word and its phrase's head, and the salience weight a
mention's grammatical role gives it.

Goes in: spaCy `Token`s of a parsed sentence. Comes out: the token meant (or None), a
yes/no, or a weight; no state, no text of its own.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .nlp import text_of
from .speech_cues import SPEECH_VERBS

SAY_VERBS = {"say", "tell", "add", "note", "explain", "write", "argue", "insist", "state",
             "announce", "claim", "warn", "recall", "reply", "respond", "stress", "acknowledge"}
# Clauses inside a verb's arguments whose names are not those arguments.
CLAUSES = {"relcl", "acl", "ccomp", "xcomp", "advcl"}


# Things someone puts out that can say something in their name.
ISSUED = {"statement", "ad", "advertisement", "commercial", "letter", "memo", "email", "e-mail",
          "note", "release", "video", "website", "post", "tweet", "message", "editorial",
          "op-ed", "petition", "filing", "brief", "motion", "notice", "mailer", "flyer"}


# Things that say something in the name of whoever publishes or files them ("ran a piece
# that noted", "fired back a response saying", "filed a suit alleging"), not of whoever
# reads or attacks them ("criticised a report saying").
PUBLISHED = {"piece", "article", "response", "reply", "report", "story", "column", "cover",
             "lawsuit", "suit", "complaint"}
PUBLISHING_VERBS = {"run", "publish", "release", "issue", "file", "send", "email", "post",
                    "put", "fire", "print", "air", "submit", "pen", "write", "do", "tweet",
                    "circulate", "distribute"}


def issued_thing(noun: Token) -> bool:
    """A thing someone puts out, as the object of their verb: "released an ad calling",
    "put out a statement saying" (not "footage of Dahl asking", not "told supporters")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and \
        (lemma in ISSUED or lemma in PUBLISHED and noun.head.lemma_.lower() in PUBLISHING_VERBS)


def finite_above(verb: Token) -> Token | None:
    """ "Moss said the island would leave the pact and suggested that ...": a past-tense
    verb the parser joined to a bare verb after "would" is no part of that clause; it goes
    with the nearest finite verb above it (here "said")."""
    head = verb.head
    if verb.tag_ not in {"VBD", "VBZ"} or head.tag_ != "VB" or \
            not any(c.tag_ == "MD" for c in head.children):
        return None
    return next((a for a in head.ancestors if a.tag_ in {"VBD", "VBZ", "VBP"}), None)


def report_above(verb: Token) -> Token | None:
    """ "Clark said Brooks had called - there are two of them - but said ...": a verb the
    parser joined to a subjectless clause inside a report goes with the reporting verb.
    So does a verb of speech joined to the report's own verb, which is none ("Kolar said
    the trust was not in a crisis, and urged calm": Kolar urged, not the trust), and the
    reporting verb said again ("She asked the board why it had waited, and asked the
    crew whether ...": she asked both)."""
    head = verb.head
    # (a tweet reports as "said" does: "with Dahl tweeting that it was a disaster and
    # asking, ...": Dahl asks)
    if head.dep_ != "ccomp" or head.head.lemma_ not in SAY_VERBS | {"tweet", verb.lemma_}:
        return None
    # (the reporting verb before its words: not a quote's own verb the parser took for
    # the root, 'Marsh was welcomed by Dahl and quipped, "Nobody warned me"')
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children) and \
            (verb.lemma_ not in SPEECH_VERBS or head.lemma_ in SPEECH_VERBS or
             head.head.i > head.i):
        return None
    return head.head


def reported_by_another(cue: Token) -> bool:
    """ "Carson pointed out that the paper's Costa had reported that the campaign was
    failing": a cue inside the words another verb of speech reports; what follows goes on
    with that reporter, not with the one reported."""
    head = cue.head
    # (in one paragraph: not a parse that ran a line on into the next one)
    return cue.dep_ == "ccomp" and head.i < cue.i and \
        not any("\n" in t.text for t in cue.doc[head.i:cue.i]) and (
            head.lemma_.lower() in SPEECH_VERBS or
            head.lemma_.lower() == "point" and any(c.lower_ == "out" for c in head.children))


def in_clause_below(token: Token, top: Token) -> bool:
    """Whether a clause (a relative clause, reported words) lies between a word and the
    head of the phrase holding it."""
    while token != top and token.head != token:
        if token.dep_ in CLAUSES:
            return True
        token = token.head
    return False


# Salience (Lappin and Leass 1994): recency, grammatical role, not in an adverbial phrase.
RECENCY_WEIGHT = 100
ROLE_WEIGHTS = {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "dative": 40, "pobj": 40}
HEAD_WEIGHT = 50
# A person who has just spoken is the likely "he" of what follows ("Earnest said Obama
# hopes ... He said"): the subject of a speech verb weighs more than another subject.
SPEAKER_WEIGHT = 50


def token_weight(token: Token) -> int:
    """A mention's salience from its grammatical role (the head word of the mention)."""
    if absolute_subject(token):
        return ROLE_WEIGHTS["nsubj"] + HEAD_WEIGHT
    weight = ROLE_WEIGHTS.get(token.dep_, 0)
    if token.head.dep_ != "prep" and token.dep_ != "poss":
        weight += HEAD_WEIGHT  # not inside an adverbial phrase, not a possessive
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in SAY_VERBS:
        weight += SPEAKER_WEIGHT
    return weight


def absolute_subject(token: Token) -> bool:
    """ "with Ada Brandt - who wants a lower levy - attacking the plan": the one "with"
    brings in is the subject of the -ing verb after it, however the parser hung that verb
    (not the one of "with Brandt, who is leading the talks")."""
    return token.dep_ == "pobj" and token.head.lower_ == "with" and any(
        t.tag_ == "VBG" and t.i > token.i and not any(c.dep_ == "aux" for c in t.children)
        for t in token.subtree)


# Dashes that open and close an aside ("the stadium - where the Gulls played - while").
ASIDE_DASHES = {"-", "--", "\u2013", "\u2014"}


# Dashes that join words when written without spaces ("long-serving", "2009\u20132012").
JOINING_DASHES = {"-", "\u2013"}


def _dashes_between(first: int, last: int, sentence: list[Token]) -> int:
    return sum(1 for t in sentence if first <= t.i < last and _aside_dash(t))


def _aside_dash(token: Token) -> bool:
    """A dash that opens or closes an aside: not the hyphen of "long-serving", nor the
    one ending a dateline ("PELLHAM, Ore. - Fans booed while ...")."""
    if token.text not in ASIDE_DASHES:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    spaced = before is not None and bool(before.whitespace_) and bool(token.whitespace_)
    if token.text in JOINING_DASHES and not spaced:
        return False
    return not _ends_dateline(token)


def _ends_dateline(dash: Token) -> bool:
    """Whether only a dateline stands before the dash in its sentence: capitals, a state
    abbreviation, commas ("PELLHAM, Ore. -"), on the dash's own line (the parser may run
    a headline into the sentence)."""
    line_start = text_of(dash.doc).rfind("\n", 0, dash.idx) + 1
    words = [t for t in dash.sent if line_start <= t.idx and t.i < dash.i and not t.is_space]
    return bool(words) and any(t.is_upper and len(t.text) > 1 for t in words) and all(
        t.is_punct or t.is_upper or t.text.endswith(".") for t in words)


def past_closed_aside(verb: Token, head: Token) -> Token:
    """ "walking the streets around the stadium - where the Gulls played the Owls - while
    chanting, ...": a parse that hung the verb after an aside on the aside's own verb; the
    verb the aside hangs on instead (the aside's words are no part of what the verb's
    subject does). A head outside any dashes stays."""
    sentence = list(verb.sent)
    start = verb.sent.start
    while head.head != head and head.i < verb.i and \
            _dashes_between(start, head.i, sentence) % 2 == 1 and \
            _dashes_between(head.i, verb.i, sentence) > 0:
        head = head.head  # still inside the aside: up to what it hangs on
    return head


# A sentence ending and the next one beginning: ". About 4 in 10 say".
SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z0-9]")


def sentence_ends_between(doc: Doc, start: int, end: int, inside: bytearray) -> bool:
    """Whether the writer's words between two offsets end a sentence (a full stop inside
    quote marks does not, nor one the tokenizer kept in an abbreviation: "9 a.m. Tuesday",
    "the U.S. Navy", "St. Louis")."""
    return any(not inside[found.start()] and _stop_of_its_own(doc, found.start())
               for found in SENTENCE_BREAK.finditer(text_of(doc), start, end))


def _stop_of_its_own(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].idx == offset and span[0].is_punct


def cue_phrase_start(cue: Token) -> int:
    """Where the cue's verb phrase starts: before the adverbs and auxiliaries leading into
    it ("..., also said", "..., has since said"), so the comma before them is seen."""
    first = cue
    while first.i > 0 and (before := cue.doc[first.i - 1]).head == cue and \
            before.dep_ in {"advmod", "aux", "neg"}:
        first = before
    return first.idx


def named_beside_inside_subject(verb: Token, inside: bytearray) -> Token | None:
    """ '"Very good reporter, this guy," Dahl, the party's frontrunner, said': the parser
    took words inside the marks for the subject and hung the name after them on those
    words; that name, outside the marks and before the verb, is the subject."""
    for subject in verb.children:
        if subject.dep_ != "nsubj" or not inside[subject.idx]:
            continue
        for apposition in subject.children:
            if apposition.dep_ == "appos" and not inside[apposition.idx] and \
                    subject.i < apposition.i < verb.i and apposition.pos_ == "PROPN":
                return apposition
    return None


def verb_with_subject_before(cue: Token, inside: bytearray) -> Token | None:
    """ "Dahl hardly clarified it, treating her remark as praise -- ''That is smart'' --
    and asserting, ''...''": a parse that made a verb inside the marks the sentence's root;
    the nearest verb before the participle, outside the marks, with a subject of its own
    outside them."""
    for token in reversed(list(cue.doc[cue.sent.start:cue.i])):
        if inside[token.idx] or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} and not inside[c.idx] and c.i < token.i
               for c in token.children):
            return token
    return None
