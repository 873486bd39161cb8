"""CPU time of reading inputs (`ingest.read_inputs`) on generated JSONL (with `--files`, one
.txt file per article), no external data; with `--ingest N`, peak memory and CPU of a
whole `storyline ingest` of N articles.

The articles are fictional word salad in the demo's style: what is measured is the
reader (JSON, field checks, text clean-up), not the NLP. For `--ingest`, each of N / 10
made-up stories has its own made-up words, so clustering has stories to find. To compare
two versions, run the script with each on PYTHONPATH back to back (another worktree, or a
copy in /tmp).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["the", "Wrenfold", "ferry", "harbour", "master", "Pim", "Ostra", "said", "council",
         "tram", "Friday", "storm", "repairs"]


def article_texts(count: int, *, damaged: bool = False) -> list[str]:
    """`count` texts of eight 60-word paragraphs. With `damaged`, every "harbour" is
    "harb\ufffdur", as a scraper's bad decoding leaves it."""
    rng = random.Random(3)
    texts = []
    for _ in range(count):
        text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(60)) + "."
                           for _ in range(8))
        texts.append(text.replace("harbour", "harb\ufffdur") if damaged else text)
    return texts


def write_articles(path: Path, count: int, *, damaged: bool = False) -> int:
    """`count` articles (`article_texts`) as JSONL with their own ids; returns the number
    of words."""
    words = 0
    with path.open("w", encoding="utf-8") as stream:
        for number, text in enumerate(article_texts(count, damaged=damaged)):
            words += len(text.split())
            stream.write(json.dumps({
                "id": f"a{number}", "title": f"Ferry news {number}", "outlet": "Wrenfold Post",
                "author": "Pim Ostra", "url": f"https://wrenfold.example/{number}",
                "published": "2026-03-11T09:00:00Z", "text": text}) + "\n")
    return words


def write_files(folder: Path, count: int, *, damaged: bool = False) -> int:
    """The same articles as `write_articles`, each a .txt file with a header but no `Id:`
    line: every id is made from a file name, so the run reads all own ids ahead."""
    words = 0
    for number, text in enumerate(article_texts(count, damaged=damaged)):
        words += len(text.split())
        (folder / f"a{number}.txt").write_text(
            f"Title: Ferry news {number}\nOutlet: Wrenfold Post\nAuthor: Pim Ostra\n"
            f"Published: 2026-03-11T09:00:00Z\n\n{text}\n", encoding="utf-8")
    return words


def write_stories(path: Path, count: int) -> None:
    """`count` 360-word articles, ten to a made-up story, over nine months."""
    rng = random.Random(5)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            story = random.Random(number // 10)
            vocabulary = ["".join(story.choice(string.ascii_lowercase)
                                  for _ in range(story.randint(3, 9))) for _ in range(80)]
            text = " ".join(rng.choice(vocabulary) for _ in range(360)) + "."
            day = (number // 10) % 270
            stream.write(json.dumps({
                "id": f"s{number}", "title": f"Story {number // 10}",
                "outlet": f"Outlet {number % 7}",
                "published": f"2026-{1 + day // 30:02d}-{1 + day % 28:02d}T09:00:00Z",
                "text": text}) + "\n")


def measure_ingest(count: int) -> dict[str, float]:
    """Peak RSS and CPU seconds of `storyline ingest` on `count` generated articles."""
    with tempfile.TemporaryDirectory() as folder:
        path, store = Path(folder) / "crawl.jsonl", Path(folder) / "news.db"
        write_stories(path, count)
        input_mb = path.stat().st_size / 2**20
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "storyline", "ingest", str(path), "--db",
                        str(store)], check=True, env=os.environ.copy())
        seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"articles": count, "input_mb": round(input_mb, 1),
            "seconds": round(seconds, 1), "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the least CPU time counts")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    parser.add_argument("--damaged", action="store_true",
                        help="texts hold U+FFFD (a scraper's damage), as many crawls do")
    parser.add_argument("--derived", action="store_true",
                        help="a .txt file (an id made from its name) is read first, so the "
                             "JSONL's own ids are read ahead and reserved")
    parser.add_argument("--files", action="store_true",
                        help="one .txt file per article, each id made from its file name")
    parser.add_argument("--ingest", type=int, metavar="N",
                        help="measure a whole `storyline ingest` of N articles instead")
    args = parser.parse_args()
    if args.ingest:
        figures = measure_ingest(args.ingest)
        print(json.dumps(figures))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2))
        return
    from storyline.ingest import read_inputs

    with tempfile.TemporaryDirectory() as folder:
        path, note = Path(folder) / "articles.jsonl", Path(folder) / "note.txt"
        if args.files:
            path = Path(folder) / "articles"
            path.mkdir()
            words = write_files(path, args.articles, damaged=args.damaged)
        else:
            words = write_articles(path, args.articles, damaged=args.damaged)
        note.write_text("The Wrenfold ferry sails again, harbour master Pim Ostra said.\n")
        inputs = [str(note), str(path)] if args.derived else [str(path)]
        times = []
        for _ in range(args.repeat):
            start = time.process_time()
            records = list(read_inputs(inputs))
            times.append(time.process_time() - start)
    assert len(records) == len(inputs) - 1 + args.articles, "every article must be read"
    figures = {"articles": args.articles, "words": words, "cpu_s": round(min(times), 3),
               "us_per_article": round(min(times) / args.articles * 1e6, 1)}
    print(json.dumps(figures))
    print(f"read from {sys.modules['storyline.ingest'].__file__}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
