"""Precision of issue 8 (session 33), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

A market's move that traders put down to an interview is the market's news, not the interview's
(``core.stories._market_against_other``); a Persian designation told "on the day the round was held" is the
designation's news, not the round's (``core.signature._MEANWHILE_FA``)."""

from __future__ import annotations

from core.stories import _market_against_other, _meeting_against_act, _preview_against_meeting, link
from tests.core.test_story_classes import _weight, kept_apart, no_links_across, sig, stories

INTERVIEW = [
    sig(1, 0, "Trump says he could meet Pezeshkian 'when the time is right'",
        "US President Donald Trump said in a television interview aired on Tuesday that he would be willing to "
        "meet Iranian President Masoud Pezeshkian when the time was right, and warned that Iran would face "
        "something very bad if the negotiations failed."),
    sig(2, 2, "Trump's offer to meet Pezeshkian unsettles Israeli officials",
        "President Donald Trump's remark in a television interview that he could meet Iran's President Masoud "
        "Pezeshkian drew unease among Israeli officials on Tuesday, who fear a summit would reward Tehran."),
    # a Persian account that reads the interview against the round to come (its primary: the round)
    sig(5, 0, "تهدید دوباره ترامپ در آستانه دور چهارم مذاکرات",
        "رئیس‌جمهور آمریکا در گفت‌وگویی تلویزیونی که بامداد امروز پخش شد بار دیگر ایران را تهدید کرد. دونالد ترامپ "
        "در این مصاحبه همچنین گفت حاضر است در زمان مناسب با مسعود پزشکیان دیدار کند. این سخنان چند ساعت پیش از "
        "آغاز دور چهارم گفت‌وگوهای غیرمستقیم در مسقط بیان شد."),
]
RIAL = [
    sig(3, 3, "Rial climbs as traders bet on diplomacy",
        "Iran's rial climbed against the dollar on Tuesday and shares in Tehran rose, dealers said, after US "
        "President Donald Trump said he was open to meeting President Masoud Pezeshkian. The dollar sold for "
        "about 1,020,000 rials on the open market, against 1,090,000 a day earlier."),
    sig(4, 4, "ریزش قیمت دلار در بازار آزاد تهران",
        "قیمت دلار در بازار آزاد تهران امروز سه‌شنبه کاهش یافت و هر دلار به حدود ۱۰۲ هزار تومان رسید. فعالان "
        "بازار ارز این کاهش را به سخنان رئیس‌جمهور آمریکا درباره آمادگی برای دیدار با همتای ایرانی نسبت دادند."),
]


def test_a_market_move_put_down_to_an_interview_is_not_the_interview():
    weight = _weight(INTERVIEW + RIAL)
    assert "currency market" in RIAL[0].primary  # what the rule reads
    assert all(link(r, i, weight) is None for r in RIAL for i in INTERVIEW)
    assert [3, 4] in stories(INTERVIEW, RIAL)
    no_links_across(INTERVIEW, RIAL)


ROUND = [
    sig(11, 8, "US and Iranian envoys end fourth round in Muscat",
        "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff ended a fourth round of indirect talks "
        "in Muscat on Tuesday, with Oman's foreign minister carrying messages between the two delegations."),
    sig(12, 9, "پایان دور چهارم مذاکرات غیرمستقیم در مسقط",
        "دور چهارم گفت‌وگوهای غیرمستقیم ایران و آمریکا امروز سه‌شنبه در مسقط با میانجیگری عمان به پایان رسید و "
        "عباس عراقچی فضای مذاکرات را جدی توصیف کرد."),
]
DESIGNATION_FA = [
    sig(13, 10, "تحریم‌های تازه خزانه‌داری آمریکا در روز مذاکرات مسقط",
        "وزارت خزانه‌داری آمریکا روز سه‌شنبه، در روزی که دور چهارم گفت‌وگوهای ایران و آمریکا در مسقط برگزار شد، "
        "شش شرکت و پنج نفتکش را به اتهام حمل نفت ایران تحریم کرد. دفتر کنترل دارایی‌های خارجی گفت این شبکه نفت "
        "ایران را به خریداران آسیایی رسانده است."),
]


def test_a_persian_designation_on_the_day_of_the_round_is_not_the_round():
    weight = _weight(ROUND + DESIGNATION_FA)
    assert "round of talks" not in DESIGNATION_FA[0].primary  # the clause «در روزی که ...» is background
    assert all(link(DESIGNATION_FA[0], r, weight) is None for r in ROUND)
    kept_apart(ROUND, DESIGNATION_FA)


def test_guard_a_persian_round_told_after_a_same_day_clause_is_the_round():
    told = sig(14, 9, "دور چهارم مذاکرات در مسقط برگزار شد",
               "در روزی که ترامپ بار دیگر ایران را تهدید کرد، دور چهارم گفت‌وگوهای غیرمستقیم ایران و آمریکا امروز "
               "سه‌شنبه در مسقط با میانجیگری عمان برگزار شد و عباس عراقچی فضای مذاکرات را جدی خواند.")
    assert "round of talks" in told.primary
    assert stories(ROUND + [told]) == [[11, 12, 14]]


DESIGNATION_AS_HELD_FA = [
    sig(15, 10, "تحریم ناوگان نفتکش‌های حامل نفت ایران",
        "وزارت خزانه‌داری آمریکا روز سه‌شنبه، همزمان با برگزاری دور چهارم مذاکرات تهران و واشینگتن در مسقط، هشت "
        "شرکت و شش نفتکش را به دلیل حمل نفت ایران تحریم کرد."),
]


def test_a_persian_designation_as_the_round_is_held_is_not_the_round():
    weight = _weight(ROUND + DESIGNATION_AS_HELD_FA)
    assert "Muscat" not in DESIGNATION_AS_HELD_FA[0].lead  # the clause «همزمان با برگزاری ...» is background
    assert all(link(DESIGNATION_AS_HELD_FA[0], r, weight) is None for r in ROUND)
    kept_apart(ROUND, DESIGNATION_AS_HELD_FA)


def test_guard_a_headline_set_at_the_talks_keeps_its_place():
    # «هم‌زمان با مذاکرات مسقط» in a headline tells where the news is set, with no verbal noun of an occasion held
    headline = sig(16, 10, "تحریم‌های جدید آمریکا هم‌زمان با مذاکرات مسقط",
                   "وزارت خزانه‌داری آمریکا شب گذشته هشت شرکت و شش نفتکش را به اتهام حمل نفت ایران تحریم کرد.")
    assert "Muscat" in headline.lead


# --- Two calls of the minister's day: the one with Oman's minister about the talks, the one with the IAEA chief ------

CALL_OMAN = [
    sig(23, 3, "Araghchi, Omani counterpart discuss next steps after Muscat talks",
        "Iranian Foreign Minister Abbas Araghchi and his Omani counterpart Badr Albusaidi discussed in a phone call "
        "on Tuesday the next phase of the indirect negotiations hosted in Muscat, Iran's Foreign Ministry said."),
]
CALL_GROSSI = [
    sig(24, 7, "Araghchi warns IAEA chief against politicising report",
        "Iranian Foreign Minister Abbas Araghchi told IAEA chief Rafael Grossi in a phone call on Tuesday that using "
        "the agency's report against Tehran would harm cooperation, Iran's Foreign Ministry said. It was his second "
        "call of the day, after he spoke with Oman's foreign minister about the indirect talks."),
]


def test_a_call_that_mentions_the_other_call_is_not_it():
    # (session 33 tried reading Muscat as mentioned by any article telling the Oman talks; beside a call it joined these)
    kept_apart(CALL_OMAN, CALL_GROSSI)


# --- The validation pool's wrong merges (38v2, 38v3), read after the freeze ----------------------------------------

SULTAN_FA = [
    sig(31, -1, "دیدار عراقچی با سلطان عمان؛ تسلیم پیام کتبی پزشکیان",
        "سید عباس عراقچی، وزیر امور خارجه، صبح امروز سه‌شنبه در کاخ البرکه مسقط با سلطان هیثم بن طارق، پادشاه عمان، "
        "دیدار و گفت‌وگو کرد و پیام کتبی مسعود پزشکیان را به او تسلیم کرد. دو طرف درباره همکاری‌های اقتصادی و "
        "امنیت کشتیرانی گفت‌وگو کردند."),
]
SESSION_EN = [
    sig(32, 6, "Iranian, US envoys trade proposals through Omani mediator",
        "Iran and the United States traded written proposals through Omani mediators on Tuesday in a three-hour "
        "session in Muscat. The Iranian delegation, led by Foreign Minister Abbas Araghchi, and the American team "
        "headed by envoy Steve Witkoff sat in separate rooms, a diplomatic source said."),
]


def test_the_minister_received_by_the_sultan_is_not_the_minister_at_the_talks():
    assert "Haitham bin Tariq" in SULTAN_FA[0].people and not SESSION_EN[0].primary  # what the rule reads
    kept_apart(SULTAN_FA, SESSION_EN)


BRIEFING = [
    sig(41, -24, "Iran rules out missile talks, confirms new Oman round",
        "Iran will not discuss its missile programme in any negotiations with the United States, a foreign ministry "
        "spokesman said on Monday, confirming that Foreign Minister Abbas Araghchi would head to Muscat on Tuesday "
        "for another round of indirect talks. \"Our defence is not negotiable,\" Esmaeil Baqaei told his weekly "
        "news conference in Tehran."),
]
VOTE = [
    sig(42, -21, "Iran's parliament moves to bind Araghchi on eve of Oman round",
        "Iran's parliament voted on Monday to require lawmakers' approval of any nuclear agreement with the United "
        "States, a move that could narrow the room of Foreign Minister Abbas Araghchi a day before he was due in "
        "Muscat. The measure passed its first reading by a wide margin."),
]


def test_a_vote_the_briefing_was_asked_about_is_not_the_briefing():
    assert "press conference" in BRIEFING[0].frame and "Esmaeil Baqaei" in BRIEFING[0].speakers
    kept_apart(BRIEFING, VOTE)


RELEASE = [
    sig(51, 1, "Iran frees Iranian-American engineer, who lands in Oman",
        "Iran released Iranian-American engineer Dariush Farahani on Tuesday and he arrived in Muscat aboard an "
        "Omani government plane, officials said, after nearly three years in prison."),
    sig(52, 4, "Oman flies freed US-Iranian engineer to Muscat",
        "An Omani government aircraft carrying Dariush Farahani landed in Muscat on Tuesday, ending the engineer's "
        "nearly three-year detention in Iran, Oman's foreign ministry said."),
]
REMARKS_EN = [
    sig(53, 8, "Trump says Iran 'wants a deal very badly'",
        "President Donald Trump said on Tuesday that Iran wanted a deal very badly but warned that his patience was "
        "not unlimited. \"They can't have a nuclear weapon, it's very simple,\" he told reporters in the Oval Office. "
        "Asked about the engineer freed that morning, Trump said he was glad Dariush Farahani was on his way home and "
        "thanked Oman."),
]


def test_remarks_that_hail_a_release_in_passing_are_not_the_release():
    assert "Donald Trump" == REMARKS_EN[0].first and "release" in RELEASE[0].primary
    kept_apart(RELEASE, REMARKS_EN)


# --- A byline closing the headline (34g) ---------------------------------------------------------------------------

OP_ED = [
    sig(61, 26, "Pressure and talks: a week in review (by Kamal Kharrazi)",
        "In three days Iran has faced new American sanctions, a warning from three European capitals and another round "
        "of talks in Muscat that both sides called constructive. Washington sanctions on Monday and negotiates on "
        "Tuesday because it believes pressure buys concessions."),
]
ROUND_FA_TUESDAY = [
    sig(62, 4, "پایان دور تازه گفت‌وگوهای ایران و آمریکا در مسقط",
        "دور جدید گفت‌وگوهای ایران و آمریکا روز سه‌شنبه در مسقط، پایتخت عمان، پس از حدود چهار ساعت به پایان رسید و "
        "قرار است گروه‌های کارشناسی از هفته آینده درباره جزئیات فنی گفت‌وگو کنند."),
]


def test_a_byline_closing_the_headline_makes_an_op_ed():
    assert OP_ED[0].primary == {"op-ed"}
    kept_apart(OP_ED, ROUND_FA_TUESDAY)


# --- A preview against the eve's designation (34g) -----------------------------------------------------------------

PREVIEW = [
    sig(71, -22, "Iran, US envoys head to Oman for talks with sanctions on the table",
        "Iranian and US negotiators will meet in Muscat on Tuesday, with Washington pressing for limits on "
        "enrichment and Tehran demanding sanctions relief first, diplomats said. The talks follow months of "
        "messages passed through Oman. Foreign Ministry spokesman Esmaeil Baqaei said the format would stay indirect, "
        "and called the US Treasury's latest sanctions a sign of bad faith."),
]
CONDEMNED = [
    sig(72, -7, "Tehran slams new US sanctions on eve of Muscat talks",
        "Iran has condemned new US sanctions on companies and tankers accused of carrying Iranian oil as proof of "
        "Washington's bad faith, hours before negotiators are due to meet in Oman. In a statement late on Monday, "
        "Foreign Ministry spokesman Esmaeil Baqaei called the Treasury's designations illegal."),
]


def test_a_preview_is_not_the_eve_s_designation():
    assert PREVIEW[0].ahead and CONDEMNED[0].primary == {"designation"}
    assert _preview_against_meeting(PREVIEW[0], CONDEMNED[0])  # (texts more alike than these would link them)
    kept_apart(PREVIEW, CONDEMNED)


# --- The second validation pool's wrong merges (39v3, 39v1), read after its freeze ---------------------------------

LEADER_FA = [
    sig(81, 1, "خامنه‌ای ادعای ترامپ درباره اشتیاق ایران به مذاکره را رد کرد",
        "علی خامنه‌ای، رهبر جمهوری اسلامی، روز سه‌شنبه در دیدار با گروهی از دانشجویان در تهران گفت اظهارات دونالد "
        "ترامپ درباره تمایل ایران به مذاکره «خلاف واقع» است. علی خامنه‌ای گفت: «گفت‌وگو زیر سایه تهدید "
        "شرافتمندانه نیست.»"),
]
RIAL_TUESDAY = [
    sig(82, 3, "Iran's rial firms, then pares gains after leader's remarks",
        "Iran's rial strengthened on Tuesday morning after US President Donald Trump said Tehran wanted to negotiate, "
        "before giving back part of its gains after remarks by Supreme Leader Ali Khamenei, dealers said. The dollar "
        "sold for 1,062,000 rials in early trade on the open market."),
]


def test_a_market_move_is_not_the_remarks_it_answered():
    assert LEADER_FA[0].first in LEADER_FA[0].speakers and not LEADER_FA[0].primary  # what the rule reads
    assert "currency market" in RIAL_TUESDAY[0].primary
    assert _market_against_other(LEADER_FA[0], RIAL_TUESDAY[0])
    kept_apart(LEADER_FA, RIAL_TUESDAY)


BILL_FA = sig(83, 4, "مجلس با دوفوریت طرح محدودسازی بازرسی‌های آژانس موافقت کرد",
              "مجلس روز سه‌شنبه با دوفوریت طرحی موافقت کرد که دسترسی بازرسان آژانس بین‌المللی انرژی اتمی را به مجوز "
              "شورای عالی امنیت ملی منوط می‌کند.")


def test_a_double_urgency_is_a_bill():
    assert "bill" in BILL_FA.lead


ARRIVAL_FA = sig(84, 8, "عراقچی در مسقط با بوسعیدی دیدار کرد",
                 "سید عباس عراقچی، وزیر امور خارجه، که بعدازظهر سه‌شنبه برای شرکت در دور پنجم مذاکرات غیرمستقیم وارد "
                 "مسقط شد، شامگاه با بدر البوسعیدی، همتای عمانی خود دیدار و گفت‌وگو کرد.")


def test_a_round_he_arrived_to_take_part_in_is_not_what_the_lead_says_first():
    assert "round of talks" not in ARRIVAL_FA.primary


# --- A preview against the minister's warning on landing (34f) ----------------------------------------------------

PREVIEW_ROUND = [
    sig(91, -5, "Iran and US envoys head to Oman for fourth round of nuclear talks",
        "Iran's foreign minister and the US special envoy are expected to meet through Omani mediators on Tuesday "
        "afternoon for a fourth round of talks over Tehran's nuclear program. Abbas Araghchi left Tehran early "
        "Tuesday, state media said. Europe's threat of a snapback of UN sanctions hangs over the talks."),
]
WARNING_ON_LANDING = [
    sig(92, 0, "Iran's top diplomat warns Europe over snapback on arrival in Oman",
        "Iran's foreign minister warned European powers on Tuesday that a snapback of United Nations sanctions would "
        "bring a firm response, including cuts to cooperation with IAEA inspectors. Abbas Araghchi spoke to reporters "
        "at Muscat's airport shortly after landing."),
]


def test_a_preview_is_not_the_warning_on_landing():
    assert PREVIEW_ROUND[0].ahead and not WARNING_ON_LANDING[0].primary and "snapback" in WARNING_ON_LANDING[0].early
    assert _preview_against_meeting(PREVIEW_ROUND[0], WARNING_ON_LANDING[0])
    kept_apart(PREVIEW_ROUND, WARNING_ON_LANDING)


# --- Held-out 40a and 40b, read after their scoring ----------------------------------------------------------------

DESIGNATION_PLURAL_FA = [
    sig(101, 7, "تحریم‌های تازه آمریکا علیه شبکه فروش نفت سپاه",
        "وزارت خزانه‌داری و وزارت خارجه آمریکا روز سه‌شنبه در اقدامی هماهنگ، ده‌ها شرکت و نفتکش را به اتهام فروش نفت "
        "ایران برای سپاه پاسداران تحریم کردند."),
]
WAIVER = [
    sig(102, 8, "US extends waiver letting Iraq pay for Iranian electricity",
        "The State Department has renewed a sanctions waiver that lets Iraq pay Iran for electricity for another 90 "
        "days, with tighter limits on how the money is used, a notification to Congress said on Tuesday. The decision "
        "came the same day the Treasury and the State Department sanctioned an oil network tied to the IRGC."),
]


def test_a_plural_designation_is_a_designation_not_the_waiver():
    assert DESIGNATION_PLURAL_FA[0].primary == {"designation"}
    kept_apart(DESIGNATION_PLURAL_FA, WAIVER)


QATARI_VISIT = [
    sig(111, 1, "Pezeshkian: Iran has never sought nuclear weapons",
        "President Masoud Pezeshkian says Iran has never sought nuclear weapons and is engaging in diplomacy in good "
        "faith. Pezeshkian made the remarks in a meeting with the Qatari Prime Minister and Foreign Minister in Tehran "
        "on Tuesday."),
]
COUNCIL_FA = [
    sig(112, 0, "شورای نگهبان طرح صیانت از حقوق هسته‌ای را تأیید کرد",
        "سخنگوی شورای نگهبان روز سه‌شنبه از تأیید طرح صیانت از حقوق هسته‌ای خبر داد. با تأیید شورای نگهبان، این مصوبه "
        "برای ابلاغ به رئیس‌جمهور ارسال می‌شود و دسترسی بازرسان آژانس به مصوبه شورای عالی امنیت ملی نیاز خواهد داشت."),
]


def test_the_president_s_meeting_with_a_qatari_is_not_the_law_sent_to_him():
    assert "Qatar" in QATARI_VISIT[0].sides and COUNCIL_FA[0].primary
    assert _meeting_against_act(QATARI_VISIT[0], COUNCIL_FA[0])
    kept_apart(QATARI_VISIT, COUNCIL_FA)


def test_guard_a_hyphen_before_by_is_no_byline():
    loan = sig(121, 0, "IMF board weighs a new stand-by Arrangement",
               "The IMF's board on Tuesday discussed a stand-by arrangement for Egypt, its spokesman said.")
    assert loan.primary != {"op-ed"}
