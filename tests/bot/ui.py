"""Helpers for conversation tests with buttons: send a command, read its keyboard, press."""

from __future__ import annotations

import asyncio

from tests.fakes.telegram_api import CallbackAnswer, FakeTelegram, SentMessage


async def send(fake: FakeTelegram, chat_id: int, text: str, *, replies: int = 1, **kwargs) -> list[SentMessage]:
    """Send a message as a user and return the bot's next ``replies`` messages in that chat."""
    before = len(fake.sent_to(chat_id))
    fake.user_message(chat_id, text, **kwargs)
    sent = await fake.wait_for_sent(before + replies, chat_id=chat_id)
    return sent[before:]


def buttons(fake: FakeTelegram, chat_id: int, message_id: int) -> dict[str, str]:
    """Label -> callback data of a message's inline keyboard, as it is now (after edits)."""
    markup = fake.message(chat_id, message_id).get("reply_markup") or {}
    return {b["text"]: b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row}


def button(fake: FakeTelegram, chat_id: int, message_id: int, starts: str) -> str:
    """The callback data of the button whose label starts with ``starts``."""
    found = [data for label, data in buttons(fake, chat_id, message_id).items() if label.startswith(starts)]
    assert len(found) == 1, f"no single button {starts!r} in {buttons(fake, chat_id, message_id)}"
    return found[0]


async def press(fake: FakeTelegram, chat_id: int, message_id: int, data: str, *, user_id: int | None = None,
                edits: int = 0) -> CallbackAnswer:
    """Press a button; wait for its answer and for ``edits`` more message edits."""
    answers, calls, edited = len(fake.callback_answers), len(fake.calls("answerCallbackQuery")), len(fake.edits)
    fake.callback_query(chat_id, user_id, message_id, data)
    await fake.wait_for_call("answerCallbackQuery", calls + 1)
    assert len(fake.callback_answers) == answers + 1, f"answer to {data!r} refused: {fake.errors}"
    if edits:
        await fake.wait_for_edits(edited + edits)
    return fake.callback_answers[answers]


def text_now(fake: FakeTelegram, chat_id: int, message_id: int) -> str:
    return fake.message(chat_id, message_id).get("text", "")


async def eventually(check, seconds: float = 5) -> None:
    """Wait until ``check()`` is true: for effects of updates that send no message."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not check():
        assert loop.time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)
