"""Score detection on a blind set file through the path `briefbot analyze` takes.

Run: PTB_TIMEDELTA=1 .venv/bin/python tests/core/detect_score.py /work/blind/detect_part1.json [--wrong]

A case is ``{id, lang, style, multi, negative, pattern, text, officials, topics}``; its text
is given to ``bot.analyze_files.analyze_file`` as a plain-text file with the default
watchlist, exactly as `briefbot analyze FILE` would read it. Precision and recall per kind
are micro-averaged over (case, label) pairs. With ``--wrong`` every wrong case is listed;
``--by pattern|lang|style`` breaks the figures down.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.analyze_files import analyze_file  # noqa: E402
from core.detect import Matcher  # noqa: E402
from storage.defaults import default_watchlist  # noqa: E402

KINDS = ("officials", "topics")


def load_cases(path: str | Path) -> list[dict]:
    data = json.loads(Path(path).read_text("utf-8"))
    return data["cases"] if isinstance(data, dict) else data


def detect(matcher: Matcher, case: dict) -> dict[str, set[str]]:
    result = analyze_file(matcher, f"{case.get('id', 'case')}.txt", case["text"].encode("utf-8"))
    return {kind: set(result[kind]) for kind in KINDS}


def score(cases: list[dict], matcher: Matcher | None = None) -> tuple[dict, list[dict]]:
    """{kind: (precision, recall, f1, tp, fp, fn)} and the wrong cases with what was missed/extra."""
    matcher = matcher or Matcher(default_watchlist())
    counts = {kind: [0, 0, 0] for kind in KINDS}
    wrong = []
    for case in cases:
        got = detect(matcher, case)
        bad = {}
        for kind in KINDS:
            want = set(case.get(kind) or ())
            c = counts[kind]
            c[0] += len(want & got[kind])
            c[1] += len(got[kind] - want)
            c[2] += len(want - got[kind])
            if want != got[kind]:
                bad[kind] = (sorted(want - got[kind]), sorted(got[kind] - want))
        if bad:
            wrong.append({"case": case, "bad": bad})
    return {kind: _figures(*counts[kind]) for kind in KINDS}, wrong


def _figures(tp: int, fp: int, fn: int) -> tuple[float, float, float, int, int, int]:
    p = tp / ((tp + fp) or 1)
    r = tp / ((tp + fn) or 1)
    f = 2 * p * r / ((p + r) or 1)
    return p, r, f, tp, fp, fn


def _print(label: str, figures: dict) -> None:
    for kind, (p, r, f, tp, fp, fn) in figures.items():
        print(f"{label:24} {kind:9} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--wrong", action="store_true")
    parser.add_argument("--by", choices=("pattern", "lang", "style", "negative", "multi"))
    args = parser.parse_args()
    cases = load_cases(args.file)
    matcher = Matcher(default_watchlist())
    figures, wrong = score(cases, matcher)
    print(f"{len(cases)} cases from {args.file}")
    _print("all", figures)
    if args.by:
        groups = defaultdict(list)
        for c in cases:
            groups[str(c.get(args.by))].append(c)
        for key, group in sorted(groups.items()):
            _print(f"{args.by}={key}"[:24], score(group, matcher)[0])
    if args.wrong:
        for w in wrong:
            c = w["case"]
            print(f"\n[{c.get('id')}] {c.get('lang')} {c.get('pattern')}: {c['text'][:400]!r}")
            for kind, (missed, extra) in w["bad"].items():
                print(f"   {kind}: missed {missed} extra {extra}")


if __name__ == "__main__":
    main()
