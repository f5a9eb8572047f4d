"""Precision of issue 8 (session 27), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

A designation (a government's agency listing firms and tankers) and a call of two ministers that evening in which one
of them condemns the new sanctions are two events, though each lead tells the other's kind: the call's lead names the
designation as what the minister spoke about, and the designation's account may tell the call as the reaction to it.
An act one side does alone is never done at a meeting of two sides (``core.stories.ACTS_ALONE``), as a swap of
prisoners may be done on the sidelines of the talks."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

DESIGNATION_FA = [
    sig(1, 4, "آمریکا چهار شرکت و هفت نفتکش را به اتهام انتقال نفت ایران تحریم کرد",
        "وزارت خزانه‌داری آمریکا روز سه‌شنبه چهار شرکت مستقر در سنگاپور و مالزی و هفت فروند نفتکش را به اتهام انتقال "
        "نفت ایران به پالایشگاه‌های آسیا در فهرست تحریم‌ها قرار داد. دفتر کنترل دارایی‌های خارجی گفت این شبکه با "
        "خاموش کردن سامانه ردیابی کشتی‌ها مبدأ محموله‌ها را پنهان می‌کرد. عباس عراقچی، وزیر خارجه ایران، شامگاه همان "
        "روز در تماس تلفنی با همتای عمانی خود این تحریم‌ها را نشانه دوگانگی آمریکا خواند."),
    sig(2, 5, "تحریم‌های تازه خزانه‌داری آمریکا علیه ناوگان نفتی ایران",
        "وزارت خزانه‌داری آمریکا روز سه‌شنبه هفت نفتکش و چهار شرکت در سنگاپور و مالزی را به دلیل حمل نفت ایران تحریم "
        "کرد. به گفته این وزارتخانه، دارایی‌های این شرکت‌ها در آمریکا مسدود می‌شود و معامله با آنها ممنوع است."),
]
CALL_FA = [
    sig(3, 8, "گفت‌وگوی تلفنی عراقچی و وزیر خارجه عمان درباره دور تازه مذاکرات",
        "عباس عراقچی، وزیر امور خارجه، شامگاه امروز (سه‌شنبه) در تماس تلفنی با بدر البوسعیدی، وزیر خارجه عمان، "
        "درباره مقدمات دور تازه مذاکرات غیرمستقیم با آمریکا گفت‌وگو کرد. عراقچی در این تماس تحریم‌های جدید وزارت "
        "خزانه‌داری آمریکا را نشانه دوگانگی واشنگتن دانست و گفت این اقدام جدیت آمریکا را زیر سؤال می‌برد. "
        "البوسعیدی نیز ابراز امیدواری کرد نشست آینده به نتیجه برسد."),
    sig(4, 9, "رایزنی تلفنی وزیران خارجه ایران و عمان پیش از مذاکرات",
        "سید عباس عراقچی و بدر البوسعیدی، وزیران خارجه ایران و عمان، سه‌شنبه شب در تماس تلفنی درباره دور آینده "
        "مذاکرات غیرمستقیم ایران و آمریکا گفت‌وگو کردند. عراقچی از نقش عمان قدردانی کرد و گفت ایران با حسن نیت در "
        "مذاکرات شرکت می‌کند."),
]

DESIGNATION_EN = [
    sig(11, 4, "US sanctions four firms and seven tankers over Iranian oil",
        "The US Treasury on Tuesday imposed sanctions on four companies based in Singapore and Malaysia and seven "
        "tankers it said carried Iranian crude to refineries in Asia. The Office of Foreign Assets Control said the "
        "network switched off the ships' transponders to hide the cargoes' origin. Iranian Foreign Minister Abbas "
        "Araghchi, in a phone call with his Omani counterpart that evening, called the move a sign of Washington's "
        "double game."),
    sig(12, 5, "Treasury targets Iran's oil shipping with new sanctions on tankers",
        "The US Treasury designated seven tankers and four Singapore- and Malaysia-based companies on Tuesday for "
        "shipping Iranian oil, freezing any assets they hold in the United States and barring Americans from "
        "dealing with them."),
]
CALL_EN = [
    sig(13, 8, "Araghchi and Omani counterpart prepare next round by phone",
        "Iranian Foreign Minister Abbas Araghchi held a phone call with Omani Foreign Minister Badr Albusaidi on "
        "Tuesday evening on preparations for the next round of indirect talks with the United States. Araghchi said "
        "the new US Treasury sanctions showed Washington's double game and cast doubt on its seriousness. "
        "Albusaidi said he hoped the coming meeting would make progress."),
    sig(14, 9, "Iran, Oman foreign ministers discuss upcoming talks in phone call",
        "Abbas Araghchi and Badr Albusaidi, the foreign ministers of Iran and Oman, spoke by phone on Tuesday "
        "night about the coming round of indirect talks between Iran and the United States. Araghchi thanked Oman "
        "for its role."),
]


def test_a_call_condemning_the_new_sanctions_is_not_the_designation_persian():
    weight = _weight(DESIGNATION_FA + CALL_FA)
    for call in CALL_FA:
        for designation in DESIGNATION_FA:
            assert link(call, designation, weight) is None
    kept_apart(DESIGNATION_FA, CALL_FA)


def test_a_call_condemning_the_new_sanctions_is_not_the_designation_english():
    kept_apart(DESIGNATION_EN, CALL_EN)


def test_guard_the_designation_s_accounts_stay_one_story_with_or_without_the_reaction():
    """The account that tells the call as the reaction still joins the designation's other account."""
    assert stories(DESIGNATION_FA) == [[1, 2]]
    assert stories(DESIGNATION_EN) == [[11, 12]]


def test_guard_the_call_s_accounts_stay_one_story_with_or_without_the_sanctions():
    assert stories(CALL_FA) == [[3, 4]]
    assert stories(CALL_EN) == [[13, 14]]


def test_guard_a_swap_on_the_sidelines_of_the_talks_is_part_of_them():
    """A swap is done between the two sides, and may be done at their meeting: the talks' lead telling it is one
    account of one event with the swap's (not an act one side does alone)."""
    talks = sig(21, 2, "Iran and US hold round of talks in Muscat, swap prisoners on the sidelines",
                "Iranian and US negotiators held a round of indirect talks in Muscat on Tuesday, and the two sides "
                "swapped two prisoners each on the sidelines of the round of talks, Omani officials said.")
    swap = sig(22, 3, "Iran and US swap prisoners in Muscat",
               "Iran and the United States swapped two prisoners each in Muscat on Tuesday, on the sidelines of the "
               "round of talks, Omani officials said.")
    assert link(talks, swap, _weight([talks, swap])) is not None
