"""Sense rules' word lists: what marks a topic term's other sense near it (a price or a firm,
a match report, a message of congratulation, talks between companies, an accord named as the
framework of something), and the cue stems the matcher's automaton finds so that a text
without any skips those tests."""

from __future__ import annotations

import re

from core.normalize import normalize_key

# Topic terms that are as often business as diplomacy, and what marks the business sense
# in their sentence or the one before.
COMMERCIAL_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in "deal deals معامله".split())
# Substrings, so each must be distinctive inside other words ("fee" is in "coffee": left out).
_COMMERCIAL_CUES = tuple(
    """$ € £ billion million consortium compan investment investor partnership stablecoin crypto
    real estate striker midfielder goalkeeper shares merger acquisition sponsorship startup
    میلیون میلیارد رمزارز شرکت باشگاه سرمایه""".replace("real estate", "real_estate").split()
)
_COMMERCIAL_CUES = tuple(c.replace("_", " ") for c in _COMMERCIAL_CUES)


# The same for ``is_commercial``.
COMMERCIAL_CUE_STEMS: frozenset[str] = frozenset(normalize_key(c).strip() for c in _COMMERCIAL_CUES)


def is_commercial(passage: str) -> bool:
    """True when ``passage`` talks money or business (a price, a firm, a club, a stake).
    (Substring tests: each is a fast C search, where a regex alternation tries every
    alternative at every position.)"""
    low = passage.lower()
    return any(c in low for c in _COMMERCIAL_CUES)

# Topic terms with a sense that is no diplomacy, each with what marks that sense nearby.
# A message of congratulation or condolence is protocol, not a message between the sides.
CEREMONIAL_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in "message messages پیام".split())
_CEREMONIAL_CUES = tuple(
    normalize_key(w)
    for w in """congratulat condolence greetings national day independence day eid nowruz new year
    anniversary birthday felicitat تبریک تسلیت روز ملی عید نوروز سالروز تولد""".replace("national day", "national_day")
    .replace("independence day", "independence_day").replace("new year", "new_year").replace("روز ملی", "روز_ملی")
    .split()
)
# Cues start a word ("عید" hides in "البوسعیدی"); English ones are stems.
_CEREMONIAL = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c.replace("_", " ")) for c in _CEREMONIAL_CUES) + ")")


def is_ceremonial(passage: str) -> bool:
    """True when ``passage`` (a sentence) congratulates or condoles."""
    return _CEREMONIAL.search(normalize_key(passage)) is not None


# Talks between companies: "merger talks", "months of talks between the two companies",
# "هیئت مدیره ... مذاکره". Counted as business only when the article names no tracked
# official (a rule in the matcher), since state firms also sit in Iran–US talks.
BUSINESS_TALK_TERMS: frozenset[str] = frozenset(
    normalize_key(w) for w in "talks negotiat negotiations مذاکره مذاکر گفتگو".split()
)
_CORPORATE_CUES = tuple(
    normalize_key(w.replace("_", " "))
    for w in """merger acquisition takeover shareholder the_board board_of_directors two_companies the_companies
    the_firms chief_executive ceo startup business_leaders businessmen business_delegation trade_delegation
    chamber_of_commerce striker transfer_fee contract_extension هیئت_مدیره هیات_مدیره سهامدار ادغام
    قرارداد_خرید مدیرعامل شرکت بازرگانان تجار فعالان_اقتصادی اتاق_بازرگانی مهاجم تمدید_قرارداد""".split()
)


_CORPORATE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in _CORPORATE_CUES) + ")")


def is_corporate(passage: str) -> bool:
    """True when ``passage`` is about a firm's own dealings (a board, a merger, shareholders)."""
    return _CORPORATE.search(normalize_key(passage)) is not None


# "deal", "agreement" named by its year as the framework something happens under ("sanctions
# lifted under the 2015 nuclear deal") is the accord signed long ago, not talks now.
ACCORD_TERMS: frozenset[str] = frozenset(
    normalize_key(w) for w in "deal deals agreement agreements accord accords".split()
)
_YEAR_BEFORE = re.compile(r"\bunder[ \t]+the[ \t]+(?:19|20)\d\d(?:[ \t]+[\w-]+){0,2}[ \t]+$", re.IGNORECASE)


def is_dated_accord(text: str, start: int, end: int) -> bool:
    """True when the accord term at [start, end) is the dated framework of something ("under
    the 2015 deal")."""
    return _YEAR_BEFORE.search(text, max(0, start - 40), start) is not None

# A sports page: a bare surname there is a player's ("Albusaidi double seals quarter-final
# berth"), unless the official is also named in full or by a role.
_SPORT_WORDS = frozenset(
    normalize_key(w)
    for w in """striker strikers midfielder goalkeeper quarterfinal semifinal fifa footballer
    مهاجم هافبک فوتبال فوتبالیست""".split()
)
_SPORT_PHRASES = tuple(
    normalize_key(w)
    for w in ("quarter-final", "semi-final", "hat-trick", "world cup", "asian cup", "gulf cup", "premier league",
              "man of the match", "ستاره میدان", "تیم ملی", "بازی مقدماتی", "جام ملت", "لیگ برتر", "دروازه‌بان")
)
# Substrings that every sports cue above contains; most passages have none of them.
_SPORT_STEMS = ("striker", "midfield", "goalkeeper", "quarter", "semi", "fifa", "footballer", " cup", "league",
                "trick", "of the match", "مهاجم", "هافبک", "فوتبال", "ستاره میدان", "تیم ملی", "بازی مقدماتی",
                "جام ملت", "لیگ برتر", "دروازه")
_SCORE_STEMS = ("beat", "crush", "won", "defeat", "drew", "draw", "goal", "گل")
_SCORE = re.compile(r"(?<![\d/.:-])\d{1,2} ?[-–] ?\d{1,2}(?![\d/.:-])")
_SCORE_WORDS = frozenset(normalize_key(w) for w in "beat beats crush crushed won defeated drew draw goal goals گل".split())
_TOKENS = re.compile(r"\w[\w-]*")


# Word starts ``is_sport`` needs one of: the matcher finds them in its one automaton pass, so a
# text without any skips every passage test.
SPORT_CUE_STEMS: frozenset[str] = frozenset(normalize_key(s).strip() for s in _SPORT_STEMS + _SCORE_STEMS)


def is_sport(passage: str) -> bool:
    """True when ``passage`` reads like a match report: a player's position, a cup, or a score
    beside a word of winning or scoring."""
    low = passage.lower()
    if not any(stem in low for stem in _SPORT_STEMS) and not (
        any(w in low for w in _SCORE_STEMS) and _SCORE.search(passage) is not None
    ):
        return False  # the usual case, decided by a few substring searches
    low = normalize_key(passage)
    words = set(_TOKENS.findall(low))
    if not _SPORT_WORDS.isdisjoint(words) or any(p in low for p in _SPORT_PHRASES):
        return True
    return _SCORE.search(passage) is not None and not _SCORE_WORDS.isdisjoint(words)
