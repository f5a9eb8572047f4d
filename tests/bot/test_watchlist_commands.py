"""Admins shape detection from Telegram; changes apply at the next ingest, no restart."""

from __future__ import annotations

from datetime import UTC, datetime, timezone

from storage import admin as admin_store
from storage import feeds as feed_store
from storage import watchlist as wl_store
from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.fakes.feed_server import rss

USER = 401


async def test_watchlist_commands_change_detection_and_are_audited(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    settings = make_settings(fake, str(db.engine.url))
    async with running_app(settings, db, clock) as app:
        assert "only briefbot admins" in await command(fake, USER, "/track Ali Larijani")
        assert "Usage: /track" in await command(fake, OWNER, "/track")

        reply = await command(fake, OWNER, "/track Ali Larijani | Larijani, لاریجانی, al")
        assert "Now tracking Ali Larijani" in reply and "Refused alias al: too short" in reply
        reply = await command(fake, OWNER, "/alias Ali Larijani | the")
        assert "refused" in reply and "common word" in reply
        assert "Added alias Larijany" in await command(fake, OWNER, "/alias Ali Larijani Larijany")
        assert "(case-sensitive)" in await command(fake, OWNER, "/alias Ali Larijani | Ali --case")
        assert "Removed alias Larijany" in await command(fake, OWNER, "/unalias Ali Larijani | Larijany")
        assert "has no alias" in await command(fake, OWNER, "/unalias Ali Larijani | Larijany")
        assert "now refers to Ali Larijani" in await command(
            fake, OWNER, "/role Ali Larijani | Secretary of the Supreme National Security Council")
        assert "now describes Ali Larijani" in await command(
            fake, OWNER, "/role Ali Larijani | former state broadcaster chief --description")
        assert "refused" in await command(fake, OWNER, "/role Ali Larijani | philosopher --description")
        # years in a form the dating rules do not read are refused, naming the two forms they do
        for bad in ("(2008 to 2020)", "(08-20)", "(2020-2008)", "(2008)"):
            reply = await command(fake, OWNER, f"/role Ali Larijani | Iran's parliament speaker {bad}")
            assert "refused" in reply and "(2013-2021)" in reply and "(2024-)" in reply, reply
            assert "now refers to" not in reply
        assert "now refers to Ali Larijani" in await command(
            fake, OWNER, "/role Ali Larijani | Iran's parliament speaker (2008-2020)")
        assert "is not on the watchlist" in await command(fake, OWNER, "/alias Nobody Here | Nobody")
        reply = await command(fake, OWNER, "/topic enrichment | enrichment, centrifuge*, highly enriched uranium")
        assert "Topic enrichment matches" in reply

        reply = await command(fake, OWNER, "/test Larijani said centrifuges keep spinning.")
        assert "Ali Larijani [official]" in reply and "enrichment [topic]" in reply
        reply = await command(fake, OWNER, "/test The former state broadcaster chief said centrifuges keep spinning.")
        assert "Ali Larijani [official]" in reply and "by description" in reply
        assert "No tracked official" in await command(fake, OWNER, "/test The weather was fine.")

        # the next ingest uses the new watchlist without a restart
        feed_server.set_feed("/rss", rss([]))
        with db.session() as s:
            feed_store.add_feed(s, feed_server.url("/rss"), clock())
        await command(fake, USER, "/start")
        await cycle(app)
        feed_server.set_feed("/rss", rss([{"title": "Larijani visits Beijing", "link": "https://news.example/l",
                                           "guid": "l", "description": "Ali Larijani met Chinese officials.",
                                           "pubDate": datetime(2026, 11, 20, tzinfo=UTC)}]))
        clock.advance(minutes=11)
        _, report = await cycle(app)
        assert report.sent == 1 and "Ali Larijani" in fake.sent_to(USER)[-1].plain_text

        assert "No longer tracking" in await command(fake, OWNER, "/untrack Ali Larijani")
        with db.session() as s:
            assert "Ali Larijani" not in [o.name for o in wl_store.load_watchlist(s).officials]
            actions = [a.action for a in admin_store.latest_actions(s, 50)]
        assert {"watchlist.track", "watchlist.alias", "watchlist.unalias", "watchlist.role",
                "watchlist.topic", "watchlist.untrack"} <= set(actions)
