"""When to try a failing feed again.

Exponential back-off keeps a broken or overloaded site from being hammered every poll,
while the cap makes sure a feed that recovers is picked up again within hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def next_attempt(
    now: datetime, error_count: int, base_seconds: float, cap_seconds: float = 6 * 3600
) -> datetime:
    """``now`` plus ``base_seconds * 2**(error_count - 1)``, never more than ``cap_seconds``.

    ``error_count`` is the number of consecutive failures including this one; 0 (no
    failure) means the ordinary interval, ``base_seconds``.
    """
    if base_seconds < 0 or cap_seconds < 0:
        raise ValueError("base_seconds and cap_seconds must not be negative")
    exponent = max(error_count - 1, 0)
    # Compare exponents instead of computing 2**n, which overflows float for huge counts.
    if base_seconds == 0:
        delay = 0.0
    elif exponent >= 64 or base_seconds * 2.0**exponent >= cap_seconds:
        delay = cap_seconds
    else:
        delay = base_seconds * 2.0**exponent
    return now + timedelta(seconds=min(delay, cap_seconds))
