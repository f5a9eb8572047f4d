"""PTB JobQueue callbacks around the jobs package. The database, not the scheduler,
remembers what is due: a restart loses nothing, it only runs these again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from bot.runtime import Context, runtime
from bot.sender import TelegramSender
from core.render import plural
from jobs.deliver import deliver_due
from jobs.digests import enqueue_due_briefings
from jobs.ingest import FeedRun, IngestOptions, run_ingest
from jobs.spikes import enqueue_spike_alerts

log = logging.getLogger(__name__)

INGEST_TICK_SECONDS = 60  # how often due feeds are looked for; each feed keeps its own schedule
BRIEFING_TICK_SECONDS = 60  # how often due briefings are looked for; each chat keeps its own time


def ingest_options(settings) -> IngestOptions:
    return IngestOptions(poll_seconds=settings.poll_seconds, allow_private=settings.allow_private_urls)


async def ingest_job(context: Context) -> None:
    """Fetch due feeds, store, detect, queue alerts; then deliver at once."""
    rt = runtime(context)
    runs = await run_ingest(rt.db, rt.http, rt.clock(), rt.detector, ingest_options(rt.settings))
    log_ingest(runs)
    spikes = 0
    if any(r.new_items for r in runs):
        spikes = await asyncio.to_thread(_spikes, rt.db, rt.clock())
    if any(r.alerts for r in runs) or spikes:
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
    new, alerts = sum(r.new_items for r in fetched), sum(r.alerts for r in fetched)
    failed = len(runs) - len(fetched) - sum(r.status == "not_modified" for r in runs)
    log.info("ingest: %s checked, %s, %s queued%s", plural(len(runs), "feed"), plural(new, "new item"),
             plural(alerts, "alert"), f", {failed} failed" if failed else "")


def _spikes(db, now) -> int:
    with db.session() as s:
        return enqueue_spike_alerts(s, now)


async def briefing_job(context: Context) -> None:
    """Queue the daily briefings that are due (the database knows which), then deliver."""
    rt = runtime(context)
    runs = await asyncio.to_thread(enqueue_due_briefings, rt.db, rt.clock())
    for run in runs:
        log.info("briefing for %s (%s%s): %s", run.chat_id, run.local_date,
                 ", late" if run.late else "", plural(run.parts, "part"))
    if runs:
        context.job_queue.run_once(deliver_job, 0, name="deliver-now")


async def deliver_job(context: Context) -> None:
    """Send what the outbox holds that is due."""
    rt = runtime(context)
    application = context.application
    # Application.stop() (SIGTERM, SIGINT) clears `running` first: stop claiming, finish, hand back.
    report = await deliver_due(rt.db, TelegramSender(context.bot), rt.clock(), deliverer=rt.deliverer,
                               should_stop=lambda: not application.running)
    if report.sent or report.dead or report.retried:
        log.info("deliver: %d sent, %d retried, %d given up", report.sent, report.retried, report.dead)


def schedule_jobs(application, settings) -> None:
    jq = application.job_queue
    tick = min(settings.poll_seconds, INGEST_TICK_SECONDS)
    jq.run_repeating(ingest_job, interval=tick, first=1, name="ingest",
                     job_kwargs={"max_instances": 1, "coalesce": True})
    jq.run_repeating(deliver_job, interval=settings.deliver_seconds, first=1, name="deliver",
                     job_kwargs={"max_instances": 1, "coalesce": True})
    jq.run_repeating(briefing_job, interval=BRIEFING_TICK_SECONDS, first=5, name="briefing",
                     job_kwargs={"max_instances": 1, "coalesce": True})
