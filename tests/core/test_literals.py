import re

from core.boilerplate import PHRASE_PATTERNS
from core.literals import Prefilter, factors


def test_factors_are_strings_every_match_contains():
    assert factors(r"subscribe (?:to|for) (?:our|the) .{0,40}newsletter") in ({"subscribe "}, {"newsletter"})
    assert factors(r"\bsubscri(?:be|ption)\b|\bnewsletters?\b") == {"subscri", "newsletter"}
    assert factors(r"(?:https?://|www\.)\S+") == {"http", "www."}


def test_no_factors_when_a_match_can_avoid_every_literal():
    assert factors(r"\w+") is None
    assert factors(r"(?:abc)?\d+") is None
    assert factors(r"abc|\d+") is None  # one branch needs no literal
    assert factors(r"(?i)subscribe") is None  # case-insensitive: literals are not literal
    assert factors(r"(unbalanced") is None


def test_prefilter_keeps_every_pattern_that_matches():
    regexes = [p.regex for p in PHRASE_PATTERNS]
    prefilter = Prefilter(regexes)
    lines = ["subscribe to our daily newsletter", "photo: reuters", "all rights reserved ©",
             "the talks in muscat ended on tuesday.", "click here to read", "مشترک شوید", ""]
    for line in lines:
        candidates = set(prefilter.candidates(line))
        assert {i for i, r in enumerate(regexes) if re.search(r, line)} <= candidates
    assert prefilter.candidates("the talks in muscat ended on tuesday.") == []
