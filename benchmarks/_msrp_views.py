"""MSRP sentences as Storyline's fact scorer sees them (shared by the MSRP scripts).

Every MSRP string is parsed with ``storyline.nlp.load_nlp()`` and run through
``storyline.nlp.sentence_features``, exactly as an article sentence is in the pipeline; a
string that spaCy splits into several sentences is joined back (lemmas, tags and words
concatenated). IDF weights are computed over the unique strings of one split with
``storyline.paraphrase.idf_weights``, as ``align`` computes them over one story.

Parsing takes a few minutes on two cores, so the parsed cues can be cached in a pickle
(``--cache PATH``), per string; a cache made with another spaCy model is ignored.
"""

from __future__ import annotations

import math
import pickle
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from _alignment_data import MsrpPair

from storyline.nlp import default_model_name, load_nlp, parse_texts, sentence_features
from storyline.paraphrase import SentenceView, idf_weights, sentence_view

CUES_VERSION = 2  # bump when `sentence_features` changes: older caches are re-parsed


@dataclass(frozen=True, slots=True)
class Cues:
    """The NLP stage's output for one MSRP string."""

    text: str
    lemmas: tuple[str, ...]
    tags: tuple[str, ...]
    words: tuple[str, ...]
    links: tuple[str, ...]
    negated: bool  # a "neg" dependency anywhere (for the error analysis only)
    proper: frozenset[str]


def parse_cues(texts: Sequence[str], cache: Path | None = None) -> dict[str, Cues]:
    """Cues for every text: from the cache when it has them, the rest parsed (and cached)."""
    model = f"{default_model_name()} {CUES_VERSION}"
    stored: dict[str, Cues] = {}
    if cache is not None and cache.is_file():
        stored_model, stored = pickle.loads(cache.read_bytes())
        if stored_model != model:
            stored = {}
    missing = [text for text in texts if text not in stored]
    if missing:
        stored.update(_parse(missing))
        if cache is not None:
            cache.write_bytes(pickle.dumps((model, stored)))
    return {text: stored[text] for text in texts}


def _parse(texts: Sequence[str]) -> dict[str, Cues]:
    nlp = load_nlp()
    cues: dict[str, Cues] = {}
    started = time.perf_counter()
    for count, (text, doc) in enumerate(zip(texts, parse_texts(nlp, texts, batch_size=64),
                                            strict=True), start=1):
        found = sentence_features(doc, "msrp")
        cues[text] = Cues(text, _flat(found.lemmas), _flat(c.tags for c in found.cues),
                          _flat(c.words for c in found.cues), _flat(c.links for c in found.cues),
                          any(t.dep_ == "neg" for t in doc),
                          frozenset(t.lemma_.lower() for t in doc if t.pos_ == "PROPN"))
        if count % 2000 == 0:
            print(f"  parsed {count}/{len(texts)} sentences "
                  f"({time.perf_counter() - started:.0f}s)", file=sys.stderr, flush=True)
    return cues


def _flat(parts: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(item for part in parts for item in part)


def views_of(cues: dict[str, Cues]) -> dict[str, SentenceView]:
    return {text: sentence_view(text, c.lemmas, c.tags, c.words, c.links)
            for text, c in cues.items()}


def split_weights(pairs: Sequence[MsrpPair], cues: dict[str, Cues]) -> dict[str, float]:
    """IDF weights over the unique strings of one split (one "story")."""
    unique = sorted({p.text1 for p in pairs} | {p.text2 for p in pairs})
    df: Counter[str] = Counter()
    for text in unique:
        df.update(set(cues[text].lemmas))
    return idf_weights(df, len(unique))


def split_idf(pairs: Sequence[MsrpPair], cues: dict[str, Cues]) -> dict[str, float]:
    """Raw IDF (``log(1 + N / df)``, the formula of ``align._idf``) over one split."""
    unique = sorted({p.text1 for p in pairs} | {p.text2 for p in pairs})
    df: Counter[str] = Counter()
    for text in unique:
        df.update(set(cues[text].lemmas))
    return {lemma: math.log(1 + len(unique) / count) for lemma, count in df.items()}
