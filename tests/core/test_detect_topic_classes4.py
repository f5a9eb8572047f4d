"""Topic senses, round 4 (issue 9): classes found on held-out parts 12 and 13, each with sentences of
our own (worded unlike the sets) for the rule and for its precision guard. The rules are general:
who stands before a verb, what a side says it could accept, whose framework, whose target."""

from __future__ import annotations

import pytest

from core.detect import Matcher
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())

# (text, topic, expected: is the topic found)
CASES = [
    # sanctions' verb with a date, an adverb or a clause between it and who sanctions
    ("Britain late on Friday sanctioned two shipping agents that moved Iranian crude.", "sanctions", True),
    ("The Treasury, citing intelligence reports, sanctioned an IRGC procurement front in Dubai.", "sanctions", True),
    ("The synod in 1990 formally sanctioned the new liturgy.", "sanctions", False),
    ("The US on Monday sanctioned three Venezuelan judges over the disputed election.", "sanctions", False),
    # a side's terms: what it could accept, its position on something traded
    ("Officials hinted that Tehran could accept a cap on its uranium stockpile.", "negotiations", True),
    ("The American position remains that Iran must ship out its enriched uranium.", "negotiations", False),
    ("Washington's position is unchanged: no enrichment on Iranian soil.", "negotiations", True),
    ("Washington should be prepared to accept some enrichment, a think-tank scholar argued.", "negotiations", False),
    ("She said she would accept the award on behalf of her team.", "negotiations", False),
    # the table, with a side, a round or the file named
    ("Tehran insists sanctions relief must be at the table from day one.", "negotiations", True),
    ("The Iranian delegation sat across the table from the Americans for four hours.", "negotiations", True),
    ("The family gathered at the table for the Nowruz dinner in Tehran.", "negotiations", False),
    # a framework with the IAEA or between the two sides on the file
    ("Tehran and the IAEA are close to a framework on restoring camera access at the plants.", "negotiations", True),
    ("دو طرف بر سر چارچوب ازسرگیری بازرسی‌ها به تفاهم نزدیک شدند.", "negotiations", True),
    ("The ministry published a framework for climate adaptation in Iran's provinces.", "negotiations", False),
    # contacts or a channel between the pair of sides; a discussion with one side
    ("Diplomats confirmed fresh US-Iranian contacts through a European capital.", "negotiations", True),
    ("The Muscat-hosted Iran-US channel went quiet after the strikes.", "Oman talks", True),
    ("The firm's sales contacts in Dubai were questioned by investigators.", "negotiations", False),
    ("Enrichment levels are not open to discussion with the Europeans, the minister said.", "negotiations", True),
    ("The curriculum is open to discussion with the teachers' union.", "negotiations", False),
    # the round at the mediator's place is the talks, whoever speaks of it
    ("Qatar's emir discussed the forthcoming round in Muscat with the Iranian president by phone.", "Oman talks", True),
    ("Turkey's foreign minister told his Iranian counterpart about the upcoming round of Syria talks in Astana.",
     "negotiations", False),
    # sanctions on another target: a third country's firms, a court's judges
    ("Tehran denounced the US sanctions against Cuban health officials as cruel.", "sanctions", False),
    ("Baqaei called the sanctions on the tribunal's prosecutors an attack on justice.", "sanctions", False),
    ("The new sanctions on Chinese refiners that buy Iranian oil took effect on Friday.", "sanctions", True),
    # expert-level teams, a package of sanctions relief
    ("The expert-level delegations will reconvene in Geneva after the holiday, Iran's deputy said.",
     "negotiations", True),
    ("Hardliners demand written guarantees before any sanctions relief package is signed.", "negotiations", True),
    ("Congress passed a disaster relief package for the flooded counties.", "negotiations", False),
    # cooperation with the Agency where the file or the country is named; weapons of mass destruction
    ("Lawmakers threatened to halt all cooperation with the Agency if the resolution passes.", "nuclear program", True),
    ("The firm ended its cooperation with the agency after the police audit.", "nuclear program", False),
    ("همکاری‌های خود با آژانس را متوقف می‌کنیم، نماینده تهران گفت.", "nuclear program", True),
    ("Iran's clerics say their faith forbids weapons of mass destruction.", "nuclear program", True),
    ("Saddam's weapons of mass destruction were never found.", "nuclear program", False),
    ("\"Our country never sought the bomb,\" the Iranian envoy said.", "nuclear program", True),
    # restrictions on "its" oil, restrictions a deal would lift
    ("Iran's oil minister said tankers kept sailing despite the restrictions on its crude exports.", "sanctions", True),
    ("Any agreement must lift the banking restrictions first, Tehran's negotiator said.", "sanctions", True),
    ("The deal will lift restrictions on weekend trading, the exchange said.", "sanctions", False),
    # enrichment a deal is about is the programme's, whatever school the speaker once ran
    ("وزیر سابق آموزش و پرورش گفت هیچ توافقی که غنی‌سازی را تعطیل کند پذیرفته نیست.", "nuclear program", True),
    ("وزیر آموزش و پرورش از طرح غنی‌سازی برنامه درسی مدارس خبر داد.", "nuclear program", False),
    # guards: a football body's talks, the 2015 accord told as history
    ("Oman's football federation is in talks with the AFC about the second leg's venue.", "Oman talks", False),
    ("The E3 triggered the 2015 accord's dispute clause, opening the return of UN penalties.", "negotiations", False),
    ("Rouhani, who signed the 2015 accord, called for a new national dialogue on the economy.", "negotiations", False),
]


@pytest.mark.parametrize("text,topic,found", CASES)
def test_topic_classes_round4(text, topic, found):
    got = MATCHER.scan(text)
    assert (topic in got.topics) is found, [(m.name, m.text, m.detail) for m in got.mentions]


# The bomb and the treaty told of another country; «این گفت‌وگو» after an interview was named
OTHER_CASES = [
    ("Israel has never joined the NPT and admits no inspectors, the spokesman said.", "nuclear program", False),
    ("Iran warned it could leave the NPT if the snapback goes ahead.", "nuclear program", True),
    ("وزیر اسرائیلی از احتمال استفاده از بمب اتم در جنگ سخن گفت.", "nuclear program", False),
    ("معاون وزیر در گفت‌وگو با خبرگزاری ایسنا از بودجه سخن گفت. او در این گفت‌وگو افزود مالیات‌ها افزایش نمی‌یابد.",
     "negotiations", False),
    ("عراقچی با همتای فرانسوی خود درباره پرونده هسته‌ای گفت‌وگو کرد. او در این گفت‌وگو افزود تهران به دیپلماسی پایبند است.",
     "negotiations", True),
]


@pytest.mark.parametrize("text,topic,found", OTHER_CASES)
def test_topic_other_country_and_interview_again(text, topic, found):
    got = MATCHER.scan(text)
    assert (topic in got.topics) is found, [(m.name, m.text, m.detail) for m in got.mentions]
