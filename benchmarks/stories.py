"""Story clustering on ECB+: `cluster.assign_stories` against the events and the topics.

Every ECB+ topic holds two real events of the same kind (two earthquakes, two arrests...):
documents ``<topic>_<n>ecb.xml`` report the first, ``..._<n>ecbplus.xml`` the second. A
good story clusterer keeps the 2 events of a topic apart; a topic-level one merges them.

Quality: all documents of a split (tuning topics 1-35, test topics 36-45) become Articles
(``ingest.make_article`` on the text rebuilt from the tokens; no title, no date: ECB+
documents carry no publication dates, so the time factor of `assign_stories` never acts)
and go through ``assign_stories``

* incrementally: a new ``MemoryStoryIndex``, articles passed one at a time in a random
  order (seeds 0-4);
* as one batch call. ``assign_stories`` sorts a batch by (publication date, id); without
  dates that is id order, and ids are an opaque hash of the file name, so the batch result
  is the same for every seed: it is reported once. Merges and topic links are re-checked
  once per call, so the batch is not the same as one-at-a-time calls in its order.

B-cubed P/R/F1 of the predicted stories against the events (2 per topic), of the predicted
topics (``StoryState.topic``) against the ECB+ topics, and, for comparison, of the stories
against the topics; mean and minimum over seeds. ``--analysis`` (tuning topics only) lists
the topics whose two events share stories, with the terms the two events share most, and
sweeps the join, merge and topic thresholds, the merge size limit and the topic regroup
limits on the tuning topics. Each split is also scored by halves of its topics (tuning
1-17 / 18-35, test 36-40 / 41-45), from the same runs: a gain in one half only is noise.

Throughput: ``assign_stories`` on 1k, 10k and 100k synthetic articles built from real ECB+
text: sentences of one event's documents shuffled across its documents, names and numbers
varied per synthetic story (about 15 articles each), streamed in batches of 1,000 into one
growing ``MemoryStoryIndex``. Seconds, articles/s and the marginal cost per article are reported at
each size (cumulative checkpoints of one stream: the same as separate runs of that size);
the median CPU cost of the last 10 batches is the figure least disturbed by other load,
and that cost divided by the CPU cost of computing the same batch's article vectors alone
(work that does not grow with the store), measured right after it, removes the rest: the
shared machine's speed changes over a long run, that ratio does not.
``--store`` measures the same stream through ``save_articles`` + ``pipeline.update_stories``
on an on-disk store, as ``storyline ingest`` runs it (state loaded and written per batch).
The synthetic articles are dated as a crawl would date them: ``--per-day`` articles a day
(default 300, so that the 300-article window a synthetic story falls in is about one day
of coverage; 100,000 articles span some 11 months) from 2025-01-01, each published at a
random time within the day before it arrives (a crawl does not pick articles up in
publication order); ``--per-day 0`` leaves them undated. Work counts need no care about
load: candidate lookups per article, postings counted per lookup and stories changed per
batch (medians of the last 10 batches).

Usage:
    python benchmarks/stories.py --split both --json /tmp/stories.json
    python benchmarks/stories.py --split tune --analysis --sizes 0
    python benchmarks/stories.py --split tune --analysis --sweep TOPIC_THRESHOLD --sizes 0
    python benchmarks/stories.py --split tune --limit 1 --sizes 1000,10000,100000 --budget 3000
    python benchmarks/stories.py --split tune --limit 1 --sizes 1000,10000 --per-day 0
    python benchmarks/stories.py --split test --sizes 0          # no throughput run
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import _ecbplus as ecb

from storyline import cluster
from storyline.cluster import MemoryStoryIndex, StoryState, article_vector, assign_stories
from storyline.ingest import make_article
from storyline.models import Article
from storyline.pipeline import update_stories
from storyline.store import open_store, save_articles, story_of_articles, story_topics

SEEDS = (0, 1, 2, 3, 4)
DEFAULT_SIZES = "1000,10000,100000"
CHUNK = 1000
RECENT = 10  # batches whose median CPU cost is reported at a checkpoint (robust to load)
STORY_SIZE = 15  # mean synthetic articles per synthetic story
WINDOW = 300  # synthetic stories are interleaved within windows of this many articles
PER_DAY = 300  # synthetic articles a day by default: a story's window is a day of news
STREAM_START = datetime(2025, 1, 1, tzinfo=UTC)  # arrival time of the first synthetic article
SWEEPS = {"JOIN_THRESHOLD": (0.18, 0.22, 0.26, 0.30, 0.34, 0.38, 0.45),
          "MERGE_THRESHOLD": (0.35, 0.40, 0.45, 0.50, 0.60),
          "MERGE_MAX_SIZE": (1, 3, 1_000_000),
          "TOPIC_THRESHOLD": (0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.19),
          "REGROUP_TOPICS": (0, 1, 2, 3, 5, 10),
          "REGROUP_MAX_STORIES": (1, 4, 8, 12, 24, 1_000_000)}
# Each split is also scored in two halves of its topics (below / from this topic number),
# from the same runs: a setting that only helps one half does not generalise.
HALF_FROM = {"tune": 18, "test": 41}
SYLLABLES = ("ka", "lo", "mi", "ren", "to", "va", "sil", "dor", "an", "bre", "cu", "fen",
             "gar", "hol", "is", "jun", "kel", "mar", "nor", "pel", "quin", "ros", "tam",
             "ul", "vek", "wyn", "yor", "zel")


# -- quality -------------------------------------------------------------------------

def opaque_id(document: ecb.Document) -> str:
    return "a" + hashlib.sha1(document.name.encode()).hexdigest()[:10]


def make_articles(docs: Sequence[ecb.Document]) -> list[Article]:
    return [make_article(id=opaque_id(d), source=f"ecbplus/{d.topic}/{d.name}.xml",
                         text=d.text, url=d.url) for d in docs]


Labels = tuple[dict[str, str], dict[str, str]]  # article key -> story id, -> topic id


def labels_of(states: Sequence[StoryState]) -> Labels:
    """Final story and topic of every article placed so far (merges included)."""
    return ({k: s.id for s in states for k in s.keys},
            {k: s.topic for s in states for k in s.keys})


def bcubed_row(docs: Sequence[ecb.Document], articles: Sequence[Article], labels: Labels
               ) -> dict[str, float]:
    names = [d.name for d in docs]
    story = {d.name: labels[0][a.key] for d, a in zip(docs, articles, strict=True)}
    topic = {d.name: labels[1][a.key] for d, a in zip(docs, articles, strict=True)}
    events = {d.name: d.event for d in docs}
    topics = {d.name: d.topic for d in docs}
    ep, er, ef = ecb.bcubed(events, story)
    sp, sr, sf = ecb.bcubed(topics, story)
    tp, tr, tf = ecb.bcubed(topics, topic)
    return {"event_p": ep, "event_r": er, "event_f1": ef, "topic_p": tp, "topic_r": tr,
            "topic_f1": tf, "story_topic_p": sp, "story_topic_r": sr, "story_topic_f1": sf,
            "stories": len(set(story.values())), "topics": len({topic[n] for n in names})}


def run_incremental(articles: Sequence[Article]) -> tuple[Labels, float]:
    index = MemoryStoryIndex()
    started = time.perf_counter()
    for article in articles:
        assign_stories(index, [article])
    return labels_of(index.states), time.perf_counter() - started


def run_batch(articles: Sequence[Article]) -> tuple[Labels, float]:
    index = MemoryStoryIndex()
    started = time.perf_counter()
    assign_stories(index, list(articles))
    return labels_of(index.states), time.perf_counter() - started


def evaluate_split(docs: Sequence[ecb.Document], half_from: int | None = None
                   ) -> dict[str, Any]:
    articles = make_articles(docs)
    per_seed = []
    for seed in SEEDS:
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        labels, seconds = run_incremental([articles[i] for i in order])
        row = bcubed_row(docs, articles, labels)
        row.update(seed=seed, seconds=seconds)
        if half_from is not None:
            for name, part in _halves(docs, articles, half_from).items():
                half = bcubed_row(part[0], part[1], labels)
                row.update({f"{name}_topic_p": half["topic_p"],
                            f"{name}_topic_f1": half["topic_f1"]})
        per_seed.append(row)
    batch_labels, batch_seconds = run_batch(articles)
    batch = bcubed_row(docs, articles, batch_labels)
    batch["seconds"] = batch_seconds
    # Same order one at a time as the batch sees it: how much do per-call re-checks change?
    same_order, _ = run_incremental(sorted(articles, key=lambda a: a.id))
    batch["equals_incremental_in_id_order"] = same_order == batch_labels
    metrics = [k for k in per_seed[0] if k not in {"seed", "seconds"}]
    summary = {k: {"mean": statistics.fmean(r[k] for r in per_seed),
                   "min": min(r[k] for r in per_seed)} for k in metrics}
    return {"documents": len(docs), "events": len({d.event for d in docs}),
            "topics": len({d.topic for d in docs}), "incremental": summary,
            "per_seed": per_seed, "batch": batch,
            "_assignment": batch_labels[0], "_articles": articles}


def _halves(docs: Sequence[ecb.Document], articles: Sequence[Article], half_from: int
            ) -> dict[str, tuple[list[ecb.Document], list[Article]]]:
    parts: dict[str, tuple[list[ecb.Document], list[Article]]] = {
        "first_half": ([], []), "second_half": ([], [])}
    for document, article in zip(docs, articles, strict=True):
        part = parts["first_half" if document.topic < half_from else "second_half"]
        part[0].append(document)
        part[1].append(article)
    return parts


def halves_line(split: str, result: dict[str, Any], half_from: int) -> str:
    inc = result["incremental"]
    if "first_half_topic_f1" not in inc:
        return ""
    return (f"- {split}: topic B3 F1 by half (topics below {half_from} / from it, same runs, "
            f"mean of seeds): {inc['first_half_topic_f1']['mean']:.3f} / "
            f"{inc['second_half_topic_f1']['mean']:.3f} (P "
            f"{inc['first_half_topic_p']['mean']:.3f} / {inc['second_half_topic_p']['mean']:.3f})")


HEADERS = ["split", "run", "docs", "events", "stories", "event B3 P", "event B3 R",
           "event B3 F1", "topics", "topic B3 P", "topic B3 R", "topic B3 F1",
           "stories vs topics B3 P / R / F1"]


def quality_rows(split: str, result: dict[str, Any]) -> list[list[object]]:
    inc = result["incremental"]
    base = [split, "", result["documents"], result["events"]]
    keys = ["stories", "event_p", "event_r", "event_f1", "topics", "topic_p", "topic_r",
            "topic_f1"]
    rows: list[list[object]] = []
    for stat in ("mean", "min"):
        row = list(base)
        row[1] = f"incremental, {stat} of {len(SEEDS)} seeds"
        row.extend(inc[k][stat] if k not in {"stories", "topics"} else f"{inc[k][stat]:.1f}"
                   for k in keys)
        row.append(_story_topic({k: v[stat] for k, v in inc.items()}))
        rows.append(row)
    batch = result["batch"]
    rows.append([split, "batch (one call)", result["documents"], result["events"],
                 *[batch[k] for k in keys], _story_topic(batch)])
    return rows


def _story_topic(row: dict[str, float]) -> str:
    return " / ".join(f"{row[k]:.3f}" for k in ("story_topic_p", "story_topic_r",
                                                 "story_topic_f1"))


# -- analysis (tuning topics only) -----------------------------------------------------

def merged_topics(docs: Sequence[ecb.Document], articles: Sequence[Article],
                  assignment: dict[str, str]) -> list[dict[str, Any]]:
    """Topics whose two events share a predicted story, with the terms they share."""
    found = []
    by_topic: dict[int, list[tuple[ecb.Document, Article]]] = defaultdict(list)
    for document, article in zip(docs, articles, strict=True):
        by_topic[document.topic].append((document, article))
    for topic, pairs in sorted(by_topic.items()):
        stories: dict[str, Counter[str]] = defaultdict(Counter)
        for document, article in pairs:
            stories[document.kind][assignment[article.key]] += 1
        shared = set(stories["ecb"]) & set(stories["ecbplus"])
        if not shared:
            continue
        mixed_docs = sum(n for kind in stories.values() for s, n in kind.items() if s in shared)
        centroids = {kind: _centroid([a for d, a in pairs if d.kind == kind])
                     for kind in ("ecb", "ecbplus")}
        contributions = {t: centroids["ecb"][t] * centroids["ecbplus"][t]
                         for t in centroids["ecb"].keys() & centroids["ecbplus"].keys()}
        top = sorted(contributions, key=lambda t: -contributions[t])[:8]
        within = statistics.fmean(_mean_pair_cosine([a for d, a in pairs if d.kind == k])
                                  for k in ("ecb", "ecbplus"))
        across = _cross_cosine([a for d, a in pairs if d.kind == "ecb"],
                               [a for d, a in pairs if d.kind == "ecbplus"])
        found.append({"topic": topic, "documents": len(pairs),
                      "documents_in_mixed_stories": mixed_docs,
                      "mean_cosine_within_event": within, "mean_cosine_across_events": across,
                      "shared_terms": top})
    return found


def _centroid(articles: Sequence[Article]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for article in articles:
        for term, weight in article_vector(article).items():
            total[term] += weight / len(articles)
    return dict(total)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _mean_pair_cosine(articles: Sequence[Article]) -> float:
    vectors = [article_vector(a) for a in articles]
    pairs = [_cosine(vectors[i], vectors[j]) for i in range(len(vectors))
             for j in range(i + 1, len(vectors))]
    return statistics.fmean(pairs) if pairs else math.nan


def _cross_cosine(left: Sequence[Article], right: Sequence[Article]) -> float:
    a = [article_vector(x) for x in left]
    b = [article_vector(x) for x in right]
    pairs = [_cosine(x, y) for x in a for y in b]
    return statistics.fmean(pairs) if pairs else math.nan


def threshold_sweep(docs: Sequence[ecb.Document], name: str, values: Sequence[float]
                    ) -> list[dict[str, float]]:
    """B-cubed (mean over seeds, incremental) with `cluster.<name>` set to each value."""
    original = getattr(cluster, name)
    rows = []
    try:
        for value in values:
            setattr(cluster, name, value)
            inc = evaluate_split(docs, HALF_FROM["tune"])["incremental"]
            row = {k: inc[k]["mean"] for k in ("stories", "event_p", "event_r", "event_f1",
                                               "topics", "topic_p", "topic_r", "topic_f1",
                                               "first_half_topic_f1", "second_half_topic_f1")}
            rows.append({"threshold": value, **row, "event_f1_min": inc["event_f1"]["min"],
                         "topic_f1_min": inc["topic_f1"]["min"]})
    finally:
        setattr(cluster, name, original)
    return rows


# -- throughput ------------------------------------------------------------------------

class SyntheticStream:
    """Endless synthetic articles from real ECB+ sentences, names and numbers varied."""

    def __init__(self, docs: Sequence[ecb.Document], seed: int = 0,
                 per_day: int = PER_DAY) -> None:
        pools: dict[str, list[str]] = defaultdict(list)
        for document in docs:
            pools[document.event].extend(s for s in document.text.split("\n\n") if s.strip())
        self.events = sorted(pools)
        self.pools = pools
        self.rng = random.Random(seed)
        self.counter = 0
        self.per_day = per_day  # 0: undated articles
        # a generator of its own: the texts are those of the undated stream
        self.dates = random.Random(f"dates-{seed}")

    def _name(self, rng: random.Random) -> str:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        return word.capitalize()

    def _story(self, story: int) -> tuple[str, dict[str, str], random.Random]:
        rng = random.Random(f"story-{story}")
        return rng.choice(self.events), {}, rng

    def articles(self) -> Iterator[tuple[int, Article]]:
        stories: dict[int, tuple[str, dict[str, str], random.Random]] = {}
        base = 0
        while True:
            window = [base + self.rng.randrange(WINDOW) // STORY_SIZE for _ in range(WINDOW)]
            for story in window:
                if story not in stories:
                    stories[story] = self._story(story)
                    stories.pop(story - 3 * WINDOW // STORY_SIZE, None)
                yield story, self._article(story, *stories[story])
            base += WINDOW // STORY_SIZE

    def _article(self, story: int, event: str, names: dict[str, str],
                 story_rng: random.Random) -> Article:
        pool = self.pools[event]
        count = min(len(pool), self.rng.randint(8, 20))
        sentences = self.rng.sample(pool, count)

        def rename(match: re.Match[str]) -> str:
            word = match.group(0)
            if word not in names:
                names[word] = self._name(story_rng)
            return names[word]

        def renumber(match: re.Match[str]) -> str:
            return "".join(str(self.rng.randrange(10)) for _ in match.group(0))

        text = "\n\n".join(re.sub(r"\d+", renumber, re.sub(r"(?<=\w )[A-Z][a-z]{2,}", rename, s))
                           for s in sentences)
        self.counter += 1
        return make_article(id=f"syn{self.counter:07d}", source="synthetic", text=text,
                            published=self._published())

    def _published(self) -> str | None:
        """Published within the day before the article arrives (`per_day` arrive a day)."""
        if not self.per_day:
            return None
        days = (self.counter - 1) / self.per_day - self.dates.random()
        return (STREAM_START + timedelta(days=days)).isoformat()


class InMemory:
    """`assign_stories` on one `MemoryStoryIndex` kept across batches."""

    def __init__(self) -> None:
        self.index = MemoryStoryIndex()

    def add(self, batch: Sequence[Article]) -> dict[str, str]:
        return assign_stories(self.index, batch)

    def labels(self) -> dict[str, str]:
        return labels_of(self.index.states)[0]

    def stories(self) -> int:
        return len(self.index.states)

    def close(self) -> None:
        pass


class ThroughStore:
    """What `storyline ingest` does after reading: save a batch, then `update_stories`
    (clustering state loaded from and written to an on-disk SQLite store)."""

    def __init__(self, path: Path) -> None:
        self.store = open_store(path)

    def add(self, batch: Sequence[Article]) -> dict[str, str]:
        return update_stories(self.store, save_articles(self.store, batch))

    def labels(self) -> dict[str, str]:
        return story_of_articles(self.store)

    def stories(self) -> int:
        return len(story_topics(self.store))

    def close(self) -> None:
        self.store.close()


class LookupCounter:
    """Counts the candidate lookups of clustering and the postings each one counts:
    work that does not depend on the machine's load, unlike seconds."""

    def __init__(self) -> None:
        self.lookups = 0
        self.postings = 0
        self._real = cluster.most_shared

    def __enter__(self) -> LookupCounter:
        def counting(postings: Iterable[Iterable[int]],
                     keep: Callable[[int], bool] | None = None) -> list[int]:
            lists = [list(ranks) for ranks in postings]
            self.lookups += 1
            self.postings += sum(len(ranks) for ranks in lists)
            # code from before the window passes no `keep` (and takes none)
            return self._real(lists, keep) if keep is not None else self._real(lists)

        cluster.most_shared = counting  # looked up as a module global by both indexes
        return self

    def __exit__(self, *exc: object) -> None:
        cluster.most_shared = self._real

    def take(self) -> tuple[int, int]:
        counts = self.lookups, self.postings
        self.lookups = self.postings = 0
        return counts


def throughput(docs: Sequence[ecb.Document], sizes: Sequence[int], budget: float, *,
               runner: InMemory | ThroughStore, per_day: int = PER_DAY) -> dict[str, Any]:
    """Cumulative checkpoints of one stream fed to `runner` in batches of CHUNK."""
    stream = SyntheticStream(docs, per_day=per_day).articles()
    truth: dict[str, int] = {}
    points: list[dict[str, Any]] = []
    chunks: list[tuple[int, float, int]] = []  # (articles so far, batch seconds, stories)
    cpu: list[float] = []  # CPU ms per article of each batch
    ratio: list[float] = []  # each batch's CPU cost over that of its article vectors alone
    # lookups per article, postings per lookup, stories changed, of each batch
    work: list[tuple[float, float, int]] = []
    counter = LookupCounter()
    done, spent, words = 0, 0.0, 0
    largest = max(sizes)
    wanted = set(sizes)
    while done < largest:
        pairs = [next(stream) for _ in range(min(CHUNK, largest - done))]
        batch = [a for _, a in pairs]
        truth.update((a.key, story) for story, a in pairs)
        words += sum(a.words for a in batch)
        started, cpu_started = time.perf_counter(), time.process_time()
        with counter:
            assignment = runner.add(batch)
        elapsed = time.perf_counter() - started
        cpu.append(1000 * (time.process_time() - cpu_started) / len(batch))
        lookups, postings = counter.take()
        work.append((lookups / len(batch), postings / max(lookups, 1),
                     len(set(assignment.values()))))
        ratio.append(cpu[-1] / _reference_ms(batch))
        spent += elapsed
        done += len(batch)
        stories = runner.stories()
        chunks.append((done, elapsed, stories))
        over = spent > budget
        if done in wanted or over:
            _, _, f1 = ecb.bcubed(truth, runner.labels())
            points.append({"articles": done, "seconds": spent, "articles_per_s": done / spent,
                           "ms_per_article": 1000 * spent / done,
                           "last_batch_ms_per_article": 1000 * elapsed / len(batch),
                           "recent_cpu_ms_per_article": statistics.median(cpu[-RECENT:]),
                           "recent_cost_over_reference": statistics.median(ratio[-RECENT:]),
                           "stories": stories,
                           "recent_lookups_per_article": statistics.median(
                               w[0] for w in work[-RECENT:]),
                           "recent_postings_per_lookup": statistics.median(
                               w[1] for w in work[-RECENT:]),
                           "recent_stories_changed_per_batch": statistics.median(
                               w[2] for w in work[-RECENT:]),
                           "synthetic_stories": len(set(truth.values())),
                           "synthetic_b3_f1": f1, "mean_words": words / done,
                           "stopped_by_budget": over and done not in wanted})
            print(f"[throughput] {done} articles, {spent:.1f}s, {stories} stories",
                  file=sys.stderr)
            if over:
                break
    projection = _project(chunks, largest) if done < largest else None
    return {"points": points, "chunks": chunks, "projection": projection}


def _reference_ms(batch: Sequence[Article]) -> float:
    """CPU ms per article of `article_vector` alone on the batch, measured now.

    Its work does not depend on how many stories exist, so it tracks how fast the
    (shared) machine runs at that moment: a cost that keeps the same multiple of it is flat.
    """
    started = time.process_time()
    for article in batch:
        article_vector(article)
    return 1000 * (time.process_time() - started) / len(batch)


def _project(chunks: Sequence[tuple[int, float, int]], target: int) -> dict[str, float] | None:
    """Least-squares line of the per-article cost against articles so far, summed to target."""
    if len(chunks) < 3:
        return None
    xs = [float(n) for n, _, _ in chunks]
    ys = [seconds / CHUNK for _, seconds, _ in chunks]
    slope, intercept = statistics.linear_regression(xs, ys)
    done = int(xs[-1])
    spent = sum(seconds for _, seconds, _ in chunks)
    rest = sum(intercept + slope * n for n in range(done + 1, target + 1))
    return {"target": target, "seconds": spent + rest,
            "ms_per_article_at_target": 1000 * (intercept + slope * target),
            "ms_per_article_growth_per_1k_articles": 1000 * slope * 1000}


# -- main ----------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["tune", "test", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="first N topics of each split")
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help="synthetic stream checkpoints, comma-separated; 0 skips")
    parser.add_argument("--budget", type=float, default=420.0,
                        help="stop the throughput stream after this many seconds")
    parser.add_argument("--store", action="store_true",
                        help="throughput through an on-disk store (save_articles + "
                             "update_stories) instead of assign_stories alone")
    parser.add_argument("--per-day", type=int, default=PER_DAY,
                        help=f"synthetic articles dated this many a day (default {PER_DAY}; "
                             "0: undated)")
    parser.add_argument("--analysis", action="store_true",
                        help="merged topics and a threshold sweep, tuning topics only")
    parser.add_argument("--sweep", action="append", choices=sorted(SWEEPS), default=None,
                        help="with --analysis: sweep only this setting (repeatable)")
    parser.add_argument("--join-threshold", type=float, default=None,
                        help="what-if: override cluster.JOIN_THRESHOLD for this run")
    parser.add_argument("--json", default=None, help="write results to this file")
    parser.add_argument("--selftest", action="store_true", help="check the scorers and exit")
    args = parser.parse_args(argv)
    if args.selftest:
        ecb.selftest()
        print("self-test passed")
        return 0
    ecb.require_data()
    if args.join_threshold is not None:
        cluster.JOIN_THRESHOLD = args.join_threshold
    started = time.perf_counter()
    splits = ecb.split_topics(args.split, args.limit)
    output: dict[str, Any] = {
        "join_threshold": cluster.JOIN_THRESHOLD, "merge_threshold": cluster.MERGE_THRESHOLD,
        "merge_max_size": cluster.MERGE_MAX_SIZE, "topic_threshold": cluster.TOPIC_THRESHOLD,
        "regroup_topics": cluster.REGROUP_TOPICS,
        "regroup_max_stories": cluster.REGROUP_MAX_STORIES,
        "max_postings": cluster.MAX_POSTINGS,
        "postings_counted": getattr(cluster, "POSTINGS_COUNTED", None),
        "topic_candidates": getattr(cluster, "TOPIC_CANDIDATES", None),
        "seeds": list(SEEDS), "splits": {}}
    rows: list[list[object]] = []
    tune_docs: list[ecb.Document] = []
    for split, topics in splits.items():
        docs = ecb.load_topics(topics)
        if split == "tune":
            tune_docs = docs
        result = evaluate_split(docs, HALF_FROM[split])
        result["topic_numbers"] = topics
        output["splits"][split] = result
        rows.extend(quality_rows(split, result))
        print(f"[{split}] {len(docs)} documents, {len(topics)} topics, "
              f"{result['batch']['seconds']:.1f}s per batch run", file=sys.stderr)
    print(f"\n## ECB+ story clustering (assign_stories, JOIN_THRESHOLD="
          f"{cluster.JOIN_THRESHOLD}, MERGE_THRESHOLD={cluster.MERGE_THRESHOLD} up to "
          f"MERGE_MAX_SIZE={cluster.MERGE_MAX_SIZE}, TOPIC_THRESHOLD="
          f"{cluster.TOPIC_THRESHOLD})\n")
    print("ECB+ documents have no publication dates: the time factor never applies.\n")
    print(ecb.markdown_table(HEADERS, rows) + "\n")
    for split, result in output["splits"].items():
        same = result["batch"]["equals_incremental_in_id_order"]
        print(f"- {split}: batch call == one-at-a-time in the batch's (id) order: {same}")
        line = halves_line(split, result, HALF_FROM[split])
        if line:
            print(line)
    print()
    if args.analysis:
        if not tune_docs:
            print("--analysis runs on the tuning topics only; add --split tune or both.\n")
        else:
            result = output["splits"]["tune"]
            merged = merged_topics(tune_docs, result["_articles"], result["_assignment"])
            output["tune_merged_topics"] = merged
            print("### Tuning topics whose two events share a story (batch run)\n")
            print(ecb.markdown_table(
                ["topic", "docs", "docs in mixed stories", "cos within event",
                 "cos across events", "terms shared most"],
                [[m["topic"], m["documents"], m["documents_in_mixed_stories"],
                  m["mean_cosine_within_event"], m["mean_cosine_across_events"],
                  ", ".join(m["shared_terms"])] for m in merged]) + "\n")
            for name in args.sweep or SWEEPS:
                values = SWEEPS[name]
                sweep = threshold_sweep(tune_docs, name, values)
                output[f"tune_sweep_{name.lower()}"] = sweep
                print(f"### {name} sweep (tuning topics, incremental, mean of seeds; "
                      f"now {getattr(cluster, name)})\n")
                print(ecb.markdown_table(
                    [name, "stories", "event B3 P", "event B3 R", "event B3 F1",
                     "event F1 min", "topics", "topic B3 P", "topic B3 R", "topic B3 F1",
                     "topic F1 min", "topic F1 by half"],
                    [[r["threshold"], f"{r['stories']:.1f}", r["event_p"], r["event_r"],
                      r["event_f1"], r["event_f1_min"], f"{r['topics']:.1f}", r["topic_p"],
                      r["topic_r"], r["topic_f1"], r["topic_f1_min"],
                      f"{r['first_half_topic_f1']:.3f} / {r['second_half_topic_f1']:.3f}"]
                     for r in sweep]) + "\n")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip() and int(s) > 0]
    if sizes:
        every = ecb.load_topics(ecb.topics_present())
        with tempfile.TemporaryDirectory() as folder:
            runner = ThroughStore(Path(folder) / "stories.db") if args.store else InMemory()
            measured = throughput(every, sizes, args.budget, runner=runner,
                                  per_day=args.per_day)
            runner.close()
        output["throughput"] = measured
        output["throughput_through_store"] = args.store
        output["throughput_articles_per_day"] = args.per_day
        what = "save_articles + update_stories on a SQLite file" if args.store else \
            "assign_stories"
        print(f"### Throughput of {what} (synthetic articles from ECB+ text)\n")
        print(ecb.markdown_table(
            ["articles", "seconds", "articles/s", "ms/article (cumulative)",
             "ms/article (last 1k batch)", f"CPU ms/article (median of last {RECENT} batches)",
             "CPU cost / article vectors alone (median)",
             "stories", "lookups/article", "postings/lookup", "stories changed/batch",
             "synthetic stories", "B3 F1 vs synthetic stories", "words/article"],
            [[p["articles"], p["seconds"], f"{p['articles_per_s']:.0f}", p["ms_per_article"],
              p["last_batch_ms_per_article"], p["recent_cpu_ms_per_article"],
              f"{p['recent_cost_over_reference']:.2f}", p["stories"],
              f"{p['recent_lookups_per_article']:.2f}",
              f"{p['recent_postings_per_lookup']:.0f}",
              f"{p['recent_stories_changed_per_batch']:.0f}",
              p["synthetic_stories"], p["synthetic_b3_f1"], f"{p['mean_words']:.0f}"]
             for p in measured["points"]]) + "\n")
        projection = measured["projection"]
        if projection:
            print(f"Stopped after the {args.budget:.0f}s budget (--budget). Projection for "
                  f"{projection['target']} articles from a line fitted to the per-batch cost: "
                  f"{projection['seconds']:.0f}s in all, "
                  f"{projection['ms_per_article_at_target']:.1f} ms per article at the end "
                  f"(+{projection['ms_per_article_growth_per_1k_articles']:.2f} ms per 1k "
                  "articles already stored).\n")
    elapsed = time.perf_counter() - started
    output["seconds"] = round(elapsed, 1)
    print(f"Total runtime {elapsed:.0f}s.")
    if args.json:
        for result in output["splits"].values():
            result.pop("_assignment", None)
            result.pop("_articles", None)
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(output, handle, indent=2, default=str)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
