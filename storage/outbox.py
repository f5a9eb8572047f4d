"""The outbox: every message to Telegram is a row before it is sent.

Enqueueing is idempotent on (chat, kind, dedup_key). Claiming marks rows ``sending`` with
a timestamp and the claiming process (``claimed_by``), atomically (one UPDATE ... RETURNING;
SKIP LOCKED on PostgreSQL), at most one row per chat at a time. Rows a process left
``sending`` are handed back by :func:`release_claims_not_owned_by` when the next deliverer
starts, by :func:`release_claims` on a clean shutdown, and by :func:`release_stale_claims`
as a last resort.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, or_, text, update
from sqlmodel import Session, select

from storage.tables import Chat, Outbox
from storage.types import UTCDateTime

_other = Outbox.__table__.alias("other")  # the same table, to look at a chat's other rows


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
    """Add a message unless the same (chat, kind, key) exists; returns whether it was added.

    One INSERT ... ON CONFLICT DO NOTHING (no read first, no savepoint), so queueing an alert
    for 10,000 chats costs 10,000 cheap statements in the caller's transaction.
    """
    if session.get_bind().dialect.name == "postgresql":  # each dialect's module only where it is used
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(Outbox).values(
        chat_ref=chat_ref, kind=kind, dedup_key=dedup_key, html=html, disable_notification=disable_notification,
        status="pending", attempts=0, created_at=now, next_attempt_at=now, article_id=article_id,
        story_id=story_id, edit_of=edit_of,
    ).on_conflict_do_nothing(index_elements=["chat_ref", "kind", "dedup_key"]).returning(Outbox.id)
    return session.exec(statement).first() is not None


def enqueue_many(session: Session, kind: str, dedup_key: str, now: datetime,
                 messages: Sequence[tuple[int, str, bool]], *, article_id: int | None = None,
                 story_id: int | None = None) -> int:
    """``enqueue`` for many chats at once: (chat_ref, html, disable_notification) each; how many added.

    One statement executed for all rows (SQLAlchemy sends them as multi-row INSERTs): building
    a statement per row cost ~1 ms, ten seconds for a fan-out to 10,000 chats.
    """
    if not messages:
        return 0
    if session.get_bind().dialect.name == "postgresql":
        # Three arrays in one statement of constant size: the multi-row VALUES form spent seconds
        # in the driver's parsing of its 140,000 placeholders.
        return len(session.execute(text(
            "INSERT INTO outbox (chat_ref, kind, dedup_key, html, disable_notification, status, attempts, "
            "created_at, next_attempt_at, article_id, story_id) "
            "SELECT u.chat_ref, :kind, :key, u.html, u.silent, 'pending', 0, :now, :now, :article_id, :story_id "
            "FROM unnest(CAST(:refs AS integer[]), CAST(:htmls AS text[]), CAST(:silents AS boolean[])) "
            "AS u(chat_ref, html, silent) "
            "ON CONFLICT (chat_ref, kind, dedup_key) DO NOTHING RETURNING id").bindparams(
                bindparam("now", type_=UTCDateTime)),
            {"kind": kind, "key": dedup_key, "now": now, "article_id": article_id, "story_id": story_id,
             "refs": [m[0] for m in messages], "htmls": [m[1] for m in messages],
             "silents": [m[2] for m in messages]}).all())
    from sqlalchemy.dialects.sqlite import insert

    statement = insert(Outbox.__table__).on_conflict_do_nothing(
        index_elements=["chat_ref", "kind", "dedup_key"]).returning(Outbox.__table__.c.id)
    rows = [{"chat_ref": chat_ref, "kind": kind, "dedup_key": dedup_key, "html": html,
             "disable_notification": silent, "status": "pending", "attempts": 0, "created_at": now,
             "next_attempt_at": now, "article_id": article_id, "story_id": story_id}
            for chat_ref, html, silent in messages]
    return len(session.execute(statement, rows).all())


def claim_due(session: Session, now: datetime, *, limit: int = 50, owner: str = "",
              skip_chat_ids: Collection[int] = ()) -> list[OutboxItem]:
    """Mark up to ``limit`` due rows ``sending`` for ``owner`` and return them.

    The marking is one UPDATE ... RETURNING, atomic on SQLite and PostgreSQL (where SKIP LOCKED
    also lets a second claimer pass over rows being claimed), so no row is ever claimed twice. At most one
    row per chat is in flight: a chat with a row ``sending`` gets nothing more until it is
    recorded, so a crash can repeat at most one message per chat, and each chat's messages
    go out in the order they were queued. Unsubscribed chats and ``skip_chat_ids`` (groups at
    their own rate limit) are passed over.
    """
    if session.get_bind().dialect.name == "postgresql":
        claimed = _claim_postgres(session, now, limit, owner, skip_chat_ids)
    else:
        claimed = _claim_sqlite(session, now, limit, owner, skip_chat_ids)
    if not claimed:
        return []
    # Two columns, not Chat objects: building ORM instances was a fifth of a claim's time.
    # Two columns by a prebuilt Core statement, not Chat objects (a fifth of a claim's time).
    chats = {ref: (chat_id, thread_id) for ref, chat_id, thread_id in session.execute(
        _CHATS_OF, {"refs": list({r.chat_ref for r in claimed})})}
    items = [OutboxItem(id=r.id, chat_ref=r.chat_ref, chat_id=chats[r.chat_ref][0],
                        thread_id=chats[r.chat_ref][1], kind=r.kind, dedup_key=r.dedup_key, html=r.html,
                        disable_notification=r.disable_notification, attempts=r.attempts, edit_of=r.edit_of,
                        created_at=r.created_at)
             for r in claimed]
    return sorted(items, key=lambda i: i.id)


_RETURNED = (Outbox.id, Outbox.chat_ref, Outbox.kind, Outbox.dedup_key, Outbox.html, Outbox.disable_notification,
             Outbox.attempts, Outbox.edit_of, Outbox.created_at)
_o, _c = Outbox.__table__, Chat.__table__
_CHATS_OF = select(_c.c.id, _c.c.chat_id, _c.c.thread_id).where(_c.c.id.in_(bindparam("refs", expanding=True)))


def _sqlite_claim(skipping: bool):
    """One UPDATE ... RETURNING, built once (per ``skipping``) with bound parameters: building
    and hashing it at every claim cost more than running it. A row goes if it is its chat's
    earliest due row and nothing of the chat is in flight."""
    now = bindparam("now", type_=UTCDateTime)
    in_flight = select(1).where(_other.c.chat_ref == _o.c.chat_ref, _other.c.status == "sending").exists()
    earlier = select(1).where(_other.c.chat_ref == _o.c.chat_ref, _other.c.status == "pending",
                              _other.c.next_attempt_at <= now, _other.c.id < _o.c.id).exists()
    first_per_chat = (
        select(_o.c.id).join(_c, _c.c.id == _o.c.chat_ref)
        .where(_o.c.status == "pending", _o.c.next_attempt_at <= now, _c.c.subscribed.is_(True),
               ~in_flight, ~earlier)
        .order_by(_o.c.next_attempt_at, _o.c.id).limit(bindparam("limit"))
    )
    if skipping:
        first_per_chat = first_per_chat.where(_c.c.chat_id.not_in(bindparam("skip", expanding=True)))
    return (update(_o).where(_o.c.id.in_(first_per_chat), _o.c.status == "pending")
            .values(status="sending", claimed_at=now, claimed_by=bindparam("owner"))
            .returning(*(_o.c[column.key] for column in _RETURNED)))


_SQLITE_CLAIM = {False: _sqlite_claim(False), True: _sqlite_claim(True)}


def _claim_sqlite(session: Session, now: datetime, limit: int, owner: str, skip_chat_ids: Collection[int]):
    """SQLite has one writer, and scans the due index in order, stopping at ``limit`` (cheap
    with 10,000 rows queued)."""
    params = {"now": now, "limit": limit, "owner": owner or None}
    if skip_chat_ids:
        params["skip"] = list(skip_chat_ids)
    return session.execute(_SQLITE_CLAIM[bool(skip_chat_ids)], params).all()


def _claim_postgres(session: Session, now: datetime, limit: int, owner: str, skip_chat_ids: Collection[int]):
    """Three statements that look rows up by value, so no plan depends on statistics.

    The one-statement form (correlated NOT EXISTS per candidate) was planned as nested loops
    over every due row whenever the statistics said "no pending rows" (a fan-out just queued
    into a table of sent rows): 1.4 s per claim with 600 rows queued, 5 s with 10,000.
    1. the chats with something due, in the order it fell due (a window of them);
    2. for those chats, in one snapshot: the earliest due row, and whether one is in flight;
    3. UPDATE those rows by id, still ``pending``, locked with SKIP LOCKED. A row another
       claimer took since step 2 fails the status test, which PostgreSQL repeats on the row it
       locked, so it is passed over, never retaken; a chat's later row is never chosen while
       its earlier one is in flight, because step 2 saw both in one snapshot.
    """
    # Chats, not rows, so one chat's long queue cannot fill the window; room for the chats
    # that step 2 passes over (in flight, skipped, unsubscribed).
    refs = session.exec(
        select(Outbox.chat_ref).where(Outbox.status == "pending", Outbox.next_attempt_at <= now)
        .group_by(Outbox.chat_ref).order_by(func.min(Outbox.next_attempt_at), func.min(Outbox.id))
        .limit(2 * limit + len(skip_chat_ids) + 64)
    ).all()
    if not refs:
        return []
    per_chat = (
        select(Outbox.chat_ref,
               func.min(Outbox.id).filter(Outbox.status == "pending", Outbox.next_attempt_at <= now),
               func.bool_or(Outbox.status == "sending"))
        .join(Chat, Chat.id == Outbox.chat_ref)
        .where(Outbox.chat_ref.in_(refs), Outbox.status.in_(("pending", "sending")), Chat.subscribed.is_(True))
        .group_by(Outbox.chat_ref)
    )
    if skip_chat_ids:
        per_chat = per_chat.where(Chat.chat_id.not_in(list(skip_chat_ids)))
    first = {ref: row_id for ref, row_id, busy in session.exec(per_chat).all() if row_id is not None and not busy}
    ids = [first[ref] for ref in refs if ref in first][:limit]
    if not ids:
        return []
    chosen = (select(Outbox.id).where(Outbox.id.in_(ids), Outbox.status == "pending")
              .with_for_update(skip_locked=True).cte("chosen").prefix_with("MATERIALIZED"))
    return session.exec(
        update(Outbox).where(Outbox.id == chosen.c.id, Outbox.status == "pending")
        .values(status="sending", claimed_at=now, claimed_by=owner or None).returning(*_RETURNED)
    ).all()


def release_claims_not_owned_by(session: Session, owner: str) -> int:
    """Return every ``sending`` row claimed by another process to ``pending``; how many.

    Call it when this process becomes the only deliverer (SQLite: the one process; PostgreSQL:
    the leader): any other claimer is gone, so its rows need not wait for ``stale_after``.
    """
    result = session.exec(
        update(Outbox).where(Outbox.status == "sending", or_(Outbox.claimed_by.is_(None), Outbox.claimed_by != owner))
        .values(status="pending", claimed_at=None, claimed_by=None)
    )
    return result.rowcount or 0


def release_claims(session: Session, ids: Collection[int]) -> int:
    """Return these claimed-but-unsent rows to ``pending`` (a clean shutdown); how many."""
    if not ids:
        return 0
    result = session.exec(
        update(Outbox).where(Outbox.id.in_(list(ids)), Outbox.status == "sending")
        .values(status="pending", claimed_at=None, claimed_by=None)
    )
    return result.rowcount or 0


def release_stale_claims(session: Session, claimed_before: datetime, keep: Collection[int] = ()) -> int:
    """Rows ``sending`` since before ``claimed_before`` (a hung or vanished claimer) go back to ``pending``."""
    query = update(Outbox).where(Outbox.status == "sending", Outbox.claimed_at <= claimed_before)
    if keep:
        query = query.where(Outbox.id.not_in(list(keep)))
    return session.exec(query.values(status="pending", claimed_at=None, claimed_by=None)).rowcount or 0


_t = Outbox.__table__
# A Core statement run once for the whole batch (executemany): the ORM's bulk UPDATE by
# primary key did the same in twice the time, and this runs in the delivery loop's thread.
_MARK_SENT = (update(_t).where(_t.c.id == bindparam("row_id"))
              .values(status="sent", sent_at=bindparam("sent_at"), attempts=bindparam("attempts"),
                      message_id=bindparam("message_id"), last_error=None, claimed_by=None))


def mark_sent_many(session: Session, sent: Collection[tuple[OutboxItem, int | None]], now: datetime) -> None:
    """Record a batch of successful sends in one statement per batch (UPDATE by id, executemany)."""
    if not sent:
        return
    session.execute(_MARK_SENT, [{"row_id": item.id, "sent_at": now, "attempts": item.attempts + 1,
                                  "message_id": message_id} for item, message_id in sent])


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
