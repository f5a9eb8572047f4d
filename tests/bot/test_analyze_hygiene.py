"""`briefbot analyze` on plain text: what stands above the title is not scanned, and a first
line that is a paragraph is body, not a title."""

from __future__ import annotations

from bot.analyze_files import analyze_file, looks_like_paragraph
from core.detect import Matcher
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())


def _analyze(text: str) -> dict:
    return analyze_file(MATCHER, "a.txt", text.encode("utf-8"))


def test_a_url_slug_above_the_headline_is_not_scanned():
    result = _analyze("did-irans-president-approve-the-deal\nTehran - the cabinet met on Sunday.\n")
    assert result["officials"] == [] and result["topics"] == []
    assert result["title"] == "Tehran - the cabinet met on Sunday."


def test_offsets_still_point_into_the_file():
    text = "iran-talks-resume\nAraghchi arrives in Muscat\n\nThe talks resume on Saturday in Muscat.\n"
    for m in _analyze(text)["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_a_paragraph_on_the_first_line_is_body():
    para = (
        "Iran's foreign minister arrived in Muscat on Saturday for the sixth round of indirect talks. "
        "Omani officials said the two delegations would sit in separate rooms. "
        "A US delegation led by the special envoy landed an hour later."
    )
    result = _analyze(para + "\n")
    assert result["title"] == "" and result["summary"].startswith("Iran's foreign minister arrived")
    assert "Abbas Araghchi" in result["officials"]


def test_a_headline_with_one_full_stop_stays_a_title():
    assert not looks_like_paragraph("Oman crush Palestine 4-0. Albusaidi double seals quarter-final berth")
    assert looks_like_paragraph("One sentence here, long enough. Another sentence follows it. And a third one too.")


def test_explain_misses_lists_near_names_and_roles_that_named_nobody():
    text = "Talks resume\n\nWitkorf met officials on Sunday. Her counterpart did not comment.\n"
    result = analyze_file(MATCHER, "a.txt", text.encode("utf-8"), explain_misses=True)
    misses = {(n["kind"], n["text"]): n for n in result["near_misses"]}
    assert misses[("name", "Witkorf")]["official"] == "Steve Witkoff"
    assert misses[("name", "Witkorf")]["fix"] == "/alias Steve Witkoff | Witkorf"
    assert ("role", "counterpart") in misses
    assert "near_misses" not in _analyze(text)  # only when asked
