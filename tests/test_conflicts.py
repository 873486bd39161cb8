"""Disagreements inside a fact: other figures for one quantity, opposite accounts, other days."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.align import align_facts
from storyline.conflicts import (
    _quantity,
    date_conflict,
    days_named,
    opposite_conflict,
    without_repeats,
)
from storyline.fact_units import make_units
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


def test_two_events_told_with_years_are_no_divergence(analyse: Any) -> None:
    # a span ("for the first time in more than a hundred years") and a point in time
    # ("two years ago") of two events that share the reserve and "said"
    aligned = _align(analyse, {
        "a": "A rare marsh gentian has been found on Tarrow Heath, a fictional reserve, for "
             "the first time in more than a hundred years, botanists said on Friday.",
        "b": "Ranger Idris Col said the reserve had cleared the scrub on the heath two years "
             "ago.",
        **FILLER})
    assert not aligned.divergences
    assert {f.agreement for f in aligned.facts} == {"single"}


def test_a_time_ago_is_compared_with_a_time_ago_only(analyse: Any) -> None:
    planted = "Volunteers of the Tarrow Heath trust planted the oak avenue {} years ago."
    aligned = _align(analyse, {
        "a": planted.format("two"),
        "b": "Volunteers of the Tarrow Heath trust expect the oak avenue to take 50 years "
             "to grow tall.", **FILLER})
    assert not aligned.divergences  # a point in time, and a span
    aligned = _align(analyse, {"a": planted.format("two"), "b": planted.format("three"),
                               **FILLER})
    assert [d.topic for d in aligned.divergences] == ["years ago: 2 vs 3"]


@pytest.mark.parametrize("other", [
    # the speaker named as the other's subject is no event word: "said" tells nothing
    "Northwind has 60 pilots and eight aircraft, the union said.",
    "Northwind hired 16 pilots from the flying school this year."])
def test_a_count_told_of_another_event_is_no_divergence(analyse: Any, other: str) -> None:
    aligned = _align(analyse, {"a": "Northwind said 14 of its pilots had quit since the "
                                    "spring.", "b": other, **FILLER})
    assert not aligned.divergences


@pytest.mark.parametrize("pair", [
    ("The Brackholm lodge has hosted the ski cup since the 2011 Games.",
     "The Brackholm lodge has hosted the ski cup since the 2015 Games."),
    ("The Brackholm ski cup starts at 0900 GMT on Saturday.",
     "The Brackholm ski cup starts at 1100 GMT on Saturday.")])
def test_a_year_or_a_time_before_a_name_is_no_count(analyse: Any,
                                                    pair: tuple[str, str]) -> None:
    aligned = _align(analyse, {"a": pair[0], "b": pair[1], **FILLER})
    assert not [d for d in aligned.divergences if "games" in d.topic.lower() or
                "gmt" in d.topic.lower()]


def test_an_age_or_one_of_many_is_no_count_of_a_name(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "Mirela Hollis, 91, died in her sleep at her home in Calder on Thursday, her "
             "publicist said.",
        "b": "Hollis, one of the biggest stars of the Calder stage, passed away peacefully in "
             "her sleep.", **FILLER})
    assert not aligned.divergences


def test_a_dateline_is_no_part_of_a_fact_or_a_divergence(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "CARROWBY, Nov 18 (Test Wire) - Brannock Textiles will close its wool mill in "
             "Carrowby, cutting 340 jobs, the company said.",
        "b": "Brannock Textiles will close its wool mill in Carrowby, cutting 430 jobs, the "
             "company said.", **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of jobs: 340 vs 430"]
    assert all(v.text.startswith("Brannock") for v in aligned.divergences[0].versions)
    assert [f.text for f in aligned.facts if f.agreement == "conflicting"] == [
        "Brannock Textiles will close its wool mill in Carrowby, cutting 340 jobs, the "
        "company said."]


@pytest.mark.parametrize("headline", ["Is Carrowby's mill doomed?", "Mill closes!"])
def test_a_dateline_after_a_question_headline_is_cut(analyse: Any, headline: str) -> None:
    # a headline ending in "?" or "!" is no sentence before the article's first
    aligned = _align(analyse, {
        "a": f"{headline}\n\nCARROWBY - Brannock Textiles will close its wool mill in "
             "Carrowby, cutting 340 jobs, the company said.",
        "b": "Brannock Textiles will close its wool mill in Carrowby, cutting 430 jobs, the "
             "company said.", **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of jobs: 340 vs 430"]
    assert all(v.text.startswith("Brannock") for v in aligned.divergences[0].versions)


def test_a_roundups_later_item_is_quoted_without_its_dateline(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "News in brief\n\nKELBY - The Kelby ferry ran aground on Tollan Reef on Tuesday "
             "with 148 passengers on board.\n\nCARROWBY - Brannock Textiles will close its wool "
             "mill in Carrowby, cutting 340 jobs, the company said.",
        "b": "Brannock Textiles will close its wool mill in Carrowby, cutting 430 jobs, the "
             "company said.", **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of jobs: 340 vs 430"]
    assert all(v.text.startswith("Brannock") for v in aligned.divergences[0].versions)


@pytest.mark.parametrize("counted", ["{} Norvelians were treated for smoke after the fire "
                                     "at the fictional Brackholm ski lodge on Friday.",
                                     "Rescuers carried {} Icelanders down from the fictional "
                                     "Brackholm ski lodge on Friday."])
def test_a_figure_before_a_nationality_is_a_count(analyse: Any, counted: str) -> None:
    # a figure counting people of a nation or a place is no age of a name ("Hollis, 91,")
    aligned = _align(analyse, {"a": counted.format("Seven"), "b": counted.format("Nine"),
                               **FILLER})
    assert len(aligned.divergences) == 1
    assert aligned.divergences[0].topic.endswith(": 7 vs 9")
    assert aligned.divergences[0].topic.split(":")[0] in {"number of norvelians",
                                                          "number of icelanders"}


def test_a_road_or_a_line_numbered_before_its_name_is_no_count(analyse: Any) -> None:
    # "the 405 Freeway" names a road: no count of freeways, where "Four Britons" is one
    lorry = ("A tanker lorry overturned on the {} near the fictional town of Brackholm on "
             "Friday, closing all lanes for six hours.")
    for road in ("{} Freeway", "{} Line"):
        aligned = _align(analyse, {"a": lorry.format(road.format(405)),
                                   "b": lorry.format(road.format(101)), **FILLER})
        assert not aligned.divergences


def test_a_range_of_years_ago_is_a_time_ago(analyse: Any) -> None:
    rebuilt = "The Brackholm lodge was rebuilt by its owners {} years ago, the owners said."
    aligned = _align(analyse, {"a": rebuilt.format("three to four"),
                               "b": rebuilt.format("eight"), **FILLER})
    assert [d.topic for d in aligned.divergences] == ["years ago: 3 vs 8"]
    # either end of the range is no dispute
    for end in ("three", "four"):
        aligned = _align(analyse, {"a": rebuilt.format("three to four"),
                                   "b": rebuilt.format(end), **FILLER})
        assert not aligned.divergences


def test_a_capitalised_subject_later_in_an_article_is_no_dateline(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "The Brackholm ski lift stays shut this week. BSLC - the Brackholm ski lift "
             "company - said on Tuesday that the new cable would cost 4 million crowns.",
        "b": "The Brackholm ski lift company said on Tuesday that the new cable would cost "
             "6 million crowns.", **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of crowns: 4 million vs 6 million"]
    assert {v.text[:4] for v in aligned.divergences[0].versions} == {"BSLC", "The "}
    assert any(f.text.startswith("BSLC - the Brackholm") for f in aligned.facts)


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


@pytest.mark.parametrize(("first", "second", "topic"), [
    ("Voters in Dunmore approved the harbour levy on Tuesday, the county clerk said.",
     "Voters in Dunmore rejected the harbour levy on Tuesday, the county clerk said.",
     "opposite accounts: approved vs rejected"),
    ("Two miners were killed in a roof collapse at the Carrow pit on Monday.",
     "Two miners were injured in a roof collapse at the Carrow pit on Monday.",
     "opposite accounts: killed vs injured"),
    ("Police in Velmar arrested the harbour pilot Anton Brisk on Friday evening.",
     "Police in Velmar released the harbour pilot Anton Brisk on Friday evening.",
     "opposite accounts: arrested vs released"),
    # the parse links "open" to no content word: the pair is all the sentences differ in
    ("The Orla Street library will close its reading room in June, the council said.",
     "The Orla Street library will keep its reading room open in June, the council said.",
     "opposite accounts: close vs open"),
    ("Ada Rusk resigned as chief executive of Harrowmere Foods on Monday.",
     "Ada Rusk was appointed chief executive of Harrowmere Foods on Monday.",
     "opposite accounts: resigned vs appointed"),
    ("Holm Rangers won the Velmar cup final on Saturday, the league said.",
     "Holm Rangers lost the Velmar cup final on Saturday, the league said.",
     "opposite accounts: won vs lost"),
    ("The ministry confirmed that the Brenna dam had cracked during the storm.",
     "The ministry denied that the Brenna dam had cracked during the storm.",
     "opposite accounts: confirmed vs denied"),
    ("A jury in Holloway found the ferry captain Mira Dask guilty of negligence on Thursday.",
     "A jury in Holloway found the ferry captain Mira Dask not guilty of negligence on "
     "Thursday.", "opposite accounts: guilty vs not guilty"),
])
def test_outlets_telling_opposite_outcomes_make_one_conflicting_fact(
        analyse: Any, first: str, second: str, topic: str) -> None:
    # issue 7: grouped as one fact, these were "corroborated" by both outlets
    alignment = _align(analyse, {"a": first, "b": second, **FILLER})
    [fact] = [f for f in alignment.facts if len(f.evidence) == 2]
    assert fact.agreement == "conflicting"
    [divergence] = alignment.divergences
    assert (divergence.kind, divergence.topic) == ("opposite", topic)
    assert [v.article for v in divergence.versions] == ["a", "b"]
    assert [v.text for v in divergence.versions] == [first, second]


def test_listed_opposites_said_of_one_man_in_two_other_events_are_no_conflict(
        analyse: Any) -> None:
    # Two headlines run into their ledes may be grouped as one fact: the arrest today and
    # a release from a clinic last year are two events of the story, not opposite accounts.
    units = make_units([
        analyse("Tomas Vell, 31, was arrested near the farmhouse in Ardley where the bodies "
                "of his uncle and a dog were found on Sunday morning.", id="a"),
        analyse("Tomas Vell, 31, was released from the Harwick secure clinic last spring "
                "against the advice of his doctors, relatives said.", id="b")],
        {"a": "a", "b": "b"})
    assert opposite_conflict(units, {"a": "Fen Courier", "b": "Tarn Gazette"}, {}) is None


def test_one_result_told_from_either_side_is_no_opposite_account(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Dunmore Rovers won the county final against Carrow Athletic on Saturday.",
        "b": "Carrow Athletic lost the county final against Dunmore Rovers on Saturday.",
        **FILLER})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]


def test_killed_and_fatally_wounded_are_one_death_not_opposite_accounts(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Two miners were killed in a roof collapse at the Carrow pit on Monday.",
        "b": "Two miners were fatally injured in a roof collapse at the Carrow pit on Monday.",
        **FILLER})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]


@pytest.mark.parametrize(("first", "second"), [
    ("A gunman killed a security guard at the Velmar savings bank on Friday morning.",
     "A gunman injured a cashier at the Velmar savings bank on Friday morning."),
    ("The Dunmore council cut the bus budget at its meeting on Tuesday.",
     "The Dunmore council increased the road budget at its meeting on Tuesday."),
    ("The Tessaly planning board approved the harbour hotel plan on Wednesday.",
     "The Tessaly planning board rejected the harbour casino plan on Wednesday."),
    ("The ministry confirmed that the minister Ada Rusk had resigned on Monday.",
     "The ministry denied that the minister Ada Rusk had been sacked on Monday."),
    ("Harrowmere Foods declined to comment on the recall of its frozen pies on Monday.",
     "Harrowmere Foods accepted the recall of its frozen pies on Monday."),
    # WordNet's antonyms too: other seats, another thing refused
    ("The Green party won the Velmar seat in Thursday's election, officials said.",
     "The Green party lost the Carrow seat in Thursday's election, officials said."),
    ("Workers at the Carrow pit accepted the pay offer on Monday, the union said.",
     "Workers at the Carrow pit refused to strike over the pay offer on Monday, the union "
     "said."),
])
def test_listed_opposites_said_of_other_things_are_no_conflict(
        analyse: Any, first: str, second: str) -> None:
    # both can be true: a guard killed and a cashier hurt; the opposite words are said of
    # other people, budgets, plans or claims, so the outlets do not disagree
    alignment = _align(analyse, {"a": first, "b": second, **FILLER})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]
    assert "conflicting" not in {f.agreement for f in alignment.facts}


@pytest.mark.parametrize(("first", "second"), [
    ("No one was injured in the fire at the Velmar grain warehouse on Sunday night, the fire "
     "service said.",
     "No one was killed in the fire at the Velmar grain warehouse on Sunday night, the fire "
     "service said."),
    ("A jury in Holloway found the ferry captain Mira Dask not guilty of negligence on "
     "Thursday.",
     "A jury in Holloway found the ferry captain Mira Dask innocent of negligence on "
     "Thursday."),
])
def test_a_listed_opposite_beside_a_not_is_no_conflict(
        analyse: Any, first: str, second: str) -> None:
    # "no one hurt" and "no one killed" agree; "not guilty" is "innocent"
    alignment = _align(analyse, {"a": first, "b": second, **FILLER})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]
    assert "conflicting" not in {f.agreement for f in alignment.facts}


def test_not_only_is_no_denial(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The Dunmore council not only approved the harbour plan but praised its "
             "designers on Tuesday.",
        "b": "The Dunmore council approved the harbour plan and praised its designers on "
             "Tuesday.", **FILLER})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]
    assert "conflicting" not in {f.agreement for f in alignment.facts}


def test_words_of_opposite_sense_said_of_other_things_are_no_conflict(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The old pier at Dunmore reopened to visitors on Saturday after a long repair.",
        "b": "The pier at Dunmore, with new decking, reopened to visitors on Saturday after a "
             "long repair."})
    assert not [d for d in alignment.divergences if d.kind == "opposite"]
    assert "conflicting" not in {f.agreement for f in alignment.facts}


def test_one_event_told_on_two_days_is_a_date_divergence_of_its_fact() -> None:
    from storyline import pipeline

    articles = [
        article("A mudslide swept across the Elsin valley road on Friday afternoon, burying "
                "about 300 metres of track under mud up to two metres deep and cutting off the "
                "village of Harl.\n\nNo one was hurt.", id="post", outlet="Elsin Post",
                published="2026-03-14T08:00:00Z"),
        article("A mudslide on Thursday night blocked the Elsin valley road, leaving mud as "
                "much as three metres deep on the track, the county roads office said.\n\n"
                "Buses are using the coast road.", id="wire", outlet="Kestrel Wire",
                published="2026-03-14T09:00:00Z")]
    results = pipeline.build_story_results(pipeline.single_story(articles), articles)
    mud = [f for f in results.facts if "mudslide" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in mud] == [("conflicting", 2)]
    assert sorted((d.kind, d.topic.partition(":")[2].strip()) for d in results.divergences) == [
        ("date", "2026-03-12 vs 2026-03-13"), ("number", "2 vs 3")]


@pytest.mark.parametrize(("first", "second", "topic"), [
    ("on 31 January", "on 28 February", "date: 31 January vs 28 February"),
    ("on March 3", "on March 5, 2027", "date: 3 March vs 5 March 2027"),
    ("on 6 November 2026", "on 6 November 2025", "date: 6 November 2026 vs 6 November 2025"),
    ("on Friday", "on Thursday", "date: Friday vs Thursday")])
def test_one_fact_put_on_two_days_by_two_outlets_is_conflicting(
        analyse: Any, first: str, second: str, topic: str) -> None:
    # The timeline links the two dates only when the clauses share more words than these do.
    aligned = _align(analyse, {"a": f"The Quillmoor ferry lease will end {first}.",
                               "b": f"The Quillmoor ferry lease will end {second}.", **FILLER})
    ferry = [f for f in aligned.facts if "ferry" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in ferry] == [("conflicting", 2)]
    assert [(d.kind, d.topic, [v.article for v in d.versions])
            for d in aligned.divergences] == [("date", topic, ["a", "b"])]


@pytest.mark.parametrize(("first", "second"), [
    ("on 31 January", "on 31st of January"),
    ("on 31 January", "on January 31, 2027"),  # no year against a year: may be the same day
    ("on Friday", "on 28 February"),  # a weekday and a date may be one day
    ("on 31 January", "on 28 February, not 31 January as first planned")])  # a change told
def test_the_same_day_or_a_told_change_is_no_date_conflict(
        analyse: Any, first: str, second: str) -> None:
    aligned = _align(analyse, {"a": f"The Quillmoor ferry lease will end {first}.",
                               "b": f"The Quillmoor ferry lease will end {second}.", **FILLER})
    assert not [d for d in aligned.divergences if d.kind == "date"]
    assert "conflicting" not in {f.agreement for f in aligned.facts}


@pytest.mark.parametrize("lease", ["The lease", "The Quillmoor ferry lease"])
def test_a_fact_put_on_two_days_is_disputed_in_the_brief_once(lease: str) -> None:
    # "The lease will end": too few words for the timeline to link the two dates, so the
    # fact's own check finds it; with more the timeline's divergence is shown alone.
    from storyline import pipeline

    articles = [
        article("The Quillmoor ferry company is looking for a new berth.\n\n"
                f"{lease} will end on 31 January.", id="a", outlet="Fen Courier",
                published="2026-11-10T08:00:00Z"),
        article("Gulls have taken over the old Quillmoor pier.\n\n"
                f"{lease} will end on 28 February.", id="b", outlet="Tarn Gazette",
                published="2026-11-10T09:00:00Z")]
    results = pipeline.build_story_results(pipeline.single_story(articles), articles)
    assert [s.disputed for s in results.summary if "lease" in s.text] == [True]
    assert [(d.id, d.kind, len(d.versions)) for d in results.divergences] == [("d1", "date", 2)]


def test_a_day_dating_a_statement_is_no_date_of_the_fact(analyse: Any) -> None:
    # Two reports of one announcement, each dating it by its own day.
    aligned = _align(analyse, {
        "a": "The Quillmoor ferry company said on Tuesday that the lease would end soon.",
        "b": "The Quillmoor ferry company said on Wednesday that the lease would end soon.",
        **FILLER})
    assert not [d for d in aligned.divergences if d.kind == "date"]
    assert days_named("The ferry company said on 3 May that it would close on "
                      "Friday.") == [days_named("on Friday")[0]]
    # telling someone is news of its own: "told the crew on 6 November that ..."
    assert [d.written for d in days_named("The company told the crew on 6 November that "
                                          "the ferry would stop.")] == ["6 November"]


def test_a_dateline_run_into_a_sentence_is_no_date_of_the_fact() -> None:
    assert days_named("Quillmoor Ferry Sinks 7:00pm UK, Wednesday 05 May 2026 Three crew "
                      "were rescued on Thursday.") == days_named("on Thursday")
    assert days_named("Friday , June 7 , 2026 Gulls return to Quillmoor") == []
    assert [d.written for d in days_named("The crew met on Friday, 6 November, and voted "
                                          "Tuesday.")] == ["6 November", "Friday", "Tuesday"]


def test_steps_of_a_story_told_alike_on_other_days_are_no_date_conflict(
        analyse: Any) -> None:
    # Grouped as one fact by their likeness, the trial and the verdict rightly differ in day.

    units = make_units([analyse("Two Quillmoor smugglers went on trial on Wednesday for "
                                "sinking the ferry.", id="a"),
                        analyse("A Quillmoor smuggler was convicted on Tuesday of sinking the "
                                "ferry.", id="b"),
                        analyse("Two Quillmoor smugglers went on trial on Thursday for "
                                "sinking the ferry.", id="c")], {"a": "a", "b": "b", "c": "c"})
    outlets = {"a": "Fen Courier", "b": "Tarn Gazette", "c": "Moss Weekly"}
    assert date_conflict(units[:2], outlets, {}) is None
    found = date_conflict([units[0], units[2]], outlets, {})
    assert found is not None and found[0] == "date: Wednesday vs Thursday"
    assert days_named("The story was posted in Harbour News on Friday, 6 November.") == []


def test_one_more_day_of_something_done_again_is_no_date_dispute(analyse: Any) -> None:
    # Fictional: the second outlet tells of a second day, not another day for the first.
    alignment = _align(analyse, {
        "a": "A storm brought down power lines across Castlebrook. Schools closed on Monday.",
        "b": "Castlebrook stayed without power for a second day. Schools closed on Tuesday."})
    assert not any(d.kind == "date" for d in alignment.divergences)
    again = _align(analyse, {
        "a": "The Castlebrook lease will end on 31 January.",
        "b": "The Castlebrook lease will end on 28 February."})
    assert [d.kind for d in again.divergences] == ["date"]  # told once each: a dispute


ORVANE_A = ("Two explosions shook the Orvane works near Tesk on Friday morning. Two labourers "
            "loading drums of solvent were hurt in the {}blast at the Orvane works near Tesk. "
            "Firefighters from Tesk contained the fire by noon, the county fire service said.")
ORVANE_B = ("A storage hall at the Orvane paint works burned on Friday. Five workers were "
            "injured in the {}blast, which ripped through the Orvane paint works in the "
            "evening, the company said. Inspectors from the county safety board arrived in "
            "the afternoon.")


def test_counts_of_two_incidents_told_in_other_words_are_no_divergence(analyse: Any) -> None:
    # too differently worded to be one fact; "first" and "second" blast: two incidents
    aligned = _align(analyse, {"a": ORVANE_A.format("first "), "b": ORVANE_B.format("second "),
                               **FILLER})
    assert not aligned.divergences
    assert "conflicting" not in {f.agreement for f in aligned.facts}


def test_counts_of_one_incident_told_in_other_words_are_a_divergence(analyse: Any) -> None:
    aligned = _align(analyse, {"a": ORVANE_A.format(""), "b": ORVANE_B.format(""), **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of workers: 2 vs 5"]
    aligned = _align(analyse, {"a": "Two workers were hurt in the blast.",
                               "b": "Five workers were injured in the blast.", **FILLER})
    assert [d.topic for d in aligned.divergences] == ["number of workers: 2 vs 5"]


def _toll_results(*stories: tuple[str, str, str]) -> Any:
    """One story of (id, published, text) articles, each its own outlet."""
    from storyline import pipeline

    articles = [article(text, id=key, outlet=f"Outlet {key}", published=published)
                for key, published, text in stories]
    return pipeline.build_story_results(pipeline.single_story(articles), articles)


TOLL_DAY_ONE = ("mon", "2026-10-05T08:00:00Z",
                "Two people were killed when a gale struck the island of Pellow on Sunday "
                "night, police said.\n\nThe ferry to Pellow was cancelled.")
TOLL_DAY_TWO = ("tue", "2026-10-06T08:00:00Z",
                "At least five people have now died since a gale struck the island of Pellow on "
                "Sunday night, police said.\n\nSchools on the island stayed shut.")


def test_a_toll_that_rises_on_a_later_day_is_an_update_not_a_dispute(analyse: Any) -> None:
    """walk25: "Two people were killed" on Monday and "At least five people have now died" on
    Tuesday are one running figure told twice, not two outlets disagreeing."""
    results = _toll_results(TOLL_DAY_ONE, TOLL_DAY_TWO)
    assert [d.topic for d in results.divergences if d.kind == "number"] == []
    assert "conflicting" not in {f.agreement for f in results.facts}


@pytest.mark.parametrize("other", [
    # the same day: two outlets giving two tolls at once disagree
    ("tue2", "2026-10-06T09:00:00Z", "Two people were killed when a gale struck the island "
     "of Pellow on Sunday night, police said.\n\nThe ferry to Pellow was cancelled."),
    # a later day with a smaller figure, not marked as stale: a dispute
    ("wed", "2026-10-07T08:00:00Z", "Two people were killed when a gale struck the island "
     "of Pellow on Sunday night, police said.\n\nThe ferry to Pellow was cancelled.")])
def test_a_toll_given_lower_the_same_day_or_later_stays_a_dispute(
        analyse: Any, other: tuple[str, str, str]) -> None:
    results = _toll_results(TOLL_DAY_TWO, other)
    assert [d.topic for d in results.divergences if d.kind == "number"] == [
        "number of people: 2 vs 5"]


def test_a_larger_figure_a_day_later_not_worded_as_running_stays_a_dispute(
        analyse: Any) -> None:
    later = ("tue", "2026-10-06T08:00:00Z", "Five people were killed when a gale struck the "
             "island of Pellow on Sunday night, police said.\n\nSchools on the island stayed "
             "shut.")
    results = _toll_results(TOLL_DAY_ONE, later)
    assert [d.topic for d in results.divergences if d.kind == "number"] == [
        "number of people: 2 vs 5"]


def test_a_running_toll_keeps_its_figure_day_by_day_on_its_fact(analyse: Any) -> None:
    """walk25: the dossier says the toll was updated: the fact holding both reports lists
    its figure by day, oldest first."""
    results = _toll_results(TOLL_DAY_ONE, TOLL_DAY_TWO)
    updated = [f for f in results.facts if f.updates]
    assert len(updated) == 1
    assert [(u.day, u.value, u.article) for u in updated[0].updates] == [
        ("2026-10-05", "2", "mon"), ("2026-10-06", "5", "tue")]
    # a dispute, not an update: no figure history
    same_day = ("tue2", "2026-10-06T09:00:00Z", TOLL_DAY_ONE[2])
    assert not [f for f in _toll_results(TOLL_DAY_TWO, same_day).facts if f.updates]


@pytest.mark.parametrize("early, late", [
    # police against organisers about one march: "at least" bounds a finished event's count
    ("Police said 3,000 people joined the march through Vellmouth on Saturday against the "
     "new harbour tax.\n\nThe march ended at the town hall.",
     "Organisers said at least 10,000 people joined the march through Vellmouth on Saturday "
     "against the new harbour tax.\n\nThe mayor did not comment."),
    # "now" of the saying: the organisers' claim changed, the march's count runs on no more
    ("Police said 3,000 people joined the march through Vellmouth on Saturday against the "
     "new harbour tax.\n\nThe march ended at the town hall.",
     "Organisers now say 10,000 people joined the march through Vellmouth on Saturday "
     "against the new harbour tax.\n\nThe mayor did not comment."),
    # one river's peak on one named day, given higher a day later: not a running total
    ("The River Sceld reached 3 metres at Eskerby on Sunday, the flood agency said.\n\n"
     "Residents were told to leave.",
     "The River Sceld reached 5 metres at Eskerby on Sunday, the flood agency said.\n\n"
     "Residents were told to leave.")])
def test_a_larger_bound_or_peak_a_day_later_of_a_finished_event_stays_a_dispute(
        analyse: Any, early: str, late: str) -> None:
    """revw25: "at least" and "reached" tell a running total only in a sentence told as
    still open ("at least seven people have died since"), else a later, larger figure of
    one finished event still disputes the earlier one."""
    results = _toll_results(("sun", "2026-05-10T08:00:00Z", early),
                            ("mon", "2026-05-11T08:00:00Z", late))
    assert len([d for d in results.divergences if d.kind == "number"]) == 1
    assert not [f for f in results.facts if f.updates]


def test_at_least_in_a_perfect_told_a_day_later_is_still_an_update(analyse: Any) -> None:
    later = ("tue", "2026-10-06T08:00:00Z",
             "At least five people have been killed since a gale struck the island of Pellow "
             "on Sunday night, police said.\n\nSchools on the island stayed shut.")
    results = _toll_results(TOLL_DAY_ONE, later)
    assert [d.topic for d in results.divergences if d.kind == "number"] == []
    assert [u.value for f in results.facts for u in f.updates] == ["2", "5"]
    # the police's new word on a toll told as open is still the toll's update
    later = ("tue", "2026-10-06T08:00:00Z",
             "Police now say at least five people have died since a gale struck the island "
             "of Pellow on Sunday night.\n\nSchools on the island stayed shut.")
    results = _toll_results(TOLL_DAY_ONE, later)
    assert [d.topic for d in results.divergences if d.kind == "number"] == []
