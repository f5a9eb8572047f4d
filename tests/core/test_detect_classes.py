"""Error classes of issue 9 found on the part 4, 5, 7 and 8 blind sets, each with sentences of
our own (worded unlike the sets) for the rule and for its precision guard.

One table per class: the texts where the other sense must win, and the texts where the
tracked sense must stay."""

from __future__ import annotations

import pytest

from core.detect import Matcher
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())

# (text, topic, expected: is the topic found)
TOPIC_CASES = [
    # Persian گفت‌وگو as an interview: the outlet it was given to, or "with X ... said" where X
    # is no official, no government and no country.
    ("عراقچی در گفت‌وگو با وال‌استریت‌ژورنال گفت ایران به میز مذاکره بازنمی‌گردد.", "negotiations", True),
    ("عراقچی در گفت‌وگو با واشنگتن‌پست از سیاست خارجی دولت دفاع کرد.", "negotiations", False),
    ("قالیباف در گفت‌وگو با یک استاد دانشگاه گفت مجلس از دولت حمایت می‌کند.", "negotiations", False),
    ("عراقچی در گفت‌وگوی تلفنی با همتای قطری خود گفت تهران آماده ادامه روند است.", "negotiations", True),
    ("عراقچی در گفت‌وگو با البوسعیدی گفت دور بعدی به زودی برگزار می‌شود.", "negotiations", True),
    # talks between a firm and its workers
    ("Negotiations between the refinery's employer and its contract workers stalled over unpaid wages.",
     "negotiations", False),
    ("A third round of talks between the bus drivers' trade union and the city council ended without a deal.",
     "negotiations", False),
    ("مذاکره کارفرما با نمایندگان کارگران فولاد درباره دستمزد بی‌نتیجه ماند.", "negotiations", False),
    ("A third round of talks between Iranian and American negotiators ended in Muscat.", "negotiations", True),
    # sanctions imposed by a sports body
    ("FIFA's disciplinary committee handed the Iranian federation's goalkeeper a six-month ban and further sanctions.",
     "sanctions", False),
    ("کمیته انضباطی فدراسیون فوتبال باشگاه پرسپولیس را به دلیل رفتار هواداران تحریم کرد.", "sanctions", False),
    ("Tehran says US sanctions keep its football federation from buying training equipment.", "sanctions", True),
    # "snapback" on the markets
    ("Tech stocks mounted a snapback after Tuesday's sell-off, with the Nasdaq up 2 percent.", "sanctions", False),
    ("France, Britain and Germany said they would trigger the snapback unless Iran restores inspections.",
     "sanctions", True),
    # enrichment of food, Natanz and Fordow as places people visit
    ("Health officials want wheat flour enrichment with iron and folic acid made compulsory for bakeries.",
     "nuclear program", False),
    ("برنامه غنی‌سازی آرد با ویتامین در نانوایی‌های استان ادامه دارد.", "nuclear program", False),
    ("ایران غنی‌سازی را متوقف نمی‌کند، حتی اگر واردات مواد غذایی و دارو آسیب ببیند.", "nuclear program", True),
    ("Israeli jets struck the Natanz site near the town of Kashan before dawn.", "nuclear program", True),
    ("Pilgrims and hikers crowd the villages around Fordow every spring for the rose harvest.",
     "nuclear program", False),
    ("گردشگران روستاهای اطراف نطنز را برای جشن گلاب‌گیری پر کرده‌اند.", "nuclear program", False),
    ("Inspectors were denied access to the centrifuge halls at Fordow, the agency said.", "nuclear program", True),
    ("Satellite images show new tunnelling near Natanz.", "nuclear program", True),
    # centrifuges of a dairy or a laboratory, enrichment classes at school
    ("The juice plant bought a second centrifuge to clarify pomegranate juice.", "nuclear program", False),
    ("سانتریفیوژ تازه آزمایشگاه خون بیمارستان شهید بهشتی از کار افتاد.", "nuclear program", False),
    ("Weekend enrichment classes at the school now include chess and coding.", "nuclear program", False),
    ("Tehran could spin advanced centrifuges within weeks, the senators were told.", "nuclear program", True),
    ("Iran will keep enrichment on its soil, the minister told students at Tehran University.",
     "nuclear program", True),
    # talk and deal words on a sports page
    ("استقلال مذاکرات با هافبک عمانی را به پایان رساند و توافق با او امضا شد.", "negotiations", False),
    ("Sepahan reached the next round after a 3-0 win, and the club opened talks with their goalkeeper.",
     "negotiations", False),
    # talks between firms and between parties at home, with no official named
    ("The energy group ended talks with two Asian buyers over the pricing formula for its LNG.",
     "negotiations", False),
    ("سخنگوی حزب گفت مذاکره با احزاب اصولگرا برای ائتلاف انتخاباتی ادامه دارد.", "negotiations", False),
    ("The board signed the agreement after the shareholders backed the pricing formula.", "negotiations", False),
    ("Talks with Washington could ease the pressure on Iranian workers and their wages.", "negotiations", True),
    ("احزاب اصلاح‌طلب از مذاکره با آمریکا برای لغو تحریم‌ها حمایت کردند.", "negotiations", True),
    ("The Treasury's sanctions on tankers hauling Iranian oil to China left two ships idle.", "sanctions", True),
    ("تحریم کشتی‌های حامل نفت ایران از سوی خزانه‌داری اعلام شد.", "sanctions", True),
    ("Tehran and the E3 reached an agreement on a timetable for inspections.", "negotiations", True),
    # a deal with one of the sides is diplomacy, whatever business words stand near it
    ("An investment-heavy plan from Gulf investors could underpin a deal with Washington, Iranian officials say.",
     "negotiations", True),
    ("Airbus signed a $3 billion deal with Iran Air's lessor.", "negotiations", False),
    # talk in other words, with a side as the other party
    ("The speaker demanded that the cabinet freeze all contacts with the Americans.", "negotiations", True),
    ("Rubio said discussions with Tehran had been useful but slow.", "negotiations", True),
    ("The museum's outreach to schools in Tehran doubled this year.", "negotiations", False),
    # the talks named by their venue
    ("Whether the Omani channel survives the election is another matter, said one Iranian diplomat.",
     "Oman talks", True),
    ("The Muscat municipality opened the bidding process for a new ring road.", "Oman talks", False),
    # the verb enrich, where only the programme can be meant
    ("The secretary of state said Iran would lose its right to enrich if it barred the inspectors.",
     "nuclear program", True),
    ("Officials were accused of using state contracts to enrich themselves.", "nuclear program", False),
    # the stockpile and the bomb as a side's goal, in plain words
    ("Nobody knows where Tehran keeps its highly enriched material now.", "nuclear program", True),
    ("The ministry said the country's grain stockpile would last six months.", "nuclear program", False),
    ("ترامپ گفت نمی‌گذارد ایران به بمب دست پیدا کند.", "nuclear program", True),
    ("Police said the bomb squad defused the device near the stadium.", "nuclear program", False),
    # what the sides draft and float
    ("Kharrazi floated a phased arrangement: a cap on enrichment for access to frozen funds.",
     "negotiations", True),
    # a quid pro quo for sanctions relief
    ("A senior official said Tehran could cap its stockpile in exchange for sanctions relief.", "negotiations", True),
    ("ایران در قبال لغو تحریم‌ها سطح غنی‌سازی را محدود می‌کند.", "negotiations", True),
    ("Exporters want faster refunds in exchange for paying their taxes early.", "negotiations", False),
    # both delegations in Muscat
    ("The Iranian and American delegations stayed on in Muscat for a second day.", "Oman talks", True),
    # another country's affairs, with the US or a mediator but no word of Iran
    ("The Treasury froze the assets of three Nicaraguan judges, the State Department said.", "sanctions", False),
    ("Washington and Ankara are close to a deal on Turkish purchases of American fighter jets.",
     "negotiations", False),
    ("Omani diplomats brokered a prisoner exchange between Sanaa and the Saudi-led coalition.", "Oman talks", False),
    ("Riyadh wants US help to build a civilian reactor and to enrich uranium on its own soil.",
     "nuclear program", False),
    ("Washington's sanctions on Tehran's oil exports to China will stay, the Treasury said.", "sanctions", True),
    ("The Treasury blacklisted four Emirati firms accused of shipping oil for the Revolutionary Guard.",
     "sanctions", True),
    ("Witkoff told senators that the next round would open in Rome after talks in Doha.", "negotiations", True),
    # (part 5c) sanctions in plain words: curbs on the oil trade, "secondary measures"; the
    # snapback by its Persian image, the trigger
    ("Aref said Tehran would keep finding buyers despite the curbs on Iranian oil.", "sanctions", True),
    ("Lifting the secondary measures on Tehran's buyers is the prize Araghchi is after.", "sanctions", True),
    ("Iraq's oil ministry eased restrictions on the country's oil exports from Kirkuk.", "sanctions", False),
    ("The regulator lifted restrictions on oil sales by independent traders.", "sanctions", False),
    ("کیهان نوشت اروپا با فعال‌سازی ماشه پل‌های پشت سر را خراب می‌کند و عراقچی باید پاسخ دهد.", "sanctions", True),
    ("مأمور پلیس پیش از آنکه مهاجم ماشه را بکشد او را خلع سلاح کرد.", "sanctions", False),
    # a letter from the US president counts as talks where its sentence names Iran or an Iranian
    ("Qatar's emir passed Pezeshkian a letter from President Trump during the Doha summit.", "negotiations", True),
    ("بقائی گفت نامه ترامپ از طریق یک کشور دوست به تهران رسیده است.", "negotiations", True),
    ("The Fed chairman said he had read the letter from President Trump about interest rates.",
     "negotiations", False),
    # (part 7/8) sanctions in other words: relief and waivers where the sentence is about the talks,
    # oil or banks; banks cut off, money held abroad, tariffs on the oil's buyers, new penalties, the
    # other side's economic pressure, the squeeze on the oil trade
    ("Diplomats say the order in which relief arrives is the last open point of the draft framework.",
     "sanctions", True),
    ("Tehran wants a waiver so that its tankers can load again at Kharg.", "sanctions", True),
    ("Earthquake relief reached the villages near Khoy two days late.", "sanctions", False),
    ("Iranian students queued at the embassy for a visa waiver that never came.", "sanctions", False),
    ("Araghchi wants the restrictions on the banking system gone before anything else; banking restrictions, "
     "he said, hurt pharmacies most.", "sanctions", True),
    ("Some $4 billion of Tehran's frozen funds sit in a Korean account, a central bank official said.", "sanctions", True),
    ("Iran's oil revenue parked in Iraqi banks is still locked, the ministry complained.", "sanctions", True),
    ("Iran's oil revenue rose by a fifth last year as output recovered.", "sanctions", False),
    ("Washington threatened a 50 percent tariff on every refinery that purchases Iranian crude.", "sanctions", True),
    ("Washington raised its tariff on Iranian pistachios imported through Dubai.", "sanctions", False),
    ("پزشکیان گفت تعرفه‌های ثانویه آمریکا بر مشتریان نفت ایران غیرقانونی است.", "sanctions", True),
    ("The E3 want fresh UN penalties on Tehran before the autumn.", "sanctions", True),
    ("Esteghlal lost on penalties to a Saudi club in Riyadh.", "sanctions", False),
    ("Aref said the government could ride out the economic pressure of the enemy for years.", "sanctions", True),
    ("Economic pressure on pensioners is rising with inflation, the Majlis research centre said.",
     "sanctions", False),
    ("Rubio promised to tighten the squeeze on Tehran's tanker fleet.", "sanctions", True),
    # (part 7/8) bargaining without a talk word: an understanding or arrangement with a side or the
    # IAEA, an offer or a quid pro quo naming what is traded, bargaining, a conditional offer
    ("Pezeshkian's camp is betting on an understanding with the Americans before the winter.",
     "negotiations", True),
    ("Under the new arrangement with the IAEA, cameras go back into the Karaj workshop.", "negotiations", True),
    ("Cameras to return to Karaj workshop under arrangement with IAEA, Tehran says", "negotiations", True),
    ("The florist's new arrangement with the hotel covers every wedding this season.", "negotiations", False),
    ("Tehran offered to dilute its 60 percent material if oil sales were allowed to resume.", "negotiations", True),
    ("The club offered to extend the striker's contract by a year.", "negotiations", False),
    ("In return, Iran would get access to frozen money held in Japanese banks.", "negotiations", True),
    ("In return, the bakery gets cheaper flour from the co-operative.", "negotiations", False),
    ("Real bargaining between Tehran and Washington has not begun, a European diplomat said.",
     "negotiations", True),
    ("The nurses' union said collective bargaining had collapsed.", "negotiations", False),
    ("Ghalibaf said inspectors could return if all sanctions were lifted first.", "negotiations", True),
    ("Iran's negotiators sat down with Britain, France and Germany for a fresh round of discussions in Oslo.",
     "negotiations", True),
    # Persian "discussed" (گفت‌وگو کرد / کردند) is talks where the sentence or the one before names both sides
    ("معاون سیاسی وزیر امور خارجه در ژنو با نمایندگان آلمان و فرانسه دیدار کرد. دو طرف درباره قطعنامه‌های "
     "شورای امنیت گفت‌وگو کردند.", "negotiations", True),
    ("معاون وزیر کشور در دیدار با سفیر اندونزی درباره صدور روادید گفت‌وگو کرد.", "negotiations", False),
    ("عراقچی پس از نشست درباره برنامه سفرش به پکن با خبرنگاران گفت‌وگو کرد.", "negotiations", False),
    # talks at home, a national dialogue, a workers' or a business deal, a memorandum of cooperation
    ("Pezeshkian asked the factions to negotiate over the budget bill instead of shouting in the chamber.",
     "negotiations", False),
    ("Pezeshkian asked the factions to stop sabotaging the negotiations with Washington.", "negotiations", True),
    ("خامنه‌ای گفت گفت‌وگوی ملی میان جریان‌ها باید ادامه یابد.", "negotiations", False),
    ("A state mediator joined the stalled talks between the dockworkers' union and the port operator.",
     "negotiations", False),
    ("Iran and Oman signed a memorandum to open a ferry line between Chabahar and Duqm.", "negotiations", False),
    ("ایران و عمان تفاهم‌نامه همکاری گمرکی امضا کردند.", "Oman talks", False),
    ("Oman said the Iranian and US sides would meet again in Muscat next week.", "Oman talks", True),
    ("The property group is in talks with an Omani developer about a golf estate near Muscat.", "Oman talks", False),
    # a sports body's sanctions on a club
    ("The Asian confederation sanctioned Iranian club Sepahan over a pitch invasion in Isfahan.",
     "sanctions", False),
    # the programme in plain words: atomic, the 2015 accord, reactors in Iran, "not after a bomb"
    ("Ghalibaf threatened to end cooperation with the atomic watchdog.", "nuclear program", True),
    ("The lab bought an atomic clock accurate to a billionth of a second.", "nuclear program", False),
    ("Former officials still defend the 2015 accord as the best deal Tehran could get.", "nuclear program", True),
    ("Iran wants Russian fuel for its reactors in Bushehr.", "nuclear program", True),
    ("Texas approved two small modular reactors near Austin.", "nuclear program", False),
    ("Araghchi: 'Iran is not after a bomb'", "nuclear program", True),
    ("Police found the suspect was not after a bomb but after the cash.", "nuclear program", False),
    ("The heavy water plant near Arak was shut for maintenance, the AEOI said.", "nuclear program", True),
    # the table and the path of talks; cut off from SWIFT, the economic war, the shadow fleet
    ("Pezeshkian said Tehran would come back to the table only after the strikes stopped.", "negotiations", True),
    ("Grandmother brought the soup back to the table.", "negotiations", False),
    ("Iranian banks were cut off from SWIFT again in 2018.", "sanctions", True),
    ("The minister gave a swift answer to the question on fuel prices.", "sanctions", False),
    ("قالیباف گفت جنگ اقتصادی آمریکا علیه ملت ایران شکست خورده است.", "sanctions", True),
    # penalties of a government on Iran; a settlement the sides reach; texts the delegations swap
    ("The Treasury announced fresh penalties on traders moving Iranian fuel oil.", "sanctions", True),
    ("The striker missed twice as the Iranian side lost on penalties.", "sanctions", False),
    ("Trump told Tehran to reach a settlement before the summer.", "negotiations", True),
    ("The airline agreed to reach a settlement with passengers over the delays.", "negotiations", False),
    ("Both delegations exchanged written texts through the Omani hosts.", "Oman talks", True),
    # guards of the new words' other senses: a patient's relief, a league table, a festival of cultures,
    # another country's atomic programme
    ("A new clinic in Shiraz offers relief to dialysis patients.", "sanctions", False),
    ("Iran's volleyball team came back to the table of the top four in the league.", "negotiations", False),
    ("جشنواره گفت‌وگوی فرهنگ‌ها در یزد آغاز شد.", "negotiations", False),
    ("Israel's atomic programme was never declared.", "nuclear program", False),
    # an offer naming what is traded; the other side's counterparts
    ("Tehran is weighing an offer to ship part of its enriched uranium to Russia.", "negotiations", True),
    ("Persepolis made an offer to sign the Croatian midfielder.", "negotiations", False),
    ("Araghchi will brief his European counterparts in Oslo on Friday.", "negotiations", True),
    # (part 9) a licensing or restructuring deal is business; enrichment of a syllabus or of salt
    ("The hotel group signed licensing deals for two towers in Baku.", "negotiations", False),
    ("The airline reached a restructuring deal with its creditors on Monday.", "negotiations", False),
    ("Washington wants a deal that caps Iran's stockpile.", "negotiations", True),
    ("وزارت آموزش و پرورش از غنی‌سازی کلاس‌های تابستانی با برنامه‌های ورزشی خبر داد.", "nuclear program", False),
    ("Iodised salt enrichment cut goitre rates in the province.", "nuclear program", False),
    ("ایران غنی‌سازی در فردو را از سر گرفت.", "nuclear program", True),
    # talks told without a talk word: an exchange with the other side's man, a meeting "to discuss"
    # with both sides and nobody else, one sanction standing for all, an interlocutor across the table
    ("Araghchi called his latest exchange with the American envoy frank but useful.", "negotiations", True),
    ("The two armies carried out a prisoner exchange with each other under Red Cross supervision.",
     "negotiations", False),
    ("He had a heated exchange with reporters outside the court.", "negotiations", False),
    ("Iran's deputy foreign minister met French and German diplomats in Geneva to discuss the inspections.",
     "negotiations", True),
    ("Iran's oil minister met Chinese officials in Beijing to discuss US sanctions on tankers.",
     "negotiations", False),
    ("The mayor met residents to discuss the water shortage.", "negotiations", False),
    ("Trump met Netanyahu in Washington to discuss Iran.", "negotiations", False),
    ("Senators met in Washington to discuss new Iran sanctions.", "negotiations", False),
    ("Araghchi met his French counterpart to discuss the nuclear file.", "negotiations", True),
    ("Araghchi's exchange with reporters in Oslo turned testy.", "negotiations", False),
    ("Washington will not lift a single sanction until Tehran stops enriching, the senator said.", "sanctions", True),
    ("The federation said any sanction against the club would be appealed.", "sanctions", False),
    ("Witkoff met his Iranian interlocutor for three hours in Muscat.", "Oman talks", True),
    # a deal that lifts sanctions is the deal with the other side, whoever else the sentence names
    ("The vice-minister told Japan's ambassador that any deal must end the sanctions on Iran's banks.",
     "negotiations", True),
    ("معاون وزیر خارجه ایران به سفیر هند گفت هر توافقی باید تحریم‌های بانکی را رفع کند.", "negotiations", True),
    ("معاون وزیر خارجه ایران به سفیر هند گفت هر توافقی باید تحریم‌های بانکی را دور بزند.", "negotiations", False),
    ("Pezeshkian told Armenia's prime minister the transit agreement would help bypass sanctions.",
     "negotiations", False),
    # enrichment of soil, a crime's "illicit enrichment", a museum's programme; a new sanction
    ("Prosecutors charged the official with illicit enrichment and bribery.", "nuclear program", False),
    ("Scientists say soil enrichment with compost raises wheat yields.", "nuclear program", False),
    ("غنی‌سازی خاک با کود آلی عملکرد گندم را افزایش داد.", "nuclear program", False),
    ("Iran resumed enrichment, and illicit trade in fuel rose.", "nuclear program", True),
    ("ایران غنی‌سازی در خاک خود را متوقف نمی‌کند.", "nuclear program", True),
    ("Washington imposed a new sanction on Iranian oil shippers.", "sanctions", True),
    ("The referee's new sanction on the club was upheld.", "sanctions", False),
]


@pytest.mark.parametrize("text,topic,found", TOPIC_CASES)
def test_topic_classes(text, topic, found):
    got = MATCHER.scan(text)
    assert (topic in got.topics) is found, [(m.name, m.text, m.detail) for m in got.mentions]


# (text, official, expected: is the official found)
OFFICIAL_CASES = [
    # a country or its seat as the possessor of an envoy
    ("Washington's envoy will carry the new text to Muscat on Sunday.", "Steve Witkoff", True),
    ("The team is led by the White House's special envoy, who arrived from Doha.", "Steve Witkoff", True),
    ("Washington's envoy to the United Nations called for a vote.", "Steve Witkoff", False),
    ("Moscow's special envoy for the Middle East met Araghchi.", "Steve Witkoff", False),
    # Persian possessive suffix on a head: the person named before
    ("ترامپ روز جمعه گفت فرستاده ویژه‌اش هفته آینده به مسقط می‌رود.", "Steve Witkoff", True),
    ("پوتین گفت فرستاده ویژه‌اش به زودی به تهران سفر می‌کند.", "Steve Witkoff", False),
    # the seat named after a bare head
    ("Albusaidi said the envoy would report to the president at the White House.", "Donald Trump", True),
    ("Reporters met the president at the Kremlin.", "Donald Trump", False),
    # a deputy office after "his": only a president's first deputy is the first vice president
    ("Iran's president and his first deputy toured the flooded provinces.", "Mohammad Reza Aref", True),
    ("The Iranian parliament speaker and his first deputy left the chamber.", "Mohammad Reza Aref", False),
    ("Iran's first deputy oil minister toured the refinery.", "Mohammad Reza Aref", False),
    ("Pezeshkian and his first deputy foreign minister flew to Baku.", "Mohammad Reza Aref", False),
    # a full name with the given name spelt another way and one vowel of a pair left out
    ("Esmail Baghai, speaking for the ministry, rejected the report.", "Esmaeil Baqaei", True),
    ("Reza Baqai, a Tehran jeweller, was released on bail.", "Esmaeil Baqaei", False),
    # "host" as a counterpart: the other country's holder of the anchor's office
    ("Araghchi and his Omani host walked out of the palace together.", "Badr Albusaidi", True),
    ("Araghchi told the Iranian host of the talk show that he was hopeful.", "Badr Albusaidi", False),
    ("Araghchi laughed with the Omani host of a cooking show.", "Badr Albusaidi", False),
    # a Persian context-needing surname as the subject of its clause, other officials named
    ("عراقچی به مسقط رفت، اما ظریف در تهران ماند و با خبرنگاران صحبت نکرد.", "Mohammad Javad Zarif", True),
    ("عراقچی گفت این کار ظریف و حساسی است.", "Mohammad Javad Zarif", False),
    ("Pezeshkian opened the session; Aref told ministers to cut spending.", "Mohammad Reza Aref", True),
    ("Pezeshkian listened as Aref Ghaffari told the story of his village.", "Mohammad Reza Aref", False),
    ("Aref told the audience a story.", "Mohammad Reza Aref", False),
    # across the table: the US envoy's counterpart is Iran's chief negotiator
    ("Witkoff is due to see his Iranian counterpart in Oman next week.", "Abbas Araghchi", True),
    ("The US envoy for Ukraine sat down with his Russian counterpart.", "Abbas Araghchi", False),
    # the foreign minister by other names: "chief diplomat", "FM", Persian رئیس/سکاندار دستگاه دیپلماسی
    ("Oman's chief diplomat will host the next round.", "Badr Albusaidi", True),
    ("Iranian FM says Tehran is in no hurry.", "Abbas Araghchi", True),
    ("سکاندار دستگاه دیپلماسی امروز به مسقط می‌رود.", "Abbas Araghchi", True),
    ("The station broadcasts on FM across Tehran.", "Abbas Araghchi", False),
    ("Russia's chief diplomat Sergei Lavrov met Araghchi.", "Marco Rubio", False),
    # Takht-Ravanchi's office
    ("The deputy foreign minister for political affairs will lead the expert talks.", "Majid Takht-Ravanchi", True),
    ("معاون سیاسی وزارت امور خارجه برای رایزنی به ژنو رفت.", "Majid Takht-Ravanchi", True),
    ("Iran's deputy foreign minister for legal affairs met IAEA officials.", "Majid Takht-Ravanchi", False),
    # (part 5c) a role told in the past tense is a former holder's; "former" before a country's role
    ("Eshaq Jahangiri, who was first vice president under Rouhani, criticised the budget.",
     "Mohammad Reza Aref", False),
    ("Jahangiri served as first vice president for eight years.", "Mohammad Reza Aref", False),
    ("Iran's first vice president opened the budget debate.", "Mohammad Reza Aref", True),
    ("The retired diplomat, who served as the sultanate's top diplomat in the 1990s, wrote a memoir.",
     "Badr Albusaidi", False),
    ("The former Omani foreign minister Yusuf bin Alawi gave a lecture.", "Badr Albusaidi", False),
    ("The sultanate's top diplomat flew to Tehran on Sunday.", "Badr Albusaidi", True),
    # a surname on a sports page stays the official's where its sentence tells an act of state
    ("Iranian fans fear the executive order Trump signed will keep them out of the World Cup stadiums.",
     "Donald Trump", True),
    ("سازمان لیگ فوتبال گفت فرمانی که ترامپ امضا کرد سفر هواداران تیم ملی را دشوار کرده است.",
     "Donald Trump", True),
    ("Oman crush Yemen 4-1 as Albusaidi scores a hat-trick in the Gulf Cup.", "Badr Albusaidi", False),
    # the counterpart of a State Department spokesperson is Iran's foreign ministry spokesman
    ("A State Department spokesman, Matthew Miller, said nothing new, and his Iranian counterpart agreed.",
     "Esmaeil Baqaei", True),
    ("A State Department spokesman, Matthew Miller, met his Israeli counterpart.", "Esmaeil Baqaei", False),
    # Persian "Trump's envoy" without ویژه; an envoy for Ukraine is somebody else
    ("به گفته یک منبع آگاه، فرستاده ترامپ فردا با عراقچی دیدار می‌کند.", "Steve Witkoff", True),
    ("فرستاده ترامپ در امور اوکراین به مسکو رفت.", "Steve Witkoff", False),
    # رهبری as the Leader in phrases only he is the subject of; a team's leadership is not
    ("روزنامه کیهان از دولت خواست به منویات رهبری درباره مذاکره توجه کند.", "Ali Khamenei", True),
    ("سرمربی گفت بازیکنان به رهنمودهای رهبری تیم پایبند بمانند.", "Ali Khamenei", False),
    # (part 7) the office told through its ministry; a later bare head of the same ministry
    ("The Iranian foreign ministry's spokeswoman would not confirm the date.", "Esmaeil Baqaei", True),
    ("Araghchi will fly to Oslo, and the ministry's spokesman said the trip was agreed last week.",
     "Esmaeil Baqaei", True),
    ("Iraq's oil ministry's spokesman said exports rose; the ministry's spokesman gave no figures.",
     "Esmaeil Baqaei", False),
    ("The ministry's spokesman said schools would reopen on Saturday.", "Esmaeil Baqaei", False),
    ("Iran's foreign ministry spokesman said no date was set. The foreign minister, he added, would not go to Oslo.",
     "Abbas Araghchi", True),
    ("Qatar's foreign ministry spokesman Majed al-Ansari spoke first. The foreign minister arrives tomorrow.",
     "Abbas Araghchi", False),
    # a Persian deputy's title with its portfolio between معاون and the office
    ("معاون حقوقی و بین‌المللی وزیر امور خارجه با سفیر ایتالیا دیدار کرد.", "Abbas Araghchi", False),
    ("معاون اقتصادی وزیر امور خارجه ایران به دوحه رفت.", "Abbas Araghchi", False),
    ("وزیر امور خارجه ایران با همتای عمانی دیدار کرد.", "Abbas Araghchi", True),
    # plural heads with the countries in apposition; "the country's" head in the article's country
    ("Araghchi flew to Muscat. The two foreign ministers, Iran's and Oman's, talked for an hour.",
     "Badr Albusaidi", True),
    ("The foreign ministers, Qatar's and Egypt's, met in Cairo.", "Badr Albusaidi", False),
    ("Tehran refused to comment. The country's foreign minister was travelling.", "Abbas Araghchi", True),
    ("Baghdad refused to comment. The country's foreign minister was travelling.", "Abbas Araghchi", False),
    # the US negotiator is the envoy; the speaker told through the parliament
    ("The American negotiator flew home from Muscat without a statement.", "Steve Witkoff", True),
    ("The Iranian parliament's speaker told Europe to think again.", "Mohammad Bagher Ghalibaf", True),
    ("Iraq's parliament's speaker met tribal leaders.", "Mohammad Bagher Ghalibaf", False),
    # a place named after a person ("residents of Ramat Trump") is no mention of him
    ("Residents of Kfar Trump complained about the new bus timetable.", "Donald Trump", False),
    ("Supporters of Trump gathered outside the court.", "Donald Trump", True),
    # (part 9) namesakes told by a suffix or a business: "III", "Organization's", "X's ... Grill"
    ("Fred Trump III spoke to a radio station about his family.", "Donald Trump", False),
    ("The Trump Organization's lawyers filed the papers.", "Donald Trump", False),
    ("Rubio's Taco Kitchen opened a branch in Miami.", "Marco Rubio", False),
    ("Rubio's staff flew to Muscat ahead of the round.", "Marco Rubio", True),
    ("Trump's national security team met on Sunday.", "Donald Trump", True),
    # a role in apposition to another person is that person's, not the tracked holder's
    ("Mohammad Khatami, Iran's president during the first talks, wrote an open letter.",
     "Masoud Pezeshkian", False),
    ("The memoir was praised by Ali Akbar Salehi, then foreign minister, and others.", "Abbas Araghchi", False),
    ("Masoud Pezeshkian, Iran's president, told the assembly Iran wants talks.", "Masoud Pezeshkian", True),
    ("Speaking in New York, Iran's president said talks could resume, diplomats said.",
     "Masoud Pezeshkian", True),
    # "the two leaders" after a call are the heads just named, not Iran's Leader
    ("Trump hosted Japan's prime minister at the White House; the two leaders praised the trade pact.",
     "Ali Khamenei", False),
    ("The Iranian leader's office said nothing.", "Ali Khamenei", True),
    # the interlocutor across the Iran–US table; nobody in anyone else's talks
    ("Witkoff met his Iranian interlocutor for three hours.", "Abbas Araghchi", True),
    ("Araghchi told reporters his American interlocutor had been businesslike.", "Steve Witkoff", True),
    ("The Russian diplomat said his American interlocutor was open to a prisoner swap.", "Steve Witkoff", False),
    # the head of the legislative branch, Iran's or another country's
    ("رئیس قوه مقننه از دولت خواست لایحه را پس بگیرد.", "Mohammad Bagher Ghalibaf", True),
    ("رئیس قوه مقننه عراق به تهران آمد.", "Mohammad Bagher Ghalibaf", False),
    # c and q as k in a long surname; another name of the same shape stays apart
    ("Witcoff and Araghchi met again.", "Steve Witkoff", True),
    ("Ritkoff, a Brooklyn baker, won the prize.", "Steve Witkoff", False),
    # the head of parliament and the opposite number, told in other words
    ("The head of parliament told Iranian reporters the deal was dead.", "Mohammad Bagher Ghalibaf", True),
    ("The head of parliament's energy committee said fuel prices would rise.", "Mohammad Bagher Ghalibaf", False),
    ("Witkoff phoned his Iranian opposite number before the round.", "Abbas Araghchi", True),
    ("The Qatari emir's opposite number was not named.", "Abbas Araghchi", False),
    # a compound Persian given name written in two words is the official's own, not another's
    ("حمید رضا حاجی بابایی در نشست خبری شرکت کرد.", "Hamid-Reza Haji Babaee", True),
    ("علی رضا حاجی بابایی در نشست خبری شرکت کرد.", "Hamid-Reza Haji Babaee", False),
    # a counterpart role after a minister of another portfolio is that minister's counterpart
    ("Araghchi flew to Muscat, where he met his Omani counterpart.", "Badr Albusaidi", True),
    ("Iran's roads minister flew to Muscat to meet his Omani counterpart.", "Badr Albusaidi", False),
    ("وزیر جهاد کشاورزی در سفر به مسقط با همتای عمانی خود دیدار کرد.", "Badr Albusaidi", False),
    ("The minister of health met his Omani counterpart.", "Badr Albusaidi", False),
    ("وزیر راه با همتای عمانی خود دیدار کرد و سپس عراقچی با همتای عمانی خود گفتگو کرد.", "Badr Albusaidi", True),
    # descriptor -> office: the holder's party, a body's possessive, an act of the holder
    ("The Republican president said Tehran had days to answer.", "Donald Trump", True),
    ("The Democratic president who signed the accord left office in 2017.", "Donald Trump", False),
    ("A Republican president would have vetoed it, the senator said.", "Donald Trump", False),
    ("The Republican president said his envoy would fly to Oman.", "Steve Witkoff", True),
    ("Putin said his envoy would fly to Tehran.", "Steve Witkoff", False),
    ("Analysts say the president who walked away from the accord in 2018 wants a better one.", "Donald Trump", True),
    ("The president who pulled out of the election race endorsed a rival.", "Donald Trump", False),
    ("رئیس‌جمهوری که برجام را پاره کرد حالا توافق تازه می‌خواهد.", "Donald Trump", True),
    ("The Iranian side's negotiator asked for a recess.", "Abbas Araghchi", True),
    ("The Washington team's negotiator asked for a recess.", "Steve Witkoff", True),
    ("An Iranian negotiator asked for a recess.", "Abbas Araghchi", False),
    # Persian ezafe: a describing word between the head and its country; «رئیس دولت», «خانه ملت»
    ("رئیس‌جمهور کنونی آمریکا دوباره ایران را تهدید کرد.", "Donald Trump", True),
    ("رئیس‌جمهور کنونی آمریکا دوباره ایران را تهدید کرد.", "Masoud Pezeshkian", False),
    ("رئیس دولت موقت لیبی به رم رفت.", "Masoud Pezeshkian", False),
    ("رئیس‌جمهور پیشین آمریکا کتاب تازه‌ای نوشت.", "Donald Trump", False),
    ("رئیس دولت در جمع استانداران از کاهش واردات گفت.", "Masoud Pezeshkian", True),
    ("رئیس خانه ملت جلسه علنی را اداره کرد.", "Mohammad Bagher Ghalibaf", True),
    # a possessive "its" and an age between the country and the head
    ("Iran's president and the speaker of its parliament spoke on Monday.", "Mohammad Bagher Ghalibaf", True),
    ("Iraq's president and the speaker of its parliament spoke on Monday.", "Mohammad Bagher Ghalibaf", False),
    ("Iran's 85-year-old supreme leader appeared in public.", "Ali Khamenei", True),
    ("Iraq's top cleric urged calm.", "Ali Khamenei", False),
    # a possessor with an office: a president's first deputy, a minister's boss and political deputy
    ("Pezeshkian's first deputy chaired the economic council.", "Mohammad Reza Aref", True),
    ("Ghalibaf's first deputy chaired the session.", "Mohammad Reza Aref", False),
    ("Pezeshkian's foreign minister flew to Doha.", "Abbas Araghchi", True),
    ("Rubio said his boss would decide by Friday.", "Donald Trump", True),
    ("A Senate aide said his boss would decide by Friday.", "Donald Trump", False),
    ("Araghchi brought his deputy for political affairs to Geneva.", "Majid Takht-Ravanchi", True),
    ("Ghalibaf brought his deputy for political affairs to Geneva.", "Majid Takht-Ravanchi", False),
    # the side's man at the table
    ("Washington's man at the table wants a quick answer.", "Steve Witkoff", True),
    ("The man at the table ordered coffee.", "Steve Witkoff", False),
    # a role told of the person before it ("who as ...") or dated before the holders' time
    ("Ali Akbar Velayati, who as Iran's foreign minister met Gulf rulers, turned 80.", "Abbas Araghchi", False),
    ("Iran's foreign minister in the 1990s ran a different policy.", "Abbas Araghchi", False),
    ("Iran's foreign minister on Tuesday ran into the same wall.", "Abbas Araghchi", True),
    # lists split by semicolons, "VP" as a title
    ("Present: Pezeshkian; VP Aref; Araghchi.", "Mohammad Reza Aref", True),
    ("Present: VP Harris and her staff.", "Mohammad Reza Aref", False),
    # a surname that is also a trade after a plural noun of people
    ("مردان قالیباف این روستا از رکود بازار شکایت دارند.", "Mohammad Bagher Ghalibaf", False),
    ("قالیباف این هفته از رکود بازار گفت.", "Mohammad Bagher Ghalibaf", True),
    # the holder told by his seat
    ("The Oval Office occupant wants an answer within days.", "Donald Trump", True),
    ("The former White House occupant wrote a memoir.", "Donald Trump", False),
    # a Persian bare head in the words of a foreign official is his country's holder
    ("روبیو افزود رئیس‌جمهور به دیپلماسی فرصت می‌دهد.", "Donald Trump", True),
    ("روبیو افزود رئیس‌جمهور به دیپلماسی فرصت می‌دهد.", "Masoud Pezeshkian", False),
    ("بقائی افزود رئیس‌جمهور به دیپلماسی فرصت می‌دهد.", "Masoud Pezeshkian", True),
    # a spokesman's briefing in a capital says which ministry he speaks for
    ("The foreign ministry's spokesman told a press briefing in Tehran that no date was set.", "Esmaeil Baqaei", True),
    ("The foreign ministry's spokesman told a press briefing in Baghdad that no date was set.", "Esmaeil Baqaei", False),
    # the heads of the three branches: each member the watchlist tracks
    ("سران قوا در نشستی مشترک درباره بودجه تصمیم گرفتند.", "Mohammad Bagher Ghalibaf", True),
    ("سران قوای عراق در بغداد دیدار کردند.", "Mohammad Bagher Ghalibaf", False),
    ("Iran's heads of the three branches of government met on Sunday.", "Masoud Pezeshkian", True),
    ("The heads of the three branches of government met in Washington.", "Donald Trump", False),
    # the strategic vice president's office was his in 2024-2025 (he resigned): a past role, his when
    # told in a passage dated in his time, nobody's undated; told as a past post or by its end (he
    # was its only holder: descriptions), his
    # (descriptions count in an article about the file)
    ("The former vice president for strategic affairs defended the nuclear talks.", "Mohammad Javad Zarif", True),
    ("He resigned as vice president for strategic affairs in March, defending the nuclear talks.",
     "Mohammad Javad Zarif", True),
    ("معاون راهبردی سابق رئیس‌جمهور از مذاکرات هسته‌ای دفاع کرد.", "Mohammad Javad Zarif", True),
    ("The vice president for strategic affairs defended the nuclear talks.", "Mohammad Javad Zarif", False),
    ("The former vice president for economic affairs defended the nuclear talks.", "Mohammad Javad Zarif", False),
    ("The US-educated diplomat who negotiated the nuclear deal returned to teaching.", "Mohammad Javad Zarif", True),
    ("The British-educated diplomat who negotiated the nuclear deal returned to teaching.",
     "Mohammad Javad Zarif", False),
    ("در بهمن ۱۴۰۳ معاون راهبردی رئیس‌جمهور در نشستی سخن گفت.", "Mohammad Javad Zarif", True),
    ("In September 2024 the vice president for strategic affairs met the cabinet.", "Mohammad Javad Zarif", True),
    ("The vice president for strategic affairs opened a conference on Sunday.", "Mohammad Javad Zarif", False),
    # p slips to f in a long surname; another name of that shape stays apart
    ("Witkopf landed in Muscat on Friday.", "Steve Witkoff", True),
    ("Wilkopf landed in Muscat on Friday.", "Steve Witkoff", False),
    # offices in other words: the executive's head, the highest authority, the top legislator
    ("رئیس قوه مجریه در جمع خبرنگاران گفت.", "Masoud Pezeshkian", True),
    ("رئیس قوه مجریه ترکیه در جمع خبرنگاران گفت.", "Masoud Pezeshkian", False),
    ("Iran's highest authority signed off on the text.", "Ali Khamenei", True),
    ("The highest authority on the matter is the court.", "Ali Khamenei", False),
    ("Iran's top lawmaker called the offer an insult.", "Mohammad Bagher Ghalibaf", True),
    ("The top lawmaker called the offer an insult.", "Mohammad Bagher Ghalibaf", False),
    # a first deputy told through its possessor: the president's
    ("معاون اول پزشکیان در جلسه ستاد اقتصادی گفت.", "Mohammad Reza Aref", True),
    ("معاون اول قالیباف در جلسه علنی گفت.", "Mohammad Reza Aref", False),
    ("Iran's first VP chaired the cabinet.", "Mohammad Reza Aref", True),
    # a side's negotiator only with its side written
    ("The negotiator left Muscat after Witkoff spoke.", "Abbas Araghchi", False),
    ("Araghchi's aide said his boss would decide by Friday.", "Masoud Pezeshkian", False),
    ("Iran's top cleric called for calm.", "Ali Khamenei", True),
    ("The top cleric in Qom called for calm.", "Ali Khamenei", False),
    # the first tracked person of a Persian sentence is the one who speaks
    ("عراقچی در تماس با روبیو گفت رئیس‌جمهور به دیپلماسی باور دارد.", "Donald Trump", False),
    ("عراقچی در تماس با روبیو گفت رئیس‌جمهور به دیپلماسی باور دارد.", "Masoud Pezeshkian", True),
    # a rank between a possessor and "envoy"; a republic's leader is its president
    ("Trump's top envoy landed in Doha.", "Steve Witkoff", True),
    ("Putin's top envoy landed in Doha.", "Steve Witkoff", False),
    ("The American leader wants a deal before summer.", "Donald Trump", True),
    ("The Omani leader wants a deal before summer.", "Donald Trump", False),
    ("Iran's chief nuclear negotiator left Geneva.", "Abbas Araghchi", True),
    # "of" + a demonym + a noun: the head of a body of that country, not its holder
    ("The leader of the Iranian wrestling team thanked the fans.", "Ali Khamenei", False),
    ("The foreign ministers of the Iranian and Omani governments spoke by phone.", "Badr Albusaidi", True),
    # a past or future holder in Persian: another numbered government, "previous", "future"
    ("رئیس دولت دوازدهم از برجام دفاع کرد.", "Masoud Pezeshkian", False),
    ("وزیر خارجه دولت قبل کتاب خاطراتش را منتشر کرد.", "Abbas Araghchi", False),
    ("وزیر خارجه قبلی کتاب خاطراتش را منتشر کرد.", "Abbas Araghchi", False),
    ("رئیس‌جمهور آینده آمریکا باید تصمیم بگیرد.", "Masoud Pezeshkian", False),
    ("رئیس‌جمهور در سفر به مشهد گفت.", "Masoud Pezeshkian", True),
    # commander-in-chief: Iran's Leader, another country's president; a foreign policy chief
    ("Iran's commander-in-chief ordered a review.", "Ali Khamenei", True),
    ("America's commander-in-chief ordered a review.", "Donald Trump", True),
    ("The commander-in-chief of the navy ordered a review.", "Ali Khamenei", False),
    ("Iran's foreign policy chief flew to Beijing.", "Abbas Araghchi", True),
    ("The EU foreign policy chief flew to Beijing.", "Abbas Araghchi", False),
    # "his" before a region and "envoy"; a describing word between "the" and a head
    ("Trump's old friend, now his Middle East envoy, landed in Doha.", "Steve Witkoff", True),
    ("Erdogan's old friend, now his Middle East envoy, landed in Doha.", "Steve Witkoff", False),
    ("The reformist president told parliament in Tehran that Iran would talk.", "Masoud Pezeshkian", True),
    ("The club president told reporters in Tehran that Iran would win.", "Masoud Pezeshkian", False),
    # an office in other words: the diplomatic apparatus is the foreign ministry, «وزیرخارجه» joined
    ("The spokesman for Iran's diplomatic apparatus said the letter had arrived.", "Esmaeil Baqaei", True),
    ("The spokesman for Qatar's diplomatic apparatus said the letter had arrived.", "Esmaeil Baqaei", False),
    ("سخنگوی دستگاه سیاست خارجی درباره نامه تازه توضیح داد.", "Esmaeil Baqaei", True),
    ("وزیرخارجه ایران امروز به مسکو رفت.", "Abbas Araghchi", True),
    ("وزیرخارجه قطر امروز به مسکو رفت.", "Abbas Araghchi", False),
    # a biographical description (the watchlist's descriptions), only in an article that names
    # another tracked official or topic, and not of somebody named beside it
    ("Talks with Washington will go on, the heart surgeon told the cabinet.", "Masoud Pezeshkian", True),
    ("A heart surgeon at a Tabriz hospital performed the town's first transplant.", "Masoud Pezeshkian", False),
    ("The former mayor of Tehran said parliament would vote on the nuclear bill.", "Mohammad Bagher Ghalibaf", True),
    ("Trump, a property developer before politics, said Iran must not get the bomb.", "Steve Witkoff", False),
    ("A property developer from New Jersey sat across the table from Araghchi in Muscat.", "Steve Witkoff", True),
    ("The 84-year-old cleric said sanctions would not break Iran.", "Ali Khamenei", True),
    ("The 48-year-old cleric said sanctions would not break Iran.", "Ali Khamenei", False),
    ("The heart surgeon Reza Karimi said sanctions block medicine imports to Iran.", "Masoud Pezeshkian", False),
    ("وزیر خارجه دولت روحانی در گفت‌وگو با روزنامه‌ای از مذاکرات دفاع کرد.", "Mohammad Javad Zarif", True),
    # a past or foreign government after «دولت», a given name between: not Iran's current holder
    ("وزیر خارجه دولت حسن روحانی کتاب تازه‌ای نوشت.", "Abbas Araghchi", False),
    ("وزیر خارجه دولت نخست ترامپ از فشار حداکثری دفاع کرد.", "Abbas Araghchi", False),
    ("وزیر خارجه دولت چهاردهم به مسکو رفت.", "Abbas Araghchi", True),
    # "then", "next" between a country and its office: another holder
    ("In 2013 Iran's then foreign minister flew to Geneva.", "Abbas Araghchi", False),
    ("Whoever is Iran's next supreme leader will face sanctions.", "Ali Khamenei", False),
    ("Iran's foreign minister flew to Geneva.", "Abbas Araghchi", True),
    # "his spokesman" after a foreign minister is his ministry's; another official's is not
    ("Iran's foreign minister and his spokesman rejected the report.", "Esmaeil Baqaei", True),
    ("Iran's president and his spokesman rejected the report.", "Esmaeil Baqaei", False),
    ("Iran's spokesman rejected the report on the talks.", "Esmaeil Baqaei", False),
    # a bare "the speaker" where a country's parliament is named in the passage
    ("A lawmaker in Iran's parliament said the speaker would table the bill on the IAEA.",
     "Mohammad Bagher Ghalibaf", True),
    ("The keynote speaker at the Doha forum discussed the Iran talks.", "Mohammad Bagher Ghalibaf", False),
    ("At the Tehran book fair the speaker praised the new translation.", "Mohammad Bagher Ghalibaf", False),
    # "the council's head" after the body a role names
    ("Iran's Strategic Council on Foreign Relations met on Monday; the council's head urged talks.",
     "Kamal Kharrazi", True),
    ("Tehran's city council met on Monday; the council's head urged talks.", "Kamal Kharrazi", False),
    ("ریاست شورای راهبردی روابط خارجی گفت راه مذاکره باز است.", "Kamal Kharrazi", True),
    # "its" before a head: the state the clause names, not the object of "with"
    ("The sultanate hosted both rounds, and its foreign minister carried the texts.", "Badr Albusaidi", True),
    ("Qatar held talks with Oman, and its foreign minister praised the host.", "Badr Albusaidi", False),
    # ... nor the place a clause goes to: "its" is the state that speaks, not where its minister went
    ("Tehran said it expected little from the next round in Oman, as its foreign minister landed in Salalah.",
     "Badr Albusaidi", False),
    ("In Oman, its foreign minister greeted the two delegations at the palace.", "Badr Albusaidi", True),
    ("Kuwait sent a delegation to Oman, and its foreign minister joined later.", "Badr Albusaidi", False),
    # ... nor a body of the state the clause names first: "Iran's Guardian Council ... its spokesman" is the council's
    ("Iran's Guardian Council sent the law back on Sunday, and its spokesman called it unconstitutional.",
     "Esmaeil Baqaei", False),
    ("Iran's judiciary commuted the sentence, its spokesman told the weekly briefing.", "Esmaeil Baqaei", False),
    ("Iran dismissed the statement, and its spokesman called it hollow.", "Esmaeil Baqaei", True),
    # a spokesman's boss is his minister, not the president; a minister's boss is the president
    ("Baghaei told the weekly briefing that his boss would fly to Oslo next week.", "Abbas Araghchi", True),
    ("Baghaei told the weekly briefing that his boss would fly to Oslo next week.", "Masoud Pezeshkian", False),
    ("Rubio's spokeswoman said her boss had no plans to meet Lavrov.", "Donald Trump", False),
    ("Iran's top diplomat spoke to the press in Oslo. The minister's boss later urged patience.",
     "Masoud Pezeshkian", True),
    ("Iraq's top diplomat spoke to the press in Oslo. The minister's boss later urged patience.",
     "Masoud Pezeshkian", False),
    # a first deputy sent somewhere: "to" a place, not "to the speaker"
    ("Pezeshkian sent his first deputy to Minsk for the trade fair.", "Mohammad Reza Aref", True),
    ("Ghalibaf sent his first deputy to Minsk for the trade fair.", "Mohammad Reza Aref", False),
    ("Pezeshkian met his first deputy to the parliament speaker on Monday.", "Mohammad Reza Aref", False),
    # Persian deputies "of his own" after the office they serve
    ("رئیس‌جمهور و معاون اولش روز دوشنبه از نمایشگاه صنعت بازدید کردند.", "Mohammad Reza Aref", True),
    ("رئیس مجلس و معاون اولش روز دوشنبه از نمایشگاه صنعت بازدید کردند.", "Mohammad Reza Aref", False),
    ("وزیر امور خارجه امروز معاون سیاسی خود را برای رایزنی به اسلو فرستاد.", "Majid Takht-Ravanchi", True),
    ("وزیر نفت امروز معاون سیاسی خود را برای رایزنی به اسلو فرستاد.", "Majid Takht-Ravanchi", False),
    # a relation the watchlist names ("Araghchi's former boss") told with "his" after him
    ("Araghchi still phones his former boss before each round in Oslo.", "Mohammad Javad Zarif", True),
    ("Baghaei still phones his former boss before each round in Oslo.", "Mohammad Javad Zarif", False),
    ("Araghchi's adviser still phones his former boss before each round in Oslo.", "Mohammad Javad Zarif", False),
    # a country paired before a role: "neither the American nor the Iranian president"
    ("Neither the American nor the Iranian president will attend the Oslo round.", "Donald Trump", True),
    ("Neither the Iraqi nor the Iranian president will attend the Oslo round.", "Donald Trump", False),
    ("Both the Omani and the Iranian foreign minister signed the memo in Salalah.", "Badr Albusaidi", True),
    # "the two sides' chief negotiators": each side's chief, the sides the passage names
    ("Tehran and Washington traded drafts in June; later the two sides' chief negotiators met in Oslo.",
     "Steve Witkoff", True),
    ("Kyiv and Moscow traded drafts in June; later the two sides' chief negotiators met in Istanbul.",
     "Steve Witkoff", False),
    ("Tehran and Washington traded drafts in June; later the two sides' negotiators met in Oslo.",
     "Steve Witkoff", False),
    # an alley or a street named after a martyr who shares a tracked surname
    ("شهرداری یزد از آسفالت خیابان شهید عراقچی در محله قدیمی خبر داد.", "Abbas Araghchi", False),
    ("سخنگوی دولت گفت عراقچی در سفر یزد از خیابان‌های قدیمی بازدید کرد.", "Abbas Araghchi", True),
    # "his boss" in the next sentence after one person; not when the office is written beside it
    ("Witkoff landed in Rome on Friday. His boss wants an answer from Tehran within weeks.", "Donald Trump", True),
    ("Takht-Ravanchi led the experts. His boss, the foreign minister, spoke to the press.",
     "Masoud Pezeshkian", False),
    # a Persian counterpart "of his own" after a pronoun: the person of the sentence before
    ("رئیس‌جمهور آمریکا در کاخ سفید سخنرانی کرد. او گفت آماده دیدار با همتای ایرانی خود است.",
     "Masoud Pezeshkian", True),
    # a bare "the president" beside a seat of the office: that country's
    ("The White House said the president would sign a new order on Iran.", "Donald Trump", True),
    ("The president said in Tehran that Iran would never give up enrichment.", "Donald Trump", False),
    # the head of a side's delegation where talks are named: its negotiator; not at a fair
    ("مذاکرات در ژنو ادامه یافت. رئیس هیئت ایرانی گفت اختلاف‌ها کمتر شده است.", "Abbas Araghchi", True),
    ("رئیس هیئت ایرانی در نمایشگاه کتاب فرانکفورت از غرفه‌ها بازدید کرد.", "Abbas Araghchi", False),
    ("The American delegation head said the round had been useful.", "Steve Witkoff", True),
    ("After the round in Oslo the head of the Iranian delegation spoke of progress.", "Abbas Araghchi", True),
    ("The leader of the Iranian delegation to the chess olympiad thanked the hosts.", "Abbas Araghchi", False),
    # a Persian counterpart "of him" after a pronoun-free sentence naming one person
    ("ویتکاف از رم به واشنگتن بازگشت. همتای ایرانی او گفت اختلاف‌ها باقی است.", "Abbas Araghchi", True),
    # a dated past holder: the watchlist's roles with years ("Iran's foreign minister (2013-2021)")
    ("In 2015 Iran's then foreign minister shook hands with the Americans.", "Mohammad Javad Zarif", True),
    ("In 2003 Iran's then foreign minister received the European trio.", "Kamal Kharrazi", True),
    ("In 2003 Iran's then foreign minister received the European trio.", "Mohammad Javad Zarif", False),
    ("Iran's then foreign minister received the European trio.", "Mohammad Javad Zarif", False),
    ("Iran's then foreign minister received the European trio.", "Abbas Araghchi", False),
    ("Iran's foreign minister at the time, in 2014, met the European trio.", "Mohammad Javad Zarif", True),
    ("The then Iranian foreign minister met the European trio in 2004.", "Kamal Kharrazi", True),
    ("The then Iranian foreign minister met the European trio in 2004.", "Abbas Araghchi", False),
    ("A former Iranian foreign minister said the 2015 accord had failed.", "Mohammad Javad Zarif", False),
    ("He then met Iran's foreign minister in Geneva.", "Abbas Araghchi", True),
    # the speaker with the parliament later in its sentence
    ("The speaker told the Majlis that the nuclear bill would pass.", "Mohammad Bagher Ghalibaf", True),
    # Persian years (Gregorian or Solar Hijri, Persian digits) date a past holder; an age is a describing word
    ("وزیر خارجه وقت ایران در سال ۱۳۹۵ به وین سفر کرد.", "Mohammad Javad Zarif", True),
    ("وزیر خارجه وقت ایران در سال ۱۳۹۵ به وین سفر کرد.", "Abbas Araghchi", False),
    ("رهبر ۸۵ ساله ایران درباره مذاکره با آمریکا سخن گفت.", "Ali Khamenei", True),
    ("رهبر ۸۵ ساله کره شمالی درباره مذاکره با آمریکا سخن گفت.", "Ali Khamenei", False),
    ("The spokesman of the Iranian foreign ministry said the round was over.", "Esmaeil Baqaei", True),
    # an office told by the verb of holding it; a body's own committee is another office
    ("The ex-commander who now presides over the Majlis rejected the draft deal.", "Mohammad Bagher Ghalibaf", True),
    ("The cleric who heads Iran's parliament's cultural committee rejected the draft deal.",
     "Mohammad Bagher Ghalibaf", False),
    ("The lawyer who runs the State Department said Iran must stop enriching.", "Marco Rubio", True),
    # "point man" with its possessor; on another file it is somebody else's
    ("Tehran's envoy and Trump's point man meet in Rome.", "Steve Witkoff", True),
    ("Trump's point man on Venezuela flew to Caracas.", "Steve Witkoff", False),
    ("Washington's point man on Iran landed in Oman.", "Steve Witkoff", True),
    # a Persian head told as what somebody was
    ("در سال‌هایی که ظریف وزیر امور خارجه بود، برجام امضا شد.", "Abbas Araghchi", False),
]


@pytest.mark.parametrize("text,official,found", OFFICIAL_CASES)
def test_official_classes(text, official, found):
    got = MATCHER.scan(text)
    assert (official in got.officials) is found, [(m.name, m.text, m.detail) for m in got.mentions]


def test_about_rule_names_a_known_country():
    from core.watchlist import WatchlistError, watchlist_from_dict

    topic = {"name": "sanctions", "groups": [["sanctions"]]}
    watchlist_from_dict({"topics": [{**topic, "exclude": ["@about Iran"]}]})
    with pytest.raises(WatchlistError, match="names no country"):
        watchlist_from_dict({"topics": [{**topic, "exclude": ["@about Narnia"]}]})


# A meeting is talks only when its sentence brings both sides together as taking part, no third
# country, and its sentence or the next names the file (a term of another topic). The default
# watchlist lists meeting words ("met", "a meeting with", «دیدار»), not the bare noun "meeting".
MEETING_CASES = [
    ("Araghchi will meet envoys from Paris, London and Berlin on Thursday to discuss the snapback.", True),
    ("عراقچی با همتای آلمانی خود در نیویورک دیدار کرد و درباره برنامه هسته‌ای گفت‌وگو کرد.", True),
    ("Araghchi will meet envoys from Paris, London and Berlin on Thursday.", False),
    ("Pezeshkian met provincial governors to discuss the water crisis.", False),
    ("عراقچی در دیدار با سفیر ژاپن از تحریم‌های آمریکا انتقاد کرد.", False),
]


@pytest.mark.parametrize("text,found", MEETING_CASES)
def test_meeting_words(text, found):
    got = MATCHER.scan(text)
    assert ("negotiations" in got.topics) is found, [(m.name, m.text, m.detail) for m in got.mentions]
