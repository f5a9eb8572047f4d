"""Locks that keep several briefbot processes on one database from stepping on each other.

- ``hold_process_lock`` (SQLite): one ``briefbot run`` per database file. An exclusive
  ``flock`` on ``<db>.lock`` that the kernel releases when the process dies, however it dies;
  the file names the holder (pid, host, start time) for the refusal message.
- ``startup_lock``: migrations and default loading run in one process at a time, so two
  processes started together never race to create the same tables or rows (PostgreSQL: an
  advisory lock; SQLite: a ``flock`` on ``<db>.startup.lock``).
- ``LeaderLock`` (PostgreSQL): a session-scoped ``pg_try_advisory_lock`` on a connection kept
  open. The server releases it when that connection ends, so a killed leader frees it at once.

Advisory lock keys are derived from the database and schema names, so test runs that share
a server in separate schemas do not contend.

SQLAlchemy is imported where a lock needs it, not with the module: `briefbot run` takes its
process lock before anything imports SQLAlchemy (see storage.schema_check).
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from storage.schema_check import sqlite_file

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

LEADER_LOCK, STARTUP_LOCK = 1, 2
_KEY = "hashtext('briefbot:' || current_database() || ':' || current_schema())"


class AlreadyRunning(Exception):
    """Another process holds this SQLite database; the message names it and says what to do."""


def sqlite_path(engine_or_url: Engine | str) -> Path | None:
    """The database file of a SQLite engine or URL; None for PostgreSQL or an in-memory database.
    A plain file URL is read without SQLAlchemy; SQLAlchemy parses the rest."""
    if isinstance(engine_or_url, str):
        if (path := sqlite_file(engine_or_url)) is not None:
            return path
        if not engine_or_url.strip().startswith("sqlite"):
            return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url.url
    except ArgumentError:
        return None
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


def describe_process() -> str:
    return f"pid {os.getpid()} on host {socket.gethostname()}"


@dataclass
class ProcessLock:
    """Held while the process lives; ``release`` only for tests and clean exits."""

    path: Path
    fd: int

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def hold_process_lock(db_path: Path) -> ProcessLock:
    """Take ``<db>.lock`` or raise AlreadyRunning naming the process that has it."""
    path = db_path.with_name(db_path.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_holder(fd)
        os.close(fd)
        raise AlreadyRunning(
            f"another briefbot is already running on {db_path} ({holder}); stop it first. "
            "SQLite allows one `briefbot run` per database file; to run several replicas use PostgreSQL"
        ) from None
    os.ftruncate(fd, 0)
    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "since": datetime.now(UTC).isoformat(timespec="seconds")}
    os.write(fd, json.dumps(holder).encode())
    return ProcessLock(path, fd)


def claim_process(database_url: str) -> ProcessLock | None:
    """SQLite: refuse to start next to another process (AlreadyRunning); call it before anything
    else opens the database, so the refusal is the only line printed. None for PostgreSQL."""
    path = sqlite_path(database_url)
    return hold_process_lock(path) if path is not None else None


def _read_holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {info['pid']} on host {info['host']}, since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a process that did not record its pid"


@contextmanager
def startup_lock(engine: Engine) -> Iterator[None]:
    """One process at a time through migrations and default loading."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy import text

        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"SELECT pg_advisory_lock({_KEY}, {STARTUP_LOCK})"))
            try:
                yield
            finally:
                conn.execute(text(f"SELECT pg_advisory_unlock({_KEY}, {STARTUP_LOCK})"))
        return
    path = sqlite_path(engine)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".startup.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class LeaderLock:
    """PostgreSQL leader election: whoever holds the advisory lock is the leader.

    Blocking calls (run them in a thread). The lock lives with one dedicated connection:
    if that connection breaks, the lock is gone and ``still_held`` says so.
    """

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine = engine
        self._name = name[:60]
        self._conn: Connection | None = None

    def try_acquire(self) -> bool:
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        try:
            conn = self._connection()
            return bool(conn.execute(text(f"SELECT pg_try_advisory_lock({_KEY}, {LEADER_LOCK})")).scalar())
        except DBAPIError:
            self.close()
            return False

    def still_held(self) -> bool:
        """True while our session holds the lock; a broken connection means we lost it."""
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        if self._conn is None:
            return False
        try:
            held = self._conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                f"AND classid::int = {_KEY} AND objid = {LEADER_LOCK} AND granted"
            )).scalar()
        except DBAPIError:
            self.close()
            return False
        return bool(held)

    def holder(self) -> str | None:
        """Who leads now, as its connection names itself (for the log)."""
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        try:
            return self._connection().execute(text(
                "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                f"WHERE l.locktype = 'advisory' AND l.classid::int = {_KEY} AND l.objid = {LEADER_LOCK} "
                "AND l.granted"
            )).scalar()
        except DBAPIError:
            self.close()
            return None

    def release(self) -> None:
        """Give leadership up (clean shutdown): unlock now, then end the session."""
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock_all()"))
            except DBAPIError:
                pass
        self.close()

    def close(self) -> None:
        from sqlalchemy.exc import DBAPIError

        if self._conn is not None:
            try:  # invalidate: a pooled connection would keep the session, and the lock, alive
                self._conn.invalidate()
                self._conn.close()
            except DBAPIError:
                pass
            self._conn = None

    def _connection(self) -> Connection:
        from sqlalchemy import text

        if self._conn is None:
            conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("SELECT set_config('application_name', :name, false)"), {"name": self._name})
            self._conn = conn
        return self._conn
