"""Extractive article summaries for alerts and briefings.

A summary is two or three of the article's own sentences, at most ``max_chars`` long,
in their original order. Sentences come only from lines ``core.boilerplate`` accepts as
content, and each is checked again on its own because flattened feed text can hide a
newsletter prompt inside a paragraph. Among the lead's first prose sentences we prefer
the first ones and those carrying tracked officials, topics, or quotes attributed to
them; the rest of the text is not read, so a long article costs what a short one does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from core.boilerplate import iter_content_spans, kind_of_normalized, normalize_for_match
from core.model import Mention
from core.sentences import split_sentences

_WORD = re.compile(r"\w+")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_QUOTE = re.compile(r"[“”«»\"]")
_ENDS_SENTENCE = re.compile(r"[.!?؟…][\"'”’»)\]]*$")
_BULLET = re.compile(r"^[\s•·●▪■◦*>\-–—]+")
_SPACE = re.compile(r"\s+")
_SAID = re.compile(
    r"\b(?:said|says|told|noted|added|stated|wrote|declared|گفت|افزود|تاکید کرد)\b"
)

MIN_WORDS = 6  # shorter lines are labels, names or headings, not sentences
_POOL = 12  # best-scored candidates searched exhaustively for the best combination
LEAD_CANDIDATES = 12  # prose sentences of the lead a summary is chosen from
_DUPLICATE_RATIO = 85.0  # rapidfuzz ratio above which two sentences say the same thing


@dataclass(frozen=True)
class _Candidate:
    index: int
    text: str
    score: float


def summarize(
    title: str,
    text: str,
    mentions: Sequence[Mention] = (),
    max_chars: int = 500,
    max_sentences: int = 3,
) -> str:
    """Two or three of the article's best sentences, joined by spaces, within ``max_chars``.

    ``mentions`` carry offsets into ``title + "\\n\\n" + text`` (what the detector scanned).
    Returns "" when the text has no sentence of article prose.
    """
    candidates = _candidates(title, text, mentions)
    if not candidates:
        return ""
    chosen = _best_fit(candidates, max_chars, max_sentences)
    if not chosen:
        top = max(candidates, key=lambda c: (c.score, -c.index))
        return cut_at_word(top.text, max_chars)
    return " ".join(c.text for c in sorted(chosen, key=lambda c: c.index))


def cut_at_word(text: str, max_chars: int) -> str:
    """``text`` shortened to ``max_chars`` at a word boundary, marked with "…"."""
    if len(text) <= max_chars:
        return text
    head = text[: max_chars - 1]
    space = head.rfind(" ")
    if space > 0:
        head = head[:space]
    return head.rstrip(" ,;:–—-") + "…"


def _candidates(title: str, text: str, mentions: Sequence[Mention]) -> list[_Candidate]:
    """Scored prose sentences of the lead: the first ``LEAD_CANDIDATES`` that qualify.

    Later sentences never win: every score favours the lead, and a tracked name or quote
    deep in the text is rarely what the article is about.
    """
    base = len(title) + 2
    title_key = _key(title)
    hits = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in hits]
    out: list[_Candidate] = []
    kept_keys: list[str] = []
    prev_officials = False
    prev_para = -1
    index = 0
    for para_no, (s, e) in enumerate(iter_content_spans(text)):
        for sent in split_sentences(text[s:e]):
            clean = _SPACE.sub(" ", _BULLET.sub("", sent.text)).strip()
            start, end = base + s + sent.start, base + s + sent.end
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            officials = {hits[i].name for i in range(first, last) if hits[i].kind == "official"}
            attributed_quote = (bool(officials) or (prev_officials and para_no == prev_para)) \
                and bool(_QUOTE.search(clean)) and (bool(officials) or bool(_SAID.search(clean)))
            prev_officials, prev_para = bool(officials), para_no
            index += 1
            if not _is_prose(clean):
                continue
            norm = normalize_for_match(clean)  # once: for the furniture check and the duplicate key
            if kind_of_normalized(norm) is not None:
                continue
            key = " ".join(_WORD.findall(norm))
            if _same_text(key, title_key) or _repeats(key, kept_keys):
                continue
            kept_keys.append(key)
            topics = {hits[i].name for i in range(first, last) if hits[i].kind == "topic"}
            position = len(out)
            score = 1.0 + (3.0 if position == 0 else 1.5 if position == 1 else 0.0)
            score += 2.0 * min(len(officials), 2) + 1.0 * min(len(topics), 2)
            score += 1.5 if attributed_quote else 0.0
            out.append(_Candidate(index - 1, clean, score))
            if len(out) >= LEAD_CANDIDATES:
                return out
    return out


def _best_fit(
    candidates: list[_Candidate], max_chars: int, max_sentences: int
) -> list[_Candidate]:
    """The highest-scoring set of up to ``max_sentences`` sentences that fits ``max_chars``.

    Ranked by total score, then by earlier sentences; every fitting set is considered, but a
    set that is already too long is not extended (so the search costs far less than all
    combinations of the pool).
    """
    pool = sorted(candidates, key=lambda c: (-c.score, c.index))[:_POOL]
    sizes = [len(c.text) + 1 for c in pool]  # each sentence with the space that joins it
    scores = [c.score for c in pool]
    # The most any k more sentences from position i on can add (the pool is sorted by score).
    reach = [[sum(scores[i:i + k]) for k in range(max_sentences + 1)] for i in range(len(pool) + 1)]
    limit = max_chars + 1
    best_score = -1.0
    best_order: tuple[int, ...] = ()
    best: tuple[int, ...] = ()

    def extend(start: int, chosen: tuple[int, ...], length: int, score: float) -> None:
        nonlocal best_score, best_order, best
        room = max_sentences - len(chosen)
        for i in range(start, len(pool)):
            if score + reach[i][room] < best_score:
                return  # later sentences score no more: nothing from here on can win
            total = length + sizes[i]
            if total > limit:
                continue  # and so is every set that adds to it
            combo, combo_score = (*chosen, i), score + scores[i]
            if combo_score >= best_score:
                order = tuple(-pool[j].index for j in combo)
                if combo_score > best_score or order > best_order:
                    best_score, best_order, best = combo_score, order, combo
            if room > 1:
                extend(i + 1, combo, total, combo_score)

    extend(0, (), 0, 0.0)
    return [pool[i] for i in best]


def _is_prose(sentence: str) -> bool:
    """A sentence of article prose rather than a label, name, heading or list item."""
    words = _WORD.findall(sentence)
    if len(words) < MIN_WORDS:
        return False
    if not _ENDS_SENTENCE.search(sentence) and len(words) < 15:
        return False
    latin = _LATIN_WORD.findall(sentence)
    if len(latin) >= 4:
        capitalised = sum(1 for w in latin if w[0].isupper())
        if capitalised / len(latin) > 0.6:
            return False
    return True


def _key(text: str) -> str:
    return " ".join(_WORD.findall(normalize_for_match(text)))


def _repeats(key: str, kept: list[str]) -> bool:
    """Whether ``key`` says what one of the ``kept`` sentences said (``_same_text`` on each,
    with the fuzzy comparisons in one call)."""
    if not key or not kept:
        return False
    if key in kept or (len(key) >= 20 and any(key in k or k in key for k in kept)):
        return True
    return process.extractOne(key, kept, scorer=fuzz.ratio, score_cutoff=_DUPLICATE_RATIO) is not None


def _same_text(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return (
        a == b
        or (len(a) >= 20 and (a in b or b in a))
        or fuzz.ratio(a, b) >= _DUPLICATE_RATIO
    )
