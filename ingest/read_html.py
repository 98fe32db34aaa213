"""HTML pages -> text: block elements on their own lines, tables as tab-separated rows."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from fengong.ingest.errors import DocumentError
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


def _walk(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in {"Comment", "Doctype", "Declaration", "ProcessingInstruction"}:
                continue
            out.append(re.sub(r"[ \t\r\n]+", " ", str(child)))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name in _SKIP:
                continue
            if name == "table":
                out.append("\n")
                for row in child.find_all("tr"):
                    if row.find_parent("table") is not child:
                        continue
                    cells = [
                        " ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"], recursive=False)
                    ]
                    out.append("\t".join(cells) + "\n")
                out.append("\n")
                continue
            if name in _BLOCKS:
                out.append("\n")
            _walk(child, out)
            if name in _BLOCKS:
                out.append("\n")


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block per line, tables as tab-separated rows."""
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
    text = html_to_text(_decode(data, str(path)))
    if not text.strip():
        raise DocumentError(str(path), "empty page (no visible text)")
    return text
