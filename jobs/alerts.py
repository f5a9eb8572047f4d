"""Instant alerts: turn newly stored, matching articles into outbox rows per chat."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from sqlmodel import Session

from core.model import ArticleView
from core.render import render_alert
from storage import chats, outbox


def alert_key(article_id: int) -> str:
    return f"article:{article_id}"


def enqueue_alerts(session: Session, articles: Sequence[ArticleView], now: datetime) -> int:
    """One alert per (chat, article) for every subscribed chat with alerts on; returns rows added."""
    matching = [a for a in articles if a.mentions]
    if not matching:
        return 0
    added = 0
    targets = [c for c in chats.get_subscribed_chats(session) if c.alerts_enabled]
    for article in matching:
        html = render_alert(article)
        for chat in targets:
            added += outbox.enqueue(session, chat.id, "alert", alert_key(article.id), html, now,
                                    article_id=article.id)
    return added
