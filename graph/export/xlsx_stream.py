"""Write an XLSX workbook as a stream: each sheet's XML goes into the zip as its rows come.

An .xlsx file is a zip of XML parts (ECMA-376, SpreadsheetML). XlsxWriter, even in its
constant-memory mode, and openpyxl's write-only mode keep an object, buffers and a temporary
file per sheet until the workbook is closed, so a workbook of thousands of sheets grows with
them. Here a sheet is finished, its part closed inside the zip, before the next one begins:
memory holds one row at a time. What stays behind per sheet is the zip's central-directory
entry (zipfile keeps it until the end, ~0.4 KB); the sheet's entry for workbook.xml waits in a
temporary file. Strings are inline (``t="inlineStr"``), so no shared-string table builds up,
and the styles are a short list registered up front.

A sheet that must come early in the tab order but can only be filled later (an index, a
summary) can be *spooled*: its XML goes to a temporary file, copied into the zip when the
workbook closes, and it may be written while another sheet is open.

    with XlsxStream(path) as book:
        bold = book.add_style(CellStyle(bold=True))
        with book.add_sheet("Sheet1", freeze=(1, 0)) as sheet:
            sheet.set_width(0, 0, 20)
            sheet.row([Cell("Name", bold), Cell("Count", bold)])
            sheet.row(["a", 1])
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Self

MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_TEXT = 32_767  # characters Excel keeps in a cell
MAX_SHEET_NAME = 31
BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
# Characters XML 1.0 cannot carry, even escaped (control characters, lone surrogates, U+FFFE/F).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class CellStyle:
    """A cell format: font, fill and alignment. Colours are ``RRGGBB`` hex."""

    bold: bool = False
    underline: bool = False
    font_size: float | None = None
    font_color: str | None = None
    fill: str | None = None
    horizontal: str | None = None  # left, center, right, …
    vertical: str | None = None  # top, center, bottom
    wrap: bool = False
    rotation: int | None = None  # degrees 0-180, or 255 for vertical (stacked) text


@dataclass(frozen=True, slots=True)
class Cell:
    """A value with a style (an ``add_style`` number), or a formula with its cached value."""

    value: str | int | float | None
    style: int = 0
    formula: str | None = None  # without the leading "="


Value = str | int | float | Cell | None


def column_name(col: int) -> str:
    """Excel's letters for a 0-based column number (0 -> A, 26 -> AA)."""
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


_COLUMN_NAMES: list[str] = []  # filled on demand: at most MAX_COLUMNS short strings


def _col(col: int) -> str:
    while len(_COLUMN_NAMES) <= col:
        _COLUMN_NAMES.append(column_name(len(_COLUMN_NAMES)))
    return _COLUMN_NAMES[col]


def xml_text(text: str) -> str:
    """``text`` escaped for XML content, without the characters XML 1.0 forbids."""
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text: str) -> str:
    """``text`` escaped for a double-quoted XML attribute."""
    return xml_text(text).replace('"', "&quot;")


def excel_width(chars: float) -> float:
    """The stored width of a column ``chars`` characters wide, as Excel computes it.

    Excel stores widths with the cell padding included (5 pixels at the 7-pixel digit
    width of the default font), rounded to 1/256 of a character; XlsxWriter does the same.
    """
    if chars <= 0:
        return 0.0
    pixels = int(chars * 12 + 0.5) if chars < 1 else int(chars * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256


def check_sheet_name(name: str) -> str:
    """``name`` if Excel accepts it as a sheet name, else ValueError."""
    if (
        not name
        or len(name) > MAX_SHEET_NAME
        or BAD_SHEET_NAME.search(name)
        or name[0] == "'"
        or name[-1] == "'"
    ):
        raise ValueError(
            f"invalid sheet name {name!r}: 1-31 characters, none of []:*?/\\, no ' at either end"
        )
    return name


def _number(value: int | float) -> str:
    return repr(value) if isinstance(value, float) else str(int(value))  # int(): IntEnum and kin


def _inline(ref: str, style: int, text: str) -> str:
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    space = ' xml:space="preserve"' if text != text.strip() else ""
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{xml_text(text)}</t></is></c>'


def _cell(ref: str, value: Value, style: int) -> str:
    """One ``<c>`` element, or "" for an empty value."""
    formula = None
    if isinstance(value, Cell):
        plain, style, formula = value.value, value.style, value.formula
    else:
        plain = value
    s = f' s="{style}"' if style else ""
    if formula is not None:
        cached = "" if plain is None else str(plain)
        return f'<c r="{ref}"{s} t="str"><f>{xml_text(formula)}</f><v>{xml_text(cached)}</v></c>'
    if plain is None or plain == "":
        return ""
    if isinstance(plain, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(plain)}</v></c>'
    if isinstance(plain, int) or (isinstance(plain, float) and math.isfinite(plain)):
        return f'<c r="{ref}"{s}><v>{_number(plain)}</v></c>'
    return _inline(ref, style, str(plain))  # NaN and infinities have no number form in XLSX


class SheetWriter:
    """One sheet's rows, written in order. Layout (widths, frozen panes) comes before the first row."""

    def __init__(self, book: XlsxStream, number: int, name: str, out: IO[bytes], spooled: bool) -> None:
        self.name = name
        self.number = number  # 1-based part number: xl/worksheets/sheet<number>.xml
        self.spooled = spooled
        self._book = book
        self._out = io.TextIOWrapper(out, encoding="utf-8", newline="")
        self._widths: list[tuple[int, int, float]] = []
        self._freeze = (0, 0)
        self._rows = 0
        self._started = False
        self.closed = False

    @property
    def rows(self) -> int:
        """Rows used so far, skipped ones included."""
        return self._rows

    def set_width(self, first: int, last: int, chars: float) -> None:
        """Columns ``first``..``last`` (0-based, inclusive) ``chars`` characters wide."""
        self._layout_open()
        if not 0 <= first <= last < MAX_COLUMNS:
            raise ValueError(f"bad column range {first}..{last}")
        self._widths.append((first, last, chars))

    def freeze(self, rows: int, cols: int) -> None:
        """Keep the first ``rows`` rows and ``cols`` columns in view when scrolling."""
        self._layout_open()
        self._freeze = (rows, cols)

    def _layout_open(self) -> None:
        if self._started:
            raise ValueError(f"sheet {self.name!r}: layout must be set before the first row")

    def row(
        self, values: list[Value] | tuple[Value, ...], *, style: int = 0, height: float | None = None
    ) -> None:
        """Write the next row: ``values`` from column A on (None and "" leave a cell empty).

        ``style`` applies to plain values; a ``Cell`` carries its own. ``height`` in points.
        """
        if self.closed:
            raise ValueError(f"sheet {self.name!r} is closed")
        self._start()
        if self._rows >= MAX_ROWS:
            raise ValueError(f"sheet {self.name!r}: more than {MAX_ROWS:,} rows")
        if len(values) > MAX_COLUMNS:
            raise ValueError(f"sheet {self.name!r}: more than {MAX_COLUMNS:,} columns")
        self._rows += 1
        r = self._rows
        ht = f' ht="{height:g}" customHeight="1"' if height else ""
        cells = "".join(_cell(f"{_col(c)}{r}", v, style) for c, v in enumerate(values) if v is not None)
        self._out.write(f'<row r="{r}"{ht}>{cells}</row>')

    def skip(self, rows: int = 1) -> None:
        """Leave ``rows`` empty rows."""
        self._rows += rows

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        rows, cols = self._freeze
        selected = ' tabSelected="1"' if self.number == 1 else ""
        view = f'<sheetView{selected} workbookViewId="0">{_pane(rows, cols)}</sheetView>'
        widths = "".join(
            f'<col min="{a + 1}" max="{b + 1}" width="{excel_width(w)}" customWidth="1"/>'
            for a, b, w in self._widths
        )
        self._out.write(
            f'{_DECL}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheetViews>{view}</sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{widths}</cols>" if widths else ""}<sheetData>'
        )

    def close(self) -> None:
        """Finish the sheet's XML. A spooled sheet goes into the zip when the workbook closes."""
        if self.closed:
            return
        self._start()
        self._out.write("</sheetData></worksheet>")
        self.closed = True
        if self.spooled:
            self._out.flush()
        else:
            self._out.close()  # closes the zip member
        self._book._sheet_closed(self)

    def _copy_to(self, dest: IO[bytes]) -> None:
        raw = self._out.detach()
        raw.seek(0)
        shutil.copyfileobj(raw, dest, 1 << 20)
        raw.close()

    def _discard(self) -> None:
        self.closed = True
        # Cleanup after an error already on its way up: a detached or failing file is no news.
        with contextlib.suppress(ValueError, OSError):
            self._out.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()


def _pane(rows: int, cols: int) -> str:
    """The frozen-pane view of a sheet (Excel's own markup for Freeze Panes)."""
    if not rows and not cols:
        return ""
    top_left = f"{_col(cols)}{rows + 1}"
    if rows and cols:
        return (
            f'<pane xSplit="{cols}" ySplit="{rows}" topLeftCell="{top_left}" activePane="bottomRight" state="frozen"/>'
            f'<selection pane="topRight" activeCell="{_col(cols)}1" sqref="{_col(cols)}1"/>'
            f'<selection pane="bottomLeft" activeCell="A{rows + 1}" sqref="A{rows + 1}"/>'
            '<selection pane="bottomRight"/>'
        )
    if rows:
        return (
            f'<pane ySplit="{rows}" topLeftCell="{top_left}" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/>'
        )
    return (
        f'<pane xSplit="{cols}" topLeftCell="{top_left}" activePane="topRight" state="frozen"/>'
        '<selection pane="topRight"/>'
    )


class XlsxStream:
    """A workbook written sheet by sheet into a zip; ``close`` adds the workbook parts."""

    def __init__(self, out: Path | IO[bytes]) -> None:
        # Members are far below zipfile's 2 GiB non-ZIP64 limit (one document's tasks), so no
        # force_zip64: ZIP64 local headers are a known source of "repair" prompts in Excel.
        self._zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)
        # Tab order: sheet n is xl/worksheets/sheet<n>.xml; its <sheet> entry for workbook.xml
        # waits in a temporary file, so the workbook holds a count, not a list of names.
        self._count = 0
        self._entries = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self._spooled: list[SheetWriter] = []
        self._open: SheetWriter | None = None  # the sheet writing into the zip now
        self._styles: dict[CellStyle, int] = {CellStyle(): 0}
        self._closed = False

    def add_style(self, style: CellStyle) -> int:
        """The number of ``style`` for ``Cell.style`` and ``row(style=…)`` (0 is the default)."""
        return self._styles.setdefault(style, len(self._styles))

    def add_sheet(
        self,
        name: str,
        *,
        widths: tuple[tuple[int, int, float], ...] = (),
        freeze: tuple[int, int] = (0, 0),
        spool: bool = False,
    ) -> SheetWriter:
        """A new sheet at the end of the tabs. Names must be valid (``check_sheet_name``) and
        unique case-insensitively: the caller keeps track, the workbook keeps no names.

        Only one sheet at a time writes into the zip; ``spool=True`` gives one that writes to
        a temporary file instead and may stay open while others are written.
        """
        if self._closed:
            raise ValueError("the workbook is closed")
        check_sheet_name(name)
        if not spool and self._open is not None:
            raise ValueError(f"close sheet {self._open.name!r} before adding {name!r}")
        self._count += 1
        number = self._count
        self._entries.write(f'<sheet name="{xml_attr(name)}" sheetId="{number}" r:id="rId{number}"/>')
        if spool:
            sheet = SheetWriter(self, number, name, tempfile.TemporaryFile(), spooled=True)  # noqa: SIM115 (closed with the sheet)
            self._spooled.append(sheet)
        else:
            sheet = SheetWriter(self, number, name, self._zip.open(_sheet_part(number), "w"), spooled=False)
            self._open = sheet
        for first, last, chars in widths:
            sheet.set_width(first, last, chars)
        sheet.freeze(*freeze)
        return sheet

    def _sheet_closed(self, sheet: SheetWriter) -> None:
        if sheet is self._open:
            self._open = None

    def close(self) -> None:
        """Finish open sheets, copy spooled ones into the zip, write the workbook parts."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._open is not None:
                self._open.close()
            for sheet in self._spooled:
                sheet.close()
                with self._zip.open(_sheet_part(sheet.number), "w") as dest:
                    sheet._copy_to(dest)
            self._spooled.clear()
            self._write_package()
        finally:
            self._entries.close()
            self._zip.close()

    def abort(self) -> None:
        """Release the files after an error; the output is not a valid workbook."""
        self._closed = True
        for sheet in [*self._spooled, *([self._open] if self._open else [])]:
            sheet._discard()
        self._spooled.clear()
        self._entries.close()
        with contextlib.suppress(ValueError, OSError):
            self._zip.close()

    def _write_package(self) -> None:
        n = self._count
        self._entries.seek(0)
        self._part(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><bookViews><workbookView activeTab="0"/>'
            "</bookViews><sheets>",
            iter(lambda: self._entries.read(1 << 16), ""),
            "</sheets></workbook>",
        )
        self._part(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_PKG_REL_NS}">',
            (
                f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, n + 1)
            ),
            f'<Relationship Id="rId{n + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/></Relationships>',
        )
        self._part("xl/styles.xml", _styles_xml(list(self._styles)))
        self._part(
            "_rels/.rels",
            f'<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        self._part(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>',
            (
                f'<Override PartName="/{_sheet_part(i)}" ContentType="{_CT}.worksheet+xml"/>'
                for i in range(1, n + 1)
            ),
            "</Types>",
        )

    def _part(self, name: str, head: str, body: Iterable[str] = (), tail: str = "") -> None:
        """A package part written as a stream (the per-sheet lists are as long as the tabs)."""
        with io.TextIOWrapper(self._zip.open(name, "w"), encoding="utf-8", newline="") as out:
            out.write(_DECL + head)
            for chunk in body:
                out.write(chunk)
            out.write(tail)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def _sheet_part(number: int) -> str:
    return f"xl/worksheets/sheet{number}.xml"


def _styles_xml(styles: list[CellStyle]) -> str:
    """styles.xml for ``styles`` (style i is cellXfs entry i; fonts and fills shared)."""
    fonts: dict[tuple[bool, bool, float | None, str | None], int] = {}
    fills: dict[str, int] = {}
    xfs = []
    for st in styles:
        font = fonts.setdefault((st.bold, st.underline, st.font_size, st.font_color), len(fonts))
        fill = fills.setdefault(st.fill, len(fills) + 2) if st.fill else 0  # 0, 1: none, gray125
        align = {
            "horizontal": st.horizontal,
            "vertical": st.vertical,
            "textRotation": st.rotation,
            "wrapText": 1 if st.wrap else None,
        }
        attrs = "".join(f' {k}="{v}"' for k, v in align.items() if v is not None)
        applied = (' applyFont="1"' if font else "") + (' applyFill="1"' if fill else "")
        applied += ' applyAlignment="1"' if attrs else ""
        inner = f"<alignment{attrs}/>" if attrs else ""
        xfs.append(
            f'<xf numFmtId="0" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"{applied}>{inner}</xf>'
        )
    font_xml = "".join(
        "<font>"
        + ("<b/>" if bold else "")
        + ("<u/>" if underline else "")
        + f'<sz val="{size or 11:g}"/>'
        + (f'<color rgb="FF{colour.upper()}"/>' if colour else "")
        + '<name val="Calibri"/><family val="2"/></font>'
        for bold, underline, size, colour in fonts
    )
    fill_xml = (
        '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    )
    fill_xml += "".join(
        f'<fill><patternFill patternType="solid"><fgColor rgb="FF{c.upper()}"/><bgColor indexed="64"/></patternFill></fill>'
        for c in fills
    )
    return (
        f'<styleSheet xmlns="{_MAIN_NS}"><fonts count="{len(fonts)}">{font_xml}</fonts>'
        f'<fills count="{len(fills) + 2}">{fill_xml}</fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
