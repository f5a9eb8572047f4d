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


# --- The place of a meeting a lead tells as its news's time is not where its news happened ----------------------------

VOTE_EN = sig(11, 1, "Iran's parliament backs bill on nuclear deals ahead of Muscat talks",
              "Iran's parliament on Tuesday approved the outline of a bill that would require its consent for any "
              "nuclear agreement with the United States, state media reported. Lawmakers cheered as the result was "
              "read out.")
VOTE_FA = sig(12, 2, "مجلس کلیات طرح الزام تصویب توافق هسته‌ای در مجلس را تصویب کرد",
              "نمایندگان مجلس روز سه‌شنبه کلیات طرحی را تصویب کردند که بر اساس آن هر توافق هسته‌ای با آمریکا باید "
              "به تصویب مجلس برسد. این طرح پس از تصویب کلیات برای بررسی جزئیات به کمیسیون امنیت ملی ارجاع شد.")
STATEMENT_FA = sig(13, 4, "بیانیه سه کشور اروپایی درباره همکاری ایران با آژانس",
                   "سه کشور اروپایی بریتانیا، فرانسه و آلمان روز سه‌شنبه در بیانیه‌ای مشترک خواستار همکاری کامل ایران "
                   "با آژانس بین‌المللی انرژی اتمی شدند. در این بیانیه که هم‌زمان با برگزاری دور تازه مذاکرات "
                   "غیرمستقیم ایران و آمریکا در مسقط منتشر شد، آمده است که بازرسان باید بدون تأخیر به تأسیسات ایران "
                   "دسترسی یابند.")
STATEMENT_EN = sig(14, 3, "European powers urge Iran to restore cooperation with UN nuclear watchdog",
                   "Britain, France and Germany on Tuesday urged Iran to restore full cooperation with the International "
                   "Atomic Energy Agency without delay, in a joint statement issued by their foreign ministries. The "
                   "three countries said inspectors must regain access to Iran's nuclear facilities.")


def test_the_place_of_the_talks_a_lead_tells_its_news_before_or_beside_is_named_not_where_it_happened():
    assert VOTE_EN.met_at == {"Muscat"} and STATEMENT_FA.met_at == {"Muscat"}
    assert "Muscat" not in VOTE_FA.places and "Muscat" not in STATEMENT_EN.places
    assert link(VOTE_EN, VOTE_FA, _weight([VOTE_EN, VOTE_FA])) is not None
    assert link(STATEMENT_FA, STATEMENT_EN, _weight([STATEMENT_FA, STATEMENT_EN])) is not None


def test_guard_the_place_of_the_talks_a_lead_reports_is_where_they_happened():
    talks = sig(15, 5, "Iran and US end fifth round of talks in Muscat",
                "Iranian and US negotiators ended a fifth round of indirect talks in Muscat on Tuesday, with Oman's "
                "foreign minister carrying messages between the delegations, officials said.")
    assert not talks.met_at
    kept_apart([VOTE_EN, VOTE_FA], [talks])


def test_guard_a_call_told_in_the_sentence_after_the_lead_keeps_its_other_side():
    # (the headline's "after Muscat talks" is no longer a name the other account lacks: the other side still is)
    oman = sig(16, 3, "Araghchi, Omani counterpart discuss next steps after Muscat talks",
               "Iranian Foreign Minister Abbas Araghchi and his Omani counterpart Badr Albusaidi have discussed the "
               "arrangements for the next phase of the indirect negotiations between Tehran and Washington. In a phone "
               "call on Tuesday, Araghchi thanked Oman for hosting the talks, according to a statement from the "
               "Iranian foreign ministry. The two ministers reviewed the timing of the expert-level meetings.")
    iaea = sig(17, 5, "Araghchi warns IAEA chief against politicising report in phone call, ministry says",
               "Iranian Foreign Minister Abbas Araghchi told the UN nuclear watchdog chief Rafael Grossi in a phone "
               "call on Tuesday that using the agency's latest report against Tehran would harm cooperation, Iran's "
               "foreign ministry said. It was Araghchi's second call with a foreign counterpart on Tuesday, after he "
               "spoke earlier with Oman's foreign minister about the indirect talks.")
    assert oman.met_at == {"Muscat"} and "phone call" in oman.early
    kept_apart([oman], [iaea])


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
