"""Hostile files for the upload and file-reading tests, generated at test time and small on disk:
ZIP packages that inflate far beyond their size, HTML nested deeper than any parser recurses."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import docx

MIB = 1024 * 1024
_CHUNK = MIB


@cache
def _base_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("一、推进任务（责任单位：市发展改革委）")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def inflating_docx(path: Path, inflated: int, unit: bytes = b" ") -> Path:
    """A valid-looking .docx whose document.xml inflates to about ``inflated`` bytes of ``unit``
    repeated (inside the body), though the file is a thousandth of that on disk."""
    with (
        zipfile.ZipFile(io.BytesIO(_base_docx())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out,
    ):
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
    with (
        zipfile.ZipFile(io.BytesIO(_base_docx())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                cut = text.index("<w:body>") + len("<w:body>")
                text = text[:cut] + "<w:sdt>" * depth + "</w:sdt>" * depth + text[cut:]
                data = text.encode("utf-8")
            out.writestr(info.filename, data)
    return path


def deep_page_tree_pdf(path: Path, depth: int = 20_000) -> Path:
    """A one-page PDF whose page tree is a chain of ``depth`` /Pages nodes (readers walk it
    recursively)."""
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for i in range(depth):
        parent = b"" if i == 0 else b" /Parent %d 0 R" % (i + 1)
        objects[i + 2] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (i + 3, parent)
    page = depth + 2
    content = b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET"
    objects[page] = (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page - 1, page + 1, page + 2)
    )
    objects[page + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    objects[page + 2] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    path.write_bytes(bytes(out))
    return path
