"""Story clustering: stories stay apart, bridged stories merge, similar stories share a topic."""

from __future__ import annotations

import heapq
import json
import random
from collections import Counter
from collections.abc import Iterable
from typing import Any

from storyline import cluster
from storyline.cluster import MemoryStoryIndex, StoryState, article_vector, assign_stories
from tests.conftest import article

# Two earthquakes: the same kind of event in two places, one topic.
QESHM = [
    article("An earthquake of magnitude 6.1 struck Qeshm island on Sunday, destroying houses "
            "in the village of Dargahan, and rescue teams searched the rubble for survivors, "
            "governor Hamid Sadri said.", id="qeshm-1", published="2026-03-01T08:00:00Z"),
    article("Rescue teams pulled survivors from the rubble of collapsed houses in Dargahan "
            "after Sunday's earthquake, governor Hamid Sadri said.",
            id="qeshm-2", published="2026-03-02T08:00:00Z"),
    article("The earthquake on Qeshm island killed seven people, and rescue teams searched "
            "collapsed houses.",
            id="qeshm-3", published="2026-03-02T10:00:00Z"),
]
LORCA = [
    article("A magnitude 5.2 earthquake shook Lorca in southern Spain on Wednesday and "
            "toppled the church tower; mayor Ines Jodar said rescue teams searched the rubble "
            "for survivors.", id="lorca-1", published="2026-03-04T08:00:00Z"),
    article("Rescue teams pulled survivors from the rubble of collapsed houses in Lorca after "
            "Wednesday's earthquake, mayor Ines Jodar said.",
            id="lorca-2", published="2026-03-05T08:00:00Z"),
    article("The earthquake in Lorca killed two people near the church tower, and rescue "
            "teams searched collapsed houses.",
            id="lorca-3", published="2026-03-05T09:00:00Z"),
]
CUP_FINAL = article("Dunmore Rovers beat Halloway Town three goals to one in the cup final on "
                    "Saturday, with striker Ona Marr scoring twice.", id="cup",
                    published="2026-03-05T20:00:00Z")

# Two halves of one flood story, and an article that reports both.
FLOOD_WATER = article("Flood water covered meadows, orchards and lanes.", id="flood-a")
FLOOD_HELP = article("Flood volunteers filled sandbags beside shelters.", id="flood-b")
FLOOD_BOTH = article("Flood water covered meadows, orchards and lanes; volunteers filled "
                     "sandbags beside shelters.", id="flood-c")


def test_demo_splits_into_two_stories(demo_dossiers: list[dict[str, Any]]) -> None:
    groups = sorted(sorted(a["id"] for a in d["articles"]) for d in demo_dossiers)
    assert len(groups) == 2
    gallery = next(g for g in groups if "port-elsin-gazette" in g)
    assert gallery == ["arts-weekly", "morning-brief-3", "port-elsin-gazette"]


def test_assignment_is_incremental_and_stable(demo_articles: list[Any]) -> None:
    states: list[StoryState] = []
    first = assign_stories(states, demo_articles[:6])
    ids_before = {s.id for s in states}
    second = assign_stories(states, demo_articles[6:])
    assert ids_before <= {s.id for s in states}
    assert set(first).isdisjoint(second)
    assert len({*first.values(), *second.values()}) == 2


def test_vectors_are_unit_length(demo_articles: list[Any]) -> None:
    vector = article_vector(demo_articles[0])
    assert abs(sum(v * v for v in vector.values()) - 1.0) < 1e-9


def test_a_bridging_article_merges_two_stories_into_the_older() -> None:
    states: list[StoryState] = []
    first = assign_stories(states, [FLOOD_WATER])[FLOOD_WATER.key]
    second = assign_stories(states, [FLOOD_HELP])[FLOOD_HELP.key]
    assert first != second  # too little in common to join
    assignment = assign_stories(states, [FLOOD_BOTH])
    assert assignment == {FLOOD_BOTH.key: first}
    [story] = states
    assert story.id == first and story.absorbed == [second] and story.size == 3
    assert set(story.keys) == {FLOOD_WATER.key, FLOOD_HELP.key, FLOOD_BOTH.key}
    # a later story never gets the merged-away id
    assign_stories(states, [CUP_FINAL])
    assert second not in {s.id for s in states}


def test_the_same_merge_in_one_batch() -> None:
    states: list[StoryState] = []
    assignment = assign_stories(states, [FLOOD_WATER, FLOOD_HELP, FLOOD_BOTH])
    assert len(states) == 1 and set(assignment.values()) == {states[0].id}


def test_only_a_single_article_story_is_merged(monkeypatch: Any) -> None:
    states: list[StoryState] = []
    for item in (*QESHM, *LORCA[:2]):
        assign_stories(states, [item])
    monkeypatch.setattr(cluster, "MERGE_THRESHOLD", 0.0)  # only the size rule stops merges
    assign_stories(states, [LORCA[2]])
    assert [s.size for s in states] == [3, 3]
    assign_stories(states, [article("Aftershocks rattled Dargahan on Monday.", id="after")])
    assert sorted(s.size for s in states) == [3, 4]  # the new single article merges


# Other news of the same days: what makes words like "houses" or "people" common.
BACKGROUND = [
    article("The Halloway ferry resumed service on Tuesday after the storm, captain Oskar "
            "Feld said, and people queued at the pier.", id="ferry"),
    article("Councillor Ada Brennick said the Lowmere market hall will stay open, and traders "
            "welcomed the decision on Monday.", id="market"),
    article("Tenants of the Marlow Fen houses protested rent rises outside the town hall on "
            "Thursday, organiser Petra Lind said.", id="rents"),
    article("The Port Elsin orchestra played its last concert of the season, conductor Ilse "
            "Varga said, and people stood to applaud.", id="concert"),
]


def test_two_earthquakes_stay_apart_but_share_a_topic() -> None:
    states: list[StoryState] = []
    for item in (*BACKGROUND, *QESHM, *LORCA, CUP_FINAL):
        assign_stories(states, [item])
    *others, quake, lorca, cup = states
    assert len(others) == len(BACKGROUND)
    assert (quake.size, lorca.size, cup.size) == (3, 3, 1)
    assert set(quake.keys) == {a.key for a in QESHM}
    assert quake.topic == lorca.topic == quake.id
    assert [s.topic for s in (cup, *others)] == [s.id for s in (cup, *others)]


def test_only_the_first_candidates_are_weighed_for_a_topic(monkeypatch: Any) -> None:
    # the first candidate of a story's lookup is the story itself: weighing only it,
    # the two earthquakes find no topic to share
    monkeypatch.setattr(cluster, "TOPIC_CANDIDATES", 1)
    states: list[StoryState] = []
    for item in (*BACKGROUND, *QESHM, *LORCA):
        assign_stories(states, [item])
    quake, lorca = states[-2:]
    assert (quake.size, lorca.size) == (3, 3)
    assert (quake.topic, lorca.topic) == (quake.id, lorca.id)


def test_one_story_over_weeks_stays_together() -> None:
    days = ["2026-01-05", "2026-01-26", "2026-02-20", "2026-03-25", "2026-04-30"]
    texts = [f"The Kestrel River Bridge in Dunmore stays closed, engineer Tomas Brandt said "
             f"on day {number}, while repairs to the cracked supports continue."
             for number in range(len(days))]
    states: list[StoryState] = []
    for number, (day, text) in enumerate(zip(days, texts, strict=True)):
        assign_stories(states, [article(text, id=f"bridge-{number}",
                                        published=f"{day}T09:00:00Z")])
    assert [s.size for s in states] == [5]


def test_state_round_trip_keeps_the_topic() -> None:
    state = StoryState("s2", "Lorca", {"lorca": 1.0}, 3, 1.0, 2.0, topic="s1")
    back = StoryState.from_json("s2", "Lorca", state.to_json(), "s1")
    assert (back.terms, back.size, back.first, back.last, back.topic) == (
        state.terms, 3, 1.0, 2.0, "s1")
    assert StoryState.from_json("s3", "New", {}).topic == "s3"


def test_candidate_lookups_are_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr(cluster, "MAX_POSTINGS", 3)
    states = [StoryState(f"s{n}", "t", {"common": 0.6, f"name{n}": 0.8}) for n in range(5)]
    index = MemoryStoryIndex(states[:2])
    assert [s.id for s in index.candidates(["common"])] == ["s0", "s1"]
    index = MemoryStoryIndex(states)
    assert index.candidates(["common"]) == []  # in every story: tells nothing
    assert [s.id for s in index.candidates(["name0", "common"])] == ["s0"]
    index.remove(states[4])
    index.remove(states[3])  # now in 3 stories: still too common
    assert index.candidates(["common"]) == []
    index.remove(states[2])
    assert [s.id for s in index.candidates(["common"])] == ["s0", "s1"]


def test_a_lookup_counts_only_the_newest_postings_of_a_term(monkeypatch: Any) -> None:
    monkeypatch.setattr(cluster, "POSTINGS_COUNTED", 2)
    states = [StoryState(f"s{n}", "t", {"ferry": 0.6, f"name{n}": 0.8}) for n in range(4)]
    index = MemoryStoryIndex(states)
    # "ferry" indexes four stories: only the two newest are counted
    assert [s.id for s in index.candidates(["ferry"])] == ["s2", "s3"]
    # a rarer term still finds an old story (after those of the stronger term)
    assert [s.id for s in index.candidates(["ferry", "name0"])] == ["s2", "s3", "s0"]
    index.remove(states[3])
    assert [s.id for s in index.candidates(["ferry"])] == ["s1", "s2"]


def test_candidates_share_the_most_terms_then_the_strongest_then_the_oldest(
        monkeypatch: Any) -> None:
    monkeypatch.setattr(cluster, "MAX_CANDIDATES", 3)
    states = [StoryState("s0", "t", {"b": 0.5, "x": 0.1}), StoryState("s1", "t", {"b": 0.5}),
              StoryState("s2", "t", {"a": 0.5}), StoryState("s3", "t", {"a": 0.5, "b": 0.4})]
    index = MemoryStoryIndex(states)
    assert [s.id for s in index.candidates(["a", "b", "x"])] == ["s3", "s0", "s2"]
    assert [s.id for s in index.candidates(["a", "b"])] == ["s3", "s2", "s0"]


def test_a_kept_index_gives_what_a_list_gives(demo_articles: list[Any]) -> None:
    states: list[StoryState] = []
    index = MemoryStoryIndex()
    for number in range(0, len(demo_articles), 2):
        batch = demo_articles[number:number + 2]
        assert assign_stories(states, batch) == assign_stories(index, batch)
    assert [(s.id, s.keys, s.topic, s.terms) for s in states] == [
        (s.id, s.keys, s.topic, s.terms) for s in index.states]


def test_a_topic_pass_weighs_each_term_once() -> None:
    asked: Counter[str] = Counter()

    class CountingIndex(MemoryStoryIndex):
        def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
            wanted = list(terms)
            asked.update(wanted)
            return super().term_counts(wanted)

    index = CountingIndex(StoryState(f"b{n}", a.title, article_vector(a), 1)
                          for n, a in enumerate(BACKGROUND))
    assign_stories(index, [*QESHM, *LORCA, CUP_FINAL])
    # each story's weighted centroid is computed once, however often it is a candidate
    assert len(asked) > 50 and max(asked.values()) == 1


def test_strongest_terms_are_those_of_nlargest_ties_in_insertion_order() -> None:
    assert cluster._strongest({"a": 1.0, "b": 2.0, "c": 2.0, "d": 0.5}, 3) == ["b", "c", "a"]
    rng = random.Random(7)
    for size in (5, 150, 400):
        vector = {f"t{n}": rng.choice((0.1, 0.2, rng.random())) for n in range(size)}
        for count in (1, 25, 150):
            assert cluster._strongest(vector, count) == heapq.nlargest(
                count, vector, key=vector.__getitem__)


# A minister's two trips to one port, a year apart: the same kind of event, two stories.
def _visit(year: int, number: int, day: int) -> Any:
    texts = [
        "Trade minister Halvard Oyen arrived in Karnhaven on Monday for talks on the "
        "harbour tariffs, meeting mayor Bettina Soll at the customs house.",
        "Minister Halvard Oyen toured the Karnhaven harbour and the customs house with "
        "mayor Bettina Soll, and said the tariff talks went well.",
        "Halvard Oyen ended his visit to Karnhaven with a promise to cut harbour tariffs, "
        "mayor Bettina Soll told reporters outside the customs house.",
    ]
    return article(texts[number], id=f"visit-{year}-{number}",
                   published=f"{year}-03-{day:02d}T09:00:00Z")


def _partition(states: Iterable[StoryState]) -> set[frozenset[str]]:
    return {frozenset(s.keys) for s in states}


def test_a_trip_a_year_later_starts_a_story_of_its_own() -> None:
    states: list[StoryState] = []
    for item in (*BACKGROUND, _visit(2025, 0, 3), _visit(2025, 1, 4)):
        assign_stories(states, [item])
    later = assign_stories(states, [_visit(2026, 0, 2)])
    assert later[_visit(2026, 0, 2).key] != states[len(BACKGROUND)].id
    assert len(states) == len(BACKGROUND) + 2
    # nor merged with it, nor linked into its topic: the checks see the window only
    trip, again = states[-2:]
    assert (trip.size, again.size) == (2, 1) and trip.topic != again.topic


def test_an_archive_loaded_after_todays_feed_finds_its_own_story() -> None:
    index = MemoryStoryIndex()
    today = assign_stories(index, [*BACKGROUND, _visit(2026, 0, 2), _visit(2026, 1, 3)])
    archive = [assign_stories(index, [_visit(2025, n, 3 + n)]) for n in range(3)]
    ids = {story for found in archive for story in found.values()}
    assert len(ids) == 1 and ids.isdisjoint(today.values())  # one story, not three
    # an older article joins a story whose first article is later (within the window)
    preview = article("Trade minister Halvard Oyen will visit Karnhaven for talks on the "
                      "harbour tariffs and meet mayor Bettina Soll, his office said.",
                      id="preview", published="2026-02-10T09:00:00Z")
    assert assign_stories(index, [preview])[preview.key] == today[_visit(2026, 0, 2).key]


def test_a_wrong_year_closes_no_story() -> None:
    index = MemoryStoryIndex()
    first = assign_stories(index, [_visit(2026, 0, 2)])
    typo = article("The Halloway ferry sank in a storm, captain Ona Marr said.", id="typo",
                   published="2096-03-05T09:00:00Z")
    copy = article(_visit(2026, 1, 3).text, id="typo-copy", published="2196-03-03T09:00:00Z")
    placed = assign_stories(index, [typo, copy])
    assert len(set(placed.values())) == 2 and first[_visit(2026, 0, 2).key] not in placed.values()
    again = assign_stories(index, [_visit(2026, 2, 4)])
    assert set(again.values()) == set(first.values())


def test_the_order_of_arrival_does_not_change_dated_stories() -> None:
    preview = article("Trade minister Halvard Oyen will visit Karnhaven for talks on the "
                      "harbour tariffs and meet mayor Bettina Soll, his office said.",
                      id="preview", published="2026-02-10T09:00:00Z")
    typo = article(_visit(2026, 1, 3).text, id="typo", published="2096-03-03T09:00:00Z")
    trips = [[_visit(year, n, 3 + n) for n in range(3)] for year in (2025, 2026)]
    items = [CUP_FINAL, preview, typo, *trips[0], *trips[1]]
    expected = {frozenset(a.key for a in group)
                for group in ([CUP_FINAL], [typo], trips[0], [preview, *trips[1]])}
    for seed in range(5):
        states: list[StoryState] = []
        for item in random.Random(seed).sample(items, len(items)):
            assign_stories(states, [item])
        assert _partition(states) == expected


def test_candidates_are_stories_within_the_window_of_the_dates() -> None:
    day = 86400.0
    dated = [StoryState(f"s{n}", "t", {"oyen": 1.0}, 1, first, last)
             for n, (first, last) in enumerate([(0.0, 10 * day), (100 * day, 130 * day),
                                                (200 * day, 200 * day), (None, None)])]
    index = MemoryStoryIndex(dated)
    ids = [[s.id for s in index.candidates(["oyen"], cluster.window_of(f, lf))]
           for f, lf in [(70 * day, 70 * day), (71 * day, 71 * day), (-60 * day, -60 * day),
                         (140 * day, 140 * day), (None, None), (71 * day, 141 * day)]]
    assert ids == [["s0", "s1", "s3"], ["s1", "s3"], ["s0", "s3"], ["s1", "s2", "s3"],
                   ["s0", "s1", "s2", "s3"], ["s1", "s2", "s3"]]


def test_a_wrong_early_topic_link_is_undone_when_the_story_grows() -> None:
    index = MemoryStoryIndex(StoryState(f"b{n}", a.title, article_vector(a), 1)
                             for n, a in enumerate(BACKGROUND))
    for item in (*QESHM, *LORCA):
        assign_stories(index, [item])
    assign_stories(index, [CUP_FINAL])
    quake, lorca, cup = index.states[-3:]
    assert quake.topic == lorca.topic == quake.id and cup.topic == cup.id
    index.set_topic(cup, quake.id)  # as if linked on a first article that fit the quakes
    more = article("Striker Ona Marr scored twice as Dunmore Rovers won the cup final "
                   "against Halloway Town on Saturday.", id="cup-2")
    assert assign_stories(index, [more]) == {more.key: cup.id}
    assert (quake.topic, lorca.topic, cup.topic) == (quake.id, quake.id, cup.id)
    assert index.topic_members(quake.id, 10) == [quake, lorca]


def test_a_neighbourhood_too_large_to_regroup_is_only_joined(monkeypatch: Any) -> None:
    monkeypatch.setattr(cluster, "REGROUP_MAX_STORIES", 1)
    index = MemoryStoryIndex()
    for item in (*BACKGROUND, *QESHM, *LORCA, CUP_FINAL):
        assign_stories(index, [item])
    quake, lorca, cup = index.states[-3:]
    assert quake.topic == lorca.topic == quake.id and cup.topic == cup.id  # joined
    index.set_topic(cup, quake.id)
    assign_stories(index, [article("Striker Ona Marr scored twice in the cup final.",
                                   id="cup-2")])
    assert cup.topic == quake.id  # too large a neighbourhood: not split


class _Table:
    """Similarities of stories given by hand, in place of rarity-weighted centroids."""

    def __init__(self, scores: dict[tuple[str, str], float]) -> None:
        self.scores = scores

    def similarity(self, story: StoryState, other: StoryState) -> float:
        return self.scores.get((story.id, other.id), self.scores.get((other.id, story.id), 0.0))


def test_average_link_does_not_chain_through_one_close_pair() -> None:
    a, b, c = (StoryState(name, name, size=2) for name in "abc")
    # single link would put c with a and b (b-c reaches the threshold); the mean of a-c
    # and b-c does not
    table = _Table({("a", "b"): 0.5, ("b", "c"): cluster.TOPIC_THRESHOLD + 0.05})
    groups = cluster._average_link([a, b, c], table)  # type: ignore[arg-type]
    assert [[s.id for s in g] for g in groups] == [["a", "b"], ["c"]]
    table.scores[("a", "c")] = cluster.TOPIC_THRESHOLD + 0.05
    groups = cluster._average_link([a, b, c], table)  # type: ignore[arg-type]
    assert [[s.id for s in g] for g in groups] == [["a", "b", "c"]]


def test_average_link_weighs_stories_by_size() -> None:
    big, small, other = (StoryState("big", "t", size=9), StoryState("small", "t", size=1),
                         StoryState("other", "t", size=1))
    # other is close to the small story only: the mean of its two pairs would reach the
    # threshold, but weighted by size (9 articles far, 1 close) it falls short
    table = _Table({("big", "small"): 0.95, ("small", "other"): 0.9})
    groups = cluster._average_link([big, small, other], table)  # type: ignore[arg-type]
    assert [[s.id for s in g] for g in groups] == [["big", "small"], ["other"]]


class _AskedTable(_Table):
    """A `_Table` that records the pairs asked for."""

    def __init__(self, scores: dict[tuple[str, str], float]) -> None:
        super().__init__(scores)
        self.asked: list[tuple[str, str]] = []

    def similarity(self, story: StoryState, other: StoryState) -> float:
        self.asked.append((story.id, other.id))
        return super().similarity(story, other)


def test_a_candidate_of_the_own_topic_is_weighed_only_when_it_decides(
        monkeypatch: Any) -> None:
    monkeypatch.setattr(cluster, "REGROUP_MAX_STORIES", 1)  # too large: join only
    mine, sibling, other = (StoryState(name, name, {name: 1.0}, 2) for name in ("a", "b", "c"))
    index = MemoryStoryIndex([mine, sibling, other])
    index.join_topics("a", "b")
    regroup = cluster._regroup_topics
    # the other topic's candidate is not close enough: the own topic's is never weighed
    table = _AskedTable({("a", "b"): 0.9, ("a", "c"): cluster.TOPIC_THRESHOLD - 0.01})
    regroup(mine, index, table, [mine, sibling, other])  # type: ignore[arg-type]
    assert table.asked == [("a", "c")] and other.topic == "c"
    # close enough, but a story of the own topic is closer: nothing joins
    table = _AskedTable({("a", "b"): 0.9, ("a", "c"): 0.5})
    regroup(mine, index, table, [mine, sibling, other])  # type: ignore[arg-type]
    assert sorted(table.asked) == [("a", "b"), ("a", "c")] and other.topic == "c"
    # the other topic's candidate is the closest of all: joined
    table = _AskedTable({("a", "b"): 0.2, ("a", "c"): 0.5})
    regroup(mine, index, table, [mine, sibling, other])  # type: ignore[arg-type]
    assert other.topic == "a"


class _CountingIndex(MemoryStoryIndex):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookups = 0

    def candidates(self, top: Any, window: cluster.Window = None) -> list[StoryState]:
        self.lookups += 1
        return super().candidates(top, window)


def test_the_topic_pass_uses_the_lookups_of_the_merge_pass() -> None:
    index = _CountingIndex()
    assign_stories(index, [*BACKGROUND, *QESHM])
    index.lookups = 0
    assign_stories(index, [LORCA[0]])
    # the article's lookup and the new story's merge check; its topic check finds the
    # same candidates and looks up nothing
    assert index.lookups == 2


def test_a_lookup_a_merge_may_have_changed_is_made_again() -> None:
    index = MemoryStoryIndex()
    assign_stories(index, [FLOOD_WATER, CUP_FINAL])
    cup, water = index.states  # in publication order: the undated article last
    lookups = cluster._Lookups()
    lookups.candidates(index, water)
    lookups.candidates(index, cup)
    lookups.forget({"sandbags", "volunteers"})  # no term of either story: both kept
    ids = [water.id, cup.id]
    assert lookups.found(ids) == {water.id: [water], cup.id: [cup]}
    lookups.forget({"flood", "sandbags"})
    assert lookups.found(ids) == {cup.id: [cup]}


def test_stories_and_topics_are_those_of_fresh_lookups(monkeypatch: Any,
                                                       demo_articles: list[Any]) -> None:
    items = [*BACKGROUND, *QESHM, *LORCA, CUP_FINAL, FLOOD_WATER, FLOOD_HELP, FLOOD_BOTH,
             *demo_articles]
    for seed in range(4):
        order = random.Random(seed).sample(items, len(items))
        batches = [order[n:n + 3] for n in range(0, len(order), 3)]
        kept = MemoryStoryIndex()
        for batch in batches:
            assign_stories(kept, batch)
        with monkeypatch.context() as patch:  # every topic check looks its candidates up
            patch.setattr(cluster._Lookups, "found", lambda self, stories: {})
            fresh = MemoryStoryIndex()
            for batch in batches:
                assign_stories(fresh, batch)
        assert [(s.id, s.topic, s.size, s.terms) for s in kept.states] == [
            (s.id, s.topic, s.size, s.terms) for s in fresh.states]


def test_terms_are_one_string_object_per_word() -> None:
    """Articles and stored states share each term's string object, so comparing a
    centroid's terms with an article's is an identity check per shared term, not a
    comparison of two copies of the text scattered over a growing heap."""
    text = "Ferrywoman Ines Albrecht of Quillby said the Quillby ferry sails at dawn."
    first = article(text, id="q1")
    second = article(text.replace("dawn", "dusk"), id="q2")
    one, two = article_vector(first), article_vector(second)
    shared = one.keys() & two.keys()
    assert "quillby" in shared
    assert all(next(k for k in one if k == term) is next(k for k in two if k == term)
               for term in shared)
    # a state read back from JSON (new string objects) uses the same objects too
    copied = json.loads(json.dumps({"terms": one}))
    state = StoryState.from_json("s1", "Ferry", copied)
    assert all(next(k for k in state.terms if k == term) is next(k for k in one if k == term)
               for term in one)
