"""Guards that decide whether a surname or role hit names the tracked official: another person
of that name ("Mojtaba Khamenei", "Mrs Trump", "Trump Tower"), a qualified or foreign role
("former", "Saudi foreign minister", "President Ebrahim Raisi"), context for ambiguous surnames."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from core.detect_heads import other_holder_before
from core.detect_hits import _Hit
from core.detect_keys import _key
from core.detect_roles import country_of, persian_deputy_before, tokens_before
from core.detect_words import (
    BUSINESS_NOUNS,
    COMMON_WORDS,
    CONFLICTING_TITLES,
    COUNTRY_WORDS,
    ENVOY_OWN_REGIONS,
    ENVOY_WORDS,
    NAMED_AFTER,
    NOT_GIVEN_NAMES,
    PERSIAN_DETERMINERS,
    PERSIAN_GIVEN_NAMES,
    PERSIAN_MARTYR,
    PERSIAN_NAMED_AFTER,
    PERSIAN_NAMED_PLACES,
    PERSIAN_OTHER_COUNTRIES,
    PERSIAN_PEOPLE_NOUNS,
    ROLE_BLOCKERS_AFTER,
    ROLE_BLOCKERS_BEFORE,
    ROLE_COUNTRY_WORDS,
    TITLES,
)

_WORDS = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’]*)")


_LATIN = re.compile(r"[A-Za-z]")


# A role dated to a year before the current holders took office is a past holder's: "Iran's
# chief negotiator in the 2015 talks", "the US president in 2013"; "Oman's foreign minister of the day",
# "in the Ahmadinejad years" (core.detect_dates reads the president's years).
_AT_THE_TIME = re.compile(
    r",?[ \t]+(?:at the time|of the day|back then|until[ \t]+(?:19\d\d|20[01]\d|202[0-4])\b|(?i:(?:in|during)[ \t]+the[ \t]+(?:khatami|ahmadinejad|rouhani|raisi|obama|biden)"
    r"[ \t]+(?:years|era|administration|presidency|government))|(?:in|during)[ \t]+(?:the[ \t]+)?(?:19\d\d|20[01]\d|2020)(?:s|[-–](?:19\d\d|20[01]\d|20|1\d|0\d|\d\d)?)?(?![\d-]))\b"
)
# A role told in the past tense is a former holder's: "who served as first vice president",
# "Mokhber, who was first vice president", "had been the sultanate's top diplomat".
_PAST_HOLDER = re.compile(
    r"\b(?:served|who[ \t]+was|had[ \t]+been|was[ \t]+once|who,?[ \t]+as)[ \t]+(?:as[ \t]+)?(?:(?:the|a|an|its|his|her)[ \t]+)?$",
    re.IGNORECASE,
)


_CAPITALISED_RUN = re.compile(r"[ \t]+(?:the[ \t]+)?((?:[A-Z][\w'’.-]*[ \t]*){1,5})")


_APPOSITIVE_NAME = re.compile(r",[ \t]+([A-Z][\w'’-]*)[ \t]+([A-Z][\w'’-]*)")


# A role in apposition to another person named right before it: "Hassan Rouhani, Iran's president
# when the accord collapsed, ...", "said Javad Zarif, the foreign minister who signed it". The name
# opens its sentence or follows a speech verb or a conjunction (not "In New York, Iran's president").
_NAME_BEFORE_ROLE = re.compile(
    r"(?:^|[.!?;:\"“(\n][ \t]*|\b(?:said|says|and|but|while|as|by)[ \t]+)"
    r"((?:[A-Z][a-z][\w'’-]*[ \t]+){1,2}[A-Z][a-z][\w'’-]*),[ \t]+(?:(?:the|then)[ \t]+)?$"
)
_CLOSING_COMMA = re.compile(r"[^.!?\n,]{0,80},")


_PLACE_ENDINGS = frozenset({"iran", "oman", "states", "america", "republic"})


_JUNIOR = re.compile(r",?[ \t]+(?:Jr|Sr|III|IV)\b")


# A possessive surname that names a business: "Rubio's Coastal Grill", "Trump's Steakhouse".
# At most three capitalised words, the last a business noun, and no capitalised word after
# (a title-case headline runs on: "Rubio's Talks Stall At Muscat Hotel").
_POSSESSIVE_BUSINESS = re.compile(r"['’]s((?:[ \t]+[A-Z][\w&'’-]*){1,3})(?![ \t]+[A-Z])")


# An office told with "of" before a surname: "Speaker of Parliament Ghalibaf", "Minister of
# Foreign Affairs Araghchi" (not "residents of Ramat Trump", a place named after him).
_OF_TITLE = re.compile(
    r"\b(?i:speaker|minister|secretary|president|head|chair|chairman|chairwoman|chief|director|envoy|ambassador"
    r"|spokesman|spokeswoman|spokesperson|leader|representative|deputy|commander|governor)"
    r"[ \t]+(?:of|for|to)(?:[ \t]+(?:the[ \t]+)?[A-Z][\w.'’]*){0,2}[ \t]+$"
)


_HYPHEN_WORD = re.compile(r"[-‐‑](\w+)")


# "the then ...", "Iran's then ...": a holder at the time told (not "he then met ...").
_THE_THEN = re.compile(r"(?:\bthe|'s|’s)[ \t]+then[ \t]+$", re.IGNORECASE)
# The file a point man handles, written after the title ("on North Korea", "for trade").
_FILE_AFTER = re.compile(r"[ \t]+(?:on|for)[ \t]+\w")
# What qualifies an envoy's title: "for Ukraine", "to the Middle East", Persian "در امور اوکراین".
_ENVOY_QUALIFIER = re.compile(r"[ \t]+(?:(?:for|to)[ \t]+(?:the[ \t]+)?([A-Z]\w*)|در[ \t\u200c]+امور[ \t]+(\w+))")


# رهبری is the Leader, or the leadership of a body named right after it.
_LEADERSHIP = _key("رهبری")
_LEADERSHIP_ROLE = "رهبری"  # the watchlist's role, as written there
# «رهبری» alone is the Leader where it is the subject or object of its clause: the word after it is a
# preposition, a particle or a verb of his («رهبری در دیدار ...», «خطوطی که رهبری تعیین کرده‌اند»),
# or a mark ends the phrase; not "led by" («به رهبری», «تحت رهبری»), a body's leadership
# («رهبری حزب», «شورای رهبری»), nor leading as an act («رهبری تیم را بر عهده گرفت»).
_LEADER_NEXT = frozenset(
    _key(w)
    for w in """در با از به را نیز هم که و بر برای تا همواره بارها هرگز بر تعیین تاکید تأکید فرمودند فرموده
    اجازه موافقت مخالفت اعلام گفته نظر""".split()
)
_LEADER_NOT_BEFORE = frozenset(
    _key(w) for w in "به تحت شورای شورا نقش سبک مدل کادر هسته تیم حزب دوران دوره مدعی انتخاب".split()
) | frozenset(
    # the Leader as the possessor of another person or body: his representative, adviser, office,
    # the Assembly of Experts («خبرگان رهبری»), his succession («جانشین رهبری»)
    _key(w) for w in "نماینده نمایندگان نمایندگی مشاور مشاوران دفتر بیت خبرگان جانشین جانشینی ساختار نهاد".split()
)
_LEADER_AFTER = re.compile(r"[ \t\u00a0\u200c]*(?:([\u0600-\u06ff\u200c]+)|[،,.:»؛!؟?]|$)")
_TAKES_CHARGE = re.compile(r"[ \t\u00a0\u200c]+را[ \t\u00a0\u200c]+(?:بر[ \t\u00a0\u200c]*عهده|به[ \t\u00a0\u200c]*دست|در[ \t\u00a0\u200c]*دست)")


def leader_alone_ok(text: str, h_start: int, h_end: int) -> bool:
    """Whether «رهبری» alone at ``h_start:h_end`` is the Leader (see _LEADER_NEXT)."""
    before = _word_before(text, h_start)
    if before is not None and _key(before[0]) in _LEADER_NOT_BEFORE:
        return False
    m = _LEADER_AFTER.match(text, h_end)
    if m is None:
        return False
    if m.group(1) is None:
        return True
    word = _key(m.group(1))
    if word == _key("را") and _TAKES_CHARGE.match(text, h_end):
        return False
    return word in _LEADER_NEXT
_LED_BODIES = frozenset(
    _key(w) for w in "تیم حزب گروه سازمان شرکت باشگاه جنبش جبهه ائتلاف اتحادیه هیئت شورای کمیته فراکسیون".split()
)


# A Persian office after a role that is the object of the clause, not the title of a person named
# next: «رئیس‌جمهور آمریکا وزیر خارجه ایران را ...» (up to five words, then «را»).
_PERSIAN_OFFICE_WORDS = frozenset(_key(w) for w in "وزیر سفیر رئیس معاون سخنگوی".split())
_PERSIAN_OBJECT_NEXT = re.compile(r"(?:[ \t\u00a0\u200c]+[\u0600-\u06ff\u200c]+){0,5}?[ \t\u00a0\u200c]+را(?![\u0600-\u06ff])")
# The word after a Persian role, across an appositive comma: a country or a given name.
_PERSIAN_NEXT = re.compile(r"[ \t\u00a0]*[،,]?[ \t\u00a0]*([^\W\d_]+)")


_PERSIAN_JUNIOR = re.compile(r"[ \t\u00a0\u200c]+جونیور")


_HYPHEN_THING = re.compile(r"[-‐‑](?:class|branded|brand|themed|owned)\b", re.IGNORECASE)


# After a context-needing surname: a speaker's colon (a headline "ظریف: ...") or "in an
# interview with" (Persian), which only a person takes.
_SPEAKER_AFTER = re.compile(r"[ \t]*:|[ \t\u200c]+در[ \t\u200c]+(?:گفت[ \t\u200c]*و?[ \t\u200c]*گو|گفتگو|مصاحبه)[ \t\u200c]+با")


# A counterpart role ("Omani counterpart", «همتای عمانی») is the other country's holder of the
# office of the person it is told of: a minister of another portfolio named before it in its
# sentence (the oil minister, «وزیر نفت») makes it that minister's counterpart, not the foreign
# minister's. The nearest minister's title before the role decides.
_COUNTERPART_WORDS = frozenset(_key(w) for w in "counterpart counterparts همتای همتایان host".split())
_MINISTER_TITLE = re.compile(
    r"(?i:\b(?:([a-z]+)[ \t]+)?minister\b(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?([a-z]+))?)|وزیر[ \t\u200c]+([^\W\d_]+)"
)
_FOREIGN_PORTFOLIO = frozenset(_key(w) for w in "foreign امور خارجه".split())
_NOT_PORTFOLIO = frozenset(
    _key(w) for w in "prime deputy vice the a an his her its their iran's iranian oman's omani former chief".split()
)


def _other_portfolio_before(text: str, pos: int) -> int:
    """Where the nearest minister's title before ``pos`` in its sentence ends, when it is of a
    portfolio other than foreign affairs ("oil minister", "minister of defence", «وزیر نفت»);
    -1 otherwise."""
    lo = max(text.rfind(mark, 0, pos) for mark in (". ", "? ", "! ", "\n", "؟ ", ".\u200f"))
    last = None
    for m in _MINISTER_TITLE.finditer(text, max(lo + 1, pos - 200), pos):
        last = m
    if last is None:
        return -1
    word = _key(last.group(2) or last.group(1) or last.group(3) or "")
    if not word or (word in _NOT_PORTFOLIO and not last.group(3)):
        return -1  # "Iran's minister", "the prime minister": no portfolio told
    return -1 if word in _FOREIGN_PORTFOLIO else last.end()


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


def _title_case_line(text: str, pos: int) -> bool:
    """Headlines capitalise verbs ("Rubio Tells Araghchi"); name guards must not read them as names."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [w for w in text[lo : hi if hi >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


class PersonRules:
    """Matcher methods (a mixin) that judge one official hit; they read the tables Matcher builds."""

    def _plain_ok(self, text: str, h: _Hit) -> bool:
        if h.how == "role":
            return self._role_ok(text, h)
        if h.alias is not None and h.alias.needs_context:
            return False
        return not self._other_person(text, h)

    def _foreign_minister_named(self, text: str, start: int, end: int) -> bool:
        """Whether a word of a tracked foreign minister's names stands in ``text[start:end]``
        ("the oil minister ..., and later Araghchi met his Omani counterpart")."""
        words = getattr(self, "_fm_words", None)
        if words is None:
            holders = {oi for (_, office), oi in self._roles.holder.items() if office == "foreign minister"}
            words = self._fm_words = frozenset().union(*(self._own_words[oi] for oi in holders)) - COMMON_WORDS
        return any(_key(w) in words for w in _WORDS.findall(text, start, end))

    def _other_person(self, text: str, h: _Hit) -> str:
        """Why a bare surname is somebody else's, or "": after a capitalised given name that is
        not this official's ("given": "Mojtaba Khamenei", "Melania Trump"), after a title that
        cannot be his ("title": "Mrs Trump", "Sultan ... Al Busaidi"), "Jr.", or the name of a
        thing ("Trump Tower"). Aliases holding the official's given name are never doubted."""
        if not _LATIN.match(text[h.start : h.start + 1]):
            return self._other_person_persian(text, h)
        if _JUNIOR.match(text, h.end):
            return "junior"  # "Donald Trump Jr."
        if id(h.alias) in self._given_aliases:
            return ""  # the alias holds the official's given name: never doubted
        if " " in text[h.start : h.end] and not self._given[h.index]:
            return ""
        after = _NEXT_WORD.match(text, h.end)
        if after and after.group(1)[:1].isupper() and _key(after.group(1)).removesuffix("'s") in NAMED_AFTER:
            return "thing"  # "Trump Tower", "the Trump Organization('s)"
        if text[h.end : h.end + 1] in "'’":
            owned = _POSSESSIVE_BUSINESS.match(text, h.end)
            if owned and _key(owned.group(1).split()[-1]) in BUSINESS_NOUNS:
                return "thing"  # "Rubio's Coastal Grill"
        if text[h.end : h.end + 1] in "-‐‑" and _HYPHEN_THING.match(text, h.end):
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
        if key in self._partial_given[h.index]:
            return "given"  # "Mohammad Zarif, a money changer": the first given name alone is another man's
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
        if key == PERSIAN_MARTYR:
            place = _word_before(text, before[1])
            if place is not None and _key(place[0]) in PERSIAN_NAMED_PLACES:
                return "thing"  # «کوچه شهید عراقچی»: an alley named after a martyr
        if key in PERSIAN_DETERMINERS or key in PERSIAN_PEOPLE_NOUNS:
            return "common"  # "یک قالیباف قدیمی", "زنان قالیباف": carpet weavers, not the speaker
        if key in CONFLICTING_TITLES and key not in own:
            return "title"
        if key in self._partial_given[h.index]:
            return "given"  # «محمد ظریف» alone: another man
        if key in PERSIAN_GIVEN_NAMES and key not in own:
            # A compound given name written in two words ("حمید رضا" for حمیدرضا): the two
            # words joined are the official's own given name.
            first = _word_before(text, before[1])
            if first is not None and _key(first[0]) + key in own:
                return ""
            return "given"
        return ""

    def _strong(self, text: str, h: _Hit) -> bool:
        """A mention that names this official even beside a namesake: a role, the full name,
        or a title before the surname ("President Trump")."""
        if h.how == "role" or h.alias is None:
            return True
        if id(h.alias) in self._strong_aliases:
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
        if key in self._partial_given[h.index]:
            return False  # «محمد ظریف» alone: another man
        return key in TITLES or key.rstrip(".") in TITLES or key.rstrip(".") in self._own_words[h.index]

    def _role_ok(self, text: str, h: _Hit) -> bool:
        """A role resolves to its holder unless qualified ("former", "deputy", "سابق") or it is
        the title of somebody else named right after it ("Iranian President Ebrahim Raisi")."""
        if h.detail == _LEADERSHIP_ROLE and not leader_alone_ok(text, h.start, h.end):
            return False  # «به رهبری ...», «رهبری حزب»: a leadership, not the Leader
        before = _word_before(text, h.start, hyphen=True)
        if before:
            word, _, hyphenated = before
            word = _key(word)
            if word in ROLE_BLOCKERS_BEFORE or (word == "then" and (hyphenated or _THE_THEN.search(text, max(0, h.start - 40), h.start))):
                return False  # "the then-president", "the then Iranian foreign minister"
            own_country = _key(h.detail).split(" ", 1)[0].removesuffix("'s") in ROLE_COUNTRY_WORDS
            ends_sentence = before[0][-1:] in ".!?"  # "... in Vienna. Supreme Leader ..."
            region = word in ENVOY_OWN_REGIONS and not ENVOY_WORDS.isdisjoint(_key(h.detail).split())
            if not (hyphenated or own_country or ends_sentence or region) and _name_like(before[0]):
                return False  # "North Korea's supreme leader", "the Saudi foreign minister"
        if _AT_THE_TIME.match(text, h.end) or _PAST_HOLDER.search(text, max(0, h.start - 40), h.start):
            return False
        bare = self._bare_roles.get(h.detail)
        if bare is not None and h.index in self._roles.country and other_holder_before(
            text, h.start, bare, self._roles.country[h.index]
        ):
            return False  # "North Korean leader Kim ... The supreme leader": that country's
        if text[h.start - 2 : h.start] == ", " or text[max(0, h.start - 7) : h.start] in (", then ", ", the "):
            if self._apposed_to_other(text, h):
                return False
        hyphen_word = _HYPHEN_WORD.match(text, h.end)
        if hyphen_word and _key(hyphen_word.group(1)) in ROLE_BLOCKERS_AFTER:
            return False  # "Iran's president-elect"
        role_words = _key(h.detail).split()
        if "point man" in _key(h.detail) and _FILE_AFTER.match(text, h.end):
            return False  # "Trump's point man on Venezuela": another file's (on Iran is a role of its own)
        if not ENVOY_WORDS.isdisjoint(role_words):
            qualifier = _ENVOY_QUALIFIER.match(text, h.end)
            if qualifier and _key(qualifier.group(1) or qualifier.group(2)) not in ENVOY_OWN_REGIONS:
                return False  # "the US special envoy for Ukraine": another envoy
        if not _LATIN.match(h.detail):
            if persian_deputy_before(tokens_before(text, h.start)):
                return False  # "معاون حقوقی و بین‌المللی وزیر امور خارجه ایران": a deputy's title
            nxt = _PERSIAN_NEXT.match(text, h.end)
            if nxt:
                key = _key(nxt.group(1))
                if key in PERSIAN_OTHER_COUNTRIES and key not in role_words:
                    return False  # "سخنگوی وزارت خارجه آمریکا": that country's office
                if key in PERSIAN_GIVEN_NAMES and key not in self._own_words[h.index]:
                    return False  # "وزیر خارجه آمریکا، آنتونی بلینکن": his title
                if key in _LED_BODIES and _key(h.detail).endswith(_LEADERSHIP):
                    return False  # "رهنمودهای رهبری تیم": a team's leadership, not the Leader
        if not _COUNTERPART_WORDS.isdisjoint(role_words):
            since = _other_portfolio_before(text, h.start)
            if since >= 0 and not self._foreign_minister_named(text, since, h.start):
                return False  # "the oil minister met his Omani counterpart": the Omani oil minister
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
                if key not in _PERSIAN_OFFICE_WORDS or not _PERSIAN_OBJECT_NEXT.match(text, nxt.end()):
                    return False  # "U.S. envoy Mr. Witkoff": the title of the person named next
                # «رئیس‌جمهور آمریکا وزیر نفت ایران را تحریم کرد»: the office after is the object
            if key in ("for", "to", "on", "of", "in"):
                # "US special envoy for Ukraine Keith Kellogg": someone else's title.
                tail = _CAPITALISED_RUN.match(text, nxt.end())
                words = tail.group(1).split() if tail else ()
                if sum(_name_like(w) for w in words) >= 2 and not (key == "in" and country_of(_key(words[0]))):
                    return False  # (not "in Kuwait City": a place)
        return True

    def _apposed_to_other(self, text: str, h: _Hit) -> bool:
        """The role is an appositive of another person named just before it ("Hassan Rouhani,
        Iran's president when the accord collapsed, said"): his office, then or now, not the
        tracked holder's. "then" right after the comma says the same ("Zarif, then foreign minister")."""
        name = _NAME_BEFORE_ROLE.search(text, max(0, h.start - 60), h.start)
        if name is None:
            return False
        words = name.group(1).split()
        if not all(_name_like(w) for w in words) or any(_key(w) in COUNTRY_WORDS for w in words):
            return False
        own = self._own_words[h.index]
        if any(_key(w) in own for w in words):
            return False  # "Masoud Pezeshkian, Iran's president": the holder himself
        if text[max(0, h.start - 7) : h.start] == ", then ":
            return True
        return _CLOSING_COMMA.match(text, h.end) is not None or name.group(0).lstrip(" \t").startswith(("said", "says"))

    @staticmethod
    def _first_name_use(text: str, h: _Hit) -> bool:
        """"Aref Hosseini": the surname is somebody's first name here."""
        nxt = _NEXT_WORD.match(text, h.end)
        return bool(nxt and _LATIN.match(nxt.group(1)) and _name_like(nxt.group(1)))
