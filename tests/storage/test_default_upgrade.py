"""An existing database takes a new release's watchlist entries at start-up, once, and keeps every admin
edit (storage.defaults.upgrade_defaults, core.shipped). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from core.model import GazetteerEntry, Watchlist
from core.shipped import digest, entries
from storage import defaults
from storage import watchlist as wl
from storage.defaults import default_watchlist, load_defaults_once, shipped_history
from storage.tables import Meta
from tests.core.test_shipped import HISTORY, ISLANDS, NEW_ARAGHCHI, NEW_MUSCAT, OLD_ARAGHCHI, OLD_MUSCAT, TALKS

SEEDED = datetime(2026, 11, 25, tzinfo=UTC)
OLD = Watchlist(officials=(OLD_ARAGHCHI,), topics=(TALKS,), gazetteer=(OLD_MUSCAT,))
NEW = Watchlist(officials=(NEW_ARAGHCHI,), topics=(TALKS,), gazetteer=(NEW_MUSCAT, ISLANDS))


def _release(monkeypatch, watchlist: Watchlist) -> None:
    monkeypatch.setattr(defaults, "default_watchlist", lambda: watchlist)
    monkeypatch.setattr(defaults, "release_marker", lambda: str(hash(watchlist)))
    monkeypatch.setattr(defaults, "shipped_history", lambda: HISTORY)


def test_a_new_release_upgrades_untouched_entries_once_and_keeps_an_admins_edit(db, monkeypatch, caplog):
    _release(monkeypatch, OLD)
    with db.session() as s:
        assert load_defaults_once(s, SEEDED, feeds=False) == ["watchlist"]
    with db.session() as s:  # an admin adds a spelling to Muscat
        wl.save_gazetteer_entry(s, GazetteerEntry("Muscat", "place", ("Muscat", "مسقط", "Maskat")))

    _release(monkeypatch, NEW)
    with caplog.at_level(logging.INFO, logger="storage.defaults"), db.session() as s:
        assert load_defaults_once(s, SEEDED + timedelta(days=10), feeds=False) == ["upgrade"]
    (line,) = [r.getMessage() for r in caplog.records if r.name == "storage.defaults"]
    assert line == ("watchlist defaults upgraded to this release: 1 entry updated, 1 added, 0 removed, "
                    "1 entry an admin edited kept as edited (Muscat)")
    with db.session() as s:
        stored = entries(wl.load_watchlist(s))
    assert stored["official:Abbas Araghchi"] == NEW_ARAGHCHI
    assert stored["gazetteer:Muscat"].aliases == ("Muscat", "مسقط", "Maskat")
    assert stored["gazetteer:Abu Musa"] == ISLANDS and stored["topic:Oman talks"] == TALKS

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="storage.defaults"), db.session() as s:
        assert load_defaults_once(s, SEEDED + timedelta(days=11), feeds=False) == []  # the same release: nothing
    assert not [r for r in caplog.records if r.name == "storage.defaults"]


def test_an_admins_removal_survives_an_upgrade(db, monkeypatch):
    _release(monkeypatch, OLD)
    with db.session() as s:
        load_defaults_once(s, SEEDED, feeds=False)
    with db.session() as s:
        assert wl.delete_official(s, "Abbas Araghchi")
    _release(monkeypatch, NEW)
    with db.session() as s:
        load_defaults_once(s, SEEDED + timedelta(days=10), feeds=False)
    with db.session() as s:
        stored = entries(wl.load_watchlist(s))
    assert "official:Abbas Araghchi" not in stored and stored["gazetteer:Muscat"] == NEW_MUSCAT


def test_a_database_from_before_release_markers_is_brought_up_to_date(db):
    # The real shipped defaults: a database seeded by them, without the marker, has nothing to upgrade.
    with db.session() as s:
        load_defaults_once(s, SEEDED, feeds=False)
        s.delete(s.get(Meta, "defaults.release"))
    with db.session() as s:
        assert load_defaults_once(s, SEEDED + timedelta(days=1), feeds=False) == []
        assert s.get(Meta, "defaults.release") is not None


def test_an_ordinary_start_does_not_parse_the_defaults(db, monkeypatch):
    with db.session() as s:
        load_defaults_once(s, SEEDED, feeds=False)

    def parse():
        raise AssertionError("the defaults file was parsed at a start of the same release")

    monkeypatch.setattr(defaults, "default_watchlist", parse)
    with db.session() as s:
        assert load_defaults_once(s, SEEDED + timedelta(days=1), feeds=False) == []


def test_the_shipped_history_knows_every_entry_of_this_release():
    history = shipped_history()
    stale = [key for key, entry in entries(default_watchlist()).items()
             if key not in history or digest(entry) not in history[key].digests]
    assert not stale, (f"storage/defaults/shipped.json is out of date for {stale[:5]}: run `make defaults-history` "
                       "and commit it with storage/defaults/watchlist.toml")
