"""Outbox claims: atomic across processes, one message per chat in flight, owners recorded
and released (issue 13 rows 6-8). Both backends."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from storage import chats, outbox
from storage.db import open_database
from storage.tables import Outbox

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def fill(db, nchats: int, per_chat: int = 1) -> None:
    with db.session() as s:
        for c in range(nchats):
            chat, _ = chats.subscribe_chat(s, 1000 + c, NOW)
            for k in range(per_chat):
                outbox.enqueue(s, chat.id, "alert", f"a{k}", f"alert {k} to {c}", NOW)


def test_two_claimers_on_separate_connections_never_claim_a_row_twice(db, db_url):
    """Two engines (as two processes would have) claim concurrently; every row exactly once."""
    fill(db, 600)
    engines = [open_database(db_url) for _ in range(2)]
    claimed: list[list[int]] = [[], []]

    def worker(n: int) -> None:
        while True:
            with engines[n].session() as s:
                items = outbox.claim_due(s, NOW, limit=25, owner=f"worker{n}")
            if not items:
                return
            claimed[n].extend(i.id for i in items)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for e in engines:
        e.dispose()
    counts = Counter(claimed[0] + claimed[1])
    assert len(counts) == 600 and max(counts.values()) == 1
    with db.session() as s:
        owners = Counter(s.exec(select(Outbox.claimed_by)).all())
    assert owners == {f"worker{n}": len(claimed[n]) for n in (0, 1) if claimed[n]}


def test_one_row_per_chat_in_flight_in_queue_order(db):
    fill(db, 3, per_chat=3)
    with db.session() as s:
        first = outbox.claim_due(s, NOW, limit=50, owner="me")
        assert [(i.chat_id, i.dedup_key) for i in first] == [(1000, "a0"), (1001, "a0"), (1002, "a0")]
        assert outbox.claim_due(s, NOW, limit=50, owner="me") == []  # each chat has one in flight
        outbox.mark_sent_many(s, [(first[0], 11)], NOW)
        (nxt,) = outbox.claim_due(s, NOW, limit=50, owner="me")
    assert (nxt.chat_id, nxt.dedup_key) == (1000, "a1")


def test_unsubscribed_chats_and_skipped_groups_are_not_claimed(db):
    fill(db, 2)
    with db.session() as s:
        group, _ = chats.subscribe_chat(s, -500, NOW, type="group")
        outbox.enqueue(s, group.id, "alert", "g", "to the group", NOW)
        chats.unsubscribe_chat(s, 1001, "stopped")
    with db.session() as s:
        items = outbox.claim_due(s, NOW, owner="me", skip_chat_ids={-500})
    assert [i.chat_id for i in items] == [1000]


def test_release_claims_not_owned_by_hands_back_only_other_owners_rows(db):
    fill(db, 4)
    with db.session() as s:
        dead = outbox.claim_due(s, NOW, limit=2, owner="host:1:old")
        mine = outbox.claim_due(s, NOW, limit=1, owner="host:2:new")
    with db.session() as s:
        assert outbox.release_claims_not_owned_by(s, "host:2:new") == 2
    with db.session() as s:
        status = dict(s.exec(select(Outbox.id, Outbox.status)).all())
        again = outbox.claim_due(s, NOW, limit=10, owner="host:2:new")
    assert {status[i.id] for i in dead} == {"pending"} and status[mine[0].id] == "sending"
    assert sorted(i.id for i in again) == sorted([*(i.id for i in dead), 4])
    with db.session() as s:
        assert outbox.release_claims(s, [i.id for i in again]) == 3


def test_mark_sent_many_records_message_ids(db):
    fill(db, 3)
    with db.session() as s:
        items = outbox.claim_due(s, NOW, owner="me")
        outbox.mark_sent_many(s, [(i, 100 + n) for n, i in enumerate(items)], NOW + timedelta(seconds=1))
    with db.session() as s:
        got = s.exec(select(Outbox.status, Outbox.message_id, Outbox.attempts, Outbox.claimed_by)).all()
    assert sorted(got) == [("sent", 100, 1, None), ("sent", 101, 1, None), ("sent", 102, 1, None)]


def test_enqueue_many_adds_each_chat_once_and_claims_see_them(db):
    with db.session() as s:
        refs = [chats.subscribe_chat(s, 2000 + c, NOW)[0].id for c in range(5)]
        outbox.enqueue(s, refs[0], "alert", "article:9", "queued earlier", NOW)
    messages = [(ref, f"alert to {ref}", ref % 2 == 0) for ref in refs]
    with db.session() as s:
        assert outbox.enqueue_many(s, "alert", "article:9", NOW, messages, article_id=None) == 4
        assert outbox.enqueue_many(s, "alert", "article:9", NOW, messages) == 0  # idempotent, as enqueue
        assert outbox.enqueue_many(s, "alert", "article:9", NOW, []) == 0
    with db.session() as s:
        items = outbox.claim_due(s, NOW, limit=50, owner="me")
    assert sorted(i.chat_ref for i in items) == sorted(refs)
    by_ref = {i.chat_ref: i for i in items}
    assert by_ref[refs[0]].html == "queued earlier"
    assert by_ref[refs[1]].html == f"alert to {refs[1]}" and by_ref[refs[1]].created_at == NOW
    assert [by_ref[r].disable_notification for r in refs[1:]] == [r % 2 == 0 for r in refs[1:]]
