"""Places and days of session 25: the disputed Gulf islands in both languages, and the day a briefing's
speaker gives what he talks about. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from datetime import date

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- The disputed islands named in either language ------------------------------------------------------

DRILL = [
    sig(1, 1, "رزمایش موشکی سپاه در جزیره ابوموسی",
        "نیروی دریایی سپاه پاسداران صبح امروز سه‌شنبه رزمایش موشکی خود را در اطراف جزیره ابوموسی و تنب بزرگ "
        "آغاز کرد و قایق‌های تندرو و پهپادها در آن شرکت دارند."),
    sig(2, 4, "Guards fire missiles in exercise near Abu Musa",
        "Iran's Revolutionary Guards fired anti-ship missiles and flew drones around Abu Musa and the Greater Tunb "
        "on Tuesday, in an exercise the United Arab Emirates called provocative."),
]


def test_the_islands_are_places_in_both_languages():
    assert "Abu Musa" in DRILL[0].lead and "Abu Musa" in DRILL[1].lead
    assert "Tunb islands" in DRILL[0].places and "Tunb islands" in DRILL[1].places


def test_one_drill_at_the_islands_joins_across_languages():
    assert stories(DRILL) == [[1, 2]]


def test_guard_a_drill_elsewhere_that_day_stays_apart():
    """The army's drill at Jask the same day: another place in the lead, another event."""
    jask = sig(3, 5, "رزمایش ارتش در جاسک آغاز شد",
               "نیروی دریایی ارتش روز سه‌شنبه رزمایشی را در سواحل جاسک آغاز کرد.")
    kept_apart(DRILL, [jask])


# --- The day of the talks a speaker's briefing is about ---------------------------------------------------

BRIEFING = [
    sig(11, 24 + 1, "Baqaei: experts will meet in Muscat within days",
        "Foreign Ministry spokesman Esmaeil Baqaei said on Wednesday at his weekly press conference that experts "
        "from both sides would meet in Muscat within days, calling Tuesday's talks useful."),
    sig(12, 24 + 3, "بقائی: کارشناسان به‌زودی در مسقط دیدار می‌کنند",
        "اسماعیل بقائی سخنگوی وزارت امور خارجه در نشست خبری هفتگی خود، مذاکرات روز گذشته را «مفید» خواند و گفت "
        "کارشناسان دو طرف ظرف چند روز آینده در مسقط دیدار می‌کنند."),
]


def test_yesterday_inside_what_the_spokesman_describes_is_not_his_briefing_s_day():
    assert BRIEFING[1].frame and BRIEFING[1].day != date(2025, 4, 15)  # not the talks' Tuesday
    assert stories(BRIEFING) == [[11, 12]]


def test_guard_an_analysis_of_a_speech_keeps_the_speech_s_day():
    """Framing nothing, an analysis whose object is Tuesday's speech is about Tuesday."""
    analysis = sig(13, 24 + 5, "تحلیل: سخنان رئیس‌جمهور و آینده مذاکرات",
                   "سخنان رئیس‌جمهور در دیدار با استانداران در روز سه‌شنبه را می‌توان پیامی به تیم مذاکره‌کننده دانست.")
    assert not analysis.frame or analysis.day == date(2025, 4, 15)
    assert link(BRIEFING[1], analysis, _weight([BRIEFING[1], analysis])) is None
