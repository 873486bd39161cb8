"""Throughput and peak memory of `storyline analyze`, next to spaCy alone on the same text.

Generates N articles in memory from the fictional demo corpus (12 articles, 2 stories):
copy k renames people, places, institutions and outlets, shifts numbers, moves publication
dates by k * --days-per-copy days (weekday and month names move with them), swaps content
words outside quotations for other words of the same part of speech, and gets ids
f"{id}-{k}"; so content hashes differ, each copy keeps the demo's structure (reprint, spun
copy, digest, quotes, divergence) and clustering sees about two stories per copy. The
articles go into a temporary directory as JSONL. For each N, each in a fresh worker process
so that peak memory (the worker's own max RSS) belongs to one measurement:

1. spaCy alone: ``list(nlp.pipe(texts, batch_size=32))`` with the model storyline loads
   (``storyline.nlp.load_nlp``), over the texts as storyline ingests them;
2. storyline analyze: what ``storyline analyze DIR --format json`` does: ``open_store(None)``,
   ``pipeline.ingest_inputs`` on the JSONL directory, ``pipeline.analyze`` (clustered into
   stories), ``pipeline.index_for`` and JSON encoding of every dossier.

Model loading is excluded from both wall times (it is done before the clock starts) but is
included in both peak-memory figures. Nothing is written into the repository.

Usage:
    python benchmarks/throughput.py                        # 100, 1,000 and 10,000 articles
    python benchmarks/throughput.py --sizes 100            # quick run
    python benchmarks/throughput.py --sizes 100,1000 --json out.json --profile 1000
"""

from __future__ import annotations

import argparse
import calendar
import cProfile
import importlib.metadata
import json
import os
import platform
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

import storyline
from storyline import credits as credit_rules
from storyline import date_clauses as clause_rules
from storyline import dates as date_rules
from storyline import digests as digest_rules
from storyline import entities as entity_rules
from storyline import pair_alignment as pair_rules
from storyline import pipeline
from storyline import provenance as provenance_rules
from storyline import quote_labels as label_rules
from storyline import quotes as quote_rules
from storyline import reported as reported_rules
from storyline import speech_cues as cue_rules
from storyline import text as text_rules
from storyline.cli import DEMO_ARTICLES
from storyline.ingest import read_inputs
from storyline.models import Article
from storyline.names import ORG_NOUNS, ROLE_NOUNS
from storyline.nlp import default_model_name, load_nlp
from storyline.store import open_store

DEFAULT_SIZES = "100,1000,10000"
# More than the clustering's time window (storyline.cluster.MAX_GAP_DAYS, 45 days) plus the
# 8 days a demo story spans, and not a multiple of 7, so weekday names vary between copies.
DAYS_PER_COPY = 57
SPACY_BATCH = 32
JSONL_NAME = "articles.jsonl"
HEARTBEAT_SECONDS = 30.0
PROFILE_TOP = 15

# Invented replacement names; copy k draws its cast from these with random.Random(k).
FIRST_NAMES = (
    "Adela", "Bram", "Corin", "Dagny", "Elias", "Freya", "Gideon", "Halla", "Ivo", "Jorun",
    "Kasimir", "Liesl", "Magnus", "Nora", "Oskar", "Petra", "Quentin", "Runa", "Stellan",
    "Tove", "Ulrik", "Vera", "Wilhelm", "Yara", "Zeno", "Anselm", "Brisa", "Cato", "Delphine",
    "Edda", "Fabian", "Greta", "Hugo", "Ines", "Jasper", "Kaja", "Leopold", "Mira", "Nils",
    "Olga", "Pavel", "Rosalind", "Silas", "Thea", "Viggo", "Wanda", "Xenia", "Yusuf",
)
SURNAMES = (
    "Ambrell", "Bellweather", "Castellan", "Dorrance", "Everell", "Falkner", "Grimsley",
    "Hollings", "Iverholt", "Jessop", "Kettering", "Lindqvar", "Moravec", "Nettleton",
    "Orsavi", "Pemberly", "Quarles", "Rothwell", "Sandoval", "Thackeray", "Umberfield",
    "Vasquel", "Wexley", "Yardley", "Zorawski", "Abernath", "Brightwater", "Coldridge",
    "Dunstable", "Eskdale", "Fairclough", "Galbraith", "Hexley", "Ingleby", "Jarrowman",
    "Kilbride", "Lockridge", "Merriweather", "Northcote", "Oakhurst", "Prewitt",
    "Ravensworth", "Stanhope", "Tregarthen", "Upcott", "Varley", "Whitcombe", "Yelland",
)
TOWNS = (
    "Aldermoor", "Brackenford", "Caldwick", "Dovrey", "Elmscar", "Farrowby", "Glenhallow",
    "Hollowmere", "Ivelford", "Jessingham", "Kestley", "Larkhollow", "Marrowdale", "Nethercombe",
    "Oxlade", "Pellingham", "Quarrydown", "Rushmere", "Saltwick", "Thornholt", "Umberstow",
    "Valebridge", "Wyncombe", "Yarrowby", "Ambercliff", "Bexworth", "Crowmarsh", "Dunstead",
    "Eastmire", "Fennick", "Greyhallow", "Hartwold", "Irongate", "Kelswick", "Lowmarsh",
    "Millbrackon", "Netherby", "Oldmarsh", "Pinewold", "Ravensholm",
)
RIVERS = (
    "Ambrel", "Brenna", "Coldwater", "Dace", "Eddon", "Fernlow", "Grayling", "Heron", "Isolde",
    "Juno", "Kittiwake", "Lowen", "Merlin", "Nennet", "Osprey", "Plover", "Quill", "Rook",
    "Swalen", "Teal", "Ulva", "Vole", "Wren", "Yarrow",
)
STREETS = (
    "Baker", "Chapel", "Ferry", "Granary", "Harbour", "Kiln", "Lantern", "Market", "Orchard",
    "Pottery", "Rope", "Salt", "Tannery", "Weaver", "Wharf", "Bell", "Cooper", "Dyer",
)
COMPANIES = (
    "Arkwright", "Brennard", "Carrow", "Deverell", "Eckersley", "Forsythe", "Gantry",
    "Hallam", "Ironside", "Jacobsen", "Kincaid", "Larsen", "Mortlake", "Nordahl",
)
GALLERIES = (
    "Harbourside", "Seafront", "Tidewater", "Clifftop", "Riverside", "Beacon", "Shoreline",
    "Lighthouse", "Saltwind", "Driftwood",
)
CROSSINGS = (RIVERS, ("River", "Valley", "Bay", "Lake"),
             ("Bridge", "Tunnel", "Highway", "Road", "Viaduct", "Causeway"))
STREET_KINDS = ("Lane", "Road", "Street", "Way", "Avenue", "Drive")
COMPANY_KINDS = ("Steel Works", "Construction", "Ironworks", "Structures", "Civil Works",
                 "Fabrication", "Engineering Group")
WEEKDAY_NAMES = tuple(calendar.day_name)
MONTH_NAMES = tuple(calendar.month_name)[1:]
HALLS = ("Town Hall", "Civic Centre", "Guildhall", "Council House", "Municipal Hall",
         "City Hall")
COUNCILS = ("Town Council", "Borough Council", "District Council", "County Council",
            "Municipal Council", "City Council")
PORTFOLIOS = ("Transport", "Infrastructure", "Public Works", "Regional Development", "Roads",
              "Interior", "Mobility", "Construction")
INSTITUTES = ("Engineering", "Structural", "Technical", "Polytechnic", "Materials", "Civil")
OUTLET_WORDS = (
    "Meridian", "Valley", "Northern", "Capital", "Morning", "Arts", "Coastal", "Highland",
    "Lowland", "Eastern", "Western", "Midland", "Granite", "Beacon", "Compass", "Lantern",
    "Summit", "Silver", "Pioneer", "Sentinel", "Evening", "Riverside", "Borough", "County",
)
WIRE_NAMES = ("NewsFlash", "NewsBlitz", "InfoRush", "HeadlineHub", "StoryPulse", "NewsDash",
              "QuickWire", "FastFeed")
# Who and what in the demo corpus gets renamed per copy ("Valley Herald" also renames
# "Valley Herald Mirror", which provenance pairs with it by name).
OUTLETS = ("Meridian Press", "Valley Herald", "Northern Ledger", "Morning Brief",
           "Capital Times", "Arts Weekly")
PEOPLE = (
    "Ilse Varga", "Tomas Brandt", "Amara Osei", "Lena Marsh", "Paul Fenwick", "Nadia Kovac",
    "Samuel Trent", "Clara Whitlow", "Ivy Calder", "Rafael Quint", "Jonas Pike", "Maren Holt",
    "Hanna Ruud", "Declan Moss", "Theo Lindqvist",
)
# Date words the date stage tests inline (not in a module-level lexicon).
DATE_WORDS = frozenset((
    "next", "coming", "upcoming", "later", "this", "last", "ago", "yesterday", "earlier",
    "previous", "past", "today", "tonight", "tomorrow", "morning", "afternoon", "evening",
    "night", "early", "mid", "late", "end", "beginning", "start", "weekend", "week", "month",
    "year", "day"))
QUOTED_RE = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,]\d)|(?<![\w.,])\d+(?![\w]|[.,]\d)")


# -- generating the corpus --------------------------------------------------------------


def demo_articles() -> list[Article]:
    """The demo corpus as storyline reads it (12 articles, 2 stories)."""
    return [r for r in read_inputs([str(DEMO_ARTICLES)]) if isinstance(r, Article)]


def _cast(rng: random.Random) -> dict[str, str]:
    """Consistent renaming for one copy: old name -> new name."""
    mapping: dict[str, str] = {}
    firsts = rng.sample(FIRST_NAMES, len(PEOPLE))
    lasts = rng.sample(SURNAMES, len(PEOPLE))
    for person, first, last in zip(PEOPLE, firsts, lasts, strict=True):
        old_first, old_last = person.split()
        mapping[old_first] = first
        mapping[old_last] = last
    town_a, town_b = rng.sample(TOWNS, 2)
    mapping["Dunmore"] = town_a
    mapping["Port Elsin"] = f"Port {town_b}"
    mapping["Kestrel River Bridge"] = " ".join(rng.choice(part) for part in CROSSINGS)
    for old in ("Mill Lane", "Quay Street"):
        mapping[old] = f"{rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"
    company = rng.choice(COMPANIES)
    mapping["Halvorsen"] = company
    mapping["Halvorsen Steel Works"] = f"{company} {rng.choice(COMPANY_KINDS)}"
    mapping["City Hall"] = rng.choice(HALLS)
    mapping["City Council"] = rng.choice(COUNCILS)
    mapping["Transport"] = rng.choice(PORTFOLIOS)  # Ministry of Transport, Transport Minister
    mapping["Engineering"] = rng.choice(INSTITUTES)
    mapping["Lakeside"] = rng.choice(GALLERIES)
    for outlet, word in zip(OUTLETS, rng.sample(OUTLET_WORDS, len(OUTLETS)), strict=True):
        mapping[outlet] = f"{word} {outlet.split()[-1]}"  # "Meridian Press" -> "Granite Press"
    mapping["NewsFlash24"] = f"{rng.choice(WIRE_NAMES)}24"
    return mapping


def _calendar(days: int, reference: date) -> dict[str, str]:
    """Weekday and month names moved with a publication date shifted by `days`.

    "On Tuesday" in an article published on a Wednesday stays "the day before publication".
    """
    mapping = {day: WEEKDAY_NAMES[(i + days) % 7] for i, day in enumerate(WEEKDAY_NAMES)}
    moved = reference + timedelta(days=days)
    months = (moved.year - reference.year) * 12 + moved.month - reference.month
    mapping.update({month: MONTH_NAMES[(i + months) % 12] for i, month in enumerate(MONTH_NAMES)})
    return mapping


def _shift_number(match: re.Match[str], delta: int) -> str:
    """Shift quantities (12 -> 12+d, 40,000 -> 40,000+d*1,000) and years (1981 -> 1981-d).

    Small numbers (below 10: clock times, days of the month, spelled-digit spin) stay as they
    are, so sentences that agreed still agree and the 12 vs 14 million divergence survives.
    """
    raw = match.group(0)
    value = int(raw.replace(",", ""))
    if value < 10:
        return raw
    if "," not in raw and len(raw) == 4 and 1000 <= value <= 2100:
        return str(value - delta)
    digits = len(str(value))
    shifted = value + delta * 10 ** max(0, digits - 2)
    return f"{shifted:,}" if "," in raw else str(shifted)


def _lower_words(value: object) -> Iterator[str]:
    """Lower-case words held by a module-level lexicon (set, dict, list, regex pattern)."""
    if isinstance(value, re.Pattern):
        yield from re.findall(r"(?<![\\?])\b[a-z]{2,}\b", value.pattern)
    elif isinstance(value, str):
        if value.islower():
            yield from re.findall(r"[a-z]{2,}", value)
    elif isinstance(value, dict):
        for key in value:
            yield from _lower_words(key)
    elif isinstance(value, set | frozenset | list | tuple):
        for item in value:
            yield from _lower_words(item)


def storyline_words() -> frozenset[str]:
    """Lower-case words that storyline's rules look for; they are never swapped.

    These are the lower-case entries of the module-level lexicons of the NLP stages (speech
    verbs, roles, organisation nouns, date words, stop words, credit-line patterns, ...) and
    a few date words those stages test inline, so quotes, dates and provenance still work on
    the varied copies.
    """
    found: set[str] = set(DATE_WORDS)
    for module in (text_rules, quote_rules, cue_rules, label_rules, reported_rules, entity_rules,
                   date_rules, provenance_rules, credit_rules, pair_rules, digest_rules,
                   clause_rules):
        for name, value in vars(module).items():
            if name.lstrip("_").isupper():  # module constants: SPEECH_VERBS, _NUMBER_STRINGS
                found.update(_lower_words(value))
    return frozenset(found)


def spin_pattern(corpus: str) -> re.Pattern[str]:
    """The spin phrases (storyline's data file) that occur in the corpus, as one pattern.

    Provenance looks for them to tell a spun copy, so their words are never swapped there.
    """
    package = Path(storyline.__file__).parent
    phrases = json.loads((package / "data" / "spin_phrases.json").read_text(encoding="utf-8"))
    lower = corpus.lower()
    found = sorted((p.lower() for p in phrases.get("phrases", {})
                    if re.search(rf"\b{re.escape(p.lower())}\b", lower)), key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in found) or "(?!)"
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


def _add_s(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return f"{word[:-1]}ies"
    return f"{word}es" if re.search(r"(s|x|z|ch|sh)$", word) else f"{word}s"


def _add_ed(verb: str) -> str:
    if verb.endswith("e"):
        return f"{verb}d"
    return f"{verb[:-1]}ied" if re.search(r"[^aeiou]y$", verb) else f"{verb}ed"


def _add_ing(verb: str) -> str:
    return f"{verb[:-1]}ing" if re.search(r"[^e]e$", verb) else f"{verb}ing"


# Part-of-speech tag -> (word list of spaCy's English lemmatizer, inflection).
OPEN_CLASSES: dict[str, tuple[str, Callable[[str], str]]] = {
    "NN": ("noun", str), "NNS": ("noun", _add_s), "JJ": ("adj", str), "RB": ("adv", str),
    "VB": ("verb", str), "VBP": ("verb", str), "VBZ": ("verb", _add_s),
    "VBD": ("verb", _add_ed), "VBN": ("verb", _add_ed), "VBG": ("verb", _add_ing),
}


def open_class_pools(nlp: Language, protected: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Replacement words per tag: the lemmatizer's nouns, verbs, adjectives and adverbs
    that the model's vocabulary knows, regularly inflected; empty without such tables."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return {}
    pools: dict[str, tuple[str, ...]] = {}
    for tag, (pos, inflect) in OPEN_CLASSES.items():
        if pos not in index:
            continue
        bases = sorted({w for w in index[pos] if re.fullmatch(r"[a-z]{4,12}", w)
                        and w in nlp.vocab.strings and w not in protected})
        pools[tag] = tuple(dict.fromkeys(inflect(w) for w in bases))
    return pools


@dataclass(frozen=True, slots=True)
class WordClass:
    """Corpus words of one tag (or one storyline lexicon) and what they may become."""

    words: tuple[str, ...]
    pool: tuple[str, ...]
    titled: bool = False  # also swap the capitalised form ("Minister" -> "Sheriff")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Swappable words of the demo corpus, grouped so a swap keeps the grammar and the rules.

    Content words become other words of the same part-of-speech tag, drawn from the
    English word lists of spaCy's lemmatizer (so two copies rarely share them); role and
    organisation nouns become other nouns of storyline's ROLE_NOUNS and ORG_NOUNS, so "the
    minister" stays a role and "the council" an organisation. Words storyline's rules look
    for (speech verbs, date words, ...) stay.
    """

    classes: tuple[WordClass, ...]
    spin: re.Pattern[str]

    @classmethod
    def from_corpus(cls, articles: Sequence[Article], model: str | None) -> Lexicon:
        """Tag the demo corpus once with the benchmark's model and group its words."""
        nlp = load_nlp(model)
        texts = [t for a in articles for t in (a.title, a.text)]
        spin = spin_pattern("\n".join(texts))
        nouns = {"role": ROLE_NOUNS, "org": ORG_NOUNS}
        protected = storyline_words() | nouns["role"] | nouns["org"]
        tags: dict[tuple[str, str], set[str]] = defaultdict(set)
        for doc in nlp.pipe(texts, batch_size=SPACY_BATCH):
            for token in doc:
                lower, lemma = token.lower_, token.lemma_.lower()
                if not token.is_alpha or len(lower) < 3:
                    continue
                kind = next((k for k, lexicon in nouns.items() if lemma in lexicon), None)
                if kind and (token.tag_, lower) in {("NN", lemma), ("NNS", _add_s(lemma))}:
                    tags[(kind, token.tag_)].add(lower)
                elif token.text == lower and token.tag_ in OPEN_CLASSES \
                        and lower not in protected and lemma not in protected:
                    tags[("word", token.tag_)].add(lower)
        pools = open_class_pools(nlp, protected)
        classes = []
        for (kind, tag), found in sorted(tags.items()):
            words = tuple(sorted(found))
            if kind == "word":
                pool = pools.get(tag, ())
                classes.append(WordClass(words, pool if len(pool) > 10 * len(words) else words))
            else:
                base = sorted(w for w in nouns[kind] if w.isalpha() and w != "prime")
                pool = tuple(base) if tag == "NN" else tuple(_add_s(w) for w in base)
                classes.append(WordClass(words, tuple(sorted(set(pool) | set(words))),
                                         titled=True))
        return cls(tuple(classes), spin)

    def swap(self, rng: random.Random) -> tuple[dict[str, str], dict[str, str]]:
        """One copy's consistent swap: (lower-case words, capitalised words)."""
        lower: dict[str, str] = {}
        titled: dict[str, str] = {}
        for group in self.classes:
            chosen = rng.sample(group.pool, len(group.words))
            lower.update(zip(group.words, chosen, strict=True))
            if group.titled:
                titled.update((w.capitalize(), c.capitalize())
                              for w, c in zip(group.words, chosen, strict=True))
        return lower, titled


class Variation:
    """How copy k differs from the demo corpus: names, words, numbers, dates and ids."""

    def __init__(self, k: int, lexicon: Lexicon | None, *, day_step: int, reference: date
                 ) -> None:
        rng = random.Random(k)
        self.k = k
        self.days = k * day_step
        self.lexicon = lexicon
        names = _cast(rng) | _calendar(self.days, reference)
        self.words, self.titled = lexicon.swap(rng) if lexicon else ({}, {})
        # "Dunmore Engineering Institute (DEI)": the acronym follows the new name.
        institute = f"{names['Dunmore']} {names['Engineering']} " \
                    f"{self.titled.get('Institute', 'Institute')}"
        names["DEI"] = "".join(word[0] for word in institute.split())
        for old, new in list(names.items()):
            if old.upper() != old:
                names[old.upper()] = new.upper()  # datelines: "DUNMORE (Meridian Press) - "
        self.names = names
        self.delta = k % 9 + 1
        alternation = "|".join(re.escape(old) for old in sorted(names, key=len, reverse=True))
        self.pattern = re.compile(rf"\b(?:{alternation})\b|\b[A-Za-z]+\b")

    def rename(self, text: str) -> str:
        """Names only (outlets, authors)."""
        return self.pattern.sub(lambda m: self.names.get(m.group(0), m.group(0)), text)

    def text(self, text: str) -> str:
        """Names and numbers change everywhere; other words outside quotations and spin phrases.

        Quotations keep their words so the parses of quotes and speech cues stay the ones of
        the demo corpus (swapped words inside them can make the parser take a word of the
        quote as the speaker).
        """
        kept = [m.span() for m in QUOTED_RE.finditer(text)]
        if self.lexicon:
            kept += [m.span() for m in self.lexicon.spin.finditer(text)]

        def swap(match: re.Match[str]) -> str:
            word = match.group(0)
            if word in self.names:
                return self.names[word]
            if any(start <= match.start() < end for start, end in kept):
                return word
            return self.words.get(word) or self.titled.get(word) or word

        renamed = self.pattern.sub(swap, text)
        return NUMBER_RE.sub(lambda m: _shift_number(m, self.delta), renamed)

    def article(self, article: Article) -> Article:
        """Copy k of one demo article; its id becomes f"{id}-{k}"."""
        published = article.published + timedelta(days=self.days) if article.published \
            else None
        return replace(article, id=f"{article.id}-{self.k}", text=self.text(article.text),
                       title=self.text(article.title), outlet=self.rename(article.outlet),
                       author=self.rename(article.author),
                       url=f"{article.url}-{self.k}" if article.url else "",
                       published=published)


def generate(n: int, base: Sequence[Article], lexicon: Lexicon | None, *,
             day_step: int = DAYS_PER_COPY) -> list[Article]:
    """N articles: copies k = 0, 1, 2, ... of the demo corpus, cut to N."""
    reference = min((a.published for a in base if a.published), default=datetime(2026, 3, 9))
    articles: list[Article] = []
    k = 0
    while len(articles) < n:
        variation = Variation(k, lexicon, day_step=day_step, reference=reference.date())
        articles.extend(variation.article(a) for a in base)
        k += 1
    return articles[:n]


def write_jsonl(articles: Sequence[Article], directory: Path) -> Path:
    """The articles as one JSONL file (the fields storyline reads back)."""
    path = directory / JSONL_NAME
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            record = {"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title,
                      "published": a.published_iso, "author": a.author, "text": a.text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# -- measuring (each measurement runs in a fresh worker process) ------------------------


@dataclass(frozen=True, slots=True)
class Measurement:
    """What one worker process reports."""

    seconds: float  # wall time of the measured part; the model is loaded before the clock
    peak_mb: float  # the worker's own max RSS (model, texts, docs, store, dossiers)
    articles: int
    words: int
    stories: int = 0
    # CPU time of the same part: what a loaded, shared machine does not stretch
    cpu_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the result table."""

    n: int
    words: int
    stories: int
    spacy_s: float
    spacy_articles_per_s: float
    spacy_words_per_s: float
    storyline_s: float
    storyline_articles_per_s: float
    storyline_words_per_s: float
    ratio: float  # storyline time / spaCy time
    spacy_peak_mb: float
    storyline_peak_mb: float
    cpu_ratio: float = 0.0  # storyline CPU time / spaCy CPU time

    @classmethod
    def from_measurements(cls, n: int, spacy: Measurement, story: Measurement) -> Row:
        return cls(n=n, words=spacy.words, stories=story.stories, spacy_s=spacy.seconds,
                   spacy_articles_per_s=spacy.articles / spacy.seconds,
                   spacy_words_per_s=spacy.words / spacy.seconds, storyline_s=story.seconds,
                   storyline_articles_per_s=story.articles / story.seconds,
                   storyline_words_per_s=story.words / story.seconds,
                   ratio=story.seconds / spacy.seconds, spacy_peak_mb=spacy.peak_mb,
                   storyline_peak_mb=story.peak_mb,
                   cpu_ratio=story.cpu_seconds / spacy.cpu_seconds if spacy.cpu_seconds else 0.0)


def log(message: str) -> None:
    print(f"[throughput {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    """This process's max resident set size so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KiB


class Heartbeat:
    """A progress line on stderr every HEARTBEAT_SECONDS while a measurement runs."""

    def __init__(self, label: str, status: Callable[[], str]) -> None:
        self.label = label
        self.status = status
        self.started = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            log(f"{self.label}: {time.perf_counter() - self.started:,.0f} s, {self.status()}")

    def __enter__(self) -> Heartbeat:
        self.started = time.perf_counter()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def measure_spacy(data: Path, model: str | None) -> Measurement:
    """spaCy alone: parse the texts storyline would ingest, with the model storyline loads."""
    texts = [r.text for r in read_inputs([str(data)]) if isinstance(r, Article)]
    nlp = load_nlp(model)
    docs: list[Doc] = []
    with Heartbeat(f"spaCy alone, {len(texts):,} articles",
                   lambda: f"{len(docs):,} docs parsed"):
        start, cpu_start = time.perf_counter(), time.process_time()
        docs.extend(nlp.pipe(texts, batch_size=SPACY_BATCH))  # list(nlp.pipe(...)), countable
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return Measurement(seconds, peak_rss_mb(), len(docs), sum(len(t.split()) for t in texts),
                       cpu_seconds=cpu)


class StoryProgress:
    """Articles ingested and analysed so far, for the heartbeat lines."""

    def __init__(self) -> None:
        self.ingested = 0
        self.analysed = 0

    def on_ingest(self, count: int) -> None:
        self.ingested += count

    def on_analyse(self, count: int) -> None:
        self.analysed += count

    def status(self) -> str:
        return f"{self.ingested:,} articles ingested, {self.analysed:,} analysed"


def analyze_like_cli(data: Path, options: pipeline.AnalyzeOptions, progress: StoryProgress
                     ) -> tuple[int, int, int]:
    """`storyline analyze DATA --format json`, with the output encoded but not printed.

    The progress callbacks are the ones the CLI passes when standard error is a terminal.
    Returns (articles, words, stories).
    """
    with open_store(None) as store:
        ingested = pipeline.ingest_inputs(store, [str(data)], progress=progress.on_ingest)
        dossiers = pipeline.analyze(store, ingested, options=options,
                                    progress=progress.on_analyse)
        pipeline.index_for(dossiers)
    for dossier in dossiers:
        json.dumps(dossier, ensure_ascii=False)
    return len(ingested.articles), sum(a.words for a in ingested.articles), len(dossiers)


def measure_storyline(data: Path, model: str | None, *, profile: Path | None = None
                      ) -> Measurement:
    """The whole pipeline as the CLI runs it: ingest, cluster, analyse every story."""
    load_nlp(model)  # cached by storyline; loaded before the clock as for spaCy alone
    options = pipeline.AnalyzeOptions(model=model)
    progress = StoryProgress()
    profiler = cProfile.Profile() if profile else None
    with Heartbeat("storyline analyze", progress.status):
        start, cpu_start = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        articles, words, stories = analyze_like_cli(data, options, progress)
        if profiler:
            profiler.disable()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if profiler and profile:
        profiler.dump_stats(str(profile))
    return Measurement(seconds, peak_rss_mb(), articles, words, stories, cpu_seconds=cpu)


def run_worker(kind: str, data: Path, model: str | None, *, profile: Path | None = None
               ) -> Measurement:
    """Run one measurement in a fresh process of this script; its last stdout line is JSON."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind,
               "--data", str(data)]
    if model:
        command += ["--model", model]
    if profile:
        command += ["--profile-stats", str(profile)]
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"throughput: the {kind} worker failed (exit code {result.returncode})")
    return Measurement(**json.loads(result.stdout.strip().splitlines()[-1]))


# -- reporting -----------------------------------------------------------------------------


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| N | words | spaCy s | spaCy art/s | storyline s | storyline art/s | ratio "
             "| CPU ratio | spaCy peak MB | storyline peak MB |",
             "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in rows:
        lines.append(f"| {r.n:,} | {r.words:,} | {r.spacy_s:,.1f} | {r.spacy_articles_per_s:,.1f} "
                     f"| {r.storyline_s:,.1f} | {r.storyline_articles_per_s:,.1f} "
                     f"| {r.ratio:.2f}x | {r.cpu_ratio:.2f}x | {r.spacy_peak_mb:,.0f} "
                     f"| {r.storyline_peak_mb:,.0f} |")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ProfileLine:
    function: str
    calls: int
    own_s: float
    cumulative_s: float


@dataclass(frozen=True, slots=True)
class Profile:
    """A cProfile run of storyline analyze, read back."""

    n: int
    total_s: float
    spacy_s: float  # inside spaCy's Language.pipe
    chain: tuple[ProfileLine, ...]  # storyline functions on the way to spaCy (analyze, ...)
    top: tuple[ProfileLine, ...]  # the other storyline functions, by cumulative time


def read_profile(stats_path: Path, n: int, top: int = PROFILE_TOP) -> Profile:
    """Split storyline's functions into the call chain that leads to spaCy and the rest.

    The chain (analyze -> dossier_for_story -> ... -> nlp.parse_texts) has spaCy's time in
    its cumulative figures; everything else is time storyline spends beyond spaCy.
    """
    stats = pstats.Stats(str(stats_path))
    Key = tuple[str, int, str]
    raw: dict[Key, tuple[int, int, float, float, dict[Key, Any]]] = \
        stats.stats  # type: ignore[attr-defined]
    package = str(Path(storyline.__file__).resolve().parent) + os.sep

    def ours(key: Key) -> bool:
        return key[0].startswith(package) or str(Path(key[0]).resolve()).startswith(package)

    def line(key: Key) -> ProfileLine:
        _cc, calls, own, cumulative, _callers = raw[key]
        return ProfileLine(f"{Path(key[0]).stem}.{key[2]}:{key[1]}", calls, own, cumulative)

    spacy_pipe = [key for key in raw
                  if key[0].endswith(os.path.join("spacy", "language.py")) and key[2] == "pipe"]
    spacy_s = max((raw[key][3] for key in spacy_pipe), default=0.0)
    chain: set[Key] = set()
    frontier = list(spacy_pipe)
    while frontier:  # every caller, transitively, of Language.pipe
        for caller in raw[frontier.pop()][4]:
            if caller in raw and caller not in chain:
                chain.add(caller)
                frontier.append(caller)
    by_time = sorted((key for key in raw if ours(key)), key=lambda key: -raw[key][3])
    return Profile(n, float(stats.total_tt), spacy_s,  # type: ignore[attr-defined]
                   tuple(line(key) for key in by_time if key in chain),
                   tuple(line(key) for key in by_time if key not in chain)[:top])


def profile_table(profile: Profile) -> str:
    total, spacy = profile.total_s, profile.spacy_s
    chain = " > ".join(item.function.split(":")[0] for item in profile.chain)
    out = [f"cProfile of storyline analyze on {profile.n:,} articles: {total:,.1f} s profiled, "
           f"{spacy:,.1f} s ({spacy / total:.0%}) inside spaCy's Language.pipe, "
           f"{total - spacy:,.1f} s outside it (profiling slows pure-Python code more than "
           "spaCy's compiled code).",
           f"Call chain down to spaCy (left out below): {chain}.",
           f"Top {len(profile.top)} other storyline functions by cumulative time:",
           "",
           "| # | function | calls | own s | cumulative s | % of run |",
           "|--:|---|--:|--:|--:|--:|"]
    for index, item in enumerate(profile.top, start=1):
        out.append(f"| {index} | `{item.function}` | {item.calls:,} | {item.own_s:,.2f} "
                   f"| {item.cumulative_s:,.2f} | {item.cumulative_s / total:.1%} |")
    return "\n".join(out)


# -- command line ----------------------------------------------------------------------------


def parse_sizes(value: str) -> list[int]:
    try:
        sizes = [int(part) for part in value.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of counts: {value!r}") \
            from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive article counts")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Throughput and peak memory of storyline analyze next to spaCy alone.")
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes(DEFAULT_SIZES),
                        help=f"comma-separated article counts (default: {DEFAULT_SIZES})")
    parser.add_argument("--model", default=None,
                        help="spaCy pipeline package (default: storyline's default model)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    parser.add_argument("--profile", type=int, default=None, metavar="N",
                        help="after the measurements, profile storyline analyze on N articles "
                             "and print its top storyline functions")
    parser.add_argument("--profile-stats", type=Path, default=None, metavar="PATH",
                        help="keep the raw cProfile stats of --profile here")
    parser.add_argument("--days-per-copy", type=int, default=DAYS_PER_COPY,
                        help="publication dates of copy k move by k times this many days "
                             f"(default: {DAYS_PER_COPY}, beyond the clustering time window)")
    parser.add_argument("--same-words", action="store_true",
                        help="vary only names, numbers, dates and ids, not content words "
                             "(copies then share most words and merge into large stories)")
    parser.add_argument("--parallel", action="store_true",
                        help="run the spaCy and storyline measurements at the same time, one "
                             "core each (needs 2 idle cores; halves the wall time)")
    parser.add_argument("--worker", choices=["spacy", "storyline"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def worker_main(args: argparse.Namespace) -> int:
    if args.worker == "spacy":
        result = measure_spacy(args.data, args.model)
    else:
        result = measure_storyline(args.data, args.model, profile=args.profile_stats)
    print(json.dumps(asdict(result)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        return worker_main(args)
    sizes: list[int] = args.sizes
    model_name = args.model or default_model_name()
    log(f"model {model_name}; sizes {', '.join(f'{n:,}' for n in sizes)}; "
        "10,000 articles can take an hour on 2 cores (spaCy alone about 20 minutes)")
    load_start = os.getloadavg()
    if load_start[0] > 0.5:
        log(f"warning: load average {load_start[0]:.1f} on {os.cpu_count()} CPUs: other "
            "processes compete for the CPU and inflate the times")
    base = demo_articles()
    lexicon = None if args.same_words else Lexicon.from_corpus(base, args.model)
    articles = generate(max([*sizes, args.profile or 0]), base, lexicon,
                        day_step=args.days_per_copy)
    rows: list[Row] = []
    profile: Profile | None = None
    profile_text = ""
    with tempfile.TemporaryDirectory(prefix="storyline-throughput-") as tmp:
        for n in sizes:
            data = Path(tmp) / f"n{n}"
            data.mkdir()
            write_jsonl(articles[:n], data)
            if args.parallel:
                # One core each: both run at once, so the pair takes half the wall time.
                log(f"N={n:,}: spaCy alone and storyline analyze side by side ...")
                with ThreadPoolExecutor(max_workers=2) as pool:
                    spacy_job = pool.submit(run_worker, "spacy", data, args.model)
                    story_job = pool.submit(run_worker, "storyline", data, args.model)
                    spacy, story = spacy_job.result(), story_job.result()
            else:
                log(f"N={n:,}: spaCy alone ... (load average {os.getloadavg()[0]:.1f})")
                spacy = run_worker("spacy", data, args.model)
                log(f"N={n:,}: storyline analyze ...")
                story = run_worker("storyline", data, args.model)
            log(f"N={n:,}: spaCy alone {spacy.seconds:,.1f} s, peak {spacy.peak_mb:,.0f} MB")
            log(f"N={n:,}: storyline analyze {story.seconds:,.1f} s ({story.stories:,} stories), "
                f"peak {story.peak_mb:,.0f} MB")
            if story.articles != n:
                log(f"N={n:,}: warning: storyline ingested {story.articles:,} articles")
            rows.append(Row.from_measurements(n, spacy, story))
        if args.profile:
            data = Path(tmp) / f"profile{args.profile}"
            data.mkdir()
            write_jsonl(articles[:args.profile], data)
            stats_path = args.profile_stats or Path(tmp) / "analyze.pstats"
            log(f"N={args.profile:,}: storyline analyze under cProfile ...")
            run_worker("storyline", data, args.model, profile=stats_path)
            profile = read_profile(stats_path, args.profile)
            profile_text = profile_table(profile)
    print(markdown_table(rows))
    print()
    spacy_version = importlib.metadata.version("spacy")
    print(f"Model {model_name}, spaCy {spacy_version}, storyline {storyline.__version__}; "
          f"stories found: {', '.join(f'{r.n:,} -> {r.stories:,}' for r in rows)}.")
    if profile_text:
        print()
        print(profile_text)
    if args.json:
        report = {"model": model_name, "spacy": spacy_version, "storyline": storyline.__version__,
                  "python": platform.python_version(), "cpus": os.cpu_count(),
                  "batch_size": SPACY_BATCH, "days_per_copy": args.days_per_copy,
                  "same_words": args.same_words,
                  "load_average": {"start": load_start, "end": os.getloadavg()},
                  "rows": [asdict(r) for r in rows]}
        if profile:
            report["profile"] = asdict(profile)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
