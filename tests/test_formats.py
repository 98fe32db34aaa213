""".docx with a real table and an .html page read through the same extraction path as text,
scoring within 0.01 strict F1 of the .txt originals."""

from __future__ import annotations

import html
import json
from pathlib import Path

import docx
import pytest

from fengong.ingest.errors import DocumentError
from fengong.ingest.export_jsonl import task_lines
from fengong.ingest.pipeline import extract_path
from tests.conftest import SAMPLE_GOLD, SAMPLES, score


def _sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def _strict_f1(path: Path, as_name: str, tmp_path: Path) -> float:
    doc = extract_path(path)
    doc.source = as_name  # score against the .txt's gold file
    out = tmp_path / f"{path.name}.jsonl"
    out.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in task_lines(doc)), encoding="utf-8")
    return score(SAMPLE_GOLD, out)["documents"][as_name]["strict"]["f1"]


def _docx_from_text(text: str, out: Path) -> None:
    """Paragraphs stay paragraphs; each run of tab-separated lines becomes one real Word table
    (its header once: the flattened text repeats it after every page break)."""
    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=0, cols=width)
            for r in rows:
                cells = table.add_row().cells
                for i, value in enumerate(r):
                    cells[i].text = value
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            if not rows or cells != rows[0]:
                rows.append(cells)
        elif line.strip():
            flush()
            document.add_paragraph(line)
    flush()
    document.save(str(out))


def test_docx_with_a_real_table_scores_like_the_text(tmp_path: Path) -> None:
    source = _sample("004")
    path = tmp_path / "zezhou.docx"
    _docx_from_text(source.read_text(encoding="utf-8"), path)
    # The file really holds a table with the 7 task-division columns.
    widths = [len(t.columns) for t in docx.Document(str(path)).tables]
    assert 7 in widths
    txt = _strict_f1(source, source.name, tmp_path)
    assert abs(_strict_f1(path, source.name, tmp_path) - txt) <= 0.01


def test_html_page_scores_like_the_text(tmp_path: Path) -> None:
    source = _sample("003")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in source.read_text(encoding="utf-8").split("\n"))
    page = f'<!DOCTYPE html><html><head><meta charset="gbk"><title>x</title><style>p{{}}</style></head><body>{body}</body></html>'
    path = tmp_path / "liaocheng.html"
    path.write_bytes(page.encode("gbk"))
    txt = _strict_f1(source, source.name, tmp_path)
    assert abs(_strict_f1(path, source.name, tmp_path) - txt) <= 0.01


def test_html_table_cells_stay_apart(tmp_path: Path) -> None:
    page = (
        "<html><body><h3>分工表</h3><table><tr><th>序号</th><th>任务内容</th><th>牵头单位</th><th>配合单位</th></tr>"
        "<tr><td>1</td><td>推进<b>5G</b>基站建设。</td><td>市工信局</td><td>市发改委、市财政局</td></tr></table></body></html>"
    )
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    doc = extract_path(path)
    assert len(doc.tasks) == 1
    names = {doc.units[a.unit_id].local_name: a.role for a in doc.tasks[0].assignments}
    assert names == {"市工信局": "lead", "市发改委": "cooperate", "市财政局": "cooperate"}


def test_broken_docx_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(DocumentError, match=r"broken\.docx.*not a \.docx"):
        extract_path(path)
