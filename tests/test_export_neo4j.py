"""Exports against real Neo4j: the admin-import CSV set loaded by ``neo4j-admin database
import full`` (from the same Maven jars as the server) and served by that Neo4j; and the
same export statements giving the same files on both stores."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from fengong.graph.export import export
from fengong.graph.export.admin_csv import admin_import_args
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, open_store
from fengong.ingest.model import Document
from tests.conftest import ROOT
from tests.store_fixtures import dump

pytest_plugins = ("tests.test_export_support", "tests.store_fixtures")

NEO4J_LOCAL = ROOT / "docker" / "neo4j-local"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _need_java() -> None:
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    if missing:
        message = f"{' and '.join(missing)} not found: neo4j-admin runs from Maven jars on Java 17"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {message}")
        pytest.skip(message)


@pytest.fixture
def imported_neo4j(sample_store: GraphStore, tmp_path: Path) -> Iterator[GraphStore]:
    """A Neo4j server whose database was made by neo4j-admin from the exported CSV set."""
    _need_java()
    csv_dir = tmp_path / "csv"
    export(sample_store, "admin-csv", csv_dir)
    home = tmp_path / "neo4j-home"
    base = [str(NEO4J_LOCAL)]
    imported = subprocess.run(
        [*base, "admin-import", "--home", str(home), "neo4j", *admin_import_args(csv_dir)],
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


@pytest.mark.neo4j
def test_admin_import_loads_the_same_graph(sample_store: GraphStore, imported_neo4j: GraphStore) -> None:
    assert imported_neo4j.counts() == sample_store.counts()
    # Not only counts: every node and relationship with every property, typed as in the store.
    assert dump(imported_neo4j) == dump(sample_store)


@pytest.mark.neo4j
def test_exports_are_identical_on_both_stores(
    sample_docs: list[Document], sample_store: GraphStore, neo4j_store: GraphStore, tmp_path: Path
) -> None:
    neo4j_store.load_documents(sample_docs)
    for name in ("graphml", "cytoscape", "csv"):
        export(sample_store, name, tmp_path / f"embedded.{name}")
        export(neo4j_store, name, tmp_path / f"neo4j.{name}")
        assert (tmp_path / f"embedded.{name}").read_bytes() == (tmp_path / f"neo4j.{name}").read_bytes(), name
