"""Text normalisation for matching, with a map from normalised offsets back to the original.

Text and aliases go through the same function, so "Khamenei’s", "KHAMENEI", "Haji‑Babaei"
(soft or non-breaking hyphen), "خامنه‌ای" (ZWNJ) and "خامنه اي" (Arabic yeh) all meet
the same key. Most characters map to exactly one character, so the common case needs no
offset table at all: a per-character table is built once for the BMP and applied with
``str.translate`` (C speed); only the rare characters that vanish or expand (soft
hyphens, zero-width marks, tatweel, combining marks, "ß") make us record offset breaks.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# One-character rewrites applied after NFKD + casefold + dropping combining marks.
_LETTER_VARIANTS = {
    "\u064a": "\u06cc",  # Arabic yeh ي -> Persian yeh ی
    "\u0649": "\u06cc",  # alef maksura ى -> ی
    "\u0643": "\u06a9",  # Arabic kaf ك -> Persian keheh ک
    "\u0629": "\u0647",  # teh marbuta ة -> heh ه
    "\u06c0": "\u0647",  # heh with yeh above ۀ -> ه
    "\u0671": "\u0627",  # alef wasla ٱ -> ا
}
_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb`\u00b4"  # ‘ ’ ‚ ‛ ′ ʼ ʻ ` ´
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
# Hyphens and dashes separate name parts exactly as a space does (Haji-Babaei, Al-Busaidi).
_SPACES = (
    "\t\n\r\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\u200c-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
)
# Characters that disappear: soft hyphen, zero-width space/joiner, word joiner, BOM, tatweel.
_DROP = "\u00ad\u200b\u200d\u2060\ufeff\u0640\u200e\u200f\u061c"


def _map_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    if ch in _SPACES:
        return " "
    if ch in _QUOTES:
        return "'"
    if ch in _DOUBLE_QUOTES:
        return '"'
    out = []
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch).casefold()):
        if unicodedata.combining(c) or c in _DROP:
            continue
        out.append(_LETTER_VARIANTS.get(c, c))
    # NFKD can expose a space or dash (e.g. from compatibility forms); keep them uniform.
    return "".join(" " if c in _SPACES else c for c in out)


# Frequent 1:1 rewrites done with str.replace (C speed) before anything else.
_FREQUENT_PAIRS = (
    ("-", " "),
    ("\n", " "),
    ("\t", " "),
    ("\r", " "),
    ("\v", " "),
    ("\f", " "),
    ("`", "'"),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", " "),
    ("\u2014", " "),
    ("\u00a0", " "),
    ("\u200c", " "),
    ("\u064a", "\u06cc"),
    ("\u0643", "\u06a9"),
    ("\u0629", "\u0647"),
    ("\u0649", "\u06cc"),
    ("\u0622", "\u0627"),
    ("\u0623", "\u0627"),
    ("\u0625", "\u0627"),
    ("\u0626", "\u06cc"),
    ("\u0624", "\u0648"),
)
_FREQUENT = dict(_FREQUENT_PAIRS)
# ASCII text needs only lowercasing (done by str.lower) and these; translate is C-fast on ASCII.
_ASCII_TABLE = str.maketrans({a: b for a, b in _FREQUENT_PAIRS if a.isascii()})


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str]]:
    """Translate table for every character that changes; a regex for the characters that
    do not map to exactly one character (the only ones that move offsets); and a regex for
    the remaining 1:1 changes that ``_FREQUENT`` does not cover."""
    table: dict[int, str] = {}
    irregular: list[str] = []
    other: list[str] = []
    frequent = set(_FREQUENT)
    for lo, hi in _TABLE_RANGES:  # BMP + math alphanumerics
        for cp in range(lo, hi):
            ch = chr(cp)
            mapped = _map_char(ch)
            if mapped != ch:
                table[cp] = mapped
                if len(mapped) != 1:
                    irregular.append(ch)
                elif ch not in frequent and not ("A" <= ch <= "Z"):
                    other.append(ch)

    def charset(chars: list[str]) -> re.Pattern[str]:
        # BMP only, in ranges: sre then uses its fast bitmap (astral characters go the slow path).
        cps = sorted(ord(c) for c in chars if ord(c) < 0x10000)
        parts: list[str] = []
        i = 0
        while i < len(cps):
            j = i
            while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
                j += 1
            lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
            parts.append(lo if i == j else f"{lo}-{hi}")
            i = j + 1
        return re.compile("[" + "".join(parts) + "]")

    return table, charset(irregular), charset(other)


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus the breaks needed to map its offsets back to the original.

    ``_norm_breaks[i]``/``_orig_breaks[i]``: from normalised offset ``_norm_breaks[i]`` on,
    offsets advance together from original offset ``_orig_breaks[i]``. Empty when the
    mapping is the identity (the usual case).
    """

    text: str
    original: str
    _norm_breaks: tuple[int, ...] = ()
    _orig_breaks: tuple[int, ...] = ()

    def to_original(self, i: int) -> int:
        """Original offset of the character at normalised offset ``i`` (``len`` maps to ``len``)."""
        if not self._norm_breaks:
            return i
        if i >= len(self.text):
            return len(self.original)
        k = bisect_right(self._norm_breaks, i) - 1
        if k < 0:
            return i
        return self._orig_breaks[k] + (i - self._norm_breaks[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering normalised [start, end)."""
        if not self._norm_breaks:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(text: str) -> Normalized:
    """NFKC, casefold, no combining marks, uniform quotes/spaces/Persian letters.

    An article's text is normalised by detection and again by story grouping (the gazetteer
    reads the same title and text): the last few long texts' results are kept."""
    return _normalize_long(text) if len(text) >= _LONG else _normalize(text)


_LONG = 500  # characters from which a text is worth keeping (an article, not a key or a line)


def _normalize(text: str) -> Normalized:
    table, irregular, other = _tables()
    low = text.lower()
    if len(low) != len(text):  # a few letters lowercase to two characters ("İ")
        return _with_offsets(text, text, table, irregular)
    if low.isascii():
        return Normalized(low.translate(_ASCII_TABLE), text)
    for a, b in _FREQUENT_PAIRS:
        if a in low:
            low = low.replace(a, b)
    if _special(irregular, other).search(_non_ascii(low)) is None:
        return Normalized(low, text)  # one regex pass instead of three for the usual text
    if _ASTRAL.search(low) is None and irregular.search(low) is None:
        if other.search(low) is not None:
            low = other.sub(lambda m: table[ord(m.group())], low)
        return Normalized(low, text)
    return _with_offsets(low, text, table, irregular)


# Every byte below 0x80: deleted from UTF-8, they leave exactly the non-ASCII characters.
_ASCII_BYTES = bytes(range(0x80))


def _non_ascii(low: str) -> str:
    """The non-ASCII characters of ``low``, in order. ``_special`` matches no ASCII character,
    so searching these alone gives the same answer; a character class tested at every position
    of a mostly English text costs about five times the encode, byte delete and decode."""
    return low.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


_normalize_long = lru_cache(maxsize=32)(_normalize)  # a feed's new items, detected before they are grouped


def _with_offsets(low: str, text: str, table: dict[int, str], irregular: re.Pattern[str]) -> Normalized:
    """The slow path: some characters vanish or expand, so record where offsets shift."""
    norm_breaks: list[int] = []
    orig_breaks: list[int] = []
    pieces: list[str] = []
    n = 0  # normalised length so far
    pos = 0
    for m in irregular.finditer(low):
        i = m.start()
        chunk = low[pos:i].translate(table)
        pieces.append(chunk)
        n += len(chunk)
        mapped = table[ord(low[i])]
        # Each output char of an expansion maps to the source char; after it, resync.
        for k in range(len(mapped)):
            norm_breaks.append(n + k)
            orig_breaks.append(i)
        pieces.append(mapped)
        n += len(mapped)
        norm_breaks.append(n)
        orig_breaks.append(i + 1)
        pos = i + 1
    pieces.append(low[pos:].translate(table))
    # Collapse consecutive breaks at the same normalised offset: the last one wins.
    nb: list[int] = []
    ob: list[int] = []
    for a, b in zip(norm_breaks, orig_breaks, strict=True):
        if nb and nb[-1] == a:
            ob[-1] = b
        else:
            nb.append(a)
            ob.append(b)
    return Normalized("".join(pieces), text, tuple(nb), tuple(ob))


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _special(irregular: re.Pattern[str], other: re.Pattern[str]) -> re.Pattern[str]:
    """Every character that ``normalize`` still has to rewrite after the frequent pairs."""
    return re.compile(irregular.pattern[:-1] + other.pattern[1:-1] + "\U00010000-\U0010ffff]")


_RUNS_OF_SPACE = re.compile(r" {2,}")


def normalize_key(text: str) -> str:
    """The matching key of an alias, role or term: normalised, single-spaced, trimmed.

    Short keys (words and phrases) map character by character with a per-character cache,
    so the word lists loaded at import never build the whole-BMP table of ``_tables``
    (~0.3 s); the result is the same as ``normalize(text).text``."""
    if len(text) > _SHORT:
        return _RUNS_OF_SPACE.sub(" ", normalize(text).text).strip()
    low = text.lower()
    if len(low) != len(text):
        low = text  # as normalize: the table maps the original letter ("İ" -> "i")
    elif low.isascii():
        return _RUNS_OF_SPACE.sub(" ", low.translate(_ASCII_TABLE)).strip()
    else:
        for a, b in _FREQUENT_PAIRS:
            if a in low:
                low = low.replace(a, b)
    return _RUNS_OF_SPACE.sub(" ", "".join(map(_mapped, low))).strip()


_SHORT = 80
_TABLE_RANGES = ((0, 0xD800), (0xE000, 0x10000), (0x1D400, 0x1D800))


@lru_cache(maxsize=4096)
def _mapped(ch: str) -> str:
    """``_tables``' entry for one character: its mapping inside the table's ranges, else itself."""
    cp = ord(ch)
    return _map_char(ch) if any(lo <= cp < hi for lo, hi in _TABLE_RANGES) else ch
