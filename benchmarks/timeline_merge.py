"""CPU time of `build_timeline` on a generated story: many dated mentions inside aligned facts.

No external data: each article is `--sentences` sentences of random made-up words ("w17 w203
...") dated "on March 1" to "on March 5", each sentence one aligned fact shared with the
next article (so every mention carries fact ids, as after `align`). The merge of mentions
into events compares each mention with the drafts of its date; this measures that cost and
prints a digest of the events, so that two versions of the code can be checked to give the
same timeline (same digest) at different costs.

Usage:
    python benchmarks/timeline_merge.py                       # 60 articles x 40 sentences
    python benchmarks/timeline_merge.py --articles 100 --json /tmp/merge.json
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from storyline.ingest import make_article
from storyline.models import Article, DateMention, Fact, Sentence, Span
from storyline.timeline import build_timeline

WORDS = [f"w{i}" for i in range(400)]


def generate(articles: int, sentences: int, seed: int = 1
             ) -> tuple[list[Article], list[DateMention], list[Fact]]:
    """Articles, their date mentions and one fact per sentence (shared with the next article)."""
    rng = random.Random(seed)
    made: list[Article] = []
    dates: list[DateMention] = []
    facts: list[Fact] = []
    for a in range(articles):
        article_id, text = f"a{a}", ""
        for k in range(sentences):
            day = k % 5 + 1
            start = len(text)
            sentence = " ".join(rng.sample(WORDS, 8)) + f" on March {day}. "
            text += sentence
            where = Sentence(article_id, start, start + len(sentence), sentence)
            at = start + sentence.index("March")
            dates.append(DateMention(article_id, f"March {day}", at, at + 7, f"2026-03-0{day}",
                                     "day", where, status="happened",
                                     clause=sentence.strip(), verb="do"))
            evidence = (Span(article_id, start, start + len(sentence)),
                        Span(f"a{(a + 1) % articles}", 0, 5))
            facts.append(Fact(f"f{a}_{k}", sentence, "corroborated", evidence, 2))
        made.append(make_article(id=article_id, source=article_id, text=text,
                                 published="2026-03-10T09:00:00Z", outlet=f"Outlet {a}"))
    return made, dates, facts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--sentences", type=int, default=40, help="dated sentences per article")
    parser.add_argument("--json", type=Path, default=None, help="write results as JSON here")
    args = parser.parse_args(argv)
    articles, dates, facts = generate(args.articles, args.sentences)
    started = time.process_time()
    events = build_timeline(articles, dates, facts=facts)
    cpu = time.process_time() - started
    digest = hashlib.md5(json.dumps([dataclasses.asdict(e) for e in events], default=str,
                                    sort_keys=True).encode()).hexdigest()
    result = {"benchmark": "timeline_merge", "articles": args.articles,
              "mentions": len(dates), "events": len(events), "cpu_seconds": round(cpu, 3),
              "digest": digest}
    print(f"{len(dates)} mentions -> {len(events)} events in {cpu:.2f} s CPU "
          f"(events digest {digest})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
