""".pdf -> text with pdfplumber: each page's ruled tables as tab-separated rows, the text outside
them as lines, both in the order they stand on the page; then pdf_layout joins wrapped lines into
paragraphs and drops running headers, footers and page numbers.

A PDF without a text layer (a scan) is refused by name rather than read as an empty document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fengong.ingest.errors import DocumentError
from fengong.ingest.pdf_layout import (
    PageItems,
    TableBlock,
    TextLine,
    join_cell_lines,
    layout_text,
    lead_width,
)

# Ruled tables only: government tables are drawn with borders, and the text strategy would turn
# every indented paragraph into a "table".
_TABLE_SETTINGS: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _inside(obj: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    x0, top, x1, bottom = bbox
    return x0 <= x <= x1 and top <= y <= bottom


def _table_block(table: Any) -> TableBlock | None:
    rows = []
    for row in table.extract():
        cells = [join_cell_lines(cell or "") for cell in row]
        if any(cells):
            rows.append(cells)
    # A one-column "table" is a framed box of text (a notice, a title frame), not a table.
    if not rows or max(len(r) for r in rows) < 2:
        return None
    return TableBlock(top=table.bbox[1], rows=rows)


def _page_items(page: Any) -> PageItems:
    page = page.dedupe_chars()  # bold faked by printing a glyph twice would double every character
    blocks = []
    boxes = []
    for table in page.find_tables(_TABLE_SETTINGS):
        block = _table_block(table)
        if block is not None:
            blocks.append(block)
            boxes.append(table.bbox)
    outside = page.filter(lambda o: o.get("object_type") != "char" or not any(_inside(o, b) for b in boxes))
    lines = []
    for found in outside.extract_text_lines(strip=True, return_chars=True):
        text = found["text"].strip()
        if not text:
            continue
        sizes = sorted(c["size"] for c in found["chars"]) or [0.0]
        lines.append(
            TextLine(
                text=text,
                x0=found["x0"],
                x1=found["x1"],
                top=found["top"],
                bottom=found["bottom"],
                size=sizes[len(sizes) // 2],
                lead=lead_width([(c["text"], c["x0"], c["x1"]) for c in found["chars"]]),
            )
        )
    return PageItems(width=page.width, height=page.height, lines=lines, tables=blocks)


def _open_error(path: Path, exc: Exception) -> DocumentError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return DocumentError(str(path), "encrypted PDF: it needs a password to open")
    if isinstance(cause, RecursionError):
        return DocumentError(str(path), "broken PDF: its structure nests too deeply to read")
    if isinstance(cause, PDFEncryptionError):
        return DocumentError(str(path), f"encrypted PDF that cannot be read: {cause}")
    return DocumentError(str(path), f"broken PDF: {cause or type(cause).__name__}")


def read_pdf(path: Path) -> str:
    """The PDF's text in reading order, its ruled tables as tab-separated rows. DocumentError for
    a file that is not a PDF, an encrypted or broken one, or a scan with no text layer."""
    import pdfplumber  # imported here so runs without PDFs do not pay for it

    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if b"%PDF-" not in head:
        raise DocumentError(str(path), "not a PDF file (no %PDF header)")
    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page_items(page) for page in pdf.pages]
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise _open_error(path, exc) from exc
    if not pages:
        raise DocumentError(str(path), "broken PDF: no pages")
    if not any(p.lines or p.tables for p in pages):
        raise DocumentError(str(path), f"no text layer (scanned PDF?): {len(pages)} page(s) of images only")
    return layout_text(pages)
