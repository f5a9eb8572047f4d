"""Spike alerts: a name in clearly more stories in the last hours than its baseline explains.

The count of distinct stories naming an official or topic in the last ``WINDOW`` is
compared with the same window at the same time of day over the previous
``BASELINE_DAYS`` (core.spikes decides), counting only days the bot was already collecting,
and only once it has ``MIN_BASELINE_DAYS`` of them. Chats that follow the name get one alert per
name per day: the outbox key is "name:YYYY-MM-DD" (UTC date).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from statistics import fmean

from sqlmodel import Session

from core.render import render_spike
from core.spikes import is_spike, spike_text
from jobs import metrics
from jobs.alerts import alert_targets
from storage import articles, outbox, stories

WINDOW = timedelta(hours=6)
BASELINE_DAYS = 14
MIN_BASELINE_DAYS = 3  # a new install has no baseline yet: every busy name would look like a spike
MIN_COUNT = 4


def find_spikes(session: Session, now: datetime) -> list[tuple[str, int, float]]:
    """(name, stories in the window, usual count) for every name spiking now."""
    current = {n: c for n, c in stories.count_stories_by_name(session, now - WINDOW, now).items() if c >= MIN_COUNT}
    if not current:
        return []
    oldest = articles.oldest_fetch_time(session)
    covered = [day for day in range(1, BASELINE_DAYS + 1)
               if oldest is not None and now - timedelta(days=day) - WINDOW >= oldest]
    if len(covered) < MIN_BASELINE_DAYS:
        return []
    history: dict[str, list[int]] = {name: [] for name in current}
    for day in covered:
        end = now - timedelta(days=day)
        counts = stories.count_stories_by_name(session, end - WINDOW, end)
        for name in current:
            history[name].append(counts.get(name, 0))
    return [(name, count, fmean(history[name])) for name, count in sorted(current.items())
            if is_spike(history[name], count, min_count=MIN_COUNT)]


def enqueue_spike_alerts(session: Session, now: datetime) -> int:
    """Queue a spike alert for each spiking name to the chats following it; returns rows added."""
    spikes = find_spikes(session, now)
    if not spikes:
        return 0
    targets, follows = alert_targets(session)
    hours = round(WINDOW.total_seconds() / 3600)
    added = 0
    for name, count, usual in spikes:
        html = render_spike(name, spike_text(name, count, hours, usual))
        for chat in targets:
            policy = chat.policy(follows.get(chat.id, ()))
            if not policy.wants({name}) or policy.holds_alerts_at(now):
                continue
            silent = policy.quiet_at(now)
            added += metrics.queued("spike", outbox.enqueue(session, chat.id, "spike", f"{name}:{now.date().isoformat()}",
                                                            html, now, disable_notification=silent))
    return added
