"""Stories: the queries alerts, briefings and spikes need.

Which story an article joins is decided by core.stories.link and recorded by
storage.story_grouping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from core.briefing import StoryView
from core.model import ArticleView
from core.model import Mention as MentionValue
from storage.tables import Article, ArticleSignature, Feed, Mention


def get_story_outlets(session: Session, story_id: int, include: Sequence[int] = ()) -> list[tuple[int, str, str]]:
    """(article id, outlet, language) of the earliest article of each outlet and language in a
    story, earliest first; plus the articles ``include`` names (an alert's own article).

    One row per feed and language, grouped by the database: an alert must not cost a row per
    article of its story (a long-running story holds thousands).
    """
    first = func.min(Article.id)
    grouped = (select(first, Feed.title, Feed.url, ArticleSignature.lang).join(Feed, Feed.id == Article.feed_id)
               .outerjoin(ArticleSignature, ArticleSignature.article_id == Article.id)
               .where(Article.story_id == story_id).group_by(Feed.id, ArticleSignature.lang))
    rows = set(session.exec(grouped).all())
    if include:
        rows.update(session.exec(
            select(Article.id, Feed.title, Feed.url, ArticleSignature.lang).join(Feed, Feed.id == Article.feed_id)
            .outerjoin(ArticleSignature, ArticleSignature.article_id == Article.id)
            .where(Article.id.in_(list(include)))).all())
    return [(aid, title or _host(url), lang or "en") for aid, title, url, lang in sorted(rows, key=lambda r: r[0])]


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


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
