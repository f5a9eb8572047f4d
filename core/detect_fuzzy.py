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
CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{%d,}(?![\w])" % (MIN_LENGTH - 1))


def skeleton(word: str) -> str:
    return _REPEATS.sub(r"\1", _VOWELS.sub("", word.lower()))


class FuzzyNames:
    """Surname targets indexed by first letter; results cached per word (news repeats words)."""

    def __init__(self, targets: dict[str, int], exact: set[str]):
        """``targets``: lowercase single-word alias -> official index; ``exact``: every alias key."""
        self._exact = exact
        self._targets = targets
        self._by_letter: dict[str, list[str]] = defaultdict(list)
        for t in targets:
            if len(t) >= MIN_LENGTH and t.isascii() and t.isalpha():
                self._by_letter[t[0]].append(t)
        self._skeletons = {t: skeleton(t) for t in targets}
        self._cache: dict[str, tuple[int, str, float] | None] = {}

    def __bool__(self) -> bool:
        return bool(self._by_letter)

    def match(self, word: str) -> tuple[int, str, float] | None:
        """(official index, alias, score) for a capitalised word, or None."""
        key = word.lower()
        if key in self._cache:
            return self._cache[key]
        result = self._match(key)
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _match(self, key: str) -> tuple[int, str, float] | None:
        if key in self._exact or key in COMMON_WORDS:
            return None
        choices = [t for t in self._by_letter.get(key[0], ()) if abs(len(t) - len(key)) <= 2]
        if not choices:
            return None
        best = None
        for alias, score, _ in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=5):
            sk, sa = skeleton(key), self._skeletons[alias]
            if set(sk) <= set(sa) and OSA.distance(sk, sa) <= 1:
                if best is None or score > best[2]:
                    best = (self._targets[alias], alias, score)
        return best
