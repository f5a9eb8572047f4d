"""The daily briefing: what happened to the officials and topics a chat follows.

Stories come in as plain values (``StoryView``); a chat's filter picks the ones it
follows, they are ranked (outlets covering them, tracked officials involved, recency),
grouped under a topic or official, and rendered as Telegram HTML split at story
boundaries, so every message is at most 4096 characters and valid on its own.

Composing for many chats reuses rendered story blocks through ``BlockCache``: a block
depends only on the story and on which of its names the chat follows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import cached_property

from core.model import ArticleView, Mention
from core.render import TELEGRAM_LIMIT, UTC_ZONE, esc, format_when, highlight, link, split_blocks

RECENCY_HALF_LIFE_HOURS = 12.0
MAX_STORIES = 30  # a briefing is read in a minute; the rest is counted and one /latest away
MAX_SENTENCE = 280


@dataclass(frozen=True)
class StoryView:
    """One story with its articles, earliest first."""

    id: int
    articles: tuple[ArticleView, ...]
    updated_at: datetime | None = None  # when the story last gained an article (fetch time)

    @cached_property
    def lead(self) -> ArticleView:
        return self.articles[0]

    @cached_property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.feed_title for a in self.articles))

    @cached_property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(m for a in self.articles for m in a.mentions)

    @cached_property
    def officials(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(m.name for m in self.mentions if m.kind == "official")
        )

    @cached_property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.name for m in self.mentions if m.kind == "topic"))

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(self.officials) | frozenset(self.topics)

    @cached_property
    def last_seen(self) -> datetime | None:
        times = [a.published for a in self.articles if a.published]
        return max(times) if times else None

    @cached_property
    def summary(self) -> str:
        return next((a.summary for a in self.articles if a.summary), "")


@dataclass(frozen=True)
class ChatFilter:
    """The names a chat follows; empty means everything the watchlist tracks."""

    follows: frozenset[str] = frozenset()

    def matches(self, story: StoryView) -> bool:
        if not story.names:
            return False
        return not self.follows or bool(self.follows & story.names)

    def relevant(self, story: StoryView) -> frozenset[str]:
        """The story's names this chat cares about (all of them when it follows everything)."""
        return story.names if not self.follows else story.names & self.follows


@dataclass
class BlockCache:
    """Rendered story blocks keyed by (story id, names the chat follows in it)."""

    blocks: dict[tuple[int, frozenset[str]], str] = field(default_factory=dict)
    scores: dict[int, float] = field(default_factory=dict)  # valid for one ``now``

    def get(self, story: StoryView, names: frozenset[str]) -> str:
        key = (story.id, names)
        block = self.blocks.get(key)
        if block is None:
            block = self.blocks[key] = render_story(story, names)
        return block


def briefing_rank(story: StoryView, now: datetime) -> float:
    """Outlets count most, then tracked officials involved, then how recent it is."""
    age_hours = (
        (now - story.last_seen).total_seconds() / 3600 if story.last_seen else 48.0
    )
    recency = 0.5 ** (max(age_hours, 0.0) / RECENCY_HALF_LIFE_HOURS)
    return (
        2.0 * len(story.outlets)
        + 1.0 * len(story.officials)
        + 0.5 * len(story.topics)
        + 3.0 * recency
    )


def rank_stories(stories: Iterable[StoryView], now: datetime, scores: dict[int, float] | None = None) -> list[StoryView]:
    """Best first; ties go to the newer story id so the order is stable."""
    scores = {} if scores is None else scores

    def key(s: StoryView) -> tuple[float, int]:
        score = scores.get(s.id)
        if score is None:
            score = scores[s.id] = briefing_rank(s, now)
        return -score, -s.id

    return sorted(stories, key=key)


def select_stories(stories: Iterable[StoryView], chat: ChatFilter) -> list[StoryView]:
    return [s for s in stories if chat.matches(s)]


def render_story(story: StoryView, names: frozenset[str], *, zone: tzinfo | None = None) -> str:
    """Headline link, outlets, summary and the sentence that matched one of ``names``.

    With a ``zone`` the story's latest time is shown in it (for /latest); a briefing
    leaves it out, its header already gives the chat's day.
    """
    lead = story.lead
    lines = [f"▪️ {link(lead.link, lead.title or '(untitled)')}"]
    outlets = story.outlets
    when = story.last_seen if zone is not None else None
    lines.append(
        f"<i>{esc(', '.join(outlets))}</i>"
        + (f" · {len(outlets)} outlets" if len(outlets) > 2 else "")
        + (f" · {format_when(when, zone)}" if when is not None else "")
    )
    if story.summary:
        lines.append(esc(story.summary))
    sentence, words = _evidence(story, names)
    if sentence and sentence not in story.summary:
        lines.append(f"» {highlight(sentence, words)}")
    return "\n".join(lines)


def count_line(stories: Sequence[StoryView], chat: ChatFilter) -> str:
    """ "👤 Abbas Araghchi 4 · Steve Witkoff 2 | 🏷 Oman talks 3": stories per followed name."""
    officials: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for story in stories:
        relevant = chat.relevant(story)
        officials.update(n for n in story.officials if n in relevant)
        topics.update(n for n in story.topics if n in relevant)
    parts = []
    if officials:
        parts.append(
            "👤 " + " · ".join(f"{esc(n)} {c}" for n, c in _ordered(officials))
        )
    if topics:
        parts.append("🏷 " + " · ".join(f"{esc(n)} {c}" for n, c in _ordered(topics)))
    return " | ".join(parts)


def group_stories(
    ranked: Sequence[StoryView], chat: ChatFilter
) -> list[tuple[str, list[StoryView]]]:
    """Stories under their first followed topic, else their first followed official.

    Groups keep the order of their best story; each story appears once.
    """
    groups: dict[str, list[StoryView]] = {}
    for story in ranked:
        relevant = chat.relevant(story)
        heading = next((t for t in story.topics if t in relevant), None)
        if heading is None:
            heading = next((o for o in story.officials if o in relevant), "Other")
        groups.setdefault(heading, []).append(story)
    return list(groups.items())


def briefing_header(day: date, *, late: bool = False, on_demand: bool = False) -> str:
    title = "Briefing on request" if on_demand else "Daily briefing"
    head = f"☀️ <b>{title}</b> · {day.strftime('%a %d %b %Y')}"
    if late:
        head += "\n<i>Late: the bot was offline at the scheduled time.</i>"
    return head


def compose_briefing(
    stories: Sequence[StoryView],
    chat: ChatFilter,
    *,
    day: date,
    now: datetime,
    late: bool = False,
    on_demand: bool = False,
    cache: BlockCache | None = None,
    limit: int = TELEGRAM_LIMIT,
    max_stories: int | None = MAX_STORIES,
) -> list[str]:
    """The briefing as HTML messages, each at most ``limit`` characters, split between stories.

    The counts line covers every matching story; only the best ``max_stories`` are shown.
    """
    header = briefing_header(day, late=late, on_demand=on_demand)
    cache = cache if cache is not None else BlockCache()
    chosen = rank_stories(select_stories(stories, chat), now, cache.scores)
    if not chosen:
        return [f"{header}\nNothing new on what you follow since the last briefing."]
    counts = count_line(chosen, chat)
    blocks = [
        f"{header}\n{len(chosen)} {'story' if len(chosen) == 1 else 'stories'}"
        + (f"\n{counts}" if counts else "")
    ]
    shown = chosen if max_stories is None else chosen[:max_stories]
    for heading, members in group_stories(shown, chat):
        for i, story in enumerate(members):
            block = cache.get(story, chat.relevant(story))
            blocks.append(f"<b>{esc(heading)}</b>\n{block}" if i == 0 else block)
    if len(shown) < len(chosen):
        blocks.append(f"<i>…and {len(chosen) - len(shown)} more; /latest shows the newest.</i>")
    return split_blocks(blocks, limit)


def compose_latest(
    stories: Sequence[StoryView], chat: ChatFilter, *, now: datetime, limit: int = 5,
    zone: tzinfo = UTC_ZONE,
) -> list[str]:
    """The ``limit`` most recent matching stories, newest first, times in ``zone`` (for /latest)."""
    chosen = sorted(
        select_stories(stories, chat),
        key=lambda s: (s.last_seen or now, s.id),
        reverse=True,
    )[:limit]
    return split_blocks([render_story(s, chat.relevant(s), zone=zone) for s in chosen])


def _evidence(story: StoryView, names: frozenset[str]) -> tuple[str, list[str]]:
    """The first matched sentence naming a followed name, preferring quotes."""
    hits = [m for m in story.mentions if m.name in names and m.sentence]
    if not hits:
        return "", []
    quoted = [m for m in hits if any(q in m.sentence for q in '“"«')]
    best = (quoted or hits)[0]
    words = [m.text for m in hits if m.sentence == best.sentence]
    sentence = best.sentence
    if len(sentence) > MAX_SENTENCE:
        sentence = sentence[: MAX_SENTENCE - 1].rsplit(" ", 1)[0] + "…"
    return sentence, words


def _ordered(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
