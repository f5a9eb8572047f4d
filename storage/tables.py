"""The schema. Alembic migrations in storage/migrations are generated from these.

Telegram ids are 64-bit (supergroups are -100…); every such column is BIGINT.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


def _when(nullable: bool = True, index: bool = False):
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


class Feed(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_type=Text, unique=True)
    title: str | None = Field(default=None, sa_type=Text)
    paused: bool = False
    added_at: datetime | None = _when()
    added_by: int | None = Field(default=None, sa_type=BigInteger)
    etag: str | None = Field(default=None, sa_type=Text)
    last_modified: str | None = Field(default=None, sa_type=Text)
    last_fetch_at: datetime | None = _when()
    last_ok_at: datetime | None = _when()
    last_error: str | None = Field(default=None, sa_type=Text)
    error_count: int = 0
    next_fetch_at: datetime | None = _when(index=True)
    items_total: int = 0
    last_new_items: int = 0
    full_text: bool = True  # fetch the article page when an entry carries only a teaser


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(sa_column=Column(ForeignKey("feed.id", ondelete="CASCADE"), index=True, nullable=False))
    guid: str | None = Field(default=None, sa_type=Text, index=True)
    link: str | None = Field(default=None, sa_type=Text, index=True)
    content_hash: str = Field(sa_type=Text, unique=True)
    title: str = Field(default="", sa_type=Text)
    text: str = Field(default="", sa_type=Text)
    summary: str = Field(default="", sa_type=Text)
    author: str | None = Field(default=None, sa_type=Text)
    published_at: datetime | None = _when(index=True)
    fetched_at: datetime | None = _when(nullable=False, index=True)
    alertable: bool = True  # False for the items present when a feed was first fetched
    text_source: str = "feed"  # "feed", or "page" when the full text was fetched
    fingerprint: int | None = Field(default=None, sa_type=BigInteger)
    story_id: int | None = Field(default=None, sa_column=Column(ForeignKey("story.id", ondelete="SET NULL"), nullable=True, index=True))


class Story(SQLModel, table=True):
    """One event across outlets: articles join it by text similarity plus shared names."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(default="", sa_type=Text)
    first_article_id: int | None = None
    fingerprint: int | None = Field(default=None, sa_type=BigInteger)
    officials: str = Field(default="[]", sa_type=Text)  # JSON list of canonical names
    topics: str = Field(default="[]", sa_type=Text)  # JSON list of topic names
    created_at: datetime | None = _when(nullable=False, index=True)
    last_seen_at: datetime | None = _when(nullable=False, index=True)
    # Set when a bridging article joined this story to an older one: its articles and
    # alerts moved there. The row stays so its id (an alert's dedup key) is never reused.
    merged_into: int | None = None


class ArticleSignature(SQLModel, table=True):
    """What story grouping compares (core.signature.Signature) as JSON, one row per article."""

    article_id: int = Field(sa_column=Column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True))
    published_at: datetime | None = _when(nullable=False)
    lang: str = "en"
    data: str = Field(default="{}", sa_type=Text)


class StoryKey(SQLModel, table=True):
    """Signature keys (official, place, organisation, round, SimHash band) by publication time:
    an article's link candidates are found here, so their number does not grow with the window."""

    __table_args__ = (Index("ix_storykey_key_published", "key", "published_at"),)
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_type=Text)
    article_id: int = Field(sa_column=Column(ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False))
    published_at: datetime | None = _when(nullable=False)


class StoryLink(SQLModel, table=True):
    """Two articles found to report one event, and why (core.stories.Link, for /why)."""

    id: int | None = Field(default=None, primary_key=True)
    article_a: int = Field(sa_column=Column(ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False))
    article_b: int = Field(sa_column=Column(ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False))
    data: str = Field(default="{}", sa_type=Text)


class TermStat(SQLModel, table=True):
    """Document frequency per content word, kept incrementally; the empty term counts documents."""

    term: str = Field(sa_type=Text, primary_key=True)
    df: int = 0


class Mention(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(ForeignKey("article.id", ondelete="CASCADE"), index=True, nullable=False))
    name: str = Field(sa_type=Text, index=True)
    kind: str
    text: str = Field(sa_type=Text)
    start: int
    end: int
    sentence: str = Field(sa_type=Text)
    how: str
    detail: str = Field(default="", sa_type=Text)


class Official(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text, unique=True)


class OfficialAlias(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("official_id", "text"),)
    id: int | None = Field(default=None, primary_key=True)
    official_id: int = Field(sa_column=Column(ForeignKey("official.id", ondelete="CASCADE"), index=True, nullable=False))
    text: str = Field(sa_type=Text)
    case_sensitive: bool = False
    needs_context: bool = False


class OfficialRole(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("official_id", "phrase"),)
    id: int | None = Field(default=None, primary_key=True)
    official_id: int = Field(sa_column=Column(ForeignKey("official.id", ondelete="CASCADE"), index=True, nullable=False))
    phrase: str = Field(sa_type=Text)
    # a biographical description ("heart surgeon"), not a role (core.model.Official.descriptions)
    description: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text, unique=True)


class TopicTerm(SQLModel, table=True):
    """A term of a topic rule; ``group_no`` -1 marks an exclusion phrase."""

    id: int | None = Field(default=None, primary_key=True)
    topic_id: int = Field(sa_column=Column(ForeignKey("topic.id", ondelete="CASCADE"), index=True, nullable=False))
    group_no: int = 0
    term: str = Field(sa_type=Text)


class GazetteerRow(SQLModel, table=True):
    """A place, organisation or action of the watchlist's gazetteer (core.gazetteer)."""

    __tablename__ = "gazetteer"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=Text, unique=True)
    kind: str
    aliases: str = Field(default="[]", sa_type=Text)  # JSON list


class Chat(SQLModel, table=True):
    """A Telegram chat the bot knows. ``chat_id`` changes when a group migrates."""

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, unique=True)
    type: str = "private"
    title: str | None = Field(default=None, sa_type=Text)
    subscribed: bool = Field(default=False, index=True)
    subscribed_at: datetime | None = _when()
    unsubscribed_reason: str | None = Field(default=None, sa_type=Text)
    thread_id: int | None = None
    timezone: str = "UTC"
    briefing_time: str = "08:00"
    alerts_enabled: bool = True
    briefing_enabled: bool = True
    quiet_start: str | None = None  # "HH:MM" local time, or None for no quiet hours
    quiet_end: str | None = None
    quiet_mode: str = "silent"  # "silent": send without notification; "hold": keep for the briefing
    last_briefing_on: str | None = None  # ISO local date of the last briefing enqueued


class ChatFollow(SQLModel, table=True):
    """An official or topic a chat follows; a chat with no rows follows everything."""

    __table_args__ = (UniqueConstraint("chat_ref", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    chat_ref: int = Field(sa_column=Column(ForeignKey("chat.id", ondelete="CASCADE"), index=True, nullable=False))
    kind: str  # "official" | "topic"
    name: str = Field(sa_type=Text)


class Outbox(SQLModel, table=True):
    """Every message to Telegram is a row here before it is sent.

    The unique (chat, kind, dedup_key) makes enqueueing idempotent: a job that runs twice
    or a restart after a crash cannot produce a second row for the same alert.
    """

    __table_args__ = (
        UniqueConstraint("chat_ref", "kind", "dedup_key", name="uq_outbox_chat_kind_key"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
        Index("ix_outbox_chat_status", "chat_ref", "status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    chat_ref: int = Field(sa_column=Column(ForeignKey("chat.id", ondelete="CASCADE"), nullable=False, index=True))
    kind: str
    dedup_key: str = Field(sa_type=Text)
    html: str = Field(sa_type=Text)
    disable_notification: bool = False
    status: str = "pending"  # pending | sending | sent | dead
    attempts: int = 0
    next_attempt_at: datetime | None = _when()
    claimed_at: datetime | None = _when()
    claimed_by: str | None = Field(default=None, sa_type=Text)  # host:pid:start of the claiming process
    created_at: datetime | None = _when(nullable=False)
    sent_at: datetime | None = _when()
    last_error: str | None = Field(default=None, sa_type=Text)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    article_id: int | None = Field(default=None, sa_column=Column(ForeignKey("article.id", ondelete="SET NULL"), nullable=True))
    story_id: int | None = Field(default=None, sa_column=Column(ForeignKey("story.id", ondelete="SET NULL"), nullable=True, index=True))
    edit_of: int | None = Field(default=None, sa_column=Column(ForeignKey("outbox.id", ondelete="CASCADE"), nullable=True))


class Admin(SQLModel, table=True):
    """Admins added at run time; owners come from BRIEFBOT_ADMINS and are not stored."""

    user_id: int = Field(sa_type=BigInteger, primary_key=True)
    added_by: int | None = Field(default=None, sa_type=BigInteger)
    added_at: datetime | None = _when()


class AuditLog(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime | None = _when(nullable=False, index=True)
    user_id: int | None = Field(default=None, sa_type=BigInteger)
    action: str
    detail: str = Field(default="", sa_type=Text)


class Meta(SQLModel, table=True):
    """Small facts about the database itself, e.g. which defaults were loaded once."""

    key: str = Field(primary_key=True)
    value: str = Field(default="", sa_type=Text)
