""".docx -> text: paragraphs in order, and real tables as one tab-separated line per row."""

from __future__ import annotations

import zipfile
from pathlib import Path

from fengong.ingest.errors import DocumentError


def _cell_text(text: str) -> str:
    # A cell's own line breaks and tabs would break the row apart.
    return " ".join(text.replace("\t", " ").split())


def read_docx(path: Path) -> str:
    """The document's text; a table stays a table (cells kept apart by tabs)."""
    import docx  # python-docx; imported here so plain-text runs do not pay for it
    from docx.table import Table

    if not zipfile.is_zipfile(path):
        raise DocumentError(str(path), "not a .docx file (not a ZIP package)")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise DocumentError(str(path), f"unreadable .docx: {exc}") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    # A horizontally merged cell comes back once per grid column: keep it once.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(_cell_text(cell.text))
                lines.append("\t".join(cells))
            lines.append("")
        else:
            lines.append(block.text)
    text = "\n".join(lines)
    if not text.strip():
        raise DocumentError(str(path), "empty document (no text in the .docx)")
    return text
