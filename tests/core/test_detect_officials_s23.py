"""Officials classes of session 23 (issue 9, held-out parts 16 and 17), each with sentences of our
own wording for the rule and a precision guard:

- an office told by a past post and the one held now: Persian verbs of holding a seat in the present
  («که اکنون ریاست قوه مقننه را بر عهده دارد», «سکان دستگاه دیپلماسی را در دست دارد»; not «... داشت»),
  "who now leads Iran's government"; a predecessor's successor, a former seat, a minister "under" a
  president with his title between;
- «رهبری» alone as the Leader where it is the subject or object of its clause (not «به رهبری»,
  «رهبری حزب», «رهبری تیم را بر عهده گرفت»); the heads of both sides' delegations (each side's
  chief, Iran and the United States only);
- past holders dated by Iran's government numbers («دولت سیزدهم»: 2021–2024), by "of the day", and
  by an abbreviated month ("Sept. 2019", which no longer ends the sentence);
- corrected data: the second deputy speaker is Haji Babaee (tests/core/test_detect_dated.py), the
  strategic vice presidency a past office (tests/core/test_detect_classes.py)."""

from __future__ import annotations

import pytest

from core.detect import Matcher
from core.detect_dates import as_years, dated_years
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())

GHALIBAF, ARAGHCHI, PEZESHKIAN = "Mohammad Bagher Ghalibaf", "Abbas Araghchi", "Masoud Pezeshkian"
KHAMENEI, WITKOFF, ZARIF, AREF = "Ali Khamenei", "Steve Witkoff", "Mohammad Javad Zarif", "Mohammad Reza Aref"

CASES = [
    # -- a past post and the seat held now --------------------------------------------------------
    ("فرمانده سابق پلیس که اکنون ریاست قوه مقننه را بر عهده دارد، با طرح مذاکره مخالفت کرد.", GHALIBAF, True),
    ("دیپلمات باسابقه‌ای که امروز سکان دستگاه دیپلماسی را در دست دارد، از مذاکره دفاع کرد.", ARAGHCHI, True),
    ("The one-time surgeon who now leads Iran's government defended the talks.", PEZESHKIAN, True),
    # guards: what was held; a committee of the body; another country's ministry
    ("نماینده‌ای که سال‌ها ریاست مجلس را بر عهده داشت، با طرح مذاکره مخالفت کرد.", GHALIBAF, False),
    ("نماینده‌ای که ریاست کمیسیون امنیت ملی مجلس را بر عهده دارد، با طرح مذاکره مخالفت کرد.", GHALIBAF, False),
    ("مردی که سکان دستگاه دیپلماسی عراق را در دست دارد، از مذاکره دفاع کرد.", ARAGHCHI, False),
    ("The banker who now leads Iraq's government defended the talks.", PEZESHKIAN, False),
    # descriptions by a former seat or a predecessor (in an article about the file)
    ("شهردار اسبق تهران در نطقی درباره مذاکرات هسته‌ای سخن گفت.", GHALIBAF, True),
    ("شهردار اسبق مشهد در نطقی درباره مذاکرات هسته‌ای سخن گفت.", GHALIBAF, False),
    ("The former Tabriz lawmaker told reporters the nuclear talks would go on.", PEZESHKIAN, True),
    ("The former Tabriz mayor told reporters the nuclear talks would go on.", PEZESHKIAN, False),
    ("The diplomat who succeeded Amir-Abdollahian flew to Muscat for the nuclear talks.", ARAGHCHI, True),
    ("The diplomat who succeeded Zarif as UN envoy flew to Muscat for the nuclear talks.", ARAGHCHI, False),
    ("A foreign minister under President Mohammad Khatami said the nuclear talks deserved a chance.",
     "Kamal Kharrazi", True),
    ("A foreign minister under President Hassan Rouhani said the nuclear talks deserved a chance.",
     "Kamal Kharrazi", False),
    # told by his place in the line of presidents; another country's 47th is not his
    ("The 45th and 47th president says he would rather strike a deal with Iran.", "Donald Trump", True),
    ("The 47th president of the Philippines says he would rather strike a deal with Iran.", "Donald Trump", False),
    # the US envoy as "Trump's representative"
    ("وزیر امور خارجه در مسقط با نماینده ترامپ درباره تحریم‌ها گفت‌وگو کرد.", WITKOFF, True),
    ("وزیر امور خارجه در مسقط با نماینده تجاری آمریکا درباره تعرفه‌ها گفت‌وگو کرد.", WITKOFF, False),
    # -- «رهبری» alone, and both sides' delegation heads -------------------------------------------
    ("رهبری در دیدار با کارگزاران گفت مذاکره با آمریکا فقط در چارچوب خطوط قرمز ممکن است.", KHAMENEI, True),
    ("دولت باید در مرزهایی که رهبری تعیین کرده‌اند با آمریکا مذاکره کند.", KHAMENEI, True),
    ("تیم مذاکره به رهبری معاون وزیر راهی وین شد.", KHAMENEI, False),
    ("رهبری حزب کارگر بریتانیا درباره مذاکرات تجاری بیانیه داد.", KHAMENEI, False),
    ("او رهبری هیئت مذاکره‌کننده را بر عهده گرفت.", KHAMENEI, False),
    ("شورای رهبری جبهه درباره مذاکره با دولت تصمیم گرفت.", KHAMENEI, False),
    ("رؤسای هیئت‌های ایران و آمریکا پس از دور چهارم مذاکرات در مسقط گفت‌وگوی کوتاهی داشتند.", ARAGHCHI, True),
    ("رؤسای هیئت‌های ایران و آمریکا پس از دور چهارم مذاکرات در مسقط گفت‌وگوی کوتاهی داشتند.", WITKOFF, True),
    ("The heads of the Iranian and US delegations spoke briefly after the talks in Rome.", WITKOFF, True),
    ("رؤسای هیئت‌های ایران و ترکیه درباره مذاکرات گازی دیدار کردند.", ARAGHCHI, False),
    ("رؤسای هیئت‌های ایران و آمریکا در مسابقات جهانی کشتی حاضر بودند.", WITKOFF, False),
    # -- dated by a government's number, "of the day", an abbreviated month -------------------------
    ("معاون اول رئیس‌جمهور در دولت سیزدهم از دور زدن تحریم‌ها سخن گفت.", AREF, False),
    ("معاون اول رئیس‌جمهور در دولت چهاردهم از دور زدن تحریم‌ها سخن گفت.", AREF, True),
    ("رضا احمدی، معاون اول رئیس‌جمهور در دولت سیزدهم، اکنون در دانشگاه تدریس می‌کند و از تحریم‌ها گفت.", AREF, False),
    ("وزیر امور خارجه ایران در دولت دوازدهم در دفاع از برجام سخن گفت.", ZARIF, True),
    ("وزیر امور خارجه ایران در دولت دوازدهم در دفاع از برجام سخن گفت.", ARAGHCHI, False),
    ("وزیر آموزش و پرورش دولت دهم درباره مذاکره با آمریکا سخن گفت.", "Hamid-Reza Haji Babaee", True),
    ("وزیر آموزش و پرورش دولت دوازدهم درباره مذاکره با آمریکا سخن گفت.", "Hamid-Reza Haji Babaee", False),
    # a "then" title with a name after it is that person's; a US-only title's past holder is the US one's
    ("In 2018 Washington left the deal. Then-Secretary of State Mike Pompeo set out demands for Iran.",
     ZARIF, False),
    ("In 2018 Washington left the deal. The then secretary of state set out demands for Iran.", ZARIF, False),
    # "Under Secretary of State" is another office than the secretary's
    ("Iran's negotiators met Under Secretary of State Jane Doe. The foreign minister stayed home.",
     "Marco Rubio", False),
    ("The foreign minister met his Iranian counterpart. Under the deal, the secretary of state said, Iran must stop.",
     "Marco Rubio", True),
    # a year right after the role ("in 2003") names that year's holder; "until 2020" is a past holder's
    ("Iran's foreign minister in 2003, now a council chairman, backed an offer to Washington.",
     "Kamal Kharrazi", True),
    ("Iran's foreign minister in 2003, now a council chairman, backed an offer to Washington.", ARAGHCHI, False),
    ("Iran's foreign minister in Geneva met European envoys on the nuclear file.", ARAGHCHI, True),
    ("A veteran, Oman's foreign minister until 2020, hosted the first secret US-Iran meetings.",
     "Badr Albusaidi", False),
    # «پیش‌تر به عنوان ...»: the office held before
    ("ظریف در یادداشتی از توافق دفاع کرد. او پیش‌تر به عنوان وزیر خارجه مذاکره‌کننده ارشد بود.", ARAGHCHI, False),
    ("بقائی گفت وزیر خارجه به عنوان مذاکره‌کننده ارشد به مسقط می‌رود.", ARAGHCHI, True),
    # by a president's government or years: a year inside his tenure
    ("وزیر امور خارجه ایران در دولت حسن روحانی از برجام دفاع کرد.", ZARIF, True),
    ("وزیر امور خارجه ایران در دولت حسن روحانی از برجام دفاع کرد.", ARAGHCHI, False),
    ("معاون اول رئیس‌جمهور در دولت رئیسی اکنون از دور زدن تحریم‌ها می‌گوید.", AREF, False),
    ("Iran's foreign minister in the Rouhani years defended the nuclear deal.", ARAGHCHI, False),
    ("Iran's chief nuclear negotiator in the Ahmadinejad years attacked the current talks.", ARAGHCHI, False),
    ("Iran's foreign minister attacked the Rouhani years' nuclear deal in the talks.", ARAGHCHI, True),
    ("In 2012, Oman's foreign minister of the day carried messages between Tehran and Washington.",
     "Badr Albusaidi", False),
    ("Oman's foreign minister carried messages between Tehran and Washington on Sunday.", "Badr Albusaidi", True),
    ("In Sept. 2019, Iran's foreign minister told the UN that the sanctions were economic terrorism.", ZARIF, True),
    ("In Sept. 2019, Iran's foreign minister told the UN that the sanctions were economic terrorism.",
     ARAGHCHI, False),
]


@pytest.mark.parametrize("text,official,found", CASES)
def test_session23_official_classes(text, official, found):
    got = MATCHER.scan(text)
    assert (official in got.officials) is found, [(m.name, m.text, m.detail) for m in got.mentions]


def test_governments_keep_offsets():
    text = "وزیر خارجه در دولت سیزدهم گفت"
    converted = as_years(text)
    assert len(converted) == len(text) and "2022" in converted
    assert dated_years("وزیر خارجه دولت دهم گفت", 0, len("وزیر خارجه")) == [2011]
    assert as_years("دولت ایران") == "دولت ایران"
