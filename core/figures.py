"""Quantities a text names with their unit, in a form that does not depend on language.

"1.7 million barrels per day" and «یک میلیون و ۷۱۰ هزار بشکه در روز», "120 days" and «۱۲۰ روز», "nine
companies and six tankers" and «۹ شرکت و ۶ فروند نفتکش» are the same figures in two languages: a figure is
its unit and its value, kept as a string ``"unit:DIGITSeEXP"`` (the value's significant digits and its
power of ten: "bpd:17e5", "bpd:171e4", "days:12e1"), so that a figure rounded by one account ("1.7
million") still meets the precise one of another («یک میلیون و ۷۱۰ هزار»): ``same_figure``.

Works on folded text (core.gazetteer.fold: lower case, Persian digits as ASCII, ZWNJ and hyphens as spaces).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_FA_WORDS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
    "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18,
    "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70,
    "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "هزار": 1000, "میلیون": 10**6, "میلیارد": 10**9, "بیلیون": 10**9, "تریلیون": 10**12}
_WORDS = {**_EN_WORDS, **_FA_WORDS}

# Units, English and Persian, as the canonical unit and the factor to it (a toman is ten rials).
_UNITS: tuple[tuple[str, str, int], ...] = (
    ("bpd", r"barrels?\s+(?:of\s+(?:crude\s+)?oil\s+)?(?:per|a|each)\s+day|bpd|b/d"
            r"|بشکه(?:\s+نفت(?:\s+خام)?)?\s+(?:در\s+روز|روزانه)", 1),
    ("barrels", r"barrels?|بشکه", 1),
    ("days", r"days?|روز(?!\s+(?:گذشته|پیش|قبل))", 1),
    ("months", r"months?|ماه(?!\s+(?:گذشته|پیش|قبل|آینده))", 1),
    ("years", r"years?|سال(?!\s+(?:گذشته|پیش|قبل|آینده))", 1),
    ("percent", r"percent|per\s+cent|%|درصد|٪", 1),
    ("votes", r"votes?|رای|(?:lawmakers|legislators|mps|deputies)\s+(?:voted|voting)|نماینده\s+(?:به|با)\s", 1),
    ("dollars", r"dollars|us\s+dollars|usd|دلار", 1),
    ("rials", r"rials?|ریال", 1),
    ("rials", r"tomans?|تومان", 10),
    ("euros", r"euros?|یورو", 1),
    ("tankers", r"(?:oil\s+)?tankers?|vessels|ships|نفتکش|کشتی", 1),
    ("companies", r"companies|firms|entities|شرکت", 1),
    ("people", r"individuals|persons|people|فرد|نفر", 1),
    ("prisoners", r"prisoners|detainees|inmates|زندانی", 1),
    ("kilograms", r"kilograms?|kilos?|kg|کیلوگرم|کیلو", 1),
    ("tonnes", r"tonnes?|tons?|metric\s+tons|تن", 1),
    ("lawmakers", r"lawmakers|legislators|mps|deputies|نماینده", 1),
    ("centrifuges", r"(?:advanced\s+)?centrifuges|سانتریفیوژ", 1),
)
_UNIT_GROUPS = "|".join(f"(?P<u{i}>{pattern})" for i, (_, pattern, _) in enumerate(_UNITS))
_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in (*_WORDS, *_SCALES)), key=len, reverse=True))
_DIGITS = r"\d+(?:[.,٫٬]\d+)*(?:/\d+(?=\s*(?:میلیون|میلیارد|هزار)))?"
_TOKEN = rf"(?:{_DIGITS}|(?:{_NUMBER_WORD})(?!\w))"
# A number: tokens joined by spaces, "and" or «و» ("1.7 million", «یک میلیون و ۷۱۰ هزار», "one hundred and twenty").
_NUMBER = rf"(?<![\w.,/]){_TOKEN}(?:\s+(?:(?:and|و)\s+)?{_TOKEN})*"
# Every figure starts with "$", a digit or the first letter of a number word: the scan tries the whole
# pattern only where one of these is (a lookahead), in about two thirds of the time over a lead.
_FIRST = "[$\\d" + "".join(sorted({re.escape(w[0]) for w in (*_WORDS, *_SCALES)})) + "]"
# ... then at most one word ("six oil tankers", "nine Hong Kong companies" is two: no), a Persian counter
# («۶ فروند نفتکش», «۱۲ نفر زندانی») or "more"/"another", then the unit.
_FIGURE = re.compile(
    rf"(?={_FIRST})(?:(?P<dollar>\$\s?)?(?P<number>{_NUMBER})(?:\s*(?P<scale>m|bn|k)(?!\w))?\s*"
    rf"(?:(?:فروند|دستگاه|عدد|more|additional|other|new|دیگر)\s+)?(?:(?!and\b|or\b|و\s|یا\s)[^\W\d]+\s+)??"
    rf"(?:{_UNIT_GROUPS})(?!\w)"
    # "$2.5 billion", "$400m": dollars by their sign
    rf"|\$\s?(?P<bare>{_NUMBER})(?:\s*(?P<bscale>m|bn|k)(?!\w))?)")
_SHORT_SCALES = {"m": 10**6, "bn": 10**9, "k": 1000}
# A vote's count told as a score ("voted 312-98", "passed 198-21", "by 196 votes to 12"; folded, the hyphen is a space):
# the votes for and against, as «۲۱۴ رأی موافق، ۱۲ رأی مخالف» tells them.
_VOTE_COUNT = re.compile(r"\b(?:vot(?:e|es|ed|ing)|passed|approved|adopted|backed)\s+(?:(?:by|a|vote|of|margin)\s+){0,3}"
                         r"(?P<yes>\d{1,3})\s+(?:to\s+)?(?P<no>\d{1,3})(?!\w|[.,]\d|\s*(?:%|percent))"
                         r"|(?<![\w.,])(?P<yes2>\d{1,3})\s+votes?\s+to\s+(?P<no2>\d{1,3})(?!\w|[.,]\d|\s*(?:%|percent))")


def _token_value(token: str) -> Decimal | None:
    if token in _WORDS:
        return Decimal(_WORDS[token])
    if token in _SCALES:
        return None
    token = token.replace("٫", ".").replace("٬", ",")
    if "/" in token:  # «۱/۷ میلیون»: a Persian decimal point
        token = token.replace("/", ".")
    if "," in token:
        whole, *groups = token.split(",")
        if all(len(g) == 3 for g in groups) and "." not in whole:
            token = whole + "".join(groups)
        elif len(groups) == 1 and "." not in token:
            token = f"{whole}.{groups[0]}"  # a decimal comma
        else:
            return None
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


def _value(number: str) -> Decimal | None:
    """The value of a number phrase ("1.7 million", «یک میلیون و ۷۱۰ هزار», "two hundred thousand")."""
    total, current, seen = Decimal(0), Decimal(0), False
    for token in re.findall(_TOKEN, number):
        scale = _SCALES.get(token)
        if scale is not None:
            current = (current if seen and current else Decimal(1)) * scale
            if scale > 100:
                total, current = total + current, Decimal(0)
            seen = True
            continue
        value = _token_value(token)
        if value is None:
            return None
        if seen and current and value >= current:
            return None  # "2 3": two numbers, not one
        current += value
        seen = True
    total += current
    return total if seen and total > 0 else None


def _key(unit: str, value: Decimal) -> str:
    """``unit:DIGITSeEXP``, the digits without trailing zeros (1,710,000 -> 171e4; 0.5 -> 5e-1)."""
    sign, digits, exp = value.normalize().as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    exp = int(exp) + len(digits) - len(text)
    return f"{unit}:{text}e{exp}"


def figures(folded: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """The figures ``folded[start:end]`` names with a unit (``_UNITS``)."""
    end = len(folded) if end is None else end
    found = set()
    for m in _FIGURE.finditer(folded, start, end):
        if m["bare"]:
            value = _value(m["bare"])
            if value is not None:
                found.add(_key("dollars", value * _SHORT_SCALES.get(m["bscale"] or "", 1)))
            continue
        value = _value(m["number"])
        if value is None:
            continue
        if m["scale"]:
            value *= _SHORT_SCALES[m["scale"]]
        unit_index = next(int(k[1:]) for k, v in m.groupdict().items() if k.startswith("u") and v is not None)
        unit, _, factor = _UNITS[unit_index]
        if m["dollar"] and unit != "dollars":
            found.add(_key("dollars", value))
        found.add(_key(unit, value * factor))
    if "vot" in folded or "passed" in folded or "approved" in folded or "adopted" in folded or "backed" in folded:
        for m in _VOTE_COUNT.finditer(folded, start, end):
            for count in (m["yes"] or m["yes2"], m["no"] or m["no2"]):
                if int(count):
                    found.add(_key("votes", Decimal(count)))
    return frozenset(found)


def _parts(figure: str) -> tuple[str, str, int]:
    unit, _, value = figure.partition(":")
    digits, _, exp = value.partition("e")
    return unit, digits, int(exp)


def same_figure(a: str, b: str) -> bool:
    """Whether two figures are one quantity: the same unit and value, or one value the other rounded to its
    significant digits when it has at least two (1.7 million = 1,710,000; 200,000 is not 210,000)."""
    if a == b:
        return True
    ua, da, ea = _parts(a)
    ub, db, eb = _parts(b)
    if ua != ub or len(da) == len(db):
        return False
    if len(da) > len(db):
        da, ea, db, eb = db, eb, da, ea
    if len(da) < 2:
        return False
    # round the precise one (db) to as many digits as the rounded one (da)
    cut = len(db) - len(da)
    rounded = int(db[:len(da)]) + (int(db[len(da)]) >= 5)
    return ea == eb + cut and rounded == int(da)


def strength(figure: str) -> int:
    """How much a figure says of its event: its significant digits (6 tankers 1, 12 tankers 2, 214 votes 3)."""
    unit, digits, exp = _parts(figure)
    if len(digits) == 1 and exp == 1 and digits != "1" and digits != "5" and unit != "percent":
        return 2  # 20 to 90 (days, tankers, votes): uncommon enough; 10, 50, 100 and 60 percent are not
    return len(digits)


def shared_figures(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    """The pairs of figures, one of each set, that are one quantity."""
    if not a or not b:
        return []
    return [(x, y) for x in a for y in b if same_figure(x, y)]


def figure_keys(found: frozenset[str]) -> list[str]:
    """Index keys of the figures with two significant digits or more, each rounded to two (1,710,000 and "1.7
    million" both give ``bpd:17e5``): two figures that are one quantity (``same_figure``) share their key, but
    for a value rounded twice (1.649 and 1.65 million)."""
    keys = set()
    for figure in found:
        unit, digits, exp = _parts(figure)
        if strength(figure) < 2:
            continue
        if len(digits) < 2:
            keys.add(figure)
            continue
        rounded, exp = int(digits[:2]) + (len(digits) > 2 and int(digits[2]) >= 5), exp + len(digits) - 2
        if rounded == 100:  # 99.6 -> 100
            rounded, exp = 10, exp + 1
        keys.add(f"{unit}:{rounded}e{exp}")
    return sorted(keys)
