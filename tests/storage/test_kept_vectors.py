"""Word vectors kept from one plan to the next (core.textsim.VectorsKept) give the floats a
plan's own weights give, through the window's additions, evictions, forgotten articles and
new articles of the plan published inside a stored article's span."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from core.signature import Signature
from core.textsim import SPAN, Weights
from storage.story_index import StoryWindow

_WORDS = [f"w{i}" for i in range(30)]
_START = datetime(2032, 7, 1, tzinfo=UTC)


def _article(rng: random.Random, key: int, hours: float) -> Signature:
    terms = {w: rng.randint(1, 4) for w in rng.sample(_WORDS, rng.randint(3, 12))}
    return Signature(key=key, published=_START + timedelta(hours=hours), lang="en", terms=terms)


def _fresh(window: StoryWindow, new: list[Signature]) -> Weights:
    """The plan's weights with nothing kept from earlier plans."""
    weights = window.weights(new)
    weights._kept = None
    return weights


def test_kept_vectors_equal_fresh_ones_through_every_change_of_the_window():
    rng = random.Random(5)
    window = StoryWindow()
    key, clock, reused = 0, 0.0, 0
    for _ in range(400):
        clock += rng.uniform(0, 3)
        step = rng.random()
        if step < 0.45:  # an article stored (sometimes one published days back, arriving late)
            key += 1
            window.add(_article(rng, key, clock - rng.choice((0, 0, rng.uniform(0, 60)))))
        elif step < 0.55 and window.sigs:  # one found gone from the database
            window.forget([rng.choice(list(window.sigs))])
        elif step < 0.6:  # the oldest age out
            window._evict(_START + timedelta(hours=clock))
        new = [_article(rng, -(i + 1), clock - rng.choice((0, rng.uniform(0, 50)))) for i in range(rng.randint(1, 3))]
        with window.lock:
            kept_before = len(window.vectors)
            weights = window.weights(new)
            fresh = _fresh(window, new)
            held = rng.sample(list(window.sigs.values()), min(8, len(window.sigs)))
            for other in held + new:
                at = other.published.timestamp()
                assert weights._vector_at(other.terms, at) == fresh._vector_at(other.terms, at)
            reused += kept_before > 0
    assert len(window.vectors) > 0 and reused > 300  # vectors were kept, and read


def test_a_vector_is_rebuilt_when_an_article_joins_or_leaves_its_span():
    window = StoryWindow()
    rng = random.Random(2)
    old = _article(rng, 1, 0)
    window.add(old)
    old = window.sigs[1]  # the window's packed copy, as candidates are
    at = old.published.timestamp()
    first = window.weights([])._vector_at(old.terms, at)
    assert window.weights([])._vector_at(old.terms, at) == first  # kept
    assert len(window.vectors) == 1
    joined = Signature(key=2, published=old.published - timedelta(hours=1), lang="en", terms={"other": 1})
    window.add(joined)  # in the span before it, with none of its words: each of them weighs more
    after = window.weights([])._vector_at(old.terms, at)
    assert after != first and after == _fresh(window, [])._vector_at(old.terms, at)
    window.forget([2])
    assert len(window.vectors) == 1
    window.weights([])  # the drop reaches the kept vectors with the next plan
    assert len(window.vectors) == 0
    assert window.weights([])._vector_at(old.terms, at) == first
    later = Signature(key=3, published=old.published + timedelta(seconds=SPAN + 1), lang="en", terms={})
    window.add(later)
    window.forget([3])  # dropped after its span: the kept vector stands
    window.weights([])
    assert len(window.vectors) == 1
