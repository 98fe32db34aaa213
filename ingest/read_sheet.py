"""Spreadsheets (the 任务分工表 attachment is often one) -> text: each sheet's non-empty rows as
tab-separated lines, the same table form every other reader gives. .xls / .et go through
LibreOffice to .xlsx first."""

from __future__ import annotations

import zipfile
from pathlib import Path

from fengong.ingest.errors import DocumentError
from fengong.ingest.pdf_layout import join_cell_lines
from fengong.ingest.read_office import read_converted


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 序号 1, not 1.0
    return join_cell_lines(str(value))


def read_xlsx(path: Path) -> str:
    """Every sheet in order: its rows as tab-separated lines, a blank line between sheets."""
    import openpyxl  # imported here so runs without spreadsheets do not pay for it

    if not zipfile.is_zipfile(path):
        raise DocumentError(str(path), "not an .xlsx file (not a ZIP package)")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for broken packages
        raise DocumentError(str(path), f"unreadable .xlsx: {exc}") from exc
    lines: list[str] = []
    try:
        for sheet in book.worksheets:
            lines.append("")
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if any(cells):
                    lines.append("\t".join(cells))
    finally:
        book.close()
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise DocumentError(str(path), "empty spreadsheet (no cell has text)")
    return text


def read_xls(path: Path) -> str:
    """A legacy .xls (or WPS .et) sheet: LibreOffice converts it to .xlsx, then read_xlsx."""
    return read_converted(path, "xlsx", read_xlsx)
