"""Throughput and peak memory of `storyline analyze`, next to spaCy alone on the same text.

Generates N articles in memory by repeating and varying the fictional demo corpus (names,
numbers, dates and ids change per copy, so content hashes differ and clustering sees many
stories), writes them as JSONL into a temporary directory, and measures for each N, each in a
fresh subprocess so peak memory (max RSS) is per measurement:

1. spaCy alone: ``list(nlp.pipe(texts, batch_size=32))`` with the model storyline loads
   (``storyline.nlp.load_nlp``), over the texts as storyline ingests them;
2. storyline analyze: what ``storyline analyze DIR --format json`` does: ``open_store(None)``,
   ``pipeline.ingest_inputs`` on the JSONL directory, ``pipeline.analyze`` (clustered into
   stories), ``pipeline.index_for`` and JSON encoding of every dossier.

Model loading is excluded from both wall times (it is done before the clock starts) but is
included in both peak-memory figures. Nothing is written into the repository.

Usage:
    python benchmarks/throughput.py                       # 100, 1,000 and 10,000 articles
    python benchmarks/throughput.py --sizes 100           # quick run
    python benchmarks/throughput.py --sizes 1000 --json out.json --profile
"""

from __future__ import annotations

import ast
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import storyline
from storyline import dates as date_rules
from storyline import entities as entity_rules
from storyline import provenance as provenance_rules
from storyline import quotes as quote_rules
from storyline import text as text_rules
from storyline.cli import DEMO_ARTICLES
from storyline.ingest import read_inputs
from storyline.models import Article
from storyline.nlp import load_nlp

DEFAULT_SIZES = "100,1000,10000"
SPACY_BATCH = 32
JSONL_NAME = "articles.jsonl"
HEARTBEAT_SECONDS = 30.0
PROFILE_TOP = 15

# Fictional replacement names; copy k draws its cast from these with random.Random(k).
FIRST_NAMES = (
    "Adela", "Bram", "Corin", "Dagny", "Elias", "Freya", "Gideon", "Halla", "Ivo", "Jorun",
    "Kasimir", "Liesl", "Magnus", "Nora", "Oskar", "Petra", "Quentin", "Runa", "Stellan",
    "Tove", "Ulrik", "Vera", "Wilhelm", "Yara", "Zeno", "Anselm", "Brisa", "Cato", "Delphine",
    "Edda", "Fabian", "Greta", "Hugo", "Ines", "Jasper", "Kaja", "Leopold", "Mira", "Nils",
    "Olga", "Pavel", "Rosalind", "Silas", "Thea", "Viggo", "Wanda", "Xenia", "Yusuf",
)
SURNAMES = (
    "Ambrose", "Bellweather", "Castellan", "Dorrance", "Everell", "Falkner", "Grimsby",
    "Hollings", "Iverson", "Jessop", "Kettering", "Lindqvar", "Moravec", "Nettleton", "Orsini",
    "Pemberly", "Quarles", "Rothwell", "Sandoval", "Thackeray", "Umberfield", "Vasquel",
    "Wexley", "Yardley", "Zorawski", "Abernath", "Brightwater", "Coldridge", "Dunstable",
    "Eskdale", "Fairclough", "Galbraith", "Hexham", "Ingleby", "Jarrow", "Kilbride",
    "Lockridge", "Merriweather", "Northcote", "Oakhurst", "Prewitt", "Ravensworth",
    "Stanhope", "Tregarthen", "Upton", "Varley", "Whitcombe", "Yelland",
)
TOWNS = (
    "Ashcombe", "Brackenford", "Caldmoor", "Dovrey", "Elmsworth", "Farrowby", "Glenhaven",
    "Holloway", "Ivelford", "Juniper", "Kingsmere", "Larkhollow", "Marrowdale", "Northwick",
    "Oxley", "Pellingham", "Quarrydown", "Redfern", "Saltmarsh", "Thornbury", "Undercliff",
    "Valebridge", "Wyncombe", "Yarrowby", "Ambleside", "Bexworth", "Crowhurst", "Dunstead",
    "Eastmoor", "Fennick", "Greyhaven", "Hartwell", "Ironbridge", "Kelso", "Lowmarsh",
    "Millbrook", "Netherby", "Oldcastle", "Pinewood", "Ravensholm",
)
RIVERS = (
    "Amber", "Brenna", "Coldwater", "Dace", "Eddon", "Fernlow", "Grayling", "Heron", "Isen",
    "Juno", "Kittiwake", "Lowen", "Merlin", "Nene", "Osprey", "Plover", "Quill", "Rook",
    "Swale", "Teal", "Ulva", "Vole", "Wren", "Yare",
)
STREETS = (
    "Baker", "Chapel", "Ferry", "Granary", "Harbour", "Kiln", "Lantern", "Market", "Orchard",
    "Pottery", "Rope", "Salt", "Tannery", "Weaver", "Wharf", "Bell", "Cooper", "Dyer",
)
COMPANIES = (
    "Arkwright", "Brunel", "Carrow", "Deverell", "Eckersley", "Forsythe", "Gantry",
    "Hallam", "Ironside", "Jacobsen", "Kincaid", "Larsen", "Mortlake", "Nordahl",
)
GALLERIES = (
    "Harbourside", "Seafront", "Tidewater", "Clifftop", "Riverside", "Beacon", "Shoreline",
    "Lighthouse", "Saltwind", "Driftwood",
)
HALLS = ("Town Hall", "Civic Centre", "Guildhall", "Council House", "Municipal Hall",
         "City Hall")
COUNCILS = ("Town Council", "Borough Council", "District Council", "County Council",
            "Municipal Council", "City Council")
PORTFOLIOS = ("Transport", "Infrastructure", "Public Works", "Regional Development", "Roads",
              "Interior", "Mobility", "Construction")
INSTITUTES = ("Engineering", "Structural", "Technical", "Polytechnic", "Materials", "Civil")
# Who and what in the demo corpus gets renamed per copy.
PEOPLE = (
    "Ilse Varga", "Tomas Brandt", "Amara Osei", "Lena Marsh", "Paul Fenwick", "Nadia Kovac",
    "Samuel Trent", "Clara Whitlow", "Ivy Calder", "Rafael Quint", "Jonas Pike", "Maren Holt",
    "Hanna Ruud", "Declan Moss", "Theo Lindqvist",
)
# Date words the date stage tests inline (not in a module-level lexicon).
DATE_WORDS = frozenset(
    "next coming upcoming later this last ago yesterday earlier previous past today tonight "
    "tomorrow morning afternoon evening night early mid late end beginning start weekend "
    "week month year day".split())
SWAP_TAGS = {"NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB"}
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,]\d)|(?<![\w.,])\d+(?![\w]|[.,]\d)")


@dataclass(frozen=True, slots=True)
class Measurement:
    """One subprocess measurement: wall time of the measured part and the process's max RSS."""

    seconds: float
    peak_mb: float
    articles: int
    words: int
    stories: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    n: int
    words: int
    stories: int
    spacy_s: float
    spacy_art_s: float
    spacy_words_s: float
    storyline_s: float
    storyline_art_s: float
    storyline_words_s: float
    ratio: float
    spacy_peak_mb: float
    storyline_peak_mb: float


# -- generating the corpus --------------------------------------------------------------


def demo_articles() -> list[Article]:
    """The demo corpus as storyline reads it (12 articles, 2 stories)."""
    return [r for r in read_inputs([str(DEMO_ARTICLES)]) if isinstance(r, Article)]


def _cast(rng: random.Random) -> dict[str, str]:
    """Consistent renaming for one copy: old name -> new name, longest names first."""
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
    mapping["Kestrel"] = rng.choice(RIVERS)
    mill, quay = rng.sample(STREETS, 2)
    mapping["Mill Lane"] = f"{mill} Lane"
    mapping["Quay Street"] = f"{quay} Street"
    mapping["Halvorsen"] = rng.choice(COMPANIES)
    mapping["City Hall"] = rng.choice(HALLS)
    mapping["City Council"] = rng.choice(COUNCILS)
    mapping["Transport"] = rng.choice(PORTFOLIOS)  # Ministry of Transport, Transport Minister
    mapping["Engineering"] = rng.choice(INSTITUTES)
    mapping["Lakeside"] = rng.choice(GALLERIES)
    # "Dunmore Engineering Institute (DEI)"
    mapping["DEI"] = "".join(w[0] for w in f"{town_a} {mapping['Engineering']} Institute".split())
    for old, new in list(mapping.items()):
        if old.upper() != old:
            mapping[old.upper()] = new.upper()  # datelines: "DUNMORE (Meridian Press) - "
    return dict(sorted(mapping.items(), key=lambda item: -len(item[0])))


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


def storyline_words(corpus: str) -> frozenset[str]:
    """Lower-case words that storyline's rules look for; they are never swapped.

    These are the lower-case entries of the module-level lexicons of the NLP stages (speech
    verbs, roles, organisation nouns, date words, stop words, credit-line patterns, ...), a
    few date words those stages test inline, and the spin phrases that occur in the corpus,
    so quotes, roles, dates and provenance still work on the varied copies.
    """
    found: set[str] = set(DATE_WORDS)
    for module in (text_rules, quote_rules, entity_rules, date_rules, provenance_rules):
        for value in vars(module).values():
            if not callable(value) or isinstance(value, re.Pattern):
                found.update(_lower_words(value))
    package = Path(storyline.__file__).parent
    phrases = json.loads((package / "data" / "spin_phrases.json").read_text(encoding="utf-8"))
    lower = corpus.lower()
    for spun in phrases.get("phrases", {}):
        if re.search(rf"\b{re.escape(spun.lower())}\b", lower):
            found.update(re.findall(r"[a-z]{2,}", spun.lower()))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Swappable content words of the demo corpus, grouped by part-of-speech tag."""

    classes: tuple[tuple[str, ...], ...]

    @classmethod
    def from_corpus(cls, articles: Sequence[Article], model: str | None) -> Lexicon:
        """Tag the demo corpus once; keep lower-case content words storyline has no rule for."""
        corpus = "\n".join(t for a in articles for t in (a.title, a.text))
        protected = storyline_words(corpus) | {w.lower() for a in articles
                                          for w in re.findall(r"[A-Za-z]+", a.outlet)}
        tags: dict[str, Counter[str]] = defaultdict(Counter)
        texts = [t for a in articles for t in (a.title, a.text)]
        for doc in load_nlp(model).pipe(texts, batch_size=SPACY_BATCH):
            for token in doc:
                lower = token.lower_
                if token.is_alpha and token.text == lower and len(lower) >= 3 and \
                        lower not in protected and token.lemma_.lower() not in protected:
                    tags[lower][token.tag_] += 1
        groups: dict[str, list[str]] = defaultdict(list)
        for word, counts in sorted(tags.items()):
            tag = counts.most_common(1)[0][0]
            if tag in SWAP_TAGS:
                groups[tag].append(word)
        return cls(tuple(tuple(words) for _tag, words in sorted(groups.items())))

    def permutation(self, rng: random.Random) -> dict[str, str]:
        """A consistent word swap for one copy: each word -> another of the same tag."""
        mapping: dict[str, str] = {}
        for words in self.classes:
            shuffled = list(words)
            rng.shuffle(shuffled)
            mapping.update(zip(words, shuffled, strict=True))
        return mapping


class Variation:
    """How copy k differs from the demo corpus: names, content words, numbers, dates, ids."""

    def __init__(self, k: int, lexicon: Lexicon | None, *, day_step: int = 1) -> None:
        rng = random.Random(k)
        self.k = k
        self.names = _cast(rng)
        self.words = lexicon.permutation(rng) if lexicon else {}
        self.delta = k % 9 + 1
        self.days = k * day_step
        alternation = "|".join(re.escape(old) for old in self.names)
        self.pattern = re.compile(rf"\b(?:{alternation})\b|\b[a-z]+\b")

    def _word(self, match: re.Match[str]) -> str:
        word = match.group(0)
        if word in self.names:
            return self.names[word]
        return self.words.get(word, word)

    def text(self, text: str) -> str:
        renamed = self.pattern.sub(self._word, text)
        return NUMBER_RE.sub(lambda m: _shift_number(m, self.delta), renamed)

    def article(self, article: Article) -> Article:
        """Copy k of one demo article; its id becomes f"{id}-{k}"."""
        published = article.published + timedelta(days=self.days) if article.published \
            else None
        return replace(article, id=f"{article.id}-{self.k}", text=self.text(article.text),
                       title=self.text(article.title),
                       author=self.pattern.sub(self._word, article.author) if article.author
                       else "",
                       url=f"{article.url}-{self.k}" if article.url else "",
                       published=published)


def generate(n: int, base: Sequence[Article], lexicon: Lexicon | None, *,
             day_step: int = 1) -> list[Article]:
    """N articles: copies k = 0, 1, 2, ... of the demo corpus, cut to N."""
    articles: list[Article] = []
    k = 0
    while len(articles) < n:
        variation = Variation(k, lexicon, day_step=day_step)
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
