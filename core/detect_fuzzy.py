"""Guarded fuzzy matching of capitalised words against surname aliases (Araghci -> Araghchi).

A fuzzy hit needs all of: a capitalised Latin word of at least ``MIN_LENGTH`` letters that is
not a common word; the same first letter as the alias and a length within two letters; a
rapidfuzz ratio of at least ``MIN_SCORE``; and a consonant skeleton that adds no consonant
the alias lacks and differs from it by at most one edit or swap. Transliterations mostly move
vowels, so the last guard keeps other people apart: "Bagheri" is not "Baghaei", "Kharazmi"
is not "Kharazi", and "Khomeini" (ratio 75) is not "Khamenei".
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from core.detect_words import COMMON_WORDS

MIN_LENGTH = 6
MIN_SCORE = 80.0
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
# A fast prefilter (inside words too); hits are then re-found with word boundaries.
CAPITALISED_PREFILTER = re.compile(rf"[A-Z][a-z]{{{MIN_LENGTH - 1},}}")


def skeleton(word: str) -> str:
    return _REPEATS.sub(r"\1", _VOWELS.sub("", word.lower()))


class FuzzyNames:
    """Surname targets indexed by first letter and length; results cached per word (news repeats words)."""

    def __init__(self, targets: dict[str, int], exact: set[str]):
        """``targets``: lowercase single-word alias -> official index; ``exact``: every alias key."""
        self._exact = exact
        self._targets = targets
        by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for t in targets:
            if len(t) >= MIN_LENGTH and t.isascii() and t.isalpha():
                by_shape[t[0], len(t)].append(t)
        # Candidates for a word of first letter c and length n: targets of length n-2 .. n+2.
        self._by_shape: dict[tuple[str, int], list[str]] = {}
        for c, n in list(by_shape):
            for m in range(max(MIN_LENGTH, n - 2), n + 3):
                self._by_shape.setdefault((c, m), [])
        for (c, m), choices in self._by_shape.items():
            for n in range(m - 2, m + 3):
                choices.extend(by_shape.get((c, n), ()))
        self._skeletons = {t: skeleton(t) for t in targets}
        self._hits: dict[str, tuple[int, str, float]] = {}
        self.misses: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self._by_shape)

    def match(self, word: str) -> tuple[int, str, float] | None:
        """(official index, alias, score) for a capitalised word, or None."""
        if word in self.misses:
            return None
        result = self._hits.get(word)
        if result is None:
            result = self._match(word.lower())
            if result is None:
                if len(self.misses) > 200_000:
                    self.misses.clear()
                self.misses.add(word)
            else:
                self._hits[word] = result
        return result

    def _match(self, key: str) -> tuple[int, str, float] | None:
        if key in self._exact or key in COMMON_WORDS:
            return None
        choices = self._by_shape.get((key[0], len(key)))
        if not choices:
            return None
        best = None
        for alias, score, _ in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=5):
            sk, sa = skeleton(key), self._skeletons[alias]
            if set(sk) <= set(sa) and OSA.distance(sk, sa) <= 1:
                if best is None or score > best[2]:
                    best = (self._targets[alias], alias, score)
        return best
