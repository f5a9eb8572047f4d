"""The object of an event across scripts: consonant skeletons, English names, Persian pairs,
and the incident rule with its guards (a call about a seizure is not the seizure)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.incident import english_names, pair_key, persian_pairs, shared_objects, skeleton
from core.stories import incident
from tests.core.test_stories import signature


@pytest.mark.parametrize(("english", "persian"), [
    ("Selene Grace", "سلنه گریس"),
    ("Thomas Keller", "توماس کلر"),
    ("Navid Sohrabi", "نوید سهرابی"),
    ("Hossein Kalantari", "حسین کلانتری"),
    ("Iran International", "ایران اینترنشنال"),
    ("Silver Dawn", "سیلور داون"),
])
def test_a_name_and_its_persian_spelling_share_a_key(english, persian):
    assert pair_key(*english.split()) == pair_key(*persian.split()) is not None


@pytest.mark.parametrize(("word", "expected"), [
    ("Grace", "grs"), ("Cole", "kl"), ("Keller", "klr"), ("Ghalibaf", "glbf"), ("Qalibaf", "glbf"),
    ("قالیباف", "glbf"), ("شهاب", "Sb"),
])
def test_skeletons(word, expected):
    assert skeleton(word) == expected


def test_short_skeletons_are_no_key():
    """"Saeid Iravani" (sd rn) would meet «صیادی ایرانی» (an Iranian fisherman) by chance."""
    assert pair_key("Saeid", "Iravani") is None


def test_english_names_skip_titles_institutions_and_covered_spans():
    text = ("Foreign Minister Abbas Araghchi said the Marshall Islands-flagged tanker Selene Grace was seized, "
            "the United Kingdom Maritime Trade Operations center said.")
    start = text.index("Abbas")
    assert english_names(text, [(start, start + len("Abbas Araghchi"))]) == ("Selene Grace",)


@pytest.mark.parametrize("text", [
    "The ships are managed by firms in the United Arab Emirates and Hong Kong.",
    "Companies registered in Hong Kong, the UAE, Panama and the Marshall Islands were named.",
    "Guards boarded the Marshall Islands-flagged tanker off Khor Fakkan.",
    "Hong Kong-based ship managers were named.",
])
def test_a_place_is_no_object(text):
    """Where firms are registered or a ship is flagged recurs across events."""
    assert english_names(text) == ()


def test_an_english_name_is_found_among_persian_word_pairs_only():
    fa = persian_pairs("نفتکش «سلنه گریس» در دریای عمان توقیف شد")
    assert shared_objects("en", ("Selene Grace", "Thomas Keller"), persian_pairs(""), "fa", (), fa) == ("Selene Grace",)
    assert shared_objects("fa", (), fa, "fa", (), fa) == ()


def test_the_seized_ship_joins_two_accounts_in_two_languages():
    """One lead says "armed men", the other the Guards: the ship is the incident."""
    found = incident(signature("tanker-wire"), signature("tanker-persian"))
    assert "Silver Dawn" in found and "seizure" in found


def test_a_call_about_the_seizure_is_another_incident():
    assert incident(signature("tanker-wire"), signature("tanker-call")) == ()
    assert incident(signature("tanker-persian"), signature("tanker-call")) == ()


def test_same_people_without_a_shared_object_are_no_incident():
    assert incident(signature("designation-wire"), signature("reaction-wire")) == ()
    assert incident(signature("report-wire"), signature("call-wire")) == ()


def test_why_says_the_incident_and_the_object():
    from core.story_render import GroupingLink, render_grouping

    text = render_grouping([GroupingLink("AP", "en", "Tasnim", "fa", "incident", 1.0, ("Selene Grace", "seizure"))],
                           2, ["en", "fa"])
    assert "the same incident" in text and "Selene Grace" in text and "Tasnim (Persian)" in text


def test_a_bill_by_the_same_official_in_both_languages_is_one_incident():
    """The deputy speaker announcing a bill (Persian) and a report of the bill naming him only in
    its body (English): a document both leads report, by an official both name."""
    from core.analysis import scan_text
    from core.signature import build_signature
    from tests.core.story_cases import T0
    from tests.core.test_stories import _matcher

    matcher, gazetteer = _matcher()

    def sig(key, title, text, hours):
        mentions = matcher.scan(scan_text(title, text)).mentions
        return build_signature(key, T0 + timedelta(hours=hours), title, text, mentions, gazetteer)

    fa = sig(1, "حاجی‌بابایی: طرح تعلیق همکاری با آژانس اعلام وصول شد",
             "حمیدرضا حاجی‌بابایی، نایب‌رئیس مجلس شورای اسلامی، از اعلام وصول طرح تعلیق همکاری با آژانس "
             "بین‌المللی انرژی اتمی خبر داد.", 0)
    en = sig(2, "Iranian MPs table bill to suspend IAEA cooperation",
             "Iranian lawmakers have introduced a bill that would suspend all cooperation with the International "
             "Atomic Energy Agency. Hamid Reza Haji Babaee told Tasnim that 170 MPs had signed the measure.", 5)
    assert "bill" in incident(fa, en)
    call = sig(3, "Araghchi, Grossi discuss the bill by phone",
               "Abbas Araghchi spoke by phone with Rafael Grossi about the parliament's bill. Hamid Reza Haji "
               "Babaee had announced it.", 6)
    assert incident(en, call) == ()


def test_an_untracked_minister_s_two_calls_of_one_day_are_two_incidents():
    """His name is in both, as a participant, not as what happened to something."""
    from core.analysis import scan_text
    from core.signature import build_signature
    from tests.core.story_cases import T0
    from tests.core.test_stories import _matcher

    matcher, gazetteer = _matcher()

    def sig(key, title, text, hours):
        mentions = matcher.scan(scan_text(title, text)).mentions
        return build_signature(key, T0 + timedelta(hours=hours), title, text, mentions, gazetteer)

    first = sig(1, "French minister calls Araghchi on inspections",
                "French Foreign Minister Jean-Noel Barrot spoke by phone on Saturday with Abbas Araghchi about "
                "inspections. Jean-Noel Barrot urged access for inspectors.", 0)
    second = sig(2, "French minister calls Rubio on Iran",
                 "French Foreign Minister Jean-Noel Barrot spoke by phone on Saturday with Marco Rubio about Iran. "
                 "Jean-Noel Barrot and Rubio discussed inspections.", 3)
    assert first.objects and set(first.objects) & set(second.objects)
    assert incident(first, second) == ()


def test_an_agency_report_and_a_minister_s_reaction_are_two_incidents():
    """The report's story names the minister too (as background): he reacts, he did not write it."""
    from core.analysis import scan_text
    from core.signature import build_signature
    from tests.core.story_cases import T0
    from tests.core.test_stories import _matcher

    matcher, gazetteer = _matcher()

    def sig(key, title, text, hours):
        mentions = matcher.scan(scan_text(title, text)).mentions
        return build_signature(key, T0 + timedelta(hours=hours), title, text, mentions, gazetteer)

    report = sig(1, "IAEA report says Iran's stockpile grew", "A confidential IAEA report seen on Saturday said Iran's "
                 "enriched uranium stockpile grew. Foreign Minister Abbas Araghchi said last week Iran would cooperate.", 0)
    reaction = sig(2, "Araghchi rejects IAEA report", "Foreign Minister Abbas Araghchi on Saturday rejected the new IAEA "
                   "report on Iran's nuclear programme as political.", 4)
    assert incident(report, reaction) == ()
