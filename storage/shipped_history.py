"""Write storage/defaults/shipped.json: every content each default entry was ever shipped with, and the version
(in history order; its commit date too, for people) it was first shipped in, from the git history of
storage/defaults/watchlist.toml (core.shipped reads it to upgrade existing databases without undoing an
admin's edits).

Run after editing the defaults file, and commit the result with it (`make defaults-history`):

    .venv/bin/python -m storage.shipped_history
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from core.shipped import digest, entry_key
from core.watchlist import WatchlistError, watchlist_from_dict

DEFAULTS = Path(__file__).with_name("defaults")
SOURCE = "storage/defaults/watchlist.toml"
HISTORY = DEFAULTS / "shipped.json"


def _entries(text: str) -> dict[str, str]:
    """key -> digest of each entry of one version of the file; an entry today's rules refuse is skipped."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    out = {}
    for section in ("officials", "topics", "gazetteer"):
        for table in data.get(section, []):
            try:
                one = watchlist_from_dict({section: [table]})
                (entry,) = (*one.officials, *one.topics, *one.gazetteer)
            except (WatchlistError, ValueError, KeyError, TypeError):
                continue
            out[entry_key(entry)] = digest(entry)
    return out


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


def build(root: Path) -> dict:
    """The history as JSON data, oldest version first; the working file counts as shipped now."""
    log = _git("-C", str(root), "log", "--reverse", "--format=%H %cI", "--", SOURCE).split("\n")
    versions = [(datetime.fromisoformat(when), _git("-C", str(root), "show", f"{sha}:{SOURCE}"))
                for sha, when in (line.split() for line in log if line.strip())]
    current = (root / SOURCE).read_text("utf-8")
    if not versions or versions[-1][1] != current:
        versions.append((datetime.now(UTC), current))
    history: dict[str, dict] = {}
    for number, (when, text) in enumerate(versions):
        for key, value in _entries(text).items():
            item = history.setdefault(key, {"since": number, "first": when.astimezone(UTC).isoformat(),
                                            "digests": {}})
            item["digests"].setdefault(value, number)
    return {"source": SOURCE, "entries": dict(sorted(history.items()))}


def main() -> int:
    root = Path(_git("rev-parse", "--show-toplevel").strip())
    data = build(root)
    lines = [f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(item)}" for key, item in data["entries"].items()]
    HISTORY.write_text('{"source": ' + json.dumps(data["source"]) + ', "entries": {\n' + ",\n".join(lines) + "\n}}\n",
                       "utf-8")
    print(f"{HISTORY.relative_to(root)}: {len(data['entries'])} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
