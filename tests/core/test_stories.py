"""Story grouping: one event across outlets and languages joins; other events about the same
people, places and days stay apart; a link depends only on the two articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import timedelta
from functools import cache
from itertools import combinations

import pytest

from core.analysis import scan_text
from core.detect import Matcher
from core.gazetteer import compiled
from core.signature import build_signature, event_day, first_round, language
from core.stories import fingerprint, fingerprint_bands, group, index_keys, link, similarity
from core.textsim import idf
from storage.defaults import default_watchlist
from tests.core.story_cases import CASES, published

KEYS = list(CASES)


@cache
def _matcher() -> tuple[Matcher, object]:
    watchlist = default_watchlist()
    return Matcher(watchlist), compiled(watchlist.gazetteer)


@cache
def signature(key: str):
    matcher, gazetteer = _matcher()
    _, outlet, _, title, text = CASES[key]
    mentions = matcher.scan(scan_text(title, text)).mentions
    return build_signature(KEYS.index(key) + 1, published(key), title, text, mentions, gazetteer, outlet=outlet,
                           fingerprint=fingerprint(scan_text(title, text)))


def weights():
    df = Counter(t for k in KEYS for t in signature(k).terms)
    return lambda term: idf(df[term], len(KEYS))


def event(key: str) -> str:
    return CASES[key][0]


@pytest.mark.parametrize(("a", "b"), [pytest.param(a, b, id=f"{a}~{b}") for a, b in combinations(KEYS, 2)])
def test_link_is_symmetric_and_never_joins_two_events(a, b):
    found, back = link(signature(a), signature(b), weights()), link(signature(b), signature(a), weights())
    assert (found is None) == (back is None)
    if event(a) != event(b):
        assert found is None, f"{a} and {b} report different events but were linked: {found}"


def test_groups_are_the_events():
    by_key = {KEYS.index(k) + 1: k for k in KEYS}
    groups = [sorted(by_key[i] for i in g) for g in group([signature(k) for k in KEYS], weights())]
    expected = sorted(sorted(k for k in KEYS if event(k) == e) for e in {event(k) for k in KEYS})
    assert sorted(groups) == expected


def test_persian_joins_english_on_names_and_day():
    found = link(signature("muscat-wire"), signature("muscat-persian"), weights())
    assert found is not None and found.how == "names"
    assert {"Badr Albusaidi", "Muscat"} <= set(found.shared)


def test_republished_copy_is_a_near_duplicate_link():
    found = link(signature("muscat-wire"), signature("muscat-republished"), weights())
    assert found is not None and found.how == "copy" and found.similarity >= 0.9


def test_mediators_later_visit_and_the_call_about_a_report_stay_apart():
    w = weights()
    assert link(signature("muscat-wire"), signature("visit-wire"), w) is None
    assert link(signature("report-wire"), signature("call-wire"), w) is None
    assert link(signature("designation-wire"), signature("reaction-wire"), w) is None


def test_event_without_a_tracked_official_groups_on_organisation_and_day():
    sig = signature("designation-persian")
    assert not sig.officials and "US Treasury" in sig.organisations
    assert link(signature("designation-wire"), sig, weights()) is not None


def test_articles_more_than_two_days_apart_are_never_linked():
    copy = signature("muscat-republished")
    assert link(signature("muscat-wire"), copy, weights()) is not None
    far = replace(copy, published=published("muscat-wire") + timedelta(hours=49))
    assert link(signature("muscat-wire"), far, weights()) is None


def test_signature_keys_find_copies_and_names():
    sig = signature("muscat-wire")
    keys = index_keys(sig)
    assert "o:Abbas Araghchi" in keys and "p:Muscat" in keys
    assert set(fingerprint_bands(sig.fingerprint)) <= set(keys)
    assert set(fingerprint_bands(signature("muscat-republished").fingerprint)) & set(fingerprint_bands(sig.fingerprint))


@pytest.mark.parametrize(("text", "expected"), [
    ("the fourth round of talks", 4), ("round two of the negotiations", 2), ("the 5th round", 5),
    ("دور چهارم مذاکرات", 4), ("چهارمین دور گفت‌وگوها", 4), ("a round of applause", None),
])
def test_round_numbers_in_both_languages(text, expected):
    from core.gazetteer import fold

    assert first_round(fold(text)) == expected


@pytest.mark.parametrize(("text", "expected_day"), [
    ("talks on saturday", 12), ("روز شنبه", 12), ("met on friday", 11), ("سه شنبه", 8),
    ("last sunday", 6), ("after saturday's talks, he said on friday", 12),
])
def test_event_day_is_the_latest_weekday_up_to_publication(text, expected_day):
    assert event_day(text, published("muscat-wire")).day == expected_day


def test_tomorrow_s_weekday_is_what_is_to_come_not_the_news():
    """Saturday's article on "Sunday's round" looks ahead: the day of its news is the one it reports
    ("said on Saturday", in the next sentences), never the Sunday six days before."""
    assert event_day("iran will enter sunday's round of talks", published("muscat-wire")) is None
    assert event_day("iran will enter sunday's round of talks", published("muscat-wire"),
                     "the spokesman said on saturday").day == 12


def test_late_in_the_utc_day_tomorrow_is_today_in_tehran():
    assert event_day("on sunday", published("muscat-wire") + timedelta(hours=5)).day == 13


def test_english_dates_when_no_weekday():
    assert event_day("vienna, apr 11 (wire) - the agency", published("muscat-wire")).day == 11


def test_language_by_script():
    assert language("دور دوم مذاکرات") == "fa" and language("Second round of talks") == "en"


def test_fingerprint_ignores_furniture_and_fits_bigint():
    _, _, _, title, text = CASES["report-wire"]
    plain = fingerprint(f"{title}\n\n{text}")
    assert plain == fingerprint(f"{title}\n\nBy Tom Reyes\n7 min read\n{text}\nSubscribe to the Gulf Ledger Newsletter")
    assert -(2**63) <= plain < 2**63


@pytest.mark.parametrize(("fp_a", "fp_b", "expected"),
                         [(0, 0, 1.0), (0, -1, 0.0), (0, 0xFF, 1 - 8 / 64), (-(2**63), 2**63 - 1, 0.0)])
def test_similarity(fp_a, fp_b, expected):
    assert similarity(fp_a, fp_b) == pytest.approx(expected)


def test_relative_days_and_the_next_sentences_when_the_lead_names_none():
    at = published("muscat-wire")
    assert event_day("talks held yesterday", at) == at.date() - timedelta(days=1)
    assert event_day("مذاکرات روز گذشته در مسقط", at) == at.date() - timedelta(days=1)
    assert event_day("امروز (جمعه)", at).day == 11  # the weekday, when given, wins
    assert event_day("iran's top diplomat described the talks", at, "he spoke on friday").day == 11
    assert event_day("the lead names no day", at) is None


def test_an_official_named_as_someone_s_principal_is_not_one_of_the_lead_s_names():
    matcher, gazetteer = _matcher()
    title, text = "Treasury hits shadow fleet", "The Trump administration on Wednesday imposed sanctions on tankers."
    sig = build_signature(1, published("muscat-wire"), title, text, matcher.scan(scan_text(title, text)).mentions,
                          gazetteer)
    assert "Donald Trump" not in sig.lead | sig.officials and "US Treasury" in sig.lead


@pytest.mark.parametrize(("title", "text"), [
    ("Kharrazi warns on doctrine", "A senior adviser to Iran's Supreme Leader said Tehran could revise its doctrine."),
    ("Top Khamenei aide warns on doctrine", "Kamal Kharrazi said on Wednesday Iran could revise its doctrine."),
    ("خرازی: دکترین تغییر می‌کند", "کمال خرازی، مشاور رهبر انقلاب، روز چهارشنبه گفت دکترین هسته‌ای تغییر می‌کند."),
])
def test_whom_an_adviser_advises_did_not_act(title, text):
    matcher, gazetteer = _matcher()
    mentions = matcher.scan(scan_text(title, text)).mentions
    sig = build_signature(1, published("muscat-wire"), title, text, mentions, gazetteer)
    assert "Ali Khamenei" not in sig.lead


def test_a_part_of_an_organisation_names_the_whole():
    matcher, gazetteer = _matcher()
    title, text = "Board of Governors passes resolution", "The board voted on Wednesday."
    sig = build_signature(1, published("muscat-wire"), title, text, matcher.scan(scan_text(title, text)).mentions,
                          gazetteer)
    assert {"IAEA Board of Governors", "IAEA"} <= sig.organisations
