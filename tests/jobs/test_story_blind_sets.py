"""Grouping gate on the issue-8 blind sets kept in benchmarks/blind_sets/ (parts 1–3).

Written by helpers who had not read the grouping code, then used to develop the rules; each must
keep B-cubed F1 ≥ 0.95 with pairwise precision ≥ 0.98 through the real pipeline (six-hour
waves). The held-out part 4 is recorded in benchmarks/blind_sets/README.md, not gated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.jobs.test_story_quality import check, harness

SETS = Path(__file__).parents[2] / "benchmarks" / "blind_sets"


@pytest.mark.parametrize("name", ["stories_part1.json", "stories_heldout_part2.json", "stories_part3.json"])
def test_blind_story_set_meets_the_aim(name):
    check(harness().load(str(SETS / name), None))
