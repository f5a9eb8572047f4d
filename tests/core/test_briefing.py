"""Briefing composition: filters, ranking, grouping, counts, and splitting that keeps HTML valid."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core.briefing import (
    BlockCache,
    ChatFilter,
    StoryView,
    compose_briefing,
    compose_latest,
    rank_stories,
)
from core.model import ArticleView, Mention
from tests.fakes.telegram_html import parse_html

NOW = datetime(2026, 11, 21, 8, tzinfo=UTC)
DAY = date(2026, 11, 21)


def mention(
    name: str,
    kind: str = "official",
    sentence: str | None = None,
    text: str | None = None,
) -> Mention:
    sentence = sentence or f"{name} spoke to reporters about the talks on Friday."
    return Mention(
        name=name,
        kind=kind,
        text=text or name,
        start=0,
        end=len(name),
        sentence=sentence,
        how="alias",
    )


def story(
    sid: int,
    title: str,
    outlets=("Outlet A",),
    names=(("Abbas Araghchi", "official"),),
    hours_ago=1.0,
    summary="A short summary of what happened.",
    sentence: str | None = None,
) -> StoryView:
    when = NOW - timedelta(hours=hours_ago)
    mentions = tuple(mention(n, k, sentence) for n, k in names)
    articles = tuple(
        ArticleView(
            id=sid * 100 + i,
            feed_title=o,
            title=title,
            link=f"https://news.example/{sid}/{i}",
            published=when,
            summary=summary,
            mentions=mentions,
        )
        for i, o in enumerate(outlets)
    )
    return StoryView(id=sid, articles=articles)


OMAN = ("Oman talks", "topic")
ARAGHCHI = ("Abbas Araghchi", "official")
WITKOFF = ("Steve Witkoff", "official")
SANCTIONS = ("sanctions", "topic")

STORIES = [
    story(
        1,
        "Araghchi and Witkoff meet in Muscat",
        ("Reuters", "AP", "BBC"),
        (ARAGHCHI, WITKOFF, OMAN),
    ),
    story(2, "New sanctions on oil exports", ("Reuters",), (SANCTIONS,), hours_ago=3),
    story(3, "Araghchi visits Beijing", ("IRNA", "AP"), (ARAGHCHI,), hours_ago=20),
    story(
        4, "Weather in Tehran", ("IRNA",), (), hours_ago=2
    ),  # no tracked name: never in a briefing
]


def plain(parts: list[str]) -> str:
    return "\n".join(parse_html(p).text for p in parts)


@pytest.mark.parametrize(
    "follows, present, absent",
    [
        (set(), ["Muscat", "sanctions on oil", "Beijing"], ["Weather"]),
        ({"Steve Witkoff"}, ["Muscat"], ["sanctions on oil", "Beijing", "Weather"]),
        ({"sanctions"}, ["sanctions on oil"], ["Muscat", "Beijing"]),
        (
            {"Abbas Araghchi", "sanctions"},
            ["Muscat", "Beijing", "sanctions on oil"],
            ["Weather"],
        ),
    ],
)
def test_filters_pick_followed_stories(follows, present, absent):
    text = plain(
        compose_briefing(STORIES, ChatFilter(frozenset(follows)), day=DAY, now=NOW)
    )
    assert all(p in text for p in present) and not any(a in text for a in absent)


def test_header_counts_grouping_and_ranking():
    (msg,) = compose_briefing(STORIES, ChatFilter(), day=DAY, now=NOW)
    text = parse_html(msg).text
    lines = text.splitlines()
    assert lines[0] == "☀️ Daily briefing · Sat 21 Nov 2026"
    assert lines[1] == "3 stories"
    assert (
        lines[2]
        == "👤 Abbas Araghchi 2 · Steve Witkoff 1 | 🏷 Oman talks 1 · sanctions 1"
    )
    # three outlets outrank one; grouped under the story's topic
    assert text.index("Oman talks\n▪️ Araghchi and Witkoff meet in Muscat") < text.index(
        "Beijing"
    )
    assert "Reuters, AP, BBC · 3 outlets" in text
    assert (
        '<a href="https://news.example/1/0">Araghchi and Witkoff meet in Muscat</a>'
        in msg
    )


def test_ranking_weighs_outlets_officials_recency():
    a = story(10, "one outlet, fresh", ("X",), (ARAGHCHI,), hours_ago=0)
    b = story(11, "two outlets, older", ("X", "Y"), (ARAGHCHI,), hours_ago=6)
    c = story(12, "one outlet, stale", ("X",), (ARAGHCHI,), hours_ago=40)
    d = story(13, "one outlet, two officials", ("X",), (ARAGHCHI, WITKOFF), hours_ago=0)
    assert [s.id for s in rank_stories([a, b, c, d], NOW)] == [11, 13, 10, 12]


def test_matched_sentence_is_escaped_and_highlighted():
    s = story(
        5,
        "Quote <b>test</b> & more",
        names=(ARAGHCHI,),
        sentence='Abbas Araghchi said: "talks <will> continue" & more.',
        summary="",
    )
    (msg,) = compose_briefing([s], ChatFilter(), day=DAY, now=NOW)
    assert "Quote &lt;b&gt;test&lt;/b&gt; &amp; more" in msg
    assert (
        '» <b>Abbas Araghchi</b> said: "talks &lt;will&gt; continue" &amp; more.' in msg
    )
    parse_html(msg, strict_ampersand=True)


def test_nothing_happened_is_one_short_line():
    parts = compose_briefing(
        STORIES, ChatFilter(frozenset({"Ali Larijani"})), day=DAY, now=NOW
    )
    assert len(parts) == 1 and parse_html(parts[0]).text.count("\n") == 1
    assert "Nothing new" in parts[0]


def test_late_briefing_is_marked():
    (msg,) = compose_briefing(STORIES, ChatFilter(), day=DAY, now=NOW, late=True)
    assert "Late: the bot was offline" in msg


@pytest.mark.parametrize("count, limit", [(60, 4096), (200, 4096), (25, 900)])
def test_split_at_story_boundaries_keeps_every_part_valid(count, limit):
    long_summary = (
        "Negotiators <met> & talked for hours about sequencing, verification and relief. "
        * 4
    )
    many = [
        story(
            i,
            f"Story number {i} & <co>",
            ("Reuters", "AP"),
            (ARAGHCHI, OMAN) if i % 2 else (SANCTIONS,),
            hours_ago=i / 10,
            summary=long_summary,
        )
        for i in range(1, count + 1)
    ]
    parts = compose_briefing(many, ChatFilter(), day=DAY, now=NOW, limit=limit, max_stories=None)
    assert len(parts) > 1
    for part in parts:
        assert len(part) <= limit
        parse_html(part, strict_ampersand=True)  # raises on broken markup
        assert part.count("<a ") == part.count("</a>")
    text = plain(parts)
    assert all(f"Story number {i} & <co>" in text for i in range(1, count + 1))
    assert (
        sum(p.count("▪️") for p in parts) == count
    )  # every story once, none cut in two


def test_block_cache_is_shared_between_chats_with_the_same_view():
    cache = BlockCache()
    compose_briefing(
        STORIES,
        ChatFilter(frozenset({"Abbas Araghchi"})),
        day=DAY,
        now=NOW,
        cache=cache,
    )
    before = len(cache.blocks)
    compose_briefing(
        STORIES,
        ChatFilter(frozenset({"Abbas Araghchi"})),
        day=DAY,
        now=NOW,
        cache=cache,
    )
    assert len(cache.blocks) == before


def test_latest_newest_first():
    parts = compose_latest(STORIES, ChatFilter(), now=NOW, limit=2)
    text = plain(parts)
    assert (
        text.index("Muscat") < text.index("sanctions on oil") and "Beijing" not in text
    )


def test_long_days_show_the_best_stories_and_count_the_rest():
    many = [story(i, f"Story {i}", ("X",) * (1 + i % 3), (ARAGHCHI,), hours_ago=i / 10) for i in range(1, 51)]
    parts = compose_briefing(many, ChatFilter(), day=DAY, now=NOW, max_stories=10)
    text = plain(parts)
    assert sum(p.count("▪️") for p in parts) == 10 and "50 stories" in text and "Abbas Araghchi 50" in text
    assert "…and 40 more; /latest shows the newest." in text
