"""Briefing and per-chat preference commands: /briefing, /alerts, /time, /timezone,
/follow, /unfollow, /quiet, /latest. Values are checked by core.prefs; a wrong argument
gets the problem, the usage and an example."""

from __future__ import annotations

import asyncio
import difflib

from telegram import Update

from bot.handlers.guards import command_text, usage
from bot.handlers.subscription import can_manage_chat
from bot.replies import reply
from bot.runtime import Context, runtime
from core.briefing import ChatFilter, compose_latest
from core.briefing_time import next_briefing_at
from core.prefs import PrefError, check_timezone, parse_hhmm, parse_quiet
from core.render import esc, plural
from jobs.digests import chat_filter, compose_for_chat, latest_stories
from storage import chats
from storage import watchlist as wl_store
from storage.chats import ChatInfo

ON, OFF = {"on", "yes", "enable"}, {"off", "no", "disable"}
NOT_SUBSCRIBED = "This chat is not subscribed. Send /start first."


async def _chat(update: Update, context: Context, *, manage: bool) -> ChatInfo | None:
    """The subscribed chat, or None after telling the user why not."""
    if manage and not await can_manage_chat(update, context):
        await reply(update, "Only this group's admins can change its settings.")
        return None
    chat_id = update.effective_chat.id
    chat = await runtime(context).in_session(lambda s: chats.get_chat(s, chat_id))
    if chat is None or not chat.subscribed:
        await reply(update, NOT_SUBSCRIBED)
        return None
    return chat


async def _send_parts(update: Update, parts: list[str]) -> None:
    for part in parts:  # already split at story boundaries
        await reply(update, part)


async def _update(context: Context, chat: ChatInfo, **changes) -> ChatInfo:
    return await runtime(context).in_session(lambda s: chats.update_chat(s, chat.chat_id, **changes))


def _when_next(context: Context, chat: ChatInfo) -> str:
    at = next_briefing_at(runtime(context).clock(), chat.zone, chat.briefing_time)
    return at.astimezone(chat.zone).strftime("%a %d %b %H:%M")


async def briefing(update: Update, context: Context) -> None:
    """Send the briefing now, or switch the daily briefing on or off."""
    arg = command_text(update).lower()
    chat = await _chat(update, context, manage=bool(arg))
    if chat is None:
        return
    if not arg:
        rt = runtime(context)
        now = rt.clock()
        parts = await rt.in_session(lambda s: compose_for_chat(s, chat, now))
        await _send_parts(update, parts)
    elif arg in ON | OFF:
        chat = await _update(context, chat, briefing_enabled=arg in ON)
        await reply(update, f"Daily briefing on, next at {esc(_when_next(context, chat))} ({esc(chat.timezone)})."
                    if chat.briefing_enabled else "Daily briefing off. /briefing on turns it back on.")
    else:
        await usage(update, "briefing", f"“{arg}” is not on or off.")


async def alerts(update: Update, context: Context) -> None:
    """Switch instant alerts on or off."""
    arg = command_text(update).lower()
    if arg not in ON | OFF:
        await usage(update, "alerts", "Say on or off." if not arg else f"“{arg}” is not on or off.")
        return
    chat = await _chat(update, context, manage=True)
    if chat is not None:
        await _update(context, chat, alerts_enabled=arg in ON)
        await reply(update, "Instant alerts on." if arg in ON else
                    "Instant alerts off; the daily briefing still comes. /alerts on turns them back on.")


async def briefing_time(update: Update, context: Context) -> None:
    """Set the local time of the daily briefing."""
    try:
        hhmm = parse_hhmm(command_text(update))
    except PrefError as e:
        await usage(update, "time", str(e))
        return
    chat = await _chat(update, context, manage=True)
    if chat is not None:
        chat = await _update(context, chat, briefing_time=hhmm)
        await reply(update, f"Daily briefing at {hhmm} {esc(chat.timezone)}; next on {esc(_when_next(context, chat))}.")


async def timezone(update: Update, context: Context) -> None:
    """Set the chat's time zone (IANA name)."""
    try:
        zone = check_timezone(command_text(update))
    except PrefError as e:
        await usage(update, "timezone", str(e))
        return
    chat = await _chat(update, context, manage=True)
    if chat is not None:
        chat = await _update(context, chat, timezone=zone)
        await reply(update, f"Time zone {esc(zone)}: the briefing comes at {chat.briefing_time} local time, "
                            f"next on {esc(_when_next(context, chat))}.")


async def quiet(update: Update, context: Context) -> None:
    """Set quiet hours (silent or held alerts), or switch them off."""
    words = command_text(update).split()
    mode = words.pop().lower() if words and words[-1].lower() in ("silent", "hold") else "silent"
    try:
        span = parse_quiet(" ".join(words)) if words else None
        if not words:
            raise PrefError("Give a range or off.")
    except PrefError as e:
        await usage(update, "quiet", str(e))
        return
    chat = await _chat(update, context, manage=True)
    if chat is None:
        return
    if span is None:
        await _update(context, chat, quiet_start=None, quiet_end=None)
        await reply(update, "Quiet hours off: alerts notify at any time.")
        return
    await _update(context, chat, quiet_start=span[0], quiet_end=span[1], quiet_mode=mode)
    how = "sent silently" if mode == "silent" else "held for the daily briefing"
    await reply(update, f"Quiet hours {span[0]}–{span[1]} ({esc(chat.timezone)}): alerts then are {how}.")


async def _resolve(context: Context, name: str) -> tuple[tuple[str, str] | None, list[str]]:
    """(kind, canonical name) for a tracked name typed in any case, or close suggestions."""
    names = [(kind, n) for kind, _, n in await runtime(context).in_session(wl_store.list_names)]
    folded = {n.casefold(): (kind, n) for kind, n in names}
    if name.casefold() in folded:
        return folded[name.casefold()], []
    surnames = {n.split()[-1].casefold(): (kind, n) for kind, n in names if kind == "official"}
    if name.casefold() in surnames:
        return surnames[name.casefold()], []
    close = difflib.get_close_matches(name.casefold(), list(folded) + list(surnames), n=3, cutoff=0.6)
    return None, list(dict.fromkeys((folded.get(c) or surnames[c])[1] for c in close))


async def follow(update: Update, context: Context) -> None:
    """Follow an official or topic; without a name, list what is followed."""
    name = command_text(update)
    chat = await _chat(update, context, manage=bool(name))
    if chat is None:
        return
    rt = runtime(context)
    if not name:
        followed = [n for _, n in await rt.in_session(lambda s: chats.get_follows(s, chat.id))]
        tracked = [n for _, _, n in await rt.in_session(wl_store.list_names)]
        now = ", ".join(esc(n) for n in followed) if followed else "everything on the watchlist"
        await reply(update, f"This chat follows: {now}.\n\nTracked: {esc(', '.join(tracked))}\n\n"
                            f"{esc('Usage: /follow NAME · /unfollow NAME')}")
        return
    found, suggestions = await _resolve(context, name)
    if found is None:
        await usage(update, "follow", _unknown(name, suggestions))
        return
    def add(s) -> tuple[bool, int]:
        return chats.follow(s, chat.id, *found), len(chats.get_follows(s, chat.id))

    added, count = await rt.in_session(add)
    head = f"Following {esc(found[1])}." if added else f"Already following {esc(found[1])}."
    await reply(update, f"{head} Alerts and briefings here now cover only the {plural(count, 'name')} you follow; "
                        f"/follow lists them.")


async def unfollow(update: Update, context: Context) -> None:
    """Stop following an official or topic."""
    name = command_text(update)
    if not name:
        await usage(update, "unfollow", "Which name?")
        return
    chat = await _chat(update, context, manage=True)
    if chat is None:
        return
    found, suggestions = await _resolve(context, name)
    def remove(s) -> tuple[bool, int]:
        return found is not None and chats.unfollow(s, chat.id, found[1]), len(chats.get_follows(s, chat.id))

    removed, left = await runtime(context).in_session(remove)
    if not removed:
        problem = f"This chat does not follow {name}." if found else _unknown(name, suggestions)
        await usage(update, "unfollow", problem)
        return
    rest = "Nothing left followed: alerts cover everything on the watchlist again." if not left else \
        f"{plural(left, 'name')} still followed."
    await reply(update, f"Stopped following {esc(found[1])}. {rest}")


async def latest(update: Update, context: Context) -> None:
    """The latest stories this chat follows, or about one name."""
    name = command_text(update)
    rt = runtime(context)
    chat_id = update.effective_chat.id

    def chat_follows(s) -> ChatFilter:
        chat = chats.get_chat(s, chat_id)
        return chat_filter(chats.get_follows(s, chat.id)) if chat else ChatFilter()

    flt = await rt.in_session(chat_follows)
    if name:
        found, suggestions = await _resolve(context, name)
        if found is None:
            await usage(update, "latest", _unknown(name, suggestions))
            return
        flt = ChatFilter(frozenset({found[1]}))
    now = rt.clock()
    zone = await asyncio.to_thread(rt.zone_of, chat_id)
    parts = await rt.in_session(lambda s: compose_latest(latest_stories(s, now), flt, now=now, zone=zone))
    if not parts:
        await reply(update, "No stories in the last 7 days" + (f" about {esc(found[1])}." if name else "."))
        return
    await _send_parts(update, parts)


def _unknown(name: str, suggestions: list[str]) -> str:
    hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else " /follow lists the tracked names."
    return f"“{name}” is not on the watchlist.{hint}"
