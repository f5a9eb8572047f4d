"""Preference parsing: the same checks back the commands and the /settings buttons."""

from datetime import time

import pytest

from core.prefs import (
    PrefError,
    check_timezone,
    in_quiet_hours,
    parse_hhmm,
    parse_quiet,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7:30", "07:30"),
        ("07:30", "07:30"),
        ("0:00", "00:00"),
        ("23:59", "23:59"),
        (" 8.05 ", "08:05"),
        ("18h00", "18:00"),
    ],
)
def test_parse_hhmm_normalises(text, expected):
    assert parse_hhmm(text) == expected


@pytest.mark.parametrize(
    "text", ["", "7", "24:00", "12:60", "noon", "7:5", "07:30:00", "-1:00"]
)
def test_parse_hhmm_rejects_with_example(text):
    with pytest.raises(PrefError, match="HH:MM|out of range"):
        parse_hhmm(text)


def test_prefs_error_is_value_error():
    assert issubclass(PrefError, ValueError)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("22:00-07:00", ("22:00", "07:00")),
        ("22:00 - 7:00", ("22:00", "07:00")),
        ("1:00–6:30", ("01:00", "06:30")),
        ("off", None),
        ("OFF", None),
        ("none", None),
    ],
)
def test_parse_quiet(text, expected):
    assert parse_quiet(text) == expected


@pytest.mark.parametrize(
    "text", ["22:00", "22:00-", "22:00-22:00", "late-early", "25:00-07:00"]
)
def test_parse_quiet_rejects(text):
    with pytest.raises(PrefError):
        parse_quiet(text)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Asia/Tehran", "Asia/Tehran"),
        ("asia/tehran", "Asia/Tehran"),
        ("tehran", "Asia/Tehran"),
        ("New York", "America/New_York"),
        ("UTC", "UTC"),
        ("Europe/London", "Europe/London"),
    ],
)
def test_check_timezone_accepts(name, expected):
    assert check_timezone(name) == expected


@pytest.mark.parametrize(
    "name, suggestion",
    [
        ("Asia/Teheran", "Asia/Tehran"),
        ("Europe/Londn", "Europe/London"),
        ("Tehrn", "Asia/Tehran"),
        ("Amerca/New_York", "America/New_York"),
    ],
)
def test_check_timezone_suggests(name, suggestion):
    with pytest.raises(PrefError) as err:
        check_timezone(name)
    assert suggestion in str(err.value)
    assert suggestion in err.value.suggestions and len(err.value.suggestions) <= 3


@pytest.mark.parametrize("name", ["", "Mars/Olympus_Mons_Base_Camp_Zulu"])
def test_check_timezone_rejects_nonsense(name):
    with pytest.raises(PrefError, match="Asia/Tehran"):
        check_timezone(name)


@pytest.mark.parametrize(
    "now, start, end, quiet",
    [
        (time(23, 0), "22:00", "07:00", True),
        (time(3, 0), "22:00", "07:00", True),
        (time(7, 0), "22:00", "07:00", False),
        (time(21, 59), "22:00", "07:00", False),
        (time(22, 0), "22:00", "07:00", True),
        (time(13, 0), "12:00", "14:00", True),
        (time(14, 0), "12:00", "14:00", False),
        (time(11, 59), "12:00", "14:00", False),
        (time(12, 0), "12:00", "12:00", False),
    ],
)
def test_in_quiet_hours(now, start, end, quiet):
    assert in_quiet_hours(now, start, end) is quiet
