"""The generated feeds benchmarks/ingest.py reads: N feeds of 50 items each (2-5 KB HTML bodies,
about 15 % Persian, about a third naming a tracked official and reporting one of the events of
its time), served from 127.0.0.1 with ETags.
The same (feed, serial) gives the same item in every process."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
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


def _pseudo_words(syllables: list[str], n: int, seed: int) -> list[str]:
    """``n`` distinct made-up words of two or three syllables (the same in every process)."""
    rng, words = random.Random(seed), set()
    while len(words) < n:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))))
    return sorted(words)


# The ``events`` corpus (the default): filler from a vocabulary of news-text size, and each
# on-topic item reports one of the events of its time, with that event's official, topic and
# words, so outlets' articles group into many stories as real coverage does. The ``one-story``
# corpus (``--corpus one-story``, the bench before 2026-12-04 afternoon) drew every text from the
# 22 filler words above and the same officials and topics within 50 minutes: every story article
# linked to every other, one story of ~1,640 articles with ~100,000 links at 100 feeds.
_EN_SYLLABLES = "ba ca da fe ga hi jo ka le mi no pa qui ro sa te vu wa xe yo zi lan mor tes ver den".split()
_FA_SYLLABLES = "با تا ری زا سو فر کم لی مو نا وی هر دان گل شه پر".split()
_EN_FILLER = _pseudo_words(_EN_SYLLABLES, 3000, 1)
_FA_FILLER = _pseudo_words(_FA_SYLLABLES, 1500, 2)
# An event's topic (English and Persian alike) and place: leads that name different places are
# never one story, as with real coverage of talks in Geneva and sanctions talk in Doha. Its
# sentences name both countries, as coverage of Iran-US diplomacy does.
_EVENT_TOPICS = [("nuclear talks", "مذاکرات هسته‌ای"), ("new sanctions on oil exports", "تحریم‌های نفتی"),
                 ("indirect negotiations", "مذاکرات غیرمستقیم")]
_EVENT_PLACES = [("Geneva", "ژنو"), ("Rome", "رم"), ("Vienna", "وین"), ("Doha", "دوحه"), ("Cairo", "قاهره"),
                 ("Baghdad", "بغداد"), ("Islamabad", "اسلام‌آباد"), ("Istanbul", "استانبول"), ("Oslo", "اسلو"),
                 ("New York", "نیویورک"), ("Brussels", "بروکسل"), ("Muscat", "مسقط")]
_EVENT_SLOT_MINUTES = 10  # each slot of this many minutes has its own events ...
_EVENTS_PER_SLOT = 12  # ... this many, each reported by whichever outlets pick it


@dataclass(frozen=True)
class _Event:
    official: int  # index into _EN_OFFICIALS (and _FA_OFFICIALS when it has a Persian spelling)
    topic: int
    place: int
    words_en: tuple[str, ...]
    words_fa: tuple[str, ...]


def _event(serial: int, pick: int) -> _Event:
    rng = random.Random((serial // _EVENT_SLOT_MINUTES) * 1_000 + pick)
    return _Event(rng.randrange(len(_FA_OFFICIALS)), rng.randrange(len(_EVENT_TOPICS)), rng.randrange(len(_EVENT_PLACES)),
                  tuple(rng.sample(_EN_FILLER, 8)), tuple(rng.sample(_FA_FILLER, 8)))


def _sentence(rng: random.Random, persian: bool, on_topic: bool) -> str:
    words = _FA_WORDS if persian else _EN_WORDS
    body = " ".join(rng.choice(words) for _ in range(rng.randint(10, 22)))
    if on_topic and rng.random() < 0.4:
        if persian:
            return f"{rng.choice(_FA_OFFICIALS)} درباره {rng.choice(_FA_TOPICS)} گفت {body}."
        return f"{rng.choice(_EN_OFFICIALS)} said on Tuesday that {rng.choice(_EN_TOPICS)} {body}."
    return (body + ".") if persian else (body[0].upper() + body[1:] + ".")


def _event_sentence(rng: random.Random, persian: bool, event: _Event | None) -> str:
    filler = _FA_FILLER if persian else _EN_FILLER
    body = [rng.choice(filler) for _ in range(rng.randint(10, 22))]
    if event is not None and rng.random() < 0.4:
        own = event.words_fa if persian else event.words_en
        for i in rng.sample(range(len(body)), 4):
            body[i] = rng.choice(own)
        text = " ".join(body)
        if persian:
            return (f"{_FA_OFFICIALS[event.official]} روز سه‌شنبه در {_EVENT_PLACES[event.place][1]} درباره "
                    f"{_EVENT_TOPICS[event.topic][1]} ایران و آمریکا گفت {text}.")
        return (f"{_EN_OFFICIALS[event.official]} said on Tuesday in {_EVENT_PLACES[event.place][0]} that "
                f"{_EVENT_TOPICS[event.topic][0]} between Iran and the United States {text}.")
    text = " ".join(body)
    return (text + ".") if persian else (text[0].upper() + text[1:] + ".")


def bench_now(spacing: int = 1) -> datetime:
    """When the first fetch happens: the newest item of the first generation is 23 h 11 min old
    (whatever ``spacing``), as the bench always had it."""
    return BASE_TIME + timedelta(days=1) + timedelta(minutes=(ITEMS - 1) * (spacing - 1))


def make_item(feed: int, serial: int, corpus: str = "events", spacing: int = 1) -> dict:
    """One item, the same for the same (feed, serial, corpus) in every process; published
    ``spacing`` minutes after the one before it."""
    rng = random.Random(feed * 1_000_003 + serial)
    persian = rng.random() < 0.15
    on_topic = rng.random() < 0.33
    size = rng.randint(2000, 5000)
    if corpus == "events":
        event = _event(serial, rng.randrange(_EVENTS_PER_SLOT)) if on_topic else None
        sentence = lambda: _event_sentence(rng, persian, event)  # noqa: E731
    else:
        sentence = lambda: _sentence(rng, persian, on_topic)  # noqa: E731
    paragraphs, total = [], 0
    while total < size:
        para = " ".join(sentence() for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        total += len(para.encode())
    title = sentence().rstrip(".")[:90]
    return {
        "title": title, "guid": f"feed{feed}-item{serial}", "link": f"https://news{feed}.example/a/{serial}",
        "html": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        "published": BASE_TIME + timedelta(minutes=serial * spacing),
    }


def make_feed(feed: int, generation: int, new_per_generation: int, items: int = ITEMS, corpus: str = "events",
              spacing: int = 1) -> bytes:
    """The feed's document at ``generation``: the newest ``items`` items, newest first."""
    top = items + generation * new_per_generation
    parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>',
             f"<title>Outlet {feed}</title><link>https://news{feed}.example/</link><description>bench</description>"]
    for serial in range(top - 1, top - items - 1, -1):
        it = make_item(feed, serial, corpus, spacing)
        parts.append(f"<item><title>{escape(it['title'])}</title><link>{it['link']}</link>"
                     f"<guid isPermaLink=\"false\">{it['guid']}</guid>"
                     f"<pubDate>{format_datetime(it['published'])}</pubDate>"
                     f"<description>{escape(it['html'])}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedSite:
    """Serves /feed/<i> at the current generation, with an ETag; GET /gen/<g> switches."""

    def __init__(self, feeds: int, new: int, items: int = ITEMS, corpus: str = "events", spacing: int = 1) -> None:
        self.feeds, self.new, self.items, self.corpus, self.spacing = feeds, new, items, corpus, spacing
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
                self._cache[key] = make_feed(feed, self.generation, self.new, self.items, self.corpus,
                                                     self.spacing)
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
