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
