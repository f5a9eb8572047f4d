"""Reply helpers shared by handlers: HTML replies in the right forum topic, split to fit."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode

from core.render import split_blocks


async def reply(update: Update, html: str, markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Reply in the chat (and forum topic) the command came from; long text is split.

    Buttons go on the last part; that part's Message is returned (for later edits).
    """
    message = update.effective_message
    if message is None:
        return None
    parts = split_blocks(html.split("\n\n"))
    sent = None
    for i, part in enumerate(parts):
        sent = await message.reply_text(part, parse_mode=ParseMode.HTML, do_quote=False,
                                        link_preview_options=LinkPreviewOptions(is_disabled=True),
                                        reply_markup=markup if i == len(parts) - 1 else None)
    return sent
