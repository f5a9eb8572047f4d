"""The first complete path: an admin adds a feed, a new article naming a tracked official
reaches every subscribed chat exactly once, across cycles and a restart; /stop stops it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from storage import feeds as feed_store
from storage.db import open_database
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.fakes.feed_server import rss

USER = 201
GROUP = -300
GROUP_ADMIN = 301

OLD_ITEM = {"title": "Araghchi says earlier round of talks was useful", "link": "https://news.example/old",
            "guid": "old", "description": "Iran's foreign minister Abbas Araghchi spoke on Monday.",
            "pubDate": datetime(2026, 11, 18, 8, tzinfo=UTC)}
NEWS_ITEM = {"title": "Witkoff & Araghchi to meet in Muscat", "link": "https://news.example/new",
             "guid": "new", "description": "<p>US envoy Steve Witkoff will meet Abbas Araghchi on Saturday, "
                                           "officials said. Oman's foreign minister will mediate.</p>",
             "pubDate": datetime(2026, 11, 20, 8, tzinfo=UTC)}
UNRELATED = {"title": "Football club wins cup final", "link": "https://news.example/sport", "guid": "sport",
             "description": "The home side won 2-1 after extra time.",
             "pubDate": datetime(2026, 11, 20, 8, 30, tzinfo=UTC)}
LATER_ITEM = {"title": "Pezeshkian comments on sanctions relief", "link": "https://news.example/later",
              "guid": "later", "description": "President Masoud Pezeshkian said sanctions relief must come first.",
              "pubDate": datetime(2026, 11, 20, 12, tzinfo=UTC)}


def alerts(fake, chat_id):
    return [m for m in fake.sent_to(chat_id) if m.text.startswith("🔔")]


async def test_alert_reaches_each_subscribed_chat_exactly_once(fake_telegram, feed_server, db_url, clock):
    fake = fake_telegram
    feed_server.set_feed("/rss", rss([OLD_ITEM]), etag='"v1"')
    settings = make_settings(fake, db_url)
    fake.set_member_status(GROUP, GROUP_ADMIN, "administrator")
    db = open_database(db_url)

    async with running_app(settings, db, clock) as app:
        assert "subscribed" in await command(fake, USER, "/start")
        assert "subscribed" in await command(fake, GROUP, "/start", user_id=GROUP_ADMIN, chat_type="group")
        refusal = await command(fake, USER, f"/feed add {feed_server.url('/rss')}")
        assert "only briefbot admins" in refusal
        assert "Added" in await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")

        runs, report = await cycle(app)  # first fetch: history is stored, nothing is alerted
        assert [(r.status, r.new_items, r.alerts) for r in runs] == [("new", 1, 0)] and report.sent == 0

        feed_server.set_feed("/rss", rss([NEWS_ITEM, UNRELATED, OLD_ITEM]), etag='"v2"')
        clock.advance(minutes=10)
        runs, report = await cycle(app)
        assert [(r.new_items, r.alerts) for r in runs] == [(2, 2)] and report.sent == 2

        clock.advance(minutes=10)  # unchanged feed: conditional GET answers 304
        runs, report = await cycle(app)
        assert [r.status for r in runs] == ["not_modified"] and report.sent == 0
        assert feed_server.requests("/rss")[-1].get("if-none-match") == '"v2"'

    async with running_app(settings, db, clock) as app:  # a restart repeats nothing
        clock.advance(minutes=10)
        runs, report = await cycle(app)
        assert report.sent == 0
        for chat in (USER, GROUP):
            (alert,) = alerts(fake, chat)
            assert "Witkoff &amp; Araghchi to meet in Muscat" in alert.text
            assert '<a href="https://news.example/new">' in alert.text
            assert "Abbas Araghchi" in alert.plain_text and "Steve Witkoff" in alert.plain_text
            assert "Football" not in alert.plain_text

        assert "Unsubscribed" in await command(fake, USER, "/stop")
        feed_server.set_feed("/rss", rss([LATER_ITEM, NEWS_ITEM, UNRELATED, OLD_ITEM]), etag='"v3"')
        clock.advance(minutes=10)
        runs, report = await cycle(app)
        assert report.sent == 1
        assert len(alerts(fake, USER)) == 1 and len(alerts(fake, GROUP)) == 2
    db.dispose()


async def test_group_members_who_are_not_admins_cannot_subscribe(fake_telegram, sqlite_db, clock, tmp_path):
    fake = fake_telegram
    settings = make_settings(fake, str(sqlite_db.engine.url))
    async with running_app(settings, sqlite_db, clock):
        reply = await command(fake, GROUP, "/start", user_id=999, chat_type="group")
        assert "Only this group's admins" in reply


async def test_feed_commands_validate_urls_and_report_state(fake_telegram, feed_server, sqlite_db, clock):
    fake = fake_telegram
    settings = make_settings(fake, str(sqlite_db.engine.url), BRIEFBOT_ALLOW_PRIVATE_URLS=False)
    async with running_app(settings, sqlite_db, clock) as app:
        assert "Usage: /feed" in await command(fake, OWNER, "/feed")
        assert "only http:// and https://" in await command(fake, OWNER, "/feed add ftp://news.example/rss")
        refused = await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")
        assert "loopback" in refused and "BRIEFBOT_ALLOW_PRIVATE_URLS" in refused
        with sqlite_db.session() as s:
            assert feed_store.list_feeds(s) == []
            feed_store.add_feed(s, feed_server.url("/broken"), clock())
        feed_server.set_status("/broken", 500)
        app.bot_data.runtime.settings = make_settings(fake, str(sqlite_db.engine.url))
        runs, _ = await cycle(app)
        assert runs[0].status == "error" and "HTTP 500" in runs[0].error
        listing = await command(fake, OWNER, "/feeds")
        assert "HTTP 500" in listing and "1×" in listing
        with sqlite_db.session() as s:
            (info,) = feed_store.list_feeds(s)
        assert info.next_fetch_at == clock() + timedelta(seconds=600)
        assert "Removed" in await command(fake, OWNER, f"/feed remove {feed_server.url('/broken')}")
        assert "No feed with the URL" in await command(fake, OWNER, f"/feed remove {feed_server.url('/broken')}")


async def test_start_registers_command_menus(fake_telegram, sqlite_db, clock):
    fake = fake_telegram
    settings = make_settings(fake, str(sqlite_db.engine.url))
    async with running_app(settings, sqlite_db, clock):
        default = [c["command"] for c in fake.commands_for({"type": "default"})]
        owner = [c["command"] for c in fake.commands_for({"type": "chat", "chat_id": OWNER})]
        assert "start" in default and "feed" not in default
        assert "feed" in owner and "track" in owner
        assert "I don't know that command" in await command(fake, USER, "/frobnicate")
