"""What lies behind a message the bot sent: the outbox row, its article and why the
story's articles were grouped (for /why)."""

from __future__ import annotations

import json

from sqlalchemy import or_
from sqlmodel import Session, select

from core.model import ArticleView
from core.story_render import GroupingLink
from storage.articles import get_article_views
from storage.outbox import get_sent_message
from storage.tables import Article, ArticleSignature, Feed, Story, StoryLink


def get_sent_article(session: Session, chat_id: int, message_id: int) -> tuple[str | None, ArticleView | None]:
    """(outbox kind, article with its mentions) of a sent message; (None, None) if not ours.

    An alert names its article; a story alert without one falls back to the story's
    first article, which is the one whose match opened the story.
    """
    row = get_sent_message(session, chat_id, message_id)
    if row is None:
        return None, None
    article_id = row.article_id
    if article_id is None and row.story_id is not None:
        story = session.get(Story, row.story_id)
        article_id = story.first_article_id if story else None
    views = get_article_views(session, [article_id]) if article_id is not None else []
    return row.kind, (views[0] if views else None)


def get_story_grouping(session: Session, chat_id: int, message_id: int
                       ) -> tuple[list[GroupingLink], int, list[str]] | None:
    """(links, number of articles, languages with the alert's first) of the story behind a sent alert.

    None when the message is not a story alert.
    """
    row = get_sent_message(session, chat_id, message_id)
    if row is None or row.story_id is None:
        return None
    members = session.exec(
        select(Article.id, Feed.title, Feed.url, ArticleSignature.lang).join(Feed, Feed.id == Article.feed_id)
        .outerjoin(ArticleSignature, ArticleSignature.article_id == Article.id)
        .where(Article.story_id == row.story_id).order_by(Article.id)
    ).all()
    outlet = {aid: (title or url, lang or "en") for aid, title, url, lang in members}
    ids = list(outlet)
    links = []
    for a, b, data in session.exec(
        select(StoryLink.article_a, StoryLink.article_b, StoryLink.data)
        .where(or_(StoryLink.article_a.in_(ids), StoryLink.article_b.in_(ids))).order_by(StoryLink.id)
    ):
        if a in outlet and b in outlet:
            d = json.loads(data)
            links.append(GroupingLink(*outlet[a], *outlet[b], d["how"], d["similarity"], tuple(d["shared"]),
                                      tuple(d["words"])))
    first = outlet.get(row.article_id, next(iter(outlet.values()), ("", "en")))[1]
    languages = [first] + sorted({lang for _, lang in outlet.values()} - {first})
    return links, len(ids), languages
