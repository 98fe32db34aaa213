"""PDFs as governments publish them: made by LibreOffice from the samples' text with real ruled
tables, read back in reading order, scored within 0.01 strict F1 of the .txt originals; scans,
encrypted and broken files refused by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from fengong.ingest.errors import DocumentError
from fengong.ingest.pipeline import extract_path
from fengong.ingest.read_pdf import read_pdf
from tests.office_docs import docx_from_text, requires_soffice, sample, soffice_convert, strict_f1

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Samples 003 (clauses) and 004 (a 7-column task table across pages) as PDFs, 003 also
    with a running header and "- N -" page numbers."""
    folder = tmp_path_factory.mktemp("pdf")
    sources = []
    for prefix in ("003", "004"):
        out = folder / f"{prefix}.docx"
        docx_from_text(sample(prefix).read_text(encoding="utf-8"), out)
        sources.append(out)
    framed = folder / "003-framed.docx"
    docx_from_text(sample("003").read_text(encoding="utf-8"), framed, running_lines=True)
    sources.append(framed)
    made = soffice_convert(sources, "pdf", folder)
    return {p.stem: p for p in made}


@requires_soffice
@pytest.mark.parametrize("prefix", ["003", "004"])
def test_pdf_scores_like_the_text(prefix: str, pdfs: dict[str, Path], tmp_path: Path) -> None:
    source = sample(prefix)
    txt = strict_f1(source, source.name, tmp_path)
    pdf = strict_f1(pdfs[prefix], source.name, tmp_path)
    print(f"{prefix}: txt F1 {txt:.4f}, pdf F1 {pdf:.4f}")
    assert txt > 0.9
    assert abs(pdf - txt) <= 0.01


@requires_soffice
def test_pdf_table_columns_stay_apart(pdfs: dict[str, Path]) -> None:
    text = read_pdf(pdfs["004"])
    rows = [ln.split("\t") for ln in text.split("\n") if "\t" in ln]
    header = ["序号", "事项分类", "重点任务", "任务内容", "完成时限", "牵头单位", "配合单位"]
    start = rows.index(header)
    by_seq = {r[0]: r for r in rows[start:] if r[0].isdigit()}
    assert sorted(map(int, by_seq)) == list(range(1, 29))  # every row once, none lost at page breaks
    # Row 4: wrapped cells come back whole and in their own columns.
    assert by_seq["4"][4:6] == ["持续推进", "县能源局"]
    assert by_seq["4"][6] == "县工业和信息化局、供电公司、铁塔公司、基础电信企业等"
    # Row 5 is cut by a page break in the PDF: its two halves are one row again.
    assert by_seq["5"][3].startswith("2020 年-2022")
    assert by_seq["5"][3].endswith("的比例给予相应支持。")
    assert by_seq["5"][5] == "县财政局"


@requires_soffice
def test_pdf_paragraphs_are_whole_lines(pdfs: dict[str, Path]) -> None:
    """Lines the page width wrapped are joined again (also across page breaks)."""
    text = read_pdf(pdfs["003"])
    original = [ln.strip("\u3000 ") for ln in sample("003").read_text(encoding="utf-8").split("\n")]
    original = [re.sub(r"\s", "", ln) for ln in original if ln.strip("\u3000 ")]
    read = [re.sub(r"\s", "", ln) for ln in text.split("\n") if ln.strip()]
    assert read == original


@requires_soffice
def test_running_header_and_page_numbers_are_dropped(pdfs: dict[str, Path]) -> None:
    plain = read_pdf(pdfs["003"])
    framed = read_pdf(pdfs["003-framed"])
    assert "政府信息公开" not in framed
    assert not re.search(r"^-\s*\d+\s*-$", framed, re.M)
    assert framed == plain


def _image_pdf(path: Path) -> None:
    """A "scan": a page that is one picture of text, with no text layer."""
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(CJK_FONT), 40) if CJK_FONT.exists() else ImageFont.load_default()
    for i, line in enumerate(["泽州县人民政府文件", "牵头单位：县工业和信息化局", "完成时限：持续推进"]):
        draw.text((120, 200 + 80 * i), line, fill="black", font=font)
    image.save(path, "PDF", resolution=150)


def test_scanned_pdf_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _image_pdf(path)
    with pytest.raises(DocumentError, match=r"scan\.pdf: no text layer \(scanned PDF\?\)"):
        extract_path(path)


@requires_soffice
def test_encrypted_pdf_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "secret.docx"
    docx_from_text("泽州县人民政府文件\n牵头单位：县工业和信息化局", source)
    options = (
        '{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
    )
    (path,) = soffice_convert([source], f"pdf:writer_pdf_Export:{options}", tmp_path)
    with pytest.raises(DocumentError, match=r"secret\.pdf: encrypted PDF"):
        extract_path(path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage", r"broken PDF"),
        (b"<html><body>not a pdf</body></html>", r"not a PDF file"),
        (b"", r"not a PDF file"),
    ],
)
def test_broken_pdf_is_a_clear_error(content: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=rf"broken\.pdf: {problem}"):
        extract_path(path)
