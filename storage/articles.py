"""Articles and their detected mentions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert
from sqlmodel import Session, select

from core.model import ArticleView, Detection, FeedEntry
from core.model import Mention as MentionValue
from core.urls import canonical_url, content_hash
from storage.tables import Article, Feed, Mention


def _keys(entry: FeedEntry) -> tuple[str | None, str | None, str]:
    """The three identities an entry is deduplicated by: guid, canonical link, title+text hash."""
    return entry.guid or None, canonical_url(entry.link), content_hash(entry.title, entry.text)


def _known(session: Session, keyed: Sequence[tuple[str | None, str | None, str]]) -> list[bool]:
    """For each (guid, link, hash), whether a stored article has any of them: three queries a batch."""
    found: list[set[str]] = []
    for position, column in enumerate((Article.guid, Article.link, Article.content_hash)):
        values = sorted({k[position] for k in keyed if k[position]})
        present: set[str] = set()
        for start in range(0, len(values), 500):
            present.update(session.exec(select(column).where(column.in_(values[start:start + 500]))))
        found.append(present)
    return [any(k[i] in found[i] for i in range(3) if k[i]) for k in keyed]


@dataclass(frozen=True)
class NewArticle:
    """An entry decided on in memory: what one insert stores (detection, summary, fingerprint,
    and its story when that was decided before the insert: storage.story_grouping.decide_stories).

    ``keys`` are the entry's (guid, canonical link, content hash) when the caller has them
    already (from ``get_new_keyed_entries``), so the text is not hashed twice."""

    entry: FeedEntry
    summary: str = ""
    mentions: tuple[MentionValue, ...] = ()
    fingerprint: int | None = None
    keys: tuple[str | None, str | None, str] | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class StoredArticle:
    """What the caller of ``insert_articles`` needs back of a stored row."""

    id: int
    title: str
    link: str | None
    fetched_at: datetime


KeyedEntry = tuple[FeedEntry, tuple[str | None, str | None, str]]


def get_new_keyed_entries(session: Session, entries: Sequence[FeedEntry], *, limit: int | None = None,
                          chunk: int = 500) -> tuple[list[KeyedEntry], bool]:
    """Entries not stored yet (by guid, canonical link or title+text hash), in the given order,
    each with its keys, at most ``limit`` of them; and whether more new entries were left out.

    Entries are checked ``chunk`` at a time, so a huge feed whose newest items are new costs
    one round of queries, not one per item.
    """
    new: list[KeyedEntry] = []
    seen: set[str] = set()
    for start in range(0, len(entries), chunk):
        part = entries[start:start + chunk]
        keyed = [_keys(e) for e in part]
        for entry, keys, known in zip(part, keyed, _known(session, keyed), strict=True):
            present = {k for k in keys if k}
            if known or present & seen:
                seen |= present
                continue
            if limit is not None and len(new) >= limit:
                return new, True
            seen |= present
            new.append((entry, keys))
    return new, False


def get_new_entries(session: Session, entries: Sequence[FeedEntry], *, limit: int | None = None,
                    chunk: int = 500) -> tuple[list[FeedEntry], bool]:
    """``get_new_keyed_entries`` without the keys."""
    new, more = get_new_keyed_entries(session, entries, limit=limit, chunk=chunk)
    return [entry for entry, _ in new], more


_INSERT_ARTICLES = insert(Article.__table__).returning(Article.__table__.c.id, sort_by_parameter_order=True)


def insert_articles(session: Session, feed_id: int, items: Sequence[NewArticle], now: datetime,
                    *, alertable: bool) -> list[StoredArticle]:
    """Insert new articles with their mentions in one batch; returns the stored rows' ids.

    Callers pass entries from get_new_entries. One multi-row INSERT ... RETURNING for the
    articles (a Core statement: no ORM objects to build, track and flush) and one for the
    mentions.
    """
    if not items:
        return []
    params = []
    for item in items:
        e = item.entry
        guid, link, digest = item.keys or _keys(e)
        params.append({
            "feed_id": feed_id, "guid": guid, "link": link, "content_hash": digest, "title": e.title,
            "text": e.text, "author": e.author, "published_at": e.published, "fetched_at": now,
            "alertable": alertable, "text_source": e.text_source, "summary": item.summary,
            "fingerprint": item.fingerprint, "story_id": item.story_id,
        })
    ids = session.execute(_INSERT_ARTICLES, params).scalars().all()
    insert_mentions(session, zip(ids, (item.mentions for item in items), strict=True))
    return [StoredArticle(aid, p["title"], p["link"], now) for aid, p in zip(ids, params, strict=True)]


def insert_mentions(session: Session, detected: Iterable[tuple[int, Sequence[MentionValue]]]) -> None:
    """Store new articles' mentions ((article id, its mentions)): one multi-row INSERT."""
    mentions = [
        {"article_id": aid, "name": m.name, "kind": m.kind, "text": m.text, "start": m.start, "end": m.end,
         "sentence": m.sentence, "how": m.how, "detail": m.detail}
        for aid, found in detected for m in found
    ]
    if mentions:
        session.execute(insert(Mention.__table__), mentions)  # Core: no ORM bulk-insert state per row


def add_articles(session: Session, feed_id: int, entries: Iterable[FeedEntry], now: datetime,
                 *, alertable: bool) -> list[int]:
    """Store entries not seen before (by guid, then canonical link, then title+text hash).

    Returns the ids of the new articles, which are stored oldest first (ids follow time,
    as search's newest-first order expects).
    """
    new, _ = get_new_entries(session, list(entries))
    new.sort(key=lambda e: e.published or now)
    return [row.id for row in insert_articles(session, feed_id, [NewArticle(e) for e in new], now,
                                              alertable=alertable)]


def get_known_identities(session: Session, keys: Sequence[tuple[str | None, str | None]]) -> list[bool]:
    """For each (guid, link), whether a stored article has that guid or that (canonical) link:
    what an entry can be recognised by before its body is read."""
    return _known(session, [(guid or None, canonical_url(link), None) for guid, link in keys])


def get_unknown_entries(session: Session, entries: Sequence[FeedEntry]) -> list[int]:
    """Indexes of entries not stored yet (same rules as add_articles), e.g. to fetch pages only for them."""
    return [i for i, known in enumerate(_known(session, [_keys(e) for e in entries])) if not known]


def get_article_texts(session: Session, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(id, title, text) for detection."""
    if not ids:
        return []
    rows = session.exec(select(Article.id, Article.title, Article.text).where(Article.id.in_(ids)))
    by_id = {r[0]: (r[0], r[1], r[2]) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def save_detection(session: Session, article_id: int, detection: Detection, summary: str) -> None:
    """Replace an article's mentions and summary with a fresh detection result."""
    session.exec(delete(Mention).where(Mention.article_id == article_id))
    for m in detection.mentions:
        session.add(Mention(article_id=article_id, name=m.name, kind=m.kind, text=m.text,
                            start=m.start, end=m.end, sentence=m.sentence, how=m.how, detail=m.detail))
    article = session.get(Article, article_id)
    if article is not None:
        article.summary = summary
        session.add(article)


def get_article_views(session: Session, ids: Sequence[int]) -> list[ArticleView]:
    """Views of stored articles (in ``ids`` order), read as columns: no ORM objects (nor the
    article's text) are built, since alerts read one per new article of a story."""
    if not ids:
        return []
    rows = session.exec(
        select(Article.id, Article.title, Article.link, Article.published_at, Article.fetched_at, Article.summary,
               Feed.title, Feed.url).join(Feed, Feed.id == Article.feed_id).where(Article.id.in_(ids))
    ).all()
    mentions: dict[int, list[MentionValue]] = {}
    for aid, name, kind, text, start, end, sentence, how, detail in session.exec(
            select(Mention.article_id, Mention.name, Mention.kind, Mention.text, Mention.start, Mention.end,
                   Mention.sentence, Mention.how, Mention.detail)
            .where(Mention.article_id.in_(ids)).order_by(Mention.article_id, Mention.start)):
        mentions.setdefault(aid, []).append(
            MentionValue(name=name, kind=kind, text=text, start=start, end=end, sentence=sentence, how=how,
                         detail=detail))
    views = {
        aid: ArticleView(
            id=aid, feed_title=feed_title or _host(feed_url), title=title, link=link,
            published=published or fetched, summary=summary, mentions=tuple(mentions.get(aid, ())),
        )
        for aid, title, link, published, fetched, summary, feed_title, feed_url in rows
    }
    return [views[i] for i in ids if i in views]


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def count_articles_since(session: Session, since: datetime) -> int:
    return len(session.exec(select(Article.id).where(Article.fetched_at >= since)).all())


def oldest_fetch_time(session: Session) -> datetime | None:
    """When the first article was stored: how far back any baseline can reach."""
    from sqlalchemy import func

    return session.exec(select(func.min(Article.fetched_at))).one()
