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
SHORT_LENGTH = 5
MIN_SCORE = 80.0
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
# A fast prefilter (inside words too); hits are then re-found with word boundaries.
# All-caps words count too: headlines misspell names as often as body text does.
CAPITALISED_PREFILTER = re.compile(rf"[A-Z](?:[a-z]{{{SHORT_LENGTH},}}|[A-Z]{{{SHORT_LENGTH},}})")
# Persian-script words long enough for the Persian guard; the first character is literal-free,
# so the pass runs only on text that has Persian script at all.
PERSIAN_PREFILTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]{6,}")
PERSIAN_MIN_LENGTH = 6


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
        # Shorter surnames (Rubio, Zarif) take only a doubled letter: "Rubbio", "Zarriff".
        self._short = {t: oi for t, oi in targets.items() if SHORT_LENGTH <= len(t) < MIN_LENGTH and t.isascii()}
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
        undoubled = _undouble(key, self._short)
        if undoubled is not None:
            return undoubled
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


def _undouble(key: str, short: dict[str, int]) -> tuple[int, str, float] | None:
    """A short surname with one letter doubled ("rubbio" -> "rubio")."""
    for i in range(len(key) - 1):
        if key[i] == key[i + 1]:
            alias = key[:i] + key[i + 1 :]
            if alias in short:
                return short[alias], alias, 90.0
    return None


class PersianFuzzyNames:
    """Persian surnames with one letter dropped, doubled, swapped with its neighbour or
    written with its dot sibling (عراقجی، پرشکیان). No other substitutions and no letter added
    at the end: a substitution is often another word, a final letter often a suffix (قالیبافی). Targets and words are ``normalize_key`` forms of at least six letters."""

    def __init__(self, targets: dict[str, int], exact: set[str]):
        self._targets = {t: oi for t, oi in targets.items() if len(t) >= PERSIAN_MIN_LENGTH}
        self._exact = exact
        self._by_first: dict[str, list[str]] = defaultdict(list)
        for t in self._targets:
            self._by_first[t[0]].append(t)
        self._cache: dict[str, tuple[int, str] | None] = {}

    def __bool__(self) -> bool:
        return bool(self._targets)

    def match(self, key: str) -> tuple[int, str] | None:
        if key in self._cache:
            return self._cache[key]
        found = None
        if key not in self._exact and key not in COMMON_WORDS:
            for alias in self._by_first.get(key[0], ()):
                if _one_slip(key, alias):
                    found = (self._targets[alias], alias)
                    break
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[key] = found
        return found


# Letters that differ only by dots, or that an Arabic keyboard lacks (چ written ج, پ as ب):
# the usual one-letter typos in Persian names (عراقجی، پرشکیان).
_DOT_SIBLING = {ch: group for group in ("رزژ", "جچحخ", "بپتث", "کگ", "سش", "صض", "طظ", "عغ", "دذ", "فق") for ch in group}


def _one_slip(word: str, alias: str) -> bool:
    """``word`` is ``alias`` with one letter dropped or doubled, or two neighbours swapped."""
    if word == alias or abs(len(word) - len(alias)) > 1 or word.startswith(alias):
        return False
    if len(word) == len(alias):
        if sorted(word) == sorted(alias) and OSA.distance(word, alias) == 1:
            return True  # two neighbours swapped
        diff = [(a, b) for a, b in zip(word, alias, strict=True) if a != b]
        return len(diff) == 1 and _DOT_SIBLING.get(diff[0][0]) == _DOT_SIBLING.get(diff[0][1], "?")
    if len(word) > len(alias):  # a doubled letter: "عراقچچی"
        return any(word[i] == word[i + 1] and word[:i] + word[i + 1 :] == alias for i in range(len(word) - 1))
    # A dropped letter, only in long words: short ones are often real words (پزشکان).
    return len(word) >= PERSIAN_MIN_LENGTH + 1 and OSA.distance(word, alias) == 1
