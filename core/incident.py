"""The object of an event, in a form both languages share: who or what it happened to.

Officials and gazetteer names say who acted, and the same people act in many events a day
(two calls of one minister, a designation and the reaction to it). What tells one incident
from another is its object: the tanker seized ("Selene Grace"), the prisoners freed
("Mehdi Saberi"), the company that owns the ship ("Aegean Meridian Shipping").
Those names are in no watchlist, so they are found as written: in English, runs of
capitalised words that are not titles, institutions or nationalities; in Persian, which has
no capitals, every pair of adjacent words of the lead and the next sentences.

Both are reduced to a consonant skeleton that survives transliteration: vowels, the
letters that write them in Persian (ا و ی ه) and the weak consonants h, w, v, y are dropped,
doubled letters collapse, and spellings of one sound meet ("sh" = ش, "q" = "gh" = ق = غ,
"-tion" = «شن»). "Selene Grace" and «سلنه گریس» are both ``sln grs``; "Thomas Keller" and
«توماس کلر» both ``tms klr``. A two-word name is hashed to 32 bits (CRC-32 of its
skeleton); an English article keeps its names, a Persian one the sorted hashes of its word
pairs, and an English name found among a Persian article's pairs is an object both name.
Persian articles are not compared with each other this way (any two share common phrases).
"""

from __future__ import annotations

import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

import ahocorasick

PERSIAN_CHARS = 1200  # of the text read for word pairs: the lead and the next few sentences
MIN_SKELETON = 5  # consonants in a two-word name (two at least in each word): shorter ones collide by chance

_EN_DIGRAPHS = (("sch", "S"), ("tion", "Sn"), ("sh", "S"), ("ch", "C"), ("kh", "x"), ("gh", "g"), ("zh", "Z"),
                ("ph", "f"), ("th", "t"), ("ck", "k"), ("dj", "j"))
_EN_DROP = set("aeiouyhwv'’-")
_EN_MAP = {"q": "g", "x": "ks"}
_FA_MAP = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "C", "خ": "x", "د": "d", "ذ": "z", "ر": "r", "ز": "z",
    "ژ": "Z", "س": "s", "ش": "S", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "g", "ک": "k",
    "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
}
# Capitalised words that name no particular thing: titles, institutions, nationalities,
# calendar words, sentence openers. A run of capitals is cut at them.
GENERIC = frozenset("""
the a an and of in on at to for by with from as but after before while when during this that these those it
its his her their our we they he she i mr mrs ms dr sir sheikh prince king emir sultan majesty highness bin
ibn ayatollah hojatoleslam imam revolution president vice prime minister
ministers ministry minister's foreign deputy secretary spokesman spokeswoman spokesperson envoy special senior
state states department united nations national security council supreme leader general director chief head
speaker parliament parliamentary assembly house senate congress committee commission agency office bureau
islamic republic revolutionary guard guards corps navy army force forces air military intelligence court
international atomic energy organization organisation union european news agency press tv radio times post
central bank maritime trade operations kingdom command fleet coast company corporation group
iran iranian iranians america american americans us u.s. usa israel israeli israelis qatar qatari oman omani
saudi arabia arabian emirates emirati uae gulf persian arab arabs china chinese russia russian britain british
uk france french germany german europe western east west north south middle washington tehran
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
analysis opinion update exclusive breaking live explainer watch read reuters ap afp
""".split())
# "in", "near", "off"... and the places listed after it ("in the UAE, Panama and Hong Kong")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|off|at|from|outside|toward|towards|into|via)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:the\s+)?)*$")
# Where _LOCATIVE_BEFORE can start: these words' first letters, at the start of a word (``_locative_starts``).
_LOCATIVE_WORD = re.compile(r"in|near|off|at|from|outside|toward|into|via")
_LOCATIVE_AFTER = re.compile(r"-(?:flagged|based|registered)\b")
_CAPS_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)+")
_WORD = re.compile(r"\w+")
_FA_STOP = frozenset("""و در به از که این آن با برای را تا بر هم یا اما اگر نیز شد شده است بود های ها می
خود وی او کرد کند کرده روز داد دارد کردند شود گفته اند همچنین گفت آقای خانم""".split())  # noqa: SIM905


@lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """The consonants of a word as both scripts write them (see the module docstring)."""
    out = []
    if word.isascii():
        w = word.lower()
        for a, b in _EN_DIGRAPHS:
            w = w.replace(a, b)
        if w.endswith(("ov", "ev")):  # Russian -ov, -ev: Persian writes «وف» («لاوروف» = Lavrov)
            w = w[:-1] + "f"
        for i, ch in enumerate(w):
            if ch in _EN_DROP or not (ch.isalpha()):
                continue
            if ch == "c":
                ch = "s" if i + 1 < len(w) and w[i + 1] in "eiy" else "k"
            out.append(_EN_MAP.get(ch, ch))
    else:
        out = [_FA_MAP[ch] for ch in word if ch in _FA_MAP]
    collapsed = [c for i, c in enumerate(out) if i == 0 or c != out[i - 1]]
    return "".join(collapsed)


def pair_key(first: str, second: str) -> int | None:
    """The 32-bit key of a two-word name, or None when its skeleton is too short to tell."""
    a, b = skeleton(first), skeleton(second)
    if len(a) < 2 or len(b) < 2 or len(a) + len(b) < MIN_SKELETON:
        return None
    return zlib.crc32(f"{a} {b}".encode())


def english_names(text: str, covered: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Two-word names in ``text``: adjacent capitalised words, neither generic nor inside a
    ``covered`` span (an official or a gazetteer name, found by its own rules), in text order.
    A run of capitals used as a place (after "in", "near", "off"..., or before "-flagged",
    "-based") is skipped: places recur across events (every designation names Hong Kong firms).
    """
    names: dict[str, None] = {}
    # Whether a span overlaps [s, e): some covered span starts before e and ends after s, so
    # the spans sorted by start and the running maximum of their ends answer it by bisection.
    spans = sorted(covered)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    # _LOCATIVE_BEFORE can only match where a locative word starts: those places, found once,
    # are the only ones tried (the same answer as searching every position of the 80 characters).
    starts_of_locatives = _locative_starts(text)
    for run in _CAPS_RUN.finditer(text):
        if _after_locative(text, starts_of_locatives, max(0, run.start() - 80), run.start()):
            continue  # where ("firms in Hong Kong", "off Khor Fakkan"): a place is no object
        # ... nor is a flag or a seat ("the Marshall Islands-flagged Selene Grace", "Hong Kong-based")
        place = max((run.start() + m.end() for m in _LOCATIVE_AFTER.finditer(run.group())), default=-1) \
            if "-" in run.group() else -1
        words = [(m.group(), run.start() + m.start(), run.start() + m.end()) for m in _WORD.finditer(run.group())]
        for (w1, s1, _), (w2, _, e2) in zip(words, words[1:], strict=False):
            if s1 < place or w1.lower() in GENERIC or w2.lower() in GENERIC or not w1[0].isupper() or not w2[0].isupper():
                continue
            i = bisect_left(starts, e2)
            if i and reach[i - 1] > s1:  # any(s < e2 and s1 < e for s, e in covered)
                continue
            if pair_key(w1, w2) is not None:
                names[f"{w1} {w2}"] = None
    return tuple(names)


# An office held by one side of a call or a meeting, right before a name: "his Russian counterpart
# Sergei Lavrov", "Iraqi Foreign Minister Salim Jaber", "Qatar's Emir Sheikh Tamim". Not a spokesman,
# an analyst or an envoy who comments (those are sources, named by some outlets only).
_OFFICE_BEFORE = re.compile(
    r"\b(?:counterpart|[Mm]inister|[Pp]resident|[Pp]remier|[Cc]hancellor|[Ee]mir|[Aa]mir|[Kk]ing|[Ss]ultan"
    r"|[Cc]rown [Pp]rince|[Ss]ecretary(?: of [Ss]tate|-[Gg]eneral| [Gg]eneral)?|[Hh]ead of [Ss]tate)"
    r",?[ \t]+(?=[A-Z])")


def titled_names(text: str, covered: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Two-word names no watchlist knows that ``text`` gives right after an office ("his Russian
    counterpart Sergei Lavrov"): people, not ships or firms, and the other side of whatever
    meeting the text reports. The name's first two words that are not titles ("Sheikh") are
    kept; names inside a ``covered`` span (a tracked official, a gazetteer person) are not."""
    names: dict[str, None] = {}
    for m in _OFFICE_BEFORE.finditer(text):
        run = _CAPS_RUN.match(text, m.end()) or None
        if run is None or any(a < run.end() and run.start() < b for a, b in covered):
            continue
        words = [w for w in _WORD.findall(run.group()) if w.lower() not in GENERIC]
        if len(words) >= 2 and pair_key(words[0], words[1]) is not None:
            names[f"{words[0]} {words[1]}"] = None
    return tuple(names)


def named_by(name: str, lang: str, objects: Sequence[str], pairs: array, terms) -> bool:
    """Whether an article names ``name`` (a two-word name): among its English names (any spelling
    with the same skeleton: "Sergey" = "Sergei"), by the surname alone among its words, or, in
    Persian, among its word pairs."""
    key = pair_key(*name.split(" ", 1))
    if key is None:
        return True
    if lang == "en":
        return key in name_keys(objects) or name.rsplit(" ", 1)[-1].lower() in terms
    return _in(pairs, key)


def _locative_starts(text: str) -> list[int]:
    """Where a locative word of ``_LOCATIVE_WORD`` starts a word of ``text``: the places ``\b(?=in|near|...)``
    matches. Matching the words themselves lets the engine skip to their first letters; a match inside a
    word ("begin", "that") is dropped after. (Every match is letters only, so none covers the start of a word.)"""
    return [i for m in _LOCATIVE_WORD.finditer(text) if not (i := m.start()) or not _word_char(text[i - 1])]


def _word_char(ch: str) -> bool:
    """Whether ``ch`` is a regular-expression word character (``\\w``)."""
    return ch.isalnum() or ch == "_"


def _after_locative(text: str, starts: list[int], lo: int, hi: int) -> bool:
    """``_LOCATIVE_BEFORE.search(text, lo, hi)`` tried only at ``starts`` (sorted) in [lo, hi]."""
    i = bisect_left(starts, lo)
    while i < len(starts) and starts[i] <= hi:
        if _LOCATIVE_BEFORE.match(text, starts[i], hi):
            return True
        i += 1
    return False


def persian_pairs(text: str) -> array:
    """Sorted keys of every pair of adjacent words (function words skipped) of ``text``."""
    # a name written with a zero-width non-joiner («صادق‌پور») is one word, as its English spelling is
    words = [w for w in _WORD.findall(text[:PERSIAN_CHARS].replace("\u200c", ""))
             if w not in _FA_STOP and not w.isdigit()]
    keys = {k for w1, w2 in zip(words, words[1:], strict=False) if (k := pair_key(w1, w2)) is not None}
    return array("I", sorted(keys))


def name_keys(names: Iterable[str]) -> tuple[int, ...]:
    if isinstance(names, tuple):  # a signature's objects: compared with many candidates, and indexed
        return _name_keys(names)
    return tuple(k for n in names if (k := pair_key(*n.split(" ", 1))) is not None)


@lru_cache(maxsize=8192)
def _name_keys(names: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(k for n in names if (k := pair_key(*n.split(" ", 1))) is not None)


def _in(keys: array, key: int) -> bool:
    i = bisect_left(keys, key)
    return i < len(keys) and keys[i] == key


def shared_objects(lang_a: str, names_a: Sequence[str], pairs_a: array,
                   lang_b: str, names_b: Sequence[str], pairs_b: array) -> tuple[str, ...]:
    """The names of things both articles name (English spellings), in the first one's order."""
    if lang_a == "en" and lang_b == "en":
        theirs = set(name_keys(names_b))
        return tuple(n for n, k in zip(names_a, name_keys(names_a), strict=True) if k in theirs)
    if lang_a == "en" and lang_b != "en":
        return tuple(n for n, k in zip(names_a, name_keys(names_a), strict=True) if _in(pairs_b, k))
    if lang_b == "en" and lang_a != "en":
        return tuple(n for n, k in zip(names_b, name_keys(names_b), strict=True) if _in(pairs_a, k))
    return ()


def other_names(names_a: Sequence[str], names_b: Sequence[str]) -> bool:
    """Whether two English articles each name somebody no watchlist knows and share none of them:
    in a call or a visit, the counterpart (a call with Lebanon's foreign minister and one with
    Iraq's, the same day, by the same minister, are two events)."""
    if not names_a or not names_b:
        return False
    return not set(name_keys(names_a)) & set(name_keys(names_b))


# The countries whose officials meet or call: an English name or adjective, a Persian name or adjective.
_COUNTRIES = {
    "Iran": ("Iran|Iranian", "ایران|ایرانی"), "United States": ("US|U\\.S\\.|American|United States", "آمریکا|آمریکایی"),
    "Oman": ("Oman|Omani", "عمان|عمانی"), "Russia": ("Russia|Russian", "روسیه|روس|روسی"),
    "Qatar": ("Qatar|Qatari", "قطر|قطری"), "China": ("China|Chinese", "چین|چینی"), "Iraq": ("Iraq|Iraqi", "عراق|عراقی"),
    "Turkey": ("Turkey|Türkiye|Turkish", "ترکیه|ترک"), "Saudi Arabia": ("Saudi Arabia|Saudi", "عربستان|سعودی"),
    "Egypt": ("Egypt|Egyptian", "مصر|مصری"), "UAE": ("UAE|Emirati", "امارات|اماراتی"),
    "Kuwait": ("Kuwait|Kuwaiti", "کویت|کویتی"), "Bahrain": ("Bahrain|Bahraini", "بحرین|بحرینی"),
    "Lebanon": ("Lebanon|Lebanese", "لبنان|لبنانی"), "Syria": ("Syria|Syrian", "سوریه|سوری"),
    "Jordan": ("Jordan|Jordanian", "اردن|اردنی"), "Armenia": ("Armenia|Armenian", "ارمنستان|ارمنی"),
    "Azerbaijan": ("Azerbaijan|Azerbaijani", "آذربایجان|آذربایجانی"), "Pakistan": ("Pakistan|Pakistani", "پاکستان|پاکستانی"),
    "Afghanistan": ("Afghanistan|Afghan", "افغانستان|افغان"), "India": ("India|Indian", "هند|هندی"),
    "Japan": ("Japan|Japanese", "ژاپن|ژاپنی"), "France": ("France|French", "فرانسه|فرانسوی"),
    "Germany": ("Germany|German", "آلمان|آلمانی"), "United Kingdom": ("Britain|British|UK|U\\.K\\.", "انگلیس|بریتانیا|انگلیسی"),
    "Italy": ("Italy|Italian", "ایتالیا|ایتالیایی"), "Switzerland": ("Switzerland|Swiss", "سوئیس|سوئیسی"),
    "Norway": ("Norway|Norwegian", "نروژ|نروژی"), "Tajikistan": ("Tajikistan|Tajik", "تاجیکستان|تاجیک"),
    "Kazakhstan": ("Kazakhstan|Kazakh", "قزاقستان|قزاق"), "Turkmenistan": ("Turkmenistan|Turkmen", "ترکمنستان|ترکمن"),
    "Malaysia": ("Malaysia|Malaysian", "مالزی|مالزیایی"), "Indonesia": ("Indonesia|Indonesian", "اندونزی|اندونزیایی"),
    "Spain": ("Spain|Spanish", "اسپانیا|اسپانیایی"), "Belarus": ("Belarus|Belarusian", "بلاروس|بلاروسی"),
    "Uzbekistan": ("Uzbekistan|Uzbek", "ازبکستان|ازبک"), "Kyrgyzstan": ("Kyrgyzstan|Kyrgyz", "قرقیزستان|قرقیز"),
    "Bangladesh": ("Bangladesh|Bangladeshi", "بنگلادش|بنگلادشی"), "Nigeria": ("Nigeria|Nigerian", "نیجریه|نیجریه‌ای"),
}
_EN_OFFICE = (r"(?:[Ff]oreign\s+[Mm]inister|FM|[Cc]ounterpart|[Pp]resident|[Pp]rime\s+[Mm]inister|[Pp]remier|[Ee]mir"
              r"|[Kk]ing|[Ss]ultan|[Cc]rown\s+[Pp]rince|[Tt]op\s+[Dd]iplomat|[Dd]efen[cs]e\s+[Mm]inister)")
_FA_OFFICE = r"(?:وزیر\s+(?:امور\s+)?خارجه|وزیر\s+دفاع|رئیس[\s\u200c]?جمهور|نخست[\s\u200c]?وزیر|امیر|پادشاه|سلطان|ولیعهد)"
_COUNTRY_OF = {w.replace("\\", ""): name for name, (en, fa) in _COUNTRIES.items() for w in f"{en}|{fa}".split("|")}
# Around a country word: an office after it ("Omani Foreign Minister", "Russia's counterpart") or before it
# ("the emir of Qatar", «وزیر خارجه عمان», «همتای روس», «وزیران امور خارجه ایران و فدراسیون روسیه»).
_SIDE_AFTER = re.compile(rf"(?:['’]s)?\s+(?:[A-Z]\w+\s+)?{_EN_OFFICE}\b")
_SIDE_BEFORE = re.compile(rf"(?:\b{_EN_OFFICE}\s+of\s+(?:the\s+)?|{_FA_OFFICE}\s+|همتای\s+"
                            r"|وزیران\s+(?:امور\s+)?خارجه\s+[^.،]{0,40}?\s+و\s+(?:فدراسیون\s+|جمهوری\s+)?)$")
# Persian names and adjectives of countries other than Iran («آمریکا», «عمانی»): whose an institution named after
# one is (core.signature: «وزارت خارجه عمان» is Oman's ministry, not Iran's).
FOREIGN_COUNTRY_WORDS_FA = frozenset(w for name, (_, fa) in _COUNTRIES.items() if name != "Iran" for w in fa.split("|"))
_COUNTRY_WORDS = ahocorasick.Automaton()
for _word in _COUNTRY_OF:
    _COUNTRY_WORDS.add_word(_word, _word)
_COUNTRY_WORDS.make_automaton()


def sides(text: str, skip: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
    """The countries whose officials ``text`` names by office ("Omani Foreign Minister", "his Russian
    counterpart", «وزیر خارجه عمان», «وزیران امور خارجه ایران و فدراسیون روسیه»), outside the ``skip``
    spans: the sides of the call or the meeting it reports, in either language. Country words are
    found in one pass (Aho-Corasick), then the office beside each is read."""
    found = set()
    n = len(text)
    for last, word in _COUNTRY_WORDS.iter(text):
        start, end = last - len(word) + 1, last + 1
        if (start and _word_char(text[start - 1])) or (end < n and _word_char(text[end])) or \
                any(a <= start < b for a, b in skip):
            continue
        if (word.isascii() and _SIDE_AFTER.match(text, end)) or _SIDE_BEFORE.search(text, max(0, start - 80), start):
            found.add(_COUNTRY_OF[word])
    return frozenset(found)


_COUNTRY_WORDS_OF = {name: tuple(w.replace("\\", "").lower() for w in f"{en}|{fa}".split("|"))
                     for name, (en, fa) in _COUNTRIES.items()}


def country_known(name: str) -> bool:
    """Whether ``country_named_by`` has words for the country ``name``."""
    return name in _COUNTRY_WORDS_OF


def country_named_by(name: str, terms) -> bool:
    """Whether an article's words (``Signature.terms``) name the country ``name`` of ``sides`` or its adjective, in
    either language ("Qatari", «قطر»); a country with no words here counts as named."""
    words = _COUNTRY_WORDS_OF.get(name)
    return words is None or any(w in terms for w in words)


