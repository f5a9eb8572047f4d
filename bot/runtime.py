"""What handlers and jobs share at run time, kept in ``application.bot_data``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import httpx
from telegram.ext import CallbackContext

from bot.settings import Settings
from core.prefs import zone_named
from jobs.detector import DetectorCache
from storage import admin as admin_store
from storage import chats
from storage.db import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    detector: DetectorCache = field(default_factory=DetectorCache)
    http: httpx.AsyncClient | None = None
    clock: Callable[[], datetime] = utc_now

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


def runtime(context: CallbackContext) -> Runtime:
    return context.application.bot_data["runtime"]
