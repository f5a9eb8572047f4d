"""Guarded fuzzy matching of capitalised words against surname aliases (Araghci -> Araghchi).

A fuzzy hit needs all of: a capitalised Latin word of at least ``MIN_LENGTH`` letters that is
not a common word; the same first letter as the alias and a length within two letters; a
rapidfuzz ratio of at least ``MIN_SCORE``; and a consonant skeleton that adds no consonant
the alias lacks and differs from it by at most one edit or swap (c and q count as k, p as f,
v as w: "Witcoff", "Witkopf"). Transliterations mostly move vowels, so the last guard keeps
other people apart: "Bagheri" is not "Baghaei", "Kharazmi" is not "Kharazi", and "Khomeini"
(ratio 75) is not "Khamenei".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from core.detect_hits import _Hit
from core.detect_keys import _case_ok, _key
from core.detect_words import COMMON_WORDS

MIN_LENGTH = 6
SHORT_LENGTH = 5
MIN_SCORE = 80.0
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")
# A fast prefilter (inside words too); hits are then re-found with word boundaries.
# All-caps words count too: headlines misspell names as often as body text does.
# (One character class is faster than an alternation; ``candidates`` drops mixed-case words.)
CAPITALISED_PREFILTER = re.compile(rf"[A-Z][A-Za-z]{{{SHORT_LENGTH},}}")


def candidates(text: str) -> set[str]:
    """Capitalised or all-caps words long enough for the fuzzy pass."""
    return {w for w in CAPITALISED_PREFILTER.findall(text) if w[1:].islower() or w.isupper()}
# Persian letters after normalisation; PersianFuzzyNames builds its word prefilter from them.
PERSIAN_LETTERS = r"[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]"
PERSIAN_MIN_LENGTH = 6


# c and q sound as k, p slips to f and v to w (lip sounds): "Witcoff" and "Witkopf" are
# "Witkoff" with the same consonants.
_HARD_C = str.maketrans("cq", "kk")
_LIPS = str.maketrans("pv", "fw")  # after repeats collapse: a skeleton keeps its length


def skeleton(word: str) -> str:
    return _REPEATS.sub(r"\1", _VOWELS.sub("", word.lower().translate(_HARD_C))).translate(_LIPS)


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
        self._short_lengths = {len(t) for t in self._short}
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
        if len(key) - 1 in self._short_lengths:
            undoubled = _undouble(key, self._short)
            if undoubled is not None:
                return undoubled
        choices = self._by_shape.get((key[0], len(key)))
        if not choices:
            return None
        best = None
        sk = None  # the word's skeleton, once, and only when some alias is close enough
        for alias, score, _ in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=5):
            if sk is None:
                sk = skeleton(key)
            sa = self._skeletons[alias]
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


# Letters that differ only by dots, or that an Arabic keyboard lacks (چ written ج, پ as ب):
# the usual one-letter typos in Persian names (عراقجی، پرشکیان).
_DOT_SIBLING = {ch: group for group in ("رزژ", "جچحخ", "بپتث", "کگ", "سش", "صض", "طظ", "عغ", "دذ", "فق") for ch in group}


def persian_slips(alias: str) -> set[str]:
    """Persian spellings of ``alias`` (a ``normalize_key`` form of at least six letters) with
    one letter doubled, two neighbours swapped, a letter written as its dot sibling, or, in
    words of seven letters or more, one letter dropped (عراقچچی، عرقاچی، عراقجی، البوسعدی).
    No letter is added at the end, where Persian puts suffixes (قالیبافی), and short words
    lose no letter (پزشکیان less one is پزشکان, "doctors"). They are matched as exact keys in
    the one automaton pass, so they cost nothing per character."""
    if len(alias) < PERSIAN_MIN_LENGTH or " " in alias:
        return set()
    out: set[str] = set()
    n = len(alias)
    for i in range(n):
        out.add(alias[: i + 1] + alias[i:])  # doubled
        if i + 1 < n and alias[i] != alias[i + 1]:
            out.add(alias[:i] + alias[i + 1] + alias[i] + alias[i + 2 :])  # swapped
        for sibling in _DOT_SIBLING.get(alias[i], ""):
            out.add(alias[:i] + sibling + alias[i + 1 :])  # dot sibling
        if n - 1 >= PERSIAN_MIN_LENGTH + 1 and i > 0:
            out.add(alias[:i] + alias[i + 1 :])  # dropped, never the first letter
    out.discard(alias)
    return {w for w in out if not w.startswith(alias) and w not in COMMON_WORDS}


# Letters that never join the next one: a writer puts no ZWNJ after them.
_NON_JOINING = frozenset("اآأإدذرزژوؤ")


def persian_splits(alias: str) -> set[str]:
    """``alias`` with a space (a ZWNJ, after normalisation) inside it, after a joining letter,
    both parts two letters or more: "ویت‌کاف" for ویتکاف."""
    if len(alias) < PERSIAN_MIN_LENGTH or " " in alias:
        return set()
    return {alias[:i] + " " + alias[i:] for i in range(2, len(alias) - 1) if alias[i - 1] not in _NON_JOINING}


# A Latin word broken at a line end by a hyphen ("Pezesh-\nkian" in scraped or PDF text).
_WRAP_TAIL = re.compile(r"[a-z]+(?!\w)")
_WRAP_MARKS = ("-\n", "-\r\n", "\u2010\n", "\u2011\n")


def has_wrap_mark(text: str) -> bool:
    """Whether one of ``_WRAP_MARKS`` is in ``text``: the character before each line break is
    looked at (an article has a few dozen), where four substring searches read the whole text."""
    i = text.find("\n", 1)
    while i >= 0:
        before = text[i - 1]
        if before in "-\u2010\u2011" or (before == "\r" and text[i - 2 : i - 1] == "-"):
            return True
        i = text.find("\n", i + 1)
    return False


class FuzzyPass:
    """Matcher methods (a mixin) for spellings the automaton cannot hold: a surname broken by a
    hyphen at a line end, and guarded fuzzy matches of capitalised words."""

    def _wrapped_hits(self, text: str) -> list[_Hit]:
        """Surnames split by a hyphen at a line end; each half alone is no alias."""
        out = []
        for mark in _WRAP_MARKS:
            i = text.find(mark)
            while i >= 0:
                start = i
                while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
                    start -= 1
                tail = _WRAP_TAIL.match(text, i + len(mark))
                if tail and start < i and not (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’")):
                    joined = text[start:i] + tail.group()
                    for oi, alias in self._wrapped.get(_key(joined), ()):
                        if not alias.case_sensitive or _case_ok(alias.text, joined):
                            out.append(_Hit(start, tail.end(), oi, "alias", alias.text, alias))
                i = text.find(mark, i + 1)
        return out

    def _fuzzy_hits(self, text: str, exact: list[_Hit]) -> list[_Hit]:
        fuzzy = self._fuzzy
        words = set(CAPITALISED_PREFILTER.findall(text))
        words -= fuzzy.misses  # known misses, and words of the wrong shape seen before (C speed)
        matched = {}
        for w in words:
            if not (w[1:].islower() or w.isupper()):
                fuzzy.misses.add(w)  # mixed case ("McDonald"): never a candidate (detect_fuzzy.candidates)
                continue
            found = fuzzy.match(w)
            if found is not None:
                matched[w] = found
        if not matched:
            return []  # the usual case: every capitalised word is a known miss
        covered = sorted((h.start, h.end) for h in exact)
        starts = [c[0] for c in covered]
        out = []
        for word, (oi, alias, score) in matched.items():
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                i = bisect_left(starts, end)
                if (
                    (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'’."))
                    and (end == len(text) or not text[end].isalnum())
                    and not any(a < end and start < b for a, b in covered[max(0, i - 8) : i])
                ):
                    out.append(_Hit(start, end, oi, "fuzzy", f"{alias} ({score:.0f})"))
                start = text.find(word, end)
        return out
