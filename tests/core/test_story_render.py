"""/why's grouping half says, for each link kind, what actually joined the two reports."""

from __future__ import annotations

from core.story_render import GroupingLink, render_grouping


def _link(how: str, similarity: float = 0.5, a: str = "AP", b: str = "Reuters") -> GroupingLink:
    return GroupingLink(a, "en", b, "en", how, similarity, ("Abbas Araghchi", "Muscat"))


def test_a_retold_link_says_a_later_report_looks_back_not_that_leads_name_the_people():
    text = render_grouping([_link("retold")], 2, ["en"])
    assert "a later report looks back on this meeting" in text
    assert "their leads name" not in text
    assert "both name Abbas Araghchi, Muscat" in text


def test_retold_links_come_after_the_stronger_kinds():
    text = render_grouping([_link("retold", 0.9, "Hamshahri"), _link("names", 0.1, "IRNA")], 3, ["en"])
    assert text.index("IRNA") < text.index("Hamshahri")


def test_a_drill_s_days_link_says_one_exercise_told_on_two_days_not_one_incident():
    text = render_grouping([_link("days")], 2, ["en"])
    assert "one exercise of several days, told on two of its days" in text
    assert "the same incident" not in text


def test_the_overflow_line_has_a_real_plural():
    links = [_link("names", a=f"Outlet {n}") for n in range(8)]
    assert render_grouping(links, 9, ["en"], limit=6).endswith("… and 2 more links")
    assert render_grouping(links[:7], 8, ["en"], limit=6).endswith("… and 1 more link")
    assert "(s)" not in render_grouping(links, 9, ["en"], limit=6)


def test_one_report_alone_has_no_links_to_explain():
    assert "No other report" in render_grouping([], 1, ["en"])
