"""Fast, local sentence boundaries for detection evidence and topic co-occurrence.

core.sentences (pysbd) is accurate but runs at ~130 KB/s, and even one regex pass over a
whole article costs as much as the Aho-Corasick scan itself. Detection only needs the
sentence around a hit and whether two hits are at most one sentence apart, so we list
terminator candidates in one pass and check only those next to a hit: a
terminator followed by space and a capital, a digit, a quote or Persian script ends a
sentence unless it closes a known abbreviation ("U.S.", "Mr.", "Gen.", an initial); a line
break always does (headlines, captions, bylines).
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


_CANDIDATE = re.compile(r"[.!?؟…\n]")


class SentenceBounds:
    """Sentence boundaries of one text, found lazily: one C-speed pass lists terminator
    candidates, and each candidate is checked only when a hit needs it."""

    def __init__(self, text: str):
        self.text = text
        self._candidates: list[int] | None = None
        self._checked: dict[int, int] = {}

    def _cands(self) -> list[int]:
        if self._candidates is None:
            self._candidates = [m.start() for m in _CANDIDATE.finditer(self.text)]
        return self._candidates

    def _end(self, i: int) -> int:
        try:
            return self._checked[i]
        except KeyError:
            end = self._checked[i] = _ends_sentence(self.text, i)
            return end

    def around(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) of the sentence containing text[start:end], trimmed of spaces."""
        text, cands = self.text, self._cands()
        s = max(0, start - _WINDOW)
        j = bisect_left(cands, start) - 1
        while j >= 0 and cands[j] >= start - _WINDOW:
            after = self._end(cands[j])
            if 0 <= after <= start:
                s = after
                break
            j -= 1
        e = min(len(text), end + _WINDOW)
        for k in range(bisect_left(cands, end), len(cands)):
            c = cands[k]
            if c >= e:
                break
            after = self._end(c)
            if after >= 0:
                e = c if text[c] == "\n" else after
                break
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
        text, cands = self.text, self._cands()
        count, last = 0, -1
        for k in range(bisect_left(cands, a), len(cands)):
            c = cands[k]
            if c >= b:
                break
            after = self._end(c)
            if after < 0:
                continue
            if last >= 0 and not text[last:c].strip():
                last = after  # "\n\n" or ".\n": one boundary
                continue
            count += 1
            last = after
            if count > limit:
                return False
        return True
