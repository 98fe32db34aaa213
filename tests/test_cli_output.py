"""What the CLI prints: help without type names, unwrapped lines in files and pipes, one message
format, and no driver notifications on stderr."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.api.cli import app
from tests.conftest import SAMPLES
from tests.store_fixtures import make_store

FENGONG = str(Path(sys.executable).with_name("fengong"))
runner = CliRunner()


def _commands() -> list[str]:
    return [c.name or c.callback.__name__ for c in app.registered_commands if c.callback is not None]


@pytest.mark.parametrize("command", _commands())
def test_help_shows_no_python_types(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(bool|str|int|float|path|list\[)", result.output), result.output


def test_piped_output_is_not_wrapped() -> None:
    # A pipe is not a terminal: a task's line is never cut at a fixed width, so every unit of a
    # task appears whole on the task's own line.
    env = {"COLUMNS": "80"}
    out = subprocess.run(
        [FENGONG, "extract", str(SAMPLES)], capture_output=True, text=True, check=True, env=env
    )
    jsonl = subprocess.run(
        [FENGONG, "extract", str(SAMPLES), "--jsonl"], capture_output=True, text=True, check=True, env=env
    )
    blocks: dict[str, list[str]] = {}  # document file name -> its summary lines
    for ln in out.stdout.splitlines():
        if ln and not ln.startswith(" "):
            current = blocks.setdefault(ln.split()[0], [])
        current.append(ln)
    for row in map(json.loads, jsonl.stdout.splitlines()):
        lines = blocks[row["document"]]
        # The summary writes local names (县教育局 for 泽州县教育局): compare the names' tails.
        units = [u[-4:] for u in row["lead"] + row["cooperate"] + row["responsible"]]
        if not units:
            continue
        line = next(ln for ln in lines if ln.startswith(f"  • {row['title']}"))
        assert all(u in line for u in units), (line, units)


def test_extract_and_ingest_say_problems_alike(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a docx")
    env = {"FENGONG_DATA": str(tmp_path / "graph"), "FENGONG_STORE": "embedded"}
    extract = subprocess.run([FENGONG, "extract", str(bad)], capture_output=True, text=True, env=env)
    ingest = subprocess.run([FENGONG, "ingest", str(bad)], capture_output=True, text=True, env=env)
    for result in (extract, ingest):
        assert result.returncode == 1
        assert f"error: {bad}" in result.stderr or "error: broken.docx" in result.stderr, result.stderr


@pytest.mark.neo4j
def test_no_driver_notifications_on_stderr(tmp_path: Path) -> None:
    store = make_store("neo4j", tmp_path)  # the test server, empty
    store.close()
    result = subprocess.run(
        [FENGONG, "ask", "哪些部门在哪些城市牵头转供电改直供电", "--store", "neo4j"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Notification" not in result.stderr and len(result.stderr) < 2_000, result.stderr[:2000]
