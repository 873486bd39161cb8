"""Date divergences on ECB+: how many timeline entries Storyline marks as conflicting.

Each ECB+ topic holds the documents of two real events of the same kind (two earthquakes,
two arrests of one athlete...), written by different outlets; documents carry background
history too ("acquitted in 1958", "founded in the 1930s"). So a topic is a hard test for
the date divergence: the same kind of event at different dates must NOT become one
conflicting entry, while outlets that really disagree on a date should.

For each topic, all its documents go through ``storyline.pipeline.analyze_articles`` (no
publication dates: ECB+ has none, so only absolute dates resolve) and
``storyline.timeline.build_timeline`` as independent sources. The script prints every
entry marked ``conflicting`` with the sentences behind each date, so that each can be read
and judged (the judgement is not automatic: there is no gold for date disagreements).

Data: ../shared/data/ecbplus (skipped with a message when absent); nothing is copied.

Usage:
    python benchmarks/date_conflicts.py                    # tuning topics 1-35
    python benchmarks/date_conflicts.py --split test --json /tmp/date_conflicts.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _ecbplus import Document, load_topics, require_data, split_topics

from storyline.ingest import make_article
from storyline.pipeline import analyze_articles
from storyline.timeline import build_timeline


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def topic_conflicts(documents: Sequence[Document]) -> tuple[int, list[dict[str, Any]]]:
    """Timeline entries of one topic, and the conflicting ones with their evidence."""
    articles = [make_article(id=d.name, source=d.name, text=d.text, outlet=d.name,
                             published=None) for d in documents]
    texts = {a.id: a.text for a in articles}
    analyses = analyze_articles(articles)
    events = build_timeline(articles, [m for a in analyses for m in a.dates])
    found = []
    for event in events:
        if not event.conflicting:
            continue
        found.append({"event": event.id, "description": event.description,
                      "dates": [{"date": d.date, "sentences": [
                          {"document": s.article, "text": " ".join(
                              texts[s.article][s.start:s.end].split())}
                          for s in d.evidence]} for d in event.dates]})
    return len(events), found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "test", "both"), default="tune")
    parser.add_argument("--limit", type=int, default=None, help="first N topics per split")
    parser.add_argument("--json", type=Path, default=None, help="write results as JSON here")
    args = parser.parse_args(argv)
    require_data()
    started = time.perf_counter()
    output: dict[str, Any] = {"benchmark": "date divergences (ECB+)",
                              "command": " ".join(sys.argv), "splits": {}}
    for split, topics in split_topics(args.split, args.limit).items():
        by_topic: dict[int, list[Document]] = defaultdict(list)
        for document in load_topics(topics):
            by_topic[document.topic].append(document)
        entries = 0
        conflicts: list[dict[str, Any]] = []
        print(f"## ECB+ {split} topics ({len(by_topic)})\n")
        for topic, documents in sorted(by_topic.items()):
            count, found = topic_conflicts(documents)
            entries += count
            for item in found:
                item["topic"] = topic
                conflicts.append(item)
                print(f"- topic {topic}, {' vs '.join(d['date'] for d in item['dates'])}: "
                      f"{item['description']}")
                for reported in item["dates"]:
                    for sentence in reported["sentences"][:3]:
                        print(f"  - {reported['date']} ({sentence['document']}): "
                              f"{sentence['text'][:200]}")
            log(f"  {split}: topic {topic} done ({len(documents)} documents)")
        print(f"\n{len(by_topic)} topics, {sum(len(d) for d in by_topic.values())} documents: "
              f"{entries} timeline entries, {len(conflicts)} marked conflicting.\n")
        output["splits"][split] = {"topics": len(by_topic), "entries": entries,
                                   "conflicting": conflicts}
    output["seconds_total"] = time.perf_counter() - started
    if args.json:
        args.json.write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
