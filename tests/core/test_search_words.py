"""Search words and snippets: table-driven."""

from __future__ import annotations

import pytest

from core.search import MAX_WORDS, make_snippet, search_words, word_spans


@pytest.mark.parametrize("query, words", [
    ("Araghchi Muscat", ["araghchi", "muscat"]),
    ('sanctions" OR title:x*', ["sanctions", "or", "title", "x"]),
    ("عراقچی، مسقط", ["عراقچی", "مسقط"]),
    ("Oman oman OMAN", ["oman"]),
    ("snake_case", ["snake", "case"]),
    (" ?! ", []),
    (" ".join(f"w{i}" for i in range(20)), [f"w{i}" for i in range(MAX_WORDS)]),
])
def test_search_words(query, words):
    assert search_words(query) == words


@pytest.mark.parametrize("text, words, found", [
    ("Oman hosts talks; Omani mediators", ["oman"], ["Oman"]),
    ("Talks in MUSCAT and muscat", ["muscat"], ["MUSCAT", "muscat"]),
    ("عباس عراقچی گفت", ["عراقچی"], ["عراقچی"]),
    ("nothing here", [], []),
])
def test_word_spans_whole_words_any_case(text, words, found):
    assert [text[s:e] for s, e in word_spans(text, words)] == found


def test_long_text_snippet_is_centred_on_first_hit_with_shifted_spans():
    text = "filler " * 60 + "Witkoff met Araghchi in Muscat. " + "tail " * 60
    snippet = make_snippet(text, ["araghchi"], width=120)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) <= 122
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["Araghchi"]


def test_short_text_is_whole_and_whitespace_is_collapsed():
    snippet = make_snippet("Araghchi\n\n  spoke", ["spoke"])
    assert snippet.text == "Araghchi spoke" and snippet.spans == ((9, 14),)
