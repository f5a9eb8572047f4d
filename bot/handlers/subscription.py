"""/start, /stop, /help and the reply to unknown commands."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.commands import ADMIN_COMMANDS, SUBSCRIBER_COMMANDS
from bot.replies import reply
from bot.runtime import runtime
from core.render import esc
from storage import chats

INTRO = (
    "<b>briefbot</b> follows coverage of Iran–US diplomacy: it reads news feeds, spots the "
    "officials and topics on its watchlist (Khamenei, Pezeshkian, Araghchi, Witkoff, sanctions, "
    "the Oman talks, the nuclear program …) and sends an alert here when a new article names them."
)


async def can_manage_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """In private chats anyone; in groups and channels only the chat's admins (or bot admins)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type == Chat.PRIVATE:
        return True
    if user is not None and runtime(context).is_admin(user.id):
        return True
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return False
    return member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)


def _thread_id(update: Update) -> int | None:
    message = update.effective_message
    return message.message_thread_id if message is not None and message.is_topic_message else None


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Subscribe this chat and explain what the bot does."""
    chat = update.effective_chat
    if not await can_manage_chat(update, context):
        await reply(update, "Only this group's admins can subscribe it to briefbot.")
        return
    rt = runtime(context)
    with rt.db.session() as s:
        _, new = chats.subscribe_chat(s, chat.id, rt.clock(), type=chat.type,
                                      title=chat.title or chat.full_name, thread_id=_thread_id(update),
                                      timezone=rt.settings.timezone)
    status = "This chat is now subscribed." if new else "This chat was already subscribed."
    await reply(update, f"{INTRO}\n\n✅ {status} Send /stop to unsubscribe, /help for all commands.")


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unsubscribe this chat."""
    if not await can_manage_chat(update, context):
        await reply(update, "Only this group's admins can unsubscribe it.")
        return
    rt = runtime(context)
    with rt.db.session() as s:
        was = chats.unsubscribe_chat(s, update.effective_chat.id, "/stop")
    await reply(update, "🔕 Unsubscribed: no more alerts here. Send /start to subscribe again."
                if was else "This chat was not subscribed. Send /start to subscribe.")


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands, with admin commands for admins."""
    rt = runtime(context)
    lines = ["<b>Commands</b>"] + [f"/{c.name} — {esc(c.description)}" for c in SUBSCRIBER_COMMANDS]
    user = update.effective_user
    if user is not None and rt.is_admin(user.id):
        lines += ["", "<b>Admin commands</b>"]
        lines += [f"{esc(c.usage)} — {esc(c.description)}\n   e.g. <code>{esc(c.example)}</code>" for c in ADMIN_COMMANDS]
    await reply(update, "\n".join(lines))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point unknown commands to /help."""
    await reply(update, "I don't know that command. Send /help for the list.")
