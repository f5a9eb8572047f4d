"""Sentence splitting with offsets into the original text.

pysbd knows abbreviations ("U.S.", "Dr.", initials) and Persian punctuation; we run it
one paragraph at a time because its cost grows faster than linearly with input length,
and because a line break in feed text always ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

_PARAGRAPH = re.compile(r"[^\n]+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
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
        for start, end in _mend(chunk, spans):
            seg_text = chunk[start:end]
            stripped = seg_text.strip()
            if not stripped:
                continue
            lead = len(seg_text) - len(seg_text.lstrip())
            s = base + start + lead
            out.append(Sentence(s, s + len(stripped), stripped))
    return out


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


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing ``offset`` (or the nearest one before it)."""
    best = None
    for s in sentences:
        if s.start <= offset:
            best = s
            if offset < s.end:
                return s
        else:
            break
    return best
