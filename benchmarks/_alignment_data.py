"""Readers for the alignment benchmark's evaluation data (MSRP pairs and ECB+ documents).

Nothing here is Storyline logic: it only turns the third-party files in
``../shared/data`` into plain Python objects. No data is copied anywhere.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MSRP_TRAIN = "msr_paraphrase_train.txt"
MSRP_TEST = "msr_paraphrase_test.txt"
ECB_DIR = Path("ecbplus") / "ECB+_LREC2014" / "ECB+"
TEST_TOPICS = tuple(range(36, 46))
TUNING_TOPICS = tuple(range(1, 36))
SENTENCE_SEPARATOR = "\n\n"

# Markable tag prefix -> element category (UNKNOWN_INSTANCE_TAG and the rest are ignored).
CATEGORY_PREFIXES = (("NEG_ACTION", "action"), ("ACTION", "action"), ("TIME", "time"),
                     ("LOC", "location"), ("HUMAN_PART", "participant"),
                     ("NON_HUMAN_PART", "participant"))
CATEGORIES = ("action", "time", "location", "participant")


def data_root() -> Path:
    """``/work/shared/data`` seen from ``benchmarks/`` (may not exist)."""
    return Path(__file__).resolve().parents[2] / "shared" / "data"


# -- MSRP --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MsrpPair:
    label: int  # 1 = paraphrase
    id1: str
    id2: str
    text1: str
    text2: str


def read_msrp(path: Path, limit: int | None = None) -> list[MsrpPair]:
    """Pairs of one MSRP file (tab-separated, header line, odd bytes replaced)."""
    pairs: list[MsrpPair] = []
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        lines = handle.read().splitlines()
    for line in lines[1:]:
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise ValueError(f"{path.name}: expected 5 tab-separated fields: {line[:80]!r}")
        quality, id1, id2, text1, text2 = fields
        pairs.append(MsrpPair(int(quality), id1, id2, text1, text2))
        if limit is not None and len(pairs) >= limit:
            break
    return pairs


# -- ECB+ --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Markable:
    m_id: str
    tag: str
    spans: tuple[tuple[int, int], ...]  # character spans of contiguous token runs
    surfaces: tuple[str, ...]  # the text of each contiguous run


@dataclass
class EcbDocument:
    name: str  # file stem, e.g. "36_1ecbplus"
    topic: int
    number: int
    kind: str  # "ecb" or "ecbplus"
    text: str
    sentences: list[tuple[int, int]]  # character spans, source-URL sentence dropped
    markables: dict[str, Markable] = field(default_factory=dict)
    # cross-document instance id -> markable ids of this document linked to it
    instances: dict[str, list[str]] = field(default_factory=dict)
    instance_tags: dict[str, tuple[str, str]] = field(default_factory=dict)  # tag, descriptor


@dataclass(frozen=True, slots=True)
class CoreElement:
    instance: str
    category: str
    descriptor: str
    documents: int
    surfaces: frozenset[str]
    spans: tuple[tuple[str, int, int], ...]  # (document name, start, end)


@dataclass
class EventCluster:
    topic: int
    kind: str
    documents: list[EcbDocument]

    @property
    def name(self) -> str:
        return f"{self.topic}{'b' if self.kind == 'ecb' else 'a'}-{self.kind}"


def category_of(tag: str) -> str | None:
    for prefix, category in CATEGORY_PREFIXES:
        if tag.startswith(prefix):
            return category
    return None


def read_ecb_document(path: Path) -> EcbDocument:
    """Rebuild the text (tokens joined by spaces, sentences by a blank line) with offsets."""
    match = re.fullmatch(r"(\d+)_(\d+)(ecb|ecbplus)", path.stem)
    if match is None:
        raise ValueError(f"unexpected ECB+ file name: {path.name}")
    topic, number, kind = int(match.group(1)), int(match.group(2)), match.group(3)
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for token in root.iter("token"):
        by_sentence[int(token.get("sentence", "0"))].append(
            (token.get("t_id", ""), " ".join((token.text or "").split())))
    pieces: list[str] = []
    offset = 0
    token_spans: dict[str, tuple[int, int]] = {}
    sentences: list[tuple[int, int]] = []
    for number_in_doc in sorted(by_sentence):
        if kind == "ecbplus" and number_in_doc == 0:
            continue  # the source URL
        tokens = [(t_id, text) for t_id, text in by_sentence[number_in_doc] if text]
        if not tokens:
            continue
        if pieces:
            pieces.append(SENTENCE_SEPARATOR)
            offset += len(SENTENCE_SEPARATOR)
        start = offset
        for index, (t_id, text) in enumerate(tokens):
            if index:
                pieces.append(" ")
                offset += 1
            token_spans[t_id] = (offset, offset + len(text))
            pieces.append(text)
            offset += len(text)
        sentences.append((start, offset))
    text = "".join(pieces)
    document = EcbDocument(path.stem, topic, number, kind, text, sentences)
    _read_annotations(root, document, token_spans)
    return document


def _read_annotations(root: ET.Element, document: EcbDocument,
                      token_spans: dict[str, tuple[int, int]]) -> None:
    markables = root.find("Markables")
    targets: dict[str, tuple[str, str, str]] = {}  # m_id -> instance, tag, descriptor
    for element in markables if markables is not None else ():
        m_id = element.get("m_id", "")
        instance = element.get("instance_id")
        if instance is not None:
            targets[m_id] = (instance, element.tag, element.get("TAG_DESCRIPTOR", ""))
            continue
        anchors = [a.get("t_id", "") for a in element.findall("token_anchor")]
        spans = _runs([token_spans[t] for t in anchors if t in token_spans], document.text)
        if spans:
            document.markables[m_id] = Markable(
                m_id, element.tag, tuple(spans),
                tuple(document.text[s:e] for s, e in spans))
    relations = root.find("Relations")
    for relation in relations.findall("CROSS_DOC_COREF") if relations is not None else ():
        target = relation.find("target")
        if target is None or target.get("m_id") not in targets:
            continue
        instance, tag, descriptor = targets[target.get("m_id", "")]
        sources = [s.get("m_id", "") for s in relation.findall("source")]
        linked = [m for m in sources if m in document.markables]
        if linked:
            document.instances.setdefault(instance, []).extend(linked)
            document.instance_tags[instance] = (tag, descriptor)


def _runs(spans: Sequence[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Merge token spans separated only by a space into contiguous runs."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and text[runs[-1][1]:start].strip() == "" and start - runs[-1][1] <= 1:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def read_clusters(root: Path, topics: Sequence[int], limit: int | None = None
                  ) -> list[EventCluster]:
    """The two event clusters of each topic, documents in file-number order."""
    clusters: list[EventCluster] = []
    for topic in topics:
        folder = root / ECB_DIR / str(topic)
        if not folder.is_dir():
            continue
        documents = [read_ecb_document(p) for p in folder.glob("*.xml")]
        for kind in ("ecb", "ecbplus"):
            members = sorted((d for d in documents if d.kind == kind), key=lambda d: d.number)
            if members:
                clusters.append(EventCluster(topic, kind, members))
        if limit is not None and len(clusters) >= limit:
            break
    return clusters[:limit] if limit is not None else clusters


def core_elements(cluster: EventCluster) -> list[CoreElement]:
    """Cross-document instances linked in two or more of the cluster's documents."""
    documents: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, set[str]] = defaultdict(set)
    spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    tags: dict[str, tuple[str, str]] = {}
    for document in cluster.documents:
        for instance, m_ids in document.instances.items():
            documents[instance].add(document.name)
            tags.setdefault(instance, document.instance_tags[instance])
            for m_id in m_ids:
                markable = document.markables[m_id]
                surfaces[instance].update(markable.surfaces)
                spans[instance].extend((document.name, s, e) for s, e in markable.spans)
    elements = []
    for instance, names in sorted(documents.items()):
        category = category_of(tags[instance][0])
        if len(names) < 2 or category is None:
            continue
        elements.append(CoreElement(instance, category, tags[instance][1], len(names),
                                    frozenset(surfaces[instance]), tuple(spans[instance])))
    return elements
