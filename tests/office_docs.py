"""Test documents in the formats governments publish, made from the samples' text: a .docx with
real bordered tables (python-docx), turned into .pdf / .doc by LibreOffice itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from fengong.ingest.export_jsonl import task_lines
from fengong.ingest.pipeline import extract_path
from tests.conftest import SAMPLE_GOLD, SAMPLES, score

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Skipped only on a developer's machine without LibreOffice; in CI (CI=true) these tests run and
# fail loudly when it is missing, so a missing install step cannot hide behind a skip.
requires_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk",
)


def sample(prefix: str) -> Path:
    """The sample document whose name starts with ``prefix``."""
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def strict_f1(path: Path, as_name: str, tmp_path: Path) -> float:
    """Strict F1 of the extraction of ``path`` against the gold file of sample ``as_name``."""
    doc = extract_path(path)
    doc.source = as_name  # score against the .txt's gold file
    out = tmp_path / f"{path.name}.jsonl"
    out.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in task_lines(doc)), encoding="utf-8")
    return float(score(SAMPLE_GOLD, out)["documents"][as_name]["strict"]["f1"])


def _page_number_footer(document: docx.document.Document) -> None:
    """A running header and a "- N -" footer (a PAGE field), as official documents have."""
    section = document.sections[0]
    section.header.paragraphs[0].text = "政府信息公开"
    footer = section.footer.paragraphs[0]
    footer.add_run("- ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" -")


def docx_from_text(text: str, out: Path, running_lines: bool = False) -> None:
    """Paragraphs stay paragraphs; each run of tab-separated lines becomes one bordered Word table
    (its header once: the flattened text repeats it after every page break)."""
    document = docx.Document()
    if running_lines:
        _page_number_footer(document)
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=0, cols=max(len(r) for r in rows))
            table.style = "Table Grid"  # ruled, as published tables are
            for r in rows:
                cells = table.add_row().cells
                for i, value in enumerate(r):
                    cells[i].text = value
            # Word always closes a table with a paragraph; LibreOffice's .doc export drops a
            # table that ends the document without one.
            document.add_paragraph()
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            if not rows or cells != rows[0]:
                rows.append(cells)
        elif line.strip():
            flush()
            document.add_paragraph(line.strip())
    flush()
    document.save(str(out))


def xlsx_from_text(text: str, out: Path) -> None:
    """A spreadsheet as offices make them: title lines in the first cell, then the table."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in text.split("\n"):
        if line.strip():
            sheet.append(line.split("\t") if "\t" in line else [line.strip()])
    book.save(out)


def soffice_convert(sources: list[Path], target: str, outdir: Path) -> list[Path]:
    """Convert files with LibreOffice (as a publisher would), one call for all of them."""
    if SOFFICE is None:
        pytest.fail(
            "LibreOffice (soffice) is required here: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
        )
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    outs = [outdir / f"{s.stem}.{target.split(':')[0]}" for s in sources]
    missing = [o for o in outs if not o.exists()]
    assert not missing, f"LibreOffice made no {missing}"
    return outs
