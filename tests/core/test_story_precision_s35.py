"""Issue 8, session 35, fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

A Persian account of a trip «برای شرکت در اجلاس» (to attend a summit) frames no speech: the trip is not an address.
The president's speech to a summit is not his meeting with a third country's leader on its sidelines, told in Persian
by an account whose lead names the other side by office only (``Signature.sides``) and recaps the speech further down
(``core.stories._speech_against_meeting``). A market's move is not the round of talks its lead names as the cause
(``core.stories._market_against_other``). A meeting its lead reports on its own day is no retelling of the round
its account recalls on the day before (``core.stories._retold``). The E3's statement, whose account quotes the
spokesman's reply in its body, is not his press conference (``core.stories._statement_against_appearance``).
"Told leaders gathered ... for the summit" and "speaking from the summit podium" frame a speech; a round the speech's
lead tells only as the one to come is no meeting of its own against a meeting on the summit's sidelines
(``core.stories._meeting_told``). A Persian market story «پس از اعلام» (after the announcement of) a round says first
the market's move, not the round; so does a vote «در حالی انجام شد که» the delegation was in Muscat for the round
(``core.signature._MEANWHILE_FA``). Recall: the city of a round of talks both leads report is no name only one gives
when the other article names its country ("in Muscat", "in Oman": ``core.stories._host_named``)."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig

SPEECH = [
    sig(1, -2, "Pezeshkian tells regional summit sanctions are economic warfare",
        "Iranian President Masoud Pezeshkian told the Economic Cooperation Organization summit in Ashgabat on Tuesday "
        "that unilateral US sanctions amounted to economic warfare, in a speech to the bloc's leaders. He called on "
        "member states to settle trade in national currencies."),
    sig(5, 3, "Iran's president uses regional summit to hit back at Washington",
        "Iranian President Masoud Pezeshkian on Tuesday used a regional economic summit in Turkmenistan to criticize "
        "Washington for imposing fresh sanctions while negotiating with Tehran.\n\nSpeaking at the Economic "
        "Cooperation Organization summit in Ashgabat, Pezeshkian described the sanctions as economic warfare and urged "
        "member states, which include Turkey and Pakistan, to trade in local currencies.\n\nHis remarks came a day after the US Treasury added more tankers to its "
        "sanctions list, the latest such step since the talks resumed in Oman.\n\nPezeshkian also met the "
        "Turkish president on the sidelines of the summit, state media reported, without giving details."),
    sig(2, -1, "پزشکیان در اجلاس اکو: تحریم‌ها جنگ اقتصادی است",
        "مسعود پزشکیان، رئیس‌جمهور، صبح سه‌شنبه در اجلاس سران اکو در عشق‌آباد گفت تحریم‌های یکجانبه آمریکا جنگ اقتصادی "
        "علیه ملت‌های منطقه است. او از کشورهای عضو خواست تجارت با پول‌های ملی را گسترش دهند."),
]
MEETING = [
    sig(3, 1, "گسترش همکاری‌های تهران و آنکارا",
        "رئیس‌جمهور کشورمان که برای شرکت در اجلاس سران اکو به عشق‌آباد سفر کرده است، امروز با همتای ترکیه‌ای خود "
        "دیدار و گفت‌وگو کرد.\n\nدر این دیدار که نزدیک به یک ساعت طول کشید، دو طرف بر افزایش مبادلات تجاری، تمدید "
        "قرارداد گاز و تکمیل خط آهن مشترک تأکید کردند.\n\nبه گفته یک مقام همراه، طرف ترکیه‌ای بار دیگر آمادگی "
        "کشورش را برای کمک به گفت‌وگوهای تهران و واشنگتن اعلام کرد.\n\nاین دیدار پس از سخنرانی پزشکیان در نشست "
        "عمومی اجلاس برگزار شد."),
    sig(4, 2, "دیدار پزشکیان و رئیس‌جمهور ترکیه در حاشیه اجلاس اکو",
        "مسعود پزشکیان ظهر سه‌شنبه در حاشیه اجلاس سران اکو در عشق‌آباد با رئیس‌جمهور ترکیه دیدار کرد. دو رئیس‌جمهور "
        "درباره افزایش مبادلات تجاری و خط آهن مشترک گفت‌وگو کردند."),
]


def test_a_trip_to_attend_a_summit_frames_no_speech():
    assert not MEETING[0].frame and "speech" in SPEECH[1].frame
    assert MEETING[0].sides and "speech" in MEETING[0].actions  # the recap further down is no lead of its own


def test_the_summit_speech_is_not_the_meeting_with_a_third_country_s_leader_on_its_sidelines():
    weights = _weight(SPEECH + MEETING)
    assert all(link(s, m, weights) is None for s in SPEECH for m in MEETING)
    kept_apart(SPEECH, MEETING)


def test_guard_one_speech_told_in_two_languages_stays_one():
    assert link(SPEECH[0], SPEECH[1], _weight(SPEECH + MEETING)) is not None


MARKET = sig(21, 20, "دلار در بازار تهران عقب نشست",
             "قیمت دلار در بازار آزاد تهران روز پنجشنبه پس از انتشار خبر گفت‌وگوی عراقچی و ویتکاف در دور چهارم مذاکرات "
             "مسقط با افتی حدود پنج درصدی به ۱۳۰ هزار تومان رسید. فعالان بازار می‌گویند اخبار مذاکرات انتظارات تورمی را "
             "کاهش داده است.")
ROUND = sig(22, 8, "Araghchi and Witkoff end fourth round in Muscat",
            "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff ended a fourth round of talks in Muscat "
            "on Wednesday evening, sitting face to face for part of the session, Omani officials said. Both sides agreed "
            "to set up technical working groups.")


def test_a_market_s_move_is_not_what_its_lead_names_as_the_cause():
    """The rial's rally traders put down to the round is the market's news, not the round's."""
    assert "currency market" in MARKET.primary and ROUND.primary & MARKET.lead and not ROUND.frame
    assert link(MARKET, ROUND, _weight([MARKET, ROUND])) is None


FIFTH_ROUND = sig(31, 6, "Iran and US end fifth round in Muscat",
                  "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff ended a fifth round of talks in "
                  "Muscat on Tuesday, with Omani officials carrying messages between them, and agreed that "
                  "experts would meet next.")
EXPERTS = sig(32, 30, "Iran, US technical teams meet for a day in Oman",
              "Technical teams from Iran and the United States met for about seven hours in Muscat on Wednesday, "
              "Omani officials said, as the two sides try to turn political talks into the detail of a possible "
              "nuclear agreement.\n\nThe experts' meeting followed Tuesday's fifth round between Abbas Araghchi and "
              "Steve Witkoff, which both sides called useful.\n\nIran's team was led by a deputy foreign minister; "
              "Washington's included sanctions and nuclear specialists, a US official said.")


def test_a_meeting_of_its_own_day_is_no_retelling_of_the_round_it_followed():
    """The experts' talks on Wednesday, whose account recalls Tuesday's round, are not the round (``_retold``)."""
    assert EXPERTS.recalled == FIFTH_ROUND.day != EXPERTS.day and "meeting" in EXPERTS.early
    assert link(FIFTH_ROUND, EXPERTS, _weight([FIFTH_ROUND, EXPERTS])) is None


PODIUM = sig(41, 0, "Iran's president tells Eurasian bloc US sanctions will fail",
             "Iranian President Masoud Pezeshkian on Tuesday told leaders gathered in Astana for the Shanghai "
             "Cooperation Organisation summit that Washington's sanctions would fail, days before a new round of talks "
             "with the United States. Speaking from the summit podium, he called on the bloc to build a payment "
             "system outside the dollar.")
BILATERAL = sig(42, 3, "Pezeshkian and Chinese president discuss trade pact in Astana",
                "President Masoud Pezeshkian met his Chinese counterpart on the sidelines of the Shanghai Cooperation "
                "Organisation summit in Astana on Tuesday, the two leaders reviewing their long-term cooperation pact "
                "and the diplomatic track with Washington.\n\nThe Chinese president said Beijing backed Iran's right to "
                "peaceful nuclear energy and welcomed Oman's mediation.\n\nThe meeting was held after the summit's "
                "morning session, the presidential office said.")


def test_leaders_told_at_a_summit_and_a_podium_frame_a_speech():
    assert "speech" in PODIUM.frame
    assert "speech" in sig(43, 0, "Khamenei speaks", "Speaking from the podium of the assembly, the Leader said the "
                                                     "talks would fail.").frame


def test_a_round_told_as_to_come_is_no_meeting_of_the_speech_against_the_sidelines_meeting():
    """The speech's lead names the round only as the one to come ("days before a new round"): no meeting of its own."""
    assert "round of talks" in PODIUM.early and not PODIUM.primary and "sidelines meeting" in BILATERAL.primary
    assert link(PODIUM, BILATERAL, _weight([PODIUM, BILATERAL])) is None


RALLY = sig(44, 26, "دلار در بازار تهران پس از اعلام دور تازه مذاکرات عقب نشست",
            "قیمت دلار در بازار آزاد تهران روز چهارشنبه پس از اعلام زمان دور پنجم مذاکرات در مسقط با کاهشی نزدیک به پنج "
            "درصد به ۱۰۶ هزار تومان رسید. فعالان بازار می‌گویند اعلام برگزاری مذاکرات اثر تحریم‌های تازه را خنثی کرده است.")


def test_the_round_whose_announcement_a_market_follows_is_not_its_news():
    """«پس از اعلام دور تازه مذاکرات»: after the round's announcement, the market's move is the news."""
    assert RALLY.primary == frozenset({"currency market"})


PRESSER = sig(51, 0, "بقائی: اروپا خود را از معادله مذاکرات خارج کرده است",
              "اسماعیل بقائی، سخنگوی وزارت امور خارجه، امروز سه‌شنبه در نشست خبری هفتگی خود گفت سه کشور اروپایی با "
              "رفتار غیرسازنده خود را از معادله مذاکرات خارج کرده‌اند و قالب گفت‌وگوها در مسقط تغییری نکرده است.")
E3_STATEMENT = sig(52, 6, "E3 tell Tehran talks are no substitute for inspections",
                   "Britain, France and Germany said on Tuesday that talks between Tehran and Washington were no "
                   "substitute for international inspections, words that appeared aimed at stiffening Washington's position "
                   "before a new round in Muscat.\n\nThe three governments urged Iran to let inspectors of the International Atomic Energy "
                   "Agency return without delay.\n\nEarlier on Tuesday, Iran's foreign ministry spokesman Esmaeil Baqaei "
                   "had said the Europeans had taken themselves out of the equation.")


def test_the_e3_statement_is_not_the_spokesman_s_press_conference_its_account_quotes():
    """``_statement_against_appearance``: the Europeans' statement and the briefing whose lead answers them."""
    assert "press conference" in PRESSER.frame and "E3" in E3_STATEMENT.lead and not E3_STATEMENT.primary
    assert link(PRESSER, E3_STATEMENT, _weight([PRESSER, E3_STATEMENT])) is None


IN_MUSCAT = sig(61, 0, "Baqaei: next round of indirect talks with US to be held in Muscat on Thursday",
                "Foreign Ministry spokesman Esmaeil Baqaei told his weekly press conference in Tehran on Tuesday that the "
                "next round of indirect negotiations with the United States would be held in Muscat on Thursday, with "
                "the sultanate again mediating. He said the Iranian team would again be led by the foreign minister.")
OMAN_HOSTS = sig(62, 1.5, "Iran says next round of talks with US set for Thursday in Oman",
                 "DUBAI (Wire) - Iran and the United States will hold another round of indirect nuclear talks in Oman "
                 "on Thursday, Iran's foreign ministry said on Tuesday, as both sides signal that wide gaps remain over "
                 "uranium enrichment and the lifting of sanctions. Spokesman Esmaeil Baqaei told reporters in Tehran "
                 "that the Iranian side would again be led by its foreign minister.")


def test_the_city_of_the_round_is_the_country_the_other_account_names():
    """``_host_named``: "in Muscat" and "in Oman" tell one round; a city with no country here explains nothing."""
    from core.stories import _host_named
    weights = _weight([IN_MUSCAT, OMAN_HOSTS])
    assert "Muscat" in IN_MUSCAT.lead and "Muscat" not in OMAN_HOSTS.places
    assert link(IN_MUSCAT, OMAN_HOSTS, weights) is not None
    assert _host_named("Muscat", OMAN_HOSTS) and not _host_named("Vienna", OMAN_HOSTS)


VOTE = sig(71, 3, "مجلس کلیات طرح نظارت بر توافق را تصویب کرد",
           "نمایندگان مجلس روز سه‌شنبه با ۱۹۰ رأی موافق کلیات طرحی را تصویب کردند که هر توافقی با آمریکا را به تصویب "
           "مجلس منوط می‌کند. این رأی‌گیری در حالی انجام شد که هیئت ایرانی به ریاست عباس عراقچی برای دور پنجم مذاکرات "
           "در مسقط حضور داشت.")


def test_a_persian_while_clause_with_its_own_verb_is_background():
    """«در حالی انجام شد که ...» (took place while the delegation was in Muscat for the round): the round is not the
    vote's news (``core.signature._MEANWHILE_FA``)."""
    assert "round of talks" not in VOTE.lead and "Muscat" not in VOTE.lead and VOTE.primary == frozenset({"bill"})
    assert link(VOTE, IN_MUSCAT, _weight([VOTE, IN_MUSCAT])) is None
