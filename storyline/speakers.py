"""Who speaks: the mention naming the speaker of a speech cue.

Goes in: a parsed `Doc`, its person/organisation `Mention`s and the characters inside
quote marks. Comes out: for a cue verb, the (text, start, end) of the mention that names
its speaker, followed through the parse (participles, relative clauses, "according to",
passives), pronouns ("he said" after a named speaker) and descriptions.

A pronoun no rule here settles goes to the most salient earlier mention, as Lappin and
Leass rank antecedents (salience.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .descriptions import is_person_noun
from .genders import other_bearer, person_identities, surname_key, text_genders
from .mentions import ORG_NOUNS
from .models import Mention, Quote
from .names import given
from .nlp import text_of
from .people import FEMALE_WORDS, MALE_WORDS, mention_gender
from .pronoun_speakers import (
    opens_its_clause,
    same_pronoun_coordinated,
    sentence_before,
    sentence_subject,
    someone_else_as_object,
    unnamed_person_subject,
)
from .salience import PRONOUNS, PronounSalience
from .speaker_syntax import (
    cue_phrase_start,
    finite_above,
    issued_thing,
    named_beside_inside_subject,
    past_closed_aside,
    report_above,
    reported_by_another,
    sentence_ends_between,
    verb_with_subject_before,
)

# "promised them to say": verbs whose subject, not object, does what follows.
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
# Cues whose object is the one spoken to, never the speaker ("told Mayor Dahl").
LISTENER_CUES = {"tell", "inform", "remind", "assure", "ask", "urge", "advise", "thank"}
# Writings a person is quoted from, and the cues that quote them: "said in a letter".
DOCUMENT_NOUNS = {"letter", "statement", "memo", "email", "note", "message"}
WRITING_CUES = {"say", "write", "tell", "add", "state", "declare"}
# A subject pronoun's object and possessive forms ("told her", "his claim").
OTHER_FORMS = {"he": {"him", "his"}, "she": {"her", "hers"}}


# Plural nouns for groups of people that no person-noun ending shows ("the police said").
GROUP_NOUNS = {"people", "authority", "family", "crew", "staff", "troop", "force", "relative"}


def _names_people(token: Token) -> bool:
    """A plural subject "they" can refer to: "officials", "Democrats", not "fares"."""
    if token.tag_ == "NNPS":
        return True
    return token.tag_ == "NNS" and (is_person_noun(token) or token.lemma_.lower() in
                                    ORG_NOUNS | GROUP_NOUNS)


def _a_new_writing(writing: Token) -> bool:
    """ "a statement", "another letter", "the union's statement": a writing other than the
    one just quoted; "the statement" goes back to it."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} or c.dep_ == "poss"
               for c in writing.children)


class SpeakerResolver:
    """Maps a cue verb to the mention naming its speaker."""

    def __init__(self, doc: Doc, mentions: list[Mention], inside: bytearray) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.inside = inside
        surnames = {m.name.split()[-1] for m in mentions
                    if m.label == "PERSON" and len(m.name.split()) > 1}
        # spaCy sometimes tags a bare surname as an organisation; it is still the person.
        known = surnames | {m.name for m in mentions if m.label == "PERSON" and " " not in m.name}
        surnames |= {m.name for m in mentions if _person_tagged_as_org(text_of(doc), m, known)}
        self.people = [m for m in self.mentions if m.label == "PERSON" or m.name in surnames]
        self.orgs = [m for m in self.mentions if m.label == "ORG" and m.name not in surnames]
        self.identity = person_identities(self.people)
        self.salience = PronounSalience(doc, self.people, self.orgs, inside, self.identity)
        # Read twice for one cue: worked out once.
        self._opening: dict[int, Token | None] = {}
        # Reported speech with a named speaker found so far, in text order.
        self.reported: list[Quote] = []
        # Reported speech whose speaker is "he" or "she", with the pronoun.
        self.pronoun_reported: list[tuple[str, Quote]] = []
        # Reported speech whose speaker is an organisation ("the board said"), for "they".
        self.body_reported: list[Quote] = []

    @property
    def gender(self) -> dict[str, str]:
        """Known genders by identity (see `PronounSalience.gender`)."""
        return self.salience.gender

    def _id(self, mention: Mention) -> str:
        return self.salience.id_of(mention)

    def who(self, mention: Mention) -> str | None:
        """Whom a person mention names; a description beside a name ("Tomas Keller, the
        fire chief,") names that person."""
        start = mention.describes if mention.describes is not None else mention.start
        return self.identity.get(start)

    def speaker_of(self, cue: Token, previous: Quote | None = None
                   ) -> tuple[str, int, int] | None:
        found = self._speaker_of(cue, previous)
        if found is None:
            return None
        subject = self._subject(cue)
        said_by = PRONOUNS.get(subject.lower_) if subject is not None else None
        return self._bearer_of_gender(found, said_by)

    def named_speaker(self, cue: Token, found: tuple[str, int, int]) -> bool:
        """Whether the cue's speaker is a person named at the cue, neither a pronoun
        resolved by a guess nor a description ("the senator")."""
        subject = self._subject(cue)
        return subject is not None and subject.lower_ not in PRONOUNS and any(
            m.start < found[2] and found[1] < m.end and m.kind == "name" for m in self.people)

    def note_reported(self, cue: Token, quote: Quote) -> None:
        """Keep reported speech whose speaker a following "he said" may go on with: one
        named at the cue, one introduced there ("A spokesman for X said"), or "he" or "she"
        ("He said the boat was seized. '...,' he said")."""
        if quote.speaker_start is None or quote.speaker_end is None:
            return
        found = (quote.speaker_text or "", quote.speaker_start, quote.speaker_end)
        if self._body_at(found) is not None:
            self.body_reported.append(quote)
        if reported_by_another(cue):
            return  # "Carson, pointing out that Costa had reported ...: He said": Carson's
        if self.named_speaker(cue, found) or self.introduced_speaker(cue):
            self.reported.append(quote)
            return
        subject = self._subject(cue)
        if subject is not None and subject.lower_ in {"he", "she"}:
            self.pronoun_reported.append((subject.lower_, quote))

    def reported_turn(self, start: int, previous: Quote | None
                      ) -> tuple[str, int, int] | None:
        """ 'Lena Marsh said the pier was old. It was built in 1961. "We warned them."': a
        quote with no cue of its own, in the paragraph of a person's reported speech (later
        than any quote before it), with no one else named in between (nor a body: "A survey
        by Halvard Engineering put it plainly. '...'" is the survey's), goes on with them."""
        text = text_of(self.doc)
        paragraph = text.rfind("\n", 0, start) + 1
        before = [q for q in self.reported if paragraph <= q.start and q.end <= start and
                  not _nested(q, self.reported)]
        if not before or start - before[-1].end > 300 or \
                previous is not None and previous.end > before[-1].end:
            return None
        report = before[-1]
        speaker = next((m for m in self.people if m.start == report.speaker_start), None)
        if speaker is None or report.speaker_start is None or report.speaker_end is None:
            return None
        who = self._id(speaker)
        if any(report.end <= m.start < start and self.who(m) != who for m in self.people) or \
                any(report.end <= m.start < start for m in self.orgs):
            return None
        return report.speaker_text or speaker.text, report.speaker_start, report.speaker_end

    def introduced_speaker(self, cue: Token) -> bool:
        """Whether the cue's subject brings in someone new and unnamed ("A spokesman for
        Skylark Air said"): a following "he said" is that person, not one named before."""
        subject = self._subject(cue)
        # "A spokesman declined to say whether ..." said nothing a "he said" goes on with.
        refused = cue.dep_ == "xcomp" and cue.head.lemma_.lower() in {"decline", "refuse"} \
            or any(c.dep_ == "neg" for c in (*cue.children, *cue.head.children))
        return subject is not None and not refused and subject.lower_ not in PRONOUNS and \
            is_person_noun(subject) and \
            any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in subject.children)

    def _bearer_of_gender(self, found: tuple[str, int, int], said_by: str | None = None
                          ) -> tuple[str, int, int]:
        """ "Ms. Varga said" where the article names Lena and Oren Varga: the one bearer of
        the surname whose gender the text gives as the honorific's, named by their latest
        full name before the cue (the entity linker leaves such a surname open); with no
        honorific, the gender of the pronoun that took the surname (`said_by`: "she said"
        after "Varga" is Lena)."""
        mention = next((m for m in self.people if m.start <= found[1] < m.end), None)
        wanted = mention_gender(mention) if mention is not None and mention.honorific \
            else said_by
        if mention is None or wanted is None or " " in mention.name:
            return found
        named = [m for m in self.people if m.kind == "name" and " " in m.name and
                 surname_key(m) == surname_key(mention)]
        if len({m.name for m in named}) < 2:  # one bearer: the linker finds them
            return found
        # "Hillary Rodham Clinton ... Clinton ... she said" before Bill Clinton is named:
        # the one bearer named so far, if of the pronoun's gender
        bearers = {m.name: m for m in named if m.start < found[1]}
        # Genders read with this surname kept apart from both full names: the honorific
        # being resolved must not vote for whoever its surname was last linked to.
        key = surname_key(mention)
        identity = {**self.identity, **{m.start: key for m in self.people
                                        if " " not in m.name and surname_key(m) == key}}
        gender = text_genders(self.doc, self.people, self.inside, identity)
        possible = [m for m in bearers.values() if gender.get(m.name, wanted) == wanted]
        if len(possible) > 1:  # of those who may be, the one the text says is
            possible = [m for m in possible if gender.get(m.name) == wanted]
        if len({given(m.name) for m in possible}) > 1 or not possible:
            return found
        latest = max(possible, key=lambda m: m.start)  # "Hillary Rodham" / "Hillary Clinton"
        return latest.text, latest.start, latest.end

    def _speaker_of(self, cue: Token, previous: Quote | None) -> tuple[str, int, int] | None:
        subject = self._subject(cue)
        if subject is None:
            return None
        if subject.lower_ == "i":
            return None  # the writer of a column or letter, who is named nowhere
        if subject.lower_ == "they":
            return self._body_spoke_before(subject, previous) or self._group_before(subject)
        if subject.lower_ in PRONOUNS:
            barred = self.salience.named_later_in_clause(subject)
            found = self._description_just_before(subject) or \
                self._previous_speaker(subject, previous)
            if found is None or self._names_one_of(found, barred):
                found = self._subject_just_before(subject)  # only when it is needed
            if found is not None and not self._names_one_of(found, barred):
                return found
            return self._unnamed_person_before(subject) or self.salience.antecedent(subject)
        return self._writer_of(subject, cue) or \
            self._inverted_aside(subject, cue) or self._reported_subject(subject, cue) or \
            self._subject_in_cue_line(subject, cue) or \
            self._name_right_before(subject, cue) or self._name_between(subject, cue) or \
            self._named_in_apposition(subject) or self._named_with_age(subject) or \
            self._subject_just_named(subject, cue) or \
            self._mention_for(subject, trim=subject.i > cue.i and cue.lower_ != "according")

    def _writer_of(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """ '"...," the letter continued': "the letter" a person was last quoted from
        before ("Ms. Vorn said in a letter", "In her letter, she wrote") speaks for them;
        only if no other letter was named since ("The union issued a statement" after "Ms.
        Vorn said in a statement": the union's statement goes on)."""
        if subject.lemma_.lower() not in DOCUMENT_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        named = [t for t in self.doc[:subject.i] if t.lemma_ == subject.lemma_ and
                 (self._quoted_in(t, cue) or _a_new_writing(t))]
        if not named or not self._quoted_in(named[-1], cue):
            return None
        return self._speaker_of(named[-1].head.head, None)

    @staticmethod
    def _quoted_in(writing: Token, cue: Token) -> bool:
        """ "letter" in "Ms. Vorn said in a letter", said before the cue."""
        verb = writing.head.head
        return writing.dep_ == "pobj" and writing.head.lower_ == "in" and \
            verb.pos_ == "VERB" and verb.i < cue.i and verb.lemma_.lower() in WRITING_CUES

    def _inverted_aside(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """ "Any reading of the deal, said Oren Dahl, an expert on ferries, would ...": an
        inverted cue set off by commas inside the sentence; the parser took the words before
        it for its subject, but the person named right after it speaks."""
        text = text_of(self.doc)
        if subject.i > cue.i or not text[:cue.idx].rstrip().endswith(",") or \
                is_person_noun(subject) or \
                any(m.start <= subject.idx < m.end for m in (*self.people, *self.orgs)):
            return None
        name = self._name_after(cue)
        mention = next((m for m in self.people if name is not None and
                        m.start <= name.idx < m.end), None)
        if mention is None or INVERTED_END.match(text, mention.end) is None:
            return None
        return mention.text, mention.start, mention.end

    def _reported_subject(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """ "Ada Brandt, whose firm builds boats, said Mr. Dahl was right": the parser took
        the subject of the words reported for the cue's own, after it; the name opening the
        sentence, set off by a comma, speaks."""
        if subject.i < cue.i or subject.i + 1 >= len(self.doc):
            return None
        after = next((t for t in self.doc[subject.i + 1:subject.i + 3]
                      if t.pos_ in {"AUX", "VERB"}), None)
        if after is None or after.head not in {subject.head, subject} and \
                subject.head != after:
            return None  # '"...," said Dahl, who was there' keeps Dahl
        opening = self._opening_name(cue)
        return self._mention_for(opening) if opening is not None else None

    def _names_one_of(self, found: tuple[str, int, int], barred: set[str]) -> bool:
        return any(m.start < found[2] and found[1] < m.end and self._id(m) in barred
                   for m in self.people)

    def _name_right_before(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """ "To know the old Oren Dahl, Judge Lena Marsh said, ...": a parse that
        put the speaker in apposition to an earlier name; the name that ends right at the
        cue speaks."""
        text = text_of(self.doc)
        for child in subject.children:
            if child.dep_ != "appos" or child.i > cue.i:
                continue
            for mention in self.people:
                if mention.kind == "name" and mention.start <= child.idx < mention.end and \
                        not text[mention.end:cue.idx].strip() and \
                        not mention.start <= subject.idx < mention.end:
                    return mention.text, mention.start, mention.end
        return None

    def _subject_in_cue_line(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """A parser that ran a time stamp's paragraph into the next ("12:15 p.m.\n\nLena
        Marsh says ..."): the noun phrase that opens the cue's own paragraph."""
        text = text_of(self.doc)
        if subject.i > cue.i or "\n" not in text[subject.idx:cue.idx]:
            return None
        line_start = text.rfind("\n", 0, cue.idx) + 1
        words = [t for t in self.doc[subject.i:cue.i] if t.idx >= line_start and
                 not t.is_space]
        while words and words[-1].pos_ in {"AUX", "PART", "ADV"}:
            words.pop()  # "... is calling", "... now says"
        if not 0 < len(words) <= 10 or words[-1].pos_ not in {"NOUN", "PROPN"} or \
                any(t.pos_ in {"VERB", "AUX"} or self.inside[t.idx] for t in words):
            return None
        found = self._mention_for(words[-1])
        if found[1] < line_start:
            return None
        return found if found[2] > words[-1].idx else \
            (text[words[0].idx:words[-1].idx + len(words[-1].text)], words[0].idx,
             words[-1].idx + len(words[-1].text))

    def _subject_just_named(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """ "Gareth Linde has worked in the library for years. The 45-year-old librarian
        says ...": a description opening the sentence after one whose subject is a named
        person, with no one else named, is that person, unless their role is another
        ("Mayor Ilse Varga ... The spokesperson said" is someone else)."""
        if subject.i > cue.i or subject.tag_ != "NN" or \
                not any(t.lower_ == "the" and t.dep_ == "det" for t in subject.children):
            return None
        here = self.salience.sentence_of(subject.idx)
        if any(self.salience.sentence_of(m.start) == here and m.start < subject.idx
               for m in self.people):
            return None
        before = [m for m in self.people if self.salience.sentence_of(m.start) == here - 1
                  and not self.inside[m.start] and m.kind != "candidate"]
        if len({self._id(m) for m in before}) != 1 or before[0].kind != "name" or \
                not self.salience.is_subject(before[0]):
            return None
        noun = subject.lemma_.lower()
        titled = noun in text_of(self.doc)[max(0, before[0].start - 40):before[0].start].lower()
        roles = {m.role.lower() for m in self.people
                 if m.role and self._id(m) == self._id(before[0])}
        aged = any(t.lower_ == "old" for t in subject.lefts)  # "the 45-year-old librarian"
        if not (titled or aged) or roles and not any(noun in role for role in roles):
            return None  # not "the spokesperson", nor "the buyer" of what he sold
        return before[0].text, before[0].start, before[0].end

    def _named_with_age(self, subject: Token) -> tuple[str, int, int] | None:
        """ "the 45-year-old said": the one person named earlier with that age ("Lena
        Marsh, 45,")."""
        if subject.lower_ != "old" or any(m.start <= subject.idx < m.end
                                          for m in self.mentions):
            return None
        text = text_of(self.doc)
        start = min(t.idx for t in subject.subtree)
        match = re.search(r"\b(\d{1,3})-year-old$", text[start:subject.idx + 3])
        if match is None:
            return None
        aged = [m for m in self.people if m.kind == "name" and m.end <= subject.idx and
                re.match(rf",\s*{match.group(1)}\b", text[m.end:m.end + 6])]
        if len({self._id(m) for m in aged}) != 1:
            return None
        return aged[-1].text, aged[-1].start, aged[-1].end

    def _group_before(self, pronoun: Token) -> tuple[str, int, int] | None:
        """ "they said": the latest subject of this or the two sentences before that names
        several (a plural noun, "X and Y") or an organisation; never one person, nor a
        subject of reported words: those "they" report ("State boards can do that, they
        said"), or another's ("Wilcox and Beruff argued that the office is not needed")."""
        here = self.salience.sentence_of(pronoun.idx)
        said = self._said_tokens(pronoun)
        for token in reversed(self.doc[max(0, pronoun.sent.start - 120):pronoun.i]):
            if here - self.salience.sentence_of(token.idx) > 2:
                break
            if token.dep_ not in {"nsubj", "nsubjpass"} or self.inside[token.idx] or \
                    token.pos_ == "PRON" or token.i in said or token.head.dep_ == "ccomp":
                continue
            org = any(m.start <= token.idx < m.end for m in self.orgs)
            if org or _names_people(token) or any(c.dep_ == "conj" for c in token.children):
                return self._group_span(token)
        return None

    def _body_at(self, found: tuple[str, int, int]) -> Mention | None:
        """The organisation a speaker span names ("the Harbour Board", "the board")."""
        return next((m for m in self.orgs if m.start < found[2] and found[1] < m.end), None)

    def _body_spoke_before(self, pronoun: Token, previous: Quote | None
                           ) -> tuple[str, int, int] | None:
        """ "According to the Harbour Board, the pier is safe. ... They said": "they" after
        an organisation spoke, with no person or group of people named in between (outside
        quotes), is that organisation, though it was no subject the group rule sees."""
        spoken = [q for q in (*self.body_reported, *([previous] if previous else []))
                  if q.end <= pronoun.idx and q.speaker_start is not None and
                  q.speaker_end is not None and pronoun.idx - q.end <= 400]
        if not spoken:
            return None
        last = max(spoken, key=lambda q: q.end)
        assert last.speaker_start is not None and last.speaker_end is not None
        found = (last.speaker_text or "", last.speaker_start, last.speaker_end)
        if self._body_at(found) is None:
            return None
        after = min(last.end, last.speaker_end)
        if any(after <= m.start < pronoun.idx and not self.inside[m.start]
               for m in self.people):
            return None
        for token in reversed(self.doc[:pronoun.i]):
            if token.idx < after:
                break
            if token.dep_ in {"nsubj", "nsubjpass"} and not self.inside[token.idx] and \
                    _names_people(token):
                return None  # "Residents were angry. They said": the residents
        return found

    def _group_span(self, token: Token) -> tuple[str, int, int]:
        """The subject phrase with its coordinated parts ("Mr. Grassley and Mr. Leahy")."""
        found = self._mention_for(token)
        conj = [c for c in token.children if c.dep_ == "conj"]
        if not conj:
            return found
        last = max(conj[-1].subtree, key=lambda t: t.i)
        end = last.idx + len(last.text)
        return text_of(self.doc)[found[1]:end], found[1], end

    def _named_in_apposition(self, subject: Token) -> tuple[str, int, int] | None:
        """ "The opposition leader, Ana Ruiz, said", "The union, the Dunmore Nurses
        Association, said": the name beside the description."""
        if any(m.start <= subject.idx < m.end and m.kind == "name" for m in self.mentions):
            return None
        for child in subject.children:
            if child.dep_ != "appos":
                continue
            for mention in (*self.people, *self.orgs):
                if mention.kind == "name" and mention.start <= child.idx < mention.end:
                    return mention.text, mention.start, mention.end
            if is_person_noun(subject):
                found = self._untagged_full_name(child)
                if found is not None:
                    return found
        return self._name_closing_phrase(subject)

    def _untagged_full_name(self, head: Token) -> tuple[str, int, int] | None:
        """ "The judge, Ilse Vantry, has asked": a full name beside a person's description
        names its holder even when the tagger took it for a place (so no person mention);
        the story's other articles tell whom it names."""
        words = [t for t in head.lefts if t.dep_ == "compound"] + [head]
        if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1 or \
                any(t.pos_ != "PROPN" or not t.is_title or self.inside[t.idx] for t in words):
            return None
        start, end = words[0].idx, head.idx + len(head.text)
        return text_of(self.doc)[start:end], start, end

    def _name_closing_phrase(self, subject: Token) -> tuple[str, int, int] | None:
        """ "One skipper backing Mayor Dahl, Tomas Keller of the sailing club, said": the
        parser hung the name on the last noun before it, but a name in apposition that
        closes a person's description names that person."""
        if not is_person_noun(subject):
            return None
        words = [t for t in subject.subtree if not t.is_punct]
        for token in words:
            if token.dep_ != "appos" or token.head == subject or \
                    max(t.i for t in token.subtree if not t.is_punct) != words[-1].i:
                continue
            for mention in self.people:
                if mention.kind == "name" and mention.start <= token.idx < mention.end:
                    return mention.text, mention.start, mention.end
        return None

    def names_someone(self, found: tuple[str, int, int]) -> bool:
        """Whether a speaker span is (or holds) a person or organisation mention."""
        return any(m.start < found[2] and found[1] < m.end for m in self.mentions)

    def names_person(self, found: tuple[str, int, int]) -> bool:
        """Whether a speaker span is (or holds) a person mention."""
        return any(m.start < found[2] and found[1] < m.end for m in self.people)

    def _name_between(self, subject: Token, cue: Token) -> tuple[str, int, int] | None:
        """A parse that took a time stamp or another phrase for the subject ("9:40 a.m.
        Tomas Brandt says", "Ferries, Malik suggested, ..."): the person named between
        that subject and the cue, outside the subject's own phrase (unless the subject is
        a time or a number)."""
        if any(m.start <= subject.idx < m.end for m in self.mentions) or cue.i < subject.i:
            return None
        timelike = subject.like_num or subject.ent_type_ in {"TIME", "DATE"} or \
            subject.lower_ in {"a.m.", "p.m."}
        phrase = {t.idx for t in subject.subtree}
        text = text_of(self.doc)
        between = [m for m in self.people if subject.idx < m.start and m.end <= cue.idx
                   and m.kind == "name" and not self.inside[m.start]
                   and (timelike or m.start not in phrase and self._could_speak(m, cue))
                   and len(re.sub(r"\(.*?\)", "", text[m.end:cue.idx]).split()) <= 2]
        if "\n" in text[subject.idx:cue.idx]:
            return None
        if between:
            mention = between[-1]
            return mention.text, mention.start, mention.end
        return self._proper_nouns_before(cue) if timelike else None

    def _could_speak(self, mention: Mention, cue: Token) -> bool:
        """A name that can be the cue's subject: not the object of a verb or a preposition
        ("voiced support for Mayor Dahl on Wednesday, saying")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.head == cue or root.dep_ not in {"pobj", "dobj", "dative", "poss"}

    def _proper_nouns_before(self, cue: Token) -> tuple[str, int, int] | None:
        """ "9:40 a.m. Tomas Brandt says", where the tagger took the name into the time:
        the run of proper nouns right before the cue (and its auxiliaries)."""
        index = cue.i - 1
        while index >= 0 and self.doc[index].pos_ == "AUX":
            index -= 1
        end = index
        while index >= 0 and self.doc[index].pos_ == "PROPN" and \
                not self.inside[self.doc[index].idx]:
            index -= 1
        if end == index:
            return None
        first, last = self.doc[index + 1], self.doc[end]
        start, stop = first.idx, last.idx + len(last.text)
        return text_of(self.doc)[start:stop], start, stop

    def _previous_speaker(self, pronoun: Token, previous: Quote | None
                          ) -> tuple[str, int, int] | None:
        """ "he said" right after a quote by a named man usually continues his turn, as
        after his reported speech ("Keller said Dahl had called. '...,' he said")."""
        reports = [*self.reported, *(q for _, q in self.pronoun_reported)]
        before = [q for q in self.reported if q.end <= pronoun.idx and
                  not _nested(q, reports)]
        if before and (previous is None or previous.end < before[-1].end):
            previous = before[-1]
        # "He said the boat was seized. '...,' he said": the same pronoun goes on, when no
        # quote with a speaker comes just before (that report was resolved without it).
        same = [q for said, q in self.pronoun_reported
                if said == pronoun.lower_ and q.end <= pronoun.idx]
        if same and (previous is None or previous.speaker_start is None or
                     pronoun.idx - previous.end > 400):
            previous = same[-1]
        if previous is None or previous.speaker_start is None or previous.speaker_end is None:
            return None
        if pronoun.idx - previous.end > 400 or pronoun.lower_ in {"it", "they", "we", "i"}:
            return None
        speaker = next((m for m in self.people if m.start == previous.speaker_start), None)
        if speaker is None:
            return self._unnamed_previous(pronoun, previous)
        wanted, known = PRONOUNS[pronoun.lower_], self.gender.get(self._id(speaker))
        if wanted and known and wanted != known:
            return None
        # A different person named between the quotes takes the pronoun instead; not one
        # named in the words this pronoun's cue reports ("Trump is no conservative, he said").
        said = self._said_names(pronoun)
        between = [m for m in self.people if previous.end <= m.start < pronoun.idx
                   and m.kind == "name" and m.start not in said and
                   (self._id(m) != self._id(speaker) or other_bearer(m, speaker, wanted))]
        if any(not self._asked_about(m) for m in between):
            return None
        return previous.speaker_text or speaker.text, previous.speaker_start, \
            previous.speaker_end

    def _asked_about(self, mention: Mention) -> bool:
        """ '"...," Keller said. What if Dahl wins? "He should do as he likes," he said': a
        name in the writer's question to a speaker is what is asked about; it does not end
        the speaker's turn."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and not self.inside[mention.start] and \
            span.sent.text.rstrip().endswith("?")

    def _unnamed_previous(self, pronoun: Token, previous: Quote) -> tuple[str, int, int] | None:
        """ "A spokesman for Skylark Air said the airline was disappointed. '...,' he said":
        "he" goes on with the unnamed spokesman (and so his airline), not with a person
        named earlier, when no one is named in between and no gender word says otherwise."""
        start, end = previous.speaker_start, previous.speaker_end
        if start is None or end is None or pronoun.lower_ not in {"he", "she"}:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span[0].lower_ not in {"a", "an"} or not is_person_noun(span.root):
            return None
        said = {t.lower_ for t in span}
        wanted = PRONOUNS[pronoun.lower_]
        if said & (MALE_WORDS if wanted == "female" else FEMALE_WORDS):
            return None
        if any(previous.end <= m.start < pronoun.idx and m.kind == "name" for m in self.people):
            return None
        return previous.speaker_text or span.text, start, end

    def _description_just_before(self, pronoun: Token) -> tuple[str, int, int] | None:
        """ "The arbiter pressed both sides. She asked the council why ...": "he" or "she"
        opening the sentence after one whose subject is a person's description, with no one
        named there, is the one described, not the last speaker (unless the text gave someone
        named before this role)."""
        if pronoun.lower_ not in {"he", "she"} or pronoun.i != pronoun.sent.start:
            return None
        sentence = sentence_before(pronoun, self.inside)
        if sentence is None:
            return None
        subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NN" or not is_person_noun(subject) or \
                self.inside[subject.idx] or \
                not any(t.lower_ == "the" and t.dep_ == "det" for t in subject.children):
            return None
        if any(sentence.start_char <= m.start < sentence.end_char and m.kind == "name"
               for m in self.mentions):
            return None
        # "The manager told her to go home. She said", "The insurer rejected his claim. He
        # said": one of the pronoun's gender already in the story is there, and may well
        # be the one who goes on; the last speaker stays
        if any(t.lower_ in OTHER_FORMS[pronoun.lower_] for t in sentence):
            return None
        mention = next((m for m in self.mentions if m.start <= subject.idx < m.end), None)
        if mention is not None and (mention.kind != "nominal" or mention.describes is not None
                                    or mention.label != "PERSON"):
            return None
        noun = subject.lemma_.lower()
        if any(noun in " ".join((m.role or "", *m.other_roles)).lower()
               for m in self.people if m.start < subject.idx):
            return None  # "Dahl, the council's lawyer, said ... The lawyer pressed on": Dahl
        return self._mention_for(subject)

    def _unnamed_person_before(self, pronoun: Token) -> tuple[str, int, int] | None:
        """ "A mayor who ordered the raid that caught Oren Dahl will hand her successor a
        broken wall. Where she used to boast ...": "he" or "she" looking back to a sentence
        whose subject brings in someone it does not name ("a mayor", "my father") is that
        someone (the phrase, for the linker), not a person named only inside the
        description; unless a gender word of the phrase says otherwise. Even when a named
        person holds the role ("President Obama ... A president who ..."), the phrase: a
        guess past it would take the last name ranked, here the one the raid caught."""
        if pronoun.lower_ not in {"he", "she"} or not opens_its_clause(pronoun):
            return None
        sentence = sentence_before(pronoun, self.inside)
        if sentence is None:
            return None
        subject = unnamed_person_subject(sentence, self._in_a_name, self.inside)
        if subject is None or someone_else_as_object(sentence, subject, pronoun, self.inside):
            return None
        words = {t.lower_ for t in subject.subtree}
        if words & (MALE_WORDS if PRONOUNS[pronoun.lower_] == "female" else FEMALE_WORDS):
            return None
        return self._mention_for(subject, trim=True)

    def _in_a_name(self, token: Token) -> bool:
        return any(m.start <= token.idx < m.end and m.kind == "name" for m in self.people)

    def _subject_just_before(self, pronoun: Token) -> tuple[str, int, int] | None:
        """ "Dan Kovac agreed with Keller. '...,' he wrote": the person named as the subject
        of the last sentence before the pronoun's (quotes aside) takes "he" or "she", though
        someone named more often was quoted before."""
        wanted = PRONOUNS[pronoun.lower_]
        if wanted is None or pronoun.lower_ not in {"he", "she"}:
            return None
        said = self._said_names(pronoun)
        if any(m.start < pronoun.idx and not self.inside[m.start] and m.start not in said
               for m in self.people if m.start >= pronoun.sent.start_char):
            return self._subject_earlier(pronoun, wanted, said)
        sentence = sentence_before(pronoun, self.inside)
        subject = sentence_subject(sentence) if sentence is not None else None
        if subject is None or self.inside[subject.idx]:
            return None
        mention = next((m for m in self.people if m.start <= subject.idx < m.end), None)
        if mention is None or mention.kind != "name" or \
                self.gender.get(self._id(mention), wanted) != wanted:
            return None
        return mention.text, mention.start, mention.end

    def _subject_earlier(self, pronoun: Token, wanted: str, said: set[int]
                         ) -> tuple[str, int, int] | None:
        """ "When Mr. Rubio took Mr. Trump on, he did it sideways", "Ryan, who was slow to
        endorse Mr. Trump, was blunt about what he called our arguments": the first person
        named as a subject earlier in the pronoun's own sentence (outside quotes and the
        words it reports) takes it, as salience ranks a subject over an object. Not past
        another person who may be meant, named after the subject's own phrase ("Hewitt
        asked Trump about statements he had made"): then the salience rules decide."""
        for token in pronoun.sent:
            if token.i >= pronoun.i:
                break
            if token.dep_ not in {"nsubj", "nsubjpass"} or self.inside[token.idx]:
                continue
            if same_pronoun_coordinated(token, pronoun):
                # "He agreed that Dahl may lose, but he said ...": the first "he" goes on
                return self._speaker_of(token.head, None)
            mention = next((m for m in self.people if m.start <= token.idx < m.end), None)
            if mention is None or mention.kind != "name" or mention.start in said or \
                    self.gender.get(self._id(mention), wanted) != wanted:
                continue
            phrase_end = max(t.idx + len(t.text) for t in token.subtree)
            if any(phrase_end <= m.start < pronoun.idx and m.kind == "name" and
                   m.start not in said and not self.inside[m.start] and
                   self.gender.get(self._id(m), wanted) == wanted for m in self.people):
                return None
            return mention.text, mention.start, mention.end
        return None

    def _said_names(self, pronoun: Token) -> set[int]:
        """Starts of the mentions before a subject pronoun that are part of what its verb
        reports: "Dahl is no sailor, he said", '"Dahl lied," she said', "Of the row over
        Dahl, he said". A person already named, named again in the words reported, is
        mostly who they are about, not who reports them: no one new who stops a
        speaker's turn, nor a subject in the pronoun's sentence that blocks the one
        before."""
        starts = {self.doc[i].idx for i in self._said_tokens(pronoun)}
        # "Former Rep. Oren Dahl was against the plan, he said": a person named there for
        # the first time, as its subject, may be the one reporting on himself (not one
        # named inside it: "Proposals from the mayor, Ada Dahl, he added, fall short").
        salience = self.salience
        return {m.start for m in self.mentions if m.start in starts and
                not (m in self.people and salience.first_mention(m) and salience.is_subject(m))}

    def _said_tokens(self, pronoun: Token) -> set[int]:
        """The tokens before a subject pronoun that are what its verb reports (only those
        in quotation marks, where some are)."""
        verb = pronoun.head
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or verb == pronoun:
            return set()
        parts = [c for c in verb.children if c.i < pronoun.i and (
            c.dep_ in {"ccomp", "parataxis"} or
            c.dep_ == "prep" and c.lower_ in {"of", "about", "on", "regarding"} or
            # "As for Brandt's record, she said": the topic
            c.dep_ == "prep" and c.lower_ == "as" and
            any(g.lower_ in {"for", "to"} for g in c.children))]
        tokens = {t.i for c in parts for t in c.subtree}
        before = next((t for t in reversed(self.doc[max(0, pronoun.i - 3):pronoun.i])
                       if not t.is_quote), None)
        # "Proposals from Ada Dahl, he added, fall short": set off by commas on both sides
        aside = verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].text == ","
        if verb.dep_ in {"ccomp", "parataxis"} and (verb.head.i < pronoun.i or aside) and \
                before is not None and before.text == ",":
            # "Dahl lied, she said", the cue hung on what it reports (not "Keller thinks he
            # said too much", where Keller may be "he").
            own = {t.i for t in verb.subtree}
            tokens |= {t.i for t in verb.head.subtree if t.i not in own}
        tokens = {i for i in tokens if i < pronoun.i}
        if any(self.inside[self.doc[i].idx] for i in tokens):
            # 'Marsh scolded him: "...," she said': the words in quotation marks are what
            # is reported, not the clause that introduces them.
            tokens = {i for i in tokens if self.inside[self.doc[i].idx]}
        return tokens

    def _subject(self, cue: Token) -> Token | None:
        """Who speaks: the cue's subject, climbing through "saying", "by saying", "who said"."""
        if cue.lower_ == "according":
            to = self.doc[cue.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        verb = cue
        if cue.tag_ == "VBG" and cue.i > 0 and self._after_comma(cue) and \
                cue.sent.root.pos_ in {"VERB", "AUX"} and cue.sent.root.i < cue.i:
            verb = cue.sent.root  # "X was defensive when ..., saying, ..." -> X
            if self.inside[verb.idx]:  # a root the parser found inside quoted words
                verb = verb_with_subject_before(cue, self.inside) or verb
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                        and not self.inside[c.idx]]
            if not subjects and \
                    (beside := named_beside_inside_subject(verb, self.inside)) is not None:
                subjects = [beside]
            if len(subjects) > 1:  # "..., New Brunswick, Dahl went": the person is it
                subjects.sort(key=lambda c: not any(m.start <= c.idx < m.end
                                                    for m in self.people))
            if subjects and subjects[0].lower_ in {"who", "which", "that"} and \
                    verb.dep_ == "relcl":
                if issued_thing(verb.head):
                    verb = verb.head.head  # "Dahl released an ad that said ...": Dahl
                    continue
                return verb.head  # "Varga, who called the closure ..." -> Varga
            # "was told by Oren Dahl" names the speaker; "was joined by Dahl and joked"
            # does not: only the cue's own agent speaks.
            agents = [c for c in verb.children if c.dep_ == "agent"] if verb == cue else []
            if subjects and not (agents and subjects[0].dep_ == "nsubjpass"):
                return subjects[0]
            if agents:  # "was told by Oren Dahl": the agent speaks, not the one told
                pobj = [c for c in agents[0].children if c.dep_ == "pobj"]
                return pobj[0] if pobj else None
            if verb.dep_ == "acl" and issued_thing(verb.head):
                verb = verb.head.head  # "Dahl released an ad calling ...": Dahl speaks
                continue
            if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN", "PRON"}:
                return verb.head  # "footage of Hillary Clinton asking, ..."
            controller = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if verb.dep_ == "xcomp" and controller and verb.head.lemma_ not in SUBJECT_CONTROL:
                return controller[0]  # "forced Malik to admit" -> Malik
            if verb.dep_ == "conj" and (finite := finite_above(verb) or
                                        report_above(verb)) is not None:
                verb = finite
                continue
            if verb.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"} and \
                    verb.head != verb:  # "..., saying", "began by saying", "were quick to say"
                verb = past_closed_aside(verb, verb.head)
            else:
                break
        if self._right_after_a_quote(cue):
            return self._name_after(cue) or self._nominal_after(cue)
        if cue.lemma_ in LISTENER_CUES:  # "Carter, ..., told Mr. Dahl": Dahl listens
            return self._name_next_to(cue) or self._described_opening(cue)
        return self._name_after(cue) or self._name_next_to(cue) or \
            self._described_opening(cue)

    def _described_opening(self, cue: Token) -> Token | None:
        """ "One skipper, who like others spoke on condition that she not be named, said":
        a parse that lost the cue's subject inside the relative clause; the person noun
        opening the sentence, right before its "who", speaks."""
        if not text_of(self.doc)[:cue.idx].rstrip().endswith(","):
            return None
        words = [t for t in cue.sent if t.i < cue.i and not t.is_space]
        head = next((i for i, t in enumerate(words[:8]) if t.lower_ == "who"), None)
        if head is None or head == 0:
            return None
        phrase = words[:head - 1] if words[head - 1].text == "," else words[:head]
        if not phrase or not is_person_noun(phrase[-1]) or \
                any(t.pos_ not in {"DET", "NUM", "ADJ", "NOUN", "PROPN"} or
                    self.inside[t.idx] for t in phrase):
            return None
        return phrase[-1]

    def _right_after_a_quote(self, cue: Token) -> bool:
        """ '"...," said the boy': the cue comes right after a closing quote mark."""
        before = text_of(self.doc)[:cue.idx].rstrip()
        return bool(before) and self.inside[len(before) - 1] == 1 and \
            before[-1] in "\"'\u201d\u2019"

    def _nominal_after(self, cue: Token) -> Token | None:
        """ '"...," asked the boy, who ...', '"...," read the email': the parser took the
        speaker after an inverted cue for its object; the head noun of the phrase after it."""
        nouns = []
        for token in self.doc[cue.i + 1:cue.i + 9]:
            if self.inside[token.idx] or token.is_punct or token.lower_ in {"who", "which"} \
                    or token.pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "VERB"} \
                    or token.pos_ == "VERB" and token.dep_ != "amod":
                break
            nouns += [token] if token.pos_ in {"NOUN", "PROPN"} else []
        return nouns[-1] if nouns else None

    def _name_after(self, cue: Token) -> Token | None:
        """ '"...," said Const. Lena Marsh': a name right after the cue, behind at most a
        title, where the parser ended the sentence at the title's dot."""
        text = text_of(self.doc)
        end = cue.idx + len(cue.text)
        for mention in self.people:
            if mention.start < end or mention.kind != "name":
                continue
            gap = text[end:mention.start]
            if len(gap) <= 12 and "\n" not in gap and re.fullmatch(r"\s*(?:[A-Z][a-z]*\.\s*)?",
                                                                    gap):
                token = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                return token.root if token is not None else None
            break
        return None

    def _after_comma(self, token: Token) -> bool:
        """ "..., saying" or '..."X," adding': a comma (maybe inside a closing mark) before."""
        before = self.doc[token.i - 1]
        if before.text == ",":
            return True
        return before.is_quote and text_of(self.doc)[before.idx - 1:before.idx] == ","

    def _opening_name(self, cue: Token) -> Token | None:
        """ "Tomas Keller, later claiming that Mayor Dahl wanted to close the piers, said":
        a parse that lost the cue's subject inside the aside; the person named at the start
        of the sentence (or of its line, after a dateline), set off by the comma that opens
        the aside, speaks, not a name inside it."""
        if cue.i not in self._opening:
            self._opening[cue.i] = self._name_opening_sentence(cue)
        return self._opening[cue.i]

    def _name_opening_sentence(self, cue: Token) -> Token | None:
        text = text_of(self.doc)
        if not text[:cue_phrase_start(cue)].rstrip().endswith(","):
            return None
        start = max(cue.sent.start_char, text.rfind("\n", 0, cue.idx) + 1)
        dateline = DATELINE.match(text, start)  # always matches, maybe nothing
        first = dateline.end() if dateline is not None else start
        for mention in self.people:
            if mention.kind != "name" or mention.start < first or mention.end > cue.idx:
                continue
            before = self.doc.char_span(first, mention.start, alignment_mode="expand")
            if TITLE_WORDS.fullmatch(text[first:mention.start]) is None or \
                    before is not None and any(t.pos_ not in TITLE_POS for t in before) or \
                    NAME_THEN_COMMA.match(text, mention.end) is None or self.inside[first]:
                return None  # not "At Boca West, where ..., Jay Ruiz, the manager, said"
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            return span.root if span is not None else None
        return None

    def _name_next_to(self, cue: Token) -> Token | None:
        """A parse that put the subject inside the quote: take the name beside the cue,
        over a parenthesis ("Sen. Chris Murphy (a Democrat so boyish he ...) says")."""
        opening = self._opening_name(cue)
        if opening is not None:
            return opening
        text = text_of(self.doc)
        for mention in reversed(self.mentions):
            if mention.end > cue.idx or self.inside[mention.start] or \
                    mention.kind == "pronoun":
                continue
            gap = text[mention.end:cue.idx]
            if ")" in gap.split("(")[0]:
                continue  # inside the parenthesis
            if len(re.sub(r"\([^()]*\)", "", gap)) > 60 or \
                    sentence_ends_between(self.doc, mention.end, cue.idx, self.inside):
                return None  # (not a name in the sentence before: "Marsh's plan. Most say")
            token = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            return token.root if token is not None else None
        return None

    def _mention_for(self, token: Token, trim: bool = False) -> tuple[str, int, int]:
        for mention in self.mentions:
            if mention.start <= token.idx < mention.end:
                return mention.text, mention.start, mention.end
        # Take the noun phrase around the subject (compounds, adjectives, "of" phrases).
        line_start = text_of(self.doc).rfind("\n", 0, token.idx) + 1
        line_end = text_of(self.doc).find("\n", token.idx)
        line_end = len(text_of(self.doc)) if line_end < 0 else line_end
        # After an inverted cue a relative clause is no part of the speaker ('"...," asked
        # the boy, who was ...'); before the cue PolNeAR counts its "who" as the speaker.
        clauses = {t.i for c in token.rights if c.dep_ in {"relcl", "acl"} for t in c.subtree} \
            if trim else set()
        parts = [t for t in token.subtree if not self.inside[t.idx] and t.dep_ != "punct"
                 and line_start <= t.idx < line_end and abs(t.i - token.i) <= 6
                 and t.i not in clauses] or [token]
        # A phrase cut off at the length limit loses the "of"/"in" phrase whose noun it
        # cut: "Shopkeepers on Weir Street", not "Shopkeepers on Weir Street in the
        # fictional"; one whose noun is kept stays ("interviews with a dozen leaders").
        kept = {t.i for t in parts}
        open_ = [p for p in parts if p.dep_ == "prep" and p.i > token.i and
                 any(c.dep_ == "pobj" and c.i not in kept for c in p.children)]
        if open_:
            cut = {t.i for t in open_[0].subtree}
            parts = [t for t in parts if t.i not in cut] or parts
        while len(parts) > 1 and parts[-1].pos_ in {"ADP", "DET", "CCONJ", "SCONJ", "PRON"}:
            parts.pop()  # a phrase cut short ends on a word, not on "on", "the" or "which"
        start = min(t.idx for t in parts)
        end = max(t.idx + len(t.text) for t in parts)
        return text_of(self.doc)[start:end], start, end

PERSON_AFTER = re.compile(r",\s+(?:who\b|\d{1,3},)")
# "WASHINGTON -- " before the first words of a news story.
DATELINE = re.compile(r"\s*(?:[A-Z][A-Z.,' ]*\s(?:--|\u2014|\u2013)\s*)?")
# Titles the mention's own text may leave out ("Harbour master", "President").
TITLE_WORDS = re.compile(r"(?:[A-Z]?[a-z]*\.?\s+){0,3}")
TITLE_POS = {"PROPN", "NOUN", "ADJ", "DET", "PUNCT"}
# What follows the name after an inverted cue inside a sentence: its description, or the
# rest of the sentence ("said Oren Dahl, an expert", "said Dahl and others").
INVERTED_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,|\.|\s+and\b)")
# A name set off by a comma, maybe after a parenthesis ("Chris Shays (R-Conn.),").
NAME_THEN_COMMA = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,")


def _person_tagged_as_org(text: str, mention: Mention, surnames: set[str]) -> bool:
    """ "Ilse Varga, who chairs the board,", "Ilse Varga, 54,", or "Ilse Varga" where
    "Varga" alone is a person: a name spaCy tagged as an organisation that the text treats
    as a person (and with no organisation word in it)."""
    words = mention.name.split()
    return mention.label == "ORG" and mention.kind == "name" and 2 <= len(words) <= 3 and \
        all(w[:1].isupper() and w.isalpha() for w in words) and \
        not {w.lower() for w in words} & ORG_NOUNS and \
        (words[-1] in surnames or PERSON_AFTER.match(text, mention.end) is not None)


def _nested(quote: Quote, reported: list[Quote]) -> bool:
    """Reported speech inside another's report ("Marsh said Dahl had told her the hull was
    cracked"): the one reporting it is the one a following "she said" goes on with."""
    return quote.speaker_start is not None and any(
        other is not quote and other.start <= quote.speaker_start and quote.end <= other.end
        for other in reported)
