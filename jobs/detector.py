"""Keeps one Matcher per watchlist content, so admin edits apply at the next ingest
without a restart and an unchanged watchlist costs no rebuild."""

from __future__ import annotations

import threading

from core.detect import Matcher
from core.gazetteer import Gazetteer, compiled
from core.model import Watchlist
from storage.db import Database
from storage.watchlist import load_watchlist


class DetectorCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watchlist: Watchlist | None = None
        self._matcher: Matcher | None = None

    def matcher_for(self, watchlist: Watchlist) -> Matcher:
        with self._lock:
            if self._matcher is None or watchlist != self._watchlist:
                self._matcher = Matcher(watchlist)
                self._watchlist = watchlist
            return self._matcher

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer of the watchlist the current Matcher was built from (story grouping)."""
        with self._lock:
            return compiled(self._watchlist.gazetteer if self._watchlist else ())

    def current(self, db: Database) -> Matcher:
        with db.session() as s:
            watchlist = load_watchlist(s)
        return self.matcher_for(watchlist)
