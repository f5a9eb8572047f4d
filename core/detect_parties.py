"""Whose talks a negotiation term is about: the parties its sentence (and the one before) names.

The default watchlist follows one set of talks, Iran's with the US and Europe, which Oman,
Qatar and a few others host or mediate. A sentence that names a third country as a party
and only one of the two sides ("Pezeshkian held talks with his Armenian counterpart",
"negotiations with Canada over steel tariffs", "عمان میان آمریکا و حوثی‌ها میانجی‌گری کرد")
is about somebody else's talks. A country after "in", "at", "to" (Persian "در", "به") is a
venue, not a party. A sentence naming both sides, or no side at all ("Saudi Arabia welcomed
the talks"), keeps the term. Work is per hit and only in texts that name a third country.
"""

from __future__ import annotations

import re

from core.detect_roles import norm_token
from core.detect_words import COUNTRY_WORDS
from core.normalize import normalize_key

# Country key -> side; the mediators and hosts are neither side nor a third party.
SIDES = {"iran": "iran", "us": "west", "uk": "west", "france": "west", "germany": "west", "eu": "west"}
MEDIATORS = frozenset({"oman", "qatar", "switzerland", "norway", "italy"})
# Named beside the talks far more often as a critic than as a party ("accused Israel of
# trying to sabotage diplomacy"): neither a side nor a third party.
ONLOOKERS = frozenset({"israel"})
_VENUE_BEFORE = frozenset(normalize_key(w) for w in "in at to from into via near inside در به از".split())
_FROM = frozenset(normalize_key(w) for w in "from از".split())
# Country words that are people: never a venue ("a message to Putin").
_LEADERS = frozenset(normalize_key(w) for w in "putin zelensky پوتین".split())
# "a message to Moscow", «پیامی به مسکو»: after a message the country is who receives it, a party.
_TO = frozenset(normalize_key(w) for w in "to به".split())
_ADDRESSED = frozenset(
    normalize_key(w) for w in "message messages letter letters reply proposal offer پیام پیامی نامه نامه‌ای پاسخ".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w.'’]*")
# Brussels is the EU's seat and Belgium's capital: in a text that names Belgium it is Belgium
# ("months of Omani mediation between Tehran and Brussels" after "Belgium freed ...").
_SEAT_OF_TWO = {normalize_key("brussels"): "belgium"}
# The IAEA is the other party of the file's talks on inspections: a sentence naming it beside one side
# and a host ("Egypt's foreign minister hosted his Iranian counterpart and the IAEA chief") is the talks.
_AGENCY = re.compile(
    r"(?<!\w)(?:IAEA|International Atomic Energy Agency|(?:UN|U\.N\.|nuclear|atomic)[ \t]+watchdog|Grossi"
    r"|آژانس[ \t\u200c]+بین[ \t\u200c]*المللی[ \t\u200c]+انرژی[ \t\u200c]+اتمی|گروسی)(?!\w)",
    re.IGNORECASE,
)
_COOPERATION_BEFORE = re.compile(r"(?:cooperat\w*|همکاری\w*)[\w \t\u200c'’]{0,25}$", re.IGNORECASE)


def _agency_as_party(text: str, start: int, end: int) -> bool:
    """The IAEA named in text[start:end] as a party, not as what Iran's cooperation is with ("a message to
    Moscow about Tehran's cooperation with the IAEA")."""
    for m in _AGENCY.finditer(text, start, end):
        if _COOPERATION_BEFORE.search(text[max(start, m.start() - 40) : m.start()]) is None:
            return True
    return False


_BELGIUM = re.compile(r"(?<!\w)(?:Belgi(?:um|an|ans)|بلژیک)", re.IGNORECASE)


def _country(token: str) -> str | None:
    key = token.removesuffix("'s").removesuffix("'").rstrip(".")
    return COUNTRY_WORDS.get(key)


def _side_words(side: str) -> re.Pattern:
    """Words of one side, matched on the text as written (Arabic and Persian yeh and kaf alike)."""
    words = sorted((w for w, c in COUNTRY_WORDS.items() if SIDES.get(c) == side), key=len, reverse=True)
    alts = (re.escape(w).replace("ی", "[یيى]").replace("ک", "[کك]") for w in words)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?:'s|’s)?(?!\w)", re.IGNORECASE)


_SIDE_WORDS = {side: _side_words(side) for side in set(SIDES.values())}


class Parties:
    """Built with the matcher: each official's side. (Whether a text names a third country at
    all is known from the matcher's automaton, which holds those countries' words.)"""

    def __init__(self, official_country: dict[int, str]):
        self._side_of = {oi: SIDES.get(c) for oi, c in official_country.items()}

    def others_talk(
        self, text: str, start: int, end: int, people: list[tuple[int, int]], own: int | None = None
    ) -> bool:
        """True when text[start:end] (a sentence and the one before) names a third country as a
        party and one side, or a pair of third countries and neither side ("the delegations of
        Russia and Ukraine met in Istanbul"),
        or when the sentence alone, from ``own`` on, does ("Meanwhile South Korea's minister said
        talks with Washington on tariffs ..." after a sentence about Tehran).
        ``people``: (offset, official) of the officials found."""
        sides, third, own_sides, own_third = self._parties(text, start, end, own=own)
        if not third:
            return False
        for pos, oi in people:
            if start <= pos < end and self._side_of.get(oi):
                sides.add(self._side_of[oi])
                if own is not None and pos >= own:
                    own_sides.add(self._side_of[oi])
        if sides == {"iran"} and _agency_as_party(text, start, end):
            return False  # Iran and the IAEA, whoever hosts them
        # The sentence alone: another country's talks with the US or Europe, after a sentence about
        # Tehran ("Meanwhile South Korea's minister said talks with Washington on tariffs ..."); a
        # third country's word on Iran's talks after a sentence naming the US stays ours.
        return _others(sides, third) or (own is not None and own_sides == {"west"} and _others(own_sides, own_third))

    def may_name_both(self, text: str, start: int, end: int, people: list[tuple[int, int]]) -> bool:
        """A quick test before ``both_sides``: a word or an official of each side in text[start:end]."""
        named = {self._side_of.get(oi) for pos, oi in people if start <= pos < end}
        return all(side in named or words.search(text, start, end) for side, words in _SIDE_WORDS.items())

    def side_of(self, official: int) -> str | None:
        """The side an official is on, if any."""
        return self._side_of.get(official)

    def both_sides(self, text: str, start: int, end: int, people: list[tuple[int, int]]) -> bool:
        """True when text[start:end] names both sides, by a country word or an official of each
        ("Araghchi met his British, French and German counterparts"), and no third country (a
        meeting with China's ambassador that mentions US sanctions is not the talks). The
        matcher calls it only where its automaton found words of both sides or their officials."""
        sides, third, _, _ = self._parties(text, start, end, from_is_party=True)
        if third:
            return False
        for pos, oi in people:
            if start <= pos < end and self._side_of.get(oi):
                sides.add(self._side_of[oi])
        return len(sides) == 2

    def _parties(
        self, text: str, start: int, end: int, from_is_party: bool = False, own: int | None = None
    ) -> tuple[set[str], set[str], set[str], set[str]]:
        """The sides text[start:end] names as parties, and whether it names a third country
        (a country after "in", "at" is a venue, not a party; after "from" too, unless
        ``from_is_party``: "diplomats from Britain"); then the same from ``own`` on. The third
        countries come as a set (empty: none)."""
        before_venue = _VENUE_BEFORE - _FROM if from_is_party else _VENUE_BEFORE
        sides: set[str] = set()
        third: set[str] = set()
        own_sides: set[str] = set()
        own_third: set[str] = set()
        own = end if own is None else own
        previous = ("", "")
        last_third = ("", -9)  # the last third country and its token's number
        after_third = ""  # the token right after it
        for i, m in enumerate(_TOKEN.finditer(text, start, end)):
            token = norm_token(m.group()).rstrip(".")
            country = _country(token)
            if country is None and previous[1]:
                country = _country(f"{previous[1]} {token}")  # "saudi arabia", "united states"
            venue = token not in _LEADERS and (
                previous[1] in before_venue or (previous[1] == "the" and previous[0] in before_venue)
            ) and not (previous[1] in _TO and previous[0] in _ADDRESSED)
            if i == last_third[1] + 1:
                after_third = token
            previous = (previous[1], token)
            if country is None or venue:
                continue
            if token in _SEAT_OF_TWO and _BELGIUM.search(text) is not None:
                country = _SEAT_OF_TWO[token]
            side = SIDES.get(country)
            if side:
                sides.add(side)
                if m.start() >= own:
                    own_sides.add(side)
            elif country not in MEDIATORS and country not in ONLOOKERS:
                pair = i == last_third[1] + 2 and last_third[0] != country and after_third in _AND
                third.add(country)
                if pair:
                    third.add(_PAIR)
                if m.start() >= own:
                    own_third.add(country)
                    if pair:
                        own_third.add(_PAIR)
                last_third = (country, i)
        return sides, third, own_sides, own_third


_PAIR = "&"  # in the set of third countries: two of them named as a pair ("Russia and Ukraine")
_AND = frozenset(normalize_key(w) for w in "and و".split())


def _others(sides: set[str], third: set[str]) -> bool:
    """Talks of others: a third country with one side, or a pair of third countries with neither
    ("China welcomed the talks" after Russia's envoy spoke stays ours)."""
    return bool(third) and (len(sides) == 1 or (not sides and _PAIR in third))


# The people of a side at a meeting: a side's word beside a word for its diplomats ("the E3's
# political directors", "his American counterpart", "envoys from Paris and Berlin", «مدیران سیاسی
# سه کشور اروپایی», «همتای آمریکایی»), not the side named as the one that sanctions ("a meeting on
# the blow of US sanctions"). Matched on the normalised sentence.
_PEOPLE = (
    r"(?:diplomat|diplomats|official|officials|counterpart|counterparts|envoy|envoys|delegation|delegations"
    r"|negotiator|negotiators|team|teams|director|directors|minister|ministers|interlocutor|interlocutors"
    r"|representative|representatives|mediator|deputy|deputies|side|ambassador|ambassadors|chief|chiefs|head"
    r"|president|secretary|commissioner|leader|leaders|foreign policy chief|high representative"
    r"|مقام|مقامات|مقامهای|دیپلمات|دیپلماتهای|همتای|همتایان|هیئت|هیات|هیئتهای|مدیران|مدیر|وزیر|وزیران|وزرای"
    r"|مذاکره کننده|مذاکره کنندگان|نماینده|نمایندگان|فرستاده|معاون|معاونان|طرف|سفیر|سفرای)"
)


def _side_people(side: str) -> re.Pattern:
    words = sorted((w for w, c in COUNTRY_WORDS.items() if SIDES.get(c) == side), key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"(?<!\w)(?:{alts})(?:'s|’s)?(?:\s+[\w-]+){{0,2}}\s+{_PEOPLE}(?!\w)"  # "E3 political directors"
        rf"|(?<!\w){_PEOPLE}(?:\s+[\w-]+){{0,3}}\s+(?:of|from)\s+(?:the\s+)?(?:{alts})(?!\w)"  # "envoys from Paris"
        rf"|(?<!\w){_PEOPLE}(?:\s+[^\W\d_a-z]+){{0,3}}\s+(?:{alts})(?!\w)"  # «همتای آمریکایی»
    )


_SIDE_PEOPLE = {side: _side_people(side) for side in set(SIDES.values())}


def sides_present(sentence: str, officials_sides: set[str]) -> bool:
    """True when both sides take part in what ``sentence`` (normalised) tells: each side by an
    official of its own (``officials_sides``) or by a word for its diplomats."""
    return all(side in officials_sides or _SIDE_PEOPLE[side].search(sentence) for side in _SIDE_PEOPLE)
