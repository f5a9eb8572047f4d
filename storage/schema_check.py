"""Is a SQLite database file already at the newest migration? Asked without SQLAlchemy.

`briefbot run` needs SQLAlchemy, SQLModel and the table models (about half its start-up CPU)
only to answer updates, not to start polling. When this says the schema is current, the
bot polls Telegram first and opens the database in a worker thread right after, while
updates wait at a gate (bot.app). A new database, one that needs a migration, or a URL this
module does not recognise for certain answers False: the database is then opened before
polling, as always. Only the standard library is imported here.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path

MIGRATIONS = Path(__file__).with_name("migrations")

_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([\w-]+|None)['\"]?", re.M)
# SQLAlchemy's file URLs: sqlite:///relative.db, sqlite:////absolute.db (driver pysqlite).
# Anything else (a query string, percent-escapes, :memory:) is left to SQLAlchemy to parse.
_SQLITE_FILE = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?#%]+)$")


@cache
def head_revision() -> str | None:
    """The newest migration, read from the version files without importing Alembic: the one
    revision no other file names as its ``down_revision`` (None if that is not exactly one)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((key, value) for key, value in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite file URL, resolved; None for anything else (including URLs
    that only SQLAlchemy can read for certain)."""
    found = _SQLITE_FILE.match(url.strip())
    if found is None or found["path"] == ":memory:":
        return None
    return Path(found["path"]).expanduser().resolve()


def sqlite_is_current(url: str) -> bool:
    """True when ``url`` names an existing SQLite file whose stored revision is the newest one."""
    path, head = sqlite_file(url), head_revision()
    if path is None or head is None or not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(path, timeout=5)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:  # no such table, not a database, locked for long: the full path decides
        return False
    return row is not None and row[0] == head
