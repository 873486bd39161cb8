"""Helpers of benchmarks/quotes.py: reading the gold data, token overlap, one-to-one matching.

Nothing here imports spaCy or storyline; the benchmark script runs the systems and hands
`Prediction`s to `score`.

Overlap of a gold and a predicted quote: both are turned into sets of word tokens (maximal
runs of ``\\w`` characters, so quote marks and punctuation never count) that overlap their
character span(s); overlap = |shared tokens| / max(|gold tokens|, |predicted tokens|).
Discontinuous gold spans are the union of their pieces. Matching is one-to-one per article:
pairs at or above the threshold are taken greedily, highest overlap first.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

Fragments = tuple[tuple[int, int], ...]

OVERLAP_DEFINITION = (
    "overlap = |shared word tokens| / max(|gold tokens|, |predicted tokens|); tokens are runs "
    "of \\w characters overlapping the span (quote marks and punctuation ignored; a "
    "discontinuous gold span is the union of its pieces); matching is one-to-one per article, "
    "greedy by highest overlap, among pairs at or above the threshold")
THRESHOLDS = (0.3, 0.8)
SPEAKER_THRESHOLD = 0.3
WORD = re.compile(r"\w+")
# A quotation mark as PolNeAR and GGT write them: straight or curly double marks, the NYT's
# doubled apostrophes, an opening single curly mark, or a pair of straight single marks
# around words (headlines: Trump 'absolutely right'). A lone ’ is an apostrophe.
QUOTE_MARK = re.compile(
    r"[\"\u201c\u201d\u201e\u00ab\u00bb\u2018]|''|``|(?<![\w'])'(?=\w)[^'\n]{0,300}?"
    r"(?<=[\w.,!?])'(?!\w)")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me",
            "his", "its", "their", "who"}
GGT_FUZZY_CUTOFF = 85.0


def has_quote_mark(text: str) -> bool:
    return QUOTE_MARK.search(text) is not None


def words(text: str) -> list[str]:
    """Lower-case word tokens, possessive 's dropped ("Clinton's" -> "clinton")."""
    cleaned = re.sub(r"['\u2019]s\b", "", text.lower())
    return WORD.findall(cleaned)


def last_word(text: str | None) -> str | None:
    found = words(text or "")
    return found[-1] if found else None


# -- records ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One annotated quote; `speakers` are strings a predicted name may match by last word."""

    fragments: Fragments
    direct: bool
    text: str
    source: Fragments | None = None  # PolNeAR Source span (None: no source, or GGT)
    source_text: str = ""
    speakers: tuple[str, ...] = ()
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Prediction:
    """One system quote; `direct` is True for quotes in marks (direct, partial, mixed)."""

    start: int
    end: int
    direct: bool
    kind: str
    text: str
    speaker: tuple[int, int] | None = None
    speaker_text: str = ""
    speaker_name: str | None = None  # resolved entity name (storyline only)
    cue: str = ""
    # The pieces of a quote whose words stand apart ('"X," he said, "Y."': X and Y, the cue
    # left out); empty when the quote is the one span start..end.
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def fragments(self) -> tuple[tuple[int, int], ...]:
        return self.pieces or ((self.start, self.end),)


@dataclass
class Case:
    """One article with its gold quotes."""

    name: str
    text: str
    gold: list[GoldQuote]
    located: dict[str, int] = field(default_factory=dict)  # GGT: how gold quotes were found


# -- PolNeAR ------------------------------------------------------------------------------

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^E\d+\t(.+)$")


def _fragments(spec: str) -> Fragments:
    pieces = [tuple(int(n) for n in piece.split()) for piece in spec.split(";")]
    return tuple(sorted((p[0], p[1]) for p in pieces if len(p) == 2))


def _span_text(text: str, fragments: Fragments) -> str:
    return " ".join(text[s:e] for s, e in fragments)


def read_polnear_article(text_path: Path, ann_path: Path) -> Case:
    """One article and the attributions of one annotator file (brat standoff)."""
    text = text_path.read_text(encoding="utf-8")
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        t_match = _T_LINE.match(line)
        if t_match:
            spans[t_match.group(1)] = (t_match.group(2), _fragments(t_match.group(3)))
            continue
        e_match = _E_LINE.match(line)
        if e_match:
            roles = dict(part.split(":", 1) for part in e_match.group(1).split() if ":" in part)
            events.append(roles)
    gold: list[GoldQuote] = []
    seen: set[Fragments] = set()
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None or not content[1] or content[1] in seen:
            continue
        seen.add(content[1])
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        content_text = _span_text(text, content[1])
        source_text = _span_text(text, source[1]) if source else ""
        gold.append(GoldQuote(content[1], has_quote_mark(content_text), content_text,
                              source[1] if source else None, source_text,
                              (source_text,) if source_text else (),
                              _span_text(text, cue[1]) if cue else ""))
    return Case(text_path.stem, text, gold)


def polnear_cases(split_dir: Path, limit: int | None = None) -> list[Case]:
    """Articles of one split; the first annotator file (by name) of each article is used."""
    cases = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        annotations = sorted((split_dir / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        cases.append(read_polnear_article(text_path, annotations[0]))
        if limit is not None and len(cases) >= limit:
            break
    return cases


# -- GGT quotes 2020 ----------------------------------------------------------------------

def _ggt_quotations(value: object) -> list[dict[str, str]]:
    """The record's quote list; one record holds it as a JSON string, written twice."""
    if isinstance(value, list):
        return [q for q in value if isinstance(q, dict)]
    if not isinstance(value, str):
        return []
    decoder = json.JSONDecoder(strict=False)
    found: list[dict[str, str]] = []
    keys: set[str] = set()
    for match in re.finditer(r"\{", value):
        try:
            item, _end = decoder.raw_decode(value, match.start())
        except json.JSONDecodeError:
            continue
        key = json.dumps(item, sort_keys=True)
        if isinstance(item, dict) and key not in keys:
            keys.add(key)
            found.append(item)
    return found


def _raw_texts(zip_path: Path) -> dict[str, str]:
    if not zip_path.exists():
        return {}
    with zipfile.ZipFile(zip_path) as archive:
        return {Path(name).stem: archive.read(name).decode("utf-8")
                for name in archive.namelist() if name.endswith(".txt")}


def _article_id(value: object) -> str:
    found = re.search(r"[0-9a-f]{24}", str(value))
    return found.group(0) if found else str(value)


def _start_hint(index: object) -> int | None:
    found = re.match(r"\s*\((\d+)\s*,", str(index))
    return int(found.group(1)) if found else None


def locate(text: str, quote: str, hint: int | None) -> tuple[tuple[int, int] | None, str]:
    """Where a gold quote is in the text: exact (nearest the annotated offset), else fuzzy."""
    needle = quote.strip()
    if not needle:
        return None, "empty"
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    if starts:
        start = min(starts, key=lambda s: abs(s - hint)) if hint is not None else starts[0]
        return (start, start + len(needle)), "exact"
    aligned = fuzz.partial_ratio_alignment(needle, text, score_cutoff=GGT_FUZZY_CUTOFF)
    if aligned is not None:
        return (aligned.dest_start, aligned.dest_end), "fuzzy"
    return None, "missing"


def ggt_cases(folder: Path, *, text_source: str = "body", limit: int | None = None
              ) -> list[Case]:
    """GGT articles; text_source "body" = articleBodyText, "raw" = rawtext.zip (original
    paragraphs). A body that is not an article (one record holds another article's id) is
    replaced by the rawtext.zip file of the record's id."""
    raw = _raw_texts(folder / "rawtext.zip")
    cases = []
    with (folder / "annotations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            article_id = _article_id(record.get("_id"))
            body = str(record.get("articleBodyText") or "")
            text = body
            if (text_source == "raw" or len(body.split()) < 20) and article_id in raw:
                text = raw[article_id]
            gold: list[GoldQuote] = []
            located: dict[str, int] = {}
            for item in _ggt_quotations(record.get("quotations")):
                quote = str(item.get("quote") or "")
                span, how = locate(text, quote, _start_hint(item.get("quote_index")))
                located[how] = located.get(how, 0) + 1
                if span is None:
                    continue
                speakers = tuple(s for s in (str(item.get("speaker") or ""),
                                             str(item.get("reference") or "")) if s.strip())
                gold.append(GoldQuote((span,), has_quote_mark(quote), quote, None,
                                      str(item.get("speaker") or ""), speakers,
                                      str(item.get("verb") or "")))
            cases.append(Case(article_id, text, gold, located))
            if limit is not None and len(cases) >= limit:
                break
    return cases


# -- scoring ------------------------------------------------------------------------------

class TokenIndex:
    """Word tokens of one text, to turn character spans into token sets."""

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def tokens(self, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
        found: set[int] = set()
        for start, end in fragments:
            first = bisect.bisect_right(self.ends, start)
            last = bisect.bisect_left(self.starts, end)
            found.update(range(first, last))
        return frozenset(found)


def split_where_gold_splits(case: Case, preds: Sequence[Prediction]) -> list[Prediction]:
    """Predictions with one quotation (in marks) whose pieces the gold annotates as quotes
    of their own standing as those quotes, one a piece. Issue 3 counts as ONE quote a quote
    around its cue ('"We will," he said, "do it."', scored on its two pieces) and a
    quotation whose marks run over paragraphs (opened, left open at a paragraph's end,
    reopened in the next); GGT annotates each piece and each paragraph as a quote. Split
    where the best gold
    quote of every piece is another one and touches no other piece, so a right answer is
    not scored as one match and a miss per piece; where gold annotates one quote (PolNeAR's
    discontinuous or multi-paragraph Content), the prediction stays one."""
    index = TokenIndex(case.text)
    gold_tokens = [index.tokens(g.fragments) for g in case.gold]
    out: list[Prediction] = []
    for pred in preds:
        if not pred.direct:  # (reported speech is scored as it is given)
            out.append(pred)
            continue
        spans = [piece for start, end in pred.fragments
                 for piece in _paragraph_pieces(case.text, start, end)]
        pieces = [index.tokens([piece]) for piece in spans]
        best = [max(range(len(gold_tokens)), key=lambda g, t=t: overlap(gold_tokens[g], t),
                    default=None) for t in pieces]
        if len(spans) < 2 or any(b is None or not gold_tokens[b] & t
                                 for b, t in zip(best, pieces, strict=True)) or \
                len(set(best)) < len(best) or any(
                    gold_tokens[b] & other for k, b in enumerate(best) if b is not None
                    for j, other in enumerate(pieces) if j != k):
            out.append(pred)
            continue
        out += [dataclasses.replace(pred, start=start, end=end, text=case.text[start:end],
                                    pieces=()) for start, end in spans]
    return out


def _paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at its line breaks, each piece without the breaks and reopening marks."""
    pieces, at = [], start
    for found in re.finditer(r"\s*\n\s*[\"'\u201c\u2018\u00ab`]*", text[start:end]):
        pieces.append((at, start + found.start()))
        at = start + found.end()
    pieces.append((at, end))
    return [(s, e) for s, e in pieces if e > s]


def overlap(gold: frozenset[int], pred: frozenset[int]) -> float:
    if not gold or not pred:
        return 0.0
    return len(gold & pred) / max(len(gold), len(pred))


def greedy_match(pairs: Sequence[tuple[float, int, int]], threshold: float
                 ) -> list[tuple[int, int, float]]:
    """One-to-one (gold, pred, overlap) matches among pairs >= threshold, best first."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for value, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if value < threshold or g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        matches.append((g, p, value))
    return matches


SpeakerCheck = Callable[[GoldQuote, Prediction], bool]


def polnear_speaker_ok(gold: GoldQuote, pred: Prediction) -> bool:
    """Predicted speaker span overlaps the gold Source, or the resolved name's last word is a
    word of the gold Source."""
    if gold.source is None:
        return False
    if pred.speaker is not None and any(s < pred.speaker[1] and pred.speaker[0] < e
                                        for s, e in gold.source):
        return True
    name = last_word(pred.speaker_name)
    return name is not None and name in words(gold.source_text)


def ggt_speaker_ok(gold: GoldQuote, pred: Prediction) -> bool:
    """The last word of the predicted speaker name or text is a word of the gold `speaker`
    or `reference`."""
    gold_words = {w for s in gold.speakers for w in words(s)}
    candidates = (last_word(pred.speaker_name), last_word(pred.speaker_text))
    return any(c is not None and c in gold_words for c in candidates)


def has_speaker(gold: GoldQuote) -> bool:
    return gold.source is not None or bool(gold.speakers)


@dataclass
class Tally:
    """Counts for one system on one class of gold quotes."""

    gold: int = 0
    pred: int = 0
    matched: dict[float, int] = field(default_factory=lambda: {t: 0 for t in THRESHOLDS})
    speaker_total: int = 0
    speaker_ok: int = 0
    speaker_total_named: int = 0  # gold speaker not a bare pronoun
    speaker_ok_named: int = 0
    speaker_missing: int = 0  # matched, gold has a speaker, the system gave none

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.pred += other.pred
        for t in THRESHOLDS:
            self.matched[t] += other.matched[t]
        self.speaker_total += other.speaker_total
        self.speaker_ok += other.speaker_ok
        self.speaker_total_named += other.speaker_total_named
        self.speaker_ok_named += other.speaker_ok_named
        self.speaker_missing += other.speaker_missing

    def summary(self) -> dict[str, object]:
        out: dict[str, object] = {"gold": self.gold, "pred": self.pred}
        for t in THRESHOLDS:
            tp = self.matched[t]
            precision = tp / self.pred if self.pred else None
            recall = tp / self.gold if self.gold else None
            f1 = (2 * tp / (self.pred + self.gold)) if self.pred + self.gold else None
            out[f"@{t}"] = {"tp": tp, "precision": precision, "recall": recall, "f1": f1}
        out["speaker_accuracy"] = (self.speaker_ok / self.speaker_total
                                   if self.speaker_total else None)
        out["speaker_n"] = self.speaker_total
        out["speaker_missing"] = self.speaker_missing
        out["speaker_accuracy_named_gold"] = (
            self.speaker_ok_named / self.speaker_total_named if self.speaker_total_named
            else None)
        out["speaker_n_named_gold"] = self.speaker_total_named
        return out


CLASSES = ("direct", "indirect", "all")


def _wanted(direct: bool, klass: str) -> bool:
    return klass == "all" or direct == (klass == "direct")


def _pronoun_speaker(gold: GoldQuote) -> bool:
    """The gold speaker as written is a bare pronoun (PolNeAR Source, GGT `speaker`)."""
    found = words(gold.source_text)
    return len(found) == 1 and found[0] in PRONOUNS


def speaker_error_class(gold: GoldQuote, pred: Prediction) -> str:
    """Which kind of speaker error a matched quote with a wrong speaker is (counts only):
    by whether the gold speaker is a pronoun, and what the prediction gives instead."""
    given = "another name" if pred.speaker_name else \
        "a phrase linked to no one" if pred.speaker_text.strip() else "no speaker"
    return f"{'pronoun' if _pronoun_speaker(gold) else 'named'} gold, {given}"


# He and she: the person pronouns whose referent the dev diagnostic approximates.
PERSON_PRONOUNS = {"he", "she", "him", "her"}


def approximate_referent(case: Case, gold: GoldQuote,
                         pronouns: set[str] = PERSON_PRONOUNS
                         ) -> GoldQuote | None:
    """For a gold quote whose Source is "he" or "she" (or one of `pronouns`: "they"): the
    latest earlier gold quote whose Source names someone (a capitalised word), in the same
    paragraph or the one before. An approximation of what the pronoun refers to, for dev
    diagnostics only."""
    said = words(gold.source_text)
    if gold.source is None or len(said) != 1 or said[0] not in pronouns:
        return None
    at = gold.source[0][0]
    paragraph = case.text.count("\n\n", 0, at)
    best: GoldQuote | None = None
    for other in case.gold:
        if other.source is None or other.source[0][0] >= at or _pronoun_speaker(other):
            continue
        if not any(w[:1].isupper() and w not in {"The", "A", "An"}
                   for w in other.source_text.split()):
            continue
        if paragraph - case.text.count("\n\n", 0, other.source[0][0]) > 1:
            continue
        if best is None or other.source[0][0] > best.source[0][0]:
            best = other
    return best


@dataclass
class ArticleScore:
    """Per-article matching, kept so the dev error analysis can read it."""

    tallies: dict[str, Tally]
    matches: dict[str, dict[float, list[tuple[int, int, float]]]]
    gold_idx: dict[str, list[int]]
    pred_idx: dict[str, list[int]]


def score_article(case: Case, preds: Sequence[Prediction], speaker_ok: SpeakerCheck,
                  index: TokenIndex | None = None) -> ArticleScore:
    index = index or TokenIndex(case.text)
    gold_tokens = [index.tokens(g.fragments) for g in case.gold]
    pred_tokens = [index.tokens(p.fragments) for p in preds]
    tallies: dict[str, Tally] = {}
    matches: dict[str, dict[float, list[tuple[int, int, float]]]] = {}
    gold_idx: dict[str, list[int]] = {}
    pred_idx: dict[str, list[int]] = {}
    for klass in CLASSES:
        gi = [i for i, g in enumerate(case.gold) if _wanted(g.direct, klass)]
        pi = [i for i, p in enumerate(preds) if _wanted(p.direct, klass)]
        pairs = [(value, g, p) for g in gi for p in pi
                 if (value := overlap(gold_tokens[g], pred_tokens[p])) > 0]
        tally = Tally(gold=len(gi), pred=len(pi))
        matches[klass] = {}
        for t in THRESHOLDS:
            found = greedy_match(pairs, t)
            matches[klass][t] = found
            tally.matched[t] = len(found)
        for g, p, _value in matches[klass][SPEAKER_THRESHOLD]:
            gold = case.gold[g]
            if not has_speaker(gold):
                continue
            ok = speaker_ok(gold, preds[p])
            tally.speaker_total += 1
            tally.speaker_ok += ok
            tally.speaker_missing += preds[p].speaker is None and not preds[p].speaker_text
            if not _pronoun_speaker(gold):
                tally.speaker_total_named += 1
                tally.speaker_ok_named += ok
        tallies[klass] = tally
        gold_idx[klass] = gi
        pred_idx[klass] = pi
    return ArticleScore(tallies, matches, gold_idx, pred_idx)


def score(cases: Sequence[Case], predictions: Sequence[Sequence[Prediction]],
          speaker_ok: SpeakerCheck) -> tuple[dict[str, Tally], list[ArticleScore]]:
    totals = {klass: Tally() for klass in CLASSES}
    per_article = []
    for case, preds in zip(cases, predictions, strict=True):
        result = score_article(case, preds, speaker_ok)
        per_article.append(result)
        for klass in CLASSES:
            totals[klass].add(result.tallies[klass])
    return totals, per_article


def error_shapes(cases: Sequence[Case], predictions: Sequence[Sequence[Prediction]],
                 scores: Sequence[ArticleScore], klass: str = "all", threshold: float = 0.3
                 ) -> Counter[tuple[str, str, str, str]]:
    """False alarms and misses of one class at one threshold, counted by what they are:
    ("false alarm", predicted kind, cue, shape) and ("miss", gold direct/indirect, gold cue,
    shape), next to the matched predictions ("match", kind, cue, "matched"), so a cue's
    precision can be read. Counts only, so an evaluation-only set (GGT) can be read in
    aggregate.

    Shapes: "no counterpart" (nothing of the other side overlaps it), "under T" (the best
    counterpart overlaps less than the threshold; at 0.8 split into "longer" and "shorter":
    whether the quote counted has more words than that counterpart), "counterpart taken"
    (one at the threshold went to another match) and, for a miss, "ours is <kind>" (a
    prediction of the other class covers it)."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for case, preds, result in zip(cases, predictions, scores, strict=True):
        index = TokenIndex(case.text)
        gold_tokens = [index.tokens(g.fragments) for g in case.gold]
        pred_tokens = [index.tokens(p.fragments) for p in preds]
        found = result.matches[klass][threshold]
        hit_gold = {g for g, _p, _v in found}
        hit_pred = {p for _g, p, _v in found}
        for p in result.pred_idx[klass]:
            if p in hit_pred:
                counts["match", preds[p].kind, cue_key(preds[p].cue), "matched"] += 1
            else:
                others = [gold_tokens[g] for g in result.gold_idx[klass]]
                shape = _shape(pred_tokens[p], others, threshold)
                counts["false alarm", preds[p].kind, cue_key(preds[p].cue), shape] += 1
        for g in result.gold_idx[klass]:
            if g in hit_gold:
                continue
            gold = case.gold[g]
            wanted = result.pred_idx[klass]
            shape = _shape(gold_tokens[g], [pred_tokens[p] for p in wanted], threshold)
            if shape == "no counterpart":
                other = [p for p in range(len(preds)) if p not in wanted and
                         overlap(gold_tokens[g], pred_tokens[p]) >= threshold]
                shape = f"ours is {preds[other[0]].kind}" if other else shape
            counts["miss", "direct" if gold.direct else "indirect", cue_key(gold.cue),
                   shape] += 1
    return counts


def cue_key(cue: str) -> str:
    """A cue as counted: lower case, one space between words, "-" for none."""
    return " ".join(cue.lower().split()) or "-"


def _shape(tokens: frozenset[int], others: Sequence[frozenset[int]], threshold: float
           ) -> str:
    best = max(others, key=lambda o: overlap(tokens, o), default=frozenset[int]())
    value = overlap(tokens, best)
    if value == 0:
        return "no counterpart"
    if value >= threshold:
        return "counterpart taken"
    if threshold < 0.5:
        return f"under {threshold}"
    return f"under {threshold}, {'longer' if len(tokens) > len(best) else 'shorter'}"


# -- output -------------------------------------------------------------------------------

def pct(value: object) -> str:
    return f"{100 * value:.1f}" if isinstance(value, float | int) else "\u2014"


def markdown_table(rows: Sequence[tuple[str, str, dict[str, object]]]) -> str:
    """Rows of (system, gold class, Tally.summary())."""
    header = ("| system | gold | n gold | n pred | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 "
              "| F1@0.8 | speaker acc. (n; none given) | speaker acc., non-pronoun gold (n) |")
    lines = [header, _rule(header)]
    for system, klass, s in rows:
        cells = [system, klass, str(s["gold"]), str(s["pred"])]
        for t in THRESHOLDS:
            m = s[f"@{t}"]
            assert isinstance(m, dict)
            cells += [pct(m["precision"]), pct(m["recall"]), pct(m["f1"])]
        cells.append(f"{pct(s['speaker_accuracy'])} ({s['speaker_n']}; "
                     f"{s['speaker_missing']})")
        cells.append(f"{pct(s['speaker_accuracy_named_gold'])} ({s['speaker_n_named_gold']})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _rule(header: str) -> str:
    return "|" + "---|" * (header.count("|") - 1)
