"""One ingest cycle: fetch due feeds concurrently, then decide and store per feed.

Each feed's outcome is a value (``FeedRun``); a failure is recorded on that feed with a
back-off and never stops the cycle. Per feed: one read finds the new entries (newest
first, at most ``max_items`` a cycle: the rest come next cycle); detection, summary and
fingerprint are decided in memory with no transaction open (in a worker process with
``IngestOptions.processes``: jobs.decide, which then also parses first fetches); then the articles with their
mentions, stories and alerts are written in transactions of ``batch_size`` articles, so
a handler never waits long for SQLite's write lock. Each batch holds its articles'
alerts, so a crash loses no alert and a re-run repeats none (stored articles are not new
again). The feed's state commits with the last batch. A cycle has a deadline: feeds not
fetched or stored by then are left due for the next cycle, and a fetch still running is
recorded as a failure with back-off, so one slow feed never holds the others. At most
``2 * concurrency`` feeds are held between their fetch and the end of their store, so the
memory of a cycle does not grow with the number of feeds.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

import httpx

from core.backoff import next_attempt
from core.gazetteer import Gazetteer, compiled
from core.model import ArticleView
from core.render import plural
from jobs import metrics
from jobs.alerts import enqueue_alerts
from jobs.decide import DecidePool, Decision, decide_entry
from jobs.detector import DetectorCache
from jobs.fetch import FetchResult, fetch_url
from jobs.fulltext import PAGE_MAX_BYTES, expand_teasers, is_teaser
from jobs.grouping import decide_batch, finish_batch, plan_batch, story_ids
from jobs.parse import ParsedFeed, parse_feed
from storage import articles, feed_history, feeds
from storage.db import Database
from storage.feeds import FeedInfo

log = logging.getLogger(__name__)

MAX_FEED_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FeedRun:
    url: str
    status: Literal["new", "not_modified", "error"]
    new_items: int = 0
    alerts: int = 0
    error: str | None = None

    def line(self) -> str:
        if self.status == "error":
            return f"{self.url}: error: {self.error}"
        if self.status == "not_modified":
            return f"{self.url}: not modified"
        return f"{self.url}: {plural(self.new_items, 'new item')}, {plural(self.alerts, 'alert')} queued"


@dataclass(frozen=True)
class IngestOptions:
    poll_seconds: float = 600
    allow_private: bool = False
    concurrency: int = 4
    max_bytes: int = MAX_FEED_BYTES
    page_max_bytes: int = PAGE_MAX_BYTES
    max_items: int = 500  # new items stored per feed per cycle, newest first; the rest next cycle
    batch_size: int = 100  # articles per write transaction
    # Pause between a feed's write transactions: SQLite's busy handler polls every 100 ms,
    # so back-to-back transactions would starve a handler waiting for the write lock.
    batch_pause: float = 0.12
    deadline_seconds: float = 45  # a cycle stops waiting for feeds after this (ticks are 60 s apart)
    claim_limit: int | None = None  # feeds claimed per call (replicas share the rest); None: all due
    # Decide (detect, summarise, sign) new entries in a worker process beside the one that
    # fetches, parses and writes: a second core does that half. 0: all in this process.
    processes: int = 0


async def run_ingest(db: Database, client: httpx.AsyncClient, now: datetime, detector: DetectorCache,
                     options: IngestOptions = IngestOptions()) -> list[FeedRun]:
    with db.session() as s:
        due = feeds.claim_due_feeds(s, now, limit=options.claim_limit)  # leased: other replicas skip them
        history = feed_history.get_history_until(s) if due else {}
    if not due:
        return []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + options.deadline_seconds
    pool = detector.decide_pool() if options.processes > 0 else None
    # With a decide worker this process does not detect: the Matcher is built only if the worker fails.
    matcher = await asyncio.to_thread(detector.current, db, build=pool is None)
    # Parsing and storing are CPU work that holds the GIL: one thread does both, in turn. More
    # threads ran no faster (benchmarks/ingest.py), and each grows a malloc arena of its own,
    # memory the process keeps: with one, peak RSS stays flat over repeated cycles.
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
    try:
        return await _cycle(db, client, now, options, due, history, matcher, detector, deadline, worker, pool)
    finally:
        worker.shutdown(wait=False)


async def _cycle(db: Database, client: httpx.AsyncClient, now: datetime, options: IngestOptions,
                 due: list[FeedInfo], history: dict, matcher, detector: DetectorCache, deadline: float,
                 worker: ThreadPoolExecutor, pool: DecidePool | None = None) -> list[FeedRun]:
    loop = asyncio.get_running_loop()
    limit = asyncio.Semaphore(options.concurrency)
    # Parsed feeds waiting to be stored are held in memory: at most this many at a time.
    backlog = asyncio.Semaphore(2 * options.concurrency)
    started: set[int] = set()
    fetched: set[int] = set()

    # Fetched feeds are handed over through a queue, not as task results: a finished task keeps
    # its result until the cycle ends, and a cycle of 1,000 feeds would hold every body and parse.
    ready: asyncio.Queue[tuple[FeedInfo, FetchResult, ParsedFeed | None]] = asyncio.Queue()

    async def fetch(feed: FeedInfo) -> None:
        await backlog.acquire()  # released once the feed is stored
        try:
            async with limit:
                started.add(feed.id)
                with metrics.FETCH_SECONDS.time():
                    result = await fetch_url(client, feed.url, etag=feed.etag, last_modified=feed.last_modified,
                                             max_bytes=options.max_bytes, allow_private=options.allow_private)
                metrics.record_fetch(result.status)
                parsed = None
                if result.status == "ok":
                    with metrics.PARSE_SECONDS.time():
                        parsed = await _parse(pool, detector, feed, result, now) if pool is not None else None
                        if parsed is None:
                            # A first fetch's entries are all new to this feed: the stored-entry check
                            # before reading bodies would find (almost) nothing; _select still dedups.
                            known = None if feed.first_fetch else (lambda keys: _known_identities(db, keys))
                            parsed = await loop.run_in_executor(worker, parse_feed, result.content, result.headers,
                                                                result.final_url or feed.url, now, known)
                    result = dataclasses.replace(result, content=b"")  # parsed: the bytes need not wait for the store
                if parsed is not None and parsed.entries and feed.full_text and not feed.first_fetch:
                    parsed = await _with_full_text(db, client, parsed, options)
        except Exception as e:  # a bug in one feed's handling must not stop the cycle
            log.exception("fetching %s failed", feed.url)
            result = FetchResult("error", feed.url, error=f"internal error while fetching: {e}")
            parsed = None
        fetched.add(feed.id)
        ready.put_nowait((feed, result, parsed))

    def out_of_time() -> bool:
        return loop.time() >= deadline

    async def store(feed: FeedInfo, result: FetchResult, parsed: ParsedFeed | None) -> FeedRun | None:
        nonlocal matcher
        try:
            if out_of_time():
                return None  # fetched but not stored: due again next cycle
            sel = await loop.run_in_executor(worker, _select, db, feed, result, parsed, now, options,
                                             history.get(feed.id))
            if isinstance(sel, FeedRun):
                return sel
            decisions = await _decisions(pool, detector, sel, now) if pool is not None else None
            if decisions is None and matcher is None:  # the worker failed: decide here
                matcher = await asyncio.to_thread(detector.matcher_for)
            return await loop.run_in_executor(worker, _write, db, matcher, feed, result, parsed, sel, decisions,
                                              now, options, out_of_time, detector.gazetteer)
        except Exception as e:  # one feed's storage failure must not stop the cycle
            log.exception("storing %s failed", feed.url)
            run = FeedRun(feed.url, "error", error=f"internal error while storing: {e}")
            await asyncio.to_thread(_record_store_failure, db, feed, run.error, now, options)
            return run
        finally:
            backlog.release()
            in_flight.release()

    # Two feeds in the store stage: one decided in the worker process while the other is written.
    in_flight = asyncio.Semaphore(2 if pool is not None else 1)
    tasks = [asyncio.ensure_future(fetch(f)) for f in due]
    stores: list[asyncio.Future] = []
    try:
        async with asyncio.timeout(max(deadline - loop.time(), 0)):
            for _ in tasks:
                feed, result, parsed = await ready.get()
                await in_flight.acquire()
                stores.append(asyncio.ensure_future(store(feed, result, parsed)))
                del feed, result, parsed  # the store task holds them until the feed is written
    except TimeoutError:
        pass
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    runs = [run for run in await asyncio.gather(*stores) if run is not None]
    late = [f for f in due if f.id in started and f.id not in fetched]
    if late:
        runs.extend(await asyncio.to_thread(_record_late, db, late, now, options))
    done = {r.url for r in runs}
    if unclaimed := [f.id for f in due if f.url not in done]:  # not reached by the deadline: due again
        await asyncio.to_thread(_release, db, unclaimed, now)
    order = {f.url: i for i, f in enumerate(due)}
    return sorted(runs, key=lambda r: order.get(r.url, 0))


def _known_identities(db: Database, keys: list[tuple[str | None, str | None]]) -> list[bool]:
    """Which entries (guid, link) are stored already: their bodies need not be read again."""
    with db.session() as s:
        return articles.get_known_identities(s, keys)


def _release(db: Database, feed_ids: list[int], now: datetime) -> None:
    with db.session() as s:
        feeds.release_feeds(s, feed_ids, now)


def _record_late(db: Database, late: list[FeedInfo], now: datetime, options: IngestOptions) -> list[FeedRun]:
    """Feeds still being fetched at the deadline: a failure with back-off, so they cannot hold every cycle."""
    error = f"not finished within the cycle's {options.deadline_seconds:g} s deadline"
    with db.session() as s:
        for feed in late:
            feeds.record_fetch_error(s, feed.id, now, error, lambda n: next_attempt(now, n, options.poll_seconds))
    return [FeedRun(f.url, "error", error=error) for f in late]


async def _with_full_text(db: Database, client: httpx.AsyncClient, parsed: ParsedFeed,
                          options: IngestOptions) -> ParsedFeed:
    """Fetch article pages for new teaser entries (history on a first fetch is left alone)."""
    teasers = [i for i, e in enumerate(parsed.entries) if is_teaser(e)]
    if not teasers:
        return parsed
    with db.session() as s:
        unknown = set(articles.get_unknown_entries(s, [parsed.entries[i] for i in teasers]))
    indexes = [i for n, i in enumerate(teasers) if n in unknown]
    if not indexes:
        return parsed
    entries = await expand_teasers(client, parsed.entries, indexes, allow_private=options.allow_private,
                                   max_bytes=options.page_max_bytes)
    return ParsedFeed(title=parsed.title, entries=entries, error=parsed.error)


def _record_store_failure(db: Database, feed: FeedInfo, error: str, now: datetime, options: IngestOptions) -> None:
    """Keep the failure on the feed (visible in /feeds, backed off) instead of retrying every tick."""
    try:
        with db.session() as s:
            feeds.record_fetch_error(s, feed.id, now, error, lambda n: next_attempt(now, n, options.poll_seconds))
    except Exception:
        log.exception("recording the failure of %s failed too", feed.url)


@dataclass(frozen=True)
class _Selected:
    """A feed's entries not stored yet (newest first, with their keys), chosen before deciding."""

    fresh: list[articles.KeyedEntry]
    more: bool
    alertable: bool
    outlet: str


def _select(db: Database, feed: FeedInfo, result: FetchResult, parsed: ParsedFeed | None, now: datetime,
            options: IngestOptions, history_until: datetime | None = None) -> _Selected | FeedRun:
    """The feed's new entries, or its outcome when there is nothing to store (error, 304)."""
    next_ok = now + timedelta(seconds=options.poll_seconds)
    error = result.error if result.status == "error" else (parsed.error if parsed else None)
    if error or result.status == "not_modified":
        with db.session() as s:
            if error:
                feeds.record_fetch_error(s, feed.id, now, error,
                                         lambda n: next_attempt(now, n, options.poll_seconds))
                return FeedRun(feed.url, "error", error=error)
            feeds.record_not_modified(s, feed.id, now, next_ok)
            return FeedRun(feed.url, "not_modified")
    alertable = not feed.first_fetch
    entries = parsed.entries
    if alertable and history_until is not None:
        entries = [e for e in entries if e.published is None or e.published > history_until]
    newest_first = sorted(entries, key=lambda e: e.published or now, reverse=True)
    with db.session() as s:
        fresh, more = articles.get_new_keyed_entries(s, newest_first, limit=options.max_items)
        if not alertable:
            # A first fetch keeps only the newest items as history; what it left out stays history.
            dated = [e.published for e, _ in fresh if e.published is not None]
            feed_history.set_history_until(s, feed.id, min(dated) if more and dated else None)
            more = False
    return _Selected(fresh, more, alertable, feed.title or _host(feed.url))


async def _parse(pool: DecidePool, detector: DetectorCache, feed: FeedInfo, result: FetchResult, now: datetime
                 ) -> ParsedFeed | None:
    """A first fetch's parse, in the worker process: its entries are all new (no stored-entry
    check to make first), and this process's one thread then only selects and writes. None:
    parse here (not a first fetch, or the worker failed)."""
    if not feed.first_fetch:
        return None
    try:
        return await asyncio.wrap_future(pool.parse(detector.watchlist, result.content, result.headers,
                                                    result.final_url or feed.url, now))
    except Exception:
        log.exception("the decide worker failed to parse %s; parsing in this process", feed.url)
        return None


async def _decisions(pool: DecidePool, detector: DetectorCache, sel: _Selected, now: datetime
                     ) -> list[Decision] | None:
    """The worker process's decisions for ``sel.fresh`` (in order); None if it failed (then
    this process decides, as without a worker)."""
    if not sel.fresh:
        return []
    try:
        return await asyncio.wrap_future(pool.submit(detector.watchlist, [e for e, _ in sel.fresh], now, sel.outlet,
                                                     not sel.alertable))
    except Exception:
        log.exception("the decide worker failed; deciding in this process")
        return None


def _write(db: Database, matcher, feed: FeedInfo, result: FetchResult, parsed: ParsedFeed, sel: _Selected,
           decisions: Sequence[Decision] | None, now: datetime, options: IngestOptions,
           out_of_time: Callable[[], bool] = lambda: False, gazetteer: Gazetteer | None = None) -> FeedRun:
    """Store the selected entries in transactions of ``batch_size``, each with its stories and alerts."""
    next_ok = now + timedelta(seconds=options.poll_seconds)
    fresh, more, alertable, outlet = sel.fresh, sel.more, sel.alertable, sel.outlet
    stored = queued = 0
    starts = range(0, len(fresh), options.batch_size)
    batches = [(fresh[i:i + options.batch_size], decisions[i:i + options.batch_size] if decisions is not None
                else None) for i in starts] or [([], None)]
    for n, (batch, decided_batch) in enumerate(batches):
        last = n == len(batches) - 1
        if not last and out_of_time():
            more, last = True, True  # the rest of this feed waits for the next cycle
        # CPU work, no transaction open; stored oldest first, so ids follow time within a batch.
        if decided_batch is None:
            decided_batch = [decide_entry(matcher, gazetteer or compiled(()), e, now, outlet, history=not alertable)
                             for e, _ in batch]
        pairs = list(zip(batch, decided_batch, strict=True))[::-1]
        with db.session() as s:
            # story candidates and links, read before the first write (SQLite's write lock is taken there);
            # then each article's story, so it is inserted with it (no UPDATE of the new rows)
            decision = decide_batch(s, plan_batch(s, [d.signature for _, d in pairs]), now)
            items = [articles.NewArticle(entry=e, summary=d.summary, mentions=d.mentions, keys=keys,
                                         fingerprint=d.signature.fingerprint if d.signature else d.fingerprint,
                                         story_id=story)
                     for ((e, keys), d), story in zip(pairs, story_ids(decision, len(pairs)), strict=True)]
            rows = articles.insert_articles(s, feed.id, items, now, alertable=alertable)
            views = [_view(row, item, outlet) for row, item in zip(rows, items, strict=True)]
            grouping = finish_batch(s, decision, [r.id for r in rows], now)
            queued += enqueue_alerts(s, views, now, grouping.story_of, grouping.merged) if alertable else 0
            metrics.STORY_MERGES.inc(len(grouping.merged))
            stored += len(rows)
            metrics.ARTICLES_STORED.inc(len(rows))
            if last:
                # With items left over, skip the validators and come back next cycle, not 304.
                feeds.record_fetch_ok(s, feed.id, now, now if more else next_ok, title=parsed.title,
                                      etag=None if more else result.etag,
                                      last_modified=None if more else result.last_modified, new_items=stored)
        if last:
            break
        time.sleep(options.batch_pause)  # runs in a worker thread, never on the event loop
    return FeedRun(feed.url, "new", new_items=stored, alerts=queued)


def _store(db: Database, matcher, feed: FeedInfo, result: FetchResult, parsed: ParsedFeed | None,
           now: datetime, options: IngestOptions, out_of_time: Callable[[], bool] = lambda: False,
           history_until: datetime | None = None, gazetteer: Gazetteer | None = None) -> FeedRun:
    """Select, decide and write one feed's entries, all in this process."""
    sel = _select(db, feed, result, parsed, now, options, history_until)
    if isinstance(sel, FeedRun):
        return sel
    return _write(db, matcher, feed, result, parsed, sel, None, now, options, out_of_time, gazetteer)


def _view(row: articles.StoredArticle, item: articles.NewArticle, outlet: str) -> ArticleView:
    return ArticleView(id=row.id, feed_title=outlet, title=row.title, link=row.link,
                       published=item.entry.published or row.fetched_at, summary=item.summary,
                       mentions=item.mentions)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url
