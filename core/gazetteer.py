"""Places, organisations, people and kinds of action, in every language the feeds use.

Story grouping compares events across languages by what they name, not by their words:
"talks in Geneva" and «مذاکرات در ژنو» share the key ``place:Geneva``. Entries are data
in the watchlist (``[[gazetteer]]``), so admins extend them like officials and topics::

    [[gazetteer]]
    name = "Geneva"
    kind = "place"             # place | capital | organisation | person | action
    aliases = ["Geneva", "ژنو"]

A ``capital`` is a place that also stands for its government ("Tehran said"), so it
says little about where an event happened. A ``person`` is someone worth matching who is
not a tracked official (an agency chief, a foreign leader). An ``action`` names what happened (a phone
call, a visit, a report); a term ending in ``*`` is a stem, as in topic rules. An entry whose
name begins with another entry's name of the same kind is part of it ("IAEA Board of
Governors" is part of the "IAEA"): an article naming the part names the whole too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.model import GazetteerEntry
from core.normalize import normalize

KINDS = ("place", "capital", "organisation", "person", "action")
_DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},
                         **{chr(0x0660 + i): str(i) for i in range(10)}})


@dataclass(frozen=True)
class Hit:
    entry: GazetteerEntry
    start: int  # offset into the folded text
    end: int


def fold(text: str) -> str:
    """The text gazetteer aliases are matched against: normalised, digits folded to ASCII.

    ``normalize`` keeps offsets one-to-one for nearly all text; callers only need hits'
    order and rough position (title and lead against the rest), not exact spans.
    """
    return normalize(text).text.translate(_DIGITS)


class Gazetteer:
    """Finds every entry's aliases in folded text with one regular expression."""

    def __init__(self, entries: tuple[GazetteerEntry, ...]) -> None:
        self.entries = entries
        self._by_alias: dict[str, GazetteerEntry] = {}
        stems: list[tuple[str, GazetteerEntry]] = []
        for entry in entries:
            for alias in entry.aliases:
                key = fold(alias).strip()
                if not key:
                    continue
                if key.endswith("*"):
                    stems.append((key[:-1], entry))
                else:
                    self._by_alias.setdefault(key, entry)
        self._stems = sorted(stems, key=lambda s: -len(s[0]))
        self.parent: dict[str, GazetteerEntry] = {}
        for entry in entries:
            wholes = [e for e in entries if e.kind == entry.kind and entry.name.startswith(e.name + " ")]
            if wholes:
                self.parent[entry.name] = max(wholes, key=lambda e: len(e.name))
        words = sorted(self._by_alias, key=len, reverse=True)
        parts = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
        parts += [re.escape(s) + r"\w*" for s, _ in self._stems]
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None

    def find(self, folded: str) -> list[Hit]:
        """Every hit in ``folded`` (see ``fold``), in text order."""
        if self._pattern is None:
            return []
        hits = []
        for m in self._pattern.finditer(folded):
            text = re.sub(r"\s+", " ", m.group())
            entry = self._by_alias.get(text) or next(
                (e for stem, e in self._stems if text.startswith(stem)), None)
            if entry is not None:
                hits.append(Hit(entry, m.start(), m.end()))
        return hits


@lru_cache(maxsize=4)
def compiled(entries: tuple[GazetteerEntry, ...]) -> Gazetteer:
    """One compiled Gazetteer per content, so an unchanged watchlist costs no rebuild."""
    return Gazetteer(entries)


def entry_problem(name: object, kind: object, aliases: object) -> str | None:
    """Why this would make a bad gazetteer entry, or None."""
    if not isinstance(name, str) or not name.strip():
        return "name must be a non-empty string"
    if kind not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}"
    if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) for a in aliases):
        return "aliases must be a non-empty list of strings"
    for alias in aliases:
        body = fold(alias).strip().rstrip("*")
        if sum(ch.isalnum() for ch in body) < 2:
            return f"alias {alias!r} is too short: at least 2 letters"
        if "*" in body:
            return f"alias {alias!r}: '*' may only end an alias (a stem)"
    return None
