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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from core.model import GazetteerEntry
from core.normalize import normalize

KINDS = ("place", "capital", "organisation", "person", "action")
_DIGITS = str.maketrans({**{chr(0x06F0 + i): str(i) for i in range(10)},
                         **{chr(0x0660 + i): str(i) for i in range(10)}})

_NON_ASCII_DIGIT = re.compile("[\u06f0-\u06f9\u0660-\u0669]")


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
    folded = normalize(text).text
    if folded.isascii() or not _NON_ASCII_DIGIT.search(folded):
        return folded
    # each digit replaced where it is: translate with a mapping looks every character of a
    # non-ASCII text up in it (~150 us for a 2 KB Persian article, against ~9 us)
    return _NON_ASCII_DIGIT.sub(_ascii_digit, folded)


def _ascii_digit(m: re.Match[str]) -> str:
    return _DIGITS[ord(m.group())]


class Gazetteer:
    """Finds every entry's aliases in folded text: two Aho-Corasick automata (pyahocorasick), one
    for whole aliases over the text with whitespace runs squeezed (an alias "a b" matches any
    run of spaces between its words), one for stems over the text as it is.

    The hits are those of one alternation regex ``(?<!\\w)(?:alias|...|stem\\w*|...)(?!\\w)``
    with aliases longest first, then stems longest first (``_reference_pattern``): scanning left
    to right, the first position where an alternative matches gives a hit, the longest whole alias
    there or else the longest stem, and the scan goes on after it.
    """

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
        self._whole = _automaton({_RUNS.sub(" ", key): (len(_RUNS.sub(" ", key)), entry)
                                  for key, entry in reversed(self._by_alias.items())})
        self._stem = _automaton({stem: (len(stem), entry) for stem, entry in reversed(self._stems) if stem})

    def find(self, folded: str) -> list[Hit]:
        """Every hit in ``folded`` (see ``fold``), in text order."""
        found: dict[int, tuple[int, GazetteerEntry]] = {}  # start -> (end, entry): the longest whole alias
        if self._whole is not None:
            squeezed, where = _squeeze(folded)
            n = len(squeezed)
            for last, (length, entry) in self._whole.iter(squeezed):
                start = last - length + 1
                if (start and _word(squeezed[start - 1])) or (last + 1 < n and _word(squeezed[last + 1])):
                    continue
                at, end = where(start), where(last) + 1
                if at not in found or found[at][0] < end:
                    found[at] = (end, entry)
        if self._stem is not None:
            stems: dict[int, tuple[int, GazetteerEntry]] = {}  # start -> (length, entry): the longest stem
            for last, (length, entry) in self._stem.iter(folded):
                start = last - length + 1
                if start not in found and not (start and _word(folded[start - 1])) and (
                        start not in stems or stems[start][0] < length):
                    stems[start] = (length, entry)
            n = len(folded)
            for start, (length, entry) in stems.items():
                end = start + length
                while end < n and _word(folded[end]):
                    end += 1
                found[start] = (end, entry)
        hits, cursor = [], 0
        for start in sorted(found):
            if start >= cursor:
                end, entry = found[start]
                hits.append(Hit(entry, start, end))
                cursor = end
        return hits


_RUNS = re.compile(r"\s+")
# What squeezing changes: a run of whitespace, or one newline or tab (``\s\s+|[^\S ]``). Written to fail at
# a lone space after one test of the character before (the engine tries a pattern at every space of an article).
_SPACE_RUN = re.compile(r"\s(?:(?<! )|\s)\s*")


def _word(ch: str) -> bool:
    """Whether ``ch`` is a regular-expression word character (``\\w``)."""
    return ch.isalnum() or ch == "_"


def _automaton(keys: dict[str, tuple[int, GazetteerEntry]]):
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, value in keys.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def _squeeze(text: str):
    """``text`` with each run of whitespace as one space, and a function from an offset in it
    to the offset in ``text`` (the identity when nothing was squeezed)."""
    pieces, offsets, pos, shift = [], [], 0, 0
    for m in _SPACE_RUN.finditer(text):
        pieces.append(text[pos:m.start()])
        pieces.append(" ")
        shift += m.end() - m.start() - 1
        offsets.append((m.start() + 1 - (shift - (m.end() - m.start() - 1)), shift))
        pos = m.end()
    if not offsets:  # nothing to squeeze (one pass over the text, not a search and then the same scan again)
        return text, _same
    pieces.append(text[pos:])
    marks = [o for o, _ in offsets]
    shifts = [s for _, s in offsets]

    def where(i: int) -> int:
        k = bisect_right(marks, i)
        return i + (shifts[k - 1] if k else 0)

    return "".join(pieces), where


def _same(i: int) -> int:
    return i


def _reference_pattern(gazetteer: Gazetteer) -> re.Pattern[str] | None:
    """The one regular expression whose hits ``Gazetteer.find`` gives (the tests compare them)."""
    words = sorted(gazetteer._by_alias, key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    parts += [re.escape(s) + r"\w*" for s, _ in gazetteer._stems]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None


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
