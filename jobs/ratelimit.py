"""A smooth send-rate limit: GCRA (the generic cell rate algorithm, a token bucket in one number).

PTB's AIORateLimiter (aiolimiter underneath) lets a whole second's allowance go at the start
of each second, so any one-second window can see twice the rate. Here one token becomes
available every ``1/rate`` seconds and at most ``burst`` can be banked, so any window of one
second holds at most ``rate + burst`` sends. Delivery takes tokens *before* it claims outbox
rows, so no claimed row ever waits in a limiter's queue.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable


class Gcra:
    """Tokens at ``rate`` per second, ``burst`` at most at once; ``rate`` None or 0 means no limit."""

    def __init__(self, rate: float | None, burst: int = 1, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate or None
        self._interval = 1.0 / rate if rate else 0.0
        self._tolerance = (max(burst, 1) - 1) * self._interval
        self._tat = 0.0  # theoretical arrival time of the next token
        self._clock = clock

    def available(self) -> int:
        """How many tokens could be taken now (a large number when unlimited)."""
        if self.rate is None:
            return 1 << 30
        now = self._clock()
        base = max(self._tat, now)
        if base - self._tolerance > now:
            return 0
        return int((now + self._tolerance - base) / self._interval + 1e-9) + 1

    def take(self, most: int) -> int:
        """Take up to ``most`` tokens available now; how many were taken (maybe 0)."""
        n = min(most, self.available())
        if n > 0 and self.rate is not None:
            self._tat = max(self._tat, self._clock()) + n * self._interval
        return n

    def idle(self, now: float) -> bool:
        """Whether the full bank is available again (nothing is remembered that matters)."""
        return self._tat <= now

    def give_back(self, n: int) -> None:
        """Return tokens taken but not used (nothing was due to send)."""
        if n > 0 and self.rate is not None:
            self._tat = max(self._tat - n * self._interval, 0.0)

    def wait_time(self) -> float:
        """Seconds until at least one token is available."""
        if self.rate is None:
            return 0.0
        return max(0.0, self._tat - self._tolerance - self._clock())

    async def ready(self) -> int:
        """Wait until at least one token is available; how many are (none taken)."""
        while True:
            n = self.available()
            if n:
                return n
            await asyncio.sleep(self.wait_time() or self._interval / 4)

    async def acquire(self, most: int = 1) -> int:
        """Wait for at least one token, then take up to ``most``."""
        while True:
            n = self.take(most)
            if n:
                return n
            await asyncio.sleep(self.wait_time() or self._interval / 4)


class SendLimits:
    """The overall rate (per second) and the per-group rate (per minute) Telegram asks for.

    Telegram: about 30 messages per second overall, 20 per minute to one group. Groups,
    supergroups and channels have negative chat ids.
    """

    def __init__(self, per_second: float | None = 30.0, group_per_minute: float | None = 20.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        # A bank of 8 % of a second's allowance absorbs the delivery loop's own pauses (a claim's
        # commit) without losing tokens, and no one-second window holds more than 1.08x the rate.
        burst = max(1, math.floor((per_second or 0) * 0.08))
        self.overall = Gcra(per_second, burst=burst, clock=clock)
        # Per group: a bank of a quarter of the minute's allowance (at most 5) for a burst of replies,
        # the rest spread evenly, so no 60-second window holds more than ``group_per_minute``.
        self.group_burst = max(1, min(5, int((group_per_minute or 0) // 4)))
        spread = (group_per_minute or 0) - self.group_burst
        self.group_rate = max(spread, 1) / 60.0 if group_per_minute else None
        self._groups: dict[int, Gcra] = {}
        self._clock = clock

    def busy_groups(self) -> set[int]:
        """Group chats that must not be sent to right now."""
        if self.group_rate is None:
            return set()
        now = self._clock()
        for chat_id in [c for c, g in self._groups.items() if g.idle(now)]:
            del self._groups[chat_id]  # its whole bank is back: forget it, so the table stays small
        return {c for c, g in self._groups.items() if g.available() == 0}

    def take_group(self, chat_id: int) -> None:
        """Count one message to ``chat_id`` against its group limit (no-op for private chats)."""
        if self.group_rate is None or chat_id >= 0:
            return
        limiter = self._groups.get(chat_id)
        if limiter is None:
            limiter = self._groups[chat_id] = Gcra(self.group_rate, burst=self.group_burst, clock=self._clock)
        limiter.take(1)

    async def wait_group(self, chat_id: int) -> None:
        """Wait until ``chat_id`` may receive a message, then count it (for handler replies)."""
        if self.group_rate is None or chat_id >= 0:
            return
        limiter = self._groups.get(chat_id)
        if limiter is None:
            limiter = self._groups[chat_id] = Gcra(self.group_rate, burst=self.group_burst, clock=self._clock)
        await limiter.acquire(1)
