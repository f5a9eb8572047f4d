"""Figures as anchors across languages (session 25): quantities with their unit that two leads name
("14 tankers" = «۱۴ نفتکش», "2.3 million barrels a day" = «دو میلیون و ۳۴۰ هزار بشکه در روز»), with our own
fixture sentences, each with a guard that stays apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.figures import figure_keys, figures, same_figure, shared_figures, strength
from core.gazetteer import fold
from core.stories import incident, index_keys, link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories


def _figures(text: str) -> list[str]:
    return sorted(figures(fold(text)))


# --- Reading figures ---------------------------------------------------------------------------------------

def test_figures_in_english_with_digits_words_and_scales():
    assert _figures("Treasury blacklisted 14 tankers and eight shipping companies") == ["companies:8e0",
                                                                                         "tankers:14e0"]
    assert _figures("shipments averaged 2.3 million barrels per day in May") == ["bpd:23e5"]
    assert _figures("a 60-day extension") == ["days:6e1"]
    assert _figures("fined $1.25 billion") == ["dollars:125e7"]
    assert _figures("the motion won 176 votes") == ["votes:176e0"]
    assert _figures("163 lawmakers voted in favour") == ["votes:163e0"]


def test_figures_in_persian_with_persian_digits_words_and_counters():
    assert _figures("تحریم ۱۴ فروند نفتکش و هشت شرکت کشتیرانی") == ["companies:8e0", "tankers:14e0"]
    assert _figures("صادرات به دو میلیون و ۳۴۰ هزار بشکه در روز رسید") == ["bpd:234e4"]
    assert _figures("با ۱۷۶ رأی موافق") == ["votes:176e0"]
    assert _figures("برای ۶۰ روز دیگر تمدید شد") == ["days:6e1"]
    assert _figures("نرخ به ۸۷ هزار تومان رسید") == ["rials:87e4"]  # a toman is ten rials
    assert _figures("۲٫۵ درصد") == ["percent:25e-1"]


def test_no_figure_without_a_unit_nor_a_relative_day():
    assert _figures("In 2024, the ministry said 14 were detained") == []
    assert _figures("روز گذشته ۱۴ مورد گزارش شد") == []


def test_a_rounded_figure_meets_the_precise_one_with_two_significant_digits():
    assert same_figure("bpd:23e5", "bpd:234e4")  # 2.3 million = 2,340,000 told to the barrel
    assert not same_figure("bpd:23e5", "bpd:236e4")  # 2.36 million is 2.4
    assert not same_figure("bpd:3e5", "bpd:31e4")  # 300,000 is not 310,000: one digit says too little
    assert not same_figure("bpd:23e5", "barrels:23e5")  # barrels a day are not barrels
    assert figure_keys(frozenset({"bpd:234e4"})) == figure_keys(frozenset({"bpd:23e5"})) == ["bpd:23e5"]
    assert figure_keys(frozenset({"tankers:6e0"})) == []  # one digit: too common to index
    assert strength("votes:176e0") == 3 and strength("companies:8e0") == 1


# --- One designation told in two languages by its figures -------------------------------------------------

DESIGNATION = [
    sig(1, 5, "US Treasury blacklists 14 tankers in crackdown on Iranian oil",
        "The US Treasury on Tuesday imposed sanctions on 14 tankers and eight shipping companies registered in "
        "Panama and Singapore, accusing them of carrying Iranian crude to refineries in Asia."),
    sig(2, 8, "تحریم ۱۴ نفتکش؛ بقائی: آمریکا به دنبال فشار است",
        "وزارت خزانه‌داری آمریکا روز سه‌شنبه ۱۴ نفتکش و هشت شرکت کشتیرانی را تحریم کرد. اسماعیل بقائی سخنگوی "
        "وزارت خارجه این اقدام را «نشانه تناقض در رفتار واشنگتن» خواند."),
]


def test_one_designation_joins_across_languages_by_its_figures():
    assert incident(*DESIGNATION)
    assert stories(DESIGNATION) == [[1, 2]]


def test_guard_a_designation_with_other_figures_on_another_day_stays_apart():
    """Another round of sanctions the next week, other numbers: the kind of action alone is no event."""
    other = sig(3, 170, "تحریم ۵ نفتکش و سه شرکت دیگر",
                "وزارت خزانه‌داری آمریکا روز دوشنبه ۵ نفتکش و سه شرکت دیگر را به اتهام حمل نفت ایران تحریم کرد.")
    assert not incident(DESIGNATION[0], other)
    kept_apart(DESIGNATION, [other])


def test_guard_the_same_figures_beside_another_kind_of_action_are_no_link():
    """A seizure of one of the tankers the same day names the count of those sanctioned as background."""
    seizure = sig(4, 9, "Guards seize tanker among 14 sanctioned by US",
                  "Iran's Revolutionary Guards on Tuesday seized a tanker in the Gulf of Oman, one of 14 tankers the US "
                  "Treasury has sanctioned, state media said.")
    assert link(DESIGNATION[1], seizure, _weight([DESIGNATION[1], seizure])) is None


# --- One waiver's term --------------------------------------------------------------------------------------

WAIVER = [
    sig(11, 2, "Washington extends Baghdad gas payments waiver by 60 days",
        "The United States on Tuesday extended by 60 days a sanctions waiver that lets Baghdad pay Iran for gas "
        "imports, the State Department said."),
    sig(12, 4, "تمدید ۶۰ روزه معافیت پرداخت بهای گاز ایران از سوی بغداد",
        "آمریکا روز سه‌شنبه معافیت تحریمی بغداد برای پرداخت بهای گاز وارداتی از ایران را برای ۶۰ روز تمدید کرد."),
]
WAIVER_TERM = [
    sig(13, 2, "Washington extends Baghdad gas payments waiver by 150 days",
        "The United States on Tuesday extended by 150 days a sanctions waiver that lets Baghdad pay Iran for gas "
        "imports, the State Department said."),
    sig(14, 4, "تمدید ۱۵۰ روزه معافیت بغداد",
        "آمریکا روز سه‌شنبه معافیت تحریمی بغداد برای پرداخت بهای گاز وارداتی از ایران را برای ۱۵۰ روز تمدید کرد."),
]


def test_a_waiver_s_uncommon_term_is_an_anchor_across_languages():
    assert shared_figures(WAIVER_TERM[0].figures, WAIVER_TERM[1].figures)
    assert incident(*WAIVER_TERM)


def test_guard_two_waivers_with_different_terms_stay_apart():
    assert not incident(WAIVER_TERM[0], WAIVER[1])
    assert not shared_figures(WAIVER_TERM[0].figures, WAIVER[1].figures)


# --- Export figures ---------------------------------------------------------------------------------------

EXPORTS = [
    sig(21, 3, "Iran's oil exports climb to 2.3 million bpd, tracker says",
        "Iran's crude oil exports rose to about 2.3 million barrels per day in March, the highest in six years, "
        "according to the tanker-tracking firm Vortexa."),
    sig(22, 6, "صادرات نفت ایران به دو میلیون و ۳۴۰ هزار بشکه در روز رسید",
        "بر اساس داده‌های شرکت ردیابی نفتکش ورتکسا، صادرات نفت خام ایران در ماه مارس به دو میلیون و ۳۴۰ هزار "
        "بشکه در روز رسید."),
]


def test_an_export_figure_rounded_by_one_account_joins_the_precise_one():
    assert set(index_keys(EXPORTS[0])) & set(index_keys(EXPORTS[1]))  # found as candidates of each other
    assert incident(*EXPORTS)


def test_guard_the_next_month_s_export_figure_stays_apart():
    """The tracker's figure for April, a month later: another figure and another day."""
    april = sig(23, 24 * 30, "صادرات نفت ایران به یک میلیون و ۹۸۰ هزار بشکه در روز کاهش یافت",
                "بر اساس داده‌های ورتکسا، صادرات نفت خام ایران در ماه آوریل به یک میلیون و ۹۸۰ هزار بشکه در روز "
                "کاهش یافت.")
    assert not incident(EXPORTS[0], april)
    assert link(EXPORTS[0], april, _weight([EXPORTS[0], april])) is None


# --- A vote count -----------------------------------------------------------------------------------------

def test_guard_one_vote_count_on_two_different_days_is_no_link():
    """Parliament passes a bill with 176 votes on Tuesday, another bill with 176 votes a week later."""
    one = sig(31, 3, "Majlis approves shipping insurance bill with 176 votes",
              "Iranian lawmakers on Tuesday approved a bill on shipping insurance with 176 votes in favour.")
    other = sig(32, 170, "تصویب طرح بیمه کالا با ۱۷۶ رأی موافق",
                "نمایندگان مجلس روز دوشنبه طرح بیمه کالاهای وارداتی را با ۱۷۶ رأی موافق تصویب کردند.")
    assert shared_figures(one.figures, other.figures)
    assert not incident(one, other)
    kept_apart([one], [other])


# --- A two-digit round term ------------------------------------------------------------------------------

TERM = [
    sig(41, 6, "US renews Kuwait gas waiver for Iran payments",
        "The Trump administration extended a sanctions waiver letting Kuwait pay Iran for gas imports for another "
        "70 days, according to a State Department notice sent to Congress."),
    sig(42, 7.5, "تمدید معافیت کویت برای پرداخت بهای گاز ایران",
        "آمریکا معافیت تحریمی کویت برای پرداخت بهای گاز وارداتی از ایران را برای ۷۰ روز دیگر تمدید کرد."),
]


def test_a_round_two_digit_term_is_an_anchor_but_ten_fifty_and_percentages_are_not():
    assert strength("days:7e1") == 2 and strength("tankers:3e1") == 2
    assert strength("days:1e1") == strength("days:5e1") == strength("days:1e2") == strength("percent:6e1") == 1
    assert figure_keys(frozenset({"days:7e1"})) == ["days:7e1"]


def test_one_waiver_with_a_round_term_joins_when_one_account_names_no_day():
    assert TERM[0].day is None or TERM[1].day is None
    assert incident(*TERM)
    assert stories(TERM) == [[41, 42]]


def test_guard_another_waiver_with_another_round_term_stays_apart():
    other = sig(43, 8, "تمدید معافیت کویت برای ۴۰ روز",
                "واشنگتن به کویت اجازه داد ۴۰ روز دیگر پول گازی را که از ایران می‌خرد بپردازد و معافیت را تمدید کرد.")
    assert not incident(TERM[0], other)


def test_guard_a_standing_percentage_is_no_anchor():
    """Two reports of one day both citing uranium enriched to 60 percent: the level is background."""
    one = sig(44, 3, "Think tank report says Iran expands 60 percent stockpile",
              "A Washington think tank said in a report on Tuesday that Iran keeps enriching uranium to 60 percent at "
              "Fordow.")
    other = sig(45, 5, "گزارش آژانس: ذخایر اورانیوم ۶۰ درصد افزایش یافت",
                "آژانس بین‌المللی انرژی اتمی در گزارش روز سه‌شنبه خود اعلام کرد ذخایر اورانیوم ۶۰ درصد ایران افزایش "
                "یافته است.")
    assert not incident(one, other)
