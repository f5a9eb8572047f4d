"""Full-text search over stored articles, newest first, on SQLite (FTS5) and PostgreSQL.

The index itself is built by migration 0003 and maintained by the database (SQLite
triggers, a PostgreSQL generated column), so nothing that writes articles has to care.
Both backends match every word as a whole token, without stemming, and return the same
``SearchHit`` shape; snippets and highlight offsets come from core.search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import column, func, literal_column, table, text
from sqlmodel import Session, select

from core.search import Snippet, make_snippet, search_words, word_spans
from storage.tables import Article, Feed

# Tables, columns and indexes of the search index that the SQLModel metadata does not know.
_ARTIFACTS = ("article_fts", "search_vector", "ix_article_search_vector")


def is_search_artifact(name: str | None) -> bool:
    """Whether a schema object belongs to the search index (for Alembic comparisons)."""
    return bool(name) and any(name == a or name.startswith(a + "_") for a in _ARTIFACTS)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic ``include_object`` hook: leave the search index out of autogenerate."""
    return not (reflected and compare_to is None and is_search_artifact(name))


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    link: str | None
    outlet: str
    published: datetime | None
    title_spans: tuple[tuple[int, int], ...]
    snippet: Snippet


_FTS = table("article_fts", column("rowid"))


_RECENT = 1000  # PostgreSQL: newest ids tried in id order before asking the word index


def _columns():
    return select(Article.id, Article.title, Article.text, Article.link, Article.published_at,
                  Article.fetched_at, Feed.title, Feed.url).join(Feed, Feed.id == Article.feed_id)


def _newest_matching(session: Session, words: list[str], limit: int) -> list:
    """Rows of the articles containing every word, most recently stored first.

    "Newest" is the storing order (the article id; each batch is stored oldest first), not
    the feed's own date: ids come out of the indexes in order, so a query stops after
    ``limit`` matches instead of sorting all of them (a common word matches most of the
    archive), and a date far in the future cannot pin an article on top.

    SQLite's FTS5 yields rowids newest first by itself. PostgreSQL's planner, left alone,
    walks the primary key backwards and tests every row, which is quick for a common word
    but reads the whole table for a word no article has; so it walks only the newest
    ``_RECENT`` ids that way, and when they hold too few matches it asks the GIN index for
    all matches (few, by then) and sorts those. (A word common in old articles but absent
    from the newest ones still costs a sort of all its matches.)
    """
    if session.get_bind().dialect.name == "postgresql":
        match = literal_column("article.search_vector").op("@@")(func.plainto_tsquery("simple", " ".join(words)))
        newest = session.exec(select(func.max(Article.id))).one() or 0
        rows = session.exec(_columns().where(match, Article.id > newest - _RECENT)
                            .order_by(Article.id.desc()).limit(limit)).all()
        if len(rows) == limit or newest <= _RECENT:
            return rows
        # "id + 0" cannot be read from the primary key, so the planner takes the GIN index.
        return session.exec(_columns().where(match).order_by((Article.id + 0).desc()).limit(limit)).all()
    # Every word as an FTS5 string, so no operator or column filter can sneak in.
    fts_match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    return session.exec(_columns().join(_FTS, _FTS.c.rowid == Article.id)
                        .where(text("article_fts MATCH :match").bindparams(match=fts_match))
                        .order_by(_FTS.c.rowid.desc()).limit(limit)).all()


def search_articles(session: Session, query: str, limit: int = 10) -> list[SearchHit]:
    """Articles containing every word of ``query``, newest first (empty for no words)."""
    words = search_words(query)
    if not words:
        return []
    return [
        SearchHit(
            article_id=id_, title=title, link=link, outlet=feed_title or _host(feed_url),
            published=published or fetched, title_spans=word_spans(title, words),
            snippet=make_snippet(body, words),
        )
        for id_, title, body, link, published, fetched, feed_title, feed_url in _newest_matching(session, words, limit)
    ]


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url
