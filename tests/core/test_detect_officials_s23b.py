"""Officials classes of session 23's second round (issue 9; what parts 17 and 18 still missed), each
with sentences of our own wording for the rule and a precision guard:

- relations to an untracked person: "his Iranian counterpart" a sentence after another country's
  minister named by his title ("Kuwait's Foreign Minister X ... He then met his Iranian counterpart"),
  "his foreign minister" after a president the watchlist names as a possessor ("Rouhani's foreign
  minister"), not after somebody else named between;
- the office held now, told loosely: "now in his second year as president", "now serving as foreign
  minister" (in the article's country);
- «رهبری» as the possessor of another person or body («نماینده رهبری», «خبرگان رهبری») is not the Leader;
- past holders: «وقت» inside a Persian office phrase («فرمانده وقت نیروی انتظامی»), a Persian first
  vice president "of the president of the time" («معاون اول رئیس‌جمهور وقت»), dated; a Persian role
  followed by another office that is the clause's object («رئیس‌جمهور آمریکا وزیر نفت ایران را ...»);
  "U.S. Under Secretary of State X" lends no anchor even with the country before "Under";
- a context-needing Persian surname opening its clause before a person's own act («ظریف در یادداشتی»);
- descriptions by deed: "has held ultimate authority in Iran since 1989", "Iran's ultimate authority"."""

from __future__ import annotations

import pytest

from core.detect import Matcher
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())

ARAGHCHI, PEZESHKIAN, KHAMENEI, ZARIF = "Abbas Araghchi", "Masoud Pezeshkian", "Ali Khamenei", "Mohammad Javad Zarif"
AREF, GHALIBAF, TRUMP, RUBIO = "Mohammad Reza Aref", "Mohammad Bagher Ghalibaf", "Donald Trump", "Marco Rubio"

CASES = [
    # -- "his Iranian counterpart" a sentence after an untracked minister's title -------------------
    ("Kuwait's Foreign Minister Ahmad Nasser said the nuclear talks should go on. Nasser then met his "
     "Iranian counterpart.", ARAGHCHI, True),
    ("Iraqi Foreign Minister Fuad Hussein backed the nuclear talks. Hussein then met his Iranian counterpart.",
     ARAGHCHI, True),
    # a place after it ("in Kuwait City") is no name whose title it would be; "host" names no office
    ("Kuwait's Foreign Minister Ahmad Nasser said Kuwait would host talks between Iran and Bahrain. Nasser "
     "spoke at a news conference with his Iranian counterpart in Kuwait City.", ARAGHCHI, True),
    ("The US special envoy for Ukraine Keith Kellogg met officials in Kyiv on the nuclear talks.",
     "Steve Witkoff", False),
    # guards: two offices before (whose counterpart?), another portfolio's minister
    ("Iraq's oil minister Hayan Ali met Qatar's foreign minister Saad Omar in Doha on the gas deal. He later "
     "called his Iranian counterpart.", ARAGHCHI, False),
    ("Kuwait's oil minister said output would rise. He later met his Iranian counterpart about the gas field.",
     ARAGHCHI, False),
    # -- "his foreign minister" after an untracked president the watchlist names as a possessor ------
    ("Ex-president Hassan Rouhani told students that he and his foreign minister had won sanctions relief "
     "through talks.", ZARIF, True),
    ("Rouhani said in a speech in Tehran that his foreign minister had saved the nuclear deal.", ZARIF, True),
    ("Mohammad Khatami said his foreign minister once offered talks to Washington.", "Kamal Kharrazi", True),
    # guards: somebody else named between; a tracked official the pronoun points to
    ("Rouhani attacked Raisi, saying his foreign minister had wasted the nuclear talks.", ZARIF, False),
    ("Rouhani spoke on Monday. Pezeshkian said his foreign minister would fly to Muscat for talks.", ZARIF, False),
    # -- the office held now, told loosely ----------------------------------------------------------
    ("Iran's former health minister, now in his second year as president, told the cabinet the nuclear talks "
     "must go on.", PEZESHKIAN, True),
    ("Iran's onetime UN envoy, now serving as foreign minister, flew to Muscat for the nuclear talks.",
     ARAGHCHI, True),
    # guards: a past office ("served as"), another body's president, no clear country
    ("Iran's former health minister, who served as president of the medical council, spoke about the nuclear "
     "talks.", PEZESHKIAN, False),
    ("Iran's former envoy, now serving as president of a university, spoke on the nuclear talks.",
     PEZESHKIAN, False),
    ("The Iraqi diplomat, now serving as foreign minister, said Baghdad backed the Iran talks.", ARAGHCHI, False),
    # -- «رهبری» as the possessor of another person or body -----------------------------------------
    ("نماینده رهبری در شورای عالی امنیت ملی درباره مذاکره با آمریکا سخن گفت.", KHAMENEI, False),
    ("مجلس خبرگان رهبری در بیانیه‌ای از مذاکرات حمایت کرد.", KHAMENEI, False),
    ("مشاور رهبری در امور بین‌الملل گفت مذاکره با آمریکا ممکن است.", KHAMENEI, False),
    ("رهبری در دیدار با مسئولان گفت مذاکره با آمریکا فایده ندارد.", KHAMENEI, True),
    # -- past holders -------------------------------------------------------------------------------
    ("در سال ۱۳۸۰، فرمانده وقت نیروی انتظامی از طرح امنیت اخلاقی خبر داد.", GHALIBAF, True),
    ("در سال ۱۳۹۰، شهردار وقت تهران از خط تازه مترو بازدید کرد.", GHALIBAF, True),
    ("در سال ۱۳۹۸، فرمانده وقت نیروی انتظامی از طرح امنیت خبر داد.", GHALIBAF, False),  # after his years
    ("در سال ۱۳۸۲، معاون اول رئیس‌جمهور وقت در سفر به پکن درباره خط لوله گفت‌وگو کرد.", AREF, True),
    ("در سال ۱۴۰۱، معاون اول رئیس‌جمهور وقت در سفر به پکن درباره تحریم‌ها گفت‌وگو کرد.", AREF, False),
    ("معاون اول رئیس‌جمهور وقت در سفر به پکن درباره تحریم‌ها گفت‌وگو کرد.", AREF, False),  # undated
    ("در سال ۱۳۹۳، وزیر خارجه وقت درباره مذاکرات هسته‌ای گفت‌وگو کرد.", ZARIF, True),
    # a Persian office after a role, as the clause's object; guard: a title with a name after it
    ("رئیس‌جمهور آمریکا وزیر نفت ایران را تحریم کرد.", TRUMP, True),
    ("در مرداد ۱۳۹۷، رئیس‌جمهور آمریکا سفیر ایران در سازمان ملل را تحریم کرد.", TRUMP, True),
    ("وزیر خارجه آمریکا، آنتونی بلینکن، درباره تحریم‌های ایران سخن گفت.", RUBIO, False),
    # "U.S. Under Secretary of State" is another office, its country before "Under" too
    ("In the nuclear talks, Iran's deputy foreign minister bargained opposite U.S. Under Secretary of State "
     "Jane Roe. Years later, he is the country's foreign minister.", RUBIO, False),
    ("In the nuclear talks, Iran's deputy foreign minister sat across from U.S. Secretary of State Marco Rubio. "
     "Later the secretary of state said the talks failed.", RUBIO, True),
    # -- a context-needing Persian surname before a person's own act --------------------------------
    ("ظریف در یادداشتی در روزنامه اطلاعات نوشت مذاکره با آمریکا تنها راه است.", ZARIF, True),
    ("ظریف در مصاحبه با شبکه خبر گفت تحریم‌ها باید لغو شود.", ZARIF, True),
    ("قالی‌باف در یادداشتی از مذاکره انتقاد کرد.", GHALIBAF, True),
    # guards: the adjective after its noun, a possessed noun before it
    ("این موضوع ظریف در یادداشتی بررسی شد.", ZARIF, False),
    ("پیام ظریف در نامه‌ای به مردم خوانده شد.", ZARIF, False),
    ("موضوعی ظریف در مذاکرات مطرح است.", ZARIF, False),
    # -- descriptions by deed ---------------------------------------------------------------------
    ("The cleric who has held ultimate authority in Iran since 1989 must approve any nuclear deal with "
     "Washington.", KHAMENEI, True),
    ("Iran's ultimate authority has signed off on the nuclear talks.", KHAMENEI, True),
    ("The 86-year-old, who has ruled Iran since 1989, blessed the talks with the United States.", KHAMENEI, True),
    ("The ultimate authority in Iran's courts is the judiciary chief, he said of the sanctions.", KHAMENEI, False),
]


@pytest.mark.parametrize("text,official,found", CASES)
def test_session23_round2_official_classes(text, official, found):
    got = MATCHER.scan(text)
    assert (official in got.officials) is found, [(m.name, m.text, m.detail) for m in got.mentions]
