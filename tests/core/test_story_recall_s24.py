"""Recall classes of issue 8 (session 24): one event split over several stories by what one account
adds, each with fixtures of our own wording and a guard that must stay apart. T0 is Tuesday 15 April
2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import conflict, incident, index_keys, link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- One round of talks, one account naming more of its participants ------------------------------

ROUND = [
    sig(1, 6, "Iran and US end round of talks in Muscat",
        "Iran's Foreign Minister Abbas Araghchi and US envoy Steve Witkoff ended a round of indirect talks in "
        "Muscat on Tuesday, with Oman's foreign minister Badr Albusaidi carrying messages between the rooms. "
        "Both sides said experts would meet next."),
    sig(2, 7, "پایان دور تازه مذاکرات در مسقط",
        "عباس عراقچی وزیر امور خارجه روز سه‌شنبه پس از پایان دور تازه مذاکرات غیرمستقیم در مسقط گفت "
        "گفت‌وگوها جدی بود و کارشناسان دو طرف به‌زودی دیدار می‌کنند."),
]


def test_a_participant_one_account_of_the_round_adds_is_no_other_event():
    assert conflict(*ROUND) is not None  # the Persian account never names the envoy
    assert link(*ROUND, _weight(ROUND)) is not None
    assert stories(ROUND) == [[1, 2]]


def test_guard_the_speaker_reacting_to_the_round_is_another_event():
    """His lead names the negotiator too, but names the speaker first: the news is his reaction."""
    reaction = sig(3, 8, "Ghalibaf says Muscat round shows US must lift sanctions",
                   "Parliament Speaker Mohammad Bagher Ghalibaf said on Tuesday that the round of talks Abbas "
                   "Araghchi held in Muscat showed Washington had to lift sanctions first.")
    assert link(ROUND[1], reaction, _weight([ROUND[1], reaction])) is None
    kept_apart(ROUND, [reaction])


def test_guard_each_lead_naming_its_own_person_is_two_events():
    """The round and, that day, the mediator's own remarks: each lead names someone the other does not."""
    remarks = sig(4, 9, "Albusaidi hopes for deal as talks go on",
                  "Oman's foreign minister Badr Albusaidi said on Tuesday after the round of talks in Muscat that "
                  "he hoped for an agreement within weeks, speaking at a ceremony in the Omani capital.")
    assert link(ROUND[1], remarks, _weight([ROUND[1], remarks])) is None


# --- One market move, one account naming the talks that moved it ---------------------------------

MARKET = [
    sig(11, 4, "Rial firms on Tehran market on day round of talks opens in Muscat",
        "The rial gained on Tehran's open currency market on Tuesday, the day a new round of talks opened in Muscat, "
        "with the dollar selling at about 1,290,000 rials, down from 1,340,000 a day earlier, currency traders said."),
    sig(12, 6, "کاهش قیمت دلار در بازار آزاد تهران",
        "قیمت دلار در بازار آزاد تهران روز سه‌شنبه کاهش یافت و هر دلار حدود ۱۲۹ هزار تومان معامله شد؛ "
        "صرافان از کاهش تقاضا در بازار ارز خبر دادند."),
]


def test_a_market_move_one_account_ties_to_the_talks_is_one_incident():
    assert "round of talks" in MARKET[0].lead and "round of talks" not in MARKET[1].lead
    assert incident(*MARKET)
    assert stories(MARKET) == [[11, 12]]


def test_guard_the_market_move_stays_apart_from_the_talks_and_news_in_their_place():
    talks = sig(13, 7, "Round of talks in Muscat ends with plan for expert meetings",
                "A round of indirect talks between Iran and the United States ended in Muscat on Tuesday with a plan "
                "for expert meetings next week, Omani officials said.")
    release = sig(14, 8, "Freed engineer lands in Muscat on way home",
                  "An Iranian engineer freed from a US prison landed in Muscat on Tuesday on his way home to Tehran, "
                  "Omani officials said.")
    kept_apart(MARKET, [talks], [release])


# --- One spokesman's briefing, one account naming no day --------------------------------------------

BRIEFING = [
    sig(21, 1, "Baqaei: next round of talks to be held in Muscat",
        "Foreign Ministry spokesman Esmaeil Baqaei said at his weekly press conference in Tehran on Tuesday that "
        "the next round of indirect talks with the United States would be held in Muscat, led by Abbas Araghchi."),
    sig(22, 2, "بقائی: دور بعدی مذاکرات در مسقط برگزار می‌شود",
        "اسماعیل بقائی سخنگوی وزارت امور خارجه در نشست خبری هفتگی گفت دور بعدی مذاکرات غیرمستقیم با آمریکا "
        "در مسقط و به ریاست عباس عراقچی برگزار خواهد شد."),
]


def test_one_speaker_s_briefing_about_the_talks_joins_when_one_account_names_no_day():
    assert BRIEFING[1].day is None and "press conference" in BRIEFING[0].frame & BRIEFING[1].frame
    assert incident(*BRIEFING)
    assert stories(BRIEFING) == [[21, 22]]


def test_guard_the_talks_and_another_speaker_s_briefing_stay_apart_from_it():
    talks = sig(23, 3, "دور تازه مذاکرات در مسقط با حضور عراقچی",
                "دور تازه مذاکرات غیرمستقیم ایران و آمریکا با حضور عباس عراقچی در مسقط برگزار شد و اسماعیل بقائی "
                "گفت جزئیات آن بعدا اعلام می‌شود.")
    other = sig(24, 4, "Araghchi: sanctions must go before any deal",
                "Foreign Minister Abbas Araghchi told a press conference on Tuesday that Washington had to lift "
                "sanctions before any agreement on the nuclear talks could be signed.")
    assert not incident(BRIEFING[1], talks) and not incident(BRIEFING[0], other)
    kept_apart(BRIEFING, [talks], [other])


# --- One waiver, the official who signed it named by one lead ------------------------------------------

WAIVER = [
    sig(31, 2, "US renews Iraq's waiver to pay Iran for electricity",
        "Secretary of State Marco Rubio on Tuesday renewed for 120 days the sanctions waiver that lets Iraq pay "
        "Iran for electricity imports, the State Department said."),
    sig(32, 4, "Washington extends Iraq electricity waiver for 120 days",
        "The United States on Tuesday extended for another 120 days the sanctions waiver allowing Iraq to pay "
        "Iran for the electricity it imports, US officials said on Tuesday evening.\nThe payments stay in "
        "restricted accounts that Iran can use only to buy food, medicine and other humanitarian goods, the officials "
        "added, and the waiver can be revoked at any time.\nThe renewal was signed by Marco Rubio, the State "
        "Department said."),
]


def test_one_waiver_joins_when_one_lead_names_the_official_the_other_article_names_later():
    assert "Marco Rubio" in WAIVER[0].lead and "Marco Rubio" not in WAIVER[1].lead
    assert stories(WAIVER) == [[31, 32]]


def test_guard_the_designation_that_day_stays_apart_from_the_waiver():
    designation = sig(33, 5, "US Treasury sanctions tankers carrying Iranian oil",
                      "The US Treasury on Tuesday imposed sanctions on nine tankers carrying Iranian oil to China, "
                      "officials said.\nSecretary of State Marco Rubio said pressure would continue.")
    kept_apart(WAIVER, [designation])


# --- One release, the Persian account of the ruling writing the freed man's name with a non-joiner -------

RELEASE = [
    sig(41, 1, "دادگاه تجدیدنظر حکم بهرام نیک‌نام را نقض کرد",
        "سخنگوی قوه قضاییه روز سه‌شنبه گفت دادگاه تجدیدنظر حکم ده سال حبس بهرام نیک‌نام، تبعه دوتابعیتی، را "
        "نقض کرد و مجازات او به حبس سپری‌شده کاهش یافت."),
    sig(42, 9, "Freed Iranian-American engineer lands in Doha",
        "Bahram Niknam, an Iranian-American engineer held in Iran for two years, landed in Doha late on Tuesday "
        "after his release, his lawyer said. He was met at the airport by his wife and two daughters, who had flown "
        "from Virginia, and by Qatari officials who had helped arrange his departure from Tehran's airport.\n"
        "Earlier that day, his ten-year sentence was cut to time served by an appeals court ruling."),
]


def test_the_ruling_and_the_release_it_brought_join_by_the_freed_man_s_name_in_either_script():
    assert "court ruling" not in RELEASE[1].lead & RELEASE[1].actions  # the release's lead tells no ruling
    assert set(index_keys(RELEASE[0])) & set(index_keys(RELEASE[1]))  # a candidate of the other
    assert incident(*RELEASE)
    assert stories(RELEASE) == [[41, 42]]


def test_guard_another_man_freed_that_day_stays_apart_from_the_ruling():
    other = sig(43, 10, "Freed British-Iranian teacher lands in Muscat",
                "Kaveh Rostami, a British-Iranian teacher held in Iran since last year, landed in Muscat late on "
                "Tuesday after his release, his family said.\nAn appeals court had cut his sentence that morning.")
    assert not incident(RELEASE[0], other)
    kept_apart(RELEASE, [other])


# --- One body's act, one account naming no day ---------------------------------------------------------

BODY_ACT = [
    sig(51, 1, "State Department extends Iraq's sanctions waiver",
        "The State Department on Tuesday extended by 120 days the sanctions waiver under which Baghdad "
        "buys Iranian power, a spokesperson said."),
    sig(52, 3, "تمدید معافیت تحریمی عراق از سوی وزارت خارجه آمریکا",
        "وزارت خارجه آمریکا معافیت تحریمی بغداد برای خرید برق از ایران را ۱۲۰ روز دیگر تمدید کرد."),
]


def test_one_body_s_act_joins_in_two_languages_when_one_account_names_no_day():
    assert BODY_ACT[1].day is None
    assert stories(BODY_ACT) == [[51, 52]]


def test_guard_another_body_s_act_or_another_kind_of_act_stays_apart():
    designation = sig(53, 4, "تحریم نفتکش‌های حامل نفت ایران از سوی خزانه‌داری آمریکا",
                      "وزارت خزانه‌داری آمریکا ۹ نفتکش حامل نفت ایران را تحریم کرد.")
    later = sig(54, 20, "تمدید معافیت تحریمی عراق از سوی وزارت خارجه آمریکا",
                "وزارت خارجه آمریکا معافیت تحریمی عراق برای خرید گاز از ایران را تمدید کرد.")
    kept_apart(BODY_ACT, [designation])
    assert stories([BODY_ACT[0]], [later]) == [[51], [54]]  # more than SAME_DAY apart
