"""A story's sentences as fact candidates, and what alignment and conflict checks read of them.

Goes in: the story's `ArticleAnalysis`es (sentences with content lemmas, numbers, word
cues and clauses) and the provenance independence groups (article id -> the original it
copies). Comes out: one `FactUnit` per sentence that can state a fact (enough content
lemmas, no credit line), with its independence group, its paraphrase view, the figures
it gives and the people it tells of.

`align` groups the units into facts and `conflicts` compares the units of one fact;
the readings of a unit both need live here: its figures of one quantity
(`single_valued`), its event words (`event_words`), the order and the outlet of its
article (`in_order`, `voice`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .credits import is_credit_line
from .models import ArticleAnalysis, Clause, Quote, Sentence, SentenceCues
from .paraphrase import SentenceView, sentence_view
from .text import (
    MONTH_NAMES,
    QUALIFIER,
    SPEAKER_VERBS,
    WEEKDAYS,
    content_words,
    crude_stem,
    dateline_end,
    has_digit,
    number_value,
    opens_article,
    opens_paragraph,
    outlet_key,
)

MIN_FACT_LEMMAS = 3  # content lemmas a sentence needs to state a fact
TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "midnight", "noon",
                          "today", "yesterday", "tonight", "overnight", "dawn"})
_NOT_EVENT_WORDS = WEEKDAYS | MONTH_NAMES | TIMES_OF_DAY


@dataclass(frozen=True, slots=True)
class FactUnit:
    """One sentence as a fact candidate."""

    index: int
    sentence: Sentence
    position: int  # sentence number within its article
    lemmas: frozenset[str]
    numbers: tuple[tuple[str, float], ...]
    source: str  # independence group
    view: SentenceView
    mentioned: frozenset[float]  # every figure the sentence gives, with a unit or without
    clauses: tuple[Clause, ...] = ()  # of a long sentence
    subjects: frozenset[str] = frozenset()  # proper names it tells of (`_subject_names`)
    # where it stands, "article" (its first sentence) or "paragraph" (a later paragraph's
    # first), where a dateline may open it (`text.dateline_end`)
    place: str | None = None


def make_units(analyses: Sequence[ArticleAnalysis], sources: dict[str, str],
               texts: Mapping[str, str] | None = None) -> list[FactUnit]:
    """The story's sentences that can state a fact, numbered in article order.

    Args:
        analyses: each article's sentences with their lemmas, numbers, cues and clauses.
        sources: article id -> its independence group (the original it copies).
        texts: article id -> its text, to tell a later paragraph's first sentence (a
            roundup's item) from one inside a paragraph; without it only an article's
            first sentence may open with a dateline.
    """
    units: list[FactUnit] = []
    for analysis in analyses:
        text = (texts or {}).get(analysis.article_id)
        first = True  # no sentence before this one in its article (`text.opens_article`)
        for position, sentence in enumerate(analysis.sentences):
            if position:
                first = first and opens_article(analysis.sentences[position - 1].text)
            place = "article" if first else "paragraph" if text is not None and \
                opens_paragraph(text, sentence.start) else None
            lemmas = frozenset(analysis.lemmas[position]) if analysis.lemmas else frozenset()
            # A counted figure is a word of the fact: "Three other workers were injured."
            counted = analysis.numbers[position] if analysis.numbers else ()
            if len(lemmas) + bool(counted) < MIN_FACT_LEMMAS or is_credit_line(sentence.text):
                continue
            ordered = analysis.lemmas[position]
            cues = analysis.cues[position] if analysis.cues else SentenceCues((), ordered, ())
            view = sentence_view(sentence.text, ordered, cues.tags, cues.words, cues.links)
            numbers = _time_points(analysis.numbers[position] if analysis.numbers else (),
                                   view)
            clauses = analysis.clauses[position] if analysis.clauses else ()
            units.append(FactUnit(len(units), sentence, position, lemmas, numbers,
                                  sources.get(analysis.article_id, analysis.article_id), view,
                                  _mentioned(numbers, view), clauses, _subject_names(view),
                                  place))
    return units


def _time_points(numbers: Sequence[tuple[str, float]], view: SentenceView
                 ) -> tuple[tuple[str, float], ...]:
    """Figures of time before "ago" as a quantity of their own: "two years ago" is a point
    in time, no span like "for the first time in a hundred years"."""
    said = view.words
    ago = {(said[i - 1], value) for i in range(1, len(said)) if said[i] == "ago"
           for value in _range_before(said, i - 1)}
    return tuple((f"{label}{QUALIFIER}ago" if (label, value) in ago else label, value)
                 for label, value in numbers)


RANGE_WORDS = frozenset({"to", "or", "and", "-", "\u2013"})  # "two to three", "10-12"


def _range_before(said: Sequence[str], unit: int) -> list[float]:
    """The figures written right before word `unit`: one ("five years"), or both ends of a
    range ("two to three years", "four or five", "between 10 and 12"), as each may be the
    figure the sentence's numbers keep."""
    found: list[float] = []
    i = unit - 1
    while i >= 0 and ((value := number_value(said[i])) is not None or
                      found and said[i] in RANGE_WORDS):
        if value is not None:
            found.append(value)
        i -= 1
    return found


def _mentioned(numbers: Sequence[tuple[str, float]], view: SentenceView) -> frozenset[float]:
    found = {value for _label, value in numbers}
    for token in view.numbers:
        try:
            found.add(float(token))
        except ValueError:
            continue  # "10:30", "2-1"
    return frozenset(found)


def _subject_names(view: SentenceView) -> frozenset[str]:
    """The proper names a sentence tells of: not its speakers (the names under a speech
    verb: "Harbour master Ilse Varga said ...", "according to Tomas Roe, ..."), nor days
    and months (a date is no one the fact is about)."""
    speakers = _speaker_words(view)
    return frozenset(name for name in view.names
                     if name not in speakers and name not in WEEKDAYS | MONTH_NAMES)


def _speaker_words(view: SentenceView) -> set[str]:
    """The nouns and names of a sentence's speakers: those under a speech verb ("Harbour
    master Ilse Varga said", "the county roads office said") or after "according to"."""
    children: dict[str, list[str]] = defaultdict(list)
    for link in view.links:
        head, _, child = link.partition(">")
        children[head].append(child)
    nominal = {"PROPN", "NOUN"}
    todo = [c for verb in SPEAKER_VERBS for c in children.get(verb, ())
            if view.tags.get(c) in nominal]
    speakers: set[str] = set()
    while todo:
        item = todo.pop()
        if item not in speakers:
            speakers.add(item)
            todo += [c for c in children.get(item, ()) if view.tags.get(c) in nominal]
    said = view.words
    for i in range(len(said) - 2):
        if said[i:i + 2] == ("accord", "to"):  # "according to Tomas Roe"
            j = i + 2
            while j < len(said) and (said[j] in view.names or said[j] == "the"):
                speakers.add(said[j])
                j += 1
    return speakers


def single_valued(unit: FactUnit) -> list[tuple[str, float]]:
    """Numbers whose unit appears once in the sentence ("two of four piers" tells no
    number of piers), or the part of "N of M" where both count one thing.
    A figure too long for a float (a 400-digit string reads as infinity) is no claim
    either: no outlet's version could be shown as the value it gives; nor is a figure of a
    name (`_counts_a_name`)."""
    counts = Counter(label for label, _value in unit.numbers)
    parts = _parts_of_wholes(unit.sentence.text)
    return [(label, value) for label, value in unit.numbers
            if (counts[label] == 1 or counts[label] == 2 and value in parts) and
            math.isfinite(value) and not _counts_a_name(unit, label, value)]


def _counts_a_name(unit: FactUnit, label: str, value: float) -> bool:
    """A figure whose unit is a name: "Mirela Hollis, 91," (an age) or "Hollis, one of the
    biggest stars" read as 91 or one Hollises; no count of anything. People named for
    their nation or home are counted all the same (`_counts_people`)."""
    name = label.partition(QUALIFIER)[0]
    return unit.view.tags.get(name) == "PROPN" and not _counts_people(unit, name, value)


def _counts_people(unit: FactUnit, name: str, value: float) -> bool:
    """ "Four Britons", "30 Americans": the figure written right before the proper noun,
    which is no abbreviation ("676 RBI", "0300 GMT": a statistic, a time), no edition or
    year ("the 2007 Oscars") and is plural: "the 405 Freeway" or "the 7 Line" is a road's
    or a train's number. A figure further off ("an 11-year veteran of the Chargers")
    counts something else."""
    if not name.endswith(PEOPLE_PLURAL_ENDINGS):
        return False
    said = unit.view.words
    at = said.index(name) if name in said else 0
    before = said[at - 1] if at else ""
    if number_value(before) != value or before.startswith("0") or \
            (len(before) == 4 and before.isdigit()):
        return False
    written = re.search(rf"\b{re.escape(name)}\b", unit.sentence.text, re.IGNORECASE)
    return written is not None and not written[0].isupper()


PEOPLE_PLURAL_ENDINGS = ("s", "ese")  # "Britons", "Icelanders", "Japanese"


# "14 of its 60 pilots": a part of a whole, both counted in one unit
_PART_OF_WHOLE = re.compile(r"([\w.,]+)\s+of\s+(?:its|the|their|his|her|our|all)?\s*([\w.,]+)")


def _parts_of_wholes(text: str) -> set[float]:
    """The parts of "N of (its) M" in a sentence ("14 of its 60 pilots had left" -> 14):
    the sentence claims the part, and the whole is no second value of it."""
    found = set()
    for match in _PART_OF_WHOLE.finditer(text):
        part, whole = number_value(match[1].strip(".,")), number_value(match[2].strip(".,"))
        if part is not None and whole is not None and part < whole:
            found.add(part)
    return found


def event_words(unit: FactUnit) -> set[str]:
    """A sentence's content lemmas without figures, dates, speech verbs and speakers."""
    # the names of speakers, and the word for who spoke ("office" of "the county roads
    # office said"), not its modifiers: "roads" may be what the sentence tells of too
    speakers = (unit.view.names - unit.subjects) | {
        child for link in unit.view.links
        for head, _, child in [link.partition(">")]
        if head in SPEAKER_VERBS and unit.view.tags.get(child) in {"NOUN", "PROPN"}}
    return {lemma for lemma in unit.lemmas
            if not has_digit(lemma) and lemma not in speakers and
            lemma not in SPEAKER_VERBS and lemma not in _NOT_EVENT_WORDS}


def stated(unit: FactUnit) -> str:
    """A sentence as a fact or a divergence quotes it: without a wire dateline opening its
    article or a later paragraph ("CARROWBY, Nov 18 (CNW) - "), cut as the brief cuts it
    (`text.dateline_end`); a sentence inside a paragraph is quoted whole ("KHRA - the
    Kelby harbour authority - said ...")."""
    text = unit.sentence.text.strip()
    return text[dateline_end(text, unit.place):]


def in_order(group: Sequence[FactUnit], published: dict[str, float]) -> list[FactUnit]:
    """A group's sentences in publication order, then by article and place."""
    return sorted(group, key=lambda u: (published.get(u.sentence.article_id, math.inf),
                                        u.sentence.article_id, u.position))


def voice(article_id: str, outlets: dict[str, str]) -> str:
    """An article's outlet as one source (its id when it names no outlet)."""
    return outlet_key(outlets.get(article_id, "")) or article_id


# Quotes whose words are the speaker's own, in quotation marks (not reported speech).
_VERBATIM_KINDS = frozenset({"direct", "partial"})
_SPEECH_STEMS = frozenset({crude_stem(verb) for verb in SPEAKER_VERBS} |
                          {"said", "says", "told", "tells"})


def quoted_words_only(sentence: Sentence, quotes: Sequence[Quote]) -> bool:
    """Whether a sentence is a speaker's quoted words with nobody named in it to say them:
    '"We are working closely with the fire service."' after '..., Falkenrath said.', or
    '"It is out," she said.' Read alone, the outlet does not state it and no one is
    named who does; with its speaker in the sentence ('"...," Falkenrath said.') it is
    that speaker's claim.

    Args:
        sentence: one sentence of an article.
        quotes: the article's quotes, with the spans of their words and of their speaker.
    """
    inside = [(q, pieces) for q in quotes if q.kind in _VERBATIM_KINDS
              for pieces in [_overlapping(q, sentence)] if pieces]
    if not inside:
        return False
    # Words no one is given as saying ('"Three workers died." The coroner confirmed the
    # toll.') are the outlet's own telling: no quote group holds them with a speaker. Words
    # in the first or second person ('"We were never told."') are someone's, though the
    # quote finder found no one: they stay a speaker's words.
    if any(not q.speaker_text and q.speaker_start is None and
           not _spoken_in_person(sentence, pieces) for q, pieces in inside):
        return False
    if any(q.speaker_start is not None and sentence.start <= q.speaker_start < sentence.end
           for q, _pieces in inside):
        return False
    outside = list(sentence.text)
    for _quote, pieces in inside:
        for start, end in pieces:
            outside[start - sentence.start:end - sentence.start] = " " * (end - start)
    # What is left is at most a speech tag ("she said"): no name, no claim of its own.
    return all(word in _SPEECH_STEMS or crude_stem(word) in _SPEECH_STEMS
               for word in content_words("".join(outside)))


# Pronouns only a speaker uses of themself or their listener: an outlet tells in the third.
_PERSONAL_PRONOUNS = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours", "you",
                                "your", "yours"})


def _spoken_in_person(sentence: Sentence, pieces: list[tuple[int, int]]) -> bool:
    """Whether a quote's words in a sentence speak in the first or second person."""
    words = " ".join(sentence.text[start - sentence.start:end - sentence.start]
                     for start, end in pieces)
    return any(word in _PERSONAL_PRONOUNS
               for word in re.findall(r"[a-z]+", words.lower()))  # "we're" -> "we", "re"


def _overlapping(quote: Quote, sentence: Sentence) -> list[tuple[int, int]]:
    """The pieces of a quote's words inside a sentence, clipped to it."""
    return [(max(start, sentence.start), min(end, sentence.end))
            for start, end in quote.parts or ((quote.start, quote.end),)
            if start < sentence.end and end > sentence.start]
