"""Cross-language recall of issue 8 (session 30), fixtures of our own wording, each with a guard that must stay apart.
T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig

# --- "Security Council sanctions": the sanctions the snapback restores, not the council acting -----------------------

SNAPBACK_FA = sig(1, 3, "تروئیکای اروپایی: آماده بازگرداندن تحریم‌ها هستیم",
                  "بریتانیا، فرانسه و آلمان روز سه‌شنبه در بیانیه‌ای مشترک اعلام کردند اگر ایران تا پایان تابستان "
                  "همکاری با آژانس بین‌المللی انرژی اتمی را از سر نگیرد، تحریم‌های شورای امنیت سازمان ملل را با "
                  "سازوکار ماشه بازمی‌گردانند. سه کشور گفتند راه دیپلماسی هنوز باز است.")
SNAPBACK_EN = sig(2, 1, "European trio threatens snapback unless Iran lets inspectors back",
                  "Britain, France and Germany said on Tuesday they would trigger the return of UN sanctions on Iran "
                  "before the summer ends unless Tehran resumed full work with the International Atomic Energy Agency, "
                  "in a joint statement. The E3 said diplomacy remained open.")


def test_security_council_sanctions_in_persian_name_no_council_acting():
    assert "UN Security Council" not in SNAPBACK_FA.lead
    assert "UN Security Council" in SNAPBACK_FA.organisations  # the article mentions the council all the same
    assert link(SNAPBACK_FA, SNAPBACK_EN, _weight([SNAPBACK_FA, SNAPBACK_EN])) is not None


def test_security_council_sanctions_in_english_name_no_council_acting():
    en = sig(3, 2, "E3 warn Iran of snapback",
             "Britain, France and Germany warned on Tuesday they would restore Security Council sanctions on Iran "
             "unless it resumed full cooperation with the International Atomic Energy Agency, in a joint statement.")
    assert "UN Security Council" not in en.lead and "UN Security Council" in en.organisations


def test_guard_the_council_meeting_on_the_statement_is_its_own_news():
    council = sig(4, 4, "شورای امنیت سازمان ملل درباره برنامه هسته‌ای ایران تشکیل جلسه داد",
                  "شورای امنیت سازمان ملل روز سه‌شنبه به درخواست سه کشور اروپایی نشستی غیرعلنی درباره برنامه "
                  "هسته‌ای ایران برگزار کرد. دیپلمات‌ها گفتند هیچ قطعنامه‌ای به رأی گذاشته نشد.")
    assert "UN Security Council" in council.lead
    kept_apart([SNAPBACK_FA, SNAPBACK_EN], [council])


# --- Iran's parliament and foreign ministry, named bare in Persian ---------------------------------------------------

VOTE_FA = sig(11, 2, "مجلس کلیات طرح نظارت بر توافق هسته‌ای را تصویب کرد",
              "مجلس روز سه‌شنبه کلیات طرحی را تصویب کرد که دولت را موظف می‌کند هر توافق هسته‌ای را پیش از اجرا "
              "برای تأیید به نمایندگان بسپارد. این طرح با ۱۸۴ رأی موافق تصویب شد.")
VOTE_EN = sig(12, 1, "Iran's parliament backs bill giving lawmakers a say over any nuclear deal",
              "Iran's parliament on Tuesday approved the outline of a bill that would oblige the government to submit "
              "any nuclear agreement to lawmakers before carrying it out, state media said. It passed with 184 votes.")
SUMMONS_FA = sig(13, 1, "احضار کاردار سوئیس در اعتراض به تحریم‌های تازه",
                 "کاردار سفارت سوئیس در تهران، حافظ منافع آمریکا، صبح سه‌شنبه به وزارت امور خارجه احضار شد و اعتراض "
                 "ایران به تحریم‌های تازه علیه نفتکش‌ها به او ابلاغ شد.")
SUMMONS_EN = sig(14, 3, "Iran summons Swiss envoy over new tanker sanctions",
                 "Iran's Foreign Ministry on Tuesday summoned the Swiss chargé d'affaires, who represents US interests "
                 "in Tehran, to protest against new American sanctions on tankers carrying Iranian oil.")


def test_persian_names_iran_s_parliament_bare_as_english_names_it():
    assert "Iranian parliament" in VOTE_FA.organisations - VOTE_FA.lead  # mentioned, never the lead's name
    assert link(VOTE_FA, VOTE_EN, _weight([VOTE_FA, VOTE_EN])) is not None


def test_persian_names_iran_s_foreign_ministry_bare_as_english_names_it():
    assert "Iranian Foreign Ministry" in SUMMONS_FA.lead
    assert link(SUMMONS_FA, SUMMONS_EN, _weight([SUMMONS_FA, SUMMONS_EN])) is not None


def test_another_country_s_parliament_or_ministry_and_a_gathering_are_not_iran_s():
    house = sig(15, 2, "مجلس نمایندگان آمریکا طرح تحریم خریداران نفت ایران را تصویب کرد",
                "مجلس نمایندگان آمریکا روز سه‌شنبه طرحی را تصویب کرد که دولت را به تحریم پالایشگاه‌های خریدار نفت "
                "ایران موظف می‌کند. این طرح با ۳۰۱ رأی موافق تصویب شد.")
    oman = sig(16, 2, "وزارت خارجه عمان: دور بعدی مذاکرات هفته آینده است",
               "وزارت خارجه عمان روز سه‌شنبه اعلام کرد دور بعدی مذاکرات غیرمستقیم ایران و آمریکا هفته آینده برگزار "
               "می‌شود.")
    mourning = sig(17, 2, "برگزاری مجلس ترحیم یک فرمانده سپاه",
                   "مجلس ترحیم یک فرمانده سپاه روز سه‌شنبه در تهران برگزار شد.")
    assert "Iranian parliament" not in house.organisations | mourning.organisations
    assert "Iranian Foreign Ministry" not in oman.organisations


def test_guard_the_us_house_s_vote_that_day_is_another_vote():
    house = sig(18, 3, "مجلس نمایندگان آمریکا طرح تحریم بنادر خریدار نفت ایران را تصویب کرد",
                "مجلس نمایندگان آمریکا روز سه‌شنبه طرحی را تصویب کرد که دولت را به تحریم بنادر و پالایشگاه‌های "
                "خارجی خریدار نفت ایران موظف می‌کند. این طرح با ۳۰۱ رأی موافق در برابر ۹۸ رأی مخالف تصویب شد و باید "
                "به سنا برود.")
    assert "Iranian parliament" not in house.organisations
    # (the English account of Iran's vote; the two Persian accounts share their wording, a same-language matter)
    assert link(VOTE_EN, house, _weight([VOTE_FA, VOTE_EN, house])) is None


def test_guard_another_envoy_summoned_that_day_is_another_summons():
    german = sig(19, 3, "Iran summons German ambassador over Berlin court ruling",
                 "Iran's Foreign Ministry on Tuesday summoned Germany's ambassador to protest against a Berlin court's "
                 "ruling against two Iranian nationals, state media said.")
    kept_apart([SUMMONS_FA, SUMMONS_EN], [german])


def test_guard_a_report_mentioning_parliament_stays_apart_from_parliament_s_vote():
    # lawmakers approve (a plural verb: the vote is said first), the agency's report of that day mentions the vote
    vote = sig(20, 2, "تصویب طرح الزام بازرسی‌ها به مجوز شورای عالی امنیت ملی",
               "نمایندگان مجلس شورای اسلامی روز سه‌شنبه طرحی را تصویب کردند که هر بازرسی تازه آژانس بین‌المللی انرژی "
               "اتمی را به مجوز شورای عالی امنیت ملی منوط می‌کند.")
    report = sig(21, 5, "گزارش آژانس: ذخایر اورانیوم غنی‌شده ایران باز هم افزایش یافت",
                 "آژانس بین‌المللی انرژی اتمی در گزارش فصلی خود که روز سه‌شنبه منتشر شد اعلام کرد ذخایر اورانیوم "
                 "غنی‌شده ایران افزایش یافته و دسترسی بازرسان همچنان محدود است. در این گزارش به طرح تازه مجلس اشاره "
                 "نشده است.")
    assert vote.primary == {"approval"} and "Iranian parliament" in report.organisations
    assert link(vote, report, _weight([vote, report])) is None
