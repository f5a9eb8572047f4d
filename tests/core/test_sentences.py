"""Sentence splitting: the fast rule for plain prose, pysbd where the fast rule would be wrong."""

from __future__ import annotations

import pytest

from core import sentences
from core.sentences import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran said no. The U.S. said yes at 10 a.m. on Friday. “Fine,” he said. Done",
     ["Iran said no.", "The U.S. said yes at 10 a.m. on Friday.", "“Fine,” he said.", "Done"]),
    ("وزیر خارجه به مسقط رفت. گفتگوها ادامه دارد؟ بله.", ["وزیر خارجه به مسقط رفت.", "گفتگوها ادامه دارد؟", "بله."]),
    ('The talks ended.\nA new round "will follow."', ["The talks ended.", 'A new round "will follow."']),
    # pysbd's cases: a quotation holding two sentences stays whole, an abbreviation the fast rule lacks
    ('He said "We will go. They will come." and left. Then it rained.',
     ['He said "We will go. They will come." and left.', "Then it rained."]),
    ("Prof. Harlan met the envoy in Muscat. They talked.", ["Prof. Harlan met the envoy in Muscat.", "They talked."]),
    ("عراقچی گفت: «توافق کردیم. گفتگوها هفته آینده ادامه یابد.»",
     ["عراقچی گفت: «توافق کردیم. گفتگوها هفته آینده ادامه یابد.»"]),
])
def test_split(text, expected):
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)


def test_plain_prose_never_reaches_pysbd(monkeypatch):
    def refuse(chunk):
        raise AssertionError(f"pysbd called for {chunk!r}")

    monkeypatch.setattr(sentences, "_pysbd_spans", refuse)
    text = "Iranian and U.S. negotiators met in Muscat. Dr. J. R. Harlan joined them.\n“We agreed,” he said."
    assert len(split_sentences(text)) == 3
