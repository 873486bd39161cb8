"""Cross-document coreference of people on ECB+: Storyline's entity linking vs gold.

Gold mentions: ECB+ ``HUMAN_PART_PER`` markables (``--types all``: every ``HUMAN_PART*``
markable, i.e. also organisations, GPE groups...) that take part in a ``CROSS_DOC_COREF``
chain and contain a proper name: a token starting with an upper-case letter that is not
sentence-initial (the first token with a letter or digit), or a token spaCy tags PROPN; the
pronoun "I" never counts. Gold clusters: the chains' instance ids.

System: per topic, every document becomes an Article (``ingest.make_article`` on the text
rebuilt from the tokens), all documents of the topic are analysed together as one story
(parsed as ``pipeline.analyze_articles`` does, then ``entities.find_mentions`` per document;
the parses are cached under /tmp) and ``entities.link_entities`` links all their mentions.
Each gold mention goes to the Storyline entity whose mention overlaps it most
(``EntityIndex.entity_at`` on the mention's character hull without a trailing possessive;
a person's name ending a longer markable, "Falcons wide receiver Dion Mabry", is its head,
so a right name inside a description counts as found); unmatched gold mentions are
singletons. ``--analysis`` and ``--test-counts`` count the misses where a Storyline mention
inside the markable is in the person's main cluster (the matching's fault, not the
linker's). Baseline: gold mentions with the same normalised string (lower case, titles
such as Mr./Dr. and a possessive 's dropped) are merged, within a topic.

Scores over the gold mentions: B-cubed P/R/F1, MUC, CEAF-e and CoNLL F1 (mean of the three),
per topic and micro-averaged (all mentions of a split pooled) over the tuning topics (1-35)
and the test topics (36-45). False merges: distinct pairs of different gold people that
share a predicted cluster. ``--analysis`` adds an error breakdown, for tuning topics only.

Usage:
    python benchmarks/entities.py --selftest
    python benchmarks/entities.py --split both --json /tmp/entities.json
    python benchmarks/entities.py --split tune --analysis --limit 5
    python benchmarks/entities.py --split test --test-counts  # aggregate counts, no examples
    python benchmarks/entities.py --split tune --topics 1,5,18 --analysis --examples 5
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _ecbplus as ecb
import spacy
from rapidfuzz import fuzz
from spacy.tokens import Doc, DocBin

from storyline import nlp as storyline_nlp
from storyline.entities import EntityIndex, link_entities
from storyline.headlines import headline_tokens
from storyline.ingest import make_article
from storyline.mentions import find_mentions
from storyline.models import Article, Entity, Mention
from storyline.models import Span as TextSpan
from storyline.names import CANDIDATE_KINDS, ROLE_NOUNS, resolve_candidates
from storyline.nlp import default_model_name, load_nlp, parse_texts

CACHE_DIR = Path("/tmp/storyline-bench-cache/entities")
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "sir", "dame",
          "lord", "lady"}
TAGGER_PIPES = ["tok2vec", "tagger", "attribute_ruler"]
TARGET_B3_F1 = 0.92
PRONOUN_I = re.compile(r"^I(?:['\u2019]\w*)?$")  # "I", "I'm": capitalised, not a name


@dataclass(frozen=True, slots=True)
class GoldMention:
    topic: int
    doc: str
    m_id: str
    type: str
    text: str
    start: int
    end: int
    instance: str  # gold cluster (the CROSS_DOC_COREF instance id)
    descriptor: str  # the instance's human-readable TAG_DESCRIPTOR
    first_token_initial: bool  # the mention starts its sentence
    propn_only: bool  # named only through spaCy's PROPN tag (no non-initial capital)

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.m_id)


@dataclass
class TopicRun:
    topic: int
    gold: list[GoldMention]
    storyline: dict[tuple[str, str], Hashable]
    baseline: dict[tuple[str, str], Hashable]
    index: EntityIndex
    mentions: dict[str, list[Mention]]
    seconds: float
    lower_words: set[str]  # words written in lower case somewhere in the topic
    spacy_labels: dict[tuple[str, str], str]  # spaCy's entity labels on each gold mention
    forms: dict[tuple[str, str], str]  # how each gold mention is written
    spans: dict[tuple[str, str], tuple[int, int]]  # the span each gold mention is matched on


# -- gold ----------------------------------------------------------------------------

def _propn_spans(docs: Sequence[ecb.Document], use_cache: bool) -> dict[str, list[tuple[int, int]]]:
    """Character spans of the tokens spaCy (Storyline's model) tags PROPN, per document."""
    model = default_model_name()
    digest = _digest([model, *(d.text for d in docs)])
    path = CACHE_DIR / f"propn-{digest}.pkl"
    if use_cache and path.exists():
        cached: dict[str, list[tuple[int, int]]] = pickle.loads(path.read_bytes())
        return cached
    nlp = load_nlp()
    enabled = [p for p in TAGGER_PIPES if p in nlp.pipe_names]
    result: dict[str, list[tuple[int, int]]] = {}
    with nlp.select_pipes(enable=enabled):
        for document, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
            result[document.name] = [(t.idx, t.idx + len(t.text)) for t in parsed
                                     if t.pos_ == "PROPN"]
    if use_cache:
        _write_cache(path, result)
    return result


def _has_propn(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, -1))
    if i > 0 and spans[i - 1][1] > start:
        return True
    return i < len(spans) and spans[i][0] < end


def gold_mentions(document: ecb.Document, propn: list[tuple[int, int]], types: str
                  ) -> list[GoldMention]:
    """Named human participants in CROSS_DOC_COREF chains of one document."""
    instance_of = document.cross_doc_instance()
    descriptors = {i.instance_id: i.descriptor for i in document.instances.values()}
    found = []
    for markable in document.markables.values():
        if types == "per" and markable.type != "HUMAN_PART_PER":
            continue
        if not markable.type.startswith("HUMAN_PART") or markable.m_id not in instance_of:
            continue
        span = document.span(markable)
        if span is None:
            continue
        tokens = [document.tokens[t] for t in markable.tokens]
        capital = any(t.text[:1].isupper() and not t.initial and not PRONOUN_I.match(t.text)
                      for t in tokens)
        tagged = any(t.start is not None and t.end is not None and not PRONOUN_I.match(t.text)
                     and _has_propn(propn, t.start, t.end) for t in tokens)
        if not capital and not tagged:
            continue
        instance = instance_of[markable.m_id]
        found.append(GoldMention(document.topic, document.name, markable.m_id, markable.type,
                                 document.mention_text(markable), span[0], span[1], instance,
                                 descriptors.get(instance, instance), tokens[0].initial,
                                 not capital))
    return found


def normalise_name(text: str) -> str:
    """Baseline key: lower case, no punctuation, no title (Mr., Dr.) or possessive 's."""
    words = re.sub(r"['\u2019]s\b", " ", text.lower())
    tokens = re.findall(r"[\w-]+", words)
    while tokens and tokens[0] in TITLES | {"the"}:
        tokens = tokens[1:]
    return " ".join(tokens)


# -- running Storyline ---------------------------------------------------------------

def _digest(parts: Sequence[str]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()[:20]


def _write_cache(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(value))
    tmp.replace(path)


def articles_for(docs: Sequence[ecb.Document]) -> list[Article]:
    return [make_article(id=d.name, source=f"ecbplus/{d.topic}/{d.name}.xml", text=d.text,
                         url=d.url) for d in docs]


def parsed_docs(articles: Sequence[Article], use_cache: bool) -> list[Doc]:
    """spaCy parses of a topic, as `analyze_articles` makes them (`nlp.parse_texts`).

    Cached under /tmp by spaCy version, model, `storyline/nlp.py` (its tokenizer rules) and
    texts, not by the rest of Storyline's code, so that a change to the entity code re-runs
    only `find_mentions` and the linker.
    """
    nlp = load_nlp()
    texts = [a.text for a in articles]
    setup = Path(storyline_nlp.__file__).read_text(encoding="utf-8")
    digest = _digest([spacy.__version__, default_model_name(), setup, *texts])
    path = CACHE_DIR / f"docs-{digest}.spacy"
    if use_cache and path.exists():
        return list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    docs = list(parse_texts(nlp, texts))
    if use_cache:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(DocBin(docs=docs).to_bytes())
        tmp.replace(path)
    return docs


def run_topic(topic: int, docs: Sequence[ecb.Document], types: str, use_cache: bool) -> TopicRun:
    propn = _propn_spans(docs, use_cache)
    gold = [g for d in docs for g in gold_mentions(d, propn[d.name], types)]
    started = time.perf_counter()
    articles = articles_for(docs)
    for document, article in zip(docs, articles, strict=True):
        if article.text != document.text:  # offsets would be off: never expected
            raise RuntimeError(f"{document.name}: Storyline changed the text")
    parsed = parsed_docs(articles, use_cache)
    mentions = [m for a, doc in zip(articles, parsed, strict=True)
                for m in find_mentions(doc, a.id)]
    index = link_entities(mentions, {a.id: a.text for a in articles})
    seconds = time.perf_counter() - started
    storyline: dict[tuple[str, str], Hashable] = {}
    baseline: dict[tuple[str, str], Hashable] = {}
    text_of = {a.id: a.text for a in articles}
    spans = {g.key: match_span(text_of[g.doc], g) for g in gold}
    for mention in gold:
        entity = index.entity_at(mention.doc, *spans[mention.key])
        storyline[mention.key] = (topic, entity) if entity else ("single", mention.key)
        baseline[mention.key] = (topic, normalise_name(mention.text))
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in _analysed_mentions(mentions):
        by_article[m.article_id].append(m)
    lower_words = {w for d in docs for w in re.findall(r"\b[a-z][a-z'-]+\b", d.text)}
    doc_of = {a.id: doc for a, doc in zip(articles, parsed, strict=True)}
    labels = {g.key: _spacy_label(doc_of[g.doc], g) for g in gold}
    forms = {g.key: _written_form(doc_of[g.doc], g) for g in gold}
    return TopicRun(topic, gold, storyline, baseline, index, dict(by_article), seconds,
                    lower_words, labels, forms, spans)


POSSESSIVE_END = re.compile(r"\s*['\u2019]\s*s?$")


def match_span(text: str, mention: GoldMention) -> tuple[int, int]:
    """The span a gold mention is matched on: without a trailing possessive ("Dodgers
    pitcher Dion Mabry 's"), which the baseline's key drops too, so that the name ending
    the phrase stays its head (`EntityIndex.entity_at`)."""
    found = POSSESSIVE_END.search(text[mention.start:mention.end])
    end = mention.start + found.start() if found and found.start() > 0 else mention.end
    return mention.start, end


def _spacy_label(doc: Doc, mention: GoldMention) -> str:
    """spaCy's entity labels on a gold mention's tokens ("PERSON", "GPE", "none")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    labels = {t.ent_type_ for t in span if t.ent_type_} if span is not None else set()
    if "PERSON" in labels:
        return "PERSON"
    return "/".join(sorted(labels)) or "no spaCy entity"


def _written_form(doc: Doc, mention: GoldMention) -> str:
    """How a gold mention is written, from the most telling trait down."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and span.start in headline_tokens(doc):
        return "in a title-case or all-caps line (headline)"
    if mention.text.isupper():
        return "all caps"
    if re.search(r"['\u2019] ?s$", mention.text):
        return "possessive ('s)"
    if re.search(r"\b[A-Z] \.", mention.text):
        return "initial split by ECB+ tokens (\"George W . Bush\")"
    if re.search(r"[\"(\u201c]|'\w", mention.text):
        return "nickname in quotes or brackets"
    return "plain running text"


def _analysed_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions as the linker sees them (candidates resolved), plus the candidates that did
    not resolve, for the error analysis."""
    resolved = resolve_candidates(mentions)
    spans = {(m.article_id, m.start) for m in resolved}
    leftover = [m for m in mentions if m.kind in CANDIDATE_KINDS and not any(
        (m.article_id, s) in spans for s in range(m.start, m.end))]
    return resolved + leftover


# -- scoring -------------------------------------------------------------------------

def evaluate(runs: Sequence[TopicRun]) -> dict[str, Any]:
    """Micro-averaged scores (all mentions pooled) of Storyline and the baseline."""
    key = {g.key: (g.topic, g.instance) for run in runs for g in run.gold}
    result: dict[str, Any] = {
        "topics": len(runs), "mentions": len(key), "people": len(set(key.values())),
        "mentions_named_by_propn_only": sum(g.propn_only for run in runs for g in run.gold),
        "documents": len({g.doc for run in runs for g in run.gold})}
    for name in ("storyline", "baseline"):
        response = {k: v for run in runs for k, v in getattr(run, name).items()}
        scores = ecb.score_clusters(key, response) if key else {}
        scores["false_merges"] = len(ecb.merged_pairs(key, response))
        scores["clusters"] = len({response[k] for k in key})
        result[name] = scores
    return result


def _row(label: str, scores: dict[str, Any], system: str) -> list[object]:
    s = scores[system]
    if not scores["mentions"]:
        return [label, system, 0, 0, "-", "-", "-", "-", "-", "-", "-", 0]
    return [label, system, scores["mentions"], scores["people"], s["b3_p"], s["b3_r"],
            s["b3_f1"], s["muc_f1"], s["ceafe_f1"], s["conll_f1"], s["clusters"],
            s["false_merges"]]


HEADERS = ["topics", "system", "mentions", "gold people", "B3 P", "B3 R", "B3 F1", "MUC F1",
           "CEAF-e F1", "CoNLL F1", "clusters", "false merges"]


# -- error analysis (tuning topics only) ----------------------------------------------

def _name_words(text: str) -> tuple[list[str], list[str], bool]:
    """(name words, lower-case content words, has a title) of a mention's text."""
    words = re.findall(r"[\w.'-]+", text)
    lower = [w for w in words if w[:1].islower() and w.lower() not in {"'s", "the", "of", "and"}]
    titles = [w for w in words if w[:1].isupper() and
              (w.lower().rstrip(".") in TITLES or w.lower() in ROLE_NOUNS)]
    names = [w for w in words if w[:1].isupper() and w not in titles]
    return names, lower, bool(titles)


def _shape(mention: GoldMention, cluster_texts: list[str], lower_words: set[str]) -> str:
    """How a gold mention names its person, relative to the other names of the cluster."""
    names, lower, title = _name_words(mention.text)
    if lower:
        return "nominal with a name (\"Lohan 's lawyer\", \"the Jeffs family\")"
    if not names:
        return "title or role word only (\"Attorney\", \"Judge\")"
    if len(names) >= 2:
        return "full name" + (" with title" if title else "")
    fuller = [_name_words(t)[0] for t in cluster_texts]
    fuller = [n for n in fuller if len(n) >= 2]
    word = names[0].lower()
    if word in {n[-1].lower() for n in fuller}:
        return "surname only" + (" with title" if title else "")
    if word in {n[0].lower() for n in fuller}:
        return "first name only"
    if word.strip("'\"") in lower_words:
        return "capitalised common word (\"Actress\", \"Suspect\", \"She\")"
    return "single word, no fuller name in the gold cluster (nickname, mononym)"


def _storyline_mention(run: TopicRun, mention: GoldMention) -> Mention | None:
    best, best_overlap = None, 0
    for m in run.mentions.get(mention.doc, []):
        overlap = min(m.end, mention.end) - max(m.start, mention.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def _miss_reason(run: TopicRun, mention: GoldMention) -> str:
    """What Storyline did with a gold mention that did not join its person's main cluster."""
    entity = run.index.entity_at(mention.doc, *run.spans[mention.key])
    found = _storyline_mention(run, mention)
    if found is None:
        return "no Storyline mention (not a proper noun for spaCy, or in a nominal)"
    if found.kind in CANDIDATE_KINDS:
        return (f"unresolved {found.kind} ({found.label or 'no entity'}): not a name the "
                "story gives elsewhere")
    linked = run.index.get(entity) if entity else None
    extra = run_past(found, mention)
    if extra:
        return "Storyline mention runs past the name (title-case headline words)"
    if linked is None:
        return f"Storyline {found.kind} mention ({found.label}) left unlinked"
    if linked.label != "PERSON":
        return "linked to an ORG entity (spaCy labelled the name ORG)"
    return "linked to another PERSON entity (linker kept the names apart)"


def _detail(run: TopicRun, mention: GoldMention, main: Hashable) -> str:
    """A finer, automatically detectable cause of a missed merge."""
    if re.search(r"\b[A-Z] \.", mention.text):
        return "ECB+ tokenisation splits an initial (\"George W . Bush\")"
    found = _storyline_mention(run, mention)
    if found is None:
        return "no Storyline mention"
    if found.kind == "headline":
        return "headline words that spell no name of the story"
    if found.kind == "candidate":
        return "proper noun spaCy did not call a person, not a name of the story"
    if re.search(r"\b(?:Jr|Sr|II|III|IV)\.?$", found.name):
        return "generational suffix kept as surname (\"Comeaux Jr\")"
    entity = run.index.entity_at(mention.doc, *run.spans[mention.key])
    main_entity = run.index.get(str(main[1])) if isinstance(main, tuple) and \
        main[0] != "single" else None
    if main_entity is None:
        return "the person's main cluster is a singleton (no Storyline entity)"
    found_words = found.name.split()
    main_words = {w for n in (main_entity.name, *main_entity.aliases) for w in n.split()}
    if run_past(found, mention):
        return "Storyline name has extra capitalised words (headline, title: \"Colts QB\")"
    if entity is None and found.kind == "name" and found.label == "PERSON" and \
            len(found.name.split()) == 1:
        return "bare name with several possible bearers, left unlinked"
    if entity is None:
        return f"Storyline {found.label} {found.kind} mention not linked to any entity"
    if len(found_words) == 1:
        if found_words[0] in main_words:
            return "single word shared with another person or unknown here (not attached)"
        return "single word never seen with the full name (nickname, common word)"
    if set(found_words) & main_words and fuzz.ratio(found.name, main_entity.name) >= 70:
        return "spelling or given-name variant (Bettie/Betty, Fred/Frederick, typo)"
    return "other"


def run_past(found: Mention, mention: GoldMention) -> bool:
    """The Storyline mention has extra capitalised words outside the gold mention."""
    outside = found.text[:max(0, mention.start - found.start)] + " " + \
        found.text[max(0, mention.end - found.start):]
    return any(w[:1].isupper() for w in re.findall(r"[\w'-]+", outside))


def error_analysis(runs: Sequence[TopicRun]) -> dict[str, Any]:
    """Counts of false and missed merges by category (call on tuning topics only)."""
    false_merges: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    missed_reason: Counter[str] = Counter()
    missed_detail: Counter[str] = Counter()
    missed_label: Counter[str] = Counter()
    missed_form: Counter[str] = Counter()
    matching: Counter[str] = Counter()  # misses the matching, not the linking, would cause
    crosstab: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for run in runs:
        by_gold: dict[str, list[GoldMention]] = defaultdict(list)
        for g in run.gold:
            by_gold[g.instance].append(g)
        names = {i: [g.text for g in ms] for i, ms in by_gold.items()}
        # Missed merges: mentions outside the predicted cluster holding most of their person.
        for instance, members in by_gold.items():
            predicted = Counter(run.storyline[g.key] for g in members)
            main, _ = predicted.most_common(1)[0]
            for g in members:
                if run.storyline[g.key] == main:
                    continue
                shape = _shape(g, names[instance], run.lower_words)
                reason = _miss_reason(run, g)
                missed[shape] += 1
                missed_detail[_detail(run, g, main)] += 1
                missed_label[run.spacy_labels[g.key]] += 1
                missed_form[run.forms[g.key]] += 1
                missed_reason[reason] += 1
                crosstab[(reason, shape)] += 1
                if _found_inside(run, g, main):
                    matching["missed though a Storyline mention inside the markable is in "
                             "the person's main cluster"] += 1
                examples[f"missed/{reason}"].append(
                    f"t{run.topic} {g.text!r} ({g.descriptor}; {shape})")
        # False merges: per merged gold pair, why the two ended up together.
        by_predicted: dict[Hashable, list[GoldMention]] = defaultdict(list)
        for g in run.gold:
            by_predicted[run.storyline[g.key]].append(g)
        seen: set[tuple[str, str]] = set()
        for members in by_predicted.values():
            golds = sorted({g.instance for g in members})
            for i, a in enumerate(golds):
                for b in golds[i + 1:]:
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    category = _merge_category(run, [g for g in members if g.instance == a],
                                               [g for g in members if g.instance == b])
                    false_merges[category] += 1
                    texts_a = sorted({g.text for g in members if g.instance == a})[:3]
                    texts_b = sorted({g.text for g in members if g.instance == b})[:3]
                    examples[f"false/{category}"].append(
                        f"t{run.topic} {texts_a} ({by_gold[a][0].descriptor}) + {texts_b} "
                        f"({by_gold[b][0].descriptor})")
    return {"false_merges": dict(false_merges.most_common()),
            "missed_by_shape": dict(missed.most_common()),
            "missed_by_reason": dict(missed_reason.most_common()),
            "missed_by_detail": dict(missed_detail.most_common()),
            "missed_by_spacy_label": dict(missed_label.most_common()),
            "missed_by_form": dict(missed_form.most_common()),
            "matching_check": dict(matching) or {"missed though a Storyline mention inside "
                                                 "the markable is in the person's main "
                                                 "cluster": 0},
            "missed_reason_by_shape": [[r, sh, n] for (r, sh), n in crosstab.most_common()],
            "examples": {k: v[:8] for k, v in sorted(examples.items())}}


COUNT_KEYS = ("missed_by_shape", "missed_by_reason", "missed_by_detail",
              "missed_by_spacy_label", "missed_by_form", "matching_check")


def _found_inside(run: TopicRun, mention: GoldMention, main: Hashable) -> bool:
    """A Storyline mention inside a missed gold markable ("Dion Mabry" in "Falcons wide
    receiver Dion Mabry") belongs to the person's main cluster: the markable was matched
    to something else, though Storyline found the person (a check on `match_span`)."""
    if not isinstance(main, tuple) or main[0] == "single":
        return False
    start, end = run.spans[mention.key]
    return any(start <= m.start and m.end <= end and
               (run.topic, run.index.entity_at(mention.doc, m.start, m.end)) == main
               for m in run.mentions.get(mention.doc, []))


def _print_test_counts(runs: Sequence[TopicRun], output: dict[str, Any]) -> None:
    """Error classes on the test topics as aggregate counts only: never single mentions,
    strings or examples, so that no rule can be fitted to a test error."""
    analysis = error_analysis(runs)
    counts = {key: analysis[key] for key in COUNT_KEYS}
    counts["false_merges"] = analysis["false_merges"]
    output["test_error_counts"] = counts
    print("### Error classes on the test topics (counts only)\n")
    for key in ("false_merges", *COUNT_KEYS):
        rows = [[k, v] for k, v in analysis[key].items()]
        print(ecb.markdown_table([key.replace("_", " "), "count"], rows) + "\n")


def _merge_category(run: TopicRun, a: list[GoldMention], b: list[GoldMention]) -> str:
    spans_a = {(g.doc, m.start, m.end) for g in a if (m := _storyline_mention(run, g))}
    spans_b = {(g.doc, m.start, m.end) for g in b if (m := _storyline_mention(run, g))}
    if spans_a & spans_b:
        return "one Storyline mention spans both names (headline, \"X and Y\")"
    norm_a = {normalise_name(g.text) for g in a}
    norm_b = {normalise_name(g.text) for g in b}
    if norm_a & norm_b:
        return "identical strings in both gold clusters (annotation split or namesakes)"
    if any(_name_words(g.text)[1] for g in a + b):
        return "nominal mention containing the other person's name"
    words_a = {w for n in norm_a for w in n.split()}
    words_b = {w for n in norm_b for w in n.split()}
    last_a = {n.split()[-1] for n in norm_a if n}
    last_b = {n.split()[-1] for n in norm_b if n}
    if last_a & last_b:
        return "shared surname (relatives, surname-only mention)"
    if words_a & words_b:
        return "shared first name or other word"
    return "no shared word"


def _selftest_matching() -> None:
    """A long markable holding a name is matched to the name's person, possessive or not."""
    text = "Ridgeway Hawks wide receiver Dion Mabry 's contract ended ."
    team, person = (0, 14), (29, 39)
    index = EntityIndex([
        Entity("o1", "ORG", "Ridgeway Hawks", (), (), (TextSpan("d", *team),)),
        Entity("p1", "PERSON", "Dion Mabry", (), (), (TextSpan("d", *person),))])
    for end in (39, 42):
        gold = GoldMention(1, "d", "m", "HUMAN_PART_PER", text[:end], 0, end, "i", "i",
                           True, False)
        assert index.entity_at("d", *match_span(text, gold)) == "p1", end


# -- main ----------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["tune", "test", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="first N topics of each split")
    parser.add_argument("--topics", type=lambda v: {int(t) for t in v.split(",")},
                        default=None, help="only these topics, e.g. 1,5,18 (while iterating)")
    parser.add_argument("--types", choices=["per", "all"], default="per",
                        help="per: HUMAN_PART_PER only (people); all: every HUMAN_PART*")
    parser.add_argument("--json", type=Path, default=None, help="write results to this file")
    parser.add_argument("--no-cache", action="store_true",
                        help="do not read or write the /tmp cache of spaCy results")
    parser.add_argument("--analysis", action="store_true",
                        help="error breakdown on the tuning topics (never on test)")
    parser.add_argument("--examples", type=int, default=0,
                        help="with --analysis: print up to N tuning examples per category")
    parser.add_argument("--test-counts", action="store_true",
                        help="aggregate error-class counts on the test topics (no examples)")
    parser.add_argument("--selftest", action="store_true", help="check the scorers and exit")
    args = parser.parse_args(argv)
    if args.selftest:
        ecb.selftest()
        assert normalise_name("Mr. Warren Jeffs 's") == "warren jeffs"
        assert normalise_name("Dr . Sanjay Gupta") == "sanjay gupta"
        assert _has_propn([(0, 3), (10, 15)], 12, 13) and not _has_propn([(0, 3)], 3, 5)
        _selftest_matching()
        print("self-test passed")
        return 0
    ecb.require_data()
    started = time.perf_counter()
    splits = {name: [t for t in topics if args.topics is None or t in args.topics]
              for name, topics in ecb.split_topics(args.split, args.limit).items()}
    all_topics = [t for topics in splits.values() for t in topics]
    docs_by_topic: dict[int, list[ecb.Document]] = defaultdict(list)
    for document in ecb.load_topics(all_topics):
        docs_by_topic[document.topic].append(document)
    runs: dict[str, list[TopicRun]] = {}
    for split, topics in splits.items():
        runs[split] = []
        for topic in topics:
            run = run_topic(topic, docs_by_topic[topic], args.types, not args.no_cache)
            runs[split].append(run)
            print(f"[{split}] topic {topic}: {len(docs_by_topic[topic])} docs, "
                  f"{len(run.gold)} gold mentions, {run.seconds:.1f}s", file=sys.stderr)
    output: dict[str, Any] = {"types": args.types, "model": default_model_name(), "splits": {}}
    print(f"\n## ECB+ cross-document person coreference (types={args.types})\n")
    summary_rows = []
    for split, split_runs in runs.items():
        per_topic = {run.topic: evaluate([run]) for run in split_runs}
        micro = evaluate(split_runs)
        output["splits"][split] = {"topics": [r.topic for r in split_runs], "micro": micro,
                                   "per_topic": per_topic}
        for system in ("storyline", "baseline"):
            summary_rows.append(_row(f"{split} ({len(split_runs)} topics, micro)", micro,
                                     system))
        rows = [_row(str(topic), scores, system) for topic, scores in per_topic.items()
                for system in ("storyline", "baseline")]
        print(f"### Per topic: {split}\n")
        print(ecb.markdown_table(HEADERS, rows) + "\n")
    print("### Micro-averaged\n")
    print(ecb.markdown_table(HEADERS, summary_rows) + "\n")
    for split, data in output["splits"].items():
        micro = data["micro"]
        print(f"- {split}: {micro['mentions']} gold mentions in {micro['documents']} documents; "
              f"{micro['mentions_named_by_propn_only']} count as named only through spaCy's "
              "PROPN tag (e.g. a sentence-initial surname).")
    print()
    if "test" in output["splits"]:
        micro = output["splits"]["test"]["micro"]
        if micro["mentions"]:
            story, base = micro["storyline"], micro["baseline"]
            print(f"Target on test: B3 F1 {story['b3_f1']:.3f} (>= {TARGET_B3_F1}: "
                  f"{'met' if story['b3_f1'] >= TARGET_B3_F1 else 'NOT met'}); false merges "
                  f"{story['false_merges']} vs baseline {base['false_merges']} ("
                  f"{'fewer' if story['false_merges'] < base['false_merges'] else 'NOT fewer'})"
                  "\n")
    if args.test_counts and "test" in runs:
        _print_test_counts(runs["test"], output)
    if args.analysis:
        if "tune" not in runs:
            print("--analysis runs on the tuning topics only; add --split tune or both.")
        else:
            analysis = error_analysis(runs["tune"])
            output["tune_error_analysis"] = analysis
            print("### Error analysis (tuning topics only)\n")
            for title, key in (("False merges (gold person pairs)", "false_merges"),
                               ("Missed merges by mention shape (mentions)", "missed_by_shape"),
                               ("Missed merges by Storyline outcome (mentions)",
                                "missed_by_reason"),
                               ("Missed merges by finer cause (mentions)", "missed_by_detail"),
                               ("Missed merges by spaCy's label on the mention (mentions)",
                                "missed_by_spacy_label"),
                               ("Missed merges by written form (mentions)", "missed_by_form"),
                               ("Matching check (mentions)", "matching_check")):
                rows = [[k, v] for k, v in analysis[key].items()]
                print(ecb.markdown_table([title, "count"], rows) + "\n")
            shapes = list(analysis["missed_by_shape"])
            reasons = list(analysis["missed_by_reason"])
            cells = {(r, sh): n for r, sh, n in analysis["missed_reason_by_shape"]}
            print(ecb.markdown_table(
                ["missed: outcome \\ shape", *[f"({i + 1})" for i in range(len(shapes))]],
                [[r, *[cells.get((r, sh), 0) for sh in shapes]] for r in reasons]))
            print("\n" + "; ".join(f"({i + 1}) {sh}" for i, sh in enumerate(shapes)) + "\n")
            if args.examples:
                for category, items in analysis["examples"].items():
                    print(f"- {category}:")
                    for item in items[:args.examples]:
                        print(f"    - {item}")
    elapsed = time.perf_counter() - started
    output["seconds"] = round(elapsed, 1)
    print(f"Total runtime {elapsed:.0f}s (spaCy results cached under {CACHE_DIR}"
          f"{' (not used)' if args.no_cache else ''}).")
    if args.json:
        args.json.write_text(json.dumps(output, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
