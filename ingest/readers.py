"""File -> text, by format. Every reader returns plain text in which a real table is written as
one line per row with cells separated by tabs, so all formats share one extraction path."""

from __future__ import annotations

import errno
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

from fengong.ingest.archive import check_archive
from fengong.ingest.errors import DocumentError
from fengong.ingest.limits import ReadLimits
from fengong.ingest.read_office import read_office, read_word
from fengong.ingest.read_page import read_page
from fengong.ingest.read_pdf import read_pdf
from fengong.ingest.read_sheet import read_xls, read_xlsx
from fengong.ingest.reading import read_text

Reader = Callable[[Path], str]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    "": read_text,
    ".docx": read_word,  # a .docx, or a .doc / RTF file served under that name
    ".html": read_page,  # the page with its local attachments (附件)
    ".htm": read_page,
    ".shtml": read_page,
    ".xhtml": read_page,
    ".pdf": read_pdf,
    ".doc": read_office,  # through LibreOffice to .docx
    ".wps": read_office,
    ".rtf": read_office,
    ".odt": read_office,
    ".xlsx": read_xlsx,  # sheets as tab-separated rows
    ".xls": read_xls,  # through LibreOffice to .xlsx
    ".et": read_xls,
}


# What Path.exists() reads as "not there" (one stat call answers exists, is_dir and the size).
_MISSING = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def read_path(path: Path, limits: ReadLimits | None = None) -> str:
    """The text of a document file, whatever its format; DocumentError names the file otherwise.

    Whatever the suffix says, a ZIP package is checked against the archive limits before a parser
    opens it, and a structure nested too deeply for a parser is refused, not a crash.
    """
    limits = limits or ReadLimits.from_env()
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno not in _MISSING:
            raise
        st = None
    if st is None:
        raise DocumentError(str(path), "no such file")
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(str(path), "is a directory, not a document")
    size = st.st_size
    if size > limits.max_file_bytes:
        raise DocumentError(str(path), f"too large ({size} bytes; FENGONG_MAX_FILE={limits.max_file_bytes})")
    if stat.S_ISREG(st.st_mode) and zipfile.is_zipfile(path):
        check_archive(path, limits)
    reader = READERS.get(path.suffix.lower(), read_text)
    try:
        return reader(path)
    except RecursionError:
        raise DocumentError(str(path), "nested too deeply to read (a hostile or broken file)") from None
