"""Spikes: an official or topic in clearly more stories than its recent baseline explains.

The baseline is the count in the same window (say, the last 6 hours) at the same time of
day over the previous 14 days. Counts of stories are Poisson-like, so a quiet baseline
(all zeros, or the same small number every day) has a standard deviation of zero that
would flag any single extra story; the noise floor ``sqrt(mean)`` prevents that, and
``min_count`` keeps one or two stories from ever being news by themselves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import fmean, pstdev


def spike_threshold(history: Sequence[int], sigmas: float = 3.0) -> float:
    """The count the current window must exceed: mean plus ``sigmas`` deviations."""
    if not history:
        return 0.0
    mean = fmean(history)
    spread = max(pstdev(history), math.sqrt(mean))
    return mean + sigmas * spread


def is_spike(
    history: Sequence[int], current: int, min_count: int = 3, sigmas: float = 3.0
) -> bool:
    """True when ``current`` is at least ``min_count`` and above the baseline's threshold."""
    return current >= min_count and current > spike_threshold(history, sigmas)


def spike_text(name: str, current: int, hours: int, usual: float) -> str:
    """One plain-text line for an alert, e.g. "Abbas Araghchi: 9 stories in the last 6 hours (usually about 1)"."""
    stories = "story" if current == 1 else "stories"
    window = "the last hour" if hours == 1 else f"the last {hours} hours"
    usual_text = (
        f"{usual:.1f}".rstrip("0").rstrip(".") if usual < 10 else f"{round(usual)}"
    )
    return f"{name}: {current} {stories} in {window} (usually about {usual_text})"
