"""Pronoun speakers: which clause subject a "he" or "she" speaker refers back to.

Goes in: parsed spaCy tokens around a subject pronoun whose cue names no one ("He agreed
that ...", "but he said ..."). Comes out: the token to take as the antecedent's subject,
or None when these rules do not apply (the salience ranking in `speakers` decides then).

Narrow on purpose: a pronoun left to the ranking is better than one given a wrong name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .descriptions import SUBJECT_DEPS, is_person_noun

# Fronted participles a reporter opens with: "Reached by phone, Keller declined ...".
PARTICIPLE_TAGS = {"VBN", "VBG"}


def sentence_before(pronoun: Token, inside: bytearray) -> Span | None:
    """The last sentence before the pronoun's, past quoted words, spaces and punctuation
    ('Keller agreed. "...," he said': Keller's)."""
    index = pronoun.sent.start - 1
    doc = pronoun.doc
    while index >= 0 and (inside[doc[index].idx] or doc[index].is_space or doc[index].is_punct):
        index -= 1
    return doc[index].sent if index >= 0 else None


def sentence_subject(sentence: Span) -> Token | None:
    """The subject of a sentence's main clause. When the parser made a fronted participle
    the root and the main verb its conjunct ("Reached by the Gazette, Keller, the harbour
    master, hesitated ...", "Keller" taken for a second agent), the proper noun that opens
    the words after the participle's phrase: neither verb was given a subject."""
    root = sentence.root
    subject = _subject_of(root)
    if subject is not None or root.tag_ not in PARTICIPLE_TAGS:
        return subject
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    verbs = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if first is None or first.i != root.i or not verbs:
        return None
    if (found := _subject_of(verbs[0])) is not None:
        return found
    comma = next((t for t in root.doc[root.i:verbs[0].i] if t.text == ","), None)
    opening = root.doc[comma.i + 1] if comma is not None else None
    if opening is None or opening.pos_ != "PROPN" or opening.i >= verbs[0].i:
        return None
    return opening


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def same_pronoun_coordinated(earlier: Token, pronoun: Token) -> bool:
    """ "He agreed that Dahl may lose, but he said the ferries were safe": the same subject
    pronoun of a clause the pronoun's own clause is coordinated with, so the same person
    (not a name inside what the first clause reports)."""
    return earlier.lower_ == pronoun.lower_ and earlier.i < pronoun.i and \
        earlier.dep_ in SUBJECT_DEPS and pronoun.head.dep_ == "conj" and \
        pronoun.head.head == earlier.head


def opens_its_clause(pronoun: Token) -> bool:
    """No noun, name or pronoun before the pronoun in its sentence: "He said", "But he
    agreed", "Where she used to boast": it looks back to the sentence before."""
    return not any(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
                   for t in pronoun.sent if t.i < pronoun.i)


def unnamed_person_subject(sentence: Span, named: Callable[[Token], bool],
                           inside: bytearray) -> Token | None:
    """ "A mayor who ordered the raid that caught Oren Dahl will hand her successor ...":
    the head noun of a sentence's subject when it brings in a person it names nowhere,
    and no one is named in the sentence but inside that description (Dahl is an object in
    a clause of it): a "she" right after refers to the mayor, not to Dahl. Not when the
    sentence names someone the description acts on ("A reporter asked Tom Brand about the
    fees. He said ...": Brand answers)."""
    subject = sentence_subject(sentence)
    if subject is None or subject.tag_ != "NN" or not is_person_noun(subject) or \
            inside[subject.idx] or named(subject) or not introduces_someone(subject):
        return None
    if any(c.dep_ in {"compound", "appos", "poss"} and named(c) for c in subject.children):
        return None  # "Mayor Dahl's spokesman", "the mayor, Ada Dahl,"
    if any(t.dep_ in SUBJECT_DEPS and named(t) for t in sentence):
        return None
    description = {t.i for t in subject.subtree}
    if any(named(t) and t.i not in description and not inside[t.idx] for t in sentence):
        return None
    return subject


# Determiners of a description that brings in someone new ("a mayor", "one voter", "my
# father"): "the billionaire businessman" mostly goes back to a person named before.
NEW_PERSON_DETERMINERS = {"a", "an", "one", "my", "our"}


def introduces_someone(noun: Token) -> bool:
    return any(c.dep_ in {"det", "nummod", "poss"} and c.lower_ in NEW_PERSON_DETERMINERS
               for c in noun.children)


# The object form of "he" and "she": in the subject's own sentence it is someone else.
OBJECT_FORMS = {"he": "him", "she": "her"}


def someone_else_as_object(sentence: Span, description: Token, pronoun: Token,
                           inside: bytearray) -> bool:
    """ "Tom Brand spent the night at the pier. A fisherman gave him a lift home. He said
    ...": a "him" (or "her", not the possessive) outside the description stands for a
    person the sentence does not name, of the pronoun's gender, who is not the
    description (an object pronoun is never its own clause's subject): the "he" after
    may be that person as well, so the description is no safe answer."""
    form = OBJECT_FORMS.get(pronoun.lower_)
    described = {t.i for t in description.subtree}
    return any(t.lower_ == form and t.tag_ == "PRP" and t.i not in described and
               not inside[t.idx] for t in sentence)
