"""Precision of issue 8 (session 31), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

The spokesman's remarks that morning, as the delegation flies out for the talks, are not the round the minister
holds that afternoon, though the morning's lead names the minister, the envoy and the place: the talks to come are
not its news (``core.signature._NOT_NEWS``), and the speaker a quotation after the lead is attributed to is no
background another account may leave out (``Signature.speakers``). The Leader's address at a «دیدار» with
ambassadors the day after the round, in which he spoke of it, is not an analysis of the round that recalls it
(``core.stories._speech_against_round``); an analysis of that speech («سخنان ... در دیدار با ... را») frames no
occasion of its own and keeps the speech's day."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

MORNING = [
    sig(1, -2, "Iran rules out talks on enrichment as negotiators leave for Oman",
        "Iran on Tuesday said its right to enrich uranium was not up for discussion as its foreign minister flew to "
        "Muscat for a new round of talks with the United States. \"Enrichment is not on the table,\" foreign ministry "
        "spokesman Esmaeil Baqaei told reporters in Tehran, hours before the talks were due to begin. He said the "
        "format would stay indirect, with Omani officials passing messages between Abbas Araghchi and Steve Witkoff."),
]
ROUND = [
    sig(2, 7, "Araghchi calls Muscat round 'serious', says experts will meet next",
        "Iran's Foreign Minister Abbas Araghchi said the round of indirect talks with the United States held in "
        "Muscat on Tuesday was serious and detailed. Speaking to reporters after the talks, he said Iran's right to "
        "enrich uranium was not open to bargaining and the round had stayed indirect. Messages were passed through "
        "Omani Foreign Minister Badr Albusaidi, he said, and experts would meet in the coming days."),
    sig(3, 8, "US and Iranian negotiators end round in Muscat, plan expert talks",
        "Abbas Araghchi and Steve Witkoff held a new round of indirect talks in Muscat on Tuesday, with Oman's "
        "foreign minister Badr Albusaidi carrying messages between the two delegations, and agreed that experts "
        "would meet next week, Araghchi said afterwards."),
]


def test_the_spokesman_s_morning_remarks_are_not_the_round_that_afternoon():
    weight = _weight(MORNING + ROUND)
    assert link(MORNING[0], ROUND[0], weight) is None
    kept_apart(MORNING, ROUND)


def test_guard_a_journey_to_the_talks_is_not_what_the_lead_says_happened():
    assert not MORNING[0].primary & {"round of talks"}
    assert MORNING[0].speakers == {"Esmaeil Baqaei"}
    assert "round of talks" in ROUND[1].primary


# --- The Leader's address to ambassadors, and an analysis of the round the day after ---------------------------

SPEECH = [
    sig(11, 24, "خامنه‌ای: گفت‌وگو مانعی ندارد، اما به آمریکا نباید اعتماد کرد",
        "علی خامنه‌ای، رهبر جمهوری اسلامی، روز چهارشنبه در دیدار با سفیران و کارداران ایران در کشورهای دیگر گفت "
        "گفت‌وگو به‌خودی‌خود اشکالی ندارد اما اعتماد به آمریکا خطاست. این نخستین سخنان او پس از دور تازه "
        "مذاکرات ایران و آمریکا در مسقط بود."),
]
ANALYSIS = [
    sig(12, 43, "Muscat round: detail at the table, limits at home",
        "The new round of indirect talks between Tehran and Washington, held in Muscat early in the week, went into "
        "more detail than any before it, people close to the process say. Foreign Minister Abbas Araghchi called it "
        "serious. On Wednesday the Leader of the Islamic Revolution told ambassadors that trusting Washington would "
        "be a mistake, and lawmakers approved the outline of a bill on oversight of any deal."),
]


def test_the_leader_s_address_to_ambassadors_is_not_an_analysis_of_the_round():
    assert "speech" in SPEECH[0].frame
    assert link(SPEECH[0], ANALYSIS[0], _weight(SPEECH + ANALYSIS)) is None


# An analysis of the Leader's speech: his words at the «دیدار» are what it is about, not an occasion of its own.
SPEECH_TOLD = [
    sig(21, 26, "رهبر انقلاب در دیدار با فرماندهان بسیج: به مذاکره دل نبندید",
        "حضرت آیت‌الله خامنه‌ای صبح امروز چهارشنبه در دیدار هزاران نفر از فرماندهان بسیج گفتند با گفت‌وگو مخالف "
        "نیستند اما مشکلات کشور را نباید به نتیجه مذاکره با آمریکا گره زد."),
    sig(22, 33, "سخنرانی خامنه‌ای برای بسیج: حمایت مشروط از مذاکره",
        "سخنان علی خامنه‌ای در دیدار با فرماندهان بسیج در روز چهارشنبه را می‌توان حمایتی مشروط از ادامه مذاکرات "
        "دانست. رهبر جمهوری اسلامی گفت با گفت‌وگو مخالف نیست، اما سقفی سخت برای آن تعیین کرد."),
]


def test_an_analysis_of_the_speech_keeps_its_day_and_joins_it():
    assert not SPEECH_TOLD[1].frame
    assert SPEECH_TOLD[1].day == SPEECH_TOLD[0].day
    assert stories(SPEECH_TOLD) == [[21, 22]]


# --- The E3's statement issued on the sidelines of the General Assembly, and the minister's meeting there ---------
# The statement's Persian account says where it was issued («در حاشیه مجمع عمومی») and, further on, that the
# minister had met the IAEA chief hours before; the meeting's account never names the E3.

SIDELINES_MEETING = [
    sig(31, 2, "Araghchi and Grossi discuss cooperation on UN assembly sidelines",
        "Iran's Foreign Minister Abbas Araghchi met the head of the International Atomic Energy Agency, Rafael Grossi, "
        "on the sidelines of the UN General Assembly in New York on Tuesday. The two discussed how Iran's cooperation "
        "with the agency could continue within the framework of Iranian law, Araghchi said."),
]
E3_STATEMENT = [
    sig(32, 6, "تروئیکای اروپایی خواستار دسترسی کامل بازرسان آژانس در ایران شد",
        "وزیران خارجه بریتانیا، فرانسه و آلمان روز سه‌شنبه در بیانیه‌ای مشترک در حاشیه مجمع عمومی سازمان ملل در "
        "نیویورک از ایران خواستند دسترسی کامل بازرسان آژانس بین‌المللی انرژی اتمی را بی‌درنگ برقرار کند. این سه "
        "کشور از گفت‌وگوهای ایران و آمریکا استقبال کردند. این بیانیه چند ساعت پس از دیدار عباس عراقچی و رافائل "
        "گروسی در نیویورک منتشر شد."),
]


def test_a_statement_issued_on_the_sidelines_is_not_a_meeting_held_there():
    assert link(SIDELINES_MEETING[0], E3_STATEMENT[0], _weight(SIDELINES_MEETING + E3_STATEMENT)) is None


# --- Parliament's vote on a bill that would bind "any Trump deal", and the president's remarks that day ------------

VOTE = [
    sig(41, 2, "Iranian lawmakers fast-track bill to bind any Trump deal to a parliament vote",
        "Iran's parliament on Tuesday voted to fast-track a bill that would bar the government from halting uranium "
        "enrichment and require any agreement with Washington to be ratified by lawmakers. The bill was approved by "
        "a wide margin. Israeli officials said the vote showed who sets the limits in Tehran as the talks with Iran "
        "go on, days after Steve Witkoff had a very good meeting with Iranian negotiators in Muscat on Monday. "
        "Washington says Iran can never have a nuclear weapon."),
]
REMARKS = [
    sig(42, 6, "Trump says Iran talks 'going very well', warns of consequences",
        "US President Donald Trump said on Tuesday that talks with Iran were going very well and that his envoy "
        "Steve Witkoff had a very good meeting on Monday, but warned that Iran could never have a nuclear weapon. "
        "Trump told reporters at the White House that news on Americans held in Iran could come soon."),
]


def test_a_tracked_official_named_as_the_principal_of_a_deal_is_not_who_acted():
    assert "Donald Trump" not in VOTE[0].lead
    assert link(VOTE[0], REMARKS[0], _weight(VOTE + REMARKS + MORNING + ROUND + SPEECH)) is None


# --- The inspectors' report, and the E3's statement on it the same day ---------------------------------------------
# No person in either lead; both name the agency and its report; the statement's lead adds the E3, whom the report's
# account never names: the three's statement is news of its own, not a source (``core.stories.STATING_BODIES``).

REPORT = [
    sig(51, 1, "IAEA report says Iran's stock of enriched uranium grew again",
        "The International Atomic Energy Agency said in a confidential report on Tuesday that Iran's stockpile of "
        "uranium enriched up to 60 percent had grown again, and that its inspectors still had no access to two "
        "sites. The agency's quarterly report, seen by reporters in Vienna, goes to its board next week."),
]
STATEMENT = [
    sig(52, 5, "E3 say IAEA report shows Iran's enriched uranium stock is still growing",
        "Britain, France and Germany said on Tuesday that the IAEA's latest report showed Iran's stock of uranium "
        "enriched up to 60 percent was still growing, and urged Tehran to give the agency's inspectors access to "
        "all sites. The three European powers said they were weighing a resolution at the agency's board."),
]


def test_a_third_party_s_statement_on_a_report_is_not_the_report():
    assert link(REPORT[0], STATEMENT[0], _weight(REPORT + STATEMENT + MORNING + ROUND + SPEECH)) is None


# --- "his weekly presser" is a press conference, not a speech; a team heading into a round is not the round ------

PRESSER = sig(61, -2, "Baqaei: defence capabilities are not on the table",
              "Iran's foreign ministry spokesman said the country's defence capabilities would never be negotiated, as "
              "an Iranian team heads into a new round of indirect talks with the United States. Speaking at his "
              "weekly presser in Tehran on Tuesday, Esmaeil Baqaei said the talks were confined to the nuclear file.")


def test_a_presser_is_a_press_conference_and_the_round_ahead_is_not_its_news():
    assert PRESSER.frame == {"press conference"}
    assert "round of talks" not in PRESSER.primary


# --- The spokesman's morning briefing, and an op-ed on the round that tells the briefing first --------------------

BRIEFING = [
    sig(71, -1, "Baqaei: talks will stay indirect and confined to the nuclear file",
        "Foreign ministry spokesman Esmaeil Baqaei said at his weekly news conference in Tehran on Tuesday that the "
        "talks with the United States would remain indirect and confined to the nuclear file, hours before the "
        "delegation's session in Muscat. Baqaei said Iran's defence capabilities were not on the agenda."),
    sig(72, 0, "Iran says talks with US to stay indirect as fifth round opens in Oman",
        "Iran said on Tuesday its talks with the United States would stay indirect and limited to the nuclear issue, "
        "as its negotiators arrived in Oman for a fifth round of discussions. "
        "\"The format has not changed,\" foreign ministry spokesman Esmaeil Baqaei told his weekly news conference "
        "in Tehran. He said Iran's defence capabilities would never be on the agenda."),
]
OPED = [
    sig(73, 19, "Muscat's fifth round: momentum at the table, noise from Washington",
        "Three moments on Tuesday summed up the state of Iran-US diplomacy. In the morning, foreign ministry "
        "spokesman Esmaeil Baqaei told reporters in Tehran the talks would stay indirect and confined to the nuclear "
        "file. By the afternoon, the round in Muscat had ended with Abbas Araghchi calling it serious, and hours "
        "later Donald Trump told reporters a deal was close. It is the Muscat session that deserves the closest "
        "reading: the two delegations moved beyond principles, Omani mediators said."),
]


def test_an_op_ed_on_the_round_is_not_the_briefing_it_tells_first():
    weight = _weight(BRIEFING + OPED + MORNING + ROUND + SPEECH)
    assert all(link(b, OPED[0], weight) is None for b in BRIEFING)
    assert stories(BRIEFING) == [[71, 72]]


# --- The round in Muscat, and the minister's audience with the Sultan before he left (in Persian) ------------------

ROUND_EN = [
    sig(81, 2, "Araghchi: Muscat round more serious, experts to meet next",
        "Iranian Foreign Minister Abbas Araghchi said the round of indirect talks with the United States held in "
        "Muscat on Tuesday was more serious than the last. Speaking to reporters after the negotiations, he said "
        "messages went through Omani Foreign Minister Badr Albusaidi and experts would meet next week."),
]
SULTAN_FA = [
    sig(82, 20, "دیدار عراقچی با سلطان عمان؛ پیام پزشکیان تحویل شد",
        "وزیر امور خارجه که برای دور تازه گفت‌وگوهای غیرمستقیم به مسقط رفته بود، پیش از بازگشت به تهران با سلطان "
        "هیثم بن طارق، پادشاه عمان، دیدار کرد. عباس عراقچی در این دیدار پیام کتبی مسعود پزشکیان را به سلطان عمان داد "
        "و گزارشی از مذاکرات روز گذشته در مسقط ارائه داد. بدر البوسعیدی نیز در این دیدار حضور داشت."),
]


def test_the_minister_s_audience_with_a_ruler_is_not_the_round_he_came_for():
    assert link(ROUND_EN[0], SULTAN_FA[0], _weight(ROUND_EN + SULTAN_FA + MORNING + ROUND + SPEECH)) is None


# --- The talks in Muscat, and a prisoner flown to Muscat that day (in Persian): leads that name nobody ------------

TALKS_NOBODY = [
    sig(91, 3, "Oman says Iran-US talks make useful progress",
        "Iranian and American negotiators made useful progress in indirect talks in Muscat on Tuesday, the Omani "
        "foreign ministry said, though the dispute over enrichment remained open."),
]
FLOWN_FA = [
    sig(92, 6, "زندانی دوتابعیتی با هواپیمای عمانی از ایران خارج شد",
        "شهروند دوتابعیتی که از سه سال پیش در زندان بود، روز سه‌شنبه با هواپیمای دولت عمان از ایران خارج شد و به "
        "مسقط رسید. سخنگوی قوه قضاییه گفت او با تودیع وثیقه و به دلایل درمانی آزاد شده است."),
]


def test_a_place_both_leads_name_is_not_enough_when_they_name_nobody():
    assert link(TALKS_NOBODY[0], FLOWN_FA[0], _weight(TALKS_NOBODY + FLOWN_FA + MORNING + ROUND + SPEECH)) is None


# --- "Iran lets jailed American go as Witkoff meets Iranians in Oman", and the talks' own account ----------------

LET_GO = [
    sig(101, 5, "Iran lets jailed American go as Witkoff meets Iranians in Oman",
        "Iran on Tuesday released a jailed dual national held for two years on spying charges, in what analysts called "
        "a gesture timed to the talks between Iranian officials and US envoy Steve Witkoff in Muscat. He was flown to "
        "the Omani capital, where US officials met him, a person familiar with the matter said."),
]
TALKS_HEAD = [
    sig(102, 3, "Oman says Iran-US talks make progress, but enrichment still divides",
        "Iranian and American negotiators made useful progress in indirect talks in Muscat on Tuesday, the Gulf "
        "sultanate said, though officials signalled that the dispute over enrichment remained open. The session brought "
        "together Abbas Araghchi and US envoy Steve Witkoff, with Omani officials passing messages between them."),
]


def test_a_prisoner_let_go_the_day_of_the_talks_is_not_the_talks():
    assert "release" in LET_GO[0].primary
    assert link(LET_GO[0], TALKS_HEAD[0], _weight(LET_GO + TALKS_HEAD + MORNING + ROUND + SPEECH)) is None


# --- One secretary of state, two acts of one day: the release he welcomed and the waiver he signed ----------------

WELCOMED = [
    sig(111, 2, "Jailed Iranian-American freed after two years, Rubio says",
        "An Iranian-American held in Iran for two years was freed on Tuesday, Secretary of State Marco Rubio said, "
        "welcoming the release. He was flown out on an Omani plane and was in good health, officials said."),
]
WAIVER_FA = [
    sig(112, 6, "معافیت ۹۰ روزه آمریکا برای پرداخت پول برق ایران از سوی عراق",
        "مارکو روبیو، وزیر خارجه آمریکا، روز سه‌شنبه معافیتی ۹۰ روزه را امضا کرد که به عراق اجازه می‌دهد بهای برق "
        "وارداتی از ایران را به حساب‌های محدود واریز کند. وزارت خارجه آمریکا گفت این معافیت از تحریم‌ها با شرایط "
        "سخت‌تری همراه است."),
]


def test_one_person_s_two_acts_of_one_day_are_two_events():
    assert link(WELCOMED[0], WAIVER_FA[0], _weight(WELCOMED + WAIVER_FA + MORNING + ROUND + SPEECH)) is None


# One place in both headlines is still only where: the release told in Persian and the experts' talks in Muscat.
RELEASE_MUSCAT_FA = [
    sig(121, 30, "زندانی آمریکایی-ایرانی آزاد شد و به مسقط رسید",
        "یک زندانی آمریکایی-ایرانی روز چهارشنبه آزاد شد و با هواپیمای عمانی از تهران به مسقط رسید. دستگاه قضا گفت "
        "اجرای حکم او به دلایل درمانی تعلیق شده است."),
]
EXPERTS_MUSCAT = [
    sig(122, 33, "Experts hold technical talks in Muscat",
        "Iranian and American experts held technical talks in Muscat on Wednesday for about six hours, a day after "
        "the ministers' round, and issued no statement."),
]


def test_one_place_in_both_headlines_is_not_one_event():
    weight = _weight(RELEASE_MUSCAT_FA + EXPERTS_MUSCAT + MORNING + ROUND + SPEECH)
    assert link(RELEASE_MUSCAT_FA[0], EXPERTS_MUSCAT[0], weight) is None


# --- The spokesman's briefing on swap reports, and an op-ed on parliament's bill the next morning ------------------

SWAP_BRIEFING_FA = [
    sig(131, 0, "بقائی: گزارش‌ها درباره مبادله زندانیان گمانه‌زنی است؛ دور ششم فردا در مسقط",
        "اسماعیل بقائی، سخنگوی وزارت امور خارجه، امروز سه‌شنبه در نشست خبری هفتگی گفت گزارش‌ها درباره مبادله "
        "زندانیان میان ایران و آمریکا گمانه‌زنی است و دور ششم مذاکرات غیرمستقیم به ریاست عباس عراقچی فردا در مسقط "
        "برگزار می‌شود."),
]
BILL_OPED = [
    sig(132, 21, "Parliament's bill is a shield, not a shackle, for Iran's negotiators",
        "When lawmakers voted on Tuesday to fast-track the bill on national rights in negotiations, critics said it "
        "would tie the hands of Foreign Minister Abbas Araghchi on the eve of the Muscat round. That reading misses "
        "the point: the bill does not forbid talks, it codifies what officials have said in public. Spokesman "
        "Esmaeil Baqaei has said as much at his briefings."),
]


def test_a_briefing_and_an_op_ed_on_a_bill_naming_different_people_first_are_two_events():
    assert link(SWAP_BRIEFING_FA[0], BILL_OPED[0], _weight(SWAP_BRIEFING_FA + BILL_OPED + MORNING + ROUND + SPEECH)) is None


# --- Tomorrow's weekday in a lead filed at 19:10 UTC: Tehran (UTC+3:30) and the Gulf (UTC+4) are not there yet ----

def test_tomorrow_s_weekday_before_the_gulf_s_midnight_is_not_the_news_day():
    from datetime import UTC, datetime

    from core.gazetteer import fold
    from core.signature import event_day

    monday_evening = datetime(2025, 4, 14, 19, 10, tzinfo=UTC)  # 22:40 in Tehran, 23:10 in Muscat
    lead = "عراقچی پس از پایان دور ششم مذاکرات گفت تیم‌های کارشناسی از روز سه‌شنبه جزئیات را بررسی می‌کنند"
    assert event_day(fold(lead), monday_evening) != monday_evening.date().replace(day=15)
    late = datetime(2025, 4, 14, 20, 40, tzinfo=UTC)  # past midnight in Tehran: Tuesday's news there
    assert event_day(fold("عراقچی روز سه‌شنبه گفت مذاکرات جدی بود"), late) == late.date().replace(day=15)


# --- Parliament's vote "as IAEA report lands", and the report's own account the same day --------------------------

VOTE_AS_REPORT = [
    sig(141, 4, "Iranian lawmakers move to bind negotiators to parliament",
        "Iran's parliament on Tuesday gave priority to legislation that would force the government to submit any deal "
        "with Washington to lawmakers. The vote came on the same day that the International Atomic Energy Agency "
        "circulated a confidential report saying Iran's stockpile of enriched uranium had grown again."),
]
REPORT_SITES = [
    sig(142, 5, "IAEA says inspectors kept out of two Iranian sites as stockpile grows",
        "The International Atomic Energy Agency told member states in a quarterly report circulated on Tuesday that "
        "its inspectors had been unable to visit two sites since June, and estimated Tehran now holds 455 kilograms "
        "of uranium refined to 60 percent. Diplomats said the board would meet next month; Iran's parliament was "
        "debating legislation on the talks."),
]


def test_a_vote_told_as_a_report_lands_is_not_the_report():
    as_it_lands = sig(143, 4, "Iranian lawmakers move to bind negotiators as IAEA report lands",
                      "Iran's parliament on Tuesday gave priority to legislation on any deal with Washington.")
    assert as_it_lands.primary == {"bill"}
    assert "report" not in VOTE_AS_REPORT[0].lead  # the report circulated "on the same day that": background
    weight = _weight(VOTE_AS_REPORT + REPORT_SITES + MORNING + ROUND + SPEECH)
    assert link(VOTE_AS_REPORT[0], REPORT_SITES[0], weight) is None


# --- The spokesman's statement late on Monday, and his Tuesday briefing told in Persian without a day ---------------

STATEMENT_MONDAY = [
    sig(151, 11.5, "Iran condemns new US oil sanctions as proof of 'bad faith'",
        "Iran's foreign ministry spokesman Esmaeil Baqaei condemned fresh US sanctions on tankers and firms shipping "
        "Iranian oil, saying in a statement issued late on Tuesday that their timing exposed Washington's lack of "
        "seriousness about diplomacy."),
]
BRIEFING_NO_DAY_FA = [
    sig(152, 23, "بقائی: درباره غنی‌سازی مذاکره نمی‌کنیم",
        "سخنگوی وزارت امور خارجه در نشست خبری هفتگی خود گفت غنی‌سازی اورانیوم موضوع مذاکره نیست. اسماعیل بقائی "
        "درباره تحریم‌های جدید آمریکا آن را نشانه بدعهدی واشنگتن خواند و گفت زمان دور بعدی گفت‌وگوها را عمان اعلام "
        "می‌کند."),
]


def test_a_briefing_naming_no_day_is_not_its_speaker_s_statement_of_the_day_before():
    assert BRIEFING_NO_DAY_FA[0].day is None and STATEMENT_MONDAY[0].day is not None
    weight = _weight(STATEMENT_MONDAY + BRIEFING_NO_DAY_FA + MORNING + ROUND + SPEECH)
    assert link(STATEMENT_MONDAY[0], BRIEFING_NO_DAY_FA[0], weight) is None
