"""Bounded ingest: a per-feed item cap per cycle (newest first, the rest next cycle), write
transactions of bounded size, and a cycle deadline that no slow feed can hold."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from jobs.detector import DetectorCache
from jobs.fetch import make_client
from jobs.ingest import IngestOptions, run_ingest
from storage import chats
from storage import feeds as feed_store
from storage.defaults import load_defaults_once
from storage.tables import Article
from tests.conftest import LONG_TESTS
from tests.fakes.feed_server import rss

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
POLL = 600


def items(serials, *, tracked_every: int = 0) -> list[dict]:
    """Items whose pubDate grows with the serial; every ``tracked_every``-th names an official."""
    out = []
    for n in serials:
        tracked = tracked_every and n % tracked_every == 0
        title = f"Araghchi discusses harbour budget {n} in Muscat" if tracked else f"Harbour budget item {n}"
        out.append({"title": title, "guid": f"g{n}", "link": f"https://news.example/{n}",
                    "description": f"The council discussed item {n} at length on Tuesday.",
                    "pubDate": NOW - timedelta(days=1) + timedelta(seconds=n)})
    return out


def stored_guids(db) -> list[str]:
    with db.session() as s:
        return list(s.exec(select(Article.guid).order_by(Article.id)))


async def test_item_cap_takes_newest_first_and_leaves_the_rest_for_the_next_cycles(db, feed_server):
    options = IngestOptions(poll_seconds=POLL, allow_private=True, max_items=10, batch_size=4)
    feed_server.set_feed("/f", rss(items(range(3))), etag='"v1"')
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/f"), NOW)
    # Oldest first in the document: the cap must still pick the newest by date.
    feed_server.set_feed("/f", rss(items(range(28))), etag='"v2"')
    async with make_client() as client:
        await run_ingest(db, client, NOW, DetectorCache(), options)  # first fetch: 28 items of history
        assert len(stored_guids(db)) == 10
        assert set(stored_guids(db)) == {f"g{n}" for n in range(18, 28)}  # the newest ten; the rest is old history
        with db.session() as s:
            (feed,) = feed_store.list_feeds(s)
        assert feed.next_fetch_at == NOW + timedelta(seconds=POLL)

        feed_server.set_feed("/f", rss(items(range(28 + 25))), etag='"v3"')  # 25 new items
        later = NOW + timedelta(seconds=POLL)
        (run,) = await run_ingest(db, client, later, DetectorCache(), options)
        assert run.new_items == 10
        assert sorted(stored_guids(db)[10:]) == sorted(f"g{n}" for n in range(43, 53))  # the newest ten
        assert stored_guids(db)[10:14] == ["g49", "g50", "g51", "g52"]  # newest batch first, each oldest first
        with db.session() as s:
            (feed,) = feed_store.list_feeds(s)
        assert feed.next_fetch_at == later  # due again at the next tick
        assert feed.etag is None or feed.etag != '"v3"'  # no 304 while items are left over

        (run,) = await run_ingest(db, client, later + timedelta(seconds=60), DetectorCache(), options)
        assert run.new_items == 10
        (run,) = await run_ingest(db, client, later + timedelta(seconds=120), DetectorCache(), options)
        assert run.new_items == 5
        with db.session() as s:
            (feed,) = feed_store.list_feeds(s)
        assert feed.next_fetch_at == later + timedelta(seconds=120 + POLL)
        assert feed.etag == '"v3"'
        assert sorted(stored_guids(db)[10:]) == sorted(f"g{n}" for n in range(28, 53))


async def test_each_batch_commits_on_its_own(db, feed_server, monkeypatch):
    """A batch that fails leaves earlier batches stored (with their alerts) and the rest for later."""
    import jobs.ingest

    options = IngestOptions(poll_seconds=POLL, allow_private=True, max_items=100, batch_size=4)
    feed_server.set_feed("/f", rss(items(range(2))))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/f"), NOW)
    async with make_client() as client:
        await run_ingest(db, client, NOW, DetectorCache(), options)
        feed_server.set_feed("/f", rss(items(range(12))))
        real_insert = jobs.ingest.articles.insert_articles
        calls = []

        def third_batch_fails(session, feed_id, batch, now, **kwargs):
            calls.append(len(batch))
            if len(calls) == 3:
                raise RuntimeError("disk full")
            return real_insert(session, feed_id, batch, now, **kwargs)

        monkeypatch.setattr(jobs.ingest.articles, "insert_articles", third_batch_fails)
        (run,) = await run_ingest(db, client, NOW + timedelta(seconds=POLL), DetectorCache(), options)
    assert calls == [4, 4, 2]
    assert run.status == "error" and "disk full" in run.error
    assert len(stored_guids(db)) == 2 + 8


async def test_cycle_deadline_leaves_a_slow_feed_behind_without_holding_the_others(db, feed_server):
    options = IngestOptions(poll_seconds=POLL, allow_private=True, deadline_seconds=5.0)
    feed_server.set_feed("/slow", rss(items(range(3))))
    feed_server.set_slow("/slow", 15)
    feed_server.set_feed("/fast", rss(items(range(100, 103))))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/slow"), NOW)
        feed_store.add_feed(s, feed_server.url("/fast"), NOW)
    async with make_client(connect_timeout=20, read_timeout=20) as client:
        started = time.monotonic()
        runs = await run_ingest(db, client, NOW, DetectorCache(), options)
        elapsed = time.monotonic() - started
    by_url = {r.url: r for r in runs}
    assert elapsed < 11.0  # the cycle ended at its deadline, not when the slow feed answered (15 s)
    assert by_url[feed_server.url("/fast")].new_items == 3
    slow = by_url[feed_server.url("/slow")]
    assert slow.status == "error" and "deadline" in slow.error
    with db.session() as s:
        state = {f.url: f for f in feed_store.list_feeds(s)}
    assert state[feed_server.url("/slow")].error_count == 1
    assert state[feed_server.url("/slow")].next_fetch_at == NOW + timedelta(seconds=POLL)  # tried next time


async def test_feeds_left_unfetched_at_the_deadline_stay_due(db, feed_server):
    """Feeds still waiting for a fetch slot when the deadline passes are neither failed nor moved."""
    options = IngestOptions(poll_seconds=POLL, allow_private=True, deadline_seconds=0.5, concurrency=1)
    urls = [feed_server.url(f"/{name}") for name in ("a", "b", "c")]
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        for name, url in zip("abc", urls, strict=True):
            feed_server.set_feed(f"/{name}", rss(items(range(2))))
            feed_server.set_slow(f"/{name}", 2)
            feed_store.add_feed(s, url, NOW)
    async with make_client() as client:
        runs = await run_ingest(db, client, NOW, DetectorCache(), options)
    assert len(runs) == 1 and runs[0].status == "error" and "deadline" in runs[0].error
    with db.session() as s:
        due = {f.url for f in feed_store.get_feeds_due(s, NOW)}
        state = {f.url: f for f in feed_store.list_feeds(s)}
    waiting = [u for u in urls if u != runs[0].url]
    assert set(waiting) <= due
    assert all(state[u].error_count == 0 and state[u].last_fetch_at is None for u in waiting)


def lean_items(count: int) -> list[dict]:
    """Small items (parsing 100,000 full ones takes minutes); every 50th names an official."""
    return [{"title": f"Araghchi in Muscat, note {n}" if n % 50 == 0 else f"Harbour note {n}", "guid": f"g{n}",
             **({"description": f"Araghchi held talks in Muscat on point {n}."} if n % 50 == 0 else {})}
            for n in range(count - 1, -1, -1)]


# 20,000 items already take the parser seconds and give the probe its samples; the lock is the
# same at 100,000 (BRIEFBOT_LONG_TESTS=1), only the parse is longer.
@pytest.mark.parametrize("count", [100_000 if LONG_TESTS else 20_000])
async def test_handlers_answer_within_a_second_while_a_huge_feed_is_ingested(db, feed_server, count):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the single write lock is SQLite's; PostgreSQL locks rows")
    options = IngestOptions(poll_seconds=POLL, allow_private=True, max_bytes=64 * 1024 * 1024, deadline_seconds=600)
    feed_server.set_feed("/huge", rss(items(range(3))))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        chats.subscribe_chat(s, 1, NOW)
        feed_store.add_feed(s, feed_server.url("/huge"), NOW)
    async with make_client() as client:
        await run_ingest(db, client, NOW, DetectorCache(), options)
        feed_server.set_feed("/huge", rss(lean_items(count)))

        latencies: list[float] = []
        stop = threading.Event()

        def handler_like() -> None:
            """What a command handler does: a read and a small write, each in its own session."""
            n = 0
            while not stop.is_set():
                started = time.monotonic()
                with db.session() as s:
                    s.exec(select(Article.id).order_by(Article.id.desc()).limit(8)).all()
                with db.session() as s:
                    chats.update_chat(s, 1, timezone="Asia/Tehran" if n % 2 else "UTC")
                latencies.append(time.monotonic() - started)
                n += 1
                stop.wait(0.05)

        probe = threading.Thread(target=handler_like)
        probe.start()
        try:
            (run,) = await run_ingest(db, client, NOW + timedelta(seconds=POLL), DetectorCache(), options)
        finally:
            stop.set()
            probe.join()
    assert run.status == "new" and run.new_items == options.max_items  # newest first, the rest next cycle
    assert len(latencies) >= 20
    # Under a second at the 95th percentile; the slowest is bounded too (one transaction for the
    # whole feed held the lock for minutes and failed handlers with "database is locked" after 5 s).
    # The max is not held to one second because a shared, overloaded machine stalls threads now and then.
    latencies.sort()
    p95 = latencies[int(0.95 * len(latencies))]
    assert p95 < 1.0 and latencies[-1] < 4.0, f"p95 {p95:.2f} s, slowest {latencies[-1]:.2f} s"
    assert f"g{count - 1}" in stored_guids(db)
