"""Fast, local sentence boundaries for detection evidence and topic co-occurrence.

core.sentences (pysbd) is accurate but runs at ~130 KB/s, and even one regex pass over a
whole article costs as much as the Aho-Corasick scan itself. Detection only needs the
sentence around a hit and whether two hits are at most one sentence apart, so we look for
terminators with ``str.find``/``rfind`` next to the hit and check each candidate: a
terminator followed by space and a capital, a digit, a quote or Persian script ends a
sentence unless it closes a known abbreviation ("U.S.", "Mr.", "Gen.", an initial); a line
break always does (headlines, captions, bylines).
"""

from __future__ import annotations

import re

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


def _find_any(text: str, start: int, stop: int) -> int:
    best = -1
    for c in _TERMINATORS + "\n":
        k = text.find(c, start, stop)
        if k >= 0 and (best < 0 or k < best):
            best = k
            stop = k
    return best


def _rfind_any(text: str, start: int, stop: int) -> int:
    best = -1
    for c in _TERMINATORS + "\n":
        k = text.rfind(c, start, stop)
        if k > best:
            best = k
            start = k + 1
    return best


def next_boundary(text: str, pos: int, limit: int) -> int:
    """Offset just past the first sentence end at or after ``pos`` (before ``limit``), or -1."""
    while pos < limit:
        i = _find_any(text, pos, limit)
        if i < 0:
            return -1
        end = _ends_sentence(text, i)
        if end >= 0:
            return end
        pos = i + 1
    return -1


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of the sentence containing text[start:end], trimmed of spaces."""
    lo = max(0, start - _WINDOW)
    s = lo
    pos = start
    while pos > lo:
        i = _rfind_any(text, lo, pos)
        if i < 0:
            break
        after = _ends_sentence(text, i)
        if 0 <= after <= start:
            s = after
            break
        pos = i
    hi = min(len(text), end + _WINDOW)
    e = hi
    pos = end
    while pos < hi:
        i = _find_any(text, pos, hi)
        if i < 0:
            break
        after = _ends_sentence(text, i)
        if after >= 0:
            e = i if text[i] == "\n" else after
            break
        pos = i + 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences_apart(text: str, a: int, b: int, limit: int = 1) -> bool:
    """True when offsets a <= b lie in the same sentence or at most ``limit`` sentences apart.

    Blank lines between paragraphs count as one boundary.
    """
    if b - a > 4 * _WINDOW:
        return False
    pos, count = a, 0
    while pos < b:
        nb = next_boundary(text, pos, b)
        if nb < 0 or nb > b:
            return True
        count += 1
        if count > limit:
            return False
        while nb < b and text[nb] in "\n \t\u00a0":
            nb += 1
        pos = nb
    return True
