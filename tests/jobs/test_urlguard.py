"""Only public http(s) URLs pass unless private addresses are explicitly allowed."""

import socket

import pytest

from jobs.urlguard import check_feed_url, check_feed_url_async, judge_url

HINT = "set BRIEFBOT_ALLOW_PRIVATE_URLS=true to allow it"


@pytest.fixture
def fake_dns(monkeypatch):
    """Resolve a few made-up names without touching the network."""
    table = {
        "feed.example": ["127.0.0.1"],
        "intranet.example": ["10.0.0.5"],
        "metadata.example": ["169.254.169.254"],
        "mixed.example": ["93.184.216.34", "192.168.1.1"],
        "public.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
    }

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in table[host]]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://feeds.example/rss", "only http:// and https:// URLs are supported ('ftp://feeds.example/rss' uses ftp://)"),
        ("file:///etc/passwd", "only http:// and https:// URLs are supported"),
        ("javascript:alert(1)", "only http:// and https:// URLs are supported"),
        ("feeds.example/rss", "('feeds.example/rss' has no scheme); give the full address"),
        ("http:///rss", "'http:///rss' has no host name"),
        ("http://feeds.example:99999/", "is not a valid URL"),
    ],
)
def test_malformed_urls_are_refused_with_how_to_fix(url, reason):
    assert reason in check_feed_url(url, allow_private=True)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://feed.example/rss", f"feed.example resolves to 127.0.0.1, a loopback address; {HINT}"),
        ("http://127.0.0.1:8080/rss", f"127.0.0.1 is a loopback address; {HINT}"),
        ("http://[::1]/rss", f"::1 is a loopback address; {HINT}"),
        ("http://intranet.example/", f"intranet.example resolves to 10.0.0.5, a private address; {HINT}"),
        ("http://metadata.example/", "169.254.169.254, a link-local address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("https://mixed.example/", "resolves to 192.168.1.1, a private address"),
        ("http://[::ffff:10.1.1.1]/", "a private address"),
        ("http://0.0.0.0/", "an unspecified address"),
        ("http://100.64.0.1/", "a reserved, non-public address"),
        # IPv6 forms carrying a private IPv4 address (issue 13 row 10)
        ("http://[64:ff9b::7f00:1]/", "a loopback address inside an IPv6 address"),
        ("http://[64:ff9b::a9fe:a9fe]/", "a link-local address inside an IPv6 address"),
        ("http://[64:ff9b:1::a00:5]/", "a private address inside an IPv6 address"),
        ("http://[2002:7f00:1::]/", "a loopback address inside an IPv6 address"),
        ("http://[2002:c0a8:101::1]/", "a private address inside an IPv6 address"),
        ("http://[::127.0.0.1]/", "an IPv4-compatible IPv6 address"),
        ("http://[::10.0.0.1]/", "an IPv4-compatible IPv6 address"),
        ("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "a loopback address inside an IPv6 address"),
    ],
)
def test_private_addresses_are_refused_unless_allowed(fake_dns, url, reason):
    assert reason in check_feed_url(url, allow_private=False)
    assert check_feed_url(url, allow_private=True) is None


def test_public_hosts_pass(fake_dns):
    assert check_feed_url("https://public.example/feed.xml", allow_private=False) is None
    assert check_feed_url("HTTP://93.184.216.34/rss", allow_private=False) is None


def test_unresolvable_host_is_refused_but_not_permanently(fake_dns):
    verdict = judge_url("https://no-such-host.invalid/rss", allow_private=False)
    assert verdict.reason == (
        "cannot resolve the host name no-such-host.invalid (Name or service not known); "
        "check the spelling of the URL, or whether this machine's network is down"
    )
    assert verdict.permanent is False


def test_offline_dns_says_network_not_spelling(monkeypatch):
    def offline(host, port, *args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    reason = check_feed_url("https://news.example/rss", allow_private=False)
    assert reason.startswith("could not resolve the host name news.example (Temporary failure")
    assert "network or DNS down?" in reason and "spelling" not in reason and "refused" not in reason


def test_unresolvable_with_real_resolver():
    """.invalid is reserved (RFC 6761): it never resolves, so no network is needed."""
    assert "cannot resolve the host name nothing.invalid" in check_feed_url("http://nothing.invalid/", False)


async def test_async_variant(fake_dns):
    assert "loopback" in await check_feed_url_async("http://feed.example/", allow_private=False)
    assert await check_feed_url_async("http://feed.example/", allow_private=True) is None


def test_ipv6_forms_of_public_ipv4_addresses_pass():
    assert check_feed_url("http://[64:ff9b::5db8:d822]/rss", allow_private=False) is None  # NAT64 of 93.184.216.34
    assert check_feed_url("http://[2002:5db8:d822::1]/rss", allow_private=False) is None
