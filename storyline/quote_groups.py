"""Quote groups: one utterance as several outlets quote it, and where their words differ.

Goes in: a story's resolved quotes (speaker, text, kind: direct, partial, mixed or
indirect), the articles' publication times and outlets, and the provenance sources
(article id -> the original it copies). Comes out: `QuoteGroup`s (one per utterance,
quotes in publication order, each variant's word diff against the group's wording) and
`Divergence`s of kind "quote" (independent outlets putting other words in the speaker's
mouth). `word_diff` also shows a copy's sentence against its original's in the report.
"""

from __future__ import annotations

import difflib
import math
import re
import string
from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from .align import UnionFind
from .models import (
    Article,
    Divergence,
    DivergenceVersion,
    QuoteGroup,
    QuoteVariant,
    ResolvedQuote,
)
from .text import content_words, has_digit, words

QUOTE_SIMILARITY = 80  # `_quote_similarity` making two quotes of one named speaker one
# around a word in a quote variant's diff: ASCII, curly quotes, dashes, the ellipsis
DIFF_PUNCTUATION = string.punctuation + "\u201c\u201d\u2018\u2019\u2013\u2014\u2026"


def group_quotes(quotes: Sequence[ResolvedQuote], published: dict[str, float] | None = None,
                 sources: dict[str, str] | None = None) -> list[QuoteGroup]:
    """One group per utterance: quotes of it across outlets, with word-level variants.

    `sources` (article id -> the original it copies, from provenance) lets a spun copy's
    quote join its original's when most of its words still stand in their places
    (`_spun_from`), though a spinner swapped half its content words for synonyms.
    """
    quoted = [q for q in quotes if q.quote.kind != "indirect"]
    root = [(sources or {}).get(q.quote.article_id, q.quote.article_id) for q in quoted]
    finder = UnionFind(len(quoted))
    normalised = [" ".join(words(q.quote.text)) for q in quoted]
    by_speaker: dict[str | None, list[int]] = defaultdict(list)
    for index, item in enumerate(quoted):
        by_speaker[item.speaker].append(index)
    unattributed = by_speaker.get(None, [])
    articles = [{q.quote.article_id} for q in quoted]  # per group root: its articles
    for speaker, indices in by_speaker.items():
        pool = indices if speaker is None else indices + unattributed
        for position, a in enumerate(indices):
            for b in pool[position + 1:] if speaker is None else pool:
                first, second = finder.find(a), finder.find(b)
                if first == second or articles[first] & articles[second]:
                    continue  # one article's two quotes are two things said
                needed = QUOTE_SIMILARITY if speaker is not None and quoted[b].speaker else 90
                if _quote_similarity(normalised[a], normalised[b]) >= needed or \
                        speaker is not None and quoted[b].speaker == speaker and \
                        root[a] == root[b] and _spun_from(quoted[a], quoted[b]):
                    finder.union(a, b)
                    articles[finder.find(a)] = articles[first] | articles[second]
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(quoted)):
        members[finder.find(index)].append(index)
    order = published or {}
    groups: list[QuoteGroup] = []
    for indices in sorted(members.values(), key=min):
        items = sorted((quoted[i] for i in indices),
                       key=lambda q: (order.get(q.quote.article_id, math.inf), q.quote.start))
        groups.append(_make_group(f"g{len(groups) + 1}", items))
    return groups


SPUN_QUOTE_SIMILARITY = 0.6  # share of a quote's words kept in place by a spun copy


def _spun_from(first: ResolvedQuote, second: ResolvedQuote) -> bool:
    """One quote of one speaker in an article and its copy, reworded by a spinner: the
    words left in place ("We will not open the" ... "our forecasters are" ... "is") make
    most of both ("We have food and fuel for a fortnight" and "We've meals and gasoline
    for a fortnight"), contractions written out."""
    a, b = _spelled_out(first.quote.text), _spelled_out(second.quote.text)
    if min(len(a), len(b)) < 4:
        return False  # "Safety comes first" and "Safety is first" may be two things said
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() >= SPUN_QUOTE_SIMILARITY


def quote_divergences(groups: Sequence[QuoteGroup], quotes: Sequence[ResolvedQuote],
                      articles: Sequence[Article], sources: dict[str, str], *, start: int = 0
                      ) -> list[Divergence]:
    """Quote groups whose independent outlets put other words in the speaker's mouth.

    One version per independent source (its first quote). A version that starts later or
    stops sooner than another (a partial quote) is no divergence, nor are contractions;
    a word replaced, added or dropped inside the quote is (a translation, a paraphrase
    presented as a quote, a slip). Copies of one original count once, so a spun copy
    alone adds none: its changes show in the quote group's variants.
    """
    by_id = {q.id: q for q in quotes}
    outlets = {a.id: a.outlet or a.id for a in articles}
    found: list[Divergence] = []
    for group in groups:
        firsts: dict[str, ResolvedQuote] = {}
        for quote_id in group.quotes:
            quote = by_id[quote_id]
            if quote.quote.kind in {"direct", "partial"}:  # a mixed quote has own words too
                root = sources.get(quote.quote.article_id, quote.quote.article_id)
                firsts.setdefault(root, quote)
        wordings = {_spelled_out(q.quote.text): q for q in firsts.values()}
        # "..." marks words left out on purpose: only words replaced count there.
        elided = any(mark in q.quote.text for q in firsts.values() for mark in ("...", "\u2026"))
        if len(wordings) < 2 or not _words_replaced(list(wordings), elided=elided):
            continue
        who = group.speaker_name or "an unnamed speaker"
        versions = tuple(_version(q, outlets) for q in wordings.values())
        found.append(Divergence(f"d{start + len(found) + 1}", f"wording of a quote by {who}",
                                versions, kind="quote"))
    return found


def _version(quote: ResolvedQuote, outlets: dict[str, str]) -> DivergenceVersion:
    """A quote's wording as a divergence shows it: without the comma that hands it to its
    cue ("... twenty minutes," he said), its span cut to match: at its end, which for a
    quote around its cue is the last piece's, not its start plus the words' length."""
    text = quote.quote.text.rstrip(" ,;:")
    end = quote.quote.end - (len(quote.quote.text) - len(text))
    return DivergenceVersion(quote.quote.article_id, outlets[quote.quote.article_id], text,
                             text, quote.quote.start, end)


CONTRACTIONS = {"won't": ("will", "not"), "can't": ("can", "not"), "shan't": ("shall", "not")}
SUFFIXES = {"n't": ("not",), "'re": ("are",), "'ll": ("will",), "'ve": ("have",), "'m": ("am",)}


def _spelled_out(text: str) -> tuple[str, ...]:
    """The quote's words with contractions written out: "won't" and "will not" are one
    wording (outlets' style guides differ on contractions, speakers do not)."""
    spelled: list[str] = []
    for word in words(text.replace("\u2019", "'")):
        if word in CONTRACTIONS:
            spelled += CONTRACTIONS[word]
            continue
        suffix = next((s for s in SUFFIXES if word.endswith(s) and len(word) > len(s)), None)
        spelled += [word[:-len(suffix)], *SUFFIXES[suffix]] if suffix else [word]
    return tuple(spelled)


def _words_replaced(wordings: list[tuple[str, ...]], *, elided: bool = False) -> bool:
    """Some pair of wordings that differ inside, not only where one quote starts later or
    stops sooner (a partial quote of the same words), by more than spelling ("organise"
    and "organize", "honour" and "honor" are house style). With `elided`, words left
    out inside do not count either."""
    for index, first in enumerate(wordings):
        for second in wordings[index + 1:]:
            ops = difflib.SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
            inner = ops[1:-1] if len(ops) > 2 else []
            ends = [op for op in (ops[0], ops[-1]) if op[0] != "equal"]
            changed = [op for op in inner if op[0] != "equal" and
                       not (elided and op[0] in {"delete", "insert"})]
            changed += [op for op in ends if op[0] == "replace"]
            if any(not _respelled(first[i1:i2], second[j1:j2])
                   for _tag, i1, i2, j1, j2 in changed):
                return True
    return False


def _diff_key(word: str) -> str:
    return word.strip(DIFF_PUNCTUATION).casefold() or word


def _respelled(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """The same words in another spelling: one for one, each nearly the same. A figure is
    never respelled: "12500" and "12800" share most characters, not their meaning."""
    return len(before) == len(after) and all(
        a[:2] == b[:2] and fuzz.ratio(a, b) >= 80 and not has_digit(a + b)
        for a, b in zip(before, after, strict=True))


def _quote_similarity(a: str, b: str) -> float:
    """How alike two quotes' words are (0-100): the same words in any order, or one a
    stretch of the other (a partial quote of a longer one)."""
    if not a or not b:
        return 0.0
    first, second = set(content_words(a)), set(content_words(b))
    # Word-set likeness alone is fooled by short quotes sharing a word or two ("The town
    # is with us" and "doesn't keep up with rents in this town"): most content words of
    # both must be shared before it counts.
    shared = len(first & second) / max(len(first), len(second), 1)
    score = fuzz.token_set_ratio(a, b) if shared >= 0.5 else 0.0
    if min(len(a.split()), len(b.split())) >= 4:
        score = max(score, fuzz.partial_ratio(a, b) if min(len(a), len(b)) > 20 else 0)
    return float(score)


def _make_group(group_id: str, items: Sequence[ResolvedQuote]) -> QuoteGroup:
    speaker = next((q.speaker for q in items if q.speaker), None)
    speaker_name = next((q.speaker_name for q in items if q.speaker_name), None)
    texts = Counter(q.quote.text.strip() for q in items)
    canonical = max(texts, key=lambda t: (texts[t], -_first_index(items, t)))
    # "home," and "home." are one wording: a variant differs in its words
    variants = []
    for q in items:
        if _wording(q.quote.text) == _wording(canonical):
            continue
        diff = _variant_diff(canonical, q)
        if any(op != "=" for op, _text in diff):
            variants.append(QuoteVariant(q.id, q.quote.article_id, q.quote.text, diff))
    return QuoteGroup(group_id, speaker, speaker_name, tuple(q.id for q in items),
                      tuple(variants))


# The words inside quotation marks of a mixed quote ('the winning rye was "the clear winner"')
_QUOTED_WORDS = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")


def _variant_diff(canonical: str, quote: ResolvedQuote) -> tuple[tuple[str, str], ...]:
    """A quote's words against the group's wording. A partial quote ("the clear winner")
    and the quoted words of a mixed one ('the winning rye was "the clear winner"') are
    set against the stretch of the full quote they match: the words before and after it
    were not quoted, so not dropped, and the reporter's own words are no misquote."""
    if quote.quote.kind not in {"partial", "mixed"}:
        return word_diff(canonical, quote.quote.text, loose=True)
    fragments = _QUOTED_WORDS.findall(quote.quote.text) if quote.quote.kind == "mixed" else []
    diff: list[tuple[str, str]] = []
    for fragment in fragments or [quote.quote.text]:
        if diff:
            diff.append(("=", "\u2026"))
        diff += word_diff(_matching_stretch(canonical, fragment), fragment, loose=True)
    return tuple(diff)


def _matching_stretch(full: str, part: str) -> str:
    """The stretch of `full`, as many words long as `part`, that matches most of its words
    in order (a word replaced inside still lines up the rest)."""
    a, b = full.split(), part.split()
    if len(b) >= len(a):
        return full
    keys, wanted = [_diff_key(w) for w in a], [_diff_key(w) for w in b]
    best = max(range(len(a) - len(b) + 1), key=lambda start: (difflib.SequenceMatcher(
        None, keys[start:start + len(b)], wanted, autojunk=False).ratio(), -start))
    return " ".join(a[best:best + len(b)])


def _wording(quote: str) -> list[str]:
    return re.findall(r"\w+(?:['\u2019]\w+)*", quote.lower())


def _first_index(items: Sequence[ResolvedQuote], text: str) -> int:
    return next(i for i, q in enumerate(items) if q.quote.text.strip() == text)


def word_diff(base: str, other: str, *, loose: bool = False) -> tuple[tuple[str, str], ...]:
    """Word-level diff from `base` to `other`: ("=", same), ("-", dropped), ("+", added).

    `loose` (quote variants: what a speaker said, as outlets punctuate it) compares words
    without the punctuation around them and their case ("toxins," and "toxins", "The"
    opening a quote and "the" inside one); a same word is shown as `other` writes it.
    Exact (a copy's sentence against its original's) shows every changed mark: "-5" to
    "5", "$40,000" to "40,000", "guilty." to "guilty?"."""
    a, b = base.split(), other.split()
    key = _diff_key if loose else str
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, [key(w) for w in a], [key(w) for w in b],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            ops.append(("=", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", " ".join(b[j1:j2])))
    return tuple(ops)
