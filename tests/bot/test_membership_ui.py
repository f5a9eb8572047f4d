"""my_chat_member updates, forum topics and channels, through the fake Bot API."""

from __future__ import annotations

from sqlmodel import select

from storage import chats, outbox
from storage.tables import Chat
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.bot.test_end_to_end import NEWS_ITEM, OLD_ITEM, alerts
from tests.bot.ui import button, eventually, press, send, text_now
from tests.fakes.feed_server import rss

USER = 601
GROUP = -1001234600
FORUM = -1001234601
CHANNEL = -1001234602
ADMIN = 602
MEMBER = 603


def chat(db, chat_id):
    with db.session() as s:
        return chats.get_chat(s, chat_id)


def reason(db, chat_id):
    with db.session() as s:
        return s.exec(select(Chat.unsubscribed_reason).where(Chat.chat_id == chat_id)).one()


async def test_added_to_group_introduces_itself_and_removal_unsubscribes(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    fake.add_chat(GROUP, "supergroup", title="Analysts")
    fake.set_member_status(GROUP, ADMIN, "administrator")
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        before = len(fake.sent_to(GROUP))
        fake.my_chat_member(GROUP, ADMIN, old_status="left", new_status="member")
        (hello,) = (await fake.wait_for_sent(before + 1, chat_id=GROUP))[before:]
        assert "briefbot follows coverage" in hello.plain_text and "A group admin can subscribe" in hello.plain_text

        answer = await press(fake, GROUP, hello.message_id, button(fake, GROUP, hello.message_id, "✅ Subscribe"),
                             user_id=MEMBER)
        assert answer.show_alert and chat(db, GROUP) is None
        answer = await press(fake, GROUP, hello.message_id, button(fake, GROUP, hello.message_id, "✅ Subscribe"),
                             user_id=ADMIN, edits=1)
        assert answer.text == "This chat is now subscribed." and chat(db, GROUP).subscribed
        assert "Settings for Analysts" in text_now(fake, GROUP, hello.message_id)

        with db.session() as s:
            outbox.enqueue(s, chat(db, GROUP).id, "alert", "a1", "queued alert", clock())
        fake.my_chat_member(GROUP, ADMIN, old_status="member", new_status="kicked")
        await eventually(lambda: not chat(db, GROUP).subscribed)
        assert reason(db, GROUP) == "bot was removed from the chat"
        with db.session() as s:
            assert outbox.outbox_stats(s, clock()).pending == 0

        assert "now subscribed" in await command(fake, USER, "/start")
        fake.my_chat_member(USER, USER, old_status="member", new_status="kicked")  # the user blocked the bot
        await eventually(lambda: not chat(db, USER).subscribed)
        assert reason(db, USER) == "bot was blocked by the user"
        sent = len(fake.sent_to(USER))
        fake.my_chat_member(USER, USER, old_status="kicked", new_status="member")  # unblocked: quiet until /start
        await fake.wait_until_acknowledged()
    assert len(fake.sent_to(USER)) == sent and not chat(db, USER).subscribed


async def test_forum_topic_and_channel_receive_alerts_where_subscribed(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    fake.add_chat(FORUM, "supergroup", title="Newsroom", is_forum=True)
    fake.set_member_status(FORUM, ADMIN, "administrator")
    fake.add_chat(CHANNEL, "channel", title="Iran–US wire")
    fake.set_member_status(CHANNEL, ADMIN, "administrator")
    feed_server.set_feed("/rss", rss([OLD_ITEM]))
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        (reply,) = await send(fake, FORUM, "/start", user_id=ADMIN, message_thread_id=77, is_topic_message=True)
        assert reply.message_thread_id == 77 and chat(db, FORUM).thread_id == 77

        before = len(fake.sent_to(CHANNEL))
        fake.channel_post(CHANNEL, "/start")  # posted by the channel: only its admins can post
        (reply,) = (await fake.wait_for_sent(before + 1, chat_id=CHANNEL))[before:]
        assert "now subscribed" in reply.plain_text and chat(db, CHANNEL).subscribed
        fake.channel_post(CHANNEL, "/settings")
        (settings,) = (await fake.wait_for_sent(before + 2, chat_id=CHANNEL))[before + 1:]
        answer = await press(fake, CHANNEL, settings.message_id, button(fake, CHANNEL, settings.message_id, "🔔"),
                             user_id=MEMBER)
        assert answer.show_alert and chat(db, CHANNEL).alerts_enabled
        await press(fake, CHANNEL, settings.message_id, button(fake, CHANNEL, settings.message_id, "🔔"),
                    user_id=ADMIN, edits=1)
        assert not chat(db, CHANNEL).alerts_enabled
        await press(fake, CHANNEL, settings.message_id, button(fake, CHANNEL, settings.message_id, "🔔"),
                    user_id=ADMIN, edits=1)

        assert "Added" in await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")
        await cycle(app)
        feed_server.set_feed("/rss", rss([NEWS_ITEM, OLD_ITEM]))
        clock.advance(minutes=10)
        _, report = await cycle(app)
        assert report.sent == 2
        (forum_alert,) = alerts(fake, FORUM)
        (channel_alert,) = alerts(fake, CHANNEL)
        assert forum_alert.message_thread_id == 77 and channel_alert.message_thread_id is None
