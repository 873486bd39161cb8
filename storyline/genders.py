"""Who is who, and of which gender, as an article's own words tell it.

Goes in: a parsed `Doc`, its person `Mention`s and the characters inside quote marks. Comes
out: an identity for each person mention (a full name stands for itself; a bare surname for
its one bearer, else for itself, with an honorific's gender where several bear it) and the
gender of each identity: an honorific or a gendered role word first, then a possessive
before a family word ("his wife, Grace Dahl"), then the gender of the given name
(`data/given_names.txt`: "Priya Venn", or "Melanie" named alone, never a surname), and
last the pronouns of the sentences that name only that person. `speakers` reads them to
keep "she" from a man.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .given_names import given_name_gender, given_word_gender
from .models import Mention
from .names import surname
from .people import FEMALE_WORDS, GENDERED_PRONOUNS, MALE_WORDS, RELATIVES, mention_gender

# Family words with a gender ("his wife, Grace Dahl"), as votes on the gender of the person
# named beside them.
FAMILY_GENDERS = {**dict.fromkeys(FEMALE_WORDS & RELATIVES, "female"),
                  **dict.fromkeys(MALE_WORDS & RELATIVES, "male")}


def person_identities(people: list[Mention]) -> dict[int, str]:
    """Who each person mention names, by its start: a full name stands for itself, a bare
    surname for the one full name with that surname, so "Oren Malik" and "Ada Malik" stay
    two people. Where the article names several bearers, the bare surname stands for
    itself: taken for the last one named it would carry that person's gender ("Ada Malik
    sat beside Oren Malik. Malik said ... She said" would bar "she" from Malik)."""
    bearers: dict[str, set[str]] = defaultdict(set)
    for mention in people:
        if " " in mention.name:
            bearers[surname_key(mention)].add(mention.name)
    identity: dict[int, str] = {}
    for mention in people:
        if " " in mention.name:
            identity[mention.start] = mention.name
            continue
        named = bearers.get(surname_key(mention), set())
        if len(named) == 1:
            identity[mention.start] = next(iter(named))
            continue
        # "Mr. Khan" and "Ms. Khan" beside Khizr and Humayun Khan: two people, the
        # honorific's gender kept with each
        gender = mention_gender(mention, pronoun=False) if mention.honorific else None
        key = surname_key(mention)
        identity[mention.start] = f"{key} ({gender})" if gender else key
    return identity


def text_genders(doc: Doc, people: list[Mention], inside: bytearray,
                 identity: dict[int, str]) -> dict[str, str]:
    """Gender of each person (by identity): an honorific or a gendered role word first,
    then a family word, then their given name's, else the pronouns (outside quotes) of
    the sentences that name only them, when those agree; those pronouns beat the given
    name when no one else in the text is of their gender."""
    known: dict[str, str] = {}
    # "Dahl will need his voters": the pronoun the mention finder saw right after a name
    # is weaker evidence than an honorific; the sentences' pronouns may overrule it.
    right_after: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in people:
        key = identity.get(mention.start, surname_key(mention))
        gender = mention_gender(mention, pronoun=False)
        if gender:
            known.setdefault(key, gender)
        elif mention.pronoun:
            right_after[key][mention.pronoun] += 1
    for key, gender in _possessive_genders(doc, people, inside, identity):
        known.setdefault(key, gender)
    # A given name firmly of one gender outranks pronouns: in a story about one person,
    # the pronouns near another's name are often hers ("Ostrander waved from the stage,
    # and she switched off the radio" would make a woman of Mark Ostrander).
    by_given_name = {key: gender for key, gender in
                     _given_name_genders(people, identity).items() if key not in known}
    known.update(by_given_name)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    named_in: dict[int, dict[str, int]] = defaultdict(dict)  # sentence -> name -> first end
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    for mention in people:
        if mention.kind == "name" and not inside[mention.start]:
            named = named_in[bisect.bisect_right(starts, mention.start) - 1]
            named.setdefault(identity.get(mention.start, surname_key(mention)), mention.end)
    for index, sent in enumerate(sents):
        named = named_in.get(index, {})
        if len(named) == 1:
            (key, after), = named.items()  # pronouns before the name refer to someone else
            votes[key].update(_pronoun_genders((t for t in sent if t.idx >= after), inside))
    for key, said in right_after.items():
        top, count = said.most_common(1)[0]
        others = votes[key]
        if key not in known and 2 * count > sum(said.values()) and \
                others[top] >= sum(others.values()) - others[top]:
            known[key] = top
    pronoun_genders = {key: gender for key, counts in votes.items()
                       if (gender := _agreed_gender(counts))}
    for key, gender in pronoun_genders.items():
        known.setdefault(key, gender)
    # "Michael Thornbury ... and she learned the channel": pronouns only she can be given
    # (no one else in the story is of their gender) beat her given name's table entry
    overruled = {key: gender for key, gender in pronoun_genders.items()
                 if by_given_name.get(key, gender) != gender}
    for key, gender in overruled.items():
        if sum(g == gender for g in overruled.values()) == 1 and \
                not any(known[other] == gender for other in known if other != key):
            known[key] = gender
    return known


def _agreed_gender(counts: Counter[str]) -> str | None:
    """The gender the pronouns of the sentences naming one person agree on, if any:
    two at least, three to one against any other."""
    if not counts:
        return None
    top, count = counts.most_common(1)[0]
    return top if count >= 2 and count >= 3 * (sum(counts.values()) - count) else None


def _given_name_genders(people: list[Mention], identity: dict[int, str]) -> dict[str, str]:
    """The gender of each full-name identity's given name ("Priya Venn": female), and of a
    given name named alone ("Melanie said"): a weak clue. Never from a surname: a bare word
    that is the surname of someone named in full, or that a title or role comes with
    ("Sen. Warren"), gives none."""
    found: dict[str, str] = {}
    # "Harold Joyce Jr.": the surname is Joyce, not the suffix ("Joyce said" is him)
    surnames = {key for m in people if " " in m.name
                for key in (surname_key(m), surname(m.name).lower())}
    titled = {identity.get(m.start, surname_key(m)) for m in people
              if m.honorific or m.role}
    for mention in people:
        key = identity.get(mention.start)
        if mention.kind != "name" or key is None:
            continue
        if key == mention.name:
            gender = given_name_gender(mention.name)
        elif key == mention.name.lower() and key not in surnames and key not in titled:
            gender = given_word_gender(mention.name)
        else:
            continue
        if gender:
            found.setdefault(key, gender)
    return found


def _possessive_genders(doc: Doc, people: list[Mention], inside: bytearray,
                        identity: dict[int, str]) -> list[tuple[str, str]]:
    """Genders a possessive before a family word gives: "Dahl sat beside his wife, Grace
    Dahl": "his" is the subject's (a man), "wife" the name's beside it (a woman); also
    "Blake and his daughter, Riley Blake"."""
    names = [m for m in people if m.kind == "name" and not inside[m.start]]

    def who(token: Token) -> str | None:
        found = [m for m in names if m.start <= token.idx < m.end]
        return identity.get(found[0].start, surname_key(found[0])) if found else None

    found: list[tuple[str, str]] = []
    for token in doc:
        gender = GENDERED_PRONOUNS.get(token.lower_)
        if gender is None or token.dep_ != "poss" or inside[token.idx]:
            continue  # most tokens: tested before looking at their heads
        noun = token.head
        family = FAMILY_GENDERS.get(noun.lemma_.lower())
        if family is None:
            continue
        named = next((who(c) for c in noun.children if c.dep_ == "appos"), None)
        if noun.dep_ == "conj":
            owner = who(noun.head)
        else:
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            owner = who(subject) if subject is not None and subject.i < token.i else None
        if owner is not None and owner != named:
            found.append((owner, gender))
        if named is not None and named != owner:
            found.append((named, family))
    return found


def other_bearer(mention: Mention, speaker: Mention, wanted: str | None) -> bool:
    """ "Ms Marsh" named after "Inspector Marsh" spoke, where "she" follows: one surname,
    but an honorific of the pronoun's gender on a mention the speaker's is not."""
    return bool(wanted) and mention.honorific is not None and \
        mention_gender(mention) == wanted and mention.text != speaker.text and \
        mention_gender(speaker) != wanted


def _pronoun_genders(tokens: Iterable[Token], inside: bytearray) -> list[str]:
    return [GENDERED_PRONOUNS[t.lower_] for t in tokens
            if t.lower_ in GENDERED_PRONOUNS and not inside[t.idx]]


def surname_key(mention: Mention) -> str:
    return mention.name.split()[-1].lower() if mention.name else mention.text.lower()
