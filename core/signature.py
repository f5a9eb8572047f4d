"""An article's event signature: what it names, in a form that does not depend on language.

Officials and topics come from detection (canonical names); places, organisations and
kinds of action from the gazetteer; the round of talks from ordinals in either language
("fourth round" = «دور چهارم» = 4). What the headline and first sentences name is kept
apart as the lead: the lead says which event an article reports, the body repeats
background that other events share. The words (for same-language similarity) and the
SimHash (for copies) travel with it.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from core.figures import figures as figures_in
from core.gazetteer import Gazetteer, Hit, fold
from core.incident import FOREIGN_COUNTRY_WORDS_FA, english_names, persian_pairs, sides, titled_names
from core.model import GazetteerEntry, Mention
from core.textsim import term_counts

# Kinds of action more often what news is about than what happened ("urged Iran to restore inspector access",
# "warned of a board resolution"): never an article's primary kind.
SUBJECTS = frozenset({"inspection", "resolution", "snapback"})
COUNTERPARTS = frozenset({"phone call", "visit", "meeting"})  # meetings of two sides (core.stories reads their sides)
# A meeting of two sides in the lead or the sentence after ("met", "held talks with", «دیدار»): read for the
# sides only (``Signature.early``), not a kind of action (too common a word to index or to name a lead by).
_MEETING = re.compile(r"\b(?:met|meets|meeting\s+with|held\s+talks\s+with|holds\s+talks\s+with|received)\b"
                      r"|(?<!\w)(?:دیدار|ملاقات)(?!\w)")
_ALIAS_ROOM = 120  # characters past the lead read so that an alias the lead ends inside is still whole
LEAD_CHARS = 320  # of body text after the headline: about the first two sentences
TEHRAN_OFFSET = timedelta(hours=3, minutes=30)
EAST_OF_UTC_HOUR = 20  # from this UTC hour, Tehran and the Gulf are already in the next day
WORDS_LEADS = 2  # words are compared over the headline and this many leads' worth of text
# A full stop that closes an initialism ("U.S.", "U.N.") or a short title or month ("Feb.", "Dr.") ends no sentence:
# "... would limit U.N. nuclear inspectors' access" is one sentence, its lead read to its end.
_STOP = r"(?:(?<![A-Z]\.[A-Z])(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Gen|Col))(?<!\bSept)(?<!\b(?:Mr|Dr|St|Lt))\.|[!?؟])"
_SENTENCE_END = re.compile(_STOP + r"\s")
_SENTENCE_OR_TEXT_END = re.compile(_STOP + r"(?:\s|$)")
# "VIENNA, Dec 1 (Reuters) -", "Tehran, IRNA --", "DUBAI (AP) —", "Doha:": where the reporter
# files from, not where the event happened.
_DATELINE = re.compile(r"\s*[^\W\d][\w .'’]{1,30}?(?:,\s*[\w .]{2,20}?)?\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-|:)\s")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_LATIN_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10}
_FA_ORDINALS = {
    "اول": 1, "نخست": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8,
    "نهم": 9, "دهم": 10,
}
_FA_ORDINALS_PRE = {"نخستین": 1, "اولین": 1, "دومین": 2, "سومین": 3, "چهارمین": 4, "پنجمین": 5,
                    "ششمین": 6, "هفتمین": 7, "هشتمین": 8, "نهمین": 9, "دهمین": 10}
_EN_ORD = "|".join(_EN_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th)"
_ROUND = re.compile(
    rf"(?<!\w)(?:(?P<en>{_EN_ORD})(?:\s+and\s+final)?\s+round"
    rf"|round\s+(?P<num>{'|'.join(_EN_NUMBERS)}|\d{{1,2}})(?!\w)"
    rf"|دور\s+(?P<fa>{'|'.join(_FA_ORDINALS)})(?!\w)"
    rf"|(?P<fapre>{'|'.join(_FA_ORDINALS_PRE)})\s+دور)"
)
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "دوشنبه": 0, "سه شنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "جمعه": 4, "شنبه": 5, "یکشنبه": 6}
_WEEKDAY = re.compile(r"(?<!\w)(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                      r"|یک ?شنبه|دو ?شنبه|سه ?شنبه|چهار ?شنبه|پنج ?شنبه|شنبه|جمعه)(?!\w)")
# Days named relative to publication: days back from the publisher's (Tehran, Gulf) date.
_RELATIVE = re.compile(r"(?<!\w)(yesterday|today|دیروز|روز گذشته|امروز|امشب|بامداد امروز)(?!\w)")
# The rest of a sentence whose verb is a pluperfect ("had said", «مدعی شده بود»): a weekday in it
# dates what the news answers or follows, not the news.
# (A relative clause the weekday comes before is not its sentence's verb: «شامگاه چهارشنبه ناوشکنی را که ... نزدیک شده
# بود، رهگیری کردند» tells Wednesday evening's interception.)
_PLUPERFECT = re.compile(r"(?:(?!(?<!\w)که(?!\w))[^.!?؟؛،,\n])*?\S+[دت]ه\s+بود(?:ند)?(?!\w)")
# A Persian future (or present, as headlines tell what is to come) verb in the clause after a weekday («دور پنجم روز
# چهارشنبه در مسقط برگزار خواهد شد», «... چهارشنبه در مسقط برگزار می‌شود»): the day of what is to come, not of the
# news, whichever week it falls in.
# (a past verb before it ends the weekday's clause: «عراقچی روز دوشنبه گفت دور بعد ... برگزار خواهد شد» told Monday's words)
_FUTURE_FA = re.compile(r"(?:(?!(?<!\w)(?:که|گفت|افزود|کرد|کردند|شد|داد|نوشت)(?!\w))[^.!?؟؛،,\n])*?"
                        r"(?<!\w)(?:خواه(?:د|ند)|می\s\S+(?:د|ند)|شود|شوند)(?!\w)")
# The rest of a clause, to the end of its sentence (a full stop inside an initialism, "U.S.", ends nothing).
_REST = r"(?:[^.!?\n]|\.(?=[A-Z]\.)|(?<=\.[A-Z])\.)*"
# "The meeting came a day after Albusaidi spoke by phone with ...", "the meeting, held after Pezeshkian addressed the
# summit": the earlier event is background,
# its names and kind of action are no part of the lead.
_FOLLOWS = re.compile(r"\b(?:came|comes|follow(?:s|ed)?|held|took\s+place)\s+(?:(?:a|one|two|three|several|just|only)\s+)?"
                      rf"(?:(?:day|days|hours?|weeks?)\s+)?after\b{_REST}")
# Other clauses that tell an earlier event as background: "hours after touring the Fordow site",
# "Araghchi had discussed the round with his Omani counterpart", and a Persian clause whose verb is a
# pluperfect («اسلامی که صبح همان روز از فردو بازدید کرده بود»: who had visited Fordow that morning).
_BEFORE_NOW = re.compile(
    rf"\b(?:hours|an?\s+hour|shortly|minutes)\s+after\b{_REST}"
    r"|\bhad\s+(?:already\s+|also\s+|earlier\s+|just\s+)?(?:[a-z]+ed|spoken|met|held|made|told|said|sent|given"
    rf"|taken|gone|led|won|left)\b{_REST}")
# ... and an article opening on one, to its comma: "Hours after the supreme leader told students not to trust America,
# Tehran freed a prisoner" reports the release (the sentence's own verb comes after the comma).
_OPENING_AFTER = re.compile(r"(?:(?<=\n)|^)(?:Just\s+|Only\s+)?(?:Hours|Minutes|Shortly|An?\s+hour)\s+after\b[^,\n]*")
_BEFORE_NOW_FA = re.compile(r"(?:ساعاتی|ساعتی|چند ساعت)\s+(?:پس|بعد)\s+از[^.!?؟\n]*")
# A Persian headline's «پس از ...» clause on an event, after its subject («دلار پس از دور پنجم مذاکرات مسقط عقب نشست»: the
# dollar fell after the round): the cause, told first by its own account, not the news (not «پس از سه سال حبس», after
# three years in prison, whose clause runs on to the headline's verb, the release).
_HEADLINE_AFTER_FA = re.compile(r"(?<=\w )(?:پس|بعد)\s+از\s+(?:دور|مذاکرات|گفت[\s\u200c]?و[\s\u200c]?گو|گفتگو|دیدار|نشست|سخنان"
                                r"|اظهارات|اعلام|انتشار|تصویب|تماس)[^\n:؛]*")
_PLUPERFECT_VERB = re.compile(r"\S+[دت]ه\s+بود(?:ند)?(?!\w)")
_CLAUSE_MARKS = ".،؛,\n!?؟"
# ... and, inside a sentence, "(the remarks came) a day after the fifth round in Muscat" / «این سخنان
# یک روز پس از دور پنجم مذاکرات ... بیان شد» (an article opening "Two days after the talks, ..." is
# about them: not this).
_DAY_AFTER = re.compile(rf"(?<=\w[ ,])\s*(?:a|one|two|three)\s+days?\s+after\b{_REST}")
# "Parliament votes on the bill as envoys meet in Oman", "..., as negotiators from the two countries met in Muscat":
# a meeting told as what happened meanwhile is the news's background, not the news ("..., on the same day the foreign
# minister was holding talks in Oman", "even as the envoy prepares for another round", "as the minister headed into another
# round of talks in Muscat", "as its negotiators flew to Oman for a fourth round", "the vote came on the same day that
# the agency circulated a confidential report").
_MEANWHILE = re.compile(r"(?<=\w)[,;]?\s+(?:as|(?:on\s+)?the\s+same\s+day(?:\s+(?:that|as))?)\s+(?:[\w'’.-]+\s+){1,6}?"
                        r"(?:met|meet|meets|held|hold|holds|resumed?|resumes"
                        r"|opened|opens?|began|begins?|gathered|gather|gathers|sat\s+down|wrapped\s+up"
                        r"|prepares?|prepared|circulated|issued|published|headed|heads|flew|flies|travell?ed|travels"
                        rf"|(?:were|was|are|is)\s+(?:gathering|meeting|holding|preparing|arriving|heading|sitting|conducting|staging))\b{_REST}")
# ... and what the news "coincided with" ("blacklisted a dozen tankers on Monday, in a move that coincided with the
# envoy's talks with Iran's foreign minister in Oman"): the talks are the news's time, not the news
_COINCIDING = re.compile(r"(?<=\w)[,;]?\s+(?:(?:in\s+)?a\s+(?:move|step|decision)\s+(?:that|which)\s+"
                         rf"|(?:that|which)\s+)?coincid(?:ed|es|ing)\s+with\b{_REST}")
# A headline's closing "as" clause with a verb of its own ("Parliament advances bill to vet deal as Khamenei casts doubt
# on talks"), after a headline of five words or more: what happened meanwhile, as "as envoys met" is in a lead; the
# headline's news is before it.
_HEADLINE_AS = re.compile(r"(?<=\w)\s+as\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:[a-z]+s)\b[^\n]*$")
# ... and what is to come, told as the news's time inside a sentence: "(Iran warned the Europeans) hours before its top
# diplomat was due to face a US envoy", «... ساعاتی پیش از آغاز دور تازه مذاکرات»: the news happened first, and is not it
# (an article opening "Hours before the talks, ..." tells its news after the comma: not this).
_TO_COME = re.compile(rf"(?<=\w[ ,])\s*(?:hours|an?\s+hour|shortly|minutes|(?:a|one|two|three)\s+days?)\s+before\b"
                      rf"{_REST}")
_TO_COME_FA = re.compile(r"(?<=\w )(?:ساعاتی|ساعتی|چند\s+ساعت|(?:یک|دو|سه|چند)\s+روز)\s+(?:پیش|قبل)\s+از[^.!?؟\n]*"
                         r"|(?<=\w، )(?:ساعاتی|ساعتی|چند\s+ساعت|(?:یک|دو|سه|چند)\s+روز)\s+(?:پیش|قبل)\s+از[^.!?؟\n،]*")
_DAY_AFTER_FA = re.compile(r"(?<=\w )(?:یک|دو|سه|چند)\s+روز\s+(?:پس|بعد)\s+از[^.!?؟\n]*"
                           r"|(?<=\w، )(?:یک|دو|سه|چند)\s+روز\s+(?:پس|بعد)\s+از[^.!?؟\n،]*")


# ... and the Persian clauses of what happened meanwhile or that day, to their comma: «در حالی که عراقچی ... سرگرم
# مذاکره ... بود، نمایندگان ...» (while the minister was negotiating in Muscat, the deputies voted; also «این رأی‌گیری
# در حالی انجام شد که هیئت ... در مسقط حضور داشت», the vote took place while the delegation was in Muscat), «در روزی که دور
# پنجم ... برگزار شد، ...» (on the day the fifth round was held, the Treasury designated ...), «همزمان با برگزاری دور
# تازه مذاکرات ...» (as the round was held; «همزمان با انتشار اخبار ... دور پنجم»: as news of the round came out; not a
# headline's «هم‌زمان با مذاکرات مسقط», which tells where the news is set),
# «در روز مذاکرات مسقط» (on the day of the Muscat talks)
_MEANWHILE_FA = re.compile(r"(?<!\w)(?:در\s+حالی\s?که|در\s+حالی\s+(?:\S+\s+){1,2}?که|(?:در\s+)?(?:همان\s+|همین\s+)?روزی\s?که"
                           r"|هم[\u200c\s]?زمان\s+با\s+(?:برگزاری|آغاز|پایان|ادامه|انتشار))[^.!?؟\n،]*"
                           r"|(?<!\w)در\s+(?:همان\s+)?روز\s+(?:مذاکرات|گفت\S*|دور)(?:\s+(?!را(?!\w))\S+)?")


def _background(scan: str, end: int, lang: str) -> list[tuple[int, int]]:
    """Spans of ``scan[:end]`` that tell an earlier event (``_FOLLOWS``, ``_BEFORE_NOW``, ``_DAY_AFTER``
    and their Persian forms; a Persian clause from its start to a pluperfect verb)."""
    # each pattern holds its word ("after", "had", «پس از», «بود»): most leads hold none, and are not scanned
    after = scan.find("after", 0, end) >= 0
    spans = [(m.start(), m.end()) for m in _FOLLOWS.finditer(scan, 0, end)] if after else []
    if lang == "en":
        if after or scan.find("had", 0, end) >= 0:
            spans += [(m.start(), m.end()) for m in _BEFORE_NOW.finditer(scan, 0, end)]
        if after:
            spans += [(m.start(), m.end()) for m in _DAY_AFTER.finditer(scan, 0, end)]
            spans += [(m.start(), m.end()) for m in _OPENING_AFTER.finditer(scan, 0, end)]
        if scan.find(" as ", 0, end) >= 0 or scan.find("same day", 0, end) >= 0:
            spans += [(m.start(), m.end()) for m in _MEANWHILE.finditer(scan, 0, end)]
            head = scan.find("\n\n", 0, end)
            if head > 0 and (m := _HEADLINE_AS.search(scan, 0, head)) is not None and len(scan[:m.start()].split()) >= 5:
                spans.append((m.start(), m.end()))  # (not "Gulf states watch as IRGC stages drills": the drill is the news)
        if scan.find("before", 0, end) >= 0:
            spans += [(m.start(), m.end()) for m in _TO_COME.finditer(scan, 0, end)]
        if scan.find("coincid", 0, end) >= 0:
            spans += [(m.start(), m.end()) for m in _COINCIDING.finditer(scan, 0, end)]
        return spans
    if scan.find("پیش از", 0, end) >= 0 or scan.find("قبل از", 0, end) >= 0:
        spans += [(m.start(), m.end()) for m in _TO_COME_FA.finditer(scan, 0, end)]
    if scan.find("پس از", 0, end) >= 0 or scan.find("بعد از", 0, end) >= 0:
        spans += [(m.start(), m.end()) for m in _BEFORE_NOW_FA.finditer(scan, 0, end)]
        spans += [(m.start(), m.end()) for m in _DAY_AFTER_FA.finditer(scan, 0, end)]
        head = scan.find("\n\n", 0, end)
        if head > 0 and (m := _HEADLINE_AFTER_FA.search(scan, 0, head)) is not None:
            spans.append((m.start(), m.end()))
    if (scan.find("در حالی", 0, end) >= 0 or scan.find("روزی", 0, end) >= 0 or scan.find("زمان با", 0, end) >= 0
            or scan.find("روز ", 0, end) >= 0):
        spans += [(m.start(), m.end()) for m in _MEANWHILE_FA.finditer(scan, 0, end)]
    if scan.find("بود", 0, end) < 0:
        return spans
    for m in _PLUPERFECT_VERB.finditer(scan, 0, end):
        start = max(scan.rfind(mark, 0, m.start()) for mark in _CLAUSE_MARKS)
        if start >= 0:
            spans.append((start + 1, m.end()))
    return spans
# A country named as the one an official serves ("Qatar's emir", "the emir of Qatar", «امیر قطر»): whose
# he is, not where the event happened.
_OFFICES = r"(?:emir|amir|king|sultan|president|prime minister|premier|foreign minister|crown prince|top diplomat)"
_OFFICE_AFTER = re.compile(rf"['’]s\s+(?:\w+\s+)?{_OFFICES}\b")
_OFFICE_BEFORE = re.compile(rf"\b{_OFFICES}\s+of\s+(?:the\s+)?$"
                            r"|(?:امیر|پادشاه|سلطان|وزیر\s+(?:امور\s+)?خارجه|رئیس[\s\u200c]?جمهور|نخست[\s\u200c]?وزیر"
                            r"|ولیعهد)\s+$")


# Governments the E3 is made of: a list naming two or three of them ("France, Germany and the UK", «فرانسه،
# آلمان و بریتانیا») is the E3, whatever their order; one of them acting alone is itself.
E3_MEMBERS = frozenset({"United Kingdom", "France", "Germany"})
_E3 = GazetteerEntry(name="E3", kind="organisation", aliases=())
_MEMBER = (r"(?:the\s+)?(?:britain|uk|u\.k\.|united\s+kingdom|france|germany|بریتانیا|انگلیس|انگلستان|فرانسه|[آا]لمان)"
           r"(?!\w)")
_MEMBER_LISTS = re.compile(rf"(?<!\w){_MEMBER}(?:(?:\s*[,،]\s*(?:and\s+|و\s*)?|\s+(?:and|و)\s+){_MEMBER}){{1,2}}")


def _in_member_list(folded: str, start: int) -> bool:
    """Whether the E3 member named at ``start`` is one of a list of E3 members."""
    return any(m.start() <= start < m.end() for m in _MEMBER_LISTS.finditer(folded, max(0, start - 50), start + 50))


# The UN's sanctions in Persian («تحریم‌های سازمان ملل», on folded text: ZWNJ a space): the English "UN sanctions" names
# no body (the gazetteer knows "United Nations", not "UN"), so neither does this.
_UN_SANCTIONS = re.compile(r"(?<!\w)تحریم(?:\s?ها(?:ی)?)?\s+$")
# ... and the Security Council's («تحریم‌های شورای امنیت», "Security Council sanctions"): the sanctions the snapback
# restores, which English calls "UN sanctions" and Persian often names by the council. The article mentions the
# council (it is no other article's unexplained name), but its lead does not report the council acting.
_COUNCIL_SANCTIONS = re.compile(r"\s+sanctions\b")


# Iran's own institutions as Persian names them bare: «وزارت امور خارجه» (the foreign ministry), «مجلس» (parliament), as
# English writes "the foreign ministry spokesman" or "the Majlis". Iranian outlets, and Persian news at large, name
# Iran's ministry and parliament so, and qualify anyone else's right after the word («وزارت خارجه عمان», «وزارت خارجه
# این کشور», «مجلس نمایندگان آمریکا»): a bare name so qualified names nothing. «مجلس» is also a gathering («مجلس
# ترحیم»), and is most often told as the author of a document («مصوبه مجلس», «طرح مجلس»: what the Guardian Council
# approved, which English tells as "the parliamentary bill"): the article mentions parliament (an English lead's "Iran's
# parliament" is no name it lacks), but a bare «مجلس» is none of its lead's names.
_BARE = re.compile(r"مجلس|وزارت\s+(?:امور\s+)?خارجه")
_QUALIFIED = re.compile(r"\s+(?:(?:این|آن|هر|دو|سه|دیگر)\s+کشور|کشورهای|نمایندگان|سنا|عوام|اعیان|خبرگان|ملی"
                        r"|ترحیم|ختم|عزا|عزاداری|یادبود|بزرگداشت|روضه|جشن|دوما|فدرال|ایالتی|(?:"
                        + "|".join(sorted((fold(w) for w in FOREIGN_COUNTRY_WORDS_FA), key=len, reverse=True))
                        + r")(?!\w))")
_BARE_PARLIAMENT = "مجلس"


def _bare(folded: str, hit: Hit) -> str | None:
    """For a bare Persian name of Iran's institution (``_BARE``): "other" when it is qualified as another country's or
    as another kind of gathering (no name at all), "mention" for a bare «مجلس», "name" otherwise; None for other hits."""
    if folded.isascii() or not _BARE.fullmatch(folded, hit.start, hit.end):
        return None
    if _QUALIFIED.match(folded, hit.end):
        return "other"
    return "mention" if folded[hit.start:hit.end] == _BARE_PARLIAMENT else "name"


# Iran's Supreme National Security Council, whose English name ends with the UN council's short alias ("National
# Security Council", «شورای امنیت ملی»; a headline's "security council" in lower case, no proper name): Persian names it
# «شورای عالی امنیت ملی», no alias of the UN's.
_NATIONAL_COUNCIL = re.compile(r"\bnational\s+security\s+council\b|شورای\s+امنیت\s+ملی(?!\w)", re.I)


def _office_of(folded: str, start: int, end: int) -> bool:
    """Whether the place at ``folded[start:end]`` is the country of an office named beside it."""
    return bool(_OFFICE_AFTER.match(folded, end) or _OFFICE_BEFORE.search(folded, max(0, start - 40), start))


# An audience an official addresses: a body or a crowd ("addressing a gathering of governors", "told the
# ceremony", "addressing lawmakers"), not a subject he addresses ("addressed relations with ...") nor the
# addressee of a letter ("addressed to the secretariat").
_AUDIENCE = (r"(?:gathering|conference|forum|summit|rally|ceremony|commemoration|audience|crowd|congregation"
             r"|assembly|convention|seminar|symposium|session|meeting|nation|people|supporters|students|academics"
             r"|governors|commanders|officers|officials|workers|clerics|worshippers|exporters|graduates|members"
             r"|lawmakers|legislators|parliament|majlis|cabinet|council|congress|senate|chamber|prayers|envoys"
             r"|ambassadors|diplomats|delegates|edition|opening|closing|arena|stadium|hall|teachers|elites|scientists"
             r"|pilgrims|athletes|veterans)")
# ... and what an official addresses that is a subject, not an audience ("addressed the concerns of ...")
_SUBJECT = (r"(?:(?:the|these|those|his|her|their|its|some|many)\s+)?(?:[\w-]+\s+)?(?:concerns?|issues?|questions?"
            r"|relations|matters?|problems?|topics?|subjects?|situation|criticism|claims?|reports?|remarks|demands?"
            r"|challenges?|needs|complaints?|grievances?|fears?|worries)\b")
_PRESS = r"(?:reporters|journalists|the\s+press|(?:an?|his|her|the)\s+(?:[\w-]+\s+){0,3}?(?:press|news))"
# The occasion a lead frames its news as, told by a preposition before it: "in an interview with state
# TV", "speaking at a news conference", «در گفت‌وگوی زنده با شبکه خبر», «در همایش استانداران». The
# article reports that occasion, whatever meeting or talks the speaker talks about in it. Remarks
# to reporters on the way out of a meeting ("speaking to reporters after the talks", «به خبرنگاران
# گفت») frame nothing: they are part of the meeting's own coverage. (On folded text: ZWNJ is a space.)
_FRAMES = (
    ("interview", re.compile(
        r"\b(?:in|during|told|gave|giving)\s+an?\s+(?:[\w-]+\s+){0,3}?interviews?\b"
        r"|(?<!\w)در\s+(?:گفت\s?و\s?گو|گفتگو|مصاحبه)(?:ی|یی)?\s+(?:\S+\s+){0,2}?(?:با\s+(?:شبکه|تلویزیون|رادیو|صدا"
        r"|روزنامه|خبرگزاری|نشریه|مجله|هفته\s?نامه|پایگاه|وب\s?سایت|پادکست"
        # a broadcaster or paper by its name («در گفت‌وگو با فاکس‌نیوز»): never a person one talks with
        r"|فاکس(?:\s?نیوز)?|سی\s?ان\s?ان|ان\s?بی\s?سی|سی\s?بی\s?اس|ای\s?بی\s?سی|بی\s?بی\s?سی|الجزیره|العربیه"
        r"|المیادین|اسکای\s?نیوز|یورو\s?نیوز|فرانس\s?24|بلومبرگ|رویترز|آسوشیتدپرس|نیویورک\s?تایمز|واشنگتن\s?پست"
        r"|وال\s?استریت\s?ژورنال|گاردین|فایننشال\s?تایمز|اکونومیست|اشپیگل|لوموند)"
        r"|تلویزیونی|زنده|اختصاصی)")),
    ("press conference", re.compile(
        r"\b(?:at|during|told|in|addressing|gave|holding|held)\s+(?:an?|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:(?:press|news)\s+(?:conference|briefing)s?|pressers?)\b"
        r"|\b(?:at|during|in|told|gave|holding|held)\s+(?:an?|his|her|their|the)\s+(?:regular\s+)?(?:weekly|daily)"
        r"\s+briefing\b"
        r"|(?<!\w)در\s+(?:نشست|کنفرانس)\s+(?:\S+\s+){0,1}?خبری|(?<!\w)در\s+نشست\s+هفتگی"
        # A session of questions from the press at a venue of its own ("answering questions from reporters at the
        # governor's office"), not questions on the way out of a meeting ("took reporters' questions after the talks").
        r"|\b(?:answering|answered|taking|took|fielding|fielded)\s+(?:questions\s+(?:from|of)\s+(?:reporters|journalists)"
        r"|(?:reporters|journalists)['’]?\s+questions)\b"
        r"(?!\s+(?:after|following|on\s+the\s+sidelines|on\s+(?:his|her|their)\s+way|as\s+(?:he|she|they)\s+left"
        r"|outside|before|ahead))")),
    # A session of a legislature the official appears before: a closed-door briefing to lawmakers, a
    # hearing («در جلسه غیرعلنی مجلس», "briefed lawmakers in a closed session", "testified before").
    ("hearing", re.compile(
        r"\b(?:closed|closed-door|private|secret|open|public)\s+(?:[\w-]+\s+){0,2}?(?:session|sitting|meeting|hearing)"
        r"\s+(?:of|with|in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:parliament|majlis|lawmakers|legislators|mps"
        r"|parliamentarians|deputies|senate|congress|committee|legislature)\b"
        r"|\b(?:brief|briefs|briefed|briefing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:lawmakers|legislators|mps"
        r"|parliamentarians|senators|parliament|majlis|congress|committee)\b"
        r"|\b(?:testified|testifying|testifies)\s+(?:before|to)\b"
        r"|\btold\s+(?:[\w-]+\s+)?(?:lawmakers|legislators|mps|parliamentarians|senators)\b"
        r"|(?<!\w)(?:جلسه|نشست)\s+(?:غیر\s?علنی|علنی|غیر\s+علنی|مشترک)(?!\w)"
        r"|(?<!\w)در\s+جمع\s+نمایندگان(?!\w)")),
    ("speech", re.compile(
        rf"\b(?:speaking|spoke)\s+(?:at|before)\s+(?!{_PRESS}\s+(?:conference|briefing)|reporters|journalists"
        r"|the\s+press|(?:[\w-]+\s+){0,3}?pressers?\b)"
        # "spoke to hundreds of students", not "speaking to IRNA" or "to Hebrew media" (an outlet: no frame)
        # "speaking from the summit podium", "told leaders gathered in Bishkek for the summit"
        r"|\b(?:speaking|spoke)\s+from\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:podium|rostrum|lectern|stage|platform)\b"
        r"|\btold\s+(?:[\w-]+\s+)?(?:leaders|heads\s+of\s+state|delegates)\s+(?:gathered|gathering|attending|assembled)\b"
        rf"|\b(?:speaking|spoke)\s+to\s+(?!{_PRESS}|{_SUBJECT})(?:(?:an?|the|his|her|their|its|some)\s+)?"
        rf"(?:(?!after\b|before\b)[\w'’-]+\s+){{0,3}}?{_AUDIENCE}\b"
        rf"|\b(?:addressing|addressed)\s+(?!{_PRESS}|to\b|{_SUBJECT})(?:(?:an?|the|his|her|their|its|some|about)\s+)?"
        rf"(?:[\w'’-]+\s+){{0,3}}?{_AUDIENCE}\b"
        r"|\bin\s+(?:an?|his|her)\s+(?:[\w-]+\s+){0,2}?(?:speech|address|sermon)\b"
        # "used his address to the summit to call for ...", "uses Baku podium to court neighbours" (not "where he had
        # earlier used his address to ...": the speech before the meeting an article reports)
        r"|\b(?<!earlier )(?<!had )(?:used|uses|using)\s+(?:an?\s+|his\s+|her\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:speech|address|podium|rostrum)"
        r"\s+(?:to|at|before)\b"
        r"|\b(?:delivered|delivering|gave|giving)\s+(?:an?|his|her)\s+(?:[\w-]+\s+){0,2}?(?:speech|address|sermon"
        r"|lecture)\b"
        rf"|\b(?:told|telling|in\s+remarks\s+to)\s+(?!{_PRESS})(?:an?\s+|the\s+)?"
        r"(?:[\w'’-]+\s+){0,3}?(?:gathering|conference|forum|summit|rally|ceremony|audience|crowd|congregation"
        r"|assembly|convention|governors|students|academics|commanders|worshippers|exporters|teachers|elites|scientists"
        r"|pilgrims|athletes|veterans)\b"
        r"|\b(?:at|during)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:ceremony|commemoration|rally|gathering|forum)\b"
        r"|\b(?:at|during|leading|led)\s+(?:the\s+)?(?:weekly\s+)?friday\s+prayers\b"
        # the speaker opening a meeting ("Opening the quarterly meeting of the board, Grossi said", "in his opening
        # statement"), not a body that opens one ("as the board opened its meeting")
        r"|(?:^|[.,;:\n]\s*)opening\s+(?:the|a|an|this\s+week['’]s)\s+(?:[\w'’-]+\s+){0,5}?(?:meeting|session|sitting"
        r"|conference|summit|forum|assembly)\b"
        r"|\bin\s+(?:his|her|an|the)\s+opening\s+(?:statement|remarks|address|speech)\b"
        r"|(?<!\w)(?<!شرکت )در\s+(?:همایش|مراسم|آیین|اجلاس|سخنرانی|خطبه|جمع\s+(?!خبرنگاران|نمایندگان))"
        # the Leader's «دیدار» with a body of people (ambassadors, students, commanders): his speech to them,
        # not a meeting with one counterpart («در دیدار با وزیر خارجه عمان»)
        r"|(?<!\w)در\s+دیدار\s+(?:با\s+)?(?:جمعی\s+از\s+|هزاران\s+(?:تن\s+از\s+)?)?(?:سفیران|سفرا|رؤسای|روسای|دانشجویان"
        r"|فرماندهان|کارگزاران|مسئولان|مسئولین|استانداران|کارگران|معلمان|فرهنگیان|نخبگان|جوانان|مردم|اقشار|خانواده\s?های"
        r"|نمایندگان\s+مجلس|اعضای|دست\s?اندرکاران|مداحان|زائران|قاریان|ورزشکاران)(?!\w)")),
)


# A word each match of a kind's pattern holds (``frames`` runs a pattern only where one is found).
_FRAME_WORDS = {
    "interview": ("interview", "گفت", "مصاحبه"),
    "press conference": ("press", "news", "briefing", "questions", "خبری", "هفتگی"),
    "hearing": ("session", "sitting", "meeting", "hearing", "brief", "testif", "told", "جلسه", "نشست", "نمایندگان"),
    "speech": ("speak", "spoke", "address", "speech", "sermon", "lecture", "told", "telling", "remarks", "ceremon",
               "commemorat",
               "opening", "podium", "rostrum",
               "rally", "gathering", "forum", "prayers",
               "همایش", "مراسم", "آیین", "اجلاس", "سخنرانی", "خطبه", "جمع", "دیدار"),
}


# A kind of action told as what is to come ("hours before the Muscat talks", "on the eve of the vote", «در آستانه دور
# جدید مذاکرات», «برای شرکت در دور پنجم»: arrived to take part in the round), as what happened meanwhile («همزمان با
# دور تازه مذاکرات»), as what someone welcomes ("welcomes the holding of a new round") or as what the news goes against
# ("scepticism despite a positive round of talks", «با وجود دور مثبت مذاکرات»): the news is something else,
# so it is never what the article says happened first.
_NOT_NEWS = re.compile(r"(?:\b(?:before|ahead\s+of|(?:on\s+)?(?:the\s+)?eve\s+of|prior\s+to|despite|in\s+spite\s+of"
                       r"|welcom(?:e|es|ed|ing)(?:\s+the\s+holding\s+of)?"
                       # a journey to the talks ("as its top diplomat flew to Oman for a new round of talks", "while his
                       # envoy was in Oman for a new round")
                       r"|(?:flew|flies|flying|heads?|headed|heading|left|leaves|leaving|travell?(?:ed|ing|s)?|set\s+off"
                       r"|sets\s+off|departed|departs|departing|arrived|arrives|arriving|was|were|is|are)\s+(?:to|for|in)"
                       r"\s+(?:[^\s.,;:!?؟،]+\s+){1,3}?for"
                       r"|(?:heads?|headed|heading)\s+into)"
                       r"|(?<!\w)(?:در\s+آستانه|پیش\s+از|قبل\s+از|با\s+وجود|به\s?رغم|علی\s?رغم|(?:پس|بعد)\s+از\s+(?:اعلام|خبر)|همزمان\s+با|هم\s?زمان\s+با|برای\s+شرکت\s+در"
                       # «بدون اشاره مستقیم به دور تازه مذاکرات»: the round the speaker did not mention
                       r"|بدون\s+اشاره(?:\s+مستقیم)?\s+به))"
                       r"\s+(?:(?:the|a|an)\s+)?(?:[^\s.,;:!?؟،]+\s+){0,2}$", re.I)


# Someone's words at an occasion, as the subject or object of the lead («سخنان خامنه‌ای در دیدار با فرماندهان بسیج
# ... را می‌توان ... دانست»: an analysis of the speech): the occasion is what the article is about, not its own.
_WORDS_AT = re.compile(r"(?<!\w)(?:سخنان|اظهارات|صحبت\s?های|سخنرانی)\s+(?:\S+\s+){0,4}$")


# ... and what is told as arriving while the news happens ("lawmakers move to tie negotiators' hands as IAEA report
# lands", "as fifth round opens in Oman", "as a new round of negotiations over its nuclear programme got under way"):
# the news is the rest of the headline or lead.
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:the|a|an|its|their)\s+)?(?:[^\s.,;:!?؟،]+\s+){0,2}$")
_ARRIVES_AFTER = re.compile(r"(?:\s+(?:in|at|on|over|about)\s+(?:[\w'’-]+\s+){0,2}?\S+)?\s+"
                            r"(?:opens|opened|begins|began|starts|started|gets\s+under\s+way|got\s+under\s+way|kicks\s+off"
                            r"|kicked\s+off|convenes|convened|lands|arrives|emerges|looms|nears)\b")


# A meeting told as to come (``Signature.ahead``), in the headline or the lead (folded text).
_PREVIEW = re.compile(
    r"\b(?:(?:expected|due|set|scheduled|slated)\s+to\s+(?:meet|begin|start|resume|open|convene|sit)"
    r"|(?:are|is)\s+to\s+(?:meet|be\s+held|begin|resume)|what\s+to\s+expect"
    # "a new round of negotiations due in Oman later in the day", "talks scheduled for Tuesday"
    r"|(?:talks|negotiations|round|session|meeting)\s+(?:due|scheduled|slated)\s+(?:in|at|for)\s)\b"
    r"|(?<!\w)(?:قرار\s+است\s+(?:\S+\s+){0,8}?(?:برگزار|اغاز)\s+شود|برگزار\s+خواهد\s+شد|برگزار\s+می\s?شود"
    r"|انتظارات\s+چیست)(?!\w)")


# A meeting told as held, in the lead: no preview
_HELD = re.compile(r"\b(?:ended|wrapped\s+up|concluded|(?:was|were)\s+held|took\s+place"
                   r"|held\s+(?:a|an|the|their|another)|agreed)\b"
                   r"|(?<!\w)(?:به\s+پایان\s+رسید|برگزار\s+شد|برگزار\s+کردند|توافق\s+کردند)(?!\w)")
ROUND = frozenset({"round of talks"})  # the one kind a preview may say first (core.stories reads it too)


# A byline opening the body ("By Kamal Kharrazi."): an op-ed, whatever events it reviews (``Signature.primary``)
_BYLINE = re.compile(r"By\s+(?:[A-Z][\w'’-]+\s+){1,3}?[A-Z][\w'’-]+\s*(?:[.\n]|,\s+(?:a|an|the|former|senior)\b)")
# ... or closing the headline ("Reading a turbulent week (by Kamal Kharrazi)", "... | By Kamal Kharrazi")
# (a dash only after a space: "the IMF's stand-by Arrangement" names no writer)
_TITLE_BYLINE = re.compile(r"(?:\(|\s[|—–-])\s*[Bb]y\s+(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+\s*\)?\s*$")
_OP_ED = frozenset({"op-ed"})


# ... and a meeting someone prepares for, told as to come in the same clause ("as the envoy prepares for another round of
# talks in Oman, set to begin later Tuesday"): a preview even when the clause is what happens meanwhile
_PREPARES = re.compile(r"\bprepar(?:es|ing|e)\s+for\b[^.!?\n]*$")


def _ahead(folded_lead: str, published: datetime, background: list[tuple[int, int]]) -> bool:
    """Whether the lead tells a meeting as to come, outside its ``background`` ("a day before negotiators are due to
    meet" dates a statement): its phrasing (``_PREVIEW``), or tomorrow's weekday before the Gulf's midnight ("will host
    the talks in Muscat on Tuesday", published on Monday)."""
    def told(m: re.Match) -> bool:
        return not any(a <= m.start() < b for a, b in background)
    if any(told(m) or _PREPARES.search(folded_lead, max(0, m.start() - 120), m.start())
           for m in _PREVIEW.finditer(folded_lead)):
        return True
    if published.hour >= EAST_OF_UTC_HOUR:
        return False
    return any((published.weekday() - _WEEKDAYS[_weekday_key(m.group(1))]) % 7 == 6 and told(m)
               for m in _WEEKDAY.finditer(folded_lead))


# Words told as posted online ("in a post on his Truth Social platform", "wrote on X", «در پیامی در شبکه ایکس»): an
# occasion of their own, not the remarks to reporters the same person made that day (``Signature.posted``)
_POSTED = re.compile(
    r"\b(?:in|on)\s+(?:an?|his|her|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:post|posting|tweet|message)\s+(?:on|to)\s+"
    r"(?:x\b|twitter|truth\s+social|social\s+media|telegram|instagram|(?:his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:account|platform|channel|page))"
    r"|\b(?:posted|wrote|writing|tweeted|said)\s+on\s+(?:x\b|twitter|truth\s+social|social\s+media|telegram|instagram)"
    r"|\btweeted\b"
    r"|(?<!\w)در\s+(?:پیامی|توییتی|پستی)\s+(?:در|بر|روی)\s+(?:\S+\s+){0,3}?(?:ایکس|توییتر|تلگرام|اینستاگرام|تروث)(?!\w)"
    r"|(?<!\w)در\s+(?:شبکه\s+(?:اجتماعی\s+)?)?(?:ایکس|توییتر|تروث\s+سوشال)\s+(?:\S+\s+){0,8}?نوشت(?!\w)")


# «پس از سه سال زندان آزاد شد»: the prison term served, told before the release (``sentence``'s «سال زندان»)
_YEARS_AFTER = re.compile(r"(?<!\w)(?:پس|بعد)\s+از\s+(?:[\d۰-۹]+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند)\s+$")


# ... and a kind told as due ("a new round of negotiations due in Oman later in the day", "talks scheduled for Tuesday")
_DUE_AFTER = re.compile(r"\s+(?:due|scheduled|slated)\s+(?:in|at|for|to)\s")


def _not_news(folded: str, start: int, end: int) -> bool:
    """Whether the kind of action at ``folded[start:end]`` is told as what is to come or what arrives meanwhile, or
    (a term served) as what came before."""
    return bool(_NOT_NEWS.search(folded, max(0, start - 40), start) or _DUE_AFTER.match(folded, end)
                or _AS_BEFORE.search(folded, max(0, start - 30), start) and _ARRIVES_AFTER.match(folded, end)
                or folded.startswith("سال", start) and _YEARS_AFTER.search(folded, max(0, start - 30), start))


def frames(folded: str, end: int, after: list[tuple[int, int]]) -> frozenset[str]:
    """The occasions (``_FRAMES``) that ``folded[:end]`` frames its news as, outside background spans;
    a span two kinds read ("told a televised news conference") is the more specific, the first."""
    found: dict[str, list[tuple[int, int]]] = {}
    for kind, pattern in _FRAMES:
        if not any(folded.find(word, 0, end) >= 0 for word in _FRAME_WORDS[kind]):
            continue  # most leads hold none of a kind's words: their pattern is not run
        spans = [m.span() for m in pattern.finditer(folded, 0, end) if not any(a <= m.start() < b for a, b in after)
                 and not _WORDS_AT.search(folded, max(0, m.start() - 60), m.start())]
        spans = [(s, e) for s, e in spans if not any(s < e2 and s2 < e for k in found for s2, e2 in found[k])]
        if spans:
            found[kind] = spans
    return frozenset(found)


# A quotation's attribution: the speaker named just after the quote closes ("...," foreign ministry spokesman
# Esmaeil Baqaei said; «...»، بقائی افزود) or just before it opens (بقائی گفت: «...»).
# (a straight quote that closes one, not the one that opens the next quotation: "...," saying the US side had "reiterated
# the president's bottom line" names no speaker)
_AFTER_QUOTE = re.compile(r"(?:[\"”»](?![^\W\d_])|[.,!?؟]['’])\s*[,،]?\s*(?:[\w.'’-]+\s+){0,6}$")  # ...,' he said (not Iran's)
_BEFORE_QUOTE = re.compile(r"\s+(?:\S+\s+){0,2}?(?:said|told|added|wrote|گفت|افزود|نوشت|اظهار\s+داشت|تاکید\s+کرد|تأکید\s+کرد)"
                           r"\s*:\s*[\"“«]")


def quoted_speakers(scan: str, end: int, framed: int, mentions: tuple[Mention, ...],
                    after: list[tuple[int, int]]) -> set[str]:
    """Tracked officials a quotation in ``scan[end:framed]`` (the sentence after the lead, quotes read
    whole) is attributed to: the speaker of a lead that names him only as a country or a description."""
    return {m.name for m in mentions
            if m.kind == "official" and end <= m.start < framed and not any(a <= m.start < b for a, b in after)
            and (_AFTER_QUOTE.search(scan, max(end, m.start - 80), m.start) or _BEFORE_QUOTE.match(scan, m.end))}


# The day after the one a weekday named, told as such at the start of the next sentence ("A day later, ...", «یک روز
# بعد، ...»).
_DAY_LATER = re.compile(r"(?<=[.!?؟] )(?:a\s+day\s+later|the\s+(?:next|following)\s+day|(?:یک\s+)?روز\s+بعد|فردای\s+آن\s+روز)"
                        r"\s*[,،]")
_TWO_SENTENCE_ENDS = re.compile(r"[.!?؟][^.!?؟]*[.!?؟]")  # "A day later" past them is not the next sentence
_RELATIVE_BACK = {"yesterday": 1, "دیروز": 1, "روز گذشته": 1}
# A tracked official named only as someone's principal ("the Trump administration", "Trump's
# envoy", "any Trump deal", "an adviser to Supreme Leader Ali Khamenei", «فرستاده ویژه ترامپ»): not who acted, so
# not one of the lead's names.
_ATTRIBUTIVE_AFTER = re.compile(r"(?:'s|’s)?\s+(?:special\s+|top\s+|senior\s+)?(?:administration|government|envoy|team"
                                r"|aide|adviser|advisor|deal|deals|presidency|era)\b", re.I)
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:(?:envoy|administration|government|aide|adviser|advisor)\s+(?:of|to|for)(?:\s+u\.?s\.?)?(?:\s+president)?"
    r"(?:\s+iran['’]s)?(?:\s+supreme\s+leader)?(?:\s+ayatollah)?"
    r"|(?:فرستاده|نماینده|دولت|مشاور)(?:\s+ویژه|\s+عالی)?(?:\s+رئیس\s?جمهور)?(?:\s+آمریکا)?)\s*$", re.I)

_ATTRIBUTIVE_WORD = re.compile(r"envoy|administration|government|aide|adviser|advisor|فرستاده|نماینده|دولت|مشاور", re.I)


@dataclass(frozen=True)
class Signature:
    """What grouping compares; ``key`` is the caller's id for the article."""

    key: int
    published: datetime
    lang: str
    title: str = ""
    outlet: str = ""
    officials: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # place and capital names
    organisations: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    lead: frozenset[str] = frozenset()  # names of every kind found in the headline and lead
    capitals: frozenset[str] = frozenset()  # the places among ``places`` that stand for governments
    round: int | None = None  # the round of talks the lead names first
    day: date | None = None  # the day of the event, from the weekday the lead names (or a later one the sentence
    # after names, when only that sentence names a kind of action: the lead recalled the day before)
    people: frozenset[str] = frozenset()  # gazetteer people (not tracked officials)
    head: frozenset[str] = frozenset()  # the names among ``lead`` found in the headline
    fingerprint: int = 0
    terms: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    objects: tuple[str, ...] = ()  # English: two-word names no watchlist knows ("Selene Grace"), core.incident
    pairs: array = field(default_factory=lambda: array("I"), compare=False, hash=False)  # Persian: word-pair keys
    # Kinds of action the lead and the sentence after it name: "In an interview with state TV, ..." frames
    # the lead's news in its second sentence as often as in its first.
    early: frozenset[str] = frozenset()
    # English: people no watchlist knows whom the lead names by an office ("his Russian counterpart Sergei
    # Lavrov", "Iraqi Foreign Minister Salim Jaber"): the other side of a call or a meeting (core.incident)
    partners: tuple[str, ...] = ()
    # Countries whose officials the lead and the sentence after name by office ("Omani Foreign Minister",
    # «همتای روس»): the sides of the call or the meeting it reports (core.incident.sides)
    sides: frozenset[str] = frozenset()
    # The occasion the lead or the sentence after frames its news as (``frames``: an interview, a press
    # conference, a speech, a hearing or session of parliament; a quotation the sentence opens is read to
    # its attribution): the article's own occasion, not the meeting its speaker talks about.
    frame: frozenset[str] = frozenset()
    # The kind of action the headline names first (failing one, the lead), but for kinds that are more
    # often a subject than the news (``SUBJECTS``): what the article says happened (core.stories)
    primary: frozenset[str] = frozenset()
    # The person the lead names first (headline included): who the news is about, when one lead adds others
    first: str = ""
    # Quantities the headline, the lead and the sentence after name with their unit ("12 tankers", «۱۲۰ روز»,
    # "1.7 million barrels per day"), in either language (core.figures)
    figures: frozenset[str] = frozenset()
    # The day of a meeting (talks, a round, a session) the lead or the sentence after retells by its weekday
    # ("Monday's session in Muscat", "the talks in Muscat on Tuesday", "the fourth round, held on Monday"):
    # a follow-up or an analysis published a day later tells that meeting (``recalled_day``, core.stories)
    recalled: date | None = None
    # Tracked officials a quotation in the lead or the sentence after is attributed to ("...," spokesman Esmaeil
    # Baqaei told reporters): whose words the article reports, never background to another account (core.stories)
    speakers: frozenset[str] = frozenset()
    # How many of ``objects`` (a prefix: they are in text order) the lead names: whom the news is about ("upheld the
    # sentence of Nasrin Adib"), not a name the body gives as background ("the swap that freed Michael Brennan")
    subjects: int = 0
    # The lead tells a meeting as to come (tomorrow's weekday, "are expected to meet this afternoon", «قرار است ...
    # برگزار شود»), outside background, tells no meeting held nor retells one, frames no occasion of its own and says
    # first no kind of action but the round: a preview, whose news is what is expected, not the meeting (core.stories)
    ahead: bool = False
    # The lead tells someone's words as posted online (``_POSTED``: "in a post on X", «در پیامی در ایکس»), outside
    # background: his post is not his remarks to reporters that evening (core.stories)
    posted: bool = False
    # Kinds of action the lead and the sentence after name only as what is to come, meanwhile or before (``_not_news``:
    # «پیش از آغاز دور جدید مذاکرات», "ahead of the round"): never part of what the lead says happened (core.stories)
    to_come: frozenset[str] = frozenset()

    @property
    def names(self) -> frozenset[str]:
        return self.officials | self.people | self.places | self.organisations


def language(text: str) -> str:
    """"fa" when Arabic-script letters outnumber Latin ones, else "en"."""
    if not _ARABIC_SCRIPT.search(text):
        return "en"
    # Counted on the UTF-8 bytes (C loops, no list of matches): U+0600-U+06FF are the two-byte
    # sequences led by 0xD8-0xDB, and A-Z, a-z single bytes.
    raw = text.encode("utf-8", "surrogatepass")
    arabic = raw.count(b"\xd8") + raw.count(b"\xd9") + raw.count(b"\xda") + raw.count(b"\xdb")
    return "fa" if arabic > len(raw) - len(raw.translate(None, _LATIN_BYTES)) else "en"


def lead_names_something(title: str, text: str, gazetteer: Gazetteer) -> bool:
    """Whether the lead names a gazetteer organisation, person, kind of action or (non-capital) place, as
    ``build_signature`` would find it, reading only the lead: an article naming nothing
    tracked is dropped without the rest of the work. A government that acts on much else than Iran
    (``E3_MEMBERS``: Britain) is an actor only in news someone tracks: world news naming it alone is dropped."""
    scan = f"{title}\n\n{text}" if title else text
    end = lead_end(title, text)
    body = len(title) + 2 if title else 0
    dateline = _DATELINE.match(scan, body)
    skip = dateline.end() if dateline and dateline.end() - body <= 50 else -1
    folded = fold(scan[:end + _ALIAS_ROOM])
    return any(hit.start < end and hit.entry.kind in ("organisation", "person", "place", "action")
               and not (body <= hit.start < skip and hit.entry.kind == "place") and hit.entry.name not in E3_MEMBERS
               and _bare(folded, hit) not in ("other", "mention") for hit in gazetteer.find(folded))


def lead_end(title: str, text: str) -> int:
    """Offset in ``title + "\\n\\n" + text`` where the lead (headline and first sentences) ends."""
    start = len(title) + 2 if title else 0
    cut = LEAD_CHARS
    for m in _SENTENCE_END.finditer(text, 0, LEAD_CHARS + 200):
        if m.end() >= LEAD_CHARS * 0.6:
            cut = m.end()
            break
    return start + cut


def next_sentence_end(scan: str, end: int) -> int:
    """Offset where the sentence after the lead ends (at most ``LEAD_CHARS`` further)."""
    m = _SENTENCE_END.search(scan, end, end + LEAD_CHARS)
    return m.end() if m else min(len(scan), end + LEAD_CHARS)


def quoted_sentence_end(scan: str, end: int, second: int) -> int:
    """Where the sentence after the lead ends when a quotation it opens is read as part of it (at most
    ``LEAD_CHARS`` past ``second``): the quote and its attribution ("\"We have nothing to hide. If ...,\"
    the president told a news conference.") are one sentence, and the attribution names the occasion."""
    if scan.find('"', end, second) < 0 and scan.find("“", end, second) < 0 and scan.find("«", end, second) < 0:
        return second
    for m in _SENTENCE_OR_TEXT_END.finditer(scan, end, second + LEAD_CHARS):
        part = scan[end:m.start() + 1]
        if part.count('"') % 2 == 0 and part.count("“") <= part.count("”") and part.count("«") <= part.count("»"):
            return max(second, m.end())
    return second


_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(rf"(?<!\w)(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))(?!\w)")


# A weekday told as the day a body said something ("the US military said Thursday"), and a weekday told with
# its time of day ("late Wednesday", "on Wednesday night", «شامگاه چهارشنبه»): when the lead names nobody, the
# news is what happened at that time, and the first is only when it was told.
_TOLD_DAY = re.compile(r"\b(?:said|says|announced|reported|confirmed|stated)\s+(?:on\s+)?$")
_TIMED_DAY = re.compile(
    r"\b(?:late|early)\s+(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:night|evening|morning|afternoon)\b"
    r"|(?<!\w)(?:شامگاه|بامداد|صبح|عصر|ظهر|شب|سحرگاه)\s+(یک ?شنبه|دو ?شنبه|سه ?شنبه|چهار ?شنبه|پنج ?شنبه|شنبه|جمعه)(?!\w)")


def event_day(folded_lead: str, published: datetime, folded_more: str = "", *, nobody: bool = False,
              framed: bool = False, briefed: bool = False, whole: str = "") -> date | None:
    """The day of the event: the latest day the lead names by weekday ("on Tuesday",
    «روز سه‌شنبه») or relative to publication ("yesterday", «روز گذشته»), or without
    either, by English date ("Dec 1", "1 December"); failing all, the same in
    ``folded_more`` (the lead and the next sentences: "... made the remarks on Tuesday").

    A weekday is the latest such day on or before publication; late in the UTC day, the
    next day counts too, since outlets east of Greenwich (Tehran, the Gulf) are already there.
    The latest day wins because a lead names the news after its background ("after
    Saturday's talks, Araghchi said on Monday ...").
    With ``nobody`` (the lead names no person: a navy, a ministry tells what happened), a day told
    only as when a body said it ("the US military said Thursday") gives way to a day told with its
    time ("on Wednesday night") in the lead or the next sentence.
    ``whole`` (the text ``folded_more`` was cut from) is read on after a weekday near the cut: the clause's verb,
    a pluperfect past the cut, says the day is background («... که آمریکا دوشنبه تحریم‌هایی ... اعلام کرده ... بود»).
    """
    if nobody:
        timed = _timed_day(folded_lead, published, folded_more)
        if timed is not None:
            return timed
    for text in (folded_lead, folded_more):
        day = _named_day(text, published, framed, briefed, whole)
        if day is not None:
            return day
    return None


def _news_day(day: date, folded_next: str, published: datetime, framed: bool, briefed: bool = False) -> date:
    """The lead's ``day``, or a later day the sentence after it names, for a lead that names no kind of action while
    the sentence after does: the lead recalls what came before ("On Monday, the Leader told students ...") and the
    sentence after tells the news ("On Tuesday, parliament voted ..."), as a lead's latest day is its news."""
    later = _named_day(folded_next, published, framed, briefed)
    return later if later is not None and later > day else day


def _timed_day(folded_lead: str, published: datetime, folded_more: str) -> date | None:
    """The day told with its time (``_TIMED_DAY``) when the lead's other weekdays are all days a body said
    something, or None."""
    text = folded_more or folded_lead
    if not any(w in text for w in ("late", "early", "night", "evening", "morning", "afternoon", "شامگاه", "بامداد",
                                    "صبح", "عصر", "ظهر", "شب", "سحرگاه")):
        return None
    timed = list(_TIMED_DAY.finditer(text))
    if not timed or _RELATIVE.search(folded_lead):
        return None
    spans = [m.span() for m in timed]
    for m in _WEEKDAY.finditer(folded_lead):
        if not any(a <= m.start() < b for a, b in spans) and not _TOLD_DAY.search(folded_lead, max(0, m.start() - 40),
                                                                                   m.start()):
            return None  # the lead names its own day: that rule stands
    return _named_day(timed[0].group(), published)


def _weekday_key(word: str) -> str:
    return word.replace("یک ", "یک").replace("دو ", "دو").replace("چهار ", "چهار").replace("پنج ", "پنج")


def _named_day(folded: str, published: datetime, framed: bool = False, briefed: bool = False,
               whole: str = "") -> date | None:
    east = (published + TEHRAN_OFFSET).date()
    days = []
    # (read on past the cut in the text it was cut from: a prefix of it, so the offsets are the same)
    ahead = whole if len(whole) > len(folded) and whole.startswith(folded) else folded
    for m in _WEEKDAY.finditer(folded):
        if _pluperfect_after(ahead, m.end()) or _answered(folded, m.start()) or _subject_day(ahead, m.end(), framed):
            continue  # "Trump had claimed on Wednesday ...": the day of what the news answers
        if briefed and _dates_meeting(folded, m.start()):
            continue  # "Monday's talks" in a spokesman's briefing: the day of what he spoke about
        weekday = _WEEKDAYS[_weekday_key(m.group(1))]
        back = (published.weekday() - weekday) % 7
        if back and (_future_after(ahead, m.end()) or _holding_before(folded, m.start()) or _will_before(folded, m.start())):
            continue  # «... روز چهارشنبه در مسقط برگزار خواهد شد», told on Monday: next Wednesday, not last week's
        if back == 6 and published.hour >= EAST_OF_UTC_HOUR:
            if folded.startswith("'s", m.end()):
                continue  # "to prepare for Wednesday's talks", told late on Tuesday: what is to come, even in Tehran
            back = -1
        elif back == 6 and not folded.endswith(("last ", "past "), 0, m.start()):
            continue  # tomorrow's weekday: what is to come ("will enter Tuesday's round"), not the news
        days.append(published.date() - timedelta(days=back))
        # "... on Tuesday. A day later, parliament passed ...", «سه‌شنبه ... یک روز بعد، مجلس ... تصویب کرد»: the day after
        after = _DAY_LATER.search(folded, m.end())
        if after is not None and not _TWO_SENTENCE_ENDS.search(folded, m.end(), after.start()):
            days.append(days[-1] + timedelta(days=1))
    if not days:  # a weekday, when given, says it better ("امروز (چهارشنبه)")
        for m in _RELATIVE.finditer(folded):
            if _answered(folded, m.start()) or _subject_day(folded, m.end(), framed):
                continue
            word = m.group(1)
            # "today" in a Persian outlet is Tehran's today; in English, the publication's UTC day
            today = east if not word.isascii() else published.date()
            days.append(today - timedelta(days=_RELATIVE_BACK.get(word, 0)))
    return max(days) if days else _calendar_date(folded, published)


# What a reaction answers or a speaker refers to, up to a day word inside it ("in response to Tuesday's designation",
# «واکنش وزارت خارجه به تحریم‌های نفتی دیروز آمریکا», «با اشاره به تحریم‌های روز دوشنبه»): that day is the day of what
# the news answers, not the news.
_ANSWERED = re.compile(r"(?:\bin\s+(?:response|reply|reaction)\s+to|\breact(?:s|ed|ing)?\s+to|\brespond(?:s|ed|ing)?\s+to"
                       r"|\breferring\s+to|(?<!\w)با\s+اشاره\s+به"
                       r"|(?<!\w)واکنش\s+(?:\S+\s+){0,4}?به|(?<!\w)در\s+پاسخ\s+به)\s+(?:[^\s.,!?؟،؛:]+\s+){0,6}$")


# A Persian day word the object marker follows is inside the object («مذاکرات روز گذشته را جدی توصیف کرد»: he called
# yesterday's talks serious).
_OBJECT_MARK = re.compile(r"\s*را(?!\w)")


def _subject_day(folded: str, end: int, framed: bool) -> bool:
    """Whether the day word ending at ``end`` dates the object of a speaker's words in a lead that frames its news
    as his own occasion (a briefing, an interview, a speech): the day of what he spoke about, as "Sunday's talks"
    is (an analysis of Wednesday's speech, «سخنان ... در روز چهارشنبه را», framing nothing, is about that day)."""
    return framed and _OBJECT_MARK.match(folded, end) is not None


def _answered(folded: str, start: int) -> bool:
    """Whether the day word at ``start`` is inside the object of a reaction (``_ANSWERED``)."""
    lo = max(0, start - 100)
    # Each match holds one of these words; the search, which tries every offset of the hundred characters
    # before the day word and reads on to it, is run only where one is (~10 us a day word otherwise).
    if not any(folded.find(word, lo, start) >= 0 for word in _ANSWER_WORDS):
        return False
    return _ANSWERED.search(folded, lo, start) is not None


_ANSWER_WORDS = ("respon", "reply", "react", "referring", "اشاره", "واکنش", "پاسخ")


def _future_after(folded: str, end: int) -> bool:
    """Whether the clause from ``end`` on has a Persian future, present or subjunctive verb (``_FUTURE_FA``: «برگزار
    شود», agreed to be held), read only in a Persian text (where «خواه», «می» or «شود» is)."""
    return ((folded.find("خواه", end) >= 0 or folded.find("می ", end) >= 0 or folded.find("شود", end) >= 0)
            and _FUTURE_FA.match(folded, end) is not None)


# An English future before a weekday in its clause ("confirmed on Friday that Muscat will host the talks on Saturday",
# "the round is due to open on Sunday"): the day of what is to come, not of the news (not a quotation's future its
# attribution's day follows: "... will not be solved by it," Khamenei told ministers on Tuesday).
_WILL = re.compile(r"\b(?:will|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|(?:is|are)\s+scheduled\s+for)\s+"
                   r"(?:(?!\b(?:said|told|says|tells|added|wrote)\b)[^.!?\n\"“”])*$")


def _will_before(folded: str, start: int) -> bool:
    """Whether a future (``_WILL``) comes before the weekday at ``start`` in its sentence (English only)."""
    lo = max(0, start - 120)
    return ((folded.find("will", lo, start) >= 0 or folded.find(" to ", lo, start) >= 0)
            and _WILL.search(folded, lo, start) is not None)


def _holding_before(folded: str, start: int) -> bool:
    """Whether the weekday at ``start`` dates «برگزاری» (the holding of a round, a session) told before it in its
    sentence: «از برگزاری دور جدید ... در روز چهارشنبه خبر داد» dates the round to come, or the one held before."""
    at = folded.rfind("برگزاری", max(0, start - 120), start)
    return at >= 0 and _HOLDING_STOP.search(folded, at, start) is None


_HOLDING_STOP = re.compile(r"[.!?؟\n]")


def _pluperfect_after(folded: str, end: int) -> bool:
    """Whether the clause from ``end`` on has a pluperfect verb (``_PLUPERFECT``). Only where its «بود» is: the
    pattern's lazy loop tries the verb at every character to the clause's end (~7 us in an English lead)."""
    return folded.find("بود", end) >= 0 and _PLUPERFECT.match(folded, end) is not None


def _calendar_date(folded_lead: str, published: datetime) -> date | None:
    days = []
    for m in _DATE.finditer(folded_lead):
        month, day = _MONTHS[m["m1"] or m["m2"]], int(m["d1"] or m["d2"])
        candidates = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue
        if candidates:
            days.append(min(candidates, key=lambda d: abs(d - published.date())))
    return max(days) if days else None


# A meeting told with its weekday: "Monday's session", "Tuesday's talks in Muscat", "the talks in Muscat on
# Tuesday", "the fourth round, held on Monday", «مذاکرات روز دوشنبه»; the weekday names the meeting's day.
_MEETING_NOUN = r"(?:talks|session|round|meeting|negotiations)"
_DAY_NAME = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_RECALLED = re.compile(
    rf"\b{_DAY_NAME}['’]s\s+(?:[\w-]+\s+){{0,3}}?{_MEETING_NOUN}\b"
    rf"|\b{_MEETING_NOUN}\b(?:\s+in\s+[\w-]+|\s*,\s*held|\s+held){{0,2}}\s+on\s+{_DAY_NAME}\b"
    r"|(?<!\w)(?:مذاکرات|گفت ?و ?گوها(?:ی)?|گفتگوها(?:ی)?|نشست)\s+(?:\S+\s+){0,3}?روز\s+"
    r"(یک ?شنبه|دو ?شنبه|سه ?شنبه|چهار ?شنبه|پنج ?شنبه|شنبه|جمعه)(?!\w)")


# Occasions where a speaker answers questions about other events (a spokesman's briefing, an interview): a meeting
# told there by its weekday ("Monday's talks", «مذاکرات روز دوشنبه») is his subject; a session or a speech may be the
# occasion itself ("Monday's closed session").
BRIEFED = frozenset({"press conference", "interview"})


def _dates_meeting(folded: str, start: int) -> bool:
    """Whether the weekday at ``start`` dates a meeting (``_RECALLED``: "Monday's talks", «گفت‌وگوهای روز دوشنبه»)."""
    return any(m.start() <= start < m.end() for m in _RECALLED.finditer(folded, max(0, start - 80), start + 80))


_RECALLED_NOUNS = ("talks", "session", "round", "meeting", "negotiations", "مذاکرات", "گوها", "گفتگوها", "نشست")


# ... but not one the news is set against ("Unlike Monday's meeting, neither minister attended", "as on Monday"):
# that meeting is an earlier one, the news another.
_CONTRAST = re.compile(r"\b(?:unlike|as\s+on|as\s+at|as\s+in|since|than|like)\s+(?:the\s+)?$")


def recalled_day(folded: str, end: int, published: datetime) -> date | None:
    """The day of the first meeting ``folded[:end]`` tells with its weekday (``_RECALLED``) and sets nothing
    against (``_CONTRAST``), or None."""
    # every match holds a weekday and a meeting noun: most leads lack one or the other, and are not scanned
    if not any(folded.find(w, 0, end) >= 0 for w in ("day", "شنبه", "جمعه")) or \
            not any(folded.find(w, 0, end) >= 0 for w in _RECALLED_NOUNS):
        return None
    for m in _RECALLED.finditer(folded, 0, end):
        if _CONTRAST.search(folded, max(0, m.start() - 12), m.start()):
            continue
        if _future_after(folded, m.end()):
            continue  # «توافق شد دور تازه ... روز چهارشنبه ... برگزار شود»: the round agreed on is to come, not retold
        return _named_day(m.group(), published)
    return None


def _attributive(scan: str, mention: Mention) -> bool:
    """Whether an official is named only as someone's principal ("Trump's envoy")."""
    if mention.kind != "official":
        return False
    if _ATTRIBUTIVE_AFTER.match(scan, mention.end):
        return True
    start = max(0, mention.start - 60)
    # every match of _ATTRIBUTIVE_BEFORE holds one of these words: most mentions follow none
    return bool(_ATTRIBUTIVE_WORD.search(scan, start, mention.start)
                and _ATTRIBUTIVE_BEFORE.search(scan, start, mention.start))


def first_round(folded: str) -> int | None:
    """The number of the first round of talks ``folded`` names ("fourth round" = «دور چهارم» = 4)."""
    m = _ROUND.search(folded)
    return None if m is None else _round_number(m)


def _round_number(m: re.Match) -> int:
    if m["en"]:
        word = m["en"]
        return _EN_ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    if m["num"]:
        return _EN_NUMBERS.get(m["num"]) or int(m["num"])
    if m["fa"]:
        return _FA_ORDINALS[m["fa"]]
    return _FA_ORDINALS_PRE[m["fapre"]]


_OCCASION_WORDS = frozenset(kind for kind, _ in _FRAMES)


def with_key(sig: Signature, key: int) -> Signature:
    """``dataclasses.replace(sig, key=key)``: the same fields, by one dict copy (``replace`` calls the
    dataclass's ``__init__`` with its 25 fields, ~10-20 us; a signature gets a key three times on
    its way into a story)."""
    new = object.__new__(Signature)
    fields = new.__dict__
    fields.update(sig.__dict__)
    fields["key"] = key
    return new


def primary_kind(named: list[tuple[int, int, str]], frame: frozenset[str]) -> frozenset[str]:
    """The kind of action named first in the headline, failing one in the lead, failing one in the sentence
    after it when the lead names no kind at all (``named``: (0, 1 or 2 for those, offset, kind)); an
    occasion of one speaker counts only when the lead frames its news as one ("told reporters" after the
    talks is the talks' own coverage)."""
    for tier, _, kind in sorted(named):
        if tier == 2 and any(t < 2 for t, _, _ in named):
            break  # the lead names only subjects ("a board resolution"): the sentence after is no better
        if kind not in SUBJECTS and (kind not in _OCCASION_WORDS or kind in frame):
            return frozenset((kind,))
    return frozenset()


# What is done on a summit's sidelines (core.stories reads it too); one a speech's account tells further down as to come
# ("The president is scheduled to hold several bilateral meetings on the sidelines", «قرار است ... در حاشیه اجلاس ...
# دیدار کند») is no meeting the article reports.
SIDELINES = frozenset({"sidelines meeting"})
_TO_COME_IN = re.compile(r"\b(?:will|to\s+be\s+followed|(?:is|are|was|were)\s+(?:scheduled|due|expected|set)\s+to|plans?\s+to)\b"
                         r"|(?<!\w)(?:قرار\s+است|خواهد|خواهند)(?!\w)")


def _to_come(folded: str, start: int) -> bool:
    """Whether the sentence holding ``start`` tells what is to come (``_TO_COME_IN`` before or after it)."""
    lo = max(folded.rfind(mark, 0, start) for mark in ".!?؟\n") + 1
    hi = min((i for i in (folded.find(mark, start) for mark in ".!?؟\n") if i >= 0), default=len(folded))
    return _TO_COME_IN.search(folded, lo, hi) is not None


def build_signature(key: int, published: datetime, title: str, text: str, mentions: tuple[Mention, ...],
                    gazetteer: Gazetteer, *, outlet: str = "", fingerprint: int = 0,
                    terms: dict[str, int] | None = None) -> Signature:
    """The signature of one article; ``mentions`` are offsets into ``title + "\\n\\n" + text``."""
    scan = f"{title}\n\n{text}" if title else text
    end = lead_end(title, text)
    folded = fold(scan)
    # Whether an official is named only as someone's principal is read where it decides
    # something: for mentions in the lead, and elsewhere until one mention of the name is not.
    lead: set[str] = set()
    officials: set[str] = set()
    second = next_sentence_end(scan, end)
    lang = language(scan)
    after = _background(scan, second, lang)
    firsts: list[tuple[int, str]] = []  # (where, who): the people the lead names, to find whom it names first
    for m in mentions:
        # named by the article, not by its lead (most leads tell no background: no generator per name then)
        background = bool(after) and any(a <= m.start < b for a, b in after)
        if m.start < end and not background:
            if not _attributive(scan, m):
                lead.add(m.name)
                if m.kind == "official":
                    officials.add(m.name)
                    firsts.append((m.start, m.name))
        elif m.kind == "official" and m.name not in officials and not _attributive(scan, m):
            officials.add(m.name)
    framed = quoted_sentence_end(scan, end, second)
    head: set[str] = {m.name for m in mentions if m.end <= len(title) and m.name in lead}
    kinds: dict[str, set[str]] = {"place": set(), "capital": set(), "organisation": set(), "person": set(),
                                  "action": set()}
    body = len(title) + 2 if title else 0
    dateline = _DATELINE.match(scan, body)
    skip = dateline.end() if dateline and dateline.end() - body <= 50 else -1
    covered = [(m.start, m.end) for m in mentions]
    early: set[str] = set()
    unsaid: set[str] = set()  # kinds named only as what is to come, meanwhile or before (``_not_news``)
    named: list[tuple[int, int, str]] = []  # (0 headline, 1 lead, 2 the sentence after; start; kind): the primary
    for hit in gazetteer.find(folded):
        covered.append((hit.start, hit.end))
        if hit.entry.name in E3_MEMBERS and _in_member_list(folded, hit.start):
            hit = Hit(_E3, hit.start, hit.end)  # "France, Germany and Britain said": the three together
        if hit.entry.name == "UN" and _UN_SANCTIONS.search(folded, max(0, hit.start - 20), hit.start):
            continue  # «تحریم‌های سازمان ملل»: the sanctions, as English writes "UN sanctions", not the body acting
        if hit.entry.name == "UN Security Council" and (_NATIONAL_COUNCIL.search(folded, max(0, hit.start - 10), hit.end + 5)
                                                         or scan[hit.start:hit.end].islower()):
            continue  # Iran's Supreme National Security Council («شورای عالی امنیت ملی»), or a headline's "security council"
        bare = _bare(folded, hit)
        if bare == "other":
            continue  # «مجلس نمایندگان آمریکا», «وزارت خارجه عمان», «مجلس ترحیم»: not Iran's institution
        # «تحریم‌های شورای امنیت», "Security Council sanctions": mentioned, but not what the lead says acted
        mention_only = bare == "mention" or hit.entry.name == "UN Security Council" and bool(
            _UN_SANCTIONS.search(folded, max(0, hit.start - 20), hit.start) or _COUNCIL_SANCTIONS.match(folded, hit.end))
        if hit.entry.kind == "action" and hit.start < second and not (
                after and any(a <= hit.start < b for a, b in after)):
            early.add(hit.entry.name)
            if not _not_news(folded, hit.start, hit.end):
                named.append(((hit.end > len(title)) + (hit.start >= end), hit.start, hit.entry.name))
            else:
                unsaid.add(hit.entry.name)
        if hit.entry.name in SIDELINES and hit.start >= second and _to_come(folded, hit.start):
            continue  # "The speech was to be followed by bilateral meetings on the sidelines": none held yet
        kinds.setdefault(hit.entry.kind, set()).add(hit.entry.name)
        parent = gazetteer.parent.get(hit.entry.name)
        if parent is not None:
            kinds.setdefault(parent.kind, set()).add(parent.name)
        # The dateline says where the reporter files from: named by the article, not by its lead.
        if hit.start < end and not mention_only and not (body <= hit.start < skip and hit.entry.kind in ("place", "capital")) \
                and not (after and any(a <= hit.start < b for a, b in after)) \
                and not (hit.entry.kind == "place" and _office_of(folded, hit.start, hit.end)):
            lead.add(hit.entry.name)
            if hit.end <= len(title):
                head.add(hit.entry.name)
            if hit.entry.kind == "person":
                firsts.append((hit.start, hit.entry.name))
    if _E3.name in lead:  # "France's UN envoy read the E3's statement": a member is the E3's voice
        lead -= E3_MEMBERS
        head -= E3_MEMBERS
    at = next((m for m in _ROUND.finditer(folded, 0, end) if not any(a <= m.start() < b for a, b in after)),
              None)  # the first numbered round the lead names, not as background ("came as envoys met for a fourth round")
    number = None if at is None else _round_number(at)
    if at is not None:
        if not _not_news(folded, at.start(), at.end()):  # "ahead of the fifth round", "as fifth round opens"
            named.append((int(at.end() > len(title)), at.start(), "round of talks"))
        else:
            unsaid.add("round of talks")
        kinds["action"].add("round of talks")
        lead.add("round of talks")
        early.add("round of talks")
    early.update(n for n in lead if n in kinds["action"])
    meeting = _MEETING.search(scan, 0, second)
    if meeting is not None and not any(a <= meeting.start() < b for a, b in after):
        early.add("meeting")
    after_framed = after if framed == second else _background(scan, framed, lang)
    if not lead & (officials | kinds["person"] | kinds["organisation"]):
        # "Iran on Thursday denounced ... \"...,\" spokesman Esmaeil Baqaei said.": whom the lead tells as
        # a country or a description is the speaker the quote after it names
        lead.update(quoted_speakers(scan, end, framed, mentions, after_framed))
    frame = frames(folded, framed, after_framed)
    day = event_day(folded[:end], published, folded[:end + LEAD_CHARS], framed=bool(frame), briefed=bool(frame & BRIEFED),
                    whole=folded,
                    nobody=not lead & (officials | kinds["person"]))
    if day is not None and named and all(tier == 2 for tier, _, _ in named):
        day = _news_day(day, folded[end:second], published, bool(frame), bool(frame & BRIEFED))
    primary = primary_kind(named, frame)
    if _BYLINE.match(scan, body) or (body and _TITLE_BYLINE.search(scan, 0, body - 2)):
        primary = _OP_ED  # "By Kamal Kharrazi. This week has shown ...": the writer's op-ed is the news
    recalled = recalled_day(folded, second, published)
    body_names = english_names(scan[body:], [(s - body, e - body) for s, e in covered]) if lang == "en" else ()
    in_lead = scan[body:end]
    subjects = next((i for i, n in enumerate(body_names) if n not in in_lead), len(body_names))
    return Signature(
        key=key, published=published, lang=lang, title=title, outlet=outlet,
        officials=frozenset(officials),
        topics=frozenset(m.name for m in mentions if m.kind == "topic"),
        places=frozenset(kinds["place"] | kinds["capital"]), capitals=frozenset(kinds["capital"]),
        organisations=frozenset(kinds["organisation"]), actions=frozenset(kinds["action"]),
        people=frozenset(kinds["person"]), day=day,
        lead=frozenset(lead), head=frozenset(head), round=number, fingerprint=fingerprint,
        terms=terms if terms is not None else term_counts(title, text[:(end - len(scan) + len(text)) * WORDS_LEADS]),
        objects=body_names, pairs=persian_pairs(scan) if lang != "en" else array("I"),
        early=frozenset(early),
        # the other side of a call, a visit or a meeting: read only where the news is one (core.stories)
        partners=titled_names(scan[:end], covered) if lang == "en" and early & COUNTERPARTS else (),
        sides=sides(scan[:second], after) if early & COUNTERPARTS else frozenset(),
        frame=frame,
        primary=primary,
        first=min(firsts)[1] if firsts else "",
        figures=figures_in(folded, 0, second),
        recalled=recalled,
        speakers=frozenset(quoted_speakers(scan, 0, framed, mentions, after_framed)),
        subjects=subjects,
        ahead=not frame and primary <= ROUND and recalled is None and _ahead(folded[:end], published, after)
        and _HELD.search(folded, 0, end) is None,
        posted=any(not any(a <= m.start() < b for a, b in after) for m in _POSTED.finditer(folded, 0, end)),
        to_come=frozenset(unsaid - {kind for _, _, kind in named}),
    )
