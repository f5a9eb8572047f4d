"""Near-misses: what the watchlist almost matched, so an admin can add an alias in one step.

Two kinds, both listed by `briefbot analyze --explain-misses`:

- a capitalised (or Persian-script) word that resembles a tracked name but did not count:
  "Witkorf" is 86 % of "Witkoff", yet a consonant the name lacks keeps the fuzzy guard shut;
- a role head that resolved to nobody: "the foreign minister" with no country in reach,
  "his Iranian counterpart" with nobody before it to be the counterpart of.

Each comes with the command that would make it count. This runs on demand, not in ingest,
so it may look at every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from core.detect import Matcher
from core.detect_roles import country_of
from core.detect_words import COMMON_WORDS, NOT_GIVEN_NAMES, ROLE_HEADS, TITLES
from core.model import Detection
from core.normalize import normalize_key

MIN_SCORE = 70.0
_WORD = re.compile(r"(?<![\w'’])(?:[A-Z][A-Za-z'’-]{3,}|[\u0621-\u06cc\u200c]{4,})")


@dataclass(frozen=True)
class NearMiss:
    kind: str  # "name" or "role"
    text: str  # as written
    start: int
    official: str  # the closest tracked official, or "" for a role that resolved to nobody
    why: str
    fix: str  # the admin command that would make it count


def near_misses(matcher: Matcher, text: str, detection: Detection) -> list[NearMiss]:
    """Words close to a tracked name and role heads that named nobody, in text order."""
    covered = [(m.start, m.end) for m in detection.mentions]
    out = _names(matcher, text, covered) + _roles(matcher, text, covered)
    return sorted(out, key=lambda n: n.start)


def _inside(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in covered)


def _targets(matcher: Matcher) -> dict[str, str]:
    """Single-word alias keys of every official -> official name."""
    out: dict[str, str] = {}
    for official in matcher.watchlist.officials:
        for alias in matcher._aliases(official):
            key = normalize_key(alias.text)
            if " " not in key and len(key) >= 4:
                out.setdefault(key, official.name)
    return out


def _names(matcher: Matcher, text: str, covered: list[tuple[int, int]]) -> list[NearMiss]:
    targets = _targets(matcher)
    if not targets:
        return []
    choices = list(targets)
    out, seen = [], set()
    for m in _WORD.finditer(text):
        word = m.group().rstrip("'’").removesuffix("'s").removesuffix("’s").strip("\u200c")
        key = normalize_key(word)
        if key in seen or _inside(covered, m.start(), m.end()) or key in targets:
            continue
        seen.add(key)
        if key in COMMON_WORDS or key in NOT_GIVEN_NAMES or key in TITLES or country_of(key):
            continue
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
        if best is None:
            continue
        alias, score, _ = best
        name = targets[alias]
        out.append(
            NearMiss(
                "name", word, m.start(), name, f"{score:.0f}% like the alias {alias!r}",
                f"/alias {name} | {word}",
            )
        )
    return out


# Heads that are everyday words and name a tracked office only through the passage ("his
# spokesman" after a foreign minister, "the speaker" after a parliament): no near-miss alone.
_PASSAGE_HEADS = frozenset(
    h for h, (office, _) in ROLE_HEADS.items() if office in ("minister's spokesperson", "parliament's speaker")
)


def _roles(matcher: Matcher, text: str, covered: list[tuple[int, int]]) -> list[NearMiss]:
    norm = normalize_key  # heads are few: a plain search per head is enough here
    low = text.lower()
    out = []
    for head in sorted(ROLE_HEADS, key=len, reverse=True):
        if head in _PASSAGE_HEADS:
            continue  # "spokesman", "speaker": everyday words that name an office only through the passage
        if not head.isascii():
            pattern = re.compile(re.escape(head).replace(r"\ ", r"[\s\u200c]+"))
            hay = text
        else:
            pattern = re.compile(rf"(?<!\w){re.escape(head)}(?!\w)")
            hay = low
        for m in pattern.finditer(hay):
            if _inside(covered, m.start(), m.end()) or _inside([(n.start, n.start + len(n.text)) for n in out], *m.span()):
                continue
            office = ROLE_HEADS[norm(head)][0]
            written = text[m.start() : m.end()]
            out.append(
                NearMiss(
                    "role", written, m.start(), "",
                    f"a {office} with no country or person in reach to say whose",
                    f"/role NAME | {_phrase(text, m.start(), m.end())}",
                )
            )
    return out


def _phrase(text: str, start: int, end: int) -> str:
    """The head with the word before it, the likely role phrase to add ("Tehran's envoy")."""
    before = text[max(0, start - 30) : start].split()
    word = before[-1] if before else ""
    return f"{word} {text[start:end]}".strip() if word and word.lower() not in ("the", "a", "an") else text[start:end]
