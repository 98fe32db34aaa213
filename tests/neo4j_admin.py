"""neo4j-admin import in tests: import a CSV set into a fresh server home, start a real Neo4j on
it (free loopback ports) and hand out a store over it; the server stops afterwards."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, open_store
from tests.conftest import ROOT

NEO4J_LOCAL = ROOT / "docker" / "neo4j-local"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def need_java() -> None:
    """Skip (fail in CI) when neo4j-admin cannot run: it needs Java 17 and mvn for its jars."""
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    if missing:
        message = f"{' and '.join(missing)} not found: neo4j-admin runs from Maven jars on Java 17"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {message}")
        pytest.skip(message)


@contextlib.contextmanager
def served_import(import_args: Sequence[str], home: Path) -> Iterator[GraphStore]:
    """``neo4j-admin database import full neo4j ARGS`` into ``home``, then a store on that server."""
    need_java()
    base = [str(NEO4J_LOCAL)]
    imported = subprocess.run(
        [*base, "admin-import", "--home", str(home), "neo4j", *import_args],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert imported.returncode == 0, imported.stdout[-3000:] + imported.stderr[-3000:]
    assert "IMPORT DONE" in imported.stdout + imported.stderr
    bolt, http = _free_port(), _free_port()
    env = {**os.environ, "NEO4J_HEAP": "512m", "NEO4J_PAGECACHE": "128m"}
    started = subprocess.run(
        [*base, "start", "--home", str(home), "--bolt-port", str(bolt), "--http-port", str(http)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env,
    )
    try:
        assert started.returncode == 0, started.stderr[-3000:]
        exports = dict(
            line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines() if "=" in line
        )
        settings = settings_from_env({k: v.strip("'\"") for k, v in exports.items()}, store="neo4j")
        store = open_store(settings)
        try:
            yield store
        finally:
            store.close()
    finally:
        subprocess.run([*base, "stop", "--home", str(home)], capture_output=True, timeout=180, check=False)
