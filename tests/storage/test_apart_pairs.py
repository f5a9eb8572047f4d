"""The articles known to be apart among a plan's candidates (storage.story_grouping._apart_pairs)
are every pair ``core.stories.apart`` finds, read in the plan's order, whatever the window kept
from earlier plans, and after an id comes back as another article (SQLite reuses the highest id)."""

from __future__ import annotations

import random
from dataclasses import replace

from core.stories import apart
from storage.story_grouping import _apart_pairs
from storage.story_index import StoryWindow
from tests.core.test_story_apart import BRIDGE, LEADER, MEDIATOR_CALL, PRESS, SPEECH, TALKS

OCCASIONS = [*SPEECH, *PRESS, BRIDGE, *TALKS, LEADER, MEDIATOR_CALL]


def _every_pair(known):
    return {(min(x.key, y.key), max(x.key, y.key)) for j, x in enumerate(known) for y in known[j + 1:] if apart(x, y)}


def _plan(window, rng, pool):
    """A plan's candidates: stored articles by key, then new ones (negative keys)."""
    held = sorted(rng.sample(list(window.sigs.values()), rng.randint(0, len(window.sigs))), key=lambda s: s.key)
    new = [replace(s, key=-(i + 1)) for i, s in enumerate(rng.sample(pool, rng.randint(0, 2)))]
    return held + new


def test_apart_pairs_are_every_pair_apart_across_plans():
    window = StoryWindow()
    for i, s in enumerate(OCCASIONS):
        window.add(replace(s, key=i + 1))
    assert _every_pair(list(window.sigs.values()))  # the fixtures hold pairs apart
    rng = random.Random(8)
    for _ in range(300):
        known = _plan(window, rng, OCCASIONS)
        assert _apart_pairs(window, known) == _every_pair(known)


def test_an_id_held_again_as_another_article_is_compared_afresh():
    window = StoryWindow()
    for i, s in enumerate(OCCASIONS):
        window.add(replace(s, key=i + 1))
    every = sorted(window.sigs.values(), key=lambda s: s.key)
    assert _apart_pairs(window, every) == _every_pair(every)
    # the last article (the highest id) is gone, and its id comes back as the speech's first account
    top = len(OCCASIONS)
    window.forget([top])
    window.add(replace(SPEECH[0], key=top))
    every = sorted(window.sigs.values(), key=lambda s: s.key)
    assert _apart_pairs(window, every) == _every_pair(every)
