"""Pronoun salience: the earlier mention a pronoun refers to, on hand-made fictional text."""

from __future__ import annotations

from typing import Any

from storyline.genders import person_identities
from storyline.mentions import find_mentions
from storyline.salience import PronounSalience


def _antecedent(nlp: Any, text: str, pronoun: str) -> tuple[str, int, int] | None:
    """What the first `pronoun` in `text` refers to, nothing inside quote marks."""
    doc = nlp(text)
    mentions = sorted(find_mentions(doc, "a0"), key=lambda m: m.start)
    people = [m for m in mentions if m.label == "PERSON"]
    orgs = [m for m in mentions if m.label == "ORG"]
    salience = PronounSalience(doc, people, orgs, bytearray(len(text)),
                               person_identities(people))
    return salience.antecedent(next(t for t in doc if t.text == pronoun))


def test_a_person_kept_up_as_subject_beats_one_named_since_in_a_phrase(nlp: Any) -> None:
    text = ("Tobin Ashe opened the meeting at the harbour hall. Ashe thanked the volunteers, "
            "and Ashe read the minutes. A note came from Rafe Dunmore. He said the pier "
            "would close.")
    found = _antecedent(nlp, text, "He")
    assert found is not None and found[0] == "Ashe"


def test_a_person_named_as_the_pronouns_own_object_is_not_its_antecedent(nlp: Any) -> None:
    # Dunmore, the subject twice, would be the most salient; "He told Dunmore" rules him out
    text = ("Rafe Dunmore opened the meeting at the harbour hall. Dunmore read the minutes to "
            "Tobin Ashe. He told Dunmore the pier shut.")
    found = _antecedent(nlp, text, "He")
    assert found is not None and found[0] == "Tobin Ashe"


def test_a_pronoun_skips_a_nearer_person_of_the_other_gender(nlp: Any) -> None:
    text = ("Ms. Mara Quell opened the meeting at the harbour hall. Mr. Tobin Ashe read the "
            "minutes. She said the pier would close.")
    found = _antecedent(nlp, text, "She")
    assert found is not None and "Mara Quell" in found[0]
