"""Summary: extractive, budgeted, ordered, and every sentence backed by its citations."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from storyline.cli import cli
from storyline.models import (
    Article,
    Divergence,
    DivergenceVersion,
    Fact,
    Span,
    SummarySentence,
)
from storyline.summary import (
    _LedeWords,
    candidate_sentences,
    contradicted,
    disputed_where_stated,
    summarize,
    unsupported_citation,
)
from storyline.text import (
    MONTH_NAMES,
    STOPWORDS,
    WEEKDAYS,
    content_words,
    crude_stem,
    is_negated,
    words,
)
from tests.conftest import article as _article


def article(text: str, *, id: str = "a1", outlet: str = "") -> Article:
    """A hand-made article; each from its own outlet unless `outlet` says otherwise."""
    return _article(text, id=id, outlet=outlet or f"Outlet {id}")


def test_summary_respects_length(bridge: dict[str, Any]) -> None:
    words = sum(len(s["text"].split()) for s in bridge["summary"])
    assert 40 <= words <= 120


def test_every_summary_sentence_is_supported_by_each_of_its_citations(
        bridge: dict[str, Any]) -> None:
    # Each citation on its own: the union of the spans always holds the first one, the
    # sentence itself, so it would let any second citation through.
    texts = {a["id"]: a["text"] for a in bridge["articles"]}
    for sentence in bridge["summary"]:
        spans = [Span(c["article"], c["start"], c["end"]) for c in sentence["citations"]]
        group = _group_of(spans[0], bridge["facts"])
        assert texts[spans[0].article][spans[0].start:spans[0].end].strip() == sentence["text"]
        for index, span in enumerate(spans):
            assert unsupported_citation(sentence["text"], span, texts, group=group,
                                        first=index == 0) == [], (sentence["text"], span)
        # Checks of their own, not the code's rules: every other citation is about the
        # sentence, agrees on "not" and gives no other name, day, month or number.
        own = {crude_stem(w) for w in content_words(sentence["text"])}
        for span in spans[1:]:
            said = texts[span.article][span.start:span.end]
            theirs = {crude_stem(w) for w in content_words(said)}
            assert 3 * len(own & theirs) >= len(own), (sentence["text"], said)
            assert is_negated(said) == is_negated(sentence["text"])
            assert _differing(sentence["text"], said) == [], (sentence["text"], said)


def _differing(text: str, said: str) -> list[set[str]]:
    """Of names (capitalised words after the first), days, months and numbers: the kinds
    both texts give one of that the other lacks."""
    def kinds(part: str) -> list[set[str]]:
        said = words(part) + [""]
        # a number with the word it counts: "2 dock" and "4 dock" differ, "2 halves" and
        # "40000 vehicles" tell two things
        numbers = {f"{w} {said[i + 1]}" for i, w in enumerate(said) if w[:1].isdigit()}
        days = {w for w in words(part) if w in WEEKDAYS}
        months = {w for w in words(part) if w in MONTH_NAMES}
        # a name with the word after it: "Varga said" and "Roe said" differ, "Kestrel
        # River Bridge, the" and "Dunmore Engineering Institute (DEI)" tell two things
        names = {f"{m.group(1)} {m.group(2)}" for m in re.finditer(
            r"((?:[A-Z][a-z]+ )*[A-Z][a-z]+) ([a-z]+)", part)
            if m.group(2) not in STOPWORDS or m.group(2) in {"said", "told"}}
        return [numbers, days, months, names]
    found = [a ^ b for a, b in zip(kinds(text)[1:3], kinds(said)[1:3], strict=True)
             if a - b and b - a]
    for ours, theirs in zip(kinds(text)[0::3], kinds(said)[0::3], strict=True):
        counted = defaultdict(set)
        for item in ours ^ theirs:  # "2 of 4 piers" and "2 river piers" agree on the 2
            value, word = item.rsplit(" ", 1)
            if not any(n.rsplit(" ", 1)[0] == value
                       for n in (theirs if item in ours else ours)):
                counted[word].add(item)
        found += [pair for pair in counted.values() if len(pair) > 1]
    return found


# Fictional: three outlets on one crane collapse; two of them differ from the first on
# the inspection (who said it, and passed or failed), on the day the port reopens and on
# the number of workers hurt.
CRANE = {
    "post": "A harbour crane collapsed in Dunmore on Tuesday morning, injuring two dock "
            "workers. Harbour master Ilse Varga said the crane had passed an inspection in "
            "January. The port will stay closed until Friday while engineers examine the "
            "site. Varga said the cause was not yet known.",
    "daily": "A harbour crane collapsed in Dunmore on Tuesday morning, injuring four dock "
             "workers. Harbour master Tomas Roe said the crane had failed an inspection in "
             "January. Engineers are examining the site and the port is shut, officials said.",
    "herald": "Two dock workers were hurt when a harbour crane collapsed in Dunmore on "
              "Tuesday morning. The port will stay closed until Monday while engineers "
              "examine the site. A union spokesman called for a review of crane safety."}


def _sentence_of(key: str, start_words: str) -> Span:
    text = CRANE[key]
    start = text.index(start_words)
    return Span(key, start, text.index(".", start) + 1)


def test_a_grouped_span_giving_another_name_day_or_number_is_not_cited() -> None:
    """The paraphrase model scores "until Friday" and "until Monday" alike; a citation
    that says Monday does not back a sentence saying Friday."""
    articles = [article(text, id=key) for key, text in CRANE.items()]
    groups = [[("post", "A harbour"), ("daily", "A harbour"), ("herald", "Two dock")],
              [("post", "Harbour master"), ("daily", "Harbour master")],
              [("post", "The port"), ("herald", "The port")]]
    facts = []
    for number, group in enumerate(groups, start=1):
        spans = tuple(_sentence_of(key, words_) for key, words_ in group)
        facts.append(Fact(f"f{number}", CRANE[spans[0].article][spans[0].start:spans[0].end],
                          "corroborated", spans, len(spans)))
    brief = candidate_sentences(facts, articles, {key: key for key in CRANE})
    cited = {brief[i].text.split()[1]: [c.article for c in brief[i].citations]
             for i in brief}
    assert cited == {"harbour": ["post", "herald"], "master": ["post"], "port": ["post"]}
    texts = {key: text for key, text in CRANE.items()}
    port = _sentence_of("herald", "The port")
    assert unsupported_citation(brief[2].text, port, texts, group=facts[2].evidence) == [
        "friday (monday)"]
    roe = _sentence_of("daily", "Harbour master")
    assert unsupported_citation(brief[1].text, roe, texts, group=facts[1].evidence) == [
        "Ilse Varga (Tomas Roe)"]


def _group_of(span: Span, facts: list[dict[str, Any]]) -> tuple[Span, ...]:
    for fact in facts:
        evidence = tuple(Span(e["article"], e["start"], e["end"]) for e in fact["evidence"])
        if any(e.article == span.article and e.start <= span.start < span.end <= e.end
               for e in evidence):
            return evidence
    return ()


def test_a_citation_must_back_the_sentence_on_its_own() -> None:
    text = "The council's chief planner, Ilse Varga, apologised to Kelby residents."
    texts = {"a": text,
             "b": "The council's chief planner, Ilse Varga, said Kelby residents would get "
                  "a refund of 20 euros.",
             "c": "Ilse Varga, the council's chief planner, has apologised to residents of "
                  "Kelby.",
             "d": "The council's chief planner, Ilse Varga, did not apologise to Kelby "
                  "residents."}
    assert unsupported_citation(text, Span("a", 0, len(text)), texts, first=True) == []
    assert unsupported_citation(text, Span("b", 0, len(texts["b"])), texts) == ["apologis"]
    assert unsupported_citation(text, Span("c", 0, len(texts["c"])), texts) == []
    assert unsupported_citation(text, Span("d", 0, len(texts["d"])), texts) == ["(negation)"]
    # The aligner's paraphrase call stands for the words, not for "not".
    group = (Span("a", 0, len(text)), Span("b", 0, len(texts["b"])))
    assert unsupported_citation(text, Span("b", 0, len(texts["b"])), texts, group=group) == []
    assert unsupported_citation(text, Span("b", 0, 10), texts, first=True) != []


def test_a_grouped_citation_must_give_the_sentences_amounts() -> None:
    text = "The repairs to the Orlin water main would cost about 2.4 million euros and take " \
           "three weeks, the two engineers said."
    texts = {"a": text,
             "b": "The notice covers about 18,000 households, and the Orlin water authority "
                  "expects repairs to take three weeks.",
             "c": "Repairs to the main, costing some 2.4 million euros, will take three weeks."}
    group = tuple(Span(k, 0, len(v)) for k, v in texts.items())
    assert unsupported_citation(text, group[1], texts, group=group) == ["2.4"]
    assert unsupported_citation(text, group[2], texts, group=group) == []  # "two": no amount


def test_summary_prefers_corroborated_facts(bridge: dict[str, Any]) -> None:
    # A sentence may quote any original member of its fact: find the fact by the span.
    chosen = [_agreement_of(s["citations"][0], bridge["facts"]) for s in bridge["summary"]]
    # A disputed figure reported by several outlets is worth a sentence too.
    several = chosen.count("corroborated") + chosen.count("conflicting")
    assert several >= len(chosen) - 1 and chosen.count("corroborated") >= len(chosen) // 2
    assert any("closed to all traffic" in s["text"] for s in bridge["summary"])


def _agreement_of(citation: dict[str, Any], facts: list[dict[str, Any]]) -> str | None:
    for fact in facts:
        for span in fact["evidence"]:
            if span["article"] == citation["article"] \
                    and span["start"] <= citation["start"] < citation["end"] <= span["end"]:
                return str(fact["agreement"])
    return None


def test_summary_cites_independent_sources_once(bridge: dict[str, Any]) -> None:
    kinds = {p["article"]: p for p in bridge["provenance"]}
    for sentence in bridge["summary"]:
        cited = [c["article"] for c in sentence["citations"]]
        assert len(cited) == len(set(cited))
        assert len(cited) >= 2
        assert not any(kinds[a]["kind"] in {"duplicate", "reprint"} for a in cited[1:])


def _fact(fact_id: str, text: str, body: str, article_id: str = "a1", *,
          also: tuple[tuple[str, str], ...] = ()) -> Fact:
    """A fact citing `text` in `body` (and the same words in each (article, body) of `also`)."""
    start = body.index(text)
    evidence = [Span(article_id, start, start + len(text))]
    evidence += [Span(other, 0, len(other_body)) for other, other_body in also]
    return Fact(fact_id, text, "corroborated" if also else "single", tuple(evidence),
                1 + len(also))


def test_summary_prefers_a_sentence_that_adds_details_other_articles_share() -> None:
    first = ("Mayor Ilse Varga closed the Dunmore bridge on Monday. Wind farms near Kelby "
             "sell cheap power to the town bakeries. Inspectors from Ostrava found deep "
             "cracks in the piers of the Dunmore bridge.")
    second = "Varga closed the Dunmore bridge on Monday."
    third = "Inspectors from Ostrava said the cracks in the bridge piers were deep."
    articles = [article(first, id="a1"), article(second, id="a2"), article(third, id="a3")]
    closed = _fact("f1", "Mayor Ilse Varga closed the Dunmore bridge on Monday.", first,
                   also=(("a2", second),))
    # The wind farms come earlier in the article (a stronger lead) but no other article
    # mentions them; the cracks come later and two articles tell of them.
    power = _fact("f2", "Wind farms near Kelby sell cheap power to the town bakeries.", first)
    cracks = _fact("f3", "Inspectors from Ostrava found deep cracks in the piers of the "
                   "Dunmore bridge.", first)
    sources = {a.id: a.id for a in articles}
    brief = summarize([closed, power, cracks], [(0, 0), (1,), (2,)], articles, sources,
                      max_words=22)
    # The closure is quoted in a2's shorter wording (same names, fewer words).
    assert [s.text for s in brief] == [second, cracks.text]


def test_words_a_reprint_repeats_are_not_shared_details() -> None:
    first = ("Mayor Ilse Varga closed the Dunmore bridge on Monday. Wind farms near Kelby "
             "sell cheap power to the town bakeries. Inspectors from Ostrava found deep "
             "cracks in the piers of the Dunmore bridge.")
    second = "Varga closed the Dunmore bridge on Monday."
    reprint = "From the Dunmore Courier: " + first
    third = "Inspectors from Ostrava said the cracks in the bridge piers were deep."
    articles = [article(first, id="a1"), article(second, id="a2"),
                article(reprint, id="a3"), article(third, id="a4")]
    closed = _fact("f1", "Mayor Ilse Varga closed the Dunmore bridge on Monday.", first,
                   also=(("a2", second),))
    power = _fact("f2", "Wind farms near Kelby sell cheap power to the town bakeries.", first)
    cracks = _fact("f3", "Inspectors from Ostrava found deep cracks in the piers of the "
                   "Dunmore bridge.", first)
    # The reprint (a3) tells of the wind farms too, but it is a copy of a1: one source.
    sources = {"a1": "a1", "a2": "a2", "a3": "a1", "a4": "a4"}
    brief = summarize([closed, power, cracks], [(0, 0), (1,), (2,)], articles, sources,
                      max_words=22)
    # The closure is quoted in a2's shorter wording (same names, fewer words).
    assert [s.text for s in brief] == [second, cracks.text]


def test_summary_skips_a_sentence_that_mostly_repeats_the_brief() -> None:
    first = ("Mayor Ilse Varga closed the Dunmore bridge on Monday. Wind farms near Kelby "
             "sell cheap power to the town bakeries.")
    second = ("Mayor Ilse Varga shut the Dunmore bridge on Monday to protect commuters from "
              "falling concrete.")
    third = "Varga closed the Dunmore bridge on Monday."
    articles = [article(first, id="a1"), article(second, id="a2"), article(third, id="a3")]
    closed = _fact("f1", "Mayor Ilse Varga closed the Dunmore bridge on Monday.", first,
                   also=(("a3", third),))
    # Another outlet's wording of the same closure: new words from a new article, but most
    # of what it says the brief already says.
    shut = _fact("f2", second, second, "a2")
    power = _fact("f3", "Wind farms near Kelby sell cheap power to the town bakeries.", first)
    sources = {a.id: a.id for a in articles}
    brief = summarize([closed, shut, power], [(0, 0), (0,), (1,)], articles, sources,
                      max_words=25)
    assert [s.text for s in brief] == [third, power.text]  # a3 words the closure briefly


def test_headline_and_dateline_lines_are_cut_from_a_sentence() -> None:
    body = ("Dunmore bridge shut\n\nPosted: 3 March 2026, 09:15\n\nMayor Ilse Varga closed "
            "the Dunmore bridge on Monday after inspectors found cracks.\n\nMore to follow.")
    unit = body[:body.index("\n\nMore")]  # the splitter left the headline on the sentence
    fact = Fact("f1", unit, "single", (Span("a1", 0, len(unit)),), 1)
    brief = summarize([fact], [(0,)], [article(body, id="a1")], {"a1": "a1"})
    assert [s.text for s in brief] == [
        "Mayor Ilse Varga closed the Dunmore bridge on Monday after inspectors found cracks."]
    span = brief[0].citations[0]
    assert body[span.start:span.end] == brief[0].text


def test_a_fact_is_quoted_in_the_shortest_wording_that_keeps_its_names() -> None:
    long = ("On Monday morning, after a week of worried meetings at the town hall, Mayor Ilse "
            "Varga closed the Dunmore bridge to all traffic.")
    short = "Mayor Ilse Varga closed the Dunmore bridge on Monday."
    vague = "The bridge was closed by the town on Monday."
    articles = [article(long, id="a1"), article(short, id="a2"), article(vague, id="a3"),
                article("From the Wire: " + vague, id="a4")]
    sources = {"a1": "a1", "a2": "a2", "a3": "a3", "a4": "a3"}
    spans = (Span("a1", 0, len(long)), Span("a2", 0, len(short)), Span("a3", 0, len(vague)),
             Span("a4", 14, 14 + len(vague)))
    fact = Fact("f1", long, "corroborated", spans, 3)
    brief = summarize([fact], [(0, 0, 0, 0)], articles, sources)
    # The vague wording is shorter still but drops the mayor and the town's name.
    assert [s.text for s in brief] == [short]
    assert [c.article for c in brief[0].citations] == ["a2", "a1", "a3"]
    without_names = summarize([Fact("f1", long, "corroborated", spans[:1] + spans[2:], 2)],
                              [(0, 0, 0)], articles, sources)
    assert [s.text for s in without_names] == [long]


def test_an_outlet_stating_the_sentence_outside_its_fact_group_is_cited_too() -> None:
    text = "Mayor Ilse Varga closed the Dunmore bridge on Monday after inspectors found cracks."
    same = ("Wind farms near Kelby sell power. Mayor Ilse Varga closed the Dunmore bridge "
            "on Monday, hours after inspectors found cracks in two piers.")
    clause = "Mayor Ilse Varga of Dunmore spoke on Monday about the budget."
    articles = [article(text, id="a1"), article(same, id="a2"), article(clause, id="a3"),
                article("From the Wire: " + same, id="a4")]
    sources = {"a1": "a1", "a2": "a2", "a3": "a3", "a4": "a2"}
    fact = Fact("f1", text, "single", (Span("a1", 0, len(text)),), 1)
    brief = summarize([fact], [(0,)], articles, sources)
    start = same.index("Mayor")
    # a2 says it all (a4 copies a2); a3 has the names but not what happened.
    assert brief[0].citations == (Span("a1", 0, len(text)), Span("a2", start, len(same)))


def _one_fact(texts: dict[str, str], agreement: str, *, aligned: int | None = None) -> Any:
    """One fact over the first `aligned` texts (all by default); the rest are other
    outlets' articles the aligner did not put in it."""
    articles = [Article(id=key, source=f"{key}.txt", text=text, outlet=key.upper())
                for key, text in texts.items()]
    evidence = tuple(Span(key, 0, len(text)) for key, text in texts.items())[:aligned]
    fact = Fact("f1", next(iter(texts.values())), agreement, evidence, len(texts),
                tuple(key.upper() for key in texts))
    return summarize([fact], [[0]], articles, {key: key for key in texts})


def test_a_sentence_saying_not_never_supports_one_saying_so() -> None:
    [sentence] = _one_fact({
        "a": "The Dunmore council approved the harbour budget of 4 million euros on Tuesday.",
        "b": "Reporters waited outside. The Dunmore council did not approve the harbour "
             "budget of 4 million euros on Tuesday."}, "single", aligned=1)
    assert [c.article for c in sentence.citations] == ["a"]


def test_a_newsletter_copying_the_sentence_around_a_credit_is_not_a_second_source() -> None:
    [sentence] = _one_fact({
        "a": "Rescuers brought 163 passengers ashore on Tuesday after the ferry Island Wren "
             "grounded on rocks near Tollan Point.",
        "b": "Ferry aground: Rescuers brought 163 passengers ashore on Tuesday after the ferry "
             "Island Wren grounded on rocks near Tollan Point, according to Coastline News.",
        "c": "Lifeboat crews brought 163 passengers ashore on Tuesday once the ferry Island "
             "Wren had grounded near Tollan Point."}, "corroborated")
    assert [c.article for c in sentence.citations] == ["a", "c"]


def test_the_brief_does_not_give_the_same_figures_twice_in_other_words() -> None:
    first = ("Investigators said the ferry was travelling at twelve knots when it hit the "
             "rocks.")
    second = "According to investigators, the vessel was moving at 12 knots at impact."
    articles = [article(first, id="a1"), article(second, id="a2")]
    facts = [_fact("f1", first, first), _fact("f2", second, second, "a2")]
    brief = summarize(facts, [(0,), (0,)], articles, {"a1": "a1", "a2": "a2"})
    assert len(brief) == 1
    # A new fact about the same figure is no repeat.
    third = "The 12 knots were too fast for the channel, the harbour master said later."
    more = summarize([*facts, _fact("f3", third, third, "a3")], [(0,), (0,), (0,)],
                     [*articles, article(third, id="a3")],
                     {"a1": "a1", "a2": "a2", "a3": "a3"})
    assert third in [s.text for s in more]


def test_a_short_statement_of_a_figure_can_be_quoted_but_not_a_short_fragment() -> None:
    [sentence] = _one_fact({"a": "Three passengers remain in hospital.",
                            "b": "Three passengers remain in hospital tonight."},
                           "corroborated")
    assert sentence.text == "Three passengers remain in hospital."
    assert _one_fact({"a": "Rain fell all night.", "b": "Rain fell all night."},
                     "corroborated") == []


def test_a_disputed_figure_cites_only_the_outlets_giving_it() -> None:
    [sentence] = _one_fact({
        "a1": "Fire in the Dunmore harbour warehouse killed 12 workers and injured 40 others "
              "on Tuesday night, police said.",
        "a2": "Fire in the Dunmore harbour warehouse killed 9 workers on Tuesday."},
        "conflicting")
    assert "12 workers" in sentence.text  # not swapped for the shorter outlet's figure
    assert [c.article for c in sentence.citations] == ["a1"]
    assert sentence.disputed


def test_a_disputed_figure_in_words_cites_only_the_outlets_giving_it() -> None:
    [sentence] = _one_fact({
        "a1": "Three workers were hurt when fire destroyed the Dunmore harbour warehouse.",
        "a2": "Five workers were in hospital after a fire destroyed the Dunmore harbour "
              "warehouse.",
        "a3": "A fire destroyed the Dunmore harbour warehouse and hurt 3 workers."},
        "conflicting")
    assert sentence.disputed
    assert sorted(c.article for c in sentence.citations) == ["a1", "a3"]  # "3" is "three"


def test_a_shorter_wording_must_keep_the_numbers() -> None:
    [sentence] = _one_fact({
        "a1": "Fire in the Dunmore harbour warehouse killed 12 workers and injured 40 others "
              "on Tuesday night, police said.",
        "a2": "Fire in the Dunmore harbour warehouse killed workers on Tuesday."}, "corroborated")
    assert "12 workers" in sentence.text and not sentence.disputed


def test_a_wire_dateline_is_not_part_of_the_brief() -> None:
    [sentence] = _one_fact({
        "a": "HALEWICK (Meridian Press) - About 900 nurses at the Halewick hospital walked "
             "off the job on Monday."}, "single")
    assert sentence.text.startswith("About 900 nurses")
    assert sentence.citations[0].start == len("HALEWICK (Meridian Press) - ")


def test_a_disputed_figure_is_the_one_most_outlets_give() -> None:
    [sentence] = _one_fact({
        "a1": "Fire in the Dunmore harbour warehouse killed 12 workers on Tuesday night.",
        "a2": "Fire in the Dunmore harbour warehouse killed 9 workers on Tuesday, police said.",
        "a3": "A fire in the Dunmore harbour warehouse killed 9 workers on Tuesday."},
        "conflicting")
    assert "9 workers" in sentence.text and sentence.disputed
    assert sorted(c.article for c in sentence.citations) == ["a2", "a3"]


def test_the_aligners_near_match_is_cited_when_it_gives_every_name_and_number() -> None:
    text = "Mayor Ilse Varga closed the Dunmore bridge on Monday after inspectors found 3 cracks."
    # Other words, too few shared for the word rule, but the aligner matched them.
    near = ("On Monday Mayor Ilse Varga shut the span that links Dunmore after 3 cracks "
            "turned up during a routine check by the council's engineers.")
    fewer = "Mayor Ilse Varga shut the Dunmore bridge on Monday after cracks were seen."
    articles = [article(text, id="a1"), article(near, id="a2"), article(fewer, id="a3")]
    fact = Fact("f1", text, "single", (Span("a1", 0, len(text)),), 1)
    support = [(Span("a2", 0, len(near)), Span("a3", 0, len(fewer)))]
    brief = summarize([fact], [(0,)], articles, {a.id: a.id for a in articles},
                      support=support)
    # a3 does not give the number of cracks: it cannot back the sentence.
    assert [c.article for c in brief[0].citations] == ["a1", "a2"]
    assert [c.article for c in summarize([fact], [(0,)], articles,
                                         {a.id: a.id for a in articles})[0].citations] == ["a1"]


def test_a_near_match_saying_not_or_copying_another_outlet_is_not_cited() -> None:
    text = "The Dunmore council approved the Kelby harbour budget on Tuesday evening."
    denies = "On Tuesday evening the Dunmore council did not approve the Kelby harbour budget."
    copied = "On Tuesday evening the Dunmore council approved the Kelby harbour budget."
    articles = [article(text, id="a1"), article(denies, id="a2"), article(copied, id="a3")]
    fact = Fact("f1", text, "single", (Span("a1", 0, len(text)),), 1)
    support = [(Span("a2", 0, len(denies)), Span("a3", 0, len(copied)))]
    sources = {"a1": "a1", "a2": "a2", "a3": "a1"}  # a3 copies a1
    brief = summarize([fact], [(0,)], articles, sources, support=support)
    assert [c.article for c in brief[0].citations] == ["a1"]


def test_the_brief_picks_a_sentence_for_the_details_its_supporting_outlets_add() -> None:
    first = ("Mayor Ilse Varga opened the Kelby ferry terminal on Friday. Storm winds tore "
             "the roof off the Dunmore library on Monday.")
    # Other outlets name the mayor, the ferry and Friday, but none says the whole opening.
    second = ("Mayor Ilse Varga opened the Kelby ferry terminal last week. Storm winds "
              "tore off the roof of the Dunmore library on Monday, soaking rare maps.")
    third = ("Varga said the Kelby ferry terminal would open on Friday. A storm tore the "
             "roof off the Dunmore library on Monday night, and winds felled trees.")
    articles = [article(first, id="a1"), article(second, id="a2"), article(third, id="a3")]
    opened = _fact("f1", "Mayor Ilse Varga opened the Kelby ferry terminal on Friday.", first)
    storm = _fact("f2", "Storm winds tore the roof off the Dunmore library on Monday.", first)
    brief = summarize([opened, storm], [(0,), (0,)], articles,
                      {a.id: a.id for a in articles}, max_words=12)
    # The opening has one more detail in its own sentence, but two outlets state the storm:
    # it is the sentence a reader can check in three places.
    assert [s.text for s in brief] == [storm.text]
    assert [c.article for c in brief[0].citations] == ["a1", "a2", "a3"]


def test_candidate_sentences_carry_every_citation_the_brief_would_give() -> None:
    first = "Storm winds tore the roof off the Dunmore library on Monday. Rain fell."
    second = "Storm winds tore off the roof of the Dunmore library on Monday, soaking rare maps."
    articles = [article(first, id="a1"), article(second, id="a2")]
    storm = _fact("f1", "Storm winds tore the roof off the Dunmore library on Monday.", first)
    rain = _fact("f2", "Rain fell.", first)  # too short to quote
    sources = {a.id: a.id for a in articles}
    candidates = candidate_sentences([storm, rain], articles, sources)
    assert list(candidates) == [0]
    assert candidates[0] == summarize([storm, rain], [(0,), (1,)], articles, sources)[0]
    assert [c.article for c in candidates[0].citations] == ["a1", "a2"]


def test_a_brief_sentence_reads_whole_quote_marks_paired_and_the_speaker_named() -> None:
    fragment = ('"We will hand out blankets at the Kelby town hall from 9 a.m. each day. '
                'Anyone who cannot come can call us," the warden said.')
    unnamed = '"This is not the service people in Kelby pay for," he said.'
    asked = 'Asked about the storm, he said: "The hall stays open until the wind drops."'
    named = '"The shelter at Kelby town hall stays open all night," Mayor Ilse Varga said.'
    partial = 'Mayor Ilse Varga called the Kelby storm "the worst in forty years".'
    plain = "Storm winds felled three old oaks on the Dunmore road on Monday night."
    texts = [fragment, unnamed, named, partial, plain, asked]
    articles = [article(text, id=f"a{i}") for i, text in enumerate(texts)]
    # The splitter leaves the quote's first sentence as a unit of its own.
    first = fragment[:fragment.index(" Anyone")]
    facts = [_fact(f"f{i}", first if i == 0 else text, text, f"a{i}")
             for i, text in enumerate(texts)]
    brief = summarize(facts, [(0,)] * len(facts), articles, {a.id: a.id for a in articles},
                      max_words=200)
    assert sorted(s.text for s in brief) == sorted([named, partial, plain])


def test_a_sentence_naming_the_same_people_but_saying_something_else_is_not_cited() -> None:
    [sentence] = _one_fact({
        "a": "The council's chief planner, Ilse Varga, apologised to Kelby residents.",
        "b": "Crowds gathered. The council's chief planner, Ilse Varga, said Kelby residents "
             "would get a refund of 20 euros.",
        "c": "Ilse Varga, the council's chief planner, has apologised to residents of Kelby."},
        "single", aligned=1)
    assert [c.article for c in sentence.citations] == ["a", "c"]


def test_a_second_article_of_the_same_outlet_is_not_a_second_source() -> None:
    text = "Mayor Ilse Varga closed the Dunmore bridge on Monday after inspectors found cracks."
    later = ("Bridge still shut. Mayor Ilse Varga on Monday closed the Dunmore bridge when "
             "inspectors found cracks.")
    other = "On Monday Mayor Ilse Varga closed the Dunmore bridge after inspectors found cracks."
    articles = [article(text, id="a1", outlet="Dunmore Herald"),
                article(later, id="a2", outlet="Dunmore Herald"),
                article(other, id="a3", outlet="Kelby Post")]
    fact = Fact("f1", text, "corroborated", (Span("a1", 0, len(text)),
                                             Span("a2", later.index("Mayor"), len(later))), 2)
    brief = summarize([fact], [(0, 1)], articles, {a.id: a.id for a in articles})
    # The Herald's second story repeats its own report: one source, cited once.
    assert [c.article for c in brief[0].citations] == ["a1", "a3"]


def test_a_lead_event_sharing_names_and_figures_with_a_later_one_is_no_repeat() -> None:
    closed = ("The Kelby Harbour Board closed the Tollan Point ferry pier on Monday for about "
              "3,000 commuters after divers found rot in its wooden piles.")
    reopened = ("The Kelby Harbour Board reopened the Tollan Point ferry pier on Friday after "
                "repairs, ending five days of disruption for 3,000 commuters.")
    crane = ("A new crane was installed at the Tollan Point ferry pier on Tuesday, two weeks "
             "after the Kelby Harbour Board closed the pier to commuters.")
    again = ("Kelby Harbour Board shut the Tollan Point ferry pier on Monday to about 3,000 "
             "commuters.")
    texts = [closed, reopened, crane, again]
    articles = [article(text, id=f"a{i}") for i, text in enumerate(texts)]
    facts = [_fact(f"f{i}", text, text, f"a{i}") for i, text in enumerate(texts)]
    brief = summarize(facts, [(0,)] * 4, articles, {a.id: a.id for a in articles},
                      max_words=80)
    # The pier closing, reopening and the crane are three events of one story; the same
    # closing told again (same day, same figure) is a repeat.
    assert sorted(s.text for s in brief) == sorted([closed, reopened, crane])


def test_a_short_sentence_citing_the_lede_does_not_crowd_the_lede_out() -> None:
    lede = ("The Kelby Harbour Board closed the Tollan Point ferry pier on Monday, leaving "
            "3,000 commuters affected, after divers found rot in its wooden piles.")
    short = "The harbour board said 3,000 commuters were affected."
    other = ("Ferry crews from Tollan Point and Kelby will run a replacement boat service from "
             "the old fish quay.")
    texts = [lede, "Commuters waited. " + short,
             other + " Ferry crews from Kelby said the quay was safe.",
             "The harbour board said on Monday that 3,000 commuters were affected when divers "
             "found rot in the Tollan Point pier.",
             "Some 3,000 commuters were affected, the harbour board said, after divers found "
             "rot in the piles of the Tollan Point ferry pier."]
    articles = [article(text, id=f"a{i}") for i, text in enumerate(texts, start=1)]
    facts = [_fact("f1", lede, texts[0], "a1"), _fact("f2", short, texts[1], "a2"),
             _fact("f3", other, texts[2], "a3")]
    brief = summarize(facts, [(0,), (1,), (0,)], articles, {a.id: a.id for a in articles},
                      max_words=40)
    # The short sentence cites the lede (a1) and two more outlets, so it is picked first;
    # the lede's closing, Monday and rotten piles are not told by it and stay news.
    assert [s.text for s in brief] == [lede, short]
    assert [c.article for c in brief[1].citations] == ["a2", "a1", "a4", "a5"]


def test_a_span_of_the_fact_group_saying_not_is_not_cited() -> None:
    # The aligner grouped them (its model weighs "not" but may still pair them).
    [sentence] = _one_fact({
        "a": "The Dunmore council approved the harbour budget of 4 million euros on Tuesday.",
        "b": "The Dunmore council did not approve the harbour budget of 4 million euros on "
             "Tuesday."}, "corroborated")
    assert [c.article for c in sentence.citations] == ["a"]


def test_a_longer_sentence_backing_a_fact_through_a_clause_is_cited_as_a_supporter() -> None:
    text = "Mayor Ilse Varga closed the Dunmore bridge on Monday after 3 cracks were found."
    backer = ("Mayor Ilse Varga closed the Dunmore bridge on Monday after 3 cracks were found, "
              "and the council's engineers began checking every pier.")
    vaguer = ("Mayor Ilse Varga closed the Dunmore bridge on Monday after cracks were found, "
              "and the council's engineers began checking every pier.")
    articles = [article(text, id="a1"), article(backer, id="a2"), article(vaguer, id="a3")]
    fact = Fact("f1", text, "corroborated",
                (Span("a1", 0, len(text)), Span("a2", 0, len(backer)),
                 Span("a3", 0, len(vaguer))), 3, backing=2, backing_sources=2)
    brief = summarize([fact], [(0,)], articles, {a.id: a.id for a in articles})
    # Cited like any supporter: a3 does not give the number of cracks.
    assert [c.article for c in brief[0].citations] == ["a1", "a2"]


def test_a_day_named_only_by_a_restatement_makes_it_no_other_event() -> None:
    undated = "The council closed the Kestrel River Bridge in Dunmore after engineers found cracks."
    dated = ("The Kestrel River Bridge in Dunmore was closed by the council on Wednesday after "
             "engineers found cracks.")
    ferries = "Ferries will carry commuters across the river in Dunmore while repairs go on."
    articles = [article(undated, id="a", outlet="Harbour Times"),
                article(dated, id="b", outlet="Valley Herald"),
                article(ferries, id="c", outlet="Kelby Post")]
    facts = [_fact(f"f{i}", a.text, a.text, a.id) for i, a in enumerate(articles)]
    brief = summarize(facts, [(0,)] * 3, articles, {a.id: a.id for a in articles})
    assert len(brief) == 2  # the closing once, then the ferries


def test_a_brief_sentence_is_disputed_only_when_it_states_the_disputed_figure() -> None:
    # The fact is conflicting because a copy said "for six weeks" and another outlet
    # "for eight weeks"; the sentence quoted from the wire states no length at all.
    wire = SummarySentence("Kestrel airport will close its main runway from November 2.",
                           (Span("wire", 0, 60), Span("copy", 0, 75)), disputed=True)
    stated = SummarySentence("The runway will close for eight weeks, the Post said.",
                             (Span("post", 100, 153),), disputed=True)
    divergence = Divergence("d1", "number of weeks: 6 vs 8", (
        DivergenceVersion("copy", "Gazette", "... for six weeks", "6", 0, 75),
        DivergenceVersion("post", "Post", "... for eight weeks", "8", 100, 153)))
    assert [s.disputed for s in disputed_where_stated([wire, stated], [divergence])] == [
        False, True]
    assert not disputed_where_stated([stated], [])[0].disputed


def test_a_near_match_naming_another_speaker_is_not_cited() -> None:
    """The name opening a sentence is no name the near-match rule asks for; "Roe told"
    in its place still contradicts "Varga told"."""
    text = "Varga told the Dunmore council that the crane had passed an inspection in January."
    other = "Roe told the Dunmore council that the crane had passed an inspection in January."
    same = "Varga told the Dunmore council the crane passed its January inspection."
    articles = [article(text, id="a1"), article(other, id="a2"), article(same, id="a3")]
    fact = Fact("f1", text, "single", (Span("a1", 0, len(text)),), 1)
    support = [(Span("a2", 0, len(other)), Span("a3", 0, len(same)))]
    brief = summarize([fact], [(0,)], articles, {a.id: a.id for a in articles},
                      support=support)
    assert [c.article for c in brief[0].citations] == ["a1", "a3"]


def test_a_name_written_out_or_a_capitalised_opening_word_contradicts_nothing() -> None:
    assert contradicted("Historic ferry shed destroyed by fire",
                        "Fire destroys historic Kelby Quay ferry shed") == []
    assert contradicted("DHA Officer Ilse Varga said the crane was old.",
                        "Dunmore Harbour Authority Officer Ilse Varga said the crane was "
                        "old.") == []
    assert contradicted("Officer Ilse Varga said the crane was old.",
                        "Officer Tomas Roe said the crane was old.") == [
        "Officer Ilse Varga (Officer Tomas Roe)"]


def test_another_time_from_the_report_day_or_another_speaker_contradicts() -> None:
    text = "Dr Oriel Fanshaw said the Quillmoor ferry would resume in two weeks."
    assert contradicted(text, "The ferry company said sailings would resume later this "
                              "month.") == ["in 2 weeks (later this month)",
                                            "fanshaw said (company)"]
    assert contradicted(text, "Dr Oriel Fanshaw said sailings would resume next month.") == [
        "in 2 weeks (next month)"]
    assert contradicted(text, "The ferry company said the Quillmoor ferry would resume in "
                              "2 weeks.") == ["fanshaw said (company)"]


def test_the_same_time_or_speaker_otherwise_written_contradicts_nothing() -> None:
    text = "Dr Oriel Fanshaw said the Quillmoor ferry would resume in two weeks."
    assert contradicted(text, "The Quillmoor ferry will resume in a fortnight, said Dr "
                              "Oriel Fanshaw.") == []
    assert contradicted(text, "The ferry would resume in two weeks, she said.") == []
    assert contradicted(text, "The ferry will resume soon, the ferry company said.") == [
        "fanshaw said (company)"]
    assert contradicted("The ferry will resume later this month.",
                        "The ferry resumes this month, a spokesman said.") == []


def test_two_unnamed_speakers_may_tell_of_one_statement() -> None:
    assert contradicted("Coastguard officials said the Quillmoor ferry ran aground.",
                        "Police said the Quillmoor ferry ran aground.") == []


def test_people_described_at_a_sentence_start_are_no_named_speaker() -> None:
    # Fictional: "Residents" is capitalised as every first word is; the official's words
    # may be the same statement, and "the coming week" is next week.
    assert contradicted("Residents said the Quillmoor pier had been closed since the "
                        "storms.", "The Quillmoor pier had been closed since the storms, "
                        "officials said.") == []
    assert contradicted("Rescuers said the Quillmoor ferry ran aground.",
                        "The Quillmoor ferry ran aground, the coastguard said.") == []
    assert contradicted("The Quillmoor ferry will resume next week.",
                        "The Quillmoor ferry will resume in the coming week.") == []


def test_a_wording_giving_the_calendar_date_is_quoted_over_next_month() -> None:
    # A brief read in a year cannot place "next month": another original's wording giving
    # the day is quoted, though a word longer; the first outlet is still cited.
    [sentence] = _one_fact({
        "a1": "The rowing ban on the Vennick mill pond takes effect next month.",
        "a2": "The rowing ban on the Vennick mill pond takes effect on May 1."}, "corroborated")
    assert sentence.text.endswith("on May 1.")
    assert sorted(c.article for c in sentence.citations) == ["a1", "a2"]
    # Without a calendar date in the other wording, the first stays.
    [kept] = _one_fact({
        "a1": "The rowing ban on the Vennick mill pond takes effect next month.",
        "a2": "The rowing ban on the Vennick mill pond takes effect in the spring."},
        "corroborated")
    assert kept.text.endswith("next month.")


def test_an_outlet_wording_the_quote_otherwise_does_not_back_its_words() -> None:
    # Fictional. The brief quotes one outlet's words; the second outlet's quotation of
    # the same remark has other words, so it cannot be cited for these; the third quotes
    # part of the same words.
    [sentence] = _one_fact({
        "a1": "\u201cThe sea wall failed because nobody ever checked the bolts,\u201d Judge Orla "
              "Penrith told the Tarrow court.",
        "a2": "\u201cThe sea wall failed because no one ever inspected the bolts,\u201d Judge Orla "
              "Penrith told the Tarrow court.",
        "a3": "Judge Orla Penrith told the Tarrow court the sea wall failed \u201cbecause nobody "
              "ever checked the bolts\u201d."}, "corroborated")
    assert [c.article for c in sentence.citations] == ["a1", "a3"]


def test_an_outlet_quoting_the_same_words_beside_another_remark_backs_them() -> None:
    # Fictional. The second outlet sets its apostrophes straight, the third adds another
    # remark of the judge's that shares words with the first: both quote the same words.
    [sentence] = _one_fact({
        "a1": "\u201cThe sea wall failed because nobody checked the bolts and we didn\u2019t "
              "ask,\u201d Judge Orla Penrith told the Tarrow court.",
        "a2": "\"The sea wall failed because nobody checked the bolts and we didn't ask,\" "
              "Judge Orla Penrith told the Tarrow court.",
        "a3": "\u201cThe sea wall failed because nobody checked the bolts and we didn\u2019t "
              "ask,\u201d Judge Orla Penrith told the Tarrow court, calling it \u201ca wall nobody "
              "checked for years\u201d."}, "corroborated")
    assert [c.article for c in sentence.citations] == ["a1", "a2", "a3"]


def _sentence_fact(fact_id: str, said: str, bodies: dict[str, str], *ids: str) -> Fact:
    """A fact told by the sentence of each article in `ids` that starts with `said`'s
    first three words (its own wording there)."""
    opening = " ".join(said.split()[:3])
    spans = []
    for key in ids:
        start = bodies[key].index(opening) if opening in bodies[key] else 0
        end = bodies[key].find(".", start) + 1
        spans.append(Span(key, start, end))
    return Fact(fact_id, said, "corroborated" if len(ids) > 1 else "single", tuple(spans),
                len(ids))


def test_the_event_independent_outlets_lead_with_comes_first_in_the_brief() -> None:
    # Fictional. Three outlets lead with Ada Rusk's resignation, each in its own words, so
    # the aligner groups none of the ledes; what she told staff it groups. Her names, her
    # title and the day then filled the brief first, and each lede read as a repeat: the
    # brief told everything but the resignation. It now opens with one lede telling it.
    bodies = {
        "a1": ("Ada Rusk resigned as chief executive on Monday. Chief executive Ada Rusk "
               "told staff at the Dunmere plant on Monday that auditors had found 4 million "
               "pounds of stock missing. Harrowmere Foods shares fell 6 percent."),
        "a2": ("Ada Rusk has stepped down as chief executive of Harrowmere Foods, the "
               "company said on Monday. Chief executive Ada Rusk told staff at the Dunmere "
               "plant on Monday that auditors found 4 million pounds of stock missing. Chair "
               "Lena Okoro thanked Rusk for her eight years of work."),
        "a3": ("Chief executive Ada Rusk left Harrowmere Foods on Monday after eight years. "
               "Chief executive Ada Rusk told staff at the Dunmere plant on Monday that "
               "auditors had found 4 million pounds of stock missing. Harrowmere Foods "
               "shares fell 6 percent on the news."),
    }
    articles = [article(text, id=key) for key, text in bodies.items()]
    said = {key: [part.rstrip(".") + "." for part in text.split(". ")]
            for key, text in bodies.items()}
    facts = [
        _sentence_fact("f1", said["a1"][0], bodies, "a1"),
        _sentence_fact("f2", said["a1"][1], bodies, "a1", "a2", "a3"),
        _sentence_fact("f3", said["a1"][2], bodies, "a1", "a3"),
        _sentence_fact("f4", said["a2"][0], bodies, "a2"),
        _sentence_fact("f5", said["a2"][2], bodies, "a2"),
        _sentence_fact("f6", said["a3"][0], bodies, "a3"),
    ]
    positions = [(0,), (1, 1, 1), (2, 2), (0,), (2,), (0,)]
    brief = summarize(facts, positions, articles, {key: key for key in bodies}, max_words=60)
    ledes = {said[key][0] for key in bodies}
    assert brief[0].text in ledes
    assert [s.text for s in brief].count(brief[0].text) == 1
    assert not ledes & {s.text for s in brief[1:]}  # told once


def test_a_span_telling_the_opposite_outcome_backs_no_sentence_even_in_its_group() -> None:
    # issue 7: the aligner's group stands for the words, not for which way it went
    text = "Voters in Marrowby approved the harbour levy on Tuesday, the county clerk said."
    texts = {"a": text, "b": text.replace("approved", "rejected")}
    group = (Span("a", 0, len(text)), Span("b", 0, len(texts["b"])))
    assert unsupported_citation(text, group[1], texts, group=group) == ["approved (rejected)"]
    assert contradicted(text, texts["b"]) == ["approved (rejected)"]
    told = _LedeWords.of(text)
    assert not told.backed_by(_LedeWords.of(texts["b"]))
    assert told.backed_by(_LedeWords.of("Marrowby voters approved the harbour levy on Tuesday."))


# Fictional outlets on a fictional vote: one says the levy passed, the other that it failed.
LEVY_REPORTS = [
    {"id": "brenwick-post", "outlet": "Brenwick Post", "published": "2026-05-13T08:00:00Z",
     "title": "Harbour levy vote in Marrowby",
     "text": "Voters in Marrowby approved the harbour levy on Tuesday, the county clerk said. "
             "The levy would raise money to dredge the old fishing basin. "
             "Turnout was low across the town's four wards."},
    {"id": "coastline-daily", "outlet": "Coastline Daily", "published": "2026-05-13T09:00:00Z",
     "title": "Marrowby levy vote",
     "text": "Voters in Marrowby rejected the harbour levy on Tuesday, the county clerk said. "
             "Harbour master Oskar Feld had campaigned for the money for a year. "
             "Shopkeepers on Quay Row said they feared higher rents."},
]


def test_analyze_never_cites_an_outlet_for_the_opposite_of_what_it_said(tmp_path: Path) -> None:
    (tmp_path / "levy.jsonl").write_text("".join(json.dumps(r) + "\n" for r in LEVY_REPORTS))
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    [dossier] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    [vote] = [f for f in dossier["facts"] if f["text"].startswith("Voters in Marrowby")]
    assert vote["agreement"] == "conflicting"
    assert {e["article"] for e in vote["evidence"]} == {"brenwick-post", "coastline-daily"}
    [divergence] = dossier["divergences"]
    assert divergence["topic"] == "opposite accounts: approved vs rejected"
    assert [(v["outlet"], v["value"]) for v in divergence["versions"]] == [
        ("Brenwick Post", "approved"), ("Coastline Daily", "rejected")]
    texts = {a["id"]: a["text"] for a in dossier["articles"]}
    said = [s for s in dossier["summary"] if "Marrowby" in s["text"]]
    assert said
    for sentence in said:
        for cited in sentence["citations"]:
            span = texts[cited["article"]][cited["start"]:cited["end"]]
            for word in ("approved", "rejected"):
                assert (word in span) == (word in sentence["text"]), (sentence, span)
