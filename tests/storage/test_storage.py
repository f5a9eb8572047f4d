"""Storage on SQLite and (with TEST_DATABASE_URL) PostgreSQL: same code, same answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from core.model import Alias, Detection, FeedEntry, Mention, Official, Topic, Watchlist
from storage import articles, chats, feeds, outbox
from storage import watchlist as wl
from storage.defaults import default_feeds, default_watchlist, load_defaults_once

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def entry(n: int, **kw) -> FeedEntry:
    base = dict(guid=f"g{n}", link=f"https://news.example/a/{n}", title=f"Title {n}", text=f"Body {n}")
    base.update(kw)
    return FeedEntry(**base)


def test_feed_add_is_idempotent_and_due_now(db):
    with db.session() as s:
        f, created = feeds.add_feed(s, "https://news.example/rss", NOW)
        _, again = feeds.add_feed(s, "https://news.example/rss", NOW)
    assert created and not again
    with db.session() as s:
        due = feeds.get_feeds_due(s, NOW)
    assert [d.url for d in due] == ["https://news.example/rss"] and due[0].first_fetch


def test_any_feed_due_agrees_with_the_due_list(db):
    with db.session() as s:
        assert not feeds.any_feed_due(s, NOW)  # no feeds
        f, _ = feeds.add_feed(s, "https://news.example/rss", NOW)
        assert feeds.any_feed_due(s, NOW)  # new: due at once
        feeds.record_fetch_ok(s, f.id, NOW, NOW + timedelta(minutes=10), title="T", etag=None,
                              last_modified=None, new_items=0)
    with db.session() as s:
        assert not feeds.any_feed_due(s, NOW + timedelta(minutes=9))
        assert feeds.any_feed_due(s, NOW + timedelta(minutes=10))
        feeds.set_feed_paused(s, "https://news.example/rss", True)
    with db.session() as s:
        assert not feeds.any_feed_due(s, NOW + timedelta(minutes=10))  # paused feeds are never due


def test_feed_error_backs_off_and_success_resets(db):
    with db.session() as s:
        f, _ = feeds.add_feed(s, "https://news.example/rss", NOW)
        feeds.record_fetch_error(s, f.id, NOW, "HTTP 500", lambda n: NOW + timedelta(minutes=10 * 2 ** (n - 1)))
        feeds.record_fetch_error(s, f.id, NOW, "HTTP 500", lambda n: NOW + timedelta(minutes=10 * 2 ** (n - 1)))
    with db.session() as s:
        (info,) = feeds.list_feeds(s)
        assert info.error_count == 2 and info.last_error == "HTTP 500"
        assert info.next_fetch_at == NOW + timedelta(minutes=20)
        assert feeds.get_feeds_due(s, NOW + timedelta(minutes=19)) == []
        feeds.record_fetch_ok(s, f.id, NOW, NOW + timedelta(minutes=10), title="T", etag='"e1"',
                              last_modified=None, new_items=3)
    with db.session() as s:
        (info,) = feeds.list_feeds(s)
    assert (info.error_count, info.last_error, info.etag, info.items_total) == (0, None, '"e1"', 3)
    assert not info.first_fetch


def test_articles_dedup_by_guid_link_and_hash(db):
    with db.session() as s:
        f, _ = feeds.add_feed(s, "https://news.example/rss", NOW)
        first = articles.add_articles(s, f.id, [entry(1), entry(2)], NOW, alertable=False)
        again = articles.add_articles(s, f.id, [
            entry(1, title="changed"),                                      # same guid
            entry(3, guid="x", link="https://NEWS.example/a/2?utm_source=rss#top"),  # same canonical link
            entry(4, guid=None, link=None, title="Title 2", text="Body 2"),  # same title+text
            entry(5),
        ], NOW, alertable=True)
    assert len(first) == 2 and len(again) == 1


def test_detection_saved_and_viewed(db):
    with db.session() as s:
        f, _ = feeds.add_feed(s, "https://news.example/rss", NOW, title="Example News")
        (aid,) = articles.add_articles(s, f.id, [entry(1)], NOW, alertable=True)
        m = Mention("Abbas Araghchi", "official", "Araghchi", 0, 8, "Araghchi spoke.", "alias", "Araghchi")
        articles.save_detection(s, aid, Detection((m,)), "A summary.")
    with db.session() as s:
        (view,) = articles.get_article_views(s, [aid])
    assert view.feed_title == "Example News" and view.summary == "A summary." and view.mentions == (m,)


def test_outbox_enqueue_once_claim_and_stale_reclaim(db):
    with db.session() as s:
        chat, _ = chats.subscribe_chat(s, 1001, NOW)
        assert outbox.enqueue(s, chat.id, "alert", "article:1", "<b>x</b>", NOW)
        assert not outbox.enqueue(s, chat.id, "alert", "article:1", "<b>x</b>", NOW)
    with db.session() as s:
        claimed = outbox.claim_due(s, NOW)
    assert [(i.chat_id, i.dedup_key) for i in claimed] == [(1001, "article:1")]
    with db.session() as s:
        assert outbox.claim_due(s, NOW) == []  # already sending
        assert outbox.release_stale_claims(s, NOW - timedelta(minutes=5)) == 0  # not stale yet
        assert outbox.release_stale_claims(s, NOW + timedelta(minutes=1)) == 1  # a hung sender's row comes back
        again = outbox.claim_due(s, NOW + timedelta(minutes=6))
    assert len(again) == 1
    with db.session() as s:
        outbox.mark_sent(s, again[0].id, NOW, 77)
        assert outbox.claim_due(s, NOW + timedelta(hours=1)) == []
        stats = outbox.outbox_stats(s, NOW - timedelta(days=1))
    assert (stats.pending, stats.sent_since) == (0, 1)


def test_chat_migration_keeps_subscription_and_queue(db):
    with db.session() as s:
        chat, _ = chats.subscribe_chat(s, -100, NOW, type="group")
        outbox.enqueue(s, chat.id, "alert", "article:1", "x", NOW)
        chats.migrate_chat(s, -100, -1001234567890)
    with db.session() as s:
        (sub,) = chats.get_subscribed_chats(s)
        (item,) = outbox.claim_due(s, NOW)
    assert sub.chat_id == -1001234567890 and item.chat_id == -1001234567890


def test_watchlist_round_trip_and_defaults_once(db):
    w = Watchlist(
        officials=(Official("Abbas Araghchi", (Alias("Araghchi"), Alias("عراقچی")), ("Iran's foreign minister",),
                            ("career diplomat from Kent",)),
                   Official("Donald Trump", (Alias("Trump", case_sensitive=True),))),
        topics=(Topic("Oman talks", (("Oman", "Muscat"), ("talks", "negotiat*")), ("Gulf of Oman",)),),
    )
    with db.session() as s:
        wl.replace_watchlist(s, w)
    with db.session() as s:
        assert wl.load_watchlist(s) == w
        assert wl.delete_official(s, "abbas araghchi")
    with db.session() as s:
        assert [o.name for o in wl.load_watchlist(s).officials] == ["Donald Trump"]
        assert load_defaults_once(s, NOW) == ["watchlist", "feeds"]
    with db.session() as s:
        loaded, expected = wl.load_watchlist(s), default_watchlist()
        assert sorted(loaded.officials, key=lambda o: o.name) == sorted(expected.officials, key=lambda o: o.name)
        assert sorted(loaded.topics, key=lambda t: t.name) == sorted(expected.topics, key=lambda t: t.name)
        assert len(feeds.list_feeds(s)) == len(default_feeds())
        wl.delete_official(s, "Ali Khamenei")
        assert load_defaults_once(s, NOW) == []  # after the first start, the database is the truth
    with db.session() as s:
        assert "Ali Khamenei" not in [o.name for o in wl.load_watchlist(s).officials]


def test_chat_preferences_and_follows(db):
    with db.session() as s:
        chat, _ = chats.subscribe_chat(s, 7, NOW, timezone="Asia/Tehran")
        updated = chats.update_chat(s, 7, briefing_time="07:30", quiet_start="22:00", quiet_end="07:00")
        assert (updated.timezone, updated.briefing_time, updated.quiet_start) == ("Asia/Tehran", "07:30", "22:00")
        assert chats.follow(s, chat.id, "official", "Abbas Araghchi")
        assert not chats.follow(s, chat.id, "official", "Abbas Araghchi")
        assert chats.follow(s, chat.id, "topic", "sanctions")
    with db.session() as s:
        assert chats.get_follows(s, chat.id) == [("official", "Abbas Araghchi"), ("topic", "sanctions")]
        assert chats.unfollow(s, chat.id, "sanctions") and not chats.unfollow(s, chat.id, "sanctions")
        assert chats.get_all_follows(s) == {chat.id: [("official", "Abbas Araghchi")]}
