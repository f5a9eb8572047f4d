"""Language data the matcher needs that is about English and Persian, not about the watchlist.

Common words (refused as aliases, never fuzzy-matched, and not mistaken for a first name),
titles that give a bare surname its context, the modifiers that stop a role resolving to
its current holder ("former", "deputy", Persian "سابق"), and given-name spellings.
All entries are written as ``core.normalize.normalize_key`` would produce them.
"""

from __future__ import annotations

import re

from core.normalize import normalize_key

_ENGLISH_COMMON = """
a about above across act action add after again against ago agree agreement ahead aid air all
allow almost alone along already also although always am america american among an and
another answer any anyone anything appear are area arm army around as ask at attack away back
bad ban bank base be became because become been before began begin behind being believe
best better between big bill both break bring build business but buy by call called calls came
can cannot capital care carry case cause center central change chief city claim clear close
come comes coming common community company concern condition continue control cost could
council country course court cover create crisis cross current cut day days deal deals dealt
decide decision deep defence defense demand department despite did die different direct do
does done door down draw during each early east economic economy effort either election else
end energy enough enter even event ever every everything face fact fall family far fast fear
feel few field fight figure file final find fire first five focus follow for force foreign form
former forward four free friday from front full future gain gave general get give given go goal
going good got government great ground group grow had half hand happen hard has have he head
hear help her here high him his history hit hold home hope hour house how however human if
important in include increase indeed inside instead interest international into is issue it
its job join just keep key kill kind know known land large last late later law lead leader
leaders least leave left less let level life light like line list little live local long look
lose lot low made main major make man many march market matter may may maybe me mean meet
meeting meets member message middle might military million minister mission moment monday
money month more morning most move movement much must my name nation national near need
never new news next night no none nor north not nothing now nuclear number of off offer office
official officials often oil old on once one only open or order other our out over own pact
paper part party pass past pay peace people per period person place plan play point police
policy political position possible power pressure president press price private problem
process program programme public push put question quite rather reach read ready real really
reason receive record region release remain report reports republic rest result return right
rise role room round rule run said same saturday saw say says school sea second security see
seek seem seen send sense september set several shall share she should show side sign since
six small so social some something soon south speak special speech spokesman spokeswoman
staff stage stand start state states statement still stop story strike strong such sunday
support sure take taken talk talks tax team tell tells term than that the their them then there
these they thing think third this those though three through thursday time to today together
told too top toward towards trade troops true try tuesday turn two under union united until up
upon us use used very view visit vote wait want war warn warns was watch water way we wednesday
week well went were west what when where whether which while white who whole whom whose why
will win with within without word work world would write year years yes yet you young your
january february april june july august october november december
says said tells told meets urges backs slams rejects warns vows seeks calls signals hails
denies accepts offers insists holds sends returns agrees
neither nor either whereas meanwhile instead besides unlike including unless except nonetheless
"""

# Persian function words and everyday words that are also names of people (ظریف "delicate",
# عارف "mystic"); such a name can be an alias only with needs_context.
_PERSIAN_COMMON = """
و در به از که این آن با را برای تا هم یا اما اگر نیز بر یک های ها است بود شد کرد
گفت دارد باید خود ما شما آنها ایشان او من ظریف عارف ایران امریکا آمریکا مذاکره توافق
"""

COMMON_WORDS: frozenset[str] = frozenset(normalize_key(w) for w in (_ENGLISH_COMMON + _PERSIAN_COMMON).split())

# A word right before a bare surname that makes it the official we track.
TITLES: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """
    mr mr. mrs mrs. ms ms. dr dr. president vice minister speaker ayatollah ayatullah sheikh
    shaikh sayyid seyyed seyed sayed syed hojatoleslam hojjatoleslam envoy ambassador secretary
    senator spokesman spokeswoman spokesperson general gen gen. leader chief deputy adviser
    advisor counterpart fm mp lawmaker diplomat negotiator sen. sen rep. imam vp v.p. pres. pres
    آقای دکتر سید الله وزیر خارجه جمهور جمهوری اول سخنگوی مجلس سفیر رئیس معاون آیت حجت الاسلام
    """.split()
)

# Words before a name that are not a first name even though they are capitalised.
NOT_GIVEN_NAMES: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """
    iran iranian iran's us u.s. usa american america's america oman omani oman's tehran washington
    muscat israel israeli europe european western gulf arab persian islamic supreme revolutionary
    when while as but and if after before then how why what who will did does has had is was
    parliament parliamentary ministry council guards agency assembly majlis house department
    court revolution republic affairs office embassy mission committee commission media news
    irna isna tasnim fars mehr press tv broadcasting reuters ap afp bbc cnn times post journal
    """.split()
)

# A role that starts with one of these names its own country ("Omani counterpart"), so a
# capitalised word before it is no foreign qualifier ("Araghchi's Omani counterpart").
ROLE_COUNTRY_WORDS: frozenset[str] = frozenset(
    normalize_key(w) for w in "iran iranian us u.s. usa american america oman omani tehran washington".split()
)

# Role modifiers: the role is not held now, or it is a different office.
ROLE_BLOCKERS_BEFORE: frozenset[str] = frozenset(
    normalize_key(w)
    for w in "former ex late vice deputy previous erstwhile onetime one-time assistant acting first second "
    "third founding next future معاون مرحوم نایب".split()
)
ROLE_BLOCKERS_AFTER: frozenset[str] = frozenset(
    normalize_key(w) for w in "سابق پیشین اسبق وقت منتخب فقید مرحوم شهید قبلی آینده elect designate emeritus".split()
)

# Persian determiners before a surname that make it a common noun ("یک قالیباف", a weaver).
PERSIAN_DETERMINERS: frozenset[str] = frozenset(normalize_key(w) for w in "یک این آن هر چند همان همین".split())

# Persian plural nouns of people before a surname that is also a trade ("زنان قالیباف", women
# carpet weavers): the surname is the trade, told of them.
PERSIAN_PEOPLE_NOUNS: frozenset[str] = frozenset(
    normalize_key(w) for w in "زنان مردان دختران پسران بانوان کارگران استادکاران هنرمندان صنعتگران روستاییان".split()
)

# Persian nouns before a surname that make it the name of a thing ("برج ترامپ", Trump Tower).
PERSIAN_NAMED_AFTER: frozenset[str] = frozenset(
    normalize_key(w) for w in "برج برجهای هتل هتلهای کازینو سازمان بنیاد دانشگاه شرکت باشگاه".split()
)
# Streets, squares and buildings named after a martyr: «کوچه شهید عراقچی» is an alley, and the
# martyr is not the tracked official (core.detect_people).
PERSIAN_MARTYR = normalize_key("شهید")
PERSIAN_NAMED_PLACES: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """کوچه کوی خیابان بلوار میدان بزرگراه اتوبان پل گذر بن بست بنبست محله شهرک مدرسه دبیرستان
    دبستان هنرستان بیمارستان ورزشگاه سالن پارک مسجد حسینیه کتابخانه ایستگاه پایگاه تیپ لشکر""".split()
)

# Capitalised nouns after a bare surname that make it the name of a thing, not the person:
# "Trump Tower", "the Trump Organization".
NAMED_AFTER: frozenset[str] = frozenset(
    """
    tower towers organization organisation org hotel hotels international media university
    foundation plaza golf casino casinos resort resorts winery estate estates airlines shuttle
    steaks vodka brand brands entertainment productions national steakhouse grill grille restaurant
    restaurants holdings enterprises ventures properties realty inc llc ltd corp
    """.split()
)

# The last word of a business named with a possessive surname ("Rubio's Coastal Grill").
BUSINESS_NOUNS: frozenset[str] = frozenset(
    """
    grill grille restaurant restaurants cafe café kitchen steakhouse bistro diner bakery pizza pizzeria tacos
    burgers coffee deli tavern pub bar winery vodka steaks hotel hotels casino resort resorts store stores
    shop shops boutique inc llc ltd corp holdings realty
    """.split()
)

# An envoy's title qualified by a region or country ("US special envoy for Ukraine") belongs
# to another envoy unless the region is the one the tracked envoy covers.
ENVOY_WORDS: frozenset[str] = frozenset(normalize_key(w) for w in "envoy envoys فرستاده نماینده".split())
ENVOY_OWN_REGIONS: frozenset[str] = frozenset(
    normalize_key(w) for w in "the middle east mideast west asia peace missions غرب آسیا خاورمیانه".split()
)

# Persian-script given names, Iranian and the foreign ones Persian coverage writes often.
# Before a bare surname ("مجتبی خامنه‌ای", "ملانیا ترامپ") one makes it somebody else
# unless it is the official's own; right after a role ("وزیر خارجه آمریکا، آنتونی بلینکن")
# it means the role is that other person's title.
PERSIAN_GIVEN_NAMES: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """
    علی محمد مجتبی مصطفی میثم هادی مسعود حسن حسین مهدی رضا جواد احمد محمود اکبر اصغر عباس
    ابراهیم اسماعیل اسحاق سعید مجید حمید حمیدرضا محمدرضا محمدجواد محمدباقر محمدعلی کمال کاظم
    ناصر عبدالله عبدالرضا امیرحسین عادل غلامعلی غلامحسین صادق یحیی یوسف داوود بهزاد فرهاد
    پرویز داریوش کامران منوچهر عارف بدر فهد فیصل هیثم قابوس
    دونالد ملانیا ایوانکا اریک لارا تیفانی بارون جرد باراک جان هیلاری آنتونی مایک
    مارکو استیو استیون کیت رابرت رابرتو تامی متیو کارولین پیت جیمز ولادیمیر سرگئی امانوئل
    بنیامین رافائل کاملا
    محسن امین خالد عمر سالم سعود سلیمان طلال حمد حمود زهرا فاطمه مریم زینب سارا معصومه طاهره اعظم فائزه یاسر یاسین امیر حمزه طارق هیثم شهاب
    سلطان فرزند پسر دختر همسر برادر خواهر
    """.split()
)

# Titles that cannot belong to a tracked official unless the official's own aliases use
# them: "Mrs Trump", "Sultan ... Al Busaidi", "خانم پزشکیان". Next to a bare surname one
# means somebody else of that name.
CONFLICTING_TITLES: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """
    mrs mrs. ms ms. miss madam madame lady sultan prince princess queen king emir sheikha sayyida
    sayyidah son daughter wife brother sister nephew niece cousin grandson
    خانم بانو سلطان شاهزاده ملکه پادشاه امیر
    """.split()
)

# Countries written right after a Persian role make it that country's office
# ("سخنگوی وزارت خارجه آمریکا" is the State Department's spokesperson).
PERSIAN_OTHER_COUNTRIES: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """
    آمریکا امریکا ایالات روسیه چین فرانسه انگلیس انگلستان بریتانیا آلمان ایتالیا اسپانیا عربستان
    قطر عراق ترکیه اسرائیل پاکستان افغانستان هند ژاپن کره سوریه لبنان مصر اردن کویت امارات
    بحرین عمان یمن آذربایجان ارمنستان اوکراین سوئیس اتریش نروژ سوئد کانادا استرالیا برزیل
    ونزوئلا الجزایر تونس لیبی اتحادیه
    """.split()
)

# Usual spellings of given names; multi-word aliases get every combination.
GIVEN_NAME_SPELLINGS: tuple[frozenset[str], ...] = tuple(
    frozenset(normalize_key(w) for w in group.split())
    for group in (
        "mohammad mohammed muhammad mohamed mohamad muhammed",
        "esmaeil esmail ismail esmaiel ismael",
        "bagher baqer baqir bagir",
        "javad jawad",
        "hamid hameed",
        "masoud masud massoud",
        "steve steven",
        "abbas abas",
    )
)

# Persian compounds written joined, spaced or with ZWNJ (a space after normalisation).
COMPOUND_SPELLINGS: tuple[tuple[str, ...], ...] = (
    tuple(normalize_key(w) for w in ("گفتگو", "گفت و گو", "گفت وگو", "گفتو گو", "گفتوگو")),
    tuple(normalize_key(w) for w in ("گفتگوی", "گفت و گوی", "گفت وگوی", "گفتو گوی", "گفتوگوی")),
    tuple(normalize_key(w) for w in ("گفتگویی", "گفت و گویی", "گفت وگویی", "گفتو گویی", "گفتوگویی")),
)


def is_common(key: str) -> bool:
    """True when every word of the normalised ``key`` is a common word."""
    words = key.split()
    return bool(words) and all(w in COMMON_WORDS for w in words)


# -- role heads and countries (core.detect_roles) ------------------------------------------

# Bare role heads and the office they name. A head resolves to a tracked official only when
# a country is found for it (its own qualifier, a coordinated role, the person it is the
# counterpart of, a delegation's or a possessor's country); the watchlist's own roles say
# which official holds (country, office). Plural forms share the singular's office.
_HEADS = {
    # «رئیس دولت» (head of the government) is Iran's president in Persian coverage
    "president": "president; presidents*; رئیس جمهور; رئیس جمهوری; روسای جمهور*; رؤسای جمهور*; رئیس دولت; رئیس قوه مجریه",
    "leader": (
        "leader; leaders*; supreme leader; top leader; رهبر; رهبران*; رهبر معظم; cleric in chief; top cleric; "
        # only with the country written beside them (core.detect_heads._EXPLICIT_ONLY)
        "highest authority; ultimate authority; final arbiter"
    ),
    "foreign minister": (
        "foreign minister; foreign ministers*; top diplomat; top diplomats*; chief diplomat; chief diplomats*; "
        "FM; FMs*; secretary of state; foreign policy chief; diplomatic chief; رئیس دستگاه دیپلماسی; سکاندار دستگاه دیپلماسی; "
        "foreign secretary; minister of foreign affairs; ministers of foreign affairs*; وزیر خارجه; "
        "وزیر امور خارجه; وزیران خارجه*; وزرای خارجه*; وزیران امور خارجه*; وزرای امور خارجه*"
    ),
    "envoy": "special envoy; special envoys*; envoy; envoys*; نماینده ویژه; فرستاده ویژه",
    "speaker": (
        "parliament speaker; parliamentary speaker; speaker of parliament; parliament's speaker; "
        "speaker of the parliament; speaker of the majlis; majlis speaker; رئیس مجلس; "
        # the head of the legislative branch, as Persian writes it beside the other two heads
        "رئیس قوه مقننه; رئیس خانه ملت; head of the legislature; head of the legislative branch; head of parliament; "
        "head of the parliament; parliament chief; speaker of its parliament; speaker of their parliament; "
        "top legislator; top lawmaker; parliamentary chief"
    ),
    "spokesperson": (
        "foreign ministry spokesman; foreign ministry spokeswoman; foreign ministry spokesperson; "
        "state department spokesman; state department spokeswoman; state department spokesperson; "
        "سخنگوی وزارت خارجه; سخنگوی وزارت امور خارجه; "
        # the office told through its ministry ("the foreign ministry's spokesman"); a bare
        # "the ministry's spokesman" only where the article has named a foreign ministry's office
        "foreign ministry's spokesman; foreign ministry's spokeswoman; foreign ministry's spokesperson; "
        "spokesman for the foreign ministry; spokeswoman for the foreign ministry; "
        "spokesperson for the foreign ministry; ministry's spokesman; ministry's spokeswoman; "
        "ministry's spokesperson; ministry spokesman; ministry spokeswoman; ministry spokesperson"
    ),
    # a bare "negotiator" only with its country written with it or a possessor ("the American
    # side's negotiator", "his negotiator"): a side has several (core.detect_heads)
    "negotiator": (
        "chief negotiator; top negotiator; lead negotiator; مذاکره کننده ارشد; negotiator; negotiators*; "
        "chief nuclear negotiator; top nuclear negotiator; lead nuclear negotiator; "
        "man at the table"
    ),
    # the head of a side's delegation at talks is its negotiator, with the country written and
    # talks named in the passage (core.detect_heads)
    "delegation head": (
        "delegation head; delegation chief; head of delegation; رئیس هیئت; رئیس هیات; سرپرست هیئت; سرپرست هیات; "
        "رئیس تیم مذاکره کننده; رئیس هیئت مذاکره کننده; "
        # the heads of both sides' delegations: each side's (the countries written after them)
        "رؤسای هیئت های*; روسای هیئت های*; رؤسای هیات های*; روسای هیات های*; رؤسای هیئت*; روسای هیئت*; "
        "رئیسان هیئت های*; heads of delegation*; delegation heads*; heads of the delegations*; "
        "heads of the delegations of*"
    ),
    # a political deputy is the foreign minister's: "his deputy for political affairs" after him
    "political deputy foreign minister": (
        "deputy foreign minister for political affairs; political deputy foreign minister; "
        "deputy for political affairs; political deputy; معاون سیاسی خود; معاون سیاسی اش; معاون سیاسیش"
    ),
    # "his boss" after a minister or an envoy: the president he serves (core.detect_heads)
    "boss": "boss",
    # "his spokesman" after a foreign minister: his ministry's spokesperson (core.detect_heads)
    "minister's spokesperson": "spokesman; spokeswoman; spokesperson",
    # a bare "the speaker" where its sentence or the one before names a country's parliament
    "parliament's speaker": "speaker",
    # "the council's head": the head of the body a watchlist role names, named before (core.detect_heads)
    "council head": (
        "council's head; council's chairman; council's chair; council's chief; head of the council; "
        "chairman of the council; chair of the council"
    ),
    # Iran's commander-in-chief is the Leader, another country's its president (core.detect_heads)
    "commander in chief": "commander in chief",
    # the heads of Iran's three branches together: the president, the speaker, the judiciary
    # chief (Persian coverage: Iran's; English needs the country written with it)
    "heads of the branches": (
        "روسای قوا*; روسای قوای سه گانه*; روسای سه قوه*; سران قوا*; سران سه قوه*; سران قوای سه گانه*; "
        "heads of the three branches*; heads of the three branches of government*; "
        "heads of the three branches of power*; heads of the branches of power*"
    ),
    # an interlocutor is the counterpart across the talks (core.detect_heads)
    "counterpart": (
        "counterpart; counterparts*; همتای; همتایان*; host; hosts*; opposite number; opposite numbers*; "
        "interlocutor; interlocutors*"
    ),
    # the president's deputy: after "his" only when "his" is a president (core.detect_heads)
    "first vice president": (
        "first vice president; first vice-president; first deputy; first vice presidents*; first vp; معاون اول; معاون اولش; معاون اول اش; معاون اول خود"
    ),
}
# An office's words written in other words: every role phrase and head is also matched with one
# member of a group in place of another ("spokesman for Iran's diplomatic apparatus" is the
# foreign ministry's; «سخنگوی دستگاه سیاست خارجی»; «وزیرخارجه» written joined).
OFFICE_SYNONYMS: tuple[tuple[str, ...], ...] = tuple(
    tuple(normalize_key(w) for w in group.split(";"))
    for group in (
        "foreign ministry;diplomatic apparatus;foreign policy apparatus;diplomatic service",
        "spokesman for;spokesman of",
        "spokeswoman for;spokeswoman of",
        "spokesperson for;spokesperson of",
        "وزارت امور خارجه;وزارت خارجه;دستگاه دیپلماسی;دستگاه سیاست خارجی;دستگاه سیاست خارجه",
        "وزیر خارجه;وزیرخارجه",
        "وزیر امور خارجه;وزیرامورخارجه",
        "رئیس شورای;ریاست شورای",
    )
)


def office_variants(key: str) -> set[str]:
    """The normalised role phrase or head ``key`` with one office word written in other words
    (``OFFICE_SYNONYMS``), the key itself not included."""
    out = set()
    padded = f" {key} "
    for group in OFFICE_SYNONYMS:
        for member in group:
            if f" {member} " in padded:
                out.update(padded.replace(f" {member} ", f" {other} ").strip() for other in group if other != member)
    out.discard(key)
    return out


# Words for a decade of age: a description that starts with one also matches an age in that
# decade written as "86-year-old" ("octogenarian cleric": "the 86-year-old cleric").
AGE_DECADES: dict[str, int] = {"septuagenarian": 70, "octogenarian": 80, "nonagenarian": 90}
_AGE_WORDS = "year old"


def age_variants(key: str) -> set[str]:
    """"octogenarian cleric" -> {"year old cleric"}; the age before it is checked per hit."""
    first, _, rest = key.partition(" ")
    return {f"{_AGE_WORDS} {rest}"} if first in AGE_DECADES and rest else set()


def age_decade(description: str) -> int | None:
    """The first age of the decade a description's first word names, or None."""
    return AGE_DECADES.get(normalize_key(description).partition(" ")[0])


# head key -> (office, plural); a "*" above marks a plural.
ROLE_HEADS: dict[str, tuple[str, bool]] = {
    normalize_key(phrase.strip().rstrip("*")): (office, phrase.strip().endswith("*"))
    for office, phrases in _HEADS.items()
    for phrase in phrases.split(";")
}
ROLE_HEADS.update({v: found for key, found in list(ROLE_HEADS.items()) for v in office_variants(key) if v not in ROLE_HEADS})
# "the head of the Iranian delegation": a side's delegation head with its country inside the
# phrase, for the sides' own words (the country is read from the head, core.detect_heads)
_SIDE_WORDS = ("iranian", "american", "us", "u.s.")
ROLE_HEADS.update(
    {
        f"{lead} of the {side} {body}": ("delegation head", False)
        for lead in ("head", "chief", "leader")
        for side in _SIDE_WORDS
        for body in ("delegation", "negotiating team", "team of negotiators")
    }
)
# "the heads of the Iranian and American delegations": each side's (plural)
ROLE_HEADS.update(
    {
        f"{lead} of the {a} and {b} {body}": ("delegation head", True)
        for lead in ("heads", "chiefs", "leaders")
        for a in _SIDE_WORDS
        for b in _SIDE_WORDS
        if a != b
        for body in ("delegations", "negotiating teams")
    }
)

# Heads that are titles of one country's office: a bare "the secretary of state" is the US one.
HEAD_COUNTRY: dict[str, str] = {
    normalize_key(w): "us"
    for w in ("secretary of state", "state department spokesman", "state department spokeswoman",
              "state department spokesperson")
}

# An office told by the verb of holding it: "the former mayor who now presides over the Majlis" is
# its speaker, "the man who runs Iran's foreign ministry" its minister (a body's own possessive,
# "heads Iran's parliament's committee", is another office: core.detect_heads).
_HELD_BODIES = (
    ("iran", "speaker", "iran's parliament; the iranian parliament; the majlis; iran's majlis; the islamic consultative assembly"),
    ("iran", "foreign minister", "iran's foreign ministry; the iranian foreign ministry; iran's diplomacy"),
    ("us", "foreign minister", "the state department"),
)
_HELD = {
    normalize_key(f"{verb} {body.strip()}"): (country, office)
    for country, office, bodies in _HELD_BODIES
    for verb in ("heads", "leads", "chairs", "runs", "presides over", "directs")
    for body in bodies.split(";")
}
# Persian: the office's seat told as held now («که اکنون ریاست قوه مقننه را بر عهده دارد», «سکان دستگاه
# دیپلماسی را در دست دارد»); not what was held («... را بر عهده داشت»).
_HELD_BODIES_FA = (
    ("iran", "speaker", "مجلس; مجلس شورای اسلامی; قوه مقننه; پارلمان; بهارستان"),
    ("iran", "foreign minister", "وزارت خارجه; وزارت امور خارجه; دستگاه دیپلماسی; دیپلماسی کشور"),
    ("iran", "president", "دولت; قوه مجریه"),
)
_HELD.update(
    {
        normalize_key(f"{seat} {body.strip()} را {verb}"): (country, office)
        for country, office, bodies in _HELD_BODIES_FA
        for seat, verbs in (("ریاست", ("بر عهده دارد", "به عهده دارد")), ("سکان", ("در دست دارد", "به دست دارد")))
        for verb in verbs
        for body in bodies.split(";")
    }
)
# English: "the former health minister who now leads Iran's government" is its president.
_HELD.update(
    {
        normalize_key(f"{verb} {body}"): ("iran", "president")
        for verb in ("heads", "leads", "runs")
        for body in ("iran's government", "the iranian government")
    }
)
ROLE_HEADS.update({key: (office, False) for key, (_, office) in _HELD.items() if key not in ROLE_HEADS})
HEAD_COUNTRY.update({key: country for key, (country, _) in _HELD.items() if key not in HEAD_COUNTRY})

# Descriptors right before a bare head that say whose office it is by the current holder's
# party ("the Republican president", "the GOP senator's envoy"): the party of the US holders
# the default watchlist tracks. A party the holders do not belong to ("the Democratic
# president") is a past holder's and names nobody.
HOLDER_DESCRIPTORS: dict[str, str] = {"republican": "us", "gop": "us"}

# Acts of the current holder of (country, office) told in a relative clause right after a bare
# head ("the president who tore up the deal in 2018", «رئیس‌جمهوری که از برجام خارج شد»): the
# clause says whose office it is. Only acts of the holder himself: "the president who signed the
# accord" was another man and names nobody.
HOLDER_ACTS: tuple[tuple[str, str, re.Pattern], ...] = (
    (
        "us",
        "president",
        re.compile(
            r"[ \t]*,?[ \t]*(?:who|that)\b[^.;:!?\n]{0,80}?\b(?:"
            r"(?:tore|torn|tear|tears|ripped|rips|rip)[ \t]+(?:it|up|the[ \t]+(?:\w+[ \t]+){0,2}(?:deal|accord|agreement))"
            r"|(?:withdrew|withdrawn|pulled|quit|exited|abandoned|scrapped|ditched|walked[ \t]+away|reneged)"
            r"\b[^.;:!?\n]{0,40}?\b(?:deal|accord|agreement|jcpoa|it|2018)\b"
            r"|(?:reimposed|re-imposed|restored|launched|revived)[ \t]+(?:the[ \t]+)?(?:maximum|max)[ \t]+pressure)"
            r"|[ \t\u200c]*که[^.؛!؟\n]{0,60}?(?:برجام|توافق[ \t\u200c]+هسته[ \t\u200c]*ای|توافق[ \t\u200c]+سال[ \t\u200c]+\S+)"
            r"[^.؛!؟\n]{0,20}?(?:را[ \t\u200c]+پاره|خارج[ \t\u200c]*(?:شد|کرد)|بیرون[ \t\u200c]*(?:رفت|آمد|کشید))",
            re.IGNORECASE,
        ),
    ),
)

# Words that name a country, as adjective, noun or capital, each to one country key.
# Tracked countries and the others coverage names beside them (so "Qatar's foreign
# minister" is known to be somebody else's).
_COUNTRIES = {
    "iran": "iran iranian iranians tehran islamic-republic ایران ایرانی تهران کشورمان جمهوری-اسلامی",
    "us": (
        "us u.s. u.s usa u.s.a. america american americans washington united-states white-house "
        "آمریکا امریکا آمریکایی امریکایی واشنگتن ایالات-متحده کاخ-سفید"
    ),
    "oman": "oman omani omanis muscat sultanate haitham عمان عمانی مسقط",
    "qatar": "qatar qatari doha قطر قطری دوحه",
    "saudi": "saudi saudi-arabia riyadh عربستان سعودی ریاض",
    "uae": "uae emirati emirates abu-dhabi امارات اماراتی ابوظبی",
    "iraq": "iraq iraqi baghdad عراق عراقی بغداد",
    "turkey": "turkey turkish türkiye ankara ترکیه آنکارا",
    "egypt": "egypt egyptian cairo مصر مصری قاهره",
    "russia": "russia russian moscow kremlin putin روسیه روس مسکو کرملین پوتین",
    "china": "china chinese beijing چین چینی پکن",
    "france": "france french paris فرانسه فرانسوی",
    "uk": "uk u.k. britain british london بریتانیا بریتانیایی انگلیس انگلستان",
    "germany": "germany german berlin آلمان آلمانی",
    "italy": "italy italian rome ایتالیا",
    "israel": "israel israeli israelis اسرائیل رژیم-صهیونیستی",
    "pakistan": "pakistan pakistani islamabad پاکستان",
    "india": "india indian هند هندی",
    "japan": "japan japanese fukushima ژاپن فوکوشیما",
    "kuwait": "kuwait kuwaiti کویت",
    "bahrain": "bahrain bahraini بحرین",
    "jordan": "jordan jordanian اردن",
    "syria": "syria syrian damascus سوریه",
    "lebanon": "lebanon lebanese beirut لبنان",
    "eu": "eu european brussels اروپا اروپایی",
    "norway": "norway norwegian نروژ",
    "switzerland": "switzerland swiss سوئیس",
    "ukraine": "ukraine ukrainian kyiv zelensky zaporizhzhia zaporizhia energodar chernobyl اوکراین کییف زاپوریژیا",
    "azerbaijan": "azerbaijan azerbaijani baku آذربایجان باکو",
    "armenia": "armenia armenian yerevan ارمنستان ایروان",
    "afghanistan": "afghanistan afghan کابل افغانستان",
    "yemen": "yemen yemeni houthi houthis sanaa یمن حوثی حوثیها صنعا",
    "sudan": "sudan sudanese darfur khartoum سودان دارفور خارطوم",
    "venezuela": "venezuela venezuelan caracas maduro ونزوئلا ونزوئلایی کاراکاس مادورو",
    "cuba": "cuba cuban کوبا کوبایی",
    "belarus": "belarus belarusian بلاروس",
    "kyrgyzstan": "kyrgyzstan قرقیزستان",
    "myanmar": "myanmar burma میانمار",
    "korea": "korea korean کره",
    "spain": "spain spanish اسپانیا",
    "canada": "canada canadian کانادا",
    "australia": "australia australian استرالیا",
    "iraq-kurdistan": "kurdistan",
    # more countries coverage names as parties of their own talks, deals and sanctions
    "nicaragua": "nicaragua nicaraguan نیکاراگوئه",
    "kazakhstan": "kazakhstan kazakh astana قزاقستان",
    "uzbekistan": "uzbekistan uzbek ازبکستان",
    "turkmenistan": "turkmenistan turkmen ترکمنستان",
    "tajikistan": "tajikistan tajik تاجیکستان",
    "libya": "libya libyan لیبی",
    "algeria": "algeria algerian الجزایر",
    "morocco": "morocco moroccan مراکش",
    "somalia": "somalia somali سومالی",
    "ethiopia": "ethiopia ethiopian اتیوپی",
    "brazil": "brazil brazilian برزیل",
    "mexico": "mexico mexican مکزیک",
    "colombia": "colombia colombian کلمبیا",
    "indonesia": "indonesia indonesian اندونزی",
    "malaysia": "malaysia malaysian مالزی",
    "serbia": "serbia serbian صربستان",
    "poland": "poland لهستان",
    "sweden": "sweden swedish سوئد",
    # (session 23) parties of other talks that coverage names beside a mediator: Gaza's (a Gulf
    # premier on a Gaza truce), Belgium's (a prisoner swap Oman brokered), the Gulf states' bloc
    "palestine": "palestine palestinian palestinians gaza hamas فلسطین فلسطینی غزه حماس",
    "belgium": "belgium belgian belgians بلژیک بلژیکی",
    "gcc": "gcc cooperation-council شورای-همکاری",
}
COUNTRY_WORDS: dict[str, str] = {
    normalize_key(w.replace("-", " ")): country for country, words in _COUNTRIES.items() for w in words.split()
}

# Words that tell which country an English article is about, beyond country names:
# institutions and places that belong to one country. (key -> (country, weight)).
HOME_CUES: dict[str, tuple[str, float]] = {
    normalize_key(w): (country, weight)
    for country, weight, words in (
        ("us", 1.5, "senate;congress;white house;air force one;oval office;pentagon;republicans;democrats;"
         "vance;state department;capitol hill;house speaker;the treasury;senators;senator;congressional;"
         "the administration"),
        ("iran", 1.5, "majlis;guardian council;irgc;revolutionary guards;assembly of experts;qom;"
         "presidential office in tehran;expediency council"),
    )
    for w in words.split(";")
}

# Iran's governments are numbered: the current president heads the fourteenth («دولت چهاردهم»).
# A head of another government, of "the previous government", of a past president's («دولت حسن
# روحانی») or of a foreign leader's («دولت نخست ترامپ») is not the current Iranian holder.
CURRENT_PERSIAN_GOVERNMENT = normalize_key("چهاردهم")
PAST_GOVERNMENT_WORDS: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """اول دوم سوم چهارم پنجم ششم هفتم هشتم نهم دهم یازدهم دوازدهم سیزدهم قبل قبلی پیشین سابق گذشته
    نخست روحانی رئیسی احمدی خاتمی ترامپ بایدن اوباما بوش اصلاحات سازندگی تدبیر""".split()
)

# Words after a Persian head that make it another office ("رئیس مجلس خبرگان" is the head of
# the Assembly of Experts, "رئیس مجلس نمایندگان" a foreign lower house).
PERSIAN_HEAD_CONTINUATIONS: frozenset[str] = frozenset(
    normalize_key(w)
    for w in """
    خبرگان نمایندگان سنا اعلا اعلای ملی دوما عوام اعیان کنست سازمان کمیسیون کمیته دانشگاه بانک هیئت
    فدراسیون باشگاه اتاق منتخب شرکت حزب جبهه اتحادیه دیوان قوه ستاد بنیاد شورای کانون انجمن
    """.split()
)

# Places inside a tracked country that coverage names instead of the country ("strikes hit
# Natanz and Isfahan"), and names that only Iran's programme has (the JCPOA, the UN
# "snapback" of its sanctions): for the "@foreign only" rule, an article that names one of
# these is about a tracked country even when the only countries it names are others (the E3).
TRACKED_PLACES: dict[str, str] = {
    normalize_key(w.replace("_", " ")): "iran"
    for w in "natanz fordow fordo isfahan esfahan bushehr arak qom mashhad tabriz shiraz "
    "jcpoa snapback snap-back snap_back joint_comprehensive_plan_of_action 2015_nuclear_deal irgc quds_force "
    "revolutionary_guards revolutionary_guard سپاه سپاه_پاسداران نیروی_قدس سازوکار_ماشه "
    "2015_nuclear_agreement 2015_nuclear_accord "
    "نطنز فردو اصفهان بوشهر اراک قم مشهد تبریز شیراز برجام مکانیسم_ماشه مکانیزم_ماشه اسنپ_بک".split()
}
