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
    found = link(LAUNCH, LAST_DAY, _weight([LAUNCH, LAST_DAY]))
    assert found is not None and found.how == "days"  # /why: one exercise told on two of its days
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


# --- Leads of one day naming no person both name, at most one naming anyone: wording alike a little less ------------

RALLY_STATE = sig(41, 2, "Crowds rally in Tehran to mark embassy anniversary",
                  "Large crowds marched in Tehran on Tuesday to mark the anniversary of the embassy takeover, chanting "
                  "against the United States as negotiations continue, state television showed. Marchers carried "
                  "banners and burned flags outside the former embassy compound, and a resolution read at the end "
                  "backed the negotiators.")
RALLY_WIRE = sig(42, 4, "Iranians chant against America at anniversary march as talks go on",
                 "Thousands of Iranians chanted slogans against America on Tuesday at the yearly march outside the old "
                 "US embassy in Tehran, a day marked each year by the state, while negotiations with Washington go on. "
                 "Some students held pictures of the hostage crisis outside the embassy compound as police watched "
                 "from side streets and shops stayed shut for the holiday.")


def test_two_accounts_of_a_march_naming_nobody_link_a_little_below_the_day_s_threshold():
    """No person in either lead, the same day, no kind said first by either: the wording is all there is."""
    assert link(RALLY_STATE, RALLY_WIRE, _weight([RALLY_STATE, RALLY_WIRE])) is not None


def test_guard_two_speakers_each_with_his_own_remarks_keep_the_day_s_threshold():
    """The secretary's remarks and the envoy's interview, each naming the other further down: two speakers."""
    rubio = sig(43, 2, "Rubio says Iran can keep no enrichment under any deal",
                "Secretary of State Marco Rubio said on Tuesday that Iran could keep no enrichment "
                "under any deal with the United States. Relief from sanctions would come only after "
                "verified steps, he told reporters. The envoy Steve Witkoff had been told to hold "
                "that line on enrichment, Rubio added, before leaving for a meeting of allies in "
                "Brussels where trade, shipping, farm subsidies and Ukraine top a crowded agenda for "
                "the two-day gathering of ministers.")
    witkoff = sig(44, 6, "Witkoff says talks with Iran are moving in the right direction",
                  "US envoy Steve Witkoff said on Tuesday that the talks with Iran were moving in the"
                  " right direction and an interim deal was not off the table. He expected another "
                  "meeting within weeks, he told a morning television programme, praising Omani "
                  "hosts, Qatari bankers and European diplomats for their patience. Marco Rubio's "
                  "line on enrichment was shared by the whole team, he said, speaking from a studio "
                  "in New York after a week of travel through the Gulf and Europe, where he met "
                  "bankers, oil traders, shipping executives and several royal advisers over long "
                  "dinners.")
    assert link(rubio, witkoff, _weight([rubio, witkoff])) is None
