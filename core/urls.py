"""Canonical article URLs, so the same page reached through tracking links dedups."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "fbclid", "gclid", "ocid", "cmpid", "at_", "ito", "_ga")


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower()
    port = parts.port if parts.port and parts.port not in (80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not k.lower().startswith(_TRACKING_PREFIXES)]
    )
    path = parts.path or "/"
    return urlunsplit(("https" if parts.scheme == "https" else "http", netloc, path, query, ""))


def content_hash(title: str, text: str) -> str:
    """A stable digest of an item's words, for outlets that republish without guid or link."""
    import hashlib

    words = " ".join((title + " " + text).casefold().split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()
