"""Shared ECB+ loader and coreference scores for the ECB+ benchmarks.

Reads ``ECB+_LREC2014/ECB+/<topic>/<topic>_<n>ecb.xml`` and ``..._<n>ecbplus.xml`` from
``../shared/data/ecbplus`` (never copied into the repository) and gives, per document:

* ``text``: the document rebuilt from its ``<token>`` elements, tokens joined by single
  spaces and sentences separated by a blank line; in ``ecbplus`` files sentence 0 is the
  source URL, which is dropped from the text and kept as ``url``;
* every token's character offsets into ``text`` (``None`` for URL tokens);
* ``<Markables>``: ``m_id``, type (the element name: ``HUMAN_PART_PER``,
  ``ACTION_OCCURRENCE``, ``TIME_DATE``, ``LOC_GEO``...) and token anchors; the anchor-less
  markables that carry ``TAG_DESCRIPTOR`` / ``instance_id`` are the cross-document
  instances;
* ``<Relations>``: ``CROSS_DOC_COREF`` chains (source markables -> target instance, the
  instance id in ``note``) and ``INTRA_DOC_COREF`` chains.

The event (story) of a document is ``"<topic>ecb"`` or ``"<topic>ecbplus"``: every topic
holds two real events of the same kind. ECB+ documents carry no publication dates.

Also here: B-cubed, MUC, CEAF-e and CoNLL F1 (`score_clusters`), written from their
definitions (Bagga & Baldwin 1998; Vilain et al. 1995; Luo 2005) and checked by
`selftest`.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
CORPUS_DIR = DATA_DIR / "ECB+_LREC2014" / "ECB+"
TUNE_TOPICS = range(1, 36)
TEST_TOPICS = range(36, 46)
CACHE_DIR = Path("/tmp/storyline-bench-cache/ecbplus")
FILE_RE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(frozen=True, slots=True)
class Token:
    t_id: int
    sentence: int
    number: int  # position in its sentence
    text: str
    initial: bool  # first token of its sentence with a letter or digit
    start: int | None  # character offsets into Document.text; None for the URL line
    end: int | None


@dataclass(frozen=True, slots=True)
class Markable:
    m_id: str
    type: str  # the element name, e.g. HUMAN_PART_PER
    tokens: tuple[int, ...]  # t_ids of the token anchors, in document order
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Instance:
    """An anchor-less markable naming a coreference instance (the target of a chain)."""

    m_id: str
    type: str
    descriptor: str
    instance_id: str | None


@dataclass(frozen=True, slots=True)
class Chain:
    """One coreference relation: source markables pointing at one target instance."""

    kind: str  # CROSS_DOC_COREF or INTRA_DOC_COREF
    r_id: str
    note: str | None  # the instance id for CROSS_DOC_COREF
    sources: tuple[str, ...]
    target: str


@dataclass(slots=True)
class Document:
    name: str  # e.g. "36_1ecbplus"
    topic: int
    number: int
    kind: str  # "ecb" or "ecbplus"
    text: str
    url: str
    tokens: dict[int, Token]
    markables: dict[str, Markable]
    instances: dict[str, Instance]
    chains: list[Chain] = field(default_factory=list)

    @property
    def event(self) -> str:
        """The document's seminal event (story): "<topic>ecb" or "<topic>ecbplus"."""
        return f"{self.topic}{self.kind}"

    def pieces(self, markable: Markable) -> list[tuple[int, int]]:
        """Character spans of a markable's tokens (URL tokens and empty tokens left out)."""
        spans = []
        for t_id in markable.tokens:
            token = self.tokens[t_id]
            if token.start is not None and token.end is not None and token.end > token.start:
                spans.append((token.start, token.end))
        return spans

    def span(self, markable: Markable) -> tuple[int, int] | None:
        """The character hull of a markable, or None when it has no text tokens."""
        pieces = self.pieces(markable)
        if not pieces:
            return None
        return min(s for s, _ in pieces), max(e for _, e in pieces)

    def mention_text(self, markable: Markable) -> str:
        return " ".join(self.text[s:e] for s, e in self.pieces(markable))

    def cross_doc_instance(self) -> dict[str, str]:
        """m_id of every source markable of a CROSS_DOC_COREF chain -> its instance id."""
        found: dict[str, str] = {}
        for chain in self.chains:
            if chain.kind != "CROSS_DOC_COREF" or not chain.sources:
                continue
            instance = self.instances.get(chain.target)
            instance_id = chain.note or (instance.instance_id if instance else None)
            if not instance_id:
                continue
            for m_id in chain.sources:
                found[m_id] = instance_id
        return found


def data_available() -> bool:
    return CORPUS_DIR.is_dir()


def require_data() -> None:
    """Exit cleanly (status 0) with a message when the ECB+ folder is absent."""
    if not data_available():
        print(f"ECB+ not found at {CORPUS_DIR}; skipping this benchmark.", file=sys.stderr)
        raise SystemExit(0)


def topics_present() -> list[int]:
    return sorted(int(p.name) for p in CORPUS_DIR.iterdir() if p.is_dir() and p.name.isdigit())


def split_topics(split: str, limit: int | None = None) -> dict[str, list[int]]:
    """Topic numbers per split name ("tune": 1-35, "test": 36-45), present ones only."""
    present = topics_present()
    names = ["tune", "test"] if split == "both" else [split]
    result: dict[str, list[int]] = {}
    for name in names:
        wanted = TUNE_TOPICS if name == "tune" else TEST_TOPICS
        topics = [t for t in present if t in wanted]
        result[name] = topics[:limit] if limit else topics
    return result


def _clean_token(text: str | None) -> str:
    # A few tokens hold tabs or thin spaces ("Awards\t", "7\u2009\u00bd"); collapse them so
    # that Storyline's text normalisation leaves every character offset where it was.
    return " ".join((text or "").split())


def parse_document(path: Path) -> Document:
    match = FILE_RE.match(path.name)
    if match is None:
        raise ValueError(f"unexpected ECB+ file name: {path.name}")
    topic, number, kind = int(match.group(1)), int(match.group(2)), match.group(3)
    root = ET.parse(path).getroot()
    raw = [(int(t.get("t_id", "0")), int(t.get("sentence", "0")), int(t.get("number", "0")),
            _clean_token(t.text)) for t in root.iter("token")]
    raw.sort(key=lambda item: item[0])
    url_sentence = 0 if kind == "ecbplus" else None
    url = "".join(text for _, sent, _, text in raw if sent == url_sentence)
    tokens: dict[int, Token] = {}
    parts: list[str] = []
    length = 0
    current: int | None = None
    seen_word: set[int] = set()
    for t_id, sent, num, text in raw:
        initial = sent not in seen_word and any(c.isalnum() for c in text)
        if initial:
            seen_word.add(sent)
        if sent == url_sentence:
            tokens[t_id] = Token(t_id, sent, num, text, initial, None, None)
            continue
        if current is not None and sent != current and parts:
            parts.append("\n\n")
            length += 2
        elif sent == current and text and parts and parts[-1] != "\n\n":
            parts.append(" ")
            length += 1
        current = sent
        if text:
            parts.append(text)
        tokens[t_id] = Token(t_id, sent, num, text, initial, length, length + len(text))
        length += len(text)
    text = "".join(parts)
    markables: dict[str, Markable] = {}
    instances: dict[str, Instance] = {}
    markables_element = root.find("Markables")
    for element in markables_element if markables_element is not None else []:
        m_id = element.get("m_id", "")
        anchors = tuple(sorted(int(a.get("t_id", "0")) for a in element.iter("token_anchor")))
        if anchors:
            markables[m_id] = Markable(m_id, element.tag, anchors, element.get("note"))
        elif element.get("TAG_DESCRIPTOR") is not None:
            instances[m_id] = Instance(m_id, element.tag, element.get("TAG_DESCRIPTOR", ""),
                                       element.get("instance_id"))
    chains: list[Chain] = []
    relations_element = root.find("Relations")
    for element in relations_element if relations_element is not None else []:
        target = element.find("target")
        chains.append(Chain(element.tag, element.get("r_id", ""), element.get("note"),
                            tuple(s.get("m_id", "") for s in element.findall("source")),
                            target.get("m_id", "") if target is not None else ""))
    return Document(f"{topic}_{number}{kind}", topic, number, kind, text, url, tokens,
                    markables, instances, chains)


def load_topics(topics: Iterable[int], *, use_cache: bool = True) -> list[Document]:
    """All documents of the given topics, ordered by topic, kind (ecb first) and number.

    Parsed topics are cached as pickles under /tmp (keyed by this file and the XML files'
    sizes and modification times), never in the repository.
    """
    documents = []
    for topic in topics:
        folder = CORPUS_DIR / str(topic)
        paths = sorted(p for p in folder.glob("*.xml") if FILE_RE.match(p.name))
        stamp = hashlib.sha256(Path(__file__).read_bytes())
        for path in paths:
            info = path.stat()
            stamp.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns};".encode())
        cache = CACHE_DIR / f"topic{topic}-{stamp.hexdigest()[:16]}.pkl"
        if use_cache and cache.exists():
            parsed: list[Document] = pickle.loads(cache.read_bytes())
        else:
            parsed = [parse_document(path) for path in paths]
            if use_cache:
                CACHE_DIR.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(".tmp")
                tmp.write_bytes(pickle.dumps(parsed))
                tmp.replace(cache)
        documents.extend(parsed)
    documents.sort(key=lambda d: (d.topic, d.kind, d.number))
    return documents


# -- coreference scores ----------------------------------------------------------------

K = TypeVar("K", bound=Hashable)  # the items being clustered (mentions, documents)


def clusters_of(labels: Mapping[K, Hashable]) -> list[set[K]]:
    """item -> cluster label  ==>  list of clusters (sets of items)."""
    grouped: dict[Hashable, set[K]] = defaultdict(set)
    for item, label in labels.items():
        grouped[label].add(item)
    return list(grouped.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(key: Mapping[K, Hashable], response: Mapping[K, Hashable]
           ) -> tuple[float, float, float]:
    """B-cubed P, R, F1 over the items of `key` (every key item must be in `response`)."""
    if not key:
        return 0.0, 0.0, 0.0
    key_of = {item: frozenset(c) for c in clusters_of(key) for item in c}
    response_of = {item: frozenset(c & key.keys())
                   for c in clusters_of(response) for item in c if item in key}
    precision = recall = 0.0
    for item in key:
        common = len(key_of[item] & response_of[item])
        precision += common / len(response_of[item])
        recall += common / len(key_of[item])
    p, r = precision / len(key), recall / len(key)
    return p, r, _f1(p, r)


def _muc_side(gold: list[set[K]], other_of: Mapping[K, Hashable]) -> tuple[int, int]:
    """MUC numerator and denominator of one side: sum(|K| - |p(K)|) / sum(|K| - 1)."""
    numerator = denominator = 0
    for cluster in gold:
        # Items missing from the other side count as singleton partitions.
        partitions = {other_of.get(item, ("missing", item)) for item in cluster}
        numerator += len(cluster) - len(partitions)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Mapping[K, Hashable], response: Mapping[K, Hashable]
        ) -> tuple[float, float, float]:
    r_num, r_den = _muc_side(clusters_of(key), response)
    p_num, p_den = _muc_side(clusters_of(response), key)
    r = r_num / r_den if r_den else 0.0
    p = p_num / p_den if p_den else 0.0
    return p, r, _f1(p, r)


def ceaf_e(key: Mapping[K, Hashable], response: Mapping[K, Hashable]
           ) -> tuple[float, float, float]:
    """Entity-based CEAF with phi4(K, R) = 2|K & R| / (|K| + |R|) and an optimal alignment."""
    gold, pred = clusters_of(key), clusters_of(response)
    if not gold or not pred:
        return 0.0, 0.0, 0.0
    scores = np.zeros((len(gold), len(pred)))
    pred_index = {item: j for j, c in enumerate(pred) for item in c}
    for i, cluster in enumerate(gold):
        for item in cluster:
            j = pred_index.get(item)
            if j is not None:
                scores[i, j] += 1
    sizes_g = np.array([len(c) for c in gold], dtype=float)[:, None]
    sizes_p = np.array([len(c) for c in pred], dtype=float)[None, :]
    phi = 2 * scores / (sizes_g + sizes_p)
    rows, cols = linear_sum_assignment(phi, maximize=True)
    total = float(phi[rows, cols].sum())
    r, p = total / len(gold), total / len(pred)
    return p, r, _f1(p, r)


def score_clusters(key: Mapping[K, Hashable], response: Mapping[K, Hashable]
                   ) -> dict[str, float]:
    """B-cubed, MUC, CEAF-e P/R/F1 and CoNLL F1 (mean of the three F1) over key items.

    Key items missing from `response` count as singletons.
    """
    complete: dict[K, Hashable] = {item: response.get(item, ("singleton", item)) for item in key}
    result: dict[str, float] = {}
    for name, metric in (("b3", bcubed), ("muc", muc), ("ceafe", ceaf_e)):
        p, r, f = metric(key, complete)
        result[f"{name}_p"], result[f"{name}_r"], result[f"{name}_f1"] = p, r, f
    result["conll_f1"] = (result["b3_f1"] + result["muc_f1"] + result["ceafe_f1"]) / 3
    return result


def merged_pairs(key: Mapping[K, Hashable], response: Mapping[K, Hashable]
                 ) -> set[tuple[Hashable, Hashable]]:
    """Distinct (gold A, gold B) pairs of different gold clusters sharing a response cluster."""
    by_response: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, gold in key.items():
        by_response[response.get(item, ("singleton", item))].add(gold)
    pairs: set[tuple[Hashable, Hashable]] = set()
    for golds in by_response.values():
        ordered = sorted(golds, key=repr)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                pairs.add((a, b))
    return pairs


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


def selftest() -> None:
    """Hand-computed checks of the scores (raises AssertionError on a mismatch)."""
    # Key {a,b,c} {d,e}; response {a,b} {c,d,e}.
    key = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    response = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    p, r, _ = bcubed(key, response)
    # Precision: a,b 2/2; c,d,e 1/3, 2/3, 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15.
    # Recall: a,b 2/3; c 1/3; d,e 2/2 -> (2/3+2/3+1/3+1+1)/5 = 11/15.
    assert _close(p, 11 / 15) and _close(r, 11 / 15), (p, r)
    p, r, _ = muc(key, response)
    # Recall: (3-2)+(2-1) over (2+1) = 2/3; precision: (2-1)+(3-2) over (1+2) = 2/3.
    assert _close(p, 2 / 3) and _close(r, 2 / 3), (p, r)
    p, r, f = ceaf_e(key, response)
    # Best alignment {a,b,c}-{a,b}: 2*2/5 = 0.8 and {d,e}-{c,d,e}: 2*2/5 = 0.8 -> 1.6.
    assert _close(p, 0.8) and _close(r, 0.8) and _close(f, 0.8), (p, r, f)
    # Perfect response, all singletons response, one-cluster response.
    perfect = score_clusters(key, {"a": 0, "b": 0, "c": 0, "d": 9, "e": 9})
    assert all(_close(perfect[k], 1.0) for k in ("b3_f1", "muc_f1", "ceafe_f1", "conll_f1"))
    singles = score_clusters(key, {})
    assert _close(singles["b3_p"], 1.0) and _close(singles["b3_r"], (3 * 1 / 3 + 2 * 1 / 2) / 5)
    assert _close(singles["muc_r"], 0.0) and _close(singles["muc_p"], 0.0)
    # CEAF-e: 2 gold, 5 singletons; best phi4 = 2/(3+1) + 2/(2+1) = 1/2 + 2/3.
    assert _close(singles["ceafe_r"], (0.5 + 2 / 3) / 2)
    assert _close(singles["ceafe_p"], (0.5 + 2 / 3) / 5)
    lump = score_clusters(key, dict.fromkeys(key, "z"))
    assert _close(lump["b3_r"], 1.0) and _close(lump["b3_p"], (3 * 3 / 5 + 2 * 2 / 5) / 5)
    assert _close(lump["muc_r"], 1.0) and _close(lump["muc_p"], 3 / 4)
    assert merged_pairs(key, response) == {(1, 2)}
    assert merged_pairs(key, dict.fromkeys(key, "z")) == {(1, 2)}
    assert merged_pairs(key, {}) == set()
    # Extra response items outside the key are ignored by B-cubed.
    p, r, _ = bcubed({"a": 1, "b": 1}, {"a": "x", "b": "x", "q": "x"})
    assert _close(p, 1.0) and _close(r, 1.0)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
    lines.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    return "\n".join(lines)
