"""Watchlist data format: the shipped file loads, round-trips, and bad data says what is wrong."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.watchlist import WatchlistError, alias_problem, watchlist_from_dict, watchlist_to_dict

DEFAULT = Path(__file__).parents[2] / "storage/defaults/watchlist.toml"
OFFICIALS = [
    "Ali Khamenei",
    "Masoud Pezeshkian",
    "Abbas Araghchi",
    "Donald Trump",
    "Steve Witkoff",
    "Mohammad Javad Zarif",
    "Esmaeil Baqaei",
    "Majid Takht-Ravanchi",
    "Kamal Kharrazi",
    "Mohammad Reza Aref",
    "Hamid-Reza Haji Babaee",
    "Badr Albusaidi",
    "Marco Rubio",
    "Mohammad Bagher Ghalibaf",
]


def default_data() -> dict:
    return tomllib.loads(DEFAULT.read_text("utf-8"))


def test_default_file_has_the_canonical_names_and_round_trips():
    w = watchlist_from_dict(default_data())
    assert [o.name for o in w.officials] == OFFICIALS
    assert [t.name for t in w.topics] == ["negotiations", "sanctions", "Oman talks", "nuclear program"]
    assert watchlist_from_dict(watchlist_to_dict(w)) == w
    assert all(any(not a.text.isascii() for a in o.aliases) for o in w.officials), "Persian names"


def test_export_uses_the_short_alias_form():
    data = watchlist_to_dict(watchlist_from_dict(default_data()))
    trump = next(o for o in data["officials"] if o["name"] == "Donald Trump")
    assert "Donald Trump" in trump["aliases"]
    assert {"text": "Trump", "case_sensitive": True} in trump["aliases"]


@pytest.mark.parametrize(
    ("text", "flags", "reason"),
    [
        ("Al", {}, "too short"),
        ("  ", {}, "empty"),
        ("deal", {}, "'deal' is a common word"),
        ("the talks", {}, "common word"),
        ("Trump", {}, None),
        ("ظریف", {}, "common word"),
        ("ظریف", {"needs_context": True}, None),
        ("Aref", {"needs_context": True}, None),
        ("Araghchi", {}, None),
        ("Arag*", {}, "wildcards"),
    ],
)
def test_alias_problem(text, flags, reason):
    problem = alias_problem(text, **flags)
    if reason is None:
        assert problem is None
    else:
        assert problem is not None and reason in problem


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"officials": {}}, "officials must be a list"),
        ({"oficials": []}, "unknown key oficials"),
        ({"officials": [{"aliases": ["X"]}]}, "missing name"),
        ({"officials": [{"name": "A B", "aliases": ["deal"]}]}, "official 'A B', alias 1: alias 'deal' refused"),
        ({"officials": [{"name": "A B", "aliases": [{"text": "Abc", "case": True}]}]}, "unknown key case"),
        ({"officials": [{"name": "Ann Bee"}, {"name": "ann bee"}]}, "appears twice"),
        ({"topics": [{"name": "t", "groups": []}]}, "groups must be a non-empty list"),
        ({"topics": [{"name": "t", "groups": [["ne*"]]}]}, "stem too short"),
        ({"topics": [{"name": "t", "groups": [["a*b"]]}]}, "'*' may only end a term"),
        ({"topics": [{"name": "t", "groups": "talks"}]}, "groups must be a non-empty list"),
        ({"officials": [{"name": "Ann Bee", "descriptions": ["surgeon"]}]}, "a description needs two words"),
        ({"officials": [{"name": "Ann Bee", "descriptions": ["the president"]}]}, "only common words"),
    ],
)
def test_errors_say_where_and_why(data, message):
    with pytest.raises(WatchlistError) as err:
        watchlist_from_dict(data)
    assert message in str(err.value)
    assert isinstance(err.value, ValueError)


def test_official_without_aliases_uses_its_name():
    w = watchlist_from_dict({"officials": [{"name": "Ali Shamkhani"}]})
    assert [a.text for a in w.officials[0].aliases] == ["Ali Shamkhani"]


def test_descriptions_round_trip_and_stay_out_of_the_export_when_empty():
    data = {"officials": [{"name": "Ann Bee", "aliases": ["Ann Bee"], "roles": [], "descriptions": ["heart surgeon"]},
                          {"name": "Cy Dee", "aliases": ["Cy Dee"], "roles": []}]}
    w = watchlist_from_dict(data)
    assert w.officials[0].descriptions == ("heart surgeon",)
    assert watchlist_to_dict(w)["officials"] == data["officials"]


@pytest.mark.parametrize(
    "role,problem",
    [
        ("Iran's foreign minister (2013-2021)", None),
        ("Iran's foreign minister (2024-)", None),
        ("Iran's top diplomat", None),
        ("Group of 7 (G7) chair", None),  # a bracket that is not years
        ("Iran's foreign minister (2013 to 2021)", "malformed years"),
        ("Iran's foreign minister (13-21)", "malformed years"),
        ("Iran's foreign minister (2024)", "malformed years"),
        ("Iran's foreign minister (2013-2021", "malformed years"),
        ("Iran's foreign minister (2021-2013)", "impossible years"),
        ("abc", "too short"),
    ],
)
def test_role_problem_names_the_accepted_year_forms(role, problem):
    from core.watchlist import role_problem

    got = role_problem(role)
    if problem is None:
        assert got is None
    else:
        assert got is not None and got.startswith(problem)
        if "years" in problem:
            assert "(2013-2021)" in got and "(2024-)" in got
