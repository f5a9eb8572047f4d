"""Precision of issue 8 (session 32), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

A Gulf outlet's morning piece on the president's warning of the day before, which "looms over" that day's round in
Muscat, is not the round's Persian account: its headline names first the president, whom the account never
mentions, and the people the account names (the minister, the mediator) are not in the piece at all
(``core.stories._round_told_twice``)."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

WARNING = [
    sig(1, 20, "Trump's threat of 'consequences' looms over Muscat talks",
        "President Donald Trump's threat of \"serious consequences\" if Iran turns down a deal hangs over "
        "Wednesday's round of talks in Oman, as Gulf diplomats weigh his words for any sign of give. Talking to "
        "reporters on Tuesday, Trump said Tehran was desperate for an agreement and repeated that it could never "
        "hold a nuclear weapon, but said he was open to meeting President Masoud Pezeshkian."),
]
ROUND_FA = [
    sig(2, 32, "مذاکرات مسقط؛ توافق بر سر ادامه گفت‌وگوهای کارشناسی",
        "هیئت‌های ایران و آمریکا روز چهارشنبه در مسقط دور تازه‌ای از گفت‌وگوهای غیرمستقیم را با میانجیگری "
        "عمان برگزار کردند. بدر البوسعیدی، وزیر خارجه عمان، پیام‌های دو طرف را منتقل کرد و سید عباس عراقچی، "
        "وزیر امور خارجه، پس از پایان گفت‌وگوها فضای مذاکرات را جدی توصیف کرد."),
    sig(3, 30, "پایان دور تازه مذاکرات غیرمستقیم در مسقط؛ عراقچی: فضا جدی بود",
        "دور تازه گفت‌وگوهای غیرمستقیم ایران و آمریکا امروز چهارشنبه در مسقط به پایان رسید. عباس عراقچی، "
        "وزیر امور خارجه، گفت پیام‌ها از طریق بدر البوسعیدی منتقل شد و گفت‌وگوهای کارشناسی ادامه می‌یابد."),
]
SOURCE_FA = [
    sig(4, 31, "روایت یک منبع آگاه از نشست مسقط: تبادل پیام بدون تفاهم",
        "دور تازه مذاکرات غیرمستقیم هیئت‌های ایران و آمریکا که امروز با میانجیگری عمان در مسقط برگزار شد، به "
        "گفته یک منبع آگاه نزدیک به تیم مذاکره‌کننده، بدون تفاهم بر سر موضوعات اصلی به پایان رسید."),
]
MINISTER_EN = [
    sig(5, 29, "Araghchi: Muscat round 'serious but difficult'",
        "Iran's Foreign Minister Abbas Araghchi said Wednesday's round of indirect talks with the United States in "
        "Muscat was serious but difficult, speaking to reporters after nearly four hours of talks."),
]


def test_a_warning_that_looms_over_the_round_is_not_the_round():
    weight = _weight(WARNING + ROUND_FA)
    assert "round of talks" in WARNING[0].primary  # what the guard below must hold against
    assert all(link(WARNING[0], r, weight) is None for r in ROUND_FA)
    kept_apart(WARNING, ROUND_FA)


def test_guard_the_minister_s_account_joins_a_persian_account_that_names_nobody():
    # The headline's first person, whom the Persian account never mentions, is the negotiator: that account names
    # no one at all ("a source close to the team"), so nobody of its own stands against him.
    assert stories(SOURCE_FA, MINISTER_EN) == [[4, 5]]


# --- A court ruling on one prisoner, the day another is freed in a swap ----------------------------------------

RULING = [
    sig(11, 6, "Iran appeals court upholds prison term for US-Iranian botanist",
        "An Iranian appeals court has upheld a seven-year sentence against Shirin Tabrizi, a botanist with dual "
        "citizenship convicted of spying, the judiciary said Tuesday, hours before a prisoner swap. Her family says "
        "the charges are invented and that her fieldwork on desert plants was approved by the authorities. "
        "Supporters had hoped she would be part of the exchange that saw Daniel Hartley flown to Muscat."),
]
SWAP = [
    sig(12, 3, "Iran frees US veteran, US releases Iranian engineer in Oman-brokered swap",
        "Iran released American veteran Daniel Hartley on Tuesday in exchange for an Iranian engineer held in the "
        "United States, in a swap brokered by Oman, US officials said. Hartley, who was arrested in 2027 and later "
        "sentenced to nine years, landed in Muscat aboard an Omani plane. In return, Washington freed Arash Bahmani, "
        "an engineer convicted of export violations."),
]
RETURN = [
    sig(13, 5, "Iranian engineer returns home after 'unjust detention' in US",
        "Iranian engineer Arash Bahmani, who had been held in the United States over sanctions charges, arrived in "
        "Tehran on Tuesday afternoon and was met by his family and foreign ministry officials, who said he had been "
        "detained unjustly."),
]


def test_a_ruling_on_one_prisoner_is_not_the_swap_that_freed_another():
    # The ruling's lead is about the botanist, whom the swap's account never mentions; the freed veteran is only
    # named in its body, as what the botanist was not part of (``Signature.subjects``).
    assert RULING[0].subjects == 1 and "court ruling" in RULING[0].primary
    assert link(RULING[0], SWAP[0], _weight(RULING + SWAP)) is None
    kept_apart(RULING, SWAP)


def test_guard_the_engineer_s_return_is_the_swap_that_freed_him():
    # His name is the return's subject, and the swap's account names him: one exchange, told from its two ends.
    assert RETURN[0].subjects == 1
    assert stories(SWAP, RETURN) == [[12, 13]]


# --- The accord two ministers sign, and the round of talks one of them holds that day --------------------------

SIGNING = [
    sig(21, 0, "Oman and Iran agree to open consulates in Sohar and Chabahar",
        "Oman and Iran on Tuesday signed a consular co-operation agreement under which each will open a "
        "consulate-general in the other, Oman's news agency said. Foreign Minister Badr Albusaidi and his Iranian "
        "counterpart Abbas Araghchi signed the accord in Muscat with a memorandum easing visas for traders."),
    sig(22, 1, "امضای موافقت‌نامه کنسولی ایران و عمان در مسقط",
        "عباس عراقچی، وزیر امور خارجه، و بدر البوسعیدی، همتای عمانی وی، صبح امروز سه‌شنبه در مسقط یک "
        "موافقت‌نامه کنسولی و یک یادداشت تفاهم برای تسهیل تردد بازرگانان دو کشور امضا کردند."),
]
TALKS = [
    sig(23, 4, "Iran-US indirect talks end in Muscat after three hours",
        "A new round of indirect negotiations between Iran and the United States ended in Muscat on Tuesday, with "
        "Omani Foreign Minister Badr Albusaidi carrying messages between Iranian Foreign Minister Abbas Araghchi and "
        "US envoy Steve Witkoff."),
    sig(24, 5, "عراقچی: بر لغو مؤثر تحریم‌ها تأکید کردیم",
        "وزیر امور خارجه پس از پایان دور تازه گفت‌وگوهای غیرمستقیم در مسقط گفت هیئت ایرانی بر لغو مؤثر "
        "تحریم‌ها تأکید کرد. عراقچی افزود پیام‌ها از طریق بدر البوسعیدی، وزیر خارجه عمان، مبادله شد."),
]


def test_the_accord_two_ministers_sign_is_not_the_round_one_of_them_holds():
    assert all(s.primary == {"signing"} for s in SIGNING)
    kept_apart(SIGNING, TALKS)


def test_guard_a_cooperation_agreement_in_force_is_no_signing():
    # (the 25-year agreement the presidents discussed on a summit's sidelines is their subject, not an accord signed)
    met = sig(25, 0, "Pezeshkian, Xi stress partnership on summit sidelines",
              "President Masoud Pezeshkian and Chinese President Xi Jinping underlined the need to implement the "
              "25-year comprehensive cooperation agreement between Tehran and Beijing when they met on Tuesday on "
              "the sidelines of the Shanghai Cooperation Organisation summit.")
    assert "signing" not in met.actions


# --- A background weekday just before the cut of the lead's next sentences --------------------------------------

def test_a_pluperfect_past_the_cut_still_makes_its_weekday_background():
    from datetime import UTC, datetime

    from core.signature import event_day
    wednesday = datetime(2025, 4, 16, 12, 0, tzinfo=UTC)
    lead = "وزیر خارجه پس از پایان دور تازه گفت وگوها در مسقط گفت مذاکرات جدی بود."
    rest = (" این دور حدود چهار ساعت طول کشید و در شرایطی برگزار شد که امریکا دوشنبه تحریم های تازه ای علیه صادرات"
            " نفت ایران اعلام کرده و مجلس کلیات طرحی را تصویب کرده بود.")
    whole = lead + rest
    cut = whole[:whole.index("دوشنبه") + len("دوشنبه") + 1]  # the next sentences, cut right after the weekday
    assert event_day(lead, wednesday, cut) == datetime(2025, 4, 14).date()  # what the cut alone reads
    assert event_day(lead, wednesday, cut, whole=whole) is None  # Monday's sanctions are background


# --- The currency exchange centre is no prisoner exchange ----------------------------------------------------------

def test_the_currency_exchange_centre_is_no_prisoner_exchange():
    market = sig(31, 0, "عقب‌نشینی دلار در بازار تهران",
                 "بازار ارز تهران روز چهارشنبه شاهد کاهش قیمت دلار بود و در مرکز مبادله ارز و طلای ایران نیز نرخ "
                 "حواله کاهش یافت.")
    assert "prisoner exchange" not in market.actions
    assert "currency market" in market.primary


def test_guard_a_persian_swap_is_still_a_prisoner_exchange():
    swap = sig(32, 0, "مبادله زندانیان ایران و فرانسه با میانجی‌گری عمان",
               "دو زندانی ایرانی و فرانسوی روز چهارشنبه در مسقط مبادله شدند و این مبادله با میانجی‌گری عمان انجام شد.")
    assert "prisoner exchange" in swap.primary


# --- A preview of the round, and the round ---------------------------------------------------------------------------
# T0 is Tuesday 10:00 UTC; the previews are written on Monday, the round is held on Tuesday.

PREVIEW = [
    sig(41, -24, "Oman says next round of Iran-US talks to be held in Muscat on Tuesday",
        "Oman will host a new round of indirect talks between Iran and the United States in Muscat on Tuesday, "
        "Omani Foreign Minister Badr Albusaidi said on Monday, with Abbas Araghchi and Steve Witkoff expected to lead "
        "their delegations."),
    sig(42, -18, "What to expect as Iran and US return to the table in Muscat",
        "Iranian and American negotiators will meet again in the Omani capital on Tuesday for a new round of indirect "
        "talks, with Abbas Araghchi and Steve Witkoff expected to sit in separate rooms while Badr Albusaidi carries "
        "messages between them."),
]
HELD = [
    sig(43, 6, "Iran and US wrap up new round of talks in Oman, agree to technical talks",
        "Iran and the United States wrapped up a new round of indirect talks in Muscat on Tuesday, with Omani Foreign "
        "Minister Badr Albusaidi carrying messages between Abbas Araghchi and Steve Witkoff, and agreed that experts "
        "would meet next week."),
    sig(44, 7, "Araghchi: Muscat round 'serious'; experts to meet next week",
        "Foreign Minister Abbas Araghchi said the round of indirect talks with the United States held in Muscat on "
        "Tuesday was serious, speaking to reporters after Badr Albusaidi had passed messages between the delegations "
        "and Steve Witkoff."),
]


def test_a_preview_of_the_round_is_not_the_round():
    assert all(s.ahead for s in PREVIEW) and not any(s.ahead for s in HELD)
    kept_apart(PREVIEW, HELD)


def test_guard_an_analysis_of_the_round_that_names_the_experts_to_come_is_no_preview():
    analysis = sig(45, 20, "Analysis: Muscat round keeps the channel alive",
                   "Tuesday's round of indirect talks in Muscat produced upbeat language and one procedural step: "
                   "technical teams are to begin meeting in Oman next week, Abbas Araghchi said.")
    statement = sig(46, -20, "European powers urge Iran to readmit inspectors",
                    "Britain, France and Germany on Monday urged Iran to let UN inspectors back in, a day before "
                    "American and Iranian negotiators are due to meet in Oman.")
    assert not analysis.ahead  # it retells the round by its day
    assert not statement.ahead  # the talks to come date the statement: background


# --- The minister's warning to the Europeans on arriving for the round -----------------------------------------------

ARRIVAL = [
    sig(51, 0, "عراقچی در بدو ورود به مسقط: فعال‌سازی اسنپ‌بک پاسخ قاطع ایران را در پی دارد",
        "وزیر امور خارجه که ظهر سه‌شنبه وارد مسقط شد، در گفت‌وگو با خبرنگاران در فرودگاه درباره تهدید سه کشور "
        "اروپایی به فعال‌سازی اسنپ‌بک هشدار داد. سید عباس عراقچی گفت پاسخ ایران از جمله بازنگری در همکاری با "
        "آژانس بین‌المللی انرژی اتمی خواهد بود."),
]
ROUND_ONE = [
    sig(52, 6, "پایان دور تازه مذاکرات غیرمستقیم در مسقط؛ عراقچی: گفت‌وگوها جدی‌تر بود",
        "دور تازه مذاکرات غیرمستقیم ایران و آمریکا عصر امروز سه‌شنبه در مسقط به پایان رسید. سید عباس عراقچی، "
        "وزیر امور خارجه، پس از پایان نشست گفت این دور جدی‌تر از دورهای قبل بود و گفت‌وگوهای کارشناسی از هفته "
        "آینده آغاز می‌شود."),
]


def test_the_minister_s_warning_on_a_subject_the_round_s_accounts_never_mention_is_not_the_round():
    kept_apart(ARRIVAL, ROUND_ONE)


def test_a_preview_of_the_round_is_not_the_spokesman_s_briefing_that_day():
    briefing = sig(47, -25, "Spokesman: Araghchi to lead Iranian delegation to Muscat for indirect talks with US",
                   "Foreign Ministry spokesman Esmaeil Baqaei said on Monday that Foreign Minister Abbas Araghchi will "
                   "head the delegation travelling to Muscat for a new round of indirect talks with the United States "
                   "on Tuesday. Speaking at his weekly press briefing in Tehran, Baqaei said messages would be passed "
                   "through Omani Foreign Minister Badr Albusaidi.")
    preview = sig(48, -23, "Iran, US envoys head to Oman for talks with sanctions on the table",
                  "Iranian and U.S. negotiators will meet in Muscat on Tuesday for another round of Omani-mediated "
                  "talks, with Washington pressing for curbs on enrichment, officials said. Iran's foreign ministry "
                  "spokesman Esmaeil Baqaei "
                  "said on Monday the talks would remain indirect, with Omani Foreign Minister Badr Albusaidi carrying "
                  "messages between the delegations.")
    assert briefing.frame and not briefing.ahead and preview.ahead
    kept_apart([preview], [briefing])


# --- While the minister negotiated in Muscat, parliament voted --------------------------------------------------------

def test_a_persian_meanwhile_clause_is_background():
    vote = sig(61, 3, "هم‌زمان با مذاکرات مسقط، مجلس طرح توقف همکاری با آژانس را پیش برد",
               "در حالی که عباس عراقچی روز سه‌شنبه در مسقط سرگرم مذاکره با هیئت آمریکایی بود، نمایندگان مجلس در "
               "تهران کلیات طرحی را تصویب کردند که دولت را به توقف همکاری با آژانس بین‌المللی انرژی اتمی ملزم می‌کند.")
    assert "Abbas Araghchi" not in vote.lead and "approval" in vote.primary
    kept_apart([vote], ROUND_ONE)


def test_more_ways_to_tell_a_signing_and_a_persian_preview():
    # (the validation pool's: "a deal signed in Muscat", «امضای دو سند همکاری», and «قرار است ... آغاز شود», folded
    # «آ» to «ا»)
    deal = sig(71, 0, "Oman and Iran ease visa rules for traders in new consular deal",
               "Oman and Iran on Tuesday agreed to make it easier for traders to travel between the two countries, in "
               "a deal signed in Muscat by Badr Albusaidi and Abbas Araghchi.")
    documents = sig(72, 0, "امضای دو سند همکاری کنسولی و حقوقی میان ایران و عمان",
                    "ایران و عمان صبح سه‌شنبه در مسقط دو سند همکاری در زمینه امور کنسولی امضا کردند.")
    preview = sig(73, -4, "آنچه در دور تازه مذاکرات مسقط روی میز است",
                  "دور تازه گفت‌وگوهای ایران و آمریکا قرار است ساعاتی دیگر در مسقط آغاز شود و عباس عراقچی صبح امروز "
                  "راهی مسقط می‌شود.")
    assert deal.primary == {"signing"} and documents.primary == {"signing"}
    assert preview.ahead
    weight = _weight([deal, documents, preview] + ROUND_ONE)
    assert all(link(x, ROUND_ONE[0], weight) is None for x in (deal, documents))


# --- After the held-out parts' scoring: an op-ed told by its byline, a wire's account of the briefing -------------

def test_an_op_ed_told_by_its_byline_is_not_the_round_it_reviews():
    op_ed = sig(81, 46, "Muscat, sanctions and the price of mistrust",
                "By Kamal Kharrazi. This week showed why diplomacy between Iran and the United States stays fragile. "
                "On Tuesday, our negotiators sat in Muscat for another round of indirect talks; within a day, "
                "Washington answered with new sanctions.")
    assert op_ed.primary == {"op-ed"}
    kept_apart([op_ed], ROUND_ONE)


def test_guard_a_wire_s_account_of_the_briefing_naming_its_speaker_joins_the_briefing():
    briefing = sig(82, -25, "Spokesman: Iranian delegation to travel to Muscat for new round of talks",
                   "Foreign Ministry spokesman Esmaeil Baqaei said on Monday that a new round of indirect talks with the "
                   "United States will be held in Muscat on Tuesday. Speaking at his weekly press briefing in Tehran, "
                   "Baqaei said Foreign Minister Abbas Araghchi would head the team.")
    wire = sig(83, -23, "Iran says next round of talks with US will go ahead in Oman on Tuesday",
               "Iran will hold a new round of indirect talks with the United States in Muscat on Tuesday, foreign "
               "ministry spokesman Esmaeil Baqaei said on Monday, with Abbas Araghchi leading the delegation.")
    from core.stories import _preview_against_meeting
    assert wire.ahead and briefing.frame
    assert not _preview_against_meeting(briefing, wire)  # the wire names the speaker: his briefing is its news
    assert _preview_against_meeting(briefing, PREVIEW[0])  # an announcement by Oman's minister is not
