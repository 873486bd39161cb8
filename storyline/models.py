"""Typed records passed between the stages of the data flow.

Goes in: nothing. Comes out: frozen dataclasses and the `StorylineError`
family. No logic beyond small derived properties, no I/O.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

LLM_SOURCE = "llm"  # the `source` of the --llm server's warnings in a dossier's errors
DEFAULT_LLM_MODEL = "gpt-4o-mini"  # the model name sent to an --llm server


class StorylineError(Exception):
    """Base class for errors a user should see as a clean message."""


class StoryNotFound(StorylineError):
    """A story id that the store does not hold."""


class StoreProblem(StorylineError):
    """A --db path that cannot be opened as a Storyline store (path and reason)."""


class InputProblem(StorylineError):
    """One input that cannot be read or parsed (path and reason in the message)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A character span into one article's stored text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested article; `text` is the normalised main text as stored."""

    id: str
    source: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: datetime | None = None
    author: str = ""
    # `key`, hashed on first use: the story path asks for it a dozen times per article.
    # Not a field of the record (no init, compare or repr); `replace` hashes anew.
    _key: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def sha256(self) -> str:
        """Hash of the text alone: equal for verbatim copies in other outlets."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """Hash of the whole record: re-ingesting the same article is a no-op."""
        if self._key is None:
            parts = [self.text, self.title, self.outlet, self.url, self.published_iso or ""]
            key = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
            object.__setattr__(self, "_key", key)  # frozen: set once, as a cache
            return key
        return self._key

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def timestamp(self) -> float:
        """Publication time in seconds; infinity when unknown, so undated sorts last."""
        return self.published.timestamp() if self.published else math.inf

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None

    @property
    def date_only(self) -> bool:
        """The publication time gives the day alone ("Published: 2026-10-06").

        Ingest stores such a date as midnight, so a time of exactly midnight is read as
        "some time that day": sources rarely time an article to the second at 00:00:00.
        """
        moment = self.published
        return moment is not None and (moment.hour, moment.minute, moment.second,
                                       moment.microsecond) == (0, 0, 0, 0)


DAY_SECONDS = 86400.0


def instant(iso: str) -> float:
    """An ISO 8601 publication time as seconds, so times in other zones compare as
    moments ("23:00-05:00" is after "01:00+00:00" the next day); a time without a zone
    is read as UTC, as ingest stores it."""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def published_before(first: Article, second: Article) -> bool:
    """Both dated and `first` certainly the earlier: a date without a time spans its day,
    so against a timed article of the same day the order is unknown."""
    if first.published is None or second.published is None:
        return False
    latest = first.timestamp + (DAY_SECONDS - 1e-3 if first.date_only else 0.0)
    return latest < second.timestamp


@dataclass(frozen=True, slots=True)
class InputError:
    """A problem with one input; `severity` is "error" (skipped) or "warning"."""

    source: str
    reason: str
    severity: str = "error"
    # "input" (reading), "analysis" (a stage failed on a readable article) or "llm"
    stage: str = "input"


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A person or organisation mention in one article.

    `kind` is "name" (a proper name), "nominal" ("the minister"), "description" (a
    person described by a place, people or body: "a Brooklyn mother", "the American"; it
    names someone only beside a name or through the story's words for them) or
    "pronoun"; "candidate" and "headline" are capitalised words not yet known to
    name anyone (see `names.resolve_candidates`), with spaCy's entity label or "" as
    `label`. `name` is the mention with titles and honorifics removed.
    """

    article_id: str
    text: str
    start: int
    end: int
    label: str  # "PERSON" or "ORG"
    name: str
    kind: str = "name"
    role: str | None = None
    honorific: str | None = None
    nickname: str | None = None  # "Kiki" in "Kimani (Kiki) Gray"
    # A description's own name: an offset inside the name it stands beside ("the coach, Dan
    # Marsh"; "Marsh is the coach"), None when the text gives it no name.
    describes: int | None = None
    # "female" or "male" when the text calls the named person "she" or "he" right after.
    pronoun: str | None = None
    # The words around a name that say which kind of thing it is, where they overrule
    # spaCy's label: a body's "firm" (before it: "the Bristol firm Bramley Dawson"), ",
    # firm" (in apposition), "Services" or "(HLS)"; a place's "parent in" ("Parents in
    # Stoke Abbas") or "in". `entity_kinds` settles the name so in the whole story.
    cue: str | None = None
    # Roles the text gives beside `role`: "Councillor Gareth Marr, the cabinet member for
    # education" has the role "councillor" and this one.
    other_roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person or organisation across all articles."""

    id: str
    label: str  # "PERSON" or "ORG"
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[Span, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement with its (unresolved) speaker span.

    `kind` is "direct", "partial", "indirect" or "mixed". `speaker_start`
    and `speaker_end` point at the mention that names the speaker (already
    followed back from a pronoun or a continued turn), or are None.
    """

    article_id: str
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker_text: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    # Start of the first quote of the speaker's turn this quote belongs to: '"X," she
    # said. "Y."' is one turn of two quotes (None for reported speech).
    turn_start: int | None = None
    # The (start, end) pieces `text` joins, each exactly as in the article: two for a
    # quote around its cue ('"We will," he said, "do it."'), else the one span.
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DatePart:
    """One end of a range as TimeML marks it: "Aug. 26 to Oct. 20" is two parts."""

    start: int
    end: int
    text: str
    timex: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression normalised against the article's publication date.

    `value` is ISO 8601 at `precision` ("day", "month", "year", "range"), a
    duration ("P6M", precision "duration"), a recurring time ("P1D" for
    "daily", precision "set"), a reference such as "PAST_REF" (precision
    "ref"), or None when it cannot be resolved (no publication date). Only
    day, month, year and range values are points on the timeline.
    """

    article_id: str
    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    sentence: Sentence
    status: str = "happened"
    clause: str = ""  # the words of the clause the date anchors
    timex: str | None = None  # the same value in TimeML notation ("2026-W11", "P6M")
    parts: tuple[DatePart, ...] = ()  # a range's two ends, each in TimeML notation
    reporting: bool = False  # it dates the report ("said on Tuesday", a dateline), not news
    verb: str = ""  # lemma of the verb the date anchors ("close"), "" when there is none
    no_event: bool = False  # it dates no event: "See you tomorrow", "May feels far off"
    agent: str = ""  # the named speaker "it" stands for: "HLS said it could offer" -> "hls"
    action: str = ""  # lemma of what is done then: "vote" for "the vote will be held on"
    move: str = ""  # "old" / "new" for the date a move leaves / goes to, else ""
    speaker: str = ""  # who "it" is in "The agency said it would ...": "The agency"
    # Its verb has a clause of another event before or after it: "resigned on Tuesday, a
    # day after the office found ..." (`date_clauses.event_told_beside`): that event's
    # verb's lemma ("find") and its clause's words, else "".
    beside_action: str = ""
    beside_words: str = ""
    # When it dates a saying, the words framing what was said: the speech verb, who spoke
    # and to whom ("Harwick police told residents"); else "" (`date_clause_words`).
    frame: str = ""

    @property
    def beside_another(self) -> bool:
        """The sentence tells of two events, and the date is of one."""
        return bool(self.beside_action)


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """Word-level cues of one sentence for the fact scorer (`paraphrase.sentence_view`)."""

    tags: tuple[str, ...]  # coarse part of speech of each content lemma
    words: tuple[str, ...]  # lemma of every word, stop words and "not" included
    links: tuple[str, ...]  # "head>child" dependency arcs between content lemmas


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a long sentence, as the fact scorer sees it: another outlet's short
    sentence may state just this part ("closed on Wednesday" of "closed on Wednesday, and
    engineers began ...")."""

    text: str  # its words, space-joined (a relative clause keeps the noun it describes)
    lemmas: tuple[str, ...]  # content lemmas in text order
    cues: SentenceCues


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the NLP stage learns from one article, free of spaCy types."""

    article_id: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    lemmas: tuple[tuple[str, ...], ...] = ()  # content lemmas per sentence
    numbers: tuple[tuple[tuple[str, float], ...], ...] = ()  # (unit lemma, value) per sentence
    cues: tuple[SentenceCues, ...] = ()  # what the fact scorer compares, per sentence
    problem: str | None = None  # a stage failed on this article, or saw only part of it
    clauses: tuple[tuple[Clause, ...], ...] = ()  # per sentence; none for short sentences


@dataclass(frozen=True, slots=True)
class Provenance:
    """How one article relates to the others (see DESIGN.md `provenance`)."""

    article: str
    kind: str
    of: str | None
    similarity: float
    evidence: tuple[dict[str, object], ...] = ()
    credited: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedQuote:
    id: str
    quote: Quote
    speaker: str | None
    speaker_name: str | None


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    quote: str
    article: str
    text: str
    diff: tuple[tuple[str, str], ...]  # (op, words) with op in "=", "+", "-"


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    id: str
    speaker: str | None
    speaker_name: str | None
    quotes: tuple[str, ...]
    variants: tuple[QuoteVariant, ...]


@dataclass(frozen=True, slots=True)
class FigureUpdate:
    """One day's figure of a running count (`conflicts.figure_updates`): the day (ISO),
    the figure, and the sentence first giving it that day."""

    day: str
    value: str
    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    text: str
    agreement: str  # "corroborated", "single" or "conflicting"
    evidence: tuple[Span, ...]
    sources: int  # independent sources behind it
    outlets: tuple[str, ...] = ()
    # The last `backing` evidence spans are longer sentences one clause of which states the
    # fact (`align._clause_pairs`); `backing_sources` of the sources come only from them.
    backing: int = 0
    backing_sources: int = 0
    # A count that grew over the days it was reported ("two killed", then "rose to five",
    # then "at least seven"): its figure day by day, oldest first; empty for other facts.
    updates: tuple[FigureUpdate, ...] = ()


@dataclass(frozen=True, slots=True)
class DivergenceVersion:
    article: str
    outlet: str
    text: str
    value: str
    start: int
    end: int
    copies: tuple[str, ...] = ()  # articles copying this one, which say the same
    copy_of: str | None = None  # the article this copy changed the figure of


@dataclass(frozen=True, slots=True)
class Divergence:
    id: str
    topic: str
    versions: tuple[DivergenceVersion, ...]
    kind: str = "number"  # "number" (same fact, other figure), "date" (same event),
    # "quote" (the same utterance worded differently by independent outlets) or
    # "opposite" (the same fact told with opposite words: "passed" and "failed")
    event: str | None = None  # the timeline entry a date divergence is about


@dataclass(frozen=True, slots=True)
class EventDate:
    """One date an event is reported with, and the sentences that report it."""

    date: str
    precision: str | None
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One timeline entry. `conflicting` when independent outlets give the event different
    dates; `dates` then holds every date an outlet stands by (the entry's own `date` is the
    one most independent sources give). A date an outlet reported first and replaced in a
    later report is `superseded`, not a conflict."""

    id: str
    date: str | None
    precision: str | None
    status: str
    description: str
    evidence: tuple[Span, ...]
    expression: str = ""
    conflicting: bool = False
    dates: tuple[EventDate, ...] = ()
    time: str | None = None  # "06:40" when the text gives the time of day
    # independent sources reporting it: copies of one original, and one outlet's articles,
    # count once
    sources: int = 1
    # dates an outlet gave in an earlier report and replaced in a later one: an update
    superseded: tuple[EventDate, ...] = ()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Span, ...]
    method: str = "extractive"  # or "llm": rewritten, and checked against `citations`
    disputed: bool = False  # from a conflicting fact: other outlets give other figures


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...] = field(default_factory=tuple)
    topic: str | None = None  # id of the oldest story of its topic (None: not clustered)
