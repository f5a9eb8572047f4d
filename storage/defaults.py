"""Ship-with defaults (watchlist and feeds) loaded into the database once, on first start.

After that the database is the truth: an admin who removes a default feed or official
does not see it come back at the next restart. The first start's BRIEFBOT_DEFAULT_FEEDS
choice is recorded too, so a later command run without the variable adds nothing.
A release that ships better watchlist entries upgrades the ones no admin touched
(core.shipped, from storage/defaults/shipped.json), once per release.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import tomllib
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from core.model import Official, Topic, Watchlist
from core.opml import OpmlFeed, parse_opml
from core.render import plural
from core.shipped import Entry, Shipped, entries, entry_key, plan_upgrade
from storage.feeds import add_feed
from storage.tables import Meta
from storage.watchlist import (
    delete_gazetteer_entry,
    delete_official,
    delete_topic,
    load_watchlist,
    replace_gazetteer,
    replace_watchlist,
    save_gazetteer_entry,
    save_official,
    save_topic,
)

_DEFAULTS = Path(__file__).with_name("defaults")
log = logging.getLogger(__name__)


def default_watchlist() -> Watchlist:
    return _watchlist_of((_DEFAULTS / "watchlist.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=2)
def _watchlist_of(text: str) -> Watchlist:
    """The watchlist a defaults file holds, parsed once per text (it is immutable): the parse and the checks of
    every term cost about 0.1 s, and a start, an upgrade and the tests ask for it again and again."""
    from core.watchlist import watchlist_from_dict  # detection's word lists: only at a first start

    return watchlist_from_dict(tomllib.loads(text))


def default_feeds() -> list[OpmlFeed]:
    return parse_opml((_DEFAULTS / "feeds.opml").read_bytes())


def shipped_history() -> dict[str, Shipped]:
    data = json.loads((_DEFAULTS / "shipped.json").read_text("utf-8"))
    return {key: Shipped(item["since"], dict(item["digests"])) for key, item in data["entries"].items()}


def release_marker() -> str:
    """This release's defaults file, as one value: a start that finds it stored skips the upgrade without
    parsing the file (detection's word lists load with the parser: not at an ordinary start)."""
    return hashlib.sha256((_DEFAULTS / "watchlist.toml").read_bytes()).hexdigest()[:16]


def _only(found: dict[str, Entry], kinds: tuple[str, ...]) -> dict[str, Entry]:
    return {key: entry for key, entry in found.items() if key.startswith(kinds)}


def upgrade_defaults(session: Session, shipped: Watchlist, history: dict[str, Shipped]) -> list[str]:
    """Bring every watchlist entry no admin touched to this release's content (core.shipped); returns a
    summary, empty when nothing changed."""
    stored = entries(load_watchlist(session))
    new = entries(shipped)
    # the gazetteer came later than officials and topics, so a database may have been given it from another version
    plans = [plan_upgrade(_only(stored, kinds), _only(new, kinds), history)
             for kinds in (("official:", "topic:"), ("gazetteer:",))]
    added = updated = removed = 0
    for plan in plans:
        for entry in plan.put:
            if entry_key(entry) in stored:
                updated += 1
            else:
                added += 1
            if isinstance(entry, Official):
                save_official(session, entry)
            elif isinstance(entry, Topic):
                save_topic(session, entry)
            else:
                save_gazetteer_entry(session, entry)
        for key in plan.delete:
            kind, name = key.split(":", 1)
            {"official": delete_official, "topic": delete_topic, "gazetteer": delete_gazetteer_entry}[kind](session, name)
            removed += 1
    kept = [key.split(":", 1)[1] for plan in plans for key in plan.kept]
    if not (added or updated or removed or kept):
        return []
    summary = [f"{plural(updated, 'entry', 'entries')} updated", f"{added} added", f"{removed} removed"]
    if kept:
        summary.append(f"{plural(len(kept), 'entry', 'entries')} an admin edited kept as edited ({', '.join(kept[:5])}"
                       + (", …)" if len(kept) > 5 else ")"))
    return summary


def load_defaults_once(session: Session, now: datetime, *, feeds: bool = True) -> list[str]:
    """Load each default set the first time only, and upgrade the watchlist entries no admin touched when
    this release ships new ones; returns what was loaded."""
    loaded = []
    release = release_marker()
    if session.get(Meta, "defaults.watchlist") is None:
        replace_watchlist(session, default_watchlist())
        session.add(Meta(key="defaults.watchlist", value=now.isoformat()))
        session.add(Meta(key="defaults.gazetteer", value=now.isoformat()))
        session.add(Meta(key="defaults.release", value=release))
        loaded.append("watchlist")
    else:
        if session.get(Meta, "defaults.gazetteer") is None:  # a database from before the gazetteer
            replace_gazetteer(session, default_watchlist().gazetteer)
            session.add(Meta(key="defaults.gazetteer", value=now.isoformat()))
            loaded.append("gazetteer")
        marker = session.get(Meta, "defaults.release")
        if marker is None or marker.value != release:
            session.flush()
            summary = upgrade_defaults(session, default_watchlist(), shipped_history())
            if summary:
                log.info("watchlist defaults upgraded to this release: %s", ", ".join(summary))
                loaded.append("upgrade")
            session.merge(Meta(key="defaults.release", value=release))
    if session.get(Meta, "defaults.feeds") is None:  # the first start's choice is kept either way
        if feeds:
            for f in default_feeds():
                add_feed(session, f.url, now, title=f.title)
            loaded.append("feeds")
        value = now.isoformat() if feeds else f"declined {now.isoformat()}"
        session.add(Meta(key="defaults.feeds", value=value))
    return loaded
