"""/search latency at 100,000 articles: storage.search.search_articles, p50/p95 per query kind.

Articles are generated (about 600 characters each, English with some Persian) and written
with plain multi-row INSERTs; the search index fills itself (SQLite triggers, PostgreSQL
generated column). Query kinds span selectivity: a word in nearly every article, one in
about 10 %, 1 %, 0.1 %, two words together, and a word in no article. Each query kind runs
``--repeat`` times, interleaved; the figure is the latency of the whole search_articles
call (query, snippets, highlight offsets) for the 10 newest hits. The same-run baseline is
a bare primary-key fetch of 10 rows (the floor of any search that returns 10 articles).

    .venv/bin/python benchmarks/search.py                                   # SQLite
    .venv/bin/python benchmarks/search.py --url postgresql+psycopg://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select, text  # noqa: E402

from storage.db import open_database  # noqa: E402
from storage.search import search_articles  # noqa: E402
from storage.tables import Article, Feed  # noqa: E402

FILLER = ("market city council harbour rainfall budget school teachers bridge museum farmers league season "
          "hospital transit festival library orchestra ferry bakery airport cyclists").split()
# word -> share of articles that contain it
MARKERS = {"talks": 0.9, "sanctions": 0.1, "enrichment": 0.01, "muscat": 0.001}
QUERIES = {
    "~90 %": "talks", "~10 %": "sanctions", "~1 %": "enrichment", "~0.1 %": "muscat",
    "two words": "talks sanctions", "no match": "zeppelin", "Persian": "عراقچی",
}


def build(db, n: int, seed: int) -> None:
    rng = random.Random(seed)
    now = datetime(2026, 11, 20, tzinfo=UTC)
    with db.session() as s:
        s.add(Feed(url="https://news.example/rss", title="Bench", added_at=now))
        s.commit()
        feed_id = s.exec(select(Feed.id)).scalar_one()
    rows = []
    for i in range(n):
        words = [rng.choice(FILLER) for _ in range(90)]
        for word, share in MARKERS.items():
            if rng.random() < share:
                words[rng.randrange(len(words))] = word
        if rng.random() < 0.15:
            words[rng.randrange(len(words))] = "عراقچی"
        rows.append({"feed_id": feed_id, "guid": f"g{i}", "link": f"https://news.example/{i}",
                     "content_hash": f"h{i}", "title": " ".join(words[:8]), "text": " ".join(words),
                     "summary": "", "published_at": now - timedelta(minutes=n - i), "fetched_at": now,
                     "alertable": True, "text_source": "feed"})
        if len(rows) == 2000:
            with db.session() as s:
                s.execute(insert(Article), rows)
            rows = []
    if rows:
        with db.session() as s:
            s.execute(insert(Article), rows)
    with db.engine.begin() as c:
        c.execute(text("ANALYZE"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--url", help="database URL (default: a new SQLite file); the database must be empty")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(args.url or f"sqlite:///{tmp}/search.db")
        started = time.perf_counter()
        build(db, args.articles, args.seed)
        print(f"{db.engine.dialect.name}: {args.articles:,} articles stored and indexed in "
              f"{time.perf_counter() - started:.0f} s")
        times: dict[str, list[float]] = {k: [] for k in [*QUERIES, "baseline: 10 rows by id"]}
        counts = {}
        for _ in range(args.repeat):
            for kind, query in QUERIES.items():
                with db.session() as s:
                    t = time.perf_counter()
                    hits = search_articles(s, query, limit=10)
                    times[kind].append(time.perf_counter() - t)
                counts[kind] = len(hits)
            with db.session() as s:
                t = time.perf_counter()
                s.exec(select(Article.id, Article.title, Article.text).order_by(Article.id.desc()).limit(10)).all()
                times["baseline: 10 rows by id"].append(time.perf_counter() - t)
        print("| query | hits shown | p50 ms | p95 ms | max ms |")
        print("|---|---|---|---|---|")
        for kind, values in times.items():
            values.sort()
            p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
            print(f"| {kind} | {counts.get(kind, 10)} | {1000 * statistics.median(values):.2f} | {1000 * p95:.2f} "
                  f"| {1000 * values[-1]:.2f} |")
        db.dispose()


if __name__ == "__main__":
    main()
