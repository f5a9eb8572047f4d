"""Search words and snippets, the same for every database backend.

The database finds the articles (FTS5 on SQLite, tsvector on PostgreSQL); the words it
was given and the snippet shown for each hit are made here, so both backends answer in
one shape. A word is a run of letters and digits: that is what SQLite's unicode61
tokenizer and PostgreSQL's 'simple' parser index, and it leaves no query syntax
(quotes, operators) for a user to trip over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Snippet:
    """A piece of text with the matched words' (start, end) offsets inside it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


def search_words(query: str) -> list[str]:
    """The distinct words of a query, in order, at most MAX_WORDS."""
    words = dict.fromkeys(w.casefold() for w in _WORD.findall(query or ""))
    return list(words)[:MAX_WORDS]


def word_spans(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """Offsets of whole-word, case-insensitive occurrences of ``words`` in ``text``."""
    if not words or not text:
        return ()
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)
    return tuple(m.span() for m in pattern.finditer(text))


def make_snippet(text: str, words: list[str], width: int = 200) -> Snippet:
    """About ``width`` characters of ``text`` around the first matched word."""
    text = " ".join((text or "").split())
    spans = word_spans(text, words)
    if len(text) <= width:
        return Snippet(text, spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(prefix + text[start:end] + suffix, inside)
