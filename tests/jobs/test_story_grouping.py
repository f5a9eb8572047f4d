"""Story grouping through storage: the same articles give the same stories in any arrival
order, one at a time, in waves or in one batch after downtime; a bridging article merges
two stories; candidates come from the signature index, not from reloading the window."""

from __future__ import annotations

import random
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from core.model import FeedEntry
from jobs.detector import DetectorCache
from jobs.grouping import group_new_articles
from storage import articles, feeds
from storage.defaults import default_watchlist, load_defaults_once
from storage.tables import Article, Feed, Story
from tests.core.story_cases import CASES, T0, published
from tests.jobs.story_fixtures import BRIDGE, EVENT, PERSIAN
from tests.jobs.story_ingest import ingest_cycle, reset_stories, stories_by_guid

# The bridge trio, more than two days before the other cases (the first at T0 - 6 h) but within the
# window's horizon of the last (T0 + 49 h): the wire report and the Persian one are linked only
# through BRIDGE. (At T0 - 60 h, an order that stored the last case first evicted the trio's first.)
TRIO = {"trio-wire": (EVENT[0], -57), "trio-persian": (PERSIAN, -56), "trio-bridge": (BRIDGE, -55)}
ALL = {**{k: (v[0], v[1], published(k), v[3], v[4]) for k, v in CASES.items()},
       **{k: ("trio", a["outlet"] + " ", T0 + timedelta(hours=h), a["title"], a["description"])
          for k, (a, h) in TRIO.items()}}
EXPECTED = sorted(sorted(k for k in ALL if ALL[k][0] == e) for e in {v[0] for v in ALL.values()})


def ingest(db, batches: list[list[str]]) -> tuple[list[list[str]], int]:
    """Store, detect and group each batch as one ingest cycle; returns (stories, merges)."""
    reset_stories(db)
    detector = DetectorCache()
    matcher = detector.matcher_for(default_watchlist())
    merges = 0
    with db.session() as s:
        load_defaults_once(s, T0 - timedelta(days=1), feeds=False)
        feed_of = {o: feeds.add_feed(s, f"https://feed{i}.example/rss", T0, title=o)[0].id
                   for i, o in enumerate(sorted({v[1] for v in ALL.values()}))}
    for batch in batches:
        now = max(ALL[k][2] for k in batch) + timedelta(minutes=5)
        items = [(feed_of[ALL[k][1]], k, ALL[k][3], ALL[k][4], ALL[k][2]) for k in batch]
        merges += len(ingest_cycle(db, matcher, detector.gazetteer, items, now).merged)
    return stories_by_guid(db), merges


def chronological() -> list[str]:
    return sorted(ALL, key=lambda k: (ALL[k][2], k))


def waves(hours: int) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for k in chronological():
        out.setdefault(int((ALL[k][2] - T0).total_seconds() // (hours * 3600)), []).append(k)
    return [out[n] for n in sorted(out)]


def test_one_event_one_story_in_any_order(db):
    orders = {"one batch": [list(ALL)], "six-hour waves": waves(6), "one by one": [[k] for k in chronological()],
              "reversed": [[k] for k in reversed(chronological())]}
    rng = random.Random(8)
    for n in range(4):
        keys = list(ALL)
        rng.shuffle(keys)
        orders[f"permutation {n}"] = [[k] for k in keys]
        orders[f"permuted batches {n}"] = [keys[i:i + 4] for i in range(0, len(keys), 4)]
    for name, batches in orders.items():
        stories, _ = ingest(db, batches)
        assert stories == EXPECTED, f"{name}: {stories}"


def test_a_bridging_article_merges_two_stories(db):
    stories, merges = ingest(db, [["trio-wire"], ["trio-persian"], ["trio-bridge"]])
    assert merges == 1 and ["trio-bridge", "trio-persian", "trio-wire"] in stories
    with db.session() as s:
        (kept,) = {sid for guid, sid in s.exec(select(Article.guid, Article.story_id)) if guid.startswith("trio")}
        absorbed = s.exec(select(Story).where(Story.merged_into == kept)).all()
    assert len(absorbed) == 1 and absorbed[0].id > kept  # the older story is kept


def test_candidates_come_from_the_window_in_memory(db, monkeypatch):
    """Grouping a new article takes a few statements, none per candidate or key, however many
    stories the window holds. (Counted as the driver runs them: most are given to it past
    SQLAlchemy; an executemany's rows are one statement.)"""
    ingest(db, [[k] for k in chronological() if k != "report-levant"])
    counted: list[str] = []

    def seen(sql: str) -> None:
        head = re.split(r"\b(?:VALUES|WHERE)\b", sql)[0]  # sqlite3 shows each row's values
        if sql.strip() not in (";", "BEGIN", "COMMIT") and (not counted or counted[-1] != head):
            counted.append(head)

    def start(s) -> None:
        if db.engine.dialect.name == "sqlite":  # each statement sqlite3 runs (an executemany's rows: one each)
            s.connection().connection.driver_connection.set_trace_callback(seen)
            return
        import psycopg  # ... and each statement given to psycopg (pipelined ones too)

        for name in ("execute", "executemany"):
            inner = getattr(psycopg.Cursor, name)
            monkeypatch.setattr(psycopg.Cursor, name, lambda self, query, *a, _inner=inner, **k: (
                seen(str(query)), _inner(self, query, *a, **k))[1])

    ingest_one(db, "report-levant", start)
    monkeypatch.undo()
    assert 0 < len(counted) <= 7, "\n".join(q[:90] for q in counted)


def ingest_one(db, key: str, before_grouping=lambda session: None) -> None:
    detector = DetectorCache()
    matcher = detector.matcher_for(default_watchlist())
    _, outlet, when, title, text = ALL[key]
    from core.analysis import analyze

    with db.session() as s:
        feed = s.exec(select(Feed).where(Feed.title == outlet)).first()
        (aid,) = articles.add_articles(s, feed.id, [FeedEntry(key, None, title, text, when)], when, alertable=True)
        analysis = analyze(matcher, title, text)
        articles.save_detection(s, aid, analysis.detection, analysis.summary)
        (view,) = articles.get_article_views(s, [aid])
        s.flush()
        before_grouping(s)
        group_new_articles(s, [(view, title, text)], detector.gazetteer, when)


SEIZURE = [
    ("Revolutionary Guards seize foreign tanker in the Strait of Hormuz",
     "Iran's Revolutionary Guards seized a foreign tanker in the Strait of Hormuz on Saturday, saying it carried "
     "smuggled fuel. The IRGC navy said the crew of twelve was being questioned."),
    ("IRGC navy seizes tanker near Hormuz over fuel smuggling",
     "The IRGC navy on Saturday seized a foreign-flagged tanker in the Strait of Hormuz, accusing it of smuggling "
     "fuel, Iranian media reported. Twelve crew members were detained."),
]


def test_an_event_naming_nothing_tracked_still_groups_but_plain_news_does_not(db):
    from core.gazetteer import compiled
    from jobs.decide import decide_signature

    gazetteer = compiled(default_watchlist().gazetteer)
    assert decide_signature("Harbour budget item 3", "The council discussed item 3.", T0, (), gazetteer, T0) is None
    sig = decide_signature(*SEIZURE[0], T0, (), gazetteer, T0)
    assert sig is not None and {"IRGC", "Strait of Hormuz"} <= sig.lead
    with db.session() as s:
        load_defaults_once(s, T0 - timedelta(days=1), feeds=False)
        feed = feeds.add_feed(s, "https://seizure.example/rss", T0, title="Wire")[0]
        ids = articles.add_articles(s, feed.id, [FeedEntry(f"s{i}", None, t, x, T0 + timedelta(hours=i))
                                                 for i, (t, x) in enumerate(SEIZURE)], T0, alertable=True)
        views = articles.get_article_views(s, ids)
        grouping = group_new_articles(s, [(v, *SEIZURE[i]) for i, v in enumerate(views)], gazetteer,
                                      T0 + timedelta(hours=2))
    assert len(set(grouping.story_of.values())) == 1 and len(grouping.story_of) == 2
