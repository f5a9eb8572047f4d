"""Full text for teasers: local pages full of furniture; what reaches the summary is prose."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from jobs.detector import DetectorCache
from jobs.fetch import make_client
from jobs.ingest import IngestOptions, run_ingest
from storage import feeds as feed_store
from storage.defaults import load_defaults_once
from storage.tables import Article
from tests.fakes.feed_server import rss

NOW = datetime(2026, 11, 20, 9, tzinfo=UTC)
OPTIONS = IngestOptions(poll_seconds=60, allow_private=True)
FURNITURE = [
    "Sign up for our newsletter to get the top stories in your inbox every morning.",
    "Subscribe now and get unlimited access for just $1 a week.",
    "Follow us on Twitter and Facebook",
    "Read more: Iran's currency hits a record low",
    "Advertisement",
    "© 2026 Gulf Wire Media. All rights reserved.",
    "Cookies help us deliver our services. By using our site you accept cookies.",
]
BODY = [
    "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held a new round of indirect talks in "
    "Muscat on Friday, with Omani mediators carrying messages between the delegations.",
    "Sign up for our newsletter to get the top stories in your inbox every morning.",
    "\u201cThe atmosphere was constructive and we agreed to meet again next week,\u201d Araghchi told state "
    "television after the session, which lasted more than four hours.",
    "Officials briefed on the meeting said the talks focused on the sequencing of sanctions relief and on "
    "limits to uranium enrichment, the two issues that ended earlier rounds.",
    "Oman's foreign minister Badr Albusaidi said both sides had shown seriousness and that his country would "
    "keep hosting the negotiations for as long as they were useful.",
]


def page(title: str) -> str:
    nav = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(12))
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    aside = "".join(f"<div class='promo'><p>{f}</p></div>" for f in FURNITURE)
    return (f"<html><head><title>{title} | Gulf Wire</title></head><body><header><nav><ul>{nav}</ul></nav>"
            f"<div class='newsletter'>{FURNITURE[0]}<form><input name='email'><button>Subscribe</button></form></div>"
            f"</header><main><article><h1>{title}</h1><p class='byline'>By Staff Writer · 20 November 2026</p>"
            f"{paras}<div class='share'>Share this article: Facebook Twitter WhatsApp Email</div></article>"
            f"<aside>{aside}</aside></main><footer><p>{FURNITURE[5]}</p><p>{FURNITURE[6]}</p></footer></body></html>")


def teaser(server, n: int, path: str) -> dict:
    return {"title": "Araghchi and Witkoff hold indirect talks in Muscat", "link": server.url(path),
            "guid": f"t{n}", "description": f"Iran and the US held talks in Oman (report {n}). Read more…", "pubDate": NOW}


async def ingest(db, now):
    async with make_client(connect_timeout=2, read_timeout=2) as client:
        return await run_ingest(db, client, now, DetectorCache(), OPTIONS)


async def test_teaser_gets_page_text_and_boilerplate_never_reaches_the_summary(db, feed_server):
    feed_server.set_page("/article/1", page("Araghchi and Witkoff hold indirect talks in Muscat"))
    feed_server.set_feed("/rss", rss([]))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/rss"), NOW)
    await ingest(db, NOW)  # first fetch
    feed_server.set_feed("/rss", rss([teaser(feed_server, 1, "/article/1")]))
    await ingest(db, NOW + timedelta(minutes=2))
    await ingest(db, NOW + timedelta(minutes=4))  # the entry is known now: the page is not fetched again
    assert feed_server.hits("/article/1") == 1
    assert "text/html" in feed_server.requests("/article/1")[0]["accept"]
    with db.session() as s:
        (article,) = s.exec(select(Article)).all()
    assert article.text_source == "page" and "Albusaidi" in article.text
    assert article.story_id is not None  # detection ran on the full text
    assert 0 < len(article.summary) <= 500 and "Muscat" in article.summary
    for junk in ("newsletter", "Subscribe", "Follow us", "Read more", "Advertisement", "rights reserved",
                 "cookies", "Share this"):
        assert junk.lower() not in article.summary.lower(), junk


async def test_full_text_off_first_fetch_and_broken_pages_keep_the_teaser(db, feed_server):
    feed_server.set_page("/article/2", page("Talks in Muscat"))
    feed_server.set_page("/article/3", page("Talks in Muscat"))
    feed_server.set_page("/article/4", page("Talks in Muscat"))
    feed_server.set_status("/article/404", 404)
    feed_server.set_oversize("/article/huge", 5 * 1024 * 1024)
    feed_server.set_feed("/off", rss([teaser(feed_server, 9, "/article/3")]))
    feed_server.set_feed("/on", rss([teaser(feed_server, 10, "/article/2")]))
    with db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/off"), NOW)
        feed_store.add_feed(s, feed_server.url("/on"), NOW)
        assert feed_store.set_feed_full_text(s, feed_server.url("/off"), False)
    await ingest(db, NOW)
    assert feed_server.hits("/article/2") == feed_server.hits("/article/3") == 0  # history on a first fetch is not expanded
    items = [teaser(feed_server, n, p) for n, p in ((11, "/article/4"), (12, "/article/404"), (13, "/article/huge"))]
    feed_server.set_feed("/off", rss(items[:1] + [teaser(feed_server, 9, "/article/3")]))
    feed_server.set_feed("/on", rss(items[1:] + [teaser(feed_server, 10, "/article/2")]))
    runs = await ingest(db, NOW + timedelta(minutes=2))
    assert all(r.status == "new" for r in runs)
    assert feed_server.hits("/article/4") == 0 and feed_server.hits("/article/404") == 1
    assert feed_server.hits("/article/huge") == 1
    with db.session() as s:
        sources = {a.guid: a.text_source for a in s.exec(select(Article))}
    assert sources == {"t9": "feed", "t10": "feed", "t11": "feed", "t12": "feed", "t13": "feed"}


async def test_page_fetches_per_feed_are_capped_newest_first(sqlite_db, feed_server):
    """Issue 13 row 5: a feed update of 40 teasers costs at most MAX_PAGES_PER_FEED page requests."""
    from jobs.fulltext import MAX_PAGES_PER_FEED

    feed_server.set_feed("/many", rss([teaser(feed_server, 0, "/article/0")]))
    with sqlite_db.session() as s:
        load_defaults_once(s, NOW, feeds=False)
        feed_store.add_feed(s, feed_server.url("/many"), NOW)
    await ingest(sqlite_db, NOW)  # first fetch: history
    items = []
    for n in range(1, 41):
        feed_server.set_page(f"/article/{n}", page(f"Talks in Muscat, part {n}"))
        items.append(dict(teaser(feed_server, n, f"/article/{n}"), pubDate=NOW + timedelta(minutes=n)))
    feed_server.set_feed("/many", rss(items))
    (run,) = await ingest(sqlite_db, NOW + timedelta(hours=1))
    assert run.new_items == 40
    fetched = [n for n in range(1, 41) if feed_server.hits(f"/article/{n}")]
    assert fetched == list(range(41 - MAX_PAGES_PER_FEED, 41))  # the newest ones
    with sqlite_db.session() as s:
        pages = sum(1 for a in s.exec(select(Article)) if a.text_source == "page")
    assert pages == MAX_PAGES_PER_FEED
