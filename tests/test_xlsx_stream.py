"""The streaming XLSX writer and the cross-city accumulator, read back with openpyxl."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fengong.graph.export.crosscity import UNKNOWN_PLACE, CrossCity
from fengong.graph.export.matrix_data import MatrixAssignment, MatrixDocument, MatrixTask
from fengong.graph.export.xlsx_stream import MAX_TEXT, Cell, CellStyle, XlsxStream, column_name, excel_width


def test_values_styles_and_layout_read_back(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    with XlsxStream(path) as book:
        bold = book.add_style(CellStyle(bold=True, wrap=True, vertical="top"))
        fill = book.add_style(CellStyle(fill="F4B6B6", horizontal="center", vertical="center"))
        vertical = book.add_style(CellStyle(bold=True, rotation=255, horizontal="center"))
        grey = book.add_style(CellStyle(font_color="808080", font_size=8, underline=True))
        assert book.add_style(CellStyle(bold=True, wrap=True, vertical="top")) == bold  # registered once
        with book.add_sheet("数据", freeze=(1, 2)) as ws:
            ws.set_width(0, 0, 6)
            ws.set_width(2, 4, 4.5)
            ws.row([Cell("序号", bold), Cell("单位", vertical), None, ""], height=120)
            ws.row(
                [1, 2.5, True, "  spaced  ", "a & b < c > \"d\" 'e'", Cell("牵头", fill), Cell("id", grey)]
            )
            ws.row(["bad\x00chars\x1f\ufffe here", "line 1\nline 2", "x" * (MAX_TEXT + 10), float("nan")])
            ws.skip(2)
            ws.row([Cell("目标", 0, formula='HYPERLINK("#\'数据\'!A1","目标")')])
    wb = load_workbook(path)
    ws = wb["数据"]
    assert ws.freeze_panes == "C2"
    assert ws.column_dimensions["A"].width == excel_width(6) == 6.7109375  # as XlsxWriter stored it
    assert ws.column_dimensions["C"].width == excel_width(4.5) == 5.28515625
    assert (ws.column_dimensions["C"].min, ws.column_dimensions["C"].max) == (3, 5)
    assert ws.row_dimensions[1].height == 120
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "单位", None, None)
    assert rows[1] == (1, 2.5, True, "  spaced  ", "a & b < c > \"d\" 'e'", "牵头", "id")
    assert rows[2][:2] == ("badchars here", "line 1\nline 2")
    assert len(rows[2][2]) == MAX_TEXT and rows[2][2].endswith("…")
    assert rows[2][3] == "nan"
    assert rows[3] == rows[4] == (None,) * 7
    assert rows[5][0] == '=HYPERLINK("#\'数据\'!A1","目标")'
    header, role, small = ws["A1"], ws["F2"], ws["G2"]
    assert header.font.b and header.alignment.wrap_text and header.alignment.vertical == "top"
    assert ws["B1"].alignment.textRotation == 255 and ws["B1"].alignment.horizontal == "center"
    assert role.fill.fgColor.rgb == "FFF4B6B6" and role.alignment.vertical == "center"
    assert small.font.color.rgb == "FF808080" and small.font.sz == 8 and small.font.u == "single"
    assert ws["A2"].style_id == 0  # plain values carry no style


def test_spooled_sheets_keep_their_tab_and_freeze_variants(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with XlsxStream(path) as book:
        index = book.add_sheet("目录", widths=((0, 0, 30),), freeze=(1, 0), spool=True)
        summary = book.add_sheet("汇总", spool=True)
        index.row(["工作表"])
        for n in range(3):
            with book.add_sheet(f"文件{n}", freeze=(0, 2)) as ws:
                ws.row([n])
            index.row([f"文件{n}"])  # the spooled index is written between the other sheets
        summary.set_width(0, 0, 12)  # layout is open until the first row
        summary.freeze(2, 3)
        summary.row(["总计", 3])
    wb = load_workbook(path)
    assert wb.sheetnames == ["目录", "汇总", "文件0", "文件1", "文件2"]
    assert [r[0] for r in wb["目录"].iter_rows(values_only=True)] == ["工作表", "文件0", "文件1", "文件2"]
    assert wb["目录"].freeze_panes == "A2" and wb["目录"].column_dimensions["A"].width == excel_width(30)
    assert wb["汇总"].freeze_panes == "D3" and wb["文件1"].freeze_panes == "C1"
    assert wb["文件2"]["A1"].value == 2
    assert zipfile.ZipFile(path).testzip() is None


def test_misuse_is_refused(tmp_path: Path) -> None:
    with XlsxStream(tmp_path / "u.xlsx") as book:
        for bad in ("", "x" * 32, "a/b", "a[1]", "'quoted'", "a:b", "a?", "a*", "a\\b"):
            with pytest.raises(ValueError, match="invalid sheet name"):
                book.add_sheet(bad)
        ws = book.add_sheet("one")
        with pytest.raises(ValueError, match="close sheet 'one'"):
            book.add_sheet("two")
        ws.row(["a"])
        with pytest.raises(ValueError, match="before the first row"):
            ws.set_width(0, 0, 3)
        ws.close()
        with pytest.raises(ValueError, match="closed"):
            ws.row(["b"])
    assert load_workbook(tmp_path / "u.xlsx").sheetnames == ["one"]


def test_column_names() -> None:
    assert [column_name(c) for c in (0, 25, 26, 51, 52, 701, 702, 16_383)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
    ]  # fmt: skip


def _write_sheets(path: Path, sheets: int) -> float:
    """Peak Python memory (MB) of writing ``sheets`` small sheets."""
    tracemalloc.start()
    with XlsxStream(path) as book:
        index = book.add_sheet("index", spool=True)
        for n in range(sheets):
            with book.add_sheet(f"sheet {n}", freeze=(1, 6)) as ws:
                ws.set_width(0, 5, 12)
                for r in range(10):
                    ws.row([r, f"任务 {n}-{r}", None, "牵头", "配合"])
            index.row([f"sheet {n}", 10])
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_sheets(tmp_path: Path) -> None:
    """XlsxWriter kept ~30 KB per sheet until close; here a sheet leaves only its zip
    directory entry behind (well under 1 KB)."""
    small = _write_sheets(tmp_path / "small.xlsx", 200)
    large = _write_sheets(tmp_path / "large.xlsx", 2_200)
    assert (large - small) * 2**20 / 2_000 < 1024, (small, large)
    assert len(load_workbook(tmp_path / "large.xlsx", read_only=True).sheetnames) == 2_201


def _doc(place: str | None, *tasks: tuple[str, str, str, int]) -> MatrixDocument:
    """A document of one-unit tasks: (topic, unit, role, rank)."""
    doc = MatrixDocument(f"d-{place}-{len(tasks)}", "文件", place, None, None, None)
    for i, (topic, unit, role, rank) in enumerate(tasks):
        assignment = MatrixAssignment(unit, unit, None, role, rank, None)
        doc.tasks.append(MatrixTask(f"t{i}", "任务", [], i, topics=[topic], assignments=[assignment]))
    return doc


def test_cross_city_holds_one_place_and_sorts_the_unknown_in() -> None:
    with CrossCity() as cross:  # documents come sorted by jurisdiction ("" first), as iter_matrix yields them
        cross.add(_doc(None, ("基站", "各县政府", "responsible", 1)))
        cross.add(_doc("乙市", ("应用", "乙局", "responsible", 2)))  # neither stated lead nor first
        cross.add(
            _doc(
                "甲市",
                ("基站", "甲局", "lead", 1),
                ("基站", "甲局", "lead", 1),
                ("应用", "乙局", "cooperate", 1),
            )
        )
        cross.add(_doc("甲市", ("基站", "丙局", "lead", 1), ("基站", "丙局", "lead", 1)))
        cross.add(_doc("（丙）市", ("应用", "丁局", "lead", 1)))
        cross.add(_doc("（西）市", ("应用", "戊局", "lead", 1)))  # sorts after （未知）
        assert cross.topics() == ["基站", "应用"]  # by number of tasks (5, 4)
        rows = list(cross.rows())
    assert [place for place, _ in rows] == ["甲市", "（丙）市", UNKNOWN_PLACE, "（西）市"]  # 乙市: no lead
    cells = dict(rows)
    assert cells["甲市"] == {"基站": "丙局（牵头×2）\n甲局（牵头×2）"}
    assert cells["（丙）市"] == {"应用": "丁局（牵头×1）"}
    assert cells[UNKNOWN_PLACE] == {"基站": "各县政府（责任1×1）"}


def test_cross_city_refuses_documents_out_of_place_order() -> None:
    with CrossCity() as cross:
        cross.add(_doc("甲市", ("基站", "甲局", "lead", 1)))
        with pytest.raises(ValueError, match="out of jurisdiction order"):
            cross.add(_doc("乙市", ("基站", "乙局", "lead", 1)))


def test_an_error_while_writing_propagates_and_releases_the_files(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"), XlsxStream(tmp_path / "e.xlsx") as book:
        book.add_sheet("spooled", spool=True).row(["a"])
        book.add_sheet("open").row(["b"])
        raise RuntimeError("boom")
    assert book.add_style(CellStyle(bold=True)) > 0  # the object survives; its files are closed
    with pytest.raises(ValueError, match="closed"):
        book.add_sheet("late")
