"""/watchlist: the tracked officials and topics, a page at a time with ◀ ▶ buttons."""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.handlers.guards import admin_only, usage
from bot.replies import reply
from bot.runtime import Context, Runtime, runtime
from core.model import Official, Topic
from core.render import esc, plural
from storage import watchlist as wl_store

PAGE_SIZE = 6
PREFIX = "wl:"


def _official(o: Official) -> str:
    aliases = ", ".join(a.text + ("" if not (a.case_sensitive or a.needs_context) else " (guarded)") for a in o.aliases)
    lines = [f"👤 <b>{esc(o.name)}</b>", f"aliases: {esc(aliases) or '—'}"]
    if o.roles:  # a few, as descriptions: a page must stay one message (/export shows all)
        more = len(o.roles) - SHOWN_ROLES
        lines.append(f"roles: {esc('; '.join(o.roles[:SHOWN_ROLES]))}" + (f"; … {more} more" if more > 0 else ""))
    if o.descriptions:  # a few: a page must stay one message (/export shows all)
        more = len(o.descriptions) - SHOWN_DESCRIPTIONS
        lines.append(f"descriptions: {esc('; '.join(o.descriptions[:SHOWN_DESCRIPTIONS]))}" + (f"; … {more} more" if more > 0 else ""))
    return "\n".join(lines)


SHOWN_TERMS = 15  # a page must stay under Telegram's 4096 characters; /export shows all
SHOWN_DESCRIPTIONS = 2
SHOWN_ROLES = 8


def _some(terms: tuple[str, ...]) -> str:
    shown = ", ".join(terms[:SHOWN_TERMS])
    return shown + (f", … {len(terms) - SHOWN_TERMS} more" if len(terms) > SHOWN_TERMS else "")


def _topic(t: Topic) -> str:
    groups = " + ".join("(" + _some(g) + ")" for g in t.groups)
    lines = [f"🏷 <b>{esc(t.name)}</b>", f"needs: {esc(groups)}"]
    if t.exclude:
        lines.append(f"except: {esc(_some(t.exclude))}")
    return "\n".join(lines)


def _page(rt: Runtime, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    with rt.db.session() as s:
        watchlist = wl_store.load_watchlist(s)
    entries = [_official(o) for o in watchlist.officials] + [_topic(t) for t in watchlist.topics]
    if not entries:
        return "The watchlist is empty. Add an official with /track or a topic with /topic.", None
    pages = -(-len(entries) // PAGE_SIZE)
    page = min(max(page, 1), pages)
    head = (f"<b>Watchlist</b>: {plural(len(watchlist.officials), 'official')}, {plural(len(watchlist.topics), 'topic')} "
            f"· page {page} of {pages}")
    text = "\n\n".join([head] + entries[(page - 1) * PAGE_SIZE:page * PAGE_SIZE])
    nav = []
    if page > 1:
        nav.append(InlineKeyboardButton("◀ Previous", callback_data=f"{PREFIX}{page - 1}"))
    if page < pages:
        nav.append(InlineKeyboardButton("Next ▶", callback_data=f"{PREFIX}{page + 1}"))
    return text, InlineKeyboardMarkup([nav]) if nav else None


@admin_only
async def watchlist(update: Update, context: Context) -> None:
    """Show the watchlist, a page at a time."""
    args = context.args or []
    if len(args) > 1 or (args and not args[0].isdigit()):
        await usage(update, "watchlist", "Give a page number, or nothing for the first page.")
        return
    text, markup = await asyncio.to_thread(_page, runtime(context), int(args[0]) if args else 1)
    await reply(update, text, markup)


async def watchlist_button(update: Update, context: Context) -> None:
    """Turn the watchlist message to another page."""
    query = update.callback_query
    rt = runtime(context)
    if not await asyncio.to_thread(rt.is_admin, update.effective_user.id):
        await query.answer("Only briefbot admins can browse the watchlist.", show_alert=True)
        return
    page = query.data.removeprefix(PREFIX)
    text, markup = await asyncio.to_thread(_page, rt, int(page) if page.isdigit() else 1)
    await query.answer()
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as e:
        if "not modified" not in str(e).lower():
            raise
