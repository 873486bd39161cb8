"""Headlines and title lines: where an article's capitalised words are no names' capitals.

Goes in: a parsed spaCy `Doc` (and, for the last three functions, the capitalised runs
`mentions` found in it). Comes out: which tokens belong to a title-case or all-caps line
(`headline_tokens`: "Lohan Checks Into Rehab", "GUNMAN HELD"), which to the short
sentence-case title lines that open an article (`title_line`: "Man charged with arson over
shop fire"), and what a run in such a line is: a headline's person noun (`title_noun`), a
noun that stays one only where its deed names its person (`title_doers_only`), or a run set
beside the one before it ("Vincent Gigante, Mafia Leader Who ...": `set_beside`); and,
from the headline's text and the story's names, the name a job is given with "as" ("Ellen
DeGeneres Set As Oscars Host": `named_as`).

spaCy's entity spans are unreliable in such lines, so `mentions` reads their runs as
"headline" mentions for `entities.link_entities` to settle against the whole story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from .descriptions import TAKING_ONES_PLACE, is_person_noun
from .models import Mention

CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def lines(doc: Doc) -> Iterable[list[Token]]:
    """The tokens of each line of the text, without the line breaks."""
    line: list[Token] = []
    for token in doc:
        if not token.is_space:
            line.append(token)
        if ends_line(token):
            yield line
            line = []
    yield line


def ends_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def is_headline(tokens: Sequence[Token]) -> bool:
    """A title-case or all-caps line: "Lohan Checks Into Rehab", "GUNMAN HELD".

    Title case needs a capital that is not a name's ("Into", "Checks"): a line of names
    ("Barack Obama, Angela Merkel and Emmanuel Macron") is no headline.
    """
    words = [t for t in tokens if t.is_alpha and len(t.text) > 1]
    if len(words) < 2:
        return False
    if sum(w.is_upper for w in words) >= 0.8 * len(words):
        return True  # two words will do in capitals: "GUNMAN HELD", "QUENNELL GUILTY"
    if len(words) < 3:
        return False
    if any(w.text[0].islower() and w.pos_ in CONTENT_POS and len(w.text) > 2 for w in words):
        return False
    title_words = [w for w in words[1:] if w.text[0].isupper() and
                   (w.pos_ != "PROPN" or w.ent_type_ not in NAME_LABELS)]
    return bool(title_words) and sum(w.text[0].isupper() for w in words) >= 0.7 * len(words)


def headline_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of title-case or all-caps lines."""
    return {t.i for line in lines(doc) if is_headline(line) for t in line}


def title_line(doc: Doc, headline: set[int]) -> set[int]:
    """Tokens of the title lines that open an article written in sentence case ("Man
    charged with arson over shop fire", under a title-case headline or a dateline): short
    lines with no full stop, up to the first line of running text."""
    found: set[int] = set()
    count, line = 0, []
    for token in doc:  # read only as far as the title lines go, not the whole text
        if not token.is_space:
            line.append(token)
        if len(line) > 30:
            break
        if not ends_line(token) or not line:
            continue
        if line[-1].i + 1 >= len(doc) or line[-1].text in {".", "!", ":", ";"}:
            break
        if line[0].i not in headline:
            found.update(t.i for t in line)
        count, line = count + 1, []
        if count == 3:
            break
    return found


def title_doers_only(doc: Doc, candidates: list[Mention], headline: set[int]
                      ) -> list[Mention]:
    """A sentence-case title's person noun stays a headline noun only where its deed names
    its person ("Man charged ..." and "Pitman was charged"): the rest of the line is not one
    run, so the headline rules that read the whole run (a name beside the noun, a victim's
    verb) cannot see it."""
    kept = []
    for m in candidates:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.kind == "headline" and m.describes is None and span is not None and \
                span.start not in headline:
            m = replace(m, kind="candidate")
        kept.append(m)
    return kept


def title_noun(mention: Mention, run: list[Token], title: set[int]) -> Mention:
    """A capitalised person noun in a sentence-case title ("Man charged with arson",
    "Judge sentences Orozco") is a headline's person noun, not a name."""
    if mention.kind != "candidate" or run[0].i not in title or \
            not all(t.pos_ in {"NOUN", "PROPN"} and is_person_noun(t) for t in run):
        return mention
    return replace(mention, label="", kind="headline")


def set_beside(before: list[Token], run: list[Token], headline: set[int]) -> bool:
    """A headline run set beside the one before it ("Vincent Gigante, Mafia Leader Who
    ...", "Jane Roe, Swimming Champion, Dies", "Sixers Hire Maurice Cheeks as Head Coach"):
    its person nouns describe a name ending that run. After a comma the run must close
    (a comma, or "Who"): "Smith, Aide Charged" lists two people."""
    if not before or run[0].i not in headline or before[-1].i not in headline:
        return False
    doc = run[0].doc
    between = [t.lower_ for t in doc[before[-1].i + 1:run[0].i]]
    if between == ["as"]:
        return True
    after = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    return between == [","] and (after is not None and after.text in {",", ";"} or
                                 any(t.lower_ in {"who", "whose"} for t in run))


def named_as(noun_start: int, names: list[Mention], text: str) -> int | None:
    """The start of the name a headline gives this job with "as" ("Hawks Hire Dario Venn
    as Head Coach", "Dario Venn Set As Hawks Coach For 2027"): the name ends just before
    "as", a verb between at most, and only capitalised words lie between "as" and the
    noun; none after a verb of taking someone's place or a word setting the name aside
    ("Ada Rusk Replaces Tom Fell As Coach", "Hawks Pick Ada Rusk Over Tom Fell As Coach":
    the job is not Fell's)."""
    for name in names:
        if name.end <= noun_start and NAMED_AS.fullmatch(text, name.end, noun_start) and \
                not any(name.end <= other.start < noun_start for other in names):
            # not "Tom Fell Out As Ada Rusk Named Coach": Ada's job
            return None if _set_aside(text[:name.start]) else name.start
    return None


def _set_aside(before: str) -> bool:
    """Whether the headline's words before a name end in a verb of taking someone's place
    ("Replaces", "To Succeed", "Ousted") or a word passing the name over ("Over",
    "Instead Of", "Ahead Of", "Rather Than")."""
    words = re.findall(r"[A-Za-z]+", before[-20:])
    last = words[-1].lower() if words else ""
    return last in PASSED_OVER or any(last.startswith(verb.rstrip("e"))
                                      for verb in TAKING_ONES_PLACE)


# Words before a name in a headline that pass it over for the job after "as".
PASSED_OVER = {"over", "of", "than", "against", "vs"}


# " Set As Hawks ", " as Head ": from the end of a name to a job given it in a headline.
NAMED_AS = re.compile(r"(?:\s+[A-Z][a-z]+)?\s+(?:as|As|AS)\s+(?:[A-Z][\w'.-]*\s+){0,3}")
