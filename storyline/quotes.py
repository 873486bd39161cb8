"""Quotations and reported speech with their speakers, from one parsed article.

Goes in: a spaCy `Doc` of one article and its person/organisation `Mention`s.
Comes out: `Quote`s: the quoted text (exactly as between the quote marks),
its character span, kind (`direct`, `partial`, `indirect`, `mixed`), the
speech cue, and the span of the mention that names the speaker, followed
back through pronouns, "according to", descriptions and continued turns.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span, Token

from .marks import MarkedSpan, find_quote_marks
from .models import Mention, Quote
from .names import CANDIDATE_KINDS
from .nlp import text_of
from .speakers import SpeakerResolver, issued_thing
from .text import dateline_length

SPEECH_VERBS = {
    "say", "tell", "add", "state", "announce", "warn", "claim", "insist", "argue", "explain",
    "note", "ask", "reply", "respond", "write", "declare", "confirm", "deny", "admit",
    "acknowledge", "suggest", "predict", "promise", "vow", "pledge", "call", "describe",
    "urge", "stress", "emphasize", "emphasise", "remark", "comment", "conclude", "tweet",
    "post", "report", "testify", "recall", "joke", "shout", "concede", "maintain", "contend",
    "assert", "observe", "caution", "reiterate", "complain", "lament", "boast", "allege",
    "accuse", "question", "answer", "agree", "disagree", "propose", "recommend", "estimate",
    "believe", "think", "hope", "fear", "signal", "indicate", "mutter",
    "quip", "told", "continue", "counter", "charge", "order", "demand", "plead", "inform",
    "blast", "chant", "criticize", "criticise", "condemn", "liken", "label", "proclaim",
    "attack", "slam", "praise", "brand", "dismiss", "mock", "scoff", "retort", "exclaim",
    "reveal", "highlight", "concur", "recount", "yell", "scream", "whisper", "cry",
    "read",  # '"...," reads a statement from the ministry'
    "repeat", "muse", "wonder", "marvel", "sigh", "snap", "gush", "interject", "chime",
}
# Verbs that are cues with a particle: "shot back", "pointed out", "weighed in".
PHRASAL_CUES = {"shoot": "back", "fire": "back", "hit": "back", "push": "back", "point": "out",
                "lash": "out", "speak": "out", "weigh": "in", "go": "on"}
# Verbs that only attribute words, with no stance of their own.
PLAIN_CUES = {"say", "add", "write", "tell", "continue", "explain", "note", "state"}
# Cues of thought rather than speech: used only when nothing better is near.
WEAK_CUES = {"think", "believe", "hope", "fear", "answer", "question", "continue", "order"}
# Verbs that introduce reported speech with a content clause ("said that ...").
INDIRECT_VERBS = SPEECH_VERBS - {"call", "describe", "ask", "order", "question", "read"}
# The parts of a cue that say what was said: its object, complement or clause.
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl"}
ARGUMENT_DEPS = CLAUSE_DEPS | {"dobj", "dative", "oprd", "prep", "attr", "acomp"}
TITLE_PREPOSITIONS = {"on", "in", "of", "at", "from", "for", "by", "with", "about"}
LABEL_MARKERS = {"so-called", "dubbed", "titled", "entitled", "named", "nicknamed", "term",
                 "word", "phrase", "slogan", "known", "called"}
SCARE_MARKERS = {"so-called", "dubbed", "nicknamed"}
# Works whose title may follow them in quote marks.
WORK_NOUNS = {"book", "film", "movie", "song", "album", "show", "series", "novel", "memoir",
              "play", "documentary", "episode", "podcast", "poem", "opera", "musical",
              "exhibition", "exhibit", "column", "essay", "headline", "programme", "program",
              "autobiography", "biography", "blog", "newsletter", "editorial", "syllabus",
              "anthem", "hymn"}
# Short words a title leaves in lower case ("The Night Shift with Lena Marsh").
TITLE_SMALL_WORDS = {"with", "from", "into", "onto", "over", "upon", "than", "about", "under",
                     "after", "before"}
DETERMINERS = {"the", "a", "an"}


def extract_quotes(doc: Doc, article_id: str, mentions: list[Mention]) -> list[Quote]:
    """All direct, partial, indirect and mixed quotes of one article, in text order.

    Speakers come from the name and nominal mentions; unresolved "candidate" and
    "headline" mentions (words not yet known to name anyone) are left out.
    """
    text = text_of(doc)
    marked = find_quote_marks(text)
    inside = _char_mask(len(text), marked)
    named = [m for m in mentions if m.kind not in CANDIDATE_KINDS | {"description"}]
    resolver = SpeakerResolver(doc, named, inside)
    quotes: list[Quote] = []
    previous: Quote | None = None
    consumed: set[int] = set()
    cues: dict[int, Token] = {}  # quote start -> its cue token
    carried: dict[int, tuple[Token, int]] = {}  # quote index -> cue, turn start
    own_cues: dict[int, Token | None] = {}  # quote index -> its own cue, found once
    # Reported speech first: '"...," he said' after "Keller said Dahl ..." goes on Keller's.
    reported = _indirect_quotes(doc, article_id, inside, resolver, marked)

    def own_cue(index: int) -> Token | None:
        if index not in own_cues:
            own_cues[index] = _find_cue(doc, marked[index], inside)
        return own_cues[index]

    for index, span in enumerate(marked):
        if index in consumed:
            continue
        parts = [span]
        cue, turn = carried[index] if index in carried else (own_cue(index), None)
        following = marked[index + 1] if index + 1 < len(marked) else None
        join = _join_around_cue(doc, span, following, cue) if following else None
        if join == "clause" and _is_label(text, span, len(text[span.start:span.end].split()),
                                          cue):
            join = None  # 'the anthem "Rise Up," she added, "Vote!"': a title, then a quote
        if join == "clause":
            parts.append(marked[index + 1])  # '"We will," he said, "do it."': one quote
            consumed.add(index + 1)
        quote = _make_quote(doc, article_id, parts, cue, resolver, previous, turn)
        if quote is None:
            continue
        quotes.append(quote)
        if cue is not None:
            cues[quote.start] = cue
        previous = quote
        next_cue = own_cue(index + 1) if join == "sentence" else None
        if join == "sentence" and cue is not None and quote.turn_start is not None and \
                (next_cue is None or next_cue.i == cue.i):
            # '"We will," he said. "We must."': a second quote of the same turn, unless
            # it has its own attribution ('"No," said Oren Malik').
            carried[index + 1] = (cue, quote.turn_start)
    reported = _mix_partials(doc, quotes, cues, reported, inside)
    mixed = [q for q in reported if q.kind == "mixed"]
    # A quoted phrase inside a reported clause is part of that one (mixed) quote.
    quotes = [q for q in quotes if not (q.kind == "partial" and any(
        m.start <= q.start and q.end <= m.end + 2 for m in mixed))]
    starts = {q.start for q in quotes}
    # A turn whose first quote went into a mixed quote starts at its next quote.
    quotes = [q if q.turn_start in starts else dataclasses.replace(q, turn_start=q.start)
              for q in quotes]
    quotes.extend(reported)
    quotes.sort(key=lambda q: q.start)
    text = text_of(doc)
    return [dataclasses.replace(q, parts=quoted_pieces(text, q.start, q.end, q.text))
            for q in quotes]


QUOTE_CLOSERS = {'"', "'", "\u201d", "\u2019", "\u00bb"}


def quoted_pieces(text: str, start: int, end: int, joined: str
                  ) -> tuple[tuple[int, int], ...]:
    """The spans of the article a quote's text joins: its first piece runs as far as the
    article and the joined text agree, its second is the rest, up to the quote's end
    ('The pier, he said, will reopen' joins 'The pier' and 'will reopen')."""
    if text[start:end] == joined:
        return ((start, end),)
    agree = 0
    while agree < len(joined) and start + agree < end and text[start + agree] == joined[agree]:
        agree += 1
    rest = joined[agree:].lstrip(", ")
    first_end = start + len(text[start:start + agree].rstrip(" "))
    if text[first_end - 1:first_end] == "," and text[first_end:first_end + 1] not in QUOTE_CLOSERS:
        first_end -= 1  # the comma before a cue outside quotation marks is not said
    second_start = end - len(rest)
    if rest and first_end <= second_start and text[second_start:end] == rest:
        return ((start, first_end), (second_start, end))
    return ((start, end),)


def _mix_partials(doc: Doc, quotes: list[Quote], cues: dict[int, Token],
                  reported: list[Quote], inside: bytearray) -> list[Quote]:
    """Reported quotes plus one mixed quote for each cue argument holding a partial quote.

    'She called the plan "a disaster"' reports "the plan "a disaster"": the quoted phrase
    is part of what the speaker is reported to have said, so the clause (or object and
    complement) of the cue around it is one mixed quote. A narrower reported quote of the
    same cue inside it gives way.
    """
    text = text_of(doc)
    made: list[tuple[int, int, Token, Quote]] = []  # start, end, cue, first partial
    for quote in quotes:
        cue = cues.get(quote.start)
        if quote.kind != "partial" or cue is None or cue.lower_ == "according" or any(
                r.start <= quote.start and quote.end <= r.end + 2 for r in reported):
            continue
        before = next((k for k, r in enumerate(reported) if r.kind == "mixed" and
                       r.cue == cue.text and r.text == text[r.start:r.end] and
                       _list_gap(text, r.end, quote.start)), None)
        if before is not None:
            # 'claimed fraud is "a big problem" but "nobody talks about it"': one list.
            end = _past_closing_mark(quote.end, inside)
            r = reported[before]
            reported[before] = dataclasses.replace(r, text=text[r.start:end], end=end)
            continue
        span = _argument_span(doc, cue, quote, inside)
        if made and made[-1][2] == cue and _list_gap(text, made[-1][1], quote.start):
            # '... as "reckless" and a "gift to rivals"': the next phrase of the same list.
            start, end, _, first = made.pop()
            made.append((start, max(_past_closing_mark(quote.end, inside),
                                    span[1] if span else 0), cue, first))
        elif span is not None and not any(m[0] == span[0] and m[1] == span[1] for m in made):
            made.append((span[0], span[1], cue, quote))
    new = [Quote(q.article_id, text[start:end], start, end, "mixed", cue.text, q.speaker_text,
                 q.speaker_start, q.speaker_end) for start, end, cue, q in made]
    kept = [r for r in reported if not any(
        m.start <= r.start and r.end <= m.end and m.cue == r.cue for m in new)]
    return kept + [m for m in new if not any(
        r.start <= m.start and m.end <= r.end for r in kept)]


def _list_gap(text: str, end: int, start: int) -> bool:
    """Whether the text between two quoted phrases joins them in one list ('" and a "')."""
    return end <= start and len(text[end:start].split()) <= 3 and \
        not any(c in text[end:start] for c in ".;:?!\n")


def _second_verb(clause: Token, keep: Token) -> Token | None:
    """A verb joined to a clause by "and" without a subject of its own, after `keep`.

    'said the deal was "dead" and left the room': leaving is what the speaker did, not
    what they said ('said the deal was dead and the port was closed' is one statement).
    """
    for verb in clause.children:
        if verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} and verb.i > keep.i and \
                not verb.is_ancestor(keep) and \
                not any(c.dep_.startswith("nsubj") for c in verb.children):
            return verb
    return None


def _past_closing_mark(end: int, inside: bytearray) -> int:
    """The end of a span moved past the quote marks it ends in: '"a disaster."'."""
    while 0 < end < len(inside) and inside[end - 1] and inside[end]:
        end += 1  # (never into a quote that opens right after the span)
    return end


def _argument_span(doc: Doc, cue: Token, quote: Quote, inside: bytearray
                   ) -> tuple[int, int] | None:
    """Characters of the cue's argument around a partial quote, or None.

    The argument is the clause ("tweeted that X was '...'") or the object and what
    follows it up to the quote ("called half of them '...'", "condemned the test as
    '...'"); verbs joined to it by "and" are other statements and stay out.
    """
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if words is None or cue.dep_ == "relcl" or \
            any(c.lower_ in {"what", "which"} or c.dep_ == "auxpass" for c in cue.children):
        # 'what the mayor called "a gamble"': the cue is inside a description; 'was
        # called a "fraud" by critics' reports no statement of the subject.
        return None
    root = words.root
    branch = next((c for c in cue.rights if c.i <= root.i and
                   (c == root or c.is_ancestor(root))), None)
    if branch is None or branch.dep_ not in ARGUMENT_DEPS:
        return None
    if branch.dep_ in CLAUSE_DEPS:
        first = branch.left_edge
    else:
        first = min((c.left_edge for c in cue.rights if c.dep_ in ARGUMENT_DEPS), key=lambda t: t.i)
    last = branch.right_edge
    verb = _second_verb(branch, root)
    if verb is not None:
        last = doc[min(last.i, verb.left_edge.i - 1)]
    tokens = [t for t in doc[first.i:last.i + 1] if not (t.dep_ == "mark" and t.head == branch)]
    # '... to "burning the Constitution" - a charge that stung': the aside is the writer's.
    aside = next((k for k, t in enumerate(tokens) if t.idx >= quote.end and not inside[t.idx]
                  and t.text in {"-", "--", "\u2014", "\u2013", ";", "("}), len(tokens))
    tokens = _trim(tokens[:aside])
    while tokens and tokens[-1].dep_ == "cc":
        tokens = _trim(tokens[:-1])
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while start > 0 and inside[start - 1]:
        start -= 1  # back to the opening mark
    end = _past_closing_mark(end, inside)  # '... as "reckless"'
    outside = [t for t in tokens if not inside[t.idx] and not t.is_punct]
    if start > quote.start or end < quote.end or len(outside) < 1:
        return None
    return start, end


def _join_around_cue(doc: Doc, span: MarkedSpan, following: MarkedSpan,
                     cue: Token | None) -> str | None:
    """How a quote and the next one relate when only the attribution stands between them:
    "clause" for '"X," he said, "Y."', "sentence" for '"X," he said. "Y."', else None."""
    # (The attribution may be long: '"...," said Oren Dahl, a lawyer who has worked on
    # the levy for years. "..."' is still one turn.)
    if cue is None or not span.end <= cue.idx < following.start or \
            following.start - span.end >= 250:
        return None
    between = text_of(doc)[span.outer_end:following.outer_start]
    if "\n" in between or _second_cue(doc, cue, span.outer_end, following.outer_start):
        return None
    ending = between.rstrip()
    if ending.endswith(",") and following.start - span.end < 80:
        return "clause"
    if not ending.endswith((".", ":")) or \
            text_of(doc)[cue.sent.end_char:following.outer_start].strip():
        return None  # another sentence stands between the cue and the next quote
    return "sentence"


def _second_cue(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """ "X," she said, adding, "Y.": another speech verb between two quotes parts them."""
    between = doc.char_span(start, end, alignment_mode="expand")
    return between is not None and any(_is_cue(t) and t.i != cue.i for t in between)


def _char_mask(length: int, spans: list[MarkedSpan]) -> bytearray:
    """1 for every character inside quote marks (marks included), else 0."""
    mask = bytearray(length)
    for span in spans:
        mask[span.outer_start:span.outer_end] = b"\x01" * (span.outer_end - span.outer_start)
    return mask


def _tokens_outside(doc: Doc, start_char: int, end_char: int, inside: bytearray) -> list[Token]:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if not inside[t.idx]]


def _find_cue(doc: Doc, span: MarkedSpan, inside: bytearray) -> Token | None:
    """The speech verb that introduces a quote: in its sentence, or a short "she said." after."""
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None:
        return None
    # The parser sometimes runs a sentence across a paragraph break; the cue stays in the
    # quote's own paragraph(s), or the one before when that ends in a colon ("He said:").
    text = text_of(doc)
    para_start = text.rfind("\n", 0, span.start) + 1
    if text[:para_start].rstrip().endswith(":"):
        para_start = 0
    sent_start = max(first[0].sent.start_char, para_start)
    para_end = text.find("\n", span.end)
    sent_end = min(first[-1].sent.end_char, len(text) if para_end < 0 else para_end)
    candidates = [t for t in _tokens_outside(doc, sent_start, sent_end, inside) if _is_cue(t)
                  and not _cue_of_another_clause(t, span) and not _negated(t, inside)]
    if not candidates:
        following = _next_sentence(doc, first[-1])
        if following is not None:
            outside = [t for t in following if not inside[t.idx]]
            # '"...," Flynn, a top adviser, said' split after the quote by the parser.
            # and '"...?" a narrator in the ad asks': the parser ended the sentence at "?".
            ending = text[span.start:span.end].rstrip()[-1:]
            short = len(outside) <= 8  # '"...!" US Senator Jane Doe said.'
            window = 12 if ending == "," or (ending in "?!" and (following[0].is_lower or
                                                                  short)) else 4
            # A cue in the next paragraph speaks for what follows it, not for this quote.
            # After a full stop only a plain attribution ('"We lost." Dahl said.'); "Dahl
            # agreed." is someone else's reaction.
            lead = [t for t in outside[:window] if _is_cue(t) and not _negated(t, inside) and "\n"
                    not in text[span.end:t.idx] and (ending != "." or t.lemma_ in PLAIN_CUES)]
            # '"...?" Lena Marsh said about the service, which ...' however long it runs on;
            # 'Dahl said: "..."' introduces the quote after it.
            if lead and (len(outside) <= 12 or window == 12 or
                         ending in "?!" and lead[0] in outside[:3]) and \
                    not text[lead[0].idx + len(lead[0].text):].lstrip().startswith(":"):
                candidates = lead
    if not candidates:
        return None
    # A cue whose clause holds the quote wins; then the nearest ("X said ... Y said: '...'").
    root = first.root

    def rank(token: Token) -> tuple[int, int, int]:
        governs = 0 if token.is_ancestor(root) or root.is_ancestor(token) else 1
        weak = 1 if token.lemma_ in WEAK_CUES else 0
        return governs + weak, weak, min(abs(token.idx - span.start), abs(token.idx - span.end))

    return min(candidates, key=rank)


# Conjunctions that make a clause after a quote an event, not its attribution
# ('"The pier is safe," when Varga closed it'); "as" still attributes ("as she said").
EVENT_MARKS = {"when", "while", "after", "before", "because", "since", "if", "although",
               "though", "until", "once", "unless"}


def _cue_of_another_clause(cue: Token, span: MarkedSpan) -> bool:
    """A speech verb after a quote that opens a clause of its own: '"The pier is safe,"
    when Varga called it closed' tells what happened next, not who spoke."""
    return cue.idx >= span.outer_end and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in EVENT_MARKS for c in cue.lefts)


def _negated(cue: Token, inside: bytearray) -> bool:
    """ '"...?" Ruiz did not reply': what someone did not say is no quote of theirs (a
    "not" the parser hung on the cue from inside the quote does not count)."""
    return any(c.dep_ == "neg" and not inside[c.idx] for c in cue.children)


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and \
            token.doc[token.i + 1].lower_ == "to":
        return True
    if token.lemma_ == "put" and _as_put_it(token):
        return True
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "compound"}:
        return False
    lemma = token.lemma_.lower()
    particle = PHRASAL_CUES.get(lemma)
    if particle is not None:
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ == particle for c in token.children)
    return lemma in SPEECH_VERBS


def _as_put_it(token: Token) -> bool:
    """ '"...," as Lena Marsh put it': "put it" after "as" quotes the subject's words."""
    children = {c.lower_: c.dep_ for c in token.children}
    return children.get("it") == "dobj" and children.get("as") in {"mark", "advmod", "prep"}


def _next_sentence(doc: Doc, token: Token) -> Span | None:
    end = token.sent.end
    if end >= len(doc):
        return None
    return doc[end].sent


def _make_quote(doc: Doc, article_id: str, parts: list[MarkedSpan], cue: Token | None,
                resolver: SpeakerResolver, previous: Quote | None,
                turn_start: int | None = None) -> Quote | None:
    text = text_of(doc)
    start, end = parts[0].start, parts[-1].end
    quoted = " ".join(text[p.start:p.end].strip() for p in parts)
    word_count = len(quoted.split())
    if _is_label(text, parts[0], word_count, cue) or _names_a_thing(doc, parts[0]) or \
            (cue is None and _subhead(text, parts)) or (cue is not None and _sign(cue)):
        return None
    kind = _direct_or_partial(text, parts[0], cue)
    speaker: tuple[str, int, int] | None = None
    cue_text = cue.text if cue is not None else None
    if cue is not None:
        speaker = resolver.speaker_of(cue, previous)
    else:
        found = _speaker_without_cue(doc, parts, resolver, previous)
        if found is None and word_count < 4:
            return None  # a short unattributed phrase in marks is a label, not a quote
        speaker, cue_text = found if found is not None else (None, None)
    if len(parts) == 1:
        quoted = text[start:end]
    return Quote(article_id, quoted, start, end, kind, cue_text,
                 speaker[0] if speaker else None, speaker[1] if speaker else None,
                 speaker[2] if speaker else None,
                 turn_start=turn_start if turn_start is not None else start)


def _speaker_without_cue(doc: Doc, parts: list[MarkedSpan], resolver: SpeakerResolver,
                         previous: Quote | None
                         ) -> tuple[tuple[str, int, int], str | None] | None:
    """The speaker of a quote whose sentence holds no speech verb, and what stands for its
    cue: a name after a dash, the subject of the verb the quote hangs on ("Varga thanked
    the divers for '...'", '"...," Malik snapped'), a name before a colon ("Malik: '...'"), the
    speaker of the sentence before, or the previous quote's speaker continuing a turn."""
    text = text_of(doc)
    dash = _dash_attribution(text, parts[-1], resolver)
    if dash is not None:
        return dash, "\u2014"
    verb = _governing_verb(doc, parts[0], resolver.inside) or \
        _verb_after(doc, parts[-1], resolver.inside)
    if verb is not None and (found := resolver.speaker_of(verb, previous)) is not None and \
            resolver.names_someone(found):
        return found, verb.text
    colon = _colon_attribution(doc, parts[0], resolver) or \
        _one_name_before_colon(doc, parts[0], resolver)
    if colon is not None:
        return colon, ":"
    headline = _headline_speaker(text, parts[0])
    if headline is not None:
        return headline, ":"
    verb = _verb_before_colon(doc, parts[0], resolver)
    if verb is not None and (found := resolver.speaker_of(verb, previous)) is not None and \
            resolver.names_person(found):
        return found, ":"  # 'He went back to his old lines: "..."'
    lead = _cue_just_before(doc, parts[0], previous)
    if lead is not None and (found := resolver.speaker_of(lead, previous)) is not None and \
            (lead.lower_ != "according" or resolver.names_someone(found)):
        return found, lead.text  # 'X said the plan failed. "We lost."'
    turn = resolver.reported_turn(parts[0].outer_start, previous)
    if turn is not None:
        return turn, None  # 'X said the pier was old. It was built in 1961. "We warned."'
    if previous is not None and previous.speaker_start is not None and \
            (_continues_turn(text, previous, parts[0].start) or
             _quote_paragraph_after(text, previous, parts, resolver)):
        return (previous.speaker_text or "", previous.speaker_start,
                previous.speaker_end or previous.speaker_start), None
    pointer = _pointer_after(doc, parts[-1], resolver)
    if pointer is not None:
        return pointer
    lead_in = _lead_in_subject(doc, parts[0], previous)
    if lead_in is not None and (found := resolver.speaker_of(lead_in, previous)) and \
            resolver.names_person(found):
        return found, None
    return None


def _verb_after(doc: Doc, span: MarkedSpan, inside: bytearray) -> Token | None:
    """ '"Count the boats," Malik snapped.': a verb right after the closing mark whose subject
    stands between the two."""
    text = text_of(doc)
    after = doc.char_span(span.outer_end, min(len(text), span.outer_end + 60),
                          alignment_mode="contract")
    if after is None or not text[span.start:span.end].rstrip().endswith((",", "?", "!")):
        return None  # after '"... ."' a new sentence begins
    for token in list(after)[:6]:
        if token.is_sent_start or inside[token.idx]:
            return None
        if token.pos_ == "VERB" and any(c.dep_ == "nsubj" and span.outer_end <= c.idx < token.idx
                                        for c in token.children):
            return token
    return None


def _lead_in_subject(doc: Doc, span: MarkedSpan, previous: Quote | None) -> Token | None:
    """The main verb of the sentence that leads into a quote standing as its own sentence,
    when a person is its subject: 'Varga has run the ferry for years.\n\n"It is hard."'.
    Only across one paragraph break, and never past an earlier quote."""
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or first[0].sent.start == 0 or \
            first[0].sent.start_char < span.outer_start - 2:
        return None
    before = doc[first[0].sent.start - 1].sent
    gap = text_of(doc)[before.end_char:span.outer_start]
    if gap.count("\n\n") > 1 or (previous is not None and previous.end > before.start_char):
        return None
    verbs = [t for t in before if t.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)]
    if before.text.rstrip().endswith(":"):
        return verbs[-1] if verbs else None  # '..., and the mayor replied:'
    return before.root if before.root in verbs else None


def _governing_verb(doc: Doc, span: MarkedSpan, inside: bytearray) -> Token | None:
    """The nearest verb outside the marks that the quote hangs on, if it has a subject."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None:
        return None
    token = inner.root
    for _ in range(6):
        if token.head == token:
            return None
        token = token.head
        if inside[token.idx] or token.pos_ not in {"VERB", "AUX"}:
            continue
        if "\n" in text_of(doc)[min(token.idx, span.end):max(token.idx, span.start)]:
            continue  # the parser ran the sentence into another paragraph
        if any(c.dep_ in {"nsubj", "nsubjpass"} and not inside[c.idx] for c in token.children):
            return token
        if token.dep_ not in {"xcomp", "conj", "advcl", "pcomp", "prep", "acl"}:
            return None
    return None


def _colon_attribution(doc: Doc, span: MarkedSpan, resolver: SpeakerResolver
                       ) -> tuple[str, int, int] | None:
    """ "Malik: '...'", "Continued Varga: '...'": a name right before the colon."""
    text = text_of(doc)
    before = text[max(0, span.outer_start - 4):span.outer_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = span.outer_start - 4 + len(before) - 1 if span.outer_start >= 4 else len(before) - 1
    for mention in (*resolver.people, *resolver.orgs):
        if 0 <= colon - mention.end <= 1 and mention.kind != "pronoun":
            if _spoken_to(doc, mention):
                return None  # "Solberg had a message for the board:": the board listens
            return mention.text, mention.start, mention.end
    return None


def _headline_speaker(text: str, span: MarkedSpan) -> tuple[str, int, int] | None:
    """ "Lena Marsh: Harbour 'Better Off Than Ever'" as an article's title line: the
    capitalised words before the colon (a name; the mention finder leaves title words
    unresolved, and the entity linker finds whom they name)."""
    colon = text.find(":", 0, span.outer_start)
    if colon < 0 or "\n" in text[:span.outer_start]:
        return None
    words = text[:colon].split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    start = len(text[:colon]) - len(text[:colon].lstrip())
    return text[start:colon].rstrip(), start, len(text[:colon].rstrip())


def _clause_before_colon(doc: Doc, span: MarkedSpan) -> tuple[int, Span] | None:
    """Where the clause that a colon right before the quote ends starts, and the colon."""
    text = text_of(doc)
    before = text[:span.outer_start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    return max(colon[0].sent.start_char, text.rfind("\n", 0, colon.start_char) + 1), colon


def _one_name_before_colon(doc: Doc, span: MarkedSpan, resolver: SpeakerResolver
                           ) -> tuple[str, int, int] | None:
    """ "Dahl's message was clear: '...'", "For Dahl, the answer is simple: '...'": the one
    person (else the one organisation) named in the clause that a colon ends."""
    clause = _clause_before_colon(doc, span)
    if clause is None:
        return None
    start, colon = clause
    for pool in (resolver.people, resolver.orgs):
        named = [m for m in pool if start <= m.start and m.end <= colon.start_char and
                 m.kind == "name" and not resolver.inside[m.start] and
                 not _addressed(doc, m.start, m.end)]
        if len({resolver.identity.get(m.start, m.name) for m in named}) == 1:
            return named[-1].text, named[-1].start, named[-1].end
        if named:
            return None
    return None


def _verb_before_colon(doc: Doc, span: MarkedSpan, resolver: SpeakerResolver
                       ) -> Token | None:
    """The last verb with a subject in the clause a colon right before the quote ends, when
    that clause names no one ("found the note from Lena Marsh:" quotes her, not the
    finder); its subject may be a pronoun."""
    inside = resolver.inside
    clause = _clause_before_colon(doc, span)
    if clause is None:
        return None
    start, colon = clause
    if any(start <= m.start < colon.start_char and not inside[m.start] and m.kind != "pronoun"
           for m in (*resolver.people, *resolver.orgs)):
        return None
    verbs = [t for t in reversed(doc[colon[0].sent.start:colon.start]) if t.idx >= start and
             not inside[t.idx] and t.pos_ in {"VERB", "AUX"} and any(
                 c.dep_ in {"nsubj", "nsubjpass"} and not inside[c.idx] for c in t.children)]
    return verbs[0] if verbs else None


def _addressed(doc: Doc, start: int, end: int) -> bool:
    """A name the clause acts on rather than one speaking: "a message sent to Lena Marsh",
    "the jury heard Dahl" ("For Dahl, the answer is simple" still speaks)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in {"dobj", "dative"} or root.dep_ == "pobj" and \
        root.head.lower_ in {"to", "at", "about", "against", "with"}


def _spoken_to(doc: Doc, mention: Mention) -> bool:
    """The one a message right before a colon is for: "a blunt message to Mayor Dahl:",
    "a message for the board:" (while "Frank quotes Alfred Kahn:" quotes Kahn)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and \
        span.root.head.lower_ in {"to", "for"}


POINTER_WORDS = {"that", "that's", "those", "this", "so", "such"}
# What such a sentence calls the quote: "Those were the words of ...", "That was the message
# from ...".
POINTED_WORDS = {"words", "word", "message", "warning", "verdict", "reaction", "response",
                 "assessment", "advice", "plea"}


def _points_back(word: Token) -> bool:
    """ "So said X", "That's how X ...", "Those were the words of X"; not an opening
    adverbial ("So far, X said", "This week, X said")."""
    if word.lower_ == "so":
        following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
        return following is not None and _is_cue(following)
    subject = {"nsubj", "nsubjpass"}
    return word.dep_ in subject or word.dep_ == "det" and word.head.dep_ in subject


def _pointer_after(doc: Doc, span: MarkedSpan, resolver: SpeakerResolver
                   ) -> tuple[tuple[str, int, int], str | None] | None:
    """A quote the next sentence points back to: '"We were lucky."\n\nThat\'s how Lena Marsh
    described the fire', 'Those were the words of Lena Marsh': the speaker of its cue, or
    the one person it names."""
    text = text_of(doc)
    after = doc.char_span(span.outer_end, min(len(text), span.outer_end + 200),
                          alignment_mode="contract")
    first = next((t for t in after if not t.is_space), None) if after is not None else None
    if first is None or first.lower_ not in POINTER_WORDS or not _points_back(first):
        return None
    gap = text[span.outer_end:first.idx]
    if gap.strip() or gap.count("\n") > 2:
        return None
    sentence = [t for t in first.sent if t.i >= first.i]
    cue = next((t for t in sentence[:8] if _is_cue(t)), None)
    if cue is not None and (found := resolver.speaker_of(cue)) is not None and \
            resolver.names_person(found):
        return found, cue.text
    if not any(t.lower_ in POINTED_WORDS for t in sentence[:5]):
        return None
    end = sentence[-1].idx
    named = {resolver.identity.get(m.start, m.name): m for m in resolver.people
             if first.idx <= m.start <= end and m.kind == "name"}
    if len(named) != 1:
        return None
    (mention,) = named.values()
    return (mention.text, mention.start, mention.end), None


def _cue_just_before(doc: Doc, span: MarkedSpan, previous: Quote | None) -> Token | None:
    """The speech verb of the sentence right before a quote opening its own sentence."""
    first = doc.char_span(span.start, span.end, alignment_mode="expand")
    if first is None or first[0].sent.start == 0 or \
            first[0].sent.start_char < span.outer_start - 2:
        return None
    before = doc[first[0].sent.start - 1].sent
    gap = text_of(doc)[before.end_char:span.outer_start]
    if "\n" in gap or (previous is not None and previous.end > before.start_char):
        return None
    colon = before.text.rstrip().endswith(":")  # '..., and the mayor replied:'
    # "According to X, the pier failed." opens a sentence without being its root.
    cues = [t for t in before if (_is_cue(t) and t.lemma_ not in WEAK_CUES or _issues(t)) and
            (colon or t.dep_ == "ROOT" or t.lower_ == "according")]
    return cues[-1] if cues else None


def _issues(verb: Token) -> bool:
    """ "The trust issued a statement apologising to the crews. '...'": a verb putting out
    a statement, letter or the like, whose words the next quote gives."""
    return verb.pos_ == "VERB" and any(issued_thing(c) for c in verb.children)


def _dash_attribution(text: str, span: MarkedSpan, resolver: SpeakerResolver
                      ) -> tuple[str, int, int] | None:
    """ "...," \u2015 Jane Doe: a name after a dash right behind the closing mark."""
    match = re.match(r"\s*[\u2015\u2014\u2013-]{1,2}\s*", text[span.outer_end:span.outer_end + 8])
    if not match:
        return None
    name_start = span.outer_end + match.end()
    for mention in resolver.people:
        # behind at most a title: "— Dr. Lena Marsh", "— Premier Oren Dahl"
        if mention.start == name_start or mention.start > name_start and \
                re.fullmatch(r"(?:[A-Z][a-z]*\.?\s){1,2}", text[name_start:mention.start]):
            return mention.text, mention.start, mention.end
    return None


def _is_label(text: str, span: MarkedSpan, word_count: int, cue: Token | None) -> bool:
    """Scare quotes, nicknames and titles: "the so-called 'bridge tax'"."""
    before = text[max(0, span.outer_start - 30):span.outer_start].lower().split()
    if before and before[-1].strip(",") in WORK_NOUNS and _titled(text[span.start:span.end]):
        return True  # 'In her 2019 book, "Tides of the Harbour Town,"', 'the film "The Tide"'
    if _titled(text[span.start:span.end]) and \
            re.match(r"\s+by\s+[A-Z]", text[span.outer_end:span.outer_end + 12]):
        return True  # '"The Salt Gatherers" by Edwin Tregarthen': a work and its maker
    if word_count > 4:
        # 'a co-author of "Those Guys Have All the Fun: Inside the World of Sport,"', 'an
        # article titled "..."'
        return word_count <= 12 and _titled(text[span.start:span.end]) and bool(before) and \
            (before[-1] in TITLE_PREPOSITIONS | {"titled", "entitled", "headlined"} or
             _possessive(before[-1]))
    # 'known as the "bridge tax"', 'a blog called the "Tide"'
    named = before[:-1] if before and before[-1] in DETERMINERS else before
    if named and (named[-1] in LABEL_MARKERS or named[-2:] == ["known", "as"]):
        # 'called the plan "a disaster"' is a statement; 'a blog called "Tide"' names it.
        return cue is None or cue.lemma_ != "call" or named[-1] == "so-called" or \
            cue.dep_ in {"acl", "amod"} and not any(c.dep_ == "nsubj" for c in cue.children)
    quoted = text[span.start:span.end]
    if not any(c.isalpha() for c in quoted):
        return True  # "13", "#4471": numbers and codes in marks are not utterances
    titled = _titled(quoted)
    if titled and before and (before[-1] in TITLE_PREPOSITIONS or _possessive(before[-1])):
        # 'she said on "Morning Harbour Hour"', 'a role in "The Tide"', 'Harbour FM's
        # "Morning Tide"'
        return True
    return word_count <= 3 and cue is None or (titled and word_count <= 4 and cue is None)


def _scare_quoted(text: str, span: MarkedSpan) -> bool:
    """Marks around a term the writer holds at arm's length: 'the so-called "bridge tax"',
    'what locals dubbed "the crawl"'."""
    before = text[max(0, span.outer_start - 30):span.outer_start].lower().split()
    named = before[:-1] if before and before[-1] in DETERMINERS else before
    return bool(named) and named[-1] in SCARE_MARKERS


def _titled(quoted: str) -> bool:
    """Every longer word capitalised, as in a title ("The Harbour Morning Show", "The
    Night Shift with Lena Marsh")."""
    words = [w.strip(".,;:!?") for w in quoted.split()]
    # At least one capital: 'the "2 million-plus" people' is no title.
    return any(w[:1].isupper() for w in words) and \
        all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3 and
            w not in TITLE_SMALL_WORDS)


# Things whose words are written, not spoken: 'a shirt that read "Harbour First"'.
# (A caption or a post says what its writer wrote: "the caption reads, '...'" is a quote.)
SIGN_NOUNS = {"sign", "shirt", "t-shirt", "banner", "placard", "poster", "sticker", "button",
              "cap", "hat", "billboard", "plaque", "graffiti", "inscription", "bumper", "mug",
              "badge"}


def _sign(cue: Token) -> bool:
    """ "a shirt that read '...'", "The sign said '...'": written text, not an utterance."""
    if cue.lemma_ not in {"read", "say"}:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"that", "which"} and cue.dep_ == "relcl":
        subject = cue.head
    if subject is None and cue.dep_ in {"acl", "relcl"}:
        subject = cue.head  # "A sign at the site read '...'", parsed as the sign's clause
    return subject is not None and subject.lemma_.lower() in SIGN_NOUNS


def _names_a_thing(doc: Doc, span: MarkedSpan) -> bool:
    """A quoted name or label before the noun it names: 'her "Harbour First" plan', 'the
    "Tidewater" syllabus'. A short phrase only, a title or one word: 'a "very rough" crossing'
    may still be someone's words."""
    text = text_of(doc)
    quoted = text[span.start:span.end].strip(" ,.")
    if len(quoted.split()) > 4 or not (len(quoted.split()) == 1 or _titled(quoted)):
        return False
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    after = doc.char_span(span.outer_end, min(len(text), span.outer_end + 40),
                          alignment_mode="contract")
    if words is None or after is None or not len(after) or after[0].idx > span.outer_end + 1:
        return False
    noun = after[0]
    # 'a "ferocious" fight' may quote a word someone used; 'the "Tidewater" plan' names it.
    one_adjective = len(quoted.split()) == 1 and words.root.pos_ not in {"NOUN", "PROPN"}
    return noun.pos_ == "NOUN" and noun.is_lower and words.root.head == noun and \
        words.root.dep_ in {"compound", "amod", "nmod"} and not one_adjective


def _subhead(text: str, parts: list[MarkedSpan]) -> bool:
    """A short paragraph that is only a quote in single marks, in an article that quotes
    in double marks: a subheading ("'A long way from the harbour.'"), not an utterance."""
    first, last = parts[0], parts[-1]
    line_start = text.rfind("\n", 0, first.outer_start) + 1
    line_end = text.find("\n", last.outer_end)
    line_end = len(text) if line_end < 0 else line_end
    return text[first.outer_start] in "'\u2018" and \
        not text[line_start:first.outer_start].strip() and \
        not text[last.outer_end:line_end].strip() and \
        len(text[first.start:last.end].split()) <= 8 and ('"' in text or "\u201c" in text)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s")) and len(word) > 2


def _direct_or_partial(text: str, span: MarkedSpan, cue: Token | None) -> str:
    """Direct when the quote stands as the utterance, partial when it is woven into prose."""
    before = text[:span.outer_start].rstrip()
    line_start = max(before.rfind("\n"), before.rfind(". "), before.rfind("? "),
                     before.rfind("! "), before.rfind('." '))
    context = before[line_start + 1:].strip() if line_start >= 0 else before
    if not context or before.endswith((":", ",", "\u2014", "\u2013", "-")) or \
            before.endswith((".", "?", "!", '"', "\u201d")):
        return "direct"
    quoted = text[span.start:span.end].rstrip()
    if cue is not None and cue.idx > span.end and quoted.endswith((",", ".", "?", "!")) and \
            quoted[:1].isupper():
        return "direct"
    return "partial"


def _continues_turn(text: str, previous: Quote, start: int) -> bool:
    """A quote that carries on the previous speaker's turn: later in the same paragraph
    (after the attribution, '"X," said Y, a banker. "Z."'), or opening the next one."""
    gap = text[previous.end:start]
    if "\n\n" not in gap:
        return len(gap) < 250
    return gap.count("\n\n") == 1 and len(gap.strip(" \n\"'\u201c\u201d\u2018\u2019")) < 60


def _quote_paragraph_after(text: str, previous: Quote, parts: list[MarkedSpan],
                           resolver: SpeakerResolver) -> bool:
    """A paragraph that is only a quote, a paragraph or two after a person's quote, with no
    one else named in between: the same person goes on ('"I have seen worse," Marsh said.
    / The talks stalled. / "Patience runs out."')."""
    line_start = text.rfind("\n", 0, parts[0].outer_start) + 1
    line_end = text.find("\n", parts[-1].outer_end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:parts[0].outer_start].strip() or \
            text[parts[-1].outer_end:line_end].strip(" .,"):
        return False
    gap = text[previous.end:line_start]
    if len(gap) > 700 or len([p for p in gap.split("\n") if p.strip()]) > 3 or \
            previous.speaker_start is None:
        return False
    speaker = next((m for m in resolver.people if m.start == previous.speaker_start), None)
    if speaker is None:
        return False
    who = resolver.identity.get(speaker.start)
    return not any(previous.end <= m.start < line_start and resolver.who(m) != who
                   for m in resolver.people)


def _indirect_quotes(doc: Doc, article_id: str, inside: bytearray,
                     resolver: SpeakerResolver, marked: list[MarkedSpan]) -> list[Quote]:
    """Reported speech: "X said (that) ...", "according to X, ...", "X warned ..."."""
    quotes = []
    for token in doc:
        if inside[token.idx]:
            continue
        content = _content_span(token, inside)
        if content is None:
            continue
        start, end, content_text = _within_paragraph(text_of(doc), token.idx, *content)
        if end - start < 2 or \
                any(span.outer_start <= start and end <= span.outer_end for span in marked):
            continue
        # A scare-quoted term ('the so-called "bridge tax"') quotes no one: still indirect.
        has_marks = any(start <= span.start < end and not _scare_quoted(text_of(doc), span)
                        for span in marked)
        speaker = resolver.speaker_of(token)
        quote = Quote(article_id, content_text, start, end,
                      "mixed" if has_marks else "indirect", _cue_text(token),
                      speaker[0] if speaker else None,
                      speaker[1] if speaker else None, speaker[2] if speaker else None)
        if len(quote.text.split()) >= 3 and not _mostly_quoted(quote, inside):
            quotes.append(quote)
            resolver.note_reported(token, quote)
    return quotes


def _within_paragraph(text: str, cue: int, start: int, end: int, content: str
                      ) -> tuple[int, int, str]:
    """A content span cut back to the cue's paragraph: the parser sometimes runs a sentence
    across a paragraph break, but reported speech never does."""
    if "\n" not in text[start:end]:
        return start, end, content
    first = max(start, text.rfind("\n", 0, cue) + 1)
    after = text.find("\n", cue)
    last = min(end, len(text) if after < 0 else after)
    while first < last and not text[first].isalnum() and text[first] not in "\"\u201c'\u2018":
        first += 1
    while last > first and text[last - 1] in " ,;:":
        last -= 1
    return first, last, text[first:last]


def _mostly_quoted(quote: Quote, inside: bytearray) -> bool:
    inner = sum(inside[quote.start:quote.end])
    return inner > 0.8 * (quote.end - quote.start)


def _cue_text(token: Token) -> str:
    return "according to" if token.lower_ == "according" else token.text


def _content_span(token: Token, inside: bytearray) -> tuple[int, int, str] | None:
    """The reported content of a speech verb: its start, end and text (cue left out)."""
    if token.lower_ == "according" and _is_cue(token):
        return None if _according_to_a_record(token) else _according_content(token)
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"} or _nobody_speaks(token):
        return None
    if lemma not in INDIRECT_VERBS | COMMISSIVE_CUES:
        # "asked the board to wait" reports a request, "asked whether it was safe" a question.
        asked = (_bidding(token) or _question(token)) if lemma in BIDDING_CUES else None
        return None if asked is None else _content_of(token, [_trim(asked)], inside)
    # 'Everything the mayor says is a lie': a finite clause with no subject of its own
    # is what the sentence says of the thing said, not the words said.
    clauses = [c for c in token.children if c.dep_ == "ccomp" and
               not (c.i > token.i and _subjectless_finite(c))]
    after = [c for c in clauses if c.i > token.i]
    if after:  # "X said (that) CLAUSE"
        pieces = [_trim([t for t in _without_second_statement(after[0])
                         if t.dep_ != "mark" or t.head != after[0]] +
                        _clause_joined_on_the_cue(token, after[0]))]
    elif clauses:  # "CLAUSE, X said."
        # ('Those talks are continuing, he said': "continue" is no report of its own.)
        if clauses[-1].lemma_.lower() in INDIRECT_VERBS - WEAK_CUES and \
                any(c.dep_.startswith("nsubj") for c in clauses[-1].children):
            return None  # "Quell said she had queued. '...,' she told the Courier": two reports
        pieces = [_trim(list(clauses[-1].subtree))]
        # 'X was a juggernaut, Dahl said, until ...' (after a quote, what follows its cue
        # is the writer's: '"We lost," she said, though she added ...')
        rest = [] if any(inside[t.idx] for t in pieces[0]) else \
            _clause_after_attribution(token)
        if rest:
            pieces.append(rest)
    elif (told := _clause_of_the_medium(token)) is not None:  # "said in a statement that"
        pieces = [_trim([t for t in told.subtree if t.dep_ != "mark" or t.head != told])]
    elif (bidden := _bidding(token)) is not None:  # "told his crews to stay in port"
        pieces = [_trim(bidden)]
    elif (promised := _promised(token)) is not None:  # "vowed to reopen the pier"
        pieces = [_trim(promised)]
    elif token.dep_ == "parataxis" and len(list(token.subtree)) <= 12 and \
            any(c.dep_ == "nsubj" for c in token.children):
        # "CLAUSE, X said, CLAUSE": the head's clause around the parenthetical cue (with
        # what the parser hung on the cue: "To see it, X said, go early").
        not_said = [c for c in token.children if _not_said(c)]
        cue_part = _attribution(token) | {t.i for c in not_said for t in c.subtree} | {
            c.i for c in token.children if c.dep_ == "cc" and any(
                n.dep_ == "conj" for n in not_said)}
        clause = [t for t in _clause_head(token).subtree if t.i not in cue_part]
        pieces = [_trim([t for t in clause if t.i < token.i]),
                  _trim([t for t in clause if t.i > token.i])]
    else:
        return None
    return _content_of(token, pieces, inside)


def _attribution(cue: Token) -> set[int]:
    """The words of an attribution set off by commas: its subject, the cue and what
    follows the cue up to the next comma ("the agency said in a June report")."""
    doc = cue.doc
    first = min([c.left_edge.i for c in cue.children if c.dep_.startswith("nsubj")] + [cue.i])
    last = cue.i
    while last + 1 < len(doc) and not doc[last + 1].is_punct and \
            doc[last + 1].dep_ not in {"cc", "mark"} and cue.is_ancestor(doc[last + 1]):
        last += 1
    return set(range(first, last + 1))


def _not_said(part: Token) -> bool:
    """A clause hung on a cue that is no part of what was said: a participle ("..., X said,
    citing the weather"), a relative clause, or another act of the speaker ("and left")."""
    return part.tag_ == "VBG" or part.dep_ in {"relcl", "acl", "appos"} or \
        part.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in part.children)


def _clause_after_attribution(cue: Token) -> list[Token]:
    """The rest of a reported sentence after "CLAUSE, X said,": a clause the parser hung on
    the cue ('Lenox was a juggernaut, Dahl said, until it sank'; '..., the agency said,
    and the rest paid less'), not a participle or another act of the speaker."""
    doc = cue.doc
    end = max(_attribution(cue))
    if end + 1 >= len(doc) or doc[end + 1].text != ",":
        return []
    parts = [c for c in cue.children if c.i > end + 1 and c.dep_ in {"advcl", "conj", "ccomp"}]
    if not parts or any(_not_said(c) for c in parts):
        return []
    words = [t for t in doc[end + 2:parts[-1].right_edge.i + 1]]
    return _trim(words) if all(cue.is_ancestor(t) for t in words) else []


RELATIVE_WORDS = {"which", "who", "whom", "whose"}


def _without_trailing_comment(tokens: list[Token], inside: bytearray) -> list[Token]:
    """Reported words cut before what the writer adds after a comma at their end: a
    relative clause ("..., which forced her to leave early"), a participle ("..., forcing
    them to wait"), an appositive ("..., the presumed favourite") or another source
    ("..., according to the union"), when it runs to the end and stands outside quote
    marks (PolNeAR's Content leaves such additions out)."""
    first = tokens[0].i
    for k in range(len(tokens) - 2, 0, -1):
        comma, head = tokens[k], tokens[k + 1]
        if comma.text != "," or inside[comma.idx] or inside[tokens[-1].idx]:
            continue
        part = head  # the largest phrase that starts right after the comma
        while part.head != part and part.head.left_edge.i == head.i:
            part = part.head
        if part.right_edge.i < tokens[-1].i or part.head.i < first:
            continue
        relative = head.lower_ in RELATIVE_WORDS or head.dep_ == "prep" and k + 2 < len(
            tokens) and tokens[k + 2].lower_ in RELATIVE_WORDS  # ", to which ..."
        if part.dep_ == "relcl" and relative or part.dep_ == "appos" or \
                part.tag_ == "VBG" and part.dep_ in {"advcl", "acl", "xcomp"} or \
                part.lower_ == "according":  # another attribution: ", according to X"
            return _trim(tokens[:k])
    return tokens


def _without_second_statement(clause: Token) -> list[Token]:
    """A reported clause cut before a speech verb joined to it with no subject of its own:
    'said he would order a review and warned against hackers' reports the review; the
    warning is a statement of its own."""
    words = list(clause.subtree)
    # ("said it would cost more but would add jobs": "would add" goes on with the clause.)
    second = next((c for c in clause.children if c.dep_ == "conj" and
                   c.lemma_.lower() in SPEECH_VERBS and c.tag_ in {"VBD", "VBZ"} and
                   not any(a.dep_.startswith("nsubj") or a.dep_ == "aux"
                           for a in c.children)), None)
    if second is None:
        return words
    cut = [t for t in words if t.i < second.left_edge.i]
    while cut and (cut[-1].dep_ == "cc" or cut[-1].is_punct):
        cut.pop()
    return cut


MODALS = {"would", "will", "could", "can", "might", "may", "should", "must"}


def _clause_joined_on_the_cue(cue: Token, clause: Token) -> list[Token]:
    """A clause that goes on with ", but ..." or ", and ..." right after the reported
    clause, hung by the parser on the cue: 'said it would cost more, but would pay off'
    ('said X and warned Y' is another statement, 'said X and left' another act)."""
    doc = cue.doc
    end = clause.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != "," or doc[end + 2].dep_ != "cc" or \
            doc[end + 2].head != cue:
        return []
    verb = next((c for c in cue.children if c.dep_ == "conj" and c.i > end + 2), None)
    if verb is None:
        return []
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
    if verb.lemma_.lower() in SPEECH_VERBS and not modal or \
            doc[end + 3:verb.i].text.count(",") or not (
                modal or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)):
        return []
    return list(doc[end + 1:verb.right_edge.i + 1])


def _subjectless_finite(verb: Token) -> bool:
    """A finite verb with no subject: the rest of a clause whose subject lies outside it."""
    return verb.tag_ in {"VBZ", "VBD", "VBP"} and \
        not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)


def _content_of(token: Token, pieces: list[list[Token]], inside: bytearray
                ) -> tuple[int, int, str] | None:
    """The start, end and text of a cue's content from its one or two runs of words."""
    pieces = [_without_aside(p, inside) for p in pieces]
    pieces = [p for p in pieces if p]
    if pieces:
        pieces[-1] = _without_trailing_comment(pieces[-1], inside)
    # A clause that opens in quote marks is a quote, unless it goes on past them:
    # 'said "bridge tolls" and ferry fees would pay for it' is one mixed quote.
    if not pieces or inside[pieces[0][0].idx] and inside[pieces[-1][-1].idx]:
        return None
    text = text_of(token.doc)
    spans = [(p[0].idx, p[-1].idx + len(p[-1].text)) for p in pieces]
    start = spans[0][0]
    while start > 0 and inside[start - 1]:
        start -= 1  # back to the opening mark: '"bridge tolls" and ...'
    start += dateline_length(text[start:spans[0][1]])  # "PELLHAM - Staff will strike"
    spans[0] = (start, spans[0][1])
    spans[-1] = (spans[-1][0], _past_closing_mark(spans[-1][1], inside))
    joined = text[spans[0][0]:spans[0][1]]
    if len(spans) == 2:
        # "The pier, he said, will ..." drops the comma; "To see it, he said, go ..." keeps it.
        subject_first = any(t.dep_.startswith("nsubj") and t.head == _clause_head(token)
                            for t in pieces[0])
        comma = "," if text.startswith(",", spans[0][1]) and not subject_first else ""
        joined += f"{comma} {text[spans[1][0]:spans[1][1]]}"
    return spans[0][0], spans[-1][1], joined


# Verbs whose passive with "it" still reports speech by someone unnamed ("it was reported
# that", "it was announced that"), unlike "it should be noted" or "it is said".
PASSIVE_SPEECH = {"tell", "inform", "ask", "warn", "urge", "order", "promise", "assure",
                  "report", "reveal", "announce", "confirm", "claim", "allege", "state",
                  "declare"}
# What "according to" cites when it is a measure or a record, not someone speaking.
RECORD_NOUNS = {"data", "index", "figures", "statistics", "numbers", "calculation",
                "calculations", "measure", "standard", "standards", "definition", "map", "chart",
                "formula", "timetable"}


def _nobody_speaks(cue: Token) -> bool:
    """A speech verb with no speaker: 'It should be noted that', 'is said to be', 'too soon
    to say whether', 'worth noting that', "there's no denying", and imperatives ('Now tell
    us this is fair')."""
    children = {c.dep_: c for c in cue.children}
    if "auxpass" in children and "agent" not in children and \
            children.get("nsubjpass") is not None and children["nsubjpass"].lower_ == "it":
        return cue.lemma_.lower() not in PASSIVE_SPEECH
    if cue.dep_ == "xcomp" and cue.head.pos_ in {"ADJ", "ADV"} and \
            any(c.lower_ in {"it", "there"} and c.dep_ in {"nsubj", "expl"}
                for c in cue.head.head.children):
        return True  # 'It is too soon to say', not 'Dahl was willing to say'

    if cue.tag_ == "VBG" and children.get("det") is not None and children["det"].lower_ == "no":
        return True
    return cue.dep_ == "ROOT" and cue.tag_ == "VB" and not any(
        d.startswith("nsubj") or d == "aux" for d in children)


def _according_to_a_record(token: Token) -> bool:
    """ "according to the tide data", "according to his body mass index": a measure, not a
    speaker."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    noun = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return noun is not None and noun.lower_ in RECORD_NOUNS


# Cues that report what someone was told to do: "warned sailors to stay in port".
BIDDING_CUES = {"tell", "warn", "urge", "caution", "ask", "implore", "beg"}
# Cues that report what the speaker undertook to do: "vowed to reopen the pier".
COMMISSIVE_CUES = {"vow", "pledge", "promise", "threaten"}


def _infinitive(cue: Token) -> Token | None:
    """The verb of the "to ..." infinitive a cue governs, after it."""
    return next((c for c in cue.children if c.dep_ in {"xcomp", "ccomp"} and c.i > cue.i and
                 any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _bidding(cue: Token) -> list[Token] | None:
    """The object and the infinitive of "told his crews to stay in port", "urged residents
    to leave": what the speaker told them to do (PolNeAR's Content keeps the listeners two
    times in three)."""
    if cue.lemma_.lower() not in BIDDING_CUES or not _has_subject(cue) or \
            cue.lemma_.lower() not in INDIRECT_VERBS and _reported_within(cue):
        return None  # 'a policy urging staff to report abuse': no one is speaking
    listener = next((c for c in cue.children if c.dep_ in {"dobj", "dative"} and c.i > cue.i),
                    None)
    bid = _infinitive(cue)
    if listener is None or bid is None or bid.i < listener.i:
        return None
    return list(cue.doc[listener.left_edge.i:bid.right_edge.i + 1])


def _reported_within(cue: Token) -> bool:
    """A cue inside words someone else is reported to say ("The council said it had asked
    the company to help"): its request is already part of that report, not a second one."""
    return any(a.pos_ == "VERB" and a.lemma_.lower() in INDIRECT_VERBS for a in cue.ancestors)


def _has_subject(cue: Token) -> bool:
    """A cue with a subject of its own, or joined by "and" to a verb that has one ("Dahl
    thanked the crews and vowed to ..."): someone the words can be given to ('a policy
    urging staff to ...', "vowing to fight on" after a comma name no one for sure). Not
    a cue inside a description of the thing said ("the target it pledged to reach")."""
    verb = cue.head if cue.dep_ == "conj" else cue
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and verb.dep_ == "relcl":
        return subject.lower_ in {"who", "that", "which"}  # "Dahl, who vowed to ..."
    return subject is not None


QUESTION_WORDS = {"whether", "if", "why", "how", "what", "when", "where", "who", "which"}


def _question(cue: Token) -> list[Token] | None:
    """The clause of "asked whether the pier was safe", its question word kept: the words
    of a reported question."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None or not _has_subject(cue) or _reported_within(cue) or \
            clause.left_edge.lower_ not in QUESTION_WORDS:
        return None
    return list(clause.subtree)


def _promised(cue: Token) -> list[Token] | None:
    """The infinitive of "vowed to reopen the pier", "promised not to raise fares": what the
    speaker said they would do ('an app promising to save time' is no one speaking)."""
    if cue.lemma_.lower() not in COMMISSIVE_CUES or not _has_subject(cue) or \
            _reported_within(cue) or \
            any(c.dep_ in {"dobj", "dative"} for c in cue.children):
        return None
    promised = _infinitive(cue)
    if promised is None:
        return None
    return list(cue.doc[promised.left_edge.i:promised.right_edge.i + 1])


def _clause_head(cue: Token) -> Token:
    """The verb of the clause a parenthetical cue interrupts: the parser sometimes hangs
    "Dahl told me" on the subject noun ("The difference now, Dahl told me, is that ...")."""
    head = cue.head
    if head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN"}:
        return head.head
    return head


ASIDE_MARKS = {"-", "--", "\u2014", "\u2013", ";", "("}


def _without_aside(tokens: list[Token], inside: bytearray) -> list[Token]:
    """Reported words cut before the writer's aside after their last quoted phrase: 'said
    it was "a gift" - which, to be clear, it was not' ends at "a gift"."""
    quoted = [k for k, t in enumerate(tokens) if inside[t.idx]]
    if not quoted:
        return tokens
    aside = next((k for k in range(quoted[-1] + 1, len(tokens)) if not inside[tokens[k].idx]
                  and tokens[k].text in ASIDE_MARKS), None)
    return tokens if aside is None else _trim(tokens[:aside])


def _clause_of_the_medium(token: Token) -> Token | None:
    """The clause "said in a statement that CLAUSE" reports, which the parser often hangs
    on the noun ("statement", "interview", "letter") rather than on the verb; and the one
    of "told a meeting of pilots that CLAUSE", hung on the listeners."""
    nouns = [n for prep in token.children if prep.dep_ == "prep" and prep.i > token.i
             for n in prep.children if n.dep_ == "pobj"]
    if token.lemma_.lower() == "tell":
        listeners = [c for c in token.children if c.dep_ in {"dobj", "dative"} and c.i > token.i]
        nouns += listeners + [n for c in listeners for prep in c.children if prep.dep_ == "prep"
                              for n in prep.children if n.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ in {"acl", "relcl", "ccomp"} and \
                    any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
                    and any(c.dep_.startswith("nsubj") for c in clause.children):
                return clause
    return None


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation at both ends of a token run."""
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens


def _according_content(token: Token) -> tuple[int, int, str] | None:
    """ "According to X, CLAUSE." -> CLAUSE; "CLAUSE, according to X." -> CLAUSE;
    "Since May, according to X, CLAUSE." -> "Since May, CLAUSE" (the words around it)."""
    sent = [t for t in token.sent if not t.is_space]  # a paragraph's end is no word
    phrase = list(token.subtree)
    phrase_start, phrase_end = phrase[0].i, phrase[-1].i
    last = sent[-1].i
    after = [t for t in sent if t.i > phrase_end and not (t.is_punct and t.i in
                                                          {phrase_end + 1, last})]
    before = [t for t in sent if t.i < phrase_start and not (t.is_punct and t.i ==
                                                             phrase_start - 1)]
    text = text_of(token.doc)
    if before and len([t for t in after if not t.is_punct]) >= 2:
        if len(before) + len(after) < 3:
            return None
        # The clause goes on after the source: both sides are what X says.
        subject = any(t.dep_.startswith("nsubj") for t in before)  # "Crews, according ..."
        comma = "," if text.startswith(",", before[-1].idx + len(before[-1].text)) and \
            not subject else ""
        joined = f"{_words(text, before)}{comma} {_words(text, after)}"
        return before[0].idx, after[-1].idx + len(after[-1].text), joined
    rest = before if before else after
    if len(rest) < 3:
        return None
    return rest[0].idx, rest[-1].idx + len(rest[-1].text), _words(text, rest)


def _words(text: str, tokens: list[Token]) -> str:
    """The text from the first to the last of a run of tokens."""
    return text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
