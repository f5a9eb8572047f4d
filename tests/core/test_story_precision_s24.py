"""Precision of issue 8 (session 24): an article's primary kind of action (``Signature.primary``, what its
headline, failing that its lead, says happened) keeps apart events that share only a body or a place.
Fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, no_links_across, sig, stories

# --- A body's report, and a press conference about the law answering it: the IAEA in both --------

REPORT = [
    sig(1, 1, "IAEA report says Iran's enriched uranium can no longer be verified",
        "The UN nuclear watchdog said in a confidential quarterly report on Tuesday that it could no longer verify "
        "the size of Iran's stock of uranium enriched to 60 percent. The IAEA report was sent to member states "
        "ahead of the next Board of Governors session."),
    sig(2, 4, "گزارش محرمانه آژانس: ذخایر اورانیوم ایران قابل راستی‌آزمایی نیست",
        "آژانس بین‌المللی انرژی اتمی روز سه‌شنبه در گزارش محرمانه فصلی خود اعلام کرد دیگر نمی‌تواند میزان ذخایر "
        "اورانیوم غنی‌شده ایران را راستی‌آزمایی کند."),
]
LAW_BRIEFING = [
    sig(3, 2, "Council spokesman: law on IAEA board resolutions takes effect",
        "Speaking at a news conference on Tuesday, the spokesman of Iran's constitutional watchdog said the law "
        "obliging the government to curb cooperation with the IAEA if its Board of Governors adopts a resolution "
        "would take effect this week."),
]


def test_primary_kind_is_what_the_headline_says_happened():
    assert REPORT[0].primary == {"report"} and REPORT[1].primary == {"report"}
    assert LAW_BRIEFING[0].primary == {"press conference"}


def test_a_link_anchored_only_on_a_body_needs_one_primary_kind():
    weight = _weight(REPORT + LAW_BRIEFING)
    assert link(REPORT[0], LAW_BRIEFING[0], weight) is None
    assert link(REPORT[1], LAW_BRIEFING[0], weight) is None


def test_guard_one_report_told_two_ways_stays_one_story():
    assert stories(REPORT) == [[1, 2]]
    kept_apart(REPORT, LAW_BRIEFING)


def test_guard_remarks_to_reporters_after_talks_are_no_primary_press_conference():
    talks = sig(5, 3, "Iran and US end round of indirect talks in Muscat",
                "Iranian and US negotiators ended a round of indirect talks in Muscat on Tuesday, Foreign Minister "
                "Abbas Araghchi told reporters afterwards.")
    assert talks.primary == {"round of talks"}


def test_guard_a_numbered_round_in_the_headline_is_the_primary_kind():
    talks = sig(6, 3, "دور پنجم مذاکرات ایران و آمریکا در مسقط؛ مبادله پیام‌ها",
                "دور پنجم مذاکرات غیرمستقیم ایران و آمریکا روز سه‌شنبه در مسقط برگزار شد و دو طرف درباره مبادله "
                "زندانیان نیز گفت‌وگو کردند.")
    assert talks.primary == {"round of talks"}


# --- Kinds writers lead with: a joint statement on a report, a release beside the rial ---------------

STATEMENT = [
    sig(11, 6, "European powers press Iran to let inspectors back in",
        "France, Britain and Germany on Tuesday urged Tehran to restore the inspectors' access without delay and said "
        "they could act at the next IAEA board meeting. In a joint statement, the three governments said the "
        "agency's findings were deeply troubling."),
    sig(12, 8, "بیانیه مشترک سه کشور اروپایی درباره دسترسی بازرسان آژانس",
        "فرانسه، بریتانیا و آلمان روز سه‌شنبه در بیانیه‌ای مشترک از تهران خواستند راه بازرسان آژانس بین‌المللی "
        "انرژی اتمی را بی‌درنگ باز کند."),
]


def test_a_joint_statement_named_in_the_sentence_after_the_lead_is_the_primary_kind():
    assert STATEMENT[0].primary == {"joint statement"} and STATEMENT[1].primary == {"joint statement"}


REPORT_E3 = sig(13, 2, "IAEA says it can no longer vouch for Iran's uranium stock",
                "The UN nuclear watchdog said on Tuesday in its latest report that it could no longer account for "
                "Iran's stock of highly enriched uranium. Diplomats said France, Britain and Germany would weigh a "
                "response at the IAEA board.")


def test_a_joint_statement_on_a_report_is_not_the_report():
    weight = _weight([REPORT_E3, *STATEMENT])
    assert REPORT_E3.primary == {"report"}
    assert link(REPORT_E3, STATEMENT[0], weight) is None
    assert link(REPORT_E3, STATEMENT[1], weight) is None


def test_guard_one_joint_statement_told_two_ways_stays_one_story():
    assert stories(STATEMENT) == [[11, 12]]
    kept_apart(REPORT, STATEMENT)


RIAL = [
    sig(21, 1, "دلار در بازار آزاد تهران پس از مذاکرات مسقط ارزان شد",
        "نرخ دلار در بازار آزاد تهران صبح سه‌شنبه پس از دور تازه مذاکرات مسقط به ۹۸ هزار تومان کاهش یافت."),
]
RELEASE = [
    sig(22, 9, "Iranian scientist freed by US flies home via Muscat",
        "An Iranian scientist freed from a US prison flew home on Tuesday by way of Muscat, where Omani officials "
        "received him before his onward flight to Tehran."),
    sig(23, 11, "Jailed Iranian researcher freed by US returns home through Muscat",
        "An Iranian researcher who spent two years in a US prison was freed and returned home on Tuesday, landing "
        "in Tehran after a stop in Muscat arranged by Oman."),
]


def test_a_release_and_a_market_move_sharing_only_a_place_are_two_events():
    assert RELEASE[0].primary == {"release"} and RIAL[0].primary == {"currency market"}
    kept_apart(RIAL, RELEASE)


# --- Steps of one process may each lead: a court's ruling and the release it brings --------------------

RELEASED = [
    sig(31, 2, "Appeals court frees Iranian-American trader",
        "An appeals court in Tehran cut the prison term of an Iranian-American trader on Tuesday, a judiciary "
        "spokesman said, and ordered his release. The Swiss embassy in Tehran was handling his departure to Doha."),
    sig(32, 9, "Freed Iranian-American trader lands in Doha",
        "An Iranian-American trader freed by Iran landed in Doha on Tuesday evening aboard a Qatari plane, after "
        "an appeals court in Tehran ordered his release."),
]


def test_guard_a_ruling_and_the_release_it_brings_are_kin_not_different_events():
    from core.stories import _primaries_differ

    ruling = sig(33, 2, "Court ruling ends trader's prison term",
                 "A Tehran appeals court ruling on Tuesday ended the prison term of an Iranian-American trader.")
    assert ruling.primary == {"court ruling"} and RELEASED[1].primary == {"release"}
    assert not _primaries_differ(ruling, RELEASED[1])


def test_guard_a_lead_naming_only_a_subject_takes_no_primary_from_the_sentence_after():
    reaction = sig(34, 5, "Tehran condemns IAEA board resolution",
                   "Iran on Tuesday condemned a resolution adopted by the IAEA Board of Governors in Vienna as "
                   "politically motivated, warning that the European sponsors of the text would bear the "
                   "consequences of a move it called unconstructive. In a joint statement, two ministries said "
                   "cooperation would be reviewed.")
    assert reaction.primary == frozenset()


# --- A market's move names the place of its cause: that is no link to the cause's follow-up ------------

FOLLOW_UP = sig(41, 5, "Gulf diplomats upbeat as Oman-hosted process moves to experts",
                "Gulf diplomats said on Tuesday they were encouraged after the negotiators agreed in Muscat to hand "
                "the details of a possible deal to expert teams, a step they said showed both sides wanted the "
                "channel to survive.")


def test_a_market_move_links_on_a_place_only_to_leads_naming_a_market():
    weight = _weight([*RIAL, FOLLOW_UP])
    assert link(RIAL[0], FOLLOW_UP, weight) is None


def test_guard_one_market_move_told_in_two_languages_stays_one_story():
    rial_en = sig(42, 3, "Iran's rial gains on Tehran's open market after Muscat talks",
                  "Iran's rial strengthened on Tehran's open market on Tuesday after the latest round of talks in "
                  "Muscat, with the dollar offered at about 980,000 rials.")
    assert rial_en.primary == {"currency market"}
    assert stories(RIAL, [rial_en]) == [[21, 42]]


# --- The speaker opening a meeting frames his speech: not the spokesman's press conference on it ----------

OPENING = [
    sig(51, 1, "Watchdog chief warns gaps on Iran's uranium cannot persist",
        "The UN atomic agency's director general warned on Tuesday that gaps in what inspectors know of Iran's enriched "
        "uranium could not go on for much longer, in remarks followed closely in European capitals. Opening the "
        "quarterly meeting of the IAEA Board of Governors, Rafael Grossi told member states access had improved. In "
        "Tehran, foreign ministry spokesman Esmaeil Baqaei said Iran would answer any political move at the board."),
    sig(52, 2, "گروسی در سخنرانی افتتاحیه شورای حکام: تصویر ما از ذخایر ایران کامل نیست",
        "رافائل گروسی، مدیرکل آژانس بین‌المللی انرژی اتمی، روز سه‌شنبه در سخنرانی افتتاحیه نشست شورای حکام در وین "
        "تصریح کرد که آژانس هنوز تصویر کاملی از ذخایر اورانیوم ایران ندارد."),
]
BRIEFING = [
    sig(53, 0, "سخنگوی وزارت خارجه: به هر اقدام سیاسی در شورای حکام پاسخ می‌دهیم",
        "اسماعیل بقائی، سخنگوی وزارت امور خارجه، روز سه‌شنبه در نشست خبری هفتگی گفت ایران به هر اقدام سیاسی در شورای حکام آژانس "
        "بین‌المللی انرژی اتمی پاسخ متناسب می‌دهد و گزارش‌های آژانس باید فنی بماند."),
]


def test_opening_a_meeting_frames_the_speakers_speech():
    assert "speech" in OPENING[0].frame and "speech" in OPENING[1].frame
    board = sig(54, 1, "IAEA board meets on Iran",
                "The IAEA Board of Governors opened a week-long meeting in Vienna on Tuesday, with Iran's enriched "
                "uranium at the top of its agenda.")
    assert "speech" not in board.frame


def test_the_opening_speech_is_not_the_spokesman_s_press_conference():
    no_links_across(OPENING, BRIEFING)


def test_guard_two_accounts_of_the_opening_speech_are_one_occasion():
    from core.stories import _occasions_differ

    assert not _occasions_differ(*OPENING)


# --- Wording alike is no more than a shared body: a statement quoting a report's figures -----------------

REPORT_WORDS = sig(61, 1, "IAEA report: Iran's 60 percent uranium stockpile grows to 440 kilograms",
                   "Iran's stockpile of uranium enriched to 60 percent grew to about 440 kilograms, the IAEA said in "
                   "its latest report on Tuesday, adding that it could not verify the stockpile at several sites. "
                   "France, Germany and Britain are expected to respond.")
STATEMENT_WORDS = sig(62, 6, "Joint statement: France, Germany and Britain alarmed as Iran's uranium stockpile grows",
                      "France, Germany and Britain said in a joint statement on Tuesday that they were alarmed that "
                      "Iran's stockpile of uranium enriched to 60 percent grew to about 440 kilograms and that the "
                      "IAEA could not verify the stockpile at several sites.")


def test_a_statement_worded_like_the_report_is_not_the_report():
    assert STATEMENT_WORDS.primary == {"joint statement"} and REPORT_WORDS.primary == {"report"}
    assert link(REPORT_WORDS, STATEMENT_WORDS, _weight([REPORT_WORDS, STATEMENT_WORDS, *REPORT, *RIAL])) is None
