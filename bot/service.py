"""`briefbot run` as a service: one leader receives updates and delivers, every replica ingests.

Roles:
- SQLite: one process per database file (storage.locks.hold_process_lock); it is the leader.
- PostgreSQL: replicas elect a leader with a session-scoped advisory lock (storage.locks.
  LeaderLock). Standbys try again every ``leader_seconds``; a killed leader's session ends, the
  server drops its lock, and a standby takes over at its next try. A leader that finds its
  lock gone (connection lost) stops polling and delivering at once.
Every replica runs the ingest job (feeds are claimed with SKIP LOCKED and a lease, see
storage.feeds.claim_due_feeds). The leader alone polls Telegram (or serves the webhook),
delivers the outbox and queues briefings. Becoming the leader first returns outbox rows that
another process claimed to ``pending`` (the dead leader's in-flight sends: the documented
at-least-once window).

This replaces ``Application.run_polling`` with the same steps (initialize, post_init, start,
updater, stop, post_stop, shutdown, post_shutdown) plus the role loop.

A start on a SQLite file whose schema is current (storage.schema_check, asked before
SQLAlchemy is imported) polls first: the Service gets no database but ``open_db``, starts
receiving, then opens the database in a worker thread (SQLAlchemy, the models, the handlers'
modules: about half of a start's CPU) while updates wait at the gate (bot.app); then the jobs,
the hand-back of old claims and the command menus follow. Every other start opens the
database first, as the leader election needs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from telegram.error import TelegramError
from telegram.ext import Application

from bot.health import Health, start_http
from bot.scheduling import schedule_leader_jobs, stop_leader_jobs
from bot.settings import DEFAULT_API_URL, Settings
from bot.startup import wait_for_telegram
from core.render import plural
from storage.locks import LeaderLock, ProcessLock, describe_process

if TYPE_CHECKING:
    from storage.db import Database

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "channel_post"]


def webhook_secret(settings: Settings) -> str:
    """The configured secret, or one derived from the token: the same on every replica."""
    if settings.webhook_secret:
        return settings.webhook_secret
    return hashlib.sha256(f"briefbot-webhook:{settings.telegram_bot_token}".encode()).hexdigest()[:48]


class Service:
    """The role loop and the leader's duties for one process."""

    def __init__(self, application: Application, settings: Settings, db: Database | None, *,
                 open_db: Callable[[], Database] | None = None) -> None:
        """``db`` None: a SQLite start that polls first and calls ``open_db`` (in a thread) after."""
        if db is None and open_db is None:
            raise ValueError("a Service needs a database or a way to open one")
        self.app = application
        self.settings = settings
        self.db = db
        self._open_db = open_db
        self.health: Health = application.bot_data["health"]
        self.owner = describe_process()
        self.leading = False
        self.receiving = False
        postgres = db is not None and db.engine.dialect.name == "postgresql"
        self._lock = LeaderLock(db.engine, f"briefbot {self.owner}") if postgres else None
        self._process_lock = None
        self._menus: asyncio.Task | None = None

    def hold(self, process_lock: ProcessLock | None) -> None:
        """Keep the SQLite process lock (see claim_process) until close."""
        self._process_lock = process_lock

    async def run(self, stop: asyncio.Event) -> None:
        if self._lock is None:
            self.health.election_interval = None
            await self._become_leader()
            await stop.wait()
            return
        self.health.election_interval = self.settings.leader_seconds
        self.health.set_role(False)
        told_standby = False
        while not stop.is_set():
            self.health.election_tick()
            if not self.leading:
                if await asyncio.to_thread(self._lock.try_acquire):
                    log.info("leader now: %s receives updates and delivers", self.owner)
                    await self._become_leader()
                elif not told_standby:
                    holder = await asyncio.to_thread(self._lock.holder)
                    log.info("standby: ingesting only; the leader is %s", holder or "starting")
                    told_standby = True
            elif not await asyncio.to_thread(self._lock.still_held):
                log.warning("leadership lost (database connection to the lock ended); stopping delivery")
                await self._step_down()
                told_standby = False
            elif not self.receiving:
                await self._start_receiving()  # Telegram was unreachable at the last try
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.leader_seconds)

    async def _become_leader(self) -> None:
        if self.db is None:  # poll first; the gate holds updates until the database is open
            await self._start_receiving()
            await self._open_database()
        released = await asyncio.to_thread(self._release_old_claims)
        if released:
            log.info("returned %s claimed by an earlier leader to the queue", plural(released, "outbox row"))
        self.leading = True
        self.health.set_role(True)
        schedule_leader_jobs(self.app, self.settings)
        if not self.receiving:
            await self._start_receiving()
        if self._menus is None:  # once per process, after the first poll: nothing waits for them
            self._menus = asyncio.create_task(self._set_menus(), name="command menus")

    async def _set_menus(self) -> None:
        from bot.app import register_commands

        try:
            await register_commands(self.app)
        except Exception as e:  # the menus are a convenience; commands work without them
            log.warning("command menus not set: %s", e)

    async def _open_database(self) -> None:
        """Open the database in a worker thread, attach it, open the gate. If that fails the
        gate drops what waits (the process is stopping with the error) and the error goes up."""
        from bot.app import attach_database

        try:
            db, http = await asyncio.to_thread(self._open_in_thread)
        except BaseException:
            self.app.bot_data.failed = True
            self.app.bot_data.ready.set()
            raise
        self.db = db
        attach_database(self.app, self.settings, db, http=http, leader_jobs=False, defaults=False)

    def _open_in_thread(self):
        """Open (and prepare) the database, and import what handlers and jobs need, off the loop."""
        from bot.app import import_handlers
        from jobs import deliver, metrics  # noqa: F401  (imported here, not on the event loop)
        from jobs.fetch import make_client
        from storage import outbox  # noqa: F401

        db = self._open_db()
        import_handlers()
        return db, make_client()

    def _release_old_claims(self) -> int:
        """Rows another process claimed (the dead leader's) go back to the queue now."""
        from storage import outbox

        owner = self.app.bot_data.runtime.deliverer.owner  # what this process's claims are marked with
        with self.db.session() as s:
            return outbox.release_claims_not_owned_by(s, owner)

    async def _start_receiving(self) -> None:
        updater = self.app.updater
        try:
            if self.settings.webhook_url:
                url = self.settings.webhook_url
                await updater.start_webhook(listen=self.settings.webhook_listen, port=self.settings.webhook_port,
                                            url_path=urlsplit(url).path.lstrip("/"), webhook_url=url,
                                            secret_token=webhook_secret(self.settings),
                                            allowed_updates=ALLOWED_UPDATES)
                log.info("receiving updates by webhook at %s (listening on port %d)", url, self.settings.webhook_port)
            else:
                await updater.start_polling(allowed_updates=ALLOWED_UPDATES, timeout=10)
            self.receiving = True
        except (TelegramError, OSError) as e:
            log.warning("could not start receiving updates (%s); trying again in %g s", e, self.settings.leader_seconds)
            with contextlib.suppress(Exception):
                if updater.running:
                    await updater.stop()

    async def _step_down(self) -> None:
        self.leading = False
        self.health.set_role(False)
        stop_leader_jobs(self.app)
        if self.app.updater.running:
            await self.app.updater.stop()
        self.receiving = False

    async def stop_receiving(self) -> None:
        if self.app.updater.running:
            await self.app.updater.stop()

    async def close(self) -> None:
        """Give up the locks: after delivery has stopped, so a successor never races our last sends."""
        if self._menus is not None and not self._menus.done():
            self._menus.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._menus
        if self._lock is not None:
            await asyncio.to_thread(self._lock.release)
        if self._process_lock is not None:
            self._process_lock.release()


async def serve(application: Application, settings: Settings, service: Service) -> None:
    """Run until SIGINT/SIGTERM: health server, PTB application, role loop; then shut down in order.

    ``Application.initialize`` makes the one getMe of the start, retried while Telegram is
    unreachable (bot.startup.wait_for_telegram; a refused token raises StartupError). Until it
    answers, SIGTERM and SIGINT end the process as they would any program."""
    http = await start_http(service.health, lambda: service.db, settings.http_port) if settings.http_port else None
    try:
        name = await wait_for_telegram(application.bot, settings.telegram_api_url, initialize=application.initialize)
        # Only a plain SQLite file URL (no password) is not open yet: storage.schema_check.
        database = service.db.engine.url.render_as_string(hide_password=True) if service.db else settings.database_url
        log.info("briefbot starting as @%s (database %s, API %s)", name, database,
                 "official" if settings.telegram_api_url == DEFAULT_API_URL else settings.telegram_api_url)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        if application.post_init:
            await application.post_init(application)
        await application.start()
        try:
            await service.run(stop)
        finally:
            await service.stop_receiving()
            await application.stop()  # the deliver job sees it, finishes its sends and hands back the rest
            if application.post_stop:
                await application.post_stop(application)
            await service.close()
    finally:
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
        if http is not None:
            await http.cleanup()
