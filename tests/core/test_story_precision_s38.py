"""Issue 8, session 38, fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

From held-out 67a (scored once on 51661e4): the US president's post online welcoming a release is not his remarks to
reporters that evening, though both leads name him first, say first nothing and are told in two languages on one day
(``core.stories._speaker_across`` refuses a lead telling a post, ``Signature.posted``, against one telling remarks
to reporters or framing an occasion). His post told in both languages still links. Each fails without its rule."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig

POST = [
    sig(1, 4, "Trump cheers return of American held in Iran, thanks Oman's sultan",
        "US President Donald Trump on Tuesday cheered Iran's release of Daniel Rostami, an American engineer held in "
        "Tehran, thanking the Sultan of Oman in a post on his Truth Social platform. \"He is on his way home to his "
        "family. Great work by Oman!\" Trump wrote. He did not say whether anything was given in return."),
]
POST_FA = [
    sig(2, 5, "ترامپ در پیامی از آزادی شهروند آمریکایی استقبال کرد",
        "دونالد ترامپ، رئیس‌جمهور آمریکا، روز سه‌شنبه در پیامی در شبکه اجتماعی تروث سوشال از بازگشت دنیل رستمی، "
        "مهندس آمریکایی آزادشده از زندان در ایران، استقبال کرد و از سلطان عمان تشکر کرد. او نوشت این شهروند "
        "آمریکایی «در راه خانه» است."),
]
REMARKS_FA = [
    sig(3, 11, "ترامپ: ایران نباید غنی‌سازی داشته باشد؛ وقت رو به پایان است",
        "دونالد ترامپ، رئیس‌جمهور آمریکا، روز سه‌شنبه در جمع خبرنگاران در کاخ سفید گفت ایران در هر توافقی باید از "
        "غنی‌سازی اورانیوم دست بکشد و صبر او نامحدود نیست. او گفت تهران وقت‌کشی می‌کند. به گفته او "
        "مذاکرات به رهبری استیو ویتکاف «بد نیست». ترامپ آزادی شهروند آمریکایی را «حرکتی خوب» خواند."),
]


def test_a_post_welcoming_a_release_is_not_the_same_persons_remarks_to_reporters():
    assert POST[0].posted and POST_FA[0].posted and not REMARKS_FA[0].posted
    assert "press conference" in REMARKS_FA[0].early
    assert link(POST[0], REMARKS_FA[0], _weight(POST + REMARKS_FA)) is None
    kept_apart(POST + POST_FA, REMARKS_FA)


def test_one_post_told_in_two_languages_still_links():
    assert link(POST[0], POST_FA[0], _weight(POST + POST_FA + REMARKS_FA)) is not None

# --- One act told in two languages that day, by leads naming no one (recall) ------------------------------------------

DESIGNATION = [
    sig(11, 6, "Washington blacklists Chinese refinery over Iranian crude",
        "The United States on Tuesday imposed sanctions on a refinery in China's Shandong province and its chief "
        "executive for buying Iranian crude worth hundreds of millions of dollars. The plant is one of dozens of small "
        "independent refiners in the province. The Treasury Department said it had taken cargoes from a fleet of ageing "
        "tankers that hide their origin."),
]
DESIGNATION_FA = [
    sig(12, 7, "تحریم یک پالایشگاه چینی به اتهام خرید نفت ایران",
        "آمریکا روز سه‌شنبه یک پالایشگاه در استان شاندونگ چین و مدیرعامل آن را به اتهام خرید صدها میلیون دلار نفت "
        "خام ایران که با نفتکش‌های بدون پرچم و با خاموش کردن سامانه‌های ردیابی به بنادر شرق آسیا رسیده بود تحریم "
        "کرد. این پالایشگاه یکی از ده‌ها پالایشگاه کوچک مستقل این استان است. وزارت خزانه‌داری آمریکا در بیانیه‌ای اعلام کرد این پالایشگاه محموله‌هایی از نفتکش‌های فرسوده دریافت "
        "کرده است."),
]
VOTE_FA = [
    sig(13, 2, "مجلس کلیات طرح الزام دولت به کسب مجوز برای توافق هسته‌ای را تصویب کرد",
        "نمایندگان مجلس شورای اسلامی روز سه‌شنبه با کلیات طرحی موافقت کردند که هر توافق هسته‌ای را منوط به تصویب "
        "مجلس می‌کند. این طرح با ۱۸۰ رأی موافق تصویب شد و مخالفان گفتند دست دولت در مذاکرات بسته می‌شود. "
        "رأی‌گیری یک روز پس از دور تازه گفت‌وگوها در مسقط برگزار شد."),
]
WEEK_REVIEW = [
    sig(14, 26, "ANALYSIS-After Muscat, a week of tests for Iran-US talks",
        "When the Iranian and American negotiators left Muscat on Monday with a plan for expert-level talks, "
        "diplomats across the region were quick to speak of cautious momentum after months in which the channel "
        "had seemed all but closed. Iran's parliament voted on Tuesday to "
        "advance a bill requiring lawmakers to approve any nuclear accord. The UN watchdog reported further growth "
        "in the uranium stockpile the same day."),
]


def test_one_designation_told_in_two_languages_by_leads_naming_no_one_links():
    assert DESIGNATION[0].primary == DESIGNATION_FA[0].primary == frozenset({"designation"})
    assert DESIGNATION[0].lang != DESIGNATION_FA[0].lang and DESIGNATION[0].day == DESIGNATION_FA[0].day
    assert link(DESIGNATION[0], DESIGNATION_FA[0], _weight(DESIGNATION + DESIGNATION_FA + VOTE_FA)) is not None


def test_a_review_telling_the_vote_only_after_a_lead_on_the_talks_is_not_the_vote():
    review, vote = WEEK_REVIEW[0], VOTE_FA[0]
    assert review.primary == vote.primary == frozenset({"bill"}) and "bill" not in review.lead
    assert link(review, vote, _weight(WEEK_REVIEW + VOTE_FA + DESIGNATION)) is None
