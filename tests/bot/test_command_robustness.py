"""Every command, with odd or wrong arguments, from an admin and from a stranger in a group:
always a reply, never the error handler's apology, never HTML that Telegram would reject."""

from __future__ import annotations

import asyncio

from bot.commands import ALL_COMMANDS
from tests.bot.harness import OWNER, make_settings, running_app
from tests.bot.ui import eventually

ODD_ARGUMENTS = ["", "x", "on off maybe", "<b>bold</b> & <i>co", "| | ,, |", "-1 99999999999999999999",
                 "عراقچی خامنه‌ای", "'; DROP TABLE chat; --", "word " * 700]
STRANGER = 777


async def test_every_command_answers_every_odd_argument(fake_telegram, sqlite_db, clock):
    fake = fake_telegram
    # 540 replies: at the default 30 a second the limiter alone would take 18 s (rates: tests/jobs).
    settings = make_settings(fake, str(sqlite_db.engine.url), BRIEFBOT_SEND_RATE=0)
    async with running_app(settings, sqlite_db, clock):
        for command in ALL_COMMANDS:
            if command.name == "stop":
                continue  # covered elsewhere; it would only unsubscribe the chat under test
            for n, argument in enumerate(ODD_ARGUMENTS):
                text = f"/{command.name} {argument}".strip()
                group = -1000 * (1 + ALL_COMMANDS.index(command)) - n  # Telegram allows ~20 messages a minute per group
                for chat_id, user_id, chat_type in ((OWNER, OWNER, "private"), (group, STRANGER, "group")):
                    before = len(fake.sent) + len(fake.documents)
                    fake.user_message(chat_id, text, user_id=user_id, chat_type=chat_type)
                    try:
                        await eventually(lambda before=before: len(fake.sent) + len(fake.documents) > before)
                    except AssertionError:
                        raise AssertionError(f"no answer to {text[:60]!r} in {chat_type}") from None
        await fake.wait_until_acknowledged()
        await asyncio.sleep(0.2)
    apologies = [m.plain_text for m in fake.sent if "something went wrong" in m.plain_text]
    assert apologies == []
    rejected = [e for e in fake.errors if e[0] != "getUpdates"]  # a poll cut short at shutdown is not a reply
    assert rejected == [], f"Telegram rejected what the bot sent: {rejected[:3]}"
