"""Timeline: events merged across outlets, status, order, and the demo's dates."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from storyline import pipeline
from storyline.dossier import event_dict
from storyline.models import Fact
from storyline.models import Span as ModelSpan
from storyline.report import event_line, render_html, render_markdown
from storyline.timeline import (
    build_timeline,
    date_divergences,
    describe,
    mark_date_conflicts,
)
from tests.conftest import article

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "storyline" / "data" /
                     "dossier.schema.json").read_text())


def test_describe_trims_long_clauses() -> None:
    text = " ".join(["word"] * 40)
    assert describe(text).endswith("\u2026")
    assert describe("the bridge closed,") == "The bridge closed"
    # walk21: an entry told by its whole sentence ends as the others do, without its full
    # stop; an abbreviation keeps its own
    assert describe("More than 300 people packed the hall on Thursday.") == \
        "More than 300 people packed the hall on Thursday"
    assert describe("the ferry left at 6 a.m.") == "The ferry left at 6 a.m."
    # revw21: nor a company's "Co." or "Inc." ending the sentence
    assert describe("The depot was sold on April 30 to Skellan Marine Co.") == \
        "The depot was sold on April 30 to Skellan Marine Co."
    assert describe("The line was bought by Orrin Cable Inc.") == \
        "The line was bought by Orrin Cable Inc."
    assert describe("The council said no.") == "The council said no"


def test_same_event_from_two_outlets_is_one_entry(analyse: Any) -> None:
    first = analyse("The bridge was closed to all traffic on Wednesday after cracks were found.",
                    id="a1")
    second = analyse("Officials closed the bridge to traffic on Wednesday.", id="a2")
    articles = [article("x", id="a1"), article("y", id="a2")]
    events = build_timeline(articles, [*first.dates, *second.dates])
    assert len(events) == 1
    assert events[0].date == "2026-03-11"
    assert {span.article for span in events[0].evidence} == {"a1", "a2"}


def test_two_things_done_on_the_same_day_stay_two_events(analyse: Any) -> None:
    met = analyse("The council met on Friday to discuss the bridge.", id="a1")
    inspected = analyse("Engineers inspected the bridge last Friday.", id="a2")
    articles = [article("x", id="a1"), article("y", id="a2")]
    events = build_timeline(articles, [*met.dates, *inspected.dates])
    friday = [e for e in events if e.date == "2026-03-06"]
    assert len(friday) == 2
    assert [sorted({s.article for s in e.evidence}) for e in friday] in (
        [["a1"], ["a2"]], [["a2"], ["a1"]])


def test_opening_hours_are_no_events(analyse: Any) -> None:
    hours = analyse("The harbor market reopened on Thursday. It is open from 8 a.m. to 2 p.m. "
                    "on Saturdays, and the fish hall opens at 6 a.m. on weekdays. The ferry "
                    "leaves at 7 a.m. every day. The vote on its future starts at 6 p.m.")
    events = build_timeline([article("x")], hours.dates)
    descriptions = [e.description for e in events]
    assert any("reopened" in d for d in descriptions)
    assert any("vote" in d for d in descriptions)  # a time of one day is still an event
    assert not any("open from" in d or "fish hall" in d or "ferry" in d for d in descriptions)


def test_a_clock_time_belongs_to_its_day(analyse: Any) -> None:
    called = analyse("Crews were called shortly before 10 p.m. on Monday. The museum opened "
                     "its new wing on Saturday. Queues formed before the doors opened at "
                     "10 a.m.")
    events = build_timeline([article("x")], called.dates)
    assert {e.date for e in events} == {"2026-03-07", "2026-03-09"}  # not the 11th


def test_one_off_events_at_a_clock_time_stay_events(analyse: Any) -> None:
    texts = ["The blast at 6 a.m. halted daily production at the plant, officials said.",
             "The old factory, which inspectors visit every year, exploded at 4 a.m.",
             "Police closed the route at 5 p.m., cutting off a road that commuters use on "
             "weekdays."]
    for text in texts:
        assert len(build_timeline([article(text)], analyse(text).dates)) == 1, text


def test_a_clock_time_takes_no_day_from_another_tense_or_paragraph(analyse: Any) -> None:
    planned = analyse("The council voted on Monday to close the pool. The mayor will explain "
                      "the decision at a public meeting at 7 p.m.")
    events = build_timeline([article("x")], planned.dates)
    assert {(e.date, e.status) for e in events} == {("2026-03-09", "happened"),
                                                     ("2026-03-11", "planned")}
    text = "The museum reopened on Saturday.\n\nPolice were called at 10 p.m. to a fight."
    apart = analyse(text)
    assert {e.date for e in build_timeline([article(text)], apart.dates)} == {
        "2026-03-07", "2026-03-10"}  # 10 p.m.: the evening before 9 a.m.


def test_a_clock_time_below_the_lede_takes_the_lede_day_it_continues(analyse: Any) -> None:
    text = ("The gallery opened its new wing on Saturday, with sixty paintings on show.\n\n"
            "Visitors queued before the doors opened at 10 a.m., the gallery said.")
    lede = analyse(text)
    assert {e.date for e in build_timeline([article(text)], lede.dates)} == {"2026-03-07"}
    far = ("The gallery opened its new wing on Saturday.\n\nThe curator spoke.\n\n"
           "The doors opened at 10 a.m.")
    apart = analyse(far)
    assert "2026-03-10" in {e.date for e in build_timeline([article(far)], apart.dates)}


def test_a_chronology_line_is_an_event(analyse: Any) -> None:
    chronology = analyse("The bridge has a long history of closures.\n\nMarch 4 - lorries "
                         "banned.\n\nMarch 9 - full closure.")
    dates = {e.date for e in build_timeline([article("x")], chronology.dates)}
    assert {"2026-03-04", "2026-03-09"} <= dates


def test_a_season_as_a_word_and_weekly_hours_date_nothing(analyse: Any) -> None:
    painting = analyse("The oldest painting, a view of the harbour in a winter storm, dates "
                       "from 1742. The museum is open Tuesday to Sunday.")
    events = build_timeline([article("x")], painting.dates)
    assert [e.date for e in events] == ["1742"]


def test_a_dateline_is_no_event_and_a_description_stays_in_its_paragraph(analyse: Any) -> None:
    story = analyse('DUNMORE, March 10 (Meridian Press) - The plant closed on Monday.\n\n'
                    '"We were lucky that nobody was inside," the manager said.\n\n'
                    "Harlow Boxes, a firm founded in 1968, employs 300 people.")
    assert any(m.text == "March 10" and m.reporting for m in story.dates)
    events = build_timeline([article("x")], story.dates)
    assert sorted(e.date for e in events) == ["1968", "2026-03-09"]
    founded = next(e for e in events if e.date == "1968")
    assert "lucky" not in founded.description and "Harlow" in founded.description


def test_a_copy_published_later_means_the_originals_day(analyse: Any) -> None:
    text = "The jury in Harlow read its verdict today after two days of talks."
    first = analyse(text, id="orig", published="2026-03-10T09:00:00Z")
    later = analyse(text, id="copy", published="2026-03-11T09:00:00Z")
    articles = [article(text, id="orig", published="2026-03-10T09:00:00Z"),
                article(text, id="copy", published="2026-03-11T09:00:00Z")]
    events = build_timeline(articles, [*first.dates, *later.dates], {"copy": "orig"})
    assert [(e.date, sorted({s.article for s in e.evidence})) for e in events] == [
        ("2026-03-10", ["copy", "orig"])]
    assert events[0].sources == 1  # a copy and its original are one source
    line = event_line(event_dict(events[0]))
    assert "[1 independent source, 2 articles]" in line


def test_later_report_updates_the_status(analyse: Any) -> None:
    planned = analyse("The council will hold a public meeting at City Hall on Friday.", id="a1")
    postponed = analyse("The public meeting at City Hall planned for Friday was postponed.",
                        id="a2", published="2026-03-16T07:00:00Z")
    articles = [article("x", id="a1"),
                article("y", id="a2", published="2026-03-16T07:00:00Z")]
    events = build_timeline(articles, [*planned.dates, *postponed.dates])
    friday = [e for e in events if e.date == "2026-03-13"]
    assert len(friday) == 1
    assert friday[0].status == "cancelled"


def test_demo_timeline(bridge: dict[str, Any]) -> None:
    events = bridge["events"]
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates, key=lambda d: d.split("/")[0])
    by_date: dict[str, set[str]] = {}
    for event in events:
        by_date.setdefault(event["date"], set()).add(event["status"])
    assert "happened" in by_date["2026-03-10"]  # the inspection, "on Tuesday" / "last Tuesday"
    assert "happened" in by_date["2026-03-11"]  # the closure
    assert by_date["2026-03-13"] == {"cancelled"}  # the Friday meeting, later postponed
    assert "planned" in by_date["2026-04"]  # repairs "in early April" / "next month"
    assert "planned" in by_date["2026-10"]  # reopening "by October"
    closure = max((e for e in events if e["date"] == "2026-03-11"),
                  key=lambda e: len(e["evidence"]))
    assert len({span["article"] for span in closure["evidence"]}) >= 5


# -- one event, different dates from different outlets (a date divergence) ----------

TUNNEL_A = ("The Harbour Road tunnel in Port Elsin was closed to all traffic on Monday after "
            "a water main burst beneath the northbound lanes.")
TUNNEL_B = ("Engineers closed the Harbour Road tunnel in Port Elsin to all traffic on Tuesday "
            "when a water main burst under the northbound lanes.")


def _tunnel(analyse: Any, sources: dict[str, str] | None = None) -> tuple[list[Any], list[Any]]:
    first = analyse(TUNNEL_A, id="a1", published="2026-03-12T08:00:00Z")
    second = analyse(TUNNEL_B, id="a2", published="2026-03-12T09:00:00Z")
    articles = [article(TUNNEL_A, id="a1", outlet="Harbour Gazette",
                        published="2026-03-12T08:00:00Z"),
                article(TUNNEL_B, id="a2", outlet="Coastline Post",
                        published="2026-03-12T09:00:00Z")]
    return articles, build_timeline(articles, [*first.dates, *second.dates], sources)


def test_conflicting_dates_of_one_event_are_one_entry_and_a_divergence(analyse: Any) -> None:
    articles, events = _tunnel(analyse)
    assert len(events) == 1
    event = events[0]
    assert event.conflicting
    assert [d.date for d in event.dates] == ["2026-03-09", "2026-03-10"]
    assert {span.article for span in event.evidence} == {"a1", "a2"}
    assert {d.date: {s.article for s in d.evidence} for d in event.dates} == {
        "2026-03-09": {"a1"}, "2026-03-10": {"a2"}}
    divergences = date_divergences(events, articles, start=2)
    assert len(divergences) == 1
    divergence = divergences[0]
    assert (divergence.id, divergence.kind, divergence.event) == ("d3", "date", event.id)
    assert "2026-03-09 vs 2026-03-10" in divergence.topic
    assert {(v.outlet, v.value) for v in divergence.versions} == {
        ("Harbour Gazette", "2026-03-09"), ("Coastline Post", "2026-03-10")}
    assert all(articles[0 if v.article == "a1" else 1].text[v.start:v.end] == v.text
               for v in divergence.versions)


def test_a_copy_giving_another_date_is_no_divergence(analyse: Any) -> None:
    articles, events = _tunnel(analyse, sources={"a2": "a1"})
    assert not any(e.conflicting for e in events)
    assert date_divergences(events, articles) == []


def test_two_dates_in_one_article_or_said_on_two_days_are_no_conflict(analyse: Any) -> None:
    one = analyse("The council met on Monday to discuss the tunnel repairs. The council met "
                  "again on Wednesday to discuss the tunnel repairs.", id="a1")
    said = analyse("Mayor Ilse Varga said on Monday that the tunnel would reopen in April.",
                   id="a2")
    again = analyse("Mayor Ilse Varga said on Tuesday that the tunnel would reopen in April.",
                    id="a3")
    articles = [article("x", id=i) for i in ("a1", "a2", "a3")]
    events = build_timeline(articles, [*one.dates, *said.dates, *again.dates])
    assert not any(e.conflicting for e in events)


def test_a_month_and_a_day_in_it_do_not_conflict(analyse: Any) -> None:
    first = analyse("The Harbour Road tunnel in Port Elsin was closed to all traffic in March "
                    "after a water main burst beneath the northbound lanes.", id="a1")
    second = analyse(TUNNEL_B, id="a2", published="2026-03-12T09:00:00Z")
    articles = [article("x", id="a1"), article("y", id="a2", published="2026-03-12T09:00:00Z")]
    events = build_timeline(articles, [*first.dates, *second.dates])
    assert not any(e.conflicting for e in events)


def test_date_divergence_in_the_dossier() -> None:
    articles = [article(TUNNEL_A + " Drivers were sent along the coast road.", id="a1",
                        outlet="Harbour Gazette", published="2026-03-12T08:00:00Z"),
                article(TUNNEL_B + " Buses were diverted through the old town, officials "
                        "said, and delays were expected for weeks.", id="a2",
                        outlet="Coastline <b>Post</b>", published="2026-03-12T09:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    jsonschema.validate(dossier, SCHEMA)
    conflicting = [e for e in dossier["events"] if e["conflicting"]]
    assert len(conflicting) == 1
    assert [d["date"] for d in conflicting[0]["dates"]] == ["2026-03-09", "2026-03-10"]
    dated = [d for d in dossier["divergences"] if d["kind"] == "date"]
    assert len(dated) == 1 and dated[0]["event"] == conflicting[0]["id"]
    assert {v["value"] for v in dated[0]["versions"]} == {"2026-03-09", "2026-03-10"}
    closure = next(f for f in dossier["facts"] if "tunnel" in f["text"])
    assert closure["agreement"] == "conflicting"  # the aligned sentences disagree on the day
    page = render_html(dossier)
    assert "dates differ: 2026-03-09 / 2026-03-10" in page
    assert "Coastline &lt;b&gt;Post&lt;/b&gt;" in page and "<b>Post</b>" not in page
    # Brackets are escaped in Markdown (article text must not form links); they render as is.
    assert "\\[dates differ: 2026-03-09 / 2026-03-10\\]" in render_markdown(dossier)


def test_datelines_and_two_dated_events_in_one_sentence_are_no_conflict(analyse: Any) -> None:
    dateline = analyse("Tunnel reopens in Port Elsin\nPublished: March 12, 2026 9:10 AM\n"
                       "The Harbour Road tunnel in Port Elsin reopened to all traffic after "
                       "engineers repaired the burst water main.", id="a1", published=None)
    other = analyse("Tunnel reopens in Port Elsin\nMarch 13, 2026\nThe Harbour Road tunnel in "
                    "Port Elsin reopened to all traffic after engineers repaired the burst "
                    "water main.", id="a2", published=None)
    assert [(d.value, d.reporting) for d in dateline.dates] == [("2026-03-12", True)]
    assert [(d.value, d.reporting) for d in other.dates] == [("2026-03-13", True)]
    won = analyse("Ada Brandt won the Harbour Prize in 2019 for her book about the lighthouse "
                  "keepers of Port Elsin.", id="a3")
    both = analyse("Ada Brandt won the Coast Medal in 2021 for her book about the lighthouse "
                   "keepers of Port Elsin, having taken the Harbour Prize in May 2019.", id="a4")
    articles = [article("x", id=i, published=None) for i in ("a1", "a2", "a3", "a4")]
    events = build_timeline(articles, [*dateline.dates, *other.dates, *won.dates, *both.dates])
    assert not any(e.conflicting for e in events)


@pytest.mark.parametrize(("clause", "description"), [
    ('"We will pay," Brandt told reporters on Wednesday',
     '"We will pay," Brandt told reporters on Wednesday'),
    ('We will pay,\u201d Brandt said on Monday', '\u201cWe will pay,\u201d Brandt said on Monday'),
    ('He said: "We open on Friday', 'He said: "We open on Friday"'),
    ('the so-called "bridge tax" was scrapped in 2019',
     'The so-called "bridge tax" was scrapped in 2019'),
])
def test_a_description_keeps_its_quotation_marks_paired(clause: str, description: str) -> None:
    assert describe(clause) == description


def test_events_of_one_day_come_in_time_order_and_a_dateline_dates_a_clock_time(
        analyse: Any) -> None:
    text = ("HALE ISLAND, March 10 - Crews refloated the ferry at 2 p.m. on Tuesday, a day "
            "after it ran aground at 6:40 a.m. on Monday.\n\n"
            "A tug towed the vessel to the harbour, where it docked at 5:30 p.m.")
    story = analyse(text)
    events = build_timeline([article(text)], story.dates)
    assert [(e.date, e.time) for e in events] == [
        ("2026-03-09", "06:40"), ("2026-03-10", "14:00"), ("2026-03-10", "17:30")]
    assert event_line(event_dict(events[0])).startswith("2026-03-09 06:40")


def test_until_a_day_ahead_and_a_seasonal_timetable(analyse: Any) -> None:
    text = ("All sailings remain suspended until Friday. The winter timetable starts on "
            "January 4.")
    story = analyse(text)
    assert {(e.date, e.status) for e in build_timeline([article(text)], story.dates)} == {
        ("2026-03-13", "planned"), ("2027-01-04", "planned")}


def test_a_clock_time_takes_the_day_of_its_own_verb_and_no_speech_is_a_dateline(
        analyse: Any) -> None:
    text = "On Monday the ferry left port at 6 a.m. and docked on Wednesday."
    story = analyse(text)
    times = {(e.date, e.time) for e in build_timeline([article(text)], story.dates)}
    assert ("2026-03-09", "06:00") in times
    said = "Police said on Monday that a man was arrested.\n\nOfficers came at 10 p.m."
    story = analyse(said)
    assert ("2026-03-10", "22:00") in {(e.date, e.time) for e in build_timeline(
        [article(said)], story.dates)}  # the night before publication, not the statement's


@pytest.mark.parametrize(("text", "dates"), [
    ("The spring schedule was published on Monday.", {"2026-03-09"}),
    ("Repairs will be finished over the summer by a team from Dunmore.",
     {"2026-06-01/2026-08-31"}),
])
def test_a_season_names_a_kind_of_thing_or_a_time(analyse: Any, text: str,
                                                  dates: set[str]) -> None:
    story = analyse(text)
    assert {e.date for e in build_timeline([article(text)], story.dates)} == dates


def test_an_inch_mark_is_no_quotation_mark() -> None:
    assert describe('The mayor called the 5" pipe a disgrace') == \
        'The mayor called the 5" pipe a disgrace'


def test_a_past_clock_time_later_than_publication_was_the_evening_before(analyse: Any) -> None:
    text = "Polls closed at 8 p.m. and the first results came at 9:30 p.m."
    story = analyse(text)  # published 09:00 on Wednesday the 11th
    assert {(e.date, e.time) for e in build_timeline([article(text)], story.dates)} == {
        ("2026-03-10", "20:00")}


def test_a_clock_time_every_day_is_a_timetable(analyse: Any) -> None:
    text = "The drop box is emptied every day at 5 p.m. The count resumed on Monday."
    story = analyse(text)
    assert [e.date for e in build_timeline([article(text)], story.dates)] == ["2026-03-09"]


def test_a_newsletter_talking_to_its_reader_or_a_date_felt_far_is_no_event(analyse: Any) -> None:
    text = ("Good morning. Here is what you need to know today.\n\n"
            "The Harrowgate water utility lifted its boil-water notice on Monday.\n\n"
            "If you want to attend, the hearing is on March 20.\n\n"
            "Officials said on Tuesday that it was safe.\n\n"
            "We will strike on Thursday. You can vote from Monday. That is due on Friday.\n\n"
            "That's all for this week. See you tomorrow. For commuters, April feels far off.")
    story = analyse(text)
    assert [e.date for e in build_timeline([article(text)], story.dates)] == [
        "2026-03-09", "2026-03-10", "2026-03-12", "2026-03-13", "2026-03-16", "2026-03-20"]


def test_a_bare_clock_time_against_a_publication_date_without_time_dates_nothing(
        analyse: Any) -> None:
    text = ("DUNMORE - The authority issued a notice on Monday for the Fenwick Road area.\n\n"
            "Crews will flush the mains on Friday.\n\n"
            "Quell said she had queued at the Fenwick Road centre at 7 a.m.")
    story = analyse(text, published="2026-03-11T00:00:00Z")
    events = build_timeline([article(text, published="2026-03-11T00:00:00Z")], story.dates)
    assert [(e.date, e.time, e.description[:20]) for e in events] == [
        ("2026-03-09", None, "The authority issued"),  # no dateline, no 07:00 from Quell
        ("2026-03-13", None, "Crews will flush the")]


def test_working_hours_on_weekdays_and_the_january_sales_are_no_events(analyse: Any) -> None:
    hours = analyse("Ms Orla Finch said Brackwater Paving would work from 10pm to 6am only on "
                    "weekdays. The council said it would delay the work to January 25, so "
                    "that shops could get through the January sales.",
                    published="2026-10-16T09:00:00Z")
    events = build_timeline([article("x", published="2026-10-16T09:00:00Z")], hours.dates)
    assert [(e.date, e.status) for e in events] == [("2027-01-25", "planned")]


def test_a_one_off_night_shift_is_still_an_event(analyse: Any) -> None:
    shift = analyse("Brackwater Paving will work from 10pm on Friday to repair the runway.",
                    published="2026-10-14T09:00:00Z")
    events = build_timeline([article("x", published="2026-10-14T09:00:00Z")], shift.dates)
    assert [e.date for e in events] == ["2026-10-16"]


def test_a_reworded_copy_takes_its_originals_date_and_words(analyse: Any) -> None:
    # Said on Monday 5 October, "next Thursday" is the 15th; the copy, out on Friday the
    # 16th, would read its "subsequent Thursday" as the 22nd.
    original = analyse("Kestrel Regional Airport will shut its runway in November. The "
                       "airport will hold a public meeting next Thursday.", id="orig",
                       published="2026-10-05T09:00:00Z")
    spun = analyse("Kestrel Regional Airport will shut its runway in November. The airfield "
                   "will hold a public assembly subsequent Thursday.", id="copy",
                   published="2026-10-16T09:00:00Z")
    articles = [article("x", id="orig", published="2026-10-05T09:00:00Z"),
                article("y", id="copy", published="2026-10-16T09:00:00Z")]
    events = build_timeline(articles, [*original.dates, *spun.dates], {"copy": "orig"})
    meeting = [e for e in events if "meeting" in e.description or "assembly" in e.description]
    assert [(e.date, e.description) for e in meeting] == [
        ("2026-10-15", "The airport will hold a public meeting next Thursday")]
    assert {span.article for span in meeting[0].evidence} == {"orig", "copy"}
    # Without the provenance link the copy's own reading stands apart.
    alone = build_timeline(articles, [*original.dates, *spun.dates])
    assert "2026-10-22" in {e.date for e in alone}


def test_dates_of_one_aligned_fact_are_one_event_however_worded(analyse: Any) -> None:
    first = analyse("Free replacement buckles would be sent out from October 19.", id="a1",
                    published="2026-10-09T09:00:00Z")
    second = analyse("Replacement kits will be posted from October 19.", id="a2",
                     published="2026-10-10T09:00:00Z")
    articles = [article("x", id="a1", outlet="Quay Gazette", published="2026-10-09T09:00:00Z"),
                article("y", id="a2", outlet="Dale Post", published="2026-10-10T09:00:00Z")]
    dates = [*first.dates, *second.dates]
    apart = build_timeline(articles, dates)
    assert [e.date for e in apart] == ["2026-10-19", "2026-10-19"]
    fact = Fact("f1", "Replacement buckles from October 19", "corroborated",
                (ModelSpan("a1", 0, 60), ModelSpan("a2", 0, 49)), 2)
    merged = build_timeline(articles, dates, facts=[fact])
    assert [(e.date, e.sources) for e in merged] == [("2026-10-19", 2)]
    lone = dataclasses.replace(fact, evidence=(ModelSpan("a1", 0, 60),))
    assert len(build_timeline(articles, dates, facts=[lone])) == 2


def test_as_planned_on_a_day_joins_the_plan_already_told(analyse: Any) -> None:
    plan = analyse("Dunmore Airport will close its main runway for resurfacing from "
                   "November 2.", id="a1", published="2026-10-06T09:00:00Z")
    later = analyse("Ms Priya Okonjo said the resurfacing would start as planned on "
                    "November 2.", id="a2", published="2026-10-20T09:00:00Z")
    other = analyse("Ms Priya Okonjo said the ferry timetable would change on November 2.",
                    id="a3", published="2026-10-20T09:00:00Z")
    articles = [article("x", id="a1", published="2026-10-06T09:00:00Z"),
                article("y", id="a2", published="2026-10-20T09:00:00Z"),
                article("z", id="a3", published="2026-10-20T09:00:00Z")]
    events = build_timeline(articles, [*plan.dates, *later.dates, *other.dates])
    november = [e for e in events if e.date == "2026-11-02"]
    assert sorted(sorted({s.article for s in e.evidence}) for e in november) == [
        ["a1", "a2"], ["a3"]]


def test_a_reworded_copy_that_changes_a_fixed_date_keeps_its_own(analyse: Any) -> None:
    original = analyse("The east gallery will reopen on November 14, the museum said.",
                       id="orig", published="2026-10-19T09:00:00Z")
    copy = analyse("The east gallery will reopen on November 21, the museum stated.",
                   id="copy", published="2026-10-20T09:00:00Z")
    articles = [article("x", id="orig", published="2026-10-19T09:00:00Z"),
                article("y", id="copy", published="2026-10-20T09:00:00Z")]
    events = build_timeline(articles, [*original.dates, *copy.dates], {"copy": "orig"})
    assert {(e.date, tuple(s.article for s in e.evidence)) for e in events} == {
        ("2026-11-14", ("orig",)), ("2026-11-21", ("copy",))}


def test_an_overnight_stay_is_a_kind_of_stay_not_a_time(analyse: Any) -> None:
    found = analyse("Children needing an overnight stay go to Kestrel General. The ward "
                    "closed overnight.", published="2026-10-06T09:00:00Z")
    assert [d.text for d in found.dates] == ["overnight"]
    assert found.dates[0].sentence.text.startswith("The ward")


def test_a_short_clause_whose_every_word_the_other_shares_is_one_event_dated_twice(
        analyse: Any) -> None:
    herald = analyse("The east gallery of the Harbourview museum will reopen on November 14, "
                     "the museum said.", id="a1", published="2026-10-20T09:00:00Z")
    gazette = analyse("Visitors will find an empty frame on the wall when its east gallery "
                      "reopens on November 21.", id="a2", published="2026-10-21T09:00:00Z")
    articles = [article("x", id="a1", outlet="Harbour Herald", published="2026-10-20T09:00:00Z"),
                article("y", id="a2", outlet="Quay Gazette", published="2026-10-21T09:00:00Z")]
    events = build_timeline(articles, [*herald.dates, *gazette.dates])
    assert [e for e in events if e.conflicting]
    assert len(date_divergences(events, articles)) == 1


def _school(analyse: Any, reports: list[tuple[str, str, str | None, str]],
            sources: dict[str, str] | None = None) -> tuple[list[Any], list[Any]]:
    """(id, outlet, published, text) -> the articles and their timeline. Fictional."""
    articles = [article(text, id=id, outlet=outlet, published=published)
                for id, outlet, published, text in reports]
    dates = [d for id, _, published, text in reports
             for d in analyse(text, id=id, published=published).dates]
    return articles, build_timeline(articles, dates, sources)


def test_one_outlet_is_one_source_of_an_event(analyse: Any) -> None:
    text = "The Gullpoint council will hold a public meeting on the school merger on May 6."
    articles, events = _school(analyse, [
        ("h1", "Gullpoint Herald", "2026-04-20T09:00:00Z", text),
        ("h2", "Gullpoint Herald", "2026-04-22T09:00:00Z", text)])
    assert [(e.date, e.sources) for e in events] == [("2026-05-06", 1)]
    articles, events = _school(analyse, [
        ("h1", "Gullpoint Herald", "2026-04-20T09:00:00Z", text),
        ("t1", "Brackwater Times", "2026-04-22T09:00:00Z", text)])
    assert [(e.date, e.sources) for e in events] == [("2026-05-06", 2)]


OPENS_JANUARY = "The merged Gullpoint primary school will open in January 2027, the council said."
OPENS_SEPTEMBER = ("The merged Gullpoint primary school will open in September 2027, the "
                   "council said.")


def test_an_outlet_correcting_its_own_date_is_an_update_not_a_conflict(analyse: Any) -> None:
    articles, events = _school(analyse, [
        ("h1", "Gullpoint Herald", "2026-04-20T09:00:00Z", OPENS_JANUARY),
        ("h2", "Gullpoint Herald", "2026-04-27T09:00:00Z", OPENS_SEPTEMBER),
        ("t1", "Brackwater Times", "2026-04-28T09:00:00Z", OPENS_SEPTEMBER)])
    assert len(events) == 1
    event = events[0]
    assert (event.date, event.conflicting, event.sources) == ("2027-09", False, 2)
    assert [d.date for d in event.superseded] == ["2027-01"]
    assert {s.article for d in event.superseded for s in d.evidence} == {"h1"}
    assert date_divergences(events, articles) == []
    item = event_dict(dataclasses.replace(event, id="e1"))
    assert [d["date"] for d in item["superseded"]] == ["2027-01"] and "dates" not in item
    assert "[earlier report: 2027-01]" in event_line(item)


def test_another_outlet_keeping_the_old_date_still_disagrees(analyse: Any) -> None:
    articles, events = _school(analyse, [
        ("h1", "Gullpoint Herald", "2026-04-20T09:00:00Z", OPENS_JANUARY),
        ("t1", "Brackwater Times", "2026-04-21T09:00:00Z", OPENS_JANUARY),
        ("h2", "Gullpoint Herald", "2026-04-27T09:00:00Z", OPENS_SEPTEMBER)])
    assert len(events) == 1 and events[0].conflicting
    assert [d.date for d in events[0].dates] == ["2027-01", "2027-09"]
    assert [d.date for d in events[0].superseded] == []  # the Herald's January: the Times's
    assert len(date_divergences(events, articles)) == 1


@pytest.mark.parametrize(("first", "second"), [
    ("2026-04-20T09:00:00Z", "2026-04-20T09:00:00Z"),  # the same time
    ("2026-04-20", "2026-04-20T15:00:00Z"),  # a day without a time: either came first
    (None, None),  # both undated
])
def test_two_reports_of_one_outlet_in_unknown_order_both_stand(
        analyse: Any, first: str | None, second: str | None) -> None:
    articles, events = _school(analyse, [
        ("h1", "Gullpoint Herald", first, OPENS_JANUARY),
        ("h2", "Gullpoint Herald", second, OPENS_SEPTEMBER)])
    assert [(e.conflicting, [d.date for d in e.dates], list(e.superseded)) for e in events] \
        == [(True, ["2027-01", "2027-09"], [])]
    assert len(date_divergences(events, articles)) == 1


def test_a_late_copy_of_an_outlets_first_report_does_not_outdate_its_correction(
        analyse: Any) -> None:
    # An aggregator copies the Herald's first report a day after the Herald's correction:
    # the copy tells the Herald of April 20, so September (April 27) stands.
    articles, events = _school(analyse, [
        ("h1", "Gullpoint Herald", "2026-04-20T09:00:00Z", OPENS_JANUARY),
        ("h2", "Gullpoint Herald", "2026-04-27T09:00:00Z", OPENS_SEPTEMBER),
        ("r1", "Daily Feed Hub", "2026-04-28T09:00:00Z", OPENS_JANUARY)],
        sources={"h1": "h1", "h2": "h2", "r1": "h1"})
    assert [(e.date, e.conflicting, e.sources) for e in events] == [("2027-09", False, 1)]
    assert [d.date for d in events[0].superseded] == ["2027-01"]
    assert {s.article for d in events[0].superseded for s in d.evidence} == {"h1", "r1"}
    assert date_divergences(events, articles) == []


def test_a_speakers_it_makes_two_offers_one_event_dated_twice(analyse: Any) -> None:
    articles, events = _school(analyse, [
        ("l1", "Orbit Log", "2026-11-02T09:00:00Z",
         "CFL said in a statement that it could offer the rowing club a crossing on June 9."),
        ("w1", "Northvale Wire", "2026-11-03T09:00:00Z",
         "Corran Ferry Lines, which runs the island route, said it could offer a crossing on "
         "June 16.")])
    assert [e.conflicting for e in events] == [True]
    assert [d.date for d in events[0].dates] == ["2027-06-09", "2027-06-16"]


def test_an_update_in_the_dossier_shows_the_earlier_date(analyse: Any) -> None:
    articles = [article(OPENS_JANUARY + " Parents were told at a meeting.", id="h1",
                        outlet="Gullpoint Herald", published="2026-04-20T09:00:00Z"),
                article(OPENS_SEPTEMBER + " Builders need more time.", id="h2",
                        outlet="Gullpoint Herald", published="2026-04-27T09:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    jsonschema.validate(dossier, SCHEMA)
    opening = next(e for e in dossier["events"] if e["date"] == "2027-09")
    assert not opening["conflicting"] and opening["sources"] == 1
    assert [d["date"] for d in opening["superseded"]] == ["2027-01"]
    assert not [d for d in dossier["divergences"] if d["kind"] == "date"]
    assert "earlier report: 2027-01" in render_html(dossier)


# Fictional: the Wexmoor tram (operator Fenlink), the Dunmore and Gullpoint councils.
THURSDAY = "2026-02-26T09:00:00Z"  # a Thursday: "next Tuesday" is March 3


@pytest.mark.parametrize(("first", "second"), [
    ("The council's vote on tram fares will be held on March 3.",
     "Councillors will be voting next Tuesday on the tram fares."),
    ("The opening of the Wexmoor tram depot to visitors is set for March 3.",
     "Fenlink will open its depot on 3 March, with free rides for visitors."),
])
def test_one_planned_event_worded_two_ways_is_one_entry(analyse: Any, first: str,
                                                        second: str) -> None:
    _, events = _school(analyse, [("c1", "Wexmoor Courier", THURSDAY, first),
                                  ("p1", "Eastgate Post", THURSDAY, second)])
    assert [(e.date, e.status, e.sources) for e in events] == [("2026-03-03", "planned", 2)]


@pytest.mark.parametrize(("first", "second"), [
    ("Dunmore councillors will vote on the harbour budget on March 3.",
     "Gullpoint residents vote on a new park next Tuesday."),
    ("The council will vote on tram fares on March 3.",
     "Fenlink will open the tram depot to visitors on March 3."),
    # one word in common besides the vote: "fares" is not a "route"
    ("The council's vote on tram fares will be held on March 3.",
     "Members of the cycling club will be voting on a new tram route next Tuesday."),
])
def test_other_things_or_other_actions_on_one_day_stay_apart(analyse: Any, first: str,
                                                             second: str) -> None:
    _, events = _school(analyse, [("c1", "Wexmoor Courier", THURSDAY, first),
                                  ("p1", "Eastgate Post", THURSDAY, second)])
    assert [(e.date, e.sources) for e in events] == [("2026-03-03", 1), ("2026-03-03", 1)]


def test_a_date_moved_away_from_is_the_planned_event_called_off(analyse: Any) -> None:
    _, events = _school(analyse, [
        ("c1", "Wexmoor Courier", "2027-03-01T08:00:00Z",
         "The new Line 3 tram between Wexmoor and Corrin Bay will open to passengers on April "
         "12."),
        ("c2", "Wexmoor Courier", "2027-03-15T08:00:00Z",
         "Fenlink has pushed the opening of the Line 3 tram from April 12 to May 3 after "
         "signal tests failed."),
        ("r1", "Bay Radio", "2027-03-16T12:00:00Z",
         "The opening of the Line 3 tram has been postponed to May 10, Fenlink said.")])
    april = [e for e in events if e.date == "2027-04-12"]
    assert [(e.status, {s.article for s in e.evidence}) for e in april] == [
        ("cancelled", {"c1", "c2"})]
    # two outlets moving the opening to two dates disagree
    may = [e for e in events if e.date and e.date.startswith("2027-05")]
    assert [(e.status, e.conflicting, [d.date for d in e.dates]) for e in may] == [
        ("planned", True, ["2027-05-03", "2027-05-10"])]


def test_an_entry_is_told_as_its_latest_status_and_a_dateline_on_the_lede_dates_nothing(
        analyse: Any) -> None:
    _, events = _school(analyse, [
        ("c1", "Wexmoor Courier", "2026-02-26T09:00:00Z",
         "Councillors will vote on the tram fares on March 4."),
        ("p1", "Eastgate Post", "2026-03-05T09:00:00Z",
         "WEXMOOR, March 5 - The tram fares were approved by councillors on March 4.")])
    assert [(e.date, e.status, e.description, e.sources) for e in events] == [
        ("2026-03-04", "happened", "The tram fares were approved by councillors on March 4",
         2)]


def test_a_plan_told_on_a_day_is_listed_on_its_own_date_not_as_happened(
        analyse: Any) -> None:
    # Fictional. Not "2026-06-09 happened: ... will go on display ... on October 3".
    text = ("The Ostrava Comet fragment will go on display at the Quill Museum on October 3, "
            "curator Pia Lenz said on Tuesday. The museum's panel would publish a study of "
            "the rock in the autumn, she said. The museum bought it on Monday.")
    published = "2026-06-10T08:00:00Z"
    analysis = analyse(text, published=published)
    events = build_timeline([article(text, published=published)], analysis.dates)
    assert [(e.date, e.status) for e in events] == [
        ("2026-06-08", "happened"), ("2026-09-01/2026-11-30", "planned"),
        ("2026-10-03", "planned")]


def _two_outlets(shared_a: str, shared_b: str) -> list[Any]:
    """Two independent reports, one sentence each told with its own date (fictional)."""
    return [article("The family that runs the Ashworth rowing club is looking for a new "
                    f"boathouse. {shared_a} Coach Mina Orrel said the crews would train on "
                    "the canal.", id="a1", outlet="Tollan Courier",
                    published="2026-11-10T08:00:00Z"),
            article("Ashworth's award-winning rowing club has been told to go. "
                    f"{shared_b} Councillor Peder Lune said a petition had 900 signatures.",
                    id="a2", outlet="Ashworth Echo", published="2026-11-10T09:00:00Z")]


@pytest.mark.parametrize(("shared_a", "shared_b", "dates"), [
    # the same two-stem clause ("lease will end") at two dates
    ("The lease will end on 31 January.", "The lease will end on 28 February.",
     ("2027-01-31", "2027-02-28")),
    # a telling dated two ways, its sentences aligned as one fact
    ("Landlord Brack Estates told the club on 6 November that the lease would not be "
     "renewed.", "Landlord Brack Estates told the club on 4 November that the lease would "
     "not be renewed.", ("2026-11-04", "2026-11-06")),
])
def test_a_short_clause_dated_differently_by_two_outlets_is_one_conflict(
        shared_a: str, shared_b: str, dates: tuple[str, str]) -> None:
    articles = _two_outlets(shared_a, shared_b)
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    conflicting = [tuple(d["date"] for d in e["dates"]) for e in dossier["events"]
                   if e["conflicting"]]
    assert conflicting == [dates]
    assert len([d for d in dossier["divergences"] if d["kind"] == "date"]) == 1


def test_a_short_clause_with_other_words_is_no_conflict(analyse: Any) -> None:
    # Fictional: "the lease will end" and "the loan will end" share two stems of three.
    first = analyse("The Ashworth boathouse lease will end on 31 January.", id="a1")
    second = analyse("The Ashworth boathouse loan will end on 28 February.", id="a2")
    articles = [article("x", id="a1", outlet="Tollan Courier"),
                article("y", id="a2", outlet="Ashworth Echo")]
    events = build_timeline(articles, [*first.dates, *second.dates])
    assert not any(e.conflicting for e in events)


def test_one_event_told_by_month_and_by_day_is_one_entry_at_the_day(analyse: Any) -> None:
    # Two outlets, one plan: "next month" and "on May 1" can both be right, so the entry
    # takes the finer date and both articles; no conflict.
    month = analyse("The town council voted to ban rowing boats on the mill pond. The ban "
                    "takes effect next month.", id="wire", published="2026-04-14T08:00:00Z")
    day = analyse("Rowing boats are banned from the mill pond. The ban takes effect on May 1.",
                  id="ledger", published="2026-04-14T12:00:00Z")
    articles = [article("x", id="wire", published="2026-04-14T08:00:00Z", outlet="Wire"),
                article("y", id="ledger", published="2026-04-14T12:00:00Z", outlet="Ledger")]
    events = build_timeline(articles, [*month.dates, *day.dates])
    takes_effect = [e for e in events if "takes effect" in e.description]
    assert [(e.date, e.conflicting) for e in takes_effect] == [("2026-05-01", False)]
    assert {span.article for span in takes_effect[0].evidence} == {"wire", "ledger"}
    assert takes_effect[0].sources == 2


def test_a_month_with_two_finer_dates_of_its_kind_stays_apart(analyse: Any) -> None:
    # "The fair opens next month" could be either day: it joins neither.
    month = analyse("The book fair opens next month.", id="a1", published="2026-04-14T08:00:00Z")
    first = analyse("The book fair opens on May 2.", id="a2", published="2026-04-14T09:00:00Z")
    second = analyse("The book fair opens on May 9.", id="a3", published="2026-04-14T10:00:00Z")
    articles = [article("x", id=i, published=p, outlet=o) for i, p, o in (
        ("a1", "2026-04-14T08:00:00Z", "One"), ("a2", "2026-04-14T09:00:00Z", "Two"),
        ("a3", "2026-04-14T10:00:00Z", "Three"))]
    events = build_timeline(articles, [*month.dates, *first.dates, *second.dates])
    assert any(e.date == "2026-05" for e in events)


def test_each_outlets_sentence_of_a_date_conflict_is_a_conflicting_fact(analyse: Any) -> None:
    # The aligner kept the two reports of the closure apart (one fact each): each states a
    # date the other outlet disputes, so each is conflicting (the brief then flags it).
    _articles, events = _tunnel(analyse)
    (first, second) = events[0].dates
    unrelated = ModelSpan("a1", 0, 5)
    facts = [Fact("f1", "closed on Monday", "single", first.evidence[:1], 1),
             Fact("f2", "closed on Tuesday", "single", second.evidence[:1], 1),
             Fact("f3", "other", "single", (unrelated,), 1)]
    marked = mark_date_conflicts(facts, events)
    assert [f.agreement for f in marked] == ["conflicting", "conflicting", "single"]


def test_one_thing_told_with_other_verbs_at_agreeing_dates_is_one_entry(analyse: Any) -> None:
    # "in two weeks" is a week holding April 29; the fair is named by both, the verbs differ.
    week = analyse("Councillor Agnes Pellow said the town council would host a jobs fair in two "
                   "weeks.", id="wire", published="2026-04-14T08:00:00Z")
    day = analyse("Councillor Agnes Pellow has promised a jobs fair on April 29 at the Corn "
                  "Exchange. The council will meet on April 30.", id="journal",
                  published="2026-04-15T08:00:00Z")
    articles = [article("x", id="wire", published="2026-04-14T08:00:00Z", outlet="Wire"),
                article("y", id="journal", published="2026-04-15T08:00:00Z", outlet="Journal")]
    events = build_timeline(articles, [*week.dates, *day.dates])
    fairs = [e for e in events if "fair" in e.description]
    assert [(e.date, e.sources) for e in fairs] == [("2026-04-29", 2)]
    assert any(e.date == "2026-04-30" and "meet" in e.description for e in events)


def test_a_decade_does_not_join_a_year_told_with_other_verbs(analyse: Any) -> None:
    # A decade (or a year) holds many things of one kind: only a week or a month joins a
    # finer date on shared words alone.
    decade = analyse("Dara Quill piloted the harbour ferry fleet for much of the 1980s.",
                     id="a1", published="2026-04-14T08:00:00Z")
    year = analyse("Dara Quill steered the harbour ferry fleet to the 1983 regatta title.",
                   id="a2", published="2026-04-15T08:00:00Z")
    articles = [article("x", id="a1", published="2026-04-14T08:00:00Z", outlet="One"),
                article("y", id="a2", published="2026-04-15T08:00:00Z", outlet="Two")]
    events = build_timeline(articles, [*decade.dates, *year.dates])
    assert sorted(e.date for e in events if "fleet" in e.description) == \
        ["1980/1989", "1983"]


def test_midnight_on_a_day_is_that_day_not_the_publication_day(analyse: Any) -> None:
    text = ("The last climbers were brought down from the gondola shortly before midnight "
            "on Friday, rescuers said.")
    events = build_timeline([article(text)], analyse(text).dates)
    assert [e.date for e in events] == ["2026-03-06"]  # not the 11th, the day published


def test_a_clock_time_takes_the_lede_day_its_sentence_goes_on_with(analyse: Any) -> None:
    """The lede names two days: the clock time below is the day of the clause its
    sentence shares words with (boarding the gondola: Friday), not the last day named."""
    text = ("A Tarnby nurse and her son were among the skiers stranded for hours on the "
            "Ossery gondola on Friday, and both were back home by Saturday afternoon.\n\n"
            "They boarded the gondola in Tarnby shortly after 2 p.m. on a sunny day.")
    events = build_timeline([article(text)], analyse(text).dates)
    boarded = [e for e in events if "boarded" in e.description]
    assert [(e.date, e.time) for e in boarded] == [("2026-03-06", "14:00")]


def test_an_entry_names_the_body_that_said_it_would_act(analyse: Any) -> None:
    """walk21: "The state environment agency said it would begin an inspection of the plant
    on Monday" made the entry "It would begin an inspection ...": the entry names the body
    in place of "it"; a person's "she said it would" stays as written."""
    articles, events = _school(analyse, [
        ("r1", "Kelso Valley Radio", "2026-05-07T09:00:00Z",
         "The regional fisheries agency said it would reopen the weir on Monday. Ada Lunn "
         "said it would rain at the weekend.")])
    descriptions = {e.date: e.description for e in events}
    assert descriptions["2026-05-11"] == \
        "The regional fisheries agency would reopen the weir on Monday"
    assert all(not d.startswith("Ada Lunn would") for d in descriptions.values())


FINDING = ("The Harrow Water Authority found on Monday that the Kelby town council paid "
           "three million crowns for water pipes to a firm owned by the cousin of Mayor "
           "Odile Brasse without a tender.")
RESIGNED = ("Odile Brasse resigned as mayor of Kelby on Tuesday, a day after the Harrow "
            "Water Authority found that the Kelby town council paid three million crowns "
            "for water pipes to a firm owned by her cousin without a tender.")


def test_a_date_of_one_of_two_events_in_a_sentence_disputes_no_other(analyse: Any) -> None:
    # The two sentences are one fact to the alignment (the finding), but Tuesday dates
    # the resignation, which the sentence tells beside the finding of the day before.
    articles = [article(FINDING, id="a1", outlet="Harrow Courier",
                        published="2026-03-10T08:00:00Z"),
                article(RESIGNED, id="a2", outlet="Kelby Star",
                        published="2026-03-11T09:00:00Z")]
    first = analyse(FINDING, id="a1", published="2026-03-10T08:00:00Z")
    second = analyse(RESIGNED, id="a2")
    fact = Fact("f1", FINDING, "corroborated", (ModelSpan("a1", 0, len(FINDING)),
                                                ModelSpan("a2", 0, len(RESIGNED))), 2)
    events = build_timeline(articles, [*first.dates, *second.dates], facts=[fact])
    assert not any(e.conflicting for e in events)
    assert {e.date for e in events} >= {"2026-03-09", "2026-03-10"}
    assert date_divergences(events, articles) == []


SWEPT = ("An avalanche swept across the Kessel pass road on Tuesday afternoon after the snow "
         "had piled up for a week, burying two parked lorries.")
CLOSED = "An avalanche on Monday night closed the Kessel pass road, leaving two lorries buried."


def test_a_clause_of_an_event_the_other_outlet_does_not_date_keeps_the_dispute(
        analyse: Any) -> None:
    # "after the snow had piled up": another event, but not the one the other outlet
    # dates; the aligned fact is the avalanche, dated Tuesday and Monday (revfix21: fa944c5
    # had lost this dispute).
    articles = [article(SWEPT, id="a1", outlet="Kessel Times",
                        published="2026-02-12T08:00:00Z"),
                article(CLOSED, id="a2", outlet="Alpine Wire",
                        published="2026-02-12T09:00:00Z")]
    first = analyse(SWEPT, id="a1", published="2026-02-12T08:00:00Z")
    second = analyse(CLOSED, id="a2", published="2026-02-12T09:00:00Z")
    assert {d.text: d.beside_action for d in first.dates}["Tuesday afternoon"] == "pile"
    fact = Fact("f1", SWEPT, "corroborated", (ModelSpan("a1", 0, len(SWEPT)),
                                              ModelSpan("a2", 0, len(CLOSED))), 2)
    events = build_timeline(articles, [*first.dates, *second.dates], facts=[fact])
    assert any(e.conflicting for e in events)
    assert len(date_divergences(events, articles)) == 1


VARN_RESIGNED = ("Mayor Ilse Varn resigned on Tuesday, a day after auditors uncovered the "
                 "missing harbour funds.")
AUDIT_FOUND = "Auditors discovered the missing harbour funds on Monday, officials said."


def test_a_clause_dated_by_the_other_outlet_with_another_verb_disputes_nothing(
        analyse: Any) -> None:
    # The Wire dates the auditors' finding ("discovered"), which the Times tells beside the
    # resignation with another verb ("uncovered"): Tuesday is the resignation's date, so
    # there is no Monday/Tuesday dispute (5ccf1f9 matched the clause by its verb alone).
    articles = [article(VARN_RESIGNED, id="a1", outlet="Kessel Times",
                        published="2026-02-12T08:00:00Z"),
                article(AUDIT_FOUND, id="a2", outlet="Alpine Wire",
                        published="2026-02-12T09:00:00Z")]
    first = analyse(VARN_RESIGNED, id="a1", published="2026-02-12T08:00:00Z")
    second = analyse(AUDIT_FOUND, id="a2", published="2026-02-12T09:00:00Z")
    fact = Fact("f1", VARN_RESIGNED, "corroborated", (ModelSpan("a1", 0, len(VARN_RESIGNED)),
                                                      ModelSpan("a2", 0, len(AUDIT_FOUND))), 2)
    events = build_timeline(articles, [*first.dates, *second.dates], facts=[fact])
    assert not any(e.conflicting for e in events)
    assert date_divergences(events, articles) == []


def test_a_bare_part_of_day_belongs_to_the_day_its_sentence_names(analyse: Any) -> None:
    # "during the morning shift" beside "on 3 May 2025" is that day's morning, not the
    # publication day's: no second entry on 2026-03-11.
    text = ("The crane toppled on 3 May 2025, when a gust caught its jib during the morning "
            "shift at the Orrin Quay depot.")
    events = build_timeline([article(text)], analyse(text).dates)
    assert [e.date for e in events] == ["2025-05-03"]


def _told_by_outlets(analyse: Any, told: dict[str, str],
                     published: str = "2026-03-10T12:00:00Z") -> tuple[list[Any], list[Any]]:
    """The timeline of one text per outlet (keyed by article id), all published at once."""
    analyses = [analyse(text, id=key, published=published) for key, text in told.items()]
    articles = [article(text, id=key, outlet=f"Outlet {key}", published=published)
                for key, text in told.items()]
    return build_timeline(articles, [d for a in analyses for d in a.dates]), articles


def test_next_weekday_reads_as_next_weeks_and_agrees_with_an_outlet_naming_it(
        analyse: Any) -> None:
    # Fictional. Published Tuesday 10 March: "next Friday" reads as the Friday of next
    # week, the 20th, which another outlet names: one entry, no date divergence.
    told = {"a1": "Tamsin Rooke will be sentenced next Friday at Orlow Crown Court.",
            "a2": "Tamsin Rooke will be sentenced at Orlow Crown Court on Friday, March 20."}
    events, articles = _told_by_outlets(analyse, told)
    assert [(e.date, e.conflicting) for e in events] == [("2026-03-20", False)]
    assert {span.article for span in events[0].evidence} == {"a1", "a2"}
    assert date_divergences(events, articles) == []


def test_next_weekday_a_week_off_another_outlets_date_is_its_other_reading(
        analyse: Any) -> None:
    # Fictional. Published Tuesday 10 March: "next Friday" reads as the 20th, but may mean
    # this week's Friday, which another outlet names: one entry at the 13th, no divergence.
    told = {"a1": "Tamsin Rooke will be sentenced next Friday at Orlow Crown Court.",
            "a2": "Tamsin Rooke will be sentenced at Orlow Crown Court on Friday, March 13."}
    events, articles = _told_by_outlets(analyse, told)
    assert [(e.date, e.conflicting) for e in events] == [("2026-03-13", False)]
    assert {span.article for span in events[0].evidence} == {"a1", "a2"}
    assert date_divergences(events, articles) == []


def test_next_weekday_with_one_reading_a_week_off_another_outlets_date_disputes_it(
        analyse: Any) -> None:
    # Fictional. Published Thursday 12 March: "next Tuesday" can only be the 17th (this
    # week's Tuesday is gone), so another outlet's "Tuesday, March 24" disagrees with it.
    told = {"a1": "Tamsin Rooke will be sentenced next Tuesday at Orlow Crown Court.",
            "a2": "Tamsin Rooke will be sentenced at Orlow Crown Court on Tuesday, March 24."}
    events, articles = _told_by_outlets(analyse, told, published="2026-03-12T12:00:00Z")
    assert [e.conflicting for e in events] == [True]
    assert len(date_divergences(events, articles)) == 1


def test_a_report_out_before_another_date_tells_no_update_of_that_date(analyse: Any) -> None:
    # Fictional. Monday's report tells what was done three years ago; the same outlet's
    # Tuesday report dates the conviction on Tuesday. The sentences align as one fact,
    # but Monday's report cannot have told Tuesday's deed: two events, no update.
    denies = ("Ivo Brandle denies three counts of fraud over the harbour fund losses three "
              "years ago.")
    convicted = ("Ivo Brandle was convicted of three counts of fraud at Tallis Crown Court on "
                 "Tuesday.")
    articles = [article(denies, id="a1", outlet="Tallis Post", published="2026-03-09T08:00:00Z"),
                article(convicted, id="a2", outlet="Tallis Post",
                        published="2026-03-10T18:00:00Z")]
    first = analyse(denies, id="a1", published="2026-03-09T08:00:00Z")
    second = analyse(convicted, id="a2", published="2026-03-10T18:00:00Z")
    fact = Fact("f1", convicted, "single", (ModelSpan("a1", 0, len(denies)),
                                            ModelSpan("a2", 0, len(convicted))), 1)
    events = build_timeline(articles, [*first.dates, *second.dates], facts=[fact])
    assert sorted((e.date, e.superseded) for e in events) == [("2023", ()), ("2026-03-10", ())]


def test_one_long_past_day_told_in_full_by_three_outlets_is_one_entry(analyse: Any) -> None:
    # Fictional. Three outlets date one crane collapse "on 2 May 2024" in other words;
    # pairwise they share too few words for one entry, but a day given with its year in
    # a report years later, told with the same thing, is one event told three times.
    told = {"a1": "The crane at Pellory Wharf gave way on 2 May 2024, killing two dockers.",
            "a2": "The collapse happened on 2 May 2024, when a crane fell across the quay.",
            "a3": "Harl's crane at Pellory Wharf collapsed on 2 May 2024 after its bolts sheared.",
            "a4": "The Pellory harbour master retired on 2 May 2024 after forty years."}
    events, articles = _told_by_outlets(analyse, told)
    assert sorted(sorted({s.article for s in e.evidence}) for e in events) == [
        ["a1", "a2", "a3"], ["a4"]]


def test_a_short_clause_of_one_thing_on_another_day_told_in_full_disputes_it(
        analyse: Any) -> None:
    # Fictional. "The crane collapsed on 1 May 2024" holds no word the other outlet's
    # clause lacks, and both give the day with its year: one collapse, two dates.
    told = {"a1": "Harl's crane at Pellory Wharf collapsed on 2 May 2024 after its bolts sheared.",
            "a2": "The crane collapsed on 1 May 2024."}
    events, articles = _told_by_outlets(analyse, told)
    assert [(e.date, e.conflicting) for e in events] == [("2024-05-02", True)]
    assert len(date_divergences(events, articles)) == 1
    weekly = "The crane collapsed on Monday."  # a day without its year: another collapse
    again, _ = _told_by_outlets(analyse, {"a1": told["a1"], "a3": weekly})
    assert not any(e.conflicting for e in again)


def test_a_short_clause_of_one_of_several_things_on_another_day_disputes_nothing(
        analyse: Any) -> None:
    # Fictional. "The first crane" is one of a series and "A crane" one newly brought in:
    # another crane may have collapsed on the other day, so neither date disputes the other.
    told = {"a1": "The first crane at Pellory Wharf collapsed on 2 May 2024, injuring a driver.",
            "a2": "A crane collapsed on 9 May 2024."}
    events, articles = _told_by_outlets(analyse, told)
    assert sorted((e.date, e.conflicting) for e in events) == [("2024-05-02", False),
                                                              ("2024-05-09", False)]
    assert date_divergences(events, articles) == []


def test_a_bodys_own_plan_told_after_the_day_it_was_said_names_the_body(
        analyse: Any) -> None:
    # Fictional. The parser hangs "on Wednesday" (the saying's day) on the plan's verb:
    # the June entry reads "The Harl Rowing Club would hold ...", not "On Wednesday it".
    text = "The Harl Rowing Club said on Wednesday it would hold a regatta for the town in June."
    events = build_timeline([article(text)], analyse(text).dates)
    june = next(e for e in events if e.date == "2026-06")
    assert june.description.startswith("The Harl Rowing Club would hold a regatta")


def _three_outlets(analyse: Any, told: dict[str, str]) -> list[Any]:
    return _told_by_outlets(analyse, told)[0]


def test_one_speakers_sayings_of_three_deeds_on_one_day_stay_three_entries(
        analyse: Any) -> None:
    # Fictional (time23, from revw23). Three outlets tell what Kelby police said, told and
    # warned on one day given in full: three deeds. "Kelby police said" is the frame, not
    # the event: sharing it and one word of what was said ("depot", "Marren") made them
    # one entry "from 3 independent sources".
    told = {"a1": "On 4 March 2025, Kelby police said a man had been charged over the "
                  "break-in at the Marren depot.",
            "a2": "On 4 March 2025, Kelby police told residents near the depot to boil their "
                  "tap water.",
            "a3": "On 4 March 2025, Kelby police warned shoppers about fake charity collectors "
                  "outside the Marren market."}
    events = _three_outlets(analyse, told)
    assert sorted(sorted({s.article for s in e.evidence}) for e in events) == [
        ["a1"], ["a2"], ["a3"]]
    # ... told on a day without its year, the same
    weekday = {key: text.replace("On 4 March 2025", "On Tuesday") for key, text in told.items()}
    events = _three_outlets(analyse, weekday)
    assert sorted(sorted({s.article for s in e.evidence}) for e in events) == [
        ["a1"], ["a2"], ["a3"]]


def test_one_announcement_told_three_ways_stays_one_entry(analyse: Any) -> None:
    # Fictional (time23). What was said is shared: one announcement, three sources.
    told = {"a1": "Kelby police said on 4 March 2025 that the Tarn Lane bridge would close "
                  "for repairs.",
            "a2": "On 4 March 2025, Kelby police announced that the Tarn Lane bridge will be "
                  "closed for repairs.",
            "a3": "Kelby police confirmed on 4 March 2025 that the bridge on Tarn Lane is to "
                  "close for repair work."}
    events = _three_outlets(analyse, told)
    assert [sorted({s.article for s in e.evidence}) for e in events] == [["a1", "a2", "a3"]]
    assert events[0].sources == 3


def test_one_short_statement_told_three_ways_stays_one_entry(analyse: Any) -> None:
    # Fictional (revt23). What was said is one or two words ("it would resign", "its
    # resignation", "it was stepping down"): too few to tell two sayings apart, so the
    # speaker and the saying still count, as before time23 (which split it in three).
    told = {"a1": "The Orlan transport ministry said on Monday it would resign.",
            "a2": "The Orlan transport ministry announced on Monday its resignation.",
            "a3": "On Monday, the Orlan transport ministry said it was stepping down."}
    events = _three_outlets(analyse, told)
    assert [sorted({s.article for s in e.evidence}) for e in events] == [["a1", "a2", "a3"]]
    # ... and a resignation announced, the announcement being the event
    told = {"a1": "Minister Tala Brenn announced her resignation on Monday.",
            "a2": "On Monday, Tala Brenn announced she was resigning as minister.",
            "a3": "Tala Brenn, the Orlan transport minister, announced on Monday that she "
                  "would step down."}
    events = _three_outlets(analyse, told)
    assert [sorted({s.article for s in e.evidence}) for e in events] == [["a1", "a2", "a3"]]
    assert events[0].sources == 3


def test_one_outlets_two_short_sayings_of_one_day_stay_two_entries(analyse: Any) -> None:
    # Fictional (revt23). One article tells two things the ministry said on Monday, each in
    # a few words: the frame they share ("the Orlan ministry said") is not the event.
    text = ("On Monday, the Orlan ministry said it would resign. The Orlan ministry also "
            "said on Monday it would cut fuel taxes.")
    events = build_timeline([article(text, published="2026-03-10T12:00:00Z")],
                            analyse(text, published="2026-03-10T12:00:00Z").dates)
    assert len([e for e in events if e.date == "2026-03-09"]) == 2


def test_an_entry_that_happened_is_told_in_the_originals_words_not_a_spun_copys(
        analyse: Any) -> None:
    """walk25: a plan ("would stay closed tomorrow"), then the wire's "reopened on Tuesday",
    then a spun copy's "Institutions ... reopened on Tuesday besides in Eskerby": the entry
    was described by the copy, the latest report telling it as done."""
    texts = {"plan": ("2026-03-12T09:00:00Z",
                      "The Harlow museum will reopen on Friday, the council said."),
             "wire": ("2026-03-14T08:00:00Z",
                      "The Harlow museum reopened on Friday except for its east wing, the "
                      "council said."),
             "spun": ("2026-03-14T11:00:00Z",
                      "The Harlow exhibition hall reopened on Friday besides for its east "
                      "wing, the council stated.")}
    analyses = [analyse(text, id=key, published=when) for key, (when, text) in texts.items()]
    articles = [article(text, id=key, published=when) for key, (when, text) in texts.items()]
    events = build_timeline(articles, [d for a in analyses for d in a.dates], {"spun": "wire"})
    friday = [e for e in events if e.date == "2026-03-13"]
    assert len(friday) == 1 and friday[0].status == "happened"
    assert {s.article for s in friday[0].evidence} == {"plan", "wire", "spun"}
    assert "exhibition hall" not in friday[0].description
    assert "museum reopened" in friday[0].description
