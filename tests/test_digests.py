"""Tests for storyline/digests.py: newsletters carrying an item of a story (fictional texts)."""

from __future__ import annotations

from storyline.models import Article
from storyline.provenance import detect_provenance
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
