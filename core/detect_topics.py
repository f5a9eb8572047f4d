"""Which topics a text names: exclusions, sense rules (sport, business, protocol, dated accords,
the 2015 accord told as history, countries in a roll-call, interviews, labour and party talks,
a neighbour's trade or energy file, a sports body's sanctions, «تحریم» as a boycott, a market
snapback, civil enrichment and centrifuges, meetings that do not bring the sides together over
the file, sanctions on another target, the bomb or the treaty told of another armed state,
diplomacy as a field of study, an accord a side pulled out of (and "the deal" of the next
sentence), a message on a neighbour's trade; word lists in core.detect_senses), an official of a side at the mediator's place standing for a talk
word and the mediator's own official for its place, other parties' talks (core.detect_parties;
a round at the mediator's place stays the talks, whoever speaks of it; Iran and the IAEA stay the
talks wherever a third state hosts them), a passage that turns or moves to another country's
affairs ("Turning to ...", "Meanwhile, in Baghdad"), a round of something that is no talks, real
estate that describes the envoy (no business cue for "deal"),
another country's affairs ("@about"), groups paired within a sentence, and topics that count
for another ("@also")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from core.detect_hits import _Bans, _Hit, _nearest, _outermost, _overlaps
from core.detect_parties import MEDIATORS, ONLOOKERS, SIDES, sides_present
from core.detect_places import listed_among_others
from core.detect_senses import (
    CEREMONIAL_SENSE_TERMS,
    DISCUSSED_AFTER,
    OLD_ACCORD_MARKS,
    STUDIED_CUES,
    in_context_sense,
    is_bilateral_economic,
    is_boycott,
    is_ceremonial,
    is_civil,
    is_corporate,
    is_dated_accord,
    is_definite,
    is_disciplinary,
    is_domestic,
    is_indefinite_interview,
    is_interview,
    is_interview_again,
    is_interview_before,
    is_market,
    is_past_accord,
    is_round_of_another,
    is_sport,
    is_studied,
    is_venue,
    is_withdrawn_accord,
    may_be_boycott,
    names_the_file,
    on_another_target,
    talks_now,
    tells_withdrawal,
)
from core.detect_sentences import SentenceBounds
from core.detect_words import COUNTRY_WORDS
from core.normalize import normalize_key

# "a deal with Tehran", "معامله با آمریکا": one side of the talks as the other party makes the
# deal diplomacy, whatever business words stand around it ("a regional enrichment consortium
# as the basis for a deal with Tehran").
_WITH_A_SIDE = re.compile(
    r"[ \t]+(?:with|between)[ \t]+(?:the[ \t]+)?(?:Iran|Tehran|Washington|America|United[ \t]+States|U\.?S\.?|Iranians"
    r"|Americans|Europe|Europeans)(?![\w-]|[ \t]+[A-Z])|[ \t\u200c]*(?:ی[ \t]+)?با[ \t]+(?:ایران|تهران|آمریکا|امریکا|واشنگتن|غرب|اروپا)(?!\w)"
)


def _commercial_sense(bounds: SentenceBounds, h: _Hit) -> bool:
    """"deal" in its business sense: a price, a firm or a player in the words around it, about
    a sentence either side ("signed a $2 billion deal with a Japanese consortium", "a deal to
    sign a striker"), unless the deal is with one of the sides ("a deal with Tehran")."""
    at = bounds.flags["commercial at"]  # where the business cues start (found by the automaton)
    if not at:
        return False
    if _WITH_A_SIDE.match(bounds.text, h.end) is not None:
        return False
    i = bisect_left(at, h.start - 160)
    while i < len(at) and at[i] < h.end + 100:
        if not _describes_the_envoy(bounds.text, at[i], h):
            return True
        i += 1
    return False


# (session 23) Real estate that describes the envoy ("the real-estate developer turned envoy", "his friend
# from the Manhattan real-estate world") is his biography, not a deal's business.
_REAL_ESTATE = re.compile(r"real[ \t-]estate", re.IGNORECASE)
_ENVOY_WORDS = re.compile(r"(?<!\w)(?:envoy|diplomat|negotiator|point man)(?!\w)", re.IGNORECASE)


def _describes_the_envoy(text: str, cue: int, h: _Hit) -> bool:
    if _REAL_ESTATE.match(text, cue) is None:
        return False  # the usual case: another business cue
    lo, hi = min(cue, h.start), max(cue, h.end)
    return _ENVOY_WORDS.search(text, max(0, lo - 160), hi + 160) is not None


def _sport_sense(bounds: SentenceBounds, h: _Hit) -> bool:
    """A country named on a sports page ("Oman beat Iran 2-1 in a World Cup qualifier")."""
    return bounds.flags["sport"] and is_sport(bounds.text[max(0, h.start - 160) : h.end + 160])


def _country_in_list(text: str, h: _Hit) -> bool:
    """A country term that is one of a list of other countries names no party to the talks."""
    before, after = text[max(0, h.start - 5) : h.start], text[h.end : h.end + 5]
    if not (before.endswith((", ", "، ", " and ", " و ")) or after.startswith((", ", "، ", " and ", " و ", ","))):
        return False  # the usual case: not in a list at all
    return listed_among_others(text, h.start, h.end)


# "any agreement must lead to the lifting of sanctions", «هر توافقی باید به لغو تحریم‌ها منجر
# شود»: a deal that lifts sanctions is the deal with the other side, whoever else the sentence names
# (a meeting with China's ambassador). A deal to get around sanctions is not.
_DEAL_WORDS = frozenset(normalize_key(w) for w in "deal deals agreement agreements accord accords توافق".split())
_LIFTS_SANCTIONS = re.compile(
    r"[^.!?؟\n]{0,80}?(?:"
    r"(?<!\w)(?:lift|lifts|lifting|lifted|removal|remove|removing|end|ending)(?!\w)[^.!?؟\n]{0,40}?sanction"
    r"|(?<!\w)(?:لغو|رفع)[^.!?؟\n]{0,40}?تحریم|تحریم[^.!?؟\n]{0,40}?(?<!\w)(?:لغو|رفع)(?!\w))",
    re.IGNORECASE,
)


def _deal_lifting_sanctions(text: str, h: _Hit) -> bool:
    return normalize_key(h.detail).rstrip("*") in _DEAL_WORDS and _LIFTS_SANCTIONS.match(text, h.end) is not None


# A passage that turns to another country's affairs ("Turning to Asia, the secretary said ...",
# «سپس به موضوع ... پرداخت», «در ادامه به ... اشاره کرد»): a hit after the turn, in a sentence
# naming nothing Iranian, is that affair's (talks with another state, sanctions on another), unless
# the turn is to the talks or the file themselves.
_TURN = re.compile(
    r"(?<!\w)(?:Turning|Moving on|Switching)(?:[ \t]+next)?[ \t]+to[ \t]+(?P<en>[^,.;!?\n]{1,60})"
    r"|(?<!\w)(?:سپس|در[ \t\u200c]+ادامه|همچنین)[ \t\u200c]+به[ \t\u200c]+(?P<fa>[^.!?؟\n]{1,70}?)[ \t\u200c]+"
    r"(?:پرداخت|اشاره[ \t\u200c]+کرد|اشاره[ \t\u200c]+داشت)(?!\w)"
)
_TURN_CUES = ("Turning", "Moving on", "Switching", "پرداخت", "اشاره")
# (session 23) A move to a third country's capital is a turn too: "Meanwhile, in Baghdad, ...", «در همین
# حال در بغداد»; a move to a side's, a mediator's or an onlooker's place, or to a city no country word
# names ("Meanwhile in Vienna"), is not. Matched only where a cue stands (found by substring search).
_MOVE = re.compile(
    r"(?:Meanwhile|Elsewhere),?[ \t]+in[ \t]+(?P<place>[A-Z][\w-]+)"
    r"|همین[ \t\u200c]+حال[ \t\u200c]*،?[ \t\u200c]*در[ \t\u200c]+(?P<place_fa>[^\W\d_]+)"
)
_MOVE_CUES = ("Meanwhile", "Elsewhere", "همین حال")
_THIRD_PLACES = frozenset(w for w, c in COUNTRY_WORDS.items() if c not in SIDES and c not in MEDIATORS and c not in ONLOOKERS)
_TURN_TO_THE_FILE = re.compile(
    r"(?<!\w)(?:iran\w*|tehran\w*|washington|america\w*|united[ \t]+states|u\.?s\.?|nuclear|sanction\w*|enrich\w*"
    r"|muscat|oman\w*|indirect|ایران\w*|تهران|آمریکا\w*|امریکا\w*|واشنگتن|هسته\w*|تحریم\w*|غنی\w*|مسقط|عمان\w*"
    r"|برجام|غیر[ \t\u200c]?مستقیم)(?!\w)",
    re.IGNORECASE,
)
_IRANIAN_WORD = re.compile(r"(?<!\w)(?:Iran\w*|Tehran\w*|Islamic Republic|ایران\w*|تهران)(?!\w)")


def _turns(bounds: SentenceBounds) -> list[int]:
    """Where each turn to another affair ends (once per text; none in the usual text)."""
    found = bounds.flags.get("turns")
    if found is None:
        text = bounds.text
        found = []
        if any(c in text for c in _TURN_CUES):
            for m in _TURN.finditer(text):
                if _TURN_TO_THE_FILE.search(m.group("en") or m.group("fa")) is None:
                    found.append(m.end())
        if bounds.flags["move"]:  # a cue word found by the automaton: rare
            for cue in _MOVE_CUES:
                i = text.find(cue)
                while i >= 0:
                    m = _MOVE.match(text, i)
                    if m is not None and normalize_key(m.group("place") or m.group("place_fa")) in _THIRD_PLACES:
                        found.append(m.end())
                    i = text.find(cue, i + 1)
            found.sort()
        bounds.flags["turns"] = found
    return found


def _after_turn(bounds: SentenceBounds, h: _Hit) -> bool:
    """Whether ``h`` stands after a turn to another affair, in a sentence (from the turn on) that
    names nothing Iranian."""
    turns = _turns(bounds)
    if not turns or h.start < turns[0]:
        return False
    t = max(x for x in turns if x <= h.start)
    s, e = bounds.around(h.start, h.end)
    return _IRANIAN_WORD.search(bounds.text, max(s, t), e) is None


def _once_per_sentence(bounds: SentenceBounds, tag: str, start: int, test: Callable[[], bool]) -> bool:
    """A sentence-level sense test run once per sentence however many of its hits ask (memoised in
    the scan's flags under the tag and the sentence's start)."""
    key = f"{tag} {start}"
    found = bounds.flags.get(key)
    if found is None:
        found = bounds.flags[key] = test()
    return found


def _previous(bounds: SentenceBounds, start: int) -> int:
    """Where the sentence before the one starting at ``start`` starts (``start`` for the first)."""
    return bounds.around(start - 2, start - 1)[0] if start > 1 else start


class TopicRules:
    """Matcher methods (a mixin) that turn term hits into topic mentions."""

    def _other_sense(self, bounds: SentenceBounds, h: _Hit, paired: bool, people: bool) -> bool:
        """A country listed among other countries or named on a sports page (in a topic that
        pairs it with other words), "deal" in its business sense or named by its year, a
        message of congratulation, talks between companies in an article naming no official."""
        detail = h.detail
        if detail in self._round_of_terms and is_round_of_another(bounds.text, h.end, detail.endswith(" of")):
            return True  # "a new round of restoration work"
        if detail in self._target_terms and on_another_target(bounds.text, h.end):
            return True  # "sanctions on International Criminal Court judges"
        if detail in self._country_terms:
            return paired and (_country_in_list(bounds.text, h) or (bounds.flags["sport"] and _sport_sense(bounds, h)))
        if detail in self._commercial_terms and _commercial_sense(bounds, h):
            return True
        if detail in self._accord_terms and is_dated_accord(bounds.text, h.start, h.end):
            return True
        if detail in self._history_terms:
            if is_withdrawn_accord(bounds.text, h.start):  # a few substring tests first
                s, e = bounds.around(h.start, h.end)
                if not _once_per_sentence(bounds, "talks now", s, lambda: talks_now(bounds.text[s:e])):
                    return True  # "pulled out of the accord": history, not talks
            if self._names_old_accord(bounds):
                s, e = bounds.around(h.start, h.end)
                if _once_per_sentence(bounds, "history", s, lambda: is_past_accord(bounds.text[s:e])):
                    return True  # the 2015 accord told as history
                if s > 1 and is_definite(bounds.text, h.start):
                    ps = _previous(bounds, s)
                    if (
                        _once_per_sentence(bounds, "history", ps, lambda: is_past_accord(bounds.text[ps:s]))
                        and tells_withdrawal(bounds.text[ps:s])
                        and not _once_per_sentence(bounds, "talks now", s, lambda: talks_now(bounds.text[s:e]))
                    ):
                        return True  # "... out of the 2015 accord. Tehran then exceeded the deal's caps"
        if detail in self._ceremonial_terms:
            s, e = bounds.around(h.start, h.end)
            if is_ceremonial(bounds.text[s:e]):
                return True
            if detail not in self._economic_terms:
                return False
        if detail in self._interview_terms and (
            is_indefinite_interview(bounds.text, h.start, h.end) or is_interview_again(bounds.text, h.start)
        ):
            return True  # «در گفت‌وگویی گفت»: in an interview; «در این گفت‌وگو» after one
        if detail in self._interview_terms:
            # once per hit: negotiations and Oman talks share the term
            key = f"interview {h.end}"
            found = bounds.flags.get(key)
            if found is None:
                found = bounds.flags[key] = is_interview(
                    bounds.text, h.end, bounds.flags["people at"], self._country_words
                ) or (
                    DISCUSSED_AFTER.match(bounds.text, h.end) is not None
                    and (is_interview_before(bounds.text, h.start) or not self._both_sides_around(bounds, h))
                )
            if found:
                return True
        if detail in self._studied_terms:
            cue = bounds.flags.get("studied")
            if cue is None:  # once per text: substring tests on the normalised text
                n = bounds.flags["normalized"]
                cue = bounds.flags["studied"] = any(c in n for c in STUDIED_CUES)
            if cue:
                s, e = bounds.around(h.start, h.end)
                if _once_per_sentence(bounds, "studied", s, lambda: is_studied(bounds.text[s:e])):
                    return True  # "a lecture on the history of Persian diplomacy"
        senses = self._context_terms.get(detail)
        if senses is not None:
            s, e = bounds.around(h.start, h.end)
            return not in_context_sense(*senses, bounds.text[s:e])  # "refunds in exchange for paying taxes"
        if detail in self._meeting_terms and h.index in self._meeting_topics:
            s, e = bounds.around(h.start, h.end)
            key = f"sides {s}"  # once per sentence
            both = bounds.flags.get(key)
            if both is None:
                # Both sides named as parties (a word or an official of each), no third country ...
                people = bounds.flags["people"]
                both = self._parties.both_sides(bounds.text, s, e, people)
                # ... and both take part: an official or the diplomats of each side, not the side
                # that imposes the sanctions a cabinet meeting discussed
                both = both and sides_present(
                    normalize_key(bounds.text[s:e]), {self._parties.side_of(oi) for p, oi in people if s <= p < e}
                )
                bounds.flags[key] = both
            if not both:
                return True  # a meeting that does not bring the sides together
        if detail in self._letter_terms:
            s, e = bounds.around(h.start, h.end)
            sides, *_ = self._parties._parties(bounds.text, s, e)
            iranian = any(s <= p < e and self._parties.side_of(oi) == "iran" for p, oi in bounds.flags["people"])
            if "iran" not in sides and not iranian:
                return True  # a letter to somebody other than Iran
        if detail in self._sport_talk_terms and bounds.flags["sport"] and _sport_sense(bounds, h):
            return True  # "talks with the Omani striker", "into the next round"
        civil = self._civil_terms.get(detail)
        if civil is not None and bounds.flags["civil"]:
            s, e = bounds.around(h.start, h.end)
            if is_civil(civil, bounds.text[s:e]):
                return True
        if (detail in self._discipline_terms and bounds.flags["discipline"]) or (
            detail in self._market_terms and bounds.flags["market"]
        ):
            s, e = bounds.around(h.start, h.end)
            test = is_disciplinary if detail in self._discipline_terms else is_market
            if test(bounds.text[s:e]):
                return True
        if detail in self._boycott_terms and may_be_boycott(bounds.text, h.start, h.end):
            s, e = bounds.around(h.start, h.end)
            if _once_per_sentence(bounds, "boycott", s, lambda: is_boycott(bounds.text[s:e])):
                return True  # «جلسه بعدی را تحریم خواهند کرد»: staying away, not sanctions
        if detail in self._economic_terms and bounds.flags["economic"]:
            s, e = bounds.around(h.start, h.end)
            if normalize_key(detail).rstrip("*") in CEREMONIAL_SENSE_TERMS:  # a message: judged apart
                if _once_per_sentence(
                    bounds, "economic message", s, lambda: is_bilateral_economic(bounds.text[_previous(bounds, s):e], True)
                ):
                    return True  # "a message on expanding trade, including a new shipping line"
            elif _once_per_sentence(bounds, "economic", s, lambda: is_bilateral_economic(bounds.text[_previous(bounds, s):e])):
                return True  # a gas pipeline or trade file with a neighbour, not these talks
        if (detail in self._business_talk_terms or detail in self._accord_terms) and bounds.flags["domestic"]:
            s, e = bounds.around(h.start, h.end)
            if is_domestic(bounds.text[s:e]):
                return True  # "urged the factions to negotiate a compromise in parliament"
            if s > 1 and is_definite(bounds.text, h.start) and is_domestic(bounds.text[_previous(bounds, s) : e]):
                return True  # «این مذاکرات» after a sentence on the wage council's talks
        if (detail in self._business_talk_terms or detail in self._accord_terms) and not people:
            # "months of talks between the two companies", "the agreement follows talks on the
            # pricing formula": a firm's own dealings, in an article naming no official
            return is_corporate(bounds.text[max(0, h.start - 160) : h.end + 100])
        return False

    def _both_sides_around(self, bounds: SentenceBounds, h: _Hit) -> bool:
        """Whether the sentence of ``h`` and the one before name both sides of the talks, by a
        country word or an official of each, and no third country."""
        s, e = bounds.around(h.start, h.end)
        ps = bounds.around(s - 2, s - 1)[0] if s > 1 else s
        people = bounds.flags["people"]
        return self._parties.may_name_both(bounds.text, ps, e, people) and self._parties.both_sides(
            bounds.text, ps, e, people
        )

    @staticmethod
    def _names_old_accord(bounds: SentenceBounds) -> bool:
        """Whether the text names the 2015 accord anywhere (once per text, substring tests)."""
        found = bounds.flags.get("old accord")
        if found is None:
            n = bounds.flags["normalized"]
            found = bounds.flags["old accord"] = any(mark in n for mark in OLD_ACCORD_MARKS)
        return found

    def _both_officials(self, bounds: SentenceBounds, h: _Hit, officials: list[tuple]) -> bool:
        """Whether tracked officials of both sides stand in the meeting's sentence ("Araghchi met
        Witkoff in Muscat"): the negotiators meeting are the talks, whatever they discussed."""
        near = {self._parties.side_of(m.index) for _, _, m in officials if abs(m.start - h.start) < 400}
        if not {"iran", "west"} <= near:
            return False
        s, e = bounds.around(h.start, h.end)
        return {self._parties.side_of(m.index) for _, _, m in officials if s <= m.start < e} >= {"iran", "west"}

    def _about_the_file(self, bounds: SentenceBounds, h: _Hit, slots: list[list[_Hit]]) -> bool:
        """Whether the meeting at ``h`` is about the file: a term of a topic that is no talks (the
        programme, sanctions) in its sentence or the next ("met the E3's political directors.
        The meeting was about the snapback ...")."""
        at = bounds.flags.get("file at")
        if at is None:  # once per text: where the file's terms start
            at = bounds.flags["file at"] = sorted(
                x.start for ti in self._file_topics for slot in self._topic_slots[ti] for x in slots[slot]
            )
        i = bisect_left(at, h.start - 600)
        while i < len(at) and at[i] < h.end + 1200:  # usually none or one: general news has no such term
            x = at[i]
            if bounds.apart(x, h.start, 0) if x < h.start else bounds.apart(h.start, x, 1):
                return True
            i += 1
        return False

    def _officials_at(self, bounds: SentenceBounds, places: list[_Hit], officials: list[tuple], ti: int) -> list[_Hit]:
        """A side's official at the mediator's place stands for the talk word: "Witkoff is expected
        back in the Omani capital", «عراقچی برای دور تازه به مسقط رفت». The place is a venue ("in",
        "to", "the Omani capital", «در», «به»), and the passage names the other side or the file (a
        visit on trade or a pipeline, or a trip told alone, is not the talks). One hit per place."""
        out = []
        text = bounds.text
        for p in places:
            if not is_venue(text, p.start, p.end):
                continue
            s, e = bounds.around(p.start, p.end)
            sides = {self._parties.side_of(h.index) for _, _, h in officials if s <= h.start < e}
            if "west" not in sides and "iran" not in sides:
                continue
            ps = bounds.around(s - 2, s - 1)[0] if s > 1 else s
            ne = bounds.around(e + 1, e + 2)[1] if e + 2 < len(text) else e
            both = "west" in sides and "iran" in sides  # the negotiators meet there: the talks
            if not both and not names_the_file(text[ps:ne], "west" if "west" in sides else "iran"):
                continue
            who = next(h for _, _, h in officials if s <= h.start < e and self._parties.side_of(h.index))
            out.append(_Hit(p.start, p.end, ti, "rule", f"{p.detail} (venue of {self._officials[who.index].name})"))
        return out

    def _mediator_named(self, officials: list[tuple], ti: int) -> list[_Hit]:
        """The mediator's tracked official, by any alias ("Sayyid Badr shuttled between the
        delegations"), stands for its place in a topic that pairs the place with talk words."""
        home = self._venue_country.get(ti)
        if home is None:
            return []
        return [
            _Hit(h.start, h.end, ti, "rule", f"{self._officials[h.index].name} (the mediator)")
            for _, _, h in officials
            if self._roles.country.get(h.index) == home
        ]

    def _round_at_venue_of(self, text: str, h: _Hit) -> bool:
        """A round held at the mediator's place ("the upcoming round in Muscat", «دور بعدی در مسقط»)
        is the talks, whoever speaks of it (a Saudi minister's call with his Iranian counterpart)."""
        if self._round_at_venue is None or h.detail not in self._round_terms:
            return False
        after, within = self._round_at_venue
        return after.match(text, h.end) is not None or within.search(h.detail) is not None  # "the Muscat round"

    def _others_talk(self, bounds: SentenceBounds, h: _Hit, spots: list[tuple[int, int]]) -> bool:
        """Talks between other parties (core.detect_parties), judged once per sentence."""
        s, e = bounds.around(h.start, h.end)
        memo = bounds.flags
        key = f"parties {s}"
        found = memo.get(key)
        if found is None:
            ps = bounds.around(s - 2, s - 1)[0] if s > 1 else s
            # the sentence's own parties count too: "Meanwhile South Korea's minister said talks
            # with Washington on tariffs ..." after a sentence about Tehran
            found = memo[key] = self._parties.others_talk(bounds.text, ps, e, spots, own=s if ps < s else None)
        return found

    # -- topics ------------------------------------------------------------------------------

    def _topics_found(self, bounds: SentenceBounds, slots: list[list[_Hit]], officials: list[tuple]) -> list[tuple]:
        people = bool(officials)
        bounds.flags["people at"] = tuple(h.start for _, _, h in officials)
        bounds.flags["people"] = [(h.start, h.index) for _, _, h in officials]
        third = bool(slots[self._third_slot])  # a third country is named: talks may be others'
        implied = False  # a topic that counts for another ("@also") passed its groups
        out: list[tuple] = []
        elsewhere: bool | None = None
        first_excl = self._first_excl
        # Terms a sense rule can refuse; talks between companies only matter with nobody named.
        checked = self._sense_terms if not people else self._sense_terms_people
        for family, terms in self._gated_terms.items():
            if bounds.flags[family] and terms:
                checked = checked | terms
        for ti, topic in enumerate(self._topics):
            raw = [slots[slot] for slot in self._topic_slots[ti]]
            if not all(raw):
                venue = self._venue_groups.get(ti) if people else None
                if venue is None or not (raw[venue[0]] or raw[venue[1]]):
                    continue  # the usual case; exclusions and sense rules only remove hits
                place, talk = venue
                if raw[place]:  # a side's official at the mediator's place stands for the talk word
                    at = self._officials_at(bounds, raw[place], officials, ti)
                else:  # the mediator's own official (by any alias) stands for its place
                    at = self._mediator_named(officials, ti)
                if not at:
                    continue
                raw = list(raw)
                raw[talk if raw[place] else place] = at
            bans = slots[first_excl + ti]
            if bans:
                bans = _Bans([(h.start, h.end) for h in bans])
            groups = []
            for gi, hits in enumerate(raw):
                if bans:
                    hits = [h for h in hits if not _overlaps(bans, h)]
                if ti in self._meeting_topics and hits:
                    # A meeting with no term of the file (the programme, sanctions) in its sentence
                    # or the next is no step in the talks: dropped before any work on its parties.
                    hits = [
                        h for h in hits
                        if h.detail not in self._meeting_terms
                        or self._about_the_file(bounds, h, slots)
                        or self._both_officials(bounds, h, officials)
                    ]
                if hits and (ti, gi) in self._sense_groups:
                    paired = len(raw) > 1
                    hits = [h for h in hits if h.detail not in checked or not self._other_sense(bounds, h, paired, people)]
                if third and hits and (ti, gi) in self._talk_groups:
                    spots = [(h.start, h.index) for _, _, h in officials]
                    hits = [
                        h for h in hits
                        if not self._others_talk(bounds, h, spots)
                        or _deal_lifting_sanctions(bounds.text, h)
                        or self._round_at_venue_of(bounds.text, h)
                    ]
                if hits and _turns(bounds):
                    hits = [h for h in hits if not _after_turn(bounds, h)]  # "Turning to Asia, ..."
                groups.append(_outermost(hits))  # sorted by start
            if not all(groups):
                continue
            if ti in self._foreign_only:
                if elsewhere is None:  # once per article, and only when such a topic hit
                    places = self._talk_places if ti in self._talk_topics else self._places
                    elsewhere = not people and places.only_foreign(bounds.text)
                if elsewhere:
                    continue  # "Pakistan tested its first atomic bomb ...": another country's
            subject = self._about.get(ti)
            if subject is not None and not people:
                subject = self._about_alone.get(ti, subject)  # "@about Iran, not Israel"
            if subject is not None:
                key = f"elsewhere {subject.key}"
                if key not in bounds.flags:  # once per article and country
                    home = subject.home
                    own = any(self._roles.country.get(h.index, home) == home for _, _, h in officials)
                    bounds.flags[key] = not own and subject.elsewhere(bounds.text, bounds.flags["normalized"])
                if bounds.flags[key]:
                    continue  # "US sanctions on Venezuelan officials": another country's
            implied = implied or ti in self._also
            if len(groups) == 1:
                out.extend((topic.name, "topic", h) for h in groups[0])
                continue
            starts = [[h.start for h in g] for g in groups]
            for gi, hits in enumerate(groups):
                others = [j for j in range(len(groups)) if j != gi]
                for h in hits:
                    partners = [_nearest(bounds, h, groups[j], starts[j]) for j in others]
                    if all(p is not None for p in partners):
                        detail = " + ".join([h.detail] + [p.detail for p in partners])
                        out.append((topic.name, "topic", _Hit(h.start, h.end, ti, "rule", detail)))
        if implied:
            out.extend(self._implied(out))
        return out

    def _implied(self, found: list[tuple]) -> list[tuple]:
        """Mentions of the topics that found topics count as ("@also negotiations"), where
        those topics have no hits of their own."""
        have = {name for name, _, _ in found}
        out = []
        for name, kind, h in found:
            target = self._also.get(h.index)
            if target is not None and target not in have and self._topics[h.index].name == name:
                out.append((target, kind, _Hit(h.start, h.end, h.index, "rule", f"{h.detail} ({name})")))
        return out
