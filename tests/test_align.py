"""Fact alignment: sentences grouped into facts, agreement counted over independent sources."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from storyline import align
from storyline.align import _mutual_best, align_facts
from storyline.fact_units import FactUnit, make_units
from storyline.models import Sentence
from storyline.report import render_html
from storyline.text import own_word_runs
from tests.conftest import FILLER, article
from tests.conftest import align_texts as _align


def test_a_long_sentence_copied_word_for_word_is_no_second_source(analyse: Any) -> None:
    said = ("The blaze at the Harlow box plant broke out at about 10 p.m. on Tuesday and "
            "took 40 firefighters six hours to bring under control.")
    quoted = '"We were lucky that the night shift had gone home," the fire chief said.'
    alignment = _align(analyse, {
        "wire": f"{said} {quoted}",
        # a digest that provenance ties to another outlet, quoting the wire's sentence
        "brief": f"Ferry fares rise in May. {said}",
        "paper": f"Rain is due. {quoted}"})
    by_text = {f.text: f for f in alignment.facts}
    assert by_text[said].agreement == "single" and by_text[said].sources == 1
    own_words = _align(analyse, {"a": "Members of the union lost eleven days of pay during "
                                      "the strike.",
                                 "b": "Members of the union lost 11 days of pay during the "
                                      "strike."})
    assert [f.sources for f in own_words.facts] == [2]  # a number spelled otherwise
    # Outlets quote a speaker word for word on their own: that still corroborates.
    assert by_text[quoted].agreement == "corroborated"


def test_a_newsletter_line_around_a_copied_sentence_is_no_second_source(
        analyse: Any) -> None:
    herald = ("A ferry carrying 148 passengers ran aground on Tollan Reef off Hale Island "
              "early on Tuesday.")
    coast = ("HALE ISLAND - Rescuers brought 163 passengers ashore on Tuesday after the ferry "
             "Island Wren grounded on rocks near Tollan Point.")
    alignment = _align(analyse, {
        "a-herald": f"{herald} The operator said all sailings were cancelled until at least "
                    "Friday.",
        "b-coast": coast,
        "c-brief": "Ferry aground: Rescuers brought 163 passengers ashore on Tuesday after the "
                   "ferry Island Wren grounded on rocks near Tollan Point, according to "
                   "Coastline News. All sailings were cancelled until at least Friday."})
    rescued = next(f for f in alignment.facts if "163" in f.text)
    assert rescued.sources == 1 and {e.article for e in rescued.evidence} == {
        "b-coast", "c-brief"}
    cancelled = next(f for f in alignment.facts if "until at least Friday" in f.text)
    assert cancelled.sources == 1  # one clause of the Herald's sentence


def test_paraphrases_from_two_outlets_corroborate(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The Kestrel River Bridge was closed to all traffic on Wednesday after cracks "
             "were found in its supports.",
        "b": "Cracks found in its supports forced the closure of the Kestrel River Bridge to "
             "all traffic on Wednesday."})
    corroborated = [f for f in alignment.facts if f.agreement == "corroborated"]
    assert len(corroborated) == 1
    assert corroborated[0].sources == 2
    assert {s.article for s in corroborated[0].evidence} == {"a", "b"}


def test_copies_do_not_corroborate(analyse: Any) -> None:
    text = "The Kestrel River Bridge was closed to all traffic on Wednesday after inspections."
    alignment = _align(analyse, {"a": text, "b": text}, sources={"a": "a", "b": "a"})
    assert [f.agreement for f in alignment.facts] == ["single"]
    assert alignment.facts[0].sources == 1


def test_unrelated_sentences_stay_single(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The gallery in Port Elsin opened a new wing for maritime paintings on Saturday.",
        "b": "The Kestrel River Bridge was closed to all traffic after cracks were found."})
    assert sorted(f.agreement for f in alignment.facts) == ["single", "single"]


def test_demo_agreement(bridge: dict[str, Any]) -> None:
    corroborated = [f for f in bridge["facts"] if f["agreement"] == "corroborated"]
    assert any("closed to all traffic" in f["text"] and f["sources"] >= 4 for f in corroborated)
    topics = [d["topic"] for d in bridge["divergences"]]
    assert any("12 million" in t and "14 million" in t for t in topics), topics
    money = next(d for d in bridge["divergences"] if "14 million" in d["topic"])
    # One version per independent source: the copy of the Herald is listed with it.
    [herald] = [v for v in money["versions"] if v["value"] == "14000000"]
    assert herald["outlet"] == "Valley Herald" and herald["copies"]
    assert len({v["article"] for v in money["versions"]}) == len(money["versions"])
    varga = [g for g in bridge["quote_groups"] if g["speaker_name"] == "Ilse Varga"
             and len(g["quotes"]) >= 5]
    assert varga and any(v["diff"] for v in varga[0]["variants"])
    worded = [d for d in bridge["divergences"] if d["kind"] == "quote"]
    assert worded and all(len({v["outlet"] for v in d["versions"]}) >= 2 for d in worded)
    assert "Northern Ledger quotes" in render_html(bridge)


def test_only_mutual_best_matches_link() -> None:
    units = [SimpleNamespace(sentence=SimpleNamespace(article_id=a)) for a in "aab"]
    # b's sentence matches both sentences of a; only the closer one is linked.
    assert _mutual_best(units, [(0, 2, 0.9), (1, 2, 0.6)]) == [(0, 2)]


def test_demo_facts_do_not_chain_sentences_of_one_article(bridge: dict[str, Any]) -> None:
    for fact in bridge["facts"]:
        articles = [span["article"] for span in fact["evidence"]]
        assert len(articles) == len(set(articles)), fact["text"]
    spokesperson = next(f for f in bridge["facts"]
                        if "following the situation closely" in f["text"])
    assert spokesperson["agreement"] == "corroborated"


def test_a_second_match_in_one_article_is_kept_as_support(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The Kestrel River Bridge was closed to all traffic on Wednesday after cracks "
             "were found in its supports. The Kestrel River Bridge was closed to traffic on "
             "Wednesday after cracks were found in the supports.",
        "b": "The Kestrel River Bridge was closed to all traffic on Wednesday after cracks "
             "were found in its supports."})
    grouped = next(i for i, f in enumerate(alignment.facts) if len(f.evidence) == 2)
    # b's sentence pairs with a's first (its best match); a's second says the same.
    assert [s.article for s in alignment.facts[grouped].evidence] == ["a", "b"]
    second = alignment.facts[grouped].evidence[0].end
    assert [(s.article, s.start >= second) for s in alignment.support[grouped]] == [("a", True)]
    assert len(alignment.support) == len(alignment.facts)


def test_a_newsletters_other_items_stay_out_of_the_story() -> None:
    from storyline import pipeline
    from tests.test_provenance import FERRY_COAST, FERRY_HERALD, FERRY_NEWSLETTER

    articles = [article(FERRY_HERALD, id="herald", outlet="Dunmore Herald",
                        published="2026-12-01T12:00:00Z"),
                article(FERRY_COAST, id="coast", outlet="Coastline News",
                        published="2026-12-01T18:00:00Z"),
                article(FERRY_NEWSLETTER, id="brief", outlet="Westcoast Daily",
                        published="2026-12-02T05:30:00Z")]
    results = pipeline.build_story_results(pipeline.single_story(articles), articles)
    assert {p.article: p.kind for p in results.provenance}["brief"] == "digest"
    told = [f.text for f in results.facts] + [e.description for e in results.events]
    for other_item in ("percent rise", "Gales", "Otters", "Forward this"):
        assert not any(other_item in text for text in told), other_item
    # The story's own items from the newsletter are still there.
    from_brief = {s.article for f in results.facts for s in f.evidence} & {"brief"}
    assert from_brief == {"brief"}
    # `storyline timeline` tells the same events as the dossier.
    assert [e["description"] for e in pipeline.timeline_for(articles)] == \
        [e.description for e in results.events]


def test_a_short_sentence_stated_in_a_clause_of_a_long_one_is_corroborated(
        analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Election officials set aside 1,400 mail-in ballots on Tuesday.",
        "b": "The 1,400 mail ballots that had been set aside on Tuesday will be counted.",
        "c": "The Kestrel River Bridge was closed on Wednesday.",
        "d": "The Kestrel River Bridge was closed on Wednesday, and engineers from the "
             "regional transport office began checking every pier for cracks."})
    by_text = {f.text: f for f in alignment.facts}
    ballots = by_text["Election officials set aside 1,400 mail-in ballots on Tuesday."]
    assert ballots.agreement == "corroborated"
    assert [e.article for e in ballots.evidence] == ["a", "b"]
    closed = by_text["The Kestrel River Bridge was closed on Wednesday."]
    assert closed.agreement == "corroborated" and closed.sources == 2
    # The long sentences stay facts of their own: they say more than the short ones.
    assert {f.agreement for f in alignment.facts if f.text.startswith(
        ("The 1,400 mail ballots", "The Kestrel River Bridge was closed on Wednesday, and"))
            } == {"single"}


def test_a_clause_does_not_back_a_sentence_with_another_figure_or_name(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Election officials set aside 1,600 mail-in ballots on Tuesday.",
        "b": "The 1,400 mail ballots that had been set aside on Tuesday will be counted.",
        "c": "The Ardle River Bridge was closed on Wednesday.",
        "d": "The Kestrel River Bridge was closed on Wednesday, and engineers from the "
             "regional transport office began checking every pier for cracks."})
    assert all(len(f.evidence) == 1 for f in alignment.facts)


def test_two_reports_of_one_outlet_are_one_source(analyse: Any) -> None:
    texts = {"a": "The Kestrel museum raised its reward for the stolen painting to 50,000 "
                  "pounds on Monday.",
             "b": "The Kestrel museum raised its reward for the stolen painting to 50,000 "
                  "pounds on Monday, its director said."}
    analyses = [analyse(text, id=key) for key, text in texts.items()]
    same = [article(text, id=key, outlet="Coastal Herald") for key, text in texts.items()]
    [fact] = align_facts(same, analyses, {"a": "a", "b": "b"}).facts
    assert fact.sources == 1 and fact.agreement == "single"
    other = [article(texts["a"], id="a", outlet="Coastal Herald"),
             article(texts["b"], id="b", outlet="Bay Gazette")]
    [fact] = align_facts(other, analyses, {"a": "a", "b": "b"}).facts
    assert fact.sources == 2 and fact.agreement == "corroborated"


# Fictional outlets on fictional events: sentences alike in all but who or which way.
def test_the_same_said_of_two_people_is_two_facts(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Petra Lindqvist won the mayoral vote in Harrowgate on Sunday.",
        "b": "Jonas Berg won the mayoral vote in Harrowgate on Sunday.",
        "c": "Ilse Varga was injured when the crane collapsed.",
        "d": "Tomas Roe was injured when the crane collapsed."})
    assert [f.agreement for f in alignment.facts] == ["single"] * 4


def test_two_speakers_saying_the_same_corroborate_it(analyse: Any) -> None:
    """Who said it is not what the fact is about: two officials telling two outlets the
    same thing back each other."""
    alignment = _align(analyse, {
        "a": "Harbour master Ilse Varga said the crane had passed an inspection in January.",
        "b": "Harbour master Tomas Roe said the crane had passed an inspection in January."})
    [fact] = alignment.facts
    assert fact.agreement == "corroborated" and alignment.divergences == ()


def test_a_dateline_or_credit_line_is_no_fact(analyse: Any) -> None:
    wire = ("MARROWBY (Kestrel Wire) - A burst water main flooded Marrowby High Street on "
            "Tuesday.\n\nThis story originally appeared in Kestrel Wire.")
    alignment = _align(analyse, {"a": wire, "b": "Shops on Marrowby High Street closed after "
                                                 "the flood on Tuesday."})
    texts = [f.text for f in alignment.facts]
    assert not [t for t in texts if "Kestrel Wire" in t]
    assert any(t.startswith("A burst water main") for t in texts)


def test_a_place_one_outlet_names_is_no_other_person(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Mayor Ilse Varga reopened the repaired bridge to traffic on Tuesday after six "
             "weeks of work.",
        "b": "The Dunmore mayor reopened the repaired bridge to traffic on Tuesday after six "
             "weeks of work."})
    assert [f.agreement for f in alignment.facts] == ["corroborated"]


def test_two_people_named_by_surname_alone_are_no_corroboration(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "Varga was hurt when the crane collapsed at the harbour on Tuesday.",
        "b": "Roe was hurt when the crane collapsed at the harbour on Tuesday."})
    assert "corroborated" not in {f.agreement for f in alignment.facts}


def test_a_copied_sentence_finds_its_original_whatever_order_its_word_runs_come_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Four earlier sentences each share one run of eight words with the last one (the
    # fourth is word for word the same). Which three were tested as its original followed
    # the order of a set of strings, which Python's hash seed sets afresh in each
    # process; the runs are given here in two orders, as two seeds would give them.
    # Every sentence tied with the third is tested now.
    words = ["the", "ferry", "Saltmarsh", "Star", "ran", "aground", "off", "Orla", "Bay",
             "on", "Sunday"]
    texts = [" ".join(["Crews said", *words[0:8], "in fog."]),
             " ".join(["Later", *words[1:9], "again, it seems."]),
             " ".join(["Reports that", *words[2:10], "were denied."]),
             " ".join(words) + ".",
             " ".join(words) + "."]
    units = [FactUnit(i, Sentence(f"a{i}", 0, len(t), t), 0, frozenset(), (), f"a{i}",
                      None, frozenset())  # type: ignore[arg-type]  # no view needed
             for i, t in enumerate(texts)]
    published = {f"a{i}": float(i) for i in range(len(texts))}
    found = []
    for backwards in (False, True):
        def in_order(text: str, backwards: bool = backwards) -> Any:
            runs = sorted(own_word_runs(text), key=text.lower().find, reverse=backwards)
            return dict.fromkeys(runs).keys()  # iterates in this order, `&` as a set

        monkeypatch.setattr(align, "own_word_runs", in_order)
        found.append(align._with_copied_sources(units, published)[1])
    assert found == [[(3, 4)]] * 2


def test_one_event_told_with_another_figure_is_one_conflicting_fact(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "A mudslide swept across the Elsin valley road on Friday afternoon, burying about "
             "300 metres of track under mud up to two metres deep and cutting off the village "
             "of Harl.",
        "b": "A mudslide on Thursday night blocked the Elsin valley road, leaving mud as much as "
             "three metres deep on the track, the county roads office said.", **FILLER})
    mud = [f for f in aligned.facts if "mudslide" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in mud] == [("conflicting", 2)]
    assert [d.topic for d in aligned.divergences] == ["metres deep: 2 vs 3"]


def test_one_figure_told_in_other_words_corroborates(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "Tomas Roe of the Elsin roads office said the crews had cleared 6,000 tonnes of "
             "mud.",
        "b": "Crews from the Elsin roads office moved about 6,000 tonnes of mud and rebuilt the "
             "drains on the north side, office head Tomas Roe said.", **FILLER})
    mud = [f for f in aligned.facts if "mud" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in mud] == [("corroborated", 2)]
    assert not aligned.divergences


def test_a_shared_description_of_someone_is_no_corroboration(analyse: Any) -> None:
    from storyline.align import _states_predicate

    short = analyse("Councillor Mira Oduya, who chairs the harbour committee, defended the "
                    "decision.", id="a")
    long = analyse("Councillor Mira Oduya, who chairs the harbour committee, told Kestrel "
                   "Radio that the town faced a repair bill of 2.4 million.", id="b")
    said = analyse("Councillor Mira Oduya, who chairs the harbour committee, defended the "
                   "decision, and the town will sell the pier in May.", id="c")
    units = make_units([short, long, said], {"a": "a", "b": "b", "c": "c"})
    view = units[0].view
    # "Oduya chairs the harbour committee", cut from the other outlet's sentence, shares the
    # description only; a clause that says she defended the decision states the sentence.
    assert [c.text for c in units[1].clauses][0].startswith("Councillor Mira Oduya chairs")
    assert not any(_states_predicate(frozenset(c.lemmas), view) for c in units[1].clauses)
    assert any(_states_predicate(frozenset(c.lemmas), view) for c in units[2].clauses)




def test_the_news_does_not_back_an_opinion_that_mentions_it(analyse: Any) -> None:
    # A reader's letter states the vote in passing; what it says is its view of it, which
    # a clause of the news ("voted on Tuesday to ban diesel-powered hedge trimmers") does
    # not state.
    letter = "The council's ban on diesel hedge trimmers, approved on Tuesday, is long overdue."
    news = analyse("The town council of Hollin Bay voted on Tuesday to ban diesel-powered hedge "
                   "trimmers, the Bay Courier reported.", id="wire")
    short, long = make_units([analyse(letter, id="letter"), news], {})
    assert not align._states_predicate(long.lemmas, short.view)
    plain = make_units([analyse("The council banned diesel hedge trimmers on Tuesday.")], {})
    assert align._states_predicate(long.lemmas | {"banned"}, plain[0].view)



# A fictional strike told by four fictional outlets: a son described alike in all of them.
STRIKE = {
    "a": ("About 900 drivers walked out last Monday after talks between the Ferry Pilots' "
          "Guild and Orrin Harbour Lines broke down over pay.\n\n"
          "Ivar Grell, 64, who helped found the guild four decades ago, sat in the public "
          "gallery. His son, Anton Grell, a driver and shop steward at the Wexmoor depot, "
          "addressed the crowd afterwards.\n\n"
          "\"My father fought for these rest breaks in 1989,\" Anton Grell said."),
    "b": ("The judge pressed both sides. She asked the company why it had waited eight days "
          "to go to court.\n\n"
          "Anton Grell, a shop steward, said drivers at the Wexmoor depot would vote on Friday "
          "on whether to accept arbitration. His father, the guild's co-founder, said nothing "
          "to reporters."),
    "c": ("Ivar Grell, one of the founders of the guild, said the strike reminded him of "
          "1989. \"We won then because we stayed together,\" he said. His son Anton, a shop "
          "steward, said the Wexmoor drivers would vote on Friday on whether to accept an "
          "independent arbitrator."),
    "d": ("Drivers at Orrin's Wexmoor depot will vote today on whether to accept an "
          "independent arbitrator in their strike, the Ferry Pilots' Guild said.\n\n"
          "Anton Grell, who organised the vote, said turnout was high."),
}


def test_what_someone_did_is_not_corroborated_by_what_they_said(analyse: Any) -> None:
    """'His son, Anton Grell, a driver and shop steward at the Wexmoor depot, addressed the
    crowd' and 'Anton Grell, a shop steward, said drivers at the Wexmoor depot would vote':
    one tells what he did, the other what he said; only the vote is told three times."""
    facts = _align(analyse, STRIKE).facts
    deed = next(f for f in facts if "addressed the crowd" in f.text)
    assert deed.agreement == "single" and {e.article for e in deed.evidence} == {"a"}
    vote = next(f for f in facts if "would vote on Friday" in f.text)
    assert vote.agreement == "corroborated"


# A fictional ferry story: a speaker named in one sentence goes on quoting in the next.
FERRY_WIRE = ('Harbour master Ilka Drumm said the Lessby ferry would stay in port until '
              'Friday. "We will not sail until the swell drops below two metres," Drumm said. '
              '"We are checking the hull of the Orla Brae every single morning." The Orrin '
              'Vale board said it would "pay for rooms for every stranded passenger."')
FERRY_PAPER = ('The Lessby ferry will stay in port until Friday, harbour master Ilka Drumm '
               'said. "We will not sail until the swell drops below two metres," Drumm told '
               'the Gannet Post. "We are checking the hull of the Orla Brae every single '
               'morning." "It is a hard week for the island," she said.')


def test_a_quote_with_no_speaker_named_in_its_sentence_is_no_fact() -> None:
    from storyline import pipeline

    articles = [article(FERRY_WIRE, id="wire", outlet="Skerry Wire"),
                article(FERRY_PAPER, id="paper", outlet="Gannet Post",
                        published="2026-03-11T12:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    facts = [fact["text"] for fact in dossier["facts"]]
    # Two outlets give the words, yet neither names who says them in that sentence: the
    # outlet does not vouch for them, and the quote groups hold them with their speaker.
    assert not any("checking the hull" in text for text in facts)
    assert not any("hard week" in text for text in facts)  # "she said" names no one
    # A quote with its speaker in the sentence is that speaker's claim; reported speech
    # around a few quoted words is the outlet's report.
    assert any("Drumm said" in text and "swell drops" in text for text in facts)
    assert any("stranded passenger" in text for text in facts)
    assert {q["speaker_name"] for q in dossier["quotes"]
            if "checking the hull" in q["text"]} == {"Ilka Drumm"}


def test_which_sentences_are_quoted_words_only(analyse: Any) -> None:
    from storyline.fact_units import quoted_words_only

    analysis = analyse(FERRY_PAPER)
    bare = {s.text: quoted_words_only(s, analysis.quotes) for s in analysis.sentences}
    assert bare == {
        "The Lessby ferry will stay in port until Friday, harbour master Ilka Drumm said.":
            False,
        '"We will not sail until the swell drops below two metres," Drumm told the Gannet '
        'Post.': False,
        '"We are checking the hull of the Orla Brae every single morning."': True,
        '"It is a hard week for the island," she said.': True}


MILL_GAZETTE = ("ORRIN - Fire crews fought a blaze at the old Tessel mill through Wednesday "
                "night. \"Three workers died in the fire at the mill.\" The county coroner "
                "confirmed the toll on Thursday. The cause is not yet known.")
MILL_LEDGER = ("A blaze destroyed the Tessel mill in Orrin overnight. Fire chief Ada Merrow "
               "spoke at the gate. \"Three workers died in the fire at the mill,\" she said. "
               "Investigators will return on Friday.")


def test_words_quoted_with_no_speaker_at_all_stay_a_fact() -> None:
    from storyline import pipeline

    articles = [article(MILL_GAZETTE, id="gazette", outlet="Orrin Gazette"),
                article(MILL_LEDGER, id="ledger", outlet="Northern Ledger",
                        published="2026-03-11T12:00:00Z")]
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    # The Gazette prints the words as its own telling, no one given as saying them: the
    # toll stays a fact, told by both outlets (revfix21: d413762 had dropped it).
    told = [fact for fact in dossier["facts"] if "Three workers died" in fact["text"]]
    assert [fact["sources"] for fact in told] == [2]


def test_speakerless_words_in_the_first_person_are_no_fact(analyse: Any) -> None:
    from storyline.fact_units import quoted_words_only

    # The quote finder names no one for the residents' words, yet "we" is a speaker's
    # voice, never the outlet's own telling (2899f2a made it a fact); a toll quoted in the
    # third person with no one saying it stays the outlet's.
    analysis = analyse("ORRIN - Residents of Calder Row were angry on Monday.\n\n\"We were "
                       "never told the river would rise.\"\n\nThe council says the warning "
                       "went out at noon.")
    bare = {s.text: quoted_words_only(s, analysis.quotes) for s in analysis.sentences}
    assert bare['"We were never told the river would rise."'] is True
    analysis = analyse(MILL_GAZETTE)
    bare = {s.text: quoted_words_only(s, analysis.quotes) for s in analysis.sentences}
    assert bare['"Three workers died in the fire at the mill."'] is False


def test_a_short_sentence_counting_something_states_a_fact(analyse: Any) -> None:
    # Fictional. "Two other dockers were injured." has two content words besides its
    # count; the count makes it a fact (a toll), not a fragment too short to state one.
    units = make_units([analyse("Two other dockers were injured. The harbour shut.",
                                id="a")], {"a": "a"})
    assert [u.sentence.text for u in units] == ["Two other dockers were injured."]


# Counts told in other words (`counts`): fictional court and harbour reports.
TOLL_WIRE = ("Corvin Ashby, 52, was convicted by a jury at Dunmere Crown Court after the jury "
             "deliberated for six hours. Four other dockers were injured.")
TOLL_LOCAL = ("Rolf Danner and Ines Moor were killed and five other dockers were hurt. The jury "
              "deliberated for six hours over two days before returning its verdict.")


def test_one_count_told_in_other_words_with_other_figures_is_disputed(analyse: Any) -> None:
    aligned = _align(analyse, {"a": TOLL_WIRE, "b": TOLL_LOCAL, **FILLER})
    hurt = [f for f in aligned.facts if "dockers" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in hurt] == [("conflicting", 2)]
    assert [d.topic for d in aligned.divergences] == ["number of dockers: 4 vs 5"]


def test_one_count_told_in_other_words_with_one_figure_corroborates(analyse: Any) -> None:
    aligned = _align(analyse, {"a": TOLL_WIRE, "b": TOLL_LOCAL, **FILLER})
    jury = [f for f in aligned.facts if "jury" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in jury] == [("corroborated", 2)]


def test_counts_of_close_synonyms_are_one_count(analyse: Any) -> None:
    aligned = _align(analyse, {
        "a": "Three employees were hurt.",
        "b": "Four workers were injured when the crane fell at the Pellow marina, the harbour "
             "board said.", **FILLER})
    hurt = [f for f in aligned.facts if "hurt" in f.text or "injured" in f.text]
    assert [(f.agreement, len(f.evidence)) for f in hurt] == [("conflicting", 2)]
    assert [d.topic for d in aligned.divergences] == ["number of workers: 3 vs 4"]


@pytest.mark.parametrize("other", [
    # other people counted
    "Rolf Danner and Ines Moor were killed and five other passengers were hurt.",
    # the same people, another state
    "Rolf Danner was killed and five other dockers died in hospital.",
    # the whole, not the part ("four other dockers")
    "Rolf Danner and Ines Moor were killed and five dockers were hurt in all.",
])
def test_counts_of_other_things_are_no_fact_together(analyse: Any, other: str) -> None:
    aligned = _align(analyse, {"a": TOLL_WIRE, "b": other, **FILLER})
    together = [f for f in aligned.facts if {s.article for s in f.evidence} >= {"a", "b"}]
    assert not together and not aligned.divergences


def test_a_count_told_in_passing_is_not_what_a_bare_count_states(analyse: Any) -> None:
    # "the two dockers who died" tells of the families; the bare toll of another outlet
    # is no second source of what the families asked.
    aligned = _align(analyse, {
        "a": "Families of the two dockers who died have asked to read statements in court.",
        "b": "Two dockers were killed.", **FILLER})
    assert not [f for f in aligned.facts if {s.article for s in f.evidence} >= {"a", "b"}]



def test_an_aside_is_no_toll_a_bare_count_states(analyse: Any) -> None:
    # "..., injuring two people" tells of the van; the bare toll counts all the hurt.
    aligned = _align(analyse, {"a": "Rioters also attacked a radio van in Pellow, injuring "
                                    "two people.",
                               "b": "About 40 people have been injured.", **FILLER})
    assert not [f for f in aligned.facts if {s.article for s in f.evidence} >= {"a", "b"}]
    assert not aligned.divergences


def test_a_count_pairs_only_sentences_no_other_path_linked(analyse: Any) -> None:
    # A fallback: sentences the model grouped with another outlet's keep their group, so a
    # count they share with a third sentence cannot chain groups together.
    aligned = _align(analyse, {
        "a": "Rolf Danner was killed and four other dockers were hurt at Pellow quay on Monday.",
        "b": "Rolf Danner was killed and four other dockers were hurt at Pellow quay on Monday, "
             "police said.",
        "c": "Three other dockers were injured.", **FILLER})
    joined = [f for f in aligned.facts if any(s.article == "c" for s in f.evidence)]
    assert [len(f.evidence) for f in joined] == [1]


def test_a_count_the_other_gives_for_another_state_corroborates_nothing(analyse: Any) -> None:
    # Five wounded is no second source for five killed, nor is "two killed" its agreement.
    aligned = _align(analyse, {"a": "Two soldiers were killed and five others were wounded "
                                    "near Korva.",
                               "b": "Five soldiers were killed.", **FILLER})
    assert not [f for f in aligned.facts if f.agreement == "corroborated" and
                {s.article for s in f.evidence} >= {"a", "b"}]


def test_two_things_said_to_open_on_one_day_are_two_facts(analyse: Any) -> None:
    """walk25: "the council said a public inquiry ... would open next Monday" and "Wrenfield
    said a relief fund for flooded households would open on Monday" were one fact, a false
    third source for the inquiry."""
    alignment = _align(analyse, {
        "a": "The county council said a public inquiry into the flood defences would open "
             "next Monday.",
        "b": "The council's leader, Tobias Wrenfield, said a relief fund for flooded "
             "households would open on Monday.", **FILLER})
    assert [f.agreement for f in alignment.facts] == ["single"] * 4


def test_one_thing_said_to_open_in_other_words_is_still_one_fact(analyse: Any) -> None:
    alignment = _align(analyse, {
        "a": "The county council said a public inquiry into the flood defences would open "
             "next Monday.",
        "b": "The public inquiry into the county's flood defences opens next Monday, the "
             "council said.", **FILLER})
    assert "corroborated" in [f.agreement for f in alignment.facts]


def test_one_payer_told_in_other_words_with_a_word_in_common_is_one_fact(
        analyse: Any) -> None:
    # "the national government" and "the national authorities": one payer in other words
    alignment = _align(analyse, {
        "a": "Transport Minister Ivo Strand said the national government would pay for the "
             "work.",
        "b": "Transport Minister Ivo Strand said the national authorities would pay for the "
             "job.", **FILLER})
    assert "corroborated" in [f.agreement for f in alignment.facts]


def test_one_thing_said_to_open_told_new_and_by_its_kind_is_still_one_fact(
        analyse: Any) -> None:
    """revw25: "the new footbridge" is told by no word of its kind ("new" tells its age),
    so "the replacement pedestrian crossing" may be the same bridge: one fact, as before
    walk25."""
    alignment = _align(analyse, {
        "a": "The county council said the new footbridge over the River Sceld would open on "
             "Monday.",
        "b": "The county council said the replacement pedestrian crossing would open on "
             "Monday.", **FILLER})
    assert "corroborated" in [f.agreement for f in alignment.facts]
