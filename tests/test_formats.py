""".docx with a real table and an .html page read through the same extraction path as text,
scoring within 0.01 strict F1 of the .txt originals."""

from __future__ import annotations

import html
from pathlib import Path

import docx
import pytest

from fengong.ingest.errors import DocumentError
from fengong.ingest.pipeline import extract_path
from tests.office_docs import docx_from_text, sample, strict_f1


def test_docx_with_a_real_table_scores_like_the_text(tmp_path: Path) -> None:
    source = sample("004")
    path = tmp_path / "zezhou.docx"
    docx_from_text(source.read_text(encoding="utf-8"), path)
    # The file really holds a table with the 7 task-division columns.
    widths = [len(t.columns) for t in docx.Document(str(path)).tables]
    assert 7 in widths
    txt = strict_f1(source, source.name, tmp_path)
    assert abs(strict_f1(path, source.name, tmp_path) - txt) <= 0.01


def test_html_page_scores_like_the_text(tmp_path: Path) -> None:
    source = sample("003")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in source.read_text(encoding="utf-8").split("\n"))
    page = f'<!DOCTYPE html><html><head><meta charset="gbk"><title>x</title><style>p{{}}</style></head><body>{body}</body></html>'
    path = tmp_path / "liaocheng.html"
    path.write_bytes(page.encode("gbk"))
    txt = strict_f1(source, source.name, tmp_path)
    assert abs(strict_f1(path, source.name, tmp_path) - txt) <= 0.01


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
