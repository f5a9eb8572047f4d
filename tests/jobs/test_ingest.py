"""One ingest cycle: each feed fault leaves its state on that feed and never stops the others."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from jobs.detector import DetectorCache
from jobs.fetch import make_client
from jobs.ingest import IngestOptions, run_ingest
from storage import feeds as feed_store
from storage.defaults import load_defaults_once
from storage.tables import Article
from tests.fakes.feed_server import rss

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
POLL = 600
GOOD = rss([{"title": "Araghchi meets Albusaidi in Muscat", "link": "https://news.example/a", "guid": "a",
             "description": "Foreign Minister Abbas Araghchi held talks in Muscat.", "pubDate": NOW}])
OPTIONS = IngestOptions(poll_seconds=POLL, allow_private=True, max_bytes=64 * 1024)


def setup_fault(server, kind: str) -> str:
    path = f"/{kind}"
    if kind == "http500":
        server.set_status(path, 500)
    elif kind == "timeout":
        server.set_feed(path, GOOD)
        server.set_slow(path, 3)
    elif kind == "malformed":
        server.set_feed(path, b"<rss><channel><title>broken</title><item><title>x</titl")
    elif kind == "oversize":
        server.set_oversize(path, 1024 * 1024)
    elif kind == "redirect_loop":
        server.set_redirect(path, "/redirect_loop")
    elif kind == "not_a_feed":
        server.set_page(path, "<html><body><p>Subscribe to our newsletter</p></body></html>")
    return server.url(path)


@pytest.mark.parametrize("kind, expected", [
    ("http500", "HTTP 500"),
    ("timeout", "timed out"),
    ("malformed", "not an RSS or Atom feed"),
    ("oversize", "larger than"),
    ("redirect_loop", "too many redirects"),
    ("not_a_feed", "not an RSS or Atom feed"),
])
async def test_feed_fault_is_recorded_with_back_off(db, feed_server, kind, expected):
    bad_url = setup_fault(feed_server, kind)
    feed_server.set_feed("/good", GOOD)
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, bad_url, NOW)
        feed_store.add_feed(s, feed_server.url("/good"), NOW)
    async with make_client(connect_timeout=1, read_timeout=0.5) as client:
        runs = await run_ingest(db, client, NOW, DetectorCache(), OPTIONS)
        by_url = {r.url: r for r in runs}
        assert by_url[bad_url].status == "error" and expected in by_url[bad_url].error
        assert by_url[feed_server.url("/good")].new_items == 1  # the batch went on
        with db.session() as s:
            bad = next(f for f in feed_store.list_feeds(s) if f.url == bad_url)
        assert bad.error_count == 1 and expected in bad.last_error
        assert bad.next_fetch_at == NOW + timedelta(seconds=POLL)
        assert bad.items_total == 0

        later = NOW + timedelta(seconds=POLL)
        await run_ingest(db, client, later, DetectorCache(), OPTIONS)
        with db.session() as s:
            bad = next(f for f in feed_store.list_feeds(s) if f.url == bad_url)
        assert bad.error_count == 2 and bad.next_fetch_at == later + timedelta(seconds=2 * POLL)


async def test_recovery_and_not_modified_clear_the_error(db, feed_server):
    feed_server.set_status("/flaky", 503)
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/flaky"), NOW)
    async with make_client() as client:
        await run_ingest(db, client, NOW, DetectorCache(), OPTIONS)
        feed_server.set_feed("/flaky", GOOD, etag='"1"')
        (run,) = await run_ingest(db, client, NOW + timedelta(seconds=POLL), DetectorCache(), OPTIONS)
        assert (run.status, run.new_items, run.alerts) == ("new", 1, 0)  # first good fetch: history, no alert
        (run,) = await run_ingest(db, client, NOW + timedelta(seconds=2 * POLL), DetectorCache(), OPTIONS)
        assert run.status == "not_modified"
    with db.session() as s:
        (feed,) = feed_store.list_feeds(s)
    assert (feed.error_count, feed.last_error, feed.etag) == (0, None, '"1"')


async def test_unexpected_failure_in_one_feed_is_recorded_and_the_cycle_goes_on(db, feed_server, monkeypatch):
    import jobs.ingest

    real_parse = jobs.ingest.parse_feed

    def exploding_parse(content, headers, url, now=None, known=None):
        if url.endswith("/bad"):
            raise RuntimeError("parser bug")
        return real_parse(content, headers, url, now, known)

    monkeypatch.setattr(jobs.ingest, "parse_feed", exploding_parse)
    feed_server.set_feed("/bad", GOOD)
    feed_server.set_feed("/good", GOOD)
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/bad"), NOW)
        feed_store.add_feed(s, feed_server.url("/good"), NOW)
    async with make_client() as client:
        runs = await run_ingest(db, client, NOW, DetectorCache(), OPTIONS)
    assert [(r.status, r.new_items) for r in runs] == [("error", 0), ("new", 1)]
    assert "internal error while fetching: parser bug" in runs[0].error


def _poisoned_feed() -> bytes:
    """Two good items around one carrying a lone surrogate, NUL and other C0 controls (issue 13 row 3)."""
    good = [{"title": f"Araghchi statement {i}", "link": f"https://news.example/g{i}", "guid": f"g{i}",
             "description": "Foreign Minister Abbas Araghchi spoke in Muscat.", "pubDate": NOW} for i in (1, 2)]
    body = rss([good[0], {"title": "POISON", "link": "https://news.example/p", "guid": "p",
                          "description": "BODY", "pubDate": NOW}, good[1]])
    return (body.replace(b"POISON", b"Talks &#xD800; resume &#0; now\x01\x08")
            .replace(b"BODY", b"Araghchi &#0;met&#xDFFF; Witkoff &#x7;&#x1b;in Oman"))


async def test_poisoned_entry_is_cleaned_and_the_feed_stored(db, feed_server):
    """Lone surrogates, NUL (fatal to PostgreSQL text) and control characters are removed at the
    parse edge: every item is stored, and the feed stays healthy."""
    feed_server.set_feed("/poison", _poisoned_feed())
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/poison"), NOW)
    async with make_client() as client:
        (run,) = await run_ingest(db, client, NOW, DetectorCache(), OPTIONS)
    assert (run.status, run.new_items, run.error) == ("new", 3, None)
    with db.session() as s:
        (feed,) = feed_store.list_feeds(s)
        titles = sorted(s.exec(select(Article.title)))
    assert feed.error_count == 0 and feed.last_error is None
    assert titles == ["Araghchi statement 1", "Araghchi statement 2", "Talks resume now"]


async def test_storage_failure_is_recorded_on_the_feed_with_back_off(db, feed_server, monkeypatch):
    import jobs.ingest

    real_insert = jobs.ingest.articles.insert_articles

    def failing_insert(session, feed_id, items, now, **kwargs):
        if any(item.entry.guid == "a" for item in items):
            raise ValueError("A string literal cannot contain NUL (0x00) characters.")
        return real_insert(session, feed_id, items, now, **kwargs)

    monkeypatch.setattr(jobs.ingest.articles, "insert_articles", failing_insert)
    feed_server.set_feed("/bad", GOOD)
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/bad"), NOW)
    async with make_client() as client:
        (run,) = await run_ingest(db, client, NOW, DetectorCache(), OPTIONS)
    assert run.status == "error" and "NUL" in run.error
    with db.session() as s:
        (feed,) = feed_store.list_feeds(s)
    assert feed.error_count == 1 and "storing" in feed.last_error and "NUL" in feed.last_error
    assert feed.next_fetch_at == NOW + timedelta(seconds=POLL)  # backed off, not retried every tick


@pytest.mark.parametrize("processes", [0, 1])
async def test_first_fetch_history_out_of_story_reach_gets_detection_only(db, feed_server, processes):
    """A first fetch's items published more than the story window before now can never share a
    story with later articles: their mentions are kept, no signature, story or summary is made.
    The same items on a later fetch (alertable) are decided in full."""
    from dataclasses import replace

    from core.stories import WINDOW
    from storage.tables import Mention

    def item(guid: str, published: datetime) -> dict:
        return {"title": f"Araghchi holds talks in Muscat {guid}", "link": f"https://news.example/{guid}",
                "guid": guid, "pubDate": published,
                "description": "Foreign Minister Abbas Araghchi held talks in Muscat on Sunday. "
                               "Omani mediators carried messages between the delegations."}

    old, recent = NOW - WINDOW - timedelta(hours=1), NOW - timedelta(hours=1)
    feed_server.set_feed("/f", rss([item("recent", recent), item("old", old)]))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/f"), NOW)
    detector = DetectorCache()
    try:
        async with make_client() as client:
            options = replace(OPTIONS, processes=processes)
            await run_ingest(db, client, NOW, detector, options)
            feed_server.set_feed("/f", rss([item("later-old", old), item("recent", recent), item("old", old)]))
            await run_ingest(db, client, NOW + timedelta(seconds=POLL), detector, options)
    finally:
        detector.close()
    with db.session() as s:
        rows = {a.guid: a for a in s.exec(select(Article)).all()}
        named = {guid: {m.name for m in s.exec(select(Mention).where(Mention.article_id == a.id))}
                 for guid, a in rows.items()}
    assert set(rows) == {"old", "recent", "later-old"}
    assert "Abbas Araghchi" in named["old"] and named["old"] == named["recent"] == named["later-old"]
    assert (rows["old"].summary, rows["old"].story_id, rows["old"].fingerprint) == ("", None, None)
    assert rows["recent"].summary and rows["recent"].story_id is not None
    assert rows["later-old"].summary and rows["later-old"].story_id is not None  # alertable: decided in full
