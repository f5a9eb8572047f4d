"""Through storage: the president's speech and his press conference of one day (our own wording,
tests/core/test_story_apart.py) never share a story, in any arrival order, though an account that
names no occasion links to both; in one batch, in waves of publication time or one by one, it joins
the speech it fits best. (An existing story is never split: arriving before the speech's accounts,
right after the press conference's, it may stay with those; the two occasions still stay apart.)"""

from __future__ import annotations

import itertools
from datetime import timedelta

from jobs.detector import DetectorCache
from storage import feeds
from storage.defaults import default_watchlist, load_defaults_once
from tests.core.test_story_apart import PRESIDENT_DAY
from tests.core.test_story_classes import T0
from tests.jobs.story_ingest import ingest_cycle, reset_stories, stories_by_guid

OUTLETS = {1: "Farm Wire", 2: "Capital Ledger", 3: "Harbour Wire", 4: "Gulf Evening", 5: "Desert Courier"}


_DETECTOR = DetectorCache()  # one matcher for the module: building it cost more than a permutation's ingest


def _ingest(db, batches: list[list[int]]) -> list[list[int]]:
    reset_stories(db)
    detector = _DETECTOR
    matcher = detector.matcher_for(default_watchlist())
    with db.session() as s:
        load_defaults_once(s, T0 - timedelta(days=1), feeds=False)
        feed_of = {k: feeds.add_feed(s, f"https://apart{k}.example/rss", T0, title=o)[0].id for k, o in OUTLETS.items()}
    for batch in batches:
        now = max(T0 + timedelta(hours=PRESIDENT_DAY[k][0]) for k in batch) + timedelta(minutes=5)
        items = [(feed_of[k], str(k), *PRESIDENT_DAY[k][1:], T0 + timedelta(hours=PRESIDENT_DAY[k][0])) for k in batch]
        ingest_cycle(db, matcher, detector.gazetteer, items, now)
    return sorted(sorted(int(g) for g in story) for story in stories_by_guid(db))


def test_the_speech_and_the_press_conference_never_share_a_story(db):
    expected = [[1, 2, 5], [3, 4]]
    chronological = sorted(PRESIDENT_DAY, key=lambda k: PRESIDENT_DAY[k][0])
    assert _ingest(db, [list(PRESIDENT_DAY)]) == expected
    assert _ingest(db, [[k] for k in chronological]) == expected
    assert _ingest(db, [[1, 2, 5], [3, 4]]) == expected  # six-hour waves
    assert _ingest(db, [[1, 2, 3, 4], [5]]) == expected  # the bridge after both stories exist
    for order in itertools.permutations(PRESIDENT_DAY):
        stories = _ingest(db, [[k] for k in order])
        assert not any({1, 2} & set(g) and {3, 4} & set(g) for g in stories), (order, stories)
