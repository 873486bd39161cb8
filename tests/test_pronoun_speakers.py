from __future__ import annotations

from typing import Any

from storyline.pronoun_speakers import (
    opens_its_clause,
    same_pronoun_coordinated,
    sentence_before,
    sentence_subject,
    someone_else_as_object,
    unnamed_person_subject,
)


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


def test_an_unnamed_person_subject_is_found_past_a_name_inside_its_clause(nlp: Any) -> None:
    doc = nlp("A mayor who ordered the raid that caught Oren Dahl will hand her successor a "
              "broken sea wall.")
    sentence = next(iter(doc.sents))
    inside = bytearray(len(doc.text))
    in_dahl = lambda t: t.text in {"Oren", "Dahl"}  # noqa: E731
    subject = unnamed_person_subject(sentence, in_dahl, inside)
    assert subject is not None and subject.text == "mayor"
    named = nlp("Oren Dahl, who ordered the raid, will hand his successor a broken wall.")
    assert unnamed_person_subject(next(iter(named.sents)), in_dahl, inside) is None


def test_an_unnamed_subject_acting_on_someone_named_is_not_taken(nlp: Any) -> None:
    # Fictional: Brand, asked, is the one who answers in the sentence after.
    doc = nlp("A reporter asked Tom Brand about the ferry fees at the meeting.")
    inside = bytearray(len(doc.text))
    in_brand = lambda t: t.text in {"Tom", "Brand"}  # noqa: E731
    assert unnamed_person_subject(next(iter(doc.sents)), in_brand, inside) is None


def test_an_object_pronoun_of_the_same_gender_is_someone_else(nlp: Any) -> None:
    # Fictional: "him" is a man the fisherman is not; "her successor" is the mayor's own.
    doc = nlp("A fisherman gave him a lift home. He said the ferry was late.")
    first, second = doc.sents
    fisherman = next(t for t in first if t.text == "fisherman")
    inside = bytearray(len(doc.text))
    assert someone_else_as_object(first, fisherman, second[0], inside)
    own = nlp("A mayor will hand her successor a broken sea wall. She said it was safe.")
    first, second = own.sents
    mayor = next(t for t in first if t.text == "mayor")
    assert not someone_else_as_object(first, mayor, second[0], inside)


def test_a_pronoun_after_a_noun_in_its_sentence_does_not_open_its_clause(nlp: Any) -> None:
    doc = nlp("Where she used to boast, the mayor said she was right.")
    first, second = (t for t in doc if t.lower_ == "she")
    assert opens_its_clause(first) and not opens_its_clause(second)


def test_the_sentence_before_a_pronoun_skips_quoted_words(nlp: Any) -> None:
    text = 'Keller agreed with the board. "We will sail on," he said.'
    doc = nlp(text)
    inside = bytearray(len(text))
    first, last = text.index('"') + 1, text.rindex('"')
    inside[first:last] = b"\x01" * (last - first)
    he = next(t for t in doc if t.lower_ == "he")
    sentence = sentence_before(he, inside)
    assert sentence is not None and sentence.text.startswith("Keller agreed")
