"""Reply helpers shared by handlers: HTML replies in the right forum topic, split to fit."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update

from core.render import TELEGRAM_LIMIT, split_blocks


async def reply(update: Update, html: str, markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Reply in the chat (and forum topic) the command came from, split to fit, never dropped.

    Parts break between paragraphs, or between lines when one paragraph is too long.

    Buttons go on the last part; that part's Message is returned (for later edits). HTML,
    no link previews and no quoting are the application's Defaults (bot.app).
    """
    message = update.effective_message
    if message is None:
        return None
    blocks: list[str] = []
    for block in html.split("\n\n"):  # a block too long for one message goes line by line
        blocks += block.split("\n") if len(block) > TELEGRAM_LIMIT else [block]
    parts = split_blocks(blocks)
    sent = None
    for i, part in enumerate(parts):
        sent = await message.reply_text(part, reply_markup=markup if i == len(parts) - 1 else None)
    return sent
