"""Detection of tracked officials and topics in article text, with evidence for every hit.

One Aho-Corasick pass over the normalised text finds every alias, role phrase, topic term
and exclusion at once, overlapping matches included, so a surname inside a full name, or
one official's name inside another's, never hides a match. Everything after that pass
works on the few hits only: word boundaries, case, guards against other people who share
a surname ("Mojtaba Khamenei"), role modifiers ("former", "deputy"), context for ambiguous
surnames ("Aref"), topic rules across neighbouring sentences, and a guarded fuzzy pass
for spellings the aliases miss.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache
from operator import attrgetter

import ahocorasick
from rapidfuzz import fuzz

from core.detect_fuzzy import FuzzyNames, candidates, persian_slips, persian_splits
from core.detect_parties import MEDIATORS, ONLOOKERS, SIDES, Parties
from core.detect_roles import Item, Places, RoleIndex, country_of, listed_among_others, resolve_heads
from core.detect_sentences import SentenceBounds
from core.detect_words import (
    ACCORD_TERMS,
    BUSINESS_TALK_TERMS,
    CEREMONIAL_SENSE_TERMS,
    COMMERCIAL_SENSE_TERMS,
    COMMON_WORDS,
    COMPOUND_SPELLINGS,
    CONFLICTING_TITLES,
    COUNTRY_WORDS,
    ENVOY_OWN_REGIONS,
    ENVOY_WORDS,
    GIVEN_NAME_SPELLINGS,
    NAMED_AFTER,
    NOT_GIVEN_NAMES,
    PERSIAN_DETERMINERS,
    PERSIAN_GIVEN_NAMES,
    PERSIAN_NAMED_AFTER,
    PERSIAN_OTHER_COUNTRIES,
    ROLE_BLOCKERS_AFTER,
    ROLE_BLOCKERS_BEFORE,
    ROLE_COUNTRY_WORDS,
    ROLE_HEADS,
    TITLES,
    is_ceremonial,
    is_commercial,
    is_corporate,
    is_dated_accord,
    is_sport,
    may_be_commercial,
    may_be_sport,
)
from core.model import Alias, Detection, Mention, Official, Watchlist
from core.normalize import normalize, normalize_key
from core.watchlist import ALSO_PREFIX, FOREIGN_ONLY, RULE_PREFIX

_ALIAS, _ROLE, _TERM, _EXCL, _HEAD, _SLIP, _THIRD = range(7)
_NAMESAKE = ("given", "title")
_MAX_JOIN_WORDS = 5
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’]*)")
_LATIN = re.compile(r"[A-Za-z]")
_AT_THE_TIME = re.compile(r",?[ \t]+(?:at the time|back then)\b")
_CAPITALISED_RUN = re.compile(r"[ \t]+(?:the[ \t]+)?((?:[A-Z][\w'’.-]*[ \t]*){1,5})")
_APPOSITIVE_NAME = re.compile(r",[ \t]+([A-Z][\w'’-]*)[ \t]+([A-Z][\w'’-]*)")
_PLACE_ENDINGS = frozenset({"iran", "oman", "states", "america", "republic"})
_JUNIOR = re.compile(r",?[ \t]+(?:Jr|Sr)\b")
_OF_TITLE = re.compile(r"\b(?:of|for|to)(?:[ \t]+[A-Z][\w.'’]*){0,2}[ \t]+$")
_HYPHEN_WORD = re.compile(r"[-‐‑](\w+)")
# A Latin word broken at a line end by a hyphen ("Pezesh-\nkian" in scraped or PDF text).
_WRAP_TAIL = re.compile(r"[a-z]+(?!\w)")
_WRAP_MARKS = ("-\n", "-\r\n", "\u2010\n", "\u2011\n")
# What qualifies an envoy's title: "for Ukraine", "to the Middle East", Persian "در امور اوکراین".
_ENVOY_QUALIFIER = re.compile(r"[ \t]+(?:(?:for|to)[ \t]+(?:the[ \t]+)?([A-Z]\w*)|در[ \t\u200c]+امور[ \t]+(\w+))")
# The word after a Persian role, across an appositive comma: a country or a given name.
_PERSIAN_NEXT = re.compile(r"[ \t\u00a0]*[،,]?[ \t\u00a0]*([^\W\d_]+)")
_PERSIAN_JUNIOR = re.compile(r"[ \t\u00a0\u200c]+جونیور")
_HYPHEN_THING = re.compile(r"[-‐‑](?:class|branded|brand|themed|owned)\b", re.IGNORECASE)
# After a context-needing surname: a speaker's colon (a headline "ظریف: ...") or "in an
# interview with" (Persian), which only a person takes.
_SPEAKER_AFTER = re.compile(r"[ \t]*:|[ \t\u200c]+در[ \t\u200c]+(?:گفت[ \t\u200c]*و?[ \t\u200c]*گو|گفتگو|مصاحبه)[ \t\u200c]+با")


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
    for spellings in COMPOUND_SPELLINGS:
        for spelling in spellings:
            if f" {spelling} " in f" {key} ":
                return set().union(*(_join_keys(f" {key} ".replace(f" {spelling} ", f" {s} ").strip()) for s in spellings))
    return _join_keys(key)


def _join_keys(key: str) -> set[str]:
    words = key.split(" ")
    if len(words) == 1 or len(words) > _MAX_JOIN_WORDS:
        return {" ".join(words)}
    keys = set()
    for spelled in itertools.product(*(_spellings(w) for w in words)):
        for joins in itertools.product((" ", ""), repeat=len(words) - 1):
            keys.add(spelled[0] + "".join(j + w for j, w in zip(joins, spelled[1:], strict=True)))
    return keys


def _word_before(text: str, pos: int, hyphen: bool = False) -> tuple[str, int, bool] | None:
    """The word before ``pos`` on the same line, separated by spaces (or, with ``hyphen``,
    by a hyphen: "ex-president"), its start, and whether a hyphen separated it."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    hyphenated = False
    if hyphen and i > 0 and text[i - 1] in "-‐‑":
        hyphenated = True
        i -= 1
        while i > 0 and text[i - 1] in " \t\u00a0":
            i -= 1
    if i == pos or i == 0:
        return None
    j, lo = i, max(0, i - 40)
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in ".'’_"):
        j -= 1
    while j < i and not text[j].isalpha():
        j += 1
    if j == i:
        return None
    return text[j:i], j, hyphenated


def _name_like(word: str) -> bool:
    """Capitalised and neither a common word nor a word that often precedes a name."""
    if not word[:1].isupper():
        return False
    key = _key(word).removesuffix("'s")
    return key not in COMMON_WORDS and key not in NOT_GIVEN_NAMES and key not in TITLES


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


def _title_case_line(text: str, pos: int) -> bool:
    """Headlines capitalise verbs ("Rubio Tells Araghchi"); name guards must not read them as names."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [w for w in text[lo : hi if hi >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


class _Hit:
    __slots__ = ("start", "end", "index", "how", "detail", "alias")

    def __init__(self, start, end, index, how, detail, alias=None):
        self.start, self.end, self.index, self.how, self.detail, self.alias = start, end, index, how, detail, alias


class Matcher:
    """Built once per watchlist (automaton, fuzzy index); ``scan`` is then pure and fast."""

    def __init__(self, watchlist: Watchlist):
        self.watchlist = watchlist
        self._officials = watchlist.officials
        self._topics = watchlist.topics
        entries: dict[str, list[tuple]] = defaultdict(list)
        self._own_words: list[frozenset[str]] = []
        self._given: list[frozenset[str]] = []
        # Aliases that name the official beside a namesake: a given name or a title in them.
        self._strong_aliases: set[Alias] = set()
        self._given_aliases: set[Alias] = set()  # those holding the official's given name
        self._wrapped: dict[str, list[tuple[int, Alias]]] = defaultdict(list)
        fuzzy_targets: dict[str, int] = {}
        persian_targets: dict[str, int] = {}
        for oi, official in enumerate(self._officials):
            own: set[str] = set()
            for alias in self._aliases(official):
                for key in alias_keys(alias.text):
                    entries[key].append((_ALIAS, oi, alias))
                    if " " not in key and not alias.needs_context and _LATIN.match(key):
                        fuzzy_targets.setdefault(key, oi)
                        self._wrapped[key].append((oi, alias))
                    elif " " not in key and not alias.needs_context and "\u0600" <= key[:1] <= "\u06ff":
                        persian_targets.setdefault(key, oi)
                for word in normalize_key(alias.text).split():
                    own.update(_spellings(word))
            self._own_words.append(frozenset(own))
            # Given names: every word of the canonical name but its last (the surname).
            given = {w for part in official.name.split()[:-1] for w in normalize_key(part).split()}
            self._given.append(frozenset(s for w in given for s in _spellings(w)))
            for alias in self._aliases(official):
                words = normalize_key(alias.text).split()
                if not self._given[-1].isdisjoint(words):
                    self._given_aliases.add(alias)
                if (
                    not self._given[-1].isdisjoint(words)  # "Ali Khamenei"
                    or not TITLES.isdisjoint(words)  # "Ayatollah Khamenei"
                    or any(w in PERSIAN_GIVEN_NAMES for w in words)
                ):
                    self._strong_aliases.add(alias)
            for role in official.roles:
                entries[normalize_key(role)].append((_ROLE, oi, role))
        single_aliases: dict[str, int] = {}
        for key, found in entries.items():
            for entry in found:
                if entry[0] == _ALIAS and " " not in key:
                    single_aliases.setdefault(key, entry[1])
        self._roles = RoleIndex(self._officials, single_aliases)
        self._foreign_only = {ti for ti, t in enumerate(self._topics) if FOREIGN_ONLY in t.exclude}
        names = {t.name.casefold(): t.name for t in self._topics}
        self._also = {
            ti: names[rule[len(ALSO_PREFIX) :].strip().casefold()]
            for ti, t in enumerate(self._topics)
            for rule in t.exclude
            if rule.startswith(ALSO_PREFIX) and rule[len(ALSO_PREFIX) :].strip().casefold() in names
        }
        # Groups of talk terms whose parties core.detect_parties checks: every group of a topic
        # another counts as ("negotiations"), and the non-place groups of that other ("Oman talks").
        targets = set(self._also.values())
        self._talk_topics = {ti for ti, t in enumerate(self._topics) if t.name in targets or ti in self._also}
        self._talk_groups = {
            (ti, gi)
            for ti, t in enumerate(self._topics)
            for gi, g in enumerate(t.groups)
            if t.name in targets or (ti in self._also and all(country_of(normalize_key(x)) is None for x in g))
        }
        terms = {term for t in self._topics for g in t.groups for term in g}
        # Terms the sense rules look at, known at build time so other hits skip them at once.
        self._country_terms = {t for t in terms if country_of(normalize_key(t)) is not None}
        self._commercial_terms = {t for t in terms if normalize_key(t) in COMMERCIAL_SENSE_TERMS}

        def stem(t: str) -> str:
            return normalize_key(t).rstrip("*")

        self._ceremonial_terms = {t for t in terms if stem(t) in CEREMONIAL_SENSE_TERMS}
        self._business_talk_terms = {t for t in terms if stem(t) in BUSINESS_TALK_TERMS}
        self._accord_terms = {t for t in terms if stem(t) in ACCORD_TERMS}
        sense_terms = (
            self._country_terms | self._commercial_terms | self._ceremonial_terms | self._business_talk_terms
            | self._accord_terms
        )
        self._sense_groups = {
            (ti, gi) for ti, t in enumerate(self._topics) for gi, g in enumerate(t.groups) if not sense_terms.isdisjoint(g)
        }
        self._sense_terms = frozenset(sense_terms)
        self._sense_terms_people = frozenset(sense_terms - (self._business_talk_terms - self._country_terms
                                                            - self._commercial_terms - self._ceremonial_terms
                                                            - self._accord_terms))
        self._places = Places(set(self._roles.country.values()))
        # For talks, the mediators and hosts are no foreign country ("Qatar offered to host talks").
        self._talk_places = Places(set(self._roles.country.values()) | MEDIATORS)
        if self._roles:
            for key in ROLE_HEADS:
                entries[key].append((_HEAD, 0, key))
        for ti, topic in enumerate(self._topics):
            for gi, group in enumerate(topic.groups):
                for term in group:
                    stem = term.rstrip().endswith("*")
                    for key in alias_keys(term.rstrip().rstrip("*")):
                        # Spellings of one compound (گفتگو*, گفت و گو*) share keys: one entry each.
                        if not any(e[0] == _TERM and e[1] == (ti, gi) and e[3] == stem for e in entries[key]):
                            entries[key].append((_TERM, (ti, gi), term, stem))
            for phrase in topic.exclude:
                if phrase.startswith(RULE_PREFIX):
                    continue  # a rule flag ("@foreign only"), not a phrase
                stem = phrase.rstrip().endswith("*")
                for key in alias_keys(phrase.rstrip().rstrip("*")):
                    entries[key].append((_EXCL, ti, phrase, stem))
        # Each hit goes to a list ("slot") chosen at build time, so scan appends without
        # dispatching on the kind: aliases, roles, one slot per topic group, one per topic's
        # exclusions. Entries keep their order, which decides ties later.
        self._term_slots = {
            (ti, gi): 2 + k
            for k, (ti, gi) in enumerate((ti, gi) for ti, t in enumerate(self._topics) for gi in range(len(t.groups)))
        }
        first_excl = self._first_excl = 2 + len(self._term_slots)
        self._topic_slots = [
            [self._term_slots[ti, gi] for gi in range(len(t.groups))] for ti, t in enumerate(self._topics)
        ]
        self._head_slot = first_excl + len(self._topics)
        self._third_slot = self._head_slot + 1  # third countries: gate for core.detect_parties
        self._slots = self._head_slot + 2
        self._parties = Parties(self._roles.country)
        if self._talk_groups:
            for word, country in COUNTRY_WORDS.items():
                if country not in SIDES and country not in MEDIATORS and country not in ONLOOKERS:
                    entries[word].append((_THIRD,))
        # Persian surnames with one slip of the pen become keys of their own (core.detect_fuzzy).
        for key, oi in persian_targets.items():
            for slip in persian_slips(key) | persian_splits(key):
                if slip not in entries:
                    entries[slip].append((_SLIP, oi, key))
        self._automaton = ahocorasick.Automaton()
        for key, found in entries.items():
            if key:
                any_stem = any(entry[-1] is True for entry in found)
                prepared = []
                for entry in found:
                    kind = entry[0]
                    if kind == _ALIAS:
                        alias = entry[2]
                        check = alias.text if alias.case_sensitive else None
                        prepared.append((0, False, entry[1], "alias", alias.text, alias, check))
                    elif kind == _ROLE:
                        prepared.append((1, False, entry[1], "role", entry[2], None, None))
                    elif kind == _SLIP:
                        prepared.append((0, False, entry[1], "fuzzy", f"{entry[2]} (one letter)", None, None))
                    elif kind == _HEAD:
                        prepared.append((self._head_slot, False, 0, "role", entry[2], None, None))
                    elif kind == _THIRD:
                        prepared.append((self._third_slot, False, 0, "country", key, None, None))
                    elif kind == _TERM:
                        slot = self._term_slots[entry[1]]
                        prepared.append((slot, entry[3], entry[1][0], "rule", entry[2], None, None))
                    else:
                        prepared.append((first_excl + entry[1], entry[3], entry[1], "rule", entry[2], None, None))
                self._automaton.add_word(key, (len(key), tuple(prepared), any_stem))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._fuzzy = FuzzyNames(fuzzy_targets, {k for k, v in entries.items() if v[0][0] != _SLIP})

    @staticmethod
    def _aliases(official: Official) -> tuple[Alias, ...]:
        """The canonical name always counts, whether or not it is listed."""
        if any(normalize_key(a.text) == normalize_key(official.name) for a in official.aliases):
            return official.aliases
        return (Alias(official.name),) + official.aliases

    # -- the one pass ---------------------------------------------------------------------

    def scan(self, text: str) -> Detection:
        """Mentions of officials and topics in ``text``, sorted by start, offsets into ``text``."""
        if not text or not len(self._automaton):
            return Detection()
        norm = normalize(text)
        n = norm.text
        size = len(n)
        identity = not norm._norm_breaks
        span = norm.span
        slots: list[list[_Hit]] = [[] for _ in range(self._slots)]
        for last, (length, found, any_stem) in self._automaton.iter(n):
            s = last - length + 1
            if s > 0 and n[s - 1].isalnum():
                continue
            e = last + 1
            whole = e == size or not n[e].isalnum()
            if not (whole or any_stem):
                continue
            os, oe = (s, e) if identity else span(s, e)
            for slot, stem, index, how, detail, alias, check in found:
                if stem:  # the hit runs to the end of the word
                    end = e
                    while end < size and n[end].isalnum():
                        end += 1
                    hs, he = (s, end) if identity else span(s, end)
                elif whole:
                    hs, he = os, oe
                else:
                    continue
                if check is not None and not _case_ok(check, text[hs:he]):
                    continue
                slots[slot].append(_Hit(hs, he, index, how, detail, alias))
        aliases, roles = slots[0], slots[1]
        if self._wrapped and any(mark in text for mark in _WRAP_MARKS):
            aliases.extend(self._wrapped_hits(text))
        if self._fuzzy:
            aliases.extend(self._fuzzy_hits(text, aliases))
        bounds = SentenceBounds(text)
        bounds.norm = n
        people = self._officials_found(bounds, aliases, roles, slots[self._head_slot])
        found = people + self._topics_found(bounds, slots, people)
        # Sort on plain tuples (C comparisons, no key function); the position breaks ties
        # exactly as the stable sort on (start, end, kind, name) did.
        order = sorted([(h.start, h.end, kind, name, i) for i, (name, kind, h) in enumerate(found)])
        return Detection(_mentions(bounds, found, order))

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
        words = candidates(text) - fuzzy.misses
        matched = {w: found for w in words if (found := fuzzy.match(w)) is not None}
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

    # -- officials -------------------------------------------------------------------------

    def _officials_found(self, bounds: SentenceBounds, aliases: list[_Hit], roles: list[_Hit], heads: list[_Hit]) -> list[tuple]:
        text = bounds.text
        by_official: dict[int, list[_Hit]] = defaultdict(list)
        named = _outermost(aliases) + _outermost(roles)
        for h in named:
            by_official[h.index].append(h)
        out: list[tuple] = []
        waiting: list[tuple[int, _Hit, list[int]]] = []  # context-needing surnames
        for oi, hits in by_official.items():
            hits.sort(key=_BY_START)
            plain, refused = [], []
            for h in hits:
                (plain if self._plain_ok(text, h) else refused).append(h)
            if refused and any(h.how == "alias" and self._other_person(text, h) in _NAMESAKE for h in refused):
                # A namesake is in the article ("Mojtaba Khamenei ... Khamenei, 57, ..."): its
                # later bare surnames are his, unless the official is named in full or by role.
                plain = [h for h in plain if self._strong(text, h)]
            elif plain and plain[0].how != "role":
                # Only bare surnames: on a sports page they are a player's (checked once per
                # official, around the first mention).
                first = plain[0]
                if _sport_sense(bounds, first) and not any(
                    self._strong(text, h) for h in plain
                ):
                    plain = []
            role_spots = [h.start for h in hits if h.how == "role"]
            waiting.extend((oi, h, role_spots) for h in hits if h.alias is not None and h.alias.needs_context)
            name = self._officials[oi].name
            out.extend((name, "official", h) for h in plain)
        if heads:
            out.extend(self._heads_found(text, heads, named, out))
        if waiting:
            out.extend(self._in_context(text, waiting, out))
        return out

    def _in_context(self, text: str, waiting: list[tuple[int, _Hit, list[int]]], accepted: list[tuple]) -> list[tuple]:
        """Context-needing surnames the article vouches for: the official is named plainly
        anywhere in it, or the surname stands in a list of other officials' names."""
        named = {h.index for _, _, h in accepted}
        spans = sorted((h.start, h.end) for _, _, h in accepted)
        out = []
        for oi, h, role_spots in waiting:
            if self._context_ok(text, h, oi in named, role_spots) or _listed(text, h, spans):
                if not self._first_name_use(text, h):
                    out.append((self._officials[oi].name, "official", h))
        return out

    @staticmethod
    def _first_name_use(text: str, h: _Hit) -> bool:
        """"Aref Hosseini": the surname is somebody's first name here."""
        nxt = _NEXT_WORD.match(text, h.end)
        return bool(nxt and _LATIN.match(nxt.group(1)) and _name_like(nxt.group(1)))

    def _heads_found(self, text: str, heads: list[_Hit], named: list[_Hit], accepted: list[tuple]) -> list[tuple]:
        """Bare role heads that take their country from the words around them (core.detect_roles)."""
        spans = sorted((h.start, h.end) for h in named)
        starts = [a for a, _ in spans]
        longest = max((b - a for a, b in spans), default=0)
        bare = []
        for h in _outermost(heads):
            i = bisect_left(starts, h.end)  # spans starting before the head ends
            j = i - 1
            while j >= 0 and starts[j] >= h.start - longest and spans[j][1] <= h.start:
                j -= 1
            if j < 0 or starts[j] < h.start - longest or spans[j][1] <= h.start:
                bare.append((h.start, h.end, h.detail))  # inside no alias or role
        bare.sort()
        if not bare:
            return []
        index = self._roles
        anchors = []
        for _, _, h in accepted:
            role = h.how == "role" and _key(h.detail) in index.suffix_roles
            anchors.append(Item(h.start, h.end, index.office.get(h.index), index.country.get(h.index), h.index, role))

        def role_ok(start: int, end: int, phrase: str, oi: int) -> bool:
            return self._role_ok(text, _Hit(start, end, oi, "role", phrase))

        out = []
        for r in resolve_heads(text, bare, anchors, index, role_ok):
            out.append((self._officials[r.official].name, "official", _Hit(r.start, r.end, r.official, "role", r.detail)))
        return out

    def _plain_ok(self, text: str, h: _Hit) -> bool:
        if h.how == "role":
            return self._role_ok(text, h)
        if h.alias is not None and h.alias.needs_context:
            return False
        return not self._other_person(text, h)

    def _other_person(self, text: str, h: _Hit) -> str:
        """Why a bare surname is somebody else's, or "": after a capitalised given name that is
        not this official's ("given": "Mojtaba Khamenei", "Melania Trump"), after a title that
        cannot be his ("title": "Mrs Trump", "Sultan ... Al Busaidi"), "Jr.", or the name of a
        thing ("Trump Tower"). Aliases holding the official's given name are never doubted."""
        if not _LATIN.match(text[h.start : h.start + 1]):
            return self._other_person_persian(text, h)
        if _JUNIOR.match(text, h.end):
            return "junior"  # "Donald Trump Jr."
        if h.alias in self._given_aliases:
            return ""  # the alias holds the official's given name: never doubted
        if " " in text[h.start : h.end] and not self._given[h.index]:
            return ""
        after = _NEXT_WORD.match(text, h.end)
        if after and after.group(1)[:1].isupper() and _key(after.group(1)) in NAMED_AFTER:
            return "thing"  # "Trump Tower", "the Trump Organization"
        if _HYPHEN_THING.match(text, h.end):
            return "thing"  # "a Trump-class battleship"
        before = _word_before(text, h.start)
        if before is None:
            return ""
        word, word_start, _ = before
        key = _key(word).rstrip(".")
        if key in CONFLICTING_TITLES and key not in self._own_words[h.index]:
            return "title"  # "Mrs Trump", "Sultan Haitham bin Tarik Al Busaidi"
        if not (word.isalpha() and word[0].isupper() and not word.isupper() and len(word) > 2):
            return ""
        if key in COMMON_WORDS or key in TITLES or key in NOT_GIVEN_NAMES:
            return ""
        own = self._own_words[h.index]
        if key in own or any(fuzz.ratio(key, w) >= 80 for w in own):
            return ""
        # "Speaker of Parliament Ghalibaf", "Minister of Foreign Affairs Araghchi": a title phrase.
        if _OF_TITLE.search(text, max(0, word_start - 30), word_start):
            return ""
        return "" if _title_case_line(text, h.start) else "given"

    def _other_person_persian(self, text: str, h: _Hit) -> str:
        """The Persian rules: a given name that is not the official's ("مجتبی خامنه‌ای",
        "ملانیا ترامپ"), a title that cannot be his, "جونیور" (Jr.), or a thing named after
        him ("برج ترامپ"). Aliases holding a given name are never doubted."""
        if _PERSIAN_JUNIOR.match(text, h.end):
            return "junior"
        if h.alias is None or any(w in PERSIAN_GIVEN_NAMES for w in _key(h.alias.text).split()):
            return ""
        before = _word_before(text, h.start)
        if before is None:
            return ""
        key = _key(before[0])
        own = self._own_words[h.index]
        if key in PERSIAN_NAMED_AFTER:
            return "thing"
        if key in PERSIAN_DETERMINERS:
            return "common"  # "یک قالیباف قدیمی": a carpet weaver, not the speaker
        if key in CONFLICTING_TITLES and key not in own:
            return "title"
        return "given" if key in PERSIAN_GIVEN_NAMES and key not in own else ""

    def _strong(self, text: str, h: _Hit) -> bool:
        """A mention that names this official even beside a namesake: a role, the full name,
        or a title before the surname ("President Trump")."""
        if h.how == "role" or h.alias is None:
            return True
        if h.alias in self._strong_aliases:
            return True
        before = _word_before(text, h.start)
        return before is not None and _key(before[0]).rstrip(".") in TITLES

    def _context_ok(self, text: str, h: _Hit, named: bool, role_spots: list[int]) -> bool:
        """A context-needing surname counts when the article names the official plainly (before
        or after), next to a title or its own first name, or beside one of the official's roles
        ("Aref, the first vice president")."""
        if named or any(abs(r - h.start) <= 80 for r in role_spots):
            return True
        if _SPEAKER_AFTER.match(text, h.end):
            return True
        before = _word_before(text, h.start)
        if before is None:
            return False
        key = _key(before[0])
        return key in TITLES or key.rstrip(".") in TITLES or key.rstrip(".") in self._own_words[h.index]

    def _role_ok(self, text: str, h: _Hit) -> bool:
        """A role resolves to its holder unless qualified ("former", "deputy", "سابق") or it is
        the title of somebody else named right after it ("Iranian President Ebrahim Raisi")."""
        before = _word_before(text, h.start, hyphen=True)
        if before:
            word, _, hyphenated = before
            word = _key(word)
            if word in ROLE_BLOCKERS_BEFORE or (word == "then" and hyphenated):
                return False
            own_country = _key(h.detail).split(" ", 1)[0].removesuffix("'s") in ROLE_COUNTRY_WORDS
            ends_sentence = before[0][-1:] in ".!?"  # "... in Vienna. Supreme Leader ..."
            if not (hyphenated or own_country or ends_sentence) and _name_like(before[0]):
                return False  # "North Korea's supreme leader", "the Saudi foreign minister"
        if _AT_THE_TIME.match(text, h.end):
            return False
        hyphen_word = _HYPHEN_WORD.match(text, h.end)
        if hyphen_word and _key(hyphen_word.group(1)) in ROLE_BLOCKERS_AFTER:
            return False  # "Iran's president-elect"
        role_words = _key(h.detail).split()
        if not ENVOY_WORDS.isdisjoint(role_words):
            qualifier = _ENVOY_QUALIFIER.match(text, h.end)
            if qualifier and _key(qualifier.group(1) or qualifier.group(2)) not in ENVOY_OWN_REGIONS:
                return False  # "the US special envoy for Ukraine": another envoy
        if not _LATIN.match(h.detail):
            nxt = _PERSIAN_NEXT.match(text, h.end)
            if nxt:
                key = _key(nxt.group(1))
                if key in PERSIAN_OTHER_COUNTRIES and key not in role_words:
                    return False  # "سخنگوی وزارت خارجه آمریکا": that country's office
                if key in PERSIAN_GIVEN_NAMES and key not in self._own_words[h.index]:
                    return False  # "وزیر خارجه آمریکا، آنتونی بلینکن": his title
        if text[h.end : h.end + 1] in ("'", "’") and _key(h.detail).rsplit(" ", 1)[-1] in _PLACE_ENDINGS:
            return False  # "the President of Iran's chamber of commerce"
        appositive = _APPOSITIVE_NAME.match(text, h.end)
        if appositive and _name_like(appositive.group(1)) and _name_like(appositive.group(2)):
            return False  # "Iran's first supreme leader, Ruhollah Khomeini,"
        nxt = _NEXT_WORD.match(text, h.end)
        if nxt:
            word = nxt.group(1)
            key = _key(word)
            if key in ROLE_BLOCKERS_AFTER or _name_like(word):
                return False
            if key in TITLES and (word[:1].isupper() or not _LATIN.match(word)):
                return False  # "U.S. envoy Mr. Witkoff": the title of the person named next
            if key in ("for", "to", "on", "of", "in"):
                # "US special envoy for Ukraine Keith Kellogg": someone else's title.
                tail = _CAPITALISED_RUN.match(text, nxt.end())
                if tail and sum(_name_like(w) for w in tail.group(1).split()) >= 2:
                    return False
        return True

    def _other_sense(self, bounds: SentenceBounds, h: _Hit, paired: bool, people: bool) -> bool:
        """A country listed among other countries or named on a sports page (in a topic that
        pairs it with other words), "deal" in its business sense or named by its year, a
        message of congratulation, talks between companies in an article naming no official."""
        detail = h.detail
        if detail in self._country_terms:
            return paired and (_country_in_list(bounds.text, h) or _sport_sense(bounds, h))
        if detail in self._commercial_terms and _commercial_sense(bounds, h):
            return True
        if detail in self._accord_terms and is_dated_accord(bounds.text, h.start, h.end):
            return True
        if detail in self._ceremonial_terms:
            s, e = bounds.around(h.start, h.end)
            return is_ceremonial(bounds.text[s:e])
        if detail in self._business_talk_terms and not people:
            return is_corporate(bounds.text[max(0, h.start - 160) : h.end + 100])
        return False

    def _others_talk(self, bounds: SentenceBounds, h: _Hit, spots: list[tuple[int, int]]) -> bool:
        """Talks between other parties (core.detect_parties), judged once per sentence."""
        s, e = bounds.around(h.start, h.end)
        memo = bounds.flags
        key = f"parties {s}"
        found = memo.get(key)
        if found is None:
            ps = bounds.around(s - 2, s - 1)[0] if s > 1 else s
            found = memo[key] = self._parties.others_talk(bounds.text, ps, e, spots)
        return found

    # -- topics ------------------------------------------------------------------------------

    def _topics_found(self, bounds: SentenceBounds, slots: list[list[_Hit]], officials: list[tuple]) -> list[tuple]:
        people = bool(officials)
        third = bool(slots[self._third_slot])  # a third country is named: talks may be others'
        out: list[tuple] = []
        elsewhere: bool | None = None
        first_excl = self._first_excl
        # Terms a sense rule can refuse; talks between companies only matter with nobody named.
        checked = self._sense_terms if not people else self._sense_terms_people
        for ti, topic in enumerate(self._topics):
            raw = [slots[slot] for slot in self._topic_slots[ti]]
            if not all(raw):
                continue  # the usual case; exclusions and sense rules only remove hits
            bans = slots[first_excl + ti]
            if bans:
                bans = _Bans([(h.start, h.end) for h in bans])
            groups = []
            for gi, hits in enumerate(raw):
                if bans:
                    hits = [h for h in hits if not _overlaps(bans, h)]
                if hits and (ti, gi) in self._sense_groups:
                    paired = len(raw) > 1
                    hits = [h for h in hits if h.detail not in checked or not self._other_sense(bounds, h, paired, people)]
                if third and hits and (ti, gi) in self._talk_groups:
                    spots = [(h.start, h.index) for _, _, h in officials]
                    hits = [h for h in hits if not self._others_talk(bounds, h, spots)]
                groups.append(_outermost(hits))  # sorted by start
            if not all(groups):
                continue
            if ti in self._foreign_only:
                if elsewhere is None:  # once per article, and only when such a topic hit
                    places = self._talk_places if ti in self._talk_topics else self._places
                    elsewhere = not people and places.only_foreign(bounds.text)
                if elsewhere:
                    continue  # "Pakistan tested its first atomic bomb ...": another country's
            if len(groups) == 1:
                out.extend((topic.name, "topic", h) for h in groups[0])
                continue
            starts = [[h.start for h in g] for g in groups]
            for gi, hits in enumerate(groups):
                others = [j for j in range(len(groups)) if j != gi]
                for h in hits:
                    partners = [_nearest(bounds, h, groups[j], starts[j]) for j in others]
                    if all(p is not None for p in partners):
                        detail = " + ".join([h.detail] + [p.detail for p in partners])
                        out.append((topic.name, "topic", _Hit(h.start, h.end, ti, "rule", detail)))
        if self._also and out:
            out.extend(self._implied(out))
        return out

    def _implied(self, found: list[tuple]) -> list[tuple]:
        """Mentions of the topics that found topics count as ("@also negotiations"), where
        those topics have no hits of their own."""
        have = {name for name, _, _ in found}
        out = []
        for name, kind, h in found:
            target = self._also.get(h.index)
            if target is not None and target not in have and self._topics[h.index].name == name:
                out.append((target, kind, _Hit(h.start, h.end, h.index, "rule", f"{h.detail} ({name})")))
        return out


_LIST_GAP = re.compile(r"[ \t\u00a0\u200c]*(?:[,،]|[,،]?[ \t\u00a0\u200c]*(?:and|و))[ \t\u00a0\u200c]*")


def _listed(text: str, h: _Hit, spans: list[tuple[int, int]]) -> bool:
    """True when ``h`` stands in a list with another accepted official ("Pezeshkian, Aref and
    Araghchi", "پزشکیان، عارف و عراقچی")."""
    i = bisect_left(spans, (h.start, h.end))
    before = spans[i - 1] if i > 0 else None
    after = next((sp for sp in spans[i:] if sp[0] >= h.end), None)
    if before is not None and before[1] <= h.start and _LIST_GAP.fullmatch(text, before[1], h.start):
        return True
    return after is not None and _LIST_GAP.fullmatch(text, h.end, after[0]) is not None


def _commercial_sense(bounds: SentenceBounds, h: _Hit) -> bool:
    """"deal" in its business sense: a price, a firm or a player in the words around it, about
    a sentence either side ("signed a $2 billion deal with a Japanese consortium", "a deal to
    sign a striker")."""
    return _text_may(bounds, "commercial", may_be_commercial) and is_commercial(
        bounds.text[max(0, h.start - 160) : h.end + 100]
    )


def _sport_sense(bounds: SentenceBounds, h: _Hit) -> bool:
    """A country named on a sports page ("Oman beat Iran 2-1 in a World Cup qualifier")."""
    return _text_may(bounds, "sport", may_be_sport) and is_sport(bounds.text[max(0, h.start - 160) : h.end + 160])


def _text_may(bounds: SentenceBounds, what: str, test) -> bool:
    """``test`` of the whole normalised text, once per scan (cached on the scan's ``bounds``)."""
    flags = bounds.flags
    found = flags.get(what)
    if found is None:
        found = flags[what] = test(bounds.norm)
    return found


def _country_in_list(text: str, h: _Hit) -> bool:
    """A country term that is one of a list of other countries names no party to the talks."""
    before, after = text[max(0, h.start - 5) : h.start], text[h.end : h.end + 5]
    if not (before.endswith((", ", "، ", " and ", " و ")) or after.startswith((", ", "، ", " and ", " و ", ","))):
        return False  # the usual case: not in a list at all
    return listed_among_others(text, h.start, h.end)


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
        out.append(Mention(name, kind, text[start:end], start, end, sentence, h.how, h.detail))
    return tuple(out)


_BY_END = attrgetter("end")
_BY_START = attrgetter("start")
_BY_INDEX_START = attrgetter("index", "start")


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits inside a longer hit of the same official/topic group ("Khamenei" in "Ali Khamenei").
    The result is sorted by (index, start)."""
    # Two stable sorts with C key functions give the (index, start, -end) order.
    hits = sorted(hits, key=_BY_END, reverse=True)
    hits.sort(key=_BY_INDEX_START)
    out: list[_Hit] = []
    reach: dict[int, int] = {}
    for h in hits:
        if reach.get(h.index, -1) >= h.end:
            continue
        reach[h.index] = max(reach.get(h.index, -1), h.end)
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
