"""Who copied whom: duplicates, reprints, digests, spun copies and rewrites.

Goes in: a list of `Article`s. Comes out: one `Provenance` per article (kind,
the article it copies, similarity, evidence spans) and the independence
groups the alignment stage uses (copies of one original count once).

Everything here is cheap (no model): word shingles with MinHash/LSH for
near-verbatim copies, a second LSH over names and numbers, which survive
synonym spinning, and sentence alignment only on the candidate pairs.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from datasketch import MinHash, MinHashLSH
from rapidfuzz.distance import Indel, Levenshtein

from .models import Article, Provenance
from .text import content_words, sentence_spans, words

PHRASES_PATH = Path(__file__).parent / "data" / "spin_phrases.json"
SHINGLE = 5
NUM_PERM = 64
ALIGN_THRESHOLD = 0.6
CREDIT_PATTERNS = [
    re.compile(r"(?:this|the) (?:article|story|report) (?:was )?(?:originally |first )?"
               r"(?:appeared|published|ran) (?:in|on|by) (?:the )?(?P<outlet>[A-Z][\w&.' -]{1,40}?)"
               r"(?=[.,;\n]|$)", re.IGNORECASE),
    re.compile(r"(?:originally published|reprinted(?: with permission)?|republished) "
               r"(?:in|by|from|on) (?:the )?(?P<outlet>[A-Z][\w&.' -]{1,40}?)(?=[.,;\n]|$)",
               re.IGNORECASE),
    re.compile(r"^(?:From|Source:|Via) (?:the )?(?P<outlet>[A-Z][\w&.' -]{1,40}?)[.:\n]",
               re.MULTILINE),
    re.compile(r"^[A-Z][A-Z .'-]{1,40}\((?P<outlet>[A-Z][\w&.' -]{1,40}?)\)\s*[-\u2013\u2014]",
               re.MULTILINE),
    re.compile(r"^\((?P<outlet>AP|AFP|Reuters|[A-Z][\w&.' -]{1,30}?)\)\s*[-\u2013\u2014]",
               re.MULTILINE),
    re.compile(r"\s/\s?(?P<outlet>AP|VOA|AFP|Reuters|UPI|PA|DPA|ANSA)\s*$"),
]


@dataclass
class _Sketch:
    """Cheap features of one article."""

    article: Article
    tokens: list[str]
    shingles: set[int]
    sentences: list[tuple[int, int]]
    sentence_words: list[list[str]]
    sentence_content: list[set[str]]
    anchors: set[str] = field(default_factory=set)
    _spin_hits: list[dict[str, object]] | None = None

    @property
    def spin_hits(self) -> list[dict[str, object]]:
        """Spinner phrases, looked for only when a decision needs them (the regex is slow)."""
        if self._spin_hits is None:
            self._spin_hits = find_spin_phrases(self.article.text)
        return self._spin_hits


@dataclass
class _PairResult:
    """How much of `copy` comes from `source`, sentence by sentence."""

    copy: int
    source: int
    containment: float
    verbatim: float
    substituted: float
    aligned: list[tuple[int, int, float, str]]


def sketch_article(article: Article) -> _Sketch:
    """Normalise, shingle and split one article (the cheap per-article pass)."""
    tokens = words(article.text)
    count = max(1, len(tokens) - SHINGLE + 1)
    # A stable hash (not Python's salted hash()) keeps candidate pairs the same every run.
    shingles = {zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode("utf-8"))
                for i in range(count)}
    spans = list(sentence_spans(article.text))
    sentence_words = [words(article.text[s:e]) for s, e in spans]
    sentence_content = [set(content_words(article.text[s:e])) for s, e in spans]
    anchors = {t for t in re.findall(r"(?<![.!?]\s)\b([A-Z][a-z]{2,}|\d[\d,.]*)", article.text)}
    return _Sketch(article, tokens, shingles, spans, sentence_words, sentence_content,
                   {a.lower() for a in anchors})


def minhash(values: set[int] | set[str]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch([str(v).encode("utf-8") for v in values])
    return signature


def candidate_pairs(sketches: Sequence[_Sketch]) -> set[tuple[int, int]]:
    """Pairs worth aligning: near-verbatim (shingle LSH) or same names and numbers."""
    pairs: set[tuple[int, int]] = set()
    for threshold, feature in ((0.3, "shingles"), (0.35, "anchors")):
        lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands(threshold))
        for index, item in enumerate(sketches):
            values = getattr(item, feature)
            if not values:
                continue
            signature = minhash(values)
            for other in lsh.query(signature):
                pairs.add((min(index, int(other)), max(index, int(other))))
            lsh.insert(str(index), signature)
    return pairs


@lru_cache(maxsize=8)
def _lsh_bands(threshold: float) -> tuple[int, int]:
    """datasketch's (bands, rows) for a threshold, computed once (it integrates numerically)."""
    probe = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return probe.b, probe.r


def align_pair(copy: _Sketch, source: _Sketch, copy_index: int, source_index: int
               ) -> _PairResult:
    """Align each sentence of `copy` to its best match in `source`."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, content in enumerate(source.sentence_content):
        for word in content:
            postings[word].append(index)
    aligned = []
    verbatim = substituted = 0
    for index, content in enumerate(copy.sentence_content):
        if not content:
            continue
        counts: dict[int, int] = defaultdict(int)
        for word in content:
            for other in postings.get(word, ()):
                counts[other] += 1
        best, best_score, best_kind = -1, 0.0, ""
        for other, shared in sorted(counts.items(), key=lambda kv: -kv[1])[:3]:
            if shared < 2 and len(content) > 2:
                continue
            score, kind = _sentence_similarity(copy.sentence_words[index],
                                               source.sentence_words[other], content,
                                               source.sentence_content[other])
            if score > best_score:
                best, best_score, best_kind = other, score, kind
        if best >= 0 and best_score >= ALIGN_THRESHOLD:
            aligned.append((index, best, best_score, best_kind))
            verbatim += best_kind == "verbatim"
            substituted += best_kind == "substituted"
    total = max(1, sum(1 for c in copy.sentence_content if c))
    return _PairResult(copy_index, source_index, len(aligned) / total, verbatim / total,
                       substituted / total, aligned)


def _sentence_similarity(a: list[str], b: list[str], a_content: set[str], b_content: set[str]
                         ) -> tuple[float, str]:
    """How sentence `a` relates to `b`: verbatim, edited, substituted (word swaps in
    place, the mark of a spinner) or reworded, with a score in 0..1."""
    if a == b:
        return 1.0, "verbatim"
    overlap = len(a_content & b_content) / max(1, min(len(a_content), len(b_content)))
    ratio = Indel.normalized_similarity(a, b)
    if ratio >= 0.9:
        return ratio, "edited"
    if ratio >= 0.5 and min(len(a), len(b)) / max(len(a), len(b), 1) >= 0.8:
        replaced = changed = 0
        for op in Levenshtein.opcodes(a, b):
            if op.tag == "equal":
                continue
            size = max(op.src_end - op.src_start, op.dest_end - op.dest_start)
            changed += size
            if op.tag == "replace":
                replaced += size
        if changed and replaced / changed >= 0.7:
            return max(ratio, 0.7), "substituted"
    if overlap >= 0.7:
        return overlap * 0.9, "reworded"
    return max(ratio, overlap * 0.8), "reworded"


def find_credit(article: Article) -> tuple[str, int, int] | None:
    """A credit line naming another outlet: "(AP) -", "/VOA", "originally appeared in X"."""
    text = article.text
    for pattern in CREDIT_PATTERNS:
        for match in pattern.finditer(text):
            outlet = match.group("outlet").strip(" .")
            if _same_outlet(outlet, article.outlet):
                continue
            return outlet, match.start(), match.end()
    return None


def _same_outlet(a: str, b: str) -> bool:
    def norm(value: str) -> str:
        return re.sub(r"^the\s+|[^a-z0-9 ]", "", value.lower()).strip()
    return bool(a) and bool(b) and (norm(a) == norm(b) or norm(a) in norm(b).split(" mirror"))


@lru_cache(maxsize=1)
def _spin_phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads(PHRASES_PATH.read_text(encoding="utf-8"))
    phrases: dict[str, str] = {k.lower(): v for k, v in data["phrases"].items()}
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE), phrases


def find_spin_phrases(text: str) -> list[dict[str, object]]:
    """Phrases a synonym spinner typically produces, with their likely originals."""
    pattern, phrases = _spin_phrases()
    hits = []
    for match in pattern.finditer(text):
        phrase = match.group(0).lower()
        hits.append({"start": match.start(), "end": match.end(), "phrase": match.group(0),
                     "likely_original": phrases[phrase]})
    for match in re.finditer(r"\b([2-9]) (months|weeks|days|years|lanes|piers|people|times)\b",
                             text):
        hits.append({"start": match.start(), "end": match.end(), "phrase": match.group(0),
                     "likely_original": f"{_spelled(int(match.group(1)))} {match.group(2)}",
                     "weak": True})
    return hits


def _spelled(number: int) -> str:
    return ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine"][number]


def is_spun_alone(hits: list[dict[str, object]], word_count: int) -> bool:
    """Spun without its original: several distinct idiom-breaking swaps."""
    strong = {str(h["phrase"]).lower() for h in hits if not h.get("weak")}
    return len(strong) >= 2 or (len(strong) == 1 and len(hits) >= 3 and word_count < 1500)


def detect_provenance(articles: Sequence[Article]) -> list[Provenance]:
    """Classify every article and link each copy to what it copies (when present)."""
    sketches = [sketch_article(a) for a in articles]
    results: dict[int, _PairResult] = {}
    pairs = sorted(candidate_pairs(sketches))
    for i, j in pairs:
        copy, source = _direction(sketches, i, j)
        result = align_pair(sketches[copy], sketches[source], copy, source)
        if result.containment == 0:
            continue
        best = results.get(copy)
        if best is None or result.containment > best.containment:
            results[copy] = result
    digests = _digest_sources(sketches, pairs)
    return [_classify(index, sketches, results.get(index), digests.get(index))
            for index in range(len(sketches))]


def _direction(sketches: Sequence[_Sketch], i: int, j: int) -> tuple[int, int]:
    """(copy, source): the later one copies; failing dates, the credited or edited one."""
    a, b = sketches[i].article, sketches[j].article
    if a.published and b.published and a.published != b.published:
        return (j, i) if a.timestamp < b.timestamp else (i, j)
    credit_a, credit_b = find_credit(a), find_credit(b)
    if credit_a and _same_outlet(credit_a[0], b.outlet):
        return i, j
    if credit_b and _same_outlet(credit_b[0], a.outlet):
        return j, i
    spun_a = len(sketches[i].spin_hits)
    spun_b = len(sketches[j].spin_hits)
    if spun_a != spun_b:
        return (i, j) if spun_a > spun_b else (j, i)
    if len(sketches[i].tokens) != len(sketches[j].tokens):
        # A copy is more often cut short than padded.
        return (i, j) if len(sketches[i].tokens) < len(sketches[j].tokens) else (j, i)
    return j, i


def _digest_sources(sketches: Sequence[_Sketch], pairs: Sequence[tuple[int, int]]
                    ) -> dict[int, _PairResult]:
    """Short articles whose sentences come from longer ones -> their main source's alignment."""
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        partners[i].add(j)
        partners[j].add(i)
    digests: dict[int, _PairResult] = {}
    for index, sketch in enumerate(sketches):
        if len(sketch.tokens) > 250:
            continue
        sources = []
        for other in sorted(partners[index]):
            candidate = sketches[other]
            if len(candidate.tokens) < 1.6 * len(sketch.tokens):
                continue
            pair = align_pair(sketch, candidate, index, other)
            if pair.aligned:
                sources.append(pair)
        if sources and sum(p.containment for p in sources) >= 0.3:
            # Most copied-from first; between equal copies, the earlier one is the source.
            digests[index] = min(sources, key=lambda p: (-round(p.containment, 3),
                                                         sketches[p.source].article.timestamp,
                                                         p.source))
    return digests


def _classify(index: int, sketches: Sequence[_Sketch], pair: _PairResult | None,
              digest_pair: _PairResult | None) -> Provenance:
    sketch = sketches[index]
    article = sketch.article
    credit = find_credit(article)
    hits = sketch.spin_hits
    source = sketches[pair.source].article if pair else None
    evidence = _alignment_evidence(sketch, sketches[pair.source], pair) if pair else []
    if credit:
        evidence.append({"article": article.id, "start": credit[1], "end": credit[2],
                         "note": f"credit line naming {credit[0]}"})
    similarity = round(pair.containment, 3) if pair else 0.0
    if pair and source and sketch.tokens == sketches[pair.source].tokens:
        return Provenance(article.id, "duplicate", source.id, 1.0, tuple(evidence))
    if credit:
        # The aligned source is the origin when the text backs it up; the outlet named in
        # the credit decides only when nothing aligns (it may have several articles here).
        credited = [s.article for s in sketches if _same_outlet(credit[0], s.article.outlet)
                    and s.article.id != article.id]
        aligned = source if pair and (pair.containment >= 0.5 or source in credited) else None
        origin = aligned or (credited[0] if credited else None)
        return Provenance(article.id, "reprint", origin.id if origin else None, similarity,
                          tuple(evidence), credited=credit[0])
    if pair and source:
        length_ratio = len(sketch.tokens) / max(1, len(sketches[pair.source].tokens))
        if pair.containment >= 0.9 and pair.verbatim >= 0.85 and 0.9 <= length_ratio <= 1.1:
            return Provenance(article.id, "duplicate", source.id, similarity, tuple(evidence))
        if pair.containment >= 0.6 and pair.verbatim >= 0.6:
            return Provenance(article.id, "reprint", source.id, similarity, tuple(evidence))
        if pair.containment >= 0.5 and pair.substituted >= 0.3:
            return Provenance(article.id, "spun", source.id, similarity,
                              tuple(evidence + _spin_evidence(article, hits)))
    if digest_pair:
        source_sketch = sketches[digest_pair.source]
        return Provenance(article.id, "digest", source_sketch.article.id,
                          round(digest_pair.containment, 3),
                          tuple(_alignment_evidence(sketch, source_sketch, digest_pair)))
    if is_spun_alone(hits, len(sketch.tokens)):
        return Provenance(article.id, "spun", None, similarity,
                          tuple(_spin_evidence(article, hits)))
    if pair and source and pair.containment >= 0.6:
        return Provenance(article.id, "rewrite", source.id, similarity, tuple(evidence))
    return Provenance(article.id, "original", None, similarity, ())


def _alignment_evidence(copy: _Sketch, source: _Sketch, pair: _PairResult
                        ) -> list[dict[str, object]]:
    evidence: list[dict[str, object]] = []
    for copy_index, source_index, score, kind in pair.aligned[:40]:
        start, end = copy.sentences[copy_index]
        of_start, of_end = source.sentences[source_index]
        evidence.append({"article": copy.article.id, "start": start, "end": end,
                         "of_article": source.article.id, "of_start": of_start,
                         "of_end": of_end, "match": kind, "score": round(score, 3)})
    return evidence


def _spin_evidence(article: Article, hits: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{"article": article.id, "start": h["start"], "end": h["end"],
             "note": f"spinner phrase \"{h['phrase']}\" (likely \"{h['likely_original']}\")"}
            for h in hits]


def independence_groups(provenance: Sequence[Provenance]) -> dict[str, str]:
    """Article id -> id of the original it descends from (itself when independent)."""
    parent = {p.article: p.of for p in provenance if p.kind != "original" and p.of}
    parent = {k: v for k, v in parent.items() if k != v}

    def root(article_id: str) -> str:
        seen = set()
        while article_id in parent and article_id not in seen:
            seen.add(article_id)
            article_id = parent[article_id]
        return article_id

    # A digest summarises others but is not a copy of one article: it stays its own source
    # only when nothing else backs it; treating it as dependent avoids double counting.
    return {p.article: root(p.article) for p in provenance}
