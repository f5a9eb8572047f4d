"""When is a chat's daily briefing due? Pure date arithmetic on a given ``now``.

The rule: the briefing for a local date is due from its scheduled instant on, and the one
to send is always the most recent scheduled instant not later than ``now``. So a bot that
was down over the briefing time sends that day's briefing once when it is back (marked
late), and a bot down for three days sends one late briefing, not three.

Local times that do not exist (spring forward) resolve to the first valid instant after
the gap; ambiguous ones (fall back) to their first occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LATE_AFTER = timedelta(
    minutes=15
)  # beyond this past the scheduled instant a briefing is "late"


@dataclass(frozen=True)
class BriefingDue:
    local_date: date  # the chat's local date the briefing belongs to
    scheduled_at: datetime  # UTC instant it was scheduled for
    late: bool


def scheduled_instant(day: date, hhmm: str, tz: ZoneInfo) -> datetime:
    """The UTC instant of ``hhmm`` on local ``day`` in ``tz``, DST-safe (see module doc)."""
    hour, minute = (int(p) for p in hhmm.split(":"))
    local = datetime.combine(
        day, time(hour, minute), tzinfo=tz
    )  # fold=0: first occurrence
    while not _exists(local):  # inside a spring-forward gap: step to its end
        local = (local.replace(tzinfo=None) + timedelta(minutes=1)).replace(tzinfo=tz)
    return local.astimezone(UTC)


def briefing_due(
    now: datetime,
    tz: ZoneInfo,
    hhmm: str,
    last_on: date | None,
    not_before: datetime | None = None,
) -> BriefingDue | None:
    """The briefing due at ``now``, or None.

    ``last_on`` is the local date of the last briefing enqueued; ``not_before`` (e.g. when
    the chat subscribed) keeps a new chat from receiving a briefing for a time it was not
    there yet.
    """
    today = now.astimezone(tz).date()
    day = today
    at = scheduled_instant(day, hhmm, tz)
    if at > now:
        day = today - timedelta(days=1)
        at = scheduled_instant(day, hhmm, tz)
    if last_on is None and day != today:
        return None  # never briefed: start with today's, do not catch up on yesterday
    if last_on is not None and day <= last_on:
        return None
    if not_before is not None and at < not_before:
        return None
    return BriefingDue(local_date=day, scheduled_at=at, late=now - at > LATE_AFTER)


def next_briefing_at(now: datetime, tz: ZoneInfo, hhmm: str) -> datetime:
    """The first scheduled instant after ``now`` (for telling users when to expect it)."""
    day = now.astimezone(tz).date()
    for offset in range(3):
        at = scheduled_instant(day + timedelta(days=offset), hhmm, tz)
        if at > now:
            return at
    return at


def _exists(local: datetime) -> bool:
    """A wall-clock time exists when it survives a round trip through UTC."""
    back = local.astimezone(UTC).astimezone(local.tzinfo)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)
