"""Where ingest's memory and CPU go: the budget behind benchmarks/ingest.py's ratios to reader.

One fresh process per system, on the feeds benchmarks/ingest.py serves (same corpus, same
defaults). Memory: resident set (VmRSS) after each group of imports, in the order a cycle
needs them, then after the matcher is built and after each cycle, with the peak (VmHWM).
The same for lemon24/reader, and for a bare interpreter. CPU: the ingest thread's CPU time in
each stage of briefbot's cycle (stages wrapped with timers, nested stages shown indented and
included in their parent), per new item; "the rest" is the process's CPU time outside the
stages listed (the event loop, fetching, thread hand-over).

    .venv/bin/python benchmarks/ingest_budget.py --feeds 100
    .venv/bin/python benchmarks/ingest_budget.py --feeds 100 --rounds 3    # min over 3 processes each

Timers cost about a microsecond a call (some 0.05 ms per item): the stage figures add up to a
little more than an unwrapped run's CPU. Read benchmarks/ingest.py's table for the totals.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _mib() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process, MiB."""
    out = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line[:5]] = int(line.split()[1]) / 1024
    return out["VmRSS"], out["VmHWM"]


# Import groups in the order an ingest process meets them; each line's cost is what it adds to
# the groups above it (shared dependencies count where they are first imported).
BRIEFBOT_IMPORTS = [
    ("stdlib the cycle uses (asyncio, ssl, logging, json, http, email, ...)",
     "asyncio ssl logging json http.client email.utils urllib.request concurrent.futures sqlite3 dataclasses typing"),
    ("sqlalchemy (Core)", "sqlalchemy"),
    ("sqlalchemy.orm", "sqlalchemy.orm"),
    ("sqlmodel + pydantic", "sqlmodel"),
    ("httpx (httpcore, h11, anyio, idna, certifi)", "httpx anyio._backends._asyncio"),
    ("feedparser", "feedparser xml.sax.expatreader"),
    ("prometheus_client (jobs.metrics)", "prometheus_client"),
    ("briefbot storage (tables, queries)", "storage.db storage.tables storage.articles storage.story_grouping"),
    ("briefbot jobs.ingest (+ core it imports)", "jobs.ingest jobs.fetch jobs.detector"),
    ("rapidfuzz (detection, summary)", "rapidfuzz.fuzz rapidfuzz.process rapidfuzz.distance.OSA"),
    ("briefbot core.detect, summary, signature", "core.detect core.summary core.analysis core.signature core.stories"),
]
READER_IMPORTS = [
    ("stdlib the cycle uses", BRIEFBOT_IMPORTS[0][1]),
    ("reader (requests, feedparser, ...)", "reader"),
]


def _imports(groups) -> list[dict]:
    import importlib

    rows = []
    for label, modules in groups:
        before, cpu = _mib()[0], time.process_time()
        for m in modules.split():
            importlib.import_module(m)
        rows.append({"what": label, "mib": _mib()[0] - before, "rss": _mib()[0], "ms": 1000 * (time.process_time() - cpu)})
    return rows


class _Stages:
    """CPU time of the ingest thread in each wrapped function (inclusive), by stage name."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}

    def wrap(self, owner, attr: str, name: str) -> None:
        original = getattr(owner, attr)
        cpu = self.cpu
        cpu.setdefault(name, 0.0)
        clock = time.thread_time

        def timed(*args, **kwargs):
            start = clock()
            try:
                return original(*args, **kwargs)
            finally:
                cpu[name] += clock() - start

        setattr(owner, attr, timed)

    def take(self) -> dict[str, float]:
        out = dict(self.cpu)
        for k in self.cpu:
            self.cpu[k] = 0.0
        return out


# (owner module or class, attribute, stage name); the name's dots give the nesting shown
STAGES = [
    ("jobs.ingest", "parse_feed", "parse"),
    ("jobs.parse", "feedparser.parse", "parse.feedparser"),
    ("jobs.ingest", "_select", "select new entries"),
    ("jobs.ingest", "decide_entry", "decide"),
    ("core.detect", "Matcher.scan", "decide.detection"),
    ("core.summary", "summarize", "decide.summary"),
    ("jobs.decide", "decide_signature", "decide.signature"),
    ("jobs.decide", "fingerprint", "decide.simhash"),
    ("jobs.ingest", "plan_batch", "plan story links"),
    ("storage.articles", "insert_articles", "insert articles (+ mentions, FTS)"),
    ("jobs.ingest", "decide_batch", "decide stories (read linked, merges, new stories)"),
    ("jobs.ingest", "finish_batch", "write story links"),
    ("jobs.ingest", "enqueue_alerts", "queue alerts"),
    ("sqlalchemy.orm", "Session.commit", "commit"),
]


def _install(stages: _Stages) -> None:
    import importlib

    for module, attr, name in STAGES:
        owner = importlib.import_module(module)
        *path, last = attr.split(".")
        for p in path:
            owner = getattr(owner, p)
        stages.wrap(owner, last, name)


def child_briefbot(port: int, feeds: int, cycles: int, workdir: str) -> dict:
    start = _mib()[0]
    imports = _imports(BRIEFBOT_IMPORTS)
    import asyncio
    from datetime import timedelta

    import ingest as bench
    from feed_site import bench_now

    from jobs.detector import DetectorCache
    from jobs.fetch import make_client
    from jobs.ingest import IngestOptions, run_ingest
    from storage.db import open_database

    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest.py"), "--prepare", workdir, "--feeds", str(feeds),
                    "--port", str(port)], check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    stages = _Stages()
    _install(stages)
    db = open_database(f"sqlite:///{workdir}/briefbot.db")
    before = _mib()[0]
    detector = DetectorCache()
    detector.current(db)
    steps = [{"what": "database opened, watchlist read, matcher built", "mib": _mib()[0] - before, "rss": _mib()[0]}]
    now = bench_now(1)
    options = IngestOptions(poll_seconds=600, allow_private=True, deadline_seconds=3600)
    out = []

    async def go():
        nonlocal now
        async with make_client() as client:
            for g in range(cycles):
                bench._set_generation(port, g)
                before, cpu = _mib()[0], time.process_time()
                stages.take()
                runs = await run_ingest(db, client, now, detector, options)
                new = sum(r.new_items for r in runs)
                out.append({"new": new, "cpu": time.process_time() - cpu, "stages": stages.take()})
                steps.append({"what": f"cycle {g + 1} ({new} new)", "mib": _mib()[0] - before, "rss": _mib()[0]})
                now += timedelta(seconds=601)

    asyncio.run(go())
    return {"start": start, "imports": imports, "steps": steps, "peak": _mib()[1], "cycles": out}


def child_reader(port: int, feeds: int, cycles: int, workdir: str) -> dict:
    start = _mib()[0]
    imports = _imports(READER_IMPORTS)
    import ingest as bench
    from reader import make_reader

    reader = make_reader(f"{workdir}/reader.sqlite")
    for i in range(feeds):
        reader.add_feed(f"http://127.0.0.1:{port}/feed/{i}")
    steps, out = [], []
    for g in range(cycles):
        bench._set_generation(port, g)
        before, cpu = _mib()[0], time.process_time()
        new = sum(v.new for _, v in reader.update_feeds_iter(workers=4, scheduled=False) if v is not None
                  and not isinstance(v, Exception))
        out.append({"new": new, "cpu": time.process_time() - cpu, "stages": {}})
        steps.append({"what": f"cycle {g + 1} ({new} new)", "mib": _mib()[0] - before, "rss": _mib()[0]})
    reader.close()
    return {"start": start, "imports": imports, "steps": steps, "peak": _mib()[1], "cycles": out}


def _run(system: str, port: int, feeds: int, cycles: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", system, "--port", str(port), "--feeds", str(feeds),
                           "--cycles", str(cycles)], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{system} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _bare() -> float:
    """VmRSS of ``python -c`` reading it: the interpreter with nothing imported."""
    code = "print(next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmRSS:')) / 1024)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def _memory_table(name: str, runs: list[dict]) -> None:
    best = min(runs, key=lambda r: r["peak"])
    print(f"\n{name}: resident MiB (the run with the lowest peak of {len(runs)})")
    print("| step | adds MiB | RSS after |")
    print("|---|---|---|")
    print(f"| interpreter and this script | | {best['start']:.1f} |")
    for row in best["imports"] + best["steps"]:
        print(f"| {row['what']} | {row['mib']:+.1f} | {row['rss']:.1f} |")
    print(f"| **peak (VmHWM)** | | **{best['peak']:.1f}** |")


def _cpu_table(runs: list[dict], reader: list[dict]) -> None:
    cycles = len(runs[0]["cycles"])
    print("\nbriefbot CPU per new item, ms (min over runs; stages inclusive of their indented parts)")
    print("| stage | " + " | ".join(f"cycle {c + 1}" for c in range(cycles)) + " |")
    print("|---|" + "---|" * cycles)
    names = [name for _, _, name in STAGES]
    per = {}
    for c in range(cycles):
        new = runs[0]["cycles"][c]["new"] or 1
        for name in names:
            per[name, c] = min(r["cycles"][c]["stages"].get(name, 0.0) for r in runs) * 1000 / new
        per["total", c] = min(r["cycles"][c]["cpu"] for r in runs) * 1000 / new
        top = [n for n in names if "." not in n]
        per["rest", c] = per["total", c] - sum(per[n, c] for n in top)
        if reader:
            per["reader", c] = min(r["cycles"][c]["cpu"] for r in reader) * 1000 / (reader[0]["cycles"][c]["new"] or 1)
    for name in names:
        label = ("&nbsp;&nbsp;" + name.split(".", 1)[1]) if "." in name else name
        print(f"| {label} | " + " | ".join(f"{per[name, c]:.3f}" for c in range(cycles)) + " |")
    print("| the rest (event loop, fetch, hand-over, sessions) | " + " | ".join(f"{per['rest', c]:.3f}"
                                                                              for c in range(cycles)) + " |")
    print("| **briefbot, process CPU** | " + " | ".join(f"**{per['total', c]:.3f}**" for c in range(cycles)) + " |")
    if reader:
        print("| reader, process CPU (same feeds) | " + " | ".join(f"{per['reader', c]:.3f}" for c in range(cycles)) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--cycles", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--systems", default="briefbot,reader")
    ap.add_argument("--child")
    ap.add_argument("--port", type=int)
    args = ap.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        with tempfile.TemporaryDirectory() as workdir:
            run = child_briefbot if args.child == "briefbot" else child_reader
            print(json.dumps(run(args.port, args.feeds, args.cycles, workdir)))
        return

    from feed_site import FeedSite

    systems = args.systems.split(",")
    results: dict[str, list[dict]] = {s: [] for s in systems}
    with FeedSite(args.feeds, 5) as site:
        site.warm(args.cycles)
        for r in range(args.rounds):
            for system in systems[r % len(systems):] + systems[:r % len(systems)]:
                results[system].append(_run(system, site.port, args.feeds, args.cycles))
                print(f"round {r + 1} {system}: peak {results[system][-1]['peak']:.1f} MiB, load "
                      + " ".join(f"{x:.1f}" for x in os.getloadavg()), flush=True)
    print(f"\nbare interpreter (python -c): {_bare():.1f} MiB")
    for system in systems:
        _memory_table(system, results[system])
    if "briefbot" in results:
        _cpu_table(results["briefbot"], results.get("reader", []))


if __name__ == "__main__":
    main()
