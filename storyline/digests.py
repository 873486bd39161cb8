"""Digests and newsletters: short articles made of sentences from the story's articles.

Goes in: the `Sketch`es of a set of articles and the candidate pairs found so far.
Comes out: `containment_pairs`, the (short, long) pairs in which a short article (at most
DIGEST_MAX_WORDS words) shares word shingles with a longer one (banded LSH misses them:
a digest is a small part of each source); and `digest_sources`, for each short article
that is a digest or a newsletter, the `PairResult` of its main source.

A digest summarises: its sentences are copied from several articles, or picked from the
body of one. A newsletter copies a sentence or so from each of two or more articles, the
rest from articles not in the set; or it carries an item or two of this story in the
writer's own words while its other sentences (greeting, weather, other stories) share
almost no words with the story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial
from typing import TypeVar

from .credits import same_outlet
from .models import published_before
from .pair_alignment import CLOSE_KINDS, COPIED_OVERLAP, PairResult, align_pair
from .sketch import Sketch
from .text import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS, content_words, copy_kind

# Digests: short items (at most DIGEST_MAX_WORDS words) whose sources are at least
# DIGEST_SOURCE_RATIO times longer; an excerpt of one article is at most DIGEST_EXCERPT_SHARE
# of it (a truncated reprint keeps more, and from the top).
DIGEST_MAX_WORDS = 250
DIGEST_SOURCE_RATIO = 1.6
NEWSLETTER_SOURCE_RATIO = 0.5  # a newsletter's item may copy an article shorter than it
DIGEST_EXCERPT_SHARE = 0.5
TOP_COVERAGE = 0.8  # a truncated reprint copies this share of the source's sentences up to its cut
DIGEST_MIN_SHINGLES = 3
DIGEST_MIN_COPIED = 3  # sentences copied from two or more articles make a digest
DIGEST_MIN_SHARE = 0.3  # ... when they are this share of it at least
# A newsletter carrying one or two items of a story (a stream sorts it into one story):
# sentences of at least ITEM_MIN_WORDS own words copied from the story's articles, about
# what their source is about, while its other sentences (greeting, weather, other stories)
# share at most ITEM_REST_SHARED of their content words with the rest of the set.
ITEM_MIN_WORDS = 12
ITEM_TOPICAL_WORDS = 1  # content words a copied sentence shares with its source's others
ITEM_REST_SHARED = 0.25
ITEM_STORY_WORD_ARTICLES = 50  # a word of the story is in one of each 50 of its articles
NEWSLETTER_LABELS = 2  # paragraphs opening with a label ("WEATHER: ...") lay out a newsletter
T = TypeVar("T")


def containment_pairs(sketches: Sequence[Sketch]) -> set[tuple[int, int]]:
    """(short, long) pairs where a short article shares word shingles with a much longer one.

    LSH finds similar sets; a digest's few sentences are a small part of each source, so
    their Jaccard similarity is low. An exact index over the short articles' shingles only
    (digests are few and short) finds them at the cost of one set intersection per article.
    """
    owners: dict[int, list[int]] = defaultdict(list)
    for index, sketch in enumerate(sketches):
        if sketch.token_count <= DIGEST_MAX_WORDS:
            for value in set(sketch.shingles.tolist()):
                owners[value].append(index)
    if not owners:
        return set()
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for index, sketch in enumerate(sketches):
        for value in owners.keys() & set(sketch.shingles.tolist()):
            for short in owners[value]:
                if index != short and \
                        sketch.token_count >= NEWSLETTER_SOURCE_RATIO * sketches[short].token_count:
                    shared[(short, index)] += 1
    return {pair for pair, count in shared.items() if count >= DIGEST_MIN_SHINGLES}


def digest_sources(sketches: Sequence[Sketch], pairs: set[tuple[int, int]],
                   copies: Mapping[int, int] | None = None) -> dict[int, PairResult]:
    """Short articles made of sentences from longer ones, or newsletters copying a sentence
    from each of several articles -> their main source's alignment.

    `copies` maps an article to the one it copies (copy -> source): an original and its
    copies are one source, so a report telling what an article and its spun copy tell is
    no digest of "two" articles.
    """
    family = partial(original_of, copies or {})
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        partners[i].add(j)
        partners[j].add(i)
    digests: dict[int, PairResult] = {}
    # word -> how many articles use it, read only when a newsletter is suspected
    vocabulary = cache(lambda: Counter(word for sketch in sketches
                                       for word in set().union(*sketch.sentence_content)))
    for index, sketch in enumerate(sketches):
        if sketch.token_count > DIGEST_MAX_WORDS:
            continue
        # Sources DIGEST_SOURCE_RATIO times longer than it, and the shorter ones.
        sources: list[PairResult] = []
        shorter: list[PairResult] = []
        for other in sorted(partners[index]):
            candidate = sketches[other]
            if candidate.token_count < NEWSLETTER_SOURCE_RATIO * sketch.token_count:
                continue
            pair = align_pair(sketch, candidate, index, other)
            if pair.aligned:
                longer = candidate.token_count >= DIGEST_SOURCE_RATIO * sketch.token_count
                (sources if longer else shorter).append(pair)
        every = sources + shorter
        # Most of it one article's: a copy of that one, not a newsletter.
        if not any(p.containment >= 0.5 for p in every) and (
                _is_newsletter(sketch, every, sketches, family) or
                _carries_items(index, every, sketches, vocabulary)):
            # An item names the article it copies, not one that only tells the same.
            sources = [p for p in sources + shorter
                       if any(kind in CLOSE_KINDS for *_, kind in p.aligned)] or \
                sources + shorter
        elif not sources or not _is_digest(sketch, sources, sketches, family):
            continue
        # The outlet an item names as its source ("... said. (Northgate Wire)") first, not a
        # reprint of it; then the most copied-from; between equal copies, the earlier one.
        text = sketch.article.text
        digests[index] = min(sources, key=lambda p: (
            not names_outlet(text, sketches[p.source].article.outlet),
            -round(p.containment, 3), sketches[p.source].article.timestamp, p.source))
    return digests


def original_of(copies: Mapping[T, T], item: T) -> T:
    """What `item` descends from: `copies` (copy -> what it copies) followed up to an
    item that copies none or, where they run round in a ring, to the first item reached
    twice. One walk for digests' families and `provenance.independence_groups`."""
    seen: set[T] = set()
    while item in copies and item not in seen:
        seen.add(item)
        item = copies[item]
    return item


def _is_newsletter(sketch: Sketch, sources: list[PairResult], sketches: Sequence[Sketch],
                   family: Callable[[int], int]) -> bool:
    """A newsletter of several items copies one sentence or so from each of two or more
    articles, of any length, the rest from articles not in the set ("Good morning", the
    weather, the sport); none of them gives most of it."""
    copied = _copied(sources, sketches)
    covered = {sentence for _source, sentence in copied}
    return len({family(source) for source, _sentence in copied}) >= 2 and \
        len(covered) >= DIGEST_MIN_COPIED and len(covered) / _scored(sketch) >= DIGEST_MIN_SHARE


def _carries_items(index: int, sources: list[PairResult], sketches: Sequence[Sketch],
                   vocabulary: Callable[[], Counter[str]]) -> bool:
    """A newsletter carrying an item or two of this story: a sentence or two copied, in
    the writer's own words, from articles not published after it, and nothing else of theirs.

    An original report about the same story that shares a quote or a sentence with
    another outlet tells the rest in words of the story (names, places, the subject); a
    newsletter's greeting, weather and other stories share (almost) none of them.
    """
    sketch = sketches[index]
    # Not the articles published after it. Undated, `_copied` gives the direction: a copied
    # sentence is about what its source is about, and a newsletter's item is off the
    # newsletter's subject, so the article it copies never reads as copying it.
    earlier = [p for p in sources
               if not published_before(sketch.article, sketches[p.source].article)]
    copied = {sentence for _source, sentence in _copied(earlier, sketches, own=True)}
    copied |= _marked_summaries(sketch, earlier, sketches)
    if not copied:
        return False
    # An item goes on after its copied sentence in its own paragraph ("... said the runway
    # would reopen on December 14."): those sentences are the item's, not the rest; so is
    # another labelled item that tells, in other words, what an article of the set tells.
    labelled = {sentence for pair in earlier for sentence, *_ in pair.aligned
                if ITEM_LABEL.match(sketch.sentence_text(sentence))}
    # So is a paragraph giving a source's sentence word for word, a quote too ("Five weeks
    # ago ...," Elsie Thorn said.): an item may reword its lead around the quote it keeps.
    # An original report's other paragraphs still tell the story in its words.
    quoted = {sentence for _source, sentence in _copied(earlier, sketches)}
    covered = _paragraphs_of(sketch, copied | labelled | quoted)
    # A newsletter's headline names the newsletter or the day ("Morning Brief - Tuesday"),
    # a follow-up report's the story it copies a sentence of ("Bridge repairs to begin").
    if _headline_tells_the_item(sketch, covered):
        return False
    # A section's label ("WEATHER:") is the newsletter's furniture, not the rest's words.
    rest = {word for number, content in enumerate(sketch.sentence_content)
            if number not in covered for word in content - _label_words(sketch, number)
            if not _calendar(word)}
    if len(rest) < ITEM_MIN_WORDS:
        return False  # too little else to tell a newsletter from a short report
    # A word of the story is used by another article (this one counts too); in a big
    # story by 2% of them, as any word of a weather line turns up somewhere in hundreds.
    counts, least = vocabulary(), 1 + max(1, len(sketches) // ITEM_STORY_WORD_ARTICLES)
    shared = sum(1 for word in rest if counts[word] >= least)
    return shared <= ITEM_REST_SHARED * len(rest)


def _headline_tells_the_item(sketch: Sketch, covered: set[int]) -> bool:
    """The headline is about the copied item: a follow-up report's ("Bridge repairs to
    begin"), unless the article is laid out as a newsletter, which may head its issue with
    its lead item. A newsletter's headline names the newsletter or the day ("Morning Brief
    - Tuesday"), or its items ("The Vale Brief: reservoir shut, schools to merge")."""
    headline = {word for word in content_words(sketch.article.title) if not _calendar(word)}
    item = {word for number in covered for word in sketch.sentence_content[number]}
    return bool(headline & item) and not _laid_out_as_newsletter(sketch)


def _laid_out_as_newsletter(sketch: Sketch) -> bool:
    """A newsletter's marks: a headline naming its own title ("The Vale Morning Brief:
    ..."), or items under labels ("RESERVOIR: ...", "WEATHER: ...") in two paragraphs or
    more. A report has neither: its outlet heads no headline, and its paragraphs go on
    from one another."""
    article = sketch.article
    if any(same_outlet(part.strip(), article.outlet)
           for part in HEADLINE_PARTS.split(article.title)):
        return True
    return len(_labels(sketch)) >= NEWSLETTER_LABELS


def newsletter_by_layout(sketch: Sketch, sketches: Sequence[Sketch]) -> bool:
    """Laid out as a newsletter, whatever it copies: items under two labels or more of
    their own ("LARKSPUR LINE: ...", "WEATHER: ...", not a page's "READ MORE:" or a
    transcript's speaker again and again), one of them naming another outlet of the set as
    its source ("(Castelmere Gazette)", "The Castelmere Ledger reports"). A market report
    in labelled sections ("BONDS: ...") names no other outlet."""
    labels = {label for label in _labels(sketch) if label not in PAGE_FURNITURE and
              label.split()[0] not in EXPLAINER_OPENINGS}
    if len(labels) < NEWSLETTER_LABELS:
        return False
    text, own = sketch.article.text, sketch.article.outlet
    outlets = {other.article.outlet for other in sketches if other is not sketch}
    return any(names_outlet(text, outlet) for outlet in outlets
               if not same_outlet(outlet, own))


def _labels(sketch: Sketch) -> list[str]:
    """The labels in capitals opening its paragraphs ("RESERVOIR", "WEATHER")."""
    found = (ITEM_LABEL.match(sketch.sentence_text(sentence))
             for sentence in _paragraph_openings(sketch))
    return [match.group(0).rstrip(": ") for match in found if match]


# An explainer's sections ("WHAT HAPPENED:", "WHY IT MATTERS:", "BACKGROUND:") tell one
# story from several sides: no newsletter's items.
EXPLAINER_OPENINGS = {"WHAT", "WHAT'S", "WHY", "HOW", "WHO", "WHERE", "WHEN", "BACKGROUND",
                      "CONTEXT", "ANALYSIS", "KEY", "BOTTOM", "DETAILS", "CORRECTION",
                      "EDITOR'S", "UPDATE"}
PAGE_FURNITURE = {"READ MORE", "WATCH", "PUBLISHED", "UPDATED", "RELATED", "SEE ALSO",
                  "VIDEO", "PHOTOS", "LISTEN", "ADVERTISEMENT", "SIGN UP", "SUBSCRIBE"}


HEADLINE_PARTS = re.compile(r"[:|]\s|\s[-\u2013\u2014]\s")


def _marked_summaries(sketch: Sketch, sources: list[PairResult],
                      sketches: Sequence[Sketch]) -> set[int]:
    """Sentences of an item marked as one, a label opening it ("CAR SEAT RECALL: The
    agency has opened ...") or its paragraph naming the source's outlet ("..., the
    Harrowmere Courier reports", "(Wendle Valley Times)"), that sum up a sentence of that
    source in other words but on most of its content words.

    A newsletter rewords as often as it copies; the label in capitals before a colon and
    the credit are its item's marks, which a report telling the story in its own words
    does not carry.
    """
    found: set[int] = set()
    for pair in sources:
        source = sketches[pair.source]
        for sentence, other, _score, kind in pair.aligned:
            mine, theirs = sketch.sentence_content[sentence], source.sentence_content[other]
            if kind == "reworded" and len(sketch.sentence_words[sentence]) >= ITEM_MIN_WORDS \
                    and len(mine & theirs) >= COPIED_OVERLAP * min(len(mine), len(theirs)) \
                    and (ITEM_LABEL.match(sketch.sentence_text(sentence)) or
                         names_outlet(_paragraph_text(sketch, sentence), source.article.outlet)) \
                    and _topical(source, other):
                found.add(sentence)
    return found


def names_outlet(text: str, outlet: str) -> bool:
    """`text` names the outlet ("the Harrowmere Courier reports", "(Wendle Valley Times)"):
    as written, capitals and all, so "the post office" never names The Post; a one-word
    name ("Post", "Times") only in a credit's brackets or with its "the" capitalised
    mid-sentence is too common a word to count."""
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE)
    if len(name) < 3:
        return False
    if len(name.split()) == 1:
        return re.search(r"\(\s*(?:The\s+)?" + re.escape(name) + r"\s*\)|(?<=\w )The "
                         + re.escape(name) + r"(?!\w)", text) is not None
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


ITEM_LABEL = re.compile(r"[A-Z][A-Z0-9&' -]{2,40}: ")


def _label_words(sketch: Sketch, sentence: int) -> set[str]:
    label = ITEM_LABEL.match(sketch.sentence_text(sentence))
    return set(content_words(label.group(0))) if label else set()


def _paragraphs_of(sketch: Sketch, sentences: set[int]) -> set[int]:
    """The sentences sharing a paragraph (no line break between them) with `sentences`."""
    paragraph = sketch.paragraphs
    held = {paragraph[index] for index in sentences}
    return {index for index, number in enumerate(paragraph) if number in held}


def item_credits(sketch: Sketch, pair: PairResult, outlet: str) -> bool:
    """A paragraph of the digest that copies the pair's source names its outlet ("...
    said. (Northgate Wire)"): a credit, not the outlet named in another item ("MEDIA:
    Northgate Wire is to close its bureau")."""
    return any(names_outlet(_paragraph_text(sketch, copied), outlet)
               for copied in {aligned[0] for aligned in pair.aligned})


def _paragraph_text(sketch: Sketch, sentence: int) -> str:
    """The text of the paragraph holding sentence `sentence`."""
    start, end = sketch.paragraph_spans[sketch.paragraphs[sentence]]
    return sketch.article.text[start:end]


def _paragraph_openings(sketch: Sketch) -> list[int]:
    """The first sentence of each paragraph."""
    paragraph = sketch.paragraphs
    return [index for index, number in enumerate(paragraph)
            if index == 0 or paragraph[index - 1] != number]


def _own_copy(copy: Sketch, sentence: int, source: Sketch, other: int) -> bool:
    """Sentence `sentence` of `copy` copies sentence `other` of `source` in the writer's
    own words (not a quote both outlets give), long enough not to recur by chance."""
    return len(copy.sentence_words[sentence]) >= ITEM_MIN_WORDS and \
        copy_kind(copy.sentence_text(sentence), source.sentence_text(other)) is not None


def _topical(source: Sketch, other: int) -> bool:
    """Sentence `other` of `source` is about what the article is about: a stock line
    ("Sign up for our newsletter", "Reporting by ...") shares no words with the rest."""
    # From the source's word counts (made once per source), not a rescan of its sentences
    # on every call: a word of this sentence is also in another when two sentences use it.
    counts, content = source.sentence_counts, source.sentence_content[other]
    mine = {word for word in content if not _calendar(word)}
    if sum(1 for word in mine if counts[word] > 1) >= ITEM_TOPICAL_WORDS:
        return True
    # Else topical only when the other sentences hold no word but the calendar's.
    return not any(not _calendar(word) and (word not in content or count > 1)
                   for word, count in counts.items())


_CALENDAR = WEEKDAYS | MONTH_NAMES | MONTH_ABBREVIATIONS | {
    "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years",
    "day", "days", "morning", "evening", "night"}


def _calendar(word: str) -> bool:
    """Numbers and words of the calendar, which any two news items share by chance."""
    return word.isdigit() or word in _CALENDAR


def _copied(sources: list[PairResult], sketches: Sequence[Sketch], *, own: bool = False
            ) -> set[tuple[int, int]]:
    """(source, sentence) of every sentence copied closely from one of `sources` (with
    `own`, only those in the writer's own words, `_own_copy`).

    A source counts only when one of its copied sentences is about what it is about: stock
    lines alone ("Sign up for our newsletter", "This story has been updated") shared with
    other articles make no digest of them. An item may go on with a sentence that is less
    so ("Residents should run their taps ..."), which counts with its lead.
    """
    copied: set[tuple[int, int]] = set()
    for pair in sources:
        source = sketches[pair.source]
        close = [(sentence, other) for sentence, other, _score, kind in pair.aligned
                 if kind in CLOSE_KINDS and (not own or _own_copy(
                     sketches[pair.copy], sentence, source, other))]
        if any(_topical(source, other) for _sentence, other in close):
            copied.update((pair.source, sentence) for sentence, _other in close)
    return copied


def _scored(sketch: Sketch) -> int:
    """How many of an article's sentences have content words (at least 1)."""
    return max(1, sum(1 for c in sketch.sentence_content if c))


def _is_digest(sketch: Sketch, sources: list[PairResult], sketches: Sequence[Sketch],
               family: Callable[[int], int]) -> bool:
    """A digest summarises: its sentences come from several articles, or are picked from
    the body of one (a copy of the top of one article is a truncated reprint instead)."""
    copied = _copied(sources, sketches)
    close = [p for p in sources if any(source == p.source for source, _ in copied)]
    covered = {sentence for _source, sentence in copied}
    total = _scored(sketch)
    if close and len(covered) / total >= 0.5:
        if len({family(p.source) for p in close}) >= 2:  # copied from two articles or more
            return True
        main = max(close, key=lambda p: p.containment)
        return _excerpt(sketch, main, sketches) and not _copies_the_top(main)
    # A newsletter's own summary rewords its sources: then nearly every sentence must lean
    # on one, at least one be copied, and two sources add different sentences (an original
    # and its copy count once).
    covered_all = {a[0] for p in sources for a in p.aligned}
    by_family: dict[int, set[int]] = defaultdict(set)
    for pair in sources:
        by_family[family(pair.source)].update(a[0] for a in pair.aligned)
    contributions = {frozenset(sentences) for sentences in by_family.values()}
    if not close or len(covered_all) / total < 0.75:
        return False
    # ... or one source, summed up in a few sentences of which one is copied, that names
    # it: "..., the company announced on Tuesday, according to Continental Newswire."
    return len(contributions) >= 2 or any(
        names_outlet(sketch.article.text, sketches[p.source].article.outlet) and
        _excerpt(sketch, p, sketches) and not _copies_the_top(p) for p in close)


def _excerpt(sketch: Sketch, pair: PairResult, sketches: Sequence[Sketch]) -> bool:
    """The article is a small part of its source (at most DIGEST_EXCERPT_SHARE of it)."""
    return sketch.token_count <= DIGEST_EXCERPT_SHARE * sketches[pair.source].token_count


def _copies_the_top(pair: PairResult) -> bool:
    """The copy's sentences are the source's first ones, in order and (nearly) without a
    gap: a truncated reprint. A digest picks its sentences further down too ("The ban
    takes effect next month." from the end)."""
    if pair.in_order < 1.0 or pair.aligned[0][:2] != (0, 0):
        return False
    others = {other for _sentence, other, _score, _kind in pair.aligned}
    return len(others) >= TOP_COVERAGE * (max(others) + 1)
