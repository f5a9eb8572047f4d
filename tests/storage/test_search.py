"""Full-text search on SQLite (FTS5) and PostgreSQL (tsvector): same hits, same shape."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlmodel import Session, select

from core.model import FeedEntry
from storage import articles, feeds
from storage.db import make_engine, migrate
from storage.search import search_articles
from storage.tables import Article

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

ENTRIES = [
    FeedEntry(guid="a", link="https://news.example/a", title="Araghchi meets Witkoff in Muscat",
              text="Iran's foreign minister Abbas Araghchi met US envoy Steve Witkoff. Oman mediated the talks.",
              published=NOW - timedelta(days=2)),
    FeedEntry(guid="b", link="https://news.example/b", title="New sanctions on oil exports",
              text="The Treasury announced sanctions. Araghchi called them unlawful.",
              published=NOW - timedelta(days=1)),
    FeedEntry(guid="c", link="https://news.example/c", title="عراقچی در مسقط",
              text="وزیر امور خارجه ایران عباس عراقچی با ویتکاف دیدار کرد.", published=NOW),
    FeedEntry(guid="d", link="https://news.example/d", title="Football final", text="The home side won.",
              published=None),
]


def _store(db) -> int:
    with db.session() as s:
        feed, _ = feeds.add_feed(s, "https://news.example/rss", NOW, title="News Example")
        articles.add_articles(s, feed.id, ENTRIES, NOW, alertable=True)
    return feed.id


def test_search_newest_first_every_word_and_highlight_offsets(db):
    _store(db)
    with db.session() as s:
        hits = search_articles(s, "araghchi")
        both = search_articles(s, "Araghchi, MUSCAT!")
        none = search_articles(s, "araghchi football")
        persian = search_articles(s, "عراقچی")
        nothing = search_articles(s, "  ?! ")
    assert [h.link for h in hits] == ["https://news.example/b", "https://news.example/a"]
    assert [h.link for h in both] == ["https://news.example/a"]
    assert none == [] and nothing == []
    assert [h.link for h in persian] == ["https://news.example/c"]
    hit = both[0]
    assert hit.outlet == "News Example" and hit.published == NOW - timedelta(days=2)
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["Araghchi", "Muscat"]
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.spans] == ["Araghchi"]


def test_whole_words_only_and_query_syntax_is_plain_text(db):
    _store(db)
    with db.session() as s:
        assert search_articles(s, "sanction") == []  # no stemming on either backend
        assert [h.link for h in search_articles(s, 'sanctions" OR "football')] == []
        assert [h.link for h in search_articles(s, "title:football")] == []
        assert [h.link for h in search_articles(s, "football")] == ["https://news.example/d"]


def test_index_follows_updates_and_deletes(db):
    feed_id = _store(db)
    with db.session() as s:
        row = s.exec(select(Article).where(Article.guid == "d")).one()
        row.text = "The home side won; Pezeshkian congratulated them."
        s.add(row)
    with db.session() as s:
        assert [h.link for h in search_articles(s, "pezeshkian")] == ["https://news.example/d"]
        assert search_articles(s, "won football") != []
        feeds.remove_feed(s, "https://news.example/rss")
    with db.session() as s:
        assert search_articles(s, "araghchi") == [] and feed_id


def test_limit(db):
    _store(db)
    with db.session() as s:
        assert len(search_articles(s, "araghchi", limit=1)) == 1


def test_migration_indexes_articles_stored_before_it(db_url):
    engine = make_engine(db_url)
    migrate(engine, "0002")
    with engine.begin() as c:
        c.execute(text("INSERT INTO feed (url, paused, error_count, items_total, last_new_items, full_text) "
                       "VALUES ('https://news.example/rss', false, 0, 1, 0, true)"))
        c.execute(text("INSERT INTO article (feed_id, content_hash, title, text, summary, fetched_at, alertable, "
                       "text_source) VALUES (1, 'h', 'Larijani visits Beijing', 'Ali Larijani arrived.', '', "
                       "'2026-11-20 09:00:00', true, 'feed')"))
    migrate(engine)
    with Session(engine) as s:
        assert [h.title for h in search_articles(s, "larijani")] == ["Larijani visits Beijing"]
    engine.dispose()


def test_newest_stored_first_so_a_far_future_date_cannot_pin_an_article(db):
    with db.session() as s:
        feed, _ = feeds.add_feed(s, "https://news.example/rss", NOW, title="News Example")
        articles.add_articles(s, feed.id, [FeedEntry(guid="x", link="https://news.example/x", title="Muscat talks",
                                                     text="Talks in Muscat.", published=datetime(9999, 1, 1, tzinfo=UTC))],
                              NOW, alertable=True)
        articles.add_articles(s, feed.id, [FeedEntry(guid="y", link="https://news.example/y", title="Muscat again",
                                                     text="More talks in Muscat.", published=NOW)],
                              NOW + timedelta(minutes=10), alertable=True)
    with db.session() as s:
        assert [h.link for h in search_articles(s, "muscat")] == ["https://news.example/y", "https://news.example/x"]


def test_a_word_only_in_old_articles_is_found_past_the_recent_window(db, monkeypatch):
    """PostgreSQL tries the newest ids first and then the word index; both paths give the same hits."""
    import storage.search

    monkeypatch.setattr(storage.search, "_RECENT", 2)
    with db.session() as s:
        feed, _ = feeds.add_feed(s, "https://news.example/rss", NOW, title="News Example")
        entries = [FeedEntry(guid=str(i), link=f"https://news.example/{i}", title=f"Item {i}",
                             text=("Zarif spoke in Geneva." if i < 2 else "The council met.") + f" Note {i}.",
                             published=NOW + timedelta(minutes=i)) for i in range(6)]
        articles.add_articles(s, feed.id, entries, NOW, alertable=True)
    with db.session() as s:
        assert [h.link for h in search_articles(s, "zarif geneva")] == ["https://news.example/1", "https://news.example/0"]
        assert [h.link for h in search_articles(s, "council", limit=3)] == [f"https://news.example/{i}" for i in (5, 4, 3)]
        assert search_articles(s, "nowhere") == []
