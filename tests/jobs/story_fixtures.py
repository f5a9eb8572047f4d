"""Our own fixture articles: one event told by three outlets, and a different event
about the same people on the same day (which must stay a separate story)."""

from __future__ import annotations

from datetime import UTC, datetime

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

EVENT = [
    {
        "outlet": "Gulf Wire",
        "title": "Araghchi and Witkoff hold indirect talks in Muscat",
        "description": (
            "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held a new round of indirect "
            "talks in Muscat on Friday, with Omani Foreign Minister Badr Albusaidi carrying messages between "
            "the two delegations. \u201cThe atmosphere was constructive and we agreed to meet again next week,\u201d "
            "Araghchi told state television after the session. The talks focused on the sequencing of sanctions "
            "relief and limits on uranium enrichment, according to officials briefed on the meeting. "
            "Albusaidi said both sides had shown seriousness and that Oman would keep hosting the negotiations."
        ),
    },
    {
        "outlet": "Capital Ledger",
        "title": "Witkoff, Araghchi meet through Omani mediators in Muscat",
        "description": (
            "US special envoy Steve Witkoff and Iran's Foreign Minister Abbas Araghchi held indirect talks in "
            "Muscat on Friday, as Omani Foreign Minister Badr Albusaidi shuttled between the delegations. "
            "Araghchi described the atmosphere as constructive and said the two sides agreed to meet again "
            "next week. Officials said the round dealt with the order of sanctions relief and enrichment limits. "
            "Albusaidi said Oman would continue to host the negotiations between Tehran and Washington."
        ),
    },
    {
        "outlet": "Tehran Observer",
        "title": "Muscat round: Araghchi reports constructive indirect talks with Witkoff",
        "description": (
            "A new round of indirect talks between Foreign Minister Abbas Araghchi and US envoy Steve Witkoff "
            "took place in Muscat on Friday, mediated by Oman's Badr Albusaidi. Araghchi told state television "
            "the atmosphere was constructive and another meeting is planned for next week. The negotiations "
            "covered sanctions relief and limits on enrichment, officials said, and Albusaidi pledged that Oman "
            "would keep hosting the talks."
        ),
    },
]

OTHER_EVENT = {
    "outlet": "Gulf Wire",
    "title": "Araghchi rejects new US sanctions on oil tankers",
    "description": (
        "Foreign Minister Abbas Araghchi on Friday condemned new US Treasury sanctions on a network of oil "
        "tankers, calling them a violation of international law. The designations target eleven vessels and "
        "four shipping companies accused of moving Iranian crude to Asian buyers. \u201cThese sanctions will not "
        "change our policy,\u201d Araghchi said in a statement, adding that Iran would pursue legal remedies. "
        "Treasury officials said more designations could follow in the coming weeks."
    ),
}

SUBSCRIBE_PROMPT = "Sign up for our newsletter to get the top stories in your inbox every morning."


def item(article: dict, n: int, when: datetime = T0) -> dict:
    slug = article["outlet"].lower().replace(" ", "-")
    return {"title": article["title"], "link": f"https://{slug}.example/news/{n}", "guid": f"{slug}-{n}",
            "description": article["description"], "pubDate": when}

# The same round of talks in Persian, told as Araghchi's television interview after it and naming no weekday: on
# its own it cannot be tied to the wire report (whose lead names three negotiators and says first the round, not an
# interview), but BRIDGE, an English report built around Araghchi's words to state television, matches both, so the
# two stories merge when it arrives.
PERSIAN = {
    "outlet": "Tehran Persian",
    "title": "عراقچی: گفت‌وگوهای مسقط در فضایی سازنده برگزار شد",
    "description": (
        "عباس عراقچی وزیر امور خارجه پس از پایان گفت‌وگوهای غیرمستقیم در مسقط در مصاحبه با تلویزیون دولتی فضای "
        "نشست را سازنده خواند و گفت دو طرف توافق کردند هفته آینده دوباره دیدار کنند. به گفته او موضوع اصلی گفت‌وگوها "
        "ترتیب رفع تحریم‌ها و محدودیت‌های غنی‌سازی بود."
    ),
}
BRIDGE = {
    "outlet": "Capital Ledger",
    "title": "Araghchi calls Muscat talks constructive, says sides will meet again next week",
    "description": (
        "Iranian Foreign Minister Abbas Araghchi said the indirect talks in Muscat had been held in a "
        "constructive atmosphere and that the two sides agreed to meet again next week. \u201cThe atmosphere was "
        "constructive,\u201d Araghchi told state television after the session, adding that the talks focused on "
        "the sequencing of sanctions relief and limits on uranium enrichment. Omani Foreign Minister Badr "
        "Albusaidi carried messages between the delegations of Araghchi and US envoy Steve Witkoff."
    ),
}
