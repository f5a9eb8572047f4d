"""Shared fixtures: databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set),
the fake Telegram Bot API and the local feed server."""

from __future__ import annotations

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")

from datetime import UTC, datetime, timezone  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from storage.db import open_database  # noqa: E402
from tests.fakes.feed_fixtures import *  # noqa: E402,F401,F403
from tests.fakes.fixtures import *  # noqa: E402,F401,F403

PG_URL = os.environ.get("TEST_DATABASE_URL")
# BRIEFBOT_LONG_TESTS=1: the long versions of the process-kill and huge-feed tests (more kills,
# more trials, a bigger feed). By default they prove the same things in fewer rounds.
LONG_TESTS = os.environ.get("BRIEFBOT_LONG_TESTS", "") not in ("", "0")
PG_SKIP = "TEST_DATABASE_URL is not set: PostgreSQL variant skipped (.ci/run sets it)"


# Each test run works in a schema of its own, so parallel runs on one server never collide.
PG_SCHEMA = f"briefbot_test_{os.getpid()}"


@pytest.fixture(scope="session", autouse=True)
def _one_matcher_per_watchlist():
    """One Matcher per watchlist content for the whole run, as the bot keeps one per content per process
    (jobs.detector): tests build the default watchlist's hundreds of times (~0.4 s each, most of some tests'
    time). A Matcher is read-only once built, so sharing it changes no result. (A decide worker is spawned
    afresh and builds its own.)"""
    import core.detect

    original = core.detect.Matcher

    class SharedMatcher(original):
        made: dict = {}

        def __new__(cls, watchlist):
            return cls.made.get(watchlist) or super().__new__(cls)

        def __init__(self, watchlist):
            if self.made.get(watchlist) is self:
                return  # built before: shared
            super().__init__(watchlist)
            self.made[watchlist] = self

    core.detect.Matcher = SharedMatcher
    yield
    core.detect.Matcher = original


def reset_postgres(url: str) -> str:
    """Empty this run's schema and return a URL whose connections use it."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as c:
        c.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        c.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    engine.dispose()
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{PG_SCHEMA}"


@pytest.fixture(scope="session", autouse=True)
def _drop_postgres_schema():
    yield
    if PG_URL:
        engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as c:
            c.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        engine.dispose()


def database_url(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'briefbot.db'}"
    if not PG_URL:
        pytest.skip(PG_SKIP)
    return reset_postgres(PG_URL)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL; storage and delivery tests run once per backend."""
    return database_url(request.param, tmp_path)


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path):
    database = open_database(database_url("sqlite", tmp_path))
    yield database
    database.dispose()


class Clock:
    """An injected clock for jobs and handlers: tests move time, nothing sleeps."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> datetime:
        from datetime import timedelta

        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()
