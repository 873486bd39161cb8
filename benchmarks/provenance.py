"""Labelled benchmark for storyline.provenance: copies, reprints, digests, spun copies, rewrites.

Everything is generated in memory from real article texts in ../shared/data (nothing is
written to the repository; the script skips cleanly when the folder is absent):

* sources: PolNeAR articles (`polnear/data/*/text/*.txt`) and ECB+ documents (tokens joined
  with spaces, sentences separated by blank lines); see `_corpus.py`. Articles that already
  carry a wire credit (PolNeAR metadata `wire`, or a "(AP) -" style dateline) are reprints in
  real life and are never used as sources; nor are texts under 80 words or 4 sentences.
* halves: a fixed SHA-1 hash puts every source in TUNE or TEST (ECB+ by topic, 22/21 topics);
  figures are reported on the half given by `--split` (default: test).

Variants (one family = an original plus one copy, so every copy has exactly one true origin in
its batch; times: copy published 1-48 h after its original):

* `dup`: verbatim copy under another outlet name -> "duplicate".
* `light` / `light_credited`: 1-4 words changed and one sentence (never the first) dropped.
* `trunc`: the first 40-70% of the text (cut at a sentence end).
* `credit_dateline` "(AP) - ", `credit_slash` trailing " /VOA", `credit_from` "From Reuters.",
  `credit_appeared` "This article originally appeared in <Outlet>." on the full text; the
  original's outlet is the credited name -> "reprint".
* `spun10` ... `spun50`: `_spinner.spin` at 10-50% of content words -> "spun".
* `rewrite`: sentence order shuffled; every sentence lightly paraphrased (clauses swapped at a
  comma, common adjectives dropped, a few words replaced, or a linking phrase added) -> "rewrite".
* `digest_ecb` (2-4 sentences, 60-150 words, from 2-3 ECB+ documents of one event) and
  `digest_polnear` (from one PolNeAR article): sentences taken or shortened at a comma ->
  "digest"; its origin may be any of its sources.
* negatives: `same_story` (two ECB+ documents of the same event) and `unrelated` (two random
  sources): both members must stay "original".

Labelling rule for copies without a credit line (`dup`, `light`, `trunc`): word identity is
difflib's ratio 2*M/(|a|+|b|) over lower-cased word tokens of copy and original; identity
>= 0.90 -> "duplicate", otherwise "reprint". A copy with a credit line is always "reprint".

Scoring: `detect_provenance` runs on shuffled batches of about 200 articles (families packed
so that no real document, nor two real documents that already share text, occurs twice in a
batch), once with publication times ("timed") and, on every `--untimed-every`-th batch, with
every time removed ("untimed"). An article counts as correct when its kind equals the label
and, for a copy, its `of` is its original (for a digest: one of its sources). Direction: for
each original+copy family, the link is "ok" (copy -> original), "reversed" (original -> copy)
or "other/none"; accuracy = ok / (ok + reversed).

Also measured: the single-article spun detector (each spun copy alone, `detect_provenance([a])`,
on `--alone-sources` sources spread evenly over the two corpora) against false positives on
ALL real articles (PolNeAR, ECB+, GGT, TempEval-3, both halves), and the cheap pass
(`sketch_article`, then `CandidateIndex.signatures` and `add_signatures`: the MinHash signatures
and the LSH query and insert, exactly what `candidate_pairs` runs) at index
sizes 10k and 100k, each in a fresh process: synthetic articles are real texts with a few words
swapped and numbers redrawn; the index is first filled with near-copy signatures up to
N - `--timed-articles`, then the last `--timed-articles` articles go through the full cheap pass
on the clock (CPU time, so figures are per core). Memory: RSS growth of the process over the
whole index (per article) and tracemalloc size of one retained sketch.

Run as a script, it re-executes itself with PYTHONHASHSEED=0 unless that is set: storyline's
hashes are fixed polynomial hashes of bytes, but `_corpus.copy_clusters` uses `hash()`,
and the clusters decide how families are packed into batches.

Usage:
    python benchmarks/provenance.py                        # TEST half, everything
    python benchmarks/provenance.py --split tune --errors  # TUNE half + error analysis
    python benchmarks/provenance.py --limit 60 --sizes 2000 --json /tmp/prov.json
    python benchmarks/provenance.py --split tune --alone-only --sizes ''  # spun alone only
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import multiprocessing
import os
import random
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import _corpus
import _spinner
from _corpus import Doc

from storyline import credits, digests, pair_alignment, sketch, spinning
from storyline import provenance as provenance_module
from storyline.credits import find_credit
from storyline.ingest import make_article
from storyline.models import Article
from storyline.provenance import detect_provenance
from storyline.sketch import CandidateIndex, sketch_article
from storyline.spinning import find_spin_phrases
from storyline.spinning import load_model as load_spin_model

KINDS = ("original", "duplicate", "reprint", "digest", "spun", "rewrite")
# The code of the provenance stage, hashed together so that a figure names the code it
# measured (until the split of provenance.py, `storyline_provenance_sha256` did that).
STAGE_MODULES = (provenance_module, sketch, pair_alignment, credits, digests, spinning)
STRENGTHS = (0.1, 0.2, 0.3, 0.4, 0.5)
PAIR_VARIANTS = ("dup", "light", "light_credited", "trunc", "credit_dateline", "credit_slash",
                 "credit_from", "credit_appeared", "spun10", "spun20", "spun30", "spun40",
                 "spun50", "rewrite")
DUPLICATE_IDENTITY = 0.90
MIN_WORDS, MIN_SENTENCES = 80, 4
COPY_OUTLETS = (
    "Newsfeed Daily", "The Aggregator", "Click Wire", "Metro Reposter", "Headline Hub",
    "Daily Digest Online", "The Scoop Network", "Content Farm Weekly", "Buzz Portal",
    "NewsNow Mirror Site", "The Informer", "Regional Roundup", "Syndicate Times", "Feedly Post",
    "The Morning Brief", "Global Newsstand", "Web Gazette", "Top Stories Today",
)
DIGEST_OUTLET = "Briefing Desk"
WIRES_DATELINE = ("AP", "AFP", "Reuters")
WIRES_SLASH = ("VOA", "AP", "AFP")
WIRES_FROM = ("Reuters", "AP", "Bloomberg")
LIGHT_EDITS = {
    "said": "says", "says": "said", "about": "around", "around": "about", "nearly": "almost",
    "almost": "nearly", "many": "several", "several": "many", "big": "large", "large": "big",
    "but": "yet", "also": "too", "however": "though", "before": "prior to", "after": "following",
    "more": "further", "start": "begin", "help": "assist", "buy": "purchase", "show": "indicate",
}
ADJECTIVES = frozenset(_spinner.split_words("""
new big small large major former recent local top key high low long short early late
young old important serious strong popular possible public private national
international federal political economic social military foreign domestic general real
clear full free special certain different similar entire whole huge massive significant
final current various previous main senior powerful famous critical dangerous difficult
official additional
"""))
REWRITE_WORDS = {
    "said": "noted", "says": "notes", "told": "informed", "people": "residents", "began":
    "started", "started": "began", "help": "aid", "show": "indicate", "showed": "indicated",
    "about": "roughly", "nearly": "almost", "many": "numerous", "big": "large", "buy": "purchase",
    "killed": "left dead", "because": "as", "but": "though", "also": "additionally",
    "wanted": "sought", "asked": "questioned", "added": "went on", "including": "among them",
}
LINKERS = ("Meanwhile, ", "In addition, ", "At the same time, ", "Separately, ", "Also, ")
WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)*")


# --------------------------------------------------------------------------- families


@dataclass(slots=True)
class Member:
    """One article of a family, with its label."""

    id: str
    text: str
    outlet: str
    published: datetime
    label: str
    of_ok: frozenset[str] = frozenset()
    role: str = "original"  # original | copy | digest | negative
    doc: str | None = None  # real document key for unmodified real texts


@dataclass(slots=True)
class Family:
    name: str
    variant: str
    corpus: str
    members: list[Member]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def docs(self) -> set[str]:
        return {m.doc for m in self.members if m.doc}

    def copy_and_original(self) -> tuple[Member, Member] | None:
        copies = [m for m in self.members if m.role == "copy"]
        if len(copies) != 1 or len(copies[0].of_ok) != 1:
            return None
        (origin_id,) = copies[0].of_ok
        origin = next(m for m in self.members if m.id == origin_id)
        return copies[0], origin


def _hid(*parts: object) -> str:
    return "a" + hashlib.sha1(":".join(map(str, parts)).encode("utf-8")).hexdigest()[:11]


def _base_time(doc: Doc) -> datetime:
    rng = random.Random(f"time:{doc.key}")
    day = doc.day or datetime(2012, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(700))
    return day + timedelta(hours=rng.uniform(5, 20))


def _original(doc: Doc, outlet: str | None = None) -> Member:
    return Member(_hid("doc", doc.key), doc.text, outlet or doc.outlet, _base_time(doc),
                  "original", role="original", doc=doc.key)


def _other_outlet(rng: random.Random, *avoid: str) -> str:
    return rng.choice([o for o in COPY_OUTLETS if o not in avoid])


def word_identity(a: str, b: str) -> float:
    x = [w.lower() for w in WORD_RE.findall(a)]
    y = [w.lower() for w in WORD_RE.findall(b)]
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()


def _paragraph_lists(doc: Doc) -> list[list[str]]:
    return [list(p) for p in doc.paragraphs]


def _drop_sentence(paragraphs: list[list[str]], rng: random.Random) -> list[list[str]]:
    positions = [(i, j) for i, p in enumerate(paragraphs) for j in range(len(p))][1:]
    if len(positions) >= 2:
        i, j = rng.choice(positions)
        paragraphs[i] = paragraphs[i][:j] + paragraphs[i][j + 1:]
    return [p for p in paragraphs if p]


def _change_words(text: str, count: int, rng: random.Random) -> str:
    """Change `count` words: neutral editorial swaps, else delete a filler word."""
    matches = [m for m in re.finditer(r"\b[a-z]+\b", text) if m.group(0) in LIGHT_EDITS]
    chosen = sorted(rng.sample(matches, min(count, len(matches))), key=lambda m: m.start())
    for match in reversed(chosen):
        text = text[:match.start()] + LIGHT_EDITS[match.group(0)] + text[match.end():]
    missing = count - len(chosen)
    if missing > 0:
        fillers = list(re.finditer(r" (?:very|just|really|still|even|only)\b", text))
        for match in sorted(rng.sample(fillers, min(missing, len(fillers))),
                            key=lambda m: -m.start()):
            text = text[:match.start()] + text[match.end():]
    return text


def _join(paragraphs: list[list[str]]) -> str:
    return _corpus.join_paragraphs(paragraphs)


def _headline_index(paragraphs: list[list[str]]) -> int:
    """Paragraph to put a dateline on: after a one-sentence headline, if any."""
    first = paragraphs[0]
    return 1 if len(paragraphs) > 1 and len(first) == 1 and len(first[0].split()) < 20 else 0


def add_credit(paragraphs: list[list[str]], style: str, outlet: str,
               rng: random.Random) -> str:
    paragraphs = [list(p) for p in paragraphs]
    if style == "credit_dateline":
        index = _headline_index(paragraphs)
        dash = rng.choice(["-", "\u2014"])
        paragraphs[index][0] = f"({outlet}) {dash} {paragraphs[index][0]}"
        return _join(paragraphs)
    if style == "credit_slash":
        return _join(paragraphs) + f" /{outlet}"
    if style == "credit_from":
        return _join(paragraphs + [[f"From {outlet}."]])
    return _join(paragraphs + [[f"This article originally appeared in {outlet}."]])


def _credited_outlet(style: str, doc: Doc, rng: random.Random) -> str:
    pool = {"credit_dateline": WIRES_DATELINE, "credit_slash": WIRES_SLASH,
            "credit_from": WIRES_FROM}.get(style)
    return rng.choice(pool) if pool else doc.outlet


def _pair_family(doc: Doc, variant: str) -> Family | None:
    rng = random.Random(f"variant:{doc.key}:{variant}")
    paragraphs = _paragraph_lists(doc)
    original = _original(doc)
    meta: dict[str, Any] = {}
    label = ""
    if variant == "dup":
        text, label = doc.text, "duplicate"
    elif variant in ("light", "light_credited"):
        edited = _change_words(_join(_drop_sentence(paragraphs, rng)), rng.randint(1, 4), rng)
        text = edited
        if variant == "light_credited":
            style = rng.choice(["credit_dateline", "credit_slash", "credit_from",
                                "credit_appeared"])
            original.outlet = _credited_outlet(style, doc, rng)
            text = add_credit([list(_corpus.split_sentences(p)) for p in edited.split("\n\n")],
                              style, original.outlet, rng)
            label, meta["style"] = "reprint", style
    elif variant == "trunc":
        total = len(doc.text.split())
        fraction = rng.uniform(0.4, 0.7)
        kept: list[list[str]] = []
        count = 0
        for paragraph in paragraphs:
            kept.append([])
            for sentence in paragraph:
                if count >= fraction * total and sum(map(len, kept)) >= 2:
                    break
                kept[-1].append(sentence)
                count += len(sentence.split())
        text = _join([p for p in kept if p])
        meta["fraction"] = round(count / max(1, total), 3)
    elif variant.startswith("credit_"):
        original.outlet = _credited_outlet(variant, doc, rng)
        text, label = add_credit(paragraphs, variant, original.outlet, rng), "reprint"
    elif variant.startswith("spun"):
        result = _spinner.spin(doc.text, int(variant[4:]) / 100, f"{doc.key}:{variant}")
        text, label = result.text, "spun"
        meta["achieved"] = round(result.achieved, 4)
    elif variant == "rewrite":
        text, label = rewrite(paragraphs, rng), "rewrite"
    else:
        raise ValueError(variant)
    if not label:
        identity = word_identity(text, doc.text)
        label = "duplicate" if identity >= DUPLICATE_IDENTITY else "reprint"
        meta["identity"] = round(identity, 4)
    if text.strip() == "" or (variant != "dup" and text == doc.text):
        return None
    copy = Member(_hid(doc.key, variant), text, _other_outlet(rng, original.outlet),
                  original.published + timedelta(hours=rng.uniform(1, 48)), label,
                  frozenset({original.id}), role="copy")
    return Family(f"{doc.key}|{variant}", variant, doc.corpus, [original, copy], meta)


def _paraphrase(sentence: str, rng: random.Random) -> str:
    """Lightly paraphrase one sentence; always changes something."""
    original = sentence
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".!?" else (sentence, "")
    quoted = any(q in body for q in "\"\u201c\u201d`'")
    splits = [m.start() for m in re.finditer(r", ", body)]
    options = [i for i in splits
               if len(body[:i].split()) >= 4 and len(body[i + 2:].split()) >= 4]
    if options and not quoted and rng.random() < 0.7:
        cut = rng.choice(options)
        left, right = body[:cut], body[cut + 2:]
        first = left.split(" ", 1)[0]
        if first.lower() in _spinner.STOPWORDS and not first.isupper():
            left = left[0].lower() + left[1:]
        body = right[0].upper() + right[1:] + ", " + left
    words = body.split(" ")
    kept = [w for i, w in enumerate(words) if not (i > 0 and w in ADJECTIVES)]
    if len(kept) >= 4 and len(kept) < len(words):
        words = kept
    replaceable = [i for i, w in enumerate(words) if w in REWRITE_WORDS]
    for i in rng.sample(replaceable, min(len(replaceable), rng.randint(0, 2))):
        words[i] = REWRITE_WORDS[words[i]]
    body = " ".join(words)
    result = body + end
    if result == original:
        first = result.split(" ", 1)[0]
        lowered = result if first.lower() not in _spinner.STOPWORDS or first.isupper() \
            else result[0].lower() + result[1:]
        result = rng.choice(LINKERS) + lowered
    return result


def rewrite(paragraphs: list[list[str]], rng: random.Random) -> str:
    sentences = [s for p in paragraphs for s in p]
    head, body = sentences[:1], sentences[1:]
    rng.shuffle(body)
    rewritten = [_paraphrase(s, rng) for s in head + body]
    grouped: list[list[str]] = [rewritten[:1]]
    index = 1
    while index < len(rewritten):
        size = rng.randint(1, 3)
        grouped.append(rewritten[index:index + size])
        index += size
    return _join(grouped)


def _shorten(sentence: str, rng: random.Random) -> str:
    commas = [m.start() for m in re.finditer(r", ", sentence)]
    usable = [c for c in commas if len(sentence[:c].split()) >= 8]
    if usable and rng.random() < 0.5:
        return sentence[:rng.choice(usable)].rstrip(" ,;:") + "."
    return sentence


def _digest_text(pools: list[list[str]], rng: random.Random) -> str | None:
    """2-4 sentences, 60-150 words, taken (or shortened) from the pools in turn."""
    for _attempt in range(12):
        target = rng.randint(2, 4)
        picked: list[str] = []
        for index in range(target):
            pool = pools[index % len(pools)]
            candidates = [s for s in pool[:10] if 8 <= len(s.split()) <= 60 and s not in picked]
            if not candidates:
                break
            picked.append(_shorten(rng.choice(candidates), rng))
        words = sum(len(s.split()) for s in picked)
        if 2 <= len(picked) <= 4 and 60 <= words <= 150 and \
                len({id(p) for p in pools}) <= len(picked):
            return "\n\n".join(picked)
    return None


def digest_families(docs: Sequence[Doc], rng: random.Random, per_event: int,
                    clusters: dict[str, str]) -> list[Family]:
    families: list[Family] = []
    by_event: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        if doc.corpus == "ecbplus" and doc.event:
            by_event[doc.event].append(doc)
        elif doc.corpus == "polnear" and rng.random() < 0.25:
            pool = [s for p in doc.paragraphs[1:] for s in p]
            text = _digest_text([pool], rng)
            if text:
                families.append(_digest_family([doc], text, "digest_polnear"))
    for event in sorted(by_event):
        group = by_event[event]
        for number in range(per_event if len(group) >= 2 else 0):
            chosen = rng.sample(group, min(len(group), rng.choice([2, 3])))
            if len({clusters.get(d.key, d.key) for d in chosen}) < len(chosen):
                continue  # sources that copy each other are not independent
            pools = [list(d.sentences[1:]) for d in chosen]
            text = _digest_text(pools, rng)
            if text:
                families.append(_digest_family(chosen, text, "digest_ecb", number))
    return families


def _digest_family(sources: Sequence[Doc], text: str, variant: str, number: int = 0
                   ) -> Family:
    members = [_original(d) for d in sources]
    latest = max(m.published for m in members)
    rng = random.Random(f"digest:{variant}:{number}:{sources[0].key}")
    digest = Member(_hid("digest", number, *[d.key for d in sources]), text, DIGEST_OUTLET,
                    latest + timedelta(hours=rng.uniform(1, 48)), "digest",
                    frozenset(m.id for m in members), role="digest")
    return Family(f"{variant}|{number}|{'+'.join(d.key for d in sources)}", variant,
                  sources[0].corpus, members + [digest], {"sources": len(sources)})


def negative_families(docs: Sequence[Doc], rng: random.Random, same_story: int,
                      unrelated: int, clusters: dict[str, str]) -> list[Family]:
    families: list[Family] = []
    by_event: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        if doc.event:
            by_event[doc.event].append(doc)
    for event in sorted(by_event):
        group = by_event[event]
        pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1:]
                 if clusters.get(a.key, a.key) != clusters.get(b.key, b.key)]
        for a, b in rng.sample(pairs, min(len(pairs), same_story)):
            first, second = _original(a), _original(b)
            second.published = first.published + timedelta(hours=rng.uniform(-48, 48))
            families.append(Family(f"same|{a.key}|{b.key}", "same_story", "ecbplus",
                                   [first, second]))
    for _ in range(unrelated):
        a, b = rng.sample(list(docs), 2)
        if (a.topic and a.topic == b.topic) or \
                clusters.get(a.key, a.key) == clusters.get(b.key, b.key):
            continue
        families.append(Family(f"unrelated|{a.key}|{b.key}", "unrelated",
                               f"{a.corpus}+{b.corpus}", [_original(a), _original(b)]))
    return families


def build_families(docs: Sequence[Doc], per_source: int, seed: int,
                   clusters: dict[str, str]) -> list[Family]:
    rng = random.Random(f"families:{seed}")
    order = sorted(docs, key=lambda d: hashlib.sha1(f"{seed}:{d.key}".encode()).hexdigest())
    families: list[Family] = []
    cursor = 0
    for doc in order:
        for _ in range(per_source):
            variant = PAIR_VARIANTS[cursor % len(PAIR_VARIANTS)]
            cursor += 1
            family = _pair_family(doc, variant)
            if family:
                families.append(family)
    families += digest_families(docs, rng, 2, clusters)
    families += negative_families(docs, rng, 3, max(20, len(docs) // 10), clusters)
    return families


def pack_batches(families: Sequence[Family], size: int, seed: int,
                 clusters: dict[str, str]) -> list[list[Family]]:
    """Greedy packing: about `size` articles; no real document (nor two real documents that
    already share text, see `_corpus.copy_clusters`) twice in one batch."""
    rng = random.Random(f"batches:{seed}")
    pending = list(families)
    rng.shuffle(pending)
    batches: list[list[Family]] = []
    while pending:
        batch: list[Family] = []
        used: set[str] = set()
        count = 0
        deferred: list[Family] = []
        for family in pending:
            keys = {clusters.get(d, d) for d in family.docs}
            if count >= size or keys & used:
                deferred.append(family)
                continue
            batch.append(family)
            used |= keys
            count += len(family.members)
        batches.append(batch)
        pending = deferred
    return batches


# --------------------------------------------------------------------------- evaluation


@dataclass(slots=True)
class Outcome:
    family: Family
    member: Member
    kind: str
    of: str | None
    batch: int = 0

    @property
    def correct(self) -> bool:
        if self.kind != self.member.label:
            return False
        return self.member.label == "original" or self.of in self.member.of_ok


def run_batches(batches: Sequence[list[Family]], timed: bool, seed: int
                ) -> tuple[list[Outcome], float]:
    outcomes: list[Outcome] = []
    spent = 0.0
    rng = random.Random(f"order:{seed}:{timed}")
    for number, batch in enumerate(batches, start=1):
        entries = [(family, member) for family in batch for member in family.members]
        rng.shuffle(entries)
        articles = [make_article(id=m.id, source="benchmark", text=m.text, outlet=m.outlet,
                                 published=m.published if timed else None)
                    for _, m in entries]
        start = time.process_time()
        results = detect_provenance(articles)
        spent += time.process_time() - start
        by_id = {p.article: p for p in results}
        for family, member in entries:
            result = by_id[member.id]
            outcomes.append(Outcome(family, member, result.kind, result.of, number))
        if number % 10 == 0:
            _progress(f"  {'timed' if timed else 'untimed'}: batch {number}/{len(batches)}, "
                      f"{spent:.0f}s in detect_provenance")
    return outcomes, spent


def per_kind(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        tp = sum(1 for o in outcomes if o.member.label == kind and o.correct)
        predicted = sum(1 for o in outcomes if o.kind == kind)
        support = sum(1 for o in outcomes if o.member.label == kind)
        kind_tp = sum(1 for o in outcomes if o.member.label == kind and o.kind == kind)
        table[kind] = {"support": support, "predicted": predicted, "tp": tp,
                       **_prf(tp, predicted, support, ""),
                       **_prf(kind_tp, predicted, support, "kind_only_")}
    return table


def _prf(tp: int, predicted: int, support: int, prefix: str) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{prefix}precision": precision, f"{prefix}recall": recall, f"{prefix}f1": f1}


def confusion(outcomes: Sequence[Outcome]) -> dict[str, dict[str, int]]:
    matrix: dict[str, dict[str, int]] = {k: dict.fromkeys(KINDS, 0) for k in KINDS}
    for outcome in outcomes:
        matrix[outcome.member.label][outcome.kind] += 1
    return matrix


def per_variant(outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.member.role in ("copy", "digest") or \
                outcome.family.variant in ("same_story", "unrelated"):
            groups[outcome.family.variant].append(outcome)
    table: dict[str, dict[str, Any]] = {}
    for variant in sorted(groups, key=_variant_order):
        items = groups[variant]
        predicted = Counter(o.kind for o in items)
        table[variant] = {
            "n": len(items), "labels": dict(Counter(o.member.label for o in items)),
            "kind_accuracy": sum(o.kind == o.member.label for o in items) / len(items),
            "accuracy": sum(o.correct for o in items) / len(items),
            "predicted": dict(predicted.most_common()),
        }
    return table


def _variant_order(variant: str) -> int:
    order = list(PAIR_VARIANTS) + ["digest_ecb", "digest_polnear", "same_story", "unrelated"]
    return order.index(variant) if variant in order else len(order)


def direction(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float]]:
    """For original+copy families: is the link copy -> original, reversed, or absent?"""
    by_family: dict[str, dict[str, Outcome]] = defaultdict(dict)
    families: dict[str, Family] = {}
    for outcome in outcomes:
        by_family[outcome.family.name][outcome.member.id] = outcome
        families[outcome.family.name] = outcome.family
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for name, members in by_family.items():
        pair = families[name].copy_and_original()
        if not pair:
            continue
        copy, origin = pair
        copy_out, origin_out = members[copy.id], members[origin.id]
        if copy_out.of == origin.id:
            state = "correct"
        elif origin_out.of == copy.id:
            state = "reversed"
        else:
            state = "unlinked"
        for key in ("all", families[name].variant):
            counts[key][state] += 1
    table: dict[str, dict[str, float]] = {}
    for key in sorted(counts, key=lambda k: -1 if k == "all" else _variant_order(k)):
        c = counts[key]
        linked = c["correct"] + c["reversed"]
        table[key] = {"pairs": sum(c.values()), "correct": c["correct"],
                      "reversed": c["reversed"], "unlinked": c["unlinked"],
                      "accuracy": c["correct"] / linked if linked else 0.0}
    return table


def negatives(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float]]:
    by_family: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.family.variant in ("same_story", "unrelated"):
            by_family[outcome.family.name].append(outcome)
    table: dict[str, dict[str, float]] = {}
    for variant in ("same_story", "unrelated"):
        pairs = [v for v in by_family.values() if v[0].family.variant == variant]
        linked = sum(1 for v in pairs if any(o.of in {m.id for m in o.family.members}
                                             for o in v))
        not_original = sum(1 for v in pairs if any(o.kind != "original" for o in v))
        table[variant] = {"pairs": len(pairs), "linked_to_each_other": linked,
                          "any_member_not_original": not_original,
                          "false_link_rate": linked / len(pairs) if pairs else 0.0}
    return table


# --------------------------------------------------------------------------- spun alone


def spun_alone(docs: Sequence[Doc]) -> dict[str, Any]:
    hits: dict[float, list[bool]] = defaultdict(list)
    by_corpus: dict[str, dict[float, list[bool]]] = defaultdict(lambda: defaultdict(list))
    achieved: dict[float, list[float]] = defaultdict(list)
    predicted: dict[float, Counter[str]] = defaultdict(Counter)
    misses: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for number, doc in enumerate(docs, start=1):
        rng = random.Random(f"alone:{doc.key}")
        for strength in STRENGTHS:
            result = _spinner.spin(doc.text, strength, f"{doc.key}:alone")
            article = make_article(id=_hid("alone", doc.key, strength), source="benchmark",
                                   text=result.text, outlet=_other_outlet(rng),
                                   published=_base_time(doc) + timedelta(hours=5))
            kind = detect_provenance([article])[0].kind
            hits[strength].append(kind == "spun")
            by_corpus[doc.corpus][strength].append(kind == "spun")
            achieved[strength].append(result.achieved)
            predicted[strength][kind] += 1
            if kind != "spun":
                strong = {str(h["phrase"]).lower() for h in find_spin_phrases(article.text)
                          if not h.get("weak")}
                misses[strength].append({"doc": doc.key, "strong": len(strong),
                                         "hits": len(find_spin_phrases(article.text)),
                                         "words": len(article.text.split()), "kind": kind})
        if number % 200 == 0:
            _progress(f"  spun alone: {number}/{len(docs)} articles")
    model = load_spin_model()
    return {
        "recall": {_pct(s): _mean(hits[s]) for s in STRENGTHS},
        # The plain model, or the one with word vectors when the `vectors` extra is installed.
        "model": "none" if model is None else "vectors" if model.vectors else "plain",
        "variants_at_30": _alone_variants(docs),
        "n": {_pct(s): len(hits[s]) for s in STRENGTHS},
        "achieved_strength": {_pct(s): _mean(achieved[s]) for s in STRENGTHS},
        "by_corpus": {c: {_pct(s): _mean(v[s]) for s in STRENGTHS}
                      for c, v in sorted(by_corpus.items())},
        "predicted": {_pct(s): dict(predicted[s]) for s in STRENGTHS},
        "_misses": {_pct(s): misses[s] for s in STRENGTHS},
    }


def _alone_variants(docs: Sequence[Doc]) -> dict[str, float]:
    """Recall at 30% for other spinners: WordNet synonyms instead of our table (the
    detector reads WordNet too, so this is optimistic), and our table with numbers left
    spelled out (no digit evidence)."""
    variants = {"wordnet_synonyms": {"table": _spinner.wordnet_table()},
                "no_digits": {"digits": False}}
    recall = {}
    for name, options in variants.items():
        found = []
        for doc in docs:
            text = _spinner.spin(doc.text, 0.3, f"{doc.key}:alone", **options).text
            article = make_article(id=_hid("variant", doc.key, name), source="benchmark",
                                   text=text, outlet="Farm", published=_base_time(doc))
            found.append(detect_provenance([article])[0].kind == "spun")
        recall[name] = _mean(found)
    return recall


def false_positives(corpora: dict[str, list[Doc]], limit: int | None) -> dict[str, Any]:
    table: dict[str, dict[str, Any]] = {}
    details: list[dict[str, Any]] = []
    for corpus, docs in corpora.items():
        docs = docs[:limit] if limit else docs
        spun = other = 0
        for doc in docs:
            article = make_article(id=_hid("fp", doc.key), source="benchmark", text=doc.text,
                                   outlet=doc.outlet or "Unknown", published=_base_time(doc))
            result = detect_provenance([article])[0]
            if result.kind == "spun":
                spun += 1
                phrases = sorted({str(h["phrase"]).lower()
                                  for h in find_spin_phrases(article.text)})
                details.append({"doc": doc.key, "half": doc.half, "phrases": phrases,
                                "words": len(article.text.split())})
            elif result.kind != "original":
                other += 1
        table[corpus] = {"articles": len(docs), "spun": spun,
                         "rate": spun / len(docs) if docs else 0.0, "other_non_original": other}
    total = sum(int(t["articles"]) for t in table.values())
    spun_total = sum(int(t["spun"]) for t in table.values())
    table["all"] = {"articles": total, "spun": spun_total,
                    "rate": spun_total / total if total else 0.0,
                    "other_non_original": sum(int(t["other_non_original"])
                                              for t in list(table.values()))}
    halves = Counter(d.half for docs in corpora.values() for d in (docs[:limit] if limit else docs))
    by_half = {half: {"articles": n, "spun": sum(1 for d in details if d["half"] == half)}
               for half, n in sorted(halves.items())}
    return {"table": table, "by_half": by_half, "_details": details}


# --------------------------------------------------------------------------- throughput


def _rss_bytes() -> int:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _synthetic(texts: Sequence[str], vocabulary: Sequence[str], index: int) -> Article:
    """A real text with small random changes: a few words swapped, numbers redrawn."""
    rng = random.Random(f"synthetic:{index}")
    text = texts[rng.randrange(len(texts))]
    words = text.split(" ")
    for _ in range(rng.randint(3, 8)):
        position = rng.randrange(len(words))
        words[position] = rng.choice(vocabulary)
    text = re.sub(r"\d+", lambda m: str(rng.randrange(1, 10 ** len(m.group(0)))),
                  " ".join(words))
    return make_article(id=f"s{index}", source="synthetic", text=text,
                        outlet=f"Outlet {index % 97}")


def _throughput_worker(texts: list[str], size: int, timed_count: int, queue: Any) -> None:
    """Cheap pass over `size` articles; the last `timed_count` go through it on the clock.

    The first `size - timed_count` articles only fill the LSH index (their signatures are the
    base text's, with 6% of the hash values redrawn: a near-copy), so the timed articles meet
    an index of the full size at a fraction of the run time.
    """
    vocabulary = sorted({w for t in texts[:300] for w in t.split() if w.isalpha()})
    index = CandidateIndex()
    rss_before = _rss_bytes()
    fill = max(0, size - timed_count)
    base: dict[int, dict[str, Any]] = {}
    for item in range(fill):
        rng = random.Random(f"fill:{item}")
        which = rng.randrange(len(texts))
        if which not in base:
            sketch = sketch_article(make_article(id="b", source="fill", text=texts[which]))
            base[which] = index.signatures(sketch)
        copies = {}
        for name, signature in base[which].items():
            copy = signature.copy()
            for position in rng.sample(range(len(copy)), 4):
                copy[position] = rng.getrandbits(32)
            copies[name] = copy
        index.add_signatures(item, copies)
    cpu: dict[str, float] = defaultdict(float)
    wall = 0.0
    candidates = Counter[str]()
    chunk = 1000
    for begin in range(fill, size, chunk):
        stop = min(size, begin + chunk)
        articles = [_synthetic(texts, vocabulary, i) for i in range(begin, stop)]
        wall_start = time.perf_counter()
        for item, article in enumerate(articles, start=begin):
            t0 = time.process_time()
            sketch = sketch_article(article)
            t1 = time.process_time()
            signatures = index.signatures(sketch)
            t2 = time.process_time()
            for name, found in index.add_signatures(item, signatures).items():
                candidates[name] += len(found)
            t3 = time.process_time()
            cpu["sketch"] += t1 - t0
            cpu["minhash"] += t2 - t1
            cpu["lsh"] += t3 - t2
        wall += time.perf_counter() - wall_start
    rss_after = _rss_bytes()
    sample = [_synthetic(texts, vocabulary, size + i) for i in range(200)]
    tracemalloc.start()
    kept = [sketch_article(a) for a in sample]
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    words = sum(len(a.text.split()) for a in sample) / len(sample)
    del kept
    timed = size - fill
    total = sum(cpu.values())
    queue.put({
        "articles": size, "timed_articles": timed, "cpu_seconds": total, "wall_seconds": wall,
        "articles_per_second": timed / total if total else 0.0,
        "articles_per_second_wall": timed / wall if wall else 0.0,
        "us_per_article": {k: 1e6 * v / timed for k, v in cpu.items()},
        "candidates_per_article": sum(candidates.values()) / max(1, timed),
        "candidates_per_article_by_lsh": {k: v / max(1, timed) for k, v in candidates.items()},
        "words_per_article": words,
        "lsh_rss_bytes_per_article": (rss_after - rss_before) / size,
        "sketch_bytes_per_article": current / len(sample),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    })


def throughput(texts: list[str], sizes: Iterable[int], timed_count: int
               ) -> list[dict[str, Any]]:
    context = multiprocessing.get_context("spawn")
    results = []
    for size in sizes:
        queue = context.Queue()
        process = context.Process(target=_throughput_worker,
                                  args=(texts, size, min(size, timed_count), queue))
        process.start()
        result = queue.get()
        process.join()
        results.append(result)
        _progress(f"  throughput {size}: {result['articles_per_second']:.0f} articles/s/core")
    return results


# --------------------------------------------------------------------------- reporting


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def _mean(values: Sequence[float] | Sequence[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _f(value: float) -> str:
    return f"{value:.3f}"


def _modules_sha256() -> str:
    digest = hashlib.sha256()
    for module in STAGE_MODULES:
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:12]


def print_report(report: dict[str, Any]) -> None:
    setup = report["setup"]
    rows: list[Sequence[object]]
    print(f"# Provenance benchmark ({setup['split'].upper()} half; the stage's modules "
          f"({', '.join(m.__name__.split('.')[-1] + '.py' for m in STAGE_MODULES)}) sha256 "
          f"{setup['storyline_provenance_modules_sha256']}, PYTHONHASHSEED "
          f"{setup['python_hash_seed']})\n")
    print(f"Sources: {setup['sources']} ({setup['sources_by_corpus']}); excluded as wire "
          f"reprints: {setup['excluded_wire']}, too short: {setup['excluded_short']}. "
          f"Families: {setup['families']}, batches: {setup['batches']} "
          f"(~{setup['batch_size']} articles), article instances per condition: "
          f"{setup['instances']}. Sources that already share text with another source "
          f"(kept apart in batches): {setup['sources_sharing_text']}.\n")
    for condition in ("timed", "untimed"):
        result = report.get(condition)
        if not result:
            continue
        print(f"## Per kind, {condition} ({result['batches']} batches, "
              f"{result['seconds']:.0f} CPU s in detect_provenance)\n")
        print("Correct = kind right and, for a copy, `of` is its original (digest: a source).\n")
        rows = [(k, v["support"], v["predicted"], _f(v["precision"]), _f(v["recall"]),
                 _f(v["f1"]), _f(v["kind_only_f1"])) for k, v in result["per_kind"].items()]
        print(_table(("kind", "support", "predicted", "P", "R", "F1", "F1 (kind only)"),
                     rows) + "\n")
    timed = report.get("timed")
    if timed:
        print("## Confusion matrix, timed (rows: label, columns: predicted)\n")
        print(_table(["label \\ predicted", *KINDS],
                     [(k, *timed["confusion"][k].values()) for k in KINDS]) + "\n")
        print("## Per variant, timed\n")
        untimed_variants = (report.get("untimed") or {}).get("per_variant", {})
        rows = []
        for variant, v in timed["per_variant"].items():
            top = ", ".join(f"{k} {n}" for k, n in list(v["predicted"].items())[:3])
            labels = "/".join(f"{k}" for k in v["labels"])
            untimed_acc = untimed_variants.get(variant, {}).get("accuracy")
            rows.append((variant, v["n"], labels, _f(v["kind_accuracy"]), _f(v["accuracy"]),
                         _f(untimed_acc) if untimed_acc is not None else "-", top))
        print(_table(("variant", "n", "label", "kind acc", "kind+of acc", "kind+of untimed",
                      "predicted (timed)"), rows) + "\n")
    if timed:
        print("## Copy direction (original+copy families; accuracy = correct / linked)\n")
        untimed_direction = (report.get("untimed") or {}).get("direction", {})
        rows = []
        for key, v in timed["direction"].items():
            u = untimed_direction.get(key, {})
            rows.append((key, v["pairs"], v["correct"], v["reversed"], v["unlinked"],
                         _f(v["accuracy"]), u.get("correct", "-"), u.get("reversed", "-"),
                         u.get("unlinked", "-"),
                         _f(u["accuracy"]) if "accuracy" in u else "-"))
        print(_table(("variant", "pairs", "timed ok", "timed reversed", "timed other/none",
                      "timed acc", "untimed ok", "untimed reversed", "untimed other/none",
                      "untimed acc"), rows) + "\n")
        print("## Negatives (must stay original)\n")
        rows = []
        for key, v in timed["negatives"].items():
            u = (report.get("untimed") or {}).get("negatives", {}).get(key, {})
            rows.append((key, v["pairs"], v["linked_to_each_other"],
                         v["any_member_not_original"], _f(v["false_link_rate"]),
                         u.get("linked_to_each_other", "-")))
        print(_table(("pairs", "n", "linked (timed)", "any not original (timed)",
                      "false-link rate (timed)", "linked (untimed)"), rows) + "\n")
    alone = report.get("spun_alone")
    if alone:
        print("## Spun copy alone (no original in the set): recall by strength\n")
        print(f"Detector model: {alone.get('model', '?')}\n")
        rows = [(s, alone["n"][s], _f(alone["achieved_strength"][s]), _f(alone["recall"][s]),
                 *(_f(alone["by_corpus"][c][s]) for c in alone["by_corpus"]),
                 ", ".join(f"{k} {n}" for k, n in alone["predicted"][s].items()))
                for s in alone["recall"]]
        print(_table(("strength", "n", "achieved share", "recall",
                      *(f"recall {c}" for c in alone["by_corpus"]), "predicted"), rows) + "\n")
        variants = ", ".join(f"{k} {_f(v)}" for k, v in alone["variants_at_30"].items())
        print(f"Other spinners at 30%: {variants}\n")
    fps = report.get("false_positives")
    if fps:
        print("## Spun false positives on real unspun articles (all halves, single article)\n")
        rows = [(c, v["articles"], v["spun"], f"{100 * v['rate']:.2f}%",
                 v["other_non_original"]) for c, v in fps["table"].items()]
        print(_table(("corpus", "articles", "predicted spun", "FP rate",
                      "other non-original (credit lines)"), rows) + "\n")
        halves = ", ".join(f"{h.upper()} {v['spun']} of {v['articles']}"
                           for h, v in fps.get("by_half", {}).items())
        print(f"By half (counts only): {halves}\n")
    runs = report.get("throughput")
    if runs:
        print("## Cheap pass throughput (one process; CPU time, so per core)\n")
        rows = [(r["articles"], r["timed_articles"], f"{r['articles_per_second']:.0f}",
                 f"{r['articles_per_second_wall']:.0f}",
                 f"{r['us_per_article']['sketch']:.0f}",
                 f"{r['us_per_article']['minhash']:.0f}", f"{r['us_per_article']['lsh']:.0f}",
                 f"{r['candidates_per_article']:.1f} ("
                 + " / ".join(f"{v:.1f}" for v in r["candidates_per_article_by_lsh"].values())
                 + ")", f"{r['words_per_article']:.0f}",
                 f"{r['lsh_rss_bytes_per_article'] / 1024:.2f}",
                 f"{r['sketch_bytes_per_article'] / 1024:.1f}", f"{r['peak_rss_mb']:.0f}")
                for r in runs]
        print(_table(("index size", "timed", "articles/s/core (CPU)", "articles/s (wall)",
                      "sketch us", "minhash us", "LSH us",
                      "candidates/article (shingles / anchors)",
                      "words/article", "LSH index KiB/article (RSS delta)",
                      "sketch KiB/article (tracemalloc)", "peak RSS MB"), rows) + "\n")
    print(f"Total runtime: {report['runtime_seconds']:.0f}s")


def error_analysis(report: dict[str, Any], outcomes: Sequence[Outcome]) -> None:
    """TUNE only: error categories with counts, and what triggered them."""
    print("\n# Error analysis (TUNE half)\n")
    categories: Counter[str] = Counter()
    credit_outlets: Counter[str] = Counter()
    by_id = {(o.batch, o.member.id): o.member for o in outcomes}
    for outcome in outcomes:
        if outcome.correct:
            continue
        member = outcome.member
        if outcome.kind == member.label:
            reason = "of wrong (" + _of_reason(outcome, by_id) + ")"
        else:
            reason = f"{member.label} -> {outcome.kind}"
        if member.role == "original" and outcome.kind == "reprint":
            credit = find_credit(make_article(id="x", source="x", text=member.text,
                                              outlet=member.outlet))
            if credit:
                credit_outlets[credit[0]] += 1
                reason += " (credit line found in real text)"
        categories[f"{outcome.family.variant:>16} [{member.role}] {reason}"] += 1
    print(_table(("count", "category"), [(n, c) for c, n in categories.most_common(40)]) + "\n")
    if credit_outlets:
        print("Credit outlets storyline found in real (uncredited-label) originals: "
              + ", ".join(f"{k} {n}" for k, n in credit_outlets.most_common(12)) + "\n")
    alone = report.get("spun_alone", {})
    for strength, misses in alone.get("_misses", {}).items():
        buckets = Counter(f"{m['kind']}, strong={min(m['strong'], 2)}" for m in misses)
        print(f"Spun alone misses at {strength}: "
              + ", ".join(f"{k}: {n}" for k, n in sorted(buckets.items())))
    details = [d for d in report.get("false_positives", {}).get("_details", [])
               if d["half"] == "tune"]
    phrases = Counter(p for d in details for p in d["phrases"])
    print(f"\nSpun false positives in the TUNE half: {len(details)}"
          + ("; phrases behind them: " if phrases else "")
          + ", ".join(f"'{k}' {n}" for k, n in phrases.most_common(25)))


def _of_reason(outcome: Outcome, by_id: dict[tuple[int, str], Member]) -> str:
    if outcome.of is None:
        return "no origin"
    if outcome.of in {m.id for m in outcome.family.members}:
        return "points inside family"
    target = by_id.get((outcome.batch, outcome.of))
    origin = next((by_id[(outcome.batch, i)] for i in outcome.member.of_ok
                   if (outcome.batch, i) in by_id), None)
    if target and origin and target.outlet == origin.outlet:
        return "another article of the credited outlet"
    return "points to another family"


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "test"), default="test")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most N source documents per corpus (and per FP corpus)")
    parser.add_argument("--json", type=Path, default=None, help="write all figures here")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--variants-per-source", type=int, default=2,
                        help="copy variants made from each source (kinds assigned in turn)")
    parser.add_argument("--untimed-every", type=int, default=2,
                        help="run the untimed condition on every k-th batch (1 = all)")
    parser.add_argument("--alone-sources", type=int, default=300,
                        help="sources (split evenly by corpus) for the spun-alone recall")
    parser.add_argument("--sizes", default="10000,100000",
                        help="throughput sizes, comma-separated ('' to skip)")
    parser.add_argument("--timed-articles", type=int, default=5000,
                        help="throughput: articles timed per size (the rest only fill the "
                             "index); pass a size to time every article")
    parser.add_argument("--skip-untimed", action="store_true")
    parser.add_argument("--alone-only", action="store_true",
                        help="only the single-article spun detector: spun-alone recall and "
                             "false positives (no batches; a few minutes instead of many)")
    parser.add_argument("--errors", action="store_true",
                        help="print the error analysis (TUNE half only)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    if args.errors and args.split != "tune":
        parser.error("--errors is for the TUNE half only (never inspect TEST errors)")
    if not _corpus.available():
        print(f"skipped: evaluation data not found at {_corpus.DATA_DIR}")
        return 0
    started = time.perf_counter()
    _progress("loading corpora ...")
    corpora = _corpus.load_all()
    if not corpora["polnear"] and not corpora["ecbplus"]:
        print("skipped: neither PolNeAR nor ECB+ found under ../shared/data")
        return 0
    sources: list[Doc] = []
    excluded = Counter[str]()
    for corpus in ("polnear", "ecbplus"):
        half = [d for d in corpora[corpus] if d.half == args.split]
        chosen = []
        for doc in half:
            if doc.wire:
                excluded["wire"] += 1
            elif len(doc.text.split()) < MIN_WORDS or len(doc.sentences) < MIN_SENTENCES:
                excluded["short"] += 1
            else:
                chosen.append(doc)
        sources += chosen[:args.limit] if args.limit else chosen
    clusters = _corpus.copy_clusters(sources)
    families = build_families(sources, args.variants_per_source, args.seed, clusters)
    batches = pack_batches(families, args.batch_size, args.seed, clusters)
    report: dict[str, Any] = {"setup": {
        "split": args.split, "sources": len(sources),
        "sources_by_corpus": dict(Counter(d.corpus for d in sources)),
        "excluded_wire": excluded["wire"], "excluded_short": excluded["short"],
        "families": len(families), "families_by_variant": dict(Counter(f.variant
                                                                       for f in families)),
        "batches": len(batches), "batch_size": args.batch_size,
        "instances": sum(len(f.members) for f in families), "seed": args.seed,
        "python_hash_seed": os.environ.get("PYTHONHASHSEED"),
        "storyline_provenance_sha256": hashlib.sha256(
            Path(provenance_module.__file__).read_bytes()).hexdigest()[:12],
        "storyline_provenance_modules_sha256": _modules_sha256(),
        "spinner_table_words": len(_spinner.SPIN_TABLE),
        "sources_sharing_text": sum(1 for d in sources
                                    if sum(1 for v in clusters.values()
                                           if v == clusters[d.key]) > 1),
    }}
    _progress(f"{len(sources)} sources, {len(families)} families, {len(batches)} batches")
    timed_outcomes: list[Outcome] = []
    for condition in ("timed", "untimed"):
        if args.alone_only or (condition == "untimed" and args.skip_untimed):
            continue
        chosen_batches = batches if condition == "timed" else batches[::args.untimed_every]
        outcomes, seconds = run_batches(chosen_batches, condition == "timed", args.seed)
        if condition == "timed":
            timed_outcomes = outcomes
        report[condition] = {"seconds": seconds, "batches": len(chosen_batches),
                             "per_kind": per_kind(outcomes),
                             "confusion": confusion(outcomes),
                             "per_variant": per_variant(outcomes),
                             "direction": direction(outcomes), "negatives": negatives(outcomes)}
    _progress("spun copies alone ...")
    cpu = time.process_time()
    report["spun_alone"] = spun_alone(_even_sample(sources, args.alone_sources, args.seed))
    report["spun_alone"]["cpu_seconds"] = time.process_time() - cpu
    _progress("false positives on real articles ...")
    cpu = time.process_time()
    report["false_positives"] = false_positives(corpora, args.limit)
    report["false_positives"]["cpu_seconds"] = time.process_time() - cpu
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if sizes:
        _progress("throughput ...")
        texts = [d.text for docs in corpora.values() for d in docs]
        report["throughput"] = throughput(texts, sizes, args.timed_articles)
    report["runtime_seconds"] = time.perf_counter() - started
    print_report(report)
    if args.errors:
        error_analysis(report, timed_outcomes)
    if args.json:
        public = _public(report)
        args.json.write_text(json.dumps(public, indent=2, default=str), encoding="utf-8")
    return 0


def _even_sample(docs: Sequence[Doc], count: int, seed: int) -> list[Doc]:
    """Up to `count` documents, as evenly as possible across corpora (fixed order)."""
    by_corpus: dict[str, list[Doc]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: hashlib.sha1(f"{seed}:{d.key}".encode()).hexdigest()):
        by_corpus[doc.corpus].append(doc)
    chosen: list[Doc] = []
    while len(chosen) < count and any(by_corpus.values()):
        for corpus in sorted(by_corpus):
            if by_corpus[corpus] and len(chosen) < count:
                chosen.append(by_corpus[corpus].pop(0))
    return chosen


def _public(value: Any) -> Any:
    """Drop private diagnostic keys (leading underscore) before writing JSON."""
    if isinstance(value, dict):
        return {k: _public(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, list):
        return [_public(v) for v in value]
    return value


if __name__ == "__main__":
    if os.environ.get("PYTHONHASHSEED") is None:
        # _corpus.copy_clusters uses hash(): fix the seed so that batches are reproducible.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    raise SystemExit(main())
