"""/search over stored articles and /why as a reply to an alert."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from telegram import Update

from bot.handlers.guards import command_text, usage
from bot.replies import reply
from bot.runtime import Context, Runtime, runtime
from core.render import esc, plural, render_search_hit, render_why
from core.search import search_words
from core.story_render import render_grouping
from storage.explain import get_sent_article, get_story_grouping
from storage.search import SearchHit, search_articles

RESULTS = 8


def _search(rt: Runtime, query: str, chat_id: int) -> tuple[list[SearchHit], ZoneInfo]:
    with rt.db.session() as s:
        hits = search_articles(s, query, limit=RESULTS)
    return hits, rt.zone_of(chat_id)


async def search(update: Update, context: Context) -> None:
    """Find stored articles containing every word, newest first."""
    query = command_text(update)
    if not search_words(query):
        await usage(update, "search", "Give one or more words to look for.")
        return
    hits, zone = await asyncio.to_thread(_search, runtime(context), query, update.effective_chat.id)
    words = ", ".join(search_words(query))
    if not hits:
        await reply(update, f"No stored article contains all of: {esc(words)}. "
                            "Try fewer words, or another spelling (Persian works too).")
        return
    count = f"{RESULTS}+ results" if len(hits) == RESULTS else plural(len(hits), "result")
    blocks = [f"🔎 <b>{count}</b> for {esc(words)}, newest first"]
    blocks += [render_search_hit(h.title, h.title_spans, h.link, h.outlet, h.published,
                                 h.snippet.text, h.snippet.spans, zone=zone) for h in hits]
    await reply(update, "\n\n".join(blocks))


async def why(update: Update, context: Context) -> None:
    """Explain which alias, role or rule made an alert, when sent as a reply to it."""
    message = update.effective_message
    target = message.reply_to_message if message else None
    if target is None:
        await usage(update, "why", "Send /why as a reply to one of my alerts.")
        return
    chat_id = update.effective_chat.id

    def load(s):
        return (*get_sent_article(s, chat_id, target.message_id), get_story_grouping(s, chat_id, target.message_id))

    kind, article, grouping = await runtime(context).in_session(load)
    if article is None:
        what = "one of my alerts" if kind is None else f"an alert (that message is a {esc(kind)})"
        await reply(update, f"That message is not {what}. Reply /why to a message that starts with 🔔.")
        return
    text = render_why(article)
    if grouping is not None:
        text += "\n\n" + render_grouping(*grouping)
    await reply(update, text)
