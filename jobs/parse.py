"""Turn downloaded feed bytes into :class:`core.model.FeedEntry` values.

feedparser does the format work (RSS 0.9x-2.0, RDF, Atom, broken encodings); this module
decides what counts as a feed, and reduces each item to plain text with an absolute link
and an aware UTC date. It only parses bytes: downloading is jobs.fetch's job, and the bytes
go in as a stream because feedparser treats a bare ``bytes`` argument that happens to name
a local file as a path to open.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXParseException

import feedparser

from core.htmltext import html_to_text, looks_like_html
from core.model import FeedEntry

log = logging.getLogger(__name__)

FUTURE_SLACK = timedelta(days=1)  # clocks and time zones are sometimes wrong by hours, not by years
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What no stored text may hold: C0 controls but tab/newline/CR, DEL, and lone surrogates
# (``&#xD800;`` decodes to one; it cannot be encoded as UTF-8). NUL breaks PostgreSQL text.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# The same, in the bytes feedparser gets: raw control bytes and character references to them.
# (feedparser's fallback parser crashes on ``&#xD800;``, losing the whole feed.)
_RAW_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 13))
# Only references to characters XML forbids (so the common &#8217; costs nothing): C0 controls
# but tab/LF/CR, DEL, surrogates, and beyond U+10FFFF.
_BAD_REF = re.compile(
    rb"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127|5529[6-9]|553[0-9]{2}|55[4-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}"
    rb"|573[0-3][0-9]|5734[0-3]|11[1-9][0-9]{4}|1[2-9][0-9]{5}|[2-9][0-9]{6}|[1-9][0-9]{7,})"
    rb"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|1[1-9a-fA-F][0-9a-fA-F]{4}"
    rb"|[2-9a-fA-F][0-9a-fA-F]{5}|[1-9a-fA-F][0-9a-fA-F]{6,}));"
)
_CHUNK = 256 * 1024  # regex work per step: re holds the GIL, so a 30 MB feed is cleaned in slices
# Bozo reasons that say nothing about the document's structure.
_HARMLESS_BOZO = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


# Given (guid, link) of each entry, whether each is stored already.
Known = Callable[[list[tuple[str | None, str | None]]], Sequence[bool]]


@dataclass(frozen=True)
class ParsedFeed:
    """A parse outcome: the feed's title and entries, or ``error`` saying why it isn't a feed."""

    title: str | None
    entries: tuple[FeedEntry, ...] = ()
    error: str | None = None
    skipped: tuple[str, ...] = ()  # why each entry that could not be read was left out


def parse_feed(content: bytes, headers: dict[str, str], url: str, now: datetime | None = None,
               known: Known | None = None) -> ParsedFeed:
    """Parse ``content`` fetched from ``url``; never raises for a bad document.

    With ``now``, a date further ahead than :data:`FUTURE_SLACK` (a typo, or year 9999 to stay
    on top of /latest) becomes ``now``. With ``known``, entries it says are stored already
    (by guid or link) are left out before their bodies are turned into text: a feed polled
    again is mostly items seen before, and the text is the costly part.
    """
    if not content.strip():
        return _not_a_feed("the response is empty")
    response_headers = {key.lower(): value for key, value in headers.items()}
    response_headers.pop("content-encoding", None)  # the body is already decoded
    response_headers.setdefault("content-location", url)  # base for relative links
    # No HTML sanitising or link rewriting inside bodies: both are extra HTML passes over
    # every item, and only plain text is kept here (html_to_text drops scripts, styles, forms).
    parsed = feedparser.parse(io.BytesIO(_sanitize_bytes(content)), response_headers=response_headers,
                              sanitize_html=False, resolve_relative_uris=False)

    raws = list(enumerate(parsed.entries, 1))
    if known is not None and raws:
        flags = known([_identity(raw, url) for _, raw in raws])
        raws = [(n, raw) for (n, raw), seen in zip(raws, flags, strict=True) if not seen]
    entries, skipped = _entries(raws, url)
    if now is not None:
        entries = tuple(_clamp_future(e, now) for e in entries)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not entries and len(raws) == len(parsed.entries):  # entries left out as known made it a feed
        if not parsed.get("version") and _is_html(content, response_headers):
            return _not_a_feed(
                "the URL returns an HTML page; use the feed's own address (often linked from "
                'the page as <link rel="alternate" type="application/rss+xml">)'
            )
        if problem is not None and not isinstance(problem, _HARMLESS_BOZO):
            return _not_a_feed(_describe(problem))
        if not parsed.get("version"):
            return _not_a_feed("no <rss>, <feed> or <rdf:RDF> root element found")
    return ParsedFeed(title=_clean_line(parsed.feed.get("title", "")) or None, entries=entries, skipped=skipped)


def _clamp_future(entry: FeedEntry, now: datetime) -> FeedEntry:
    if entry.published is not None and entry.published > now + FUTURE_SLACK:
        return dataclasses.replace(entry, published=now)
    return entry


def _sanitize_bytes(content: bytes) -> bytes:
    """Drop raw control bytes and references to characters XML forbids, before parsing.

    Done in slices (cut just before an ``&``, so no reference is split) because ``re`` holds
    the GIL for a whole call and ingest parses in a thread beside the event loop."""
    if not content.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"<\x00")):  # not UTF-16/32
        content = content.translate(None, _RAW_CONTROLS)
    if b"&#" not in content:
        return content
    parts, start = [], 0
    while start < len(content):
        end = content.find(b"&", start + _CHUNK) if len(content) - start > _CHUNK else -1
        end = len(content) if end == -1 else end
        parts.append(_BAD_REF.sub(b"", content[start:end]))
        start = end
    return b"".join(parts)


def sanitize(value: str) -> str:
    """``value`` without characters no database should be asked to store."""
    return _UNSTORABLE.sub("", value)


def _entries(raws: list[tuple[int, Any]], url: str) -> tuple[tuple[FeedEntry, ...], tuple[str, ...]]:
    """Every readable entry of (position, raw entry); one that still fails is left out and
    said why, never the whole feed."""
    entries, skipped = [], []
    for n, raw in raws:
        try:
            entry = _entry(raw, url)
        except Exception as e:  # one hostile item must cost that item only
            reason = f"entry {n} skipped: {type(e).__name__}: {sanitize(str(e))[:200]}"
            log.warning("%s: %s", url, reason)
            skipped.append(reason)
            continue
        if entry is not None:
            entries.append(entry)
    return tuple(entries), tuple(skipped)


def _not_a_feed(reason: str) -> ParsedFeed:
    return ParsedFeed(title=None, error=f"not an RSS or Atom feed: {reason}")


def _identity(raw: Any, feed_url: str) -> tuple[str | None, str | None]:
    """(guid, absolute link) of a raw entry, as ``_entry`` reads them; (None, None) if unreadable."""
    try:
        return sanitize(raw.get("id") or "").strip() or None, _absolute_link(sanitize(raw.get("link") or ""), feed_url)
    except Exception:  # noqa: BLE001 - _entry says what is wrong with it
        return None, None


def _entry(raw: Any, feed_url: str) -> FeedEntry | None:
    title = _clean_line(raw.get("title", ""))
    text = _entry_text(raw)
    link = _absolute_link(sanitize(raw.get("link") or ""), feed_url)
    guid = sanitize(raw.get("id") or "").strip() or None
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
        value = sanitize(detail["value"])
        if detail.get("type") in _HTML_TYPES or looks_like_html(value):
            return sanitize(html_to_text(value))
        return "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())
    return ""


def _clean_line(value: str) -> str:
    """A single line of plain text from a title or name that may hold markup or entities."""
    value = sanitize(value or "")
    if looks_like_html(value):
        value = sanitize(html_to_text(value))
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
