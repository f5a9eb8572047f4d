"""Spikes: above mean + 3 sigma of the same window over 14 days, with a minimum count."""

import pytest

from core.spikes import is_spike, spike_text, spike_threshold

QUIET = [0] * 14
STEADY = [2] * 14
BUSY = [8, 12, 9, 15, 10, 7, 11, 14, 9, 10, 13, 8, 12, 10]
ONE_BIG_DAY = [1, 0, 2, 1, 0, 1, 14, 1, 0, 2, 1, 1, 0, 1]


@pytest.mark.parametrize(
    ("history", "current", "expected"),
    [
        (QUIET, 2, False),  # below the minimum count
        (QUIET, 3, True),
        ([], 3, True),  # a new name with no baseline yet
        ([], 2, False),
        (STEADY, 3, False),  # zero spread: the sqrt(mean) floor keeps 3 ordinary
        (STEADY, 6, False),  # 2 + 3 * sqrt(2) = 6.24
        (STEADY, 7, True),
        (BUSY, 16, False),
        (BUSY, 25, True),
        (ONE_BIG_DAY, 8, False),  # one earlier burst widens the baseline
        (ONE_BIG_DAY, 16, True),
    ],
)
def test_is_spike(history, current, expected):
    assert is_spike(history, current) is expected


def test_min_count_and_sigmas_are_parameters():
    assert not is_spike(QUIET, 4, min_count=5)
    assert is_spike(STEADY, 5, sigmas=2.0)


def test_threshold_is_strictly_exceeded():
    history = [4] * 14
    threshold = spike_threshold(history)
    assert threshold == pytest.approx(10.0)
    assert not is_spike(history, 10)
    assert is_spike(history, 11)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("Abbas Araghchi", 9, 6, 1.0),
            "Abbas Araghchi: 9 stories in the last 6 hours (usually about 1)",
        ),
        (
            ("Oman talks", 1, 1, 0.25),
            "Oman talks: 1 story in the last hour (usually about 0.2)",
        ),
        (
            ("Sanctions", 40, 24, 12.6),
            "Sanctions: 40 stories in the last 24 hours (usually about 13)",
        ),
        (("IAEA", 5, 3, 0.0), "IAEA: 5 stories in the last 3 hours (usually about 0)"),
    ],
)
def test_spike_text(args, expected):
    assert spike_text(*args) == expected
