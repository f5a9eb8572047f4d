"""Recall classes of issue 8 (session 27): same-language accounts of one event that no rule linked, each with
fixtures of our own wording and guards that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- One drill of several days, told on its first day and on its last ---------------------------------------------

LAUNCH = sig(1, 1, "Revolutionary Guards begin naval drill in the Strait of Hormuz",
             "Iran's Revolutionary Guards on Tuesday began a two-day naval exercise in the Strait of Hormuz, state "
             "television said, with fast boats, drones and shore-based missile units taking part. The Guards' navy "
             "said the drill would test the defence of shipping lanes.")
LAST_DAY = sig(2, 26, "IRGC ends Hormuz drill with anti-ship missile launches",
               "Iran's Revolutionary Guards fired anti-ship cruise missiles in the Strait of Hormuz on Wednesday, "
               "ending a two-day naval drill that shipping firms had watched closely. State television showed "
               "missiles launched from the coast striking a floating target.")


def test_a_two_day_drill_told_on_its_first_and_its_last_day_is_one_event():
    assert LAUNCH.day != LAST_DAY.day
    assert link(LAUNCH, LAST_DAY, _weight([LAUNCH, LAST_DAY])) is not None
    assert stories([LAUNCH, LAST_DAY]) == [[1, 2]]


def test_the_length_may_be_named_by_one_account_only():
    last_day = sig(3, 27, "IRGC wraps up Hormuz drill with missile firing",
                   "Iran's Revolutionary Guards wrapped up their naval drill in the Strait of Hormuz on Wednesday by "
                   "firing a new anti-ship cruise missile at a target at sea, the Guards' navy said.")
    assert link(LAUNCH, last_day, _weight([LAUNCH, last_day])) is not None


def test_guard_two_drills_on_two_days_with_no_length_named_stay_apart():
    first = sig(4, 1, "Revolutionary Guards hold naval drill in the Strait of Hormuz",
                "Iran's Revolutionary Guards held a naval drill in the Strait of Hormuz on Tuesday, state television "
                "said, with fast boats and drones taking part.")
    second = sig(5, 26, "Revolutionary Guards hold another naval drill in the Strait of Hormuz",
                 "Iran's Revolutionary Guards held a naval drill in the Strait of Hormuz on Wednesday, firing "
                 "missiles from the coast at a floating target, state television said.")
    kept_apart([first], [second])


def test_guard_a_day_after_the_length_named_is_another_drill():
    friday = sig(6, 74, "Revolutionary Guards fire missiles in new Hormuz drill",
                 "Iran's Revolutionary Guards fired anti-ship cruise missiles in the Strait of Hormuz on Thursday in "
                 "a naval drill, state television said, showing missiles launched from the coast.")
    kept_apart([LAUNCH], [friday])


def test_guard_another_navy_s_drill_the_next_day_stays_apart():
    us = sig(7, 26, "US Navy holds mine-clearing drill in the Strait of Hormuz",
             "The US Navy's Fifth Fleet held a two-day mine-clearing drill with British ships in the Strait of "
             "Hormuz starting on Wednesday, the fleet said, days after Iran's Guards held their own exercise.")
    kept_apart([LAUNCH], [us])


def test_guard_the_same_body_s_drill_elsewhere_stays_apart():
    caspian = sig(8, 26, "Revolutionary Guards hold naval drill in the Caspian Sea",
                  "Iran's Revolutionary Guards on Wednesday held a two-day naval drill in the Caspian Sea, state "
                  "television said, with fast boats and drones taking part.")
    kept_apart([LAUNCH], [caspian])
