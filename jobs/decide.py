"""What ingest decides about a new entry before storing it, in this process or in a worker.

Per entry: detection (mentions with evidence), the summary, and the story signature with
its SimHash fingerprint. It is pure CPU work on core values, so it can run in a worker
process beside the one that fetches and writes: ``DecidePool`` keeps one such process,
built with the watchlist's matcher, for as long as the watchlist stays the same. The
worker imports only core and this module (so the signature rule lives here, not in
jobs.grouping): no database, SQLModel or network; what goes in are the entries, what
comes back are ``Decision`` values.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.gazetteer import Gazetteer, compiled
from core.model import FeedEntry, Mention, Watchlist
from core.signature import Signature, build_signature, lead_names_something
from core.stories import fingerprint

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    """Detection, summary, fingerprint and story signature of one entry (None: no one's news)."""

    summary: str
    mentions: tuple[Mention, ...]
    fingerprint: int | None
    signature: Signature | None


def decide_signature(title: str, text: str, published: datetime | None, mentions: tuple[Mention, ...],
                     gazetteer: Gazetteer, now: datetime, *, outlet: str = "",
                     simhash: int | None = None) -> Signature | None:
    """The signature of an article not stored yet (key 0), or None when it is no one's news.

    An article naming no tracked official or topic still joins stories when its lead names
    a gazetteer organisation, person, place or kind of action (an IRGC tanker seizure in the
    Strait of Hormuz, a court sentencing a dual national): it is never alerted on its own, but
    its outlet counts for the story.
    Pure CPU work, done before the write transaction opens. An article without a
    publication time, or dated in the future, counts as published ``now``.
    """
    if not mentions and not lead_names_something(title, text, gazetteer):
        return None
    from core.analysis import scan_text

    return build_signature(0, min(published or now, now), title, text, mentions, gazetteer, outlet=outlet,
                           fingerprint=simhash if simhash is not None else fingerprint(scan_text(title, text)))


def out_of_story_reach(entry: FeedEntry, now: datetime) -> bool:
    """Whether a history entry (a first fetch's: never alerted) was published so long before
    ``now`` that no article fetched from now on can share a story with it.

    Articles further apart than ``core.stories.WINDOW`` are never linked, and what is fetched
    from now on is published about now; a story of history alone has no alertable article,
    so no alert or briefing shows it. Such an entry needs its mentions (``/explain``), not a
    signature, fingerprint or summary. (An item dated days back that a feed publishes later
    could have linked to it; it still finds every other article of its time.)
    """
    from core.stories import WINDOW

    return entry.published is not None and entry.published < now - WINDOW


def decide_entry(matcher, gazetteer: Gazetteer, entry: FeedEntry, now: datetime, outlet: str,
                 *, history: bool = False) -> Decision:
    """Detection; the fingerprint for articles naming something tracked; the signature (its
    SimHash computed only when kept: most articles name nothing tracked); the summary.

    A summary is read only in alerts (articles naming something tracked) and briefings
    (stories, so articles with a signature): an article with neither gets none, which spares
    most articles of a general feed the summary's cost. ``briefbot analyze`` still
    summarises every text it is given. With ``history`` (a first fetch's entries), an entry
    ``out_of_story_reach`` gets its detection only. Detection and summary are imported here,
    not with the module: with a worker process the parent never decides, so it never loads them.
    """
    from core.analysis import scan_text
    from core.summary import summarize

    scanned = scan_text(entry.title, entry.text)
    mentions = matcher.scan(scanned).mentions
    if history and out_of_story_reach(entry, now):
        return Decision("", mentions, None, None)
    simhash = fingerprint(scanned) if mentions else None
    sig = decide_signature(entry.title, entry.text, entry.published, mentions, gazetteer, now, outlet=outlet,
                           simhash=simhash if simhash is not None else 0)
    if sig is not None and simhash is None:
        sig = dataclasses.replace(sig, fingerprint=fingerprint(scanned))
    summary = summarize(entry.title, entry.text, mentions) if mentions or sig is not None else ""
    return Decision(summary, mentions, simhash, sig)


# ---- the worker process ------------------------------------------------------------------

_worker_state: tuple | None = None  # (matcher, gazetteer), set in the worker by _start


def _start(watchlist: Watchlist) -> None:
    global _worker_state
    import signal

    from core.detect import Matcher

    # Ctrl-C reaches the whole process group: the parent shuts this worker down, and the
    # worker must not print a KeyboardInterrupt traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    _worker_state = (Matcher(watchlist), compiled(watchlist.gazetteer))


def _decide_many(entries: Sequence[FeedEntry], now: datetime, outlet: str, history: bool = False) -> list[Decision]:
    matcher, gazetteer = _worker_state
    return [decide_entry(matcher, gazetteer, e, now, outlet, history=history) for e in entries]


def _parse(content: bytes, headers: dict[str, str], url: str, now: datetime):
    from jobs.parse import parse_feed

    return parse_feed(content, headers, url, now)


def _peak_kib() -> int:
    """The worker's peak resident memory (VmHWM), for benchmarks that count every process."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _cpu_seconds() -> float:
    import time

    return time.process_time()


class DecidePool:
    """One worker process deciding entries for the current watchlist (rebuilt when it changes).

    Spawned, not forked: the parent runs an event loop and threads, and a fork would copy
    its memory; the worker imports only what deciding needs.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watchlist: Watchlist | None = None
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, watchlist: Watchlist, entries: Sequence[FeedEntry], now: datetime, outlet: str,
               history: bool = False) -> Future[list[Decision]]:
        return self._for(watchlist).submit(_decide_many, list(entries), now, outlet, history)

    def parse(self, watchlist: Watchlist, content: bytes, headers: dict[str, str], url: str, now: datetime
              ) -> Future:
        """``jobs.parse.parse_feed`` in the worker (every entry's text: no stored-entry check)."""
        return self._for(watchlist).submit(_parse, content, headers, url, now)

    def _for(self, watchlist: Watchlist) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None or watchlist != self._watchlist:
                # Imported here: an ingest without a worker (the default) never loads multiprocessing.
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                if self._executor is not None:
                    self._executor.shutdown(wait=False, cancel_futures=False)
                self._executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_start, initargs=(watchlist,))
                self._watchlist = watchlist
            return self._executor

    def stats(self) -> tuple[float, float]:
        """(CPU seconds, peak RSS in MiB) of the running worker; (0, 0) without one."""
        with self._lock:
            executor = self._executor
        if executor is None:
            return 0.0, 0.0
        return executor.submit(_cpu_seconds).result(), executor.submit(_peak_kib).result() / 1024

    def close(self) -> None:
        with self._lock:
            executor, self._executor, self._watchlist = self._executor, None, None
        if executor is not None:
            executor.shutdown(wait=True)
