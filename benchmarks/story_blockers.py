"""What keeps same-event articles apart on the issue-8 blind sets: a census of the blockers, to plan recall work.

Each set's articles are signed with the default watchlist and linked pair by pair (``core.stories.link``, word
weights of that set alone, no pipeline, no database); the links' components stand for its stories. For each pair
of one event left in two components, the first thing in the way is counted:

- ``hard:<reason>``: different days or places (``_hard_conflict``);
- ``conflict:<what>``: a name only one lead gives that the other article never mentions, by what it is (person,
  place, body); ``:samePrim``/``:diffPrim``/``:onePrim``/``:noPrim`` say whether both leads say first one kind,
  ``:xlang`` that the two are in different languages, ``:first`` that the name is whom a lead names first;
- ``veto:<rules>``: ``_link`` found a link and a later rule of ``link`` refused it;
- ``noroute:<lang>:<day>``: nothing conflicts and no route links them.

    PYTHONPATH=. .venv/bin/python benchmarks/story_blockers.py [--sets 'benchmarks/blind_sets/stories_*part*.json']

Prints one line per blocker, most common first, with up to four pairs (set:id-id) to read with the set's key.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

import core.stories as st  # noqa: E402
from core.analysis import analyze  # noqa: E402
from core.signature import Signature  # noqa: E402
from core.textsim import idf  # noqa: E402
from jobs.decide import decide_signature  # noqa: E402
from jobs.detector import DetectorCache  # noqa: E402
from storage.defaults import default_watchlist  # noqa: E402


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def signatures(items: list[dict], detector: DetectorCache) -> dict[str, Signature]:
    """Each article's signature as ingest decides it (keys in the set's order), or none when it is no one's news."""
    matcher = detector.matcher_for(default_watchlist())
    out = {}
    for key, item in enumerate(items, start=1):
        published = _when(item["published"])
        mentions = analyze(matcher, item["title"], item["text"]).detection.mentions
        sig = decide_signature(item["title"], item["text"], published, mentions, detector.gazetteer, published,
                               outlet=item["outlet"])
        if sig is not None:
            out[item["id"]] = dataclasses.replace(sig, key=key)
    return out


def blocker(a: Signature, b: Signature, weight) -> str:
    """The first thing that keeps two articles of one event apart (see the module's docstring)."""
    if a.key > b.key:
        a, b = b, a
    hard = st._hard_conflict(a, b)
    if hard:
        return f"hard:{hard}"
    reason, unexplained = st._conflict(a, b)
    if reason:
        if not unexplained:
            return f"conflict:other:{reason[:30]}"
        kinds = {"person" if u in a.officials | b.officials | a.people | b.people
                 else "place" if u in a.places | b.places
                 else "body" if u in a.organisations | b.organisations else "other" for u in unexplained}
        label = "conflict:" + "+".join(sorted(kinds))
        if kinds == {"person"}:
            label += (":samePrim" if a.primary and a.primary == b.primary
                      else ":diffPrim" if a.primary and b.primary else ":onePrim" if a.primary or b.primary
                      else ":noPrim")
            label += ":xlang" if a.lang != b.lang else ""
            label += ":first" if unexplained & {a.first, b.first} else ""
        return label
    if st._link(a, b, weight) is not None:
        return "veto:" + ",".join(rule.__name__ for rule in st.LAST_RULES if rule(a, b))
    day = ":sameday" if a.day and a.day == b.day else ":day?" if not (a.day and b.day) else ""
    return "noroute:" + ("xlang" if a.lang != b.lang else "same-lang") + day


def census(path: str, detector: DetectorCache, counts: Counter, examples: dict[str, list[str]]) -> None:
    """Count one set's blockers between the components of each event."""
    data = json.loads(Path(path).read_text("utf-8"))
    items = data["articles"] if isinstance(data, dict) else data
    sigs = signatures(items, detector)
    event = {x["id"]: x["event"] for x in items}
    df = Counter(t for s in sigs.values() for t in s.terms)
    weight = lambda term: idf(df[term], len(sigs))  # noqa: E731
    parent = {i: i for i in sigs}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i
    for x, y in combinations(sorted(sigs), 2):
        if st.link(sigs[x], sigs[y], weight) is not None:
            parent[root(x)] = root(y)
    name = Path(path).stem.removeprefix("stories_")
    for x, y in combinations(sorted(sigs), 2):
        if event[x] == event[y] and root(x) != root(y):
            label = blocker(sigs[x], sigs[y], weight)
            counts[label] += 1
            examples[label].append(f"{name}:{x}-{y}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="benchmarks/blind_sets/stories_*part*.json", help="glob of set files")
    parser.add_argument("--most", type=int, default=40, help="how many blockers to print")
    args = parser.parse_args()
    paths = sorted(p for p in glob.glob(args.sets) if p.endswith(".json"))
    if not paths:
        print(f"no set matches {args.sets!r}: give --sets a glob of blind-set JSON files", file=sys.stderr)
        return 2
    detector = DetectorCache()
    counts: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        try:
            census(path, detector, counts, examples)
        except (OSError, ValueError, KeyError, TypeError) as exc:  # unreadable, not JSON, or an article lacking a field
            print(f"{path}: not a blind set ({type(exc).__name__}: {exc}); each article needs id, event, outlet,"
                  " published, title and text", file=sys.stderr)
            return 2
    print(f"{sum(counts.values())} same-event pairs left in different components of {len(paths)} sets")
    for label, n in counts.most_common(args.most):
        print(f"{n:5d} {label}   e.g. {' '.join(examples[label][:4])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
