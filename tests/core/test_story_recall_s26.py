"""Recall classes of issue 8 (session 26): same-language accounts of one event that no rule linked, each with
fixtures of our own wording and guards that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import incident, index_keys, link
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


# --- Leads that share no name, told alike on the day both name ------------------------------------------------

EXPORTS = [
    sig(11, 1, "Iran's crude exports rise to 1.6 million bpd in March, trackers say",
        "Iran's crude oil exports rose to about 1.6 million barrels per day in March, the highest in ten months, "
        "tanker-tracking data published on Tuesday showed, with most cargoes bound for independent refiners in "
        "Shandong. Traders said deeper discounts had drawn buyers back."),
    sig(12, 5, "Iranian oil shipments to Shandong refiners hit ten-month high",
        "Iranian crude shipments to independent refiners in Shandong reached a ten-month high in March, according "
        "to tanker-tracking figures released on Tuesday, as deeper discounts drew buyers back. Loadings averaged "
        "close to 1.6 million barrels a day, traders said."),
]


def test_two_accounts_naming_nothing_in_common_but_told_alike_that_day_are_one_event():
    """Neither lead names a person, a body or a place the other does; the second never names the exports."""
    weight = _weight(EXPORTS)
    assert not EXPORTS[1].primary
    found = link(*EXPORTS, weight)
    assert found is not None and found.how == "text"
    assert stories(EXPORTS) == [[11, 12]]


def test_guard_alike_wording_of_another_kind_said_first_is_another_event():
    """The same day and the same refiners, but a designation said first: what happened differs."""
    designation = sig(13, 6, "US sanctions Shandong refiners over Iranian oil shipments",
                      "The US Treasury on Tuesday imposed sanctions on two independent refiners in Shandong over "
                      "shipments of Iranian crude, saying deeper discounts had drawn them to buy close to 1.6 "
                      "million barrels a day in March, according to tanker-tracking figures.")
    kept_apart(EXPORTS, [designation])


def test_guard_a_lead_naming_someone_the_other_never_mentions_is_not_linked_on_wording():
    """The president's remarks on the figures that day: his news, not the trackers'."""
    minister = sig(14, 6, "Pezeshkian says crude shipments to Shandong at ten-month high",
                   "President Masoud Pezeshkian said on Tuesday that crude shipments to independent refiners "
                   "in Shandong had reached a ten-month high in March, as deeper discounts drew buyers back, with "
                   "loadings close to 1.6 million barrels a day.")
    assert link(EXPORTS[0], minister, _weight(EXPORTS + [minister])) is None


def test_guard_the_same_wording_on_another_day_is_another_event():
    april = sig(15, 30, "Iranian oil shipments to Shandong refiners hit ten-month high",
                "Iranian crude shipments to independent refiners in Shandong reached a ten-month high in April, "
                "according to tanker-tracking figures released on Wednesday, as deeper discounts drew buyers back. "
                "Loadings averaged close to 1.6 million barrels a day, traders said.")
    assert link(EXPORTS[0], april, _weight(EXPORTS + [april])) is None


# --- A prisoner detained "while visiting" his family: no meeting of two sides -----------------------------------

FREED = sig(21, 2, "Iran frees Iranian-American architect held since 2023",
            "Iran on Tuesday freed Iranian-American architect Reza Kamali, who was detained in 2023 while visiting his "
            "father in Shiraz, and he has left the country, his lawyer said. Kamali had been sentenced to six years "
            "for spying in a trial his family called a sham. His lawyer said relatives would meet him abroad within "
            "days. He was flown out on a Qatari government jet.")
BROKERED = sig(22, 5, "Qatar's quiet channel brings jailed architect home",
               "Reza Kamali, the Iranian-American architect held in Evin prison, landed in good health on Tuesday "
               "aboard a Qatari government jet, Qatar's foreign ministry said. Doha's diplomats worked for months on "
               "the case. Qatar helped secure the release without any exchange, a Qatari official said.")


def test_a_release_whose_lead_tells_the_prisoner_was_detained_while_visiting_joins_its_other_account():
    assert "visit" in FREED.actions and FREED.primary == frozenset({"release"})
    assert link(FREED, BROKERED, _weight([FREED, BROKERED])) is not None


def test_guard_a_minister_s_visit_pressing_for_the_release_is_another_event():
    """The visit is what the lead says first: the prisoner he raised is its subject, not its object. (Worded
    apart from the release: a lead telling "detained while visiting" still shares the kind "visit" with it,
    and the same-day text route reads that kind as one both leads report.)"""
    visit = sig(23, 4, "Qatari minister visits Tehran for talks on Gaza, trade and a jailed architect",
                "Qatar's foreign minister held talks in Tehran on Tuesday on Gaza and gas trade and sought to secure the "
                "release of Reza Kamali, Qatari officials said, in a visit planned for weeks.")
    assert "visit" in visit.primary
    assert incident(FREED, visit) == ()
    assert link(FREED, visit, _weight([FREED, visit])) is None
