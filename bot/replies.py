"""Reply helpers shared by handlers: HTML replies in the right forum topic, split to fit."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode

from core.render import split_blocks


async def reply(update: Update, html: str) -> None:
    """Reply in the chat (and forum topic) the command came from; long text is split."""
    message = update.effective_message
    if message is None:
        return
    for part in split_blocks(html.split("\n\n")):
        await message.reply_text(part, parse_mode=ParseMode.HTML, do_quote=False,
                                 link_preview_options=LinkPreviewOptions(is_disabled=True))
