"""Delivery's life cycle: stop requests, cancellation, restarts and the smooth rate limit
(issue 13 rows 7-8, issue 12 delivery). Both backends."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from jobs.deliver import Deliverer, deliver_due
from jobs.ratelimit import Gcra, SendLimits
from jobs.sender import SendOutcome
from storage import chats, outbox
from storage.tables import Outbox
from tests.bot.ui import eventually

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


class SlowSender:
    """Each send takes ``seconds``; ``None`` hangs until cancelled. Records sends that finished."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.started: list[int] = []
        self.sent: list[int] = []

    async def send_html(self, chat_id, html, *, thread_id=None, disable_notification=False):
        self.started.append(chat_id)
        if self.seconds is None:
            await asyncio.Event().wait()
        await asyncio.sleep(self.seconds)
        self.sent.append(chat_id)
        return SendOutcome("sent", message_id=len(self.sent))

    async def edit_html(self, chat_id, message_id, html):
        return SendOutcome("sent", message_id=message_id)


def fill(db, nchats: int, per_chat: int = 1) -> None:
    with db.session() as s:
        for c in range(nchats):
            chat, _ = chats.subscribe_chat(s, 100 + c, NOW)
            for k in range(per_chat):
                outbox.enqueue(s, chat.id, "alert", f"a{k}", f"alert {k}", NOW)


def statuses(db) -> Counter:
    with db.session() as s:
        return Counter(s.exec(select(Outbox.status)).all())


async def test_stop_lets_in_flight_sends_finish_and_hands_back_the_rest(db):
    fill(db, 20)
    sender = SlowSender(0.2)
    d = Deliverer(concurrency=4)
    report = await deliver_due(db, sender, NOW, deliverer=d, should_stop=lambda: len(sender.started) >= 4)
    assert len(sender.sent) == len(sender.started) == 4 == report.sent  # what was under way finished
    assert statuses(db) == {"sent": 4, "pending": 16}  # nothing left "sending"
    assert d.inflight == set()


async def test_a_hung_send_is_cut_after_the_grace_and_its_row_handed_back(db):
    fill(db, 3)
    sender = SlowSender(None)
    report = await deliver_due(db, sender, NOW, deliverer=Deliverer(concurrency=2),
                               should_stop=lambda: len(sender.started) >= 2, grace=0.2)
    assert sender.started == [100, 101]  # two slots: the third row waits, claimed ahead
    assert report.sent == 0 and report.released == 3  # the two cut sends and the row claimed ahead
    assert statuses(db) == {"pending": 3}


async def test_a_cancelled_run_hands_back_what_it_claimed(db):
    fill(db, 6)
    sender = SlowSender(None)
    task = asyncio.create_task(deliver_due(db, sender, NOW, deliverer=Deliverer(concurrency=3)))
    await eventually(lambda: len(sender.started) == 3)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert statuses(db) == {"pending": 6}


async def test_a_run_cancelled_while_a_claim_is_in_its_thread_hands_that_claim_back_too(db, monkeypatch):
    """The claim's thread outlives the cancel: what it commits afterwards is handed back, not
    left ``sending`` (and held as in flight) for the life of the process."""
    fill(db, 6)
    real_claim, calls = outbox.claim_due, []
    entered, go, left = threading.Event(), threading.Event(), threading.Event()

    def claim_due(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # the claim topping the queue up once the first sends start
            entered.set()
            go.wait(10)
        try:
            return real_claim(*args, **kwargs)
        finally:
            if len(calls) == 2:
                left.set()

    monkeypatch.setattr(outbox, "claim_due", claim_due)
    sender = SlowSender(None)
    task = asyncio.create_task(deliver_due(db, sender, NOW, deliverer=Deliverer(concurrency=3)))
    await eventually(lambda: len(sender.started) == 3 and entered.is_set())
    task.cancel()
    asyncio.get_running_loop().call_later(0.2, go.set)  # the claim goes on after the cancel
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.to_thread(left.wait, 10)
    assert statuses(db) == {"pending": 6}


async def test_first_run_hands_back_a_dead_processes_claims_at_once(db):
    """A restart resends what a killed process had claimed now, not after the 5-minute stale delay."""
    fill(db, 3)
    with db.session() as s:
        outbox.claim_due(s, NOW, limit=2, owner="oldhost:41:20261120T085000")
    sender = SlowSender(0)
    report = await deliver_due(db, sender, NOW + timedelta(seconds=5), deliverer=Deliverer())
    assert report.released == 2 and report.sent == 3 and sorted(sender.sent) == [100, 101, 102]


async def test_a_later_run_does_not_take_another_live_deliverers_rows(db):
    fill(db, 2)
    with db.session() as s:
        outbox.claim_due(s, NOW, limit=1, owner="other:7:x")
    sender = SlowSender(0)
    report = await deliver_due(db, sender, NOW, deliverer=Deliverer(started=True))
    assert report.sent == 1 and report.released == 0


async def test_each_chat_gets_its_messages_in_order_one_at_a_time(db):
    fill(db, 3, per_chat=4)
    sender = SlowSender(0.01)
    report = await deliver_due(db, sender, NOW, deliverer=Deliverer(concurrency=8))
    assert report.sent == 12
    with db.session() as s:
        order = [(c, k) for c, k in s.exec(select(Outbox.chat_ref, Outbox.dedup_key).order_by(Outbox.message_id))]
    for chat_ref in {c for c, _ in order}:
        assert [k for c, k in order if c == chat_ref] == ["a0", "a1", "a2", "a3"]


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.mark.parametrize("rate", [30, 100, 1000])
def test_gcra_is_smooth_no_second_holds_more_than_1_1x_and_the_mean_is_within_2pc(rate):
    clock = FakeClock()
    limiter = SendLimits(rate, None, clock=clock).overall
    sends = []
    step = 0.001
    for _ in range(int(10 / step)):  # a greedy taker polling every millisecond for 10 s
        sends += [clock.t] * limiter.take(1000)
        clock.t += step
    duration = 10.0
    assert abs(len(sends) / duration - rate) / rate < 0.02
    start = sends[0]
    worst = max(sum(1 for t in sends if w <= t < w + 1) for w in [start + i * 0.05 for i in range(180)])
    assert worst <= 1.1 * rate


def test_group_limit_allows_a_short_burst_then_spreads_out_to_20_a_minute():
    clock = FakeClock()
    limits = SendLimits(None, 20, clock=clock)
    sent = 0
    for _ in range(600):  # one minute in 0.1 s steps
        if -5 not in limits.busy_groups():
            limits.take_group(-5)
            sent += 1
        clock.t += 0.1
    assert 19 <= sent <= 20
    assert limits.busy_groups() == set() or -5 in limits.busy_groups()
    assert Gcra(None).available() > 10**6  # no limit means no limit
