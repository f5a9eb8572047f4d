"""Feeds: the list admins manage, and each feed's fetch state (conditional GET, back-off)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Session, select

from storage.tables import Feed

# Longer than a claim can last: by an ingest cycle's deadline (45 s) every claimed feed is stored,
# recorded as late, or released; a replica killed mid-cycle leaves its feeds due again after this.
FEED_LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class FeedInfo:
    id: int
    url: str
    title: str | None
    paused: bool
    etag: str | None
    last_modified: str | None
    last_fetch_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    error_count: int
    next_fetch_at: datetime | None
    items_total: int
    full_text: bool = True

    @property
    def first_fetch(self) -> bool:
        """No successful fetch yet: its current items are history, not news."""
        return self.last_ok_at is None


def _info(f: Feed) -> FeedInfo:
    return FeedInfo(
        id=f.id, url=f.url, title=f.title, paused=f.paused, etag=f.etag,
        last_modified=f.last_modified, last_fetch_at=f.last_fetch_at, last_ok_at=f.last_ok_at,
        last_error=f.last_error, error_count=f.error_count, next_fetch_at=f.next_fetch_at,
        items_total=f.items_total, full_text=f.full_text,
    )


def add_feed(session: Session, url: str, now: datetime, *, title: str | None = None,
             added_by: int | None = None) -> tuple[FeedInfo, bool]:
    """Add a feed; returns (feed, created). An existing URL is returned unchanged."""
    existing = session.exec(select(Feed).where(Feed.url == url)).first()
    if existing is not None:
        return _info(existing), False
    feed = Feed(url=url, title=title, added_at=now, added_by=added_by, next_fetch_at=now)
    session.add(feed)
    session.flush()
    return _info(feed), True


def remove_feed(session: Session, url: str) -> bool:
    feed = session.exec(select(Feed).where(Feed.url == url)).first()
    if feed is None:
        return False
    session.delete(feed)
    session.flush()
    return True


def _set_flag(session: Session, url: str, **flag: bool) -> bool:
    feed = session.exec(select(Feed).where(Feed.url == url)).first()
    if feed is None:
        return False
    for name, value in flag.items():
        setattr(feed, name, value)
    session.add(feed)
    return True


def set_feed_paused(session: Session, url: str, paused: bool) -> bool:
    """Pause or resume fetching; False when the URL is unknown."""
    return _set_flag(session, url, paused=paused)


def list_feeds(session: Session) -> list[FeedInfo]:
    return [_info(f) for f in session.exec(select(Feed).order_by(Feed.id))]



def make_feeds_due(session: Session, now: datetime) -> int:
    """Make every feed that is not paused due now (`briefbot ingest --once --all`)."""
    feeds = session.exec(select(Feed).where(Feed.paused == False)).all()  # noqa: E712
    for feed in feeds:
        feed.next_fetch_at = now
        session.add(feed)
    return len(feeds)


def get_feeds_due(session: Session, now: datetime) -> list[FeedInfo]:
    rows = session.exec(
        select(Feed)
        .where(Feed.paused == False)  # noqa: E712
        .where(or_(Feed.next_fetch_at == None, Feed.next_fetch_at <= now))  # noqa: E711
        .order_by(Feed.next_fetch_at)
    )
    return [_info(f) for f in rows]


def any_feed_due(session: Session, now: datetime) -> bool:
    """Whether a feed is due (one indexed row at most): lets a start put off importing the
    ingest stack until there is something to fetch."""
    return session.exec(
        select(Feed.id).where(Feed.paused == False)  # noqa: E712
        .where(or_(Feed.next_fetch_at == None, Feed.next_fetch_at <= now)).limit(1)  # noqa: E711
    ).first() is not None


def claim_due_feeds(session: Session, now: datetime, *, lease: timedelta = FEED_LEASE,
                    limit: int | None = None) -> list[FeedInfo]:
    """Take due feeds for this process: each is leased by moving ``next_fetch_at`` to ``now + lease``.

    On PostgreSQL the rows are locked with SKIP LOCKED, so replicas claiming at the same moment
    take disjoint feeds; after commit the lease keeps them off the due list. The fetch result
    replaces the lease with the real next time; a replica that dies mid-fetch leaves its feeds
    due again when the lease ends.
    """
    query = (select(Feed).where(Feed.paused == False)  # noqa: E712
             .where(or_(Feed.next_fetch_at == None, Feed.next_fetch_at <= now))  # noqa: E711
             .order_by(Feed.next_fetch_at, Feed.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = session.exec(query).all()
    infos = [_info(f) for f in rows]
    for feed in rows:
        feed.next_fetch_at = now + lease
        session.add(feed)
    return infos


def release_feeds(session: Session, feed_ids: list[int], now: datetime) -> None:
    """End the lease of claimed feeds this process did not get to: due again at once."""
    for feed_id in feed_ids:
        if (feed := session.get(Feed, feed_id)) is not None:
            feed.next_fetch_at = now
            session.add(feed)


def record_fetch_ok(session: Session, feed_id: int, now: datetime, next_at: datetime, *,
                    title: str | None, etag: str | None, last_modified: str | None,
                    new_items: int) -> None:
    feed = session.get(Feed, feed_id)
    if feed is None:
        return
    feed.last_fetch_at = now
    feed.last_ok_at = now
    feed.last_error = None
    feed.error_count = 0
    feed.next_fetch_at = next_at
    feed.etag = etag or feed.etag
    feed.last_modified = last_modified or feed.last_modified
    feed.title = title or feed.title
    feed.items_total += new_items
    session.add(feed)


def record_not_modified(session: Session, feed_id: int, now: datetime, next_at: datetime) -> None:
    feed = session.get(Feed, feed_id)
    if feed is None:
        return
    feed.last_fetch_at = now
    feed.last_ok_at = feed.last_ok_at or now
    feed.last_error = None
    feed.error_count = 0
    feed.next_fetch_at = next_at
    session.add(feed)


def record_fetch_error(session: Session, feed_id: int, now: datetime, error: str,
                       next_at_for: Callable[[int], datetime]) -> FeedInfo | None:
    """Store the failure and schedule the next try; ``next_at_for(error_count)`` decides when."""
    feed = session.get(Feed, feed_id)
    if feed is None:
        return None
    feed.last_fetch_at = now
    feed.last_error = error[:1000]
    feed.error_count += 1
    feed.next_fetch_at = next_at_for(feed.error_count)
    session.add(feed)
    return _info(feed)


def set_feed_full_text(session: Session, url: str, enabled: bool) -> bool:
    """Switch fetching of article pages for teaser entries; False when the URL is unknown."""
    return _set_flag(session, url, full_text=enabled)
