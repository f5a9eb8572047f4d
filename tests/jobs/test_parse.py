"""parse_feed: RSS and Atom to clean FeedEntry values; non-feeds become an error value."""

from datetime import UTC, datetime

import pytest

from core.model import FeedEntry
from jobs.fetch import fetch_url, make_client
from jobs.parse import parse_feed
from tests.fakes.feed_server import atom, rss

URL = "https://news.example/feeds/world.xml"
RSS_HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}
WHEN = datetime(2025, 4, 12, 10, 30, tzinfo=UTC)

ITEM = {
    "title": "Araghchi &amp; Witkoff <b>meet</b> in Muscat",
    "link": "/news/oman-talks",
    "guid": "urn:news:1",
    "description": "<p>Teaser only.</p>",
    "content": (
        "<div><p>Iran and the US held   <b>indirect</b> talks.</p>"
        "<script>track()</script><figure><img src='a.jpg'><figcaption>Photo: AP</figcaption></figure>"
        "<p>Oman&#39;s foreign minister shuttled between rooms.</p></div>"
    ),
    "pubDate": WHEN,
    "author": "Jane Doe",
}
EXPECTED = FeedEntry(
    guid="urn:news:1",
    link="https://news.example/news/oman-talks",
    title="Araghchi & Witkoff meet in Muscat",
    text="Iran and the US held indirect talks.\n\nOman's foreign minister shuttled between rooms.",
    published=WHEN,
    author="Jane Doe",
)
PERSIAN = {
    "title": "عراقچی: مذاکرات غیرمستقیم در مسقط ادامه دارد",
    "link": "https://fa.news.example/1",
    "description": "<p>وزیر امور خارجه گفت‌وگو با ویتکاف را «سازنده» خواند.</p>",
}


@pytest.mark.parametrize("build", [rss, atom], ids=["rss", "atom"])
def test_entries_are_clean_plain_text(build):
    parsed = parse_feed(build([ITEM], title="World &amp; Middle East"), RSS_HEADERS, URL)
    assert parsed.error is None
    assert parsed.title == "World & Middle East"
    assert parsed.entries == (EXPECTED,)
    assert parsed.entries[0].published.tzinfo is UTC


@pytest.mark.parametrize("build", [rss, atom], ids=["rss", "atom"])
def test_persian_text_is_preserved(build):
    (entry,) = parse_feed(build([PERSIAN]), {}, URL).entries
    assert entry.title == PERSIAN["title"]
    assert entry.text == "وزیر امور خارجه گفت\u200cوگو با ویتکاف را «سازنده» خواند."


def test_summary_used_when_no_content():
    feed = rss([{"title": "t", "description": "Line one.\n\n  Line &lt;two&gt;."}, {"title": "only title"}])
    first, second = parse_feed(feed, RSS_HEADERS, URL).entries
    assert first.text == "Line one. Line <two>."  # RSS descriptions are HTML: newlines are spaces
    assert (second.title, second.text, second.guid, second.link, second.published) == ("only title", "", None, None, None)


def test_updated_date_used_when_no_published_date():
    feed = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        b"<entry><id>tag:x,2025:1</id><title>t</title><updated>2025-04-12T12:00:00+02:00</updated></entry></feed>"
    )
    (entry,) = parse_feed(feed, {"content-type": "application/atom+xml"}, URL).entries
    assert entry.published == datetime(2025, 4, 12, 10, 0, tzinfo=UTC)


def test_unsafe_link_schemes_are_dropped():
    feed = rss([{"title": "t", "link": "javascript:alert(1)"}])
    assert parse_feed(feed, RSS_HEADERS, URL).entries[0].link is None


def test_wrong_declared_encoding_is_still_accepted():
    body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf\xe9</title>'
    body += '<item><title>Caf\xe9 talks</title><guid isPermaLink="false">1</guid></item></channel></rss>'
    parsed = parse_feed(body.encode("latin-1"), {"content-type": "application/rss+xml"}, URL)
    assert parsed.error is None
    assert len(parsed.entries) == 1 and parsed.entries[0].guid == "1"


def test_bozo_feed_with_entries_keeps_them():
    feed = rss([{"title": "a", "guid": "1"}, {"title": "b", "guid": "2"}])
    parsed = parse_feed(feed[: feed.rindex(b"</item>")], RSS_HEADERS, URL)
    assert parsed.error is None
    assert [e.guid for e in parsed.entries] == ["1", "2"]


def test_unescaped_ampersand_is_tolerated():
    feed = b'<rss version="2.0"><channel><title>A & B</title><item><title>x & y</title></item></channel></rss>'
    parsed = parse_feed(feed, RSS_HEADERS, URL)
    assert (parsed.error, parsed.title, parsed.entries[0].title) == (None, "A & B", "x & y")


def test_valid_feed_without_items_is_not_an_error():
    parsed = parse_feed(rss([], title="Quiet"), {}, URL)
    assert (parsed.title, parsed.entries, parsed.error) == ("Quiet", (), None)


@pytest.mark.parametrize(
    ("content", "headers", "error"),
    [
        (b"", RSS_HEADERS, "not an RSS or Atom feed: the response is empty"),
        (b"  \n", RSS_HEADERS, "not an RSS or Atom feed: the response is empty"),
        (
            b"<!DOCTYPE html><html><head><title>News</title></head><body><p>hi</p></body></html>",
            {"content-type": "text/html; charset=utf-8"},
            "not an RSS or Atom feed: the URL returns an HTML page; use the feed's own address",
        ),
        (b'{"items": []}', {"content-type": "application/json"}, "not an RSS or Atom feed: malformed XML at line"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>',
            RSS_HEADERS,
            "not an RSS or Atom feed: malformed XML at line 1, column 83 (no element found)",
        ),
        (b"<?xml version='1.0'?><note><to>x</to></note>", {"content-type": "text/xml"}, "not an RSS or Atom feed: no <rss>, <feed> or <rdf:RDF> root element"),
    ],
)
def test_not_a_feed(content, headers, error):
    parsed = parse_feed(content, headers, URL)
    assert parsed.error.startswith(error)
    assert parsed.entries == () and parsed.title is None


def test_bytes_naming_a_local_file_are_not_opened(tmp_path):
    """feedparser opens a bare bytes argument as a path if it can; a hostile body must not."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss([{"title": "local secret", "guid": "s"}]))
    parsed = parse_feed(str(secret).encode(), {}, URL)
    assert parsed.entries == () and parsed.error


async def test_fetch_then_parse_a_malformed_feed(feed_server):
    """End to end: the download succeeds, the document is what fails."""
    feed_server.set_feed("/broken", b'<rss version="2.0"><channel><title>T</title><item><title>x</ti')
    async with make_client() as client:
        fetched = await fetch_url(client, feed_server.url("/broken"), allow_private=True)
    assert fetched.ok
    parsed = parse_feed(fetched.content, fetched.headers, fetched.final_url)
    assert parsed.error.startswith("not an RSS or Atom feed: malformed XML")


def test_control_characters_and_surrogates_are_removed_at_the_parse_edge():
    body = rss([{"title": "TITLE", "link": "https://news.example/1", "guid": "1", "description": "BODY"}])
    body = body.replace(b"TITLE", b"Talks&#xD800; &#55296;resume&#0;\x01").replace(b"BODY", b"In &#x1b;Oman&#x0;")
    (entry,) = parse_feed(body, RSS_HEADERS, URL).entries
    assert (entry.title, entry.text) == ("Talks resume", "In Oman")


def test_an_entry_that_still_fails_is_skipped_and_said_why(monkeypatch):
    import jobs.parse

    real = jobs.parse._published

    def broken(raw):
        if raw.get("id") == "2":
            raise OverflowError("date value out of range")
        return real(raw)

    monkeypatch.setattr(jobs.parse, "_published", broken)
    body = rss([{"title": f"Item {i}", "link": f"https://news.example/{i}", "guid": str(i)} for i in (1, 2, 3)])
    parsed = parse_feed(body, RSS_HEADERS, URL)
    assert [e.guid for e in parsed.entries] == ["1", "3"] and parsed.error is None
    assert parsed.skipped == ("entry 2 skipped: OverflowError: date value out of range",)


def test_far_future_dates_are_clamped_to_now():
    """Issue 13 row 10: a year-9999 item must not sit on top of /latest for ever."""
    now = datetime(2026, 11, 20, 9, tzinfo=UTC)
    body = rss([{"title": "Forever first", "link": "https://news.example/1", "guid": "1"},
                {"title": "Tomorrow morning", "link": "https://news.example/2", "guid": "2",
                 "pubDate": datetime(2026, 11, 20, 20, tzinfo=UTC)}])
    body = body.replace(b"<guid", b"<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate><guid", 1)
    first, second = parse_feed(body, RSS_HEADERS, URL, now).entries
    assert first.published == now
    assert second.published == datetime(2026, 11, 20, 20, tzinfo=UTC)  # hours ahead is left alone
    assert parse_feed(body, RSS_HEADERS, URL).entries[0].published.year == 9999


def test_known_entries_are_left_out_before_their_text_is_read():
    asked = []

    def known(keys):
        asked.extend(keys)
        return [guid == "urn:news:1" for guid, _link in keys]

    parsed = parse_feed(rss([ITEM, PERSIAN]), RSS_HEADERS, URL, known=known)
    assert asked == [("urn:news:1", EXPECTED.link), (None, PERSIAN["link"])]
    assert [e.title for e in parsed.entries] == [PERSIAN["title"]]
    everything_known = parse_feed(rss([ITEM]), RSS_HEADERS, URL, known=lambda keys: [True] * len(keys))
    assert (everything_known.error, everything_known.entries) == (None, ())
