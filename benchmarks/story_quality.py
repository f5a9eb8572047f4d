"""Story grouping quality on a labelled set of articles, through the real pipeline path.

Each article is stored under its outlet's feed, detected with the default watchlist,
and grouped exactly as ingest does (storage.articles -> core.analysis ->
jobs.grouping), in waves of ``--waves`` hours of publication time (each wave is one
ingest cycle whose clock is the end of the wave). Scores: pairwise precision/recall and
B-cubed precision/recall/F1 of the stories against the events.

    .venv/bin/python benchmarks/story_quality.py FILE.json [--key KEY.json] [--waves 6] [--batch] [-v]

FILE is a JSON list of {id, event?, outlet, lang, style, published, title, text} (or
{"articles": [...]}); KEY, when given, maps id -> event (or is a list of {id, event}).
An article that matches no official or topic is never alerted and is its own story.
Runs on the code in the current directory, so the same command scores an older commit
from its worktree (``PYTHONPATH=. /path/to/.venv/bin/python .../story_quality.py``).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from core.analysis import analyze  # noqa: E402
from core.model import FeedEntry  # noqa: E402
from jobs.detector import DetectorCache  # noqa: E402
from storage import articles as article_store  # noqa: E402
from storage import feeds as feed_store  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.defaults import default_watchlist, load_defaults_once  # noqa: E402
from storage.tables import Article  # noqa: E402


def load(path: str, key: str | None) -> list[dict]:
    data = json.loads(Path(path).read_text("utf-8"))
    items = data["articles"] if isinstance(data, dict) else data
    if key:
        labels = json.loads(Path(key).read_text("utf-8"))
        if isinstance(labels, list):
            labels = {x["id"]: x["event"] for x in labels}
        elif "articles" in labels or "events" in labels:
            labels = labels.get("articles") or labels.get("events")
            labels = labels if isinstance(labels, dict) else {x["id"]: x["event"] for x in labels}
        for item in items:
            item["event"] = labels[item["id"]]
    return items


def when(value: str) -> datetime:
    at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _grouper():
    """The story-assignment call of the code under test (new, or the pre-redesign one)."""
    try:
        from jobs.grouping import group_new_articles
    except ImportError:  # before the redesign: ingest's own helper and SimHash fingerprints
        from core.analysis import scan_text
        from core.stories import fingerprint
        from jobs.ingest import _assign_stories

        def old(session, items, _gazetteer, now):
            prints = {v.id: fingerprint(scan_text(t, x)) for v, t, x in items if v.mentions}
            _assign_stories(session, [v for v, _, _ in items if v.id in prints], prints, now)
        return old, None
    return group_new_articles, "gazetteer"


@functools.cache
def _template() -> str:
    """This process's SQLite file with the schema and the default watchlist in it (``_empty_sqlite`` copies it)."""
    template = f"{tempfile.mkdtemp(prefix='story-quality-template-')}/t.db"
    db = open_database(f"sqlite:///{template}")
    with db.session() as s:
        load_defaults_once(s, datetime(2000, 1, 1, tzinfo=UTC), feeds=False)
    db.dispose()
    return template


def _empty_sqlite(path: str) -> str:
    """A new SQLite database at ``path``, migrated and with the default watchlist loaded, as a copy of a
    template made once per process: migrating and loading the watchlist cost most of a small set's run.
    (``run`` still calls ``load_defaults_once``, which finds them loaded.)"""
    shutil.copyfile(_template(), path)
    return f"sqlite:///{path}"


def run(items: list[dict], waves_hours: float | None, db_url: str | None = None, seed: int | None = None
        ) -> dict[str, int | None]:
    """Ingest ``items`` wave by wave; returns article id -> story id (None: no story)."""
    tmp = tempfile.mkdtemp(prefix="story-quality-")
    db = open_database(db_url or _empty_sqlite(f"{tmp}/q.db"))
    detector = DetectorCache()
    matcher = detector.matcher_for(default_watchlist())
    group, needs_gazetteer = _grouper()
    gazetteer = detector.gazetteer if needs_gazetteer else None
    items = sorted(items, key=lambda x: (when(x["published"]), x["id"]))
    start = when(items[0]["published"])
    waves: dict[int, list[dict]] = defaultdict(list)
    for item in items:
        n = 0 if waves_hours is None else int((when(item["published"]) - start) / timedelta(hours=waves_hours))
        waves[n].append(item)
    with db.session() as s:
        load_defaults_once(s, start - timedelta(days=1), feeds=False)
        feed_ids = {o: feed_store.add_feed(s, f"https://feed{i}.example/rss", start - timedelta(days=1),
                                           title=o)[0].id for i, o in enumerate(sorted({x["outlet"] for x in items}))}
    rng = random.Random(seed)
    for n in sorted(waves):
        now = (start + timedelta(hours=waves_hours * (n + 1)) if waves_hours is not None
               else when(items[-1]["published"]) + timedelta(minutes=1))
        batch = waves[n]
        if seed is not None:
            rng.shuffle(batch)
        by_feed: dict[str, list[dict]] = defaultdict(list)
        for item in batch:
            by_feed[item["outlet"]].append(item)
        outlets = list(by_feed)
        if seed is not None:
            rng.shuffle(outlets)
        for outlet in outlets:  # one transaction per feed, as ingest does
            with db.session() as s:
                entries = [FeedEntry(guid=x["id"], link=f"https://example.org/{x['id']}", title=x["title"],
                                     text=x["text"], published=when(x["published"])) for x in by_feed[outlet]]
                new_ids = article_store.add_articles(s, feed_ids[outlet], entries, now, alertable=True)
                texts = {}
                for aid, title, text in article_store.get_article_texts(s, new_ids):
                    analysis = analyze(matcher, title, text)
                    article_store.save_detection(s, aid, analysis.detection, analysis.summary)
                    texts[aid] = (title, text)
                views = article_store.get_article_views(s, new_ids)
                group(s, [(v, *texts[v.id]) for v in views], gazetteer, now)
    with db.session() as s:
        rows = s.exec(Article.__table__.select()).all()
        out = {r.guid: r.story_id for r in rows}  # the guid is the item's id
    db.dispose()
    return out


def score(items: list[dict], story_of: dict[str, int | None]) -> dict[str, float]:
    event = {x["id"]: x["event"] for x in items}
    cluster = {i: (f"s{story_of[i]}" if story_of.get(i) is not None else f"a{i}") for i in event}
    tp = fp = fn = 0
    for a, b in combinations(sorted(event), 2):
        same_e, same_c = event[a] == event[b], cluster[a] == cluster[b]
        tp += same_e and same_c
        fp += same_c and not same_e
        fn += same_e and not same_c
    by_e, by_c = Counter(event.values()), Counter(cluster.values())
    both = Counter((event[i], cluster[i]) for i in event)
    bp = sum(both[(event[i], cluster[i])] / by_c[cluster[i]] for i in event) / len(event)
    br = sum(both[(event[i], cluster[i])] / by_e[event[i]] for i in event) / len(event)
    return {"articles": len(event), "events": len(by_e), "stories": len(by_c),
            "pairwise_precision": tp / (tp + fp) if tp + fp else 1.0,
            "pairwise_recall": tp / (tp + fn) if tp + fn else 1.0,
            "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": 2 * bp * br / (bp + br)}


def report(items: list[dict], story_of: dict[str, int | None]) -> list[str]:
    """Each predicted story that mixes events, and each event split over stories."""
    event = {x["id"]: x["event"] for x in items}
    lines = []
    stories: dict[object, list[str]] = defaultdict(list)
    for i in event:
        stories[story_of.get(i) or f"none:{i}"].append(i)
    for sid, members in sorted(stories.items(), key=lambda kv: str(kv[0])):
        if len({event[m] for m in members}) > 1:
            lines.append(f"MIXED story {sid}: " + ", ".join(f"{m}({event[m]})" for m in sorted(members)))
    for e in sorted(set(event.values())):
        parts = defaultdict(list)
        for i in event:
            if event[i] == e:
                parts[story_of.get(i) or f"none:{i}"].append(i)
        if len(parts) > 1:
            lines.append(f"SPLIT event {e}: " + " | ".join(",".join(sorted(p)) for p in parts.values()))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--key")
    parser.add_argument("--waves", type=float, default=6.0, help="hours of publication time per ingest cycle")
    parser.add_argument("--batch", action="store_true", help="everything in one cycle (after downtime)")
    parser.add_argument("--seed", type=int, help="shuffle the order within each wave and feed")
    parser.add_argument("--database", help="SQLAlchemy URL of an empty database (default: a temporary SQLite)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list mixed stories and split events")
    args = parser.parse_args()
    items = load(args.file, args.key)
    story_of = run(items, None if args.batch else args.waves, args.database, args.seed)
    result = score(items, story_of)
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}))
    if args.verbose:
        print("\n".join(report(items, story_of)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
