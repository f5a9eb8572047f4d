"""/export and /import: the watchlist as TOML and the feeds as OPML, as Telegram files.

An import checks the whole file before changing anything and then applies the valid
entries in one transaction; its answer lists what was added, changed and refused. The
watchlist import merges by name (``/import replace`` also removes what the file lacks,
like `briefbot watchlist import`).
"""

from __future__ import annotations

import asyncio
import io

import tomli_w
from telegram import Document, Update

from bot import operations
from bot.handlers.guards import admin_only, usage
from bot.replies import reply
from bot.runtime import Context, Runtime, runtime
from core.opml import OpmlFeed, to_opml
from core.render import esc, plural
from storage import feeds as feed_store
from storage import watchlist as wl_store

MAX_IMPORT_BYTES = 1_000_000


def _exports(rt: Runtime) -> tuple[bytes, bytes, str, int]:
    with rt.db.session() as s:
        watchlist = wl_store.load_watchlist(s)
        feeds = feed_store.list_feeds(s)
    from core.watchlist import watchlist_to_dict  # detection's word lists load with it: not at start

    toml = tomli_w.dumps(watchlist_to_dict(watchlist)).encode("utf-8")
    opml = to_opml([OpmlFeed(f.url, f.title) for f in feeds], "briefbot feeds").encode("utf-8")
    counts = f"{plural(len(watchlist.officials), 'official')} and {plural(len(watchlist.topics), 'topic')}"
    return toml, opml, counts, len(feeds)


@admin_only
async def export(update: Update, context: Context) -> None:
    """Send the watchlist (TOML) and the feed list (OPML) as two files."""
    if context.args:
        await usage(update, "export", "/export takes no arguments.")
        return
    toml, opml, entries, feeds = await asyncio.to_thread(_exports, runtime(context))
    message = update.effective_message
    await message.reply_document(io.BytesIO(toml), filename="watchlist.toml", do_quote=False,
                                 caption=f"Watchlist: {entries}. Edit it and send it "
                                         "back with the caption /import.")
    await message.reply_document(io.BytesIO(opml), filename="feeds.opml", do_quote=False,
                                 caption=f"Feeds: {feeds}. Any feed reader can open this OPML file.")


def _attached(update: Update) -> Document | None:
    message = update.effective_message
    if message.document is not None:
        return message.document
    replied = message.reply_to_message
    return replied.document if replied is not None else None


def _import_args(update: Update) -> list[str]:
    message = update.effective_message
    return (message.caption or message.text or "").split()[1:]


@admin_only
async def import_file(update: Update, context: Context) -> None:
    """Validate an attached watchlist .toml or feeds .opml, then apply what is valid."""
    document, args = _attached(update), _import_args(update)
    if document is None or [a for a in args if a.lower() != "replace"]:
        await usage(update, "import", "Attach a watchlist .toml or feeds .opml file with /import as its "
                                      "caption, or reply /import to a message that has the file.")
        return
    if (document.file_size or 0) > MAX_IMPORT_BYTES:
        await reply(update, f"❌ {esc(document.file_name)} is too large to be a watchlist or a feed list "
                            f"(limit {MAX_IMPORT_BYTES // 1000} kB). Nothing was changed.")
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    name = (document.file_name or "").lower()
    is_opml = name.endswith((".opml", ".xml")) or (not name.endswith(".toml") and data.lstrip().startswith(b"<"))
    rt, user_id = runtime(context), update.effective_user.id
    if is_opml:
        text = await _import_feeds(rt, data, user_id)
    else:
        text = await asyncio.to_thread(_import_watchlist, rt, data, user_id, replace=bool(args))
    await reply(update, text)


def _names(label: str, names) -> str:
    return f"{label} ({len(names)}): {esc(', '.join(names))}" if names else ""


def _import_watchlist(rt: Runtime, data: bytes, user_id: int, *, replace: bool) -> str:
    try:
        plan = operations.import_watchlist(rt.db, data, rt.clock(), user_id=user_id, replace=replace)
    except operations.OperationError as e:
        return f"❌ {esc(str(e))}. Nothing was changed."
    lines = ["<b>Watchlist import</b>" + (" (replace)" if replace else ""),
             _names("✅ Added", plan.added), _names("✏️ Changed", plan.changed),
             _names("🗑 Removed", plan.removed_officials + plan.removed_topics + plan.removed_gazetteer),
             f"Unchanged: {len(plan.unchanged)}" if plan.unchanged else ""]
    if plan.refused:
        lines.append(f"❌ Refused ({len(plan.refused)}):")
        lines += [f"• {esc(entry)}: {esc(reason)}" for entry, reason in plan.refused]
    if not (plan.added or plan.changed or plan.removed_officials or plan.removed_topics or plan.removed_gazetteer):
        lines.append("Nothing needed changing.")
    return "\n".join(line for line in lines if line)


async def _import_feeds(rt: Runtime, data: bytes, user_id: int) -> str:
    try:
        result = await operations.import_feeds(rt.db, data, rt.clock(), user_id=user_id,
                                               allow_private=rt.settings.allow_private_urls)
    except operations.OperationError as e:
        return f"❌ Not a usable OPML file: {esc(str(e).removeprefix('not a usable OPML file: '))}. Nothing was changed."
    lines = ["<b>Feed import</b>", _names("✅ Added", result.added),
             f"Already present: {len(result.present)}" if result.present else ""]
    if result.refused:
        lines.append(f"❌ Refused ({len(result.refused)}):")
        lines += [f"• {esc(url)}: {esc(p)}" for url, p in result.refused]
    if not result.listed:
        lines.append("The file lists no feeds.")
    return "\n".join(line for line in lines if line)
