"""Expected Telegram failures in handlers are one log line, never a traceback (issue 13 row 10)."""

from __future__ import annotations

import logging

from tests.bot.harness import OWNER, make_settings, running_app
from tests.bot.ui import button, press, send


async def test_forged_button_on_a_missing_message_is_answered_without_traceback(fake_telegram, sqlite_db, clock,
                                                                                   caplog):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        (msg,) = await send(fake, OWNER, "/settings", user_id=OWNER)
        data = button(fake, OWNER, msg.message_id, "📰")
        # The message behind the button is gone (deleted, or the press was forged): Telegram refuses the edit.
        fake.fail_next("editMessageText", 400, description="Bad Request: message to edit not found")
        with caplog.at_level(logging.INFO):
            answer = await press(fake, OWNER, msg.message_id, data, user_id=OWNER)
            await fake.wait_for_call("editMessageText")
            await send(fake, OWNER, "/help", user_id=OWNER)  # handled after the failed edit's error handler
    assert answer.text  # the press was answered (here by the handler's own toast, before the edit)
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert any("cannot be edited any more" in r.getMessage() for r in caplog.records)


async def test_a_flood_limited_reply_is_one_warning_line(fake_telegram, sqlite_db, clock, caplog):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        fake.fail_next("sendMessage", 429, retry_after=7)
        with caplog.at_level(logging.INFO):
            fake.user_message(OWNER, "/help", user_id=OWNER)
            await fake.wait_for_call("sendMessage", len(fake.calls("sendMessage")) + 1)
            (await send(fake, OWNER, "/help", user_id=OWNER))  # the bot goes on answering
    flood = [r for r in caplog.records if "flood limit" in r.getMessage()]
    assert len(flood) == 1 and flood[0].levelno == logging.WARNING and not flood[0].exc_info
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
