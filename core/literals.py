"""Literal strings a regex cannot match without: a cheap pre-filter for many patterns.

Testing a line against dozens of ``search`` patterns costs one scan of the line per
pattern. Every match of ``subscribe (?:to|for) (?:our|the) .{0,40}newsletter`` contains
"subscribe ", so a line without that string need not be searched at all. ``factors``
derives such a set from the pattern itself (no hand-kept list to drift from the rules);
one Aho-Corasick pass over a line then says which patterns can possibly match it.
A pattern the parser cannot reduce gets ``None`` and is always run, so the pre-filter
can only skip work, never change a result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import ahocorasick

try:  # the stdlib's regex parser: private, so any surprise means "no factors", never a wrong skip
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    _c = _p = None

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def factors(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None when unknown."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern)
    except Exception:  # noqa: BLE001 - an unparseable pattern is simply never skipped
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _sequence(list(parsed))
    return frozenset(found) if found and all(found) else None


def _best(candidates: list[set[str]]) -> set[str] | None:
    """Of several sets any one of which is necessary, the most selective: longest shortest string."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _sequence(items: Sequence) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if str(op) == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        if (one := _item(op, av)) is not None:
            candidates.append(one)
    if run:
        candidates.append({"".join(run)})
    return _best(candidates)


def _item(op, av) -> set[str] | None:
    name = str(op)
    if name == "SUBPATTERN":
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _sequence(list(sub))
    if name == "BRANCH":
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # this branch can match without any known string
            union |= found
        return union
    if name in _REPEATS:
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    return None  # character classes, anchors, lookarounds: no literal is certain


class Prefilter:
    """Which of ``patterns`` (by index) could match a text, from their literal factors."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.always: list[int] = []
        by_factor: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            found = factors(pattern)
            if found is None:
                self.always.append(i)
                continue
            for f in found:
                by_factor.setdefault(f, []).append(i)
        self._automaton = ahocorasick.Automaton()
        for f, indexes in by_factor.items():
            self._automaton.add_word(f, tuple(indexes))
        if by_factor:
            self._automaton.make_automaton()
        self._empty = not by_factor

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that may match ``text``, in pattern order."""
        if self._empty:
            return self.always
        found = set(self.always)
        for _end, indexes in self._automaton.iter(text):
            found.update(indexes)
        return sorted(found)
