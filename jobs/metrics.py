"""Prometheus metrics: every metric object lives here, so jobs and bot record with one line.

The objects are process-global (prometheus-client's default registry); each replica exposes
its own counts on /metrics and Prometheus sums them. Outbox depth and age are database-wide
and are set by the health server just before each scrape, so every replica reports the same
value: aggregate those with ``max``. README "Metrics" documents each one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from prometheus_client import Counter, Gauge, Histogram

from jobs.sender import SendOutcome

_FAST = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
_LATENCY = (1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200)

FEED_FETCHES = Counter("briefbot_feed_fetches", "Feed fetches by outcome (ok, not_modified, error).", ["outcome"])
FETCH_SECONDS = Histogram("briefbot_feed_fetch_seconds", "Time to download one feed, redirects included.",
                          buckets=_FAST)
PARSE_SECONDS = Histogram("briefbot_feed_parse_seconds", "Time to parse one downloaded feed.", buckets=_FAST)
ARTICLES_STORED = Counter("briefbot_articles_stored", "New articles stored.")
ALERTS_QUEUED = Counter("briefbot_alerts_queued", "Outbox rows queued, by kind (alert, edit, briefing, "
                                                  "broadcast, spike).", ["kind"])
MESSAGES_SENT = Counter("briefbot_messages_sent", "Send attempts by outcome (sent, 429, blocked, gone, "
                                                  "migrated, error).", ["outcome"])
RETRY_AFTER_SECONDS = Histogram("briefbot_retry_after_seconds", "retry_after Telegram asked for on each 429.",
                                buckets=(1, 2, 5, 10, 30, 60, 300, 3600))
ALERT_LATENCY = Histogram("briefbot_alert_delivery_seconds", "Time from an alert being queued (in the "
                                                             "transaction that stores its article) to it being sent.",
                          buckets=_LATENCY)
INGEST_CYCLE_SECONDS = Histogram("briefbot_ingest_cycle_seconds", "Duration of one ingest cycle in this process.",
                                 buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600))
STORY_MERGES = Counter("briefbot_story_merges", "Stories merged into another (found to be one event).")
BRIEFINGS_SENT = Counter("briefbot_briefings_sent", "Daily or on-demand briefings sent (first part counted).")
OUTBOX_DEPTH = Gauge("briefbot_outbox_depth", "Outbox rows waiting (pending or sending), database-wide.")
OUTBOX_OLDEST_DUE = Gauge("briefbot_outbox_oldest_due_seconds",
                          "Age of the oldest outbox row that is due now; 0 when none is.")
IS_LEADER = Gauge("briefbot_leader", "1 while this process receives updates and delivers, else 0.")

_OUTCOME = {"sent": "sent", "retry_after": "429", "blocked": "blocked", "chat_not_found": "gone",
            "migrated": "migrated", "error": "error"}


def record_send(kind: str, dedup_key: str, created_at: datetime | None, result: SendOutcome) -> None:
    """Count one send attempt; a sent alert also records how long it waited."""
    record_sends([(kind, dedup_key, created_at, result)])


def record_sends(attempts: Iterable[tuple[str, str, datetime | None, SendOutcome]]) -> None:
    """``record_send`` for a delivery batch: each outcome's counter moves once, the clock is read once."""
    now = datetime.now(UTC)
    outcomes: dict[str, int] = {}
    briefings = 0
    for kind, dedup_key, created_at, result in attempts:
        outcome = _OUTCOME.get(result.status, "error")
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if result.status == "retry_after" and result.retry_after is not None:
            RETRY_AFTER_SECONDS.observe(result.retry_after)
        if result.status != "sent":
            continue
        if kind == "alert" and created_at is not None:
            ALERT_LATENCY.observe(max((now - created_at).total_seconds(), 0.0))
        if kind == "briefing" and dedup_key.endswith(":part-1"):
            briefings += 1
    for outcome, n in outcomes.items():
        MESSAGES_SENT.labels(outcome).inc(n)
    if briefings:
        BRIEFINGS_SENT.inc(briefings)


def queued(kind: str, added: bool) -> bool:
    """Count an outbox row queued; returns ``added`` so it wraps the enqueue call."""
    if added:
        ALERTS_QUEUED.labels(kind).inc()
    return added


def queued_many(kind: str, added: int) -> int:
    """Count ``added`` outbox rows queued at once; returns it."""
    if added:
        ALERTS_QUEUED.labels(kind).inc(added)
    return added


def record_fetch(outcome: str) -> None:
    FEED_FETCHES.labels(outcome).inc()


for _outcome in set(_OUTCOME.values()):  # every series exists from the start, at 0
    MESSAGES_SENT.labels(_outcome)
for _outcome in ("ok", "not_modified", "error"):
    FEED_FETCHES.labels(_outcome)
