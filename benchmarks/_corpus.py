"""Real article texts for the provenance benchmark, read in memory from ../shared/data.

Nothing here writes to disk. Corpora:

* PolNeAR (`polnear/data/{train,dev,test,annotator-training}/text/*.txt`): US political news;
  outlet and day from `data/metadata.tsv`; `wire` marks articles that carry a wire credit.
* ECB+ (`ecbplus/ECB+_LREC2014/ECB+/<topic>/*.xml`): text rebuilt by joining the `<token>`
  elements of a sentence with spaces, sentences separated by blank lines. Sentence 0 of an
  `ecbplus` document is its source URL: it becomes the article URL/outlet, not text.
* GGT (`ggt_quotes_2020/annotations.jsonl`, `articleBodyText`): the stored "\\n .\\n"
  paragraph separators become blank lines.
* TempEval-3 (`tempeval3/**/*.tml`): the text inside `<TEXT>`, tags removed.

Every document gets a TUNE/TEST half from a fixed hash (SHA-1) of its split key: the file name
for PolNeAR, GGT and TempEval-3, and the *topic* for ECB+ so that same-topic documents (used
for same-story negatives and multi-source digests) never straddle the halves.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
POLNEAR_SPLITS = ("train", "dev", "test", "annotator-training")
PUBLISHERS = {
    "breitbart": "Breitbart", "nyt": "The New York Times", "politico": "Politico",
    "usa-today": "USA Today", "huff-post": "HuffPost", "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}
# ECB (not ECB+) documents carry no URL: give them a plausible outlet by hash of the file name.
FALLBACK_OUTLETS = (
    "Daily Ledger", "Evening Courier", "Metro Herald", "Morning Sentinel", "Coastal Gazette",
    "Valley Tribune", "Capital Observer", "Harbor Times", "Prairie Post", "Northern Star",
    "Lakeside Chronicle", "County Record", "Summit Dispatch", "River City Journal",
    "Pacific Bulletin", "Eastern Standard", "Union Register", "Granite Examiner",
    "Highland Messenger", "Delta Press", "Bay Area Wire", "Midland Reporter",
)
WIRE_VALUES = {"ap", "afp", "reuters", "upi", "wire"}
# Our own test for a wire credit at the top or bottom of a real article (independent of
# storyline's CREDIT_PATTERNS): such articles are reprints already, never used as sources.
WIRE_CREDIT_RE = re.compile(
    r"(?:^|\n)[^\n]{0,60}\(\s*(?:AP|AFP|Reuters|UPI|Associated Press)\s*\)\s*[-\u2013\u2014]"
    r"|/\s?(?:AP|AFP|VOA|Reuters|UPI)\s*$")
SENTENCE_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Doc:
    """One real article: text as paragraphs of sentences, plus what the benchmark needs."""

    key: str
    corpus: str
    paragraphs: tuple[tuple[str, ...], ...]
    outlet: str
    url: str = ""
    day: datetime | None = None
    topic: str | None = None
    event: str | None = None
    half: str = "tune"
    wire: bool = False

    @property
    def text(self) -> str:
        return join_paragraphs(self.paragraphs)

    @property
    def sentences(self) -> list[str]:
        return [s for paragraph in self.paragraphs for s in paragraph]


def join_paragraphs(paragraphs: tuple[tuple[str, ...], ...] | list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def split_sentences(paragraph: str) -> tuple[str, ...]:
    """Our own simple sentence splitter (independent of storyline.text)."""
    parts = [p.strip() for p in SENTENCE_RE.split(" ".join(paragraph.split()))]
    return tuple(p for p in parts if p)


def paragraphs_of(text: str) -> tuple[tuple[str, ...], ...]:
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    result = [split_sentences(b) for b in blocks]
    return tuple(p for p in result if p)


def half_of(split_key: str) -> str:
    digest = hashlib.sha1(split_key.encode("utf-8")).hexdigest()
    return "tune" if int(digest, 16) % 2 == 0 else "test"


def _ranked_halves(keys: list[str]) -> dict[str, str]:
    """Exact 50/50 over few keys (ECB+ topics): order by SHA-1, alternate tune/test."""
    ordered = sorted(keys, key=lambda k: hashlib.sha1(k.encode("utf-8")).hexdigest())
    return {key: ("tune" if rank % 2 == 0 else "test") for rank, key in enumerate(ordered)}


def available() -> bool:
    return DATA_DIR.is_dir()


def load_polnear() -> list[Doc]:
    root = DATA_DIR / "polnear" / "data"
    meta: dict[str, dict[str, str]] = {}
    meta_path = root / "metadata.tsv"
    if meta_path.exists():
        lines = meta_path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t"), strict=False))
            meta[row.get("filename", "")] = row
    docs: list[Doc] = []
    seen: set[str] = set()
    for split in POLNEAR_SPLITS:
        for path in sorted((root / split / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            row = meta.get(path.stem, {})
            publisher = row.get("publisher") or path.stem.split("_", 1)[0]
            day = _parse_day(row.get("publication_date") or path.stem.split("_")[1:2])
            wire = (row.get("wire") or "").lower() in WIRE_VALUES or \
                bool(WIRE_CREDIT_RE.search(text[:400]) or WIRE_CREDIT_RE.search(text[-40:]))
            docs.append(Doc(f"polnear/{path.stem}", "polnear", paragraphs_of(text),
                            PUBLISHERS.get(publisher, publisher), day=day,
                            half=half_of(f"polnear/{path.stem}"), wire=wire))
    return docs


def _parse_day(value: str | list[str]) -> datetime | None:
    raw = value[0] if isinstance(value, list) and value else value
    try:
        return datetime.strptime(str(raw), "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None


def load_ecbplus() -> list[Doc]:
    root = DATA_DIR / "ecbplus" / "ECB+_LREC2014" / "ECB+"
    docs: list[Doc] = []
    topic_dirs = sorted((p for p in root.glob("*") if p.is_dir()),
                        key=lambda p: (len(p.name), p.name))
    halves = _ranked_halves([f"ecbplus-topic/{p.name}" for p in topic_dirs])
    for topic_dir in topic_dirs:
        for path in sorted(topic_dir.glob("*.xml")):
            sentences: dict[int, list[str]] = {}
            for token in ET.parse(path).getroot().iter("token"):
                number = int(token.get("sentence", "0"))
                sentences.setdefault(number, []).append(token.text or "")
            ordered = [" ".join(t for t in sentences[n] if t) for n in sorted(sentences)]
            url = ""
            if ordered and re.match(r"^https?\s*:", ordered[0]):
                url = re.sub(r"\s+", "", ordered.pop(0))
            ordered = [s for s in ordered if s.strip()]
            if not ordered:
                continue
            plus = path.stem.endswith("ecbplus")
            host = urlparse(url).hostname or ""
            outlet = host.removeprefix("www.") if host else \
                FALLBACK_OUTLETS[int(hashlib.sha1(path.stem.encode()).hexdigest(), 16)
                                 % len(FALLBACK_OUTLETS)]
            text_sample = "\n".join(ordered)
            docs.append(Doc(f"ecbplus/{path.stem}", "ecbplus",
                            tuple((s,) for s in ordered), outlet, url=url,
                            topic=topic_dir.name,
                            event=f"{topic_dir.name}{'plus' if plus else ''}",
                            half=halves[f"ecbplus-topic/{topic_dir.name}"],
                            wire=bool(WIRE_CREDIT_RE.search(text_sample[:400]))))
    return docs


def load_ggt() -> list[Doc]:
    path = DATA_DIR / "ggt_quotes_2020" / "annotations.jsonl"
    docs: list[Doc] = []
    if not path.exists():
        return docs
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = re.sub(r"\n\s*\.\s*\n\s*", "\n\n", str(record.get("articleBodyText") or ""))
        if not text.strip():
            continue
        key = f"ggt/{record.get('_id')}"
        docs.append(Doc(key, "ggt", paragraphs_of(text), str(record.get("outlet") or ""),
                        url=str(record.get("articleURL") or ""), half=half_of(key)))
    return docs


def load_tempeval() -> list[Doc]:
    root = DATA_DIR / "tempeval3"
    docs: list[Doc] = []
    seen: set[str] = set()
    for path in sorted(root.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
        if not match or path.stem in seen:
            continue
        seen.add(path.stem)
        text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()
        if not text:
            continue
        key = f"tempeval3/{path.stem}"
        docs.append(Doc(key, "tempeval3", paragraphs_of(text), "", half=half_of(key)))
    return docs


def load_all() -> dict[str, list[Doc]]:
    return {"polnear": load_polnear(), "ecbplus": load_ecbplus(), "ggt": load_ggt(),
            "tempeval3": load_tempeval()}


def copy_clusters(docs: list[Doc], threshold: float = 0.2) -> dict[str, str]:
    """Real documents that already share text (wire copies inside ECB+ or PolNeAR).

    Two documents are linked when at least `threshold` of the smaller one's word 5-grams
    occur in the other; clusters are the connected components. The benchmark never puts two
    documents of one cluster in the same batch unless a family asks for it, and never uses
    them as an independent same-story pair: they are real copies, not negatives.
    """
    shingles: dict[str, set[int]] = {}
    postings: dict[int, list[str]] = {}
    for doc in docs:
        tokens = [w.lower() for w in re.findall(r"\w+", doc.text)]
        values = {hash(tuple(tokens[i:i + 5])) for i in range(max(1, len(tokens) - 4))}
        shingles[doc.key] = values
        for value in values:
            postings.setdefault(value, []).append(doc.key)
    parent = {doc.key: doc.key for doc in docs}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for doc in docs:
        counts: dict[str, int] = {}
        for value in shingles[doc.key]:
            bucket = postings[value]
            if len(bucket) > 50:
                continue  # boilerplate shared by many documents
            for other in bucket:
                if other != doc.key:
                    counts[other] = counts.get(other, 0) + 1
        for other, shared in counts.items():
            smaller = min(len(shingles[doc.key]), len(shingles[other]))
            if shared / max(1, smaller) >= threshold:
                parent[root(doc.key)] = root(other)
    return {key: root(key) for key in parent}
