"""The matcher's hits and the small operations on lists of them: the outermost hits, exclusion
spans, the nearest partner within a sentence, and the final Mention objects."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from core.detect_sentences import SentenceBounds
from core.model import Mention


class _Hit:
    __slots__ = ("start", "end", "index", "how", "detail", "alias")

    def __init__(self, start, end, index, how, detail, alias=None):
        self.start, self.end, self.index, self.how, self.detail, self.alias = start, end, index, how, detail, alias


def _mentions(bounds: SentenceBounds, found: list[tuple], order: list[tuple]) -> tuple[Mention, ...]:
    """Mentions in text order; hits in the same sentence share one sentence lookup."""
    text = bounds.text
    around = bounds.around
    s = e = -1
    sentence = ""
    out = []
    for start, end, kind, name, i in order:
        if not (s <= start and end <= e):
            s, e = around(start, end)
            sentence = text[s:e]
        h = found[i][2]
        m = _new_mention(Mention)
        m.__dict__.update(
            name=name, kind=kind, text=text[start:end], start=start, end=end, sentence=sentence, how=h.how,
            detail=h.detail,
        )
        out.append(m)
    return tuple(out)


# A frozen dataclass's __init__ sets each field through object.__setattr__; filling the new
# instance's __dict__ at once gives the same object (equal, same hash and repr) in 60% of the
# time, which matters at ~10,000 mentions per MB.
_new_mention = object.__new__


_BY_END = attrgetter("end")


_BY_START = attrgetter("start")


_BY_INDEX_START = attrgetter("index", "start")


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits inside a longer hit of the same official/topic group ("Khamenei" in "Ali Khamenei").
    The result is sorted by (index, start)."""
    if len(hits) < 2:
        return list(hits)
    # Two stable sorts with C key functions give the (index, start, -end) order.
    hits = sorted(hits, key=_BY_END, reverse=True)
    hits.sort(key=_BY_INDEX_START)
    out: list[_Hit] = []
    index, reach = None, -1  # the farthest end so far of this index's hits
    for h in hits:
        if h.index != index:
            index, reach = h.index, -1
        end = h.end
        if reach >= end:
            continue
        reach = end
        out.append(h)
    return out


class _Bans:
    """Exclusion spans sorted by start, so a term hit checks only the few that can reach it."""

    __slots__ = ("spans", "starts", "longest")

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max(b - a for a, b in self.spans)


def _overlaps(bans: _Bans, h: _Hit) -> bool:
    """True when an exclusion span overlaps ``h`` (a < h.end and h.start < b), unless the
    term is the longer phrase that holds the whole exclusion: the more specific wording wins
    ("مستقیم با یکدیگر گفت‌وگو کردند" over the exclusion "گفت‌وگو کردند")."""
    spans, lo = bans.spans, h.start - bans.longest
    i = bisect_left(bans.starts, h.end) - 1
    while i >= 0 and spans[i][0] >= lo:
        a, b = spans[i]
        if b > h.start and not (h.start <= a and b <= h.end and b - a < h.end - h.start):
            return True
        i -= 1
    return False


def _nearest(bounds: SentenceBounds, h: _Hit, group: list[_Hit], starts: list[int]) -> _Hit | None:
    """The hit of ``group`` closest to ``h`` if it is in the same or a neighbouring sentence."""
    i = bisect_left(starts, h.start)
    start = h.start
    if 0 < i < len(group):
        before, after = group[i - 1], group[i]
        # Closer one first; on a tie the earlier one (a stable sort by distance did the same).
        pair = (before, after) if start - before.start <= after.start - start else (after, before)
    else:
        pair = group[max(0, i - 1) : i + 1]
    for g in pair:
        if bounds.apart(start, g.start) if start <= g.start else bounds.apart(g.start, start):
            return g
    return None
