"""Start-up: process start to the first getUpdates, and idle memory, beside a bare PTB app.

A minimal aiohttp Bot API sink runs in its own process and answers what a starting bot asks
(getMe, setMyCommands, deleteWebhook, getUpdates held open as a long poll); it records the
monotonic time of each process's first getUpdates (CLOCK_MONOTONIC is shared by processes).
Interleaved for ``--rounds`` rounds:

- bare PTB: an ``Application`` with one CommandHandler and ``run_polling()`` (the floor);
- ``briefbot run`` (the console script next to the interpreter) on a SQLite database
  that an earlier start created (a restart, the common case; ``--first`` also times the very
  first start, which creates and migrates the database), no default feeds (no network).

Both start from bytecode: the project's packages are compiled first (``compileall``), as
``pip install`` does for an installed package (the Dockerfile's), while PTB's were compiled
when it was installed. A source checkout with PYTHONDONTWRITEBYTECODE=1 (this VM's default)
would otherwise recompile every briefbot module at each start (~25 ms of CPU) and PTB's none.

For each: seconds from just before ``Popen`` to the first getUpdates, the CPU time the process
had used by then (wall time on a shared machine mostly measures the other processes), and the
resident memory (VmRSS) and the CPU used by then ``--idle`` seconds later (a start on a current
SQLite schema opens its database right after the first poll: the second CPU figure includes
that). Then SIGTERM. ``--imports`` also times, interleaved, bare interpreters that only import:
PTB; what `briefbot run` imports before its first poll; and that plus what it imports right
after (SQLModel and the table models, the handlers, delivery).

    .venv/bin/python benchmarks/startup.py            # --rounds 5 --idle 2
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH"

BARE_PTB = """
from telegram.ext import Application, CommandHandler

async def start(update, context):
    await update.message.reply_text("hi")

app = Application.builder().token({token!r}).base_url({base_url!r}).build()
app.add_handler(CommandHandler("start", start))
app.run_polling()
"""


def _sink(port_queue: multiprocessing.Queue) -> None:
    from aiohttp import web
    from fake_api import BOT_ME, serve_forever

    first: dict[str, float] = {}

    async def handle(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "getMe":
            return web.json_response({"ok": True, "result": BOT_ME})
        if method == "getUpdates":
            first.setdefault("at", time.monotonic())  # one bot runs at a time
            await asyncio.sleep(1.0)  # a short long poll: the bot asks again
            return web.json_response({"ok": True, "result": []})
        if method == "benchFirst":
            got = first.pop("at", None)
            return web.json_response({"ok": True, "result": got})
        return web.json_response({"ok": True, "result": True})

    serve_forever(handle, port_queue)


def _ask(base_url: str, method: str):
    import json
    import urllib.request

    with urllib.request.urlopen(urllib.request.Request(f"{base_url}{TOKEN}/{method}", data=b"")) as r:
        return json.loads(r.read())["result"]


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU the process has used (less sensitive to a loaded machine than wall time)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_once(argv: list[str], env: dict[str, str], base_url: str, idle: float, timeout: float = 60,
             cwd: Path = ROOT) -> tuple[float, float, float, float]:
    """(seconds from Popen to the first getUpdates, idle RSS in MiB, CPU seconds used by the first
    getUpdates, CPU seconds used by the time RSS is read)."""
    _ask(base_url, "benchFirst")  # forget an earlier process's poll
    started = time.monotonic()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            at = _ask(base_url, "benchFirst")
            if at is not None:
                cpu = _cpu_seconds(proc.pid)  # read within ~5 ms of the poll
                break
            if proc.poll() is not None:
                raise SystemExit(f"{argv} exited early: {proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() - started > timeout:
                raise SystemExit(f"{argv}: no getUpdates within {timeout} s")
            time.sleep(0.005)
        time.sleep(idle)
        rss, cpu_idle = _rss_mib(proc.pid), _cpu_seconds(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return at - started, rss, cpu, cpu_idle


IMPORTS = {
    "import telegram.ext": "import telegram.ext",
    "briefbot before its first poll": "import bot.cli, bot.app, bot.service",
    "+ what it imports right after": "import bot.cli, bot.app, bot.service, storage.db, storage.outbox, jobs.deliver, "
                                     "jobs.fetch, jobs.metrics; bot.app.import_handlers()",
}


def compile_packages(root: Path) -> None:
    """Write the bytecode of a checkout's packages, as an install would (quietly; idempotent)."""
    folders = [str(root / name) for name in ("bot", "jobs", "storage", "core") if (root / name).is_dir()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True, stdout=subprocess.DEVNULL)


def time_imports(rounds: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {name: [] for name in IMPORTS}
    for _ in range(rounds):
        for name, code in IMPORTS.items():
            started = time.monotonic()
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
            found[name].append(time.monotonic() - started)
    return found


def summary(values: list[float], unit: str, digits: int = 2) -> str:
    return f"min {min(values):.{digits}f} / median {statistics.median(values):.{digits}f} {unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--idle", type=float, default=2.0, help="seconds after the first getUpdates to read RSS")
    parser.add_argument("--first", action="store_true", help="also time a first start (new database)")
    parser.add_argument("--compare", type=Path, help="another checkout (git archive of a commit): its "
                        "`python -m bot.cli run` is a third variant in every round, on its own database")
    parser.add_argument("--imports", action="store_true", help="also time the imports alone (interpreters that exit)")
    args = parser.parse_args()

    compile_packages(ROOT)
    if args.compare:
        compile_packages(args.compare)
    ctx = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue = ctx.Queue()
    sink = ctx.Process(target=_sink, args=(ports,), daemon=True)
    sink.start()
    base_url = f"http://127.0.0.1:{ports.get(timeout=30)}/bot"
    python = sys.executable
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bare_argv = [python, "-c", BARE_PTB.format(token=TOKEN, base_url=base_url)]
            script = Path(python).parent / "briefbot"  # the console script, as `make run` starts it
            ours_argv = [str(script), "run"] if script.exists() else [python, "-m", "bot.cli", "run"]
            env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DATABASE_"))}
            env |= {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": base_url, "BRIEFBOT_DEFAULT_FEEDS": "false",
                    "DATABASE_URL": f"sqlite:///{tmp}/briefbot.db", "BRIEFBOT_LOG_LEVEL": "WARNING"}
            first = run_once(ours_argv, env, base_url, args.idle)  # creates and migrates the database
            if args.first:
                print(f"briefbot first start (new database): {first[0]:.2f} s to getUpdates, {first[1]:.0f} MiB")
            run_once(bare_argv, env, base_url, 0)  # warm the page cache for both
            other_env = dict(env, DATABASE_URL=f"sqlite:///{tmp}/other.db")
            if args.compare:
                run_once([python, "-m", "bot.cli", "run"], other_env, base_url, 0, cwd=args.compare)
            bare, ours, other = [], [], []
            for _ in range(args.rounds):
                bare.append(run_once(bare_argv, env, base_url, args.idle))
                ours.append(run_once(ours_argv, env, base_url, args.idle))
                if args.compare:
                    other.append(run_once([python, "-m", "bot.cli", "run"], other_env, base_url, args.idle,
                                          cwd=args.compare))
    finally:
        sink.terminate()

    load = os.getloadavg()
    print(f"start -> first getUpdates, {args.rounds} interleaved rounds (load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f} at the end)")
    print(f"  bare PTB        {summary([b[0] for b in bare], 's')}; idle RSS {summary([b[1] for b in bare], 'MiB', 0)}")
    print(f"  briefbot run    {summary([o[0] for o in ours], 's')}; idle RSS {summary([o[1] for o in ours], 'MiB', 0)}")
    if other:
        print(f"  {str(args.compare)[-14:]:14}  {summary([o[0] for o in other], 's')}; idle RSS "
              f"{summary([o[1] for o in other], 'MiB', 0)}; ratio to bare PTB per round "
              f"{' '.join(f'{o[0] / b[0]:.2f}' for o, b in zip(other, bare, strict=True))}")
    print(f"  CPU to getUpdates: bare PTB {summary([b[2] for b in bare], 's')}; briefbot run "
          f"{summary([o[2] for o in ours], 's')}" + (f"; {str(args.compare)[-14:]} {summary([o[2] for o in other], 's')}"
                                                    if other else ""))
    print(f"  CPU by the RSS reading ({args.idle:g} s later): bare PTB {summary([b[3] for b in bare], 's')}; "
          f"briefbot run {summary([o[3] for o in ours], 's')}" + (f"; {str(args.compare)[-14:]} "
                                                                 f"{summary([o[3] for o in other], 's')}" if other else ""))
    cpu = [o[2] / b[2] for o, b in zip(ours, bare, strict=True)]
    print(f"  CPU ratio per round  {' '.join(f'{r:.2f}' for r in cpu)}; min {min(cpu):.2f} / median "
          f"{statistics.median(cpu):.2f}")
    ratios = [o[0] / b[0] for o, b in zip(ours, bare, strict=True)]
    mem = [o[1] / b[1] for o, b in zip(ours, bare, strict=True)]
    print(f"  time ratio per round {' '.join(f'{r:.2f}' for r in ratios)}; min {min(ratios):.2f} / median "
          f"{statistics.median(ratios):.2f}")
    print(f"  RSS ratio per round  {' '.join(f'{r:.2f}' for r in mem)}; min {min(mem):.2f} / median "
          f"{statistics.median(mem):.2f}")
    if args.imports:
        print(f"imports alone (interpreter start to exit), {args.rounds} interleaved rounds")
        for name, values in time_imports(args.rounds).items():
            print(f"  {name:32} {summary(values, 's')}")


if __name__ == "__main__":
    main()
