"""Tests for storyline/digests.py: newsletters carrying an item of a story (fictional texts)."""

from __future__ import annotations

from storyline.digests import ITEM_TOPICAL_WORDS, _calendar, _topical, original_of
from storyline.models import Article
from storyline.provenance import detect_provenance
from storyline.sketch import Sketch, sketch_article
from tests.conftest import article

LIBRARY = ("The Orla Bay public library will close its reading room for eight weeks from "
           "Monday while the roof over the east wing is replaced, the county council said "
           "on Thursday.\n\nHead librarian Wenna Castell said the lending desk would stay "
           "open in the children's wing. \"Nobody will be without a book for two months,\" "
           "she said.\n\nThe council said the roofing firm, Trask Brothers, found rotten "
           "rafters during a survey in January. The work will cost 310,000 crowns.\n\n"
           "Regular readers said they would miss the newspapers in the reading room, which "
           "opens at eight every morning.")


def _brief(item: str) -> str:
    return ("Good morning. Here is what you need to know on this grey Friday.\n\n" + item +
            "\n\nFERRY TIMES: The Saltmarsh crossing runs to its winter timetable from "
            "Sunday, with the last sailing leaving at half past six.\n\nWEATHER: Frost "
            "early, then bright spells. Highs of 7C, with drizzle spreading from the hills "
            "after dark.\n\nThat's all for today. See you on Monday.")


def _kinds(*articles: Article) -> dict[str, tuple[str, str | None]]:
    return {p.article: (p.kind, p.of) for p in detect_provenance(list(articles))}


def _library(published: str = "2026-02-05T09:00:00Z") -> Article:
    return article(LIBRARY, id="post", outlet="Orla Bay Post", published=published)


def test_a_newsletter_item_copying_one_sentence_and_adding_its_own_is_a_digest() -> None:
    # The item copies the library's lead word for word, then adds a line of its own in
    # the same paragraph: that line is the item's, not the newsletter's other words.
    item = ("READING ROOM SHUT: The Orla Bay public library will close its reading room "
            "for eight weeks from Monday while the roof over the east wing is replaced. "
            "Head librarian Wenna Castell said the children's wing would stay open.")
    kinds = _kinds(_library(), article(_brief(item), id="brief", outlet="Bay Morning Brief",
                                       published="2026-02-06T06:00:00Z"))
    assert kinds == {"post": ("original", None), "brief": ("digest", "post")}


def test_a_labelled_item_in_the_newsletters_own_words_is_a_digest_on_a_date_alone() -> None:
    # The item sums up the lead in other words; the newsletter gives only its date, the
    # library report a time that day: the order is open, so the report may be its source.
    item = ("LIBRARY: The reading room at Orla Bay public library will close for eight "
            "weeks from Monday so that the east wing's roof can be replaced, said the "
            "county council.")
    kinds = _kinds(_library("2026-02-06T09:00:00Z"),
                   article(_brief(item), id="brief", outlet="Bay Morning Brief",
                           published="2026-02-06"))
    assert kinds == {"post": ("original", None), "brief": ("digest", "post")}


def test_a_short_original_sharing_one_sentence_in_a_paragraph_stays_original() -> None:
    # A follow-up that takes the lead word for word, goes on in the same paragraph, and
    # tells the rest in the story's words (the reading room, the council, the roof).
    report = ("The Orla Bay public library will close its reading room for eight weeks "
              "from Monday while the roof over the east wing is replaced. Readers "
              "collected a petition against the closure of the reading room.\n\nThe "
              "county council said the roofing firm would start on the east wing at once "
              "and that the library's lending desk would stay open.\n\nCouncillor Ines "
              "Moreau said the council should have replaced the library roof years ago.")
    kinds = _kinds(_library(), article(report, id="ledger", outlet="Valley Ledger",
                                       published="2026-02-05T15:00:00Z"))
    assert kinds == {"post": ("original", None), "ledger": ("original", None)}


LIDO = ("The open-air lido at Saltmarsh will stay shut until May after storms in December "
        "cracked the floor of its main pool, the town's leisure trust said on Wednesday.\n\n"
        "Trust manager Odile Penrith said divers had found three cracks, one of them more "
        "than two metres long. \"We will not open a pool we cannot trust,\" she said.\n\n"
        "The repairs will cost 95,000 crowns, which the trust will take from its reserves. "
        "Swimming clubs will train at the indoor pool in Hallam until the lido reopens.")


def _lido() -> Article:
    return article(LIDO, id="courier", outlet="Saltmarsh Courier",
                   published="2026-02-04T12:00:00Z")


def test_a_newsletter_whose_headline_lists_its_items_is_a_digest() -> None:
    # The headline names the newsletter and each item, the reading room's too; the item
    # changes a word and drops a clause of the library's lead, and holds a sentence of it
    # whole inside a clause naming the Post; the lido item is credited in brackets.
    brief = ("Good morning. Here is what you need to know on this grey Friday.\n\n"
             "READING ROOM: The Orla Bay public library will close its reading room for "
             "eight weeks from next week while the roof over the east wing is replaced. The "
             "work will cost 310,000 crowns, which the Orla Bay Post reports the county "
             "council will pay from its road budget.\n\nLIDO: Saltmarsh's open-air pool "
             "stays closed until May while storm cracks in its floor are mended (Saltmarsh "
             "Courier).\n\nWEATHER: Frost early, then bright spells. Highs of 7C, with "
             "drizzle spreading from the hills after dark.\n\nThat's all for today. "
             "Forward this to a friend.")
    newsletter = article(brief, id="brief", outlet="Bay Breakfast Brief",
                         published="2026-02-06T06:00:00Z",
                         title="The Bay Breakfast Brief: reading room shut, lido stays "
                               "closed, frost")
    kinds = _kinds(_library(), _lido(), newsletter)
    assert kinds["brief"] == ("digest", "post")
    assert kinds["post"] == kinds["courier"] == ("original", None)


def test_an_unlabelled_item_credited_in_brackets_is_a_digests_item() -> None:
    # No labels: the headline names the newsletter, and the item, in its own words, names
    # the outlet it sums up.
    brief = ("Good morning. Here is what you need to know on this grey Friday.\n\n"
             "The reading room at Orla Bay public library shuts for eight weeks from Monday "
             "so that the roof over the east wing can be replaced (Orla Bay Post).\n\n"
             "The Saltmarsh crossing runs to its winter timetable from Sunday, with the last "
             "sailing leaving at half past six.\n\nFrost early, then bright spells. Highs of "
             "7C, with drizzle spreading from the hills after dark.\n\nThat's all for today. "
             "See you on Monday.")
    newsletter = article(brief, id="brief", outlet="Bay Breakfast Brief",
                         published="2026-02-06T06:00:00Z",
                         title="Bay Breakfast Brief - library reading room to shut")
    assert _kinds(_library(), newsletter)["brief"] == ("digest", "post")
    # The same without the credit is a report of its own (nothing marks the item).
    uncredited = article(brief.replace(" (Orla Bay Post)", ""), id="brief",
                         outlet="Bay Breakfast Brief", published="2026-02-06T06:00:00Z",
                         title="Bay Breakfast Brief - library reading room to shut")
    assert _kinds(_library(), uncredited)["brief"] == ("original", None)


def test_a_follow_up_crediting_the_source_in_paragraphs_stays_original() -> None:
    # A report, not a newsletter: no labels, its own outlet not in the headline, which
    # names what the credited paragraph tells. Its quote of the librarian is no copy.
    report = ("The reading room at Orla Bay public library shuts for eight weeks from "
              "Monday so that the roof over the east wing can be replaced, the Orla Bay Post "
              "reported.\n\n\"Nobody will be without a book for two months,\" head librarian "
              "Wenna Castell told the Orla Bay Post.\n\nVolunteers from the Harbour Street "
              "chess club have offered their hall, with its piano and long oak tables, to "
              "pensioners who meet to play cards on weekday afternoons.")
    follow_up = article(report, id="gazette", outlet="Valley Gazette",
                        published="2026-02-06T08:00:00Z",
                        title="Library reading room to shut for roof repairs")
    assert _kinds(_library(), follow_up)["gazette"] == ("original", None)


def test_a_short_report_telling_what_an_article_and_its_spun_copy_tell_is_no_digest() -> None:
    # A wire report half the Courier's length tells the lido story in its own words and
    # gives the manager's quote as the Courier's spun copy does. An original and its
    # copy are one source, not two articles it sums up: not a digest.
    spun = (LIDO.replace("stay shut", "remain closed").replace("cracked", "fractured")
            .replace("Trust manager Odile Penrith said divers had found three cracks, one of "
                     "them more than two metres long.", "Belief supervisor Odile Penrith "
                     "acknowledged scuba specialists uncovered 3 fissures, one among them "
                     "upwards of 2 metres lengthy.")
            .replace("said on Wednesday", "stated on Wednesday").replace("she said", "she stated")
            .replace("cost", "price").replace("take", "draw").replace("train", "practice"))
    wire = ("Saltmarsh lido will not reopen before May because storms broke its pool floor, "
            "the leisure trust said.\n\nManager Odile Penrith said there were three cracks. "
            "\"We will not open a pool we cannot trust,\" Penrith stated.\n\nClubs will "
            "swim in Hallam meanwhile.")
    kinds = _kinds(_lido(), article(spun, id="spun", outlet="Daily Feed Hub",
                                    published="2026-02-05T09:00:00Z"),
                   article(wire, id="wire", outlet="Coast Press Agency",
                           published="2026-02-04T15:00:00Z"))
    assert kinds["spun"] == ("spun", "courier")
    assert kinds["wire"][0] in {"original", "rewrite"}


def test_a_common_word_is_no_credit_of_a_one_word_outlet() -> None:
    brief = ("Good morning. Here is what you need to know on this grey Friday.\n\n"
             "The reading room at Orla Bay public library shuts for eight weeks from Monday "
             "so that the roof over the east wing can be replaced{}.\n\n"
             "The Saltmarsh crossing runs to its winter timetable from Sunday, with the last "
             "sailing leaving at half past six.\n\nFrost early, then bright spells.\n\n"
             "That's all for today. See you on Monday.")
    library = article(LIBRARY, id="post", outlet="The Post", published="2026-02-05T09:00:00Z")

    def kind(item: str) -> str:
        copy = article(brief.format(item), id="brief", outlet="Bay Breakfast Brief",
                       published="2026-02-06T06:00:00Z",
                       title="Bay Breakfast Brief - library reading room to shut")
        return {p.article: p.kind for p in detect_provenance([library, copy])}["brief"]

    assert kind("; the post office next door stays open") == "original"
    assert kind(" (The Post)") == "digest"


def _topical_by_rescan(sketch: Sketch, other: int) -> bool:
    """`digests._topical` as first written: a rescan of the other sentences on every call."""
    around = {word for number, content in enumerate(sketch.sentence_content)
              if number != other for word in content if not _calendar(word)}
    mine = {word for word in sketch.sentence_content[other] if not _calendar(word)}
    return not around or len(mine & around) >= ITEM_TOPICAL_WORDS


def test_a_topical_sentence_is_told_from_the_sources_word_counts_as_by_a_rescan() -> None:
    # A stock line, calendar-only lines, a line sharing a word with one other line and a
    # word repeated inside one sentence: every sentence reads as the rescan reads it.
    texts = [LIBRARY + "\n\nSign up for our newsletter to get every story first.",
             "Reservoir levels fell on Monday. Reservoir staff said so. Sign up today.",
             "Monday, March 3.\n\nTuesday morning, next week.\n\nThe pump station pump failed.",
             "A lone sentence about the harbour wall, harbour gates and the harbour master.",
             _brief("TIDES: The harbour wall at Orla Bay will close for repairs on Monday.")]
    verdicts = []
    for text in texts:
        sketch = sketch_article(article(text))
        for number in range(len(sketch.sentences)):
            verdicts.append(_topical(sketch, number))
            assert verdicts[-1] == _topical_by_rescan(sketch, number), (text, number)
    assert True in verdicts and False in verdicts


def test_an_item_descends_from_the_end_of_its_copy_chain_and_a_ring_stops_where_it_closes(
        ) -> None:
    copies = {"reprint": "wire-copy", "wire-copy": "wire", "loop-a": "loop-b",
              "loop-b": "loop-a", "self": "self"}
    assert original_of(copies, "reprint") == "wire"
    assert original_of(copies, "wire") == "wire"  # copies none
    assert original_of(copies, "elsewhere") == "elsewhere"
    assert original_of(copies, "loop-a") == "loop-a"  # the first reached twice
    assert original_of(copies, "self") == "self"
    assert original_of({3: 1, 1: 0}, 3) == 0


def test_a_two_item_brief_rewording_one_lead_around_its_quote_is_a_digest() -> None:
    # Title-case labels; the lido item names the manager instead of the trust (a reworded
    # lead) and gives her quote word for word; the library item copies its lead whole.
    # The lido item's paragraph is the item, not the newsletter's other words.
    brief = ("Good morning. Here is what you need to know today.\n\n"
             "Lido: The open-air lido at Saltmarsh will stay shut until May after storms in "
             "December cracked the floor of its main pool, manager Odile Penrith said. "
             "\"We will not open a pool we cannot trust,\" she said.\n\n"
             "Library: The Orla Bay public library will close its reading room for eight "
             "weeks from Monday while the roof over the east wing is replaced, the county "
             "council said on Thursday.\n\nWeather: Drizzle spreading from the hills this "
             "morning, clearing by the afternoon. Highs of 7C. Frost likely overnight.\n\n"
             "That's all for today. See you on Monday.")
    newsletter = article(brief, id="brief", outlet="Bay Breakfast Brief",
                         published="2026-02-06T06:00:00Z",
                         title="The Breakfast Brief: Friday 6 February")
    kinds = _kinds(_library(), _lido(), newsletter)
    assert kinds["brief"][0] == "digest" and kinds["brief"][1] in {"post", "courier"}
    assert kinds["post"] == kinds["courier"] == ("original", None)


MARKET = ("VENNICK (Saltway Newswire) - The town council of Vennick voted on Monday to "
          "licence a night market on the old quay, the first in the fictional county of "
          "Marrowdale to trade after dark.\n\nCouncillors approved the licence by six votes "
          "to three after a long debate about noise and parking.\n\nUnder the licence, up to "
          "forty stalls may trade on Friday and Saturday evenings until eleven o'clock.\n\n"
          "Mayor Tilde Harrowgate, who first proposed the market last spring, called the vote "
          "a win for the quay's empty shops. \"We have waited years for a reason to walk down "
          "there at night,\" she said.\n\nResidents of Quay Row had asked the council to cap "
          "the number of stalls at twenty. Their spokesman, Oswin Dray, said the licence "
          "ignored their worries about litter.\n\nThe harbour master said boats would still "
          "be able to moor along the eastern wall.\n\nTraders will pay a fee of 40 crowns a "
          "night, which the council said would cover cleaning.\n\nThe first market will open "
          "on the first Friday of next month.")


def _market() -> Article:
    return article(MARKET, id="wire", outlet="Saltway Newswire",
                   published="2026-05-11T07:00:00Z")


def test_a_feed_item_picking_sentences_from_the_top_and_the_end_is_a_digest() -> None:
    # Sentences 1, 3, 4 (shortened) and the last: picked from one article, not its top
    # cut short (a truncated reprint copies the first sentences without a gap).
    item = ("The town council of Vennick voted on Monday to licence a night market on the "
            "old quay, Saltway Newswire reported. Up to forty stalls may trade on Friday and "
            "Saturday evenings until eleven o'clock. Mayor Tilde Harrowgate called the vote a "
            "win for the quay's empty shops. The first market will open on the first Friday "
            "of next month.")
    kinds = _kinds(_market(), article(item, id="feed-1", outlet="Marrowdale Digest",
                                      published="2026-05-12T06:00:00Z"))
    assert kinds == {"wire": ("original", None), "feed-1": ("digest", "wire")}


def test_a_short_summary_naming_its_one_source_is_a_digest_of_it() -> None:
    # Two sentences summed up in other words and one copied, with the wire named: an item
    # of a digest, no independent report.
    item = ("Vennick will licence a night market with forty stalls on its old quay after the "
            "council voted on Monday, according to Saltway Newswire. Stalls will pay a fee "
            "of 40 crowns a night. The first market will open on the first Friday of next "
            "month.")
    kinds = _kinds(_market(), article(item, id="feed-2", outlet="Marrowdale Digest",
                                      published="2026-05-12T06:00:00Z"))
    assert kinds == {"wire": ("original", None), "feed-2": ("digest", "wire")}


def test_the_top_of_an_article_cut_short_is_no_digest() -> None:
    top = "\n\n".join(MARKET.split("\n\n")[:3])
    kinds = _kinds(_market(), article(top, id="cut", outlet="Quay Times",
                                      published="2026-05-11T12:00:00Z"))
    assert kinds["cut"][0] != "digest" and kinds["cut"][1] == "wire"


KILN = ("BRACKWELL, June 3 (Fenmarch Wire) - Firefighters on Monday put out a blaze at a "
        "brick kiln on the edge of Brackwell, where the police closed the bypass for six "
        "hours as smoke blew across the carriageway.\n\nThe fire began in a drying shed "
        "shortly after midnight, station officer Carys Tembleby said.\n\n\"We kept it away "
        "from the gas store, and that was the whole night's work,\" Tembleby told "
        "reporters.\n\nTwo workers were treated for smoke inhalation, according to the kiln's "
        "owners.\n\nThe bypass reopened at noon, the police said. They said the kiln would "
        "stay shut until at least Thursday morning.")


def test_a_digest_item_naming_its_wire_is_a_digest_of_the_wire_not_of_a_reprint() -> None:
    """walk21: a roundup item ends "(Fenmarch Wire)"; a second paper reprints the wire with
    a sign-off naming it, which the item's credit also aligns with. The item names the wire:
    the digest is of the wire's own article, not of the reprint."""
    wire = article(KILN, id="wire", outlet="Fenmarch Wire", published="2026-06-03T10:00:00Z")
    reprint = article(KILN + "\n\nThis story was provided by Fenmarch Wire.", id="reprint",
                      outlet="Oxley Valley Courier", published="2026-06-04")
    item = ("KILN FIRE: Firefighters on Monday put out a blaze at a brick kiln on the edge "
            "of Brackwell, where the police closed the bypass for six hours. The kiln would "
            "stay shut until at least Thursday morning, the police said. (Fenmarch Wire)")
    roundup = article(_brief(item), id="roundup", outlet="Oxley Morning Roundup",
                      published="2026-06-04")
    kinds = _kinds(wire, reprint, roundup)
    assert kinds["reprint"] == ("reprint", "wire")
    assert kinds["roundup"] == ("digest", "wire")
