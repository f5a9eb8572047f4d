"""Recognise page furniture that scrapers and feeds mix into article text.

Newsletter prompts, form notices, captions, bylines, "Updated:" lines, reading times,
disclaimers, related-article lists and paywall notices must never reach a summary or a
story fingerprint. The patterns are data (``LINE_PATTERNS``, ``PHRASE_PATTERNS``,
``TAIL_MARKERS``) so that a new outlet's furniture is one table row, not new code.
Matching runs on ``normalize_for_match`` output: case-folded, curly quotes straightened,
Arabic letter variants mapped to their Persian forms, ZWNJ turned into a space and
Persian/Arabic digits into ASCII, so patterns are written once in that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from core.literals import Prefilter

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\.?"
)
_DATE = (
    rf"(?:(?:\w+day,?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:\w+day,?\s+)?\d{{1,2}}(?:er)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = (
    r"(?:\s*(?:,|at|à|-|\|)?\s*\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\w{2,5})?)?"
)
_AGENCY = (
    r"(?:via|ap|afp|reuters|getty|epa|efe|dpa|handout|shutterstock|canva|wana|anadolu|"
    r"xinhua|isna|irna|tasnim|mehr|photo|photos|image|images|file|credit|crédit|pool)"
)


@dataclass(frozen=True)
class Pattern:
    """One kind of furniture: ``kind`` names it for tests and debugging.

    ``max_words`` limits a phrase to short lines, for words ("newsletter", "privacy")
    that a news sentence may use in passing but a prompt uses in a short line.
    """

    kind: str
    regex: str
    max_words: int | None = None


# The whole line is furniture (matched with fullmatch after normalisation).
LINE_PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "byline",
        r"(?:by|written by|par|de la rédaction|نویسنده\s*:?|به قلم|گزارش\s*:)\s+[^\s.!?:;]+(?:\s+[^\s!?:;]+){0,5}",
    ),
    Pattern(
        "updated",
        rf"(?:last\s+)?(?:updated|published|posted|modified|first published|mis à jour|publié|modifié)\s*:?\s*(?:le|on|at)?\s*(?=\d|{_MONTH}|\w+day\b).{{0,50}}\d.{{0,20}}",
        max_words=10,
    ),
    Pattern(
        "updated",
        r"(?:آخرین\s+)?(?:به ?روز ?رسانی|تاریخ انتشار|تاریخ به ?روز ?رسانی|منتشر شده|انتشار)\s*:?.{0,40}\d.{0,20}",
        max_words=10,
    ),
    Pattern("date", rf"{_DATE}{_TIME}"),
    Pattern(
        "reading time",
        r"\d+\s*-?\s*min(?:ute)?s?\.?\s*(?:read|de lecture)|(?:reading time|temps de lecture|lecture)\s*:?\s*\d+\s*min(?:ute)?s?\.?",
    ),
    Pattern(
        "reading time",
        r"(?:زمان (?:تقریبی )?مطالعه\s*:?\s*)?\d+\s*دقیقه(?:\s*(?:مطالعه|زمان مطالعه))?",
    ),
    Pattern(
        "navigation",
        r"(?:related|related (?:articles|stories|content|posts|news)|read more|read also|also read|see also|more (?:stories|news|on this story|from [\w .’'-]{1,40})|you may (?:also )?like|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest news|view all|see all|show more|load more|share|share this (?:article|story)|tweet|email|print|advertisement|sponsored|skip to (?:main )?content|menu|home|events|newsletters?|subscribe|subscription settings|sign in|sign up|log in|log out|register|comments?|leave a comment|analysis|opinion)\s*[:»›>]?",
    ),
    Pattern(
        "navigation",
        r"(?:lire aussi|à lire aussi|voir aussi|sur le même sujet|articles similaires|dans la même rubrique|partager|publicité|abonnez-vous|se connecter|newsletter|accueil)\s*:?",
    ),
    Pattern(
        "navigation",
        r"(?:مطالب|اخبار|خبرهای|گزارش های)\s*(?:مرتبط|مشابه|پیشنهادی|پربازدید|داغ)|بیشتر بخوانید|همچنین بخوانید|بخوانید|اشتراک ?گذاری|هم ?رسانی|تبلیغات|صفحه اصلی|بازگشت|اقرأ (?:أیضا|ایضا|المزید)|أخبار ذات صلة|اخبار ذات صلة\s*:?",
    ),
    Pattern("slug", r"[^\s/]+(?:-[^\s/]+){4,}"),
    Pattern("url", r"(?:https?://|www\.)\S+"),
)

# A line containing this phrase anywhere is furniture.
PHRASE_PATTERNS: tuple[Pattern, ...] = (
    # Newsletter and paywall prompts.
    Pattern(
        "subscribe",
        r"subscribe (?:to|for) (?:our|the) .{0,40}newsletter|sign up (?:now )?(?:for|to) (?:our|the|a) .{0,40}(?:newsletter|briefing|account)",
    ),
    Pattern(
        "subscribe",
        r"consider subscribing|subscribers? only|(?:already|become) a (?:subscriber|member)|to continue reading|continue reading (?:this|the) (?:article|story)",
    ),
    Pattern(
        "subscribe",
        r"stay (?:updated|informed|up to date) with (?:the |our )?latest|free access to the full|get (?:unlimited|full) access|unlock (?:this|the full|unlimited)",
    ),
    Pattern(
        "subscribe",
        r"(?:you've|you have) (?:reached|read) .{0,30}(?:free )?articles?|this (?:article|content|story) is (?:for|available to|reserved for|exclusive to) (?:our )?(?:subscribers|members|premium)",
    ),
    Pattern(
        "subscribe",
        r"\bsubscri(?:be|ption)\b|\bnewsletters?\b|\bsign up\b",
        max_words=12,
    ),
    Pattern(
        "subscribe",
        r"abonnez-vous|vous devez (?:souscrire|être abonné|vous abonner|vous connecter)|réservée?s? aux abonnés|déjà abonné|prendre votre abonnement|pour (?:lire|continuer) (?:la suite|à lire|cet article)|accès (?:illimité )?(?:au|à l'|à cet) ?(?:contenu|article|intégralité)|inscrivez-vous à (?:notre|la) (?:newsletter|lettre)",
    ),
    Pattern(
        "subscribe",
        r"مشترک شوید|خرید اشتراک|اشتراک (?:ویژه|دیجیتال|ماهانه|سالانه|رایگان)|ویژه (?:ی )?مشترکان|برای (?:ادامه )?(?:مطالعه|خواندن) (?:ادامه |کامل )?(?:این |متن )?(?:مطلب|خبر|گزارش|متن|مقاله)|برای دسترسی (?:کامل )?به (?:متن |محتوای )?(?:کامل|ادامه|این)|عضویت در خبرنامه|در خبرنامه .{0,30}عضو شوید",
    ),
    Pattern("subscribe", r"خبرنامه|عضو شوید", max_words=12),
    Pattern("subscribe", r"اشترک (?:فی|الآن|الان)|النشرة البریدیة|للاشتراک"),
    # Forms, privacy and cookie notices.
    Pattern(
        "form",
        r"indicates required fields?|required fields are marked|for validation purposes|should be left unchanged|enter your e-?mail|champs? (?:obligatoires?|requis)|ce champ est (?:obligatoire|requis)|فیلدهای (?:الزامی|ضروری)|این فیلد",
    ),
    Pattern(
        "privacy",
        r"by (?:subscribing|signing up|registering|clicking|continuing)\b.{0,60}\byou agree|privacy (?:policy|notice|statement)|cookie (?:policy|notice|settings|preferences)|we use cookies|(?:accept|manage|reject) (?:all )?cookies|terms (?:of (?:use|service)|and conditions)",
    ),
    Pattern(
        "privacy",
        r"politique de confidentialité|nous utilisons des cookies|(?:gérer|accepter|refuser) (?:les |mes |tous les )?cookies|conditions (?:générales )?d'utilisation|حریم خصوصی|سیاست (?:حفظ )?حریم|کوکی|شرایط (?:و قوانین|استفاده)",
    ),
    # Captions and credits.
    Pattern(
        "caption",
        r"\(\s*(?:photo |image |picture )?credits?\s*:[^)]*\)|crédits? photo|photo\s*:\s*\S|\bphotograph\s*:|©",
    ),
    Pattern("caption", rf"\((?=[^()]*\b{_AGENCY}\b)[^()]{{2,120}}\)\s*$"),
    Pattern(
        "caption",
        r"^(?:file photo|pictured|caption|image|top photo|photo)\s*[:|-]|^\(?(?:عکس|تصویر|منبع عکس|عکاس|عکس از)\s*:|\((?:عکس|تصویر)[^)]*\)\s*$",
    ),
    # Bylines that trail an article and wire credits.
    Pattern(
        "byline",
        r"^(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b|^(?:avec|with) (?:afp|reuters|ap)$",
    ),
    # Disclaimers.
    Pattern(
        "disclaimer",
        r"views (?:represented|expressed) (?:herein|here|in this)|do(?:es)? not necessarily (?:reflect|represent)|opinions exprimées|n'engagent? que|(?:مسئولیت|مسوولیت) .{0,40}(?:با|بر عهده ی?) ?نویسنده|(?:الزاما|لزوما) (?:بازتاب|منعکس ?کننده|دیدگاه|نظر|موضع)",
    ),
    Pattern("disclaimer", r"\bdisclaimer\b", max_words=12),
    # Copyright, social prompts, tag lists.
    Pattern(
        "copyright",
        r"all rights reserved|tous droits réservés|(?:تمامی|کلیه) حقوق .{0,40}محفوظ|جمیع الحقوق محفوظة",
    ),
    Pattern(
        "social",
        r"follow us on|join our (?:telegram|whatsapp) channel|share (?:this|on) (?:article|story|facebook|twitter|x|whatsapp|telegram)|click here to|suivez-nous sur|ما را در .{0,30}دنبال کنید|به کانال .{0,30}بپیوندید",
    ),
    Pattern(
        "navigation",
        r"^(?:read more|read also|also read|related|see also|watch|lire aussi|à lire aussi|voir aussi|topics|tags|filed under|the files we follow|categories|بیشتر بخوانید|بخوانید|برچسب ها|کلیدواژه ها)\s*:",
    ),
    Pattern("navigation", r"^(?:پایان|ادامه) مطالب (?:پیشنهادی|مرتبط)|^کد خبر\s*:|^انتهای پیام|^download (?:the )?(?:full )?(?:report|pdf|paper|study|analysis)"),
    # Editorial furniture: audio players, series notes, corrections, author bios. None of it
    # may open a summary, so each is recognised on its own line (and sentence).
    Pattern(
        "listen",
        r"^(?:listen to (?:this|the) (?:article|story|report|piece)|audio version|this (?:article|story) is also available as audio)|^(?:این|به این) (?:مطلب|خبر|گزارش|یادداشت|مقاله) را (?:بشنوید|گوش کنید)|^نسخه صوتی",
        max_words=14,
    ),
    Pattern(
        "series",
        r"^this (?:commentary|article|analysis|story|piece|essay|report|op-ed|interview|explainer|post) is (?:part|one) of (?:our|a|an|the)\b.{0,100}\b(?:series|coverage|project|package|dossier|collection|special)"
        r"|^(?:این|اين) (?:یادداشت|مطلب|گزارش|مقاله|گفتگو|تحلیل) (?:بخشی از|از|در) (?:پرونده|مجموعه|سلسله|ویژه نامه)",
    ),
    Pattern(
        "correction",
        r"^(?:correction|corrections|clarification|editor'?s note|update)\s*[:|-]|\ban earlier version of this (?:article|story|report|piece)\b|^this (?:article|story|report) (?:has been|was) (?:updated|corrected|amended)"
        r"|^(?:اصلاحیه|تصحیح|توضیح سردبیر|یادداشت سردبیر)\s*:|در نسخه (?:قبلی|پیشین|اولیه) (?:این|اين) (?:گزارش|خبر|مطلب|مقاله)",
    ),
    Pattern(
        "bio",
        r"^(?:dr\.? |prof\.? |professor )?[\w'.-]+(?: [\w'.-]+){0,3} is (?:an?|the) (?:senior |non ?resident |visiting |research |associate |assistant |distinguished |adjunct )*"
        r"(?:fellow|researcher|analyst|professor|lecturer|scholar|director of|editor at|correspondent for|contributor to|columnist)\b"
        r"|^the (?:author|writer) is\b|^(?:نویسنده|به قلم)\s*:|^about the author",
    ),
    # Update stamps, credits and follow prompts the line patterns above miss.
    Pattern("updated", r"(?:به ?روز ?رسانی|زمان انتشار|تاریخ انتشار)\s*:", max_words=14),
    Pattern("caption", r"^photo (?:by|credit)\b|^(?:منبع تصویر|توضیح تصویر|منبع عکس)\b|^illustrative\s*:"),
    Pattern(
        "social",
        r"^share\s*:|^follow\b.{0,40}\bon (?:telegram|x|twitter|instagram|facebook|whatsapp|youtube)\b|را در .{0,40}دنبال کنید|can also be accessed at",
    ),
    Pattern("subscribe", r"never miss (?:our|a|the) (?:top |latest )?stor|daily edition by email"),
    Pattern("byline", r"^by [\w'.-]+(?: [\w'.-]+){0,3}, [\w ]{0,30}(?:correspondent|editor|reporter|writer|staff)$"),
)

# A line of these kinds ends the article once some content came before it: what follows
# is the outlet's related-articles list, author bio or footer.
TAIL_MARKERS: frozenset[str] = frozenset({"disclaimer"})
# A line after these is not a repeat even when its letters are the same (a URL slug
# spells out the headline that follows it).
_NOT_REPEATED: frozenset[str] = frozenset({"slug", "url"})
_TAIL_LINE = re.compile(
    r"(?:related|related (?:articles|stories|content|posts|news)|more (?:stories|news|from [\w .’'-]{1,40})|"
    r"you may (?:also )?like|recommended(?: for you)?|most (?:read|popular|viewed)|view all|see all|"
    r"lire aussi|à lire aussi|sur le même sujet|articles similaires|"
    r"(?:مطالب|اخبار|خبرهای) (?:مرتبط|مشابه|پیشنهادی|پربازدید)|اخبار ذات صلة)\s*:?"
)

_ARABIC_VARIANTS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ۀ": "ه",
        "\u200c": " ",
        "\u200f": "",
        "\u200e": "",
        "\u0640": "",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "\u00a0": " ",
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)
# The same mapping as a regex over the characters it maps: a line holds few of them, and
# str.translate looks every character of a non-ASCII line up in the table.
_VARIANT_OF = {chr(k): v for k, v in _ARABIC_VARIANTS.items()}
_VARIANT_CHARS = re.compile("[" + "".join(re.escape(c) for c in _VARIANT_OF) + "]")
_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670]")
_BULLET = re.compile(r"^[\s•·●▪■◦*>\-–—]+")
_WORD = re.compile(r"\w+")
_LINE = re.compile(r"[^\n]+")

_LINE_RES = tuple((p, re.compile(p.regex)) for p in LINE_PATTERNS)
_PHRASE_RES = tuple((p, re.compile(p.regex)) for p in PHRASE_PATTERNS)
# Most lines are prose that no phrase pattern matches: one pass over the line finds the few
# patterns whose literal strings it contains, and only those are searched.
_PHRASE_FILTER = Prefilter(p.regex for p in PHRASE_PATTERNS)
_MAX_WORDS = max(p.max_words or 0 for p in (*LINE_PATTERNS, *PHRASE_PATTERNS))
# Matches when a line has at least _MAX_WORDS + 1 words (possessive: a word is never split in two).
_AT_LEAST_CAP = re.compile(rf"(?:\W*+\w++){{{_MAX_WORDS + 1}}}")


def normalize_for_match(text: str) -> str:
    """Fold case, quotes, Arabic-script variants, digits and spacing for pattern matching."""
    if not text.isascii():  # every character the tables map is non-ASCII
        text = _DIACRITICS.sub("", _VARIANT_CHARS.sub(_variant, text))
    return " ".join(_BULLET.sub("", text.casefold()).split())  # split(): the same whitespace as \s


# An article's lines are read three times as it is decided (SimHash, the signature's word
# counts, the summary): the last few hundred lines' normalised forms are kept, so each line
# is normalised once (and the same string object keys the kind cache, its hash computed once).
_normalized_line = lru_cache(maxsize=256)(normalize_for_match)


def _variant(m: re.Match[str]) -> str:
    return _VARIANT_OF[m.group()]


def boilerplate_kind(line_or_sentence: str) -> str | None:
    """The kind of furniture ``line_or_sentence`` is, or None for article text."""
    return _kind_of_normalized(normalize_for_match(line_or_sentence))


@lru_cache(maxsize=1024)  # summary, fingerprint and terms each read an article's lines
def _kind_of_normalized(norm: str) -> str | None:
    if not norm:
        return None
    words = _count_words(norm, _MAX_WORDS + 1)
    for pattern, regex in _LINE_RES:
        if pattern.max_words is not None and words > pattern.max_words:
            continue
        if regex.fullmatch(norm) and not _looks_like_prose_byline(pattern, norm):
            return pattern.kind
    for i in _PHRASE_FILTER.candidates(norm):
        pattern, regex = _PHRASE_RES[i]
        if pattern.max_words is not None and words > pattern.max_words:
            continue
        if regex.search(norm):
            return pattern.kind
    return None


def _count_words(norm: str, cap: int) -> int:
    """Words in ``norm``, counted up to ``cap``: enough for every ``max_words`` check."""
    if _AT_LEAST_CAP.match(norm):  # a prose line: no need to find every word
        return cap
    return len(_WORD.findall(norm))


def _looks_like_prose_byline(pattern: Pattern, norm: str) -> bool:
    """ "By contrast, talks stalled." reads like a byline to the regex but is a sentence."""
    if pattern.kind != "byline":
        return False
    return bool(re.search(r"[a-z\u0600-\u06ff]{2}\.$|,", norm))


def kind_of_normalized(norm: str) -> str | None:
    """``boilerplate_kind`` for text already passed through ``normalize_for_match``."""
    return _kind_of_normalized(norm)


def is_boilerplate(line_or_sentence: str) -> bool:
    """True when the line or sentence is page furniture rather than article text."""
    return boilerplate_kind(line_or_sentence) is not None


def content_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) offsets of the lines of ``text`` that are article content.

    Offsets let callers keep positions (such as mention offsets) valid. A line that
    merely repeats the previous line (a caption under its image alt text) is dropped,
    and so is everything after a tail marker (disclaimer, related-articles heading).
    """
    return list(iter_content_spans(text))


def iter_content_spans(text: str) -> Iterator[tuple[int, int]]:
    """``content_spans`` one line at a time, for callers that need only the lead."""
    for start, end, _ in _content_lines(text):
        yield start, end


def normalized_content(text: str) -> str:
    r"""The content lines of ``text``, each through ``normalize_for_match``, joined by spaces:
    the same words (``\w+``) as ``normalize_for_match(strip_boilerplate(text))``, with each
    line normalised once (the lines were normalised to be classified)."""
    return " ".join(norm for _, _, norm in _content_lines(text))


def _content_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, normalised line) of each content line."""
    found = False
    previous, previous_word = "", ""  # the previous line (normalised) and its first word
    for match in _LINE.finditer(text):
        line = match.group()
        norm = _normalized_line(line)
        if not norm:
            continue
        kind = _kind_of_normalized(norm)
        first = _WORD.search(norm)
        word = first.group() if first else ""
        # A repeat's letters are a prefix of the previous line's, so one first word is a
        # prefix of the other: only then are all the letters compared.
        repeat = bool(word and previous_word and (previous_word.startswith(word) or word.startswith(previous_word))
                      and _is_repeat(_letters(norm), _letters(previous)))
        previous, previous_word = ("", "") if kind in _NOT_REPEATED else (norm, word)
        if repeat:
            continue
        if found and (kind in TAIL_MARKERS or _TAIL_LINE.fullmatch(norm)):
            return
        if kind is None:
            found = True
            lead = len(line) - len(line.lstrip())
            yield match.start() + lead, match.start() + len(line.rstrip()), norm


def _is_repeat(key: str, prev_key: str) -> bool:
    """Whether a line whose letters are ``key`` repeats the line before (letters ``prev_key``)."""
    return bool(key) and (
        key == prev_key or (len(key) >= 20 and prev_key.startswith(key))
    )


@lru_cache(maxsize=256)  # a line is compared with the next one, and its article read three times (as _normalized_line)
def _letters(norm: str) -> str:
    return "".join(_WORD.findall(norm))


def strip_boilerplate(text: str) -> str:
    """``text`` without furniture lines, paragraphs separated by blank lines."""
    return "\n\n".join(text[s:e] for s, e in content_spans(text))
