"""Quote marks: the spans of text between matching quotation marks.

Goes in: an article's text. Comes out: `MarkedSpan`s, the characters between each pair of
marks (straight, curly, single, guillemets, low-high, typewriter pairs) and the marks'
outer edges; a quote left open at a paragraph's end goes on when the next paragraph
reopens it (paragraphs set apart by a blank line, or one a line). No parsing: `quotes`
decides which spans are quotations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", "\u2018": "\u2019"}
MIXED_CLOSERS = {'"', "\u201d"}  # a straight or a curly closing double mark
# A straight single mark opens a quotation only when one closes it within this many
# characters: a quotation in single marks is a sentence or two, and looking further on
# every "'" of a long paragraph would cost time for nothing.
SINGLE_QUOTE_REACH = 600
ELLIPSIS_AFTER = re.compile(r" ?(?:\u2026|\.\.\.) ?\w")  # "\u201d \u2026 he said" opens


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The text between one pair (or chain) of quote marks, and the marks' outer edges."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def find_quote_marks(text: str) -> list[MarkedSpan]:
    """Spans between matching quote marks; a quote left open at the end of a
    paragraph continues when the next paragraph reopens it.

    Marks: straight and curly double quotes, guillemets, low-high quotes, single
    quotes used as quotation marks (a straight one when it closes after punctuation),
    and the typewriter pairs `` '' and '' ''. A mark that nothing closes is a stray one:
    the quotes after it are still read. Copy typed wrong is read as meant: an opening curly
    mark right after a quote's last word closes it, a closing one before a word (or an
    ellipsis) at a quote's start opens it.
    """
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    inner = 0
    closer = ""
    nested = 0  # curly quotes opened inside the open curly quote (a quote within a quote)
    # Closing mark -> how far a stray mark expecting it was read without closing: a mark of
    # the same kind opening before there closes nowhere either, and reading on from each
    # one again would cost time quadratic in the stray marks.
    stray_until: dict[str, int] = {}
    i = 0
    while i < len(text) or open_at is not None:
        if i >= len(text):  # a mark left open at the end: a stray one (see below)
            stray_until[closer] = len(text)
            open_at, i = None, inner
            continue
        pair = text[i:i + 2]
        if open_at is None:
            if (skip := _attribute_value_end(text, i)) is not None:
                i = skip  # '<tweet author="@harbour">': markup left in the text, not a quote
                continue
            opener = _opening_mark(text, i)
            if opener and i < stray_until.get(opener[1], -1):
                opener = None  # inside the stretch a stray mark of its kind read in vain
            if opener:
                open_at, closer = i, opener[1]
                inner = i + len(opener[0])
                nested = 0
                i = inner
                continue
        elif closer in MIXED_CLOSERS and _opener_typed_as_closer(text, i, inner):
            spans.append(MarkedSpan(inner, i, open_at, i + 1))
            open_at = None  # '...51 percent.\u201c': the opening mark typed at the end
        elif closer == "\u201d" and text[i] == "\u201c" and _closes_twice(text, i, nested):
            nested += 1
        elif closer == "\u201d" and text[i] == "\u201c" and not nested and \
                _opens_a_sentence(text, i):
            open_at, inner = i, i + 1  # the mark before was left open: a new quote starts
        elif nested and text[i] == "\u201d":
            nested -= 1
        elif (found := _closing_mark(text, i, closer, inner)) is not None:
            if i > inner:
                spans.append(MarkedSpan(inner, i, open_at, i + len(found)))
            i += len(found)
            open_at = None
            continue
        elif text[i] == "\n" and "\n" not in text[i - 1:i + 2:2] and \
                (mark := _reopened_on_next_line(text, i, closer)) is not None:
            i += 1 + len(mark)  # a paragraph on one line, the quote going on in the next
            continue
        elif pair == "\n\n":
            reopened = _opening_mark(text, i + 2)
            if reopened and reopened[1] == closer:
                i += 2 + len(reopened[0])  # the quote goes on in the next paragraph
                continue
            # An unclosed mark is no quotation we can trust, but a stray one (a pasted
            # excerpt opening with '"') must not hide the quotes after it: read on from it.
            stray_until[closer] = i
            open_at, i = None, inner
            continue
        i += 1
    return spans


def _opens_a_sentence(text: str, i: int) -> bool:
    """An opening curly mark inside an open curly quote, that the paragraph cannot close
    twice, opening a sentence of its own ('...shell-shocked. \u201cAnd she said ...'): the
    quote before it was left open, and this one starts anew."""
    before = text[:i].rstrip(" ")
    return text[i - 1:i] == " " and text[i + 1:i + 2].isupper() and \
        before[-1:] in {".", "?", "!", "\u2026"}


def _opener_typed_as_closer(text: str, i: int, inner: int) -> bool:
    """An opening curly mark at i that ends the open quote: right after its last word or
    stop, with a space, a bracket or the paragraph's end after it ('is 51 percent.\u201c',
    'called it \u201cabhorrent\u201c in a tweet'); a mark that opens a quote stands before a
    word."""
    return text[i] == "\u201c" and i > inner and not text[i - 1].isspace() and \
        text[i - 1] not in OPENERS and (i + 1 == len(text) or text[i + 1].isspace() or
                                        text[i + 1] == "[")


def _reopened_on_next_line(text: str, i: int, closer: str) -> str | None:
    """The opening mark that starts the line after the single line break at i, when the quote
    open before it ends a sentence there and goes on in that line: text with one line a
    paragraph. (A line that breaks inside a sentence is a wrapped line, read on as before.)"""
    end = i  # the last character before the break but spaces, not copying the text
    while end and text[end - 1] == " ":
        end -= 1
    if text[end - 1:end] not in {".", "?", "!", ":", ";", "\u2026"}:
        return None
    reopened = _opening_mark(text, i + 1)
    return reopened[0] if reopened and reopened[1] == closer else None


def _attribute_value_end(text: str, i: int) -> int | None:
    """Past the closing mark of a markup attribute value opening at i ('author="@x"',
    'target=”_blank”'), or None when no attribute value opens there."""
    if text[i:i + 1] not in {'"', "“", "”"} or text[i - 1:i] != "=" or \
            not text[i - 2:i - 1].isalnum():
        return None
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    close = min((k for k in (text.find(m, i + 1, end) for m in ('"', "”")) if k >= 0),
                default=-1)
    return close + 1 if close >= 0 else None


def _closes_twice(text: str, i: int, nested: int) -> bool:
    """Whether a curly opening mark inside an open curly quote opens a quote within it:
    the paragraph still holds a closing mark for it and one for the quote around it."""
    end = text.find("\n", i)
    rest = text[i + 1:end if end >= 0 else len(text)]
    return rest.count("\u201d") >= nested + 2 and \
        rest.count("\u201d") - rest.count("\u201c") >= nested + 2


def _closing_mark(text: str, i: int, closer: str, inner: int) -> str | None:
    """The mark at i that closes a quote expecting `closer` and opened before `inner`, if
    any. Edited copy mixes the two styles of double marks ('\u201cNo deal," she said'), so
    either closes the other."""
    if closer == "'":
        return "'" if _closes_single(text, i) else None
    if text.startswith(closer, i):
        return closer if closer != "\u2019" or not _inside_word(text, i) else None
    mark = text[i:i + 1]
    if closer not in MIXED_CLOSERS or mark not in MIXED_CLOSERS:
        return None
    # Only when the expected mark does not close it later in the paragraph.
    end = text.find("\n", i)
    rest = text[i + 1:end if end >= 0 else len(text)]
    if mark == "\u201d":  # '"more hours\u201d': not a curly pair inside, no straight mark to come
        paired = "\u201c" in text[inner:i]
        # (A straight mark that closes a curly one opened later in the paragraph is not left
        # to close this one: '"We lost,\u201d Dahl said. \u201cWe will be back."'.)
        left = rest.count('"') - max(0, rest.count("\u201c") - rest.count("\u201d"))
        return mark if not paired and left % 2 == 0 else None
    # '\u201cNo deal," she said': the next curly closer, if any, ends another quote.
    following = rest.find("\u201d")
    return mark if following < 0 or any(o in rest[:following] for o in ('"', "\u201c")) \
        else None


def _opening_mark(text: str, i: int) -> tuple[str, str] | None:
    """(opening mark, its closing mark) starting at i, if a quotation opens there."""
    pair = text[i:i + 2]
    if pair == "``":
        return "``", "''"
    if pair == "''" and _at_word_start(text, i):
        return "''", "''"
    char = text[i:i + 1]
    if char in OPENERS and (char != "\u2018" or _at_word_start(text, i)):
        return char, OPENERS[char]
    if char == '"':
        # '"\u201cWe will,\u201d she said ..."': a straight mark wrapping a pasted paragraph
        # that holds quotes of its own in curly marks opens none of them.
        # After a digit it is an inch mark ('6\'3" tall').
        return None if text[i + 1:i + 2] == "\u201c" or text[i - 1:i].isdigit() else ('"', '"')
    if char == "'" and _at_word_start(text, i) and text[i + 1:i + 2].isalpha():
        end = text.find("\n", i)
        end = min(end if end >= 0 else len(text), i + SINGLE_QUOTE_REACH)
        if any(_closes_single(text, j) for j in range(i + 2, end)):
            return "'", "'"
    if char == "\u201d" and (i == 0 or text[i - 1].isspace() or _format_mark(text[i - 1])) and \
            (text[i + 1:i + 2].isalpha() or ELLIPSIS_AFTER.match(text, i + 1)):
        # a closing mark typed as the opener: '\u201dFear. I am afraid.\u201d', also after an
        # invisible direction mark left by a copied post, or before the ellipsis of a quote
        # taken up mid-sentence ('\u201d \u2026 he delivered,\u201d she wrote')
        return char, char
    return None


def _closes_single(text: str, i: int) -> bool:
    """A straight single mark that ends a quotation: after its closing punctuation
    ('It is cold out here,' said ...), so never an apostrophe ("don't", "the workers'
    union", "the '90s")."""
    return text[i:i + 1] == "'" and text[i - 1:i] in {",", ".", "?", "!"} and \
        not text[i + 1:i + 2].isalnum() and not re.search(r"\b[A-Z]\.$", text[i - 3:i])


def _format_mark(char: str) -> bool:
    """An invisible formatting character (a direction mark, U+202A, U+200E...)."""
    return unicodedata.category(char) == "Cf"


def _at_word_start(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
