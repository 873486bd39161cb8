"""Which body a description names: "the council", "the union", "the company".

Goes in: a description's head word and the story's organisation `Entity`s (or a body's
name). Comes out: the bodies it can stand for (by the kind its name gives, a synonym,
or, for a word that fits any body, the one body the article names), and whether a name
is a company's. `entities.EntityIndex.resolve` settles a speaker phrase with these.
"""

from __future__ import annotations

import re

from .entity_kinds import COMPANY_ENDINGS, COMPANY_NOUNS
from .models import Entity
from .names import ORG_NOUNS

# Words that make a name a public body's, which "the firm" never stands for ("Rail Accident
# Investigation Branch", "Coastal Safety Inspectorate").
PUBLIC_BODY_WORDS = {"branch", "bureau", "inspectorate", "investigation", "investigations",
                     "regulator", "tribunal", "inquiry", "directorate", "secretariat",
                     "ombudsman", "watchdog", "constabulary", "coalition", "campaign"}
# Words in the names of organisations that are not businesses (bodies, parties, outlets).
OUTLET_WORDS = {"press", "herald", "times", "news", "post", "daily", "journal", "tribune",
                "gazette", "globe", "star", "sun", "mail", "cbc", "bbc", "ctv", "reuters",
                "radio", "television", "tv", "magazine", "newspaper", "broadcaster"}
NOT_COMPANY_WORDS = (ORG_NOUNS - {"company", "firm", "corporation", "group", "bank"}) | \
    OUTLET_WORDS | {"nations", "fbi", "cia", "ministry", "city", "province", "state",
                    "department", "force", "rcmp", "nato", "un"} | PUBLIC_BODY_WORDS

# What else a body a description names may be called: "the union" is the "... Nurses
# Association", "the agency" the "... Food Inspection Service".
BODY_SYNONYMS = {
    "union": {"association", "federation", "guild", "brotherhood", "alliance"},
    "agency": {"service", "authority", "bureau", "administration", "commission", "office"},
    "department": {"ministry"}, "ministry": {"department"},
    "airline": {"airlines", "airways"}, "carrier": {"airlines", "airways"},
    "police": {"department", "service", "force", "constabulary"},
    "organization": {"association", "foundation", "federation", "society", "alliance"},
    "organisation": {"association", "foundation", "federation", "society", "alliance"},
}
# Descriptions that fit any kind of body: when no body is called so, they stand for the one
# body (not a news outlet) the article names before them.
GENERIC_BODIES = {"agency", "organization", "organisation", "group", "body", "union",
                  "association", "department", "ministry", "office", "authority", "service",
                  "board", "commission", "council", "foundation", "committee"}


def bodies_called(head: str, bodies: list[Entity], *, in_article: bool = True,
                  qualifiers: tuple[str, ...] = ()) -> list[Entity]:
    """The organisations a description of a body ("the ministry", "the company") can stand
    for: those whose name holds its head word or a synonym, else, among the bodies the
    article itself names (`in_article`), a company for a company word or the one body
    named at all for a generic word: "the authority" in one outlet's story is not a body
    only another outlet names. A generic word with `qualifiers` (the description's words
    before it) stands only for a body whose name holds them: "the state environment
    agency" is not the one school the article named."""
    words = {head} | BODY_SYNONYMS.get(head, set())
    named = [e for e in bodies if called(e.name, words)]
    if named or not in_article:
        return named
    if head in GENERIC_BODIES:  # "the group", "the agency": any kind of body
        named = [e for e in bodies if not OUTLET_WORDS & set(e.name.lower().split()) and
                 holds_qualifiers(e.name, qualifiers)]
        # the one body named, if not another kind: "the council" is no guild
        return [e for e in named if not other_kind(head, e.name)] if len(named) == 1 \
            else named
    if head in COMPANY_NOUNS:
        return [e for e in bodies if is_company(e.name)]
    return []


# Descriptions that name one kind of body: "the council" is no guild and no company.
KIND_BODIES = GENERIC_BODIES - {"agency", "organization", "organisation", "group", "body"}
# Last words that give a body's kind ("... Gardeners' Guild", "... Textiles").
KIND_WORDS = ORG_NOUNS | {"guild", "society", "trust", "club", "league", "institute"}


# Qualifiers that tell nothing of which body is meant: "the new agency", "the local group".
VAGUE_QUALIFIERS = {"new", "local", "same", "other", "own", "main", "whole", "former",
                    "current", "latest", "independent", "official", "government", "public"}


def holds_qualifiers(name: str, qualifiers: tuple[str, ...]) -> bool:
    """Whether a body's name holds every telling qualifier of a description, by its first
    four letters ("the environmental agency", "Vell Environment Trust")."""
    stems = {w[:4] for w in re.findall(r"[a-z]+", name.lower())}
    return all(q[:4] in stems for q in qualifiers
               if q not in VAGUE_QUALIFIERS and q.isalpha())


def other_kind(head: str, name: str) -> bool:
    """Whether a body is of another kind than a description of one kind calls it: "the
    council" is not the "Quillmere Gardeners' Guild" the article named before, nor "the
    union" a company the article is about."""
    words = name.lower().replace(".", "").split()
    if head not in KIND_BODIES or not words or head in words:
        return False
    return words[-1] in KIND_WORDS | COMPANY_ENDINGS or company_plural(name)


def company_plural(name: str) -> bool:
    """A company's name ending in a plural of what it makes or does ("Brannock Textiles",
    "Harl Ferries")."""
    words = name.lower().replace(".", "").split()
    return len(words) > 1 and re.fullmatch(r"[a-z]{3,}[^su]s", words[-1]) is not None and \
        is_company(name)


def called(name: str, words: set[str]) -> bool:
    """Whether a body's name is one of these kinds: its last word ("... Workers' Union" is a
    union) or a word before "of"/"for"/"on" ("Department of State", "Commission on Harbour
    Safety"), not a word that only says what it is about ("Kestrel Airport Workers' Union"
    is no airport)."""
    parts = name.lower().replace(".", "").split()
    return any(word in words and (i == len(parts) - 1 or parts[i + 1] in {"of", "for", "on"})
               for i, word in enumerate(parts))


def is_company(name: str) -> bool:
    """An organisation "the company" can stand for: not a public body, party, union,
    school or newspaper ("Harbourline Ferries", "Tidewater Group", not "Port Authority")."""
    return not any(w in NOT_COMPANY_WORDS for w in name.lower().replace(".", "").split())
