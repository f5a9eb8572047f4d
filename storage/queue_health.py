"""The outbox as health and metrics see it: how much waits, and how long the oldest due row has."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from storage.tables import Outbox


@dataclass(frozen=True)
class QueueHealth:
    waiting: int  # pending or sending
    oldest_due_at: datetime | None  # the earliest next_attempt_at among pending rows due now


def get_queue_health(session: Session, now: datetime) -> QueueHealth:
    waiting = session.exec(select(func.count(Outbox.id)).where(Outbox.status.in_(("pending", "sending")))).one()
    oldest = session.exec(select(Outbox.next_attempt_at)  # ordered, not min(): keeps the UTC column type
                          .where(Outbox.status == "pending", Outbox.next_attempt_at <= now)
                          .order_by(Outbox.next_attempt_at).limit(1)).first()
    return QueueHealth(waiting=waiting, oldest_due_at=oldest)
