"""Precision of issue 8 (session 26): an act no one's remarks are (a ministry's summons of an envoy) is not
the remarks it answers, though both leads name the speaker and the summons is the next morning. Fixtures
of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import _speech_against_act, link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

REMARKS = [
    sig(1, -14, "Trump says Iran is running out of time, will not rule out force",
        "President Donald Trump said on Monday that Iran had only weeks left to accept an agreement on its "
        "nuclear program, and that force remained an option if diplomacy failed. Speaking to reporters at the White "
        "House, Trump said his negotiators had put a generous proposal to Tehran."),
    sig(2, -6, "Trump keeps force on the table as Iran weighs US offer",
        "US President Donald Trump has warned that force is still on the table if Iran turns down what he called a "
        "generous offer on its nuclear program. Speaking at the White House, he said Tehran wanted a deal but was "
        "running out of time. Gulf capitals have urged both sides to keep talking."),
]
SUMMONS = [
    sig(3, 0, "Tehran calls in Swiss envoy over Trump's threat of force",
        "Iran's Foreign Ministry summoned the Swiss ambassador, whose embassy looks after US interests in Iran, on "
        "Tuesday to protest at what it called threats of force by President Donald Trump. A senior ministry "
        "official gave the envoy a note of protest to pass on to Washington."),
    sig(4, 2, "احضار سفیر سوئیس به وزارت خارجه در اعتراض به تهدیدهای ترامپ",
        "وزارت امور خارجه ایران روز سه‌شنبه سفیر سوئیس را که حافظ منافع آمریکا در تهران است احضار کرد و "
        "اعتراض رسمی ایران را به تهدیدهای نظامی دونالد ترامپ به او تسلیم کرد."),
]


def test_a_summons_over_a_presidents_remarks_is_not_the_remarks():
    weight = _weight(REMARKS + SUMMONS)
    assert link(REMARKS[1], SUMMONS[0], weight) is None
    assert link(REMARKS[1], SUMMONS[1], weight) is None
    kept_apart(REMARKS, SUMMONS)


def test_guard_the_remarks_and_the_summons_each_stay_one_story():
    assert stories(REMARKS) == [[1, 2]]
    assert stories(SUMMONS) == [[3, 4]]


def test_guard_remarks_that_tell_the_act_may_still_link_to_it():
    # A press conference announcing the summons is about the summons: the rule needs the act unmentioned.
    told = sig(5, 1, "Iran summoned Swiss envoy over Trump threats, spokesman says",
               "Speaking at his weekly news conference on Tuesday, Foreign Ministry spokesman Esmaeil Baqaei said "
               "Iran had summoned the Swiss ambassador to protest at threats of force by President Donald Trump.")
    assert not _speech_against_act(told, SUMMONS[0])
