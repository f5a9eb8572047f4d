"""Admin commands for feeds: /feed add|remove|pause|resume URL and /feeds."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.guards import admin_only, usage
from bot.replies import reply
from bot.runtime import runtime
from core.render import esc, format_when
from jobs.urlguard import check_feed_url_async
from storage import admin as admin_store
from storage import feeds as feed_store

_ACTIONS = ("add", "remove", "pause", "resume", "list")


@admin_only
async def feed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Add, remove, pause or resume one feed."""
    args = context.args or []
    if not args or args[0].lower() not in _ACTIONS:
        await usage(update, "feed", "Tell me what to do with the feed: add, remove, pause, resume or list.")
        return
    action = args[0].lower()
    if action == "list":
        await feeds_list(update, context)
        return
    if len(args) != 2:
        await usage(update, "feed", f"/feed {action} needs exactly one URL.")
        return
    url = args[1].strip()
    rt = runtime(context)
    user_id = update.effective_user.id
    now = rt.clock()
    if action == "add":
        problem = await check_feed_url_async(url, rt.settings.allow_private_urls)
        if problem:
            await reply(update, f"❌ Not added: {esc(problem)}")
            return
        with rt.db.session() as s:
            info, created = feed_store.add_feed(s, url, now, added_by=user_id)
            if created:
                admin_store.record_action(s, now, user_id, "feed.add", url)
        await reply(update, f"✅ Added {esc(url)}. It is fetched at the next poll; its current items "
                            "are stored without alerts." if created else f"{esc(url)} is already in the list.")
        return
    with rt.db.session() as s:
        if action == "remove":
            done = feed_store.remove_feed(s, url)
        else:
            done = feed_store.set_feed_paused(s, url, action == "pause")
        if done:
            admin_store.record_action(s, now, user_id, f"feed.{action}", url)
    past = {"remove": "Removed", "pause": "Paused", "resume": "Resumed"}[action]
    await reply(update, f"✅ {past} {esc(url)}." if done else
                f"No feed with the URL {esc(url)}. Send /feeds to see the list.")


@admin_only
async def feeds_list(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List feeds with last fetch time, items and last error."""
    rt = runtime(context)
    with rt.db.session() as s:
        rows = feed_store.list_feeds(s)
    if not rows:
        await reply(update, "No feeds yet. Add one with /feed add URL.")
        return
    blocks = [f"<b>Feeds ({len(rows)})</b>"]
    for f in rows:
        state = "⏸ paused" if f.paused else ("⚠️" if f.last_error else "✅")
        fetched = format_when(f.last_fetch_at) if f.last_fetch_at else "never fetched"
        line = f"{state} {esc(f.title or f.url)}\n{esc(f.url)}\nlast fetch: {fetched} · items: {f.items_total}"
        if f.last_error:
            line += f"\nlast error ({f.error_count}×): {esc(f.last_error)}"
        blocks.append(line)
    await reply(update, "\n\n".join(blocks))
