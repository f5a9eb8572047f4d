"""Daily briefings through the outbox: one per chat per local day, across DST, restarts and downtime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from core.model import Detection, FeedEntry, Mention
from jobs.digests import compose_for_chat, enqueue_due_briefings
from jobs.spikes import enqueue_spike_alerts
from storage import articles, chats, feeds
from storage.tables import Article, Chat, Outbox, Story


def add_story(db, now: datetime, title: str, name: str = "Abbas Araghchi", kind: str = "official",
              outlet: str = "Gulf Wire", fp: int | None = None) -> int:
    """Store one article naming ``name`` as its own story, fetched at ``now``."""
    with db.session() as s:
        feed, _ = feeds.add_feed(s, f"https://{outlet.replace(' ', '').lower()}.example/rss", now, title=outlet)
        (aid,) = articles.add_articles(s, feed.id, [FeedEntry(guid=title, link=None, title=title,
                                                             text=f"{name} said something new.")],
                                       now, alertable=True)
        sentence = f"{name} said something new about {title}."
        articles.save_detection(s, aid, Detection((Mention(name, kind, name, 0, len(name), sentence, "alias"),)),
                                f"Summary of {title}.")
        story = Story(title=title, first_article_id=aid, created_at=now, last_seen_at=now)
        s.add(story)
        s.flush()
        article = s.get(Article, aid)
        article.story_id = story.id
        s.add(article)
        return story.id


def subscribe(db, chat_id: int, at: datetime, **prefs) -> None:
    with db.session() as s:
        chats.subscribe_chat(s, chat_id, at)
        if prefs:
            chats.update_chat(s, chat_id, **prefs)


def briefings(db, chat_id: int | None = None) -> list[Outbox]:
    with db.session() as s:
        q = select(Outbox).join(Chat, Chat.id == Outbox.chat_ref).where(Outbox.kind == "briefing")
        if chat_id is not None:
            q = q.where(Chat.chat_id == chat_id)
        return list(s.exec(q.order_by(Outbox.id)))


def run_minutes(db, start: datetime, minutes: int, step: int = 1) -> list:
    """Run the digest job every ``step`` minutes, as the scheduler would; returns all runs."""
    runs = []
    for i in range(0, minutes, step):
        runs += enqueue_due_briefings(db, start + timedelta(minutes=i))
    return runs


async def test_one_briefing_per_local_day_at_local_time_across_dst(db):
    # New York falls back on 1 November 2026: 08:00 local is 12:00 UTC before, 13:00 UTC after
    start = datetime(2026, 10, 30, 10, tzinfo=UTC)
    subscribe(db, 1, start - timedelta(days=1), timezone="America/New_York")
    subscribe(db, 2, start - timedelta(days=1), timezone="Asia/Tehran", briefing_time="07:30")
    add_story(db, start, "Muscat talks resume")
    runs = run_minutes(db, start, 4 * 24 * 60, step=5)
    ny = [(r.local_date.isoformat(), r.late) for r in runs if r.chat_id == 1]
    assert ny == [("2026-10-30", False), ("2026-10-31", False), ("2026-11-01", False), ("2026-11-02", False)]
    sent_at = [row.created_at for row in briefings(db, 1)]
    assert [t.hour for t in sent_at] == [12, 12, 13, 13]
    assert [row.dedup_key for row in briefings(db, 1)] == [
        "2026-10-30:part-1", "2026-10-31:part-1", "2026-11-01:part-1", "2026-11-02:part-1"]
    # Tehran (no DST, 07:30 = 04:00 UTC): the 30 Oct time had passed when the job first ran
    tehran = [(r.local_date.day, r.late) for r in runs if r.chat_id == 2]
    assert tehran == [(30, True), (31, False), (1, False), (2, False), (3, False)]
    assert {row.created_at.strftime("%H:%M") for row in briefings(db, 2)[1:]} == {"04:00"}


async def test_restart_and_repeated_runs_queue_nothing_twice(db):
    now = datetime(2026, 11, 20, 8, tzinfo=UTC)
    subscribe(db, 1, now - timedelta(days=2))
    add_story(db, now - timedelta(hours=2), "Araghchi in Beijing")
    assert len(enqueue_due_briefings(db, now)) == 1
    assert enqueue_due_briefings(db, now) == []  # same minute again (a second worker, a restart)
    assert enqueue_due_briefings(db, now + timedelta(minutes=1)) == []
    with db.session() as s:  # even if last_briefing_on were lost, the outbox key holds
        s.exec(select(Chat)).one().last_briefing_on = None
    assert enqueue_due_briefings(db, now + timedelta(minutes=2)) == []
    assert len(briefings(db)) == 1 and "Araghchi in Beijing" in briefings(db)[0].html


async def test_missed_briefing_goes_out_once_marked_late_and_covers_since_last(db):
    day1 = datetime(2026, 11, 20, 8, tzinfo=UTC)
    subscribe(db, 1, day1 - timedelta(days=2))
    add_story(db, day1 - timedelta(hours=3), "Before the first briefing")
    assert len(enqueue_due_briefings(db, day1)) == 1
    add_story(db, day1 + timedelta(hours=5), "During the day")
    # the bot is down from 20 Nov 20:00 to 22 Nov 10:30: two scheduled times missed
    back = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)
    (run,) = run_minutes(db, back, 30)
    assert run.late and run.local_date.isoformat() == "2026-11-22"
    late = briefings(db)[-1]
    assert "Late: the bot was offline" in late.html
    assert "During the day" in late.html and "Before the first briefing" not in late.html
    assert run_minutes(db, back + timedelta(hours=1), 60) == []
    (next_day,) = run_minutes(db, datetime(2026, 11, 23, 7, 59, tzinfo=UTC), 3)
    assert not next_day.late
    assert "Nothing new" in briefings(db)[-1].html


async def test_briefing_off_unsubscribed_and_new_chats(db):
    now = datetime(2026, 11, 20, 8, tzinfo=UTC)
    subscribe(db, 1, now - timedelta(days=1), briefing_enabled=False)
    subscribe(db, 2, now + timedelta(minutes=30))  # joined after today's time: first one tomorrow
    subscribe(db, 3, now - timedelta(days=1))
    with db.session() as s:
        chats.unsubscribe_chat(s, 3, "/stop")
    assert run_minutes(db, now, 120) == []
    (run,) = run_minutes(db, now + timedelta(days=1), 1)
    assert run.chat_id == 2


async def test_long_briefing_is_split_into_parts_with_their_own_keys(db):
    now = datetime(2026, 11, 20, 8, tzinfo=UTC)
    subscribe(db, 1, now - timedelta(days=1))
    for i in range(80):
        add_story(db, now - timedelta(minutes=i + 1), f"Story {i} " + "x" * 60, fp=i * 7919)
    (run,) = enqueue_due_briefings(db, now)
    rows = briefings(db)
    assert run.parts == len(rows) > 1
    assert [r.dedup_key for r in rows] == [f"2026-11-20:part-{n}" for n in range(1, len(rows) + 1)]
    assert all(len(r.html) <= 4096 for r in rows)


async def test_compose_for_chat_follows_and_only(db):
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    subscribe(db, 1, now - timedelta(days=1))
    add_story(db, now - timedelta(hours=1), "Sanctions on tankers", name="sanctions", kind="topic")
    add_story(db, now - timedelta(hours=2), "Araghchi speaks")
    with db.session() as s:
        chat = chats.get_chat(s, 1)
        chats.follow(s, chat.id, "topic", "sanctions")
        (only_followed,) = compose_for_chat(s, chat, now)
        (only_name,) = compose_for_chat(s, chat, now, only=frozenset({"Abbas Araghchi"}))
    assert "Sanctions on tankers" in only_followed and "Araghchi speaks" not in only_followed
    assert "Araghchi speaks" in only_name and "Sanctions on tankers" not in only_name


async def test_spike_alert_once_per_name_per_day_to_followers(db):
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    subscribe(db, 1, now - timedelta(days=30))
    subscribe(db, 2, now - timedelta(days=30))
    with db.session() as s:
        chats.follow(s, chats.get_chat(s, 2).id, "official", "Steve Witkoff")
    for day in range(1, 15):  # baseline: about one Oman talks story in this window per day
        if day % 3:
            add_story(db, now - timedelta(days=day, hours=2), f"Oman talks day {day}", "Oman talks", "topic")
    for i in range(9):
        add_story(db, now - timedelta(minutes=10 + 30 * i), f"Oman talks now {i}", "Oman talks", "topic",
                  fp=i * 104729)
    with db.session() as s:
        assert enqueue_spike_alerts(s, now) == 1
        assert enqueue_spike_alerts(s, now + timedelta(hours=2)) == 0
        rows = s.exec(select(Outbox).where(Outbox.kind == "spike")).all()
    assert len(rows) == 1 and "Oman talks: 9 stories in the last 6 hours (usually about 0.7)" in rows[0].html


async def test_no_spike_alert_before_there_is_a_baseline(db):
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    subscribe(db, 1, now - timedelta(days=2))
    for i in range(9):  # a busy first day after installation is not a spike
        add_story(db, now - timedelta(minutes=10 + 30 * i), f"Oman talks now {i}", "Oman talks", "topic",
                  fp=i * 104729)
    with db.session() as s:
        assert enqueue_spike_alerts(s, now) == 0
