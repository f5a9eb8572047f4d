"""Which officials a text names: plain hits per official, namesakes shadowing bare surnames,
sports pages, bare role heads (core.detect_heads) and context-needing surnames the article vouches for."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from core.detect_dates import any_years, dated_years, holder_then, may_be_dated
from core.detect_heads import OWNED_MARK, past_holder, resolve_heads
from core.detect_hits import _BY_START, _Hit, _outermost
from core.detect_keys import _key
from core.detect_people import _name_like
from core.detect_roles import Item, country_of, parse_role, past_role, role_slot, tokens_before
from core.detect_senses import tells_state_act
from core.detect_sentences import SentenceBounds
from core.detect_topics import _sport_sense
from core.detect_words import PERSIAN_GIVEN_NAMES, ROLE_HEADS, age_decade

_NAMESAKE = ("given", "title")
_PAST_WORDS_FA = ("وقت", "سابق", "پیشین", "پيشين")


_LIST_GAP = re.compile(r"[ \t\u00a0\u200c]*(?:[,،;؛]|[,،]?[ \t\u00a0\u200c]*(?:and|و))[ \t\u00a0\u200c]*")


def _listed(text: str, h: _Hit, spans: list[tuple[int, int]]) -> bool:
    """True when ``h`` stands in a list with another accepted official ("Pezeshkian, Aref and
    Araghchi", "پزشکیان، عارف و عراقچی")."""
    i = bisect_left(spans, (h.start, h.end))
    before = spans[i - 1] if i > 0 else None
    after = next((sp for sp in spans[i:] if sp[0] >= h.end), None)
    if before is not None and before[1] <= h.start and _LIST_GAP.fullmatch(text, before[1], h.start):
        return True
    return after is not None and _LIST_GAP.fullmatch(text, h.end, after[0]) is not None


# Persian words after which a clause starts with its subject ("در حالی که ظریف از صحنه کنار رفته").
_CLAUSE_OPENERS = frozenset(_key(w) for w in "که اما ولی زیرا چون هرچند درحالیکه".split())
_PERSIAN_LETTER = re.compile(r"[\u0600-\u06ff]")


# An English surname that speaks: "Aref said", "Aref told the cabinet".
_SPEAKS = re.compile(r"[ \t]+(?:said|says|told|tells|added|adds|warned|warns|wrote|writes|urged|urges|insisted|stressed)\b")


def _opens_clause(text: str, h: _Hit) -> bool:
    """A context-needing surname that is the subject of its clause: Persian at the start of a
    sentence or after "که", "اما"; English before a verb of saying ("Aref said"). With other
    officials named in the article it is the official's name, not the adjective (ظریف
    "delicate" follows the noun it describes) nor a given name (that guard runs after)."""
    if not _PERSIAN_LETTER.match(text, h.start):
        return _SPEAKS.match(text, h.end) is not None
    i = h.start
    while i > 0 and text[i - 1] in " \t\u00a0\u200c":
        i -= 1
    if i == 0 or text[i - 1] in ".!?؟\n:«\"":
        return True
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "\u200c"):
        j -= 1
    return _key(text[j:i]) in _CLAUSE_OPENERS


# A person's own act after a Persian surname: "ظریف در یادداشتی ..." (in an op-ed), «در نامه‌ای»,
# «در گفت‌وگو با» (an interview with). The word before is no adjective of this one.
_PERSIAN_OWN_ACT = re.compile(
    r"[ \t\u00a0\u200c]+در[ \t\u00a0\u200c]+(?:یادداشت|مقاله|نامه|توییت|توئیت|پیام|مصاحبه|مصاحبه[ \u200c]?ای|گفت[ \u200c]?و[ \u200c]?گو)"
    r"(?:ی|\u200cای|[ \t\u00a0\u200c]+(?:با|که|تازه|جدید|اختصاصی)\b)"
)


def _writes(text: str, h: _Hit) -> bool:
    """A context-needing Persian surname opening its clause and followed by a person's own act
    («ظریف در یادداشتی نوشت»): the official writing or speaking, even where the article names
    nobody else tracked (``_opens_clause`` needs other officials for a bare subject)."""
    return _PERSIAN_LETTER.match(text, h.start) is not None and _PERSIAN_OWN_ACT.match(text, h.end) is not None and _opens_clause(text, h)


# Before a description: a name it is told of ("Trump, a real-estate developer, ..."), with the
# comma and an article between.
_APPOSED_BEFORE = re.compile(r"[ \t]*,[ \t]*(?:(?:a|an|the)[ \t]+)?$", re.IGNORECASE)
_APPOSED_AFTER = re.compile(r"[ \t]*,[ \t]*$")
_NAME_AFTER = re.compile(r"[ \t\u200c]*[,،]?[ \t\u200c]*(?:(?:وقت|سابق|پیشین|at the time|of the day)[ \t\u200c]*[,،]?[ \t\u200c]*)?([A-Z][\w'’-]*|[\u0600-\u06ff]+)")
_NAME_NEXT = re.compile(r"[ \t\u00a0]+([A-Z][\w'’-]*)")
_AGE_BEFORE = re.compile(r"(\d{1,3})[ \t]*[-‑][ \t]*$|(\d{1,3})[ \t]+$")


def _described(text: str, descs: list[_Hit], accepted: list[tuple]) -> list[tuple]:
    """Officials named by a biographical description from the watchlist ("the heart surgeon",
    "a former Tehran mayor"), unless it is told of somebody named beside it ("Trump, a real-estate
    developer", "the heart surgeon Ali Karimi") or its age is out of its decade. Whether the
    article is about what the watchlist follows is checked after the topics (core.detect)."""
    out = []
    for h in descs:
        start = h.start
        decade = age_decade(h.detail)
        if decade is not None and text[h.start : h.start + 4].lower() == "year":
            m = _AGE_BEFORE.search(text, max(0, h.start - 6), h.start)
            if m is None or not decade <= int(m.group(1) or m.group(2)) < decade + 10:
                continue  # "the 45-year-old cleric" is not the octogenarian one
            start = m.start()
        other = False
        for _, _, a in accepted:
            if a.index == h.index:
                continue
            if a.end <= start and _APPOSED_BEFORE.fullmatch(text, a.end, start):
                other = True  # "Trump, a real-estate developer"
            elif a.start >= h.end and _APPOSED_AFTER.fullmatch(text, h.end, a.start):
                other = True  # "a real-estate developer, Trump"
        nxt = _NAME_NEXT.match(text, h.end)
        if other or (nxt and _name_like(nxt.group(1)) and not any(a.start == nxt.start(1) and a.index == h.index for _, _, a in accepted)):
            continue
        out.append(("", "official", _Hit(start, h.end, h.index, "description", h.detail)))
    return out


# "neither the Iranian nor (the) American president", "both the Omani and the Iranian foreign
# minister": a country paired before a role that writes another.
_PAIRED_BEFORE = re.compile(
    r"\b(?:neither|both)[ \t]+(?:the[ \t]+)?([A-Z][\w.]*)[ \t]+(?:nor|and)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE
)


class OfficialRules:
    """Matcher methods (a mixin) that turn alias, role and head hits into official mentions."""

    # -- officials -------------------------------------------------------------------------

    def _officials_found(
        self, bounds: SentenceBounds, aliases: list[_Hit], roles: list[_Hit], heads: list[_Hit], descs: list[_Hit] = ()
    ) -> list[tuple]:
        text = bounds.text
        by_official: dict[int, list[_Hit]] = defaultdict(list)
        named = _outermost(aliases) + _outermost(roles)
        for h in named:
            by_official[h.index].append(h)
        out: list[tuple] = []
        waiting: list[tuple[int, _Hit, list[int]]] = []  # context-needing surnames
        dated: list[tuple] = []  # roles of a past holder, dated ("Iran's foreign minister at the time, in 2015")
        years_at = bounds.flags.get("years") or ()  # none: no passage is dated, the dating rules are skipped
        for oi, hits in by_official.items():
            hits.sort(key=_BY_START)
            plain, refused = [], []
            namesake = False
            for h in hits:  # the rules of _plain_ok, keeping why a surname was refused
                how = h.how
                if how == "role" and h.detail[-1:] == ")" and past_role(h.detail):
                    if years_at:
                        dated.extend(self._past_phrase(text, h, years_at))  # "Iran's UN ambassador", dated
                    continue
                if how == "role":
                    if self._role_ok(text, h):
                        plain.append(h)
                    else:
                        refused.append(h)
                        if self._roles.tenures:
                            dated.extend(self._dated_role(text, h))
                elif h.alias is not None and h.alias.needs_context:
                    refused.append(h)
                else:
                    why = self._other_person(text, h)
                    if not why:
                        plain.append(h)
                    else:
                        refused.append(h)
                        namesake = namesake or (how == "alias" and why in _NAMESAKE)
            if refused and not namesake:
                namesake = any(
                    h.how == "alias" and h.alias.needs_context and self._other_person(text, h) in _NAMESAKE
                    for h in refused
                    if h.alias is not None
                )
            if namesake:
                # A namesake is in the article ("Mojtaba Khamenei ... Khamenei, 57, ..."): its
                # later bare surnames are his, unless the official is named in full or by role.
                plain = [h for h in plain if self._strong(text, h)]
            elif plain and plain[0].how != "role":
                # Only bare surnames: on a sports page they are a player's (checked once per
                # official, around the first mention).
                first = plain[0]
                if (
                    bounds.flags["sport"]
                    and _sport_sense(bounds, first)
                    and not any(self._strong(text, h) for h in plain)
                    and not tells_state_act(text[slice(*bounds.around(first.start, first.end))])
                ):
                    plain = []
            role_spots = [h.start for h in hits if h.how == "role"]
            waiting.extend((oi, h, role_spots) for h in hits if h.alias is not None and h.alias.needs_context)
            name = self._officials[oi].name
            out.extend((name, "official", h) for h in plain)
        out.extend(self._paired_holders(text, out))
        out.extend(dated)
        if descs:
            described = [(self._officials[h.index].name, kind, h) for _, kind, h in _described(text, _outermost(descs), out)]
            out.extend(described)
            named = named + [h for _, _, h in described]
        if heads:
            out.extend(self._heads_found(text, heads, named, out))
        if waiting:
            out.extend(self._in_context(text, waiting, out))
        if self._roles.since and years_at:
            out = self._redated(text, out, years_at)
        return out

    def _paired_holders(self, text: str, found: list[tuple]) -> list[tuple]:
        """"Neither the Iranian nor the American president": the role names the American one,
        the country paired before it the same office's other holder."""
        out = []
        for _, _, h in found:
            if h.how != "role" or not text[h.start : h.start + 1].isascii():
                continue
            m = _PAIRED_BEFORE.search(text, max(0, h.start - 50), h.start)
            slot = self._slot(h) if m else None
            if slot is None:
                continue
            other = self._roles.holder.get((country_of(_key(m.group(1))) or "", slot[1]))
            if other is not None and other != h.index and self._role_ok(text, h):
                out.append((self._officials[other].name, "official", _Hit(h.start, h.end, other, "role", f"{m.group(1)} {slot[1]}")))
        return out

    def _slot(self, h: _Hit) -> tuple[str, str] | None:
        """The office a role hit names (core.detect_roles.role_slot), or the official's own."""
        key = (h.detail, h.index)
        if key in self._slots_of:
            return self._slots_of[key]
        index = self._roles
        slot = role_slot(h.detail, index.alias_country)
        if slot not in index.since and slot not in index.tenures:
            slot = (index.country[h.index], index.office[h.index]) if h.index in index.office else None
        if len(self._slots_of) > 4096:
            self._slots_of.clear()  # heads' details carry offsets: keep the cache bounded
        self._slots_of[key] = slot
        return slot

    def _redated(self, text: str, out: list[tuple], years_at: list[int]) -> list[tuple]:
        """A current holder's role told in a year before he took the office ("In 1987, Iran's
        president ...") is whoever held it then (a past role with years), or nobody
        (core.detect_dates)."""
        index = self._roles
        res = []
        for name, kind, h in out:
            if h.how == "role" and "(held then" not in h.detail:
                slot = self._slot(h)
                since = index.since.get(slot) if slot is not None else None
                if since is not None and since[1] == h.index and may_be_dated(years_at, h.start, h.end):
                    years = dated_years(text, h.start, h.end)
                    if years and max(years) < since[0]:
                        oi = holder_then(index.tenures.get(slot, []), years)
                        if oi is not None:
                            detail = f"{h.detail} (held then: {' '.join(slot).strip()} in {min(years)})"
                            res.append((self._officials[oi].name, kind, _Hit(h.start, h.end, oi, "role", detail)))
                        continue
            res.append((name, kind, h))
        return res

    def _past_phrase(self, text: str, h: _Hit, years_at: list[int]) -> list[tuple]:
        """A past role's phrase ("Iran's ambassador to the United Nations"): whoever held it in
        the year its passage is dated in, nobody in an undated one."""
        if not may_be_dated(years_at, h.start, h.end):
            return []  # no year near it: the quick way out
        before = tokens_before(text, h.start)
        after = text[h.end : h.end + 16].lower()
        qualified = (before and before[-1] in ("then", "former", "ex")) or after.lstrip(" \t\u200c").startswith(
            ("at the time", "of the day", "وقت", "سابق", "پیشین")
        ) or " وقت " in text[h.start : h.end]  # «فرمانده وقت نیروی انتظامی»
        years = any_years(text, h.start, h.end) if qualified else dated_years(text, h.start, h.end)
        if not years:
            return []
        if not qualified and not self._role_ok(text, h):
            return []  # "In 2005, Tehran mayor Mahmoud Ahmadinejad ...": somebody named
        nxt = _NAME_AFTER.match(text, h.end)
        if nxt and (_name_like(nxt.group(1)) or _key(nxt.group(1)) in PERSIAN_GIVEN_NAMES):
            return []  # "the then Tehran mayor, Mahmoud Ahmadinejad"
        oi = holder_then(self._roles.tenures.get(self._slot(h), []), years)
        if oi is None:
            return []
        detail = f"{text[h.start:h.end]} (held then: {min(years)})"
        return [(self._officials[oi].name, "official", _Hit(h.start, h.end, oi, "role", detail))]

    def _dated_role(self, text: str, h: _Hit) -> list[tuple]:
        """The past holder a refused role names where it is dated ("the then Iranian foreign
        minister ... in 2015"): the watchlist's roles with years (core.detect_heads.past_holder)."""
        parsed = parse_role(h.detail)
        if parsed is None and not _PERSIAN_LETTER.match(h.detail):
            return []
        if parsed is None:
            if not any(w in text[h.end : h.end + 12] for w in _PAST_WORDS_FA):
                return []  # the quick way out: no «وقت»/«سابق»/«پیشین» right after it
            # a Persian role without a country («معاون اول رئیس‌جمهور وقت», the first deputy of the
            # president of the day): Iran's office, the head's
            words = _key(h.detail).split()
            head = next((ROLE_HEADS[k] for n in range(len(words), 0, -1) if (k := " ".join(words[:n])) in ROLE_HEADS), None)
            if head is None or head[1]:
                return []
            office, country = head[0], None
        elif parsed.office == "counterpart":
            return []
        else:
            office, country = parsed.office, parsed.country
        r = past_holder(text, h.start, h.end, office, tokens_before(text, h.start), self._roles, country)
        return [] if r is None else [(self._officials[r.official].name, "official", _Hit(r.start, r.end, r.official, "role", r.detail))]

    def _in_context(self, text: str, waiting: list[tuple[int, _Hit, list[int]]], accepted: list[tuple]) -> list[tuple]:
        """Context-needing surnames the article vouches for: the official is named plainly
        anywhere in it, or the surname stands in a list of other officials' names."""
        named = {h.index for _, _, h in accepted}
        spans = sorted((h.start, h.end) for _, _, h in accepted)
        out = []
        for oi, h, role_spots in waiting:
            if (
                self._context_ok(text, h, oi in named, role_spots)
                or _listed(text, h, spans)
                or (bool(named - {oi}) and _opens_clause(text, h))
                or _writes(text, h)
            ):
                if not self._first_name_use(text, h):
                    out.append((self._officials[oi].name, "official", h))
        return out

    def _heads_found(self, text: str, heads: list[_Hit], named: list[_Hit], accepted: list[tuple]) -> list[tuple]:
        """Bare role heads that take their country from the words around them (core.detect_roles)."""
        # Most heads end a role or name hit ("Iran's foreign minister"): those are not bare.
        ends: dict[int, int] = {}
        for h in named:
            if h.start < ends.get(h.end, h.end + 1):
                ends[h.end] = h.start
        if all(ends.get(h.end, h.end + 1) <= h.start for h in heads):
            return []
        spans = sorted((h.start, h.end) for h in named)
        starts = [a for a, _ in spans]
        longest = max((b - a for a, b in spans), default=0)
        bare = []
        for h in _outermost(heads):
            i = bisect_left(starts, h.end)  # spans starting before the head ends
            j = i - 1
            while j >= 0 and starts[j] >= h.start - longest and spans[j][1] <= h.start:
                j -= 1
            if j < 0 or starts[j] < h.start - longest or spans[j][1] <= h.start:
                bare.append((h.start, h.end, h.detail))  # inside no alias or role
        bare.sort()
        if not bare:
            return []
        index = self._roles
        anchors = []
        for _, _, h in accepted:
            role = h.how == "role" and _key(h.detail) in index.suffix_roles
            anchors.append(Item(h.start, h.end, index.office.get(h.index), index.country.get(h.index), h.index, role))

        def role_ok(start: int, end: int, phrase: str, oi: int) -> bool:
            return self._role_ok(text, _Hit(start, end, oi, "role", phrase))

        out = []
        for r in resolve_heads(text, bare, anchors, index, role_ok):
            # "his foreign minister" after Rouhani stands for a description ("Rouhani's foreign
            # minister"): it counts, as descriptions do, in an article about what the watchlist follows
            how = "description" if OWNED_MARK in r.detail else "role"
            out.append((self._officials[r.official].name, "official", _Hit(r.start, r.end, r.official, how, r.detail)))
        return out
