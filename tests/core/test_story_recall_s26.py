"""Recall classes of issue 8 (session 26): same-language accounts of one event that no rule linked, each with
fixtures of our own wording and guards that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import index_keys, link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- One dual national's release: the wire names him, the judiciary names nobody --------------------------------

NAMED = sig(1, 2, "Iran frees Iranian-American engineer, who is flown to Doha",
            "Iran on Tuesday freed Iranian-American engineer Farhad Moradian, who had spent four years in Evin "
            "prison, and he was flown to Doha on a Qatari plane, officials said. Moradian, 57, of Houston, was "
            "convicted of spying in a trial his lawyers called a sham.")
UNNAMED = sig(2, 3, "Judiciary: convicted dual national freed on medical grounds",
              "A dual national serving a prison term for contacts with a hostile state was pardoned on Tuesday "
              "in view of his illness, the judiciary's news site said, without giving his name. The prisoner left "
              "the country the same day, it said, adding that the decision followed a request by his family.")


def test_the_judiciary_s_unnamed_account_of_a_release_joins_the_named_one():
    assert link(NAMED, UNNAMED, _weight([NAMED, UNNAMED])) is not None
    assert stories([NAMED, UNNAMED]) == [[1, 2]]


def test_an_english_lead_reporting_a_release_is_found_by_that_kind():
    """The unnamed account names nothing else it could be found by: no official, no place, no object."""
    assert "a:release" in index_keys(UNNAMED) and "a:release" in index_keys(NAMED)


def test_the_release_told_in_persian_both_ways_is_one_event():
    named = sig(3, 2, "فرهاد مرادیان، مهندس ایرانی-آمریکایی، آزاد شد",
                "فرهاد مرادیان، مهندس ایرانی-آمریکایی که چهار سال در زندان اوین بود، روز سه‌شنبه آزاد شد و با "
                "هواپیمای قطری به دوحه رفت. وکلای او دادگاهش را نمایشی خوانده بودند.")
    unnamed = sig(4, 4, "عفو یک محکوم دوتابعیتی به دلیل بیماری",
                  "یک محکوم دوتابعیتی که به دلیل ارتباط با دولت متخاصم در زندان بود، روز سه‌شنبه با عفو آزاد شد. "
                  "خبرگزاری قوه قضاییه نام او را اعلام نکرد و گفت این تصمیم به درخواست خانواده‌اش گرفته شد.")
    assert link(named, unnamed, _weight([named, unnamed])) is not None


def test_guard_another_nationality_s_release_that_day_stays_apart():
    """A British-Iranian pardoned the same day is another prisoner, another release."""
    british = sig(5, 4, "Judiciary: British-Iranian dual national pardoned",
                  "A British-Iranian dual national held for three years was pardoned on Tuesday on humanitarian "
                  "grounds, the judiciary's news site said, without giving her name. She left the country the same "
                  "day, it said, at the request of her family.")
    kept_apart([NAMED], [british])


def test_guard_a_release_on_another_day_stays_apart():
    monday = sig(6, 5, "Judiciary: convicted dual national freed on medical grounds",
                 "A dual national serving a prison term for contacts with a hostile state was pardoned on Monday in "
                 "view of his illness, the judiciary's news site said, without giving his name. The prisoner left "
                 "the country the same day, it said.")
    kept_apart([NAMED], [monday])


def test_guard_two_named_prisoners_freed_the_same_day_are_two_releases():
    other = sig(7, 5, "Iran frees Iranian-American academic held since 2022",
                "Iran on Tuesday freed Iranian-American academic Shirin Tavakoli, who had been held in Evin prison "
                "since 2022, her family said. Tavakoli, 49, was convicted of collaborating with a hostile state, "
                "a charge she denied.")
    kept_apart([NAMED], [other])


def test_guard_an_arrest_of_a_dual_national_is_not_a_release():
    """The same judiciary, the same kind of prisoner, the same day: a detention is its own event."""
    arrest = sig(8, 5, "Judiciary: dual national detained on spying charges",
                 "A dual national was detained on Tuesday on charges of spying for a hostile state, the judiciary's "
                 "news site said, without giving his name. His case will go before a court in Tehran, it said.")
    kept_apart([NAMED, UNNAMED], [arrest])


def test_guard_a_swap_is_not_a_one_sided_release():
    """One lead tells a swap of prisoners both ways: another event than a release the other side asked nothing for."""
    swap = sig(9, 5, "Iran and US swap prisoners in Qatar-brokered exchange",
               "Iran on Tuesday freed a dual national in a prisoner swap with the United States, which released two "
               "Iranians held on sanctions charges, Qatari officials said. The men were exchanged at Doha airport.")
    assert link(UNNAMED, swap, _weight([UNNAMED, swap])) is None
