"""Daily briefings: find the chats whose briefing is due and queue it in the outbox.

The database decides what is due (core.briefing_time on each chat's time zone, time and
``last_briefing_on``), so the job can run every minute, twice, or after a restart: the
parts of a briefing and the chat's ``last_briefing_on`` are written in one transaction
under outbox keys "YYYY-MM-DD:part-N", and a second run finds the first part there and
adds nothing. A briefing missed while the bot was down is queued once when it is back,
marked late. Stories are loaded once per run and rendered blocks shared between chats.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from core.briefing import BlockCache, ChatFilter, StoryView, compose_briefing
from core.briefing_time import BriefingDue, briefing_due
from jobs import metrics
from storage import chats, outbox, stories, story_messages
from storage.chats import ChatInfo
from storage.db import Database

FIRST_BRIEFING_SPAN = timedelta(hours=24)  # what a chat's first briefing looks back over


@dataclass(frozen=True)
class BriefingRun:
    chat_id: int
    local_date: date
    parts: int
    late: bool


def chat_filter(follows: list[tuple[str, str]] | tuple = ()) -> ChatFilter:
    return ChatFilter(frozenset(name for _, name in follows))


def due_briefing(chat: ChatInfo, now: datetime) -> BriefingDue | None:
    if not (chat.subscribed and chat.briefing_enabled):
        return None
    last_on = date.fromisoformat(chat.last_briefing_on) if chat.last_briefing_on else None
    return briefing_due(now, chat.zone, chat.briefing_time, last_on, not_before=chat.subscribed_at)


def briefing_since(last_at: datetime | None, now: datetime) -> datetime:
    return last_at if last_at is not None else now - FIRST_BRIEFING_SPAN


def enqueue_due_briefings(db: Database, now: datetime) -> list[BriefingRun]:
    """Queue every due briefing; returns what was queued (one entry per chat)."""
    with db.session() as s:
        due = [(c, d) for c in chats.get_subscribed_chats(s) if (d := due_briefing(c, now)) is not None]
        if not due:
            return []
        follows = chats.get_all_follows(s)
        last_at = story_messages.get_last_briefing_times(s, [c.id for c, _ in due])
        since = {c.id: briefing_since(last_at.get(c.id), now) for c, _ in due}
        pool = stories.get_stories_since(s, min(since.values()), now)
    cache = BlockCache()
    runs = []
    for chat, when in due:
        chosen = [st for st in pool if st.updated_at is None or st.updated_at > since[chat.id]]
        parts = compose_briefing(chosen, chat_filter(follows.get(chat.id, [])), day=when.local_date, now=now,
                                 late=when.late, cache=cache)
        with db.session() as s:
            if enqueue_briefing(s, chat, when.local_date, parts, now):
                runs.append(BriefingRun(chat.chat_id, when.local_date, len(parts), when.late))
    return runs


def enqueue_briefing(session: Session, chat: ChatInfo, day: date, parts: list[str], now: datetime) -> bool:
    """Queue the parts and mark the day done, together; False when that day is already queued."""
    for n, html in enumerate(parts, start=1):
        added = metrics.queued("briefing", outbox.enqueue(session, chat.id, "briefing", f"{day.isoformat()}:part-{n}",
                                                          html, now))
        if not added and n == 1:
            return False
    chats.update_chat(session, chat.chat_id, last_briefing_on=day.isoformat())
    return True


def compose_for_chat(session: Session, chat: ChatInfo, now: datetime, *, on_demand: bool = True,
                     only: frozenset[str] | None = None) -> list[str]:
    """A chat's briefing as of ``now`` without queueing it (for /briefing and the CLI preview)."""
    last_at = story_messages.get_last_briefing_times(session, [chat.id]).get(chat.id)
    pool = stories.get_stories_since(session, briefing_since(last_at, now), now)
    flt = ChatFilter(only) if only else chat_filter(chats.get_follows(session, chat.id))
    return compose_briefing(pool, flt, day=now.astimezone(chat.zone).date(), now=now, on_demand=on_demand)


def latest_stories(session: Session, now: datetime, days: int = 7) -> list[StoryView]:
    return stories.get_stories_since(session, now - timedelta(days=days), now, limit=300)
