"""Who copied whom: duplicates, reprints, digests, spun copies and rewrites.

Goes in: a list of `Article`s. Comes out: one `Provenance` per article (kind,
the article it copies, similarity, evidence spans) and the independence
groups the alignment stage uses (copies of one original count once).

The steps live in their own modules and this one orders them: the cheap
candidate pass (`sketch`: MinHash and banded LSH over word shingles, and over
names and numbers, which survive synonym spinning), sentence alignment of each
candidate pair (`pair_alignment`), credit lines (`credits`), digests and
newsletters (`digests`, with an exact shingle index for short items). Here each
pair gets its direction (who copies whom) and each article its kind: the
alignment's words swapped in place (a spinner), reordered sentences and clauses
(a rewrite) and word identity (a near-duplicate). A spun article with no
original is judged by its wording alone (`spinning`, `wording`), the one step
that runs a (small, fitted) model.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from .credits import closing_credit, credited_outlets, same_outlet, signed_by_outlet
from .digests import (
    containment_pairs,
    digest_sources,
    item_credits,
    newsletter_by_layout,
    original_of,
)
from .models import Article, Provenance, published_before
from .pair_alignment import CLOSE_KINDS, PairResult, align_pair
from .sketch import Sketch, candidate_pairs, sketch_article
from .spinning import is_spun_alone
from .text import outlet_key
from .wording import FUNCTION_WORDS

SUSPECTS_SHOWN = 15  # swapped-word notes listed for a spun article read alone
# Spun with its original present: at least SPUN_MIN_SWAPS words swapped in place, at least
# SPUN_MIN_SWAP_SHARE of the aligned words, swaps outnumbering insertions and deletions by
# SPUN_SWAP_DOMINANCE, and the source's sentence order kept (a rewrite reorders).
SPUN_MIN_SWAPS = 5
SPUN_MIN_SWAP_SHARE = 0.02
SPUN_SWAP_DOMINANCE = 1.5
SPUN_MIN_SUBSTITUTED = 2  # sentences with words swapped in place (fewer: no more reworded)
IN_ORDER = 0.8
DUPLICATE_IDENTITY = 0.9
REPRINT_MAX_REWORDED = 0.2


def detect_provenance(articles: Sequence[Article]) -> list[Provenance]:
    """Classify every article and link each copy to what it copies (when present)."""
    sketches = [sketch_article(a) for a in articles]
    results: dict[int, PairResult] = {}
    pairs = sorted(candidate_pairs(sketches))
    _sign_offs(sketches, pairs)
    for i, j in pairs:
        copy, source = _direction(sketches, i, j)
        result = align_pair(sketches[copy], sketches[source], copy, source)
        if result.containment == 0:
            continue
        best = results.get(copy)
        if best is None or result.containment > best.containment:
            results[copy] = result
    _break_cycles(results, sketches)
    _past_verbatim_copies(results, sketches)
    # An original and its copies count as one source of a digest.
    copies = {copy: pair.source for copy, pair in results.items()
              if _copy_kind(sketches[copy], sketches[pair.source], pair)}
    digests = digest_sources(sketches, set(pairs) | containment_pairs(sketches), copies)
    return [_classify(index, sketches, results.get(index), digests.get(index))
            for index in range(len(sketches))]


def _past_verbatim_copies(results: dict[int, PairResult], sketches: Sequence[Sketch]) -> None:
    """A rewrite found to copy a reprint or a duplicate, which adds nothing of its own to
    its original, copies that original when it tells the rewrite as much: the Valley
    Letter's summary of a wire story is the wire's, not the reprint's that LSH paired it
    with."""
    for copy, pair in list(results.items()):
        middle = results.get(pair.source)
        if middle is None or middle.source == copy or _copy_kind(
                sketches[pair.source], sketches[middle.source], middle) not in VERBATIM_KINDS:
            continue
        direct = align_pair(sketches[copy], sketches[middle.source], copy, middle.source)
        if direct.containment >= pair.containment:
            results[copy] = direct


VERBATIM_KINDS = {"duplicate", "reprint"}


def _sign_offs(sketches: Sequence[Sketch], pairs: Sequence[tuple[int, int]]) -> None:
    """A copy with no credit line whose last line is only the name of its candidate
    partner's outlet ("... weather.\n\nNorthwire") credits that outlet."""
    partners: dict[int, dict[str, None]] = defaultdict(dict)  # in pair order, each once
    for i, j in pairs:
        for copy, other in ((i, j), (j, i)):
            if sketches[copy].credit is None:
                partners[copy][sketches[other].article.outlet] = None
    for copy, outlets in partners.items():  # the article's last line read once, not per pair
        sketches[copy].credit = signed_by_outlet(sketches[copy].article, outlets)


def _credited_in_the_set(sketch: Sketch, sketches: Sequence[Sketch]) -> list[Sketch]:
    """For each other outlet the article credits ("(Source: Fjord Post)"), the first article
    of the set from it; outlets the set has no article from are left out."""
    found = []
    for name in credited_outlets(sketch.article):
        match = next((s for s in sketches if s is not sketch and
                      same_outlet(name, s.article.outlet)), None)
        if match is not None and match not in found:
            found.append(match)
    return found


def _break_cycles(results: dict[int, PairResult], sketches: Sequence[Sketch]) -> None:
    """Each pair's direction is decided alone (times when both are known, else the edits),
    so three near copies can copy one another round in a ring. The ring's member that is
    most likely its origin (the earliest known time, then the longest text) copies none."""
    for start in list(results):
        ring, index = [], start
        while index in results and index not in ring:
            ring.append(index)
            index = results[index].source
        if index in ring and index in results:
            ring = ring[ring.index(index):]
            origin = min(ring, key=lambda i: (sketches[i].article.timestamp,
                                              -sketches[i].token_count, i))
            del results[origin]


def _direction(sketches: Sequence[Sketch], i: int, j: int) -> tuple[int, int]:
    """(copy, source): the later one copies; failing dates, the credited or edited one."""
    a, b = sketches[i].article, sketches[j].article
    # A credit naming the other's outlet decides first: a date given without a time reads
    # as midnight, so it can put the reprint before its wire story.
    credit_a, credit_b = sketches[i].credit, sketches[j].credit
    if credit_a and same_outlet(credit_a[0], b.outlet):
        return i, j
    if credit_b and same_outlet(credit_b[0], a.outlet):
        return j, i
    # Failing a credit, the earlier one is the source, when the times tell: a date without
    # a time leaves the order open against a timed article of that day (the edits decide).
    if published_before(a, b):
        return j, i
    if published_before(b, a):
        return i, j
    spun_a = len(sketches[i].spin_hits)
    spun_b = len(sketches[j].spin_hits)
    if spun_a != spun_b:
        return (i, j) if spun_a > spun_b else (j, i)
    if sketches[i].token_count != sketches[j].token_count:
        # A copy is more often cut short than padded.
        return (i, j) if sketches[i].token_count < sketches[j].token_count else (j, i)
    return j, i


def _classify(index: int, sketches: Sequence[Sketch], pair: PairResult | None,
              digest_pair: PairResult | None) -> Provenance:
    sketch = sketches[index]
    article = sketch.article
    credit = sketch.credit
    source = sketches[pair.source].article if pair else None
    evidence = _alignment_evidence(sketch, sketches[pair.source], pair) if pair else []
    if credit:
        evidence.append({"article": article.id, "start": credit[1], "end": credit[2],
                         "note": f"credit line naming {credit[0]}"})
    similarity = round(pair.containment, 3) if pair else 0.0
    if pair and source and sketch.tokens == sketches[pair.source].tokens:
        crediting = credit[0] if credit else closing_credit(article.text)
        wire = _credited_origin(sketch, crediting, sketches[pair.source], sketches)
        if wire is not None:  # another reprint of the wire it credits
            return Provenance(article.id, "reprint", wire.article.id, similarity,
                              tuple(evidence), credited=crediting)
        return Provenance(article.id, "duplicate", source.id, 1.0, tuple(evidence))
    # A newsletter crediting each item's outlet ("(Source: Fjord Post)", "(Source: Coast
    # Daily)"), two of them here, reprints no one article: it is a digest of them.
    named = _credited_in_the_set(sketch, sketches) if credit else []
    if len(named) >= 2:
        best = digest_pair or pair
        source_sketch = sketches[best.source] if best else named[0]
        return Provenance(article.id, "digest", source_sketch.article.id,
                          round(best.containment, 3) if best else 0.0, tuple(evidence))
    if credit:
        # The aligned source is the origin when the text backs it up; the outlet named in
        # the credit decides only when nothing aligns (it may have several articles here).
        credited = [s.article for s in sketches if same_outlet(credit[0], s.article.outlet)
                    and s.article.id != article.id]
        aligned = source if pair and (pair.containment >= 0.5 or source in credited) else None
        origin = aligned or (credited[0] if credited else None)
        return Provenance(article.id, "reprint", origin.id if origin else None, similarity,
                          tuple(evidence), credited=credit[0])
    if digest_pair:
        source_sketch = sketches[digest_pair.source]
        # an item naming its source's outlet ("... said. (Northgate Wire)") credits it; an
        # outlet's own briefing naming itself credits no one
        outlet = source_sketch.article.outlet
        credits = item_credits(sketch, digest_pair, outlet) and \
            not same_outlet(outlet, article.outlet)
        return Provenance(article.id, "digest", source_sketch.article.id,
                          round(digest_pair.containment, 3),
                          tuple(_alignment_evidence(sketch, source_sketch, digest_pair)),
                          credited=outlet if credits else None)
    if pair and source:
        kind = _copy_kind(sketch, sketches[pair.source], pair)
        if kind == "spun":
            evidence += _spin_evidence(article, sketch.spin_hits)
        if kind:
            return Provenance(article.id, kind, source.id, similarity, tuple(evidence))
    if newsletter_by_layout(sketch, sketches):
        # Laid out as a newsletter, although no item of it was found copied here (it tells
        # this story's item in its own words): of its sentences only those the story's
        # other articles state count (`align.Alignment.digest_items`).
        return Provenance(article.id, "digest", None, similarity, tuple(evidence))
    hits = sketch.spin_hits
    if is_spun_alone(hits, sketch.token_count):
        # The phrase list decided: the fitted model (the costly part) is not run.
        return Provenance(article.id, "spun", None, similarity,
                          tuple(_spin_evidence(article, hits)))
    if _wording_is_spun(sketch):
        return Provenance(article.id, "spun", None, similarity,
                          tuple(_spin_evidence(article, hits) + _wording_evidence(sketch)))
    return Provenance(article.id, "original", None, similarity, ())


CREDITED_SHARE = 0.9  # of a reprint's words its credited wire's article must hold


def _credited_origin(copy: Sketch, credited: str | None, source: Sketch,
                     sketches: Sequence[Sketch]) -> Sketch | None:
    """Two reprints of one wire, both crediting it, read word for word alike ("— Coastline
    Wire" under one, "(Coastline Wire)" after the other's last sentence): the later
    copies the wire, not the other reprint (walk25). The wire's article published before
    the copy holding most of its words, at least CREDITED_SHARE of them; None when the
    copy credits no one (`credited`), or its source is the credited outlet's or credits
    another."""
    source_credit = source.credit
    if credited is None or source_credit is None or \
            not same_outlet(credited, source_credit[0]) or \
            same_outlet(credited, source.article.outlet):
        return None
    words = set(copy.tokens)
    best, best_share = None, CREDITED_SHARE
    for other in sketches:
        if other is copy or not same_outlet(credited, other.article.outlet) or \
                not published_before(other.article, copy.article):
            continue
        share = len(words & set(other.tokens)) / max(1, len(words))
        if share >= best_share:
            best, best_share = other, share
    return best


def _copy_kind(copy: Sketch, source: Sketch, pair: PairResult) -> str | None:
    """spun, duplicate, reprint or rewrite for an uncredited copy; None if not a copy."""
    if pair.containment >= 0.5 and _is_spun_copy(pair):
        return "spun"
    if pair.containment >= 0.9 and not _changed_a_figure(copy, source, pair) and \
            Indel.normalized_similarity(copy.tokens, source.tokens) >= DUPLICATE_IDENTITY:
        # Near-verbatim: at least 90% of the words the same and in the same order, and
        # every figure kept (a copy that changed "7-5" to "8-4" was edited: a reprint).
        return "duplicate"
    if pair.containment >= 0.6 and (pair.verbatim >= 0.6 or _lightly_edited(pair)):
        return "reprint"
    if pair.containment >= 0.6:
        return "rewrite"
    return None


def _changed_a_figure(copy: Sketch, source: Sketch, pair: PairResult) -> bool:
    """A sentence of the copy gives other figures than the source's sentence it matches
    (a sentence dropped with its figures is no change)."""
    def figures(tokens: list[str]) -> Counter[str]:
        return Counter(t for t in tokens if t[0].isdigit())
    return any(kind != "verbatim" and
               figures(copy.sentence_words[i]) != figures(source.sentence_words[j])
               for i, j, _, kind in pair.aligned)


def _is_spun_copy(pair: PairResult) -> bool:
    """Many words swapped in place, few inserted or deleted, sentence order kept, and the
    swaps in sentences a spinner leaves shaped as they were: no fewer sentences with words
    swapped in place than reworded ones (an outlet telling the same facts in its own words
    rewords them, and its edit counts are no spinner's; a heavy spin rewords some
    sentences too, so SPUN_MIN_SUBSTITUTED such sentences are enough), or sentences kept
    close to the source's outnumbering those reworded (a light spin leaves most as
    they were)."""
    kinds = Counter(kind for *_, kind in pair.aligned)
    close = sum(kinds[kind] for kind in CLOSE_KINDS)
    return (kinds["substituted"] >= 1
            and (kinds["substituted"] >= SPUN_MIN_SUBSTITUTED or close >= kinds["reworded"])
            and pair.swapped >= SPUN_MIN_SWAPS
            and pair.swapped >= SPUN_MIN_SWAP_SHARE * pair.words
            and pair.swapped >= SPUN_SWAP_DOMINANCE * pair.indels
            and pair.in_order >= IN_ORDER)


def _lightly_edited(pair: PairResult) -> bool:
    """The same sentences in the same order with a handful of words changed.

    Reworded sentences carry no edit counts, so they are counted apart: an outlet that
    tells the same facts in its own words is a rewrite, not a reprint.
    """
    reworded = sum(kind == "reworded" for *_, kind in pair.aligned)
    return (pair.in_order >= IN_ORDER and pair.swapped + pair.indels <= 0.05 * pair.words
            and reworded <= REPRINT_MAX_REWORDED * len(pair.aligned))


def _alignment_evidence(copy: Sketch, source: Sketch, pair: PairResult
                        ) -> list[dict[str, object]]:
    evidence: list[dict[str, object]] = []
    for copy_index, source_index, score, kind in pair.aligned[:40]:
        start, end = copy.sentences[copy_index]
        of_start, of_end = source.sentences[source_index]
        evidence.append({"article": copy.article.id, "start": start,
                         "end": _past_closing_marks(copy.article.text, end),
                         "of_article": source.article.id, "of_start": of_start,
                         "of_end": _past_closing_marks(source.article.text, of_end),
                         "match": kind, "score": round(score, 3)})
    return evidence


def _past_closing_marks(text: str, end: int) -> int:
    """The end of a sentence with the quotation marks and brackets closing it: the cheap
    splitter ends it at its full stop, and evidence shown as '"We will do it.' reads as a
    quote broken off."""
    while end < len(text) and text[end] in CLOSING_MARKS:
        end += 1
    return end


CLOSING_MARKS = "\"'\u201d\u2019)"


def _spin_evidence(article: Article, hits: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{"article": article.id, "start": h["start"], "end": h["end"],
             "note": f"spinner phrase \"{h['phrase']}\" (likely \"{h['likely_original']}\")"}
            for h in hits]


def _wording_is_spun(sketch: Sketch) -> bool:
    """Spun without its original: the fitted single-article model says so."""
    return sketch.spin is not None and sketch.spin.spun


def _telling(pair: str) -> bool:
    """A suggested pair a reader learns from: "told reporters", "she said", not "the name"
    or "has it", which only say the word has a frequent neighbour."""
    first, _, second = pair.lower().partition(" ")
    small = FUNCTION_WORDS | PARTICLES
    return second not in small and \
        (first not in small or first in {"i", "we", "you", "he", "she", "they"})


PARTICLES = {"after", "than", "out", "up", "down", "off", "over", "about", "around", "away",
             "back", "through", "along", "ahead"}


def _wording_evidence(sketch: Sketch) -> list[dict[str, object]]:
    if sketch.spin is None:
        return []
    # Most suspicious first, each word once (with how often it occurs): a reader checks
    # a short list, not "stated" six times.
    times = Counter(h.word.lower() for h in sketch.spin.suspects)
    first = {h.word.lower(): h for h in reversed(sketch.spin.suspects)}
    shown = [h for h in sketch.spin.suspects if first[h.word.lower()] is h][:SUSPECTS_SHOWN]
    evidence: list[dict[str, object]] = [
        {"article": sketch.article.id, "start": h.start, "end": h.end,
         "note": f"\"{h.word}\" may be a synonym swapped in" + (
             f": a writer would more likely put \"{h.likely}\"" if _telling(h.likely) else "")
         + (f" ({times[h.word.lower()]} times)" if times[h.word.lower()] > 1 else "")}
        for h in shown]
    evidence += [{"article": sketch.article.id, "start": start, "end": end,
                  "note": "small number written as a digit"}
                 for start, end in sketch.spin.digits[:10]]
    evidence += [{"article": sketch.article.id, "start": start, "end": end,
                  "note": "\"a\"/\"an\" does not fit the next word (a swapped word)"}
                 for start, end in sketch.spin.mismatches[:10]]
    return evidence


def independence_groups(provenance: Sequence[Provenance]) -> dict[str, str]:
    """Article id -> id of the original it descends from (itself when independent)."""
    parent = {p.article: p.of for p in provenance if p.kind != "original" and p.of}
    # Reprints of an outlet none of these articles is from (two papers running one wire
    # story, cut differently) are one source: the first of them stands for the wire.
    wire: list[tuple[str, str]] = []  # (credited outlet, the first reprint crediting it)
    for p in provenance:
        if p.kind == "reprint" and not p.of and p.credited:
            credited = p.credited
            first = next((article for outlet, article in wire
                          if same_outlet(outlet, credited)), None)
            if first is None:
                wire.append((credited, p.article))
            else:
                parent.setdefault(p.article, first)
    parent = {k: v for k, v in parent.items() if k != v}
    # A digest is no copy of one article, but it tells what its main source told: it
    # counts as that source, so the two are never two voices.
    return {p.article: original_of(parent, p.article) for p in provenance}


def independent_voices(articles: Sequence[Article], sources: dict[str, str]) -> dict[str, str]:
    """Each article's independent source: the outlet of the original it copies (or of
    itself), else that original's id. Copies of one original count once, and so do two
    articles of one outlet: a newsroom reporting its own figure again on another day does
    not confirm it."""
    outlets = {a.id: outlet_key(a.outlet) for a in articles}
    voices = {}
    for article in articles:
        root = sources.get(article.id, article.id)
        outlet = outlets.get(root) or (outlets[article.id] if root == article.id else "")
        voices[article.id] = f"outlet:{outlet}" if outlet else root
    return voices
