"""One `briefbot run` on SQLite as a service: a second process is refused, /healthz follows
Telegram's reachability, /metrics counts what was sent and what Telegram refused."""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

import httpx

from tests.bot.harness import OWNER
from tests.bot.ui import eventually
from tests.fakes.feed_server import rss
from tests.service.proc import free_port, start_run, stop

ITEM_OLD = {"title": "Earlier talks", "link": "https://news.example/1", "guid": "1",
            "description": "Abbas Araghchi spoke about the talks.", "pubDate": datetime(2026, 11, 18, tzinfo=UTC)}
ITEM_NEW = {"title": "Araghchi heads to Muscat", "link": "https://news.example/2", "guid": "2",
            "description": "Foreign Minister Abbas Araghchi travels to Oman for indirect talks with Witkoff.",
            "pubDate": datetime(2026, 11, 20, tzinfo=UTC)}


def _first_fetch_done(path) -> bool:
    with sqlite3.connect(path, timeout=5) as conn:
        return conn.execute("SELECT count(*) FROM feed WHERE last_ok_at IS NOT NULL").fetchone()[0] == 1


def _get(port: int, path: str) -> httpx.Response | None:
    try:
        return httpx.get(f"http://127.0.0.1:{port}{path}", timeout=2)
    except httpx.HTTPError:
        return None


def _status(port: int) -> int | None:
    answer = _get(port, "/healthz")
    return answer.status_code if answer is not None else None


def _metric(port: int, name: str, labels: str) -> float:
    answer = _get(port, "/metrics")
    for line in (answer.text if answer is not None else "").splitlines():
        if line.startswith(f"{name}{{{labels}}} "):
            return float(line.split()[-1])
    return 0.0


async def test_second_process_on_one_sqlite_file_is_refused_naming_the_first(fake_telegram, tmp_path):
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    first = start_run(fake_telegram, tmp_path, url, name="first")
    try:
        await fake_telegram.wait_for_call("getUpdates", timeout=60)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DATABASE_URL"))}
        env.update({"TELEGRAM_BOT_TOKEN": fake_telegram.token, "TELEGRAM_API_URL": fake_telegram.base_url,
                    "DATABASE_URL": url, "BRIEFBOT_DEFAULT_FEEDS": "false"})
        second = await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path,
                                         env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1, second.stderr  # one clear line, nothing opened before it
        assert lines[0].startswith("briefbot run: another briefbot is already running on")
        assert f"pid {first.pid} on host {socket.gethostname()}" in lines[0]
        assert "already running" in lines[0] and "PostgreSQL" in lines[0]
        assert first.poll() is None  # the first one goes on answering
        fake_telegram.user_message(501, "/start")
        await fake_telegram.wait_for_sent(1, chat_id=501, timeout=15)
    finally:
        stop(first)


async def test_a_start_asks_getme_once_and_sets_the_menus_after_the_first_poll(fake_telegram, tmp_path):
    fake = fake_telegram
    proc = start_run(fake, tmp_path, f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        await fake.wait_for_call("getUpdates", timeout=60)
        await fake.wait_for_call("setMyCommands", n=2, timeout=15)  # default scope, then the owner's chat
        assert [c["command"] for c in fake.commands_for()][:1] == ["start"]
        assert len(fake.commands_for({"type": "chat", "chat_id": OWNER})) > len(fake.commands_for())
        assert len(fake.calls("getMe")) == 1  # PTB's own initialize; no second check before it
        fake.user_message(501, "/start")
        await fake.wait_for_sent(1, chat_id=501, timeout=15)
    finally:
        stop(proc)


async def test_healthz_follows_telegram_and_metrics_count_a_429_and_a_send(fake_telegram, feed_server, tmp_path):
    fake, port = fake_telegram, free_port()
    feed_server.set_feed("/rss", rss([ITEM_OLD]))
    proc = start_run(fake, tmp_path, f"sqlite:///{tmp_path / 'bot.db'}",
                     BRIEFBOT_HTTP_PORT=str(port), BRIEFBOT_HEALTH_STALE_SECONDS="3")
    try:
        await fake.wait_for_call("getUpdates", timeout=60)
        await eventually(lambda: _status(port) == 200, 30)

        # Telegram stops answering the update loop: 503 with the reason; back to 200 when it returns.
        fake.slow("getUpdates", 600)
        await eventually(lambda: _status(port) == 503, 30)
        reasons = _get(port, "/healthz").json()["reasons"]
        assert any("not reached Telegram" in r for r in reasons), reasons
        fake.slow("getUpdates", 0)
        await eventually(lambda: _status(port) == 200, 40)

        # An alert to one chat: Telegram first answers 429, then accepts it.
        fake.user_message(501, "/start")
        fake.user_message(111, f"/feed add {feed_server.url('/rss')}")
        await fake.wait_for_sent(2, timeout=15)
        await eventually(lambda: _first_fetch_done(tmp_path / "bot.db"), 60)  # history only
        sent_before = _metric(port, "briefbot_messages_sent_total", 'outcome="sent"')
        fake.fail_next("sendMessage", 429, retry_after=1)
        feed_server.set_feed("/rss", rss([ITEM_NEW, ITEM_OLD]))
        await eventually(lambda: any(m.text.startswith("🔔") for m in fake.sent_to(501)), 60)
        await eventually(lambda: _metric(port, "briefbot_messages_sent_total", 'outcome="sent"') >= sent_before + 1, 10)
        assert _metric(port, "briefbot_messages_sent_total", 'outcome="429"') == 1
        assert _metric(port, "briefbot_retry_after_seconds_count", "") == 0  # labelled series only
        page = _get(port, "/metrics").text
        assert "briefbot_retry_after_seconds_sum 1.0" in page
        assert "briefbot_alert_delivery_seconds_count 1.0" in page
        assert 'briefbot_alerts_queued_total{kind="alert"} 1.0' in page
        assert "briefbot_outbox_depth 0.0" in page
    finally:
        stop(proc)
