"""Engine, sessions and schema migrations.

The schema is owned by Alembic (storage/migrations); `open_database` upgrades to head
on every start, so a new release migrates an existing database without losing data.
Importing and running Alembic costs about a second, so a start first compares the stored
revision with the newest file in storage/migrations/versions (one SELECT, a few small reads;
storage.schema_check) and calls Alembic only when they differ.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidatePoolError, OperationalError
from sqlmodel import Session, create_engine

from storage.schema_check import MIGRATIONS, head_revision

__all__ = ["MIGRATIONS", "Database", "DatabaseError", "head_revision", "is_current", "make_engine", "migrate",
           "open_database", "stored_revision"]


class DatabaseError(Exception):
    """The database could not be opened or migrated; the message says why and how to fix it."""


@dataclass
class Database:
    engine: Engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
    # nothing committed; a power cut may roll back the last commits as a whole (a sent mark
    # undone means a resend: still at least once). ~10 ms less per commit here.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise DatabaseError(f"DATABASE_URL {url!r} is not a valid SQLAlchemy URL: {e}") from e
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"DATABASE_URL uses {backend}, which briefbot does not support: use SQLite "
                            "(sqlite:///./data/briefbot.db) or PostgreSQL (postgresql://user:password@host/db)")
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(f"cannot create the folder {folder} for the SQLite database "
                                    f"({e.strerror}: {e.filename}); change DATABASE_URL to a path in "
                                    "a folder that exists or can be created") from e
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        engine = create_engine(parsed)
    except ModuleNotFoundError as e:
        raise DatabaseError(
            f"no driver for {parsed.drivername}: install it, e.g. pip install 'briefbot[postgres]'"
        ) from e
    event.listen(engine, "checkin", _checked_in)
    event.listen(engine, "checkout", functools.partial(_ping_if_idle, engine.dialect))
    return engine


# A pooled connection back in the pool for longer than this is pinged before use (SQLAlchemy's
# pool_pre_ping pinged every one: a round trip per transaction, ~0.1 ms of an article's grouping).
PING_IDLE_AFTER = 1.0  # seconds
_IDLE_SINCE = "briefbot_idle_since"


def _checked_in(dbapi_connection, record) -> None:
    if dbapi_connection is not None:
        record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(dialect, dbapi_connection, record, _proxy) -> None:
    """Pool checkout: ping a connection that waited in the pool more than ``PING_IDLE_AFTER``, as
    pool_pre_ping did every one, so a server restarted (or a connection dropped) while the pool
    held it costs no failed transaction: on a disconnect the pool is invalidated and a new
    connection made. One given back within the second is used at once: back-to-back transactions
    (ingest's articles) skip the round trip. Only a server restarted, or a connection ended, within
    that second fails the next transaction (SQLAlchemy then invalidates the pool on the error, as
    it does for a disconnect in the middle of a transaction). A new connection (no check-in yet) is
    not pinged, as with pool_pre_ping."""
    since = record.info.get(_IDLE_SINCE)
    if since is None or time.monotonic() - since <= PING_IDLE_AFTER:
        return
    try:
        dialect.do_ping(dbapi_connection)
    except dialect.loaded_dbapi.Error as e:
        if dialect.is_disconnect(e, dbapi_connection, None):
            raise InvalidatePoolError() from e
        raise


def stored_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a new database (no alembic_version table)."""
    with engine.connect() as conn:  # a database that cannot be reached raises here, as before
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:  # no such table yet
            return None


def is_current(engine: Engine) -> bool:
    head = head_revision()
    return head is not None and stored_revision(engine) == head


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (Alembic), on the given engine."""
    from alembic import command  # about a second of imports: only when there is something to do
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def open_database(url: str, *, upgrade: bool = True,
                  prepare: Callable[[Database], object] | None = None) -> Database:
    """Open, migrate, then ``prepare`` (e.g. load defaults), one process at a time (storage.locks)."""
    from storage.locks import startup_lock

    engine = make_engine(url)
    try:
        with startup_lock(engine):
            if upgrade and not is_current(engine):
                migrate(engine)
            if prepare is not None:
                prepare(Database(engine))
    except OperationalError as e:
        engine.dispose()
        raise DatabaseError(f"cannot open the database at {engine.url.render_as_string(hide_password=True)}: {e.orig}") from e
    return Database(engine)
