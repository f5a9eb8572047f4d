"""Story assignment for newly stored articles: signatures decided in memory, links in core,
candidates and merges in storage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlmodel import Session

from core.analysis import scan_text
from core.gazetteer import Gazetteer
from core.model import ArticleView, Mention
from core.signature import Signature, build_signature
from core.stories import fingerprint
from storage.story_grouping import Grouping, assign_stories


def decide_signature(title: str, text: str, published: datetime | None, mentions: tuple[Mention, ...],
                     gazetteer: Gazetteer, now: datetime, *, outlet: str = "",
                     simhash: int | None = None) -> Signature | None:
    """The signature of an article not stored yet (key 0), or None when it names nothing tracked.

    Pure CPU work, done before the write transaction opens. An article without a
    publication time, or dated in the future, counts as published ``now``.
    """
    if not mentions:
        return None
    return build_signature(0, min(published or now, now), title, text, mentions, gazetteer, outlet=outlet,
                           fingerprint=simhash if simhash is not None else fingerprint(scan_text(title, text)))


def group_signatures(session: Session, decided: Sequence[tuple[int, Signature | None]], now: datetime) -> Grouping:
    """Put stored articles ((article id, signature from decide_signature)) into stories."""
    return assign_stories(session, [replace(sig, key=aid) for aid, sig in decided if sig is not None], now)


def group_new_articles(session: Session, articles: Sequence[tuple[ArticleView, str, str]], gazetteer: Gazetteer,
                       now: datetime) -> Grouping:
    """Each stored (view, title, text) naming a tracked official or topic joins a story."""
    return group_signatures(session, [
        (view.id, decide_signature(title, text, view.published, view.mentions, gazetteer, now, outlet=view.feed_title))
        for view, title, text in articles], now)
