"""Instant alerts: one message per (chat, story), edited as more outlets report it.

Each chat gets an alert for a story it follows (by officials and topics; following
nothing means everything) unless it turned alerts off. Inside its quiet hours the alert
is sent silently, or held for the briefing, as the chat chose. A later article of a
story already alerted adds its outlet to "Also reported by" on the same message while
the story is fresh: the queued text is rewritten, or an edit row is queued once sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from sqlmodel import Session

from core.model import ArticleView
from core.render import render_alert
from jobs import metrics
from storage import articles as article_store
from storage import chats, outbox, stories, story_messages
from storage.chats import ChatInfo

STORY_FRESH = timedelta(hours=12)  # after this an alert is no longer edited for new outlets


def alert_key(story_id: int) -> str:
    return f"story:{story_id}"


def edit_key(story_id: int, article_id: int) -> str:
    return f"story:{story_id}:article:{article_id}"


def alert_targets(session: Session) -> tuple[list[ChatInfo], dict[int, list[tuple[str, str]]]]:
    """Subscribed chats with alerts on, and every chat's follows."""
    return [c for c in chats.get_subscribed_chats(session) if c.alerts_enabled], chats.get_all_follows(session)


def enqueue_alerts(session: Session, articles: Sequence[ArticleView], now: datetime,
                   story_of: Mapping[int, int] | None = None) -> int:
    """Queue alerts and edits for newly stored articles; returns rows added or rewritten.

    ``story_of`` maps article id to story id; an article without one is its own story.
    """
    matching = [a for a in articles if a.mentions]
    if not matching:
        return 0
    targets, follows = alert_targets(session)
    changed = 0
    for article in matching:
        story_id = (story_of or {}).get(article.id)
        changed += _alert_article(session, article, story_id, targets, follows, now)
    return changed


def _alert_article(session: Session, article: ArticleView, story_id: int | None, targets: list[ChatInfo],
                   follows: dict[int, list[tuple[str, str]]], now: datetime) -> int:
    names = {m.name for m in article.mentions}
    sent = story_messages.get_story_alerts(session, story_id) if story_id else {}
    outlets = stories.get_story_outlets(session, story_id) if story_id else [(article.id, article.feed_title)]
    earlier = {o for aid, o in outlets if aid < article.id}
    key = alert_key(story_id) if story_id else f"article:{article.id}"
    originals: dict[int, ArticleView] = {}
    changed = 0
    for chat in targets:
        policy = chat.policy(follows.get(chat.id, ()))
        if not policy.wants(names):
            continue
        row = sent.get(chat.id)
        if row is None:
            if policy.holds_alerts_at(now):
                continue  # the briefing will carry it
            silent = policy.quiet_at(now)
            also = _also(outlets, article.feed_title)
            html = render_alert(article, also, zone=policy.zone)
            changed += metrics.queued("alert", outbox.enqueue(
                session, chat.id, "alert", key, html, now,
                disable_notification=silent, article_id=article.id, story_id=story_id))
            continue
        if article.feed_title in earlier or now - row.created_at > STORY_FRESH or row.article_id is None:
            continue  # same outlet again, or the story is no longer fresh
        if row.article_id not in originals:
            originals.update({v.id: v for v in article_store.get_article_views(session, [row.article_id])})
        original = originals.get(row.article_id)
        if original is None:
            continue
        html = render_alert(original, _also(outlets, original.feed_title), zone=policy.zone)
        if story_messages.replace_pending_html(session, row.id, html):
            changed += 1
        elif row.status != "dead":
            story_messages.supersede_pending_edits(session, row.id)
            changed += metrics.queued("edit", outbox.enqueue(session, chat.id, "edit", edit_key(story_id, article.id),
                                                             html, now, story_id=story_id, edit_of=row.id))
    return changed


def _also(outlets: Sequence[tuple[int, str]], own: str) -> list[str]:
    return [o for o in dict.fromkeys(o for _, o in outlets) if o != own]
