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


def answers(fake, chat_id: int) -> int:
    return len(fake.sent_to(chat_id)) + sum(1 for d in fake.documents if d.chat_id == chat_id)


async def test_every_command_answers_every_odd_argument(fake_telegram, sqlite_db, clock):
    fake = fake_telegram
    # Each odd argument comes from an owner of its own in a private chat, and from a stranger
    # in a group of its own, so a command's 18 messages go in one batch and each chat's answer
    # is told apart. Without the send-rate limit (its own tests are in tests/jobs): 540 replies.
    owners = [OWNER] + [5000 + n for n in range(1, len(ODD_ARGUMENTS))]
    settings = make_settings(fake, str(sqlite_db.engine.url), BRIEFBOT_SEND_RATE=0,
                             BRIEFBOT_ADMINS=",".join(map(str, owners)))
    async with running_app(settings, sqlite_db, clock):
        for command in ALL_COMMANDS:
            if command.name == "stop":
                continue  # covered elsewhere; it would only unsubscribe the chat under test
            asked: dict[int, tuple[str, str, int]] = {}
            for n, argument in enumerate(ODD_ARGUMENTS):
                text = f"/{command.name} {argument}".strip()
                group = -1000 * (1 + ALL_COMMANDS.index(command)) - n  # Telegram allows ~20 messages a minute per group
                for chat_id, user_id, chat_type in ((owners[n], owners[n], "private"), (group, STRANGER, "group")):
                    asked[chat_id] = (text, chat_type, answers(fake, chat_id))
                    fake.user_message(chat_id, text, user_id=user_id, chat_type=chat_type)
            try:
                await eventually(lambda asked=asked: all(answers(fake, c) > before for c, (_, _, before) in asked.items()),
                                 30)
            except AssertionError:
                silent = [(text[:60], kind) for c, (text, kind, before) in asked.items() if answers(fake, c) <= before]
                raise AssertionError(f"no answer to {silent}") from None
        await fake.wait_until_acknowledged()
        await asyncio.sleep(0.2)
    apologies = [m.plain_text for m in fake.sent if "something went wrong" in m.plain_text]
    assert apologies == []
    rejected = [e for e in fake.errors if e[0] != "getUpdates"]  # a poll cut short at shutdown is not a reply
    assert rejected == [], f"Telegram rejected what the bot sent: {rejected[:3]}"
