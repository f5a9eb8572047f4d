"""The gazetteer: bilingual places, organisations, people and actions; admin-editable data
that round-trips through the watchlist format and import plans."""

from __future__ import annotations

import pytest

from core.gazetteer import compiled, fold
from core.model import GazetteerEntry, Watchlist
from core.transfer import plan_watchlist_import
from core.watchlist import WatchlistError, watchlist_from_dict, watchlist_to_dict
from storage.defaults import default_watchlist


def names(text: str) -> list[str]:
    return [h.entry.name for h in compiled(default_watchlist().gazetteer).find(fold(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resumed in Geneva's old town", ["Geneva"]),
    ("مذاکرات در ژنو از سر گرفته شد", ["Geneva"]),
    ("The U.N. Security Council met; OFAC designated five firms", ["UN Security Council", "US Treasury",
                                                                    "designation"]),
    ("شورای امنیت و وزارت خزانه‌داری آمریکا", ["UN Security Council", "US Treasury"]),
    ("آژانس بین‌المللی انرژی اتمی گزارش فصلی خود را منتشر کرد", ["IAEA", "report"]),
    ("Romeo and Vienne are not places here", []),
])
def test_bilingual_hits(text, expected):
    assert names(text) == expected


def test_default_gazetteer_round_trips_through_the_watchlist_format():
    w = default_watchlist()
    assert {"Muscat", "Geneva", "Rome", "Vienna", "Doha", "IAEA", "US Treasury", "E3", "UN Security Council"} <= {
        g.name for g in w.gazetteer}
    assert watchlist_from_dict(watchlist_to_dict(w)) == w


@pytest.mark.parametrize(("entry", "problem"), [
    ({"name": "Oslo", "kind": "city", "aliases": ["Oslo"]}, "kind must be one of"),
    ({"name": "Oslo", "kind": "place", "aliases": []}, "non-empty list"),
    ({"name": "Oslo", "kind": "place", "aliases": ["O"]}, "too short"),
    ({"name": "Oslo", "kind": "place"}, "missing aliases"),
])
def test_bad_entries_say_what_is_wrong(entry, problem):
    with pytest.raises(WatchlistError, match=problem):
        watchlist_from_dict({"gazetteer": [entry]})


def test_import_plans_gazetteer_changes_and_a_file_without_them_keeps_them():
    current = Watchlist(gazetteer=(GazetteerEntry("Oslo", "place", ("Oslo",)), GazetteerEntry("Rome", "place",
                                                                                              ("Rome",))))
    data = {"gazetteer": [{"name": "Oslo", "kind": "place", "aliases": ["Oslo", "اسلو"]},
                          {"name": "Doha", "kind": "place", "aliases": ["Doha"]}]}
    plan = plan_watchlist_import(current, data, replace=True)
    assert plan.added == ("Doha",) and plan.changed == ("Oslo",) and plan.removed_gazetteer == ("Rome",)
    assert [g.name for g in plan.gazetteer] == ["Oslo", "Doha"]
    assert plan_watchlist_import(current, {"officials": []}, replace=True).removed_gazetteer == ()


def test_the_automata_find_what_the_one_regex_finds():
    """Aho-Corasick hits equal the alternation regex's (longest whole alias first, then the
    longest stem, left to right without overlap) on the blind sets' texts, with their
    whitespace runs, newlines and tabs shuffled."""
    import json
    import random
    import re
    from pathlib import Path

    from core.gazetteer import Gazetteer, _reference_pattern, fold
    from storage.defaults import default_watchlist

    gazetteer = Gazetteer(default_watchlist().gazetteer)
    pattern = _reference_pattern(gazetteer)

    def reference(folded: str) -> list[tuple[str, int, int]]:
        hits = []
        for m in pattern.finditer(folded):
            text = re.sub(r"\s+", " ", m.group())
            entry = gazetteer._by_alias.get(text) or next(e for stem, e in gazetteer._stems if text.startswith(stem))
            hits.append((entry.name, m.start(), m.end()))
        return hits

    texts = []
    for path in sorted((Path(__file__).parents[2] / "benchmarks" / "blind_sets").glob("stories_*.json")):
        texts += [fold(f"{x['title']}\n\n{x['text']}") for x in json.loads(path.read_text("utf-8"))]
    rng = random.Random(5)
    words = " ".join(texts).split()
    texts += ["".join(rng.choice(["  ", "\n", " ", "\t ", " \n "]) + rng.choice(words) for _ in range(30))
              for _ in range(300)]
    for folded in texts:
        assert [(h.entry.name, h.start, h.end) for h in gazetteer.find(folded)] == reference(folded)
