"""What handlers and jobs share at run time: ``Runtime`` in a typed ``bot_data``.

The application is built with ``CONTEXT_TYPES``, so ``context.bot_data`` is a ``BotData``
and handlers take a ``Context``; ``runtime(context)`` is the one way to reach the
settings, the database, the HTTP client and the clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

import httpx
from sqlmodel import Session
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.settings import Settings
from core.prefs import zone_named
from jobs.deliver import Deliverer
from jobs.detector import DetectorCache
from storage import admin as admin_store
from storage import chats
from storage.db import Database

T = TypeVar("T")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    detector: DetectorCache = field(default_factory=DetectorCache)
    http: httpx.AsyncClient | None = None
    clock: Callable[[], datetime] = utc_now
    deliverer: Deliverer = field(default_factory=Deliverer)  # this process's claims and rate limits

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
        with self.db.session() as s:
            return admin_store.is_admin(s, user_id)


class BotData:
    """PTB's ``bot_data``, typed: the runtime, and the health heartbeats (bot.health.Health).

    Broadcasts waiting for their confirm button are in the database (storage.pending), so any
    replica, or the process after a restart, can finish them.
    """

    def __init__(self) -> None:
        self.runtime: Runtime | None = None
        self.health = None  # bot.health.Health, set by build_application

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
