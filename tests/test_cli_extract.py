"""``fengong extract`` through Typer's runner: batches go on past bad files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from fengong.api.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()


def test_batch_with_bad_files_reports_each_and_exits_nonzero(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = sorted(SAMPLES.glob("*.txt"))[:2]
    result = runner.invoke(app, ["extract", str(binary), *map(str, good), str(empty), "--jsonl"])
    assert result.exit_code == 1
    assert "image.txt" in result.stderr and "binary" in result.stderr
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    docs = {json.loads(line)["document"] for line in result.stdout.splitlines()}
    assert docs == {p.name for p in good}


def test_jsonl_lines_follow_the_eval_format() -> None:
    path = sorted(SAMPLES.glob("003_*.txt"))[0]
    result = runner.invoke(app, ["extract", str(path), "--jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 24
    first = lines[0]
    assert set(first) >= {
        "document",
        "task_id",
        "path",
        "title",
        "text",
        "deadline",
        "lead",
        "cooperate",
        "responsible",
    }
    assert first["lead"] == ["聊城市工业和信息化局", "中国铁塔聊城分公司"]
    assert "聊城市" in result.stdout  # UTF-8, not \\u escapes


def test_human_summary_and_full_json() -> None:
    path = sorted(SAMPLES.glob("004_*.txt"))[0]
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert "泽州县" in result.stdout and "牵头" in result.stdout
    result = runner.invoke(app, ["extract", str(path), "--json"])
    doc = json.loads(result.stdout)
    assert doc["jurisdiction"]["parent"] == "晋城市"
    assert any("6月31日" in w for w in doc["warnings"])
