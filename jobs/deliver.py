"""Deliver due outbox rows through a Sender, recording every outcome on the row.

What a crash or a stop can cost is bounded by how rows move:
- rows are claimed a batch ahead of the sends (a quarter of a second of the rate, at most
  256, or twice ``concurrency`` without a limit), so a token never waits for a claim's commit; a
  claimed row that a crash leaves unsent is handed back at the next start and sent once;
- a chat has at most one row ``sending`` at a time (storage.outbox.claim_due), so a kill
  repeats at most one message per chat: the one whose send had started;
- a send starts only when the rate limit gives it a token, so nothing waits inside a send;
- outcomes are recorded in batches (16, or what came back within 50 ms), with the next claim
  in one transaction, off the event loop; a kill repeats what was sent in that short window;
- on a stop request, claiming stops, in-flight sends get ``grace`` seconds, and whatever is
  still claimed goes back to ``pending``;
- the first run in a process hands back rows left ``sending`` by any other process
  (:func:`storage.outbox.release_claims_not_owned_by`), so a restart resends them at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import socket
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from core.backoff import next_attempt
from jobs import metrics
from jobs.ratelimit import SendLimits
from jobs.sender import Sender, SendOutcome
from storage import chats, outbox, story_messages
from storage.db import Database

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 30.0
EDIT_WAIT_SECONDS = 10.0  # an edit whose original message is not sent yet looks again after this
STALE_CLAIM = timedelta(minutes=5)  # a claim older than this with no owner alive is handed back
STOP_GRACE_SECONDS = 5.0
AHEAD_SECONDS = 0.25  # rows claimed ahead of the rate limit: this long at the configured rate
MAX_AHEAD = 256
RECORD_BATCH = 16  # outcomes written together; fewer once the first of them has waited RECORD_DELAY
RECORD_DELAY = 0.05


_STARTED = datetime.now(UTC)


def process_owner() -> str:
    """host:pid:start — names this process on the rows it claims; the start time tells a
    reused pid from the process that claimed the row."""
    return f"{socket.gethostname()}:{os.getpid()}:{_STARTED:%Y%m%dT%H%M%S.%f}"


@dataclass
class Deliverer:
    """What delivery keeps for the life of a process: who it is, its rate limits, what it holds."""

    owner: str = field(default_factory=process_owner)
    limits: SendLimits = field(default_factory=lambda: SendLimits(None, None))
    concurrency: int = 32
    inflight: set[int] = field(default_factory=set)  # outbox ids this process has claimed, not recorded
    started: bool = False


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    released: int = 0  # rows handed back to pending (other owners at start, unsent at stop)
    unsubscribed: list[int] = field(default_factory=list)
    migrated: list[tuple[int, int]] = field(default_factory=list)


async def deliver_due(db: Database, sender: Sender, now: datetime, *, deliverer: Deliverer | None = None,
                      should_stop: Callable[[], bool] = lambda: False,
                      grace: float = STOP_GRACE_SECONDS) -> DeliveryReport:
    """Send what is due at ``now`` until nothing is left or ``should_stop()`` says so."""
    d = deliverer or Deliverer()
    report = DeliveryReport()
    if not d.started:
        d.started = True
        report.released += await asyncio.to_thread(_release_others, db, d.owner)
    run = _Run(db, sender, now, d, report)
    try:
        await run.loop(should_stop)
        await run.finish(grace)
    finally:
        await run.abandon()  # only does anything if the loop was cancelled or failed
    return report


def _release_others(db: Database, owner: str) -> int:
    with db.session() as s:
        released = outbox.release_claims_not_owned_by(s, owner)
    if released:
        log.info("deliver: %d message(s) claimed by a stopped process put back in the queue", released)
    return released


class _Run:
    """One delivery run: the claim/send/record loop and its clean ending."""

    def __init__(self, db: Database, sender: Sender, now: datetime, d: Deliverer, report: DeliveryReport) -> None:
        self.db, self.sender, self.now, self.d, self.report = db, sender, now, d, report
        self.tasks: set[asyncio.Task] = set()
        self.done: list[tuple[outbox.OutboxItem, SendOutcome | None]] = []
        self.claimed: dict[int, outbox.OutboxItem] = {}
        self.queue: deque[outbox.OutboxItem] = deque()  # claimed, waiting for a token and a free slot
        self.claiming: asyncio.Task | None = None  # the record-and-claim under way (one at a time)
        self.done_since = 0.0  # when the oldest unrecorded outcome came back
        self.wake = asyncio.Event()  # set when a send or the claim ends
        rate = d.limits.overall.rate
        self.ahead = 2 * d.concurrency if rate is None else max(1, min(MAX_AHEAD, math.ceil(rate * AHEAD_SECONDS)))

    async def loop(self, should_stop: Callable[[], bool]) -> None:
        await asyncio.to_thread(self.release_stale)
        exhausted = False  # the last claim found less than asked: nothing more is due until a send ends
        wanted = 0
        while True:
            if should_stop():
                return
            self.start_sends()
            if self.claiming is not None:
                if self.claiming.done():  # sends went on starting while it ran
                    got, self.claiming = self.claiming.result(), None
                    exhausted = got < wanted
                    continue
            else:
                low = len(self.queue) <= self.ahead // 2
                idle = not self.tasks and not self.queue  # what is recorded may free a chat's next row
                if self.record_due() or (low and not exhausted) or (idle and self.done):
                    wanted = self.ahead - len(self.queue) if low else 0
                    self.claiming = asyncio.create_task(self.record_and_claim(wanted), name="deliver claim")
                    self.claiming.add_done_callback(lambda _: self.wake.set())
                elif exhausted and not self.queue and not self.tasks:
                    return
            await self.wait()

    def record_due(self) -> bool:
        return bool(self.done) and (len(self.done) >= RECORD_BATCH
                                    or time.monotonic() - self.done_since >= RECORD_DELAY)

    def start_sends(self) -> None:
        """Send queued rows while the rate limit has tokens and slots are free."""
        while self.queue and len(self.tasks) < self.d.concurrency and self.d.limits.overall.take(1):
            item = self.queue.popleft()
            task = asyncio.create_task(self.send(item), name=f"deliver outbox {item.id}")
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def wait(self) -> None:
        """Until a send or the claim ends, or the next token is due (briefly, so a stop request is seen)."""
        timeout = 0.1
        if self.queue and len(self.tasks) < self.d.concurrency:
            timeout = min(timeout, max(self.d.limits.overall.wait_time(), 0.001))
        if self.done:
            timeout = min(timeout, max(self.done_since + RECORD_DELAY - time.monotonic(), 0.001))
        if not self.wake.is_set():  # one event, not a wait on every task: that cost O(concurrency) a turn
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self.wake.wait()
        self.wake.clear()

    async def record_and_claim(self, want: int) -> int:
        """Record every outcome since the last call and claim up to ``want`` rows: one transaction."""
        batch, self.done = self.done, []
        try:
            items = await asyncio.to_thread(self._record_and_claim, batch, want)
        except Exception:  # rolled back: abandon() records them, or hands the rows back
            self.done = batch + self.done
            raise
        self._forget(batch)
        for item in items:
            self.d.limits.take_group(item.chat_id)
        self.queue.extend(items)
        return len(items)

    def _record_and_claim(self, batch, want: int) -> list[outbox.OutboxItem]:
        with self.db.session() as s:
            if batch:
                _record_in(s, batch, self.now, self.report)
            items = outbox.claim_due(s, self.now, limit=want, owner=self.d.owner,
                                     skip_chat_ids=self.d.limits.busy_groups()) if want > 0 else []
        for item in items:  # after the commit: what is held is what the database says is claimed
            self.claimed[item.id] = item
            self.d.inflight.add(item.id)
        return items

    def _forget(self, batch) -> None:
        for item, _ in batch:
            self.claimed.pop(item.id, None)
            self.d.inflight.discard(item.id)

    def release_stale(self) -> None:
        with self.db.session() as s:
            self.report.released += outbox.release_stale_claims(s, self.now - STALE_CLAIM, keep=set(self.d.inflight))

    async def send(self, item: outbox.OutboxItem) -> None:
        if item.chat_id in self.report.unsubscribed:  # gone earlier in this run: don't knock again
            result: SendOutcome | None = SendOutcome("blocked", error="chat left during this delivery run")
        elif item.kind == "edit":
            result = await _edit(self.db, self.sender, item, self.now)
        else:
            result = await self.sender.send_html(item.chat_id, item.html, thread_id=item.thread_id,
                                                 disable_notification=item.disable_notification)
        if not self.done:
            self.done_since = time.monotonic()
        self.done.append((item, result))
        self.wake.set()

    async def record(self) -> None:
        """Write every outcome that came back since the last call, in one transaction."""
        if self.done:
            await self.record_and_claim(0)

    async def finish(self, grace: float) -> None:
        """Stop request or nothing left: let sends under way end (briefly), record, hand back the rest."""
        if self.claiming is not None:  # what it claims is held (self.claimed) and handed back below
            claiming, self.claiming = self.claiming, None
            await claiming
        if self.tasks:
            _, late = await asyncio.wait(self.tasks, timeout=grace)
            for task in late:
                task.cancel()
            if late:
                await asyncio.gather(*late, return_exceptions=True)
        await self.record()
        await asyncio.to_thread(self.release_unsent)

    def release_unsent(self) -> None:
        if not self.claimed:
            return
        ids = list(self.claimed)
        with self.db.session() as s:
            released = outbox.release_claims(s, ids)
        self.report.released += released
        self.claimed.clear()
        self.d.inflight.difference_update(ids)
        log.info("deliver: stopped; %d claimed message(s) put back in the queue", released)

    async def abandon(self) -> None:
        """Cancelled or failed mid-run: cancel sends and hand back what was not recorded.

        A claim under way runs in a thread that cancelling cannot stop: it is waited for, so
        the rows it commits are handed back too instead of staying ``sending`` (and held as
        in flight) for the life of the process."""
        for task in self.tasks:
            task.cancel()
        try:
            if self.claiming is not None:
                await asyncio.wait({self.claiming})
                if not self.claiming.cancelled():
                    self.claiming.exception()  # retrieved: the run's own error is what propagates
        finally:
            self.claiming = None
            self._hand_back()

    def _hand_back(self) -> None:
        if self.done:
            with contextlib.suppress(Exception):
                _record_batch(self.db, self.done, self.now, self.report)
                self._forget(self.done)
            self.done = []
        with contextlib.suppress(Exception):
            self.release_unsent()


async def _edit(db: Database, sender: Sender, item: outbox.OutboxItem, now: datetime) -> SendOutcome | None:
    """Edit the message an earlier row sent; None when that message is not sent yet (row re-queued)."""
    def target_of():
        with db.session() as s:
            target = story_messages.get_edit_target(s, item.edit_of) if item.edit_of else None
            if target is not None and target.message_id is None and target.status in ("pending", "sending"):
                outbox.mark_retry(s, item.id, now + timedelta(seconds=EDIT_WAIT_SECONDS),
                                  "waiting for the original message to be sent", count_attempt=False)
                return None, True
            return target, False

    target, requeued = await asyncio.to_thread(target_of)
    if requeued:
        return None
    if target is None or target.message_id is None:
        return SendOutcome("error", error="the message to edit was never sent", permanent=True)
    return await sender.edit_html(item.chat_id, target.message_id, item.html)


def _record_batch(db: Database, batch: list[tuple[outbox.OutboxItem, SendOutcome | None]], now: datetime,
                  report: DeliveryReport) -> None:
    with db.session() as s:
        _record_in(s, batch, now, report)


def _record_in(s, batch: list[tuple[outbox.OutboxItem, SendOutcome | None]], now: datetime,
               report: DeliveryReport) -> None:
    """Successes in one bulk update; every other outcome by its own rule; the caller's transaction."""
    sent = [(item, r.message_id) for item, r in batch if r is not None and r.status == "sent"]
    outbox.mark_sent_many(s, sent, now)
    report.sent += len(sent)
    metrics.record_sends((item.kind, item.dedup_key, item.created_at, r) for item, r in batch if r is not None)
    for item, result in batch:
        if result is not None and result.status != "sent":
            _record(s, item, result, now, report)


def _record(s, item: outbox.OutboxItem, result: SendOutcome, now: datetime, report: DeliveryReport) -> None:
    if result.status == "retry_after":
        wait = timedelta(seconds=max(result.retry_after or 1.0, 0.0))
        outbox.mark_retry(s, item.id, now + wait, f"flood limit: retry after {wait.total_seconds():g} s",
                          count_attempt=False)
        report.retried += 1
        log.info("deliver: Telegram asked to wait %g s before writing to %s again", wait.total_seconds(),
                 item.chat_id)
    elif result.chat_gone:
        reason = "bot was blocked by the user" if result.status == "blocked" else "chat not found"
        outbox.mark_dead(s, item.id, reason)
        chats.unsubscribe_chat(s, item.chat_id, reason)  # also drops the chat's other queued rows
        report.dead += 1
        if item.chat_id not in report.unsubscribed:
            report.unsubscribed.append(item.chat_id)
        log.info("chat %s unsubscribed: %s", item.chat_id, reason)
    elif result.status == "migrated" and result.new_chat_id is not None:
        chats.migrate_chat(s, item.chat_id, result.new_chat_id)
        outbox.mark_retry(s, item.id, now, f"chat migrated to {result.new_chat_id}", count_attempt=False)
        report.migrated.append((item.chat_id, result.new_chat_id))
    elif result.permanent:
        outbox.mark_dead(s, item.id, f"rejected by Telegram: {result.error}")
        report.dead += 1
        log.warning("outbox row %s rejected: %s", item.id, result.error)
    elif item.attempts + 1 >= MAX_ATTEMPTS:
        outbox.mark_dead(s, item.id, f"gave up after {item.attempts + 1} attempts: {result.error}")
        report.dead += 1
    else:
        outbox.mark_retry(s, item.id, next_attempt(now, item.attempts + 1, RETRY_BASE_SECONDS),
                          result.error or "send failed")
        report.retried += 1
