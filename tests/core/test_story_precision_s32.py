"""Precision of issue 8 (session 32), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

A Gulf outlet's morning piece on the president's warning of the day before, which "looms over" that day's round in
Muscat, is not the round's Persian account: its headline names first the president, whom the account never
mentions, and the people the account names (the minister, the mediator) are not in the piece at all
(``core.stories._round_across``)."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

WARNING = [
    sig(1, 20, "Trump's threat of 'consequences' looms over Muscat talks",
        "President Donald Trump's threat of \"serious consequences\" if Iran turns down a deal hangs over "
        "Wednesday's round of talks in Oman, as Gulf diplomats weigh his words for any sign of give. Talking to "
        "reporters on Tuesday, Trump said Tehran was desperate for an agreement and repeated that it could never "
        "hold a nuclear weapon, but said he was open to meeting President Masoud Pezeshkian."),
]
ROUND_FA = [
    sig(2, 32, "مذاکرات مسقط؛ توافق بر سر ادامه گفت‌وگوهای کارشناسی",
        "هیئت‌های ایران و آمریکا روز چهارشنبه در مسقط دور تازه‌ای از گفت‌وگوهای غیرمستقیم را با میانجیگری "
        "عمان برگزار کردند. بدر البوسعیدی، وزیر خارجه عمان، پیام‌های دو طرف را منتقل کرد و سید عباس عراقچی، "
        "وزیر امور خارجه، پس از پایان گفت‌وگوها فضای مذاکرات را جدی توصیف کرد."),
    sig(3, 30, "پایان دور تازه مذاکرات غیرمستقیم در مسقط؛ عراقچی: فضا جدی بود",
        "دور تازه گفت‌وگوهای غیرمستقیم ایران و آمریکا امروز چهارشنبه در مسقط به پایان رسید. عباس عراقچی، "
        "وزیر امور خارجه، گفت پیام‌ها از طریق بدر البوسعیدی منتقل شد و گفت‌وگوهای کارشناسی ادامه می‌یابد."),
]
SOURCE_FA = [
    sig(4, 31, "روایت یک منبع آگاه از نشست مسقط: تبادل پیام بدون تفاهم",
        "دور تازه مذاکرات غیرمستقیم هیئت‌های ایران و آمریکا که امروز با میانجیگری عمان در مسقط برگزار شد، به "
        "گفته یک منبع آگاه نزدیک به تیم مذاکره‌کننده، بدون تفاهم بر سر موضوعات اصلی به پایان رسید."),
]
MINISTER_EN = [
    sig(5, 29, "Araghchi: Muscat round 'serious but difficult'",
        "Iran's Foreign Minister Abbas Araghchi said Wednesday's round of indirect talks with the United States in "
        "Muscat was serious but difficult, speaking to reporters after nearly four hours of talks."),
]


def test_a_warning_that_looms_over_the_round_is_not_the_round():
    weight = _weight(WARNING + ROUND_FA)
    assert "round of talks" in WARNING[0].primary  # what the guard below must hold against
    assert all(link(WARNING[0], r, weight) is None for r in ROUND_FA)
    kept_apart(WARNING, ROUND_FA)


def test_guard_the_minister_s_account_joins_a_persian_account_that_names_nobody():
    # The headline's first person, whom the Persian account never mentions, is the negotiator: that account names
    # no one at all ("a source close to the team"), so nobody of its own stands against him.
    assert stories(SOURCE_FA, MINISTER_EN) == [[4, 5]]
