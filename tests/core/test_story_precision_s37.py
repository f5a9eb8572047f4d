"""Issue 8, session 37, fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

The minister's op-ed, published hours before a round of talks he then held, is not the round: a lead saying first an
op-ed against one saying first a round it numbers, never mentioning the op-ed (``core.stories._op_ed_against_occasion``).
Later tests: each fails without its rule."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig

OP_ED = [
    sig(1, 0, "Araghchi op-ed: Washington must pick between pressure and an agreement",
        "Foreign Minister Abbas Araghchi says the United States must pick between \"pressure that has failed\" and a "
        "\"balanced and lasting\" agreement, in an article published by a British newspaper on Tuesday, hours before "
        "the start of a new round of indirect talks in Muscat. Araghchi wrote that fresh sanctions on oil tankers, "
        "announced on the eve of the negotiations, sent mixed signals, and that parliament's demand for guarantees "
        "reflected the public mood. \"Iran is ready. Is Washington?\" he asked."),
]
ROUND = [
    sig(2, 4, "Araghchi: fourth round 'serious and constructive', gaps remain",
        "Foreign Minister Abbas Araghchi says the fourth round of indirect talks between Iran and the United States, "
        "held in the Omani capital on Tuesday, was \"serious and constructive\", though gaps remain on key issues. "
        "Speaking to reporters after the talks, Araghchi said the delegation had stressed that enrichment on Iranian "
        "soil was not negotiable and that experts would go on with the technical details. He thanked Oman for its "
        "efforts and said the date of the next round would be set by the mediator."),
]


def test_an_op_ed_published_hours_before_a_numbered_round_is_not_the_round():
    assert "op-ed" in OP_ED[0].primary and ROUND[0].round == 4 and "op-ed" not in ROUND[0].actions
    assert OP_ED[0].first == ROUND[0].first == "Abbas Araghchi"
    assert link(OP_ED[0], ROUND[0], _weight(OP_ED + ROUND)) is None
    kept_apart(OP_ED, ROUND)
