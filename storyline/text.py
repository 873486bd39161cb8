"""Cheap text helpers shared by the stages that run before full NLP.

Goes in: raw article text. Comes out: word tokens, content words, sentence
spans and numbers, with no model loaded, fast enough for millions of articles;
also whether one sentence copies another in its writer's own words (`copy_kind`:
verbatim, edited inside a label and credit, or shortened to a clause), an
outlet's name as compared, plurals, and the words of the calendar.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import Levenshtein

WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END_RE = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n\s*\n")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "gen", "gov", "sen", "rep", "jan", "feb",
                 "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
                 "vs", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.k", "mt", "lt", "col"}

_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said says say told according mr ms mrs dr per via upon its it's one
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# Words that negate a statement ("n't" is matched as a suffix by the callers).
NEGATIONS = frozenset({"not", "no", "nor", "never", "none", "nothing", "nowhere", "neither",
                       "nobody", "without", "cannot"})
# Verbs (lemmas) whose subject is a speaker, not whom the fact is about ("Varga said the
# crane ..."); `nlp` adds the verbs of belief when it cuts a sentence into clauses.
SPEAKER_VERBS = frozenset({"say", "tell", "announce", "report", "add", "state", "confirm",
                           "explain", "note", "write", "warn", "insist", "claim"})
# Amounts of money are compared per currency, named as the word would be lemmatised.
CURRENCY_UNITS = {"$": "dollar", "US$": "dollar", "\u20ac": "euro", "\u00a3": "pound",
                  "\u00a5": "yen"}
# Nouns counted as one thing ("320 households" and "300 homes" count homes). Kept here,
# not in nlp, so the agreement stages can read it without loading spaCy.
COUNTED_AS = {"%": "percent", "pct": "percent", "household": "home", "house": "home",
              "residence": "home", "dwelling": "home", "employee": "worker",
              "staff": "worker", "staffer": "worker", "labourer": "worker",
              "laborer": "worker", "workman": "worker"}
MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}


def is_negation(word: str) -> bool:
    """Whether a lower-cased word says "not": "not", "never", "won't", "didn't"."""
    return word in NEGATIONS or word.endswith("n't")


def is_negated(text: str) -> bool:
    """Whether a sentence says "not" in any form: "not", "never", "won't", "didn't"."""
    return any(is_negation(w) for w in words(text))


_NUMBER_STRINGS = {word: str(value) for word, value in NUMBER_WORDS.items()}


def words(text: str) -> list[str]:
    """Lower-cased word tokens, with spelled-out small numbers turned into digits."""
    # Lower-casing the whole text once and one dict look-up per token is several times
    # faster than canonicalising token by token; the cheap pass runs this on every article.
    lowered = text.lower().replace("\u2019", "'")
    if "ty-" in lowered:  # "fifty-five" is 55, not 50 and 5
        lowered = _COMPOUND_NUMBER.sub(_compound_number, lowered)
    found = WORD_RE.findall(lowered)
    tokens = [_NUMBER_STRINGS.get(w, w) for w in found]
    if "," in text:
        tokens = [w.replace(",", "") if w[0].isdigit() and "," in w else w for w in tokens]
    return tokens


_COMPOUND_NUMBER = re.compile(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
                              r"(one|two|three|four|five|six|seven|eight|nine)\b")


def _compound_number(match: re.Match[str]) -> str:
    return str(NUMBER_WORDS[match.group(1)] + NUMBER_WORDS[match.group(2)])


def _canonical_word(word: str) -> str:
    """One token as `words` gives it: the token-by-token definition it is tested against."""
    lower = word.lower().replace("\u2019", "'")
    if lower in NUMBER_WORDS:
        return str(NUMBER_WORDS[lower])
    return lower.replace(",", "") if lower[:1].isdigit() else lower


VERBATIM_MIN_WORDS = 8  # shorter sentences ("The meeting was cancelled.") recur by chance
_QUOTED = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]*[\"\u201c\u201d]")


# A copied sentence may drop a dateline of this many words ("OAKHURST, Nov. 18 (Kestrel
# Wire) -") and keep one clause of at least CLAUSE_MIN_WORDS of the original's own words.
DATELINE_WORDS = 6
CLAUSE_MIN_WORDS = 10
# An outlet credited for the words ("the Herald reports"), not a speaker ("police said").
CREDIT_VERBS = frozenset({"reports", "reported", "writes", "wrote"})
DATELINE_RE = re.compile(  # "PORT DUNMORE -", "OAKHURST, Nov. 18 (Kestrel Wire) \u2014",
    # "GREYSTONE (NWS) \u2014"
    r"\s*[A-Z][A-Z'. ]+(?:,[^\n\u2014\u2013-]{0,40})?(?:\s*\([^()\n]{1,40}\))?"
    r"\s*[\u2014\u2013-]{1,2}\s")


# The calendar's words, lower-case: "monday", "march", "mar", "sept".
DASHES = frozenset({"-", "\u2013", "\u2014"})  # hyphen, en dash, em dash
WEEKDAYS = frozenset(name.lower() for name in calendar.day_name)
MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)
MONTH_ABBREVIATIONS = frozenset({name.lower() for name in calendar.month_abbr if name} |
                                {"sept"})


def outlet_key(name: str) -> str:
    """An outlet's name as compared: any case, any spacing ("Harbour  times")."""
    return " ".join(name.lower().split())


def dateline_length(text: str) -> int:
    """How many characters a dateline opening `text` takes ("PORT DUNMORE - "), else 0."""
    found = DATELINE_RE.match(text)
    return found.end() if found else 0


# A wire dateline opening a story's first sentence, as a fact or the brief quotes it:
# "DUNMORE (Meridian Press) -", "PARIS, May 2 -", "CARROWBY, Nov 18 (CNW) -".
LEDE_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:,[^()\n\u2013\u2014-]{1,25})?"
                           r"(?:\s*\([^)\n]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s+")
LEDE_MIN_WORDS = 6  # words the sentence must keep after its dateline
# A line that ends a sentence ends in a full stop: a headline may end in "?" or "!" ("Is
# Tollan Reef safe?") and a date line in "a.m." ("Updated 10.32 a.m.").
_LINE_ENDS_SENTENCE = re.compile(r"(?<!\.[A-Za-z])\.[\"'\u201d\u2019)]*\s*$")


def after_dateline(text: str, start: int = 0, end: int | None = None) -> int:
    """Where a sentence (`text[start:end]`) begins after a wire dateline opening it
    ("CARROWBY, Nov 18 (CNW) - Brannock Textiles will close ..."), else `start`: facts,
    divergences and the brief quote the sentence without it. `text` is the article's text
    up to the sentence at least: where the sentence stands says whether a dateline may
    open it at all (`dateline_end`)."""
    end = len(text) if end is None else end
    place = "article" if opens_article(text[:start]) else \
        "paragraph" if opens_paragraph(text, start) else None
    return start + dateline_end(text[start:end], place)


def opens_paragraph(text: str, start: int) -> bool:
    """Whether `text[start:]` begins a line: a later paragraph's first sentence, which a
    dateline may open as it opens a roundup's item ("\n\nBRELTON - Brannock Textiles
    will ..."); a sentence further on in a paragraph has none."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at > 0 and text[at - 1] == "\n"


def dateline_end(sentence: str, place: str | None) -> int:
    """Where `sentence` begins after a dateline opening it, else 0, by where it stands:
    "article" (its first sentence: `opens_article`), "paragraph" (`opens_paragraph`) or
    None (inside a paragraph, where no dateline stands). A dateline is only cut when
    LEDE_MIN_WORDS words remain and only before a sentence's first word: a capitalised
    subject with a dash aside ("KHRA - the Kelby harbour authority - said ...") is no
    dateline; opening a later paragraph, it is none either where the aside's closing dash
    soon follows ("KHRA - Kelby's harbour authority - said ...")."""
    found = LEDE_DATELINE.match(sentence) if place is not None else None
    if found is None:
        return 0
    rest = sentence[found.end():]
    if len(rest.split()) < LEDE_MIN_WORDS or not _begins_sentence(rest) or \
            place == "paragraph" and _ASIDE_CLOSED.match(rest):
        return 0
    return found.end()


# An aside's closing dash within a few words: "Kelby's harbour authority - said ..."
_ASIDE_CLOSED = re.compile(r"(?:\S+\s+){1,6}[-\u2013\u2014]{1,2}\s")


def _begins_sentence(text: str) -> bool:
    """A dateline is followed by the sentence's first word (a capital, a figure or a
    quotation mark); a name in capitals with a dash aside is not ("KHRA - the Kelby
    harbour authority - said ...")."""
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "\"'\u201c\u2018"


def opens_article(before: str) -> bool:
    """Whether text after `before` (an article's text up to it) is the article's first
    sentence: `before` is blank or holds only lines that end no sentence (a headline, a
    date line; `_LINE_ENDS_SENTENCE`)."""
    return not any(_LINE_ENDS_SENTENCE.search(line) for line in before.splitlines())


def own_word_runs(text: str) -> frozenset[str]:
    """A sentence's own words (`_own_words`) as overlapping runs of VERBATIM_MIN_WORDS
    words: a cheap first test of whether one sentence copies another."""
    said = _own_words(text)
    return frozenset(" ".join(said[i:i + VERBATIM_MIN_WORDS])
                     for i in range(len(said) - VERBATIM_MIN_WORDS + 1))


def copy_kind(copy: str, original: str) -> str | None:
    """How sentence `copy` copies `original`, by their own words (quotations aside):
    "verbatim"; "edited", the original whole (bar a dateline) inside a label and a credit
    ("Ferry aground: <the sentence>, the Dunmore Herald reports", "..., according to
    Coastline News"); "shortened", one clause of it ("All sailings were cancelled until
    at least Friday"); else None. Two outlets that happen to share a phrase, or a
    sentence that wraps another's words in its own ("It is untrue that ..."), are no
    copies."""
    ours, theirs = _own_words(copy), _own_words(original)
    if min(len(ours), len(theirs)) < VERBATIM_MIN_WORDS or is_negated(copy) != is_negated(original):
        return None
    if ours == theirs:
        return "verbatim"
    # The longest unbroken run of shared words must carry the sentence: a spinner's swaps
    # break it up; a label may share a word with a dropped dateline ("Oakhurst").
    run = max((op for op in Levenshtein.opcodes(theirs, ours) if op.tag == "equal"),
              key=lambda op: op.src_end - op.src_start, default=None)
    if run is None:
        return None
    dropped = run.src_start == 0 or (run.src_start <= DATELINE_WORDS and
                                     DATELINE_RE.match(original) is not None)
    if run.src_end == len(theirs) and dropped and \
            run.src_end - run.src_start >= VERBATIM_MIN_WORDS:
        label, credit = ours[:run.dest_start], ours[run.dest_end:]
        if (not label or _is_label(copy, len(label))) and _is_credit(credit):
            return "edited"
        return None
    if run.dest_start == 0 and run.dest_end == len(ours) and len(ours) >= CLAUSE_MIN_WORDS:
        return "shortened"
    return None


def _own_words(text: str) -> list[str]:
    """A sentence's words as written, not those it quotes (outlets quote a speaker word
    for word on their own); numbers as written ("eleven" and "11" are two outlets' own)."""
    return WORD_RE.findall(_QUOTED.sub(" ", text).lower())


def _is_label(text: str, length: int) -> bool:
    """A newsletter's label before the copied words: a few words and a colon."""
    head, colon, _rest = text.partition(":")
    return bool(colon) and length <= DATELINE_WORDS and len(WORD_RE.findall(head)) == length


def _is_credit(words_after: list[str]) -> bool:
    """Words after the copied ones that only name where they came from."""
    if not words_after:
        return True
    if words_after[:2] == ["according", "to"]:
        return len(words_after) <= 7
    return words_after[-1] in CREDIT_VERBS and len(words_after) <= 6


IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men",
                     "woman": "women", "people": "people", "police": "police", "crew": "crew",
                     "staff": "staff", "foot": "feet", "sheep": "sheep", "fish": "fish",
                     "series": "series", "crisis": "crises", "life": "lives", "knife": "knives"}


def plural(noun: str) -> str:
    """The plural of an English noun (of its last word): "stories", "passengers",
    "buses", "people"; abbreviations stay ("km"), and so does a word already plural, an
    "s" after a consonant: a proper noun's count keeps its word ("britons", "news")."""
    head, _, last = noun.rpartition(" ")
    if not re.search(r"[aeiouy]", last) or last in IRREGULAR_PLURALS.values() or \
            re.search(r"[^aeiousy\W\d]s$", last):
        many = last
    else:
        many = IRREGULAR_PLURALS.get(last) or (
            f"{last[:-1]}ies" if re.search(r"[^aeiou]y$", last) else
            f"{last}es" if re.search(r"(?:s|x|z|ch|sh)$", last) else f"{last}s")
    return f"{head} {many}" if head else many


def crude_stem(word: str) -> str:
    """A crude stem: enough to match "closes", "closed" and "closing" with "close"."""
    for suffix in ("ing", "ed", "es", "s", "ly", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word[:-1] + "i" if word.endswith("y") else word


def content_words(text: str) -> list[str]:
    return content_words_of(words(text))


def content_words_of(tokens: Iterable[str]) -> list[str]:
    """The content words among tokens `words` gave: no stopword, 3+ letters or a number."""
    return [w for w in tokens if w not in STOPWORDS and (len(w) > 2 or w.isdigit())]


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Approximate sentence spans (start, end) for the cheap pass; no model needed."""
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        before = text[max(start, match.start() - 6):match.start()]
        last_word = re.findall(r"[A-Za-z.]+$", before.rstrip(".!?\"'\u201d\u2019)"))
        if last_word and last_word[0].lower().rstrip(".") in ABBREVIATIONS \
                and "\n" not in match.group(0):
            continue
        if text[start:match.start()].strip():
            yield _trim(text, start, match.start())
        start = match.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def is_year(word: str) -> bool:
    """A four-digit year a news text can name: "1981", "2024" (1800-2100)."""
    return word.isdigit() and 1800 <= int(word) <= 2100


def number_value(token: str) -> float | None:
    """Value of a numeric token ("12", "12,000", "six", "1.5"), or None."""
    lower = token.lower().replace(",", "")
    if lower in NUMBER_WORDS:
        return float(NUMBER_WORDS[lower])
    try:
        return float(lower)
    except ValueError:
        return None


# Adjectives a measure says the size of: "four metres deep" is a depth, not a distance.
MEASURED = frozenset({"deep", "long", "high", "tall", "wide", "thick", "broad", "old"})
QUALIFIER = "|"  # between a unit and what it measures: "metre|deep", "kilometre|route"
# Units of measure (as lemmas): their figures are qualified by what they measure.
_MEASURE_UNITS_TEXT = """
metre meter kilometre kilometer km centimetre centimeter cm millimetre millimeter mm mile
foot feet inch yard tonne ton kilogram kilo kg gram litre liter gallon hectare acre degree
"""
MEASURE_UNITS = frozenset(_MEASURE_UNITS_TEXT.split())

# A tally ("voted 7-5", "won 3-1", "by seven votes to five") is one quantity of two parts,
# kept as one figure so that both parts are compared at once: larger * TALLY_BASE + smaller
# (the side reporting it does not matter: "lost 1-3" and "won 3-1" tell one result).
TALLY_BASE = 1_000_000
TALLY_SUFFIX = " tally"  # a tally's label: "vote tally", "score tally"


def tally_value(first: int, second: int) -> float:
    """One figure for a tally of two parts, whichever side it is told from."""
    return float(max(first, second) * TALLY_BASE + min(first, second))


def is_tally(label: str) -> bool:
    return label.endswith(TALLY_SUFFIX)


def tally_text(value: float) -> str:
    """A tally figure as written: 7000005.0 -> "7-5"."""
    larger, smaller = divmod(int(value), TALLY_BASE)
    return f"{larger}-{smaller}"


def format_number(value: float) -> str:
    """A figure as data, every digit kept: "4200000", "1234567.5"."""
    if not math.isfinite(value):
        return str(value)
    value = round(value, 6)  # "1.1 million" is 1100000, not 1100000.0000000002
    return str(int(value)) if value == int(value) else repr(value)


def readable_number(value: float | str | None) -> str:
    """A figure as a reader writes it: "4.2 million", "18,000", "1,234,567.5"; text stays."""
    if value is None:
        return ""
    try:
        number = float(value)
    except ValueError:
        return str(value)
    if not math.isfinite(number):
        return str(value)
    number = round(number, 6)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(number) >= size and round(number / size, 2) * size == number:
            return f"{number / size:g} {word}"
    return f"{int(number):,}" if number == int(number) else f"{number:,}"


def balanced_quotes(text: str) -> str:
    """A sentence cut inside a quotation, shown with both its marks: '"Nobody expected
    it.' reads '"Nobody expected it."', 'it," she said' reads '"it," she said'."""
    opening, closing = text.find("\u201c"), text.find("\u201d")
    if closing >= 0 and not 0 <= opening < closing:
        text = "\u201c" + text
    elif opening >= 0 and text.rfind("\u201d") < text.rfind("\u201c"):
        text += "\u201d"
    # a '"' after a digit is inches ("a 5" pipe"), no quotation mark
    marks = [i for i, char in enumerate(text) if char == '"' and not text[i - 1:i].isdigit()]
    if len(marks) % 2:
        first = marks[0]
        closes = first > 0 and text[first - 1] not in " ([" and \
            (first + 1 == len(text) or text[first + 1] in " ,.;:!?")
        text = '"' + text if closes else text + '"'
    return text


# Something done again, day after day: "for a second day", "schools closed again".
_REPETITION = re.compile(r"\b(?:second|third|fourth|fifth|another|consecutive|straight)"
                         r"\s+(?:day|night|week)\b|\bagain\b|\bday after day\b",
                         re.IGNORECASE)


def tells_repetition(text: str) -> bool:
    """An article telling of something done again: its short clauses ("Schools closed on
    Tuesday") may be one more day of it, not another outlet's date for the same day."""
    return _REPETITION.search(text) is not None
