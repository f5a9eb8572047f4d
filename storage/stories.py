"""Stories: articles about one event, and the queries alerts, briefings and spikes need.

The decision which story an article joins is core.stories.pick_story; this module only
loads the recent members it compares against and records the outcome.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from core.briefing import StoryView
from core.model import ArticleView
from core.model import Mention as MentionValue
from core.stories import StoryCandidate, pick_story
from storage.tables import Article, Feed, Mention, Story

STORY_WINDOW = timedelta(hours=48)


def get_story_candidates(session: Session, since: datetime) -> list[tuple[int, StoryCandidate]]:
    """(story id, member) for every article in a story seen since ``since``."""
    rows = session.exec(
        select(Article.id, Article.story_id, Article.fingerprint, Article.published_at, Article.fetched_at,
               Article.title, Feed.title, Feed.url)
        .join(Feed, Feed.id == Article.feed_id)
        .join(Story, Story.id == Article.story_id)
        .where(Story.last_seen_at >= since, Article.fingerprint.is_not(None))
    ).all()
    names = _names_by_article(session, [r[0] for r in rows])
    out = []
    for aid, sid, fp, published, fetched, title, feed_title, feed_url in rows:
        officials, topics = names.get(aid, (frozenset(), frozenset()))
        out.append((sid, StoryCandidate(fingerprint=fp, published=published or fetched, officials=officials,
                                        topics=topics, title=title, outlet=feed_title or feed_url)))
    return out


def assign_story(session: Session, article_id: int, candidate: StoryCandidate, now: datetime,
                 existing: list[tuple[int, StoryCandidate]]) -> tuple[int, bool]:
    """Put the article in the best matching story or a new one; returns (story id, created).

    ``existing`` (from get_story_candidates) gains the new member, so articles stored in
    the same run can join each other.
    """
    article = session.get(Article, article_id)
    story_id = pick_story(candidate, existing)
    created = story_id is None
    if created:
        story = Story(title=candidate.title, first_article_id=article_id, fingerprint=candidate.fingerprint,
                      officials=json.dumps(sorted(candidate.officials)), topics=json.dumps(sorted(candidate.topics)),
                      created_at=now, last_seen_at=now)
        session.add(story)
        session.flush()
        story_id = story.id
    else:
        story = session.get(Story, story_id)
        story.officials = json.dumps(sorted(set(json.loads(story.officials)) | candidate.officials))
        story.topics = json.dumps(sorted(set(json.loads(story.topics)) | candidate.topics))
        story.last_seen_at = max(story.last_seen_at, now)
        session.add(story)
    article.fingerprint = candidate.fingerprint
    article.story_id = story_id
    session.add(article)
    session.flush()
    existing.append((story_id, candidate))
    return story_id, created


def get_story_outlets(session: Session, story_id: int) -> list[tuple[int, str]]:
    """(article id, outlet) of a story's articles, earliest first."""
    rows = session.exec(
        select(Article.id, Feed.title, Feed.url).join(Feed, Feed.id == Article.feed_id)
        .where(Article.story_id == story_id).order_by(Article.id)
    ).all()
    return [(aid, title or _host(url)) for aid, title, url in rows]


def get_stories_since(session: Session, since: datetime | None, until: datetime,
                      *, limit: int | None = None) -> list[StoryView]:
    """Stories with a new (alertable) article fetched in (since, until], newest first."""
    active = (
        select(Article.story_id, func.max(Article.fetched_at).label("latest"))
        .where(Article.story_id.is_not(None), Article.alertable == True, Article.fetched_at <= until)  # noqa: E712
        .group_by(Article.story_id)
    )
    if since is not None:
        active = active.where(Article.fetched_at > since)
    active = active.order_by(func.max(Article.fetched_at).desc(), Article.story_id.desc())
    if limit is not None:
        active = active.limit(limit)
    latest = dict(session.exec(active).all())
    return [replace(s, updated_at=_aware(latest[s.id])) for s in load_stories(session, list(latest), until)]


def load_stories(session: Session, story_ids: Sequence[int], until: datetime) -> list[StoryView]:
    """StoryViews for ``story_ids`` (in that order), with articles fetched up to ``until``."""
    if not story_ids:
        return []
    members = (select(Article.id).where(Article.story_id.in_(story_ids), Article.fetched_at <= until)).subquery()
    rows = session.exec(
        select(Article.id, Article.story_id, Article.title, Article.link, Article.published_at, Article.fetched_at,
               Article.summary, Feed.title, Feed.url)
        .join(Feed, Feed.id == Article.feed_id)
        .where(Article.id.in_(select(members.c.id))).order_by(Article.id)
    ).all()
    mentions: dict[int, list[MentionValue]] = {}
    query = (select(Mention).where(Mention.article_id.in_(select(members.c.id)))
             .order_by(Mention.article_id, Mention.start))
    for m in session.exec(query):
        mentions.setdefault(m.article_id, []).append(
            MentionValue(name=m.name, kind=m.kind, text=m.text, start=m.start, end=m.end,
                         sentence=m.sentence, how=m.how, detail=m.detail))
    by_story: dict[int, list[ArticleView]] = {}
    for aid, sid, title, url, published, fetched, summary, feed_title, feed_url in rows:
        by_story.setdefault(sid, []).append(ArticleView(
            id=aid, feed_title=feed_title or _host(feed_url), title=title, link=url,
            published=published or fetched, summary=summary, mentions=tuple(mentions.get(aid, ()))))
    return [StoryView(id=sid, articles=tuple(by_story[sid])) for sid in story_ids if sid in by_story]


def count_stories_by_name(session: Session, start: datetime, end: datetime) -> dict[str, int]:
    """Distinct stories per official or topic among alertable articles fetched in [start, end)."""
    rows = session.exec(
        select(Mention.name, func.count(func.distinct(Article.story_id)))
        .join(Article, Article.id == Mention.article_id)
        .where(Article.story_id.is_not(None), Article.alertable == True,  # noqa: E712
               Article.fetched_at >= start, Article.fetched_at < end)
        .group_by(Mention.name)
    ).all()
    return {name: count for name, count in rows}


def _names_by_article(session: Session, ids: Sequence[int]) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    found: dict[int, tuple[set[str], set[str]]] = {}
    for chunk in _chunks(ids, 5000):
        for aid, name, kind in session.exec(
            select(Mention.article_id, Mention.name, Mention.kind).where(Mention.article_id.in_(chunk)).distinct()
        ):
            officials, topics = found.setdefault(aid, (set(), set()))
            (officials if kind == "official" else topics).add(name)
    return {aid: (frozenset(o), frozenset(t)) for aid, (o, t) in found.items()}


def _chunks(items: Sequence[int], size: int):
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
