"""Story assignment for new articles: signatures and links decided before the write
transaction (core decides, storage reads), then written with the articles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from core.gazetteer import Gazetteer
from core.model import ArticleView
from core.signature import Signature, with_key
from jobs.decide import decide_signature
from storage.story_grouping import (
    Grouping,
    StoryDecision,
    StoryPlan,
    assign_stories,
    decide_stories,
    finish_stories,
    plan_stories,
    write_stories,
)


def plan_batch(session: Session, signatures: Sequence[Signature | None]) -> StoryPlan:
    """Links for a batch of articles about to be stored; the i-th signature gets the temporary
    key -(i + 1). Reads only: run it in the write session before its first write (SQLite's
    write lock is taken at the first INSERT or UPDATE, so planning does not hold it; on
    PostgreSQL a session of its own cost a connection check, a BEGIN and a COMMIT more)."""
    batch = [with_key(sig, -(i + 1)) for i, sig in enumerate(signatures) if sig is not None]
    if not batch:
        return StoryPlan()
    return plan_stories(session, batch)


def write_batch(session: Session, plan: StoryPlan, stored_ids: Sequence[int], now: datetime) -> Grouping:
    """Write a plan once the batch is stored: ``stored_ids[i]`` is the i-th article's id (the
    articles' story ids are then set by an UPDATE; ingest decides them first: ``decide_batch``)."""
    return write_stories(session, plan, {-(i + 1): aid for i, aid in enumerate(stored_ids)}, now)


def decide_batch(session: Session, plan: StoryPlan, now: datetime) -> StoryDecision:
    """In the write transaction, before the batch is stored: each article's story (merges and new
    stories written), so the articles are inserted with their story ids (an UPDATE of the article
    rows would rewrite all their indexes on PostgreSQL, the search column's too). The i-th
    article of the batch is the i-th stored: ``story_ids``, then ``finish_batch``."""
    return decide_stories(session, plan, now)


def story_ids(decision: StoryDecision, count: int) -> list[int | None]:
    """The story of each of the batch's ``count`` articles (None: no signature, no story)."""
    return [decision.story_of.get(-(i + 1)) for i in range(count)]


def finish_batch(session: Session, decision: StoryDecision, stored_ids: Sequence[int], now: datetime) -> Grouping:
    """Write the rest of a decision once the batch is stored: ``stored_ids[i]`` is the i-th article's id."""
    return finish_stories(session, decision, {-(i + 1): aid for i, aid in enumerate(stored_ids)}, now)


def group_signatures(session: Session, decided: Sequence[tuple[int, Signature | None]], now: datetime) -> Grouping:
    """Put stored articles ((article id, signature from decide_signature)) into stories, in one session."""
    return assign_stories(session, [with_key(sig, aid) for aid, sig in decided if sig is not None], now)


def group_new_articles(session: Session, articles: Sequence[tuple[ArticleView, str, str]], gazetteer: Gazetteer,
                       now: datetime) -> Grouping:
    """Each stored (view, title, text) that is someone's news joins a story (tests, benchmarks)."""
    return group_signatures(session, [
        (view.id, decide_signature(title, text, view.published, view.mentions, gazetteer, now, outlet=view.feed_title))
        for view, title, text in articles], now)
