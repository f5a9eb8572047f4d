"""Precision of issue 8 (session 30), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

The foreign ministry spokesman's weekly press conference and the minister's joint press conference with a visiting
counterpart that afternoon are two occasions, though the spokesman's lead names the minister and the visit, and the
minister's article never names the spokesman: the speaker a lead frames its news as the remarks of is that news, not
background one article may leave out (``core.stories._speaker_unmentioned``)."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

BRIEFING_FA = [
    sig(1, 0, "بقائی: هیئت مذاکره‌کننده فردا عازم مسقط می‌شود",
        "اسماعیل بقائی، سخنگوی وزارت امور خارجه، امروز سه‌شنبه در نشست خبری هفتگی خود گفت هیئت ایرانی به ریاست "
        "عباس عراقچی فردا برای دور تازه مذاکرات غیرمستقیم با آمریکا به مسقط می‌رود. وی درباره سفر فیصل بن فرحان، "
        "وزیر خارجه عربستان، به تهران گفت او امروز با رئیس‌جمهور و وزیر امور خارجه دیدار می‌کند. بقائی افزود "
        "قالب گفت‌وگوها تغییری نکرده است."),
    sig(2, 1, "سخنگوی وزارت خارجه: قالب مذاکرات غیرمستقیم می‌ماند",
        "سخنگوی وزارت امور خارجه روز سه‌شنبه در نشست خبری هفتگی گفت مذاکرات با آمریکا همچنان غیرمستقیم و با "
        "میانجی‌گری عمان برگزار می‌شود. اسماعیل بقائی گفت هیئت ایرانی به ریاست عراقچی فردا در مسقط خواهد بود."),
]
JOINT_FA = [
    sig(3, 6, "عراقچی در نشست خبری مشترک با فیصل بن فرحان: روابط تهران و ریاض رو به گسترش است",
        "عباس عراقچی، وزیر امور خارجه، امروز سه‌شنبه در نشست خبری مشترک با فیصل بن فرحان، وزیر خارجه عربستان، "
        "گفت روابط دو کشور رو به گسترش است و دو طرف درباره همکاری‌های اقتصادی و حج گفت‌وگو کرده‌اند. عراقچی "
        "درباره مذاکرات با آمریکا گفت دیدگاه‌های ایران را با همتای سعودی در میان گذاشته است."),
    sig(4, 7, "وزیران خارجه ایران و عربستان در تهران با خبرنگاران گفت‌وگو کردند",
        "فیصل بن فرحان و عباس عراقچی، وزیران خارجه عربستان و ایران، روز سه‌شنبه در نشست خبری مشترک در تهران از "
        "گسترش همکاری‌های دو کشور خبر دادند. فیصل بن فرحان گفت ریاض از مذاکرات ایران و آمریکا حمایت می‌کند."),
]

BRIEFING_EN = [
    sig(11, 0, "Iran's negotiators head to Muscat on Wednesday, spokesman says",
        "Foreign Ministry spokesman Esmaeil Baqaei told his weekly press conference on Tuesday that a delegation led "
        "by Foreign Minister Abbas Araghchi would travel to Muscat on Wednesday for a new round of indirect talks with "
        "the United States. He said Saudi Foreign Minister Faisal bin Farhan would meet Araghchi and the president "
        "in Tehran later in the day."),
    sig(12, 1, "Talks with US stay indirect, Iran's foreign ministry spokesman says",
        "Esmaeil Baqaei, the foreign ministry spokesman, said at his weekly press conference on Tuesday that talks "
        "with Washington would remain indirect and mediated by Oman, with Araghchi leading the delegation."),
]
JOINT_EN = [
    sig(13, 6, "Araghchi, Saudi counterpart hail warming ties at joint press conference",
        "Iranian Foreign Minister Abbas Araghchi and his Saudi counterpart Faisal bin Farhan said at a joint press "
        "conference in Tehran on Tuesday that ties between the two countries were growing, with cooperation on "
        "trade and the pilgrimage. Araghchi said he had briefed his guest on the talks with the United States."),
    sig(14, 7, "Saudi foreign minister backs Iran-US diplomacy on Tehran visit",
        "Saudi Foreign Minister Faisal bin Farhan said on Tuesday that Riyadh supports the talks between Iran and the "
        "United States, speaking at a joint press conference with Abbas Araghchi in Tehran."),
]


def test_the_spokesman_s_briefing_is_not_the_minister_s_joint_press_conference_persian():
    weight = _weight(BRIEFING_FA + JOINT_FA)
    assert link(BRIEFING_FA[0], JOINT_FA[0], weight) is None
    kept_apart(BRIEFING_FA, JOINT_FA)


def test_the_spokesman_s_briefing_is_not_the_minister_s_joint_press_conference_english():
    kept_apart(BRIEFING_EN, JOINT_EN)


def test_guard_each_press_conference_keeps_its_accounts_together():
    assert stories(BRIEFING_FA) == [[1, 2]]
    assert stories(JOINT_FA) == [[3, 4]]
    assert stories(BRIEFING_EN) == [[11, 12]]
    assert stories(JOINT_EN) == [[13, 14]]
