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
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlsplit

_ALLOW_HINT = "set BRIEFBOT_ALLOW_PRIVATE_URLS=true to allow it"
_DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Whether the fetch under way may reach private addresses; jobs.fetch sets it per fetch and the
# connect-time guard (jobs.guarded_transport) reads it, in the same task.
private_allowed: ContextVar[bool] = ContextVar("private_allowed", default=False)


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


def judge_url(url: str, allow_private: bool, *, resolve: bool = True) -> UrlVerdict:
    """The full verdict on ``url``: scheme, host, port, then every address it resolves to.

    With ``resolve=False`` only what the URL itself says is judged (a literal IP is still
    checked); the fetcher resolves once, at connect time, and vets there (jobs.guarded_transport).
    """
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
    if _ip_or_none(host) is None and not resolve:
        return UrlVerdict(None)
    try:
        resolve_and_vet(host, port or _DEFAULT_PORTS[scheme], allow_private)
    except AddressRefused as e:
        return UrlVerdict(e.reason, permanent=e.permanent)
    return UrlVerdict(None)


class AddressRefused(Exception):
    """A host the bot must not connect to, or cannot resolve (``permanent`` False)."""

    def __init__(self, reason: str, permanent: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order (blocking)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def resolve_and_vet(host: str, port: int, allow_private: bool, resolver: Resolver | None = None) -> list[str]:
    """The addresses to connect to for ``host``, each one checked; raises :class:`AddressRefused`.

    One resolution serves both the check and the connection, so a name that answers a
    public address first and a private one next (DNS rebinding) gains nothing.
    """
    literal = _ip_or_none(host)
    if literal is not None:
        found: list[IPAddress | None] = [literal]
    else:
        try:
            found = [_ip_or_none(a) for a in (resolver or system_resolver)(host, port)]
        except (OSError, UnicodeError) as e:
            raise AddressRefused(_unresolved(host, e), permanent=False) from e
        if not found:
            raise AddressRefused(f"the host name {host} has no addresses", permanent=False)
    if not allow_private:
        for address in found:
            kind = non_public_kind(address) if address is not None else "an unparseable address"
            if kind:
                where = f"{host} is" if literal is not None else f"{host} resolves to {address},"
                raise AddressRefused(f"{where} {kind}; {_ALLOW_HINT}")
    return [str(a) for a in found if a is not None]


def _unresolved(host: str, error: BaseException) -> str:
    """What a failed lookup means: DNS answering "no such name" points at the spelling;
    anything else (no answer at all, the usual offline case) at the network."""
    detail = error.args[1] if isinstance(error, socket.gaierror) and len(error.args) > 1 else str(error)
    if isinstance(error, socket.gaierror) and error.args and error.args[0] == socket.EAI_NONAME:
        return (f"cannot resolve the host name {host} ({detail}); check the spelling of the URL, "
                "or whether this machine's network is down")
    return f"could not resolve the host name {host} ({detail}): network or DNS down? It is tried again later"


def _ip_or_none(text: str) -> IPAddress | None:
    try:
        # Drop an IPv6 zone id ("fe80::1%eth0"); it does not change the address class.
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated "::a.b.c.d"; ::1 and :: are in it too


def non_public_kind(address: IPAddress) -> str | None:
    """A name for the class of a non-public address, or None for a public one.

    IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, 6to4 2002::/16, Teredo,
    NAT64 64:ff9b::/96) are judged by the IPv4 address inside, which is where a packet ends up.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address in _IPV4_COMPATIBLE and int(address) > 1:
            return "an IPv4-compatible IPv6 address (deprecated, embeds an IPv4 address)"
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            kind = non_public_kind(embedded)
            return f"{kind} inside an IPv6 address" if kind else None
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


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in net for net in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None
