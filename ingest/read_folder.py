"""Folders -> the document files in them. Walks a folder in name order, keeps the files whose suffix
the reader registry knows, leaves out attachments that their HTML page already reads, and says
what it left out and why (hidden and temporary files, unknown formats)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from fengong.ingest.errors import DocumentError
from fengong.ingest.read_page import PAGE_SUFFIXES, attachment_links
from fengong.ingest.readers import READERS, read_path

# Editors' and browsers' leftovers: Word's owner files (~$x.docx), LibreOffice locks, backups.
_TEMP_PREFIXES = ("~$", ".~lock.", "~WRL")
_TEMP_SUFFIXES = (".tmp", ".temp", ".bak", ".part", ".crdownload", ".download", "~")


def _skip_reason(path: Path) -> str | None:
    """Why a file met in a folder walk is not a document to read, or None."""
    name = path.name
    if name.startswith(_TEMP_PREFIXES) or name.lower().endswith(_TEMP_SUFFIXES):
        return "temporary file"
    if name.startswith("."):
        return "hidden file"
    suffix = path.suffix.lower()
    # A file without a suffix is read when named on its own, but in a folder it is rarely a
    # document (README, LICENSE, Makefile).
    if not suffix:
        return "no file suffix"
    if suffix not in READERS:
        return f"unsupported format ({suffix})"
    return None


def _link_reason(path: Path, root: Path) -> str | None:
    """Why a symbolic link met in a walk of ``root`` is not followed, or None to read its target.

    A link may point anywhere (/etc/passwd, a key): only targets inside the folder are read."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        return "symbolic link to nothing readable, not followed"
    if target != root and root not in target.parents:
        return f"symbolic link to {target}, outside the folder: not followed"
    return None


def _walk(folder: Path, files: list[Path], skipped: list[tuple[Path, str]]) -> None:
    root_dir = folder.resolve()
    for root, dirs, names in os.walk(folder):  # symlinked folders are not followed: no loops
        here = Path(root)
        for d in sorted(dirs):
            if d.startswith(".") or d == "__MACOSX":
                skipped.append((here / d, "hidden folder"))
            elif (here / d).is_symlink():
                skipped.append((here / d, "symbolic link to a folder, not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
        for name in sorted(names):
            path = here / name
            reason = _skip_reason(path) or _link_reason(path, root_dir)
            if reason is None and not path.is_file():
                reason = "not a regular file"
            if reason:
                skipped.append((path, reason))
            else:
                files.append(path)


def expand_inputs(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files to read for command-line ``paths`` (files as given; folders walked), and the
    files left out of the folders with the reason. An attachment that an HTML page in the same
    walk links to is read with its page, not on its own."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            _walk(path, found, skipped)
            consumed: dict[Path, Path] = {}
            for page in (f for f in found if f.suffix.lower() in PAGE_SUFFIXES):
                for attachment in attachment_links(page):
                    consumed.setdefault(attachment.path, page)
            for f in found:
                reader = consumed.get(f.resolve())
                if reader is not None and reader != f.resolve():
                    skipped.append((f, f"attachment of {reader.name}, read with it"))
                else:
                    files.append(f)
        else:
            files.append(path)  # named on purpose: read it, or say why not
    unique = list(dict.fromkeys(files))
    return unique, skipped


def iter_documents(path: Path) -> Iterator[tuple[Path, str | DocumentError]]:
    """Each document file under ``path`` (a folder or one file) with its text, or the
    DocumentError that says why it cannot be read. What the walk left out is not yielded:
    expand_inputs reports it."""
    files, _ = expand_inputs([path])
    for file in files:
        try:
            yield file, read_path(file)
        except DocumentError as exc:
            yield file, exc
