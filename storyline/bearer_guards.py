"""Words around a one-word name that make it someone or something else than the story's
bearer of that surname.

Goes in: a name mention (`Mention`) and its article's text. Comes out: whether the
name is a company named by a possessive ("McDonald's said it would ..."), a place ("met
officials in Paris", "Paris Mayor Anne Vidal"), a full name whose given name the tagger
cut off ("Fishermen Ewan MacAllister"), or the kin word of an unnamed relative the
sentence before introduced ("His father posted bail. Mr Brand told reporters ..." is the
father), or named ("His father, Gareth Brand, posted bail. Brand told reporters his son
was innocent"). `guard_bearers` applies them to a story's mentions before the linker
(`entities.link_entities`) lets a bare surname join a full name: a false merge of two
people is worse than a missed link.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .given_names import given_word_gender
from .models import Mention
from .names import surname
from .nominal_links import SENTENCE_END
from .people import FEMALE_WORDS, GENDERED_PRONOUNS, MALE_WORDS, RELATIVES, mention_gender

# "McDonald's said", "at McDonald's.", "McDonald's will": a name ending in "'s" that no
# noun follows is the name of a body ("Sainsbury's", "Macy's"), not a person's possessive
# ("McDonald's lawyer", "McDonald's house"; "Vidal's plans for the bypass").
COMPANY_POSSESSIVE = re.compile(
    r"['\u2019]s(?=\s*(?:[.,;:!?)]|$)|\s+(?i:said|says|will|would|has|had|have|is|was|"
    r"announced|added|told|plans\s+to|planned|confirmed|denied|declined|can|could|did|does|"
    r"to)\b)")  # "McDonald's To Close Dunmore Branch": a headline's verbs are capitalised


def company_possessive(mention: Mention, text: str) -> bool:
    """A one-word name whose "'s" no noun follows: "McDonald's said it would donate
    meals" is the company, whoever of the story is called McDonald (whatever label the
    story's surname gave the name)."""
    return mention.kind == "name" and " " not in mention.name and \
        COMPANY_POSSESSIVE.match(text, mention.end) is not None


# "met officials in Paris": a bare name right after "in" is where something is; people
# follow it only before a possessive ("in Paris's view"), after a noun of trust
# ("confidence in Paris") or a verb "in" completes ("bringing in Jackman"). ("Near" is
# left out: "walking near Horton" is as often a person.)
PLACE_BEFORE = re.compile(r"(?<![a-z])in\s+$")
# A possessive after the name, or a second owner before it ("in Woodward and Bernstein's
# reporting"); a tokenised text may set "'s" apart.
OWNED_AFTER = re.compile(r"\s?['\u2019]|\s+(?:and|&)\s+[A-Z]")
TRUST_BEFORE = re.compile(r"\b(?:confidence|faith|trust|belief|believe|believes|believed|"
                          r"interest|interested|bring|brings|bringing|brought|call|calls|"
                          r"calling|called|send|sends|sending|sent|let|lets|letting|"
                          r"gem|talent|ally|successor|replacement|prospect|mentor)\s+in\s+$",
                          re.IGNORECASE)  # "Bringing in Jackman", "a gem in Rusk": a person
# "a player in Rusk who never got a chance": a relative pronoun for a person follows;
# "in Theo we trust" (a tuning topic's fans)
WHO_AFTER = re.compile(r",?\s+(?:who|whom|whose|we\s+trust)\b")


def place_after_preposition(mention: Mention, text: str) -> bool:
    """A one-word name read as a person after "in", with no possessive or "who" after
    it: a place ("met officials in Paris" is no Tom Paris of the story). A body's name
    ("in Congress") stays the body."""
    before = text[max(0, mention.start - 30):mention.start]
    return mention.kind == "name" and mention.label == "PERSON" and \
        " " not in mention.name and mention.text == mention.name and \
        PLACE_BEFORE.search(before) is not None and TRUST_BEFORE.search(before) is None \
        and OWNED_AFTER.match(text, mention.end) is None \
        and WHO_AFTER.match(text, mention.end) is None


# An office's title after a one-word name: "Paris Mayor Anne Vidal", "Orlen Police Chief";
# on the same line ("Award For Rusk" as a headline, "City officials said" opening the text).
OFFICE_AFTER = re.compile(r"[ \t]+(?:Mayor|Governor|Councillor|Councilor|Police|Sheriff|"
                          r"Premier|Minister|Senator|Bishop|Archbishop|Fire|City|County|"
                          r"Council)\b")


def place_before_office(mention: Mention, text: str) -> bool:
    """A one-word name before an office's title ("Paris Mayor Anne Vidal said"): the
    place the office serves, not a bearer of that surname (Tom Paris)."""
    return mention.kind == "name" and " " not in mention.name and \
        mention.text == mention.name and OFFICE_AFTER.match(text, mention.end) is not None


# A capitalised word right before a bare surname: "Fishermen Ewan MacAllister", where the
# tagger took "Fishermen Ewan" for one run and left "MacAllister" alone.
WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z]+) $")


def given_name_before(mention: Mention, text: str) -> str | None:
    """The given name a bare surname's text follows ("Ewan" of "Fishermen Ewan
    MacAllister"): the name is that full name, not the story's other bearer of the
    surname (his son Rory MacAllister). Only a given name of the hand-written table and
    a surname with no honorific."""
    if mention.kind != "name" or " " in mention.name or mention.text != mention.name:
        return None
    before = WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return before.group(1) if before and given_word_gender(before.group(1)) else None


# A sentence opening with an unnamed relative: "His father posted bail.", "The boy's
# mother wept." (no name after the kin word: "His father, Gareth Brand," names him).
KIN_OPENING = re.compile(r"(?:His|Her|Their|The\s+[a-z]+['\u2019]s|[A-Z][\w-]*['\u2019]s)\s+"
                         r"(?:(?:late|own|elder|older|younger)\s+)?([a-z]+)\b(?!,?\s+[A-Z])")
# ... and one with the relative's name after the kin word: "His father, Gareth Brand,"
# (the match ends where the name starts).
NAMED_KIN_OPENING = re.compile(r"(?:His|Her|Their|The\s+[a-z]+['\u2019]s|[A-Z][\w-]*['\u2019]s)"
                               r"\s+(?:(?:late|own|elder|older|younger)\s+)?([a-z]+),\s+")
# What may open a sentence before its subject's name: an honorific or title.
TITLE_BEFORE = re.compile(r"(?:[A-Z][a-z]*\.?\s+)?")
# A name opening its sentence, behind at most a title (a cheap test before the sentences).
OPENS_SENTENCE = re.compile(r"(?:[.!?][\"'\u201d\u2019]?\s+|\n)(?:[A-Z][a-z]*\.?\s+)?$")
REACH = 600  # characters read back for the sentence before a surname's

# Each kin word's counterpart: the relative named by the surname speaks of the person
# the story is about as that ("His father posted bail. Mr Brand said his son was
# innocent"). Without it the surname is as often the person himself ("His father was a
# miner. Brand studied law", "His son was in the car. Mr Brand said the boy was unhurt").
_PARENTS = ("father", "mother", "dad", "mum", "mom", "stepfather", "stepmother", "parents")
_CHILDREN = ("son", "daughter", "stepson", "stepdaughter", "child", "children", "boy", "girl")
_GRANDPARENTS = ("grandfather", "grandmother", "grandpa", "grandma", "grandparents")
_GRANDCHILDREN = ("grandson", "granddaughter", "grandchild", "grandchildren")
_WIVES = ("wife", "widow", "girlfriend", "fiancee", "partner")
_HUSBANDS = ("husband", "widower", "boyfriend", "fiance", "partner")
_SIBLINGS = ("brother", "sister")
_UNCLES = ("uncle", "aunt")
_NEPHEWS = ("nephew", "niece")
COUNTERPARTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_PARENTS, _CHILDREN), **dict.fromkeys(_CHILDREN, _PARENTS),
    **dict.fromkeys(_GRANDPARENTS, _GRANDCHILDREN),
    **dict.fromkeys(_GRANDCHILDREN, _GRANDPARENTS),
    **dict.fromkeys(_WIVES, _HUSBANDS), **dict.fromkeys(_HUSBANDS, _WIVES),
    **dict.fromkeys(_SIBLINGS, _SIBLINGS), **dict.fromkeys(_UNCLES, _NEPHEWS),
    **dict.fromkeys(_NEPHEWS, _UNCLES), "cousin": ("cousin",)}


def unnamed_relative(mention: Mention, text: str, named: Sequence[Mention] = ()
                     ) -> str | None:
    """The kin word of an unnamed relative a bare surname names: the sentence before
    opens with that relative ("His father posted bail.") and the surname opens its own
    sentence ("Mr Brand told reporters ...": the father, as news calls a relative it has
    just introduced). None when the honorific's gender is not the kin word's, no
    relative opens the sentence before, or the person `named` last before it (the
    article's person names) has another surname: the relative is that one's."""
    return _unnamed_kin(mention, text, named, _sentence_before(mention, text))


def named_relative(mention: Mention, text: str, named: Sequence[Mention] = ()
                   ) -> str | None:
    """The kin word of a relative named in full in the sentence before a bare surname of
    his: "Tom Brand appeared. His father, Gareth Brand, posted bail. Brand told reporters
    his son was innocent" is the father (his own sentence speaks of the story's person as
    his son). None unless the surname opens its sentence, the sentence before opens with
    the kin word and that person's full name of this surname, and the person `named` (the
    article's person names) before that sentence, if any, has this surname too."""
    return _named_kin(mention, text, named, _sentence_before(mention, text))


def relative_kin(mention: Mention, text: str, named: Sequence[Mention]) -> str | None:
    """`unnamed_relative`, else `named_relative`, finding the sentence before once."""
    before = _sentence_before(mention, text)
    return _unnamed_kin(mention, text, named, before) or \
        _named_kin(mention, text, named, before)


def _unnamed_kin(mention: Mention, text: str, named: Sequence[Mention],
                 before: tuple[int, int] | None) -> str | None:
    if before is None:
        return None
    start, end = before
    opening = KIN_OPENING.match(text, start)
    if opening is None or opening.end() > end or opening.group(1) not in RELATIVES:
        return None
    # whose relative: the person named last before, if any ("Mr. Gomes ... His mother
    # was a witness. Ms. Mendes had obtained ...": Gomes's mother, not Ms. Mendes)
    if _owned_by_another(mention, named, start):
        return None
    return _kin_of(opening.group(1), mention, text, opening.group(0).split()[0])


def _named_kin(mention: Mention, text: str, named: Sequence[Mention],
               before: tuple[int, int] | None) -> str | None:
    if before is None:
        return None
    start, end = before
    opening = NAMED_KIN_OPENING.match(text, start)
    if opening is None or opening.end() > end or opening.group(1) not in RELATIVES or \
            not any(m.start == opening.end() and " " in m.name and
                    surname(m.name) == mention.name for m in named):
        return None
    if _owned_by_another(mention, named, start):
        return None
    return _kin_of(opening.group(1), mention, text, opening.group(0).split()[0])


def _owned_by_another(mention: Mention, named: Sequence[Mention], start: int) -> bool:
    """Whether the person named last before `start` has another surname than the bare
    one: a relative the sentence before opens with is that person's."""
    owner = max((m for m in named if m.end <= start), key=lambda m: m.start, default=None)
    return owner is not None and surname(owner.name) != mention.name


def _sentence_before(mention: Mention, text: str) -> tuple[int, int] | None:
    """Where the sentence before a bare surname starts and ends, when the surname opens
    its own sentence behind at most a title ("Mr Brand told ..."); else None."""
    if mention.kind != "name" or " " in mention.name or \
            OPENS_SENTENCE.search(text, max(0, mention.start - 20),
                                  mention.end - len(mention.name)) is None:
        return None
    # the two sentences before, read back only so far: a long article has many surnames
    window = max(0, mention.start - REACH)
    ends = [m.end() for m in SENTENCE_END.finditer(text, window, mention.start)]
    if not ends or not TITLE_BEFORE.fullmatch(_before_name(mention, text, ends[-1])):
        return None
    start = ends[-2] if len(ends) > 1 else 0 if window == 0 else -1
    # the sentence before longer than REACH: no relative opens it near
    return (start, ends[-1]) if start >= 0 else None


def _kin_of(kin: str, mention: Mention, text: str, owner_word: str) -> str | None:
    """The kin word, if the surname's sentence speaks of the counterpart ("his son") and
    its honorific's gender is not another; of kin both ways (siblings, cousins), only if
    the speaker's pronoun tells him from the person the opening's `owner_word` ("Her")
    makes him the relative of."""
    speaker = _counterpart_possessive(kin, mention, text)
    if speaker is None:
        return None
    gender = mention_gender(mention, pronoun=False)
    kin_gender = "female" if kin in FEMALE_WORDS else "male" if kin in MALE_WORDS else None
    if kin in COUNTERPARTS[kin] and not _other_than_owner(speaker, owner_word, kin_gender):
        return None
    return kin if gender is None or kin_gender in {None, gender} else None


def _other_than_owner(speaker: str, owner_word: str, kin_gender: str | None) -> bool:
    """Kin both ways is told apart only by gender: "Her sister, Eva Brand, finished third.
    Brand said her sister pushed her" may be either sister speaking (no role), "Her
    brother, Tom Brand, led the search. Brand said his sister" only the brother."""
    speaker_gender = GENDERED_PRONOUNS.get(speaker.lower())
    owner_gender = GENDERED_PRONOUNS.get(owner_word.lower())
    return speaker_gender is not None and owner_gender not in {None, speaker_gender} and \
        kin_gender in {None, speaker_gender}


def _counterpart_possessive(kin: str, mention: Mention, text: str) -> str | None:
    """The possessive with which the surname's sentence names the person the kin word is a
    relative of by the counterpart kin word ("his" of "Mr Brand told reporters his son
    was innocent" after "His father posted bail"); None if it does not."""
    end = SENTENCE_END.search(text, mention.end)
    sentence = text[mention.end:end.start() if end else len(text)]
    counterparts = "|".join(COUNTERPARTS.get(kin, ()))
    found = re.search(rf"\b(his|her|their|my|our)\s+(?:[a-z]+\s+)?(?:{counterparts})\b",
                      sentence, re.IGNORECASE) if counterparts else None
    return found.group(1) if found else None


def _named_in_full_before(mention: Mention, named: Sequence[Mention]) -> bool:
    """The article names a person of this surname in full before it: "Mayor Anne Vidal
    ... Vidal's plans were rejected", "The race is Rusk's to lose" after Ada Rusk are
    hers. (Named only after it, "McDonald's said it would donate meals to the food bank
    Ewan McDonald runs", the company still.)"""
    return any(" " in m.name and surname(m.name) == mention.name and m.start < mention.start
               for m in named)


def _before_name(mention: Mention, text: str, sentence_start: int) -> str:
    """The words of the surname's sentence before its name ("Mr " of "Mr Brand")."""
    return text[sentence_start:mention.end - len(mention.name)]


def guard_bearers(mentions: list[Mention], texts: Mapping[str, str]
                  ) -> tuple[list[Mention], frozenset[tuple[str, int]]]:
    """The mentions without the one-word names that are places ("met officials in
    Paris", "Paris Mayor Anne Vidal"); a bare surname after a given name the tagger cut
    off made that full name ("Fishermen Ewan MacAllister"); an unnamed relative's surname
    given its kin word as role ("His father posted bail. Mr Brand said": "father"), and
    so a named relative's ("His father, Gareth Brand, ... Brand said his son"). Also
    the (article, start) of the names that are bodies ("McDonald's said it would"),
    whoever bears them as surnames."""
    kept: list[Mention] = []
    bodies: set[tuple[str, int]] = set()
    people: dict[str, list[Mention]] = defaultdict(list)  # the person names of each article
    starts = {(m.article_id, m.start) for m in mentions}
    for mention in mentions:
        if mention.kind == "name" and mention.label == "PERSON":
            people[mention.article_id].append(mention)
    for mention in mentions:
        text = texts.get(mention.article_id)
        if text is None or mention.kind != "name":
            kept.append(mention)
            continue
        if place_after_preposition(mention, text) or place_before_office(mention, text):
            continue
        given_name = given_name_before(mention, text)
        if given_name is not None and (mention.article_id, mention.start - len(given_name)
                                       - 1) not in starts:
            # "Fishermen Ewan MacAllister": the tagger cut his name (a mention of the full
            # name found already is kept as it is)
            name = f"{given_name} {mention.name}"
            mention = replace(mention, text=name, name=name, label="PERSON",
                              start=mention.start - len(given_name) - 1)
        if company_possessive(mention, text) and \
                not _named_in_full_before(mention, people[mention.article_id]):
            bodies.add((mention.article_id, mention.start))
            mention = replace(mention, label="ORG", role=None)
        kin = relative_kin(mention, text, people[mention.article_id]) \
            if mention.role is None else None
        kept.append(replace(mention, role=kin) if kin else mention)
    return kept, frozenset(bodies)
