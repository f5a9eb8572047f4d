"""A local HTTP server that plays the part of news sites in tests.

Each path is programmed with one behaviour (a feed with validators, an HTTP status, a
redirect, an endless body, an article page), optionally delayed, and every request's
headers are recorded so tests can assert what the fetcher sent. It listens on 127.0.0.1
on a random port, so tests never touch the network.
"""

from __future__ import annotations

import asyncio
import gzip
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from xml.sax.saxutils import escape, quoteattr

from aiohttp import web

_CHUNK = 64 * 1024


@dataclass
class _Route:
    kind: str  # "feed", "status", "redirect", "oversize", "page"
    body: bytes = b""
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    location: str = ""
    nbytes: int = 0
    encoding: str | None = None
    trickle: float = 0.0


class FeedServer:
    """Programmable fake news site; see the module docstring."""

    def __init__(self) -> None:
        self._routes: dict[str, _Route] = {}
        self._delays: dict[str, float] = {}
        self._requests: dict[str, list[dict[str, str]]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # Short shutdown and handler cancellation so a slow route never delays teardown.
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set_feed(
        self,
        path: str,
        xml_bytes: bytes,
        etag: str | None = None,
        last_modified: str | datetime | None = None,
        content_type: str = "application/rss+xml",
    ) -> None:
        """Serve ``xml_bytes``; answer 304 when the request's validators match."""
        if isinstance(last_modified, datetime):
            last_modified = format_datetime(last_modified.astimezone(UTC), usegmt=True)
        self._routes[path] = _Route(
            "feed", body=xml_bytes, content_type=content_type, etag=etag, last_modified=last_modified
        )

    def set_page(self, path: str, html: str) -> None:
        self._routes[path] = _Route("page", body=html.encode("utf-8"), content_type="text/html; charset=utf-8")

    def set_encoded(self, path: str, body: bytes, encodings: list[str],
                    content_type: str = "application/rss+xml") -> None:
        """Serve ``body`` compressed with each of ``encodings`` in turn ("gzip", "deflate"),
        declared as ``Content-Encoding: a, b`` (the order applied), as a hostile site may."""
        for name in encodings:
            body = gzip.compress(body, mtime=0) if name == "gzip" else zlib.compress(body)
        self._routes[path] = _Route("encoded", body=body, content_type=content_type, encoding=", ".join(encodings))

    def set_trickle(self, path: str, body: bytes, seconds_per_byte: float,
                    content_type: str = "application/rss+xml") -> None:
        """Send ``body`` one byte at a time, ``seconds_per_byte`` apart (slowloris): each read
        finishes inside any read timeout, so only a total deadline ends the fetch."""
        self._routes[path] = _Route("trickle", body=body, content_type=content_type, trickle=seconds_per_byte)

    def set_status(self, path: str, status: int) -> None:
        self._routes[path] = _Route("status", status=status)

    def set_redirect(self, path: str, to_path: str, status: int = 302) -> None:
        """Redirect to ``to_path`` (a path on this server or a full URL); loops are allowed."""
        self._routes[path] = _Route("redirect", status=status, location=to_path)

    def set_oversize(self, path: str, nbytes: int) -> None:
        """Stream ``nbytes`` of filler in chunks, without a Content-Length header."""
        self._routes[path] = _Route("oversize", nbytes=nbytes)

    def set_slow(self, path: str, seconds: float) -> None:
        """Wait ``seconds`` before answering ``path`` (whatever else it is set to do)."""
        self._delays[path] = seconds

    def hits(self, path: str) -> int:
        return len(self._requests.get(path, []))

    def requests(self, path: str) -> list[dict[str, str]]:
        """Headers of each request to ``path``, in order, with lower-case names."""
        return list(self._requests.get(path, []))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self._requests.setdefault(path, []).append({k.lower(): v for k, v in request.headers.items()})
        if delay := self._delays.get(path):
            await asyncio.sleep(delay)
        route = self._routes.get(path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.kind == "status":
            return web.Response(status=route.status, text=f"status {route.status}")
        if route.kind == "redirect":
            return web.Response(status=route.status, headers={"Location": route.location})
        if route.kind == "oversize":
            return await self._stream_filler(request, route.nbytes)
        if route.kind == "encoded":
            return web.Response(body=route.body, headers={"Content-Type": route.content_type,
                                                          "Content-Encoding": route.encoding})
        if route.kind == "trickle":
            return await self._trickle(request, route)
        headers = {"Content-Type": route.content_type}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if route.kind == "feed" and _not_modified(request, route):
            return web.Response(status=304, headers={k: v for k, v in headers.items() if k != "Content-Type"})
        return web.Response(body=route.body, headers=headers)

    @staticmethod
    async def _trickle(request: web.Request, route: _Route) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": route.content_type})
        await response.prepare(request)
        try:
            for i in range(len(route.body)):
                await response.write(route.body[i:i + 1])
                await asyncio.sleep(route.trickle)
            await response.write_eof()
        except (ConnectionError, asyncio.CancelledError):
            pass
        return response

    @staticmethod
    async def _stream_filler(request: web.Request, nbytes: int) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        sent = 0
        try:
            while sent < nbytes:
                size = min(_CHUNK, nbytes - sent)
                await response.write(b"x" * size)
                sent += size
            await response.write_eof()
        except (ConnectionError, asyncio.CancelledError):
            pass  # the client stopped reading, as a size-capped fetcher should
        return response


def _not_modified(request: web.Request, route: _Route) -> bool:
    """RFC 9110: If-None-Match wins; otherwise If-Modified-Since against Last-Modified."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return route.etag is not None and route.etag in {tag.strip() for tag in if_none_match.split(",")}
    since = request.headers.get("If-Modified-Since")
    if since and route.last_modified:
        try:
            return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def rss(items: list[dict], title: str = "Test feed", link: str = "https://news.example/") -> bytes:
    """An RSS 2.0 document. Item keys: title, link, guid, description, content, pubDate, author."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        ),
        f"<title>{escape(title)}</title><link>{escape(link)}</link><description>fixture</description>",
    ]
    for item in items:
        parts.append("<item>")
        for key, tag in (("title", "title"), ("link", "link"), ("description", "description"),
                         ("content", "content:encoded"), ("author", "dc:creator")):
            if key in item:
                parts.append(f"<{tag}>{escape(item[key])}</{tag}>")
        if "guid" in item:
            parts.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if "pubDate" in item:
            parts.append(f"<pubDate>{format_datetime(item['pubDate'])}</pubDate>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def atom(items: list[dict], title: str = "Test feed", link: str = "https://news.example/") -> bytes:
    """An Atom 1.0 document; same item keys as :func:`rss` (description becomes summary)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><link href={quoteattr(link)}/><id>{escape(link)}</id>",
        "<updated>2025-01-01T00:00:00Z</updated>",
    ]
    for item in items:
        parts.append("<entry>")
        if "title" in item:
            parts.append(f'<title type="html">{escape(item["title"])}</title>')
        if "link" in item:
            parts.append(f'<link rel="alternate" href={quoteattr(item["link"])}/>')
        if "guid" in item:
            parts.append(f"<id>{escape(item['guid'])}</id>")
        if "pubDate" in item:
            stamp = item["pubDate"].astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            parts.append(f"<published>{stamp}</published><updated>{stamp}</updated>")
        if "author" in item:
            parts.append(f"<author><name>{escape(item['author'])}</name></author>")
        if "description" in item:
            parts.append(f'<summary type="html">{escape(item["description"])}</summary>')
        if "content" in item:
            parts.append(f'<content type="html">{escape(item["content"])}</content>')
        parts.append("</entry>")
    parts.append("</feed>")
    return "".join(parts).encode("utf-8")
