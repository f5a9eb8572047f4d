"""Sentence splitting with offsets into the original text.

Most paragraphs are split by the detector's own boundary rule (core.detect_sentences: a
terminator, space and a capital, unless a known abbreviation or initial ends there),
which costs one regex pass. pysbd knows far more abbreviations and never splits inside a
quotation, but costs about a hundred times more (its regexes overflow ``re``'s cache and
are compiled again and again), so it runs only on the paragraphs that need it: one where
the fast rule would end a sentence inside an open quote, or after a short abbreviation
the fast rule does not know ("Prof.", "Ave."). A line break always ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.detect_sentences import sentence_ends

_PARAGRAPH = re.compile(r"[^\n]+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")
# Abbreviations core.detect_sentences does not know, before a space: pysbd decides there.
_UNKNOWN_ABBREVIATION = re.compile(
    r"(?<![\w.])(?!(?:Mr|Ms|Dr|St|Lt|Jr|Sr|No|Co|Mrs|Gen|Col|Sgt|Maj|Adm|Sen|Rep|Gov|Inc|Ltd|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sep|Oct|Nov|Dec|Corp|Capt|Sept)\.)(?:[A-Z][a-z]{1,2}|Prof|Pres|Supt|Dept|Univ|Blvd|Messrs|Mlle|Mme)\.\s"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def _segmenter(language: str):
    import pysbd  # imported on first need: it is slow to import and rarely needed

    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def _language(paragraph: str) -> str:
    return "fa" if len(_ARABIC_SCRIPT.findall(paragraph)) > len(_LATIN.findall(paragraph)) else "en"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, stripped, with [start, end) offsets into ``text``."""
    out: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        base = para.start()
        chunk = para.group()
        if not chunk.strip():
            continue
        spans = _fast_spans(chunk)
        if spans is None:
            spans = _mend(chunk, _pysbd_spans(chunk))
        for start, end in spans:
            seg_text = chunk[start:end]
            stripped = seg_text.strip()
            if not stripped:
                continue
            lead = len(seg_text) - len(seg_text.lstrip())
            s = base + start + lead
            out.append(Sentence(s, s + len(stripped), stripped))
    return out


def _fast_spans(chunk: str) -> list[tuple[int, int]] | None:
    """Spans by the detector's rule, or None when the paragraph needs pysbd."""
    ends = sentence_ends(chunk)
    if not ends:
        return [(0, len(chunk))]
    if _UNKNOWN_ABBREVIATION.search(chunk):
        return None
    spans, pos = [], 0
    for i, past in ends:
        if past < len(chunk) and _inside_quote(chunk, i):
            return None
        spans.append((pos, past))
        pos = past
    if pos < len(chunk):
        spans.append((pos, len(chunk)))
    return spans


def _inside_quote(chunk: str, i: int) -> bool:
    """Whether a quotation opened before offset ``i`` is still open there."""
    head = chunk[:i]
    return (head.count("“") > head.count("”") or head.count("«") > head.count("»")
            or head.count('"') % 2 == 1)


def _pysbd_spans(chunk: str) -> list[tuple[int, int]]:
    pos = 0
    spans: list[tuple[int, int]] = []
    for seg in _segmenter(_language(chunk)).segment(chunk):
        # pysbd's spans are reliable for the text they cover; locate defensively anyway.
        seg_text = seg.sent
        found = chunk.find(seg_text, pos)
        start = found if found >= 0 else seg.start
        end = start + len(seg_text)
        pos = end
        spans.append((start, end))
    return spans


_CLOSING = re.compile(r"\s*[\"'”’»)\]]+(?=\s|$)")


def _mend(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo two pysbd slips: a closing quote left at the start of the next sentence
    (mixed curly/straight quotes), and a split after a colon that introduces a quote
    (Persian «...» after "گفت:")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            closing = _CLOSING.match(chunk, start, end)
            if closing:
                out[-1] = (out[-1][0], closing.end())
                start = closing.end()
            if chunk[out[-1][0] : out[-1][1]].rstrip().endswith((":", "：")):
                out[-1] = (out[-1][0], end)
                continue
        if chunk[start:end].strip():
            out.append((start, end))
    return out
