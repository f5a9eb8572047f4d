"""OPML round-trips, tolerates real-world variants, and refuses bad input with a clear reason."""

from importlib.resources import files

import pytest

from core.opml import OpmlError, OpmlFeed, parse_opml, to_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>export</title></head><body>
  <outline text="News">
    <outline text="BBC" title="BBC ME" type="rss" xmlUrl="https://feeds.example/bbc.xml"/>
    <outline text="Guardian" type="rss" xmlurl="https://feeds.example/guardian"/>
  </outline>
  <outline text="just a note"/>
  <outline text="BBC again" xmlUrl="https://feeds.example/bbc.xml"/>
  <outline text="  " xmlUrl=" https://feeds.example/untitled "/>
</body></opml>"""


def test_nested_folders_case_and_duplicates():
    assert parse_opml(NESTED) == [
        OpmlFeed("https://feeds.example/bbc.xml", "BBC ME"),
        OpmlFeed("https://feeds.example/guardian", "Guardian"),
        OpmlFeed("https://feeds.example/untitled", None),
    ]


def test_round_trip_keeps_titles_none_and_non_ascii():
    feeds = [
        OpmlFeed("https://a.example/rss?x=1&y=2", "A & B <news>"),
        OpmlFeed("https://b.example/feed", None),
        OpmlFeed("https://fa.example/rss", "بی‌بی‌سی فارسی"),
    ]
    text = to_opml(feeds, "My feeds")
    assert "<title>My feeds</title>" in text
    assert parse_opml(text) == feeds
    assert parse_opml(text.encode("utf-8")) == feeds


def test_declared_encoding_is_honoured():
    data = '<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="caf\xe9" xmlUrl="http://x.example/"/></body></opml>'
    assert parse_opml(data.encode("latin-1")) == [OpmlFeed("http://x.example/", "caf\xe9")]


def test_namespaced_opml_and_empty_body():
    assert parse_opml(b'<opml xmlns="http://opml.org/spec2"><body/></opml>') == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the OPML file is empty"),
        (b"   \n", "the OPML file is empty"),
        (b"<opml><body>", "not valid XML (line 1, column 13: no element found)"),
        ("not xml at all", "not valid XML (line 1, column 1: syntax error)"),
        (b'<rss version="2.0"/>', "expected an <opml> root element but found <rss>"),
        (b"<opml><head/></opml>", "the OPML file has no <body> element"),
        (
            b'<!DOCTYPE opml [<!ENTITY lol "lol">]><opml><body/></opml>',
            "declares XML entities or a DTD, which are refused for safety",
        ),
    ],
)
def test_bad_input_says_what_and_how_to_fix(data, message):
    with pytest.raises(OpmlError) as caught:
        parse_opml(data)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_default_feed_list_is_valid():
    feeds = parse_opml(files("storage").joinpath("defaults/feeds.opml").read_bytes())
    assert 8 <= len(feeds) <= 12
    assert all(feed.url.startswith("https://") and feed.title for feed in feeds)
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in feed.title) for feed in feeds)  # Persian outlet
