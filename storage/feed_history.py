"""Where a feed's history ends: items published up to then are never news.

A first fetch keeps at most the newest ``max_items`` items as history (not alerted). The
older items it left out must not come back later as new, so the date of the oldest kept
item is remembered per feed (a ``Meta`` row, ``feed:<id>:history_until``) and later cycles
skip unknown items published at or before it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from storage.tables import Meta

_PREFIX = "feed:"
_SUFFIX = ":history_until"


def _key(feed_id: int) -> str:
    return f"{_PREFIX}{feed_id}{_SUFFIX}"


def set_history_until(session: Session, feed_id: int, until: datetime | None) -> None:
    """Remember (or, with None, forget) the end of a feed's history."""
    row = session.get(Meta, _key(feed_id))
    if until is None:
        if row is not None:
            session.delete(row)
        return
    value = until.astimezone(UTC).isoformat()
    if row is None:
        session.add(Meta(key=_key(feed_id), value=value))
    else:
        row.value = value
        session.add(row)


def get_history_until(session: Session) -> dict[int, datetime]:
    """Every feed's end of history, by feed id: one query a cycle."""
    rows = session.exec(select(Meta).where(Meta.key.startswith(_PREFIX), Meta.key.endswith(_SUFFIX)))
    out = {}
    for row in rows:
        try:
            out[int(row.key[len(_PREFIX):-len(_SUFFIX)])] = datetime.fromisoformat(row.value)
        except ValueError:
            continue
    return out
