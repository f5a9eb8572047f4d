"""Fast, local sentence boundaries for detection evidence and topic co-occurrence.

core.sentences (pysbd) is accurate but runs at ~130 KB/s. Detection only needs the sentence
around a hit and whether two hits are at most one sentence apart. The rule: a terminator
followed by space and a capital, a digit, a quote or Persian script ends a sentence unless
it closes a known abbreviation ("U.S.", "Mr.", "Gen.", an initial); a line break always
does (headlines, captions, bylines). ``_ends_sentence`` states the rule one offset at a
time; ``SentenceBounds`` applies it to a whole text in one regex pass (news has a hit in
nearly every sentence, so checking candidates one by one cost more than the pass).
"""

from __future__ import annotations

import re
from bisect import bisect_left

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_ABBREVIATION = re.compile(
    r"(?:^|[^\w.])(?:[A-Za-z]|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Sen|Rep|Gov|Jr|Sr|No|vs|etc|"
    r"Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|[A-Za-z]\.[A-Za-z])$"
)
_WINDOW = 600  # farthest we look either side of a hit; longer "sentences" are cut there


def _ends_sentence(text: str, i: int) -> int:
    """If text[i] ends a sentence, the offset just past it (and its closing quotes); else -1."""
    ch = text[i]
    if ch == "\n":
        return i + 1
    j = i + 1
    n = len(text)
    while j < n and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
        j += 1
    k = j
    while k < n and text[k] in " \t\u00a0":
        k += 1
    if k == j or k >= n:
        return j if k >= n or text[k] == "\n" else -1
    nxt = text[k]
    if nxt in _OPENERS and k + 1 < n:
        nxt = text[k + 1]
    if not (nxt.isupper() or nxt.isdigit() or "\u0600" <= nxt <= "\u06ff"):
        return -1
    if ch == "." and _ABBREVIATION.search(text, max(0, i - 6), i):
        return -1
    return j


_UPPER = "A-Z0-9\u0600-\u06ff"
_OPEN = "\"'“‘(\\[«"
# What follows a terminator that ends a sentence. Group 1 ends where ``_ends_sentence``
# ends the sentence; group 2 is a capital after the space, group 3 a non-ASCII character or
# an opener whose case ``_boundaries`` checks in Python. Only these two can be abbreviations.
_TAIL = (
    f"(?=([.!?؟…\"'”’)\\]»]*+)(?:[ \\t\u00a0]++(?:([{_OPEN}]?[{_UPPER}])|([^\\x00-\\x7f]|[{_OPEN}])|\\Z)|(?=\\n)|\\Z))"
)
# One pattern per terminator: a literal first character lets sre skip ahead at C speed,
# where a character class makes it test every character (5x slower on non-Latin-1 text).
_ENDS = tuple((ch, re.compile(re.escape(ch) + _TAIL)) for ch in _TERMINATORS)
_NEWLINE = re.compile("\n")


def _boundaries(text: str) -> tuple[list[int], dict[int, int]]:
    """Offsets of every sentence end in ``text``, sorted, and the offset just past each end
    that is not a line break (a line break ends at the next character): the answers of
    ``_ends_sentence`` for all terminators at once."""
    at = [m.start() for m in _NEWLINE.finditer(text)]
    after: dict[int, int] = {}
    abbreviations: dict[str | tuple[str], bool] = {}
    search = _ABBREVIATION.search
    for ch, pattern in _ENDS:
        if ch not in text:
            continue
        dot = ch == "."
        for m in pattern.finditer(text):
            (i, _), (_, j), (capital, _), (k, _) = m.regs
            if k >= 0:
                nxt = text[k]
                if nxt in _OPENERS and k + 1 < len(text):
                    nxt = text[k + 1]
                if not (nxt.isupper() or nxt.isdigit() or "\u0600" <= nxt <= "\u06ff"):
                    continue
            if dot and (k >= 0 or capital >= 0):
                # Only before a capital (not at a line end); the rule looks at most six
                # characters back, and "^" matches only at offset 0.
                key = text[i - 6 : i] if i > 6 else (text[:i],)
                abbreviated = abbreviations.get(key)
                if abbreviated is None:
                    abbreviated = abbreviations[key] = search(text, max(0, i - 6), i) is not None
                if abbreviated:
                    continue
            after[i] = j
    if after:
        at.extend(after)
        at.sort()
    return at, after


def sentence_ends(text: str) -> list[tuple[int, int]]:
    """(terminator offset, offset just past the sentence) for every sentence end in ``text``
    that is not a line break, in order: the same rule, for callers that split whole texts."""
    _, after = _boundaries(text)
    return sorted(after.items())


class SentenceBounds:
    """Sentence boundaries of one text, listed in one pass on first use."""

    def __init__(self, text: str):
        self.text = text
        self._at: list[int] | None = None
        self._after: dict[int, int] = {}
        self.flags: dict = {}  # per-text facts the matcher computes once (core.detect)

    def _ends(self) -> list[int]:
        if self._at is None:
            self._at, self._after = _boundaries(self.text)
        return self._at

    def around(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the sentence containing text[start:end], trimmed of spaces."""
        at = self._at
        if at is None:
            at = self._ends()
        text, after = self.text, self._after
        s = max(0, start - _WINDOW)
        j = bisect_left(at, start) - 1
        while j >= 0 and at[j] >= start - _WINDOW:
            c = at[j]
            past = after.get(c, c + 1)
            if past <= start:
                s = past
                break
            j -= 1
        e = min(len(text), end + _WINDOW)
        k = bisect_left(at, end)
        if k < len(at) and at[k] < e:
            c = at[k]
            e = after.get(c, c)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def apart(self, a: int, b: int, limit: int = 1) -> bool:
        """True when offsets a <= b lie in the same sentence or at most ``limit`` sentences
        apart. Blank lines between paragraphs count as one boundary."""
        if b - a > 4 * _WINDOW:
            return False
        at = self._at
        if at is None:
            at = self._ends()
        lo, hi = bisect_left(at, a), bisect_left(at, b)
        if hi - lo <= limit:
            return True
        text, after = self.text, self._after
        count, last = 0, -1
        for k in range(lo, hi):
            c = at[k]
            if last >= 0 and not text[last:c].strip():
                last = after.get(c, c + 1)  # "\n\n" or ".\n": one boundary
                continue
            count += 1
            last = after.get(c, c + 1)
            if count > limit:
                return False
        return True
