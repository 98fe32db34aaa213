"""Exports checked by the tools that read them: networkx (GraphML, GEXF), openpyxl (XLSX),
the csv module and json (Cytoscape.js); the HTML view in headless Chromium is
tests/test_html_view.py."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from openpyxl import load_workbook
from typer import Typer
from typer.testing import CliRunner

from fengong.api.cmd_export import register
from fengong.graph.export import FORMATS, ExportError, ExportFilters, export, export_stream, export_to_bytes
from fengong.graph.export.admin_csv import node_header, rel_header
from fengong.graph.export.filters import resolve_scope
from fengong.graph.export.reader import GraphReader
from fengong.graph.export.style import LABEL_COLOURS, REL_COLOURS, role_cell
from fengong.graph.schema import INDEX_LABELS, INDEX_RELS, NODES, RELS, ROLE_RELS
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, open_store
from fengong.ingest.model import Document
from tests.conftest import ROOT
from tests.office_docs import requires_soffice, soffice_convert
from tests.test_export_support import edge_key, store_graph

pytest_plugins = ("tests.test_export_support",)

_META = {"labels", "label", "viz", "id"}


def _node_props(label: str, data: dict[str, Any]) -> dict[str, Any]:
    """An exported node's schema properties as the store holds them (JSON lists decoded)."""
    key = NODES[label].key
    props = {k: v for k, v in data.items() if k not in _META or k == key}
    for prop in NODES[label].props:
        if prop.type == "STRING[]" and prop.name in props:
            props[prop.name] = json.loads(props[prop.name])
    return props


def _content_counts(store: GraphStore) -> dict[str, int]:
    """store.counts() without the term index (which the reading exports leave out)."""
    counts = store.counts()
    counts["nodes"] -= sum(counts[label] for label in INDEX_LABELS)
    counts["relationships"] -= sum(counts[t] for t in INDEX_RELS)
    return counts


def _check_networkx(graph: nx.MultiDiGraph, store: GraphStore) -> None:
    nodes, edges = store_graph(store)
    counts = _content_counts(store)
    assert graph.number_of_nodes() == counts["nodes"] == len(nodes)
    assert graph.number_of_edges() == counts["relationships"]
    for uid, data in graph.nodes(data=True):
        assert _node_props(data["labels"], data) == nodes[uid], uid
    seen: Counter[str] = Counter()
    for src, dst, data in graph.edges(data=True):
        props = {k: v for k, v in data.items() if k not in ("type", "id", "label")}
        seen[edge_key(data["type"], src, dst, props)] += 1
    assert seen == edges


def test_graphml_reads_back_in_networkx(sample_store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    export(sample_store, "graphml", path)
    _check_networkx(nx.read_graphml(path, force_multigraph=True), sample_store)


def test_gexf_reads_back_in_networkx_with_colours(sample_store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    export(sample_store, "gexf", path)
    graph = nx.read_gexf(path)
    _check_networkx(graph, sample_store)
    for _, data in graph.nodes(data=True):
        colour = data["viz"]["color"]
        assert (
            "#{:02X}{:02X}{:02X}".format(colour["r"], colour["g"], colour["b"])
            == LABEL_COLOURS[data["labels"]]
        )
        assert data["label"]  # the caption Gephi shows


def test_small_pages_give_the_same_export(sample_store: GraphStore, tmp_path: Path) -> None:
    """Keyset and source-key paging lose and repeat nothing, whatever the page size."""
    export(sample_store, "graphml", tmp_path / "a.graphml", page_size=7)
    export(sample_store, "graphml", tmp_path / "b.graphml", page_size=100_000)
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()


def _expected_cells(docs: list[Document]) -> dict[tuple[str, str], set[str]]:
    """(task id, unit name) -> cell words, straight from the Documents (first per role and unit)."""
    out: dict[tuple[str, str], set[str]] = {}
    for doc in docs:
        for task in doc.tasks:
            seen: set[tuple[str, str]] = set()
            for a in sorted(task.assignments, key=lambda a: (a.rank, a.start)):
                if a.unit_id not in doc.units or a.role not in ROLE_RELS or (a.role, a.unit_id) in seen:
                    continue
                seen.add((a.role, a.unit_id))
                out.setdefault((task.id, doc.units[a.unit_id].name), set()).add(role_cell(a.role, a.rank))
    return out


def _link_target(formula: str) -> str:
    """The sheet an index =HYPERLINK("#'sheet'!A1","sheet") cell points to."""
    found = re.search(r'"([^"]+)"\)$', formula)
    assert found, formula
    return found.group(1)


def test_xlsx_has_every_assignment_in_its_cell(
    sample_store: GraphStore, sample_docs: list[Document], tmp_path: Path
) -> None:
    path = tmp_path / "m.xlsx"
    export(sample_store, "xlsx", path)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["目录", "跨地区牵头"]
    index = list(wb["目录"].iter_rows(min_row=2, values_only=True))
    sheets = {row[8]: _link_target(row[0]) for row in index if row and row[8]}
    assert set(sheets) == {d.id for d in sample_docs}
    found: dict[tuple[str, str], set[str]] = {}
    for doc in sample_docs:
        ws = wb[sheets[doc.id]]
        assert ws.freeze_panes == "G2"
        rows = list(ws.iter_rows(values_only=True))
        header = rows[0]
        assert header[:6] == ("序号", "路径", "任务", "完成时限", "截止日期", "任务ID")
        assert {r[5] for r in rows[1:]} == {t.id for t in doc.tasks}
        for row in rows[1:]:
            for unit, value in zip(header[6:], row[6:], strict=True):
                if value:
                    found[(row[5], unit)] = set(value.split("、"))
        tasks = {t.id: t for t in doc.tasks}
        for row in rows[1:]:  # deadlines and paths beside each task
            task = tasks[row[5]]
            assert row[1] == " › ".join(p for p in task.path if p)
            assert row[3] == (task.deadline.text if task.deadline else None)
    assert found == _expected_cells(sample_docs)
    cross = list(wb["跨地区牵头"].iter_rows(values_only=True))
    places = {row[0] for row in cross[1:]}
    assert {"聊城市", "泽州县"} <= places
    assert any("（牵头×" in (cell or "") for row in cross[1:] for cell in row[1:])


_FILLS = {"牵头": "FFF4B6B6", "配合": "FFBBD6EE", "责任": "FFFDD9B5"}


def test_xlsx_layout_frozen_panes_widths_and_styles(sample_store: GraphStore, tmp_path: Path) -> None:
    """The streamed workbook keeps the layout XlsxWriter gave it: widths as Excel stores them."""
    path = tmp_path / "m.xlsx"
    export(sample_store, "xlsx", path)
    wb = load_workbook(path)
    index, cross = wb["目录"], wb["跨地区牵头"]
    assert index.freeze_panes == "A2" and cross.freeze_panes == "B2"
    assert [index.column_dimensions[c].width for c in "ABC"] == [34.7109375, 12.7109375, 48.7109375]
    assert (
        cross.column_dimensions["A"].width == 14.7109375 and cross.column_dimensions["B"].width == 28.7109375
    )
    assert (cross.column_dimensions["B"].min, cross.column_dimensions["B"].max) == (2, cross.max_column)
    assert index["A1"].font.b and index["A2"].font.u == "single" and cross["B2"].alignment.wrap_text
    notes = [
        row[0] for row in index.iter_rows(values_only=True) if row[0] and row[0].startswith(("说明", "责任N"))
    ]
    assert len(notes) == 2
    with_units = 0
    for name in wb.sheetnames[2:]:
        ws = wb[name]
        assert ws.freeze_panes == "G2"
        widths = [ws.column_dimensions[c].width for c in "ABCDEF"]
        assert widths == [6.7109375, 32.7109375, 44.7109375, 18.7109375, 11.7109375, 17.7109375]
        assert ws["A1"].font.b and ws["C2"].alignment.wrap_text and ws["F2"].font.sz == 8
        if ws.max_column == 6:
            continue
        with_units += 1
        units = ws.column_dimensions["G"]
        assert units.width == 5.28515625 and (units.min, units.max) == (7, ws.max_column)
        assert ws["G1"].alignment.textRotation == 255 and ws.row_dimensions[1].height > 60
        for row in ws.iter_rows(min_row=2, min_col=7):
            for cell in row:
                if cell.value:  # the fill is the first (strongest) role's
                    assert cell.fill.fgColor.rgb == _FILLS[cell.value[:2]], (name, cell.coordinate)
    assert with_units >= 3


@requires_soffice
def test_xlsx_opens_in_libreoffice(sample_store: GraphStore, tmp_path: Path) -> None:
    """LibreOffice Calc reads every sheet of the streamed workbook (converted to .ods)."""
    path = tmp_path / "m.xlsx"
    export(sample_store, "xlsx", path)
    ods = soffice_convert([path], "ods", tmp_path / "lo")[0]
    content = zipfile.ZipFile(ods).read("content.xml").decode("utf-8")
    names = [html.unescape(n) for n in re.findall(r'<table:table table:name="([^"]*)"', content)]
    assert names == load_workbook(path, read_only=True).sheetnames
    assert "牵头" in content and "（牵头×" in content


def test_csv_has_one_row_per_assignment(
    sample_store: GraphStore, sample_docs: list[Document], tmp_path: Path
) -> None:
    path = tmp_path / "m.csv"
    export(sample_store, "csv", path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    found: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        if row["unit"]:
            found.setdefault((row["task_id"], row["unit"]), set()).add(row["cell"])
    assert found == _expected_cells(sample_docs)
    assert {r["task_id"] for r in rows} == {t.id for d in sample_docs for t in d.tasks}


def test_cytoscape_json_elements(sample_store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "g.cyjs"
    export(sample_store, "cytoscape", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    counts = _content_counts(sample_store)
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) == counts["nodes"] and len(edges) == counts["relationships"]
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert Counter(n["classes"] for n in nodes)["Task"] == counts["Task"]
    assert Counter(e["classes"] for e in edges)["LEADS"] == counts["LEADS"]
    assert any(s["selector"] == "node.Unit" for s in data["style"])


def test_admin_csv_headers(sample_store: GraphStore, tmp_path: Path) -> None:
    export(sample_store, "admin-csv", tmp_path / "csv")
    with (tmp_path / "csv" / "nodes_Task.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == node_header("Task")
    assert header[:2] == ["id:ID(Task)", ":LABEL"] and "path:string[]" in header and "start:long" in header
    assert rel_header("LEADS")[:3] == [":START_ID(Unit)", ":END_ID(Task)", ":TYPE"]
    assert "rank:long" in rel_header("LEADS")
    script = (tmp_path / "csv" / "import.sh").read_text(encoding="utf-8")
    assert "database import full" in script and "--array-delimiter=|" in script


def test_filters_select_a_consistent_part(sample_store: GraphStore, tmp_path: Path) -> None:
    jincheng = resolve_scope(sample_store, ExportFilters.of(jurisdiction="晋城市"))
    assert jincheng is not None
    sources = sample_store.run(
        "MATCH (d:Document) WHERE d.id IN $ids RETURN d.source AS s", {"ids": list(jincheng.documents)}
    )
    assert [r["s"] for r in sources] == ["004_67ce5d5613d20585.txt"]  # 泽州县 lies in 晋城市
    assert {"泽州县", "晋城市", "山西省"} <= jincheng.nodes["Jurisdiction"]
    topic = ExportFilters.of(topic="基站建设", jurisdiction="河南省")
    path = tmp_path / "t.graphml"
    export(sample_store, "graphml", path, topic)
    graph = nx.read_graphml(path, force_multigraph=True)
    tasks = [n for n, d in graph.nodes(data=True) if d["labels"] == "Task"]
    assert tasks
    for task in tasks:  # every task is about the topic and in 河南
        about = {
            graph.nodes[b]["name"] for _, b, d in graph.out_edges(task, data=True) if d["type"] == "ABOUT"
        }
        assert "基站建设" in about
    docs = {d["jurisdiction"] for _, d in graph.nodes(data=True) if d["labels"] == "Document"}
    assert docs <= {"三门峡市", "开封市"}
    assert not [n for n, d in graph.nodes(data=True) if d["labels"] in ("Person", "Target")]
    with pytest.raises(ExportError, match="no document"):
        resolve_scope(sample_store, ExportFilters.of(document="no such document"))
    with pytest.raises(ExportError, match="no task"):
        resolve_scope(sample_store, ExportFilters.of(topic="no such topic"))


def test_document_filter_by_file_name_gives_one_sheet(sample_store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "one.xlsx"
    export(sample_store, "xlsx", path, ExportFilters.of(document="003_120f57233f54217d.txt"))
    assert len(load_workbook(path, read_only=True).sheetnames) == 3


def test_export_to_bytes_and_stream(sample_store: GraphStore) -> None:
    content, media_type, filename = export_to_bytes(sample_store, "admin-csv", ExportFilters())
    assert media_type == "application/zip" and filename.endswith(".zip")
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert any(n.endswith("/nodes_Task.csv") for n in names) and any(n.endswith("/import.sh") for n in names)
    chunks, media_type, filename = export_stream(
        sample_store, "gexf", ExportFilters.of(jurisdiction="聊城市")
    )
    body = b"".join(chunks)
    assert media_type == "application/gexf+xml" and filename == "fengong.gexf"
    assert (
        nx.read_gexf(io.BytesIO(body)).number_of_nodes()
        == GraphReader(sample_store, ExportFilters.of(jurisdiction="聊城市")).node_count()
    )
    with pytest.raises(ExportError, match="unknown export format"):
        export_to_bytes(sample_store, "pdf")


def test_cli_writes_every_format(sample_docs: list[Document], tmp_path: Path) -> None:
    app = Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """Test root."""

    data_dir = tmp_path / "store"
    with open_store(settings_from_env({}, store="embedded", data_dir=data_dir)) as store:
        store.load_documents(sample_docs)
    runner = CliRunner()
    for name, fmt in FORMATS.items():
        out = tmp_path / (name + (fmt.suffix or ""))
        result = runner.invoke(
            app, ["export", name, "--out", str(out), "--data", str(data_dir), "-j", "聊城市"]
        )
        assert result.exit_code == 0, result.output
        assert out.exists() and (out.is_dir() or out.stat().st_size > 0)
    bad = runner.invoke(app, ["export", "graphml", "--data", str(data_dir), "--document", "nothing"])
    assert bad.exit_code == 1 and "no document" in bad.output
    unknown = runner.invoke(app, ["export", "pdf", "--data", str(data_dir)])
    assert unknown.exit_code == 2


def test_style_matches_neo4j_browser_grass() -> None:
    grass = (ROOT / "docker" / "fengong.grass").read_text(encoding="utf-8")
    for kind, table, schema in (("node", LABEL_COLOURS, NODES), ("relationship", REL_COLOURS, RELS)):
        styled = re.findall(rf"^{kind}\.(\w+)\s*\{{(.*?)\}}", grass, re.S | re.M)
        assert {name for name, _ in styled} == set(schema), kind  # every label and type, no other
        for name, body in styled:
            colour = re.search(r"^\s*color:\s*(#[0-9A-Fa-f]{6})", body, re.M)
            assert colour and table[name].upper() == colour.group(1).upper(), name
