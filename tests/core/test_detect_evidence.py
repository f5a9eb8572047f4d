"""Evidence and mechanics of Matcher.scan: offsets, sentences, how a hit matched, nesting,
case, context, exclusions, and that sentence lookup stays local."""

from __future__ import annotations

import time

import pytest

from core.detect import Matcher, alias_keys
from core.model import Alias, Official, Topic, Watchlist
from tests.core.test_detect_table import MATCHER


def _only(detection, name):
    return [m for m in detection.mentions if m.name == name]


def test_offsets_point_into_the_original_text_after_normalisation():
    text = "Title\u00ad line\n\nThe Iran\u2019s talks: Haji\u00adBabaei and Ara\u0301ghchi\u2019s aide spoke."
    d = MATCHER.scan(text)
    for m in d.mentions:
        assert text[m.start : m.end] == m.text
        assert m.text in m.sentence and m.sentence in text
    assert {m.text for m in d.mentions if m.kind == "official"} == {"Haji\u00adBabaei", "Ara\u0301ghchi"}


def test_mentions_are_sorted_and_carry_kind_and_how():
    text = "Iran's president met Abbas Araghchi. Araghci then flew to Muscat for talks."
    d = MATCHER.scan(text)
    assert [m.start for m in d.mentions] == sorted(m.start for m in d.mentions)
    how = {(m.name, m.how) for m in d.mentions}
    assert ("Masoud Pezeshkian", "role") in how
    assert ("Abbas Araghchi", "alias") in how
    assert ("Abbas Araghchi", "fuzzy") in how
    assert ("Oman talks", "rule") in how
    fuzzy = next(m for m in d.mentions if m.how == "fuzzy")
    assert fuzzy.text == "Araghci" and fuzzy.detail.startswith("araghchi")
    assert fuzzy.sentence == "Araghci then flew to Muscat for talks."


def test_sentence_evidence_is_the_sentence_not_the_paragraph():
    text = "First sentence about nothing. The U.S. envoy Mr. Witkoff met Dr. Albusaidi on Friday. Then lunch."
    (w,) = _only(MATCHER.scan(text), "Steve Witkoff")
    assert w.sentence == "The U.S. envoy Mr. Witkoff met Dr. Albusaidi on Friday."


def test_title_and_body_are_separate_sentences():
    d = MATCHER.scan("Khamenei speaks\n\nThe speech was short.")
    assert d.mentions[0].sentence == "Khamenei speaks"


def test_nested_aliases_of_one_official_give_one_mention():
    d = MATCHER.scan("Ayatollah Ali Khamenei spoke.")
    (m,) = d.mentions
    assert (m.text, m.how) == ("Ayatollah Ali Khamenei", "alias")


def test_nested_names_of_different_officials_both_count():
    wl = Watchlist(
        officials=(
            Official("Reza Pahlavi", (Alias("Reza Pahlavi"),)),
            Official("Ali Reza Pahlavi Nazari", (Alias("Ali Reza Pahlavi Nazari"),)),
        )
    )
    d = Matcher(wl).scan("Ali Reza Pahlavi Nazari arrived.")
    assert set(d.officials) == {"Reza Pahlavi", "Ali Reza Pahlavi Nazari"}


def test_role_nested_in_longer_role_and_alias_after_role():
    d = MATCHER.scan("Iran's Supreme Leader Ali Khamenei spoke.")
    assert [(m.name, m.how) for m in d.mentions] == [("Ali Khamenei", "alias")]


def test_case_sensitive_alias_accepts_headline_capitals_only():
    assert MATCHER.scan("TRUMP ARRIVES").officials == ("Donald Trump",)
    assert MATCHER.scan("Fear may trump reason.").officials == ()


def test_context_comes_from_a_full_mention_anywhere_in_the_article():
    before = MATCHER.scan("Aref spoke. Later Mohammad Reza Aref left.")
    assert [m.text for m in before.mentions] == ["Aref", "Mohammad Reza Aref"]
    after = MATCHER.scan("Mohammad Reza Aref spoke. Aref left.")
    assert [m.text for m in after.mentions] == ["Mohammad Reza Aref", "Aref"]
    assert MATCHER.scan("Aref spoke. Later the minister left.").officials == ()


def test_context_from_a_list_of_officials():
    assert set(MATCHER.scan("Pezeshkian, Aref and Araghchi attended.").officials) == {
        "Masoud Pezeshkian", "Mohammad Reza Aref", "Abbas Araghchi"}
    assert MATCHER.scan("Aref Hosseini, Pezeshkian's friend, attended.").officials == ("Masoud Pezeshkian",)


def test_exclusion_cancels_only_the_overlapping_term():
    text = "Ships crossed the Gulf of Oman. Oman hosted talks the next day."
    oman = [m for m in MATCHER.scan(text).mentions if m.name == "Oman talks"]
    assert [m.text for m in oman] == ["Oman", "talks"]
    assert all(m.start > text.index(".") for m in oman)


def test_topic_co_occurrence_reaches_the_neighbouring_sentence_only():
    assert "Oman talks" in MATCHER.scan("Envoys landed in Muscat. Talks began at noon.").topics
    far = "Envoys landed in Muscat. It was hot. Everyone waited. Talks began at noon."
    assert "Oman talks" not in MATCHER.scan(far).topics


def test_stem_term_reports_the_whole_word():
    (m,) = [m for m in MATCHER.scan("They renegotiated nothing but kept negotiating.").mentions]
    assert m.text == "negotiating" and m.how == "rule"


def test_alias_keys_cover_joined_hyphenated_and_spelling_variants():
    keys = alias_keys("Mohammad Reza Aref")
    assert {"mohammad reza aref", "mohammadreza aref", "mohammed reza aref", "muhammadreza aref"} <= keys
    assert alias_keys("Al-Busaidi") == {"al busaidi", "albusaidi"}


def test_empty_watchlist_and_empty_text():
    assert not Matcher(Watchlist()).scan("Khamenei")
    assert not MATCHER.scan("")


def test_topic_with_three_groups_needs_all_three():
    wl = Watchlist(topics=(Topic("prisoner swap", (("prisoner*",), ("swap*", "exchange"), ("Iran", "Tehran")), ()),))
    m = Matcher(wl)
    assert m.scan("Iran and the US agreed a prisoner exchange.").topics == ("prisoner swap",)
    assert m.scan("Iran and the US agreed a prisoner transfer.").topics == ()


def test_matcher_build_leaves_costly_set_up_for_later():
    """Building a matcher (at start-up) compiles no country patterns; "@foreign only" compiles
    them on first use. (The build time itself is a figure of benchmarks/detect.py, not a test.)"""
    from tests.core.test_detect_table import WATCHLIST

    m = Matcher(WATCHLIST)
    assert m._places._patterns is None and m._talk_places._patterns is None
    assert m.scan("Pakistan tested a nuclear bomb.").topics == ()
    assert m._places._patterns is not None


def test_scan_does_not_split_whole_text_into_sentences(monkeypatch):
    """A long article with one hit is scanned without a sentence splitter over the whole text
    (pysbd runs at ~130 KB/s); only the hit's own sentence is looked up."""
    import pysbd

    monkeypatch.setattr(pysbd.Segmenter, "segment", lambda *a, **k: pytest.fail("pysbd was called"))
    filler = "Nothing of note happened in the city today, officials said. " * 4000  # ~240 KB
    text = filler + "Araghchi spoke. " + filler
    d = MATCHER.scan(text)
    assert d.officials == ("Abbas Araghchi",)
    assert d.mentions[0].sentence == "Araghchi spoke."


@pytest.mark.parametrize(
    "text",
    [
        "Khamenei\u200b’s speech",  # zero-width space before a curly apostrophe
        "\ufeffKhamenei spoke",  # byte order mark
        "KHAMENEİ spoke",  # dotted capital I lowercases to two characters
        "Khamenei 𝐬𝐩𝐨𝐤𝐞",  # astral (mathematical bold) characters
    ],
)
def test_unusual_characters_keep_offsets_right(text):
    (m,) = MATCHER.scan(text).mentions
    assert text[m.start : m.end] == m.text and m.text.casefold().startswith("khamene")


def test_invariants_hold_on_random_mixtures():
    """Offsets, matched text and sentences stay consistent whatever the characters around hits."""
    import random

    pieces = [
        "Khamenei", "Araghchi’s", "Haji\u00adBabaei", "Al-Busaidi", "talks", "Oman", "sanctions",
        "عراقچی", "خامنه\u200cای", "مذاکره", "U.S.", "Mr.", " ", " ", "\n", "\n\n", ". ", "? ",
        "ß", "İ", "\u0301", "—", "“", "”", "𝐓", "e", "Trump", "trump", "Aref", "Iran's president",
    ]
    rng = random.Random(11)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        d = MATCHER.scan(text)
        assert [m.start for m in d.mentions] == sorted(m.start for m in d.mentions)
        for m in d.mentions:
            assert text[m.start : m.end] == m.text
            assert m.text in m.sentence and m.sentence in text
