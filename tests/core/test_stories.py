"""Story clustering: rewrites of one event join; other events about the same people do not."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import combinations

import pytest

from core.stories import StoryCandidate, fingerprint, pick_story, same_story, similarity

T0 = datetime(2025, 4, 12, 15, 0, tzinfo=UTC)

MUSCAT_OFFICIALS = frozenset({"Abbas Araghchi", "Steve Witkoff", "Badr Albusaidi"})
MUSCAT_TOPICS = frozenset({"Oman talks", "Iran-US negotiations"})

# (key, outlet, hours after T0, officials, topics, title, text)
ARTICLES = {
    "muscat-wire": (
        "Wire",
        0,
        MUSCAT_OFFICIALS,
        MUSCAT_TOPICS,
        "Iran and US hold second round of talks in Oman",
        """Iranian and U.S. negotiators held a second round of indirect talks in Muscat on Saturday, with Omani Foreign Minister Badr Albusaidi shuttling between the two delegations.
Iran's Foreign Minister Abbas Araghchi led the Iranian side, while U.S. special envoy Steve Witkoff headed the American team. The talks lasted about four hours, Iranian state media reported.
Araghchi said the two sides agreed to continue at the expert level next week and that the next round would again be hosted by Oman.
The White House described the discussions as positive and constructive.
The talks are the highest-level contact between the two countries since Washington withdrew from the 2015 nuclear deal in 2018.""",
    ),
    "muscat-republished": (
        "Gulf Ledger",
        2,
        MUSCAT_OFFICIALS,
        MUSCAT_TOPICS,
        "Iran, US hold second round of talks in Oman",
        """By Staff Writer
Updated: APRIL 12, 2025 17:10
3 min read
Iranian and U.S. negotiators held a second round of indirect talks in Muscat on Saturday, with Omani Foreign Minister Badr Albusaidi shuttling between the two delegations.
Iran's Foreign Minister Abbas Araghchi led the Iranian side, while U.S. special envoy Steve Witkoff headed the American team. The talks lasted about four hours, Iranian state media reported.
Stay informed with the latest headlines!
Sign up for our Middle East Daily newsletter
Araghchi said the two sides agreed to continue at the expert level next week and that the next round would again be hosted by Oman.
The White House described the discussions as positive and constructive.
The talks are the highest-level contact between the two countries since Washington withdrew from the 2015 nuclear deal in 2018.
Related articles
Witkoff lands in Muscat""",
    ),
    "muscat-rewrite-1": (
        "Tehran Courier",
        1,
        MUSCAT_OFFICIALS,
        MUSCAT_TOPICS,
        "Araghchi, Witkoff wrap up Muscat round; experts to meet next week",
        """A second round of Oman-mediated negotiations between Tehran and Washington ended in Muscat on Saturday after nearly four hours, Iranian officials said.
Foreign Minister Abbas Araghchi told state television the delegations had agreed that technical experts would meet next week, with Oman again hosting the talks.
US envoy Steve Witkoff and Araghchi spoke briefly in person at the end of the session, according to Omani Foreign Minister Badr Albusaidi, who carried messages between the rooms.
A White House official called the talks "very positive and constructive".
President Donald Trump has warned of military action if diplomacy fails.""",
    ),
    "muscat-rewrite-2": (
        "Levant Daily",
        3,
        MUSCAT_OFFICIALS,
        MUSCAT_TOPICS | {"nuclear programme"},
        "Oman hosts second round of Iran-US nuclear talks",
        """Oman's Foreign Minister Badr Albusaidi hosted a second round of indirect talks between Iran and the United States in Muscat on Saturday.
The Iranian delegation, led by Foreign Minister Abbas Araghchi, and the American team under envoy Steve Witkoff sat in separate rooms as Omani officials passed messages between them.
Araghchi said afterwards that the talks had been held in a constructive atmosphere and that experts would begin work on a framework next week.
Albusaidi wrote on X that the sides had agreed to keep talking, and the next round will again take place in Oman.
Analysts said the speed of the follow-up meeting suggested both governments wanted to avoid a breakdown over Iran's nuclear programme.""",
    ),
    "iaea-1": (
        "Wire",
        5,
        frozenset({"Abbas Araghchi", "Rafael Grossi"}),
        frozenset({"IAEA", "nuclear programme", "Iran-US negotiations"}),
        "Araghchi dismisses IAEA report as politically motivated",
        """Iran's Foreign Minister Abbas Araghchi on Saturday rejected a new report by the International Atomic Energy Agency as politically motivated, hours after the second round of talks with the United States in Muscat.
The confidential quarterly report said Iran had further expanded its stockpile of uranium enriched to up to 60 percent purity.
"The agency should not become a tool of pressure on the eve of negotiations," Araghchi wrote on social media.
IAEA Director General Rafael Grossi has said inspectors need more access to Iranian sites.
Iran says its nuclear programme is entirely peaceful.""",
    ),
    "iaea-2": (
        "Tehran Courier",
        7,
        frozenset({"Abbas Araghchi", "Rafael Grossi"}),
        frozenset({"IAEA", "nuclear programme"}),
        "Iran hits back at UN nuclear watchdog report",
        """Tehran on Saturday rejected the latest report of the International Atomic Energy Agency, with Foreign Minister Abbas Araghchi calling it a political document.
The report found that Iran's stockpile of highly enriched uranium had grown sharply since February.
Araghchi said Iran remained committed to its safeguards obligations and warned that the report could poison the atmosphere of talks with Washington.
Agency chief Rafael Grossi is expected to brief the board of governors next month.""",
    ),
    "enrichment": (
        "Levant Daily",
        6,
        frozenset({"Steve Witkoff", "Abbas Araghchi"}),
        frozenset({"enrichment", "Iran-US negotiations"}),
        "Witkoff says US will insist Iran end enrichment",
        """U.S. special envoy Steve Witkoff said on Saturday that Washington would demand that Iran stop enriching uranium altogether as part of any agreement.
"An Iranian enrichment programme can never exist again," Witkoff told a U.S. television network, a tougher line than his remarks earlier in the week.
Araghchi responded in a post on X that enrichment was a right Iran would never give up and was not up for negotiation.
The comments came hours after the two men's delegations met in Oman.""",
    ),
    "muscat-persian": (
        "Tehran Persian",
        2,
        MUSCAT_OFFICIALS,
        MUSCAT_TOPICS,
        "دور دوم مذاکرات ایران و آمریکا در مسقط برگزار شد",
        """نویسنده: مریم احمدی
دور دوم مذاکرات غیرمستقیم ایران و آمریکا روز شنبه با میانجی‌گری بدر البوسعیدی وزیر خارجه عمان در مسقط برگزار شد.
عباس عراقچی پس از پایان نشست گفت که دو طرف توافق کردند گفت‌وگوها هفته آینده در سطح کارشناسی ادامه یابد.
برای مطالعه ادامه این گزارش مشترک شوید""",
    ),
}


@cache
def candidate(key: str, hours_later: float = 0) -> StoryCandidate:
    outlet, hours, officials, topics, title, text = ARTICLES[key]
    return StoryCandidate(
        fingerprint=fingerprint(f"{title}\n\n{text}"),
        published=T0 + timedelta(hours=hours + hours_later),
        officials=officials,
        topics=topics,
        title=title,
        outlet=outlet,
    )


def event(key: str) -> str:
    """The event an article reports. The Persian report of the Muscat round shares no
    words with the English ones, and shared officials and topics alone are not enough,
    so across languages it starts its own story."""
    if key == "muscat-persian":
        return "muscat-fa"
    return (
        "muscat"
        if key.startswith("muscat")
        else "iaea"
        if key.startswith("iaea")
        else key
    )


PAIRS = [
    pytest.param(a, b, event(a) == event(b), id=f"{a}~{b}")
    for a, b in combinations(ARTICLES, 2)
]


@pytest.mark.parametrize(("a", "b", "expected"), PAIRS)
def test_same_story_pairs(a, b, expected):
    ca, cb = candidate(a), candidate(b)
    assert same_story(ca, cb) is expected
    assert same_story(cb, ca) is expected  # symmetric


def test_republished_copy_is_a_near_duplicate():
    assert (
        similarity(
            candidate("muscat-wire").fingerprint,
            candidate("muscat-republished").fingerprint,
        )
        >= 0.9
    )


def test_fingerprint_ignores_furniture_and_is_stable():
    _, _, _, _, title, text = ARTICLES["iaea-1"]
    plain = fingerprint(f"{title}\n\n{text}")
    dressed = fingerprint(
        f"{title}\n\nBy Tom Reyes\n7 min read\n{text}\nSubscribe to the Gulf Ledger Newsletter"
    )
    assert plain == dressed
    assert -(2**63) <= plain < 2**63  # fits a signed BIGINT column


@pytest.mark.parametrize(
    ("fp_a", "fp_b", "expected"),
    [(0, 0, 1.0), (0, -1, 0.0), (0, 0xFF, 1 - 8 / 64), (-(2**63), 2**63 - 1, 0.0)],
)
def test_similarity(fp_a, fp_b, expected):
    assert similarity(fp_a, fp_b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("hours_later", "window", "expected"),
    [
        (47, timedelta(hours=48), True),
        (49, timedelta(hours=48), False),
        (30, timedelta(hours=24), False),
    ],
)
def test_time_window(hours_later, window, expected):
    assert (
        same_story(
            candidate("muscat-wire"),
            candidate("muscat-republished", hours_later - 2),
            window,
        )
        is expected
    )


def test_shared_officials_alone_do_not_join():
    wire = candidate("muscat-wire")
    other = replace(
        candidate("iaea-1"), officials=wire.officials, topics=frozenset({"IAEA"})
    )
    assert not same_story(wire, other)


def test_fairly_similar_text_alone_does_not_join():
    rewrite = replace(
        candidate("muscat-rewrite-1"), officials=frozenset(), topics=frozenset()
    )
    assert not same_story(candidate("muscat-wire"), rewrite)


EXISTING = [
    (1, candidate("muscat-wire")),
    (1, candidate("muscat-rewrite-1")),
    (2, candidate("iaea-1")),
    (3, candidate("enrichment")),
]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("muscat-rewrite-2", 1),
        ("muscat-republished", 1),
        ("iaea-2", 2),
        ("muscat-persian", None),
    ],
)
def test_pick_story(key, expected):
    assert pick_story(candidate(key), EXISTING) == expected
    assert pick_story(candidate(key), list(reversed(EXISTING))) == expected


def test_pick_story_without_stories():
    assert pick_story(candidate("iaea-1"), []) is None
