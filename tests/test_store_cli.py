"""The store commands (ingest, query, queries, cypher) through Typer's runner on the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fengong.api import cmd_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[CliRunner, typer.Typer]:
    monkeypatch.setenv("FENGONG_STORE", "embedded")
    monkeypatch.setenv("FENGONG_DATA", str(tmp_path / "data"))
    app = typer.Typer()
    cmd_store.register(app)
    return CliRunner(), app


def test_ingest_query_and_cypher(cli: tuple[CliRunner, typer.Typer], tmp_path: Path) -> None:
    runner, app = cli
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a docx")
    files = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    result = runner.invoke(app, ["ingest", *files, str(bad)])
    assert result.exit_code == 1, result.output  # one bad file: the rest is loaded, exit non-zero
    assert "broken.docx" in result.output and "documents 5 loaded" in result.output
    assert "ingest (5 committed)" in result.stderr  # the progress label counts committed documents

    result = runner.invoke(app, ["query", "documents", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 5 and "泽州县" in result.output  # UTF-8, not \\u escapes

    result = runner.invoke(app, ["query", "unit_type_leads", "--param", "unit_type=工业和信息化局"])
    assert (
        result.exit_code == 0 and "4 rows" in result.output
    )  # a rich table (names wrap in narrow terminals)

    result = runner.invoke(app, ["cypher", "MATCH (t:Task) RETURN count(t) AS n", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)[0]["n"] > 50

    result = runner.invoke(app, ["cypher", "MATCH (t:Task) DETACH DELETE t"])
    assert result.exit_code == 1 and "not allowed" in result.output


def test_query_errors_are_clear(cli: tuple[CliRunner, typer.Typer]) -> None:
    runner, app = cli
    result = runner.invoke(app, ["query", "nope"])
    assert result.exit_code == 1 and "known queries" in result.output
    result = runner.invoke(app, ["query", "topic_leads"])
    assert result.exit_code == 1 and "needs parameter 'topic'" in result.output
    result = runner.invoke(app, ["queries", "--json"])
    assert result.exit_code == 0 and any(q["name"] == "topic_leads" for q in json.loads(result.output))
