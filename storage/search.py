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


def _matching(words: list[str], dialect: str):
    """The base query restricted to articles containing every word, per backend."""
    query = select(Article.id, Article.title, Article.text, Article.link, Article.published_at,
                   Article.fetched_at, Feed.title, Feed.url).join(Feed, Feed.id == Article.feed_id)
    if dialect == "postgresql":
        vector = literal_column("article.search_vector")
        return query.where(vector.op("@@")(func.plainto_tsquery("simple", " ".join(words))))
    # Every word as an FTS5 string, so no operator or column filter can sneak in.
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    return query.join(_FTS, _FTS.c.rowid == Article.id).where(text("article_fts MATCH :match").bindparams(match=match))


def search_articles(session: Session, query: str, limit: int = 10) -> list[SearchHit]:
    """Articles containing every word of ``query``, newest first (empty for no words)."""
    words = search_words(query)
    if not words:
        return []
    newest = func.coalesce(Article.published_at, Article.fetched_at)
    rows = session.exec(
        _matching(words, session.get_bind().dialect.name).order_by(newest.desc(), Article.id.desc()).limit(limit)
    ).all()
    return [
        SearchHit(
            article_id=id_, title=title, link=link, outlet=feed_title or _host(feed_url),
            published=published or fetched, title_spans=word_spans(title, words),
            snippet=make_snippet(body, words),
        )
        for id_, title, body, link, published, fetched, feed_title, feed_url in rows
    ]


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url
