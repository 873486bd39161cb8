"""Which kind of thing a name is: a person, a body or a place, by the words around it.

spaCy's labels go wrong on unfamiliar names, and a wrong label puts a firm or a village
among the story's people: "the Bristol filtration firm Bramley Dawson" and "Parents in
Stoke Abbas" are tagged as people, "Harrowmere Reservoir" and "Saxa Vord" as bodies. The
text says better:

- a body: a company noun before the name or in apposition to it ("the regional fund
  Carrick Wynn", "A Bristol firm, Bramley Dawson,"), a company word ending it ("Halvard
  Launch Services", "Tidewater Holdings") or its acronym in brackets after it ("(HLS)");
- a place: a name after "in" or "near" on a noun for people or things that are somewhere
  ("Parents in Stoke Abbas", "a school near ..."; not "confidence in Tom Roe"), or after
  "at"/"from" people ("pupils from Stoke Abbas"); a name ending in a word for water or land
  ("Harrowmere Reservoir"); a name spaCy calls a body that is where something is ("from
  Saxa Vord in Shetland"); a one-word name describing a company ("a Bristol firm");
- no name at all, but a word of a title: "Reservoir Supervisor Petra Quillon", where the
  article writes "the reservoir" too, has the role "reservoir supervisor".

An honorific, an age or a title says person and wins over all of these. A name used only
as a modifier ("Stoke Abbas pupils") stays a candidate: a person only where the story
names someone with it (`names.resolve_candidates`).

Goes in: one article's parsed `Doc` and mentions (`settle_kinds`, from
`mentions.find_mentions`), then a story's mentions (`settle_story_kinds`, from
`entities.link_entities`): a name one article calls a body or a place is one in every
article of the story, unless an article marks it as a person's (a place only on a strong
cue, "Parents in ...", or where spaCy calls it a place somewhere). Also two small rules for
the story's list of bodies: "Fernhill Primary" is "Fernhill Primary School"
(`merge_short_bodies`), and an outlet named only in a credit line is provenance, not an
actor (`credited_only`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .credits import CREDIT_PATTERNS, OUTLET_WORDS, same_outlet
from .descriptions import is_person_noun
from .models import Article, Entity, Mention
from .name_repairs import ORG_NAME_WORDS, PLACE_LABELS, SPEECH_LEMMAS
from .names import HONORIFICS, ORG_NOUNS, ROLE_NOUNS, person_key, surname
from .nlp import text_of
from .people import Cluster

# Nouns for a business or fund: a name they introduce is a body ("the firm Bramley Dawson",
# "Bramley Dawson, the accounting firm"); a description with one as its head ("the company
# said") stands for a body. The one list of them: `mentions` and `entities` read it too.
COMPANY_NOUNS = frozenset({
    "firm", "company", "fund", "maker", "operator", "group", "agency", "bank", "insurer",
    "developer", "contractor", "manufacturer", "carmaker", "automaker", "retailer", "lender",
    "startup", "start-up", "consultancy", "conglomerate", "subsidiary", "supplier", "charity",
    "airline", "business", "corporation", "partnership", "chain", "carrier", "utility"})
# Those a person may be called too: only after "the" or "a" do they make the name after
# them a body ("the rail operator X", not "property developer Tom Roe"), never in
# apposition ("Gerard Roux, the store's insurer" is a person), and "the developer" is the
# one person the article gives that role before it is a company.
SHARED_COMPANY_NOUNS = frozenset({"maker", "operator", "insurer", "developer", "contractor",
                                  "retailer", "lender", "supplier", "carrier"})
# Those no person is called.
FIRM_NOUNS = COMPANY_NOUNS - SHARED_COMPANY_NOUNS
# Last words of a company's name ("Halvard Launch Services", "Tidewater Holdings").
COMPANY_ENDINGS = {"services", "holdings", "partners", "group", "ltd", "limited", "plc",
                   "inc", "llc", "llp", "associates", "consultants", "consulting", "capital",
                   "ventures", "industries", "enterprises", "solutions", "logistics",
                   "investments", "developments", "properties", "contractors", "builders",
                   "engineering", "construction", "aerospace", "robotics", "pharmaceuticals",
                   "textiles", "fabrics",
                   # plurals of what a chemical or materials works makes: no one's surname
                   "solvents", "chemicals", "plastics", "polymers", "coatings", "resins",
                   "adhesives", "fertilisers", "fertilizers", "paints", "alloys"}
# Words that end a body's name of any kind: such a name is never a place.
BODY_WORDS = COMPANY_ENDINGS | {
    "school", "primary", "academy", "college", "university", "hospital", "council", "club",
    "church", "office", "ministry", "department", "police", "court", "authority", "agency",
    "trust", "board", "committee", "association", "union", "society", "foundation",
    "institute", "company", "corporation", "bank", "fund", "airport", "station", "press",
    "times", "news", "herald", "post", "orbital", "airways", "airlines"}
# Words a body's name ends in, before a job title: "Pelham Estates director".
BODY_NAME_WORDS = COMPANY_ENDINGS | {"estates", "bakery", "brewery", "airlines", "airways",
                                     "council", "trust", "group", "bank", "museum", "club"}
# Words for the weather that spaCy may take for a surname at a sentence start.
WEATHER_WORDS = {"frost", "rain", "snow", "sleet", "hail", "fog", "mist", "drizzle",
                 "showers", "sunshine", "gales", "thunder", "storms", "ice", "cloud"}
# A body's name of capitalised words opening a job title: "Brackley Estates director".
EMPLOYER_IN_ROLE = re.compile(r"((?:[A-Z][a-z]+ )+[A-Z][a-z]+) (?=[a-z])")
# Last words of a company's name that news shortens to its first word ("Northwind").
COMPANY_NAME_ENDINGS = (COMPANY_ENDINGS | BODY_NAME_WORDS | ORG_NAME_WORDS) - {
    w.lower() for w in OUTLET_WORDS} - {
    "council", "trust", "museum", "club", "city", "united", "rovers", "weekly", "ledger",
    "brief"}
# Words of a public body's name: never a company's.
PUBLIC_WORDS = {"council", "county", "borough", "national", "royal", "state", "federal",
                "ministry", "department", "authority", "government"}
# Roles a body may hold before its name: "Landlord Pelham Estates".
BODY_ROLE_WORDS = {"landlord", "owner", "operator", "developer", "employer", "sponsor",
                   "insurer", "lender", "buyer", "supplier", "contractor", "builder", "tenant"}
# Last words of places of water and land that spaCy may take for a body or a person.
PLACE_ENDINGS = {"Reservoir", "Loch", "Lough", "Estuary", "Peninsula", "Forest", "Moor",
                 "Moors", "Beach", "Dam", "Canal", "Lagoon", "Glacier", "Isles", "Fjord",
                 "Marina", "Quay", "Wetlands", "Archipelago", "Lake", "Island",
                 "Lighthouse", "Point", "Cove", "Bay", "Headland", "Falls"}
# Prepositions after which a name is where something is; "at" and "from" only after
# people ("pupils from Stoke Abbas"): "a letter from Ana Ruiz" is from a person.
WHERE_PREPOSITIONS = {"in", "near"}
PEOPLE_PREPOSITIONS = {"at", "from"}
# Generic last words a body's name may drop ("Fernhill Primary" for "... Primary School").
GENERIC_BODY_WORDS = {"School", "Hospital", "Council", "Club", "College", "Academy",
                      "Church", "Surgery", "Library"}
# A short form ending so is a place, not the body ("Calder County" of "... County Council").
PLACE_LAST_WORDS = {"county", "city", "town", "borough", "district", "valley", "village",
                    "parish", "state", "province", "region"}
# The people and buildings of a place a name may modify ("Stoke Abbas pupils").
RESIDENT_NOUNS = {"resident", "pupil", "parent", "villager", "family", "household",
                  "child", "student", "voter", "homeowner", "farmer", "commuter",
                  "shopkeeper", "business", "school", "home", "people", "townspeople"}
SETTLEMENT_WORDS = {"village", "town", "parish", "hamlet", "city"}
# "the village of X", and its council: "the town council of X"
SETTLEMENT_BEFORE = re.compile(rf"\b({'|'.join(sorted(SETTLEMENT_WORDS))})(?: council)? of $",
                               re.IGNORECASE)
# Nouns for people, groups, buildings and events that are somewhere: "in" or "near" on
# them makes the name after a place ("Parents in Stoke Abbas", "a school near Stoke
# Abbas"). "in" on anything else is no place cue: "a vote of no confidence in Tom Roe",
# "they believe in Tom Roe".
PLACED_NOUNS = RESIDENT_NOUNS | SETTLEMENT_WORDS | {
    "house", "villa", "cottage", "mansion", "apartment", "hospital", "shop", "store",
    "farm", "factory", "plant", "site", "office",
    "facility", "mill",
    "station", "road", "street", "bridge", "pier", "harbour", "harbor", "port", "hall",
    "library", "surgery", "clinic", "pub", "hotel", "church", "park", "field", "estate",
    "flat", "area", "land", "building", "centre", "center", "warehouse", "depot", "base",
    "prison", "camp", "mine", "market", "beach", "coast", "community", "neighbourhood",
    "neighborhood", "population", "crowd", "fire", "flood", "storm", "crash", "protest",
    "rally", "meeting", "festival", "explosion", "accident", "earthquake", "landslide"}
# People nouns whose "in" is not where they are: "investors in Carrick Wynn".
NOT_PLACED_PEOPLE = {"investor", "shareholder", "stakeholder", "partner", "believer",
                     "expert", "specialist", "lecturer", "professor", "degree"}
SPACY_PLACE_LABELS = PLACE_LABELS
# The cue of a name found at an end of a route ("between Dunmere and Castlebay").
ROUTE_CUE = "route end"
AGE_RE = re.compile(r",\s*(\d{1,3}),")


# -- within one article ------------------------------------------------------------------

def settle_kinds(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One article's name mentions with the kind the words around them give: bodies,
    places and title words out of its people, places out of its bodies."""
    settled: list[Mention] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if mention.kind != "name" or span is None or mention.label not in {"PERSON", "ORG"}:
            settled.append(mention)
            continue
        found = _settled(doc, span, mention)
        if found is not None:
            settled.append(found)
    return _with_employers(doc, _with_title_nouns(doc, settled))


def with_settlement_cues(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names after "the village of", "the town of" ... are places: such a mention gets the
    cue ("village of") that makes the name a place in the whole story."""
    text = text_of(doc)
    out = []
    for mention in mentions:
        found = SETTLEMENT_BEFORE.search(text, max(0, mention.start - 20), mention.start)
        if found and mention.kind in {"name", "candidate"} and not mention.honorific:
            mention = replace(mention, kind="candidate", label="GPE", role=None,
                              cue=f"{found.group(1).lower()} of")
        out.append(mention)
    return out


def _with_employers(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A body's name before a job title is the employer, not part of the person's role:
    "Pelham Estates director Simon Pelham", where spaCy reads "Pelham" as one name and
    "Estates director Simon Pelham" as another, is the body Pelham Estates and its
    director; a role word before a body's name is no part of the name ("Landlord Pelham
    Estates" is Pelham Estates)."""
    text = text_of(doc)
    out: list[Mention] = []
    for mention in mentions:
        body_word = re.match(r"([A-Z][a-z]+) (?=[a-z])", mention.text)
        before = out[-1] if out else None
        starts = mention.end - len(mention.text)  # the text may start at a title
        if mention.label == "PERSON" and mention.role and body_word and \
                before is not None and before.kind == "name" and \
                before.end + 1 == starts and text[before.end] == " " and \
                _ends_a_body_name(body_word.group(1), before):
            name = text[before.start:starts + len(body_word.group(1))]
            out[-1] = Mention(mention.article_id, name, before.start,
                              before.start + len(name), "ORG", name=name)
            role = mention.role[len(body_word.group(1)):].strip() or None
            mention = replace(mention, text=text[mention.start:mention.end],
                              role=role)
        elif mention.label == "ORG" and mention.kind == "name":
            mention = _without_role_word(mention)
        elif mention.label == "PERSON" and mention.role:
            body, mention = _employer_in_role(mention)
            if body is not None:
                out.append(body)
        out.append(mention)
    return out


def _ends_a_body_name(word: str, before: Mention) -> bool:
    """The capitalised word between a name and a job title ends the name: a body's word
    ("Estates"), or, after a name spaCy calls a body, a plural noun ("Vellmark Lifts chief
    executive", "Harlow Motors director"; not the "Press" of a press secretary, nor a
    department the title is in: "Vellmark Sales director" is Vellmark's sales director)."""
    return word.lower() in BODY_NAME_WORDS or before.label == "ORG" and \
        word.endswith("s") and not word.endswith("ss") and word.lower() not in ROLE_NOUNS and \
        word.lower() not in DEPARTMENT_WORDS


# Plural-looking words naming a department or a field a title is of, no body's last word.
DEPARTMENT_WORDS = {"sales", "operations", "communications", "affairs", "relations",
                    "logistics", "economics", "politics", "physics", "resources", "analytics"}


def _employer_in_role(mention: Mention) -> tuple[Mention | None, Mention]:
    """ "Brackley Estates director Ivo Brackley" read as one title: the body, and its
    director."""
    found = EMPLOYER_IN_ROLE.match(mention.text)
    if found is None or found.group(1).split()[-1].lower() not in BODY_NAME_WORDS or \
            not (mention.role or "").startswith(found.group(1)):
        return None, mention
    name, start = found.group(1), mention.end - len(mention.text)
    body = Mention(mention.article_id, name, start, start + len(name), "ORG", name=name)
    role = mention.role[len(name):].strip() if mention.role else None
    # the person's span is their name alone: "Brackley Estates director" is not theirs
    text = mention.text[len(mention.text) - (mention.end - mention.start):]
    return body, replace(mention, text=text, role=role or None)


def _without_role_word(mention: Mention) -> Mention:
    """ "Landlord Pelham Estates": the body, called a landlord."""
    first, _space, rest = mention.text.partition(" ")
    if first.lower() not in BODY_ROLE_WORDS or len(rest.split()) < 2 or \
            mention.start != mention.end - len(mention.text):
        return mention
    cut = len(first) + 1
    return replace(mention, text=rest, start=mention.start + cut, role=first.lower(),
                   name=rest if mention.name == mention.text else mention.name)


def _settled(doc: Doc, span: Span, mention: Mention) -> Mention | None:
    """The mention as the text says it is; None when it names a place or is a title word."""
    if mention.label == "ORG" and (span[-1].text in PLACE_ENDINGS or
                                   _describes_a_company(span) or _where_something_is(span) or
                                   _hometown(span)):
        return None
    where = _thing_placed_before(span) if mention.label == "ORG" else None
    if where is not None:
        return replace(mention, kind="candidate", label="GPE", role=None, cue=where)
    town = _body_taken_for_a_town(doc, span, mention)
    if town is not None:
        return replace(mention, kind="candidate", label="GPE", cue=town)
    if _marked_as_person(doc, span, mention):
        return mention
    if _weather_word(span) or _named_storm(span):
        return None
    if _on_a_route(span):  # "between Dunmere and Castlebay"
        return replace(mention, kind="candidate", label="GPE", role=None, cue=ROUTE_CUE)
    if span[-1].text in PLACE_ENDINGS:
        return None
    cue = _company_cue(span)
    if cue is not None:
        return replace(mention, label="ORG", role=None, other_roles=(), honorific=None,
                       cue=cue)
    if mention.label != "PERSON" or len(span) < 2:
        return mention
    where = _place_cue(span)
    if where is not None or _where_something_is(span):
        return replace(mention, kind="candidate", label="GPE", role=None,
                       cue=where or "in")
    if _modifies_a_thing(span):  # "Stoke Abbas pupils": a person only if named elsewhere
        return replace(mention, kind="candidate")
    return mention


def _body_taken_for_a_town(doc: Doc, span: Span, mention: Mention) -> str | None:
    """The cue of a name spaCy calls a body that the text puts a town or a building in:
    "the fictional town of Dunmarrow", "the company's plant in Oskerby". Not a name with a
    body's word or a body's cue ("the Calder Trust", "Halvern Textiles")."""
    if mention.label != "ORG" or mention.kind != "name" or mention.cue or \
            any(t.lower_ in BODY_WORDS | ORG_NAME_WORDS or t.is_upper for t in span):
        return None
    town = SETTLEMENT_BEFORE.search(text_of(doc), max(0, mention.start - 20), mention.start)
    if town is not None:
        return f"{town.group(1).lower()} of"
    if span.end + 1 < len(doc) and doc[span.end].lower_ in MAYORS and \
            doc[span.end + 1].pos_ == "PROPN":
        return "town of"  # "Halden Cross Mayor Edda Renk": a mayor's body is a town's
    cue = _place_cue(span)
    return cue if cue is not None and _strong_place_cue(cue) else None


MAYORS = {"mayor", "mayoress", "burgomaster"}


def _on_a_route(span: Span) -> bool:
    """A one-word name paired with a place spaCy knows as the ends of a route or a span
    ("between Dunmere and Castlebay", "the Dunmere to Castlebay service") is a place."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or span[0].lower_ in BODY_WORDS:
        return False
    joint, other = doc[span.start - 1], doc[span.start - 2]
    paired = joint.lower_ in {"and", "to"} and other.ent_type_ in SPACY_PLACE_LABELS and (
        joint.lower_ == "to" or span.start >= 3 and doc[span.start - 3].lower_ == "between")
    # Only where the sentence tells of a way between them: "talks between Calydon and
    # Northwind" pair a country with a company.
    return paired and any(t.lemma_.lower() in ROUTE_WORDS for t in span.sent)


# Words of a way, or of going, between two places.
ROUTE_WORDS = {"route", "road", "service", "ferry", "flight", "line", "train", "bus",
               "crossing", "link", "rail", "railway", "motorway", "highway", "journey",
               "connection", "trip", "border", "tunnel", "bridge", "path", "trail",
               "fly", "sail", "travel", "drive", "commute"}


def _weather_word(span: Span) -> bool:
    """ "Frost likely overnight.": a word for the weather starting a sentence, with no verb
    after it, is no one's name ("Frost said" may still be someone)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    before = span.doc[span.start - 1] if span.start else None
    starts = before is None or before.text[-1] in ".!?" or "\n" in before.text_with_ws
    return len(span) == 1 and starts and span[0].lower_ in WEATHER_WORDS and \
        (after is None or after.pos_ != "VERB")


# Words that open a storm's name ("Storm Maren", "Hurricane Edsel", "Tropical Storm Ula").
STORM_WORDS = {"storm", "hurricane", "typhoon", "cyclone", "tropical"}


def _named_storm(span: Span) -> bool:
    """ "Storm Maren struck the county": a storm's name is no one's, unless someone speaks
    under it ("Storm Halloran said"; an age or a title, `_marked_as_person`, comes first)."""
    if len(span) < 2 or span[0].lower_ not in STORM_WORDS:
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is None or after.lemma_.lower() not in SPEECH_LEMMAS


def _marked_as_person(doc: Doc, span: Span, mention: Mention) -> bool:
    """An honorific, an age ("Carrick Wynn, 54,"), a title before the name or a job set
    beside it ("the acting port minister, Ilka Cove": no cove holds a job)."""
    if mention.label != "PERSON":
        return False
    after = text_of(doc)[mention.end:mention.end + 6]
    return bool(mention.honorific or AGE_RE.match(after) or
                mention.role and mention.end - len(mention.text) < mention.start or
                mention.role and mention.role.split()[-1].lower() in ROLE_NOUNS)


def _company_cue(span: Span) -> str | None:
    """What says the name is a body: the company noun before it or in apposition ("the
    regional fund Carrick Wynn", "Bramley Dawson, a Bristol firm,"), a company word ending
    it ("Halvard Launch Services") or its acronym in brackets after it ("(HLS)")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.is_lower and _company_noun(before) and (
            before.lemma_.lower() in FIRM_NOUNS or any(c.lower_ in {"the", "a", "an"}
                                                       for c in before.children)) and \
            not verb_follows(doc, span.end):  # "The firm Tom Roe set up": he set it up
        return before.lower_
    apposed = apposed_firm_noun(span)
    if apposed is not None:
        return f", {apposed.lower_}"
    if told_of_with_which(span):
        return ", which"
    if len(span) > 1 and span[-1].lower_.rstrip(".") in COMPANY_ENDINGS and span[-1].is_title:
        return span[-1].text
    match = re.match(r"\s*\(([A-Z]{2,6})\)", text_of(doc)[span.end_char:span.end_char + 10])
    if len(span) > 1 and match and match.group(1) == "".join(
            t.text[0] for t in span if t.text[:1].isupper()):
        return f"({match.group(1)})"
    return None


def apposed_firm_noun(span: Span) -> Token | None:
    """The company noun in apposition to a name ("Bramley Dawson, a Bristol firm,", "Mat
    Maid the state-owned corporation"): only a noun no person is called ("Angelique
    Brunner, a developer and spokeswoman," is a person), its phrase right beside the name
    or its comma: in "Noah Grell of the Calder Trust, a charity," the charity is the
    Trust."""
    doc, root = span.doc, span.root
    beside = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
    apposed = [root.head] if root.dep_ == "appos" and span.start and \
        doc[span.start - 1].text == "," else []
    apposed += [c for c in root.children if c.dep_ == "appos" and c.left_edge.i == beside]
    return next((n for n in apposed if n.pos_ == "NOUN" and (
        n.lemma_.lower() in FIRM_NOUNS or
        n.lemma_.lower() in SHARED_COMPANY_NOUNS and _told_of_as_a_thing(n))), None)


def told_of_with_which(span: Span) -> bool:
    """ "Kettering Hoists, which runs the chair lift, said": a relative clause opened by
    "which" right after the name's comma is said of a thing, never of a person ("who"),
    and a thing that speaks is a body ("The Kestrel River Bridge, which carries 40,000
    vehicles, was closed" is no body). Not a clause telling where a place lies ("Halden
    Cross, which sits below the ridge, said")."""
    doc, root = span.doc, span.root
    if span.end >= len(doc) - 1 or doc[span.end].text != "," or \
            doc[span.end + 1].lower_ != "which" or root.dep_ != "nsubj" or \
            root.head.lemma_ not in SPEECH_LEMMAS:
        return False
    return any(c.dep_ == "relcl" and c.left_edge.i == span.end + 1 and
               c.lemma_.lower() not in PLACE_VERBS for c in root.children)


# Verbs of where a place is: "which" after a place's name tells of a place, not a body.
PLACE_VERBS = {"lie", "sit", "stand", "border", "overlook", "straddle", "nestle", "be",
               "have", "sprawl", "perch"}


def _told_of_as_a_thing(noun: Token) -> bool:
    """ "the contractor that holds the contract", "an operator which runs ...": a relative
    clause opened by "that" or "which", as of a thing ("a contractor who" is a person)."""
    return any(c.dep_ == "relcl" and c.left_edge.lower_ in {"that", "which"}
               for c in noun.children)


def verb_follows(doc: Doc, index: int) -> bool:
    """A finite verb right after a name (no comma between) that the name can be the
    subject of, in a clause that lacks its object: "the firm Tom Roe set up" is a firm he
    set up, not one named Tom Roe ("the company Calloway Price employs 300" is named so)."""
    if index >= len(doc) or doc[index].pos_ not in {"VERB", "AUX"} or \
            doc[index].tag_ not in {"VBD", "VBZ", "VBP", "MD"}:
        return False
    verb = doc[index]
    if verb.pos_ == "AUX" and verb.head.pos_ == "VERB" and verb.head.i > verb.i:
        verb = verb.head  # "the firm Tom Roe has run"
    return not any(c.dep_ in VERB_OBJECTS for c in verb.children)


# What completes a verb: with one, the name before the verb is the clause's subject.
VERB_OBJECTS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"}


def _company_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in COMPANY_NOUNS


def _place_cue(span: Span) -> str | None:
    """ "Parents in Stoke Abbas", "a school near Stoke Abbas", "pupils from Stoke Abbas":
    the noun and preposition that make the name a place ("parent in"); "in" or "near" only
    on a noun for people or things that are somewhere, not "confidence in" nor "believe
    in", and none before a possessive ("in Ana Ruiz's view")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is None or span.end < len(doc) and doc[span.end].lower_ in {
            "'s", "\u2019s", "'", "\u2019"}:
        return None  # "in Dale Stevens' comic series"
    word, head = before.lower_, before.head
    lemma = head.lemma_.lower()
    placed = head.pos_ == "NOUN" and head.i < before.i and (
        lemma in PLACED_NOUNS or is_person_noun(head) and lemma not in NOT_PLACED_PEOPLE
        and not lemma.endswith("ment"))  # "involvement in", "investment in": no one
    if word in WHERE_PREPOSITIONS and placed or word in PEOPLE_PREPOSITIONS and \
            head.tag_ == "NNS" and is_person_noun(head):
        return f"{lemma} {word}"
    return None


def _thing_placed_before(span: Span) -> str | None:
    """ "bought a villa in Sorvik", "a factory near Orlund": a name spaCy calls a body right
    after a building or a settlement and "in" or "near" (whatever the parser hangs the
    preposition on) is where the thing is; not people "in" a body, who may be its members,
    nor a name holding a body's word ("a shop in Vell Market Hall", "her office in
    Parliament"), nor a body owning the place ("a site near Nordholm Energy's new plant")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in WHERE_PREPOSITIONS or \
            any(t.lower_ in BODY_WORDS | ORG_NOUNS for t in span) or \
            span.end < len(doc) and doc[span.end].tag_ == "POS":
        return None
    thing = doc[span.start - 2]
    lemma = thing.lemma_.lower()
    if thing.pos_ != "NOUN" or lemma not in PLACED_NOUNS - RESIDENT_NOUNS:
        return None
    return f"{lemma} {doc[span.start - 1].lower_}"


def _strong_place_cue(cue: str) -> bool:
    """A cue that makes a name a place in the whole story: people living there or a thing
    built or happening there ("parent in", "school near", "pupil from"), not one person
    ("a nurse in Stoke Abbas") nor "from Saxa Vord in Shetland"."""
    return cue.split()[0] in PLACED_NOUNS and len(cue.split()) == 2


def _where_something_is(span: Span) -> bool:
    """ "from Saxa Vord in Shetland": a name with no body's word after "from", "in" or
    "near" and before "in" and a place spaCy knows ("support from Anger, Stirling and
    ..." is a list of people)."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    if before not in {"from", "in", "near"} or \
            any(t.lower_ in BODY_WORDS for t in span) or span.end + 1 >= len(doc):
        return False
    link, place = doc[span.end], doc[span.end + 1]
    return link.lower_ == "in" and place.ent_type_ in {"GPE", "LOC"}


def _hometown(span: Span) -> bool:
    """ "Declan Ormsby, 47, of Mill Cross,": a name after a person's age and "of" is where
    the person lives, the court report's convention, unless it holds a company's noun."""
    doc = span.doc
    if span.start < 5 or any(t.lower_ in ORG_NOUNS for t in span) or \
            span[-1].lower_ in HOMETOWN_NEVER_ENDS:
        return False  # "of Brisk Construction Ltd", "of Tarrow Holdings": an employer
    of, comma, age, first = (doc[span.start - i] for i in range(1, 5))
    return of.lower_ == "of" and comma.text == "," and first.text == "," and \
        age.text.isdigit() and 0 < int(age.text) < 120 and \
        doc[span.start - 5].ent_type_ == "PERSON"


# Last words of a body's name no town has ("Ltd", "Holdings", "Trust"); "City" some do.
HOMETOWN_NEVER_ENDS = (BODY_NAME_WORDS | ORG_NAME_WORDS) - {"city"}


def _describes_a_company(span: Span) -> bool:
    """ "a Bristol firm", "the Bristol filtration firm": one word spaCy calls a body that
    only says where a company is from."""
    if len(span) != 1:
        return False
    head = span[0].head
    return span[0].dep_ in {"compound", "amod", "nmod"} and head.i > span[0].i and \
        head.pos_ == "NOUN" and head.lemma_.lower() in COMPANY_NOUNS - {"group", "agency"}


def _modifies_a_thing(span: Span) -> bool:
    """A name that modifies the people or buildings of a place ("Stoke Abbas pupils",
    "Stoke Abbas village hall", "Fernhill and Stoke Abbas primary schools"); not any noun
    ("the Nick Hornby novel" is his)."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    head, doc = root.head, span.doc
    if root.dep_ not in {"compound", "nmod", "amod"} or head.i < span.end or \
            head.pos_ != "NOUN":
        return False
    between = {t.lower_ for t in doc[span.end:head.i]}
    return head.tag_ == "NNS" and head.lemma_.lower() in RESIDENT_NOUNS or \
        bool(between & SETTLEMENT_WORDS)


def _with_title_nouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Reservoir Supervisor Petra Quillon", "Reservoir" tagged a body or a people: a
    capitalised common noun right before a person's title, one the article also writes in
    lower case ("the reservoir"), is part of the title (role "reservoir supervisor"), not a
    body ("Calder Harbour Supervisor ..." is left alone: a name before the title)."""
    lower = {t.lower_ for t in doc if t.is_lower and t.pos_ == "NOUN"}
    taken: list[tuple[int, int]] = []
    settled = []
    for mention in mentions:
        text_start = mention.end - len(mention.text)
        word = _title_noun_before(doc, text_start, lower)
        if mention.label == "PERSON" and mention.role and text_start < mention.start and \
                word is not None:
            taken.append((word.idx, word.idx + len(word.text)))
            mention = replace(mention, text=text_of(doc)[word.idx:mention.end],
                              role=f"{word.lower_} {mention.role}")
        settled.append(mention)
    return [m for m in settled if m.label != "ORG" or (m.start, m.end) not in taken]


def _title_noun_before(doc: Doc, text_start: int, lower: set[str]) -> Token | None:
    """The capitalised common noun just before a title that starts at `text_start`."""
    span = doc.char_span(text_start, text_start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    word = doc[span.start - 1]
    before = doc[word.i - 1] if word.i else None
    if not word.is_title or word.lower_ not in lower or word.whitespace_ != " " or \
            before is not None and before.pos_ == "PROPN" and "\n" not in before.whitespace_:
        return None
    return word


def with_written_honorific(doc: Doc, mention: Mention) -> Mention:
    """A person's mention with the honorific before it as written ("Mr Fenwick", "Dr
    Anselm Rooke"), so its alias is spelt as in the text, not "Mr. Fenwick"."""
    if mention.kind != "name" or not mention.honorific:
        return mention
    text_start = mention.end - len(mention.text)
    before = re.search(r"\b([A-Z][a-z]{1,4})(\.?) ?$", text_of(doc)[max(0, text_start - 8):
                                                                    text_start])
    if before is None or HONORIFICS.get(before.group(1).lower()) != mention.honorific:
        return mention
    return replace(mention, text=f"{before.group(0)}{mention.text}")


# -- across a story --------------------------------------------------------------------

def settle_story_kinds(mentions: Sequence[Mention]) -> list[Mention]:
    """A name some article calls a body or a place ("the firm Bramley Dawson", "Abernathy
    Cole, the accounting firm", "in Stoke Abbas") is one in every article of the story
    ("installed by Bramley Dawson"), unless an article gives it a person's marks (an
    honorific, a role, a nickname, "she")."""
    marked = {person_key(m.name) for m in mentions if m.label == "PERSON" and
              m.kind == "name" and (m.honorific or m.role or m.nickname or m.pronoun)}
    # "Roe said" beside "the firm Tom Roe and his brother run": a company noun before the
    # name is too weak to overrule a person the story also calls by the surname alone
    surnames = {m.name for m in mentions if m.label == "PERSON" and m.kind == "name" and
                " " not in m.name}
    bodies = {person_key(m.name) for m in mentions if m.kind == "name" and m.label == "ORG"
              and (m.cue or m.text.isupper() and m.text != m.name)
              and not (_noun_before(m.cue) and surname(m.name) in surnames)}
    # a weak cue ("a nurse in Tom Roe"?) spreads only to a name spaCy calls a place somewhere
    spacy_places = {person_key(m.name) for m in mentions if m.label in SPACY_PLACE_LABELS and
                    not m.cue}
    places = {person_key(m.name) for m in mentions if m.kind == "candidate" and m.cue and (
        _strong_place_cue(m.cue) or person_key(m.name) in spacy_places)}
    towns, not_towns = _bodies_called_towns(mentions)
    # a one-word body's name that is a route's end somewhere is that place everywhere
    route_ends = {person_key(m.name) for m in mentions if m.cue == ROUTE_CUE}
    settled = []
    for mention in mentions:
        key = person_key(mention.name)
        if mention.kind == "name" and mention.label == "ORG" and key in route_ends:
            mention = replace(mention, kind="candidate", label="GPE", cue=ROUTE_CUE)
        elif mention.kind == "name" and mention.label == "ORG" and key in towns and \
                key not in bodies:  # "in the town of Dunmarrow" ... "its Dunmarrow mill"
            mention = replace(mention, kind="candidate", label="GPE")
        elif mention.kind == "candidate" and mention.label == "GPE" and key in not_towns:
            mention = replace(mention, kind="name", label="ORG", cue=None)
        if mention.kind == "name" and mention.label == "PERSON" and key not in marked:
            if key in bodies:
                mention = replace(mention, label="ORG", role=None, other_roles=())
            elif key in places:
                mention = replace(mention, kind="candidate", label="GPE")
        settled.append(mention)
    return settled


def _bodies_called_towns(mentions: Sequence[Mention]) -> tuple[set[str], set[str]]:
    """The names spaCy gave a body that are places everywhere, and those that are bodies
    everywhere. A name some article calls a town ("the town of Dunmarrow") is a place; one
    a building is put in ("its plant in Oskerby") is a place only if such cues and the
    mentions spaCy calls a place are at least as many as its mentions as a body, else a
    body: "A coffee shop in Halcyon" does not make the firm of "Halcyon said ..." and
    "Managers from Halcyon" a town, but a town spaCy calls a body now and then stays one."""
    cued: dict[str, int] = {}
    placed: dict[str, int] = {}  # cues and spaCy's own place labels
    named: dict[str, int] = {}
    towns = set()
    for m in mentions:
        key = person_key(m.name)
        cue = m.cue or ""
        place_cue = m.kind == "candidate" and m.label == "GPE" and bool(cue) and \
            _strong_place_cue(cue)
        if place_cue:
            cued[key] = cued.get(key, 0) + 1
            if cue.endswith(" of"):  # "town of", "village of"
                towns.add(key)
        elif m.kind == "name" and m.label == "ORG":
            named[key] = named.get(key, 0) + 1
        if place_cue or m.label in SPACY_PLACE_LABELS and not m.cue:
            placed[key] = placed.get(key, 0) + 1
    towns |= {key for key in cued if placed[key] >= named.get(key, 0)}
    return towns, {key for key in cued if key not in towns}


def _noun_before(cue: str | None) -> bool:
    """A body's cue that is a company noun before the name ("firm" of "the firm Bramley
    Dawson"), not one in apposition (", firm"), a company word ending it or an acronym."""
    return cue is not None and cue.replace("-", "").isalpha() and cue.islower()


def merge_short_bodies(orgs: list[Cluster]) -> list[Cluster]:
    """ "Fernhill Primary" and "Fernhill Primary School" in one story: a body's name that
    is another's less a generic last word (School, Hospital, Council, Club) is that body.
    Not a one-word short form nor one that ends as a place ("Calder County")."""
    by_name = {name: org for org in orgs for name in org.names}
    kept = []
    for org in orgs:
        target = None
        for name in org.names:
            longer = [o for n, o in by_name.items() if o is not org and
                      n.rsplit(" ", 1)[0] == name and n.rsplit(" ", 1)[-1] in GENERIC_BODY_WORDS]
            words = name.split()
            if len(words) > 1 and words[-1].lower() not in PLACE_LAST_WORDS and \
                    len({id(o) for o in longer}) == 1:
                target = longer[0]
        if target is None:
            kept.append(org)
            continue
        target.absorb(org)
        by_name.update((n, target) for n in org.names)
    return kept


def merge_first_word_forms(orgs: list[Cluster]) -> list[Cluster]:
    """ "Northwind said" beside "Northwind Regional Airlines": a one-word body's name that
    is the first word of exactly one company's name in the story is that company. Only a
    company's ("... Airlines", "... Bakery"): "Dunmore" is not the "Dunmore Herald" nor
    "Dunmore City Council"."""
    companies = [o for o in orgs if any(shortened_company(n) for n in o.names)]
    kept = []
    for org in orgs:
        words = {n for n in org.names if " " not in n}
        longer = [o for o in companies if o is not org and len(words) == len(org.names) and
                  any(n.split()[0] in words for n in o.names if shortened_company(n))]
        if len(longer) != 1:
            kept.append(org)
            continue
        longer[0].absorb(org)
    return kept


def shortened_company(name: str) -> bool:
    """A company's name that news may shorten to its first word."""
    words = name.lower().split()
    return len(words) > 1 and words[-1] in COMPANY_NAME_ENDINGS and \
        not set(words) & (PLACE_LAST_WORDS | PUBLIC_WORDS)


def credited_only(entity: Entity, articles: Sequence[Article]) -> bool:
    """An outlet the story's articles name only in credit lines ("Reporting by Northvale
    Press Agency", a digest's "(Wendle Valley Times)"): provenance, shown there, not a body
    of the story. Only a name that is an outlet of the story or ends like one."""
    if entity.label != "ORG" or not entity.mentions:
        return False
    outlet_like = entity.name.split()[-1] in OUTLET_ENDINGS or any(
        same_outlet(entity.name, a.outlet) for a in articles if a.outlet)
    texts = {a.id: a.text for a in articles}
    return outlet_like and all(_in_credit(texts.get(m.article, ""), m.start, m.end)
                               for m in entity.mentions)


# Last words of an outlet's name; not those bodies share ("... Service", "... Association").
OUTLET_ENDINGS = set(OUTLET_WORDS) - {"Association", "Bureau", "Service", "Network", "Media",
                                      "Syndicate", "Review"}
BRACKET_CREDIT_RE = re.compile(r"\(([^()\n]{2,60})\)\s*(?:[.\n]|$)")


def _in_credit(text: str, start: int, end: int) -> bool:
    """Whether a span lies in a credit line or a bracketed credit closing a sentence."""
    matches = [m for p in CREDIT_PATTERNS for m in p.finditer(text)]
    matches += list(BRACKET_CREDIT_RE.finditer(text))
    return any(m.start() <= start and end <= m.end() for m in matches)
