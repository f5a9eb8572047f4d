"""Admin commands for feeds: /feed add|remove|pause|resume|fulltext URL and /feeds."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot import operations
from bot.handlers.guards import admin_only, usage
from bot.replies import reply
from bot.runtime import Context, runtime
from core.render import esc, format_when, plural
from storage import feeds as feed_store

_ACTIONS = ("add", "remove", "pause", "resume", "fulltext", "list")
_DONE = {"remove": "Removed", "pause": "Paused", "resume": "Resumed",
         "fulltext on": "Full text for teasers on for", "fulltext off": "Full text for teasers off for"}


def added_text(result: operations.FeedAdded) -> str:
    """The reply to /feed add."""
    url = esc(result.url)
    if result.outcome == "refused":
        hint = "" if result.problem and "only http" in result.problem else \
            f"\nTo add it anyway, paused until you resume it: /feed add {url} --paused"
        return f"❌ Not added: {esc(result.problem)}{hint}"
    if result.outcome == "present":
        return f"{url} is already in the list."
    if result.outcome == "added_paused":
        return (f"⏸ Added {url} paused: {esc(result.problem)}\n"
                f"/feed resume {url} fetches it again at the next poll.")
    name = f"<b>{esc(result.title)}</b> ({url})" if result.title else url
    return (f"✅ Added {name}: it holds {plural(result.items, 'item')} now. Those are stored without alerts "
            "at the next poll; newer ones are alerted.")


@admin_only
async def feed(update: Update, context: Context) -> None:
    """Add (fetched once first), remove, pause, resume or switch full text for one feed."""
    args = context.args or []
    if not args or args[0].lower() not in _ACTIONS:
        await usage(update, "feed", "Tell me what to do with the feed: add, remove, pause, resume, fulltext or list.")
        return
    action = args[0].lower()
    if action == "list":
        await feeds_list(update, context)
        return
    rest = args[1:]
    flag = [a for a in rest if a.startswith("--")]
    if action == "fulltext" and len(rest) == 2 and rest[1].lower() in ("on", "off"):
        action, rest = f"fulltext {rest[1].lower()}", rest[:1]
    elif action == "fulltext":
        await usage(update, "feed", "/feed fulltext needs a URL and then on or off.")
        return
    if action == "add" and flag in ([], ["--paused"]):
        rest = [a for a in rest if a != "--paused"]
    elif flag:
        await usage(update, "feed", f"“{esc(flag[0])}” is not an option here; /feed add URL --paused is the only one.")
        return
    if len(rest) != 1:
        await usage(update, "feed", f"/feed {action.split()[0]} needs exactly one URL.")
        return
    url = rest[0].strip()
    rt = runtime(context)
    user_id = update.effective_user.id
    if action == "add":
        result = await operations.add_feed(rt.db, rt.http, url, rt.clock(), user_id=user_id,
                                           allow_private=rt.settings.allow_private_urls, paused=bool(flag))
        await reply(update, added_text(result))
        return
    done = await asyncio.to_thread(operations.change_feed, rt.db, url, action, rt.clock(), user_id=user_id)
    await reply(update, f"✅ {_DONE[action]} {esc(url)}." if done else
                f"No feed with the URL {esc(url)}. Send /feeds to see the list.")


@admin_only
async def feeds_list(update: Update, context: Context) -> None:
    """List feeds with last fetch time, next fetch, items and last error."""
    rt = runtime(context)
    rows, zone = await asyncio.to_thread(_feeds_and_zone, rt, update.effective_chat.id)
    if not rows:
        await reply(update, "No feeds yet. Add one with /feed add URL.")
        return
    blocks = [f"<b>Feeds ({len(rows)})</b>"]
    for f in rows:
        state = "⏸ paused" if f.paused else ("⚠️" if f.last_error else ("✅" if f.last_ok_at else "🆕"))
        head = f"{state} {esc(f.title)}\n{esc(f.url)}" if f.title else f"{state} {esc(f.url)}"
        fetched = f"last fetch: {format_when(f.last_fetch_at, zone)}" if f.last_fetch_at else "not fetched yet"
        line = f"{head}\n{fetched} · {plural(f.items_total, 'item')}"
        if not f.paused and f.next_fetch_at:
            line += f" · next: {format_when(f.next_fetch_at, zone)}"
        if f.last_error:
            line += f"\nlast error ({f.error_count}×): {esc(f.last_error)}"
        blocks.append(line)
    await reply(update, "\n\n".join(blocks))


def _feeds_and_zone(rt, chat_id: int):
    with rt.db.session() as s:
        rows = feed_store.list_feeds(s)
    return rows, rt.zone_of(chat_id)
