"""/export then /import through the fake Bot API: files in Telegram, nothing lost."""

from __future__ import annotations

import tomllib

import tomli_w

from core.opml import parse_opml
from storage import admin as admin_store
from storage import feeds as feed_store
from storage import watchlist as wl_store
from tests.bot.harness import OWNER, command, make_settings, running_app
from tests.bot.ui import send

USER = 901


async def export_files(fake, chat_id=OWNER) -> dict[str, bytes]:
    before = len(fake.documents)
    fake.user_message(chat_id, "/export")
    await fake.wait_for_call("sendDocument", len(fake.calls("sendDocument")) + 2)
    return {d.filename: d.content for d in fake.documents[before:]}


async def import_file(fake, name: str, content: bytes, caption: str = "/import") -> str:
    (reply,) = await send(fake, OWNER, caption, document=(name, content))
    return reply.plain_text


async def test_export_then_import_round_trip_loses_nothing(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        for url in ("http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"):
            await command(fake, OWNER, f"/feed add {url} --paused")  # nothing listens there
        await command(fake, OWNER, "/track Ali Larijani | Larijani, لاریجانی")
        with db.session() as s:
            watchlist_before = wl_store.load_watchlist(s)
            feeds_before = [(f.url, f.title) for f in feed_store.list_feeds(s)]

        assert "only briefbot admins" in await command(fake, USER, "/export")
        assert "Usage: /export" in await command(fake, OWNER, "/export yaml")
        files = await export_files(fake)
        assert set(files) == {"watchlist.toml", "feeds.opml"}
        captions = [d.caption or "" for d in fake.documents[-2:]]
        assert any(c.startswith("Watchlist: 15 officials and 4 topics.") for c in captions), captions
        exported = tomllib.loads(files["watchlist.toml"].decode())
        assert len(exported["officials"]) == 15 and len(exported["topics"]) == 4
        assert [f.url for f in parse_opml(files["feeds.opml"])] == [u for u, _ in feeds_before]

        # Lose things, then bring them back from the exported files.
        await command(fake, OWNER, "/untrack Ali Larijani")
        await command(fake, OWNER, "/unalias Abbas Araghchi | Araghchi")
        await command(fake, OWNER, "/feed remove http://127.0.0.1:9/b.xml")
        reply = await import_file(fake, "watchlist.toml", files["watchlist.toml"])
        assert "Added (1): Ali Larijani" in reply and "Changed (1): Abbas Araghchi" in reply
        assert f"Unchanged: {17 + len(exported['gazetteer'])}" in reply and "Refused" not in reply
        reply = await import_file(fake, "feeds.opml", files["feeds.opml"])
        assert "Added (1): http://127.0.0.1:9/b.xml" in reply and "Already present: 1" in reply
        with db.session() as s:
            assert wl_store.load_watchlist(s) == watchlist_before
            assert sorted((f.url, f.title) for f in feed_store.list_feeds(s)) == sorted(feeds_before)
        assert "Nothing needed changing" in await import_file(fake, "watchlist.toml", files["watchlist.toml"])
        again = await export_files(fake)
        assert again == files
    with db.session() as s:
        actions = [e.action for e in admin_store.latest_actions(s)]
    assert "watchlist.import" in actions and "feed.import" in actions


async def test_import_validates_everything_first_and_reports_refusals(fake_telegram, sqlite_db, clock):
    fake, db = fake_telegram, sqlite_db
    async with running_app(make_settings(fake, str(db.engine.url)), db, clock):
        with db.session() as s:
            before = wl_store.load_watchlist(s)
        assert "only briefbot admins" in await command(fake, USER, "/import")
        usage = await command(fake, OWNER, "/import")
        assert "Attach a watchlist .toml" in usage and "Usage: /import [replace]" in usage

        for name, content, why in [
            ("watchlist.toml", b"[[officials]\nname = 'x'", "not valid TOML"),
            ("watchlist.toml", b"\xff\xfe", "not UTF-8"),
            ("watchlist.toml", b"[settings]\nx = 1", "unknown top-level key settings"),
            ("feeds.opml", b"<rss><channel/></rss>", "expected an <opml> root element"),
        ]:
            reply = await import_file(fake, name, content)
            assert why in reply and "Nothing was changed" in reply, reply

        data = {
            "officials": [
                {"name": "Ali Larijani", "aliases": ["Larijani"], "roles": []},
                {"name": "Bad Alias", "aliases": ["the"]},
                {"name": "Ali Larijani", "aliases": ["Ali Larijani"]},
            ],
            "topics": [{"name": "enrichment", "groups": [["enrichment", "centrifuge*"]]},
                       {"name": "broken", "groups": [["x*"]]}],
        }
        reply = await import_file(fake, "mine.toml", tomli_w.dumps(data).encode())
        assert "Added (2): Ali Larijani, enrichment" in reply and "Refused (3):" in reply
        assert "• Bad Alias: official 'Bad Alias', alias 1: alias 'the' refused" in reply
        assert "• Ali Larijani: appears twice in the file" in reply and "• broken: topic 'broken'" in reply

        # replace: what the file lacks is removed, but never what it names in a refused entry
        keep = {"officials": [{"name": "Abbas Araghchi", "aliases": ["Abbas Araghchi", "the"]},
                              {"name": "Steve Witkoff", "aliases": ["Steve Witkoff", "Witkoff"]}],
                "topics": [{"name": "sanctions", "groups": [["sanction*"]]}]}
        reply = await import_file(fake, "w.toml", tomli_w.dumps(keep).encode(), caption="/import replace")
        assert "Removed (" in reply and "Abbas Araghchi" not in reply.split("Removed")[1].split("\n")[0]
        with db.session() as s:
            after = wl_store.load_watchlist(s)
        assert {o.name for o in after.officials} == {"Abbas Araghchi", "Steve Witkoff"}
        assert {t.name for t in after.topics} == {"sanctions"}
        assert next(o for o in after.officials if o.name == "Abbas Araghchi") == \
            next(o for o in before.officials if o.name == "Abbas Araghchi")

        opml = (b'<?xml version="1.0"?><opml version="2.0"><body>'
                b'<outline text="ok" xmlUrl="http://127.0.0.1:9/ok.xml"/>'
                b'<outline text="ftp" xmlUrl="ftp://example.org/feed"/></body></opml>')
        reply = await import_file(fake, "list.xml", opml)
        assert "Added (1): http://127.0.0.1:9/ok.xml" in reply and "Refused (1):" in reply
        assert "ftp://example.org/feed: only http:// and https:// URLs are supported" in reply

        # /import as a reply to a message that carries the file works too
        doc = fake.user_message(OWNER, None, document=("again.opml", opml))["message"]
        reply = await command(fake, OWNER, "/import", reply_to_message=doc)
        assert "Already present: 1" in reply
        assert "Usage: /import" in await command(fake, OWNER, "/import everything", reply_to_message=doc)
