"""Recall of issue 8 (session 31): accounts of one event that no rule joined, each with fixtures of our own wording
and a guard that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import _kinds, _people, link
from tests.core.test_story_classes import _weight, kept_apart, sig, stories

# --- One release across languages: the official who announced it is its source, named by both articles ---------------

ANNOUNCED_FA = sig(1, 3, "بدر البوسعیدی: زندانی ایرانی-آمریکایی آزاد شد",
                   "بدر البوسعیدی، وزیر خارجه عمان، روز سه‌شنبه در شبکه ایکس نوشت که یک زندانی ایرانی-آمریکایی به "
                   "درخواست بشردوستانه سلطنت عمان آزاد شده و با هواپیمای دولت عمان تهران را ترک کرده است. به گفته "
                   "او، این فرد پس از معاینات پزشکی به آمریکا بازمی‌گردد.")
WIRE_EN = sig(2, 1, "Iran frees jailed Iranian-American engineer, who flies to Oman",
              "Iran on Tuesday released an Iranian-American engineer held for three years on spying charges, and he "
              "left Tehran aboard an Omani government plane, officials said. Dariush Kamali, 61, was arrested in 2024 "
              "and sentenced to ten years. Oman's Foreign Minister Badr Albusaidi wrote on X that the release followed "
              "a humanitarian request by the sultanate.")


def test_a_release_whose_persian_lead_names_the_minister_who_announced_it_joins_the_wire_that_names_him_later():
    assert _people(ANNOUNCED_FA) == {"Badr Albusaidi"} and not _people(WIRE_EN)
    assert link(ANNOUNCED_FA, WIRE_EN, _weight([ANNOUNCED_FA, WIRE_EN])) is not None
    assert stories([ANNOUNCED_FA, WIRE_EN]) == [[1, 2]]


def test_guard_a_release_whose_announcer_the_other_account_never_names_stays_apart():
    # (whom only one account names may be another release's: the Swiss-brokered release of another American that day)
    swiss = sig(3, 2, "Iran frees US-Iranian writer held in Evin, Swiss diplomats say",
                "Iran on Tuesday released an Iranian-American writer jailed in Evin prison since 2023, Swiss diplomats "
                "who represent US interests in Tehran said. The writer was expected to fly home within days.")
    kept_apart([ANNOUNCED_FA], [swiss])


# --- What is to come, or happens meanwhile, told inside a sentence is no part of the lead -----------------------------


def test_a_meeting_told_as_to_come_or_as_meanwhile_inside_a_sentence_is_background():
    drill = sig(31, 0, "Guards' navy begins drill near Hormuz",
                "Iran's navy began a three-day drill near the Strait of Hormuz on Tuesday, state television reported, on "
                "the same day the country's foreign minister was holding indirect talks with a U.S. envoy in Oman. The "
                "drill involves fast boats.")
    warning = sig(32, 0, "Iran warns Europeans over atomic agency board",
                  "Iran on Tuesday warned Britain, France and Germany against a censure motion, hours before its top "
                  "diplomat was due to face a US envoy through Omani mediators. The spokesman spoke in Tehran.")
    sanctions = sig(33, 0, "Treasury targets tanker network",
                    "The Treasury imposed new sanctions on Tuesday on a network of tankers, underlining that pressure "
                    "will continue even as U.S. envoy Steve Witkoff prepares for another round of negotiations. The "
                    "network moved oil to China.")
    rial = sig(34, 0, "عقب‌نشینی دلار در بازار تهران",
               "بهای دلار در بازار آزاد تهران روز سه‌شنبه کاهش یافت، ساعاتی پیش از آغاز دور تازه مذاکرات ایران و "
               "آمریکا در مسقط. معامله‌گران از فروش ارز خبر دادند.")
    assert not _people(drill) and not _people(warning) and not _people(sanctions)
    assert "round of talks" not in _kinds(sanctions) and "round of talks" not in _kinds(rial)
    assert "Muscat" not in rial.lead


def test_guard_a_sentence_that_opens_with_what_came_before_still_tells_its_news():
    visit = sig(35, 0, "Araghchi meets Oman's sultan",
                "Hours before the talks opened on Tuesday, Foreign Minister Abbas Araghchi met Oman's sultan in Muscat. "
                "The two discussed the talks.")
    assert "Abbas Araghchi" in _people(visit) and "Muscat" in visit.lead


# --- One spokesman's weekly press conference: a lead naming no person reports the speaker its quotation names ---------

BRIEFING = sig(41, 0, "Baqaei: Iran goes to Oman talks with 'open eyes'",
               "Foreign Ministry spokesman Esmaeil Baqaei said on Tuesday that Foreign Minister Abbas Araghchi would lead "
               "the delegation to the indirect talks with the United States. Speaking at his weekly press conference in "
               "Tehran, Baqaei said the format would remain unchanged.")
WARNING = "Iran on Tuesday warned Britain, France and Germany against seeking a resolution against it at next week's " \
          "quarterly meeting of the board of governors of the UN nuclear watchdog in Vienna, saying such a move would " \
          "poison the atmosphere of the talks. \"Any resolution would be a strategic mistake,\" {} told {} in Tehran."


def test_a_briefing_whose_lead_names_nobody_joins_the_briefing_of_the_speaker_its_quotation_names():
    warned = sig(42, 1, "Iran warns Europeans against resolution at atomic agency board",
                 WARNING.format("foreign ministry spokesman Esmaeil Baqaei", "his weekly news conference"))
    assert not warned.first and warned.speakers == {"Esmaeil Baqaei"} and "press conference" in warned.frame
    assert link(BRIEFING, warned, _weight([BRIEFING, warned])) is not None


def test_guard_another_speaker_s_news_conference_stays_apart():
    minister = sig(43, 1, "Iran warns Europeans against resolution at atomic agency board",
                   WARNING.format("Foreign Minister Abbas Araghchi", "a news conference"))
    assert link(BRIEFING, minister, _weight([BRIEFING, minister])) is None
