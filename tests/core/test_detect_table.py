"""Table-driven detection tests with the default watchlist: realistic sentences in English and
Persian, each labelled with exactly the officials and topics it mentions.

Short codes keep the table readable; the last test computes precision and recall per kind
over the whole table.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.detect import Matcher
from core.watchlist import watchlist_from_dict

WATCHLIST = watchlist_from_dict(
    tomllib.loads((Path(__file__).parents[2] / "storage/defaults/watchlist.toml").read_text("utf-8"))
)
MATCHER = Matcher(WATCHLIST)

OFFICIALS = {
    "KH": "Ali Khamenei", "PZ": "Masoud Pezeshkian", "AR": "Abbas Araghchi", "TR": "Donald Trump",
    "WI": "Steve Witkoff", "ZA": "Mohammad Javad Zarif", "BA": "Esmaeil Baqaei",
    "TA": "Majid Takht-Ravanchi", "KR": "Kamal Kharrazi", "AF": "Mohammad Reza Aref",
    "HB": "Hamid-Reza Haji Babaee", "AL": "Badr Albusaidi", "RU": "Marco Rubio",
    "GH": "Mohammad Bagher Ghalibaf",
}
TOPICS = {"neg": "negotiations", "san": "sanctions", "oman": "Oman talks", "nuc": "nuclear program"}

# (text, officials, topics): codes separated by spaces; "" means none.
CASES = [
    # --- full names, surnames, possessives, curly apostrophes -------------------------------
    ("Masoud Pezeshkian met business leaders in Tabriz on Tuesday.", "PZ", ""),
    ("Pezeshkian’s cabinet approved the budget bill.", "PZ", ""),
    ("Pezeshkian's spokesman declined to comment.", "PZ", ""),
    ("KHAMENEI WARNS AGAINST HASTE", "KH", ""),
    ("The speech by Ayatollah Ali Khamenei lasted an hour.", "KH", ""),
    ("Iran’s Ayatollah Khamenei addressed a crowd of clerics.", "KH", ""),
    ("Marco Rubio told senators the administration had run out of patience.", "RU", ""),
    ("Rubio said the State Department would review the visa rules.", "RU", ""),
    ("Steve Witkoff flew to the region on Thursday evening.", "WI", ""),
    ("Steven Witkoff, a real estate developer, was named to the post in November.", "WI", ""),
    ("Kamal Kharrazi chaired a seminar on regional security.", "KR", ""),
    ("Kharazi was foreign minister under President Khatami.", "KR", ""),
    ("Mohammad Bagher Ghalibaf opened the parliamentary session.", "GH", ""),
    ("Qalibaf, a former Tehran mayor, ran for president several times.", "GH", ""),
    ("Mohammed Baqer Ghalibaf criticised the cabinet's budget.", "GH", ""),
    ("Spokesman Esmaeil Baghaei held his weekly press briefing.", "BA", ""),
    ("Baqaei rejected the statement as baseless.", "BA", ""),
    ("Esmail Baghaee was asked about the detained journalists.", "BA", ""),
    ("Abbas Araqchi arrived in Beijing for a two-day visit.", "AR", ""),
    ("Muhammad Javad Zarif resigned in March, citing pressure from the judiciary.", "ZA", ""),
    ("Javad Zarif still writes columns for foreign newspapers.", "ZA", ""),
    ("President Donald J. Trump signed the order in the Oval Office.", "TR", ""),
    ("TRUMP SIGNS ORDER ON SHIPPING", "TR", ""),
    # --- compound names: joined, hyphenated, spaced -------------------------------------------
    ("Majid Takht-Ravanchi met the Norwegian ambassador.", "TA", ""),
    ("Takht Ravanchi said the visit had been useful.", "TA", ""),
    ("Deputy minister Takhtravanchi briefed lawmakers.", "TA", ""),
    ("Hamid-Reza Haji-Babaei chaired the open session.", "HB", ""),
    ("Haji Babaee read out the results of the vote.", "HB", ""),
    ("Hajibabaei told reporters the bill would pass.", "HB", ""),
    ("Hamidreza Hajibabaee was elected deputy speaker.", "HB", ""),
    ("Badr Al-Busaidi greeted the delegations at the airport.", "AL", ""),
    ("Al Busaidi praised both sides for their patience.", "AL", ""),
    ("Albusaidi returned home after a week of shuttle visits.", "AL", ""),
    ("Sayyid Badr bin Hamad Al Busaidi received the credentials of three ambassadors.", "AL", ""),
    # --- case-sensitive alias and word boundaries ---------------------------------------------
    ("Security concerns trump economic interests in this debate.", "", ""),
    ("He played his trump card late in the game of bridge.", "", ""),
    ("The company trumpeted record profits for the quarter.", "", ""),
    ("She spoke carefully about the budget, a spokeswoman said.", "", ""),
    ("A woman in Shiraz opened a bakery near the bazaar.", "", ""),
    ("The Arefi family ran the shop for forty years.", "", ""),
    # --- other people who share a surname -----------------------------------------------------
    ("Mojtaba Khamenei rarely appears in public.", "", ""),
    ("Melania Trump hosted a luncheon for the spouses of foreign leaders.", "", ""),
    ("Ali Bagheri Kani led the delegation in Vienna two years ago.", "", ""),
    ("Ruhollah Khomeini returned from exile in 1979.", "", ""),
    ("Students at Kharazmi University staged a sit-in.", "", ""),
    # --- context-needing surnames -------------------------------------------------------------
    ("First Vice President Mohammad Reza Aref chaired the cabinet meeting.", "AF", ""),
    ("Vice President Aref said the cabinet backed the plan.", "AF", ""),
    ("Mohammadreza Aref spoke first. Later, Aref returned to the podium.", "AF", ""),
    ("Aref Hosseini, a poet from Mashhad, read two of his works.", "", ""),
    ("The singer Aref performed to a packed hall in Los Angeles.", "", ""),
    ("Aref said nothing further.", "", ""),
    # --- fuzzy spellings ----------------------------------------------------------------------
    ("Foreign Minister Abbas Araghci spoke by phone with his Qatari counterpart.", "AR", ""),
    ("Spokesman Baqaie said the claims were baseless.", "BA", ""),
    ("Witkof is expected to fly to the region next week.", "WI", ""),
    ("Pezeshkiyan visited flooded villages in the north.", "PZ", ""),
    ("Pezeshkain toured the flooded villages in the north.", "PZ", ""),
    ("Bagheri said the proposal was unrealistic.", "", ""),
    ("Khomeini's portrait hung in every classroom.", "", ""),
    # --- roles ---------------------------------------------------------------------------------
    ("Iran’s Supreme Leader has the final say on state matters.", "KH", ""),
    ("The Leader of the Revolution received the judiciary chief.", "KH", ""),
    ("Iran's leader gave a speech to air force commanders.", "KH", ""),
    ("Iran's president inaugurated a new railway line.", "PZ", ""),
    ("The Iranian president travelled to Baku for a summit.", "PZ", ""),
    ("Iran's foreign minister flew to Beijing.", "AR", ""),
    ("The Omani foreign minister hosted a dinner for ambassadors.", "AL", ""),
    ("The US special envoy arrived on a private jet.", "WI", ""),
    ("Former Foreign Minister Mohammad Javad Zarif spoke at a conference in Tehran.", "ZA", ""),
    ("First Vice President Aref opened the exhibition.", "AF", ""),
    ("The former Iranian president spoke at a university.", "", ""),
    ("Iran's ex-president was barred from running again.", "", ""),
    ("The late Supreme Leader had appointed him in 1981.", "", ""),
    ("Then-Foreign Minister Zarif signed the accord in Vienna.", "ZA", "neg"),
    ("The Iranian deputy foreign minister took notes.", "", ""),
    ("Iranian President Ebrahim Raisi died in a helicopter crash.", "", ""),
    ("North Korea's leaders marked the anniversary with a parade.", "", ""),
    ("The US president of the chamber of commerce spoke first.", "TR", ""),
    ("Iran's leaders disagree on economic policy.", "", ""),
    # --- negotiations ---------------------------------------------------------------------------
    ("Both sides said the negotiations were constructive.", "", "neg"),
    ("Negotiators worked through the night in Geneva.", "", "neg"),
    ("Tehran called for dialogue rather than threats.", "", "neg"),
    ("Diplomats said a deal could be reached within weeks.", "", "neg"),
    ("The two governments signed an agreement on trade.", "", "neg"),
    ("Qatar offered mediation between the two capitals.", "", "neg"),
    ("Washington has not ruled out diplomatic engagement with Tehran.", "", "neg"),
    ("Officials will have to deal with the fallout for months.", "", ""),
    ("It took a great deal of effort to restore the power grid.", "", ""),
    ("The minister dealt with the protest by promising reforms.", "", ""),
    ("Farmers are in agreement that the drought is the worst in decades.", "", ""),
    ("The ideal location for the stadium is still undecided.", "", ""),
    # --- sanctions ------------------------------------------------------------------------------
    ("Washington imposed new sanctions on shipping companies.", "", "san"),
    ("The campaign of maximum pressure aims to cut oil exports to zero.", "", "san"),
    ("An arms embargo has been in place for years.", "", "san"),
    ("The Treasury sanctioned five tankers carrying Iranian crude.", "", "san"),
    ("Khamenei has officially sanctioned direct diplomatic engagement with Washington.", "KH", "neg"),
    ("The move was sanctioned by the cabinet last week.", "", ""),
    ("The referee sanctioned the goal after a video review.", "", ""),
    # --- Oman talks -----------------------------------------------------------------------------
    ("Talks were held in Oman with the help of Omani mediators.", "", "neg oman"),
    ("The delegations met in Muscat. The talks lasted three hours.", "", "neg oman"),
    ("Oman has offered to host another round of negotiations.", "", "neg oman"),
    ("A tanker was seized in the Gulf of Oman on Sunday.", "", ""),
    ("Oman Air added a daily flight to Tehran.", "", ""),
    ("A tanker caught fire in the Gulf of Oman as talks in Geneva continued.", "", "neg"),
    ("Oman's economy grew by three percent last year.", "", ""),
    ("Muscat is hot in July. Nothing else happened that day. The talks began in Rome.", "", "neg"),
    # --- nuclear program ------------------------------------------------------------------------
    ("Inspectors visited the enrichment site at Natanz.", "", "nuc"),
    ("Iran's nuclear program has expanded since 2019.", "", "nuc"),
    ("The IAEA said uranium stockpiles had grown.", "", "nuc"),
    ("Centrifuges were installed underground at Fordow.", "", "nuc"),
    ("The nuclear family is changing in modern cities.", "", ""),
    # --- mixed, realistic paragraphs --------------------------------------------------------------
    ("Iranian Foreign Minister Abbas Araghchi, left, meets his Omani counterpart Sayyid Badr Albusaidi before talks with US envoy Steve Witkoff in Muscat.", "AR AL WI", "neg oman"),
    ("Trump reinstated maximum pressure but said he preferred a deal to military action.", "TR", "san neg"),
    ("Deputy Speaker of Parliament Hamid-Reza Haji Babaee said Tehran holds no hostility toward Washington.", "HB", ""),
    ("Kamal Kharrazi, head of Iran’s Strategic Council on Foreign Relations, backed the talks.", "KR", "neg"),
    ("The spokesman, Esmaeil Baqaei, said sanctions relief must come first.", "BA", "san"),
    ("IRANIAN PRESIDENT Masoud Pezeshkian attends a news conference in Tehran. (photo credit: REUTERS)", "PZ", ""),
    ("Smoke rises over the port. (REUTERS/Mohammed Salem)", "", ""),
    ("By Ali Alfoneh\nAraghchi: U.S. and Iran Agree on Continued Talks", "AR", "neg"),
    ("Rubio Tells Araghchi Door Remains Open", "RU AR", ""),
    # --- Persian ----------------------------------------------------------------------------------
    ("آیت‌الله خامنه‌ای در دیدار با فرماندهان سخنرانی کرد.", "KH", ""),
    ("آيت الله خامنه اي در ديدار با فرماندهان سخنرانی كرد.", "KH", ""),
    ("رهبر انقلاب امروز با مسئولان قضایی دیدار کرد.", "KH", ""),
    ("مسعود پزشکیان در نشست خبری شرکت کرد.", "PZ", ""),
    ("رئیس جمهور ایران به باکو سفر کرد.", "PZ", ""),
    ("رئیس جمهور سابق ایران در دانشگاه سخنرانی کرد.", "", ""),
    ("عباس عراقچی با همتای چینی خود گفتگو کرد.", "AR", ""),  # another country's talks with Iran (issue 9, part 3)
    ("وزیر امور خارجه عمان میزبان هیئت‌ها بود.", "AL", ""),
    ("اسماعیل بقائی گفت این ادعاها بی‌اساس است.", "BA", ""),
    ("بقایی در نشست هفتگی به پرسش‌ها پاسخ داد.", "BA", ""),
    ("محمدباقر قالیباف جلسه علنی مجلس را اداره کرد.", "GH", ""),
    ("ترامپ گفت تحریم‌ها ادامه خواهد داشت.", "TR", "san"),
    ("دور جدید مذاکرات در مسقط برگزار شد.", "", "neg oman"),
    ("یک نفتکش در دریای عمان توقیف شد.", "", ""),
    ("محمدجواد ظریف در کنفرانسی در تهران سخنرانی کرد.", "ZA", ""),
    ("این طرح بسیار ظریف و دقیق اجرا شد.", "", ""),
    ("معاون اول رئیس جمهور، عارف، در جلسه حضور داشت.", "AF", ""),
    ("شاعر عارف قزوینی در این شهر به دنیا آمد.", "", ""),
    ("برنامه هسته‌ای ایران موضوع گفتگوها بود.", "", "nuc neg"),
    ("غنی‌سازی اورانیوم در فردو ادامه دارد.", "", "nuc"),
    ("فشار حداکثری آمریکا بر اقتصاد ایران اثر گذاشت.", "", "san"),
    ("مجید تخت‌روانچی با سفیر نروژ دیدار کرد.", "TA", ""),
    ("حمیدرضا حاجی بابایی نایب رئیس مجلس است.", "HB", ""),
    ("کمال خرازی رئیس شورای راهبردی روابط خارجی است.", "KR", ""),
    ("مارکو روبیو گفت در دیپلماسی همچنان باز است.", "RU", "neg"),
    ("استیو ویتکاف به مسقط رفت.", "WI", ""),
    ("بدر البوسعیدی از دو طرف برای مذاکره تشکر کرد.", "AL", "neg oman"),
    # --- second batch: headlines, appositives, other countries' officials, off-topic news ------
    ("U.S. President Donald Trump said on Truth Social that Iran must choose quickly.", "TR", ""),
    ("Trump’s envoy Steve Witkoff and Iran’s Abbas Araghchi spoke directly for 45 minutes.", "TR WI AR", "neg"),  # direct contact (part 3)
    ("The Omani-mediated talks are expected to resume in Rome next week.", "", "neg oman"),
    ("Araghchi told state TV that the next round would be held in Muscat.", "AR", "neg oman"),
    ("Iran's top diplomat said Tehran would not give up enrichment.", "AR", "nuc"),
    ("The Islamic Republic's supreme leader has banned talks with Washington in the past.", "KH", "neg"),
    ("Parliament Speaker Mohammad Baqer Qalibaf warned against concessions.", "GH", ""),
    ("Speaker of Parliament Ghalibaf said lawmakers would monitor the process.", "GH", ""),
    ("Foreign Ministry spokesperson Esmaeil Baghaei described the sanctions as economic terrorism.", "BA", "san"),
    ("Mr Witkoff declined to say whether enrichment would be allowed.", "WI", "nuc"),
    ("Secretary of State Marco Rubio said Iran could have a civilian nuclear program.", "RU", "nuc"),
    ("Aref, the first vice president, chaired the economic council.", "AF", ""),
    ("Sadegh Kharrazi, a former ambassador to France, criticised the government.", "", ""),
    ("Hassan Rouhani, Iran's president at the time, negotiated the 2015 accord.", "", "neg nuc"),  # the 2015 accord is the nuclear deal (part 7/8 labels)
    ("The US special envoy for Ukraine Keith Kellogg met European officials.", "", ""),
    ("Former President Hassan Rouhani urged direct talks.", "", "neg"),
    ("The Treasury Department designated six entities under counterterrorism authorities.", "", ""),
    ("Zarif resigned as vice president for strategic affairs in March.", "ZA", ""),
    ("Takht-Ravanchi, a deputy foreign minister, led the technical team.", "TA", ""),
    ("Iranian lawmakers chanted slogans against the United States.", "", ""),
    ("Trump-era sanctions remain in force.", "TR", "san"),
    ("The Pezeshkian government has promised to revive the economy.", "PZ", ""),
    ("Oman’s foreign minister Badr al-Busaidi announced the date on X.", "AL", ""),
    ("The Gulf of Oman has seen several tanker seizures since 2019.", "", ""),
    ("Women’s rights activists were arrested in Tehran.", "", ""),
    ("Ayatollah Khamenei’s representative in Kerman gave the Friday sermon.", "KH", ""),
    ("Araghchi and Witkoff met face to face briefly after the indirect session.", "AR WI", "neg"),  # direct contact (part 3)
    ("The deal that Trump tore up in 2018 capped enrichment at 3.67 percent.", "TR", "neg nuc"),
    ("Khamenei said negotiating with America was neither wise nor honourable.", "KH", "neg"),
    # the two sides' negotiators meeting at the mediator's place are the talks (round 3)
    ("سید عباس عراقچی وزیر امور خارجه کشورمان در مسقط با ویتکاف دیدار کرد.", "AR WI", "neg oman"),
    ("رهبر معظم انقلاب اسلامی در دیدار مردم قم سخنرانی کردند.", "KH", ""),
    ("رییس‌جمهور در جلسه هیئت دولت گفت تحریم‌ها ظالمانه است.", "PZ", "san"),
    ("سخنگوی وزارت امور خارجه گفت دور بعدی گفت‌وگوها در عمان برگزار می‌شود.", "BA", "neg oman"),
    ("قالیباف گفت مجلس بر روند مذاکرات نظارت می‌کند.", "GH", "neg"),
    ("ترامپ در شبکه اجتماعی خود نوشت ایران باید سریع تصمیم بگیرد.", "TR", ""),
    ("Bagheri Kani, the former chief negotiator, criticised the team.", "", "neg"),
    ("Iran's Leader Ayatollah Seyyed Ali Khamenei received the ambassadors.", "KH", ""),
    ("Abbas Araghchi, Iran's foreign minister, said sanctions relief was essential.", "AR", "san"),
    ("Saudi Foreign Minister Prince Faisal bin Farhan spoke with his Omani counterpart.", "AL", ""),
    ("Russia's foreign minister Sergei Lavrov said Moscow supports a diplomatic solution.", "", ""),  # names only another country (part 3)
    ("The Israeli prime minister said he would never accept enrichment on Iranian soil.", "", "nuc"),
    ("Real Madrid agreed a deal to sign the Brazilian winger.", "", ""),  # another country's affairs ("@about Iran")
    ("The central bank raised interest rates by half a point.", "", ""),
    ("The Omani rial is pegged to the dollar.", "", ""),
    ("Iranian president-elect Masoud Pezeshkian thanked voters.", "PZ", ""),
    ("Ayatollah Ruhollah Khomeini, the founder of the Islamic Republic, died in 1989.", "", ""),
    ("Iran's first supreme leader, Ruhollah Khomeini, led the revolution.", "", ""),
    ("Former supreme leader Khomeini's grandson was barred from the race.", "", ""),
    ("North Korean leader Kim Jong Un inspected a missile factory.", "", ""),
    ("Iranian Vice President for Strategic Affairs Mohammad Javad Zarif stepped down.", "ZA", ""),
    ("Former Iranian President Mahmoud Ahmadinejad registered as a candidate.", "", ""),
    ("The president of Iran's chamber of commerce criticised the budget.", "", ""),
    ("US Vice President JD Vance said the administration preferred diplomacy.", "", "neg"),
    ("Trump Tower in Manhattan was evacuated after a bomb threat.", "", ""),  # a building, not the man
    ("Witkoff Group, a real estate firm, bought the hotel.", "WI", ""),
    ("Yemen's Houthis attacked a ship in the Red Sea.", "", ""),
    ("Israeli strikes hit nuclear facilities at Natanz and Isfahan.", "", "nuc"),
    ("The sanctions committee of the Security Council met on Tuesday.", "", "san"),
    ("Talks between Armenia and Azerbaijan stalled over the border.", "", ""),  # other countries' talks (part 3)
    ("The International Atomic Energy Agency has lost continuity of knowledge.", "", "nuc"),
    ("Baghaei: Iran will respond to any aggression", "BA", ""),
    ("Iran-US talks: what we know so far", "", "neg"),
    ("Omani Sultan Haitham bin Tariq received Araghchi in Muscat.", "AR", ""),
    ("Muscat talks end with agreement to meet again", "", "neg oman"),
    ("Mohammad Bagheri, the armed forces chief of staff, was killed.", "", ""),
    ("A senior aide to Ali Larijani said the letter had been delivered.", "", ""),
    ("Larijani carried a message from the Supreme Leader to Putin.", "KH", ""),
    ("The ayatollah's office denied the report.", "", ""),
    ("Iran's Leader says US offer is 'deception'", "KH", ""),
    ("وزیر خارجه روسیه با همتای ایرانی خود گفتگو کرد.", "AR", ""),  # another country's talks with Iran (part 3)
    ("رئیس جمهور آمریکا گفت ایران نباید به سلاح هسته‌ای دست یابد.", "TR", "nuc"),
    ("رئیس‌جمهور سابق آمریکا در این باره سکوت کرد.", "", ""),
    ("وزیر امور خارجه سابق ایران کتابی منتشر کرد.", "", ""),
    ("معاون وزیر امور خارجه ایران به ژنو رفت.", "", ""),
    ("عمان میزبان دور پنجم مذاکرات غیرمستقیم بود.", "", "neg oman"),
    ("Khamenei: We won't negotiate under pressure", "KH", "neg"),
    ("North Korea's supreme leader oversaw a missile test.", "", ""),
    ("The Saudi foreign minister arrived in Tehran on Saturday.", "", ""),
    ("Donald Trump Jr. posted the video on social media.", "", ""),
    ("Trump Sri Lanka visit rumours were denied by the White House.", "TR", ""),
    ("The farmers left of their own accord.", "", ""),
    ("The fund aims to enrich local communities.", "", ""),
    ("The country's supreme leader has the final word on the talks.", "KH", "neg"),
    ("Oman's foreign minister, Badr al-Busaidy, carried the proposal.", "AL", "neg oman"),  # carrying a proposal is mediation; Oman talks are negotiations (issue 9)
    ("میانجی‌گران عمانی پیام‌ها را میان دو هیئت رد و بدل کردند.", "", "neg oman"),
    ("Imam Khamenei addressed the nation on the anniversary.", "KH", ""),
    ("Zach Witkoff spoke at a cryptocurrency conference.", "", ""),
    ("Ismail Baghaei told reporters the claims were baseless.", "BA", ""),
]


def _codes(codes: str, table: dict[str, str]) -> set[str]:
    return {table[c] for c in codes.split()}


@pytest.mark.parametrize(("text", "officials", "topics"), CASES, ids=[c[0][:40] for c in CASES])
def test_case(text, officials, topics):
    found = MATCHER.scan(text)
    assert set(found.officials) == _codes(officials, OFFICIALS), [(m.name, m.text, m.how) for m in found.mentions]
    assert set(found.topics) == _codes(topics, TOPICS), [(m.name, m.text, m.detail) for m in found.mentions]


def test_table_is_large_and_bilingual():
    persian = [c for c in CASES if any("\u0600" <= ch <= "\u06ff" for ch in c[0])]
    assert len(CASES) >= 100 and len(persian) >= 25


@pytest.mark.parametrize("kind", ["official", "topic"])
def test_precision_and_recall_over_the_table(kind):
    table = OFFICIALS if kind == "official" else TOPICS
    tp = fp = fn = 0
    for text, officials, topics in CASES:
        want = _codes(officials if kind == "official" else topics, table)
        found = MATCHER.scan(text)
        got = set(found.officials if kind == "official" else found.topics)
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
