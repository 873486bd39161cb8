"""What the clause around a date expression says of it: ahead or past, and its status.

Goes in: a date expression's `Span` in a parsed spaCy `Doc`. Comes out: whether the time
lies ahead of the report (`is_future`: True, False, or None when the text does not say),
the status of the clause it anchors (`clause_status`: happened, planned, cancelled or
proposed; `date_clause_words` gives the clause as text), the bounds of its sentence within its
paragraph (`sentence_bounds`), the lemma of the verb that governs it (`verb_lemma`),
whether it dates the report rather than the news (`is_reporting`: a speech act, a
dateline), whether it dates no event at all (`no_event`: a newsletter talking to its
reader, "October feels a long way off"), whether its verb moves a date "from" it to
another (`moves_a_date`: "pushed back from June 3", not "put on hold from June 3"), which
end of a move it is (`date_move`: old or new), whether its sentence moves or calls
something off (`moves_or_calls_off`) and what is done at it (`event_action`: "vote" for
"the vote will be held on March 3", "opening" for "pushed the opening from May 4").
`dates` finds and resolves the expressions and asks these questions of each; they read
the parse (tense, auxiliaries, dependency arcs, lemmas), never the resolved value.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .nlp import text_of
from .timex import SEASONS

# Not "drop" or "halt": "prices dropped on Monday" and "work halted on Monday" happened.
CANCEL_LEMMAS = {"cancel", "postpone", "delay", "scrap", "suspend", "abandon", "shelve",
                 "call", "defer", "reschedule", "axe"}
# "delayed to April 10": the date after "to"/"until" is the new, planned one; "delayed from
# March 3": the date after "from" is the old one, called off.
MOVE_LEMMAS = {"postpone", "delay", "defer", "reschedule", "move", "push", "put", "bring",
               "shift", "bump", "slip"}
MOVE_TO_WORDS = {"to", "until", "till", "into"}
MOVE_OR_CANCEL_LEMMAS = MOVE_LEMMAS | CANCEL_LEMMAS
# "from X to Y" is a move only after a verb that moves a date; these three move one only
# with their particle ("pushed back from May 9 to June 2", "brought forward", "put off"):
# "put on hold from June 3 to June 10" is a range. "push" also moves what it pushes ("pushed
# the opening from May 4 to June 1"), not what it pushes for ("push for a new pier").
MOVE_PARTICLES = {"push": {"back", "forward"}, "bring": {"forward"}, "put": {"back", "off"}}
MOVES_ITS_OBJECT = {"push"}
# These move a date only when what moves is no quantity: "the launch slipped to June", but
# "ticket sales slipped from February to April" fell over those months.
MOVES_IF_NO_QUANTITY = {"shift", "bump", "slip"}
QUANTITY_NOUNS = {"sale", "price", "share", "cost", "rate", "figure", "number", "profit",
                  "revenue", "income", "value", "stock", "output", "demand", "temperature",
                  "level", "attendance", "turnout", "growth", "spending", "earnings",
                  "ratings", "traffic"}
SETTING_LEMMAS = {"set", "schedule", "reschedule", "slate", "fix"}
PLAN_LEMMAS = {"plan", "schedule", "expect", "set", "due", "intend", "aim", "prepare", "will"}
PLAN_OR_SETTING_LEMMAS = PLAN_LEMMAS | SETTING_LEMMAS
PROPOSE_LEMMAS = {"propose", "hope", "consider", "suggest", "could", "might", "may",
                  "want", "seek", "urge", "recommend", "would"}
FUTURE_MARKERS = {"will", "'ll", "shall", "would", "'d", "going", "wo"}
MODALS = {"should", "could", "might", "may", "must", "can", "ca"}
INTENT_LEMMAS = {"plan", "agree", "want", "hope", "decide", "intend", "promise", "vow",
                 "threaten", "expect", "schedule", "prepare", "aim", "seek", "try", "refuse",
                 "propose"}
FORWARD_LOOKING = (PROPOSE_LEMMAS | INTENT_LEMMAS | PLAN_LEMMAS) - {"would", "will"}
SPEECH_LEMMAS = {"say", "tell", "announce", "add", "state", "confirm", "report", "write"}
FUTURE_ADJECTIVES = {"payable", "effective"}
# A state that lasts until a day: "remain suspended until Friday", "forecast through Thursday".
LASTING_LEMMAS = {"remain", "stay", "suspend", "close", "cancel", "halt", "shut", "forecast",
                  "run", "last", "continue", "keep", "extend", "expect", "ban", "restrict",
                  "be"}  # "is free until the end of March"


def sentence_bounds(ent: Span) -> tuple[int, int]:
    """The character bounds of the expression's sentence, within its paragraph: the parser
    sometimes runs a sentence on across a blank line."""
    text, sent = text_of(ent.doc), ent.sent
    before = text.rfind("\n\n", 0, ent.start_char)
    start = max(sent.start_char, before + 2 if before >= 0 else 0)
    after = text.find("\n\n", ent.end_char)
    end = min(sent.end_char, after if after >= 0 else len(text))
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end




def is_reporting(ent: Span) -> bool:
    """The date of the report, not of the news: a speech act ("the mayor said on
    Wednesday") or a dateline ("Published: June 12, 2013 9:09 AM", "LONDON, May 3 --")."""
    doc = ent.doc
    before = [t.lower_ for t in doc[max(ent.sent.start, ent.start - 4):ent.start]]
    if set(before) & DATELINE_WORDS:
        return True
    text = text_of(doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    line_end = text.find("\n", ent.end_char)
    prefix = text[line_start:ent.start_char]
    suffix = text[ent.end_char:line_end if line_end >= 0 else len(text)]
    if len(prefix.split()) <= 2 and DATELINE_TAIL_RE.match(suffix):
        return True  # a line of its own: the date, perhaps a clock time and a place
    if set(re.findall(r"[a-z]+", (prefix + " " + suffix).lower())) & DATELINE_WORDS and \
            len(prefix.split()) + len(suffix.split()) <= 12:
        return True  # "Published at 12:45, Wednesday, 12 June 2013", "... Last updated at"
    verb = governing_verb(ent)
    return verb is not None and verb.lemma_ in SPEECH_LEMMAS


def told_plan(ent: Span) -> tuple[int, int] | None:
    """ "X will go on display on October 3, the curator said on Tuesday": for the date of a
    saying, the character bounds of what was said when that lies ahead (will, would,
    going to); None otherwise."""
    verb = governing_verb(ent)
    if verb is None or verb.lemma_ not in SPEECH_LEMMAS or \
            verb not in {ent.root.head, ent.root.head.head} or _notice_to(verb):
        return None
    told = [c for c in verb.children if c.dep_ == "ccomp"]
    if not told and verb.dep_ in {"ccomp", "parataxis"} and verb.head != verb:
        told = [verb.head]  # the parser hangs "..., she said" on what she said
    for clause in told:
        aux_words = auxiliaries(clause)
        if aux_words & FUTURE_MARKERS and not _past_modal(aux_words):
            first, last = clause.left_edge, clause.right_edge
            if verb.i < first.i or verb.i > last.i:  # the saying lies outside what was said
                return first.idx, last.idx + len(last)
    return None


def _verbless_forecast(ent: Span) -> bool:
    """A forecast told without a verb, as weather briefs write it: "Frost likely overnight"
    (no verb in the sentence at all, "likely" or "expected" in it)."""
    words = [t for t in ent.sent if t.i < ent.start or t.i >= ent.end]
    return any(t.lower_ in {"likely", "expected", "forecast"} for t in words) and \
        not any(t.pos_ in {"VERB", "AUX"} for t in words)


def _time_clause(verb: Token) -> bool:
    """ "when the lease ends", "once the pier reopens": a clause that only times another."""
    return verb.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in {"when", "once"}
                                        or c.dep_ == "mark" and c.lower_ in {"when", "once"}
                                        for c in verb.children)


def _notice_to(verb: Token) -> bool:
    """ "told the family on Friday that the lease will end": telling those it concerns is
    news of its own (a notice given that day); telling the press ("told reporters", "told
    the Post") only dates the report."""
    return any(c.dep_ in {"dobj", "dative"} and c.pos_ == "NOUN" and
               c.lemma_.lower() not in PRESS_WORDS for c in verb.children)


PRESS_WORDS = {"reporter", "journalist", "press", "media", "newspaper", "paper", "radio",
               "station", "broadcaster", "audience", "listener", "viewer", "reader",
               "conference", "briefing", "interviewer"}


def no_event(ent: Span) -> bool:
    """No event at all: a newsletter talking to its reader, a sentence about how far off a
    date feels, or a condition ("if the airport did not offer guarantees by Friday")."""
    return _to_reader(ent) or _felt_as_far(ent) or is_conditional(ent) or \
        _counted_within(ent) or _nowadays(ent) or _year_of_a_thing(ent) or \
        _ought_to_have_been(ent) or _habitual_season(ent) or _quoted_comment(ent)


SEASON_WORDS = frozenset(SEASONS)


def _habitual_season(ent: Span) -> bool:
    """ "The pass carries 3,000 vehicles a day in winter": a season with no article in a
    simple present clause tells what happens every year, not an event ("will reopen in
    spring" is one: its clause looks ahead)."""
    if len(ent) != 1 or ent[0].lower_ not in SEASON_WORDS or ent.start == 0 or \
            ent.doc[ent.start - 1].lower_ not in {"in", "during", "through"}:
        return False
    verb = governing_verb(ent)
    return verb is not None and verb.tag_ in {"VBZ", "VBP"} and not auxiliaries(verb) and \
        _told_as_a_habit(ent.sent)


def _told_as_a_habit(sent: Span) -> bool:
    """ "3,000 vehicles a day", "every year", "usually": words that tell a habit."""
    return any(t.lower_ in {"usually", "often", "always", "normally", "typically",
                            "generally", "traditionally"} or
               t.lower_ in {"a", "an", "per", "every", "each"} and t.i + 1 < sent.end and
               t.doc[t.i + 1].lemma_.lower() in {"day", "week", "month", "year", "night",
                                                 "weekend", "season", "time"}
               for t in sent)


def _ought_to_have_been(ent: Span) -> bool:
    """What ought to have been done then, and so was not: "the council should have repaired
    the pier in 2024", "it would have been better to start the work last year". Unlike a
    plan that would have been carried out ("the race would have been run on Sunday",
    `would_have`), nothing was set for that date, so nothing was called off either."""
    verb = governing_verb(ent)
    if verb is None or ent.start > 0 and ent.doc[ent.start - 1].lower_ == "by":
        return False  # "by next June the council should have repaired it": a deadline
    aux_words = auxiliaries(verb)
    if "have" in aux_words and "should" in aux_words:
        return True
    judged = verb.head
    return verb.dep_ == "xcomp" and judged.lemma_ == "be" and \
        _past_modal(auxiliaries(judged)) and \
        any(c.dep_ == "acomp" and c.tag_ in {"JJ", "JJR", "JJS"} for c in judged.children)


def _year_of_a_thing(ent: Span) -> bool:
    """A year naming a thing's make, in a clause about something later: "replacement of
    the 1938 pipe would begin on January 11" (the clause is not dated 1938). "He won the
    2019 election" keeps its date: the clause tells what was done then."""
    root = ent.root
    if len(ent) != 1 or not re.fullmatch(r"\d{4}", root.text) or \
            root.dep_ not in {"nummod", "compound", "amod"} or root.head.pos_ != "NOUN" or \
            root.head.i <= root.i:
        return False
    verb = governing_verb(ent)
    return verb is not None and any(
        c.lower_ in FUTURE_MARKERS and c.dep_ == "aux" for c in verb.children)


def _counted_within(ent: Span) -> bool:
    """The period a count runs over, not an event's date: "is the third delay this year",
    "was its biggest loss this decade" (the delay itself is told, and dated, elsewhere). Only
    what the sentence says something is: "will host for a second time next year" is dated."""
    head = ent.root.head
    if ent.root.dep_ != "npadvmod" or head.pos_ != "NOUN" or head.dep_ != "attr":
        return False
    return any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" or
                                     c.lower_ in ORDINAL_WORDS)
               for c in head.children)


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "latest", "last", "only"}


def _nowadays(ent: Span) -> bool:
    """ "today" meaning nowadays, in a present tense with "do", between the subject and
    its verb ("clean water today does not answer why") or in a comparison ("no child will
    walk further than they do today"); not "we do not expect a decision today"."""
    if ent.text.lower() != "today":
        return False
    verb = ent.root.head
    # The parser may make "today" the head of "than they do today" itself.
    near = [verb, *verb.children, *ent.root.children]
    if verb.pos_ not in {"VERB", "AUX"} or not any(
            t.lemma_ == "do" and t.tag_ in {"VBZ", "VBP"} for t in near):
        return False
    compared = any(t.dep_ == "mark" and t.lower_ == "than" for t in near)
    return compared or ent.end <= verb.i


def _quoted_comment(ent: Span) -> bool:
    """A speaker's "today" in a quoted comment on how things stand, not an event: "'Today
    someone has finally been held to account,' said Ada Rusk", "'Today is a sad day for the
    town.'" Its clause is a present perfect passive or a present "be": what it comments on
    is told, and dated, by the report itself. What the speaker says is done or will be done
    that day stays an event ("'Today we have signed the contract'", "'Today we start the
    repairs'", "'Today the council voted ...'")."""
    if ent.text.lower() != "today" or not _inside_quotation(ent):
        return False
    verb = governing_verb(ent)
    if verb is None or verb.tag_ not in {"VBN", "VBZ", "VBP"}:
        return False
    if verb.tag_ == "VBN":  # "has (finally) been held to account", "has been a long day"
        return (verb.lemma_ == "be" or any(c.dep_ == "auxpass" for c in verb.children)) and \
            any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"}
                for c in verb.children) and not _names_what_was_done_to(verb)
    # "Today is a sad day": a noun says what the day is; not "the bridge is closed today".
    return verb.lemma_ == "be" and not auxiliaries(verb) and \
        any(c.dep_ == "attr" and not _day_of_an_event(c) for c in verb.children)


def _names_what_was_done_to(verb: Token) -> bool:
    """A passive whose subject is a thing or people named ("the ferry service has been
    suspended", "40 homes have been evacuated", "Ada Rusk has been charged"): an act done
    that day, not a comment on someone unnamed or on justice in general ("someone has been
    held to account", "justice has been done"; "we have been vindicated" too)."""
    return any(c.dep_ == "nsubjpass" and (
        c.tag_ in {"NNP", "NNPS"} or
        any(d.dep_ in {"det", "poss", "nummod"} for d in c.children))
        for c in verb.children)


# A day said to be the first or last of something is the day it begins or ends.
_EDGE_OF_A_THING = frozenset({"first", "last", "final"})


def _day_of_an_event(noun: Token) -> bool:
    """ "the day we open the bridge", "my last day as harbour master": the noun tells what
    happens on the day (a clause, or the day something begins or ends), not how it feels."""
    return any(c.dep_ in {"relcl", "acl"} or
               (c.dep_ == "amod" and c.lower_ in _EDGE_OF_A_THING) for c in noun.children)


def _inside_quotation(ent: Span) -> bool:
    """An odd count of quotation marks between the start of `ent`'s paragraph and it."""
    doc = ent.doc
    start = doc.text.rfind("\n", 0, ent.start_char) + 1
    marks = sum(1 for t in doc[:ent.start] if t.idx >= start and t.is_quote and
                t.text not in {"'s", "’s"})
    return marks % 2 == 1


def _to_reader(ent: Span) -> bool:
    """A newsletter talking to its reader, not news: "Here is what you need to know
    today", "That's all for this week", "See you tomorrow". Such a sentence, outside
    quotation marks, names nothing but the date and the newsletter itself, and its
    only parties are the writer, the reader or "that"."""
    sent = ent.sent
    if any(t.is_quote for t in sent):
        return False
    others = [t for t in sent if not (ent.start <= t.i < ent.end)]
    if any(t.pos_ in {"NOUN", "PROPN", "NUM"} and t.lower_ not in NEWSLETTER_WORDS
           for t in others):
        return False
    # Who talks, and about the text itself: "here is", "that's all", "see you", "what you
    # need to know", not a union's "we will strike" or "you can vote from Monday".
    return any((t.lower_ == "here" and t.dep_ in {"advmod", "expl"}) or
               (t.lower_ in {"that", "this"} and t.dep_ == "nsubj" and t.head.lemma_ == "be"
                and any(c.dep_ == "attr" and c.lower_ in {"all", "it"} for c in t.head.children))
               or (t.lower_ in {"you", "your"} and t.head.lemma_ in READER_VERBS)
               for t in others)


def _felt_as_far(ent: Span) -> bool:
    """The date is what a sentence feels about, not when anything happens: "October
    feels a long way off", "Next spring seems far away"."""
    return ent.root.dep_ == "nsubj" and ent.root.head.lemma_ in {"feel", "seem", "sound"}


READER_VERBS = {"see", "need", "know", "read", "thank", "miss", "join", "catch", "bring"}
# What a newsletter calls itself and its parts.
NEWSLETTER_WORDS = {"briefing", "newsletter", "edition", "digest", "roundup", "round-up",
                    "update", "updates", "headlines", "reading", "bulletin", "more", "thanks"}


DATELINE_WORDS = {"published", "posted", "updated", "dated", "filed", "modified"}
# After a dateline's date: the end of the line, a clock time, or "(Xinhua) --".
DATELINE_TAIL_RE = re.compile(r"[\s,:.|]*(?:\d{1,2}\s*[:.]\s*\d{2}\s*(?:[ap]\.?\s*m\.?)?"
                              r"(?:\s*[A-Z]{2,4})?[\s,.|]*)?(?:$|\(|--|\u2014|-\s)",
                              re.IGNORECASE)


def reported_agent(ent: Span) -> str:
    """Who "it" is in what a named speaker said of itself: "HLS said it could offer a slot
    on December 9" -> "hls"; a name of several words by its initials, so that "Halvard
    Launch Services said it could offer ..." gives the same. "" for anything else."""
    verb = governing_verb(ent)
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in SPEECH_LEMMAS or \
            not any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ == "PRP"
                    for c in verb.children):
        return ""
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ != "PROPN":
        return ""
    name = [*(t for t in speaker.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"), speaker]
    if len(name) == 1:
        return speaker.lower_
    return "".join(t.text[0] for t in name).lower()


def verb_lemma(ent: Span) -> str:
    verb = governing_verb(ent)
    return verb.lemma_.lower() if verb is not None else ""


GOVERNING_VERBS = "storyline_governing_verbs"  # Doc.user_data: (start, end) -> token index


def governing_verb(ent: Span) -> Token | None:
    """The verb `ent` hangs on, found once per span of its Doc: each question above asks
    for it, some several times, and `dates` asks a dozen of them of every mention. Kept
    in the Doc's user_data as a token index (a Token there would hold its Doc in a cycle)."""
    found: dict[tuple[int, int], int | None] = ent.doc.user_data.setdefault(
        GOVERNING_VERBS, {})
    key = (ent.start, ent.end)
    if key not in found:
        verb = _find_governing_verb(ent)
        found[key] = None if verb is None else verb.i
    index = found[key]
    return None if index is None else ent.doc[index]


def _find_governing_verb(ent: Span) -> Token | None:
    speech = _speech_verb_before(ent)
    if speech is not None:
        return speech
    token = ent.root
    # Up a chain of prepositions: "will vote on the fare plan for the line on Thursday"
    # can hang Thursday on "line", six steps below "vote".
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "aux":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _speech_verb_before(ent: Span) -> Token | None:
    """ "Kestrel Air said on Monday it would cut flights": a date between a speech verb and
    the subject of what was said dates the saying, though the parser may hang it on "cut"
    ("would" belongs to what was said, not to Monday)."""
    doc = ent.doc
    start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ == "on" else ent.start
    if start == 0 or doc[start - 1].lemma_ not in SPEECH_LEMMAS or \
            doc[start - 1].pos_ != "VERB":
        return None
    speech, said = doc[start - 1], ent.root.head
    while said.dep_ == "prep" and said.head != said:
        said = said.head
    if said.dep_ != "ccomp" or said.head != speech:
        return None
    subjects = [c for c in said.children if c.dep_ in {"nsubj", "nsubjpass"}]
    follows = ent.end < len(doc) and (doc[ent.end].lower_ == "that" or
                                     any(s.left_edge.i == ent.end for s in subjects))
    return speech if follows else None


def is_conditional(ent: Span) -> bool:
    """ "would ballot members if the airport did not offer guarantees by the end of the
    month": a date in an "if" or "unless" clause is a condition, not a fact."""
    token = ent.root
    for _ in range(8):
        # An adverbial clause: "asked if the bridge would reopen on Friday" is a question.
        if token.pos_ in {"VERB", "AUX"} and token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITION_WORDS for c in token.children):
            return True
        if token.head == token or token.dep_ in {"ROOT", "ccomp"}:
            return False
        token = token.head
    return False


CONDITION_WORDS = {"if", "unless"}


def is_future(ent: Span) -> bool | None:
    """True for announced times, False for past ones, None when the text does not say."""
    words = {t.lower_ for t in ent}
    if words & {"next", "coming", "upcoming"} or {"later", "this"} <= words:
        return True
    if words & {"last", "ago", "yesterday", "earlier", "previous", "past"}:
        return False
    if _until(ent):
        ahead = _until_ahead(ent)
        if ahead is not None:
            return ahead
    token = ent.root
    for _ in range(3):  # "a dividend payable Dec. 1", "effective Feb. 1"
        if token.lower_ in FUTURE_ADJECTIVES and token.pos_ == "ADJ" and not any(
                t.lower_ in {"was", "were", "had"}
                for t in (token.head, *token.head.children)):
            return True
        token = token.head
    verb = governing_verb(ent)
    if verb is None and _verbless_forecast(ent):
        return True  # "Frost likely overnight.", "Snow likely on Sunday."
    if _is_new_date_of_a_move(ent, verb):
        return True
    if verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        bare = not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        if bare and verb.lemma_ not in PLAN_LEMMAS | CANCEL_LEMMAS:
            return False  # "the bridge, closed on March 1, will reopen": closed is done
        # "the meeting planned for Friday was postponed": the main clause sets the tense.
        if _plan_called_off(verb):
            # "The opening, planned for April 12, has been postponed": the plan's date, not
            # the postponing's; the past tense says nothing of it (the nearest April 12)
            return None
        verb = governing_verb(verb.head.doc[verb.head.i:verb.head.i + 1])
    for _ in range(3):  # the verb, then what it hangs from: "will be able to question"
        if verb is None:
            break
        aux_words = auxiliaries(verb) or _shared_aux_words(verb)
        if _past_modal(aux_words):
            return False  # "would have been run on Sunday": a past that did not come about
        if aux_words & FUTURE_MARKERS or aux_words & MODALS or verb.lower_ in FUTURE_MARKERS:
            return True
        if _plan_told_in_the_past(verb, aux_words):
            return True  # "said results were expected before Christmas": "are expected"
        if verb.lemma_ in {"schedule", "plan", "set"} and verb.tag_ == "VBN" and \
                aux_words & {"has", "have", "had"}:
            # "has scheduled a news conference Thursday": ahead; "had planned": either way
            return None if "had" in aux_words else True
        if verb.lemma_ in PLAN_OR_SETTING_LEMMAS and verb.tag_ == "VBN" and \
                aux_words & {"was", "were"} and verb.dep_ == "ROOT" and \
                ent.start > 0 and ent.doc[ent.start - 1].lower_ == "for":
            # "the fair was planned for June 6": a plan told in the past, its day on either
            # side of the report, as "was due to be held on Sunday" below
            return None
        if aux_words & {"had", "has", "have", "was", "were", "did"} or verb.tag_ == "VBD":
            return False
        if _scheduled_present(ent, verb, aux_words):
            return True
        if verb.lemma_ in PLAN_LEMMAS and verb.tag_ in {"VBZ", "VBP", "VBN", "JJ"}:
            if verb.tag_ == "JJ" and verb.head.tag_ == "VBD":
                # "was due to be held on Sunday": a plan told in the past, its day on either
                # side of the report (a bare weekday then reads as the one before)
                return None
            # "is expected to", "plans to", "is due to"; but "had been due to begin in
            # March but was delayed" lies behind
            return not (verb.tag_ == "JJ" and _overtaken_in_the_past(verb.head))
        if verb.tag_ in {"VBZ", "VBP"} and any(
                c.dep_ == "acomp" and c.lower_ in FUTURE_ADJECTIVES | {"due", "likely"}
                for c in verb.children):
            return True  # "is due in Dunmore on Thursday", "a frost is likely on Wednesday"
        if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children) and (
                verb.head.lemma_ in INTENT_LEMMAS or
                (verb.head.lemma_ in {"be", "have", "need"} and
                 verb.head.tag_ in {"VBZ", "VBP"})):
            # "planned to leave on Thursday", "is to resume trading Tuesday", "now I have to
            # do it all again through the summer": what one must do lies ahead
            return True
        if (verb.dep_ == "acl" and verb.head.pos_ == "NOUN" or verb.dep_ == "pcomp") and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
            return True  # "with construction to begin in June", "a vote to be held Friday"
        if verb.dep_ == "ROOT" and verb.tag_ == "VB" and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children):
            return True  # an imperative: "Expect rain through the weekend"
        if verb.tag_ == "VBG" and verb.dep_ in {"acl", "advcl", "xcomp"} and \
                {verb.head.lemma_, verb.head.head.lemma_} & FORWARD_LOOKING:
            return True  # "proposed a toll starting in June": what is proposed lies ahead
        if verb.dep_ in {"xcomp", "advcl"} and verb.head.tag_ == "VBD" and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
            return None  # "subpoenaed him to appear on Feb. 10": after the past main verb
        if verb.head == verb or verb.lemma_ in SPEECH_LEMMAS:
            break
        verb = verb.head
        if verb.lemma_ in SPEECH_LEMMAS:
            break  # "X is calling for a vote on Dec. 7, it said": the report's tense says nothing
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "by":
        return True  # a deadline: "reopen by October"
    return None


def _past_modal(aux_words: set[str]) -> bool:
    """ "would have been run", "could have been held": a modal perfect looks back."""
    return "have" in aux_words and bool(aux_words & {"would", "'d", "could", "should",
                                                     "might", "may", "must"})


def _plan_told_in_the_past(verb: Token, aux_words: set[str]) -> bool:
    """ "the professor said results were expected before Christmas": a plan told in the
    past tense inside what someone said is the sequence of tenses, not a past plan; said,
    it was "results are expected". Not in a main clause: "the race was due on Sunday"."""
    if verb.lemma_ not in PLAN_LEMMAS or verb.tag_ != "VBN" or \
            not aux_words & {"was", "were"}:
        return False
    # ("the vote was expected on Monday, but it was delayed": a plan since called off lies
    # behind)
    return verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_LEMMAS and \
        verb.head.tag_ == "VBD" and not moves_or_calls_off(verb.sent)


def _until(ent: Span) -> bool:
    """The date a state lasts to: "suspended until Friday", "forecast through Thursday"."""
    before = [t.lower_ for t in ent.doc[max(0, ent.start - 3):ent.start]]
    return bool({"until", "till", "through"} & set(before)) and (
        before[-1] in {"until", "till", "through"} or before[-2:] == ["at", "least"])


def _until_ahead(ent: Span) -> bool | None:
    """A state lasting "until at least Friday", or told in the present ("remain suspended
    until Friday", "are forecast through Thursday"), lasts into the days ahead."""
    if "least" in {t.lower_ for t in ent.doc[max(0, ent.start - 2):ent.end]}:
        return True
    verb = governing_verb(ent)
    if verb is None:
        return None
    # The state the date ends: the verb's own ("remain suspended until") or its
    # complement's ("remains closed until"), never another clause's.
    holders = [verb, *(c for c in verb.children if c.dep_ in {"acomp", "xcomp", "oprd"})]
    if ent.root.head.head not in holders or \
            not {t.lemma_ for t in holders} & LASTING_LEMMAS:
        return None  # "ticket sales through Sunday are up", "bookings ... says": no state
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    tenses = {verb.tag_} | {c.tag_ for c in auxiliaries}
    if tenses & {"VBD"} or any(c.lemma_ == "have" for c in auxiliaries):
        return None  # "was closed until Friday", "has been out until Saturday": told after
    return True if tenses & {"VBZ", "VBP", "MD"} else None


def _scheduled_present(ent: Span, verb: Token, aux_words: set[str]) -> bool:
    """ "The trial resumes Wednesday", "talks begin at 9 a.m. Monday": news tells what is
    scheduled in the present tense, with the day right on the verb (not "after Tuesday's
    vote", not a speech act, not "is")."""
    if aux_words or verb.tag_ not in {"VBZ", "VBP"} or \
            verb.dep_ not in {"ROOT", "conj", "relcl"} or \
            verb.lemma_ in {"be", "have"} | SPEECH_LEMMAS:
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in {"'s", "\u2019s"}:
        return False
    head = ent.root.head
    return head == verb or head.dep_ == "prep" and head.lower_ in {"on", "at"} and \
        head.head == verb


def _is_new_date_of_a_move(ent: Span, verb: Token | None) -> bool:
    """"postponed until April", "delayed to April 10": the date is where it moved to; "set
    sentencing for April 22", "set a deadline of April 1": the date being set."""
    if verb is None or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1].lower_
    if verb.lemma_ in MOVE_LEMMAS and before in MOVE_TO_WORDS:
        return True
    return verb.lemma_ in SETTING_LEMMAS and (
        before == "for" or before == "of" and ent.doc[ent.start - 2].lemma_ == "deadline")


def _is_old_date_of_a_move(ent: Span, verb: Token | None) -> bool:
    """ "delayed the launch from November 12 to early December", "push it from November 12
    into December": the date moved away from. The contract has no "postponed": a moved
    date is a cancelled one, and the date it moved to is planned."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ != "from":
        return False
    to_word = next((t.lower_ for t in doc[ent.end:ent.end + 3] if t.lower_ in MOVE_TO_WORDS),
                   None)
    return to_word is not None and _moves_a_date(verb, to_word)


def moves_a_date(ent: Span, to_word: str) -> bool:
    """Whether the verb governing `ent` moves a date "from" it "to"/"into" another."""
    return _moves_a_date(governing_verb(ent), to_word)


def _moves_a_date(verb: Token | None, to_word: str) -> bool:
    if verb is None or verb.lemma_ not in MOVE_LEMMAS or _moves_to_a_place(verb):
        return False
    if verb.lemma_ in MOVES_IF_NO_QUANTITY and any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in QUANTITY_NOUNS
            for c in verb.children):
        return False
    particles = MOVE_PARTICLES.get(verb.lemma_)
    if particles is None:
        return True
    if any(c.dep_ in {"prt", "advmod"} and c.lower_ in particles for c in verb.children):
        return True
    if verb.lemma_ in MOVES_ITS_OBJECT and any(c.dep_ in {"dobj", "nsubjpass"}
                                               for c in verb.children):
        return True  # "pushed the opening from May 4 to June 1", "the opening was pushed"
    # "push the ferry from April 20 into May": a range runs "to" a date, not "into" one
    return verb.lemma_ == "push" and to_word == "into"


def _moves_to_a_place(verb: Token) -> bool:
    """ "The museum moves to the old mill from June 3 to June 10": the move has a place to
    go to, so the dates are how long it stays there, not a date moved."""
    return any(c.dep_ == "prep" and c.lower_ in MOVE_TO_WORDS and any(
        o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"} and
        o.ent_type_ not in {"DATE", "TIME"} and o.lemma_.lower() not in TIME_NOUNS
        for o in c.children) for c in verb.children)


# "postponed to the new season": a time, not a place, even when the tagger marks no date.
TIME_NOUNS = {"day", "week", "weekend", "month", "year", "season", "spring", "summer",
              "autumn", "fall", "winter", "date", "time", "term", "quarter"}


def event_told_beside(ent: Span) -> tuple[str, str]:
    """The other event the date's verb has a clause of, told before or after it ("resigned
    on Tuesday, a day after the office found ...", "quit on Tuesday night after the
    watchdog caught ..."): the lemma of its verb ("find"), what the alignment may have
    matched instead of the date's event, and its clause's words ("a day after auditors
    uncovered the missing funds"), as another outlet may date it with another verb;
    ("", "") if none."""
    clause = _clause_told_beside(ent)
    if clause is None:
        return "", ""
    # up to a comma after its verb: the parser may hang the sentence's tail on the clause
    # ("after the snow had piled up for a week, burying two parked lorries")
    end = next((t.i for t in clause.doc[clause.i:clause.right_edge.i + 1] if t.text == ","),
               clause.right_edge.i + 1)
    return clause.lemma_.lower(), clause.doc[clause.left_edge.i:end].text


def _clause_told_beside(ent: Span) -> Token | None:
    verb = governing_verb(ent)
    if verb is None:
        return None
    return next((child for child in verb.children
                 if child.dep_ == "advcl" and _told_in_order(child)), None)


def _told_in_order(clause: Token) -> bool:
    """ "after the watchdog caught": "after" marks the clause; "a day after the office
    found": the parser may hang "after" on "day", the measure of the clause."""
    words = [c for c in clause.children if c.dep_ == "mark"]
    words += [w for c in clause.children if c.dep_ == "npadvmod"
              for w in c.children if w.dep_ == "prep"]
    return any(word.lower_ in ORDER_MARKS for word in words)


ORDER_MARKS = {"after", "before"}


def event_action(ent: Span) -> str:
    """The lemma of what is done at the date, so that two wordings of one event meet:
    the verb, but the thing moved or called off for a verb that moves or calls off ("pushed
    the opening from May 4" -> "opening"), the noun a light verb carries ("the vote will be
    held on March 3" -> "vote") and the verb a plan is for ("plans to open the line on 3
    May" -> "open"). "" without a verb."""
    verb = governing_verb(ent)
    if verb is None:
        return ""
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_LEMMAS:
        return lemma
    children = list(verb.children)
    if lemma in PLAN_LEMMAS:
        planned = next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if planned is not None:
            return planned.lemma_.lower()
    deps: tuple[str, ...]
    if lemma in MOVE_OR_CANCEL_LEMMAS:
        deps = ("dobj", "nsubjpass", "nsubj")  # "pushed the opening", "the opening slipped"
    elif lemma in LIGHT_LEMMAS | PLAN_LEMMAS:
        deps = ("nsubjpass", "nsubj")  # "the vote will be held", "a ride is planned"
    else:
        return lemma
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head.lemma_.lower()  # "the vote, scheduled for May 20, ..." -> "vote"
    for dep in deps:
        thing = next((c for c in children if c.dep_ == dep and c.pos_ == "NOUN"), None)
        if thing is not None:
            return thing.lemma_.lower()
    return lemma


# Verbs that say only that their subject takes place: "the vote will be held on March 3".
LIGHT_LEMMAS = {"hold", "take", "happen", "occur", "be", "go", "come", "stage"}


def date_move(ent: Span) -> str:
    """ "old" for the date a move leaves ("pushed from May 4"), "new" for the date it goes
    to ("postponed to May 10"), "" for any other date."""
    verb = governing_verb(ent)
    if _is_new_date_of_a_move(ent, verb):
        return "new" if verb is not None and verb.lemma_ in MOVE_LEMMAS else ""
    return "old" if _is_old_date_of_a_move(ent, verb) else ""


def _plan_called_off(verb: Token) -> bool:
    """ "The vote, scheduled for May 20, was cancelled", "the opening planned for April 12
    has been postponed": the date of a plan its main clause calls off or moves."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or \
            verb.lemma_ not in PLAN_OR_SETTING_LEMMAS:
        return False
    main = governing_verb(verb.head.doc[verb.head.i:verb.head.i + 1])
    return main is not None and main.lemma_ in MOVE_OR_CANCEL_LEMMAS


def _plan_undone_after_but(ent: Span) -> bool:
    """ "The festival was due to open on March 20, but organisers moved it to April 3":
    a plan told in the past tense in a main clause whose "but" clause moves or calls it
    off. The date belongs to the first clause, not to the one after "but"."""
    root = ent.sent.root
    told_in_the_past = root.tag_ == "VBD" or (
        root.tag_ == "VBN" and auxiliaries(root) & {"was", "were"})
    if not told_in_the_past or not any(c.dep_ == "cc" and c.lower_ == "but"
                                       for c in root.children):
        return False
    plan = {c.lemma_.lower() for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}}
    if not any(c.dep_ == "conj" and c.i > ent.end and _undoes(c, plan)
               for c in root.children):
        return False
    told_as_plan = False
    token = ent.root
    while token.head != token:  # from the date up to the main clause's verb
        token = token.head
        if token.lemma_.lower() in PLAN_OR_SETTING_LEMMAS:
            told_as_plan = True
        if token.dep_ == "conj":
            return False  # the date is in the "but" clause itself
    return told_as_plan and token == root


def overtaken_plan(ent: Span) -> bool:
    """ "had been due to begin in March but was delayed": the plan's time, which `is_future`
    reads as behind the report, is this year's: told in January, March still lies ahead."""
    verb = governing_verb(ent)
    for _ in range(3):  # the verb, then what it hangs from, as `is_future` walks
        if verb is None:
            return False
        if verb.lemma_ in PLAN_LEMMAS and verb.tag_ == "JJ" and _overtaken_in_the_past(verb.head):
            return True
        if verb.head == verb:
            return False
        verb = verb.head
    return False


def _overtaken_in_the_past(verb: Token) -> bool:
    """ "had been due to begin in March but was delayed": a plan told in the past perfect
    whose "but" clause, told in the past, overtakes it; the plan's time lay before the
    report. Not "had been due on Saturday but has been postponed", which may lie ahead."""
    if verb.lower_ != "been" or "had" not in auxiliaries(verb) or not any(
            c.dep_ == "cc" and c.lower_ == "but" for c in verb.children):
        return False
    return any(c.dep_ == "conj" and c.i > verb.i and
               (c.tag_ == "VBD" or c.tag_ == "VBN" and auxiliaries(c) & {"was", "were"})
               for c in verb.children)


def _undoes(verb: Token, plan: set[str]) -> bool:
    """The verb, or the one it makes someone do, moves or calls off the plan (`plan`: the
    lemmas of its subject; or a pronoun for it): "moved it to April 3", "was cancelled",
    "forced organisers to call it off"; not "cancelled the pre-match concert"."""
    for token in (verb, *(c for c in verb.children if c.dep_ in {"xcomp", "ccomp"})):
        undone = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if undone and not any(c.pos_ == "PRON" or c.lemma_.lower() in plan for c in undone):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ not in {"VERB", "AUX"} or lemma not in MOVE_OR_CANCEL_LEMMAS or \
                _moves_to_a_place(token) or \
                lemma not in CANCEL_LEMMAS and not _moves_a_date(token, "to"):
            continue
        if lemma != "call" or any(c.lower_ == "off" for c in token.children):
            return True
    return False


def moves_or_calls_off(sent: Span) -> bool:
    """A verb of the sentence moves a date or calls something off ("was pushed back", "has
    been cancelled"); not a noun ("the third delay") nor a move to a place."""
    return any(t.pos_ in {"VERB", "AUX", "ADJ"} and
               t.lemma_.lower() in MOVE_OR_CANCEL_LEMMAS and not _moves_to_a_place(t)
               and not _requested(t) for t in sent)


def _own_children(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ not in {"advcl", "acl", "relcl", "npadvmod"}]


# Verbs that ask for what the clause under them says: "asked for it to be delayed".
REQUEST_LEMMAS = {"ask", "urge", "want", "demand", "seek", "request", "petition", "press",
                  "lobby", "beg", "call"}


def _requested(token: Token) -> bool:
    return token.dep_ in {"xcomp", "ccomp"} and token.head.lemma_ in REQUEST_LEMMAS


def _since(ent: Span) -> bool:
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since"


def would_have(ent: Span) -> bool:
    """The clause of the date says what would have been done then ("would have been run
    on Sunday")."""
    return _would_have(governing_verb(ent))


def _would_have(verb: Token | None) -> bool:
    aux_words = auxiliaries(verb) if verb is not None else set()
    return "have" in aux_words and bool(aux_words & {"would", "'d"})


def _shared_aux_words(verb: Token) -> set[str]:
    """A conjunct looks ahead with the verb it is joined to, when it has no subject or
    auxiliary of its own: "the books will be moved to the library or sold in April". (Only
    the future is shared: "had ruled ... and set Friday as the deadline" keeps its tense.)"""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"} or any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return set()
    if verb.head.tag_ != "VBN" and verb.tag_ != verb.head.tag_:
        return set()  # "will cut jobs and closed two plants": a past of its own
    shared = auxiliaries(verb.head)
    return shared if shared & FUTURE_MARKERS else set()


def auxiliaries(verb: Token) -> set[str]:
    """A verb's auxiliaries, lower-cased: {"would", "have", "been"}."""
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def clause_status(ent: Span, *, future: bool | None) -> str:
    """happened / planned / cancelled / proposed for the clause a date anchors."""
    verb = governing_verb(ent)
    if verb is None:
        return "planned" if future else "happened"
    if _plan_called_off(verb):
        return "cancelled"
    if _would_have(verb) or _plan_undone_after_but(ent):
        return "cancelled"  # "the marathon would have been run on Sunday": it was not
    if _is_new_date_of_a_move(ent, verb):
        # "asked for the closures to be delayed until the summer": a date only asked for
        return "proposed" if _requested(verb) else "planned"
    if _is_old_date_of_a_move(ent, verb):
        return "cancelled"
    if verb.lemma_ in CANCEL_LEMMAS and ent.root.head.head == verb and \
            ent.root.head.lower_ == "on" and verb.tag_ in {"VBD", "VBN"}:
        return "happened"  # "was cancelled on Tuesday": the cancelling is what happened
    if verb.lemma_ in SPEECH_LEMMAS and verb in {ent.root.head, ent.root.head.head}:
        # "... has been postponed to May 10, Fenlink told the radio on Tuesday": Tuesday
        # dates the telling, whatever was told
        return "planned" if future else "happened"
    # The clause's own words and those it hangs from, not another clause beside them
    # ("began reviewing on Wednesday, a day after the count was suspended").
    related = [verb, *_own_children(verb)]
    head = verb
    for _ in range(2):
        if head.head != head:
            head = head.head
            related.append(head)
            related.extend(_own_children(head))
    lemmas = {t.lemma_.lower() for t in related}
    words = {t.lower_ for t in related}
    # A verb calls off, not a noun: "the delay would cost them trade over Easter".
    # Nor one that somebody asks for: "has asked for the closures, due on March 1, to be
    # delayed" leaves the closures planned.
    calls_off = {t.lemma_.lower() for t in related
                 if t.pos_ != "NOUN" and not _requested(t)} & CANCEL_LEMMAS
    if calls_off and not ("call" in lemmas and "off" not in words) and \
            not _until(ent) and \
            not _since(ent):  # "suspended until Friday": Friday ends the suspension;
        # "delayed twice since 2021": the delays began then, nothing set for 2021 was off
        return "cancelled"
    # "sought help in 2010", "proposed the plan on Monday": the asking is what happened.
    asked_then = future is False and verb.tag_ == "VBD"
    # "wants the shop back when the lease ends on 31 January": the wish is the main
    # clause's; the "when" clause tells, as a fact, when the lease ends.
    if _time_clause(verb):
        lemmas = {t.lemma_.lower() for t in (verb, *_own_children(verb))}
    if lemmas & PROPOSE_LEMMAS - {"would"} and not asked_then:
        return "proposed"
    # A past-tense clause tells what was done then: "set a record on Sunday",
    # "received the report on Friday as expected".
    if future or (lemmas & PLAN_LEMMAS and future is not False):
        return "planned"
    return "happened"
