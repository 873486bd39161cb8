"""Provenance: duplicates, reprints with credit lines, digests, spun copies, direction."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline, wording
from storyline.credits import find_credit
from storyline.models import published_before
from storyline.pair_alignment import align_pair
from storyline.provenance import _past_verbatim_copies, detect_provenance, independence_groups
from storyline.report import render_html
from storyline.sketch import sketch_article
from storyline.spinning import find_spin_phrases, is_spun_alone
from storyline.text import WORD_RE, _canonical_word, content_words_of, words
from storyline.wording import repair_pair, small_digits, word_runs
from tests.conftest import article

ORIGINAL = (
    "DUNMORE (Meridian Press) - The Kestrel River Bridge was closed to all traffic on Wednesday "
    "after engineers found cracks in two of its supports during a routine inspection.\n\n"
    "Mayor Ilse Varga said the bridge would stay closed until every support had been checked. "
    "The city council will hold a public meeting at City Hall on Friday to answer questions.\n\n"
    "Transport Minister Tomas Brandt told reporters the ministry would cover the cost of the "
    "repairs, which are expected to take six months and cost about 12 million crowns.\n\n"
    "About 40,000 vehicles cross the bridge every day, and buses have been sent on a long "
    "detour through the Mill Lane crossing upstream, where queues built up quickly.\n\n"
    "The bridge was built in 1981 and was last fully inspected three years ago, when engineers "
    "reported no structural problems with any of its four river piers.")
SPUN = (ORIGINAL.replace("DUNMORE (Meridian Press) - ", "")
        .replace("engineers", "architects").replace("inspection", "examination")
        .replace("told reporters", "informed journalists").replace("city council", "town board")
        .replace("public meeting", "open assembly").replace("six months", "6 months")
        .replace("repairs", "maintenances").replace("vehicles", "automobiles")
        .replace("closed", "shut").replace("cracks", "fissures").replace("every day", "each day")
        .replace("queues", "lines").replace("quickly", "rapidly"))


def _kinds(*articles: Any) -> dict[str, tuple[str, str | None]]:
    return {p.article: (p.kind, p.of) for p in detect_provenance(list(articles))}


def test_verbatim_copy_is_a_duplicate_of_the_earlier_article() -> None:
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(ORIGINAL, id="mirror", outlet="Mirror",
                           published="2026-03-11T12:00:00Z"))
    assert kinds == {"wire": ("original", None), "mirror": ("duplicate", "wire")}


def test_similarity_is_the_share_of_a_copy_found_in_its_source() -> None:
    extra = ("Shop owners on Quay Street said trade had fallen by half since the closure, and "
             "the chamber of commerce asked the council for help with rents until the bridge "
             "reopens.")
    paragraphs = ORIGINAL.split("\n\n")
    reprint = "\n\n".join([*paragraphs[:2], extra, *paragraphs[2:]]) + \
        "\n\nThis article originally appeared in Meridian Press."
    articles = [article(ORIGINAL, id="wire", outlet="Meridian Press",
                        published="2026-03-11T09:00:00Z"),
                article(ORIGINAL, id="mirror", outlet="Mirror", published="2026-03-11T12:00:00Z"),
                article(reprint, id="courier", outlet="Courier",
                        published="2026-03-11T13:00:00Z")]
    found = {p.article: p for p in detect_provenance(articles)}
    assert (found["wire"].kind, found["wire"].similarity) == ("original", 0.0)
    assert found["mirror"].kind == "duplicate" and found["mirror"].similarity >= 0.9
    # Its own paragraph and credit line are about a quarter of the reprint's words.
    assert found["courier"].kind == "reprint" and 0.6 <= found["courier"].similarity <= 0.9
    dossier = pipeline.build_dossier(pipeline.single_story(articles), articles)
    shares = {p["article"]: p["similarity"] for p in dossier["provenance"]}
    assert shares == {name: p.similarity for name, p in found.items()}
    page = render_html(dossier)
    assert f"({shares['courier'] * 100:.0f}% of its text)" in page
    assert page.count("% of its text)") == 2  # the copies only


def test_a_verbatim_copy_that_changed_a_figure_is_an_edited_reprint() -> None:
    # "cost about 12 million" -> "cost about 15 million": no longer the same article.
    edited = ORIGINAL.replace("12 million", "15 million")
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(edited, id="mirror", outlet="Mirror",
                           published="2026-03-11T12:00:00Z"))
    assert kinds == {"wire": ("original", None), "mirror": ("reprint", "wire")}


def test_credited_reprint_points_at_the_credited_outlet() -> None:
    credit = "\n\nThis article originally appeared in Meridian Press."
    reprint = ORIGINAL.rsplit("\n\n", 1)[0] + credit
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press"),
                   article(reprint, id="courier", outlet="Courier",
                           published="2026-03-11T11:30:00Z"))
    assert kinds["courier"] == ("reprint", "wire")
    assert kinds["wire"] == ("original", None)


def test_a_wire_crediting_itself_by_initials_is_the_original_of_a_dated_reprint() -> None:
    wire_text = ORIGINAL.replace("(Meridian Press)", "(MP)") + "\n\n\u2014 Meridian Press"
    # The reprint gives only a date, read as midnight: before the wire's evening time.
    kinds = _kinds(article(wire_text, id="wire", outlet="Meridian Press",
                           published="2026-03-09T19:40:00-05:00"),
                   article(wire_text, id="courier", outlet="Lakeside Courier",
                           published="2026-03-10"))
    assert kinds["wire"] == ("original", None) and kinds["courier"][1] == "wire"
    assert find_credit(article(wire_text, outlet="Meridian Press")) is None
    assert find_credit(article(wire_text, outlet="Daily"))[0] == "MP"


def test_a_date_without_a_time_leaves_the_order_to_the_edits_on_that_day() -> None:
    # The Gazette gives only the day, stored as midnight: that is no earlier than the
    # wire's 06:00, so the cut (the Gazette drops the dateline and the last paragraph)
    # tells which copies which.
    cut = ORIGINAL.replace("DUNMORE (Meridian Press) - ", "").rsplit("\n\n", 1)[0]
    wire = article(ORIGINAL, id="wire", outlet="Meridian Press",
                   published="2026-03-11T06:00:00Z")
    gazette = article(cut, id="gazette", outlet="Lakeside Gazette", published="2026-03-11")
    kinds = _kinds(wire, gazette)
    assert kinds["wire"] == ("original", None) and kinds["gazette"][1] == "wire"
    # A date-only day before the wire's time is still the earlier one.
    assert gazette.date_only and not wire.date_only
    assert not published_before(gazette, wire) and not published_before(wire, gazette)
    day_before = article(cut, id="gazette", outlet="Lakeside Gazette", published="2026-03-10")
    assert published_before(day_before, wire) and not published_before(wire, day_before)
    later_day = article(cut, id="gazette", outlet="Lakeside Gazette", published="2026-03-12")
    assert published_before(wire, later_day)


def test_reprint_credit_without_origin_in_the_set() -> None:
    text = "(AP) - " + ORIGINAL.split(" - ", 1)[1]
    provenance = detect_provenance([article(text, id="local", outlet="Local Daily")])[0]
    assert (provenance.kind, provenance.of, provenance.credited) == ("reprint", None, "AP")


def test_spun_copy_found_and_direction_from_dates() -> None:
    kinds = _kinds(article(SPUN, id="farm", outlet="Farm", published="2026-03-12T06:00:00Z"),
                   article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"))
    assert kinds == {"wire": ("original", None), "farm": ("spun", "wire")}


def test_direction_without_dates_uses_the_evidence_of_editing() -> None:
    kinds = _kinds(article(SPUN, id="farm", outlet="Farm", published=None),
                   article(ORIGINAL, id="wire", outlet="Meridian Press", published=None))
    assert kinds["farm"] == ("spun", "wire")


def test_spun_alone_is_detected_from_its_wording() -> None:
    provenance = detect_provenance([article(SPUN, id="farm", outlet="Farm")])[0]
    assert provenance.kind == "spun" and provenance.of is None
    notes = " ".join(str(e.get("note")) for e in provenance.evidence)
    assert "press conference" in notes or "told reporters" in notes


def test_independent_reports_are_originals() -> None:
    other = ("Residents of Dunmore queued for hours on Thursday as the damaged Kestrel River "
             "Bridge stayed shut. Shopkeepers said trade had fallen sharply. Varga promised "
             "answers at a meeting, while Brandt repeated that the state would pay. "
             "Commuters described detours of forty minutes or more each way.")
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press"),
                   article(other, id="ledger", outlet="Ledger", published="2026-03-12T08:00:00Z"))
    assert kinds["ledger"] == ("original", None)


def test_independence_groups_collapse_copies() -> None:
    provenance = detect_provenance([
        article(ORIGINAL, id="wire", outlet="Meridian Press",
                published="2026-03-11T09:00:00Z"),
        article(ORIGINAL, id="mirror", outlet="Mirror", published="2026-03-11T10:00:00Z"),
        article(SPUN, id="farm", outlet="Farm", published="2026-03-12T06:00:00Z")])
    groups = independence_groups(provenance)
    assert groups == {"wire": "wire", "mirror": "wire", "farm": "wire"}


def test_two_reprints_of_one_absent_wire_count_as_one_source() -> None:
    body = ORIGINAL.split(" - ", 1)[1]
    first = "(AP) - " + body.rsplit("\n\n", 2)[0]
    second = "(AP) - " + body.split("\n\n", 2)[2]
    provenance = detect_provenance([
        article(first, id="local", outlet="Local Daily", published="2026-03-11T10:00:00Z"),
        article(second, id="coast", outlet="Coast Times", published="2026-03-11T11:00:00Z")])
    assert [(p.kind, p.of) for p in provenance] == [("reprint", None), ("reprint", None)]
    assert independence_groups(provenance) == {"local": "local", "coast": "local"}


def test_three_copies_never_copy_one_another_in_a_ring() -> None:
    # Pair by pair: the undated one is shorter than the noon one, so it copies it; the
    # noon one is later than the 08:00 one; the 08:00 one is shorter than the undated one.
    paragraphs = ORIGINAL.split(" - ", 1)[1].split("\n\n")
    kinds = _kinds(article("\n\n".join(paragraphs[:4]), id="a", outlet="A", published=None),
                   article("\n\n".join(paragraphs), id="b", outlet="B",
                           published="2026-03-11T12:00:00Z"),
                   article("\n\n".join(paragraphs[:3]), id="c", outlet="C",
                           published="2026-03-11T08:00:00Z"))
    assert kinds["c"] == ("original", None)
    assert {kinds["a"][1], kinds["b"][1]} <= {"b", "c"}


def test_a_newsletter_laid_out_in_labelled_items_is_a_digest_without_a_copied_item() -> None:
    brief = ("Good morning. Here is what matters in Dunmore today.\n\n"
             "BRIDGE: Buses still take the long way round while engineers look at the "
             "cracked supports of the Kestrel River crossing, Meridian Press reports.\n\n"
             "LIBRARY: The reading room on Pell Street reopens on Saturday after new shelving "
             "was fitted over the winter.\n\n"
             "WEATHER: Grey and mild, with showers later. That is all for today.")
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(brief, id="brief", outlet="Dunmore Daybreak",
                           published="2026-03-12T06:00:00Z"))
    assert kinds == {"wire": ("original", None), "brief": ("digest", None)}
    wire = article(ORIGINAL, id="wire", outlet="Meridian Press", published="2026-03-11T09:00:00Z")
    # One label, or labels but no outlet of the set named (a market report in sections),
    # or only a page's furniture: no newsletter.
    for text in (brief.replace("LIBRARY: ", "").replace("WEATHER: ", ""),
                 brief.replace(", Meridian Press reports", ""),
                 brief.replace("LIBRARY:", "READ MORE:").replace("WEATHER:", "UPDATED:")):
        assert _kinds(wire, article(text, id="brief", outlet="Dunmore Daybreak"))["brief"] == \
            ("original", None)


def test_an_explainer_in_labelled_sections_is_no_newsletter() -> None:
    explainer = ("Dunmore drivers face long detours after the city shut its main river "
                 "crossing in midweek.\n\n"
                 "WHAT HAPPENED: Inspectors spotted damage below the deck, as Meridian Press "
                 "first reported.\n\n"
                 "WHY IT MATTERS: Delivery firms say each trip now takes half an hour longer "
                 "and shops fear a quiet spring.\n\n"
                 "WHAT'S NEXT: Residents can put questions to officials at a hall in Elm Row.")
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(explainer, id="explainer", outlet="Dunmore Daybreak",
                           published="2026-03-12T06:00:00Z"))
    assert kinds["explainer"] == ("original", None)


def test_reprints_crediting_one_wire_by_two_spellings_are_one_source() -> None:
    body = ORIGINAL.split(" - ", 1)[1]
    provenance = detect_provenance([
        article("(Northwire) - " + body.rsplit("\n\n", 2)[0], id="local",
                outlet="Local Daily", published="2026-03-11T10:00:00Z"),
        article("(Northwire Press) - " + body.split("\n\n", 2)[2], id="coast",
                outlet="Coast Times", published="2026-03-11T11:00:00Z")])
    assert [p.kind for p in provenance] == ["reprint", "reprint"]
    assert independence_groups(provenance) == {"local": "local", "coast": "local"}


def test_a_reprint_of_a_wire_the_set_spells_two_ways_is_no_digest() -> None:
    credited = ORIGINAL.replace("(Meridian Press)", "(Northwire Press)")
    kinds = _kinds(article(ORIGINAL.replace("(Meridian Press) ", ""), id="w1",
                           outlet="Northwire Press", published="2026-03-11T08:00:00Z"),
                   article("A second story from the wire about the harbour ferry timetable "
                           "and its new Sunday sailings to Hale Island.", id="w2",
                           outlet="Northwire", published="2026-03-11T09:00:00Z"),
                   article(credited, id="r", outlet="Lakeside Courier",
                           published="2026-03-11T12:00:00Z"))
    assert kinds["r"] == ("reprint", "w1")


def test_a_newsletter_crediting_two_outlets_of_the_set_is_their_digest() -> None:
    other = ("Shopkeepers on the Mill Lane detour said on Thursday that the closure of the "
             "Kestrel River Bridge had cut their trade by half within two days.\n\n"
             "Baker Ruth Elling said she had thrown away bread for the first time in years.")
    brief = ("Your Dunmore briefing.\n\n"
             "Bridge shut: The Kestrel River Bridge was closed to all traffic on Wednesday "
             "after engineers found cracks in two of its supports. (Source: Meridian Press)"
             "\n\nTrade falls: Shopkeepers on the Mill Lane detour said on Thursday that the "
             "closure had cut their trade by half. (Source: Lakeside Courier)\n\n"
             "Weather: Showers, turning dry by the weekend.")
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(other, id="courier", outlet="Lakeside Courier",
                           published="2026-03-12T09:00:00Z"),
                   article(brief, id="brief", outlet="Dunmore Daybreak",
                           published="2026-03-13T06:00:00Z"))
    assert kinds["brief"][0] == "digest" and kinds["brief"][1] in {"wire", "courier"}
    # One of them alone in the set: the credit makes it a reprint, as before.
    alone = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(brief, id="brief", outlet="Dunmore Daybreak",
                           published="2026-03-13T06:00:00Z"))
    assert alone["brief"] == ("reprint", "wire")


def test_demo_provenance(bridge: dict[str, Any]) -> None:
    kinds = {p["article"]: (p["kind"], p["of"]) for p in bridge["provenance"]}
    assert kinds["meridian-bridge-closed"] == ("original", None)
    assert kinds["courier-bridge"] == ("reprint", "meridian-bridge-closed")
    assert kinds["newsflash24-bridge"] == ("spun", "meridian-bridge-closed")
    assert kinds["valley-herald-copy"] == ("duplicate", "valley-herald-bridge")
    assert kinds["morning-brief-1"][0] == "digest"
    for independent in ("valley-herald-bridge", "northern-ledger-bridge",
                        "dunmore-observer-bridge", "morning-brief-2"):
        assert kinds[independent] == ("original", None)
    courier = next(p for p in bridge["provenance"] if p["article"] == "courier-bridge")
    assert courier["credited"] == "Meridian Press"
    texts = {a["id"]: a["text"] for a in bridge["articles"]}
    aligned = [e for e in courier["evidence"] if "of_article" in e]
    assert aligned and all(texts[e["article"]][e["start"]:e["end"]] ==
                           texts[e["of_article"]][e["of_start"]:e["of_end"]]
                           for e in aligned if e["match"] == "verbatim")


# --------------------------------------------------------------- cheap pass

UNRELATED = (
    "The Lakeside Gallery in Port Elsin opened a wing for maritime paintings on Saturday. "
    "Director Nadia Kovac said more than sixty works had come out of storage for the "
    "occasion, and that a second room would follow in the autumn. Visitors queued along the "
    "harbour wall for most of the afternoon, and the cafe ran out of cake by three o'clock.")


def test_fast_words_match_token_by_token_canonical_form() -> None:
    text = ("Two of the 1,250 workers\u2019 unions met on Nov. 14; Ms. O\u2019Neil said "
            "THREE of them, about 3.5 per cent, would strike. \u00c9milie agreed.")
    assert words(text) == [_canonical_word(w) for w in WORD_RE.findall(text)]
    assert words("It takes fifty-five minutes, not Twenty-One.") == [
        "it", "takes", "55", "minutes", "not", "21"]


# --------------------------------------------------------------- kinds with the original

# Without its dateline: a copy that kept "(Meridian Press)" would be a credited reprint.
BODY = ORIGINAL.split(" - ", 1)[1]


def _pair(copy: str) -> tuple[str, str | None]:
    return _kinds(article(BODY, id="wire", outlet="Meridian Press",
                          published="2026-03-11T09:00:00Z"),
                  article(copy, id="copy", outlet="Copy Desk",
                          published="2026-03-11T15:00:00Z"))["copy"]


def test_a_short_report_in_its_own_words_is_no_reprint() -> None:
    source = ("The Ashby council closed the Wren bridge on Tuesday after engineers found cracks "
              "in two supports. Repairs will cost 2 million crowns, Mayor Ilse Varga said. "
              "About 12,000 drivers use the bridge every day. The council will review the "
              "repair plan on Friday.")
    own_words = ("The Wren bridge in Ashby was closed on Tuesday when engineers found cracks "
                 "in two supports. The repair bill will be 2 million crowns, according to "
                 "Mayor Ilse Varga. The council meets on Friday to review the plan.")
    found = detect_provenance([
        article(source, id="wire", outlet="Ashby Post", published="2026-03-11T08:00:00Z"),
        article(own_words, id="ledger", outlet="Ashby Ledger",
                published="2026-03-11T14:00:00Z")])
    assert {p.article: p.kind for p in found}["ledger"] != "reprint"


def test_lightly_spun_copy_is_spun_not_rewrite() -> None:
    # Six single-word swaps in place, about 10% of the content words: a spinner's work.
    spun = (BODY.replace("traffic", "transport").replace("routine", "habitual")
            .replace("checked", "tested").replace("questions", "queries")
            .replace("vehicles", "automobiles").replace("structural", "architectural"))
    assert _pair(spun) == ("spun", "wire")


def test_light_edit_is_duplicate_and_reordered_rewrite_is_rewrite() -> None:
    light = BODY.replace("about 12 million", "nearly 12 million").replace(
        " upstream", "")
    assert _pair(light) == ("duplicate", "wire")
    paragraphs = BODY.split("\n\n")
    rewritten = "\n\n".join([
        paragraphs[0],
        "Queues built up quickly at the Mill Lane crossing upstream, where buses have been "
        "sent on a long detour. Every day about 40,000 vehicles cross the bridge.",
        "The bridge was last fully inspected three years ago, when engineers reported no "
        "structural problems with any of its four river piers. It was built in 1981.",
        "Transport Minister Tomas Brandt informed reporters the ministry would pay for the "
        "repairs, which are expected to take six months and cost about 12 million crowns.",
        "To answer questions, the city council will hold a public meeting at City Hall on "
        "Friday. Mayor Ilse Varga said the bridge would stay closed until every support "
        "had been checked."])
    assert _pair(rewritten) == ("rewrite", "wire")


def test_digest_of_two_articles_and_truncation_is_a_reprint() -> None:
    second = (
        "Commuters in Dunmore faced long delays on Thursday as the Kestrel River Bridge stayed "
        "shut for a second day.\n\nShopkeepers on the north bank said trade had fallen by "
        "half since the closure, and several cafes closed early.\n\nThe Dunmore Chamber of "
        "Commerce asked the city to run a free shuttle bus across the Mill Lane crossing "
        "until the repairs are finished.\n\nCity officials said they would study the request "
        "and answer it at the public meeting on Friday.\n\nTraffic wardens were sent to the "
        "busiest junctions to keep cars moving during the morning rush.")
    digest = ("Mayor Ilse Varga said the bridge would stay closed until every support had "
              "been checked.\n\nShopkeepers on the north bank said trade had fallen by half "
              "since the closure, and several cafes closed early.\n\nThe Dunmore Chamber of "
              "Commerce asked the city to run a free shuttle bus across the Mill Lane crossing "
              "until the repairs are finished.")
    top = "\n\n".join(ORIGINAL.split("\n\n")[:3])
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press",
                           published="2026-03-11T09:00:00Z"),
                   article(second, id="herald", outlet="Valley Herald",
                           published="2026-03-12T09:00:00Z"),
                   article(digest, id="brief", outlet="Morning Brief",
                           published="2026-03-12T18:00:00Z"),
                   article(top, id="top", outlet="Clip Site",
                           published="2026-03-12T19:00:00Z"))
    assert kinds["brief"][0] == "digest" and kinds["brief"][1] in {"wire", "herald"}
    assert kinds["top"] == ("reprint", "wire")
    assert kinds["wire"] == kinds["herald"] == ("original", None)


# Each report goes on, in its own words, well beyond what the newsletter takes.
FERRY_FILLER = ("Islanders who rely on the crossing for work and school described a morning "
                "of confusion at the harbour, where staff handed out hot drinks and blankets "
                "while buses were arranged for those who had missed appointments on the "
                "mainland. Several families said they had waited for hours without news of "
                "relatives on board, and a local shop opened early to offer food. The harbour "
                "master's office promised a full account of the rescue once the vessel had "
                "been moved and the divers had finished their survey of the hull.")
FERRY_HERALD = ("PORT DUNMORE - A ferry carrying 148 passengers and 11 crew ran aground on "
                "Tollan Reef off Hale Island early on Tuesday, forcing a four-hour rescue in "
                "heavy swell.\n\nThe operator, Kestrel Sound Ferries, said the vessel would be "
                "refloated on Wednesday and that all Hale Island sailings were cancelled until "
                "at least Friday.\n\nFour people were treated in hospital for minor injuries. "
                "The coastguard said conditions had been difficult all morning.\n\n" + FERRY_FILLER)
FERRY_COAST = ("HALE ISLAND - Rescuers brought 163 passengers ashore on Tuesday after the "
               "Kestrel Sound Ferries vessel Island Wren grounded on rocks near Tollan Point."
               "\n\nThe ferry's master remained on board with a skeleton crew of four. Local "
               "councillors called for an inquiry into the route.\n\nThe grounding is the "
               "first on the route in more than thirty years, according to records kept by "
               "the island's heritage society, which lists a cargo boat lost in fog off the "
               "same reef in the winter of 1991. Fishermen in Port Dunmore said the channel "
               "had narrowed since then as sand banks shifted, and two of them said they had "
               "warned the operator about the markers near the point last spring.\n\nOn the "
               "quay, volunteers from the island's sailing club helped passengers find their "
               "luggage, which had been brought ashore in a separate boat, and a doctor from "
               "the village surgery checked the elderly and the very young before they were "
               "driven home. The club's secretary said the island had not seen such a day "
               "since the storms of the early nineties, when the old pier was washed away.")
FERRY_NEWSLETTER = ("Good morning. Here is what you need to know today.\n\nFerry aground: A "
                    "ferry carrying 148 passengers and 11 crew ran aground on Tollan Reef off "
                    "Hale Island early on Tuesday, forcing a four-hour rescue in heavy swell, "
                    "the Dunmore Herald reports. Rescuers brought 163 passengers ashore on "
                    "Tuesday after the Kestrel Sound Ferries vessel Island Wren grounded on "
                    "rocks near Tollan Point, according to Coastline News. All Hale Island "
                    "sailings were cancelled until at least Friday.\n\nCouncil tax: Dunmore "
                    "council will vote next Tuesday on a three percent rise.\n\nWeather: Gales "
                    "are forecast for the west coast through Thursday.\n\nSport: The Dunmore "
                    "Otters beat Linden 3-1 on Saturday to reach the regional final, their first "
                    "in a decade.\n\nThat's all for today. Forward this to a friend.")


def test_a_newsletter_of_several_items_copying_two_articles_is_a_digest() -> None:
    herald, coast, newsletter = FERRY_HERALD, FERRY_COAST, FERRY_NEWSLETTER
    kinds = _kinds(article(herald, id="herald", outlet="Dunmore Herald",
                           published="2026-12-01T12:00:00Z"),
                   article(coast, id="coast", outlet="Coastline News",
                           published="2026-12-01T18:00:00Z"),
                   article(newsletter, id="brief", outlet="Westcoast Daily",
                           published="2026-12-02T05:30:00Z"))
    assert kinds["brief"] == ("digest", "herald")
    assert kinds["herald"] == kinds["coast"] == ("original", None)


# --------------------------------------------------------------- spun without the original

FLOOD = (
    "Heavy rain flooded the lower town of Port Amsel on Sunday night, and the harbour "
    "authority closed the main quay until further notice.\n\nEmergency crews worked through "
    "the night to pump water out of shops and homes along the waterfront. The fire brigade "
    "said the water had reached waist height in some streets.\n\nMayor Lotte Brenner told a "
    "news conference on Monday that the town would ask the regional government for help "
    "with the cost of the damage. She said that early estimates put the bill at several "
    "million crowns.\n\nResidents spent the day carrying wet furniture into the street. Many "
    "said they had never seen the river rise so fast. The weather service warned that more "
    "heavy rain was expected later in the week.\n\nThe harbour authority said the quay would "
    "reopen once engineers had checked the sea wall. Ferry services to the two islands were "
    "cancelled, and passengers were offered refunds.\n\nLocal schools stayed closed on "
    "Monday, and the town hall opened its doors to families who could not return to their "
    "homes. Volunteers served hot meals and handed out dry clothes until late in the "
    "evening.\n\nBrenner thanked the emergency services for their quick response and said "
    "the town would review its flood defences. A public meeting will be held on Thursday at "
    "the town hall.")
# Our own swaps, as a thesaurus-driven spinner makes them (none from its phrase list).
FLOOD_SWAPS = (
    ("Heavy rain", "Weighty rain"), ("closed the main", "shut the principal"),
    ("worked", "labored"), ("the night", "the nighttime"),
    ("shops and homes", "stores and dwellings"), ("said the water", "stated the water"),
    ("reached", "attained"), ("streets", "avenues"), ("a news", "a tidings"),
    ("government", "authorities"), ("for help", "for aid"), ("the damage", "the harm"),
    ("She said", "She stated"), ("carrying", "transporting"), ("the street", "the avenue"),
    ("so fast", "so quick"), ("warned", "cautioned"), ("more heavy", "more weighty"),
    ("expected later", "anticipated subsequently"), ("authority said", "authority stated"),
    ("checked", "examined"), ("cancelled", "called off"), ("stayed closed", "remained shut"),
    ("families", "households"), ("return to their homes", "come back to their dwellings"),
    ("handed out dry clothes", "distributed dry apparel"), ("quick response", "speedy reaction"),
    ("review", "reexamine"), ("public meeting", "populace gathering"),
    ("flooded the lower", "inundated the lower"), ("further", "farther"),
    ("opened its doors", "unfastened its doors"), ("two islands", "2 islands"))


def _flood_spun() -> str:
    text = FLOOD
    for old, new in FLOOD_SWAPS:
        assert old in text
        text = text.replace(old, new, 1 if old in ("the night", "the street") else -1)
    return text


def _repairs(text: str) -> set[tuple[str, str]]:
    """(word, usual pair) for every word of `text` that `repair_pair` can repair."""
    found = set()
    for run in word_runs(text):
        for index, (start, end, _) in enumerate(run):
            likely = repair_pair(run, index)
            if likely:
                found.add((text[start:end].lower(), likely))
    return found


def test_repair_pair_names_the_usual_pair() -> None:
    found = _repairs("The span carries weighty traffic. Officials held a tidings conference.")
    assert ("weighty", "heavy traffic") in found and ("tidings", "a news") in found
    assert _repairs("The bridge carries heavy traffic every day.") == set()


def test_small_digits_skip_amounts_and_spelled_numbers() -> None:
    assert small_digits("Two men and 2 people came for 6 months.") == [(12, 20), (30, 38)]
    assert small_digits("Prices rose 2 percent to $5 million; 3 of them left.") == []


def test_spun_article_alone_is_found_from_its_wording() -> None:
    spun = detect_provenance([article(_flood_spun(), id="farm", outlet="Farm")])[0]
    assert (spun.kind, spun.of) == ("spun", None)
    notes = " ".join(str(e.get("note")) for e in spun.evidence)
    assert "\"stated\" may be a synonym swapped in" in notes
    # a suggestion only where it teaches something: not "said the", "the name" or "has it"
    assert "more likely put \"said the\"" not in notes
    swapped = [str(e["note"]).split('"')[1].lower() for e in spun.evidence
               if "synonym" in str(e.get("note"))]
    assert swapped and len(swapped) == len(set(swapped))  # each word listed once
    original = detect_provenance([article(FLOOD, id="town", outlet="Town Paper")])[0]
    assert original.kind == "original"


def test_synonym_table_is_built_from_wordnet_once_and_cached(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wording._thesaurus.cache_clear()
    try:
        assert "dense" in wording.stand_ins("heavy")
        cached = tmp_path / "storyline" / "synonyms-wordnet-3.0-v3.txt.gz"
        assert cached.exists() and not list(cached.parent.glob("*.part"))
        assert "news" in wording.stand_ins("tidings", primary=True)  # the third word list
        wording._thesaurus.cache_clear()
        monkeypatch.setattr(wording, "wordnet_folder", lambda: None)
        assert "dense" in wording.stand_ins("heavy")  # served from the cache now
        assert "news" in wording.stand_ins("tidings", primary=True)
    finally:
        wording._thesaurus.cache_clear()


def test_antonym_table_is_built_from_wordnet_once_and_cached(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wording.antonym_table.cache_clear()
    try:
        built = wording.antonym_table()
        assert "fail" in built["pass"] and "fall" in built["rise"]
        cached = tmp_path / "storyline" / "antonyms-wordnet-3.0-v1.txt.gz"
        assert cached.exists() and not list(cached.parent.glob("*.part"))
        wording.antonym_table.cache_clear()
        monkeypatch.setattr(wording, "wordnet_folder", lambda: None)
        assert wording.antonym_table() == built  # served from the cache now
    finally:
        wording.antonym_table.cache_clear()


def test_fitted_model_runs_only_when_the_phrase_list_has_not_decided(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.sketch as sketch

    calls: list[str] = []
    real_assess = sketch.assess_spin

    def counting(text: str) -> Any:
        calls.append(text)
        return real_assess(text)

    monkeypatch.setattr(sketch, "assess_spin", counting)
    phrases = ("The top minister held a press convention on counterfeit consciousness and the "
               "wellbeing minister agreed.")
    assert is_spun_alone(find_spin_phrases(phrases), 20)
    spun = detect_provenance([article(phrases, id="farm", outlet="Farm")])[0]
    assert spun.kind == "spun" and calls == []
    assert detect_provenance([article(_flood_spun(), id="farm2", outlet="Farm")])[0].kind == "spun"
    assert len(calls) == 1


# ------------------------------------------- newsletters in a stream, credits, stock lines

HARBOUR = (
    "DUNMORE - The Dunmore Harbour Board voted on Monday to close the old fish market on "
    "Quay Street at the end of June, after surveyors found its timber piles had rotted "
    "below the waterline.\n\nHarbour master Petra Sallow said the board had no choice. "
    "\"The piles will not take another winter,\" she said.\n\nTwenty-two traders will move "
    "to a temporary hall at the ferry terminal while a new market is built on the old "
    "site. The traders' association said it would ask the council to cut their rents for "
    "the year.\n\nSallow said the new market would open in the spring of 2028 and would "
    "have room for thirty stalls, a smokehouse and a cafe.")
SCHOOL = (
    "ORLA BAY - Pupils at Kettering Lane Primary School in Orla Bay will be taught in the "
    "town library for six weeks from Monday while asbestos is removed from the school's "
    "east wing, the county education office said on Friday.\n\nHead teacher Idris Marlow "
    "said parents had been told by letter. The library's reading rooms will be split into "
    "four classrooms, and lunches will be served in the church hall next door.\n\nThe "
    "asbestos was found during work on the school's heating system in January, Marlow "
    "said. The education office said the removal would cost about 90,000 pounds.")
# An independent report of the harbour story: it gives the harbour master's words as
# the Herald does and ends on a stock line, and tells the rest in its own words.
LEDGER = (
    "Traders at Dunmore's fish market on Quay Street have until the end of June to pack "
    "up, after the harbour board decided the building's rotten piles could not be saved."
    "\n\n\"The piles will not take another winter,\" she said.\n\nFishmonger Aldo Brask, "
    "who has sold from the same stall at the market for thirty years, said the traders "
    "had been given too little notice. The board will pay for the move to the ferry "
    "terminal hall, harbour master Petra Sallow confirmed.\n\nThis story has been updated "
    "since it was first published.")


def _newsletter(*items: str) -> str:
    return ("Good morning, and welcome to the Coastline Daily Brief. Here is what matters "
            "today.\n\n" + "\n\n".join(items) + "\n\nWEATHER: Bright spells after a grey "
            "start, with a brisk northerly breeze and highs of 11C. Bring a coat for the "
            "walk home.\n\nThat is all for this edition. Enjoy your coffee and see you "
            "tomorrow.")


HARBOUR_ITEM = ("HARBOUR: The Dunmore Harbour Board voted on Monday to close the old fish "
                "market on Quay Street at the end of June, after surveyors found its timber "
                "piles had rotted below the waterline.")
SCHOOL_ITEM = ("SCHOOLS: Pupils at Kettering Lane Primary School in Orla Bay will be taught "
               "in the town library for six weeks from Monday while asbestos is removed "
               "from the school's east wing, the county education office said on Friday.")


def test_a_two_item_newsletter_is_a_digest_of_the_articles_it_copies() -> None:
    kinds = _kinds(article(HARBOUR, id="herald", outlet="Dunmore Herald",
                           published="2026-03-02T10:00:00Z"),
                   article(SCHOOL, id="post", outlet="Orla Bay Post",
                           published="2026-03-01T10:00:00Z"),
                   article(_newsletter(HARBOUR_ITEM, SCHOOL_ITEM), id="brief",
                           outlet="Coastline Daily Brief", published="2026-03-03T06:00:00Z"))
    assert kinds["brief"][0] == "digest" and kinds["brief"][1] in {"herald", "post"}
    assert kinds["herald"] == kinds["post"] == ("original", None)


def test_a_newsletter_carrying_one_item_of_a_story_is_no_source_of_it() -> None:
    # A stream sorts the newsletter into the harbour story: the school story's article
    # is not in the set, so only one of its sentences is found copied here.
    stream = [article(HARBOUR, id="herald", outlet="Dunmore Herald",
                      published="2026-03-02T10:00:00Z"),
              article(LEDGER, id="ledger", outlet="Valley Ledger",
                      published="2026-03-02T15:00:00Z"),
              article(_newsletter(HARBOUR_ITEM, SCHOOL_ITEM), id="brief",
                      outlet="Coastline Daily Brief", published="2026-03-03T06:00:00Z")]
    provenance = detect_provenance(stream)
    kinds = {p.article: (p.kind, p.of) for p in provenance}
    assert kinds["brief"] == ("digest", "herald")
    assert independence_groups(provenance)["brief"] == "herald"
    # Originals sharing a quote and a stock line with another outlet stay originals.
    assert kinds["herald"] == kinds["ledger"] == ("original", None)
    # The article it copies is never read as a newsletter copying the newsletter, even
    # with no dates to tell which came first.
    undated = [article(a.text, id=a.id, outlet=a.outlet, published=None) for a in stream]
    kinds = _kinds(*undated)
    assert kinds["brief"] == ("digest", "herald") and kinds["herald"] == ("original", None)


def test_a_short_report_quoting_and_copying_a_line_of_another_is_no_newsletter() -> None:
    # An original that takes one sentence of the Herald word for word and tells the rest
    # in the words of the story (the market, the traders, the harbour master).
    report = ("The Dunmore Harbour Board voted on Monday to close the old fish market on "
              "Quay Street at the end of June, after surveyors found its timber piles had "
              "rotted below the waterline.\n\nFishmonger Aldo Brask, who has sold cod and "
              "crab from the same stall on Quay Street for thirty years, said the traders "
              "had been given too little notice. Brask said customers would not follow the "
              "market out to the ferry terminal, a twenty-minute walk from the town "
              "centre.\n\nThe board is due to publish the surveyors' report on the "
              "market's piles next week.")
    kinds = _kinds(article(HARBOUR, id="herald", outlet="Dunmore Herald",
                           published="2026-03-02T10:00:00Z"),
                   article(report, id="ledger", outlet="Valley Ledger",
                           published="2026-03-02T15:00:00Z"))
    assert kinds == {"herald": ("original", None), "ledger": ("original", None)}


STOCK = ("\n\nSign up for our free morning newsletter to get the headlines in your inbox."
         "\n\nThis story has been updated since it was first published.\n\nReporting by "
         "Mara Quist in the newsroom; editing by Joel Fenn and the news desk team.")


def test_stock_lines_shared_with_two_articles_make_no_digest() -> None:
    lighthouse = ("The Tollan Point lighthouse will be repainted this summer, the coastal "
                  "trust said on Tuesday. The trust said volunteers would help scrape the "
                  "tower in May. The lamp will stay lit while the work goes on.")
    kinds = _kinds(article(HARBOUR + STOCK, id="herald", outlet="Coast Wire",
                           published="2026-03-02T10:00:00Z"),
                   article(SCHOOL + STOCK, id="post", outlet="Coast Wire",
                           published="2026-03-01T10:00:00Z"),
                   article(lighthouse + STOCK, id="light", outlet="Coast Wire",
                           published="2026-03-03T10:00:00Z"))
    assert kinds == {"herald": ("original", None), "post": ("original", None),
                     "light": ("original", None)}


def test_a_last_line_naming_an_outlet_credits_it() -> None:
    body = ORIGINAL.replace("DUNMORE (Meridian Press) - ", "")
    reprint = body + "\n\n- Meridian Press"
    alone = detect_provenance([article(reprint, id="gazette", outlet="Lakeside Gazette")])[0]
    assert (alone.kind, alone.of, alone.credited) == ("reprint", None, "Meridian Press")
    provenance = detect_provenance([
        article(ORIGINAL, id="wire", outlet="Meridian Press", published="2026-03-11T09:00:00Z"),
        article(reprint, id="gazette", outlet="Lakeside Gazette",
                published="2026-03-11T12:00:00Z")])
    gazette = next(p for p in provenance if p.article == "gazette")
    assert (gazette.kind, gazette.of, gazette.credited) == ("reprint", "wire", "Meridian Press")
    # The two-word line is the credit, not a rewording of the wire's long lead sentence.
    line = reprint.rindex("- Meridian Press")
    assert not [e for e in gazette.evidence if "match" in e and int(e["end"]) > line]
    # A name alone is the author's sign-off, and the last of a list of dash items no credit.
    assert find_credit(article(body + "\n\n- Tom Reilly", outlet="Daily")) is None
    listed = body + "\n\nShowing this week:\n- The Night Ferry\n- Student Film Review"
    assert find_credit(article(listed, outlet="Daily")) is None


def test_in_a_big_story_a_newsletter_is_told_by_the_words_most_of_the_story_uses() -> None:
    # One article of a hundred happens to share many of the newsletter's weather and
    # school words; the story's own words are those its articles keep using.
    goods = ("cod", "crab", "mussels", "herring", "oysters", "sprats", "whelks", "plaice",
             "mackerel", "lobster")
    reports = [article(f"Trader number {n} at the Quay Street fish market said the "
                       f"harbour board's decision to close the market in June would end "
                       f"{n + 3} years of selling {goods[n % 10]} on the quay, and that the "
                       f"traders' move to the ferry terminal hall would cost them customers.",
                       id=f"r{n}", outlet=f"Outlet {n}", published="2026-03-02T12:00:00Z")
               for n in range(97)]
    chance = ("On a grey start to the day, with a brisk northerly breeze, pupils from the "
              "town's primary school on Kettering Lane walked to the library with the "
              "county education office's staff, enjoying a coffee and a bright spell "
              "before the walk home along the quay past the fish market.")
    stream = [article(HARBOUR, id="herald", outlet="Dunmore Herald",
                      published="2026-03-02T10:00:00Z"),
              *reports,
              article(chance, id="chance", outlet="Bay Walker", published="2026-03-02T13:00:00Z"),
              article(_newsletter(HARBOUR_ITEM, SCHOOL_ITEM), id="brief",
                      outlet="Coastline Daily Brief", published="2026-03-03T06:00:00Z")]
    kinds = _kinds(*stream)
    assert kinds["brief"] == ("digest", "herald") and kinds["herald"] == ("original", None)


def test_a_follow_up_report_that_reuses_the_lede_stays_an_original() -> None:
    lede = ("The harbour board closed the Tollan Point ferry pier in Kelby to all traffic on "
            "Monday after divers found rot in two of its wooden piles.")
    first = article(lede + " Divers will inspect the other piles of the pier this week.",
                    id="first",
                    outlet="Kelby Post", published="2026-03-02T08:00:00Z")
    follow_up = article(lede + " Carpenters from Marsh Joinery will start cutting new oak "
                        "beams on Thursday. Bus operator Greyline has added four runs an hour. "
                        "Cafe owners on Mill Row fear losing custom.",
                        id="follow", outlet="Harbour Times", published="2026-03-03T09:00:00Z")
    follow_up = dataclasses.replace(follow_up, title="Kelby pier repairs to start on Thursday")
    assert _kinds(first, follow_up)["follow"] == ("original", None)


def test_a_suggested_wording_is_shown_only_when_it_tells_something() -> None:
    from storyline.provenance import _telling
    assert _telling("told reporters") and _telling("she said") and _telling("press conference")
    assert not any(_telling(p) for p in ("the name", "has it", "look after", "said the"))


def test_two_short_reports_giving_different_dates_are_no_spun_copy() -> None:
    # Two outlets report one announcement in their own words; one says the pier reopens
    # on May 14, the other on May 16. No words are swapped in place: neither is spun,
    # whether the dates differ or not (the second aligns its first three sentences).
    first = ("The Tollan Point pier will reopen to anglers on May 14, the harbour "
             "trust said on Tuesday.\n\nTrust manager Odile Farrant said the new deck "
             "had passed its first load tests. The first call will be a Saltmarsh "
             "ferry from Orla Bay.\n\nThe ferry company said it would restore its "
             "summer timetable within a week of the reopening. It moved its sailings "
             "to Quarry Steps while the pier was closed.\n\nPeople living on the "
             "front said they had barely slept through eight weeks of piling at night.")
    second = ("The pier at Tollan Point will reopen to anglers on May 16, trust "
              "manager Odile Farrant said on Tuesday.\n\nShe said the new deck had "
              "passed its first load tests. The Saltmarsh ferry will make the first "
              "call, from Orla Bay.\n\nPiling at night ended on Sunday, to the relief "
              "of families on Gull Terrace, who had complained of floodlights and "
              "hammering.\n\nThe builders, Marl and Sons, said their crews would now "
              "paint the railings. The pier cafe will open at the same time.")
    for date in ("May 16", "May 14"):
        kinds = _kinds(article(first, id="courier", outlet="Tollan Courier",
                               published="2026-04-21"),
                       article(second.replace("May 16", date), id="post",
                               outlet="Orla Bay Post", published="2026-04-21"))
        assert kinds == {"courier": ("original", None), "post": ("original", None)}, date



def test_a_sentence_aligns_the_same_whatever_order_its_words_come_in() -> None:
    # The copy sentence shares two words with each of six source sentences. Which three
    # the aligner looked at first followed the order of the sentence's set of words: an
    # order Python's hash seed sets afresh in each process, so a copy aligned in one run
    # and not in the next. Its words are given here in two orders, as two seeds would.
    copy = ("Harbour pilots, tugboat crews, lighthouse keepers and lifeboat rowers joined "
            "ferry medics today.")
    source = (
        "They joined in today. "
        "Harbour pilots spoke about wages, pensions, overtime, rosters and training budgets. "
        "Tugboat crews asked questions about schedules, fuel prices, insurance and repairs. "
        "Lighthouse keepers described storms, fog, broken lamps and supply boats. "
        "Lifeboat rowers trained twice weekly despite cold water, strong currents and fatigue. "
        "Ferry medics treated sprains, burns, seasickness and minor cuts onboard.")
    found = []
    for ordered in (list, lambda ws: list(reversed(ws))):
        copied = sketch_article(article(copy, id="copy"))
        words_in_order = ordered(content_words_of(copied.sentence_words[0]))
        # a view of dict keys iterates in the order given and supports `&` like a set
        copied.__dict__["sentence_content"] = [dict.fromkeys(words_in_order).keys()]
        found.append(align_pair(copied, sketch_article(article(source, id="source")), 0, 1)
                     .aligned)
    # Ties go to the earlier source sentence, which is the match here.
    assert found == [[(0, 0, 0.9, "reworded")]] * 2


def test_aligned_evidence_keeps_the_quotation_mark_closing_a_sentence() -> None:
    wire = ("The Vennick quay market will open on Friday, the council said. \u201cWe have "
            "waited years for this,\u201d Mayor Tilde Harrowgate said. \"It is a good day "
            "for the quay.\" Forty stalls will trade until eleven o'clock at night.")
    copies = detect_provenance([article(wire, id="wire", outlet="Saltway Wire"),
                                article(wire, id="copy", outlet="Quay Times",
                                        published="2026-03-11T12:00:00Z")])
    copy = next(p for p in copies if p.article == "copy")
    shown = [(wire[e["start"]:e["end"]], wire[e["of_start"]:e["of_end"]])
             for e in copy.evidence if "of_article" in e]
    assert ("\"It is a good day for the quay.\"",) * 2 in shown
    assert all(text.count("\"") % 2 == 0 for text, _ in shown)


def test_a_reprint_signed_with_the_wires_name_credits_the_wire() -> None:
    """The reprint drops the wire's last paragraph and signs off with the wire's one-word
    name on a line of its own: it credits the wire (no pattern knows "Kestrelwire" as an
    outlet's name; the set's article from it does)."""
    text = ORIGINAL.replace("DUNMORE (Meridian Press) - ", "DUNMORE - ")
    wire = article(text, id="wire", outlet="Kestrelwire", published="2026-03-11T09:00:00Z")
    reprint = article(text.rsplit("\n\n", 1)[0] + "\n\nKestrelwire", id="reprint",
                      outlet="Calder Courier", published="2026-03-11T11:00:00Z")
    found = {p.article: p for p in detect_provenance([wire, reprint])}
    assert (found["reprint"].kind, found["reprint"].of) == ("reprint", "wire")
    assert found["reprint"].credited == "Kestrelwire"


def test_a_rewrite_paired_with_a_verbatim_copy_is_the_originals() -> None:
    """LSH may pair a summary with a reprint and not with the wire it reprints: the
    reprint adds nothing, so the summary is the wire's when the wire tells it as much."""
    text = ORIGINAL.replace("DUNMORE (Meridian Press) - ", "DUNMORE - ")
    wire = sketch_article(article(text, id="wire", outlet="Kestrelwire",
                                  published="2026-03-11T09:00:00Z"))
    reprint = sketch_article(article(text + "\n\nKestrelwire", id="reprint",
                                     outlet="Calder Courier", published="2026-03-11T11:00:00Z"))
    summary = sketch_article(article(
        "Dunmore's Kestrel River Bridge was shut on Wednesday after cracks were found in two "
        "supports, Kestrelwire reported. Minister Tomas Brandt said the ministry would pay "
        "for six months of repairs costing about 12 million crowns.", id="letter",
        outlet="Valley Letter", published="2026-03-12T06:00:00Z"))
    sketches = [wire, reprint, summary]
    results = {1: align_pair(reprint, wire, 1, 0), 2: align_pair(summary, reprint, 2, 1)}
    assert results[2].containment > 0
    _past_verbatim_copies(results, sketches)
    assert results[2].source == 0


SLIPWAY = ("HESKETH, May 9 (Ormond Wire) - Coastguards on Friday closed the old slipway at "
           "Hesketh harbour after a crack opened along its seaward end, and moved the lifeboat "
           "to the marina for the summer.\n\nHarbour master Ewa Tolland said divers had found "
           "the crack during a routine survey.\n\n\"We will not launch a crew from a ramp we "
           "cannot trust,\" Tolland told reporters.\n\nThe harbour board said repairs would cost "
           "about 80,000 pounds. It said the slipway would stay shut until at least September.")


def test_a_digest_item_naming_its_sources_outlet_credits_it() -> None:
    """walk21: the roundup's item ends "(Ormond Wire)"; its provenance says so, as a
    reprint's does; an item naming no outlet credits none."""
    wire = article(SLIPWAY, id="wire", outlet="Ormond Wire", published="2026-05-09T10:00:00Z")
    item = ("SLIPWAY SHUT: Coastguards on Friday closed the old slipway at Hesketh harbour "
            "after a crack opened along its seaward end. The slipway would stay shut until at "
            "least September, the harbour board said. (Ormond Wire)")
    brief = ("Good morning. Here is what you need to know on this bright Saturday.\n\n" + item +
             "\n\nMARKET: The Saturday market moves to Quay Street while the square is "
             "resurfaced.\n\nWEATHER: Sunny spells, highs of 17C, a breeze off the sea.")
    roundup = article(brief, id="roundup", outlet="Hesketh Morning Roundup",
                      published="2026-05-10")
    found = {p.article: p for p in detect_provenance([wire, roundup])}
    assert (found["roundup"].kind, found["roundup"].of) == ("digest", "wire")
    assert found["roundup"].credited == "Ormond Wire"
    unnamed = article(brief.replace(" (Ormond Wire)", ""), id="roundup",
                      outlet="Hesketh Morning Roundup", published="2026-05-10")
    found = {p.article: p for p in detect_provenance([wire, unnamed])}
    assert found["roundup"].credited is None


def test_a_digest_credits_its_source_only_in_the_item_copying_it() -> None:
    """revw21: walk21 credited the source's outlet wherever the digest named it: in
    another item ("MEDIA: Ormond Wire is to close its Hesketh bureau") or in the outlet's
    own briefing ("Good morning from Ormond Wire"). Only the item copying the source
    credits it, and an outlet never credits itself."""
    wire = article(SLIPWAY, id="wire", outlet="Ormond Wire", published="2026-05-09T10:00:00Z")
    item = ("SLIPWAY SHUT: Coastguards on Friday closed the old slipway at Hesketh harbour "
            "after a crack opened along its seaward end. The slipway would stay shut until at "
            "least September, the harbour board said.")
    rest = ("\n\nMARKET: The Saturday market moves to Quay Street while the square is "
            "resurfaced.\n\nWEATHER: Sunny spells, highs of 17C, a breeze off the sea.")
    elsewhere = article("Good morning. Here is what you need to know on this bright Saturday."
                        "\n\n" + item + rest + "\n\nMEDIA: Ormond Wire is to close its "
                        "Hesketh bureau, staff were told.", id="roundup",
                        outlet="Hesketh Morning Roundup", published="2026-05-10")
    own = article("Good morning from Ormond Wire. Here is what you need to know on this "
                  "bright Saturday.\n\n" + item + " (Ormond Wire)" + rest, id="roundup",
                  outlet="Ormond Wire", published="2026-05-10")
    for roundup in (elsewhere, own):
        found = {p.article: p for p in detect_provenance([wire, roundup])}
        assert (found["roundup"].kind, found["roundup"].of) == ("digest", "wire")
        assert found["roundup"].credited is None


def test_two_reprints_crediting_one_wire_are_both_the_wires_not_one_anothers() -> None:
    """walk25: the Vale Courier ran the wire with "— Coastline Wire" under it, the Evening
    Post with "(Coastline Wire)" after the last sentence: their words are the same, so the
    later was a duplicate of the first reprint, though both credit the wire, which is in
    the set."""
    body = ORIGINAL.replace("DUNMORE (Meridian Press) - ", "DUNMORE - ")
    kinds = _kinds(article(body, id="wire", outlet="Meridian Press",
                           published="2026-03-11T08:00:00Z"),
                   article(body + "\n\n\u2014 Meridian Press", id="courier", outlet="Courier",
                           published="2026-03-11T09:00:00Z"),
                   article(body + " (Meridian Press)", id="post", outlet="Evening Post",
                           published="2026-03-11T17:00:00Z"))
    assert kinds["courier"] == ("reprint", "wire")
    assert kinds["post"] == ("reprint", "wire")
