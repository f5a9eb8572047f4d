"""Entries decided in a worker process store exactly what deciding in the ingest process stores."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from jobs.detector import DetectorCache
from jobs.fetch import make_client
from jobs.ingest import IngestOptions, run_ingest
from storage import chats
from storage import feeds as feed_store
from storage.defaults import load_defaults_once
from storage.tables import Article, Mention, Outbox
from tests.fakes.feed_server import rss

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
OPTIONS = IngestOptions(poll_seconds=600, allow_private=True, batch_size=3, batch_pause=0)
TEXTS = [
    ("Araghchi meets Albusaidi in Muscat", "Foreign Minister Abbas Araghchi held talks in Muscat on Sunday. "
     "Omani mediators carried messages between the delegations. The next round is due next week."),
    ("Witkoff says talks were constructive", "Steve Witkoff said the indirect negotiations in Muscat were "
     "constructive. He added that a further meeting was possible. Officials gave no date."),
    ("City council approves the harbour budget", "The council approved the harbour budget after a long debate. "
     "Ferry operators welcomed the decision. Work starts in spring."),
    ("عراقچی در مسقط", "عباس عراقچی وزیر امور خارجه درباره مذاکرات غیرمستقیم در مسقط گفت گفتگوها ادامه دارد."),
]


def items(serials):
    return [{"title": f"{TEXTS[i % len(TEXTS)][0]} {i}", "link": f"https://news.example/{i}", "guid": f"g{i}",
             "description": TEXTS[i % len(TEXTS)][1], "pubDate": NOW - timedelta(minutes=i)} for i in serials]


def stored(db):
    with db.session() as s:
        arts = s.exec(select(Article).order_by(Article.guid)).all()
        mentions = s.exec(select(Mention.name, Mention.start, Mention.end)).all()
        alerts = s.exec(select(Outbox.kind, Outbox.chat_ref)).all()
        return ([(a.guid, a.title, a.summary, a.fingerprint, a.story_id is not None) for a in arts],
                sorted(mentions), sorted(alerts))


async def ingest_twice(db, feed_server, processes: int):
    feed_server.set_feed("/f", rss(items(range(4, 10))))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        chats.subscribe_chat(s, 1, NOW)
        feed_store.add_feed(s, feed_server.url("/f"), NOW)
    detector = DetectorCache()
    options = replace(OPTIONS, processes=processes)
    try:
        async with make_client() as client:
            first = await run_ingest(db, client, NOW, detector, options)
            feed_server.set_feed("/f", rss(items(range(0, 10))))
            second = await run_ingest(db, client, NOW + timedelta(seconds=601), detector, options)
            worker_cpu = detector.decide_pool().stats()[0] if processes else None
    finally:
        detector.close()
    assert processes == 0 or worker_cpu > 0  # the worker did the deciding
    return [(r.status, r.new_items, r.alerts) for r in first + second]


async def test_worker_process_decides_what_the_ingest_process_would(tmp_path, feed_server):
    from storage.db import open_database

    results = {}
    for processes in (0, 1):
        db = open_database(f"sqlite:///{tmp_path}/p{processes}.db")
        try:
            runs = await ingest_twice(db, feed_server, processes)
            results[processes] = (runs, stored(db))
        finally:
            db.dispose()
    runs, (articles, mentions, alerts) = results[1]
    assert runs == [("new", 6, 0), ("new", 4, results[0][0][1][2])]
    assert any(summary for _, _, summary, _, _ in articles) and mentions and alerts
    assert results[1] == results[0]


async def test_with_a_worker_the_parent_builds_no_matcher_unless_the_worker_fails(tmp_path, feed_server, monkeypatch):
    """The parent only reads the watchlist; if the worker fails, it decides itself, storing the same."""
    from jobs.decide import DecidePool
    from storage.db import open_database

    results, built = {}, {}
    original = DetectorCache.close
    for case in ("in-process", "worker", "worker fails"):
        if case == "worker fails":
            def broken(self, *args, **kwargs):
                raise RuntimeError("worker gone")

            monkeypatch.setattr(DecidePool, "submit", broken)
            monkeypatch.setattr(DecidePool, "parse", broken)
            monkeypatch.setattr(DecidePool, "stats", lambda self: (1.0, 0.0))
        db = open_database(f"sqlite:///{tmp_path}/{case.replace(' ', '_')}.db")
        seen = []

        def close(self, seen=seen):
            seen.append(self._matcher is not None)
            original(self)

        monkeypatch.setattr(DetectorCache, "close", close)
        try:
            runs = await ingest_twice(db, feed_server, 0 if case == "in-process" else 1)
            results[case] = (runs, stored(db))
            built[case] = seen[-1]
        finally:
            monkeypatch.setattr(DetectorCache, "close", original)
            db.dispose()
    assert built == {"in-process": True, "worker": False, "worker fails": True}
    assert results["worker"] == results["in-process"] == results["worker fails"]


def test_the_worker_is_off_by_default_and_on_with_briefbot_ingest_worker(monkeypatch):
    from bot.scheduling import ingest_options
    from bot.settings import Settings

    monkeypatch.delenv("BRIEFBOT_INGEST_WORKER", raising=False)
    assert ingest_options(Settings(_env_file=None)).processes == 0
    monkeypatch.setenv("BRIEFBOT_INGEST_WORKER", "true")
    assert ingest_options(Settings(_env_file=None)).processes == 1
