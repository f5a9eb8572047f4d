"""Admin operations shared by the command line and the bot.

Each operation does the work and the audit entry, and returns a plain result value; the
CLI formats it as a line of text, the bot as a Telegram reply. So the two front ends
cannot drift: a feed is checked the same way, a watchlist import merges by default in
both (``replace`` is explicit in both), and pause/resume and full text exist in both.
Database work runs in a thread so the bot's event loop never waits on a write.

Exceptions::

    Exception
    └── OperationError  the input cannot be used; the message says why and changes nothing
"""

from __future__ import annotations

import asyncio
import tomllib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

import httpx

from core.opml import OpmlError, parse_opml
from jobs.urlguard import check_feed_url_async
from storage import admin as admin_store
from storage import feeds as feed_store
from storage import watchlist as wl_store
from storage.db import Database

if TYPE_CHECKING:
    from core.transfer import ImportPlan

FEED_CHECK_SECONDS = 30  # an admin waits for the answer; a slower feed is refused with the reason


class OperationError(Exception):
    """The input cannot be used; the message says what is wrong. Nothing was changed."""


@dataclass(frozen=True)
class FeedAdded:
    url: str
    outcome: Literal["added", "added_paused", "present", "refused"]
    problem: str | None = None  # why it was refused, or why it was added paused
    title: str | None = None
    items: int = 0  # entries the feed holds now (stored at the next poll, without alerts)


def _audit(db: Database, now: datetime, user_id: int | None, action: str, detail: str) -> None:
    with db.session() as s:
        admin_store.record_action(s, now, user_id, action, detail if user_id is not None else f"{detail} (cli)")


async def check_feed(client: httpx.AsyncClient, url: str, allow_private: bool) -> tuple[str | None, str | None, int]:
    """Fetch ``url`` once: (problem or None, the feed's title, its number of entries)."""
    from jobs.fetch import fetch_url  # with the parser (feedparser), only when a feed is added
    from jobs.parse import parse_feed

    result = await fetch_url(client, url, allow_private=allow_private, total_timeout=FEED_CHECK_SECONDS)
    if not result.ok:
        return result.error or "the fetch failed", None, 0
    parsed = parse_feed(result.content, result.headers, result.final_url)
    if parsed.error:
        return parsed.error, None, 0
    return None, parsed.title, len(parsed.entries)


async def add_feed(db: Database, client: httpx.AsyncClient, url: str, now: datetime, *,
                   user_id: int | None, allow_private: bool, paused: bool = False) -> FeedAdded:
    """Add a feed after fetching it once; a feed that does not work is refused with the
    reason, or with ``paused`` added paused with the reason kept as its last error."""
    problem = await check_feed_url_async(url, allow_private)
    if problem:
        return FeedAdded(url, "refused", problem)
    existing = await asyncio.to_thread(_find_feed, db, url)
    if existing is not None:
        return FeedAdded(url, "present", title=existing.title)
    problem, title, items = await check_feed(client, url, allow_private)
    if problem and not paused:
        return FeedAdded(url, "refused", problem)
    await asyncio.to_thread(_store_feed, db, url, now, user_id, title, problem)
    return FeedAdded(url, "added_paused" if problem else "added", problem, title, items)


def _find_feed(db: Database, url: str) -> feed_store.FeedInfo | None:
    with db.session() as s:
        return next((f for f in feed_store.list_feeds(s) if f.url == url), None)


def _store_feed(db: Database, url: str, now: datetime, user_id: int | None, title: str | None,
                problem: str | None) -> None:
    with db.session() as s:
        info, _ = feed_store.add_feed(s, url, now, title=title, added_by=user_id)
        if problem:
            feed_store.set_feed_paused(s, url, True)
            feed_store.record_fetch_error(s, info.id, now, problem, lambda _count: now)
        admin_store.record_action(s, now, user_id, "feed.add",
                                  (f"{url} (paused: {problem})" if problem else url)
                                  + (" (cli)" if user_id is None else ""))


FeedAction = Literal["remove", "pause", "resume", "fulltext on", "fulltext off"]


def change_feed(db: Database, url: str, action: FeedAction, now: datetime, *, user_id: int | None) -> bool:
    """Remove, pause, resume or switch full text for one feed; False when the URL is unknown."""
    with db.session() as s:
        if action == "remove":
            done = feed_store.remove_feed(s, url)
        elif action in ("pause", "resume"):
            done = feed_store.set_feed_paused(s, url, action == "pause")
        else:
            done = feed_store.set_feed_full_text(s, url, action == "fulltext on")
    if done:
        _audit(db, now, user_id, "feed." + action.replace(" ", "."), url)
    return done


@dataclass(frozen=True)
class FeedImport:
    added: tuple[str, ...]
    present: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]  # (url, reason)
    listed: int


async def import_feeds(db: Database, data: bytes, now: datetime, *, user_id: int | None,
                       allow_private: bool) -> FeedImport:
    """Add the feeds of an OPML file (checked by address, not fetched: a list may be long)."""
    try:
        entries = parse_opml(data)
    except OpmlError as e:
        raise OperationError(f"not a usable OPML file: {e}") from e
    verdicts = await asyncio.gather(*(check_feed_url_async(e.url, allow_private) for e in entries))
    refused = tuple((e.url, p) for e, p in zip(entries, verdicts, strict=True) if p)
    return await asyncio.to_thread(_store_feeds, db, entries, {u for u, _ in refused}, refused, now, user_id)


def _store_feeds(db, entries, skip, refused, now, user_id) -> FeedImport:
    added, present = [], []
    with db.session() as s:
        for entry in entries:
            if entry.url in skip:
                continue
            _, created = feed_store.add_feed(s, entry.url, now, title=entry.title, added_by=user_id)
            (added if created else present).append(entry.url)
    _audit(db, now, user_id, "feed.import", f"{len(added)} added, {len(present)} present, {len(refused)} refused")
    return FeedImport(tuple(added), tuple(present), refused, len(entries))


def import_watchlist(db: Database, data: bytes, now: datetime, *, user_id: int | None,
                     replace: bool = False) -> ImportPlan:
    """Merge a watchlist TOML file by name (``replace`` also removes what the file lacks).

    Every entry is checked first; valid ones are applied in one transaction and the
    plan says what was added, changed, removed and refused.
    """
    from core.transfer import plan_watchlist_import  # with detection's word lists: not at start
    from core.watchlist import WatchlistError

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise OperationError("the file is not UTF-8 text, so it cannot be a watchlist") from e
    except tomllib.TOMLDecodeError as e:
        raise OperationError(f"the file is not valid TOML ({e})") from e
    with db.session() as s:
        try:
            plan = plan_watchlist_import(wl_store.load_watchlist(s), parsed, replace=replace)
        except WatchlistError as e:
            raise OperationError(str(e)) from e
        for official in plan.officials:
            wl_store.save_official(s, official)
        for topic in plan.topics:
            wl_store.save_topic(s, topic)
        for name in plan.removed_officials:
            wl_store.delete_official(s, name)
        for name in plan.removed_topics:
            wl_store.delete_topic(s, name)
        for entry in plan.gazetteer:
            wl_store.save_gazetteer_entry(s, entry)
        for name in plan.removed_gazetteer:
            wl_store.delete_gazetteer_entry(s, name)
        removed = len(plan.removed_officials) + len(plan.removed_topics) + len(plan.removed_gazetteer)
        admin_store.record_action(
            s, now, user_id, "watchlist.import",
            ("replace: " if replace else "") + f"{len(plan.added)} added, {len(plan.changed)} changed, {removed} removed, {len(plan.refused)} refused"
            + (" (cli)" if user_id is None else ""))
    return plan
