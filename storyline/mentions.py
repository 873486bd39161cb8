"""People and organisations: their mentions in one article.

Goes in: a parsed spaCy `Doc`. Comes out: `Mention`s, in text order: names with
honorifics, roles (from title prefixes and appositions, normalised) and nicknames;
descriptions ("the minister"; "a Brooklyn mother", kind "description"), each with the name
it stands beside when the text gives one (apposition, "is", a restated lead); and
unresolved capitalised words ("candidate", "headline") that `entities.link_entities`
settles against the whole story.

spaCy's entity spans are repaired first: cut where a name ends ("Ross doesn",
"Lohan Checks Into Rehab"), split where an entity holds two people ("Lopez and
Carrasquillo") or two lines, extended over a middle initial ("George W" + ". Bush").
Proper nouns spaCy missed count as people when the text around them says so (an
honorific, an age, a title, a role in apposition, a speech verb), and a word the tagger
took for a place is a given name right before a one-word name ("Kathina" + "Thomas") or
part of a name its article gave in full before. Label errors the other way are repaired
too: one word spaCy calls a person but the text uses as a thing ("won an Oscar", "enter
Rehab") is left unresolved, and a name spaCy calls an organisation is a person when the
text calls it "she" or "he".

Also: an acronym set in brackets after a body's name ("(HRD)") names that body wherever the
article uses it; a score ("Linden 3-1 Brookvale") is no part of a name; a named subject the
text goes on to call "she" or "he" carries that gender (`Mention.pronoun`); a person noun in
a sentence-case title ("Man charged with arson") is a headline noun where its deed names
its person. Which lines are headlines or title lines, and what their runs are, is
`headlines`' part; which names the words around them make bodies or places ("the firm
Bramley Dawson", "Parents in Stoke Abbas") is `entity_kinds`'; what a person's title,
apposition or relative clause says the person is ("Transport Minister", "who chairs the
union") is `roles`'; the repair passes (names the tagger missed, given names taken for
places, acronyms, pronouns) are `name_repairs`'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .body_words import KIND_WORDS
from .descriptions import (
    PERSON_TITLES,
    apposed_descriptions,
    describe_names,
    find_descriptions,
    headline_doers,
    is_person_noun,
    prenominal_descriptions,
)
from .entity_kinds import (
    COMPANY_ENDINGS,
    COMPANY_NOUNS,
    FIRM_NOUNS,
    apposed_firm_noun,
    settle_kinds,
    told_of_with_which,
    verb_follows,
    with_settlement_cues,
    with_written_honorific,
)
from .headlines import (
    headline_tokens,
    set_beside,
    title_doers_only,
    title_line,
    title_noun,
)
from .models import Mention
from .name_repairs import (
    CUE_LABELS,
    NAME_WORD_LABELS,
    OFFICE_TITLES,
    ORG_NAME_WORDS,
    PLACE_LABELS,
    SPEECH_LEMMAS,
    TITLE_ABBREVIATIONS,
    honorific_before,
    is_given_word,
    missed_names,
    with_acronyms,
    with_given_name,
    with_pronoun,
)
from .names import (
    HONORIFICS,
    NAME_PARTICLES,
    ORG_NOUNS,
    ROLE_NOUNS,
    name_parts,
    person_key,
    surname,
)
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
    with_other_roles,
)
from .text import dateline_length

PLACE_WORDS = {"Lane", "Street", "St.", "Road", "Avenue", "Ave.", "Boulevard", "Bridge", "River",
               "Square", "Park", "Station", "Airport", "Harbour", "Harbor", "Highway", "Way",
               "Drive", "Place", "Tunnel", "Lake", "Mountain", "Valley", "Island", "Bay",
               "Falls", "Springs", "Heights", "Creek"}
# First words of places (and of ships named for them) that spaCy may take for a person.
PLACE_PREFIXES = {"Port", "Mount", "Fort", "Cape", "Lake", "Island", "Isle", "Glen", "Lough"}
PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}


# -- finding mentions in one article ------------------------------------------------

def find_mentions(doc: Doc, article_id: str) -> list[Mention]:
    """Person and organisation mentions of one article: names and nominals.

    Also unresolved mentions for `link_entities` to settle against the whole story:
    "candidate" (a capitalised proper noun spaCy did not call a person or organisation,
    labelled with spaCy's entity label or "") and "headline" (a capitalised run of a
    title-case or all-caps line, where spaCy's entity spans are unreliable).
    """
    mentions: list[Mention] = []
    covered = _credit_line_tokens(doc)  # "This story was distributed by X.": no actor
    headline = headline_tokens(doc)
    place_words = {t.lower_ for ent in doc.ents if ent.label_ in {"GPE", "LOC", "FAC", "ORG"}
                   for t in ent}
    mentions.extend(_nicknamed_names(doc, article_id, covered))
    for ent in doc.ents:
        if ent.start in headline or any(t.i in covered for t in ent):
            continue
        if ent.label_ == "PERSON" and all(t.lower_ in place_words for t in ent) and (
                len(ent) == 1 or ent.start and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS):
            continue  # "Dunmore", "in Calder Falls": a person where it also names a place or body
        found = _mentions_from_entity(_with_possessive_body(ent), article_id)
        for mention, tokens in found:
            mentions.append(mention)
            covered.update(t.i for t in tokens)
        if found:  # the words cut off ("Checks Into Rehab") are no candidates either
            covered.update(range(ent.start, ent.end))
    mentions = _without_title_words(mentions)
    mentions = settle_kinds(doc, mentions)  # firms, villages and title words out of people
    # a body's name cut out of a title ("Brackley Estates director Ivo Brackley") holds no
    # bare surname of the person
    covered.update(t.i for m in mentions if m.label == "ORG"
                   for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ())
    mentions = _with_couples(doc, article_id, mentions)
    # In the "Keep Brennan's Open" campaign, "Brennan's" is the pub and "Keep" no given
    # name: no bare surnames or given names are read in a quoted title ("Gary Ross Is
    # Boss" still names Gary Ross, a full name of the story).
    titled = headline | {t.i for title in _quoted_titles(doc) for t in title}
    mentions.extend(_other_bearers(doc, article_id, mentions, covered, titled))
    mentions.extend(missed_names(doc, article_id, mentions, covered, titled))
    mentions = [_unless_after_an_article(doc, with_given_name(doc, m, covered, titled))
                for m in mentions]
    mentions = with_acronyms(doc, article_id, mentions, covered)
    mentions = [with_pronoun(doc, m) for m in mentions]
    mentions = [with_written_honorific(doc, with_other_roles(doc, m)) for m in mentions]
    nominals = _nominal_mentions(doc, article_id, covered)
    people = {t.i for m in mentions if m.label == "PERSON"
              for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
    nominals += find_descriptions(doc, article_id, covered | headline, people | headline,
                                  {m.end for m in nominals})
    nominals += prenominal_descriptions(doc, article_id, mentions)
    mentions.extend(describe_names(doc, mentions, nominals))
    candidates = _named_before(doc, _candidates(doc, article_id, covered, headline), mentions)
    candidates = title_doers_only(doc, headline_doers(doc, candidates, mentions, headline),
                                   headline)
    candidates = with_settlement_cues(doc, candidates)  # "the village of Marrowby"
    mentions.extend(apposed_descriptions(doc, candidates, mentions))
    # "Dad still has his union card": a son speaking of his father names no one
    mentions = [m for m in mentions if m.label not in PERSON_LABELS or
                m.text.lower() not in PARENT_WORDS]
    mentions.sort(key=lambda m: m.start)
    return mentions


QUOTED_RE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{3,80})[\"\u201d]")
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by",
                     "with", "'s", "\u2019s"}


def _quoted_titles(doc: Doc) -> list[Span]:
    """Title-case phrases in quotation marks: the names of campaigns, films and books
    ("Keep Brennan's Open", "Save the Harlow Woods"). A quoted name alone ("Brennan") or
    a quoted sentence is no title."""
    found = []
    for match in QUOTED_RE.finditer(text_of(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and _is_title(span):
            found.append(span)
    return found


def _is_title(span: Span) -> bool:
    """Three or more capitalised words (small words aside: not "The Chin"), up to eight,
    that are not one person's name nor a nickname inside one (Vincent "The Chin" Gigante)."""
    words = [t for t in span if not t.is_punct]
    main = [t for t in words if t.lower_ not in TITLE_SMALL_WORDS]
    if not 3 <= len(main) <= len(words) <= 8 or not words[0].text[:1].isupper() or not all(
            t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words):
        return False
    return not any(e.label_ == "PERSON" and e.start < span.end and span.start < e.end and (
        e.start < span.start or span.end < e.end or e.start <= words[0].i < words[-1].i < e.end)
        for e in span.doc.ents)


# -- headlines and unresolved capitalised words ---------------------------------------

def _is_name_word(token: Token) -> bool:
    """A capitalised word or an initial ("W." / "W" + ".")."""
    if token.text == "." and token.i > 0:
        return bool(re.fullmatch(r"[A-Z]", token.doc[token.i - 1].text))
    return token.is_alpha and token.text[0].isupper() or bool(re.fullmatch(r"[A-Z]\.",
                                                                            token.text))


def _candidates(doc: Doc, article_id: str, covered: set[int], headline: set[int]
                ) -> list[Mention]:
    """Capitalised runs no mention covers: proper nouns in text, any in headlines."""
    runs: list[list[Token]] = []
    title = title_line(doc, headline)
    for token in doc:
        in_headline = token.i in headline
        fits = token.i not in covered and (_is_name_word(token) and (
            in_headline or token.pos_ == "PROPN" or token.text == "." or
            token.i in title and is_person_noun(token)) or _joins_a_double_name(token))
        joins = bool(runs) and runs[-1][-1].i == token.i - 1 and \
            (runs[-1][-1].i in headline) == in_headline and \
            (in_headline or token.ent_iob_ != "B" or not runs[-1][-1].ent_type_)
        if fits and joins:
            runs[-1].append(token)
        elif fits and token.text != ".":
            runs.append([token])
    runs, bodies = _possessive_bodies(runs, headline, article_id)
    found = [title_noun(_candidate(run, article_id, run[0].i in headline), run, title)
             for run in runs]
    return bodies + [replace(m, describes=before[-1].idx)
                     if set_beside(before, run, headline) else m
                     for m, before, run in zip(found, [[], *runs], runs, strict=False)]


def _joins_a_double_name(token: Token) -> bool:
    """The hyphen of "Brannagh-Oyelaran", spaced as one word between two capitalised
    words: one name, not two (spaCy tags such names NORP or nothing); not a party and
    state ("D-Idaho")."""
    doc = token.doc
    return token.text == "-" and 0 < token.i < len(doc) - 1 and not token.whitespace_ and \
        not doc[token.i - 1].whitespace_ and all(
            t.is_title and t.is_alpha and len(t) > 1 for t in (doc[token.i - 1],
                                                               doc[token.i + 1]))



def _named_before(doc: Doc, candidates: list[Mention], found: list[Mention]
                  ) -> list[Mention]:
    """A one-word candidate that is the given name or surname of exactly one person the
    article named in full before it is that person ("Kathina Thomas ... After Kathina was
    shot", with "Kathina" tagged a place): news goes on by one part of the name. Not when
    the article also uses the word as a place ("in Jordan", "from Washington")."""
    parts: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in found:
        words = name_parts(m.name)
        if m.kind == "name" and m.label == "PERSON" and len(words) > 1:
            for word in (words[0], words[-1]):
                parts.setdefault(word.lower(), set()).add(person_key(m.name))
                first[word.lower()] = min(first.get(word.lower(), m.start), m.start)
    places = {t.lower_ for t in doc if t.i and doc[t.i - 1].lower_ in PLACE_PREPOSITIONS}
    resolved = []
    for m in candidates:
        word = m.name.lower()
        if m.kind == "candidate" and m.label in NAME_WORD_LABELS and \
                len(parts.get(word, ())) == 1 and first[word] < m.start and \
                word not in places:
            m = replace(m, label="PERSON", kind="name")
        resolved.append(m)
    return resolved


def _possessive_bodies(runs: list[list[Token]], headline: set[int], article_id: str
                       ) -> tuple[list[list[Token]], list[Mention]]:
    """ "the Marlow County District Attorney's Office": two capitalised runs joined by "'s"
    whose second ends in a body's noun are one organisation (the tagger often sees none)."""
    kept: list[list[Token]] = []
    bodies: list[Mention] = []
    for run in runs:
        previous = kept[-1] if kept else None
        if previous is not None and run[0].i == previous[-1].i + 2 and \
                run[0].doc[previous[-1].i + 1].lower_ in {"'s", "\u2019s"} and \
                run[-1].lower_ in ORG_NOUNS and run[0].i not in headline:
            doc = run[0].doc
            start, end = previous[0].idx, run[-1].idx + len(run[-1].text)
            name = text_of(doc)[start:end]
            bodies.append(Mention(article_id, name, start, end, "ORG", name=name))
            kept.pop()
            continue
        kept.append(run)
    return kept, bodies


def _candidate(run: list[Token], article_id: str, in_headline: bool) -> Mention:
    """An unresolved mention, or a person's name when the text around it says so."""
    label = "" if in_headline else run[0].ent_type_
    titled = next((k for k, t in enumerate(run[:-1]) if t.lower_ in OFFICE_TITLES), 0)
    if not in_headline and label not in PLACE_LABELS and 0 < titled < len(run) - 1:
        run = run[titled:]  # "Calder Mayor Oren Dahl": the mayor of Calder
    company_noun = None
    if not in_headline and len(run) > 1 and run[0].lower_ in COMPANY_NOUNS and \
            starts_sentence(run[0]):
        # "Operator Vellmark Lifts said": the noun a sentence's capital joined to the name
        company_noun, run = run[0].lower_, run[1:]
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    text = text_of(run[0].doc)[start:end]
    if company_noun in FIRM_NOUNS:
        return Mention(article_id, text, start, end, "ORG", name=text, cue=company_noun)
    if not in_headline and label in {"", "ORG"} and \
            told_of_with_which(run[0].doc[run[0].i:run[-1].i + 1]):
        # "Kettering Hoists, which runs the lift, said": a thing's clause, no person's
        return Mention(article_id, text, start, end, "ORG", name=text, cue=", which")
    if not in_headline and _person_cue(run, label):
        found = _mention_from_tokens(run, "PERSON", article_id)
        if found is not None:
            return found
    if not in_headline and label in {"", "ORG"} and len(run) > 1 and run[-1].is_title and \
            run[-1].lower_ in COMPANY_ENDINGS:  # "Halvern Textiles", tagged nothing
        return Mention(article_id, text, start, end, "ORG", name=text, cue=run[-1].text)
    return Mention(article_id, text, start, end, label, name=text,
                   kind="headline" if in_headline else "candidate")


def _person_cue(run: list[Token], label: str) -> bool:
    """Words around a proper noun that only fit a person: an honorific before it
    ("Ms. Chohan") or an age after it ("Chohan, 59,"); unless spaCy saw a place there, also
    a title before it ("Gov. Alishvandi"), a role in apposition ("Reagins, the general
    manager", "the general manager, Reagins") or, when spaCy saw no entity or took it for a
    work of art or product, a speech verb ("..., White said")."""
    if label not in CUE_LABELS or not _could_be_a_name(run):
        return False
    doc, head = run[0].doc, run[-1]
    # The small model often tags a speaker's unfamiliar name as a work of art or product.
    words = [t for t in run if t.text != "-"]  # "Obi-Tarrant" is one word
    speech = label in {"", "WORK_OF_ART", "PRODUCT"} and len(words) <= 2 and \
        head.dep_ == "nsubj" and \
        head.head.lemma_ in SPEECH_LEMMAS and (len(run) > 1 or not starts_sentence(run[0]))
    if all(t.lower_ in ROLE_NOUNS | COMMON_ROLE_WORDS for t in run):
        # "King said" names a person; "said Secretary of the Interior Dirk ..." does not
        return speech and all(c.is_punct for c in head.children)
    if honorific_before(doc, run[0].i) or _age_after(run):
        return True
    if label in PLACE_LABELS:
        return False
    if len(run) > 1 and run[0].lower_ in OFFICE_TITLES:
        return True  # "Mayor Ilse Varga" tagged as one work of art
    if title_prefix(doc, run[0].i)[0] or any(
            c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS for c in head.children):
        return True
    if head.dep_ == "appos" and (head.head.lemma_.lower() in ROLE_NOUNS or
                                 head.head.pos_ == "NOUN" and is_person_noun(head.head)):
        return True  # "the opposition leader, Ana Ruiz, said", "His wife, Ana Ruiz, runs"
    return speech or len(run) > 1 and _holds_a_role(head)


def _holds_a_role(head: Token) -> bool:
    """ "Ana Ruiz is the director of the food bank": the subject of "be" with a role."""
    verb = head.head
    return head.dep_ == "nsubj" and verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lemma_.lower() in ROLE_NOUNS for c in verb.children)


def _could_be_a_name(run: list[Token]) -> bool:
    """Not a title ("Lt."), a body ("Vancouver Police"), a plural ("Bluejays") or a
    description ("the President")."""
    words = {t.lower_.rstrip(".") for t in run}
    head, before = run[-1], run[0].doc[run[0].i - 1] if run[0].i else None
    if len(run) > 3 or not head.is_alpha or head.is_upper or head.tag_ == "NNPS":
        return False
    if words & (ORG_NOUNS | ORG_NAME_WORDS | HONORIFICS.keys() | TITLE_ABBREVIATIONS):
        return False
    return before is None or before.lower_ not in {"the", "a", "an", "this", "that"}


def _age_after(run: list[Token]) -> bool:
    """ "Raj Chohan, 59, was walking": a comma, a number that can be an age, a comma."""
    doc, end = run[0].doc, run[-1].i + 1
    if end + 2 >= len(doc) or doc[end].text != "," or not doc[end + 1].is_digit:
        return False
    after = doc[end + 3] if end + 3 < len(doc) else None
    return 0 < int(doc[end + 1].text) < 120 and doc[end + 2].text in {",", ".", ";"} and \
        not (after is not None and after.like_num)  # "XP, Vista, 7, 8": a list


NICKNAME_RE = re.compile(
    r"\b(?P<given>[A-Z][a-z]+(?: [A-Z][a-z]+)?) ?(?P<open>[(\"'\u201c\u2018]) ?"
    r"(?P<nick>(?:[Tt]he )?[A-Z][a-z]+) ?(?P<close>[)\"'\u201d\u2019]) ?"
    r"(?P<surname>[A-Z][A-Za-z'-]*[a-z])\b(?! ?[A-Z])")
BRACKET_PAIRS = {"(": ")", '"': '"', "'": "'\u2019", "\u201c": "\u201d", "\u2018": "\u2019"}


def _nicknamed_names(doc: Doc, article_id: str, covered: set[int]) -> list[Mention]:
    """ "Vincent 'The Chin' Gigante", "Kimani (Kiki) Gray": one person, given + surname."""
    found = []
    for match in NICKNAME_RE.finditer(text_of(doc)):
        mention = _nicknamed_name(doc, article_id, match, covered)
        if mention is not None:
            found.append(mention)
    return found


def _nicknamed_name(doc: Doc, article_id: str, match: re.Match[str], covered: set[int]
                    ) -> Mention | None:
    if match.group("close") not in BRACKET_PAIRS[match.group("open")]:
        return None
    given_words = match.group("given").split()
    if given_words[0].lower().rstrip(".") in ROLE_NOUNS | HONORIFICS.keys():
        given_words = given_words[1:]  # "Deputy Luis (Lucho) Ferrante"
    start = match.end("given") - len(" ".join(given_words))
    span = doc.char_span(start, match.end(), alignment_mode="expand")
    if not given_words or span is None or any(t.i in covered for t in span) or not all(
            t.pos_ == "PROPN" for t in (span[0], span[-1])):
        return None
    covered.update(range(span.start, span.end))
    role, prefix = title_prefix(doc, span.start)
    text_start = doc[prefix].idx if role else start
    return Mention(article_id, text_of(doc)[text_start:match.end()], start, match.end(),
                   "PERSON", name=f"{' '.join(given_words)} {match.group('surname')}",
                   role=role, honorific=honorific_before(doc, span.start),
                   nickname=match.group("nick"))


# -- names from spaCy's entities ------------------------------------------------------

ORG_CONNECTORS = {"of", "and", "for", "the", "on", "in", "at", "de", "du", "des", "la", "le",
                  "y", "&", "'s"}
LIST_SEPARATORS = {"and", "&", ",", "or"}
NOT_NAME_POS = {"ADP", "CCONJ", "SCONJ", "DET", "PRON", "PART"}
NOT_NAME_TAGS = {"VBG", "VBN", "VBD", "VBZ", "JJ", "JJR", "JJS", "RBR"}


def _with_possessive_body(ent: Span) -> Span:
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


PLURAL_APOSTROPHES = {"'", "\u2019"}
# What a child calls a parent or grandparent: capitalised, alone, yet no one's name.
PARENT_WORDS = {"dad", "daddy", "mum", "mummy", "mom", "mommy", "mam", "papa", "mama",
                "grandma", "grandpa", "granny", "grandad", "granddad", "nan", "nana"}


def _plural_noun(token: Token) -> bool:
    """ "Workers", "Pilots": a plural noun (not a surname ending in s, "Jones")."""
    return token.lower_.endswith("s") and (token.tag_ in {"NNS", "NNPS"} or
                                           token.lemma_.lower() != token.lower_)


def _mentions_from_entity(ent: Span, article_id: str) -> list[tuple[Mention, list[Token]]]:
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
        tokens = _extend_initial(_name_run(piece, label))
        mention = _mention_from_tokens(tokens, label, article_id)
        if mention is not None and len(ent) == 1 and mention.label == "PERSON" and \
                _used_as_a_thing(ent[0]):  # "won an Oscar", "enter Rehab"
            mention = replace(mention, kind="candidate")
        if mention is not None:
            found.append((mention, tokens))
    return found


def _other_bearers(doc: Doc, article_id: str, found: list[Mention], covered: set[int],
                   headline: set[int]) -> list[Mention]:
    """Full names the tagger missed whose surname a person found has, after another given
    name ("Maren Osei" beside "Kwame Osei"): read before `name_repairs.missed_names` takes
    such a surname for a bare mention of the one found."""
    surnames = {surname(m.name) for m in found if m.label == "PERSON" and " " in m.name}
    extra: list[Mention] = []
    for token in doc:
        if token.i in covered or token.i in headline or token.text not in surnames or \
                not token.text[0].isupper() or token.is_upper:
            continue
        other = _other_bearer(token, found, covered | headline, article_id)
        if other is not None:
            covered.update({token.i - 1, token.i})
            extra.append(other)
    return extra


def _other_bearer(token: Token, found: list[Mention], taken: set[int], article_id: str
                  ) -> Mention | None:
    """A known surname written after a given name that no person found with it has
    ("Maren Osei", the tagger having missed her, beside "Kwame Osei"): her full name, when
    the tagger saw a name or mislabelled one there (not "Richmond Hill", a place)."""
    before = token.doc[token.i - 1] if token.i else None
    if before is None or before.i in taken or before.whitespace_ != " " or \
            before.pos_ != "PROPN" or not before.is_title or not before.is_alpha or \
            before.ent_type_ not in {"PERSON", "WORK_OF_ART", "PRODUCT"} or \
            before.lower_ in ROLE_NOUNS | OFFICE_TITLES | HONORIFICS.keys() | PLACE_PREPOSITIONS:
        return None
    if any(m.label == "PERSON" and name_parts(m.name)[:1] == [before.text] for m in found):
        return None
    return _mention_from_tokens([before, token], "PERSON", article_id)


def _with_couples(doc: Doc, article_id: str, mentions: list[Mention]) -> list[Mention]:
    """ "Ines and Mark Calloway": two people of one surname, the first named by her given
    name alone (the tagger makes "Ines" a body, or nothing), in an article that also writes
    "Mrs Calloway" or "Mr Calloway" (else "Kestrelsoft and Maria Lindqvist" could make a
    person of a company). She is "Ines Calloway"."""
    extra: list[Mention] = []
    dropped: set[int] = set()
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end)
        if mention.kind != "name" or mention.label != "PERSON" or span is None or \
                len(span) != 2 or span.start < 2 or doc[span.start - 1].lower_ != "and":
            continue
        given = doc[span.start - 2]
        if not _a_lone_given_name(given) or not _surname_with_honorific(doc, span[-1].text):
            # "Kestrelsoft and Maria Lindqvist" may be a body and a person: only "Mrs
            # Calloway" or "Mr Calloway" beside them says a couple shares the name
            continue
        dropped.update(i for i, m in enumerate(mentions)
                       if m.start == given.idx and m.end == given.idx + len(given))
        extra.append(Mention(article_id, given.text, given.idx, given.idx + len(given),
                             "PERSON", name=f"{given.text} {span[-1].text}"))
    return [m for i, m in enumerate(mentions) if i not in dropped] + extra


def _surname_with_honorific(doc: Doc, surname_text: str) -> bool:
    """The article writes "Mrs Calloway" or "Mr. Calloway" somewhere."""
    return any(t.text == surname_text and honorific_before(doc, t.i) for t in doc)


def _a_lone_given_name(token: Token) -> bool:
    """A capitalised word standing alone before "and Mark Calloway": not part of a longer
    name ("Procter"), a title, a body's word or an honorific."""
    doc, key = token.doc, token.lower_
    before = doc[token.i - 1] if token.i else None
    return token.is_alpha and token.is_title and token.pos_ == "PROPN" and \
        (before is None or not before.is_title or starts_sentence(token)) and \
        token.ent_type_ in {"", "ORG", "PERSON"} and \
        (not token.ent_type_ or doc[token.i].ent_iob_ == "B" and
         (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")) and \
        key not in ROLE_NOUNS | ORG_NOUNS | ORG_NAME_WORDS | OFFICE_TITLES and \
        key not in HONORIFICS


def _without_title_words(mentions: list[Mention]) -> list[Mention]:
    """No body where the tagger cut a word off a person's title: "Network" of "Network
    Supervisor Dana Whitlock" is the role's word (`roles.title_prefix` read it so)."""
    titles = [(m.end - len(m.text), m.start) for m in mentions
              if m.label == "PERSON" and m.role and len(m.text) > m.end - m.start]
    return [m for m in mentions if m.label != "ORG" or
            not any(s <= m.start and m.end <= e for s, e in titles)]


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
            or honorific_before(doc, tokens[0].i) or _age_after(list(tokens)):
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
                      re.fullmatch(r"[A-Z]\.?", tokens[-1].text)):
        tokens = tokens[:-1]
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct or person and
                      len(tokens) > 1 and tokens[0].pos_ in NOT_NAME_POS):
        tokens = tokens[1:]
    return tokens


def _mention_from_tokens(tokens: list[Token], label: str, article_id: str) -> Mention | None:
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
    if not name_tokens:
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
            _age_after([token]) or before is not None and is_given_word(before) and \
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
    if prefix_role or honorific_before(doc, tokens[0].i) or _age_after(tokens):
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


def _nominal_mentions(doc: Doc, article_id: str, covered: set[int]) -> list[Mention]:
    """Definite descriptions that can name a speaker: "the minister", "the ministry",
    "Tom Smith's lawyer"."""
    result = []
    for token in doc:
        if token.i in covered or token.pos_ != "NOUN":
            continue
        lemma = token.lemma_.lower()
        det = [c for c in token.children if c.dep_ in {"det", "poss"}]
        # "Tom Smith's lawyer" is someone, but not Smith (the linker keeps the two apart).
        owned = bool(det) and det[0].dep_ == "poss" and det[0].pos_ == "PROPN" and \
            lemma in PERSON_TITLES and token.tag_ == "NN"
        if not det or det[0].lower_ not in {"the", "this", "that"} and not owned:
            continue
        if lemma in PERSON_TITLES:
            label = "PERSON"
        elif lemma in ORG_NOUNS:
            label = "ORG"
        else:
            continue
        start_token = min(t.i for t in token.subtree if t.i <= token.i and
                          t.dep_ in {"det", "compound", "amod", "poss", "case"} or t.i == token.i)
        if token.i - token.left_edge.i <= 6:
            start_token = min(start_token, token.left_edge.i)  # "the 38-year-old teacher"
        start_token = max(start_token, token.i - 6)
        while start_token < token.i and doc[start_token].is_punct:
            start_token += 1
        span = doc[start_token:token.i + 1]
        result.append(Mention(article_id, span.text, span.start_char, span.end_char, label,
                              name=lemma, kind="nominal"))
    return result


# -- things written like names: lines, rooms, titles after "the", credit lines ----------

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


def _unless_after_an_article(doc: Doc, mention: Mention) -> Mention:
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


def _credit_line_tokens(doc: Doc) -> set[int]:
    """The tokens of a line that credits the story to an outlet ("This story was
    distributed by Northwire Press."): the outlet is no actor of the story."""
    covered: set[int] = set()
    for match in CREDIT_LINE_RE.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        covered.update(range(span.start, span.end) if span is not None else ())
    return covered
