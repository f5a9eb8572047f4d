"""Recall of issue 8 (session 31): accounts of one event that no rule joined, each with fixtures of our own wording
and a guard that must stay apart. T0 is Tuesday 15 April 2025, 10:00 UTC."""

from __future__ import annotations

from core.stories import _people, link
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
