"""Grouping classes of issue 8 (blind development set part 8), each with fixtures of our own
wording and a guard: a different event that shares most of what the event's articles share
and must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import combinations

from core.analysis import scan_text
from core.signature import Signature, build_signature, lead_names_something
from core.stories import fingerprint, group, link
from core.textsim import idf
from tests.core.test_stories import _matcher

T0 = datetime(2025, 4, 15, 10, 0, tzinfo=UTC)


def sig(key: int, hours: float, title: str, text: str) -> Signature:
    matcher, gazetteer = _matcher()
    mentions = matcher.scan(scan_text(title, text)).mentions
    return build_signature(key, T0 + timedelta(hours=hours), title, text, mentions, gazetteer,
                           fingerprint=fingerprint(scan_text(title, text)))


def _weight(sigs: list[Signature]):
    """Word weights of these articles alone (the corpus the pair rules see)."""
    df = Counter(t for s in sigs for t in s.terms)
    return lambda t: idf(df[t], len(sigs))


def stories(*events: list[Signature]) -> list[list[int]]:
    """The stories of the events' articles, as sorted lists of keys."""
    sigs = [s for e in events for s in e]
    return sorted(sorted(g) for g in group(sigs, _weight(sigs)))


def events(*events: list[Signature]) -> list[list[int]]:
    return sorted(sorted(s.key for s in e) for e in events)


def no_links_across(*events: list[Signature]) -> None:
    weight = _weight([s for e in events for s in e])
    for x, y in combinations(events, 2):
        for a in x:
            for b in y:
                assert link(a, b, weight) is None, f"{a.title!r} ~ {b.title!r}"


def kept_apart(*groups: list[Signature]) -> None:
    """Each event is one story, and no article of one links to an article of another."""
    assert stories(*groups) == events(*groups)
    no_links_across(*groups)


# --- One person's two calls of one evening: the counterpart is part of the call ----------------

CALL_ISRAEL = [
    sig(1, 9, "Trump and Netanyahu discuss Iran in evening call",
        "US President Donald Trump held a phone call with Israeli Prime Minister Benjamin Netanyahu on Tuesday "
        "evening, the Israeli premier's office said. Netanyahu urged that Iran be left with no enrichment at all. "
        "Trump later said the conversation had been excellent."),
    sig(2, 10.5, "Netanyahu says he and Trump are 'fully coordinated' on Iran after call",
        "Israeli Prime Minister Benjamin Netanyahu said on Tuesday he was fully coordinated with President Donald "
        "Trump after a telephone call on Iran's nuclear program, his office said in a statement. Netanyahu's office "
        "gave no further details of the call."),
]
CALL_OMAN = [
    sig(3, 12, "Trump thanks Oman's sultan in phone call for mediating with Iran",
        "President Donald Trump spoke by phone on Tuesday with Sultan Haitham bin Tariq of Oman and thanked him for "
        "hosting the talks with Iran, the White House said. The call came a few hours after Trump's conversation "
        "with Israel's prime minister."),
    sig(4, 19, "Sultan Haitham receives call from US president",
        "Oman's Sultan Haitham bin Tariq received a phone call on Tuesday from US President Donald Trump, who "
        "praised the sultanate's role in the negotiations with Iran, the Omani news agency reported."),
]


def test_two_calls_of_one_president_with_different_leaders_are_two_events():
    kept_apart(CALL_ISRAEL, CALL_OMAN)


# --- An analysis two days later that names the event's day ------------------------------------

GENEVA_ROUND = [
    sig(11, 4, "Iran and US hold indirect talks in Geneva",
        "Iranian and US negotiators held indirect talks in Geneva on Tuesday, with Foreign Minister Abbas Araghchi "
        "and envoy Steve Witkoff in separate rooms of a lakeside hotel, officials said. Both sides said they would "
        "return for another session. Araghchi called the atmosphere serious."),
    sig(12, 6, "Araghchi: Geneva talks serious, next session soon",
        "Foreign Minister Abbas Araghchi said after Tuesday's indirect talks with Steve Witkoff in Geneva that the "
        "discussions were serious and a further session would follow soon. Swiss diplomats carried the messages."),
    sig(13, 46, "Analysis: What Tuesday's Geneva talks changed for Tehran and Washington",
        "Two days after Abbas Araghchi and Steve Witkoff sat in neighbouring rooms in Geneva on Tuesday, each camp "
        "reads the session its own way. Analysts say the format matters less than the pace: both sides want a "
        "further session before the summer."),
]
WITKOFF_REMARKS = [
    sig(14, 47, "Witkoff says another round with Iran likely next week",
        "US envoy Steve Witkoff said on Thursday that another round with Iran was likely next week, describing "
        "Tuesday's indirect talks with Abbas Araghchi in Geneva as useful. He spoke in a television interview."),
]


def test_an_analysis_naming_the_day_of_the_talks_joins_them_two_days_later():
    assert stories(GENEVA_ROUND, WITKOFF_REMARKS) == events(GENEVA_ROUND, WITKOFF_REMARKS)


def test_new_remarks_about_the_talks_on_a_later_day_stay_apart():
    """The envoy's own remarks two days later name their own day: a new event, not a follow-up."""
    no_links_across(GENEVA_ROUND, WITKOFF_REMARKS)


def test_an_analysis_naming_no_day_still_needs_to_be_within_a_day():
    undated = sig(15, 46, "Analysis: What the Geneva talks changed for Tehran and Washington",
                  "Abbas Araghchi and Steve Witkoff sat in neighbouring rooms in Geneva, and each camp reads the "
                  "session its own way. Analysts say the format matters less than the pace.")
    no_links_across(GENEVA_ROUND[:2], [undated])


# --- One spokesman's press conference, told in Persian and in English --------------------------

BRIEFING = [
    sig(21, -20, "بقائی: گزارش تازه آژانس سیاسی است",
        "اسماعیل بقائی، سخنگوی وزارت امور خارجه، روز دوشنبه در نشست خبری هفتگی گفت رافائل گروسی در گزارش تازه "
        "آژانس بین‌المللی انرژی اتمی درباره برنامه هسته‌ای ایران جانب انصاف را رعایت نکرده است. وی افزود همکاری "
        "ایران با آژانس در چارچوب قانون مجلس ادامه دارد."),
    sig(22, -19, "Iran's spokesman calls latest IAEA report biased",
        "Foreign ministry spokesman Esmaeil Baqaei told his weekly news conference on Monday that the latest IAEA "
        "report on Iran's nuclear programme was biased. He said Iran's cooperation with the agency would continue "
        "within the framework of a law passed by parliament."),
]
SPEAKER_REMARKS = [
    sig(23, -17, "Parliament speaker says IAEA report is biased",
        "Parliament Speaker Mohammad Bagher Ghalibaf told reporters on Monday that the latest IAEA report on Iran's "
        "nuclear programme was biased and that lawmakers would review cooperation with the agency."),
]
CALL_ABOUT_REPORT = [
    sig(24, -18, "Araghchi, Grossi discuss IAEA report by phone",
        "Foreign Minister Abbas Araghchi spoke by phone on Monday with IAEA chief Rafael Grossi about the agency's "
        "latest report on Iran's nuclear programme, the foreign ministry spokesman Esmaeil Baqaei told reporters."),
]


def test_one_spokesman_s_briefing_joins_in_two_languages_whoever_one_names():
    """The Persian account names the IAEA chief he blamed; the English one does not."""
    assert stories(BRIEFING, SPEAKER_REMARKS, CALL_ABOUT_REPORT) == events(BRIEFING, SPEAKER_REMARKS,
                                                                            CALL_ABOUT_REPORT)


def test_another_speaker_s_remarks_and_a_call_of_the_same_day_stay_apart_from_the_briefing():
    no_links_across(BRIEFING, SPEAKER_REMARKS, CALL_ABOUT_REPORT)


# --- A market's record, with nobody acting -------------------------------------------------------

RIAL_RECORD = [
    sig(31, 1, "ریال به پایین‌ترین سطح تاریخ رسید",
        "نرخ دلار روز سه‌شنبه در بازار آزاد تهران به رکورد تازه‌ای رسید و ریال بیش از هر زمان دیگری ارزش خود را "
        "از دست داد. صرافان خیابان منوچهری از تقاضای بالا پیش از تعطیلات خبر دادند."),
    sig(32, 3, "Iranian currency sinks to new low",
        "Iran's rial sank to an all-time low against the US dollar on Tuesday in Tehran's open market, currency "
        "dealers said, as demand for hard currency rose ahead of the holidays."),
]
DESIGNATIONS = [
    sig(33, 4, "US Treasury sanctions Iranian exchange houses as rial slides",
        "The US Treasury on Tuesday imposed sanctions on six Iranian exchange houses, saying they moved money for "
        "the Revolutionary Guards, as the rial slid to a record low in Tehran."),
]


TALKS_AND_RIAL = [
    sig(34, 2, "Araghchi and Witkoff meet in Geneva as the rial rallies",
        "Abbas Araghchi and Steve Witkoff held indirect talks in Geneva on Tuesday while the rial rallied on "
        "Tehran's open market."),
]


def test_the_rial_s_record_joins_in_two_languages_and_stays_apart_from_news_that_names_it():
    """Sanctions and talks whose leads mention the rial have someone acting: other events."""
    kept_apart(RIAL_RECORD, DESIGNATIONS, TALKS_AND_RIAL)


CALL_LEBANON = [
    sig(41, 2, "Araghchi discusses region with Lebanese counterpart by phone",
        "Iranian Foreign Minister Abbas Araghchi held a phone call on Tuesday with Lebanese Foreign Minister Walid "
        "Mansour about the situation in the region, the ministry said."),
    sig(42, 3, "Iran's top diplomat, Lebanon's Mansour talk by phone",
        "Abbas Araghchi and Walid Mansour discussed regional developments in a phone call on Tuesday, Iran's "
        "foreign ministry said in a statement."),
]
CALL_IRAQ = [
    sig(43, 5, "Araghchi holds phone call with Iraq's foreign minister",
        "Iranian Foreign Minister Abbas Araghchi held a phone call on Tuesday with Iraqi Foreign Minister Salim "
        "Jaber about the situation in the region, the ministry said."),
]


def test_one_minister_s_calls_with_two_counterparts_no_watchlist_knows_are_two_events():
    kept_apart(CALL_LEBANON, CALL_IRAQ)


# --- Deputies' meeting: «معاونان وزرای خارجه» are no foreign minister ---------------------------

DEPUTIES = [
    sig(51, 1, "نشست معاونان وزرای خارجه ایران، روسیه و چین در پکن",
        "نشست معاونان وزرای خارجه ایران، روسیه و چین روز سه‌شنبه در پکن برگزار شد. مجید تخت‌روانچی، معاون "
        "سیاسی وزیر امور خارجه، در این نشست درباره برنامه هسته‌ای و تحریم‌ها گفت‌وگو کرد."),
    sig(52, 2, "Iran, Russia, China deputy foreign ministers meet in Beijing",
        "Deputy foreign ministers of Iran, Russia and China met in Beijing on Tuesday to discuss Iran's nuclear "
        "program and sanctions. Iran was represented by Majid Takht-Ravanchi."),
]
MINISTER_VISIT = [
    sig(53, 3, "Araghchi meets Chinese foreign minister in Beijing",
        "Iranian Foreign Minister Abbas Araghchi met Chinese Foreign Minister Wang Yi in Beijing on Tuesday to "
        "discuss Iran's nuclear program and sanctions."),
]


def test_a_deputies_meeting_in_persian_names_no_minister_and_joins_its_english_account():
    assert "Abbas Araghchi" not in DEPUTIES[0].officials
    kept_apart(DEPUTIES, MINISTER_VISIT)


def test_a_leader_named_by_one_lead_beside_a_call_is_never_excused_as_background():
    """Alike texts excuse one name only one lead gives; the other side of a call is no such name,
    even when the other article mentions the first call in passing."""
    oman = sig(61, 12, "Trump discusses Iran talks with Oman's sultan in phone call",
               "President Donald Trump spoke by phone on Tuesday with Sultan Haitham bin Tariq about the Iran talks, "
               "the White House said. Trump spoke with Benjamin Netanyahu earlier in the evening about the Iran talks.")
    israel = sig(62, 9, "Trump discusses Iran talks with Netanyahu in phone call",
                 "President Donald Trump spoke by phone on Tuesday with Israeli Prime Minister Benjamin Netanyahu "
                 "about the Iran talks, the White House said.")
    assert stories([oman], [israel]) == [[61], [62]]


# --- One minister's calls of one day: a tracked counterpart and one no watchlist knows ------------

CALL_OMAN_FM = [
    sig(71, 1, "Araghchi, Oman's Albusaidi discuss next round of talks by phone",
        "Iranian Foreign Minister Abbas Araghchi spoke by phone on Tuesday with Omani Foreign Minister Badr "
        "Albusaidi about the date of the next round of indirect talks, Iran's foreign ministry said. The two "
        "ministers discussed regional developments."),
    sig(72, 2, "Iran's foreign minister and Albusaidi talk by phone about indirect talks",
        "Abbas Araghchi and Badr Albusaidi held a phone call on Tuesday about the next round of indirect talks, "
        "Iran's foreign ministry said."),
]
CALL_KUWAIT_FM = [  # the Kuwaiti minister's name gives no two-word name to compare ("Al-Yahya")
    sig(73, 6, "Araghchi, Kuwaiti minister discuss regional developments by phone",
        "Iranian Foreign Minister Abbas Araghchi held a phone call on Tuesday with Kuwaiti Foreign Minister "
        "Sheikh Abdullah Al-Yahya about regional developments, Iran's foreign ministry said. The two ministers "
        "discussed the next round of indirect talks."),
]
CALL_IRAQ_FM = [  # ... and the Iraqi minister's does ("Salim Jaber"), which the Omani calls never name
    sig(74, 7, "Araghchi, Iraqi counterpart discuss regional developments by phone",
        "Iranian Foreign Minister Abbas Araghchi held a phone call on Tuesday with Iraqi Foreign Minister Salim "
        "Jaber about regional developments, Iran's foreign ministry said. The two ministers discussed the next "
        "round of indirect talks."),
]


def test_a_call_with_a_tracked_counterpart_and_one_with_a_counterpart_no_list_knows_are_two_events():
    for other in (CALL_KUWAIT_FM, CALL_IRAQ_FM):
        kept_apart(CALL_OMAN_FM, other)


def test_both_sides_of_a_call_named_by_both_leads_outweigh_a_third_name_one_lead_adds():
    """The guard: a name one lead adds beside both sides of the call (here the Leader, whom the
    call was about) is background, as before."""
    call = [sig(75, 9, "Trump and Netanyahu discuss Iran by phone",
                "President Donald Trump and Israeli Prime Minister Benjamin Netanyahu discussed Iran in a phone call "
                "on Tuesday evening, the prime minister's office said, hours after Ali Khamenei spoke in Tehran."),
            sig(76, 10, "Trump tells Netanyahu in phone call Iran will get no bomb",
                "President Donald Trump told Israeli Prime Minister Benjamin Netanyahu in a phone call on Tuesday "
                "evening that Iran would get no nuclear weapon, the prime minister's office said.")]
    assert stories(call) == [[75, 76]]


# --- A reply on X, in two languages: the weekday of what it answers is no day of the reply ---------

REPLY = [
    sig(81, 21, "Araghchi answers Trump: threats are no diplomacy",
        "Iranian Foreign Minister Abbas Araghchi answered US President Donald Trump in a post on X on Wednesday, "
        "writing that threats were no substitute for diplomacy and that Iran would not negotiate under deadlines."),
    sig(82, 21.5, "پاسخ عراقچی به ترامپ: تهدید دیپلماسی نیست",
        "وزیر امور خارجه در پیامی در شبکه ایکس به رئیس‌جمهور آمریکا پاسخ داد و نوشت تهدید جای دیپلماسی را "
        "نمی‌گیرد. عباس عراقچی افزود ایران زیر ضرب‌الاجل مذاکره نمی‌کند. دونالد ترامپ روز سه‌شنبه گفته بود "
        "ایران فرصت زیادی ندارد."),
]
TRUMP_REMARKS = [  # what the reply answered, the day before: another event
    sig(83, -2, "ترامپ: وقت تهران رو به پایان است",
        "دونالد ترامپ، رئیس‌جمهور آمریکا، روز سه‌شنبه در جمع خبرنگاران در کاخ سفید گفت وقت تهران برای رسیدن "
        "به توافق رو به پایان است."),
]


def test_a_weekday_in_a_persian_pluperfect_clause_dates_what_the_news_answers_not_the_news():
    assert REPLY[1].day is None and TRUMP_REMARKS[0].day == (T0 + timedelta(hours=-2)).date()
    kept_apart(REPLY, TRUMP_REMARKS)


# --- "The meeting came a day after ...": the earlier event in a lead is background ----------------

ENVOY_VISIT = [
    sig(91, 4, "US envoy Witkoff meets Oman's foreign minister in Muscat",
        "US special envoy Steve Witkoff met Omani Foreign Minister Badr Albusaidi in Muscat on Tuesday to prepare "
        "the next round of indirect talks, Oman's foreign ministry said. The two discussed a draft framework."),
    sig(92, 6, "Trump envoy holds talks in Oman on Iran mediation",
        "US special envoy Steve Witkoff has held talks with Badr Albusaidi in Muscat. Albusaidi called the meeting "
        "constructive. The meeting came a day after Albusaidi spoke by phone with Abbas Araghchi. Diplomats said "
        "a draft framework was discussed."),
]
CALL_THE_DAY_BEFORE = [  # the call the second account mentions: another event
    sig(93, -20, "Araghchi and Albusaidi discuss talks by phone",
        "Iranian Foreign Minister Abbas Araghchi spoke by phone with Omani Foreign Minister Badr Albusaidi on "
        "Monday about the indirect talks with Washington, Iran's foreign ministry said."),
]


def test_an_earlier_event_a_lead_gives_as_background_is_no_part_of_it():
    assert "Abbas Araghchi" not in ENVOY_VISIT[1].lead and "phone call" not in ENVOY_VISIT[1].lead
    kept_apart(ENVOY_VISIT, CALL_THE_DAY_BEFORE)


# --- Part 10/11 classes: the other side of a call no list knows, an interview, a press conference ----------

CALL_WITH_OMAN = [
    sig(101, 1, "Araghchi and Albusaidi confer by phone on the next round",
        "Iranian Foreign Minister Abbas Araghchi held a telephone conversation with Omani Foreign Minister Badr "
        "Albusaidi on Tuesday morning about the timing of the next round of indirect talks, the ministry said."),
    sig(102, 2, "گفت‌وگوی تلفنی عراقچی و البوسعیدی",
        "سید عباس عراقچی، وزیر امور خارجه، صبح امروز سه‌شنبه در تماس تلفنی با بدر البوسعیدی، وزیر خارجه عمان، "
        "درباره زمان دور بعدی مذاکرات غیرمستقیم گفت‌وگو کرد."),
]
CALL_WITH_ARMENIA = [  # the evening call: a counterpart no list knows, and an account recalling the morning call
    sig(103, 9, "Iran, Armenia top diplomats discuss regional transit in evening call",
        "Iranian Foreign Minister Abbas Araghchi and his Armenian counterpart Ararat Mirzoyan talked over the phone "
        "on Tuesday evening about regional transit routes and the indirect talks. The conversation came after "
        "Araghchi spoke with Oman's foreign minister in the morning about the next round."),
    sig(104, 10, "Araghchi, Mirzoyan hold phone talks",
        "Armenian Foreign Minister Ararat Mirzoyan and Iranian Foreign Minister Abbas Araghchi held phone talks on "
        "Tuesday evening, discussing transit corridors in the South Caucasus, Yerevan said."),
    sig(105, 11, "رایزنی تلفنی عراقچی و میرزویان",
        "وزیران امور خارجه ایران و ارمنستان عصر امروز سه‌شنبه در گفت‌وگویی تلفنی درباره مسیرهای ترانزیتی منطقه "
        "رایزنی کردند. آرارات میرزویان نیز بر اهمیت همکاری‌های دوجانبه تأکید کرد. عباس عراقچی در این تماس "
        "درباره روند مذاکرات غیرمستقیم توضیح داد."),
]


def test_a_call_with_a_counterpart_no_list_knows_stays_apart_from_the_morning_call_it_recalls():
    assert CALL_WITH_ARMENIA[0].partners == ("Ararat Mirzoyan",) and "phone call" in CALL_WITH_ARMENIA[0].early
    kept_apart(CALL_WITH_OMAN, CALL_WITH_ARMENIA)


def test_the_other_side_of_a_call_named_in_persian_or_by_surname_alone_is_named():
    """The guard: the same call's accounts, one naming the counterpart by office and name, one in Persian
    («آرارات میرزویان»), one by the surname alone in its text, stay one story."""
    by_surname = sig(106, 10.5, "Araghchi, Armenian counterpart talk transit",
                     "Iran's foreign minister Abbas Araghchi discussed transit routes with Mirzoyan by phone on "
                     "Tuesday evening, the Armenian ministry said.")
    assert stories(CALL_WITH_ARMENIA + [by_surname]) == [[103, 104, 105, 106]]


def test_russian_surnames_meet_their_persian_spelling():
    from core.incident import pair_key
    assert pair_key("Sergei", "Lavrov") == pair_key("سرگئی", "لاوروف") == pair_key("Sergey", "Lavrov")


GENEVA_TALKS = [
    sig(111, 5, "Iran and US end sixth round of talks in Geneva",
        "Iranian and US negotiators ended the sixth round of indirect talks in Geneva on Tuesday, with Foreign "
        "Minister Abbas Araghchi and envoy Steve Witkoff exchanging messages through Omani mediators."),
    sig(112, 6, "Araghchi: Geneva talks 'useful', experts to meet",
        "Iran's Foreign Minister Abbas Araghchi said the sixth round of talks in Geneva on Tuesday was useful and "
        "that experts would meet next week, speaking to the press after the session."),
]
TV_INTERVIEW = [  # that night, at home, about the talks
    sig(113, 8, "Araghchi on state TV: US offered new ideas in Geneva",
        "Foreign Minister Abbas Araghchi said on Tuesday night that the American side had put forward new ideas in "
        "Geneva. In a live interview with state television after returning to Tehran, he said the ideas would be "
        "studied."),
    sig(114, 8.5, "عراقچی در گفت‌وگوی تلویزیونی: ایده‌های آمریکا بررسی می‌شود",
        "عباس عراقچی، وزیر امور خارجه، امشب در گفت‌وگوی زنده با شبکه یک گفت طرف آمریکایی در ژنو ایده‌های تازه‌ای "
        "مطرح کرد که بررسی خواهد شد."),
]


def test_a_minister_s_interview_about_the_talks_is_not_the_talks():
    assert "interview" in TV_INTERVIEW[0].early and "interview" in TV_INTERVIEW[1].early
    kept_apart(GENEVA_TALKS, TV_INTERVIEW)


SITE_VISIT = [
    sig(121, 0, "Atomic chief takes lawmakers to Natanz",
        "The head of the Atomic Energy Organization of Iran, Mohammad Eslami, visited the Natanz enrichment site "
        "with members of parliament's energy committee on Wednesday morning, the organisation said."),
    sig(122, 1, "بازدید اسلامی و نمایندگان از نطنز",
        "محمد اسلامی، رئیس سازمان انرژی اتمی، صبح امروز چهارشنبه به همراه نمایندگان مجلس از سایت نطنز بازدید کرد."),
]
ATOMIC_PRESSER = [  # the same official's press conference that afternoon, recalling the visit
    sig(123, 5, "Eslami: no inspectors at damaged sites without guarantees",
        "The head of the Atomic Energy Organization of Iran, Mohammad Eslami, said on Wednesday that inspectors "
        "needed security guarantees. Speaking at a press conference in Tehran, hours after touring the Natanz site "
        "with lawmakers, he said the agency was under pressure."),
    sig(124, 5.5, "اسلامی: بدون تضمین امنیتی دسترسی ممکن نیست",
        "محمد اسلامی، رئیس سازمان انرژی اتمی، بعدازظهر چهارشنبه در نشست خبری در تهران گفت دسترسی بازرسان بدون "
        "تضمین امنیتی ممکن نیست. آقای اسلامی که صبح همان روز به همراه نمایندگان مجلس از سایت نطنز بازدید کرده بود، "
        "گفت آژانس تحت فشار است."),
]


def test_an_official_s_press_conference_is_not_the_site_visit_it_recalls():
    assert "visit" not in ATOMIC_PRESSER[0].lead and "visit" not in ATOMIC_PRESSER[1].lead
    kept_apart(SITE_VISIT, ATOMIC_PRESSER)


CALL_OMAN_FA = [
    sig(131, 1, "گفت‌وگوی تلفنی عراقچی و البوسعیدی درباره دور بعدی",
        "عباس عراقچی، وزیر امور خارجه، صبح امروز سه‌شنبه در تماس تلفنی با بدر البوسعیدی، وزیر خارجه عمان، "
        "درباره زمان دور بعدی مذاکرات غیرمستقیم گفت‌وگو کرد."),
]
CALL_ARMENIA_FA = [  # no name a list knows, no capitals: the other side is the country its minister serves
    sig(132, 9, "رایزنی تلفنی وزیران خارجه ایران و ارمنستان",
        "عباس عراقچی، وزیر امور خارجه، عصر امروز سه‌شنبه در تماس تلفنی با وزیر خارجه ارمنستان درباره "
        "مسیرهای ترانزیتی منطقه گفت‌وگو کرد. این تماس چند ساعت پس از گفت‌وگوی تلفنی عراقچی با بدر البوسعیدی، "
        "وزیر خارجه عمان، درباره دور بعدی مذاکرات غیرمستقیم انجام شد."),
    sig(133, 9.5, "Iran's Araghchi and Armenian minister discuss transit by phone",
        "Iranian Foreign Minister Abbas Araghchi and the Armenian foreign minister discussed regional transit "
        "routes in a phone call on Tuesday evening, Iran's foreign ministry said."),
]


def test_the_country_of_the_other_side_tells_two_calls_apart_in_persian_too():
    assert CALL_ARMENIA_FA[0].sides == {"Armenia"} and CALL_OMAN_FA[0].sides == {"Oman"}
    kept_apart(CALL_OMAN_FA, CALL_ARMENIA_FA)


def test_a_country_named_as_the_one_an_official_serves_is_no_place_of_the_event():
    call = sig(141, 5, "Qatar's emir, Iran's president discuss Gulf security by phone",
               "Qatar's Emir Sheikh Tamim bin Hamad Al Thani and Iranian President Masoud Pezeshkian discussed Gulf "
               "security in a phone call on Tuesday.")
    talks = sig(142, 5, "Iran and US negotiators meet in Qatar", "Iranian and US negotiators met in Qatar on Tuesday.")
    assert "Qatar" in call.places and "Qatar" not in call.lead and "Qatar" in talks.lead


def test_the_round_a_speech_came_a_day_after_is_background_but_an_analysis_opening_on_it_is_not():
    speech = sig(151, 30, "رهبر: به آمریکا اعتماد نداریم",
                 "علی خامنه‌ای، رهبر جمهوری اسلامی، روز چهارشنبه در دیدار با فرماندهان گفت به آمریکا اعتماد ندارد. "
                 "این سخنان یک روز پس از دور ششم مذاکرات عباس عراقچی و استیو ویتکاف در ژنو بیان شد؛ دوری که به "
                 "گفته میانجی عمانی مفید بود.")
    assert "Ali Khamenei" in speech.lead and "Steve Witkoff" not in speech.lead and "Geneva" not in speech.lead
    assert "Steve Witkoff" in speech.officials  # named by the article, only not by its lead
    analysis = sig(152, 50, "Analysis: what the Geneva round tells us",
                   "Two days after Abbas Araghchi and Steve Witkoff met through Omani mediators in Geneva, both "
                   "capitals are telling different stories about the round.")
    assert {"Abbas Araghchi", "Steve Witkoff", "Geneva"} <= analysis.lead


MEETING_CHINA = [
    sig(161, 2, "Araghchi meets China's top diplomat in Beijing",
        "Iranian Foreign Minister Abbas Araghchi met Chinese Foreign Minister Wang Yi in Beijing on Tuesday to "
        "discuss the nuclear talks with Washington and sanctions, Iran's foreign ministry said."),
    sig(162, 3, "دیدار عراقچی و وانگ یی در پکن",
        "عباس عراقچی، وزیر امور خارجه، روز سه‌شنبه در پکن با وانگ یی، وزیر خارجه چین، درباره مذاکرات با آمریکا و "
        "تحریم‌ها دیدار و گفت‌وگو کرد."),
]
MEETING_RUSSIA = [  # the same evening, the same city, another side; the account recalls the first meeting
    sig(163, 9, "Araghchi holds talks with Russia's Lavrov in Beijing",
        "Iranian Foreign Minister Abbas Araghchi held talks with Russian Foreign Minister Sergei Lavrov in Beijing "
        "on Tuesday evening about the nuclear talks with Washington and sanctions. Earlier in the day Araghchi "
        "had met China's foreign minister."),
]


def test_two_meetings_of_one_minister_in_one_city_with_different_sides_are_two_events():
    assert "meeting" in MEETING_CHINA[0].early and MEETING_CHINA[1].sides == {"China"}
    kept_apart(MEETING_CHINA, MEETING_RUSSIA)


# --- An article's own occasion: an interview, a press conference, a speech ---------------------

VISIT_TEHRAN = [
    sig(171, 1, "Oman's top diplomat holds talks with Araghchi in Tehran",
        "Omani Foreign Minister Badr Albusaidi met Iranian Foreign Minister Abbas Araghchi in Tehran on Tuesday "
        "during a one-day visit, discussing the indirect negotiations with Washington and trade between the two "
        "countries."),
    sig(172, 2, "دیدار البوسعیدی و عراقچی در تهران",
        "بدر البوسعیدی، وزیر خارجه عمان، روز سه‌شنبه در سفری یک‌روزه به تهران با عباس عراقچی، وزیر امور خارجه، "
        "دیدار و درباره مذاکرات غیرمستقیم با آمریکا و روابط تجاری گفت‌وگو کرد."),
]
INTERVIEW_ABOUT_VISIT = [  # that night, about the visit: the interview is the news
    sig(173, 9, "Araghchi says Omani guest brought proposals worth studying",
        "Iranian Foreign Minister Abbas Araghchi said on Tuesday that Badr Albusaidi had brought proposals on the "
        "negotiations that Tehran would study. In a live interview with state television on Tuesday evening, "
        "Araghchi said no date had been set for the next session."),
    sig(174, 10, "عراقچی: پیشنهادهای البوسعیدی بررسی می‌شود",
        "عباس عراقچی، وزیر امور خارجه، امشب در گفت‌وگوی زنده با شبکه خبر درباره سفر بدر البوسعیدی به تهران گفت "
        "پیشنهادهای وزیر خارجه عمان درباره مذاکرات در شورای عالی امنیت ملی بررسی می‌شود."),
]


def test_an_interview_about_a_visit_is_not_the_visit():
    assert all(s.frame == {"interview"} for s in INTERVIEW_ABOUT_VISIT)
    assert not any(s.frame for s in VISIT_TEHRAN)
    kept_apart(VISIT_TEHRAN, INTERVIEW_ABOUT_VISIT)


def test_remarks_to_reporters_after_talks_frame_no_occasion_of_their_own():
    """Guard: "speaking to reporters after the talks" and "told state television" are the talks' own
    coverage (no frame), so accounts that quote them still join the talks."""
    talks = [
        sig(175, 3, "Iran and US end a round of indirect talks in Muscat",
            "Iranian and US negotiators ended a round of indirect talks in Muscat on Tuesday, with Abbas Araghchi "
            "and Steve Witkoff in separate rooms. Speaking to reporters after the talks, Araghchi said the "
            "atmosphere had been serious."),
        sig(176, 4, "Araghchi: Muscat round with Witkoff was serious",
            "Foreign Minister Abbas Araghchi told state television that Tuesday's round of talks with Steve "
            "Witkoff in Muscat had been serious and that experts would meet next week."),
    ]
    assert not any(s.frame for s in talks)
    assert stories(talks) == [[175, 176]]


SPEECH_TO_MAYORS = [
    sig(181, 0, "Pezeshkian tells mayors to budget as if sanctions stay",
        "Iranian President Masoud Pezeshkian on Tuesday told mayors to draw up their budgets as if sanctions on "
        "Iran would stay, speaking at a national gathering of mayors in Tehran."),
    sig(182, 1, "پزشکیان به شهرداران: گویی تحریم‌ها می‌ماند برنامه بریزید",
        "مسعود پزشکیان، رئیس‌جمهور، روز سه‌شنبه در همایش سراسری شهرداران گفت شهرداری‌ها باید طوری بودجه ببندند "
        "که گویی تحریم‌ها باقی می‌ماند."),
]
PRESS_CONFERENCE = [  # the same president, the same day, the same subject: another appearance
    sig(183, 5, "Pezeshkian says new sanctions have hurt trust",
        "Iranian President Masoud Pezeshkian told a televised news conference on Tuesday that new US sanctions "
        "had hurt trust in the negotiations."),
    sig(184, 6, "پزشکیان: تحریم‌های تازه اعتماد را از بین برد",
        "مسعود پزشکیان، رئیس‌جمهور، روز سه‌شنبه در نشست خبری گفت تحریم‌های تازه آمریکا اعتماد به مذاکرات را "
        "از بین برده است."),
]


def test_a_speech_and_a_press_conference_of_one_day_are_two_events():
    assert {s.frame for s in SPEECH_TO_MAYORS} == {frozenset({"speech"})}
    # guard: "told a news conference" is a press conference, not a speech (its two accounts join)
    assert {s.frame for s in PRESS_CONFERENCE} == {frozenset({"press conference"})}
    kept_apart(SPEECH_TO_MAYORS, PRESS_CONFERENCE)


ROUND_MUSCAT = [
    sig(191, 0, "Iran and US hold a new round of indirect talks in Muscat",
        "Iranian and US negotiators held a new round of indirect talks in Muscat on Tuesday, with Badr Albusaidi "
        "carrying messages between Abbas Araghchi and Steve Witkoff."),
    sig(192, 1, "دور تازه مذاکرات ایران و آمریکا در مسقط",
        "دور تازه مذاکرات غیرمستقیم ایران و آمریکا روز سه‌شنبه در مسقط با میانجی‌گری بدر البوسعیدی، وزیر خارجه "
        "عمان، میان عباس عراقچی و استیو ویتکاف برگزار شد و دو طرف از ادامه گفت‌وگوها خبر دادند."),
]
CALL_AFTER_ROUND = [  # the mediator briefs Washington that evening
    sig(193, 8, "Rubio and Albusaidi discuss Muscat talks in phone call",
        "US Secretary of State Marco Rubio held a phone call with Omani Foreign Minister Badr Albusaidi on Tuesday "
        "evening about the results of the talks in Muscat between Abbas Araghchi and Steve Witkoff."),
    sig(194, 9, "گفت‌وگوی تلفنی روبیو و البوسعیدی",
        "مارکو روبیو، وزیر خارجه آمریکا، شامگاه سه‌شنبه در تماس تلفنی با بدر البوسعیدی، وزیر خارجه عمان، "
        "درباره نتایج مذاکرات غیرمستقیم ایران و آمریکا در مسقط و ادامه گفت‌وگوها گفت‌وگو کرد. البوسعیدی در مسقط "
        "میان عباس عراقچی و استیو ویتکاف پیام‌ها را منتقل کرد."),
]


def test_a_call_about_the_talks_is_not_the_talks():
    assert all("round of talks" in s.early for s in ROUND_MUSCAT)
    kept_apart(ROUND_MUSCAT, CALL_AFTER_ROUND)


def test_an_account_of_a_call_in_words_no_list_knows_still_joins_the_call():
    """Guard: the call rule needs the other lead to report another meeting, not just to miss the word."""
    told = sig(195, 10, "Rubio briefed by Omani minister on Muscat talks",
               "US Secretary of State Marco Rubio spoke late on Tuesday with Omani Foreign Minister Badr Albusaidi, "
               "who briefed him on the results of the talks in Muscat between Abbas Araghchi and Steve Witkoff, "
               "the State Department said.")
    assert "phone call" not in told.actions and not told.early & {"round of talks", "visit"}
    assert stories(CALL_AFTER_ROUND, [told]) == [[193, 194, 195]]


# --- A wire lead that gives the place and the round, the negotiators only after ----------------

ROUND_GENEVA_NAMED = [
    sig(201, 2, "Araghchi says Geneva round was businesslike",
        "Iranian Foreign Minister Abbas Araghchi said the new round of indirect talks in Geneva on Tuesday had been "
        "businesslike and that the delegations would meet again. He spoke after about five hours of talks."),
]
ROUND_GENEVA_WIRE = [
    sig(202, 3, "Iran and US close another indirect round, agree to meet again",
        "GENEVA (Wire) - Negotiators ended a new round of indirect talks in Geneva on Tuesday after about five "
        "hours and agreed to meet again, officials on both sides said, with no sign of a breakthrough on the "
        "sticking points.\nIran's Abbas Araghchi and US envoy Steve Witkoff sat in separate rooms while Swiss "
        "diplomats carried messages."),
]


def test_a_wire_lead_naming_only_the_place_of_the_round_joins_the_named_account():
    wire = ROUND_GENEVA_WIRE[0]
    assert "round of talks" in wire.lead and "Abbas Araghchi" not in wire.lead and "Geneva" in wire.lead
    assert stories(ROUND_GENEVA_NAMED, ROUND_GENEVA_WIRE) == [[201, 202]]


def test_another_meeting_at_the_same_place_that_day_needs_more_than_the_place():
    """Guard: a minister's visit to Geneva that day is another kind of meeting, not the round, though the
    wire's lead names no one he is not."""
    visit = sig(203, 4, "سفر وزیر خارجه عمان به ژنو",
                "بدر البوسعیدی، وزیر خارجه عمان، روز سه‌شنبه برای دیدار با مقام‌های سازمان ملل درباره کمک‌های "
                "بشردوستانه به ژنو سفر کرد.")
    assert visit.lead >= {"visit", "Geneva"} and "round of talks" not in visit.lead
    no_links_across(ROUND_GENEVA_NAMED + ROUND_GENEVA_WIRE, [visit])


# --- An occasion told in other words (session 22): a ceremony, a closed session of parliament, a
# newspaper interview; governments no list named; the speaker a quote names; the day a reaction answers

CEREMONY = [  # the lead names no occasion; the sentence after tells it ("told the ceremony")
    sig(211, -2, "Pezeshkian promises cheaper credit to drought-hit farmers",
        "Iranian President Masoud Pezeshkian on Tuesday promised cheaper credit to farmers hit by the drought and "
        "said sanctions would not stop the country's food security plans, as he handed awards to model farmers. "
        "\"Our farmers stand on the front line of the economic siege,\" the president told the ceremony in Tehran."),
    sig(212, -1, "پزشکیان در آیین تجلیل از کشاورزان نمونه: تحریم امنیت غذایی را متوقف نمی‌کند",
        "مسعود پزشکیان، رئیس‌جمهور، صبح امروز سه‌شنبه در مراسم تجلیل از کشاورزان نمونه در تهران گفت تحریم‌ها "
        "نمی‌تواند برنامه‌های امنیت غذایی کشور را متوقف کند و به کشاورزان خشکسالی‌زده وام ارزان‌تر داده می‌شود."),
    sig(213, 0, "President pledges loans for farmers despite sanctions",
        "Masoud Pezeshkian said on Tuesday that farmers hit by the drought would get cheaper loans despite the "
        "sanctions. The president made the pledge during a ceremony for the year's model farmers in Tehran."),
]
AFTERNOON_PRESSER = [  # the same president that afternoon: the occasion named only after a quotation
    sig(214, 5, "Pezeshkian: talks go on only if sanctions stop piling up",
        "Iranian President Masoud Pezeshkian on Tuesday addressed concerns about rising food prices and said Iran "
        "would keep negotiating with the United States only if Washington stopped adding new sanctions every week. "
        "\"Nobody negotiates with one hand on the table and the other on the trigger. We want results, not "
        "slogans,\" Pezeshkian told a news conference in Tehran, his first since the summer."),
    sig(215, 6, "پزشکیان در نشست خبری: مذاکره زیر بار تحریم‌های تازه ممکن نیست",
        "مسعود پزشکیان، رئیس‌جمهور، بعدازظهر سه‌شنبه در نشست خبری در تهران گفت ایران تنها در صورتی به مذاکره "
        "ادامه می‌دهد که آمریکا تحریم‌های تازه وضع نکند."),
]


def test_a_ceremony_told_in_other_words_is_not_the_press_conference_of_that_afternoon():
    assert [s.frame for s in CEREMONY] == [{"speech"}] * 3
    # guards: "addressed concerns about" is a subject, not an audience; the quotation and the
    # attribution after it ("... not slogans," Pezeshkian told a news conference) are one sentence
    assert [s.frame for s in AFTERNOON_PRESSER] == [{"press conference"}] * 2
    kept_apart(CEREMONY, AFTERNOON_PRESSER)


CLOSED_SESSION = [
    sig(221, 1, "Araghchi briefs lawmakers behind closed doors on Geneva round",
        "Foreign Minister Abbas Araghchi briefed lawmakers on the latest round of indirect talks in Geneva at a "
        "closed-door session of parliament on Tuesday, the parliament's news agency said."),
    sig(222, 2, "گزارش عراقچی به نمایندگان در جلسه غیرعلنی مجلس",
        "عباس عراقچی، وزیر امور خارجه، صبح امروز سه‌شنبه در جلسه غیرعلنی مجلس شورای اسلامی گزارشی از دور اخیر "
        "مذاکرات غیرمستقیم در ژنو به نمایندگان ارائه کرد."),
]
EVENING_INTERVIEW = [  # the same minister, the same round, that evening on television
    sig(223, 9, "Araghchi: Geneva round narrowed the gaps",
        "Iranian Foreign Minister Abbas Araghchi said on Tuesday that the latest round of indirect talks in Geneva "
        "had narrowed the gaps with Washington. In an interview with an Arabic satellite channel aired on Tuesday "
        "evening, he said a text could be ready within weeks."),
    sig(224, 10, "عراقچی: دور ژنو فاصله‌ها را کمتر کرد",
        "عباس عراقچی، وزیر امور خارجه، امشب در گفت‌وگو با شبکه‌ای ماهواره‌ای عربی گفت دور اخیر مذاکرات "
        "غیرمستقیم در ژنو فاصله‌ها با واشنگتن را کمتر کرده است."),
]


def test_a_closed_session_of_parliament_is_not_the_minister_s_interview_about_the_same_round():
    assert [s.frame for s in CLOSED_SESSION] == [{"hearing"}] * 2
    assert [s.frame for s in EVENING_INTERVIEW] == [{"interview"}] * 2
    kept_apart(CLOSED_SESSION, EVENING_INTERVIEW)


def test_a_speech_to_an_open_session_told_as_a_speech_or_as_the_session_is_one_occasion():
    """Guard: a speech and a session of parliament are frames one occasion may be told as."""
    speech = [
        sig(225, 0, "Ghalibaf: parliament will reject a deal that keeps sanctions",
            "Parliament Speaker Mohammad Bagher Ghalibaf said on Tuesday that lawmakers would reject any deal that "
            "kept sanctions in place, in a speech to an open session of the Majlis."),
        sig(226, 1, "قالیباف: توافقی که تحریم‌ها را نگه دارد رد می‌شود",
            "محمدباقر قالیباف، رئیس مجلس، صبح امروز سه‌شنبه در جلسه علنی مجلس گفت نمایندگان هر توافقی را که "
            "تحریم‌ها را باقی بگذارد رد می‌کنند."),
    ]
    assert speech[0].frame >= {"speech"} and speech[1].frame == {"hearing"}
    assert stories(speech) == [[225, 226]]


NEWSPAPER_INTERVIEW = [
    sig(231, 3, "Zarif tells Spanish daily a deal is within reach",
        "Former foreign minister Mohammad Javad Zarif said a deal with Washington was within reach if it dropped "
        "the demand for zero enrichment. In an interview with the Spanish daily El Pais published on Tuesday, Zarif "
        "said the latest round in Geneva had been the most serious so far."),
    sig(232, 4, "ظریف در گفت‌وگو با روزنامه اسپانیایی: توافق دست‌یافتنی است",
        "محمدجواد ظریف، وزیر خارجه پیشین، در گفت‌وگویی با روزنامه اسپانیایی ال‌پائیس که روز سه‌شنبه منتشر شد "
        "گفت دور اخیر مذاکرات در ژنو جدی‌ترین دور تاکنون بوده است."),
]


def test_an_interview_with_a_newspaper_in_persian_joins_its_english_account():
    assert [s.frame for s in NEWSPAPER_INTERVIEW] == [{"interview"}] * 2
    assert stories(NEWSPAPER_INTERVIEW) == [[231, 232]]
    # guard: «گفت‌وگو با همتای ...» is a conversation with a counterpart, not an interview
    talk = sig(233, 3, "گفت‌وگوی عراقچی و همتای عمانی",
               "عباس عراقچی، وزیر امور خارجه، روز سه‌شنبه در گفت‌وگو با همتای عمانی خود درباره دور بعدی مذاکرات "
               "تبادل نظر کرد.")
    assert not talk.frame


UK_DESIGNATION = [
    sig(241, 2, "Britain sanctions Iranian missile parts suppliers",
        "LONDON (Wire) - Britain on Tuesday imposed sanctions on four Iranian companies and two individuals it "
        "accused of supplying missile components to Russia, the government said."),
    sig(242, 3, "UK targets Iranian firms over missile parts",
        "The United Kingdom has sanctioned four Iranian firms and two people over missile components shipped to "
        "Russia, the government announced on Tuesday."),
    sig(243, 4, "بریتانیا چهار شرکت ایرانی را تحریم کرد",
        "دولت بریتانیا روز سه‌شنبه چهار شرکت و دو فرد ایرانی را به اتهام ارسال قطعات موشکی به روسیه تحریم کرد."),
]
E3_ON_INSPECTORS = [  # the same day: the three together are the E3, in whatever order they are listed
    sig(244, 5, "Germany, France and UK urge Iran to restore inspections",
        "Germany, France and the UK on Tuesday urged Iran to let UN inspectors back into all its nuclear sites, in "
        "a joint statement on the IAEA's latest findings."),
    sig(245, 6, "E3 presses Tehran on inspectors after IAEA findings",
        "The E3 called on Iran on Tuesday to let IAEA inspectors return to all of its nuclear sites, in a joint "
        "statement on the agency's latest findings."),
    sig(246, 7, "آلمان، فرانسه و بریتانیا خواستار بازگشت بازرسان شدند",
        "آلمان، فرانسه و بریتانیا روز سه‌شنبه در بیانیه‌ای مشترک درباره یافته‌های تازه آژانس از ایران خواستند "
        "به بازرسان اجازه بازگشت به همه سایت‌های هسته‌ای را بدهد."),
]
US_DESIGNATION = [
    sig(247, 1, "Treasury sanctions tankers carrying Iranian oil",
        "The US Treasury on Tuesday imposed sanctions on eight tankers that it said carried Iranian oil to Asia."),
]


def test_a_government_no_list_tracked_is_an_actor_and_a_list_of_the_three_is_the_e3():
    assert all("United Kingdom" in s.lead for s in UK_DESIGNATION)
    assert all("E3" in s.lead and "United Kingdom" not in s.organisations for s in E3_ON_INSPECTORS)
    kept_apart(UK_DESIGNATION, E3_ON_INSPECTORS, US_DESIGNATION)


def test_world_news_naming_only_such_a_government_is_no_one_s_news():
    """Guard: Britain is an actor in news someone tracks, not a reason to keep every British story."""
    gazetteer = _matcher()[1]
    assert not lead_names_something("Britain and Norway sign fisheries deal",
                                    "Britain and Norway on Tuesday signed a deal on North Sea fishing quotas.", gazetteer)
    assert lead_names_something("Britain summons Iran's envoy", "Britain on Tuesday summoned Iran's ambassador.",
                                gazetteer)


STATEMENT_ON_SANCTIONS = [  # Wednesday: one lead tells the speaker as his country, the quotation names him
    sig(251, 22, "Iran condemns new US sanctions on its missile industry",
        "TEHRAN (Wire) - Iran on Wednesday condemned the latest US sanctions on its missile industry, calling them "
        "proof of hostility toward ordinary Iranians and a blow to the diplomacy under way. \"Washington cannot "
        "speak of diplomacy and sign new sanctions in the same week,\" foreign ministry spokesman Esmaeil Baqaei "
        "said in a statement."),
    sig(252, 23, "Baqaei: new US sanctions show hostility",
        "Foreign ministry spokesman Esmaeil Baqaei on Wednesday condemned the latest US sanctions on Iran's "
        "missile industry as a sign of hostility toward the Iranian people."),
    # the day a reaction answers is not its own: "yesterday's sanctions" in the headline
    sig(253, 24, "واکنش تهران به تحریم‌های دیروز آمریکا",
        "اسماعیل بقائی، سخنگوی وزارت امور خارجه، در واکنش به تحریم‌های جدید آمریکا علیه صنایع موشکی گفت "
        "واشنگتن نمی‌تواند همزمان از دیپلماسی سخن بگوید و تحریم تازه وضع کند."),
]


def test_the_speaker_a_quotation_names_is_the_actor_of_a_lead_that_tells_him_as_his_country():
    assert "Esmaeil Baqaei" in STATEMENT_ON_SANCTIONS[0].lead
    assert stories(STATEMENT_ON_SANCTIONS) == [[251, 252, 253]]
    # guard: a lead naming its actor (the watchdog's report) does not take the official its quotation names
    report = sig(254, 22, "Watchdog says it can no longer verify Iran's stockpile",
                 "The UN nuclear watchdog said in a confidential report on Wednesday that it could no longer verify "
                 "the size of Iran's enriched uranium stockpile after months without access to the enrichment sites and "
                 "the stockpile itself. \"The "
                 "report is political and one-sided,\" foreign ministry spokesman Esmaeil Baqaei said.")
    assert "Esmaeil Baqaei" not in report.lead
    opening = ("TEHRAN (Wire) - Iran on Wednesday denounced the latest US sanctions on its missile industry as proof "
               "of hostility toward ordinary Iranians and a heavy blow to the indirect diplomacy that Oman has been "
               "mediating for months. ")
    single = sig(258, 22, "Iran denounces new US sanctions", opening + "'Washington cannot speak of diplomacy and "
                 "sign new sanctions in the same week,' foreign ministry spokesman Esmaeil Baqaei said.")
    assert "Esmaeil Baqaei" in single.lead
    # guard: an apostrophe is no quotation, and an official the next sentence names without one is not its speaker
    unquoted = sig(259, 22, "Iran denounces new US sanctions", opening + "Iran's foreign ministry spokesman Esmaeil "
                   "Baqaei also criticised the European reaction.")
    assert "Esmaeil Baqaei" not in unquoted.lead


def test_a_day_inside_what_a_reaction_answers_dates_that_not_the_reaction():
    wednesday = (T0 + timedelta(days=1)).date()
    assert STATEMENT_ON_SANCTIONS[2].day is None
    answered = sig(255, 24, "Iran answers Tuesday's sanctions",
                   "Iran on Wednesday responded to Tuesday's US sanctions with a warning that talks could stall.")
    assert answered.day == wednesday
    undated = sig(256, 24, "Parliament moves on a bill",
                  "In response to Tuesday's US sanctions, Iran's parliament fast-tracked a bill on oil exports.")
    assert undated.day is None
    # guard: a day that dates the news it leads with, not an answer to it, is kept
    follow = sig(257, 24, "Tuesday's round in Geneva was useful, Araghchi says",
                 "Abbas Araghchi said Tuesday's round of talks in Geneva had been useful.")
    assert follow.day == T0.date()


FRANCE_SUMMONS = [  # one E3 member acting alone is itself
    sig(261, 2, "France summons Iranian ambassador over detained teacher",
        "France on Tuesday summoned Iran's ambassador in Paris to protest against the continued detention of a "
        "French schoolteacher held in Tehran since the spring, the foreign ministry said."),
    sig(262, 3, "احضار سفیر ایران در پاریس",
        "وزارت خارجه فرانسه روز سه‌شنبه سفیر ایران در پاریس را در اعتراض به ادامه بازداشت یک معلم فرانسوی در "
        "تهران احضار کرد."),
]
E3_AT_THE_COUNCIL = [  # the same day: a member's envoy reading the E3's statement is the E3's voice
    sig(263, 6, "E3 tells Security Council Iran must account for its uranium",
        "Britain, France and Germany told the UN Security Council on Tuesday that Iran must account for its "
        "enriched uranium. In a statement read by France's UN ambassador, the E3 said inspectors had been kept "
        "out for months."),
    sig(264, 7, "E3 statement at UN: Iran must explain its stockpile",
        "The E3 told the UN Security Council on Tuesday that Iran must explain what became of its enriched "
        "uranium, in a statement read out by the French envoy."),
]


def test_one_e3_member_acting_alone_is_itself_and_its_envoy_reading_the_e3_s_statement_is_the_e3():
    assert all("France" in s.lead for s in FRANCE_SUMMONS)
    assert all("E3" in s.lead and "France" not in s.lead for s in E3_AT_THE_COUNCIL)
    kept_apart(FRANCE_SUMMONS, E3_AT_THE_COUNCIL)


def test_a_weekly_briefing_and_friday_prayers_are_occasions_of_their_own():
    briefing = sig(271, 2, "Baqaei: no date yet for the next round",
                   "Foreign ministry spokesman Esmaeil Baqaei said at his weekly briefing on Tuesday that no date had "
                   "been set for the next round of indirect talks.")
    briefing_fa = sig(272, 2, "بقائی: زمان دور بعدی تعیین نشده است",
                      "اسماعیل بقائی، سخنگوی وزارت امور خارجه، روز سه‌شنبه در نشست هفتگی گفت زمان دور بعدی "
                      "مذاکرات غیرمستقیم هنوز تعیین نشده است.")
    prayers = sig(273, 2, "Ghalibaf: the enemy wants talks without end",
                  "Parliament Speaker Mohammad Bagher Ghalibaf said during Friday prayers in Tehran that the enemy "
                  "wanted talks without end.")
    assert briefing.frame == briefing_fa.frame == {"press conference"} and prayers.frame == {"speech"}
    # guard: lawmakers briefed are a session of parliament, not a press briefing
    assert sig(274, 2, "Araghchi briefs MPs", "Abbas Araghchi briefed MPs on the talks on Tuesday.").frame == {"hearing"}


def test_speaking_to_an_audience_is_a_speech_and_speaking_to_an_outlet_is_no_occasion():
    students = sig(281, 2, "Khamenei: negotiation is no cure-all",
                   "Ali Khamenei spoke to hundreds of students in Tehran on Tuesday and said negotiation was no cure-all.")
    agency = sig(282, 2, "Takht-Ravanchi: the governors' meeting went well",
                 "Majid Takht-Ravanchi said the governors' meeting had gone well. Speaking to the state news agency "
                 "after the meeting, he said the next round would be in Geneva.")
    assert students.frame == {"speech"} and not agency.frame


# --- A press conference told as questions from reporters at a venue -----------------------------

RALLY_SHIRAZ = [
    sig(291, 0, "Ghalibaf in Shiraz: we will not negotiate under threats",
        "Parliament Speaker Mohammad Bagher Ghalibaf told a crowd in Shiraz on Tuesday that Iran would not negotiate "
        "under threats and that its nuclear program was peaceful."),
    sig(292, 1, "Ghalibaf: no talks under threats",
        "Mohammad Bagher Ghalibaf said on Tuesday that Iran would not negotiate under threats. He was speaking at a "
        "rally in Shiraz attended by thousands."),
]
QUESTIONS_SHIRAZ = [  # the same speaker, city and day: his questions-and-answers session with the press
    sig(293, 5, "Ghalibaf: parliament and government agree on the negotiations",
        "SHIRAZ - Mohammad Bagher Ghalibaf on Tuesday denied any rift with the government over the negotiations "
        "with the United States.\n\nAnswering questions from journalists at the Fars provincial office in Shiraz, "
        "he said decisions on the talks were taken by the Supreme National Security Council."),
]


def test_answering_questions_from_reporters_at_a_venue_is_a_press_conference_not_the_rally():
    assert [s.frame for s in QUESTIONS_SHIRAZ] == [{"press conference"}]
    kept_apart(RALLY_SHIRAZ, QUESTIONS_SHIRAZ)
    # guard: questions taken on the way out of the talks are the talks' own coverage (no frame of their own)
    doorstep = sig(294, 3, "Araghchi: the Muscat round was useful",
                   "Abbas Araghchi said on Tuesday that the round of talks in Muscat had been useful. Answering "
                   "reporters' questions after the talks, he said experts would meet again next week.")
    assert not doorstep.frame
