"""Refuse feed URLs that would let the bot reach into its own network.

A feed URL comes from an admin, an OPML upload or a redirect chosen by a remote site. Left
unchecked, it could point at localhost admin pages or cloud metadata endpoints
(169.254.169.254), so anything that is not public http(s) is refused unless the operator
opts in with BRIEFBOT_ALLOW_PRIVATE_URLS (tests, intranet feeds).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

_ALLOW_HINT = "set BRIEFBOT_ALLOW_PRIVATE_URLS=true to allow it"
_DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class UrlVerdict:
    """Why a URL is refused, and whether retrying later could change the answer.

    ``permanent`` is False only for name-resolution failures: DNS can be down for a
    moment, so the fetcher treats that as an ordinary, retryable error.
    """

    reason: str | None
    permanent: bool = True


def check_feed_url(url: str, allow_private: bool) -> str | None:
    """None if the bot may fetch ``url``, else a sentence saying why not and what to do."""
    return judge_url(url, allow_private).reason


async def check_feed_url_async(url: str, allow_private: bool) -> str | None:
    """:func:`check_feed_url` without blocking the event loop on DNS."""
    return await asyncio.to_thread(check_feed_url, url, allow_private)


async def judge_url_async(url: str, allow_private: bool) -> UrlVerdict:
    """:func:`judge_url` without blocking the event loop on DNS."""
    return await asyncio.to_thread(judge_url, url, allow_private)


def judge_url(url: str, allow_private: bool) -> UrlVerdict:
    """The full verdict on ``url``: scheme, host, port, then every address it resolves to."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        return UrlVerdict(f"{url!r} is not a valid URL ({e}); check it for typos")
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        shown = f"uses {scheme}://" if scheme else "has no scheme"
        return UrlVerdict(
            f"only http:// and https:// URLs are supported ({url!r} {shown}); "
            "give the full address, e.g. https://example.com/feed.xml"
        )
    host = parts.hostname
    if not host:
        return UrlVerdict(f"{url!r} has no host name; give the full address, e.g. https://example.com/feed.xml")

    literal = _ip_or_none(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port or _DEFAULT_PORTS[scheme], type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as e:
            detail = e.args[1] if isinstance(e, socket.gaierror) and len(e.args) > 1 else str(e)
            return UrlVerdict(
                f"cannot resolve the host name {host} ({detail}); check the spelling of the URL",
                permanent=False,
            )
        addresses = list(dict.fromkeys(_ip_or_none(info[4][0]) for info in infos))
    if allow_private:
        return UrlVerdict(None)
    for address in addresses:
        kind = _non_public_kind(address) if address is not None else "an unparseable address"
        if kind:
            where = f"{host} is" if literal is not None else f"{host} resolves to {address},"
            return UrlVerdict(f"{where} {kind}; {_ALLOW_HINT}")
    return UrlVerdict(None)


def _ip_or_none(text: str) -> IPAddress | None:
    try:
        # Drop an IPv6 zone id ("fe80::1%eth0"); it does not change the address class.
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def _non_public_kind(address: IPAddress) -> str | None:
    """A name for the class of a non-public address, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private address"
    if not address.is_global:
        return "a reserved, non-public address"
    return None
