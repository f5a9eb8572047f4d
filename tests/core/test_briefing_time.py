"""Briefing timing: once per local day, DST-safe, late after downtime, never before subscribing."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.briefing_time import briefing_due, next_briefing_at, scheduled_instant

NY = ZoneInfo("America/New_York")
TEHRAN = ZoneInfo("Asia/Tehran")
UTCZ = ZoneInfo("UTC")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "day, hhmm, tz, expected",
    [
        (date(2026, 11, 20), "08:00", UTCZ, utc(2026, 11, 20, 8)),
        (date(2026, 11, 20), "08:00", TEHRAN, utc(2026, 11, 20, 4, 30)),  # UTC+3:30
        (date(2026, 7, 1), "08:00", NY, utc(2026, 7, 1, 12)),  # EDT
        (date(2026, 12, 1), "08:00", NY, utc(2026, 12, 1, 13)),  # EST
        # spring forward 2026-03-08: 02:00-02:59 do not exist; first valid instant is 03:00 EDT
        (date(2026, 3, 8), "02:30", NY, utc(2026, 3, 8, 7)),
        (date(2026, 3, 8), "02:00", NY, utc(2026, 3, 8, 7)),
        (date(2026, 3, 8), "03:00", NY, utc(2026, 3, 8, 7)),
        # fall back 2026-11-01: 01:30 happens twice; the first (EDT) wins
        (date(2026, 11, 1), "01:30", NY, utc(2026, 11, 1, 5, 30)),
        (date(2026, 11, 1), "08:00", NY, utc(2026, 11, 1, 13)),
    ],
)
def test_scheduled_instant(day, hhmm, tz, expected):
    assert scheduled_instant(day, hhmm, tz) == expected


@pytest.mark.parametrize(
    "now, last_on, not_before, expected",
    [
        (
            utc(2026, 11, 20, 7, 59),
            None,
            None,
            None,
        ),  # before the time, nothing yet today
        (utc(2026, 11, 20, 8, 0), None, None, (date(2026, 11, 20), False)),
        (
            utc(2026, 11, 20, 8, 14),
            date(2026, 11, 19),
            None,
            (date(2026, 11, 20), False),
        ),
        (utc(2026, 11, 20, 8, 0), date(2026, 11, 20), None, None),  # already sent today
        (
            utc(2026, 11, 20, 11, 0),
            date(2026, 11, 19),
            None,
            (date(2026, 11, 20), True),
        ),  # down at 08:00
        (
            utc(2026, 11, 20, 7, 0),
            date(2026, 11, 18),
            None,
            (date(2026, 11, 19), True),
        ),  # yesterday missed
        (
            utc(2026, 11, 23, 9, 0),
            date(2026, 11, 19),
            None,
            (date(2026, 11, 23), True),
        ),  # three days down: one
        (
            utc(2026, 11, 20, 9, 0),
            None,
            utc(2026, 11, 20, 8, 30),
            None,
        ),  # subscribed after today's time
        (
            utc(2026, 11, 21, 8, 0),
            None,
            utc(2026, 11, 20, 8, 30),
            (date(2026, 11, 21), False),
        ),
    ],
)
def test_briefing_due_utc_chat(now, last_on, not_before, expected):
    due = briefing_due(now, UTCZ, "08:00", last_on, not_before)
    assert (None if due is None else (due.local_date, due.late)) == expected


def test_exactly_one_briefing_per_local_day_across_dst_changes():
    """Walk minute by minute through both 2026 US transitions: one briefing per local day,
    each at 08:00 local (12:00 UTC in summer, 13:00 UTC in winter)."""
    for start in (utc(2026, 3, 6), utc(2026, 10, 30)):
        now, last_on, sent = start, start.astimezone(NY).date(), []
        while now < start + timedelta(days=4):
            due = briefing_due(now, NY, "08:00", last_on)
            if due is not None:
                sent.append(
                    (due.local_date, now.astimezone(NY).strftime("%H:%M"), due.late)
                )
                last_on = due.local_date
            now += timedelta(minutes=1)
        days = [d for d, _, _ in sent]
        assert len(days) == len(set(days)) == 4
        assert all(hhmm == "08:00" and not late for _, hhmm, late in sent)


def test_briefing_inside_spring_gap_goes_out_once_at_three():
    now, last_on, sent = utc(2026, 3, 8, 5), date(2026, 3, 7), []
    while now < utc(2026, 3, 8, 12):
        due = briefing_due(now, NY, "02:30", last_on)
        if due is not None:
            sent.append(now)
            last_on = due.local_date
        now += timedelta(minutes=1)
    assert sent == [utc(2026, 3, 8, 7)]  # 03:00 EDT


def test_time_zone_change_never_repeats_a_day():
    # briefed at 08:00 Tehran on the 21st; the chat moves to New York, where it is still the 20th
    now = utc(2026, 11, 21, 5)
    assert briefing_due(now, NY, "08:00", date(2026, 11, 21)) is None


def test_next_briefing_at():
    assert next_briefing_at(utc(2026, 11, 20, 9), UTCZ, "08:00") == utc(2026, 11, 21, 8)
    assert next_briefing_at(utc(2026, 11, 20, 7), TEHRAN, "08:00") == utc(
        2026, 11, 21, 4, 30
    )
