"""Tests for storyline/sketch.py: the cheap candidate pass."""

from __future__ import annotations

from storyline.sketch import candidate_pairs, sketch_article
from tests.conftest import article
from tests.test_provenance import ORIGINAL, UNRELATED


def test_cheap_pass_pairs_near_copies_only() -> None:
    near = ORIGINAL.replace("routine inspection", "scheduled inspection").replace(
        "long detour", "lengthy detour")
    sketches = [sketch_article(article(t, id=str(i)))
                for i, t in enumerate((ORIGINAL, near, UNRELATED))]
    assert candidate_pairs(sketches) == {(0, 1)}


def test_cheap_pass_is_stable_and_anchors_are_names_and_numbers() -> None:
    def anchors(text: str) -> set[int]:
        return set(sketch_article(article(text)).anchors.tolist())

    base = "Mayor Ilse Varga spoke. Then Kestrel River rose 12 metres."
    # A capitalised word right after a sentence end is not a name; a changed name is.
    assert anchors(base) == anchors(base.replace("Then", "Later"))
    assert anchors(base) != anchors(base.replace("Kestrel", "Dunmore"))
    assert anchors(base) != anchors(base.replace("12", "14"))
    first, second = sketch_article(article(ORIGINAL)), sketch_article(article(ORIGINAL))
    assert (first.shingles == second.shingles).all()
    # The byte tokeniser splits "40,000" in two; words() keeps it whole.
    assert abs(first.token_count - len(first.tokens)) <= 2


def test_paragraph_spans_run_from_a_paragraphs_first_sentence_to_its_last() -> None:
    text = ("Dunmore council met on Monday. It voted to repair the pier.\n\n"
            "Mayor Ilse Varga said work starts in May.\n\n"
            "Boats will dock at the north quay. The ferry keeps its timetable.")
    sketch = sketch_article(article(text))
    assert sketch.paragraphs == [0, 0, 1, 2, 2]
    assert [text[start:end] for start, end in sketch.paragraph_spans] == [
        "Dunmore council met on Monday. It voted to repair the pier.",
        "Mayor Ilse Varga said work starts in May.",
        "Boats will dock at the north quay. The ferry keeps its timetable."]
