"""Page furniture is recognised line by line, in English, French and Persian."""

import pytest

from core.boilerplate import boilerplate_kind, is_boilerplate, strip_boilerplate

FURNITURE = [
    # newsletter, subscription and paywall prompts
    ("Keep up with every twist of the talks!", False),
    ("Sign up for our Middle East Daily newsletter", True),
    ("Subscribe to the Gulf Ledger Newsletter", True),
    ("Stay informed with the latest headlines!", True),
    ("Consider subscribing to read the rest of this briefing.", True),
    ("Already a subscriber? Log in here.", True),
    ("You have reached your limit of free articles this month.", True),
    ("Subscribe", True),
    ("Abonnez-vous pour lire la suite de cet article.", True),
    (
        "Vous devez être abonné au Courrier du Golfe pour accéder au contenu - Prendre votre abonnement",
        True,
    ),
    ("Cet article est réservé aux abonnés.", True),
    ("برای مطالعه ادامه این گزارش مشترک شوید", True),
    ("برای مطالعه ادامه این گزارش مشترك شويد", True),  # Arabic kaf and yeh
    ("عضویت در خبرنامه روزانه", True),
    # form, privacy and cookie notices
    ('"*" marks required fields. Required fields are marked *', True),
    ("* indicates required fields", True),
    ("Leave this box empty; it is for validation purposes only.", True),
    ("By signing up, you agree to our Terms of Use and Privacy Policy.", True),
    ("We use cookies to improve your experience on our site.", True),
    ("Nous utilisons des cookies pour mesurer l'audience.", True),
    ("با ادامه استفاده از سایت، سیاست حفظ حریم خصوصی را می‌پذیرید", True),
    # captions and credits
    (
        "Omani Foreign Minister Badr Albusaidi greets a delegation in Muscat. (photo credit: OMAN NEWS AGENCY/HANDOUT)",
        True,
    ),
    ("(photo credit: GULF PRESS AGENCY)", True),
    (
        "Negotiators arrive at the palace in Muscat, Oman, April 12. (Omani Foreign Ministry via AP)",
        True,
    ),
    ("Smoke rises over the port, May 3. (REUTERS/Staff Photographer)", True),
    ("A handshake before the talks. (credit: Handout, Shutterstock)", True),
    ("Photo : AFP", True),
    ("عکس: خبرگزاری ایسنا", True),
    ("دیدار وزیران خارجه در مسقط (عکس از وزارت خارجه)", True),
    # bylines, dates, reading times
    ("By LAILA M. HOSSEINI", True),
    ("By Tom Reyes and Ana Kahn", True),
    ("Par Claire Dubois", True),
    ("نویسنده: مریم احمدی", True),
    ("Reporting by Parisa Khan; Editing by John Doe", True),
    ("Updated: APRIL 14, 2025 09:12", True),
    ("Published on March 2, 2025 at 10:45 GMT", True),
    ("Mis à jour le 14 avril 2025 à 09h12", True),
    ("به‌روزرسانی: ۱۴ فروردین ۱۴۰۴", True),
    ("Apr 29, 2025", True),
    ("7 min read", True),
    ("Lecture : 4 min", True),
    ("زمان مطالعه: ۶ دقیقه", True),
    # disclaimers, related lists, navigation, slugs
    (
        "The views represented herein are the writer's own and do not necessarily reflect those of the institute.",
        True,
    ),
    ("Les opinions exprimées dans cette tribune n'engagent que leur auteur.", True),
    ("مسئولیت محتوای این یادداشت بر عهده نویسنده است", True),
    ("Related articles", True),
    ("Read more: Witkoff lands in Muscat for second round", True),
    ("Lire aussi : Les négociations reprennent à Oman", True),
    ("مطالب مرتبط", True),
    ("View All", True),
    ("Topics: Iran; Oman; Sanctions; Nuclear talks", True),
    ("araghchi-lands-in-muscat-for-second-round-of-talks", True),
    ("© 2025 Gulf Ledger. All rights reserved.", True),
    # article prose that only looks close to furniture
    ("By contrast, hardliners in parliament rejected any talks.", False),
    ("By Tuesday, the envoys had agreed on a date for the next round.", False),
    (
        "Iran does not subscribe to the view that sanctions relief must come last, Araghchi said.",
        False,
    ),
    (
        "The U.S. envoy met Dr. Albusaidi in Muscat on Saturday (local time) before the talks.",
        False,
    ),
    (
        "Tehran published a statement on April 12, 2025, welcoming the Omani mediation.",
        False,
    ),
    (
        "Iran and the United States issued a joint statement, the first since 2018.",
        False,
    ),
    ("ایران و آمریکا بیانیه مشترک صادر کردند.", False),
    ("عراقچی گفت مذاکرات غیرمستقیم در مسقط ادامه خواهد داشت.", False),
    (
        "Les négociations entre Téhéran et Washington reprendront samedi à Mascate.",
        False,
    ),
    (
        "The IAEA report, published on Wednesday, said Iran had expanded enrichment.",
        False,
    ),
    ("Published in 2015, the deal capped enrichment at 3.67 percent.", False),
    ("Updated figures show exports fell 12 percent in March.", False),
]


@pytest.mark.parametrize(("line", "expected"), FURNITURE)
def test_is_boilerplate(line, expected):
    assert is_boilerplate(line) is expected, boilerplate_kind(line)


ARTICLE = """oman-hosts-new-round-of-iran-us-talks-in-muscat
Oman hosts new round of Iran-US talks

By LAILA M. HOSSEINI
Updated: APRIL 14, 2025 09:12
Foreign Minister Abbas Araghchi arrives in Muscat on Saturday. (photo credit: OMAN NEWS AGENCY/HANDOUT)
Foreign Minister Abbas Araghchi arrives in Muscat on Saturday.
(photo credit: OMAN NEWS AGENCY/HANDOUT)

Iranian and American negotiators held a second round of indirect talks in Muscat on Saturday.

Stay informed with the latest headlines!

Sign up for our Middle East Daily newsletter

Omani mediators shuttled between the two delegations for nearly four hours.

The views represented herein are the writer's own and do not necessarily reflect those of the institute.

Laila Hosseini
7 min read
Witkoff's Gulf Tour: What Comes Next
An earlier edition of this review looked at the envoy's travels.
"""


def test_strip_boilerplate_keeps_only_article_text():
    assert strip_boilerplate(ARTICLE) == (
        "Oman hosts new round of Iran-US talks\n\n"
        "Iranian and American negotiators held a second round of indirect talks in Muscat on Saturday.\n\n"
        "Omani mediators shuttled between the two delegations for nearly four hours."
    )


def test_repeated_paragraph_is_dropped_once():
    text = "Supreme Leader Ali Khamenei\nSupreme Leader Ali Khamenei\nKhamenei spoke on Friday about the talks."
    assert (
        strip_boilerplate(text)
        == "Supreme Leader Ali Khamenei\n\nKhamenei spoke on Friday about the talks."
    )


def test_tail_marker_before_any_content_does_not_cut():
    text = (
        "Related articles\nIranian and American negotiators met in Muscat on Saturday."
    )
    assert (
        strip_boilerplate(text)
        == "Iranian and American negotiators met in Muscat on Saturday."
    )


def test_french_and_persian_paywall_notices_are_stripped():
    text = (
        "Les négociations entre Téhéran et Washington reprendront samedi à Mascate.\n"
        "Vous devez souscrire à un abonnement Courrier du Golfe pour avoir accès au contenu - Prendre votre abonnement\n"
        "عراقچی گفت مذاکرات غیرمستقیم در مسقط ادامه خواهد داشت.\n"
        "برای دسترسی به متن کامل این گزارش، اشتراک ویژه تهیه کنید."
    )
    assert strip_boilerplate(text) == (
        "Les négociations entre Téhéran et Washington reprendront samedi à Mascate.\n\n"
        "عراقچی گفت مذاکرات غیرمستقیم در مسقط ادامه خواهد داشت."
    )


# Editorial furniture (issue 9): my own lines, in the shapes outlets use.
EDITORIAL = [
    ("listen", "Listen to this story"),
    ("listen", "این گزارش را بشنوید"),
    ("series", "This analysis is part of our special coverage of the Vienna negotiations."),
    ("series", "This piece is one of a series on sanctions and the Iranian economy."),
    ("series", "این مقاله بخشی از مجموعه «اقتصاد پس از تحریم» است."),
    ("correction", "Clarification: A previous version of this story gave the wrong venue."),
    ("correction", "An earlier version of this report misnamed the Omani mediator."),
    ("correction", "تصحیح: در نسخه قبلی این خبر نام شهر اشتباه درج شده بود."),
    ("bio", "Reza Tavakoli is a nonresident fellow at a Washington think tank."),
    ("bio", "The author is a former diplomat who served in Muscat."),
    ("bio", "به قلم: مریم احمدی، پژوهشگر روابط بین‌الملل"),
    ("updated", "۲ دی ۱۴۰۵ - به‌روزرسانی: ۰۹:۴۰"),
    ("social", "Follow our correspondent on Telegram for live updates"),
    ("caption", "منبع تصویر: خبرگزاری ایرنا"),
]
PROSE = [
    "Araghchi is a seasoned diplomat who negotiated the 2015 accord.",
    "The president said the correction of past mistakes would take time.",
    "Analysts said the talks were part of a series of contacts since April.",
    "وزیر خارجه گفت این مذاکرات بخشی از روند دیپلماتیک است.",
]


@pytest.mark.parametrize("kind,line", EDITORIAL)
def test_editorial_furniture_is_recognised(kind, line):
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize("line", PROSE)
def test_prose_with_the_same_words_is_not_furniture(line):
    assert boilerplate_kind(line) is None


def test_a_series_note_never_opens_the_summary():
    from core.summary import summarize

    body = (
        "This commentary is part of our series on Gulf mediation after the war.\n"
        "Oman has carried messages between Tehran and Washington for more than a year, and its "
        "foreign minister shuttled between the delegations again on Sunday.\n"
        "Correction: An earlier version of this article gave the wrong date for the fifth round.\n"
        "Both sides said the sixth round would take place in Muscat."
    )
    assert summarize("Oman's quiet channel", body).startswith("Oman has carried messages")
