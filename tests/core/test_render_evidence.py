"""Alert evidence: whole-word highlighting, escaping, and sentences that add to the summary."""

from __future__ import annotations

from datetime import UTC

import pytest

from core.model import Mention
from core.render import evidence_lines, highlight


@pytest.mark.parametrize("sentence, words, expected", [
    ("FM meets his Omani counterpart in Oman", ["Oman"], "FM meets his Omani counterpart in <b>Oman</b>"),
    ("Talks & <deals> in Muscat", ["Muscat"], "Talks &amp; &lt;deals&gt; in <b>Muscat</b>"),
    ("ARAGHCHI said araghchi", ["Araghchi"], "<b>ARAGHCHI</b> said <b>araghchi</b>"),
    ("Abbas Araghchi spoke", ["Araghchi", "Abbas Araghchi"], "<b>Abbas Araghchi</b> spoke"),
    ("خامنه‌ای گفت مذاکره", ["مذاکره"], "خامنه‌ای گفت <b>مذاکره</b>"),
])
def test_highlight(sentence, words, expected):
    assert highlight(sentence, words) == expected


def mention(name: str, text: str, sentence: str) -> Mention:
    return Mention(name, "official", text, 0, len(text), sentence, "alias")


def test_evidence_prefers_full_sentences_covering_new_names():
    caption = "Supreme Leader Ali Khamenei"
    lead = "Ali Khamenei rejected talks on Friday, officials said."
    wide = "Later Abbas Araghchi and Steve Witkoff were said to be ready to meet in Muscat."
    mentions = [mention("Ali Khamenei", "Ali Khamenei", caption), mention("Ali Khamenei", "Ali Khamenei", lead),
                mention("Abbas Araghchi", "Abbas Araghchi", wide), mention("Steve Witkoff", "Steve Witkoff", wide)]
    lines = evidence_lines(mentions, limit=3, skip_in="")
    assert lines == ["» <b>Ali Khamenei</b> rejected talks on Friday, officials said.",
                     "» Later <b>Abbas Araghchi</b> and <b>Steve Witkoff</b> were said to be ready to meet in Muscat."]
    in_summary = evidence_lines(mentions, limit=3, skip_in=lead + " Something else.")
    assert in_summary == ["» Later <b>Abbas Araghchi</b> and <b>Steve Witkoff</b> were said to be ready to meet in Muscat."]


def test_evidence_falls_back_to_a_fragment_when_that_is_all_there_is():
    assert evidence_lines([mention("Ali Khamenei", "Khamenei", "Khamenei")]) == ["» <b>Khamenei</b>"]


HOSTILE = [
    ("<script>alert(1)</script> & \"quotes\" 'x' <b>", "https://news.example/a?x=1&y=<2>"),
    ("T" * 10_000, "https://news.example/long"),
    ("Sanctions & talks", "javascript:alert(1)"),
    ("خبر مذاکرات " * 600, None),
]


@pytest.mark.parametrize("title, url", HOSTILE)
def test_alert_from_hostile_feed_content_is_valid_telegram_html(title, url):
    from datetime import datetime, timezone

    from core.model import ArticleView
    from core.render import render_alert
    from tests.fakes.telegram_html import parse_html

    sentence = title[:5000] + " <i>unclosed & more"
    mentions = tuple(mention("Abbas Araghchi", "Araghchi", sentence + str(i)) for i in range(5))
    article = ArticleView(1, "<Outlet & Co>", title, url, datetime(2026, 11, 20, tzinfo=UTC),
                          "Summary with <tags> & ampersands " * 40, mentions)
    html = render_alert(article, also_reported_by=["A & B", "<C>"])
    parsed = parse_html(html, strict_ampersand=True)
    assert len(parsed.text) <= 4096 and len(html) <= 4096
    assert "javascript:" not in html
