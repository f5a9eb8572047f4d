"""The generated feeds benchmarks/ingest.py reads: N feeds of 50 items each (2-5 KB HTML bodies,
about 15 % Persian, about a third naming a tracked official), served from 127.0.0.1 with ETags.
The same (feed, serial) gives the same item in every process."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

ITEMS = 50
BASE_TIME = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)

_EN_OFFICIALS = ["Abbas Araghchi", "Steve Witkoff", "Masoud Pezeshkian", "Donald Trump", "Esmaeil Baqaei"]
_FA_OFFICIALS = ["عباس عراقچی", "استیو ویتکاف", "مسعود پزشکیان"]
_EN_TOPICS = ["nuclear talks in Muscat", "new sanctions on oil exports", "indirect negotiations", "the enrichment dispute"]
_FA_TOPICS = ["مذاکرات هسته‌ای در مسقط", "تحریم‌های نفتی", "مذاکرات غیرمستقیم"]
_EN_WORDS = ("market city council harbour rainfall budget school teachers bridge museum farmers league season "
             "hospital transit festival library orchestra ferry bakery rainfall airport cyclists").split()
_FA_WORDS = "بازار شهر شورا باران بودجه مدرسه معلمان پل موزه کشاورزان فصل بیمارستان جشنواره کتابخانه".split()


def _sentence(rng: random.Random, persian: bool, on_topic: bool) -> str:
    words = _FA_WORDS if persian else _EN_WORDS
    body = " ".join(rng.choice(words) for _ in range(rng.randint(10, 22)))
    if on_topic and rng.random() < 0.4:
        if persian:
            return f"{rng.choice(_FA_OFFICIALS)} درباره {rng.choice(_FA_TOPICS)} گفت {body}."
        return f"{rng.choice(_EN_OFFICIALS)} said on Tuesday that {rng.choice(_EN_TOPICS)} {body}."
    return (body + ".") if persian else (body[0].upper() + body[1:] + ".")


def make_item(feed: int, serial: int) -> dict:
    """One item, the same for the same (feed, serial) in every process."""
    rng = random.Random(feed * 1_000_003 + serial)
    persian = rng.random() < 0.15
    on_topic = rng.random() < 0.33
    size = rng.randint(2000, 5000)
    paragraphs, total = [], 0
    while total < size:
        para = " ".join(_sentence(rng, persian, on_topic) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        total += len(para.encode())
    title = _sentence(rng, persian, on_topic).rstrip(".")[:90]
    return {
        "title": title, "guid": f"feed{feed}-item{serial}", "link": f"https://news{feed}.example/a/{serial}",
        "html": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        "published": BASE_TIME + timedelta(minutes=serial),
    }


def make_feed(feed: int, generation: int, new_per_generation: int, items: int = ITEMS) -> bytes:
    """The feed's document at ``generation``: the newest ``items`` items, newest first."""
    top = items + generation * new_per_generation
    parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>',
             f"<title>Outlet {feed}</title><link>https://news{feed}.example/</link><description>bench</description>"]
    for serial in range(top - 1, top - items - 1, -1):
        it = make_item(feed, serial)
        parts.append(f"<item><title>{escape(it['title'])}</title><link>{it['link']}</link>"
                     f"<guid isPermaLink=\"false\">{it['guid']}</guid>"
                     f"<pubDate>{format_datetime(it['published'])}</pubDate>"
                     f"<description>{escape(it['html'])}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedSite:
    """Serves /feed/<i> at the current generation, with an ETag; GET /gen/<g> switches."""

    def __init__(self, feeds: int, new: int, items: int = ITEMS) -> None:
        self.feeds, self.new, self.items = feeds, new, items
        self.generation = 0
        self._cache: dict[tuple[int, int], bytes] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                parts = self.path.strip("/").split("/")
                if parts[0] == "gen":
                    site.generation = int(parts[1])
                    return self._send(200, b"ok", {})
                feed = int(parts[1])
                body = site.body(feed)
                etag = f'"{site.generation}"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", {"ETag": etag})
                self._send(200, body, {"ETag": etag, "Content-Type": "application/rss+xml"})

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]

    def body(self, feed: int) -> bytes:
        key = (feed, self.generation)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = make_feed(feed, self.generation, self.new, self.items)
            return self._cache[key]

    def warm(self, generations: int) -> None:
        for g in range(generations):
            self.generation = g
            for i in range(self.feeds):
                self.body(i)
        self.generation = 0

    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{self.port}/feed/{i}" for i in range(self.feeds)]

    def __enter__(self) -> FeedSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
