"""File -> text, by format. Every reader returns plain text in which a real table is written as
one line per row with cells separated by tabs, so all formats share one extraction path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fengong.ingest.errors import DocumentError
from fengong.ingest.read_docx import read_docx
from fengong.ingest.read_html import read_html
from fengong.ingest.reading import read_text

Reader = Callable[[Path], str]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    "": read_text,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
    ".shtml": read_html,
    ".xhtml": read_html,
}

MAX_BYTES = 200 * 1024 * 1024


def read_path(path: Path) -> str:
    """The text of a document file, whatever its format; DocumentError names the file otherwise."""
    if not path.exists():
        raise DocumentError(str(path), "no such file")
    if path.is_dir():
        raise DocumentError(str(path), "is a directory, not a document")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(str(path), f"too large ({size} bytes; the limit is {MAX_BYTES})")
    reader = READERS.get(path.suffix.lower(), read_text)
    return reader(path)
