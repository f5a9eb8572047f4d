"""The one-pass sentence boundaries agree with the per-offset rule on random texts built
from the characters that rule cares about (terminators, closers, openers, spaces,
abbreviations, non-ASCII capitals, line and text ends)."""

from __future__ import annotations

import random

from core.detect_sentences import _boundaries, _ends_sentence

PIECES = (
    "Mr|Mr.|U.S.|a|A|word|Word| |  |\t|\u00a0|\n|\n\n|.|!|?|؟|…|\"|'|”|’|)|]|»|“|‘|(|[|«|É|é|²|3|ب|"
    "approx|Sept|etc|x.y|e.g|Jr|ß|Ω|ω"
).split("|")


def test_boundaries_match_the_rule_offset_by_offset():
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        want = [(i, _ends_sentence(text, i)) for i, ch in enumerate(text) if ch in ".!?؟…\n"]
        at, after = _boundaries(text)
        assert [(c, after.get(c, c + 1)) for c in at] == [(i, j) for i, j in want if j >= 0], repr(text)
