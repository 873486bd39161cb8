"""Quotes: kinds, cues and speakers, on hand-made fictional text and the demo."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from storyline.entities import link_entities
from storyline.models import Mention
from storyline.speakers import SpeakerResolver


def _quotes(analyse: Any, text: str) -> list[Any]:
    return list(analyse(text).quotes)


def _by_text(quotes: list[Any], fragment: str) -> Any:
    matches = [q for q in quotes if fragment in q.text]
    assert matches, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return matches[0]


def test_direct_quote_with_cue_after(analyse: Any) -> None:
    quotes = _quotes(analyse, 'Mayor Ilse Varga spoke in Dunmore. "The bridge will reopen in '
                              'spring," Varga said on Monday.')
    quote = _by_text(quotes, "The bridge will reopen")
    assert quote.kind == "direct"
    assert quote.cue == "said"
    assert quote.speaker_text == "Varga"
    assert quote.text == "The bridge will reopen in spring,"


def test_direct_quote_with_cue_before_and_colon(analyse: Any) -> None:
    quotes = _quotes(analyse, 'Transport Minister Tomas Brandt said: "This is a difficult week '
                              'for everyone in the valley."')
    quote = _by_text(quotes, "difficult week")
    assert quote.kind == "direct"
    assert "Brandt" in (quote.speaker_text or "")


def test_split_quote_around_cue_is_one_quote(analyse: Any) -> None:
    text = ('Mayor Ilse Varga met residents. "Safety comes first," she said, '
            '"and the city will pay for the inspections."')
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert len(quotes) == 1
    assert quotes[0].text == "Safety comes first, and the city will pay for the inspections."
    assert "Ilse Varga" in (quotes[0].speaker_text or "")


def test_pronoun_speaker_resolves_to_previous_person(analyse: Any) -> None:
    text = ('Dr. Amara Osei inspected the piers. "We caught this early, and that gives us '
            'options," she added.')
    quote = _by_text(_quotes(analyse, text), "caught this early")
    assert quote.speaker_text is not None and "Osei" in quote.speaker_text
    assert quote.cue == "added"


def test_pronoun_skips_person_of_other_gender(analyse: Any) -> None:
    text = ('Ms. Nadia Kovac opened the wing. Mr. Samuel Trent hung the paintings. '
            '"We wanted people to feel the weather change," she said.')
    quote = _by_text(_quotes(analyse, text), "feel the weather")
    assert quote.speaker_text is not None and "Kovac" in quote.speaker_text


def test_pronouns_keep_their_person_salient(analyse: Any) -> None:
    # Dahl is named two sentences back, but the "he" of each sentence since refers to him;
    # Holm, named once in a phrase just before the cue, does not outweigh that.
    text = ('Ferry captain Oren Dahl spoke to the harbour board on Tuesday. Dahl noted that at '
            'one of his first meetings, in 1992, he backed a plan to merge the two lines. '
            'Though that merger was smooth, he said, a new one would be much harder. Allies '
            'of Councillor Peter Holm would fight it, and that is why, he argued, the board '
            'must prepare now.')
    quote = _by_text(_quotes(analyse, text), "the board must prepare")
    assert quote.cue == "argued"
    assert quote.speaker_text == "Dahl"


def test_told_names_the_speaker_not_the_listener(analyse: Any) -> None:
    text = ('"The ministry will cover the cost of the repairs," Tomas Brandt told reporters '
            'in the capital.')
    quote = _by_text(_quotes(analyse, text), "cover the cost")
    assert quote.cue == "told"
    assert quote.speaker_text == "Tomas Brandt"


def test_according_to_is_indirect_with_organisation_speaker(analyse: Any) -> None:
    text = "According to the Ministry of Transport, the repairs will take six months."
    quote = _by_text(_quotes(analyse, text), "repairs will take")
    assert quote.kind == "indirect"
    assert quote.cue == "according to"
    assert "Ministry of Transport" in (quote.speaker_text or "")
    assert quote.text == "the repairs will take six months"


def test_reported_speech_with_that(analyse: Any) -> None:
    text = "Mayor Ilse Varga said that the bridge would stay closed until October."
    quote = _by_text(_quotes(analyse, text), "bridge would stay closed")
    assert quote.kind == "indirect"
    assert quote.text == "the bridge would stay closed until October"
    assert quote.speaker_text is not None and "Varga" in quote.speaker_text


def test_quoted_phrase_in_the_cue_argument_is_one_mixed_quote(analyse: Any) -> None:
    # What she is reported to have said is "the closure was painful but necessary".
    text = 'Mayor Ilse Varga called the closure "painful but necessary" on Wednesday.'
    quotes = _quotes(analyse, text)
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].text == 'the closure "painful but necessary"'
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text
    assert quotes[0].cue == "called"
    assert quotes[0].speaker_text is not None and "Varga" in quotes[0].speaker_text


def test_a_list_of_quoted_phrases_after_one_cue_is_one_mixed_quote(analyse: Any) -> None:
    text = ('Premier Tomas Brandt condemned the strike as "reckless and selfish" and a '
            '"gift to our rivals" at a rally in Norhaven.')
    quotes = _quotes(analyse, text)
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].text == 'the strike as "reckless and selfish" and a "gift to our rivals"'
    assert quotes[0].speaker_text is not None and "Brandt" in quotes[0].speaker_text


def test_a_second_verb_joined_by_and_stays_out_of_the_mixed_quote(analyse: Any) -> None:
    text = ('Mayor Ilse Varga criticized the plan as "a slow disaster" and asked the council '
            'to vote again.')
    quote = _by_text(_quotes(analyse, text), "slow disaster")
    assert quote.kind == "mixed"
    assert quote.text == 'the plan as "a slow disaster"'


def test_partial_quote_in_a_description_stays_partial(analyse: Any) -> None:
    # 'what the mayor called "..."' names a thing; the sentence's claim is the crews'.
    text = ('The ferry crews, who walked out on Monday, want what Mayor Ilse Varga called '
            '"a fair deal for the harbour."')
    quote = _by_text(_quotes(analyse, text), "fair deal")
    assert quote.kind == "partial"
    assert quote.text == "a fair deal for the harbour."
    assert quote.speaker_text is not None and "Varga" in quote.speaker_text


def test_scare_quotes_and_titles_are_not_quotes(analyse: Any) -> None:
    text = ('Councillors want to revive the so-called "bridge tax" this year. '
            'The gallery showed "Storm Over Elsin" in its new wing.')
    assert not [q for q in _quotes(analyse, text) if q.kind != "indirect"]


def test_quote_offsets_point_at_the_text(analyse: Any) -> None:
    text = 'Residents waited. "My route is now forty minutes longer," said Paul Fenwick.'
    [quote] = [q for q in analyse(text).quotes if q.kind != "indirect"]
    assert quote.text == "My route is now forty minutes longer,"
    assert text[quote.start:quote.end] == quote.text


def test_demo_speakers_are_resolved(bridge: dict[str, Any]) -> None:
    people = {p["id"]: p["name"] for p in bridge["people"]}
    by_text: dict[str, set[str | None]] = {}
    for quote in bridge["quotes"]:
        by_text.setdefault(quote["text"][:30], set()).add(quote["speaker_name"])
    assert by_text["We will not reopen the bridge "] == {"Ilse Varga"}
    assert by_text["The ministry will cover the co"] == {"Tomas Brandt"}
    assert by_text["The minister is following the "] == {"Lena Marsh"}
    assert by_text["My route is now forty minutes "] == {"Paul Fenwick"}
    assert by_text["the repairs will take six mont"] == {"Ministry of Transport"}
    assert all(q["speaker"] in people or q["speaker"] is None or q["speaker"].startswith("o")
               for q in bridge["quotes"])


def test_demo_quote_text_is_exact(bridge: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in bridge["articles"]}
    single = [q for q in bridge["quotes"] if q["kind"] != "indirect"]
    exact = [q for q in single if texts[q["article"]][q["start"]:q["end"]] == q["text"]]
    assert len(exact) >= 0.8 * len(single)
    for quote in single:
        assert quote["text"].split()[0] in texts[quote["article"]][quote["start"]:quote["end"]]


def test_every_turn_starts_at_a_quote_of_its_article(demo_dossiers: list[dict[str, Any]],
                                                    analyse: Any) -> None:
    # The first quoted phrase goes into a mixed quote; the turn of the next one must not
    # point at it.
    texts = ['The plan was "a slow disaster for the town," Mayor Ilse Varga said. '
             '"We will fight it."']
    quotes = [q for text in texts for q in _quotes(analyse, text)] + \
        [q for d in demo_dossiers for q in d["quotes"]]
    starts = {(_field(q, "article"), _field(q, "start")) for q in quotes}
    for quote in quotes:
        if _field(quote, "turn_start") is not None:
            assert (_field(quote, "article"), _field(quote, "turn_start")) in starts


def _field(quote: Any, name: str) -> Any:
    if isinstance(quote, dict):
        return quote[name]
    return quote.article_id if name == "article" else getattr(quote, name)


def test_reported_clause_before_the_cue(analyse: Any) -> None:
    text = "The ferry will resume service in the spring, Captain Oren Malik said."
    quote = _by_text(_quotes(analyse, text), "ferry will resume")
    assert quote.kind == "indirect"
    assert quote.text == "The ferry will resume service in the spring"
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_reported_clause_around_a_parenthetical_cue(analyse: Any) -> None:
    text = "The old pier, Captain Oren Malik said, would be rebuilt by the harbour board."
    quote = _by_text(_quotes(analyse, text), "old pier")
    assert quote.kind == "indirect"
    assert quote.text == "The old pier would be rebuilt by the harbour board"
    assert text[quote.start:quote.end].startswith("The old pier")
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_a_second_cue_between_two_quotes_keeps_them_apart(analyse: Any) -> None:
    text = ('"The tide tables were wrong," Captain Oren Malik said, adding later, '
            '"We will publish new ones next week."')
    quotes = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The tide tables were wrong,",
                                        "We will publish new ones next week."]


def test_quote_after_a_reported_sentence_takes_its_speaker(analyse: Any) -> None:
    text = ('The ferry timetable will change in May, Captain Oren Malik said. '
            '"The old timetable no longer fits the tides."')
    quote = _by_text(_quotes(analyse, text), "old timetable")
    assert quote.kind == "direct"
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_cue_after_a_question_mark_in_the_next_sentence(analyse: Any) -> None:
    text = ('"Who checked the tide tables? Nobody did?" a narrator in the harbour film asks. '
            'The film ends there.')
    quote = _by_text(_quotes(analyse, text), "tide tables")
    assert quote.cue == "asks"
    assert quote.speaker_text is not None and "narrator" in quote.speaker_text


def test_titles_after_a_preposition_and_numbers_are_not_quotes(analyse: Any) -> None:
    text = ('Mayor Ilse Varga said on "Morning Harbour Hour" that the bridge would reopen. '
            'The ferry, she said, is listed as "4471" in the register.')
    quoted = [q.text for q in _quotes(analyse, text) if q.kind in {"direct", "partial"}]
    assert quoted == []


def test_comma_participle_cue_speaks_for_the_main_subject(analyse: Any) -> None:
    text = ('Mayor Ilse Varga was calm when asked about the ferry captain who said he was '
            'tired, saying, "We will manage the crossing without him."')
    quote = _by_text(_quotes(analyse, text), "manage the crossing")
    assert quote.speaker_text is not None and "Varga" in quote.speaker_text


def test_pronoun_prefers_the_subject_to_a_nearer_object(analyse: Any) -> None:
    text = ('Mr. Oren Malik praised the plan of councillor Peter Hale for the ferry on Monday. '
            '"It is the right plan for the winter," he said.')
    quote = _by_text(_quotes(analyse, text), "right plan")
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_pronoun_gender_comes_from_the_text_around_a_name(analyse: Any) -> None:
    text = ('Mayor Ilse Varga thanked her staff for her work on the bridge. '
            'Oren Malik watched from his boat with his crew. '
            '"We will reopen the crossing in spring," she said.')
    quote = _by_text(_quotes(analyse, text), "reopen the crossing")
    assert quote.speaker_text is not None and "Varga" in quote.speaker_text


def test_pronoun_prefers_a_name_in_its_own_sentence(analyse: Any) -> None:
    text = ('Oren Malik spoke to the council on Monday. Malik asked for a vote. '
            'Tomas Brandt, the transport minister, said the bridge would wait, but he said '
            'the ferry "would run every hour from May."')
    quote = _by_text(_quotes(analyse, text), "every hour")
    assert quote.speaker_text is not None and "Brandt" in quote.speaker_text


def test_quote_on_a_verb_that_is_no_speech_cue_takes_its_subject(analyse: Any) -> None:
    text = 'Mayor Ilse Varga thanked the divers for "keeping the whole harbour safe all winter."'
    quote = _by_text(_quotes(analyse, text), "keeping the whole harbour")
    assert quote.cue == "thanked"
    assert quote.speaker_text is not None and "Varga" in quote.speaker_text


def test_quote_after_a_name_and_colon_takes_that_name(analyse: Any) -> None:
    text = ('The council met on Monday. Harbour master Oren Malik: "The tide tables were wrong '
            'for a month and nobody noticed."')
    quote = _by_text(_quotes(analyse, text), "tide tables")
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_a_time_stamp_parsed_as_subject_is_not_the_speaker(nlp: Any) -> None:
    # The parse of "12:15 p.m. Tomas Brandt says ..." that news blogs get: the time is the
    # subject, the name hangs on it.
    words = ["12:15", "p.m.", "Tomas", "Brandt", "says", "the", "ferry", "runs", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 4, 3, 1, 4, 6, 7, 4, 4],
              deps=["nummod", "nsubj", "compound", "appos", "ROOT", "det", "nsubj", "ccomp",
                    "punct"],
              pos=["NUM", "NOUN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"])
    start = doc[2].idx
    brandt = Mention("a1", "Tomas Brandt", start, doc[3].idx + 6, "PERSON", name="Tomas Brandt")
    resolver = SpeakerResolver(doc, [brandt], bytearray(len(doc.text)))
    assert resolver.speaker_of(doc[4]) == ("Tomas Brandt", start, start + 12)


def test_quotes_around_a_closing_attribution_are_one_turn(analyse: Any) -> None:
    text = ('"The tide tables were wrong for a month," Captain Oren Malik said on Monday. '
            '"Nobody checked them." The council met again on Tuesday. '
            '"We will publish new tables next week," the clerk added.')
    quotes = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    first, second, third = quotes
    assert first.turn_start == second.turn_start == first.start
    assert second.speaker_text is not None and "Malik" in second.speaker_text
    assert second.cue == "said"
    assert third.turn_start == third.start


def test_a_quote_with_its_own_attribution_starts_a_new_turn(analyse: Any) -> None:
    text = ('"Yes," said Ilse Varga. "No," said Oren Malik. "Maybe," said Tom Hale.')
    quotes = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert [q.speaker_text for q in quotes] == ["Ilse Varga", "Oren Malik", "Tom Hale"]
    assert len({q.turn_start for q in quotes}) == 3
    text = ('"The ferry will run," Oren Malik said. "No, it will not," Ilse Varga replied.')
    second = _by_text(_quotes(analyse, text), "it will not")
    assert second.speaker_text == "Ilse Varga" and second.cue == "replied"


def test_a_sentence_between_two_quotes_ends_the_turn(analyse: Any) -> None:
    text = ('"It was late," Ilse Varga said. Her husband Oren Malik stayed at home. '
            '"The roads were icy."')
    quote = _by_text(_quotes(analyse, text), "roads were icy")
    first = _by_text(_quotes(analyse, text), "It was late")
    assert quote.turn_start != first.turn_start


def test_quote_after_a_sentence_about_a_person_is_theirs(analyse: Any) -> None:
    text = ('Captain Oren Malik has run the night ferry for twenty years.\n\n'
            '"It is hard work in the winter, and the boat is old."')
    quote = _by_text(_quotes(analyse, text), "hard work")
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_quote_after_a_colon_takes_the_last_cue_before_it(analyse: Any) -> None:
    text = ('The council wrote to the ministry in May, and Mayor Ilse Varga replied:\n\n'
            '"The city will not pay for a bridge it does not own."')
    quote = _by_text(_quotes(analyse, text), "will not pay")
    assert quote.speaker_text is not None and "Varga" in quote.speaker_text


def test_quote_before_a_name_and_any_verb_is_theirs(analyse: Any) -> None:
    text = '"Go back to the harbour and count the boats," Oren Malik snapped at the clerk.'
    quote = _by_text(_quotes(analyse, text), "count the boats")
    assert quote.cue == "snapped"
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_first_person_cue_has_no_speaker(analyse: Any) -> None:
    text = 'Mayor Ilse Varga met me at the pier. "The crossing is safe again," I said.'
    quote = _by_text(_quotes(analyse, text), "crossing is safe")
    assert quote.speaker_text is None


def test_participle_after_a_quote_ending_in_a_comma_speaks_for_the_main_subject(
        analyse: Any) -> None:
    text = ('Tomas Brandt told the radio station that Oren Malik "had a crazy plan for the '
            'ferry which was maniacal," adding, "He lost every vote in the valley."')
    quote = _by_text(_quotes(analyse, text), "lost every vote")
    assert quote.speaker_text is not None and "Brandt" in quote.speaker_text


def test_object_control_makes_the_object_the_speaker(analyse: Any) -> None:
    text = ('The senator also forced Oren Malik, who ran the ferry company for a decade, to '
            'admit that no manager had been punished.')
    quote = _by_text(_quotes(analyse, text), "no manager")
    assert quote.speaker_text is not None and "Malik" in quote.speaker_text


def test_reported_clause_opening_with_a_quoted_phrase_is_one_mixed_quote(analyse: Any) -> None:
    text = 'Mayor Ilse Varga said "bridge tolls" and the new ferry fees would pay for it.'
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].text == '"bridge tolls" and the new ferry fees would pay for it'
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text


def test_a_reported_clause_ending_in_a_quoted_phrase_keeps_its_closing_mark(
        analyse: Any) -> None:
    text = 'Mayor Ilse Varga said the ferry deal was "dead on arrival" and left the room.'
    quote = _by_text(_quotes(analyse, text), "dead on arrival")
    assert quote.kind == "mixed"
    assert quote.text.startswith("the ferry deal was")
    assert '"dead on arrival"' in quote.text
    assert text[quote.start:quote.end] == quote.text


def test_a_time_stamp_subject_with_an_untagged_name_gives_the_name(nlp: Any) -> None:
    words = ["12:15", "p.m.", "Tomas", "Brandt", "says", "the", "ferry", "runs", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 4, 3, 4, 4, 6, 7, 4, 4],
              deps=["nummod", "nsubj", "compound", "npadvmod", "ROOT", "det", "nsubj",
                    "ccomp", "punct"],
              pos=["NUM", "NOUN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"])
    resolver = SpeakerResolver(doc, [], bytearray(len(doc.text)))
    start = doc[2].idx
    assert resolver.speaker_of(doc[4]) == ("Tomas Brandt", start, start + 12)


def test_description_with_a_name_in_apposition_speaks_as_that_name(analyse: Any) -> None:
    text = ('"We will not back down," Premier Tomas Brandt told reporters on Tuesday.\n\n'
            'The opposition leader, Ana Ruiz, said the plan would cost too much.\n\n'
            '"He is wasting money," she said.')
    quotes = _quotes(analyse, text)
    assert _by_text(quotes, "cost too much").speaker_text == "Ana Ruiz"
    assert _by_text(quotes, "wasting money").speaker_text == "Ana Ruiz"


def test_police_title_abbreviation_does_not_end_the_sentence(analyse: Any) -> None:
    text = 'The driver fled on foot, according to Cpl. Lena Marsh.'
    quote = _by_text(_quotes(analyse, text), "driver fled")
    assert quote.speaker_text is not None and "Marsh" in quote.speaker_text


def test_name_after_the_cue_and_a_title_speaks(analyse: Any) -> None:
    text = '"There was nobody inside," said Const. Lena Marsh of the city police.'
    quote = _by_text(_quotes(analyse, text), "nobody inside")
    assert quote.speaker_text is not None and "Marsh" in quote.speaker_text


def test_they_names_a_group_never_one_person(analyse: Any) -> None:
    text = ('Senators Ada Grassley and Tom Leahy wrote to the ministry. Mayor Ilse Varga '
            'replied on Monday. "The program is broken," they wrote.')
    quote = _by_text(_quotes(analyse, text), "program is broken")
    assert quote.speaker_text == "Ada Grassley and Tom Leahy"
    text = 'Tomas Brandt met the council. They said the plan was too costly.'
    quote = _by_text(_quotes(analyse, text), "too costly")
    assert quote.speaker_text is None


def test_a_group_speaker_resolves_to_no_single_person(analyse: Any) -> None:
    text = ('Senators Ada Grassley and Tom Leahy wrote to the ministry on Monday. '
            '"The program is broken," they wrote.')
    result = analyse(text, id="a0")
    quote = _by_text(list(result.quotes), "program is broken")
    index = link_entities(list(result.mentions))
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert index.resolve("a0", quote.speaker_start, quote.speaker_end,
                         quote.speaker_text or "") is None


def test_they_skips_plural_subjects_that_are_not_people(analyse: Any) -> None:
    text = ('The Harbour Authority met on Friday. Ferry fares rose by a third in May. '
            '"We had no choice," they said.')
    quote = _by_text(_quotes(analyse, text), "no choice")
    assert quote.speaker_text != "Ferry fares"


def test_a_passive_cue_or_a_dash_aside_is_not_part_of_the_mixed_quote(analyse: Any) -> None:
    passive = 'The harbour board was called "asleep at the wheel" by the ferry crews last week.'
    assert [q.kind for q in _quotes(analyse, passive)] == ["partial"]
    text = ('Mayor Ilse Varga likened the new rules to "burning the harbour charter" - a charge '
            'that stung the board.')
    quote = _by_text(_quotes(analyse, text), "burning the harbour charter")
    assert quote.kind == "mixed"
    assert "charge" not in quote.text and text[quote.start:quote.end] == quote.text


def test_a_quoted_phrase_after_a_reported_clause_joins_its_mixed_quote(analyse: Any) -> None:
    text = ('Mayor Ilse Varga claimed that the ferry deal was "a slow disaster" but "nobody '
            'will admit it."')
    quotes = _quotes(analyse, text)
    assert [q.kind for q in quotes] == ["mixed"]
    assert quotes[0].text == 'the ferry deal was "a slow disaster" but "nobody will admit it."'
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text


def _speaker_name(analyse: Any, text: str, fragment: str) -> str | None:
    """The entity name a quote's speaker phrase resolves to, as in the dossier."""
    result = analyse(text, id="a0")
    quote = _by_text(list(result.quotes), fragment)
    index = link_entities(list(result.mentions))
    assert quote.speaker_start is not None and quote.speaker_end is not None
    found = index.resolve("a0", quote.speaker_start, quote.speaker_end,
                          quote.speaker_text or "")
    entity = index.get(found) if found else None
    return entity.name if entity else None


def test_a_description_names_no_one_the_article_introduces_later(analyse: Any) -> None:
    text = ('The hearing in Harlow went on for hours on Tuesday.\n\nA Dunmore mother of '
            'three spoke next. "We trusted him," the 38-year-old teacher said.\n\nTom '
            'Tilley, a retired teacher who leads the union, also spoke.')
    result = analyse(text, id="a0")
    assert _by_text(list(result.quotes), "trusted him").speaker_text == \
        "the 38-year-old teacher"
    assert _speaker_name(analyse, text, "trusted him") is None


def test_another_resident_and_a_former_mayor_are_someone_else(analyse: Any) -> None:
    text = ('"We were never asked," said Lena Marsh, a resident of Dunmore Island.\n\n'
            '"It will cost me my job," another resident said.\n\nMayor Tom Brandt said the '
            'town would appeal. "This decision is a mistake," the former mayor said.')
    assert _speaker_name(analyse, text, "cost me my job") is None
    assert _speaker_name(analyse, text, "decision is a mistake") is None


def test_a_job_called_partner_makes_no_one_a_relative(analyse: Any) -> None:
    text = ('Kate Jenkin, a partner at the law firm Brandt & Doyle, said the contract was '
            'signed on Monday.\n\nTom Jenkin, the harbour master, was not at the signing.'
            '\n\nJenkin said the contract would be published next week.')
    assert _speaker_name(analyse, text, "published next week") is None  # two Jenkins


def test_the_company_is_the_stories_one_business(analyse: Any) -> None:
    text = ('The Dunmore Port Authority and Harbourline Ferries signed a deal on Monday. '
            '"It took a year," the company said in a statement.')
    assert _speaker_name(analyse, text, "took a year") == "Harbourline Ferries"


def test_the_company_stays_unresolved_between_two_businesses(analyse: Any) -> None:
    text = ('Harbourline Ferries and Tidewater Shipping signed a deal on Monday. '
            '"It took a year," the company said in a statement.')
    assert _speaker_name(analyse, text, "took a year") is None


def test_the_ceo_is_the_named_chief_executive(analyse: Any) -> None:
    text = ('Oren Dahl, the chief executive of Harbourline Ferries, spoke on Monday. '
            '"We lost money," the CEO said.')
    assert _speaker_name(analyse, text, "lost money") == "Oren Dahl"


def test_speaker_name_taken_for_a_work_of_art_is_a_person(analyse: Any) -> None:
    # The small model tags this unfamiliar name WORK_OF_ART; as the subject of "told" it
    # is a person, so the quote's speaker resolves to a named entity.
    text = '"The ferry plan is a scam," Oren Dahl told reporters this week.'
    assert _speaker_name(analyse, text, "ferry plan") == "Oren Dahl"


def test_he_after_a_reported_speaker_is_that_speaker(analyse: Any) -> None:
    # Keller speaks, Dahl is only spoken about: the next "He said" is Keller's.
    text = ('Harbour spokesman Tomas Keller said Monday that Mayor Oren Dahl has long called '
            'for lower fares and for relief for island families. He said Dahl hopes that the '
            'next board will push for the same goals.')
    quote = _by_text(_quotes(analyse, text), "next board will push")
    assert quote.speaker_text == "Tomas Keller"


def test_cue_in_the_next_paragraph_is_not_the_quotes_cue(analyse: Any) -> None:
    text = ('Ferry captain Oren Dahl says the new schedule is a mistake.\n\n'
            '"It is the wrong call for the island," Dahl says. "People will lose their jobs."'
            '\n\nHe added that the crews were never consulted.')
    quote = _by_text(_quotes(analyse, text), "lose their jobs")
    assert quote.cue == "says"
    assert quote.speaker_text == "Dahl"


def test_cue_before_a_colon_in_the_paragraph_before(analyse: Any) -> None:
    text = ('Ferry captain Oren Dahl answered with an example from the harbour.\n\nHe said:\n\n'
            '"We have a situation where the boats are empty because the fares are so high. '
            'You walk down the pier and you see nobody."')
    quote = _by_text(_quotes(analyse, text), "boats are empty")
    assert quote.cue == "said"
    assert quote.speaker_text is not None and "Dahl" in quote.speaker_text


def test_reads_a_statement_is_a_cue(analyse: Any) -> None:
    text = ('The Ministry of Coastal Affairs closed the pier on Friday. "Safety comes first," '
            'reads a statement from the Ministry of Coastal Affairs.')
    quote = _by_text(_quotes(analyse, text), "Safety comes first")
    assert quote.cue == "reads"
    assert _speaker_name(analyse, text, "Safety comes first") == "Ministry of Coastal Affairs"


def test_reading_is_no_reported_speech(analyse: Any) -> None:
    text = 'Ferry captain Oren Dahl reads that the fares will rise in the morning paper.'
    assert not [q for q in _quotes(analyse, text) if q.kind == "indirect"]


def test_descriptions_find_the_holder_of_a_lower_case_or_abbreviated_title(
        analyse: Any) -> None:
    cases = [
        ('Former mayor Oren Dahl attended the meeting. "I warned them in 2010," the former '
         'mayor said.', "warned them", "Oren Dahl"),
        ('Conservative MP Oren Dahl asked for an inquiry. "People deserve answers," the MP '
         'said.', "deserve answers", "Oren Dahl"),
        ('Coun. Lena Marsh voted against the plan. "It is rushed," the councillor said.',
         "is rushed", "Lena Marsh"),
    ]
    for text, fragment, name in cases:
        assert _speaker_name(analyse, text, fragment) == name, text


def test_lower_case_title_is_not_part_of_the_speaker_name(analyse: Any) -> None:
    text = 'Harbour Ferries spokesman Tomas Keller said the boats would sail on Monday.'
    quote = _by_text(_quotes(analyse, text), "boats would sail")
    assert quote.speaker_text == "Tomas Keller"


def test_the_n_year_old_is_the_person_named_with_that_age(analyse: Any) -> None:
    text = ('Lena Marsh, 45, and her neighbour Oren Dahl, 71, lost their homes in the storm. '
            '"I have nothing left," the 45-year-old said.')
    quote = _by_text(_quotes(analyse, text), "nothing left")
    assert quote.speaker_text == "Lena Marsh"
    text = text.replace("Dahl, 71", "Dahl, 45")
    quote = _by_text(_quotes(analyse, text), "nothing left")
    assert quote.speaker_text is not None and "Marsh" not in quote.speaker_text


def test_person_just_introduced_with_a_role_is_the_likely_he(analyse: Any) -> None:
    # Dahl is named twice, but Keller, introduced with his role right before the quote,
    # is the one about to speak.
    text = ('Officials blamed Oren Dahl for the delay. The delay under Dahl worries Tomas '
            'Keller, president of the Dunmore Ferry Riders Association. "Nobody believes the '
            'dates any more," he said.')
    quote = _by_text(_quotes(analyse, text), "Nobody believes")
    assert quote.speaker_text == "Tomas Keller"


def test_it_said_is_the_salient_organisation_not_the_nearest(analyse: Any) -> None:
    text = ('Harbourline Ferries cut two routes on Monday after talks with the Dunmore Port '
            'Authority failed. In a statement, it said the routes lost money.')
    quote = _by_text(_quotes(analyse, text), "routes lost money")
    assert quote.speaker_text == "Harbourline Ferries"


def test_a_title_the_tagger_took_into_an_organisation_is_a_person(analyse: Any) -> None:
    # The small model tags "Councillor Oren Dahl" as an organisation; the title says person,
    # so the later bare "Dahl" is the same councillor.
    text = ('Councillor Oren Dahl wrote on Facebook that the vote was rigged.\n\n'
            '"This council has lost the trust of every taxpayer in the ward," Dahl wrote in '
            'the post.')
    assert _speaker_name(analyse, text, "lost the trust") == "Oren Dahl"


def test_an_organisation_in_apposition_speaks_for_its_description(analyse: Any) -> None:
    text = ('The union representing the nurses, the Dunmore Nurses Association, said the deal '
            'was unfair to its members.')
    quote = _by_text(_quotes(analyse, text), "deal was unfair")
    assert quote.speaker_text == "Dunmore Nurses Association"


def test_as_x_put_it_gives_the_speaker_of_a_partial_quote(analyse: Any) -> None:
    for text in ('The ferry plan is "a gift to the rich and nothing else," as Lena Marsh put '
                 'it on Monday.',
                 'As Lena Marsh put it on Monday, the ferry plan is "a gift to the rich and '
                 'nothing else."'):
        quote = _by_text(_quotes(analyse, text), "gift to the rich")
        assert (quote.cue, quote.speaker_text) == ("put", "Lena Marsh")


def test_put_without_as_it_is_no_cue(analyse: Any) -> None:
    text = 'Lena Marsh put the sign "Closed for winter" on the pier gate on Monday.'
    assert all(q.cue != "put" for q in _quotes(analyse, text))


def test_a_long_show_title_after_of_is_no_quote(analyse: Any) -> None:
    text = ('On Tuesday\'s episode of "The Harbour Town Morning Show," Mayor Ilse Varga said '
            'the bridge would reopen in May.')
    quotes = _quotes(analyse, text)
    assert all("Morning Show" not in q.text for q in quotes)
    assert _speaker_name(analyse, text, "bridge would reopen") == "Ilse Varga"


def test_a_title_after_a_possessive_is_no_quote(analyse: Any) -> None:
    text = ('Oren Dahl told Harbour FM\'s "Morning Tide" on Friday that the pier was unsafe '
            'for the ferry.')
    assert all("Morning Tide" not in q.text for q in _quotes(analyse, text))


def test_a_title_case_utterance_with_a_cue_stays_a_quote(analyse: Any) -> None:
    text = '"We Will Not Back Down," Oren Dahl said at the rally on Friday.'
    quote = _by_text(_quotes(analyse, text), "We Will Not Back Down")
    assert quote.speaker_text == "Oren Dahl"


def test_a_name_said_to_hold_a_role_is_a_person_for_a_later_she(analyse: Any) -> None:
    text = ('Ana Ruiz is the director of the Calder food bank.\n\n'
            '"We have never seen lines like this, not even in the worst winters," she said.')
    assert _speaker_name(analyse, text, "never seen lines") == "Ana Ruiz"


def test_an_agency_named_after_its_country_is_a_body_not_a_person(analyse: Any) -> None:
    # Were "Statistics Canada" a person, the "she" would go to it.
    text = ('Lena Marsh said the recall came too late. Statistics Canada said prices rose '
            'again. "It\'s a disaster for families," she said.')
    assert _speaker_name(analyse, text, "disaster for families") == "Lena Marsh"
    text = ('Health Canada said on Monday that the recall covers three brands. "Consumers '
            'should return the product to the store," it said in a statement.')
    assert _speaker_name(analyse, text, "return the product") == "Health Canada"


def test_the_one_person_named_before_a_colon_speaks(analyse: Any) -> None:
    for text in ("Oren Dahl's message to the council was clear: \"We will not leave the "
                 'island."',
                 'For Oren Dahl, the answer is simple: "We need a bridge and we need it now."'):
        quote = _by_text(_quotes(analyse, text), "We ")
        assert (quote.cue, quote.speaker_text) == (":", "Oren Dahl")


def test_a_name_the_message_is_sent_to_does_not_speak_it(analyse: Any) -> None:
    text = ('Prosecutors showed the jury a text message sent to Lena Marsh on the night of '
            'the fire: "Meet me at the quay at nine."')
    assert _by_text(_quotes(analyse, text), "Meet me").speaker_text is None


def test_an_opening_adverbial_points_back_to_no_quote(analyse: Any) -> None:
    text = ('Protesters hung a banner from the town hall balcony on Monday morning.\n\n'
            '"Save our ferry, save our island, save our jobs."\n\n'
            'So far, Mayor Ilse Varga said, the council has no plans to take the banner down.')
    assert _by_text(_quotes(analyse, text), "Save our ferry").speaker_text is None


def test_two_people_before_a_colon_leave_the_quote_unattributed(analyse: Any) -> None:
    text = 'Oren Dahl found the note from Lena Marsh on the pier: "We will never sell it."'
    quote = _by_text(_quotes(analyse, text), "never sell")
    assert quote.speaker_text is None


def test_a_title_between_a_place_and_a_name_is_a_person(analyse: Any) -> None:
    # The small model tags the whole run as a work of art.
    text = '"The town is broke and nobody is coming," Calder Mayor Oren Dahl said on Monday.'
    assert _speaker_name(analyse, text, "town is broke") == "Oren Dahl"


def test_told_by_in_the_passive_makes_the_agent_the_speaker(analyse: Any) -> None:
    text = '"The pier will not survive another winter," Lena Marsh was told by Oren Dahl.'
    quote = _by_text(_quotes(analyse, text), "pier will not survive")
    assert quote.speaker_text == "Oren Dahl"


def test_an_untagged_name_asking_a_question_is_a_person(analyse: Any) -> None:
    text = ('The council met on Monday.\n\n"Why should the island pay for a bridge it will '
            'never use?" Oren Dahl asked.')
    assert _speaker_name(analyse, text, "Why should") == "Oren Dahl"


def test_a_description_finds_the_one_person_given_that_role(analyse: Any) -> None:
    text = ('Lena Marsh, a nurse at Calder General Hospital, was on shift that night. '
            '"We were overwhelmed," the nurse said.')
    assert _speaker_name(analyse, text, "overwhelmed") == "Lena Marsh"
    text = ('Oren Dahl, the harbour master, closed the pier on Monday. "The waves were too '
            'high," the harbour master said.')
    assert _speaker_name(analyse, text, "waves were too high") == "Oren Dahl"


def test_a_description_two_people_share_stays_unresolved(analyse: Any) -> None:
    text = ('Lena Marsh, a nurse at Calder General Hospital, and Mary Quinlan, a nurse at the '
            'island clinic, worked all night. "We were overwhelmed," the nurse said.')
    assert _speaker_name(analyse, text, "overwhelmed") is None


def test_reported_speech_stays_in_its_cues_paragraph(analyse: Any) -> None:
    text = ('The fire started just after midnight.\n\n"We were lucky to get out alive."\n\n'
            'Lena Marsh and her two children escaped through a window, she said.')
    quotes = _quotes(analyse, text)
    assert all("\n" not in q.text for q in quotes)
    reported = _by_text(quotes, "escaped through a window")
    assert reported.kind == "indirect"


def test_a_sentence_pointing_back_at_a_quote_names_its_speaker(analyse: Any) -> None:
    for text in ('"We were lucky to get out alive."\n\nThat\'s how Lena Marsh described the '
                 'fire that destroyed her home in Calder on Monday.',
                 '"We were lucky to get out alive."\n\nThose were the words of Lena Marsh '
                 'after the fire that destroyed her home in Calder on Monday.'):
        quote = _by_text(_quotes(analyse, text), "lucky to get out")
        assert quote.speaker_text == "Lena Marsh"


def test_a_pointing_sentence_about_a_thing_gives_no_speaker(analyse: Any) -> None:
    text = '"The pier is closed until the spring thaw."\n\nThat is what the sign said.'

    quote = _by_text(_quotes(analyse, text), "closed until the spring")
    assert quote.speaker_text is None


def test_a_title_after_the_word_for_a_work_is_no_quote(analyse: Any) -> None:
    text = ('In her 2019 memoir, "Tides of the Harbour Town," Lena Marsh urged readers to fish '
            'less. "Fish Less And Share More," Marsh said.')
    quotes = [q for q in _quotes(analyse, text) if q.kind in {"direct", "partial"}]
    assert [q.text for q in quotes] == ["Fish Less And Share More,"]


def test_said_in_a_statement_that_reports_the_clause(analyse: Any) -> None:
    quotes = _quotes(analyse, "The Ministry of Transport said in a statement that it was "
                              "monitoring the strike.\n\nThe union said in an interview that "
                              'it was "ready to talk".')
    assert [(q.text, q.kind) for q in quotes] == [
        ("it was monitoring the strike", "indirect"), ('it was "ready to talk"', "mixed")]


def test_reported_speech_leaves_the_dateline_out(analyse: Any) -> None:
    [quote] = _quotes(analyse, "PELLHAM - Academic staff at Pellham University will strike "
                               "from Monday, the union said.")
    assert quote.text == "Academic staff at Pellham University will strike from Monday"


def test_a_report_before_another_cue_is_no_content_of_it(analyse: Any) -> None:
    quotes = _quotes(analyse, "The county clerk said the count was slow.\n\nMarta Quell, a "
                              "Kelby mother of three, said she had queued for water at the "
                              'Fenwick Road centre at 7 a.m. "The shelves were empty by nine,"'
                              " she told the Courier.")
    assert not [q for q in quotes if q.text.startswith("Marta Quell")]
    assert {q.text.rstrip(",") for q in quotes} >= {
        "she had queued for water at the Fenwick Road centre at 7 a.m.",
        "The shelves were empty by nine"}


def test_a_not_inside_the_quote_does_not_negate_its_cue(analyse: Any) -> None:
    # The parser hangs the quote's "not" on "said"; the cue still speaks, and the next
    # quote goes on with the same turn.
    text = ('Harbour news.\n\nThe ferry office has run forty sign-up events on the island.\n\n'
            '"Are we where we need to be? Probably not," Ms. Ana Moore said. "Are we going to '
            'get to where we need to be? Absolutely."\n\nThe mayor did not answer.')
    first, second = [q for q in _quotes(analyse, text) if "we need to be" in q.text]
    assert first.cue == "said" and second.turn_start == first.start


def test_labels_named_by_a_participle_or_known_as_the_are_not_quotes(analyse: Any) -> None:
    text = ('Mayor Ilse Varga launched a blog called "Tidewater" on Monday, said Oren Dahl. '
            'The levy, known as the "Varga rule," was praised by councillors.')
    quoted = [q.text for q in _quotes(analyse, text) if q.kind in {"direct", "partial"}]
    assert quoted == []


def test_a_quoted_name_before_the_noun_it_names_is_no_quote(analyse: Any) -> None:
    text = ('Oren Dahl defended his "Harbour First" plan on Monday, saying the ferry would '
            'run on time.')
    assert [q.text for q in _quotes(analyse, text) if q.kind in {"direct", "partial"}] == []


def test_a_title_keeps_small_words_in_lower_case(analyse: Any) -> None:
    text = ('Lena Marsh joined Harbour FM in May. She is now host of "The Night Shift with '
            'Pell Orrin and Friends."')
    assert all("Night Shift" not in q.text for q in _quotes(analyse, text))


def test_a_subheading_in_single_marks_is_no_quote(analyse: Any) -> None:
    text = ('"We have a plan," Mayor Ilse Varga said on Monday.\n\n'
            "'A long way from the harbour.'\n\n"
            'The ferry left Dunmore at noon with forty passengers on board.')
    quoted = [q.text for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert quoted == ["We have a plan,"]


def test_a_phrase_in_quote_marks_before_a_noun_can_still_be_a_quote(analyse: Any) -> None:
    text = 'Oren Dahl said it was a "very rough and dangerous" crossing for the crew.'
    assert any("very rough" in q.text for q in _quotes(analyse, text))


def test_speech_verbs_with_no_speaker_report_nothing(analyse: Any) -> None:
    text = ('It should be noted that the harbour board has not met since March. '
            'It is too soon to say whether the ferry plan will work. '
            "It is worth noting that the pilots were hired in August. "
            "There is no denying the ferry has had quite a run. "
            'Now tell us the crossing is safe for the children of Dunmore. '
            'The tide gauge reads low this week, according to the harbour data.')
    assert [q.text for q in _quotes(analyse, text)] == []


def test_unnamed_or_reluctant_speakers_still_report(analyse: Any) -> None:
    text = ('Residents of Dunmore were told that the pier would close on Friday. '
            'It was announced that the ferry would stop at noon. '
            'The pier will close on Friday, according to the harbour board. '
            'Oren Dahl was not willing to say who would run the ferry next year.')
    found = [q.text for q in _quotes(analyse, text) if q.kind == "indirect"]
    assert found == ["the pier would close on Friday", "the ferry would stop at noon",
                     "The pier will close on Friday", "who would run the ferry next year"]


def test_a_single_quoted_adjective_before_a_noun_is_a_partial_quote(analyse: Any) -> None:
    text = 'Oren Dahl predicted a "ferocious" fight over the harbour budget this spring.'
    assert any(q.text.strip() == "ferocious" or "ferocious" in q.text
               for q in _quotes(analyse, text) if q.kind != "indirect")


def test_a_named_speaker_of_called_in_a_relative_clause_is_quoted(analyse: Any) -> None:
    text = ('Oren Dahl made claims that Mayor Ilse Varga, for one, called "harbour '
            'gossip."')
    assert any("harbour gossip" in q.text for q in _quotes(analyse, text))


def test_told_warned_and_urged_to_do_something_is_reported_speech(analyse: Any) -> None:
    text = ('The harbour master, Oren Dahl, told his crews to stay in port until the storm '
            'had passed. The coast guard warned sailors to keep clear of the pier. '
            'Mayor Ilse Varga urged residents of the valley to leave their homes before noon.')
    found = {q.cue: q.text for q in _quotes(analyse, text) if q.kind == "indirect"}
    assert found == {"told": "his crews to stay in port until the storm had passed",
                     "warned": "sailors to keep clear of the pier",
                     "urged": "residents of the valley to leave their homes before noon"}


def test_asked_someone_to_do_something_is_reported_speech(analyse: Any) -> None:
    text = 'Mayor Ilse Varga asked the harbour board to delay the vote on the ferry levy.'
    quote = _by_text(_quotes(analyse, text), "delay the vote")
    assert quote.kind == "indirect" and quote.cue == "asked"
    assert quote.text == "the harbour board to delay the vote on the ferry levy"
    assert "Varga" in (quote.speaker_text or "")


def test_asked_whether_is_a_reported_question(analyse: Any) -> None:
    text = 'Oren Dahl asked whether the ferry would run on Sunday. Dahl asked about the fares.'
    found = [(q.cue, q.text) for q in _quotes(analyse, text) if q.kind == "indirect"]
    assert found == [("asked", "whether the ferry would run on Sunday")]


def test_vowed_and_promised_to_do_something_is_reported_speech(analyse: Any) -> None:
    text = ('Mayor Ilse Varga vowed to reopen the Kestrel pier before the summer. Oren Dahl '
            'promised not to raise the ferry fares this year.')
    found = {q.cue: q.text for q in _quotes(analyse, text) if q.kind == "indirect"}
    assert found == {"vowed": "to reopen the Kestrel pier before the summer",
                     "promised": "not to raise the ferry fares this year"}


def test_a_thing_promising_to_do_something_is_no_speech(analyse: Any) -> None:
    text = 'The harbour board bought an app promising to cut the waiting time at the locks.'
    assert [q.text for q in _quotes(analyse, text)] == []


def test_a_clause_continuing_before_he_said_is_reported_speech(analyse: Any) -> None:
    text = ('Oren Dahl runs the ferry company. The talks with the harbour board are '
            'continuing, he said.')
    quote = _by_text(_quotes(analyse, text), "talks with the harbour board")
    assert quote.kind == "indirect" and quote.cue == "said"
    assert quote.text == "The talks with the harbour board are continuing"


def test_told_listeners_that_is_reported_speech(analyse: Any) -> None:
    text = ('Mayor Ilse Varga told a meeting of harbour pilots that few people understood '
            'the tides better than they did.')
    quote = _by_text(_quotes(analyse, text), "few people understood")
    assert quote.kind == "indirect" and quote.cue == "told"
    assert quote.text == "few people understood the tides better than they did"


def test_a_parenthetical_cue_hung_on_the_subject_keeps_the_whole_clause(analyse: Any) -> None:
    text = 'The difference now, Oren Dahl told me on Friday, is that the ferry runs on time.'
    quote = _by_text(_quotes(analyse, text), "The difference now")
    assert quote.text == "The difference now is that the ferry runs on time"


def test_the_writers_aside_after_a_mixed_quote_is_left_out(analyse: Any) -> None:
    text = ('Oren Dahl said the levy was "a gift to the ferry lobby" - which, to be clear, '
            'it was not.')
    quote = _by_text(_quotes(analyse, text), "a gift to the ferry lobby")
    assert quote.kind == "mixed"
    assert quote.text == 'the levy was "a gift to the ferry lobby"'


def test_a_title_before_the_cue_is_not_joined_to_the_quote_after_it(analyse: Any) -> None:
    text = ('Lena Marsh sang the harbour anthem "Tides of Dunmore," and she added the words, '
            '"Vote for Varga."')
    quoted = [q.text for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert quoted == ["Vote for Varga."]


def test_a_participle_urging_is_no_speaker(analyse: Any) -> None:
    text = ('The harbour board adopted a policy urging pilots to report every near miss on '
            'the river.')
    assert [q.text for q in _quotes(analyse, text)] == []


def test_according_to_in_the_middle_reports_the_words_around_it(analyse: Any) -> None:
    text = ('Since last November, according to the Harbour Trust, ferry crews have rescued '
            'more than 400 swimmers in the bay. Ferry crews, according to Oren Dahl, have '
            'rescued more than 400 swimmers.')
    found = [q.text for q in _quotes(analyse, text) if q.cue == "according to"]
    assert found == ["Since last November, ferry crews have rescued more than 400 swimmers in "
                     "the bay", "Ferry crews have rescued more than 400 swimmers"]
    # the same at the end of a paragraph, where a paragraph break follows the full stop
    ending = text.replace("the bay. ", "the bay.\n\n")
    assert [q.text for q in _quotes(analyse, ending) if q.cue == "according to"] == found


def test_words_on_a_sign_or_shirt_are_not_quotes(analyse: Any) -> None:
    text = ('A protester wore a shirt that read "Harbour First, Tolls Last." The sign on the '
            'pier said "No swimming after dark." "We will reopen," Oren Dahl said.')
    quoted = [q.text for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert quoted == ["We will reopen,"]
    text = 'Lena Marsh added a caption which reads, "The ferry is late again."'
    assert any("ferry is late" in q.text for q in _quotes(analyse, text))


def test_a_long_title_after_of_or_titled_is_no_quote(analyse: Any) -> None:
    text = ('Oren Dahl, a co-author of "Those Tides Have All the Fun: Inside the World of the '
            'Ferry," spoke on Monday. Lena Marsh wrote an essay titled "Why the Harbour Board '
            'Should Never Meet Again."')
    assert [q.text for q in _quotes(analyse, text) if q.kind != "indirect"] == []


def test_a_quoted_number_after_a_preposition_is_still_a_quote(analyse: Any) -> None:
    text = ('Lena Marsh asked Oren Dahl about the "2 million-plus" passengers stranded under '
            'the old timetable and about the fares to come.')
    assert any("2 million-plus" in q.text for q in _quotes(analyse, text))


def test_a_quote_around_its_cue_lists_its_two_parts_as_written(analyse: Any) -> None:
    text = '"We will reopen the pier," the harbour master said, "before the spring tides."'
    [quote] = [q for q in analyse(text).quotes if q.kind == "direct"]
    assert [text[s:e] for s, e in quote.parts] == ["We will reopen the pier,",
                                                   "before the spring tides."]
    plain = 'The harbour master said the pier would reopen before the spring tides.'
    [reported] = analyse(plain).quotes
    assert reported.parts == ((reported.start, reported.end),)


def test_a_sign_that_reads_is_written_text_however_parsed(analyse: Any) -> None:
    text = ('A sign at the site read "Closed for repairs until spring." "We will reopen '
            'soon," Oren Dahl said.')
    assert [q.text for q in _quotes(analyse, text) if q.kind != "indirect"] == [
        "We will reopen soon,"]


def test_a_title_followed_by_its_maker_is_a_work_not_a_quote(analyse: Any) -> None:
    text = ('"The Salt Gatherers" by Edwin Tregarthen was cut from its frame overnight, '
            'Kestrel County Police said. "We will find it," Inspector Owen Marsh said.')
    # what the police said is reported speech; the title in it is no quote of its own
    assert [q.text for q in _quotes(analyse, text) if q.kind in {"direct", "partial"}] == [
        "We will find it,"]


def test_what_the_sentence_says_of_the_words_said_is_no_content(analyse: Any) -> None:
    text = 'Everything the mayor says is a lie unless proven otherwise.'
    assert not any(q.text.startswith("is a lie") for q in _quotes(analyse, text))


def test_reported_speech_goes_on_after_a_parenthetical_cue(analyse: Any) -> None:
    cases = {
        "The old ferry was a juggernaut, Oren Dahl said, until it sank in 1999.":
            "The old ferry was a juggernaut until it sank in 1999",
        "To understand the real harbour, Mayor Ilse Varga said, one should visit this museum.":
            "To understand the real harbour, one should visit this museum",
        "The middle fifth paid 8.9 percent, the agency said in a June report, and those in "
        "the bottom fifth paid 0.8 percent.":
            "The middle fifth paid 8.9 percent, and those in the bottom fifth paid 0.8 percent",
    }
    for text, content in cases.items():
        reported = [q.text for q in _quotes(analyse, text) if q.kind == "indirect"]
        assert reported == [content]


def test_what_the_speaker_did_after_a_parenthetical_cue_is_not_reported(analyse: Any) -> None:
    for text in ("The pier will close, Mayor Ilse Varga said, citing the weather.",
                 "The pier will close, Mayor Ilse Varga said, and left the room."):
        reported = [q.text for q in _quotes(analyse, text) if q.kind == "indirect"]
        assert reported == ["The pier will close"]


def test_a_participle_with_no_subject_names_no_one_who_vowed(analyse: Any) -> None:
    text = 'Crowds cheered Mayor Ilse Varga at the pier on Friday, vowing to fight on.'
    assert not any(q.cue == "vowing" for q in _quotes(analyse, text))


def test_the_writers_addition_after_reported_words_is_left_out(analyse: Any) -> None:
    cases = {
        "Oren Dahl said he expects Mayor Ilse Varga to recover from her bout of flu, which "
        "forced her to leave the gala early.":
            "he expects Mayor Ilse Varga to recover from her bout of flu",
        "Oren Dahl said the board would lift the ban on trucks, forcing them instead to "
        "unload at the border.": "the board would lift the ban on trucks",
        "Oren Dahl said he did not support Ilse Varga, the presumed favourite.":
            "he did not support Ilse Varga",
    }
    for text, content in cases.items():
        reported = [q.text for q in _quotes(analyse, text) if q.cue == "said"]
        assert reported == [content]


def test_a_relative_clause_inside_reported_words_stays(analyse: Any) -> None:
    text = "Oren Dahl said the board, which meets on Fridays, would vote on the levy."
    reported = [q.text for q in _quotes(analyse, text) if q.cue == "said"]
    assert reported == ["the board, which meets on Fridays, would vote on the levy"]


def test_reported_words_go_on_after_but_and_stop_before_a_second_statement(
        analyse: Any) -> None:
    cases = {
        "Oren Dahl said the levy would depress revenue in the first years, but would "
        "eventually add money.":
            "the levy would depress revenue in the first years, but would eventually add money",
        "Oren Dahl said his lawyer offered to appear at a closed session, but the board "
        "declined.": "his lawyer offered to appear at a closed session, but the board declined",
        "Oren Dahl said he would order a review of the harbour defences and warned against "
        "hackers from abroad.": "he would order a review of the harbour defences",
        "Oren Dahl said the pier was safe, and left the room.": "the pier was safe",
    }
    for text, content in cases.items():
        reported = [q.text for q in _quotes(analyse, text) if q.cue == "said"]
        assert reported == [content]


def test_a_cue_inside_a_description_of_the_thing_promised_reports_nothing(
        analyse: Any) -> None:
    text = 'The harbour met the target it pledged to reach at the summit in Dunmore last year.'
    assert [q.text for q in _quotes(analyse, text)] == []
    text = 'Oren Dahl, who has repeatedly pledged to close the old pier, spoke on Monday.'
    assert [q.text for q in _quotes(analyse, text)] == ["to close the old pier"]


def test_narration_after_a_quote_and_its_cue_is_not_joined_to_it(analyse: Any) -> None:
    text = ('"It never crossed my mind that I was losing it," Lena Marsh said after her '
            'release, and a big reason for this was the storm.')
    assert [q.text for q in _quotes(analyse, text)] == [
        "It never crossed my mind that I was losing it,"]


def test_what_follows_a_quote_and_its_cue_after_a_comma_is_the_writers(analyse: Any) -> None:
    text = ('Ms. Varga is "not a backslapper," said Oren Dahl, but she has a reputation as '
            'a fighter.')
    assert [q.text for q in _quotes(analyse, text)] == ['Ms. Varga is "not a backslapper,"']


def test_a_long_attribution_between_two_quotes_keeps_one_turn(analyse: Any) -> None:
    text = ('"There is a need for more oversight of the levy," said Oren Dahl, a Dunmore '
            'lawyer who has been involved in using the harbour funds for development '
            'projects. "If there is no independence, it exposes the fund to fraud."')
    first, second = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert second.turn_start == first.turn_start == first.start
    assert "Dahl" in (second.speaker_text or "")


def test_a_request_inside_reported_words_is_not_reported_twice(analyse: Any) -> None:
    text = ('The Dunmore harbour board said it had asked the ferry company to take part in '
            'the repairs.')
    reported = [(q.cue, q.text) for q in _quotes(analyse, text) if q.kind == "indirect"]
    assert reported == [("said", "it had asked the ferry company to take part in the repairs")]


def test_a_scare_quoted_term_in_reported_speech_leaves_it_indirect(analyse: Any) -> None:
    quotes = _quotes(analyse, 'Some Orlin councillors said they would push for the return of '
                              'the so-called "pier levy", a charge on coaches.')
    [reported] = quotes
    assert reported.kind == "indirect" and "pier levy" in reported.text
    called = _quotes(analyse, 'Ada Brill said the council had called the plan "a disaster" '
                              'for the harbour.')
    assert [q.kind for q in called] == ["mixed"]  # quoted words of someone's: still mixed


def test_the_modules_quotes_builds_on_never_import_it() -> None:
    # quotes.py imports reported, quote_labels and speech_cues; an import back (even one
    # inside a function) would tie the split modules together again.
    import ast
    from pathlib import Path

    import storyline

    package = Path(storyline.__file__).parent
    for name in ("reported", "quote_labels", "speech_cues"):
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module is not None}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names}
        assert not imported & {"quotes", "storyline.quotes"}, name
        assert "quotes" not in {alias.name for node in ast.walk(tree)
                                if isinstance(node, ast.ImportFrom) and node.level == 1
                                and node.module is None for alias in node.names}, name


def test_a_promise_or_threat_of_no_speaker_is_no_reported_speech(analyse: Any) -> None:
    text = ("The gale threatened to tear the roof off the Wrenfold ferry shed on Friday. "
            "The regatta weekend promises to be the busiest of the year. "
            "Harbour master Pim Ostra promised to reopen the slipway by Monday. "
            "Fishermen threatened to block the quay.")
    quotes = _quotes(analyse, text)
    assert sorted(q.text for q in quotes) == [
        "to block the quay", "to reopen the slipway by Monday"]


def test_a_thought_is_no_reported_speech_inside_a_report_or_alone(analyse: Any) -> None:
    text = ('Mayor Ilse Varga said she thinks the pier will reopen in May. The harbour board '
            'said in a statement that it hopes the ferry fares will fall.')
    reported = [(q.cue, q.text) for q in _quotes(analyse, text)]
    assert reported == [("said", "she thinks the pier will reopen in May"),
                        ("said", "it hopes the ferry fares will fall")]
    # A thought is not speech: neither in the description of the one who speaks nor alone.
    text = 'Ilse Varga, who believes the pier is unsafe, said the ferry would run on Sunday.'
    assert [q.cue for q in _quotes(analyse, text)] == ["said"]
    text = ('Mayor Ilse Varga thinks the pier will reopen in May. The harbour board hopes '
            'that fares will fall, and skippers fear the quay will flood.')
    assert _quotes(analyse, text) == []


def test_a_clause_that_continue_governs_is_no_reported_speech(analyse: Any) -> None:
    text = ('Here is the hunch: the ferry deal will not last; more precisely, the pier will '
            'continue to sink.')
    assert _quotes(analyse, text) == []
    text = '"We will reopen in May," Ilse Varga continued.'  # still a cue after a quote
    assert [(q.kind, q.cue) for q in _quotes(analyse, text)] == [("direct", "continued")]


def test_a_quote_over_two_one_line_paragraphs_is_one_quote(analyse: Any) -> None:
    text = ('Harbour master Ilse Varga spoke on Monday.\n"The pier is old. We have known it '
            'for years.\n"It will close in May, and the ferry will stop at Dunmore instead," '
            'she said.\nTomas Keller called it "a shame."')
    direct = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert [(q.text[:16], q.text[-8:], q.cue) for q in direct] == [
        ("The pier is old.", "instead,", "said")]
    assert "Varga" in (direct[0].speaker_text or "")


def test_a_title_in_the_attribution_does_not_end_the_turn(analyse: Any) -> None:
    for text in ('"The pier is safe for now," Ilse Varga told Harbour FM\'s "Morning Tide" on '
                 'Monday. "We will check it again in May."',
                 '"The pier is safe for now," Ilse Varga said on "Morning Tide." "We will '
                 'check it again in May."'):
        first, second = [q for q in _quotes(analyse, text) if q.kind == "direct"]
        assert second.text == "We will check it again in May."
        assert second.turn_start == first.turn_start == first.start
        assert second.cue == first.cue


def test_a_short_quoted_term_no_cue_governs_is_no_quote(analyse: Any) -> None:
    text = ('Keller pointed to the "thousands of boats" in the bay, adding that the pier was '
            'old.')
    assert [(q.kind, q.text) for q in _quotes(analyse, text)] == [
        ("indirect", "the pier was old")]
    # Words the cue governs may still be someone's: 'predicted a "ferocious" fight'.
    text = 'Oren Dahl predicted a "ferocious" fight over the harbour budget this spring.'
    assert [(q.kind, q.text) for q in _quotes(analyse, text)] == [("partial", "ferocious")]


def test_a_verb_in_the_next_paragraph_does_not_attribute_a_question(analyse: Any) -> None:
    text = ('"It has been seven years," Senator Oren Dahl said, asked about the delay in an '
            'interview. "Why should I be surprised?"\n\nThe ministry said it was doing its '
            'best to follow the rules.')
    question = _by_text(_quotes(analyse, text), "Why should I")
    assert question.speaker_text is not None and "Dahl" in question.speaker_text


def test_an_aside_in_the_attribution_keeps_the_turn(analyse: Any) -> None:
    # A participle describing the moment, or a verb reporting words of its own, before the
    # full stop: the next quote still goes on with the same speaker.
    for text, second in (
            ('"It has been seven years," Senator Oren Dahl said, asked about the delay in an '
             'interview. "Why should I be surprised?"', "Why should I"),
            ('"That is the big question," Ilse Varga said, noting she would back any of the '
             'others. "We have a deep bench here."', "deep bench")):
        quotes = [q for q in _quotes(analyse, text) if q.kind == "direct"]
        first = quotes[0]
        assert _by_text(quotes, second).turn_start == first.turn_start == first.start, text
    # A second cue that introduces the next quote still parts the two.
    text = ('"The pier is safe," Ilse Varga said, adding when asked about the storm, '
            '"We will check it again."')
    quotes = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert len({q.turn_start for q in quotes}) == 2


def test_a_quote_paragraph_after_a_closing_attribution_goes_on_with_the_turn(
        analyse: Any) -> None:
    text = ('"No one is writing songs for the ferry," Oren Dahl said.\n\n'
            '"Right now, the vote is against the bridge. But you want people to be for '
            'something."')
    first, second = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert second.turn_start == first.turn_start == first.start
    # Another sentence after the attribution ends the turn there.
    text = ('"We are going to build a pier," Oren Dahl added. He then had a question for '
            'the crowd.\n\n"Who is going to pay for it?"')
    first, second = [q for q in _quotes(analyse, text) if q.kind == "direct"]
    assert second.turn_start == second.start != first.turn_start


def test_a_nickname_in_marks_inside_a_name_is_no_quote(analyse: Any) -> None:
    text = '"We lost," said William "Bill" Hale. "We will be back."'
    quotes = _quotes(analyse, text)
    assert [q.text for q in quotes] == ["We lost,", "We will be back."]
    assert quotes[0].turn_start == quotes[1].turn_start  # the nickname does not end the turn


def test_a_quote_ending_reported_words_is_one_mixed_quote(analyse: Any) -> None:
    text = ('Harbour spokesman Oren Dahl said Friday that if the council were to agree in May, '
            '"the pier would reopen before the summer."')
    quoted = [q for q in _quotes(analyse, text) if "pier would reopen" in q.text]
    assert [q.kind for q in quoted] == ["mixed"]
    assert quoted[0].speaker_text is not None and "Dahl" in quoted[0].speaker_text
    # With a cue of its own, after it or inside the reported words, it stays a quote.
    text = ('Ilse Varga said the levy was fair, and when pressed on why it leaves out the '
            'fishermen, the mayor replied, "It is meant to help the ferry crews first."')
    assert any(q.kind == "direct" and q.cue == "replied" and q.text.startswith("It is meant")
               for q in _quotes(analyse, text))


def test_a_closing_mark_typed_as_opener_after_a_direction_mark_opens_a_quote(
        analyse: Any) -> None:
    text = ('Readers answered the harbour board online. \u202a\u201dThe pier was our whole '
            'summer, and now it is gone!!\u201d posted Ilse Varga.')
    quote = _by_text(_quotes(analyse, text), "The pier was our whole summer")
    assert quote.text == "The pier was our whole summer, and now it is gone!!"
    assert quote.speaker_text == "Ilse Varga"


def test_a_quotation_over_paragraphs_is_one_part_a_paragraph(analyse: Any) -> None:
    # Fictional. The words quoted are joined without the break and the reopening mark;
    # the quote's span still runs from the first words to the last.
    text = ('"Nobody expected a village bakery to beat the city bakeries.\n\n'
            '"We will put the prize money into a new oven," Elsie Thorn said.')
    [quote] = analyse(text).quotes
    assert quote.text == ("Nobody expected a village bakery to beat the city bakeries. We "
                          "will put the prize money into a new oven,")
    assert [text[s:e] for s, e in quote.parts] == [
        "Nobody expected a village bakery to beat the city bakeries.",
        "We will put the prize money into a new oven,"]
    assert text[quote.start:quote.end].startswith("Nobody") and quote.end == text.index(
        '" Elsie')


# -- quote marks typed wrong, and quotes joined around a cue (fictional text) -------------

def test_an_opening_mark_typed_at_a_quotes_end_closes_it(analyse: Any) -> None:
    text = ('Harbour master Tom Reilly put it plainly on Friday:\n\n'
            '\u201cThe ferry is the only road we have. Without it, the island is cut off.\u201c\n\n'
            'The board will meet again in May. Reilly called the levy \u201cunfair\u201c in a '
            'post on Sunday.')
    quote = _by_text(_quotes(analyse, text), "The ferry is the only road")
    assert quote.text == "The ferry is the only road we have. Without it, the island is cut off."
    assert quote.kind == "direct" and quote.speaker_text == "Tom Reilly"


def test_a_stray_mark_opening_a_pasted_paragraph_hides_no_quote(analyse: Any) -> None:
    # A pasted excerpt opens with a straight mark that nothing closes; the quotes in it are
    # still quotes, and the excerpt's own words are none.
    text = ('The Tidewater Gazette described the launch.\n\n'
            '"Mayor Ilse Varga walked onto the pier and told the crowd, \u201cThe ferry will '
            'sail again in May.\u201d\n\n'
            '\u201cWe have waited long enough,\u201d Varga said.')
    quotes = _quotes(analyse, text)
    assert [q.text for q in quotes if q.kind != "indirect"] == [
        "The ferry will sail again in May.", "We have waited long enough,"]
    assert all("walked onto the pier" not in q.text for q in quotes)


def test_a_straight_mark_wrapping_curly_quotes_is_no_quote_of_its_own(analyse: Any) -> None:
    text = ('Reilly wrote to the board.\n\n'
            '"\u201cWe will not sell the pier,\u201d Mayor Ilse Varga said on Friday. \u201cNot '
            'this year and not next year.\u201d"\n\nThe board did not reply.')
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert [q.text for q in quotes] == ["We will not sell the pier,",
                                        "Not this year and not next year."]
    assert quotes[0].turn_start == quotes[1].turn_start


def test_a_straight_mark_closed_by_a_curly_one_before_a_curly_quote(analyse: Any) -> None:
    # Edited copy: '"...\u201d' and then '\u201c..."': the straight mark at the end closes the
    # second quote, so the first ends at its curly mark, not at the paragraph's end.
    text = ('"We lost the vote,\u201d Mayor Ilse Varga said on Friday. \u201cWe will be back '
            'next year."')
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert [q.text for q in quotes] == ["We lost the vote,", "We will be back next year."]


def test_a_quote_taken_up_after_an_ellipsis_opens_with_a_closing_mark(analyse: Any) -> None:
    text = ('The judges praised the village bakery.\n\n'
            '\u201d \u2026 and the oven was still warm when we arrived,\u201d Elsie Thorn wrote '
            'in her column.')
    quote = _by_text(_quotes(analyse, text), "the oven was still warm")
    assert quote.kind == "direct" and quote.speaker_text == "Elsie Thorn"


def test_an_inch_mark_opens_no_quote(analyse: Any) -> None:
    text = ('The new mast is 40\' 6" tall. Harbour master Tom Reilly said "the old one was '
            'safer" on Friday.')
    quotes = _quotes(analyse, text)
    assert all("tall" not in q.text for q in quotes)
    assert _by_text(quotes, "the old one was safer").speaker_text == "Tom Reilly"


def test_a_quoted_phrase_before_a_cue_of_its_own_is_not_joined_to_the_next_quote(
        analyse: Any) -> None:
    text = ('Tom Reilly greeted the crowd as \u201cmy fellow islanders\u201d and told them, '
            '\u201cWe will fight the levy in court.\u201d')
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert all("islanders" not in q.text for q in quotes)
    assert [(q.kind, q.text, q.speaker_text) for q in quotes] == [
        ("direct", "We will fight the levy in court.", "Tom Reilly")]


def test_a_sentence_quote_and_one_after_the_next_cue_are_one_turn_of_two_quotes(
        analyse: Any) -> None:
    text = ('Tom Reilly spoke after the vote. \u201cThe ferry will stop in May.\u201d He '
            'added, \u201cNobody on the island wants that.\u201d')
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert [q.text for q in quotes] == ["The ferry will stop in May.",
                                        "Nobody on the island wants that."]
    assert quotes[0].turn_start == quotes[1].turn_start


def test_words_telling_the_occasion_of_a_quote_are_not_part_of_it(analyse: Any) -> None:
    # "In an interview ..., she said, '...'" and "Asked ..., she said, '...'": the quote in
    # marks is direct; the words before the attribution only say when it was said.
    for text, said in [
        ('Ilse Varga runs the harbour board. In an interview with the Tidewater Courier, she '
         'said, \u201cI\u2019ve had a lot of people cancel meetings with me because of my work '
         'on the levy.\u201d', "I\u2019ve had a lot of people cancel meetings"),
        ('Ilse Varga runs the harbour board. Asked by Tom Reilly whether she had read the '
         'report, she said, "I read it once over, and that is all because I wrote it with as '
         'little help as possible."', "I read it once over")]:
        quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
        assert [q.kind for q in quotes] == ["direct"]
        assert quotes[0].text.startswith(said)


def test_a_new_quote_opening_a_sentence_ends_one_left_open(analyse: Any) -> None:
    # The first opening mark is never closed; the one opening a sentence later starts the
    # quote that the closing mark ends, not one running back over the writer's words.
    text = ('Ada Brandt said the mayor came up to her \u201cand said, \u2018Nice to meet you\u2019 '
            'and all the rest of it. I just stood there. \u201cThen she said, \u2018You will '
            'vote for the levy,\u2019\u201d Brandt said.')
    quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
    quote = _by_text(quotes, "You will vote for the levy")
    assert quote.text.startswith("Then she said") and "stood there" not in quote.text
    assert quote.speaker_text == "Brandt"


def test_headlines_with_a_byline_and_slogans_with_a_year_are_not_quotes(analyse: Any) -> None:
    text = ('Links for the weekend:\n\n"Ferry to stop running in May as the board runs out '
            'of money," by the Tidewater Courier\'s Ada Brandt.\n\n"A new bakery opens on the '
            'quay," by Tom Reilly.\n\nThe party\'s posters grew sharper over the years: '
            '\u201cKeep the ferry in public hands\u201d (2009) \u2014 \u201cNo bridge toll for '
            'islanders, ever\u201d (2012).')
    assert [q.text for q in _quotes(analyse, text) if q.kind != "indirect"] == []


def test_a_title_line_naming_its_speaker_before_a_colon_is_their_quote(analyse: Any) -> None:
    text = ('Ilse Varga: Harbour Is \u2018Better Off Than Ever\u2019 After the Storm\n\n'
            'Mayor Ilse Varga toured the quay on Friday.')
    quote = _by_text(_quotes(analyse, text), "Better Off Than Ever")
    assert (quote.kind, quote.text, quote.speaker_text, quote.cue) == (
        "mixed", "Harbour Is \u2018Better Off Than Ever\u2019 After the Storm", "Ilse Varga", ":")
    text = ('Tom Reilly on the Levy: \u2018It Is Unfair.\u2019\n\n'
            'Tom Reilly runs the island\u2019s ferry.')
    quote = _by_text(_quotes(analyse, text), "It Is Unfair.")
    assert (quote.kind, quote.text, quote.speaker_text) == ("direct", "It Is Unfair.",
                                                             "Tom Reilly")


def test_a_title_line_about_someone_is_not_their_quote(analyse: Any) -> None:
    # The words before the colon must be the name alone (or "X on Y"), and the words after
    # it the named one's, not a story about them nor words given to someone else.
    body = '\n\nMayor Ilse Varga of Dunmore spoke on Monday. "The quay is safe," she said.'
    for title in ['Ilse Varga\u2019s critics: quay plan is \u2018reckless\u2019',
                  'Ilse Varga obituary: the mayor who fought for the \u2018quay of dreams\u2019',
                  'Ilse Varga, mayor of Dunmore: a profile of the \u2018quay of dreams\u2019',
                  'Dunmore Council: Why the \u2018quay of dreams\u2019 failed',
                  'Ilse Varga vs Tom Reilly: the fight over the \u2018quay of dreams\u2019',
                  'Tom Reilly: quay is \u2018unsafe\u2019, says inspector Ada Brandt']:
        quotes = _quotes(analyse, title + body)
        assert all(q.cue != ":" for q in quotes), (title, [q.text for q in quotes])
        assert not any(q.kind == "mixed" and "quay" in q.text and q.start < len(title)
                       for q in quotes), title
    # The name doing something before the colon still speaks the words after it.
    title = 'Tom Reilly slams council: quay plan is \u2018a waste of money\u2019'
    quote = _by_text(_quotes(analyse, title + body), "a waste of money")
    assert (quote.kind, quote.text, quote.speaker_text, quote.cue) == (
        "mixed", "quay plan is \u2018a waste of money\u2019", "Tom Reilly", ":")


def test_a_quote_broken_by_its_cue_and_going_on_in_lower_case_is_one_quote(
        analyse: Any) -> None:
    for text, first, rest, speaker in [
        ('\u201cStop!\u201d Mayor Ilse Varga shouted, \u201cthe quay is sliding into the '
         'river.\u201d', "Stop!", "the quay is sliding", "Mayor Ilse Varga"),
        ('\u201cIt is finished\u201d her rival Tom Reilly said, \u201cand the island has '
         'lost.\u201d', "It is finished", "and the island has lost.", "Tom Reilly"),
        ('\u201cThe planks are rotten?\u201d inspector Ada Brandt asked, \u201cthen why were '
         'they varnished in June?\u201d', "The planks are rotten?", "then why were they",
         "Ada Brandt")]:
        quotes = [q for q in _quotes(analyse, text) if q.kind != "indirect"]
        assert len(quotes) == 1, [q.text for q in quotes]
        quote = quotes[0]
        assert quote.kind == "direct" and quote.text.startswith(first) and rest in quote.text
        assert len(quote.parts) == 2 and speaker in (quote.speaker_text or "")


def test_a_quote_followed_by_by_and_a_phrase_going_on_is_no_byline(analyse: Any) -> None:
    text = ('Mayor Ilse Varga made one promise last spring. "The quay will reopen by '
            'autumn," by the Mayor\u2019s own admission, was a promise she could not keep.')
    quote = _by_text(_quotes(analyse, text), "The quay will reopen by autumn")
    assert quote.kind == "direct"


def test_barked_exhorted_and_opined_are_speech_cues(analyse: Any) -> None:
    # Fictional: verbs of speech the cue list lacked; each quote is its speaker's.
    quotes = _quotes(analyse, '"Get off my pier," Oren Dahl barked at the crew. "The vote '
                              'is overdue," exhorted Mira Oslan. "The levy is a mistake," '
                              'opined the Pellwick Courier.')
    assert _by_text(quotes, "Get off my pier").speaker_text == "Oren Dahl"
    assert _by_text(quotes, "The vote is overdue").speaker_text == "Mira Oslan"
    assert _by_text(quotes, "The levy is a mistake").cue == "opined"


def test_a_refusal_to_say_whether_keeps_its_whether(analyse: Any) -> None:
    # 'would not say whether X faced charges' asserts nothing: without its "whether" the
    # clause read as the speaker's claim that X faced charges.
    text = ('The harbour board would not say whether Oren Dahl faced charges. '
            'Mira Lund declined to say whether she had known that the lease had lapsed.')
    found = {q.text for q in _quotes(analyse, text) if q.kind == "indirect"}
    assert found == {"whether Oren Dahl faced charges",
                     "whether she had known that the lease had lapsed"}


def test_a_newsletters_linked_headlines_are_not_quotes(analyse: Any) -> None:
    # A list of stories: each headline in marks, its byline (a plural outlet's "Times'"
    # writer too), then the story's link or an excerpt of it after a colon.
    text = ('HARBOUR READS\n\nFAREWELL\u2014"The Gull Inn to close at the end of June," by '
            'Times\' Ada Brandt: "The Gull Inn, a quayside tavern that hosted sea shanty nights '
            'for forty years, will shut its doors."\n\nNOW OPEN\u2014"A ferry museum opens on '
            'the old slipway," by the Tidewater Courier\'s Tom Reilly http://tc.example/ab12.'
            '\n\nPSA\u2014"You have until May to renew your mooring permit," by Dunmore Daily\'s '
            'Mira Lund: http://dd.example/cd34.')
    texts = [q.text for q in _quotes(analyse, text) if q.kind != "indirect"]
    assert not any(t.startswith(("The Gull Inn to close", "A ferry museum", "You have until"))
                   for t in texts), texts


def test_words_describing_the_source_after_according_to_are_not_its_claim(
        analyse: Any) -> None:
    """walk25: ", according to the Red Lantern Society, the charity running it" ends with
    what the source is; the claim read "... at the leisure centre the charity running it"."""
    text = ("About 60 people spent Sunday night at the leisure centre, according to the Fernlow "
            "Aid Society, the charity running it.")
    found = [q.text for q in _quotes(analyse, text) if q.cue == "according to"]
    assert found == ["About 60 people spent Sunday night at the leisure centre"]


def test_a_named_subject_opening_the_sentence_after_an_exclamation_speaks(analyse: Any
                                                                        ) -> None:
    text = ('The count went on.\n\n"Ward Seven gladly gives every one of its ballots to our '
            'next harbour master, Oren Dahl!" Harbour Councillor Ilse Varga said as she opened '
            'the count.')
    quote = _by_text(_quotes(analyse, text), "gladly gives")
    assert quote.cue == "said"
    assert quote.speaker_text is not None and "Ilse Varga" in quote.speaker_text


def test_a_named_subject_after_an_exclamation_doing_something_else_does_not_speak(
        analyse: Any) -> None:
    text = ('The count went on.\n\n"We will close the pier!" Ilse Varga won the vote as she '
            'opened the count.')
    quote = _by_text(_quotes(analyse, text), "close the pier")
    assert quote.speaker_text is None or "Varga" not in quote.speaker_text


def test_a_named_subject_after_a_question_reporting_words_of_its_own_does_not_ask_it(
        analyse: Any) -> None:
    text = ('Kel Amberly opened the hearing with a question. "Who pays for the new '
            'breakwater?" Harbour Trust Director Ilse Varga said the trust would cover half '
            'of the cost.')
    quote = _by_text(_quotes(analyse, text), "Who pays")
    assert quote.speaker_text is None or "Varga" not in quote.speaker_text


def test_a_band_playing_a_song_title_is_not_given_the_next_named_subject(
        analyse: Any) -> None:
    text = ('The square filled up at noon.\n\nThe brass band played "Rise Again, Corvale!" '
            'Corvale Police Chief Mira Tollan told reporters the crowd was calm.')
    found = [q for q in _quotes(analyse, text) if "Rise Again" in q.text]
    assert all(q.speaker_text is None or "Tollan" not in q.speaker_text for q in found)
