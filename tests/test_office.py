""".doc and .wps files (and a .doc served as .docx) read through LibreOffice and the .docx reader,
scoring within 0.01 strict F1 of the .txt originals; a clear error when LibreOffice is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fengong.ingest.errors import DocumentError
from fengong.ingest.pipeline import extract_path
from fengong.ingest.read_office import convert
from fengong.ingest.readers import read_path
from tests.office_docs import (
    docx_from_text,
    requires_soffice,
    sample,
    soffice_convert,
    strict_f1,
    xlsx_from_text,
)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Samples 003 and 004 saved by LibreOffice as Word 97 .doc files."""
    folder = tmp_path_factory.mktemp("doc")
    sources = []
    for prefix in ("003", "004"):
        out = folder / f"{prefix}.docx"
        docx_from_text(sample(prefix).read_text(encoding="utf-8"), out)
        sources.append(out)
    return {p.stem: p for p in soffice_convert(sources, "doc", folder)}


@requires_soffice
@pytest.mark.parametrize("prefix", ["003", "004"])
def test_doc_scores_like_the_text(prefix: str, docs: dict[str, Path], tmp_path: Path) -> None:
    source = sample(prefix)
    assert docs[prefix].read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # a real Word 97 file
    txt = strict_f1(source, source.name, tmp_path)
    doc = strict_f1(docs[prefix], source.name, tmp_path)
    print(f"{prefix}: txt F1 {txt:.4f}, doc F1 {doc:.4f}")
    assert txt > 0.9
    assert abs(doc - txt) <= 0.01


@requires_soffice
def test_doc_table_stays_a_table(docs: dict[str, Path]) -> None:
    rows = [ln.split("\t") for ln in read_path(docs["004"]).split("\n") if "\t" in ln]
    assert ["序号", "事项分类", "重点任务", "任务内容", "完成时限", "牵头单位", "配合单位"] in rows
    row = next(r for r in rows if r[0] == "4")
    assert row[2] == "5G 基站用电保障"
    assert row[4:] == ["持续推进", "县能源局", "县工业和信息化局、供电公司、铁塔公司、基础电信企业等"]


@requires_soffice
@pytest.mark.parametrize("name", ["plan.wps", "plan-really-a-doc.docx"])
def test_wps_and_misnamed_doc_read_like_the_doc(name: str, docs: dict[str, Path], tmp_path: Path) -> None:
    """WPS Office saves .wps in the Word binary format; servers often hand out a .doc as .docx."""
    path = tmp_path / name
    shutil.copyfile(docs["003"], path)
    assert read_path(path) == read_path(docs["003"])


@requires_soffice
def test_unconvertible_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.doc"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match=r"empty\.doc: "):
        extract_path(path)


def test_missing_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH: no soffice
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(DocumentError, match=r"plan\.doc: .*needs LibreOffice.*`soffice`"):
        extract_path(path)


@requires_soffice
def test_conversion_time_limit(docs: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"003\.doc: LibreOffice did not convert it within 0\.01 s"):
        convert(docs["003"], "docx", tmp_path, timeout=0.01)
    assert not list(tmp_path.glob("*/out/*"))


def test_xlsx_rows_are_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "fengong.xlsx"
    xlsx_from_text(
        "附件2\n任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n1\t推进5G基站建设\t市工信局\t", path
    )
    assert (
        read_path(path)
        == "附件2\n任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n1\t推进5G基站建设\t市工信局"
    )


def test_broken_xlsx_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError, match=r"broken\.xlsx: not an \.xlsx file"):
        extract_path(path)
