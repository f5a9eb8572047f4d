"""Keeps one Matcher per watchlist content, so admin edits apply at the next ingest
without a restart and an unchanged watchlist costs no rebuild.

core.detect is imported at the first Matcher, not with this module: the bot holds a
DetectorCache from its start, and detection's imports are not needed before the first ingest."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from core.model import Watchlist
from storage.db import Database
from storage.watchlist import load_watchlist

if TYPE_CHECKING:
    from core.detect import Matcher
    from core.gazetteer import Gazetteer


class DetectorCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watchlist: Watchlist | None = None
        self._matcher: Matcher | None = None
        self._pool = None  # jobs.decide.DecidePool, made at the first ingest that asks for one

    def matcher_for(self, watchlist: Watchlist | None = None) -> Matcher:
        """The Matcher for ``watchlist`` (default: the one last read), built once per content."""
        with self._lock:
            watchlist = watchlist if watchlist is not None else (self._watchlist or Watchlist())
            if self._matcher is None or watchlist != self._watchlist:
                from core.detect import Matcher

                self._matcher = Matcher(watchlist)
                self._watchlist = watchlist
            return self._matcher

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer of the watchlist last read (story grouping)."""
        from core.gazetteer import compiled

        with self._lock:
            return compiled(self._watchlist.gazetteer if self._watchlist else ())

    @property
    def watchlist(self) -> Watchlist:
        """The watchlist last read (the current Matcher, when built, is built from it)."""
        with self._lock:
            return self._watchlist or Watchlist()

    def decide_pool(self):
        """The worker process that decides entries (jobs.decide.DecidePool), kept between cycles."""
        from jobs.decide import DecidePool

        with self._lock:
            if self._pool is None:
                self._pool = DecidePool()
            return self._pool

    def close(self) -> None:
        """Stop the decide worker, if one was started."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def current(self, db: Database, *, build: bool = True) -> Matcher | None:
        """The Matcher of the stored watchlist. With ``build=False`` only the watchlist is read
        (a decide worker detects; the Matcher is built here only if that worker fails)."""
        with db.session() as s:
            watchlist = load_watchlist(s)
        if build:
            return self.matcher_for(watchlist)
        with self._lock:
            if watchlist != self._watchlist:
                self._watchlist, self._matcher = watchlist, None
        return None
