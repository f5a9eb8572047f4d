"""Ingest spread across replicas: one cycle over N local feeds by 1, 2 and 3 processes.

Every measured cycle starts with all N feeds due and each holding two new items (the local
server moves to a new generation). Configurations, interleaved and rotated per round:

- ``single``: one process, one ``run_ingest`` call over every due feed (no claims), as
  ``briefbot ingest --once`` does: the baseline;
- ``replicas=K``: K worker processes, started and connected beforehand, released together;
  each claims feeds 16 at a time (storage.feeds.claim_due_feeds: SKIP LOCKED and a lease) and
  runs ``run_ingest`` on them until nothing is due, as ``briefbot run``'s ingest job does.

Time per cycle is from the release to the last process finishing. Needs PostgreSQL (claims
share work only there); it works in a schema of its own and drops it after.

    TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/replicas.py --feeds 1000 --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ITEMS = 6
SCHEMA = f"briefbot_bench_replicas_{os.getpid()}"
BASE = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
WORDS = ("market council harbour rainfall budget school bridge museum farmers league season hospital transit "
         "festival library orchestra ferry bakery airport cyclists").split()
OFFICIALS = ("Abbas Araghchi", "Steve Witkoff", "Masoud Pezeshkian")


def feed_xml(feed: int, generation: int) -> bytes:
    """ITEMS items; each generation adds two new ones on top."""
    items = []
    for k in range(generation * 2 + ITEMS - 1, generation * 2 - 1, -1):
        words = " ".join(WORDS[(feed * 7 + k * 3 + j) % len(WORDS)] for j in range(30))
        lead = f"{OFFICIALS[(feed + k) % 3]} said on Tuesday that talks went on. " if (feed + k) % 3 == 0 else ""
        when = format_datetime(BASE + timedelta(minutes=k))
        items.append(f"<item><title>Feed {feed} story {k}: {escape(words[:40])}</title>"
                     f"<link>https://news{feed}.example/{k}</link><guid>f{feed}-{k}</guid><pubDate>{when}</pubDate>"
                     f"<description>{escape(lead + words)}.</description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {feed}</title>'
            f"<link>https://news{feed}.example/</link>{''.join(items)}</channel></rss>").encode()


class Feeds:
    generation = 0


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body = feed_xml(int(self.path.strip("/").split("/")[-1]), Feeds.generation)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def schema_url(url: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{SCHEMA}"


def reset_schema(url: str, drop_only: bool = False) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as c:
        c.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        if not drop_only:
            c.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    engine.dispose()


def prepare(url: str, port: int, feeds: int) -> None:
    from storage import feeds as feed_store
    from storage.chats import subscribe_chat
    from storage.db import open_database
    from storage.defaults import load_defaults_once

    db = open_database(url)
    with db.session() as s:
        load_defaults_once(s, BASE, feeds=False)
        for chat_id in (1, 2, 3):
            subscribe_chat(s, chat_id, BASE)
        for n in range(feeds):
            feed_store.add_feed(s, f"http://127.0.0.1:{port}/feed/{n}", BASE)
    db.dispose()


def make_all_due(url: str) -> None:
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(url)
    with engine.begin() as c:
        c.execute(text("UPDATE feed SET next_fetch_at = now() - interval '1 second'"))
    engine.dispose()


async def ingest(url: str, claim: bool) -> int:
    """One cycle in this process; returns how many feeds it handled."""
    from jobs.detector import DetectorCache
    from jobs.fetch import make_client
    from jobs.ingest import IngestOptions, run_ingest
    from storage.db import open_database

    db = open_database(url, upgrade=False)
    detector = DetectorCache()
    await asyncio.to_thread(detector.current, db)  # warm: not part of the cycle
    print("ready", flush=True)
    sys.stdin.readline()  # released together
    options = IngestOptions(poll_seconds=3600, allow_private=True, claim_limit=16 if claim else None,
                            deadline_seconds=600)
    handled = 0
    async with make_client() as client:
        while True:
            runs = await run_ingest(db, client, datetime.now(UTC), detector, options)
            handled += len(runs)
            errors = [r for r in runs if r.status == "error"]
            if errors:
                print(f"error: {errors[0].line()}", file=sys.stderr)
            if not claim or len(runs) < 16:
                break
    db.dispose()
    return handled


def measure(url: str, processes: int, claim: bool) -> tuple[float, list[int]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    workers = [subprocess.Popen([sys.executable, __file__, "--worker", url] + (["--claim"] if claim else []),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
               for _ in range(processes)]
    for w in workers:
        assert w.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for w in workers:
        w.stdin.write("go\n")
        w.stdin.flush()
    counts = [json.loads(w.stdout.readline())["handled"] for w in workers]
    elapsed = time.perf_counter() - started
    for w in workers:
        w.wait(timeout=60)
    return elapsed, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--claim", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps({"handled": asyncio.run(ingest(args.worker, args.claim))}), flush=True)
        return
    base = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgresql"):
        sys.exit("set TEST_DATABASE_URL to a PostgreSQL URL: replicas share feeds only on PostgreSQL")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    reset_schema(base)
    url = schema_url(base)
    try:
        prepare(url, server.server_address[1], args.feeds)
        make_all_due(url)
        measure(url, 1, claim=False)  # first fetch (history only): warm-up, not reported
        configs = [("single", 1, False), ("replicas=1", 1, True), ("replicas=2", 2, True), ("replicas=3", 3, True)]
        times: dict[str, list[float]] = {name: [] for name, _, _ in configs}
        for r in range(args.rounds):
            for name, processes, claim in configs[r % len(configs):] + configs[:r % len(configs)]:
                Feeds.generation += 1
                make_all_due(url)
                elapsed, counts = measure(url, processes, claim)
                times[name].append(elapsed)
                print(f"round {r + 1} {name}: {elapsed:.2f} s, feeds per process {counts}", flush=True)
        print(f"\n{args.feeds} feeds, {ITEMS} items each, 2 new per feed per cycle; {args.rounds} rounds")
        print(f"{'configuration':<14} {'min s':>7} {'median s':>9}  vs single (median)")
        single = statistics.median(times["single"])
        for name, values in times.items():
            med = statistics.median(values)
            print(f"{name:<14} {min(values):>7.2f} {med:>9.2f}  {single / med:.2f}x")
    finally:
        server.shutdown()
        reset_schema(base, drop_only=True)


if __name__ == "__main__":
    main()
