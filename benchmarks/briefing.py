"""Compose the daily briefings of many chats with different filters over stored articles.

Builds a fresh SQLite database (or uses --database) with N articles in stories across
outlets, each naming tracked officials and topics, then times in the same run:
  load     get_stories_since: the stories of the last 24 h with articles and mentions
  compose  compose_briefing for every chat (follows differ per chat), one shared BlockCache
and reports the peak memory (tracemalloc) of each phase.

    .venv/bin/python benchmarks/briefing.py [--articles 5000] [--chats 1000] [--database URL]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.briefing import BlockCache, ChatFilter, compose_briefing  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.defaults import default_watchlist  # noqa: E402
from storage.stories import get_stories_since  # noqa: E402
from storage.tables import Article, Feed, Mention, Story  # noqa: E402

NOW = datetime(2026, 11, 21, 8, tzinfo=UTC)
WORDS = ("talks envoy Muscat relief enrichment sanctions tanker ministry statement delegation round "
         "proposal framework verification inspectors deadline Vienna Geneva parliament").split()


def build(db, n_articles: int, rng: random.Random) -> None:
    wl = default_watchlist()
    officials = [o.name for o in wl.officials]
    topics = [t.name for t in wl.topics]
    with db.session() as s:
        feeds = [Feed(url=f"https://outlet{i}.example/rss", title=f"Outlet {i}") for i in range(60)]
        s.add_all(feeds)
        s.flush()
        made = 0
        while made < n_articles:
            size = min(rng.choice((1, 1, 1, 2, 2, 3, 4, 6)), n_articles - made)
            first = NOW - timedelta(minutes=rng.randrange(24 * 60))
            names = rng.sample(officials, rng.choice((1, 1, 2, 3))) + rng.sample(topics, rng.choice((0, 1, 2)))
            story = Story(title="", created_at=first, last_seen_at=first)
            s.add(story)
            s.flush()
            for k in range(size):
                made += 1
                title = " ".join(rng.choices(WORDS, k=8)).capitalize()
                when = min(first + timedelta(minutes=20 * k), NOW)
                article = Article(feed_id=rng.choice(feeds).id, link=f"https://news.example/{made}",
                                  content_hash=f"h{made}", title=title, text="",
                                  summary=" ".join(rng.choices(WORDS, k=60)).capitalize() + ".",
                                  published_at=when, fetched_at=when, story_id=story.id, fingerprint=made)
                s.add(article)
                s.flush()
                for name in names:
                    kind = "topic" if name in topics else "official"
                    sentence = f"{name} " + " ".join(rng.choices(WORDS, k=25)) + "."
                    s.add(Mention(article_id=article.id, name=name, kind=kind, text=name, start=0,
                                  end=len(name), sentence=sentence, how="alias"))
        s.flush()


def filters(n_chats: int, rng: random.Random) -> list[ChatFilter]:
    wl = default_watchlist()
    names = [o.name for o in wl.officials] + [t.name for t in wl.topics]
    out = []
    for i in range(n_chats):
        k = 0 if i % 5 == 0 else rng.choice((1, 1, 2, 3, 5))
        out.append(ChatFilter(frozenset(rng.sample(names, k))))
    return out


def measure(fn):
    """Wall time of one run, then peak traced memory of a second run (tracing slows Python down)."""
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    del result
    tracemalloc.start()
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, elapsed, peak


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--database", help="SQLAlchemy URL of an EMPTY database (default: temporary SQLite)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    tmp = tempfile.TemporaryDirectory()
    db = open_database(args.database or f"sqlite:///{tmp.name}/bench.db")
    build(db, args.articles, rng)
    chat_filters = filters(args.chats, rng)

    def load():
        with db.session() as s:
            return get_stories_since(s, NOW - timedelta(hours=24), NOW)

    stories, load_s, load_peak = measure(load)

    def compose():
        cache = BlockCache()
        return [compose_briefing(stories, f, day=NOW.date(), now=NOW, cache=cache) for f in chat_filters]

    briefings, compose_s, compose_peak = measure(compose)
    parts = sum(len(b) for b in briefings)
    chars = sum(len(p) for b in briefings for p in b)
    n_articles = sum(len(s.articles) for s in stories)
    print(f"database            {db.engine.url.get_backend_name()}")
    print(f"stories loaded      {len(stories)} ({n_articles} articles)")
    print(f"load                {load_s * 1000:8.1f} ms   peak {load_peak / 2**20:6.1f} MiB")
    print(f"compose {args.chats} chats  {compose_s * 1000:8.1f} ms   peak {compose_peak / 2**20:6.1f} MiB"
          f"   ({compose_s / args.chats * 1000:.2f} ms per chat)")
    print(f"output              {parts} messages, {chars / 1e6:.1f} M characters, "
          f"max part {max(len(p) for b in briefings for p in b)} chars")
    db.dispose()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
