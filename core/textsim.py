"""Topic similarity of two articles in one language: TF-IDF cosine over content words.

SimHash (core.stories.fingerprint) finds copies; two reporters writing up one event in
their own words share its content words (names, places, numbers, the verb of the event)
far more than its word pairs. Document frequencies come from the caller (storage keeps
them incrementally), so this module stays pure.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from operator import add, mul

from core.boilerplate import normalize_for_match, normalized_content

_WORD = re.compile(r"\w+")
TITLE_WEIGHT = 2  # a headline word counts as this many body words
SPAN = 48 * 3600.0  # seconds before an article whose articles weigh its words (Weights.cosine_at)

# Function words carry no event. English, French, Persian: what the feeds use.
STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if of in on at to for from by with without about as into over
    after before between during under than then that this these those it its is are was
    were be been being has have had do does did will would can could should may might
    must not no nor so such also only just more most other some any each both all who whom
    which what when where while why how he she they them their his her we our you your i
    said says say told according saturday sunday monday tuesday wednesday thursday friday
    week weeks day days year years new one two us s t mr ms
    le la les un une des du de et ou en au aux dans par pour sur avec sans que qui est sont
    ce cette ces il elle ils elles se sa son ses leur leurs pas plus ne
    و در به از که این آن با برای را تا بر هم یا اما اگر نیز شد شده است بود های ها می
    خود وی او ایشان گفت کرد کند کرده روز داد دارد کرد کردند شود گفته اند همچنین""".split()  # noqa: SIM905
)


def content_words(text: str) -> list[str]:
    """Lower-cased content words with a light English plural/possessive fold."""
    return _content_words(normalize_for_match(text))


def _content_words(norm: str) -> list[str]:
    """``content_words`` of text already through ``normalize_for_match``."""
    return list(filter(None, map(_FOLDED.__getitem__, _WORD.findall(norm))))


def _content_word(w: str) -> str:
    """The content word ``w`` counts as, or "" for a function word or one too short."""
    if w in STOPWORDS or (len(w) < 3 and w.isascii()) or len(w) < 2:
        return ""
    if w.isascii() and len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return w


class _Folded(dict):
    """word -> ``_content_word(word)``, kept for the first words seen (news reuses them): an article's
    words are then folded in one pass in C, not one Python test after another per word."""

    def __missing__(self, word: str) -> str:
        folded = _content_word(word)
        if len(self) < _FOLDED_KEPT:
            self[word] = folded
        return folded


_FOLDED_KEPT = 20_000  # about 2.5 MB
_FOLDED = _Folded()


def term_counts(title: str, text: str) -> dict[str, int]:
    """Term frequencies of an article (furniture removed), headline words counted double."""
    counts: Counter[str] = Counter(_content_words(normalized_content(text)))
    for w in content_words(title):
        counts[w] += TITLE_WEIGHT
    return dict(counts)


def idf(df: int, docs: int) -> float:
    """Smoothed inverse document frequency: rare words weigh more, none weighs zero."""
    return math.log((docs + 1) / (df + 1)) + 1.0


class Weights:
    """IDF weights from document frequencies (``df`` plus ``extra``, over ``docs`` documents)
    that keep each article's weighted vector and its norm: a new article is compared with many
    candidates under the same weights (one plan), and its vector, built once, gives the same
    floats every time."""

    __slots__ = ("_df", "_extra", "_docs", "_cache", "_vectors", "_by_df", "_times", "_at_vectors", "_by_docs",
                 "_kept")

    def __init__(self, df: Mapping[str, int], docs: int, extra: Mapping[str, int] | None = None,
                 times: tuple | None = None, kept: VectorsKept | None = None) -> None:
        self._df, self._extra, self._docs = df, extra or {}, docs
        self._cache: dict[str, float] = {}
        self._vectors: dict[int, tuple[Mapping[str, int], dict[str, float], float]] = {}
        self._by_df = _IdfByFrequency(docs)
        # (word -> sorted publication times, all times, the same for the batch's own articles)
        self._times = times
        self._at_vectors: dict[tuple[int, float], tuple[Mapping[str, int], dict[str, float], float]] = {}
        self._by_docs: dict[int, _IdfByFrequency] = {}
        self._kept = kept  # vectors of stored articles from earlier plans (the caller's window)

    def cosine_at(self, a: Mapping[str, int], at_a: float, b: Mapping[str, int], at_b: float) -> float:
        """``cosine`` of two articles, each weighted by the frequencies of the articles published in
        the ``SPAN`` before its own time (``at_*``, POSIX seconds): what came later, or arrived in
        another order or batch, never changes the weights, so neither the link."""
        if self._times is None:
            return cosine(a, b, self)
        if not a or not b:
            return 0.0
        (va, na), (vb, nb) = self._vector_at(a, at_a), self._vector_at(b, at_b)
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(w * vb[t] for t, w in va.items() if t in vb)
        return dot / (na * nb) if dot else 0.0

    def _vector_at(self, terms: Mapping[str, int], at: float) -> tuple[dict[str, float], float]:
        kept = self._at_vectors.get((id(terms), at))
        if kept is None or kept[0] is not terms:
            times, every, extra_times, extra_every = self._times
            lo = at - SPAN
            stored = bisect_right(every, at) - bisect_right(every, lo) if every else 0
            own = bisect_right(extra_every, at) - bisect_right(extra_every, lo) if extra_every else 0
            if not own and self._kept is not None:
                # no article of this plan falls in its span: a vector from an earlier plan holds
                # while the stored articles of its span are the same ones (VectorsKept)
                earlier = self._kept.get(terms, at, stored)
                if earlier is not None:
                    self._at_vectors[(id(terms), at)] = earlier
                    return earlier[1], earlier[2]
            docs = stored + own
            by_df = self._by_docs.get(docs)
            if by_df is None:
                by_df = self._by_docs[docs] = _IdfByFrequency(docs)  # idf(df, docs), once per df
            get, get_extra = times.get, extra_times.get
            words, counts = _columns(terms)
            v = {}
            # per word: tf x idf of the articles of (lo, at] holding it, as
            # _tf(n) * idf(count(times[w]) + count(extra_times[w]), docs): the same floats
            # (bisect on an array compares through Python floats: a list of times whose ends lie
            # inside the span is counted without one)
            for w, n in zip(words, counts, strict=True):
                seq = get(w)
                if seq:
                    df = (len(seq) if seq[-1] <= at else bisect_right(seq, at)) \
                        - (0 if seq[0] > lo else bisect_right(seq, lo))
                else:
                    df = 0
                seq = get_extra(w)
                if seq:
                    df += bisect_right(seq, at) - bisect_right(seq, lo)
                v[w] = (_TF[n] if n < 256 else 1 + math.log(n)) * by_df[df]
            kept = self._at_vectors[(id(terms), at)] = (terms, v, math.sqrt(sum(x * x for x in v.values())))
            if not own and self._kept is not None:
                self._kept.put(terms, at, stored, kept)
        return kept[1], kept[2]

    def __call__(self, term: str) -> float:
        w = self._cache.get(term)
        if w is None:  # idf(df + extra, docs), once per frequency
            w = self._cache[term] = self._by_df[self._df.get(term, 0) + self._extra.get(term, 0)]
        return w

    def vector(self, terms: Mapping[str, int]) -> tuple[dict[str, float], float]:
        kept = self._vectors.get(id(terms))
        if kept is None or kept[0] is not terms:  # the mapping itself is kept, so its id is not reused
            words, counts = _columns(terms)
            # the weight of each word from its document frequency: idf(df + extra, docs), as __call__
            frequencies = map(self._df.get, words, _ZEROS)
            if self._extra:
                frequencies = map(add, frequencies, map(self._extra.get, words, _ZEROS))
            ws = list(map(self._by_df.__getitem__, frequencies))
            tf = map(_TF.__getitem__, counts) if not counts or max(counts) < 256 else map(_tf, counts)
            v = dict(zip(words, map(mul, tf, ws), strict=True))  # _vector(terms, self): the same floats
            values = v.values()
            kept = self._vectors[id(terms)] = (terms, v, math.sqrt(sum(map(mul, values, values))))
        return kept[1], kept[2]


class VectorsKept:
    """Time-weighted vectors of stored articles kept from one plan to the next (``Weights.cosine_at``).

    A candidate is compared with the next new articles too, and its vector depends only on its
    words and on the stored articles published in the ``SPAN`` before it. A kept vector holds
    while that span holds as many stored articles as when it was built, and no article of the
    span was dropped since (``dropped`` forgets every vector whose span held the dropped times):
    an article added there raises the count. Only vectors built with no article of the plan
    itself in their span are kept. The oldest are forgotten past ``limit`` (a vector of a news article
    holds a few hundred floats: about 8 MB for a thousand; the candidates of consecutive plans are
    a few hundred articles).
    """

    __slots__ = ("_vectors", "limit")

    def __init__(self, limit: int = 1024) -> None:
        self._vectors: dict[tuple[int, float], tuple[int, tuple]] = {}
        self.limit = limit

    def get(self, terms: Mapping[str, int], at: float, stored: int) -> tuple | None:
        kept = self._vectors.get((id(terms), at))
        if kept is None or kept[0] != stored or kept[1][0] is not terms:
            return None
        return kept[1]

    def put(self, terms: Mapping[str, int], at: float, stored: int, vector: tuple) -> None:
        vectors = self._vectors
        if len(vectors) >= self.limit:
            del vectors[next(iter(vectors))]
        vectors[(id(terms), at)] = (stored, vector)

    def dropped(self, first: float, last: float) -> None:
        """Stored articles published from ``first`` to ``last`` left the window."""
        stale = [k for k in self._vectors if first <= k[1] < last + SPAN]
        for k in stale:
            del self._vectors[k]

    def __len__(self) -> int:
        return len(self._vectors)


_TF = (0.0, *(1 + math.log(n) for n in range(1, 256)))  # sublinear term frequency of small counts
_ZEROS = repeat(0)


class _IdfByFrequency(dict):
    """document frequency -> ``idf(df, docs)``, computed once per frequency (words share them)."""

    __slots__ = ("docs",)

    def __init__(self, docs: int) -> None:
        super().__init__()
        self.docs = docs

    def __missing__(self, df: int) -> float:
        w = self[df] = idf(df, self.docs)
        return w


def _tf(n: int) -> float:
    return _TF[n] if n < 256 else 1 + math.log(n)


def _columns(terms: Mapping[str, int]) -> tuple[Sequence[str], Sequence[int]]:
    """(words, counts) of a term mapping, in its order: a packed one gives its own columns."""
    columns = getattr(terms, "columns", None)
    if columns is not None:
        return columns()
    return list(terms.keys()), list(terms.values())


def _vector(terms: Mapping[str, int], weight: Callable[[str], float]) -> dict[str, float]:
    return {t: (1 + math.log(n)) * weight(t) for t, n in terms.items()}


def cosine(a: Mapping[str, int], b: Mapping[str, int], weight: Callable[[str], float]) -> float:
    """Cosine of sublinear-TF x IDF vectors; ``weight(term)`` gives the IDF (a ``Weights``
    reuses the vectors it has built)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    if isinstance(weight, Weights):
        (va, na), (vb, nb) = weight.vector(a), weight.vector(b)
    else:
        va, vb = _vector(a, weight), _vector(b, weight)
        na, nb = math.sqrt(sum(v * v for v in va.values())), math.sqrt(sum(v * v for v in vb.values()))
    shared = [t for t in va if t in vb]  # in va's order: the same sum as before, term by term
    dot = sum(map(mul, map(va.__getitem__, shared), map(vb.__getitem__, shared)))
    if not dot:
        return 0.0
    return dot / (na * nb)


def shared_terms(a: Mapping[str, int], b: Mapping[str, int], weight: Callable[[str], float],
                 limit: int = 5) -> list[str]:
    """The shared words that add most to the similarity (for /why)."""
    if not isinstance(a, dict):
        a = dict(zip(*_columns(a), strict=True))
    if not isinstance(b, dict):
        b = dict(zip(*_columns(b), strict=True))
    # (key, term) pairs sorted: the order of sorting the terms by key, ties by term
    # _tf(n) is 1 + math.log(n), the same float
    ranked = sorted((-_tf(a[t]) * _tf(b[t]) * weight(t) ** 2, t) for t in a if t in b)
    return [t for _, t in ranked[:limit]]
