"""Locks and claims that let several processes share one database (storage.locks, feed claims)."""

from __future__ import annotations

import os
import socket
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from storage import feeds, outbox
from storage.chats import subscribe_chat
from storage.db import open_database
from storage.defaults import load_defaults_once
from storage.locks import AlreadyRunning, LeaderLock, hold_process_lock
from tests.conftest import PG_SKIP, PG_URL, database_url

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_a_second_process_lock_on_one_file_names_the_holder(tmp_path):
    first = hold_process_lock(tmp_path / "bot.db")
    try:
        with pytest.raises(AlreadyRunning) as refused:
            hold_process_lock(tmp_path / "bot.db")
        assert f"pid {os.getpid()} on host {socket.gethostname()}" in str(refused.value)
    finally:
        first.release()
    hold_process_lock(tmp_path / "bot.db").release()  # free again once released


def test_claimed_feeds_are_leased_until_fetched(db):
    with db.session() as s:
        for n in range(5):
            feeds.add_feed(s, f"https://feeds.example/{n}", NOW)
    with db.session() as s:
        first = feeds.claim_due_feeds(s, NOW, limit=3)
    with db.session() as s:
        rest = feeds.claim_due_feeds(s, NOW + timedelta(seconds=1))
    with db.session() as s:
        again = feeds.claim_due_feeds(s, NOW + timedelta(seconds=2))
    assert len(first) == 3 and len(rest) == 2 and again == []
    assert {f.id for f in first}.isdisjoint(f.id for f in rest)
    with db.session() as s:  # a replica that died mid-fetch: its feeds come back when the lease ends
        expired = feeds.claim_due_feeds(s, NOW + feeds.FEED_LEASE + timedelta(seconds=3))
    assert len(expired) == 5


def test_replicas_claiming_at_once_take_disjoint_feeds(tmp_path):
    if not PG_URL:
        pytest.skip(PG_SKIP)
    db = open_database(database_url("postgres", tmp_path))
    try:
        with db.session() as s:
            for n in range(6):
                feeds.add_feed(s, f"https://feeds.example/{n}", NOW)
        with Session(db.engine) as a, Session(db.engine) as b:
            mine = feeds.claim_due_feeds(a, NOW, limit=4)  # a's transaction still open: rows locked
            theirs = feeds.claim_due_feeds(b, NOW, limit=4)
            a.commit()
            b.commit()
        assert len(mine) == 4 and len(theirs) == 2
        assert {f.id for f in mine}.isdisjoint(f.id for f in theirs)
    finally:
        db.dispose()


def test_leader_lock_is_held_by_one_and_passes_on_release(tmp_path):
    if not PG_URL:
        pytest.skip(PG_SKIP)
    db = open_database(database_url("postgres", tmp_path))
    first, second = LeaderLock(db.engine, "briefbot first"), LeaderLock(db.engine, "briefbot second")
    try:
        assert first.try_acquire() and first.still_held()
        assert not second.try_acquire() and not second.still_held()
        assert second.holder() == "briefbot first"
        first.release()  # as the server does when the leader's process dies
        assert not first.still_held()
        assert second.try_acquire() and second.holder() == "briefbot second"
    finally:
        first.close()
        second.close()
        db.dispose()


def test_processes_starting_together_migrate_and_load_defaults_once(db_url):
    errors, started = [], threading.Barrier(3)

    def start() -> None:
        try:
            started.wait()
            db = open_database(db_url, prepare=lambda d: _load(d))
            db.dispose()
        except Exception as e:  # the assertion below shows it
            errors.append(repr(e))

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    db = open_database(db_url)
    try:
        with db.session() as s:
            assert len(feeds.list_feeds(s)) > 0
            assert load_defaults_once(s, NOW) == []  # loaded exactly once
    finally:
        db.dispose()


def _load(db) -> None:
    with db.session() as s:
        load_defaults_once(s, NOW)


def test_a_new_deliverer_returns_earlier_claims_to_the_queue(db):
    with db.session() as s:
        chat, _ = subscribe_chat(s, 501, NOW)
        outbox.enqueue(s, chat.id, "alert", "k1", "<b>x</b>", NOW)
    with db.session() as s:
        assert len(outbox.claim_due(s, NOW)) == 1  # then the claiming process dies
    with db.session() as s:
        assert outbox.claim_due(s, NOW) == []
        assert outbox.release_claims_not_owned_by(s, "new leader") == 1
    with db.session() as s:
        assert len(outbox.claim_due(s, NOW)) == 1
