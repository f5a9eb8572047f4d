"""Blind evaluation of detection with the default watchlist (cases in detect_blind_cases.py).

The set was written apart from the main table, so its figures estimate how detection does
on coverage it was not tuned on. The gate is precision and recall per kind over the whole
set; cases the matcher still gets wrong stay in the set, listed in KNOWN_WRONG with the
reason, and every failing case is named in the assertion message.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.detect import Matcher
from core.watchlist import watchlist_from_dict
from tests.core.detect_blind_cases import CASES, ENGLISH, KNOWN_WRONG, OFFICIALS, PERSIAN, TOPICS

MATCHER = Matcher(
    watchlist_from_dict(
        tomllib.loads((Path(__file__).parents[2] / "storage/defaults/watchlist.toml").read_text("utf-8"))
    )
)
KINDS = {"official": (1, OFFICIALS), "topic": (2, TOPICS)}


def _codes(codes: str, table: dict[str, str]) -> set[str]:
    return {table[c] for c in codes.split()}


def _found(text: str, kind: str) -> set[str]:
    found = MATCHER.scan(text)
    return set(found.officials if kind == "official" else found.topics)


def score(kind: str, cases=CASES) -> tuple[float, float, list[str]]:
    """Micro precision and recall for one kind, and a line per case that is wrong."""
    column, table = KINDS[kind]
    tp = fp = fn = 0
    wrong = []
    for case in cases:
        want = _codes(case[column], table)
        got = _found(case[0], kind)
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        if got != want:
            wrong.append(f"{case[0][:70]!r}: missed {sorted(want - got)}, extra {sorted(got - want)}")
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1), wrong


def test_blind_set_is_large_bilingual_and_has_negatives():
    persian = [c for c in CASES if any("\u0600" <= ch <= "\u06ff" for ch in c[0])]
    negatives = [c for c in CASES if not c[1] or not c[2]]
    assert len(CASES) >= 150 and len(persian) == len(PERSIAN) >= 50 and len(ENGLISH) >= 100
    assert len(negatives) >= 50
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("kind", ["official", "topic"])
def test_blind_precision_and_recall(kind):
    precision, recall, wrong = score(kind)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, wrong)


def test_known_wrong_cases_are_really_wrong():
    """A case marked wrong that now passes should lose its mark."""
    by_text = {c[0]: c for c in CASES}
    assert set(KNOWN_WRONG) <= set(by_text)
    for text in KNOWN_WRONG:
        _, officials, topics = by_text[text]
        right = _found(text, "official") == _codes(officials, OFFICIALS) and _found(text, "topic") == _codes(
            topics, TOPICS
        )
        assert not right, f"now detected correctly, drop it from KNOWN_WRONG: {text!r}"


if __name__ == "__main__":  # print the figures: python -m tests.core.test_detect_blind
    for kind in KINDS:
        for label, cases in (("all", CASES), ("English", ENGLISH), ("Persian", PERSIAN)):
            p, r, wrong = score(kind, cases)
            print(f"{kind:8} {label:8} precision {p:.3f} recall {r:.3f} wrong cases {len(wrong)}")
        for line in score(kind)[2]:
            print("   ", line)
