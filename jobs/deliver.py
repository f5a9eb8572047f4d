"""Deliver due outbox rows through a Sender, recording every outcome on the row."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.backoff import next_attempt
from jobs import metrics
from jobs.sender import Sender, SendOutcome
from storage import chats, outbox, story_messages
from storage.db import Database

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 30.0
EDIT_WAIT_SECONDS = 10.0  # an edit whose original message is not sent yet looks again after this


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    unsubscribed: list[int] = field(default_factory=list)
    migrated: list[tuple[int, int]] = field(default_factory=list)


async def deliver_due(db: Database, sender: Sender, now: datetime, *, batch: int = 50,
                      concurrency: int = 8, max_rounds: int = 20) -> DeliveryReport:
    """Send what is due now; rows re-queued for immediate retry (migrations) go in the same run."""
    report = DeliveryReport()
    limit = asyncio.Semaphore(concurrency)
    for _ in range(max_rounds):
        with db.session() as s:
            items = outbox.claim_due(s, now, limit=batch)
        if not items:
            break

        async def send(item: outbox.OutboxItem) -> None:
            async with limit:
                if item.chat_id in report.unsubscribed:  # gone earlier in this batch: don't knock again
                    result = SendOutcome("blocked", error="chat left during this delivery run")
                elif item.kind == "edit":
                    result = await _edit(db, sender, item, now)
                    if result is None:
                        return
                else:
                    result = await sender.send_html(item.chat_id, item.html, thread_id=item.thread_id,
                                                    disable_notification=item.disable_notification)
                _record(db, item, result, now, report)

        await asyncio.gather(*(send(i) for i in items))
    return report


async def _edit(db: Database, sender: Sender, item: outbox.OutboxItem, now: datetime) -> SendOutcome | None:
    """Edit the message an earlier row sent; None when that message is not sent yet (row re-queued)."""
    with db.session() as s:
        target = story_messages.get_edit_target(s, item.edit_of) if item.edit_of else None
        if target is not None and target.message_id is None and target.status in ("pending", "sending"):
            outbox.mark_retry(s, item.id, now + timedelta(seconds=EDIT_WAIT_SECONDS),
                              "waiting for the original message to be sent", count_attempt=False)
            return None
    if target is None or target.message_id is None:
        return SendOutcome("error", error="the message to edit was never sent", permanent=True)
    return await sender.edit_html(item.chat_id, target.message_id, item.html)


def _record(db: Database, item: outbox.OutboxItem, result: SendOutcome, now: datetime,
            report: DeliveryReport) -> None:
    metrics.record_send(item.kind, item.dedup_key, item.created_at, result)
    with db.session() as s:
        if result.status == "sent":
            outbox.mark_sent(s, item.id, now, result.message_id)
            report.sent += 1
        elif result.status == "retry_after":
            wait = timedelta(seconds=max(result.retry_after or 1.0, 0.0))
            outbox.mark_retry(s, item.id, now + wait, f"flood limit: retry after {wait.total_seconds():g} s",
                              count_attempt=False)
            report.retried += 1
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
