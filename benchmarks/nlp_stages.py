"""CPU time per article of the per-Doc stages after spaCy: `nlp.sentence_features` and
`dates.find_dates`, on PolNeAR texts parsed once (the parse itself is not timed).

Reads `../shared/data/polnear/data/<split>/text/*.txt` (a tuning split by default; only
the CPU time is reported, nothing of the texts). Each stage runs over every Doc `--repeat`
times, with the Docs' cached results (`Doc.user_data`) cleared before each run; the least
CPU time counts. To compare two versions, run the script with each on PYTHONPATH back to
back (another worktree, or a copy in /tmp).

Usage:
    python benchmarks/nlp_stages.py                  # 80 train texts, best of 3
    python benchmarks/nlp_stages.py --limit 20 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from spacy.tokens import Doc

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "data"
PUBLISHED = datetime(2016, 3, 1, tzinfo=UTC)  # a day in the corpus's years


def least_cpu(docs: list[Doc], stage: Callable[[Doc, str], object], repeat: int) -> float:
    """The least CPU seconds of `repeat` runs of `stage` over every Doc."""
    times = []
    for _ in range(repeat):
        for doc in docs:
            doc.user_data.clear()
        start = time.process_time()
        for number, doc in enumerate(docs):
            stage(doc, str(number))
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--limit", type=int, default=80, help="first N texts, by name")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the least CPU time counts")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    args = parser.parse_args()
    folder = DATA / args.split / "text"
    if not folder.is_dir():
        print(f"no PolNeAR texts at {folder}: nothing to measure", file=sys.stderr)
        return 1
    from storyline.dates import find_dates
    from storyline.nlp import load_nlp, sentence_features

    texts = [path.read_text(encoding="utf-8")
             for path in sorted(folder.glob("*.txt"))[:args.limit]]
    docs = list(load_nlp().pipe(texts, batch_size=32))
    stages: dict[str, Callable[[Doc, str], object]] = {
        "sentence_features": sentence_features,
        "find_dates": lambda doc, name: find_dates(doc, name, PUBLISHED)}
    least_cpu(docs, lambda doc, name: [run(doc, name) for run in stages.values()], 1)  # warm
    figures: dict[str, object] = {"split": args.split, "articles": len(docs)}
    for name, stage in stages.items():
        figures[f"{name}_ms_per_article"] = round(
            least_cpu(docs, stage, args.repeat) / len(docs) * 1000, 2)
    print(json.dumps(figures))
    print(f"read from {sys.modules['storyline.nlp'].__file__}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
