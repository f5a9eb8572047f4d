"""Through storage: the president's speech and his press conference of one day (our own wording,
tests/core/test_story_apart.py) never share a story, in any arrival order, though an account that
names no occasion links to both; in one batch, in waves of publication time or one by one, it joins
the speech it fits best. (An existing story is never split: arriving before the speech's accounts,
right after the press conference's, it may stay with those; the two occasions still stay apart.)"""

from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy import delete
from sqlmodel import select

from core.analysis import analyze
from core.model import FeedEntry
from jobs.detector import DetectorCache
from jobs.grouping import group_new_articles
from storage import articles, feeds
from storage.defaults import default_watchlist, load_defaults_once
from storage.story_index import forget_window
from storage.tables import Article, Feed, Story
from tests.core.test_story_apart import PRESIDENT_DAY
from tests.core.test_story_classes import T0

OUTLETS = {1: "Farm Wire", 2: "Capital Ledger", 3: "Harbour Wire", 4: "Gulf Evening", 5: "Desert Courier"}


def _ingest(db, batches: list[list[int]]) -> list[list[int]]:
    with db.session() as s:
        for table in (Feed, Story):
            s.exec(delete(table))
    forget_window(db.engine)
    detector = DetectorCache()
    matcher = detector.matcher_for(default_watchlist())
    with db.session() as s:
        load_defaults_once(s, T0 - timedelta(days=1), feeds=False)
        feed_of = {k: feeds.add_feed(s, f"https://apart{k}.example/rss", T0, title=o)[0].id for k, o in OUTLETS.items()}
    for batch in batches:
        now = max(T0 + timedelta(hours=PRESIDENT_DAY[k][0]) for k in batch) + timedelta(minutes=5)
        with db.session() as s:
            stored = []
            for key in batch:
                hours, title, text = PRESIDENT_DAY[key]
                entry = FeedEntry(str(key), None, title, text, T0 + timedelta(hours=hours))
                (aid,) = articles.add_articles(s, feed_of[key], [entry], now, alertable=True)
                analysis = analyze(matcher, title, text)
                articles.save_detection(s, aid, analysis.detection, analysis.summary)
                stored.append((aid, title, text))
            views = {v.id: v for v in articles.get_article_views(s, [a for a, _, _ in stored])}
            group_new_articles(s, [(views[a], t, x) for a, t, x in stored], detector.gazetteer, now)
    with db.session() as s:
        rows = s.exec(select(Article.guid, Article.story_id)).all()
    stories: dict[int, list[int]] = {}
    for guid, story_id in rows:
        stories.setdefault(story_id, []).append(int(guid))
    return sorted(sorted(v) for v in stories.values())


def test_the_speech_and_the_press_conference_never_share_a_story(db):
    expected = [[1, 2, 5], [3, 4]]
    chronological = sorted(PRESIDENT_DAY, key=lambda k: PRESIDENT_DAY[k][0])
    assert _ingest(db, [list(PRESIDENT_DAY)]) == expected
    assert _ingest(db, [[k] for k in chronological]) == expected
    assert _ingest(db, [[1, 2, 5], [3, 4]]) == expected  # six-hour waves
    assert _ingest(db, [[1, 2, 3, 4], [5]]) == expected  # the bridge after both stories exist
    for order in itertools.permutations(PRESIDENT_DAY):
        stories = _ingest(db, [[k] for k in order])
        assert not any({1, 2} & set(g) and {3, 4} & set(g) for g in stories), (order, stories)
