"""`briefbot run` killed during a fan-out, as a real process against the fake Bot API
(issue 13 rows 7-8): SIGTERM stops cleanly (no rows left ``sending``, no asyncio noise, no
repeat); kill -9 loses nothing and repeats at most one message per chat per kill (the one in
flight). Seeded, bounded in time, SQLite and PostgreSQL; the counts are printed. One SIGTERM
and one kill -9 by default; two of each with BRIEFBOT_LONG_TESTS=1."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from storage import chats, outbox
from storage.db import open_database
from tests.bot.ui import eventually
from tests.conftest import LONG_TESTS, database_url

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
CHATS = [1000 + n for n in range(24)] + [-5000 - n for n in range(4)]  # private chats and groups
PER_CHAT = 4
NOISE = ("CancelledError", "Task was destroyed", "Event loop is closed", "Traceback")


def seed(url: str) -> None:
    db = open_database(url)
    with db.session() as s:
        for chat_id in CHATS:
            chat, _ = chats.subscribe_chat(s, chat_id, NOW, type="group" if chat_id < 0 else "private")
            # No daily briefing: run on the wall clock, a process alive past the first briefing tick
            # (5 s, under load) after 08:00 UTC would rightly queue a late one to every chat.
            chats.update_chat(s, chat_id, briefing_enabled=False)
            for k in range(PER_CHAT):
                outbox.enqueue(s, chat.id, "alert", f"a{k}", f"alert {k} for {chat_id}", NOW)
    db.dispose()


def outbox_counts(url: str) -> Counter:
    db = open_database(url)
    with db.engine.connect() as c:
        counts = Counter(dict(c.execute(text("SELECT status, count(*) FROM outbox GROUP BY status")).all()))
    db.dispose()
    return counts


def start(fake, url: str, tmp_path, n: int) -> tuple[subprocess.Popen, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DATABASE_URL"))}
    env.update({
        "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.base_url, "DATABASE_URL": url,
        "BRIEFBOT_DEFAULT_FEEDS": "false", "BRIEFBOT_DELIVER_SECONDS": "0.5",
        "BRIEFBOT_SEND_RATE": "40", "BRIEFBOT_GROUP_SEND_RATE": "600",
    })
    log = open(tmp_path / f"run{n}.log", "w")  # noqa: SIM115 - closed by the caller
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    return proc, log


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_sigterm_and_kill_during_fan_out_lose_nothing_and_repeat_at_most_in_flight(
        fake_telegram, tmp_path, backend):
    fake = fake_telegram
    url = database_url(backend, tmp_path)
    seed(url)
    for chat_id in CHATS:
        fake.add_chat(chat_id, "group" if chat_id < 0 else "private", title="Desk" if chat_id < 0 else None)
    fake.slow("sendMessage", 0.08)  # several sends in flight at any moment
    rng = random.Random(13)
    trials = ["term", "kill", "term", "kill"] if LONG_TESTS else ["term", "kill"]
    total = len(CHATS) * PER_CHAT
    kills = 0
    for n, how in enumerate(trials):
        proc, log = start(fake, url, tmp_path, n)
        try:
            target = len(fake.calls("sendMessage")) + rng.randint(3, 15)
            await eventually(lambda target=target: len(fake.calls("sendMessage")) >= target, 60)
            if how == "term":
                proc.send_signal(signal.SIGTERM)
                assert await asyncio.to_thread(proc.wait, 20) == 0
            else:
                proc.send_signal(signal.SIGKILL)
                await asyncio.to_thread(proc.wait, 10)
                kills += 1
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
            log.close()
        output = (tmp_path / f"run{n}.log").read_text()
        if how == "term":
            assert outbox_counts(url)["sending"] == 0, "a clean stop leaves nothing claimed"
            assert not [w for w in NOISE if w in output], output[-3000:]
    proc, log = start(fake, url, tmp_path, len(trials))  # the last run finishes the fan-out
    try:
        await eventually(lambda: outbox_counts(url)["sent"] == total, 120)
    finally:
        proc.send_signal(signal.SIGTERM)
        await asyncio.to_thread(proc.wait, 20)
        log.close()

    received = Counter((m.chat_id, m.plain_text) for m in fake.sent)
    lost = [(c, k) for c in CHATS for k in range(PER_CHAT) if received[(c, f"alert {k} for {c}")] == 0]
    repeats = Counter(chat for (chat, _), count in received.items() for _ in range(count - 1))
    print(f"\n{backend}: {total} alerts, {len(trials)} stops ({kills} kill -9): lost {len(lost)}, "
          f"repeated {sum(repeats.values())} (per chat at most {max(repeats.values(), default=0)})")
    assert lost == []
    assert all(count <= kills for count in repeats.values()), repeats
    assert len(received) == total
