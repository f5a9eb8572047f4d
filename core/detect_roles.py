"""Roles that the watchlist's role phrases cannot list: shared, coordinated and relational ones.

"The Iranian president and his foreign minister", "Iran's president and foreign minister",
"the foreign ministers of Iran and Oman", "رهبر و رئیس‌جمهور ایران", "his Iranian counterpart",
"an Iranian delegation headed by the foreign minister", "Trump's special envoy". Each names
an office (a bare head from ``ROLE_HEADS``) and a country found somewhere else than right
before the head. The watchlist's own roles say who holds (country, office) —
"Iran's foreign minister" makes Araghchi the holder of (iran, foreign minister) — so an
admin who adds a role gets these forms for free.

The work is per head hit: the automaton finds the heads; this module looks only at the few
words around each one. A head never resolves without a country, so "the foreign minister"
alone, or "Qatar's foreign minister", names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from core.detect_words import (
    COUNTRY_WORDS,
    HEAD_COUNTRY,
    HOME_CUES,
    PERSIAN_HEAD_CONTINUATIONS,
    ROLE_BLOCKERS_BEFORE,
    ROLE_HEADS,
    TRACKED_PLACES,
)
from core.model import Official
from core.normalize import normalize_key

_TOKEN = re.compile(r"[^\W\d_][\w.'’]*|[,،]")
_CONNECTORS = frozenset({"and", "و", ",", "،", "as well as"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_HEADED = frozenset({"headed", "led", "chaired"})
_DELEGATION = frozenset({"delegation", "delegations", "team", "هیئت", "هیات", "هیئتی", "هیاتی"})
_CONTEXT_COUNTRIES = re.compile(r"(?:two|both)(?:[ \t]+(?:the|of|the[ \t]+two))?[ \t]+countries'?|دو[ \t]+کشور")
_WINDOW = 90
# Where a clause ends: punctuation, a line break, or a full stop that does not close "U.S.".
_CLAUSE_BREAK = re.compile(r"[\n;:!?؟()«»\"“”—]|(?<![A-Z])\.(?=\s)")
_CONTEXT_WINDOW = 600


def _strip_possessive(key: str) -> str:
    for tail in ("'s", "'"):
        if key.endswith(tail):
            return key[: -len(tail)]
    return key


def country_of(word_key: str) -> str | None:
    """The country a normalised word (or two) names: "iran's" -> iran, "omani" -> oman."""
    return COUNTRY_WORDS.get(_strip_possessive(word_key).rstrip("."))


@dataclass(frozen=True)
class ParsedRole:
    country: str
    office: str
    suffix: bool  # the country follows the head ("President of Iran", "وزیر خارجه ایران")


def parse_role(role: str, alias_country: dict[str, str] | None = None) -> ParsedRole | None:
    """(country, office) of a watchlist role phrase, when it is a country plus a known head."""
    words = normalize_key(role).split()
    for n in (2, 1):  # "united states", "iran's"
        if len(words) > n:
            key = " ".join(words[:n])
            country = country_of(key) or (alias_country or {}).get(_strip_possessive(key))
            head = " ".join(words[n:])
            if country and head in ROLE_HEADS:
                return ParsedRole(country, ROLE_HEADS[head][0], False)
    if len(words) > 2 and words[0] == "top" and country_of(words[1]):  # "top US diplomat"
        head = " ".join(["top"] + words[2:])
        if head in ROLE_HEADS:
            return ParsedRole(country_of(words[1]), ROLE_HEADS[head][0], False)
    key = " ".join(words)
    if " of " in key:
        head, _, rest = key.partition(" of ")
        rest = rest.removeprefix("the ")
        if head in ROLE_HEADS and country_of(rest):
            return ParsedRole(country_of(rest), ROLE_HEADS[head][0], True)
    for n in (2, 1):  # Persian: the country follows
        if len(words) > n:
            country = country_of(" ".join(words[-n:]))
            head = " ".join(words[:-n])
            if country and head in ROLE_HEADS:
                return ParsedRole(country, ROLE_HEADS[head][0], True)
    return None


class RoleIndex:
    """Who holds (country, office), and each official's own country and office, from the roles."""

    def __init__(self, officials: tuple[Official, ...], alias_keys: dict[str, int]):
        self.holder: dict[tuple[str, str], int] = {}
        self.country: dict[int, str] = {}
        self.office: dict[int, str] = {}
        self.suffix_roles: set[str] = set()  # role keys whose country follows the head
        clashes: set[tuple[str, str]] = set()
        alias_country: dict[str, str] = {}
        for _ in range(2):  # the second pass knows the countries of people ("Trump's envoy")
            for oi, official in enumerate(officials):
                for role in official.roles:
                    parsed = parse_role(role, alias_country)
                    if parsed is None or parsed.office == "counterpart":
                        continue
                    if parsed.suffix:
                        self.suffix_roles.add(normalize_key(role))
                    slot = (parsed.country, parsed.office)
                    if self.holder.setdefault(slot, oi) != oi:
                        clashes.add(slot)
                    self.country.setdefault(oi, parsed.country)
                    self.office.setdefault(oi, parsed.office)
            alias_country = {a: self.country[oi] for a, oi in alias_keys.items() if oi in self.country}
        for slot in clashes:  # two officials claim the office: say nothing rather than guess
            del self.holder[slot]

    def __bool__(self) -> bool:
        return bool(self.holder)


@dataclass
class Item:
    """A mention that can lend its country or office to a head near it."""

    start: int
    end: int
    office: str | None
    country: str | None
    official: int | None
    suffix: bool = False


@dataclass(frozen=True)
class Resolved:
    official: int
    start: int
    end: int
    detail: str


def norm_token(token: str) -> str:
    """``normalize_key`` for one token (public name of ``_norm``)."""
    return _norm(token)


def country_pattern(words: list[str]) -> re.Pattern[str] | None:
    """One regex for country words: long ones in any case, short ones ("US", "UK") only in
    capitals, each a whole word."""
    long = sorted((re.escape(w) for w in words if len(w) > 3), key=len, reverse=True)
    short = sorted((re.escape(w.upper()) for w in words if len(w) <= 3), key=len, reverse=True)
    parts = ([f"(?i:{'|'.join(long)})"] if long else []) + short
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)") if parts else None


def _norm(token: str) -> str:
    """``normalize_key`` for one token; plain lowercasing is the same for ASCII and faster."""
    return token.lower().replace("’", "'") if token.isascii() or "’" in token and token.replace("’", "").isascii() else normalize_key(token)


def _tokens_before(text: str, pos: int) -> list[str]:
    """Normalised words (and commas) before ``pos`` in the same clause, nearest last."""
    lo = max(0, pos - _WINDOW)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, pos)]
    return [_norm(t) for t in _TOKEN.findall(text, breaks[-1] if breaks else lo, pos)]


def _tokens_after(text: str, pos: int) -> tuple[list[str], list[int]]:
    """Normalised words (and commas) after ``pos`` in the same clause, and where each ends."""
    hi = min(len(text), pos + _WINDOW)
    m = _CLAUSE_BREAK.search(text, pos, hi)
    found = list(_TOKEN.finditer(text, pos, m.start() if m else hi))
    return [_norm(t.group()) for t in found], [t.end() for t in found]


def _country_list(tokens: list[str]) -> tuple[list[str], int]:
    """Countries at the start of ``tokens`` ("iran and oman", "iran, oman and qatar") and
    how many tokens they take."""
    out: list[str] = []
    i = used = 0
    while i < len(tokens):
        two = " ".join(tokens[i : i + 2])
        if i + 1 < len(tokens) and country_of(two):
            out.append(country_of(two))
            i += 2
        elif country_of(tokens[i]):
            out.append(country_of(tokens[i]))
            i += 1
        else:
            break
        used = i
        if i < len(tokens) and tokens[i] in _CONNECTORS:
            i += 1
            if i < len(tokens) and tokens[i] in ("the", "and"):
                i += 1
        else:
            break
    return out, used


def context_countries(text: str, pos: int) -> list[str]:
    """The last two different countries named before ``pos`` ("the two countries")."""
    seen: list[str] = []
    for token in reversed(_tokens_before_far(text, pos)):
        country = country_of(token)
        if country and country not in seen:
            seen.append(country)
            if len(seen) == 2:
                break
    return seen if len(seen) == 2 else []


def _tokens_before_far(text: str, pos: int) -> list[str]:
    return [normalize_key(t) for t in _TOKEN.findall(text, max(0, pos - _CONTEXT_WINDOW), pos)]


def own_countries(text: str, start: int, end: int, plural: bool) -> tuple[list[str], int, int, bool]:
    """Countries written with the head itself: before it ("Iranian", "Iran's", "the Iranian
    and Omani"), or after it ("of Iran and Oman", Persian "ایران و عمان", "of the two
    countries"). Also the offset where the qualified phrase starts, and whether the country
    followed the head."""
    before = _tokens_before(text, start)
    after, ends = _tokens_after(text, end)
    if before:
        last = before[-1]
        country = country_of(last)
        if country is None and len(before) > 1:
            country = country_of(" ".join(before[-2:]))
        if country is None and len(before) > 1 and _describes(last) and country_of(before[-2]):
            country = country_of(before[-2])  # "Iran's reformist president"
        if country:
            countries = [country]
            i = len(before) - 2
            while plural and i >= 1 and before[i] in _CONNECTORS and country_of(before[i - 1]):
                countries.append(country_of(before[i - 1]))
                i -= 2
            phrase = text.rfind(" ", 0, start - 1) + 1
            return countries, phrase, end, False
        if plural and last.endswith("'") and last.rstrip("'") == "countries":
            return context_countries(text, start), start, end, False
    if after:
        skip = 1 if after[0] == "of" else 0
        if skip < len(after) and after[skip] == "the":
            skip += 1
        rest = after[skip:]
        # Persian heads are followed by the country; English ones need "of".
        if after[0] == "of" or not after[0].isascii():
            countries, used = _country_list(rest)
            if countries and (plural or len(countries) == 1):
                return countries, start, ends[skip + used - 1], True
            if plural and _CONTEXT_COUNTRIES.match(" ".join(rest[:3])):
                return context_countries(text, start), start, end, True
    if plural and before and before[-1] in ("two", "both"):
        return context_countries(text, start), start, end, False
    return [], start, end, False


_PERSIAN_DEPUTY = frozenset({normalize_key("معاون"), normalize_key("نایب")})
_PERSIAN_FIRST = normalize_key("اول")
# Persian coverage says "رئیس‌جمهور" for Iran's president without naming the country; a bare
# "رهبر" is as often a party leader or a conductor (رهبر ارکستر), so it is left out.
_PERSIAN_HOME_OFFICES = frozenset({"president", "foreign minister", "speaker", "spokesperson"})
_FUNCTION_WORDS = frozenset(
    "a an the and or of his her its their with by for to in on at as from that this who which".split()
)


def _describes(word: str) -> bool:
    """A lowercase word between a country and a head that keeps the office the same
    ("reformist", "new"), not one that changes it ("former", "deputy")."""
    return (
        word.isalpha()
        and word.isascii()
        and word not in _FUNCTION_WORDS
        and word not in ROLE_BLOCKERS_BEFORE
        and "vice" not in word
    )


def _same_sentence(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return len(gap) < 250 and not any(mark in gap for mark in (". ", "? ", "! ", "\n", "؟ "))


def _gap_is_connector(text: str, a: int, b: int) -> bool:
    gap = normalize_key(text[a:b])
    for pronoun in ("his", "her", "its", "the", "their"):
        gap = gap.removesuffix(" " + pronoun) if gap != pronoun else ""
    return gap in _CONNECTORS or gap in ("", "and", ", and")


def resolve_heads(
    text: str,
    heads: list[tuple[int, int, str]],
    anchors: list[Item],
    index: RoleIndex,
    role_ok: Callable[[int, int, str, int], bool],
) -> list[Resolved]:
    """Officials named by bare role heads. ``heads``: (start, end, head text) outside any
    alias or role hit, sorted; ``anchors``: accepted official mentions; ``role_ok`` applies
    the usual role guards ("former", a name right after, "-elect") to a phrase."""
    items = sorted(anchors, key=lambda it: it.start)
    home: dict[str, str | None] = {}
    pending: list[tuple[int, int, str, str, bool, list[str], int, bool]] = []
    for start, end, head in heads:
        office, plural = ROLE_HEADS[normalize_key(head)]
        countries, phrase_start, phrase_end, suffix = own_countries(text, start, end, plural)
        before = _tokens_before(text, phrase_start)
        if before and (before[-1] in ROLE_BLOCKERS_BEFORE or (len(before) > 1 and before[-2] in _PERSIAN_DEPUTY)):
            continue  # "former foreign minister", "معاون سیاسی وزیر": neither resolves nor lends
        item = Item(start, end, office, countries[0] if len(countries) == 1 else None, None, suffix)
        items.append(item)
        check_end = phrase_end
        if not head_is_latin(text, start):  # a Persian head followed by its possessor's title
            owner = next((a for a in anchors if a.start >= end and not text[end : a.start].strip()), None)
            check_end = owner.end if owner is not None else phrase_end
        if not role_ok(phrase_start, check_end, text[phrase_start:check_end], -1):
            item.official = -1  # "Russian Foreign Minister Sergei Lavrov": somebody named, an anchor only
            continue
        pending.append((start, end, head, office, plural, countries, phrase_start, phrase_end))
    items.sort(key=lambda it: it.start)
    out: list[Resolved] = []
    deferred: list[tuple] = []
    for start, end, head, office, plural, countries, phrase_start, phrase_end in pending:
        how = "qualified"
        if plural and office in _MANY_HOLDERS:
            continue  # "Iranian and American envoys": a country has several
        if office == "counterpart":
            anchor = _anchor(text, items, start, lambda it: it.office not in (None, "counterpart"))
            if anchor is None and _pronoun_before(text, phrase_start):
                # "Albusaidi flew back. Hours later he phoned his Iranian counterpart."
                anchor = _previous_sentence_anchor(text, items, phrase_start)
            if anchor is None or not countries:
                continue
            office = anchor.office
            how = f"counterpart of a {office}"
            countries = [c for c in countries if c != anchor.country]
        elif not countries and not plural:
            countries, how = _borrowed(text, items, start, end, index)
            if not countries and head_is_latin(text, start):
                countries, how = _title_country(text, head, end)
            if not countries:
                countries, how = _definite(text, items, start, end, head, office, index, home)
            if not countries:
                # "رهبر و رئیس‌جمهور": the head it is coordinated with resolves later.
                nxt = next((it for it in items if it.start >= end), None)
                if nxt is not None and nxt.official is None and _gap_is_connector(text, end, nxt.start):
                    deferred.append((nxt, start, end, head, office, phrase_start, phrase_end))
        if not countries or (plural and len(set(countries)) < 2):
            continue  # "Iran's leaders" are several people, not the one we track
        _emit(text, items, index, role_ok, out, start, end, head, office, countries, how, phrase_start, phrase_end)
    for nxt, start, end, head, office, phrase_start, phrase_end in deferred:
        if nxt.country and nxt.official is not None and nxt.official >= 0:
            _emit(text, items, index, role_ok, out, start, end, head, office, [nxt.country], "coordinated",
                  phrase_start, phrase_end)
    return out


_MANY_HOLDERS = frozenset({"envoy", "negotiator"})


def _emit(text, items, index, role_ok, out, start, end, head, office, countries, how, phrase_start, phrase_end):
    """Resolve a head to the holder of (country, office) for each country, if the guards pass."""
    if "@" in how:  # the guards look past the possessor named right after the head
        how, _, until = how.partition("@")
        phrase_end = int(until)
    phrase = text[phrase_start:phrase_end]
    for country in countries:
        oi = index.holder.get((country, office))
        if oi is not None and role_ok(phrase_start, phrase_end, phrase, oi):
            out.append(Resolved(oi, start, end, f"{head} ({how}: {country} {office})"))
            for it in items:
                if it.start == start and it.official is None and len(countries) == 1:
                    it.official, it.country = oi, country


def _pronoun_before(text: str, pos: int) -> bool:
    before = _tokens_before(text, pos)
    return bool(before) and before[-1] in _POSSESSIVE_PRONOUNS


def _previous_sentence_anchor(text: str, items: list[Item], pos: int) -> Item | None:
    """The one person with an office named in the sentence before ``pos``, when this sentence
    names nobody before it: who "his" refers to across a full stop."""
    sentence_start = max(text.rfind(mark, 0, pos) for mark in (". ", "? ", "! ", "\n", "؟ "))
    if sentence_start < 0 or pos - sentence_start > 250:
        return None
    earlier = [it for it in items if it.end <= pos and it.official != -1]
    if earlier and earlier[-1].end > sentence_start:
        return None  # somebody is named in this sentence: the same-sentence rule decided
    previous = [it for it in earlier if it.end <= sentence_start and _same_sentence(text, it.end, sentence_start)]
    people = {it.official for it in previous if it.official is not None}
    if len(people) != 1:
        return None  # nobody, or several people the pronoun could mean
    anchor = previous[-1]
    return anchor if anchor.office not in (None, "counterpart") else None


def _title_country(text: str, head: str, end: int) -> tuple[list[str], str]:
    """A title only one country uses ("secretary of state" is the US foreign minister's),
    unless a department follows ("Secretary of State for Defence", Britain's)."""
    country = HEAD_COUNTRY.get(normalize_key(head))
    if country is None:
        return [], ""
    after, _ = _tokens_after(text, end)
    if after and after[0] in ("for", "of"):
        return [], ""
    return [country], "a title of that country"


def _anchor(text: str, items: list[Item], pos: int, want: Callable[[Item], bool]) -> Item | None:
    """The nearest mention before ``pos`` in the same sentence that ``want`` accepts."""
    best = None
    for it in items:
        if it.end > pos:
            break
        if want(it) and _same_sentence(text, it.end, pos):
            best = it
    return best


def _borrowed(text: str, items: list[Item], start: int, end: int, index: RoleIndex) -> tuple[list[str], str]:
    """A country from elsewhere: a coordinated role, "his", a delegation, a possessor."""
    before = _tokens_before(text, start)
    last = before[-1] if before else ""
    # "the Iranian president and his foreign minister": the person the pronoun points to.
    if last in _POSSESSIVE_PRONOUNS:
        anchor = _anchor(text, items, start, lambda it: it.country is not None)
        if anchor is not None:
            return [anchor.country], "possessive"
    # "Iran's president and foreign minister", "رهبر و رئیس جمهور ایران".
    prev = next((it for it in reversed(items) if it.end <= start), None)
    if prev is not None and prev.country and _gap_is_connector(text, prev.end, start):
        return [prev.country], "coordinated"
    nxt = next((it for it in items if it.start >= end), None)
    # Persian ezafe: "فرستاده ویژه رئیس جمهور آمریکا", the envoy of the US president.
    if nxt is not None and nxt.country and not head_is_latin(text, start) and not text[end : nxt.start].strip():
        return [nxt.country], f"possessor@{nxt.end}"
    if nxt is not None and nxt.country and nxt.suffix and _gap_is_connector(text, end, nxt.start):
        return [nxt.country], "coordinated"
    # "an Iranian delegation headed by the foreign minister".
    words = [w for w in before if w not in ("the", ",", "،")]
    if len(words) >= 3 and words[-1] == "by" and words[-2] in _HEADED:
        for i in range(len(words) - 3, max(-1, len(words) - 7), -1):
            if words[i] in _DELEGATION:
                country = country_of(words[i - 1]) if i > 0 else None
                if country:
                    return [country], "delegation"
                break
    if len(before) >= 2 and before[-1] == "ریاست" and before[-2] == "به":
        for w in reversed(before[-6:-2]):
            if country_of(w):
                return [country_of(w)], "delegation"
    # "Trump's special envoy", "the president's special envoy" after "President Trump", and
    # with the envoy's region between ("the president's Middle East envoy").
    possessor_end = start
    region = _ENVOY_REGION_BEFORE.search(text, max(0, start - 40), start)
    if region is not None and len(before) > 2 and before[-3].endswith("'s"):
        possessor_end, last = region.start(), before[-3]
    elif region is not None and len(before) > 1 and before[-2].endswith("'s"):
        possessor_end, last = region.start(), before[-2]
    if last.endswith("'s"):
        owner = next((it for it in reversed(items) if it.end <= possessor_end and possessor_end - it.end <= 3), None)
        if owner is not None:
            if owner.country is None and owner.official is None and owner.office:
                prior = _anaphor(items, owner)
                if prior is not None:
                    return [prior], "possessor"
            elif owner.country:
                return [owner.country], "possessor"
    return [], ""


# What stands between a possessor and "envoy": the envoy's own region or rank.
_ENVOY_REGION_BEFORE = re.compile(r"[ \t](?:Middle East|Mideast|West Asia|Gulf|regional|peace)[ \t]+$", re.IGNORECASE)

_PERSIAN_COUNTRY_WORDS = tuple(w for w in COUNTRY_WORDS if not w.isascii() and len(w) >= 4 and " " not in w)


def _misspelt_country(word: str) -> bool:
    return len(word) >= 3 and any(
        abs(len(word) - len(w)) <= 1 and OSA.distance(word, w) <= 1 for w in _PERSIAN_COUNTRY_WORDS
    )


def head_is_latin(text: str, start: int) -> bool:
    return text[start : start + 1].isascii()


_STOP_AFTER = frozenset({"of", "for", "at"})


def _definite(
    text: str, items: list[Item], start: int, end: int, head: str, office: str, index: RoleIndex, home: dict
) -> tuple[list[str], str]:
    """A bare definite head ("the president", "the foreign ministry spokesman", Persian
    "رئیس‌جمهور") names the holder in the article's own country: the country of the last
    mention of the same office, else (Persian coverage) Iran, else the country the article is
    about. "the president of the chamber", "the club president" and the like stay unresolved."""
    latin = head_is_latin(text, start)
    before = _tokens_before(text, start)
    after, _ = _tokens_after(text, end)
    if latin:
        if before and before[-1] != "the":
            return [], ""
        if after and after[0] in _STOP_AFTER:
            return [], ""
    elif before and before[-1] == _PERSIAN_FIRST:
        return [], ""  # "معاون اول رئیس‌جمهور", the first vice president
    elif after and _misspelt_country(after[0]):
        return [], ""  # "وزیر خارجه آمریا": a country after all, misspelt
    elif after and after[0] in PERSIAN_HEAD_CONTINUATIONS:
        return [], ""
    prior = None
    for it in items:
        if it.start >= start:
            break
        if it.office == office and (it.country or it.official == -1):
            prior = it
    if prior is not None:
        return ([prior.country], "same office as before") if prior.country else ([], "")
    if not latin:
        return (["iran"], "Persian coverage") if office in _PERSIAN_HOME_OFFICES else ([], "")
    holders = {c for (c, o) in index.holder if o == office}
    if len(holders) == 1 and text[start : start + 1].isupper():
        return [next(iter(holders))], "the only holder"  # "the Leader", "Leader: ..."
    if not before:
        return [], ""  # "President Erdogan ...", a title at the start of a clause
    if "country" not in home:
        people = [it.country for it in items if it.country and it.official is not None and it.official >= 0]
        home["country"] = home_country(text, people)
    return ([home["country"]], "the article's country") if home["country"] else ([], "")


_OBJECT_PREPOSITIONS = frozenset("to with against toward towards on over about into".split())


def home_country(text: str, people: list[str] = ()) -> str | None:
    """The country an English article is about: adjectives, possessives, capitals and
    institutions count more than the bare name of a country, which is often an object
    ("a deal that allows Iran to enrich"), and so do the countries of the tracked people it
    names (``people``). None when no country clearly leads."""
    scores: dict[str, float] = {}
    for country in people:
        scores[country] = scores.get(country, 0.0) + 1.0
    tokens = [normalize_key(t) for t in _TOKEN.findall(text)]
    for i, token in enumerate(tokens):
        cue = HOME_CUES.get(token) or HOME_CUES.get(" ".join(tokens[i : i + 2])) or HOME_CUES.get(
            " ".join(tokens[i : i + 3])
        )
        if cue:
            country, weight = cue
        else:
            country = country_of(token)
            if not country:
                continue
            weight = 0.5 if token in ("iran", "oman", "america", "iraq", "israel", "qatar") else 1.0
            # The object of a preposition is where the story goes, not whose it is ("a
            # channel to Tehran", "talks with the Iranians").
            if (i and tokens[i - 1] in _OBJECT_PREPOSITIONS) or (
                i > 1 and tokens[i - 1] == "the" and tokens[i - 2] in _OBJECT_PREPOSITIONS
            ):
                weight /= 2
        scores[country] = scores.get(country, 0.0) + weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def _anaphor(items: list[Item], head: Item) -> str | None:
    """The country of the last mention before ``head`` that holds the same office."""
    country = None
    for it in items:
        if it.start >= head.start:
            break
        if it.office == head.office and it.official is not None and it.country:
            country = it.country
    return country


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
        pattern = country_pattern
        others = {c for c in COUNTRY_WORDS.values()} - tracked
        places = {**COUNTRY_WORDS, **TRACKED_PLACES}
        self._tracked = pattern([w for w, c in places.items() if c in tracked])
        self._foreign = pattern([w for w, c in COUNTRY_WORDS.items() if c in others])

    def only_foreign(self, text: str) -> bool:
        if self._tracked is None or self._foreign is None:
            return False
        if self._tracked.search(text) is not None:
            return False  # the usual case, found at the first "Iran"
        norm = normalize_key(text)  # Arabic letter forms, ZWNJ: only when the plain search failed
        return self._tracked.search(norm) is None and self._foreign.search(norm) is not None
