"""Cross-language recall of issue 8 (session 26), fixtures of our own wording, each with a guard that must stay apart.
T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- One release: the judiciary's account names nobody, the wire's names the freed man --------------------------

JUDICIARY = sig(1, 0, "آزادی یک محکوم دوتابعیتی با موافقت رئیس قوه قضاییه",
                "به گزارش میزان، یک محکوم دوتابعیتی که به اتهام جاسوسی در زندان بود، روز سه‌شنبه با موافقت رئیس "
                "قوه قضاییه و به دلایل انسانی آزاد شد. سخنگوی قوه قضاییه گفت این فرد با هواپیمای عمانی تهران را "
                "به مقصد مسقط ترک کرده است.")
WIRE = sig(2, 2, "Iran frees jailed US-Iranian architect, who flies to Oman",
           "Iran on Tuesday released Farhad Mostofi, an Iranian-American architect held for two years on spying "
           "charges, and he left Tehran on an Omani plane bound for Muscat, his lawyer said. Mostofi, 58, had "
           "been sentenced to eight years.")
JUDICIARY_EN = sig(3, 1, "Judiciary: dual-national convict freed on humanitarian grounds",
                   "A dual-national prisoner convicted of espionage was released on Tuesday on humanitarian grounds "
                   "after the head of the judiciary approved a pardon, the judiciary's news agency said. Its "
                   "spokesman said the man had left Tehran for Muscat.")


NAMED_FA = sig(13, 4, "فرهاد مستوفی، معمار ایرانی-آمریکایی، آزاد شد و به مسقط رفت",
               "فرهاد مستوفی، معمار ۵۸ ساله ایرانی-آمریکایی که دو سال به اتهام جاسوسی در زندان بود، روز سه‌شنبه "
               "آزاد شد و با هواپیمایی عمانی از تهران به مسقط رفت. وکیل او این خبر را تأیید کرد.")


def test_a_release_told_by_the_judiciary_and_by_the_freed_man_s_name_is_one_story_across_languages():
    weight = _weight([JUDICIARY, WIRE, JUDICIARY_EN, NAMED_FA])
    assert link(JUDICIARY, WIRE, weight) is not None
    assert link(JUDICIARY_EN, NAMED_FA, weight) is not None
    assert stories([JUDICIARY, WIRE, JUDICIARY_EN, NAMED_FA]) == [[1, 2, 3, 13]]


def test_guard_another_nationality_s_release_that_day_is_another_release():
    french = sig(14, 3, "آزادی یک زندانی فرانسوی با عفو رئیس قوه قضاییه",
                 "به گزارش میزان، یک زندانی فرانسوی که به اتهام جاسوسی در زندان بود، روز سه‌شنبه با عفو رئیس قوه "
                 "قضاییه آزاد شد. سخنگوی قوه قضاییه گفت او تهران را ترک کرده است.")
    assert link(french, JUDICIARY_EN, _weight([french, JUDICIARY_EN])) is None


def test_guard_two_releases_of_one_day_flown_to_different_cities_stay_apart():
    doha = sig(4, 3, "Iran frees French teacher, who lands in Doha",
               "Iran on Tuesday released a French teacher held in Evin prison for a year, and she was flown to Doha "
               "on a Qatari plane, the French foreign ministry said. Paris thanked Qatar for its help.")
    kept_apart([JUDICIARY, WIRE], [doha])


def test_guard_a_sentence_of_another_prisoner_that_day_is_no_release():
    sentence = sig(5, 4, "Iranian court sentences British-Iranian to ten years",
                   "A Revolutionary Court in Tehran on Tuesday sentenced a British-Iranian charity worker to ten years "
                   "in prison on espionage charges, the judiciary's news agency said.")
    kept_apart([JUDICIARY, WIRE], [sentence])


def test_guard_remarks_about_the_release_by_a_named_leader_are_his_news():
    remarks = sig(6, 5, "Trump hails release of American held in Iran",
                  "President Donald Trump on Tuesday welcomed the release of an American held in Iran, telling "
                  "reporters in the Oval Office that Tehran wanted a deal and that the freed man was on his way home.")
    kept_apart([JUDICIARY, WIRE], [remarks])


# --- "UN sanctions": the sanctions in either language, not the body acting ---------------------------------------

E3_FA = sig(7, 3, "هشدار سه کشور اروپایی به ایران درباره بازگشت تحریم‌ها",
            "بریتانیا، فرانسه و آلمان روز سه‌شنبه در بیانیه‌ای مشترک هشدار دادند اگر ایران همکاری کامل با آژانس "
            "بین‌المللی انرژی اتمی را از سر نگیرد، سازوکار ماشه را برای بازگرداندن تحریم‌های سازمان ملل فعال "
            "خواهند کرد. تروئیکای اروپایی گفت ذخایر اورانیوم غنی‌شده ایران نگران‌کننده است.")
E3_EN = sig(8, 1, "European powers warn Iran of snapback over enriched uranium",
            "Britain, France and Germany warned on Tuesday they would trigger the snapback of UN sanctions on Iran "
            "unless it restored full cooperation with the International Atomic Energy Agency, in a joint statement "
            "issued in Paris. The E3 said Iran's stockpile of enriched uranium was a grave concern.")


def test_un_sanctions_in_persian_name_no_body_as_in_english():
    assert "UN" not in E3_FA.lead and "UN" not in E3_EN.lead
    assert link(E3_FA, E3_EN, _weight([E3_FA, E3_EN])) is not None


def test_guard_the_un_acting_is_still_named():
    un = sig(9, 2, "سازمان ملل: گزارش آژانس باید با دقت بررسی شود",
             "سازمان ملل روز سه‌شنبه در بیانیه‌ای از همه طرف‌ها خواست گزارش تازه آژانس بین‌المللی انرژی اتمی "
             "درباره ایران را با دقت بررسی کنند و از تشدید تنش بپرهیزند.")
    assert "UN" in un.lead
    kept_apart([E3_FA, E3_EN], [un])


# --- Iran's Supreme National Security Council is not the UN's -----------------------------------------------------

BILL_EN = sig(10, 2, "Iranian lawmakers back bill giving security council a veto on inspections",
              "Iran's parliament on Tuesday approved the outline of a bill that would require the Supreme National "
              "Security Council to approve every new inspection by the International Atomic Energy Agency, state "
              "media said. The vote was 187 to 22.")
BILL_FA = sig(11, 3, "تصویب کلیات طرح الزام بازرسی‌های آژانس به مجوز شورای عالی امنیت ملی",
              "نمایندگان مجلس شورای اسلامی روز سه‌شنبه کلیات طرحی را تصویب کردند که هر بازرسی تازه آژانس "
              "بین‌المللی انرژی اتمی را به مجوز شورای عالی امنیت ملی منوط می‌کند. این طرح با ۱۸۷ رأی موافق "
              "تصویب شد.")


def test_iran_s_national_security_council_is_no_un_body_in_either_language():
    assert "UN Security Council" not in BILL_EN.organisations | BILL_FA.organisations
    assert link(BILL_EN, BILL_FA, _weight([BILL_EN, BILL_FA])) is not None


def test_guard_the_un_security_council_is_still_named():
    council = sig(12, 4, "Security Council meets behind closed doors on Iran inspections",
                  "The UN Security Council held closed consultations on Tuesday on Iran's curbs on inspections, "
                  "diplomats said. The Security Council took no action.")
    assert "UN Security Council" in council.organisations
    kept_apart([BILL_EN, BILL_FA], [council])
