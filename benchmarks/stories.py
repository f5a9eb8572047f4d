"""Cost of putting one new article into a story, with 10,000 stories in the window, beside
the cost of detecting mentions in the same article in the same run.

The window is filled directly in the tables (stories of one to three articles, with
signatures drawn from the default watchlist's names and a Zipf vocabulary), so the set-up
takes seconds; the process's window (storage.story_index) is then loaded once, timed apart
(``window_load_s``, paid at start-up). The timed part is ingest's path (jobs.ingest._write):
detection is ``scan_text`` and ``Matcher.scan``; grouping is the signature and its SimHash as
``jobs.decide.decide_entry`` makes them (``sign_ms``: on the grouping side, since nothing else
reads them; the scanned text is detection's), then in the write session ``plan_batch``
(refresh of the window, candidates, links) and ``decide_batch`` (the linked stories read
again, union-find, merges, new stories) before the articles are inserted with their story
ids, and ``finish_batch`` after (signatures, links, the stories' names). The articles' own
INSERT is timed on neither side; the write transaction's start (PostgreSQL: its BEGIN) falls
on grouping's side, as grouping's read is its first statement. ``group_io_ms`` is the part of
grouping spent in the database (statements given to the driver past SQLAlchemy's events,
PostgreSQL's pipelined writes and its follow with the candidates' stories, SQLite's writes,
follow and linked-story read, are timed as a whole, building their parameters included). Runs are
interleaved; min and median are printed. ``group_over_detect_median`` compares detection's CPU alone with grouping including
its writes; detection's own write (its mention rows, one multi-row INSERT as ingest makes it)
is timed apart as ``detect_store_ms`` and gives the second ratio,
``group_over_detect_and_store_median`` (what ingest pays for each). On code from before
session 25 it runs ingest's path of then: ``plan_batch`` in a session of its own, the rows
inserted, then ``write_batch`` (which sets their story ids by an UPDATE).

    .venv/bin/python benchmarks/stories.py [--stories 10000] [--articles 200] [--batch 1] [--database URL] [--clock cpu] [--spread 5]

``--batch N`` groups N new articles per transaction, as ingest does with a feed's new
items; figures are per article either way. ``--spread M`` publishes the new articles M minutes
apart, the last at the clock's time, as feeds do (0, the default: all at one instant, as the
figures before session 35 were measured; then every article stored in the run falls inside the
next one's weighting span, and no candidate's word vector can be kept from one plan to the next).

Without ``--database`` it runs on a temporary SQLite file; pass a PostgreSQL URL (an
empty database or schema: the script creates and fills the tables) for PostgreSQL.
"""

from __future__ import annotations

import argparse
import inspect
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, insert, text  # noqa: E402

from core.analysis import scan_text  # noqa: E402
from core.model import FeedEntry  # noqa: E402
from core.stories import fingerprint  # noqa: E402
from jobs.decide import decide_signature  # noqa: E402
from jobs.detector import DetectorCache  # noqa: E402
from jobs.grouping import plan_batch, write_batch  # noqa: E402
from storage import articles as article_store  # noqa: E402
from storage import feeds as feed_store  # noqa: E402
from storage import story_grouping as grouping_store  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.defaults import default_watchlist, load_defaults_once  # noqa: E402
from storage.story_grouping import signature_to_json  # noqa: E402
from storage.story_index import StoryWindow, window_for  # noqa: E402
from storage.tables import Article, ArticleSignature, Story  # noqa: E402
from tests.core.story_cases import CASES  # noqa: E402  (our own fixture sentences)

try:  # ingest decides each article's story before writing its row (s25); before that, write_batch after the rows
    from jobs.grouping import decide_batch, finish_batch, story_ids
except ImportError:
    decide_batch = finish_batch = story_ids = None
PLAN_IN_SESSION = next(iter(inspect.signature(plan_batch).parameters)) == "session"

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def fill_window(db, stories: int, rng: random.Random) -> None:
    """``stories`` stories of 1-3 articles over the last 48 hours, with signatures and keys."""
    from core.signature import Signature

    w = default_watchlist()
    officials = [o.name for o in w.officials]
    places = [g.name for g in w.gazetteer if g.kind == "place"]
    orgs = [g.name for g in w.gazetteer if g.kind == "organisation"]
    actions = [g.name for g in w.gazetteer if g.kind == "action"]
    vocab = [f"w{i}" for i in range(20000)]
    with db.session() as s:
        load_defaults_once(s, NOW - timedelta(days=3), feeds=False)
        feed, _ = feed_store.add_feed(s, "https://window.example/rss", NOW - timedelta(days=3), title="Window")
        feed_id = feed.id
        s.execute(insert(Story), [{"title": f"story {i}", "officials": "[]", "topics": "[]",
                                   "created_at": NOW, "last_seen_at": NOW} for i in range(stories)])
    with db.session() as s:
        first_story = s.exec(Story.__table__.select().order_by(Story.id).limit(1)).first().id
    n = 0
    for start in range(0, stories, 1000):
        arts, sigs = [], []
        with db.session() as s:
            first_article = (s.exec(Article.__table__.select().order_by(Article.id.desc()).limit(1)).first() or
                             type("row", (), {"id": 0})).id + 1
            aid = first_article
            for story in range(start, min(start + 1000, stories)):
                when = NOW - timedelta(minutes=rng.randrange(48 * 60))
                for _ in range(rng.choice((1, 1, 2, 3))):
                    n += 1
                    terms = {vocab[min(int(rng.paretovariate(1.1)), 19999)]: rng.randint(1, 4) for _ in range(60)}
                    sig = Signature(key=aid, published=when, lang=rng.choice(("en", "en", "fa")),
                                    officials=frozenset(rng.sample(officials, 2)),
                                    places=frozenset(rng.sample(places, 1)),
                                    organisations=frozenset(rng.sample(orgs, 1)),
                                    actions=frozenset(rng.sample(actions, 1)), day=when.date(),
                                    fingerprint=rng.getrandbits(63), terms=terms)
                    sig = replace(sig, lead=sig.officials | sig.places | sig.actions)
                    arts.append({"id": aid, "feed_id": feed_id, "content_hash": f"h{aid}", "title": f"t{aid}",
                                 "text": "", "summary": "", "fetched_at": when, "published_at": when,
                                 "alertable": True, "text_source": "feed", "story_id": first_story + story,
                                 "fingerprint": sig.fingerprint})
                    sigs.append({"article_id": aid, "published_at": when, "lang": sig.lang,
                                 "data": signature_to_json(sig)})
                    aid += 1
            s.execute(insert(Article), arts)
            s.execute(insert(ArticleSignature), sigs)
    with db.session() as s:
        if db.engine.dialect.name == "postgresql":  # ids were given explicitly: move the sequence past them
            s.execute(text("SELECT setval(pg_get_serial_sequence('article', 'id'), (SELECT max(id) FROM article))"))
            # Statistics, as autovacuum gathers them after such a load: without them the planner
            # guesses, and reads the whole article table to find the few rows above an id.
            s.execute(text("ANALYZE"))


def new_articles(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Articles of 6-10 fixture paragraphs each (about 3-5 KB, a typical news article), numbers varied."""
    texts = [(title, text) for _, _, _, title, text in CASES.values()]
    out = []
    for i in range(count):
        parts = rng.sample(texts, rng.randint(6, 10))
        out.append((parts[0][0] + f" ({i})", "\n".join(t for _, t in parts).replace("twelve", str(i % 97))))
    return out


def sign(title: str, text: str, mentions, scanned: str, gazetteer, published: datetime = NOW):
    """The signature and its SimHash, as jobs.decide.decide_entry makes them (the scanned text is detection's)."""
    simhash = fingerprint(scanned) if mentions else None
    sig = decide_signature(title, text, published, mentions, gazetteer, NOW, outlet="New",
                           simhash=simhash if simhash is not None else 0)
    return replace(sig, fingerprint=fingerprint(scanned)) if sig is not None and simhash is None else sig


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--database", help="SQLAlchemy URL of an empty database (default: temporary SQLite)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=1, help="new articles per transaction (a feed's new items)")
    parser.add_argument("--spread", type=float, default=0.0,
                        help="minutes between the new articles' publication times, the last at the clock's time "
                             "(0: all published at one instant, as the figures before session 35 were measured)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="cpu: this process's CPU time (less moved by other processes on a shared machine; "
                             "on PostgreSQL it leaves the server's work and the round trips out)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    url = args.database or f"sqlite:///{tempfile.mkdtemp(prefix='stories-bench-')}/b.db"
    db = open_database(url)
    started = time.perf_counter()
    fill_window(db, args.stories, rng)
    set_up = time.perf_counter() - started
    detector = DetectorCache()
    matcher = detector.matcher_for(default_watchlist())
    gazetteer = detector.gazetteer
    with db.session() as s:
        feed_id = feed_store.add_feed(s, "https://new.example/rss", NOW, title="New")[0].id
    started = time.perf_counter()
    with db.session() as s:
        window_for(s).refresh(s, NOW)
    window_load = time.perf_counter() - started
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    io = [0.0, 0.0]  # seconds in statements, start of the current one

    @event.listens_for(db.engine, "before_cursor_execute")
    def _before(*_args) -> None:
        io[1] = clock()

    @event.listens_for(db.engine, "after_cursor_execute")
    def _after(*_args) -> None:
        io[0] += clock() - io[1]

    # PostgreSQL's writes and follow go through psycopg's pipeline, SQLite's writes, follow and linked-story
    # read through sqlite3's own cursor, past SQLAlchemy's events: timed as a whole (building their parameters included)
    def _timed(name: str, owner=grouping_store) -> None:
        inner = getattr(owner, name)

        def timed(*args):
            started = clock()
            try:
                return inner(*args)
            finally:
                io[0] += clock() - started

        setattr(owner, name, timed)

    _timed("_store_pipelined")
    for name in ("_follow_pipelined", "_since_sqlite"):  # the follow: pipelined with the candidates' stories, or on
        if hasattr(StoryWindow, name):                   # sqlite3's cursor (s26)
            _timed(name, StoryWindow)
    _timed("_store_sqlite")
    if db.engine.dialect.name == "sqlite":
        _timed("_read_linked")

    detect_ms, group_ms, io_ms, candidates, store_ms, sign_ms = [], [], [], [], [], []
    fresh = new_articles(args.articles, rng)
    for start in range(0, len(fresh), args.batch):  # one batch = one feed's new items in one transaction
        batch = fresh[start:start + args.batch]
        published = [NOW - timedelta(minutes=args.spread * (len(fresh) - 1 - start - i)) for i in range(len(batch))]
        entries = [FeedEntry(f"n{start + i}", None, title, text, published[i]) for i, (title, text) in enumerate(batch)]
        t0 = clock()
        scanned = [scan_text(title, text) for title, text in batch]
        detections = [matcher.scan(x) for x in scanned]
        t1 = clock()
        signatures = [sign(title, text, d.mentions, x, gazetteer, at)
                      for (title, text), d, x, at in zip(batch, detections, scanned, published, strict=True)]
        t2, io[0] = clock(), 0.0
        # ingest plans in its write session, before the first write (s25); before that, in a session of its own
        plan = None if PLAN_IN_SESSION else plan_batch(db, signatures)
        with db.session() as s:
            if PLAN_IN_SESSION:
                plan = plan_batch(s, signatures)
            if decide_batch is not None:  # ingest's path: each article's story decided before its row is written
                decision = decide_batch(s, plan, NOW)
                stories = [{"story_id": story} for story in story_ids(decision, len(batch))]
            else:  # the code before that: rows written first, their story ids set by an UPDATE
                stories = [{}] * len(batch)
            t_insert, io_insert = clock(), io[0]
            # the articles' own write (with their story ids), timed on neither side ...
            rows = article_store.insert_articles(s, feed_id, [
                article_store.NewArticle(entry=e, fingerprint=sig.fingerprint if sig else None, **story)
                for e, sig, story in zip(entries, signatures, stories, strict=True)], NOW, alertable=True)
            t_store = clock()
            # ... and detection's (its mention rows, one multi-row INSERT as insert_articles makes it): reported
            # apart, beside the headline ratio, which compares CPU-only detection with grouping including its writes
            article_store.insert_mentions(s, [(row.id, d.mentions) for row, d in zip(rows, detections, strict=True)])
            t_stored, io_stored = clock(), io[0]
            if decide_batch is not None:
                grouping = finish_batch(s, decision, [row.id for row in rows], NOW)
            else:
                grouping = write_batch(s, plan, [row.id for row in rows], NOW)
            t3 = clock()
            grouping_io = io[0] - (io_stored - io_insert)
        detect_ms.append((t1 - t0) * 1000 / len(batch))
        sign_ms.append((t2 - t1) * 1000 / len(batch))
        group_ms.append(((t3 - t1) - (t_stored - t_insert)) * 1000 / len(batch))
        store_ms.append((t_stored - t_store) * 1000 / len(batch))
        io_ms.append(grouping_io * 1000 / len(batch))
        candidates.append(len(grouping.links) / len(batch))
    backend = db.engine.dialect.name
    db.dispose()
    result = {
        "backend": backend, "clock": args.clock, "stories_in_window": args.stories, "new_articles": args.articles,
        "batch": args.batch, "spread_minutes": args.spread,
        "set_up_s": round(set_up, 1), "window_load_s": round(window_load, 2),
        "detect_ms_min": round(min(detect_ms), 2), "detect_ms_median": round(statistics.median(detect_ms), 2),
        "group_ms_min": round(min(group_ms), 2), "group_ms_median": round(statistics.median(group_ms), 2),
        "sign_ms_median": round(statistics.median(sign_ms), 2),
        "group_io_ms_median": round(statistics.median(io_ms), 2),
        "group_over_detect_median": round(statistics.median(group_ms) / statistics.median(detect_ms), 2),
        "detect_store_ms_median": round(statistics.median(store_ms), 2),
        "group_over_detect_and_store_median": round(
            statistics.median(group_ms) / statistics.median([d + w for d, w in zip(detect_ms, store_ms, strict=True)]), 2),
        "links_per_article_median": statistics.median(candidates),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
