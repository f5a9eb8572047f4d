"""Admin roles and oversight: /admin, /stats, /audit, /broadcast with its confirm button.

A broadcast waits for its confirm button in the database (storage.pending), so the press
can be handled after a restart or by another replica; it is taken once, and each chat's
rows use the broadcast's id as dedup key, so nothing is sent twice.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import datetime, time, tzinfo

from telegram import BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.commands import bot_commands
from bot.handlers.guards import admin_only, command_text, owner_only, usage
from bot.replies import reply
from bot.runtime import Context, Runtime, runtime
from core.render import TELEGRAM_LIMIT, esc, format_when, plural, split_blocks
from jobs import metrics
from storage import admin as admin_store
from storage import chats, outbox, pending
from storage.stats import collect_stats

AUDIT_DEFAULT, AUDIT_MAX = 15, 50
BROADCAST_PREFIX = "bc:"


def _user_id(text: str) -> int | None:
    return int(text) if text.lstrip("-").isdigit() and int(text) > 0 else None


async def _set_menu(context: Context, user_id: int, admin: bool) -> bool:
    """Show or hide admin commands in that user's private chat; False if Telegram refused."""
    scope = BotCommandScopeChat(user_id)
    try:
        if admin:
            await context.bot.set_my_commands(bot_commands(admin=True), scope=scope)
        else:
            await context.bot.delete_my_commands(scope=scope)
    except TelegramError:
        return False
    return True


@admin_only
async def admin(update: Update, context: Context) -> None:
    """List admins; owners add or remove them by user id."""
    args = context.args or []
    rt = runtime(context)
    action = args[0].lower() if args else ""
    if action == "list" and len(args) == 1:
        added = await rt.in_session(admin_store.list_admin_ids)
        owners = ", ".join(str(i) for i in sorted(rt.settings.admins)) or "none"
        await reply(update, f"<b>Owners</b> (BRIEFBOT_ADMINS): {owners}\n<b>Admins</b>: "
                            + (", ".join(str(i) for i in added) or "none yet; an owner adds one with /admin add USER_ID"))
        return
    if action not in ("add", "remove") or len(args) != 2 or _user_id(args[1]) is None:
        await usage(update, "admin", "Say add, remove or list, and give a numeric Telegram user id.")
        return
    if not rt.is_owner(update.effective_user.id):
        await reply(update, "Sorry, only the bot's owners (the ids in BRIEFBOT_ADMINS) can add or remove admins.")
        return
    user_id, now = _user_id(args[1]), rt.clock()
    if rt.is_owner(user_id):
        await reply(update, f"{user_id} is an owner (BRIEFBOT_ADMINS); owners are changed in the configuration.")
        return
    by = update.effective_user.id

    def change(s) -> bool:
        done = admin_store.add_admin(s, user_id, by, now) if action == "add" else admin_store.remove_admin(s, user_id)
        if done:
            admin_store.record_action(s, now, by, f"admin.{action}", str(user_id))
        return done

    done = await rt.in_session(change)
    if not done:
        await reply(update, f"{user_id} is {'already' if action == 'add' else 'not'} an admin.")
        return
    menu = await _set_menu(context, user_id, action == "add")
    if action == "add":
        extra = "" if menu else " Their admin command menu appears once they have opened a chat with me."
        await reply(update, f"✅ {user_id} is now an admin.{extra}")
    else:
        await reply(update, f"✅ {user_id} is no longer an admin.")


def _since_midnight(now: datetime, zone: tzinfo) -> datetime:
    """The start of the chat's local day (counts are "today" where the admin reads them)."""
    return datetime.combine(now.astimezone(zone).date(), time(), tzinfo=zone)


@admin_only
async def stats(update: Update, context: Context) -> None:
    """Subscribers, feed health, today's articles and alerts, outbox queue."""
    if context.args:
        await usage(update, "stats", "/stats takes no arguments.")
        return
    rt = runtime(context)
    now = rt.clock()
    zone = await asyncio.to_thread(rt.zone_of, update.effective_chat.id)
    since = _since_midnight(now, zone)
    st = await rt.in_session(lambda s: collect_stats(s, since))
    q = st.queue
    oldest = f", oldest waiting since {format_when(q.oldest_pending, zone)}" if q.oldest_pending else ""
    lines = [
        f"<b>briefbot today</b> (since 00:00 {since.strftime('%Z')})",
        f"👥 Subscribed chats: {st.subscribers}",
        f"📡 Feeds: {st.feeds_ok} ok, {len(st.failing)} failing, {st.feeds_paused} paused",
        f"📰 Articles stored: {st.articles_since}",
        f"🔔 Alerts queued: {st.alerts_since}, messages sent: {q.sent_since}",
        f"📤 Outbox: {q.pending} waiting{oldest}; {q.dead} given up in total",
    ]
    blocks = ["\n".join(lines)]
    for f in st.failing:
        name = f"{esc(f.title)}\n{esc(f.url)}" if f.title else esc(f.url)
        blocks.append(f"⚠️ {name}\nfailed {f.error_count}×, last: {esc(f.last_error)}")
    await reply(update, "\n\n".join(blocks))


@admin_only
async def audit(update: Update, context: Context) -> None:
    """The latest admin actions, newest first."""
    args = context.args or []
    if len(args) > 1 or (args and not (args[0].isdigit() and 1 <= int(args[0]) <= AUDIT_MAX)):
        await usage(update, "audit", f"Give how many entries to show, 1 to {AUDIT_MAX}.")
        return
    rt = runtime(context)
    zone = await asyncio.to_thread(rt.zone_of, update.effective_chat.id)
    count = int(args[0]) if args else AUDIT_DEFAULT
    entries = await rt.in_session(lambda s: admin_store.latest_actions(s, count))
    if not entries:
        await reply(update, "No admin actions recorded yet.")
        return
    lines = [f"<b>Latest admin actions ({len(entries)})</b>"]
    for e in entries:
        who = str(e.user_id) if e.user_id is not None else "command line"
        lines.append(f"{format_when(e.at, zone)} · {who} · <b>{esc(e.action)}</b>"
                     + (f"\n   {esc(e.detail[:300])}" if e.detail else ""))
    await reply(update, "\n".join(lines))


@owner_only
async def broadcast(update: Update, context: Context) -> None:
    """Preview a message to every subscribed chat; it is queued only after the confirm button."""
    text = command_text(update)
    if not text:
        await usage(update, "broadcast", "Give the text to send to every subscribed chat.")
        return
    parts = split_blocks([esc(p) for p in text.split("\n\n")])
    rt = runtime(context)
    count = await rt.in_session(chats.count_subscribed)
    if count == 0:
        await reply(update, "No chat is subscribed, so there is nobody to send to.")
        return
    broadcast_id = secrets.token_hex(6)
    with rt.db.session() as s:
        pending.save_pending_broadcast(s, broadcast_id, parts, rt.clock())
    buttons = InlineKeyboardMarkup([[
        InlineKeyboardButton(f"📣 Send to {plural(count, 'chat')}", callback_data=f"{BROADCAST_PREFIX}send:{broadcast_id}"),
        InlineKeyboardButton("Cancel", callback_data=f"{BROADCAST_PREFIX}cancel:{broadcast_id}"),
    ]])
    split = f" It will arrive as {len(parts)} messages." if len(parts) > 1 else ""
    await reply(update, f"<b>Broadcast preview</b>{split}\n\n" + "\n\n".join(parts), buttons)


def _queue_broadcast(rt: Runtime, broadcast_id: str, parts: list[str], user_id: int) -> int:
    now = rt.clock()
    with rt.db.session() as s:
        targets = chats.get_subscribed_chats(s)
        for chat in targets:
            for i, part in enumerate(parts):
                metrics.queued("broadcast", outbox.enqueue(s, chat.id, "broadcast", f"{broadcast_id}:{i}", part, now))
        admin_store.record_action(s, now, user_id, "broadcast",
                                  f"{broadcast_id} to {plural(len(targets), 'chat')}: {parts[0][:200]}")
    return len(targets)


async def broadcast_button(update: Update, context: Context) -> None:
    """Queue a previewed broadcast through the outbox, or cancel it."""
    query = update.callback_query
    rt = runtime(context)
    if not rt.is_owner(update.effective_user.id):
        await query.answer("Only the bot's owners can send broadcasts.", show_alert=True)
        return
    action, _, broadcast_id = query.data.removeprefix(BROADCAST_PREFIX).partition(":")
    with rt.db.session() as s:
        parts = pending.take_pending_broadcast(s, broadcast_id, rt.clock())
    if parts is None:
        await query.answer("This broadcast was already handled or has expired; send /broadcast again.",
                           show_alert=True)
        return
    if action != "send":
        await query.answer("Cancelled")
        await query.edit_message_text("Broadcast cancelled; nothing was sent.")
        return
    count = await asyncio.to_thread(_queue_broadcast, rt, broadcast_id, parts, update.effective_user.id)
    await query.answer(f"Queued for {plural(count, 'chat')}")
    done = f"📣 Broadcast queued for {plural(count, 'chat')}; the outbox sends it within its rate limits."
    with_preview = f"{done}\n\n{parts[0]}"
    await query.edit_message_text(with_preview if len(with_preview) <= TELEGRAM_LIMIT else done)
