"""Issue 8, session 34, fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

Day reading: "Wednesday's talks" told late on Tuesday, a Persian weekday with a future or present verb or dating
«برگزاری», are no news day (``core.signature._named_day``). Precision: whom a lead names first is no background against
a framed occasion (``_excused``); a sidelines meeting, or a place against a body's statement, on the text route for
leads naming nobody in common; a name told only in two bodies is no incident when each lead names first someone the
other never mentions (``incident``); a sidelines event is not the plenary speech; a market's move is not the speech
its lead names as the cause; a headline's closing "as" clause is background; a Persian op-ed report is an op-ed.
Recall: one round told twice in one language (``_round_told_twice``)."""

from __future__ import annotations

from datetime import date

from core.stories import _conflict, _round_told_twice, incident, link
from tests.core.test_story_classes import _weight, kept_apart, sig

EVE = sig(1, 10.75, "Araghchi and Omani counterpart prepare new round",
          "Iranian Foreign Minister Abbas Araghchi held talks with Omani Foreign Minister Badr Albusaidi in Muscat on "
          "Tuesday evening, hours after landing from Doha, to prepare for Wednesday's indirect negotiations with the "
          "United States. Oman's foreign ministry said the two ministers went over the agenda of the round and the "
          "arrangements for the two delegations.")
ROUND = [
    sig(2, 27, "Iran and US end fourth round of talks in Muscat",
        "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff ended a fourth round of indirect "
        "negotiations in Muscat on Wednesday, with Omani Foreign Minister Badr Albusaidi carrying messages between "
        "the two delegations, which sat in separate rooms."),
    sig(3, 28, "Omani mediator says fourth round made progress",
        "Omani Foreign Minister Badr Albusaidi said on Wednesday that the fourth round of indirect negotiations "
        "between Iran and the United States in Muscat had made progress, after carrying messages between Abbas "
        "Araghchi and Steve Witkoff for four hours."),
]


def test_an_eve_meeting_told_late_keeps_its_day_against_wednesday_s_talks():
    assert EVE.day == date(2025, 4, 15)  # not Wednesday, though Tehran is already there at 20:45 UTC
    assert all(link(EVE, r, _weight([EVE, *ROUND])) is None for r in ROUND)
    kept_apart([EVE], ROUND)


def test_guard_a_weekday_told_late_is_still_tehran_s_today():
    told = sig(4, 10.75, "دیدار عراقچی و بوسعیدی در مسقط",
               "عباس عراقچی بامداد چهارشنبه در مسقط با بدر البوسعیدی، وزیر خارجه عمان، دیدار کرد.")
    assert told.day == date(2025, 4, 16)


SPEECH = sig(11, 0, "Pezeshkian uses summit speech to condemn US sanctions",
             "Iranian President Masoud Pezeshkian told a regional summit in Ashgabat on Tuesday that US sanctions "
             "amounted to economic warfare, in a speech to leaders of the Economic Cooperation Organization, a "
             "grouping that includes Turkey and Pakistan. Pezeshkian called on summit members to trade in national "
             "currencies and said Iran was open to diplomacy with Washington through Oman.")
FRINGES = sig(12, 2, "Erdogan tells Pezeshkian Turkey backs Iran-US diplomacy",
              "Turkish President Recep Tayyip Erdogan told Iranian President Masoud Pezeshkian on Tuesday that Ankara "
              "supported diplomacy between Tehran and Washington and was ready to help, a Turkish statement said, as "
              "the two leaders met on the fringes of a regional summit in Ashgabat. Pezeshkian told the Turkish "
              "leader that Iran was open to diplomacy through Oman but that sanctions amounted to economic warfare.")


def test_a_meeting_on_the_fringes_led_by_its_guest_is_not_the_speech():
    assert SPEECH.frame and FRINGES.first == "Recep Tayyip Erdogan"  # what the rule reads
    assert link(SPEECH, FRINGES, _weight([SPEECH, FRINGES])) is None
    kept_apart([SPEECH], [FRINGES])


DECLARATION = sig(21, 6, "Asian summit in Doha ends with call for dialogue",
                  "Leaders from across Asia ended a one-day summit in Doha on Tuesday with a declaration that backed "
                  "dialogue on regional crises, welcomed the Oman-mediated negotiations and called for closer "
                  "co-operation on energy. The meeting was chaired by Qatar's emir, Sheikh Tamim bin Hamad Al Thani, "
                  "and heard Iranian President Masoud Pezeshkian criticise sanctions.")
SIDELINES = sig(22, 5, "Pezeshkian, Qatari emir review ties and frozen funds",
                "Iranian President Masoud Pezeshkian and Sheikh Tamim bin Hamad Al Thani met on the sidelines of an "
                "Asian summit in Doha on Tuesday, reviewing bilateral ties and Iranian funds held in Qatari banks. "
                "Pezeshkian thanked Qatar for its constructive positions, and the emir said his country would help "
                "the Oman-mediated negotiations succeed.")


def test_a_meeting_on_a_summit_s_sidelines_is_not_the_summit_s_declaration():
    assert "sidelines meeting" in SIDELINES.primary and not DECLARATION.lead & (DECLARATION.officials | DECLARATION.people)
    assert link(DECLARATION, SIDELINES, _weight([DECLARATION, SIDELINES])) is None
    kept_apart([DECLARATION], [SIDELINES])


MEDIATOR = sig(31, 4, "Omani foreign minister in Tehran after Muscat round",
               "Oman's Foreign Minister Badr Albusaidi travelled to Tehran on Tuesday for meetings with Iran's leadership, "
               "two days after hosting a round of talks between Iran and the United States. It came a day after the release of an Iranian-American engineer, Kamran Rostami, "
               "who was flown to Muscat on an Omani plane. Iran's foreign ministry told a press conference the visit had long "
               "been planned.")
REMARKS = sig(32, 9, "ترامپ: ایران خواهان توافق است",
              "دونالد ترامپ، رئیس‌جمهور آمریکا، روز سه‌شنبه در کاخ سفید به خبرنگاران گفت ایران به‌شدت خواهان توافق "
              "است و ظرف چند هفته آینده روشن می‌شود که توافقی در کار است یا نه. او آزادی کامران رستمی را خبری "
              "عالی خواند و گفت آمریکا برای آن پولی نپرداخته است.")


def test_a_release_two_leads_tell_in_passing_is_no_incident_of_theirs():
    assert MEDIATOR.first == "Badr Albusaidi" and REMARKS.first == "Donald Trump"  # neither named by the other
    assert incident(MEDIATOR, REMARKS) == ()
    assert link(MEDIATOR, REMARKS, _weight([MEDIATOR, REMARKS])) is None
    kept_apart([MEDIATOR], [REMARKS])


def test_guard_a_release_two_leads_report_is_one_incident_whoever_each_names_first():
    freed = sig(33, 3, "Iran frees Iranian-American engineer",
                "Iran's judiciary spokesman said on Tuesday that Iranian-American engineer Kamran Rostami had been "
                "released on humanitarian grounds and flown to Muscat aboard an Omani plane.")
    welcomed = sig(34, 6, "Rubio welcomes release of engineer held in Iran",
                   "US Secretary of State Marco Rubio on Tuesday welcomed the release of Kamran Rostami, the "
                   "Iranian-American engineer freed by Iran and flown to Muscat, and thanked Oman for its help.")
    assert incident(freed, welcomed)


WIRE_ON_MEDIATOR = sig(41, 27, "US and Iran wrap up fourth round in Oman, agree to meet again",
                       "Iranian and US negotiators ended a fourth round of indirect talks in Muscat on Wednesday after "
                       "about four hours, with Oman's Foreign Minister Badr Albusaidi saying the two sides had made some "
                       "progress and agreed to meet again within two weeks. Albusaidi, who shuttled between the rooms, "
                       "carried messages between Abbas Araghchi and Steve Witkoff.")
AGENCY_ON_MINISTER = sig(42, 26, "Araghchi calls fourth round serious and professional",
                         "Foreign Minister Abbas Araghchi said the fourth round of indirect negotiations with the United "
                         "States, held in Muscat on Wednesday, was serious and professional, and that expert teams "
                         "would carry on with the details next week. He thanked the Sultanate for hosting the talks.")


def test_one_round_told_in_one_language_on_the_mediator_and_on_the_minister_is_one_story():
    assert "Badr Albusaidi" not in AGENCY_ON_MINISTER.names  # what kept them apart: a name only one article gives
    assert link(WIRE_ON_MEDIATOR, AGENCY_ON_MINISTER, _weight([WIRE_ON_MEDIATOR, AGENCY_ON_MINISTER])) is not None


def test_guard_an_audience_with_the_sultan_told_in_the_round_s_words_is_not_the_round():
    round_fa = sig(43, 26, "پایان دور چهارم مذاکرات در مسقط",
                   "عباس عراقچی روز چهارشنبه پس از پایان دور چهارم گفت‌وگوهای غیرمستقیم ایران و آمریکا در مسقط فضای "
                   "آن را جدی توصیف کرد. پیام‌ها با میانجیگری بدر البوسعیدی مبادله شد و عراقچی از سلطان هیثم بن طارق "
                   "و رئیس‌جمهور مسعود پزشکیان برای پشتیبانی از این مسیر قدردانی کرد.")
    audience = sig(44, 22, "دیدار عراقچی با سلطان عمان در مسقط",
                   "عباس عراقچی، وزیر امور خارجه، عصر چهارشنبه در کاخ العلم مسقط با سلطان هیثم بن طارق دیدار و "
                   "گفت‌وگو کرد و پیام مسعود پزشکیان را به او رساند. او از نقش مسقط در تسهیل مذاکرات غیرمستقیم "
                   "قدردانی کرد.")
    assert "round of talks" not in audience.primary
    _, unexplained = _conflict(round_fa, audience)
    assert not _round_told_twice(round_fa, audience, unexplained)  # in one language, both must say the round first


def test_a_persian_weekday_told_with_a_future_verb_is_no_day_of_last_week():
    preview = sig(51, -3, "بقائی: دور تازه مذاکرات پنجشنبه در مسقط برگزار می‌شود",
                  "سخنگوی وزارت امور خارجه در نشست خبری هفتگی اعلام کرد که دور تازه گفت‌وگوهای غیرمستقیم ایران و "
                  "آمریکا روز پنجشنبه در مسقط برگزار خواهد شد.")
    assert preview.day != date(2025, 4, 10)  # told on Tuesday: next Thursday, not last week's
    briefing = sig(52, -1, "Baqaei: new round of talks in Muscat on Thursday",
                   "Foreign Ministry spokesman Esmaeil Baqaei told his weekly press conference on Tuesday that the new "
                   "round of indirect negotiations with the United States would be held in Muscat on Thursday.")
    assert briefing.day == date(2025, 4, 15)
    assert preview.day in (None, briefing.day)  # no different days to keep the two accounts of the briefing apart


def test_guard_a_persian_weekday_of_words_said_or_an_award_in_billions_keeps_its_day():
    said = sig(53, 2, "عراقچی: دور بعد در مسقط برگزار می‌شود",
               "عباس عراقچی روز دوشنبه گفت دور بعدی گفت‌وگوهای غیرمستقیم در مسقط برگزار می‌شود.")
    assert said.day == date(2025, 4, 14)
    ruling = sig(54, 2, "حکم دادگاه تهران علیه آمریکا",
                 "دادگاه عمومی تهران روز دوشنبه دولت آمریکا را به پرداخت ۴ میلیارد دلار غرامت به خانواده قربانیان "
                 "تحریم دارو محکوم کرد.")
    assert ruling.day == date(2025, 4, 14)


PLENARY = sig(61, 3, "Asian summit adopts declaration; Pezeshkian condemns unilateral sanctions",
              "Leaders of an Asian economic bloc ended their summit in Ashgabat on Tuesday by adopting a declaration on "
              "transit corridors. Addressing the summit's plenary session, President Masoud Pezeshkian said unilateral "
              "sanctions violated international law and proposed a clearing mechanism for trade in national "
              "currencies.")
SIDELINES_REMARKS = sig(62, 1, "پزشکیان در عشق‌آباد: توافق با آمریکا دست‌یافتنی است",
                        "مسعود پزشکیان، رئیس‌جمهور ایران، روز سه‌شنبه در حاشیه اجلاس سران در عشق‌آباد به خبرنگاران "
                        "گفت اگر طرف آمریکایی صادق باشد، رسیدن به توافق دشوار نیست و ایران هر راستی‌آزمایی لازم را "
                        "می‌پذیرد. او درباره تحریم‌های یکجانبه نیز سخن گفت.")


def test_remarks_on_a_summit_s_sidelines_are_not_the_plenary_speech():
    assert "sidelines meeting" in SIDELINES_REMARKS.primary and "speech" in PLENARY.frame  # what the rule reads
    assert link(PLENARY, SIDELINES_REMARKS, _weight([PLENARY, SIDELINES_REMARKS])) is None
    kept_apart([PLENARY], [SIDELINES_REMARKS])


SPEECH_FA = sig(71, 2, "خامنه‌ای: مذاکره مشکلات را حل نمی‌کند",
                "آیت‌الله علی خامنه‌ای روز چهارشنبه در دیدار با جمعی از بسیجیان گفت مذاکره با آمریکا مشکلات کشور را "
                "حل نمی‌کند و غنی‌سازی قابل معامله نیست. او با ادامه تلاش‌های دیپلماتیک دولت مخالفت نکرد.")
RIAL_FA = sig(72, 6, "ریال پس از مذاکرات تقویت شد، اما سخنان خامنه‌ای بازار را مردد کرد",
              "ارزش ریال روز چهارشنبه در بازار آزاد تهران تقویت شد و هر دلار تا ۱۰۶ هزار تومان پایین آمد، اما به "
              "گفته معامله‌گران پس از پخش سخنان علی خامنه‌ای درباره مذاکره، روند کاهشی دلار متوقف شد.")


def test_a_market_move_naming_the_speaker_as_its_cause_is_not_his_speech():
    assert "currency market" in RIAL_FA.primary and SPEECH_FA.first == "Ali Khamenei" in RIAL_FA.lead
    assert link(SPEECH_FA, RIAL_FA, _weight([SPEECH_FA, RIAL_FA])) is None
    kept_apart([SPEECH_FA], [RIAL_FA])


def test_a_persian_weekday_dating_the_holding_of_a_round_is_not_the_news_day():
    announced = sig(81, -2, "نشست خبری هفتگی سخنگوی وزارت خارجه",
                    "سخنگوی وزارت امور خارجه در نشست خبری هفتگی خود از برگزاری دور جدید گفت‌وگوهای غیرمستقیم ایران و "
                    "آمریکا در روز پنجشنبه خبر داد.")
    assert announced.day != date(2025, 4, 10)  # told on Tuesday: the round to come, not last Thursday


def test_a_persian_report_of_an_op_ed_is_the_op_ed():
    op_ed = sig(91, 0, "عراقچی در فایننشال تایمز: ایران آماده توافق است",
                "عباس عراقچی، وزیر خارجه، در یادداشتی که روز سه‌شنبه در روزنامه فایننشال تایمز منتشر شد، نوشت تهران "
                "آماده توافقی منصفانه است.")
    assert "op-ed" in op_ed.primary


def test_a_round_the_speaker_did_not_mention_is_not_what_his_lead_says_first():
    speech = sig(92, 0, "خامنه‌ای: مذاکره مشکلات را حل نمی‌کند",
                 "علی خامنه‌ای روز سه‌شنبه در دیدار گروهی از مردم گفت مذاکره با آمریکا مشکلات کشور را حل نمی‌کند و "
                 "بدون اشاره مستقیم به دور تازه مذاکرات در مسقط افزود مذاکره‌کنندگان خطوط قرمز را می‌دانند.")
    assert "round of talks" not in speech.primary


def test_a_headline_s_closing_as_clause_is_background():
    bill = sig(93, 4, "Iranian parliament advances bill to vet any nuclear deal as Khamenei casts doubt on talks",
               "Iran's parliament on Tuesday advanced a bill that would subject any nuclear agreement with the United "
               "States to a vote by lawmakers, days before a new round of talks in Oman.")
    assert "Ali Khamenei" not in bill.lead and bill.first != "Ali Khamenei"
    drill = sig(94, 4, "Gulf states watch as IRGC stages missile drills",
                "Gulf states watched closely on Tuesday as Iran's Revolutionary Guards fired missiles in drills near "
                "the Strait of Hormuz.")
    assert "IRGC" in drill.lead  # a headline of fewer than five words before "as": the drill is the news


GENEVA = sig(95, 8, "Iran and European diplomats hold nuclear talks in Geneva",
             "Iranian and European diplomats held talks in Geneva on Tuesday on Tehran's nuclear programme, hours after "
             "Britain, France and Germany warned they could seek to refer the Islamic republic to the UN Security "
             "Council over a parliamentary bill. Iran's deputy foreign minister Majid Takht-Ravanchi met the political "
             "directors of the three countries, known as the E3, at the Iranian mission in Geneva to discuss cooperation "
             "with the IAEA, state media said.")
E3_STATEMENT = sig(96, 1, "European powers say Iran bill deeply concerning, urge full IAEA access",
                   "PARIS (Reuters) - Britain, France and Germany said on Tuesday they were deeply concerned by an "
                   "Iranian parliamentary bill that would curb nuclear inspections and urged Tehran to give the "
                   "International Atomic Energy Agency full access to its nuclear sites. In a joint statement, the "
                   "three countries, known as the E3, said they remained committed to diplomacy and welcomed the talks "
                   "their envoys would hold with Iranian diplomats in Geneva later in the day.")


def test_talks_at_a_place_are_not_a_body_s_statement_that_morning():
    assert "Geneva" in GENEVA.lead and "bill" in E3_STATEMENT.primary and not GENEVA.primary  # what the rule reads
    assert link(GENEVA, E3_STATEMENT, _weight([GENEVA, E3_STATEMENT])) is None
    kept_apart([GENEVA], [E3_STATEMENT])
