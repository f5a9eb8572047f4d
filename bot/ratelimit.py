"""PTB's rate-limiter hook over the smooth limits of jobs.ratelimit.

Delivery takes its tokens before it claims outbox rows and marks its requests
``PRECLAIMED``, so they pass straight through; everything else the bot sends (handler
replies, menus) waits here for a token from the same budget, so the two together stay
within ``BRIEFBOT_SEND_RATE``. A 429 is not retried here: the outbox retries its own rows
after ``retry_after``, and a handler's reply fails with one log line (bot.app).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import BaseRateLimiter

from jobs.ratelimit import SendLimits

PRECLAIMED = "preclaimed"
_UNLIMITED = frozenset({"getUpdates", "getMe", "answerCallbackQuery", "setMyCommands", "deleteWebhook",
                        "setWebhook", "getWebhookInfo", "close", "logOut"})


class SmoothRateLimiter(BaseRateLimiter[str]):
    """Overall and per-group limits shared with delivery (see the module docstring)."""

    def __init__(self, limits: SendLimits) -> None:
        self.limits = limits

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: str | None) -> Any:
        if rate_limit_args != PRECLAIMED and endpoint not in _UNLIMITED:
            await self.limits.overall.acquire(1)
            chat_id = data.get("chat_id")
            if isinstance(chat_id, int):
                await self.limits.wait_group(chat_id)
        return await callback(*args, **kwargs)


def rate_limiter_for(limits: SendLimits) -> SmoothRateLimiter | None:
    """The hook for ``limits``; None when both are off, so no request pays ExtBot's detour."""
    if limits.overall.rate is None and limits.group_rate is None:
        return None
    return SmoothRateLimiter(limits)
