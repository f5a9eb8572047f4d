"""html_to_text must keep prose and structure and drop page chrome; titles come from head or h1."""

import pytest

from core.htmltext import html_title, html_to_text, looks_like_html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("plain words", "plain words"),
        ("", ""),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("<p>line one<br>line two<br/>line three</p>", "line one\nline two\nline three"),
        ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
        ("<div>x</div><div>y</div>", "x\ny"),
        ("<h2>Head</h2>body", "Head\n\nbody"),
        ("<p>  lots \n of\t  space  </p>", "lots of space"),
        ("<p>Tom &amp; Jerry &lt;3 &#8220;quoted&#8221; &nbsp;x</p>", "Tom & Jerry <3 \u201cquoted\u201d x"),
        ("<p>keep</p><script>alert(1)</script><style>p{}</style>", "keep"),
        ("<nav>Home | World</nav><header>Site</header><p>story</p><footer>(c)</footer>", "story"),
        ("<aside>ad</aside><form><button>Go</button></form><noscript>js</noscript><p>story</p>", "story"),
        ("<figure><img src=x><figcaption>Photo: AP</figcaption></figure><p>story</p>", "story"),
        ("<iframe>frame</iframe><svg><title>icon</title><text>t</text></svg>story", "story"),
        ("<blockquote>quote</blockquote><section>sec</section><article>art</article>", "quote\n\nsec\n\nart"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("<pre>l1\nl2</pre>", "l1\nl2"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<p>عراقچی گفت‌وگو</p>", "عراقچی گفت\u200cوگو"),
    ],
)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


def test_nested_dropped_elements_end_where_they_should():
    html = "<nav><ul><li>menu</li></ul><nav>inner</nav></nav><p>after</p>"
    assert html_to_text(html) == "after"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<html><head><title> Talks &amp; more </title></head><body><h1>H</h1></body></html>", "Talks & more"),
        ('<head><meta property="og:title" content="OG title"></head><h1>H</h1>', "OG title"),
        ("<body><header><h1>site</h1></header><h1>Real <i>headline</i></h1></body>", "Real headline"),
        ("<svg><title>icon</title></svg><h1>Headline</h1>", "Headline"),
        ("<p>no title here</p>", None),
    ],
)
def test_html_title(html, expected):
    assert html_title(html) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>hi</p>", True),
        ("a <br/> b", True),
        ("Tom &amp; Jerry", True),
        ("&#x27;quoted&#39;", True),
        ("x < y and y > z", False),
        ("AT&T results", False),
        ("plain", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


SIMPLE_BODIES = [
    "<p>Araghchi met Witkoff.</p><p>Talks  resume &amp; continue&#8217;s.</p>",
    "<P>One</P >\n<p></p><p>Two<br/>three<br>four</p>tail",
    "<p>a <b>bold</b> <em>word</em> and <strong >strong</strong></p><p/>after",
    "plain &lt;text&gt; with AT&T and &copy 2026",
    "<p>گفت مذاکرات&nbsp;ادامه دارد</p>",
]


@pytest.mark.parametrize("html", SIMPLE_BODIES)
def test_simple_bodies_read_without_the_parser_give_the_parsers_text(html, monkeypatch):
    import core.htmltext

    assert core.htmltext._simple_parts(html) is not None  # the fast path is taken
    fast = html_to_text(html)
    monkeypatch.setattr(core.htmltext, "_simple_parts", lambda _html: None)
    assert fast == html_to_text(html)


@pytest.mark.parametrize("html", ["<p class='x'>a</p>", "<div>a</div>", "a <!-- c --> b", "x < y", "a</br>b"])
def test_other_markup_goes_through_the_parser(html):
    import core.htmltext

    assert core.htmltext._simple_parts(html) is None
