"""One ingest cycle: fetch due feeds concurrently, then store, detect and alert per feed.

Each feed's outcome is a value (``FeedRun``); a failure is recorded on that feed with a
back-off and never stops the cycle. A feed's new articles, their detections, their
alerts and the feed's state commit in one transaction, so a crash loses no alert and a
re-run repeats none (articles already stored are not new again).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import httpx

from core.analysis import analyze, scan_text
from core.backoff import next_attempt
from core.model import ArticleView
from core.stories import StoryCandidate, fingerprint
from jobs import metrics
from jobs.alerts import enqueue_alerts
from jobs.detector import DetectorCache
from jobs.fetch import FetchResult, fetch_url
from jobs.fulltext import PAGE_MAX_BYTES, expand_teasers, is_teaser
from jobs.parse import ParsedFeed, parse_feed
from storage import articles, feeds, stories
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
        return f"{self.url}: {self.new_items} new item(s), {self.alerts} alert(s) queued"


@dataclass(frozen=True)
class IngestOptions:
    poll_seconds: float = 600
    allow_private: bool = False
    concurrency: int = 4
    max_bytes: int = MAX_FEED_BYTES
    page_max_bytes: int = PAGE_MAX_BYTES
    claim_limit: int | None = None  # feeds claimed per call (replicas share the rest); None: all due


async def run_ingest(db: Database, client: httpx.AsyncClient, now: datetime, detector: DetectorCache,
                     options: IngestOptions = IngestOptions()) -> list[FeedRun]:
    with db.session() as s:
        due = feeds.claim_due_feeds(s, now, limit=options.claim_limit)
    if not due:
        return []
    matcher = await asyncio.to_thread(detector.current, db)
    limit = asyncio.Semaphore(options.concurrency)

    async def fetch(feed: FeedInfo) -> tuple[FeedInfo, FetchResult, ParsedFeed | None]:
        try:
            async with limit:
                with metrics.FETCH_SECONDS.time():
                    result = await fetch_url(client, feed.url, etag=feed.etag, last_modified=feed.last_modified,
                                             max_bytes=options.max_bytes, allow_private=options.allow_private)
            metrics.record_fetch(result.status)
            parsed = None
            if result.status == "ok":
                with metrics.PARSE_SECONDS.time():
                    parsed = await asyncio.to_thread(parse_feed, result.content, result.headers,
                                                     result.final_url or feed.url)
            if parsed is not None and parsed.entries and feed.full_text and not feed.first_fetch:
                parsed = await _with_full_text(db, client, parsed, options)
        except Exception as e:  # a bug in one feed's handling must not stop the cycle
            log.exception("fetching %s failed", feed.url)
            result = FetchResult("error", feed.url, error=f"internal error while fetching: {e}")
            parsed = None
        return feed, result, parsed

    runs = []
    for coro in asyncio.as_completed([fetch(f) for f in due]):
        feed, result, parsed = await coro
        try:
            run = await asyncio.to_thread(_store, db, matcher, feed, result, parsed, now, options)
        except Exception as e:  # one feed's storage failure must not stop the cycle
            log.exception("storing %s failed", feed.url)
            run = FeedRun(feed.url, "error", error=f"internal error while storing: {e}")
        runs.append(run)
    order = {f.url: i for i, f in enumerate(due)}
    return sorted(runs, key=lambda r: order.get(r.url, 0))


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


def _store(db: Database, matcher, feed: FeedInfo, result: FetchResult, parsed: ParsedFeed | None,
           now: datetime, options: IngestOptions) -> FeedRun:
    next_ok = now + timedelta(seconds=options.poll_seconds)
    error = result.error if result.status == "error" else (parsed.error if parsed else None)
    with db.session() as s:
        if error:
            feeds.record_fetch_error(s, feed.id, now, error,
                                     lambda n: next_attempt(now, n, options.poll_seconds))
            return FeedRun(feed.url, "error", error=error)
        if result.status == "not_modified":
            feeds.record_not_modified(s, feed.id, now, next_ok)
            return FeedRun(feed.url, "not_modified")
        alertable = not feed.first_fetch
        new_ids = articles.add_articles(s, feed.id, parsed.entries, now, alertable=alertable)
        metrics.ARTICLES_STORED.inc(len(new_ids))
        prints: dict[int, int] = {}
        for article_id, title, text in articles.get_article_texts(s, new_ids):
            analysis = analyze(matcher, title, text)
            articles.save_detection(s, article_id, analysis.detection, analysis.summary)
            if analysis.detection:
                prints[article_id] = fingerprint(scan_text(title, text))
        views = articles.get_article_views(s, new_ids)
        story_of = _assign_stories(s, [v for v in views if v.id in prints], prints, now)
        queued = enqueue_alerts(s, views, now, story_of) if alertable else 0
        feeds.record_fetch_ok(s, feed.id, now, next_ok, title=parsed.title, etag=result.etag,
                              last_modified=result.last_modified, new_items=len(new_ids))
    return FeedRun(feed.url, "new", new_items=len(new_ids), alerts=queued)


def _assign_stories(session, views: list[ArticleView], prints: dict[int, int], now: datetime) -> dict[int, int]:
    """Each new article naming a tracked official or topic joins a story, in this transaction."""
    if not views:
        return {}
    existing = stories.get_story_candidates(session, now - stories.STORY_WINDOW)
    story_of = {}
    for view in views:
        candidate = StoryCandidate(
            fingerprint=prints[view.id], published=min(view.published or now, now),
            officials=frozenset(m.name for m in view.mentions if m.kind == "official"),
            topics=frozenset(m.name for m in view.mentions if m.kind == "topic"),
            title=view.title, outlet=view.feed_title,
        )
        story_of[view.id], created = stories.assign_story(session, view.id, candidate, now, existing)
        metrics.STORY_MERGES.inc(0 if created else 1)
    return story_of
