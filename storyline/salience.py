"""Whom a pronoun refers to: the most salient earlier mention, as Lappin and Leass rank them.

Goes in: a parsed `Doc`, its person and organisation `Mention`s in text order, the
characters inside quote marks, and each person mention's identity (`person_identities`).
Comes out: for a pronoun outside quotes ("he", "she", "it", "they"...), the (text, start,
end) of the earlier mention it most likely refers to (`PronounSalience.antecedent`); and,
for `speakers.SpeakerResolver`, what that ranking works out on the way: who the text says
is male or female, the sentence a character is in, and whom a subject pronoun cannot be.

Recent mentions beat older ones, subjects beat objects and possessives, and a person
mentioned often (by name or by the pronouns that refer to them) beats one named once; a
person whose gender the text gives (an honorific, a word such as "spokeswoman", or the
pronouns used around their name) never takes a pronoun of the other gender, and a person
named as another argument of the pronoun's own verb never takes it (binding).
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from spacy.tokens import Doc, Token

from .genders import surname_key, text_genders
from .models import Mention
from .people import GENDERED_PRONOUNS
from .speaker_syntax import HEAD_WEIGHT, RECENCY_WEIGHT, ROLE_WEIGHTS, in_clause_below, token_weight

# A person introduced with a role ("Henry Crespo, president of the caucus") is about to
# be quoted.
INTRODUCTION_WEIGHT = 50
SALIENCE_SENTENCES = 4
# Pronouns that can be a speech verb's subject or object, with the gender they require.
PRONOUNS = {"he": "male", "she": "female", "they": None, "it": None, "him": "male",
            "her": "female", "we": None, "i": None}
# A verb's other arguments.
OBJECTS = {"dobj", "dative", "iobj"}


class PronounSalience:
    """Ranks the earlier mentions a pronoun may refer to; works each thing out once."""

    def __init__(self, doc: Doc, people: list[Mention], orgs: list[Mention],
                 inside: bytearray, identity: dict[int, str]) -> None:
        self.doc = doc
        self.people = people
        self.orgs = orgs
        self.inside = inside
        self.identity = identity
        self._gender: dict[str, str] | None = None
        self._sent_starts: list[int] | None = None
        self._chain: list[tuple[Token, str, Mention]] | None = None
        self._first: dict[str, int] | None = None  # identity -> start of its first mention
        # Read up to three times for one pronoun, twice for one cue: worked out once.
        self._barred: dict[int, set[str]] = {}

    @property
    def gender(self) -> dict[str, str]:
        """Known genders by identity (a full name, or a lower-case bare surname), worked
        out on the first pronoun (most quotes need none)."""
        if self._gender is None:
            self._gender = text_genders(self.doc, self.people, self.inside, self.identity)
        return self._gender

    def id_of(self, mention: Mention) -> str:
        """Whom a person mention names: its identity, else its surname key."""
        return self.identity.get(mention.start, surname_key(mention))

    def sentence_of(self, char: int) -> int:
        """The number of the sentence holding a character offset."""
        if self._sent_starts is None:
            self._sent_starts = [s.start_char for s in self.doc.sents]
        return bisect.bisect_right(self._sent_starts, char) - 1

    def named_later_in_clause(self, pronoun: Token) -> set[str]:
        """Who a subject pronoun cannot be: a person named as another argument of its own
        verb ("She asked Marsh about the levy", "He accused Dahl", "he told Keller"), whom
        the writer would have called "herself" (binding). Not a name further down, in the
        words reported: news writing names its speaker there ("He notes that Dahl's
        microphone failed")."""
        if pronoun.i not in self._barred:
            self._barred[pronoun.i] = self._arguments_named(pronoun)
        return self._barred[pronoun.i]

    def _arguments_named(self, pronoun: Token) -> set[str]:
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head == pronoun:
            return set()
        verb = pronoun.head
        arguments = [c for c in verb.children if c.i > pronoun.i and c.dep_ in OBJECTS]
        arguments += [g for c in verb.children if c.i > pronoun.i and c.dep_ == "prep"
                      for g in c.children if g.dep_ == "pobj"]
        # "Asked by Tom Reilly whether she would go, she said": the asker never answers.
        arguments += [g for c in verb.children if c.i < pronoun.i and c.dep_ == "advcl"
                      and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"
                      for g in a.children if g.dep_ == "pobj"]
        said = [t for a in arguments for t in a.subtree if t.pos_ == "PROPN" and
                not self.inside[t.idx] and not in_clause_below(t, a)]
        if not said:
            return set()
        barred = set()
        for token in said:
            named = [m for m in self.people if m.start <= token.idx < m.end and
                     m.kind == "name"]
            if named:
                barred.add(self.id_of(named[0]))
            else:  # the mention finder may leave a bare "Marsh" unresolved there
                barred |= {self.id_of(m) for m in self.people if m.kind == "name" and
                           m.name.split()[-1] == token.text}
        return barred

    def antecedent(self, pronoun: Token) -> tuple[str, int, int] | None:
        """The most salient earlier compatible name; a description only when no name fits."""
        wanted = PRONOUNS[pronoun.lower_]
        pool = self.orgs if pronoun.lower_ == "it" else self.people
        names = [m for m in pool if m.kind == "name"]
        if wanted is not None:
            return self._most_salient(names, pronoun, wanted) or \
                self._nearest(pool, pronoun, wanted)
        if pronoun.lower_ == "it":  # an organisation: the subject beats one in a phrase
            return self._most_salient(names, pronoun, "") or self._nearest(pool, pronoun, None)
        return self._nearest(names, pronoun, wanted) or self._nearest(pool, pronoun, wanted)

    def _most_salient(self, pool: list[Mention], pronoun: Token, wanted: str
                      ) -> tuple[str, int, int] | None:
        chain = self._pronoun_chain() if wanted else []  # "it": no person's pronouns
        found = self._salient_mention(pool, pronoun, wanted, chain)
        return (found.text, found.start, found.end) if found else None

    def _pronoun_chain(self) -> list[tuple[Token, str, Mention]]:
        """Every "he", "him", "his", "she", "her" outside quotes, in text order, with the
        person it refers to: a person kept up by pronouns stays salient ("Fowler noted ...
        he supported ... he said ... he argued")."""
        if self._chain is None:
            self._chain = []
            names = [m for m in self.people if m.kind == "name"]
            for token in self.doc:
                wanted = GENDERED_PRONOUNS.get(token.lower_)
                if wanted is None or self.inside[token.idx] or token.lower_ == "hers":
                    continue
                found = self._salient_mention(names, token, wanted, self._chain)
                if found is not None:
                    self._chain.append((token, wanted, found))
        return self._chain

    def _salient_mention(self, pool: list[Mention], pronoun: Token, wanted: str,
                         chain: list[tuple[Token, str, Mention]]) -> Mention | None:
        """Lappin-Leass salience over the last few sentences: in each sentence, a person's
        best-placed mention (a name, or a pronoun that refers to them) adds its role weight,
        halved for every sentence further back; the best-scoring person of a compatible
        gender is named by their latest mention."""
        here = self.sentence_of(pronoun.idx)
        barred = self.named_later_in_clause(pronoun)
        scores: dict[tuple[str, int], float] = defaultdict(float)
        latest: dict[str, Mention] = {}
        for mention in pool:
            if mention.start >= pronoun.idx or self.inside[mention.start]:
                continue
            distance = here - self.sentence_of(mention.start)
            if distance > SALIENCE_SENTENCES:
                continue
            key = self.id_of(mention)
            if self.gender.get(key, wanted) != wanted or key in barred:
                continue
            weight = 0.5 ** distance * (RECENCY_WEIGHT + self._role_weight(mention) +
                                        (INTRODUCTION_WEIGHT if self._introduces(mention)
                                         else 0))
            scores[key, distance] = max(scores[key, distance], weight)
            latest[key] = mention
        for token, gender, mention in chain:
            if token.idx >= pronoun.idx or gender != wanted:
                continue
            distance = here - self.sentence_of(token.idx)
            key = self.id_of(mention)
            if distance > SALIENCE_SENTENCES or self.gender.get(key, wanted) != wanted or \
                    key in barred:
                continue
            weight = 0.5 ** distance * (RECENCY_WEIGHT + token_weight(token))
            scores[key, distance] = max(scores[key, distance], weight)
            latest.setdefault(key, mention)
        if not scores:
            return None
        total: dict[str, float] = defaultdict(float)
        for (key, _distance), weight in scores.items():
            total[key] += weight
        return latest[max(total, key=lambda k: (total[k], latest[k].start))]

    def _introduces(self, mention: Mention) -> bool:
        """A person introduced here, with a role ("Henry Crespo, president of the caucus")
        or as a subject named in full for the first time ("Dan Marsh of the Harbour Trust
        agreed"), is about to be quoted."""
        if mention.role:
            return True
        return mention.kind == "name" and " " in mention.name and \
            self.first_mention(mention) and self.is_subject(mention)

    def first_mention(self, mention: Mention) -> bool:
        """Whether this is the first mention of the person it names."""
        if self._first is None:
            self._first = {}
            for m in self.people:
                self._first.setdefault(self.id_of(m), m.start)
        return self._first.get(self.id_of(mention)) == mention.start

    def is_subject(self, mention: Mention) -> bool:
        """Whether a mention is the subject of its verb."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}

    def _role_weight(self, mention: Mention) -> int:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return 0
        root = span.root
        if root.dep_ == "appos" and root.head.dep_ in {"nsubj", "nsubjpass"}:
            return ROLE_WEIGHTS["nsubj"] + HEAD_WEIGHT  # "the spokesman, Jason Miller, told"
        return token_weight(root)

    def _nearest(self, pool: list[Mention], pronoun: Token, wanted: str | None
                 ) -> tuple[str, int, int] | None:
        barred = self.named_later_in_clause(pronoun)
        for mention in reversed(pool):
            if mention.start >= pronoun.idx or self.inside[mention.start] or \
                    self.id_of(mention) in barred:
                continue
            known = self.gender.get(self.id_of(mention))
            if wanted and known and known != wanted:
                continue
            if wanted and mention.kind == "nominal" and mention.text.endswith("s"):
                continue  # "the officers" is no "she"
            return mention.text, mention.start, mention.end
        return None
