"""Ship-with defaults (watchlist and feeds) loaded into the database once, on first start.

After that the database is the truth: an admin who removes a default feed or official
does not see it come back at the next restart. The first start's BRIEFBOT_DEFAULT_FEEDS
choice is recorded too, so a later command run without the variable adds nothing.
"""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from core.model import Watchlist
from core.opml import OpmlFeed, parse_opml
from storage.feeds import add_feed
from storage.tables import Meta
from storage.watchlist import replace_gazetteer, replace_watchlist

_DEFAULTS = Path(__file__).with_name("defaults")


def default_watchlist() -> Watchlist:
    from core.watchlist import watchlist_from_dict  # detection's word lists: only at a first start

    return watchlist_from_dict(tomllib.loads((_DEFAULTS / "watchlist.toml").read_text("utf-8")))


def default_feeds() -> list[OpmlFeed]:
    return parse_opml((_DEFAULTS / "feeds.opml").read_bytes())


def load_defaults_once(session: Session, now: datetime, *, feeds: bool = True) -> list[str]:
    """Load each default set the first time only; returns what was loaded."""
    loaded = []
    if session.get(Meta, "defaults.watchlist") is None:
        replace_watchlist(session, default_watchlist())
        session.add(Meta(key="defaults.watchlist", value=now.isoformat()))
        session.add(Meta(key="defaults.gazetteer", value=now.isoformat()))
        loaded.append("watchlist")
    elif session.get(Meta, "defaults.gazetteer") is None:  # a database from before the gazetteer
        replace_gazetteer(session, default_watchlist().gazetteer)
        session.add(Meta(key="defaults.gazetteer", value=now.isoformat()))
        loaded.append("gazetteer")
    if session.get(Meta, "defaults.feeds") is None:  # the first start's choice is kept either way
        if feeds:
            for f in default_feeds():
                add_feed(session, f.url, now, title=f.title)
            loaded.append("feeds")
        value = now.isoformat() if feeds else f"declined {now.isoformat()}"
        session.add(Meta(key="defaults.feeds", value=value))
    return loaded
