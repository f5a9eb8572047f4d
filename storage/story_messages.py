"""Outbox rows that belong to stories and briefings: what was already sent, and edits.

An alert goes out once per (chat, story). Later articles of the story change that one
message: while the alert is still queued its text is replaced; once sent, an "edit" row
points at it (``edit_of``) and replaces any older edit still waiting, so the newest text
wins even when edits queue up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, select

from storage.tables import Outbox


@dataclass(frozen=True)
class StoryAlert:
    id: int
    chat_ref: int
    status: str
    message_id: int | None
    article_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class EditTarget:
    status: str
    message_id: int | None


_KEEP_ORDER = {"sent": 0, "sending": 1, "pending": 2, "dead": 3}


def get_story_alerts(session: Session, story_id: int) -> dict[int, StoryAlert]:
    """The alert row per chat for a story (chat_ref -> row).

    After two stories merged a chat may hold an alert of each; the one it keeps is the
    one already sent (the earliest), else the earliest still to go.
    """
    return {chat: rows[0] for chat, rows in get_story_alert_rows(session, story_id).items()}


def get_story_alert_rows(session: Session, story_id: int) -> dict[int, list[StoryAlert]]:
    """Every alert row of a story per chat, the one to keep first."""
    rows = session.exec(select(Outbox).where(Outbox.story_id == story_id, Outbox.kind == "alert"))
    out: dict[int, list[StoryAlert]] = {}
    for r in sorted(rows, key=lambda r: (_KEEP_ORDER.get(r.status, 4), r.id)):
        out.setdefault(r.chat_ref, []).append(
            StoryAlert(r.id, r.chat_ref, r.status, r.message_id, r.article_id, r.created_at))
    return out


def drop_unsent_alert(session: Session, row_id: int, reason: str) -> bool:
    """Cancel an alert nobody has tried to send yet (its story merged into another)."""
    row = session.get(Outbox, row_id)
    if row is None or row.status != "pending" or row.attempts:
        return False
    row.status, row.last_error = "dead", reason
    session.add(row)
    return True


def replace_pending_html(session: Session, row_id: int, html: str) -> bool:
    """Rewrite a row not yet claimed for sending; returns False when it is too late.

    One UPDATE with the conditions, no row object loaded (an alert's rewrite per chat of a
    growing story); a row this session holds is updated in memory too."""
    done = session.execute(update(Outbox).where(Outbox.id == row_id, Outbox.status == "pending", Outbox.attempts == 0)
                           .values(html=html))
    return done.rowcount > 0


def supersede_pending_edits(session: Session, edit_of: int) -> int:
    """Older edits of the same message still waiting are replaced by a newer one."""
    rows = session.exec(select(Outbox).where(Outbox.edit_of == edit_of, Outbox.status == "pending")).all()
    for row in rows:
        row.status = "dead"
        row.last_error = "superseded by a newer edit"
        session.add(row)
    return len(rows)


def get_edit_target(session: Session, row_id: int) -> EditTarget | None:
    """State of the message an edit row changes."""
    row = session.get(Outbox, row_id)
    return None if row is None else EditTarget(row.status, row.message_id)


def get_last_briefing_times(session: Session, chat_refs: list[int] | None = None) -> dict[int, datetime]:
    """When each chat's last scheduled briefing was enqueued: the start of the next one."""
    query = select(Outbox.chat_ref, func.max(Outbox.created_at)).where(Outbox.kind == "briefing")
    if chat_refs is not None:
        query = query.where(Outbox.chat_ref.in_(chat_refs))
    return {ref: _aware(at) for ref, at in session.exec(query.group_by(Outbox.chat_ref)).all() if at is not None}


def _aware(at: datetime) -> datetime:
    from datetime import UTC

    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
