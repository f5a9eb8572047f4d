"""Which shipped default entries an existing database takes when a release ships better ones.

A database is seeded once from the shipped watchlist (officials, topics, gazetteer); after that the
admins edit it. A later release ships more aliases, roles and places, and without an upgrade only new
databases would see them. So at start-up each entry is compared three ways: what the database holds,
what this release ships, and what every earlier release shipped (``Shipped``, from the history of the
defaults file). An entry the admins never touched (its content is one that some release shipped) takes
this release's content; one they edited or removed stays as they left it; one no longer shipped and never
touched is removed. An entry the database lacks is new to it when it was first shipped after the newest
version the database's untouched entries come from (versions in the file's history order: commit dates
are not in that order), and an admin's removal otherwise. Pure: the caller reads and writes the rows
(storage.defaults).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.model import GazetteerEntry, Official, Topic, Watchlist

Entry = Official | Topic | GazetteerEntry


@dataclass(frozen=True)
class Shipped:
    """One entry across releases: the version of the defaults file it first came in (history order), and
    every content it was shipped with, each with the version it first came in."""

    since: int
    digests: Mapping[str, int]


@dataclass(frozen=True)
class Upgrade:
    put: tuple[Entry, ...] = ()  # entries to write with this release's content (added or updated)
    delete: tuple[str, ...] = ()  # keys of entries no release ships any more, untouched by the admins
    kept: tuple[str, ...] = ()  # keys of entries the admins edited, which this release changes: left alone

    def __bool__(self) -> bool:
        return bool(self.put or self.delete)


def entry_key(entry: Entry) -> str:
    kind = "official" if isinstance(entry, Official) else "topic" if isinstance(entry, Topic) else "gazetteer"
    return f"{kind}:{entry.name}"


def entries(watchlist: Watchlist) -> dict[str, Entry]:
    return {entry_key(e): e for e in (*watchlist.officials, *watchlist.topics, *watchlist.gazetteer)}


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


def digest(entry: Entry) -> str:
    """The entry's content as the database keeps it (storage drops repeated aliases and terms, and a
    description that is also a role), so a stored entry and the shipped one it came from are equal."""
    if isinstance(entry, Official):
        aliases = {}
        for a in entry.aliases:
            aliases.setdefault(a.text, [a.text, a.case_sensitive, a.needs_context])
        roles = _unique(entry.roles)
        data = ["official", entry.name, list(aliases.values()), roles,
                _unique(d for d in entry.descriptions if d not in entry.roles)]
    elif isinstance(entry, Topic):
        data = ["topic", entry.name, [_unique(g) for g in entry.groups], _unique(entry.exclude)]
    else:
        data = ["gazetteer", entry.name, entry.kind, _unique(entry.aliases)]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:16]


def seeded_version(stored: Mapping[str, Entry], history: Mapping[str, Shipped]) -> int:
    """The newest version of the defaults file this database's untouched entries show it was seeded from (at
    least): the latest version in which the content of one of them first came."""
    return max((history[key].digests[digest(entry)] for key, entry in stored.items()
                if key in history and digest(entry) in history[key].digests), default=-1)


def plan_upgrade(stored: Mapping[str, Entry], shipped: Mapping[str, Entry], history: Mapping[str, Shipped]
                 ) -> Upgrade:
    """What to write so that every entry the admins left alone is this release's, and nothing they
    changed is touched."""
    put, delete, kept = [], [], []
    seeded = seeded_version(stored, history)
    for key, new in shipped.items():
        past = history.get(key)
        current = stored.get(key)
        if current is None:
            if past is None or past.since > seeded:  # new since the version this database was seeded from
                put.append(new)
            continue  # shipped before, so an admin removed it
        if digest(current) == digest(new):
            continue
        if past is not None and digest(current) in past.digests:
            put.append(new)
        else:
            kept.append(key)
    for key, current in stored.items():
        past = history.get(key)
        if key not in shipped and past is not None and digest(current) in past.digests:
            delete.append(key)
    return Upgrade(tuple(put), tuple(delete), tuple(kept))
