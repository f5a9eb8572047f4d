"""`briefbot analyze`: detection and summary for one text or HTML file.

Mention offsets are into the text that was scanned: the file itself for plain text, the
extracted text (title, blank line, body) for HTML. For plain text the title is the first line
that is neither furniture nor a URL slug saved above the headline; what stands above the title
is blanked out (same length, so offsets still point into the file) and never scanned: a slug
such as "did-irans-president-..." would read as a sentence. A first line that is really a
paragraph (several sentences) is body, and the article has no title.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from core.analysis import scan_text
from core.boilerplate import is_boilerplate
from core.detect import Matcher
from core.detect_misses import near_misses
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
_SENTENCE_END = re.compile(r"[.!?؟](?:[\"'”’»)]*)\s+(?=\S)")
TITLE_MAX_WORDS = 25


def looks_like_paragraph(line: str) -> bool:
    """Several sentences, or too long for a headline: body text, not a title. A headline with
    one full stop inside ("Oman crush Palestine 4-0. Albusaidi double ...") stays a title."""
    words = len(line.split())
    return words > TITLE_MAX_WORDS or (len(_SENTENCE_END.findall(line)) >= 2 and words > 12)


def _split_plain(content: str) -> tuple[str, str, int]:
    """The title is the first line that is neither boilerplate nor a URL slug; the body follows
    it; a paragraph is body, with no title. Also where the title (or that paragraph) starts."""
    pos = 0
    for line in content.splitlines(keepends=True):
        text = line.strip()
        start = pos
        pos += len(line)
        if text and not _SLUG.match(text) and not is_boilerplate(text):
            if looks_like_paragraph(text):
                return "", content[start:], start
            return text, content[pos:], start
    return "", content, 0


def _blank(text: str) -> str:
    """``text`` with every character but line breaks turned into a space."""
    return "".join(ch if ch in "\r\n" else " " for ch in text)


def analyze_file(matcher: Matcher, path: str, raw: bytes, *, explain_misses: bool = False) -> dict:
    content = _decode(raw)
    if looks_like_html(content):
        body = html_to_text(content)
        title = (html_title(content) or "").strip()
        scanned = scan_text(title, body)
        detection = matcher.scan(scanned)
        summary = summarize(title, body, detection.mentions)
    else:
        title, body, start = _split_plain(content)
        scanned = _blank(content[:start]) + content[start:]
        detection = matcher.scan(scanned)
        summary = summarize(title, body, matcher.scan(scan_text(title, body)).mentions)
    result = {
        "path": path,
        "title": title,
        "officials": list(detection.officials),
        "topics": list(detection.topics),
        "mentions": [asdict(m) for m in detection.mentions],
        "summary": summary,
    }
    if explain_misses:
        result["near_misses"] = [asdict(n) for n in near_misses(matcher, scanned, detection)]
    return result


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
    if "near_misses" in result:
        misses = result["near_misses"]
        lines.append(f"near-misses: {len(misses) or 'none'}")
        for n in misses:
            who = f" -> {n['official']}" if n["official"] else ""
            lines.append(f"  - {n['kind']} {n['text']!r} @{n['start']}{who}: {n['why']}")
            lines.append(f"    to count it: {n['fix']}")
    return "\n".join(lines)
