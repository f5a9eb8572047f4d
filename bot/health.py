"""/healthz and /metrics on BRIEFBOT_HTTP_PORT (aiohttp; prometheus-client renders metrics).

/healthz answers 200 while this process's loops are alive and 503 with a JSON reason when
one is stuck: the update loop (leader only) has not reached Telegram for ``stale_seconds``,
the ingest cycle is overdue by three intervals, the leader election loop stopped, or (for the
process that delivers) the oldest due outbox row has waited longer than ``stale_seconds``.
Heartbeats are monotonic-clock readings written by the loops themselves. While a start opens
the database after the first poll (bot.service), /healthz answers 503 "starting".

Nothing heavy is imported with this module (`briefbot run` builds Health before it polls):
prometheus-client and storage are imported where they are used.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from telegram.request import HTTPXRequest

if TYPE_CHECKING:
    from aiohttp import web

    from storage.db import Database

log = logging.getLogger(__name__)


@dataclass
class Health:
    """Heartbeats the loops write and the limits /healthz judges them by."""

    stale_seconds: float = 300
    ingest_interval: float = 60
    election_interval: float | None = None  # set when a leader election loop runs
    receives_updates: bool = True  # this process polls Telegram (SQLite, or the PostgreSQL leader)
    delivers: bool = True
    clock: object = field(default=time.monotonic, repr=False)
    started: float = field(default_factory=time.monotonic)
    telegram_at: float | None = None
    ingest_at: float | None = None
    election_at: float | None = None
    role_since: float = field(default_factory=time.monotonic)

    def telegram_answered(self) -> None:
        self.telegram_at = self.clock()

    def ingest_done(self) -> None:
        self.ingest_at = self.clock()

    def election_tick(self) -> None:
        self.election_at = self.clock()

    def set_role(self, leader: bool) -> None:
        if leader != self.receives_updates:
            self.role_since = self.clock()
        self.receives_updates = self.delivers = leader
        from jobs import metrics

        metrics.IS_LEADER.set(1 if leader else 0)

    def problems(self, oldest_due_age: float | None) -> list[str]:
        """Why this process is unhealthy; empty when it is fine."""
        now, found = self.clock(), []
        if self.receives_updates:
            quiet = now - max(self.telegram_at or 0, self.role_since)
            if quiet > self.stale_seconds:
                found.append(f"the update loop has not reached Telegram for {quiet:.0f} s")
        overdue = now - (self.ingest_at or self.started)
        if overdue > 3 * self.ingest_interval:
            found.append(f"no ingest cycle finished for {overdue:.0f} s (interval {self.ingest_interval:g} s)")
        if self.election_interval is not None:
            stalled = now - (self.election_at or self.started)
            if stalled > 3 * self.election_interval + 5:
                found.append(f"the leader election loop has not run for {stalled:.0f} s")
        if self.delivers and oldest_due_age is not None and oldest_due_age > self.stale_seconds:
            found.append(f"the oldest due outbox row has waited {oldest_due_age:.0f} s")
        return found


class TrackedRequest(HTTPXRequest):
    """PTB's HTTP request that tells Health whenever Telegram answers (used for getUpdates)."""

    def __init__(self, health: Health, **kwargs) -> None:
        super().__init__(**kwargs)
        self._health = health

    async def do_request(self, *args, **kwargs) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        if code < 500:  # a 5xx is a proxy or Telegram failing, not Telegram answering
            self._health.telegram_answered()
        return code, payload


def _queue_age(db: Database) -> tuple[int, float | None]:
    from jobs import metrics
    from storage.queue_health import get_queue_health

    now = datetime.now(UTC)
    with db.session() as s:
        q = get_queue_health(s, now)
    age = (now - q.oldest_due_at).total_seconds() if q.oldest_due_at else None
    metrics.OUTBOX_DEPTH.set(q.waiting)
    metrics.OUTBOX_OLDEST_DUE.set(max(age or 0.0, 0.0))
    return q.waiting, age


def make_web_app(health: Health, database: Callable[[], Database | None]) -> web.Application:
    """``database()`` is None while a start is still opening it: /healthz then says "starting"."""
    from aiohttp import web  # half a second of imports, only when BRIEFBOT_HTTP_PORT is set
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    async def healthz(_request: web.Request) -> web.Response:
        if (db := database()) is None:
            return web.json_response({"status": "starting", "reasons": ["the database is being opened"]}, status=503)
        try:
            waiting, age = await asyncio.to_thread(_queue_age, db)
        except Exception as e:  # the database is down: that is a reason, not a traceback
            return web.json_response({"status": "unhealthy", "reasons": [f"database: {e}"]}, status=503)
        problems = health.problems(age)
        body = {"status": "unhealthy" if problems else "ok", "reasons": problems,
                "role": "leader" if health.receives_updates else "standby", "outbox_waiting": waiting}
        return web.json_response(body, status=503 if problems else 200, dumps=json.dumps)

    async def metrics_page(_request: web.Request) -> web.Response:
        try:
            if (db := database()) is not None:
                await asyncio.to_thread(_queue_age, db)
        except Exception:
            log.warning("outbox gauges not refreshed: database unavailable")
        return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    return app


async def start_http(health: Health, database: Callable[[], Database | None], port: int,
                     host: str = "0.0.0.0") -> web.AppRunner:
    """Serve /healthz and /metrics until the returned runner is cleaned up."""
    from aiohttp import web

    runner = web.AppRunner(make_web_app(health, database), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("health and metrics on http://%s:%d/healthz and /metrics", host, port)
    return runner
