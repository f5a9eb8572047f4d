"""Score summaries on a blind page set: the summary must open with the page's lead sentence and
contain none of its furniture lines.

Run: PTB_TIMEDELTA=1 .venv/bin/python tests/core/summary_score.py /work/blind/summary_part1.json

A page is ``{id, lang, text, lead, furniture}``; its text goes through `briefbot analyze` as a
plain-text file with the default watchlist.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.analyze_files import analyze_file  # noqa: E402
from core.boilerplate import normalize_for_match  # noqa: E402
from core.detect import Matcher  # noqa: E402
from storage.defaults import default_watchlist  # noqa: E402


def _key(text: str) -> str:
    return " ".join(normalize_for_match(text).split())


def check(matcher: Matcher, page: dict) -> list[str]:
    """What is wrong with the page's summary ([] when it is right)."""
    summary = analyze_file(matcher, f"{page['id']}.txt", page["text"].encode("utf-8"))["summary"]
    wrong = []
    lead = _key(page["lead"])
    if not _key(summary).startswith(lead[: max(30, len(lead) // 2)]):
        wrong.append(f"does not open with the lead: {summary[:120]!r}")
    for line in page.get("furniture", []):
        key = _key(line)
        if key and key[:40] in _key(summary):
            wrong.append(f"carries furniture {line[:60]!r}")
    return wrong


def main() -> None:
    pages = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    matcher = Matcher(default_watchlist())
    bad = 0
    for page in pages:
        wrong = check(matcher, page)
        bad += bool(wrong)
        for w in wrong:
            print(f"[{page['id']}] {page['lang']}: {w}")
    print(f"{len(pages) - bad} of {len(pages)} pages right")


if __name__ == "__main__":
    main()
