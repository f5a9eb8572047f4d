"""The numbers behind /stats, gathered in one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from storage import chats, feeds, outbox
from storage.articles import count_articles_since
from storage.feeds import FeedInfo
from storage.tables import Outbox


@dataclass(frozen=True)
class BotStats:
    subscribers: int
    feeds_ok: int
    feeds_paused: int
    failing: tuple[FeedInfo, ...]
    articles_since: int
    alerts_since: int
    queue: outbox.OutboxStats


def collect_stats(session: Session, since: datetime) -> BotStats:
    """Subscribers, feed health, articles and alerts since ``since``, outbox depth."""
    rows = feeds.list_feeds(session)
    failing = tuple(f for f in rows if f.last_error and not f.paused)
    alerts = session.exec(
        select(func.count(Outbox.id)).where(Outbox.kind == "alert", Outbox.created_at >= since)
    ).one()
    return BotStats(
        subscribers=chats.count_subscribed(session),
        feeds_ok=sum(1 for f in rows if not f.paused and not f.last_error),
        feeds_paused=sum(1 for f in rows if f.paused),
        failing=failing,
        articles_since=count_articles_since(session, since),
        alerts_since=alerts,
        queue=outbox.outbox_stats(session, since),
    )
