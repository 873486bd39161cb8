"""The words of a date's clause, and who "it" is in a body's own plan.

Goes in: a date expression's `Span` in a parsed spaCy `Doc`. Comes out: the clause it
belongs to as text (`anchored_clause`: the governing verb's subtree, a relative clause told
with its noun, the noun phrase of a deed a time ago dates, the whole sentence when the
parse lost its main verb); when the clause is what a body said of itself ("The agency
said it would begin an inspection on Monday"), the body as written (`own_plan_speaker`);
and when the date dates a saying, the words that frame what was said (`speech_frame`).
`date_clauses` answers the other questions of the date; `dates` asks both.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .date_clauses import (
    SPEECH_LEMMAS,
    auxiliaries,
    governing_verb,
    sentence_bounds,
)
from .descriptions import is_person_noun
from .entity_kinds import BODY_WORDS
from .name_repairs import ORG_NAME_WORDS
from .nlp import text_of


def anchored_clause(ent: Span) -> str:
    """The clause a date expression belongs to (the governing verb's subtree)."""
    verb = governing_verb(ent)
    start, end = sentence_bounds(ent)
    sentence = text_of(ent.doc)[start:end]
    if verb is None or not start <= verb.idx < end:
        # the parser ran past the sentence's end ("... after 2 p.m.\n\nMs. Oksen said"):
        # a verb of the next sentence tells no clause of this one
        return sentence
    while verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and verb.head != verb and \
            len(list(verb.subtree)) < 6:
        verb = verb.head
    # Climb from an infinitive or participle to the clause that has a subject, and from
    # "how the cracks had gone unnoticed" to the clause asking it.
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head != verb and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head
    if verb.dep_ in {"ccomp", "pcomp"} and verb.left_edge.tag_ in {"WRB", "WP"}:
        verb = governing_verb(verb.doc[verb.head.i:verb.head.i + 1]) or verb
    if _restricts_any(verb):
        # "hotel rooms for any family that cannot go home tonight": the relative clause
        # only says which families; what is told at the date is the clause around them.
        verb = governing_verb(verb.doc[verb.head.i:verb.head.i + 1]) or verb
    if verb.tag_ == "VBG" and verb.dep_ == "pobj":
        # "close its runway for resurfacing from November 2": the gerund is a noun here;
        # the clause is the closing, not the fragment "resurfacing from November 2".
        verb = governing_verb(verb.doc[verb.head.i:verb.head.i + 1]) or verb
    if _lost_main_verb(verb):
        return sentence
    deed = _deed_noun_before(ent, verb)
    if deed is not None:
        return _text_of_tokens([*deed, *ent])
    # Not a second clause joined to it ("... and that the runway would reopen on
    # December 14"): that one tells of its own date.
    others = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
              and not c.left_edge.i <= ent.start <= c.right_edge.i for t in c.subtree}
    tokens = [t for t in verb.subtree if start <= t.idx < end and not t.is_space and
              t.i not in others]
    tokens = _trim_tokens(tokens)
    if len(tokens) < 4:
        return sentence
    clause = _text_of_tokens(tokens)
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        if tokens[0].tag_ == "WRB":  # "the island, where the ferry ran aground on Tuesday"
            return sentence
        return _with_its_noun(verb, tokens, start) or clause
    return clause


def _lost_main_verb(verb: Token) -> bool:
    """The parser rooted the sentence on a noun before the verb and hung the verb, with a
    subject after that noun, below another word ("The jury in the trial of a foreman accused
    of causing the deaths of two workers was sent out on Monday": "jury" the root, "the
    deaths" the subject of "sent"): the verb's subtree is no clause of the sentence."""
    root = verb.sent.root
    # "... sank during the night before rescuers reached it on Tuesday": a clause its
    # conjunction marks is a clause of its own, wherever the parser hung it
    return root.pos_ in {"NOUN", "PROPN"} and root.i < verb.i and verb.head != root and \
        verb.dep_ != "relcl" and not any(c.dep_ == "mark" for c in verb.children) and \
        any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > root.i for c in verb.children)


def _deed_noun_before(ent: Span, verb: Token) -> list[Token] | None:
    """ "denies manslaughter over the scaffold collapse on Kelland Road two years ago": a
    time ago, hung on a verb in the simple present (what is so now), right after the noun
    phrase of a preposition of that verb; the time dates that noun's deed, and the
    clause is the noun phrase. None for anything else."""
    if ent[-1].lower_ != "ago" or verb.tag_ not in {"VBZ", "VBP"} or auxiliaries(verb) or \
            ent.start == 0:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > ent.start:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        if noun is not None and noun.right_edge.i == ent.start - 1:
            return list(ent.doc[noun.left_edge.i:ent.start])
    return None


# Determiners that make a noun anyone or anything of a kind ("any family", "every
# household"): a relative clause on it picks out whom, and tells no event of its own.
ANY_DETERMINERS = {"any", "every", "each", "whichever", "whatever"}


def _restricts_any(verb: Token) -> bool:
    """The verb heads a relative clause on a noun of any one of a kind: "any family that
    cannot go home tonight", "every driver who parks there after 6 p.m."."""
    return verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ANY_DETERMINERS for c in verb.head.children)


def _a_body(speaker: Token) -> bool:
    """A speaker that may call itself "it": a description of no person ("the agency"), or
    a name the tagger calls no person's or whose last word is a body's ("Harl Grocers",
    "Tallowmere Solvents"). "Ada Lunn said it would rain": the "it" is not hers."""
    if speaker.pos_ == "NOUN":
        return not is_person_noun(speaker)
    return speaker.pos_ == "PROPN" and (speaker.ent_type_ not in {"PERSON", ""} or
                                        speaker.lower_ in BODY_WORDS | ORG_NAME_WORDS)


# Verbs whose "it" is seldom the speaker: "Police said it was the third fire since
# January 12", "The council said it would be dry on Saturday", "... it would snow", "The
# airline said it happened on Tuesday night" (the incident), "it would cost ... by June".
IMPERSONAL_LEMMAS = {"be", "rain", "snow", "happen", "occur", "cost", "seem", "appear"}


def own_plan_speaker(ent: Span) -> str:
    """Who "it" is when the date's clause is what a body said of itself ("The state
    environment agency said it would begin an inspection on Monday"): the speaker as
    written ("The state environment agency"), so the entry need not open on "It would";
    "" for anything else (a pronoun speaker, "she said it would", tells no more)."""
    verb = governing_verb(ent)
    if verb is None:
        return ""
    while verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and verb.head != verb and \
            len(list(verb.subtree)) < 6:
        verb = verb.head
    if _restricts_any(verb):
        verb = governing_verb(verb.doc[verb.head.i:verb.head.i + 1]) or verb
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in SPEECH_LEMMAS:
        return ""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "it" or speaker is None or \
            not _a_body(speaker) or verb.lemma_ in IMPERSONAL_LEMMAS:
        return ""
    # the name or description up to its head: "Corran Ferry Lines" of "Corran Ferry Lines,
    # which runs the island route,"
    return _text_of_tokens(list(speaker.doc[speaker.left_edge.i:speaker.i + 1]))


def speech_frame(ent: Span) -> str:
    """When the date dates a saying ("On 4 March 2025, Harwick police told residents near
    the depot to boil their water"), the words of the saying's frame as written: the speech
    verb, who spoke and whom, if unnamed, it addressed ("Harwick police told residents").
    The frame is not the event, what was said is: three outlets' "Harwick police said
    ...", "... told ...", "... warned ..." of three deeds share it all. "" when the date
    dates no saying."""
    verb = governing_verb(ent)
    start, end = sentence_bounds(ent)  # (the parser may run a dateline into the lede)
    if verb is None or verb.lemma_ not in FRAME_LEMMAS or not start <= verb.idx < end:
        return ""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ == "nsubj":  # (the subject of "was announced" is what was said)
            if child.left_edge.i <= ent.start < child.right_edge.i + 1:
                return ""  # a parse that hangs the date in the speaker tells no frame
            tokens.extend(child.subtree)
        elif verb.lemma_ in ADDRESSING_LEMMAS and child.dep_ in {"dobj", "dative"}:
            # the one told up to its noun ("shoppers about fake collectors" may hang the
            # warning's matter on "shoppers"); a named one ("told Vanity Fair magazine")
            # is an interview, which tells of itself
            addressee = list(verb.doc[child.left_edge.i:child.i + 1])
            if not any(t.pos_ == "PROPN" for t in addressee):
                tokens.extend(addressee)
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


# Verbs of saying whose subject and verb frame what was said ("warned of smoke", "urged
# drivers to avoid the road"), and those of them whose object is the one told, not the
# thing said ("told residents", against "announced the closure").
FRAME_LEMMAS = SPEECH_LEMMAS | {"warn", "urge", "advise", "remind", "inform", "caution",
                                "claim"}
ADDRESSING_LEMMAS = {"tell", "warn", "urge", "advise", "remind", "inform", "caution"}


def _trim_tokens(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "mark"}):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _text_of_tokens(tokens: list[Token]) -> str:
    return text_of(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _with_its_noun(verb: Token, tokens: list[Token], start: int) -> str | None:
    """A relative clause says something of its noun: "Mayor Varga, who visited the
    barriers at 7 a.m." is told as "Mayor Varga visited the barriers at 7 a.m.", and "a
    report presented to the council on Wednesday" keeps its noun."""
    noun = verb.head
    # "a toll on heavy trucks that was scrapped": the parser may hang the clause on either
    # noun, so the whole phrase up to the clause is told.
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and \
            noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head
    left = _trim_tokens(list(noun.doc[noun.left_edge.i:tokens[0].i]))
    if not left or left[0].idx < start or any(t.text in {",", ";", ":"} or t.is_quote
                                              for t in left):
        return None
    if tokens[0].tag_ in {"WP", "WDT"} and tokens[0].dep_ in {"nsubj", "nsubjpass"}:
        tokens = tokens[1:]  # "who visited": the noun is the subject
    if not tokens:
        return None
    return f"{_text_of_tokens(left)} {_text_of_tokens(tokens)}"
