"""Story clustering: articles about the same event, from any outlet, join one story.

The text signal is a 64-bit SimHash over word shingles (single words and word pairs)
of the article without its furniture, with the lead weighted up because the lead names
the event while the body repeats background that other events share. A SimHash is one
signed 64-bit integer, so it fits a BIGINT column and compares with one XOR.

Rewrites by different outlets share few word pairs, so text alone cannot join them
without also joining different events about the same people. The decision therefore
combines: near-duplicate text alone (republished copy), or fairly similar text or title
together with shared officials and topics, always within a time window.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz

from core.boilerplate import normalize_for_match, strip_boilerplate

BITS = 64
LEAD_WORDS = 30  # content words counted as the lead (title and first sentence or two)
LEAD_WEIGHT = 3.0
# Thresholds tuned on tests/core/test_stories.py: rewrites of one event scored 0.73-0.81,
# other events about the same officials on the same day 0.50-0.69.
NEAR_DUPLICATE = 0.87  # text similarity that alone means the same story
FAIR_TEXT = 0.70  # text similarity enough when officials and topics are shared
FAIR_TITLE = 0.60  # title similarity that, with shared officials and topics, does too
MIN_ENTITY_OVERLAP = (
    0.5  # Jaccard overlap of officials and topics needed besides similarity
)

_WORD = re.compile(r"\w+")
_MASK = (1 << BITS) - 1

# Function words carry no event: without them "talks in Muscat" and "talks on the IAEA"
# share nothing but "talks". Persian and French lists cover what the feeds use.
STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if of in on at to for from by with without about as into over
    after before between during under than then that this these those it its is are was
    were be been being has have had do does did will would can could should may might
    must not no nor so such also only just more most other some any each both all who whom
    which what when where while why how he she they them their his her we our you your i
    said says say told according saturday sunday monday tuesday wednesday thursday friday
    le la les un une des du de et ou en au aux dans par pour sur avec sans que qui est sont
    a été ce cette ces il elle ils elles se sa son ses leur leurs pas plus ne
    و در به از که این آن با برای را تا بر هم یا اما اگر نیز شد شده است بود های ها می
    خود وی او ایشان گفت کرد کند کرده روز""".split()  # noqa: SIM905 (reads as word lists per language)
)


@dataclass(frozen=True)
class StoryCandidate:
    """What the clustering decision needs to know about one article."""

    fingerprint: int
    published: datetime
    officials: frozenset[str]
    topics: frozenset[str]
    title: str
    outlet: str


def fingerprint(text: str) -> int:
    """Signed 64-bit SimHash of ``text`` (pass title + blank line + body).

    Stable across processes and machines: features are hashed with BLAKE2b, not
    Python's salted ``hash``.
    """
    words = _content_words(strip_boilerplate(text))
    weights: Counter[str] = Counter()
    for i, word in enumerate(words):
        weights[word] += LEAD_WEIGHT if i < LEAD_WORDS else 1.0
    totals = [0.0] * BITS
    for feature, weight in weights.items():
        h = int.from_bytes(
            hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big"
        )
        for bit in range(BITS):
            totals[bit] += weight if (h >> bit) & 1 else -weight
    value = sum(1 << bit for bit in range(BITS) if totals[bit] > 0)
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def similarity(fp_a: int, fp_b: int) -> float:
    """Share of equal bits of two fingerprints: 1.0 identical, about 0.5 unrelated."""
    return 1.0 - ((fp_a ^ fp_b) & _MASK).bit_count() / BITS


def title_similarity(a: str, b: str) -> float:
    """Word-set similarity of two headlines in [0, 1], ignoring function words."""
    wa, wb = (
        " ".join(sorted(set(_content_words(a)))),
        " ".join(sorted(set(_content_words(b)))),
    )
    if not wa or not wb:
        return 0.0
    return fuzz.token_set_ratio(wa, wb) / 100.0


def entity_overlap(a: StoryCandidate, b: StoryCandidate) -> float:
    """Jaccard overlap of officials and topics; 0 unless both share an official and a topic."""
    if not (a.officials & b.officials and a.topics & b.topics):
        return 0.0
    ea, eb = a.officials | a.topics, b.officials | b.topics
    return len(ea & eb) / len(ea | eb)


def same_story(
    a: StoryCandidate, b: StoryCandidate, window: timedelta = timedelta(hours=48)
) -> bool:
    """Whether ``a`` and ``b`` report the same event."""
    return story_score(a, b, window) is not None


def story_score(
    a: StoryCandidate, b: StoryCandidate, window: timedelta = timedelta(hours=48)
) -> float | None:
    """How strongly ``a`` and ``b`` belong together, or None when they do not."""
    if abs(a.published - b.published) > window:
        return None
    text = similarity(a.fingerprint, b.fingerprint)
    if text >= NEAR_DUPLICATE:
        return 2.0 + text
    overlap = entity_overlap(a, b)
    if overlap < MIN_ENTITY_OVERLAP:
        return None
    title = title_similarity(a.title, b.title)
    if text >= FAIR_TEXT or title >= FAIR_TITLE:
        return text + title + overlap
    return None


def pick_story(
    candidate: StoryCandidate, existing: Sequence[tuple[int, StoryCandidate]]
) -> int | None:
    """Id of the story whose member best matches ``candidate``, or None for a new story.

    ``existing`` holds (story id, member) pairs; several members may share a story id.
    Ties go to the lower id, so the choice does not depend on the order of ``existing``.
    """
    best: tuple[float, int] | None = None
    for story_id, member in existing:
        score = story_score(candidate, member)
        if score is not None and (
            best is None or (score, -story_id) > (best[0], -best[1])
        ):
            best = (score, story_id)
    return None if best is None else best[1]


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalize_for_match(text)) if w not in STOPWORDS]
