"""`briefbot run` as a real process: scheduled jobs deliver alerts, and a SIGKILL while
alerts wait in the outbox neither loses nor repeats any of them."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timezone

from tests.bot.harness import OWNER
from tests.bot.ui import eventually
from tests.fakes.feed_server import rss

ITEM_OLD = {"title": "Earlier talks", "link": "https://news.example/1", "guid": "1",
            "description": "Abbas Araghchi spoke about the talks.", "pubDate": datetime(2026, 11, 18, tzinfo=UTC)}
ITEM_NEW = {"title": "Araghchi heads to Muscat", "link": "https://news.example/2", "guid": "2",
            "description": "Foreign Minister Abbas Araghchi travels to Oman for indirect talks with Witkoff.",
            "pubDate": datetime(2026, 11, 20, tzinfo=UTC)}


def start_bot(fake, tmp_path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DATABASE_URL"))}
    env.update({
        "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.base_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}", "BRIEFBOT_ADMINS": str(OWNER),
        "BRIEFBOT_ALLOW_PRIVATE_URLS": "true", "BRIEFBOT_DEFAULT_FEEDS": "false",
        "BRIEFBOT_POLL_SECONDS": "1", "BRIEFBOT_DELIVER_SECONDS": "0.5",
    })
    # The log goes to a file (read it when a test fails); the parent closes its copy at once,
    # so no pipe is left unread or unclosed.
    with open(tmp_path / "bot.log", "ab") as log:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=log)


def flood_waits(tmp_path) -> int:
    """Alerts the running bot has put back to wait after Telegram's 429."""
    with sqlite3.connect(tmp_path / "bot.db", timeout=5) as conn:
        return conn.execute("SELECT count(*) FROM outbox WHERE kind = 'alert' AND status = 'pending' "
                            "AND last_error LIKE 'flood limit%'").fetchone()[0]


def alert_count(fake, chat_id: int) -> int:
    return sum(1 for m in fake.sent_to(chat_id) if m.text.startswith("🔔"))


async def test_sigkill_with_queued_alerts_loses_and_repeats_nothing(fake_telegram, feed_server, tmp_path):
    fake = fake_telegram
    feed_server.set_feed("/rss", rss([ITEM_OLD]))
    proc = start_bot(fake, tmp_path)
    try:
        await fake.wait_for_call("getUpdates", timeout=60)
        for chat in (501, 502):
            fake.user_message(chat, "/start")
        fake.user_message(OWNER, f"/feed add {feed_server.url('/rss')}")
        await fake.wait_for_sent(3, timeout=60)  # three replies; a loaded machine starts slowly
        await eventually(lambda: feed_server.hits("/rss") >= 2, 60)  # checked when added, then history only

        # Telegram answers the alerts with a flood limit; the process dies while they wait.
        fake.fail_next("sendMessage", 429, retry_after=5, count=2)
        sends_before = len(fake.calls("sendMessage"))
        feed_server.set_feed("/rss", rss([ITEM_NEW, ITEM_OLD]))
        await eventually(lambda: len(fake.calls("sendMessage")) >= sends_before + 2, 60)
        # Kill once both refusals are recorded: a kill inside a send leaves the row "sending",
        # which is re-sent only after the stale-claim delay (minutes), an at-least-once window.
        await eventually(lambda: flood_waits(tmp_path) == 2, 60)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert alert_count(fake, 501) == alert_count(fake, 502) == 0

        proc = start_bot(fake, tmp_path)
        await eventually(lambda: alert_count(fake, 501) == 1 and alert_count(fake, 502) == 1, 60)
        hits = feed_server.hits("/rss")
        await eventually(lambda: feed_server.hits("/rss") >= hits + 2, 60)  # more cycles run
        await asyncio.sleep(1.5)
        assert alert_count(fake, 501) == 1 and alert_count(fake, 502) == 1
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_run_without_token_explains_how_to_get_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "@BotFather" in result.stderr and ".env" in result.stderr
    assert "Traceback" not in result.stderr
