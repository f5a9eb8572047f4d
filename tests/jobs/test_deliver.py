"""Outbox delivery: every Telegram outcome leaves the right state behind (both backends)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlmodel import select

from jobs.deliver import MAX_ATTEMPTS, deliver_due
from jobs.sender import SendOutcome
from storage import chats, outbox
from storage.tables import Outbox

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


class ScriptedSender:
    """Answers each send from a per-chat script of outcomes; records what was sent."""

    def __init__(self, script: dict[int, list[SendOutcome]] | None = None) -> None:
        self.script = script or {}
        self.sent: list[tuple[int, str]] = []
        self._ids = 0

    async def send_html(self, chat_id, html, *, thread_id=None, disable_notification=False):
        queue = self.script.get(chat_id)
        if queue:
            return queue.pop(0)
        self._ids += 1
        self.sent.append((chat_id, html))
        return SendOutcome("sent", message_id=self._ids)

    async def edit_html(self, chat_id, message_id, html):
        return SendOutcome("sent", message_id=message_id)


def queue(db, chat_id: int, key: str = "article:1", type: str = "private") -> int:
    with db.session() as s:
        chat, _ = chats.subscribe_chat(s, chat_id, NOW, type=type)
        outbox.enqueue(s, chat.id, "alert", key, f"alert {key}", NOW)
        return chat.id


def rows(db) -> list[Outbox]:
    with db.session() as s:
        return list(s.exec(select(Outbox).order_by(Outbox.id)))


async def test_sent_rows_record_message_id_and_never_repeat(db):
    queue(db, 1)
    queue(db, 2)
    sender = ScriptedSender()
    first = await deliver_due(db, sender, NOW)
    second = await deliver_due(db, sender, NOW + timedelta(minutes=10))
    assert first.sent == 2 and second.sent == 0
    assert sorted(c for c, _ in sender.sent) == [1, 2]
    assert all(r.status == "sent" and r.message_id for r in rows(db))


async def test_flood_limit_waits_retry_after_without_counting_an_attempt(db):
    queue(db, 1)
    sender = ScriptedSender({1: [SendOutcome("retry_after", retry_after=7, error="Too Many Requests")]})
    report = await deliver_due(db, sender, NOW)
    (row,) = rows(db)
    assert report.retried == 1 and row.status == "pending" and row.attempts == 0
    assert row.next_attempt_at == NOW + timedelta(seconds=7)
    assert (await deliver_due(db, sender, NOW + timedelta(seconds=6))).sent == 0
    assert (await deliver_due(db, sender, NOW + timedelta(seconds=7))).sent == 1


async def test_blocked_and_missing_chats_are_unsubscribed(db):
    queue(db, 1)
    queue(db, 2)
    queue(db, 1, key="article:2")
    sender = ScriptedSender({1: [SendOutcome("blocked", error="Forbidden: bot was blocked by the user")],
                             2: [SendOutcome("chat_not_found", error="Bad Request: chat not found")]})
    report = await deliver_due(db, sender, NOW)
    assert sorted(report.unsubscribed) == [1, 2] and sender.sent == []
    with db.session() as s:
        assert chats.get_subscribed_chats(s) == []
        assert chats.get_chat(s, 1).subscribed is False
    assert {r.status for r in rows(db)} == {"dead"}


async def test_migrated_group_moves_subscription_and_sends_there(db):
    queue(db, -42, type="group")
    sender = ScriptedSender({-42: [SendOutcome("migrated", new_chat_id=-1009, error="migrated")]})
    report = await deliver_due(db, sender, NOW)
    assert report.migrated == [(-42, -1009)] and report.sent == 1
    assert sender.sent == [(-1009, "alert article:1")]
    with db.session() as s:
        assert [c.chat_id for c in chats.get_subscribed_chats(s)] == [-1009]


async def test_other_errors_back_off_then_give_up(db):
    queue(db, 1)
    failing = [SendOutcome("error", error="Internal Server Error")] * (MAX_ATTEMPTS + 2)
    sender = ScriptedSender({1: list(failing)})
    now = NOW
    for _ in range(MAX_ATTEMPTS):
        await deliver_due(db, sender, now)
        (row,) = rows(db)
        if row.status == "dead":
            break
        assert row.next_attempt_at > now
        now = row.next_attempt_at
    (row,) = rows(db)
    assert row.status == "dead" and row.attempts == MAX_ATTEMPTS
    assert "gave up" in row.last_error and "Internal Server Error" in row.last_error


async def test_content_rejected_by_telegram_is_not_retried(db):
    queue(db, 1)
    sender = ScriptedSender({1: [SendOutcome("error", error="Bad Request: can't parse entities", permanent=True)]})
    report = await deliver_due(db, sender, NOW)
    (row,) = rows(db)
    assert report.dead == 1 and row.status == "dead" and "rejected by Telegram" in row.last_error
