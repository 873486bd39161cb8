"""CPU time of reading inputs (`ingest.read_inputs`) on generated JSONL, no external data.

The articles are fictional word salad in the demo's style: what is measured is the
reader (JSON, field checks, text clean-up), not the NLP. To compare two versions, run
the script with each on PYTHONPATH back to back (another worktree, or a copy in /tmp).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["the", "Wrenfold", "ferry", "harbour", "master", "Pim", "Ostra", "said", "council",
         "tram", "Friday", "storm", "repairs"]


def write_articles(path: Path, count: int) -> int:
    """`count` articles of eight 60-word paragraphs; returns the number of words."""
    rng = random.Random(3)
    words = 0
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(60)) + "."
                               for _ in range(8))
            words += len(text.split())
            stream.write(json.dumps({
                "id": f"a{number}", "title": f"Ferry news {number}", "outlet": "Wrenfold Post",
                "author": "Pim Ostra", "url": f"https://wrenfold.example/{number}",
                "published": "2026-03-11T09:00:00Z", "text": text}) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the least CPU time counts")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    args = parser.parse_args()
    from storyline.ingest import read_inputs

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.jsonl"
        words = write_articles(path, args.articles)
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            records = list(read_inputs([str(path)]))
            times.append(time.process_time() - start)
    assert len(records) == args.articles, "every generated article must be read"
    figures = {"articles": args.articles, "words": words, "cpu_s": round(min(times), 3),
               "us_per_article": round(min(times) / args.articles * 1e6, 1)}
    print(json.dumps(figures))
    print(f"read from {sys.modules['storyline.ingest'].__file__}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
