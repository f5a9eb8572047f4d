"""The bot's own membership (my_chat_member): introduce on joining, unsubscribe on leaving."""

from __future__ import annotations

from telegram import Chat, ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.handlers.subscription import INTRO
from bot.runtime import Context, runtime
from storage import chats

_IN = (ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED)

GROUP_HELLO = (
    "\n\nA group admin can subscribe this group with /start (or the button below) and choose "
    "what it receives with /settings. In a forum, send /start in the topic where alerts should go."
)


def _is_member(member: ChatMember) -> bool:
    return member.status in _IN and getattr(member, "is_member", True)


async def my_chat_member(update: Update, context: Context) -> None:
    """Say hello when added to a group; unsubscribe when removed, kicked or blocked."""
    change = update.my_chat_member
    chat = change.chat
    was, now = _is_member(change.old_chat_member), _is_member(change.new_chat_member)
    rt = runtime(context)
    if was and not now:
        reason = "bot was blocked by the user" if chat.type == Chat.PRIVATE else "bot was removed from the chat"
        await rt.in_session(lambda s: chats.unsubscribe_chat(s, chat.id, reason))
        return
    if now and not was and chat.type in (Chat.GROUP, Chat.SUPERGROUP):
        buttons = InlineKeyboardMarkup([[InlineKeyboardButton("✅ Subscribe this group", callback_data="set:sub")]])
        try:
            await context.bot.send_message(chat.id, INTRO + GROUP_HELLO, reply_markup=buttons)
        except TelegramError:
            pass  # added without the right to post: nothing to say, and nothing to undo
