"""Turn downloaded feed bytes into :class:`core.model.FeedEntry` values.

feedparser does the format work (RSS 0.9x-2.0, RDF, Atom, broken encodings); this module
decides what counts as a feed, and reduces each item to plain text with an absolute link
and an aware UTC date. It only parses bytes: downloading is jobs.fetch's job, and the bytes
go in as a stream because feedparser treats a bare ``bytes`` argument that happens to name
a local file as a path to open.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXParseException

import feedparser

from core.htmltext import html_to_text, looks_like_html
from core.model import FeedEntry

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bozo reasons that say nothing about the document's structure.
_HARMLESS_BOZO = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


@dataclass(frozen=True)
class ParsedFeed:
    """A parse outcome: the feed's title and entries, or ``error`` saying why it isn't a feed."""

    title: str | None
    entries: tuple[FeedEntry, ...] = ()
    error: str | None = None


def parse_feed(content: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    """Parse ``content`` fetched from ``url``; never raises for a bad document."""
    if not content.strip():
        return _not_a_feed("the response is empty")
    response_headers = {key.lower(): value for key, value in headers.items()}
    response_headers.pop("content-encoding", None)  # the body is already decoded
    response_headers.setdefault("content-location", url)  # base for relative links
    parsed = feedparser.parse(io.BytesIO(content), response_headers=response_headers)

    entries = tuple(e for e in (_entry(raw, url) for raw in parsed.entries) if e is not None)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not entries:
        if not parsed.get("version") and _is_html(content, response_headers):
            return _not_a_feed(
                "the URL returns an HTML page; use the feed's own address (often linked from "
                'the page as <link rel="alternate" type="application/rss+xml">)'
            )
        if problem is not None and not isinstance(problem, _HARMLESS_BOZO):
            return _not_a_feed(_describe(problem))
        if not parsed.get("version"):
            return _not_a_feed("no <rss>, <feed> or <rdf:RDF> root element found")
    return ParsedFeed(title=_clean_line(parsed.feed.get("title", "")) or None, entries=entries)


def _not_a_feed(reason: str) -> ParsedFeed:
    return ParsedFeed(title=None, error=f"not an RSS or Atom feed: {reason}")


def _entry(raw: Any, feed_url: str) -> FeedEntry | None:
    title = _clean_line(raw.get("title", ""))
    text = _entry_text(raw)
    link = _absolute_link(raw.get("link"), feed_url)
    guid = (raw.get("id") or "").strip() or None
    if not (title or text or link or guid):
        return None
    return FeedEntry(
        guid=guid,
        link=link,
        title=title,
        text=text,
        published=_published(raw),
        author=_clean_line(raw.get("author", "")) or None,
    )


def _entry_text(raw: Any) -> str:
    """The fullest body the item offers: content beats summary, which is often a teaser."""
    for detail in [*raw.get("content", []), raw.get("summary_detail")]:
        if not detail or not (detail.get("value") or "").strip():
            continue
        value = detail["value"]
        if detail.get("type") in _HTML_TYPES or looks_like_html(value):
            return html_to_text(value)
        return "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())
    return ""


def _clean_line(value: str) -> str:
    """A single line of plain text from a title or name that may hold markup or entities."""
    if looks_like_html(value):
        value = html_to_text(value)
    return " ".join(value.split())


def _absolute_link(link: str | None, feed_url: str) -> str | None:
    if not link or not link.strip():
        return None
    absolute = urljoin(feed_url, link.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def _published(raw: Any) -> datetime | None:
    """feedparser's parsed dates are UTC struct_times; make them aware datetimes."""
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    if not stamp:
        return None
    try:
        return datetime(*stamp[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _is_html(content: bytes, headers: dict[str, str]) -> bool:
    if headers.get("content-type", "").split(";")[0].strip().lower() in _HTML_TYPES:
        return True
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _describe(error: BaseException) -> str:
    if isinstance(error, SAXParseException):
        return (
            f"malformed XML at line {error.getLineNumber()}, column {error.getColumnNumber() + 1} "
            f"({error.getMessage()})"
        )
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
