"""The responsibility matrix as XLSX (XlsxWriter, constant memory) and as CSV (one row per assignment).

XLSX: a sheet per document — tasks as rows (number, outline path, task, deadline, date,
task id), units as columns, cells 牵头 / 配合 / 责任1, 责任2 … — with the header row and
task columns frozen; a 目录 sheet listing the documents and a 跨地区牵头 sheet
(jurisdiction × topic -> lead units). Rows are streamed and XlsxWriter's constant-memory mode
writes each row out as soon as the next begins (inline strings, no shared-string table), so
memory holds one page of documents whatever the size of the graph. CSV: the same facts in long
form (UTF-8 with BOM so Excel/WPS read Chinese).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

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
_FILLS = {"lead": "#F4B6B6", "cooperate": "#BBD6EE", "responsible": "#FDD9B5"}


class _Formats:
    """The workbook's cell formats, made once."""

    def __init__(self, wb: Workbook) -> None:
        self.bold: Format = wb.add_format({"bold": True})
        self.bold_wrap: Format = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.vertical: Format = wb.add_format(
            {"bold": True, "rotation": 270, "align": "center", "valign": "bottom"}
        )
        self.wrap: Format = wb.add_format({"text_wrap": True, "valign": "top"})
        self.grey: Format = wb.add_format({"font_color": "#808080", "font_size": 8})
        self.link: Format = wb.add_format({"font_color": "#0563C1", "underline": 1})
        self.role: dict[str, Format] = {
            role: wb.add_format({"bg_color": colour, "align": "center", "valign": "vcenter"})
            for role, colour in _FILLS.items()
        }


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


def _write_row(ws: Worksheet, row: int, values: list[Any], fmt: Format | None = None) -> None:
    for col, value in enumerate(values):
        if value is not None and value != "":
            ws.write(row, col, _text(value), fmt)


def _document_sheet(wb: Workbook, fmt: _Formats, doc: MatrixDocument, title: str) -> int:
    """One document's matrix; returns the number of unit columns."""
    ws = wb.add_worksheet(title)
    units = doc.units()
    fixed = len(TASK_COLUMNS)
    for i, (_, width) in enumerate(TASK_COLUMNS):
        ws.set_column(i, i, width)
    if units:
        ws.set_column(fixed, fixed + len(units) - 1, 4.5)
    longest = max((len(name) for _, name in units), default=4)
    ws.set_row(0, min(409, 14 * longest + 8))  # vertical CJK text: ~14pt a character
    ws.freeze_panes(1, fixed)
    _write_row(ws, 0, [name for name, _ in TASK_COLUMNS], fmt.bold_wrap)
    for i, (_, name) in enumerate(units):
        ws.write(0, fixed + i, _text(name), fmt.vertical)
    column = {unit_id: fixed + i for i, (unit_id, _) in enumerate(units)}
    for n, task in enumerate(doc.tasks, 1):
        ws.write_number(n, 0, n)
        _write_row(ws, n, [None, " › ".join(task.path), task.title], fmt.wrap)
        _write_row(ws, n, [None, None, None, task.deadline, task.deadline_date])
        ws.write(n, 5, task.id, fmt.grey)
        cells: dict[int, list[str]] = {}
        roles: dict[int, str] = {}
        for a in task.assignments:
            col = column[a.unit_id]
            cells.setdefault(col, []).append(a.cell)
            roles.setdefault(col, a.role)
        for col in sorted(cells):
            ws.write(n, col, "、".join(cells[col]), fmt.role.get(roles[col]))
    return len(units)


def _index_sheet(ws: Worksheet, fmt: _Formats, rows: list[list[Any]]) -> None:
    for i, width in enumerate((34, 12, 48, 20, 12, 8, 8, 30, 18)):
        ws.set_column(i, i, width)
    ws.freeze_panes(1, 0)
    names = ("工作表", "地区", "文件", "文号", "日期", "任务", "单位", "来源文件", "文件ID")
    _write_row(ws, 0, list(names), fmt.bold)
    n = 0
    for n, row in enumerate(rows, 1):
        ws.write_formula(n, 0, f'=HYPERLINK("#\'{row[0]}\'!A1","{row[0]}")', fmt.link, row[0])
        _write_row(ws, n, [None, *row[1:]])
    ws.write(n + 2, 0, "说明：牵头 = 文件写明的牵头单位；配合 = 配合单位（或牵头单位之外的责任单位）；")
    ws.write(
        n + 3, 0, "责任N = 未写明牵头单位的责任单位列表中的第 N 位（责任1 为惯例上的牵头，并非文件写明）。"
    )


def _cross_sheet(ws: Worksheet, fmt: _Formats, cross: CrossCity) -> None:
    topics = cross.topics()
    ws.set_column(0, 0, 14)
    if topics:
        ws.set_column(1, len(topics), 28)
    ws.freeze_panes(1, 1)
    ws.write(0, 0, "地区 \\ 主题", fmt.bold)
    _write_row(ws, 0, [None, *topics], fmt.bold_wrap)
    for r, place in enumerate(cross.places(), 1):
        ws.write(r, 0, place, fmt.bold)
        _write_row(ws, r, [None, *(cross.cell(place, t) for t in topics)], fmt.wrap)


def write_xlsx(reader: GraphReader, out: IO[bytes] | Path) -> int:
    """Write the matrix workbook; returns the number of task rows written."""
    wb = xlsxwriter.Workbook(
        out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    fmt = _Formats(wb)
    # The index and cross-city sheets come first in the workbook but are filled last: in
    # constant-memory mode each sheet only needs its own rows in order.
    index_ws = wb.add_worksheet(INDEX_SHEET)
    cross_ws = wb.add_worksheet(CROSS_SHEET)
    taken = {INDEX_SHEET.lower(), CROSS_SHEET.lower()}
    index: list[list[Any]] = []
    cross = CrossCity()
    written = 0
    for doc in iter_matrix(reader.store, reader.scope):
        title = sheet_title(doc, taken)
        units = _document_sheet(wb, fmt, doc, title)
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
    _index_sheet(index_ws, fmt, index)
    _cross_sheet(cross_ws, fmt, cross)
    wb.close()
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
