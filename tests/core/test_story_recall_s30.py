"""Recall within one language (issue 8, session 30): how a lead is read (its sentences, its day, its figures, whom a
quote names) and the links of accounts of one event that no rule joined, each with fixtures of our own wording and
a guard that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import _kinds, _people, link
from tests.core.test_story_classes import _weight, kept_apart, sig

# --- A full stop inside an initialism ("U.S.", "U.N.") ends no sentence ----------------------------------------------


def test_a_lead_is_read_past_an_initialism_to_its_sentence_s_end():
    art = sig(1, 0, "Lawmakers move to curb inspections",
              "DUBAI, April 15 (Reuters) - Iran's parliament on Tuesday voted by a wide margin to fast-track a bill "
              "that would oblige the government to scale back its cooperation with the atomic agency and limit the "
              "access of U.N. inspectors to the Fordow and Natanz sites. Lawmakers cheered the result of the vote.")
    assert {"Fordow", "Natanz"} <= art.lead


def test_a_background_clause_runs_past_an_initialism():
    art = sig(2, 0, "Treasury blacklists tankers over Iranian oil",
              "The U.S. Treasury on Tuesday blacklisted six companies and four tankers it accused of carrying Iranian "
              "crude, hours after U.S. and Iranian negotiators wrapped up a round of talks in Oman, the department "
              "said in a statement on its website.")
    assert "round of talks" not in _kinds(art)
    assert "designation" in art.primary


def test_guard_a_sentence_that_ends_with_a_full_stop_still_ends_the_lead():
    art = sig(3, 0, "Guards seize tanker",
              "Iran's Revolutionary Guards seized a tanker carrying smuggled fuel in the Gulf on Tuesday, the Guards "
              "said, adding that its crew of twelve had been detained for questioning in the port city nearby. "
              "Separately, Foreign Minister Abbas Araghchi spoke of the talks in Oman with the press in Tehran.")
    assert "Abbas Araghchi" not in art.lead


# --- A quotation's speaker is named after it closes, not inside the next one ------------------------------------------


def test_a_name_inside_the_next_quotation_is_not_the_speaker_of_the_first():
    art = sig(11, 0, "Iran, US agree to expert talks after Oman round",
              "Iranian and American negotiators agreed on Tuesday to start expert-level work after a round of "
              "indirect talks in Oman, officials from both sides said, and a date for the next meeting is to be set "
              "soon. One official called the session \"useful and calm,\" adding that the team had \"carried the "
              "president's message\" to the mediator.")
    assert "Donald Trump" not in art.lead


def test_guard_the_speaker_named_after_a_quote_closes_is_still_read():
    art = sig(12, 0, "Iran rejects European statement",
              "Iran on Tuesday rejected a statement by three European powers on its nuclear programme. \"They have "
              "no standing to lecture anyone,\" foreign ministry spokesman Esmaeil Baqaei said in a post on X.")
    assert "Esmaeil Baqaei" in art.lead


# --- A vote's count told as a score -----------------------------------------------------------------------------------


def test_a_vote_told_as_a_score_gives_the_votes_for_and_against():
    from core.figures import figures
    from core.gazetteer import fold
    assert figures(fold("The House voted 287-121 on Tuesday")) == {"votes:287e0", "votes:121e0"}
    assert figures(fold("approved the bill by 287 votes to 121, with two")) == {"votes:287e0", "votes:121e0"}
    assert not figures(fold("voted 12-15 percent"))


SCORE = sig(21, 0, "House passes bill to punish buyers of Iranian crude",
            "The US House of Representatives on Tuesday voted 287-121 to pass a bill that would force sanctions on "
            "foreign refineries handling Iranian oil, sending the measure to the Senate.")
TALLY = sig(22, 3, "Congress chamber backs oil enforcement measure",
            "Legislators in Washington approved the Crude Loophole Act by 287 votes to 121 on Tuesday, a margin "
            "its sponsors called a clear signal to traders in Asia.")


def test_one_vote_told_by_its_score_and_by_its_tally_is_one_event():
    assert link(SCORE, TALLY, _weight([SCORE, TALLY])) is not None


def test_guard_another_vote_of_that_day_with_other_counts_stays_apart():
    other = sig(23, 2, "Lawmakers renew decade-old Iran act",
                "Members of the lower chamber voted 402-14 on Tuesday to renew a decade-old act on Iran for ten more "
                "years, in a routine vote with little debate.")
    kept_apart([SCORE, TALLY], [other])


# --- A drill told as "the exercise" ------------------------------------------------------------------------------------

OPENING = sig(31, 1, "Revolutionary Guards start Gulf war games",
              "Iran's Revolutionary Guards on Tuesday began a two-day naval drill in the Strait of Hormuz, with fast "
              "boats and drones taking part, state television said.")
CLOSING = sig(32, 26, "IRGC test-fires cruise missiles off its coast",
              "Iran's Revolutionary Guards test-fired cruise missiles at mock targets in the Strait of Hormuz on "
              "Wednesday, concluding a two-day exercise watched by Western navies.")


def test_the_exercise_is_the_drill():
    assert "drill" in _kinds(CLOSING) and "drill" in CLOSING.primary
    found = link(OPENING, CLOSING, _weight([OPENING, CLOSING]))
    assert found is not None and found.how == "days"


def test_guard_to_exercise_restraint_is_no_drill():
    art = sig(33, 0, "Gulf states urge calm",
              "Gulf states on Tuesday urged Iran and the United States to exercise restraint in the Strait of Hormuz, "
              "a statement said.")
    assert "drill" not in art.actions


# --- A waiver told as an exemption -------------------------------------------------------------------------------------

WAIVER = sig(41, 0, "US extends Iraq's waiver for Iranian electricity payments",
             "The US State Department on Tuesday extended by 90 days a sanctions waiver that lets Iraq pay Iran for "
             "electricity, a spokesperson said, with the money held in restricted accounts in Baghdad.")
EXEMPTION = sig(42, 2, "Baghdad gets more time to pay Tehran for power",
                "Iraq can keep buying Iranian electricity for three more months after Washington granted Baghdad a "
                "fresh sanctions exemption on Tuesday, Iraqi officials said, with payments held in restricted "
                "accounts.")


def test_a_fresh_sanctions_exemption_is_a_waiver_not_fresh_sanctions():
    assert EXEMPTION.primary == {"waiver"}
    assert link(WAIVER, EXEMPTION, _weight([WAIVER, EXEMPTION])) is not None


def test_guard_fresh_sanctions_are_still_a_designation():
    art = sig(43, 1, "US imposes fresh sanctions on Iranian oil network",
              "The United States on Tuesday imposed fresh sanctions on eight companies shipping Iranian oil, the "
              "Treasury said.")
    assert art.primary == {"designation"}
    kept_apart([WAIVER, EXEMPTION], [art])


# --- A meeting a briefing speaks of by its weekday dates the meeting, not the briefing ---------------------------------

BRIEFING = sig(51, 0, "Spokesman: next steps depend on Washington",
               "Speaking at his weekly press conference, foreign ministry spokesman Esmaeil Baqaei said Monday's talks "
               "in Muscat had been \"a step\" and that expert contacts would be arranged through Oman.")
SAME_BRIEFING = sig(52, 2, "Baqaei: new US sanctions show bad faith",
                    "Foreign ministry spokesman Esmaeil Baqaei told his weekly press conference on Tuesday that the new "
                    "US sanctions showed Washington's lack of good faith. He added that the talks with the United "
                    "States in Muscat would go on through Oman.")


def test_a_weekday_that_dates_the_talks_a_spokesman_briefs_on_is_not_the_briefing_s_day():
    assert BRIEFING.day is None and BRIEFING.recalled is not None
    fa = sig(53, 0, "بقائی: ادامه گفت‌وگوها به جدیت آمریکا بستگی دارد",
             "اسماعیل بقائی، سخنگوی وزارت امور خارجه، در نشست خبری هفتگی خود درباره گفت‌وگوهای روز دوشنبه در مسقط "
             "گفت این دور یک گام بود و تماس‌های کارشناسی از طریق عمان ادامه می‌یابد.")
    assert fa.day is None


def test_two_accounts_of_one_briefing_are_one_event():
    assert link(BRIEFING, SAME_BRIEFING, _weight([BRIEFING, SAME_BRIEFING])) is not None


def test_guard_a_session_that_is_the_occasion_keeps_its_day():
    art = sig(54, 0, "Araghchi briefs lawmakers on talks",
              "Foreign Minister Abbas Araghchi briefed lawmakers in Monday's closed session of parliament on the "
              "talks with the United States, a member of the committee said.")
    assert art.day is not None and art.day.weekday() == 0
