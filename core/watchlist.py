"""The watchlist as plain data: the TOML file format and the admin export/import format.

Shape (TOML shown; any dict of the same shape works)::

    [[officials]]
    name = "Mohammad Reza Aref"
    aliases = ["Mohammad Reza Aref", { text = "Aref", needs_context = true }]
    roles = ["Iran's first vice president"]
    descriptions = ["former mayor of Tehran"]      # biography, no name or office word

    [[topics]]
    name = "Oman talks"
    groups = [["Oman", "Muscat"], ["talks", "negotiat*"]]   # every group must hit nearby
    exclude = ["Gulf of Oman"]

    [[gazetteer]]                                  # story grouping: see core.gazetteer
    name = "Geneva"
    kind = "place"
    aliases = ["Geneva", "ژنو"]

An exclusion starting with "@" is a rule instead of a phrase: ``"@foreign only"`` drops the
topic in an article that names other countries and none of the tracked officials' countries
(another country's arsenal is not Iran's nuclear programme); ``"@about Iran"`` drops it in an
article that names a third country and neither Iran nor an Iranian official, even when it
names the US ("US sanctions on Venezuelan officials"); ``"@also TOPIC"`` counts its hits for
TOPIC too.

An alias is a string, or a table with ``text`` and the flags ``case_sensitive`` and
``needs_context``. ``watchlist_to_dict`` writes the short form whenever it can, so an
export reads like the file an admin would write by hand.
"""

from __future__ import annotations

import re
from typing import Any

from core.detect_roles import role_tenure
from core.detect_words import COUNTRY_WORDS, is_common
from core.gazetteer import entry_problem
from core.model import Alias, GazetteerEntry, Official, Topic, Watchlist
from core.normalize import normalize_key

MIN_ALIAS_LETTERS = 3
# An exclusion that starts with "@" is a rule, not a phrase.
RULE_PREFIX = "@"
FOREIGN_ONLY = "@foreign only"  # no hit counts in an article that names only untracked countries
RULES = frozenset({FOREIGN_ONLY})
# "@about Iran": in an article that names another country (not a side or a mediator of the
# talks) and names neither Iran (a word, a place, an institution) nor one of its officials,
# the topic is that other country's ("US sanctions on Venezuelan officials", "a Saudi civil
# nuclear deal", "Oman mediated between the Yemeni parties").
ABOUT_PREFIX = "@about "
# "@about Iran, not Israel": the same, and an article that names Israel (an onlooker of the talks,
# so no third country for the plain rule), not Iran and no tracked official is Israel's too ("the
# Dimona reactor has never been opened to IAEA inspectors": another state's programme).
ABOUT_ALSO_NOT = ", not "


def about_countries(rule: str) -> tuple[str | None, tuple[str | None, ...]]:
    """The country of an "@about" rule and the onlookers it also counts as other countries."""
    home, *others = rule[len(ABOUT_PREFIX) :].split(ABOUT_ALSO_NOT)
    return COUNTRY_WORDS.get(normalize_key(home)), tuple(COUNTRY_WORDS.get(normalize_key(o)) for o in others)
# "@also negotiations": where this topic is found, the named topic is found too (Oman talks
# are negotiations), unless that topic already has hits of its own.
ALSO_PREFIX = "@also "
MIN_STEM_LETTERS = 4


class WatchlistError(ValueError):
    """The watchlist data is malformed; the message says where and why."""


def alias_problem(text: str, *, case_sensitive: bool = False, needs_context: bool = False) -> str | None:
    """Why ``text`` would make a bad alias, or None if it is acceptable.

    A common word is acceptable only when a flag guards it (case-sensitive "Trump",
    context-needing "Aref"); otherwise it would match nearly every article.
    """
    if not isinstance(text, str) or not text.strip():
        return "empty: an alias needs some text"
    key = normalize_key(text)
    letters = sum(ch.isalpha() for ch in key)
    if letters < MIN_ALIAS_LETTERS:
        return f"too short: aliases need at least {MIN_ALIAS_LETTERS} letters"
    if len(key) > 120:
        return "too long: aliases are names, at most 120 characters"
    if "*" in key:
        return "wildcards are for topic terms, not aliases"
    if is_common(key) and not (case_sensitive or needs_context):
        return f"'{text.strip()}' is a common word and would match nearly everything"
    return None


def description_problem(text: str) -> str | None:
    """Why ``text`` would make a bad description of an official, or None: it needs two words or
    more, not all of them common ("heart surgeon", "former Tehran mayor")."""
    if not isinstance(text, str) or not text.strip():
        return "empty: a description needs some text"
    key = normalize_key(text)
    if len(key.split()) < 2:
        return "one word: a description needs two words or more (heart surgeon)"
    if len(key) > 120:
        return "too long: at most 120 characters"
    if is_common(key):
        return f"'{text.strip()}' is only common words and would match nearly everything"
    return None


# Years written after a role, well formed or not: a bracket ending the phrase (closed or not) with a digit.
_YEARS_LIKE = re.compile(r"\([^()]*\d[^()]*\)?[ \t]*$")
ROLE_YEARS_FORMS = '"(2013-2021)" for a past holder, "(2024-)" for the holder since that year'


def role_problem(text: str) -> str | None:
    """Why ``text`` would make a bad role phrase, or None: at least 4 characters, and years, when
    written, in one of the two forms the dating rules read (core.detect_roles.role_tenure):
    "(2013-2021)" (held then) or "(2024-)" (held since), first year not after the last."""
    if not isinstance(text, str) or len(text.strip()) < 4:
        return "too short: a role phrase needs at least 4 characters, e.g. Iran's top diplomat"
    tenure = role_tenure(text.strip())
    if tenure is None:
        if _YEARS_LIKE.search(text):
            return f"malformed years: write them as {ROLE_YEARS_FORMS}"
        return None
    phrase, first, last = tenure
    if len(phrase.strip()) < 4:
        return "no role before the years: write the role, then its years, e.g. Iran's foreign minister (2013-2021)"
    if not 1900 <= first <= 2100 or (last is not None and not first <= last <= 2100):
        return f"impossible years ({first}-{'' if last is None else last}): write them as {ROLE_YEARS_FORMS}"
    return None


def term_problem(text: str) -> str | None:
    """Why ``text`` would make a bad topic term or exclusion, or None."""
    if not isinstance(text, str) or not text.strip():
        return "empty: a term needs some text"
    key = normalize_key(text)
    stem = key.endswith("*")
    body = key.rstrip("*")
    if "*" in body:
        return "'*' may only end a term (a stem such as negotiat*)"
    letters = sum(ch.isalpha() for ch in body)
    if stem and letters < MIN_STEM_LETTERS:
        return f"stem too short: a stem needs at least {MIN_STEM_LETTERS} letters before '*'"
    if letters < 2:
        return "too short: a term needs at least 2 letters"
    return None


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WatchlistError(f"{where}: expected a list of strings")
    return value


def _keys(data: Any, allowed: set[str], required: set[str], where: str) -> dict:
    if not isinstance(data, dict):
        raise WatchlistError(f"{where}: expected a table")
    unknown = set(data) - allowed
    if unknown:
        raise WatchlistError(
            f"{where}: unknown {'key' if len(unknown) == 1 else 'keys'} {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}"
        )
    missing = required - set(data)
    if missing:
        raise WatchlistError(f"{where}: missing {', '.join(sorted(missing))}")
    return data


def _alias(item: Any, where: str) -> Alias:
    if isinstance(item, str):
        alias = Alias(item.strip())
    else:
        data = _keys(item, {"text", "case_sensitive", "needs_context"}, {"text"}, where)
        flags = {k: data.get(k, False) for k in ("case_sensitive", "needs_context")}
        if not isinstance(data["text"], str) or not all(isinstance(v, bool) for v in flags.values()):
            raise WatchlistError(f"{where}: text must be a string and flags true/false")
        alias = Alias(data["text"].strip(), **flags)
    problem = alias_problem(alias.text, case_sensitive=alias.case_sensitive, needs_context=alias.needs_context)
    if problem:
        raise WatchlistError(f"{where}: alias {alias.text!r} refused: {problem}")
    return alias


def _name(data: dict, where: str) -> str:
    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        raise WatchlistError(f"{where}: name must be a non-empty string")
    return name.strip()


def _official(data: Any, where: str) -> Official:
    data = _keys(data, {"name", "aliases", "roles", "descriptions"}, {"name"}, where)
    name = _name(data, where)
    where = f"official {name!r}"
    raw = data.get("aliases", [name])
    if not isinstance(raw, list):
        raise WatchlistError(f"{where}: aliases must be a list")
    aliases = tuple(_alias(a, f"{where}, alias {i + 1}") for i, a in enumerate(raw))
    roles = tuple(r.strip() for r in _strings(data.get("roles", []), f"{where}, roles"))
    for r in roles:
        if sum(ch.isalpha() for ch in r) < MIN_ALIAS_LETTERS:
            raise WatchlistError(f"{where}: role {r!r} is too short")
    descriptions = tuple(d.strip() for d in _strings(data.get("descriptions", []), f"{where}, descriptions"))
    for d in descriptions:
        problem = description_problem(d)
        if problem:
            raise WatchlistError(f"{where}: description {d!r} refused: {problem}")
    return Official(name, aliases, roles, descriptions)


def _topic(data: Any, where: str) -> Topic:
    data = _keys(data, {"name", "groups", "exclude"}, {"name", "groups"}, where)
    name = _name(data, where)
    where = f"topic {name!r}"
    groups = data["groups"]
    if not isinstance(groups, list) or not groups:
        raise WatchlistError(f"{where}: groups must be a non-empty list of term lists")
    out = []
    for i, group in enumerate(groups):
        terms = _strings(group, f"{where}, group {i + 1}")
        if not terms:
            raise WatchlistError(f"{where}, group {i + 1}: empty")
        out.append(tuple(t.strip() for t in terms))
    exclude = tuple(t.strip() for t in _strings(data.get("exclude", []), f"{where}, exclude"))
    for t in exclude:
        if t.startswith(ABOUT_PREFIX):
            home, others = about_countries(t)
            if home is None or None in others:
                raise WatchlistError(f"{where}: {t!r} names no country the matcher knows")
            continue
        if t.startswith(RULE_PREFIX) and t not in RULES and not (t.startswith(ALSO_PREFIX) and t[len(ALSO_PREFIX) :].strip()):
            known = ", ".join(sorted(RULES | {ALSO_PREFIX + "TOPIC", ABOUT_PREFIX + "COUNTRY"}))
            raise WatchlistError(f"{where}: unknown rule {t!r}; known rules: {known}")
    for t in [t for g in out for t in g] + [t for t in exclude if not t.startswith(RULE_PREFIX)]:
        problem = term_problem(t)
        if problem:
            raise WatchlistError(f"{where}: term {t!r} refused: {problem}")
    return Topic(name, tuple(out), exclude)


def _unique_names(items, kind: str) -> None:
    seen: set[str] = set()
    for item in items:
        key = item.name.casefold()
        if key in seen:
            raise WatchlistError(f"{kind} {item.name!r} appears twice")
        seen.add(key)


def _gazetteer_entry(data: Any, where: str) -> GazetteerEntry:
    data = _keys(data, {"name", "kind", "aliases"}, {"name", "kind", "aliases"}, where)
    problem = entry_problem(data["name"], data["kind"], data["aliases"])
    if problem:
        raise WatchlistError(f"{where} ({data['name']!r}): {problem}")
    return GazetteerEntry(data["name"].strip(), data["kind"], tuple(a.strip() for a in data["aliases"]))


def watchlist_from_dict(data: dict) -> Watchlist:
    """Validate and convert parsed TOML/JSON data; raises WatchlistError with the place and reason."""
    data = _keys(data, {"officials", "topics", "gazetteer"}, set(), "watchlist")
    for key in ("officials", "topics", "gazetteer"):
        if not isinstance(data.get(key, []), list):
            raise WatchlistError(f"watchlist: {key} must be a list of tables ([[{key}]] in TOML)")
    officials = tuple(_official(o, f"officials[{i}]") for i, o in enumerate(data.get("officials", [])))
    topics = tuple(_topic(t, f"topics[{i}]") for i, t in enumerate(data.get("topics", [])))
    gazetteer = tuple(_gazetteer_entry(g, f"gazetteer[{i}]") for i, g in enumerate(data.get("gazetteer", [])))
    _unique_names(officials, "official")
    _unique_names(topics, "topic")
    _unique_names(gazetteer, "gazetteer entry")
    return Watchlist(officials, topics, gazetteer)


def _alias_to_data(a: Alias) -> str | dict:
    if not (a.case_sensitive or a.needs_context):
        return a.text
    out: dict[str, Any] = {"text": a.text}
    if a.case_sensitive:
        out["case_sensitive"] = True
    if a.needs_context:
        out["needs_context"] = True
    return out


def watchlist_to_dict(w: Watchlist) -> dict:
    """The inverse of watchlist_from_dict, in the short human-editable form."""
    return {
        "officials": [
            {"name": o.name, "aliases": [_alias_to_data(a) for a in o.aliases], "roles": list(o.roles)}
            | ({"descriptions": list(o.descriptions)} if o.descriptions else {})
            for o in w.officials
        ],
        "topics": [
            {"name": t.name, "groups": [list(g) for g in t.groups], "exclude": list(t.exclude)} for t in w.topics
        ],
        "gazetteer": [{"name": g.name, "kind": g.kind, "aliases": list(g.aliases)} for g in w.gazetteer],
    }
