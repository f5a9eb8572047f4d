"""State a handler keeps between two updates, in the database so any replica can finish it.

Today: a broadcast previewed by /broadcast waits here for its confirm button. Rows live in
the ``meta`` key-value table under ``broadcast:<id>``; taking one deletes it, and only the
transaction whose DELETE removed the row gets the parts, so two replicas handling the same
button press (or a double press) queue the broadcast once.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, select

from storage.tables import Meta

PREFIX = "broadcast:"
KEEP = timedelta(days=1)  # an unconfirmed preview older than this has expired


def save_pending_broadcast(session: Session, broadcast_id: str, parts: list[str], now: datetime) -> None:
    """Keep a previewed broadcast until its button is pressed; forget previews older than a day."""
    for row in session.exec(select(Meta).where(Meta.key.startswith(PREFIX))).all():
        if _saved_at(row.value) < now - KEEP:
            session.delete(row)
    session.add(Meta(key=PREFIX + broadcast_id, value=json.dumps({"at": now.isoformat(), "parts": parts})))


def take_pending_broadcast(session: Session, broadcast_id: str, now: datetime) -> list[str] | None:
    """The broadcast's parts, once: None when unknown, expired, or already taken by someone else."""
    row = session.get(Meta, PREFIX + broadcast_id)
    if row is None:
        return None
    value = row.value
    removed = session.execute(delete(Meta).where(Meta.key == PREFIX + broadcast_id)).rowcount
    session.expunge(row)
    if removed != 1 or _saved_at(value) < now - KEEP:
        return None
    return list(json.loads(value)["parts"])


def _saved_at(value: str) -> datetime:
    return datetime.fromisoformat(json.loads(value)["at"])
