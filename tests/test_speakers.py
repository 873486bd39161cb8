"""Speakers: who a cue's quote belongs to, on hand-made fictional text."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from storyline import pipeline
from storyline.entities import EntityIndex, link_entities
from storyline.marks import find_quote_marks
from storyline.models import Entity, Mention, Span
from storyline.quotes import _char_mask, _governing_verb
from storyline.speaker_syntax import reported_by_another
from storyline.speakers import SpeakerResolver, _person_tagged_as_org
from tests.conftest import article
from tests.conftest import speaker_in_text as _speaker_in_text


def _quote(analyse: Any, text: str, fragment: str) -> Any:
    quotes = [q for q in analyse(text, id="a0").quotes if fragment in q.text]
    assert quotes, f"no quote containing {fragment!r}"
    return quotes[0]


def _speaker_name(analyse: Any, text: str, fragment: str) -> str | None:
    """The entity the speaker phrase of the quote holding `fragment` resolves to."""
    result = analyse(text, id="a0")
    quote = next(q for q in result.quotes if fragment in q.text)
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    index = link_entities(list(result.mentions))
    found = index.resolve("a0", quote.speaker_start, quote.speaker_end,
                          quote.speaker_text or "")
    entity = index.get(found) if found else None
    return entity.name if entity else None


def test_a_name_the_parser_put_in_apposition_right_before_the_cue_speaks(analyse: Any
                                                                         ) -> None:
    text = ('To know the old Oren Dahl, Chief Justice Lena Marsh said, a visitor should read '
            'the letters he wrote from the lighthouse.')
    quote = _quote(analyse, text, "read the letters")
    assert quote.speaker_text is not None and "Lena Marsh" in quote.speaker_text


def test_a_speaker_after_a_time_stamp_paragraph(nlp: Any) -> None:
    # The parse news blogs get when a time stamp stands as its own paragraph: the parser
    # runs it into the next one and takes the time for the subject.
    words = ["12:15", "p.m.", "\n\n", "The", "union", "'s", "negotiator", "says", "the",
             "ferry", "runs", "."]
    spaces = [True, False, False, True, False, True, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=[1, 7, 1, 6, 6, 4, 1, 7, 9, 10, 7, 7],
              deps=["nummod", "nsubj", "dep", "det", "poss", "case", "appos", "ROOT", "det",
                    "nsubj", "ccomp", "punct"],
              pos=["NUM", "NOUN", "SPACE", "DET", "NOUN", "PART", "NOUN", "VERB", "DET", "NOUN",
                   "VERB", "PUNCT"])
    resolver = SpeakerResolver(doc, [], bytearray(len(doc.text)))
    start = doc[3].idx
    assert resolver.speaker_of(doc[7]) == ("The union's negotiator", start, doc[7].idx - 1)


def test_a_quote_takes_no_verb_from_the_next_paragraph(nlp: Any) -> None:
    # The parser ran the quote's sentence into the next paragraph and hung it on a verb
    # there; that verb says nothing about who spoke the quote.
    words = ['"', "He", "fixed", "boats", ".", '"', "\n\n", "The", "yard", "thrived", ",",
             "Dahl", "said", "."]
    spaces = [False, True, True, False, False, False, False, True, True, False, True, True,
              False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces,
              heads=[2, 2, 9, 2, 2, 2, 5, 8, 9, 12, 12, 12, 12, 12],
              deps=["punct", "nsubj", "ccomp", "dobj", "punct", "punct", "dep", "det", "nsubj",
                    "ccomp", "punct", "nsubj", "ROOT", "punct"],
              pos=["PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "PUNCT", "SPACE", "DET", "NOUN",
                   "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"])
    marked = find_quote_marks(doc.text)
    assert _governing_verb(doc, marked[0], _char_mask(len(doc.text), marked)) is None


def test_a_person_named_beside_a_family_word_can_be_she(analyse: Any) -> None:
    # spaCy's small model misses the name; "His wife" beside it says it is a person.
    text = ('Oren Dahl runs the bakery on Pier Street. His wife, Ana Ruiz, runs the cafe next '
            'door.\n"We have never seen a winter like this," she said.')
    assert _speaker_name(analyse, text, "never seen a winter") == "Ana Ruiz"


def test_a_cue_opening_a_when_clause_after_a_quote_is_not_its_attribution(analyse: Any
                                                                          ) -> None:
    text = ('The video ends with a clip of Dahl saying at the forum, "The pier is perfectly '
            'safe," when Varga blasted him for the cracked pilings.')
    assert _quote(analyse, text, "perfectly safe").cue == "saying"


def test_a_body_described_by_another_word_finds_its_organisation(analyse: Any) -> None:
    text = ('In a statement, the Dunmore Nurses Association said its members would strike. '
            '"Enough is enough," the union said.')
    assert _speaker_name(analyse, text, "Enough is enough") == "Dunmore Nurses Association"
    text = ('Tidewater Health confirmed two cases on Tuesday. "The risk remains low," the '
            'agency said.')
    assert _speaker_name(analyse, text, "risk remains low") == "Tidewater Health"


def test_a_generic_body_word_stays_unresolved_between_two_bodies(analyse: Any) -> None:
    text = ('Tidewater Health and the Calder Harbour Trust met on Tuesday. "The risk remains '
            'low," the agency said.')
    assert _speaker_name(analyse, text, "risk remains low") is None


def test_a_leader_is_the_head_of_a_body(analyse: Any) -> None:
    text = ('Lena Marsh, the head of the Dunmore Nurses Association, spoke to reporters. '
            '"We are exhausted," the union leader said.')
    assert _speaker_name(analyse, text, "We are exhausted") == "Lena Marsh"


def test_a_title_tagged_alone_takes_the_name_after_it(analyse: Any) -> None:
    # spaCy's small model tags "Councillor" alone as the person and misses "Ana Ruiz".
    text = ('Mayor Oren Dahl said the closure was temporary.\nCouncillor Ana Ruiz disagreed. '
            'She said the pier would never reopen.\n"Once it closes, it stays closed," she '
            'said.')
    assert _speaker_name(analyse, text, "stays closed") == "Ana Ruiz"


def test_a_quote_paragraph_goes_on_with_the_last_speaker(analyse: Any) -> None:
    text = ('Lena Marsh has run the ferry office in Dunmore for twenty years, through two '
            'strikes and a fire.\n"I have seen worse than this," Marsh said of the strike, '
            'which has now kept the boats in port for eleven days and left hundreds of '
            'commuters scrambling for rides across the bay every single morning.\nThe union '
            'and the company have not met since last Tuesday, and no new talks are scheduled '
            'before the end of the month, according to a notice posted at the terminal.\n'
            '"People here are patient, but patience runs out."')
    assert _speaker_name(analyse, text, "patience runs out") == "Lena Marsh"


def test_a_quote_paragraph_after_someone_else_is_named_is_not_continued(analyse: Any
                                                                        ) -> None:
    text = ('"I have seen worse than this," Lena Marsh said of the strike, which has now kept '
            'the boats in port for eleven days and left hundreds of commuters scrambling for '
            'rides across the bay every single morning of the week.\nThe owner of the company, '
            'Oren Dahl, has not met the union since last Tuesday, and no new talks are '
            'scheduled before the end of the month.\n"People here are patient, but patience '
            'runs out."')
    assert _speaker_name(analyse, text, "patience runs out") != "Lena Marsh"


def test_a_possessive_before_a_family_word_gives_two_genders(analyse: Any) -> None:
    # "his" is the subject's, "wife" the name's beside it: "she" is the wife.
    text = ('Daniel Okafor sat beside his wife, Grace Okafor, at the hearing. "He is a good '
            'father," she said.')
    assert _speaker_name(analyse, text, "good father") == "Grace Okafor"
    text = ('Jordan Blake and his daughter, Riley Blake, opened the shop in May. "It was her '
            'idea," he said.')
    assert _speaker_name(analyse, text, "her idea") == "Jordan Blake"
    text = ('Kim Lacroix met her brother, Sam Lacroix, at the port. "He never gave up," she '
            'said.')
    assert _speaker_name(analyse, text, "never gave up") == "Kim Lacroix"


def test_a_hyphenated_name_keeps_its_spelling(analyse: Any) -> None:
    text = ('Mayor Oren Dahl visited the bakery on Monday. "We will rebuild," said baker Ngozi '
            'Adeyemi-Lindqvist.')
    assert _speaker_name(analyse, text, "We will rebuild") == "Ngozi Adeyemi-Lindqvist"


def test_a_sentence_calling_a_quote_a_message_names_its_speaker(analyse: Any) -> None:
    text = ('"We need the money now." That was the message from Premier Oren Dahl on Tuesday '
            'as he unveiled the budget.')
    assert _speaker_name(analyse, text, "money now") == "Oren Dahl"


def test_a_reaction_after_a_finished_quote_is_not_its_cue(analyse: Any) -> None:
    text = ('Dr. Amara Osei gave the daily briefing. Osei said the numbers were stable. "That '
            'is good news," she said. "But we must stay careful." Premier Oren Dahl agreed. '
            '"We are on the right path," he said.')
    assert _speaker_name(analyse, text, "stay careful") == "Amara Osei"
    assert _speaker_name(analyse, text, "right path") == "Oren Dahl"


def test_a_verb_repeating_words_is_a_cue(analyse: Any) -> None:
    text = ('"The lighthouse keeper?" Oren Dahl said. "The old lighthouse keeper?" Lena Marsh '
            'repeated.')
    assert _quote(analyse, text, "old lighthouse").speaker_text == "Lena Marsh"


def test_a_cue_with_its_particle(analyse: Any) -> None:
    text = ('After Sarah Miller said the vote was rigged, Mayor John Carter shot back: "That is '
            'simply false and she knows it."')
    assert _speaker_name(analyse, text, "simply false") == "John Carter"


def test_a_passive_verb_joined_to_the_cue_lends_no_agent(nlp: Any) -> None:
    # "was welcomed on stage by Dahl and quipped": Marsh quipped, not Dahl.
    text = ('Lena Marsh was welcomed on stage by Mayor Oren Dahl and quipped, "Nobody warned me '
            'about the fog."')
    doc = nlp(text)
    quipped = next(t for t in doc if t.text == "quipped")
    resolver = SpeakerResolver(doc, [], bytearray(len(text)))
    assert resolver.speaker_of(quipped) == ("Lena Marsh", 0, 10)


def test_what_a_thing_put_out_says_its_issuer_says(nlp: Any) -> None:
    text = 'Her office put out a statement saying the pier "cannot be saved."'
    doc = nlp(text)
    saying = next(t for t in doc if t.text == "saying")
    resolver = SpeakerResolver(doc, [], bytearray(len(text)))
    assert resolver.speaker_of(saying) == ("Her office", 0, 10)


def test_what_a_piece_or_response_someone_publishes_says_they_say(analyse: Any) -> None:
    text = ("Later, the Dunmore Ledger ran a piece that noted the ferry had lost money for six "
            "years.\n\nCouncillor Edna Vasko fired back a response saying she would not back "
            "the budget.\n\nThe mayor criticised a report saying the ferry was unsafe.")
    assert _quote(analyse, text, "lost money").speaker_text == "the Dunmore Ledger"
    assert _speaker_name(analyse, text, "not back the budget") == "Edna Vasko"
    # a report someone attacks speaks for its authors, not for its critic
    assert _quote(analyse, text, "was unsafe").speaker_text != "The mayor"


def test_the_subject_nearest_the_verb_speaks(nlp: Any) -> None:
    # The parse of "Speaking in Calder, New Brunswick, Dahl went after Brandt, calling him a
    # coward" that gives "went" two subjects: the place and the person next to the verb.
    words = ["Speaking", "in", "Calder", ",", "New", "Brunswick", ",", "Dahl", "went", "after",
             "Brandt", ",", "calling", "him", "a", "coward", "."]
    spaces = [True, True, False, True, True, False, True, True, True, True, False, True, True,
              True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces,
              heads=[8, 0, 1, 8, 5, 8, 8, 8, 8, 8, 9, 8, 8, 12, 15, 12, 8],
              deps=["advcl", "prep", "pobj", "punct", "compound", "nsubj", "punct", "nsubj",
                    "ROOT", "prep", "pobj", "punct", "advcl", "dobj", "det", "oprd", "punct"],
              pos=["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB",
                   "ADP", "PROPN", "PUNCT", "VERB", "PRON", "DET", "NOUN", "PUNCT"])
    people = [Mention("a1", w, doc[i].idx, doc[i].idx + len(w), "PERSON", name=w)
              for i, w in ((7, "Dahl"), (10, "Brandt"))]
    resolver = SpeakerResolver(doc, people, bytearray(len(doc.text)))
    start = doc[7].idx
    assert resolver.speaker_of(doc[12]) == ("Dahl", start, start + 4)


def test_a_name_after_a_preposition_is_not_the_speaker(analyse: Any) -> None:
    text = ('The opposition party\'s leader, Sarah Miller, voiced support for Mayor John Carter '
            'on Wednesday, saying the harbour plan would bring jobs to the town.')
    assert _speaker_name(analyse, text, "harbour plan") == "Sarah Miller"


def test_the_phrase_after_an_inverted_cue_speaks(analyse: Any) -> None:
    text = ('The girl rode the ferry from Calder with her aunt. "Why is the water so green?" '
            'asked the girl, who was holding a paper boat.')
    assert _quote(analyse, text, "so green").speaker_text == "the girl"
    text = ('Fishers shrugged at the plan. "Whatever," wrote a ferry regular who keeps a blog '
            'about the crossing.')
    assert _quote(analyse, text, "Whatever").speaker_text == "a ferry regular"


def test_the_one_told_is_not_the_speaker_after_a_long_subject(analyse: Any) -> None:
    text = ('"What a fine regatta you ran this year, Mr. Mayor," Councillor John Carter, a '
            'Liberal from Calder, told Mr. Dahl as they met.')
    assert _speaker_name(analyse, text, "fine regatta") == "John Carter"


def test_a_long_unnamed_speaker_phrase_ends_on_a_word(analyse: Any) -> None:
    quotes = analyse("Local businesses, including cafes and bakeries on Mill Street near the "
                     "station, said trade had fallen sharply.").quotes
    assert [q.speaker_text for q in quotes] == ["Local businesses, including cafes and bakeries"]


def test_an_honorific_picks_the_bearer_of_a_shared_surname_by_gender(analyse: Any) -> None:
    base = ('The Dunmore council met on Monday. Lena Varga, who owns the bakery, said she '
            'would fight the plan and she asked the council to wait. Oren Varga, who runs '
            'the shop next door, spoke after the vote. "We will lose customers," {} said.')
    assert _speaker_name(analyse, base.format("Ms. Varga"), "lose customers") == "Lena Varga"
    # Oren's gender is never given, but Lena is a woman: "Mr. Varga" can only be him.
    assert _speaker_name(analyse, base.format("Mr. Varga"), "lose customers") == "Oren Varga"
    # No honorific, no gender to go by: both Vargas stay open.
    assert _speaker_name(analyse, base.format("Varga"), "lose customers") is None


def test_an_honorific_leaves_a_shared_surname_open_when_no_gender_is_given(analyse: Any
                                                                           ) -> None:
    # Robin and Jordan: given names of either gender, so nothing tells the two apart
    text = ('The Dunmore council met on Monday. Robin Varga, who owns the bakery, spoke '
            'first. Jordan Varga, who runs the shop next door, spoke after the vote. '
            '"We will lose customers," Ms. Varga said.')
    assert _speaker_name(analyse, text, "lose customers") is None


def test_an_honorific_picks_the_bearer_of_a_shared_surname_by_given_name(analyse: Any
                                                                        ) -> None:
    base = ('The Dunmore council met on Monday. Lena Varga, who owns the bakery, spoke '
            'first. Mark Varga, who runs the shop next door, spoke after the vote. '
            '"We will lose customers," {} said.')
    assert _speaker_name(analyse, base.format("Ms. Varga"), "lose customers") == "Lena Varga"
    assert _speaker_name(analyse, base.format("Mr. Varga"), "lose customers") == "Mark Varga"


def test_she_is_not_a_man_the_text_never_calls_he(analyse: Any) -> None:
    # Ostrander is the nearer subject, but "Mark" is a man's name: "she" is Priya Venn.
    text = ('Priya Venn, who chairs the Port Elsin harbour board, opened the hearing on '
            'Monday. Mark Ostrander presented the plans for the new ferry terminal. '
            '"We are ready," she said.')
    assert _speaker_name(analyse, text, "We are ready") == "Priya Venn"
    text = ('Mark Ostrander, who chairs the Port Elsin harbour board, opened the hearing on '
            'Monday. Priya Venn presented the plans for the new ferry terminal. '
            '"We are ready," he said.')
    assert _speaker_name(analyse, text, "We are ready") == "Mark Ostrander"


def test_what_a_thing_put_out_that_says_something_says_its_issuer_says(analyse: Any
                                                                     ) -> None:
    text = ('Harbourline Ferries released a video that said, "We are going to have the best '
            'crews on the coast." The video ran on Monday.')
    assert _speaker_name(analyse, text, "best crews") == "Harbourline Ferries"
    text = 'The Dunmore Health Authority issued a statement that said the clinic would reopen.'
    assert _speaker_name(analyse, text, "clinic would reopen") == "Dunmore Health Authority"


def test_a_person_introduced_by_full_name_takes_the_next_pronoun(analyse: Any) -> None:
    # Marsh has spoken and is named again, but the man just introduced is the one quoted.
    text = ('"The ferry plan is important for the islands," Marsh concluded on Monday. '
            'Dan Kovac of the Harbour Trust agreed with Marsh about the plan. "If the goal '
            'was to save the ferry, it succeeded," he wrote.')
    assert _speaker_name(analyse, text, "it succeeded") == "Dan Kovac"


def test_he_after_a_mans_reported_speech_goes_on_with_him(analyse: Any) -> None:
    # Dahl is the more salient man (named three times), but Keller has just spoken.
    text = ('Mayor Oren Dahl spoke about the ferry again on Monday. Dahl has promised a new '
            'boat. Harbour master Tomas Keller said Dahl has kept in touch with the crews. '
            '"I think the mayor will keep his word," he said.')
    assert _speaker_name(analyse, text, "keep his word") == "Tomas Keller"


def test_reported_speech_by_a_description_does_not_carry_the_next_pronoun(analyse: Any
                                                                           ) -> None:
    # "the harbour master" is no name (descriptions are often linked to the wrong person):
    # it is no anchor for the next "he", which is left to salience as before.
    text = ('Mayor Oren Dahl spoke about the ferry again on Monday. Dahl has promised a new '
            'boat. The harbour master said Dahl has kept in touch with the crews. '
            '"I think the mayor will keep his word," he said.')
    quote = _quote(analyse, text, "keep his word")
    assert quote.speaker_text != "The harbour master"


def test_a_description_after_a_named_subject_is_that_person(analyse: Any) -> None:
    quotes = analyse("Gareth Linde has worked in the Pellham library for years. The "
                     "45-year-old librarian says rents have doubled.\n\nProvost Simon Abara "
                     'met the union. "Strikes hurt students first," the provost said.\n\n'
                     "Mayor Ilse Varga opened the hall. The spokesperson said it cost a lot."
                     "\n\nTom Reilly sold the old mill in May. The buyer said the price was fair."
                     ).quotes
    assert [q.speaker_text for q in quotes] == ["Gareth Linde", "Simon Abara",
                                                "The spokesperson", "The buyer"]


def test_he_after_a_newly_named_subject_is_that_person(analyse: Any) -> None:
    # Keller, named three times and quoted last, would win on salience alone.
    text = ('Harbour critic Tomas Keller praised the ferry plan on Monday. "It is a fine day '
            'for the island," Keller concluded.\n\nDan Varga at the Coastal Review agreed with '
            'Keller about the ferries. "If the board wanted a fight, it got one," he wrote.')
    assert _speaker_name(analyse, text, "wanted a fight") == "Dan Varga"


def test_he_after_a_sentence_about_someone_else_stays_with_the_subject(analyse: Any) -> None:
    # The sentence before has a woman for its subject: "he" is not her.
    text = ('Tomas Keller praised the ferry plan on Monday. "It is a fine day for the '
            'island," Keller said.\n\nMs. Ilse Varga of the Coastal Review agreed with him. '
            '"If the board wanted a fight, it got one," he added.')
    assert _speaker_name(analyse, text, "wanted a fight") == "Tomas Keller"


def test_a_quote_after_a_statement_put_out_is_its_issuer(analyse: Any) -> None:
    text = ('At the dock, the Harbour Trust issued a statement apologising to the crews for the '
            'delays. "On behalf of everyone at the trust, we want to offer a deep apology to '
            'the crews."')
    assert _speaker_name(analyse, text, "deep apology") == "Harbour Trust"


def test_a_body_a_message_is_for_before_a_colon_listens(analyse: Any) -> None:
    text = 'Dock worker Mira Solberg had a message for the board: "Pay us what you owe."'
    assert _speaker_name(analyse, text, "what you owe") == "Mira Solberg"


def test_a_past_verb_joined_to_a_would_clause_goes_with_the_cue(analyse: Any) -> None:
    text = ('Island premier Karin Moss said this week that the island would formally leave '
            'the ferry pact by March and suggested that it would close the northern pier.')
    quote = next(q for q in analyse(text, id="a0").quotes if q.cue == "suggested")
    assert quote.speaker_text is not None and "Karin Moss" in quote.speaker_text


def test_a_quote_opening_the_article_takes_no_cue_from_its_last_sentence(analyse: Any
                                                                          ) -> None:
    text = ('"Don\'t you know those dents weren\'t there before?" Keller told reporters on the '
            'pier, pointing to dents that Ruiz showed to the police. Ruiz said it was nothing.')
    quote = _quote(analyse, text, "dents weren")
    assert quote.speaker_text != "Ruiz"


def test_someone_who_did_not_reply_is_not_the_speaker(analyse: Any) -> None:
    text = ('Keller told reporters on the pier, pointing to dents that Ruiz showed to the '
            'police. "Wouldn\'t you think she would have called the coast guard?" Ruiz did not '
            'reply to a request for comment.')
    assert _speaker_name(analyse, text, "coast guard") == "Keller"


def test_the_judge_is_the_justice_the_article_names(analyse: Any) -> None:
    text = ('Justice Anika Brandt sentenced the man to four years. "The harm was grave," the '
            'judge wrote.')
    assert _speaker_name(analyse, text, "harm was grave") == "Anika Brandt"


def test_a_possessive_in_a_reported_clause_gives_its_subject_no_gender(analyse: Any) -> None:
    # "her call" is Marsh's, the one complaining, not Dahl's.
    text = ('Lena Marsh complained that Oren Dahl had ignored her call about the ferry. Dahl '
            'was at the pier on Monday. "I never got a call," he said.')
    assert _speaker_name(analyse, text, "never got a call") == "Oren Dahl"


def test_the_subject_of_the_clause_a_colon_ends_speaks(analyse: Any) -> None:
    text = ('Mayor Oren Dahl spoke for an hour on Monday. But back on the pier, he returned to '
            'his familiar lines: "It\'s called Island First! There will be no new tolls!"')
    assert _speaker_name(analyse, text, "Island First") == "Oren Dahl"


def test_a_thing_before_a_colon_is_no_speaker(analyse: Any) -> None:
    text = ('Ada Reyes lost the vote. The verdict of the board was clear: "We will not pay for '
            'the pier."')
    assert _quote(analyse, text, "not pay for").speaker_text is None


def test_a_name_opening_a_title_line_speaks_its_quote(analyse: Any) -> None:
    text = ('Tomas Keller: \u2018You Find Me Odd Because I Sail Alone!\u2019\n\nThe sailor Tomas '
            'Keller came home on Monday.')
    assert _speaker_name(analyse, text, "Sail Alone") == "Tomas Keller"


def test_a_second_said_after_an_aside_goes_with_the_first(analyse: Any) -> None:
    text = ('Harbour news\n\nHarbour master Thomas Clark said Brooks had begun making calls to '
            "board members - there are two from each of the island's nine wards, plus four "
            'at-large members - but said the outcome was still up in the air.')
    quote = _quote(analyse, text, "still up in the air")
    assert quote.speaker_text is not None and "Thomas Clark" in quote.speaker_text


def test_a_name_before_a_parenthesis_speaks_when_the_parse_lost_the_subject(analyse: Any
                                                                            ) -> None:
    text = ('Harbour news.\n\nFew politicians would ever admit this, but Sen. Chris Murphy (a '
            'Dunmore Democrat so boyish he has been mistaken for a junior staffer) says he was '
            'unfocused in the weeks after the vote.')
    assert _speaker_name(analyse, text, "unfocused") == "Chris Murphy"


def test_he_after_an_unnamed_spokesman_goes_on_with_him_not_with_a_woman_named_before(
        analyse: Any) -> None:
    text = ("Airport director Priya Nandakumar said the resurfacing had taken longer than "
            'planned. "The crosswind runway will stay open at night," she said.\n\n'
            "A spokesman for Skylark Air said the airline was disappointed. \"Our customers "
            'have been patient, and they deserve certainty," he said.')
    quote = _quote(analyse, text, "Our customers")
    assert quote.speaker_text == "A spokesman for Skylark Air"
    assert _speaker_name(analyse, text, "Our customers") == "Skylark Air"
    # a spokeswoman is no "he": the quote is not hers
    other = text.replace("A spokesman", "A spokeswoman")
    assert _quote(analyse, other, "Our customers").speaker_text != "A spokeswoman for Skylark Air"


def test_he_does_not_go_on_with_a_spokesman_who_declined_to_speak(analyse: Any) -> None:
    text = ("Mayor Tom Reed said the bridge would reopen. A spokesman for Skylark Air "
            'declined to say whether flights would be added. "We are ready," he said.')
    assert _quote(analyse, text, "We are ready").speaker_text != \
        "A spokesman for Skylark Air"


def test_a_title_picks_the_one_of_two_people_sharing_a_surname(analyse: Any) -> None:
    text = ("Museum Director Helena Marsh and Detective Inspector Owen Marsh, who are not "
            'related, spoke on Thursday.\n\n"We will not rest," Inspector Marsh told the '
            'meeting.\n\nMs Marsh thanked volunteers. "You kept this museum open," she said.')
    assert _speaker_name(analyse, text, "We will not rest") == "Owen Marsh"
    # "she" after "Ms Marsh" is not the inspector who spoke before
    assert _speaker_name(analyse, text, "You kept this museum") != "Owen Marsh"


def test_she_after_a_report_inside_a_report_goes_on_with_the_one_reporting(analyse: Any
                                                                           ) -> None:
    # "Oren Dahl had told her" is reported by Marsh: the next "she said" is hers, not
    # his (the text gives neither a gender).
    text = ('Lena Marsh said Oren Dahl had told her the boats were unsafe. "He was scared," '
            'she said.')
    assert _speaker_name(analyse, text, "He was scared") == "Lena Marsh"
    # the report inside is still his
    inner = [q for q in analyse(text, id="a0").quotes if q.text == "the boats were unsafe"]
    assert [q.speaker_text for q in inner] == ["Oren Dahl"]


def test_he_goes_on_with_the_he_who_reported_just_before(analyse: Any) -> None:
    # "He said ..." was resolved to Keller; the next "he said" is the same man, not Dahl,
    # whom the sentence before names as the subject of a clause.
    text = ('Tomas Keller was at the dock when Oren Dahl arrived with the police. He said the '
            'boat had been seized. "I could not believe it," he said.')
    assert _speaker_name(analyse, text, "the boat had been seized") == "Tomas Keller"
    assert _speaker_name(analyse, text, "could not believe") == "Tomas Keller"


def test_the_doctor_is_the_one_person_called_dr(analyse: Any) -> None:
    text = ("Dr. Lena Marsh, the harbour district's health officer, announced six new cases "
            'on Monday.\n\n"We expected this," the province\'s top doctor said.')
    assert _speaker_name(analyse, text, "We expected this") == "Lena Marsh"
    text = 'Dr. Lena Marsh spoke first. "We expected this," the doctor said.'
    assert _speaker_name(analyse, text, "We expected this") == "Lena Marsh"


def test_the_doctor_stays_open_between_two_doctors_or_for_someone_s_own_doctor(
        analyse: Any) -> None:
    text = ('Dr. Lena Marsh and Dr. Oren Dahl visited the ward. "We expected this," the '
            'doctor said.')
    assert _speaker_name(analyse, text, "We expected this") is None
    text = ('Dr. Lena Marsh treated Tomas Keller in March. "He will recover," his doctor '
            'said.')
    assert _speaker_name(analyse, text, "He will recover") is None
    text = ('Dr. Lena Marsh treated Tomas Keller in March. "He will recover," Keller\'s '
            'doctor said.')
    assert _speaker_name(analyse, text, "He will recover") is None


def test_a_quote_after_according_to_is_that_source_s(analyse: Any) -> None:
    text = ('The ferry will not run on Sunday.\n\nAccording to Oren Dahl, the harbour master, '
            'the engines failed twice last week. "We cannot take the risk."')
    assert _speaker_name(analyse, text, "cannot take the risk") == "Oren Dahl"
    # a record is no speaker of the quote after it
    text = ('According to the harbour log, the engines failed twice last week. "We cannot '
            'take the risk."')
    assert _quote(analyse, text, "cannot take the risk").speaker_text is None


def test_a_quote_paragraph_goes_on_past_the_speaker_s_own_description(analyse: Any) -> None:
    # "the fire chief" describes Keller where he is quoted: no one else is named.
    text = ('"It was a long night," Tomas Keller, the fire chief, told reporters on '
            'Tuesday.\n\nThe blaze started in the kitchen, he explained, and spread to the '
            'roof within minutes.\n\n"We had no chance to save the building."')
    assert _speaker_name(analyse, text, "no chance to save") == "Tomas Keller"


def test_a_name_tagged_as_an_organisation_but_followed_by_who_can_be_she(analyse: Any
                                                                         ) -> None:
    # spaCy's small model tags "Ilse Varga" as an organisation here; "who chairs" says
    # it is a person, so "she" can refer to her.
    text = ('Ilse Varga, who chairs the board, defended the decision in an email on Friday. '
            '"The board acted within its mandate," she wrote.')
    quote = _quote(analyse, text, "acted within its mandate")
    assert quote.speaker_text == "Ilse Varga"


def test_a_quote_goes_on_with_reported_speech_earlier_in_its_paragraph(analyse: Any) -> None:
    text = ('Lena Marsh said the pier was old. It had not been repaired since 1990. "We warned '
            'them every year."')
    assert _speaker_name(analyse, text, "We warned them") == "Lena Marsh"
    # not past someone else named in between
    text = ('Lena Marsh said the pier was old. Oren Dahl, the mayor, disagreed with her. "We '
            'warned them every year."')
    assert _speaker_name(analyse, text, "We warned them") != "Lena Marsh"


def test_a_statement_put_out_in_the_paragraph_before_speaks_its_quote(analyse: Any) -> None:
    text = ('The Dunmore Nurses Association issued a statement on Monday apologizing to the '
            'patients.\n\n"We are deeply sorry for the delays."')
    assert _speaker_name(analyse, text, "deeply sorry") == "Dunmore Nurses Association"


def test_which_names_tagged_as_organisations_are_people() -> None:
    text = "Ilse Varga, 54, met Kestrel Air. Ilse Varga spoke. Dunmore Ferry Board, who knew?"

    def org(start: int, name: str) -> Mention:
        return Mention("a0", name, start, start + len(name), "ORG", name)

    assert _person_tagged_as_org(text, org(0, "Ilse Varga"), set())  # an age after it
    assert _person_tagged_as_org(text, org(33, "Ilse Varga"), {"Varga"})  # "Varga" is a person
    assert not _person_tagged_as_org(text, org(33, "Ilse Varga"), set())
    assert not _person_tagged_as_org(text, org(20, "Kestrel Air"), {"Varga"})
    # a body's word in the name: still an organisation
    assert not _person_tagged_as_org(text, org(51, "Dunmore Ferry Board"), set())


def test_a_name_after_a_dash_behind_a_title_speaks(analyse: Any) -> None:
    text = ('Residents shared their views.\n\n"The ferry is our lifeline. Without it we are '
            'stranded." \u2014 Dr. Lena Marsh, Dunmore')
    assert _speaker_name(analyse, text, "our lifeline") == "Lena Marsh"


def test_a_question_takes_the_cue_right_after_it_in_a_long_sentence(analyse: Any) -> None:
    text = ('The ferry has been late all week. "Why would anyone still take it?" Lena Marsh said '
            'about the service, which has lost a third of its riders since the spring '
            'timetable changed.')
    assert _speaker_name(analyse, text, "still take it") == "Lena Marsh"


def test_a_cue_that_introduces_the_next_quote_with_a_colon_is_not_this_one_s(analyse: Any
                                                                             ) -> None:
    text = ('"We are refugees," Lena Marsh said. "We are not criminals." Oren Dahl said: "The '
            'island owes them a home."')
    assert _speaker_name(analyse, text, "not criminals") == "Lena Marsh"
    assert _speaker_name(analyse, text, "owes them a home") == "Oren Dahl"


def test_a_quote_after_a_body_named_since_the_report_is_not_the_reporters(
        analyse: Any) -> None:
    text = ("Engineer Pia Holm said the Wrenfold pier was older than the council thought. "
            "A 2021 survey by Kestrel Marine Engineering put it plainly. "
            '"The deck will not last another ten winters."')
    assert _speaker_name(analyse, text, "another ten winters") is None
    kept = ("Engineer Pia Holm said the Wrenfold pier was older than the council thought. "
            'It was built in 1961. "The deck will not last another ten winters."')
    assert _speaker_name(analyse, kept, "another ten winters") == "Pia Holm"



def test_a_name_inside_what_the_pronoun_reports_does_not_stop_the_speaker(analyse: Any
                                                                          ) -> None:
    # Dahl, named before and again as the subject of what "she added" reports, is who
    # Brandt talks about: he does not take "she", nor stop Brandt's turn.
    text = ('Oren Dahl runs the harbour board. "We are tired of waiting for the ferry," Ada '
            'Brandt said. Dahl has never taken that ferry, she added.')
    assert _speaker_name(analyse, text, "never taken that ferry") == "Ada Brandt"


def test_a_name_before_a_pronoun_outside_its_words_may_still_be_it(analyse: Any) -> None:
    # Guards. A name that opens the pronoun's own sentence as a subject, not inside the
    # words reported, keeps taking the pronoun ("Dahl agreed, and he said").
    text = ('"The pier is unsafe," Ada Brandt said. Oren Dahl agreed with the survey, and he '
            'said the council would close the pier in May.')
    assert _speaker_name(analyse, text, "close the pier in May") == "Oren Dahl"
    # A person named for the first time in the words reported may report on himself.
    first = ('"The pier is unsafe," Ada Brandt said. Former Mayor Oren Dahl was against the '
             'plan from the start, he said.')
    assert _speaker_name(analyse, first, "against the plan") == "Oren Dahl"
    # The clause that introduces a quote is not what the quote reports.
    colon = ('Ada Brandt chairs the ferry board. Councillor Lena Marsh scolded him: "The '
             'timetable is a fiction," she said.')
    assert _speaker_name(analyse, colon, "timetable is a fiction") == "Lena Marsh"


def test_a_pronoun_right_after_a_name_gives_way_to_the_pronouns_of_her_sentences(
        analyse: Any) -> None:
    # "his" right after "Ada Brandt will need" is Dahl's; the pronouns of the sentences
    # that name only Brandt ("she had called", "her win") say otherwise, so "She said"
    # still goes on with Brandt.
    text = ('Ada Brandt beat Oren Dahl in the mayoral race. Ada Brandt will need his voters in '
            'the fall. Ada Brandt said on Monday that she had called the rival camp after her '
            'win to thank its workers. She said she admires their energy.')
    assert _speaker_name(analyse, text, "admires their energy") == "Ada Brandt"


def test_a_pronoun_right_after_a_name_still_gives_a_gender_nothing_contradicts(
        analyse: Any) -> None:
    # Guard: "Lena Marsh was leaving her car when she was hit" says Marsh is a woman, so
    # the "he" of the next quote is Dahl, though Marsh was named last.
    text = ('Oren Dahl drove the ferry that morning. Lena Marsh was leaving her car when she '
            'was hit. "The brakes failed," he said.')
    assert _speaker_name(analyse, text, "brakes failed") == "Oren Dahl"


def test_the_firm_is_the_one_company_not_a_public_body_named_before_it(analyse: Any) -> None:
    # "The firm" among a company and an investigation branch is the company: the branch is
    # a public body, not a second firm that makes it ambiguous.
    text = ('The Tramway Accident Investigation Branch said on Tuesday that a cracked sleeper '
            'was to blame.\n\nEngineers from Carrow Pike began replacing the sleepers last '
            'week. The firm said the work would be finished by Friday.')
    assert _speaker_name(analyse, text, "finished by Friday") == "Carrow Pike"
    # Guard: with the branch the only body named, "the firm" is no one.
    alone = text.replace("Carrow Pike", "the city")
    assert _speaker_name(analyse, alone, "finished by Friday") is None


def test_a_body_described_before_the_article_names_it(analyse: Any) -> None:
    # "the rowing association" opens the article; the Dunmore Rowing Association is named
    # only further on, and is the one association the article names.
    text = ('Organisers of the Dunmore Regatta have put off the race by a month because of '
            'storms, the rowing association announced on Monday.\n\nRace director Oren Vale '
            'said the decision was taken on safety advice.\n\nThe Dunmore Rowing Association '
            'said crews could move their entry to next year.')
    assert _speaker_name(analyse, text, "put off the race") == "Dunmore Rowing Association"


def test_a_body_described_before_two_bodies_of_its_kind_stays_unresolved(analyse: Any
                                                                         ) -> None:
    # Guard: two associations named after the description; neither is a safe answer.
    text = ('Organisers of the Dunmore Regatta have put off the race by a month because of '
            'storms, the rowing association announced on Monday.\n\nThe Dunmore Rowing '
            'Association and the Kestrel Sailing Association said crews could move their '
            'entry to next year. The Kestrel Sailing Association said it agreed.')
    assert _speaker_name(analyse, text, "put off the race") is None


def test_they_after_a_body_spoke_is_that_body(analyse: Any) -> None:
    # The board spoke through "according to", no subject the group rule sees; nobody else
    # is named before "They said".
    text = ('According to the Harrowgate Water Board, the reservoir is safe to drink from. '
            'The pump failed in June after a dry spring. They said the tests would continue '
            'every week.')
    assert _speaker_name(analyse, text, "tests would continue") == "Harrowgate Water Board"


def test_they_after_a_body_spoke_and_people_were_named_is_not_the_body(analyse: Any
                                                                       ) -> None:
    # Guard: residents (a group of people) or a person come between the board and "They".
    residents = ('According to the Harrowgate Water Board, the reservoir is safe to drink '
                 'from. Residents were not convinced after the pump failed in June. They said '
                 'the water still smelled of iron.')
    assert _speaker_name(analyse, residents, "smelled of iron") is None
    person = ('According to the Harrowgate Water Board, the reservoir is safe to drink from. '
              'Ilse Varga, who lives by the dam, was not convinced. They said the tests would '
              'continue every week.')
    assert _speaker_name(analyse, person, "tests would continue") is None


def test_council_ministry_and_company_descriptions_find_the_body_named_later(analyse: Any
                                                                              ) -> None:
    # The same shape with other kinds of body: the council, a "Ministry of ...", a company.
    council = ('The ferry timetable will change in May, the council said on Monday. The new '
               'times were agreed after a long meeting. Dunmore County Council said buses '
               'would meet every ferry.')
    assert _speaker_name(analyse, council, "timetable will change") == "Dunmore County Council"
    ministry = ('Fares will rise by ten percent next year, the ministry announced on Tuesday. '
                'Commuters were angry. The Ministry of Transport said the rise was needed to '
                'pay for new trains.')
    assert _speaker_name(analyse, ministry, "Fares will rise") == "Ministry of Transport"
    company = ('The factory will close in June, the company said on Friday. About 300 people '
               'work there. Brannock Textiles Ltd said it had tried to find a buyer.')
    assert _speaker_name(analyse, company, "factory will close") == "Brannock Textiles Ltd"


def test_an_unnamed_spokeswoman_is_not_the_chief_executive_named_after_her() -> None:
    text = ("The Marrowby Water Authority said it would pay compensation. Payments will start "
            "next month, an MWA spokeswoman said.\n\nThe MWA chief executive, Graham Otley, "
            "apologised to residents on Tuesday.")
    quotes = pipeline.quotes_for([article(text)])
    said = next(q for q in quotes if q["text"].startswith("Payments"))
    assert said["speaker_name"] != "Graham Otley"
    # a word of his role is his: "the MWA chief" is the chief executive
    chief = text.replace("Payments will start next month, an MWA spokeswoman said.", "") + \
        " Payments will start next month, the MWA chief said."
    quotes = pipeline.quotes_for([article(chief)])
    said = next(q for q in quotes if q["text"].startswith("Payments"))
    assert said["speaker_name"] == "Graham Otley"


def test_the_name_opening_the_sentence_speaks_when_the_parser_lost_the_subject(analyse: Any
                                                                               ) -> None:
    # The parser hangs "Keller" on "wanted" and leaves "said" with no subject; the name
    # nearest the cue is the mayor's, inside the aside.
    text = ('Tomas Keller, later claiming - again wrongly - that Mayor Oren Dahl wanted to '
            'close 30 piers, said he would keep every pier open.')
    assert _speaker_name(analyse, text, "keep every pier open") == "Tomas Keller"
    dateline = 'DUNMORE -- Harbour master ' + text
    assert _speaker_name(analyse, dateline, "keep every pier open") == "Tomas Keller"


def test_the_one_with_brings_in_before_an_ing_verb_is_a_subject_for_salience(analyse: Any
                                                                              ) -> None:
    # "with Ada Brandt ... attacking the plan": Brandt is the one attacking, so the next
    # "she" is hers, not the earlier speaker's.
    text = ('The levy would fall hardest on small boats, said Lena Marsh, a former harbour '
            'official now teaching at Dunmore College. It has become the main issue of the '
            'campaign, with Ada Brandt - who wants a lower levy for fishing crews - attacking '
            'the plan. "The plan would sink the small boats first," she said in the first '
            'debate.')
    assert _speaker_name(analyse, text, "sink the small boats") == "Ada Brandt"
    # a plain "with" phrase stays an adverbial one
    plain = text.replace("It has become the main issue of the campaign, with Ada Brandt - who "
                         "wants a lower levy for fishing crews - attacking the plan.",
                         "The plan was discussed at length with Ada Brandt at the meeting.")
    assert _speaker_name(analyse, plain, "sink the small boats") == "Lena Marsh"


def test_a_name_closing_a_speakers_description_names_the_speaker(analyse: Any) -> None:
    # The parser hangs "Tomas Keller" on "Mayor Dahl"; the name closes the description of
    # the skipper, who speaks, and his "he said" goes on.
    text = ('Mayor Oren Dahl wants a new pier. One skipper backing Mayor Dahl, Tomas Keller of '
            'the Dunmore Sailing Club in Harwick, said he had called 150 crews. He has spoken '
            'at every meeting since May, he said.')
    assert _speaker_name(analyse, text, "called 150 crews") == "Tomas Keller"
    assert _speaker_name(analyse, text, "every meeting") == "Tomas Keller"


def test_a_subject_pronoun_is_not_the_person_named_later_in_its_clause(analyse: Any) -> None:
    # Marsh is the subject just before, but "She asked Marsh" cannot be Marsh asking
    # herself; nor can "He accused Dahl" be Dahl (binding principle C).
    asked = ('Senator Ada Brandt chaired the hearing on Tuesday. Lena Marsh, the head of the '
             'harbour board, answered questions for two hours. She told Marsh that the levy '
             'had cost the small boats dearly.')
    assert _speaker_name(analyse, asked, "cost the small boats") == "Ada Brandt"
    accused = ('Tomas Keller spoke for the crews. Oren Dahl, the mayor, listened. He accused '
               'Dahl of running the harbour "into the ground."')
    assert _speaker_name(analyse, accused, "running the harbour") == "Tomas Keller"
    # a name before the pronoun in its sentence is still a candidate
    before = ('Tomas Keller spoke for the crews. When Oren Dahl stood up, he said the harbour '
              'was safe.')
    assert _speaker_name(analyse, before, "harbour was safe") == "Oren Dahl"


def test_a_place_opening_the_sentence_is_no_speaker_before_an_aside(analyse: Any) -> None:
    # guard: the opening-name rule reads only a name that starts the sentence
    text = ('At Harwick Point, where a berth costs $7,000 a year, Jay Ruiz, the club\'s '
            '78-year-old president and harbour master, suggested that the troubles of some '
            'rivals came from poor management.')
    assert _speaker_name(analyse, text, "troubles of some rivals") == "Jay Ruiz"


def test_the_name_after_an_inverted_cue_inside_a_sentence_speaks(analyse: Any) -> None:
    # The parser takes "Any honest reading ..." for the subject of "said"; the person
    # named right after the cue speaks, not the mayor named inside that phrase.
    text = ("Any honest reading of Mayor Dahl's plan, said Oren Brandt, an expert on ferries "
            "at the Harwick Institute, would see it as a retreat from the islands.")
    assert _speaker_name(analyse, text, "retreat") == "Oren Brandt"


def test_the_opening_name_speaks_when_the_parser_inverts_the_reported_subject(analyse: Any
                                                                              ) -> None:
    # The parser reads "said Mr. Dahl" as an inverted cue; Dahl is the subject of the
    # words reported, Keller (who opens the sentence) speaks, and goes on speaking.
    text = ('Mr. Keller, whose newest firm, Portdata, uses tide data to help skippers find '
            'berths, said Mr. Dahl was a mayor very much in the spirit of the harbour: "He\'s '
            'a harbour kind of guy."')
    assert _speaker_name(analyse, text, "spirit of the harbour") == "Keller"
    assert _speaker_name(analyse, text, "harbour kind of guy") == "Keller"
    # a true inverted cue keeps the name after it
    inverted = '"The pier is safe," said Mr. Keller, who was there.'
    assert _speaker_name(analyse, inverted, "pier is safe") == "Keller"


def test_a_bare_surname_is_the_bearer_just_named_not_the_story_subject(analyse: Any
                                                                        ) -> None:
    # Fictional: a mother and son share a surname; the son was named in the sentence
    # before the bare surname, so it is his, though his mother is not called a relative.
    text = ('The Quillon Pie Shop is run by Marta Vesk, 58, and her son Tobias Vesk, 31.\n\n'
            '"We roll every crust by hand," Marta Vesk said.\n\n'
            'Tobias Vesk said he had entered the pork pie without telling his mother. '
            'Vesk added that the shop would hold a tasting next week.')
    assert _speaker_in_text(analyse, text, "tasting") == "Tobias Vesk"


def test_a_bare_surname_after_a_relative_merely_named_stays_the_subjects(analyse: Any
                                                                           ) -> None:
    # Fictional: the mother is named in the sentence before, but does not speak there.
    text = ('Tobias Vesk, 31, was charged with arson on Monday, police said.\n\n'
            'His mother, Marta Vesk, 61, was found unhurt at the house. '
            'Vesk told the court he had been asleep.')
    assert _speaker_in_text(analyse, text, "asleep") == "Tobias Vesk"


AIRLINE = ('Islanders will lose their only flight when Skerrow Coastal Airways ends the '
           'service on 2 May, the airline confirmed. A rival, Harl Ferries, will add sailings.'
           '\n\n'
           'Skerrow said 12 of its pilots had left this year. Councillor Ada Crane called on '
           'the Vale Regional Council to step in.\n\n'
           'The carrier said a hiring day would be held in June.')


def test_a_first_word_short_form_speaks_for_the_company(analyse: Any) -> None:
    # Fictional: "Skerrow" is the company named in full before it.
    assert _speaker_in_text(analyse, AIRLINE, "pilots had left") == "Skerrow Coastal Airways"


def test_the_carrier_is_the_one_airline_the_article_names(analyse: Any) -> None:
    assert _speaker_in_text(analyse, AIRLINE, "hiring day") == "Skerrow Coastal Airways"


def test_a_ministry_of_a_country_is_never_another_body(analyse: Any) -> None:
    text = ('The Pellworth Gallery of Art has agreed to return a carved mask to Tarvania.\n\n'
            'Director Ines Voll said the trustees voted on Monday. The handover is set for '
            '14 May, according to Tarvania\'s culture ministry.')
    assert _speaker_in_text(analyse, text, "handover") is None


def test_a_bare_surname_after_two_bearers_side_by_side_stays_open(analyse: Any) -> None:
    # Fictional: mother and son are named together; "Thorn" may be either, so no one.
    text = ('The Bramble Lane Bakery is run by Elsie Thorn and her son Daniel Thorn, 34.\n\n'
            'Thorn said the ovens were forty years old.')
    assert _speaker_in_text(analyse, text, "ovens") is None


def test_a_bare_surname_is_the_bearer_last_named_as_a_subject(analyse: Any) -> None:
    # Fictional: the son is the subject of the sentence before the bare surname.
    text = ('The Bramble Lane Bakery is run by Elsie Thorn and her son Daniel Thorn, 34. '
            'Daniel Thorn fixed the ovens last spring.\n\n'
            'Thorn said the ovens were forty years old.')
    assert _speaker_in_text(analyse, text, "ovens") == "Daniel Thorn"


VESK = ('Ada Vesk has run the Harwick ferry line since 2009.\n\n'
        'The line lost money in each of the last three years. Fares rose twice. The council '
        'cut its grant in March. Islanders blamed the council.\n\n'
        'Oren Vesk, the mayor, took his boat to the pier on Monday and showed his plans to '
        'his staff. The mayor wants a new harbour.\n\n'
        'On Tuesday, Vesk attacked the ferry plan in a speech. She addressed islanders in a '
        'letter, saying the fares were "unfair to every family."')


def test_a_bare_surname_of_two_bearers_takes_no_gender_from_the_last_named(analyse: Any
                                                                            ) -> None:
    # Fictional: "Vesk" may be Ada or Oren; read as Oren (named last) it would be a man,
    # and "she" would go to "the mayor" (Oren) instead of the Vesk who just attacked; that
    # Vesk, taken by "she", is the one woman of the two: Ada.
    assert _quote(analyse, VESK, "unfair").speaker_text == "Ada Vesk"


DAHLS = ('Oren Dahl spoke for ten minutes about his son and his boat at the harbour rally '
         'in Harwick on Sunday.\n\n'
         '"I ask every islander to vote for the ferry," Mr. Dahl said.\n\n'
         'Ms. Dahl said she had stayed at home because she could not talk calmly about her '
         'son, Tomas Dahl.\n\n'
         '"Every islander felt my loss. I am a sailor\'s mother," Ms. Dahl wrote. She '
         'continued: "Why would anyone ask why I did not speak?"')


def test_she_goes_on_with_ms_surname_beside_male_bearers_of_it(analyse: Any) -> None:
    # Fictional: "Ms. Dahl" is neither Oren nor her son Tomas, both men; taken for the last
    # of them named before her she would be a man, and "She continued" would lose her.
    assert _quote(analyse, DAHLS, "Why would anyone").speaker_text == "Ms. Dahl"


def test_he_is_the_person_named_as_a_subject_earlier_in_his_sentence(analyse: Any) -> None:
    # Fictional: Dahl is named more often, but Keller is the subject of the sentence the
    # pronoun stands in; Dahl is only the object of a relative clause there.
    text = ('Oren Dahl won the vote for harbour master on Tuesday. Mr. Dahl thanked the '
            'sailors who backed him, and Mr. Dahl promised a new pier. Dahl will take office '
            'in May.\n\n'
            'Council Speaker Tomas Keller, who was slow to back Mr. Dahl, was more direct in '
            'his remarks about the rift, what he called "our quarrels this year."')
    assert _speaker_name(analyse, text, "our quarrels") == "Tomas Keller"


def test_a_name_in_the_writers_question_does_not_end_a_speakers_turn(analyse: Any) -> None:
    # Fictional: the question names Dahl and Keller as what it asks about; the answer is
    # still Tobias's.
    text = ('Lena Tobias has advised the harbour board for years.\n\n'
            '"The board will fill the berths and settle the fees," Tobias said.\n\n'
            'But what if Oren Dahl wins the vote? Would the board not risk a harbour master '
            'who closes more piers than Mayor Keller?\n\n'
            '"Dahl should just do whatever he wants to do," she said.')
    assert _speaker_name(analyse, text, "whatever he wants") == "Lena Tobias"


def test_a_person_noun_opening_the_sentence_before_who_speaks_when_the_parse_lost_it(
        analyse: Any) -> None:
    # Fictional: the parser hangs "spoke" on "said" and leaves "said" no subject.
    text = ('One skipper, who like others spoke on the condition that she not be named, said '
            'the message was that "the piers will close this year."')
    quote = _quote(analyse, text, "message was")
    assert quote.speaker_text is not None and quote.speaker_text.startswith("One skipper")


def test_they_is_not_the_subject_of_the_words_reported(analyse: Any) -> None:
    # Fictional: "Harbour boards" is what they said, "the harbour office" what Wilcox and
    # Beruff argued; the two councillors are "they".
    text = ('Ines Wilcox and Piet Beruff, two council members, argued on Monday that the '
            'harbour office is not needed. Harbour boards can do that work, they said.')
    quote = _quote(analyse, text, "can do that work")
    assert quote.speaker_text is not None and quote.speaker_text.startswith("Ines Wilcox")


def test_the_council_is_no_guild_the_article_named_before(analyse: Any) -> None:
    # Fictional: the only body named before "the council" is an anglers' guild, which is
    # another kind of body; the council itself has no name here, so no one rather than it.
    text = ('The town council of Pellwick voted on Monday to close the harbour car park to '
            'vans.\n\n'
            "Nell Ardent, chair of the Pellwick Anglers' Guild, said that her members would "
            'lose their spaces.\n\n'
            'A meeting on new permits will be held next month, the council said.')
    assert _speaker_in_text(analyse, text, "new permits") is None


def test_the_union_is_not_the_company_the_article_is_about(analyse: Any) -> None:
    # Fictional: a union the story names elsewhere; the ferry company is no union.
    text = ('Harl Ferries confirmed on Monday that it will end its winter sailings to '
            'Skerry, a move the union says will cost 60 jobs on the island.\n\n'
            'Captain Ewan Tolley said the crews had been told by letter.')
    assert _speaker_in_text(analyse, text, "60 jobs") is None


def test_ms_surname_is_not_the_man_of_that_name_named_before_her(analyse: Any) -> None:
    # Fictional: the only Brenn named in full is a man ("Mr. Brenn", "his"); "Ms. Brenn"
    # is someone else, whom the text never names in full.
    text = ('Tomas Brenn talked for an hour about his allotment at the show in Wexley on '
            'Saturday.\n\n'
            '"Every marrow here was grown without a drop of tap water," Mr. Brenn said.\n\n'
            'Ms. Brenn said she had stayed away because the judging upset her.')
    assert _speaker_in_text(analyse, text, "tap water") == "Tomas Brenn"
    assert _speaker_in_text(analyse, text, "stayed away") not in {"Tomas Brenn", None}


def test_the_one_who_asked_is_never_the_she_who_answers(analyse: Any) -> None:
    # Fictional: the reporter asks; "she" is the harbour master, named before him.
    text = ('The harbour master, Wenna Corrick, faced the press on Monday. Asked by Tom '
            'Reilly whether she would resign over the ferry delays, she said the board had '
            'her full support.')
    assert _quote(analyse, text, "full support").speaker_text == "Wenna Corrick"


def test_a_speaker_phrase_cut_at_its_length_ends_on_a_whole_phrase(analyse: Any) -> None:
    # Fictional: the subject phrase is longer than the speaker span keeps; the span ends
    # before the unfinished "in the harbour town ...", not inside it.
    text = ('Stallholders on Quay Road in the harbour town of Pellwick said on Friday that '
            'the new parking charges would drive their customers away.')
    assert _quote(analyse, text, "parking charges").speaker_text == "Stallholders on Quay Road"


def test_the_description_of_a_lede_is_the_person_named_next(analyse: Any) -> None:
    # Fictional: the lede describes the finder ("A Marrowby geologist"), the next sentence
    # names her; "The geologist" later is her.
    text = ('A Marrowby geologist has found a fossil fern in a disused quarry, the first '
            'seen in the county.\n\n'
            'Dr. Ruth Callan, a lecturer at the Marrowby Institute, made the find on Monday. '
            '"I had to sit down," Callan said.\n\n'
            'The geologist said the fern was about 300 million years old.')
    assert _speaker_in_text(analyse, text, "300 million") == "Ruth Callan"


MILL = ('The group also runs a dye house in Varnholm.\n\n'
        'Kesseldon Fabrics will close its old dye works in the fictional town of Brackwater, '
        'cutting 210 jobs, the company announced on Wednesday.')


def test_the_company_closing_a_sentence_speaks_for_the_name_opening_it() -> None:
    # Fictional: "Varnholm" (a town the tagger took for a body) is the only body named
    # before "the company"; the sentence itself names the company, which the story knows
    # from another article, or does not know at all: never the town.
    start = MILL.index("the company")
    town = Entity("o1", "ORG", "Varnholm", (), (), (Span("a0", 35, 43),))
    index = EntityIndex([town], (), {"a0": MILL})
    assert index.resolve("a0", start, start + 11, "the company") is None
    firm = Entity("o2", "ORG", "Kesseldon Fabrics", (), (), (Span("a1", 0, 17),))
    index = EntityIndex([town, firm], (), {"a0": MILL})
    assert index.resolve("a0", start, start + 11, "the company") == "o2"


def test_the_company_is_the_firm_its_sentence_opens_with(analyse: Any) -> None:
    # Fictional: the linker may take "Kesseldon Fabrics" for a person; it is the company.
    text = ('Kesseldon Fabrics will close its old dye works in the fictional town of '
            'Brackwater, cutting 210 jobs, the company announced on Wednesday.\n\n'
            'The last shift at the works will run on May 2, after which dyeing will move to '
            "the company's plant in Varnholm.\n\n"
            'Kesseldon Fabrics said it had tried to find a buyer.')
    assert _speaker_in_text(analyse, text, "dye works") == "Kesseldon Fabrics"


def test_he_said_goes_on_with_the_speaker_of_words_mostly_in_marks(analyse: Any) -> None:
    # Fictional: Tolan's first report is almost all in quotation marks (left to the direct
    # quotes); "He said" after it is still Tolan going on, not Breyer whom he talks about.
    text = ('Osk Breyer, a former ferry pilot, has sued the Wellmark Ferry Company. He says '
            'he was fired for speaking to the press.\n\n'
            "The company's lawyer, Piet Tolan, said Breyer was \"chasing free headlines "
            'with claims nobody can check." He said Breyer was bound by a contract that is '
            '"standard for every firm on the coast."')
    assert _speaker_in_text(analyse, text, "was bound by a contract") == "Piet Tolan"


def test_a_widow_named_before_whose_husband_is_still_she(analyse: Any) -> None:
    text = ("Mara Fenwick, whose husband, Navy SEAL Tam Fenwick, was one of three sailors "
            "killed in the 2019 raid on the Orlen depot, talked with radio host Ben Kask on "
            "Friday.\n\nFenwick said she does not think the mayor should resign over the "
            "remark.\n\n\"First of all,\" she told Kask, \"I would never wish this grief on "
            "anyone.\"")
    assert _speaker_name(analyse, text, "wish this grief") == "Mara Fenwick"


def test_a_speech_verb_joined_to_the_verb_of_a_report_is_the_reporters(analyse: Any) -> None:
    # the parser hangs "and said" / "and urged" on the reported words' own verb, whose
    # subject (the group, the trust) said nothing
    text = ("Ina Vasko, the director of the Harlow Trust, told the Ledger her group never "
            "worked with Dorn or Pell and said the group hired the lobbyists on its own.\n\n"
            "Trust spokesman Ben Kolar on Thursday said the Harlow Trust was not in a "
            "crisis, and urged that everyone take a deep breath.")
    assert _speaker_name(analyse, text, "hired the lobbyists") == "Ina Vasko"
    assert _speaker_name(analyse, text, "take a deep breath") == "Ben Kolar"


def test_a_person_named_inside_the_words_an_aside_cue_reports_does_not_take_its_he(
        analyse: Any) -> None:
    # "he added" set off by commas inside what it reports; Ada Dahl is named there for
    # the first time, but not as its subject: Halvorsen goes on
    text = ('"We cannot keep the promises we made to pensioners without a new source of '
            'money," said Mr. Halvorsen of the Kestrel Institute. Proposals so far from the '
            'mayor, Ada Dahl, to raise the harbour levy, he added, amount to "tinkering at '
            'the edges."')
    assert _speaker_name(analyse, text, "Proposals so far") == "Halvorsen"


def test_a_person_named_in_the_topic_of_as_for_does_not_take_the_pronoun(
        analyse: Any) -> None:
    # "As for Brandt's ability ..., she said": Brandt is what she speaks about
    text = ("Mayor Ada Varga spoke in Dunmore on Tuesday about the race against Tomas Brandt. "
            "\"I have been vetted,\" Varga said. \"I have been at this for decades and I am "
            "still here.\"\n\nAs for Brandt's ability to deflect attacks, she said, \"The "
            "vetting of the other candidates has not even begun.\"")
    assert _speaker_name(analyse, text, "has not even begun") == "Ada Varga"


def test_a_report_inside_another_speakers_words_is_theirs_to_go_on_with(nlp: Any) -> None:
    # "He hoped, he said" after it goes on with Brandt, who points it out, not with Kask
    doc = nlp("Brandt turned the story back on the Ledger, pointing out that the paper's Ivo "
              "Kask had reported in June that his campaign was falling apart.")
    assert reported_by_another(next(t for t in doc if t.text == "reported"))
    # what someone knew is no report of theirs
    doc = nlp("Brandt knew that Ivo Kask had reported in June that his campaign was failing.")
    assert not reported_by_another(next(t for t in doc if t.text == "reported"))


def test_a_full_name_beside_a_description_names_its_holder_though_tagged_a_place(
        analyse: Any) -> None:
    # The tagger takes "Clara Vantry" for a place here, so no person mention holds it.
    text = ("The ferry dispute reached a tribunal in Pellsworth on Monday.\n\n"
            "The magistrate, Clara Vantry, has asked both sides to submit their figures "
            "by Friday.")
    quote = _quote(analyse, text, "submit their figures")
    assert quote.speaker_text == "Clara Vantry"


def test_a_speech_verb_said_again_after_a_report_is_the_first_askers(analyse: Any) -> None:
    # The parser hangs the second "asked" on the first one's reported clause, whose
    # subject is "it"; the union asked is no speaker.
    text = ("The ferry strike reached a tribunal in Pellsworth on Monday, and neither side "
            "left it any happier.\n\n"
            "The Harbour Crews Union disputes that. Oskar Vantreed added that the crews had "
            "not had a raise since 2018.\n\n"
            "The arbiter pressed both sides. She asked the council why it had waited eight "
            "days to go to court, and asked the union whether it would accept a mediator. "
            "Lindqvist is expected to rule on May 3.")
    quotes = analyse(text, id="a0").quotes
    first = next(q for q in quotes if q.text.startswith("why it had waited"))
    second = next(q for q in quotes if q.text.startswith("whether it would accept"))
    assert second.speaker_text == first.speaker_text


def test_she_after_a_sentence_about_an_unnamed_description_is_the_one_described(
        analyse: Any) -> None:
    text = ("The ferry strike reached a tribunal in Pellsworth on Monday.\n\n"
            "Oskar Vantreed added that the crews had not had a raise since 2018.\n\n"
            "The arbiter pressed both sides. She asked the council why it had waited eight "
            "days to go to court.")
    assert _quote(analyse, text, "why it had waited").speaker_text == "The arbiter"


def test_he_after_a_description_the_last_speaker_was_given_stays_that_speaker(
        analyse: Any) -> None:
    text = ("The ferry strike reached a tribunal in Pellsworth on Monday.\n\n"
            "Oskar Vantreed, the council's lawyer, said the crews had ignored two offers.\n\n"
            "The lawyer pressed on. He asked the tribunal why the crews had waited so long.")
    assert _quote(analyse, text, "why the crews had waited").speaker_text == "Oskar Vantreed"


def test_he_or_she_after_a_description_that_acted_on_one_of_theirs_is_the_last_speaker(
        analyse: Any) -> None:
    # "told her": the manager acted on a woman already in the story, who goes on
    text = ("Lena Voss, a nurse at the ward, said the beds had been full since Monday. "
            "The manager told her to go home early. She said she refused because no one "
            "else was there.")
    assert _quote(analyse, text, "she refused").speaker_text == "Lena Voss"
    text = ("Tom Dahl said his shop was ruined. The insurer rejected his claim. He said he "
            "would appeal.")
    assert _quote(analyse, text, "would appeal").speaker_text == "Tom Dahl"


def test_a_pronoun_on_a_shared_surname_names_the_bearer_of_its_gender(analyse: Any) -> None:
    # "Varga" alone could be either; "she" can only be Lena
    text = ('Lena Varga and Mark Varga own the bakery on Pier Street. The council wants the '
            'street closed for a month. Varga has opposed the plan for a year. "We will '
            'lose customers," she said.')
    assert _speaker_name(analyse, text, "lose customers") == "Lena Varga"
    assert _speaker_name(analyse, text.replace("she said", "he said"),
                         "lose customers") == "Mark Varga"


def test_a_pronoun_on_a_shared_surname_names_the_one_bearer_named_so_far(analyse: Any
                                                                          ) -> None:
    # Mark Varga is named only after the quote: "she" is Lena, whom "Varga" stood for, and
    # the speaker is named so, not by a surname the linker must settle between two Vargas
    text = ('Lena Varga owns the bakery on Pier Street. The council wants the street closed '
            'for a month. Varga has opposed the plan for a year. "We will lose customers," '
            'she said. Mark Varga, who runs the shop next door, agreed.')
    assert _quote(analyse, text, "lose customers").speaker_text == "Lena Varga"
    assert _speaker_name(analyse, text, "lose customers") == "Lena Varga"


def test_the_letter_continued_speaks_for_who_wrote_the_letter(analyse: Any) -> None:
    # "the letter continued" goes on with the letter a person was just quoted from: hers.
    text = ('Harbour Minister Lida Vorn stepped down on Friday. "I made errors, and I own '
            'them," Ms. Vorn said in a letter to the premier.\n\n"I will answer to the '
            'inquiry," the letter continued.')
    assert _speaker_name(analyse, text, "answer to the inquiry") == "Lida Vorn"


def test_the_statement_continued_is_not_an_earlier_writers_after_another_statement(
        analyse: Any) -> None:
    # The union's statement is the one named last: "the statement continued" is not hers.
    text = ('Harbour Minister Lida Vorn resigned on Friday. "I made errors," Ms. Vorn said '
            'in a statement.\n\nThe dockers\' union issued a statement calling the '
            'resignation a farce. "The rot goes deeper than one minister," the statement '
            'continued.')
    assert _speaker_name(analyse, text, "rot goes deeper") != "Lida Vorn"
    assert _speaker_name(analyse, text, "I made errors") == "Lida Vorn"
    # "The statement" said of hers in between is still hers.
    same = ('"I made errors," Ms. Lida Vorn said in a statement on Friday.\n\nThe statement '
            'did not mention the contracts. "I will cooperate fully," the statement continued.')
    assert _speaker_name(analyse, same, "cooperate fully") == "Lida Vorn"


def test_the_commission_is_a_commission_on_something(analyse: Any) -> None:
    # "Commission on Ferry Safety" is a commission though its name goes on after the word
    # (as "Ministry of ..." does): the other body named does not make "the commission" open.
    text = ("Officials from the National Commission on Ferry Safety inspected the ferries of "
            "Kessock Lines in March.\n\nKessock Lines said its crews were well trained.\n\n"
            '"Two of the four ferries need new lifeboats," the commission said on Friday.')
    assert _speaker_in_text(analyse, text, "new lifeboats") == \
        "National Commission on Ferry Safety"


def test_the_president_is_not_the_vice_president(analyse: Any) -> None:
    # Two roles with the head word "president": the vice president is second to the
    # president, so "the president" has one holder, and "the vice president" the other.
    text = ("President Mara Quill of the Orvane Rowing Federation opened the season in "
            "Kessock on Saturday. Vice President Tomas Hale spoke after her.\n\n"
            '"We have never had so many young crews," the president said.\n\n'
            '"The river is finally clean again," the vice president said.')
    assert _speaker_in_text(analyse, text, "young crews") == "Mara Quill"
    assert _speaker_in_text(analyse, text, "finally clean") == "Tomas Hale"


def test_the_group_is_the_body_the_sentence_before_names(analyse: Any) -> None:
    # Two bodies in the story; "the group" goes on from the one the sentence before names.
    text = ("Dunmore County Council voted to close the Orvane bridge to cars in March.\n\n"
            "The Orvane Cyclists Trust counted the riders on the bridge for a year. About "
            "4,000 people cross it every day, the group said on Monday.")
    assert _speaker_in_text(analyse, text, "4,000 people") == "Orvane Cyclists Trust"
    # Several named there: the one the sentence opens with.
    both = text.replace("counted the riders on the bridge",
                        "asked Dunmore County Council for the riders' numbers")
    assert _speaker_in_text(analyse, both, "4,000 people") == "Orvane Cyclists Trust"


def test_the_group_named_further_back_or_owned_stays_open(analyse: Any) -> None:
    # Guard: a sentence naming no body comes between, or "his group" says whose it is.
    text = ("Dunmore County Council voted to close the Orvane bridge to cars in March.\n\n"
            "The Orvane Cyclists Trust counted the riders on the bridge for a year. The "
            "counts were done by hand. About 4,000 people cross it every day, the group said.")
    assert _speaker_in_text(analyse, text, "4,000 people") is None
    owned = ("Dunmore County Council voted to close the Orvane bridge to cars in March.\n\n"
             "The Orvane Cyclists Trust counted the riders, said Ivo Brask. About 4,000 "
             "people cross it every day, his group said.")
    assert _speaker_in_text(analyse, owned, "4,000 people") is None


def test_the_company_is_not_a_body_named_in_passing_before_it(analyse: Any) -> None:
    # Guard: the sentence before names a company only in passing (not its subject, nor
    # cited): "the company" stays open rather than going to it.
    text = ("Dunmore County Council voted to close the Orvane bridge to cars in March.\n\n"
            "Many riders said they had bought their bikes from Kessock Cycles Limited. About "
            "4,000 people cross it every day, the group said on Monday.")
    assert _speaker_in_text(analyse, text, "4,000 people") is None


def test_a_public_figure_described_after_the_one_person_named_before(analyse: Any) -> None:
    # "the island senator" goes on from the one person the sentence before names.
    text = ("Senator hopefuls met in Kessock on Monday.\n\nIda Marrow spoke first, and warned "
            'against a new tax on ferries. "That would hurt every island family," the island '
            "senator said.")
    assert _speaker_in_text(analyse, text, "every island family") == "Ida Marrow"


def test_a_public_figure_described_after_two_people_or_by_a_word_used_stays_open(
        analyse: Any) -> None:
    # Guards: two people named before; the sentence before calls another "the senator";
    # the one person named has only another role ("Bishop Tomas Hale").
    two = ("Ida Marrow spoke after Ben Castell, and warned against a new tax on ferries. "
           '"That would hurt every island family," the island senator said.')
    assert _speaker_in_text(analyse, two, "every island family") is None
    used = ("Ida Marrow met the senator in Kessock and warned against a new tax on ferries. "
            '"That would hurt every island family," the island senator said.')
    assert _speaker_in_text(analyse, used, "every island family") is None
    other = ("Bishop Tomas Hale spoke first, and warned against a new tax on ferries. "
             '"That would hurt every island family," the island senator said.')
    assert _speaker_in_text(analyse, other, "every island family") is None


def test_of_two_holders_of_a_role_the_one_who_opens_the_sentence_before(analyse: Any
                                                                        ) -> None:
    # Two senators in the story: "the senator" goes on from the one the sentence before
    # opens with, not one named beside her there ("Sen. Ben Castell": no sentence ends at
    # the title's full stop).
    text = ("Senator Ida Marrow and Senator Ben Castell met the ferry crews on Monday.\n\n"
            "Marrow spoke at the harbour with Sen. Ben Castell, and warned against a new "
            'tax on ferries. "That would hurt every island family," the senator said.')
    assert _speaker_in_text(analyse, text, "every island family") == "Ida Marrow"
    # Guard: the sentence before opens with neither of them.
    other = text.replace("Marrow spoke at the harbour with Sen. Ben Castell,",
                         "The crews cheered Marrow and Castell,")
    assert _speaker_in_text(analyse, other, "every island family") is None


def test_the_company_or_group_after_another_body_the_story_opened_with_stays_open(
        analyse: Any) -> None:
    # Guards: the story opens with one company and the sentence before with another (its
    # lender): "the company" may be either; so may "the group" after the trust the story
    # opened with and a club named just before.
    company = ("Kessock Lines announced 200 job cuts on Monday. Brannock Bank, its largest "
               'lender, had asked for savings.\n\n"These are hard decisions," the company '
               "said in a statement.")
    assert _speaker_in_text(analyse, company, "hard decisions") is None
    group = ("The Kessock Cyclists Trust counted riders on the bridge. The Brannock Rowing "
             'Club, its largest member, asked for the count.\n\n"About 4,000 people cross '
             'it every day," the group said.')
    assert _speaker_in_text(analyse, group, "4,000 people") is None


def test_a_public_figure_described_is_not_a_name_inside_the_quote(analyse: Any) -> None:
    # The one person named before "the senator" is named inside the quote it attributes:
    # the quote talks about him, so he is no speaker.
    text = ("Harlow Tribune\n\nEdda Vask spent Tuesday touring flood defences along the Merrow "
            "river.\n\nShe stopped at three villages before noon. \"Tomas Brell has failed "
            'every family in this valley," the senator said.')
    assert _speaker_in_text(analyse, text, "every family") != "Tomas Brell"


def test_a_public_figure_described_by_a_gendered_word_is_not_of_the_other_sex(
        analyse: Any) -> None:
    # "the businessman" after the one person named before, a woman: not her.
    text = ("Investors gathered in Orvane on Monday.\n\nNora Quell unveiled a plan to buy the "
            'Orvane ferry line. "The ferries will run on time again," the businessman said.')
    assert _speaker_in_text(analyse, text, "on time again") is None
    # Guard: "the businesswoman" still goes on from her.
    her = text.replace("the businessman", "the businesswoman")
    assert _speaker_in_text(analyse, her, "on time again") == "Nora Quell"
    # A given name the table lacks: "her plan" says it.
    pronoun = text.replace("Nora Quell unveiled a plan", "Mara Quell unveiled her plan")
    assert _speaker_in_text(analyse, pronoun, "on time again") is None
    assert _speaker_in_text(analyse, pronoun.replace("the businessman", "the businesswoman"),
                            "on time again") == "Mara Quell"


def test_of_two_holders_a_company_suffix_ends_the_sentence_before(analyse: Any) -> None:
    # "Inc." closes a company's name and here its sentence: the sentence before opens with
    # Marrow, not with Castell, who opens the one before that.
    text = ("Senator Ida Marrow and Senator Ben Castell met the ferry crews on Monday.\n\n"
            "Castell had lunch with the board of Kessock Holdings Inc. Marrow spoke at the "
            "harbour, and warned against a new tax on ferries. \"That would hurt every island "
            'family," the senator said.')
    assert _speaker_in_text(analyse, text, "every island family") == "Ida Marrow"


def test_of_two_holders_a_name_after_us_opens_a_sentence(analyse: Any) -> None:
    # "U.S." ends a sentence when a name follows it: the sentence before opens with
    # Marrow, not with Castell two sentences back.
    text = ("Senator Ida Marrow and Senator Ben Castell met the ferry crews on Monday.\n\n"
            "Castell had just flown back from the U.S. Marrow spoke at the harbour, and "
            'warned against a new tax on ferries. "That would hurt every island family," the '
            "senator said.")
    assert _speaker_in_text(analyse, text, "every island family") == "Ida Marrow"
    # Guard: a title after "U.S." goes on with the sentence ("U.S. Sen. Ben Castell").
    title = ("Senator Ida Marrow and Senator Ben Castell met the ferry crews on Monday.\n\n"
             "Marrow spoke at the harbour with U.S. Sen. Ben Castell, and warned against a "
             'new tax on ferries. "That would hurt every island family," the senator said.')
    assert _speaker_in_text(analyse, title, "every island family") == "Ida Marrow"


HARBOUR_ROW = ('Oren Dahl, who runs the Westport ferry line, said on Monday that fares would '
               'rise in May. "We have no other choice," Dahl said. "There are a couple of routes '
               'here and there that lose money every winter," he said.\n\n'
               'Reached by GAZETTE, Keller, the Westport harbour master, hesitated to repeat '
               'his previous criticism of the ferry boss. He agreed that Dahl may struggle to '
               'win the council over, but he said the ferries were safe.')


def test_he_after_a_fronted_participle_is_the_name_opening_its_main_clause(analyse: Any
                                                                           ) -> None:
    # Fictional: the parser made "Reached" the root and Keller a second agent of it, so
    # the sentence seemed to have no subject and "He agreed" went to Dahl, quoted before.
    assert _quote(analyse, HARBOUR_ROW, "may struggle").speaker_text == "Keller"


def test_a_second_he_coordinated_with_the_first_is_the_same_person(analyse: Any) -> None:
    # Fictional: "but he said" goes on with "He agreed", not with Dahl, the subject of
    # what the first clause reports.
    assert _quote(analyse, HARBOUR_ROW, "ferries were safe").speaker_text == "Keller"


def test_she_after_an_unnamed_mayor_is_not_a_name_inside_the_description(analyse: Any
                                                                          ) -> None:
    # Fictional: Dahl is named only as the object of a clause describing the mayor; "she"
    # had gone to him, the one person named.
    text = ('The storms in the north and the floods in Marrow have unsettled many residents '
            'of Westport.\n\n'
            'A mayor who ordered the raid that caught Oren Dahl and who hoped to leave office '
            'having rebuilt the harbour will instead hand her successor a broken sea wall. '
            'Where she used to boast that the town was safe, on Tuesday night she said the '
            'wall still posed "a direct threat" to the port.')
    assert _quote(analyse, text, "the town was safe").speaker_text == "A mayor"
    assert _quote(analyse, text, "direct threat").speaker_text == "A mayor"


def test_he_after_an_unnamed_reporter_asking_someone_named_is_the_one_asked(analyse: Any
                                                                            ) -> None:
    # Fictional: the reporter's question is answered by Brand, named outside "A reporter".
    text = ('Ferry fees in Lenby will rise in May, the harbour board said on Monday.\n\n'
            'A reporter asked Tom Brand about the fees at the meeting. He said they were '
            'fair and would pay for new boats.')
    assert _speaker_name(analyse, text, "they were fair") == "Tom Brand"


def test_he_after_an_unnamed_subject_who_helped_him_is_the_man_named_before(analyse: Any
                                                                            ) -> None:
    # Fictional: "him" in the fisherman's sentence is Brand, so "He" may well be too.
    text = ('Ferry fees in Lenby will rise in May, the harbour board said on Monday.\n\n'
            'Tom Brand spent the night at the pier. A fisherman gave him a lift home. He said '
            'the ferry had been cancelled.')
    assert _speaker_name(analyse, text, "ferry had been cancelled") == "Tom Brand"


def test_those_likely_to_say_speak_not_a_name_in_what_they_say(analyse: Any) -> None:
    # "likely" stands between the cue and its subject: the name right after the cue is
    # inside the reported words.
    text = ('Among the dockworkers polled in Orlow, younger members were far more likely to '
            'say Tamsin Rooke could still take the harbour seat, whatever the early count '
            'showed.')
    quote = _quote(analyse, text, "could still take")
    assert quote.speaker_text is not None and "members" in quote.speaker_text
    assert "Marsh" not in quote.speaker_text


def test_a_name_inside_an_aside_before_the_cue_does_not_speak(analyse: Any) -> None:
    # The parser hangs "chanting" on the verb of the aside between the dashes.
    text = ('Dozens of parents waited outside the shuttered library for hours, circling the '
            'blocks near Orlow Park - where the Orlow Rovers train most weekends - while '
            'chanting, "Give us our books back."')
    quote = _quote(analyse, text, "our books back")
    assert quote.speaker_text == "Dozens of parents"


def test_a_name_in_the_sentence_before_a_subjectless_cue_does_not_speak(analyse: Any
                                                                        ) -> None:
    text = ('A first count from a survey of Orlow bus users shows that about half said they '
            'think the next council should keep Councillor Tamsin Rooke’s timetables. About 4 '
            'in 10 say they want the next council to cut fares.')
    quote = _quote(analyse, text, "cut fares")
    assert quote.speaker_text is None or "Marsh" not in quote.speaker_text


def _parsed(nlp: Any, rows: list[tuple[str, int, str, str]]) -> Doc:
    """A hand-made parse: (word, head, dependency, part of speech) a row, one space after
    each word but before a comma or full stop; one sentence."""
    words = [row[0] for row in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} and
              words[i] != "\u201c" for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=[row[1] for row in rows],
               deps=[row[2] for row in rows], pos=[row[3] for row in rows],
               sent_starts=[i == 0 for i in range(len(words))])


def test_a_name_opening_a_long_aside_speaks_after_also(nlp: Any) -> None:
    # The parse of a real sentence of this shape: the name the subject of a verb inside
    # the aside, "said" with no subject of its own.
    doc = _parsed(nlp, [
        ("Varga", 10, "nsubj", "PROPN"), (",", 0, "punct", "PUNCT"),
        ("director", 0, "appos", "NOUN"), ("of", 2, "prep", "ADP"),
        ("the", 5, "det", "DET"), ("guild", 3, "pobj", "NOUN"), (",", 0, "punct", "PUNCT"),
        ("and", 0, "cc", "CCONJ"), ("has", 10, "aux", "AUX"),
        ("been", 10, "aux", "AUX"), ("busing", 22, "ccomp", "VERB"),
        ("its", 12, "poss", "PRON"), ("members", 10, "dobj", "NOUN"),
        ("across", 10, "prep", "ADP"), ("the", 15, "det", "DET"),
        ("county", 13, "pobj", "NOUN"), ("to", 17, "aux", "PART"),
        ("campaign", 10, "xcomp", "VERB"), ("for", 17, "prep", "ADP"),
        ("him", 18, "pobj", "PRON"), (",", 22, "punct", "PUNCT"),
        ("also", 22, "advmod", "ADV"), ("said", 22, "ROOT", "VERB"),
        ("it", 24, "nsubj", "PRON"), ("marched", 22, "ccomp", "VERB"),
        (".", 22, "punct", "PUNCT")])
    mention = Mention(article_id="a0", text="Varga", start=0, end=5, label="PERSON",
                      name="Varga")
    resolver = SpeakerResolver(doc, [mention], bytearray(len(doc.text)))
    assert resolver.speaker_of(doc[22]) == ("Varga", 0, 5)


def test_a_name_after_the_quote_hung_on_words_inside_it_speaks(nlp: Any) -> None:
    # The parse of a real sentence of this shape: the subject inside the marks, the name
    # after them its apposition, a long description between the name and the cue.
    aside = "the party frontrunner in the county and the polling leader in Wexmoor by far"
    rows = [("\u201c", 2, "punct", "PUNCT"), ("Good", 2, "amod", "ADJ"),
            ("mayor", 8 + len(aside.split()), "nsubj", "NOUN"), (",", 2, "punct", "PUNCT"),
            ("\u201d", 5, "punct", "PUNCT"), ("Dahl", 2, "appos", "PROPN"),
            (",", 5, "punct", "PUNCT")]
    rows += [(word, 5, "dep", "NOUN") for word in aside.split()]
    rows += [(",", 5, "punct", "PUNCT"), ("said", len(rows) + 1, "ROOT", "VERB"),
             (".", len(rows) + 1, "punct", "PUNCT")]
    doc = _parsed(nlp, rows)
    inside = bytearray(len(doc.text))
    for offset in range(doc[0].idx, doc[4].idx + 1):
        inside[offset] = 1
    dahl = doc[5].idx
    mention = Mention(article_id="a0", text="Dahl", start=dahl, end=dahl + 4,
                      label="PERSON", name="Dahl")
    resolver = SpeakerResolver(doc, [mention], inside)
    cue = next(t for t in doc if t.text == "said")
    assert resolver.speaker_of(cue) == ("Dahl", dahl, dahl + 4)


def test_a_question_joined_to_what_a_tweet_reports_is_the_tweeters(analyse: Any) -> None:
    text = ('Critics piled on within minutes, with Bram Oduya tweeting that the vote was a '
            'farce for Rooke and asking, "Who would trust her with the ferry budget now?"')
    quote = _quote(analyse, text, "ferry budget")
    assert quote.speaker_text == "Bram Oduya"


def test_a_participle_after_a_quote_the_parser_made_the_root_is_the_subjects(
        analyse: Any) -> None:
    text = ("The row grew louder on Thursday. Mr. Oduya did little to settle it, brushing "
            "off Ms. Rooke's charge at first as flattery -- ''That shows I plan ahead'' -- "
            "and, when pressed by reporters later, insisting, ''Naturally, I follow the "
            "rules.''")
    quote = _quote(analyse, text, "follow the rules")
    assert quote.speaker_text == "Mr. Oduya"


def test_a_stop_inside_an_abbreviation_does_not_end_the_sentence_before_the_cue(
        analyse: Any) -> None:
    # "a.m. Tuesday" is no sentence end: the name before it is still the cue's.
    text = ('The vote is on Monday. Tom Brand (a Corvale native) and the mayor, also '
            'speaking at 9 a.m. Tuesday, said the levy was fair.')
    quote = _quote(analyse, text, "levy was fair")
    assert quote.speaker_text is not None and "mayor" in quote.speaker_text


def test_hyphenated_words_are_no_aside_around_the_verb_a_cue_hangs_on(analyse: Any
                                                                     ) -> None:
    # "ex-mayor" and "cost-cutting" are no pair of dashes: "insisted" stays with Dahl.
    text = ('The vote is on Monday. Fans booed while the ex-mayor Oren Dahl defended the '
            'cost-cutting plan and insisted, "It saves the ferry money."')
    quote = _quote(analyse, text, "saves the ferry")
    assert quote.speaker_text is not None and "Dahl" in quote.speaker_text


def test_a_dateline_dash_opens_no_aside_around_the_verb_a_cue_hangs_on(analyse: Any
                                                                      ) -> None:
    text = ('The vote is on Monday.\n\nCORVALE - Fans booed while Oren Dahl defended the '
            'plan - the third this year - and insisted, "It saves the ferry money."')
    quote = _quote(analyse, text, "saves the ferry")
    assert quote.speaker_text is not None and "Dahl" in quote.speaker_text
