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

