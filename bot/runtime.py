"""What handlers and jobs share at run time: ``Runtime`` in a typed ``bot_data``.

The application is built with ``CONTEXT_TYPES``, so ``context.bot_data`` is a ``BotData``
and handlers take a ``Context``; ``runtime(context)`` is the one way to reach the
settings, the database, the HTTP client and the clock.

Until the database is open (`briefbot run` may poll before it, see bot.service) ``runtime``
is None, and every update waits at the gate bot.app puts before the handlers
(``BotData.ready``). Storage and jobs are imported when a Runtime is made, not with this
module, which the application needs before its first poll.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.settings import Settings

if TYPE_CHECKING:
    import httpx
    from sqlmodel import Session

    from jobs.deliver import Deliverer
    from jobs.detector import DetectorCache
    from storage.db import Database

T = TypeVar("T")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _detector_cache() -> DetectorCache:
    from jobs.detector import DetectorCache

    return DetectorCache()


def _deliverer() -> Deliverer:
    from jobs.deliver import Deliverer

    return Deliverer()


@dataclass
class Runtime:
    settings: Settings
    db: Database
    detector: DetectorCache = field(default_factory=_detector_cache)
    http: httpx.AsyncClient | None = None
    clock: Callable[[], datetime] = utc_now
    deliverer: Deliverer = field(default_factory=_deliverer)  # this process's claims and rate limits

    async def in_session(self, work: Callable[[Session], T]) -> T:
        """Run ``work(session)`` in a worker thread, as one transaction.

        Handlers use it for every database call, so a write that waits for a lock (an
        ingest in progress) holds a thread, never the event loop that serves the other
        chats and runs the delivery job.
        """
        def run() -> T:
            with self.db.session() as s:
                return work(s)

        return await asyncio.to_thread(run)

    def zone_of(self, chat_id: int) -> ZoneInfo:
        """The zone times are shown in for a chat: its own, else BRIEFBOT_TIMEZONE."""
        from core.prefs import zone_named
        from storage import chats

        with self.db.session() as s:
            chat = chats.get_chat(s, chat_id)
        return chat.zone if chat is not None else zone_named(self.settings.timezone)

    def is_owner(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.admins

    def is_admin(self, user_id: int | None) -> bool:
        if user_id is None:
            return False
        if self.is_owner(user_id):
            return True
        from storage import admin as admin_store

        with self.db.session() as s:
            return admin_store.is_admin(s, user_id)


class BotData:
    """PTB's ``bot_data``, typed: the runtime, and the health heartbeats (bot.health.Health).

    Broadcasts waiting for their confirm button are in the database (storage.pending), so any
    replica, or the process after a restart, can finish them.
    """

    def __init__(self) -> None:
        self.runtime: Runtime | None = None  # None until the database is open
        self.health = None  # bot.health.Health, set by build_application
        self.send_limits = None  # jobs.ratelimit.SendLimits: one budget for delivery and replies (bot.app)
        self.ready = asyncio.Event()  # set with the runtime (bot.app.attach_database), or on failure
        self.failed = False  # the database could not be opened: waiting updates are dropped

    # Item access, for code written against the plain dict ("runtime", "health", ...).
    def __getitem__(self, key: str):
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value) -> None:
        setattr(self, key, value)


Context = CallbackContext[ExtBot[None], dict, dict, BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)


def runtime(context: CallbackContext) -> Runtime:
    return context.application.bot_data.runtime
