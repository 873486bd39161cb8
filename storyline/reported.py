"""Reported (indirect) speech and mixed quotes, from one parsed article.

Goes in: a spaCy `Doc`, its quote-mark spans and their character mask, and the speaker
resolver (`_indirect_quotes`); then the direct and partial quotes with their cue tokens
(`_mix_partials`).
Comes out: `Quote`s of kind `indirect` ('Dahl said the pier would reopen': the content
of a speech cue as written, with its span, cue and the speaker's mention span) and
`mixed` (reported words holding a quoted phrase: 'She called the plan "a disaster"').
`quotes.extract_quotes` calls both and merges what they find with the direct quotes.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from .marks import MarkedSpan
from .models import Quote
from .names import ORG_NOUNS, ROLE_NOUNS
from .nlp import text_of
from .quote_labels import _scare_quoted
from .speakers import SpeakerResolver
from .speech_cues import INDIRECT_VERBS, SPEECH_VERBS, THOUGHT_CUES, WEAK_CUES, _is_cue
from .text import dateline_length

# The parts of a cue that say what was said: its object, complement or clause.
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl"}
ARGUMENT_DEPS = CLAUSE_DEPS | {"dobj", "dative", "oprd", "prep", "attr", "acomp"}


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
                  and t.text in ASIDE_MARKS), len(tokens))
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
        if len(quote.text.split()) >= 3:
            # Words mostly in marks are left to the direct quotes, but they were still said:
            # a "he said" after them goes on with their speaker.
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
    if lemma in THOUGHT_CUES:
        # What someone thinks, hopes or fears is not what they said (the reported
        # speech is "said", "told", "warned", "according to"); inside a report ("Varga said
        # she thinks the pier will reopen") it is part of Varga's words.
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
        # 'would not say whether X faced charges' keeps its "whether": a question left
        # open, not the speaker's claim that X faced charges.
        pieces = [_trim([t for t in _without_second_statement(after[0])
                         if t.dep_ != "mark" or t.head != after[0] or
                         t.lower_ in {"whether", "if"}] +
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
        head = _clause_head(token)
        clause = [t for t in head.subtree if t.i not in cue_part]
        pieces = [_trim([t for t in clause if t.i < token.i]),
                  _trim([t for t in clause if t.i > token.i])]
        if _lead_in(pieces, head, inside):
            return None
    else:
        return None
    return _content_of(token, pieces, inside)


# Occasions of speaking: 'In an interview with the Courier, Dahl said, "..."'.
OCCASIONS = {"interview", "statement", "speech", "tweet", "post", "letter", "email", "remarks",
             "address", "appearance", "call", "conference", "briefing", "rally", "debate",
             "hearing", "testimony", "memo", "column", "video", "podcast", "broadcast",
             "episode", "message", "release", "session", "meeting", "exchange", "note"}


def _lead_in(pieces: list[list[Token]], head: Token, inside: bytearray) -> bool:
    """Words before "X said," that only tell the occasion of a quotation in marks right after
    it: a participle ('Asked about the delay, she said, "..."'), a phrase naming where it was
    said ('In an interview on Friday, Dahl said, "..."') or a clause on the saying itself
    ('When she first described the plan, she said, "..."'). The quote is direct, not the end
    of a reported sentence; other words before it may be said ('In other words, he said,
    "..."', 'The pier, Dahl said, "will reopen."')."""
    before, after = pieces
    if not before or not after or not inside[after[0].idx] or any(
            t.dep_ in {"nsubj", "nsubjpass"} and t.head == head for t in before):
        return False
    inner = {t.i for t in before}
    roots = [t for t in before if t.head.i not in inner]
    return len(roots) == 1 and _occasion(roots[0])


def _occasion(root: Token) -> bool:
    if root.tag_ in {"VBN", "VBG"} and not any(c.dep_.startswith("nsubj") for c in root.children):
        return True  # "Asked about ...", "Speaking to reporters"
    if root.dep_ == "prep":
        return any(c.dep_ == "pobj" and c.lemma_.lower() in OCCASIONS for c in root.children)
    return root.dep_ == "advcl" and _is_cue(root) and any(
        c.dep_ == "mark" and c.lower_ in {"when", "after", "as"} for c in root.children)


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
    if promised is None or promised.lemma_ == "be" or not _may_speak(cue):
        return None  # "The weekend promises to be busy", "The storm threatened to flood"
    return list(cue.doc[promised.left_edge.i:promised.right_edge.i + 1])


def _may_speak(cue: Token) -> bool:
    """Whether the subject of "promised"/"threatened" can be someone speaking: a name, a
    pronoun for people, a person or a body ("the minister", "the council"), or people in
    the plural ("residents", "workers"); not "the storm" or "it" in a weather report."""
    if cue.lemma_.lower() not in {"promise", "threaten"}:
        return True  # a vow or a pledge is always someone's
    verb = cue.head if cue.dep_ == "conj" else cue
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in {"who", "that", "which"}:
        return True
    if subject.pos_ == "PRON":
        return subject.lower_ not in {"it", "this", "that"}
    return subject.pos_ == "PROPN" or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} \
        or subject.lemma_.lower() in ROLE_NOUNS | ORG_NOUNS or subject.tag_ == "NNS"


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
    if before and _describes_the_source(after):
        after = []  # ", according to the Aid Society, the charity running it."
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


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _describes_the_source(after: list[Token]) -> bool:
    """Words after "according to X," that are one noun phrase with no verb of its own
    ("the charity running it", which the parser may hang from the sentence's verb, not
    from X): they tell what X is, not more of X's claim."""
    words = [t for t in after if not t.is_punct]
    if not words or any(t.tag_ in FINITE_TAGS for t in words):
        return False
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    return len(heads) == 1 and heads[0].pos_ in {"NOUN", "PROPN"} and \
        inside <= {t.i for t in heads[0].subtree}


def _words(text: str, tokens: list[Token]) -> str:
    """The text from the first to the last of a run of tokens."""
    return text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
