"""Word-processor files that python-docx cannot open (.doc, .wps, .rtf, .odt, and a .doc that was
renamed .docx) -> .docx through LibreOffice, then the ordinary .docx reader, so every Word-like
format shares one table-preserving path."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from fengong.ingest.errors import DocumentError
from fengong.ingest.read_docx import read_docx

SOFFICE_TIMEOUT = float(os.environ.get("FENGONG_SOFFICE_TIMEOUT", "180"))
# Compound-file (OLE2) signature: .doc, .wps, .xls and .et all start with it.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_MAGIC = b"{\\rtf"


def soffice_command() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target: str, outdir: Path, timeout: float = SOFFICE_TIMEOUT) -> Path:
    """Convert ``path`` with headless LibreOffice to the ``target`` format (e.g. "docx") inside
    ``outdir``; the converted file's path. DocumentError names ``path`` when LibreOffice is missing,
    times out or cannot convert the file."""
    command = soffice_command()
    if command is None:
        raise DocumentError(
            str(path),
            f"reading {path.suffix or 'this'} files needs LibreOffice, and the `soffice` command is not "
            "on PATH (Debian: apt-get install libreoffice-writer-nogui)",
        )
    # A private copy under a plain ASCII name: no locale trouble with Chinese file names, and a
    # private profile so parallel conversions do not fight over one LibreOffice user directory.
    work = Path(tempfile.mkdtemp(prefix="fengong-soffice-", dir=outdir))
    source = work / f"input{path.suffix.lower()}"
    shutil.copyfile(path, source)
    profile = work / "profile"
    argv = [
        command,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(work / "out"),
        str(source),
    ]
    # Its own process group, so a timeout ends soffice.bin too and not just the wrapper script.
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "HOME": str(work)},
    )
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise DocumentError(str(path), f"LibreOffice did not convert it within {timeout:g} s") from None
    out = work / "out" / f"input.{target.split(':')[0]}"
    if not out.exists() or out.stat().st_size == 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()
        detail = [d for d in detail if "javaldx" not in d]  # a harmless warning on every run
        reason = detail[-1] if detail else f"exit code {proc.returncode}"
        raise DocumentError(str(path), f"LibreOffice could not convert it to {target}: {reason}")
    return out


def read_converted(path: Path, target: str, reader: Callable[[Path], str]) -> str:
    """Convert ``path`` to ``target`` with LibreOffice in a temporary folder and read the result
    with ``reader``; errors name the user's file, not the temporary copy."""
    if not path.is_file():
        raise DocumentError(str(path), "no such file")
    with tempfile.TemporaryDirectory(prefix="fengong-office-") as tmp:
        converted = convert(path, target, Path(tmp))
        try:
            return reader(converted)
        except DocumentError as exc:
            raise DocumentError(str(path), exc.problem) from None


def read_office(path: Path) -> str:
    """Read a .doc / .wps / .rtf / .odt file: LibreOffice converts it to .docx, which the .docx
    reader reads (tables stay tables)."""
    return read_converted(path, "docx", read_docx)


def read_word(path: Path) -> str:
    """A .docx, or what servers often hand out under that name: a legacy .doc or an RTF file,
    which goes through LibreOffice instead of failing as "not a ZIP package"."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if not zipfile.is_zipfile(path) and (head.startswith(_OLE_MAGIC) or head.startswith(_RTF_MAGIC)):
        return read_office(path)
    return read_docx(path)
