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

This module parses roles and reads the words around a head; core.detect_heads resolves
the heads, core.detect_places answers questions about lists of countries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.detect_words import (
    COUNTRY_WORDS,
    HOLDER_DESCRIPTORS,
    ROLE_BLOCKERS_BEFORE,
    ROLE_HEADS,
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


# A body of one country whose possessive stands between the country and a head ("the American
# side's negotiator", "the Iranian government's spokesman").
_BODIES = frozenset(
    "side team delegation government administration camp leadership regime negotiating-team".split()
)
# Persian words that describe a holder between a head and its country (ezafe): «رئیس‌جمهور
# فعلی آمریکا», «رئیس دولت موقت سوریه», «رئیس‌جمهور جمهوری‌خواه آمریکا».
_PERSIAN_DESCRIPTORS = frozenset(
    normalize_key(w)
    for w in "فعلی کنونی جدید تازه موقت دموکرات اصولگرا عالی ارشد ویژه جمهوری‌خواه اصلاح‌طلب محافظه‌کار ساله".split()
)
_PERSIAN_OBJECT = frozenset(normalize_key(w) for w in "را رو".split())  # "... آمریکا را": the country is an object
_DEMONYM_ENDINGS = ("ian", "can", "ean", "ani", "ese", "ish", "i")  # "iranian", "omani"; not "iran", "oman"
# Nouns after a demonym that are the state itself ("the foreign minister of the Iranian government").
_STATE_NOUNS = frozenset("government governments side sides administration regime republic sultanate state states".split())
_INDEFINITE = frozenset({"a", "an", "any", "another", "every", "no", "one", "each"})


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


_TENURE = re.compile(r"(.+?)[ \t]*\([ \t]*(\d{4})[ \t]*[-–][ \t]*(\d{4})?[ \t]*\)[ \t]*$")


def role_tenure(role: str) -> tuple[str, int, int | None] | None:
    """A role written with its years: (the role, first year, last year). "Iran's foreign
    minister (2013-2021)" is a past one; "Iran's foreign minister (2024-)", open-ended, is held
    now, since that year (last year None). None for a role written without years."""
    m = _TENURE.match(role)
    return (m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None) if m else None


def past_role(role: str) -> bool:
    """A role with closed years: held by this official in the past, not now."""
    tenure = role_tenure(role)
    return tenure is not None and tenure[2] is not None


def role_phrase(role: str) -> str:
    """The role without its years ("Iran's foreign minister (2024-)": "Iran's foreign minister")."""
    tenure = role_tenure(role)
    return role if tenure is None else tenure[0]


def role_slot(role: str, alias_country: dict[str, str] | None = None) -> tuple[str, str]:
    """What office a role names: (country, office) when the role index can parse it, else
    ("", its normalised phrase) ("Iran's ambassador to the United Nations")."""
    phrase = role_phrase(role)
    parsed = parse_role(phrase, alias_country)
    if parsed is not None and parsed.office != "counterpart":
        return (parsed.country, parsed.office)
    return ("", normalize_key(phrase))


_HEAD_OF_BODY = re.compile(r"(?:head|chairman|chair|chief) of (?:the |iran's )?(.+)$")


_POSSESSED = re.compile(r"^([^\W\d_][\w-]*)(?:'s|’s) ([^\W\d_][\w ]*)$")


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
                    if past_role(role):
                        continue
                    role = role_phrase(role)
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
        # Roles with years (core.detect_dates): a past one ("Iran's foreign minister (2013-2021)")
        # names its holder where the passage is dated in his years; an open-ended one ("(2024-)")
        # says since when the current holder holds it, so that a role dated before then is not his.
        # Keyed by (country, office), or ("", phrase) for an office the index cannot parse.
        self.alias_country = alias_country
        self.tenures: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        self.since: dict[tuple[str, str], tuple[int, int]] = {}
        for oi, official in enumerate(officials):
            for role in official.roles:
                tenure = role_tenure(role)
                if tenure is None:
                    continue
                slot = role_slot(role, alias_country)
                if tenure[2] is None:
                    self.since.setdefault(slot, (tenure[1], oi))
                else:
                    self.tenures.setdefault(slot, []).append((tenure[1], tenure[2], oi))
        # Bodies an official heads ("head of the Strategic Council on Foreign Relations"): "the
        # council's head" after the body's name is he (core.detect_heads).
        self.bodies: dict[str, int] = {}
        heads_of: dict[str, set[int]] = {}
        for oi, official in enumerate(officials):
            for role in official.roles:
                m = _HEAD_OF_BODY.match(normalize_key(role))
                if m and len(m.group(1).split()) >= 2:
                    heads_of.setdefault(m.group(1), set()).add(oi)
        self.bodies = {body: next(iter(ois)) for body, ois in heads_of.items() if len(ois) == 1}
        # Relations to another tracked official ("Araghchi's former boss"): "his former boss"
        # after Araghchi is the same man (core.detect_heads). Keyed by (possessor, relation).
        self.relations: dict[tuple[int, str], int] = {}
        self.owned: dict[str, dict[str, int]] = {}  # relation -> {untracked possessor's key: official}
        for oi, official in enumerate(officials):
            for role in (*official.roles, *official.descriptions):
                m = _POSSESSED.match(normalize_key(role))
                owner = alias_keys.get(m.group(1)) if m else None
                if owner is not None and owner != oi:
                    self.relations.setdefault((owner, m.group(2)), oi)
                elif m and owner is None and country_of(m.group(1)) is None:
                    # an untracked person's ("Rouhani's foreign minister"): "his foreign minister"
                    # after Rouhani is that official (core.detect_heads)
                    self.owned.setdefault(m.group(2), {}).setdefault(m.group(1), oi)

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


def _norm(token: str) -> str:
    """``normalize_key`` for one token; plain lowercasing is the same for ASCII and faster."""
    return token.lower().replace("’", "'") if token.isascii() or "’" in token and token.replace("’", "").isascii() else normalize_key(token)


def _tokens_before(text: str, pos: int) -> list[str]:
    """Normalised words (and commas) before ``pos`` in the same clause, nearest last."""
    lo = max(0, pos - _WINDOW)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, pos)]
    return [_norm(t) for t in _TOKEN.findall(text, breaks[-1] if breaks else lo, pos)]


tokens_before = _tokens_before  # for the person guards (core.detect_people)


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


def own_countries(
    text: str, start: int, end: int, plural: bool, strict: bool = False
) -> tuple[list[str], int, int, bool]:
    """Countries written with the head itself: before it ("Iranian", "Iran's", "the Iranian
    and Omani"), or after it ("of Iran and Oman", Persian "ایران و عمان", "of the two
    countries"). Also the offset where the qualified phrase starts, and whether the country
    followed the head. ``strict``: no describing word between the country and the head (a
    "technical negotiator" is not the chief one)."""
    before = _tokens_before(text, start)
    if before[-2:] == ["year", "old"]:
        before = before[:-2]  # "Iran's 86-year-old supreme leader": an age describes the holder
    after, ends = _tokens_after(text, end)
    if before:
        last = before[-1]
        country = country_of(last)
        if country is None and len(before) > 1:
            country = country_of(" ".join(before[-2:]))
        if country is None and not strict and len(before) > 1 and _describes(last) and country_of(before[-2]):
            country = country_of(before[-2])  # "Iran's reformist president"
        if country is None and len(before) > 1 and last.endswith("'s") and last[:-2] in _BODIES:
            # "the American side's negotiator", "the Iranian team's chief negotiator"
            country = country_of(before[-2]) or (country_of(" ".join(before[-3:-1])) if len(before) > 2 else None)
        if country is None and last in HOLDER_DESCRIPTORS and not (len(before) > 1 and before[-2] in _INDEFINITE):
            country = HOLDER_DESCRIPTORS[last]  # "the Republican president": the party of the holder
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
            if (
                after[0] == "of"
                and countries
                and rest[used - 1].endswith(_DEMONYM_ENDINGS)
                and used < len(rest)
                and rest[used].isalpha()
                and rest[used] not in _CONNECTORS
                and rest[used] not in _STATE_NOUNS
            ):
                # "the leader of the Iranian delegation": the head of a body of that country
                countries = []
            if countries and (plural or len(countries) == 1):
                return countries, start, ends[skip + used - 1], True
            if not after[0].isascii() and not countries:
                # Persian ezafe with a describing word between: «رئیس‌جمهور فعلی آمریکا»,
                # «رئیس دولت موقت سوریه» (the current US president, Syria's interim head).
                for i in (1, 2):
                    if i < len(after) and " ".join(after[:i]) in _PERSIAN_DESCRIPTORS:
                        country = country_of(after[i])
                        if country and (i + 1 >= len(after) or after[i + 1] not in _PERSIAN_OBJECT):
                            return [country], start, ends[i], True
            if plural and _CONTEXT_COUNTRIES.match(" ".join(rest[:3])):
                return context_countries(text, start), start, end, True
        elif plural and after[0] in (",", "،"):
            # "the two foreign ministers, Iran's and Oman's,": the countries in apposition
            countries, used = _country_list(after[1:])
            if len(countries) >= 2:
                return countries, start, ends[used], True
    if plural and before and before[-1] in ("two", "both"):
        return context_countries(text, start), start, end, False
    return [], start, end, False


_PERSIAN_DEPUTY = frozenset(normalize_key(w) for w in ("معاون", "نایب", "معاونان", "نایبان", "معاونین"))
# What ends a deputy's portfolio before the office it serves ("معاون حقوقی و بین‌المللی وزیر
# امور خارجه" is the legal deputy): a preposition, a comma, or another office's word.
_DEPUTY_GAP_ENDS = frozenset(
    normalize_key(w) for w in "با از به در که را برای تا , ، رئیس رییس وزیر رهبر سخنگوی سفیر نماینده".split()
)


def persian_deputy_before(before: list[str]) -> bool:
    """Whether a Persian head or role after the normalised words ``before`` is a deputy's
    title: معاون or نایب (or their plurals: the deputies of several ministers) within the four words
    before it, with its portfolio between."""
    for word in reversed(before[-5:]):
        if word in _PERSIAN_DEPUTY:
            return True
        if word in _DEPUTY_GAP_ENDS:
            return False
    return False


_PERSIAN_FIRST = normalize_key("اول")


# Persian coverage says "رئیس‌جمهور" for Iran's president without naming the country; a bare
# "رهبر" is as often a party leader or a conductor (رهبر ارکستر), so it is left out.
_PERSIAN_HOME_OFFICES = frozenset({"president", "foreign minister", "speaker", "spokesperson"})


_FUNCTION_WORDS = frozenset(
    "a an the and or of his her its their with by for to in on at as from that this who which then".split()
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
