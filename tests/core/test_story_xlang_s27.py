"""Cross-language recall of issue 8 (session 27), fixtures of our own wording, each with guards that must stay apart.
T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- One round of talks told in two languages: each account names other people of it --------------------------

ROUND_EN = sig(1, 6, "Iran and US wrap up new round of indirect talks in Muscat",
               "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held a new round of indirect talks "
               "in Muscat on Tuesday, passing messages through Omani mediators for nearly four hours. Both delegations "
               "agreed that experts would meet next week to draft a framework.")
ROUND_FA_MINISTER = sig(2, 7, "عراقچی: دور تازه مذاکرات در مسقط جدی و صریح بود",
                        "سید عباس عراقچی، وزیر امور خارجه، پس از پایان دور تازه مذاکرات غیرمستقیم ایران و آمریکا در "
                        "مسقط در روز سه‌شنبه گفت گفت‌وگوها در فضایی جدی برگزار شد. وی افزود کارشناسان دو طرف هفته "
                        "آینده دیدار خواهند کرد.")
ROUND_FA_SOURCE = sig(3, 8, "روایتی از دور تازه مذاکرات در مسقط: پیام‌ها رد و بدل شد",
                      "دور تازه مذاکرات غیرمستقیم ایران و آمریکا که امروز در مسقط برگزار شد، به گفته یک منبع آگاه "
                      "نزدیک به تیم مذاکره‌کننده بدون تفاهم بر سر موضوعات اصلی به پایان رسید. این منبع گفت دو طرف بر "
                      "آغاز گفت‌وگوهای کارشناسی توافق کردند.")


def test_a_round_told_naming_the_envoy_and_naming_only_the_minister_is_one_story_across_languages():
    weight = _weight([ROUND_EN, ROUND_FA_MINISTER])
    assert link(ROUND_EN, ROUND_FA_MINISTER, weight) is not None


def test_a_round_told_by_a_source_naming_nobody_joins_the_accounts_that_name_the_negotiators():
    weight = _weight([ROUND_EN, ROUND_FA_SOURCE])
    assert link(ROUND_EN, ROUND_FA_SOURCE, weight) is not None
    assert stories([ROUND_EN, ROUND_FA_MINISTER, ROUND_FA_SOURCE]) == [[1, 2, 3]]


def test_guard_a_round_of_another_day_at_the_same_place_is_another_round():
    thursday = sig(4, 54, "دور دیگری از مذاکرات ایران و آمریکا در مسقط برگزار شد",
                   "دور دیگری از مذاکرات غیرمستقیم ایران و آمریکا روز پنجشنبه در مسقط برگزار شد و مجید تخت‌روانچی "
                   "ریاست هیئت ایرانی را بر عهده داشت.")
    kept_apart([ROUND_EN, ROUND_FA_MINISTER], [thursday])


def test_guard_the_market_moving_meanwhile_is_no_account_of_the_round():
    market = sig(5, 2, "عقب‌نشینی دلار در بازار تهران همزمان با دور تازه مذاکرات در مسقط",
                 "نرخ دلار در بازار آزاد تهران امروز سه‌شنبه به ۹۸ هزار تومان رسید. فعالان بازار دلیل این افت را "
                 "انتظارات مثبت از دور تازه گفت‌وگوهای ایران و آمریکا در مسقط می‌دانند.")
    kept_apart([ROUND_EN, ROUND_FA_MINISTER], [market])
    kept_apart([ROUND_EN, ROUND_FA_SOURCE], [market])


def test_guard_a_speaker_s_remarks_hours_before_the_round_are_his_news():
    speaker = sig(6, 1, "Ghalibaf warns Washington hours before Muscat talks",
                  "Iranian Parliament Speaker Mohammad Bagher Ghalibaf on Tuesday warned the United States against "
                  "making demands Iran would never accept. His remarks came as Iranian and American negotiators were "
                  "gathering in Muscat for a new round of talks.")
    kept_apart([ROUND_EN, ROUND_FA_SOURCE], [speaker])
    kept_apart([ROUND_EN, ROUND_FA_MINISTER], [speaker])


def test_guard_a_government_welcoming_the_round_is_its_own_statement():
    welcome = sig(7, 5, "Kuwait backs Oman's mediation between Tehran and Washington",
                  "Kuwait on Tuesday voiced support for the talks between Iran and the United States. \"We welcome the "
                  "holding of a new round of talks in Muscat,\" the Kuwaiti foreign ministry said in a statement.")
    kept_apart([ROUND_EN, ROUND_FA_MINISTER], [welcome])


def test_guard_an_analysis_of_a_speech_a_day_after_the_round_is_about_the_speech():
    analysis = sig(8, 26, "تحلیل: سخنان خامنه‌ای پس از مسقط",
                   "سخنرانی علی خامنه‌ای در جمع دانشجویان، یک روز پس از دور تازه مذاکرات در مسقط، پیامی دوگانه داشت. "
                   "رهبر جمهوری اسلامی از تیم مذاکره‌کننده عباس عراقچی حمایت کرد اما خواسته آمریکا را نپذیرفت.")
    kept_apart([ROUND_EN, ROUND_FA_MINISTER], [analysis])
    kept_apart([ROUND_EN, ROUND_FA_SOURCE], [analysis])


def test_what_is_to_come_happened_meanwhile_or_is_welcomed_is_never_the_primary_kind():
    before = sig(20, 0, "Speaker rebukes Trump hours before Muscat talks",
                 "Parliament Speaker Mohammad Bagher Ghalibaf on Tuesday rebuked Donald Trump's threats.")
    meanwhile = sig(21, 0, "افت دلار همزمان با دور تازه مذاکرات",
                    "نرخ دلار امروز در بازار آزاد تهران کاهش یافت.")
    welcomed = sig(22, 0, "Bahrain statement on Iran talks",
                   "Bahrain on Tuesday said it welcomed the holding of a new round of talks in Muscat.")
    held = sig(23, 0, "Iran and US hold new round of talks in Muscat",
               "Iranian and US negotiators held a new round of talks in Muscat on Tuesday.")
    assert "round of talks" not in before.primary | meanwhile.primary | welcomed.primary
    assert held.primary == {"round of talks"}


def test_a_numbered_round_told_as_background_is_not_the_lead_s_round():
    remarks = sig(24, 0, "Ghalibaf rejects threats",
                  "Parliament Speaker Mohammad Bagher Ghalibaf said on Tuesday Iran would not bow to threats. His remarks "
                  "came as negotiators were gathering in Muscat for a fifth round of talks.")
    assert remarks.round is None and "round of talks" not in remarks.primary


# --- ... one account saying first nothing, naming only the talks ----------------------------------------------------

TALKS_EN = sig(30, 6, "Iran, US envoys hold indirect talks in Muscat, agree to meet again",
               "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held indirect talks in Muscat on "
               "Tuesday, with messages carried between their rooms for about three hours. Both sides agreed to meet "
               "again within two weeks.")
ROUND_FA_LATE = sig(31, 8, "عراقچی: جزئیات دور جدید گفت‌وگو در عمان",
                    "سید عباس عراقچی پس از پایان دور جدید مذاکرات غیرمستقیم در مسقط گفت حق غنی‌سازی قابل مذاکره نیست "
                    "و دو طرف به زودی دوباره دیدار می‌کنند.")


def test_an_account_naming_only_the_talks_joins_the_round_the_other_language_says_first():
    assert "round of talks" not in TALKS_EN.primary  # "held indirect talks": the talks, no kind of action
    assert link(TALKS_EN, ROUND_FA_LATE, _weight([TALKS_EN, ROUND_FA_LATE])) is not None


def test_guard_a_government_s_statement_on_the_talks_names_its_own_place():
    doha = sig(32, 7, "Qatar backs Oman mediation as Iran and US hold talks",
               "Qatar on Tuesday voiced support for the indirect negotiations in Muscat between Iran and the United "
               "States and said it was ready to help.")
    kept_apart([ROUND_FA_LATE], [doha])


def test_guard_a_speech_about_the_talks_is_the_speech():
    speech = sig(33, 9, "Pezeshkian: negotiations in Muscat must bring real sanctions relief",
                 "President Masoud Pezeshkian said in a speech to provincial governors on Tuesday that the negotiations in "
                 "Muscat had to bring real sanctions relief.")
    kept_apart([ROUND_FA_LATE], [speech])


# --- One person's words in two languages, one lead adding those he spoke to ----------------------------------------

LEADER_EN = sig(40, 2, "Khamenei: talks are a tool, the economy must not wait for them",
                "Iran's Supreme Leader Ayatollah Ali Khamenei said on Tuesday that negotiations with the United States "
                "were only a tool and that the country's economy must not be made to wait for their outcome, state "
                "media reported.")
LEADER_FA = sig(41, 4, "رهبر انقلاب: اقتصاد کشور را معطل مذاکره نکنید",
                "آیت‌الله علی خامنه‌ای روز سه‌شنبه در دیدار با سران قوا گفت مذاکره با آمریکا تنها یک ابزار است و "
                "نباید اقتصاد کشور را منتظر نتیجه آن نگه داشت.")


def test_one_speaker_s_words_told_with_and_without_those_he_addressed_are_one_story_across_languages():
    assert link(LEADER_EN, LEADER_FA, _weight([LEADER_EN, LEADER_FA])) is not None


def test_guard_another_person_s_remarks_that_day_are_his_own():
    president = sig(42, 5, "پزشکیان: دولت برنامه اقتصادی را به مذاکرات گره نمی‌زند",
                    "مسعود پزشکیان، رئیس‌جمهور، روز سه‌شنبه گفت دولت برنامه‌های اقتصادی را به نتیجه مذاکرات با آمریکا "
                    "گره نمی‌زند و علی خامنه‌ای نیز بر همین نکته تأکید کرده است.")
    kept_apart([LEADER_EN, LEADER_FA], [president])


def test_guard_the_speaker_s_act_that_day_is_another_event():
    pardon = sig(43, 6, "Khamenei pardons hundreds of prisoners",
                 "Iran's Supreme Leader Ayatollah Ali Khamenei on Tuesday pardoned or commuted the sentences of hundreds "
                 "of prisoners, the judiciary said, in a release marking a religious holiday.")
    assert link(LEADER_FA, pardon, _weight([LEADER_FA, pardon])) is None


def test_guard_the_speaker_s_words_of_another_day_are_other_words():
    monday = sig(44, -20, "Khamenei: no talks under pressure",
                 "Iran's Supreme Leader Ali Khamenei said on Monday that Iran would not negotiate under pressure, "
                 "addressing a gathering of clerics and officials of the judiciary in Tehran.")
    kept_apart([LEADER_FA], [monday])
