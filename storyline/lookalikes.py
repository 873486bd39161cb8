"""Things written like names that name no actor: tram lines and rooms ("the Larkspur
Line", "the Sky Gallery"), a name right after "the" that modifies nothing ("he told the
Castelmere Runner"), and the outlet of a credit line ("This story was distributed by
Northwire Press."). `mentions.find_mentions` drops them or leaves them unresolved."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .models import Mention
from .nlp import text_of

ROUTE_WORDS = {"Line", "Loop", "Tramway"}  # "the Larkspur Line": a tram or rail line
ROOM_WORDS = {"gallery", "hall", "room", "wing", "chamber", "pavilion", "auditorium"}
ROOM_BEFORE = {"in", "into", "inside", "at", "through", "'s", "\u2019s"}


def is_route_or_room(tokens: list[Token], label: str) -> bool:
    """ "Larkspur Line" (tagged a person) is a tram line; "the museum's new Sky Gallery"
    and "shown in the Sky Gallery" are rooms, not bodies that act or speak."""
    if len(tokens) < 2 or not tokens[-1].text[:1].isupper():
        return False
    if tokens[-1].text in ROUTE_WORDS:
        return label == "PERSON"
    if tokens[-1].lower_ not in ROOM_WORDS:
        return False
    doc, index = tokens[0].doc, tokens[0].i - 1
    while index >= 0 and (doc[index].lower_ == "the" or doc[index].pos_ == "ADJ"):
        index -= 1  # "in the new Sky Gallery"
    return index >= 0 and doc[index].lower_ in ROOM_BEFORE


def unless_after_an_article(doc: Doc, mention: Mention) -> Mention:
    """A name right after "the" that modifies no noun ("he told the Castelmere Runner")
    names a publication, a ship or a team, not a person: it stays unresolved, a person
    only if the story names someone with it."""
    span = doc.char_span(mention.start, mention.end)
    if mention.kind != "name" or mention.label != "PERSON" or span is None or \
            not span.start or doc[span.start - 1].lower_ != "the" or \
            span[-1].dep_ == "compound" or mention.honorific or mention.role:
        return mention
    return replace(mention, kind="candidate")


CREDIT_LINE_RE = re.compile(
    r"^[ \t]*(?:(?:This|The) (?:story|article|report|item) (?:was|is|has been) "
    r"(?:first |originally )?(?:distributed|provided|supplied|syndicated|produced|published)"
    r" (?:by|through|via)|Distributed by|Copyright|\u00a9) [^\n]*$", re.MULTILINE)


def credit_line_tokens(doc: Doc) -> set[int]:
    """The tokens of a line that credits the story to an outlet ("This story was
    distributed by Northwire Press."): the outlet is no actor of the story."""
    covered: set[int] = set()
    for match in CREDIT_LINE_RE.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        covered.update(range(span.start, span.end) if span is not None else ())
    return covered
