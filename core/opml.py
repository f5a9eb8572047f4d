"""OPML import and export of the feed list.

OPML is how feed readers hand subscriptions to each other, so admins can move a feed list
in and out of the bot. Input is untrusted (an uploaded file), hence defusedxml: it refuses
entity expansion bombs and external entities that the stdlib parser would follow.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

_HOW_TO_FIX = "export the feed list again from your feed reader, or check that the file is OPML"


class OpmlError(ValueError):
    """The data is not a usable OPML document; the message says why and how to fix it."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str | None = None


def parse_opml(data: bytes | str) -> list[OpmlFeed]:
    """Feeds listed in an OPML document, in document order, each URL once.

    Outlines nested in folders are included; outlines without an ``xmlUrl`` (folders,
    plain notes) are skipped. A well-formed OPML with no feeds gives an empty list.
    """
    if not data.strip():
        raise OpmlError(f"the OPML file is empty; {_HOW_TO_FIX}")
    try:
        root = fromstring(data)
    except ParseError as e:
        line, column = e.position
        raise OpmlError(
            f"not valid XML (line {line}, column {column + 1}: {_reason(e)}); {_HOW_TO_FIX}"
        ) from e
    except DefusedXmlException as e:
        raise OpmlError(
            "the OPML file declares XML entities or a DTD, which are refused for safety; "
            "remove the <!DOCTYPE> and <!ENTITY> declarations"
        ) from e
    if _local(root.tag) != "opml":
        raise OpmlError(f"expected an <opml> root element but found <{_local(root.tag)}>; {_HOW_TO_FIX}")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError(f"the OPML file has no <body> element; {_HOW_TO_FIX}")

    feeds: dict[str, OpmlFeed] = {}
    for outline in body.iter():
        if _local(outline.tag) != "outline":
            continue
        attrs = {key.lower(): value for key, value in outline.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        if not url or url in feeds:
            continue
        title = (attrs.get("title") or attrs.get("text") or "").strip()
        # An untitled feed is exported with its URL as text (OPML requires text).
        feeds[url] = OpmlFeed(url=url, title=title if title and title != url else None)
    return list(feeds.values())


def to_opml(feeds: Sequence[OpmlFeed], title: str) -> str:
    """An OPML 2.0 document listing ``feeds``, readable by any feed reader."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attrs["title"] = feed.title
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _local(tag: str) -> str:
    """Tag name without a namespace, so OPML with a default xmlns still parses."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _reason(error: ParseError) -> str:
    # ParseError's text repeats the position; keep only the cause ("mismatched tag").
    return str(error).split(":", 1)[0]
