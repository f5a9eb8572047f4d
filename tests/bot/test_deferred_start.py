"""A start that polls before its database is open: updates wait at the gate and are answered
once it is; the SQLite schema check that decides it; a failed open drops what waited."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys

import pytest

from bot.app import attach_database, build_application, import_handlers
from jobs.fetch import make_client
from storage.db import make_engine, migrate, open_database
from storage.schema_check import head_revision, sqlite_file, sqlite_is_current
from tests.bot.harness import make_settings

USER = 7001


@pytest.fixture
async def polling_without_database(fake_telegram, tmp_path):
    """The application of a deferred start: polling, no runtime yet."""
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    settings = make_settings(fake_telegram, url)
    app = build_application(settings, None)
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app, settings, url
        finally:
            await app.updater.stop()
            await app.stop()
            if app.bot_data.runtime is not None:
                await app.bot_data.runtime.http.aclose()
                app.bot_data.runtime.db.dispose()


async def test_updates_before_the_database_is_open_are_answered_once_it_is(fake_telegram, polling_without_database,
                                                                           clock):
    app, settings, url = polling_without_database
    fake_telegram.user_message(USER, "/start")
    fake_telegram.user_message(USER, "/help")
    await fake_telegram.wait_for_call("getUpdates", n=2)
    await asyncio.sleep(0.3)
    assert fake_telegram.sent_to(USER) == []  # held at the gate, not answered from a missing database
    assert app.bot_data.runtime is None

    db = await asyncio.to_thread(open_database, url)
    await asyncio.to_thread(import_handlers)
    attach_database(app, settings, db, clock=clock, http=make_client(), jobs=False)
    sent = await fake_telegram.wait_for_sent(2, chat_id=USER, timeout=10)
    assert "Subscribed" in sent[0].plain_text or "subscribed" in sent[0].plain_text.lower()
    assert "/search" in sent[1].plain_text  # the second waited behind the first, in order


async def test_a_failed_open_drops_what_waited_without_a_reply(fake_telegram, polling_without_database):
    app, _settings, _url = polling_without_database
    fake_telegram.user_message(USER, "/start")
    await fake_telegram.wait_for_call("getUpdates", n=2)
    app.bot_data.failed = True
    app.bot_data.ready.set()
    await asyncio.sleep(0.3)
    assert fake_telegram.sent_to(USER) == []


def test_schema_check_says_current_only_for_a_migrated_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert not sqlite_is_current(url)  # no file: the full open creates and migrates it
    assert not (tmp_path / "x.db").exists()  # and the check did not create it
    engine = make_engine(url)
    migrate(engine, "0004")
    assert not sqlite_is_current(url)  # behind: Alembic runs before polling
    migrate(engine)
    engine.dispose()
    assert head_revision() is not None and sqlite_is_current(url)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    assert not sqlite_is_current(f"sqlite:///{tmp_path / 'junk.db'}")
    conn = sqlite3.connect(tmp_path / "empty.db")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert not sqlite_is_current(f"sqlite:///{tmp_path / 'empty.db'}")


@pytest.mark.parametrize(("url", "expected"), [
    ("sqlite:///./data/briefbot.db", "data/briefbot.db"),
    ("sqlite:////abs/b.db", "/abs/b.db"),
    ("sqlite+pysqlite:///b.db", "b.db"),
    ("sqlite://", None), ("sqlite:///:memory:", None), ("sqlite:///b.db?mode=ro", None),
    ("sqlite:///a%20b.db", None), ("postgresql://u:p@h/db", None), ("sqlite+aiosqlite:///b.db", None),
])
def test_only_plain_sqlite_file_urls_are_read_without_sqlalchemy(url, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = sqlite_file(url)
    assert found == (None if expected is None else (tmp_path / expected).resolve())


def test_the_modules_a_start_needs_before_its_first_poll_import_no_storage_stack():
    code = ("import sys, bot.cli, bot.app, bot.service, bot.startup, storage.locks, storage.schema_check\n"
            "heavy = ('sqlalchemy', 'sqlmodel', 'storage.tables', 'prometheus_client', 'feedparser', 'alembic',"
            " 'bot.handlers.admin', 'jobs.deliver')\n"
            "print(','.join(m for m in heavy if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert found == ""


async def test_a_database_that_fails_to_open_after_the_first_poll_stops_the_bot_with_its_error(fake_telegram, tmp_path):
    from bot.service import Service, serve

    settings = make_settings(fake_telegram, f"sqlite:///{tmp_path / 'bot.db'}")
    app = build_application(settings, None)

    def open_db():
        fake_telegram.user_message(USER, "/start")  # arrives while the database is being opened
        raise RuntimeError("cannot open the database at …: disk I/O error")

    service = Service(app, settings, None, open_db=open_db)
    with pytest.raises(RuntimeError, match="disk I/O error"):
        await asyncio.wait_for(serve(app, settings, service), 30)
    assert app.bot_data.failed and not app.running
    assert fake_telegram.sent_to(USER) == []  # dropped at the gate, never answered from no database
