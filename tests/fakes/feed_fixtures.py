"""Pytest fixture for the local feed server; tests/conftest.py star-imports this module."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.fakes.feed_server import FeedServer

__all__ = ["feed_server"]


@pytest_asyncio.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    """A started :class:`FeedServer` on 127.0.0.1, stopped after the test."""
    server = FeedServer()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
