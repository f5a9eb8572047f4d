"""A chat's preferences: parsing what users type, and the rules every job applies.

Commands (/time, /timezone, /quiet) and the /settings buttons share these functions, so
a value is validated the same way wherever it comes from. Every error is a ``PrefError``
whose message can be shown to the user as it is: it says what is wrong and gives an
example or suggestions.

``ChatPolicy`` is the chat value the jobs and handlers share: its zone (times shown
and briefings scheduled in it), its quiet hours and what it follows.

Exceptions::

    ValueError
    └── PrefError  a preference value the user typed is not valid
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_HHMM = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")
_QUIET_OFF = {"off", "none", "no", "0", "disable", "disabled"}


class PrefError(ValueError):
    """A preference value is not valid; the message is meant for the user.

    ``suggestions`` holds valid values close to the one typed (time zones), so a UI can
    offer them as buttons.
    """

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


def parse_hhmm(text: str) -> str:
    """Normalise a time of day to "HH:MM" ("7:30" -> "07:30", "7.30" and "7h30" too)."""
    m = _HHMM.match(text or "")
    if not m:
        raise PrefError(
            f"“{text}” is not a time of day. Use HH:MM, for example 07:30 or 18:00."
        )
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        raise PrefError(
            f"“{text}” is out of range: hours go from 00 to 23, minutes from 00 to 59."
        )
    return f"{hour:02d}:{minute:02d}"


def parse_quiet(text: str) -> tuple[str, str] | None:
    """Parse quiet hours "22:00-07:00" into ("22:00", "07:00"); "off" means None."""
    raw = (text or "").strip()
    if raw.casefold() in _QUIET_OFF:
        return None
    parts = re.split(r"\s*(?:-|–|—|to)\s*", raw, maxsplit=1)
    if len(parts) != 2 or not all(parts):
        raise PrefError(
            f"“{raw}” is not a range. Use HH:MM-HH:MM, for example 22:00-07:00, or off."
        )
    start, end = parse_hhmm(parts[0]), parse_hhmm(parts[1])
    if start == end:
        raise PrefError(
            "Quiet hours must start and end at different times, for example 22:00-07:00."
        )
    return start, end


def check_timezone(name: str) -> str:
    """Return the canonical IANA name for ``name`` or raise with up to 3 suggestions.

    Case is forgiven ("asia/tehran"), and so is a bare city ("tehran", "New York").
    """
    raw = (name or "").strip()
    if not raw:
        raise PrefError(
            "Give a time zone name, for example Asia/Tehran or Europe/London."
        )
    zones = _zones()
    key = raw.casefold().replace(" ", "_")
    if key in zones:
        return zones[key]
    cities = _cities()
    if key in cities and len(cities[key]) == 1:
        return cities[key][0]
    suggestions = suggest_timezones(raw)
    hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise PrefError(
        f"“{raw}” is not a time zone I know.{hint} Use Area/City, for example Asia/Tehran.",
        tuple(suggestions),
    )


def suggest_timezones(name: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` IANA names close to ``name``, by whole name or by city."""
    key = (name or "").strip().casefold().replace(" ", "_")
    zones, cities = _zones(), _cities()
    found: list[str] = []
    for match in difflib.get_close_matches(key, list(cities), n=limit, cutoff=0.75):
        found.extend(cities[match])
    for match in difflib.get_close_matches(key, list(zones), n=limit, cutoff=0.6):
        found.append(zones[match])
    return list(dict.fromkeys(found))[:limit]


def in_quiet_hours(local: time, start: str, end: str) -> bool:
    """Whether ``local`` falls in [start, end); a range like 22:00-07:00 wraps midnight."""
    s, e = _to_time(start), _to_time(end)
    t = local.replace(second=0, microsecond=0, tzinfo=None)
    if s == e:
        return False
    if s < e:
        return s <= t < e
    return t >= s or t < e


def zone_named(name: str) -> ZoneInfo:
    """The zone for a stored name. Names are checked by ``check_timezone`` when set, so
    only a hand-edited database holds a bad one; it reads as UTC rather than stopping
    every job."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class ChatPolicy:
    """What one chat wants: its zone, its quiet hours and the names it follows.

    Following nothing means following everything on the watchlist.
    """

    zone: ZoneInfo = ZoneInfo("UTC")
    quiet_start: str | None = None
    quiet_end: str | None = None
    quiet_mode: str = "silent"  # "silent": sent without a sound; "hold": left for the briefing
    follows: frozenset[str] = frozenset()

    def local(self, when: datetime) -> datetime:
        return when.astimezone(self.zone)

    def quiet_at(self, now: datetime) -> bool:
        """Whether ``now`` falls in this chat's quiet hours (in its own zone)."""
        if not (self.quiet_start and self.quiet_end):
            return False
        return in_quiet_hours(self.local(now).time(), self.quiet_start, self.quiet_end)

    def holds_alerts_at(self, now: datetime) -> bool:
        """Quiet now, and alerts then wait for the briefing instead of arriving silently."""
        return self.quiet_mode == "hold" and self.quiet_at(now)

    def wants(self, names: Collection[str]) -> bool:
        """Whether a story naming ``names`` is for this chat."""
        return not self.follows or any(name in self.follows for name in names)


def _to_time(hhmm: str) -> time:
    hour, minute = parse_hhmm(hhmm).split(":")
    return time(int(hour), int(minute))


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """Case-folded IANA name -> canonical name (legacy aliases like "US/Eastern" kept)."""
    return {z.casefold(): z for z in available_timezones()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[str]]:
    """Case-folded last path element ("tehran", "new_york") -> canonical names."""
    out: dict[str, list[str]] = {}
    for zone in sorted(available_timezones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/")):
            out.setdefault(zone.rsplit("/", 1)[1].casefold(), []).append(zone)
    return out
