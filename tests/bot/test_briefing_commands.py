"""Briefing features through the fake Bot API: one alert per story edited as outlets join,
preference commands with helpful errors, /briefing, /latest, and the scheduled briefing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.sender import TelegramSender
from jobs.deliver import deliver_due
from jobs.digests import enqueue_due_briefings
from storage import chats
from storage import feeds as feed_store
from storage.db import open_database
from tests.bot.harness import command, cycle, make_settings, running_app
from tests.fakes.feed_server import rss
from tests.fakes.telegram_html import parse_html
from tests.jobs.story_fixtures import EVENT, OTHER_EVENT, T0, item

USER = 501
GROUP = -600


async def test_three_outlets_one_alert_then_two_edits(fake_telegram, feed_server, db_url, clock):
    fake = fake_telegram
    clock.now = T0
    paths = {a["outlet"]: "/" + a["outlet"].replace(" ", "-") for a in EVENT}
    for outlet, path in paths.items():
        feed_server.set_feed(path, rss([], title=outlet))
    db = open_database(db_url)
    with db.session() as s:
        for path in paths.values():
            feed_store.add_feed(s, feed_server.url(path), clock())
    async with running_app(make_settings(fake, db_url), db, clock) as app:
        assert "subscribed" in await command(fake, USER, "/start")
        await cycle(app)  # first fetch: empty history
        for n, article in enumerate(EVENT):
            feed_server.set_feed(paths[article["outlet"]], rss([item(article, n, clock())], title=article["outlet"]))
            clock.advance(minutes=11)
            await cycle(app)
        alerts = [m for m in fake.sent_to(USER) if m.text.startswith("🔔")]
        assert len(alerts) == 1 and "Araghchi and Witkoff hold indirect talks in Muscat" in alerts[0].plain_text
        first, second = await fake.wait_for_edits(2)
        assert first.message_id == second.message_id == alerts[0].message_id
        assert first.plain_text.endswith("Also reported by: Capital Ledger")
        assert second.plain_text.endswith("Also reported by: Capital Ledger, Tehran Observer")
        final = fake.message(USER, alerts[0].message_id)["text"]
        assert final.endswith("Capital Ledger, Tehran Observer")

        briefing = await command(fake, USER, "/briefing")
        assert "Briefing on request" in briefing and "Gulf Wire, Capital Ledger, Tehran Observer" in briefing
        assert briefing.count("▪️") == 1  # the story once, not once per outlet
        latest = await command(fake, USER, "/latest Araghchi")
        assert "indirect talks in Muscat" in latest
    db.dispose()


async def test_preference_commands_answer_with_usage_and_suggestions(fake_telegram, sqlite_db, clock):
    fake = fake_telegram
    settings = make_settings(fake, str(sqlite_db.engine.url), BRIEFBOT_TIMEZONE="Europe/London")
    async with running_app(settings, sqlite_db, clock):
        assert "Send /start first" in await command(fake, USER, "/time 07:30")
        await command(fake, USER, "/start")
        assert "Usage: /time HH:MM" in await command(fake, USER, "/time")
        assert "out of range" in await command(fake, USER, "/time 25:00")
        assert "Daily briefing at 07:30 Europe/London" in await command(fake, USER, "/time 7:30")
        wrong = await command(fake, USER, "/timezone Asia/Teheran")
        assert "Did you mean Asia/Tehran" in wrong and "Example: /timezone Asia/Tehran" in wrong
        assert "Time zone Asia/Tehran" in await command(fake, USER, "/timezone tehran")
        assert "Usage: /quiet" in await command(fake, USER, "/quiet 22:00")
        assert "held for the daily briefing" in await command(fake, USER, "/quiet 22:00-07:00 hold")
        assert "Quiet hours off" in await command(fake, USER, "/quiet off")
        assert "Usage: /alerts on|off" in await command(fake, USER, "/alerts maybe")
        assert "Instant alerts off" in await command(fake, USER, "/alerts off")
        assert "Daily briefing off" in await command(fake, USER, "/briefing off")
        assert "not on the watchlist. Did you mean Abbas Araghchi" in await command(fake, USER, "/follow Aragchi")
        assert "Following Abbas Araghchi" in await command(fake, USER, "/follow araghchi")
        assert "Following Oman talks" in await command(fake, USER, "/follow oman talks")
        listing = await command(fake, USER, "/follow")
        assert "follows: Abbas Araghchi, Oman talks" in listing
        assert "does not follow sanctions" in await command(fake, USER, "/unfollow sanctions")
        assert "1 name still followed" in await command(fake, USER, "/unfollow Oman talks")
        assert "Usage: /unfollow NAME" in await command(fake, USER, "/unfollow")
        with sqlite_db.session() as s:
            chat = chats.get_chat(s, USER)
        assert (chat.briefing_time, chat.timezone, chat.alerts_enabled, chat.briefing_enabled) == (
            "07:30", "Asia/Tehran", False, False)
        assert (chat.quiet_start, chat.quiet_mode) == (None, "hold")
        assert "Only this group's admins" in await command(fake, GROUP, "/time 09:00", user_id=999,
                                                           chat_type="group")
        assert "/briefing" in await command(fake, USER, "/help")


async def test_scheduled_briefing_is_delivered_once_with_valid_html(fake_telegram, sqlite_db, clock):
    fake = fake_telegram
    clock.now = datetime(2026, 11, 20, 6, tzinfo=UTC)
    async with running_app(make_settings(fake, str(sqlite_db.engine.url)), sqlite_db, clock) as app:
        await command(fake, USER, "/start")
        await command(fake, USER, "/timezone Asia/Tehran")  # 08:00 there is 04:30 UTC
        clock.now = datetime(2026, 11, 21, 4, 29, tzinfo=UTC)
        assert enqueue_due_briefings(sqlite_db, clock()) == []
        for _ in range(3):  # the job every minute, and again after a "restart"
            clock.advance(minutes=1)
            enqueue_due_briefings(sqlite_db, clock())
            await deliver_due(sqlite_db, TelegramSender(app.bot), clock())
        briefings = [m for m in fake.sent_to(USER) if "Daily briefing" in m.plain_text]
        assert len(briefings) == 1 and "Sat 21 Nov 2026" in briefings[0].plain_text
        parse_html(briefings[0].text, strict_ampersand=True)
        assert "Nothing new" in briefings[0].plain_text
