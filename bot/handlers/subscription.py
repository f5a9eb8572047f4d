"""/start, /stop, /help and the reply to unknown commands."""

from __future__ import annotations

import asyncio

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot.commands import ADMIN_COMMANDS, BY_NAME, SUBSCRIBER_COMMANDS, usage_text
from bot.replies import reply
from bot.runtime import Context, runtime
from core.render import esc
from storage import chats
from storage import watchlist as wl_store

INTRO = (
    "<b>briefbot</b> follows coverage of Iran–US diplomacy: it reads news feeds, spots the "
    "officials and topics on its watchlist (Khamenei, Pezeshkian, Araghchi, Witkoff, sanctions, "
    "the Oman talks, the nuclear program …) and sends an alert here when a new article names them."
)


async def can_manage_chat(update: Update, context: Context) -> bool:
    """In private chats anyone; in groups and channels only the chat's admins (or bot admins).

    A channel post carries no user, only ``sender_chat`` (the channel itself). Only admins
    with the right to post can post in a channel, so a command posted there by the channel
    is accepted as a channel admin's. Button presses in channels do name the user, who is
    checked with getChatMember like in groups.
    """
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type == Chat.PRIVATE:
        return True
    message = update.channel_post
    if chat.type == Chat.CHANNEL and message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id
    if user is not None and await asyncio.to_thread(runtime(context).is_admin, user.id):
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


async def subscribe_here(update: Update, context: Context, *, subscribe: bool = True) -> str:
    """Subscribe (or unsubscribe) the chat of ``update``, in its forum topic; says what happened."""
    chat = update.effective_chat
    rt = runtime(context)
    if not subscribe:
        was = await rt.in_session(lambda s: chats.unsubscribe_chat(s, chat.id, "/stop"))
        return "Unsubscribed" if was else "Not subscribed"
    now, thread_id = rt.clock(), _thread_id(update)
    _, new = await rt.in_session(lambda s: chats.subscribe_chat(
        s, chat.id, now, type=chat.type, title=chat.title or chat.full_name, thread_id=thread_id,
        timezone=rt.settings.timezone))
    return "This chat is now subscribed." if new else "This chat was already subscribed."


async def _deep_link_follow(rt, payload: str) -> tuple[str, str] | None:
    """``follow_Abbas_Araghchi`` -> ("official", "Abbas Araghchi"); names and aliases count."""
    wanted = payload.removeprefix("follow_").replace("_", " ").replace("-", " ").casefold().strip()
    names, watchlist = await rt.in_session(lambda s: (wl_store.list_names(s), wl_store.load_watchlist(s)))
    for kind, _, name in names:
        if name.replace("-", " ").casefold() == wanted:
            return kind, name
    for official in watchlist.officials:
        if any(a.text.replace("-", " ").casefold() == wanted for a in official.aliases):
            return "official", official.name
    return None


START_BUTTONS = InlineKeyboardMarkup([[
    InlineKeyboardButton("⚙️ Settings", callback_data="set:home"),
    InlineKeyboardButton("🎯 Choose officials & topics", callback_data="set:fp:0"),
]])


async def start(update: Update, context: Context) -> None:
    """Subscribe this chat, explain what the bot does; a follow_ deep link narrows it."""
    if not await can_manage_chat(update, context):
        await reply(update, "Only this group's admins can subscribe it to briefbot.")
        return
    rt = runtime(context)
    status = await subscribe_here(update, context)
    payload = (context.args or [""])[0]
    note = ""
    if payload.startswith("follow_"):
        found = await _deep_link_follow(rt, payload)
        chat_id = update.effective_chat.id

        def follow_found(s) -> list[str]:
            info = chats.get_chat(s, chat_id)
            if found is not None:
                chats.follow(s, info.id, *found)
            return [name for _, name in chats.get_follows(s, info.id)]

        followed = await rt.in_session(follow_found)
        if found is not None:
            note = f"\n🎯 Following: {esc(', '.join(followed))}. Other news about the watchlist is left out."
        elif followed:
            note = (f"\nI don't track “{esc(payload.removeprefix('follow_').replace('_', ' '))}”; this chat still "
                    f"follows only {esc(', '.join(followed))}. /follow lists them.")
        else:
            note = (f"\nI don't track “{esc(payload.removeprefix('follow_').replace('_', ' '))}”, so you get "
                    "alerts about every tracked official and topic; pick some with the buttons below.")
    await reply(update, f"{INTRO}\n\n✅ {status}{note}\n\nSend /settings for alerts, the daily briefing and "
                        "quiet hours, /stop to unsubscribe, /help for all commands.", START_BUTTONS)


async def stop(update: Update, context: Context) -> None:
    """Unsubscribe this chat."""
    if not await can_manage_chat(update, context):
        await reply(update, "Only this group's admins can unsubscribe it.")
        return
    chat_id = update.effective_chat.id
    was = await runtime(context).in_session(lambda s: chats.unsubscribe_chat(s, chat_id, "/stop"))
    await reply(update, "🔕 Unsubscribed: no more alerts here. Send /start to subscribe again."
                if was else "This chat was not subscribed. Send /start to subscribe.")


async def help_command(update: Update, context: Context) -> None:
    """List the commands with an example each; /help NAME shows one command's usage."""
    rt = runtime(context)
    user = update.effective_user
    is_admin = user is not None and await asyncio.to_thread(rt.is_admin, user.id)
    asked = (context.args or [""])[0].lstrip("/").lower()
    if asked:
        command = BY_NAME.get(asked)
        if command is None or (command.admin and not is_admin):
            await reply(update, f"There is no command /{esc(asked)}. Send /help for the list.")
            return
        await reply(update, f"/{command.name} — {esc(command.description)}\n{esc(usage_text(command.name))}")
        return

    def entry(c) -> str:
        return f"{esc(c.usage)} — {esc(c.description)}\n   e.g. <code>{esc(c.example)}</code>"

    blocks = ["<b>Commands</b>\n" + "\n".join(entry(c) for c in SUBSCRIBER_COMMANDS)]
    if is_admin:
        blocks.append("<b>Admin commands</b>\n" + "\n".join(entry(c) for c in ADMIN_COMMANDS))
    blocks.append("Send /help NAME for one command, e.g. /help search.")
    await reply(update, "\n\n".join(blocks))


async def unknown_command(update: Update, context: Context) -> None:
    """Point unknown commands to /help."""
    await reply(update, "I don't know that command. Send /help for the list.")


async def plain_text(update: Update, context: Context) -> None:
    """A message that is not a command, in a private chat: say what the bot understands."""
    await reply(update, "I answer commands, not messages. Try /search WORDS to look through stored articles, "
                        "/latest for the newest stories, or /help for everything I can do.")


async def unknown_button(update: Update, context: Context) -> None:
    """Answer a press on a button nothing handles (from an older version of the bot)."""
    await update.callback_query.answer("This button no longer works; send the command again.", show_alert=True)
