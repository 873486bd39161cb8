"""The story's timeline: dated events, past and announced, merged across outlets.

Goes in: every article's `DateMention`s (value, precision, status, clause)
and the articles (for publication order). Comes out: `Event`s ordered by
date, each with the evidence spans of every article that reports it. Mentions
of one date are one event when their clauses share enough words, or tell the
same action in other words ("the vote will be held", "councillors will be
voting"; a move's old date joins the plan it calls off). When
outlets report one event differently over time, the latest report's status
wins ("planned" Friday meeting later "postponed" becomes cancelled). When
independent outlets give one event different dates, it stays one entry,
marked `conflicting` with every reported date, and `date_divergences` turns
it into a divergence of the dossier. One outlet is one source: its two
articles count once, and a certainly later report of one outlet giving
another date than its own first report is an update, not a disagreement (the
entry takes the later date and lists the earlier one as `superseded`); a copy
counts at its original's publication. One event told by one outlet at a coarser date
("next month") and by another at a day inside it ("on December 1") is one entry at the
day.
"""

from __future__ import annotations

import calendar
import dataclasses
import math
import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from .align import UnionFind
from .dates import TIMELINE_PRECISIONS
from .event_dates import WEEKDAY_WORD, event_dates
from .models import (
    Article,
    DateMention,
    Divergence,
    DivergenceVersion,
    Event,
    EventDate,
    Fact,
    Sentence,
    Span,
    published_before,
)
from .provenance import independent_voices
from .text import (
    ABBREVIATIONS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    balanced_quotes,
    content_words,
    dateline_length,
    tells_repetition,
)

MERGE_OVERLAP = 0.34
MAX_DESCRIPTION_WORDS = 30
# One event at two dates needs much more shared wording than one event at one date: at
# least this many word stems, covering this share of the shorter clause.
CONFLICT_MIN_SHARED = 4
CONFLICT_OVERLAP = 0.6
# ... or this many, when they are every stem of the shorter clause ("when its east gallery
# reopens on November 21" against "the east gallery of the museum will reopen on ...")
CONFLICT_MIN_SHARED_ALL = 3
# ... or this many, when the two clauses are the same but for the date ("the lease will
# end on 31 January" against "... on 28 February"): every stem of either shared.
CONFLICT_MIN_SHARED_SAME = 2
# The date of saying something, which can be said again on another day; telling someone
# ("told the family on 6 November") is a notice given once.
REPEATABLE_SAYINGS = {"say", "add", "state", "repeat", "write"}


@dataclass
class _Draft:
    value: str | None
    precision: str | None
    mentions: list[DateMention] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)  # the clause without its date, no speech acts
    clauses: list[tuple[DateMention, set[str]]] = field(default_factory=list)  # and per mention
    # What `_matching_draft` asks of every draft, kept as the mentions come in (asking each
    # mention again made the merge quadratic in mentions): their facts, articles, sentences.
    facts: set[str] = field(default_factory=set)
    # ... of them, those whose sentence tells of the dated event alone: "resigned on
    # Tuesday, a day after the office found ..." may be aligned with the finding, and
    # the alignment then says nothing about what Tuesday dates (`_one_fact`).
    dating_facts: set[str] = field(default_factory=set)
    # ... and for the others, the `_root`s of the other events their sentences tell.
    beside_events: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # ... and the `_stems` of those events' clauses, for another verb of one of them
    # ("uncovered the missing funds" against "discovered the missing funds on Monday")
    beside_stems: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    articles: set[str] = field(default_factory=set)
    sentences: set[Sentence] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)  # `_root`s of the mentions' actions
    roots: set[str] = field(default_factory=set)  # `_root`s of `words`
    # those of `words` that frame a saying ("Harwick police told residents", `_frame_words`):
    # shared, they tell nothing of whether what was said is one event
    frame: set[str] = field(default_factory=set)

    @property
    def frame_roots(self) -> set[str]:
        return {_root(w) for w in self.frame}

    def add(self, mention: DateMention, words: set[str], roots: set[str], frame: set[str],
            action: str, facts: set[str]) -> None:
        self.mentions.append(mention)
        self.words |= words
        self.roots |= roots
        self.frame |= frame
        if action:
            self.actions.add(action)
        self.facts |= facts
        if not mention.beside_another:
            self.dating_facts |= facts
        for fact in facts if mention.beside_action else ():
            self.beside_events[fact].add(_root(mention.beside_action))
            self.beside_stems[fact] |= _stems(set(content_words(mention.beside_words)))
        self.articles.add(mention.article_id)
        self.sentences.add(mention.sentence)


def build_timeline(articles: Sequence[Article], dates: Sequence[DateMention],
                   sources: dict[str, str] | None = None, *,
                   facts: Sequence[Fact] = ()) -> list[Event]:
    """Merge date mentions into events; one entry per event, all evidence kept.

    Args:
        sources: article id -> the original it copies (from provenance), so that a
            copy's date joins its original's event even when reworded, and copies never
            count as an outlet disagreeing on a date.
        facts: the story's aligned facts: two mentions of one date in sentences aligned
            as one fact are one event, however differently worded ("buckles would be
            sent out from October 19", "kits will be posted from October 19").
    """
    sources = sources or {}
    fact_of = _facts_of(facts)
    published = {a.id: a.timestamp for a in articles}
    drafts: list[_Draft] = []
    by_value: dict[str | None, list[_Draft]] = defaultdict(list)
    dates = _as_in_the_original(event_dates(dates, {a.id: a.text for a in articles},
                                             {a.id: a.published for a in articles}),
                                sources)
    for mention in sorted(dates, key=lambda m: (published.get(m.article_id, math.inf),
                                                m.article_id, m.start)):
        if mention.precision not in TIMELINE_PRECISIONS and mention.value is not None:
            continue  # durations, recurring times and vague references are not points
        if mention.value is None and not mention.clause:
            continue
        # Without the date's own words: two things done "on Friday" share "friday",
        # which says nothing about whether they are one event.
        date_words = set(content_words(mention.text))
        words = set(content_words(mention.clause or mention.sentence.text)) - date_words
        fact_ids = _fact_ids(mention, fact_of)
        same_value = by_value[mention.value]  # only a draft of the same date can match
        roots, action = {_root(w) for w in words}, _action(mention)
        frame = _frame_words(mention, words)
        target = _matching_draft(same_value, mention, words, roots, frame, action, sources,
                                 fact_ids)
        if target is None:
            target = _Draft(mention.value, mention.precision)
            drafts.append(target)
            same_value.append(target)
        target.add(mention, words, roots, frame, action, fact_ids)
        if not mention.reporting and mention.value is not None:
            # "it could offer a slot" says who through the speaker: "HLS said it could ..."
            stems = _stems(words) | ({mention.agent} if mention.agent else set())
            target.stems |= stems
            target.clauses.append((mention, stems))
    in_sentence: dict[tuple[str, int], list[str]] = defaultdict(list)
    for mention in dates:
        if mention.value is not None and mention.precision in TIMELINE_PRECISIONS:
            in_sentence[(mention.article_id, mention.sentence.start)].append(mention.value)
    repeated = {a.id for a in articles if tells_repetition(a.text)}
    drafts = _fold_nested(_join_days_told_in_full(drafts), sources)
    told_on = {a.id: a.published.date() for a in articles if a.published is not None}
    groups = _same_event_other_date(drafts, sources, in_sentence, repeated, told_on)
    voices = independent_voices(articles, sources)
    # A copy tells what its original said when the original was published: an aggregator
    # repeating an outlet's first report a week later does not make it the outlet's latest.
    by_id = {a.id: a for a in articles}
    told = {a.id: by_id.get(sources.get(a.id, a.id), a) for a in articles}
    events = [_to_event(group, published, voices, told) for group in groups]
    # Within a day, events at a known time of day come in time order, before the rest.
    events.sort(key=lambda e: (e.date is None, _sort_key(e.date), e.time or "~",
                               e.description))
    return [_renumber(event, index) for index, event in enumerate(events, start=1)]


def _as_in_the_original(dates: Sequence[DateMention], sources: dict[str, str]
                        ) -> list[DateMention]:
    """A copy's "today" or "on Monday" means what it meant in the original it copies,
    published earlier: the copy takes the original's value for the same words."""
    values: dict[tuple[str, str], DateMention] = {}
    for mention in dates:
        if sources.get(mention.article_id, mention.article_id) == mention.article_id:
            values.setdefault((mention.article_id, mention.text.lower()), mention)
    copied = []
    aligned = _aligned_in_the_original(dates, sources)
    for mention in dates:
        root = sources.get(mention.article_id, mention.article_id)
        original = values.get((root, mention.text.lower())) if root != mention.article_id \
            else None
        original = original or aligned.get((mention.article_id, mention.start))
        if original is not None and original.value != mention.value:
            mention = dataclasses.replace(mention, value=original.value,
                                          precision=original.precision, timex=original.timex)
        copied.append(mention)
    return copied


def _aligned_in_the_original(dates: Sequence[DateMention], sources: dict[str, str]
                             ) -> dict[tuple[str, int], DateMention]:
    """A reworded copy's sentence and the original's sentence it rewrites ("will hold a
    public assembly subsequent Thursday" for "will hold a public meeting next Thursday"):
    the copy's n-th date there is the original's n-th. Keyed by (copy id, mention start)."""
    by_sentence: dict[tuple[str, int], list[DateMention]] = defaultdict(list)
    for mention in dates:
        by_sentence[(mention.article_id, mention.sentence.start)].append(mention)
    originals: dict[str, list[tuple[set[str], list[DateMention]]]] = defaultdict(list)
    for (article, _), mentions in by_sentence.items():
        if sources.get(article, article) == article:
            originals[article].append((set(content_words(mentions[0].sentence.text)),
                                       mentions))
    found: dict[tuple[str, int], DateMention] = {}
    for (article, _), mentions in by_sentence.items():
        root = sources.get(article, article)
        if root == article or root not in originals:
            continue
        words = set(content_words(mentions[0].sentence.text))
        best = max(originals[root], key=lambda pair: len(pair[0] & words))
        shared = len(best[0] & words)
        if shared < ALIGN_MIN_SHARED or shared / max(1, min(len(best[0]), len(words))) < \
                ALIGN_OVERLAP or len(best[1]) != len(mentions):
            continue
        for mention, original in zip(mentions, best[1], strict=True):
            if not _states_its_date(mention.text):  # a changed fixed date stays the copy's
                found[(article, mention.start)] = original
    return found


def _states_its_date(expression: str) -> bool:
    """ "March 21", "21/03", "2026": a date that reads the same whatever day it is read on,
    unlike "next Thursday"; a copy that gives another one changed it."""
    words = {w.lower().rstrip(".") for w in re.findall(r"[A-Za-z]+\.?", expression)}
    return bool(words & (MONTH_NAMES | MONTH_ABBREVIATIONS)) or \
        re.search(r"\b\d{4}\b|\d{1,2}/\d{1,2}", expression) is not None


ALIGN_MIN_SHARED = 2  # content words a copy's sentence keeps from its original's,
ALIGN_OVERLAP = 0.4  # and their share of the shorter: spinners swap most nouns



def _facts_of(facts: Sequence[Fact]) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the spans of facts stated by more than one article: (start, end, id)."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for fact in facts:
        if len({span.article for span in fact.evidence}) > 1:
            for span in fact.evidence:
                spans[span.article].append((span.start, span.end, fact.id))
    return spans


def _fact_ids(mention: DateMention, fact_of: dict[str, list[tuple[int, int, str]]]
              ) -> set[str]:
    return {fact for start, end, fact in fact_of.get(mention.article_id, ())
            if start <= mention.start < end}


def _matching_draft(drafts: Sequence[_Draft], mention: DateMention, words: set[str],
                    roots: set[str], own_frame: set[str], action: str,
                    sources: dict[str, str], facts: set[str]) -> _Draft | None:
    """The draft the mention joins, None for a new one.

    Args:
        facts: ids of the aligned facts whose sentences hold the mention (`_fact_ids`).
    """
    if mention.value is None:
        return None
    best, best_score = None, 0.0
    root = sources.get(mention.article_id, mention.article_id)
    for draft in drafts:  # (the drafts of the mention's value: `build_timeline` buckets them)
        if facts & draft.facts:
            return draft  # the alignment found one fact: one event, however worded
        from_original = root != mention.article_id and root in draft.articles
        if mention.sentence in draft.sentences:  # (a sentence knows its article)
            return draft
        # Who said it and the saying, framing both, do not count: two sayings of one
        # speaker on one day are one event when what was said is.
        frame = _shared_frame(mention, words, own_frame, draft)
        shared = words & draft.words
        overlap = len(shared - frame) / max(
            1, min(len(words), len(draft.words)) - len(shared & frame))
        if from_original:
            overlap += MERGE_OVERLAP
        elif mention.precision == "day" and action in draft.actions and \
                _same_action(roots, draft.roots, action, {_root(w) for w in frame}):
            # (day precision: in a year, one person hosts two shows)
            overlap = max(overlap, MERGE_OVERLAP)
        if overlap > best_score:
            best, best_score = draft, overlap
    if best_score > 0 and AS_PLANNED.search(mention.clause or mention.sentence.text):
        return best  # "would start as planned on November 2": the plan already told of
    return best if best_score >= MERGE_OVERLAP else None


def _frame_words(mention: DateMention, words: set[str]) -> set[str]:
    """The clause's words that frame a saying ("On 4 March 2025, Harwick police told
    residents near the depot to boil their water": "harwick", "police", "residents"):
    outlets' "Harwick police said ...", "... told ...", "... warned ..." of three deeds
    share them alone. None when the frame is all the clause tells ("the mayor said on
    Monday"): the saying is then the event."""
    frame = words & set(content_words(mention.frame))
    return frame if words - frame else set()


def _shared_frame(mention: DateMention, words: set[str], own_frame: set[str],
                  draft: _Draft) -> set[str]:
    """The frame words the mention and the draft share, to set aside. Not across outlets
    when either tells what was said in a word or two ("the ministry said it would
    resign", "... announced its resignation", "... said it was stepping down"): too few
    to tell one saying from another, and outlets more often retell one statement than
    tell the speaker's others; one article telling the day twice tells two things."""
    frame = own_frame & draft.frame
    if frame and mention.article_id not in draft.articles and min(
            len(words - own_frame), len(draft.words - draft.frame)) < SAID_MIN_WORDS:
        return set()
    return frame


SAID_MIN_WORDS = 3  # words of what was said, besides its frame, to set the frame aside


def _action(mention: DateMention) -> str:
    """The `_root` of what is done at the date; "" for the date of a report."""
    return "" if mention.reporting or not mention.action else _root(mention.action)


def _same_action(mine: set[str], roots: set[str], action: str,
                 frame: Collection[str] = ()) -> bool:
    """One action told in other words, by roots: "pushed the opening of the Line 3 tram
    from April 12" and "the new Line 3 tram will open ... on April 12" share "open" and,
    besides it, "line" and "tram". Besides the action, two roots at least: "the council's
    vote on tram fares" and "the cycling club voting on a new tram route" share only
    "tram", and are two votes. Roots of a saying's `frame` ("Harwick police warned")
    do not count."""
    shared = (mine & roots) - set(frame)
    if len(shared - {action}) < ACTION_MIN_OTHERS:
        return False
    return len(shared) / max(1, min(len(mine), len(roots))) >= MERGE_OVERLAP or \
        len(shared) >= ACTION_MIN_SHARED


ACTION_MIN_OTHERS = 2  # roots the two clauses share besides the action's own
ACTION_MIN_SHARED = 3  # roots of the same action's two clauses, the action's own among them


def _root(word: str) -> str:
    """ "opening" and "open", "voting" and "vote", "closure" and "close" meet."""
    root = ROOT_SUFFIX.sub("", word.lower())
    return root if len(root) >= 3 else word.lower()


ROOT_SUFFIX = re.compile(r"(?:ings?|ions?|ures?|ments?|ed|es|e|s)$")
AS_PLANNED = re.compile(r"\b(?:as (?:planned|scheduled|announced|expected)|on schedule)\b",
                        re.IGNORECASE)


# -- one event, several dates -------------------------------------------------------

def _fold_nested(drafts: Sequence[_Draft], sources: dict[str, str]) -> list[_Draft]:
    """One event told at two precisions ("The ban takes effect next month" by one outlet,
    "The ban takes effect on December 1" by another) is one entry, at the finer date: both
    can be right, so it is no conflict, and two entries read as two events. A coarser draft
    joins the one finer draft inside its dates whose clause is its own (`_same_clause`,
    or one aligned fact), in the same tense, told by other articles; it stays apart when
    two finer drafts would take it (which one is meant?)."""
    spans = [_interval(d.value) if d.value is not None else None for d in drafts]
    by_stem: dict[str, list[int]] = defaultdict(list)
    for index, draft in enumerate(drafts):
        if spans[index] is not None:
            for stem in draft.stems:
                by_stem[stem].append(index)
    inside: dict[int, set[int]] = defaultdict(set)  # coarser draft -> finer ones in it
    for members in by_stem.values():
        if len(members) > 50:
            continue  # a word half the timeline shares says nothing about one event
        for a in members:
            for b in members:
                if _within(spans[b], spans[a]):
                    inside[a].add(b)
    folded: set[int] = set()
    for coarse in sorted(inside):
        finer = [i for i in sorted(inside[coarse])
                 if _one_event_told_finer(drafts[coarse], drafts[i], sources)]
        if len(finer) == 1 and finer[0] not in folded:
            _absorb(drafts[finer[0]], drafts[coarse])
            folded.add(coarse)
    return [draft for index, draft in enumerate(drafts) if index not in folded]


def _join_days_told_in_full(drafts: Sequence[_Draft]) -> list[_Draft]:
    """Drafts of one past day each told with its year ("on 14 March 2024") by other
    articles are one event when they share three roots, or two with the action of one
    ("The collapse happened on 14 March 2024" and "the scaffold collapsed on 14 March
    2024"): a day a report names in full tells one thing the story goes back to, though
    outlets word it too differently for the one-draft rule (`_matching_draft`)."""
    by_day: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.value is not None and _tense(draft) == "past" and \
                all(_in_full(m) for m in draft.mentions):
            by_day[draft.value].append(draft)
    absorbed: set[int] = set()  # ids of the drafts joined into an earlier one
    for same_day in by_day.values():
        joined = True
        while joined:  # a joined draft has more roots, and may now meet another
            joined = False
            live = [d for d in same_day if id(d) not in absorbed]
            for position, later in enumerate(live):
                first = next((d for d in live[:position] if _one_day_in_full(d, later)), None)
                if first is not None:
                    _absorb(first, later)
                    absorbed.add(id(later))
                    joined = True
                    break
    return [draft for draft in drafts if id(draft) not in absorbed]


def _one_day_in_full(a: _Draft, b: _Draft) -> bool:
    if a.articles & b.articles:
        return False  # one article telling the day twice tells two things
    # (of what they tell: "Harwick police said" and "Harwick police told" share two roots)
    shared = (a.roots & b.roots) - (a.frame_roots & b.frame_roots)
    return len(shared) >= FULL_DAY_MIN_SHARED or \
        len(shared) >= FULL_DAY_MIN_SHARED_ACTION and bool(shared & (a.actions | b.actions))


def _in_full(mention: DateMention) -> bool:
    """A day given with its year: "on 14 March 2024", not "on Monday" or "March 14"."""
    return mention.precision == "day" and bool(YEAR.search(mention.text))


YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
FULL_DAY_MIN_SHARED = 3  # roots two clauses of one day told in full share, at least,
FULL_DAY_MIN_SHARED_ACTION = 2  # or this many, one of them what is done


def _within(inner: tuple[date, date] | None, outer: tuple[date, date] | None) -> bool:
    """`inner` lies inside `outer` and is shorter ("2026-12-01" in "2026-12")."""
    return inner is not None and outer is not None and inner != outer and \
        outer[0] <= inner[0] and inner[1] <= outer[1]


def _one_event_told_finer(coarse: _Draft, fine: _Draft, sources: dict[str, str]) -> bool:
    if _tense(coarse) != _tense(fine) or coarse.articles & fine.articles:
        return False
    # Other verbs only for a week or a month ("in two weeks", "next month"): a year or a
    # decade holds too many things of one kind ("point guard for much of the 1980s" and
    # "point guard of the 1983 title team"; "left the FBI in 1973" and "met until November
    # 1973, five months after Felt left the FBI").
    near = _days(coarse.value) <= FOLD_MAX_DAYS
    return _one_fact(coarse, fine) or any(_same_clause(x, y, sources) or
                                          near and _same_thing(x, y, sources)
                                          for x in coarse.clauses for y in fine.clauses)


def _days(value: str | None) -> int:
    """How many days a timeline value covers (0 when it has no interval)."""
    span = _interval(value) if value is not None else None
    return (span[1] - span[0]).days + 1 if span else 0


def _same_thing(a: tuple[DateMention, set[str]], b: tuple[DateMention, set[str]],
                sources: dict[str, str]) -> bool:
    """Two outlets' clauses naming one thing at dates that agree, with other verbs: "the
    council would host a jobs fair in two weeks" and "Pellow has promised a jobs fair on
    December 2". Dates that agree ask less than dates that differ (`_same_clause`): no
    disagreement is claimed, and the coarser date joins only a sole finer candidate."""
    (first, first_stems), (second, second_stems) = a, b
    if sources.get(first.article_id, first.article_id) == \
            sources.get(second.article_id, second.article_id):
        return False
    shared = len(first_stems & second_stems)
    return shared >= FOLD_MIN_SHARED and \
        shared >= FOLD_OVERLAP * min(len(first_stems), len(second_stems))


FOLD_MIN_SHARED = 3  # stems two clauses of one thing at agreeing dates share, at least ...
FOLD_OVERLAP = 0.5  # ... and this share of the shorter clause's
FOLD_MAX_DAYS = 31  # ... when the coarser date is a week or a month


def _absorb(fine: _Draft, coarse: _Draft) -> None:
    """The coarser draft's mentions join the finer draft (which keeps its date)."""
    fine.mentions.extend(coarse.mentions)
    fine.clauses.extend(coarse.clauses)
    for name in ("words", "stems", "facts", "dating_facts", "articles", "sentences",
                 "actions", "roots", "frame"):
        getattr(fine, name).update(getattr(coarse, name))
    for fact, events in coarse.beside_events.items():
        fine.beside_events[fact] |= events
    for fact, stems in coarse.beside_stems.items():
        fine.beside_stems[fact] |= stems

def _same_event_other_date(drafts: Sequence[_Draft], sources: dict[str, str],
                           in_sentence: dict[tuple[str, int], list[str]],
                           repeated: Collection[str] = (),
                           told_on: dict[str, date] | None = None
                           ) -> list[list[_Draft]]:
    """Drafts grouped so that each group is one event; a group of several drafts is one
    event that independent outlets date differently (dates that cannot both be true).
    `repeated`: articles telling of something done again, whose clauses are only joined
    on the full rules (three shared stems or more); `told_on`: article id -> its
    publication day."""
    events = UnionFind(len(drafts))
    by_stem: dict[str, list[int]] = defaultdict(list)
    for index, draft in enumerate(drafts):
        if draft.value is not None and _interval(draft.value) is not None:
            for stem in draft.stems:
                by_stem[stem].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in by_stem.values():
        if len(members) > 50:
            continue  # a word half the timeline shares says nothing about one event
        for position, a in enumerate(members):
            for b in members[position + 1:]:
                shared[(a, b)] += 1
    # Sentences aligned as one fact are compared too, whatever their wording: "told the
    # family on 6 November" dates the telling, whose clause has no stems of its own.
    by_fact: dict[str, list[int]] = defaultdict(list)
    for index, draft in enumerate(drafts):
        if all(m.reporting and m.verb in REPEATABLE_SAYINGS for m in draft.mentions):
            continue  # "Varga said on Saturday", repeating what she said on the day before
        for fact in draft.facts:
            by_fact[fact].append(index)
    for members in by_fact.values():
        for position, a in enumerate(members):
            for b in members[position + 1:]:
                shared[(a, b)] = max(shared[(a, b)], CONFLICT_MIN_SHARED_SAME)
    told_on = told_on or {}
    other_reading: dict[int, int] = {}  # a draft's "next Friday" -> the draft it means
    for (a, b), count in sorted(shared.items()):
        if count < CONFLICT_MIN_SHARED_SAME:
            continue
        if count < CONFLICT_MIN_SHARED_ALL and any(
                m.article_id in repeated for m in (*drafts[a].mentions, *drafts[b].mentions)):
            continue  # "Schools closed on Tuesday" after "for a second day"
        if _told_as_done_before(drafts[a], drafts[b], told_on) or \
                _told_as_done_before(drafts[b], drafts[a], told_on):
            continue
        if _conflict(drafts[a], drafts[b], sources, in_sentence):
            pair = _other_reading(drafts, a, b, told_on)
            if pair is not None:
                other_reading.setdefault(*pair)
                continue
            events.union(b, a)
    for ambiguous, reading in other_reading.items():
        _absorb(drafts[reading], drafts[ambiguous])
    groups: dict[int, list[_Draft]] = defaultdict(list)
    for index, draft in enumerate(drafts):
        if index not in other_reading:
            groups[events.find(index)].append(draft)
    return list(groups.values())


def _told_as_done_before(told: _Draft, other: _Draft, told_on: dict[str, date]) -> bool:
    """`told` tells as done, in a report out before `other`'s dates begin, what `other`
    dates later: two events, not one dated twice ("denies manslaughter over the collapse
    two years ago" on Monday, "was convicted of manslaughter on Tuesday" the next day).
    A report can only tell as done what was done before it came out."""
    span = _interval(other.value) if other.value is not None else None
    return span is not None and any(
        m.status == "happened" and m.article_id in told_on and told_on[m.article_id] < span[0]
        for m in told.mentions)


# "next Friday" said on a Tuesday may be this week's or next week's Friday; "last Friday"
# said on a Saturday the one just gone or the one before.
AMBIGUOUS_WEEKDAY = re.compile(rf"(next|last)\s+{WEEKDAY_WORD}", re.IGNORECASE)


def _other_reading(drafts: Sequence[_Draft], a: int, b: int, told_on: dict[str, date]
                   ) -> tuple[int, int] | None:
    """(ambiguous, reading) when one draft dates the event only by "next Friday" and
    the other gives, in full, the weekday's other reading: not a disagreement ("sentenced
    next Friday", said on Tuesday the 10th and read as the 20th, beside "on Friday, March
    13"). The ambiguous draft joins the other, whose date stays. `told_on`: article id ->
    its publication day."""
    for ambiguous, reading in ((a, b), (b, a)):
        first, second = drafts[ambiguous], drafts[reading]
        if first.precision != "day" or second.precision != "day" or second.value is None:
            continue
        other = {_weekday_other_reading(m, told_on) for m in first.mentions}
        if other == {date.fromisoformat(second.value)} and \
                any(_states_its_date(m.text) for m in second.mentions):
            return ambiguous, reading
    return None


def _weekday_other_reading(mention: DateMention, told_on: dict[str, date]) -> date | None:
    """The other day "next Friday" (read as next week's Friday) may mean: a week earlier,
    only when that day is still ahead in the week it was said in; said on a Thursday,
    "next Tuesday" is next week's alone. "last Friday" (read as the nearest Friday gone)
    may mean a week earlier, only when the nearest lies in the week it was said in.
    None when the words have one reading."""
    match = AMBIGUOUS_WEEKDAY.fullmatch(mention.text.strip())
    said = told_on.get(mention.article_id)
    if match is None or said is None or mention.value is None or mention.precision != "day":
        return None
    read = date.fromisoformat(mention.value)
    other = read - timedelta(days=7)
    if match.group(1).lower() == "next":
        return other if other > said else None
    return other if read.isocalendar()[:2] == said.isocalendar()[:2] else None


def _conflict(a: _Draft, b: _Draft, sources: dict[str, str],
              in_sentence: dict[tuple[str, int], list[str]]) -> bool:
    """Same event (two clauses sharing most of their wording, same tense), dates that
    exclude each other, and outlets that do not copy each other."""
    first, second = _interval(a.value or ""), _interval(b.value or "")
    if first is None or second is None or not _disjoint(first, second):
        return False  # "2026-03" and "2026-03-11" can both be right
    if not _one_fact(a, b) and not any(_same_clause(x, y, sources) and
                                       not _also_dated(x[0], second, in_sentence) and
                                       not _also_dated(y[0], first, in_sentence)
                                       for x in a.clauses for y in b.clauses):
        return False
    if _tense(a) != _tense(b):
        return False  # "met on Monday" and "will meet on Friday": two meetings
    articles_a = {m.article_id for m in a.mentions}
    articles_b = {m.article_id for m in b.mentions}
    if articles_a & articles_b:
        return False  # one article giving both dates is telling of two events
    roots_a = {sources.get(article, article) for article in articles_a}
    roots_b = {sources.get(article, article) for article in articles_b}
    return roots_a != roots_b  # one event; `_current` tells a disagreement from an update


def _one_fact(a: _Draft, b: _Draft) -> bool:
    """The two dates are of sentences aligned as one fact ("An avalanche swept
    across the road on Tuesday afternoon, burying ..." and "An avalanche on Monday night
    closed the road, leaving ..."): one event, however differently worded. Not when
    one sentence tells of two events, one before the other, and the other sentence's
    date is of that other event ("resigned on Tuesday, a day after the office found ..."
    and "The office found on Monday ..."): the alignment matched the event the first
    date is not of. A clause the other sentence does not date ("swept across the road on
    Tuesday after the snow had piled up for a week") leaves the fact one event."""
    return any(not _dates_the_other_event(a, b, fact) and
               not _dates_the_other_event(b, a, fact) for fact in a.facts & b.facts)


def _dates_the_other_event(beside: _Draft, other: _Draft, fact: str) -> bool:
    """`beside` holds `fact` only by sentences telling of another event too, and
    `other`'s date is of an event by that name."""
    if fact in beside.dating_facts:
        return False
    return bool(beside.beside_events.get(fact, set()) & other.actions) or \
        len(beside.beside_stems.get(fact, set()) & other.stems) >= BESIDE_SHARED


BESIDE_SHARED = 2  # stems of the other event's clause that the other date's clause shares


def _disjoint(first: tuple[date, date], second: tuple[date, date]) -> bool:
    return first[1] < second[0] or second[1] < first[0]


def _also_dated(mention: DateMention, other: tuple[date, date],
                in_sentence: dict[tuple[str, int], list[str]]) -> bool:
    """The mention's own sentence also gives the other date: "won an Emmy in 2005 for
    hosting the Tonys in 2004" tells of two events, not of one dated twice."""
    for value in in_sentence.get((mention.article_id, mention.sentence.start), []):
        span = _interval(value)
        if span is not None and not _disjoint(span, other):
            return True
    return False


def _same_clause(a: tuple[DateMention, set[str]], b: tuple[DateMention, set[str]],
                 sources: dict[str, str]) -> bool:
    (first, first_stems), (second, second_stems) = a, b
    if sources.get(first.article_id, first.article_id) == \
            sources.get(second.article_id, second.article_id):
        return False
    # "pushed the opening of the tram from April 12 to May 3" and "the opening of the tram
    # has been postponed to May 10": two verbs, one thing moved to two dates.
    moved = first.move == second.move == "new" and bool(_action(first)) and \
        _action(first) == _action(second)
    if not moved and (not first.verb or first.verb != second.verb):
        return False  # "attempted in 1957" and "acquitted in 1958": two events
    shared = len(first_stems & second_stems)
    overlap = shared / max(1, min(len(first_stems), len(second_stems)))
    return shared >= CONFLICT_MIN_SHARED and overlap >= CONFLICT_OVERLAP or \
        shared >= CONFLICT_MIN_SHARED_ALL and (overlap == 1.0 or
                                               moved and overlap >= CONFLICT_OVERLAP) or \
        shared >= CONFLICT_MIN_SHARED_SAME and (
            first_stems == second_stems or
            # "The scaffold collapsed on 13 March 2024" against "Ormsby's scaffold on
            # Kelland Road collapsed on 14 March 2024": every word of the shorter clause,
            # the same verb, and two days each given with its year, as facts are
            overlap == 1.0 and not moved and _in_full(first) and _in_full(second) and
            not _one_of_several(first) and not _one_of_several(second))


def _one_of_several(mention: DateMention) -> bool:
    """ "The first crane collapsed on 3 May 2023", "A crane collapsed on 9 May 2023": a
    thing of a series, or one newly brought in, may be another of its kind on another day."""
    return bool(ONE_OF_SEVERAL.search(mention.clause or mention.sentence.text))


ONE_OF_SEVERAL = re.compile(r"^(?:a|an)\b|\b(?:first|second|third|fourth|fifth|another)\b",
                            re.IGNORECASE)


def _tense(draft: _Draft) -> str:
    return "past" if any(m.status == "happened" for m in draft.mentions) else "ahead"


@lru_cache(maxsize=4096)  # pairs of drafts compare the same few values many times
def _interval(value: str) -> tuple[date, date] | None:
    """First and last day a timeline value covers ("2026-03" is March 1 to 31)."""
    try:
        first, _, last = value.partition("/")
        return _edge(first, end=False), _edge(last or first, end=True)
    except ValueError:
        return None


def _edge(value: str, *, end: bool) -> date:
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, day)


def _stems(words: set[str]) -> set[str]:
    """Crude stems, so that "closed" and "closing" meet: the first five letters."""
    return {w if w.isdigit() else w[:5] for w in words if not w.isdigit() or len(w) < 4}


# -- events -------------------------------------------------------------------------

def _to_event(group: Sequence[_Draft], published: dict[str, float],
              voices: dict[str, str], told: dict[str, Article]) -> Event:
    """One entry for a group of drafts (one event, one or more dates). `voices` maps an
    article to its independent source (one outlet is one source), `told` to the report
    it tells (a copy's original, else itself)."""
    mentions = [m for draft in group for m in draft.mentions]
    # The latest dated report wins; undated ones count as the oldest.
    latest = max(mentions, key=lambda m: _dated_or_oldest(published[m.article_id]))
    current = _current(group, told, voices)
    main = max(current, key=lambda d: (len({voices.get(m.article_id, m.article_id)
                                            for m in d.mentions}), len(d.mentions),
                                       max(_dated_or_oldest(published[m.article_id])
                                           for m in d.mentions)))
    first = _describing(main, latest.status, published, told)
    ordered = [main, *(d for d in group if d is not main)]
    evidence = tuple(dict.fromkeys(_span(m) for d in ordered for m in d.mentions))
    dates = _event_dates_of(current) if len(current) > 1 else ()
    superseded = _event_dates_of([d for d in group if d not in current])
    clock = next((m.timex[11:16] for m in main.mentions
                  if m.timex and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", m.timex)), None)
    independent = {voices.get(m.article_id, m.article_id) for d in group for m in d.mentions}
    return Event("", main.value, main.precision, latest.status,
                 describe(_named_subject(first)), evidence, first.text,
                 conflicting=len(current) > 1, dates=dates, time=clock,
                 sources=len(independent), superseded=superseded)


def _describing(draft: _Draft, status: str, published: dict[str, float],
                told: dict[str, Article]) -> DateMention:
    """The mention to describe the entry by: the first mention when it tells the entry's
    status, else the latest report that does ("the fare plan was approved on March 4" for
    a vote first told as one that "will" be held, which then happened), an original's
    before a copy's (`told`: article id -> the report it tells): a spun copy published
    after its wire would describe the entry in its swapped words (walk25); failing both,
    the first mention."""
    said = [m for m in draft.mentions if m.status == status]
    if not said or draft.mentions[0].status == status:
        return draft.mentions[0]
    return max(said, key=lambda m: (m.article_id not in told or
                                     told[m.article_id].id == m.article_id,
                                     _dated_or_oldest(published[m.article_id])))


def _current(group: Sequence[_Draft], told: dict[str, Article],
             voices: dict[str, str]) -> list[_Draft]:
    """The dates each source stands by: those of its latest report. A date only given in
    a source's earlier report, which a certainly later report of the same outlet replaced
    ("in January 2027", then "in September 2027"), is an update, not a disagreement; two
    reports whose order is unknown (same time, same day without a time, both undated)
    giving two dates both stand, a conflict.

    Args:
        told: article id -> the report it tells (a copy's original, else itself).
    """
    if len(group) == 1:
        return list(group)
    reports: dict[str, list[tuple[Article, int]]] = defaultdict(list)  # voice -> (report, draft)
    for index, draft in enumerate(group):
        for mention in draft.mentions:
            voice = voices.get(mention.article_id, mention.article_id)
            reports[voice].append((told[mention.article_id], index))
    standing = {index for told_by in reports.values() for report, index in told_by
                if not any(_replaced(report, other) for other, _ in told_by)}
    return [draft for index, draft in enumerate(group) if index in standing]


def _replaced(report: Article, other: Article) -> bool:
    """`other` certainly came out after `report`; an undated report counts as the oldest."""
    if report.published is None:
        return other.published is not None
    return published_before(report, other)


def _event_dates_of(drafts: Sequence[_Draft]) -> tuple[EventDate, ...]:
    return tuple(EventDate(d.value or "", d.precision,
                           tuple(dict.fromkeys(_span(m) for m in d.mentions)))
                 for d in sorted(drafts, key=lambda d: _sort_key(d.value)))


def _span(mention: DateMention) -> Span:
    return Span(mention.article_id, mention.sentence.start, mention.sentence.end)


def _dated_or_oldest(timestamp: float) -> float:
    return -math.inf if timestamp == math.inf else timestamp


def _named_subject(mention: DateMention) -> str:
    """The mention's clause, "it" replaced by the body that said it of itself: "The state
    environment agency would begin an inspection on Monday", not "It would begin ..."."""
    clause = mention.clause or mention.sentence.text
    # "on Wednesday it would hold ...": the day it was said, hung on the plan's verb
    said_it = re.match(rf"(?:on\s+{WEEKDAY_WORD},?\s+)?it\b", clause, flags=re.IGNORECASE)
    if mention.speaker and said_it:
        return mention.speaker + clause[said_it.end():]
    return clause


def _abbreviation(word: str) -> bool:
    """A last word whose full stop is its own: "a.m.", "U.S.", "Co.", "Inc.", "Jr."."""
    stem = word[:-1].strip("\"'()\u201c\u201d").lower()
    return "." in stem or stem in ABBREVIATIONS - {"no"}  # "... said no." is the word


def describe(clause: str) -> str:
    """A short description from the source words: trimmed, at most 30 words."""
    text = re.sub(r"\s+", " ", clause).strip()
    text = text[dateline_length(text):].strip("\"\u201c\u201d").rstrip(" ,;:")
    if text.endswith(".") and not _abbreviation(text.rsplit(" ", 1)[-1]):
        text = text[:-1]  # a whole sentence's full stop, not "a.m.", "U.S." or "Co."
    words = text.split()
    cut = len(words) > MAX_DESCRIPTION_WORDS
    if cut:
        text = " ".join(words[:MAX_DESCRIPTION_WORDS])
    text = balanced_quotes(text) + (" \u2026" if cut else "")
    return text[:1].upper() + text[1:]


def _sort_key(value: str | None) -> str:
    return (value or "").split("/")[0]


def _renumber(event: Event, index: int) -> Event:
    return dataclasses.replace(event, id=f"e{index}")


def date_divergences(events: Sequence[Event], articles: Sequence[Article], *,
                     start: int = 0) -> list[Divergence]:
    """One divergence per timeline entry whose date independent outlets disagree on."""
    texts = {a.id: a.text for a in articles}
    outlets = {a.id: a.outlet for a in articles}
    found: list[Divergence] = []
    for event in events:
        if not event.conflicting:
            continue
        versions = tuple(
            DivergenceVersion(span.article, outlets.get(span.article, ""),
                              texts.get(span.article, "")[span.start:span.end].strip(),
                              reported.date, span.start, span.end)
            for reported in event.dates for span in reported.evidence)
        short = " ".join(event.description.split()[:12])
        if len(event.description.split()) > 12:
            short += " \u2026"
        topic = f"date of \u201c{short}\u201d: " + " vs ".join(d.date for d in event.dates)
        found.append(Divergence(f"d{start + len(found) + 1}", topic, versions, kind="date",
                                event=event.id))
    return found


def mark_date_conflicts(facts: Sequence[Fact], events: Sequence[Event]) -> tuple[Fact, ...]:
    """Facts whose sentences give an event different dates are `conflicting`, as they are
    when their numbers differ; so is a fact stating one outlet's date of an event that
    another outlet dates otherwise, when the aligner kept the two sentences apart ("voted
    on Tuesday", "voted on Monday, November 9"): its date is disputed, as a single
    outlet's figure another outlet contradicts is."""
    versions_of: dict[Span, set[tuple[str, str]]] = defaultdict(set)
    for event in events:
        for reported in event.dates if event.conflicting else ():
            for span in reported.evidence:
                versions_of[span].add((event.id, reported.date))
    marked = []
    for fact in facts:
        seen: dict[str, set[str]] = defaultdict(set)
        for span in fact.evidence:
            for event_id, reported_date in versions_of.get(span, ()):
                seen[event_id].add(reported_date)
        if fact.agreement != "conflicting" and seen:
            fact = dataclasses.replace(fact, agreement="conflicting")
        marked.append(fact)
    return tuple(marked)
