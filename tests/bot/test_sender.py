"""The PTB-backed Sender turns Telegram's real error answers into delivery outcomes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Defaults, ExtBot
from telegram.request import BaseRequest

from bot.ratelimit import PRECLAIMED, SmoothRateLimiter
from bot.sender import TelegramSender
from jobs.deliver import Deliverer, deliver_due
from jobs.ratelimit import SendLimits
from jobs.sender import SendOutcome
from storage import chats, outbox

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
async def sender(fake_telegram):
    bot = ExtBot(fake_telegram.token, base_url=fake_telegram.base_url,
                 rate_limiter=SmoothRateLimiter(SendLimits(None, None)))
    async with bot:
        yield TelegramSender(bot)


@pytest.mark.parametrize("inject, status", [
    (lambda f: f.fail_next("sendMessage", 429, retry_after=3), "retry_after"),
    (lambda f: f.block_chat(5), "blocked"),
    (lambda f: f.remove_chat(5), "chat_not_found"),
    (lambda f: f.migrate_chat(5, -1005), "migrated"),
    (lambda f: f.fail_next("sendMessage", 500), "error"),
    (lambda f: f.fail_next("sendMessage", 400, description="Bad Request: message thread not found"), "error"),
])
async def test_outcomes(fake_telegram, sender, inject, status):
    inject(fake_telegram)
    outcome = await sender.send_html(5, "<b>hello</b>")
    assert outcome.status == status
    if status == "retry_after":
        assert outcome.retry_after == 3
    if status == "migrated":
        assert outcome.new_chat_id == -1005


async def test_sent_message_id_and_escaping_checked_by_telegram(fake_telegram, sender):
    ok = await sender.send_html(5, "a &amp; b <i>c</i>", disable_notification=True)
    assert ok.status == "sent" and ok.message_id == fake_telegram.sent[-1].message_id
    assert fake_telegram.sent[-1].disable_notification is True
    bad = await sender.send_html(5, "a < b")
    assert bad.status == "error" and bad.permanent and "parse entities" in bad.error
    edited = await sender.edit_html(5, ok.message_id, "a &amp; b <i>c</i>")  # unchanged: not an error
    assert edited.status == "sent"


async def test_delivery_through_telegram_faults(db, fake_telegram, sender):
    with db.session() as s:
        for chat_id in (11, 12, 13, -14):
            chat, _ = chats.subscribe_chat(s, chat_id, NOW, type="group" if chat_id < 0 else "private")
            outbox.enqueue(s, chat.id, "alert", "article:1", f"<b>alert for {chat_id}</b>", NOW)
    fake_telegram.block_chat(12)
    fake_telegram.remove_chat(13)
    fake_telegram.migrate_chat(-14, -10014)
    fake_telegram.fail_next("sendMessage", 429, retry_after=2)
    first = await deliver_due(db, sender, NOW, deliverer=Deliverer(concurrency=1))
    assert first.retried == 1 and sorted(first.unsubscribed) == [12, 13] and first.migrated == [(-14, -10014)]
    second = await deliver_due(db, sender, NOW + timedelta(seconds=2))
    received = sorted(m.chat_id for m in fake_telegram.sent)
    assert received == [-10014, 11] and first.sent + second.sent == 2
    with db.session() as s:
        assert sorted(c.chat_id for c in chats.get_subscribed_chats(s)) == [-10014, 11]
    assert (await deliver_due(db, sender, NOW + timedelta(hours=1))).sent == 0


async def test_slow_telegram_times_out_and_the_row_is_retried(db, fake_telegram):
    from telegram.request import HTTPXRequest

    # 1 s to answer, a 4 s stall: a margin that a loaded machine's local round trips never come near
    request = HTTPXRequest(read_timeout=1.0, write_timeout=1.0, connect_timeout=2)
    bot = ExtBot(fake_telegram.token, base_url=fake_telegram.base_url, request=request)
    with db.session() as s:
        chat, _ = chats.subscribe_chat(s, 21, NOW)
        outbox.enqueue(s, chat.id, "alert", "article:1", "<b>slow</b>", NOW)
    async with bot:
        fake_telegram.slow("sendMessage", 4)
        report = await deliver_due(db, TelegramSender(bot), NOW)
        assert report.retried == 1 and report.sent == 0
        fake_telegram.slow("sendMessage", 0)
        later = await deliver_due(db, TelegramSender(bot), NOW + timedelta(minutes=5))
    assert later.sent == 1
    assert [m.chat_id for m in fake_telegram.sent] == [21]  # the timed-out request never reached the chat
    with db.session() as s:
        stats = outbox.outbox_stats(s, NOW)
    assert (stats.pending, stats.sent_since) == (0, 1)


class _Recording(BaseRequest):
    """A Bot API that records each request's parameters, as PTB would put them on the wire."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict]] = []

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return None

    async def do_request(self, url, method, request_data=None, **_timeouts) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        if endpoint == "getMe":
            result = {"id": 1, "is_bot": True, "first_name": "B", "username": "b_bot"}
        else:
            self.requests.append((endpoint, request_data.json_parameters if request_data else {}))
            result = {"message_id": 77, "date": 0, "chat": {"id": 5, "type": "private"}, "text": "x"}
        return 200, json.dumps({"ok": True, "result": result}).encode()


@pytest.mark.parametrize("limited", [False, True])
@pytest.mark.parametrize("with_defaults", [False, True])
@pytest.mark.parametrize("thread_id, silent", [(None, False), (9, True)])
async def test_send_is_the_request_send_message_makes(limited, with_defaults, thread_id, silent):
    """The sender skips building a Message, not any part of the request (see TelegramSender)."""
    request = _Recording()
    defaults = Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True),
                        do_quote=False) if with_defaults else None
    bot = ExtBot("1:T", request=request, defaults=defaults,
                 rate_limiter=SmoothRateLimiter(SendLimits(None, None)) if limited else None)
    async with bot:
        extra = {"rate_limit_args": PRECLAIMED} if limited else {}
        message = await bot.send_message(5, "<b>a &amp; b</b>", parse_mode=ParseMode.HTML, message_thread_id=thread_id,
                                         disable_notification=silent,
                                         link_preview_options=LinkPreviewOptions(is_disabled=True), **extra)
        outcome = await TelegramSender(bot).send_html(5, "<b>a &amp; b</b>", thread_id=thread_id,
                                                      disable_notification=silent)
    assert outcome == SendOutcome("sent", message_id=message.message_id)
    (ptb_endpoint, ptb_params), (our_endpoint, our_params) = request.requests
    assert our_endpoint == ptb_endpoint == "sendMessage"
    assert our_params == ptb_params
