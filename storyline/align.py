"""Cross-article fact alignment: sentences that state the same fact, and their agreement.

Goes in: one story's articles, their `ArticleAnalysis` (sentences with content lemmas,
numbers, word cues and clauses) and the provenance independence groups. Comes out an
`Alignment`: `Fact`s (groups of sentences from several articles that state one thing,
marked corroborated, single or conflicting) with the sentences that also support them,
and the `Divergence`s inside them (other figures, opposite accounts, other days), which
`conflicts` finds in each group.

Steps: the sentences as fact candidates (`fact_units`); copied sentences tied to their
originals; pairs scored by the paraphrase model (`fact_similarity`), figure pairs (one
event told with a figure of one quantity) and clause pairs (a clause of a long sentence
stating a short one); mutual best matches joined into groups (`UnionFind`).

Copies of one original count as one source: agreement is counted over independence
groups, never over articles. Quote groups across outlets are `quote_groups`' job.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from .conflicts import (
    date_conflict,
    figure_updates,
    loose_number_conflicts,
    number_conflict,
    opposite_conflict,
    without_repeats,
)
from .counts import count_pairs
from .fact_units import (
    FactUnit,
    event_words,
    in_order,
    make_units,
    quoted_words_only,
    single_valued,
    stated,
    voice,
)
from .models import Article, ArticleAnalysis, Divergence, Fact, Span
from .paraphrase import (
    SentenceView,
    idf_weights,
    load_model,
    numbers_conflict,
    paraphrase_probability,
    sentence_view,
)
from .text import QUALIFIER, SPEAKER_VERBS, copy_kind, has_digit, own_word_runs, tells_repetition

# Pairs whose IDF-weighted lemma Dice is below this are never scored (no MSRP train pair
# that the model accepts is this far apart): keeps alignment near-linear in story size.
PREFILTER_DICE = 0.2
CLAUSE_PREFILTER_DICE = 0.35  # a clause stating a sentence shares most of its words
CLAUSE_SLACK = 2  # content lemmas a sentence matched to a clause may have over its whole
CLAUSE_MATCH_MIN_LEMMAS = 4  # shorter sentences ("We want to remember them") match loosely
COPY_CANDIDATES = 3  # earlier sentences sharing most runs of words, tested as originals


@dataclass(frozen=True, slots=True)
class Alignment:
    """One story's facts, the divergences inside them, and what backs each fact."""

    facts: tuple[Fact, ...]
    divergences: tuple[Divergence, ...]
    fact_units: tuple[tuple[int, ...], ...]  # sentence positions behind each fact (for ranking)
    # Per fact: sentences the model scored at or above the threshold against one of its
    # sentences but grouped elsewhere (not mutual best matches): they may support it too.
    support: tuple[tuple[Span, ...], ...] = ()
    # Per digest article: the spans of its sentences that belong to this story (copied from
    # or aligned with another article's); its other items are not the story's.
    digest_items: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)


def fact_threshold() -> float:
    """Two sentences state the same fact when `fact_similarity` reaches this.

    Chosen with the weights on MSRP train (`data/fact_model.json`); also readable as
    `align.FACT_THRESHOLD`.
    """
    return load_model().threshold


def __getattr__(name: str) -> float:
    if name == "FACT_THRESHOLD":  # read from the model file on first use, not on import
        return fact_threshold()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class UnionFind:
    """Groups of items 0..size-1 joined pair by pair (path-halving find)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def align_facts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                sources: dict[str, str], digests: Collection[str] = ()) -> Alignment:
    """Group sentences that state the same thing across articles and judge agreement.

    `digests` are the articles provenance classes as digests (newsletters): of those only
    the sentences copied from or aligned with another article's make facts; the rest are
    the newsletter's other items (the weather, the sport, other stories).
    """
    published = {a.id: a.timestamp for a in articles}
    texts = {a.id: a.text for a in articles}
    units, copied = _with_copied_sources(make_units(analyses, sources, texts), published)
    idf = _idf(units)
    # A copied sentence states its original's fact, however the scorer rates the pair.
    weights = _weights(units)
    index = _LemmaIndex.of(units, idf)
    # Sentences telling of other people ("Ilse Varga won" and "Jonas Berg won") are two
    # facts, however alike their words; who said it may differ ("X said" and "Y said").
    links = [(a, b, score) for a, b, score in _similar_pairs(units, index, weights)
             if not _other_people(units[a], units[b]) and
             not _deed_and_words(units[a].view, units[b].view) and
             not (units[a].source != units[b].source and  # a copy's words are its own
                  _other_things_said(units[a].view, units[b].view))] + \
        [(a, b, 1.0) for a, b in copied]
    # One event told in other words with a figure of the same quantity ("snow up to four
    # metres deep" and "as much as six metres deep"): the model, fitted on paraphrases,
    # scores such pairs low, yet they are one fact, agreeing or disputed.
    links += _figure_pairs(units, weights, {(a, b) for a, b, _score in links})
    # One count told in other words ("Three other workers were injured." and "four other
    # workers were hurt"): too short and too differently worded for either path above.
    links += _count_links(units, weights, {(a, b) for a, b, _score in links})
    contained = _clause_pairs(units, index, weights)
    groups = UnionFind(len(units))
    for x, y in _mutual_best(units, links):
        groups.union(x, y)
    off_story = _other_items(units, links + contained, groups, frozenset(digests))
    members: dict[int, list[int]] = defaultdict(list)
    for unit in units:
        if unit.index not in off_story:
            members[groups.find(unit.index)].append(unit.index)
    outlets = {a.id: a.outlet for a in articles}
    repeated = {a.id for a in articles if tells_repetition(a.text)}
    facts: list[Fact] = []
    positions: list[tuple[int, ...]] = []
    divergences: list[Divergence] = []
    near = _near_matches(units, [link for link in links if link[0] not in off_story and
                                 link[1] not in off_story], groups)
    containing = _containing(units, contained, groups, off_story)
    for root in sorted(members, key=lambda root: min(members[root])):
        group = [units[i] for i in members[root]]
        conflict, kind = number_conflict(group, outlets, published), "number"
        if conflict is None:
            conflict, kind = opposite_conflict(group, outlets, published), "opposite"
        if conflict is None:
            conflict, kind = date_conflict(group, outlets, published, repeated), "date"
        fact = _make_fact(f"f{len(facts) + 1}", group, published, outlets,
                          conflicting=conflict is not None, containing=containing.get(root, ()))
        fact = replace(fact, updates=figure_updates(group, published))
        facts.append(fact)
        positions.append(tuple(u.position for u in group))
        if conflict is not None:
            divergences.append(Divergence(f"d{len(divergences) + 1}", conflict[0], conflict[1],
                                          kind=kind))
    on_story = [unit for unit in units if unit.index not in off_story]
    loose, roots = loose_number_conflicts(on_story, idf, members, groups.find, outlets,
                                          published, start=len(divergences))
    divergences.extend(loose)
    divergences = without_repeats(divergences)
    # A fact whose number another outlet contradicts is conflicting, however it is worded.
    order = sorted(members, key=lambda root: min(members[root]))
    facts = [replace(fact, agreement="conflicting") if root in roots else fact
             for root, fact in zip(order, facts, strict=True)]
    support = tuple(tuple(near.get(root, ())) for root in order)
    items = {article_id: tuple((u.sentence.start, u.sentence.end) for u in on_story
                               if u.sentence.article_id == article_id)
             for article_id in digests}
    return Alignment(tuple(facts), tuple(divergences), tuple(positions), support, items)


def attributed_facts(facts: Sequence[Fact], analyses: Sequence[ArticleAnalysis]
                     ) -> tuple[Fact, ...]:
    """The facts a dossier lists: not one each sentence of which is a speaker's quoted
    words with no one named in it (`fact_units.quoted_words_only`): '"We are working
    closely with the fire service."' states nothing an outlet vouches for; its speaker's
    quote groups hold it. The brief has its own guard (`summary._reads_whole`)."""
    bare = {(s.article_id, s.start, s.end) for analysis in analyses
            for s in analysis.sentences if quoted_words_only(s, analysis.quotes)}
    return tuple(fact for fact in facts
                 if not all((span.article, span.start, span.end) in bare
                            for span in fact.evidence[:len(fact.evidence) - fact.backing]))


def _other_items(units: Sequence[FactUnit], links: Sequence[tuple[int, int, float]],
                 groups: UnionFind, digests: frozenset[str]) -> set[int]:
    """Sentences of digests that belong to none of this story's items: no sentence of
    another article that is not a digest is grouped or linked with them (two newsletters
    carrying the same weather item do not make it the story's)."""
    if not digests:
        return set()
    in_digest = [unit.sentence.article_id in digests for unit in units]
    story_groups = {groups.find(unit.index) for unit in units if not in_digest[unit.index]}
    for a, b, _score in links:
        if in_digest[a] != in_digest[b]:  # a digest's sentence aligned with a report's
            story_groups.update((groups.find(a), groups.find(b)))
    return {unit.index for unit in units
            if in_digest[unit.index] and groups.find(unit.index) not in story_groups}


def _near_matches(units: Sequence[FactUnit], links: Sequence[tuple[int, int, float]],
                  groups: UnionFind) -> dict[int, list[Span]]:
    """Per group root: spans of sentences linked to one of its sentences above the
    threshold that another group holds (a sentence of an article pairs with one
    sentence per other article; its second-best match may still say the same)."""
    near: dict[int, list[Span]] = defaultdict(list)
    for a, b, _score in sorted(links, key=lambda link: -link[2]):
        if groups.find(a) == groups.find(b):
            continue
        for x, y in ((a, b), (b, a)):
            sentence = units[y].sentence
            near[groups.find(x)].append(Span(sentence.article_id, sentence.start, sentence.end))
    return near


def _mutual_best(units: Sequence[FactUnit], links: Sequence[tuple[int, int, float]]
                 ) -> list[tuple[int, int]]:
    """Links where each sentence is the other's best match in the other's article.

    A sentence that matches two sentences of one article only joins the closer one,
    so one loosely similar sentence cannot chain two facts of an article together.
    """
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for a, b, score in links:
        for x, y in ((a, b), (b, a)):
            key = (x, units[y].sentence.article_id)
            if score > best.get(key, (0.0, -1))[0]:
                best[key] = (score, y)
    return [(x, y) for (x, _article), (_score, y) in best.items()
            if best[(y, units[x].sentence.article_id)][1] == x and x < y]


def _with_copied_sources(units: Sequence[FactUnit], published: dict[str, float]
                         ) -> tuple[list[FactUnit], list[tuple[int, int]]]:
    """A sentence copied from another outlet's (`text.copy_kind`: word for word, inside a
    newsletter's label and credit, or one clause of it) counts as one source with it, the
    earliest's, even where provenance found no copy of the whole article (or both took it
    from one wire). Returns the units with their sources and the copied pairs."""
    first_with: dict[str, int] = {}  # run of words -> the earliest unit saying it
    source: dict[int, str] = {}
    copied: list[tuple[int, int]] = []  # a copy and what it copies, lower index first
    for unit in sorted(units, key=lambda u: (published.get(u.sentence.article_id, math.inf),
                                             u.sentence.article_id, u.index)):
        runs = own_word_runs(unit.sentence.text)
        shared = Counter(first_with[run] for run in runs if run in first_with)
        for other in _most_shared(shared):
            if units[other].sentence.article_id != unit.sentence.article_id and \
                    copy_kind(unit.sentence.text, units[other].sentence.text):
                source[unit.index] = source.get(other, units[other].source)
                copied.append((min(other, unit.index), max(other, unit.index)))
                break
        for run in runs:
            first_with.setdefault(run, unit.index)
    return [replace(unit, source=source.get(unit.index, unit.source)) for unit in units], \
        copied


def _most_shared(shared: Counter[int]) -> list[int]:
    """The COPY_CANDIDATES units sharing most runs, and any tied with the last of them,
    earlier units first. A cut inside a tie would keep the ones first met in a set of
    strings, whose order Python's hash seed sets afresh in each process."""
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) <= COPY_CANDIDATES:
        return [unit for unit, _count in ranked]
    last = ranked[COPY_CANDIDATES - 1][1]
    return [unit for unit, count in ranked if count >= last]


def _idf(units: Sequence[FactUnit]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.lemmas)
    total = max(1, len(units))
    return {lemma: math.log(1 + total / count) for lemma, count in df.items()}


def _weights(units: Sequence[FactUnit]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.lemmas)
    return idf_weights(df, len(units))


@dataclass(frozen=True)
class _LemmaIndex:
    """Which sentences hold each lemma, and each sentence's IDF mass: candidates are found
    through lemmas no more common than `limit` sentences (they still count in scores)."""

    idf: dict[str, float]
    postings: dict[str, list[int]]
    limit: int
    mass: list[float]

    @classmethod
    def of(cls, units: Sequence[FactUnit], idf: dict[str, float]) -> _LemmaIndex:
        postings: dict[str, list[int]] = defaultdict(list)
        for unit in units:
            for lemma in unit.lemmas:
                postings[lemma].append(unit.index)
        return cls(idf, postings, max(50, int(0.05 * len(units))),
                   [sum(idf[lemma] for lemma in unit.lemmas) for unit in units])


def _similar_pairs(units: Sequence[FactUnit], index: _LemmaIndex, weights: dict[str, float]
                   ) -> list[tuple[int, int, float]]:
    """Scored pairs of sentences from different articles that state the same fact.

    An inverted index keeps this near-linear: very common lemmas are not used
    to find candidates (they still count in the score), and pairs with little
    weighted lemma overlap are not scored. A pair that differs only in its
    numbers is kept (scored as if they agreed): it is one fact told with
    different figures, which the caller reports as a divergence.
    """
    threshold = fact_threshold()
    idf, mass = index.idf, index.mass
    pairs = []
    for unit in units:
        for other in _candidates(unit.index, unit.lemmas, units, index, later=True):
            common = sum(idf[lemma] for lemma in unit.lemmas & units[other].lemmas)
            if 2 * common < PREFILTER_DICE * (mass[unit.index] + mass[other]):
                continue  # `lemma_dice` below PREFILTER_DICE
            score = _link_score(unit.view, units[other].view, weights, threshold)
            if score >= threshold:
                pairs.append((unit.index, other, score))
    return pairs


def _candidates(position: int, lemmas: frozenset[str], units: Sequence[FactUnit],
                index: _LemmaIndex, *, later: bool) -> set[int]:
    """Sentences of other articles sharing a lemma that is not too common with `lemmas`
    (only those after `position` with `later`, so each pair is found once)."""
    article_id = units[position].sentence.article_id
    found: set[int] = set()
    for lemma in lemmas:
        posting = index.postings.get(lemma, ())
        if len(posting) > index.limit:
            continue
        found.update(other for other in posting if (other > position or not later) and
                     units[other].sentence.article_id != article_id)
    return found


# A figure pair shares this share of the smaller sentence's event words, and at least
# FIGURE_MIN_SHARED of them besides the figure's unit that not too many of the story's
# sentences use (IDF weight FIGURE_RARE: in a story of 200 sentences, at most about 27; in
# one of 60, about 11: the story's own subject, "avalanche", "Tollan Pass", still counts).
FIGURE_COVER = 0.6
FIGURE_MIN_SHARED = 3
FIGURE_RARE = 0.4
FIGURE_MAX_SENTENCES = 200  # a unit more sentences give ("people") tells nothing of one event


def _figure_pairs(units: Sequence[FactUnit], weights: dict[str, float],
                  linked: Collection[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Sentences of two articles that give a figure of one quantity (the same unit, as
    `single_valued` reads it) and tell one event around it (`_tells_same_event`), scored
    at the threshold so that the model's own matches come first in `_mutual_best`."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for label in dict.fromkeys(label for label, _value in single_valued(unit)):
            by_label[label].append(unit.index)
    threshold = fact_threshold()
    found: dict[tuple[int, int], float] = {}
    events: dict[int, set[str]] = {}  # each sentence's event words, read once

    def event_words_at(index: int) -> set[str]:
        if index not in events:
            events[index] = event_words(units[index])
        return events[index]

    for label, members in by_label.items():
        if len(members) > FIGURE_MAX_SENTENCES:
            continue
        for position, a in enumerate(members):
            for b in members[position + 1:]:
                pair = (a, b)
                if pair in found or pair in linked or \
                        units[a].sentence.article_id == units[b].sentence.article_id:
                    continue
                if not _other_people(units[a], units[b]) and _tells_same_event(
                        event_words_at(a), event_words_at(b), label, weights):
                    found[pair] = threshold
    return [(a, b, score) for (a, b), score in found.items()]


def _count_links(units: Sequence[FactUnit], weights: dict[str, float],
                 linked: Collection[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """`counts.count_pairs` of sentences that no other path links to another source's
    (a fallback for counts nothing else pairs), scored at the threshold as figure pairs
    are. A sentence the model already grouped keeps its group: a count shared with a
    third sentence would chain two groups into one and change which facts the brief
    picks (on the ECB+ tuning topics, 4 of 66 briefs lost elements that way)."""
    threshold = fact_threshold()
    paired = {x for a, b in linked if units[a].source != units[b].source for x in (a, b)}
    return [(a, b, threshold) for a, b in count_pairs(units, weights, _other_people)
            if a not in paired and b not in paired]


def _tells_same_event(a: set[str], b: set[str], label: str, weights: dict[str, float]
                      ) -> bool:
    """Most of the shorter sentence's event words are the other's: what happened, to what
    and where, leaving aside figures, days and who said it ("Marta Kovalenko of the agency
    said the crews had cleared 9,000 tonnes of snow" and "crews moved about 9,000 tonnes of
    snow and fitted new nets, Kovalenko said"). `a` and `b`: the two sentences'
    `event_words`."""
    unit_words = set(label.split(QUALIFIER))
    first, second = a - unit_words, b - unit_words
    shared = first & second
    rare = [word for word in shared if weights.get(word, 1.0) >= FIGURE_RARE]
    return len(rare) >= FIGURE_MIN_SHARED and \
        len(shared) >= FIGURE_COVER * min(len(first), len(second))


def _clause_pairs(units: Sequence[FactUnit], index: _LemmaIndex, weights: dict[str, float]
                  ) -> list[tuple[int, int, float]]:
    """(short, long, score): a clause of a long sentence states what another outlet's
    whole sentence does ("closed on Wednesday" in "closed on Wednesday, and engineers
    began ..."), by the same `fact_similarity` on the clause, with every number and name
    of the short sentence in the clause (a short clause shares little else). The long
    sentence then backs the short one's fact without joining it, so one long sentence
    cannot chain two facts together through two of its clauses."""
    idf, mass = index.idf, index.mass
    sizes = [len(unit.lemmas) for unit in units]
    threshold = fact_threshold()
    pairs: dict[tuple[int, int], float] = {}
    for unit in units:
        for clause in unit.clauses:
            lemmas = frozenset(clause.lemmas)
            numbers = frozenset(w for w in clause.cues.words if has_digit(w))
            clause_mass = sum(idf.get(lemma, 0.0) for lemma in lemmas)
            view: SentenceView | None = None  # built for the first candidate that passes
            longest = sizes[unit.index] + CLAUSE_SLACK
            for other in _candidates(unit.index, lemmas, units, index, later=False):
                if not CLAUSE_MATCH_MIN_LEMMAS <= sizes[other] <= longest:
                    continue
                short = units[other]
                if not short.view.numbers <= numbers or \
                        not short.view.names <= unit.view.names or \
                        not _states_predicate(lemmas, short.view):
                    continue
                common = sum(idf[lemma] for lemma in lemmas & short.lemmas)
                if 2 * common < CLAUSE_PREFILTER_DICE * (clause_mass + mass[other]):
                    continue
                view = view or sentence_view(clause.text, clause.lemmas, clause.cues.tags,
                                             clause.cues.words, clause.cues.links)
                score = fact_similarity(view, short.view, weights)
                if score >= max(threshold, pairs.get((other, unit.index), 0.0)):
                    pairs[(other, unit.index)] = score
    return [(short, long, score) for (short, long), score in pairs.items()]


def _states_predicate(clause: frozenset[str], short: SentenceView) -> bool:
    """The clause says what the short sentence's main verb does: "Councillor Dana
    Whitcombe, who chairs the finance committee, defended the decision" is not stated by
    "Whitcombe chairs the finance committee", cut from another outlet's sentence that only
    describes her the same way. A sentence saying what something is ("The ban, approved on
    Tuesday, is long overdue": a reader's view of the news) is stated only by a clause
    saying it too, not by the news it mentions in passing."""
    verbs = _main_verbs(short) | _predicate_adjectives(short)
    return not verbs or bool(verbs & clause)


def _predicate_adjectives(view: SentenceView) -> set[str]:
    """Adjectives that no content word heads or depends on: what "is" or "was" says of
    the subject ("overdue" of "the ban is long overdue"); an adjective describing a noun
    ("the new rules") depends on it."""
    linked = {word for link in view.links for word in link.split(">")}
    return {word for word, tag in view.tags.items() if tag == "ADJ" and word not in linked}


def _main_verbs(view: SentenceView) -> set[str]:
    """Verbs heading words of the sentence that no other content word heads (the parse's
    root verbs, as far as the content-word arcs tell), speech verbs aside."""
    heads, children = set(), set()
    for link in view.links:
        head, _, child = link.partition(">")
        heads.add(head)
        if child != head:  # the root is linked to itself
            children.add(child)
    return {verb for verb in heads - children
            if view.tags.get(verb) == "VERB" and verb not in SPEAKER_VERBS}


def _containing(units: Sequence[FactUnit], contained: Sequence[tuple[int, int, float]],
                groups: UnionFind, off_story: set[int]) -> dict[int, list[FactUnit]]:
    """Per group root: the long sentences backing it through a clause, the best one per
    article, from articles the group has no sentence of."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for short, long, score in contained:
        if short in off_story or long in off_story:
            continue
        key = (groups.find(short), units[long].sentence.article_id)
        if score > best.get(key, (0.0, -1))[0]:
            best[key] = (score, long)
    have: dict[int, set[str]] = defaultdict(set)
    for unit in units:
        have[groups.find(unit.index)].add(unit.sentence.article_id)
    found: dict[int, list[FactUnit]] = defaultdict(list)
    for (root, article_id), (_score, long) in sorted(best.items(), key=lambda kv: kv[1][1]):
        if article_id not in have[root]:
            found[root].append(units[long])
    return found


def _link_score(a: SentenceView, b: SentenceView, weights: dict[str, float],
                threshold: float) -> float:
    """`fact_similarity`, or for a number conflict the score as if the numbers agreed."""
    score = fact_similarity(a, b, weights)
    if score < threshold and numbers_conflict(a, b):
        score = paraphrase_probability(a, b, weights, ignore_numbers=True)
    return score


def fact_similarity(a: SentenceView, b: SentenceView, weights: dict[str, float]) -> float:
    """Probability (0..1) that two sentences state the same fact.

    `weights` are the story's IDF weights in 0..1 (`paraphrase.idf_weights`). Two
    sentences state the same fact when this reaches `fact_threshold()`.
    """
    return paraphrase_probability(a, b, weights)


def lemma_dice(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """IDF-weighted Dice overlap of two sentences' content lemmas (0..1)."""
    total = sum(idf.get(lemma, 1.0) for lemma in a) + sum(idf.get(lemma, 1.0) for lemma in b)
    if not total:
        return 0.0
    return 2 * sum(idf.get(lemma, 1.0) for lemma in a & b) / total


def _make_fact(fact_id: str, group: Sequence[FactUnit], published: dict[str, float],
               outlets: dict[str, str], *, conflicting: bool,
               containing: Sequence[FactUnit] = ()) -> Fact:
    """`containing`: longer sentences of other articles one of whose clauses states the
    fact; they back it (evidence, sources) but stay facts of their own."""
    ordered = in_order(group, published)
    # One outlet is one source: a newsroom's two reports of its own count once.
    roots = {voice(u.source, outlets) for u in [*group, *containing]}
    # The representative comes from an original, so copies never speak for the group.
    representative = next((u for u in ordered if u.source == u.sentence.article_id), ordered[0])
    agreement = "conflicting" if conflicting else ("corroborated" if len(roots) >= 2
                                                   else "single")
    # The representative's own span comes first: its text is the fact's text.
    backing = [representative] + [u for u in ordered if u is not representative] + \
        list(containing)
    evidence = tuple(Span(u.sentence.article_id, u.sentence.start, u.sentence.end)
                     for u in backing)
    names = tuple(dict.fromkeys(outlets.get(u.sentence.article_id, "") for u in backing))
    return Fact(fact_id, stated(representative), agreement, evidence, len(roots),
                names, len(containing), len(roots - {voice(u.source, outlets) for u in group}))


def _other_people(a: FactUnit, b: FactUnit) -> bool:
    """Each sentence tells of a name the other does not: none in common ("Ilse Varga was
    hurt" and "Tomas Roe was hurt"), or in the same place of the sentence ("Petra
    Lindqvist won in Harrowgate" and "Jonas Berg won in Harrowgate": both under "win").
    A detail one outlet names and the other not ("engineers from the Dunmore Institute")
    is not enough."""
    only_a, only_b = a.subjects - b.subjects, b.subjects - a.subjects
    if not only_a or not only_b or \
            not _full_names(only_a, a.view) or not _full_names(only_b, b.view):
        return False  # "the Dunmore mayor": a place, no one else than "Mayor Ilse Varga"
    return not a.subjects & b.subjects or bool(_heads(only_a, a.view) & _heads(only_b, b.view))


def _deed_and_words(a: SentenceView, b: SentenceView) -> bool:
    """One sentence tells what someone did ("His son, Anton Grell, a shop steward at the
    depot, addressed the crowd"), the other what someone said ("Anton Grell, a shop
    steward, said drivers at the depot would vote"): both name them and may describe them
    alike, but what the one did and what the other said share no word. Two facts."""
    if not a.names & b.names:
        return False
    for deed_view, said_view in ((a, b), (b, a)):
        deed, said = _deed_words(deed_view), _said_words(said_view)
        if deed and said and not deed & said:
            return True
    return False


def _other_things_said(a: SentenceView, b: SentenceView) -> bool:
    """Two speech reports of one deed done by or to two things neither names, each told
    apart by words of its own: "the council said a public inquiry into the flood defences
    would open next Monday" and "Wrenfield said a relief fund for flooded households would
    open on Monday" (walk25) share the saying, the verb and the day, yet tell of an
    inquiry and of a fund. Two facts. Not a plain noun told in other words ("the fire",
    "the blaze"), nor two with a word in common ("the national government", "the
    national authorities")."""
    said_a, said_b = _said_words(a), _said_words(b)
    words_a, words_b = set(a.words), set(b.words)
    for verb in said_a & said_b:
        if a.tags.get(verb) != "VERB" or b.tags.get(verb) != "VERB":
            continue
        things_a, things_b = _things_of(a, verb), _things_of(b, verb)
        told_a, told_b = _told_by(a, things_a), _told_by(b, things_b)
        if things_a and things_b and told_a and told_b and \
                not (things_a | told_a) & words_b and not (things_b | told_b) & words_a:
            return True
    return False


def _things_of(view: SentenceView, verb: str) -> set[str]:
    """The nouns the parse hangs from a verb: what does it or has it done to it."""
    return {child for link in view.links for head, _, child in [link.partition(">")]
            if head == verb and child != verb and view.tags.get(child) == "NOUN"}


# Words before a noun that tell its age or order, not what kind of thing it is: "the new
# footbridge" and "the replacement pedestrian crossing" may be one bridge (revw25).
NOT_A_KIND = {"new", "old", "first", "last", "next", "latest", "former", "original",
              "main", "planned", "proposed", "temporary", "permanent", "current"}


def _told_by(view: SentenceView, things: set[str]) -> set[str]:
    """The content words the parse hangs from those nouns that tell what kind of thing
    they are ("relief" of "relief fund"; not "new" of "the new footbridge")."""
    return {child for link in view.links for head, _, child in [link.partition(">")]
            if head in things and child != head and child in view.lemmas and
            child not in NOT_A_KIND}


def _deed_words(view: SentenceView) -> set[str]:
    """The content words from the first main verb of a sentence that reports no speech
    on ("addressed the crowd afterwards"), names aside; empty for a speech report."""
    verbs = _main_verbs(view)
    if _speech_root(view) or not verbs:
        return set()
    first = min(i for i, word in enumerate(view.words) if word in verbs)
    return _content_after(view, first - 1)


def _said_words(view: SentenceView) -> set[str]:
    """The content words after the speech verb heading a sentence ("said drivers would
    vote on Friday": drive, vote), names aside; empty if it is no speech report."""
    root = _speech_root(view)
    if root is None:
        return set()
    return _content_after(view, view.words.index(root))


def _speech_root(view: SentenceView) -> str | None:
    roots = [link.partition(">")[0] for link in view.links
             if link.partition(">")[0] == link.partition(">")[2]]
    spoken = [root for root in roots if root in SPEAKER_VERBS and root in view.words]
    return spoken[0] if spoken else None


def _content_after(view: SentenceView, position: int) -> set[str]:
    return {word for word in view.words[position + 1:]
            if word in view.lemmas and word not in view.names}


def _full_names(names: frozenset[str], view: SentenceView) -> set[str]:
    """Those of `names` that may name someone: written next to another name, as a given
    name and a surname are ("Petra Lindqvist"), or alone but not describing the noun after
    it ("Varga was hurt", not "the Dunmore mayor", whose "Dunmore" is a place)."""
    said, links = view.words, view.links
    return {word for i, word in enumerate(said) if word in names and (
        i and said[i - 1] in view.names or i + 1 < len(said) and said[i + 1] in view.names or
        not (i + 1 < len(said) and view.tags.get(said[i + 1]) == "NOUN" and
             f"{said[i + 1]}>{word}" in links))}


def _heads(names: frozenset[str], view: SentenceView) -> set[str]:
    """The words `names` depend on, other names aside ("win" for "win>lindqvist")."""
    heads = set()
    for link in view.links:
        head, _, child = link.partition(">")
        if child in names and head not in view.names:
            heads.add(head)
    return heads

