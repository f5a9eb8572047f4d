"""Automaton keys for aliases and terms: given-name spellings, joined, hyphenated or spaced
words, Persian compounds, vowel slips of full names; and the case check of case-sensitive aliases."""

from __future__ import annotations

import itertools
from functools import lru_cache

from core.detect_words import (
    COMPOUND_SPELLINGS,
    GIVEN_NAME_SPELLINGS,
)
from core.normalize import normalize_key

_MAX_JOIN_WORDS = 5


@lru_cache(maxsize=4096)
def _key(word: str) -> str:
    return normalize_key(word)


def _spellings(word: str) -> tuple[str, ...]:
    for group in GIVEN_NAME_SPELLINGS:
        if word in group:
            return tuple(sorted(group))
    return (word,)


def alias_keys(text: str) -> set[str]:
    """Every matching key for an alias: given-name spellings, and its words joined,
    hyphenated or spaced ("Haji Babaee", "Haji-Babaee", "Hajibabaee"). Persian compounds
    written joined, spaced or with ZWNJ (گفتگو, گفت و گو, گفت‌وگو) are one word."""
    key = normalize_key(text)
    if _COMPOUND_WORDS.isdisjoint(key.split(" ")):
        return _join_keys(key)  # the usual case: no Persian compound in it
    for spellings in COMPOUND_SPELLINGS:
        for spelling in spellings:
            if f" {spelling} " in f" {key} ":
                return set().union(*(_join_keys(f" {key} ".replace(f" {spelling} ", f" {s} ").strip()) for s in spellings))
    return _join_keys(key)


# Persian's short vowels have two usual Latin spellings each: kasra e/i, zamma o/u.
_VOWEL_SWAPS = {"e": "i", "i": "e", "o": "u", "u": "o"}


def _vowel_variants(words: list[str]) -> set[str]:
    """Keys of a full Latin name whose surname (four letters or more) writes one short vowel
    the other usual way ("Aref" as "Arif") or leaves out one vowel of a pair ("Baqaei" as
    "Baqai"), spaced."""
    surname = words[-1]
    if len(surname) < 4 or not surname.isascii() or not surname.isalpha():
        return set()
    out = set()
    given = [" ".join(spelled) for spelled in itertools.product(*(_spellings(w) for w in words[:-1]))]
    for i, ch in enumerate(surname):
        swap = _VOWEL_SWAPS.get(ch)
        if swap:
            slip = surname[:i] + swap + surname[i + 1 :]
            out.update(f"{g} {slip}" for g in given)
        # one vowel of a pair left out ("Baqaei" as "Baqai"): the other usual transliteration
        pair = (i > 0 and surname[i - 1] in _VOWELS) or (i + 1 < len(surname) and surname[i + 1] in _VOWELS)
        if ch in _VOWELS and pair and len(surname) > 4:
            out.update(f"{g} {surname[:i] + surname[i + 1 :]}" for g in given)
    return out


_VOWELS = frozenset("aeiou")


_COMPOUND_WORDS = frozenset(w for spellings in COMPOUND_SPELLINGS for spelling in spellings for w in spelling.split())


def _join_keys(key: str) -> set[str]:
    words = key.split(" ")
    if len(words) == 1 or len(words) > _MAX_JOIN_WORDS:
        return {" ".join(words)}
    keys = set()
    for spelled in itertools.product(*(_spellings(w) for w in words)):
        for joins in itertools.product((" ", ""), repeat=len(words) - 1):
            keys.add(spelled[0] + "".join(j + w for j, w in zip(joins, spelled[1:], strict=True)))
    return keys


def _letters(s: str) -> str:
    return "".join(ch for ch in s if ch.isalpha())


def _case_ok(alias: str, found: str) -> bool:
    """Capitals in the alias must be capitals in the text (an all-caps headline also counts)."""
    a, f = _letters(alias), _letters(found)
    if f.isupper():
        return True
    if len(a) != len(f):
        return bool(f) and f[0].isupper() == a[:1].isupper()
    return all(fc.isupper() for ac, fc in zip(a, f, strict=True) if ac.isupper())
