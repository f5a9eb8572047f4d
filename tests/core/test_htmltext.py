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
