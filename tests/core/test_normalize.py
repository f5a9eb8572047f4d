"""Normalisation: every variant in the table meets the same key, and offsets map back."""

from __future__ import annotations

import random

import pytest

from core.normalize import _map_char, normalize, normalize_key


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["Khamenei’s", "Khamenei's", "KHAMENEI‘S", "Khamenei`s"], "khamenei's"),
        (["Haji-Babaei", "Haji Babaei", "Haji\u2011Babaei", "Haji\u00a0Babaei", "Haji \u2013 Babaei"], "haji babaei"),
        (["Haji\u00adBabaei", "Haji\u200bBabaei", "Haji\u2060Babaei", "Hajibabaei"], "hajibabaei"),
        (["Ara\u0301ghchi", "Áraghchi", "ＡＲＡＧＨＣＨＩ", "Araghchi"], "araghchi"),
        (["خامنه‌ای", "خامنه ای", "خامنه اي", "خامنه\u00a0ای"], "خامنه ای"),
        (["كرمان", "کرمان"], "کرمان"),
        (["رئيس", "رئیس", "رییس"], "رییس"),
        (["فاطمة", "فاطمه"], "فاطمه"),
        (["مذاكـــره", "مذاکره", "مُذاکِرَه"], "مذاکره"),
        (["آمریکا", "امریکا", "أمریکا"], "امریکا"),
        (["Straße", "STRASSE"], "strasse"),
    ],
)
def test_variants_share_a_key(variants, key):
    assert {normalize_key(v) for v in variants} == {key}


def test_ascii_text_is_identity_mapped():
    n = normalize("Ali Khamenei-led talks")
    assert n.text == "ali khamenei led talks"
    assert n.span(4, 12) == (4, 12)


def test_offsets_map_back_around_vanishing_and_expanding_characters():
    text = "Haji\u00adBabaei met ẞ-team in Mu\u0301scat"
    n = normalize(text)
    assert n.text == "hajibabaei met ss team in muscat"
    s = n.text.index("hajibabaei")
    o = n.span(s, s + len("hajibabaei"))
    assert text[o[0] : o[1]] == "Haji\u00adBabaei"
    s = n.text.index("muscat")
    o = n.span(s, s + 6)
    assert text[o[0] : o[1]] == "Mu\u0301scat"
    s = n.text.index("ss")
    assert text[slice(*n.span(s, s + 2))] == "ẞ"


def test_fast_paths_agree_with_the_per_character_definition():
    alphabet = "AbÉé’‘“”–—\u00a0\u200c\u00ad\u200bيكةىآأئؤ\u064b\u0640ßİ-\n\tx خامنه𝐓😀"
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        n = normalize(text)
        assert n.text == "".join(_map_char(c) for c in text)
        for i, ch in enumerate(n.text):
            assert ch in _map_char(text[n.to_original(i)])


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed in Muscat on Sunday, officials said. " * 12 + "The \ufb01nal round",  # a ligature at the end
        "Araghchi’s remarks " * 40 + "ＡＲＡＧＨＣＨＩ",  # fullwidth after curly quotes
        "عراقچی گفت " * 60 + "Witkoff\u0301",  # a combining mark after Persian
        "a lone surrogate \ud800 after ’quotes’ " * 20,
        "𝐓rump " * 100,
    ],
)
def test_long_texts_with_one_rare_character_take_the_full_path(text):
    # The rare-character test reads only the non-ASCII characters (core.normalize._non_ascii).
    assert normalize(text).text == "".join(_map_char(c) for c in text)
