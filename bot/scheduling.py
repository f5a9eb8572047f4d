"""PTB JobQueue callbacks around the jobs package. The database, not the scheduler,
remembers what is due: a restart loses nothing, it only runs these again.

The jobs package is imported when a job first runs (the application is built, and polls,
before the database is open; see bot.service)."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import logging
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from telegram.error import TelegramError

from bot.runtime import Context, runtime
from bot.sender import TelegramSender

if TYPE_CHECKING:
    from jobs.ingest import FeedRun, IngestOptions

log = logging.getLogger(__name__)

INGEST_TICK_SECONDS = 60  # how often due feeds are looked for; each feed keeps its own schedule
BRIEFING_TICK_SECONDS = 60  # how often due briefings are looked for; each chat keeps its own time
CLAIM_BATCH = 16  # feeds claimed at a time: replicas take turns, so ingest spreads across them
WEBHOOK_PROBE_SECONDS = 60  # in webhook mode the leader asks Telegram for the webhook's state this often
LEADER_JOBS = ("deliver", "briefing", "webhook-probe")


def ingest_options(settings) -> IngestOptions:
    from jobs.ingest import IngestOptions

    return IngestOptions(poll_seconds=settings.poll_seconds, allow_private=settings.allow_private_urls,
                         processes=1 if getattr(settings, "ingest_worker", False) else 0)


def _health(context: Context):
    return context.application.bot_data.health


def _delivers(context: Context) -> bool:
    """Only the leader delivers (bot.service); without a role loop this process does."""
    health = _health(context)
    return health is None or health.delivers


async def ingest_job(context: Context) -> None:
    """Claim due feeds a batch at a time (other replicas take the rest), store, detect, queue alerts."""
    rt = runtime(context)
    started = time.monotonic()
    # Ingest's imports (parser, detection, summaries, stories: about a second and ~7 MiB) are
    # not needed before a feed is due; the first cycle that has one imports them in a thread.
    if "jobs.ingest" not in sys.modules and not await rt.in_session(lambda s: _feed_due(s, rt.clock())):
        if (health := _health(context)) is not None:
            health.ingest_done()  # a cycle with nothing due is a finished cycle
        return
    run_ingest = (await asyncio.to_thread(importlib.import_module, "jobs.ingest")).run_ingest
    options = dataclasses.replace(ingest_options(rt.settings), claim_limit=CLAIM_BATCH)
    runs = []
    while True:  # a short batch means nothing more was due; a long cycle leaves the rest to the next
        batch = await run_ingest(rt.db, rt.http, rt.clock(), rt.detector, options)
        runs += batch
        if len(batch) < CLAIM_BATCH or time.monotonic() - started > ingest_tick(rt.settings):
            break
    from jobs import metrics

    metrics.INGEST_CYCLE_SECONDS.observe(time.monotonic() - started)
    if (health := _health(context)) is not None:
        health.ingest_done()
    log_ingest(runs)
    spikes = 0
    if any(r.new_items for r in runs):
        spikes = await asyncio.to_thread(_spikes, rt.db, rt.clock())
    if (any(r.alerts for r in runs) or spikes) and _delivers(context):
        context.job_queue.run_once(deliver_job, 0, name="deliver-now")


def log_ingest(runs: Sequence[FeedRun]) -> None:
    """One line per cycle that did something, one warning per failed feed; a cycle where
    every feed was unchanged (or none was due) says nothing."""
    for run in runs:
        if run.status == "error":
            log.warning("ingest %s", run.line())
    fetched = [r for r in runs if r.status == "new"]
    if not fetched:
        return
    from core.render import plural

    new, alerts = sum(r.new_items for r in fetched), sum(r.alerts for r in fetched)
    failed = len(runs) - len(fetched) - sum(r.status == "not_modified" for r in runs)
    log.info("ingest: %s checked, %s, %s queued%s", plural(len(runs), "feed"), plural(new, "new item"),
             plural(alerts, "alert"), f", {failed} failed" if failed else "")


def _feed_due(session, now) -> bool:
    from storage.feeds import any_feed_due

    return any_feed_due(session, now)


def _spikes(db, now) -> int:
    from jobs.spikes import enqueue_spike_alerts

    with db.session() as s:
        return enqueue_spike_alerts(s, now)


def _briefings(db, now):
    from jobs.digests import enqueue_due_briefings

    return enqueue_due_briefings(db, now)


async def briefing_job(context: Context) -> None:
    """Queue the daily briefings that are due (the database knows which), then deliver."""
    from core.render import plural

    rt = runtime(context)
    runs = await asyncio.to_thread(_briefings, rt.db, rt.clock())
    for run in runs:
        log.info("briefing for %s (%s%s): %s", run.chat_id, run.local_date,
                 ", late" if run.late else "", plural(run.parts, "part"))
    if runs:
        context.job_queue.run_once(deliver_job, 0, name="deliver-now")


async def deliver_job(context: Context) -> None:
    """Send what the outbox holds that is due."""
    if not _delivers(context):
        return
    from jobs.deliver import deliver_due

    rt = runtime(context)
    application = context.application
    # Application.stop() (SIGTERM, SIGINT) clears `running` first: stop claiming, finish, hand back.
    report = await deliver_due(rt.db, TelegramSender(context.bot), rt.clock(), deliverer=rt.deliverer,
                               should_stop=lambda: not application.running)
    if report.sent or report.dead or report.retried:
        log.info("deliver: %d sent, %d retried, %d given up", report.sent, report.retried, report.dead)


async def webhook_probe_job(context: Context) -> None:
    """Webhook mode has no update loop to watch: ask Telegram about the webhook instead."""
    try:
        info = await context.bot.get_webhook_info()
    except TelegramError as e:
        log.warning("Telegram did not answer getWebhookInfo: %s", e)
        return
    if (health := _health(context)) is not None:
        health.telegram_answered()
    if info.last_error_message:
        log.warning("Telegram reports a webhook problem: %s (%d update(s) waiting)",
                    info.last_error_message, info.pending_update_count)


def ingest_tick(settings) -> float:
    return min(settings.poll_seconds, INGEST_TICK_SECONDS)


def schedule_jobs(application, settings, *, leader: bool = True) -> None:
    """Ingest runs in every replica; ``leader`` adds the leader's jobs at once (single process)."""
    application.job_queue.run_repeating(ingest_job, interval=ingest_tick(settings), first=1, name="ingest",
                                        job_kwargs={"max_instances": 1, "coalesce": True})
    if leader:
        schedule_leader_jobs(application, settings)


def schedule_leader_jobs(application, settings) -> None:
    """Delivery, briefings (and the webhook probe): the leader's work."""
    jq = application.job_queue
    if getattr(settings, "webhook_url", None):
        jq.run_repeating(webhook_probe_job, interval=WEBHOOK_PROBE_SECONDS, first=1, name="webhook-probe",
                         job_kwargs={"max_instances": 1, "coalesce": True})
    jq.run_repeating(deliver_job, interval=settings.deliver_seconds, first=1, name="deliver",
                     job_kwargs={"max_instances": 1, "coalesce": True})
    jq.run_repeating(briefing_job, interval=BRIEFING_TICK_SECONDS, first=5, name="briefing",
                     job_kwargs={"max_instances": 1, "coalesce": True})


def stop_leader_jobs(application) -> None:
    for name in LEADER_JOBS:
        for job in application.job_queue.get_jobs_by_name(name):
            job.schedule_removal()
