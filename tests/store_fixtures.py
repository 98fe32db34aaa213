"""Pytest fixtures for the store tests: a fresh embedded store per test and a cleaned Neo4j.

Import the fixtures into a test module (``from store_fixtures import embedded_store, ...``).
Neo4j tests are marked ``neo4j`` and run on the server docker/run-with-neo4j starts for them;
without it they skip with the reason shown, except in CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fengong.graph.schema import NODES, RELS, quote
from fengong.graph.settings import StoreSettings, settings_from_env
from fengong.graph.store import GraphStore, open_store

STORE_KINDS = ("embedded", pytest.param("neo4j", marks=pytest.mark.neo4j))


def neo4j_settings() -> StoreSettings:
    """Settings for the test Neo4j from NEO4J_*; skip (or fail in CI) unless docker/run-with-neo4j
    started it.

    The fixtures wipe the server, so they only use the one the test runner started for itself
    (FENGONG_TEST_NEO4J_URI, set by docker/run-with-neo4j), never a server NEO4J_URI merely
    points at: a user's own data is not the tests' to delete.
    """
    uri, test_uri = os.environ.get("NEO4J_URI"), os.environ.get("FENGONG_TEST_NEO4J_URI")
    message = ""
    if not test_uri:
        message = "no test Neo4j: run the tests through docker/run-with-neo4j (make test)"
    elif uri != test_uri:
        message = f"NEO4J_URI ({uri}) is not the test server ({test_uri}); the tests wipe only their own"
    if message:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but Neo4j is missing: {message}")
        pytest.skip(message)
    return settings_from_env(store="neo4j")


def make_store(kind: str, tmp_path: Path) -> GraphStore:
    """A fresh store of ``kind``: an empty embedded directory, or a wiped Neo4j database."""
    if kind == "neo4j":
        store = open_store(neo4j_settings())
        store.wipe()  # constraints and indexes stay
        return store
    return open_store(settings_from_env({}, store="embedded", data_dir=tmp_path / "graph"))


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh embedded store in tmp_path."""
    store = make_store("embedded", tmp_path)
    yield store
    store.close()


@pytest.fixture
def neo4j_store(tmp_path: Path) -> Iterator[GraphStore]:
    """The test Neo4j, wiped."""
    store = make_store("neo4j", tmp_path)
    yield store
    store.close()


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """Each test runs once on the embedded store and once on Neo4j."""
    graph = make_store(request.param, tmp_path)
    yield graph
    graph.close()


def normalise(value: Any) -> Any:
    """The only normalisation between stores: tuples -> lists (none is needed in practice)."""
    if isinstance(value, tuple | list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    return value


def dump(store: GraphStore) -> dict[str, list[Any]]:
    """Every node and relationship with all schema properties, sorted: a whole-graph snapshot."""
    out: dict[str, list[Any]] = {}
    for label, spec in NODES.items():
        cols = ", ".join(f"n.{quote(p)} AS {quote(p)}" for p in (spec.key, *spec.prop_names))
        rows = store.run(f"MATCH (n:{quote(label)}) RETURN {cols}", {}, limit=1_000_000)
        out[label] = sorted((normalise(r) for r in rows), key=repr)
    for rel_type, rspec in RELS.items():
        src, dst = NODES[rspec.src], NODES[rspec.dst]
        cols = ", ".join(
            [f"a.{quote(src.key)} AS src", f"b.{quote(dst.key)} AS dst"]
            + [f"e.{quote(p)} AS {quote(p)}" for p in rspec.prop_names]
        )
        rows = store.run(f"MATCH (a)-[e:{quote(rel_type)}]->(b) RETURN {cols}", {}, limit=1_000_000)
        out[rel_type] = sorted((normalise(r) for r in rows), key=repr)
    return out
