"""/why on a story alert also says why other outlets' reports were grouped with it."""

from __future__ import annotations

from datetime import timedelta

from tests.bot.harness import OWNER, command, cycle, make_settings, running_app
from tests.bot.test_end_to_end import alerts
from tests.bot.ui import send
from tests.fakes.feed_server import rss
from tests.jobs.story_fixtures import BRIDGE, EVENT, PERSIAN, item

USER = 702


async def test_why_names_the_links_between_outlets_and_languages(fake_telegram, feed_server, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    outlets = {"/wire": EVENT[0], "/persian": PERSIAN, "/ledger": BRIDGE}
    for path in outlets:
        feed_server.set_feed(path, rss([], title=path))
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock) as app:
        await command(fake, USER, "/start")
        for path in outlets:
            assert "Added" in await command(fake, OWNER, f"/feed add {feed_server.url(path)}")
        await cycle(app)  # first fetch: empty history
        for n, (path, article) in enumerate(outlets.items()):
            feed_server.set_feed(path, rss([item(article, n, clock.now - timedelta(minutes=5))], title=path))
        clock.advance(minutes=10)
        await cycle(app)
        (alert,) = alerts(fake, USER)
        assert "Also reported by:" in alert.plain_text and "(Persian)" in alert.plain_text

        (why,) = await send(fake, USER, "/why", reply_to_message=fake.message(USER, alert.message_id))
        text = why.plain_text
        assert "Why you got this alert" in text
        assert "Why these 3 reports are one story (English, Persian)" in text
        assert "similar wording" in text and "their leads name the same people, places and day" in text
        assert "both name Abbas Araghchi" in text
