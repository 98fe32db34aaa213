"""The responsibility matrix as XLSX (openpyxl write-only) and as CSV (one row per assignment).

XLSX: a sheet per document — tasks as rows (number, outline path, task, deadline, date,
task id), units as columns, cells 牵头 / 配合 / 责任1, 责任2 … — with the header row and
task columns frozen; a 目录 sheet listing the documents and a 跨地区牵头 sheet
(jurisdiction × topic -> lead units). Rows are streamed: memory holds one page of
documents. CSV: the same facts in long form (UTF-8 with BOM so Excel/WPS read Chinese).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from fengong.graph.export.crosscity import CrossCity
from fengong.graph.export.matrix_data import MatrixDocument, iter_matrix
from fengong.graph.export.reader import GraphReader

#: Fixed task columns before the unit columns.
TASK_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("路径", 32),
    ("任务", 44),
    ("完成时限", 18),
    ("截止日期", 11),
    ("任务ID", 17),
)
INDEX_SHEET = "目录"
CROSS_SHEET = "跨地区牵头"
_MAX_CELL = 32_000  # Excel's limit is 32,767 characters
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FILLS = {
    "lead": PatternFill("solid", fgColor="F4B6B6"),
    "cooperate": PatternFill("solid", fgColor="BBD6EE"),
    "responsible": PatternFill("solid", fgColor="FDD9B5"),
}
_BOLD = Font(bold=True)
_GREY = Font(color="808080", size=8)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(horizontal="center", vertical="center")
_VERTICAL = Alignment(text_rotation=255, horizontal="center", vertical="bottom")


def sheet_title(doc: MatrixDocument, taken: set[str]) -> str:
    """A unique sheet name (31 characters at most, no []:*?/\\) from jurisdiction and title."""
    place, title = doc.jurisdiction or "", doc.title or doc.id
    if title.startswith(place):  # 聊城市加快… needs no second 聊城市
        place = ""
    base = _BAD_SHEET_CHARS.sub("_", f"{place}{title}").strip("'") or doc.id
    name, n = base[:31], 1
    while name.lower() in taken:
        n += 1
        suffix = f"~{n}"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.lower())
    return name


def _text(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_CELL:
        return value[:_MAX_CELL] + "…"
    return value


def _cell(
    ws: WriteOnlyWorksheet, value: Any, font: Font | None = None, align: Alignment | None = None
) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=_text(value))
    if font is not None:
        cell.font = font
    if align is not None:
        cell.alignment = align
    return cell


def _document_sheet(wb: Workbook, doc: MatrixDocument, title: str) -> int:
    """One document's matrix; returns the number of unit columns."""
    ws = wb.create_sheet(title)
    units = doc.units()
    fixed = len(TASK_COLUMNS)
    for i, (_, width) in enumerate(TASK_COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for i in range(len(units)):
        ws.column_dimensions[get_column_letter(fixed + 1 + i)].width = 4.5
    longest = max((len(name) for _, name in units), default=4)
    ws.row_dimensions[1].height = min(409, 14 * longest + 8)  # vertical CJK text: ~14pt a character
    ws.freeze_panes = f"{get_column_letter(fixed + 1)}2"
    header = [_cell(ws, name, _BOLD, _WRAP) for name, _ in TASK_COLUMNS]
    header += [_cell(ws, name, _BOLD, _VERTICAL) for _, name in units]
    ws.append(header)
    column = {unit_id: fixed + i for i, (unit_id, _) in enumerate(units)}
    for n, task in enumerate(doc.tasks, 1):
        row: list[Any] = [
            n,
            _cell(ws, " › ".join(task.path), align=_WRAP),
            _cell(ws, task.title, align=_WRAP),
            task.deadline,
            task.deadline_date,
            _cell(ws, task.id, _GREY),
        ]
        row += [None] * len(units)
        roles: dict[int, list[str]] = {}
        for a in task.assignments:
            roles.setdefault(column[a.unit_id], []).append(a.cell)
        for col, cells in roles.items():
            cell = _cell(ws, "、".join(cells), align=_CENTRE)
            role = next(a.role for a in task.assignments if column[a.unit_id] == col)
            cell.fill = _FILLS.get(role, PatternFill())
            row[col] = cell
        ws.append(row)
    return len(units)


def _index_sheet(wb: Workbook, rows: list[list[Any]]) -> None:
    ws = wb.create_sheet(INDEX_SHEET, 0)
    widths = (34, 12, 48, 20, 12, 8, 8, 30, 18)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    names = ("工作表", "地区", "文件", "文号", "日期", "任务", "单位", "来源文件", "文件ID")
    ws.append([_cell(ws, name, _BOLD) for name in names])
    for row in rows:
        link = _cell(
            ws, f'=HYPERLINK("#\'{row[0]}\'!A1","{row[0]}")', Font(color="0563C1", underline="single")
        )
        ws.append([link, *row[1:]])
    ws.append([])
    ws.append(["说明：牵头 = 文件写明的牵头单位；配合 = 配合单位（或牵头单位之外的责任单位）；"])
    ws.append(["责任N = 未写明牵头单位的责任单位列表中的第 N 位（责任1 为惯例上的牵头，并非文件写明）。"])


def _cross_sheet(wb: Workbook, cross: CrossCity) -> None:
    ws = wb.create_sheet(CROSS_SHEET, 1)
    topics = cross.topics()
    ws.column_dimensions["A"].width = 14
    for i in range(len(topics)):
        ws.column_dimensions[get_column_letter(i + 2)].width = 28
    ws.freeze_panes = "B2"
    ws.append([_cell(ws, "地区 \\ 主题", _BOLD)] + [_cell(ws, t, _BOLD, _WRAP) for t in topics])
    for place in cross.places():
        ws.append([_cell(ws, place, _BOLD)] + [_cell(ws, cross.cell(place, t), align=_WRAP) for t in topics])


def write_xlsx(reader: GraphReader, out: IO[bytes] | Path) -> int:
    """Write the matrix workbook; returns the number of task rows written."""
    wb = Workbook(write_only=True)
    taken = {INDEX_SHEET.lower(), CROSS_SHEET.lower()}
    index: list[list[Any]] = []
    cross = CrossCity()
    written = 0
    for doc in iter_matrix(reader.store, reader.scope):
        title = sheet_title(doc, taken)
        units = _document_sheet(wb, doc, title)
        cross.add(doc)
        index.append(
            [
                title,
                doc.jurisdiction,
                doc.title,
                doc.doc_number,
                doc.date,
                len(doc.tasks),
                units,
                doc.source,
                doc.id,
            ]
        )
        written += len(doc.tasks)
    _index_sheet(wb, index)
    _cross_sheet(wb, cross)
    wb.save(out)
    return written


#: Columns of the long-form CSV.
CSV_COLUMNS: tuple[str, ...] = (
    "document_id",
    "document",
    "jurisdiction",
    "task_no",
    "task_id",
    "path",
    "task",
    "deadline",
    "deadline_date",
    "unit",
    "unit_type",
    "role",
    "rank",
    "cell",
    "evidence",
)


def write_matrix_csv(reader: GraphReader, out: IO[str]) -> int:
    """Write one row per (task, unit, role) — a task without units gets one row without a unit.

    ``out`` is a text stream opened with ``newline=""``; returns the number of rows.
    """
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    written = 0
    for doc in iter_matrix(reader.store, reader.scope):
        for n, task in enumerate(doc.tasks, 1):
            base = [doc.id, doc.title, doc.jurisdiction, n, task.id, " / ".join(task.path), task.title]
            base += [task.deadline, task.deadline_date]
            for a in task.assignments or [None]:
                if a is None:
                    writer.writerow([*base, "", "", "", "", "", ""])
                else:
                    writer.writerow([*base, a.unit, a.unit_type, a.role, a.rank, a.cell, a.evidence])
                written += 1
    return written
