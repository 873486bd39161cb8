"""A short extractive brief in which every sentence cites its sources.

Goes in: the story's `Fact`s (with evidence spans and independent-source
counts), the sentence positions behind each fact, and the articles. Comes
out: `SummarySentence`s: exact sentences from the articles, chosen for
coverage of corroborated facts first, then single-source facts worth
knowing, without redundancy (maximal marginal relevance), in time order, each
citing one span per independent source that supports it.

Besides the fact's own weight, a sentence earns credit for the details its
cited spans add that the brief does not cover yet: the words (names, places,
times, actions) that at least two articles of the story use, counted per cited
article. A story's core participants, times and places are the ones several
outlets name, and a detail cited from one more article is one more place the
reader can check it. A sentence that mostly repeats the brief (half of its content
words already used) is skipped, however many new articles it would cite.

A fact is stated in the fewest words its sources offer: the lines of a headline or
dateline that the sentence splitter left on a unit are cut away (the body sentence
stays), and when another original outlet says the same thing much more briefly, its
sentence is quoted instead (or, a little longer, one giving the calendar date of a time
the first tells only as "next month" or "in two weeks", which a brief read later cannot
place). Words saved go to further facts; the brief stays extractive
and its first citation is always the exact span quoted. An independent outlet whose
sentence states a chosen sentence is cited too, even when the aligner paired that
sentence with another fact: the aligner's near matches (scored above its threshold) and
sentences holding all its content words, as long as they give every name and number
and agree on "not" (`unsupported_citation` checks each citation on its own). Copies of one
original and two articles of one outlet count as one source. The selection counts the
details those supporters add as well, but once a sentence is chosen only the details it
states are told: a short sentence citing a lede does not crowd the lede out. A story's
lead events come first: the names a lede shares with later reports do not make it a
repeat. The event independent outlets lead with, each in its own words, is its main
event: such a lede counts each outlet whose lede gives its names, figures and most of its
words as a source, and a lesser fact naming its people, title and day does not make it a
repeat. The brief is in the order of the first report citing each sentence. It quotes
only sentences that read whole: quote marks paired, and quoted words with their speaker
named.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .models import Article, Divergence, Fact, Span, SummarySentence
from .opposites import opposed_words
from .provenance import independent_voices
from .text import (
    MONTH_NAMES,
    NUMBER_WORDS,
    STOPWORDS,
    WEEKDAYS,
    after_dateline,
    content_words,
    copy_kind,
    crude_stem,
    is_negated,
    is_year,
    own_word_runs,
    sentence_spans,
    words,
)

DEFAULT_WORDS = 120
REDUNDANCY = 1.5  # MMR penalty per unit of word overlap with a chosen sentence
DETAIL_WEIGHT = 1.0  # credit per log-count of new shared details in the cited spans
REPEATED = 0.5  # a sentence half of whose content words the brief already uses repeats it
# ... as does one giving only figures the brief gives, with this share of its words.
REPEATED_WITH_FIGURES = 0.4
MIN_WORDS = 6
MIN_WORDS_WITH_FIGURE = 4
MAX_WORDS = 60
CONCISE = 0.8  # quote another original's wording when it takes at most this share of words
NAMES_KEPT = 0.6  # share of its names (capitalised words) a shorter wording must keep
# Share of a sentence's content words (up to inflection) that another outlet's sentence,
# found by its words alone, must state: all of them. At 0.75 "Brandt said customers would
# get a credit" backed "Brandt apologised to customers" (the one word missing was the news).
SUPPORT = 1.0
_DAY_NAMES = WEEKDAYS | MONTH_NAMES - {"may"}  # not "may": a verb far more often
_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
# Words between double quote marks (straight, curly or guillemets), marks included.
_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb')


def summarize(facts: Sequence[Fact], positions: Sequence[Sequence[int]],
              articles: Sequence[Article], sources: dict[str, str], *,
              max_words: int = DEFAULT_WORDS,
              support: Sequence[Sequence[Span]] = ()) -> list[SummarySentence]:
    """Pick fact sentences for the brief and cite every independent source for each.

    Args:
        support: per fact, sentences the aligner matched to it above its threshold but
            grouped elsewhere (`Alignment.support`); cited when they state the same.
    """
    facts, support = _aligned_only(facts, support)
    # What a fact says is both wordings: a brief restatement still repeats the long one.
    said = [set(content_words(fact.text)) for fact in facts]
    sentences = candidate_sentences(facts, articles, sources, support=support)
    candidates = list(sentences)
    voices = independent_voices(articles, sources)
    vocab = {i: said[i] | set(content_words(sentences[i].text)) for i in candidates}
    days = {i: _days(sentences[i].text) for i in candidates}
    relevance = {i: _relevance(facts[i], positions[i] if i < len(positions) else (),
                               sentences[i].text, voices) for i in candidates}
    backed = _credit_shared_ledes(relevance, facts, positions, sentences, articles, voices)
    # The selection already knows every span a sentence will cite, supporters included.
    fresh = _details({i: s.citations for i, s in sentences.items()}, articles, voices)
    figures = {i: _counted(sentences[i].text) for i in candidates}
    chosen: list[int] = []
    used = 0
    while candidates:
        best = max(candidates, key=lambda i: _mmr(i, relevance, vocab, chosen)
                   + DETAIL_WEIGHT * math.log1p(len(fresh[i])))
        candidates.remove(best)
        length = len(sentences[best].text.split())
        repeated = _repeated(best, vocab, chosen)
        # A sentence dated to a day no chosen sentence names tells of another event of
        # the story, whatever names and figures it shares: "issued ... on Monday" is no
        # repeat of "lifted ... on Sunday".
        named_days = set().union(*(days[i] for i in chosen))
        other_day = bool(days[best]) and bool(named_days) and not days[best] & named_days
        # The main event, which other outlets lead with, repeats the brief only when the
        # brief already gives all its words or another lede telling it: a lesser fact
        # naming its people, title and day ("Chief executive Ada Rusk told staff on Monday
        # ...") does not tell it.
        main_event = best in backed and repeated < 1.0 and not backed.intersection(chosen)
        if repeated >= REPEATED and not other_day and not main_event:  # also near-duplicates
            continue
        if repeated >= REPEATED_WITH_FIGURES and figures[best] and not other_day and \
                figures[best] <= set().union(*(figures[i] for i in chosen)):
            continue  # "moving at 12 knots" after "travelling at twelve knots"
        if used + length > max_words and chosen:
            if used >= max_words * 0.8:
                break
            continue
        chosen.append(best)
        used += length
        # Only the details the sentence states are told: the ones its spans merely cite
        # stay new, or a short sentence citing the lede would crowd the lede out.
        told = {(article, word) for article, word in fresh[best] if word in vocab[best]}
        for i in candidates:
            fresh[i] -= told
    published = {a.id: a.timestamp for a in articles}
    # In time order of the first report citing it: a lede quoted from a later outlet's
    # shorter wording still tells the first report's news, and comes first.
    chosen.sort(key=lambda i: (_first_cited((*facts[i].evidence, *sentences[i].citations),
                                            published),
                               min(positions[i] or (0,))))
    return [sentences[i] for i in chosen]


LEDE_SHARED = 0.6  # share of a lede's content words another outlet's lede must give


def _credit_shared_ledes(relevance: dict[int, float], facts: Sequence[Fact],
                         positions: Sequence[Sequence[int]],
                         sentences: dict[int, SummarySentence], articles: Sequence[Article],
                         voices: dict[str, str]) -> set[int]:
    """A story's main event is what independent outlets lead with, each in its own words
    ("Ada Rusk resigned as chief executive on Monday"; "... has stepped down as chief
    executive of Harrowmere Foods, the company said on Monday"): the aligner may group
    none of them, and each lede, single-sourced, then lost to corroborated lesser facts and
    read as a repeat of the names they share. A lede counts as corroborated by every other
    independent outlet whose own lede gives all its names and figures, most
    (`LEDE_SHARED`) of its content words, and agrees on "not". Returns the ledes so
    backed."""
    # Each lede read once, not once per candidate lede fact it is compared with.
    ledes: dict[str, list[_LedeWords]] = defaultdict(list)
    for article in articles:
        first = next(iter(sentence_spans(article.text)), None)
        if first is not None:
            start = after_dateline(article.text, *first)
            ledes[voices.get(article.id, article.id)].append(
                _LedeWords.of(article.text[start:first[1]]))
    backed: set[int] = set()
    for i in relevance:
        if 0 not in (positions[i] if i < len(positions) else ()):
            continue
        own = {voices.get(span.article, span.article)
               for span in (*facts[i].evidence, *sentences[i].citations)}
        told = _LedeWords.of(sentences[i].text)
        backers = sum(1 for voice, words_of in ledes.items() if voice not in own and
                      any(told.backed_by(lede) for lede in words_of))
        if backers:
            heard = len(own)
            relevance[i] += math.log2(1 + heard + backers) - math.log2(1 + heard)
            backed.add(i)
    return backed


@dataclass(frozen=True, slots=True)
class _LedeWords:
    """What the lede check compares of a sentence, read once: its content-word stems, its
    names and figures, the words and numbers it gives, and whether it says "not"."""

    text: str
    stems: frozenset[str]
    names_and_figures: frozenset[str]
    markers: frozenset[str]
    negated: bool

    @classmethod
    def of(cls, text: str) -> _LedeWords:
        return cls(text, frozenset(_stems(text)), frozenset(_names(text) | _figures(text)),
                   frozenset(_markers(text)), is_negated(text))

    def backed_by(self, lede: _LedeWords) -> bool:
        """Another outlet's lede gives most of these words, all names and figures, agrees
        on "not" and states no opposite ("approved" against "rejected")."""
        stems = self.stems
        return bool(stems) and len(stems & lede.stems) >= LEDE_SHARED * len(stems) and \
            self.names_and_figures <= lede.markers and self.negated == lede.negated and \
            not opposed_words(self.text, lede.text)


def _first_cited(citations: Sequence[Span], published: dict[str, float]) -> float:
    return min((published.get(span.article, math.inf) for span in citations),
               default=math.inf)


def disputed_where_stated(sentences: Sequence[SummarySentence],
                          divergences: Sequence[Divergence]) -> list[SummarySentence]:
    """A brief sentence is disputed only when the span it quotes is one outlet's version
    of a divergence: a fact is conflicting when any of its sentences gives another
    figure, but the one quoted may state none ("will close its runway", where a copy
    added "for six weeks")."""
    versions = [v for d in divergences for v in d.versions]
    out = []
    for sentence in sentences:
        quoted = sentence.citations[0] if sentence.citations else None
        stated = quoted is not None and any(
            v.article == quoted.article and v.start < quoted.end and quoted.start < v.end
            for v in versions)
        out.append(replace(sentence, disputed=sentence.disputed and stated))
    return out


def candidate_sentences(facts: Sequence[Fact], articles: Sequence[Article],
                        sources: dict[str, str], *, support: Sequence[Sequence[Span]] = ()
                        ) -> dict[int, SummarySentence]:
    """Every sentence the brief may quote, by fact index, with all its citations.

    Each fact in its shortest clean wording (one `_quotable`: no question, `MIN_WORDS`
    to `MAX_WORDS` words or fewer with a figure), citing the span quoted first, then one
    span per other independent source of its group, the aligner's near matches and other
    sentences that state the same.
    The brief picks from these; a benchmark may too (the same citation rules apply).
    """
    texts = {a.id: a.text for a in articles}
    published = {a.id: a.timestamp for a in articles}
    voices = independent_voices(articles, sources)
    statements = _Statements(articles, sources, voices, published)
    out = {}
    for i, fact in enumerate(facts):
        fact = _restate(fact, texts, sources, voices)
        if not _quotable(fact.text):
            continue
        cited = _all_citations(fact.text, _citations(fact, voices, published, texts),
                               support[i] if i < len(support) else (), statements, texts)
        out[i] = SummarySentence(fact.text, cited, disputed=fact.agreement == "conflicting")
    return out


def unsupported_citation(text: str, span: Span, texts: dict[str, str], *,
                         group: Sequence[Span] = (), first: bool = False) -> list[str]:
    """What a citation fails to back in a brief sentence; an empty list means it supports it.

    The first citation is the sentence itself, word for word. Any other must agree on
    "not", and either lie in `group` (the sentence's fact group and the aligner's near
    matches: the paraphrase model's call), give its amounts (`_amounts`) and contradict
    none of its names, days, months and numbers (`contradicted`), or state
    every name, number and content word of the sentence, up to inflection: a sentence
    that names the same people but says something else about them ("Brandt said
    customers would get a credit" for "Brandt apologised to customers") backs nothing.

    Args:
        group: spans the aligner found to state the same fact as the sentence.
        first: whether this is the sentence's first citation (the span quoted).
    """
    said = texts.get(span.article, "")[span.start:span.end]
    if first:
        return [] if said.strip() == text.strip() else ["(not the span quoted)"]
    if is_negated(said) != is_negated(text):
        return ["(negation)"]
    if any(other.article == span.article and other.start <= span.start < span.end <= other.end
           for other in group):
        return sorted(_amounts(text) - _figures(said)) + contradicted(text, said)
    missing = sorted((_names(text) | _figures(text)) - _markers(said))
    return missing + sorted(_stems(text) - _stems(said))


def contradicted(text: str, said: str) -> list[str]:
    """What `said` gives otherwise than `text`: of each kind (numbers of any size of one
    thing, weekdays, months, other names), the text's own when both give one the other lacks
    ("Friday (Monday)" for "closed until Friday" against "until Monday"; "Varga (Roe)"
    for "Ilse Varga said" against "Tomas Roe said"), a time from the report's day ("in
    two weeks" against "later this month"), a speaker ("Reyes said" against "the
    airline said") and an opposite outcome ("approved (rejected)": `opposites`). A span
    that only leaves a detail out contradicts nothing."""
    found = _figures_contradicted(text, said)
    own_words, other_words = set(words(text)), set(words(said))
    for names in (WEEKDAYS, MONTH_NAMES):
        own, other = own_words & names, other_words & names
        if own - other and other - own:
            instead = ", ".join(sorted(other - own))
            found += [f"{item} ({instead})" for item in sorted(own - other)]
    other_names = _names_contradicted(text, said)
    # another speaker in the same place is another name already ("Officer Tomas Roe")
    return found + other_names + _times_contradicted(text, said) + \
        ([] if other_names else _speakers_contradicted(text, said)) + \
        _quotes_contradicted(text, said) + opposed_words(text, said)


def _quotes_contradicted(text: str, said: str) -> list[str]:
    """A quotation `said` words otherwise than `text`: the same remark (half the words of
    the shorter shared) where neither quotation holds the other word for word ("a tragedy
    that could have been prevented" against "a tragedy which could have been avoided").
    A part of the same words ("because nobody checked") agrees."""
    found = []
    others = _quotations(said)
    for own in _quotations(text):
        if any(_holds(own, other) or _holds(other, own) for other in others):
            continue  # the same words, beside another remark of the same speaker
        for other in others:
            shorter = min(len(own), len(other))
            if len(set(own) & set(other)) * 2 < shorter:
                continue
            found.append(f"\u201c{' '.join(own)}\u201d (\u201c{' '.join(other)}\u201d)")
    return found


def _quotations(text: str) -> list[tuple[str, ...]]:
    """The words of each quotation of `QUOTED_MIN_WORDS` words or more, lower-cased."""
    found = []
    for match in _QUOTATION.finditer(text):
        # "don\u2019t" and "don't" are one word, however an outlet sets its apostrophes
        words = re.findall(r"[\w'\u2019-]+", match.group(1).replace("\u2019", "'"))
        quoted = tuple(w.lower() for w in words)
        if len(quoted) >= QUOTED_MIN_WORDS:
            found.append(quoted)
    return found


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i:i + size] == shorter for i in range(len(longer) - size + 1))


_QUOTATION = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")
QUOTED_MIN_WORDS = 4  # a label in quotation marks ("the 'Green Line'") is no remark


# Times counted from the day of the report ("in two weeks", "later this month", "next
# year", "tomorrow"), as two outlets would write one: the number in words or figures.
_COUNTS = {"a": "1", "an": "1"} | {word: str(n) for word, n in NUMBER_WORDS.items()
                                    if 1 <= n <= 12 and word != "dozen"}
_RELATIVE_TIME = re.compile(
    r"\b(?:(?:later|earlier|early|late|the end of)\s+)?(?:this|next|last|the coming)\s+"
    r"(?:week|weekend|fortnight|month|year|spring|summer|autumn|winter)\b"
    r"|\b(?:in|within)\s+(?:" + "|".join(_COUNTS) + r"|\d+)\s+"
    r"(?:day|week|fortnight|month|year)s?\b"
    r"|\b(?:tomorrow|yesterday)\b", re.IGNORECASE)
# A sentence's first word capitalised as any first word is, shaped as a plural noun
# ("Residents said", "Rescuers said"): people described, no name. (A surname of that shape
# is missed, which only keeps a citation the check could have dropped.)
_PLURAL_NOUN = re.compile(r"(?:ers|ents|ists|ians|als|sses|ours|ors|ants|ees|ies)$")
# Past forms of speech verbs a report's attribution uses ("Reyes said", "said Reyes").
_SPEECH = frozenset({"said", "says", "told", "added", "announced", "stated", "confirmed",
                     "explained", "noted", "wrote", "warned", "insisted", "claimed"})


def _times_contradicted(text: str, said: str) -> list[str]:
    """A time from the report's day that `said` puts otherwise: "in two weeks" against
    "later this month". One holding the other ("later this month", "this month") agrees."""
    own, other = _relative_times(text), _relative_times(said)
    if not own or not other or any(a in b or b in a for a in own for b in other):
        return []
    instead = ", ".join(sorted(other))
    return [f"{time} ({instead})" for time in sorted(own)]


def _relative_times(text: str) -> set[str]:
    found = set()
    for match in _RELATIVE_TIME.finditer(text):
        words = match.group(0).lower().replace("the coming", "next").split()
        time = " ".join(_COUNTS.get(w, w) for w in words)
        found.add(time.replace("1 fortnight", "2 weeks"))  # "in a fortnight"
    return found


def _speakers_contradicted(text: str, said: str) -> list[str]:
    """The text's speaker when `said` gives the words to another and never names them:
    "Reyes said" against "The airline said". A pronoun ("she said") may be anyone."""
    own, other = _speakers(text, named=True), _speakers(said)
    if not own or not other or own & other or own & {w.lower() for w in _TOKEN.findall(said)}:
        return []
    return [f"{speaker} said ({', '.join(sorted(other))})" for speaker in sorted(own)]


def _speakers(text: str, *, named: bool = False) -> set[str]:
    """Who a sentence says spoke, lower-cased: the word before a speech verb ("Reyes",
    "airline"), or the last of the names after it ("said Captain Ana Reyes"). `named`:
    names only ("police said" and "officials said" may tell of one statement)."""
    tokens = _TOKEN.findall(text)
    found = set()
    for i, token in enumerate(tokens):
        if token.lower() not in _SPEECH:
            continue
        if i and tokens[i - 1].lower() not in STOPWORDS:
            if not named or _is_name(tokens[i - 1]) and not (
                    i == 1 and _PLURAL_NOUN.search(tokens[0])):
                found.add(tokens[i - 1].lower())
            continue
        j = i + 1
        while j < len(tokens) and _is_name(tokens[j]):
            j += 1
        if j > i + 1:
            found.add(tokens[j - 1].lower())
    return found


def _names_contradicted(text: str, said: str) -> list[str]:
    """Names of the text that `said` puts another name in the place of: the same word
    beside them ("master Ilse Varga said" against "master Tomas Roe said"). Names of
    other things ("the Kestrel River Bridge" beside "the Dunmore Engineering Institute")
    only add a detail."""
    own, other = _name_runs(text), _name_runs(said)
    their_words = {w.lower() for w in _TOKEN.findall(said)}
    our_words = {w.lower() for w in _TOKEN.findall(text)}
    found = []
    for run, beside in own.items():
        if {w.lower() for w in run} <= their_words:  # "Historic" opening "historic ..."
            continue
        # a run ending in the same word names the same ("CHP Officer Brad Baehr",
        # "California Highway Patrol Officer Brad Baehr"; not "Officer Tomas Roe")
        instead = [" ".join(r) for r, near in other.items()
                   if near & beside and r[-1].lower() != run[-1].lower()
                   and not {w.lower() for w in r} <= our_words]
        if instead:
            found.append(f"{' '.join(run)} ({', '.join(sorted(instead))})")
    return found


def _name_runs(text: str) -> dict[tuple[str, ...], set[str]]:
    """Runs of capitalised words (not days or months) with the words either side of
    each, lower-cased, "before:" or "after:" ("said" counts, "the" and "in" do not)."""
    tokens = _TOKEN.findall(text)
    runs: dict[tuple[str, ...], set[str]] = {}
    i = 0
    while i < len(tokens):
        if not _is_name(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and _is_name(tokens[j]):
            j += 1
        beside = {f"before:{tokens[i - 1].lower()}"} if i else set()
        beside |= {f"after:{tokens[j].lower()}"} if j < len(tokens) else set()
        runs[tuple(tokens[i:j])] = {b for b in beside if b.split(":")[1] not in _NO_PLACE}
        i = j
    return runs


def _is_name(token: str) -> bool:
    return token[0].isupper() and token.lower() not in _NOT_NAMES


_NOT_NAMES = WEEKDAYS | MONTH_NAMES | STOPWORDS


# Words too common beside a name to say two names fill one place ("in Dunmore", "the
# Kestrel"); "said" and titles ("master", "leader") are kept.
_NO_PLACE = frozenset({"the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "by",
                       "for", "from", "with", "s", "'s"})


def _figures_contradicted(text: str, said: str) -> list[str]:
    """Figures of the text that `said` gives another value of, for the same thing:
    "two dock workers" against "four dock workers", "in 1981" against "in 1982"; not "the
    two halves" against "40,000 vehicles"."""
    own, other = _keyed_figures(text), _keyed_figures(said)
    text_figures, said_figures = _figures(text), _figures(said)
    found = []
    for key in sorted(own.keys() & other.keys()):
        extra = other[key] - text_figures
        found += [f"{figure} ({', '.join(sorted(extra))})"
                  for figure in sorted(own[key] - said_figures) if extra]
    return found


def _keyed_figures(text: str) -> dict[str, set[str]]:
    """The text's figures by what they count: a year (1800-2100), else the word after
    them, else the word before ("March 11"), stop words skipped."""
    said = words(text)
    keyed: dict[str, set[str]] = defaultdict(set)
    for i, word in enumerate(said):
        if not _NUMBER.fullmatch(word):
            continue
        after = said[i + 1] if i + 1 < len(said) else ""
        before = said[i - 1] if i else ""
        key = "(year)" if is_year(word) else next(
            (w for w in (after, before) if w and w not in STOPWORDS and not w[0].isdigit()), "")
        keyed[key].add(word)
    return keyed




def _all_citations(text: str, cited: tuple[Span, ...], near: Sequence[Span],
                   statements: _Statements, texts: dict[str, str]) -> tuple[Span, ...]:
    """The fact's own citations, then the aligner's near matches and other sentences that
    state the same, one span per independent source not cited yet. A near match must
    give every name and number of the text and agree on "not", as `_Statements` asks."""
    spans = list(cited)
    roots = {statements.voice(span.article) for span in spans}
    must = _names(text) | _figures(text)
    for span in near:
        root = statements.voice(span.article)
        said = texts.get(span.article, "")[span.start:span.end]
        if root in roots or not statements.original(span.article) \
                or not must <= _markers(said) or is_negated(said) != is_negated(text) \
                or contradicted(text, said):
            continue
        roots.add(root)
        spans.append(span)
    return tuple(spans) + statements.supporting(text, spans)


class _Statements:
    """Every sentence of each original article, to find the outlets that support a sentence.

    The fact groups pair each sentence with at most one sentence per other article (mutual
    best matches), so an outlet that states the same thing in a sentence the aligner paired
    elsewhere, or in one it scored just under its threshold, goes uncited. A sentence of
    an uncited independent source supports a brief's sentence when it names every name and
    number of it and states `SUPPORT` (all) of its content words up to inflection, as
    `unsupported_citation` asks. One outlet is one source (`independent_voices`).
    """

    def __init__(self, articles: Sequence[Article], sources: dict[str, str],
                 voices: dict[str, str], published: dict[str, float]) -> None:
        self.sources = sources
        self.voices = voices
        self.texts = {a.id: a.text for a in articles}
        ordered = sorted((a for a in articles if sources.get(a.id, a.id) == a.id),
                         key=lambda a: (published.get(a.id, math.inf), a.id))
        self.sentences = [(a.id, start, end, _stems(a.text[start:end]),
                           _markers(a.text[start:end]), is_negated(a.text[start:end]))
                          for a in ordered for start, end in sentence_spans(a.text)]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, sentence in enumerate(self.sentences):
            for word in sentence[3]:
                self.postings[word].append(index)

    def supporting(self, text: str, cited: Sequence[Span]) -> tuple[Span, ...]:
        """One best supporting span from each independent source not cited yet."""
        want, must = _stems(text), _names(text) | _figures(text)
        if not want:
            return ()
        negated = is_negated(text)
        best: dict[str, tuple[int, Span]] = {}  # by independent voice
        roots = {self.voice(span.article) for span in cited}
        # A supporter misses at most len(want) - need of the words, so it holds one of the
        # rarest len(want) - need + 1: only their sentences are looked at (big stories).
        need = math.ceil(SUPPORT * len(want))
        rarest = sorted(want, key=lambda word: (len(self.postings.get(word, ())), word))
        seen = sorted({index for word in rarest[:len(want) - need + 1]
                       for index in self.postings.get(word, ())})
        for index in seen:
            article, start, end, their_words, markers, denies = self.sentences[index]
            shared = len(want & their_words)
            voice = self.voice(article)
            if voice in roots or shared < need or not must <= markers \
                    or denies != negated:  # "did not approve" never backs "approved"
                continue
            if contradicted(text, self.texts[article][start:end]):
                continue
            if voice not in best or shared > best[voice][0]:
                best[voice] = (shared, Span(article, start, end))
        # A sentence copying one already cited ("Ferry aground: <it>, the Herald
        # reports") adds no source, whatever provenance made of its article.
        said = _SaidOnce([self._text(span) for span in cited])
        found = []
        for _shared, span in best.values():  # in publication order
            if said.add(self._text(span)):
                found.append(span)
        return tuple(found)

    def _text(self, span: Span) -> str:
        return self.texts.get(span.article, "")[span.start:span.end]

    def voice(self, article: str) -> str:
        return self.voices.get(article, self.sources.get(article, article))

    def original(self, article: str) -> bool:
        return self.sources.get(article, article) == article


class _SaidOnce:
    """Sentences cited so far; a new one counts unless it copies one of them or one of
    them copies it (`text.copy_kind`). Only sentences sharing a run of words with it are
    compared, so a long list of supporters stays cheap."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts: list[str] = []
        self.holders: dict[str, list[int]] = defaultdict(list)  # run of words -> sentences
        for text in texts:
            self._keep(text, own_word_runs(text))

    def add(self, text: str) -> bool:
        """Keep `text` and say True, unless it repeats a sentence kept already."""
        runs = own_word_runs(text)
        near = {index for run in runs for index in self.holders.get(run, ())}
        if any(copy_kind(text, self.texts[i]) or copy_kind(self.texts[i], text)
               for i in sorted(near)):
            return False
        self._keep(text, runs)
        return True

    def _keep(self, text: str, runs: frozenset[str]) -> None:
        for run in runs:
            self.holders[run].append(len(self.texts))
        self.texts.append(text)


def _quotable(text: str) -> bool:
    """A statement the brief can quote: no question, `MIN_WORDS` to `MAX_WORDS` words, or
    fewer when it gives a figure ("Three passengers remain in hospital."), and one that
    reads as a whole sentence on its own (`_reads_whole`)."""
    length = len(text.split())
    shortest = MIN_WORDS_WITH_FIGURE if _figures(text) else MIN_WORDS
    return shortest <= length <= MAX_WORDS and not text.rstrip().endswith("?") \
        and _reads_whole(text)


def _reads_whole(text: str) -> bool:
    """Whether a sentence reads whole out of its article: its double quote marks pair up,
    and words it quotes come with a named speaker outside the marks ("..., Varga said").

    The sentence splitter cuts a quote running over several sentences into pieces, and
    "he said" names nobody once the sentence stands alone in a brief.
    """
    if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d") \
            or text.count("\u00ab") != text.count("\u00bb"):
        return False  # '"We will hand out bottled water ... each day.' (the quote goes on)
    outside = _QUOTED.sub(" ", text)
    if outside == text:
        return True
    words = _TOKEN.findall(outside)
    if text[:1].isupper():
        words = words[1:]  # a sentence's capital is no name: "Asked about it, he said: ..."
    return any(token[0].isupper() and token.lower() not in STOPWORDS for token in words)


def _stems(text: str) -> set[str]:
    """The content words of a text up to inflection ("apologised" = "apologises")."""
    return {crude_stem(word) for word in content_words(text)}


def _counted(text: str) -> set[tuple[str, str]]:
    """The figures a text gives with the word after each: {("12", "knots"), ("11", "crew")}
    from "twelve knots" and "11 crew"."""
    said = words(text)
    return {(word, said[i + 1] if i + 1 < len(said) else "")
            for i, word in enumerate(said) if word.isdigit()}


def _figures(text: str) -> set[str]:
    """The numbers a text gives, as digits: "3" and "three" are one figure, "2.4" one."""
    return {word for word in words(text) if _NUMBER.fullmatch(word)}


def _amounts(text: str) -> set[str]:
    """The figures that state an amount, a count or a date: a fraction or 10 and over
    ("2.4 million", "18,000 households", "March 11", "1981"); not "the two halves"."""
    return {figure for figure in _figures(text) if "." in figure or int(figure) >= 10}


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _markers(text: str) -> set[str]:
    """The words and numbers a name-and-number check compares (case kept)."""
    return set(_TOKEN.findall(text)) | _figures(text)


def _aligned_only(facts: Sequence[Fact], support: Sequence[Sequence[Span]]
                  ) -> tuple[list[Fact], list[Sequence[Span]]]:
    """Facts as whole-sentence alignment groups them: a longer sentence that states a fact
    in one clause (`Fact.backing`) is a supporter, cited when it gives the brief sentence's
    names and numbers like any other, and does not raise the fact's rank (counted as a
    source, such backing cost 0.5 points of coverage on the ECB+ tuning topics)."""
    whole: list[Fact] = []
    extra: list[Sequence[Span]] = []
    for index, fact in enumerate(facts):
        known = tuple(support[index]) if index < len(support) else ()
        if not fact.backing:
            whole.append(fact)
            extra.append(known)
            continue
        kept = len(fact.evidence) - fact.backing
        whole.append(replace(fact, evidence=fact.evidence[:kept], backing=0, backing_sources=0,
                             sources=fact.sources - fact.backing_sources))
        extra.append(known + fact.evidence[kept:])
    return whole, extra


def _relevance(fact: Fact, positions: Sequence[int], text: str,
               voices: dict[str, str]) -> float:
    lead = 1.0 / (1 + min(positions)) if positions else 0.0
    heard = {voices.get(span.article, span.article) for span in fact.evidence}
    corroboration = math.log2(1 + min(fact.sources, len(heard) or fact.sources))
    conflict = 0.5 if fact.agreement == "conflicting" else 0.0
    has_detail = 0.3 if any(ch.isdigit() for ch in text) else 0.0
    return corroboration + lead + conflict + has_detail


def _mmr(index: int, relevance: dict[int, float], vocab: dict[int, set[str]],
         chosen: Sequence[int]) -> float:
    return relevance[index] - REDUNDANCY * _max_overlap(index, vocab, chosen)


def _repeated(index: int, vocab: dict[int, set[str]], chosen: Sequence[int]) -> float:
    """Share of the candidate's content words that the brief already uses."""
    words = vocab[index]
    said = set().union(*(vocab[other] for other in chosen)) if chosen else set()
    return len(words & said) / len(words) if words else 1.0


def _days(text: str) -> set[str]:
    """The weekdays and months a sentence names ("monday", "march")."""
    return {word for word in words(text) if word in _DAY_NAMES}


def _max_overlap(index: int, vocab: dict[int, set[str]], chosen: Sequence[int]) -> float:
    words = vocab[index]
    best = 0.0
    for other in chosen:
        union = words | vocab[other]
        if union:
            best = max(best, len(words & vocab[other]) / len(union))
    return best


def _details(citations: dict[int, tuple[Span, ...]], articles: Sequence[Article],
             voices: dict[str, str]) -> dict[int, set[tuple[str, str]]]:
    """(article, word) pairs of each candidate's cited spans, for words two or more
    independent sources use (a word of one source only is rarely a core detail of the
    story; a reprint repeats its original's words without confirming them)."""
    texts = {a.id: a.text for a in articles}
    by_source: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        by_source[voices.get(article.id, article.id)].update(content_words(article.text))
    usage = Counter(word for words in by_source.values() for word in words)
    return {i: {(span.article, word) for span in spans
                for word in content_words(texts.get(span.article, "")[span.start:span.end])
                if usage[word] >= 2}
            for i, spans in citations.items()}


def _restate(fact: Fact, texts: dict[str, str], sources: dict[str, str],
             voices: dict[str, str]) -> Fact:
    """The fact in its shortest clean wording: its first span becomes the span quoted."""
    if not fact.evidence or fact.evidence[0].article not in texts:
        return fact
    best = _body(fact.evidence[0], texts[fact.evidence[0].article])
    best_words = _word_count(best, texts)
    if fact.agreement == "conflicting":  # quote the figure most independent outlets give
        return _quoted_from(fact, _majority_figure(fact, best, texts, sources, voices), texts)
    names = _names(texts[best.article][best.start:best.end])
    numbers = _figures(texts[best.article][best.start:best.end])
    for span in fact.evidence[1:]:
        if sources.get(span.article, span.article) != span.article or span.article not in texts:
            continue  # a copy never speaks for the group
        body = _body(span, texts[span.article])
        length = _word_count(body, texts)
        said = texts[span.article][body.start:body.end]
        # Aligned sentences may differ in detail: a shorter one must keep most names and
        # every number, and say "not" where the first one does.
        if MIN_WORDS <= length <= best_words * _concise(texts, best, said) \
                and not said.endswith("?") \
                and len(names & _markers(said)) >= NAMES_KEPT * len(names) \
                and numbers <= _figures(said) \
                and is_negated(said) == is_negated(fact.text):
            best, best_words = body, length
    return _quoted_from(fact, best, texts)


def _concise(texts: dict[str, str], best: Span, said: str) -> float:
    """How long another original's wording may be, as a share of the one quoted: shorter
    (CONCISE), or up to DATED_LONGER when it gives the calendar date of a time the quoted
    one tells only from the day it was written ("The ban takes effect next month." against
    "The ban takes effect on December 1."): a brief read later cannot place "next month"."""
    quoted = texts[best.article][best.start:best.end]
    if RELATIVE_TIME.search(quoted) and not RELATIVE_TIME.search(said) and \
            CALENDAR_DATE.search(said):
        return DATED_LONGER
    return CONCISE


DATED_LONGER = 1.5
_UNITS = "day|week|month|year|fortnight"
RELATIVE_TIME = re.compile(
    r"\b(?:(?:next|last|this|coming|past) (?:" + _UNITS + "|" + "|".join(sorted(WEEKDAYS))
    + r")|(?:in|within) (?:a|an|one|two|three|four|five|six|\d+) (?:" + _UNITS +
    r")s?|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)
CALENDAR_DATE = re.compile(
    r"\b(?:(?:" + "|".join(sorted(MONTH_NAMES)) + r")\.? \d{1,2}(?:st|nd|rd|th)?\b|"
    r"\d{1,2}(?:st|nd|rd|th)? (?:" + "|".join(sorted(MONTH_NAMES)) + r")\b)", re.IGNORECASE)


def _majority_figure(fact: Fact, first: Span, texts: dict[str, str],
                     sources: dict[str, str], voices: dict[str, str]) -> Span:
    """The span (of an original) giving the numbers most independent sources give; the
    first span on a tie."""
    backers: dict[frozenset[str], set[str]] = {}
    spans: dict[frozenset[str], Span] = {}
    for span in (first, *fact.evidence[1:]):
        if span.article not in texts:
            continue
        numbers = frozenset(_figures(texts[span.article][span.start:span.end]))
        backers.setdefault(numbers, set()).add(voices.get(span.article, span.article))
        if sources.get(span.article, span.article) == span.article:
            spans.setdefault(numbers, _body(span, texts[span.article]))
    ranked = sorted(spans, key=lambda n: -len(backers[n]))  # stable: the first wins ties
    return spans[ranked[0]] if ranked else first


def _quoted_from(fact: Fact, best: Span, texts: dict[str, str]) -> Fact:
    """The fact quoting `best`, which leads its evidence."""
    if best == fact.evidence[0]:
        return fact
    rest = tuple(span for span in fact.evidence if span != best)
    return replace(fact, text=texts[best.article][best.start:best.end], evidence=(best, *rest))


def _body(span: Span, text: str) -> Span:
    """The span without the headline or dateline the sentence splitter left on it.

    A unit spanning several lines keeps its longest line that reads as a sentence (ends
    in a full stop, question or exclamation mark, with `MIN_WORDS` words or more), else
    its longest line; a one-line unit is only stripped of surrounding blanks.
    """
    lines = [(span.start + m.start(), span.start + m.end())
             for m in _LINE.finditer(text[span.start:span.end])]
    lines = [(start, end) for start, end in lines if text[start:end].strip()]
    if not lines:
        return span
    if len(lines) > 1:
        sentences = [(start, end) for start, end in lines
                     if len(text[start:end].split()) >= MIN_WORDS
                     and _SENTENCE_END.search(text[start:end].rstrip())]
        start, end = max(sentences or lines, key=lambda line: len(text[line[0]:line[1]].split()))
    else:
        start, end = lines[0]
    while start < end and text[start].isspace():
        start += 1
    start = after_dateline(text, start, end)  # "CALDER FALLS (Valley Wire) - About ..."
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(span.article, start, end)


def _names(text: str) -> set[str]:
    """Capitalised words after the first (names of people, places, days, months)."""
    tokens = _TOKEN.findall(text)[1:]  # the first word is capitalised anyway
    content = set(content_words(text))
    return {token for token in tokens if token[0].isupper() and token.lower() in content}


def _word_count(span: Span, texts: dict[str, str]) -> int:
    return len(texts[span.article][span.start:span.end].split())


def _citations(fact: Fact, voices: dict[str, str], published: dict[str, float],
               texts: dict[str, str]) -> tuple[Span, ...]:
    """The span the text was taken from first, then one span per other independent source.

    In a conflicting fact the outlets disagree on a figure, so only spans giving the
    sentence's own numbers support it: the others are the other side of the divergence.
    The aligner's model weighs "not" but may still group "No one was hurt in the fire"
    with "The fire started on Friday": a span that says "not" where the sentence does not
    (or the other way round) is left out, as it is for the sentences `_Statements` adds.
    """
    spans: list[Span] = list(fact.evidence[:1])
    seen = {voices.get(s.article, s.article) for s in spans}
    # A sentence copying the words of one already cited (word for word, inside a label
    # and credit, or one clause of it) was copied: no new source.
    cited = _SaidOnce([texts.get(s.article, "")[s.start:s.end] for s in spans])
    # A span without the sentence's figure does not back it: in a conflicting fact it is
    # the other side of the divergence, and in any fact a span the aligner grouped for
    # its other words ("repairs will take three weeks" for "would cost 2.4 million euros
    # and take three weeks") does not state an amount, a count or a date. Nor does one
    # that gives another name, day, month or number of any size ("until Monday" for
    # "until Friday"): the paraphrase model scores such pairs alike (`contradicted`).
    numbers = _figures(fact.text) if fact.agreement == "conflicting" else _amounts(fact.text)
    negated = is_negated(fact.text)
    for span in sorted(fact.evidence[1:], key=lambda s: published.get(s.article, math.inf)):
        root = voices.get(span.article, span.article)
        said = texts.get(span.article, "")[span.start:span.end]
        if numbers and not numbers <= _figures(said) or is_negated(said) != negated \
                or contradicted(fact.text, said):
            continue
        if root not in seen and cited.add(said):
            seen.add(root)
            spans.append(span)
    return tuple(spans)


