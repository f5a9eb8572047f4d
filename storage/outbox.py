"""The outbox: every message to Telegram is a row before it is sent.

Enqueueing is idempotent on (chat, kind, dedup_key). Claiming marks rows ``sending``
with a timestamp; a row left ``sending`` by a killed process becomes due again after
``stale_after``. On PostgreSQL the claim uses SKIP LOCKED so several workers can share
the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.tables import Chat, Outbox


@dataclass(frozen=True)
class OutboxItem:
    id: int
    chat_ref: int
    chat_id: int
    thread_id: int | None
    kind: str
    dedup_key: str
    html: str
    disable_notification: bool
    attempts: int
    edit_of: int | None = None  # for kind "edit": the outbox row whose message is edited
    created_at: datetime | None = None  # when it was queued (metrics: time to delivery)


def enqueue(session: Session, chat_ref: int, kind: str, dedup_key: str, html: str, now: datetime,
            *, disable_notification: bool = False, article_id: int | None = None,
            story_id: int | None = None, edit_of: int | None = None) -> bool:
    """Add a message unless the same (chat, kind, key) exists; returns whether it was added."""
    exists = session.exec(
        select(Outbox.id).where(Outbox.chat_ref == chat_ref, Outbox.kind == kind, Outbox.dedup_key == dedup_key)
    ).first()
    if exists is not None:
        return False
    try:
        with session.begin_nested():
            session.add(Outbox(chat_ref=chat_ref, kind=kind, dedup_key=dedup_key, html=html,
                               disable_notification=disable_notification, created_at=now,
                               next_attempt_at=now, article_id=article_id, story_id=story_id,
                               edit_of=edit_of))
    except IntegrityError:
        return False  # a concurrent writer won the race; the message exists once
    return True


def claim_due(session: Session, now: datetime, *, limit: int = 50,
              stale_after: timedelta = timedelta(minutes=5)) -> list[OutboxItem]:
    """Mark up to ``limit`` due rows as sending and return them, oldest first."""
    due = or_(
        and_(Outbox.status == "pending", Outbox.next_attempt_at <= now),
        and_(Outbox.status == "sending", Outbox.claimed_at <= now - stale_after),
    )
    query = select(Outbox).where(due).order_by(Outbox.next_attempt_at, Outbox.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = session.exec(query).all()
    if not rows:
        return []
    chats = {c.id: c for c in session.exec(select(Chat).where(Chat.id.in_({r.chat_ref for r in rows})))}
    items = []
    for row in rows:
        row.status = "sending"
        row.claimed_at = now
        session.add(row)
        chat = chats[row.chat_ref]
        items.append(OutboxItem(id=row.id, chat_ref=row.chat_ref, chat_id=chat.chat_id, thread_id=chat.thread_id,
                                kind=row.kind, dedup_key=row.dedup_key, html=row.html,
                                disable_notification=row.disable_notification, attempts=row.attempts,
                                edit_of=row.edit_of, created_at=row.created_at))
    return items


def release_claims_not_owned_by(session: Session, owner: str) -> int:
    """Return rows left ``sending`` by another process to ``pending``; returns how many.

    Called by a process that has just become the only deliverer (the leader, bot.service).
    Claims do not record an owner yet, so every ``sending`` row is released: call it only
    when no other process delivers. # TODO(robust): filter by claim owner once claims record one.
    """
    rows = session.exec(select(Outbox).where(Outbox.status == "sending")).all()
    for row in rows:
        row.status = "pending"
        session.add(row)
    return len(rows)


def mark_sent(session: Session, item_id: int, now: datetime, message_id: int | None) -> None:
    row = session.get(Outbox, item_id)
    if row is None:
        return
    row.status = "sent"
    row.sent_at = now
    row.attempts += 1
    row.message_id = message_id
    row.last_error = None
    session.add(row)


def mark_retry(session: Session, item_id: int, next_at: datetime, error: str, *, count_attempt: bool = True) -> None:
    row = session.get(Outbox, item_id)
    if row is None:
        return
    row.status = "pending"
    row.next_attempt_at = next_at
    row.attempts += 1 if count_attempt else 0
    row.last_error = error[:1000]
    session.add(row)


def mark_dead(session: Session, item_id: int, error: str) -> None:
    """Give up on a row, keeping why."""
    row = session.get(Outbox, item_id)
    if row is None:
        return
    row.status = "dead"
    row.attempts += 1
    row.last_error = error[:1000]
    session.add(row)


def drop_pending_for_chat(session: Session, chat_ref: int, reason: str) -> int:
    """A chat left: its queued messages will never be deliverable."""
    rows = session.exec(select(Outbox).where(Outbox.chat_ref == chat_ref, Outbox.status.in_(("pending", "sending")))).all()
    for row in rows:
        row.status = "dead"
        row.last_error = reason
        session.add(row)
    return len(rows)


@dataclass(frozen=True)
class OutboxStats:
    pending: int
    oldest_pending: datetime | None
    sent_since: int
    dead: int


def outbox_stats(session: Session, since: datetime) -> OutboxStats:
    pending_q = select(func.count(Outbox.id), func.min(Outbox.created_at)).where(Outbox.status.in_(("pending", "sending")))
    pending, oldest = session.exec(pending_q).one()
    sent = session.exec(select(func.count(Outbox.id)).where(Outbox.status == "sent", Outbox.sent_at >= since)).one()
    dead = session.exec(select(func.count(Outbox.id)).where(Outbox.status == "dead")).one()
    return OutboxStats(pending=pending, oldest_pending=oldest, sent_since=sent, dead=dead)


def get_sent_message(session: Session, chat_id: int, message_id: int) -> Outbox | None:
    """The outbox row behind a message the bot sent (for /why replies)."""
    return session.exec(
        select(Outbox).join(Chat, Chat.id == Outbox.chat_ref)
        .where(Chat.chat_id == chat_id, Outbox.message_id == message_id)
    ).first()
