"""/search and /why through the fake Bot API, on both database backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from core.model import FeedEntry
from storage import articles, feeds
from storage.db import open_database
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.bot.test_end_to_end import NEWS_ITEM, OLD_ITEM, alerts
from tests.bot.ui import send
from tests.fakes.feed_server import rss

USER = 701
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


async def test_search_newest_first_with_highlights_and_usage(fake_telegram, db_url, clock):
    fake, db = fake_telegram, open_database(db_url)
    with db.session() as s:
        feed, _ = feeds.add_feed(s, "https://news.example/rss", NOW, title="Wire & Co")
        articles.add_articles(s, feed.id, [
            FeedEntry(guid="1", link="https://news.example/1", title="Araghchi in Muscat",
                      text="Abbas Araghchi arrived in Muscat for talks.", published=NOW - timedelta(days=1)),
            FeedEntry(guid="2", link="https://news.example/2", title="Sanctions <update>",
                      text="Araghchi said sanctions must go.", published=NOW),
            FeedEntry(guid="3", link="https://news.example/3", title="Long read", published=NOW - timedelta(days=2),
                      text=("Background paragraph. " * 40) + "Araghchi spoke late in the piece. " + "More. " * 40),
        ], NOW, alertable=False)
    async with running_app(make_settings(fake, db_url), db, clock):
        (reply,) = await send(fake, USER, "/search araghchi")
        text = reply.text
        assert "3 results" in reply.plain_text
        assert text.index("news.example/2") < text.index("news.example/1") < text.index("news.example/3")
        assert '<a href="https://news.example/1"><b>Araghchi</b> in Muscat</a>' in text
        assert "Sanctions &lt;update&gt;" in text and "<i>Wire &amp; Co</i>" in text
        assert "…Background" not in text and "<b>Araghchi</b> spoke late" in text
        (reply,) = await send(fake, USER, "/search Araghchi MUSCAT")
        assert "1 result" in reply.plain_text and "<b>Muscat</b>" in reply.text
        assert "No stored article contains all of: araghchi, football" in await command(fake, USER, "/search araghchi football")
        usage = await command(fake, USER, "/search")
        assert "Give one or more words" in usage and "Example: /search Araghchi Muscat" in usage
        assert "Example: /search" in await command(fake, USER, "/search ?!")
    db.dispose()


async def test_why_explains_an_alert_when_replying_to_it(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    feed_server.set_feed("/rss", rss([OLD_ITEM]))
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        await command(fake, USER, "/start")
        assert "Added" in await command(fake, OWNER, f"/feed add {feed_server.url('/rss')}")
        await cycle(app)
        feed_server.set_feed("/rss", rss([NEWS_ITEM, OLD_ITEM]))
        clock.advance(minutes=10)
        await cycle(app)
        (alert,) = alerts(fake, USER)

        (why,) = await send(fake, USER, "/why", reply_to_message=fake.message(USER, alert.message_id))
        text = why.plain_text
        assert text.startswith("Why you got this alert\nWitkoff & Araghchi to meet in Muscat")
        assert "Abbas Araghchi" in text and "Steve Witkoff" in text
        assert "• name “Abbas Araghchi” in:" in text and "• role “Oman's foreign minister” in:" in text
        # the first Oman-talks evidence is the headline's "meet in Muscat" (issue 9 lexicon)
        assert "🏷 Oman talks\n• topic rule “meet” (meet + Muscat) in:\n» Witkoff & Araghchi to meet in Muscat" in text
        assert "» US envoy Steve Witkoff will meet Abbas Araghchi on Saturday, officials said." in text
        assert "<b>Steve Witkoff</b>" in why.text

        usage = await command(fake, USER, "/why")
        assert "Send /why as a reply to one of my alerts" in usage
        (mine,) = await send(fake, USER, "/help")
        assert "not one of my alerts" in await command(fake, USER, "/why",
                                                       reply_to_message=fake.message(USER, mine.message_id))
