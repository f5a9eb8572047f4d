"""Pytest fixtures for the fake Telegram Bot API; tests/conftest.py star-imports this module.

PTB_TIMEDELTA must be set before telegram is imported so that RetryAfter.retry_after and
similar durations are timedeltas, as they will be in PTB's next major version.
"""

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")

from collections.abc import AsyncIterator  # noqa: E402

import pytest  # noqa: E402
from telegram import Bot  # noqa: E402

from tests.fakes.telegram_api import DEFAULT_TOKEN, FakeTelegram  # noqa: E402

__all__ = ["fake_telegram", "fake_bot", "DEFAULT_TOKEN"]


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A running fake Bot API on 127.0.0.1 (random port); token is DEFAULT_TOKEN."""
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def fake_bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    """A real, initialized telegram.Bot talking to ``fake_telegram``."""
    bot = Bot(
        fake_telegram.token,
        base_url=fake_telegram.base_url,
        base_file_url=fake_telegram.base_file_url,
    )
    async with bot:
        yield bot
