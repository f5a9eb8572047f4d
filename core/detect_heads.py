"""Resolving bare role heads to the official holding (country, office): the country comes from
the head's own words, a coordinated or possessive neighbour, a counterpart's anchor, a
delegation, a title only one country uses, or the article's own country (core.detect_roles
parses roles and reads the words around a head)."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.distance import OSA

from core.detect_dates import FOUR_DIGITS, any_years, as_years, solar
from core.detect_roles import (
    _DELEGATION,
    _HEADED,
    _PERSIAN_FIRST,
    _PERSIAN_HOME_OFFICES,
    _POSSESSIVE_PRONOUNS,
    _TOKEN,
    Item,
    Resolved,
    RoleIndex,
    _gap_is_connector,
    _same_sentence,
    _tokens_after,
    _tokens_before,
    context_countries,
    country_of,
    own_countries,
    persian_deputy_before,
)
from core.detect_words import (
    COUNTRY_WORDS,
    CURRENT_PERSIAN_GOVERNMENT,
    HEAD_COUNTRY,
    HOLDER_ACTS,
    HOME_CUES,
    PAST_GOVERNMENT_WORDS,
    PERSIAN_GIVEN_NAMES,
    PERSIAN_HEAD_CONTINUATIONS,
    ROLE_BLOCKERS_BEFORE,
    ROLE_HEADS,
)
from core.normalize import normalize_key


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
    dated: list[Resolved] = []
    home: dict[str, str | None] = {}
    pending: list[tuple[int, int, str, str, bool, list[str], int, bool]] = []
    for start, end, head in heads:
        office, plural = ROLE_HEADS[normalize_key(head)]
        key = normalize_key(head)
        if key in _EXPLICIT_ONLY and _indefinite_before(text, start):
            continue  # "an Iranian negotiator": one of several
        if key == _FIRST_DEPUTY and not _his_first_deputy(text, start, end):
            continue  # "Iran's first deputy foreign minister" is somebody else's deputy
        if key in _HOSTS and _tokens_after(text, end)[0][:1] in (["of"], ["city"], ["country"], ["nation"]):
            continue  # "the Omani host of a cooking show", "the host city"
        countries, phrase_start, phrase_end, suffix = own_countries(text, start, end, plural, key in _EXPLICIT_ONLY)
        if key in _POSSESSOR_ONLY:
            countries, phrase_start, phrase_end = [], start, end
        before = _tokens_before(text, phrase_start)
        if index.relations and not plural:
            related = _relation_of(text, items, start, key, before, index)
            if related is not None:
                dated.append(related)  # "Araghchi leaned on his former boss": the role "Araghchi's former boss"
                continue
        if index.owned and not plural and before and before[-1] in ("his", "her") and key in index.owned:
            owned = _owned_by_named(text, items, start, end, key, index.owned[key])
            if owned is not None:
                dated.append(owned)  # "Rouhani said he and his foreign minister ...": Rouhani's foreign minister
                continue
        if index.tenures and not plural:
            past = past_holder(text, start, end, office, before, index)
            if past is not None:
                dated.append(past)  # "Iran's then foreign minister ... in 2015": who held it then
                continue
        if before and (before[-1] in ROLE_BLOCKERS_BEFORE or (not head_is_latin(text, start) and persian_deputy_before(before))):
            continue  # "former foreign minister", "معاون سیاسی وزیر": neither resolves nor lends
        if key.startswith("secretary") and (before[-1:] == ["under"] or text[max(0, start - 6) : start].rstrip().lower().endswith("under")):
            continue  # "Under Secretary of State Wendy Sherman": another office, no anchor either
        # "State Department spokeswoman Tammy Bruce ... her Iranian counterpart": a title of one
        # country's office gives the anchor its country even when the person is named after it.
        country = countries[0] if len(countries) == 1 else None if countries else HEAD_COUNTRY.get(key)
        item = Item(start, end, office, country, None, suffix)
        items.append(item)
        if office == "envoy" and not plural and (
            _portfolio_before(text, phrase_start, start)
            or any(it.office == "envoy" and it.official == -1 and it.start < start and it.country in (None, country) for it in items)
        ):
            # "the US hostage envoy": another file's; "the White House envoy" after "Trump's
            # special envoy for Ukraine, X": that same man again
            item.official = -1
            continue
        check_start, check_end = phrase_start, phrase_end
        if not head_is_latin(text, start):  # a Persian head followed by its possessor's title
            owner = next((a for a in anchors if a.start >= end and not text[end : a.start].strip()), None)
            check_end = owner.end if owner is not None else phrase_end
        elif not countries:
            check_start = _possessor_start(text, anchors, phrase_start)
        if not role_ok(check_start, check_end, text[check_start:check_end], -1):
            item.official = -1  # "Russian Foreign Minister Sergei Lavrov": somebody named, an anchor only
            continue
        pending.append((start, end, head, office, plural, countries, phrase_start, phrase_end))
    items.sort(key=lambda it: it.start)
    out: list[Resolved] = []
    deferred: list[tuple] = []
    for start, end, head, office, plural, countries, phrase_start, phrase_end in pending:
        how, key = "qualified", normalize_key(head)
        if plural and office in _MANY_HOLDERS:
            if not _two_sides_chiefs(text, start):
                continue  # "Iranian and American envoys": a country has several
            countries, how = context_countries(text, start), "each side's chief"
        if office == "boss" and _APPOSED_HEAD.match(text, end):
            continue  # "his boss, the foreign minister": the office written beside it says who
        if office == "delegation head":
            if not _TALKS.search(text, _passage_start(text, start), _sentence_end(text, end)):
                continue  # the head of a trade or sports delegation
            inside = [country_of(w) for w in key.split() if country_of(w)]
            countries = countries or (inside if plural else inside[:1])  # "the head of the Iranian delegation"
            if plural and set(countries) != _BOTH_SIDES:
                continue  # «رؤسای هیئت‌های ایران و عراق»: other talks' heads; only Iran's and America's are tracked
        if not head_is_latin(text, start) and (
            _PERSIAN_WAS.match(text, end) or ("\u067e\u06cc\u0634" in text[max(0, start - 30) : start] or "قبل" in text[max(0, start - 30) : start] or "سابق" in text[max(0, start - 30) : start]) and _PERSIAN_FORMERLY.search(text, max(0, start - 30), start)
        ):
            continue  # «... کمال خرازی وزیر امور خارجه بود», «او پیش‌تر به عنوان وزیر خارجه»: what somebody was
        if office in _COLLECTIVE:
            # «رؤسای قوای سه‌گانه», "the heads of Iran's three branches": each member's office
            if not countries and not head_is_latin(text, start):
                countries = ["iran"]
            if len(countries) == 1:
                for member in _COLLECTIVE[office]:
                    _emit(text, items, index, role_ok, out, start, end, head, member, countries,
                          "one of the heads of the branches", phrase_start, phrase_end)
            continue
        if office == "counterpart":
            anchor = _anchor(text, items, start, lambda it: it.office not in (None, "counterpart"))
            if anchor is None and (_pronoun_before(text, phrase_start) or _PERSIAN_OWN.match(text, phrase_end)):
                # "Albusaidi flew back. Hours later he phoned his Iranian counterpart.", «... او
                # درباره دیدار با همتای ایرانی خود چیزی نگفت»
                anchor = _previous_sentence_anchor(text, items, phrase_start, named_too=True)
            if anchor is None or not countries:
                continue
            office = anchor.office
            how = f"counterpart of a {office}"
            countries = [c for c in countries if c != anchor.country]
            if normalize_key(head) in _INTERLOCUTORS:
                # "his American interlocutor": the other side's man at the table in the Iran–US
                # talks (the US envoy, Iran's foreign minister), nobody in anyone else's talks.
                across = _ACROSS.get(anchor.country)
                if across is None or countries != [across[0]]:
                    continue
                office, how = across[1], f"interlocutor of a {anchor.office}"
        elif office == "council head":
            # "the council's head": of the body a watchlist role names, named before in the article
            if countries or not _the_before(text, phrase_start):
                continue
            found = _body_named_before(text, start, index)
            if found is not None and role_ok(phrase_start, phrase_end, text[phrase_start:phrase_end], found[0]):
                out.append(Resolved(found[0], start, end, f"{head} (the head of the {found[1]} named before)"))
            continue
        elif office == "parliament's speaker":
            # "the speaker" where its sentence or the one before names a country's parliament
            if countries or not _the_before(text, phrase_start) or _tokens_after(text, end)[0][:1] == ["of"]:
                continue
            countries, how, office = _chamber_named(text, start, end), "the parliament in the passage", "speaker"
        elif normalize_key(head) in _BARE_MINISTRY:
            if countries or not _the_before(text, phrase_start):
                continue  # "Iraq's oil ministry spokesman", "a ministry spokesman": another ministry
            countries, how = _ministry_named_before(text, items, start)
        elif not countries and not plural:
            countries, how = _act_of_holder(text, end, office)
            if not countries:
                countries, how = _borrowed(text, items, start, end, index, office)
            if key in _EXPLICIT_ONLY:
                pass  # "the negotiator": one of a side's several, unless its country is told
            else:
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
        if plural and office == "leader" and not _names_a_country(text[phrase_start:phrase_end]):
            continue  # "the two leaders" after a call: the heads just named, not Iran's Leader
        _emit(text, items, index, role_ok, out, start, end, head, office, countries, how, phrase_start, phrase_end)
    for nxt, start, end, head, office, phrase_start, phrase_end in deferred:
        if nxt.country and nxt.official is not None and nxt.official >= 0:
            _emit(text, items, index, role_ok, out, start, end, head, office, [nxt.country], "coordinated",
                  phrase_start, phrase_end)
    return out + dated


_PAST_BEFORE = frozenset({"then", "former", "ex", "erstwhile", "onetime"})
_IN_PAST_YEAR = re.compile(r"[ \t]+in[ \t]+(?:19[4-9]\d|20[01]\d|202[0-4])\b")
_NAMED_AFTER = re.compile(r"[ \t\u00a0]+[A-Z][\w'’.-]*[ \t\u00a0]+[A-Z][\w'’-]+")
_PAST_AFTER = frozenset(normalize_key(w) for w in ("وقت", "سابق", "پیشین"))
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d|13[2-9]\d|140\d)(?!\d)")


def _years(text: str) -> set[int]:
    """Years a passage names, Persian digits, Solar Hijri years (۱۳۹۴: 2015 or 2016) and governments
    by number («دولت سیزدهم»: 2022) too.
    ``str.translate`` with a mapping walks non-ASCII text slowly, so it runs only on a passage that
    holds Persian or Arabic digits; one without four digits in a row names no year."""
    if not FOUR_DIGITS.search(text) and "دولت" not in text:
        return set()
    return {g for y in _YEAR.findall(as_years(text)) for g in solar(int(y))}


def past_holder(
    text: str, start: int, end: int, office: str, before: list[str], index: RoleIndex, country: str | None = None
) -> Resolved | None:
    """The past holder a dated head or role names: "Iran's then foreign minister", "the former
    foreign minister of Iran", "Iran's foreign minister at the time" ("of the day") in a sentence with a year
    of his tenure («وزیر خارجه وقت ایران» too; a Persian head without a country is Iran's), from
    the watchlist's roles with years. ``country``: the role's own, when it writes one."""
    after, _ = _tokens_after(text, end)
    latin = head_is_latin(text, start)
    if latin and _NAMED_AFTER.match(text, end):
        return None  # "Then-Secretary of State Mike Pompeo": the title of somebody named
    country = country or HEAD_COUNTRY.get(normalize_key(text[start:end]))  # "the then secretary of state": the US one
    if latin and before and before[-1] in _PAST_BEFORE:
        if len(before) > 1 and before[-2] in _INDEFINITE_WORDS:
            return None  # "a former Iranian foreign minister": one of several
        if country is None and len(before) > 1:
            country = country_of(before[-2])
        if country is None and after[:1] == ["of"] and len(after) > 1:
            country = country_of(after[2] if after[1] == "the" and len(after) > 2 else after[1])
    elif latin and (after[:3] in (["at", "the", "time"], ["of", "the", "day"]) or (
        after[:1] == ["in"] and _IN_PAST_YEAR.match(text, end)
    )):  # "Iran's foreign minister in 2003": the year right after it says when
        if country is None and before:
            country = country_of(before[-1])  # "Iran's foreign minister at the time"
    elif not latin and after and after[0] in _PAST_AFTER:
        if country is None:
            country = country_of(after[1]) if len(after) > 1 and country_of(after[1]) else "iran"
    else:
        return None
    if country is None and latin:
        # "In 2003, Iran's ambassador ... The then foreign minister ...": the one country whose
        # past holders the watchlist knows, where the passage names it
        known = {c for c, o in index.tenures if o == office and c}
        if len(known) == 1:
            c = next(iter(known))
            words = _TOKEN.findall(text, _passage_start(text, start), end)
            if any(country_of(_norm_word(w)) == c for w in words):
                country = c
    tenures = index.tenures.get((country, office)) if country else None
    if not tenures:
        return None
    lo = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    years = _years(text[lo : _sentence_end(text, end)]) or set(any_years(text, start, end))
    held = {oi for first, last, oi in tenures for y in years if first <= y <= last}
    if len(held) != 1:
        return None
    oi = held.pop()
    return Resolved(oi, start, end, f"{text[start:end]} (held then: {country} {office} in {', '.join(map(str, sorted(years)))})")


# Portfolios written between a country and "envoy": another envoy than the one the watchlist
# tracks ("the US hostage envoy", "the American climate envoy", "Washington's Ukraine envoy").
_ENVOY_PORTFOLIOS = frozenset(
    "hostage hostages climate ukraine russia syria lebanon venezuela korea sudan afghanistan yemen libya "
    "gaza hamas trade arms aids antisemitism religious".split()
)


_PORTFOLIO = re.compile(r"\b(?:" + "|".join(sorted(_ENVOY_PORTFOLIOS)) + r")\b", re.IGNORECASE)


def _portfolio_before(text: str, phrase_start: int, start: int) -> bool:
    return _PORTFOLIO.search(text, phrase_start, start) is not None


_OFFICE_WORDS: dict[str, re.Pattern] = {}


def office_words(office: str) -> re.Pattern:
    """The English heads of ``office`` as one pattern (built once per office)."""
    if office not in _OFFICE_WORDS:
        heads = sorted((k for k, (o, _) in ROLE_HEADS.items() if o == office and k.isascii()), key=len, reverse=True)
        _OFFICE_WORDS[office] = re.compile(r"\b(?:" + "|".join(map(re.escape, heads)) + r")\b", re.IGNORECASE)
    return _OFFICE_WORDS[office]


def other_holder_before(text: str, start: int, office: str, own: str) -> bool:
    """Another country's holder of ``office`` told in the sentence before a countryless role
    or in its own ("North Korean leader Kim Jong Un ... The supreme leader ...")."""
    lo = _passage_start(text, start)
    for m in office_words(office).finditer(text, lo, start):
        words = [_norm_word(w) for w in _TOKEN.findall(text, max(lo, m.start() - 30), m.start())][-2:]
        for n in (1, 2):
            country = country_of(" ".join(words[-n:])) if len(words) >= n else None
            if country is not None and country != own:
                return True
    return False


def _norm_word(word: str) -> str:
    return normalize_key(word).removesuffix("'s")


def _act_of_holder(text: str, end: int, office: str) -> tuple[list[str], str]:
    """The country whose holder of ``office`` did what the relative clause after the head
    tells ("the president who tore up the deal in 2018": the US president)."""
    if text[end : end + 1] not in (" ", ",", "\u200c") or office not in _ACT_OFFICES:
        return [], ""
    for country, act_office, act in HOLDER_ACTS:
        if act_office == office and act.match(text, end, min(len(text), end + 160)):
            return [country], "an act of its holder"
    return [], ""


# Persian deputies told with "his own" («معاون اولش», «معاون سیاسی خود»): whose, the person before says.
_PERSIAN_OWN_DEPUTIES = ("معاون اولش", "معاون اول اش", "معاون اول خود", "معاون سیاسی خود", "معاون سیاسی اش", "معاون سیاسیش")
# Heads that name one of several holders unless the text says whose: no title or article
# country makes "the negotiator" the side's chief.
_EXPLICIT_ONLY = frozenset(
    normalize_key(w)
    for w in ("negotiator", "man at the table", "boss", "deputy for political affairs", "top cleric", "cleric in chief",
              "political deputy", "highest authority", "ultimate authority", "final arbiter", "top legislator",
              "top lawmaker", "معاون اول", *_PERSIAN_OWN_DEPUTIES, "commander in chief", "foreign policy chief", "diplomatic chief",
              "spokesman", "spokeswoman", "spokesperson", "delegation head", "delegation chief", "head of delegation",
              "رئیس هیئت", "رئیس هیات", "سرپرست هیئت", "سرپرست هیات", "رئیس تیم مذاکره کننده", "رئیس هیئت مذاکره کننده")
)
# Heads that name an office only through a possessor ("his boss"), never their own country.
_POSSESSOR_ONLY = frozenset(
    normalize_key(w) for w in ("boss", "deputy for political affairs", "political deputy", "معاون اول", "spokesman",
                               "spokeswoman", "spokesperson", *_PERSIAN_OWN_DEPUTIES)
)
_PERSIAN_OWN_HEADS = frozenset(normalize_key(w) for w in _PERSIAN_OWN_DEPUTIES)
# Offices told through a person's office ("his boss", "Araghchi's political deputy"): a country
# as the possessor says not which ("Iran's boss", "Iran's political deputy oil minister").
_PERSON_POSSESSOR_OFFICES = frozenset({"boss", "political deputy foreign minister", "minister's spokesperson"})
_INDEFINITE_WORDS = frozenset({"a", "an", "any", "another", "every", "no", "one", "each", "some"})


def _indefinite_before(text: str, start: int) -> bool:
    """An indefinite article or quantifier before the head's phrase ("an Iranian negotiator")."""
    for word in reversed(_tokens_before(text, start)[-3:]):
        if word in _INDEFINITE_WORDS:
            return True
        if word in ("the", ",", "،") or word.endswith("'s") or word in _POSSESSIVE_PRONOUNS:
            return False
    return False


# Collective heads and the offices of their members the watchlist can hold (the judiciary's
# chief, the third head, is not tracked by default).
_COLLECTIVE = {"heads of the branches": ("president", "speaker", "judiciary chief")}
_ACT_OFFICES = frozenset(office for _, office, _ in HOLDER_ACTS)
_MANY_HOLDERS = frozenset({"envoy", "negotiator"})
_BOTH_SIDES = frozenset({"iran", "us"})
_CHIEF = frozenset({"chief", "top", "lead"})


def _two_sides_chiefs(text: str, start: int) -> bool:
    """"the two sides' chief negotiators": one chief for each side the passage names."""
    before = _tokens_before(text, start)
    return len(before) >= 4 and before[-1] in _CHIEF and before[-4:-1] == ["the", "two", "sides'"]
_INTERLOCUTORS = frozenset({"interlocutor", "interlocutors"})
# The anchor's country -> (the other side's country, its office at the table).
_ACROSS = {"iran": ("us", "envoy"), "us": ("iran", "foreign minister")}


def _names_a_country(phrase: str) -> bool:
    """Whether a role phrase writes a country itself ("Iranian and Omani leaders"), not one
    borrowed from the sentences before ("the two leaders")."""
    tokens = [normalize_key(t) for t in _TOKEN.findall(phrase)]
    return any(country_of(t) for t in tokens) or any(country_of(f"{a} {b}") for a, b in zip(tokens, tokens[1:], strict=False))


# Offices that face each other across the table: the US envoy's counterpart is Iran's negotiator.
_ALSO_COUNTERPART = {"envoy": "negotiator", "negotiator": "envoy"}
# Offices that are another's deputy: "his first deputy" is the first vice president only when
# "his" is a president.
_DEPUTY_OF = {"first vice president": "president", "political deputy foreign minister": "foreign minister",
              "minister's spokesperson": "foreign minister"}
# "his boss": the head of government a minister, an envoy or a spokesman serves.
_BOSS_OF = frozenset({"foreign minister", "envoy", "negotiator", "spokesperson", "first vice president"})
_OFFICE_OF = {"boss": "president", "minister's spokesperson": "spokesperson", "delegation head": "negotiator"}
# A spokesman's boss is his minister, not the president ("Baqaei said his boss would ...").
_BOSS_IN_MINISTRY = {"spokesperson": "possessive: the minister a spokesman serves"}
# Somebody else between the possessor and "his boss" whose boss it may be.
_SUBORDINATE = re.compile(r"\b(?:aide|aides|adviser|advisers|advisor|deputy|deputies|assistant|staffer|official|"
                          r"spokesman|spokeswoman|spokesperson|envoy|diplomat|ambassador|minister)\b", re.IGNORECASE)


_PAST_RELATION = frozenset({"former", "old", "onetime", "erstwhile", "ex"})


def _relation_of(text: str, items: list[Item], start: int, key: str, before: list[str], index: RoleIndex) -> Resolved | None:
    """"his former boss" after a tracked official whose relation the watchlist names as a role
    ("Araghchi's former boss"): that official; not after somebody else between ("Araghchi's
    aide praised his former boss")."""
    at = next((i for i in range(len(before) - 1, max(-1, len(before) - 4), -1) if before[i] in ("his", "her")), None)
    if at is None or at + 1 >= len(before) or before[at + 1] not in _PAST_RELATION:
        return None  # "his envoy" and the like: the possessor's office rules decide
    anchor = _anchor(text, items, start, lambda it: it.official is not None and it.official >= 0)
    if anchor is None:
        anchor = _previous_sentence_anchor(text, items, start)
    if anchor is None or anchor.official is None or anchor.official < 0:
        return None
    target = index.relations.get((anchor.official, " ".join([*before[at + 1 :], key])))
    if target is None or _SUBORDINATE.search(text, anchor.end, start):
        return None
    return Resolved(target, start, start + len(key), f"{key} (a relation of the official named before)")


OWNED_MARK = "his: "  # in a Resolved's detail: told through an untracked possessor (a description's force)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _owned_by_named(text: str, items: list[Item], start: int, end: int, key: str, owners: dict[str, int]) -> Resolved | None:
    """"his foreign minister" after an untracked person the watchlist names as a possessor
    ("Rouhani's foreign minister"): that official, where the possessor is the last person named
    before "his" in this sentence or the one before, with no tracked official and no other
    capitalised word that is not a place or a sentence's first word between."""
    lo = _passage_start(text, start)
    words = list(_CAPITALISED.finditer(text, lo, start))
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        owner = owners.get(normalize_key(w.group().removesuffix("'s").removesuffix("’s")))
        if owner is None:
            continue
        if any(it.official is not None and it.official >= 0 and w.end() <= it.start < start for it in items):
            return None  # "Rouhani praised Araghchi, his ...": the nearer official's
        for later in words[i + 1 :]:
            sentence_first = text[max(0, later.start() - 2) : later.start()] in (". ", "? ", "! ") or later.start() == lo
            if not sentence_first and country_of(normalize_key(later.group())) is None and later.group() not in ("He", "She"):
                return None  # "Rouhani said Raisi and his foreign minister ...": somebody else between
        return Resolved(owner, start, end, f"{text[start:end]} ({OWNED_MARK}{w.group()}'s {key})")
    return None


def _relation_ok(office: str, anchor_office: str | None) -> bool:
    """Whether an office told through a possessor ("his first deputy", "his boss") fits the
    possessor's own office."""
    deputy_of = _DEPUTY_OF.get(office)
    if deputy_of is not None:
        return anchor_office == deputy_of
    return office != "boss" or anchor_office in _BOSS_OF


# Persian possessive suffixes written apart from a head ("ویژه‌اش", "ویژه اش"): his, her.
_PERSIAN_HIS = frozenset(normalize_key(w) for w in ("اش", "ش", "شان", "ایشان"))


def _possessor_start(text: str, items: list[Item], phrase_start: int) -> int:
    """Where the role guards start reading: before a tracked official named as the possessor
    ("Pezeshkian's first deputy"; his name is no other person's before a title)."""
    if not text[max(0, phrase_start - 3) : phrase_start].rstrip().endswith(("'s", "’s")):
        return phrase_start
    owner = next((a for a in items if a.official is not None and a.official >= 0 and 0 <= phrase_start - a.end <= 4), None)
    return owner.start if owner is not None else phrase_start


def _emit(text, items, index, role_ok, out, start, end, head, office, countries, how, phrase_start, phrase_end):
    """Resolve a head to the holder of (country, office) for each country, if the guards pass."""
    if "@" in how:  # the guards look past the possessor named right after the head
        how, _, until = how.partition("@")
        phrase_end = int(until)
    if how == "possessor":
        phrase_start = _possessor_start(text, items, phrase_start)
    phrase = text[phrase_start:phrase_end]
    office = "foreign minister" if how == _BOSS_IN_MINISTRY["spokesperson"] else _OFFICE_OF.get(office, office)
    for country in countries:
        if office == "commander in chief":
            office = "leader" if country == "iran" else "president"
        oi = index.holder.get((country, office))
        if oi is None and office == "leader" and country != "iran":
            # "the US leader", "the American leader": a republic's leader is its president
            # (Iran's Leader is an office of its own)
            oi = index.holder.get((country, "president"))
        if oi is None and how.startswith("counterpart"):
            # an envoy's counterpart is the other side's negotiator, and the reverse
            oi = index.holder.get((country, _ALSO_COUNTERPART.get(office, office)))
        if oi is not None and role_ok(phrase_start, phrase_end, phrase, oi):
            out.append(Resolved(oi, start, end, f"{head} ({how}: {country} {office})"))
            for it in items:
                if it.start == start and it.official is None and len(countries) == 1:
                    it.official, it.country = oi, country


# "the ministry's spokesman" says which ministry only through the article: the foreign ministry
# when the article has named a foreign minister or a foreign ministry's spokesman (with their
# country) or "Iran's foreign ministry" before it; any other ministry otherwise.
_BARE_MINISTRY = frozenset(
    normalize_key(f"ministry{s} {who}") for s in ("'s", "") for who in ("spokesman", "spokeswoman", "spokesperson")
)
_FOREIGN_MINISTRY_BEFORE = re.compile(r"([\w.]+(?:'s|’s)?)[ \t]+foreign[ \t]+ministry\b", re.IGNORECASE)


# A country's parliament named in a passage: "Iran's parliament", "the Iranian parliament", "the Majlis".
_CHAMBER = re.compile(r"([\w.]+(?:'s|’s)?)[ \t]+(?:parliament|legislature)\b|\b(majlis|مجلس)\b", re.IGNORECASE)


def _chamber_named(text: str, pos: int, end: int) -> list[str]:
    """The country of the one parliament named in the passage of a head at ``pos``..``end``: its
    sentence and the one before."""
    lo = max(_passage_start(text, pos), pos - 400)
    found = set()
    for m in _CHAMBER.finditer(text, lo, min(_sentence_end(text, end), end + 300)):
        found.add("iran" if m.group(2) else country_of(normalize_key(m.group(1))))
    return list(found) if len(found) == 1 and None not in found else []


def _body_named_before(text: str, pos: int, index: RoleIndex) -> tuple[int, str] | None:
    """The official a watchlist role makes head of a body ("head of the Strategic Council on
    Foreign Relations") whose name the article writes before ``pos``."""
    if not index.bodies:
        return None
    before = normalize_key(text[max(0, pos - 1500) : pos])
    named = [(before.rfind(body), body, oi) for body, oi in index.bodies.items() if body in before]
    if not named:
        return None
    _, body, oi = max(named)
    return oi, body


_PERSIAN_OWN = re.compile(r"[ \t\u200c]*(?:خود|خویش|اش|او|وی)\b")
_APPOSED_HEAD = re.compile(r"[ \t]*,[ \t]+the[ \t]+(?:\w+[ \t]+)?(?:minister|president|speaker|leader|envoy|negotiator)\b", re.IGNORECASE)


# Words before a country that make it an object ("talks with Iran") or, inside a clause, a place
# ("talks in Oman"): not the state "its" points to. A clause that opens with the place is about it
# ("In Oman, its foreign minister ...").
_OBJECT_WORDS = frozenset({"with", "between", "to", "and", "against"})
_PLACE_WORDS = frozenset({"in", "at", "from", "into"})


def _not_subject(before: list[str], i: int) -> bool:
    return i > 0 and (before[i - 1] in _OBJECT_WORDS or (before[i - 1] in _PLACE_WORDS and i > 1))


# Bodies of a state with officers of their own ("Iran's Guardian Council ... its spokesman" is the council's, not
# the foreign ministry's): a clause whose country is followed by one of these is about the body.
_BODIES = frozenset({"council", "judiciary", "court", "parliament", "majlis", "guards", "corps", "army", "navy",
                     "agency", "organization", "organisation", "commission", "committee", "assembly", "bank",
                     "police", "irgc", "aeoi", "chamber"})


def _body_possessor(before: list[str]) -> bool:
    """Whether the last country the clause names is followed, within three words, by a body of that state."""
    for i in range(len(before) - 1, -1, -1):
        if country_of(before[i]) is not None:
            return any(w.strip("'’s") in _BODIES or w in _BODIES for w in before[i + 1:i + 4])
    return False


def _country_before(before: list[str]) -> str | None:
    """The last country a clause's words (``tokens_before``) name, skipping objects and places
    ("talks with Iran", "talks in Oman")."""
    for i in range(len(before) - 1, -1, -1):
        country = country_of(before[i])
        if country is not None and not _not_subject(before, i):
            return country
    return None


def _object_place(text: str, item: Item) -> bool:
    """Whether a mention is an object or a place of its clause (``_not_subject``)."""
    before = _tokens_before(text, item.start)
    return _not_subject(before + [""], len(before))


def _the_before(text: str, pos: int) -> bool:
    before = _tokens_before(text, pos)
    return bool(before) and before[-1] == "the"


def _ministry_named_before(text: str, items: list[Item], pos: int) -> tuple[list[str], str]:
    """The country of the foreign ministry the article named before ``pos``, if it named one."""
    for it in reversed(items):
        if it.end <= pos and it.country and (
            it.office == "foreign minister" or (it.office == "spokesperson" and _ministry_head(text, it))
        ):
            return [it.country], "the ministry named before"
    country = None
    for m in _FOREIGN_MINISTRY_BEFORE.finditer(text, 0, pos):
        country = country_of(normalize_key(m.group(1))) or country
    return ([country], "the ministry named before") if country else ([], "")


def _ministry_head(text: str, it: Item) -> bool:
    """A spokesperson's mention that names a foreign ministry (not the State Department's)."""
    told = text[it.start : it.end].lower()
    return "ministry" in told or "وزارت" in told


_FIRST_DEPUTY = normalize_key("first deputy")
_HOSTS = frozenset({"host", "hosts"})
# Words that continue a deputy's title: "first deputy foreign minister", "first deputy of the speaker".
_TITLE_GOES_ON = frozenset(
    normalize_key(w)
    for w in """minister ministers speaker secretary chief head governor mayor director commander president
    prime foreign health oil economy economic interior defence defense finance education culture energy
    parliament parliamentary national of for to""".split()
)


def _his_first_deputy(text: str, start: int, end: int) -> bool:
    """"his first deputy", "Pezeshkian's first deputy" and nothing more: the only "first deputy"
    that names an office here (whose deputy it is, core.detect_heads._borrowed checks)."""
    before = _tokens_before(text, start)
    after, _ = _tokens_after(text, end)
    possessor = bool(before) and (before[-1] in _POSSESSIVE_PRONOUNS or before[-1].endswith("'s"))
    if after[:1] == ["to"]:
        # "first deputy to the speaker" goes on as a title; "sent his first deputy to Baku" does not
        return possessor and not any(w in _TITLE_GOES_ON for w in after[1:3] if w not in ("of", "for", "to"))
    return possessor and not (after and after[0] in _TITLE_GOES_ON)


def _pronoun_before(text: str, pos: int) -> bool:
    before = _tokens_before(text, pos)
    return bool(before) and before[-1] in _POSSESSIVE_PRONOUNS


def _previous_sentence_anchor(text: str, items: list[Item], pos: int, named_too: bool = False) -> Item | None:
    """The one person with an office named in the sentence before ``pos``, when this sentence
    names nobody before it: who "his" refers to across a full stop. ``named_too``: an untracked
    person's title counts as well ("Iraq's Foreign Minister Fuad Hussein ..." before "his Iranian
    counterpart"), one office however many times it is told."""
    sentence_start = max(text.rfind(mark, 0, pos) for mark in (". ", "? ", "! ", "\n", "؟ "))
    if sentence_start < 0 or pos - sentence_start > 250:
        return None
    earlier = [it for it in items if it.end <= pos and (named_too or it.official != -1)]
    if earlier and earlier[-1].end > sentence_start:
        return None  # somebody is named in this sentence: the same-sentence rule decided
    previous = [
        it for it in earlier
        if it.end <= sentence_start and _same_sentence(text, it.end, sentence_start)
        and (it.official != -1 or it.office not in (None, "counterpart"))  # "Kuwait would host talks": no office
    ]
    people = {(it.official, it.office) if it.official == -1 else it.official for it in previous if it.official is not None}
    if len(people) != 1:
        return None  # nobody, or several people the pronoun could mean
    anchor = previous[-1]
    if named_too:
        anchor = next(it for it in reversed(previous) if it.official is not None)  # not "host", resolving nobody
    if anchor.official == -1:
        lo = max(text.rfind(mark, 0, sentence_start) for mark in _SENTENCE_MARKS) + 1
        if _OTHER_OFFICE.search(text, lo, anchor.start):
            return None  # "Iraq's oil minister met Qatar's foreign minister ... He ...": the first one
    return anchor if anchor.office not in (None, "counterpart") else None


# An office word before an untracked anchor in its sentence: somebody else the pronoun may mean.
_OTHER_OFFICE = re.compile(
    r"\b(?:minister|president|secretary|envoy|ambassador|chancellor|premier|king|emir|sultan|speaker|prince)\b|وزیر|رئیس|سفیر|فرستاده",
    re.IGNORECASE,
)


def _title_country(text: str, head: str, end: int) -> tuple[list[str], str]:
    """A title only one country uses ("secretary of state" is the US foreign minister's),
    unless a department follows ("Secretary of State for Defence", Britain's)."""
    country = HEAD_COUNTRY.get(normalize_key(head))
    if country is None:
        return [], ""
    after, _ = _tokens_after(text, end)
    if (after and after[0] in ("for", "of")) or text[end : end + 1] in ("'", "’"):
        return [], ""  # "Secretary of State for Defence", "heads Iran's parliament's committee"
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


def _borrowed(
    text: str, items: list[Item], start: int, end: int, index: RoleIndex, office: str
) -> tuple[list[str], str]:
    """A country from elsewhere: a coordinated role, "his", a delegation, a possessor."""
    before = _tokens_before(text, start)
    last = before[-1] if before else ""
    # "the Iranian president and his foreign minister": the person the pronoun points to.
    own = not head_is_latin(text, start) and normalize_key(text[start:end]) in _PERSIAN_OWN_HEADS
    if last in _POSSESSIVE_PRONOUNS or own:
        if last == "its" and _body_possessor(before[:-1]):
            return [], ""  # "Iran's Guardian Council rejected it, and its spokesman said": the council's
        if last == "its":  # a state's own: the country the clause is about, not where it went ("in Oman")
            anchor = _anchor(text, items, start, lambda it: it.country is not None and not _object_place(text, it))
        else:
            anchor = _anchor(text, items, start, lambda it: it.country is not None)
        if anchor is None and last != "its":
            # "Witkoff flew to Muscat. His boss in the White House ...": the one person before
            anchor = _previous_sentence_anchor(text, items, start)
            anchor = anchor if anchor is not None and anchor.country is not None else None
        if anchor is None and last == "its":
            # "Oman's government hosted the talks, and its foreign minister ...": the country
            # the clause names before (a government, a state), not a person
            country = _country_before(before[:-1])
            if country is not None:
                return [country], "possessive"
        if anchor is not None:
            if not _relation_ok(office, anchor.office):
                return [], ""  # "the speaker and his first deputy" is the speaker's
            if office == "boss" and _SUBORDINATE.search(text, anchor.end, start):
                return [], ""  # "Araghchi's deputy said his boss ...": the deputy's boss
            if office == "boss" and anchor.office in _BOSS_IN_MINISTRY:
                return [anchor.country], _BOSS_IN_MINISTRY[anchor.office]
            return [anchor.country], "possessive"
    if office == "boss" and before[-2:] == ["the", "minister's"]:
        # "Iran's top diplomat briefed the cabinet. The minister's boss ...": the foreign
        # minister told before in the passage
        anchor = _previous_sentence_anchor(text, items, start) or _anchor(text, items, start, lambda it: True)
        if anchor is not None and anchor.country and anchor.office == "foreign minister":
            return [anchor.country], "possessive"
    # Persian "فرستاده ویژه‌اش" (his special envoy): the person named before, in this sentence
    # or alone in the one before.
    rest = text[end : end + 4].lstrip(" \u200c")
    if not head_is_latin(text, start) and rest.startswith(("اش", "ش", "ایش")):  # a quick test first
        after, _ = _tokens_after(text, end)
        if after and after[0] in _PERSIAN_HIS:
            anchor = _anchor(text, items, start, lambda it: it.country is not None and it.official != -1)
            if anchor is None:
                anchor = _previous_sentence_anchor(text, items, start)
            if anchor is not None and anchor.country:
                return [anchor.country], "possessive"
    # "Iran's president and foreign minister", "رهبر و رئیس جمهور ایران".
    prev = next((it for it in reversed(items) if it.end <= start), None)
    if prev is not None and prev.country and _gap_is_connector(text, prev.end, start):
        return [prev.country], "coordinated"
    nxt = next((it for it in items if it.start >= end), None)
    # Persian ezafe: "فرستاده ویژه رئیس جمهور آمریکا", the envoy of the US president.
    if nxt is not None and nxt.country and not head_is_latin(text, start) and not text[end : nxt.start].strip():
        if not _relation_ok(office, nxt.office):
            return [], ""  # «معاون اول قالیباف»: the speaker's deputy
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
    at = len(before) - 1  # where the possessor is in ``before``
    if region is not None and len(before) > 2 and before[-3].endswith("'s"):
        possessor_end, last, at = region.start(), before[-3], len(before) - 3
    elif region is not None and len(before) > 1 and before[-2].endswith("'s"):
        possessor_end, last, at = region.start(), before[-2], len(before) - 2
    elif region is not None and any(w in _POSSESSIVE_PRONOUNS for w in before[-3:-1]):
        # "now his Middle East envoy": the person the pronoun points to
        anchor = _anchor(text, items, region.start(), lambda it: it.country is not None)
        if anchor is None:
            # "Trump spoke on Monday. His Middle East envoy ...": the one person before
            anchor = _previous_sentence_anchor(text, items, region.start())
            anchor = anchor if anchor is not None and anchor.country is not None else None
        if anchor is not None and _relation_ok(office, anchor.office):
            return [anchor.country], "possessive"
    if last.endswith("'s"):
        # A country or its seat as the possessor: "Washington's Middle East envoy", "the White
        # House's envoy".
        country = country_of(last) or (country_of(f"{before[at - 1]} {last}") if at > 0 else None)
        if country and office not in _PERSON_POSSESSOR_OFFICES:  # "Iran's boss" says not which office
            return [country], "possessor"
        owner = next((it for it in reversed(items) if it.end <= possessor_end and possessor_end - it.end <= 3), None)
        if owner is not None:
            if owner.country is None and owner.official is None and owner.office:
                prior = _anaphor(items, owner)
                if prior is not None:
                    return [prior], "possessor"
            elif owner.country:
                if not _relation_ok(office, owner.office):
                    return [], ""  # "the speaker's first deputy" is the speaker's
                return [owner.country], "possessor"
    return [], ""


# What stands between a possessor and "envoy": the envoy's own region or rank.
_ENVOY_REGION_BEFORE = re.compile(
    r"[ \t](?:Middle East|Mideast|West Asia|Gulf|regional|peace|top|chief|lead|senior)[ \t]+$", re.IGNORECASE
)


_PERSIAN_COUNTRY_WORDS = tuple(w for w in COUNTRY_WORDS if not w.isascii() and len(w) >= 4 and " " not in w)


def _misspelt_country(word: str) -> bool:
    return len(word) >= 3 and any(
        abs(len(word) - len(w)) <= 1 and OSA.distance(word, w) <= 1 for w in _PERSIAN_COUNTRY_WORDS
    )


def head_is_latin(text: str, start: int) -> bool:
    return text[start : start + 1].isascii()


_STOP_AFTER = frozenset({"of", "for", "at"})
# Words between "the" and a head that describe the holder, not another office ("the reformist
# president", "the hardline speaker"); nouns ("the club president") and parties ("the Democratic
# president") are not among them.
_DEFINITE_DESCRIBERS = frozenset(
    """reformist hardline hardliner conservative moderate pragmatic populist principlist current sitting
    embattled ailing elderly aging ageing octogenarian veteran""".split()
)
# "the president", and "the country's president" in an article about that country
_DEFINITE = frozenset({"the", "country's", "nation's"})
# Offices of one ministry: a bare head takes the country of the other's last mention.
_SIBLING_OFFICES = {"foreign minister": "spokesperson", "spokesperson": "foreign minister"}


def _definite(
    text: str, items: list[Item], start: int, end: int, head: str, office: str, index: RoleIndex, home: dict
) -> tuple[list[str], str]:
    """A bare definite head ("the president", "the foreign ministry spokesman", Persian
    "رئیس‌جمهور") names the holder in the article's own country: the country of the last
    mention of the same office, else (Persian coverage) Iran, else the country the article is
    about. "the president of the chamber", "the club president" and the like stay unresolved."""
    latin = head_is_latin(text, start)
    before = _tokens_before(text, start)
    if before[-2:] == ["year", "old"]:
        before = before[:-2]  # "the 79-year-old president": an age describes the holder
    if len(before) > 1 and before[-1] in _DEFINITE_DESCRIBERS and before[-2] in _DEFINITE:
        before = before[:-1]  # "the reformist president" (not "the club president")
    after, _ = _tokens_after(text, end)
    if latin:
        if before[-1:] == ["as"] and not (after and after[0] in _STOP_AFTER) and _NOW_AS.search(text, max(0, start - 70), start):
            # "the former health minister, now in his second year as president": the office held
            # now, in the article's country
            if "country" not in home:
                people = [it.country for it in items if it.country and it.official is not None and it.official >= 0]
                home["country"] = home_country(text, people)
            return ([home["country"]], "held now, the article's country") if home["country"] else ([], "")
        if before and before[-1] not in _DEFINITE:
            return [], ""
        if after and after[0] in _STOP_AFTER:
            # "brief the president at the White House": the seat named after the head.
            seat = [w for w in after[1:4] if w != "the"]
            if after[0] == "at" and seat:
                country = country_of(" ".join(seat[:2])) if len(seat) > 1 else None
                if country is not None and (country, office) in index.holder:
                    return [country], "the seat named after it"
            return [], ""
    elif before and before[-1] == _PERSIAN_FIRST:
        return [], ""  # "معاون اول رئیس‌جمهور", the first vice president
    elif after and _misspelt_country(after[0]):
        return [], ""  # "وزیر خارجه آمریا": a country after all, misspelt
    elif after and after[0] in PERSIAN_HEAD_CONTINUATIONS:
        return [], ""
    elif _past_government(key_of(head), after):
        return [], ""  # «رئیس دولت سیزدهم», «وزیر خارجه دولت قبل»: a past government's
    elif _foreign_after(after):
        return [], ""  # «رئیس‌جمهور آینده آمریکا»: a describing word, then another country
    prior = sibling = None
    for it in items:
        if it.start >= start:
            break
        if it.office == office and (it.country or it.official == -1):
            prior = it
        elif it.country and _SIBLING_OFFICES.get(office) == it.office and (
            office == "spokesperson" or _ministry_head(text, it)
        ):
            sibling = it  # "the foreign ministry's spokesman ... the foreign minister"
    if prior is not None:
        return ([prior.country], "same office as before") if prior.country else ([], "")
    if sibling is not None and latin:
        return [sibling.country], "same ministry as before"
    if not latin:
        if office not in _PERSIAN_HOME_OFFICES:
            return [], ""
        speaker = _reported_speaker(text, items, start)
        if speaker is not None and speaker.country != "iran" and (speaker.country, office) in index.holder:
            return [speaker.country], "the speaker's own"  # «ویتکاف افزود رئیس‌جمهور ...»: his president
        return ["iran"], "Persian coverage"
    if office == "spokesperson":
        # "the foreign ministry's spokesman told his weekly news conference in Tehran"
        m = _BRIEFING_IN.match(text, end, min(len(text), end + 120))
        country = country_of(normalize_key(m.group(1) or m.group(2))) if m else None
        if country is not None and (country, office) in index.holder:
            return [country], "where the spokesman briefs"
    if office in _SEATS:
        # "The White House said the president had written ...", "the president ... told
        # reporters in the Oval Office": the seat in its sentence or the next says whose
        lo = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
        hi = _sentence_end(text, _sentence_end(text, end) + 1)
        for country, seat in _SEATS[office]:
            if (country, office) in index.holder and seat.search(text, lo, hi):
                return [country], "the seat named beside it"
    holders = {c for (c, o) in index.holder if o == office}
    if len(holders) == 1 and text[start : start + 1].isupper():
        return [next(iter(holders))], "the only holder"  # "the Leader", "Leader: ..."
    if not before:
        return [], ""  # "President Erdogan ...", a title at the start of a clause
    if "country" not in home:
        people = [it.country for it in items if it.country and it.official is not None and it.official >= 0]
        home["country"] = home_country(text, people)
    return ([home["country"]], "the article's country") if home["country"] else ([], "")


# "now in his second year as", "currently serving as", "who now serves as": the office held now.
_NOW_AS = re.compile(r"\b(?:now|currently)\b(?:[ \t]+(?:in|into|serving|serves|serve|his|her|the|first|second|third|fourth|fifth|year|term|months?|as))*[ \t]+as[ \t]+$", re.IGNORECASE)


# The seats of an office's holders: a bare head beside one is that country's.
_SEATS = {"president": (("us", re.compile(r"\b(?:White House|Oval Office|Air Force One)\b")),)}
_SENTENCE_MARKS = (". ", "? ", "! ", "\n", "؟ ")


# Talks named in a passage (a delegation's head is its negotiator only there).
_TALKS = re.compile(r"\b(?:talks|negotiat\w*|round)\b|مذاکر|گفت[ \t\u200c]*و?[ \t\u200c]*گو|دور\b")
# A Persian head told of somebody as what he was: «... وزیر امور خارجه بود».
# «پیش‌تر به عنوان», «قبلاً در سمت»: the office somebody held before.
_PERSIAN_FORMERLY = re.compile(
    r"(?:پیش[\u200c ]?تر|قبلا|قبلاً|سابقا|سابقاً)[ \t\u200c]+(?:به[ \t\u200c]+عنوان|در[ \t\u200c]+سمت|در[ \t\u200c]+مقام)[ \t\u200c]+$"
)
_PERSIAN_WAS = re.compile(r"[ \t\u200c]*(?:(?!خواهد)\S+[ \t\u200c]+)?(?:بود|بوده|بودند)(?:[ \t\u200c.،,]|$)")  # not «خواهد بود» (will be)


def _passage_start(text: str, pos: int) -> int:
    """The start of the sentence before the one ``pos`` is in."""
    cut = max(text.rfind(mark, 0, pos) for mark in _SENTENCE_MARKS)
    return max(text.rfind(mark, 0, cut) for mark in _SENTENCE_MARKS) + 1 if cut > 0 else 0


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(mark, pos) for mark in _SENTENCE_MARKS) if i >= 0]
    return min(ends) if ends else len(text)


# A spokesman's briefing and where it is held, in the clause after the head.
_BRIEFING_IN = re.compile(
    r"[^.;:!?\n]{0,60}?\b(?:news|press)[ \t]+(?:conference|briefing)[ \t]+in[ \t]+([A-Z][a-z]+)\b"
    r"|[^.;:!?\n]{0,40}?\bweekly[ \t]+(?:\w+[ \t]+){0,2}in[ \t]+([A-Z][a-z]+)\b"
)
# Persian verbs of saying: a bare head after one is told in the speaker's words.
_PERSIAN_SAYS = re.compile(r"(?:گفت|افزود|تاکید[ \t\u200c]*کرد|تأکید[ \t\u200c]*کرد|اظهار[ \t\u200c]*داشت|تصریح[ \t\u200c]*کرد|خاطرنشان[ \t\u200c]*کرد)[ \t\u200c]+(?:که[ \t\u200c]+)?$")
_PERSIAN_HE = re.compile(r"[ \t]*(?:او|وی)[ \t\u200c]")


def _reported_speaker(text: str, items: list[Item], start: int) -> Item | None:
    """Who says the words a Persian head opens ("ویتکاف افزود رئیس‌جمهور ترجیح می‌دهد ..."):
    the tracked person named before the verb of saying in its sentence, or, when the sentence
    opens with "او"/"وی" (he), the one person named in the sentence before."""
    if not _PERSIAN_SAYS.search(text, max(0, start - 40), start):
        return None
    # Persian puts the subject first: the first tracked person of the sentence speaks
    # («عراقچی در گفت‌وگو با ویتکاف گفت ...» is Araghchi's word).
    sentence_start = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n", "؟ "))
    speaker = next(
        (
            it for it in items
            if sentence_start < it.start < start and it.country is not None and it.official is not None and it.official >= 0
        ),
        None,
    )
    if speaker is not None:
        return speaker
    if sentence_start >= 0 and _PERSIAN_HE.match(text, sentence_start + 1):
        anchor = _previous_sentence_anchor(text, items, start)
        if anchor is not None and anchor.official is not None and anchor.official >= 0:
            return anchor
    return None


# Persian words that end a head's ezafe chain: a preposition, a conjunction, a verb, a time word.
_PERSIAN_CLAUSE_WORDS = frozenset(
    normalize_key(w)
    for w in "و در به از با که را برای تا بر پس پیش روز گفت افزود هم نیز این آن طی ضمن درباره علیه , ، "
    "امروز دیروز فردا امشب صبح عصر شب هفته ماه سال امسال اکنون حالا هنوز بار دوباره باز".split()
)
_GOVERNMENT = normalize_key("دولت")
_PLURAL = normalize_key("های")
_FIRST_TERM = normalize_key("نخست")
_HEAD_GOVERNMENT = normalize_key("رئیس دولت")
key_of = normalize_key


def _past_government(key: str, after: list[str]) -> bool:
    """A Persian head of a numbered or earlier government that is not the current one."""
    if key == _HEAD_GOVERNMENT:
        words = after[:2]
    elif len(after) > 1 and after[0] == _GOVERNMENT:
        words = after[1:3]
        if words[:1] == [_PLURAL]:
            words = after[2:4]  # «دولت‌های یازدهم و دوازدهم»
    else:
        return False
    if words[:1] and (words[0] in PERSIAN_GIVEN_NAMES or words[0] == _FIRST_TERM):
        words = words[1:]  # «دولت حسن روحانی», «دولت نخست ترامپ»: the name after
    return bool(words) and words[0] in PAST_GOVERNMENT_WORDS and words[0] != CURRENT_PERSIAN_GOVERNMENT


def _foreign_after(after: list[str]) -> bool:
    """A country other than Iran within the two words after a Persian head, before any
    preposition or verb: whatever the word between says, the office is not Iran's."""
    for word in after[:3]:
        if word in _PERSIAN_CLAUSE_WORDS or word.isascii():
            return False
        country = country_of(word)
        if country is not None:
            return country != "iran"
    return False


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
