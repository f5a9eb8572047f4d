"""Who a prisoner is, as far as a release's accounts tell it without his name: a dual national, and of which
countries besides Iran.

The judiciary's account of a release names nobody ("a dual national serving a sentence was pardoned on
humanitarian grounds", «یک محکوم دوتابعیتی آزاد شد») while the wires name the freed man; what the two
accounts share is the kind of prisoner. Read from an article's words (``Signature.terms``: headline and
leads, as stored), so stored signatures need nothing new.
"""

from __future__ import annotations

from collections.abc import Mapping

# Words that say the prisoner holds another citizenship besides Iran's (Iranian-American, dual national).
DUAL = frozenset({"dual", "american", "دوتابعیتی", "آمریکایی"})
# Nationalities of other countries whose citizens Iran has held: a release of one is not an American's.
OTHER = {
    "british": "United Kingdom", "briton": "United Kingdom", "french": "France", "german": "Germany",
    "swedish": "Sweden", "austrian": "Austria", "australian": "Australia", "belgian": "Belgium",
    "danish": "Denmark", "dutch": "Netherlands", "canadian": "Canada", "italian": "Italy",
    "انگلیسی": "United Kingdom", "بریتانیایی": "United Kingdom", "فرانسوی": "France", "آلمانی": "Germany",
    "سوئدی": "Sweden", "اتریشی": "Austria", "استرالیایی": "Australia", "بلژیکی": "Belgium",
    "دانمارکی": "Denmark", "هلندی": "Netherlands", "کانادایی": "Canada", "ایتالیایی": "Italy",
}


def dual_national(terms: Mapping[str, int]) -> bool:
    """Whether the words tell of a dual national (an Iranian-American, «دوتابعیتی»)."""
    return any(w in terms for w in DUAL)


def other_nationalities(terms: Mapping[str, int]) -> frozenset[str]:
    """The countries (other than Iran and the United States) whose nationals the words name."""
    return frozenset(country for w, country in OTHER.items() if w in terms)
