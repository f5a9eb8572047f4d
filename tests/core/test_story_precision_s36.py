"""Issue 8, session 36, fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

Two speeches of one day, each lead naming first its own speaker and never the other's, are two events however alike
their wording (the Leader's address, and the US president's remarks answering it: ``core.stories._two_speakers``).
An article opening "Hours after ...," tells its news after the comma: the clause is background
(``core.signature._OPENING_AFTER``), so a release told "hours after the Leader told students ..." is no speech; so is
"the meeting, held after Pezeshkian addressed the summit" (``core.signature._FOLLOWS``): the sidelines meeting frames
no speech of its own. A report of an op-ed on the round of talks, its author named first and never by the round's
account, is no retelling of the round (``core.stories._round_told_twice``). "..., as the minister headed into another
round" is what happened meanwhile (``core.signature._MEANWHILE``). The minister's audience with the sultan is not the
round its lead names as to come: the names only it gives are no participants (``core.stories._participants``). A
weekday an English future comes before in its sentence ("confirmed on Friday that Muscat will host the talks on
Saturday") is the day of what is to come, not the news's (``core.signature._will_before``); "A day later," dates the
day after (``_DAY_LATER``). Later tests: the recall routes, a Persian headline's «پس از دور ...» clause, the
sidelines meetings a speech's account tells as to come, parliament's vote against the round, the minister's arrival,
an adviser's op-ed against the Leader's speech, a drill against a diplomat's remarks; each fails without its rule."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, no_links_across, sig

LEADER = [
    sig(1, 0, "Iran's supreme leader says he has little hope in talks with the US",
        "Iran's Supreme Leader Ayatollah Ali Khamenei said on Tuesday he had little hope in negotiations with the "
        "United States, a day after envoys of the two countries met in Oman, but stopped short of recalling the "
        "negotiators. Speaking to teachers in Tehran, the cleric said: \"We have little hope in the Americans, but our "
        "officials are negotiating with care.\" He said enrichment would not be given up and dismissed \"the threats "
        "of the American president\" as empty. His words are read closely for signs of Iran's room to bargain."),
    sig(2, 1, "Leader: enrichment is the nation's right, threats will not work",
        "Leader of the Islamic Revolution Ayatollah Ali Khamenei says the nation's right to enrich uranium is not up "
        "for negotiation. Addressing a large gathering of teachers in Tehran on Tuesday, the Leader said the officials "
        "at the talks were acting with care and must not yield to threats."),
]
PRESIDENT = [
    sig(3, 6, "Trump says Iran badly wants a deal, warns time is short",
        "US President Donald Trump said on Tuesday that Iran wanted a deal very badly and that the talks were going "
        "well, but warned Tehran that time was short. \"They had better hurry,\" Trump told reporters in the Oval "
        "Office at an unrelated event. He said his envoy had done a fine job in Oman. Asked about the supreme leader's "
        "remark that he had little hope in the negotiations, Trump said: \"He will have hope. It will be good for "
        "Iran.\" He said the United States would not accept enrichment."),
]


def test_two_speakers_answering_each_other_are_two_events():
    weights = _weight(LEADER + PRESIDENT)
    assert LEADER[0].first == "Ali Khamenei" and PRESIDENT[0].first == "Donald Trump"
    assert all(link(x, y, weights) is None for x in LEADER for y in PRESIDENT)
    kept_apart(LEADER, PRESIDENT)


def test_guard_one_speech_told_twice_stays_one():
    assert link(LEADER[0], LEADER[1], _weight(LEADER + PRESIDENT)) is not None


RELEASE = [
    sig(11, 7, "Iran frees US prisoner as leader warns against trusting America",
        "Hours after Iran's supreme leader told teachers that America could not be trusted, Tehran freed an "
        "Iranian-American prisoner who was flown to Oman on Tuesday, a step seen as a goodwill gesture before the talks. "
        "The 52-year-old businessman had served three years of a ten-year sentence."),
    sig(12, 8, "Iranian-American prisoner released, flown to Muscat",
        "Iran on Tuesday released an Iranian-American businessman jailed on spying charges, who was flown to Muscat on "
        "an Omani plane, officials said. The US secretary of state thanked Oman for its help."),
]


def test_an_opening_hours_after_clause_is_background():
    assert "speech" not in RELEASE[0].frame and "Ali Khamenei" not in RELEASE[0].lead
    assert "release" in RELEASE[0].primary


def test_a_release_told_hours_after_the_leader_s_speech_is_not_the_speech():
    weights = _weight(LEADER + RELEASE)
    assert all(link(x, y, weights) is None for x in LEADER for y in RELEASE)
    no_links_across(LEADER, RELEASE)


SUMMIT_SPEECH = [
    sig(21, 0, "Pezeshkian tells Asian summit sanctions punish ordinary people",
        "Iranian President Masoud Pezeshkian, addressing the plenary session of an Asian economic summit in Jakarta on "
        "Tuesday, called unilateral sanctions a war on ordinary people and urged members to trade in national "
        "currencies. He proposed a joint clearing house for the bloc."),
    sig(22, 1, "Iran's president urges summit to build payment system around the dollar",
        "Iran's President Masoud Pezeshkian has urged the bloc's members to build a shared payment system. Addressing "
        "the summit in Jakarta on Tuesday, Pezeshkian said Washington had turned the dollar into a weapon and called for "
        "more trade in local currencies."),
]
SIDELINES = [
    sig(23, 3, "Turkey offers to host Iran-US technical talks in meeting with Pezeshkian",
        "Turkey's president offered on Tuesday to host technical meetings between Iran and the United States, a Turkish "
        "official said, as he met Iranian President Masoud Pezeshkian on the margins of the summit in Jakarta. The "
        "meeting, held after Pezeshkian addressed the summit's opening session, also covered trade and border "
        "crossings. The two leaders agreed to convene their joint economic commission next month."),
]


def test_a_held_after_clause_is_background():
    """"The meeting, held after Pezeshkian addressed the summit" tells the meeting, not a speech of its own."""
    assert not SIDELINES[0].frame and "sidelines meeting" in SIDELINES[0].actions


def test_the_summit_speech_is_not_the_meeting_held_after_it():
    weights = _weight(SUMMIT_SPEECH + SIDELINES)
    assert all(link(x, y, weights) is None for x in SUMMIT_SPEECH for y in SIDELINES)
    kept_apart(SUMMIT_SPEECH, SIDELINES)


OP_ED = sig(31, 0, "Kharrazi: Muscat talks a test of Washington's honesty",
            "Tehran, IRNA - The head of Iran's Strategic Council on Foreign Relations, Kamal Kharrazi, says the fourth "
            "round of indirect Iran-US negotiations in Muscat is a test of American honesty. In an article published "
            "in a Tehran daily on Tuesday, the former foreign minister cited Washington's talk of dialogue "
            "alongside new Treasury sanctions, and said Iran goes to Muscat in good faith.")
TALKS = [
    sig(32, 5, "US and Iran end fourth round of indirect talks in Oman",
        "MUSCAT, Oman - Negotiators from the United States and Iran wrapped up a fourth round of indirect talks in the "
        "Omani capital on Tuesday, agreeing to launch technical discussions next week on a possible framework for the "
        "nuclear program, officials from both delegations said after the session ended. US envoy Steve Witkoff and Iranian "
        "Foreign Minister Abbas Araghchi sat in separate rooms while Oman's foreign minister carried messages between "
        "them. President Donald Trump said on Monday he was open to a deal. Iran's parliament backed a bill on Monday "
        "requiring lawmakers to approve any agreement."),
]


def test_an_op_ed_on_the_round_is_not_the_round():
    """The report of the former minister's article reviewing the week is his news, whatever round its headline names."""
    assert "op-ed" in OP_ED.early and "round of talks" in OP_ED.primary
    assert link(OP_ED, TALKS[0], _weight([OP_ED] + TALKS)) is None


VOTE = sig(41, 0, "Iranian lawmakers vote to claim a say over any deal with Washington",
           "Iran's parliament voted on Tuesday to advance a bill that would give lawmakers the final word on any nuclear "
           "agreement with the United States, as Iran's foreign minister headed into another round of indirect talks "
           "with US envoy Steve Witkoff in Muscat. The bill passed its first reading by a wide margin, with Speaker "
           "Mohammad Bagher Ghalibaf calling it leverage for the negotiators.")
ROUND_TOLD = [
    sig(42, 6, "Araghchi: Muscat round more detailed than earlier ones",
        "Foreign Minister Abbas Araghchi said the fifth round of indirect negotiations with the United States, held in "
        "Muscat on Tuesday with Oman's mediation, went into more detail than earlier rounds. Speaking to reporters before "
        "leaving, he said messages had been exchanged with the US delegation led by Steve Witkoff."),
]


def test_a_round_the_minister_headed_into_meanwhile_is_background_to_the_vote():
    assert "round of talks" not in VOTE.lead and "Abbas Araghchi" not in VOTE.lead and "bill" in VOTE.primary
    assert link(VOTE, ROUND_TOLD[0], _weight([VOTE] + ROUND_TOLD)) is None


AUDIENCE = sig(51, 0, "Araghchi hands Pezeshkian's message to Sultan of Oman",
               "Iranian Foreign Minister Abbas Araghchi met Sultan Haitham bin Tariq of Oman at his palace in Muscat on "
               "Tuesday morning, delivering a written message from President Masoud Pezeshkian ahead of the fifth round "
               "of indirect talks with the US later in the day. The message concerned bilateral ties and regional "
               "developments, IRNA said. The two sides also discussed trade and energy.")


def test_the_minister_s_audience_with_the_sultan_is_not_the_round_that_afternoon():
    """Names only the audience's lead gives (the sultan, the president whose message it was) are no participants of the
    round its lead names as to come: the audience is a meeting of two sides the round's account never reports."""
    assert "meeting" in AUDIENCE.early and "Haitham bin Tariq" in AUDIENCE.people
    assert link(AUDIENCE, ROUND_TOLD[0], _weight([AUDIENCE] + ROUND_TOLD)) is None


def test_a_weekday_after_an_english_future_is_what_is_to_come():
    """"Confirmed on Friday that Muscat will host the talks on Saturday", published late on Friday (already Saturday in
    Tehran): the news is Friday's confirmation, not Saturday's round; a quotation's future is no such clause."""
    late_friday = 3 * 24 + 11.5  # T0 + 3 days 11:30 h: Friday 18 April 2025, 21:30 UTC
    preview = sig(61, late_friday, "Oman confirms it will host new US-Iran talks in Muscat on Saturday",
                  "Oman's Foreign Minister Badr Albusaidi confirmed on Friday that Muscat will host a new round of talks "
                  "between Iran and the United States on Saturday, after a phone call with his Iranian counterpart.")
    assert preview.day is not None and preview.day.isoformat() == "2025-04-18"
    quoted = sig(62, 1, "Khamenei tells ministers not to tie the economy to the talks",
                 "\"The problems of the country will not be solved by negotiation,\" Khamenei told President Masoud "
                 "Pezeshkian and his ministers on Tuesday, according to his website.")
    assert quoted.day is not None and quoted.day.isoformat() == "2025-04-15"


# --- recall ---------------------------------------------------------------------------------------

SUMMONS = [
    sig(71, 0, "احضار سفیر سوئیس به وزارت خارجه در اعتراض به تحریم‌های جدید آمریکا",
        "سفیر سوئیس در تهران که حافظ منافع آمریکا در ایران است، امروز سه‌شنبه به وزارت امور خارجه احضار شد و اعتراض "
        "ایران به تحریم‌های تازه علیه نفتکش‌ها به او منتقل شد."),
    sig(72, 3, "Iran summons Swiss ambassador over fresh US sanctions",
        "Iran on Tuesday summoned the ambassador of Switzerland, which represents US interests in the Islamic Republic, "
        "to protest against new American sanctions on its oil tankers. A note for Washington called the measures "
        "illegal."),
]


def test_an_english_lead_naming_nobody_is_found_by_its_kind():
    """Its lead names no person, body or place: the Persian account naming the ministry finds it by the summons."""
    from core.stories import index_keys
    assert "a:summons" in set(index_keys(SUMMONS[0])) & set(index_keys(SUMMONS[1]))


STATEMENT = [
    sig(81, 0, "European powers urge Iran to restore IAEA access, warn of Security Council action",
        "France, Britain and Germany on Tuesday urged Iran to restore full cooperation with the International Atomic "
        "Energy Agency without delay, warning they were ready to take the matter back to the UN Security Council. In a "
        "joint statement, the three countries said inspectors had been unable to verify the stockpile."),
    sig(82, 2, "هشدار سه کشور اروپایی به تهران: زمان نامحدود نیست",
        "فرانسه، بریتانیا و آلمان در بیانیه‌ای مشترک از ایران خواستند همکاری کامل با آژانس بین‌المللی انرژی اتمی را "
        "از سر بگیرد و هشدار دادند پرونده را به شورای امنیت سازمان ملل می‌برند."),
]


def test_one_body_s_statement_told_in_two_languages_one_naming_its_day():
    """No person in either lead, the same bodies, the statement said first by both (one in its second sentence)."""
    assert STATEMENT[0].primary == STATEMENT[1].primary == frozenset({"joint statement"})
    assert STATEMENT[1].day is None
    assert link(STATEMENT[0], STATEMENT[1], _weight(STATEMENT)) is not None


SPEECH_ACROSS = [
    sig(91, 0, "Pezeshkian at regional summit: unilateral sanctions are economic terrorism",
        "President Masoud Pezeshkian has called on members of the Economic Cooperation Organization to confront "
        "unilateral sanctions together. Addressing the summit in Ashgabat on Tuesday, Pezeshkian proposed a regional "
        "clearing mechanism and offered members access to the sea through Iran's ports."),
    sig(92, 1, "پزشکیان در اجلاس اکو: ایران آماده اتصال اعضا به آب‌های آزاد است",
        "مسعود پزشکیان، رئیس‌جمهور، صبح امروز (سه‌شنبه) در سخنرانی خود در نشست سران اکو در عشق‌آباد، بر آمادگی ایران "
        "برای اتصال کشورهای عضو به دریا از طریق بندرعباس تأکید کرد و تحریم‌های یکجانبه را «تروریسم اقتصادی» خواند."),
]


def test_one_speech_told_in_two_languages_one_naming_a_port_in_its_message():
    assert "Bandar Abbas" in SPEECH_ACROSS[1].lead and "Bandar Abbas" not in SPEECH_ACROSS[0].places
    assert link(SPEECH_ACROSS[0], SPEECH_ACROSS[1], _weight(SPEECH_ACROSS)) is not None


def test_negotiators_flying_to_the_round_meanwhile_is_background_to_the_spokesman_s_words():
    """"..., as its negotiators flew to Oman for a fourth round": what happened meanwhile, not the news."""
    briefing = sig(101, 0, "Iran rules out direct meeting as it heads into fresh talks with US",
                   "Iran said Tuesday it had no plans for a face-to-face meeting between its top diplomat and US envoy "
                   "Steve Witkoff, as its negotiators flew to Oman for a fourth round of indirect talks. Spokesman "
                   "Esmaeil Baqaei told reporters in Tehran that enrichment was not up for negotiation.")
    assert "round of talks" not in briefing.lead and briefing.round is None


def test_views_exchanged_at_the_talks_are_no_prisoner_exchange():
    """«دیدگاه‌های خود را ... مبادله کردند», «پیام‌ها ... مبادله شد»: what the delegations exchanged at the round."""
    remarks = sig(111, 0, "عراقچی: گفت‌وگوها در فضایی جدی برگزار شد",
                  "سید عباس عراقچی، وزیر امور خارجه، پس از پایان دور امروز گفت‌وگوهای غیرمستقیم گفت دو طرف دیدگاه‌های خود "
                  "را به‌صورت مکتوب از طریق میانجی عمانی مبادله کردند و پیام‌ها از طریق طرف عمانی مبادله شد.")
    assert "prisoner exchange" not in remarks.actions


def test_a_day_later_dates_the_analysis_s_news_to_the_day_after():
    """«سه‌شنبه عراقچی ... یک روز بعد، مجلس ... تصویب کرد»: an analysis telling Tuesday's round, then the vote "a day
    later", is dated Wednesday; a phrase inside a sentence ("the talks continue the next day") dates nothing."""
    analysis = sig(121, 32, "تحلیل: از مسقط تا بهارستان؛ آیا مجلس دست عراقچی را می‌بندد؟",
                   "سه‌شنبه عباس عراقچی پس از دور پنجم گفت‌وگوهای غیرمستقیم در مسقط از «پیشرفت آهسته» سخن گفت. یک روز بعد، "
                   "مجلس طرحی دوفوریتی را تصویب کرد که هر توافقی با آمریکا را به رأی نمایندگان گره می‌زند.")
    assert analysis.day is not None and analysis.day.isoformat() == "2025-04-16"


def test_a_persian_headline_s_after_the_round_clause_is_the_market_s_cause():
    """«دلار پس از دور پنجم مذاکرات مسقط عقب نشست»: the dollar's fall is the news, the round its cause."""
    market = sig(131, 24, "دلار پس از دور پنجم مذاکرات مسقط عقب نشست",
                 "قیمت دلار در بازار آزاد تهران صبح چهارشنبه با افت حدود پنج درصدی به ۸۸ هزار تومان رسید. فعالان بازار "
                 "می‌گویند اخبار تشکیل تیم‌های کارشناسی انتظارات تورمی را کاهش داده است.")
    assert market.primary == frozenset({"currency market"}) and "round of talks" not in market.lead
    returned = sig(132, 24, "بهزاد پورکریمی پس از سه سال حبس در آمریکا به کشور بازگشت",
                   "بهزاد پورکریمی، دانشمند ایرانی، امروز پس از سه سال حبس در آمریکا وارد تهران شد.")
    assert "sentence" in returned.lead  # (not background: the clause runs on to the headline's verb)


def test_the_sidelines_meeting_with_the_uzbek_president_is_not_the_summit_speech():
    """«با رئیس‌جمهور ازبکستان دیدار کرد»: Uzbekistan is a side (``core.incident``), the speech's lead names no meeting."""
    speech = sig(141, 0, "Pezeshkian at regional summit: unilateral sanctions violate international law",
                 "Tashkent, IRNA -- President Masoud Pezeshkian, addressing the summit of the Economic Cooperation "
                 "Organization in the Uzbek capital on Tuesday, said unilateral sanctions violated international law and "
                 "called on members to trade in national currencies.")
    meeting = sig(142, 3, "دیدار رؤسای جمهور ایران و ازبکستان در تاشکند؛ امضای چهار سند همکاری",
                  "رئیس‌جمهور کشورمان که برای شرکت در اجلاس اکو در تاشکند به سر می‌برد، ظهر امروز در حاشیه این اجلاس با "
                  "رئیس‌جمهور ازبکستان دیدار و گفت‌وگو کرد. در پایان این دیدار چهار سند همکاری امضا شد.")
    assert "Uzbekistan" in meeting.sides
    assert link(speech, meeting, _weight([speech, meeting])) is None


def test_sidelines_meetings_a_speech_s_account_tells_as_to_come_are_none_it_reports():
    speech = sig(151, 0, "President calls for bloc payment system, says Iran open to honourable diplomacy",
                 "In a wide-ranging address to leaders of the D-8 bloc, President Masoud Pezeshkian said Iran's indirect "
                 "talks with the United States stemmed from strength, not weakness. \"We negotiate with dignity,\" the "
                 "president told the summit hall in Kuala Lumpur on Tuesday. He urged partners to trade in local currencies. "
                 "The president's speech was to be followed by a series of bilateral meetings on the sidelines of the "
                 "gathering.")
    meeting = sig(152, 2, "Pezeshkian, Pakistani PM discuss border security, US talks in Kuala Lumpur",
                  "Iranian President Masoud Pezeshkian and Pakistan's prime minister discussed bilateral ties, border "
                  "security and Iran's indirect talks with the United States on Tuesday. Meeting on the sidelines of the "
                  "D-8 summit, the two leaders stressed the need to finish the gas pipeline.")
    assert "sidelines meeting" not in speech.actions and "sidelines meeting" in meeting.primary
    assert link(speech, meeting, _weight([speech, meeting])) is None


VOTE_FA = sig(161, 0, "مجلس در روز مذاکرات مسقط دست تیم عراقچی را بست",
              "در حالی که هیئت ایرانی به ریاست عباس عراقچی برای دور تازه گفت‌وگوهای غیرمستقیم با آمریکا در مسقط حضور دارد، "
              "مجلس شورای اسلامی روز سه‌شنبه کلیات طرحی را تصویب کرد که هر توافق با واشینگتن را به تأیید نمایندگان منوط "
              "می‌کند.")
ROUND_EN = sig(162, 3, "Iran, U.S. end fifth round of Oman-mediated talks, agree to expert-level meetings",
               "MUSCAT - Iran and the United States concluded a fifth round of indirect nuclear talks in Muscat on Tuesday and "
               "agreed to launch technical discussions next week, Iranian Foreign Minister Abbas Araghchi and Omani "
               "officials said. Omani Foreign Minister Badr Albusaidi shuttled between the two delegations.")


def test_on_the_day_of_the_talks_is_background_to_the_vote():
    """«در روز مذاکرات مسقط» in the vote's headline tells when, not what: the lead keeps the vote, not Muscat."""
    assert "Muscat" not in VOTE_FA.lead and "approval" in VOTE_FA.primary


def test_parliament_s_vote_whose_headline_names_the_minister_is_not_his_round():
    """The vote's lead names parliament, which the round's account never mentions; the minister is only whose hands
    the vote ties (``core.stories._body_act_unmentioned``)."""
    assert "Iranian parliament" in VOTE_FA.lead and "Iranian parliament" not in ROUND_EN.organisations
    assert link(VOTE_FA, ROUND_EN, _weight([VOTE_FA, ROUND_EN])) is None


def test_the_minister_s_remarks_on_arrival_are_not_the_round_that_afternoon():
    arrival = sig(171, 0, "Araghchi arrives in Muscat: Iran will not negotiate under pressure",
                  "Iran's Foreign Minister Abbas Araghchi has arrived in the Omani capital, Muscat, at the head of a "
                  "delegation for the next round of indirect talks with the United States. Speaking to state TV upon arrival "
                  "on Tuesday morning, Araghchi said Iran would not accept any agenda beyond the nuclear issue.")
    arrival_fa = sig(172, 0.5, "عراقچی در بدو ورود به مسقط: درباره توان دفاعی مذاکره نمی‌کنیم",
                     "سید عباس عراقچی، وزیر امور خارجه، صبح امروز (سه‌شنبه) در بدو ورود به فرودگاه مسقط گفت موضوع مذاکرات فقط "
                     "پرونده هسته‌ای و لغو تحریم‌هاست.")
    held = sig(173, 8, "Araghchi: Muscat talks held in constructive atmosphere, next round date to be set",
               "Iran's Foreign Minister Abbas Araghchi says the latest round of indirect negotiations with the United "
               "States, held in the Omani capital on Tuesday, took place in a constructive atmosphere. Speaking to "
               "reporters after the session, he said the next round would be set through Muscat.")
    assert "visit" in arrival.primary and "visit" in arrival_fa.primary and "round of talks" in held.primary
    weights = _weight([arrival, arrival_fa, held])
    assert link(arrival, held, weights) is None and link(arrival_fa, held, weights) is None


def test_an_adviser_s_op_ed_is_not_the_leader_s_speech_that_day():
    speech = sig(181, 0, "Khamenei says talks with U.S. will not solve Iran's problems, warns against threats",
                 "Iran's Supreme Leader Ayatollah Ali Khamenei said on Tuesday that negotiating with the United States would "
                 "not solve the country's problems and warned Iran would answer any threat in kind. \"Do not tie the economy "
                 "to the talks,\" Khamenei told a gathering of air force commanders in Tehran.")
    op_ed = sig(182, 2, "Khamenei adviser says deal hinges on US dropping threats",
                "A senior adviser to Iran's Supreme Leader said on Tuesday that the fate of the talks with Washington depends "
                "on whether the US can separate its diplomacy from its threats, in a piece that appeared to set out "
                "Tehran's public line after a weekend of mixed signals from the capital. Kamal Kharrazi wrote in the "
                "state-run Tehran Times that the talks, a parliamentary move and a European statement were part of one "
                "landscape. Khamenei himself has warned that threats will be answered.")
    assert "op-ed" in op_ed.primary and "speech" in speech.frame
    assert link(speech, op_ed, _weight([speech, op_ed])) is None


def test_a_diplomat_s_summit_remarks_are_not_the_drill_his_account_tells_as_what_happened_meanwhile():
    """"His appearance came as the Guards were conducting naval drills": background; a drill is never remarks."""
    remarks = sig(191, 2, "Iranian official at Dubai summit: Tehran open to Gulf security dialogue",
                  "Tehran is ready to hold a regional security dialogue with Gulf Arab states without preconditions, a senior "
                  "Iranian diplomat said at a government summit in Dubai on Tuesday. Addressing a session on regional "
                  "security, the official said foreign naval forces were part of the problem. His appearance came as Iran's "
                  "Revolutionary Guards were conducting naval drills near the Strait of Hormuz, a point raised by the "
                  "audience; he said the drills were routine.")
    drill = sig(192, 0, "Iran's Revolutionary Guards launch naval drill in Strait of Hormuz",
                "Iran's Revolutionary Guards on Tuesday launched a two-day naval exercise in the Strait of Hormuz, state "
                "media reported. The drill involves fast attack craft, drones and coastal missile batteries, the Guards' navy "
                "said. Foreign naval forces in the region were monitoring the manoeuvres.")
    assert "drill" not in remarks.early and "speech" in remarks.frame and "drill" in drill.primary
    assert link(remarks, drill, _weight([remarks, drill])) is None
