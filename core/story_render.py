"""Why articles were grouped into one story, as Telegram HTML (the second half of /why)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.render import esc, plural

LANGUAGES = {"en": "English", "fa": "Persian"}


@dataclass(frozen=True)
class GroupingLink:
    """One stored link (core.stories.Link) with the outlets of its two articles."""

    outlet_a: str
    lang_a: str
    outlet_b: str
    lang_b: str
    how: str
    similarity: float
    shared: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


def _outlet(name: str, lang: str, base: str) -> str:
    return esc(name) if lang == base else f"{esc(name)} ({LANGUAGES.get(lang, esc(lang))})"


def render_grouping(links: Sequence[GroupingLink], articles: int, languages: Sequence[str], limit: int = 6) -> str:
    """The links that hold a story together, strongest kind first, at most ``limit`` of them."""
    if articles <= 1 or not links:
        return "<b>Grouping</b>\nNo other report of this event has been found so far."
    base = languages[0] if languages else "en"
    names = sorted({LANGUAGES.get(lang, lang) for lang in languages})
    head = (f"<b>Why these {articles} reports are one story</b>"
            + (f" ({', '.join(esc(n) for n in names)})" if len(names) > 1 else ""))
    order = {"copy": 0, "incident": 1, "days": 2, "text": 3, "names": 4, "retold": 5}
    lines = [head]
    for link in sorted(links, key=lambda k: (order.get(k.how, 6), -k.similarity))[:limit]:
        pair = f"{_outlet(link.outlet_a, link.lang_a, base)} ↔ {_outlet(link.outlet_b, link.lang_b, base)}"
        if link.how == "copy":
            why = f"nearly the same text ({link.similarity:.0%} of the fingerprint alike)"
        elif link.how == "incident":
            why = "the same incident: what it happened to, or the document it is about"
        elif link.how == "days":
            why = "one exercise of several days, told on two of its days: the same body, place and people"
        elif link.how == "text":
            why = f"similar wording ({link.similarity:.2f}" + (f": {esc(', '.join(link.words))}" if link.words else "") + ")"
        elif link.how == "retold":
            why = "a later report looks back on this meeting: same people, place and day"
        else:
            why = "their leads name the same people, places and day"
        if link.shared:
            why += f"; both name {esc(', '.join(link.shared[:6]))}"
        lines.append(f"• {pair}: {why}")
    if len(links) > limit:
        lines.append(f"… and {plural(len(links) - limit, 'more link')}")
    return "\n".join(lines)
