"""An HTML page with its attachments (附件) as one document: government sites publish the notice
as a page and the task-division table as a linked .docx/.pdf/.doc beside it. Only local relative
links to files inside the page's own folder are followed; nothing is ever fetched."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from fengong.ingest.errors import DocumentError
from fengong.ingest.read_html import check_nesting, read_html

log = logging.getLogger(__name__)

PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
_NUMBER = re.compile(r"附\s*件\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})")
_CHINESE_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file a page links to: its 附件 number, where it is, and the link's words."""

    number: int
    path: Path
    label: str


def _number(label: str) -> int | None:
    """The N of "附件N" (附件3, 附件３, 附件三, 附件十二) in a link's words or a file name."""
    m = _NUMBER.search(label)
    if not m:
        return None
    written = m.group(1).translate(_WIDE_DIGITS)
    if written.isdigit():
        return int(written)
    if "十" in written:
        tens, ones = written.split("十", 1)
        return _CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(ones, 0)
    return _CHINESE_DIGITS.get(written)


def _attachment_suffixes() -> frozenset[str]:
    from fengong.ingest.readers import READERS  # the registry imports this module

    return frozenset(s for s in READERS if s and s not in PAGE_SUFFIXES)


def _local_target(folder: Path, href: str) -> Path | None:
    """The file a relative link names inside ``folder`` (or a subfolder), else None."""
    href = href.strip()
    parts = urlsplit(href)
    if not href or parts.scheme or parts.netloc or href.startswith(("/", "\\", "#")):
        return None
    relative = unquote(parts.path)
    if not relative or "\\" in relative:
        return None
    target = (folder / relative).resolve()
    root = folder.resolve()
    if target == root or root not in target.parents or not target.is_file():
        return None
    return target


def attachment_links(page: Path) -> list[Attachment]:
    """The local files a page links to that are documents themselves, in link order."""
    try:
        data = page.read_bytes()
        check_nesting(data, str(page))
    except (OSError, DocumentError):
        return []  # reading the page itself says why
    suffixes = _attachment_suffixes()
    soup = BeautifulSoup(data, "html.parser")
    found: list[Attachment] = []
    seen: set[Path] = set()
    for link in soup.find_all("a", href=True):
        target = _local_target(page.parent, str(link["href"]))
        if target is None or target in seen or target.suffix.lower() not in suffixes:
            continue
        seen.add(target)
        label = " ".join(link.get_text(" ").split())
        number = _number(label) or _number(target.stem) or len(found) + 1
        found.append(Attachment(number, target, label))
    return found


def _with_heading(number: int, text: str) -> str:
    heading = f"附件{number}"
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    # The attachment usually opens with its own "附件1" line: do not write it twice.
    if re.sub(r"\s", "", first) == heading:
        return text
    return f"{heading}\n{text}"


def read_page(path: Path) -> str:
    """The page's text, then each linked attachment's text after a line "附件N". An attachment
    that cannot be read is left out with a logged warning; the page itself still counts."""
    from fengong.ingest.readers import read_path  # the registry imports this module

    parts = [read_html(path)]
    for attachment in attachment_links(path):
        try:
            parts.append(_with_heading(attachment.number, read_path(attachment.path)))
        except DocumentError as exc:
            log.warning("%s: attachment %s left out: %s", path, attachment.path.name, exc.problem)
    return "\n".join(parts)
