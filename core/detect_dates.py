"""When a role is told: a passage dated in a past year ("In July 2015, Iran's foreign
minister ...", «در پاییز ۱۳۸۲، وزیر بهداشت ...») names whoever held the office that year,
from the watchlist's roles with years (core.detect_roles.RoleIndex.tenures and .since).

A year dates the role when it is a time adverbial of the role's own clause: "in [month] YEAR",
"[Month] YEAR", «در [ماه] سال»; before the role in its sentence, or after it with no verb of
saying, "that", "who" or «که» between ("Iran's president told the assembly in September 1987"),
not "Iran's foreign minister said the deal signed in 2015 ..."). A sentence that says it is
told now (today, on Monday, «روز دوشنبه», «اکنون») or a role with a present verb after it
("Iran's foreign minister has ...") is not dated. A sentence without a year takes the dating
of the nearest sentence before it in the same paragraph that has one when that sentence opens
with it ("In 2003, ..."), unless it is told now.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# Persian and Arabic-Indic digits to Latin (core.detect_heads reads years with it too).
LATIN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YEAR = re.compile(r"(?<![\d\w])(19[4-9]\d|20[0-4]\d|13[2-9]\d|140\d)(?![\d])")

_MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_SEASONS_EN = "spring|summer|autumn|fall|winter"
# English: "in 2015", "in July 2015", "in early 2019", "in the summer of 2003", "during 2019",
# "by late 2018", "July 14, 2015", "(in) mid-2019".
_BEFORE_EN = re.compile(
    rf"(?:\b(?:in|during|by|until)[ \t]+(?:(?:early|late|mid)[ \t-]+)?(?:(?:the[ \t]+)?(?:{_SEASONS_EN})[ \t]+(?:of[ \t]+)?)?"
    rf"(?:(?:{_MONTHS_EN})\.?[ \t]+(?:\d{{1,2}},?[ \t]+)?)?"
    rf"|\b(?:{_MONTHS_EN})\.?[ \t]+(?:\d{{1,2}},?[ \t]+)?|\bmid-)$",
    re.IGNORECASE,
)
_MONTHS_FA = (
    "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|"
    "ژانویه|فوریه|مارس|آوریل|مه|مه‌|ژوئن|ژوئیه|جولای|اوت|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر|"
    "بهار|تابستان|پاییز|پائیز|زمستان|سال|ماه|اوایل|اواخر|اواسط|نیمه"
)
# Persian: «در سال ۱۴۰۱», «در تیر ۱۳۸۷», «در پاییز ۱۳۸۲», «سال ۲۰۱۵», «دی ۱۳۸۲».
_BEFORE_FA = re.compile(
    rf"(?:(?:در|طی|تا)[ \t\u200c]+)?(?:(?:\d{{1,2}}[ \t\u200c]+)?(?:{_MONTHS_FA})[ \t\u200c]+){{1,2}}$|(?:در|طی)[ \t\u200c]+$"
)
# Told now: the sentence's own time is the present.
_NOW = re.compile(
    r"\b(?:now|currently|today|tonight|yesterday|this[ \t]+(?:week|month|year)|last[ \t]+(?:week|month)|"
    r"on[ \t]+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![ \t,]+(?:\w+[ \t]+)?\d))\b"
    r"|(?:اکنون|هم[ \t\u200c]*اکنون|امروز|دیروز|این[ \t\u200c]+هفته|هفته[ \t\u200c]+جاری|کنونی|فعلی|"
    r"روز[ \t\u200c]+(?:شنبه|یکشنبه|یک[ \t\u200c]*شنبه|دوشنبه|سه[ \t\u200c]*شنبه|چهارشنبه|پنجشنبه|پنج[ \t\u200c]*شنبه|جمعه))",
    re.IGNORECASE,
)
# What somebody else is now, in a relative clause ("who now chairs", «که اکنون ...»): not the sentence's time.
_RELATIVE_BEFORE = re.compile(r"(?:\bwho|\bwhich|که)[ \t\u200c]+(?:\S+[ \t\u200c]+)?$", re.IGNORECASE)
# Between a role and a year after it: the year belongs to what is said, or to another clause.
_CLAUSE_BETWEEN = re.compile(
    r"\b(?:said|says|say|added|announced|recalled|wrote|noted|argued|warned|insisted|that|who|which|whose|"
    r"after|before|since|when|while|because|signed|reached|agreed|struck|sealed|imposed|adopted|deal|accord|agreement)\b|[;:«\"“]|که|گفت|افزود|اعلام|تاکید|تأکید|پس[ \t\u200c]+از|پیش[ \t\u200c]+از|از[ \t\u200c]+زمان",
    re.IGNORECASE,
)
# Before a year before the role: "since 2018" is a period up to now.
_SINCE_BEFORE = re.compile(r"(?:\bsince|\bfrom|از)[ \t\u200c]+(?:\S+[ \t\u200c]+){0,2}$", re.IGNORECASE)
# A present verb right after the role: "Iran's foreign minister has ...", "... is ...".
_PRESENT_AFTER = re.compile(
    r"(?:[ \t]*,[^,]{0,80},)?[ \t]+(?:\w+[ \t]+)?(?:has|have|is|are|says|tells|will|wants|insists|argues)\b", re.IGNORECASE
)
# Not a sentence's end: the period of an abbreviated month ("Sept. 2022"), a title ("Mr."), or an
# initial ("U.S.", "Mike R. Pompeo").
_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr St Gen Sen Rep".split()
_SENTENCE_END = re.compile(
    r"[.](?<!\b[A-Z].)"  # the dot first: the lookbehinds run only at a dot
    + "".join(rf"(?<!\b{a}.)" for a in _ABBREVIATIONS)
    + r"(?=[ \t\u00a0]|$)|[!?؟](?=[ \t\u00a0]|$)|\n"
)

# Iran's governments by number («دولت سیزدهم»: Raisi's, 2021–2024) date a role as a year would: each
# is read as a year inside it (not at its edges, which a tenure shares with the one before or after).
GOVERNMENTS = {"دهم": 2011, "یازدهم": 2015, "دوازدهم": 2019, "سیزدهم": 2022, "چهاردهم": 2025}
_GOVERNMENT = re.compile(r"دولت[ \t\u200c]+(" + "|".join(GOVERNMENTS) + r")(?!\w)")



# A president's government or years date a role the same way: «در دولت روحانی» (2013–2021: 2017), "in
# the Ahmadinejad years" (2005–2013: 2009), "during the Obama administration". A year inside the tenure.
_PRESIDENT_YEARS = (
    ("khatami", "خاتمی", 2001), ("ahmadinejad", "احمدی[ \u200c]?نژاد", 2009), ("rouhani", "روحانی", 2017),
    ("raisi", "رئیسی|رییسی", 2022), ("pezeshkian", "پزشکیان", 2025), ("obama", None, 2013), ("biden", None, 2022),
)
_ERA_FA = re.compile(
    r"دولت[ \t\u200c]+(?:(?:حسن|محمود|محمد|ابراهیم|سید[ \t\u200c]+ابراهیم|مسعود)[ \t\u200c]+)?("
    + "|".join(fa for _, fa, _ in _PRESIDENT_YEARS if fa)
    + r")(?!\w)"
)
_ERA_EN = re.compile(
    r"\b(?:in|during)[ \t]+the[ \t]+(" + "|".join(en for en, _, _ in _PRESIDENT_YEARS)
    + r")[ \t]+(?:years|era|administration|presidency|government)\b",
    re.IGNORECASE,
)
# A government written right after the role: «وزیر آموزش و پرورش دولت دهم», «... در دولت سیزدهم»,
# «... در دولت روحانی».
_GOVERNMENT_AFTER = re.compile(
    r"[ \t\u200c]*[،,]?[ \t\u200c]*(?:در[ \t\u200c]+)?(?:" + _GOVERNMENT.pattern + "|" + _ERA_FA.pattern + ")"
)
_ERA_YEAR = {en: year for en, _, year in _PRESIDENT_YEARS} | {
    normalize: year for _, fa, year in _PRESIDENT_YEARS if fa for normalize in fa.replace("[ \u200c]?", "").split("|")
}


_DATED_OTHERWISE = re.compile(_GOVERNMENT.pattern + "|" + _ERA_FA.pattern + "|" + _ERA_EN.pattern[2:], re.IGNORECASE)


def government_keys() -> list[str]:
    """The governments by number and by president, as keys of the matcher's automaton (with the years)."""
    numbers = [f"دولت {n}" for n in GOVERNMENTS]
    names = ["دولت احمدی نژاد" if key == "احمدینژاد" else f"دولت {key}" for key in _ERA_YEAR if not key.isascii()]
    given = {"خاتمی": "محمد", "احمدی نژاد": "محمود", "روحانی": "حسن", "رئیسی": "ابراهیم", "رییسی": "ابراهیم", "پزشکیان": "مسعود"}
    fa = names + [f"دولت {given[n[5:]]} {n[5:]}" for n in names]
    en = [f"{name} {w}" for name, _, _ in _PRESIDENT_YEARS for w in ("years", "era", "administration", "presidency", "government")]
    return numbers + fa + en


def as_years(window: str) -> str:
    """``window`` with Latin digits, and each Iranian government by number or president written as
    its year with «در سال» (or "in") before it, of the same length («دولت سیزدهم» -> «در سال 2022»,
    "in the Rouhani years" -> "in        2017"): offsets keep."""
    if OTHER_DIGITS.search(window):
        window = window.translate(LATIN_DIGITS)
    if "دولت" in window:
        window = _GOVERNMENT.sub(_government_year, window)
        window = _ERA_FA.sub(_era_year_fa, window)
    if "the " in window:
        window = _ERA_EN.sub(_era_year_en, window)
    return window


def _padded(head: str, year: int, size: int) -> str:
    return head + " " * (size - len(head) - 4) + str(year)


def _government_year(m: re.Match) -> str:
    size = len(m.group(0))
    return _padded("در سال" if size >= len("در سال 2000") else "در", GOVERNMENTS[m.group(1)], size)


def _era_year_fa(m: re.Match) -> str:
    size = len(m.group(0))
    year = _ERA_YEAR[re.sub(r"[ \u200c]", "", m.group(1)).replace("رییسی", "رئیسی")]
    return _padded("در سال" if size >= len("در سال 2000") else "در", year, size)


def _era_year_en(m: re.Match) -> str:
    return _padded("in", _ERA_YEAR[m.group(1).lower()], len(m.group(0)))


def solar(y: int) -> tuple[int, ...]:
    """A Solar Hijri year as the two Gregorian years it spans (۱۳۹۴: 2015 or 2016); others as they are."""
    return (y + 621, y + 622) if y < 1900 else (y,)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    return lo, (m.start() if m else len(text))


def _told_now(text: str, lo: int, hi: int) -> bool:
    for m in _NOW.finditer(text, lo, hi):
        if not _RELATIVE_BEFORE.search(text, max(lo, m.start() - 30), m.start()):
            return True
    return False


def _adverbial_years(digits: str, lo: int, hi: int, start: int = -1, end: int = -1) -> list[int]:
    """Years told as the time of the clause in ``digits[lo:hi]`` (a role at start:end: only
    years before it, or after it with nothing of another clause between)."""
    out = []
    for m in _YEAR.finditer(digits, lo, hi):
        before = digits[max(lo, m.start() - 40) : m.start()]
        if not (_BEFORE_EN.search(before) or _BEFORE_FA.search(before)):
            continue
        if _SINCE_BEFORE.search(before):
            continue
        if digits[m.end() : m.end() + 1] == "-":
            continue  # "the 2015-era sanctions"
        if start >= 0 and m.start() >= end and _CLAUSE_BETWEEN.search(digits, end, m.start()):
            continue
        out.extend(solar(int(m.group(1))))
    return out


FOUR_DIGITS = re.compile(r"[0-9۰-۹٠-٩]{4}")
OTHER_DIGITS = re.compile(r"[۰-۹٠-٩]")


def year_keys() -> list[str]:
    """The years the dating rules read, in Latin, Persian and Arabic digits, and the governments by
    number (keys of the matcher's automaton: its one pass finds them, core.detect)."""
    years = [str(y) for y in list(range(1940, 2050)) + list(range(1320, 1410))]
    digits = years + [y.translate(_TO_PERSIAN) for y in years] + [y.translate(_TO_ARABIC) for y in years]
    return digits + government_keys()


_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def may_be_dated(years_at: list[int], start: int, end: int) -> bool:
    """A year written near ``start:end`` (``years_at``: where the text's years start, in order)."""
    i = bisect_left(years_at, start - 800)
    return i < len(years_at) and years_at[i] <= end + 400


def _window(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The role's paragraph up to its sentence's end (bounded), with Latin digits, and its offset
    in ``text``; None when it names no year-like number (most passages: the quick way out)."""
    lo = max(0, start - 800)
    lo = max(lo, text.rfind("\n", lo, start) + 1)
    hi = min(len(text), end + 400)
    if not FOUR_DIGITS.search(text, lo, hi) and not _DATED_OTHERWISE.search(text, lo, hi):
        return None
    return as_years(text[lo:hi]), lo


def dated_years(text: str, start: int, end: int) -> list[int]:
    """The years a role at ``start:end`` is told in (empty: told now, or undated)."""
    gov = _GOVERNMENT_AFTER.match(text, end) if "دولت" in text[end : end + 12] else None
    if gov is not None:  # «معاون اول رئیس‌جمهور در دولت سیزدهم»: its government's, now or not
        if gov.group(1):
            return [GOVERNMENTS[gov.group(1)]]
        return [_ERA_YEAR[re.sub(r"[ \u200c]", "", gov.group(2)).replace("رییسی", "رئیسی")]]
    win = _window(text, start, end)
    if win is None:
        return []
    digits, offset = win
    start, end = start - offset, end - offset
    lo, hi = _sentence(digits, start, end)
    if _YEAR.search(digits, lo, hi):
        if _PRESENT_AFTER.match(digits, end) or _told_now(digits, lo, hi):
            return []
        return _adverbial_years(digits, lo, hi, start, end)
    pos = lo
    while pos > 0:  # the sentences before, in the same paragraph, nearest first
        plo, phi = _sentence(digits, pos - 1, pos - 1)
        if _YEAR.search(digits, plo, phi):
            found = _opening_years(digits, plo, phi)
            if found and (_PRESENT_AFTER.match(digits, end) or _told_now(digits, lo, hi)):
                return []
            return found
        if plo >= pos:
            break
        pos = plo
    return []


def any_years(text: str, start: int, end: int) -> list[int]:
    """Every year of the sentence of ``start:end``, or the year the nearest sentence before it
    in the paragraph that names one opens with (for a role qualified as past: "the then
    foreign minister")."""
    win = _window(text, start, end)
    if win is None:
        return []
    digits, offset = win
    lo, hi = _sentence(digits, start - offset, end - offset)
    found = [y for m in _YEAR.finditer(digits, lo, hi) for y in solar(int(m.group(1)))]
    if found:
        return found
    while lo > 0:
        plo, phi = _sentence(digits, lo - 1, lo - 1)
        if _YEAR.search(digits, plo, phi):
            return _opening_years(digits, plo, phi) or _adverbial_years(digits, plo, phi)
        if plo >= lo:
            break
        lo = plo
    return []


def _opening_years(digits: str, lo: int, hi: int) -> list[int]:
    """The year a sentence opens with as its time ("In July 2015, ...", «در پاییز ۱۳۸۲، ...»):
    a frame the sentences after it keep; a year later in a sentence is only its own."""
    while lo < hi and digits[lo] in " \t\u00a0\u200c\"'“«":
        lo += 1
    m = _YEAR.search(digits, lo, min(hi, lo + 40))
    if m is None or len(digits[lo : m.start()].split()) > 4:
        return []
    return _adverbial_years(digits, m.start() - min(40, m.start() - lo), m.end())


def holder_then(tenures: list[tuple[int, int, int]], years: list[int]) -> int | None:
    """The one past holder in ``tenures`` who held the office in all of ``years``, or None.
    A tenure's years are those its holder held the office for the most part (a year shared
    with a successor is written with whoever held it longer: core/detect_roles.py)."""
    held = {oi for first, last, oi in tenures if all(first <= y <= last for y in years)}
    return held.pop() if len(held) == 1 else None
