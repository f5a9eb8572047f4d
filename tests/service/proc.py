"""Start `briefbot run` as a real process against the fake Bot API, with its log in a file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.bot.harness import OWNER


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_run(fake, cwd: Path, db_url: str, name: str = "bot", **extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DATABASE_URL"))}
    env.update({
        "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.base_url,
        "DATABASE_URL": db_url, "BRIEFBOT_ADMINS": str(OWNER),
        "BRIEFBOT_ALLOW_PRIVATE_URLS": "true", "BRIEFBOT_DEFAULT_FEEDS": "false",
        "BRIEFBOT_POLL_SECONDS": "1", "BRIEFBOT_DELIVER_SECONDS": "0.5",
    })
    env.update(extra)
    log = open(cwd / f"{name}.log", "ab")  # a file, not a pipe: a chatty process never blocks on it
    try:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=cwd, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
    finally:
        log.close()


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
