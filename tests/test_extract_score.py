"""Extraction quality, scored by eval/score.py: a regression fails CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.api.cli import app
from tests.conftest import OWN_DOCS, OWN_GOLD, SAMPLE_GOLD, SAMPLES, score

runner = CliRunner()


def _extract_jsonl(files: list[Path], out: Path) -> None:
    result = runner.invoke(app, ["extract", *map(str, files), "--jsonl"])
    assert result.exit_code == 0, result.output
    out.write_text(result.stdout, encoding="utf-8")


def test_samples_meet_the_bar(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _extract_jsonl(sorted(SAMPLES.glob("*.txt")), out)
    o = score(SAMPLE_GOLD, out)["overall"]
    # Every sample reads perfectly today: a single wrong triple out of 454 fails.
    assert o["strict"]["f1"] == 1.0, o
    assert o["task_recall"] == 1.0, o
    assert o["deadline_acc"] == 1.0, o
    assert o["unit_resolution"] == 1.0, o


def test_own_documents_in_other_notations(tmp_path: Path) -> None:
    """Province table, GBK clauses, national first-is-lead lists, label lines, and the real and
    constructed documents listed in tests/data/SOURCES.md."""
    out = tmp_path / "own.jsonl"
    docs = sorted(OWN_DOCS.iterdir())
    assert len(docs) >= 10
    _extract_jsonl(docs, out)
    result = score(OWN_GOLD, out)
    assert set(result["documents"]) == {p.name for p in docs}
    # Every document reads perfectly today: one wrong triple, task or deadline fails.
    for name, figures in result["documents"].items():
        assert figures["strict"]["f1"] == 1.0, (name, figures)
        assert figures["task_recall"] == 1.0, (name, figures)
        assert figures["deadline_acc"] == 1.0, (name, figures)


@pytest.mark.parametrize(
    "path", [*sorted(SAMPLES.glob("*.txt")), *sorted(OWN_DOCS.iterdir())], ids=lambda p: p.name[:3]
)
def test_every_sample_task_has_provenance(path: Path) -> None:
    from fengong.ingest.pipeline import extract_path

    doc = extract_path(path)
    assert doc.tasks or path.parent != SAMPLES
    for task in doc.tasks:
        for a in task.assignments:
            unit = doc.units[a.unit_id]
            assert a.evidence
            # The offsets point at the words that name the unit (or one of its spellings).
            assert 0 <= a.start < a.end <= len(doc.text)
            written = re.sub(r"\s+", "", doc.text[a.start : a.end])
            spellings = [unit.name, unit.local_name, *unit.aliases]
            # The words hold a spelling (…等, …（牵头）) or are its tail after a shared prefix was
            # distributed (市财政局、工业和信息化局 → 工业和信息化局 for 市工业和信息化局).
            assert any(s in written or written in s for s in spellings), (task.title, written, spellings)
