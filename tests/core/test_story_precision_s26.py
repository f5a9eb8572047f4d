"""Precision of issue 8 (session 26), fixtures of our own wording. T0 is Tuesday 15 April 2025, 10:00 UTC.

An analysis published the day after a speech may open on the speech ("On Monday, the Leader told clerics ...") and
tell its own news, a vote that day, only in the sentence after: its day is the vote's, not the speech's, so it does
not join the speech's accounts on the Leader's name and Monday."""

from __future__ import annotations

from datetime import date

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

MONDAY, TUESDAY = date(2025, 4, 14), date(2025, 4, 15)

SPEECH = [
    sig(1, -19, "Khamenei tells clerics Washington cannot be trusted with any deal",
        "Supreme Leader Ali Khamenei told seminary teachers in Qom on Monday that the United States could not be "
        "trusted to honour any agreement, and that negotiators should not expect sanctions relief from Steve "
        "Witkoff. Enrichment, he said, was a right no one could bargain away."),
    sig(2, -17, "Leader: no trust in America, whatever its envoys promise",
        "Ayatollah Ali Khamenei told seminary teachers in Qom on Monday that the United States could never be "
        "trusted with an agreement and warned negotiators against expecting sanctions relief from Steve Witkoff. "
        "Enrichment, he said, was not for sale."),
]
# Published Tuesday afternoon: the lead recalls Monday's speech; the sentence after tells Tuesday's vote, its news.
ANALYSIS = sig(3, 5, "Commentary: lawmakers harden Tehran's hand before the next meeting with Witkoff",
               "In the space of a day, Tehran sent the same message twice over. On Monday, Supreme Leader Ali "
               "Khamenei told seminary teachers in Qom that America could not be trusted, and students marched "
               "outside the foreign ministry in support. On Tuesday, parliament followed with a vote of 201 to 15 "
               "for a bill that would cap inspections of enrichment sites until sanctions are lifted.")
VOTE = [
    sig(4, 1, "Iran's parliament votes for bill capping nuclear inspections",
        "Iran's parliament on Tuesday voted 201 to 15 for a bill that would cap inspections of enrichment sites "
        "by the International Atomic Energy Agency until sanctions are lifted, state media said. The bill still "
        "needs a second reading and the Guardian Council's approval."),
]


def test_an_analysis_whose_lead_recalls_yesterday_s_speech_is_dated_by_the_news_in_the_sentence_after():
    assert ANALYSIS.day == TUESDAY and SPEECH[0].day == MONDAY
    weight = _weight(SPEECH + [ANALYSIS])
    for speech in SPEECH:
        assert link(speech, ANALYSIS, weight) is None
    kept_apart(SPEECH, [ANALYSIS])


def test_guard_a_lead_that_names_its_own_kind_keeps_the_lead_s_day():
    # The lead names the speech itself: the sentence after (Tuesday's reactions) is background to it.
    follow = sig(5, 3, "Khamenei's speech in Qom sets the tone for the negotiators",
                 "Supreme Leader Ali Khamenei's speech to seminary teachers in Qom on Monday was read in Tehran as a "
                 "warning to the negotiators that no deal with Steve Witkoff would be welcome without sanctions "
                 "relief. On Tuesday, lawmakers voted on a bill about inspections.")
    assert follow.day == MONDAY
    assert stories(SPEECH + [follow]) == [[1, 2, 5]]


def test_guard_the_speech_s_own_accounts_and_the_vote_s_stay_one_story_each():
    assert stories(SPEECH, VOTE) == [[1, 2], [4]]


# --- A document's route: the officials both name must be its authors, not the people who met elsewhere ---------

TALKS = sig(6, 1, "Negotiators meet in Muscat as Iran's parliament votes on inspections bill",
            "Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held indirect talks in Muscat on Tuesday, "
            "with Omani mediators carrying messages between the two delegations, while lawmakers in Tehran debated "
            "a bill to cap inspections. Both sides said they would meet again within two weeks.")
BILL = [
    sig(7, 2, "Majlis backs bill to cap IAEA inspections",
        "Lawmakers in Tehran on Tuesday voted 201 to 15 for a bill that would cap inspections of enrichment sites "
        "by the International Atomic Energy Agency until sanctions are lifted, state media said. The bill still "
        "needs a second reading and the approval of the Guardian Council before it becomes law. "
        "Its sponsors said it strengthened the hand of Abbas Araghchi in his talks with Steve Witkoff."),
    sig(8, 3, "Iranian MPs approve inspections bill at Natanz and Fordow",
        "Iran's parliament on Tuesday approved a bill limiting inspectors' access to Natanz and Fordow until "
        "sanctions are lifted, in a session chaired by speaker Mohammad Bagher Ghalibaf, state television said. "
        "The vote, 201 to 15, comes as Abbas Araghchi prepares for more talks with Steve Witkoff."),
]


def test_talks_told_beside_a_vote_on_a_bill_do_not_join_the_bill_through_the_negotiators():
    """The talks' lead names the negotiators and Muscat; the bill's account names them in its body only."""
    weight = _weight([TALKS] + BILL)
    for bill in BILL:
        assert link(TALKS, bill, weight) is None, bill.key
    kept_apart([TALKS], BILL)


def test_guard_two_accounts_of_the_vote_still_join_as_one_document():
    # one lead names the sites the bill is about, the other none of them: the sites are the bill's object
    assert stories(BILL) == [[7, 8]]
