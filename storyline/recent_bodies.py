"""Which of several bodies a description of a body stands for: the one named just before.

Goes in: an article's text, where a description of a body ("the group", "the company")
starts, the bodies it could stand for (`body_words.bodies_called`) and the article's
mention spans (start, end, entity id). Comes out: the one of those bodies the sentence
before the description (or its own sentence, before it) names, else None. A reporter
names a body and then goes on with "the group said"; a body named several sentences
back, or two named side by side, is no safe answer, so those stay open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .models import Entity
from .nominal_links import SENTENCE_END

# Words that may come before a body's name at the start of a sentence and still leave it
# the sentence's opening name ("The Tallow Trust said", "According to the Tallow Trust").
OPENING_WORDS = {"", "the", "according to the", "according to"}


def body_named_just_before(text: str, start: int, candidates: Sequence[Entity],
                           spans: Iterable[tuple[int, int, str]]) -> Entity | None:
    """The one candidate named from the start of the sentence before `start` up to it;
    where several are, the one whose name opens that sentence ("The Tallow Trust turned
    down an offer from Kessock Lines. ..., the group said"); otherwise None."""
    if not text or start <= 0:
        return None
    bounds = [0, *(m.end() for m in SENTENCE_END.finditer(text, 0, start))]
    before = [b for b, after in zip(bounds, bounds[1:], strict=False) if text[b:after].strip()]
    window = before[-1] if before else bounds[-1]
    by_id = {e.id: e for e in candidates}
    named = sorted((s, entity_id) for s, _e, entity_id in spans
                   if entity_id in by_id and window <= s < start)
    found = list(dict.fromkeys(entity_id for _s, entity_id in named))
    if len(found) == 1:
        return by_id[found[0]]
    if found and text[window:named[0][0]].strip().lower() in OPENING_WORDS:
        return by_id[named[0][1]]
    return None
