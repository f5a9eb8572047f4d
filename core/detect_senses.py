"""Sense rules' word lists: what marks a topic term's other sense near it (a price or a firm,
a match report, a message of congratulation, talks between companies, an accord named as the
framework of something), what a term needs around it to count (who sanctions before the verb,
a side before its terms, a party and the file beside a framework), and the cue stems the matcher's automaton finds so that a text
without any skips those tests."""

from __future__ import annotations

import re

from core.detect_parties import SIDES
from core.detect_words import COUNTRY_WORDS
from core.normalize import normalize_key

# Topic terms that are as often business as diplomacy, and what marks the business sense
# in their sentence or the one before.
COMMERCIAL_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in "deal deals معامله".split())
# Substrings, so each must be distinctive inside other words ("fee" is in "coffee": left out).
_COMMERCIAL_CUES = tuple(
    """$ € £ billion million consortium compan investment investor partnership stablecoin crypto
    real estate striker midfielder goalkeeper shares merger acquisition sponsorship startup licensing
    licence_fee restructuring lender creditor franchise restaurant retailer hotel his_firm at_a_loss
    apartment condominium casino skyscraper office_tower office_building resort
    trade_union labour_union labor_union wages walkout pricing supply_deal liquefied_natural_gas barter
    میلیون میلیارد رمزارز شرکت باشگاه سرمایه""".replace("real estate", "real_estate").split()
)
_COMMERCIAL_CUES = tuple(c.replace("_", " ") for c in _COMMERCIAL_CUES)


# The same for ``is_commercial``.
COMMERCIAL_CUE_STEMS: frozenset[str] = frozenset(normalize_key(c).strip() for c in _COMMERCIAL_CUES)


def is_commercial(passage: str) -> bool:
    """True when ``passage`` talks money or business (a price, a firm, a club, a stake).
    (Substring tests: each is a fast C search, where a regex alternation tries every
    alternative at every position.)"""
    low = passage.lower()
    return any(c in low for c in _COMMERCIAL_CUES)

# Topic terms with a sense that is no diplomacy, each with what marks that sense nearby.
# A message of congratulation or condolence is protocol, not a message between the sides.
CEREMONIAL_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in "message messages پیام".split())
_CEREMONIAL_CUES = tuple(
    normalize_key(w)
    for w in """congratulat condolence greetings national day independence day eid nowruz new year
    anniversary birthday felicitat تبریک تسلیت روز ملی عید نوروز سالروز تولد""".replace("national day", "national_day")
    .replace("independence day", "independence_day").replace("new year", "new_year").replace("روز ملی", "روز_ملی")
    .split()
)
# Cues start a word ("عید" hides in "البوسعیدی"); English ones are stems.
_CEREMONIAL = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c.replace("_", " ")) for c in _CEREMONIAL_CUES) + ")")


def is_ceremonial(passage: str) -> bool:
    """True when ``passage`` (a sentence) congratulates or condoles."""
    return _CEREMONIAL.search(normalize_key(passage)) is not None


# Talks between companies, between a firm and its workers, or between parties at home: "merger
# talks", "talks between management and striking workers", "هیئت مدیره ... مذاکره", "مذاکره با
# احزاب همسو برای ائتلاف". Counted as business only when the article names no tracked
# official (a rule in the matcher), since state firms also sit in Iran–US talks.
BUSINESS_TALK_TERMS: frozenset[str] = frozenset(
    [normalize_key(w) for w in "talks negotiat negotiations مذاکره مذاکر گفتگو mediat bargaining میانجی توافق".split()]
    + [normalize_key("round of talks"), normalize_key("round of negotiations")]
    # "round" language: "a second round of negotiations" between a firm and its workers
    + [normalize_key(f"{w} round") for w in "second third fourth fifth next new latest another previous last".split()]
    + [normalize_key("rounds of")]
)
_CORPORATE_CUES = tuple(
    normalize_key(w.replace("_", " "))
    for w in """merger acquisition takeover shareholder the_board board_of_directors two_companies the_companies
    the_firms chief_executive ceo startup business_leaders businessmen business_delegation trade_delegation
    chamber_of_commerce striker transfer_fee contract_extension هیئت_مدیره هیات_مدیره سهامدار ادغام
    قرارداد_خرید مدیرعامل شرکت بازرگانان تجار فعالان_اقتصادی اتاق_بازرگانی مهاجم تمدید_قرارداد
    workers wage striking_workers trade_union labour_union labor_union walkout employer
    کارگران کارگری دستمزد اعتصاب سندیکا کارفرما
    energy_group pricing_formula supply_deal liquefied_natural_gas coalition_partners budget_bill
    احزاب ائتلاف کارمندان سازمان_برنامه لایحه_بودجه
    union unions machinists machinists' teamsters nurses' teachers' pilots' labor_dispute labour_dispute
    federal_mediator
    developer developers golf villas real_estate property_developer
    shipping_line shipping_lines container_shipping container_line joint_venture free_trade trade_zone railway rail_link
    memorandum barter maritime_transport ferry cargo port_authorit ports_authorit passenger_line bilateral_trade
    expand_trade gas_field port_of
    investors sovereign_fund sovereign_wealth_fund crypto venture_capital head_coach coach coaches salary
    investment_fund investment_funds the_company stablecoin co-founder cofounder blockchain fintech
    digital_asset digital_assets token_sale
    خط_کشتیرانی کشتیرانی کانتینر سرمایه_گذاری منطقه_آزاد گمرک راه_آهن یادداشت_تفاهم""".split()
)


_CORPORATE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in _CORPORATE_CUES) + ")")


# Talks with the US or Europe are never a firm's or a party's own dealings ("احزاب اصلاح‌طلب از
# مذاکره با آمریکا حمایت کردند").
_WEST = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(normalize_key(w.replace("_", " "))) for w in """u.s. us washington america american
    americans europe european europeans e3 آمریکا امریکا آمریکایی واشنگتن اروپا اروپایی""".split())
    + r")(?!\w)"
)


def is_corporate(passage: str) -> bool:
    """True when ``passage`` is about a firm's own dealings (a board, a merger, shareholders),
    and names neither the US nor Europe."""
    low = normalize_key(passage)
    return _CORPORATE.search(low) is not None and _WEST.search(low) is None


# "deal", "agreement" named by its year as the framework something happens under ("sanctions
# lifted under the 2015 nuclear deal") is the accord signed long ago, not talks now.
ACCORD_TERMS: frozenset[str] = frozenset(
    normalize_key(w) for w in "deal deals agreement agreements accord accords".split()
)
_YEAR_BEFORE = re.compile(r"\bunder[ \t]+the[ \t]+(?:19|20)\d\d(?:[ \t]+[\w-]+){0,2}[ \t]+$", re.IGNORECASE)


def is_dated_accord(text: str, start: int, end: int) -> bool:
    """True when the accord term at [start, end) is the dated framework of something ("under
    the 2015 deal")."""
    return _YEAR_BEFORE.search(text, max(0, start - 40), start) is not None

# A sports page: a bare surname there is a player's ("Albusaidi double seals quarter-final
# berth"), unless the official is also named in full or by a role.
_SPORT_WORDS = frozenset(
    normalize_key(w)
    for w in """striker strikers midfielder goalkeeper quarterfinal semifinal fifa footballer football goalless
    qualifier qualifiers مهاجم هافبک فوتبال فوتبالیست""".split()
)
_SPORT_PHRASES = tuple(
    normalize_key(w)
    for w in ("quarter-final", "semi-final", "hat-trick", "world cup", "asian cup", "gulf cup", "premier league",
              "man of the match", "return leg", "first leg", "second leg", "ستاره میدان", "تیم ملی", "بازی مقدماتی", "جام ملت", "لیگ برتر", "دروازه‌بان")
)
# Substrings that every sports cue above contains; most passages have none of them.
_SPORT_STEMS = ("striker", "midfield", "goalkeeper", "quarter", "semi", "fifa", "football", "goalless", "qualifier",
                "return leg", "first leg", "second leg", " cup", "league",
                "trick", "of the match", "مهاجم", "هافبک", "فوتبال", "ستاره میدان", "تیم ملی", "بازی مقدماتی",
                "جام ملت", "لیگ برتر", "دروازه")
_SCORE_STEMS = ("beat", "crush", "won", "defeat", "drew", "draw", "goal", "گل")
_SCORE = re.compile(r"(?<![\d/.:-])\d{1,2} ?[-–] ?\d{1,2}(?![\d/.:-])")
_SCORE_WORDS = frozenset(normalize_key(w) for w in "beat beats crush crushed won defeated drew draw goal goals گل".split())
_TOKENS = re.compile(r"\w[\w-]*")


# Talk and deal words besides those above that a sports page uses for a transfer.
SPORT_TALK_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in ("توافق", "معامله", "round", "met", "meet", "meets", "meeting", "meetings", "دیدار"))

# Words for a meeting: talks only when the sentence names both sides (core.detect_parties), in the
# topic other topics count as ("@also negotiations").
MEETING_TERMS: frozenset[str] = frozenset(
    normalize_key(w)
    for w in (
        "met", "meet", "meets", "meeting", "meetings", "meeting with", "meetings with", "meeting between",
        "دیدار", "ملاقات", "نشست", "phone call", "phone calls", "spoke with", "talked with", "held a call",
        "telephone call", "spoke by phone", "spoke by telephone", "تماس تلفنی", "گفتگوی تلفنی",
        "after meeting", "before meeting",
    )
)

# A letter from the US president is a step in the talks only where it goes to Iran: its
# sentence names Iran or an Iranian official ("handed Iran's foreign minister a letter from
# Trump"); "Trump's letter to the Fed chairman" is not (core.detect_topics).
LETTER_TERMS: frozenset[str] = frozenset(
    normalize_key(w)
    for w in (
        "letter from Trump", "letter from President Trump", "letter from US President", "letter from U.S. President",
        "letter from the US president", "letter from the U.S. president", "letter from the American president",
        "Trump's letter", "نامه ترامپ", "نامه رئیس جمهور آمریکا", "نامه رئیس جمهور امریکا",
    )
)

# Word starts ``is_sport`` needs one of: the matcher finds them in its one automaton pass, so a
# text without any skips every passage test.
SPORT_CUE_STEMS: frozenset[str] = frozenset(normalize_key(s).strip() for s in _SPORT_STEMS + _SCORE_STEMS)


def is_sport(passage: str) -> bool:
    """True when ``passage`` reads like a match report: a player's position, a cup, or a score
    beside a word of winning or scoring."""
    low = passage.lower()
    if not any(stem in low for stem in _SPORT_STEMS) and not (
        any(w in low for w in _SCORE_STEMS) and _SCORE.search(passage) is not None
    ):
        return False  # the usual case, decided by a few substring searches
    low = normalize_key(passage)
    words = set(_TOKENS.findall(low))
    if not _SPORT_WORDS.isdisjoint(words) or any(p in low for p in _SPORT_PHRASES):
        return True
    return _SCORE.search(passage) is not None and not _SCORE_WORDS.isdisjoint(words)


# A surname on a sports page is a player's, unless its own sentence tells an act of state:
# "the travel ban Trump signed", "فرمان منع سفری که ترامپ امضا کرده".
_STATE_ACT = re.compile(
    r"\b(?:signed|executive order|travel ban|administration|sanction\w*|white house|decree)\b|"
    + "|".join(normalize_key(w) for w in ("فرمان", "امضا", "منع سفر", "کاخ سفید", "تحریم", "دولت آمریکا")),
    re.IGNORECASE,
)


def tells_state_act(sentence: str) -> bool:
    """True when ``sentence`` (normalised) names an act of a government: an order, a signature, a ban."""
    return _STATE_ACT.search(sentence) is not None


# Persian گفت‌وگو is as often an interview as a talk between governments: "در گفت‌وگو با
# فاکس‌نیوز گفت", "گفت‌وگوی تلویزیونی". An interview is named by the outlet it was given to,
# or by the frame "in conversation with X, he said" where X is no government, no official
# and no country (a phone call with a counterpart stays diplomacy).
INTERVIEW_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in ("گفتگو", "گفت و گو", "گفتوگو"))
_OUTLET_WORDS = frozenset(
    normalize_key(w)
    for w in """شبکه خبرگزاری روزنامه تلویزیون رادیو برنامه رسانه رسانه‌ای پایگاه سایت وبسایت نشریه مجله
    هفته‌نامه ماهنامه پادکست خبرنگار خبرنگاران مصاحبه فاکس سی‌ان‌ان بی‌بی‌سی الجزیره العربیه رویترز اسکای
    یورونیوز ایرنا ایسنا تسنیم فارس ایلنا انتخاب همشهری کیهان اعتماد شرق""".split()
)
# Endings of outlets' names written in Persian: فاکس‌نیوز، نیویورک‌تایمز، واشنگتن‌پست، وال‌استریت‌ژورنال.
_OUTLET_ENDINGS = tuple(normalize_key(w) for w in ("نیوز", "تایمز", "پست", "ژورنال", "تی وی", "آنلاین"))
# Words that make the other party a government: an official, a delegation, a country's side.
_DIPLOMATIC_WORDS = tuple(
    normalize_key(w)
    for w in """همتا وزیر رئیس رییس سفیر مقام هیئت هیات نماینده فرستاده مذاکره طرف مسئول دیپلمات سران
    دولت رهبر معاون سخنگو دبیرکل مدیرکل""".split()
)
_SAID = frozenset(normalize_key(w) for w in "گفت اظهار افزود تصریح تاکید خاطرنشان".split())
_PERSIAN_WORD = re.compile(r"[^\W\d_]+")


def is_interview(text: str, end: int, people: tuple[int, ...], country_words: frozenset[str]) -> bool:
    """True when the گفت‌وگو ending at ``end`` is an interview: "با" and then an outlet, or
    "with X ... said" where X names no official (``people``: their starts), no country and no
    office."""
    if "با" not in text[end : end + 40]:
        return False  # the usual case: no "with" right after
    after = _PERSIAN_WORD.findall(normalize_key(text[end : end + 90]))
    while after and after[0] in ("ی", "یی", "های", "ها", "اختصاصی", "زنده", "تلویزیونی", "رادیویی"):
        after = after[1:]
    if not after or after[0] != "با":
        return False
    who = after[1:6]
    if any(w in _OUTLET_WORDS or w.endswith(_OUTLET_ENDINGS) for w in who[:4]):
        return True
    said = next((i for i, w in enumerate(who) if w in _SAID), None)
    if said is None or said == 0:
        return False
    named = who[:said]
    if any(w.startswith(_DIPLOMATIC_WORDS) or w in country_words for w in named):
        return False
    # the span of the named party: no tracked official there
    span_end = end + len(" ".join(after[: after.index("با") + 1 + said])) + 8
    return not any(end <= p < span_end for p in people)


# "با" and then, within three words, an outlet or reporters, right before the term (the text as
# written: Arabic and Persian yeh and kaf alike, ZWNJ or space inside words).
_OUTLET_PATTERN = "|".join(
    re.escape(w).replace("ی", "[یيى]").replace("ک", "[کك]").replace(r"\ ", "[ \u200c]?")
    for w in sorted(_OUTLET_WORDS | set(_OUTLET_ENDINGS), key=len, reverse=True)
    if not w.isascii()
)
_WITH_OUTLET_BEFORE = re.compile(
    r"(?<!\w)با[ \u200c]+(?:[^\W\d_]+[ \u200c]+){0,2}[^\W\d_]*(?:" + _OUTLET_PATTERN + r")[^\W\d_]*[ \u200c]*$"
)


def is_interview_before(text: str, start: int) -> bool:
    """True when the گفت‌وگو starting at ``start`` follows "با" and an outlet or reporters ("با
    خبرنگاران گفت‌وگو کرد", he talked with reporters)."""
    return _WITH_OUTLET_BEFORE.search(text, max(0, start - 60), start) is not None


def _cue_words(words: str) -> tuple[str, ...]:
    """Cue words, normalised ("_" joins the words of one cue)."""
    return tuple(normalize_key(w.replace("_", " ")) for w in words.split())


def _cue_regex(words: str | tuple[str, ...], whole: bool = False) -> re.Pattern:
    keys = (re.escape(k) for k in (_cue_words(words) if isinstance(words, str) else words))
    return re.compile(r"(?<!\w)(?:" + "|".join(keys) + (r")(?!\w)" if whole else ")"))


# "sanctions" in sport and discipline: a federation's fines and bans on a club or a player
# ("disciplinary sanctions against Iranian clubs", "کمیته انضباطی فدراسیون فوتبال"). Not
# باشگاه (also the Young Journalists Club, a news agency) nor کشتی (also a ship).
DISCIPLINE_SENSE_TERMS: frozenset[str] = frozenset(
    normalize_key(w) for w in ("sanctions", "sanction", "تحریم", "sanctioned", "sanctioned iranian", "sanctioning")
)
_DISCIPLINE_WORDS = _cue_words(
    """disciplinary football futsal fifa uefa afc doping anti-doping olympic club clubs
    federation's match_ban match-fixing referee wrestling volleyball athlete athletes
    انضباطی فوتبال فوتسال فیفا دوپینگ فدراسیون والیبال ورزشکار"""
)
_DISCIPLINE = _cue_regex(_DISCIPLINE_WORDS, whole=True)


# Who imposes a government's sanctions: with one of these in the sentence, "sanctions on its
# football federation" are still Washington's.
_STATE_SANCTIONERS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(normalize_key(w.replace("_", " ")))
        for w in """us u.s. american washington treasury ofac eu european un security_council state_department
        آمریکا امریکا آمریکایی واشنگتن اروپا اروپایی شورای_امنیت خزانه_داری""".split()
    )
    + r")(?!\w)"
)


def is_disciplinary(passage: str) -> bool:
    """True when ``passage`` (a sentence) is about a sports body's penalties, and names no
    government that imposes sanctions."""
    low = normalize_key(passage)
    return _DISCIPLINE.search(low) is not None and _STATE_SANCTIONERS.search(low) is None


# "snapback" on the markets: a rally, not the UN sanctions' return.
MARKET_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in ("snapback", "snap back", "snap-back"))
_MARKET_WORDS = _cue_words(
    """rally rallied wall_street stocks equities nasdaq dow s&p federal_reserve the_fed bond_yields
    investors traders index indices shares recession"""
)
_MARKET = _cue_regex(_MARKET_WORDS)


def is_market(passage: str) -> bool:
    """True when ``passage`` is about prices on a market ("a sharp snapback rally on Wall Street")."""
    return _MARKET.search(normalize_key(passage)) is not None


# Nuclear terms with a civil sense: enrichment of flour, soil or a school curriculum, "illicit
# enrichment" (a crime), a dairy's or a hospital laboratory's centrifuge, Natanz and Fordow as a
# county, a village, a place tourists visit. Each with what marks that sense in its sentence; a
# sentence that also says uranium, centrifuges or the IAEA keeps the term.
CIVIL_SENSE_TERMS: dict[str, str] = {
    **{normalize_key(w): "enrichment" for w in ("enrichment", "غنی‌سازی", "غنی سازی")},
    **{normalize_key(w): "centrifuge" for w in ("centrifuge", "سانتریفیوژ")},
    **{normalize_key(w): "place" for w in ("Natanz", "Fordow", "Fordo", "نطنز", "فردو")},
}


_CIVIL_WORDS = {
    "enrichment": _cue_words(
        """flour bread vitamin vitamins folic iron_fortif fortif nutrition nutrient nutrients micronutrient
        iodine iodised iodized curriculum classroom classes after-school school schools
        robotics summer_program summer_camp pupils syllabus teachers salt rice cooking_oil staples
        soil_enrichment enrichment_of_the_soil compost fertiliser fertilizer illicit_enrichment unjust_enrichment unlawful_enrichment
        cultural_enrichment gifted museum
        آرد ویتامین فولیک تغذیه دانش_آموز مدرسه مدارس برنامه_درسی درسی آموزش_و_پرورش کلاس نمک برنج
        روغن_خوراکی غنی‌سازی_خاک کود اوقات_فراغت"""
    ),
    "centrifuge": _cue_words(
        """dairy milk cream laboratory laboratories lab labs blood plasma hospital clinic juice honey
        washing_machine
        لبنیات شیر خامه آزمایشگاه خون پلاسما بیمارستان درمانگاه آبمیوه عسل لباسشویی"""
    ),
    "place": _cue_words(
        """tour tourist tourists tourism visitors village villages county handicraft handicrafts rosewater
        scarves pottery carpet carpets dialect heritage hiking pilgrims town mosque minaret highway travel
        گردشگر گردشگری روستا روستای شهرستان صنایع_دستی گلاب بافت_تاریخی زائران مسافران"""
    ),
}
_CIVIL_CUES = {kind: _cue_regex(words) for kind, words in _CIVIL_WORDS.items()}
# What keeps the nuclear sense, per kind (a term never vouches for itself).
_NUCLEAR_CUES = {
    # ... and enrichment that a deal or the talks are about («توافقی که ایران را از غنی‌سازی محروم کند»)
    "enrichment": _cue_regex(
        "uranium iaea atomic nuclear centrifug deal talks negotiat percent level levels"
        " اورانیوم آژانس اتمی هسته سانتریفیوژ توافق مذاکره سطح درصد"
    ),
    "centrifuge": _cue_regex("uranium iaea atomic nuclear enrich اورانیوم آژانس اتمی هسته غنی"),
    "place": _cue_regex(
        """uranium iaea atomic nuclear enrich centrifug facility facilities site sites plant struck strike
        strikes attack attacked bomb bombed underground tunnel tunnels bunker
        اورانیوم آژانس اتمی هسته غنی سانتریفیوژ تاسیسات تأسیسات سایت حمله"""
    ),
}


def is_civil(kind: str, passage: str) -> bool:
    """True when ``passage`` (the term's sentence) uses a nuclear term of ``kind`` in its civil
    sense: flour enrichment, a county's tourism."""
    low = normalize_key(passage)
    return _CIVIL_CUES[kind].search(low) is not None and _NUCLEAR_CUES[kind].search(low) is None


# Talks at home: factions, a budget, a fuel price ("urged the factions to negotiate a compromise in
# parliament", "اختلافات داخلی بر سر لایحه بودجه را باید با مذاکره حل کرد"), in a sentence that names
# neither the other side nor what the talks abroad are about. Applied with officials named too: an
# article about the talks abroad has other hits.
_DOMESTIC_WORDS = _cue_words(
    """factions faction principlist principlists budget_bill fuel_price internal_disputes
    domestic_disputes political_parties coalition_partners spending_bill appropriations filibuster floor_vote جناح جناحها جریانهای_سیاسی جریان_های_سیاسی
    اختلافات_داخلی اختلافهای_داخلی لایحه_بودجه وفاق_ملی احزاب ائتلاف
    minimum_wage city_council labour_minister labor_minister شورای_شهر شورای_عالی_کار وزیر_کار وزیر_تعاون حداقل_دستمزد کارفرمایان فرهنگیان معلمان حق_التدریس بازنشستگان"""
)
_DOMESTIC = _cue_regex(_DOMESTIC_WORDS)
_ABROAD = re.compile(
    _cue_regex(
        """washington america american americans europe european europeans e3 west western nuclear enrich uranium
        sanction iaea oman omani muscat آمریکا امریکا آمریکایی واشنگتن اروپا اروپایی غرب هسته غنی اورانیوم تحریم
        آژانس عمان مسقط"""
    ).pattern
    + r"|(?<!\w)u\.?s\.?(?!\w)"
)


def is_domestic(passage: str) -> bool:
    """True when ``passage`` (a talk word's sentence) is about bargaining at home."""
    low = normalize_key(passage)
    return _DOMESTIC.search(low) is not None and _ABROAD.search(low) is None


# Word starts the sense tests above need one of: the matcher finds them in its one automaton
# pass, so a text without any skips those tests (as ``SPORT_CUE_STEMS`` for ``is_sport``).
# Whole words, so that common word starts ("dow" in "down") cost no hit; the few stems of the
# lists (fortif-) are stems here too.
SENSE_CUE_STEMS: dict[str, frozenset[str]] = {
    "discipline": frozenset(w.strip() for w in _DISCIPLINE_WORDS),
    "market": frozenset(w.strip() for w in _MARKET_WORDS),
    "civil": frozenset(w.strip() for words in _CIVIL_WORDS.values() for w in words),
    "domestic": frozenset(w.strip() for w in _DOMESTIC_WORDS),
}
SENSE_CUE_PREFIXES: frozenset[str] = frozenset(normalize_key(w) for w in ("fortif", "iron fortif"))
# A move to another place ("Meanwhile, in Baghdad", «در همین حال در بغداد»): core.detect_topics looks for
# one only in a text with such a word.
SENSE_CUE_STEMS["move"] = frozenset(normalize_key(w) for w in ("meanwhile", "elsewhere", "همین حال"))


# Topic words that count only where their sentence says which sense is meant: a cue that must be
# there, and (for some) cues of another sense that must not. Word starts, normalised.
#   bargaining told without a talk word ("offered to cap enrichment", "in return it seeks the
#   release of frozen funds", "در قبال رفع تحریم‌ها") names what the sides trade; "refunds in
#   exchange for paying taxes early" does not;
#   "relief", "a waiver" are the sanctions' end where the sentence is about the talks, oil, banks
#   or the programme ("the sequencing of relief"), not earthquake relief or a visa waiver;
#   tariffs are sanctions when they fall on the buyers of the oil ("a 25% tariff on any country
#   that keeps buying crude from the Islamic Republic"), not in a trade war;
#   "economic pressure" is the other side's ("if Washington eases economic pressure", "فشارهای
#   اقتصادی دشمن"), not inflation's;
#   "oil revenue", "Iranian funds" are sanctions where the money is locked, frozen or held abroad;
#   a reactor is Iran's, the bomb denied is Iran's or the speaker's, the table is the talks' (below).
_TRADED = _cue_regex(
    """sanction enrich uranium stockpile inspector inspection centrifug frozen waiver embargo relief
    unfreez snapback restored_measures nuclear atomic dilut oil_sales oil_exports
    تحریم غنی اورانیوم ذخایر بازرس سانتریفیوژ دارایی بلوکه هسته"""
)
_RELIEF_CONTEXT = _cue_regex(
    """oil bank banking frozen enrich uranium nuclear negotiat talks deal framework e3 washington
    sequenc snapback sanction restored_measures inspector tanker export pressure accord agreement jcpoa
    نفت بانک تحریم مذاکره توافق غنی برجام"""
)
_RELIEF_OTHER = _cue_regex(
    """humanitarian earthquake flood disaster debt tax pain sigh famine hurricane storm wildfire mortgage student
    refugee drought aid visa tuition fee liability rally investors heat rain weather traffic pollution
    patient patients medical hospital clinic dialysis زلزله سیل امدادرسانی بشردوستانه مالیات بیمار"""
)
_OIL_BUYERS = re.compile(
    r"(?<!\w)(?:buy|buyer|purchas|import|خرید|خریدار)[^.!?؟]*?(?<!\w)(?:crude|oil|نفت)|"
    r"(?<!\w)(?:crude|oil|نفت)[^.!?؟]*?(?<!\w)(?:buyer|purchaser|importer|خریدار)"
)
_OTHER_SIDE = _cue_regex(
    """us u.s. washington america american americans west western enemy enemies trump e3 europe european
    آمریکا امریکا آمریکایی امریکایی غرب غربی دشمن دشمنان واشنگتن ترامپ اروپا""",
    whole=True,
)
_HELD = _cue_regex(
    """locked frozen freeze blocked trapped unfreez release stuck inaccessible held_in held_abroad restricted
    مسدود بلوکه آزادسازی آزاد_شدن"""
)
# «فشارهای اقتصادی خارجی», "foreign economic pressure", «... علیه ملت ایران»: the other side's
# pressure told without naming it
_OTHER_SIDE_OR_FOREIGN = re.compile(
    _OTHER_SIDE.pattern
    + r"|(?<!\w)foreign\s+economic\s+pressure|(?<!\w)فشار(?:\s?ها|\s?های)?(?:\s+\S+)?\s+اقتصادی\s+(?:خارجی(?!\w)"
    r"|(?:\S+\s+)?علیه\s+(?:ملت\s+|مردم\s+)?(?:ایران|تهران)(?!\w))"
)
_IRAN_NAMED = _cue_regex("iran iranian iranians tehran islamic_republic bushehr arak ایران تهران بوشهر اراک", whole=True)
_IRAN_OR_WE = _cue_regex("iran iranian iranians tehran we our ایران تهران ما", whole=True)
_SIDES_OR_TALKS = re.compile(
    _cue_regex(
        """iran iranian iranians tehran washington america american americans e3 europe european europeans
        negotiat talks nuclear sanction deal ایران تهران آمریکا امریکا واشنگتن اروپا مذاکره"""
    ).pattern
    + r"|(?<!\w)u\.?s\.?(?!\w)"
)
# Penalties of a government on Iran, not a court's, a referee's or a sports body's.
_PENALISER = _cue_regex(
    """iran iranian iranians tehran washington treasury un u.n. us u.s. security_council e3 europe european eu west
    western sanction sanctions ایران تهران آمریکا واشنگتن شورای_امنیت اروپا تحریم تحریمها""",
    whole=True,
)
_PENALTY_OTHER = _cue_regex(
    """shootout on_penalties penalty_kick football club clubs league match referee fifa afc uefa court judge fined
    traffic tax doping federation"""
)
# A sports page's table: standings, not the talks.
_SPORT_TABLE = _cue_regex("football team league standings points cup tournament match فوتبال لیگ جدول")
_NOTHING = re.compile(r"(?!x)x")
# An exchange with the other side's man at the table ("his latest exchange with the US envoy"),
# not a prisoner swap, a firefight or a currency desk.
_TABLE_PARTNER = _cue_regex(
    """envoy counterpart interlocutor negotiator delegation witkoff araghchi foreign_minister top_diplomat
    secretary_of_state e3 europeans americans iranians"""
)
_EXCHANGE_OTHER = _cue_regex(
    "prisoner detainee fire gunfire shots currency stock student insults blows hostages reporters journalists audience"
)
# A meeting "to discuss" between the men at the table: both sides in its sentence (Iran, and the US
# or the E3, by a word or a negotiator's name), a diplomat's title, and no third country or Israel
# ("met British, French and German diplomats to discuss the snapback"; not "senators met in
# Washington to discuss Iran sanctions", "Trump met Netanyahu to discuss Iran"). "us" is left out:
# the pronoun looks the same once case is folded.
_BOTH_SIDES = re.compile(
    r"\A(?=.*(?<!\w)(?:iran|tehran|araghchi|takht|pezeshkian|ایران|تهران|عراقچی))"
    r"(?=.*(?<!\w)(?:u\.s\.|united states|washington|america|e3|europe|british|britain|french|france|german"
    r"|london|paris|berlin|witkoff|rubio|آمریکا|امریکا|واشنگتن|اروپا))"
    r"(?=.*(?<!\w)(?:diplomat|counterpart|envoy|delegation|negotiator|foreign minister|political director"
    r"|دیپلمات|همتا|هیئت|فرستاده|مذاکره))",
    re.DOTALL,
)
_THIRD_PARTIES = _cue_regex(
    """china chinese beijing russia russian moscow turkey turkish ankara iraq iraqi baghdad india indian pakistan
    japan japanese korea saudi riyadh azerbaijan armenia afghan syria lebanon venezuela cuba israel israeli
    netanyahu چین روسیه ترکیه عراق اسرائیل"""
)


def _sense(cue_words: str, need: re.Pattern, other: re.Pattern = _NOTHING) -> dict[str, tuple[re.Pattern, re.Pattern]]:
    return {normalize_key(w.replace("_", " ")): (need, other) for w in cue_words.split(";")}


CONTEXT_SENSE_TERMS: dict[str, tuple[re.Pattern, re.Pattern]] = {
    **_sense("in exchange for;in return for;in return;offered to;offers to;offer to;an offer;در ازای;در قبال", _TRADED),
    **_sense("relief;waiver;waivers;unfreez", _RELIEF_CONTEXT, _RELIEF_OTHER),
    **_sense("tariff;tariffs;تعرفه;تعرفه ها", _OIL_BUYERS),
    # a reactor is Iran's only where the sentence names Iran ("small modular reactor projects in Texas")
    **_sense("reactor;reactors", _IRAN_NAMED),
    # the bomb as a goal denied ("we are not after a bomb"): Iran's, or a speaker's own
    **_sense("not after a bomb;not after the bomb;not seeking a bomb", _IRAN_OR_WE),
    # "back to the table" with the sides or the talks named in the sentence (not the soup)
    **_sense(
        "back to the table;return to the table;returning to the table;come to the table;came to the table;"
        "seat at the table",
        _SIDES_OR_TALKS,
        _SPORT_TABLE,
    ),
    # penalties are sanctions where a government imposes them on Iran (not a court's or a club's)
    **_sense("penalties;new penalties;fresh penalties", _PENALISER, _PENALTY_OTHER),
    **_sense("exchange with;exchanges with", _TABLE_PARTNER, _EXCHANGE_OTHER),
    **_sense("to discuss;discussions", _BOTH_SIDES, _THIRD_PARTIES),
    # one sanction for all ("every sanction on the books"), a government's on Iran
    **_sense(
        "every sanction;each sanction;any sanction;single sanction;last sanction;new sanction;fresh sanction",
        _PENALISER,
        _PENALTY_OTHER,
    ),
    # a settlement reached by the sides (not a lawsuit's)
    **_sense("reach a settlement", _IRAN_NAMED),
    **_sense("economic pressure;economic pressures;فشار اقتصادی;فشارهای اقتصادی;فشارهای ظالمانه;فشار ظالمانه", _OTHER_SIDE_OR_FOREIGN),
    **_sense(
        "oil revenue;oil revenues;oil money;Iranian funds;Iranian money;Iranian assets;Iran's funds;Iran's money;"
        "Iran's assets;Tehran's funds;Tehran's money;Tehran's assets",
        _HELD,
    ),
}

# Session 22 (issue 9, topics). Always true: a term that counts unless a cue of another sense is there.
_ANY = re.compile("")
# "diplomacy" as a field of study or a lecture's subject ("a lecture on the history of Iranian
# diplomacy", "students interested in diplomacy"), unless the sentence names talks or a side to
# deal with ("diplomacy with Washington").
_DIPLOMACY_STUDIED = re.compile(
    r"\A(?!.*(?:diplomacy with|دیپلماسی با|negotiat|talks with|مذاکره|sanction|nuclear|enrich|تحریم|هسته|غنی))"
    r"(?=.*(?<!\w)(?:faculty|students|student|lecture|lectures|seminar|course|curriculum|history of|school of"
    r"|دانشجو|دانشجویان|دانشکده|کلاس درس|تاریخ دیپلماسی))",
    re.DOTALL,
)
STUDIED_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in ("diplomacy", "دیپلماسی"))
# Substrings (of the normalised text) one of which ``_DIPLOMACY_STUDIED`` needs: a text without any
# skips the test.
STUDIED_CUES = tuple(
    normalize_key(w)
    for w in ("faculty", "student", "lecture", "seminar", "course", "curriculum", "history of", "school of",
              "دانشجو", "دانشکده", "کلاس درس", "تاریخ دیپلماسی")
)


def is_studied(sentence: str) -> bool:
    """True when "diplomacy" in ``sentence`` is a field of study or a lecture's subject."""
    return _DIPLOMACY_STUDIED.search(normalize_key(sentence)) is not None


# A side's "response" as retaliation ("Iran's response will be proportionate", «پاسخ ایران قاطع
# خواهد بود»), not its reply to a proposal.
_RETALIATION = _cue_regex(
    """proportionate proportional decisive crushing swift forceful harsh military retaliat regret
    متناسب قاطع کوبنده پشیمان نظامی سخت_خواهد دندان_شکن"""
)
# Persian messages exchanged («پیام‌هایی را با آمریکا رد و بدل کرده بود»): a message and a side.
_MESSAGE_AND_SIDE = re.compile(
    r"\A(?=.*پیام)(?=.*(?<!\w)(?:آمریکا|امریکا|واشنگتن|ایران|تهران|اروپا|اروپایی)(?!\w))", re.DOTALL
)
# Qom for Fordow: the site buried in a mountain near the city, bombed or enriching.
_QOM_SITE = _cue_regex(
    """mountain buried underground bunker bomb bombs bombed strike strikes enrich centrifug tunnel
    کوه زیرزمینی بمب غنی سانتریفیوژ تونل"""
)
# An agreement verb between Iran and the other side on the file ("Tehran agreed with Britain,
# France and Germany to suspend enrichment"): Iran, the US or a European side, and the file.
_AGREED_SIDES = re.compile(
    r"\A(?=.*(?<!\w)(?:iran|iran's|tehran|tehran's|iranian)(?!\w))"
    r"(?=.*(?<!\w)(?:u\.s\.|united states|washington|america|american|e3|europe|european|europeans|britain|british"
    r"|france|french|germany|german|world powers)(?!\w))"
    r"(?=.*(?<!\w)(?:nuclear|enrich|uranium|sanction|inspect|iaea|centrifug))",
    re.DOTALL,
)
CONTEXT_SENSE_TERMS.update(
    {
        **_sense(
            "Tehran's response;Tehran's reply;Iran's response;Iran's reply;Washington's response;Washington's reply;"
            "پاسخ تهران;پاسخ ایران;پاسخ واشنگتن;پاسخ آمریکا",
            _ANY,
            _RETALIATION,
        ),
        **_sense("ردوبدل;رد و بدل", _MESSAGE_AND_SIDE),
        **_sense("messages were exchanged;messages have been exchanged;messages exchanged", _SIDES_OR_TALKS),
        **_sense("qom;قم", _QOM_SITE),
        **_sense("agreed with", _AGREED_SIDES, _THIRD_PARTIES),
    }
)


def in_context_sense(need: re.Pattern, other: re.Pattern, passage: str) -> bool:
    """True when ``passage`` (the term's sentence) has the cue of the tracked sense and none of another."""
    low = normalize_key(passage)
    return need.search(low) is not None and other.search(low) is None


# Persian "گفت‌وگو کرد / کردند" ((they) discussed) is talks only where the sentence, or the one
# before, names both sides ("... با معاونان وزرای خارجه فرانسه، آلمان و انگلیس دیدار کرد. دو طرف
# ... گفت‌وگو کردند"); the president and the speaker discussing the budget, a deputy minister
# discussing consular matters with an ambassador, are not.
DISCUSSED_AFTER = re.compile(r"[ \t\u200c]*کرد(?:ند)?(?!\w)")



# -- sense from the participants and the object (round 3) ----------------------------------

# «تحریم» as a boycott: people staying away from a meeting, an election, a ceremony or goods
# ("کارگران جلسه بعدی را تحریم خواهند کرد", «تحریم نشست»), in a sentence that names no
# government that imposes sanctions. The object is an event or goods, either right after
# «تحریم» or before «را تحریم».
_BOYCOTT_OBJECTS = (
    "جلسه جلسات نشست نشستها اجلاس انتخابات رای رایگیری صندوق مراسم همایش کنفرانس جشنواره مسابقه مسابقات "
    "تجمع تجمعات راهپیمایی مناظره سخنرانی "
    "کالا کالاهای محصولات اجناس برنامه کلاس کلاسها امتحان امتحانات کنکور "
    "کنسرت کنسرتهای تئاتر نمایشگاه"
)
# «تحریم این کنسرت»: a demonstrative between the word and the event
_THIS = r"(?:(?:این|آن)\s+)?"
_BOYCOTT_OBJECT = "|".join(re.escape(normalize_key(w)) for w in _BOYCOTT_OBJECTS.split())
_BOYCOTT = re.compile(
    r"(?<!\w)تحریم(?:\s+ی)?\s+" + _THIS + "(?:" + _BOYCOTT_OBJECT + r")(?!\w)"
    r"|(?<!\w)(?:" + _BOYCOTT_OBJECT + r")(?!\w)[^.،؛!?؟\n]{0,60}?\sرا\s+تحریم"
)
BOYCOTT_SENSE_TERMS: frozenset[str] = frozenset(normalize_key(w) for w in ("تحریم",))


# Around the «تحریم» hit itself (the text as written): «را» right before it, or an event or goods
# right after it. A hit without either is no boycott, and its sentence is never looked at.
_RA_BEFORE = re.compile(r"(?<!\w)را[ \t\u200c]+$")
_OBJECT_AFTER = re.compile(
    r"[ \t\u200c]+(?:ی[ \t\u200c]+)?(?:(?:این|آن)[ \t\u200c]+)?(?:"
    + "|".join(re.escape(w).replace("ی", "[یيى]").replace("ک", "[کك]") for w in _BOYCOTT_OBJECTS.split())
    + ")"
)


def may_be_boycott(text: str, start: int, end: int) -> bool:
    """A quick test before ``is_boycott``: «را تحریم» or «تحریم» + an event at [start, end)."""
    return _RA_BEFORE.search(text, max(0, start - 5), start) is not None or _OBJECT_AFTER.match(text, end) is not None


def is_boycott(passage: str) -> bool:
    """True when ``passage`` (a sentence) tells «تحریم» as a boycott of an event or of goods,
    and names no government that imposes sanctions."""
    low = normalize_key(passage)
    return _BOYCOTT.search(low) is not None and _STATE_SANCTIONERS.search(low) is None


# Talks between Iran and a neighbour about trade, energy or transport ("Iran and Oman agreed on
# the pricing formula for the gas pipeline", «مذاکرات ایران و عمان برای احداث خط لوله گاز»): a
# bilateral economic file, not the talks with the US, in a passage (the sentence and the one
# before) that names neither the other side nor the nuclear file, sanctions or a mediator's role.
# Applied with officials named too: a minister of oil or trade negotiates these.
_ECONOMIC_WORDS = _cue_words(
    """pipeline pipelines gas_field gas_exports gas_supply gas_deal electricity power_grid trade_volume bilateral_trade
    transit railway rail_link shipping_line ferry customs free_zone free_trade_zone tourism fisheries pricing_formula
    investment investments joint_venture petrochemical petrochemicals port_of free_trade trade_agreement
    تجارت_آزاد همکاری_های_دریایی همکاریهای_دریایی همکاری_دریایی
    خط_لوله گاز برق ترانزیت راه_آهن گمرک گمرکی منطقه_آزاد گردشگری شیلات قیمت_گذاری قیمتگذاری سرمایه_گذاری
    سرمایهگذاری پتروشیمی کشتیرانی حجم_تجارت مبادلات_تجاری تجارت_دوجانبه بندر"""
)
_ECONOMIC = _cue_regex(_ECONOMIC_WORDS)
_FILE_WORDS = _cue_regex(
    """nuclear enrich uranium centrifug sanction iaea snapback indirect mediat message messages go-between
    هسته غنی اورانیوم سانتریفیوژ تحریم آژانس ماشه اسنپ پیام میانجی غیرمستقیم"""
)
_THE_FILE = re.compile(
    _FILE_WORDS.pattern
    + "|"
    + _cue_regex(
        """washington america american americans europe european europeans e3 west western witkoff trump
        آمریکا امریکا آمریکایی واشنگتن اروپا اروپایی غرب ترامپ ویتکاف"""
    ).pattern
    + r"|(?<!\w)u\.?s\.?(?!\w)"
)
ECONOMIC_TALK_TERMS: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """talks negotiat negotiations dialogue consultations meeting meetings meet meets deal deals agreement
    agreements مذاکره مذاکر گفتگو توافق تفاهم رایزنی دیدار""".split()
)


# The neighbour: a country that is neither side (Oman, Qatar, Iraq ...), or "the two countries".
_NEIGHBOUR = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(w)
        for w in sorted((w for w, c in COUNTRY_WORDS.items() if c not in SIDES), key=len, reverse=True)
        + [normalize_key(w) for w in ("two countries", "both countries", "neighbours", "neighbors", "دو کشور")]
    )
    + r")(?!\w)"
)


# A message is the file only where it is not the word judged: a message "on expanding trade, including a
# new shipping line" between Iran and Oman is the trade file (session 22).
_THE_FILE_BESIDE_MESSAGE = re.compile(
    _THE_FILE.pattern.replace("|message|messages", "").replace("|پیام", "")
)


def is_bilateral_economic(passage: str, message: bool = False) -> bool:
    """True when ``passage`` (a talk word's sentence and the one before) is about trade, energy
    or transport with a neighbour and names neither the other side nor the nuclear file,
    sanctions or mediation ("talks with the companies on the gas field" alone stay talks).
    ``message``: the word judged is a message, which then is no sign of the file itself."""
    low = normalize_key(passage)
    file = _THE_FILE_BESIDE_MESSAGE if message else _THE_FILE
    return _ECONOMIC.search(low) is not None and file.search(low) is None and _NEIGHBOUR.search(low) is not None


SENSE_CUE_STEMS["economic"] = frozenset(w.strip() for w in _ECONOMIC_WORDS)

# Sanctions in any words: restrictions or curbs that a government imposes on Iranian money or
# trade ("new US restrictions on Iraqi banks that handle Iranian transfers", «محدودیت‌های تازه
# آمریکا بر بانک‌هایی که پول ایران را منتقل می‌کنند»): the sentence names who imposes them (the US,
# the Treasury, Europe, the UN) and Iranian money or trade; not restrictions on travel, the
# internet or a pandemic's.
_IMPOSER = (
    r"(?:u\.s\.|us|washington|treasury|american|america|e3|eu|european union|europe|european|un|u\.n\."
    r"|security council|britain|uk|west|western|آمریکا|امریکا|آمریکایی|امریکایی|واشنگتن|خزانه داری|اروپا"
    r"|اروپایی|شورای امنیت|غرب|غربی)"
)
_IRANIAN = r"(?:iran|iran's|iranian|iranians|tehran|tehran's|islamic republic|ایران|ایرانی|تهران)"
_MONEY = (
    r"(?:bank|banks|banking|transfer|transfers|transaction|transactions|payment|payments|oil|crude|export|exports"
    r"|import|imports|trade|funds|assets|revenue|revenues|shipping|tanker|tankers|petrochemical|petrochemicals"
    r"|currency|dollars|financial|exchange houses|companies|firms|entities|airline|airlines|vessels|ships"
    r"|exporters|goods|بانک|بانکها|بانکهای|ارز|نفت|نفتی|صادرات|واردات|تجارت|پول|پولهای|شرکتهای|شرکت|کشتیهای"
    r"|انتقال|مالی|پتروشیمی|نفتکش|نفتکشها|دارایی|داراییهای)"
)
_GOVERNMENT_ON_IRANIAN_MONEY = re.compile(
    rf"\A(?=.*(?<!\w){_IMPOSER}(?!\w))(?=.*(?<!\w){_IRANIAN}(?!\w))(?=.*(?<!\w){_MONEY}(?!\w))", re.DOTALL
)
_RESTRICTION_OTHER = _cue_regex(
    """travel visa visas movement curfew lockdown pandemic covid internet hijab speech press protest protests
    protesters journalists women flights airspace
    سفر ویزا روادید اینترنت حجاب کرونا تجمع"""
)
CONTEXT_SENSE_TERMS.update(
    _sense(
        "restrictions;restriction;new restrictions;curbs;new curbs;limits on;محدودیت;محدودیت ها;محدودیتهای",
        _GOVERNMENT_ON_IRANIAN_MONEY,
        _RESTRICTION_OTHER,
    )
)

# An offer carried to one side ("his envoy would carry a final offer to the Iranians") is a step
# in the talks as much as one naming what is traded.
_OFFER_TO_A_SIDE = (
    r"|(?<!\w)(?:offer|offers|proposal|proposals|terms)\s+(?:to|for|from)\s+(?:the\s+)?"
    r"(?:iranians|iran|tehran|washington|americans|united states|u\.s\.|us|e3|europeans)(?!\w)"
)
_TRADED_OR_TO_A_SIDE = re.compile(_TRADED.pattern + _OFFER_TO_A_SIDE)
CONTEXT_SENSE_TERMS.update(
    _sense("offered to;offers to;offer to;an offer", _TRADED_OR_TO_A_SIDE)
)

# The mediator's place as a venue: "in Muscat", "to Oman", "the Omani capital", «در مسقط», «به
# عمان», «پایتخت عمان» (the text as written, around a place hit).
_VENUE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:in|to|at|into|visit|visits|visited|visiting|reach|reached|reaches|arrive|arrived|arrives)"
    r"[ \t]+(?:the[ \t]+)?|(?<!\w)(?:در|به|وارد|پایتخت|سفر)[ \t\u200c]+)$",
    re.IGNORECASE,
)
_CAPITAL_AFTER = re.compile(r"[ \t]+capital(?!\w)", re.IGNORECASE)


def is_venue(text: str, start: int, end: int) -> bool:
    """True when the place at [start, end) is where something happens ("back in the Omani capital")."""
    return _VENUE_BEFORE.search(text, max(0, start - 20), start) is not None or (
        _CAPITAL_AFTER.match(text, end) is not None
    )


_IRAN_OR_FILE = re.compile(_FILE_WORDS.pattern + "|" + _IRAN_NAMED.pattern)


def names_the_file(passage: str, side: str) -> bool:
    """Whether ``passage`` ties a visit of ``side``'s official to the talks: the other side or the
    file named ("back in the Omani capital ... lets Iran keep spinning centrifuges"); "Witkoff
    went to Muscat" alone, or a minister's visit on a pipeline, is not."""
    low = normalize_key(passage)
    return (_THE_FILE if side == "iran" else _IRAN_OR_FILE).search(low) is not None

# The 2015 accord told as history: "staked his legacy on the 2015 accord", "the face of the
# nuclear accord", «برجام بهترین توافق ممکن در آن شرایط بود», "the E3's snapback bid over the
# nuclear deal". An accord word whose sentence names that accord (its year, its name, its
# snapback) and no sign of talks now (talks, a new or any deal, reviving it, a return to it) is the
# accord signed long ago, not negotiations.
HISTORY_ACCORD_TERMS: frozenset[str] = frozenset(
    [normalize_key(w) for w in "deal deals agreement agreements accord accords pact توافق".split()]
    # the bargain it struck ("the 2015 deal lifted sanctions in exchange for limits on enrichment")
    + [normalize_key(w) for w in ("in exchange for", "in return for", "in return", "در ازای", "در قبال")]
)
_THE_OLD_ACCORD = _cue_regex("2015 jcpoa joint_comprehensive برجام snapback snap-back اسنپ ماشه")
# Substrings one of which the (normalised) text holds wherever ``_THE_OLD_ACCORD`` can match: a
# text without any skips the test.
OLD_ACCORD_MARKS = ("2015", "jcpoa", "joint comprehensive", "برجام", "snap", "اسنپ", "ماشه")
_TALKS_NOW = _cue_regex(
    """talks negotiat new_deal any_deal a_new_deal a_new_agreement a_new_accord a_new_round any_agreement
    any_new_deal any_new_agreement a_deal another_deal next_deal revive reviv restor return_to returning_to
    back_to salvage replace successor round mediat
    مذاکره مذاکرات گفتگو احیا احیای بازگشت توافق_جدید توافق_تازه هر_توافق توافقی دور میانجی"""
)


# The accord as what a side withdrew from ("pulled the United States out of the 2015 nuclear accord",
# «خروج کشورش از توافق هسته‌ای»): history, and sanctions where they were reimposed, not talks now.
_WITHDRAWN_FROM = re.compile(
    r"(?:(?<!\w)out[ \t]+of|(?<!\w)withdr[ae]w(?:al|n|ing|s)?[ \t]+from|(?<!\w)exit(?:ed|ing|s)?(?:[ \t]+from)?"
    r"|(?<!\w)quit(?:s|ting)?|(?<!\w)abandon(?:ed|ing|s)?|(?<!\w)tore[ \t]+up|(?<!\w)scrap(?:ped|ping|s)?"
    r"|(?<!\w)walk(?:ed|s|ing)?[ \t]+away[ \t]+from|(?<!\w)خروج(?:[ \t\u200c]+[^\s.،]+){0,2}[ \t\u200c]+از"
    r"|(?<!\w)خارج[ \t\u200c]+(?:شد|کرد)\S*[ \t\u200c]+از)"
    r"[ \t\u200c]+(?:(?:the|its|that|this)[ \t]+)?(?:[\w'’.-]+[ \t]+){0,3}$",
    re.IGNORECASE,
)
# A definite accord word ("the deal's caps", «این توافق») that continues the sentence before.
_DEFINITE_BEFORE = re.compile(r"(?:(?<!\w)the|(?<!\w)this|(?<!\w)that|(?<!\w)این|(?<!\w)آن)[ \t\u200c]+$", re.IGNORECASE)


_WITHDRAWAL_TOLD = re.compile(
    _WITHDRAWN_FROM.pattern[: -len("$")]
    + r"(?:deal|accord|agreement|pact|jcpoa|برجام|توافق)",
    re.IGNORECASE,
)


def tells_withdrawal(passage: str) -> bool:
    """True when ``passage`` tells of a side pulling out of an accord."""
    return _WITHDRAWAL_TOLD.search(passage) is not None


_WITHDRAWAL_STEMS = ("out of", "withdr", "exit", "quit", "abandon", "tore up", "scrap", "away from", "خروج", "خارج")


def is_withdrawn_accord(text: str, start: int) -> bool:
    """True when the accord word at ``start`` is what a side pulled out of."""
    window = text[max(0, start - 60) : start].lower()
    if not any(w in window for w in _WITHDRAWAL_STEMS):
        return False  # the usual case, decided by substring searches
    return _WITHDRAWN_FROM.search(window) is not None


def is_definite(text: str, start: int) -> bool:
    return _DEFINITE_BEFORE.search(text, max(0, start - 6), start) is not None


def talks_now(passage: str) -> bool:
    """True when ``passage`` names talks now (a round, reviving a deal, a new one)."""
    return _TALKS_NOW.search(normalize_key(passage)) is not None


def is_past_accord(passage: str) -> bool:
    """True when ``passage`` (an accord word's sentence) names the 2015 accord and no talks now."""
    low = normalize_key(passage)
    return _THE_OLD_ACCORD.search(low) is not None and _TALKS_NOW.search(low) is None


# «در گفت‌وگویی گفت» (he said in an interview): the indefinite «گفت‌وگویی» after «در» and right
# before a verb of saying, with nobody named as the other party.
_IN_AN_INTERVIEW = re.compile(r"(?<!\w)در[ \t\u200c]+$")
_SAID_NEXT = re.compile(
    r"[ \t\u200c]+(?:[^\W\d_]+[ \t\u200c]+)?(?:گفت|اظهار|افزود|تاکید|تأکید|تصریح|خاطرنشان)(?!\w)"
)


# «در گفت‌وگویی تازه از ... دفاع کرد»: an interview told by its describing word, with nobody after «با».
_INTERVIEW_ADJECTIVE = re.compile(
    r"[ \t\u200c]+(?:تازه|جدید|اخیر|مفصل|اختصاصی|رسانه[ \t\u200c]*ای|تلویزیونی|رادیویی|مطبوعاتی)(?!\w)(?![ \t\u200c]+با(?!\w))"
)


def is_indefinite_interview(text: str, start: int, end: int) -> bool:
    """True when the گفت‌وگو at [start, end) is «در گفت‌وگویی» and a verb of saying or a word
    describing an interview follows."""
    if _IN_AN_INTERVIEW.search(text, max(0, start - 6), start) is None:
        return False  # the usual case
    return normalize_key(text[start:end]).endswith("یی") and (
        _SAID_NEXT.match(text, end) is not None or _INTERVIEW_ADJECTIVE.match(text, end) is not None
    )

# The talks' state in other words: a deadlock, an impasse between the sides ("a face-saving exit
# from the deadlock for both sides"), not a budget's or a parliament's.
_SIDES_OR_BOTH = re.compile(
    _SIDES_OR_TALKS.pattern + "|" + _cue_regex("both_sides two_sides the_sides either_side طرفین دو_طرف").pattern
)
_DEADLOCK_OTHER = _cue_regex(
    """budget congress congressional senate shutdown election coalition parliament court jury union strike
    league club بودجه مجلس انتخابات ائتلاف"""
)
CONTEXT_SENSE_TERMS.update(_sense("deadlock;impasse;stalemate;بن بست", _SIDES_OR_BOTH, _DEADLOCK_OTHER))
# the sides agreeing to meet again ("both sides had agreed to meet again next week"), not two clubs
CONTEXT_SENSE_TERMS.update(
    _sense("agreed to meet again;agree to meet again;agreeing to meet again", _SIDES_OR_BOTH, _DEADLOCK_OTHER)
)
# a weapon Iran must never acquire ("a deal that guarantees Iran never acquires a weapon"), not a gun
CONTEXT_SENSE_TERMS.update(
    _sense(
        "acquires a weapon;acquire a weapon;acquiring a weapon;obtains a weapon;obtain a weapon",
        _IRAN_NAMED,
        _cue_regex("gun guns rifle rifles pistol knife firearm firearms police shooter shooting"),
    )
)

# Treasury language told with the verb apart from its subject ("the U.S. Treasury on Thursday
# designated six companies that shipped Iranian petrochemicals"): a government that sanctions and
# an Iranian target in the sentence.
_DESIGNATOR_ON_IRAN = re.compile(
    r"\A(?=.*(?<!\w)(?:treasury|ofac|state department|u\.s\.|us|washington|eu|european union|britain|uk"
    r"|united states|خزانه داری|آمریکا|امریکا|واشنگتن|اتحادیه اروپا)(?!\w))"
    rf"(?=.*(?<!\w)(?:{_IRANIAN[3:-1]}|irgc|revolutionary guards|quds force|سپاه)(?!\w))",
    re.DOTALL,
)
_DESIGNATED_OTHER = _cue_regex(
    """driver survivor hitter heritage terrorist_organization_in_syria hurricane disaster_area wilderness
    national_monument landmark"""
)
CONTEXT_SENSE_TERMS.update(_sense("designated;designates;designate", _DESIGNATOR_ON_IRAN, _DESIGNATED_OTHER))

# The squeeze on the oil money told with a verb ("tighten the screws on Tehran's oil revenue", "drive
# Iran's exports to zero"): a government's pressure, like money held abroad.
_HELD_OR_SQUEEZED = re.compile(
    _HELD.pattern
    + "|"
    + _cue_regex(
        """tighten tightening squeez choke choking strangl cut_off cutting_off zero slash crippl throttl dry_up
        drive_down starve"""
    ).pattern
)
for _key in list(CONTEXT_SENSE_TERMS):
    if CONTEXT_SENSE_TERMS[_key][0] is _HELD:
        CONTEXT_SENSE_TERMS[_key] = (_HELD_OR_SQUEEZED, CONTEXT_SENSE_TERMS[_key][1])
CONTEXT_SENSE_TERMS.update(
    _sense(
        "oil exports;Iranian exports;Iran's exports;Tehran's exports;exports of Iranian oil;oil sales;"
        "Iranian oil sales;Iran's oil sales;crude sales",
        _HELD_OR_SQUEEZED,
    )
)

# Bans on Iranian money told without who imposes them ("the bans on Iranian banks"): the ban's own
# object is Iranian money or trade.
_BAN_ON_IRANIAN_MONEY = re.compile(
    rf"(?<!\w)(?:bans|ban|restrictions|curbs|limits|embargo)\s+on\s+(?:the\s+)?(?:{_IRANIAN[3:-1]})(?:'s)?\s+"
    rf"(?:\w+\s+)?{_MONEY}(?!\w)"
)
_RESTRICTIONS_NEED = re.compile(_GOVERNMENT_ON_IRANIAN_MONEY.pattern + "|" + _BAN_ON_IRANIAN_MONEY.pattern, re.DOTALL)
CONTEXT_SENSE_TERMS.update(
    _sense(
        "restrictions;restriction;new restrictions;curbs;new curbs;limits on;bans on;ban on;محدودیت;محدودیت ها;"
        "محدودیتهای",
        _RESTRICTIONS_NEED,
        _RESTRICTION_OTHER,
    )
)
CONTEXT_SENSE_TERMS.update(
    _sense("is after a bomb;are after a bomb;is after the bomb;are after the bomb;was after a bomb", _IRAN_OR_WE)
)

# Terms of a deal floated by one side: letting or allowing Iran something on the file ("the envoy
# floated letting Iran enrich at a low level"), where the sentence names what is traded.
CONTEXT_SENSE_TERMS.update(
    _sense(
        "floated letting;floated allowing;proposed letting;proposed allowing;offered to let;offered to allow",
        _TRADED,
    )
)

# Contacts "indirect" are the talks' where the sentence names a side or the talks ("if the indirect
# contacts stall"), not a virus's ("indirect contact with infected surfaces").
CONTEXT_SENSE_TERMS.update(
    _sense(
        "indirect contact;indirect contacts", _SIDES_OR_TALKS, _cue_regex("infect virus surface surfaces patients disease")
    )
)


# -- the sides' terms, the table, the file in other words (round 4) -------------------------

# Sanctions' verb with a date, an adverb or a clause between it and who sanctions ("the U.S.
# Treasury on Thursday sanctioned", "Britain, acting with the EU, sanctioned"): a sanctioning
# government at most four words and one comma-clause before the verb, and an Iranian target in
# the sentence ("the church never sanctioned the marriage" is no such act).
_SANCTIONER = (
    r"(?:treasury|ofac|state department|u\.s\.|us|washington|eu|european union|britain|uk|united states"
    r"|united kingdom|canada|australia|the administration)"
)
_SANCTIONER_THEN_VERB = (
    rf"(?<!\w){_SANCTIONER}(?:'s)?(?:\s+[\w'.-]+){{0,4}}?(?:,[^,;]{{1,90}},)?\s+(?:sanctioned|blacklisted)(?!\w)"
)
_SANCTIONER_ON_IRANIAN = re.compile(
    rf"\A(?=.*(?<!\w)(?:{_IRANIAN[3:-1]}|irgc|revolutionary guards|quds force|سپاه)(?!\w))(?=.*{_SANCTIONER_THEN_VERB})",
    re.DOTALL,
)
CONTEXT_SENSE_TERMS.update(_sense("sanctioned", _SANCTIONER_ON_IRANIAN, _DESIGNATED_OTHER))

# A side's terms told as what it could or would accept, or as its position, on something the sides
# trade ("Washington could accept only a civilian programme fuelled by imported uranium", "the U.S.
# position was simple: no enrichment"): a side named shortly before, and the traded thing in the
# sentence. "She would accept the award" names neither; advice ("Washington should be prepared to
# accept limited enrichment") is no side's position.
_A_SIDE = (
    r"(?:iran|iran's|tehran|tehran's|iranians|washington|washington's|america|america's|americans|u\.s\.|us"
    r"|united states|e3|europeans|europe|iranian|american|the west)"
)
_SIDE_TERMS = re.compile(
    rf"\A(?=.*(?<!\w){_A_SIDE}(?:\s+(?!should|must|ought)[\w'.-]+){{0,3}}?\s+(?:could|would|can|cannot|can't|will|won't|might|may|is|are"
    r"|was|were|never|ready|prepared|willing|position|negotiating)(?!\w))"
    rf"(?=.*{_TRADED.pattern})",
    re.DOTALL,
)
CONTEXT_SENSE_TERMS.update(
    _sense(
        "could accept;would accept;can accept;will accept;might accept;may accept;ready to accept;prepared to accept;"
        "willing to accept;"
        "position was;position is;negotiating position",
        _SIDE_TERMS,
    )
)
# The same in Persian, where the verb ends the sentence («واشنگتن ممکن است غنی‌سازی محدود را بپذیرد»): a
# side and the traded thing anywhere in it (a refusal, «نمی‌پذیرد», is another word).
CONTEXT_SENSE_TERMS.update(
    _sense(
        "بپذیرد;بپذیرند;می پذیرد;می پذیرند",
        re.compile(rf"\A(?=.*(?<!\w)(?:ایران|تهران|واشنگتن|آمریکا|امریکا|اروپا|طرف ایرانی|طرف آمریکایی)(?!\w))(?=.*{_TRADED.pattern})", re.DOTALL),
    )
)

# The table with the other side, a round or the talks named ("whatever Washington offers at the
# table", "sitting across the table from the Americans", "at the table for every round"); Iran alone
# is not enough ("took his seat at the table of the summit"), nor a dinner, a card game or a league.
_TABLE_NEED = re.compile(
    _OTHER_SIDE.pattern
    + "|"
    + _cue_regex("round rounds delegation delegations envoy negotiat talks americans iranians enrichment sanction").pattern
    + r"|(?<!\w)u\.?s\.?(?!\w)"
)
_TABLE_OTHER = re.compile(
    _SPORT_TABLE.pattern + "|" + _cue_regex("dinner lunch breakfast restaurant poker cards kitchen family wedding").pattern
)
CONTEXT_SENSE_TERMS.update(_sense("at the table;across the table", _TABLE_NEED, _TABLE_OTHER))

# A framework (a roadmap, the modalities) is what the sides draft: one with the IAEA, or between the
# two sides, on the file ("spoke with the IAEA chief about a framework for resuming inspections",
# «دو طرف درباره چارچوب همکاری‌ها ... گفت‌وگو کردند»); a climate or a budget framework is not.
# (Labels: most blind sets count an exchange with the IAEA on inspections as talks, 4 to 3;
# benchmarks/blind_sets/README.md.)
_FRAMEWORK_PARTY = _cue_regex(
    """iaea atomic_energy_agency watchdog grossi the_agency both_sides the_two_sides two_sides iran_and_the_us
    iran_and_the_united_states washington_and_tehran tehran_and_washington e3 europeans
    آژانس گروسی دو_طرف طرفین ایران_و_آمریکا تهران_و_واشنگتن"""
)
_FRAMEWORK_FILE = _cue_regex(
    """inspect nuclear enrich uranium sanction snapback cooperation safeguards access stockpile verif
    بازرس هسته غنی اورانیوم تحریم ماشه همکاری پادمان دسترسی ذخایر راستی"""
)
_FRAMEWORK_NEED = re.compile(rf"\A(?=.*(?:{_FRAMEWORK_PARTY.pattern}))(?=.*(?:{_FRAMEWORK_FILE.pattern}))", re.DOTALL)
CONTEXT_SENSE_TERMS.update(
    _sense(
        "framework;چارچوب;roadmap;road map;نقشه راه;modalities;joint statement;بیانیه مشترک",
        _FRAMEWORK_NEED,
        _cue_regex("climate budget legal_framework"),
    )
)
# The experts' teams of the two sides ("the expert teams of the two sides will meet again», «تیم‌های
# کارشناسی ایران و آمریکا»): the other side, the IAEA or "the two sides" named, not a ministry's
# engineers inspecting a bridge.
CONTEXT_SENSE_TERMS.update(
    _sense(
        "expert teams;teams of experts;تیم های کارشناسی;تیم کارشناسی;هیئت های کارشناسی;هیئت کارشناسی;"
        "هیئتهای کارشناسی;سطح کارشناسی",
        re.compile(_OTHER_SIDE.pattern + "|" + _FRAMEWORK_PARTY.pattern + r"|(?<!\w)u\.?s\.?(?!\w)"),
    )
)

# Contacts or a channel between the pair of sides ("the secret U.S.-Iranian contacts", "a US-Iran
# channel"), not a firm's sales contacts or a TV channel; a discussion with one side ("not up for
# discussion with the three European states").
_PAIR = (
    r"(?:u\.s\.|us|american|america|washington)\s+(?:iran|iranian|tehran)"
    r"|(?:iran|iranian|tehran)\s+(?:u\.s\.|us|american|america|washington)"
)
_PAIR_CONTACTS = re.compile(rf"(?<!\w)(?:{_PAIR})\s+(?:[\w-]+\s+)?(?:contacts|channel)(?!\w)")
CONTEXT_SENSE_TERMS.update(_sense("contacts;channel", _PAIR_CONTACTS))
_DISCUSSION_WITH_A_SIDE = re.compile(
    r"(?<!\w)discussion\s+with\s+(?:the\s+)?(?:three\s+|other\s+)?(?:iran|iranians|tehran|washington|americans|us|u\.s\."
    r"|united states|e3|europeans|european|europe|western)(?!\w)"
)
CONTEXT_SENSE_TERMS.update(_sense("discussion with", _DISCUSSION_WITH_A_SIDE))

# The bomb's other name, where the sentence names Iran, the speaker or the Leader's decree («رهبر
# انقلاب در فتوایی سلاح کشتار جمعی را حرام اعلام کرده»), not Iraq's or Syria's chemical arms.
CONTEXT_SENSE_TERMS.update(
    _sense(
        "weapons of mass destruction;سلاح کشتار جمعی;سلاح های کشتار جمعی;تسلیحات کشتار جمعی",
        re.compile(_IRAN_OR_WE.pattern + "|" + _cue_regex("fatwa decree leader فتوا رهبر").pattern),
        _cue_regex("iraq iraqi saddam syria syrian assad chemical libya israel israeli عراق سوریه"),
    )
)

# Cooperation with the Agency (the IAEA) where the sentence names the file, Iran or the Europeans
# ("would end the country's cooperation with the Agency"); not a police or a news agency's.
CONTEXT_SENSE_TERMS.update(
    _sense(
        "cooperation with the agency;cooperate with the agency;cooperating with the agency",
        re.compile(
            _IRAN_NAMED.pattern + "|" + _FRAMEWORK_FILE.pattern + "|"
            + _cue_regex("resolution resolutions trigger e3 european europeans board_of_governors").pattern
        ),
        _cue_regex("police fbi news_agency travel_agency intelligence_agency space_agency"),
    )
)

# Restrictions on "its" oil exports where the sentence names Iran, or restrictions a deal would lift
# where the sentence names a side ("any agreement that does not lift the economic restrictions on the
# Iranian nation", «توافقی که به رفع محدودیت‌ها ... برای ملت ایران»), not an exchange's trading rules.
_BAN_ON_OWN_MONEY = re.compile(
    rf"\A(?=.*{_IRAN_OR_WE.pattern})(?=.*(?<!\w)(?:bans|ban|restrictions|curbs|limits|embargo)\s+on\s+"
    rf"(?:its|our|their|the country's)\s+(?:\w+\s+)?{_MONEY}(?!\w))",
    re.DOTALL,
)
_LIFTED_BY_A_DEAL = re.compile(
    rf"\A(?=.*(?:{_IRAN_OR_WE.pattern}|{_OTHER_SIDE.pattern}))"
    r"(?=.*(?<!\w)(?:deal|agreement|accord|توافق\w*|مذاکره|مذاکرات)(?!\w))"
    r"(?=.*(?<!\w)(?:lift|lifts|lifting|lifted|removal|remove|removing|رفع|لغو)(?:\s+[^\s.]+){0,3}?\s+"
    r"(?:the\s+)?(?:\w+\s+)?(?:restrictions|curbs|محدودیت|محدودیتهای|محدودیتها))",
    re.DOTALL,
)
# Restrictions told as the other side's on the economy ("the Western restrictions strangling the
# economy", «محدودیت‌های آمریکا بر فروش نفت»: the imposer right beside the word, the economy or oil in
# the sentence, no third country that could be their target) or as economic ones against Iran
# («محدودیت‌های اقتصادی علیه ایران», "economic restrictions on Iran"); not US restrictions on Chinese
# chips, nor restrictions on travel.
_THIRD_TARGET = (
    r"(?:china|chinese|russia|russian|venezuela|venezuelan|cuba|cuban|north korea|north korean|syria|syrian"
    r"|چین|چینی|روسیه|روسی|ونزوئلا|کوبا|کره شمالی|سوریه)"
)
_IMPOSERS_RESTRICTIONS = re.compile(
    rf"\A(?!.*(?<!\w){_THIRD_TARGET}(?!\w))(?=.*(?:(?<!\w)(?:western|us|u\.s\.|american|washington's|america's"
    r"|european|eu)\s+(?:economic\s+|financial\s+|trade\s+)?(?:restrictions|curbs)"
    r"|(?<!\w)محدودیت(?:\s?ها|\s?های)?\s+(?:آمریکا|امریکا|آمریکایی|امریکایی|واشنگتن|غرب|غربی|اروپا|اروپایی)(?!\w)))"
    r"(?=.*(?<!\w)(?:econom\w*|oil|crude|banks?|banking|trade|اقتصاد\w*|نفت\w*|بانک\w*|تجارت|فروش)(?!\w))"
    rf"|(?<!\w)(?:economic\s+(?:restrictions|curbs)\s+(?:on|against)\s+(?:the\s+)?{_IRANIAN}"
    rf"|محدودیت(?:\s?ها|\s?های)?\s+اقتصادی\s+(?:\S+\s+)?(?:علیه|بر|بر ضد|ضد)\s+(?:ملت\s+|مردم\s+)?{_IRANIAN})(?!\w)",
    re.DOTALL,
)
for _key in list(CONTEXT_SENSE_TERMS):
    if CONTEXT_SENSE_TERMS[_key][0] is _RESTRICTIONS_NEED:
        CONTEXT_SENSE_TERMS[_key] = (
            re.compile(
                "|".join(
                    p.pattern for p in (_RESTRICTIONS_NEED, _BAN_ON_OWN_MONEY, _LIFTED_BY_A_DEAL, _IMPOSERS_RESTRICTIONS)
                ),
                re.DOTALL,
            ),
            CONTEXT_SENSE_TERMS[_key][1],
        )

# Sanctions on another target: a third country's people or firms, an international court or its
# judges ("condemned Washington's sanctions on International Criminal Court judges", «تحریم‌هایی
# علیه شرکت‌های ونزوئلایی»), told right after the word and with nothing Iranian in the rest of the
# clause ("sanctions on Chinese refiners that buy Iranian oil" stay Iran's).
SANCTION_TARGET_TERMS: frozenset[str] = frozenset(
    normalize_key(w) for w in "sanctions sanction sanctioned تحریم penalties new penalties".split()
)
_OTHER_TARGET = "|".join(
    re.escape(w)
    for w in sorted(
        [w for w, c in COUNTRY_WORDS.items() if c not in SIDES]
        + [normalize_key(w) for w in ("international criminal court", "criminal court", "icc", "judges", "judge",
                                       "prosecutor", "prosecutors", "rapporteur", "rapporteurs", "دیوان کیفری")],
        key=len,
        reverse=True,
    )
)
_ON_ANOTHER = re.compile(
    r"(?:[\w'’-]+\s+){0,2}?(?:imposed\s+on|on|against|targeting|علیه)\s+(?!par\s)(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?"
    rf"(?:{_OTHER_TARGET})(?!\w)"
)
# (session 23) Persian, where the normalised text splits a word at its ZWNJ («تحریم‌های تازه‌ای علیه مقام‌های
# دولت مادورو»): a few more words either side of «علیه».
_ON_ANOTHER_FA = re.compile(rf"(?:\S+\s+){{0,3}}?علیه\s+(?:\S+\s+){{0,5}}?(?:{_OTHER_TARGET})(?!\w)")
_CLAUSE_END = re.compile(r"[.!?؟;؛\n]")
_IRANIAN_WORD = re.compile(rf"(?<!\w)(?:{_IRANIAN[3:-1]}|irgc|revolutionary guards|سپاه)(?!\w)")


# The text as written: a preposition of the target within three words after the hit ("sanctions
# on", "sanctions it imposed on", «تحریم‌های تازه‌ای علیه»); most hits have none, and skip the rest.
_ON_SOON = re.compile(r"(?:[ \t\u200c]*[\w'’-]+){0,3}?[ \t\u200c]+(?:on|against|targeting|علیه)[ \t]", re.IGNORECASE)


def on_another_target(text: str, end: int) -> bool:
    """True when the sanctions word ending at ``end`` is followed by a target that is no Iranian's."""
    if _ON_SOON.match(text, end) is None:
        return False  # the usual case
    window = normalize_key(text[end : end + 200])
    m = _ON_ANOTHER.match(window)
    if m is None and "علیه" in window[:60]:
        m = _ON_ANOTHER_FA.match(window)
    if m is None:
        return False
    stop = _CLAUSE_END.search(window)
    return _IRANIAN_WORD.search(window, 0, stop.start() if stop else len(window)) is None

# The bomb and the treaty told of another country: a sentence that names Israel («این رژیم», the
# regime just named), another armed state or Hiroshima and neither Iran nor the speaker ("Israel is
# no party to the NPT", «این رژیم عضو ان‌پی‌تی نیست», "a minister's talk of an atom bomb on Gaza").
_ANOTHER_ARMED_STATE = re.compile(
    rf"\A(?!.*{_IRAN_OR_WE.pattern})(?=.*(?:"
    + _cue_regex(
        """israel israeli israelis zionist صهیونیست اسرائیل این_رژیم north_korea north_korean pyongyang کره_شمالی pakistan
        pakistani پاکستان india indian هند hiroshima nagasaki هیروشیما ناکازاکی"""
    ).pattern
    + "))",
    re.DOTALL,
)
CONTEXT_SENSE_TERMS.update(
    _sense(
        "npt;non proliferation;nonproliferation;ان پی تی;معاهده عدم اشاعه;atomic bomb;atom bomb;بمب اتم;"
        "معاهده منع گسترش;پیمان منع گسترش;پیمان عدم اشاعه;منع گسترش سلاح های هسته ای",
        re.compile(""),
        _ANOTHER_ARMED_STATE,
    )
)

# «در این گفت‌وگو افزود» (he added in this conversation) after an interview was named in the text
# before («در گفت‌وگو با شبکه خبر»): the same interview, not talks.
_THIS_BEFORE = re.compile(r"(?<!\w)(?:این|همین)[ \t\u200c]+$")
_AN_INTERVIEW_EARLIER = re.compile(
    r"گفت[ \t\u200c]?و[ \t\u200c]?گو[یي]?[ \t\u200c]+(?:[^\W\d_]+[ \t\u200c]+)?با[ \t\u200c]+"
    r"(?:[^\W\d_]+[ \t\u200c]+){0,2}[^\W\d_]*(?:" + _OUTLET_PATTERN + ")"
)


def is_interview_again(text: str, start: int) -> bool:
    """True when the گفت‌وگو at ``start`` is «این گفت‌وگو» and an interview is named before it."""
    if not text.endswith(("ین ", "ین\u200c"), max(0, start - 8), start):
        return False  # the usual case: no «این» right before
    return _THIS_BEFORE.search(text, max(0, start - 8), start) is not None and (
        _AN_INTERVIEW_EARLIER.search(text, max(0, start - 800), start) is not None
    )


def round_at_venue(venues: list[str]) -> tuple[re.Pattern, re.Pattern] | None:
    """For a round at the mediator's place: what follows a round term ("in Muscat", "of talks in
    Oman", «مذاکرات در مسقط»), and the place inside the term ("the Muscat round")."""
    if not venues:
        return None
    alts = "|".join(re.escape(v) for v in sorted(venues, key=len, reverse=True))
    after = re.compile(
        r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:indirect[ \t]+)?(?:talks|negotiations)|[ \t\u200c]+(?:مذاکرات|گفتگوها|گفت\u200cوگوها))?"
        rf"[ \t\u200c]+(?:in|at|در)[ \t]+(?:the[ \t]+)?(?:{alts})(?!\w)",
        re.IGNORECASE,
    )
    return after, re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


# (session 23) "round" of something that is no talks ("a new round of restoration work", "another round of
# layoffs"): the words after "of" name neither talks nor the file. English only; the Persian rounds of other
# things are exclusions in the watchlist.
_ROUND_OF = re.compile(r"[ \t]+of[ \t]+((?:[\w'’.-]+[ \t]+){0,3}[\w'’.-]+)")
_ROUND_OF_BARE = re.compile(r"[ \t]+((?:[\w'’.-]+[ \t]+){0,3}[\w'’.-]+)")
_TALK_AFTER_ROUND = re.compile(
    r"(?<!\w)(?:talk|negotiat|discussion|consultation|contact|dialog|meeting|exchange|diplomacy|indirect|direct"
    r"|proximity|message|bargain|mediat|shuttl|process|track|channel|session|nuclear|iran|tehran|washington|u\.?s"
    r"|american|oman|muscat|omani|e3|europe|deliberation|parley|engagement)",
    re.IGNORECASE,
)


def is_round_of_another(text: str, end: int, bare_of: bool) -> bool:
    """True when the round term ending at ``end`` is a round of something that is no talks.
    ``bare_of``: the term ends with "of" itself ("rounds of")."""
    m = (_ROUND_OF_BARE if bare_of else _ROUND_OF).match(text, end)
    return m is not None and _TALK_AFTER_ROUND.search(m.group(1)) is None


# (session 23) The verb "enrich" told with a level: Iran's programme where the sentence names Iran and a
# percentage or uranium ("Tehran did not need to enrich beyond 3.67%"); "to enrich the lives of pupils" is not.
_ENRICH_LEVEL = re.compile(
    r"\A(?=.*(?<!\w)(?:iran|iran's|tehran|tehran's|iranians|islamic republic|ایران|تهران)(?!\w))"
    r"(?=.*(?:percent|per cent|%|uranium|level|levels|درصد|اورانیوم))",
    re.DOTALL,
)
CONTEXT_SENSE_TERMS.update(
    _sense("to enrich;enrich beyond;enrich above;enriching beyond;enriching above", _ENRICH_LEVEL)
)
