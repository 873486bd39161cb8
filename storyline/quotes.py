"""Quotations and reported speech with their speakers, from one parsed article.

Goes in: a spaCy `Doc` of one article and its person/organisation `Mention`s.
Comes out: `Quote`s: the quoted text (exactly as between the quote marks),
its character span, kind (`direct`, `partial`, `indirect`, `mixed`), the
speech cue, and the span of the mention that names the speaker, followed
back through pronouns, "according to", descriptions and continued turns.

This module finds the quotes between quote marks, joins the pieces of one quote and
of one turn, and gives each its cue and speaker. Reported speech and mixed quotes come
from `reported`; the tests that tell a title or label in marks from someone's words,
from `quote_labels`; which words are speech cues, from `speech_cues`.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span, Token

from .marks import MarkedSpan, find_quote_marks
from .mixed_tails import without_own_quotation, without_writers_tail
from .models import Mention, Quote
from .names import CANDIDATE_KINDS
from .nlp import CLOSING_MARKS, text_of
from .quote_labels import _is_label, _names_a_thing, _sign, _subhead
from .reported import _indirect_quotes, _mix_partials
from .speakers import SpeakerResolver, issued_thing
from .speech_cues import PLAIN_CUES, WEAK_CUES, _is_cue


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
        after = _next_spoken(doc, marked, index, cue)
        following = marked[after] if after < len(marked) else None
        join = _join_around_cue(doc, span, following, cue) if following else None
        if join == "clause" and _is_label(text, span, len(text[span.start:span.end].split()),
                                          cue):
            join = None  # 'the anthem "Rise Up," she added, "Vote!"': a title, then a quote
        if join == "clause":
            parts.append(marked[after])  # '"We will," he said, "do it."': one quote
            consumed.add(after)
        quote = _make_quote(doc, article_id, parts, cue, resolver, previous, turn)
        if quote is None:
            continue
        if cue is None and previous is not None and _next_paragraph_of_turn(text, previous, quote):
            quote = dataclasses.replace(quote, turn_start=previous.turn_start)
        quotes.append(quote)
        if cue is not None:
            cues[quote.start] = cue
        previous = quote
        next_cue = own_cue(after) if join == "sentence" else None
        if join == "sentence" and cue is not None and quote.turn_start is not None and \
                (next_cue is None or next_cue.i == cue.i):
            # '"We will," he said. "We must."': a second quote of the same turn, unless
            # it has its own attribution ('"No," said Oren Malik').
            carried[after] = (cue, quote.turn_start)
    trimmed = [without_writers_tail(doc, q, inside)
               for q in _mix_partials(doc, quotes, cues, reported, inside)]
    headed = [without_own_quotation(doc, q, inside) for q in trimmed if q is not None]
    reported = [q for q in headed if q is not None]
    mixed = [q for q in reported if q.kind == "mixed"]
    # A quoted phrase inside a reported clause is part of that one (mixed) quote; a
    # phrase of a word or three that no speech verb governs is a term held at arm's length
    # ('the "fraud" they saw, she said', 'a federal "supermax" prison'), not a quote.
    quotes = [q for q in quotes if not (
        q.kind == "direct" and _ends_a_mixed(doc, q, cues.get(q.start), mixed) or
        q.kind == "partial" and (_inside_mixed(q, mixed) or
                                 _a_term(q.text) and not _governed(doc, cues.get(q.start), q)))]
    starts = {q.start for q in quotes}
    # A turn whose first quote went into a mixed quote starts at its next quote.
    quotes = [q if q.turn_start in starts else dataclasses.replace(q, turn_start=q.start)
              for q in quotes]
    quotes.extend(reported)
    titled = _headline_quote(doc, article_id, mentions, marked)
    if titled is not None:  # it stands for every quote and report inside its words
        quotes = [q for q in quotes if not titled.start <= q.start < titled.end] + [titled]
    quotes.sort(key=lambda q: q.start)
    text = text_of(doc)
    return [_with_parts(text, q) for q in quotes]


def _headline_quote(doc: Doc, article_id: str, mentions: list[Mention],
                    marked: list[MarkedSpan]) -> Quote | None:
    """An article's title line "Speaker: what they said" whose words after the colon hold
    a quotation ("Lena Marsh: Harbour Is 'Better Off Than Ever'", "Dahl on the Levy: Fees
    Are 'Unfair'"): those words are the speaker's, a mixed quote (direct when they are all
    in marks), named by the person or body that opens the line."""
    text = text_of(doc)
    end = text.find("\n")
    colon = text.find(": ", 0, end)
    if not 0 < end <= 250 or colon < 0 or len(text[:colon].split()) > 6:
        return None
    start = colon + 2
    while start < end and text[start] == " ":
        start += 1
    stop = len(text[:end].rstrip(" ."))
    inside = [m for m in marked if start <= m.outer_start and m.outer_end <= end]
    opener = text[:colon].lstrip()
    speaker = next((m for m in mentions if m.start == len(text[:colon]) - len(opener) and
                    m.end <= colon and m.kind in {"name", "headline", "candidate"}), None)
    if not inside or speaker is None or stop <= start or \
            not _name_alone(doc, speaker.start, speaker.end, colon) or \
            _topic_line(text[start:stop], start, inside):
        return None
    whole = len(inside) == 1 and inside[0].outer_start == start and inside[0].outer_end >= stop
    if whole:
        start, stop = inside[0].start, inside[0].end
    return Quote(article_id, text[start:stop], start, stop, "direct" if whole else "mixed", ":",
                 speaker.text, speaker.start, speaker.end, turn_start=start if whole else None)


# Words after a name before a title line's colon that make the line about the person, not
# theirs: 'Ilsa Varga obituary: ...', 'Dahl profile: ...'.
GENRE_WORDS = {"obituary", "profile", "interview", "review", "timeline", "explainer",
               "analysis", "opinion", "editorial", "column", "diary", "portrait", "tribute",
               "biography", "factbox", "q&a", "live", "latest", "updates"}
# A title line's words opening as a question or an explainer tell a story about the one
# named, in the writer's words: 'Marrowby Council: Why the "pier of dreams" failed'.
EXPLAINER_WORDS = {"why", "how", "what", "when", "where", "who", "which", "inside",
                   "behind"}
# A said verb in a title line's words with its sayer named, outside the marks: 'says inspector
# Tomas Reel', 'Reel warns' (the tagger reads headlines too poorly to ask it). Not 'Asking
# Moderator To ...' nor 'If I Would Have Told Hillary ...'.
SAID = r"(?:says|said|warns|warned|claims|claimed|insists|argues|admits|writes|wrote)"
NAMED_SAYER = re.compile(rf"(?i:\b{SAID}\b)\s+(?:[a-z]+\s+){{0,2}}[A-Z]|"
                         rf"\b[A-Z][\w.'\u2019-]*\s+(?i:{SAID})\b")


def _name_alone(doc: Doc, start: int, end: int, colon: int) -> bool:
    """Whether a title line's words before its colon, opening with the name at start:end,
    leave the name alone as the one speaking: nothing after it ('Lena Marsh:'), 'on' and a
    topic ('Dahl on the Levy:') or the name doing something ('Dahl heckles the crowd:');
    not a possessive ("Varga's critics:"), an apposition ('Varga, mayor of X:'), a pairing
    ('Varga vs Brandt:') nor a genre word ('Varga obituary:', also when the tagger took it
    into the name)."""
    text = text_of(doc)
    opener, rest = text[start:colon].lower(), text[end:colon]
    if GENRE_WORDS & set(opener.split()) or "," in opener or \
            re.search(r"\b(?:vs?|versus)\b", opener):
        return False
    after = doc.char_span(end, colon, alignment_mode="expand")
    acts = after is not None and len(after) > 0 and after[0].pos_ == "VERB" and \
        after[0].tag_ in {"VBZ", "VBD", "VBP"}
    return not rest.strip() or re.match(r" on \S", rest) is not None or acts


def _topic_line(words: str, start: int, inside: list[MarkedSpan]) -> bool:
    """A title line's words after the colon that are the writer's about the one named: opening
    as a question or an explainer ('Why the "pier of dreams" failed'), or naming their own
    speaker ('pier is "unsafe", says inspector Tomas Reel')."""
    first = words.split(maxsplit=1)[0].strip("\"'\u2018\u201c").lower() if words.split() else ""
    if first in EXPLAINER_WORDS:
        return True
    outside = list(words)
    for mark in inside:
        outside[mark.outer_start - start:mark.outer_end - start] = \
            " " * (mark.outer_end - mark.outer_start)
    return NAMED_SAYER.search("".join(outside)) is not None


# A paragraph break and the mark that reopens a quotation running on into the next one.
REOPENED = re.compile(r"\s*\n\s*[\"\u201c\u2018']")


def _with_parts(text: str, quote: Quote) -> Quote:
    """The quote with its `parts`; a quotation running over paragraphs is one part a
    paragraph, its words joined without the break and the mark that reopens it."""
    breaks = list(REOPENED.finditer(quote.text)) if quote.kind == "direct" and \
        text[quote.start:quote.end] == quote.text else []
    if breaks:
        parts, at = [], quote.start
        for found in breaks:
            parts.append((at, quote.start + found.start()))
            at = quote.start + found.end()
        parts.append((at, quote.end))
        joined = " ".join(text[start:end] for start, end in parts)
        return dataclasses.replace(quote, text=joined, parts=tuple(parts))
    return dataclasses.replace(quote, parts=quoted_pieces(text, quote.start, quote.end,
                                                          quote.text))


def _inside_mixed(quote: Quote, mixed: list[Quote]) -> bool:
    return any(m.start <= quote.start and quote.end <= m.end + 2 for m in mixed)


def _ends_a_mixed(doc: Doc, quote: Quote, cue: Token | None, mixed: list[Quote]) -> bool:
    """A quote that opens after a comma or colon inside reported words and ends them: 'said
    that if the council agreed, "the pier would reopen."' is one mixed quote, as a partial
    quote there is (not '"X," the narrator says, "Y."', whose cue comes after it)."""
    # (A cue of its own inside the reported words that it hangs on makes it another
    # utterance: 'She said the plan was fair, and when pressed, replied, "..."'; not "if the
    # council were to agree, '...'".)
    own = cue is not None and (_governed(doc, cue, quote) or cue.lemma_ == "put")  # as X put it
    return any(m.start < quote.start - 2 and quote.end <= m.end + 2 and
               (cue is None or cue.idx < m.start or not own) for m in mixed)


def _a_term(quoted: str) -> bool:
    """A quoted phrase of one to three words that ends no clause of its own (no comma or
    stop inside its marks)."""
    return len(quoted.split()) <= 3 and quoted.rstrip()[-1:] not in {",", ".", "?", "!", ";", ":"}


def _governed(doc: Doc, cue: Token | None, quote: Quote) -> bool:
    """Whether a quote's words hang on its cue ('predicted a "ferocious" fight')."""
    words = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return cue is not None and words is not None and cue.is_ancestor(words.root)


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
    # (One character is read after the comma, so the two-character "''" never matches.)
    if text[first_end - 1:first_end] == "," and text[first_end:first_end + 1] not in CLOSING_MARKS:
        first_end -= 1  # the comma before a cue outside quotation marks is not said
    second_start = end - len(rest)
    if rest and first_end <= second_start and text[second_start:end] == rest:
        return ((start, first_end), (second_start, end))
    return ((start, end),)


def _next_spoken(doc: Doc, marked: list[MarkedSpan], index: int, cue: Token | None) -> int:
    """The index of the marks after `marked[index]` that may go on with its words: past a
    title or name in marks inside the attribution that follows it ('"...," Dahl told Harbour
    FM's "Morning Tide" on Monday. "..."', '"...," said Marcia "Cia" Varga. "..."');
    len(marked) when there are none."""
    text = text_of(doc)
    after = index + 1
    # (Before the cue too: '"...!" his niece, Del. Marcia "Cia" Varga, shouted. "..."'.)
    while cue is not None and after + 1 < len(marked) and \
            min(cue.idx, marked[index].outer_end) < marked[after].outer_start < cue.sent.end_char:
        span = marked[after]
        if not (_is_label(text, span, len(text[span.start:span.end].split()), cue) or
                _names_a_thing(doc, span)):
            break
        after += 1
    return after


def _join_around_cue(doc: Doc, span: MarkedSpan, following: MarkedSpan,
                     cue: Token | None) -> str | None:
    """How a quote and the next one relate when only the attribution stands between them:
    "clause" for '"X," he said, "Y."', "sentence" for '"X," he said. "Y."', else None."""
    # (The attribution may be long: '"...," said Oren Dahl, a lawyer who has worked on
    # the levy for years. "..."' is still one turn.)
    if cue is None or not span.end <= cue.idx < following.start or \
            following.start - span.end >= 250:
        return None
    text = text_of(doc)
    between = text[span.outer_end:following.outer_start]
    if "\n" in between:
        return None
    # (A title in marks may end the attribution: 'said on "Morning Tide." "..."'.)
    ending = between.rstrip().rstrip("\"'\u201d\u2019")
    if ending.endswith(",") and following.start - span.end < 80:
        # Only words that break off there ('"We will," he said'), not a phrase before a
        # cue of its own ('called it "a sham" and said, "..."') nor a sentence before the
        # next one's cue ('"We lost." He added, "We will be back."': a turn of two quotes).
        said = text[span.start:span.end].rstrip(" \"'\u201d\u2019")
        if _second_cue(doc, cue, span.outer_end, following.outer_start):
            return None
        # A quote going on in lower case goes on with the sentence the cue broke, whatever
        # stood before the cue ('"Wait!" she shouted, "the pier is falling."').
        goes_on = text[following.start:following.end].lstrip(" .\u2026")[:1].islower()
        if said.endswith(BREAKS) or between.lstrip().startswith(",") or goes_on:
            return "clause"
        return "sentence" if said.endswith((".", "?", "!")) else None
    if not ending.endswith((".", ":")) or \
            text[cue.sent.end_char:following.outer_start].strip():
        return None  # another sentence stands between the cue and the next quote
    if _second_cue(doc, cue, span.outer_end, following.outer_start, asides=True):
        return None
    return "sentence"


def _second_cue(doc: Doc, cue: Token, start: int, end: int, *, asides: bool = False) -> bool:
    """ "X," she said, adding, "Y.": another speech verb between two quotes parts them.
    With `asides`, for an attribution that ends its sentence before the next quote, one
    that only describes the speaker's moment ('said, asked about the delay.') or reports
    words of its own there ('said, noting he would back the others.') does not: the next
    quote still goes on with the first."""
    between = doc.char_span(start, end, alignment_mode="expand")
    return between is not None and any(
        _is_cue(t) and t.i != cue.i and not (asides and _aside_cue(t, end)) for t in between)


def _aside_cue(verb: Token, end: int) -> bool:
    """A speech verb in an attribution that leaves the next quote to the first cue: a
    passive participle with no subject ("asked about the delay") or a verb whose own
    reported clause ends before the next quote ("noting he would back the others")."""
    # (The small model tags the participle of "said, asked about ..." VBD as often as VBN.)
    if verb.tag_ in {"VBN", "VBD"} and verb.dep_ in {"advcl", "acl"} and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return True
    return any(c.dep_ == "ccomp" and c.right_edge.idx < end and c.idx > verb.idx
               for c in verb.children)


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
            # '"...!" US Senator Jane Doe said as she began.': a named subject, then its cue
            named = ending in "?!" and _named_subject_cue(outside[:8]) is not None
            window = 12 if ending == "," or (ending in "?!" and (following[0].is_lower or
                                                                  short)) else \
                8 if named else 4
            # A cue in the next paragraph speaks for what follows it, not for this quote.
            # After a full stop only a plain attribution ('"We lost." Dahl said.'); "Dahl
            # agreed." is someone else's reaction.
            lead = [t for t in outside[:window] if _is_cue(t) and not _negated(t, inside) and "\n"
                    not in text[span.end:t.idx] and (ending != "." or t.lemma_ in PLAIN_CUES)]
            # '"...?" Lena Marsh said about the service, which ...' however long it runs on;
            # 'Dahl said: "..."' introduces the quote after it.
            if lead and (len(outside) <= 12 or window == 12 or
                         ending in "?!" and (lead[0] in outside[:3] or named)) and \
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


# How quoted words break off where a cue interrupts them: '"We will," he said, "do it."'.
BREAKS = (",", "\u2014", "\u2013", "-", "\u2026", "...")

# Conjunctions that make a clause after a quote an event, not its attribution
# ('"The pier is safe," when Varga closed it'); "as" still attributes ("as she said").
EVENT_MARKS = {"when", "while", "after", "before", "because", "since", "if", "although",
               "though", "until", "once", "unless"}


def _named_subject_cue(tokens: list[Token]) -> Token | None:
    """The cue of a sentence opening with its named subject: "US Senator Jane Doe said".
    Not one that reports words of its own: after '"Who pays?"', "Trust Director Lena Osk
    said the trust would pay" answers the question rather than asking it."""
    for token in tokens:
        if _is_cue(token):
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            opening = tokens[:tokens.index(token)]
            named = bool(subjects) and subjects[0].pos_ == "PROPN" and \
                all(t.pos_ in {"PROPN", "PUNCT"} for t in opening)
            own_words = any(c.dep_ == "ccomp" for c in token.children)
            return token if named and not own_words else None
    return None


def _cue_of_another_clause(cue: Token, span: MarkedSpan) -> bool:
    """A speech verb after a quote that opens a clause of its own: '"The pier is safe,"
    when Varga called it closed' tells what happened next, not who spoke."""
    return cue.idx >= span.outer_end and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in EVENT_MARKS for c in cue.lefts)


def _negated(cue: Token, inside: bytearray) -> bool:
    """ '"...?" Ruiz did not reply': what someone did not say is no quote of theirs (a
    "not" the parser hung on the cue from inside the quote does not count)."""
    return any(c.dep_ == "neg" and not inside[c.idx] for c in cue.children)


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
        if token.is_sent_start or inside[token.idx] or "\n" in token.text:
            return None  # (a verb in the next paragraph speaks for what follows it)
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


def _next_paragraph_of_turn(text: str, previous: Quote, quote: Quote) -> bool:
    """A quote with no cue of its own that opens the paragraph after a direct quote and its
    attribution, and goes on with the same speaker: the same turn ('"We will," she said.
    / "We must."'), as a quote after '"We will," she said.' in the same paragraph is."""
    gap = text[previous.end:quote.start]
    # (Only an attribution may end the paragraph before: after '"...," Dahl added. He had a
    # question for the crowd.' the next quote is another turn.)
    attribution = gap[:gap.find("\n")].strip(" \"'\u201d\u2019")
    return previous.kind == quote.kind == "direct" and previous.turn_start is not None and \
        quote.speaker_start is not None and quote.speaker_start == previous.speaker_start and \
        "\n" in gap and _continues_turn(text, previous, quote.start) and \
        not re.search(r"[.?!] ", attribution) and \
        not text[text.rfind("\n", 0, quote.start) + 1:quote.start].strip(" \"'\u201c\u2018")


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
