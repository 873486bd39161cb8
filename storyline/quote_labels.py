"""Quote marks that hold no one's words: titles, labels, scare quotes, signs, subheadings.

Goes in: the article text (or its `Doc`), one span between quote marks and, when it has
one, the quote's cue token.
Comes out: yes/no tests that `quotes` asks before it makes a quote of a span (and
`reported` before it calls reported words mixed): the title of a work or a show, a
nickname or term ("the so-called 'bridge tax'"), a name before the noun it names ('the
"Tidewater" plan'), the words on a sign or a shirt, a subheading in single marks.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .marks import MarkedSpan
from .nlp import text_of

TITLE_PREPOSITIONS = {"on", "in", "of", "at", "from", "for", "by", "with", "about"}
LABEL_MARKERS = {"so-called", "dubbed", "titled", "entitled", "named", "nicknamed", "term",
                 "word", "phrase", "slogan", "known", "called"}
SCARE_MARKERS = {"so-called", "dubbed", "nicknamed"}
# Works whose title may follow them in quote marks.
WORK_NOUNS = {"book", "film", "movie", "song", "album", "show", "series", "novel", "memoir",
              "play", "documentary", "episode", "podcast", "poem", "opera", "musical",
              "exhibition", "exhibit", "column", "essay", "headline", "programme", "program",
              "autobiography", "biography", "blog", "newsletter", "editorial", "syllabus",
              "anthem", "hymn"}
# Short words a title leaves in lower case ("The Night Shift with Lena Marsh").
TITLE_SMALL_WORDS = {"with", "from", "into", "onto", "over", "upon", "than", "about", "under",
                     "after", "before"}
DETERMINERS = {"the", "a", "an"}


def _is_label(text: str, span: MarkedSpan, word_count: int, cue: Token | None) -> bool:
    """Scare quotes, nicknames and titles: "the so-called 'bridge tax'"."""
    before = text[max(0, span.outer_start - 30):span.outer_start].lower().split()
    if before and before[-1].strip(",") in WORK_NOUNS and _titled(text[span.start:span.end]):
        return True  # 'In her 2019 book, "Tides of the Harbour Town,"', 'the film "The Tide"'
    after = text[span.outer_end:span.outer_end + 16]
    if _titled(text[span.start:span.end]) and re.match(r",?\s+by\s+(?:the\s+)?[A-Z]", after):
        return True  # '"The Salt Gatherers" by Edwin Tregarthen': a work and its maker
    if cue is None and _byline(text, span.outer_end):
        return True  # '"Ferry to stop in May," by the Courier's Ada Brandt': a headline
    if re.match(r"\s*\((?:1[89]|20)\d\d\)", after):
        return True  # '"Yes to the ferry" (2009)': a slogan or a work, and its year
    if word_count > 4:
        # 'a co-author of "Those Guys Have All the Fun: Inside the World of Sport,"', 'an
        # article titled "..."'
        return word_count <= 12 and _titled(text[span.start:span.end]) and bool(before) and \
            (before[-1] in TITLE_PREPOSITIONS | {"titled", "entitled", "headlined"} or
             _possessive(before[-1]))
    # 'known as the "bridge tax"', 'a blog called the "Tide"'
    named = before[:-1] if before and before[-1] in DETERMINERS else before
    if named and (named[-1] in LABEL_MARKERS or named[-2:] == ["known", "as"]):
        # 'called the plan "a disaster"' is a statement; 'a blog called "Tide"' names it.
        return cue is None or cue.lemma_ != "call" or named[-1] == "so-called" or \
            cue.dep_ in {"acl", "amod"} and not any(c.dep_ == "nsubj" for c in cue.children)
    quoted = text[span.start:span.end]
    if not any(c.isalpha() for c in quoted):
        return True  # "13", "#4471": numbers and codes in marks are not utterances
    titled = _titled(quoted)
    if titled and before and (before[-1] in TITLE_PREPOSITIONS or _possessive(before[-1])):
        # 'she said on "Morning Harbour Hour"', 'a role in "The Tide"', 'Harbour FM's
        # "Morning Tide"'
        return True
    return word_count <= 3 and cue is None or (titled and word_count <= 4 and cue is None)


# "by" and a name, or an outlet's writer, ending its line: a byline ('by Tom Reilly.', 'by the
# Tidewater Courier's Ada Brandt', "by Times' Ada Brandt"), or before the story's link or an
# excerpt of it in a newsletter's list ('by Ada Brandt: http://...', 'by Ada Brandt: "The
# ferry ..."'); not 'by the Mayor's own admission, was ...'.
BYLINE = re.compile(r",?[ \t]+by[ \t]+(?:the[ \t]+)?[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*)*"
                    r"(?:(?:['\u2019]s|(?<=s)['\u2019])(?:[ \t]+[A-Z][\w.-]*)+)?"
                    r"(?:[ \t]*[.,;]?[ \t]*$|[ \t]*:?[ \t]*(?:https?://|www\.)\S*[ \t.]*$|"
                    r":[ \t]*[\"\u201c\u2018'])")


def _byline(text: str, at: int) -> bool:
    """Whether the line goes on from `at` (a quote's closing mark) with a byline only."""
    end = text.find("\n", at)
    return BYLINE.match(text[at:end if end >= 0 else len(text)]) is not None


def _scare_quoted(text: str, span: MarkedSpan) -> bool:
    """Marks around a term the writer holds at arm's length: 'the so-called "bridge tax"',
    'what locals dubbed "the crawl"'."""
    before = text[max(0, span.outer_start - 30):span.outer_start].lower().split()
    named = before[:-1] if before and before[-1] in DETERMINERS else before
    return bool(named) and named[-1] in SCARE_MARKERS


def _titled(quoted: str) -> bool:
    """Every longer word capitalised, as in a title ("The Harbour Morning Show", "The
    Night Shift with Lena Marsh")."""
    words = [w.strip(".,;:!?") for w in quoted.split()]
    # At least one capital: 'the "2 million-plus" people' is no title.
    return any(w[:1].isupper() for w in words) and \
        all(w[:1].isupper() for w in words if w.isalpha() and len(w) > 3 and
            w not in TITLE_SMALL_WORDS)


# Things whose words are written, not spoken: 'a shirt that read "Harbour First"'.
# (A caption or a post says what its writer wrote: "the caption reads, '...'" is a quote.)
SIGN_NOUNS = {"sign", "shirt", "t-shirt", "banner", "placard", "poster", "sticker", "button",
              "cap", "hat", "billboard", "plaque", "graffiti", "inscription", "bumper", "mug",
              "badge"}


def _sign(cue: Token) -> bool:
    """ "a shirt that read '...'", "The sign said '...'": written text, not an utterance."""
    if cue.lemma_ not in {"read", "say"}:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"that", "which"} and cue.dep_ == "relcl":
        subject = cue.head
    if subject is None and cue.dep_ in {"acl", "relcl"}:
        subject = cue.head  # "A sign at the site read '...'", parsed as the sign's clause
    return subject is not None and subject.lemma_.lower() in SIGN_NOUNS


def _names_a_thing(doc: Doc, span: MarkedSpan) -> bool:
    """A quoted name or label before the noun it names: 'her "Harbour First" plan', 'the
    "Tidewater" syllabus'. A short phrase only, a title or one word: 'a "very rough" crossing'
    may still be someone's words."""
    text = text_of(doc)
    quoted = text[span.start:span.end].strip(" ,.")
    if len(quoted.split()) > 4 or not (len(quoted.split()) == 1 or _titled(quoted)):
        return False
    if _nickname(doc, span):
        return True
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    after = doc.char_span(span.outer_end, min(len(text), span.outer_end + 40),
                          alignment_mode="contract")
    if words is None or after is None or not len(after) or after[0].idx > span.outer_end + 1:
        return False
    noun = after[0]
    # 'a "ferocious" fight' may quote a word someone used; 'the "Tidewater" plan' names it.
    one_adjective = len(quoted.split()) == 1 and words.root.pos_ not in {"NOUN", "PROPN"}
    return noun.pos_ == "NOUN" and noun.is_lower and words.root.head == noun and \
        words.root.dep_ in {"compound", "amod", "nmod"} and not one_adjective


def _nickname(doc: Doc, span: MarkedSpan) -> bool:
    """A one-word name in marks between a first name and a surname: 'Marcia "Cia" Price',
    'William "Bill" Hale' (not 'Trump Was "Mocking" Clinton', a headline's verb)."""
    text = text_of(doc)
    quoted = text[span.start:span.end]
    if len(quoted.split()) != 1 or not quoted[:1].isupper() or not quoted[-1:].isalpha():
        return False
    before = doc.char_span(max(0, span.outer_start - 30), span.outer_start,
                           alignment_mode="contract")
    after = doc.char_span(span.outer_end, min(len(text), span.outer_end + 30),
                          alignment_mode="contract")
    if before is None or after is None or not len(before) or not len(after):
        return False
    first, last = before[-1], after[0]
    # (The small model tags a surname after the marks a noun now and then: "Price".)
    return first.pos_ == "PROPN" and last.pos_ in {"PROPN", "NOUN"} and last.is_title and \
        first.idx + len(first.text) == span.outer_start - 1 and last.idx == span.outer_end + 1


def _subhead(text: str, parts: list[MarkedSpan]) -> bool:
    """A short paragraph that is only a quote in single marks, in an article that quotes
    in double marks: a subheading ("'A long way from the harbour.'"), not an utterance."""
    first, last = parts[0], parts[-1]
    line_start = text.rfind("\n", 0, first.outer_start) + 1
    line_end = text.find("\n", last.outer_end)
    line_end = len(text) if line_end < 0 else line_end
    return text[first.outer_start] in "'\u2018" and \
        not text[line_start:first.outer_start].strip() and \
        not text[last.outer_end:line_end].strip() and \
        len(text[first.start:last.end].split()) <= 8 and ('"' in text or "\u201c" in text)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s")) and len(word) > 2
