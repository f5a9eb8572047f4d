"""The outlets of a story, for its alerts: the earliest article of each feed and language.

A story can hold thousands of articles, and every alert about it lists the other outlets.
Reading them all per alert made the cost of a new item grow with the story. Per engine
(per process) the outlets found so far are kept by story with a mark, and each call reads
only the story's articles above the mark (an index range), so a call costs what the new
articles cost. The mark stays ``REWIND`` ids below the lowest id the caller is writing:
rows that may still roll back (the caller's own) or commit late (ids are not handed out in
commit order on PostgreSQL) are read again each time, never cached. A merge changes a
story's articles below the mark, so the caller forgets the stories it merged; merges by
another replica, and deleted articles, are picked up when an entry expires (``TTL``).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from storage.tables import Article, ArticleSignature, Feed

REWIND = 500  # ids below the caller's lowest that are still read again, never cached
TTL = 600.0  # seconds a story's cached outlets are trusted
MAX_STORIES = 5000  # stories kept per engine (least recently used dropped)

Outlet = tuple[int, str, str]  # (earliest article id, outlet, language)


@dataclass
class _Known:
    mark: int = 0
    firsts: dict[tuple[int, str | None], tuple[int, str | None, str]] = field(default_factory=dict)
    since: float = field(default_factory=time.monotonic)


_CACHES: weakref.WeakKeyDictionary[Engine, OrderedDict[int, _Known]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _cache(session: Session) -> OrderedDict[int, _Known]:
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _LOCK:
        return _CACHES.setdefault(engine, OrderedDict())


def story_outlets(session: Session, story_id: int, include: Sequence[int] = ()) -> list[Outlet]:
    """(article id, outlet, language) of the earliest article of each feed and language in the
    story, earliest first, plus the articles ``include`` names (which may not be committed yet)."""
    cache = _cache(session)
    with _LOCK:
        known = cache.get(story_id)
        if known is not None and time.monotonic() - known.since > TTL:
            cache.pop(story_id)
            known = None
    mark = known.mark if known else 0
    first = func.min(Article.id)
    rows = session.exec(
        select(first, Feed.id, ArticleSignature.lang, Feed.title, Feed.url)
        .join(Feed, Feed.id == Article.feed_id)
        .outerjoin(ArticleSignature, ArticleSignature.article_id == Article.id)
        .where(Article.story_id == story_id, Article.id > mark)
        .group_by(Feed.id, ArticleSignature.lang)).all()  # feed.id: its title and url follow from it
    firsts = dict(known.firsts) if known else {}
    for aid, feed_id, lang, title, url in rows:
        key = (feed_id, lang)
        if key not in firsts or aid < firsts[key][0]:
            firsts[key] = (aid, title, url)
    if include:
        safe = min(include) - REWIND
        if safe > mark:
            kept = {k: v for k, v in firsts.items() if v[0] <= safe}
            with _LOCK:
                cache[story_id] = _Known(safe, kept, known.since if known else time.monotonic())
                cache.move_to_end(story_id)
                while len(cache) > MAX_STORIES:
                    cache.popitem(last=False)
    out = {(aid, title or _host(url), lang or "en") for (_, lang), (aid, title, url) in firsts.items()}
    if include:
        out.update((aid, title or _host(url), lang or "en") for aid, title, url, lang in session.exec(
            select(Article.id, Feed.title, Feed.url, ArticleSignature.lang).join(Feed, Feed.id == Article.feed_id)
            .outerjoin(ArticleSignature, ArticleSignature.article_id == Article.id)
            .where(Article.id.in_(list(include)))).all())
    return sorted(out)


def forget_stories(session: Session, story_ids: Iterable[int]) -> None:
    """Drop what is kept of stories whose articles changed below the mark (a merge)."""
    cache = _cache(session)
    with _LOCK:
        for story_id in story_ids:
            cache.pop(story_id, None)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url
