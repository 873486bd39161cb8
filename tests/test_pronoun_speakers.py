from __future__ import annotations

from typing import Any

from storyline.pronoun_speakers import same_pronoun_coordinated, sentence_subject


def test_a_fronted_participles_main_clause_subject_is_the_name_after_it(nlp: Any) -> None:
    # Fictional: "Keller" parsed as a second agent of "Reached", "hesitated" its conjunct.
    doc = nlp("Oren Dahl said fares would rise.\n\nReached by GAZETTE, Keller, the Westport "
              "harbour master, hesitated to repeat his previous criticism of the ferry boss.")
    subject = sentence_subject(list(doc.sents)[-1])
    assert subject is not None and subject.text == "Keller"


def test_a_sentence_with_its_own_subject_keeps_it(nlp: Any) -> None:
    doc = nlp("Tomas Keller, the harbour master, hesitated to repeat his criticism.")
    subject = sentence_subject(next(iter(doc.sents)))
    assert subject is not None and subject.text == "Keller"


def test_only_the_same_pronoun_of_a_coordinated_clause_goes_on(nlp: Any) -> None:
    doc = nlp("He agreed that Dahl may struggle to win the council over, but he said the "
              "ferries were safe.")
    first, second = (t for t in doc if t.lower_ == "he")
    assert same_pronoun_coordinated(first, second)
    other = nlp("She agreed that Dahl may struggle, but he said the ferries were safe.")
    she, he = (t for t in other if t.lower_ in {"she", "he"})
    assert not same_pronoun_coordinated(she, he)
