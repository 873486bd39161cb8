"""Names from spaCy's entities: one entity span in, the repaired `Mention`s it holds out.

Goes in: a spaCy entity `Span` (PERSON, ORG and the like) of a parsed `Doc`, or a run of
tokens with the label to give it. Comes out: the person and organisation `Mention`s it
holds, each with its tokens (`mentions_from_entity`), or one `Mention` (or none) for a
run (`mention_from_tokens`); `mentions.find_mentions` calls these for every entity and
for the capitalised words spaCy left out.

spaCy's entity spans are repaired here: cut where a name ends ("Ross doesn", "Lohan
Checks Into Rehab"), split where an entity holds two people ("Lopez and Carrasquillo"),
two lines or a score ("Linden 3-1 Brookvale"), extended over a middle initial ("George
W" + ". Bush") and over a possessive body ("the Harbour Board's"), and cut past a title
("Transport Minister"). Label errors are repaired too: one word spaCy calls a person but
the text uses as a thing ("won an Oscar", "enter Rehab") is left unresolved; a tram line
or a room ("the Larkspur Line", "the Sky Gallery") is no actor; and a name spaCy calls an
organisation is a person when the text calls it "she" or "he".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .body_words import KIND_WORDS
from .descriptions import PERSON_TITLES, is_person_noun
from .entity_kinds import FIRM_NOUNS, apposed_firm_noun, verb_follows
from .models import Mention
from .name_repairs import OFFICE_TITLES, ORG_NAME_WORDS, honorific_before, is_given_word
from .names import HONORIFICS, NAME_PARTICLES, ORG_NOUNS, ROLE_NOUNS
from .nlp import text_of
from .people import FEMALE_WORDS, MALE_WORDS
from .roles import (
    COMMON_ROLE_WORDS,
    TRADE_TITLES,
    apposition_role,
    person_noun_before,
    relative_clause_role,
    split_person_tokens,
    starts_sentence,
    title_prefix,
)
from .text import DASHES, dateline_length

PLACE_WORDS = {"Lane", "Street", "St.", "Road", "Avenue", "Ave.", "Boulevard", "Bridge", "River",
               "Square", "Park", "Station", "Airport", "Harbour", "Harbor", "Highway", "Way",
               "Drive", "Place", "Tunnel", "Lake", "Mountain", "Valley", "Island", "Bay",
               "Falls", "Springs", "Heights", "Creek"}
# First words of places (and of ships named for them) that spaCy may take for a person.
PLACE_PREFIXES = {"Port", "Mount", "Fort", "Cape", "Lake", "Island", "Isle", "Glen", "Lough"}
PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}


def age_after(run: list[Token]) -> bool:
    """ "Raj Chohan, 59, was walking": a comma, a number that can be an age, a comma."""
    doc, end = run[0].doc, run[-1].i + 1
    if end + 2 >= len(doc) or doc[end].text != "," or not doc[end + 1].is_digit:
        return False
    after = doc[end + 3] if end + 3 < len(doc) else None
    return 0 < int(doc[end + 1].text) < 120 and doc[end + 2].text in {",", ".", ";"} and \
        not (after is not None and after.like_num)  # "XP, Vista, 7, 8": a list


# -- names from spaCy's entities ------------------------------------------------------

ORG_CONNECTORS = {"of", "and", "for", "the", "on", "in", "at", "de", "du", "des", "la", "le",
                  "y", "&", "'s"}
LIST_SEPARATORS = {"and", "&", ",", "or"}
# Prepositions of place a sentence may open with ("Inside Vell Crown Court, ...").
OPENING_PREPOSITIONS = {"inside", "outside", "at", "in", "near", "behind", "across", "within",
                        "beside", "opposite"}
NOT_NAME_POS = {"ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART"}
NOT_NAME_TAGS = {"VBG", "VBN", "VBD", "VBZ", "JJ", "JJR", "JJS", "RBR"}


def with_possessive_body(ent: Span) -> Span:
    """ "St Brennan's Hospital", tagged "St Brennan's" and a loose "Hospital": a body whose
    name holds a possessive, when the capitalised words after it end in a body's word."""
    doc = ent.doc
    after, plural = _after_possessive(ent)
    if after is None or (ent.label_ == "PERSON" and not plural and
                         ent[0].text not in {"St", "St.", "Saint"}):
        return ent  # "Varga's Harbour Board ally": a person and a board
    end = after
    # spaCy may tag the words after a plural possessive a name of their own ("the Transport
    # Workers'" a body, "Guild" a person); after "Varga's" they are one ("Varga's Harbour Board")
    while end < len(doc) and doc[end].is_title and doc[end].pos_ in {"PROPN", "NOUN"} and \
            (plural or not doc[end].ent_type_):
        end += 1
    if end == after or doc[end - 1].lower_ not in KIND_WORDS:  # "Hospital", "Guild"
        return ent
    return Span(doc, ent.start, end, label="ORG")


def with_name_head(ent: Span) -> Span:
    """ "Vell Harbour Ferries" tagged "Vell Harbour" and a loose "Ferries": an organisation
    whose last word the parser hangs on the capitalised word right after it (a compound of
    it) goes on to that word, over capitalised words in no entity of their own."""
    doc = ent.doc
    if ent.label_ not in ORG_LABELS:
        return ent
    end = ent.end
    while doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end:
        head = doc[end - 1].head.i
        # (a head that is itself a compound modifies what follows: "Vell Sales director")
        if doc[head].dep_ == "compound" or \
                any(doc[i].pos_ != "PROPN" or not doc[i].is_title or doc[i].ent_type_
                    for i in range(end, head + 1)) or \
                any("\n" in doc[i].whitespace_ for i in range(end - 1, head)):
            break
        end = head + 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


PLURAL_APOSTROPHES = {"'", "\u2019"}


def _after_possessive(ent: Span) -> tuple[int | None, bool]:
    """Where the words after the entity's possessive start ("'s" in it or just after it, or
    a plural's bare apostrophe: "Workers' "), and whether the possessive is a plural's."""
    doc = ent.doc
    if ent[-1].lower_ in {"'s", "\u2019s"}:
        return ent.end, False
    if ent.end < len(doc) and doc[ent.end].lower_ in {"'s", "\u2019s"}:
        return ent.end + 1, False
    if len(ent) > 1 and ent[-1].text in PLURAL_APOSTROPHES and _plural_noun(ent[-2]):
        return ent.end, True
    if ent.end < len(doc) and doc[ent.end].text in PLURAL_APOSTROPHES and _plural_noun(ent[-1]):
        return ent.end + 1, True
    return None, False


def _plural_noun(token: Token) -> bool:
    """ "Workers", "Pilots": a plural noun (not a surname ending in s, "Jones")."""
    return token.lower_.endswith("s") and (token.tag_ in {"NNS", "NNPS"} or
                                           token.lemma_.lower() != token.lower_)


def mentions_from_entity(ent: Span, article_id: str) -> list[tuple[Mention, list[Token]]]:
    """One mention per name in the entity: "Lopez and Carrasquillo" gives two people."""
    ent = _titled_name(ent)
    label = ent.label_
    if label == "FAC" and ent[-1].lower_ in ORG_NOUNS:
        label = "ORG"  # "St. Brennan's Hospital": a building that is also a body
    if label not in PERSON_LABELS | ORG_LABELS or _is_dateline(ent):
        return []
    if label in ORG_LABELS and len(ent) == 1 and ent[0].lower_ in PERSON_TITLES | \
            FEMALE_WORDS | MALE_WORDS:
        return []  # "Actress and champion swimmer ...", "Suspect had been fired": a person
    if len(ent) == 1 and ent[0].tag_ == "NNS" and ent[0].lemma_.lower() in PERSON_TITLES:
        return []  # "Keepers searched the grounds": people, no one named
    head = ent[0].head
    if label in ORG_LABELS and len(ent) == 1 and ent[0].dep_ in {"compound", "amod"} and \
            head.pos_ == "NOUN" and head.i == ent[0].i + 1 and not is_person_noun(head) and \
            head.lower_ not in ORG_NOUNS:
        # A word modifying a thing is no body ("Bike lanes", "Twitter feed"); a body's
        # people and parts stay ("a Pentagon spokesman", "the Lakeside council").
        return []
    ent = _past_a_title(ent)
    label = ent.label_ if ent.label_ == "PERSON" else label
    if label == "PERSON" and _names_a_team(list(ent)):
        label = "ORG"
    lines = _split_lines(list(ent))
    pieces = [p for line in lines for p in _split_scores(line)]
    if len(pieces) > 1 and len(lines) < len(pieces) and \
            not (label == "PERSON" and all(len(p) > 1 for p in pieces)):
        # "Linden 3-1 Brookvale": the two sides of a match are teams; "Luke Littler 7-3
        # Luke Humphries", named in full, are two players.
        label = "ORG"
    if label in PERSON_LABELS:
        pieces = [p for piece in pieces for p in _split_list(piece)]
    found = []
    for piece in pieces:
        piece, beside = _cut_at_dash(piece)
        if beside:
            found.append((_beside_a_dash(beside, article_id), beside))
        tokens = _extend_initial(_name_run(piece, label))
        mention = mention_from_tokens(tokens, label, article_id)
        if mention is not None and len(ent) == 1 and mention.label == "PERSON" and \
                _used_as_a_thing(ent[0]):  # "won an Oscar", "enter Rehab"
            mention = replace(mention, kind="candidate")
        if mention is not None:
            found.append((mention, tokens))
    return found




def _cut_at_dash(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Hawks - Venn Rumor", one entity to the tagger: the words before a spaced dash,
    and the capitalised words after it (none when any is not capitalised)."""
    at = next((k for k, t in enumerate(tokens[1:-1], 1) if t.text in DASHES and
               t.whitespace_ and tokens[k - 1].whitespace_), None)
    if at is None:
        return tokens, []
    after = tokens[at + 1:]
    if not all(t.is_alpha and t.text[0].isupper() for t in after):
        return tokens, []
    return tokens[:at], after


def _beside_a_dash(tokens: list[Token], article_id: str) -> Mention:
    """The words after a headline's spaced dash, unresolved: the story's names in them
    count ("Venn" of "Venn Rumor"), as in any headline run."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = text_of(tokens[0].doc)[start:end]
    return Mention(article_id, text, start, end, "", name=text, kind="headline")


def _titled_name(ent: Span) -> Span:
    """ "Transit Director Maren Osei", tagged a work of art (or a body, a place): title
    words ending in a role noun, then a given name and a surname, are a person, whatever
    the small model's label."""
    if ent.label_ == "PERSON" or len(ent) < 3:
        return ent
    for size in (2, 3):  # given name and surname, perhaps a middle name
        name = ent[len(ent) - size:]
        if len(name) == len(ent) or ent[-size - 1].lower_ not in ROLE_NOUNS or not all(
                t.is_alpha and t.is_title and t.lower_ not in ROLE_NOUNS | ORG_NOUNS |
                ORG_NAME_WORDS | NAME_PARTICLES and t.text not in PLACE_WORDS for t in name):
            continue
        role, start = title_prefix(ent.doc, ent.start, name_start=name.start)
        if role is not None and start == ent.start:
            return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


def _names_a_team(tokens: Sequence[Token]) -> bool:
    """ "San Marcos Falcons", tagged as a person: a plural last word that the article
    also writes after "the" ("the Falcons said"), not before a noun ("the Rowlands
    family") and with no honorific, title or age that says person."""
    last, doc = tokens[-1], tokens[0].doc
    if not last.is_title or not re.fullmatch(r"[A-Za-z]+[^s]s", last.text) \
            or honorific_before(doc, tokens[0].i) or age_after(list(tokens)):
        return False
    return any(t.text == last.text and t.i and doc[t.i - 1].lower_ == "the" and
               (t.i + 1 == len(doc) or doc[t.i + 1].pos_ not in {"NOUN", "PROPN"})
               for t in doc)


def _past_a_title(ent: Span) -> Span:
    """An entity that is only a title ("Councillor" in "Councillor Ana Ruiz disagreed"),
    where the tagger missed the name after it: the title and that name, one person."""
    doc = ent.doc
    if not all(t.lower_.rstrip(".") in OFFICE_TITLES | ROLE_NOUNS for t in ent):
        return ent
    end = ent.end
    while end < len(doc) and end - ent.end < 3 and doc[end].pos_ == "PROPN" and \
            doc[end].ent_iob_ == "O" and doc[end].is_alpha and doc[end].text[0].isupper():
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


def _split_lines(tokens: list[Token]) -> list[list[Token]]:
    """An entity across a line break ("Jags\n\nQuarterback Peyton Manning") is two."""
    pieces: list[list[Token]] = [[]]
    for token in tokens:
        if not token.is_space:
            pieces[-1].append(token)
        if "\n" in token.text or "\n" in token.whitespace_:
            pieces.append([])
    return [p for p in pieces if p]


SCORE_RE = re.compile(r"\d{1,3}[-\u2013]\d{1,3}")


def _split_scores(tokens: list[Token]) -> list[list[Token]]:
    """A score is no part of a name: "Linden 3-1" is Linden, "Linden 3-1 Brookvale" two
    sides."""
    text = "".join(t.text_with_ws for t in tokens)
    scores = [m for m in SCORE_RE.finditer(text)
              if not text[m.end():m.end() + 1].isalnum() and
              (m.start() == 0 or not text[m.start() - 1].isalnum())]
    if not scores:
        return [tokens]
    offset = tokens[0].idx
    inside = {t.i for t in tokens for m in scores
              if m.start() <= t.idx - offset < m.end()}
    pieces: list[list[Token]] = [[]]
    for token in tokens:
        if token.i in inside:
            if pieces[-1]:
                pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in pieces if p]


def _split_list(tokens: list[Token]) -> list[list[Token]]:
    pieces: list[list[Token]] = [[]]
    for token in tokens:
        if token.lower_ in LIST_SEPARATORS:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in pieces if p]


def _name_run(tokens: list[Token], label: str) -> list[Token]:
    """The leading part of an entity that is a name: spaCy spans run past names into
    lower-case words ("Ross doesn"), across slashes, dashes and line breaks, and into
    headline words ("Lohan Checks Into Rehab")."""
    run: list[Token] = []
    for token in tokens:
        if run and _ends_name(token, run[-1], label):
            break
        run.append(token)
    if label in PERSON_LABELS and len(run) > 1 and starts_sentence(run[0]) and \
            (run[0].tag_ in NOT_NAME_TAGS or _detached(run[0], run)):
        run = run[1:]  # "Joining Cooley at ...", "Stunning Williams ...", "Following Gigante's"
    return run


def _detached(token: Token, run: list[Token]) -> bool:
    """A name word hangs on another word of the name; this one heads the clause or hangs
    outside the name (a preposition "Following" before "Gigante's conviction")."""
    return token.head == token or not run[0].i <= token.head.i <= run[-1].i


def _ends_name(token: Token, previous: Token, label: str) -> bool:
    if "\n" in previous.whitespace_ or token.is_space:
        return True
    if token.text == "&" and label in ORG_LABELS:
        # "Ferrand & Lyle": one firm (a tokenizer's punctuation mark); but after a body's
        # noun, "Harwick Council & Lenham Police" joins two bodies
        return previous.lower_ in ORG_NOUNS
    if token.is_punct and token.text not in {".", "'", "\u2019", "'s", "\u2019s"}:
        joined = not previous.whitespace_ and not token.whitespace_
        return not (token.text == "-" and joined)  # "Smith-Jones" stays one name
    if _headline_verb(token, previous):
        return True  # "Ilse Varga Speaks Out On ...": a title-case verb is the headline's
    lower_word = token.text[:1].islower()
    if label in ORG_LABELS:
        return lower_word and token.lower_ not in ORG_CONNECTORS
    if lower_word:
        return token.lower_ not in NAME_PARTICLES and token.text not in {"'s", "\u2019s"}
    return token.pos_ in NOT_NAME_POS


def _headline_verb(token: Token, previous: Token) -> bool:
    """A title-case verb after a name in a run of title-case words ("Ilse Varga Speaks
    Out"), not a given name after a title ("Councillor Said Benhaddou praised") nor a
    verb in running text, whose next word is lower-case."""
    if not (token.is_title and token.tag_ in {"VBZ", "VBD"} and previous.pos_ == "PROPN"):
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    title_word = previous.lower_.rstrip(".") in HONORIFICS or \
        previous.lower_ in PERSON_TITLES | TRADE_TITLES
    return after is not None and after.is_title and not title_word


def _extend_initial(tokens: list[Token]) -> list[Token]:
    """ "George W" + ". Bush": spaCy may stop a name at a middle initial."""
    if not tokens or not re.fullmatch(r"[A-Z]\.?", tokens[-1].text):
        return tokens
    doc = tokens[-1].doc
    index = tokens[-1].i + 1
    if not tokens[-1].text.endswith(".") and index < len(doc) and doc[index].text == ".":
        index += 1
    end = index
    while end < len(doc) and end - index < 2 and doc[end].pos_ == "PROPN" and \
            doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    if end == index:
        return tokens
    return tokens + list(doc[tokens[-1].i + 1:end])


def _strip_edges(tokens: list[Token], label: str) -> list[Token]:
    """No name ends in a possessive, punctuation or a lower-case word ("Thompson in"), nor
    a person's in an initial ("Benjamin U. S."); none starts with "the" or a preposition."""
    person = label in PERSON_LABELS
    while tokens and (tokens[-1].text in {"'s", "\u2019s", "'"} or tokens[-1].is_punct or
                      tokens[-1].text[:1].islower() or person and len(tokens) > 1 and
                      re.fullmatch(r"[A-Z]\.?", tokens[-1].text) or
                      person and _headline_deed(tokens[-1])):
        if person and _headline_deed(tokens[-1]) and \
                all(t.lower_ in PERSON_TITLES or is_person_noun(t) for t in tokens[:-1]):
            return []  # "Driver Charged": a headline's person noun, no name
        tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct or person and
                      len(tokens) > 1 and tokens[0].pos_ in NOT_NAME_POS):
        tokens = tokens[1:]
    if len(tokens) > 1 and _opening_preposition(tokens):
        tokens = tokens[1:]
    return tokens


# words opening a byline or picture credit line
CREDIT_OPENERS = frozenset({"by", "photo", "photograph", "photos", "picture", "pictures", "image",
                            "credit", "reporting", "writing", "editing", "story", "words"})


def _headline_deed(token: Token) -> bool:
    """A past-tense verb ending a headline's line ("Driver Charged", "Ada Rusk Jailed"): what
    was done to the person, which the tagger took into the name; a name ending in "-ed"
    ("Ahmed", "Fred") is a proper noun to it, not a verb."""
    line_ends = "\n" in token.whitespace_ or token.i + 1 == len(token.doc) or \
        token.nbor(1).is_space and "\n" in token.nbor(1).text
    if not (line_ends and token.is_title and token.lower_.endswith("ed")) or \
            _credit_line(token):
        return False
    if token.pos_ == "VERB" and token.tag_ in {"VBD", "VBN"}:
        return True
    # tagged a proper noun in the title-case line: a past verb where the body writes it
    # lower-case ("Orla Finnegan Jailed" ... "was jailed"); "Lena Speed" beside "speed up" is
    # a surname, as "speed" there is no past form
    return any(t.lower_ == token.lower_ and t.text.islower() and t.tag_ in {"VBD", "VBN"}
               for t in token.doc)


def _credit_line(token: Token) -> bool:
    """A byline or picture credit ("By Ana Reed", "Photo: Tom Sped"): it names who wrote or
    photographed, so a surname ending it is never a deed done to them."""
    start = token.i
    while start > 0 and "\n" not in token.doc[start - 1].text_with_ws:
        start -= 1
    line = [t.lower_ for t in token.doc[start:token.i] if not t.is_space]
    return bool(line) and (line[0] in CREDIT_OPENERS or "by" in line)


def _opening_preposition(tokens: list[Token]) -> bool:
    """ "Inside Vell Crown Court, the lawyer argued": a preposition opening the sentence,
    with the phrase it opens set off by a comma, is capitalised only because it comes
    first (the tagger may still call it a proper noun)."""
    first, last = tokens[0], tokens[-1]
    after = first.doc[last.i + 1] if last.i + 1 < len(first.doc) else None
    # (not a name the words after the comma describe, set off by a second comma: "Inside
    # Housing Weekly, a trade magazine, reported" is the magazine's; the parser may take
    # "the lawyer" of "Inside X Court, the lawyer argued" for such words too)
    described = any(c.dep_ in {"appos", "relcl"} and c.i > last.i and
                    c.right_edge.i + 1 < len(c.doc) and c.doc[c.right_edge.i + 1].text == ","
                    for c in last.children)
    return first.lower_ in OPENING_PREPOSITIONS and starts_sentence(first) and \
        after is not None and after.text == "," and not described


def _titles_only(tokens: list[Token]) -> bool:
    """ "as Head Coach": a job's words only, no one's name. The last word must end a
    compound job ("Head Coach", "General Manager"): after a title alone it is a surname
    that is also a job ("Coach Marshal", "Judge Bishop"), and "General Manager Billy King"
    keeps "King", a surname after a given name the title run took in."""
    return len(tokens) > 1 and tokens[-2].lower_ in COMMON_ROLE_WORDS and \
        all(t.lower_ in ROLE_NOUNS | PERSON_TITLES for t in tokens)


def mention_from_tokens(tokens: list[Token], label: str, article_id: str) -> Mention | None:
    tokens = _strip_edges(tokens, label)
    if _a_route_or_a_room(tokens, label):
        return None
    if not tokens or tokens[-1].text in PLACE_WORDS and \
            not (label in ORG_LABELS and tokens[-1].lower_ in ORG_NOUNS):
        # "Mill Lane", "Kestrel River Bridge": places, not people or bodies; "Kestrel
        # Regional Airport" both, and it speaks ("the airport said")
        return None
    if label in PERSON_LABELS and len(tokens) > 1 and tokens[0].text in PLACE_PREFIXES:
        return None  # "Port Dunmore", "Island Wren" (a ship): no one's name
    doc = tokens[0].doc
    start_char = tokens[0].idx
    end_char = tokens[-1].idx + len(tokens[-1].text)
    if label in PERSON_LABELS and len(tokens) > 1 and \
            tokens[-1].lower_ in ORG_NOUNS | ORG_NAME_WORDS and tokens[-1].text[0].isupper():
        label = "ORG"  # "George Washington University", "Dunmore Herald", "Sound Ferries"
    if label in ORG_LABELS and not _org_looks_like_person(doc, tokens):
        name = text_of(doc)[start_char:end_char]
        cue = _called_a_body(tokens) if len(tokens) > 1 else None
        return Mention(article_id, name, start_char, end_char, "ORG", name=name, cue=cue)
    honorific, name_tokens, inner_role = split_person_tokens(tokens)
    if not name_tokens or inner_role and not honorific and _titles_only(tokens):
        return None
    # Spaced as written: "Adeyemi-Lindqvist" is one word of the name, not three.
    name = " ".join("".join(t.text_with_ws for t in name_tokens).split())
    prefix_role, prefix_start = title_prefix(
        doc, tokens[0].i, name_start=name_tokens[0].i if inner_role else None)
    role = prefix_role or inner_role or apposition_role(name_tokens[-1]) or \
        person_noun_before(doc, tokens[0].i) or relative_clause_role(name_tokens[-1])
    honorific = honorific or honorific_before(doc, tokens[0].i)
    cue = _called_a_body(tokens) if not honorific and len(name_tokens) > 1 else None
    if cue is not None:
        name = text_of(doc)[start_char:end_char]
        return Mention(article_id, name, start_char, end_char, "ORG", name=name, cue=cue)
    text_start = min(start_char, doc[prefix_start].idx) if prefix_role else start_char
    return Mention(article_id, text_of(doc)[text_start:end_char], start_char, end_char, "PERSON",
                   name=name, role=role, honorific=honorific)


def _called_a_body(tokens: list[Token]) -> str | None:
    """The company noun beside a name spaCy calls a person that makes it a business:
    ", firm" in apposition ("Abernathy Cole, the accounting firm"), "firm" before it ("the
    law firm Abernathy Cole"; not "the firm Tom Roe set up"). Not any body's noun ("center
    Sam Dalembert" plays basketball), nor "it" after it: "Abernathy Cole said it would"
    reads like "Dana Marsh said it would rain"."""
    doc, root = tokens[0].doc, tokens[-1]
    apposed = apposed_firm_noun(doc[tokens[0].i:root.i + 1])
    if apposed is not None:
        return f", {apposed.lower_}"
    noun = doc[tokens[0].i - 1] if tokens[0].i else None
    if noun is not None and noun.is_lower and noun.lemma_ in FIRM_NOUNS and \
            (noun.head.i in range(tokens[0].i, root.i + 1) or root.head == noun) and \
            not verb_follows(doc, root.i + 1):  # "the firm Tom Roe set up" is his
        return noun.lower_
    return None


PLACE_PREPOSITIONS = {"from", "in", "at", "on", "near", "between", "to", "into", "onto", "over",
                      "across", "outside", "inside", "toward", "towards", "via", "through"}


def _used_as_a_thing(token: Token) -> bool:
    """One capitalised word spaCy calls a person where the text uses it as a thing: after
    "a", "an" or "the" ("won an Oscar", "the Bulldogs"), plural, modifying a common noun
    ("Twitter feed", "Lebap province"), after a preposition of place ("from Devon", "on
    Twitter") or as a verb's object ("enter Rehab"); unless an honorific, a title or an age
    says person, or a given name the tagger missed stands before it ("struck Marisol
    Quenby"). Such a word stays a candidate, a person only if the story names someone with
    it."""
    doc = token.doc
    before = doc[token.i - 1] if token.i else None
    if honorific_before(doc, token.i) or title_prefix(doc, token.i)[0] or \
            age_after([token]) or before is not None and is_given_word(before) and \
            before.whitespace_ == " ":
        return False  # "struck Marisol Quenby": a surname after its given name
    if before is not None and before.lower_ in {"a", "an", "the"} or token.tag_ == "NNPS":
        return True
    if token.dep_ in {"compound", "amod"}:
        return token.head.pos_ == "NOUN"
    if token.dep_ == "pobj":
        return token.head.lower_ in PLACE_PREPOSITIONS
    return token.dep_ == "dobj"


def _org_looks_like_person(doc: Doc, tokens: list[Token]) -> bool:
    """spaCy tags some people as ORG; a title before them, an age after them ("Kafoury,
    63,") or a speech verb after settles it."""
    if not 1 <= len(tokens) <= 3 or not all(t.text[:1].isupper() and not t.is_upper
                                            for t in tokens):
        return False
    if any(t.lower_ in ORG_NOUNS or t.lower_ in ORG_NAME_WORDS for t in tokens):
        return False
    if len(tokens) > 2 and tokens[0].lower_ in OFFICE_TITLES and \
            tokens[-1].lower_.rstrip(".") not in {"co", "inc", "ltd", "llc", "plc"}:
        return True  # the tagger took the title in: "Councillor Oren Dahl"
    prefix_role, _start = title_prefix(doc, tokens[0].i)
    if prefix_role or honorific_before(doc, tokens[0].i) or age_after(tokens):
        return True
    root = tokens[-1]
    if any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_TITLES for c in root.children):
        return True  # "Amara Osei, the chief engineer, ...", "Cal Marsh, the Hawks pitcher"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and is_person_noun(root.head):
        return True  # "The authority's chief executive, Ivo Brandt, ..."
    if _names_a_team(tokens) or tokens[0].i and doc[tokens[0].i - 1].lower_ == "the":
        return False  # "the Ridgeway Hawks said": a body
    if len(tokens) > 1 and root.dep_ == "nsubj" and root.head.lemma_ in {
            "say", "tell", "add", "warn", "announce", "state"}:
        # An agency named after its country ("Health Canada") or a plural ("Harbourline
        # Ferries") speaks as a body.
        return root.tag_ != "NNPS" and not _names_a_place(doc, tokens)
    return len(tokens) > 1 and root.tag_ != "NNPS" and _referred_to_as_a_person(tokens)


# Countries and provinces that federal and provincial bodies are named after.
COUNTRY_WORDS = {"canada", "ontario", "quebec", "alberta", "manitoba", "saskatchewan",
                 "america", "britain", "england", "scotland", "wales", "ireland", "australia"}


def _names_a_place(doc: Doc, tokens: list[Token]) -> bool:
    """Whether a word of the name is a country or a place the article names elsewhere."""
    places = {t.lower_ for e in doc.ents if e.label_ in {"GPE", "LOC", "NORP"} for t in e}
    return any(t.lower_ in COUNTRY_WORDS or t.lower_ in places for t in tokens)


def _referred_to_as_a_person(tokens: list[Token]) -> bool:
    """A subject the text then calls "he" or "she": "Britney Spears said she was tired",
    "Britney Spears checked into a clinic. She was tired." Only when no one else is named
    before it or in its sentence (the pronoun could be theirs); an organisation is "it"
    or "they"."""
    doc, root = tokens[0].doc, tokens[-1]
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    sentence = root.sent
    others = [e for e in doc.ents if e.label_ == "PERSON" and e.start < sentence.end and
              e.start != tokens[0].i]
    if others:  # "she" may be someone named before
        return False
    verb = root.head
    # Only pronouns that must be the subject itself: "Spears said she was tired",
    # "Spears hurt herself". An object "him"/"her" or a possessive is usually someone
    # else: "Dunmore United sacked him", "Kestrel Airways told her".
    same_clause = any(t.i > root.i and (
        t.lower_ in {"himself", "herself"} and (t.head == verb or t.head.head == verb)
        or t.lower_ in {"he", "she"} and t.dep_ in {"nsubj", "nsubjpass"}
        and t.head.head == verb) for t in sentence)
    if same_clause:
        return True
    following = doc[sentence.end].sent if sentence.end < len(doc) else None
    return verb.dep_ == "ROOT" and following is not None and any(
        t.lower_ in {"he", "she"} and t.dep_ in {"nsubj", "nsubjpass"} for t in following[:3])


def _is_dateline(ent: Span) -> bool:
    """ "DUNMORE (Wire) -" opening a paragraph is a place line, not an organisation; nor is
    the credit in its brackets (the "NWS" of "GREYSTONE (NWS) -": the outlet)."""
    start = ent.start_char
    text = text_of(ent.doc)
    at_paragraph_start = start == 0 or text[start - 1] == "\n"
    if at_paragraph_start and ent[0].is_upper and len(ent[0].text) > 3:
        return True
    paragraph = text.rfind("\n", 0, start) + 1
    return ent.end_char <= paragraph + dateline_length(text[paragraph:ent.end_char + 8])


# -- things written like names: tram lines and rooms -------------------------------------

ROUTE_WORDS = {"Line", "Loop", "Tramway"}  # "the Larkspur Line": a tram or rail line
ROOM_WORDS = {"gallery", "hall", "room", "wing", "chamber", "pavilion", "auditorium"}
ROOM_BEFORE = {"in", "into", "inside", "at", "through", "'s", "\u2019s"}


def _a_route_or_a_room(tokens: list[Token], label: str) -> bool:
    """ "Larkspur Line" (tagged a person) is a tram line; "the museum's new Sky Gallery"
    and "shown in the Sky Gallery" are rooms, not bodies that act or speak."""
    if len(tokens) < 2 or not tokens[-1].text[:1].isupper():
        return False
    if tokens[-1].text in ROUTE_WORDS:
        return label in PERSON_LABELS
    if tokens[-1].lower_ not in ROOM_WORDS:
        return False
    doc, index = tokens[0].doc, tokens[0].i - 1
    while index >= 0 and (doc[index].lower_ == "the" or doc[index].pos_ == "ADJ"):
        index -= 1  # "in the new Sky Gallery"
    return index >= 0 and doc[index].lower_ in ROOM_BEFORE
