"""Story assignment for newly stored articles: signatures built here, decisions in core."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from core.analysis import scan_text
from core.gazetteer import Gazetteer
from core.model import ArticleView
from core.signature import build_signature
from core.stories import fingerprint
from storage.story_grouping import Grouping, assign_stories


def group_new_articles(session: Session, articles: Sequence[tuple[ArticleView, str, str]], gazetteer: Gazetteer,
                       now: datetime) -> Grouping:
    """Each (view, title, text) naming a tracked official or topic joins a story, in this transaction.

    An article without a publication time (or one from the future) counts as published ``now``.
    """
    signatures = [
        build_signature(view.id, min(view.published or now, now), title, text, view.mentions, gazetteer,
                        outlet=view.feed_title, fingerprint=fingerprint(scan_text(title, text)))
        for view, title, text in articles if view.mentions
    ]
    return assign_stories(session, signatures, now)
