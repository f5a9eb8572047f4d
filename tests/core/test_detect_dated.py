"""Officials classes of session 22 (issue 9, development part 15), each with sentences of our
own wording for the rule and a precision guard:

- a bare office in a passage dated in a past year is whoever held it that year (the
  watchlist's roles with years: closed for past holders, open-ended "(2024-)" for the current
  holder's start), never the current holder; an undated or present-tense one is the current one;
- past offices with years (UN ambassador, health minister, Tehran mayor) name their holder only
  in a passage dated within his years;
- offices and relations the default watchlist was missing (the first deputy speaker, seats as
  metonyms, "Biden's predecessor", "Araghchi's former boss", "his Middle East envoy");
- namesakes and other holders (a lone "Mohammad" before a surname, another country's leader told
  in the sentence before, an envoy with another portfolio)."""

from __future__ import annotations

import pytest

from core.detect import Matcher
from core.detect_roles import role_tenure
from core.model import Official, Watchlist
from storage.defaults import default_watchlist

MATCHER = Matcher(default_watchlist())

CASES = [
    # -- dated context: the year before the current holder took office -------------------------
    ("In March 2016, Iran's foreign minister toured Latin American capitals to drum up trade.",
     "Mohammad Javad Zarif", True),
    ("In March 2016, Iran's foreign minister toured Latin American capitals to drum up trade.",
     "Abbas Araghchi", False),
    ("In 1985, Iran's president visited Belgrade for talks with the Yugoslav leadership.", "Ali Khamenei", True),
    ("In 1985, Iran's president visited Belgrade for talks with the Yugoslav leadership.", "Masoud Pezeshkian", False),
    ("Iran's president told the General Assembly in September 1985 that the war would go on.", "Ali Khamenei", True),
    ("In 2018, the US president withdrew from the accord with Iran.", "Donald Trump", True),
    # a year nobody tracked held the office: nobody, not the current holder
    ("In 2022, Iran's president flew to New York for the assembly.", "Masoud Pezeshkian", False),
    ("In spring 2010 Oman's foreign minister carried messages between Tehran and Washington.",
     "Badr Albusaidi", False),
    ("In 2019 the US secretary of state called the Guards a terrorist group.", "Marco Rubio", False),
    ("In late 2022 Iran's chief negotiator sent the Europeans a written reply.", "Abbas Araghchi", False),
    ("در سال ۱۳۹۹ معاون اول رئیس‌جمهور گفت تحریم‌ها اثری ندارد.", "Mohammad Reza Aref", False),
    # the year in the paragraph's sentence before
    ("In 2017 the accord still held. Iran's foreign minister toured Asian capitals.", "Mohammad Javad Zarif", True),
    # a year later in the sentence before is only that sentence's own, not a frame
    ("The accord was signed in July 2015. Iran's foreign minister told reporters it was dead.",
     "Abbas Araghchi", True),
    # guards: the year belongs to what is said, a period up to now, or the sentence is told now
    ("Iran's foreign minister said the accord signed in 2015 was dead.", "Abbas Araghchi", True),
    ("Iran's foreign minister said on Tuesday that the accord signed in 2015 could not be revived.",
     "Abbas Araghchi", True),
    ("Since 2018, Iran's foreign minister has pressed Europe to keep trade going.", "Abbas Araghchi", True),
    ("In 2016 the accord took effect. Iran's foreign minister said on Sunday it was dead.", "Abbas Araghchi", True),
    ("In 2012, Iran's supreme leader issued a religious ruling against the bomb.", "Ali Khamenei", True),
    ("Iran's foreign minister, who in 2015 was a deputy, met the Omani envoy.", "Abbas Araghchi", True),
    # -- past offices with years ---------------------------------------------------------------
    ("In 2004, Iran's ambassador to the UN met American diplomats in New York.", "Mohammad Javad Zarif", True),
    ("In 2020, Iran's ambassador to the UN wrote to the Security Council.", "Majid Takht-Ravanchi", True),
    ("Iran's ambassador to the UN wrote to the Security Council on Friday.", "Majid Takht-Ravanchi", False),
    ("Iran's ambassador to the UN wrote to the Security Council on Friday.", "Mohammad Javad Zarif", False),
    ("در تابستان ۱۳۸۳، وزیر بهداشت از بیمارستان‌های بم بازدید کرد.", "Masoud Pezeshkian", True),
    ("وزیر بهداشت روز یکشنبه از بیمارستان‌های کرمان بازدید کرد.", "Masoud Pezeshkian", False),
    ("In 2011 the then Tehran mayor clashed with the cabinet over the budget.", "Mohammad Bagher Ghalibaf", True),
    ("The Tehran mayor opened a new metro line on Sunday.", "Mohammad Bagher Ghalibaf", False),
    ("در مهر ۱۳۹۰ وزیر آموزش و پرورش از مدارس مرزی بازدید کرد.", "Hamid-Reza Haji Babaee", True),
    ("In 2005, Tehran mayor Mahmoud Ahmadinejad ran for president.", "Mohammad Bagher Ghalibaf", False),
    # a "then" office in the sentence after the dated one
    ("In 2003, Iran's envoy to the UN drafted the offer. The then foreign minister approved it.",
     "Kamal Kharrazi", True),
    # -- offices and relations ----------------------------------------------------------------
    # Haji Babaee is the second deputy speaker (presidium of 27 May 2025); the first is Nikzad, untracked
    ("The second deputy speaker of parliament said the chamber would vote on the bill.",
     "Hamid-Reza Haji Babaee", True),
    ("نایب‌رئیس دوم مجلس گفت طرح تعلیق همکاری با آژانس بررسی می‌شود.", "Hamid-Reza Haji Babaee", True),
    ("The first deputy speaker of parliament said the chamber would vote on the bill.",
     "Hamid-Reza Haji Babaee", False),
    ("The first deputy speaker of parliament said the chamber would vote on the bill.",
     "Mohammad Bagher Ghalibaf", False),
    ("نایب‌رئیس اول مجلس گفت طرح تعلیق همکاری با آژانس بررسی می‌شود.", "Hamid-Reza Haji Babaee", False),
    ("نایب‌رئیس اول مجلس گفت طرح تعلیق همکاری با آژانس بررسی می‌شود.", "Mohammad Bagher Ghalibaf", False),
    ("معاون اول دولت چهاردهم گفت رفع تحریم‌ها اولویت دارد.", "Mohammad Reza Aref", True),
    ("رئیس کتابخانه مجلس در بهارستان از نمایشگاه کتاب بازدید کرد.", "Mohammad Bagher Ghalibaf", False),
    ("ریاست بهارستان با طرح مذاکره با آمریکا مخالفت کرد.", "Mohammad Bagher Ghalibaf", True),
    ("ساکن کنونی کاخ سفید گفت توافق با ایران نزدیک است.", "Donald Trump", True),
    ("Biden's predecessor quit the nuclear accord with Iran in 2018.", "Donald Trump", True),
    ("Obama's predecessor spoke of an axis of evil that included Iran.", "Donald Trump", False),
    ("رئیس سابق عراقچی در یادداشتی از مذاکرات با آمریکا دفاع کرد.", "Mohammad Javad Zarif", True),
    ("معاون سیاسی عراقچی با سفیر سوئیس درباره مذاکرات گفت‌وگو کرد.", "Majid Takht-Ravanchi", True),
    ("ویتکاف گزارش مذاکرات را به رئیس خود در کاخ سفید داد.", "Donald Trump", True),
    ("Trump spoke about Iran on Monday. His Middle East envoy flies to Oman on Saturday.", "Steve Witkoff", True),
    ("Trump warns Tehran as his Mideast envoy heads to a new round in Oman", "Steve Witkoff", True),
    ("هیئت ایرانی در دور بعد به ریاست وزیر امور خارجه خواهد بود.", "Abbas Araghchi", True),
    ("Putin spoke about Ukraine on Monday. His Middle East envoy flies to Oman on Saturday.", "Steve Witkoff", False),
    ("جراح قلبی که رئیس دولت شد گفت مذاکره با آمریکا ادامه دارد.", "Masoud Pezeshkian", True),
    ("وزیر خارجه دولت اصلاحات گفت ایران آماده مذاکره با آمریکاست.", "Abbas Araghchi", False),
    ("وزیر خارجه دولت‌های یازدهم و دوازدهم گفت مذاکره با آمریکا ممکن است.", "Abbas Araghchi", False),
    ("وزیر خارجه دولت‌های یازدهم و دوازدهم گفت مذاکره با آمریکا ممکن است.", "Mohammad Javad Zarif", True),
    # -- namesakes and other holders --------------------------------------------------------------
    ("Mohammad Zarif, a 40-year-old tailor in Kabul, said prices had doubled.", "Mohammad Javad Zarif", False),
    ("Mohammad Javad Zarif said the talks with Washington were useful.", "Mohammad Javad Zarif", True),
    ("محمد ظریف، خیاط ۴۰ ساله‌ای در مزار شریف، گفت قیمت‌ها دو برابر شده است.", "Mohammad Javad Zarif", False),
    ("Adam Boehler, the US hostage envoy, met Hamas officials in Doha.", "Steve Witkoff", False),
    ("The US special envoy met Araghchi in Muscat.", "Steve Witkoff", True),
    ("North Korean leader Kim Jong Un toured a plant. The supreme leader ordered more centrifuges.",
     "Ali Khamenei", False),
    ("The supreme leader said on Friday that talks with Washington were pointless.", "Ali Khamenei", True),
]


@pytest.mark.parametrize("text,official,found", CASES)
def test_dated_and_relational_officials(text, official, found):
    got = MATCHER.scan(text)
    assert (official in got.officials) is found, [(m.name, m.text, m.detail) for m in got.mentions]


def test_role_tenure_open_and_closed():
    assert role_tenure("Iran's foreign minister (2013-2021)") == ("Iran's foreign minister", 2013, 2021)
    assert role_tenure("Iran's foreign minister (2024-)") == ("Iran's foreign minister", 2024, None)
    assert role_tenure("Iran's foreign minister") is None


def test_open_years_are_a_current_role_and_its_start():
    """A role written "(2024-)" is matched as the current holder's; without the start year the
    dated rule keeps him (nothing says when he took office)."""
    with_start = Watchlist(officials=(Official("A Minister", roles=("Iran's foreign minister (2024-)",)),))
    without = Watchlist(officials=(Official("A Minister", roles=("Iran's foreign minister",)),))
    assert Matcher(with_start).scan("Iran's foreign minister met the envoy.").officials == ("A Minister",)
    dated = "In 2016, Iran's foreign minister met the envoy."
    assert Matcher(with_start).scan(dated).officials == ()
    assert Matcher(without).scan(dated).officials == ("A Minister",)
