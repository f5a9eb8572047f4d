"""One ingest cycle through storage for the grouping tests: store, detect and group a batch the way
jobs.ingest does, on tables emptied first, and read the stories back by guid."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlmodel import select

from core.analysis import analyze
from core.model import FeedEntry
from jobs.grouping import group_new_articles
from storage import articles
from storage.story_index import forget_window
from storage.tables import Article, Feed, Story


def reset_stories(db) -> None:
    with db.session() as s:
        for table in (Feed, Story):
            s.exec(delete(table))
    forget_window(db.engine)  # the process's window of signatures starts afresh with the tables


def ingest_cycle(db, matcher, gazetteer, items: list[tuple[int, str, str, str, datetime]], now: datetime):
    """Store (feed id, guid, title, text, published) items as one cycle; returns the grouping."""
    with db.session() as s:
        stored = []
        for feed_id, guid, title, text, when in items:
            (aid,) = articles.add_articles(s, feed_id, [FeedEntry(guid, None, title, text, when)], now, alertable=True)
            analysis = analyze(matcher, title, text)
            articles.save_detection(s, aid, analysis.detection, analysis.summary)
            stored.append((aid, title, text))
        views = {v.id: v for v in articles.get_article_views(s, [a for a, _, _ in stored])}
        return group_new_articles(s, [(views[a], t, x) for a, t, x in stored], gazetteer, now)


def stories_by_guid(db) -> list[list[str]]:
    """Each story's article guids, sorted."""
    with db.session() as s:
        rows = s.exec(select(Article.guid, Article.story_id)).all()
    stories: dict[int, list[str]] = {}
    for guid, story_id in rows:
        stories.setdefault(story_id, []).append(guid)
    return sorted(sorted(v) for v in stories.values())
