"""The Sender over python-telegram-bot: Telegram's errors become SendOutcome values."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.ratelimit import PRECLAIMED
from jobs.sender import SendOutcome

log = logging.getLogger(__name__)

_NOT_FOUND = ("chat not found", "chat_id is empty", "peer_id_invalid", "user not found")
_FORBIDDEN_GONE = ("blocked", "kicked", "deactivated", "not a member", "chat was deleted")


def seconds(value) -> float:
    """PTB gives retry_after as seconds or a timedelta (PTB_TIMEDELTA); seconds either way."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def outcome_of(error: TelegramError) -> SendOutcome:
    """Classify a PTB error: who must be unsubscribed, moved, waited for, or retried."""
    text = str(error)
    if isinstance(error, RetryAfter):
        return SendOutcome("retry_after", retry_after=seconds(error.retry_after), error=text)
    if isinstance(error, ChatMigrated):
        return SendOutcome("migrated", new_chat_id=error.new_chat_id, error=text)
    if isinstance(error, Forbidden):
        if any(k in text.lower() for k in _FORBIDDEN_GONE):
            return SendOutcome("blocked", error=text)
        return SendOutcome("error", error=text)
    if isinstance(error, BadRequest):
        if any(k in text.lower() for k in _NOT_FOUND):
            return SendOutcome("chat_not_found", error=text)
        return SendOutcome("error", error=text, permanent=True)  # the same request fails the same way
    if isinstance(error, NetworkError):
        return SendOutcome("error", error=f"network: {text}")
    return SendOutcome("error", error=text)


# The same JSON PTB sends for LinkPreviewOptions(is_disabled=True), made once.
_NO_PREVIEW = json.dumps(LinkPreviewOptions(is_disabled=True).to_dict())


class TelegramSender:
    """Sends outbox rows; delivery has already taken their rate-limit tokens (bot.ratelimit).

    A send goes through PTB's request path (``Bot._post``: defaults, the rate-limiter hook,
    Telegram's errors as exceptions) with the request ``send_message`` would make, but keeps
    only the sent message's id: building a ``Message`` from each answer cost about 5 % of
    a send (benchmarks/README.md, Delivery). tests/bot/test_sender.py checks both requests
    are the same, so a PTB upgrade that changes either is caught."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        self._post = bot._post
        limited = getattr(bot, "rate_limiter", None) is not None
        self._rl = {"rate_limit_args": PRECLAIMED} if limited else {}
        self._rl_api = bot._merge_api_rl_kwargs(None, PRECLAIMED) if limited else None  # how ExtBot carries it

    async def send_html(self, chat_id: int, html: str, *, thread_id: int | None = None,
                        disable_notification: bool = False) -> SendOutcome:
        data = {"chat_id": chat_id, "text": html, "parse_mode": "HTML", "link_preview_options": _NO_PREVIEW,
                "disable_notification": disable_notification}
        if thread_id is not None:
            data["message_thread_id"] = thread_id
        try:
            result = await self._post("sendMessage", data, api_kwargs=self._rl_api)
        except TelegramError as e:
            return outcome_of(e)
        return SendOutcome("sent", message_id=result["message_id"])

    async def edit_html(self, chat_id: int, message_id: int, html: str) -> SendOutcome:
        try:
            await self._bot.edit_message_text(
                html, chat_id=chat_id, message_id=message_id, parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True), **self._rl,
            )
        except BadRequest as e:
            if "not modified" in str(e).lower():
                return SendOutcome("sent", message_id=message_id)
            return outcome_of(e)
        except TelegramError as e:
            return outcome_of(e)
        return SendOutcome("sent", message_id=message_id)
