"""Plain text from untrusted HTML, for detection and summaries.

Feed items and article pages arrive as HTML. Detection wants the prose only: page chrome
(navigation, forms, scripts) would produce false mentions, and block structure must
survive as line breaks so sentences don't run into each other. Built on the stdlib
``html.parser`` because it tolerates broken markup and needs no I/O.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# Elements whose whole subtree is chrome or code, never article prose.
_DROPPED = frozenset(
    {
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
        "figcaption", "iframe", "svg", "button", "template", "head", "select", "textarea", "applet",
    }
)
# Void elements never get an end tag, so they must not open a dropped subtree.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
        "section", "article", "ul", "ol", "table", "pre", "main", "dl", "dt", "dd",
        "figure", "hr", "address",
    }
)
# Blocks that end a paragraph (blank line) rather than just a line.
_PARAGRAPH = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "ul", "ol",
     "table", "pre", "main", "figure"}
)
# Break markers kept apart from text so that adjacent breaks merge instead of adding up.
_LINE_BREAK = "\x00L"
_PARA_BREAK = "\x00P"
_HTML_HINT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.title: str | None = None
        self.og_title: str | None = None
        self.h1: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []
        self._h1_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and "svg" not in self.skip_stack:
            self._in_title = True
            self._title_parts = []
            return
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag in _DROPPED and tag not in _VOID:
            self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        if tag == "h1" and self.h1 is None and self._h1_parts is None:
            self._h1_parts = []
        if tag == "pre":
            self.pre_depth += 1
        if tag == "br":
            self.parts.append(_LINE_BREAK)
        elif tag in _BLOCK:
            self.parts.append(_PARA_BREAK if tag in _PARAGRAPH else _LINE_BREAK)
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <meta .../>: a self-closing tag never opens a subtree.
        if tag == "meta":
            self._meta(dict(attrs))
        elif not self.skip_stack and (tag == "br" or tag in _BLOCK):
            self.parts.append(_LINE_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            if self.title is None:
                self.title = _squash("".join(self._title_parts)) or None
            self._in_title = False
            return
        if self.skip_stack:
            if tag in self.skip_stack:
                # Close the innermost matching element and anything left open inside it.
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "h1" and self._h1_parts is not None:
            self.h1 = _squash("".join(self._h1_parts)) or None
            self._h1_parts = None
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in _BLOCK:
            self.parts.append(_PARA_BREAK if tag in _PARAGRAPH else _LINE_BREAK)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self.skip_stack:
            return
        if self.pre_depth:
            for i, pre_line in enumerate(data.splitlines()):
                if i:
                    self.parts.append(_LINE_BREAK)
                self.parts.append(pre_line)
        else:
            self.parts.append(data)
        if self._h1_parts is not None:
            self._h1_parts.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key == "og:title" and self.og_title is None:
            self.og_title = _squash(attrs.get("content") or "") or None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _extract(html: str) -> _TextExtractor:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return parser


# Most feed bodies are paragraphs of text with a few inline tags and no attributes. For those the
# parts html.parser would produce are read with one regex (same breaks, same entity decoding);
# anything else (another tag, an attribute, a comment, a stray "<") goes through the parser.
_SIMPLE_TAG = re.compile(r"<(/?)(p|br|b|i|em|strong)\s*(/?)>", re.IGNORECASE)


def _simple_parts(html: str) -> list[str] | None:
    parts: list[str] = []
    pos = 0
    for match in _SIMPLE_TAG.finditer(html):
        closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing and (self_closing or tag == "br"):
            return None
        data = html[pos:match.start()]
        if "<" in data:
            return None
        if data:
            parts.append(unescape(data) if "&" in data else data)
        pos = match.end()
        if tag == "br":
            parts.append(_LINE_BREAK)
        elif tag == "p":
            parts.append(_LINE_BREAK if self_closing else _PARA_BREAK)
    data = html[pos:]
    if "<" in data:
        return None
    if data:
        parts.append(unescape(data) if "&" in data else data)
    return parts


def html_to_text(html: str) -> str:
    """Readable plain text: blocks become lines, paragraphs are separated by a blank line."""
    out: list[str] = []
    pending = ""  # the strongest break seen since the last text
    line: list[str] = []
    parts = _simple_parts(html)
    for part in [*(parts if parts is not None else _extract(html).parts), _LINE_BREAK]:
        if part not in (_LINE_BREAK, _PARA_BREAK):
            line.append(part)
            continue
        text = " ".join("".join(line).split())
        line = []
        if text:
            if out:
                out.append("\n\n" if pending == _PARA_BREAK else "\n")
            out.append(text)
            pending = part
        elif pending != _PARA_BREAK:
            pending = part
    return "".join(out)


def html_title(html: str) -> str | None:
    """The page's headline: <title>, else og:title, else the first <h1>."""
    parser = _extract(html)
    return parser.title or parser.og_title or parser.h1


def looks_like_html(s: str) -> bool:
    """Whether ``s`` contains markup or entities worth running through :func:`html_to_text`."""
    return bool(_HTML_HINT.search(s))
