"""Delivery throughput and rate-limit shape, beside bare python-telegram-bot in the same run.

A minimal aiohttp Bot API sink runs in its own process and answers getMe and sendMessage,
recording when each sendMessage arrived. Against it, interleaved for ``--rounds`` rounds:

- bare PTB: ``Bot.send_message`` for N chats, 32 at a time, no rate limiter (the floor), the
  same request briefbot makes (``alert {i}``, HTML parse mode, no link preview);
- briefbot, limit off: N outbox rows in SQLite delivered by ``jobs.deliver.deliver_due``
  (claims, sends through ``bot.sender.TelegramSender``, records) with ``BRIEFBOT_SEND_RATE=0``;
- the shape of a configured rate: briefbot's limiter and PTB's ``AIORateLimiter`` at the same
  rate: mean rate over the run and the busiest one-second window (sliding, at each arrival);
- fan-out: queue an alert for ``--fanout`` chats (timed: ``jobs.alerts.enqueue_alerts``, as an
  ingest does), then deliver at ``--fanout-rate`` from the commit; the finish time against
  count/rate, and with the queueing added.

Throughput is reported as messages per wall second and, because the machine is shared, also
as messages per CPU second of the sending process (all its threads: briefbot's claims and
records run in a worker thread), both as the ratio briefbot / bare PTB per round. The order
of the two alternates between rounds.

Both of those move with the machine's load. ``--instructions SMALL,LARGE`` also counts the
instructions each variant executes per message, which a busy machine does not change: each
variant runs in its own process under ``valgrind --tool=callgrind`` (all threads counted), once
with SMALL and once with LARGE messages, and the difference is divided by LARGE - SMALL, so
start-up, imports and connecting cancel out. What remains varies by about 1-2 % between runs
(how replies and sends interleave in the event loop), hence rounds and min / median. Slow:
about a minute and a half per variant and round at 50,250.

    PTB_TIMEDELTA=1 .venv/bin/python benchmarks/delivery.py            # --n 2000 --rounds 3
    PTB_TIMEDELTA=1 .venv/bin/python benchmarks/delivery.py --instructions 50,250 --rounds 0 --rates "" --fanout 0
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("PTB_TIMEDELTA", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOKEN = "123456:BENCH"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


# ----------------------------------------------------------------------------- the sink

def _sink(port_queue: multiprocessing.Queue) -> None:
    from aiohttp import web
    from fake_api import BOT_ME, serve_forever

    arrivals: list[float] = []
    counter = iter(range(1, 1 << 40))

    async def handle(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "getMe":
            return web.json_response({"ok": True, "result": BOT_ME})
        if method == "sendMessage":
            arrivals.append(time.monotonic())
            form = await request.post() if request.content_type != "application/json" else await request.json()
            chat_id = int(form["chat_id"])
            return web.json_response({"ok": True, "result": {
                "message_id": next(counter), "date": int(time.time()), "text": str(form.get("text", "")),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "g"}}})
        if method == "benchArrivals":
            got, arrivals[:] = list(arrivals), []
            return web.json_response({"ok": True, "result": got})
        return web.json_response({"ok": True, "result": True})

    serve_forever(handle, port_queue)


async def arrivals(base_url: str) -> list[float]:
    import httpx

    async with httpx.AsyncClient() as c:
        return (await c.post(f"{base_url}{TOKEN}/benchArrivals")).json()["result"]


# ----------------------------------------------------------------------------- the runs

def make_bot(base_url: str, rate_limiter=None):
    from telegram.ext import ExtBot
    from telegram.request import HTTPXRequest

    return ExtBot(TOKEN, base_url=base_url, rate_limiter=rate_limiter,
                  request=HTTPXRequest(connection_pool_size=64, read_timeout=30, write_timeout=30))


async def bare_ptb(base_url: str, n: int, concurrency: int = 32, rate_limiter=None,
                   cpu: list[float] | None = None) -> float:
    """Seconds to send n messages with plain Bot.send_message, ``concurrency`` at a time (the
    process CPU seconds it took are appended to ``cpu``)."""
    from telegram import LinkPreviewOptions
    from telegram.constants import ParseMode

    bot = make_bot(base_url, rate_limiter)
    limit = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        async with limit:
            # The request briefbot's TelegramSender makes for the same text: HTML, no link preview.
            await bot.send_message(1000 + i, f"alert {i}", parse_mode=ParseMode.HTML,
                                   link_preview_options=LinkPreviewOptions(is_disabled=True))

    async with bot:
        started, cpu_started = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one(i) for i in range(n)))
        took = time.perf_counter() - started
        if cpu is not None:
            cpu.append(time.process_time() - cpu_started)
        return took


def fill_outbox(db, n: int, alerts: bool = True) -> float:
    """Subscribe n chats, then queue one alert for each with jobs.alerts.enqueue_alerts, as an
    ingest does after storing an article (one transaction); seconds the queueing took. With
    ``alerts`` False the texts are bare PTB's (``alert {i}``), for the throughput comparison."""
    from sqlalchemy import insert
    from sqlmodel import select

    from core.model import ArticleView, Mention
    from jobs.alerts import enqueue_alerts
    from storage import outbox
    from storage.tables import Article, Chat, Feed

    with db.session() as s:
        s.execute(insert(Chat), [{"chat_id": 1000 + i, "type": "private", "subscribed": True,
                                  "subscribed_at": NOW, "timezone": "Asia/Tehran" if i % 3 else "UTC"}
                                 for i in range(n)])
        feed = Feed(url="https://news.example/rss", title="News")
        s.add(feed)
        s.flush()
        s.add(Article(id=1, feed_id=feed.id, content_hash="h1", title="Araghchi in Muscat", fetched_at=NOW))
    mention = Mention("Abbas Araghchi", "official", "Araghchi", 0, 8, "Araghchi arrived in Muscat.", "alias")
    article = ArticleView(1, "News", "Araghchi in Muscat for talks", "https://news.example/1", NOW,
                          "Araghchi arrived in Muscat for a new round of indirect talks.", (mention,))
    started = time.perf_counter()
    with db.session() as s:
        if alerts:
            queued = enqueue_alerts(s, [article], NOW)
        else:
            messages = [(ref, f"alert {chat_id - 1000}", False) for ref, chat_id in s.exec(select(Chat.id, Chat.chat_id))]
            queued = outbox.enqueue_many(s, "alert", "article:1", NOW, messages)
    took = time.perf_counter() - started
    assert queued == n, queued
    return took


async def briefbot(base_url: str, n: int, rate: float | None, concurrency: int = 32,
                   alerts: bool = True, cpu: list[float] | None = None) -> tuple[float, float, int]:
    """(seconds to deliver, seconds to queue, sent) for n outbox rows at ``rate`` (None: no limit);
    the process CPU seconds of the delivery (all threads: claims and records too) go to ``cpu``."""
    from storage.db import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/bench.db")
        queued = await asyncio.to_thread(fill_outbox, db, n, alerts)
        took, sent = await deliver_rows(base_url, db, rate, concurrency, cpu)
        db.dispose()
    return took, queued, sent


async def deliver_rows(base_url: str, db, rate: float | None, concurrency: int = 32,
                       cpu: list[float] | None = None) -> tuple[float, int]:
    """(seconds, sent): ``deliver_due`` over what ``db``'s outbox holds, as `briefbot run` sets it up."""
    from bot.ratelimit import rate_limiter_for
    from bot.sender import TelegramSender
    from jobs.deliver import Deliverer, deliver_due
    from jobs.ratelimit import SendLimits

    limits = SendLimits(rate, None)
    bot = make_bot(base_url, rate_limiter_for(limits))
    async with bot:
        started, cpu_started = time.perf_counter(), time.process_time()
        report = await deliver_due(db, TelegramSender(bot), NOW,
                                   deliverer=Deliverer(limits=limits, concurrency=concurrency))
        took = time.perf_counter() - started
        if cpu is not None:
            cpu.append(time.process_time() - cpu_started)
    return took, report.sent


# ----------------------------------------------------------------------------- instructions

def count_record_batches() -> list[int]:
    """From now on, the size of each batch of sends delivery records in this process."""
    from storage import outbox

    sizes: list[int] = []
    original = outbox.mark_sent_many

    def counting(session, sent, now) -> None:
        if sent:
            sizes.append(len(sent))
        original(session, sent, now)

    outbox.mark_sent_many = counting
    return sizes


def child(variant: str, base_url: str, n: int, db_url: str, time_scale: float) -> None:
    """One variant, once, in this process (run under callgrind by ``instructions``). Delivery
    records outcomes in batches of 16 or what came back within RECORD_DELAY; callgrind slows the
    process about fifty-fold, so ``time_scale`` stretches that delay to keep the batches the size
    they have at full speed (the line printed says what they were)."""
    if variant == "bare":
        asyncio.run(bare_ptb(base_url, n))
        return
    from jobs import deliver
    from storage.db import open_database

    deliver.RECORD_DELAY *= time_scale
    sizes = count_record_batches()
    db = open_database(db_url)
    _, sent = asyncio.run(deliver_rows(base_url, db, None))
    assert sent == n, sent
    print(f"record batches {len(sizes)}")


def instructions(variant: str, base_url: str, n: int, time_scale: float) -> tuple[int, int]:
    """Instructions the whole process executed (all threads) to send n messages, counted by
    callgrind: the same on a busy machine as on a quiet one; and how many batches it recorded."""
    import re
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/bench.db"
        if variant == "ours":  # queued here, outside the count
            from storage.db import open_database

            db = open_database(db_url)
            fill_outbox(db, n, alerts=False)
            db.dispose()
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
               "--child", variant, "--n", str(n), "--url", base_url, "--db", db_url, "--time-scale", str(time_scale)]
        done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode or not found:
            raise SystemExit(f"callgrind run failed:\n{done.stderr[-2000:]}")
        batches = re.search(r"record batches (\d+)", done.stdout)
        return int(found.group(1)), int(batches.group(1)) if batches else 0


def instructions_per_message(base_url: str, sizes: tuple[int, int], rounds: int, time_scale: float) -> None:
    """Per message: the difference between a run of the larger size and of the smaller, over
    the difference in messages (start-up, imports and connecting cancel out)."""
    small, large = sizes
    print(f"instructions per message (callgrind, whole process; runs of {large} minus runs of {small}, "
          f"{rounds} round(s); record delay x{time_scale:g})")
    per: dict[str, list[float]] = {"bare": [], "ours": []}
    for i in range(rounds):
        for variant in ("bare", "ours") if i % 2 == 0 else ("ours", "bare"):
            (few, _), (many, batches) = (instructions(variant, base_url, n, time_scale) for n in sizes)
            per[variant].append((many - few) / (large - small))
            batch = f"; {large / batches:.1f} sends per recorded batch" if batches else ""
            print(f"  round {i + 1} {variant:<4}  {few:,} / {many:,}  ->  {per[variant][-1]:,.0f} per message{batch}",
                  flush=True)
    ratios = [b / o for o, b in zip(per["ours"], per["bare"], strict=True)]
    print(f"  bare PTB            min {min(per['bare']):,.0f} / median {statistics.median(per['bare']):,.0f} per message")
    print(f"  briefbot deliver    min {min(per['ours']):,.0f} / median {statistics.median(per['ours']):,.0f} per message")
    print(f"  ratio bare / briefbot (>= 1: briefbot costs no more) {' '.join(f'{r:.3f}' for r in ratios)}; "
          f"min {min(ratios):.3f} / median {statistics.median(ratios):.3f}")


def shape(times: list[float]) -> tuple[float, int]:
    """Mean rate over the run (arrivals - 1 over the span) and the busiest one-second window."""
    times = sorted(times)
    if len(times) < 2:
        return 0.0, len(times)
    mean = (len(times) - 1) / (times[-1] - times[0])
    worst, j = 0, 0
    for i, t in enumerate(times):
        while times[j] < t - 1.0:
            j += 1
        worst = max(worst, i - j + 1)  # arrivals in (t - 1 s, t]
    return mean, worst


def summary(values: list[float]) -> str:
    return f"min {min(values):.0f} / median {statistics.median(values):.0f}"


def summary_ms(cpu_seconds: list[float], n: int) -> str:
    per = [c * 1000 / n for c in cpu_seconds]
    return f"min {min(per):.2f} / median {statistics.median(per):.2f}"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="messages per throughput run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rates", default="30,100", help="configured rates to check the shape of ('' for none)")
    parser.add_argument("--shape-seconds", type=float, default=10, help="length of each rate-shape run")
    parser.add_argument("--fanout", type=int, default=10_000, help="chats in the fan-out run (0: none)")
    parser.add_argument("--fanout-rate", type=float, default=300)
    parser.add_argument("--instructions", default="", metavar="SMALL,LARGE",
                        help="also count instructions per message with callgrind (e.g. 100,400)")
    parser.add_argument("--instruction-rounds", type=int, default=2)
    parser.add_argument("--time-scale", type=float, default=50,
                        help="under callgrind, delivery's record delay is stretched this many times")
    parser.add_argument("--child", choices=("bare", "ours"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    return parser.parse_args()


async def main(args: argparse.Namespace) -> None:
    ctx = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue = ctx.Queue()
    sink = ctx.Process(target=_sink, args=(ports,), daemon=True)
    sink.start()
    base_url = f"http://127.0.0.1:{ports.get(timeout=30)}/bot"
    try:
        if args.instructions:
            small, large = (int(x) for x in args.instructions.split(","))
            await asyncio.to_thread(instructions_per_message, base_url, (small, large), args.instruction_rounds,
                                    args.time_scale)
        if args.rounds:
            await throughput(base_url, args)
        await rate_shapes(base_url, args)
    finally:
        sink.terminate()


async def throughput(base_url: str, args: argparse.Namespace) -> None:
    print(f"throughput, {args.n} messages, 32 in flight, no rate limit ({args.rounds} interleaved rounds)")
    bare, ours, bare_cpu, ours_cpu = [], [], [], []
    batches = count_record_batches()
    for i in range(args.rounds):  # which goes first alternates: neither always meets a warmer machine
        for variant in ("bare", "ours") if i % 2 == 0 else ("ours", "bare"):
            if variant == "bare":
                bare.append(args.n / await bare_ptb(base_url, args.n, cpu=bare_cpu))
            else:
                took, _, sent = await briefbot(base_url, args.n, None, alerts=False, cpu=ours_cpu)
                assert sent == args.n, sent
                ours.append(args.n / took)
            await arrivals(base_url)
    ratios = [o / b for o, b in zip(ours, bare, strict=True)]
    cpu_ratios = [b / o for o, b in zip(ours_cpu, bare_cpu, strict=True)]  # throughput per CPU second
    print(f"  bare PTB            msg/s {summary(bare)}; CPU ms/msg {summary_ms(bare_cpu, args.n)}")
    print(f"  briefbot deliver    msg/s {summary(ours)}; CPU ms/msg {summary_ms(ours_cpu, args.n)}; "
          f"{sum(batches) / len(batches):.1f} sends per recorded batch")
    print(f"  ratio, msg/s        {' '.join(f'{r:.2f}' for r in ratios)}; min {min(ratios):.2f} "
          f"/ median {statistics.median(ratios):.2f}")
    print(f"  ratio, msg per CPU s {' '.join(f'{r:.2f}' for r in cpu_ratios)}; min {min(cpu_ratios):.2f} "
          f"/ median {statistics.median(cpu_ratios):.2f}")
    print(f"  best round against best round: msg/s {max(ours) / max(bare):.2f}, "
          f"msg per CPU s {min(bare_cpu) / min(ours_cpu):.2f}")


async def rate_shapes(base_url: str, args: argparse.Namespace) -> None:
    from telegram.ext import AIORateLimiter

    for rate in (float(r) for r in args.rates.split(",") if r.strip()):
        n = int(rate * args.shape_seconds) + 1
        print(f"rate shape at {rate:g}/s, {n} messages")
        await briefbot(base_url, n, rate)
        mean, worst = shape(await arrivals(base_url))
        print(f"  briefbot (GCRA)     mean {mean:.2f}/s ({(mean / rate - 1) * 100:+.1f} %), "
              f"busiest second {worst} ({worst / rate:.2f}x)")
        limiter = AIORateLimiter(overall_max_rate=rate, overall_time_period=1, group_max_rate=0, max_retries=0)
        await bare_ptb(base_url, n, concurrency=n, rate_limiter=limiter)
        mean, worst = shape(await arrivals(base_url))
        print(f"  PTB AIORateLimiter  mean {mean:.2f}/s ({(mean / rate - 1) * 100:+.1f} %), "
              f"busiest second {worst} ({worst / rate:.2f}x)")

    if args.fanout:
        rate = args.fanout_rate
        took, queued, sent = await briefbot(base_url, args.fanout, rate)
        ideal = (args.fanout - 1) / rate  # the first send goes at once
        await arrivals(base_url)
        print(f"fan-out to {args.fanout} chats at {rate:g}/s: queued in {queued:.2f} s; delivered {sent} in "
              f"{took:.2f} s against {ideal:.2f} s ideal ({(took / ideal - 1) * 100:+.1f} %); queueing "
              f"included {(took + queued) / ideal * 100 - 100:+.1f} %")


if __name__ == "__main__":
    options = parse_args()
    if options.child:
        child(options.child, options.url, options.n, options.db, options.time_scale)
    else:
        asyncio.run(main(options))
