"""PostgreSQL's pooled connections are pinged only after waiting in the pool (storage.db._ping_if_idle):
a dropped connection is still replaced before a transaction uses it, and back-to-back transactions
pay no round trip for the ping."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from storage import db as db_module
from storage.db import open_database
from tests.conftest import PG_SKIP, PG_URL, reset_postgres


@pytest.fixture
def pg():
    if not PG_URL:
        pytest.skip(PG_SKIP)
    database = open_database(reset_postgres(PG_URL))
    yield database
    database.dispose()


def _terminate(database, pid: int) -> None:
    """End the backend of ``pid`` from a connection of another engine (not one of the pool's)."""
    engine = create_engine(database.engine.url)
    with engine.connect() as other:
        assert other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    engine.dispose()


def _pings(monkeypatch, dialect) -> list[int]:
    pings = []
    ping = dialect.do_ping

    def counted(dbapi_connection):
        pings.append(1)
        return ping(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", counted)
    return pings


def test_back_to_back_transactions_are_not_pinged(pg, monkeypatch):
    pings = _pings(monkeypatch, pg.engine.dialect)
    for _ in range(5):
        with pg.session() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
    assert pings == []


def test_a_connection_dropped_while_idle_is_replaced_before_use(pg, monkeypatch):
    pings = _pings(monkeypatch, pg.engine.dialect)
    pg.engine.dispose()  # one connection in the pool: the next transaction takes it
    with pg.session() as s:
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
    _terminate(pg, pid)
    monkeypatch.setattr(db_module, "PING_IDLE_AFTER", 0.0)  # every connection has waited long enough
    with pg.session() as s:  # the dead connection is pinged, the pool renewed: no error
        assert s.execute(text("SELECT pg_backend_pid()")).scalar() != pid
    assert pings


def test_without_the_ping_the_dropped_connection_fails(pg, monkeypatch):
    """The guard: the ping above is what hid the dropped connection."""
    pg.engine.dispose()  # one connection in the pool: the next transaction takes it
    with pg.session() as s:
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
    _terminate(pg, pid)
    monkeypatch.setattr(db_module, "PING_IDLE_AFTER", 3600.0)
    with pytest.raises(Exception), pg.session() as s:  # noqa: B017,PT011 (the driver's disconnect error)
        s.execute(text("SELECT 1"))
