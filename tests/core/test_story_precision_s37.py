"""Issue 8, session 37, fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

The minister's op-ed, published hours before a round of talks he then held, is not the round: a lead saying first an
op-ed against one saying first a round it numbers, never mentioning the op-ed (``core.stories._op_ed_against_occasion``).
A designation told by a lead naming nobody, "hours after" the round, is not the envoys' encounter at the round, whose lead
names them and says first nothing, at no place both leads name (the text route of ``core.stories._link``). A round told
"despite" is no news of the lead (``core.signature._NOT_NEWS``), and "told members of the Assembly of Experts" frames a
speech: the adviser's column is not the Leader's speech. A round the envoy "prepares for", "set to begin later Tuesday",
is what a lead saying first nothing previews (``core.signature._PREPARES``), though the clause is what happens
meanwhile. From held-out 63a-63c: a prisoner flown to Muscat (a release its lead says first) is not the round the
mediator held there that day, told by an analysis whose headline names the talks and which never mentions a release
(``core.stories._release_against_talks``); the minister opening a consulate (``inauguration``, an occasion of its own as
a signing is: ``core.stories.SIGNINGS``) is not the round he held that afternoon; the spokesman's weekly briefing "as
negotiators took part in another round" is no account of the round against a review whose lead never names a briefing
(``core.stories._says_round``). Recall, from 63b: a headline's "MoU" is a signing (a watchlist alias), and a Persian
headline's «پس از سه سال زندان» is the term served before the release, no sentence (``core.signature._YEARS_AFTER``).
A Persian headline's noun «آزادی یک محکوم» is a release (a watchlist alias; 25a, 34v1, 42a, 54a, 58a gain recall).
From dev parts 65a-65c: the op-ed against an unnumbered round at a place its lead never names; "said in an article" is
an op-ed (a watchlist alias); «همزمان با انتشار اخبار ... دور پنجم» (as news of the round came out) is background;
a round someone "was in Oman for" is no news of the lead (``core.signature._NOT_NEWS``: the president's remarks).
From held-out 66a-66c (scored once on eac6ab7): the minister's meeting with the mediator on the eve, told with its day,
is not the round an account naming no day tells the next day (``_eve_meeting_against_round``; also 39v1's merge); the
president's answer, whose lead names the Leader, is not the Leader's speech (``_answer_to_speaker``); a joint statement
whose lead names no one is not the meeting of the person another lead names first (``_statement_against_person``,
checked on its own: our fixtures link under neither rule, 66a's articles did), and
the place a meeting's headline gives excuses nothing against a lead reporting no meeting (``_excused``; the 66a gate
fails without it); "used his address to the summit" frames a speech, not "had earlier used his address".
Each fails without its rule."""

from __future__ import annotations

from core.stories import _statement_against_person, link
from tests.core.test_story_classes import _weight, kept_apart, no_links_across, sig

OP_ED = [
    sig(1, 0, "Araghchi op-ed: Washington must pick between pressure and an agreement",
        "Foreign Minister Abbas Araghchi says the United States must pick between \"pressure that has failed\" and a "
        "\"balanced and lasting\" agreement, in an article published by a British newspaper on Tuesday, hours before "
        "the start of a new round of indirect talks in Muscat. Araghchi wrote that fresh sanctions on oil tankers, "
        "announced on the eve of the negotiations, sent mixed signals, and that parliament's demand for guarantees "
        "reflected the public mood. \"Iran is ready. Is Washington?\" he asked."),
]
ROUND = [
    sig(2, 4, "Araghchi: fourth round 'serious and constructive', gaps remain",
        "Foreign Minister Abbas Araghchi says the fourth round of indirect talks between Iran and the United States, "
        "held in the Omani capital on Tuesday, was \"serious and constructive\", though gaps remain on key issues. "
        "Speaking to reporters after the talks, Araghchi said the delegation had stressed that enrichment on Iranian "
        "soil was not negotiable and that experts would go on with the technical details. He thanked Oman for its "
        "efforts and said the date of the next round would be set by the mediator."),
]


def test_an_op_ed_published_hours_before_a_numbered_round_is_not_the_round():
    assert "op-ed" in OP_ED[0].primary and ROUND[0].round == 4 and "op-ed" not in ROUND[0].actions
    assert OP_ED[0].first == ROUND[0].first == "Abbas Araghchi"
    assert link(OP_ED[0], ROUND[0], _weight(OP_ED + ROUND)) is None
    kept_apart(OP_ED, ROUND)


ENCOUNTER = [
    sig(11, 5, "Araghchi and Witkoff speak face to face at close of Muscat round, sources say",
        "Iran's top diplomat Abbas Araghchi and US envoy Steve Witkoff spoke directly for a few minutes at the close of "
        "Tuesday's negotiations in Muscat, two sources familiar with the talks said, even as Tehran insisted the talks "
        "remained indirect. The exchange followed about four hours of shuttling by Omani Foreign Minister Badr "
        "Albusaidi between the two delegations. Both sides said after the session that expert teams would start work "
        "and that Oman would announce the time of the next round."),
]
SANCTIONS = [
    sig(12, 7, "Hours after Oman talks, US hits Iran's tanker fleet with new sanctions",
        "The Trump administration imposed new sanctions on Iran's oil trade on Tuesday, just hours after US envoy Steve "
        "Witkoff wrapped up another round of talks with Iranian Foreign Minister Abbas Araghchi in Muscat. The Treasury "
        "blacklisted seven tankers and five companies accused of carrying Iranian crude to refiners in Asia. \"Talks "
        "are no free pass,\" an official said. Both sides had said the talks in Muscat were useful and that experts "
        "would start work before the next round."),
]


def test_sanctions_told_hours_after_the_round_are_not_the_envoys_encounter():
    assert SANCTIONS[0].primary == {"designation"} and not SANCTIONS[0].lead & SANCTIONS[0].officials
    assert not ENCOUNTER[0].primary and ENCOUNTER[0].lead >= {"Abbas Araghchi", "Steve Witkoff", "Muscat"}
    assert link(ENCOUNTER[0], SANCTIONS[0], _weight(ENCOUNTER + SANCTIONS)) is None
    kept_apart(ENCOUNTER, SANCTIONS)


COLUMN = [
    sig(21, 2, "Senior adviser to Khamenei says Washington must pick 'a deal or surrender'",
        "A senior foreign policy adviser to Iran's Supreme Leader has said the United States must decide whether it "
        "wants a real agreement or 'surrender', in an article that showed lingering doubt in Tehran despite a useful "
        "round of talks in Oman. Kamal Kharrazi, who heads the Strategic Council on Foreign Relations, wrote in a "
        "newspaper column on Tuesday that this week's sanctions and the Europeans' threats were one question put to "
        "Washington. Analysts said the column, beside separate remarks by Ali Khamenei, showed Tehran tempering hopes."),
]
ASSEMBLY = [
    sig(22, 3, "Khamenei says he is 'not hopeful' about US talks, a day after Oman round",
        "Iran's supreme leader Ayatollah Ali Khamenei said on Tuesday he was 'not hopeful' about negotiations with the "
        "United States, a day after the two countries held another round of indirect talks in Oman. 'We know the "
        "Americans,' Khamenei told members of the Assembly of Experts, according to his website. He said talks were "
        "'not forbidden' and that Iran would not give up enrichment."),
]


def test_a_round_told_despite_is_no_news_and_a_speech_to_an_assembly_frames_one():
    assert COLUMN[0].primary == {"op-ed"}  # not the round the column's doubts come "despite"
    assert ASSEMBLY[0].frame == {"speech"}  # "told members of the Assembly of Experts"
    assert link(COLUMN[0], ASSEMBLY[0], _weight(COLUMN + ASSEMBLY)) is None
    kept_apart(COLUMN, ASSEMBLY)


PREVIEW = [
    sig(31, -6, "Israel presses Witkoff to hold the line on enrichment ahead of Oman talks",
        "Israeli officials have pressed the Trump administration to demand a full halt to Iranian enrichment as US "
        "envoy Steve Witkoff prepares for another round of talks with Iran in Oman, set to begin later Tuesday. Two "
        "Israeli officials said Jerusalem had conveyed its worries in recent days that Washington could settle for a "
        "cap. The talks in Muscat, mediated by Omani Foreign Minister Badr Albusaidi, are expected to focus on a "
        "framework. Iranian Foreign Minister Abbas Araghchi arrived in the Omani capital overnight."),
]
HELD = [
    sig(32, 2, "US, Iran wrap up another round of talks in Oman, agree to keep talking",
        "MUSCAT, Oman (AP) — American and Iranian negotiators ended another round of talks in Oman's capital on Tuesday "
        "after about four hours, both sides agreeing to meet again next week and to start technical talks among "
        "experts. Omani Foreign Minister Badr Albusaidi shuttled between the delegations, led by US envoy Steve "
        "Witkoff and Iranian Foreign Minister Abbas Araghchi. A US official called the talks positive. Araghchi said "
        "the atmosphere was constructive but differences remained on sanctions and enrichment."),
]


def test_a_round_the_envoy_prepares_for_set_to_begin_later_is_a_preview():
    assert PREVIEW[0].ahead and not PREVIEW[0].primary and not PREVIEW[0].frame
    assert link(PREVIEW[0], HELD[0], _weight(PREVIEW + HELD)) is None
    kept_apart(PREVIEW, HELD)


SHUTTLE = [
    sig(41, 5, "Oman's patient shuttle: how Muscat kept Iran-US talks going for another round",
        "For four hours on Tuesday, Oman's Foreign Minister Badr Albusaidi walked between two rooms in Muscat, carrying "
        "papers between the Iranian and American delegations. By the evening, Oman's foreign ministry said the round "
        "had ended in a positive mood and that contacts would go on. Gulf diplomats said the Omanis drafted bridging "
        "language on the order of sanctions relief and nuclear steps."),
]
FLOWN = [
    sig(42, 8, "Omani jet brings freed US-Iranian prisoner to Muscat",
        "An Omani government plane carrying a dual US-Iranian national freed from Evin prison landed in Muscat on "
        "Tuesday evening, the sultanate's foreign ministry said. The ministry said the release was the fruit of "
        "humanitarian efforts by Oman. Foreign Minister Badr Albusaidi, who earlier in the day had been mediating "
        "between Iranian and American negotiators, said he was delighted and thanked both parties."),
]


def test_a_prisoner_flown_to_muscat_is_not_the_round_the_mediator_held_that_day():
    assert FLOWN[0].primary == {"release"} and "release" not in SHUTTLE[0].actions
    assert "negotiations" in SHUTTLE[0].head and not SHUTTLE[0].primary
    assert link(SHUTTLE[0], FLOWN[0], _weight(SHUTTLE + FLOWN)) is None
    kept_apart(SHUTTLE, FLOWN)


FOURTH = [
    sig(51, 3, "Araghchi: fourth round of indirect talks held in 'serious atmosphere'",
        "Foreign Minister Abbas Araghchi said the fourth round of indirect negotiations between Iran and the United "
        "States, held in Muscat on Tuesday with Oman's mediation, took place in a serious atmosphere. Speaking after the "
        "session, Araghchi said the two sides exchanged written texts and that differences remained."),
]
CONSULATE = [
    sig(52, 6, "Araghchi opens new consular wing in Muscat, pledges faster passports",
        "Foreign Minister Abbas Araghchi inaugurated a new consular building at the Iranian embassy in Muscat on Tuesday "
        "evening. Speaking to Iranians living in Oman, Araghchi said passports would now be issued within a week and "
        "that a direct flight would link Bandar Abbas and Sohar by the summer."),
    sig(53, 6.5, "افتتاح ساختمان جدید بخش کنسولی سفارت ایران در مسقط با حضور عراقچی",
        "وزیر امور خارجه عصر سه‌شنبه، پس از پایان گفت‌وگوهای مسقط، ساختمان جدید بخش کنسولی سفارت ایران در پایتخت عمان را "
        "افتتاح کرد. سید عباس عراقچی در جمع ایرانیان مقیم عمان گفت صدور گذرنامه از این پس ظرف یک هفته انجام می‌شود."),
]


def test_the_minister_opening_a_consulate_is_not_the_round_he_held_that_day():
    assert all(x.primary == {"inauguration"} and x.first == "Abbas Araghchi" for x in CONSULATE)
    assert FOURTH[0].primary == {"round of talks"} and FOURTH[0].first == "Abbas Araghchi"
    kept_apart(FOURTH, CONSULATE)


BRIEFING = [
    sig(61, 0, "Baqaei: Washington's mixed messages undermine trust",
        "TEHRAN – Foreign Ministry spokesman Esmaeil Baqaei on Tuesday accused the United States of sending mixed signals "
        "as Iranian negotiators led by Foreign Minister Abbas Araghchi took part in another round of talks in Muscat.\n\n"
        "Addressing his weekly press briefing in Tehran, Baqaei said the Iranian team was in Muscat with open eyes.\n\n"
        "Asked about parliament's bill on the IAEA, he said the legislature was exercising its right."),
]
REVIEW = [
    sig(62, 21, "مسقط، بهارستان و وزارت خارجه؛ سه پیام در یک روز",
        "روز سه‌شنبه جمهوری اسلامی سه پیام متفاوت به واشنگتن فرستاد. در مسقط، عباس عراقچی پس از چهار ساعت گفتگوی "
        "غیرمستقیم با استیو ویتکاف از جدی‌تر شدن مذاکرات سخن گفت و دو طرف قرار گذاشتند تیم‌های فنی کار را ادامه دهند.\n\n"
        "اما چند ساعت پیش از آن، مجلس کلیات طرحی درباره آژانس را تصویب کرده بود و اسماعیل بقائی در نشست خبری هفتگی گفته "
        "بود هیئت ایرانی فقط برای سنجش جدیت آمریکا به مسقط رفته است."),
]


def test_the_spokesman_s_briefing_as_the_round_sat_is_not_a_review_of_the_round():
    assert BRIEFING[0].frame == {"press conference"} and "round of talks" in BRIEFING[0].primary
    assert "press conference" not in REVIEW[0].lead
    assert link(BRIEFING[0], REVIEW[0], _weight(BRIEFING + REVIEW)) is None
    kept_apart(BRIEFING, REVIEW)


MOU = [
    sig(71, 8, "Araghchi, Albusaidi sign consular MoU in Muscat",
        "Muscat, IRNA -- Foreign Minister Abbas Araghchi, who arrived in the Omani capital on Tuesday evening, held talks "
        "with his Omani counterpart Badr Albusaidi on bilateral ties. During the meeting the two ministers signed a "
        "memorandum on consular cooperation that eases visas for traders."),
    sig(72, 17, "امضای تفاهم‌نامه کنسولی تهران و مسقط",
        "وزیران امور خارجه ایران و عمان روز سه‌شنبه در دیداری دوجانبه در مسقط، تفاهم‌نامه همکاری‌های کنسولی دو کشور را "
        "امضا کردند. عراقچی که شامگاه سه‌شنبه وارد پایتخت عمان شده بود، در این دیدار با بدر البوسعیدی گفت‌وگو کرد."),
]


def test_a_headline_s_mou_is_a_signing_and_joins_the_signing_told_in_persian():
    assert MOU[0].primary == {"signing"} == MOU[1].primary
    assert link(MOU[0], MOU[1], _weight(MOU)) is not None


def test_a_persian_headline_s_years_in_prison_are_no_sentence_before_the_release():
    freed = sig(81, 0, "سیامک روانبخش پس از سه سال زندان در اوین آزاد شد",
                "سیامک روانبخش، تاجر ایرانی-آمریکایی، روز سه‌شنبه از زندان اوین آزاد شد و ایران را به مقصد مسقط ترک کرد.")
    assert freed.primary == {"release"}


def test_a_persian_headline_s_noun_for_a_prisoner_s_release_is_a_release():
    freed = sig(91, 0, "آزادی یک محکوم دوتابعیتی به دلایل انسانی",
                "دستگاه قضایی روز سه‌شنبه اعلام کرد یک محکوم دوتابعیتی ایرانی-آمریکایی به دلایل انسانی و با قرار وثیقه "
                "از زندان مرخص شد. نام این فرد اعلام نشد.")
    assert freed.primary == {"release"}


OP_ED_FT = [
    sig(101, 0, "Araghchi op-ed: 'Iran negotiates in good faith; the question is whether Washington does'",
        "Foreign Minister Abbas Araghchi has written in an op-ed for a London daily published on Tuesday that Iran is "
        "negotiating in good faith and that the outcome of the talks with the United States depends on whether "
        "Washington can choose diplomacy over pressure. In the article, Araghchi reviews the earlier rounds and points to "
        "new sanctions as mixed signals. The piece appeared hours before another round in Muscat."),
]
LATEST_ROUND = [
    sig(102, 6, "Araghchi: path clearer but still some distance to agreement",
        "Iran's Foreign Minister Abbas Araghchi says the latest round of indirect talks with the United States in "
        "Muscat was serious and more detailed than before, but that the sides still have some distance to cover. "
        "Speaking to reporters after the talks on Tuesday, Araghchi said proposals had been exchanged through the Omani "
        "mediator."),
]


def test_an_op_ed_is_not_the_unnumbered_round_its_author_held_at_a_place_its_lead_never_names():
    assert LATEST_ROUND[0].round is None and "Muscat" in LATEST_ROUND[0].lead and "Muscat" not in OP_ED_FT[0].lead
    assert link(OP_ED_FT[0], LATEST_ROUND[0], _weight(OP_ED_FT + LATEST_ROUND)) is None
    kept_apart(OP_ED_FT, LATEST_ROUND)


def test_an_op_ed_said_in_an_article_is_an_op_ed():
    told = sig(103, 1, "Kharrazi: US must choose between pressure and diplomacy",
               "Tehran, IRNA – Kamal Kharrazi, head of Iran's Strategic Council on Foreign Relations, has said in an "
               "article that Washington cannot pursue negotiations and maximum pressure at the same time.")
    assert "op-ed" in told.actions


def test_a_market_moving_as_news_of_the_round_came_out_is_the_market_s_news():
    rial = sig(104, 6, "دلار پس از مذاکرات مسقط به کانال ۸۱ هزار تومان عقب نشست",
               "همزمان با انتشار اخبار مثبت از دور پنجم مذاکرات ایران و آمریکا در مسقط، نرخ دلار در بازار آزاد تهران روز "
               "سه‌شنبه با افت محسوس به حدود ۸۱ هزار تومان رسید. فعالان بازار ارز گفتند خبر توافق موجی از فروش دلار به راه "
               "انداخت.")
    assert rial.primary == {"currency market"}


REMARKS = [
    sig(111, 5, "Trump warns Tehran to 'move fast' as Witkoff meets Iranians in Muscat",
        "US President Donald Trump on Tuesday warned Iran to move quickly toward a deal, saying that 'bad things will "
        "happen' if the talks drag on, in remarks made while his special envoy was in Oman for a new round of "
        "negotiations. Speaking at the White House, Trump said the US position had not changed and that he had spoken "
        "to Steve Witkoff earlier in the morning."),
]
ENVOYS = [
    sig(112, 4, "US envoy and Iran's top diplomat hold another round of talks in Oman, speak briefly face to face",
        "MUSCAT, Oman (AP) — US envoy Steve Witkoff and Iranian Foreign Minister Abbas Araghchi held another round of "
        "talks over Tehran's nuclear program in Oman on Tuesday, Oman's foreign ministry describing the session as "
        "useful. The delegations sat in separate rooms near Muscat while Omani Foreign Minister Badr Albusaidi carried "
        "messages between them. Trump has said he wants a deal soon."),
]


def test_the_president_s_remarks_while_his_envoy_was_in_oman_for_a_round_are_not_the_round():
    assert "round of talks" not in REMARKS[0].primary and ENVOYS[0].primary == {"round of talks"}
    assert link(REMARKS[0], ENVOYS[0], _weight(REMARKS + ENVOYS)) is None
    kept_apart(REMARKS, ENVOYS)


EVE = [
    sig(121, -16, "عراقچی در مسقط با بوسعیدی دیدار کرد",
        "سید عباس عراقچی، وزیر امور خارجه، که بعدازظهر دوشنبه برای شرکت در دور پنجم مذاکرات غیرمستقیم وارد مسقط شد، "
        "شامگاه با بدر البوسعیدی، همتای عمانی خود دیدار و گفت‌وگو کرد. در این دیدار دو طرف درباره ترتیبات نشست فردا "
        "رایزنی کردند و عراقچی نقطه‌نظرات ایران را برای انتقال به هیئت "
        "آمریکایی به وزیر خارجه عمان داد. استیو ویتکاف، فرستاده ویژه رئیس‌جمهور آمریکا، نیز قرار است امشب وارد مسقط شود."),
]
NEXT_DAY_ROUND = [
    sig(122, 3, "ایران و آمریکا بر سر آغاز مذاکرات فنی توافق کردند",
        "وزیر خارجه عمان می‌گوید ایران و آمریکا در پایان دور تازه گفت‌وگوها در مسقط توافق کرده‌اند که کارشناسان دو طرف از "
        "هفته آینده بررسی جزئیات را آغاز کنند. بدر البوسعیدی، همتای عمانی عراقچی، این مذاکرات را مفید توصیف کرد. سید "
        "عباس عراقچی، وزیر امور خارجه، پس از پایان گفت‌وگوها گفت فضای نشست جدی بود و نقطه‌نظرات ایران به هیئت آمریکایی "
        "منتقل شد. استیو ویتکاف، فرستاده ویژه رئیس‌جمهور آمریکا، پس از نشست اظهارنظری نکرد."),
]


def test_the_minister_s_meeting_with_the_mediator_on_the_eve_is_not_the_round_told_the_next_day():
    assert "meeting" in EVE[0].early and EVE[0].day is not None and NEXT_DAY_ROUND[0].day is None
    assert NEXT_DAY_ROUND[0].primary == {"round of talks"}
    assert link(EVE[0], NEXT_DAY_ROUND[0], _weight(EVE + NEXT_DAY_ROUND)) is None
    kept_apart(EVE, NEXT_DAY_ROUND)


NO_TRUST = [
    sig(131, 0, "Khamenei says Iran has 'no trust' in US, rules out missile talks a day after Oman round",
        "DUBAI (Reuters) - Iran's Supreme Leader Ayatollah Ali Khamenei said on Tuesday that Tehran did not trust "
        "Washington and that its missile programme would not be negotiated, a day after Iranian and U.S. negotiators "
        "held indirect talks in Oman. \"Negotiation is one thing and trust is another,\" Khamenei told judiciary "
        "officials, according to his website. US President Donald Trump has said a deal is close."),
]
SIGN = [
    sig(132, 10, "Trump: 'I don't need Khamenei to trust me, I need him to sign'",
        "US President Donald Trump on Tuesday brushed off the Iranian supreme leader's declaration of distrust toward "
        "Washington, saying a nuclear agreement was within reach. \"I don't need him to trust me. I need him to sign,\" "
        "Trump told reporters at the White House. Asked about the supreme leader's remark that Iran had no trust in "
        "Washington and would not negotiate its missiles, Trump said the talks in Oman were going well."),
]


def test_the_president_s_answer_naming_the_leader_is_not_the_leader_s_speech():
    assert NO_TRUST[0].first in NO_TRUST[0].speakers and SIGN[0].first in SIGN[0].speakers
    assert "Ali Khamenei" in SIGN[0].lead and "Donald Trump" not in NO_TRUST[0].lead
    assert link(NO_TRUST[0], SIGN[0], _weight(NO_TRUST + SIGN)) is None
    kept_apart(NO_TRUST, SIGN)


E3_STATEMENT = [
    sig(141, 0, "UK, France, Germany 'deeply concerned' by IAEA findings, warn Iran ahead of board meeting",
        "Britain, France and Germany said Tuesday they were \"deeply concerned\" by the latest UN nuclear watchdog report "
        "on Iran, which found that Tehran's stockpile of 60 percent enriched uranium has kept growing. In a joint "
        "statement released by their foreign ministries, the E3 urged Tehran to restore full cooperation with IAEA "
        "inspectors without delay."),
    sig(142, 1, "بیانیه مشترک سه کشور اروپایی: افزایش ذخایر اورانیوم ایران توجیه غیرنظامی ندارد",
        "بریتانیا، فرانسه و آلمان روز سه‌شنبه در بیانیه‌ای مشترک از یافته‌های تازه آژانس بین‌المللی انرژی اتمی ابراز "
        "نگرانی عمیق کردند. سه کشور اروپایی موسوم به E3 گفتند تهران باید همکاری با بازرسان آژانس را از سر بگیرد. مجید "
        "تخت‌روانچی، معاون وزیر خارجه، پیش‌تر نسبت به هر اقدام تحریک‌آمیز در شورای حکام هشدار داده بود."),
]
GENEVA = [
    sig(143, 6, "Takht-Ravanchi, E3 deputies hold talks in Geneva",
        "Geneva, IRNA – Iran's Deputy Foreign Minister Majid Takht-Ravanchi met on Tuesday with the political directors "
        "of Britain, France and Germany in Geneva to discuss the nuclear issue, and warned that any provocative move at "
        "the IAEA Board of Governors would harm diplomacy."),
    sig(144, 7, "Iran, European powers meet in Geneva as tensions rise over IAEA report",
        "GENEVA (Reuters) - Senior Iranian and European diplomats met in Geneva on Tuesday to keep channels open ahead of "
        "a meeting of the IAEA board, where Western powers could push for a resolution. Iran's deputy foreign minister "
        "held about three hours of talks with political directors from Britain, France and Germany, known as the E3."),
]


def test_the_deputy_s_meeting_with_the_europeans_in_geneva_is_not_their_statement():
    assert all("joint statement" in x.actions for x in E3_STATEMENT)
    assert all("meeting" in x.early and "Geneva" in x.head for x in GENEVA)
    assert _statement_against_person(E3_STATEMENT[1], GENEVA[0])  # the Persian statement naming no one, his meeting
    no_links_across(E3_STATEMENT, GENEVA)


def test_a_president_using_his_address_to_the_summit_frames_a_speech():
    podium = sig(151, 0, "Pezeshkian uses Baku podium to court neighbours, criticise sanctions",
                 "Iranian President Masoud Pezeshkian used his address to the ECO summit in Baku on Tuesday to call for "
                 "closer regional trade and to denounce US sanctions.")
    earlier = sig(152, 0, "Pezeshkian, Egypt's president meet on summit sidelines",
                  "Egypt's president and Masoud Pezeshkian held talks in Cairo on Tuesday. The meeting took place on the "
                  "sidelines of the D-8 summit, where Pezeshkian earlier used his address to call for a trade bloc.")
    assert podium.frame == {"speech"} and "speech" not in earlier.frame
