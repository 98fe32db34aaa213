"""HTML pages -> text: block elements on their own lines, tables as tab-separated rows."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from fengong.ingest.errors import DocumentError
from fengong.ingest.limits import ReadLimits
from fengong.ingest.reading import decode_bytes

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "table",
    "tr",
    "hr",
    "center",
    "title",
}
_SKIP = {"script", "style", "noscript", "template", "head"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# Elements that never hold others (HTML's void elements): they open no level.
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "frame",
        "keygen",
    ]
)
# Script and style bodies and comments are text to the parser, whatever "tags" they hold.
_TAG = re.compile(
    r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9:_-]*)[^>]*?(/?)>", re.S | re.I
)
_SPACE = re.compile(r"[ \t\r\n]+")


def nesting_depth(markup: str | bytes, limit: int) -> int:
    """How deep elements nest in ``markup``, counted as the HTML parser builds the tree (an end tag
    closes the elements opened after its own start tag; unmatched end tags are ignored). Stops
    counting once past ``limit``, so a hostile page costs one scan and a bounded stack."""
    text = markup.decode("latin-1") if isinstance(markup, bytes) else markup
    stack: list[str] = []
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(2), m.group(3), m.group(4)
        if name is None:
            continue  # a script, a style sheet or a comment
        name = name.lower()
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
        elif name not in _VOID and not self_closing:
            stack.append(name)
            if len(stack) > limit:
                return len(stack)
    return len(stack)


def check_nesting(markup: str | bytes, name: str, limits: ReadLimits | None = None) -> None:
    """Refuse (DocumentError naming ``name`` and the limit) a page nested deeper than the limit."""
    limit = (limits or ReadLimits.from_env()).max_nesting
    if nesting_depth(markup, limit) > limit:
        raise DocumentError(
            name, f"HTML nested more than {limit} elements deep (FENGONG_MAX_NESTING={limit}); refused"
        )


def _decode(data: bytes, name: str) -> str:
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = "gb18030" if enc in {"gb2312", "gbk", "gb18030"} else enc
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def _table_rows(table: Tag, out: list[str]) -> None:
    out.append("\n")
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue
        cells = [" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"], recursive=False)]
        out.append("\t".join(cells) + "\n")
    out.append("\n")


_END_BLOCK = object()  # queued after a block's children: its closing line break


def _walk(root: Tag, out: list[str]) -> None:
    # An explicit stack, not recursion: however deep a page nests, no RecursionError.
    stack: list[object] = list(reversed(list(root.children)))
    while stack:
        child = stack.pop()
        if child is _END_BLOCK:
            out.append("\n")
        elif isinstance(child, NavigableString):
            if child.__class__.__name__ in {"Comment", "Doctype", "Declaration", "ProcessingInstruction"}:
                continue
            out.append(_SPACE.sub(" ", str(child)))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _SKIP:
                continue
            if name == "table":
                _table_rows(child, out)
                continue
            if name in _BLOCKS:
                out.append("\n")
                stack.append(_END_BLOCK)
            stack.extend(reversed(list(child.children)))


def html_to_text(html: str, name: str = "<html>") -> str:
    """The visible text of an HTML page, one block per line, tables as tab-separated rows.

    A page nested deeper than FENGONG_MAX_NESTING is refused before it is parsed."""
    check_nesting(html, name)
    soup = BeautifulSoup(html, "html.parser")
    root = soup.body or soup
    out: list[str] = []
    _walk(root, out)
    lines = [ln.strip(" ") for ln in "".join(out).split("\n")]
    return "\n".join(ln for ln in lines if ln)


def read_html(path: Path) -> str:
    """Read an HTML page from disk (its charset from the meta tag or detected)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    text = html_to_text(_decode(data, str(path)), str(path))
    if not text.strip():
        raise DocumentError(str(path), "empty page (no visible text)")
    return text
