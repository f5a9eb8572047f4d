"""Throughput of core.detect.Matcher beside a raw pyahocorasick scan of the same text.

Run: PTB_TIMEDELTA=1 .venv/bin/python benchmarks/detect.py [--mb 20] [--seed 7]
Instructions (repeatable on a noisy machine): run ``--instructions-part setup`` and ``scan`` under
callgrind with ``--code DIR`` (see benchmarks/README.md); the difference is the scan's count.

Articles are generated (English and Persian, with names, roles, possessives, captions and
topic words), so the run needs no data files and no network. Two corpora: every article
on-topic (mention density close to real Iran–US coverage), and a feed mix where one article
in five is on-topic and the rest is general news.
The raw scan iterates every match of an automaton holding the same keys over the same
articles, one article at a time, and does nothing else: the floor any matcher pays. Its keys
are lowercase, so on the articles as written it misses capitalised names; the second raw
figure scans ``text.lower()`` (lowering timed too), which finds what a case-insensitive
matcher must look at. The ratio is against the first, as the issue asked.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import ahocorasick

ROOT = Path(__file__).resolve().parent.parent
# "--code DIR" (used by --compare) times the matcher of another checkout on the same articles.
CODE = Path(sys.argv[sys.argv.index("--code") + 1]).resolve() if "--code" in sys.argv else ROOT
sys.path.insert(0, str(CODE))

from core.detect import Matcher, alias_keys  # noqa: E402
from core.model import Alias, Official, Watchlist  # noqa: E402
from core.normalize import normalize_key  # noqa: E402
from core.watchlist import watchlist_from_dict  # noqa: E402

WORDS = (
    "the a of to in and on for with that said officials week government new country "
    "minister statement state media report analysts meeting Tehran Washington regional economic "
    "pressure security council plan proposal response military visit capital policy "
    "would could after before during between against oil market "
    "sources people public future question issue members parliament vote reform budget region"
).split()
TEMPLATES = (
    "{name} said on {day} that {w} {w} {w} would not {w} the {w} {w}.",
    "In a statement, {role} warned that {w} {w} {w} {topic} {w} {w}.",
    "{Name2}’s remarks came as {w} {w} {w} in {place}, where {w} {w} {w}.",
    "“We are {w} {w} {w},” {name} told reporters, adding that {w} {w} {topic}.",
    "(Photo: {Name2} speaks in {place}. REUTERS/{Cap} {Cap})",
    "By {Cap} {Cap}, {w} correspondent",
    "{Cap} {Cap}, a {w} {w} analyst, said {w} {w} {w} {w} {w} {w} {w} {w}.",
    "The {w} {w} {w} {w} {w} {w} {w} {w} {w} {w} {w} {w} {w} {w}.",
    "گزارش‌ها حاکی است که {fa} درباره {fatopic} با خبرنگاران گفتگو کرد.",
)
PLACES = ["Muscat", "Geneva", "Rome", "Tehran", "Washington", "Doha", "the Gulf of Oman", "Vienna"]
TOPICS = ["talks", "sanctions", "negotiations", "the nuclear program", "maximum pressure", "a deal", "enrichment"]
FA_NAMES = ["عراقچی", "خامنه‌ای", "پزشکیان", "ترامپ", "قالیباف", "بقائی"]
FA_TOPICS = ["مذاکرات", "تحریم‌ها", "برنامه هسته‌ای", "توافق"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]



# A role's years ("Iran's foreign minister (2024-)": since when it is held) are data, not words
# coverage writes: the articles use the role's words alone.
_YEARS = re.compile(r"[ \t]*\([ \t]*\d{4}[ \t]*[-–][ \t]*(?:\d{4})?[ \t]*\)[ \t]*$")


def _no_years(role: str) -> str:
    return _YEARS.sub("", role)

def _cap(rng: random.Random) -> str:
    return "".join(rng.choice("bdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))).capitalize()


GENERAL = (
    "The {w} {w} of {Cap} {w} {w} {w} {w} on {day}, {w} {w} {w} {w} {w} {w}.",
    "{Cap} {Cap}, who {w} the {w} {w} in {Cap}, {w} {w} {w} {w} {w} {w} {w} {w}.",
    "Shares in {Cap} rose {n} percent after the {w} {w} {w} {w} {w} {w} {w} {w}.",
    "“It is a {w} {w} for {w} {w},” said {Cap} {Cap}, {w} of the {Cap} {Cap}.",
    "Temperatures in {Cap} reached {n} degrees as {w} {w} {w} {w} {w} {w}.",
)


def article(rng: random.Random, names: list[str], roles: list[str], on_topic: bool) -> str:
    """One article: on-topic ones mix news sentences with general prose at roughly the
    mention density of real Iran–US coverage (about 11,000 mentions per MB)."""
    slots = _Slots(rng, names, roles)
    if on_topic:
        lines = [f"{rng.choice(names)} {rng.choice(['says', 'rejects', 'backs'])} {rng.choice(TOPICS)}", ""]
    else:
        lines = [f"{_cap(rng)} {rng.choice(['wins', 'opens', 'plans'])} new {rng.choice(WORDS)}", ""]
    for _ in range(rng.randint(15, 35)):
        pool = TEMPLATES if on_topic and rng.random() < 0.7 else GENERAL
        lines.append(rng.choice(pool).format_map(slots))
    return "\n".join(lines)


def articles(rng: random.Random, names: list[str], roles: list[str], megabytes: float, share: float) -> list[str]:
    """Articles until ``megabytes``; ``share`` of them on Iran–US diplomacy."""
    out, size = [], 0
    while size < megabytes * 1_000_000:
        text = article(rng, names, roles, rng.random() < share)
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


class _Slots(dict):
    def __init__(self, rng, names, roles):
        super().__init__()
        self.rng, self.names, self.roles = rng, names, roles

    def __missing__(self, key):
        r = self.rng
        return {
            "name": lambda: r.choice(self.names),
            "Name2": lambda: r.choice(self.names),
            "role": lambda: r.choice(self.roles),
            "w": lambda: r.choice(WORDS),
            "topic": lambda: r.choice(TOPICS),
            "place": lambda: r.choice(PLACES),
            "Cap": lambda: _cap(r),
            "day": lambda: r.choice(DAYS),
            "fa": lambda: r.choice(FA_NAMES),
            "fatopic": lambda: r.choice(FA_TOPICS),
            "n": lambda: str(r.randint(2, 40)),
        }[key]()


def synthetic_watchlist(rng: random.Random, base: Watchlist, n_aliases: int) -> Watchlist:
    officials = list(base.officials)
    count = sum(len(o.aliases) for o in officials)
    while count < n_aliases:
        first, last = _cap(rng), _cap(rng) + rng.choice(["i", "ian", "zadeh", "pour", "son"])
        officials.append(
            Official(f"{first} {last}", (Alias(f"{first} {last}"), Alias(last)), (f"{last} Council chief",))
        )
        count += 2
    return Watchlist(tuple(officials), base.topics)


def raw_automaton(w: Watchlist) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    keys = set()
    for o in w.officials:
        for al in o.aliases:
            keys |= alias_keys(al.text)
        keys |= {normalize_key(r) for r in o.roles}
    for t in w.topics:
        keys |= {normalize_key(x).rstrip("*") for g in t.groups for x in g}
        keys |= {normalize_key(x) for x in t.exclude}
    for i, k in enumerate(keys):
        a.add_word(k, i)
    a.make_automaton()
    return a


def _best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def measure(label: str, w: Watchlist, texts: list[str], runs: int) -> None:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    matcher = Matcher(w)
    build = time.perf_counter() - t0
    matcher.scan(WARM_UP)
    raw = raw_automaton(w)
    counts = {}

    def raw_scan():
        counts["hits"] = sum(1 for t in texts for _ in raw.iter(t))

    def raw_lower_scan():
        counts["lower hits"] = sum(1 for t in texts for _ in raw.iter(t.lower()))

    def matcher_scan():
        counts["mentions"] = sum(len(matcher.scan(t).mentions) for t in texts)

    raw_s = _best_of(runs, raw_scan)
    lower_s = _best_of(runs, raw_lower_scan)
    scan_s = _best_of(runs, matcher_scan)
    print(
        f"{label:<36} build={build:5.2f}s  {mb:4.1f} MB  raw pyahocorasick {mb / raw_s:6.1f} MB/s "
        f"({counts['hits'] / mb:6.0f} hits/MB), on lowered text {mb / lower_s:6.1f} MB/s "
        f"({counts['lower hits'] / mb:6.0f} hits/MB)  Matcher.scan {mb / scan_s:5.1f} MB/s "
        f"({counts['mentions'] / mb:6.0f} mentions/MB)  ratio {raw_s / scan_s:.2f} ({lower_s / scan_s:.2f})"
    )


def _watchlist(root: Path, sections: tuple[str, ...] = ("officials", "topics")) -> Watchlist:
    """A checkout's default watchlist: its officials and topics (later sections, such as the
    stories gazetteer, are not the matcher's)."""
    data = tomllib.loads((root / "storage/defaults/watchlist.toml").read_text("utf-8"))
    if root != CODE:  # names only, in the keys every checkout knows (not this one's descriptions)
        data["officials"] = [{k: o[k] for k in ("name", "aliases", "roles") if k in o} for o in data["officials"]]
    return watchlist_from_dict({k: v for k, v in data.items() if k in sections})


def _corpora(args) -> list[tuple[str, Watchlist, list[str]]]:
    """The four (watchlist, corpus) pairs; names come from this checkout's default watchlist so
    that --compare times both sides on the same articles, each with its own watchlist file."""
    rng = random.Random(args.seed)
    own = _watchlist(ROOT, ("officials",))  # names only: the other checkout may not know this one's topic rules
    default = _watchlist(CODE)
    names = [a.text for o in own.officials for a in o.aliases if a.text.isascii()] + ["Araghci", "Baqaie"]
    roles = [_no_years(r) for o in own.officials for r in o.roles if r.isascii()]
    big = synthetic_watchlist(rng, default, 5000)
    big_names = names + [o.name for o in big.officials[len(default.officials) :]][:3000]
    out = []
    for share, corpus in ((1.0, "on-topic"), (0.2, "feed mix")):
        out.append((f"default, {corpus}", default, articles(rng, names, roles, args.mb, share)))
        out.append((f"5,000 aliases, {corpus}", big, articles(rng, big_names, roles, args.mb, share)))
    return out


# Scanned once, untimed, by every matcher before its timed pass: one-time lazy set-up (the
# Unicode table core.normalize builds on the first non-ASCII text, country patterns compiled
# on first use: "@foreign only", and "@about" for the last sentence) belongs to start-up, not
# to the cost per MB of a long-lived matcher.
WARM_UP = (
    "Pakistan tested a nuclear bomb. Talks resumed in Geneva. مذاکرات ادامه دارد."
    " Washington imposed sanctions on Venezuela."
)


def child(args) -> None:
    """One timed pass per corpus (process CPU time), printed as JSON for --compare."""
    result = {}
    for label, w, texts in _corpora(args):
        matcher = Matcher(w)
        matcher.scan(WARM_UP)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        t0 = time.process_time()
        for t in texts:
            matcher.scan(t)
        result[label] = (time.process_time() - t0) / mb  # CPU seconds per MB
    print(json.dumps(result))


def instructions_part(args) -> None:
    """One part of an instruction count (run it under callgrind, once per part): build ``--code``'s
    matcher and scan the on-topic corpus ("scan"), or do everything but the scan ("setup"); the
    difference of the two runs' instruction counts is the scan's. Names come from this checkout, so
    every ``--code`` scans the same articles."""
    rng = random.Random(args.seed)
    own = _watchlist(ROOT, ("officials",))
    names = [a.text for o in own.officials for a in o.aliases if a.text.isascii()] + ["Araghci", "Baqaie"]
    roles = [_no_years(r) for o in own.officials for r in o.roles if r.isascii()]
    texts = articles(rng, names, roles, args.mb, 1.0)
    matcher = Matcher(_watchlist(CODE))
    matcher.scan(WARM_UP)
    mentions = sum(len(matcher.scan(t).mentions) for t in texts) if args.instructions_part == "scan" else 0
    print(json.dumps({"mb": sum(len(t.encode("utf-8")) for t in texts) / 1e6, "mentions": mentions}))


def compare(args) -> None:
    """Interleave runs of another checkout's matcher (``--compare DIR``) and this one, each in a
    fresh process on the same articles; report min and median CPU ms per MB of each."""
    sides = {"before": str(Path(args.compare).resolve()), "after": str(ROOT)}
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for i in range(args.rounds):
        for side in (("before", "after") if i % 2 == 0 else ("after", "before")):
            cmd = [sys.executable, __file__, "--child", "--code", sides[side], "--mb", str(args.mb), "--seed", str(args.seed)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            runs[side].append(json.loads(out.strip().splitlines()[-1]))
    print(f"python {sys.version.split()[0]}, {args.mb:g} MB per corpus, {args.rounds} interleaved rounds, "
          f"CPU ms per MB (lower is better); before = {sides['before']}")
    for label in runs["after"][0]:
        b = [r[label] * 1000 for r in runs["before"]]
        a = [r[label] * 1000 for r in runs["after"]]
        print(f"{label:<26} before min {min(b):6.1f} median {statistics.median(b):6.1f}   "
              f"after min {min(a):6.1f} median {statistics.median(a):6.1f}   "
              f"change (min) {100 * (min(a) / min(b) - 1):+5.1f} %  (median) "
              f"{100 * (statistics.median(a) / statistics.median(b) - 1):+5.1f} %")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="MB of text per corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=2, help="timed runs; the best is reported")
    ap.add_argument("--compare", metavar="DIR", help="another checkout to time against, interleaved")
    ap.add_argument("--rounds", type=int, default=5, help="with --compare: interleaved rounds per side")
    ap.add_argument("--instructions-part", choices=("setup", "scan"),
                    help="run under callgrind: the on-topic corpus with --code's matcher, scanned or not")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    if args.instructions_part:
        instructions_part(args)
        return
    if args.compare:
        compare(args)
        return
    rng = random.Random(args.seed)
    default = _watchlist(ROOT)
    names = [a.text for o in default.officials for a in o.aliases if a.text.isascii()] + ["Araghci", "Baqaie"]
    roles = [_no_years(r) for o in default.officials for r in o.roles if r.isascii()]
    big = synthetic_watchlist(rng, default, 5000)
    big_names = names + [o.name for o in big.officials[len(default.officials) :]][:3000]
    print(f"python {sys.version.split()[0]}, {args.mb:.0f} MB of generated articles per corpus, best of {args.runs}")
    for share, corpus in ((1.0, "on-topic"), (0.2, "feed mix 20% on-topic")):
        measure(f"default, {corpus}", default, articles(rng, names, roles, args.mb, share), args.runs)
        measure(f"5,000 aliases, {corpus}", big, articles(rng, big_names, roles, args.mb, share), args.runs)


if __name__ == "__main__":
    main()
