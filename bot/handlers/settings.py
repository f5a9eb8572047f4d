"""/settings and its buttons: each press changes one setting and edits the same message.

The database work of a press (``_load``, ``_apply``, ``_screen``) runs in a worker thread.
"""

from __future__ import annotations

import asyncio

from telegram import CallbackQuery, Update
from telegram.error import BadRequest

from bot import chat_settings as views
from bot.handlers.subscription import can_manage_chat, subscribe_here
from bot.replies import reply
from bot.runtime import Context, Runtime, runtime
from core.prefs import PrefError, check_timezone, parse_hhmm, parse_quiet
from storage import chats
from storage import watchlist as wl_store

REFUSAL = "Only this chat's admins can change its settings."


def _load(rt: Runtime, chat) -> tuple[chats.ChatInfo, list[tuple[str, str]]]:
    with rt.db.session() as s:
        info = chats.get_or_create_chat(s, chat.id, type=chat.type, title=chat.title or chat.full_name,
                                        timezone=rt.settings.timezone)
        return info, chats.get_follows(s, info.id)


async def settings(update: Update, context: Context) -> None:
    """Show this chat's settings as buttons."""
    if not await can_manage_chat(update, context):
        await reply(update, REFUSAL)
        return
    view = views.home(*await asyncio.to_thread(_load, runtime(context), update.effective_chat))
    await reply(update, view.text, view.markup)


def _hhmm(code: str) -> str:
    """'0730' (button data) -> '07:30', checked like typed input."""
    return parse_hhmm(f"{code[:2]}:{code[2:]}" if len(code) == 4 else code)


def _apply(rt: Runtime, update: Update, action: str, arg: str) -> tuple[str | None, str]:
    """Carry out one button's change; returns (toast, screen to show next)."""
    chat = update.effective_chat
    info, _ = _load(rt, chat)
    with rt.db.session() as s:
        if action == "alerts":
            chats.update_chat(s, chat.id, alerts_enabled=not info.alerts_enabled)
            return f"Instant alerts {'off' if info.alerts_enabled else 'on'}", "home"
        if action == "brief":
            chats.update_chat(s, chat.id, briefing_enabled=not info.briefing_enabled)
            return f"Daily briefing {'off' if info.briefing_enabled else 'on'}", "home"
        if action == "time" and arg:
            value = _hhmm(arg)
            chats.update_chat(s, chat.id, briefing_time=value, briefing_enabled=True)
            return f"Briefing at {value}", "home"
        if action == "tz" and arg:
            value = check_timezone(arg)
            chats.update_chat(s, chat.id, timezone=value)
            return f"Time zone {value}", "home"
        if action == "quiet" and arg:
            quiet = parse_quiet("off" if arg == "off" else "-".join(f"{p[:2]}:{p[2:]}" for p in arg.split("-")))
            start, end = quiet or (None, None)
            chats.update_chat(s, chat.id, quiet_start=start, quiet_end=end)
            return ("Quiet hours off" if quiet is None else f"Quiet {start}–{end}"), "quiet"
        if action == "qmode":
            mode = "hold" if info.quiet_mode == "silent" else "silent"
            chats.update_chat(s, chat.id, quiet_mode=mode)
            return ("Alerts held for the briefing" if mode == "hold" else "Alerts arrive silently"), "quiet"
        if action == "fo":
            return _toggle_follow(s, info.id, arg), "follow"
        if action == "fall":
            for _, name in chats.get_follows(s, info.id):
                chats.unfollow(s, info.id, name)
            return "Following everything", "follow"
    return None, action


def _toggle_follow(s, chat_ref: int, arg: str) -> str:
    kind_code, row_id, _ = (arg.split(":") + ["", "", ""])[:3]
    kind = {"o": "official", "t": "topic"}.get(kind_code)
    name = next((n for k, i, n in wl_store.list_names(s) if k == kind and str(i) == row_id), None)
    if name is None:
        raise PrefError("That official or topic is no longer on the watchlist.")
    if chats.unfollow(s, chat_ref, name):
        return f"No longer following {name}"
    chats.follow(s, chat_ref, kind, name)
    return f"Following {name}"


def _screen(rt: Runtime, update: Update, screen: str, arg: str) -> views.View:
    info, follows = _load(rt, update.effective_chat)
    if screen == "follow" or screen == "fp":
        with rt.db.session() as s:
            names = wl_store.list_names(s)
        page = arg.rsplit(":", 1)[-1]
        return views.follow_page(info, follows, names, int(page) if page.isdigit() else 0)
    menus = {"time": views.time_menu, "tz": views.tz_menu, "quiet": views.quiet_menu}
    return menus.get(screen, views.home)(info, follows)


async def _edit(query: CallbackQuery, view: views.View) -> None:
    try:
        await query.edit_message_text(view.text, reply_markup=view.markup)
    except BadRequest as e:
        if "not modified" not in str(e).lower():  # pressing the current choice again changes nothing
            raise


async def settings_button(update: Update, context: Context) -> None:
    """Apply a settings button and edit the settings message to show the result."""
    query = update.callback_query
    action, _, arg = query.data.removeprefix(views.PREFIX).partition(":")
    if not await can_manage_chat(update, context):
        await query.answer(REFUSAL, show_alert=True)
        return
    rt = runtime(context)
    if action == "sub":
        toast = await subscribe_here(update, context, subscribe=arg != "off")
        await query.answer(toast)
        await _edit(query, await asyncio.to_thread(_screen, rt, update, "home", ""))
        return
    if action == "close":
        await query.answer("Saved")
        info, follows = await asyncio.to_thread(_load, rt, update.effective_chat)
        await query.edit_message_text(views.summary(info, follows) + "\n\nSend /settings to change them again.")
        return
    try:
        toast, screen = await asyncio.to_thread(_apply, rt, update, action, arg)
    except PrefError as e:
        await query.answer(str(e)[:200], show_alert=True)
        return
    await query.answer(toast)
    await _edit(query, await asyncio.to_thread(_screen, rt, update, screen, arg))
