"""Descriptions of people: the nouns that can stand for a person, and the descriptions
that name someone without a name ("a Brooklyn mother of 12", "the 40-year-old American",
"the Mafia boss").

Goes in: a parsed spaCy `Doc` and the article's name mentions (from `mentions`). Comes out:
description `Mention`s (kind "description"), and each description or nominal tagged with
the name it stands beside when the text gives one: apposition ("the coach, Dan Marsh"), a
comma the parser missed, "is" ("Marsh is the coach"), a people's name before the name
("American challenger Tom Braddock"), a lead restated with a name doing the same deed or
suffering it ("murder of a Leeds mother" ... "murder of Helen Carter"), a capitalised word
in apposition ("Vincent Gigante, the powerful Mafioso") or a headline's person noun doing
what the body names someone doing ("Van Driver Charged").
`entities.link_entities` joins them to that person, or to the one person of their article
the story describes with the same place words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .models import Mention
from .names import ROLE_NOUNS, person_key
from .nlp import text_of
from .people import FEMALE_WORDS, MALE_WORDS

PERSON_NOUNS = {"boss", "friend", "colleague", "rival", "star", "heir", "veteran", "ex",
                "victim", "suspect", "witness", "nominee", "neighbour", "neighbor", "parent",
                "child", "relative", "cousin", "partner", "actor", "actress", "singer", "player",
                "host", "rapper", "gunman", "shooter", "comedian", "model", "pitcher",
                "quarterback", "boxer", "champion", "hostage"}
PERSON_TITLES = frozenset(ROLE_NOUNS | PERSON_NOUNS)  # words that can stand for a person
_PERSON_WORDS = PERSON_TITLES | FEMALE_WORDS | MALE_WORDS
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ess", "ee",
                   "eer", "ive")


def is_person_noun(token: Token) -> bool:
    """A noun that can describe a person ("the publicist", "his sister"), not a thing
    ("her new fashion line"): a known role or family word, or a person-noun ending."""
    lemma = token.lemma_.lower()
    return lemma in _PERSON_WORDS or \
        len(lemma) >= 5 and lemma.endswith(PERSON_SUFFIXES)


def describe_names(doc: Doc, names: list[Mention], nominals: list[Mention]
                     ) -> list[Mention]:
    """Descriptions that stand beside a person's name are that person: in apposition
    ("the club's coach, Dan Marsh"; "Dan Marsh, the coach") or joined by "is" ("Marsh is
    the coach", "The coach is Dan Marsh"). Each such nominal records the name's start."""
    starts: dict[int, int] = {}
    for mention in names:
        if mention.kind == "name" and mention.label == "PERSON":
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            starts.update((t.i, mention.start) for t in span or ())
    titled = {m.start for m in names if role_as_title(m)}
    found = []
    for nominal in nominals:
        if nominal.describes is not None:
            found.append(nominal)
            continue
        span = doc.char_span(nominal.start, nominal.end, alignment_mode="expand")
        partner = _partner(span[-1]) if span is not None and nominal.label == "PERSON" \
            else None
        if (partner is None or partner.i not in starts) and span is not None:
            partner = _name_after_comma(span[-1], starts)
        if (partner is None or partner.i not in starts) and span is not None and \
                nominal.label == "PERSON":
            restated = _restated_subject(span[-1], starts)
            partner = restated or _restated_patient(span[-1], starts)
            if restated is not None and _an_occupation(span[-1]) and \
                    starts.get(restated.i) not in titled:
                # "A Drumlow geologist has found ... Oona Valtersen made the discovery";
                # not "Collector Tomas Prell", whose title is his role
                nominal = replace(nominal, role=_lead_role(span))
        found.append(replace(nominal, describes=starts[partner.i])
                     if partner is not None and partner.i in starts else nominal)
    return found


def role_as_title(mention: Mention) -> bool:
    """A name with its role written before it as a title ("Collector Tomas Prell")."""
    before = mention.text[:max(0, mention.text.find(mention.name))].lower()
    role = (mention.role or "").lower().split()
    return bool(role) and role[-1] in before.split()


def _an_occupation(noun: Token) -> bool:
    """A noun for what someone does for a living or holds ("geologist", "mayor"), not
    what someone is ("a Leeds teenager", "a mother")."""
    lemma = noun.lemma_.lower()
    return lemma in ROLE_NOUNS or lemma.endswith("ologist") or \
        lemma in {"botanist", "scientist", "chemist", "physicist", "economist", "pharmacist",
                  "journalist", "novelist", "artist", "violinist", "pianist", "dentist"}


def _lead_role(span: Span) -> str:
    """The description as a role: "A Drumlow geologist" -> "Drumlow geologist"."""
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    doc = span.doc
    if not words:
        return span[-1].lower_
    role = text_of(doc)[words[0].idx:words[-1].idx + len(words[-1].text)]
    # "A 34-year-old Westmoor botanist": the age is no part of the job
    return re.sub(r"^[\w-]+-year-old\s+", "", role, flags=re.IGNORECASE) or role


def _restated_subject(head: Token, names: dict[int, int]) -> Token | None:
    """A description that does something, restated with a name in one of the next two
    sentences doing the same ("A suspected Mafia boss has hanged himself ... Gaetano
    Rossi, 52, hanged himself"): the news lead names its subject late."""
    verb = head.head
    if head.dep_ not in SUBJECT_DEPS or verb.pos_ != "VERB" or \
            verb.lemma_ in {"be", "have", "say", "do", "get"}:
        return None  # "A man is a suspect. Tom Roe is a teacher": no deed to restate
    sentence = head.sent
    for _ in range(2):
        if sentence.end >= len(head.doc):
            return None
        sentence = head.doc[sentence.end].sent
        # "Tom Roe also spoke" / "spoke too": someone else doing the same.
        subjects = [t for t in sentence if t.dep_ in SUBJECT_DEPS and t.i in names and
                    _deed(t.head) == _deed(verb) and t.head.pos_ == verb.pos_ and
                    not any(c.lower_ in {"also", "too"} for c in t.head.children) and
                    not _denied_or_contrasted(t)]
        if subjects:
            return subjects[0]
    return None


def _denied_or_contrasted(subject: Token) -> bool:
    """ "Rival collector Tomas Prell found nothing": a deed denied ("nothing", "no", "not",
    "never") or a doer set against the lead ("rival", "other") is no restatement."""
    verb = subject.head
    denied = any(c.dep_ == "neg" or c.lower_ in {"never", "nothing", "none"} or
                 c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children)
                 for c in verb.children)
    contrasted = any(t.lower_ in CONTRAST_WORDS
                     for t in subject.doc[subject.left_edge.i:subject.i])
    return denied or contrasted


CONTRAST_WORDS = {"rival", "other", "another", "fellow"}
DENIAL_WORDS = {"not", "never", "nothing", "none", "no"}
DEED_WORDS = 3  # words after a name (and its aside) that hold its verb: "did not find"
# A name's aside: ", 61," / ", a rival collector," / ", 61, who has no formal training,"
ASIDE = re.compile(r"\s*,[^,.\n]{1,80},(?:\s*(?:who|whose|which|a|an|the)\b[^,.\n]{0,80},)*")


def denied_or_rival_in_text(before: str, after: str) -> bool:
    """`_denied_or_contrasted` where only the text is at hand: a name's sentence up to it
    (`before`) or its aside calls its holder a rival ("Rival collector Tomas Prell", "Tam
    Reid, another birder,"), or its first words deny the deed ("Tomas Prell found nothing",
    "Tam Reid, 61, did not"). A "not" or "no" further on belongs to some other clause ("Ilse
    Marwood said she had not expected ...")."""
    aside = ASIDE.match(after)
    described = before + (aside.group(0) if aside else "")
    deed = re.findall(r"[\w']+", after[aside.end() if aside else 0:].lower())[:DEED_WORDS]
    return bool(CONTRAST_WORDS & set(re.findall(r"\w+", described.lower()))) or \
        any(word in DENIAL_WORDS or word.endswith("n't") for word in deed)


def _deed(verb: Token) -> str:
    """What a verb says is done, a verb and its noun alike: "found 41 orchids" and "made
    the discovery" are one deed."""
    if verb.lemma_ in LIGHT_VERBS:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is not None and noun.lemma_.lower() in NOUN_DEEDS:
            return NOUN_DEEDS[noun.lemma_.lower()]
    return VERB_DEEDS.get(verb.lemma_, verb.lemma_)


LIGHT_VERBS = {"make", "carry"}
NOUN_DEEDS = {"discovery": "find", "find": "find", "arrest": "arrest", "rescue": "rescue",
              "decision": "decide", "announcement": "announce"}
VERB_DEEDS = {"discover": "find", "uncover": "find"}


# Deeds done to someone, by the word for them: "the murder of X", "X's killer", "killing
# X" and "X was slain" are one deed (a death by another's hand); a shooting is another.
DEEDS = {"kill": "kill", "killing": "kill", "killer": "kill", "murder": "kill",
         "murderer": "kill", "slay": "kill", "slaying": "kill", "slayer": "kill",
         "shoot": "shoot", "shooting": "shoot", "stab": "stab", "stabbing": "stab",
         "kidnap": "kidnap", "kidnapping": "kidnap", "kidnapper": "kidnap",
         "abduct": "kidnap", "abduction": "kidnap", "rescue": "rescue",
         "assault": "assault", "attack": "assault", "rob": "rob", "robbery": "rob"}


def _restated_patient(head: Token, names: dict[int, int]) -> Token | None:
    """A description something is done to, restated with a name in one of the next two
    sentences the same is done to ("Guilty verdict for murderer of Brooklyn mother of 12.
    A jury convicted Tom Roe of the murder of Ann Poe"; "a mother was killed ... charged
    with killing Ann Poe"): the lead names its victim late. Only one such name."""
    deed = _deed_done_to(head)
    if deed is None:
        return None
    sentence = head.sent
    for _ in range(2):
        if sentence.end >= len(head.doc):
            return None
        sentence = head.doc[sentence.end].sent
        found = {names[t.i]: t for t in sentence if t.i in names and _deed_done_to(t) == deed}
        found.update((names[c.i], c) for t in list(found.values()) for c in t.conjuncts
                     if c.i in names)  # "shooting Ann Poe and Eve Roe": two of them
        if len(found) > 1:
            return None  # "the murders of Ann Poe and Eve Roe": which one?
        if found:
            return next(iter(found.values()))
    return None


def _deed_done_to(token: Token) -> str | None:
    """The deed (`DEEDS`) a word's person suffers: object of the verb ("killed Ann Poe"),
    subject of its passive ("Ann Poe was killed"), a noun the participle describes ("a
    mother killed in crossfire") or the "of" after the deed's noun ("murder of Ann Poe");
    not when someone else does it too ("also", "too")."""
    head = token.head
    if token.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        verb = head
    elif any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children):
        verb = next(c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN")
    elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        verb = head.head
    else:
        return None
    if any(c.lower_ in {"also", "too"} for c in verb.children):
        return None
    return DEEDS.get(verb.lemma_.lower())


def _name_after_comma(head: Token, names: dict[int, int]) -> Token | None:
    """The name after a comma that closes a description's phrase ("a Brownsville mother
    of 12, Zurana Horton."), where the parser missed the apposition. The name must close
    too: in "was a Brooklyn teacher, Helen Carter said" Carter is the one speaking."""
    end = head.right_edge.i + 1
    doc = head.doc
    if end + 1 >= len(doc) or doc[end].text != "," or end + 1 not in names:
        return None
    last = end + 1
    while last + 1 < len(doc) and names.get(last + 1) == names[end + 1]:
        last += 1
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is None or after.is_space:  # the line ends with the name (a headline)
        return doc[end + 1]
    closed = after.text in {",", ".", ";", ":", ")"} and doc[last].dep_ not in SUBJECT_DEPS
    return doc[end + 1] if closed else None


SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _partner(head: Token) -> Token | None:
    """The word a description's head is set beside: its apposition, what it is in
    apposition to, the other side of a copula ("is", "became"), or the one a verb gives
    it as a job ("was named the coach", "hired Dario Venn as coach")."""
    for child in head.children:
        if child.dep_ == "appos":
            return child
    if head.dep_ == "appos":
        return head.head
    while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head  # "became the first woman and first Vell-born president"
    verb = head.head
    if head.tag_ in {"NNS", "NNPS"}:
        return None  # "joined Ana Lee and Tom Roe as the only players": not one person
    if head.dep_ == "oprd":
        return _given_the_job(verb)
    if head.dep_ == "pobj" and verb.lower_ == "as":
        return _as_the_job(verb)
    if verb.lemma_ not in COPULAS or head.dep_ not in SUBJECT_DEPS | {"attr"}:
        return None
    wanted = {"attr"} if head.dep_ in SUBJECT_DEPS else SUBJECT_DEPS
    found = next((c for c in verb.children if c.dep_ in wanted and c is not head), None)
    if found is None and head.dep_ == "attr" and verb.dep_ == "xcomp":
        return _given_the_job(verb.head)  # "nominated Ada Rusk to be the next judge"
    return found


def _as_the_job(word_as: Token) -> Token | None:
    """Who "as" gives a job to: after the verb, its object ("hired Dario Venn as coach");
    before it, its subject ("As coach, Venn hired Ada Rusk"); none where a comma sets it
    off after the verb ("Venn hired Ada Rusk, as coach, ..." may be either)."""
    verb = word_as.head
    if word_as.i < verb.i:
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) \
            if verb.pos_ in {"VERB", "AUX"} else None
    if word_as.i > 0 and word_as.doc[word_as.i - 1].text == ",":
        return None
    return _given_the_job(verb)


def _given_the_job(verb: Token) -> Token | None:
    """Who a verb names to a job given after it ("The Hawks hired Dario Venn as coach",
    "Venn was named the new coach", "Venn served as coach"): its object, else its passive
    subject, else, with no object, its subject; none after a verb of taking someone's
    place ("Venn replaced Tom Fell as coach": the job is Venn's now, not Fell's)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ in TAKING_ONES_PLACE:
        return None
    children = {c.dep_: c for c in verb.children}
    return children.get("dobj") or children.get("nsubjpass") or (
        children.get("nsubj") if "oprd" not in children or verb.lemma_ in COPULAS else None)


# Verbs that set a person beside what they are: "Marsh is the coach", "Marwood became the
# first Tessbury-born president", "Marsh remains the club's coach".
COPULAS = {"be", "become", "remain"}
# Verbs of taking someone's place: the job after "as" is the subject's, and the object
# held it before ("Venn replaced Tom Fell as coach").
TAKING_ONES_PLACE = {"replace", "succeed", "follow", "oust", "unseat", "beat", "defeat",
                     "depose", "displace", "supplant"}
# Modifiers of a description's head, the words before it ("the 40-year-old Brooklyn").
DESCRIPTION_DEPS = {"det", "compound", "amod", "nummod", "npadvmod", "punct", "quantmod",
                    "advmod", "nmod"}
# Labels of words that cannot describe a person by place, people or body: a person's own
# name (someone else: "the Dahl lawyer"), dates and numbers. The small model often calls a
# town a product or work of art, so those still count.
NOT_DESCRIBING_LABELS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                         "QUANTITY"}


def find_descriptions(doc: Doc, article_id: str, skip: set[int], people: set[int],
                  nominals: set[int]) -> list[Mention]:
    """Descriptions of one person that hold a name, kind "description": a person noun
    after a place, people or body ("a Brooklyn mother of 12", "the Mafia boss") or a
    people's name as a noun ("the Ukrainian", "the 40-year-old American"). They name
    someone only beside a name or where the story describes one person that way."""
    found = []
    for token in doc:
        if token.i in skip or token.tag_ in {"NNS", "NNPS"} or token.dep_ in {"compound",
                                                                             "amod"}:
            continue
        demonym = token.ent_type_ == "NORP" and token.text[0].isupper() and any(
            c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in token.children)
        if any(c.dep_ == "poss" for c in token.children):
            continue  # "Klitschko's Ukrainian brother": the words may be the family's
        before = doc[token.i - 1] if token.i else token  # a misparse: "Brownsville mother"
        if not demonym and not (token.pos_ == "NOUN" and is_person_noun(token) and any(
                _describing(c, people) for c in [*token.lefts, before])):
            continue
        start = token.left_edge.i
        while start < token.i and (doc[start].dep_ not in DESCRIPTION_DEPS or
                                   doc[start].i in people or doc[start].is_punct):
            start += 1
        if start == token.i and before is not token and _describing(before, people):
            start = before.i
        span = doc[line_start(doc, max(start, token.i - 6), token.i):token.i + 1]
        if span.end_char in nominals:
            continue
        found.append(Mention(article_id, span.text, span.start_char, span.end_char, "PERSON",
                             name=token.lemma_.lower(), kind="description"))
    return found


def line_start(doc: Doc, start: int, head: int) -> int:
    """The first token from `start` on the line of the phrase's head: spaCy's noun phrase
    may run over a line break ("Apr 12 2007\n\nA fired accountant", a dateline before the
    lede), and the words of the line before are no part of the description."""
    for index in range(head - 1, start - 1, -1):
        if "\n" in doc[index].text or "\n" in doc[index].whitespace_:
            return index + 1
    return start


def _describing(token: Token, skip: set[int]) -> bool:
    """A capitalised place, people or body before a person noun ("Brooklyn", "Mafia"),
    not a person's name ("Dahl's lawyer": that is Dahl's, someone else)."""
    return token.i not in skip and token.text[:1].isupper() and not token.is_sent_start and \
        token.ent_type_ not in NOT_DESCRIBING_LABELS and \
        (bool(token.ent_type_) or token.pos_ == "PROPN")


def prenominal_descriptions(doc: Doc, article_id: str, mentions: list[Mention]
                             ) -> list[Mention]:
    """A people's or place's name just before a person's name describes them ("American
    Hasim Rahman", "American challenger Tony Thompson"): kind "description"."""
    found = []
    for mention in mentions:
        if mention.kind != "name" or mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not span.start:
            continue
        index = span.start - 1
        while index > 0 and span.start - index < 3 and doc[index].pos_ == "NOUN" and \
                is_person_noun(doc[index]):
            index -= 1  # "American challenger Tony Thompson"
        # A place right before a name is mostly a given name spaCy took for one.
        wanted = {"NORP", "GPE"} if index < span.start - 1 else {"NORP"}
        if doc[index].ent_type_ not in wanted or not doc[index].text[:1].isupper():
            continue
        first = index
        while first > 0 and doc[first].ent_iob_ == "I":  # back to the entity's first word
            first -= 1
        words = doc[first:span.start]
        found.append(Mention(article_id, words.text, words.start_char, words.end_char,
                             "PERSON", name=doc[span.start - 1].lemma_.lower(),
                             kind="description", describes=mention.start))
    return found


# -- descriptions set beside a name by apposition or by a headline's deed ---------------

def apposed_descriptions(doc: Doc, candidates: list[Mention], found: list[Mention]
                   ) -> list[Mention]:
    """A capitalised word with an article set in apposition to a person's name ("Vincent
    Gigante, the powerful Mafioso who ...") describes that person: kind "description"."""
    starts: dict[int, int] = {}
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.kind == "name" and m.label == "PERSON" and span is not None:
            starts.update((t.i, m.start) for t in span)
    result = []
    for m in candidates:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        head = span.root if span is not None and m.kind == "candidate" else None
        det = next((c for c in head.children if c.dep_ == "det"), None) if head else None
        if head is not None and det is not None and head.dep_ == "appos" and \
                head.head.i in starts and det.lower_ in {"the", "a", "an"}:
            text = text_of(doc)[det.idx:m.end]
            m = Mention(m.article_id, text, det.idx, m.end, "PERSON", name=head.lower_,
                        kind="description", describes=starts[head.head.i])
        result.append(m)
    return result


def headline_doers(doc: Doc, candidates: list[Mention], found: list[Mention],
                    headline: set[int]) -> list[Mention]:
    """A headline's person noun doing a deed ("Driver Charged", "Climber Dies") describes
    the one person its article names doing the same deed ("Subryan is charged with ...",
    "police charged Subryan"): the headline names its subject by role."""
    doers: list[tuple[Token, str, Mention]] = []  # (verb, how the name takes part, name)
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.kind != "name" or m.label != "PERSON" or span is None or span.start in headline:
            continue
        token = span[-1]
        # "Roe and Poe were charged", "The swimming star, Ann Roe, has died"
        while token.dep_ in {"conj", "appos"} and token.head.i < token.i:
            token = token.head
        if token.head.pos_ == "VERB":
            doers.append((token.head, token.dep_, m))
    result = []
    for m in candidates:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        # The deed may follow the run: "Man charged with arson" in a sentence-case title.
        reach = doc[span.start:min(span.end + 1, len(doc))] if span is not None else None
        found_doer = _doer(reach, doers, len(span)) if m.kind == "headline" and \
            m.describes is None and reach is not None and span is not None else None
        if span is None or found_doer is None:
            result.append(m)
            continue
        # Only the doing noun is the doer: "Woman Killed By Driver" leaves the driver out.
        start, noun = found_doer
        end = span[noun].idx + len(span[noun].text)
        result.append(replace(m, text=text_of(doc)[m.start:end], end=end, name=
                              text_of(doc)[m.start:end], describes=start))
        if noun + 1 < len(span):
            rest = span[noun + 1:]
            result.append(replace(m, text=rest.text, start=rest.start_char, end=m.end,
                                  name=rest.text))
    return result


def _doer(run: Span, doers: list[tuple[Token, str, Mention]], size: int
          ) -> tuple[int, int] | None:
    """Where the one person doing the deed of a headline's person noun is named: the noun
    among the run's first words ("British Climber Killed", the run's first `size` words),
    the deed the word after it; also the noun's place in the run."""
    for index, (noun, deed) in enumerate(zip(run[:min(4, size)], run[1:5], strict=False)):
        if not is_person_noun(noun) or not deed.is_alpha:
            continue
        word = deed.lower_
        # "Driver Charged", "Teen Shot": the body's charged or shot one, subject of a
        # passive or an active's object; a headline's active is present tense ("Climber
        # Dies", "Gunman Kills"): the subject.
        active = word.endswith("s") and not word.endswith("ss")
        roles = {"nsubj"} if active else {"nsubjpass", "dobj"}
        names = [m for verb, dep, m in doers if dep in roles and _same_verb(word, verb)]
        keys = {person_key(m.name) for m in names}
        # "Anna Pike" and a later "Pike" are one doer; "Anna Pike" and "Tom Pike" two
        people = {k for k in keys if " " in k or not any(f.endswith(f" {k}") for f in keys)}
        if len(people) == 1:
            return names[0].start, index
    return None


def _same_verb(word: str, verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return word == verb.lower_ or word in {lemma, f"{lemma}s", f"{lemma}es", f"{lemma}d",
                                           f"{lemma}ed"}
