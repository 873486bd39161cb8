"""Disagreements inside a fact: other figures for one quantity, opposite accounts."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.align import align_facts
from storyline.conflicts import _quantity, without_repeats
from storyline.models import Divergence, DivergenceVersion
from tests.conftest import FILLER, article
from tests.conftest import align_texts as _align


def test_amounts_of_money_that_differ_are_a_divergence(analyse: Any) -> None:
    alignment = _align(analyse, {"a": "Okafor took $212,000 from the union fund. The union "
                                      "has recovered $40,000 so far.",
                                 "b": "Okafor took $240,000 from the union fund. The union "
                                      "has recovered $4 million so far."})
    assert sorted(d.topic for d in alignment.divergences) == [
        "amount in dollars: 212,000 vs 240,000", "amount in dollars: 40,000 vs 4 million"]
    assert {f.agreement for f in alignment.facts} == {"conflicting"}


def test_a_rate_that_differs_is_a_divergence_beside_one_that_agrees(analyse: Any) -> None:
    # "£12 a day" in both would hide the dispute if both amounts counted one thing.
    alignment = _align(analyse, {"a": "The parking charge will be £3 an hour, up to £12 a day.",
                                 "b": "The parking charge will be £2 an hour, capped at £12 "
                                      "a day."})
    assert [d.topic for d in alignment.divergences] == ["amount in pounds per hour: 2 vs 3"]
    assert {f.agreement for f in alignment.facts} == {"conflicting"}


def test_different_numbers_are_a_divergence(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The repairs to the Kestrel River Bridge are expected to cost about 12 million "
             "crowns, officials said.",
        "b": "The repairs to the Kestrel River Bridge are expected to cost 14 million crowns, "
             "officials said."})
    assert [f.agreement for f in alignment.facts] == ["conflicting"]
    assert len(alignment.divergences) == 1
    values = {v.article: v.value for v in alignment.divergences[0].versions}
    assert values == {"a": "12000000", "b": "14000000"}


def test_facts_behind_a_number_divergence_are_conflicting(
        demo_dossiers: list[dict[str, Any]]) -> None:
    checked = 0
    for dossier in demo_dossiers:
        agreement = {(e["article"], e["start"]): f["agreement"]
                     for f in dossier["facts"] for e in f["evidence"]}
        for divergence in dossier["divergences"]:
            if divergence.get("kind") == "quote":
                continue  # a wording, not a fact's value
            # Each contested value is stated by at least one fact marked conflicting.
            values = {v["value"] for v in divergence["versions"]
                      if agreement.get((v["article"], v["start"])) == "conflicting"}
            assert len(values) >= 2, divergence["topic"]
            checked += 1
    assert checked >= 1


def test_a_disagreement_shown_by_a_wider_one_is_listed_once() -> None:
    def version(article: str, value: str) -> DivergenceVersion:
        return DivergenceVersion(article, article.upper(), f"a {value} percent raise", value,
                                 0, 20)

    narrow = Divergence("d1", "number of percent: 3 vs 4", (version("a", "3"), version("b", "4")))
    wide = Divergence("d2", "number of percent: 3 vs 4 vs 5",
                      (version("a", "3"), version("b", "4"), version("c", "5")))
    other = Divergence("d3", "number of nurse: 900 vs 1200",
                       (version("a", "900"), version("b", "1200")))
    kept = without_repeats([narrow, wide, other])
    assert [d.topic for d in kept] == [wide.topic, other.topic]
    assert [d.id for d in kept] == ["d1", "d2"]


def test_two_outlets_against_one_on_the_same_figure_is_one_disagreement() -> None:
    def version(article: str, value: str) -> DivergenceVersion:
        return DivergenceVersion(article, article.upper(), f"{value} workers were hurt", value,
                                 0, 20)

    first = Divergence("d1", "number of worker: 3 vs 5", (version("a", "3"), version("c", "5")))
    second = Divergence("d2", "number of worker: 3 vs 5", (version("b", "3"), version("c", "5")))
    apart = Divergence("d3", "number of worker: 3 vs 5", (version("d", "3"), version("e", "5")))
    kept = without_repeats([first, second, apart])
    assert [[v.article for v in d.versions] for d in kept] == [["a", "c", "b"], ["d", "e"]]


@pytest.mark.parametrize(("label", "heading"), [
    ("passenger", "number of passengers"), ("person", "number of people"),
    ("family", "number of families"), ("bus", "number of buses"), ("crew", "number of crew"),
    ("percent", "percentage"), ("dollar", "amount in dollars"), ("foot", "number of feet"),
    ("km", "number of km"), ("life", "number of lives"),
    ("pound per hour", "amount in pounds per hour")])
def test_a_divergence_heading_names_what_the_number_counts(label: str, heading: str) -> None:
    assert _quantity(label) == heading


def test_two_numbers_of_one_outlet_are_no_divergence_between_outlets(analyse: Any) -> None:
    texts = {"a": "Residents in the Fenwick district should boil tap water for one minute "
                  "before drinking it, the water authority said.",
             "b": "Residents in the Fenwick district are advised to run their taps for two "
                  "minutes before drinking the water, the water authority said."}
    for outlets, divergences in (({"a": "Courier", "b": "Courier"}, 0),
                                 ({"a": "Courier", "b": "Post"}, 1)):
        analyses = [analyse(text, id=key) for key, text in texts.items()]
        articles = [article(text, id=key, outlet=outlets[key]) for key, text in texts.items()]
        alignment = align_facts(articles, analyses, {key: key for key in texts})
        assert len(alignment.divergences) == divergences, outlets


def test_a_copy_that_changes_a_figure_is_a_divergence(analyse: Any) -> None:
    alignment = _align(analyse, {
        "wire": "The ferry Island Wren ran aground near Tollan Point with 40 passengers on "
                "board, the coast guard said.",
        "copy": "The ferry Island Wren ran aground near Tollan Point with 45 passengers on "
                "board, the coast guard said."}, sources={"wire": "wire", "copy": "wire"})
    [fact] = alignment.facts
    assert fact.agreement == "conflicting" and fact.sources == 1  # still one source
    [divergence] = alignment.divergences
    assert divergence.topic == "number of passengers: 40 vs 45"
    versions = {v.article: (v.value, v.copy_of) for v in divergence.versions}
    assert versions == {"wire": ("40", None), "copy": ("45", "wire")}


def test_a_copy_giving_its_originals_figure_is_no_divergence(analyse: Any) -> None:
    text = ("The ferry Island Wren ran aground near Tollan Point with 40 passengers on board, "
            "the coast guard said.")
    alignment = _align(analyse, {"wire": text, "copy": text.replace("the coast", "a coast")},
                       sources={"wire": "wire", "copy": "wire"})
    assert not alignment.divergences
    assert [f.agreement for f in alignment.facts] == ["single"]


def test_a_figure_revised_in_one_outlet_is_no_dispute_with_the_new_figure(
        analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "The count of flooded homes in Marlow, first put at 1,200 homes, was revised to "
             "1,400.",
        "b": "The count of flooded homes in Marlow was 1,400 homes, officials said."})
    assert not aligned.divergences
    assert [f.agreement for f in aligned.facts] == ["corroborated"]
    loose = _align(analyse, {
        "a": "Election officials in Marlow first counted 1,200 damaged ballots but later "
             "revised the count to 1,400.",
        "b": "The flood in Marlow damaged 1,400 ballots, election officials said.", **FILLER})
    assert not loose.divergences
    # told around the same figure of the same thing, the two are one fact, not disputed
    assert "conflicting" not in {f.agreement for f in loose.facts}
    # Without the revision it is a dispute.
    disputed = _align(analyse, {
        "a": "Election officials in Marlow first counted 1,200 damaged ballots on Monday.",
        "b": "The flood in Marlow damaged 1,400 ballots, election officials said.", **FILLER})
    assert [d.topic for d in disputed.divergences] == ["number of ballots: 1,200 vs 1,400"]


def test_a_percent_sign_disputes_the_word(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Turnout in the Marlow county vote was 48%, the election office said.",
        "b": "Turnout in the Marlow county vote was 45 percent, the election office said."})
    assert [d.topic for d in alignment.divergences] == ["percentage: 45 vs 48"]


def test_households_and_homes_counted_differently_are_a_divergence(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "About 12,000 households in Carrowmore must boil their tap water after E. coli "
             "was found at the Fenwick Road reservoir, the water authority said on Monday.",
        "b": "Some 14,500 homes in east Carrowmore have been told to boil their tap water "
             "after E. coli was detected in the Fenwick Road reservoir, the authority said."})
    assert [d.topic for d in alignment.divergences] == ["number of homes: 12,000 vs 14,500"]


def test_a_figure_too_long_for_a_float_is_no_divergence(analyse: Any) -> None:
    """400 nines read as infinity: no outlet gave "inf", so no version can say it."""
    huge = "9" * 400
    alignment = _align(analyse, {
        "a": f"Council leader Petra Lindqvist said the ferry terminal repairs would cost "
             f"{huge} crowns in total.",
        "b": "Council leader Petra Lindqvist said the ferry terminal repairs would cost 5 "
             "million crowns in total."})
    assert [len(f.evidence) for f in alignment.facts] == [2]
    assert alignment.divergences == ()
    assert "inf" not in repr(alignment)


def test_money_a_year_ago_is_no_rate(analyse: Any) -> None:
    alignment = _align(analyse, {"a": "The club had debts of $2 million a year ago, its "
                                      "treasurer said.",
                                 "b": "The club had debts of $3 million a year ago, its "
                                      "treasurer said."})
    assert [d.topic for d in alignment.divergences] == ["amount in dollars: 2 million vs 3 million"]


@pytest.mark.parametrize(("first", "second"), [
    ("voted 6-3 on Monday", "has voted 5-4"),
    ("voted by six votes to three on Monday", "voted by five votes to four"),
])
def test_a_differing_tally_is_a_number_divergence(analyse: Any, first: str, second: str
                                                  ) -> None:
    topic = "vote tally: 5-4 vs 6-3"  # both parts compared at once, not "6 vs 5"
    aligned = _align(analyse, {
        "a": f"The Dunmore harbour board {first} to sell the old pier to a hotel developer.",
        "b": f"The Dunmore harbour board {second} to sell the old pier.", **FILLER})
    assert [d.topic for d in aligned.divergences] == [topic]
    assert [(d.kind, [v.value for v in d.versions]) for d in aligned.divergences] == [
        ("number", ["5-4", "6-3"])]
    pier = [f for f in aligned.facts if "pier" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in pier] == [("conflicting", 2)]


@pytest.mark.parametrize(("first", "second", "disputed"), [
    ("More than 30 volunteers searched the Elsin woods on Sunday for the missing boy.",
     "The 50 volunteers searched the Elsin woods on Sunday for the missing boy.", False),
    ("At least 30 volunteers searched the Elsin woods on Sunday for the missing boy.",
     "The 20 volunteers searched the Elsin woods on Sunday for the missing boy.", True),
    ("Up to four metres of mud covered the Elsin valley road on Sunday.",
     "About three metres of mud covered the Elsin valley road on Sunday.", False),
    ("Up to four metres of mud covered the Elsin valley road on Sunday.",
     "As much as six metres of mud covered the Elsin valley road on Sunday.", True),
    ("About 9,000 people lost power in the Elsin valley on Sunday.",
     "Some 9,400 people lost power in the Elsin valley on Sunday.", True),
    ("About 9,000 people lost power in the Elsin valley on Sunday.",
     "Exactly 9,300 people lost power in the Elsin valley on Sunday.", False),
])
def test_a_bound_is_contradicted_only_by_a_figure_outside_it(
        analyse: Any, first: str, second: str, disputed: bool) -> None:
    aligned = _align(analyse, {"a": first, "b": second, **FILLER})
    assert bool(aligned.divergences) is disputed


def test_a_size_describing_a_thing_is_not_a_distance(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "Rangers found the boy's bicycle about two kilometres from the Elsin trail on "
             "Sunday.",
        "b": "The boy had set out on the Elsin trail, a 14-kilometre loop, on Sunday.",
        **FILLER})
    assert not aligned.divergences


def test_the_part_of_a_whole_is_the_figure_compared(analyse: Any) -> None:
    said = "The Quillmoor ferry company said on Tuesday that {} deckhands had left for " \
           "larger lines since the spring."
    aligned = _align(analyse, {"a": said.format("14 of its 60"), "b": said.format("16 of its"),
                               **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of deckhands: 14 vs 16"]
    # the whole is no second figure: "60 deckhands" elsewhere is no dispute with the part
    aligned = _align(analyse, {"a": said.format("14 of its 60"), "b": said.format("all 60"),
                               **FILLER})
    assert not aligned.divergences


# Fictional outlets on fictional events: sentences alike in all but who or which way.
def test_opposite_verbs_make_a_conflicting_fact_with_each_outlets_version(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Harbour master Ilse Varga said the crane had passed an inspection in January.",
        "b": "Harbour master Tomas Roe said the crane had failed an inspection in January."})
    [fact] = alignment.facts
    assert fact.agreement == "conflicting" and len(fact.evidence) == 2
    [divergence] = alignment.divergences
    assert divergence.kind == "opposite"
    assert divergence.topic == "opposite accounts: passed vs failed"
    assert [(v.article, v.value) for v in divergence.versions] == [("a", "passed"),
                                                                   ("b", "failed")]


@pytest.mark.parametrize(("first", "second"), [
    ("Fares on the Harrowgate ferry rose sharply in March, the operator said.",
     "Fares on the Harrowgate ferry fell sharply in March, the operator said."),
    ("The Calder Bay lifeboat station opened its new boathouse to visitors on Saturday.",
     "The Calder Bay lifeboat station closed its new boathouse to visitors on Saturday."),
])
def test_a_fact_told_the_other_way_round_is_never_corroborated(
        analyse: Any, first: str, second: str) -> None:
    alignment = _align(analyse, {"a": first, "b": second})
    assert "corroborated" not in {f.agreement for f in alignment.facts}
    assert [d.kind for d in alignment.divergences] == ["opposite"]


def test_words_of_opposite_sense_said_of_other_things_are_no_conflict(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The old pier at Dunmore reopened to visitors on Saturday after a long repair.",
        "b": "The pier at Dunmore, with new decking, reopened to visitors on Saturday after a "
             "long repair."})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]
    assert "conflicting" not in {f.agreement for f in alignment.facts}
