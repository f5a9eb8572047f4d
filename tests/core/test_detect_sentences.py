"""Local sentence boundaries used for evidence and topic co-occurrence."""

from __future__ import annotations

import pytest

from core.detect_sentences import SentenceBounds

TEXT = (
    "Headline without a full stop\n\n"
    "The U.S. envoy Mr. Witkoff met Gen. Smith at 10 a.m. in Muscat. “We talked,” he said! "
    "Was it useful? Yes.\n"
    "وزیر خارجه به مسقط رفت. گفتگوها ادامه دارد؟ بله."
)


@pytest.mark.parametrize(
    ("word", "sentence"),
    [
        ("Headline", "Headline without a full stop"),
        ("Witkoff", "The U.S. envoy Mr. Witkoff met Gen. Smith at 10 a.m. in Muscat."),
        ("talked", "“We talked,” he said!"),
        ("useful", "Was it useful?"),
        ("مسقط", "وزیر خارجه به مسقط رفت."),
        ("گفتگوها", "گفتگوها ادامه دارد؟"),
    ],
)
def test_sentence_around(word, sentence):
    i = TEXT.index(word)
    s, e = SentenceBounds(TEXT).around(i, i + len(word))
    assert TEXT[s:e] == sentence


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("Witkoff", "Muscat", True),  # same sentence, abbreviations inside
        ("Witkoff", "talked", True),  # neighbouring sentence
        ("Witkoff", "useful", False),  # two sentences on
        ("Headline", "Witkoff", True),  # a blank line is one boundary
        ("مسقط", "گفتگوها", True),
        ("Muscat", "مسقط", False),
    ],
)
def test_apart(a, b, apart):
    assert SentenceBounds(TEXT).apart(TEXT.index(a), TEXT.index(b)) is apart
