"""Start-up and CLI behaviour a new user meets first: one clear line per failure, no
traceback, no token on screen, quiet logs, and feeds that behave as the README says."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
from datetime import UTC, datetime

import pytest
from telegram import Bot

from bot.cli import main
from bot.startup import StartupError, configure_logging, mask_token, wait_for_telegram
from tests.bot.test_cli import env  # noqa: F401  (fixture)
from tests.fakes.feed_server import rss

TOKEN = "123456789:AAEsecretsecretsecretsecretsecret12"
ITEM = {"title": "Araghchi in Muscat", "link": "https://news.example/1", "guid": "1",
        "description": "Talks in Muscat.", "pubDate": datetime(2026, 11, 20, tzinfo=UTC)}


def child_env(**extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DATABASE_URL"))}
    env.update(extra)
    return env


async def run_cli(*args: str, env: dict[str, str], cwd) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", *args, env=env, cwd=cwd,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode, out.decode(), err.decode()


def test_mask_token_keeps_only_the_bot_id():
    assert mask_token(TOKEN) == "123456789:…"
    assert mask_token("garbage") == "…" and mask_token(None) == "…"


async def test_rejected_token_is_one_line_with_the_token_masked(feed_server, tmp_path):
    for status in (401, 404):  # 404: a plain-text answer (a proxy, a wrong TELEGRAM_API_URL)
        if status == 401:
            feed_server.set_status(f"/bot{TOKEN}/getMe", 401)
        base = feed_server.url("/bot" if status == 401 else "/elsewhere/bot")
        code, out, err = await run_cli("run", cwd=tmp_path, env=child_env(
            TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=base, DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}"))
        assert code == 2, err
        assert "Traceback" not in err and "AAEsecret" not in err and "AAEsecret" not in out
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and "Telegram rejected the token 123456789:…" in lines[0], err
        assert f"({status}" in lines[0] or ("Unauthorized" if status == 401 else "Not Found") in lines[0]


async def test_telegram_unreachable_at_start_is_retried_one_line_per_attempt(tmp_path):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=tmp_path, stderr=asyncio.subprocess.PIPE,
        env=child_env(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL="http://127.0.0.1:1/bot",
                      DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}"))
    lines: list[str] = []
    try:
        while sum("not reachable" in line for line in lines) < 2:
            line = await asyncio.wait_for(proc.stderr.readline(), 30)
            assert line, f"the bot exited instead of retrying: {lines}"
            lines.append(line.decode())
    finally:
        proc.terminate()
        await proc.wait()
    attempts = [line for line in lines if "not reachable" in line]
    assert "attempt 1" in attempts[0] and "trying again in 1 s" in attempts[0]
    assert "attempt 2" in attempts[1] and "trying again in 2 s" in attempts[1]
    assert not any("Traceback" in line or "AAEsecret" in line for line in lines)
    assert len(lines) == 2  # nothing else: one line per attempt


async def test_wait_for_telegram_backs_off_then_returns_once_it_answers(feed_server):
    path = f"/bot{TOKEN}/getMe"
    feed_server.set_status(path, 502)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            feed_server.set_page(path, json.dumps({"ok": True, "result": {
                "id": 123456789, "is_bot": True, "first_name": "Brief", "username": "brief_test_bot"}}))

    async with contextlib.AsyncExitStack() as stack:
        bot = Bot(TOKEN, base_url=feed_server.url("/bot"))
        stack.push_async_callback(bot.shutdown)
        assert await wait_for_telegram(bot, feed_server.url("/bot"), sleep=sleep) == "brief_test_bot"
        assert waits == [1, 2, 4]
        unreachable = Bot(TOKEN, base_url="http://127.0.0.1:1/bot")
        stack.push_async_callback(unreachable.shutdown)
        with pytest.raises(StartupError, match="not reachable"):
            await wait_for_telegram(unreachable, "http://127.0.0.1:1/bot", sleep=sleep, max_attempts=1)


def test_database_url_problems_are_one_clear_line(env, capsys, monkeypatch):  # noqa: F811
    (env / "afile").write_text("not a folder")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{env / 'afile' / 'briefbot.db'}")
    assert main(["feeds", "list"]) == 2
    err = capsys.readouterr().err
    assert "cannot create the folder" in err and "DATABASE_URL" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setenv("DATABASE_URL", "mysql://user:pw@localhost/briefbot")
    assert main(["feeds", "list"]) == 2
    err = capsys.readouterr().err
    assert "mysql" in err and "SQLite" in err and "PostgreSQL" in err and "postgres extra" not in err


def test_default_feeds_choice_at_first_start_is_kept(env, capsys, monkeypatch):  # noqa: F811
    assert main(["feeds", "list"]) == 0  # first start with BRIEFBOT_DEFAULT_FEEDS=false
    assert "no feeds" in capsys.readouterr().out
    monkeypatch.delenv("BRIEFBOT_DEFAULT_FEEDS")
    assert main(["feeds", "list"]) == 0
    assert "no feeds" in capsys.readouterr().out


async def cli(capsys, *args: str) -> tuple[int, str, str]:
    """``main(args)`` in a worker thread (it runs its own event loop; the feed server runs in ours)."""
    code = await asyncio.to_thread(main, list(args))
    out, err = capsys.readouterr()
    return code, out, err


async def test_cli_feed_add_refuses_a_broken_feed_and_ingest_all_refetches(env, capsys, monkeypatch,  # noqa: F811
                                                                           feed_server):
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_URLS", "true")
    feed_server.set_feed("/rss", rss([ITEM]))
    code, out, err = await cli(capsys, "feeds", "add", feed_server.url("/missing"))
    assert code == 2 and "not added: HTTP 404 Not Found" in err and "--paused" in err
    code, out, err = await cli(capsys, "feeds", "add", feed_server.url("/missing"), "--paused")
    assert code == 0 and "paused: HTTP 404 Not Found" in out
    code, out, err = await cli(capsys, "feeds", "add", feed_server.url("/rss"))
    assert code == 0 and "Added Test feed" in out
    code, out, err = await cli(capsys, "feeds", "list")
    assert "/rss  [new] never fetched, next: due now  items: 0" in out
    assert "/missing  [paused]" in out and "not fetched while paused" in out

    code, out, err = await cli(capsys, "ingest", "--once")
    assert f"{feed_server.url('/rss')}: 1 new item, 0 alerts queued" in out
    code, out, err = await cli(capsys, "ingest", "--once")
    assert "no feed is due" in out and "--all" in out
    hits = feed_server.hits("/rss")
    code, out, err = await cli(capsys, "ingest", "--once", "--all")
    assert code == 0 and f"{feed_server.url('/rss')}:" in out and feed_server.hits("/rss") == hits + 1
    code, out, err = await cli(capsys, "feeds", "list")
    assert "/rss  [ok] last fetch: " in out and "next: 20" in out  # a date, not "due now"


async def test_cli_commands_print_no_library_chatter(tmp_path):
    env = child_env(DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}", BRIEFBOT_DEFAULT_FEEDS="false")
    code, out, err = await run_cli("feeds", "list", env=env, cwd=tmp_path)
    assert code == 0 and err == ""  # alembic's seven INFO lines are gone
    code, out, err = await run_cli("--verbose", "feeds", "list", env=dict(env, DATABASE_URL=f"sqlite:///{tmp_path / 'v.db'}"),
                                   cwd=tmp_path)
    assert code == 0 and "alembic" in err  # --verbose shows them


def test_a_wrong_log_level_is_one_clear_line(env, capsys, monkeypatch):  # noqa: F811
    monkeypatch.setenv("BRIEFBOT_LOG_LEVEL", "loud")
    assert main(["feeds", "list"]) == 2
    err = capsys.readouterr().err
    assert "BRIEFBOT_LOG_LEVEL 'loud' is not a log level" in err and "Traceback" not in err


def test_default_level_silences_the_job_queue_and_verbose_brings_it_back():
    root = logging.getLogger().level
    try:
        configure_logging("INFO")
        assert not logging.getLogger("apscheduler.executors.default").isEnabledFor(logging.INFO)
        assert logging.getLogger("bot.scheduling").isEnabledFor(logging.INFO)
        configure_logging("INFO", verbose=True)
        assert logging.getLogger("apscheduler.executors.default").isEnabledFor(logging.INFO)
    finally:
        configure_logging("INFO", verbose=True)  # libraries back to inheriting
        logging.getLogger().setLevel(root)


def test_a_missing_extractor_stops_ingest_at_start(env, capsys, monkeypatch):  # noqa: F811
    monkeypatch.setitem(sys.modules, "lxml_html_clean", None)  # as if pip had not installed it
    assert main(["ingest", "--once"]) == 2
    err = capsys.readouterr().err
    assert "full-text extractor cannot load (lxml_html_clean" in err and "Traceback" not in err


def test_ingest_logs_one_line_per_cycle_and_a_warning_per_failed_feed(caplog):
    from bot.scheduling import log_ingest
    from jobs.ingest import FeedRun

    with caplog.at_level(logging.INFO, logger="bot.scheduling"):
        log_ingest([FeedRun("https://a.example/rss", "not_modified"), FeedRun("https://b.example/rss", "not_modified")])
        assert caplog.records == []  # nothing happened: nothing to say
        log_ingest([FeedRun("https://a.example/rss", "new", 3, 1), FeedRun("https://b.example/rss", "not_modified"),
                    FeedRun("https://c.example/rss", "error", error="HTTP 500 Internal Server Error")])
    lines = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert lines == [("WARNING", "ingest https://c.example/rss: error: HTTP 500 Internal Server Error"),
                     ("INFO", "ingest: 3 feeds checked, 3 new items, 1 alert queued, 1 failed")]


def test_briefing_preview_answers_to_its_name_and_the_old_one(env, capsys):  # noqa: F811
    for name in ("briefing", "digest"):
        assert main([name, "--chat", "424242", "--preview"]) == 2
        assert "no chat with the id 424242" in capsys.readouterr().err


def test_cli_pause_resume_and_watchlist_import_merges_unless_replace(env, capsys):  # noqa: F811
    import tomllib

    import tomli_w

    from bot.cli import _open_db, _settings
    from storage import feeds as feed_store

    db = _open_db(_settings())
    with db.session() as s:
        feed_store.add_feed(s, "https://93.184.216.34/rss", datetime(2026, 11, 20, tzinfo=UTC))
    db.dispose()
    assert main(["feeds", "pause", "https://93.184.216.34/rss"]) == 0
    assert main(["feeds", "list"]) == 0
    assert "[paused]" in capsys.readouterr().out
    assert main(["feeds", "resume", "https://93.184.216.34/rss"]) == 0
    assert main(["feeds", "list"]) == 0
    assert "[new]" in capsys.readouterr().out

    only = {"officials": [{"name": "Ali Larijani", "aliases": ["Larijani"]}]}
    (env / "one.toml").write_text(tomli_w.dumps(only), encoding="utf-8")
    assert main(["watchlist", "import", "one.toml"]) == 0
    assert "watchlist merged: 1 added, 0 changed, 0 removed" in capsys.readouterr().out
    assert main(["watchlist", "import", "one.toml", "--replace"]) == 0
    out = capsys.readouterr().out
    assert "watchlist replaced: 0 added" in out and "0 removed" not in out
    assert main(["watchlist", "export"]) == 0
    assert [o["name"] for o in tomllib.loads(capsys.readouterr().out)["officials"]] == ["Ali Larijani"]
