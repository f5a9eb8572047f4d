"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in, aware UTC datetimes out.

    SQLite drops the zone; PostgreSQL keeps it. Normalising here means no caller ever
    compares a naive value with an aware one.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


_UTC = UTCDateTime()  # one instance: the processors it makes are kept per dialect


def utc_to_driver(dialect):
    """What a statement given to the driver as it is (``exec_driver_sql``) must be passed for an
    aware UTC datetime: the value UTCDateTime and the dialect's DateTime would bind."""
    process = _UTC._cached_bind_processor(dialect)
    return process if process is not None else _same


def utc_from_driver(dialect):
    """An aware UTC datetime from what the driver returns for a UTCDateTime column."""
    process = _UTC._cached_result_processor(dialect, None)
    return process if process is not None else _same


def _same(value):
    return value
