"""Credit lines: an article saying which other outlet it comes from.

Goes in: an `Article` (its text and its own outlet). Comes out: the credit line naming
another outlet, as (outlet name, start, end) character offsets into the text, or None:
"(AP) -", a dateline "DUNMORE (Meridian Press) -", "/VOA" after the last sentence,
"originally appeared in X", "(Source: X)", a last line "- Meridian Press", "- CPA" or
"(CPA)", or "Reporting by CPA". Also `same_outlet`, whether two names are one outlet
("The Courier" and "Courier", "VPS" and "Valley Press Service"). No model: regular
expressions over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .models import Article
from .text import DASHES, MONTH_NAMES, WEEKDAYS

# The last word of an outlet's name, for a credit that gives the name alone.
OUTLET_WORDS = ("Press", "News", "Newswire", "Wire", "Agency", "Service", "Times", "Post",
                "Herald", "Tribune", "Gazette", "Journal", "Courier", "Telegraph",
                "Chronicle", "Observer", "Guardian", "Bulletin", "Daily", "Review", "Radio",
                "Television", "TV", "Network", "Media", "Reuters", "AP", "AFP", "UPI",
                "Association", "Bureau", "Syndicate")
# An outlet named alone on a credit line: its name ending in one of OUTLET_WORDS, or its
# initials ("CPA"; three letters at least, as "- JD" is an author's sign-off, and not the
# "ENDS" or "MORE" of a press release).
_NAMED_OUTLET = (r"(?:(?:[A-Z][\w&.'-]*[ \t]+){0,3}(?:" + "|".join(OUTLET_WORDS) + r")"
                 r"|(?!(?:END|ENDS|MORE)\b)[A-Z]{3,6})")
# "... originally appeared in / published by X": a name after them must say it is an outlet
PUBLISHED_CREDITS = [
    re.compile(r"(?:this|the) (?:article|story|report) (?:was )?(?:originally |first )?"
               r"(?:appeared|published|ran) (?:in|on|by) (?:the )?(?P<outlet>[A-Z][\w&.' -]{1,40}?)"
               r"(?=[.,;\n]|$)", re.IGNORECASE),
    re.compile(r"(?:originally published|reprinted(?: with permission)?|republished) "
               r"(?:in|by|from|on) (?:the )?(?P<outlet>[A-Z][\w&.' -]{1,40}?)(?=[.,;\n]|$)",
               re.IGNORECASE),
]
CREDIT_PATTERNS = [
    *PUBLISHED_CREDITS,
    # a line of its own: "From Reuters", "Source: the Calder Courier." (the name fills the
    # line, so "From Monday the ferry runs ..." and "Via Roma was closed." are no credits)
    re.compile(r"^(?:From|Source:|Via) (?:the )?(?P<outlet>[A-Z][\w&.'-]*(?: (?:&|of|"
               r"[A-Z][\w&.'-]*)){0,4}?)[ \t]*[.:]?[ \t]*$", re.MULTILINE),
    # a dateline: "DUNMORE (Meridian Press) -", "DUNMORE, Nov 18 (Meridian Press) -"
    re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
               r"[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?\s*)?\((?P<outlet>[A-Z][\w&.' -]{1,40}?)\)"
               r"\s*[-\u2013\u2014]", re.MULTILINE),
    re.compile(r"^\((?P<outlet>AP|AFP|Reuters|[A-Z][\w&.' -]{1,30}?)\)\s*[-\u2013\u2014]",
               re.MULTILINE),
    # a signature at the very end: "... home. /VOA"; an agency anywhere after a space, any
    # outlet only after the last sentence ("Photo: Ana Ruiz / Dunmore Herald" is no credit)
    re.compile(r"\s/\s?(?P<outlet>AP|VOA|AFP|Reuters|UPI|PA|DPA|ANSA)\s*$"),
    re.compile(r"(?:[.!?\"\u201d]\s*|\n)/\s?(?P<outlet>[A-Z][\w&.'-]{1,30}"
               r"(?: [A-Z][\w&.'-]{1,30}){0,3})\s*$"),
    # a last line naming an outlet: "- Meridian Press" (a name alone, "- Elise Viebeck.",
    # is the author's sign-off)
    re.compile(r"(?<=\n)[ \t]*[-\u2013\u2014][ \t]*(?P<outlet>" + _NAMED_OUTLET + r")[ \t]*$"),
    # ... or in brackets on the last line, "(CPA)", or the wire credited on its own line,
    # "Reporting by CPA" (a reporter's name there, "Reporting by Ana Ruiz", is a byline)
    re.compile(r"(?<=\n)[ \t]*\((?P<outlet>" + _NAMED_OUTLET + r")\)[ \t]*$"),
    re.compile(r"^Reporting by (?:the )?(?P<outlet>" + _NAMED_OUTLET + r")[ \t.]*$",
               re.MULTILINE),
    # a newsletter's credit in brackets: "(Source: The Calder Courier)"
    re.compile(r"\((?:Source|Sources|Via|From): (?:[Tt]he )?(?P<outlet>[A-Z][\w&.' -]{1,40}?)\)"),
]


# An outlet in brackets after the last sentence: "... last week. (Coastline Wire)"
CLOSING_CREDIT = re.compile(r"(?<=[.!?\"\u201d])[ \t]+\((?P<outlet>" + _NAMED_OUTLET +
                            r")\)\s*$")


def closing_credit(text: str) -> str | None:
    """The outlet a text credits in brackets after its last sentence ("... last week.
    (Coastline Wire)"), or None. Not a credit line of `find_credit`'s: a newsletter's
    last item ends so too, crediting that item's outlet only (`digests.item_credits`);
    `provenance` reads it where a reprint's words match another reprint's (walk25)."""
    match = CLOSING_CREDIT.search(text)
    return match.group("outlet") if match else None


def find_credit(article: Article) -> tuple[str, int, int] | None:
    """A credit line naming another outlet: "(AP) -", "/VOA", "originally appeared in X"."""
    return next(_credits(article), None)


def signed_by_outlet(article: Article, outlets: Iterable[str]) -> tuple[str, int, int] | None:
    """The article's last line is only the name of another outlet of the set, as a reprint
    signs off with its wire's name ("... the worst possible weather.\n\nNorthwire"): that
    outlet, and the line's span. A bare name on the last line is read as an outlet's only
    when an article of the set comes from that outlet (alone it may be an author's)."""
    text = article.text.rstrip()
    start = text.rfind("\n") + 1
    line = text[start:].strip(" \t*_.-\u2013\u2014")
    if not start or not line or len(line.split()) > SIGN_OFF_WORDS or not line[0].isupper():
        return None
    match = next((o for o in outlets if same_outlet(line, o) and
                  not same_outlet(o, article.outlet)), None)
    return (match, start, len(text)) if match else None


SIGN_OFF_WORDS = 4  # words of an outlet's name signing off a reprint


def credited_outlets(article: Article) -> list[str]:
    """Every other outlet the article credits, each once, first credited first (a
    newsletter credits each item's outlet: "(Source: Fjord Post)", "(Source: Coast Daily)")."""
    found: list[str] = []
    for outlet, _start, _end in _credits(article):
        if not any(same_outlet(outlet, seen) for seen in found):
            found.append(outlet)
    return found


def is_credit_line(text: str) -> bool:
    """A sentence that only credits an outlet: a dateline ("MARROWBY (Kestrel Wire) -") or
    "This story originally appeared in Kestrel Wire." (it states nothing of the story)."""
    stripped = text.strip()
    for number, pattern in enumerate(CREDIT_PATTERNS):
        match = pattern.search(stripped)
        if match and len(stripped) - (match.end() - match.start()) <= CREDIT_LINE_SLACK and \
                _names_an_outlet(match.group("outlet"), strict=number < len(PUBLISHED_CREDITS)):
            return True
    return False




def _names_an_outlet(name: str, *, strict: bool) -> bool:
    """A name as an outlet's is written, capitalised: not "the council website", and not a
    day or a month ("The report was published in March"). `strict`, after "published by",
    one that says it is an outlet ("Kestrel Wire", "AP"): "The report was published by the
    Coastal Safety Inspectorate" states a fact."""
    words = name.strip(" .").split()
    if not words or not words[0][:1].isupper() or words[0].lower() in CALENDAR_WORDS:
        return False
    return not strict or words[-1] in OUTLET_WORDS or words[-1].isupper()


CALENDAR_WORDS = WEEKDAYS | MONTH_NAMES | {"today", "yesterday", "tomorrow"}


CREDIT_LINE_SLACK = 3  # characters a credit line has beyond its credit: a full stop, a dash


def _credits(article: Article) -> Iterator[tuple[str, int, int]]:
    text = article.text
    for pattern in CREDIT_PATTERNS:
        for match in pattern.finditer(text):
            outlet = match.group("outlet").strip(" .")
            if not (same_outlet(outlet, article.outlet) or _ends_a_list(text, match)):
                yield outlet, match.start(), match.end()


def _ends_a_list(text: str, match: re.Match[str]) -> bool:
    """A dash line after another dash line: "- Student Film Review" ends a programme."""
    if match.group(0).lstrip()[:1] not in DASHES:
        return False
    before = text[:match.start()].rstrip().rsplit("\n", 1)[-1].lstrip()
    return before[:1] in DASHES | {"\u2022", "*"}




def same_outlet(a: str, b: str) -> bool:
    """One outlet under two names: "The Courier" and "Courier", "VPS" and "Valley Press
    Service", "Northwire" and "Northwire Press", an outlet and its "... Mirror" site."""
    def norm(value: str) -> str:
        return re.sub(r"^the\s+|[^a-z0-9 ]", "", value.lower()).strip()

    def initials(value: str, *, compounds: bool = False) -> str:
        return "".join(word[0] + (_compound_tail(word) if compounds else "")
                       for word in re.findall(r"[A-Z][\w&'-]*", value))
    if not a or not b:
        return False
    if norm(a) == norm(b) or norm(a) in norm(b).split(" mirror"):
        return True
    short, long = sorted((a.strip(" ."), b.strip(" .")), key=len)
    # "CNW" signs "Continental Newswire": a word ending in an outlet word gives two letters
    if short.isupper() and len(short) >= 2 and \
            short in (initials(long), initials(long, compounds=True)):
        return True
    # the name without its last word when that word only says it is an outlet
    *head, last = long.split()
    # ("The Chronicle" is not the "Chronicle Herald": a name that is an outlet word alone)
    return last in OUTLET_WORDS and bool(head) and norm(" ".join(head)) == norm(short) and \
        not all(word in OUTLET_WORDS for word in re.sub(r"^[Tt]he\s+", "", short).split())


_OUTLET_TAILS = tuple(word.lower() for word in OUTLET_WORDS if len(word) >= 4)


def _compound_tail(word: str) -> str:
    """The initial of the outlet word a longer word ends in ("Newswire": "W"), else ""."""
    lower = word.lower()
    tail = next((t for t in _OUTLET_TAILS if lower.endswith(t) and len(lower) - len(t) >= 3),
                None)
    return tail[0].upper() if tail else ""
