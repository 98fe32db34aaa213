"""Hostile files for the upload and file-reading tests, generated at test time and small on disk:
ZIP packages that inflate far beyond their size, HTML nested deeper than any parser recurses."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

MIB = 1024 * 1024
_CHUNK = MIB


def _base_docx(folder: Path) -> Path:
    path = folder / "base.docx"
    if not path.exists():
        document = docx.Document()
        document.add_paragraph("一、推进任务（责任单位：市发展改革委）")
        document.save(str(path))
    return path


def inflating_docx(path: Path, inflated: int, unit: bytes = b" ") -> Path:
    """A valid-looking .docx whose document.xml inflates to about ``inflated`` bytes of ``unit``
    repeated (inside the body), though the file is a thousandth of that on disk."""
    base = _base_docx(path.parent)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "word/document.xml":
                out.writestr(info.filename, data)
                continue
            text = data.decode("utf-8")
            cut = text.index("<w:body>") + len("<w:body>")
            member = zipfile.ZipInfo("word/document.xml")
            member.compress_type = zipfile.ZIP_DEFLATED
            block = unit * (_CHUNK // len(unit))
            with out.open(member, "w", force_zip64=True) as stream:
                stream.write(text[:cut].encode("utf-8"))
                for _ in range(max(1, inflated // len(block))):
                    stream.write(block)
                stream.write(text[cut:].encode("utf-8"))
    return path


#: One paragraph of a .docx body: a parser builds several objects for each.
PARAGRAPH = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"


def deep_html(path: Path, depth: int = 200_000) -> Path:
    """An HTML page nested ``depth`` elements deep (about 11 bytes per level on disk)."""
    path.write_text(
        "<html><body>" + "<div>" * depth + "深" + "</div>" * depth + "</body></html>", encoding="utf-8"
    )
    return path


def deep_xml_docx(path: Path, depth: int = 200_000) -> Path:
    """A .docx whose document.xml nests ``depth`` elements inside its body."""
    base = _base_docx(path.parent)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                cut = text.index("<w:body>") + len("<w:body>")
                text = text[:cut] + "<w:sdt>" * depth + "</w:sdt>" * depth + text[cut:]
                data = text.encode("utf-8")
            out.writestr(info.filename, data)
    return path
