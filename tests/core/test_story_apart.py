"""Occasions that no story may hold together (issue 8, session 23): one person's two occasions of one
day (a speech and a press conference), a speech and the talks of other people that day, the mediator's
call and the talks. A story is the links' connected component only as far as no two of its articles
are ``apart``: an article that names no occasion and links to both sides goes to the side most of its
links reach (``Joiner``), in any order of the same articles. Fixtures are our own wording; T0 is
Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

import itertools
import random

from core.stories import Joiner, apart, group, has_occasion, incident, link
from tests.core.test_story_classes import _weight, kept_apart, no_links_across, sig, stories

# --- The president's speech to farmers and his press conference, one Tuesday ---------------------

# key: (hours after T0, title, text); 5 names no occasion and links to the speech's accounts and to
# the press conference's (tests/jobs/test_story_apart_waves.py stores the same articles)
PRESIDENT_DAY: dict[int, tuple[float, str, str]] = {
    1: (0, "Pezeshkian tells farmers Iran will not bow to pressure",
        "President Masoud Pezeshkian said on Tuesday that Iran would not bow to pressure over its nuclear "
        "programme, speaking at a congress of farmers' unions in Tehran. He promised cheaper credit for growers "
        "and said the harvest would be bought at guaranteed prices despite sanctions."),
    2: (1, "Iran's president promises growers credit, rejects pressure",
        "Addressing a gathering of farmers in Tehran on Tuesday, President Masoud Pezeshkian said Iran would not "
        "bow to pressure and promised growers cheaper credit and guaranteed prices for the harvest despite "
        "sanctions."),
    3: (5, "Pezeshkian tells news conference sanctions will not stop oil sales",
        "President Masoud Pezeshkian told a news conference in Tehran on Tuesday that new sanctions would not "
        "stop Iran's oil sales, and said the government would find other buyers and other tankers. He took "
        "questions on prices, the currency and the nuclear programme."),
    4: (6, "Iran will keep selling oil, president says at press conference",
        "Speaking at a press conference on Tuesday, President Masoud Pezeshkian said Iran would keep selling "
        "oil despite the sanctions and that the government would find other buyers, and answered questions "
        "on prices and the nuclear programme."),
    5: (3, "Pezeshkian says Iran will not bow to pressure",
        "President Masoud Pezeshkian said on Tuesday that Iran would not bow to pressure over its nuclear "
        "programme and promised farmers cheaper credit and guaranteed prices for the harvest despite "
        "sanctions and pressure on oil sales."),
}
SPEECH = [sig(k, *PRESIDENT_DAY[k]) for k in (1, 2)]
PRESS = [sig(k, *PRESIDENT_DAY[k]) for k in (3, 4)]
BRIDGE = sig(5, *PRESIDENT_DAY[5])


def test_one_person_s_two_occasions_of_one_day_are_apart():
    assert all(has_occasion(s) for s in SPEECH + PRESS) and not has_occasion(BRIDGE)
    for s, p in itertools.product(SPEECH, PRESS):
        assert apart(s, p) and apart(p, s)
    assert not apart(*SPEECH) and not apart(*PRESS)  # one occasion told twice
    assert not any(apart(BRIDGE, s) for s in SPEECH + PRESS)  # its own occasion is unknown


def test_an_article_naming_no_occasion_never_bridges_two_occasions():
    sigs = SPEECH + PRESS + [BRIDGE]
    weight = _weight(sigs)
    linked = {s.key for s in SPEECH + PRESS if link(BRIDGE, s, weight) is not None}
    assert linked & {1, 2} and linked & {3, 4}, linked  # single links would make one story of all five
    expected = [[1, 2, 5], [3, 4]]
    for order in itertools.permutations(sigs):
        assert sorted(sorted(g) for g in group(order, weight)) == expected


# --- Another person's speech on the morning of the talks; the mediator's call that evening --------

TALKS = [
    sig(11, 2, "Araghchi and Witkoff hold fifth round in Muscat",
        "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held a fifth round of indirect talks "
        "in Muscat on Tuesday, with Omani Foreign Minister Badr Albusaidi carrying messages between them."),
    sig(12, 4, "Fifth round of Iran-US talks ends in Muscat",
        "The fifth round of indirect talks between Abbas Araghchi and Steve Witkoff ended in Muscat on Tuesday, "
        "Omani mediator Badr Albusaidi said, adding that the delegations would consult their capitals."),
]
LEADER = sig(13, 0, "Khamenei tells clerics enrichment is not for sale",
             "Supreme Leader Ali Khamenei said on Tuesday that uranium enrichment was not for sale, speaking "
             "at a gathering of clerics in Tehran hours before the fifth round of talks in Muscat.")
MEDIATOR_CALL = sig(14, 9, "Albusaidi briefs Rubio by phone after Muscat round",
                    "Omani Foreign Minister Badr Albusaidi spoke by phone with US Secretary of State Marco Rubio "
                    "on Tuesday evening and briefed him on the fifth round of talks in Muscat, the Omani "
                    "foreign ministry said in a phone call readout.")


def test_a_speech_and_the_talks_of_other_people_that_day_are_apart():
    assert all(apart(LEADER, t) for t in TALKS)


def test_the_mediator_s_call_and_the_talks_are_apart():
    assert all(apart(MEDIATOR_CALL, t) for t in TALKS)


def test_guards_nothing_apart_without_two_known_occasions():
    # a speech and an account of it that says the talks were his subject (it names the speaker)
    about = sig(15, 1, "Khamenei: no deal that gives up enrichment in fifth round",
                "Ali Khamenei said on Tuesday that Iran's negotiators in the fifth round of talks would not give "
                "up enrichment.")
    assert not apart(LEADER, about)
    # the talks told twice; a speech and a press conference of two days
    assert not apart(*TALKS)
    later = sig(16, 30, "Pezeshkian tells news conference oil will flow",
                "President Masoud Pezeshkian told a news conference in Tehran on Wednesday that oil would flow.")
    assert not apart(SPEECH[0], later)


# --- Joiner: the links' components, but never two apart nodes together ----------------------------


def test_joiner_is_components_without_constraints_and_keeps_apart_nodes_apart():
    edges = [(1, 2, 0.5), (2, 3, 0.4), (4, 5, 0.9), (3, 4, 0.3)]
    plain = Joiner(range(1, 7))
    plain.join_all(edges)
    assert sorted(plain.components()) == [[1, 2, 3, 4, 5], [6]]
    # 3 links to 1 and 2 and to 4, which is apart from 1: it goes where it fits best on average (with 1
    # and 2, though its one link to 4 is the stronger), and 4 stays apart
    edges = [(1, 2, 0.9), (3, 1, 0.6), (3, 2, 0.6), (3, 4, 0.7), (4, 5, 0.9)]
    rng = random.Random(23)
    for _ in range(20):
        rng.shuffle(edges)
        joiner = Joiner(range(1, 6), [(4, 1)])
        joiner.join_all(edges)
        assert sorted(joiner.components()) == [[1, 2, 3], [4, 5]]


# --- A third party's body reacting to an incident: its statement is news of its own ---------------

SEIZURE = [
    sig(21, 1, "IRGC navy seizes tanker Coral Meridian near Hormuz",
        "Iran's Revolutionary Guards seized the Panama-flagged tanker Coral Meridian near the Strait of Hormuz on "
        "Tuesday, accusing it of smuggling fuel, state media said."),
    sig(22, 2, "Guards board Coral Meridian in the Strait of Hormuz",
        "IRGC naval forces boarded the tanker Coral Meridian in the Strait of Hormuz on Tuesday and escorted it "
        "to an Iranian port over alleged fuel smuggling, the Guards said."),
]
GULF_STATEMENT = [
    sig(23, 7, "GCC demands release of Coral Meridian, warns on Hormuz navigation",
        "The Gulf Cooperation Council on Tuesday demanded the immediate release of the tanker Coral Meridian "
        "seized by the IRGC near the Strait of Hormuz, calling freedom of navigation a red line."),
    sig(24, 8, "Gulf council condemns tanker seizure near Hormuz",
        "The GCC secretariat condemned on Tuesday the seizure of the tanker Coral Meridian by Iran's "
        "Revolutionary Guards near the Strait of Hormuz and demanded its release."),
]


def test_a_gulf_body_s_statement_on_a_seizure_is_not_the_seizure():
    kept_apart(SEIZURE, GULF_STATEMENT)


def test_guard_a_body_both_articles_name_is_no_other_event():
    # two accounts of the seizure that both add the council's call for its release are one incident
    one = sig(25, 3, "Tanker Coral Meridian held by IRGC near Hormuz",
              "The IRGC navy held the tanker Coral Meridian near the Strait of Hormuz on Tuesday over alleged fuel "
              "smuggling, and the Gulf Cooperation Council urged its release.")
    other = sig(26, 4, "Iran's Guards keep Coral Meridian; GCC calls for its release",
                "Iran's Revolutionary Guards kept the seized tanker Coral Meridian at an Iranian port near Hormuz on "
                "Tuesday, as the GCC called for its release.")
    assert link(one, other, _weight([one, other])) is not None


# --- A body's closed session, told with different background: one incident ---------------------

COUNCIL = [
    sig(31, 20, "Security Council meets behind closed doors on Iran's nuclear file",
        "The UN Security Council met behind closed doors on Wednesday over Iran's nuclear programme after the "
        "IAEA reported gaps in its monitoring, diplomats said; Russia objected to the meeting."),
    sig(32, 22, "No statement after Security Council consultations on Iran",
        "The Security Council held consultations on Iran on Wednesday that ended without an agreed statement, "
        "as European members urged Tehran to restore inspector access and the E3 called for restraint."),
]


def test_one_council_session_told_with_different_background_is_one_story():
    weight = _weight(COUNCIL)
    assert link(*COUNCIL, weight) is not None
    assert stories(COUNCIL) == [[31, 32]]


def test_guard_the_council_session_is_not_the_report_it_heard():
    report = sig(33, 18, "IAEA report says monitoring gaps persist in Iran",
                 "The International Atomic Energy Agency said in a confidential report on Wednesday that gaps in its "
                 "monitoring of Iran's nuclear programme persist, according to diplomats who have seen it.")
    no_links_across(COUNCIL, [report])


# --- One spokesman's press conference: a lead that frames its news as it reports it ---------------

BRIEFING_EN = sig(41, 26, "Baqaei: IAEA report on Iran is one-sided",
                  "Foreign Ministry spokesman Esmaeil Baqaei said on Wednesday that the latest IAEA report was "
                  "one-sided and ignored Iran's cooperation, answering questions from reporters at the ministry in "
                  "Tehran.")
BRIEFING_FA = sig(42, 27, "سخنگوی وزارت خارجه: گزارش آژانس یکطرفه است",
                  "اسماعیل بقائی، سخنگوی وزارت امور خارجه، روز چهارشنبه در نشست هفتگی با خبرنگاران گزارش اخیر آژانس "
                  "بین‌المللی انرژی اتمی را یکطرفه خواند و گفت همکاری‌های ایران نادیده گرفته شده است.")


def test_a_press_conference_one_lead_frames_and_the_other_names_is_one_appearance():
    assert "press conference" not in BRIEFING_EN.actions and "press conference" in BRIEFING_EN.frame
    assert incident(BRIEFING_EN, BRIEFING_FA)


def test_guard_another_speaker_s_press_conference_is_another_appearance():
    grossi = sig(43, 28, "Grossi says Iran report is factual",
                 "IAEA Director General Rafael Grossi told a news conference in Vienna on Wednesday that the agency's "
                 "report on Iran was factual and that inspectors needed more access.")
    assert not incident(BRIEFING_EN, grossi) and not incident(BRIEFING_FA, grossi)
