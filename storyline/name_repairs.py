"""Repairs of one article's names after spaCy's pass: what the tagger missed or mislabelled.

Goes in: a parsed spaCy `Doc` and the mentions `mentions.find_mentions` has found so far.
Comes out: those mentions repaired, and the names the tagger skipped, each by one pass:

- `missed_names`: "Ms. Varga" the tagger skipped, and a bare surname of someone the
  article named in full before;
- `with_given_name`: a word the tagger took for a place before a one-word name is its given
  name ("Kathina" GPE + "Thomas");
- `with_acronyms`: an acronym set in brackets after a body's name ("(HRD)") names that
  body wherever the article uses it;
- `with_pronoun`: a named subject the text goes on to call "she" or "he" has that gender.

Also the words these passes and `mentions` share to tell a name from a title, a body's
word or a place (`OFFICE_TITLES`, `ORG_NAME_WORDS`, `CUE_LABELS`, ...) and a small
reader of the text before a name (`honorific_before`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .descriptions import PERSON_TITLES, is_person_noun
from .models import Mention
from .names import HONORIFICS, ORG_NOUNS, ROLE_NOUNS, surname
from .nlp import TITLE_ABBREVIATIONS as POLICE_TITLES
from .nlp import text_of
from .people import GENDERED_PRONOUNS
from .roles import COMMON_ROLE_WORDS, SPELLED_TITLES, TITLE_MODIFIERS, starts_sentence

ORG_NAME_WORDS = {"press", "herald", "times", "news", "post", "works", "inc", "ltd", "group",
                  "corp", "bank", "fund", "media", "daily", "weekly", "journal", "tribune",
                  "gazette", "observer", "ledger", "courier", "brief", "steel", "energy",
                  "airways", "airlines", "air", "trust", "united", "rovers", "city", "motors",
                  "holdings", "partners", "systems", "labs", "technologies", "pharma",
                  "mining", "foods", "railways", "rail", "telecom", "insurance", "ferries",
                  "lines", "shipping", "taxis", "coaches", "buses", "wire", "transit",
                  # shops and trades no one's name ends in: "Hollowell Bakery"
                  "bakery", "brewery", "distillery", "creamery", "dairy", "pharmacy",
                  "estates", "lettings", "garage", "hotel", "restaurant", "textiles",
                  "fabrics"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entity labels under which a proper noun may still be a person, given a cue.
CUE_LABELS = {"", "PERSON", "WORK_OF_ART", "PRODUCT"} | PLACE_LABELS
# Labels under which a word may still be a person's given name or surname ("Kathina" GPE).
NAME_WORD_LABELS = CUE_LABELS - {"PERSON"}
# Abbreviated titles, without their dots: those the tokenizer keeps whole, and more.
TITLE_ABBREVIATIONS = SPELLED_TITLES.keys() | {"st"} | {
    title.rstrip(".").lower() for title in POLICE_TITLES}
HONORIFIC_NAME_RE = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Dr|Prof) ?\.? (?P<name>[A-Z][a-z]*"
                               r"(?:['\u2019]?[A-Z])?[a-z]+(?:-[A-Z][a-z]+)?)\b")


SPEECH_LEMMAS = {"say", "tell", "add", "warn", "announce", "state", "explain", "insist", "ask",
                 "write", "note", "reply", "respond", "argue", "recall", "admit", "acknowledge",
                 "suggest", "predict", "urge", "stress", "claim", "emphasize", "emphasise",
                 "tweet", "testify", "concede", "complain", "agree", "confirm", "deny"}


# Titles that only a person holds, as the first word of what spaCy tags an organisation.
OFFICE_TITLES = {"councillor", "councilor", "councilman", "councilwoman", "premier", "mayor",
                 "minister", "senator", "governor", "president", "judge", "commissioner",
                 "sheriff", "constable", "sergeant", "inspector", "detective", "coach",
                 "professor", "ambassador", "representative", "congressman", "congresswoman",
                 "superintendent", "trooper", "chairman", "chairwoman", "mp", "mpp", "mla"}


def missed_names(doc: Doc, article_id: str, found: list[Mention], covered: set[int],
                  headline: set[int]) -> list[Mention]:
    """Names the tagger skipped: "Ms. Varga", or a bare surname of someone named earlier."""
    surnames = {surname(m.name) for m in found if m.label == "PERSON" and " " in m.name}
    extra: list[Mention] = []
    for match in HONORIFIC_NAME_RE.finditer(text_of(doc)):
        span = doc.char_span(match.start("name"), match.end("name"))
        if span is None or any(t.i in covered or t.i in headline for t in span):
            continue
        covered.update(t.i for t in span)
        honorific = HONORIFICS[match.group("title").lower()]
        extra.append(Mention(article_id, match.group(0), span.start_char, span.end_char,
                             "PERSON", name=span.text, honorific=honorific))
    for token in doc:
        if token.i in covered or token.i in headline or token.text not in surnames or \
                not token.text[0].isupper() or token.is_upper:
            continue
        covered.add(token.i)
        extra.append(Mention(article_id, token.text, token.idx, token.idx + len(token.text),
                             "PERSON", name=token.text,
                             honorific=honorific_before(doc, token.i)))
    return extra


def with_pronoun(doc: Doc, mention: Mention) -> Mention:
    """A named subject the text goes on to call "she" or "he" ("Raj Chohan was leaving her
    car when she was hit"): that gender, when no other person is named in between. Only
    the subject's own clause or the next sentence's subject: an object "her" is often
    someone else ("Smith hit her")."""
    if mention.kind != "name" or mention.label != "PERSON":
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return mention
    verb, sentence = span.root.head, span.root.sent
    # After "..., Vanore said." the next "She" is mostly the one the quote was about.
    following = doc[sentence.end].sent if sentence.end < len(doc) and \
        verb.lemma_ not in SPEECH_LEMMAS and verb.dep_ == "ROOT" else None
    words = list(doc[span.end:sentence.end]) + (list(following[:3]) if following else [])
    for token in words:
        if token.ent_type_ in {"PERSON", "ORG"} or token.is_quote or \
                token.pos_ == "PROPN" and not token.ent_type_ or \
                token.pos_ == "NOUN" and is_person_noun(token):
            # someone else (maybe) named or described first ("Tom Roe and his wife were
            # hurt. She ..."), or quoted words: the pronoun may not be theirs
            return mention
        gender = GENDERED_PRONOUNS.get(token.lower_)
        if gender is None:
            continue
        if token.sent != sentence:
            own = token.dep_ in {"nsubj", "nsubjpass"}
        else:  # "..., and he", "... when she was hit"; not "said that he" (someone else)
            # nor "Marsh complained that Dahl had ignored her call": in a reported clause
            # a possessive is often the reporter's.
            own = (token.dep_ in {"nsubj", "nsubjpass"} or
                   token.dep_ == "poss" and verb.dep_ != "ccomp") and _clause_of(token, verb)
        return replace(mention, pronoun=gender) if own else mention
    return mention


def _clause_of(pronoun: Token, verb: Token) -> bool:
    """The pronoun belongs to the verb's clause or one joined to it by "and" or "when", not
    a reported or embedded one."""
    head = pronoun.head
    if pronoun.dep_ == "poss":
        head = head.head
    while head != verb:
        if head.dep_ not in {"conj", "advcl"} or head.head == head:
            return False
        head = head.head
    return True


ACRONYM_AFTER_RE = re.compile(r"\s*\(\s*([A-Z][A-Z&]{1,7})\s*\)")


def with_acronyms(doc: Doc, article_id: str, mentions: list[Mention], covered: set[int]
                   ) -> list[Mention]:
    """An organisation's acronym set in brackets after its name ("the Oakhurst Voters
    League (OVL)") names it there and wherever the article uses it alone, tagged or not
    ("the OVL said", "OVL members"): each such mention carries the full name."""
    text = text_of(doc)
    defined: dict[str, str] = {}
    for m in mentions:
        match = ACRONYM_AFTER_RE.match(text, m.end)
        if m.label == "ORG" and m.kind == "name" and " " in m.name and match and \
                _abbreviates(match.group(1), m.name):
            defined.setdefault(match.group(1), m.name)
    if not defined:
        return mentions
    kept = [replace(m, label="ORG", kind="name", name=defined[m.name], role=None)
            if m.name in defined and m.kind in {"name", "candidate"} else m for m in mentions]
    for token in doc:
        if token.text in defined and token.i not in covered:
            covered.add(token.i)
            kept.append(Mention(article_id, token.text, token.idx, token.idx + len(token.text),
                                "ORG", name=defined[token.text]))
    return kept


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym's letters are initials of the name's words, in order ("HRD" of
    "Department of Housing and Rural Development"), the first one its first letter or
    a capitalised word's."""
    words = re.findall(r"[A-Za-z&]+", name)
    letters = iter(w[0].upper() for w in words)
    return acronym[0] in {w[0] for w in words if w[0].isupper()} and \
        all(letter in letters for letter in acronym)


def with_given_name(doc: Doc, mention: Mention, covered: set[int], headline: set[int]
                     ) -> Mention:
    """A one-word name right after a capitalised word the tagger took for a place or a
    thing ("Kathina" GPE + "Thomas" PERSON): that word is the given name, "Kathina Thomas".
    Not a title, an honorific, a people's name ("American Tom Roe") or a second capital
    before it ("New York Smith")."""
    if mention.kind != "name" or mention.label != "PERSON" or " " in mention.name or \
            len(mention.text) != mention.end - mention.start:
        return mention
    span = doc.char_span(mention.start, mention.end)
    if span is None or not span.start or span[0].tag_ == "NNPS":
        return mention
    word = doc[span.start - 1]
    before = doc[word.i - 1] if word.i else None
    if word.i in covered or word.i in headline or not is_given_word(word) or \
            word.whitespace_ != " " or before is not None and before.text[:1].isupper() and \
            not starts_sentence(word):
        return mention
    covered.add(word.i)
    text = text_of(doc)[word.idx:mention.end]
    return replace(mention, text=text, start=word.idx, name=f"{word.text} {mention.name}",
                   honorific=mention.honorific or honorific_before(doc, word.i))


def is_given_word(token: Token) -> bool:
    """A capitalised proper noun that can be a given name: no title, honorific or person
    noun ("Coach", "Mr"), no people's or organisation's name."""
    key = token.lower_.rstrip(".")
    return token.is_alpha and token.is_title and token.pos_ == "PROPN" and \
        token.ent_type_ in NAME_WORD_LABELS and key not in ROLE_NOUNS and \
        key not in PERSON_TITLES and key not in HONORIFICS and \
        key not in TITLE_ABBREVIATIONS and key not in OFFICE_TITLES and \
        key not in COMMON_ROLE_WORDS and key not in TITLE_MODIFIERS and \
        key not in ORG_NOUNS and key not in ORG_NAME_WORDS




def honorific_before(doc: Doc, start: int) -> str | None:
    """ "Ms." or "Ms" (or ECB+'s "Ms ." ) just before a name; capitalised ("to miss Dallas")."""
    word = doc[start - 1] if start else None
    if word is not None and word.text == "." and start >= 2:
        word = doc[start - 2]
    if word is None or not word.text[:1].isupper():
        return None
    return HONORIFICS.get(word.lower_.rstrip("."))
