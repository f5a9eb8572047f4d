"""Topic senses decided by the sentence's participants and object (issue 9, round 3): classes
found on the part 10 and part 11 blind sets, each with sentences of our own (worded unlike the
sets) for the rule and for its precision guard."""

from __future__ import annotations

import pytest

from core.detect import Matcher
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())

# (text, topic, expected: is the topic found)
CASES = [
    # «تحریم» as a boycott of an event or of goods, where no government imposes it
    ("دانشجویان اعلام کردند مراسم افتتاحیه سال تحصیلی را تحریم می‌کنند.", "sanctions", False),
    ("اتحادیه رانندگان گفت نشست هفته آینده با شهرداری را تحریم خواهد کرد.", "sanctions", False),
    ("آمریکا سه شرکت کشتیرانی ایرانی را تحریم کرد.", "sanctions", True),
    ("نمایندگان جلسه علنی را ترک کردند و گفتند تحریم‌های آمریکا معیشت مردم را نشانه گرفته است.", "sanctions", True),
    # a bilateral trade or energy file with a neighbour is not the talks with the US
    ("Iran and Oman resumed talks on a subsea electricity cable and a shared gas field, the oil ministry said.",
     "Oman talks", False),
    ("Iran and Oman resumed talks on a subsea electricity cable and a shared gas field, the oil ministry said.",
     "negotiations", False),
    ("وزیر راه با همتای عمانی خود درباره ترانزیت کالا و تعرفه‌های گمرکی مذاکره کرد.", "Oman talks", False),
    ("Iran and Oman discussed the gas pipeline and the next round of indirect talks with Washington.",
     "Oman talks", True),
    # restrictions and bans: sanctions where a government imposes them on Iranian money or trade
    ("Washington announced fresh restrictions on exchange houses that move Iranian oil money.", "sanctions", True),
    ("The bans on Iranian shipping firms have doubled their insurance costs.", "sanctions", True),
    ("Tehran eased restrictions on internet access for universities.", "sanctions", False),
    ("The EU lifted travel restrictions for vaccinated tourists from the US.", "sanctions", False),
    ("Bans on plastic bags in Tehran take effect next month.", "sanctions", False),
    # Treasury's verb apart from its subject
    ("The State Department on Tuesday designated four tanker operators that carried Iranian crude.", "sanctions", True),
    ("The city council designated four parks as protected green space.", "sanctions", False),
    # the squeeze on the oil money told with a verb
    ("The Treasury vowed to choke off Iran's oil revenue within months.", "sanctions", True),
    ("Iran's oil revenue rose 8 percent last year, the central bank said.", "sanctions", False),
    # an offer carried to one side
    ("The envoy will deliver a revised offer to Tehran next week.", "negotiations", True),
    ("The club made an offer to the striker's agent on Monday.", "negotiations", False),
    # a meeting between the sides about the file: both take part, and the file is named
    ("Araghchi met the British, French and German political directors in Geneva. Their meeting with him "
     "focused on the snapback.", "negotiations", True),
    ("عراقچی با معاونان وزرای خارجه سه کشور اروپایی دیدار کرد. این دیدار درباره برنامه هسته‌ای بود.",
     "negotiations", True),
    ("Pezeshkian held a meeting with provincial governors on softening the blow of US sanctions.",
     "negotiations", False),
    ("Araghchi met his German counterpart at the opening of an art exhibition in Berlin.", "negotiations", False),
    # an official of a side at the mediator's place stands for the talks
    ("Witkoff flew to Muscat on Friday to hear whether Iran would cap enrichment, his aides said.", "Oman talks", True),
    ("Witkoff flew to Muscat on Friday, his aides said.", "Oman talks", False),
    ("Araghchi said talks with the companies on the gas field would resume.", "negotiations", True),
    ("Araghchi lands in the Omani capital on Saturday, with uranium enrichment still the sticking point.",
     "Oman talks", True),
    ("Pezeshkian arrived in Muscat to sign agreements on a gas pipeline and tourism.", "Oman talks", False),
    ("Araghchi landed in Muscat for the funeral of a former Omani minister.", "Oman talks", False),
    # the mediator by its other names and its role
    ("The Sultanate's minister shuttled between the two delegations for three hours.", "Oman talks", True),
    ("The Sultanate of Brunei hosted a regional trade fair.", "Oman talks", False),
    # the 2015 accord told as history is no talks now
    ("The 2015 accord capped Iran's enrichment at 3.67 percent for fifteen years.", "negotiations", False),
    ("برجام در سال ۲۰۱۵ امضا شد و آن توافق سقف غنی‌سازی را تعیین کرد.", "negotiations", False),
    ("Both sides want to revive the 2015 accord before the snapback deadline.", "negotiations", True),
    # «در گفت‌وگویی گفت»: in an interview
    ("ظریف در گفت‌وگویی گفت اصلاح‌طلبان باید برای انتخابات آماده شوند.", "negotiations", False),
    ("عراقچی در گفت‌وگویی تلفنی با همتای فرانسوی خود گفت تهران به دیپلماسی پایبند است.", "negotiations", True),
    # a message to a third country is that country's business
    ("Larijani carried a message to Beijing about the IAEA's latest report.", "negotiations", False),
    ("Albusaidi carried a message to Tehran from Washington on Sunday.", "negotiations", True),
    # the talks' state: a deadlock between the sides, not a budget's
    ("Diplomats said the deadlock between Tehran and Washington over enrichment is unbroken.", "negotiations", True),
    ("The budget deadlock in Congress dragged into a third week.", "negotiations", False),
    # the fuel and the bomb in other words
    ("Under the proposal Tehran would import enriched fuel for its reactors.", "nuclear program", True),
    ("\"Nobody in Tehran is after a bomb,\" the minister said.", "nuclear program", True),
    ("Investigators believe the suspect is after a bomb maker who fled.", "nuclear program", False),
    ("A former nuclear negotiator, Hossein Mousavian, signed the letter on direct talks.", "nuclear program", False),
    # contract talks with a coach, a venture's talks with investors: business
    ("The federation's contract negotiations with its Brazilian head coach broke down over his salary.",
     "negotiations", False),
    ("The family's crypto venture is in talks with Gulf investors, including a fund in Muscat.", "Oman talks", False),
    # another country's plant
    ("IAEA inspectors at Zaporizhzhia reported shelling near the plant overnight.", "nuclear program", False),
    ("IAEA inspectors returned to Fordow on Monday.", "nuclear program", True),
    # a call or a meeting with the other side's officials about the file; both sides' negotiators
    # meeting need no file
    ("Araghchi spoke with the EU's foreign policy chief about the snapback on Monday.", "negotiations", True),
    ("Araghchi spoke with his Saudi counterpart about Gaza.", "negotiations", False),
    ("Araghchi met Witkoff in Muscat for more than two hours.", "Oman talks", True),
    ("Oman's parliament opened its new session on Sunday.", "Oman talks", False),
    ("An Iranian delegation arrived in Muscat for a fisheries conference.", "Oman talks", False),
    ("کارگران پتروشیمی تجمع را تحریم کردند.", "sanctions", False),
    # oil sales squeezed by a government; business talks at home
    ("The US vowed to drive Iran's oil sales to zero.", "sanctions", True),
    ("Tehran's oil sales to China hit a record in March.", "sanctions", False),
    ("Senate leaders held talks with the White House on the spending bill.", "negotiations", False),
    # indirect contacts and terms floated by one side
    ("Tehran said it would keep its indirect contacts with Washington going.", "negotiations", True),
    ("The virus spreads through indirect contact with infected surfaces.", "negotiations", False),
    ("The envoy floated letting Iran keep a small enrichment programme.", "negotiations", True),
    ("The coach floated letting the reserves start the final.", "negotiations", False),
    # restrictions on Iranian firms by a government; the 2015 bargain told as history
    ("The EU announced new restrictions on Iranian airlines over drone deliveries.", "sanctions", True),
    ("Iranian airlines face new restrictions on cabin baggage from next month.", "sanctions", False),
    ("The 2015 accord lifted sanctions in exchange for limits on enrichment.", "negotiations", False),
    ("Iran would accept limits on enrichment in exchange for sanctions relief, the envoy said.", "negotiations", True),
    # a press conference is no meeting of the sides
    ("سخنگوی وزارت خارجه در نشست خبری گفت به طرف آمریکایی و وعده‌های تحریمی آن اعتمادی نیست.", "negotiations", False),
]


@pytest.mark.parametrize("text,topic,found", CASES)
def test_topic_senses(text, topic, found):
    got = MATCHER.scan(text)
    assert (topic in got.topics) is found, [(m.name, m.text, m.detail) for m in got.mentions]
