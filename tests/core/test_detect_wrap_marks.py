"""The gate of the hyphen-at-line-end pass agrees with a substring search for every mark."""

from __future__ import annotations

import random

import pytest

from core.detect_fuzzy import _WRAP_MARKS, has_wrap_mark


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("", False),
        ("\n", False),
        ("-\n", True),
        ("\n-\n", True),
        ("Pezesh-\nkian", True),
        ("Pezesh-\r\nkian", True),
        ("Pezesh\u2010\nkian", True),
        ("Pezesh\u2011\nkian", True),
        ("Pezesh\u2012\nkian", False),  # a figure dash is no hyphen
        ("Pezesh\r\nkian", False),
        ("\r\n", False),
        ("a -\n\n", True),
        ("a - \nb", False),
        ("line one\nline two\n", False),
    ],
)
def test_wrap_mark_table(text, marked):
    assert has_wrap_mark(text) is marked
    assert any(mark in text for mark in _WRAP_MARKS) is marked


def test_wrap_mark_agrees_with_substring_search():
    rng = random.Random(9)
    alphabet = "a-\u2010\u2011\r\n "
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert has_wrap_mark(text) == any(mark in text for mark in _WRAP_MARKS), repr(text)
