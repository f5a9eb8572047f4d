"""`briefbot analyze`: detection and summary for one text or HTML file.

Mention offsets are into the text that was scanned: the file itself for plain text, the
extracted text (title, blank line, body) for HTML.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from core.analysis import scan_text
from core.boilerplate import is_boilerplate
from core.detect import Matcher
from core.htmltext import html_title, html_to_text, looks_like_html
from core.summary import summarize


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1256", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


_SLUG = re.compile(r"^[^\s]+-[^\s]+$")  # a URL slug saved above the headline


def _split_plain(content: str) -> tuple[str, str]:
    """The title is the first line that is neither boilerplate nor a URL slug; the body follows it."""
    pos = 0
    for line in content.splitlines(keepends=True):
        text = line.strip()
        pos += len(line)
        if text and not _SLUG.match(text) and not is_boilerplate(text):
            return text, content[pos:]
    return "", content


def analyze_file(matcher: Matcher, path: str, raw: bytes) -> dict:
    content = _decode(raw)
    if looks_like_html(content):
        body = html_to_text(content)
        title = (html_title(content) or "").strip()
        scanned = scan_text(title, body)
        detection = matcher.scan(scanned)
        summary = summarize(title, body, detection.mentions)
    else:
        title, body = _split_plain(content)
        scanned = content
        detection = matcher.scan(content)
        summary = summarize(title, body, matcher.scan(scan_text(title, body)).mentions)
    return {
        "path": path,
        "title": title,
        "officials": list(detection.officials),
        "topics": list(detection.topics),
        "mentions": [asdict(m) for m in detection.mentions],
        "summary": summary,
    }


def _mark(sentence: str, words: list[str], color: bool) -> str:
    on, off = ("\033[1;33m", "\033[0m") if color else ("[", "]")
    out = sentence
    for w in sorted(set(words), key=len, reverse=True):
        if w and w in out:
            out = out.replace(w, f"{on}{w}{off}")
    return out


def format_report(result: dict, *, color: bool = False) -> str:
    lines = [f"== {result['path']}", f"title:     {result['title'] or '(none)'}",
             f"officials: {', '.join(result['officials']) or '-'}",
             f"topics:    {', '.join(result['topics']) or '-'}",
             f"summary:   {result['summary'] or '-'}"]
    if result["mentions"]:
        lines.append("mentions:")
        by_sentence: dict[str, list[dict]] = {}
        for m in result["mentions"]:
            by_sentence.setdefault(m["sentence"], []).append(m)
        for sentence, ms in by_sentence.items():
            what = "; ".join(f"{m['name']} ({m['kind']}, {m['how']}: {m['text']!r} @{m['start']})" for m in ms)
            lines.append(f"  - {what}")
            lines.append(f"    {_mark(sentence, [m['text'] for m in ms], color)}")
    return "\n".join(lines)
