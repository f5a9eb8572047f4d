"""Recall classes of issue 8 (session 23, second round), each with fixtures of our own wording and a guard
that must stay apart: an interview the Persian account frames by the broadcaster's name, one prisoner
swap told with different commenters, a round of talks told "in Oman's capital" or as a "round of US-Iran
talks", and a round whose account names no day. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import apart, incident, link
from tests.core.test_story_classes import _weight, kept_apart, no_links_across, sig, stories

# --- One interview, framed in Persian by the broadcaster's name ----------------------------------

INTERVIEW = [
    sig(1, 6, "Witkoff expects next Iran round within days, rules out enrichment",
        "US envoy Steve Witkoff said on Tuesday that the next round of talks with Iran would probably be held "
        "within days in Muscat, speaking in an interview with CNN. He said Iran could not keep enrichment and "
        "praised Oman's mediation."),
    sig(2, 7, "ویتکاف: دور بعدی مذاکرات احتمالا چند روز دیگر در مسقط",
        "استیو ویتکاف، فرستاده آمریکا، روز سه‌شنبه در گفت‌وگو با سی‌ان‌ان گفت دور بعدی مذاکرات با ایران "
        "احتمالا چند روز دیگر در مسقط برگزار خواهد شد. او گفت ایران نمی‌تواند غنی‌سازی داشته باشد."),
]


def test_an_interview_framed_by_the_broadcaster_s_name_in_persian_is_one_occasion():
    assert "interview" in INTERVIEW[1].frame and "interview" in INTERVIEW[0].frame
    assert link(*INTERVIEW, _weight(INTERVIEW)) is not None
    assert stories(INTERVIEW) == [[1, 2]]


def test_guard_a_conversation_with_a_person_frames_no_interview():
    call = sig(3, 8, "گفت‌وگوی عراقچی و البوسعیدی",
               "عباس عراقچی روز سه‌شنبه در گفت‌وگو با بدر البوسعیدی درباره دور بعدی مذاکرات در مسقط رایزنی کرد.")
    assert "interview" not in call.frame


def test_guard_the_talks_stay_apart_from_the_interview_about_them():
    talks = [
        sig(4, 1, "Iran and US hold round of talks in Muscat",
            "Iranian and US negotiators held a round of indirect talks in Muscat on Tuesday, with Oman's foreign "
            "minister Badr Albusaidi carrying messages between Abbas Araghchi and Steve Witkoff."),
        sig(5, 2, "دور تازه مذاکرات ایران و آمریکا در مسقط",
            "دور تازه مذاکرات غیرمستقیم ایران و آمریکا روز سه‌شنبه در مسقط با میانجی‌گری بدر البوسعیدی برگزار شد."),
    ]
    interview = sig(6, 9, "Araghchi tells Al Jazeera Muscat talks were useful",
                    "Foreign Minister Abbas Araghchi said on Tuesday that the round of talks in Muscat had been "
                    "useful, speaking in an interview with Al Jazeera.")
    interview_fa = sig(7, 10, "عراقچی: مذاکرات مسقط مفید بود",
                       "عباس عراقچی روز سه‌شنبه در گفت‌وگو با الجزیره گفت دور مذاکرات مسقط مفید بود.")
    assert "interview" in interview_fa.frame
    no_links_across(talks, [interview, interview_fa])


# --- One prisoner swap, told with different people commenting on it ------------------------------

SWAP = [
    sig(11, 2, "Iran and US swap prisoners in Oman-mediated deal",
        "Iran and the United States swapped prisoners on Tuesday in a deal mediated by Oman, with two dual "
        "nationals flown out of Tehran and three Iranians released from US jails.\nThe two planes met in Muscat, "
        "Omani officials said."),
    sig(12, 3, "تبادل زندانیان میان ایران و آمریکا در مسقط",
        "اسماعیل بقائی سخنگوی وزارت امور خارجه روز سه‌شنبه از تبادل زندانیان میان ایران و آمریکا در مسقط خبر داد "
        "و آن را اقدامی انسان‌دوستانه خواند."),
    sig(13, 5, "Rubio welcomes release of Americans in exchange with Iran",
        "Secretary of State Marco Rubio said on Tuesday that the two Americans freed in the exchange of prisoners "
        "with Iran were on their way home, and thanked Oman for its help.\nThey left Muscat on a US government "
        "plane, the State Department said."),
]


def test_one_prisoner_swap_with_different_commenters_is_one_incident():
    assert incident(SWAP[0], SWAP[1]) and incident(SWAP[0], SWAP[2]) and incident(SWAP[1], SWAP[2])
    assert stories(SWAP) == [[11, 12, 13]]


def test_guard_another_country_s_swap_that_day_is_another_incident():
    belgium = sig(14, 4, "Iran and Belgium exchange prisoners in Brussels",
                  "Iran and Belgium exchanged prisoners in Brussels on Tuesday, freeing a Belgian aid worker and an "
                  "Iranian diplomat.")
    assert not incident(SWAP[0], belgium) and not incident(SWAP[2], belgium)
    kept_apart(SWAP[:1] + SWAP[2:], [belgium])


def test_guard_a_swap_on_another_day_is_another_incident():
    later = sig(15, 30, "Iran and US swap prisoners again",
                "Iran and the United States swapped prisoners on Wednesday in a second exchange mediated by Qatar.")
    assert not any(incident(s, later) for s in SWAP)


# --- A round of talks told "in Oman's capital", as a "round of US-Iran talks", or with no day ----------

ROUND = [
    sig(21, 4, "Negotiators end new round of indirect talks, agree on expert meetings",
        "MUSCAT (Wire) - Iranian and American negotiators ended a new round of indirect talks in Oman's capital on "
        "Tuesday after five hours of exchanges in separate rooms and agreed that technical experts from both sides "
        "would meet next week, officials said.\nForeign Minister Abbas Araghchi and envoy Steve Witkoff did not "
        "meet face to face; Badr Albusaidi carried written proposals between them. The gap on enrichment remains "
        "wide, officials said."),
    sig(22, 5, "پایان دور تازه مذاکرات غیرمستقیم در مسقط",
        "دور تازه مذاکرات غیرمستقیم ایران و آمریکا روز سه‌شنبه با حضور عباس عراقچی در مسقط به پایان رسید.\n"
        "بدر البوسعیدی وزیر خارجه عمان پیام‌های عراقچی و استیو ویتکاف را میان دو اتاق منتقل کرد."),
    sig(23, 6, "Analysis: Papers on the table as US-Iran talks move on",
        "The latest round of US-Iran talks in Muscat ended on Tuesday after five hours with both sides calling the "
        "mood useful, a familiar word that this time came with something new: for the first time the negotiators "
        "traded written proposals in separate rooms.\nAraghchi and Witkoff did not meet face to face while Badr "
        "Albusaidi shuttled between them. Analysts say the gap on enrichment is still wide and experts will meet "
        "next week."),
    sig(24, 7, "Oman says the talks were serious as both sides set up an expert track",
        "Oman described the round of indirect talks as serious and forward-looking after the two delegations spent "
        "the day in separate rooms in Muscat trading written proposals through Omani mediators, a step analysts see "
        "as the process moving on from principles.\nAraghchi and Witkoff agreed that experts would meet next week, "
        "Badr Albusaidi said, though the gap on enrichment remains wide."),
]


def test_one_round_told_by_the_capital_s_description_by_its_parties_or_without_a_day_is_one_story():
    assert "Muscat" in ROUND[0].lead and "round of talks" in ROUND[2].lead and ROUND[3].day is None
    assert stories(ROUND) == [[21, 22, 23, 24]]


def test_guard_the_mediator_s_call_that_evening_stays_apart_from_the_round():
    call = [
        sig(25, 9, "Omani minister briefs Rubio by phone on Muscat round",
            "Omani Foreign Minister Badr Albusaidi spoke by phone with Secretary of State Marco Rubio on Tuesday "
            "evening to brief him on the round of talks in Muscat."),
        sig(26, 10, "Albusaidi and Rubio discuss talks in phone call",
            "Badr Albusaidi and Marco Rubio discussed the outcome of the Muscat talks in a phone call on Tuesday, "
            "the Omani foreign ministry said."),
    ]
    kept_apart(ROUND, call)
    assert not any(apart(r, c) for r in ROUND for c in call if link(r, c, _weight(ROUND + call)))


# --- An encounter at sea the navies tell, naming nobody, with the day told three ways --------------

ENCOUNTER = [
    sig(31, 20, "Navy says Iranian speedboats came close to US destroyer near Hormuz",
        "Several Iranian Revolutionary Guard speedboats came within 200 yards of a US destroyer in the Strait of "
        "Hormuz late Tuesday and the warship fired warning flares, the US Navy's Fifth Fleet said in a statement "
        "on Wednesday morning.\nThe boats left after half an hour; no one was hurt."),
    sig(32, 21, "سپاه: قایق‌های تندرو ناوشکن آمریکایی را وادار به تغییر مسیر کردند",
        "نیروی دریایی سپاه پاسداران اعلام کرد شناورهای این نیرو شامگاه سه‌شنبه ناوشکنی آمریکایی را که بدون اجازه "
        "به آب‌های ایران در تنگه هرمز نزدیک شده بود، با هشدار رادیویی وادار به تغییر مسیر کردند."),
    sig(33, 23, "US warship fires flares at IRGC boats in Hormuz",
        "A US destroyer fired warning flares at fast boats of Iran's Revolutionary Guards that approached it in "
        "the Strait of Hormuz, the US military said Wednesday, in the latest standoff in the waterway.\nAs many "
        "as six boats circled the ship on Tuesday night while it escorted a tanker, according to the Fifth Fleet."),
]


def test_one_encounter_at_sea_told_three_ways_is_one_incident():
    assert {s.day for s in ENCOUNTER} == {ENCOUNTER[0].day} and ENCOUNTER[0].day.weekday() == 1  # Tuesday
    assert stories(ENCOUNTER) == [[31, 32, 33]]


def test_guard_a_seizure_by_the_same_boats_that_day_is_another_incident():
    seizure = sig(34, 22, "IRGC speedboats seize tanker near Hormuz",
                  "Revolutionary Guard speedboats seized a foreign tanker in the Strait of Hormuz late Tuesday over "
                  "alleged fuel smuggling, Iranian state media said on Wednesday.")
    assert not any(incident(s, seizure) for s in ENCOUNTER)
    no_links_across(ENCOUNTER, [seizure])  # (same body, place and day: a names link but for the seizure's veto)


def test_guard_an_encounter_on_another_night_is_another_incident():
    later = sig(35, 44, "Iranian fast boats shadow another US destroyer",
                "Iranian Revolutionary Guard fast boats shadowed a US destroyer in the Strait of Hormuz on Wednesday "
                "night before the warship fired warning flares, the Navy said on Thursday.")
    assert later.day != ENCOUNTER[0].day
    assert not any(incident(s, later) for s in ENCOUNTER)


def test_guard_a_speaker_s_day_is_the_day_he_spoke():
    # a lead naming who spoke: "said on Wednesday" is his news, not the night of the talks the next sentence names
    said = sig(36, 22, "Araghchi says talks will go on",
               "Foreign Minister Abbas Araghchi said on Wednesday that the negotiations with the United States would "
               "go on whatever the pressure, in remarks carried by state media.\nThe last round ended late Tuesday.")
    assert said.day.weekday() == 2  # Wednesday
    # a weekday inside a relative clause told in the pluperfect still dates what the news answers
    relative = sig(37, 22, "بقائی: ادعای آمریکا بی‌اساس است",
                   "اسماعیل بقائی ادعایی را که ناوگان آمریکا روز سه‌شنبه مطرح کرده بود بی‌اساس خواند.")
    assert relative.day is None or relative.day.weekday() != 1


def test_a_day_the_speaker_refers_to_is_not_the_day_he_spoke():
    referring = sig(38, 30, "قالیباف: به وعده‌های آمریکا نمی‌توان اعتماد کرد",
                    "رئیس مجلس در گفت‌وگو با شبکه خبر گفت مذاکرات تنها با رفع تحریم‌ها ارزش دارد. او با اشاره به "
                    "تحریم‌های روز سه‌شنبه آمریکا گفت طرف مقابل که پشت میز نشسته بود تحریم تازه وضع کرد.")
    assert referring.day is None or referring.day.weekday() != 1


def test_the_same_articles_in_any_order_give_the_same_stories():
    import random

    from core.stories import group

    seizure = sig(34, 22, "IRGC speedboats seize tanker near Hormuz",
                  "Revolutionary Guard speedboats seized a foreign tanker in the Strait of Hormuz late Tuesday over "
                  "alleged fuel smuggling, Iranian state media said on Wednesday.")
    sigs = INTERVIEW + SWAP + ROUND + ENCOUNTER + [seizure]
    weight = _weight(sigs)
    expected = sorted(sorted(g) for g in group(sigs, weight))
    assert [1, 2] in expected and [11, 12, 13] in expected and [21, 22, 23, 24] in expected
    assert [31, 32, 33] in expected and [34] in expected
    rng = random.Random(8)
    for _ in range(20):
        rng.shuffle(sigs)
        assert sorted(sorted(g) for g in group(sigs, weight)) == expected
