"""A stress set for the cross-article linker: stories where a link rule could merge two people.

Each story is a few fictional articles with the hard cases news gives: two people sharing
a surname (a mother and son, two ministers named Khan), a description two people fit (an
unnamed suspect and a named victim, both "a Chicago teenager"), a title two people hold in
two articles ("the minister"), a place that is also a body's name ("a Kestrel Bay coach"
beside the "Kestrel Bay Rowing Club" coach), a home town shared by the accused and the
victim. Each lists phrases a reader can tell apart, with the person each refers to; the
test fails when one Storyline entity holds phrases of two different people. A missed link
passes: a false merge is worse than a missed one.

All texts are fictional.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from storyline.entities import link_entities


class Said(NamedTuple):
    """A phrase of one article (its first occurrence; `part`: the words matched inside
    it, where the phrase only finds the place) and the person it refers to."""

    article: int
    phrase: str
    person: str
    part: str = ""


class Story(NamedTuple):
    name: str
    texts: tuple[str, ...]
    said: tuple[Said, ...]


MOTHER_AND_SON = Story("mother and son", (
    "Police in Brenmoor named the woman found dead at her home as Dorota Khalil, 62. Her "
    "son, Idris Khalil, 34, was arrested on Tuesday.",
    "Idris Khalil appeared before magistrates on Thursday charged with murdering his mother. "
    "Khalil, who wore a grey tracksuit, spoke only to confirm his name.",
    "A Brenmoor mother of four was killed in her kitchen, a court heard on Friday. Mrs Khalil "
    "had called the police twice that month.",
    "Khalil was remanded in custody until a hearing in March.",
), (
    Said(0, "Dorota Khalil", "dorota"), Said(2, "Mrs Khalil", "dorota"),
    Said(2, "A Brenmoor mother of four", "dorota"),
    Said(0, "Idris Khalil", "idris"), Said(1, "Idris Khalil", "idris"),
    Said(1, "Khalil, who", "idris", "Khalil"), Said(3, "Khalil was", "idris", "Khalil"),
))

BARE_SURNAMES_OF_TWO = Story("two articles naming neither bearer, each by the bare surname", (
    "Police in Brenmoor named the woman found dead at her home as Dorota Khalil, 62. Her "
    "son, Idris Khalil, 34, was arrested on Tuesday.",
    "Idris Khalil appeared before magistrates on Thursday charged with murdering his mother.",
    "Khalil was remanded in custody until a hearing in March.",
    "Neighbours laid flowers on Sunday. Khalil had lived on the street for forty years, "
    "they said.",
), (
    Said(0, "Dorota Khalil", "dorota"), Said(0, "Idris Khalil", "idris"),
    Said(1, "Idris Khalil", "idris"), Said(2, "Khalil was", "idris", "Khalil"),
    Said(3, "Khalil had", "dorota", "Khalil"),
))

TWO_MINISTERS_KHAN = Story("two ministers named Khan", (
    "Finance Minister Ayesha Khan presented the budget to parliament on Monday. The minister "
    "said income tax would not rise this year.",
    "Health Minister Tariq Khan warned on Tuesday that hospitals faced cuts. The minister "
    "told reporters the budget left his department short.",
    "Opposition leader Ruth Abara said the finance minister had misled parliament about the "
    "budget. Ms Khan rejected the claim on Wednesday.",
), (
    Said(0, "Ayesha Khan", "ayesha"), Said(0, "The minister", "ayesha"),
    Said(2, "Ms Khan", "ayesha"), Said(2, "the finance minister", "ayesha"),
    Said(1, "Tariq Khan", "tariq"), Said(1, "The minister", "tariq"),
    Said(2, "Ruth Abara", "ruth"),
))

TWO_TEENAGERS = Story("an unnamed suspect and a named victim, both Chicago teenagers", (
    "A Chicago teenager was charged on Friday with shooting another teenager outside a high "
    "school.",
    "Marcus Dell, a Chicago teenager, died in hospital on Thursday night after he was shot "
    "outside Lakeview High School. Police said the suspect, 16, could not be named because "
    "of his age.",
    "The Chicago teenager accused of the shooting appeared in juvenile court on Monday. "
    "Renee Dell, the victim's mother, wept in the gallery.",
), (
    Said(0, "A Chicago teenager", "suspect"), Said(1, "the suspect", "suspect"),
    Said(2, "The Chicago teenager", "suspect"),
    Said(1, "Marcus Dell", "marcus"), Said(2, "Renee Dell", "renee"),
))

TWO_TRANSPORT_MINISTERS = Story("one title held by two people in two articles", (
    "Transport Minister Helga Brandt opened the new rail line at Osterby on Monday. The "
    "minister cut a ribbon on the platform.",
    "The Osterby line closed a year later. Transport Minister Piet Vandersloot, who replaced "
    "Brandt in a reshuffle, said the minister before him had ignored warnings.",
    "The minister promised on Friday that a new line would open by spring.",
), (
    Said(0, "Helga Brandt", "helga"), Said(0, "The minister", "helga"),
    Said(1, "Brandt in", "helga", "Brandt"), Said(1, "the minister before", "helga"),
    Said(1, "Piet Vandersloot", "piet"),
))

PLACE_AND_CLUB = Story("a place that is also a club's name", (
    "A Kestrel Bay coach was arrested on Saturday over missing club funds.",
    "Lena Ortiz, a Kestrel Bay Rowing Club coach, said members were shocked. \"We trusted "
    "everyone,\" Ortiz said.",
    "The arrested coach, who has not been named, was released on bail on Sunday. Kestrel Bay "
    "Rowing Club said it was helping the police.",
), (
    Said(0, "A Kestrel Bay coach", "arrested"), Said(2, "The arrested coach", "arrested"),
    Said(1, "Lena Ortiz", "lena"), Said(1, "Ortiz said", "lena", "Ortiz"),
))

ONE_HOME_TOWN = Story("the accused and the victim from one town", (
    "A Holtby man was charged on Sunday with attacking a neighbour.",
    "Ewan Pask, of Holtby, was treated in hospital for head wounds after the attack. Pask, "
    "58, is expected to recover.",
    "The Holtby man accused of the attack will appear in court on Monday, police said.",
), (
    Said(0, "A Holtby man", "accused"), Said(2, "The Holtby man", "accused"),
    Said(1, "Ewan Pask", "ewan"), Said(1, "Pask, 58", "ewan", "Pask"),
))

TWO_NAMED_TEENAGERS = Story("two named teenagers and a description in a third article", (
    "Chicago teenager Marcus Dell was shot outside Lakeview High School on Thursday.",
    "Police charged Chicago teenager Jalen Price, 17, with the shooting on Friday.",
    "The Chicago teenager appeared in court on Monday, his lawyer said.",
), (
    Said(0, "Marcus Dell", "marcus"), Said(1, "Jalen Price", "jalen"),
    Said(2, "The Chicago teenager", "jalen"),
))

HEADLINE_NOUN_AND_VICTIM = Story("a headline's suspect and the victim the article names", (
    "Teenager Charged Over Lakeview Shooting\n\nA 16-year-old boy was charged on Friday "
    "with the shooting of Marcus Dell outside Lakeview High School. Dell, 17, died in "
    "hospital. The boy cannot be named because of his age.",
    "Marcus Dell was remembered at a vigil on Saturday. \"He was kind,\" his aunt, Renee "
    "Dell, said.",
), (
    Said(0, "Teenager", "suspect"), Said(0, "A 16-year-old boy", "suspect"),
    Said(0, "Marcus Dell", "marcus"), Said(0, "Dell, 17", "marcus", "Dell"),
    Said(1, "Marcus Dell", "marcus"), Said(1, "Renee", "renee", "Renee"),
))

STORIES = [MOTHER_AND_SON, BARE_SURNAMES_OF_TWO, TWO_MINISTERS_KHAN, TWO_TEENAGERS,
           TWO_TRANSPORT_MINISTERS, PLACE_AND_CLUB, ONE_HOME_TOWN, TWO_NAMED_TEENAGERS,
           HEADLINE_NOUN_AND_VICTIM]


def story_entities(analyse: Any, story: Story) -> Any:
    """The story's articles analysed one by one, their mentions linked together."""
    mentions = [m for number, text in enumerate(story.texts)
                for m in analyse(text, id=f"a{number}").mentions]
    return link_entities(mentions, {f"a{n}": text for n, text in enumerate(story.texts)})


def entities_said(index: Any, story: Story) -> dict[Said, str | None]:
    """The entity each listed phrase finds (None: no entity)."""
    found: dict[Said, str | None] = {}
    for said in story.said:
        text = story.texts[said.article]
        start = text.index(said.phrase) + said.phrase.index(said.part or said.phrase)
        found[said] = index.entity_at(f"a{said.article}", start,
                                      start + len(said.part or said.phrase))
    return found


def false_merges(story: Story, found: dict[Said, str | None]) -> list[tuple[str, str]]:
    """Pairs of phrases of different people that one entity holds."""
    return [(a.phrase, b.phrase) for a in story.said for b in story.said
            if a.person < b.person and found[a] is not None and found[a] == found[b]]


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_no_entity_holds_two_people(analyse: Any, story: Story) -> None:
    found = entities_said(story_entities(analyse, story), story)
    assert false_merges(story, found) == []


def test_the_stress_check_sees_a_merge() -> None:
    """The check itself: two people's phrases in one entity are a false merge."""
    story = Story("check", ("Ann Poe met Eve Roe.",),
                  (Said(0, "Ann Poe", "ann"), Said(0, "Eve Roe", "eve")))
    assert false_merges(story, {story.said[0]: "p1", story.said[1]: "p1"}) == \
        [("Ann Poe", "Eve Roe")]
    assert false_merges(story, {story.said[0]: "p1", story.said[1]: None}) == []
