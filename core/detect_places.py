"""Questions about the countries an article names: a country that is one of a roll-call of other
countries, whether an article names only countries other than the tracked ones ("@foreign
only"), and whether it is about a third country's affairs without a word of the rule's own
country ("@about Iran")."""

from __future__ import annotations

import re

from core.detect_roles import _CONNECTORS, _tokens_after, _tokens_before, country_of
from core.detect_words import (
    COUNTRY_WORDS,
    HOME_CUES,
    TRACKED_PLACES,
)
from core.normalize import normalize_key


def country_pattern(words: list[str]) -> re.Pattern[str] | None:
    """One regex for country words: long ones in any case, short ones ("US", "UK") only in
    capitals, each a whole word."""
    long = sorted((re.escape(w) for w in words if len(w) > 3), key=len, reverse=True)
    short = sorted((re.escape(w.upper()) for w in words if len(w) <= 3), key=len, reverse=True)
    parts = ([f"(?i:{'|'.join(long)})"] if long else []) + short
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None


_TRACKED = frozenset({"iran", "us"})


def listed_among_others(text: str, start: int, end: int) -> bool:
    """True when the country at [start, end) is one item of a list of other countries that
    leaves out Iran and the US, three or more ("Saudi Arabia, the UAE, Qatar, Kuwait, Bahrain and
    Oman"):
    a roll-call of the Gulf states, not the mediator of the talks."""
    own = country_of(normalize_key(text[start:end]))
    before = [t for t in _tokens_before(text, start) if t != "the"]
    after, _ = _tokens_after(text, end)
    after = [t for t in after if t != "the"]
    others: list[str] = []
    for side in (list(reversed(before)), after):
        i = 0
        while i + 1 < len(side) and side[i] in _CONNECTORS:
            two = " ".join(reversed(side[i + 1 : i + 3])) if side is not after else " ".join(side[i + 1 : i + 3])
            country = country_of(side[i + 1]) or country_of(two)
            if not country:
                break
            others.append(country)
            i += 2 if country_of(side[i + 1]) else 3
    others = [c for c in others if c != own]
    return len(others) >= 3 and _TRACKED.isdisjoint(others)


class Places:
    """Whether an article names only countries other than the tracked ones (for topics that
    carry the "@foreign only" rule). Two searches over the text, run only for such a topic's
    hits; the first usually stops at the first "Iran"."""

    def __init__(self, tracked: set[str]):
        self._tracked_set = frozenset(tracked)
        self._patterns: tuple | None = None  # compiled on first use (~30 ms each): start-up pays nothing

    def _compiled(self) -> tuple:
        if self._patterns is None:
            tracked = self._tracked_set
            others = {c for c in COUNTRY_WORDS.values()} - tracked
            places = {**COUNTRY_WORDS, **TRACKED_PLACES}
            self._patterns = (
                country_pattern([w for w, c in places.items() if c in tracked]),
                country_pattern([w for w, c in COUNTRY_WORDS.items() if c in others]),
            )
        return self._patterns

    def only_foreign(self, text: str) -> bool:
        tracked, foreign = self._compiled()
        if tracked is None or foreign is None:
            return False
        if tracked.search(text) is not None:
            return False  # the usual case, found at the first "Iran"
        norm = normalize_key(text)  # Arabic letter forms, ZWNJ: only when the plain search failed
        return tracked.search(norm) is None and foreign.search(norm) is not None


# Iran's institutions named without the country ("سپاه", "the Majlis"), beside its places.
_HOME_INSTITUTIONS = {"iran": "سپاه;revolutionary guard;majlis;guardian council;irgc;quds force;مجلس شورای اسلامی"}


class Subject:
    """The "@about COUNTRY" rule: whether an article is about another country's affairs. It is
    when it names a third country (neither a side of the talks, nor a mediator, nor an onlooker)
    and names the country of the rule in no way: no word for it, none of its places or
    institutions, none of its officials (checked by the matcher). Two searches, once per
    article, only when such a topic hit."""

    def __init__(self, home: str, third: frozenset[str]):
        self.home = home
        self._third = third
        self.key = home  # memo key per article (``Matcher`` sets another for a rule with onlookers)
        self._patterns: tuple | None = None

    def _compiled(self) -> tuple:
        if self._patterns is None:
            words = [w for w, c in {**COUNTRY_WORDS, **TRACKED_PLACES}.items() if c == self.home]
            words += [normalize_key(w) for w, (c, _) in HOME_CUES.items() if c == self.home]
            words += [normalize_key(w) for w in _HOME_INSTITUTIONS.get(self.home, "").split(";") if w]
            self._patterns = (
                country_pattern(words),
                country_pattern([w for w, c in COUNTRY_WORDS.items() if c in self._third]),
            )
        return self._patterns

    def elsewhere(self, text: str, norm: str) -> bool:
        """``norm``: the text normalised (Arabic letter forms, ZWNJ), as the matcher scanned it."""
        home, third = self._compiled()
        if third is None:
            return False
        if home is not None and (home.search(text) is not None or home.search(norm) is not None):
            return False
        return third.search(text) is not None or third.search(norm) is not None  # "UAE" only in capitals
