"""People and organisations: their mentions in one article.

Goes in: a parsed spaCy `Doc`. Comes out: `Mention`s, in text order: names with
honorifics, roles (from title prefixes and appositions, normalised) and nicknames;
descriptions ("the minister"; "a Brooklyn mother", kind "description"), each with the name
it stands beside when the text gives one (apposition, "is", a restated lead); and
unresolved capitalised words ("candidate", "headline") that `entities.link_entities`
settles against the whole story.

spaCy's entity spans are repaired first, one by one (cut where a name ends, split where
an entity holds two people, two lines or a score, extended over a middle initial, and
relabelled where the text uses a name as a thing, or calls a "body" "she" or "he"): that is
`entity_spans`' part. Proper nouns spaCy missed count as people when the text around them
says so (an honorific, an age, a title, a role in apposition, a speech verb), and a word
the tagger took for a place is a given name right before a one-word name ("Kathina" +
"Thomas") or part of a name its article gave in full before.

Also: an acronym set in brackets after a body's name ("(HRD)") names that body wherever the
article uses it; a named subject the text goes on to call "she" or "he" carries that gender
(`Mention.pronoun`); a person noun in a sentence-case title ("Man charged with arson") is a
headline noun where its deed names its person. Which lines are headlines or title lines,
and what their runs are, is `headlines`' part; which names the words around them make
bodies or places ("the firm Bramley Dawson", "Parents in Stoke Abbas") is
`entity_kinds`'; what a person's title, apposition or relative clause says the person is
("Transport Minister", "who chairs the union") is `roles`'; the repair passes (names the
tagger missed, given names taken for places, acronyms, pronouns) are `name_repairs`'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .descriptions import (
    PERSON_TITLES,
    apposed_descriptions,
    describe_names,
    find_descriptions,
    headline_doers,
    is_person_noun,
    line_start,
    prenominal_descriptions,
)
from .entity_kinds import (
    COMPANY_ENDINGS,
    COMPANY_NOUNS,
    FIRM_NOUNS,
    settle_kinds,
    told_of_with_which,
    with_settlement_cues,
    with_written_honorific,
)
from .entity_spans import (
    PERSON_LABELS,
    PLACE_PREPOSITIONS,
    age_after,
    mention_from_tokens,
    mentions_from_entity,
    with_name_head,
    with_possessive_body,
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
    missed_names,
    with_acronyms,
    with_given_name,
    with_pronoun,
)
from .names import (
    HONORIFICS,
    ORG_NOUNS,
    ROLE_NOUNS,
    name_parts,
    person_key,
    surname,
)
from .nlp import text_of
from .people import RELATIVES
from .roles import (
    COMMON_ROLE_WORDS,
    starts_sentence,
    title_prefix,
    with_other_roles,
)

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
        found = mentions_from_entity(with_name_head(with_possessive_body(ent)), article_id)
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


# What a child calls a parent or grandparent: capitalised, alone, yet no one's name.
PARENT_WORDS = {"dad", "daddy", "mum", "mummy", "mom", "mommy", "mam", "papa", "mama",
                "grandma", "grandpa", "granny", "grandad", "granddad", "nan", "nana"}
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
            starts_sentence(run[0]) and run[1].lower_ not in ROLE_NOUNS:
        # "Operator Vellmark Lifts said": the noun a sentence's capital joined to the name;
        # "Business Secretary", "Group Captain" are titles, the noun a word of them
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
        found = mention_from_tokens(run, "PERSON", article_id)
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
    a title before it ("Gov. Alishvandi"), a role or kin word in apposition ("Reagins, the
    general manager", "Brand, the teenager's father", "the general manager, Reagins") or,
    when spaCy saw no entity or took it for a work of art or product, a speech verb
    ("..., White said")."""
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
    if honorific_before(doc, run[0].i) or age_after(run):
        return True
    if label in PLACE_LABELS:
        return False
    if len(run) > 1 and run[0].lower_ in OFFICE_TITLES:
        return True  # "Mayor Ilse Varga" tagged as one work of art
    # "Brand, the teenager's father, said": a kin word in apposition is a person's too
    if title_prefix(doc, run[0].i)[0] or any(
            c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS | RELATIVES
            for c in head.children):
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
    # The tagger's person may end in a surname it takes for a noun ('William "Billy" Tarrow')
    if not given_words or span is None or any(t.i in covered for t in span) or \
            span[0].pos_ != "PROPN" or span[-1].pos_ != "PROPN" and span[-1].ent_type_ != "PERSON":
        return None
    covered.update(range(span.start, span.end))
    role, prefix = title_prefix(doc, span.start)
    text_start = doc[prefix].idx if role else start
    return Mention(article_id, text_of(doc)[text_start:match.end()], start, match.end(),
                   "PERSON", name=f"{' '.join(given_words)} {match.group('surname')}",
                   role=role, honorific=honorific_before(doc, span.start),
                   nickname=match.group("nick"))


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
    return mention_from_tokens([before, token], "PERSON", article_id)


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
        start_token = line_start(doc, max(start_token, token.i - 6), token.i)
        while start_token < token.i and doc[start_token].is_punct:
            start_token += 1
        span = doc[start_token:token.i + 1]
        result.append(Mention(article_id, span.text, span.start_char, span.end_char, label,
                              name=lemma, kind="nominal"))
    return result


# -- things written like names: titles after "the", credit lines --------------------------


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
