"""Full text for teaser entries: fetch the article page and extract its main text.

Many feeds carry a sentence or two per item, too little to summarise or to tell one
story from another. For those entries the page is fetched with the same guards as feeds
(timeouts, size cap, private-address rule, vetted redirects) and its main text is
extracted with trafilatura, which drops navigation, share bars and most newsletter
prompts; core.boilerplate and the summary's own checks catch what it leaves.
A failed page keeps the feed's teaser: full text is an improvement, never a requirement, so
at most ``MAX_PAGES_PER_FEED`` pages are fetched per feed and cycle, newest items first.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from datetime import UTC, datetime

import httpx

from core.model import FeedEntry
from jobs.fetch import HTML_ACCEPT, fetch_url

log = logging.getLogger(__name__)

TEASER_CHARS = 400  # entries with less text than this are teasers
PAGE_MAX_BYTES = 3 * 1024 * 1024
PAGE_TIMEOUT = 30.0
# Pages fetched per feed per cycle: a feed of thousands of teasers must not become thousands
# of requests (issue 13 row 5). The newest teasers get their pages; older ones keep the teaser.
MAX_PAGES_PER_FEED = 10
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_teaser(entry: FeedEntry) -> bool:
    return bool(entry.link) and len(entry.text.strip()) < TEASER_CHARS


def extract_main_text(page: bytes, url: str) -> str:
    """The article's main text as plain paragraphs, or "" when none is found."""
    import trafilatura  # imported late: heavy, and only needed when a page is fetched

    text = trafilatura.extract(page, url=url, include_comments=False, include_tables=False,
                               include_links=False, include_images=False, favor_precision=True,
                               deduplicate=True)
    return (text or "").strip()


async def expand_teasers(client: httpx.AsyncClient, entries: Sequence[FeedEntry], indexes: Sequence[int], *,
                         allow_private: bool, max_bytes: int = PAGE_MAX_BYTES,
                         concurrency: int = 4, max_pages: int = MAX_PAGES_PER_FEED) -> tuple[FeedEntry, ...]:
    """``entries`` with the newest ``max_pages`` teasers among ``indexes`` replaced by their page's text."""
    out = list(entries)
    oldest = datetime.min.replace(tzinfo=UTC)
    chosen = sorted((i for i in indexes if is_teaser(entries[i])),
                    key=lambda i: (entries[i].published or oldest, -i), reverse=True)[:max_pages]
    limit = asyncio.Semaphore(concurrency)

    async def expand(i: int) -> None:
        entry = entries[i]
        async with limit:
            text = await fetch_main_text(client, entry.link, allow_private=allow_private, max_bytes=max_bytes)
        if len(text) > len(entry.text.strip()):
            out[i] = dataclasses.replace(entry, text=text, text_source="page")

    await asyncio.gather(*(expand(i) for i in chosen))
    return tuple(out)


async def fetch_main_text(client: httpx.AsyncClient, url: str, *, allow_private: bool,
                          max_bytes: int = PAGE_MAX_BYTES) -> str:
    """Fetch ``url`` as a page and extract its text; "" on any failure (logged)."""
    result = await fetch_url(client, url, accept=HTML_ACCEPT, max_bytes=max_bytes,
                             allow_private=allow_private, total_timeout=PAGE_TIMEOUT)
    if not result.ok:
        log.info("full text of %s not fetched: %s", url, result.error)
        return ""
    kind = result.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        log.info("full text of %s skipped: %s is not a web page", url, kind)
        return ""
    try:
        return await asyncio.to_thread(extract_main_text, result.content, result.final_url)
    except Exception as e:  # a page the extractor chokes on must not stop the feed
        log.warning("full text extraction failed for %s: %s", url, e)
        return ""
