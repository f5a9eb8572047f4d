"""Links do not depend on what else has arrived: the text similarity of two articles weighs each
one's words by the articles published in the span before it, so six-hour waves, one-hour waves,
articles shuffled within a wave and one batch after downtime record the same links with the same
similarities (weights of the whole window at decision time let a later wave tip a pair over a
threshold in one order and not in another)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlmodel import select

from core.analysis import analyze
from core.model import FeedEntry
from jobs.detector import DetectorCache
from jobs.grouping import group_new_articles
from storage import articles, feeds
from storage.defaults import default_watchlist, load_defaults_once
from storage.story_index import forget_window
from storage.tables import Article, Feed, Story, StoryLink
from tests.jobs.story_ingest import ingest_cycle, reset_stories, stories_by_guid

T1 = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)  # a Tuesday

# key: (outlet, hours after T1, title, text) -- our own wording: one deputy minister's visit told by
# three outlets, and the same people's other business of the next two days (it shifts word weights).
ORDER_CASES: dict[str, tuple[str, float, str, str]] = {
    "visit-a": ("Harbour Wire", 0.5, "Araghchi meets Omani counterpart in Muscat on nuclear file",
                "Iranian Foreign Minister Abbas Araghchi met Omani Foreign Minister Badr Albusaidi in Muscat on "
                "Tuesday to discuss the nuclear file and the schedule of indirect talks with Washington. The two "
                "ministers reviewed proposals on enrichment limits, officials said."),
    "visit-b": ("Desert Courier", 3, "Iran's top diplomat in Muscat for talks with Albusaidi",
                "Abbas Araghchi arrived in Muscat on Tuesday and held talks with Badr Albusaidi about the nuclear "
                "file, the schedule of the next round with the United States and enrichment limits."),
    "visit-c": ("Gulf Evening", 7, "Araghchi, Albusaidi review enrichment proposals in Muscat",
                "Omani Foreign Minister Badr Albusaidi received Abbas Araghchi in Muscat on Tuesday. The ministers "
                "reviewed enrichment proposals and the nuclear file ahead of more indirect talks."),
    "sanctions": ("Harbour Wire", 13, "Treasury adds shipping firms to Iran sanctions list",
                  "The U.S. Treasury on Tuesday designated four shipping firms it said carried Iranian oil, adding "
                  "to sanctions as the nuclear file stays open. Officials named vessels and managers."),
    "parliament": ("Desert Courier", 20, "Iranian lawmakers debate enrichment bill",
                   "Members of Iran's parliament debated a bill on Wednesday that would set enrichment levels by "
                   "law, a move critics said could limit room for the nuclear file talks."),
    "analysis": ("Gulf Evening", 30, "What the Muscat meeting means for enrichment",
                 "Analysts said Tuesday's meeting in Muscat showed both sides want a framework on enrichment and "
                 "the nuclear file before summer, though officials gave few details."),
}


def _ingest(db, batches: list[list[str]]) -> tuple[list[list[str]], dict[tuple[str, str], tuple[str, float]]]:
    """(stories, links (guid pair) -> (how, similarity)) after ingesting each batch as one cycle."""
    reset_stories(db)
    detector = DetectorCache()
    matcher = detector.matcher_for(default_watchlist())
    with db.session() as s:
        load_defaults_once(s, T1 - timedelta(days=1), feeds=False)
        feed_of = {o: feeds.add_feed(s, f"https://order{i}.example/rss", T1, title=o)[0].id
                   for i, o in enumerate(sorted({v[0] for v in ORDER_CASES.values()}))}
    for batch in batches:
        now = max(T1 + timedelta(hours=ORDER_CASES[k][1]) for k in batch) + timedelta(minutes=5)
        items = [(feed_of[ORDER_CASES[k][0]], k, ORDER_CASES[k][2], ORDER_CASES[k][3],
                  T1 + timedelta(hours=ORDER_CASES[k][1])) for k in batch]
        ingest_cycle(db, matcher, detector.gazetteer, items, now)
    with db.session() as s:
        guid = dict(s.exec(select(Article.id, Article.guid)).all())
        links = {tuple(sorted((guid[r.article_a], guid[r.article_b]))): r.data for r in s.exec(select(StoryLink))}
    found = {pair: (d["how"], round(d["similarity"], 9)) for pair, d in ((p, json.loads(x)) for p, x in links.items())}
    return stories_by_guid(db), found


def _waves(hours: float, rng: random.Random | None = None) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for k in sorted(ORDER_CASES, key=lambda k: ORDER_CASES[k][1]):
        out.setdefault(int(ORDER_CASES[k][1] // hours), []).append(k)
    batches = [out[n] for n in sorted(out)]
    if rng is not None:
        for batch in batches:
            rng.shuffle(batch)
    return batches


def test_links_and_their_similarities_do_not_depend_on_waves_or_order(db):
    reference = _ingest(db, [list(ORDER_CASES)])  # one batch after downtime
    assert ["visit-a", "visit-b", "visit-c"] in reference[0]
    assert any(how == "text" for how, _ in reference[1].values())  # the property below is about weights
    rng = random.Random(19)
    for hours in (1, 2, 6, 12, 24):
        for shuffled in (None, rng):
            got = _ingest(db, _waves(hours, shuffled))
            assert got == reference, f"{hours}-hour waves{' shuffled' if shuffled else ''}"
