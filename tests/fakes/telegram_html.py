"""Telegram's HTML parse mode, reimplemented to reject what Telegram rejects.

The rules and error wordings follow TDLib's ``parse_html`` (which the Bot API server runs):
only Telegram's tags are allowed, tags must nest properly, attribute values may be quoted or
bare name tokens, and only ``&lt; &gt; &amp; &quot;`` and numeric references are decoded.
Errors name byte offsets in the UTF-8 encoding, as Telegram's do. The fake server prefixes
them with ``"Bad Request: can't parse entities: "``.

One deliberate extra: Telegram keeps a bare ``&`` (or an unknown reference such as ``&nbsp;``)
as literal text, but with ``strict_ampersand=True`` it is refused, because in this project it
always means feed content reached Telegram unescaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SUPPORTED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
        "span", "tg-spoiler", "tg-emoji", "code", "pre", "blockquote",
    }
)
_ENTITY_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic",
    "u": "underline", "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "span": "spoiler", "tg-spoiler": "spoiler", "code": "code",
    "pre": "pre", "blockquote": "blockquote", "tg-emoji": "custom_emoji", "a": "text_link",
}
_NAMED_REFERENCES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPACES = " \t\r\n\f\v"
_URL_OK = re.compile(r"^[^\s<>\"]+$")


class EntityParseError(ValueError):
    """Markup Telegram would refuse; ``str(error)`` is Telegram's own wording."""


@dataclass(frozen=True)
class ParsedText:
    """Text as the recipient sees it, with entities in UTF-16 offsets (the Bot API's unit)."""

    text: str
    entities: tuple[dict, ...] = field(default_factory=tuple)


@dataclass
class _OpenTag:
    tag: str
    argument: str
    start: int  # code-point offset into the output text


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(markup: str, *, strict_ampersand: bool = False) -> ParsedText:
    """Parse ``markup`` like Telegram's HTML mode, or raise EntityParseError."""
    out: list[str] = []
    stack: list[_OpenTag] = []
    found: list[dict] = []
    n = len(markup)
    i = 0

    def byte_offset(pos: int) -> int:
        return len(markup[:pos].encode("utf-8"))

    def skip_spaces(pos: int) -> int:
        while pos < n and markup[pos] in _SPACES:
            pos += 1
        return pos

    while i < n:
        char = markup[i]
        if char == "&":
            decoded, after = _decode_reference(markup, i)
            if decoded is None:
                if strict_ampersand:
                    raise EntityParseError(
                        f'Unescaped "&" at byte offset {byte_offset(i)}, write &amp;'
                    )
                out.append("&")
                i += 1
            else:
                out.append(decoded)
                i = after
            continue
        if char != "<":
            out.append(char)
            i += 1
            continue

        begin = i
        i += 1
        if i < n and markup[i] == "/":
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {byte_offset(begin)}")
            i += 1
            name_start = i
            while i < n and markup[i] not in _SPACES and markup[i] != ">":
                i += 1
            end_name = markup[name_start:i].lower()
            i = skip_spaces(i)
            if i >= n or markup[i] != ">":
                raise EntityParseError(f"Unclosed end tag at byte offset {byte_offset(begin)}")
            i += 1
            opened = stack.pop()
            if end_name and end_name != opened.tag:
                raise EntityParseError(
                    f"Unmatched end tag at byte offset {byte_offset(begin)}, "
                    f'expected "</{opened.tag}>", found "</{end_name}>"'
                )
            _close(opened, out, found)
            continue

        name_start = i
        while i < n and markup[i] not in _SPACES and markup[i] != ">":
            i += 1
        if i >= n:
            raise EntityParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
        tag = markup[name_start:i].lower()
        if tag not in SUPPORTED_TAGS:
            raise EntityParseError(
                f'Unsupported start tag "{tag}" at byte offset {byte_offset(begin)}'
            )
        argument = ""
        while True:
            i = skip_spaces(i)
            if i >= n:
                raise EntityParseError(
                    f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            if markup[i] == ">":
                break
            attr_start = i
            while i < n and markup[i] not in _SPACES and markup[i] not in "=>":
                i += 1
            attr = markup[attr_start:i]
            if not attr:
                raise EntityParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            i = skip_spaces(i)
            if i >= n:
                raise EntityParseError(
                    f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            if markup[i] != "=":
                if tag == "blockquote" and attr == "expandable":
                    argument = "1"
                continue
            i = skip_spaces(i + 1)
            if i >= n:
                raise EntityParseError(
                    f'Unclosed start tag "{tag}" at byte offset {byte_offset(begin)}'
                )
            if markup[i] in "'\"":
                quote = markup[i]
                i += 1
                chars: list[str] = []
                while i < n and markup[i] != quote:
                    if markup[i] == "&":
                        decoded, after = _decode_reference(markup, i)
                        if decoded is not None:
                            chars.append(decoded)
                            i = after
                            continue
                        if strict_ampersand:
                            raise EntityParseError(
                                f'Unescaped "&" at byte offset {byte_offset(i)}, write &amp;'
                            )
                    chars.append(markup[i])
                    i += 1
                if i < n:
                    i += 1
                value = "".join(chars)
            else:
                token_start = i
                while i < n and (markup[i].isascii() and (markup[i].isalnum() or markup[i] in ".-")):
                    i += 1
                if i >= n or (markup[i] not in _SPACES and markup[i] != ">"):
                    raise EntityParseError(
                        f"Unexpected end of name token at byte offset {byte_offset(token_start)}"
                    )
                value = markup[token_start:i].lower()
            if i >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
            argument = _argument(tag, attr, value, argument)
        i += 1
        if tag == "span" and argument != "spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(begin)}'
            )
        stack.append(_OpenTag(tag, argument, len(out)))

    if stack:
        raise EntityParseError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"'
        )
    return finish("".join(out), _merge_pre_language(found))


def parse_plain(text: str, entities: list[dict] | None = None) -> ParsedText:
    """Text sent without parse_mode: kept as is, with the caller's explicit entities."""
    return ParsedText(text, tuple(entities or ()))


def finish(text: str, entities: list[dict]) -> ParsedText:
    """Trim surrounding whitespace as Telegram does and convert offsets to UTF-16."""
    left = len(text) - len(text.lstrip(_SPACES))
    right = len(text.rstrip(_SPACES))
    trimmed = text[left:right] if right > left else ""
    converted = []
    for entity in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        start = max(entity["offset"], left) - left
        end = min(entity["offset"] + entity["length"], right) - left
        if end <= start:
            continue
        offset16 = utf16_len(trimmed[:start])
        converted.append(
            {**entity, "offset": offset16, "length": utf16_len(trimmed[start:end])}
        )
    return ParsedText(trimmed, tuple(converted))


def _decode_reference(markup: str, pos: int) -> tuple[str | None, int]:
    """Decode the character reference at ``pos`` (an '&'), or return (None, pos)."""
    n = len(markup)
    i = pos + 1
    if i < n and markup[i] == "#":
        i += 1
        hexadecimal = i < n and markup[i] in "xX"
        if hexadecimal:
            i += 1
        digits_start = i
        allowed = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
        while i < n and markup[i] in allowed:
            i += 1
        if i == digits_start:
            return None, pos
        code = int(markup[digits_start:i], 16 if hexadecimal else 10)
        if code == 0 or code > 0x10FFFF:
            return None, pos
        if 0xD800 <= code <= 0xDFFF:
            raise EntityParseError(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            )
        decoded = chr(code)
    else:
        while i < n and markup[i].isascii() and markup[i].isalpha():
            i += 1
        decoded = _NAMED_REFERENCES.get(markup[pos + 1 : i])
        if decoded is None:
            return None, pos
    if i < n and markup[i] == ";":
        i += 1
    return decoded, i


def _argument(tag: str, attr: str, value: str, current: str) -> str:
    """The one attribute each tag cares about; Telegram ignores all others."""
    if tag == "a" and attr == "href":
        return value
    if tag == "code" and attr == "class" and value.startswith("language-"):
        return value[len("language-"):]
    if tag == "span" and attr == "class" and value.startswith("tg-"):
        return value[len("tg-"):]
    if tag == "tg-emoji" and attr == "emoji-id":
        return value
    if tag == "blockquote" and attr == "expandable":
        return "1"
    return current


def _close(opened: _OpenTag, out: list[str], found: list[dict]) -> None:
    """Turn a closed tag into an entity, as TDLib does when it meets the end tag."""
    if opened.tag == "tg-emoji" and not (opened.argument.isdigit() and int(opened.argument) > 0):
        raise EntityParseError("Invalid custom emoji identifier specified")
    length = len(out) - opened.start
    if length <= 0:
        return
    entity: dict = {"type": _ENTITY_TYPES[opened.tag], "offset": opened.start, "length": length}
    if opened.tag == "a":
        url = _normalise_url(opened.argument or "".join(out[opened.start:]))
        if url is None:
            return
        entity["url"] = url
    elif opened.tag == "blockquote" and opened.argument:
        entity["type"] = "expandable_blockquote"
    elif opened.tag == "tg-emoji":
        entity["custom_emoji_id"] = opened.argument
    elif opened.tag == "code" and opened.argument:
        entity["language"] = opened.argument
    found.append(entity)


def _merge_pre_language(found: list[dict]) -> list[dict]:
    """``<pre><code class="language-x">`` becomes one pre entity with a language."""
    result = list(found)
    for code in [e for e in found if e["type"] == "code" and "language" in e]:
        twin = next(
            (
                e for e in result
                if e["type"] == "pre" and e["offset"] == code["offset"]
                and e["length"] == code["length"]
            ),
            None,
        )
        result.remove(code)
        if twin is not None:
            twin["language"] = code["language"]
        else:
            result.append({k: v for k, v in code.items() if k != "language"})
    return result


def _normalise_url(url: str) -> str | None:
    """Telegram drops a link whose URL it cannot use and adds http:// to bare hosts."""
    url = url.strip()
    if not url or not _URL_OK.match(url):
        return None
    if "://" not in url and not url.startswith(("tg:", "mailto:")):
        url = "http://" + url
    scheme, _, rest = url.partition("://")
    if scheme in ("http", "https") and "/" not in rest and "?" not in rest and "#" not in rest:
        url += "/"
    return url
