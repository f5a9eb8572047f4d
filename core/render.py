"""Everything users read is rendered here, as Telegram HTML.

Feed content is never trusted as markup: every piece of it passes through ``esc``.
Telegram counts the 4096-character limit on the text after entity parsing; we split on
the rendered HTML, which is always at least as long, so every part is safe.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from core.model import ArticleView, Mention

TELEGRAM_LIMIT = 4096


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=False)


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 result", "2 results"; ``many`` for irregular plurals ("2 matches")."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def esc_attr(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def link(url: str | None, label: str) -> str:
    if not url or not url.startswith(("http://", "https://")):
        return f"<b>{esc(label)}</b>"
    return f'<a href="{esc_attr(url)}">{esc(label)}</a>'


UTC_ZONE = ZoneInfo("UTC")


def format_when(when: datetime | None, zone: tzinfo = UTC_ZONE) -> str:
    """A moment as the chat reads it: in its zone, with the abbreviation or offset
    ("20 Nov 2026 12:30 +0330", "20 Nov 2026 09:00 UTC")."""
    return when.astimezone(zone).strftime("%d %b %Y %H:%M %Z") if when else ""


def highlight(sentence: str, words: Iterable[str]) -> str:
    """Escape ``sentence`` and bold each whole-word occurrence of the given words.

    Whole words only, so a match on "Oman" does not bold the start of "Omani".
    """
    spans: list[tuple[int, int]] = []
    for w in sorted({w for w in words if w}, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(sentence))
    spans.sort(key=lambda span: (span[0], -span[1]))
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(esc(sentence[pos:start]))
        out.append(f"<b>{esc(sentence[start:end])}</b>")
        pos = end
    out.append(esc(sentence[pos:]))
    return "".join(out)


def evidence_lines(mentions: Sequence[Mention], limit: int = 3, max_sentence: int = 300,
                   skip_in: str = "") -> list[str]:
    """Up to ``limit`` matched sentences, the matched words in bold, in text order.

    Sentences are chosen to cover the most distinct names; fragments of under five words
    (captions, headings) and sentences already quoted in ``skip_in`` (the summary) go only
    when nothing better is left, so the evidence adds to what the reader already sees.
    """
    by_sentence: dict[str, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)

    def weak(sentence: str) -> bool:
        return len(sentence.split()) < 5 or (bool(skip_in) and sentence in skip_in)

    order = {sentence: i for i, sentence in enumerate(by_sentence)}
    chosen: list[str] = []
    covered: set[str] = set()
    for _ in range(min(limit, len(by_sentence))):
        best = max((s for s in by_sentence if s not in chosen),
                   key=lambda s: (not weak(s), len({m.name for m in by_sentence[s]} - covered), -order[s]))
        if weak(best) and chosen:
            break
        chosen.append(best)
        covered |= {m.name for m in by_sentence[best]}
    lines = []
    for sentence in sorted(chosen, key=order.__getitem__):
        text = sentence if len(sentence) <= max_sentence else sentence[: max_sentence - 1].rsplit(" ", 1)[0] + "…"
        lines.append(f"» {highlight(text, [m.text for m in by_sentence[sentence]])}")
    return lines


def render_alert(article: ArticleView, also_reported_by: Sequence[str] = (), *, zone: tzinfo = UTC_ZONE) -> str:
    """An instant alert; its time is in the receiving chat's ``zone``."""
    officials = _unique(m.name for m in article.mentions if m.kind == "official")
    topics = _unique(m.name for m in article.mentions if m.kind == "topic")
    parts = [f"🔔 {link(article.link, article.title or '(untitled)')}",
             f"<i>{esc(article.feed_title)}</i>" + (f" · {format_when(article.published, zone)}" if article.published else "")]
    tags = []
    if officials:
        tags.append("👤 " + ", ".join(esc(n) for n in officials))
    if topics:
        tags.append("🏷 " + ", ".join(esc(n) for n in topics))
    if tags:
        parts.append(" · ".join(tags))
    if article.summary:
        parts.append("")
        parts.append(esc(article.summary))
    evidence = evidence_lines(article.mentions, skip_in=article.summary)
    if evidence:
        parts.append("")
        parts.extend(evidence)
    if also_reported_by:
        parts.append("")
        parts.append("Also reported by: " + ", ".join(esc(o) for o in also_reported_by))
    return truncate_html_lines(parts)


def truncate_html_lines(lines: list[str], limit: int = TELEGRAM_LIMIT) -> str:
    """Join lines, dropping whole trailing lines (never cutting a tag) to fit ``limit``."""
    text = "\n".join(lines)
    while len(text) > limit and len(lines) > 1:
        lines = lines[:-1]
        text = "\n".join(lines)
    if len(text) > limit:  # a single enormous line: fall back to plain escaped text
        plain = html.unescape(text)
        text = esc(plain[: limit - 10]) if len(esc(plain[: limit - 10])) <= limit else esc(plain[: limit // 6])
    return text


def split_blocks(blocks: Sequence[str], limit: int = TELEGRAM_LIMIT, sep: str = "\n\n") -> list[str]:
    """Pack self-contained HTML blocks into messages of at most ``limit`` characters.

    Blocks are never split (each is valid HTML on its own), except a single block larger
    than the limit, which is cut by ``truncate_html_lines`` at a line boundary.
    """
    messages: list[str] = []
    current = ""
    for block in blocks:
        if len(block) > limit:
            block = truncate_html_lines(block.split("\n"), limit)
        candidate = block if not current else current + sep + block
        if len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = block
    if current:
        messages.append(current)
    return messages


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def mark_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escape ``text`` and bold the given (start, end) spans (sorted, non-overlapping)."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        out += [esc(text[pos:s]), f"<b>{esc(text[s:e])}</b>"]
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


def render_search_hit(title: str, title_spans, link_url: str | None, outlet: str,
                      published: datetime | None, snippet: str, snippet_spans, *, zone: tzinfo = UTC_ZONE) -> str:
    """One search result: the title as a link with matched words bold, outlet, snippet."""
    heading = mark_spans(title or "(untitled)", title_spans)
    if link_url and link_url.startswith(("http://", "https://")):
        heading = f'<a href="{esc_attr(link_url)}">{heading}</a>'
    meta = f"<i>{esc(outlet)}</i>" + (f" · {format_when(published, zone)}" if published else "")
    lines = [heading, meta] + ([mark_spans(snippet, snippet_spans)] if snippet else [])
    return truncate_html_lines(lines)


def render_settings(*, where: str | None, subscribed: bool, alerts: bool, briefing: bool, briefing_time: str,
                    zone_name: str, quiet: tuple[str, str] | None, quiet_mode: str, follows: Sequence[str],
                    in_topic: bool) -> str:
    """A chat's settings in words, above the /settings buttons. An unsubscribed chat keeps
    its choices for the next /start, but is told that nothing is sent now."""
    if subscribed:
        alerts_text = "on" if alerts else "off"
        briefing_text = f"on at {briefing_time} ({esc(zone_name)})" if briefing else "off"
    else:
        alerts_text = briefing_text = "off while this chat is not subscribed"
    if quiet:
        mode = "alerts arrive silently" if quiet_mode == "silent" else "alerts wait for the briefing"
        quiet_text = f"{quiet[0]}–{quiet[1]}, {mode}"
    else:
        quiet_text = "off"
    lines = [
        f"⚙️ <b>Settings for {esc(where) if where else 'this chat'}</b>",
        "Subscription: " + ("✅ subscribed" if subscribed else "❌ not subscribed: send /start or tap ✅ Subscribe"),
        f"🔔 Instant alerts: {alerts_text}",
        f"📰 Daily briefing: {briefing_text}",
        f"🌙 Quiet hours: {quiet_text}",
        f"🎯 Following: {', '.join(esc(n) for n in follows) if follows else 'every tracked official and topic'}",
    ]
    if in_topic:
        lines.append("🧵 Delivered in the forum topic where /start was sent")
    return "\n".join(lines)


def render_spike(name: str, line: str) -> str:
    """A spike alert: the plain-text line in bold and where to read the stories."""
    return f"📈 <b>{esc(line)}</b>\nSend /latest {esc(name)} to see them."


def render_test(mentions: Sequence[Mention]) -> str:
    """/test's answer: each match with how it was made, then the sentences, matches bold."""
    lines = [f"<b>{plural(len(mentions), 'match', 'matches')}</b>"]
    for m in mentions:
        detail = f" ({esc(m.detail)})" if m.detail and m.detail.casefold() != m.text.casefold() else ""
        lines.append(f"• {esc(m.name)} [{m.kind}] — “{esc(m.text)}” by {_HOW.get(m.how, esc(m.how))}{detail}")
    lines.append("")
    for sentence in dict.fromkeys(m.sentence for m in mentions):
        words = [m.text for m in mentions if m.sentence == sentence]
        lines.append(f"» {highlight(sentence, words)}")
    return truncate_html_lines(lines)


_HOW = {"alias": "name", "role": "role", "description": "description", "fuzzy": "spelling variant", "rule": "topic rule"}


def render_why(article: ArticleView) -> str:
    """Which alias, role or rule matched each official and topic, and in which sentence."""
    if not article.mentions:
        return (f"{link(article.link, article.title or '(untitled)')}\n"
                "No official or topic matched this article when it was checked.")
    lines = [f"<b>Why you got this alert</b>\n{link(article.link, article.title or '(untitled)')}"]
    by_name: dict[tuple[str, str], list[Mention]] = {}
    for m in article.mentions:
        by_name.setdefault((m.kind, m.name), []).append(m)
    for (kind, name), ms in by_name.items():
        icon = "👤" if kind == "official" else "🏷"
        block = [f"{icon} <b>{esc(name)}</b>"]
        for m in ms[:3]:
            detail = f" ({esc(m.detail)})" if m.detail and m.detail.casefold() != m.text.casefold() else ""
            block.append(f"• {_HOW.get(m.how, esc(m.how))} “{esc(m.text)}”{detail} in:")
            sentence = m.sentence if len(m.sentence) <= 300 else m.sentence[:299].rsplit(" ", 1)[0] + "…"
            block.append(f"» {highlight(sentence, [m.text])}")
        if len(ms) > 3:
            block.append(f"… and {plural(len(ms) - 3, 'more match', 'more matches')}")
        lines.append(truncate_html_lines(block))
    return "\n\n".join(lines)
