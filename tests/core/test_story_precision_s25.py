"""Precision of issue 8 (session 25): a president's address to a summit and his meeting with another
leader on its sidelines that day are two occasions, in either language. Fixtures of our own wording.
T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

SPEECH = [
    sig(1, 0, "Pezeshkian tells BRICS summit that dollar sanctions must end",
        "Addressing the plenary session of the BRICS summit in Kazan on Tuesday, President Masoud Pezeshkian "
        "urged member states to settle trade in national currencies and called unilateral sanctions a "
        "weapon against development. He said Iran was ready for a balanced agreement on its nuclear programme."),
    sig(2, 3, "پزشکیان در نشست سران بریکس: تحریم‌های یکجانبه باید پایان یابد",
        "مسعود پزشکیان روز سه‌شنبه در سخنرانی‌اش در اجلاس سران بریکس در کازان از کشورهای عضو خواست "
        "تجارت خود را با پول‌های ملی انجام دهند و گفت ایران برای توافقی متوازن درباره برنامه هسته‌ای آماده است. "
        "او پس از این سخنرانی با ولادیمیر پوتین دیدار کرد."),
]
MEETING = [
    sig(3, 1, "Pezeshkian and Putin agree to speed up the north-south corridor",
        "President Masoud Pezeshkian met Russian President Vladimir Putin on the sidelines of the BRICS summit in "
        "Kazan on Tuesday, and the two leaders agreed to speed up work on the north-south transport corridor. "
        "Putin said Moscow backed a negotiated end to the dispute over Iran's nuclear programme."),
    sig(4, 2, "دیدار پزشکیان و پوتین در حاشیه اجلاس بریکس",
        "مسعود پزشکیان ظهر سه‌شنبه در حاشیه اجلاس سران بریکس در کازان با ولادیمیر پوتین دیدار و درباره کریدور "
        "شمال-جنوب و برنامه هسته‌ای ایران گفت‌وگو کرد."),
]


def test_a_summit_speech_and_a_sidelines_meeting_that_day_are_two_stories():
    weight = _weight(SPEECH + MEETING)
    for speech in SPEECH:
        for meeting in MEETING:
            assert link(speech, meeting, weight) is None, (speech.key, meeting.key)
    kept_apart(SPEECH, MEETING)


def test_guard_each_occasion_told_in_two_languages_stays_one_story():
    assert stories(SPEECH) == [[1, 2]]
    assert stories(MEETING) == [[3, 4]]


def test_guard_a_speech_at_a_meeting_with_no_one_else_named_is_one_occasion():
    # The Leader's speech to students is told as a meeting with them: no counterpart, one occasion.
    speech = sig(5, 0, "Khamenei tells students that talks will not lift the pressure",
                 "In a speech to university students in Tehran on Tuesday, Supreme Leader Ali Khamenei said "
                 "negotiations with Washington would not end the pressure on Iran's economy.")
    meeting = sig(6, 2, "Khamenei meets students, says talks will not end pressure",
                  "Supreme Leader Ali Khamenei met a group of university students in Tehran on Tuesday and said "
                  "negotiations with Washington would not end the pressure on Iran's economy.")
    assert link(speech, meeting, _weight([speech, meeting])) is not None
