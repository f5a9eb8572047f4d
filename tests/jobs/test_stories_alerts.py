"""Stories wired into ingest and alerts: one alert per story, edited as outlets join."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from jobs.deliver import Deliverer, deliver_due
from jobs.detector import DetectorCache
from jobs.fetch import make_client
from jobs.ingest import IngestOptions, run_ingest
from jobs.sender import SendOutcome
from storage import chats
from storage import feeds as feed_store
from storage.defaults import load_defaults_once
from storage.tables import Article, Outbox, Story
from tests.fakes.feed_server import rss
from tests.jobs.story_fixtures import BRIDGE, EVENT, OTHER_EVENT, PERSIAN, T0, item

OPTIONS = IngestOptions(poll_seconds=60, allow_private=True)


class RecordingSender:
    def __init__(self) -> None:
        self.sent: list[tuple[int, int, str, bool]] = []
        self.edits: list[tuple[int, int, str]] = []

    async def send_html(self, chat_id, html, *, thread_id=None, disable_notification=False):
        self.sent.append((chat_id, len(self.sent) + 1, html, disable_notification))
        return SendOutcome("sent", message_id=len(self.sent))

    async def edit_html(self, chat_id, message_id, html):
        self.edits.append((chat_id, message_id, html))
        return SendOutcome("sent", message_id=message_id)


class World:
    """Three outlets' feeds on the local server, a database and a clock."""

    def __init__(self, db, server) -> None:
        self.db, self.server, self.now = db, server, T0
        self.sender = RecordingSender()
        self.items: dict[str, list[dict]] = {a["outlet"]: [] for a in EVENT}
        with db.session() as s:
            load_defaults_once(s, T0, feeds=False)
            for outlet in self.items:
                feed_store.add_feed(s, self.url(outlet), T0 - timedelta(hours=1))
                feed_store.set_feed_full_text(s, self.url(outlet), False)
        self.publish_all()

    def url(self, outlet: str) -> str:
        return self.server.url("/" + outlet.replace(" ", "-"))

    def publish(self, article: dict, n: int) -> None:
        self.items[article["outlet"]].insert(0, item(article, n, self.now))
        self.publish_all()

    def publish_all(self) -> None:
        for outlet, items in self.items.items():
            self.server.set_feed("/" + outlet.replace(" ", "-"), rss(items, title=outlet))

    async def cycle(self, minutes: int = 2, deliver: bool = True):
        self.now += timedelta(minutes=minutes)
        async with make_client(connect_timeout=2, read_timeout=2) as client:
            runs = await run_ingest(self.db, client, self.now, DetectorCache(), OPTIONS)
        if deliver:
            await deliver_due(self.db, self.sender, self.now)
        return runs

    def subscribe(self, chat_id: int, **prefs) -> int:
        with self.db.session() as s:
            chat, _ = chats.subscribe_chat(s, chat_id, T0 - timedelta(days=1))
            if prefs:
                chats.update_chat(s, chat_id, **prefs)
            return chat.id

    def rows(self, kind: str | None = None) -> list[Outbox]:
        with self.db.session() as s:
            query = select(Outbox).order_by(Outbox.id)
            return list(s.exec(query.where(Outbox.kind == kind) if kind else query))


async def test_three_outlets_make_one_story_one_alert_edited_twice(db, feed_server):
    world = World(db, feed_server)
    await world.cycle()  # first fetch of every feed: empty history
    world.subscribe(1)

    world.publish(EVENT[0], 1)
    await world.cycle()
    assert len(world.sender.sent) == 1 and world.sender.edits == []
    assert "Also reported by" not in world.sender.sent[0][2]

    world.publish(EVENT[1], 2)
    await world.cycle(minutes=20)
    world.publish(EVENT[2], 3)
    await world.cycle(minutes=20)

    assert len(world.sender.sent) == 1  # no new alert per outlet
    (first, second) = world.sender.edits
    assert first[:2] == second[:2] == (1, 1)  # both edit the message already sent
    assert first[2].endswith("Also reported by: Capital Ledger")
    assert second[2].endswith("Also reported by: Capital Ledger, Tehran Observer")
    with db.session() as s:
        assert len(s.exec(select(Story)).all()) == 1
        assert {a.story_id for a in s.exec(select(Article))} == {1}

    world.publish(OTHER_EVENT, 4)  # same people, same day, different event: a new story and alert
    await world.cycle()
    assert len(world.sender.sent) == 2 and "oil tankers" in world.sender.sent[1][2]

    await world.cycle()  # nothing new: nothing repeated
    assert len(world.sender.sent) == 2 and len(world.sender.edits) == 2


async def test_outlets_arriving_before_delivery_fold_into_the_queued_alert(db, feed_server):
    world = World(db, feed_server)
    await world.cycle()
    world.subscribe(1)
    for n, article in enumerate(EVENT):
        world.publish(article, n)
    await world.cycle(deliver=False)
    await deliver_due(db, world.sender, world.now)
    assert len(world.sender.sent) == 1 and world.sender.edits == []
    assert "Also reported by: " in world.sender.sent[0][2]
    assert len(world.rows("edit")) == 0


async def test_edit_waits_for_the_original_message(db, feed_server):
    world = World(db, feed_server)
    await world.cycle()
    world.subscribe(1)
    world.publish(EVENT[0], 1)
    await world.cycle(deliver=False)
    with db.session() as s:  # the alert was claimed by a worker that has not finished yet
        row = s.exec(select(Outbox)).one()
        row.status, row.claimed_at = "sending", world.now
        s.add(row)
    world.publish(EVENT[1], 2)
    await world.cycle(deliver=False)
    (edit,) = world.rows("edit")
    # A deliverer past its start-up (which would hand back every other owner's claims at once).
    deliverer = Deliverer(started=True)
    report = await deliver_due(db, world.sender, world.now, deliverer=deliverer)
    assert report.sent == 0 and world.sender.edits == []
    # The chat has a message in flight, so its edit is not even claimed (one per chat at a time).
    assert (world.rows("edit")[0].status, world.rows("edit")[0].claimed_at) == ("pending", None)
    world.now += timedelta(minutes=6)  # the stale claim is taken over; the edit follows
    await deliver_due(db, world.sender, world.now, deliverer=deliverer)
    await deliver_due(db, world.sender, world.now + timedelta(seconds=30), deliverer=deliverer)
    assert len(world.sender.sent) == 1 and len(world.sender.edits) == 1


async def test_follows_alerts_off_and_quiet_hours(db, feed_server):
    world = World(db, feed_server)
    await world.cycle()
    everything = world.subscribe(1)
    sanctions_only = world.subscribe(2)
    world.subscribe(3, alerts_enabled=False)
    world.subscribe(4, quiet_start="07:00", quiet_end="09:00", quiet_mode="silent")  # T0 is 08:00 UTC
    world.subscribe(5, quiet_start="07:00", quiet_end="09:00", quiet_mode="hold")
    world.subscribe(6, timezone="Asia/Tehran", quiet_start="07:00", quiet_end="09:00")  # 11:30 there
    with db.session() as s:
        chats.follow(s, sanctions_only, "topic", "sanctions")
        chats.follow(s, everything, "official", "Ali Larijani")
        chats.unfollow(s, everything, "Ali Larijani")
    world.publish(EVENT[0], 1)
    await world.cycle()
    sent = {chat: silent for chat, _, _, silent in world.sender.sent}
    assert sent == {1: False, 2: False, 4: True, 6: False}

    with db.session() as s:
        chats.unfollow(s, sanctions_only, "sanctions")
        chats.follow(s, sanctions_only, "official", "Donald Trump")
    world.publish(OTHER_EVENT, 2)
    await world.cycle()
    assert [c for c, *_ in world.sender.sent[4:]] == [1, 4, 6]


def _with_persian_feed(world: World) -> None:
    world.items[PERSIAN["outlet"]] = []
    with world.db.session() as s:
        feed_store.add_feed(s, world.url(PERSIAN["outlet"]), T0 - timedelta(hours=1))
        feed_store.set_feed_full_text(s, world.url(PERSIAN["outlet"]), False)
    world.publish_all()


async def test_a_bridging_article_merges_stories_and_the_queued_second_alert_never_goes(db, feed_server):
    world = World(db, feed_server)
    _with_persian_feed(world)
    await world.cycle()
    world.subscribe(1)
    world.publish(EVENT[0], 1)
    await world.cycle()
    assert len(world.sender.sent) == 1
    world.publish(PERSIAN, 2)  # not yet known to be the same event: its own story, queued
    await world.cycle(deliver=False)
    assert [r.status for r in world.rows("alert")] == ["sent", "pending"]
    world.publish(BRIDGE, 3)  # ties the two together
    await world.cycle()
    await world.cycle()
    assert len(world.sender.sent) == 1  # the Persian story's alert was cancelled, not sent
    assert [r.status for r in world.rows("alert")] == ["sent", "dead"]
    assert world.sender.edits and world.sender.edits[-1][:2] == (1, 1)
    assert world.sender.edits[-1][2].endswith("Also reported by: Tehran Persian (Persian), Capital Ledger")
    with db.session() as s:
        assert len({a.story_id for a in s.exec(select(Article))}) == 1
        assert len(s.exec(select(Story).where(Story.merged_into.is_not(None))).all()) == 1


async def test_after_a_merge_two_sent_alerts_stay_and_only_the_first_is_edited(db, feed_server):
    world = World(db, feed_server)
    _with_persian_feed(world)
    await world.cycle()
    world.subscribe(1)
    world.publish(EVENT[0], 1)
    await world.cycle()
    world.publish(PERSIAN, 2)
    await world.cycle()
    assert len(world.sender.sent) == 2  # two stories as far as anyone could tell
    world.publish(BRIDGE, 3)
    await world.cycle()
    await world.cycle()
    assert len(world.sender.sent) == 2  # never a third alert
    assert {chat_msg[:2] for chat_msg in world.sender.edits} == {(1, 1)}  # only the first message changes
    assert "Tehran Persian (Persian)" in world.sender.edits[-1][2]
