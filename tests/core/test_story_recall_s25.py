"""Recall classes of issue 8 (session 25): same-language accounts of one event that no rule linked, each with
fixtures of our own wording and a guard that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- A follow-up published the next morning, retelling the meeting by its day ------------------------------

GENEVA = [
    sig(1, 2, "Iran and US hold indirect nuclear talks in Geneva, plan expert meetings",
        "Iran's Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held several hours of indirect "
        "negotiations in Geneva on Tuesday, with Swiss diplomats passing written proposals between the two "
        "delegations, officials on both sides said. Both camps said technical teams would meet next."),
    sig(2, 4, "Araghchi: Geneva negotiations were 'frank', technical teams to follow",
        "Iranian Foreign Minister Abbas Araghchi said the indirect negotiations with Washington in Geneva on "
        "Tuesday had been frank and detailed, and that the two sides agreed to hand the drafting of a framework "
        "to technical teams. He said sanctions relief remained Tehran's first demand and that Steve Witkoff had "
        "listened carefully."),
]
# Published Wednesday morning: its lead tells the diplomats' unease that day and names nobody; the sentence
# after retells Tuesday's session and its negotiators.
MORNING_AFTER = sig(3, 20, "European diplomats cautious as Geneva negotiations move to technical stage",
                    "European diplomats voiced caution on Wednesday about the pace of the indirect negotiations "
                    "between Iran and the United States, saying technical teams would need weeks before any "
                    "framework on enrichment and sanctions relief could be tested in public. The talks in Geneva "
                    "on Tuesday, in which Swiss hosts carried papers between Abbas Araghchi and Steve Witkoff, "
                    "ended with an agreement to keep meeting, a diplomat said.")
ANALYSIS = sig(4, 22, "Analysis: Geneva session keeps negotiations alive but settles little",
               "Tuesday's session in Geneva gave both governments a reason to keep the indirect negotiations "
               "going and a way to tell domestic critics that nothing had been conceded, but it left the hard "
               "questions on enrichment and sanctions relief to technical teams that have yet to meet. Abbas "
               "Araghchi and Steve Witkoff never sat in one room.")


def test_a_follow_up_retelling_the_meeting_by_its_day_joins_it_the_next_morning():
    assert MORNING_AFTER.recalled == GENEVA[0].day and MORNING_AFTER.day != GENEVA[0].day
    assert link(GENEVA[1], MORNING_AFTER, _weight(GENEVA + [MORNING_AFTER])) is not None
    assert stories(GENEVA + [MORNING_AFTER]) == [[1, 2, 3]]


def test_an_analysis_of_the_session_named_by_its_day_joins_it():
    assert ANALYSIS.recalled == GENEVA[0].day
    assert stories(GENEVA + [ANALYSIS]) == [[1, 2, 4]]


def test_guard_an_analysis_of_the_previous_round_stays_apart_from_this_round():
    """Published the morning after Tuesday's round, it retells Saturday's: another meeting."""
    earlier = sig(5, 21, "Analysis: Geneva session on Saturday settled little for Iran and US",
                  "Saturday's session in Geneva gave both governments a reason to keep the indirect negotiations "
                  "going, but left the hard questions on enrichment and sanctions relief to experts who have yet "
                  "to meet, and neither side conceded anything in public. Abbas Araghchi and Steve Witkoff met "
                  "only through their hosts.")
    assert earlier.recalled is not None and earlier.recalled != GENEVA[0].day
    kept_apart(GENEVA, [earlier])


def test_guard_a_technical_session_set_against_the_ministers_meeting_is_another_event():
    """Experts meeting the next day, told against Tuesday's session ("unlike"), are their own meeting."""
    experts = sig(6, 26, "Technical teams take up Iran-US file in Geneva",
                  "Iranian and US experts spent Wednesday in Geneva going through papers on enrichment limits and "
                  "the order in which sanctions would be eased, in what Swiss officials called a working session "
                  "rather than a political one. Unlike Tuesday's session, neither Abbas Araghchi nor Steve Witkoff "
                  "took part.")
    assert experts.recalled is None
    kept_apart(GENEVA, [experts])


def test_guard_the_spokesman_s_briefings_on_consecutive_days_are_not_the_talks_nor_one_event():
    """Each briefing names the spokesman in its lead and frames a press conference: his news, not the talks'."""
    tuesday = sig(7, 5, "Baqaei: Geneva negotiations serious, no date for next session",
                  "Foreign Ministry spokesman Esmaeil Baqaei told his weekly press conference in Tehran on Tuesday "
                  "that the indirect negotiations in Geneva were serious and that no date had been set for another "
                  "session, adding that Abbas Araghchi would brief the cabinet.")
    wednesday = sig(8, 27, "Baqaei: Tuesday's Geneva session showed US must move on sanctions",
                    "Foreign Ministry spokesman Esmaeil Baqaei told a press conference in Tehran on Wednesday that "
                    "Tuesday's session in Geneva had shown Washington must move first on sanctions, and that Abbas "
                    "Araghchi had set out Iran's positions in writing.")
    assert wednesday.recalled == GENEVA[0].day
    for one in GENEVA:
        assert link(one, wednesday, _weight(GENEVA + [wednesday])) is None
    assert link(tuesday, wednesday, _weight([tuesday, wednesday])) is None


# --- One body's statement, one lead adding what it was about -------------------------------------------------

STATEMENT = [
    sig(11, 3, "France, Germany and Britain press Iran to let inspectors back in",
        "France, Germany and Britain on Tuesday urged Iran to let UN inspectors return to all of its nuclear sites "
        "without delay, saying in a joint statement from their foreign ministries that the growth of its enriched "
        "uranium stock was alarming and that time for diplomacy was short."),
    sig(12, 6, "E3 warns Tehran on inspections, backs talks in Geneva",
        "The E3 on Tuesday warned Tehran that its curbs on UN inspectors could not go on, in a joint statement "
        "that also backed the indirect negotiations in Geneva and said the growth of Iran's enriched uranium "
        "stock was alarming and time for diplomacy was short."),
]


def test_one_body_s_statement_joins_when_one_lead_adds_a_place_it_mentions():
    """Both leads tell the E3's statement (one as its three members), nobody named; one adds the talks' place."""
    assert "E3" in STATEMENT[0].lead and "E3" in STATEMENT[1].lead
    assert link(*STATEMENT, _weight(STATEMENT)) is not None
    assert stories(STATEMENT) == [[11, 12]]


def test_guard_another_statement_of_the_body_that_day_stays_apart():
    """The same three governments' statement that day on a detained national: other words, another event."""
    detained = sig(13, 7, "E3 demand release of French aid worker held in Iran",
                   "The E3 on Tuesday demanded that Iran free a French aid worker held in Evin prison for a year, "
                   "saying in a statement that his detention was arbitrary and that his family had not been allowed "
                   "to visit him in Geneva talks with consular officials.")
    kept_apart(STATEMENT, [detained])


def test_guard_a_person_one_lead_adds_is_not_excused_for_the_body():
    """One lead adds the IAEA chief's remarks: a person, not what the statement was about."""
    grossi = sig(14, 7, "Grossi and E3 press Iran to let inspectors back in",
                 "Rafael Grossi and the E3 on Tuesday urged Iran to let UN inspectors return to all of its nuclear "
                 "sites without delay, saying the growth of its enriched uranium stock was alarming and that time "
                 "for diplomacy was short.")
    assert link(STATEMENT[0], grossi, _weight([STATEMENT[0], grossi])) is None


# --- A meeting told as what happened meanwhile is background -------------------------------------------------

BILL = [
    sig(21, 1, "Majlis approves outline of bill on parliamentary say over nuclear deals",
        "Iranian lawmakers on Tuesday approved the outline of a bill that would make any nuclear agreement with "
        "Washington subject to a vote in parliament, with 171 of the 240 members present voting in favour, the "
        "assembly's news service said. Speaker Mohammad Bagher Ghalibaf did not chair the sitting."),
    sig(22, 3, "Iran parliament backs vetting of any nuclear deal as negotiators meet in Geneva",
        "Iran's parliament on Tuesday gave first approval to a bill forcing the government to put any nuclear "
        "agreement with the United States to a vote in the chamber, as Abbas Araghchi and Steve Witkoff met "
        "through Swiss hosts in Geneva. Of 240 members present, 171 voted for the bill, a Majlis official said."),
]


def test_the_talks_told_as_what_happened_meanwhile_are_no_part_of_the_lead():
    """"as X and Y met in Geneva": neither negotiator nor the place is the bill's news."""
    assert "Abbas Araghchi" not in BILL[1].lead and "Geneva" not in BILL[1].lead
    assert "Iranian parliament" in BILL[1].head  # "Iran parliament", headline style
    assert stories(BILL) == [[21, 22]]


def test_guard_the_talks_themselves_stay_apart_from_the_bill_voted_meanwhile():
    talks = sig(23, 5, "Araghchi and Witkoff hold indirect talks in Geneva",
                "Abbas Araghchi and Steve Witkoff held indirect negotiations in Geneva on Tuesday, officials said, "
                "with both sides describing the session as businesslike and agreeing that experts would meet next "
                "week to draft a framework. In Tehran, lawmakers voted on a bill on the talks the same day.")
    assert "Abbas Araghchi" in talks.lead and "Geneva" in talks.lead
    kept_apart(BILL, [talks])


def test_guard_a_third_party_body_one_lead_adds_is_its_own_news():
    """The Gulf council's call to free the tanker, and the seizure it answers: no person, the Guards in both."""
    seizure = sig(15, 1, "Revolutionary Guards seize fuel tanker near Strait of Hormuz",
                  "Iran's Revolutionary Guards seized a fuel tanker near the Strait of Hormuz on Tuesday, saying it "
                  "carried smuggled diesel, and escorted the Panama-flagged Coral Meridian with its 19 crew to an "
                  "Iranian port, state television reported.")
    council = sig(16, 9, "Gulf council urges Iran to free tanker seized near Strait of Hormuz",
                  "The Gulf Cooperation Council on Tuesday urged Iran to free the fuel tanker its Revolutionary "
                  "Guards seized near the Strait of Hormuz, saying the Panama-flagged Coral Meridian and its 19 crew "
                  "were held unlawfully at an Iranian port and that the Guards' claim of smuggled diesel was false.")
    assert "GCC" in council.lead and "IRGC" in seizure.lead & council.lead
    assert link(seizure, council, _weight([seizure, council])) is None


def test_an_analysis_in_words_of_its_own_joins_the_session_its_headline_names():
    """Little wording in common with the news accounts: the day, the people, the place and the topic suffice."""
    essay = sig(9, 23, "Analysis: what the Geneva negotiations did not settle",
                "Tuesday's session in Geneva was long on courtesy and short on substance, diplomats who follow the "
                "file say, with each capital leaving room to claim it yielded nothing and to blame the other if "
                "the process stalls before summer. Abbas Araghchi and Steve Witkoff kept to their briefs. Hardliners "
                "at home mock every gesture, bankers in Dubai wait for a signal, and oil buyers in Asia shrug.")
    assert essay.recalled == GENEVA[0].day
    assert stories(GENEVA + [essay]) == [[1, 2, 9]]


def test_guard_a_follow_up_whose_headline_names_no_topic_of_the_meeting_stays_apart():
    """The sentence after retells Tuesday's session, but the headline is about something else."""
    other = sig(10, 23, "Swiss hotel trade counts cost of security cordon",
                "Hotel owners along the lake in Geneva said on Wednesday that the security cordon for the negotiations "
                "had emptied their terraces for two days and cost them bookings worth thousands of francs. Tuesday's "
                "session in "
                "Geneva between Abbas Araghchi and Steve Witkoff kept streets closed until late evening.")
    assert other.recalled == GENEVA[0].day
    kept_apart(GENEVA, [other])
