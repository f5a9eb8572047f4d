"""What a new user tripped over (issue 10), each through the real PTB and the fake Bot API."""

from __future__ import annotations

from sqlmodel import select

from storage import chats, outbox
from storage import feeds as feed_store
from storage.tables import Outbox
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.bot.test_end_to_end import NEWS_ITEM, OLD_ITEM, alerts
from tests.bot.ui import send
from tests.fakes.feed_server import rss

USER = 901


def rows(db, chat_id):
    with db.session() as s:
        ref = chats.get_chat(s, chat_id).id
        return [(r.kind, r.status) for r in s.exec(select(Outbox).where(Outbox.chat_ref == ref).order_by(Outbox.id))]


async def test_stop_drops_the_chats_queued_messages(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        await command(fake, USER, "/start")
        with db.session() as s:
            outbox.enqueue(s, chats.get_chat(s, USER).id, "alert", "story:1", "🔔 queued before /stop", clock())
        assert "no more alerts here" in await command(fake, USER, "/stop")
        assert rows(db, USER) == [("alert", "dead")]
        _, report = await cycle(app)
        assert report.sent == 0 and not alerts(fake, USER)


async def test_every_time_a_chat_sees_is_in_its_zone(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    feed_server.set_feed("/rss", rss([OLD_ITEM]))
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        await command(fake, USER, "/start")
        assert "Asia/Tehran" in await command(fake, USER, "/timezone Asia/Tehran")
        await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")
        await cycle(app)
        feed_server.set_feed("/rss", rss([NEWS_ITEM, OLD_ITEM]))
        clock.advance(minutes=10)
        await cycle(app)
        (alert,) = alerts(fake, USER)
        assert "20 Nov 2026 11:30 +0330" in alert.plain_text and "UTC" not in alert.plain_text  # 08:00 UTC
        search = await command(fake, USER, "/search Witkoff")
        assert "20 Nov 2026 11:30 +0330" in search and "UTC" not in search
        latest = await command(fake, USER, "/latest")
        assert "20 Nov 2026 11:30 +0330" in latest
        listing = await command(fake, OWNER, "/feeds")  # the owner's chat has the default zone
        assert "last fetch: 20 Nov 2026 09:10 UTC" in listing and "next: 20 Nov 2026 09:20 UTC" in listing
        await command(fake, OWNER, "/start")
        await command(fake, OWNER, "/timezone Asia/Tehran")
        assert "20 Nov 2026 12:30 +0330 · 111 · feed.add" in await command(fake, OWNER, "/audit 1")
        assert "(since 00:00 +0330)" in await command(fake, OWNER, "/stats")


async def test_start_with_an_unknown_follow_link_keeps_what_the_chat_follows(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        await command(fake, USER, "/start follow_sanctions")
        reply = await command(fake, USER, "/start follow_nobody")
        assert "I don't track “nobody”" in reply and "still follows only sanctions" in reply
        assert "every tracked official" not in reply
        assert "This chat follows: sanctions" in await command(fake, USER, "/follow")


async def test_settings_in_an_unsubscribed_chat_says_nothing_is_sent(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        text = await command(fake, USER, "/settings")
        assert "not subscribed" in text
        assert "Instant alerts: off while this chat is not subscribed" in text
        assert "Daily briefing: off while this chat is not subscribed" in text
        assert "Instant alerts: on" not in text and "Daily briefing: on" not in text


async def test_feed_add_fetches_once_and_refuses_what_does_not_work(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    feed_server.set_status("/gone", 404)
    feed_server.set_page("/page", "<html><head><title>Home</title></head><body><p>Hello</p></body></html>")
    feed_server.set_feed("/rss", rss([OLD_ITEM, NEWS_ITEM], title="Wire"))
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        gone = await command(fake, OWNER, f"/feed add {feed_server.url('/gone')}")
        assert "Not added: HTTP 404 Not Found" in gone and "--paused" in gone
        page = await command(fake, OWNER, f"/feed add {feed_server.url('/page')}")
        assert "Not added: not an RSS or Atom feed: the URL returns an HTML page" in page
        with db.session() as s:
            assert feed_store.list_feeds(s) == []

        ok = await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")
        assert "Added Wire" in ok and "holds 2 items" in ok
        paused = await command(fake, OWNER, f"/feed add {feed_server.url('/gone')} --paused")
        assert "Added" in paused and "paused: HTTP 404 Not Found" in paused
        with db.session() as s:
            gone_feed = next(f for f in feed_store.list_feeds(s) if f.url.endswith("/gone"))
        assert gone_feed.paused and gone_feed.last_error == "HTTP 404 Not Found"
        assert "not an option" in await command(fake, OWNER, f"/feed add {feed_server.url('/rss')} --force")

        assert "Full text for teasers off" in await command(fake, OWNER, f"/feed fulltext {feed_server.url('/rss')} off")
        with db.session() as s:
            assert not next(f for f in feed_store.list_feeds(s) if f.url.endswith("/rss")).full_text


async def test_plain_text_in_private_gets_a_hint_and_refusals_name_the_user_id(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        hint = await command(fake, USER, "what is new on the talks?")
        assert "/help" in hint and "/search" in hint
        refusal = await command(fake, USER, "/feeds")
        assert "only briefbot admins" in refusal and f"Your user id is {USER}" in refusal
        before = len(fake.sent_to(-500))
        fake.user_message(-500, "chatting in a group", user_id=USER, chat_type="group")
        await command(fake, -500, "/help", user_id=USER, chat_type="group")
        assert len(fake.sent_to(-500)) == before + 1  # only /help answered: a group's talk is not for the bot


async def test_wording_of_help_feeds_and_test(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        why = next(line for line in (await command(fake, USER, "/help")).splitlines() if line.startswith("/why"))
        assert why.count("reply to an alert") <= 1 and why.lower().count("reply") == 1
        with db.session() as s:
            feed_store.add_feed(s, "http://127.0.0.1:9/untitled.xml", clock())
        listing = await command(fake, OWNER, "/feeds")
        assert listing.count("http://127.0.0.1:9/untitled.xml") == 1 and "not fetched yet" in listing
        tested = await command(fake, OWNER, "/test Iran's top diplomat met the envoy")
        assert "(Iran's top diplomat)" not in tested and "1 match" in tested
        assert "match(es)" not in tested


def test_application_sets_html_defaults_once_and_types_its_bot_data(fake_telegram, sqlite_db, clock):
    from bot.app import build_application
    from bot.runtime import BotData, Runtime

    app = build_application(make_settings(fake_telegram, str(sqlite_db.engine.url)), sqlite_db, clock=clock, jobs=False)
    assert app.bot.defaults.parse_mode == "HTML" and app.bot.defaults.link_preview_options.is_disabled
    assert isinstance(app.bot_data, BotData) and isinstance(app.bot_data.runtime, Runtime)


async def test_a_handler_waiting_on_a_database_lock_does_not_freeze_the_event_loop(fake_telegram, sqlite_db, clock):
    import asyncio
    import sqlite3
    import threading
    import time

    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        await command(fake, USER, "/start")
        locked, release = threading.Event(), threading.Event()

        def hold_write_lock() -> None:  # an ingest writing a large batch
            conn = sqlite3.connect(db.engine.url.database, timeout=5)
            conn.execute("BEGIN IMMEDIATE")
            locked.set()
            release.wait(5)
            time.sleep(1.0)
            conn.commit()
            conn.close()

        holder = threading.Thread(target=hold_write_lock)
        holder.start()
        locked.wait(5)
        before = len(fake.sent_to(USER))
        fake.user_message(USER, "/alerts off")
        release.set()
        loop = asyncio.get_running_loop()
        gaps, last, deadline = [], loop.time(), loop.time() + 10
        while len(fake.sent_to(USER)) == before and loop.time() < deadline:
            await asyncio.sleep(0.02)
            gaps.append(loop.time() - last)
            last = loop.time()
        holder.join()
        assert "Instant alerts off" in fake.sent_to(USER)[-1].plain_text
        assert max(gaps) < 0.5, f"the event loop stalled for {max(gaps):.2f} s"


async def test_a_slow_feed_check_does_not_hold_other_chats_replies(fake_telegram, feed_server, sqlite_db, clock):
    import asyncio

    fake, db = fake_telegram, sqlite_db
    feed_server.set_feed("/slow", rss([OLD_ITEM]))
    feed_server.set_slow("/slow", 1.8)  # under the test client's 2 s read timeout
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        before = len(fake.sent_to(OWNER))
        fake.user_message(OWNER, f"/feed add {feed_server.url('/slow')}")
        await asyncio.sleep(0.2)
        assert "Commands" in await command(fake, USER, "/help")
        assert len(fake.sent_to(OWNER)) == before, "/help was answered only after the feed check"
        await fake.wait_for_sent(before + 1, chat_id=OWNER, timeout=15)
        assert "Added" in fake.sent_to(OWNER)[before].plain_text
