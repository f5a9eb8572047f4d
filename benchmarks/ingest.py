"""Ingest cost per new item: briefbot's run_ingest beside lemon24/reader and feedparser alone.

N generated feeds of 50 items each (2-5 KB HTML bodies, about 15 % Persian, about a third
naming a tracked official and reporting one of the events of its time, so story articles
group into a few hundred stories as real coverage does; ``--corpus one-story`` is the corpus
before 2026-12-04 afternoon, in which every story article joined one story) are served from a
local HTTP server on 127.0.0.1 with ETags.
Each measured run is a fresh subprocess (so its peak RSS is its own) that does two cycles:

- first fetch: every feed is new, all N x 50 items are stored;
- new items: the server moves to the next generation, in which each feed has ``--new``
  new items on top and drops its oldest, so N x 50 items are re-parsed and N x new are new.

Systems: ``briefbot`` (jobs.ingest.run_ingest on SQLite, with detection, summaries,
stories and alerts to three subscribed chats), ``reader`` (lemon24/reader's
update_feeds on SQLite, install with ``pip install -e '.[bench]'``) and ``feedparser``
(feedparser.parse over the same bytes, downloaded beforehand and not timed). Rounds are
interleaved and the order rotates; figures are min / median over rounds.

    .venv/bin/python benchmarks/ingest.py --feeds 100 --rounds 3
    .venv/bin/python benchmarks/ingest.py --feeds 100 --cycles 10 --systems briefbot,reader   # memory over cycles
    .venv/bin/python benchmarks/ingest.py --systems briefbot,reader,briefbot@/tmp/base   # /tmp/base: another commit

``briefbot-worker`` is briefbot with entries decided in a worker process
(``IngestOptions.processes=1``): its CPU column adds both processes, its peak RSS both peaks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from feed_site import ITEMS, FeedSite, bench_now  # noqa: E402 (the benchmarks directory, as a script sees it)

# ---- one measured run, in a subprocess -------------------------------------------------

def _peak_mib() -> float:
    """This process's peak RSS. Not ru_maxrss: on Linux a child started by fork + exec inherits
    the parent's high-water mark there, and the parent holds every generated feed."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _set_generation(port: int, g: int) -> None:
    import urllib.request

    urllib.request.urlopen(f"http://127.0.0.1:{port}/gen/{g}").read()


def run_briefbot(urls: list[str], port: int, cycles: int, workdir: str, processes: int = 0, spacing: int = 1) -> list[dict]:
    import asyncio

    from jobs.detector import DetectorCache
    from jobs.fetch import make_client
    from jobs.ingest import IngestOptions, run_ingest
    from storage.db import open_database

    # The database is created and migrated by another process first, as a restarted bot finds
    # it: migrating imports Alembic (~11 MiB), which a bot on a current schema never does.
    subprocess.run([sys.executable, __file__, "--prepare", workdir, "--feeds", str(len(urls)), "--port", str(port)],
                   check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    db = open_database(f"sqlite:///{workdir}/briefbot.db")
    now = bench_now(spacing)
    options = IngestOptions(poll_seconds=600, allow_private=True, deadline_seconds=3600,  # throughput, not the deadline
                            processes=processes)
    detector = DetectorCache()
    out = []

    async def cycles_():
        nonlocal now
        async with make_client() as client:
            for g in range(cycles):
                _set_generation(port, g)
                start, cpu = time.perf_counter(), time.process_time() + _worker_stats(detector)[0]
                runs = await run_ingest(db, client, now, detector, options)
                elapsed = time.perf_counter() - start
                worker_cpu, worker_peak = _worker_stats(detector)
                errors = [r.error for r in runs if r.status == "error"]
                if errors:
                    raise SystemExit(f"briefbot errors: {errors[:3]}")
                # Peak: this process's plus the decide worker's (each its own high-water mark).
                out.append({"seconds": elapsed, "new": sum(r.new_items for r in runs),
                            "cpu": time.process_time() + worker_cpu - cpu, "peak_mib": _peak_mib() + worker_peak})
                now += timedelta(seconds=601)

    asyncio.run(cycles_())
    detector.close()
    db.dispose()
    return out


def prepare_briefbot(feeds: int, port: int, workdir: str) -> None:
    """The measured run's database: migrated, default watchlist, three subscribed chats, the feeds."""
    sys.path.insert(0, str(ROOT))
    from storage import chats
    from storage import feeds as feed_store
    from storage.db import open_database
    from storage.defaults import load_defaults_once

    db = open_database(f"sqlite:///{workdir}/briefbot.db")
    now = bench_now()  # feeds added before any run's first fetch
    with db.session() as s:
        load_defaults_once(s, now, feeds=False)
        for chat in (1, 2, 3):
            chats.subscribe_chat(s, chat, now)
        for i in range(feeds):
            feed_store.add_feed(s, f"http://127.0.0.1:{port}/feed/{i}", now)
    db.dispose()


def _worker_stats(detector) -> tuple[float, float]:
    """(CPU seconds, peak MiB) of briefbot's decide worker process, if it has one."""
    pool = detector._pool
    return pool.stats() if pool is not None else (0.0, 0.0)


def run_briefbot_worker(urls: list[str], port: int, cycles: int, workdir: str, spacing: int = 1) -> list[dict]:
    """briefbot with entries decided in a worker process (IngestOptions.processes=1)."""
    return run_briefbot(urls, port, cycles, workdir, processes=1, spacing=spacing)


def run_reader(urls: list[str], port: int, cycles: int, workdir: str) -> list[dict]:
    from reader import make_reader

    reader = make_reader(f"{workdir}/reader.sqlite")
    for url in urls:
        reader.add_feed(url)
    out = []
    for g in range(cycles):
        _set_generation(port, g)
        start, cpu = time.perf_counter(), time.process_time()
        new = 0
        for _url, value in reader.update_feeds_iter(workers=4, scheduled=False):
            if isinstance(value, Exception):
                raise SystemExit(f"reader error: {value!r}")
            if value is not None:
                new += value.new
        elapsed = time.perf_counter() - start
        out.append({"seconds": elapsed, "new": new, "cpu": time.process_time() - cpu, "peak_mib": _peak_mib()})
    reader.close()
    return out


def run_feedparser(urls: list[str], port: int, cycles: int, workdir: str) -> list[dict]:
    import io
    import urllib.request

    import feedparser

    out, seen = [], set()
    for g in range(cycles):
        _set_generation(port, g)
        bodies = [urllib.request.urlopen(u).read() for u in urls]
        start, cpu = time.perf_counter(), time.process_time()
        new = 0
        for body in bodies:
            parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-type": "application/rss+xml"})
            for e in parsed.entries:
                if e.id not in seen:
                    seen.add(e.id)
                    new += 1
        elapsed = time.perf_counter() - start
        out.append({"seconds": elapsed, "new": new, "cpu": time.process_time() - cpu, "peak_mib": _peak_mib()})
    return out


RUNNERS = {"briefbot": run_briefbot, "briefbot-worker": run_briefbot_worker, "reader": run_reader,
           "feedparser": run_feedparser}


def child(system: str, feeds: int, port: int, cycles: int, spacing: int) -> None:
    sys.path.insert(0, str(ROOT))
    urls = [f"http://127.0.0.1:{port}/feed/{i}" for i in range(feeds)]
    with tempfile.TemporaryDirectory() as workdir:
        timed = {"spacing": spacing} if system.startswith("briefbot") else {}
        result = RUNNERS[system](urls, port, cycles, workdir, **timed)
    print(json.dumps(result))


# ---- the driver ------------------------------------------------------------------------

def measure(system: str, feeds: int, port: int, cycles: int, spacing: int) -> list[dict]:
    """One run in a fresh process. ``NAME@DIR`` runs system NAME from another checkout (its own
    benchmarks/ingest.py and code: ``git archive COMMIT | tar -x -C DIR``), for before/after in one run."""
    name, _, other = system.partition("@")
    root = Path(other).resolve() if other else ROOT
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, str(root / "benchmarks" / "ingest.py"), "--child", name, "--feeds", str(feeds),
                           "--port", str(port), "--cycles", str(cycles), "--spacing", str(spacing)],
                          capture_output=True, text=True, env=env, cwd=root)
    if proc.returncode != 0:
        raise SystemExit(f"{system} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def profile(args) -> None:
    """One briefbot run under py-spy (all threads, idle excluded); prints the top functions."""
    from collections import Counter

    with FeedSite(args.feeds, args.new, corpus=args.corpus, spacing=args.spacing) as site:
        site.warm(args.cycles)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        spy = Path(sys.executable).with_name("py-spy")
        subprocess.run([str(spy) if spy.exists() else "py-spy", "record", "--format", "raw", "-r", "200", "-o", args.profile, "--",
                        sys.executable, __file__, "--child", "briefbot", "--feeds", str(args.feeds),
                        "--port", str(site.port), "--cycles", str(args.cycles), "--spacing", str(args.spacing)], check=True, env=env, cwd=ROOT)
    total, inclusive, own = 0, Counter(), Counter()
    for line in Path(args.profile).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [re.sub(r" \(.*?/(?:site-packages|perf)/", " (", f) for f in stack.split(";")]
        n = int(count)
        total += n
        for f in set(frames):
            inclusive[f] += n
        own[frames[-1]] += n
    print(f"{total} samples; top inclusive:")
    for f, n in inclusive.most_common(45):
        print(f"  {100 * n / total:5.1f}%  {f}")
    print("top self:")
    for f, n in own.most_common(25):
        print(f"  {100 * n / total:5.1f}%  {f}")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _fmt(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--new", type=int, default=5, help="new items per feed in each later cycle")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cycles", type=int, default=2, help="cycles per run (first fetch, then new items)")
    ap.add_argument("--systems", default="briefbot,briefbot-worker,reader,feedparser")
    ap.add_argument("--corpus", choices=("events", "one-story"), default="events",
                    help="events: on-topic items report many concurrent events (stories of tens of articles); "
                         "one-story: the bench before 2026-12-04 afternoon, every story article in one story")
    ap.add_argument("--spacing", type=int, default=1,
                    help="minutes between a feed's items (1: a feed's 50 items span 50 minutes, all within the "
                         "story window on a first fetch; 120: 4 days, the older 37 beyond it)")
    ap.add_argument("--child")
    ap.add_argument("--prepare", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int)
    ap.add_argument("--profile", metavar="FILE", help="run briefbot once under py-spy, collapsed stacks to FILE")
    args = ap.parse_args()
    if args.prepare:
        return prepare_briefbot(args.feeds, args.port, args.prepare)
    if args.child:
        return child(args.child, args.feeds, args.port, args.cycles, args.spacing)
    if args.profile:
        return profile(args)

    systems = args.systems.split(",")
    with FeedSite(args.feeds, args.new, corpus=args.corpus, spacing=args.spacing) as site:
        site.warm(args.cycles)
        print(f"{args.feeds} feeds x {ITEMS} items, {args.new} new per feed per later cycle, "
              f"{args.rounds} interleaved rounds, corpus {args.corpus}, items {args.spacing} min apart, python {sys.version.split()[0]}, "
              f"load average {_load()} at start", flush=True)
        results: dict[str, list[list[dict]]] = {s: [] for s in systems}
        for r in range(args.rounds):
            order = systems[r % len(systems):] + systems[:r % len(systems)]
            for system in order:
                t0 = time.perf_counter()
                results[system].append(measure(system, args.feeds, site.port, args.cycles, args.spacing))
                cyc = results[system][-1]
                print(f"  round {r + 1} {system}: " + ", ".join(
                    f"{c['new']} new in {c['seconds']:.2f} s" for c in cyc)
                    + f", peak {cyc[-1]['peak_mib']:.0f} MiB ({time.perf_counter() - t0:.0f} s, load {_load()})",
                    flush=True)

    print(f"\nload average {_load()} at the end")
    print("ms per new item (wall; CPU of every process of the system), min / median over rounds; "
          "peak RSS in MiB (briefbot-worker: both processes' peaks added)")
    print("| system | first fetch | new items (cycle 2) | first fetch CPU | cycle 2 CPU | later cycles, mean "
          "| peak RSS after cycle 1 | peak RSS at end |")
    print("|---|---|---|---|---|---|---|---|")
    per_item: dict[str, dict[str, list[float]]] = {}

    def per_new(runs, cycle: int, key: str = "seconds") -> list[float]:
        if cycle >= args.cycles:
            return [0.0]
        return [1000 * c[cycle].get(key, 0.0) / max(c[cycle]["new"], 1) for c in runs]

    for system, runs in results.items():
        later = [statistics.mean(1000 * x["seconds"] / max(x["new"], 1) for x in c[1:]) for c in runs] \
            if args.cycles > 1 else [0.0]
        per_item[system] = {"first": per_new(runs, 0), "second": per_new(runs, 1),
                            "first CPU": per_new(runs, 0, "cpu"), "second CPU": per_new(runs, 1, "cpu")}
        print(f"| {system} | {_fmt(per_item[system]['first'])} | {_fmt(per_item[system]['second'])} | "
              f"{_fmt(per_item[system]['first CPU'])} | {_fmt(per_item[system]['second CPU'])} | {_fmt(later)} | "
              f"{_fmt([c[0]['peak_mib'] for c in runs])} | {_fmt([c[-1]['peak_mib'] for c in runs])} |")
    for ours in [s for s in per_item if s.startswith("briefbot")]:
        for other in [s for s in per_item if not s.startswith("briefbot")]:
            for phase in ("first", "second", "first CPU", "second CPU"):
                b, o = per_item[ours][phase], per_item[other][phase]
                if min(o) > 0:
                    print(f"{ours} / {other}, {phase}: {min(b) / min(o):.2f}x (min) "
                          f"{statistics.median(b) / statistics.median(o):.2f}x (median)")
            peak = [c[-1]["peak_mib"] for c in results[ours]], [c[-1]["peak_mib"] for c in results[other]]
            print(f"{ours} / {other}, peak RSS: {min(peak[0]) / min(peak[1]):.2f}x (min) "
                  f"{statistics.median(peak[0]) / statistics.median(peak[1]):.2f}x (median)")
    if args.cycles > 2:
        for system, runs in results.items():
            print(f"{system} peak RSS by cycle (round 1): " + " ".join(f"{c['peak_mib']:.0f}" for c in runs[0]))

if __name__ == "__main__":
    main()
