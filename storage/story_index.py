"""The stored signatures of the link window, held in memory: what story grouping compares a
new article with, found without a query per article.

One ``StoryWindow`` per database engine (per process) loads the window's signatures once
and then follows the ``article`` table by id: each refresh reads the articles stored since
its high-water mark (one statement, with their signatures), so articles stored by another
process or replica are seen. Ids are not handed out in commit order on PostgreSQL (a
transaction holding a lower id may commit after a higher one is visible), so an id below
the mark that was not visible yet is kept as pending and asked for again until it shows
up or ``PENDING_FOR`` has passed (a rolled-back id never shows up). Rows a session writes
itself are added when that session commits (``add_on_commit``), never before.

Word weights (document frequencies) are counted over the signatures held, so they follow
the window rather than all time; for links, each article's words are weighed by the articles
held that were published in the two days before it (per word, their sorted publication
times), so waves, order within a wave and one batch after downtime give the same links. Signatures published more than ``HORIZON`` before the
newest article compared are dropped; an article published that long ago finds no stored
candidates older than the horizon. An article deleted from the database stays here until
it leaves the horizon; a link to it is dropped when the story is written.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import json
import math
import threading
import time
import weakref
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import Integer, Text, bindparam, column, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from core.signature import Signature
from core.stories import WINDOW, index_keys
from core.textsim import VectorsKept, Weights
from storage.types import UTCDateTime, utc_from_driver

# How far back from the newest article seen signatures are kept: an article published up to
# 12 hours before it is stored still finds every candidate of its window, and a batch of
# older ones (a backfill) still finds each other.
HORIZON = 2 * WINDOW + timedelta(hours=12)
PER_KEY = 12  # stored articles per key and side of a new one compared: bounds the cost of a common name
PENDING_FOR = 600.0  # seconds an id below the mark is waited for (a transaction open longer is not expected)
_ROW = (column("id", Integer), column("published_at", UTCDateTime), column("lang", Text), column("data", Text))
_LOAD = text("SELECT article_id, published_at, lang, data FROM articlesignature "
             "WHERE published_at >= :floor AND article_id <= :mark").bindparams(
    bindparam("floor", type_=UTCDateTime)).columns(*_ROW)
_MARK = text("SELECT max(id) FROM article")
_RECENT = text("SELECT id FROM article WHERE id > :low")
# Articles stored since the mark, and their signatures: two index range scans in one statement
# (a LEFT JOIN let PostgreSQL hash the whole signature table on every call).
_NEW_ARTICLES = "SELECT id, NULL, NULL, NULL FROM article WHERE id > :mark"
_NEW_SIGNATURES = "SELECT article_id, published_at, lang, data FROM articlesignature WHERE article_id > :mark"
_SINCE_SQL = f"{_NEW_ARTICLES} UNION ALL {_NEW_SIGNATURES}"
_SINCE = text(_SINCE_SQL).columns(*_ROW)
_SINCE_AND_PENDING = text(
    f"{_NEW_ARTICLES} OR id IN :ids UNION ALL {_NEW_SIGNATURES} OR article_id IN :ids"
).bindparams(bindparam("ids", expanding=True)).columns(*_ROW)
# The same two, as psycopg takes them (pipelined: _follow_pipelined)
_PG_SINCE = _SINCE_SQL.replace(":mark", "%(mark)s")
_PG_SINCE_AND_PENDING = (f"{_NEW_ARTICLES} OR id = ANY(:ids) UNION ALL {_NEW_SIGNATURES} OR article_id = ANY(:ids)"
                         .replace(":mark", "%(mark)s").replace(":ids", "%(ids)s::integer[]"))
_REWIND = 500  # ids below the first mark checked for transactions still open at the first load


class Terms(Mapping[str, int]):
    """A stored article's word counts, packed (words interned and shared between articles)."""

    __slots__ = ("_words", "_counts")

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._words = tuple(_intern(w) for w in counts)
        self._counts = bytes(min(n, 255) for n in counts.values())

    def __getitem__(self, word: str) -> int:
        try:
            return self._counts[self._words.index(word)]
        except ValueError:
            raise KeyError(word) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def items(self):  # the cosine walks these; a dict view would be built per call
        return zip(self._words, self._counts, strict=True)

    def columns(self) -> tuple[tuple[str, ...], bytes]:
        """(words, counts), in order (core.textsim reads them without a look-up per word)."""
        return self._words, self._counts

    def as_dict(self) -> dict[str, int]:
        return dict(zip(self._words, self._counts, strict=True))


_INTERNED: dict[object, object] = {}


def _intern(value):
    """One shared object per equal word or name set: the window repeats the same few hundred."""
    return _INTERNED.setdefault(value, value)


class StoryWindow:
    """The window's signatures by key and the document frequencies of their words."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.loaded = False
        self.sigs: dict[int, Signature] = {}
        self.by_key: dict[str, list[tuple[datetime, int]]] = {}
        self.df: dict[str, int] = {}
        # per word, the publication times (POSIX seconds, sorted) of the articles held that use it,
        # and of all of them: frequencies as of an article's own time (core.textsim.Weights)
        self.times: dict[str, array] = {}
        self.all_times = array("d")
        self.mark = 0  # highest article id read
        self.pending: dict[int, float] = {}  # ids below the mark not seen yet -> when first missed
        self.newest: datetime | None = None
        self._ages: list[tuple[datetime, int]] = []  # heap of (published, article id) for eviction
        # article id -> (its signature, later article ids compared with it, those core.stories.apart from
        # it): storage.story_grouping reads apart pairs among candidates once per pair. Forgotten when
        # an id at or below the highest one dropped is held again (SQLite reuses the highest id).
        self.apart_seen: dict[int, tuple[Signature, set[int], set[int]]] = {}
        self._dropped_top = 0
        self.changes = 0  # signatures added or dropped so far: candidates found at one count hold until it moves
        self.vectors = VectorsKept()  # candidates' word vectors, from one plan to the next
        self._dropped: tuple[float, float] | None = None  # first and last time dropped since the last plan's weights

    # reading the database

    def refresh(self, session: Session, now: datetime, also: tuple[str, dict] | None = None) -> list[tuple] | None:
        """Bring the window up to date with what ``session`` sees (one statement when warm).

        ``also``: a read (psycopg's SQL and parameters) to send in the same round trip when the
        driver can pipeline and the window is warm; its rows as the driver gives them, or None
        when it was not sent (the caller reads it itself)."""
        with self.lock:
            rows = None
            if not self.loaded:
                self._load(session, now)
            elif also is not None and _pipelines(session):
                rows = self._follow_pipelined(session, also)
            else:
                self._follow(session)
            self._evict(now)
            return rows

    def _load(self, session: Session, now: datetime) -> None:
        mark = session.execute(_MARK).scalar() or 0
        seen = set(session.execute(_RECENT, {"low": mark - _REWIND}).scalars())
        stamp = time.monotonic()
        self.pending = {i: stamp for i in range(max(1, mark - _REWIND + 1), mark + 1) if i not in seen}
        self.mark = mark
        for aid, published, lang, data in session.execute(_LOAD, {"floor": now - HORIZON, "mark": mark}):
            self.add(signature_from_json(aid, published, lang, data), sort=False)
        for entries in self.by_key.values():
            entries.sort()
        heapq.heapify(self._ages)
        self.loaded = True

    def _follow(self, session: Session) -> None:
        if self.pending:
            rows = session.execute(_SINCE_AND_PENDING, {"mark": self.mark, "ids": sorted(self.pending)})
        elif session.get_bind().dialect.name == "sqlite":  # the usual case, given to sqlite3 as it is
            rows = self._since_sqlite(session)
        else:
            rows = session.execute(_SINCE, {"mark": self.mark})
        self._followed(rows)

    def _since_sqlite(self, session: Session) -> list[tuple]:
        """The follow's rows from sqlite3's own cursor, in the session's transaction (SQLAlchemy's
        statement and result set-up cost more than SQLite's work, as for storage.story_grouping's
        statements)."""
        session.flush()  # as Session.execute would
        connection = session.connection()
        when = utc_from_driver(connection.dialect)
        cursor = connection.connection.driver_connection.cursor()
        try:
            rows = cursor.execute(_SINCE_SQL, {"mark": self.mark}).fetchall()
        finally:
            cursor.close()
        return [(aid, when(published), lang, data) for aid, published, lang, data in rows]

    def _follow_pipelined(self, session: Session, also: tuple[str, dict]) -> list[tuple]:
        """``_follow`` and the caller's read in one round trip (psycopg's pipeline): on PostgreSQL at
        one article per transaction, each round trip cost about as much as the statement's own work."""
        session.flush()  # as Session.execute would
        connection = session.connection()
        when = utc_from_driver(connection.dialect)
        raw = connection.connection.driver_connection
        since, other = raw.cursor(), raw.cursor()
        try:
            with raw.pipeline():
                if self.pending:
                    since.execute(_PG_SINCE_AND_PENDING, {"mark": self.mark, "ids": sorted(self.pending)})
                else:
                    since.execute(_PG_SINCE, {"mark": self.mark})
                other.execute(*also)
            rows, read = since.fetchall(), other.fetchall()
        finally:
            since.close()
            other.close()
        self._followed([(aid, when(published), lang, data) for aid, published, lang, data in rows])
        return read

    def _followed(self, rows: Iterable[tuple]) -> None:
        """Take in the rows of a follow: (article id, published, lang, data; NULLs for an article
        without a signature)."""
        seen: set[int] = set()
        signed: dict[int, tuple] = {}
        for aid, published, lang, data in rows:
            seen.add(aid)
            if data is not None:
                signed[aid] = (published, lang, data)
        stamp = time.monotonic()
        top = self.mark
        for aid in sorted(seen):
            self.pending.pop(aid, None)
            if aid > top:
                self.pending.update({i: stamp for i in range(top + 1, aid)})
                top = aid
            if aid in signed and aid not in self.sigs:
                self.add(signature_from_json(aid, *signed[aid]))
        self.mark = top
        self.pending = {i: t for i, t in self.pending.items() if stamp - t < PENDING_FOR}

    # the index itself

    def add(self, sig: Signature, *, sort: bool = True) -> None:
        """Hold a stored signature (its key is the article id), packed; ``sort=False`` leaves
        the key lists and the age heap for the caller to order (a bulk load)."""
        if sig.key in self.sigs:
            return
        if sig.key <= self._dropped_top:
            self.apart_seen.clear()
        if not isinstance(sig.terms, Terms):
            sig = replace(sig, title="", terms=Terms(sig.terms), lang=_intern(sig.lang), outlet=_intern(sig.outlet),
                          **{k: _intern(getattr(sig, k)) for k in _SETS})
        self.sigs[sig.key] = sig
        self.changes += 1
        entry = (sig.published, sig.key)  # one tuple in every list: a tuple each was half the window's memory
        if sort:
            heapq.heappush(self._ages, entry)
            for key in index_keys(sig):
                bisect.insort(self.by_key.setdefault(key, []), entry)
        else:
            self._ages.append(entry)
            for key in index_keys(sig):
                self.by_key.setdefault(key, []).append(entry)
        at = sig.published.timestamp()
        _insert(self.all_times, at)
        times = self.times
        for word in sig.terms:
            self.df[word] = self.df.get(word, 0) + 1
            kept = times.get(word)
            if kept is None:
                times[word] = array("d", (at,))
            else:
                _insert(kept, at)
        if self.newest is None or sig.published > self.newest:
            self.newest = sig.published

    def _drop(self, aid: int) -> None:
        self.apart_seen.pop(aid, None)
        self._dropped_top = max(self._dropped_top, aid)
        sig = self.sigs.pop(aid, None)
        if sig is None:
            return
        self.changes += 1
        for key in index_keys(sig):
            entries = self.by_key.get(key, [])
            i = bisect.bisect_left(entries, (sig.published, aid))
            if i < len(entries) and entries[i] == (sig.published, aid):
                del entries[i]
            if not entries:
                self.by_key.pop(key, None)
        at = sig.published.timestamp()
        self._dropped = (at, at) if self._dropped is None else (min(self._dropped[0], at), max(self._dropped[1], at))
        _remove(self.all_times, at)
        for word in sig.terms:
            left = self.df.get(word, 0) - 1
            if left > 0:
                self.df[word] = left
                _remove(self.times[word], at)
            else:
                self.df.pop(word, None)
                self.times.pop(word, None)

    def forget(self, ids: Iterable[int]) -> None:
        """Drop articles that are gone from the database (a link to one was found dangling)."""
        with self.lock:
            for aid in ids:
                self._drop(aid)

    def _evict(self, now: datetime) -> None:
        floor = (max(now, self.newest) if self.newest else now) - HORIZON
        while self._ages and self._ages[0][0] < floor:
            published, aid = heapq.heappop(self._ages)
            if aid in self.sigs and self.sigs[aid].published == published:
                self._drop(aid)

    def candidates(self, sig: Signature, keys: Sequence[str] | None = None) -> list[Signature]:
        """Stored articles sharing a key with ``sig`` (``keys``: its ``index_keys``, when the caller
        has them): per key, the ``PER_KEY`` published nearest before and after it within the link window."""
        found: dict[int, Signature] = {}
        lo, hi = sig.published - WINDOW, sig.published + WINDOW
        for key in index_keys(sig) if keys is None else keys:
            entries = self.by_key.get(key)
            if not entries:
                continue
            at = bisect.bisect_right(entries, (sig.published, math.inf))
            for published, aid in entries[max(0, at - PER_KEY):at]:
                if published >= lo:
                    found[aid] = self.sigs[aid]
            for published, aid in entries[at:at + PER_KEY]:
                if published <= hi:
                    found[aid] = self.sigs[aid]
        return [found[k] for k in sorted(found)]

    def weights(self, new: Sequence[Signature]) -> Weights:
        """Word weights from the window's frequencies plus the ``new`` articles' own words."""
        extra: dict[str, int] = {}
        extra_times: dict[str, list[float]] = {}
        ats = []
        for sig in new:
            at = sig.published.timestamp()
            ats.append(at)
            for word in sig.terms:
                extra[word] = extra.get(word, 0) + 1
                extra_times.setdefault(word, []).append(at)
        for kept in extra_times.values():
            kept.sort()
        ats.sort()
        if self._dropped is not None:
            self.vectors.dropped(*self._dropped)
            self._dropped = None
        return Weights(self.df, len(self.sigs) + len(new), extra, times=(self.times, self.all_times, extra_times, ats),
                       kept=self.vectors)

    def add_on_commit(self, session: Session, sigs: Sequence[Signature]) -> None:
        """Hold ``sigs`` (stored in ``session``) once the session commits; nothing if it rolls back."""
        session.info.setdefault("story_window", []).append((self, sigs))


@event.listens_for(OrmSession, "after_commit")
def _committed(session: OrmSession) -> None:
    """Listeners on the class, set once: one per session cost as much as the rest of a write."""
    for window, sigs in session.info.pop("story_window", ()):
        with window.lock:
            for sig in sigs:
                window.add(sig)


@event.listens_for(OrmSession, "after_soft_rollback")
def _rolled_back(session: OrmSession, _transaction) -> None:
    session.info.pop("story_window", None)


def _pipelines(session: Session) -> bool:
    """Whether ``session``'s driver can send several statements in one round trip (psycopg on libpq 14+)."""
    return session.get_bind().dialect.driver == "psycopg" and pipelines_supported()


@functools.cache
def pipelines_supported() -> bool:
    """Whether this process's psycopg and libpq can pipeline (libpq 14 and later): the same for every connection."""
    try:
        from psycopg import Pipeline
    except ImportError:
        return False
    return Pipeline.is_supported()


_WINDOWS: weakref.WeakKeyDictionary[Engine, StoryWindow] = weakref.WeakKeyDictionary()
_WINDOWS_LOCK = threading.Lock()


def window_for(session: Session) -> StoryWindow:
    """The window of the database ``session`` is bound to (one per engine and process)."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _WINDOWS_LOCK:
        window = _WINDOWS.get(engine)
        if window is None:
            window = _WINDOWS[engine] = StoryWindow()
        return window


def forget_window(engine: Engine) -> None:
    """Start afresh: the next grouping reloads the window (after tables were emptied)."""
    with _WINDOWS_LOCK:
        _WINDOWS.pop(engine, None)


def _insert(times: array, at: float) -> None:
    """Keep ``times`` sorted (articles mostly come in order: an append)."""
    if not times or times[-1] <= at:
        times.append(at)
    else:
        times.insert(bisect.bisect_right(times, at), at)


def _remove(times: array, at: float) -> None:
    i = bisect.bisect_left(times, at)
    if i < len(times) and times[i] == at:
        del times[i]


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), its encoder built once


def signature_to_json(sig: Signature) -> str:
    """Names first, words after a newline."""
    return _JSON({
        "title": sig.title, "outlet": sig.outlet, "officials": sorted(sig.officials), "topics": sorted(sig.topics),
        "places": sorted(sig.places), "capitals": sorted(sig.capitals), "organisations": sorted(sig.organisations),
        "actions": sorted(sig.actions), "lead": sorted(sig.lead), "round": sig.round, "people": sorted(sig.people),
        "day": sig.day.isoformat() if sig.day else None, "fingerprint": sig.fingerprint, "head": sorted(sig.head),
        "early": sorted(sig.early), "sides": sorted(sig.sides), "frame": sorted(sig.frame),
        "primary": sorted(sig.primary), "objects": list(sig.objects), "pairs": sig.pairs.tolist(), "partners": list(sig.partners),
        "first": sig.first, "figures": sorted(sig.figures), "speakers": sorted(sig.speakers),
        "to_come": sorted(sig.to_come),
        "subjects": sig.subjects, "ahead": sig.ahead, "posted": sig.posted,
        "recalled": sig.recalled.isoformat() if sig.recalled else None,
    }) + "\n" + _JSON(dict(sig.terms))


_SETS = ("officials", "topics", "places", "capitals", "organisations", "actions", "lead", "people", "head", "early", "sides", "frame", "primary",
         "figures", "speakers", "to_come")


def signature_from_json(key: int, published: datetime, lang: str, data: str) -> Signature:
    names, _, words = data.partition("\n")
    d = json.loads(names)
    sets = {k: _intern(frozenset(d.get(k, ()))) for k in _SETS}
    return Signature(key=key, published=published, lang=_intern(lang), title="", outlet=_intern(d["outlet"]),
                     round=d["round"], day=date.fromisoformat(d["day"]) if d["day"] else None,
                     fingerprint=d["fingerprint"], terms=Terms(json.loads(words or "{}")),
                     objects=tuple(_intern(n) for n in d.get("objects", ())), pairs=array("I", d.get("pairs", ())),
                     partners=tuple(_intern(n) for n in d.get("partners", ())),
                     first=_intern(d.get("first", "")),
                     recalled=date.fromisoformat(d["recalled"]) if d.get("recalled") else None,
                     subjects=d.get("subjects", 0), ahead=d.get("ahead", False),
                     posted=d.get("posted", False), **sets)
