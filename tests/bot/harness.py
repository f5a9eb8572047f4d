"""Run the real Application in-process against the fake Bot API, with an injected clock.

Jobs are not scheduled here; tests call ``cycle`` (one ingest then one delivery) so that
time is theirs to move. The subprocess test exercises the real JobQueue schedule.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from telegram.ext import Application

from bot.app import build_application, register_commands, startup
from bot.runtime import Runtime
from bot.scheduling import ingest_options
from bot.sender import TelegramSender
from bot.settings import Settings
from jobs.deliver import deliver_due
from jobs.fetch import make_client
from jobs.ingest import run_ingest
from storage.db import Database

OWNER = 111


def make_settings(fake, db_url: str, **extra) -> Settings:
    values = {
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_URL": fake.base_url,
        "DATABASE_URL": db_url,
        "BRIEFBOT_ADMINS": str(OWNER),
        "BRIEFBOT_ALLOW_PRIVATE_URLS": True,
        "BRIEFBOT_DEFAULT_FEEDS": False,
        "BRIEFBOT_POLL_SECONDS": 600,
    }
    values.update(extra)
    return Settings(**values)


@contextlib.asynccontextmanager
async def running_app(settings: Settings, db: Database, clock) -> AsyncIterator[Application]:
    app = build_application(settings, db, clock=clock, http=make_client(connect_timeout=2, read_timeout=2), jobs=False)
    async with app:
        await startup(app)
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await register_commands(app)  # as bot.service does once updates are being received
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await app.bot_data.runtime.http.aclose()


async def cycle(app: Application):
    """One ingest and one delivery, at the clock's current time."""
    rt: Runtime = app.bot_data.runtime
    runs = await run_ingest(rt.db, rt.http, rt.clock(), rt.detector, ingest_options(rt.settings))
    report = await deliver_due(rt.db, TelegramSender(app.bot), rt.clock())
    return runs, report


async def command(fake, chat_id: int, text: str, *, user_id: int | None = None, chat_type: str | None = None,
                  **kwargs) -> str:
    """Send a command as a user and return the bot's (first) reply's plain text."""
    before = len(fake.sent_to(chat_id))
    fake.user_message(chat_id, text, user_id=user_id, chat_type=chat_type, **kwargs)
    sent = await fake.wait_for_sent(before + 1, chat_id=chat_id)
    return sent[before].plain_text
