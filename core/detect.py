"""Detection of tracked officials and topics in article text, with evidence for every hit.

One Aho-Corasick pass over the normalised text finds every alias, role phrase, topic term
and exclusion at once, overlapping matches included, so a surname inside a full name, or
one official's name inside another's, never hides a match. Everything after that pass
works on the few hits only: word boundaries, case, guards against other people who share
a surname ("Mojtaba Khamenei"), role modifiers ("former", "deputy"), context for ambiguous
surnames ("Aref"), topic rules across neighbouring sentences, and a guarded fuzzy pass
for spellings the aliases miss.

Where the parts live: detect_keys (automaton keys), detect_hits (hits, Mention objects),
detect_people (guards on one official hit), detect_officials (officials of a text),
detect_roles / detect_heads / detect_places (role heads and countries), detect_topics and
detect_parties (topic rules; detect_places also answers "@foreign only" and "@about"),
detect_senses (what marks a topic word's other sense), detect_fuzzy (spelling slips),
detect_sentences (sentence bounds), detect_words (English and Persian word lists),
detect_misses (near-misses for admins). Matcher mixes in the rule classes.
"""

from __future__ import annotations

from collections import defaultdict

import ahocorasick

from core.detect_dates import year_keys
from core.detect_fuzzy import FuzzyNames, FuzzyPass, has_wrap_mark, persian_slips, persian_splits
from core.detect_heads import office_words
from core.detect_hits import _Hit, _mentions
from core.detect_keys import _case_ok, _spellings, _vowel_variants, alias_keys
from core.detect_officials import OfficialRules
from core.detect_parties import MEDIATORS, ONLOOKERS, SIDES, Parties
from core.detect_people import _LATIN, PersonRules
from core.detect_places import Places, Subject
from core.detect_roles import RoleIndex, country_of, past_role, role_phrase
from core.detect_senses import (
    ACCORD_TERMS,
    BOYCOTT_SENSE_TERMS,
    BUSINESS_TALK_TERMS,
    CEREMONIAL_SENSE_TERMS,
    CIVIL_SENSE_TERMS,
    COMMERCIAL_CUE_STEMS,
    COMMERCIAL_SENSE_TERMS,
    CONTEXT_SENSE_TERMS,
    DISCIPLINE_SENSE_TERMS,
    ECONOMIC_TALK_TERMS,
    HISTORY_ACCORD_TERMS,
    INTERVIEW_SENSE_TERMS,
    LETTER_TERMS,
    MARKET_SENSE_TERMS,
    MEETING_TERMS,
    SANCTION_TARGET_TERMS,
    SENSE_CUE_PREFIXES,
    SENSE_CUE_STEMS,
    SPORT_CUE_STEMS,
    SPORT_TALK_TERMS,
    STUDIED_SENSE_TERMS,
    round_at_venue,
)
from core.detect_sentences import SentenceBounds
from core.detect_topics import TopicRules
from core.detect_words import (
    COUNTRY_WORDS,
    PERSIAN_GIVEN_NAMES,
    ROLE_HEADS,
    TITLES,
    age_variants,
    office_variants,
)
from core.model import Alias, Detection, Official, Watchlist
from core.normalize import normalize, normalize_key
from core.watchlist import ABOUT_PREFIX, ALSO_PREFIX, FOREIGN_ONLY, RULE_PREFIX, about_countries

_COMMON_FIRST = frozenset({"mohammad", "muhammad", "mohammed", "mohamed", "muhammed"})

_ALIAS, _ROLE, _TERM, _EXCL, _HEAD, _SLIP, _THIRD, _CUE, _VOWEL, _DESC, _YEAR = range(11)

# A Persian description written with «سابق» ("former") holds with «اسبق» and «پیشین» too.
_FORMER_FA = normalize_key("سابق")
_FORMER_FA_OTHERS = tuple(normalize_key(w) for w in ("اسبق", "پیشین"))
_AT_THE_TIME_FA = normalize_key("وقت")  # "of the time", inside a Persian office phrase

class Matcher(FuzzyPass, OfficialRules, PersonRules, TopicRules):
    """Built once per watchlist (automaton, fuzzy index); ``scan`` is then pure and fast."""

    def __init__(self, watchlist: Watchlist):
        self.watchlist = watchlist
        self._officials = watchlist.officials
        self._topics = watchlist.topics
        entries: dict[str, list[tuple]] = defaultdict(list)
        self._own_words: list[frozenset[str]] = []
        self._given: list[frozenset[str]] = []
        self._partial_given: list[frozenset[str]] = []
        # Aliases that name the official beside a namesake: a given name or a title in them.
        # Sets of id(alias): hashing a frozen dataclass per hit costs more than the check.
        self._strong_aliases: set[int] = set()
        self._given_aliases: set[int] = set()  # those holding the official's given name
        self._wrapped: dict[str, list[tuple[int, Alias]]] = defaultdict(list)
        fuzzy_targets: dict[str, int] = {}
        vowel_keys: dict[str, tuple[int, Alias]] = {}
        persian_targets: dict[str, int] = {}
        for oi, official in enumerate(self._officials):
            own: set[str] = set()
            aliases = self._aliases(official)  # once: the ids below must be the entries' objects
            for alias in aliases:
                for key in alias_keys(alias.text):
                    entries[key].append((_ALIAS, oi, alias))
                    if " " not in key and not alias.needs_context and _LATIN.match(key):
                        fuzzy_targets.setdefault(key, oi)
                        self._wrapped[key].append((oi, alias))
                    elif " " not in key and not alias.needs_context and "\u0600" <= key[:1] <= "\u06ff":
                        persian_targets.setdefault(key, oi)
                for word in normalize_key(alias.text).split():
                    own.update(_spellings(word))
            self._own_words.append(frozenset(own))
            # Given names: every word of the canonical name but its last (the surname).
            given = {w for part in official.name.split()[:-1] for w in normalize_key(part).split()}
            self._given.append(frozenset(s for w in given for s in _spellings(w)))
            # The first of two given names, when it is Mohammad: "Mohammad Zarif" alone is
            # somebody else ("Mohammad Javad Zarif" is written with both).
            given_words = [w for part in official.name.split()[:-1] for w in normalize_key(part).split()]
            first = set(_spellings(given_words[0])) if len(given_words) > 1 else set()
            if not first & _COMMON_FIRST:
                first = set()
            self._partial_given.append(frozenset(first | {"محمد"} if first else ()))
            for alias in aliases:
                words = normalize_key(alias.text).split()
                if not self._given[-1].isdisjoint(words):
                    self._given_aliases.add(id(alias))
                    if len(words) > 1 and not alias.case_sensitive:
                        # The given names written in full vouch for a surname with one vowel
                        # changed ("Mohammad Reza Arif"): the usual transliteration slip.
                        for key in _vowel_variants(words):
                            vowel_keys.setdefault(key, (oi, alias))
                if (
                    not self._given[-1].isdisjoint(words)  # "Ali Khamenei"
                    or not TITLES.isdisjoint(words)  # "Ayatollah Khamenei"
                    or any(w in PERSIAN_GIVEN_NAMES for w in words)
                ):
                    self._strong_aliases.add(id(alias))
            role_keys: dict[str, str] = {}
            # not past ones (closed years); a current one's years (since when) are not its words
            roles = [role_phrase(role) for role in official.roles if not past_role(role)]
            for role in roles:  # the first role of a key names it, as it always did
                role_keys.setdefault(normalize_key(role), role)
            for role in roles:  # the same office in other words, unless a role is written so
                for variant in office_variants(normalize_key(role)):
                    role_keys.setdefault(variant, role)
            for key, role in role_keys.items():
                entries[key].append((_ROLE, oi, role))
            for desc in official.descriptions:
                key = normalize_key(desc)
                keys = {key} | office_variants(key) | age_variants(key)
                keys |= {k.replace(_FORMER_FA, w) for k in keys if _FORMER_FA in k.split() for w in _FORMER_FA_OTHERS}
                if "\u0600" <= key[-1:] <= "\u06ff" and not key.endswith("ی"):
                    keys.add(key + "ی")  # «جراح قلبی که ...»: the indefinite or relative ی
                for k in keys:
                    entries[k].append((_DESC, oi, desc))
        # A past role no current one is written as ("Iran's ambassador to the United Nations
        # (2002-2007)") is matched too: it names whoever held it when the passage is dated
        # (core.detect_officials), nobody otherwise. One entry per phrase: the years decide.
        for oi, official in enumerate(self._officials):
            for role in official.roles:
                if past_role(role):
                    key = normalize_key(role_phrase(role))
                    if not any(e[0] == _ROLE for e in entries.get(key, ())):
                        entries[key].append((_ROLE, oi, role))
                    first, _, rest = key.partition(" ")
                    if rest and "\u0600" <= first[:1] <= "\u06ff":
                        # «فرمانده وقت نیروی انتظامی», «شهردار وقت تهران»: "of the time" inside it
                        entries[f"{first} {_AT_THE_TIME_FA} {rest}"].append((_ROLE, oi, role))
        single_aliases: dict[str, int] = {}
        for key, found in entries.items():
            for entry in found:
                if entry[0] == _ALIAS and " " not in key:
                    single_aliases.setdefault(key, entry[1])
        self._roles = RoleIndex(self._officials, single_aliases)
        # roles that are a bare office ("Supreme Leader"): another country's holder told just
        # before takes them (core.detect_people)
        self._bare_roles = {
            role: ROLE_HEADS[normalize_key(role)][0]
            for o in self._officials
            for role in o.roles
            if normalize_key(role) in ROLE_HEADS
        }
        for office in set(self._bare_roles.values()):
            office_words(office)  # its pattern compiled now, at build, not on the first scan that needs it
        self._slots_of: dict[tuple[str, int], tuple[str, str] | None] = {}  # role hit -> office (core.detect_officials)
        self._foreign_only = {ti for ti, t in enumerate(self._topics) if FOREIGN_ONLY in t.exclude}
        third = frozenset(COUNTRY_WORDS.values()) - set(SIDES) - MEDIATORS - ONLOOKERS
        self._about: dict[int, Subject] = {}
        self._about_alone: dict[int, Subject] = {}
        subjects: dict[tuple, Subject] = {}  # one per rule: its patterns are compiled once
        for ti, t in enumerate(self._topics):
            for rule in t.exclude:
                if rule.startswith(ABOUT_PREFIX):
                    home, others = about_countries(rule)
                    self._about[ti] = subjects.setdefault((home, frozenset()), Subject(home, third - {home}))
                    if others:  # onlookers count as other countries only in an article naming no official
                        key = (home, frozenset(others))
                        if key not in subjects:
                            subjects[key] = Subject(home, (third | key[1]) - {home})
                            subjects[key].key = f"{home} not {' '.join(sorted(key[1]))}"
                        self._about_alone[ti] = subjects[key]
        names = {t.name.casefold(): t.name for t in self._topics}
        self._also = {
            ti: names[rule[len(ALSO_PREFIX) :].strip().casefold()]
            for ti, t in enumerate(self._topics)
            for rule in t.exclude
            if rule.startswith(ALSO_PREFIX) and rule[len(ALSO_PREFIX) :].strip().casefold() in names
        }
        # Groups of talk terms whose parties core.detect_parties checks: every group of a topic
        # another counts as ("negotiations"), and the non-place groups of that other ("Oman talks").
        targets = set(self._also.values())
        self._talk_topics = {ti for ti, t in enumerate(self._topics) if t.name in targets or ti in self._also}
        self._talk_groups = {
            (ti, gi)
            for ti, t in enumerate(self._topics)
            for gi, g in enumerate(t.groups)
            if t.name in targets or (ti in self._also and all(country_of(normalize_key(x)) is None for x in g))
        }
        # A topic that counts for another and pairs a place group with a talk group (Oman talks):
        # an official of a side at that place stands for the talk word (core.detect_topics).
        self._venue_groups: dict[int, tuple[int, int]] = {}
        for ti in self._also:
            places = [gi for gi, g in enumerate(self._topics[ti].groups) if any(country_of(normalize_key(x)) for x in g)]
            talks = [gi for gi in range(len(self._topics[ti].groups)) if (ti, gi) in self._talk_groups]
            if len(places) == 1 and len(talks) == 1 and len(self._topics[ti].groups) == 2:
                self._venue_groups[ti] = (places[0], talks[0])
        terms = {term for t in self._topics for g in t.groups for term in g}
        # Terms the sense rules look at, known at build time so other hits skip them at once.
        self._country_terms = {t for t in terms if country_of(normalize_key(t)) is not None}
        self._commercial_terms = {t for t in terms if normalize_key(t) in COMMERCIAL_SENSE_TERMS}

        def stem(t: str) -> str:
            return normalize_key(t).rstrip("*")

        self._ceremonial_terms = {t for t in terms if stem(t) in CEREMONIAL_SENSE_TERMS}
        self._business_talk_terms = {t for t in terms if stem(t) in BUSINESS_TALK_TERMS}
        self._accord_terms = {t for t in terms if stem(t) in ACCORD_TERMS}
        self._interview_terms = {t for t in terms if stem(t) in INTERVIEW_SENSE_TERMS}
        self._letter_terms = {t for t in terms if stem(t) in LETTER_TERMS}
        self._studied_terms = {t for t in terms if stem(t) in STUDIED_SENSE_TERMS}
        self._context_terms = {t: CONTEXT_SENSE_TERMS[stem(t)] for t in terms if stem(t) in CONTEXT_SENSE_TERMS}
        self._country_words = frozenset(COUNTRY_WORDS)
        self._discipline_terms = {t for t in terms if stem(t) in DISCIPLINE_SENSE_TERMS}
        self._market_terms = {t for t in terms if stem(t) in MARKET_SENSE_TERMS}
        self._civil_terms = {t: CIVIL_SENSE_TERMS[stem(t)] for t in terms if stem(t) in CIVIL_SENSE_TERMS}
        self._boycott_terms = {t for t in terms if stem(t) in BOYCOTT_SENSE_TERMS}
        # sanctions words in the topics that carry "@about": another target named right after them
        self._target_terms = {
            t for ti, tp in enumerate(self._topics) if ti in self._about for g in tp.groups for t in g
            if stem(t) in SANCTION_TARGET_TERMS
        }
        # a round at the mediator's place ("the upcoming round in Muscat") is the talks, whoever
        # speaks of it: the place words of the topics that pair a place with talk words
        venues = sorted(
            {x.rstrip("*") for ti, (pg, _) in self._venue_groups.items() for x in self._topics[ti].groups[pg]},
            key=len, reverse=True,
        )
        self._round_at_venue = round_at_venue(venues)
        self._round_terms = frozenset(t for t in terms if "round" in t.lower() or "دور" in t)
        # English round terms: "a new round of restoration work" is no talks (core.detect_senses)
        self._round_of_terms = frozenset(t for t in self._round_terms if t.isascii() and "round" in t.lower())
        # the mediator's country, of each such topic: its official stands for the place
        self._venue_country = {
            ti: max(countries, key=countries.count)
            for ti, (pg, _) in self._venue_groups.items()
            if (countries := [c for x in self._topics[ti].groups[pg] if (c := country_of(normalize_key(x.rstrip("*"))))])
        }
        # accord words in the talk topics: the 2015 accord told as history is no talks
        self._history_terms = {
            t for ti, tp in enumerate(self._topics) if ti in self._talk_topics for g in tp.groups for t in g
            if stem(t) in HISTORY_ACCORD_TERMS
        }
        # talk words in the talk topics: a bilateral trade or energy file is not these talks
        self._economic_terms = {
            t for ti, tp in enumerate(self._topics) if ti in self._talk_topics for g in tp.groups for t in g
            if stem(t) in ECONOMIC_TALK_TERMS
        } | {t for ti, (_, talks) in self._venue_groups.items() for t in self._topics[ti].groups[talks]}
        # Meeting words in the topic others count as: talks only where both sides meet (off
        # unless the watchlist lists such words: the check costs per hit of a common word).
        self._meeting_terms = {
            t for ti, tp in enumerate(self._topics) if tp.name in targets for g in tp.groups for t in g
            if stem(t) in MEETING_TERMS
        }
        self._meeting_topics = {
            ti for ti, tp in enumerate(self._topics)
            if tp.name in targets and any(t in self._meeting_terms for g in tp.groups for t in g)
        }
        # The file a meeting must be about: hits of the topics that are no talks (the programme,
        # sanctions), in the meeting's sentence or the next (core.detect_topics).
        self._file_topics = [ti for ti in range(len(self._topics)) if ti not in self._talk_topics]
        # Talk and deal words on a sports page are a transfer or a match ("talks with the striker").
        self._sport_talk_terms = self._business_talk_terms | self._accord_terms | self._commercial_terms | {
            t for t in terms if stem(t) in SPORT_TALK_TERMS
        } | self._round_terms  # a round on a sports page is a match's («دور سوم مقدماتی جام جهانی»)
        sense_terms = (
            self._country_terms | self._commercial_terms | self._ceremonial_terms | self._business_talk_terms
            | self._accord_terms | self._interview_terms | self._discipline_terms | self._market_terms
            | set(self._civil_terms) | self._sport_talk_terms | self._meeting_terms | self._letter_terms
            | set(self._context_terms) | self._boycott_terms | self._economic_terms | self._history_terms
            | self._target_terms | self._studied_terms
        )
        self._sense_groups = {
            (ti, gi) for ti, t in enumerate(self._topics) for gi, g in enumerate(t.groups) if not sense_terms.isdisjoint(g)
        }
        # Terms a sense rule can refuse in every text, with and without officials named (talks
        # between companies only matter with nobody named), and the terms of the rules that a cue
        # word must switch on (a text without a sports cue skips the sport test).
        always = (
            self._country_terms | self._commercial_terms | self._ceremonial_terms | self._accord_terms
            | self._interview_terms | self._meeting_terms | self._letter_terms | set(self._context_terms)
            | self._boycott_terms | self._history_terms | self._target_terms | self._studied_terms
            | self._round_of_terms
        )
        self._sense_terms = frozenset(always | self._business_talk_terms)
        self._sense_terms_people = frozenset(always)
        self._gated_terms = {
            "sport": frozenset(self._sport_talk_terms), "civil": frozenset(self._civil_terms),
            "discipline": frozenset(self._discipline_terms), "market": frozenset(self._market_terms),
            "domestic": frozenset(self._business_talk_terms | self._accord_terms),
            "economic": frozenset(self._economic_terms),
        }
        self._places = Places(set(self._roles.country.values()))
        # For talks, the mediators and hosts are no foreign country ("Qatar offered to host talks").
        self._talk_places = Places(set(self._roles.country.values()) | MEDIATORS)
        if self._roles:
            for key in ROLE_HEADS:
                entries[key].append((_HEAD, 0, key))
        for ti, topic in enumerate(self._topics):
            for gi, group in enumerate(topic.groups):
                for term in group:
                    stem = term.rstrip().endswith("*")
                    for key in alias_keys(term.rstrip().rstrip("*")):
                        # Spellings of one compound (گفتگو*, گفت و گو*) share keys: one entry each.
                        if not any(e[0] == _TERM and e[1] == (ti, gi) and e[3] == stem for e in entries[key]):
                            entries[key].append((_TERM, (ti, gi), term, stem))
            for phrase in topic.exclude:
                if phrase.startswith(RULE_PREFIX):
                    continue  # a rule flag ("@foreign only"), not a phrase
                stem = phrase.rstrip().endswith("*")
                for key in alias_keys(phrase.rstrip().rstrip("*")):
                    entries[key].append((_EXCL, ti, phrase, stem))
        # Each hit goes to a list ("slot") chosen at build time, so scan appends without
        # dispatching on the kind: aliases, roles, one slot per topic group, one per topic's
        # exclusions. Entries keep their order, which decides ties later.
        self._term_slots = {
            (ti, gi): 2 + k
            for k, (ti, gi) in enumerate((ti, gi) for ti, t in enumerate(self._topics) for gi in range(len(t.groups)))
        }
        first_excl = self._first_excl = 2 + len(self._term_slots)
        self._topic_slots = [
            [self._term_slots[ti, gi] for gi in range(len(t.groups))] for ti, t in enumerate(self._topics)
        ]
        self._head_slot = first_excl + len(self._topics)
        self._third_slot = self._head_slot + 1  # third countries: gate for core.detect_parties
        # Word starts the sport and business tests need: a text without any skips them.
        families = {"sport": SPORT_CUE_STEMS, "commercial": COMMERCIAL_CUE_STEMS, **SENSE_CUE_STEMS}
        self._cue_slots = {family: self._head_slot + 2 + k for k, family in enumerate(families)}
        self._desc_slot = self._head_slot + 2 + len(families)  # descriptions (core.detect_officials)
        self._year_slot = self._desc_slot + 1  # years, for the dating rules (core.detect_dates)
        self._slots = self._year_slot + 1
        if self._roles.since or self._roles.tenures:
            for key in year_keys():
                entries[key].append((_YEAR,))
        for family, stems in families.items():
            for stem in stems:
                # sport and business cues are word starts; the sense cues whole words but a few
                # (Persian ones stay word starts: suffixes are written on, "روستایی", "گردشگران")
                whole = family in SENSE_CUE_STEMS and stem not in SENSE_CUE_PREFIXES and stem.isascii()
                entries[stem].append((_CUE, family, not whole))
        # An official whose roles name no office the role index knows is still on the side of
        # the country his roles name ("Iran's deputy foreign minister for political affairs").
        sides_of = dict(self._roles.country)
        for oi, official in enumerate(self._officials):
            if oi not in sides_of:
                named = (country_of(w) for role in official.roles for w in normalize_key(role).split())
                country = next((c for c in named if c is not None), None)
                if country is not None:
                    sides_of[oi] = country
        self._parties = Parties(sides_of)
        if self._talk_groups:
            for word, country in COUNTRY_WORDS.items():
                if country not in SIDES and country not in MEDIATORS and country not in ONLOOKERS:
                    entries[word].append((_THIRD,))
        # Persian surnames with one slip of the pen become keys of their own (core.detect_fuzzy).
        for key, (oi, alias) in vowel_keys.items():
            if key not in entries:
                entries[key].append((_VOWEL, oi, alias))
        for key, oi in persian_targets.items():
            for slip in persian_slips(key) | persian_splits(key):
                if slip not in entries:
                    entries[slip].append((_SLIP, oi, key))
        self._automaton = ahocorasick.Automaton()
        for key, found in entries.items():
            if key:
                any_stem = any(entry[-1] is True for entry in found)
                prepared = []
                for entry in found:
                    kind = entry[0]
                    if kind == _ALIAS:
                        alias = entry[2]
                        check = alias.text if alias.case_sensitive else None
                        prepared.append((0, False, entry[1], "alias", alias.text, alias, check))
                    elif kind == _ROLE:
                        prepared.append((1, False, entry[1], "role", entry[2], None, None))
                    elif kind == _VOWEL:
                        prepared.append((0, False, entry[1], "fuzzy", f"{entry[2].text} (a vowel)", entry[2], None))
                    elif kind == _SLIP:
                        prepared.append((0, False, entry[1], "fuzzy", f"{entry[2]} (one letter)", None, None))
                    elif kind == _DESC:
                        prepared.append((self._desc_slot, False, entry[1], "description", entry[2], None, None))
                    elif kind == _HEAD:
                        prepared.append((self._head_slot, False, 0, "role", entry[2], None, None))
                    elif kind == _YEAR:
                        prepared.append((self._year_slot, False, 0, "year", key, None, None))
                    elif kind == _THIRD:
                        prepared.append((self._third_slot, False, 0, "country", key, None, None))
                    elif kind == _CUE:
                        prepared.append((self._cue_slots[entry[1]], entry[2], 0, "cue", key, None, None))
                    elif kind == _TERM:
                        slot = self._term_slots[entry[1]]
                        prepared.append((slot, entry[3], entry[1][0], "rule", entry[2], None, None))
                    else:
                        prepared.append((first_excl + entry[1], entry[3], entry[1], "rule", entry[2], None, None))
                # Most keys have one whole-word entry with no case check: the loop takes a short path.
                simple = prepared[0] if len(prepared) == 1 and not any_stem and prepared[0][6] is None else None
                self._automaton.add_word(key, (len(key), tuple(prepared), any_stem, simple))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._fuzzy = FuzzyNames(fuzzy_targets, {k for k, v in entries.items() if v[0][0] != _SLIP})

    @staticmethod
    def _aliases(official: Official) -> tuple[Alias, ...]:
        """The canonical name always counts, whether or not it is listed."""
        if any(normalize_key(a.text) == normalize_key(official.name) for a in official.aliases):
            return official.aliases
        return (Alias(official.name),) + official.aliases

    # -- the one pass ---------------------------------------------------------------------

    def scan(self, text: str) -> Detection:
        """Mentions of officials and topics in ``text``, sorted by start, offsets into ``text``."""
        if not text or not len(self._automaton):
            return Detection()
        norm = normalize(text)
        n = norm.text
        size = len(n)
        identity = not norm._norm_breaks
        span = norm.span
        slots: list[list[_Hit]] = [[] for _ in range(self._slots)]
        for last, (length, found, any_stem, simple) in self._automaton.iter(n):
            s = last - length + 1
            if s > 0 and n[s - 1].isalnum():
                continue
            e = last + 1
            whole = e == size or not n[e].isalnum()
            if simple is not None:
                if whole:
                    if not identity:
                        s, e = span(s, e)
                    slots[simple[0]].append(_Hit(s, e, simple[2], simple[3], simple[4], simple[5]))
                continue
            if not (whole or any_stem):
                continue
            os, oe = (s, e) if identity else span(s, e)
            for slot, stem, index, how, detail, alias, check in found:
                if stem:  # the hit runs to the end of the word
                    end = e
                    while end < size and n[end].isalnum():
                        end += 1
                    hs, he = (s, end) if identity else span(s, end)
                elif whole:
                    hs, he = os, oe
                else:
                    continue
                if check is not None and not _case_ok(check, text[hs:he]):
                    continue
                slots[slot].append(_Hit(hs, he, index, how, detail, alias))
        aliases, roles = slots[0], slots[1]
        if self._wrapped and has_wrap_mark(text):
            aliases.extend(self._wrapped_hits(text))
        if self._fuzzy:
            aliases.extend(self._fuzzy_hits(text, aliases))
        bounds = SentenceBounds(text)
        flags = bounds.flags
        for family, slot in self._cue_slots.items():
            flags[family] = bool(slots[slot])
        cues = slots[self._cue_slots["commercial"]]
        flags["commercial at"] = sorted(h.start for h in cues) if cues else ()
        flags["normalized"] = n  # the text as the automaton saw it, for whole-article rules
        flags["years"] = [h.start for h in slots[self._year_slot]]  # where years are written (in order)
        people = self._officials_found(bounds, aliases, roles, slots[self._head_slot], slots[self._desc_slot])
        if slots[self._desc_slot] or any(p[2].how == "description" for p in people):
            # A description counts only in an article about what the watchlist follows: one
            # that also names another tracked official or topic ("heart surgeon" in a hospital
            # story is nobody's).
            named = [p for p in people if p[2].how != "description"]
            topics = self._topics_found(bounds, slots, named)
            if not topics and not named:
                people = named
            found = people + topics
        else:
            found = people + self._topics_found(bounds, slots, people)
        # Sort on plain tuples (C comparisons, no key function); the position breaks ties
        # exactly as the stable sort on (start, end, kind, name) did.
        order = sorted([(h.start, h.end, kind, name, i) for i, (name, kind, h) in enumerate(found)])
        return Detection(_mentions(bounds, found, order))
