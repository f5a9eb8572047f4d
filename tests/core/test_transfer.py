"""Watchlist import plans: every entry judged before anything changes."""

from __future__ import annotations

import pytest

from core.model import Alias, Official, Topic, Watchlist
from core.transfer import plan_watchlist_import
from core.watchlist import WatchlistError, watchlist_to_dict

ARAGHCHI = Official("Abbas Araghchi", (Alias("Abbas Araghchi"), Alias("Araghchi")), ("Iran's top diplomat",))
WITKOFF = Official("Steve Witkoff", (Alias("Steve Witkoff"),))
SANCTIONS = Topic("sanctions", (("sanction*",),))
CURRENT = Watchlist((ARAGHCHI, WITKOFF), (SANCTIONS,))


def test_exported_data_plans_no_change():
    plan = plan_watchlist_import(CURRENT, watchlist_to_dict(CURRENT))
    assert plan.unchanged == ("Abbas Araghchi", "Steve Witkoff", "sanctions")
    assert (plan.added, plan.changed, plan.refused, plan.officials, plan.topics) == ((), (), (), (), ())


def test_added_changed_refused_and_names_matched_regardless_of_case():
    data = {"officials": [{"name": "abbas araghchi", "aliases": ["Abbas Araghchi"]},
                          {"name": "Ali Larijani"},
                          {"name": "", "aliases": []},
                          {"name": "Short", "aliases": ["ab"]}],
            "topics": [{"name": "sanctions", "groups": [["sanction*"]]}]}
    plan = plan_watchlist_import(CURRENT, data)
    assert plan.added == ("Ali Larijani",) and plan.changed == ("Abbas Araghchi",)
    assert plan.unchanged == ("sanctions",)
    assert [o.name for o in plan.officials] == ["Abbas Araghchi", "Ali Larijani"]  # stored spelling kept
    assert [entry for entry, _ in plan.refused] == ["officials[2]", "Short"]
    assert "officials[2]: name must be a non-empty string" in plan.refused[0][1]
    assert "too short" in plan.refused[1][1]
    assert plan.removed_officials == () and plan.removed_topics == ()


def test_replace_removes_what_the_file_lacks_but_not_refused_entries():
    data = {"officials": [{"name": "Steve Witkoff", "aliases": ["the"]}], "topics": []}
    plan = plan_watchlist_import(CURRENT, data, replace=True)
    assert plan.removed_officials == ("Abbas Araghchi",) and plan.removed_topics == ("sanctions",)
    assert plan.refused[0][0] == "Steve Witkoff"


@pytest.mark.parametrize("data, problem", [
    ([], "not a watchlist"),
    ({"feeds": []}, "unknown top-level key feeds"),
    ({"officials": {"name": "x"}}, "officials must be a list"),
])
def test_a_file_that_is_not_a_watchlist_is_refused_whole(data, problem):
    with pytest.raises(WatchlistError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        plan_watchlist_import(CURRENT, data)
