"""Story grouping: which articles report the same event, from any outlet, in any language.

Two articles are *linked* when they report one event. The decision looks at the two
articles only (and at how common their words were in the articles published in the two days
before each: ``Weights.cosine_at``, so no article that comes later, nor the size of the batch
it came in, changes it), never at the stories they already belong to, and a story is a
connected component of links. So the same articles give the
same stories in any arrival order, in one batch or in waves, and an article that links
two stories merges them (``UnionFind``). Growing a centroid would let the first article
to arrive decide where later ones go; links cannot.

But no story holds two articles that are ``apart``: whose own occasions are known and differ on
one day (one person's speech and his press conference, a speech and other people's talks, the
mediator's call and the talks, one minister's calls with two counterparts). An article that names
no occasion may link to both sides, and single links would join them; ``Joiner`` refuses such a
join and puts the article with the side it fits best (average linkage). That choice is the same in
any order within one batch; across waves an article joins the stories there are when it arrives,
since a story is never split once alerted (the sides never meet either way).

A link needs one of:
- a copy: the 64-bit SimHash of the texts is nearly equal (syndication, republication);
- the same incident (``incident``): within a day, both name its object (a ship, prisoners,
  in either script: core.incident) beside its kind of action, or both leads report one
  document (a letter, a bill) by an official both name (not one lead's people acting at a place the other
  article never mentions: the negotiators in Muscat, told beside the vote), one speaker's press conference (never
  one whose speaker, named first by a lead framing it, the other article never mentions), a
  currency market's move with nobody acting, one prisoner swap, or one encounter at sea that the
  navies tell naming nobody, or, in one language, one dual national's release told naming him and
  naming nobody (the judiciary's "a dual national was pardoned"), or, across languages, one release both leads
  say first naming no person or place the other article never mentions (``_release_across``), or the same
  uncommon figure with its unit beside the kind of action both say first (14 tankers, a 150-day term,
  "2.3 million bpd" = «دو میلیون و ۳۴۰ هزار بشکه در روز»:
  core.figures); whoever else one lead names (the official commenting, the ministry
  confirming), but never a call or visit one lead reports and the other not (but for the talks a market
  move is told beside: a market's move with nobody acting links to the same move only);
- same language: TF-IDF cosine of content words high enough, with shared names; or, for leads of the day both
  name that share no person and name nothing the other article never mentions, saying first the same kind of
  action or one of them none, ``TEXT_DAY`` (one event told from two angles: "Iran said" and its spokesman's
  briefing, export figures and "crude flows to China");
- same language: a follow-up or an analysis that retells a meeting by its weekday ("Monday's session in
  Muscat"), published that day or the next, and an account of that meeting (``_retold``);
- any language: the leads (headline and first sentences) name the same officials,
  places, organisations and kind of action, published within a day (within the window when
  both leads name the event's day: a follow-up two days after "Tuesday's talks"), or the same
  meeting (a round of talks) at the same place on the same day (or, a round of talks, within
  ``SAME_DAY`` when one lead names no day), one lead naming no one the other does not (a wire whose
  lead gives the place, its next sentence the negotiators), or, within ``SAME_DAY`` when one lead names
  no day, one body's act of one kind both leads report naming no person (the State Department's waiver);
  leads sharing only a body or a place, no person, must not say first that different things happened (``Signature.primary``: the IAEA's report,
  a council's approval of the law answering it; a market's move and whatever else happened where its
  cause did), unless one lead tells the other's as part of its own or both are steps of one process
  (``KIN``: a ruling and the release it brings); nor may a text link of such leads.
and it is vetoed when the leads disagree about the day or where it happened, when two calls
(or visits, or meetings) name different counterparts (someone no list knows whom one lead names by his office
and the other article never names, or officials of different third countries, in either language),
when one article frames its news as an interview or a press conference that the other never
mentions while its lead reports another occasion (the talks the minister's interview is about), when
the articles' own occasions differ (``Signature.frame``, what the lead says happened where the speaker
spoke: "in a live interview", "at a news conference", "addressing governors", "opening the board's meeting",
"told the ceremony", "briefed
lawmakers in a closed-door session"; an interview or a press conference against a meeting or talks the other
lead reports and never calls an interview; a speech or a session of parliament against a press conference or
an interview; a speech and a session are one occasion told two ways; remarks against an act no remarks are,
which the remarks' article never mentions: the envoy summoned over the president's words), when one lead reports a phone call
and the other a round of talks or a visit and never a call (the mediator's call after the talks), when
one lead reports a seizure and the other an encounter at sea and never a seizure, or
when one lead names someone (or somewhere) the other article never mentions; a single such name
is excused for same-language articles of one day whose leads share a person and whose texts are
alike (the Trump remark a Khamenei speech answered, named by some outlets only), but never the
other side of a call, nor the speaker a lead frames its news as the remarks of (``_speaker_unmentioned``), nor the
other side of a meeting one lead reports when the other reports none (``_other_side_unmentioned``).
People one lead adds to those of one event both leads report (the same kind of action
on the day both name, the other lead's people all among its own, the first it names known to the other
article: the envoy one account of the round names) are its participants (``_participants``), but never
beside a call, a visit or a meeting of two sides. A round of talks both leads say first, at one place on one day,
may be told naming other people in each (the US envoy in one, the minister, the mediator or nobody in the other:
``_round_told_twice``); one person's words told in two languages on the day both name, both leads naming him first and
saying first no kind of action, may differ by the people one lead adds (those he addressed: ``_speaker_across``).
One drill of several days told on two of its days, by the same body at the same place, is one event when one account
gives a length that holds both days (``_days_of_one_drill``). Clauses that tell an earlier event ("hours after touring
Fordow", "had spoken with", "had already left for Muscat", a Persian pluperfect, "a day after the round") are no part
of the lead, nor are those that tell, inside a sentence, what is still to come or what happens meanwhile ("hours before
its top diplomat was due to face a US envoy", «ساعاتی پیش از آغاز دور تازه مذاکرات», "on the same day the foreign
minister was holding talks in Oman", "even as the envoy prepares for another round"): the news is what the sentence
says before them (core.signature).
Precision comes first: a wrong merge hides an event, a missed one costs one more alert.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from itertools import filterfalse

from core.boilerplate import normalized_content
from core.figures import figure_keys, shared_figures, strength
from core.incident import country_known, country_named_by, name_keys, named_by, other_names, shared_objects
from core.nationals import dual_national, other_nationalities
from core.signature import COUNTERPARTS, ROUND, SIDELINES, SUBJECTS, TEHRAN_OFFSET, Signature
from core.textsim import STOPWORDS, cosine, shared_terms

BITS = 64
LEAD_WORDS = 30  # content words counted as the lead for the SimHash
LEAD_WEIGHT = 3
NEAR_COPY = 0.87  # SimHash similarity that alone means the same text
WINDOW = timedelta(hours=48)  # articles further apart are never linked
CROSS_WINDOW = timedelta(hours=24)  # for links on names alone
TEXT_HIGH = 0.42  # cosine that, with one shared name, means one event
TEXT_MID = 0.25  # cosine enough when the leads share an actor and the kind of action
TEXT_DAY = 0.20  # cosine enough for leads of one day naming the same kind of action and the same people
TEXT_NOBODY = 0.18  # ... for such leads when at most one of them names a person (no two speakers each with his own)
TEXT_FLOOR = 0.15  # same-language articles linked on names still share this much wording
SAME_DAY = timedelta(hours=12)  # without a weekday on both sides, how close in time a names link must be
# Kinds of action (default gazetteer names) that are documents an official writes, whose author
# names the incident ("the letter attributed to Takht-Ravanchi", "his bill"), and those that are
# meetings of people, which the same people hold many of ("a call", "a visit"): two leads that
# differ by one of these report different incidents, whatever else they share. (An agency's
# report is not among the documents: the officials both articles name are those who react to it.)
DOCUMENTS = frozenset({"letter", "bill"})
INTERACTIONS = frozenset({"phone call", "visit", "round of talks"})
# Meetings of two sides: who the other side was is the event (core.signature reads partners and sides for them)
# Appearances of one speaker (a spokesman's briefing): one a day per speaker, and whom he speaks
# about (the IAEA chief he blames, named by one language's account only) is no other event.
APPEARANCES = frozenset({"press conference"})
# Occasions an official gives to one outlet: an article that frames its news as one (in its lead or the
# sentence after) reports that occasion, not the event he talks about, so an article that never
# mentions it reports something else (the round of talks the minister's television interview is about).
FRAMES = frozenset({"interview", "press conference"})
OCCASIONS = INTERACTIONS | FRAMES | frozenset({"speech", "hearing"})  # what a lead reports happened, and where
PRINCIPALS = frozenset({"Iran", "United States"})  # the two sides of the news the default watchlist follows
# Kinds of action that are news with nobody acting (the rial's record on the open market): two
# leads naming such a kind, and no person or body, on the day both name, are one incident.
MARKETS = frozenset({"currency market"})
# Bodies of third parties (default gazetteer names) whose statement or session about an incident is news of
# its own: one lead naming such a body the other article never mentions reports the body's reaction (the
# Gulf council's statement on a tanker seizure), not the incident, and the body is no mere source.
THIRD_BODIES = frozenset({"GCC", "UN Security Council", "European Union"})
# Bodies whose statement on another body's act is news of its own, though a lead naming them beside a person both
# leads name may cite them as a source: the E3's statement on the inspectors' report is not the report.
STATING_BODIES = frozenset({"E3"})
# Cities of the default gazetteer that host talks, and their countries (core.incident's names): one account says where,
# another says which country hosted them.
HOST_CITIES = {"Muscat": "Oman", "Doha": "Qatar", "Rome": "Italy", "Geneva": "Switzerland"}
# A session of such a body both leads report on the day both name, with no person acting in either lead, is
# one incident, whatever else each lead names (who requested it, the report it heard).
SESSIONS = frozenset({"closed consultations"})
# Exchanges between two sides that happen once (prisoners swapped): two leads reporting one on the day both name are
# one incident, whoever each names as commenting on it (a spokesman, a minister), unless one lead names a place the
# other article never mentions (another country's swap).
EXCHANGES = frozenset({"prisoner exchange"})
# Encounters at sea (a navy's boats closing on another's warship) that the navies tell, naming nobody: two leads
# reporting one, and nothing else, with no person in either lead, on the day both name, are one incident.
ENCOUNTERS = frozenset({"naval encounter"})
# A prisoner freed (a pardon, a commuted sentence): one dual national's release is told by the wires naming him and
# by the judiciary naming nobody (``_one_release``).
RELEASES = frozenset({"release"})

_WORD = re.compile(r"\w+")
_MASK = (1 << BITS) - 1
_LANE = 40  # bits per counter in the packed SimHash sum: room for any article's total weight
_SPREAD = [sum(1 << (i * _LANE) for i in range(8) if byte >> i & 1) for byte in range(256)]
# _SPREAD shifted to each byte's place: a feature's 64 lanes are 8 look-ups ORed together
_SPREAD_AT = tuple(tuple(spread << (k * 8 * _LANE) for spread in _SPREAD) for k in range(8))
_ONES = sum(1 << (i * _LANE) for i in range(BITS))  # 1 in every lane
_TOPS = _ONES << (_LANE - 1)  # the top bit of every lane
_DIGIT = bytes.maketrans(b"\x00\x80", b"01")
_SPREADS_KEPT = 10_000  # about 3.5 MB


class _Spreads(dict):
    """feature -> its spread, for the first words seen (news reuses them); others computed each time."""

    def __missing__(self, feature: str) -> int:
        spread = _spread(feature)
        if len(self) < _SPREADS_KEPT:
            self[feature] = spread
        return spread


_SPREADS = _Spreads()


def _spread(feature: str) -> int:
    """The feature's 64-bit BLAKE2b hash, one bit per 40-bit lane of a big integer."""
    h = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
    t0, t1, t2, t3, t4, t5, t6, t7 = _SPREAD_AT
    return (t0[h & 255] | t1[(h >> 8) & 255] | t2[(h >> 16) & 255] | t3[(h >> 24) & 255]
            | t4[(h >> 32) & 255] | t5[(h >> 40) & 255] | t6[(h >> 48) & 255] | t7[h >> 56])


@dataclass(frozen=True)
class Link:
    """Why two articles were put in one story (shown by /why)."""

    a: int
    b: int
    how: str  # "copy" | "incident" | "days" | "text" | "names" | "retold"
    similarity: float  # SimHash share for copies, cosine for text, lead overlap for names
    shared: tuple[str, ...] = ()  # officials, places, organisations, actions both name
    words: tuple[str, ...] = ()  # the shared words that weigh most

    def as_dict(self) -> dict:
        return {"how": self.how, "similarity": round(self.similarity, 3), "shared": list(self.shared),
                "words": list(self.words)}


def fingerprint(text: str) -> int:
    """Signed 64-bit SimHash of ``text`` (title + blank line + body), for copies.

    Stable across processes and machines: features are hashed with BLAKE2b, not
    Python's salted ``hash``.
    """
    words = list(filterfalse(STOPWORDS.__contains__, _WORD.findall(normalized_content(text))))
    # Each word once per occurrence, and the lead's LEAD_WORDS LEAD_WEIGHT times. Per bit, the
    # weight of the features that set it, summed for all 64 bits at once: each feature's hash
    # is spread into 64 lanes of one big integer (8 table look-ups, kept for the commonest
    # words), and the big-integer sum (in C, one addition per word) does the counting. A bit
    # is set when its features outweigh the others: 2 * set > total.
    spreads = _SPREADS.__getitem__
    packed = sum(map(spreads, words)) + (LEAD_WEIGHT - 1) * sum(map(spreads, words[:LEAD_WORDS]))
    total = len(words) + (LEAD_WEIGHT - 1) * min(len(words), LEAD_WORDS)
    # 2 * count > total exactly when count + (2**39 - 1 - total // 2) reaches bit 39 of its lane
    # (no lane carries into the next: count <= total < 2**39). The lanes' top bits, one byte in
    # five of the integer's bytes, read as binary digits give the 64 bits.
    top = ((packed + ((1 << (_LANE - 1)) - 1 - total // 2) * _ONES) & _TOPS).to_bytes(BITS * _LANE // 8, "little")
    value = int(top[_LANE // 8 - 1::_LANE // 8].translate(_DIGIT)[::-1], 2)
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def similarity(fp_a: int, fp_b: int) -> float:
    """Share of equal bits of two fingerprints: 1.0 identical, about 0.5 unrelated."""
    return 1.0 - ((fp_a ^ fp_b) & _MASK).bit_count() / BITS


def fingerprint_bands(fp: int, bands: int = 4) -> list[str]:
    """Index keys for copies: two near-equal fingerprints agree on at least one band."""
    width = BITS // bands
    value = fp & _MASK
    return [f"fp{i}:{(value >> (i * width)) & ((1 << width) - 1):x}" for i in range(bands)]


def index_keys(sig: Signature) -> list[str]:
    """Keys an article is found by: a candidate for a link shares at least one of them."""
    keys = [f"o:{n}" for n in sorted(sig.officials | sig.people)]
    keys += [f"p:{n}" for n in sorted(sig.places - sig.capitals)]
    keys += [f"g:{n}" for n in sorted(sig.organisations)]
    keys += [f"n:{k:x}" for k in name_keys(sig.objects)]
    # A Persian article's objects are word pairs, too many to index: it is found with the English
    # articles that name an object, by the kinds of action its lead names (core.incident).
    if sig.lang != "en":
        keys += [f"a:{n}" for n in sorted(sig.lead & sig.actions)]
    elif sig.objects:  # ... by every kind it names: the Persian account of the ruling its release followed
        keys += [f"a:{n}" for n in sorted(sig.actions)]
    elif sig.lead & (sig.officials | sig.people | sig.organisations | (sig.places - sig.capitals)):
        # ... and an English article whose lead names a market or a release (told naming nobody), by that kind
        keys += [f"a:{n}" for n in sorted(sig.lead & sig.actions & (MARKETS | RELEASES))]
    else:  # ... or by every kind its lead names, when the lead names nobody and no place: "Iran summons Swiss
        # ambassador over fresh US sanctions" is found by the Persian account naming the ministry
        keys += [f"a:{n}" for n in sorted(sig.lead & sig.actions)]
    if sig.round is not None:
        keys.append(f"r:{sig.round}")
    keys += [f"q:{k}" for k in figure_keys(sig.figures)]
    if not keys:  # a topic alone: its topics are the only names it has
        keys += [f"t:{n}" for n in sorted(sig.topics)]
    return keys + fingerprint_bands(sig.fingerprint)


_FACTS: dict[int, tuple[Signature, tuple]] = {}  # id -> (signature, its facts): a plan compares each many times
_FACTS_KEPT = 8192


def _facts(sig: Signature) -> tuple[frozenset[str], ...]:
    """What the rules below read of one signature, derived once while it is compared with its
    candidates: (lead places, lead kinds of action, lead names, lead people, lead actors,
    everything it names, its names but capitals). Kept by identity (the signature is kept
    with them, so its id is not reused) for the last few thousand signatures."""
    kept = _FACTS.get(id(sig))
    if kept is not None and kept[0] is sig:
        return kept[1]
    lead = sig.lead
    people = lead & (sig.officials | sig.people)
    names = sig.names
    facts = (lead & (sig.places - sig.capitals), lead & sig.actions, lead - sig.topics - sig.capitals, people,
             people | (lead & sig.organisations), names | sig.actions | sig.topics, names - sig.capitals)
    if len(_FACTS) >= _FACTS_KEPT:
        _FACTS.clear()
    _FACTS[id(sig)] = (sig, facts)
    return facts


def forget_facts(sigs: Iterable[Signature]) -> None:
    """Drop what ``_facts`` keeps of signatures that will not be compared again (a plan's new
    articles: the window keeps its own, packed copies of them). Kept, each would hold its whole
    signature (words, title, word pairs) until thousands of others pushed it out."""
    for sig in sigs:
        _FACTS.pop(id(sig), None)  # the caller holds ``sig``: no other signature has its id


def _lead_parts(sig: Signature) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(places, actions, everything) the lead names; capitals are not where events happen."""
    return _facts(sig)[:3]


def _everything(sig: Signature) -> frozenset[str]:
    return _facts(sig)[5]


def _people(sig: Signature) -> frozenset[str]:
    """Who the lead says acted: tracked officials and gazetteer people."""
    return _facts(sig)[3]


def _actors(sig: Signature) -> frozenset[str]:
    """People and organisations the lead names."""
    return _facts(sig)[4]


def conflict(a: Signature, b: Signature) -> str | None:
    """Why the two articles cannot report one event, or None."""
    return _conflict(a, b)[0]


def _hard_conflict(a: Signature, b: Signature) -> str | None:
    """The leads disagree about the day or the place of the event."""
    if a.day is not None and b.day is not None and a.day != b.day:
        return "different days"
    pa, pb = _facts(a)[0], _facts(b)[0]
    if pa and pb and not pa & pb:
        return "different places"
    return None


def _counterparts_differ(a: Signature, b: Signature) -> bool:
    """Both leads report a call (or both a visit) and the two English articles name different
    people no watchlist knows: the counterparts differ, so do the calls. (A tracked counterpart
    one lead names and the other article never mentions is caught by ``_excused``.)"""
    return (a.lang == b.lang == "en" and bool(_kinds(a) & _kinds(b) & COUNTERPARTS)
            and other_names(a.objects, b.objects))


def _frames_differ(a: Signature, b: Signature) -> bool:
    """One article frames its news as an occasion of one speaker (``FRAMES``: "In an interview with
    state TV", "Speaking at a press conference") in its lead or the sentence after, the other never
    mentions such an occasion and its lead reports another one the first lead does not (a round of
    talks, a call, a visit): the minister's interview about the talks is not the talks, nor the
    atomic chief's press conference the site visit he made that morning."""
    for x, y in ((a, b), (b, a)):
        framed = x.early & FRAMES
        if framed and not framed & (y.actions | y.frame) and (_kinds(y) & OCCASIONS) - _kinds(x):
            return True
    return False


MEETINGS = INTERACTIONS | COUNTERPARTS  # what a lead reports happened between people (core.signature reads "met")
# Meetings whose other side is the event: a call, a visit, a meeting, and one on a summit's sidelines
MEETINGS_OF_TWO = COUNTERPARTS | SIDELINES
OTHER_MEETINGS = INTERACTIONS - {"phone call"}


# Frames one occasion may be told as: a speech to an open session of parliament is both a speech and a session.
ALIKE_FRAMES = {"hearing": "speech"}


def _occasion_kinds(frame: frozenset[str]) -> set[str]:
    return {ALIKE_FRAMES.get(kind, kind) for kind in frame}


def _occasions_differ(a: Signature, b: Signature) -> bool:
    """The two articles report different occasions (``Signature.frame``: what the lead says happened
    where the speaker spoke). One lead frames its news as an occasion of its own ("in a live interview
    on state TV", "speaking at a news conference", "addressing provincial governors") and the other
    frames it as another kind ("told a news conference" against "in a speech to governors": the
    president's two appearances of one day), or reports a meeting, call or round of talks without
    ever mentioning the first one's interview or press conference (the talks, against the minister's
    interview that night about them). Two accounts of one meeting never frame it as an interview:
    remarks to reporters on the way out are no frame; a speech may be what a visit was for (the
    president addressing a province he tours, the Leader's speech at a «دیدار»)."""
    for x, y in ((a, b), (b, a)):
        if not x.frame:
            continue
        if y.frame and not _occasion_kinds(x.frame) & _occasion_kinds(y.frame):
            return True
        if not y.frame and x.frame & FRAMES and not x.frame & y.actions and y.early & MEETINGS:
            return True
        if _speech_against_round(x, y) or _remarks_against_meeting(x, y):
            return True
        if _speech_against_meeting(x, y) or _speech_against_act(x, y):
            return True
    return False


# Meetings with a counterpart a speaker may hold the day he speaks (on a summit's sidelines): not his speech.
COUNTERPART_MEETINGS = frozenset({"meeting", "sidelines meeting"})


def _speech_against_round(x: Signature, y: Signature) -> bool:
    """``x`` frames its news as a speech by someone ``y``'s lead does not name; ``y`` frames none, says first a round
    of talks and never mentions a speech: no one's speech is what a round of talks was for (the Leader's address to
    ambassadors the day after the round, which he spoke of, against an analysis of the round that recalls it)."""
    return bool("speech" in x.frame and x.first and x.first not in y.lead and not y.frame and y.primary & ROUND
                and "speech" not in y.actions)


def _remarks_against_meeting(x: Signature, y: Signature) -> bool:
    """``x`` frames its news as someone's remarks (a press conference, an interview, a speech); ``y`` frames none, says
    first a round of talks or a call that ``x`` does not, and neither its headline names a speaker of ``x``'s (the one
    its lead names first, or one a quotation after it is attributed to) nor does it quote one: the spokesman's
    briefing that morning is not the round that afternoon, though an op-ed on the round tells the briefing first."""
    speakers = (frozenset((x.first,)) if x.first else frozenset()) | x.speakers
    return bool(x.frame & REMARKS and speakers and not y.frame and y.primary & TALKS_OR_CALLS - x.primary
                and not speakers & (y.head | y.speakers))


def _speech_against_meeting(x: Signature, y: Signature) -> bool:
    """``x`` frames its news as a speech and its lead reports no meeting (the sentence after may tell the
    meeting that followed; a round told only as the one to come is none: ``_meeting_told``); ``y`` frames none,
    and its lead reports a meeting with someone ``x``'s lead does not name, never mentioning a speech, or with a
    third country's leader named by office only (``Signature.sides``), its lead naming no speech (a recap further
    down is background): the president's address to a summit and his talks with another leader on its sidelines
    that day. (A speech a visit was for, or the Leader's speech at a «دیدار» with students, meets no one named.)"""
    return bool("speech" in x.frame and not _meeting_told(x, _kinds(x)) and not y.frame and y.early & COUNTERPART_MEETINGS
                and ("speech" not in y.actions and _people(y) - _people(x)
                     or "speech" not in _kinds(y) and y.sides - PRINCIPALS - x.sides))


def _speech_against_act(x: Signature, y: Signature) -> bool:
    """``x`` frames its news as someone's remarks (a speech, a press conference, an interview) and its lead
    says first no act; ``y`` frames no occasion and says first an act no remarks are (``NOT_REMARKS``: a
    summons, an arrest, a seizure, a ruling) that ``x`` never mentions, nor any step of its process: the
    ambassador summoned the next morning over the president's remarks is not the remarks."""
    return bool(x.frame & REMARKS and not x.primary and not y.frame and y.primary and y.primary <= NOT_REMARKS
                and not _with_kin(y.primary) & (_kinds(x) | x.early | x.frame))


# Occasions where someone speaks, and acts that are never someone's remarks (a ministry's summons of an
# envoy, a court's ruling, a navy's seizure): an article about the one is not about the other.
REMARKS = frozenset({"speech", "press conference", "interview"})
NOT_REMARKS = frozenset({"summons", "arrest", "seizure", "naval encounter", "cyberattack", "sentence", "court ruling",
                         "release", "prisoner exchange", "oil exports", "currency market", "drill"})


def _call_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead reports a phone call, the other reports another meeting (a round of talks, a visit) and
    never mentions a call: the mediator's call after the talks is not the talks. (An account of the
    call whose lead names no other meeting may tell it in words no list knows: "spoke late on Tuesday".)"""
    return any("phone call" in _kinds(x) and "phone call" not in y.actions and y.early & OTHER_MEETINGS
               for x, y in ((a, b), (b, a)))


def _partners_differ(a: Signature, b: Signature) -> bool:
    """One article reports a call, a visit or a meeting and its lead names someone no watchlist knows by an
    office ("his Russian counterpart Sergei Lavrov"), whom the other article never names: the
    other side differs, so does the call, even when the one account recalls the other's call."""
    return any(sig.early & COUNTERPARTS and any(not named_by(n, other.lang, other.objects, other.pairs, other.terms)
                                                for n in sig.partners)
               for sig, other in ((a, b), (b, a)))


def _sides_differ(a: Signature, b: Signature) -> bool:
    """Both articles report a call, a visit or a meeting, and the third countries whose officials they name by
    office (``Signature.sides``, in either language; Iran and the United States are the parties
    most calls are about) are different ones: the Omani minister's call is not the Russian's."""
    if not (a.early & COUNTERPARTS and b.early & COUNTERPARTS):
        return False
    ta, tb = a.sides - PRINCIPALS, b.sides - PRINCIPALS
    return bool(ta and tb and not ta & tb)


def _kinds(sig: Signature) -> frozenset[str]:
    """The kinds of action the lead names: what happened."""
    return _facts(sig)[1]


def incident(a: Signature, b: Signature) -> tuple[str, ...]:
    """What makes two articles of one day the same incident, whoever else their leads name
    (an official commenting on it, the ministry confirming it), or () when nothing does:

    - the object of the event, named by both (core.incident: a ship, prisoners, a company,
      in either language), two such names, or one beside a kind of action one lead names
      and the other article mentions ("seized" ... "Selene Grace");
    - a document both leads report (a letter, a bill) by an official both articles name,
      on a shared topic;
    - one speaker's appearance both leads report (a press conference) on the day both name,
      on a shared topic: whom he spoke about is no other event; when both leads frame their news
      as it and name him first, whatever talks he spoke about, and one lead may name no day (``_briefing``);
    - a market's move (the rial's record) both leads report, with no person or body named by
      either lead, on the day both name, even beside the round of talks one lead says moved it
      (and such a move links to nothing else: the talks and their place are its background);
    - a release (``RELEASES``) two leads in two languages report and say first (or a step of it: a commuted
      sentence), on the day both name, unless one lead names a person or a place the other article never mentions
      or the two name other nationalities (``_release_across``: the minister who announced it is its source);
    - an exchange (``EXCHANGES``: prisoners swapped) both leads report on the day both name, unless
      one lead names a place the other article never mentions;
    - a figure with its unit (``_figures``: 14 tankers, «۱۵۰ روز») both leads name beside the kind of action both
      say first, on one day;
    - an encounter at sea (``ENCOUNTERS``: boats closing on a warship) both leads report and nothing
      else, no person in either lead, on the day both name, each lead's actors (the Guards' navy) named
      by the other article;
    - one dual national's release (``_one_release``), in one language, on the day both name, one account
      naming him and the other nobody.

    Never when the leads disagree about the day or the place, or when one lead reports a
    meeting of people (a call, a visit, a round of talks) the other does not: a call about a
    seizure is another incident than the seizure. (A visit a lead tells while it says first a step of
    a prisoner's custody, "detained while visiting his father", is no meeting: ``_custody``.) Names are no object in a meeting either:
    they are the people who met, and the same people meet more than once a day.
    """
    if abs(a.published - b.published) > CROSS_WINDOW or _hard_conflict(a, b) is not None:
        return ()
    ka, kb = _kinds(a), _kinds(b)
    markets = ka & kb & MARKETS
    # a market's move with nobody acting in either lead: a round of talks one lead names is what moved it
    if markets and not _actors(a) | _actors(b) and a.day is not None and a.day == b.day:
        return tuple(sorted(markets))
    briefing = _briefing(a, b)
    if briefing:
        return briefing
    ka, kb = _custody(a, ka), _custody(b, kb)
    if (ka ^ kb) & INTERACTIONS:
        return ()
    # In a call, a visit or a round of talks the names are the people who met, not an object:
    # an untracked minister's two calls of one day share his name and are two incidents.
    meeting = (ka | kb) & INTERACTIONS
    if _third_body_alone(a, b):
        return ()
    objects = () if meeting else shared_objects(a.lang, a.objects, a.pairs, b.lang, b.objects, b.pairs)
    kinds = (ka & b.actions) | (kb & a.actions)
    # (not when one lead says first an act done to someone it names, a ruling on a prisoner, whom the other article
    # never mentions, and the other never tells such an act: the swap it names in its body is background)
    if objects and any(x.subjects and x.primary & ACTS_ALONE and not x.primary & y.actions
                       and not shared_objects(x.lang, x.objects[:x.subjects], x.pairs, y.lang, y.objects, y.pairs)
                       for x, y in ((a, b), (b, a))):
        objects = ()
    # (nor when one lead names first someone the other article never mentions and tells no step of the act the other
    # says first: the president's remarks that hail the engineer's release in passing are not the release)
    if objects and any(y.primary and not _kinds(x) & _with_kin(y.primary) and _first_unmentioned(x, y)
                       for x, y in ((a, b), (b, a))):
        objects = ()
    # (nor when each lead names first someone the other article never mentions and they share no kind of action: the
    # mediator's visit and the president's remarks, each telling the release of the day before in its body)
    if objects and not ka & kb and _first_unmentioned(a, b) and _first_unmentioned(b, a):
        objects = ()
    if len(objects) >= 2 or (objects and kinds):
        return objects + tuple(sorted(kinds))
    figures = _figures(a, b)
    if figures:
        return figures
    documents = ka & kb & DOCUMENTS
    authors = a.officials & b.officials
    if documents and authors and a.topics & b.topics and not _met_elsewhere(a, b, authors):
        return tuple(sorted(documents | authors))
    # (a lead that frames its news as the appearance reports it, named or not among its kinds of action)
    appearances = (ka | a.frame) & (kb | b.frame) & APPEARANCES
    speakers = _people(a) & _people(b)
    if (appearances and speakers and not meeting and a.day is not None and a.day == b.day
            and a.topics & b.topics and not _speaker_unmentioned(a, b)):
        return tuple(sorted(appearances | speakers))
    sessions = ka & kb & SESSIONS  # one third party's body in session (the Security Council's closed consultations)
    bodies = a.lead & b.lead & a.organisations & THIRD_BODIES
    if sessions and bodies and a.day is not None and a.day == b.day and not _people(a) | _people(b):
        return tuple(sorted(sessions | bodies))
    if _release_across(a, b):
        return tuple(sorted(RELEASES))
    exchanges = ka & kb & EXCHANGES
    if exchanges and a.day is not None and a.day == b.day and not _conflict(a, b)[1] & (a.places | b.places):
        return tuple(sorted(exchanges))
    encounters = ka & kb & ENCOUNTERS
    if (encounters and ka == kb and not _people(a) | _people(b) and a.day is not None and a.day == b.day
            and _actors(a) & _everything(b) and _actors(b) & _everything(a)):
        return tuple(sorted(encounters))
    return _one_release(a, b)


# Kinds of action that are steps of one process, so that two leads may each say first another step of one
# event: a bill and its approval; a court's ruling, the sentence, the release it brings (and the arrest it ends).
KIN = ({"bill", "approval"}, {"arrest", "sentence", "court ruling", "release", "prisoner exchange"})
_KIN = {kind: frozenset(family) for family in KIN for kind in family}


def _one_release(a: Signature, b: Signature) -> tuple[str, ...]:
    """One dual national's release (``RELEASES``), told in one language on the day both leads name: the wire's
    account naming the freed man and where he landed, the judiciary's naming nobody ("a dual national serving a
    sentence was pardoned on humanitarian grounds"). Both leads report the release and say first it or a step of
    it (``KIN``: the sentence it ends); both articles tell of a dual national (core.nationals) and name the same
    other nationalities, if any (a British-Iranian's release is not the American's); they name no two different
    prisoners (two-word names no list knows, none shared), and whom one lead names the other article mentions, but
    for the place he was flown to; one lead reporting a swap the other does not is another event."""
    if a.lang != b.lang or a.day is None or a.day != b.day:
        return ()
    ka, kb = _kinds(a), _kinds(b)
    if not RELEASES <= ka & kb or (ka ^ kb) & EXCHANGES:
        return ()
    if not (a.primary and b.primary and a.primary | b.primary <= _KIN["release"]):
        return ()
    if not (dual_national(a.terms) and dual_national(b.terms)) or other_nationalities(a.terms) != other_nationalities(b.terms):
        return ()
    if other_names(a.objects, b.objects) or _conflict(a, b)[1] - a.places - b.places:
        return ()
    return tuple(sorted(RELEASES))


def _custody(sig: Signature, kinds: frozenset[str]) -> frozenset[str]:
    """A lead's kinds without a visit when it says first a step of a prisoner's custody (``KIN``: his release, his
    sentence): "detained while visiting his mother" tells no meeting of two sides."""
    if "visit" in kinds and sig.primary and sig.primary <= _KIN["release"]:
        return kinds - {"visit"}
    return kinds


def _with_kin(kinds: frozenset[str]) -> frozenset[str]:
    """``kinds`` and every step of the processes they are steps of (``KIN``)."""
    return frozenset().union(*(_KIN.get(kind, (kind,)) for kind in kinds))


def _primaries_differ(a: Signature, b: Signature) -> bool:
    """Both headlines (or leads) say first what happened (``Signature.primary``), not the same thing nor
    steps of one process (``KIN``), and neither lead tells the other's as part of its own (the swap done
    on the sidelines of the round of talks; ``_told_within``)."""
    if not (a.primary and b.primary):
        return False
    return not _with_kin(a.primary) & b.primary and not _told_within(a, b) and not _told_within(b, a)


# Acts one side does alone, by its agency, court or forces (a designation, a waiver, a seizure, a ruling, a drill): no
# meeting of two sides is where they are done, as a swap may be done on the sidelines of the talks.
ACTS_ALONE = frozenset({"designation", "waiver", "seizure", "court ruling", "sentence", "arrest", "drill", "cyberattack"})


def _told_within(x: Signature, y: Signature) -> bool:
    """Whether ``y``'s lead tells what ``x`` says first (``x.primary``) as part of its own news, not only as what is to
    come (``Signature.to_come``: the accord signed "before the start of the new round" does not tell the round). Not a
    meeting on a summit's sidelines when ``y``'s lead reports no meeting (the E3's statement issued on the sidelines of
    the General Assembly does not tell the minister's meeting there with the IAEA chief). Not when ``y`` says
    first a meeting of two sides (a call, a visit, a round of talks) and ``x``'s kind is an act one side does alone
    (``ACTS_ALONE``): the minister who calls the new sanctions "contradictory" in his call with the mediator talks
    about the designation, the call is no part of it (nor the designation's account, telling the call as the
    reaction, one of the call)."""
    told = x.primary & _kinds(y) - y.to_come
    if told and (x.primary | y.primary) & MEETINGS:
        told -= ACTS_ALONE
    if "sidelines meeting" in told and "meeting" not in y.early:
        told -= SIDELINES  # "on the sidelines of the assembly" where ``y``'s lead meets no one: where, not a meeting
    return bool(told)


def _bodies_alone_differ(a: Signature, b: Signature) -> bool:
    """For leads that share no person: their primary kinds differ, or one says first that a market moved
    (``MARKETS``: news with nobody acting) and the other lead never names that kind: the place both
    name is where the market's cause happened (the rial's rally after the talks in Muscat)."""
    return _primaries_differ(a, b) or any(x.primary & MARKETS - _kinds(y) for x, y in ((a, b), (b, a)))


def _figures(a: Signature, b: Signature) -> tuple[str, ...]:
    """The same uncommon quantity with its unit (``Signature.figures``: 120 days, 1.7 million barrels per day,
    «۱۲ نفتکش»; two significant digits or more), or two quantities, both leads name beside the same kind of action
    they say first (or steps of one process, ``KIN``), on one day (the day both name, or within ``SAME_DAY`` when one
    names none): the figures are the event's own (the waiver's term, the tankers sanctioned, the vote count)."""
    shared = shared_figures(a.figures, b.figures)
    if not shared:
        return ()
    if len(shared) < 2 and not any(min(strength(x), strength(y)) >= 2 for x, y in shared):
        return ()
    # the same kind said first by both (or steps of one process): not one lead's kind the other tells as background
    # (a seizure of one of the tankers the designation named)
    if not _with_kin(a.primary) & b.primary:
        return ()
    if a.day is None or b.day is None:
        if abs(a.published - b.published) > SAME_DAY:
            return ()
    elif a.day != b.day:
        return ()
    return tuple(sorted({x for x, _ in shared} | a.primary))


def _briefing(a: Signature, b: Signature) -> tuple[str, ...]:
    """One speaker's appearance (``APPEARANCES``: a press conference) both leads frame their news as, the speaker
    the first person each names (or, in a lead that names no person, the one the quotation after it is attributed to:
    "Iran warned the Europeans ... \"...,\" spokesman Esmaeil Baqaei told his weekly news conference"), on a shared
    topic: the talks or the visit he spoke about are his subject, not another event, and one lead may name no day (he
    holds one a day: within ``SAME_DAY``)."""
    framed = a.frame & b.frame & APPEARANCES
    if not framed or _third_body_alone(a, b):
        return ()
    speaker = a.first or b.first
    if not speaker or not all(x.first == speaker and speaker in _people(x) or not x.first and speaker in x.speakers
                              for x in (a, b)):
        return ()
    if a.day is not None and b.day is not None:
        if a.day != b.day:
            return ()
    elif abs(a.published - b.published) > SAME_DAY:
        return ()
    return tuple(sorted(framed | {speaker})) if a.topics & b.topics else ()


def _release_across(a: Signature, b: Signature) -> bool:
    """One release told in two languages (``_one_release`` reads one language): both leads report a release
    (``RELEASES``) and say first a step of its process (``KIN``: the court's commuted sentence, the release),
    on one day (``_one_day``), neither lead names a person or a place the other article never mentions, and both name
    the same other nationalities, if any (core.nationals): the judiciary's Persian account of a dual national freed,
    naming nobody, and the wire's naming him are one release (a prisoner is freed once; the city he flew to, when
    both name one, is the same). An official one lead names that the other article names too is how the release
    became known, not another event: the mediating minister who announced it on X, named by the Persian lead and
    in the wire's second paragraph (a person only one account names, as the place, may be another release's)."""
    return bool(a.lang != b.lang and _kinds(a) & _kinds(b) & RELEASES and a.primary and b.primary
                and a.primary | b.primary <= _KIN["release"] and _one_day(a, b)
                and not _conflict(a, b)[1] & (a.places | b.places | _people(a) | _people(b))
                and other_nationalities(a.terms) == other_nationalities(b.terms))


def _one_day(a: Signature, b: Signature) -> bool:
    """Whether two accounts tell one day: the day both leads name, or, one naming none (a Persian agency's account of a
    release, «آزاد شد», with no weekday), publication within ``SAME_DAY``."""
    if a.day is not None and b.day is not None:
        return a.day == b.day
    return abs(a.published - b.published) <= SAME_DAY


def _met_elsewhere(a: Signature, b: Signature, authors: frozenset[str]) -> bool:
    """One lead names officials both articles name as its people, and a place (not a capital) the other article never
    mentions: they acted there (the negotiators meeting in Muscat the day parliament voted on a bill), and the other
    article, the bill's account, names them in its body as the talks', not as the bill's authors."""
    alone = _conflict(a, b)[1]
    return any(_people(x) & authors and alone & (_facts(x)[0]) for x in (a, b))


def _third_body_alone(a: Signature, b: Signature) -> bool:
    """One lead names a third party's body (``THIRD_BODIES``) the other article never mentions."""
    return any(x.lead & x.organisations & THIRD_BODIES - _everything(y) for x, y in ((a, b), (b, a)))


def _conflict(a: Signature, b: Signature) -> tuple[str | None, frozenset[str]]:
    """(why not one event, the names only one lead gives); the names are set only for that reason."""
    hard = _hard_conflict(a, b)
    if hard is not None:
        return hard, frozenset()
    pa, _, lead_a = _lead_parts(a)
    pb, _, lead_b = _lead_parts(b)
    # Whom or where one lead names and the other article never mentions. An organisation
    # beside a shared person is often just that person's office ("the State Department").
    together = _people(a) & _people(b)
    same_day = a.day is not None and a.day == b.day
    # The same kind of action at the same place on the same day: an organisation one lead adds
    # is a source ("Iran's Foreign Ministry confirmed"), not another event.
    sourced = same_day and bool(pa & pb) and bool(_kinds(a) & _kinds(b))
    offices = bool(together) or sourced
    # Two people named by both leads, or one doing the same kind of thing in both, on the same day,
    # outweigh a place one lead adds as background ("two days after the talks in Muscat").
    background = same_day and (len(together) > 1 or bool(together and _kinds(a) & _kinds(b)))
    # (a third party's body is a source only beside a person both leads name: alone, its statement is the news)
    sources = frozenset() if not offices else (a.organisations | b.organisations) - (frozenset() if together
                                                                                       else THIRD_BODIES)
    ignore_a = a.actions | (a.organisations & sources) | (a.places if background else frozenset())
    ignore_b = b.actions | (b.organisations & sources) | (b.places if background else frozenset())
    unexplained = _unexplained(lead_a - ignore_a, _everything(b)) | _unexplained(lead_b - ignore_b, _everything(a))
    if pa & pb:  # one lead refines a shared place ("off Jask, near the Strait of Hormuz")
        unexplained -= a.places | b.places
    # the city where a kind of action both leads report took place (no call, visit or meeting of two sides, whose
    # other side is the event), the other article naming only its country ("the round in Muscat", "talks in Oman")
    if _kinds(a) & _kinds(b) and not (_kinds(a) | _kinds(b)) & COUNTERPARTS:
        unexplained -= {n for n in unexplained & a.places if _host_named(n, b)} | {
            n for n in unexplained & b.places if _host_named(n, a)}
    # one act done at no place (``PLACELESS``) both leads say first that day, neither reporting a meeting: a place a
    # lead naming no person names is background ("two days before the talks in Muscat"), not where it happened (a lead
    # naming the negotiators and Muscat, beside the vote that day, tells where they met)
    if (same_day and a.primary and a.primary == b.primary and a.primary <= PLACELESS and a.primary <= a.lead
            and b.primary <= b.lead and not (a.early | b.early) & MEETINGS):
        unexplained -= frozenset().union(*(x.places for x in (a, b) if not _people(x)))
    if unexplained:
        return "only one names " + ", ".join(sorted(unexplained)), frozenset(unexplained)
    return None, frozenset()


# Acts whose news is not where they were done: a designation, a waiver, a report, a joint statement, a spokesman's
# briefing, a bill and its approval (a release's place, where the prisoner landed, is read by ``_release_across``).
PLACELESS = frozenset({"designation", "waiver", "report", "joint statement", "press conference", "bill", "approval"})


def _host_named(city: str, other: Signature) -> bool:
    """Whether ``other``'s words name the country of ``city``, a city that hosts talks (``HOST_CITIES``)."""
    country = HOST_CITIES.get(city)
    return country is not None and country_known(country) and country_named_by(country, other.terms)


def _excused(a: Signature, b: Signature, unexplained: frozenset[str]) -> bool:
    """Whether one name only one lead gives may be background, if the texts are alike enough
    (``TEXT_MID``): the same language, the same day, and both leads name the same person
    ("Khamenei rejects talks under threat" with or without the Trump remark it answered).
    Never beside a call or a visit either lead reports when each names someone the gazetteer knows
    (a foreign leader: in the headline, or failing that in the lead) the other does not, or, when both
    leads report one and share at most its one side, the name is a person one lead gives (a tracked
    minister) the other article never mentions: the other sides of two calls (Oman's foreign minister,
    named, and Qatar's premier, whom no list knows)."""
    pa, pb = a.head & a.people or a.lead & a.people, b.head & b.people or b.lead & b.people
    if (_kinds(a) | _kinds(b)) & COUNTERPARTS and pa - pb and pb - pa:
        return False
    if _speaker_unmentioned(a, b) or unexplained & (a.speakers | b.speakers):
        return False  # (whose words one article quotes is its news: the spokesman's remarks before the talks)
    if any(x.first in unexplained and y.frame for x, y in ((a, b), (b, a))):
        return False  # (whom a lead names first, against an occasion the other frames, is its news: the Turkish
        # president's meeting on the summit's fringes, not the speech the Iranian president gave there)
    if _other_side_unmentioned(a, b, unexplained):
        return False
    if any(x.early & COUNTERPART_MEETINGS and not y.early & (MEETINGS | SIDELINES) and unexplained & _facts(x)[0] & x.head
           for x, y in ((a, b), (b, a))):
        return False  # (where a meeting one headline says was held, the other lead reporting none: the diplomats who met
        # in Geneva that day are not the European governments' statement, though both leads name the report)
    together = _people(a) & _people(b)
    if _kinds(a) & _kinds(b) & COUNTERPARTS and len(together) < 2 and (_people(a) ^ _people(b)) & unexplained:
        return False  # (both sides of the call named by both leads: a third name is no other side)
    # ... or, no person in either lead, the same body (the E3, telling its statement) and the name a place or a
    # body one lead adds (what the statement was about, whom it praised), never a third party's body (the Gulf
    # council's statement on the seizure both leads name is its own news), nor when only one lead names a body whose
    # statement is news of its own (the E3's, against parliament's vote that "came hours before" it)
    bodies = (not _people(a) | _people(b) and bool(a.lead & b.lead & a.organisations) and not unexplained & (
        a.people | b.people | a.officials | b.officials | THIRD_BODIES | STATING_BODIES)
        and not (a.lead ^ b.lead) & STATING_BODIES)
    return (len(unexplained) == 1 and a.lang == b.lang and a.day is not None and a.day == b.day
            and (bool(together) or bodies))


def _speaker_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead frames its news as someone's remarks (``REMARKS``: a press conference, an interview, a speech) and
    names him first, and the other article never mentions him: the speaker of that occasion is its news, not
    background, so the other article reports another occasion (the spokesman's weekly briefing and the minister's
    joint press conference with a visiting counterpart that afternoon, both about the talks and the visit; the
    minister, whom the briefing names, is no shared speaker)."""
    return any(x.frame & REMARKS and _first_unmentioned(x, y) for x, y in ((a, b), (b, a)))


def _other_side_unmentioned(a: Signature, b: Signature, unexplained: frozenset[str]) -> bool:
    """One lead (or the sentence after) reports a meeting of two sides (``MEETINGS_OF_TWO``: a call, a visit, a
    meeting on a summit's sidelines), the other reports none, and a person the first lead names, one the other lead
    does not, is among the names the other article never mentions: the meeting's other side, which is its news (the
    president's meeting with a foreign leader on a summit's sidelines is not his speech to the summit that morning,
    which the meeting's account may mention in passing)."""
    return any(x.early & MEETINGS_OF_TWO and not y.early & MEETINGS_OF_TWO and unexplained & (_people(x) - _people(y))
               for x, y in ((a, b), (b, a)))


def _participants(a: Signature, b: Signature, unexplained: frozenset[str]) -> bool:
    """Whether the names only one lead gives are participants in one primary event both leads report:
    the same kind of action (a round of talks, a press conference, a vote), on the day both name, by an
    actor or at a place both leads name (the mediator or the envoy one account of the round names, a
    minister one account of the briefing adds). Never a call, a visit or a meeting of two sides, whose
    other side is the event; never a third party's body (its statement is news of its own); never
    when one lead reports a meeting the other does not."""
    if a.day is None or a.day != b.day:
        return False
    ka, kb = _kinds(a), _kinds(b)
    if not (ka & kb) - COUNTERPARTS or (ka | kb) & COUNTERPARTS or (ka ^ kb) & INTERACTIONS:
        return False
    pa, pb = _people(a), _people(b)
    # one lead adds people to those the other names (never each its own: a reaction and the event it answers)
    if not pa & pb or not (pa <= pb or pb <= pa):
        return False
    # ... after someone both articles name (Araghchi and Witkoff; the mediator, then the two delegations): one
    # named first whom the other article never mentions is the news (the speaker reacting to the round)
    more, other = (a, b) if len(pa) > len(pb) else (b, a)
    # (a meeting one lead reports with someone no list tracks, whom the other article never mentions: the minister's
    # audience with the sultan that morning, before the round the other account reports)
    if any(x.early & MEETINGS_OF_TWO and not y.early & MEETINGS_OF_TWO and unexplained & x.people & x.lead
           for x, y in ((a, b), (b, a))):
        return False
    return more.first in _everything(other) and unexplained <= pa ^ pb and not unexplained & more.speakers


def _round_told_twice(a: Signature, b: Signature, unexplained: frozenset[str]) -> bool:
    """One round of talks told twice: both leads say it first (``Signature.primary``), at one place (not a capital:
    both leads name it, or one does and the other article gives it further down, ``_one_place``), on the day both
    name (or one names none, within ``SAME_DAY``), and neither reports a call, a visit or a meeting of two sides; the
    names only one lead gives are people (one account names the US envoy, the other only the Iranian minister, or the
    mediator, or nobody: a source close to the team). Across languages one lead may say first
    nothing (``_says_round``: "Witkoff and Araghchi talk briefly face-to-face", "Oman says meeting constructive") when
    the round is all it names of what happened, framing no occasion, at no place the other lead does not name; in one
    language both must say the round first, as the wire's lead on the mediator and the agency's on the minister do
    (a lead saying first nothing there is the minister's audience with the sultan, told in the round's words)."""
    if not (_says_round(a, b) and _says_round(b, a)) or (a.lang == b.lang
                                                         and "round of talks" not in a.primary & b.primary):
        return False
    if a.day != b.day and not ((a.day is None or b.day is None) and abs(a.published - b.published) <= SAME_DAY):
        return False
    if (_kinds(a) | _kinds(b)) & COUNTERPARTS or not _one_place(a, b):
        return False
    # a meeting one lead reports with someone no list tracks (a ruler the minister called on before leaving), whom the
    # other article never mentions: that meeting is the news, not the round
    if any(x.early & MEETINGS_OF_TWO and not y.early & MEETINGS_OF_TWO and unexplained & x.people & x.lead
           for x, y in ((a, b), (b, a))):
        return False
    # a lead naming first someone the other article never mentions beside one it mentions reports his news (the
    # speaker's reaction to the round the minister held)
    if any(x.first and x.first not in _everything(y) and _people(x) & _everything(y) for x, y in ((a, b), (b, a))):
        return False
    # ... or an op-ed its lead tells (the former minister's article on the round, reported that morning) by an author the
    # other article never mentions: his article is the news, the round its subject
    if any("op-ed" in x.early and "op-ed" not in y.actions and _first_unmentioned(x, y) for x, y in ((a, b), (b, a))):
        return False
    # ... or a headline naming first someone the other article never mentions, when the people the other lead names
    # are nowhere in it: each tells its own people (the president's warning that looms over the round that day, and
    # the round's account naming the minister and the mediator), not one round with a source naming nobody
    if any(x.first and x.first in x.head and x.first not in _everything(y) and _people(y)
           and not _people(y) & _everything(x) for x, y in ((a, b), (b, a))):
        return False
    return unexplained <= a.officials | b.officials | a.people | b.people


def _speaker_across(a: Signature, b: Signature, unexplained: frozenset[str]) -> bool:
    """One person's words told in two languages on the day both leads name: both leads name him first and say first no
    kind of action (his remarks, his speech's message), and the names only one lead gives are people (those he
    addressed or answered: «سران قوا», the envoy he praised). His other occasions that day differ by frame
    (``_occasions_differ``); an act (a call, a visit, a ruling) is a kind of action said first."""
    # (a speech both frame, one lead saying it first: its message may name a port or a province the other never does)
    speech = all("speech" in x.frame and x.primary <= SPEECH for x in (a, b))
    named = a.officials | b.officials | a.people | b.people
    if speech:
        named |= (a.places | b.places) - a.head - b.head
    return bool(a.lang != b.lang and a.day is not None and a.day == b.day
                and (speech or not a.primary and not b.primary)
                and a.first and a.first == b.first and unexplained <= named
                # (not a meeting one lead reports with someone the other never mentions: the minister received by
                # the sultan that morning is not the minister at the talks that afternoon)
                and not any(x.early & MEETINGS_OF_TWO and unexplained & x.people for x in (a, b))
                # (nor his post online against his remarks to reporters or an occasion the other frames: the president's
                # post welcoming a release that afternoon is not his remarks in the Oval Office that evening)
                and not any(x.posted and not y.posted and (y.early & APPEARANCES or y.frame)
                            for x, y in ((a, b), (b, a))))


SPEECH = frozenset({"speech"})


def _says_round(x: Signature, y: Signature) -> bool:
    """``x``'s lead says first a round of talks, or (``y``'s saying it first) says first nothing and names the talks (a
    topic: "envoys hold indirect talks") and who held them, no kind of action but the round, no frame, no place (not a
    capital) that ``y``'s lead does not name (a government welcoming the talks names no negotiator)."""
    if "round of talks" in x.primary:
        # (not the spokesman's weekly briefing as the round sat, against a lead that never names a briefing: his
        # briefing is the news, not the round)
        return not x.frame & APPEARANCES or bool(x.frame & y.lead)
    return (not x.primary and "round of talks" in y.primary and _kinds(x) <= ROUND and "negotiations" in x.lead
            and bool(_people(x)) and not x.frame and _facts(x)[0] <= _facts(y)[0])


def _first_unmentioned(x: Signature, y: Signature) -> bool:
    """Whether ``x``'s lead names first someone ``y`` never mentions (``_unexplained``): his news, not background."""
    return bool(x.first) and bool(_unexplained(frozenset((x.first,)), _everything(y)))


def _unexplained(names: frozenset[str], other: frozenset[str]) -> set[str]:
    """The names the other article never mentions, nor anything they are part of (the
    gazetteer's naming: "IAEA Board of Governors" is part of the "IAEA")."""
    return {n for n in names if n not in other and not any(n.startswith(o + " ") for o in other)}


def _copies(a: Signature, b: Signature) -> bool:
    return a.lang == b.lang and bool(a.fingerprint) and similarity(a.fingerprint, b.fingerprint) >= NEAR_COPY


def _shared(a: Signature, b: Signature) -> tuple[str, ...]:
    """The names and kinds of action both articles give (shown by /why)."""
    return tuple(sorted(_facts(a)[6] & _facts(b)[6] | (a.actions & b.actions)))


def _names_reach(a: Signature, b: Signature) -> timedelta:
    """How far apart in time two articles may be linked on names: a day, or the whole
    ``WINDOW`` when both leads name the event's day (an analysis two days after "Tuesday's
    talks in Muscat" names the day of the talks; days that differ are a hard conflict)."""
    return WINDOW if a.day is not None and a.day == b.day else CROSS_WINDOW


def _cosine(a: Signature, b: Signature, idf: Callable[[str], float]) -> float:
    """Text similarity, each article's words weighed as of its own publication time when the
    weights know times (storage's window): so a link never depends on arrival order."""
    at = getattr(idf, "cosine_at", None)
    if at is None:
        return cosine(a.terms, b.terms, idf)
    return at(a.terms, a.published.timestamp(), b.terms, b.published.timestamp())


def link(a: Signature, b: Signature, idf: Callable[[str], float]) -> Link | None:
    """The link between two articles, or None when they report different events.

    Depends on the two articles and the word weights only, and is symmetric.
    """
    if a.key > b.key:
        a, b = b, a
    found = _link(a, b, idf)
    # Nothing excuses these either (``LAST_RULES``); read last, for the few pairs that would link.
    if found is not None and found.how != "copy" and any(rule(a, b) for rule in LAST_RULES):
        return None
    # Wording alike is no more than a shared body: leads sharing no person that say first that different
    # things happened (the report, and the statement quoting its figures) are two events.
    if found is not None and found.how == "text" and not _people(a) & _people(b) and _bodies_alone_differ(a, b):
        return None
    return found


# Occasions that are never another occasion's news: the accord the two ministers sign that morning is not the round of
# talks one of them holds with a third side that afternoon, nor is the consulate the minister opens that evening.
SIGNINGS = frozenset({"signing", "inauguration"})


def _signing_apart(a: Signature, b: Signature) -> bool:
    """One headline (or lead) says first a signing (``SIGNINGS``), the other says first something else, and neither
    lead tells the other's as part of its own (``_primaries_differ``): the consular accord Oman's and Iran's
    ministers signed in Muscat is not the round of talks Oman mediated there that day."""
    return bool((a.primary ^ b.primary) & SIGNINGS) and _primaries_differ(a, b)


def _preview_against_meeting(a: Signature, b: Signature) -> bool:
    """One lead tells a meeting as to come (``Signature.ahead``: the envoys expected to meet that afternoon), the
    other reports a round held (says it first, or retells a meeting by its day) or frames an occasion of its own (the
    spokesman's briefing that announced the delegation) whose speaker the preview's lead does not name first (a
    wire's account of the briefing, "..., spokesman Esmaeil Baqaei said on Monday", is the briefing), or says first an
    act one side does alone (``ACTS_ALONE``: the designation of the eve, and Tehran's condemnation of it), or says
    first nothing and tells a subject the preview's lead does not (``SUBJECTS``: the minister's warning over the
    snapback on landing for the talks): the preview's news is what was expected, not those."""
    return any(x.ahead and not y.ahead and not (y.frame and y.first and y.first == x.first)
               and (y.primary & (ROUND | ACTS_ALONE) or y.recalled is not None or y.frame
                    or not y.primary and y.early & SUBJECTS - x.lead)
               for x, y in ((a, b), (b, a)))


def _subject_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead says first nothing, in no frame, and tells a subject (``SUBJECTS``: the snapback) the other article
    never mentions, beside bodies it never mentions either (the E3, the IAEA): the minister's warning to the
    Europeans on arriving in Muscat is not the round he held there that afternoon, whose accounts never speak of the
    snapback."""
    return any(not x.primary and not x.frame and x.early & SUBJECTS - y.actions and x.lead & x.organisations
               and not x.lead & x.organisations & _everything(y) for x, y in ((a, b), (b, a)))


def _appearance_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead frames its news as remarks (``REMARKS``: the spokesman's weekly briefing), the other frames none and
    never mentions whose words they were (``Signature.speakers``) and quotes no one the first mentions: the vote in
    parliament the briefing was asked about, on the eve of the round both mention, is not the briefing."""
    return any(x.frame & REMARKS and x.speakers and not y.frame and not y.speakers & _everything(x)
               and _unexplained(x.speakers, _everything(y)) == set(x.speakers) for x, y in ((a, b), (b, a)))


def _meeting_against_act(a: Signature, b: Signature) -> bool:
    """One lead reports a meeting with a third country's official (a call, a visit: ``Signature.sides`` beyond Iran
    and the United States) whose country the other article never names, and the other says first something else and
    reports no meeting at all: the Qatari premier received by the president is not the council's approval of the law
    that goes to the president next."""
    return any(x.early & COUNTERPARTS and y.primary and not y.primary & x.primary and not y.early & MEETINGS
               and any(not country_named_by(side, y.terms) for side in x.sides - PRINCIPALS)
               for x, y in ((a, b), (b, a)))


def _sidelines_against_plenary(a: Signature, b: Signature) -> bool:
    """One lead says first something done on a summit's sidelines (``SIDELINES``: a meeting, remarks to reporters),
    the other frames a speech (the plenary address) and tells nothing on the sidelines: the president's words to
    reporters on the sidelines are not his speech to the summit, nor its declaration."""
    return any(x.primary & SIDELINES and "speech" in y.frame and not y.actions & SIDELINES and not _meeting_told(y, y.early)
               for x, y in ((a, b), (b, a)))


def _meeting_told(sig: Signature, told: frozenset[str]) -> bool:
    """Whether ``told`` (what the lead, or the lead and the sentence after, name) holds a meeting: one of two sides
    ("met", a call, a visit), or a round of talks the article tells as news, not only as the one to come beside the
    occasion it frames ("days before a new round of talks": no ``primary``)."""
    return bool(told & COUNTERPARTS or told & MEETINGS and (sig.primary or not sig.frame))


def _statement_against_appearance(a: Signature, b: Signature) -> bool:
    """One lead frames a speaker's appearance (``APPEARANCES``: the spokesman's weekly press conference) and names him
    first; the other lead names no person, frames no occasion, says first nothing and names a body whose statement is
    news of its own (``STATING_BODIES``: the E3): the Europeans' statement, whose account quotes his reply in its body,
    is not his press conference, whose lead answers them."""
    return any(x.frame & APPEARANCES and x.first and not _people(y) and not y.frame and not y.primary
               and y.lead & y.organisations & STATING_BODIES for x, y in ((a, b), (b, a)))


def _market_against_other(a: Signature, b: Signature) -> bool:
    """One lead says first that a market moved (``MARKETS``, a kind its lead names), the other tells no market's move
    and says first something else in a frame of its own (an interview, a speech) or a kind the market's lead names as
    the cause (the round of talks), or says first nothing and names first whose words it reports
    (``Signature.speakers``) or whom the market's lead names as its cause: the rial's rally traders put down to the
    president's interview, or to the leader's reply, or to the round in Muscat, or stalled by the leader's speech,
    is the market's news, not the remarks' nor the round's, whoever both name."""
    return any(x.primary & x.lead & MARKETS and not y.lead & MARKETS
               and (y.primary and (y.frame or (y.primary & x.lead) - MARKETS)
                    or not y.primary and y.first and (y.first in y.speakers or y.first in x.lead))
               for x, y in ((a, b), (b, a)))


def _seizure_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead reports a seizure, the other reports an encounter at sea (``ENCOUNTERS``) and never mentions a
    seizure: the Guards' boats that seized a tanker are not the boats that closed on a warship that night."""
    return any("seizure" in _kinds(x) and "seizure" not in y.actions and _kinds(y) & ENCOUNTERS
               for x, y in ((a, b), (b, a)))


def _link(a: Signature, b: Signature, idf: Callable[[str], float]) -> Link | None:
    """``link`` but for the vetoes it reads last (``a.key < b.key``)."""
    dt = abs(a.published - b.published)
    if dt > WINDOW:
        return None
    if _copies(a, b):
        return Link(a.key, b.key, "copy", similarity(a.fingerprint, b.fingerprint), _shared(a, b))
    hard = _hard_conflict(a, b)
    spanned = _days_of_one_drill(a, b) if hard == "different days" else ()
    if hard is not None and not spanned and (hard == "different places" or a.recalled is None and b.recalled is None):
        return None  # nothing excuses different places; different days, only a follow-up retelling a meeting (_retold)
    if _counterparts_differ(a, b):  # nothing excuses this either
        return None
    retold = _retold(a, b, idf)
    if retold is not None:
        return retold
    if spanned:
        return Link(a.key, b.key, "days", 1.0, tuple(sorted(set(_shared(a, b)) | set(spanned))))
    if hard is not None:  # different days: only a follow-up retelling the meeting spans them, or a drill's days
        return None
    same = incident(a, b)
    if same:
        return Link(a.key, b.key, "incident", 1.0, tuple(sorted(set(_shared(a, b)) | set(same))))
    if (_kinds(a) ^ _kinds(b)) & MARKETS and not _actors(a) | _actors(b):
        return None  # a market's move with nobody acting is one with the same move only (the talks that moved it: background)
    reason, unexplained = _conflict(a, b)
    if reason is not None and (_participants(a, b, unexplained) or _round_told_twice(a, b, unexplained)
                               or _speaker_across(a, b, unexplained)):
        reason = None  # the positive routes below must still link them
    if reason is not None:  # excused only by alike texts
        if not _excused(a, b, unexplained):
            return None
        text = _cosine(a, b, idf)
        if text >= TEXT_MID:
            return Link(a.key, b.key, "text", text, _shared(a, b), tuple(shared_terms(a.terms, b.terms, idf)))
        return None
    _, _, lead_a = _lead_parts(a)
    _, _, lead_b = _lead_parts(b)
    anchors = lead_a & lead_b - a.actions
    text = _cosine(a, b, idf) if a.lang == b.lang else None
    if text is not None and text >= TEXT_HIGH and (shared := _shared(a, b)):
        return Link(a.key, b.key, "text", text, shared, tuple(shared_terms(a.terms, b.terms, idf)))
    pa, pb = _people(a), _people(b)
    if a.day is not None and a.day == b.day:  # the same day: leads share who (or, with nobody named, where)
        # Who acted, named by both leads; or where (or which body), named by both headlines.
        actors = _actors(a) | _actors(b)
        same_round = a.round is not None and a.round == b.round
        headlines = a.head & b.head & anchors - a.people - a.officials
        named = bool(anchors & actors) if actors and not same_round and not headlines else bool(anchors)
        # (nobody in either lead: one place both name is where, not what; something more both name, a second place, a
        # body, the kind of action or the round, says it is one event: the talks in Muscat and the prisoner flown to
        # Muscat that day)
        named = named and bool(actors or same_round or len(anchors) > 1 or anchors - a.places - b.places
                               or _kinds(a) & _kinds(b))
        # One meeting at one place (a round of talks in Muscat: ``_one_place``) both leads report that day, one lead
        # naming no one the other does not (the wire's lead gives the place, its next sentence the negotiators).
        named = named or bool(_kinds(a) & _kinds(b) & INTERACTIONS and _one_place(a, b)
                              and (pa <= pb or pb <= pa))
        # One act told in two languages that day (no name either lead gives is missing from the other article:
        # ``_conflict``): both leads say first the same kind, not a meeting (whose sides are the event; a round of talks
        # is between the same two sides, so it may be), framing no occasion; a lead that tells the kind only in the
        # sentence after and names a place the other lead does not is recalling its own subject there (an analysis of
        # the week after the talks in Muscat, against the vote); a prisoner's release (or his sentence) is one only of
        # prisoners of the same nationalities (``_other_prisoners``).
        named = named or bool(a.lang != b.lang and a.primary and a.primary == b.primary
                              and not a.primary & INTERACTIONS - ROUND and not a.frame and not b.frame
                              and not _other_prisoners(a, b)
                              and not any(not x.primary <= x.lead and _facts(x)[0] - _facts(y)[0]
                                          for x, y in ((a, b), (b, a))))
        # Anchored only on a body or a place (no person both leads name): the IAEA is in the news of its
        # report, of the E3's statement on it and of the law answering both; only the same kind of action
        # in both leads says the event is the same.
        named = named and (bool(pa & pb) or not _bodies_alone_differ(a, b))
        # (one person named by both leads, each saying first an act of its own, a release he welcomed and a waiver he
        # signed, reports two events; so do leads naming different people first, each saying first its own kind: the
        # spokesman's briefing on a swap and an op-ed on the bill that names the minister first; not two people both
        # leads name, the minister and his guest at their joint press conference during the visit)
        named = named and not (_primaries_differ(a, b) and ((a.primary | b.primary) <= ACTS_ALONE | RELEASES
                                                            or bool(a.first and b.first and a.first != b.first
                                                                    and not (a.first in b.lead and b.first in a.lead))))
        # (nor a lead saying first a body's act, naming the body, against a meeting's whose article never mentions it:
        # parliament's vote on the day of the round, whose headline names the minister whose hands it ties)
        named = named and not _body_act_unmentioned(a, b)
        # (people one lead names and the other article too, with more alike texts: the secretary who signed the waiver)
        if (not named and text is not None and lead_a & lead_b & a.actions
                and (text >= TEXT_DAY and not pa ^ pb or text >= TEXT_MID and pa ^ pb <= _everything(a) & _everything(b))
                and not _primaries_differ(a, b)):  # (a kind both leads name, each saying first another: the report and the vote)
            return Link(a.key, b.key, "text", text, _shared(a, b), tuple(shared_terms(a.terms, b.terms, idf)))
        # (no person both leads name, no name either lead gives that the other article lacks (``_conflict``), the same
        # kind said first or none by one lead: wording alike that day is the anchor, the angle of each is its own;
        # a little less alike, ``TEXT_NOBODY``, when at most one lead names a person: not two speakers each with his
        # own remarks, the secretary's and the envoy's)
        if (not named and text is not None and text >= (TEXT_DAY if pa and pb else TEXT_NOBODY) and not pa & pb
                and not (a.primary and b.primary and a.primary != b.primary)
                # (a meeting of two sides one lead says first, the other reporting none: the president's meeting with
                # the emir on the summit's sidelines is not the summit's declaration)
                and not any(x.primary & MEETINGS_OF_TWO and not y.early & MEETINGS for x, y in ((a, b), (b, a)))
                # (nor a lead saying first nothing and naming a place the other lead does not, against one naming a body
                # and saying first a kind this lead does not: the talks in Geneva and the E3's statement on the bill that
                # morning, each with its own anchor)
                and not any(_facts(x)[0] - _facts(y)[0] and _actors(y) - x.lead and y.primary - _kinds(x) and not x.primary
                            for x, y in ((a, b), (b, a)))
                # (a release one lead says first, and talks the other headline names, never mentioning a release:
                # the prisoner let go the day of the talks is not the talks, worded alike as both are)
                and not any(x.primary & RELEASES - y.actions and "negotiations" in y.head for x, y in ((a, b), (b, a)))
                # (nor an act one side does alone a lead naming nobody says first, against a lead naming people and
                # saying first nothing, at no place both leads name: the sanctions announced hours after the round are
                # not the envoys' encounter in Muscat)
                and not any(x.primary & ACTS_ALONE and not _people(x) and not y.primary and _people(y)
                            and not x.lead & y.lead & x.places for x, y in ((a, b), (b, a)))
                # (nor two speeches, each lead naming first its own speaker and not the other's: the Leader's address and
                # the US president's remarks answering it, worded alike as an answer is)
                and not _two_speakers(a, b)):
            return Link(a.key, b.key, "text", text, _shared(a, b), tuple(shared_terms(a.terms, b.terms, idf)))
    else:  # no day on one side: the same people in both leads, close in time
        named = dt <= SAME_DAY and bool(pa & pb) and (pa == pb or ((pa <= pb or pb <= pa) and bool(anchors - pa - pb)))
        # (but not the speaker's briefing, which names no day, against his words of the day before, which name theirs: a
        # briefing is told the day it is held, in Tehran; the statement issued late on Monday is not Tuesday's briefing)
        named = named and not any(x.day is None and x.frame & APPEARANCES and not y.frame and y.day is not None
                                  and y.day != (x.published + TEHRAN_OFFSET).date() for x, y in ((a, b), (b, a)))
        # ... or one round of talks at one place, one lead naming no one the other does not (rounds are days apart)
        named = named or (dt <= SAME_DAY and "round of talks" in _kinds(a) & _kinds(b) and _one_place(a, b)
                          and (pa <= pb or pb <= pa))
        # ... or one body's act of one kind (the State Department's waiver), no person in either lead
        named = named or (dt <= SAME_DAY and not pa | pb and bool(_actors(a)) and _actors(a) == _actors(b)
                          and bool((_kinds(a) | a.primary) & (_kinds(b) | b.primary)))
    if (text is not None and text >= TEXT_MID and anchors & _actors(a) and lead_a & lead_b & a.actions
            and dt <= CROSS_WINDOW + timedelta(hours=2)):
        return Link(a.key, b.key, "text", text, _shared(a, b), tuple(shared_terms(a.terms, b.terms, idf)))
    if named and dt <= _names_reach(a, b) and (text is None or text >= TEXT_FLOOR):
        overlap = len(lead_a & lead_b) / len(lead_a | lead_b)
        return Link(a.key, b.key, "names", overlap, _shared(a, b),
                    tuple(shared_terms(a.terms, b.terms, idf)) if text is not None else ())
    return None


def _other_prisoners(a: Signature, b: Signature) -> bool:
    """Whether two leads saying first a step of a prisoner's custody (``KIN``: his release, his sentence) tell of
    different prisoners: the articles name other nationalities (a Frenchman's release is not the dual national's) or
    two different names no list knows."""
    return bool(a.primary & _KIN["release"]) and (other_nationalities(a.terms) != other_nationalities(b.terms)
                                                  or other_names(a.objects, b.objects))


def _one_place(a: Signature, b: Signature) -> bool:
    """Whether two accounts of a meeting hold it at one place: both leads name it, or one lead names a place (not a
    capital) the other article gives further down and the other lead names none ("in the Omani capital after the
    session", in the sentence after a lead telling only the round)."""
    pa, pb = _facts(a)[0], _facts(b)[0]
    return bool(pa & pb or (pa | pb) and pa <= b.places and pb <= a.places)


def _body_act_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead says first a meeting (a round of talks, a call, a visit), the other, framing no occasion of a speaker,
    another kind of action, by a body it names that the meeting's article never mentions."""
    return any(y.primary & INTERACTIONS and x.primary and not x.primary & INTERACTIONS and not x.frame
               and x.lead & x.organisations - y.organisations for x, y in ((a, b), (b, a)))


def _arrival_against_round(a: Signature, b: Signature) -> bool:
    """One lead says first a visit (the minister's arrival in Muscat, his remarks on landing), reporting no meeting of
    its own (the host's welcome is the visit's news), the other says first the round of talks and never mentions a
    visit: the arrival that morning is not the round that afternoon."""
    return any("visit" in x.primary and "round of talks" in y.primary and "round of talks" not in x.primary
               and not x.early & COUNTERPART_MEETINGS and "visit" not in y.actions for x, y in ((a, b), (b, a)))


def _op_ed_against_occasion(a: Signature, b: Signature) -> bool:
    """One lead says first an op-ed, the other frames an occasion (a speech, an interview) or says first a round of talks
    it numbers or places where the op-ed's lead never does, and never mentions an op-ed: the adviser's article that
    morning is not the Leader's speech it echoes, nor the minister's article published hours before the round he then
    held in Muscat. (A round the other lead says first with no number, at no place of its own, is often how another
    outlet tells the op-ed itself: the adviser's terms for the talks.)"""
    return any("op-ed" in x.primary and (y.frame or y.primary & ROUND and (y.round is not None or _facts(y)[0] - x.lead))
               and "op-ed" not in y.actions for x, y in ((a, b), (b, a)))


def _release_against_talks(a: Signature, b: Signature) -> bool:
    """One lead says first a release (``RELEASES``); the other article never mentions one, its headline names the talks
    and its lead says first nothing, naming no one the release's lead names: the prisoner flown to Muscat on the day of
    the round is not the analysis of the round there, though both name the mediator in their bodies."""
    return any(x.primary & RELEASES - y.actions and "negotiations" in y.head and not y.primary and not x.lead & _people(y)
               for x, y in ((a, b), (b, a)))


def _eve_meeting_against_round(a: Signature, b: Signature) -> bool:
    """One lead reports a meeting of two (``COUNTERPART_MEETINGS``: the minister with the mediator), says first no round
    and names its day, the day before the other's publication; the other says first the round, names no day and never
    reports such a meeting: the minister's meeting with his Omani host on the eve is not the round the next day."""
    return any(x.early & COUNTERPART_MEETINGS and "round of talks" not in x.primary and x.day is not None
               and y.day is None and "round of talks" in y.primary and not y.early & COUNTERPART_MEETINGS
               and x.day < (y.published + TEHRAN_OFFSET).date() for x, y in ((a, b), (b, a)))


def _answer_to_speaker(a: Signature, b: Signature) -> bool:
    """Each lead quotes the person it names first, two people, and one of them the other lead never names: the US
    president's answer, whose lead names the Leader it answers, is not the Leader's speech, whose lead never names him."""
    return bool(a.first and b.first and a.first != b.first and a.first in a.speakers and b.first in b.speakers
                and (a.first not in b.lead or b.first not in a.lead))


def _statement_against_person(a: Signature, b: Signature) -> bool:
    """One lead says first a joint statement, names no person and reports no meeting; the other reports a meeting
    (``COUNTERPART_MEETINGS``) of the person it names first and says first no statement: the deputy minister's meeting
    with the Europeans' envoys is not their governments' statement that morning."""
    return any("joint statement" in x.primary and not _people(x) and not x.early & MEETINGS and y.first
               and y.early & COUNTERPART_MEETINGS
               and "joint statement" not in y.primary for x, y in ((a, b), (b, a)))


def _act_unmentioned(a: Signature, b: Signature) -> bool:
    """One lead names no person and says first an act one side does alone (``ACTS_ALONE``: a designation, a seizure;
    not a step of a prisoner's custody, which a wire may misread in "pressed the cases of detained dual nationals"),
    the other names people, says first nothing and never mentions that act: the tankers blacklisted "in a move that
    coincided with" the envoys' talks are not a scoop on what the envoy asked for there, whatever place both name."""
    return any(x.primary & ACTS_ALONE - _KIN["release"] and not _people(x) and not y.primary and _people(y)
               and not x.primary & y.actions for x, y in ((a, b), (b, a)))


def _quoted_against_talks(a: Signature, b: Signature) -> bool:
    """One lead says first nothing, frames no occasion and quotes a speaker (``Signature.speakers``) the other article
    never mentions; the other says first a round of talks or a call: the spokesman's words to reporters in Tehran "as
    a new round got under way in Oman" are his news, not the round's, whose account never names him."""
    return any(x.speakers and not x.primary and not x.frame and y.primary & TALKS_OR_CALLS
               and not x.speakers & _everything(y) for x, y in ((a, b), (b, a)))


def _two_speakers(a: Signature, b: Signature) -> bool:
    """Each lead reports remarks (it frames them, names their occasion or quotes them) of the person it names first,
    whom the other lead never names."""
    return bool(a.first and b.first and a.first != b.first and a.first not in b.lead and b.first not in a.lead
                and all((x.frame | x.early) & REMARKS or x.first in x.speakers for x in (a, b)))


# Exercises that last days (a navy's drill): its accounts of its first day and of its last are one event.
SPANS = frozenset({"drill"})


def _days_of_one_drill(a: Signature, b: Signature) -> tuple[str, ...]:
    """One exercise of several days (``SPANS``) told on two of its days, in one language: both leads say first a
    drill by a body both leads name (the Guards' navy), at a place (not a capital) both leads name, naming the same
    people (none, mostly); one of them gives its length in days ("a two-day naval exercise", "the three-day drill":
    ``Signature.figures``), and the two days both leads name are within it (the launch on Tuesday, the missiles
    fired on Wednesday, its last day). Not a drill of another body, elsewhere, or after the length one names."""
    if a.lang != b.lang or a.day is None or b.day is None or a.day == b.day:
        return ()
    if not (a.primary & SPANS and b.primary & SPANS and _kinds(a) & _kinds(b) & SPANS):
        return ()
    bodies = a.lead & b.lead & a.organisations & b.organisations
    if not bodies or not _facts(a)[0] & _facts(b)[0] or _people(a) != _people(b):
        return ()
    lengths = [int(value.partition("e")[0]) * 10 ** int(value.partition("e")[2])
               for unit, _, value in (f.partition(":") for f in a.figures | b.figures) if unit == "days"]
    if not any(abs((a.day - b.day).days) < n <= 7 for n in lengths):
        return ()
    return tuple(sorted(SPANS | bodies))


def _retold(a: Signature, b: Signature, idf: Callable[[str], float]) -> Link | None:
    """A follow-up or an analysis that retells a meeting by its day (``Signature.recalled``: "Monday's session
    in Muscat", "the talks in Muscat on Tuesday") and the meeting's own account, in one language: the account's
    lead reports it on that day, framing no other occasion and saying first no other kind of action, its people
    and a place (not a capital) all named by the follow-up, on a topic the account's lead and the follow-up's
    headline name; the follow-up's lead names no person (a minister's remarks about the talks are his news),
    frames no occasion of its own (a spokesman's briefing) and says first no other kind of action, and its own
    day is the meeting's or the day after. No wording alike is asked: an analysis tells the meeting in words of
    its own, and the day, the people, the place and the headline's topic are the evidence. (Israeli officials'
    unease the morning after the round, the analysis of Monday's session, both retelling it.)"""
    if a.lang != b.lang:
        return None
    for x, y in ((a, b), (b, a)):  # x: the meeting's account; y: the follow-up
        if y.recalled is None or x.day != y.recalled or x.frame or y.frame or _people(y):
            continue
        if y.day is not None and not timedelta(0) <= y.day - y.recalled <= timedelta(days=1):
            continue  # told the day after at the latest: a meeting two days later is set against it, not retelling it
        if y.day is not None and y.day != y.recalled and y.early & MEETINGS:
            continue  # its lead reports a meeting of its own day: the experts' talks that followed the round
        if x.primary - INTERACTIONS or y.primary - INTERACTIONS or _kinds(y) - INTERACTIONS:
            continue
        people = _people(x)
        if not people or not people <= y.names or not _facts(x)[0] & y.places:
            continue
        if not x.lead & y.head & x.topics:
            continue
        text = _cosine(a, b, idf)  # shown by /why; an analysis words the meeting its own way: no floor
        return Link(a.key, b.key, "retold", text, _shared(a, b), tuple(shared_terms(a.terms, b.terms, idf)))
    return None


# Meetings an article's lead may report as its own occasion when it frames none: what the talks, or a
# call, was; one person's speech or press conference that day is another occasion.
TALKS_OR_CALLS = frozenset({"round of talks", "phone call"})


def has_occasion(sig: Signature) -> bool:
    """Whether the article's own occasion is known (``apart`` reads it): a frame, or a round of talks
    or a call (or another meeting of two sides) its lead reports."""
    return bool(sig.frame or sig.early & COUNTERPARTS or _kinds(sig) & TALKS_OR_CALLS)


def apart(a: Signature, b: Signature) -> bool:
    """Whether the two articles are known to report two occasions of one day, so that no story may
    hold both, whatever article bridges them (``Joiner``). The day is the same (both leads name it,
    or neither does and they were published within ``SAME_DAY``), and:

    - both frame their news as occasions of one speaker both leads name, of different kinds
      (``Signature.frame``: the president's speech to managers, his press conference that afternoon);
    - one frames it as an occasion of a speaker (a speech, an interview, a press conference) and the
      other, framing none and never mentioning that kind, reports a round of talks or a call of other
      people, its lead naming none of the speakers (the Leader's speech on the morning of the talks
      between the negotiators; not an account of the speech that says the talks were his subject);
    - one reports a call and the other a round of talks it never calls a call, both naming one of its
      people (the mediator's call the evening after the talks);
    - both report a call (or a meeting) of one person both leads name, and the other sides differ
      (his call with the Saudi minister, his call with the IAEA chief).
    """
    if a.day != b.day or (a.day is None and abs(a.published - b.published) > SAME_DAY):
        return False
    together = _people(a) & _people(b)
    ka, kb = _kinds(a), _kinds(b)
    if a.frame and b.frame:
        return bool(together) and not _occasion_kinds(a.frame) & _occasion_kinds(b.frame)
    for x, y, kx, ky in ((a, b, ka, kb), (b, a, kb, ka)):
        if (x.frame and not y.frame and ky & TALKS_OR_CALLS and not x.frame & y.actions and _people(x) and _people(y)
                and not together):
            return True
        if ("phone call" in kx and "round of talks" in ky and "phone call" not in y.actions and together
                and not y.frame and not x.frame):
            return True
    return (bool(together and ka & kb & COUNTERPARTS)
            and (_counterparts_differ(a, b) or _partners_differ(a, b) or _sides_differ(a, b)))


class Joiner:
    """Stories as connected components of links, but never two articles that are ``apart`` in one
    story. When some are apart, components are joined by average linkage: the two whose links'
    similarities, summed over all their pairs of members (a missing link counting nothing), are the
    highest, first; a join that would put two apart articles (or stories holding them) in one
    component is refused. So an article whose own occasion is unknown goes to the side it fits best,
    the accounts it resembles most as a whole (the speech's, not the press conference that one of
    them also resembles). Nodes are whatever the caller counts as one (an article; an existing story,
    which is never split). Without apart pairs the components are the links' connected components.
    The outcome depends only on the links and constraints given (ties go to the smaller ids), so one
    batch gives the same stories in any order. (Across waves an article joins the stories there are
    when it arrives: one that names no occasion, linked to the speech's accounts before the press
    conference's arrive, stays with the speech even when the press conference would have fitted it
    better; no rule can move it once alerted, and none that is order-free can keep the two apart:
    each account alone would join it.)"""

    def __init__(self, nodes: Iterable[int] = (), apart_pairs: Iterable[tuple[int, int]] = ()) -> None:
        self.uf = UnionFind()
        self.members: dict[int, set[int]] = {}
        self.against: dict[int, set[int]] = {}
        for node in nodes:
            self.add(node)
        for x, y in apart_pairs:
            if x != y:
                self.add(x)
                self.add(y)
                self.against[x].add(y)
                self.against[y].add(x)

    def add(self, node: int) -> None:
        if node not in self.members and node not in self.uf.parent:
            self.uf.find(node)
            self.members[node] = {node}
            self.against[node] = set()

    def join_all(self, edges: Iterable[tuple[int, int, float]]) -> None:
        """Join along ``edges`` ((node, node, similarity)), best-fitting pairs of components first."""
        edges = [(x, y, w) for x, y, w in edges if x != y]
        for x, y, _ in edges:
            self.add(x)
            self.add(y)
        if not any(self.against[n] for n in self.members):  # nothing kept apart: plain components
            for x, y, _ in edges:
                self._union(self.uf.find(x), self.uf.find(y))
            return
        while True:
            totals: dict[tuple[int, int], float] = {}
            for x, y, w in edges:
                rx, ry = self.uf.find(x), self.uf.find(y)
                if rx != ry:
                    pair = (min(rx, ry), max(rx, ry))
                    totals[pair] = totals.get(pair, 0.0) + w
            # average linkage: the similarity of the links between two components over all their pairs
            allowed = [(round(w / (len(self.members[pair[0]]) * len(self.members[pair[1]])), 9), pair)
                       for pair, w in totals.items() if not self.against[pair[0]] & self.members[pair[1]]]
            if not allowed:
                return
            _, (ra, rb) = max(allowed, key=lambda t: (t[0], -t[1][0], -t[1][1]))
            self._union(ra, rb)

    def _union(self, ra: int, rb: int) -> None:
        if ra == rb:
            return
        kept = self.uf.union(ra, rb)
        gone = rb if kept == ra else ra
        self.members[kept] |= self.members.pop(gone)
        self.against[kept] |= self.against.pop(gone)

    def find(self, node: int) -> int:
        return self.uf.find(node)

    def components(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


class UnionFind:
    """Stories as connected components of links; the smallest id names each component."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
        return ra


def group(signatures: Iterable[Signature], idf: Callable[[str], float]) -> list[frozenset[int]]:
    """Stories of a set of articles, all pairs compared (tests and the quality harness)."""
    sigs = list(signatures)
    links = []
    for i, a in enumerate(sigs):
        for b in sigs[i + 1:]:
            found = link(a, b, idf)
            if found is not None:
                links.append(found)
    known = [s for s in sigs if has_occasion(s)]
    joiner = Joiner((s.key for s in sigs), [(a.key, b.key) for i, a in enumerate(known) for b in known[i + 1:]
                                           if apart(a, b)])
    joiner.join_all((found.a, found.b, found.similarity) for found in links)
    return sorted((frozenset(p) for p in joiner.components()), key=min)


# The rules ``link`` reads after ``_link`` found a link, in this order: nothing excuses these (the other sides of two
# calls or meetings, an interview against the talks it is about, a seizure against an encounter at sea, ...).
# benchmarks/story_blockers.py names which of them refuse a found link.
LAST_RULES: tuple[Callable[[Signature, Signature], bool], ...] = (
    _partners_differ, _sides_differ, _frames_differ, _occasions_differ, _call_unmentioned, _seizure_unmentioned,
    _signing_apart, _preview_against_meeting, _subject_unmentioned, _market_against_other, _appearance_unmentioned,
    _meeting_against_act, _sidelines_against_plenary, _statement_against_appearance, _arrival_against_round,
    _op_ed_against_occasion, _release_against_talks, _eve_meeting_against_round, _answer_to_speaker,
    _statement_against_person, _act_unmentioned, _quoted_against_talks,
)
