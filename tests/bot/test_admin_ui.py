"""Admin roles, /stats, /audit, /broadcast and /watchlist through the fake Bot API."""

from __future__ import annotations

from datetime import timedelta

from core.model import Alias, Official, Topic, Watchlist
from storage import admin as admin_store
from storage import chats, outbox
from storage import feeds as feed_store
from storage import watchlist as wl_store
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.bot.test_end_to_end import NEWS_ITEM, OLD_ITEM
from tests.bot.ui import button, buttons, press, send, text_now
from tests.fakes.feed_server import rss

USER = 801
HELPER = 802
GROUP = -803


async def test_owners_manage_admins_and_their_command_menus(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        default = [c["command"] for c in fake.commands_for()]
        assert {"start", "settings", "search", "why", "help"} <= set(default) and "admin" not in default
        owner_menu = [c["command"] for c in fake.commands_for({"type": "chat", "chat_id": OWNER})]
        assert {"admin", "stats", "audit", "broadcast", "export", "import", "watchlist"} <= set(owner_menu)

        assert "only briefbot admins" in await command(fake, USER, "/admin add 5")
        for wrong in ("/admin", "/admin add", "/admin add bob", "/admin promote 5", "/admin add -5"):
            reply = await command(fake, OWNER, wrong)
            assert "Usage: /admin add|remove USER_ID, /admin list" in reply and "Example: /admin add 123456789" in reply
        assert "is an owner" in await command(fake, OWNER, f"/admin add {OWNER}")
        assert f"{HELPER} is now an admin." in await command(fake, OWNER, f"/admin add {HELPER}")
        assert "already an admin" in await command(fake, OWNER, f"/admin add {HELPER}")
        helper_menu = [c["command"] for c in fake.commands_for({"type": "chat", "chat_id": HELPER})]
        assert "stats" in helper_menu

        # An admin uses admin commands but cannot make admins.
        assert "Subscribed chats" in await command(fake, HELPER, "/stats")
        assert "only the bot's owners" in await command(fake, HELPER, f"/admin add {USER}")
        listing = await command(fake, HELPER, "/admin list")
        assert f"Owners (BRIEFBOT_ADMINS): {OWNER}" in listing and f"Admins: {HELPER}" in listing

        assert "no longer an admin" in await command(fake, OWNER, f"/admin remove {HELPER}")
        assert "is not an admin" in await command(fake, OWNER, f"/admin remove {HELPER}")
        assert fake.commands_for({"type": "chat", "chat_id": HELPER}) == []
        assert "only briefbot admins" in await command(fake, HELPER, "/stats")

        audit = await command(fake, OWNER, "/audit")
        assert "Latest admin actions (2)" in audit
        assert audit.index("admin.remove") < audit.index("admin.add") and f"· {OWNER} ·" in audit
        assert "Latest admin actions (1)" in await command(fake, OWNER, "/audit 1")
        for wrong in ("/audit 0", "/audit many", "/audit 51", "/audit 1 2"):
            assert "Usage: /audit [COUNT]" in await command(fake, OWNER, wrong)
        assert "only briefbot admins" in await command(fake, USER, "/audit")


async def test_stats_counts_feeds_articles_alerts_and_the_queue(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    feed_server.set_feed("/rss", rss([OLD_ITEM]))
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        await command(fake, USER, "/start")
        await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")
        feed_server.set_feed("/broken", rss([OLD_ITEM]))  # works when added, then breaks
        await command(fake, OWNER, f"/feed add {feed_server.url('/broken')}")
        feed_server.set_status("/broken", 404)
        await cycle(app)
        feed_server.set_feed("/rss", rss([NEWS_ITEM, OLD_ITEM]))
        clock.advance(minutes=10)
        await cycle(app)
        with db.session() as s:
            (chat,) = chats.get_subscribed_chats(s)
            outbox.enqueue(s, chat.id, "notice", "n1", "waiting", clock() + timedelta(hours=1))
        stats = await command(fake, OWNER, "/stats")
    assert "Subscribed chats: 1" in stats
    assert "Feeds: 1 ok, 1 failing, 0 paused" in stats and "/broken" in stats and "⚠️ Test feed\nhttp://127.0.0.1" in stats and "failed 2×, last: HTTP 404" in stats
    assert "Articles stored: 2" in stats and "Alerts queued: 1, messages sent: 1" in stats
    assert "Outbox: 1 waiting, oldest waiting since 20 Nov 2026 10:10 UTC" in stats


async def test_broadcast_needs_an_owner_and_a_confirm_and_goes_through_the_outbox(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    fake.set_member_status(GROUP, USER, "administrator")
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        assert "No chat is subscribed" in await command(fake, OWNER, "/broadcast Hello")
        await command(fake, USER, "/start")
        await command(fake, GROUP, "/start", user_id=USER)
        with db.session() as s:
            admin_store.add_admin(s, HELPER, OWNER, clock())
        assert "only the bot's owners" in await command(fake, HELPER, "/broadcast Hi")
        assert "Usage: /broadcast TEXT" in await command(fake, OWNER, "/broadcast")

        (preview,) = await send(fake, OWNER, "/broadcast Maintenance at 22:00 <UTC> & back soon")
        assert "Broadcast preview" in preview.plain_text and "<UTC> & back soon" in preview.plain_text
        send_data = button(fake, OWNER, preview.message_id, "📣 Send to 2 chats")
        assert len(send_data.encode()) <= 64
        _, report = await cycle(app)
        assert report.sent == 0  # nothing is queued before the confirm button

        answer = await press(fake, OWNER, preview.message_id, send_data, user_id=HELPER)
        assert answer.show_alert and "Only the bot's owners" in answer.text
        answer = await press(fake, OWNER, preview.message_id, send_data, edits=1)
        assert answer.text == "Queued for 2 chats" and buttons(fake, OWNER, preview.message_id) == {}
        assert "Broadcast queued for 2 chats" in text_now(fake, OWNER, preview.message_id)
        answer = await press(fake, OWNER, preview.message_id, send_data)  # a second press sends nothing more
        assert answer.show_alert and "already handled" in answer.text
        _, report = await cycle(app)
        assert report.sent == 2
        for chat_id in (USER, GROUP):
            (msg,) = [m for m in fake.sent_to(chat_id) if "Maintenance" in m.plain_text]
            assert msg.plain_text == "Maintenance at 22:00 <UTC> & back soon"

        (preview,) = await send(fake, OWNER, "/broadcast Never mind")
        await press(fake, OWNER, preview.message_id, button(fake, OWNER, preview.message_id, "Cancel"), edits=1)
        assert "cancelled" in text_now(fake, OWNER, preview.message_id)
        _, report = await cycle(app)
        assert report.sent == 0
        long = "\n\n".join(f"Paragraph {i}: " + "x" * 900 for i in range(6))
        replies = await send(fake, OWNER, f"/broadcast {long}", replies=2)
        assert "arrive as 2 messages" in replies[0].plain_text
        await press(fake, OWNER, replies[-1].message_id, button(fake, OWNER, replies[-1].message_id, "📣"), edits=1)
        _, report = await cycle(app)
        assert report.sent == 4
    with db.session() as s:
        actions = [e.action for e in admin_store.latest_actions(s)]
    assert actions.count("broadcast") == 2


async def test_watchlist_pages_with_buttons(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        assert "only briefbot admins" in await command(fake, USER, "/watchlist")
        assert "Usage: /watchlist [PAGE]" in await command(fake, OWNER, "/watchlist two")
        (page,) = await send(fake, OWNER, "/watchlist")
        assert "14 officials, 4 topics · page 1 of 3" in page.plain_text and "Ali Khamenei" in page.plain_text
        assert set(buttons(fake, OWNER, page.message_id)) == {"Next ▶"}
        answer = await press(fake, OWNER, page.message_id, button(fake, OWNER, page.message_id, "Next"), edits=1)
        assert answer.text is None and "page 2 of 3" in text_now(fake, OWNER, page.message_id)
        assert set(buttons(fake, OWNER, page.message_id)) == {"◀ Previous", "Next ▶"}
        await press(fake, OWNER, page.message_id, button(fake, OWNER, page.message_id, "Next"), edits=1)
        last = text_now(fake, OWNER, page.message_id)
        assert "🏷 Oman talks" in last and "except: Gulf of Oman" in last
        answer = await press(fake, OWNER, page.message_id, "wl:1", user_id=USER)
        assert answer.show_alert and "page 3 of 3" in text_now(fake, OWNER, page.message_id)
        assert "page 3 of 3" in await command(fake, OWNER, "/watchlist 9")
        with db.session() as s:  # one of each: real singulars
            wl_store.replace_watchlist(s, Watchlist(officials=(Official("Abbas Araghchi", (Alias("Araghchi"),)),),
                                                    topics=(Topic("sanctions", (("sanctions",),)),)))
        assert "1 official, 1 topic · page 1 of 1" in await command(fake, OWNER, "/watchlist")
    with db.session() as s:
        assert feed_store.list_feeds(s) == []


async def test_long_answers_are_split_not_dropped_and_extra_arguments_get_usage(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    with db.session() as s:
        for i in range(50):
            admin_store.record_action(s, clock(), OWNER, "feed.add", f"entry {i:02d} " + "x" * 400)
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        replies = await send(fake, OWNER, "/audit 50", replies=5)
        text = "\n".join(m.plain_text for m in replies)
        assert all(len(m.plain_text) <= 4096 for m in replies)
        assert all(f"entry {i:02d}" in text for i in range(50))
        assert "Usage: /stats" in await command(fake, OWNER, "/stats now")
