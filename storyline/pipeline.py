"""Chain the stages: the one place that knows their order.

Goes in: a `Store`, inputs or stored stories, and `AnalyzeOptions`.
Comes out: stored articles and stories, and dossier dicts (see dossier.py).

    ingest -> store -> provenance + stories -> NLP per article
      -> entities, quotes, dates -> alignment -> timeline, summary -> dossier
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from . import __version__ as VERSION
from . import store as db
from .align import align_facts, attributed_facts
from .cluster import assign_stories
from .credits import find_credit, same_outlet
from .dates import find_dates
from .dossier import StoryResults, build_dossier_dict, event_dict, quote_dict, with_errors
from .entities import EntityIndex, link_entities
from .entity_kinds import credited_only
from .ingest import read_inputs
from .mentions import find_mentions
from .models import (
    DEFAULT_LLM_MODEL,
    Article,
    ArticleAnalysis,
    Divergence,
    Entity,
    InputError,
    Provenance,
    Quote,
    ResolvedQuote,
    Span,
    Story,
    instant,
)
from .nlp import MAX_CHARS, default_model_name, load_nlp, parse_texts, sentence_features
from .provenance import detect_provenance, independence_groups
from .quote_groups import group_quotes, quote_divergences
from .quotes import extract_quotes
from .store import Store
from .stored_stories import StoredStoryIndex, check_term_index
from .summary import DEFAULT_WORDS, disputed_where_stated, summarize
from .text import content_words
from .timeline import build_timeline, date_divergences, mark_date_conflicts

INGEST_BATCH = 200
# `storyline ingest` sorts articles into stories after every this many: the stories
# benchmark's batches, where the clustering's per-call work is small against its cost.
ASSIGN_EVERY = 1_000
Progress = Callable[[int], None]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Settings of one analysis run."""

    model: str | None = None
    summary_words: int = DEFAULT_WORDS
    batch_size: int = 32
    n_process: int = 1
    dask: str | None = None  # "processes", "threads", "synchronous" or a scheduler address
    llm: str | None = None  # URL of an OpenAI-compatible server to rewrite the summary
    llm_model: str = DEFAULT_LLM_MODEL


@dataclass
class IngestReport:
    articles: list[Article] = field(default_factory=list)  # as stored, new or not
    errors: list[InputError] = field(default_factory=list)
    new: int = 0  # how many of the articles the store did not hold before


@dataclass
class StreamReport:
    """What `ingest_into_stories` did, in counts: it keeps no article once sorted."""

    articles: int = 0  # distinct articles read, new or not
    new: int = 0
    stories: set[str] = field(default_factory=set)  # the stories they are in
    errors: list[InputError] = field(default_factory=list)


def ingest_inputs(store: Store, inputs: Iterable[str], *, progress: Progress | None = None,
                  batch_size: int = INGEST_BATCH, stdin: Any = None) -> IngestReport:
    """Read inputs into the store, one transaction per batch; errors are kept too."""
    report = IngestReport()
    for saved in _saved_batches(store, inputs, report.errors, progress=progress,
                                batch_size=batch_size, stdin=stdin):
        report.articles.extend(saved)
        report.new += saved.new
    report.articles = list({a.key: a for a in report.articles}.values())
    return report


def ingest_into_stories(store: Store, inputs: Iterable[str], *,
                        progress: Progress | None = None, stdin: Any = None,
                        assign_every: int = ASSIGN_EVERY) -> StreamReport:
    """Read inputs into the store and sort them into stories as they come, so memory
    holds one chunk of articles whatever the input's size (a crawl of millions), and a
    killed run leaves every chunk before the kill saved and sorted."""
    report = StreamReport()
    seen: set[str] = set()
    pending: list[Article] = []

    def assign() -> None:
        report.stories.update(update_stories(store, pending).values())
        pending.clear()

    for saved in _saved_batches(store, inputs, report.errors, progress=progress,
                                batch_size=INGEST_BATCH, stdin=stdin):
        report.new += saved.new
        pending.extend(a for a in saved if a.key not in seen)
        seen.update(a.key for a in saved)
        if len(pending) >= assign_every:
            assign()
    assign()  # also when nothing is pending: it sorts in what a killed run left out
    report.articles = len(seen)
    return report


def _saved_batches(store: Store, inputs: Iterable[str], errors: list[InputError], *,
                   progress: Progress | None, batch_size: int,
                   stdin: Any) -> Iterator[db.SavedArticles]:
    """Save what the inputs hold in batches, one transaction each; input errors are
    collected in `errors` and stored at the end."""
    batch: list[Article] = []
    seen: set[bytes] = set()  # record hashes read in this run (their first 16 bytes)
    for record in read_inputs(inputs, stdin=stdin):
        if isinstance(record, InputError):
            errors.append(record)
            continue
        batch.append(record)
        if len(batch) >= batch_size:
            yield _save_batch(store, batch, progress, seen, errors)
            batch = []
    if batch:
        yield _save_batch(store, batch, progress, seen, errors)
    db.save_errors(store, errors)


def _save_batch(store: Store, batch: list[Article], progress: Progress | None,
                seen: set[bytes], errors: list[InputError]) -> db.SavedArticles:
    saved = db.save_articles(store, batch)
    errors.extend(_kept_once(batch, saved, seen))
    if progress:
        progress(len(batch))
    return saved


def _kept_once(batch: Sequence[Article], saved: Sequence[Article],
               seen: set[bytes]) -> Iterator[InputError]:
    """A warning for each article the store already held from another input, or read
    twice in this run (a copy of a file under another name, a line given twice): it is
    kept once, under the first one's id, and nothing is lost silently. Reading the same
    input again into its store is no duplicate."""
    for article, stored in zip(batch, saved, strict=True):
        digest = bytes.fromhex(article.key[:32])
        if stored.source != article.source or digest in seen:
            yield InputError(article.source, f"the same article as {stored.id} "
                             f"({stored.source}), kept once under that id",
                             severity="warning")
        seen.add(digest)


def update_stories(store: Store, articles: Sequence[Article]) -> dict[str, str]:
    """Assign articles not yet in a story; returns article key -> story id for all given.

    Reading the stories, assigning and writing happen in one write transaction, so two
    processes updating one store take turns instead of both creating "story 3". The
    stories read are kept with the open store for its next call, and used again if the
    store's story generation token shows that nothing wrote the stories in between.
    """
    # taken out while the call runs: a call that fails leaves no half-changed states
    kept, store.story_cache = store.story_cache, None
    with store.transaction():
        assignment, index = _update_stories(store, articles, kept)
        db.mark_assigned(store)
    store.story_cache = index
    return assignment


def _update_stories(store: Store, articles: Sequence[Article], kept: StoredStoryIndex | None
                    ) -> tuple[dict[str, str], StoredStoryIndex | None]:
    known = db.story_of_articles(store, (a.key for a in articles))
    fresh = [a for a in articles if a.key not in known]
    given = {a.key for a in fresh}
    fresh += db.articles_without_story(store, held=given)
    if not fresh:
        return {a.key: known[a.key] for a in articles if a.key in known}, kept
    check_term_index(store)
    index = kept if kept is not None and kept.is_current() else StoredStoryIndex(store)
    assignment = assign_stories(index, fresh)
    index.write_terms()
    changed = index.changed()
    db.save_story_state(store, [(Story(s.id, s.title, topic=s.topic), s.keys, s.to_json())
                                for s in changed])
    merged: dict[str, str] = {}
    for state in changed:
        if state.absorbed:
            db.merge_stored_stories(store, state.id, state.absorbed)
            merged.update(dict.fromkeys(state.absorbed, state.id))
    index.settle()
    known = {key: merged.get(story_id, story_id) for key, story_id in known.items()}
    known.update(assignment)
    return {a.key: known[a.key] for a in articles if a.key in known}, index


def analyze_articles(articles: Sequence[Article], *, options: AnalyzeOptions | None = None,
                     progress: Progress | None = None) -> list[ArticleAnalysis]:
    """Full NLP per article: sentences, mentions, quotes, dates (spaCy stops here).

    With `options.dask` set, articles are analysed in partitions on Dask workers;
    the results are the same as in one process.
    """
    options = options or AnalyzeOptions()
    if options.dask:
        from .scale import analyze_on_dask

        analyses = analyze_on_dask(articles, scheduler=options.dask, model=options.model,
                                   analyze=_analyze_partition)
        if progress:
            progress(len(analyses))
        return analyses
    return _analyze_partition(articles, model=options.model, batch_size=options.batch_size,
                              n_process=options.n_process, progress=progress)


def _analyze_partition(articles: Sequence[Article], *, model: str | None, batch_size: int = 32,
                       n_process: int = 1, progress: Progress | None = None
                       ) -> list[ArticleAnalysis]:
    nlp = load_nlp(model)
    analyses = []
    docs = parse_texts(nlp, (a.text for a in articles), batch_size=batch_size,
                       n_process=n_process)
    for article, doc in zip(articles, docs, strict=True):
        analyses.append(_analyze_doc(article, doc))
        if progress:
            progress(1)
    return analyses


def _analyze_doc(article: Article, doc: Any) -> ArticleAnalysis:
    """One article's NLP results; a failing extractor costs that extractor's results for
    that article (quotes need the mentions, so they go with them), not the run."""
    sentences, lemmas, numbers, cues, clauses = sentence_features(doc, article.id)
    failures: list[str] = []

    def attempt(stage: str, extract: Callable[[], list[T]]) -> list[T]:
        try:
            return extract()
        except Exception as exc:  # noqa: BLE001 - reported in the dossier, never silent
            failures.append(f"{stage} of article {article.id} failed: {exc!r}")
            return []

    mentions = attempt("people", lambda: find_mentions(doc, article.id))
    quotes = (attempt("quotes", lambda: extract_quotes(doc, article.id, mentions))
              if not failures else [])
    quotes = [q for q in quotes if not _own_reporting(q, article.outlet)]
    dates = attempt("dates", lambda: find_dates(doc, article.id, article.published))
    if len(article.text) > MAX_CHARS:
        failures.append(f"text longer than {MAX_CHARS:,} characters: quotes, people and "
                        f"dates come from the first {MAX_CHARS:,} only")
    return ArticleAnalysis(article.id, tuple(sentences), tuple(mentions), tuple(quotes),
                           tuple(dates), tuple(lemmas), tuple(numbers), tuple(cues),
                           problem="; ".join(failures) or None, clauses=tuple(clauses))


def _own_reporting(quote: Quote, outlet: str) -> bool:
    """ "The Flare can reveal that ..." in The Daily Flare: the article's own claim, said
    by no one it reports (the outlet's full name, or "the" and its last word)."""
    written = (quote.speaker_text or "").split()
    said_by = " ".join(written).lower()
    words = outlet.lower().split()
    # (a name, capitalised: "The party said" in a party's own release is still the party's)
    return quote.kind == "indirect" and bool(words) and bool(written) and \
        written[-1][:1].isupper() and said_by in {" ".join(words), f"the {words[-1]}"}


def _without_spinner_words(entities: Sequence[Entity], analyses: Sequence[ArticleAnalysis],
                           provenance: Sequence[Provenance]) -> list[Entity]:
    """Entities without the aliases and roles only machine-spun articles give: those are
    the spinner's words ("Carriage Minister" for "Transport Minister"). Linking and
    speakers still use them, within the spun article."""
    spun = {p.article for p in provenance if p.kind == "spun"}
    if not spun:
        return list(entities)
    trusted = [m for a in analyses if a.article_id not in spun for m in a.mentions]
    said = {m.text for m in trusted} | {m.name for m in trusted}
    roles = {r for m in trusted for r in (m.role, *m.other_roles) if r}
    honorifics = {f"{m.honorific} " for m in trusted if m.honorific}
    return [replace(e, aliases=tuple(a for a in e.aliases if a in said or
                                     any(a.startswith(h) for h in honorifics)),
                    roles=tuple(r for r in e.roles if r in roles))
            if any(m.article in spun for m in e.mentions) else e for e in entities]


def _story_actors(entities: Sequence[Entity], articles: Sequence[Article],
                  provenance: Sequence[Provenance], speakers: set[str]) -> list[Entity]:
    """Entities but those that are no actor of the story, unless they speak: a body named
    only as the reporting outlet itself ("told the Post" in the Vale Evening Post) or only in
    credit lines ("Reporting by Northvale Press Agency"), and a name only machine-spun
    copies give ("Airfield Director" for "Airport Director")."""
    spun = {p.article for p in provenance if p.kind == "spun"}
    written = {a.id: a.outlet for a in articles}
    outlets = {key: outlet.lower() for key, outlet in written.items()}

    def own_outlet(entity: Entity) -> bool:
        """Named only by the outlet itself, and by spun copies of its articles."""
        name = entity.name.lower()

        def names_itself(article: str) -> bool:
            # "told Kestrel Radio" in Kestrel Radio News: its name without the outlet word
            return bool(outlets.get(article)) and (name == outlets[article] or
                                                   name in outlets[article].split() or
                                                   same_outlet(entity.name, written[article]))
        return entity.label == "ORG" and any(names_itself(a) for a in entity.articles) and \
            all(names_itself(a) or a in spun for a in entity.articles)

    return [e for e in entities if e.id in speakers or not (
        own_outlet(e) or set(e.articles) <= spun or credited_only(e, articles))]


def resolve_quotes(quotes: Sequence[Quote], entities: EntityIndex) -> list[ResolvedQuote]:
    """Attach each quote's speaker mention to its person or organisation."""
    resolved = []
    for index, quote in enumerate(quotes, start=1):
        speaker_id = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            speaker_id = entities.resolve(quote.article_id, quote.speaker_start,
                                          quote.speaker_end, quote.speaker_text or "")
        entity = entities.get(speaker_id) if speaker_id else None
        name = entity.name if entity else None
        resolved.append(ResolvedQuote(f"q{index}", quote, speaker_id, name))
    return resolved


def _with_speaker_mentions(entities: Sequence[Entity],
                           quotes: Sequence[ResolvedQuote]) -> list[Entity]:
    """Entities with the phrases resolved to them as speakers ("the gallery said", "she
    said") among their mentions, so an entity lists every article it speaks in."""
    spoken: dict[str, list[Span]] = defaultdict(list)
    for item in quotes:
        quote = item.quote
        if item.speaker and quote.speaker_start is not None and quote.speaker_end is not None:
            spoken[item.speaker].append(Span(quote.article_id, quote.speaker_start,
                                             quote.speaker_end))
    return [replace(entity, mentions=(*entity.mentions, *_new_spans(
        entity.mentions, spoken[entity.id]))) if entity.id in spoken else entity
            for entity in entities]


def _new_spans(known: Sequence[Span], spans: Iterable[Span]) -> list[Span]:
    """`spans` overlapping none of `known` nor each other, in text order."""
    kept: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (s.article, s.start)):
        if not any(other.article == span.article and other.start < span.end
                   and span.start < other.end for other in (*known, *kept)):
            kept.append(span)
    return kept


def build_story_results(story: Story, articles: Sequence[Article], *,
                        options: AnalyzeOptions | None = None,
                        errors: Sequence[InputError] = (),
                        progress: Progress | None = None,
                        analysed: Mapping[str, ArticleAnalysis] | None = None) -> StoryResults:
    """Run every stage after ingest on one story's articles.

    Args:
        analysed: NLP results already computed for these articles (by id), so that many
            stories can share one batched parse; missing ones are analysed here.
    """
    options = options or AnalyzeOptions()
    articles = sorted(articles, key=_publication_order)
    provenance: list[Provenance] = detect_provenance(articles)
    sources = independence_groups(provenance)
    analyses = _analyses_for(articles, analysed or {}, options=options, progress=progress)
    sources_by_id = {a.id: a.source for a in articles}
    errors = [*errors, *(InputError(sources_by_id[a.article_id], a.problem, "warning",
                                    "analysis")
                         for a in analyses if a.problem)]
    digests = {p.article for p in provenance if p.kind == "digest"}
    alignment = align_facts(articles, analyses, sources, digests)
    told = _within_items(analyses, alignment.digest_items)
    entities = link_entities([m for a in told for m in a.mentions],
                             {a.id: a.text for a in articles})
    quotes = resolve_quotes([q for a in told for q in a.quotes], entities)
    shown = _with_speaker_mentions(
        _story_actors(_without_spinner_words(entities.entities, told, provenance),
                      articles, provenance, {q.speaker for q in quotes if q.speaker}), quotes)
    published = {a.id: a.timestamp for a in articles}
    events = build_timeline(articles, [d for a in told for d in a.dates], sources,
                            facts=alignment.facts)
    quote_groups = group_quotes(quotes, published, sources)
    dated = date_divergences(events, articles)
    worded = quote_divergences(quote_groups, quotes, articles, sources)
    divergences = tuple(replace(d, id=f"d{i}") for i, d in enumerate(
        (*_not_dated_twice(alignment.divergences, dated), *dated, *worded), start=1))
    facts = mark_date_conflicts(alignment.facts, events)
    summary = disputed_where_stated(
        summarize(facts, alignment.fact_units, articles, sources,
                  max_words=options.summary_words, support=alignment.support), divergences)
    method = "extractive"
    if options.llm and summary:
        from .llm import rewrite_summary  # network code only when asked for

        rewrite = rewrite_summary(summary, articles, url=options.llm, model=options.llm_model)
        summary, method = list(rewrite.sentences), rewrite.method
        errors += rewrite.problems
    return StoryResults(story, tuple(articles), tuple(provenance), tuple(shown),
                        tuple(quotes), tuple(quote_groups), tuple(events),
                        attributed_facts(facts, analyses), divergences, tuple(summary),
                        tuple(errors), summary_method=method)


def _within_items(analyses: Sequence[ArticleAnalysis],
                  digest_items: Mapping[str, Sequence[tuple[int, int]]]
                  ) -> list[ArticleAnalysis]:
    """The analyses, but of a digest only the mentions, quotes and dates in this story's
    items: its other items (another story, the weather) are not the story's."""
    def inside(article_id: str, start: int) -> bool:
        return any(begin <= start < end for begin, end in digest_items[article_id])

    return [replace(a, mentions=tuple(m for m in a.mentions if inside(a.article_id, m.start)),
                    quotes=tuple(q for q in a.quotes if inside(a.article_id, q.start)),
                    dates=tuple(d for d in a.dates if inside(a.article_id, d.start)))
            if a.article_id in digest_items else a for a in analyses]


def _analyses_for(articles: Sequence[Article], analysed: Mapping[str, ArticleAnalysis], *,
                  options: AnalyzeOptions, progress: Progress | None) -> list[ArticleAnalysis]:
    missing = [a for a in articles if a.id not in analysed]
    fresh = {a.article_id: a for a in analyze_articles(missing, options=options,
                                                       progress=progress)} if missing else {}
    return [analysed.get(a.id) or fresh[a.id] for a in articles]


def _not_dated_twice(divergences: Sequence[Divergence], dated: Sequence[Divergence]
                     ) -> list[Divergence]:
    """The aligner's date divergences (one fact put on two days) that the timeline does
    not already show: it names the event and its dates in full."""
    shown = {(v.article, v.start) for d in dated for v in d.versions}
    return [d for d in divergences
            if d.kind != "date" or not {(v.article, v.start) for v in d.versions} <= shown]


def _publication_order(article: Article) -> tuple[float, str]:
    return (article.timestamp, article.id)


def build_dossier(story: Story, articles: Sequence[Article], *,
                  options: AnalyzeOptions | None = None, errors: Sequence[InputError] = (),
                  progress: Progress | None = None,
                  analysed: Mapping[str, ArticleAnalysis] | None = None) -> dict[str, Any]:
    """One story's dossier dict (the JSON contract)."""
    options = options or AnalyzeOptions()
    results = build_story_results(story, articles, options=options, errors=errors,
                                  progress=progress, analysed=analysed)
    return build_dossier_dict(results, generator=_generator(options))


def _generator(options: AnalyzeOptions) -> dict[str, Any]:
    generator = {"name": "storyline", "version": VERSION,
                 "model": options.model or default_model_name()}
    return generator | ({"llm_model": options.llm_model} if options.llm else {})


TITLE_SAMPLE = 200  # headlines compared to name a story
# A later headline renames a story only when it is clearly more central than every
# earlier one: sharing a word more (a side feature) is not enough.
TITLE_MARGIN = 0.8


def story_title(articles: Sequence[Article]) -> str:
    """The story's name: among its originals' headlines (each headline once; an article
    that credits another outlet is a copy, whose headline names the story only when no
    original has one), the earliest whose share of words with the others is at least
    TITLE_MARGIN of the most central one's. A story of a trial is named for its verdict
    once that is what its articles share, not for the preview before it; a side feature
    added later does not rename it, nor does a reprint's rewritten headline."""
    return _title_of_ordered(sorted(articles, key=_publication_order))


def _title_of_ordered(ordered: Sequence[Article]) -> str:
    """`story_title` of articles already in publication order."""
    titled = [a for a in ordered if a.title]
    if not titled:
        return ordered[0].text[:80] if ordered else ""
    # A reprint's headline is its wire's: each headline counts once, or copies would
    # name the story. Pairwise, so bounded: a big story is named from its first ones
    # (a credit is looked for only in a headline not yet seen, up to TITLE_SAMPLE).
    distinct: dict[str, Article] = {}
    for article in titled:
        key = " ".join(article.title.lower().split())
        if key not in distinct and not _credits_another_outlet(article):
            distinct[key] = article
            if len(distinct) == TITLE_SAMPLE:
                break
    if not distinct:  # no original has a headline: the copies' headlines
        for article in titled:
            distinct.setdefault(" ".join(article.title.lower().split()), article)
    titled = list(distinct.values())[:TITLE_SAMPLE]
    words = [set(content_words(a.title)) for a in titled]

    def shared(index: int) -> float:
        own = words[index]
        return sum(len(own & other) / max(1, len(own | other))
                   for other_index, other in enumerate(words) if other_index != index)
    scores = [shared(i) for i in range(len(titled))]
    best = max(scores)
    return next(a.title for a, score in zip(titled, scores, strict=True)
                if score >= TITLE_MARGIN * best)


def _credits_another_outlet(article: Article) -> bool:
    """A credit line naming an outlet other than the article's own: a copy, whose headline
    is no story's title. `find_credit` already leaves out the outlet's own name as
    `same_outlet` reads it; a dateline giving the first words of it ("(Harbor Times)" in
    Harbor Times Online, "(Marrowby)" in the Marrowby Evening Courier) is its own too."""
    credit = find_credit(article)
    if credit is None:
        return False
    own = article.outlet.lower().split()
    return not own or credit[0].lower().split() != own[:len(credit[0].split())]


def single_story(articles: Sequence[Article]) -> Story:
    """All given articles as a single story; the id is stable for the same set."""
    digest = hashlib.sha256("".join(sorted(a.key for a in articles)).encode()).hexdigest()
    return Story(f"story-{digest[:10]}", story_title(articles), tuple(a.id for a in articles))


def dossier_for_story(store: Store, story_id: str, *, options: AnalyzeOptions | None = None,
                      errors: Sequence[InputError] = (), progress: Progress | None = None,
                      analysed: Mapping[str, ArticleAnalysis] | None = None
                      ) -> dict[str, Any]:
    """A stored story's dossier, from the cache when its articles have not changed.

    The id of a story merged into another one gives the dossier of that other story.
    Its `errors` hold the stored problems of the story's input files (a warning kept
    from ingest) besides this run's `errors`.
    """
    options = options or AnalyzeOptions()
    story_id = db.resolve_story_id(store, story_id)
    return _dossier_from(store, _story_cache(store, story_id, options), options=options,
                         errors=errors, progress=progress, analysed=analysed)


def _dossier_from(store: Store, state: _CacheState, *, options: AnalyzeOptions,
                  errors: Sequence[InputError], progress: Progress | None = None,
                  analysed: Mapping[str, ArticleAnalysis] | None = None) -> dict[str, Any]:
    """The cached dossier of `state`, or a new one (then cached), plus this run's errors."""
    dossier = state.dossier
    if dossier is None:
        articles = state.articles
        story = Story(state.story_id, story_title(articles), tuple(a.id for a in articles))
        dossier = build_dossier(story, articles, options=options, errors=state.stored_errors,
                                progress=progress, analysed=analysed)
        # A brief the LLM was asked for but did not write is not cached: the next run
        # retries.
        if not options.llm or dossier["generator"]["summary"] == "llm":
            db.save_dossier(store, state.story_id, state.fingerprint, dossier,
                            wait_ms=db.CACHE_WRITE_WAIT_MS)
    return with_errors(dossier, errors)


def code_revision(root: Path = Path(__file__).parent) -> str:
    """A digest of the package's code and data files. Part of a cached dossier's
    fingerprint, so any change to a stage rebuilds it: a revision bumped by hand was
    forgotten once, and a user kept reading an older role after an upgrade."""
    if root == Path(__file__).parent:
        return _package_revision()
    return _files_digest(root)


@lru_cache(maxsize=1)
def _package_revision() -> str:
    return _files_digest(Path(__file__).parent)


def _files_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.suffix not in {".py", ".json"} or relative.parts[0] in {"demo", "__pycache__"}:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _fingerprint(articles: Sequence[Article], options: AnalyzeOptions,
                 stored_errors: Sequence[InputError] = ()) -> str:
    payload = json.dumps([sorted(a.key for a in articles), VERSION, code_revision(),
                          [[e.source, e.reason] for e in stored_errors],
                          options.model or default_model_name(), options.summary_words,
                          *([options.llm, options.llm_model] if options.llm else [])])
    return hashlib.sha256(payload.encode()).hexdigest()


def story_index(store: Store) -> dict[str, Any]:
    """The stories index of DESIGN.md, with topic, outlets and first/last dates added."""
    return index_of(db.list_story_headers(store))


def headlines_of(headers: Sequence[tuple[Story, Sequence[Article]]]) -> dict[str, str]:
    """Story id -> every headline of its articles, for searching."""
    return {story.id: " ".join(a.title for a in articles) for story, articles in headers}


def matching_stories(stories: Sequence[dict[str, Any]], query: str, *,
                     headlines: dict[str, str], named: set[str]) -> list[dict[str, Any]]:
    """The index's stories a search finds: those whose title, headlines, outlets or id
    hold every word of `query` (as written, any case), and `named`, those with an article
    whose text holds every word (`store.stories_with_words`)."""
    words = query.lower().split()

    def searched(story: dict[str, Any]) -> str:
        return " ".join([story["title"] or "", headlines.get(story["id"], ""), story["id"],
                         *story["outlets"]]).lower()

    def headed(story: dict[str, Any]) -> bool:
        return all(word in searched(story) for word in words)
    found = [s for s in stories if s["id"] in named or headed(s)]
    # A story whose headlines say the words before one whose text mentions them in passing
    # (a newsletter's item): the order given is kept within each.
    return sorted(found, key=lambda story: not headed(story))


def index_of(headers: Sequence[tuple[Story, Sequence[Article]]]) -> dict[str, Any]:
    """`story_index` from stories' headers (`store.list_story_headers`)."""
    stories = []
    for story, articles in headers:
        ordered = sorted(articles, key=_publication_order)
        first, last = _first_and_last([a.published_iso for a in ordered])
        stories.append({"id": story.id, "title": _title_of_ordered(ordered),
                        "articles": [a.id for a in ordered],
                        "topic": story.topic,
                        "outlets": sorted({a.outlet for a in articles if a.outlet}),
                        "first": first, "last": last})
    return {"stories": stories}


def analyze(store: Store, ingested: IngestReport, *, options: AnalyzeOptions | None = None,
            one_story: bool = False, progress: Progress | None = None) -> list[dict[str, Any]]:
    """Dossiers for what was just ingested: one story, or every story it falls into."""
    if one_story:
        if store.path != db.MEMORY:
            # Articles kept in a store are sorted into its stories, as `ingest` does,
            # so `stories`, `show` and later ingests see them.
            update_stories(store, ingested.articles)
        story = single_story(ingested.articles)
        return [build_dossier(story, ingested.articles, options=options,
                              errors=ingested.errors, progress=progress)]
    assignment = update_stories(store, ingested.articles)
    story_ids = list(dict.fromkeys(assignment[a.key] for a in ingested.articles))
    # One batched parse for every story that needs one: spaCy is fastest on long streams.
    options = options or AnalyzeOptions()
    states = [_story_cache(store, story_id, options) for story_id in story_ids]
    members = [a for state in states if state.dossier is None for a in state.articles]
    analysed = {a.article_id: a for a in analyze_articles(members, options=options,
                                                          progress=progress)}
    return [_dossier_from(store, state, options=options, errors=ingested.errors,
                          analysed=analysed) for state in states]


class _CacheState(NamedTuple):
    """What the dossier cache knows of a story: its articles and their stored input
    problems, the fingerprint they make, and the cached dossier (None when stale)."""

    story_id: str
    articles: list[Article]
    stored_errors: list[InputError]
    fingerprint: str
    dossier: dict[str, Any] | None


def _story_cache(store: Store, story_id: str, options: AnalyzeOptions) -> _CacheState:
    articles = db.story_articles(store, story_id)
    stored = db.errors_for_sources(store, (a.source for a in articles))
    fingerprint = _fingerprint(articles, options, stored)
    return _CacheState(story_id, articles, stored, fingerprint,
                       db.cached_dossier(store, story_id, fingerprint))


def story_topics(store: Store) -> dict[str, str]:
    """Story id -> topic id for every stored story."""
    return db.story_topics(store)


def _first_and_last(published: Sequence[str | None]) -> tuple[str | None, str | None]:
    """The earliest and the latest of the publication times of a story's articles as the
    index lists them (by time, then id), compared as moments (`instant`). Of one moment
    written with two UTC offsets, the first listed is "first" and the last listed "last",
    as a stable sort by time gives them: the one rule of `index_of` and `index_for`, so
    `storyline stories` and an `index.json` agree."""
    dated = [value for value in published if value]
    if not dated:
        return None, None
    return min(dated, key=instant), max(reversed(dated), key=instant)


def index_for(dossiers: Sequence[dict[str, Any]], *, topics: Mapping[str, str] | None = None
              ) -> dict[str, Any]:
    """The `index.json` of DESIGN.md for a list of dossiers (with `topics` from the store)."""
    topics = topics or {}
    stories = []
    for d in dossiers:
        first, last = _first_and_last([a["published"] for a in d["articles"]])
        stories.append({"id": d["story"]["id"], "title": d["story"]["title"],
                        "articles": [a["id"] for a in d["articles"]],
                        "topic": topics.get(d["story"]["id"]),
                        "outlets": sorted({a["outlet"] for a in d["articles"] if a["outlet"]}),
                        "first": first, "last": last})
    return {"stories": stories}


def quotes_for(articles: Sequence[Article], *, options: AnalyzeOptions | None = None,
               story_of: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Quotes with resolved speakers for a set of articles, as dossier quote objects.

    Speakers are resolved within each story (`story_of`: article key -> story id, as
    `update_stories` returns it; all one story without it), so "the company said" in one
    feed item never finds a company only another story names. With several stories a
    speaker id names its story ("s2/p1"), as each story counts its people from p1.
    """
    analyses = analyze_articles(articles, options=options)
    keys = {a.id: a.key for a in articles}
    stories: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    for analysis in analyses:
        stories[(story_of or {}).get(keys[analysis.article_id], "")].append(analysis)
    texts = {a.id: a.text for a in articles}
    out: list[dict[str, Any]] = []
    for story, told in stories.items():
        entities = link_entities([m for a in told for m in a.mentions], texts)
        for quote in resolve_quotes([q for a in told for q in a.quotes], entities):
            # entity ids count from p1 in each story: "s2/p1" is not "s1/p1"
            speaker = f"{story}/{quote.speaker}" if quote.speaker and len(stories) > 1 \
                else quote.speaker
            numbered = replace(quote, id=f"q{len(out) + 1}", speaker=speaker)
            out.append(quote_dict(numbered, texts[quote.quote.article_id]))
    return out


def timeline_for(articles: Sequence[Article], *, options: AnalyzeOptions | None = None
                 ) -> list[dict[str, Any]]:
    """The merged timeline of a set of articles, as dossier event objects."""
    ordered = sorted(articles, key=_publication_order)
    provenance = detect_provenance(ordered)
    sources = independence_groups(provenance)
    analyses = analyze_articles(ordered, options=options)
    # As in the dossier: of a digest, only the items this story's other articles tell,
    # and two dates in sentences aligned as one fact are one event.
    digests = {p.article for p in provenance if p.kind == "digest"}
    alignment = align_facts(ordered, analyses, sources, digests)
    told = _within_items(analyses, alignment.digest_items)
    events = build_timeline(ordered, [d for a in told for d in a.dates], sources,
                            facts=alignment.facts)
    return [event_dict(event) for event in events]
