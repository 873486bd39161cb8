"""Roles: what the words around a person's name say the person is.

Goes in: the tokens of a name in a parsed spaCy `Doc` (or a person's `Mention`). Comes out:
role strings, normalised ("The Health Minister" -> "health minister"; the body a title is of
keeps its capitals), read from title words before the name ("Transport Minister Tomas Brandt",
"former mayor Oren Dahl") or inside its entity ("Hawks GM Lena Ortiz"), a person noun right
before it ("Hawks pitcher Caleb Thornbury"), an apposition ("Jane Doe, the health minister,")
or a relative clause ("Tomas Ferreira, who chairs the union,"); and a titled name's further
roles (`Mention.other_roles`). Whether a name is a person at all is `mentions`' part; this
module only reads roles, and imports nothing from `mentions`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from spacy.tokens import Doc, Token

from .descriptions import PERSON_NOUNS, PERSON_TITLES, is_person_noun
from .models import Mention
from .names import HONORIFICS, ORG_NOUNS, ROLE_NOUNS
from .nlp import TITLE_ABBREVIATIONS as POLICE_TITLES
from .nlp import text_of
from .people import FEMALE_WORDS, MALE_WORDS, OTHER_PEOPLE
from .wording import stand_ins

# -- roles written before or inside a name --------------------------------------------

# Abbreviated titles the tokenizer keeps whole without a norm, and the word each stands for.
SPELLED_TITLES = {"rep": "representative", "sen": "senator", "gov": "governor",
                  "gen": "general", "lt": "lieutenant", "col": "colonel", "pres": "president",
                  "adm": "admiral"}


def split_person_tokens(tokens: list[Token]) -> tuple[str | None, list[Token], str | None]:
    """Separate "Dr." and a title such as "Health Minister" from the name itself."""
    honorific = None
    role_tokens: list[Token] = []
    index = 0
    while index < len(tokens) - 1:
        key = tokens[index].lower_.rstrip(".")
        if key in HONORIFICS:
            honorific = HONORIFICS[key]
        elif _is_role_word(tokens, index) or _is_role_word(tokens, index + 1):
            role_tokens.append(tokens[index])
        else:
            break
        index += 1
    name_tokens = [t for t in tokens[index:] if t.text != "."]
    role = normalize_role(" ".join(_spelled(t) for t in role_tokens)) if role_tokens else None
    return honorific, name_tokens, role


# Trades written as a title before a name ("Baker Owen Whitlock", "Firefighter Corwin
# Ashdale", "Harbour Master Elin Voss"); none is a common given name ("Hunter", "Mason"
# and "Tyler" are left out), so the word before a given name and surname is the job.
TRADE_TITLES = {"baker", "firefighter", "fireman", "fisherman", "farmer", "nurse",
                "paramedic", "plumber", "electrician", "midwife", "lifeguard", "postman",
                "postwoman", "ferryman", "boatman", "shopkeeper", "publican", "landlord",
                "landlady", "chef", "pilot", "surgeon", "dentist", "pharmacist", "builder",
                "carpenter", "joiner", "butcher", "grocer", "miner", "soldier", "sailor",
                "skipper", "crofter", "gamekeeper", "shepherd", "barman", "barmaid",
                "bartender", "waiter", "waitress", "caretaker", "janitor", "mechanic",
                "master", "harbourmaster", "harbormaster", "headmaster", "headmistress",
                "headteacher", "policeman", "policewoman", "coastguard", "gardener",
                "blacksmith", "beekeeper", "lighthouse-keeper", "lockkeeper", "ranger"}


def _is_role_word(tokens: list[Token], index: int) -> bool:
    """A title word inside a name's entity: a role noun, or an abbreviation in capitals
    before a given name and surname ("Hawks GM Lena Ortiz", "Colts QB Peyton Manning"; a
    name is not written in capitals inside mixed-case text, but initials are: "TJ Ford")."""
    token = tokens[index]
    if _spelled(token).lower() in ROLE_NOUNS:
        return True
    rest = tokens[index + 1:]
    if token.lower_ in PERSON_NOUNS | TRADE_TITLES and len(rest) >= 2 and \
            all(t.is_title for t in rest):
        return True  # "Rapper Jay Tolliver": a given name and surname after the noun
    if token.lower_ in TRADE_TITLES and token.is_title and len(rest) == 1 and \
            rest[0].is_title:
        return True  # "Barmaid Ollerenshaw": a trade is no given name, so a surname follows
    return token.is_upper and token.is_alpha and 2 <= len(token.text) <= 4 and \
        len(rest) >= 2 and all(t.is_title for t in rest)


def _spelled(token: Token) -> str:
    """A title word as a word: "Coun." and "Cllr" are "councillor", "Sen." is "senator"."""
    if token.text in POLICE_TITLES:
        return token.norm_
    return SPELLED_TITLES.get(token.lower_.rstrip("."), token.text) \
        if token.text.endswith(".") or token.lower_ in SPELLED_TITLES else token.text


def title_prefix(doc: Doc, start: int, *, name_start: int | None = None
                 ) -> tuple[str | None, int]:
    """Capitalised title words just before a name and where they start: "Transport
    Minister" Tomas Brandt, "Actress" Jane Roe. With `name_start`, the words from `start`
    to it are title words inside the name's entity, and the title may begin before them
    ("County" + "Clerk Dana Wolfe")."""
    index = (start if name_start is None else name_start) - 1
    words: list[Token] = []
    while index >= 0 and _may_be_title(doc[index], in_name=index >= start) \
            and doc[index].lower_.rstrip(".") not in HONORIFICS and len(words) < 4:
        words.insert(0, doc[index])
        index -= 1
    while words and not _is_title_word(words[-1]):
        words = words[:-1]
    while words and words[0].is_lower and words[0].lower_ not in ROLE_NOUNS | TITLE_MODIFIERS:
        words = words[1:]
    if not words:
        return None, start
    lower_title = words[0].is_lower
    trade = _with_trade_of(words)
    role = normalize_role(" ".join(_spelled(w) for w in trade))
    if role is not None and (_capital_of_the_sentence(trade) or trade[0] is not words[0] and
                             not trade[0].is_lower):
        role = role[0].lower() + role[1:]  # "Museum director Jonas Feld said": a museum's
    # A lower-case title is a description beside the name, not part of how it is written.
    return role, words[0].i if not lower_title else start


def _with_trade_of(words: list[Token]) -> list[Token]:
    """A lower-case title with the lower-case nouns that say what it is of: "café owner
    Renate Holm" is a café owner, not an owner ("shop steward", "dairy farmer")."""
    doc = words[0].doc
    index = words[0].i - 1
    while words[0].is_lower and index >= 0 and _lower_but_at_start(doc[index]) and \
            doc[index].is_alpha and (doc[index].pos_ == "NOUN" or not doc[index].is_lower) and \
            doc[index].dep_ == "compound" and doc[index].head in words and len(words) < 4:
        words = [doc[index], *words]
        index -= 1
    return words


def _lower_but_at_start(token: Token) -> bool:
    """A lower-case word, or one whose capital only opens the sentence ("Café owner
    Renna Dallow said"), not a name's."""
    if token.is_lower:
        return True
    # spaCy calls it a noun, or a proper noun of no place or body ("Café" it may take for
    # a person's) that is a common word ("Garcia campaign manager" is a name's), and the
    # text never capitalises it inside a sentence ("Harriers coach")
    common = token.pos_ == "NOUN" or token.pos_ == "PROPN" and \
        token.ent_type_ in {"", "PERSON"} and _a_common_word(token.lower_)
    return starts_sentence(token) and token.is_title and common and \
        not any(t.text == token.text and not starts_sentence(t) for t in token.doc)


def _a_common_word(word: str) -> bool:
    """WordNet knows the word in lower case, accents dropped ("café", "dairy"): no surname
    ("Henley", "Kowalski") the parser tagged as it tags "Café"."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return bool(stand_ins(plain) or stand_ins(plain, related=True))


def _capital_of_the_sentence(words: list[Token]) -> bool:
    """A lower-case title whose first word has its capital only from starting the
    sentence ("Museum director Jonas Feld said"): the article writes the word in lower
    case more often than with a capital inside a sentence ("the museum" against "Halvard
    Museum"); a name keeps its capital ("Colts coach", "Anchorage lawyer")."""
    first = words[0]
    if len(words) < 2 or not starts_sentence(first) or not words[-1].is_lower or \
            not first.is_title or first.ent_type_:
        return False
    lower = sum(1 for t in first.doc if t.text == first.lower_)
    inside = sum(1 for t in first.doc if t.text == first.text and not starts_sentence(t))
    # A common noun written nowhere else ("Opposition leader Mira Kalde said") is lower case.
    return lower > inside or inside == 0 and first.pos_ == "NOUN" and \
        _a_common_word(first.lower_)


def starts_sentence(token: Token) -> bool:
    """The token opens a sentence or a line."""
    before = token.doc[token.i - 1] if token.i else None
    return before is None or bool(token.is_sent_start) or "\n" in before.text_with_ws


# Lower-case words that belong to a title before a name ("former mayor Oren Dahl").
TITLE_MODIFIERS = {"former", "acting", "interim", "deputy", "outgoing", "incoming"}


def _may_be_title(token: Token, *, in_name: bool = False) -> bool:
    """A word of a title before a name: capitalised, a lower-case role ("former mayor"), or
    a legislator's abbreviation ("MP")."""
    if token.ent_type_ and not in_name and not _a_titles_words(token):
        return False  # a body's or place's name
    return token.is_title or token.lower_ in ROLE_NOUNS or token.lower_ in TITLE_MODIFIERS


def _a_titles_words(token: Token) -> bool:
    """An entity the tagger made of a capitalised title's words: "Network" of "Network
    Supervisor Dana Whitlock", "Harbour" of "Harbour Master", or "Network Supervisor"
    whole; not before a lower-case title ("Harbour spokesman Tomas Keller" keeps the
    harbour apart) nor a body's own name ("Ferrex Chief Executive")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I" and not starts_sentence(doc[start]):
        start -= 1  # (an entity run on from the headline above stops at the line)
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    words = doc[start:end]
    after = doc[end] if end < len(doc) else None
    return all(t.is_title and t.lower_ in COMMON_ROLE_WORDS | ROLE_NOUNS | TRADE_TITLES
               for t in words) and after is not None and after.is_title


def person_noun_before(doc: Doc, start: int) -> str | None:
    """A lower-case singular noun for what a person does, right before a name that has no
    other role ("Hawks pitcher Caleb Thornbury", "wide receiver Dion Mabry"): the role
    "pitcher", "receiver". A noun known only by its ending ("receiver", but also "silver",
    "center") only before a full name spaCy calls a person ("a silver Toyota" is a car). Not a
    relative or a friend ("his brother Tom" is someone else's relation). A role only: no
    sign that the name is a person's."""
    noun = doc[start - 1] if start else None
    if noun is None or not noun.is_lower or noun.tag_ != "NN" or not is_person_noun(noun) or \
            noun.lower_ in FEMALE_WORDS | MALE_WORDS | OTHER_PEOPLE:
        return None
    full_name = start + 1 < len(doc) and doc[start].ent_type_ == doc[start + 1].ent_type_ \
        == "PERSON" and doc[start + 1].ent_iob_ == "I"
    if noun.lower_ not in PERSON_TITLES and not full_name:
        return None
    return noun.lower_


def _is_title_word(token: Token) -> bool:
    """A title or a person noun written before a name ("Minister", "Actress", "Suspect")."""
    return _spelled(token).lower() in ROLE_NOUNS or \
        token.pos_ in {"NOUN", "PROPN"} and token.lower_ in PERSON_NOUNS | TRADE_TITLES


# -- roles beside a name: appositions and relative clauses ----------------------------

def apposition_role(head: Token) -> str | None:
    """Role from an apposition: "Jane Doe, the health minister," or "the spokesperson, Jane".
    Any singular common noun beside a name describes the person ("Lena Marsh, a nurse at
    ..."); a description before a name must be a person noun."""
    for child in head.children:
        # "Mara Fenwick, whose husband, Tam Fenwick,": the noun is someone else's role
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.tag_ == "NN" and \
                not any(c.lower_ == "whose" for c in child.children):
            return normalize_role(_subtree_text(child, stop_at=None))
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and is_person_noun(head.head):
        return normalize_role(_subtree_text(head.head, stop_at=head))
    return None


# "who chairs the union": the verb of a relative clause that says what a person holds,
# and the role it gives.
ROLE_VERBS = {"chair": "chair", "lead": "head", "head": "head", "run": "head",
              "direct": "director", "manage": "manager", "own": "owner", "found": "founder",
              "coach": "coach", "represent": "representative", "edit": "editor",
              "captain": "captain", "govern": "governor", "co-found": "co-founder"}


def relative_clause_role(head: Token) -> str | None:
    """Role from a relative clause: "Tomas Ferreira, who chairs the Kestrel Airport
    Workers' Union," is "chair of the Kestrel Airport Workers' Union". Only what someone
    holds now ("who ran the zoo until May" held it once); a founder stays one."""
    for clause in head.children:
        verb = clause.lemma_.lower()
        if clause.dep_ != "relcl" or verb not in ROLE_VERBS or \
                clause.tag_ not in {"VBZ", "VBP"} and verb not in {"found", "co-found"}:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        held = next((c for c in clause.children if c.dep_ == "dobj"), None)
        # a body ("the Kestrel Airport Workers' Union", "Little Travellers"), not "meetings
        # on Tuesdays" or "the march"
        if held is not None and (_names_a_body(held) or held.lemma_.lower() in WORK_LED):
            return normalize_role(f"{ROLE_VERBS[verb]} of {_subtree_text(held, stop_at=None)}")
    return None


# What someone leads that is no body but still their role ("who leads the study").
WORK_LED = {"study", "research", "project", "investigation", "inquiry", "review", "survey",
            "expedition", "excavation", "dig", "mission", "programme", "program"}


def _names_a_body(noun: Token) -> bool:
    """ "the Workers' Union", "the committee", "the agency's testing unit": a body or a
    part of one, by its name or its word."""
    def body(token: Token) -> bool:
        return token.pos_ == "PROPN" or token.lemma_.lower() in ORG_NOUNS
    return body(noun) or any(body(c) for c in noun.children
                             if c.dep_ in {"compound", "poss", "nmod"})


def with_other_roles(doc: Doc, mention: Mention) -> Mention:
    """A titled name's roles from an apposition or a relative clause as well: "Councillor
    Gareth Marr, the cabinet member for education," is a councillor and that member;
    "Councillor Maud Rooke, who chairs the environment committee," also its chair."""
    if mention.kind != "name" or mention.label != "PERSON" or not mention.role:
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    found = (apposition_role(span[-1]) or _role_before_comma(doc, mention, span[-1]),
             relative_clause_role(span[-1]))
    other = tuple(dict.fromkeys(r for r in found if r and r != mention.role))
    return replace(mention, other_roles=other) if other else mention


def _role_before_comma(doc: Doc, mention: Mention, head: Token) -> str | None:
    """ "The council's cabinet member for education, Councillor Gareth Marr, ...", parsed
    as two subjects of one verb: the person noun just before the comma describes him."""
    before = doc.char_span(mention.end - len(mention.text), mention.end,
                           alignment_mode="expand")
    if before is None or before.start < 2 or doc[before.start - 1].text != ",":
        return None
    noun = next((t for t in reversed(doc[head.sent.start:before.start - 1])
                 if t.pos_ == "NOUN" and t.dep_ == head.dep_ and t.head == head.head), None)
    if noun is None or not is_person_noun(noun) or noun.tag_ != "NN":
        return None
    return normalize_role(_subtree_text(noun, stop_at=None))


def _subtree_text(token: Token, *, stop_at: Token | None) -> str:
    """Text of a token's subtree, cut before a nested apposition or clause."""
    skip: set[int] = set()
    if stop_at is not None:
        skip.update(t.i for t in stop_at.subtree)
    for child in token.children:
        # A second description joined by "and" ("fire chief and a 24-year veteran of the
        # service") is another role, not part of this one.
        if child.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj"} or \
                child.dep_ == "prep" and child.lower_ in {"who", "which"}:
            skip.update(t.i for t in child.subtree)
    kept = {t.i for t in token.subtree if t.i not in skip}
    # One contiguous run around the head, as written, so distant words are never glued.
    left = right = token.i
    while left - 1 in kept and token.i - left < 8:
        left -= 1
    while right + 1 in kept and right - token.i < 8:
        right += 1
    doc = token.doc
    return text_of(doc)[doc[left].idx:doc[right].idx + len(doc[right].text)]


# -- role strings ---------------------------------------------------------------------

def normalize_role(role: str) -> str | None:
    """"The Health Minister" -> "health minister"; proper names keep their capitals."""
    text = re.sub(r"\s+'s\b", "'s", role.strip(" ,.;:-\u2013\u2014"))
    text = re.sub(r"^(the|a|an|its|his|her|their|whose)\s+", "", text, flags=re.IGNORECASE)
    # "one weaver, Dorit Selkirk," is a weaver and "one Kelby fisherman" a Kelby fisherman
    # ("one of the weavers" is kept whole), and so is "One weaver" opening a sentence, but
    # "One Show presenter" is of a name
    one = re.match(r"(?:one|another) (\S+)", text, flags=re.IGNORECASE)
    if one is not None and one.group(1) != "of" and \
            (text[0].islower() or one.group(1)[0].islower()):
        text = text[one.start(1):]
    if not text or len(text) > 80:
        return None
    words = text.split()
    # Only the title itself is lower-cased, not the body it is of ("Department of State").
    body = next((i for i, w in enumerate(words) if i and w.lower() in ROLE_PREPOSITIONS),
                len(words))
    lowered = [w.lower() if i < body and (w.lower().removesuffix("'s") in PERSON_TITLES |
                                          TRADE_TITLES or
                                          w.istitle() and w.lower() in COMMON_ROLE_WORDS)
               else w for i, w in enumerate(words)]
    return " ".join(lowered)


ROLE_PREPOSITIONS = {"of", "for", "at", "in", "with", "from", "on"}


COMMON_ROLE_WORDS = {"health", "transport", "foreign", "finance", "interior", "defence",
                     "defense", "education", "justice", "chief", "deputy", "senior", "vice",
                     "assistant", "executive", "general", "city", "state", "federal",
                     "national", "bus", "prime", "economy", "trade", "culture", "former",
                     "acting", "interim", "outgoing", "incoming", "police", "fire", "county",
                     "district", "town", "village", "parish", "borough", "township",
                     "municipal", "provincial", "regional", "school", "border",
                     # places and services a local title is of ("Harbour Master")
                     "harbour", "harbor", "port", "network", "station", "rail", "transit",
                     "water", "coast", "dock", "ferry", "lighthouse", "airport", "museum",
                     "library", "park", "hospital", "site", "shift", "night", "head",
                     # emergency services ("Rescue chief" opening a sentence)
                     "rescue", "ambulance", "coastguard", "emergency", "safety"}


def role_noun(role: str) -> str:
    """The noun a role is about: "accounting firm" -> "firm", "head of the firm" ->
    "head"."""
    words = re.split(r"\s+(?:at|of|for|on|in|with|from)\s+", role.lower(), maxsplit=1)[0]
    return (words.split() or [""])[-1]
