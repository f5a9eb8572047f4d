"""A story's outlets read incrementally are the outlets read in full, across batches and merges."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from core.model import FeedEntry
from storage import articles, feeds, outlets, stories
from storage.tables import Article, Story

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _add(s, feed_id: int, n: int, story_id: int, tag: str) -> list[int]:
    entries = [FeedEntry(guid=f"{tag}{i}", link=None, title=f"{tag} {i}", text=f"text {tag} {i}") for i in range(n)]
    ids = articles.add_articles(s, feed_id, entries, NOW, alertable=True)
    s.exec(update(Article).where(Article.id.in_(ids)).values(story_id=story_id))
    return ids


def test_incremental_outlets_match_a_full_read(db, monkeypatch):
    monkeypatch.setattr(outlets, "REWIND", 3)  # small, so the cache is used within a few rows
    with db.session() as s:
        feed_ids = [feeds.add_feed(s, f"https://o{i}.example/rss", NOW, title=f"Outlet {i}")[0].id for i in range(4)]
        story, other = Story(created_at=NOW, last_seen_at=NOW), Story(created_at=NOW, last_seen_at=NOW)
        s.add_all([story, other])
        s.flush()
        _add(s, feed_ids[3], 2, other.id, "m-")  # older articles of another story, merged in below
        for round_no, feed_id in enumerate([feed_ids[0], feed_ids[1], feed_ids[0], feed_ids[2]]):
            batch = _add(s, feed_id, 4, story.id, f"r{round_no}-")
            s.commit()
            got = outlets.story_outlets(s, story.id, include=batch[:1])
            assert got == stories.get_story_outlets(s, story.id, include=batch[:1])
        # The other story's older articles merge in (an outlet not seen yet): forgotten, read again.
        s.exec(update(Article).where(Article.story_id == other.id).values(story_id=story.id))
        outlets.forget_stories(s, [story.id, other.id])
        batch = _add(s, feed_ids[1], 2, story.id, "last-")
        got = outlets.story_outlets(s, story.id, include=batch)
        assert got == stories.get_story_outlets(s, story.id, include=batch)
        assert {name for _, name, _ in got} == {f"Outlet {i}" for i in range(4)}
