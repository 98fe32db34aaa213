"""The responsibility matrix as XLSX (streamed, a sheet at a time) and as CSV (one row per assignment).

XLSX: a sheet per document — tasks as rows (number, outline path, task, deadline, date,
task id), units as columns, cells 牵头 / 配合 / 责任1, 责任2 … — with the header row and
task columns frozen; a 目录 sheet listing the documents and a 跨地区牵头 sheet
(jurisdiction × topic -> lead units). Each document's sheet is written straight into the
zip and finished before the next (``xlsx_stream``), the index and cross-city sheets are
spooled to temporary files, and the cross-city counters hold one jurisdiction at a time, so
memory holds one page of documents whatever the size of the graph. CSV: the same facts in
long form (UTF-8 with BOM so Excel/WPS read Chinese).
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import IO

from fengong.graph.export.crosscity import CrossCity
from fengong.graph.export.matrix_data import MatrixDocument, iter_matrix
from fengong.graph.export.reader import GraphReader
from fengong.graph.export.xlsx_stream import BAD_SHEET_NAME, Cell, CellStyle, SheetWriter, Value, XlsxStream

#: Fixed task columns before the unit columns.
TASK_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("路径", 32),
    ("任务", 44),
    ("完成时限", 18),
    ("截止日期", 11),
    ("任务ID", 17),
)
UNIT_WIDTH = 4.5  # unit columns hold 牵头 / 配合 / 责任N; their names stand vertically above
INDEX_SHEET = "目录"
INDEX_COLUMNS: tuple[tuple[str, float], ...] = (
    ("工作表", 34),
    ("地区", 12),
    ("文件", 48),
    ("文号", 20),
    ("日期", 12),
    ("任务", 8),
    ("单位", 8),
    ("来源文件", 30),
    ("文件ID", 18),
)
CROSS_SHEET = "跨地区牵头"
_FILLS = {"lead": "F4B6B6", "cooperate": "BBD6EE", "responsible": "FDD9B5"}


class _Styles:
    """The workbook's cell styles, registered once."""

    def __init__(self, book: XlsxStream) -> None:
        self.bold = book.add_style(CellStyle(bold=True))
        self.bold_wrap = book.add_style(CellStyle(bold=True, wrap=True, vertical="top"))
        # 255 = stacked vertical text: unit names read top to bottom above narrow columns
        self.vertical = book.add_style(CellStyle(bold=True, rotation=255, horizontal="center"))
        self.wrap = book.add_style(CellStyle(wrap=True, vertical="top"))
        self.grey = book.add_style(CellStyle(font_color="808080", font_size=8))
        self.link = book.add_style(CellStyle(font_color="0563C1", underline=True))
        self.role = {
            role: book.add_style(CellStyle(fill=colour, horizontal="center", vertical="center"))
            for role, colour in _FILLS.items()
        }


def _name_key(name: str) -> int:
    # Sheet names are unique case-insensitively. A 64-bit digest stands for the name in the
    # set of names taken (a fifth of the memory of the names); were two ever to collide, a
    # name would only get a ~n suffix it did not need.
    return int.from_bytes(hashlib.blake2b(name.lower().encode(), digest_size=8).digest())


def sheet_title(doc: MatrixDocument, taken: set[int]) -> str:
    """A unique sheet name (31 characters at most, no []:*?/\\) from jurisdiction and title.

    ``taken`` holds the ``_name_key`` of the names given so far; the new one is added.
    """
    place, title = doc.jurisdiction or "", doc.title or doc.id
    if title.startswith(place):  # 聊城市加快… needs no second 聊城市
        place = ""
    base = BAD_SHEET_NAME.sub("_", f"{place}{title}").strip("'") or doc.id
    name, n = base[:31], 1
    while _name_key(name) in taken:
        n += 1
        suffix = f"~{n}"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(_name_key(name))
    return name


def _document_sheet(book: XlsxStream, st: _Styles, doc: MatrixDocument, title: str) -> int:
    """Write one document's matrix as a finished sheet; returns the number of unit columns."""
    units = doc.units()
    fixed = len(TASK_COLUMNS)
    with book.add_sheet(title, freeze=(1, fixed)) as ws:
        for i, (_, width) in enumerate(TASK_COLUMNS):
            ws.set_width(i, i, width)
        if units:
            ws.set_width(fixed, fixed + len(units) - 1, UNIT_WIDTH)
        longest = max((len(name) for _, name in units), default=4)
        header: list[Value] = [Cell(name, st.bold_wrap) for name, _ in TASK_COLUMNS]
        header += [Cell(name, st.vertical) for _, name in units]
        ws.row(header, height=min(409, 14 * longest + 8))  # vertical CJK text: ~14pt a character
        column = {unit_id: fixed + i for i, (unit_id, _) in enumerate(units)}
        for n, task in enumerate(doc.tasks, 1):
            row: list[Value] = [
                n,
                Cell(" › ".join(task.path), st.wrap),
                Cell(task.title, st.wrap),
                task.deadline,
                task.deadline_date,
                Cell(task.id, st.grey),
            ]
            row += [None] * len(units)
            cells: dict[int, list[str]] = {}
            roles: dict[int, str] = {}
            for a in task.assignments:
                col = column[a.unit_id]
                cells.setdefault(col, []).append(a.cell)
                roles.setdefault(col, a.role)
            for col, texts in cells.items():
                row[col] = Cell("、".join(texts), st.role.get(roles[col], 0))
            ws.row(row)
    return len(units)


def _index_row(ws: SheetWriter, st: _Styles, title: str, doc: MatrixDocument, units: int) -> None:
    # A quote doubles inside a quoted sheet reference ('') and a formula string ("").
    target, text = title.replace("'", "''"), title.replace('"', '""')
    link = Cell(title, st.link, formula=f'HYPERLINK("#\'{target}\'!A1","{text}")')
    ws.row(
        [
            link,
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


def _index_notes(ws: SheetWriter) -> None:
    ws.skip()
    ws.row(["说明：牵头 = 文件写明的牵头单位；配合 = 配合单位（或牵头单位之外的责任单位）；"])
    ws.row(["责任N = 未写明牵头单位的责任单位列表中的第 N 位（责任1 为惯例上的牵头，并非文件写明）。"])


def _cross_sheet(ws: SheetWriter, st: _Styles, cross: CrossCity) -> None:
    topics = cross.topics()
    ws.set_width(0, 0, 14)
    if topics:
        ws.set_width(1, len(topics), 28)
    ws.freeze(1, 1)
    ws.row([Cell("地区 \\ 主题", st.bold), *(Cell(t, st.bold_wrap) for t in topics)])
    for place, cells in cross.rows():
        ws.row([Cell(place, st.bold), *(Cell(cells.get(t), st.wrap) for t in topics)])


def write_xlsx(reader: GraphReader, out: IO[bytes] | Path) -> int:
    """Write the matrix workbook; returns the number of task rows written."""
    taken = {_name_key(INDEX_SHEET), _name_key(CROSS_SHEET)}
    written = 0
    with XlsxStream(out) as book, CrossCity() as cross:
        st = _Styles(book)
        # The index and cross-city sheets come first in the workbook but are filled as the
        # documents go (index) or once all are seen (cross-city): both are spooled.
        index = book.add_sheet(
            INDEX_SHEET,
            widths=tuple((i, i, w) for i, (_, w) in enumerate(INDEX_COLUMNS)),
            freeze=(1, 0),
            spool=True,
        )
        index.row([name for name, _ in INDEX_COLUMNS], style=st.bold)
        cross_ws = book.add_sheet(CROSS_SHEET, spool=True)
        for doc in iter_matrix(reader.store, reader.scope):
            title = sheet_title(doc, taken)
            units = _document_sheet(book, st, doc, title)
            cross.add(doc)
            _index_row(index, st, title, doc, units)
            written += len(doc.tasks)
        _index_notes(index)
        _cross_sheet(cross_ws, st, cross)
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
