"""What lies behind a message the bot sent: the outbox row and its article (for /why)."""

from __future__ import annotations

from sqlmodel import Session

from core.model import ArticleView
from storage.articles import get_article_views
from storage.outbox import get_sent_message
from storage.tables import Story


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
