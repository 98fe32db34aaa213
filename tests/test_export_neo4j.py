"""Exports against real Neo4j: the admin-import CSV set loaded by ``neo4j-admin database
import full`` (from the same Maven jars as the server) and served by that Neo4j; and the
same export statements giving the same files on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fengong.graph.export import export
from fengong.graph.export.admin_csv import admin_import_args
from fengong.graph.store import GraphStore
from fengong.ingest.model import Document
from tests.neo4j_admin import served_import
from tests.store_fixtures import dump

pytest_plugins = ("tests.test_export_support", "tests.store_fixtures")


@pytest.fixture
def imported_neo4j(sample_store: GraphStore, tmp_path: Path) -> Iterator[GraphStore]:
    """A Neo4j server whose database was made by neo4j-admin from the exported CSV set."""
    csv_dir = tmp_path / "csv"
    export(sample_store, "admin-csv", csv_dir)
    with served_import(admin_import_args(csv_dir), tmp_path / "neo4j-home") as store:
        yield store


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
