"""Our own fixture articles for story grouping: events told by several outlets in English
and Persian, and other events about the same people in the same days (which must stay
apart). T0 is Saturday 12 April 2025, 15:00 UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

T0 = datetime(2025, 4, 12, 15, 0, tzinfo=UTC)

# key: (event, outlet, hours after T0, title, text)
CASES: dict[str, tuple[str, str, float, str, str]] = {
    "muscat-wire": (
        "muscat", "Wire", 0,
        "Iran and US hold second round of talks in Oman",
        "Iranian and U.S. negotiators held a second round of indirect talks in Muscat on Saturday, with Omani "
        "Foreign Minister Badr Albusaidi shuttling between the two delegations.\nIran's Foreign Minister Abbas "
        "Araghchi led the Iranian side, while U.S. special envoy Steve Witkoff headed the American team. The talks "
        "lasted about four hours, Iranian state media reported.\nAraghchi said the two sides agreed to continue at "
        "the expert level next week and that the next round would again be hosted by Oman.",
    ),
    "muscat-republished": (
        "muscat", "Gulf Ledger", 2,
        "Iran, US hold second round of talks in Oman",
        "By Staff Writer\n3 min read\nIranian and U.S. negotiators held a second round of indirect talks in Muscat "
        "on Saturday, with Omani Foreign Minister Badr Albusaidi shuttling between the two delegations.\nIran's "
        "Foreign Minister Abbas Araghchi led the Iranian side, while U.S. special envoy Steve Witkoff headed the "
        "American team. The talks lasted about four hours, Iranian state media reported.\nSign up for our Middle "
        "East Daily newsletter\nAraghchi said the two sides agreed to continue at the expert level next week and "
        "that the next round would again be hosted by Oman.",
    ),
    "muscat-rewrite": (
        "muscat", "Tehran Courier", 1,
        "Araghchi, Witkoff wrap up second Muscat round; experts to meet next week",
        "A second round of Oman-mediated negotiations between Tehran and Washington ended in Muscat on Saturday "
        "after nearly four hours, Iranian officials said.\nForeign Minister Abbas Araghchi told state television "
        "the delegations had agreed that technical experts would meet next week, with Oman again hosting.\nUS "
        "envoy Steve Witkoff and Araghchi spoke briefly in person at the end of the session, according to Omani "
        "Foreign Minister Badr Albusaidi, who carried messages between the rooms.",
    ),
    "muscat-persian": (
        "muscat", "Tehran Persian", 2,
        "دور دوم مذاکرات ایران و آمریکا در مسقط برگزار شد",
        "دور دوم مذاکرات غیرمستقیم ایران و آمریکا روز شنبه با میانجی‌گری بدر البوسعیدی وزیر خارجه عمان در "
        "مسقط برگزار شد.\nعباس عراقچی و استیو ویتکاف هیئت‌های دو کشور را هدایت کردند و به گفته عراقچی دو طرف "
        "توافق کردند گفت‌وگوها هفته آینده در سطح کارشناسی ادامه یابد.",
    ),
    "visit-wire": (
        "visit", "Wire", 48,
        "Oman's foreign minister meets Pezeshkian in Tehran",
        "Omani Foreign Minister Badr Albusaidi met Iranian President Masoud Pezeshkian in Tehran on Monday, two "
        "days after hosting the second round of Iran-US talks in Muscat.\nPezeshkian thanked Oman for its "
        "mediation and said Iran wanted a fair agreement with Washington.",
    ),
    "visit-persian": (
        "visit", "Tehran Persian", 49,
        "دیدار وزیر خارجه عمان با پزشکیان در تهران",
        "بدر البوسعیدی وزیر خارجه عمان روز دوشنبه در تهران با مسعود پزشکیان رئیس جمهور دیدار کرد.\nپزشکیان "
        "از نقش عمان در مذاکرات قدردانی کرد و گفت ایران خواهان توافقی منصفانه است.",
    ),
    "report-wire": (
        "report", "Wire", 20,
        "IAEA report says Iran expanded enriched uranium stockpile",
        "A confidential quarterly report by the International Atomic Energy Agency said on Sunday that Iran had "
        "further expanded its stockpile of uranium enriched to 60 percent purity.\nThe report, seen by reporters, "
        "said inspectors still lacked access to several sites. IAEA chief Rafael Grossi urged more cooperation.",
    ),
    "report-levant": (
        "report", "Levant Daily", 22,
        "UN nuclear watchdog report: Iran's enriched uranium stockpile grows",
        "Iran's stockpile of highly enriched uranium has grown again, the International Atomic Energy Agency said "
        "in a confidential quarterly report on Sunday.\nThe report said inspectors had not regained access to "
        "several sites, and Rafael Grossi called on Tehran to cooperate fully.",
    ),
    "call-wire": (
        "call", "Wire", 44,
        "Araghchi and Grossi discuss IAEA report in phone call",
        "Iranian Foreign Minister Abbas Araghchi and IAEA Director General Rafael Grossi discussed the agency's "
        "latest report in a phone call on Monday.\nAraghchi told Grossi the report should not be used as a tool of "
        "pressure while talks with Washington continue.",
    ),
    "call-persian": (
        "call", "Tehran Persian", 45,
        "گفت‌وگوی تلفنی عراقچی و گروسی درباره گزارش آژانس",
        "عباس عراقچی وزیر امور خارجه روز دوشنبه در گفت‌وگوی تلفنی با رافائل گروسی مدیرکل آژانس بین‌المللی "
        "انرژی اتمی درباره گزارش تازه آژانس گفت‌وگو کرد.\nعراقچی گفت این گزارش نباید به ابزار فشار تبدیل شود.",
    ),
    "designation-wire": (
        "designation", "Wire", -6,
        "US Treasury sanctions tanker network over Iranian oil",
        "The U.S. Treasury on Saturday imposed sanctions on nine shipping companies and twelve tankers it accused "
        "of moving Iranian oil to buyers in Asia.\nThe Office of Foreign Assets Control said the network had "
        "earned hundreds of millions of dollars for Iran.",
    ),
    "designation-ledger": (
        "designation", "Gulf Ledger", -4,
        "Washington blacklists twelve tankers carrying Iranian crude",
        "The United States Treasury Department blacklisted twelve tankers and nine shipping firms on Saturday for "
        "carrying Iranian crude oil to Asian refineries.\nOFAC said more designations were likely.",
    ),
    "designation-persian": (
        "designation", "Tehran Persian", -3,
        "تحریم‌های جدید خزانه‌داری آمریکا علیه نفتکش‌ها",
        "وزارت خزانه‌داری آمریکا روز شنبه ۹ شرکت کشتیرانی و ۱۲ نفتکش را به اتهام انتقال نفت ایران تحریم کرد.\n"
        "دفتر کنترل دارایی‌های خارجی گفت تحریم‌های بیشتری در راه است.",
    ),
    "tanker-wire": (
        "tanker", "Wire", 14,
        "Tanker boarded by armed men off Emirati coast, maritime agency says",
        "Armed men boarded a commercial tanker in the Gulf of Oman early on Sunday and ordered it toward Iranian "
        "waters, a British maritime agency said, without saying who they were.\nTracking data showed the "
        "Panama-flagged tanker Silver Dawn turning north shortly afterwards, before its transponder went dark.",
    ),
    "tanker-persian": (
        "tanker", "Tehran Persian", 17,
        "توقیف نفتکش متخلف در دریای عمان توسط نیروی دریایی سپاه",
        "نیروی دریایی سپاه پاسداران بامداد امروز یکشنبه اعلام کرد نفتکش خارجی «سیلور داون» که با یک لنج "
        "صیادی برخورد کرده بود در دریای عمان توقیف شد.\nاین نفتکش برای طی مراحل قانونی به بندرعباس منتقل شد.",
    ),
    "tanker-call": (
        "tanker-call", "Wire", 20,
        "Araghchi, Albusaidi discuss seized tanker by phone",
        "Iranian Foreign Minister Abbas Araghchi spoke by phone on Sunday with Omani Foreign Minister Badr "
        "Albusaidi about the seizure of the tanker Silver Dawn in the Gulf of Oman.\nAlbusaidi urged the "
        "release of the crew, Oman's foreign ministry said.",
    ),
    "reaction-wire": (
        "reaction", "Wire", 18,
        "Iran condemns new US sanctions on tankers",
        "Iran's foreign ministry spokesman Esmaeil Baqaei on Sunday condemned the new sanctions imposed by the US "
        "Treasury on a tanker network, calling them a sign of bad faith.\nBaqaei said the measures contradicted "
        "Washington's claim to want diplomacy.",
    ),
}


def published(key: str) -> datetime:
    return T0 + timedelta(hours=CASES[key][2])
