"""Provenance: duplicates, reprints with credit lines, digests, spun copies, direction."""

from __future__ import annotations

from typing import Any

from storyline.provenance import (
    detect_provenance,
    find_credit,
    find_spin_phrases,
    independence_groups,
    is_spun_alone,
)
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


def test_credited_reprint_points_at_the_credited_outlet() -> None:
    credit = "\n\nThis article originally appeared in Meridian Press."
    reprint = ORIGINAL.rsplit("\n\n", 1)[0] + credit
    kinds = _kinds(article(ORIGINAL, id="wire", outlet="Meridian Press"),
                   article(reprint, id="courier", outlet="Courier",
                           published="2026-03-11T11:30:00Z"))
    assert kinds["courier"] == ("reprint", "wire")
    assert kinds["wire"] == ("original", None)


def test_reprint_credit_without_origin_in_the_set() -> None:
    text = "(AP) - " + ORIGINAL.split(" - ", 1)[1]
    provenance = detect_provenance([article(text, id="local", outlet="Local Daily")])[0]
    assert (provenance.kind, provenance.of, provenance.credited) == ("reprint", None, "AP")


def test_credit_lines() -> None:
    assert find_credit(article("Text here.\n\nFrom Reuters.", outlet="Daily"))[0] == "Reuters"
    assert find_credit(article("Text of the story ends here /VOA", outlet="Daily"))[0] == "VOA"
    own = article("DUNMORE (Meridian Press) - Text.", outlet="Meridian Press")
    assert find_credit(own) is None


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


def test_spin_phrases_report_likely_originals() -> None:
    hits = find_spin_phrases("The top minister held a press convention on counterfeit "
                             "consciousness.")
    originals = {h["likely_original"] for h in hits}
    assert {"prime minister", "press conference", "artificial intelligence"} <= originals
    assert is_spun_alone(hits, 12)
    assert not is_spun_alone(find_spin_phrases(ORIGINAL), 200)


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
