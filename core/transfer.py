"""Planning a watchlist import: every entry is validated before anything is changed.

An uploaded file is checked entry by entry with the same rules as the watchlist file
format (core.watchlist), so one bad alias refuses that official, not the whole file, and
the admin learns every problem at once. The plan says what would be added, changed,
left alone, removed (only when replacing) and refused; storage then applies it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from core.model import GazetteerEntry, Official, Topic, Watchlist
from core.watchlist import WatchlistError, watchlist_from_dict


@dataclass(frozen=True)
class ImportPlan:
    officials: tuple[Official, ...] = ()  # to save (added or changed)
    topics: tuple[Topic, ...] = ()
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed_officials: tuple[str, ...] = ()
    removed_topics: tuple[str, ...] = ()
    refused: tuple[tuple[str, str], ...] = field(default=())  # (entry, reason)
    gazetteer: tuple[GazetteerEntry, ...] = ()  # to save (added or changed)
    removed_gazetteer: tuple[str, ...] = ()


def _entry_name(data: Any, key: str, index: int) -> str:
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else f"{key}[{index}]"


def _check_entries(data: dict, key: str) -> tuple[list, list[tuple[str, str]]]:
    """Valid entries of one kind, and (entry, reason) for the others and for repeats."""
    valid, refused, seen = [], [], set()
    for i, item in enumerate(data.get(key, [])):
        label = _entry_name(item, key, i)
        try:
            parsed = watchlist_from_dict({key: [item]})
        except WatchlistError as e:
            refused.append((label, str(e).replace(f"{key}[0]", f"{key}[{i}]")))
            continue
        value = (parsed.officials or parsed.topics or parsed.gazetteer)[0]
        if value.name.casefold() in seen:
            refused.append((label, "appears twice in the file; the first one is used"))
            continue
        seen.add(value.name.casefold())
        valid.append(value)
    return valid, refused


def plan_watchlist_import(current: Watchlist, data: Any, *, replace: bool = False) -> ImportPlan:
    """What importing ``data`` (parsed TOML) into ``current`` would do.

    Raises WatchlistError when the file as a whole is not a watchlist (wrong top-level
    keys or types); then nothing at all is imported.
    """
    if not isinstance(data, dict):
        raise WatchlistError("the file is not a watchlist: expected [[officials]] and [[topics]] tables")
    unknown = set(data) - {"officials", "topics", "gazetteer"}
    if unknown:
        raise WatchlistError(f"unknown top-level {'key' if len(unknown) == 1 else 'keys'} {', '.join(sorted(unknown))}; "
                             "a watchlist file has only [[officials]], [[topics]] and [[gazetteer]]")
    for key in ("officials", "topics", "gazetteer"):
        if not isinstance(data.get(key, []), list):
            raise WatchlistError(f"{key} must be a list of tables ([[{key}]] in TOML)")
    officials, refused_o = _check_entries(data, "officials")
    topics, refused_t = _check_entries(data, "topics")
    places, refused_g = _check_entries(data, "gazetteer")
    old_o = {o.name.casefold(): o for o in current.officials}
    old_t = {t.name.casefold(): t for t in current.topics}
    old_g = {g.name.casefold(): g for g in current.gazetteer}
    added, changed, unchanged, save_o, save_t, save_g = [], [], [], [], [], []
    for item in officials + topics + places:
        old, save = ((old_o, save_o) if isinstance(item, Official) else (old_t, save_t) if isinstance(item, Topic)
                     else (old_g, save_g))
        before = old.get(item.name.casefold())
        if before is not None:  # names match regardless of case; the stored spelling stays
            item = dataclasses.replace(item, name=before.name)
        if before == item:
            unchanged.append(item.name)
            continue
        (changed if before is not None else added).append(item.name)
        save.append(item)
    # A refused entry is not a request to delete: replacing keeps what it names.
    keep_o = {o.name.casefold() for o in officials} | {name.casefold() for name, _ in refused_o}
    keep_t = {t.name.casefold() for t in topics} | {name.casefold() for name, _ in refused_t}
    removed_o = tuple(o.name for o in current.officials if replace and o.name.casefold() not in keep_o)
    removed_t = tuple(t.name for t in current.topics if replace and t.name.casefold() not in keep_t)
    # A file without a [[gazetteer]] section (older exports) leaves the gazetteer alone.
    keep_g = {g.name.casefold() for g in places} | {name.casefold() for name, _ in refused_g}
    removed_g = tuple(g.name for g in current.gazetteer
                      if replace and "gazetteer" in data and g.name.casefold() not in keep_g)
    return ImportPlan(tuple(save_o), tuple(save_t), tuple(added), tuple(changed), tuple(unchanged),
                      removed_o, removed_t, tuple(refused_o + refused_t + refused_g), tuple(save_g), removed_g)
