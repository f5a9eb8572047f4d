"""/start, deep links, /help and the /settings keyboard, through the fake Bot API."""

from __future__ import annotations

from storage import chats
from tests.bot.harness import OWNER, command, make_settings, running_app
from tests.bot.ui import button, buttons, press, send, text_now

USER = 501
GROUP = -1001234500
GROUP_ADMIN = 502
MEMBER = 503


def follows(db, chat_id):
    with db.session() as s:
        return chats.get_follows(s, chats.get_chat(s, chat_id).id)


def chat(db, chat_id):
    with db.session() as s:
        return chats.get_chat(s, chat_id)


async def test_start_explains_offers_buttons_and_deep_links_follow(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        (start,) = await send(fake, USER, "/start")
        assert "briefbot follows coverage of Iran–US diplomacy" in start.plain_text
        assert "now subscribed" in start.plain_text and "/settings" in start.plain_text
        assert set(buttons(fake, USER, start.message_id)) == {"⚙️ Settings", "🎯 Choose officials & topics"}

        (linked,) = await send(fake, USER, "/start follow_sanctions")
        assert "already subscribed" in linked.plain_text and "Following: sanctions" in linked.plain_text
        (linked,) = await send(fake, USER, "/start follow_Abbas_Araghchi")
        assert "Following: sanctions, Abbas Araghchi" in linked.plain_text
        assert follows(db, USER) == [("topic", "sanctions"), ("official", "Abbas Araghchi")]

        other = USER + 1
        (linked,) = await send(fake, other, "/start follow_Oman_talks")
        assert "Following: Oman talks" in linked.plain_text
        (alias,) = await send(fake, other + 1, "/start follow_Araghchi")  # an alias names the official
        assert "Following: Abbas Araghchi" in alias.plain_text
        (unknown,) = await send(fake, other + 2, "/start follow_Nobody_Known")
        assert "I don't track “Nobody Known”" in unknown.plain_text and chat(db, other + 2).subscribed
        assert follows(db, other + 2) == []


async def test_help_lists_commands_with_an_example_each(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        text = await command(fake, USER, "/help")
        for line in ("/settings", "/search WORDS", "e.g. /search Araghchi Muscat", "e.g. /start follow_sanctions"):
            assert line in text
        assert "Admin commands" not in text and "/broadcast" not in text
        owner = await command(fake, OWNER, "/help")
        assert "Admin commands" in owner and "e.g. /admin add 123456789" in owner and "/export" in owner
        assert "Usage: /search WORDS\nExample: /search Araghchi Muscat" in await command(fake, USER, "/help search")
        assert "There is no command /nope" in await command(fake, USER, "/help nope")
        assert "There is no command /broadcast" in await command(fake, USER, "/help broadcast")
        assert "Send /help for the list" in await command(fake, USER, "/frobnicate")


async def test_settings_buttons_edit_the_same_message_and_every_press_is_answered(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        await send(fake, USER, "/start")
        (msg,) = await send(fake, USER, "/settings")
        mid = msg.message_id
        assert "Instant alerts: on" in msg.plain_text and "Daily briefing: on at 08:00 (UTC)" in msg.plain_text
        assert all(len(data.encode()) <= 64 for data in buttons(fake, USER, mid).values())

        answer = await press(fake, USER, mid, button(fake, USER, mid, "🔔 Alerts"), edits=1)
        assert answer.text == "Instant alerts off" and "Instant alerts: off" in text_now(fake, USER, mid)
        assert not chat(db, USER).alerts_enabled

        await press(fake, USER, mid, button(fake, USER, mid, "🕗 Time"), edits=1)
        assert "When should the daily briefing arrive?" in text_now(fake, USER, mid)
        answer = await press(fake, USER, mid, button(fake, USER, mid, "07:00"), edits=1)
        assert answer.text == "Briefing at 07:00" and chat(db, USER).briefing_time == "07:00"
        assert "Daily briefing: on at 07:00" in text_now(fake, USER, mid)

        await press(fake, USER, mid, button(fake, USER, mid, "🌍"), edits=1)
        await press(fake, USER, mid, button(fake, USER, mid, "Asia/Tehran"), edits=1)
        assert chat(db, USER).timezone == "Asia/Tehran" and "(Asia/Tehran)" in text_now(fake, USER, mid)

        await press(fake, USER, mid, button(fake, USER, mid, "🌙 Quiet"), edits=1)
        answer = await press(fake, USER, mid, button(fake, USER, mid, "22:00–07:00"), edits=1)
        assert answer.text == "Quiet 22:00–07:00"
        await press(fake, USER, mid, button(fake, USER, mid, "Alerts during quiet hours"), edits=1)
        info = chat(db, USER)
        assert (info.quiet_start, info.quiet_end, info.quiet_mode) == ("22:00", "07:00", "hold")
        assert "alerts wait for the briefing" in text_now(fake, USER, mid)
        # The current choice pressed again changes nothing, yet is answered and breaks nothing.
        edits = len(fake.edits)
        await press(fake, USER, mid, button(fake, USER, mid, "✓ 22:00–07:00"))
        await press(fake, USER, mid, button(fake, USER, mid, "« Back"), edits=1)
        assert len(fake.edits) == edits + 1 and fake.errors[-1][2].startswith("Bad Request: message is not modified")

        await press(fake, USER, mid, button(fake, USER, mid, "🎯"), edits=1)
        await press(fake, USER, mid, button(fake, USER, mid, "🏷 sanctions"), edits=1)
        assert follows(db, USER) == [("topic", "sanctions")] and "Following: sanctions" in text_now(fake, USER, mid)
        await press(fake, USER, mid, button(fake, USER, mid, "✅ sanctions"), edits=1)
        assert follows(db, USER) == []
        page = buttons(fake, USER, mid)
        assert "▶" in page and "Everything" not in page  # first page, following everything: ✓ Everything
        await press(fake, USER, mid, page["▶"], edits=1)
        assert "Page 2 of" in text_now(fake, USER, mid)
        await press(fake, USER, mid, button(fake, USER, mid, "« Back"), edits=1)

        answer = await press(fake, USER, mid, button(fake, USER, mid, "❌ Unsubscribe"), edits=1)
        assert answer.text == "Unsubscribed" and not chat(db, USER).subscribed
        await press(fake, USER, mid, button(fake, USER, mid, "✅ Subscribe"), edits=1)
        assert chat(db, USER).subscribed
        await press(fake, USER, mid, button(fake, USER, mid, "✔ Done"), edits=1)
        assert buttons(fake, USER, mid) == {} and "Send /settings to change them again" in text_now(fake, USER, mid)

        # Forged or stale data is answered, never silently dropped, and changes nothing.
        (msg,) = await send(fake, USER, "/settings")
        answer = await press(fake, USER, msg.message_id, "set:tz:Mars/Olympus")
        assert answer.show_alert and "not a time zone" in answer.text
        answer = await press(fake, USER, msg.message_id, "set:time:2561")
        assert answer.show_alert and "out of range" in answer.text
        answer = await press(fake, USER, msg.message_id, "set:fo:o:99999:0")
        assert answer.show_alert and "no longer on the watchlist" in answer.text
        answer = await press(fake, USER, msg.message_id, "old:button")
        assert answer.show_alert and "no longer works" in answer.text
        assert chat(db, USER).timezone == "Asia/Tehran" and chat(db, USER).briefing_time == "07:00"
        # The start message's buttons turn into the settings view in place.
        (start,) = await send(fake, USER, "/start")
        await press(fake, USER, start.message_id, button(fake, USER, start.message_id, "🎯"), edits=1)
        assert "Tap officials and topics" in text_now(fake, USER, start.message_id)
    assert not [e for e in fake.errors if e[0] != "getUpdates" and "not modified" not in e[2]]


async def test_group_settings_only_for_group_admins(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    fake.add_chat(GROUP, "supergroup", title="Diplomacy desk")
    fake.set_member_status(GROUP, GROUP_ADMIN, "administrator")
    # A dozen messages and edits to one group: without its 20-a-minute limit (tested in
    # tests/jobs/test_deliver_lifecycle.py), so the test waits for answers, not for the limiter.
    settings = make_settings(fake, str(db.engine.url), BRIEFBOT_GROUP_SEND_RATE=0)
    async with running_app(settings, db, clock):
        refusal = await command(fake, GROUP, "/settings", user_id=MEMBER)
        assert refusal == "Only this chat's admins can change its settings."
        assert "Only this group's admins" in await command(fake, GROUP, "/start", user_id=MEMBER)
        assert chat(db, GROUP) is None or not chat(db, GROUP).subscribed

        (msg,) = await send(fake, GROUP, "/settings", user_id=GROUP_ADMIN)
        assert "Settings for Diplomacy desk" in msg.plain_text and "not subscribed" in msg.plain_text
        edits = len(fake.edits)
        answer = await press(fake, GROUP, msg.message_id, button(fake, GROUP, msg.message_id, "📰"), user_id=MEMBER)
        assert answer.show_alert and "Only this chat's admins" in answer.text and len(fake.edits) == edits
        assert chat(db, GROUP).briefing_enabled

        await press(fake, GROUP, msg.message_id, button(fake, GROUP, msg.message_id, "📰"), user_id=GROUP_ADMIN, edits=1)
        assert not chat(db, GROUP).briefing_enabled
        await press(fake, GROUP, msg.message_id, button(fake, GROUP, msg.message_id, "✅ Subscribe"),
                    user_id=GROUP_ADMIN, edits=1)
        assert chat(db, GROUP).subscribed
        # A bot owner may manage any chat the bot is in.
        await press(fake, GROUP, msg.message_id, button(fake, GROUP, msg.message_id, "📰"), user_id=OWNER, edits=1)
        assert chat(db, GROUP).briefing_enabled
