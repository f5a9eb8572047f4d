"""Back-off doubles per consecutive failure and never exceeds its cap."""

from datetime import UTC, datetime, timedelta

import pytest

from core.backoff import next_attempt

NOW = datetime(2025, 4, 12, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("errors", "expected"),
    [(0, 600), (1, 600), (2, 1200), (3, 2400), (5, 9600), (6, 19200), (7, 6 * 3600), (50, 6 * 3600), (10**6, 6 * 3600)],
)
def test_doubles_then_caps(errors, expected):
    assert next_attempt(NOW, errors, 600) == NOW + timedelta(seconds=expected)


def test_custom_cap_and_base_above_cap():
    assert next_attempt(NOW, 3, 60, cap_seconds=100) == NOW + timedelta(seconds=100)
    assert next_attempt(NOW, 1, 500, cap_seconds=100) == NOW + timedelta(seconds=100)


def test_negative_durations_are_refused():
    with pytest.raises(ValueError):
        next_attempt(NOW, 1, -1)
