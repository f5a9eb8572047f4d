"""fetch_url against a local server: every fault becomes a FetchResult, never an exception."""

import socket
import time
import tracemalloc
from datetime import UTC, datetime

import httpx
import pytest

from jobs.fetch import USER_AGENT, fetch_url, make_client
from tests.fakes.feed_server import rss

FEED = rss([{"title": "Talks resume", "link": "https://news.example/1", "guid": "1"}])
LAST_MODIFIED = "Sat, 12 Apr 2025 08:00:00 GMT"


@pytest.fixture
async def client():
    async with make_client(connect_timeout=1, read_timeout=0.3) as c:
        yield c


async def fetch(client, server, path, **kwargs):
    return await fetch_url(client, server.url(path), allow_private=True, **kwargs)


async def test_ok_records_body_validators_and_sends_user_agent(client, feed_server):
    feed_server.set_feed("/rss", FEED, etag='"v1"', last_modified=LAST_MODIFIED)
    result = await fetch(client, feed_server, "/rss")
    assert result.status == "ok" and result.ok
    assert result.content == FEED
    assert result.http_status == 200
    assert result.etag == '"v1"' and result.last_modified == LAST_MODIFIED
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.final_url == feed_server.url("/rss")
    assert result.error is None
    sent = feed_server.requests("/rss")[0]
    assert sent["user-agent"] == USER_AGENT == "briefbot/0.1 (+https://github.com/briefbot/briefbot)"
    assert "application/rss+xml" in sent["accept"]
    assert "if-none-match" not in sent and "if-modified-since" not in sent


async def test_304_when_etag_matches_keeps_validators(client, feed_server):
    feed_server.set_feed("/rss", FEED, etag='"v1"', last_modified=LAST_MODIFIED)
    result = await fetch(client, feed_server, "/rss", etag='"v1"', last_modified=LAST_MODIFIED)
    assert result.status == "not_modified"
    assert result.content == b"" and result.http_status == 304 and result.error is None
    assert (result.etag, result.last_modified) == ('"v1"', LAST_MODIFIED)
    sent = feed_server.requests("/rss")[0]
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == LAST_MODIFIED


async def test_304_by_last_modified_alone(client, feed_server):
    feed_server.set_feed("/rss", FEED, last_modified=datetime(2025, 4, 12, 8, tzinfo=UTC))
    result = await fetch(client, feed_server, "/rss", last_modified=LAST_MODIFIED)
    assert result.status == "not_modified"
    assert result.last_modified == LAST_MODIFIED and result.etag is None


async def test_changed_feed_returns_new_validators(client, feed_server):
    feed_server.set_feed("/rss", FEED, etag='"v2"')
    result = await fetch(client, feed_server, "/rss", etag='"v1"')
    assert result.status == "ok" and result.etag == '"v2"' and result.content == FEED


@pytest.mark.parametrize(
    ("status", "text", "permanent"),
    [
        (500, "HTTP 500 Internal Server Error", False),
        (503, "HTTP 503 Service Unavailable", False),
        (403, "HTTP 403 Forbidden", False),
        (404, "HTTP 404 Not Found", True),
        (410, "HTTP 410 Gone", True),
    ],
)
async def test_http_errors(client, feed_server, status, text, permanent):
    feed_server.set_status("/rss", status)
    result = await fetch(client, feed_server, "/rss")
    assert (result.status, result.error, result.http_status, result.permanent) == ("error", text, status, permanent)
    assert result.content == b""


async def test_read_timeout(client, feed_server):
    feed_server.set_feed("/rss", FEED)
    feed_server.set_slow("/rss", 2)
    result = await fetch(client, feed_server, "/rss")
    assert result.status == "error"
    assert result.error == f"timed out after 0.3 s reading {feed_server.url('/rss')}"
    assert not result.permanent


async def test_total_timeout_bounds_a_slow_fetch(feed_server):
    feed_server.set_feed("/rss", FEED)
    feed_server.set_slow("/rss", 2)
    async with make_client(read_timeout=5) as slow_client:
        result = await fetch(slow_client, feed_server, "/rss", total_timeout=0.2)
    assert result.error == f"took longer than 0.2 s in total fetching {feed_server.url('/rss')}; gave up"


async def test_streamed_oversize_stops_reading(client, feed_server):
    feed_server.set_oversize("/big", 11 * 1024 * 1024)
    result = await fetch(client, feed_server, "/big")
    assert result.status == "error"
    assert result.error == "response larger than 10 MB; stopped reading"
    assert result.content == b"" and result.http_status == 200


async def test_declared_oversize_is_refused_before_reading(client, feed_server):
    feed_server.set_feed("/rss", b"x" * 5000)
    result = await fetch(client, feed_server, "/rss", max_bytes=4096)
    assert result.error == "response larger than 4 KB; stopped reading"


async def test_redirects_are_followed_and_final_url_reported(client, feed_server):
    feed_server.set_redirect("/old", "/older", status=301)
    feed_server.set_redirect("/older", feed_server.url("/rss"))
    feed_server.set_feed("/rss", FEED)
    result = await fetch(client, feed_server, "/old")
    assert result.status == "ok" and result.content == FEED
    assert result.final_url == feed_server.url("/rss")


async def test_redirect_loop_stops_after_five(client, feed_server):
    feed_server.set_redirect("/a", "/b")
    feed_server.set_redirect("/b", "/a")
    result = await fetch(client, feed_server, "/a")
    assert result.status == "error"
    assert result.error.startswith("too many redirects (more than 5)")
    assert feed_server.hits("/a") + feed_server.hits("/b") == 6


async def test_five_redirects_are_fine_six_are_not(client, feed_server):
    for i in range(6):
        feed_server.set_redirect(f"/r{i}", f"/r{i + 1}")
    feed_server.set_feed("/r6", FEED)
    assert (await fetch(client, feed_server, "/r1")).status == "ok"
    assert "too many redirects" in (await fetch(client, feed_server, "/r0")).error


async def test_redirect_into_private_network_is_refused(monkeypatch):
    """A public feed must not bounce the bot to 127.0.0.1 (or a metadata endpoint)."""
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "public.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    seen = []

    def handler(request):
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as mock_client:
        result = await fetch_url(mock_client, "https://public.example/feed")
    assert seen == ["https://public.example/feed"]
    assert result.status == "error" and result.permanent
    assert result.error == (
        "refused http://127.0.0.1:8080/admin: 127.0.0.1 is a loopback address; "
        "set BRIEFBOT_ALLOW_PRIVATE_URLS=true to allow it"
    )


async def test_private_url_refused_without_a_request(client, feed_server):
    feed_server.set_feed("/rss", FEED)
    result = await fetch_url(client, feed_server.url("/rss"))
    assert result.status == "error" and result.permanent
    assert "127.0.0.1 is a loopback address" in result.error
    assert feed_server.hits("/rss") == 0


async def test_non_http_scheme(client):
    result = await fetch_url(client, "ftp://feeds.example/rss")
    assert result.status == "error" and result.permanent
    assert "only http:// and https:// URLs are supported" in result.error


async def test_unresolvable_host_is_a_retryable_error(client):
    result = await fetch_url(client, "https://no-such-feed.invalid/rss")
    assert result.status == "error" and not result.permanent
    assert "cannot resolve the host name no-such-feed.invalid" in result.error
    assert not result.error.startswith("refused")  # nothing refused it: the name did not resolve


async def test_connection_refused(client):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/rss"
    result = await fetch_url(client, url, allow_private=True)
    assert result.status == "error" and not result.permanent
    assert result.error == f"connection refused by {url}"


async def test_article_pages_use_the_same_fetcher(client, feed_server):
    feed_server.set_page("/story", "<html><body><p>Full story</p></body></html>")
    result = await fetch(client, feed_server, "/story", accept="text/html")
    assert result.ok and b"Full story" in result.content
    assert result.headers["content-type"].startswith("text/html")
    assert feed_server.requests("/story")[0]["accept"] == "text/html"


@pytest.mark.parametrize("encodings", [["gzip"], ["deflate"], ["gzip", "deflate"], ["gzip", "gzip"]])
async def test_compressed_feeds_are_decoded(client, feed_server, encodings):
    feed_server.set_encoded("/rss", FEED, encodings)
    result = await fetch(client, feed_server, "/rss")
    assert result.status == "ok" and result.content == FEED
    assert feed_server.requests("/rss")[0]["accept-encoding"] == "gzip, deflate"


def _peak_during(coro_factory):
    async def run():
        tracemalloc.start()
        try:
            result = await coro_factory()
            return result, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return run()


@pytest.mark.parametrize("encodings", [["gzip"], ["gzip", "gzip"], ["deflate", "gzip", "gzip"]])
async def test_decompression_bomb_stops_at_the_cap_without_inflating(client, feed_server, encodings):
    """Issue 13 row 1: 64 MB of zeros sent as a few KB; the cap counts decoded bytes as they appear."""
    feed_server.set_encoded("/bomb", b"\0" * (64 * 1024 * 1024), encodings)
    result, peak = await _peak_during(lambda: fetch(client, feed_server, "/bomb", max_bytes=1024 * 1024))
    assert result.error == "response larger than 1 MB; stopped reading"
    assert peak < 6 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while refusing a bomb"


async def test_full_text_page_bomb_is_refused_too(client, feed_server):
    from jobs.fulltext import fetch_main_text

    feed_server.set_encoded("/page", b"<p>" + b"a" * (64 * 1024 * 1024), ["gzip", "gzip"], content_type="text/html")
    text, peak = await _peak_during(lambda: fetch_main_text(client, feed_server.url("/page"), allow_private=True,
                                                            max_bytes=1024 * 1024))
    assert text == "" and peak < 6 * 1024 * 1024


async def test_unrequested_encoding_is_an_error(client, feed_server):
    feed_server.set_encoded("/rss", FEED, ["gzip"])
    feed_server._routes["/rss"].encoding = "br"
    result = await fetch(client, feed_server, "/rss")
    assert result.status == "error" and "Content-Encoding br" in result.error


async def test_trickling_body_is_ended_by_the_total_deadline(feed_server):
    """Issue 13 row 5: a byte every 50 ms never trips a 0.3 s read timeout; the total deadline ends it."""
    feed_server.set_trickle("/slow", FEED, 0.05)
    async with make_client(connect_timeout=1, read_timeout=0.3) as c:
        started = time.monotonic()
        result = await fetch(c, feed_server, "/slow", total_timeout=1.0)
    assert result.error == f"took longer than 1 s in total fetching {feed_server.url('/slow')}; gave up"
    assert time.monotonic() - started < 2.0


class RebindingResolver:
    """A name that answers a public address the first time and 127.0.0.1 after (DNS rebinding)."""

    def __init__(self, first: str = "93.184.216.34") -> None:
        self.first = first
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [self.first] if self.calls == 1 else ["127.0.0.1"]

    def getaddrinfo(self, host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in self(host, port)]


async def test_rebinding_name_never_reaches_the_private_address(feed_server, monkeypatch):
    """Issue 13 row 4: the address checked is the address connected to; the name is resolved once."""
    rebinding = RebindingResolver()
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda host, *a, **k: rebinding.getaddrinfo(host, *a, **k) if host in ("rebind.example", b"rebind.example")
                        else real(host, *a, **k))
    feed_server.set_feed("/rss", FEED)
    async with make_client(connect_timeout=0.5, read_timeout=0.5) as c:
        result = await fetch_url(c, f"http://rebind.example:{feed_server.port}/rss")
    assert feed_server.hits("/rss") == 0
    assert result.status == "error" and rebinding.calls == 1, (result, rebinding.calls)


async def test_full_text_page_behind_a_rebinding_name_is_not_fetched(feed_server):
    from jobs.fulltext import fetch_main_text

    feed_server.set_page("/internal", "<html><body><p>internal admin page</p></body></html>")
    rebinding = RebindingResolver()
    async with make_client(connect_timeout=0.5, read_timeout=0.5, resolver=rebinding) as c:
        text = await fetch_main_text(c, f"http://rebind.example:{feed_server.port}/internal", allow_private=False)
    assert text == "" and feed_server.hits("/internal") == 0 and rebinding.calls == 1


async def test_name_resolving_privately_is_refused_at_connect(feed_server):
    feed_server.set_feed("/rss", FEED)
    async with make_client(connect_timeout=0.5, read_timeout=0.5, resolver=lambda host, port: ["10.0.0.7"]) as c:
        result = await fetch_url(c, f"http://inside.example:{feed_server.port}/rss")
    assert result.permanent and result.error == (
        f"refused http://inside.example:{feed_server.port}/rss: inside.example resolves to 10.0.0.7, "
        "a private address; set BRIEFBOT_ALLOW_PRIVATE_URLS=true to allow it")


async def test_connects_to_the_resolved_address_with_the_name_as_host(feed_server):
    feed_server.set_feed("/rss", FEED)
    asked = []

    def resolver(host, port):
        asked.append((host, port))
        return ["127.0.0.1"]

    async with make_client(resolver=resolver) as c:
        result = await fetch_url(c, f"http://feeds.example:{feed_server.port}/rss", allow_private=True)
    assert result.status == "ok" and result.content == FEED
    assert asked == [("feeds.example", feed_server.port)]
    assert feed_server.requests("/rss")[0]["host"] == f"feeds.example:{feed_server.port}"
