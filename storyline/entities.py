"""People and organisations across articles: one entity per real person or body.

Goes in: every article's `Mention`s (from `mentions.find_mentions`). Comes out:
`Entity`s (one per real person or organisation, with aliases, roles, articles and the
character spans of their mentions) in an `EntityIndex`, which also resolves a speaker
phrase to an entity for the quotes.

Unresolved mentions are settled against the story's own names first
(`names.resolve_candidates`); people are linked within each article, then across
articles (`people.merge_people`); organisations by a canonical key and acronyms.
Linking is deliberately conservative: a false merge of two people is worse than a
missed one, so a bare surname only joins a full name when exactly one candidate fits (or,
in an article naming several bearers, the story's clear subject named before it), and a
headline's only person noun ("Teen Hurt In Crash") joins only the person its article
names far more than anyone else.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from .bearer_guards import guard_bearers
from .body_words import (
    GENERIC_BODIES,
    bodies_called,
    company_plural,
    holds_qualifiers,
    is_company,
)
from .descriptions import PERSON_TITLES
from .entity_kinds import (
    COMPANY_NOUNS,
    FIRM_NOUNS,
    merge_first_word_forms,
    merge_short_bodies,
    settle_story_kinds,
    shortened_company,
)
from .headlines import named_as
from .mentions import PLACE_LABELS
from .models import Entity, Mention
from .models import Span as TextSpan
from .named_before import (
    RELATIVE_CLAUSE_RE,
    THE_PHRASE,
    THE_PHRASE_CAPS,
    body_named_just_before,
    holder_named_just_before,
    person_named_just_before,
    side_of_a_person,
)
from .names import (
    CANDIDATE_KINDS,
    HONORIFICS,
    ORG_NOUNS,
    given,
    name_parts,
    person_key,
    resolve_candidates,
    surname,
    two_given_names,
)
from .nominal_links import (
    SENTENCE_END,
    SERVING_NOUNS,
    central_person,
    described_person,
    doctor_called,
    is_deputy,
    is_past,
    lede_people,
    link_described,
    named_near,
    names_in_headlines,
    opens_plain_headline,
    proper_words,
    resolve_nominal,
    same_role,
    story_holder_here,
    suffered_by,
    tells_of_a_victim,
)
from .org_links import drop_fragments, merge_acronyms, merge_orgs, org_key
from .people import (
    FEMALE_WORDS,
    MALE_WORDS,
    OTHER_PEOPLE,
    Cluster,
    by_gender,
    give_ages,
    is_relative,
    kin_fits,
    mention_gender,
    merge_people,
)
from .role_lists import alias_key, distinct_aliases, distinct_roles
from .speaker_syntax import ISSUED

# -- linking mentions into entities -------------------------------------------------

class EntityIndex:
    """Entities plus lookups from mention spans and articles to entity ids."""

    def __init__(self, entities: Sequence[Entity],
                 owners: Sequence[tuple[str, int, int, int]] = (),
                 texts: Mapping[str, str] | None = None) -> None:
        """`owners`: (article, start, end, phrase end) of names that own a longer person
        phrase ("Tom Smith" in "Tom Smith's lawyer"): a span reaching into that phrase
        names its person, never the owner. `texts`: article id -> text, for the name a
        description's own sentence opens with."""
        self.entities = tuple(entities)
        self._texts = texts or {}
        self._owners: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for article_id, start, end, phrase_end in owners:
            self._owners[article_id].append((start, end, phrase_end))
        self._by_id = {e.id: e for e in self.entities}
        self._names = {e.id: {alias_key(e.name), *(alias_key(a) for a in e.aliases)}
                       for e in self.entities}
        self._spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self._local: dict[str, list[Entity]] = defaultdict(list)
        self._first: dict[tuple[str, str], int] = {}  # (entity, article) -> first mention
        for entity in self.entities:
            for span in entity.mentions:
                self._spans[span.article].append((span.start, span.end, entity.id))
                key = (entity.id, span.article)
                self._first[key] = min(self._first.get(key, span.start), span.start)
            for article_id in entity.articles:
                self._local[article_id].append(entity)

    def entity_at(self, article_id: str, start: int, end: int) -> str | None:
        """The entity whose mention overlaps this span most, if any."""
        return self._overlapping(article_id, start, end)[0]

    def _overlapping(self, article_id: str, start: int, end: int) -> tuple[str | None, set[str]]:
        """The entity overlapping the span most (the first found on a tie), and every
        entity that overlaps it."""
        best, best_overlap, found = None, 0, set()
        head, best_ends = None, False
        # "Smith's lawyer said": Smith owns the phrase, the span is about the lawyer.
        owners = [(s, e) for s, e, phrase_end in self._owners.get(article_id, ())
                  if s >= start and end > e + 2 and e < phrase_end]
        for s, e, entity_id in self._spans.get(article_id, ()):
            if any(o_start <= s and e <= o_end for o_start, o_end in owners) or \
                    self._by_id[entity_id].label == "PERSON" and (
                        start < s and e <= end and self._object_of(article_id, start, s) or
                        start <= s and self._owns(article_id, e, end)):
                # "the lawyer for Ada Rusk", "Rusk's lawyer": not Ada Rusk ("a Vellmark
                # spokesman" is still the body's voice)
                continue
            overlap = min(e, end) - max(s, start)
            ends = start < s and end - 2 <= e <= end
            if overlap > 0:
                found.add(entity_id)
                if ends and self._by_id[entity_id].label == "PERSON":
                    head = entity_id
            if overlap > best_overlap:
                best, best_overlap, best_ends = entity_id, overlap, ends
        if head and not best_ends:
            # "San Marcos Falcons wide receiver Dion Mabry": the person's name ends the
            # phrase and is its head; the longer team name before it only describes him.
            best = head
        return best, found

    def _object_of(self, article_id: str, start: int, name_start: int) -> bool:
        """Whether a name ending a phrase is the object of a word before it ("the lawyer
        for Ada Rusk", "a friend of Ada Rusk"): the phrase names someone else, its head."""
        before = self._texts.get(article_id, "")[start:name_start]
        # "a statement from Ada Rusk" is still her voice: what she put out speaks for her
        return OBJECT_BEFORE.search(before) is not None and \
            ISSUED_BY.search(before) is None

    def _owns(self, article_id: str, name_end: int, end: int) -> bool:
        """Whether a name inside a phrase owns the words after it ("Haan's son", "the Rusk
        family"): the phrase names someone else, whatever mention the linker made of it
        ("LaRue's body" is still LaRue)."""
        text = self._texts.get(article_id, "")
        owned = re.match(r"['\u2019]s\s+(\w+)", text[name_end:end])
        if owned is not None:
            return owned.group(1).lower() not in SELF_WORDS
        # "a Rusk lawyer", "the Rusk family": the name only says whose
        after = re.match(r"\s+([a-z]+)\b", text[name_end:end])
        return after is not None and after.group(1) in WHOSE_NOUNS

    def _met_before(self, entity: Entity, article_id: str, start: int, end: int) -> bool:
        """In its own article a description points back: "the 38-year-old teacher said"
        names someone met before, not a teacher the article introduces later (no span, no
        order)."""
        first = self._first.get((entity.id, article_id))
        return end <= start or first is None or first < start

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def _bodies_named_later(self, head: str, article_id: str, start: int,
                            qualifiers: tuple[str, ...] = ()) -> list[Entity]:
        """ "Organisers have postponed the race, the athletics association announced", where
        the article names the Castelmere Athletics Association only further on: when no body
        named before fits, the bodies of that kind (by name, or a company for "the firm") the
        article names after the description; never just any body for a generic word, nor a
        company whose name lacks the description's qualifiers ("the state environment
        agency" is no solvents firm named next)."""
        later = [e for e in self._local.get(article_id, [])
                 if e.label == "ORG" and self._first.get((e.id, article_id), -1) > start]
        named = bodies_called(head, later, in_article=False)
        if named or head not in COMPANY_NOUNS:
            return named
        # only a word of any body ("agency", "group") asks its qualifiers of the name: "the
        # Swiss company", "the chemicals firm" describe a company its name need not say
        return [e for e in later if is_company(e.name) and
                (head not in GENERIC_BODIES or holds_qualifiers(e.name, qualifiers))]

    def _opening_body(self, head: str, article_id: str, start: int) -> str | None:
        """ "Brannock Textiles will close its mill, cutting 340 jobs, the company announced":
        a body's description closing the sentence speaks for the name the sentence opens
        with. Its entity's id; "" when that name is no body of the story (not a guess at
        another); None when the sentence opens with no name or the description does not
        close it."""
        text = self._texts.get(article_id)
        if text is None or not text[:start].rstrip().endswith(","):
            return None
        ends = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
        opening = OPENING_NAME.match(text, ends[-1] if ends else 0)
        if opening is None:
            return None
        key = alias_key(opening.group(1))  # named in full: the story's body of that name
        named = [e for e in self.entities if key in self._names[e.id]]
        if len(named) == 1 and (named[0].label == "ORG" or head in COMPANY_NOUNS and
                                company_plural(named[0].name)):
            return named[0].id  # a company the linker took for a person is still it
        return "" if not named else None

    def resolve(self, article_id: str, start: int, end: int, text: str) -> str | None:
        """The entity a speaker phrase names: its mention, else its name, surname or role.

        Only an unambiguous match counts; otherwise None (unresolved, never a guess).
        """
        # "Brask, who leads the Orvane Liberal Party": the name before the clause speaks,
        # not a body or person the clause names
        found, overlapping = self._overlapping(article_id, start,
                                               self._clause_start(article_id, start, end, text))
        if sum(self._by_id[i].label == "PERSON" for i in overlapping) > 1:
            return None  # "Ada Grassley and Tom Leahy": a group speaks, no one person
        owned = BODY_OWNED_ROLE_RE.match(text)
        if found and self._by_id[found].label == "ORG" and owned:
            # "the union's general secretary said": the union owns the phrase; its head is
            # the person the story gives that role, when there is one
            holder = self._resolve_phrase(article_id, start, end, text)
            if holder is not None and self._by_id[holder].label == "PERSON" and \
                    _role_for(self._by_id[holder], owned.group(1), self._by_id[found]):
                return holder
        if found and self._by_id[found].label == "PERSON" and SPOKESPERSON_FOR.match(text):
            return None
        if found and self._by_id[found].label == "ORG" and side_of_a_person(text):
            # "The GOP nominee": the party only says whose side; the nominee speaks
            return self._resolve_phrase(article_id, start, end, text)
        if found:
            return found
        return self._resolve_phrase(article_id, start, end, text)

    def _clause_start(self, article_id: str, start: int, end: int, text: str) -> int:
        """Where a relative clause in a speaker span starts (", who ...", ", whose ..."),
        else the span's end."""
        article = self._texts.get(article_id)
        if article is not None:
            clause = RELATIVE_CLAUSE_RE.search(article, start, end)
            return clause.start() if clause is not None and clause.start() > start else end
        if len(text) == end - start:  # no text given: the phrase is the span
            clause = RELATIVE_CLAUSE_RE.search(text)
            return start + clause.start() if clause is not None and clause.start() > 0 else end
        return end

    def _resolve_phrase(self, article_id: str, start: int, end: int, text: str) -> str | None:
        """The entity a speaker phrase no mention covers names: by name, surname or role."""
        # "Halvorsen Steel Works, which built the bridge, said": the name before the
        # relative clause is the speaker (the span keeps the clause, as PolNeAR marks it).
        text = RELATIVE_CLAUSE_RE.split(text, maxsplit=1)[0]
        phrase = _bare_phrase(text)
        owned = OWNER_RE.search(text)
        owner = owned.group(1).lower() if owned else None
        if not phrase or NEW_PERSON.match(text.strip()):
            return None  # "another resident said", "a neighbour said": someone new
        if PERSONS_STAFF.match(text.strip()):
            return None  # "her office said": a person's staff, no body called an office
        local = [e for e in self._local.get(article_id, []) if self._met_before(e, article_id,
                                                                                start, end)]
        for pool in (local, None):
            in_article = pool is not None
            if pool is None:  # the whole story, built only when the article does not settle it
                pool = [e for e in self.entities if self._met_before(e, article_id, start, end)]
            key = alias_key(phrase)
            by_name = [e for e in pool if key in self._names[e.id]
                       or (e.label == "PERSON" and phrase == surname(e.name).lower())]
            if len(by_name) == 1:
                return by_name[0].id
            if not by_name and " " not in phrase:  # "Skerrow said": Skerrow Coastal Airways
                by_name = [e for e in pool if e.label == "ORG" and shortened_company(e.name)
                           and e.name.split()[0].lower() == phrase]
                if len(by_name) == 1:
                    return by_name[0].id
            titled = _by_title(phrase, pool)
            if titled is not None:  # "Inspector Marsh" where Helena and Owen Marsh are named
                return titled.id
            head = phrase.split()[-1]
            # "the nurse" finds "Lena Marsh, a nurse at ..." as "the minister" finds the
            # minister: the one person given a role with that head word.
            by_role: list[Entity] = []
            if head not in ORG_NOUNS | FIRM_NOUNS:
                # "the former mayor" is not the mayor, nor "the mayor" a former one;
                # "Smith's lawyer" only someone the story calls a lawyer of Smith's
                # Only someone this article names: "the spokesperson" is not given a name
                # the reader finds only in another outlet's story.
                by_role = [e for e in pool if e.label == "PERSON" and in_article and
                           (any(same_role(head, r) and is_past(r) == is_past(text) and
                                is_deputy(r) == is_deputy(text) and
                                (owner is None or owner in r.lower()) for r in e.roles) or
                            doctor_called(head, text, owner, e, pool))]
                if len(by_role) > 1 and THE_PHRASE_CAPS.match(text.strip()):
                    # two chairmen: the one the sentence before names ("Priebus has pushed
                    # back ... . The chairman said")
                    recent = holder_named_just_before(self._texts.get(article_id, ""), start,
                                                      by_role, self._spans.get(article_id, ()))
                    by_role = [recent] if recent is not None else by_role
            if not by_role and head in ORG_NOUNS | COMPANY_NOUNS:
                # "the developer" no person is called: the company
                bodies = [e for e in pool if e.label == "ORG"]
                by_role = bodies_called(head, bodies, in_article=False)
                opening = self._opening_body(head, article_id, start) \
                    if not by_role and in_article and owner is None else None
                if opening is not None:  # "X will close its mill, the company said"
                    return opening or None
                if not by_role and in_article:
                    qualifiers = tuple(phrase.split()[:-1])
                    by_role = bodies_called(head, bodies, qualifiers=qualifiers) or \
                        self._bodies_named_later(head, article_id, start, qualifiers)
                if owner is not None:  # "Calydon's culture ministry": only a body of Calydon
                    by_role = [e for e in by_role if owner in e.name.lower().split()]
                if len(by_role) > 1 and in_article and head in GENERIC_BODIES and \
                        THE_PHRASE.match(text.strip()):
                    # several fit: the one the sentence before names ("The Tallow Trust
                    # ... . ..., the group said"), else none; not "his organization",
                    # "Calydon's agency", whose owner says which, nor "the company", as
                    # often the story's firm as the other one just named
                    recent = body_named_just_before(self._texts.get(article_id, ""), start,
                                                    by_role, self._spans.get(article_id, ()))
                    by_role = [recent] if recent is not None else by_role
            if len(by_role) == 1:
                return by_role[0].id
            if by_name or by_role:
                return None
        if THE_PHRASE_CAPS.match(text.strip()):
            local_people = [e for e in local if e.label == "PERSON"]
            recent = person_named_just_before(self._texts.get(article_id, ""), start, head,
                                              local_people, self._spans.get(article_id, ()))
            if recent is not None:
                return recent.id
        return self._named_next(article_id, end, phrase)

    def _named_next(self, article_id: str, end: int, phrase: str) -> str | None:
        """ "..., its chief executive said on Sunday. Aske said ...": a description the
        article names no one by before is the speaker the next sentence opens with, when
        the story gives that person the description's role."""
        text = self._texts.get(article_id, "")
        stop = SENTENCE_END.search(text, end, end + NEXT_REACH)
        named = NEXT_SPEAKER.match(text, stop.end()) if stop else None
        if named is None:
            return None
        key, head = alias_key(named.group(1)), phrase.split()[-1]
        found = [e for e in self.entities if e.label == "PERSON" and
                 (key in self._names[e.id] or key == surname(e.name).lower()) and
                 any(same_role(head, role) and _qualifiers_fit(phrase, role)
                     for role in e.roles)]
        return found[0].id if len(found) == 1 else None


def _role_for(holder: Entity, owner: str, body: Entity) -> bool:
    """Whether a person holds their role for the body a phrase names ("the union's
    general secretary": one the story calls the union's, or the guild's by its name), not
    the same role for another side ("a lawyer who acts for Harl Ferries")."""
    return any(owner in role.lower() or body.name.lower() in role.lower()
               for role in holder.roles)


def _qualifiers_fit(phrase: str, role: str) -> bool:
    """The description's words before its head are the role's or a body's ("company chief
    executive" fits "chief executive"): "the crane drivers' leader" is no "dockers' union
    leader", whose name the next sentence may open with as the other side."""
    words = re.findall(r"\w+", phrase.lower())[:-1]
    known = set(re.findall(r"\w+", role.lower())) | COMPANY_NOUNS | ORG_NOUNS
    return all(word in known for word in words)


NEXT_REACH = 40  # characters from a description's end to its sentence's: "said on Sunday."
NEXT_SPEAKER = re.compile(r"\s*((?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+)\s+(?:said|says|added|told)\b")


# A name of two or more capitalised words opening a sentence, after a dateline
# ("CARROWBY, Nov 18 (CNW) - "), followed by its verb.
OPENING_NAME = re.compile(r"\s*(?:[A-Z][A-Z ]+,[^-\n]{0,30}-\s+)?((?:[A-Z][\w'&.-]*\s+)+"
                          r"[A-Z][\w'&.-]*)\s+(?:will|has|had|is|was|would|said|says|[a-z]+ed)"
                          r"\b")
# A word that makes the name after it another person than the phrase's head: "the lawyer
# for Ada Rusk", "the son of Ada Rusk", "the man representing Ada Rusk".
# (An honorific the name's mention leaves out may come between: "an aide for Mr. Rusk".)
OBJECT_BEFORE = re.compile(r"\b(?:for|of|to|with|against|by|from|representing|defending)\s+"
                           r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?$", re.IGNORECASE)
SAID_WORDS = {"remarks", "comments", "words", "testimony"}
# Things a person puts out, which say what the name after them says: "according to a
# statement from Ada Rusk", "in a letter by Ada Rusk".
ISSUED_BY = re.compile(r"\b(?:" + "|".join(sorted(ISSUED | SAID_WORDS)) +
                       r")s?\s+(?:from|by|of)\s+$", re.IGNORECASE)
# Words after a possessive that are still its owner: "LaRue's body" is LaRue.
SELF_WORDS = {"body", "remains", "corpse", "ashes", "own"}
# Nouns a name before them makes someone else's ("Rusk lawyer", "the Rusk family"): the
# phrase is never the name's person.
WHOSE_NOUNS = OTHER_PEOPLE | SERVING_NOUNS | {
    "family", "camp", "aide", "aides", "adviser", "advisor", "pal", "rep", "representative",
    "assistant", "lawyers", "attorneys", "relatives", "friends", "children"}
# A body's role named by a description of the body: "the union's general secretary"
BODY_OWNED_ROLE_RE = re.compile(r"(?:the|its)\s+([a-z][\w-]*)['\u2019]s\s+[a-z]")
OWNER_RE = re.compile(r"([A-Z][\w-]*)['\u2019]s\s+\w")  # "Smith" of "Smith's lawyer"
# A person's own staff: "her office", "his team" name no body of the story by that word.
PERSONS_STAFF = re.compile(r"(?:his|her|their)\s+(?:office|team|staff|aides?)$",
                           re.IGNORECASE)
NEW_PERSON = re.compile(r"(?:another|other|a|an|one|a second|some)\s", re.IGNORECASE)
# "A spokeswoman for Mayor Ilse Varga said": the one speaking for a person is not that
# person (one speaking for a body is the body's voice, and is credited to it).
SPOKESPERSON_FOR = re.compile(r"(?:an?|the|one)\s+(?:[\w-]+\s+)?spokes(?:man|woman|person)"
                              r"\s+for\s", re.IGNORECASE)


def _one_word_bodies_out(people: list[Cluster], orgs: list[Cluster]) -> list[Cluster]:
    """ "car seat maker Pebblenest" read as a person where the story names the company
    Pebblenest too: a one-word name that is a body's name is that body."""
    bodies = {name.lower(): org for org in orgs for name in org.names}
    kept = []
    for person in people:
        names = {name.lower() for name in person.names}
        [name] = names if len(names) == 1 else [""]
        body = bodies.get(name) if " " not in name else None
        if body is not None:
            for mention in person.mentions:
                body.add(replace(mention, label="ORG", role=None))
            continue
        kept.append(person)
    return kept


def _bare_phrase(text: str) -> str:
    words = re.sub(r"['\u2019]s\b", "", text).lower().replace(".", "").split()
    while words and (words[0] in {"the", "a", "an", "this", "that", "its", "his", "her"} or
                     words[0] in HONORIFICS):
        words = words[1:]
    if len(words) > 1 and words[0] in COMPANY_NOUNS and \
            re.search(rf"\b(?i:{re.escape(words[0])})\s+[A-Z]", text):
        words = words[1:]  # "Operator Vellmark Lifts", "the airline Skerrow Air": the name
    return " ".join(words)


def link_entities(mentions: Sequence[Mention],
                  texts: Mapping[str, str] | None = None) -> EntityIndex:
    """Group mentions from all articles into one entity per real person or organisation.

    Unresolved mentions ("candidate", "headline") count only where they spell a name the
    story gives elsewhere (`names.resolve_candidates`). `texts` (article id -> text) lets
    a bare surname with several bearers go to the one its sentence's neighbours name.
    """
    mentions = settle_story_kinds(mentions)  # "installed by Bramley Dawson": the firm
    known = _KnownPeople.from_mentions(mentions)
    found = mentions  # as found in the articles, before the story resolves them
    resolved = _trim_long_names(resolve_candidates(mentions, texts))
    role_words, headline_words = _role_words(mentions, resolved, texts or {})
    kept, owners = _without_names(resolved)
    mentions, bodies = guard_bearers(kept, texts or {})
    mentions += role_words
    names_at = {(m.article_id, m.start): m.name for m in resolved if m.kind == "name"}
    owned_by = {(a, end): surname(names_at.get((a, s), "")) for a, s, _e, end in owners}
    known = replace(_KnownPeople.from_mentions(mentions), places=known.places)
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    local = _ArticleClusters()
    for article_mentions in by_article.values():
        _link_within_article(article_mentions, known, local, bodies)
    give_ages(local.people, texts or {})
    people = [c for c in merge_people(local.people)
              if c.first or (c.last or "").lower() not in known.org_words]
    _attach_pending(local.pending, people, texts or {})
    orgs = merge_short_bodies(drop_fragments(merge_first_word_forms(merge_orgs(local.orgs))))
    people = _one_word_bodies_out(people, orgs)
    owner = {id(m): c for c in people + orgs for m in c.mentions}
    lone_headline_nouns = Counter(m.article_id for m in role_words if id(m) in headline_words)
    headline_names = names_in_headlines(found, resolved)
    described = link_described(local.nominals, people, owned_by)
    for lede, person in lede_people(local.nominals, texts or {}):
        merged = owner.get(id(person.mentions[0]))
        # "The botanist said" now finds her by that role; the lede's words stay no mention
        # of hers ("A Texas prison inmate" holds the prison too).
        if merged is not None:
            merged.roles[re.sub(r"^an?\s+", "", lede.text, flags=re.I)] = None
    for nominal, article_people, article_orgs in local.nominals:
        if nominal.describes is not None:
            continue
        if proper_words(nominal):  # "the Brooklyn mother", "the 40-year-old American"
            merged = described_person(nominal, described)
            if merged is not None:
                merged.add(nominal)
                continue
        if nominal.kind == "description":
            continue
        anywhere = id(nominal) in headline_words
        target = resolve_nominal(nominal, article_people, article_orgs, anywhere=anywhere,
                                  owner=owned_by.get((nominal.article_id, nominal.end)))
        merged = owner.get(id(target.mentions[0])) if target is not None else None
        if merged is not None and story_holder_here(nominal, merged, article_people, owner):
            merged = None  # "the minister" where the other minister is named too
        if target is None and anywhere:  # "Driver Charged" ... "Tam Reid was charged"
            merged = suffered_by(nominal, article_people, owner,
                                 (texts or {}).get(nominal.article_id, ""))
        if merged is None and target is None and \
                lone_headline_nouns[nominal.article_id] == 1 and \
                id(nominal) in headline_words and not named_near(nominal, headline_names) \
                and not tells_of_a_victim(nominal, found):
            merged = central_person(nominal, article_people, owner)
        if merged is not None:  # the article's cluster now lives in a story-wide one
            merged.add(nominal)
    return _build_index(people, orgs, owners, texts or {})


def _without_names(mentions: list[Mention]
                   ) -> tuple[list[Mention], list[tuple[str, int, int, int]]]:
    """Descriptions cut after a person's name inside them ("the Chicago Obama adviser" ->
    "adviser"): the name is someone else, whom the description's span must not cover.
    Also each such name as an owner: (article, start, end, the description's end)."""
    names: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        if m.kind == "name" and m.label == "PERSON":
            names[m.article_id].append((m.start, m.end))
    kept = []
    owners: list[tuple[str, int, int, int]] = []
    for m in mentions:
        inside = [(s, e) for s, e in names[m.article_id] if m.start <= s and e <= m.end]
        if m.kind not in {"nominal", "description"} or not inside:
            kept.append(m)
            continue
        owners.extend((m.article_id, s, e, m.end) for s, e in inside)
        rest = re.sub(r"^(?:['\u2019]s\b|[\s-])+", "", m.text[max(e for _s, e in inside)
                                                              - m.start:])
        if rest:
            kept.append(replace(m, text=rest, start=m.end - len(rest)))
    return kept, owners


@dataclass(frozen=True)
class _KnownPeople:
    """What the whole story says about names: person surnames and keys, words of
    organisation names, and one-word places (to keep "Washington said" a place)."""

    surnames: frozenset[str]
    keys: frozenset[str]
    org_words: frozenset[str]
    places: frozenset[str]

    @classmethod
    def from_mentions(cls, mentions: Sequence[Mention]) -> _KnownPeople:
        full = [m for m in mentions
                if m.label == "PERSON" and m.kind == "name" and len(m.name.split()) > 1]
        return cls(frozenset(surname(m.name).lower() for m in full),
                   frozenset(person_key(m.name) for m in full),
                   frozenset(w.lower() for m in mentions
                             if m.label == "ORG" and len(m.name.split()) > 1
                             for w in m.name.split()),
                   frozenset(m.name.lower() for m in mentions
                             if m.kind == "candidate" and m.label in PLACE_LABELS | {"NORP"}
                             # "Kestrel Regional Airport" is also the body that speaks
                             and m.name.split()[-1].lower() not in ORG_NOUNS))


@dataclass
class _ArticleClusters:
    """Per-article clusters of every article, before merging across articles."""

    people: list[Cluster] = field(default_factory=list)
    orgs: list[Cluster] = field(default_factory=list)
    nominals: list[tuple[Mention, list[Cluster], list[Cluster]]] = field(default_factory=list)
    # A bare surname with several bearers in its article: settled once the story is merged.
    pending: list[tuple[Mention, list[Cluster]]] = field(default_factory=list)


def _link_within_article(mentions: list[Mention], known: _KnownPeople,
                         local: _ArticleClusters,
                         bodies: frozenset[tuple[str, int]] = frozenset()) -> None:
    """`bodies`: (article, start) of names that are a body whoever bears them as a
    surname ("McDonald's said it would")."""
    people: dict[str, Cluster] = {}
    orgs: dict[str, Cluster] = {}
    singles: list[Mention] = []
    for mention in mentions:
        if mention.kind != "name":
            continue
        key = person_key(mention.name)
        is_person = (mention.article_id, mention.start) not in bodies and (
            mention.label == "PERSON" or key in known.keys or (
                " " not in key and key in known.surnames))
        if not is_person:
            if mention.name.lower() not in known.places:  # "Washington said": a place
                orgs.setdefault(org_key(mention.name), Cluster("ORG")).add(mention)
        elif " " not in key:
            singles.append(_as_person(mention))
        else:
            cluster = people.setdefault(key, Cluster("PERSON"))
            cluster.first, cluster.last = given(mention.name), surname(mention.name)
            cluster.add(_as_person(mention))
    for mention in singles:
        _link_single(mention, people, local)
    article_people, article_orgs = list(people.values()), merge_acronyms(list(orgs.values()))
    local.people.extend(article_people)
    local.orgs.extend(article_orgs)
    local.nominals.extend((m, article_people, article_orgs) for m in mentions
                          if m.kind in {"nominal", "description"})


def _link_single(mention: Mention, people: dict[str, Cluster], local: _ArticleClusters
                 ) -> None:
    """A one-word name joins the article's one person with that surname (else given name)."""
    word = person_key(mention.name) or mention.name.lower()
    matches = [c for c in people.values() if (c.last or "").lower() == word]
    # "His father posted bail. Mr Brand said": not the Tom Brand the story is about
    matches = [c for c in matches if kin_fits(mention, c)]
    # "Ms. Dahl" after Oren Dahl, whom "Mr." or "his" shows a man: an honorific's gender
    # is never overruled, so she is someone else of that name.
    stated = mention_gender(mention, pronoun=False) if mention.honorific else None
    matches = by_gender(matches, stated)
    if len(matches) > 1:  # several bearers here: "Mr Jenkin" where his sister is named too
        local.pending.append((mention, matches))
        return
    matches = matches or [c for c in people.values() if (c.first or "").lower() == word]
    if len(matches) == 1:
        matches[0].add(mention)
    elif not matches:
        cluster = people.setdefault(f"~{word}~{stated or ''}", Cluster("PERSON"))
        cluster.last = surname(mention.name)
        cluster.add(mention)


def _attach_pending(pending: list[tuple[Mention, list[Cluster]]], people: list[Cluster],
                    texts: Mapping[str, str]) -> None:
    """Bare surnames with several bearers in their article join one when the whole story
    leaves one: the bearers turned out to be one person, or only one has the mention's
    gender ("Mr Jenkin": the other Jenkin is his sister), or one just spoke."""
    owner = {id(m): c for c in people for m in c.mentions}
    sentence_ends: dict[str, list[int]] = {}  # per article, read once
    for mention, candidates in pending:
        merged = list({id(c): c for c in (owner.get(id(k.mentions[0])) for k in candidates)
                       if c is not None}.values())
        if len(merged) > 1:
            merged = by_gender(merged, mention_gender(mention))
        text = texts.get(mention.article_id)
        ends: list[int] = []
        if text is not None and len(merged) > 1:
            if mention.article_id not in sentence_ends:
                sentence_ends[mention.article_id] = [m.end() for m in
                                                     SENTENCE_END.finditer(text)]
            every = sentence_ends[mention.article_id]
            ends = every[:bisect.bisect_right(every, mention.start)]
        spoke = _just_spoke(mention, candidates, owner, text, ends) \
            if text is not None and len(merged) > 1 else []
        if len(merged) > 1 and len(spoke) == 1 and spoke[0] in merged:
            merged = spoke
        last = _last_subject(mention, candidates, owner, text, ends) \
            if text is not None and len(merged) > 1 else None
        if last is not None and any(c in last for c in merged):
            # one bearer, or two side by side: no other rule guesses
            merged = [c for c in merged if c in last]
        # "Miss Jenkin": not him; a pronoun after the surname says no more than that
        elif len(merged) > 1 and mention_gender(mention, pronoun=False) is None:
            merged = _not_relatives(merged) or _only_introduced(mention, candidates, merged,
                                                                  owner) or \
                _story_subject(mention, candidates, merged, owner)
        elif len(merged) > 1:  # "Mr. LaRue" beside his father, "Ike Parsons LaRue"
            merged = _only_introduced(mention, candidates, merged, owner) or \
                _not_relatives(merged) or merged
        if len(merged) == 1:
            merged[0].add(mention)


# A name that speaks: "Daniel Thorn said", "Daniel Thorn, 34, added".
SPEAKS_AFTER = re.compile(r"(?:\s*,[^,.\n]{1,40},)?\s+(?:said|says|added|adds|told|tells|"
                          r"explained|insisted|replied|warned|recalled|admitted|asked)\b")


def _just_spoke(mention: Mention, local: list[Cluster], owner: dict[int, Cluster],
                text: str, ends: list[int]) -> list[Cluster]:
    """The one bearer who spoke in the sentence before a bare surname (or earlier in its
    own), where no other bearer is named: "Daniel Thorn said ... Thorn added" is Daniel
    even beside his mother, the story's subject (news shortens the name it has just
    given). Only a speaker: a relative merely named there ("his mother, Ada Vesk, 61, was
    found ... Vesk was charged") leaves the surname to the other rules. Else empty.
    `ends`: where the sentences before the surname end."""
    window = ends[-2] if len(ends) > 1 else 0
    named = [(m, o) for c in local for m in c.mentions if window <= m.start < mention.start
             and (o := owner.get(id(c.mentions[0]))) is not None
             and not _in_own_words(m, text, ends)]
    bearers = {id(o): o for _m, o in named}
    if len(bearers) != 1 or not any(SPEAKS_AFTER.match(text, m.end) for m, _o in named):
        return []
    return list(bearers.values())


# Two bearers side by side: "Elsie Thorn and her son Daniel Thorn", "Ada and Tom Vesk".
SIDE_BY_SIDE = re.compile(r"(?:\s*,\s*\d{1,3},?)?\s*(?:and|&)\s+(?:(?:his|her|their)\s+"
                          r"[a-z]+\s*,?\s*)?$")
# What may open a sentence before its subject's name: a title ("Dr.", "Councillor").
BEFORE_SUBJECT = re.compile(r"(?:[A-Z][a-z]*\.?\s+){0,2}")


def _last_subject(mention: Mention, local: list[Cluster], owner: dict[int, Cluster],
                  text: str, ends: list[int]) -> list[Cluster] | None:
    """The bearers a bare surname may mean by the last bearer named as a subject or a
    speaker in the sentence before it or earlier in its own: "Daniel Thorn fixed the
    ovens. Thorn said" is Daniel. Named there side by side with another bearer ("Elsie
    Thorn and her son Daniel Thorn, 34.") the surname could be either: both, so no rule
    guesses (a wrong name is worse than none). None when no bearer was so named there
    (further back news keeps the bare surname for the story's subject: "Ivanka Trump
    spoke. ... Trump said" is her father), or the last was someone's relative ("His
    mother, Marta Vesk,"). A bearer named after that subject, and no one's relative, is
    kept beside it: "Judge Helen Marsh jailed Owen Marsh. Marsh, 45," could be either.
    `ends`: where the sentences before the surname end."""
    window = ends[-2] if len(ends) > 1 else 0
    named = sorted(((m, o) for c in local for m in c.mentions
                    if window <= m.start < mention.start
                    and (o := owner.get(id(c.mentions[0]))) is not None),
                   key=lambda pair: pair[0].start)
    for index in range(len(named) - 1, -1, -1):
        found, bearer = named[index]
        if _in_own_words(found, text, ends):
            continue
        pair = [o for m, o in named if o is not bearer and (
            m.end <= found.start and SIDE_BY_SIDE.match(text[m.end:found.start]) or
            found.end <= m.start and SIDE_BY_SIDE.match(text[found.end:m.start]))]
        if pair:
            return [bearer, *pair]
        if SPEAKS_AFTER.match(text, found.end) or _opens_sentence(found, text, ends):
            # "Judge Helen Marsh jailed Owen Marsh. Marsh, 45, had denied fraud": a bearer
            # named after the subject, and no one's relative, may be meant as well
            later = {id(o): o for _m, o in named[index + 1:]
                     if o is not bearer and not is_relative(o)}
            return [bearer, *later.values()]
    return None


def _in_own_words(speaker: Mention, text: str, ends: list[int]) -> bool:
    """Whether a name speaks in the bare surname's own sentence ("Pieter Haan told
    reporters that Haan would fight"): the surname is in that bearer's words, and news
    gives a speaker's words about himself as "he", so it is someone else.
    `ends`: where the sentences before the surname end."""
    return speaker.start >= (ends[-1] if ends else 0) and \
        SPEAKS_AFTER.match(text, speaker.end) is not None


def _opens_sentence(mention: Mention, text: str, ends: list[int]) -> bool:
    """A name opening its sentence, behind at most a title, and no possessive ("Daniel
    Thorn fixed", not "Daniel Thorn's oven", nor "His mother, Marta Vesk,"): its subject.
    `ends`: where the sentences before it end, in order."""
    before = bisect.bisect_right(ends, mention.start)
    start = ends[before - 1] if before else 0
    return BEFORE_SUBJECT.fullmatch(text[start:mention.start]) is not None and \
        not text.startswith(("'s", "\u2019s"), mention.end)


def _not_relatives(bearers: list[Cluster]) -> list[Cluster]:
    """The one bearer of a surname the story never calls someone's relative, when all the
    others are ("Jenkin" beside "his sister, Kate Jenkin"): news calls the person it is
    about by the bare surname and the relatives by their given names. Else empty."""
    others = [c for c in bearers if not is_relative(c)]
    return others if len(others) == 1 else []


def _only_introduced(mention: Mention, local: list[Cluster], merged: list[Cluster],
                     owner: dict[int, Cluster]) -> list[Cluster]:
    """The one bearer its article named before a bare surname ("Director Maren Osei ...
    Osei added", and only then "Councillor Kwame Osei"): news names a person in full before
    it shortens the name, so the surname cannot yet mean someone introduced after it.
    Else empty."""
    before = {id(o): o for c in local if min(m.start for m in c.mentions) < mention.start
              and (o := owner.get(id(c.mentions[0]))) is not None}
    return list(before.values()) if len(before) == 1 and \
        next(iter(before.values())) in merged else []


def _story_subject(mention: Mention, local: list[Cluster], merged: list[Cluster],
                   owner: dict[int, Cluster]) -> list[Cluster]:
    """The bearer a bare surname means when its article names several: the one the article
    names first (before the surname, or right after a headline's "McKee Leads Rally"), if
    the story also covers them in at least twice as many articles as any other bearer
    (news names its subject first and calls relatives by their given names)."""
    first = min(local, key=lambda c: min(m.start for m in c.mentions))
    subject = owner.get(id(first.mentions[0]))
    count = {id(c): len({m.article_id for m in c.mentions}) for c in merged}
    if subject is None or subject not in merged or any(
            2 * count[id(c)] > count[id(subject)] for c in merged if c is not subject):
        return merged
    return [subject]


def _role_words(mentions: Sequence[Mention], resolved: Sequence[Mention],
                texts: Mapping[str, str]) -> tuple[list[Mention], set[int]]:
    """Capitalised person nouns that are no name ("Actress" and "Suspect" in a headline,
    "Judge" alone): descriptions, linked like "the actress" to the one person of their
    article the text gives that role. Also the ids of those that are in a headline, a
    headline written as a sentence too ("Man charged with arson over shop fire")."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    people: dict[str, list[Mention]] = defaultdict(list)
    for mention in resolved:
        # A name's text may start before the name itself, with its title ("Sheriff Ann Poe").
        taken[mention.article_id].append((min(mention.start, mention.end - len(mention.text)),
                                          mention.end))
        if mention.kind == "name" and mention.label == "PERSON":
            people[mention.article_id].append(mention)
    found: dict[tuple[str, int], Mention] = {}
    headline: set[tuple[str, int]] = set()
    for mention in mentions:
        if mention.kind not in CANDIDATE_KINDS:
            continue
        in_headline = mention.kind == "headline" or \
            opens_plain_headline(mention, texts.get(mention.article_id, ""))
        for word in re.finditer(r"[A-Z][a-z]+|[A-Z]{3,}" if in_headline else r"[A-Z][a-z]+",
                                mention.text):
            start, end = mention.start + word.start(), mention.start + word.end()
            noun = word.group().lower()
            nouns = HEADLINE_PERSON_NOUNS if in_headline else PERSON_TITLES
            if noun not in nouns or any(
                    s < end and start < e for s, e in taken[mention.article_id]):
                continue
            # Only a noun near the run's start describes the name before it ("Mafia
            # Leader Who Feigned Insanity"); later ones are the headline's other people.
            beside = mention.describes if word.start() < 20 and noun not in OTHER_PEOPLE \
                else None
            if beside is None and in_headline:
                beside = named_as(start, people[mention.article_id],
                                   texts.get(mention.article_id, ""))
            found[(mention.article_id, start)] = Mention(
                mention.article_id, word.group(), start, end, "PERSON", name=noun,
                kind="nominal", describes=beside)
            if in_headline:
                headline.add((mention.article_id, start))
    return list(found.values()), {id(m) for key, m in found.items() if key in headline}


# Nouns a headline uses for the person its article is about ("Teen Killed By Police",
# "Driver Charged", "Climber Dies"): plain English, no names.
HEADLINE_PERSON_NOUNS = PERSON_TITLES | FEMALE_WORDS | MALE_WORDS | {
    "teen", "teenager", "boy", "girl", "child", "toddler", "baby", "killer", "murderer",
    "robber", "thief", "burglar", "attacker", "inmate", "prisoner", "convict", "escapee",
    "fugitive", "worker", "employee", "climber", "hiker", "swimmer", "skier", "mountaineer",
    "cyclist", "pedestrian", "motorist", "passenger", "pilot", "soldier", "cop",
    "firefighter", "nurse", "surgeon", "accountant", "banker", "receiver", "linebacker",
    "striker", "goalkeeper", "accused", "lifer", "gangster", "mobster", "icon", "legend",
    "grandmother", "grandfather", "grandma", "grandpa", "mom", "dad", "filmmaker"}


def _as_person(mention: Mention) -> Mention:
    return mention if mention.label == "PERSON" else replace(mention, label="PERSON")


def _trim_long_names(mentions: Sequence[Mention]) -> list[Mention]:
    """ "Lindsay Lohan Checks Into Rehab": a headline glued to a name is cut back to the
    two-word name the story uses elsewhere; "Lopez and Carrasquillo" is left out."""
    known = {person_key(m.name) for m in mentions if m.label == "PERSON" and m.kind == "name"
             and len(name_parts(m.name)) == 2}
    trimmed = []
    moved: dict[tuple[str, int, int], int] = {}  # (article, old start, old end) -> new start
    for mention in mentions:
        words = mention.name.split()
        if mention.label != "PERSON" or mention.kind != "name" or len(words) < 3:
            trimmed.append(mention)
            continue
        if "and" in words or "&" in words:
            continue
        pair = next((words[i:i + 2] for i in range(len(words) - 1)
                     if " ".join(words[i:i + 2]).lower() in known), None)
        if pair is None or len(words) <= 3 and " ".join(words).lower() in known or \
                two_given_names(words, pair):
            trimmed.append(mention)
            continue
        offset = mention.text.find(" ".join(pair))
        if offset < 0:
            trimmed.append(mention)
            continue
        start = mention.end - len(mention.text) + offset  # text may begin with a title
        name = " ".join(pair)
        moved[(mention.article_id, mention.start, mention.end)] = start
        trimmed.append(Mention(mention.article_id, name, start, start + len(name), "PERSON",
                               name=name, kind="name", role=mention.role,
                               honorific=mention.honorific))
    return _still_described(trimmed, moved) if moved else trimmed


def _still_described(mentions: list[Mention], moved: dict[tuple[str, int, int], int]
                     ) -> list[Mention]:
    """Descriptions keep pointing into the name they stand beside once it is cut ("the
    alleged Mafia boss" beside "Gaetano Lo Presti", now "Lo Presti")."""
    kept = []
    for m in mentions:
        at = m.describes
        target = next((new for (a, s, e), new in moved.items()
                       if at is not None and a == m.article_id and s <= at < e), None)
        kept.append(replace(m, describes=target) if target is not None else m)
    return kept


def _build_index(people: list[Cluster], orgs: list[Cluster],
                 owners: Sequence[tuple[str, int, int, int]] = (),
                 texts: Mapping[str, str] | None = None) -> EntityIndex:
    entities: list[Entity] = []
    ordered = sorted(people, key=_first_position) + sorted(orgs, key=_first_position)
    counters = {"PERSON": 0, "ORG": 0}
    for cluster in ordered:
        if not cluster.names:
            continue
        counters[cluster.label] += 1
        prefix = "p" if cluster.label == "PERSON" else "o"
        entity_id = f"{prefix}{counters[cluster.label]}"
        name = _canonical_name(cluster)
        aliases = distinct_aliases(cluster.aliases, name)
        spans = tuple(TextSpan(m.article_id, m.start, m.end) for m in cluster.mentions)
        entities.append(Entity(entity_id, cluster.label, name, aliases,
                               distinct_roles(cluster.roles),
                               tuple(sorted(spans, key=lambda s: (s.article, s.start)))))
    return EntityIndex(entities, owners, texts)


def _by_title(phrase: str, people: Sequence[Entity]) -> Entity | None:
    """Of several people a surname names, the one whose role the title before it gives
    ("inspector marsh": the Marsh the story calls an inspector)."""
    *titles, last = phrase.split() or [""]
    bearers = [e for e in people if e.label == "PERSON" and surname(e.name).lower() == last]
    if len(bearers) < 2 or not titles:
        return None
    holders = [e for e in bearers
               if any(same_role(title, role) for title in titles for role in e.roles)]
    return holders[0] if len(holders) == 1 else None


def _first_position(cluster: Cluster) -> tuple[int, str, int]:
    first = min(cluster.mentions, key=lambda m: (m.article_id, m.start))
    return (-len({m.article_id for m in cluster.mentions}), first.article_id, first.start)


def _canonical_name(cluster: Cluster) -> str:
    """The most complete frequent form: longest name among the most used ones."""
    names = cluster.names.most_common()
    return max(names, key=lambda item: (len(item[0].split()), item[1], len(item[0])))[0]
