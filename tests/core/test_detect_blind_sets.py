"""Gate on the later issue-9 blind sets kept in benchmarks/blind_sets/ (parts 2 and 3).

Both were written by helpers who had not read the matcher and were then used to develop the
rules (part 2 held out in one session, part 3 a development set of the next). The issue asks
that every earlier set stays at 0.95 or better per kind; part 1 has its own gate
(test_detect_blind_part1.py). The held-out part 4 is recorded with its score in
benchmarks/blind_sets/README.md, not gated: it does not reach 0.95 yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.detect_score import load_cases, score

SETS = Path(__file__).parents[2] / "benchmarks" / "blind_sets"
FILES = ["detect_heldout_part2.json", "detect_part3.json"]


@pytest.fixture(scope="module", params=FILES)
def scored(request):
    return score(load_cases(SETS / request.param))


@pytest.mark.parametrize("kind", ["officials", "topics"])
def test_blind_set_precision_and_recall(scored, kind):
    figures, wrong = scored
    precision, recall, f1, *_ = figures[kind]
    missed = [(w["case"]["id"], w["bad"][kind]) for w in wrong if kind in w["bad"]]
    assert precision >= 0.95 and recall >= 0.95 and f1 >= 0.95, (precision, recall, missed)
