"""Instant alerts: one message per (chat, story), edited as more outlets report it.

Each chat gets an alert for a story it follows (by officials and topics; following
nothing means everything) unless it turned alerts off. Inside its quiet hours the alert
is sent silently, or held for the briefing, as the chat chose. A later article of a
story already alerted adds its outlet to "Also reported by" on the same message while
the story is fresh: the queued text is rewritten, or an edit row is queued once sent.

When an article bridges two stories they merge (storage.story_grouping): a chat that had
an alert of each keeps one, the one already sent; the other is cancelled if it has not
gone yet, and the kept message is edited to list every outlet. Outlets writing in
another language than the alert's article are shown with their language.
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
from storage import outlets as story_outlets
from storage.chats import ChatInfo

STORY_FRESH = timedelta(hours=12)  # after this an alert is no longer edited for new outlets
LANGUAGES = {"en": "English", "fa": "Persian"}


def alert_key(story_id: int) -> str:
    return f"story:{story_id}"


def edit_key(story_id: int, article_id: int) -> str:
    return f"story:{story_id}:article:{article_id}"


def merge_key(story_id: int, absorbed: int) -> str:
    return f"story:{story_id}:merged:{absorbed}"


def alert_targets(session: Session) -> tuple[list[ChatInfo], dict[int, list[tuple[str, str]]]]:
    """Subscribed chats with alerts on, and every chat's follows."""
    return [c for c in chats.get_subscribed_chats(session) if c.alerts_enabled], chats.get_all_follows(session)


def enqueue_alerts(session: Session, articles: Sequence[ArticleView], now: datetime,
                   story_of: Mapping[int, int] | None = None, merged: Mapping[int, int] | None = None) -> int:
    """Queue alerts and edits for newly stored articles; returns rows added or rewritten.

    ``story_of`` maps article id to story id; an article without one is its own story.
    ``merged`` maps each story absorbed in this run to the story it joined.
    """
    # An article naming nothing tracked alerts no one, but in a story it adds its outlet.
    matching = [a for a in articles if a.mentions or (story_of or {}).get(a.id)]
    if not matching and not merged:
        return 0
    if merged:  # their articles changed below what is kept of their outlets
        story_outlets.forget_stories(session, {*merged, *merged.values()})
    changed = sum(_settle_merge(session, kept, sorted(a for a, k in merged.items() if k == kept), now)
                  for kept in sorted(set((merged or {}).values())))
    if not matching:
        return changed
    targets, follows = alert_targets(session)
    story_ids = {a.id: (story_of or {}).get(a.id) for a in matching}
    members: dict[int, list[int]] = {}
    for aid, story_id in story_ids.items():
        if story_id:
            members.setdefault(story_id, []).append(aid)
    # One read per story for the whole batch (with every batch member's own row), not per article.
    outlets_of = {story_id: story_outlets.story_outlets(session, story_id, include=ids)
                  for story_id, ids in members.items()}
    for article in matching:
        story_id = story_ids[article.id]
        outlets = outlets_of[story_id] if story_id else [(article.id, article.feed_title, "en")]
        changed += _alert_article(session, article, story_id, outlets, targets, follows, now)
    return changed


def _alert_article(session: Session, article: ArticleView, story_id: int | None,
                   outlets: Sequence[tuple[int, str, str]], targets: list[ChatInfo],
                   follows: dict[int, list[tuple[str, str]]], now: datetime) -> int:
    names = {m.name for m in article.mentions}
    sent = story_messages.get_story_alerts(session, story_id) if story_id else {}
    earlier = {o for aid, o, _ in outlets if aid < article.id}
    key = alert_key(story_id) if story_id else f"article:{article.id}"
    originals: dict[int, ArticleView] = {}
    changed = 0
    new: list[tuple[int, str, bool]] = []  # (chat_ref, html, silent): queued together after the loop
    rendered: dict[object, str] = {}  # the alert's text per time zone: most chats share a few zones
    for chat in targets:
        policy = chat.policy(follows.get(chat.id, ()))
        row = sent.get(chat.id)
        if row is None:
            if not policy.wants(names) or policy.holds_alerts_at(now):
                continue  # the briefing will carry it
            if policy.zone not in rendered:
                rendered[policy.zone] = render_alert(article, _also(outlets, article.id), zone=policy.zone)
            new.append((chat.id, rendered[policy.zone], policy.quiet_at(now)))
            continue
        if article.feed_title in earlier or now - row.created_at > STORY_FRESH or row.article_id is None:
            continue  # same outlet again, or the story is no longer fresh
        if row.article_id not in originals:
            originals.update({v.id: v for v in article_store.get_article_views(session, [row.article_id])})
        original = originals.get(row.article_id)
        if original is None:
            continue
        html = render_alert(original, _also(outlets, original.id), zone=policy.zone)
        changed += _rewrite(session, row, html, edit_key(story_id, article.id), story_id, now)
    changed += metrics.queued_many("alert", outbox.enqueue_many(session, "alert", key, now, new,
                                                                article_id=article.id, story_id=story_id))
    return changed


def _rewrite(session: Session, row: story_messages.StoryAlert, html: str, key: str, story_id: int,
             now: datetime) -> int:
    """New text for an alert: rewrite it while queued, else queue an edit of the sent message."""
    if story_messages.replace_pending_html(session, row.id, html):
        return 1
    if row.status == "dead":
        return 0
    story_messages.supersede_pending_edits(session, row.id)
    return metrics.queued("edit", outbox.enqueue(session, row.chat_ref, "edit", key, html, now, story_id=story_id,
                                                 edit_of=row.id))


def _settle_merge(session: Session, kept: int, absorbed: Sequence[int], now: datetime) -> int:
    """After stories merged into ``kept``: one alert per chat, listing every outlet."""
    rows_by_chat = story_messages.get_story_alert_rows(session, kept)
    if not rows_by_chat:
        return 0
    outlets = stories.get_story_outlets(session, kept, include=sorted(
        {rows[0].article_id for rows in rows_by_chat.values() if rows[0].article_id is not None}))
    zones = {c.id: c.zone for c in chats.get_subscribed_chats(session)}
    changed = 0
    for chat_ref, rows in rows_by_chat.items():
        keeper, others = rows[0], rows[1:]
        for other in others:
            changed += story_messages.drop_unsent_alert(session, other.id, f"story merged into story {kept}")
        if keeper.article_id is None or now - keeper.created_at > STORY_FRESH or chat_ref not in zones:
            continue
        original = next(iter(article_store.get_article_views(session, [keeper.article_id])), None)
        if original is None:
            continue
        html = render_alert(original, _also(outlets, original.id), zone=zones[chat_ref])
        changed += _rewrite(session, keeper, html, merge_key(kept, absorbed[-1]), kept, now)
    return changed


def _also(outlets: Sequence[tuple[int, str, str]], own_id: int) -> list[str]:
    """Other outlets of the story, each once; those in another language say which."""
    own = next(((o, lang) for aid, o, lang in outlets if aid == own_id), ("", "en"))
    out: dict[str, None] = {}
    for _, outlet, lang in outlets:
        if outlet == own[0]:
            continue
        label = outlet if lang == own[1] else f"{outlet} ({LANGUAGES.get(lang, lang)})"
        out.setdefault(label, None)
    return list(out)
