"""Small frozen value types shared by every layer.

Core functions take and return these; storage converts rows to and from them, so
nothing above storage/ ever sees an ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

MentionKind = Literal["official", "topic"]
MatchHow = Literal["alias", "role", "description", "fuzzy", "rule"]


@dataclass(frozen=True)
class Alias:
    """One way of writing an official's name.

    ``case_sensitive`` keeps "Trump" the person apart from "trumps"; ``needs_context``
    marks a surname that is also a common word or first name (Aref): it counts only next
    to a first name or title, or after a full mention earlier in the same text.
    """

    text: str
    case_sensitive: bool = False
    needs_context: bool = False


@dataclass(frozen=True)
class Official:
    """A tracked person: canonical name, the ways to write it, roles (held now; a role with
    years, "(2013-2021)" or open-ended "(2024-)", also says when: core.detect_dates), and
    ``descriptions``: biographical phrases that identify him without a name or an office word
    ("heart surgeon", "former Tehran mayor"); one counts only in an article that also names
    another tracked official or topic (core.detect_officials)."""

    name: str
    aliases: tuple[Alias, ...] = ()
    roles: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A topic is a rule, not a word.

    Every group in ``groups`` must have a term hit in the same or a neighbouring
    sentence ("Oman talks" = an Oman term and a talks term). A term ending in ``*`` is a
    stem. ``exclude`` lists phrases that cancel a term hit they overlap ("Gulf of Oman",
    "officially sanctioned").
    """

    name: str
    groups: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class GazetteerEntry:
    """A place, organisation or kind of action and the ways it is written (core.gazetteer)."""

    name: str
    kind: str  # place | capital | organisation | person | action
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Watchlist:
    officials: tuple[Official, ...] = ()
    topics: tuple[Topic, ...] = ()
    gazetteer: tuple[GazetteerEntry, ...] = ()


@dataclass(frozen=True)
class Mention:
    """Evidence for one hit: offsets are into the original (un-normalised) text."""

    name: str
    kind: MentionKind
    text: str
    start: int
    end: int
    sentence: str
    how: MatchHow
    detail: str = ""  # the alias, role phrase, fuzzy score or rule that matched


@dataclass(frozen=True)
class Detection:
    mentions: tuple[Mention, ...] = ()

    @property
    def officials(self) -> tuple[str, ...]:
        return _unique(m.name for m in self.mentions if m.kind == "official")

    @property
    def topics(self) -> tuple[str, ...]:
        return _unique(m.name for m in self.mentions if m.kind == "topic")

    def __bool__(self) -> bool:
        return bool(self.mentions)


def _unique(names) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return tuple(seen)


@dataclass(frozen=True)
class FeedEntry:
    """One parsed item of a feed, before storage."""

    guid: str | None
    link: str | None
    title: str
    text: str  # plain text (HTML already stripped)
    published: datetime | None = None
    author: str | None = None
    text_source: str = "feed"  # "page" when the text was extracted from the article page


@dataclass(frozen=True)
class ArticleView:
    """What alerts and briefings need to know about a stored article."""

    id: int
    feed_title: str
    title: str
    link: str | None
    published: datetime | None
    summary: str
    mentions: tuple[Mention, ...] = field(default=())
