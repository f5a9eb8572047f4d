"""Summaries: the article's own best sentences, never furniture, never over the limit."""

import re

import pytest

from core.boilerplate import is_boilerplate
from core.model import Mention
from core.sentences import split_sentences
from core.summary import cut_at_word, summarize

MUSCAT_TITLE = "Araghchi and Witkoff hold second round of talks in Muscat"
MUSCAT = """araghchi-and-witkoff-hold-second-round-of-talks-in-muscat
By LAILA M. HOSSEINI
Updated: APRIL 12, 2025 18:40
4 min read
Foreign Minister Abbas Araghchi is welcomed at Muscat airport. (photo credit: OMAN NEWS AGENCY/HANDOUT)
Foreign Minister Abbas Araghchi is welcomed at Muscat airport.
(photo credit: OMAN NEWS AGENCY/HANDOUT)

Iranian and U.S. negotiators held a second round of indirect talks in Muscat on Saturday, with Oman's foreign minister carrying messages between the two rooms.

The U.S. delegation was led by special envoy Steve Witkoff, while Dr. J. R. Harlan of the State Department joined as a technical adviser.

Stay informed with the latest headlines!

Sign up for our Middle East Daily newsletter

Officials on both sides described the atmosphere as constructive, though neither gave details of the proposals exchanged.

"We agreed to continue at the expert level next week, and the next round will again be hosted by Oman," Araghchi told state television after the session.

Analysts in Tehran said the decision to meet again so soon suggested both sides saw room for a framework deal.

"*" indicates required fields
This field is for validation purposes and should be left unchanged.
By subscribing you agree to our Privacy Policy

The views represented herein are the writer's own and do not necessarily reflect those of the institute.

Laila Hosseini
Senior Fellow
Witkoff's Gulf Tour: What Comes Next
An earlier edition of this review looked at Witkoff's travels in the region and the talks he held there.
"""

IAEA_TITLE = "Araghchi dismisses IAEA report as politically motivated"
IAEA = """Updated: APRIL 12, 2025 21:05
By Tom Reyes
The Vienna headquarters of the agency. (REUTERS/Staff Photographer)

Foreign Minister Abbas Araghchi on Saturday rejected a new report by the International Atomic Energy Agency as politically motivated.

The confidential quarterly report, seen by news agencies, said Iran had further expanded its stockpile of uranium enriched to 60 percent.

Subscribe to the Gulf Ledger Newsletter

"The agency should not become a tool for pressure on the eve of negotiations," Araghchi wrote on social media. He added that Iran remained committed to its safeguards obligations.

Related articles
Oman hosts new round of Iran-US talks
Witkoff lands in Muscat
"""

FRENCH_TITLE = "Téhéran et Washington reprennent le dialogue à Mascate"
FRENCH = """Par Claire Dubois
Mis à jour le 12 avril 2025 à 19h02
Lecture : 3 min
Les délégations iranienne et américaine se sont retrouvées samedi à Mascate pour un deuxième cycle de discussions indirectes.
Le ministre omanais des Affaires étrangères a fait la navette entre les deux salles pendant près de quatre heures.
Vous devez souscrire à un abonnement Courrier du Golfe pour avoir accès au contenu - Prendre votre abonnement
Lire aussi : Les négociations reprennent à Oman
"""

PERSIAN_TITLE = "دور دوم مذاکرات ایران و آمریکا در مسقط برگزار شد"
PERSIAN = """نویسنده: مریم احمدی
به‌روزرسانی: ۲۳ فروردین ۱۴۰۴
عکس: خبرگزاری ایسنا
دور دوم مذاکرات غیرمستقیم ایران و آمریکا روز شنبه با میانجی‌گری عمان در مسقط برگزار شد.
عراقچی پس از پایان نشست گفت: «توافق کردیم که گفت‌وگوها در سطح کارشناسی هفته آینده ادامه یابد.»
برای مطالعه ادامه این گزارش مشترك شويد
مطالب مرتبط
"""

FURNITURE_MARKERS = [
    "photo credit",
    "newsletter",
    "Updated",
    "min read",
    "required fields",
    "validation",
    "Privacy",
    "views represented",
    "Senior Fellow",
    "By LAILA",
    "REUTERS",
    "Related",
    "abonnement",
    "Lire aussi",
    "Par Claire",
    "Lecture",
    "مشترک",
    "مشترك",
    "نویسنده",
    "عکس",
    "headlines",
    "Gulf Tour",
    "araghchi-and",
]

ARTICLES = [
    pytest.param(MUSCAT_TITLE, MUSCAT, id="english-muscat"),
    pytest.param(IAEA_TITLE, IAEA, id="english-iaea"),
    pytest.param(FRENCH_TITLE, FRENCH, id="french"),
    pytest.param(PERSIAN_TITLE, PERSIAN, id="persian"),
]


def mentions_for(
    title: str, text: str, names: dict[str, tuple[str, str]]
) -> list[Mention]:
    """Mentions as the detector reports them: offsets into title + blank line + text."""
    scanned = f"{title}\n\n{text}"
    out = []
    for alias, (name, kind) in names.items():
        for m in re.finditer(re.escape(alias), scanned):
            out.append(
                Mention(name, kind, alias, m.start(), m.end(), "", "alias", alias)
            )
    return out


TRACKED = {
    "Araghchi": ("Abbas Araghchi", "official"),
    "عراقچی": ("Abbas Araghchi", "official"),
    "Witkoff": ("Steve Witkoff", "official"),
    "IAEA": ("IAEA", "topic"),
    "Muscat": ("Oman talks", "topic"),
}


def sentences_of(summary: str, text: str) -> list[str]:
    """Split a summary back into the article sentences it was built from."""
    found = [
        s.text for s in split_sentences(text) if s.text.lstrip("•").strip() in summary
    ]
    return found


@pytest.mark.parametrize(("title", "text"), ARTICLES)
@pytest.mark.parametrize("with_mentions", [False, True])
def test_summary_is_clean_short_ordered_and_extractive(title, text, with_mentions):
    mentions = mentions_for(title, text, TRACKED) if with_mentions else []
    summary = summarize(title, text, mentions)

    assert 0 < len(summary) <= 500
    for marker in FURNITURE_MARKERS:
        assert marker not in summary
    assert title not in summary
    parts = sentences_of(summary, text)
    assert 2 <= len(parts) <= 3
    assert " ".join(parts) == summary  # whole sentences, original order, nothing else
    assert not any(is_boilerplate(p) for p in parts)


def test_lead_comes_first_and_abbreviations_do_not_split():
    summary = summarize(MUSCAT_TITLE, MUSCAT)
    assert summary.startswith("Iranian and U.S. negotiators held a second round")
    assert (
        "The U.S. delegation was led by special envoy Steve Witkoff, while Dr. J. R. Harlan "
        "of the State Department joined as a technical adviser." in summary
    )


def test_quote_of_tracked_official_is_preferred():
    without = summarize(MUSCAT_TITLE, MUSCAT)
    with_mentions = summarize(
        MUSCAT_TITLE, MUSCAT, mentions_for(MUSCAT_TITLE, MUSCAT, TRACKED)
    )
    quote = '"We agreed to continue at the expert level next week'
    assert quote not in without
    assert quote in with_mentions
    assert with_mentions.startswith("Iranian and U.S. negotiators")


def test_persian_quote_after_colon_stays_whole():
    summary = summarize(PERSIAN_TITLE, PERSIAN)
    assert "عراقچی پس از پایان نشست گفت: «توافق کردیم" in summary
    assert summary.endswith("ادامه یابد.»")


@pytest.mark.parametrize(
    ("max_chars", "max_sentences", "expected_count"),
    [(500, 3, 3), (500, 2, 2), (330, 3, 2), (200, 3, 1)],
)
def test_limits(max_chars, max_sentences, expected_count):
    summary = summarize(
        MUSCAT_TITLE, MUSCAT, max_chars=max_chars, max_sentences=max_sentences
    )
    assert len(summary) <= max_chars
    assert len(sentences_of(summary, MUSCAT)) == expected_count


def test_single_overlong_sentence_is_cut_at_a_word():
    text = (
        "Negotiators "
        + " ".join(f"discussed item{i} at length" for i in range(60))
        + "."
    )
    summary = summarize("Talks", text)
    assert len(summary) <= 500
    assert summary.endswith("…")
    assert text.startswith(summary[:-1])
    assert text[len(summary) - 1] == " "  # the cut fell between words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("Subscribe\n7 min read\nBy Tom Reyes\nRelated articles", ""),
        (
            "Oman said the next round of talks would take place in Muscat on Saturday.",
            "Oman said the next round of talks would take place in Muscat on Saturday.",
        ),
    ],
)
def test_short_or_empty_texts(text, expected):
    assert summarize("Oman talks", text) == expected


def test_title_repeated_in_body_is_skipped():
    text = f"{IAEA_TITLE}.\n" + IAEA
    assert IAEA_TITLE not in summarize(IAEA_TITLE, text)


def test_boilerplate_inside_a_flattened_paragraph_is_skipped():
    text = (
        "Iranian and U.S. negotiators met in Muscat on Saturday for a second round. "
        "Subscribe to the Gulf Ledger Newsletter for daily updates on the talks. "
        "Oman's foreign minister carried messages between the two delegations."
    )
    assert "Newsletter" not in summarize("Talks in Muscat", text)


def test_deterministic():
    mentions = mentions_for(IAEA_TITLE, IAEA, TRACKED)
    assert len({summarize(IAEA_TITLE, IAEA, mentions) for _ in range(5)}) == 1


def test_cut_at_word_leaves_short_text_alone():
    assert cut_at_word("Talks resume.", 50) == "Talks resume."
    assert cut_at_word("Talks resume in Muscat next week.", 20) == "Talks resume in…"
