"""Shared fixtures and helpers of the export tests (no tests here).

``sample_store``: the five samples extracted and loaded into a fresh embedded store.
``store_graph``: the store's whole content read with independent, hand-written queries
(via ``tests.store_fixtures.dump``), to compare every export against.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

from fengong.graph.schema import INDEX_LABELS, INDEX_RELS, NODES, RELS
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, open_store
from fengong.ingest.model import Document
from fengong.ingest.pipeline import extract_path
from tests.conftest import SAMPLES
from tests.store_fixtures import dump

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="session")
def sample_docs() -> list[Document]:
    """The five samples, extracted."""
    return [extract_path(p) for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def sample_store(
    sample_docs: list[Document], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    """A fresh embedded store holding the samples."""
    path = tmp_path_factory.mktemp("export-store")
    store = open_store(settings_from_env({}, store="embedded", data_dir=path))
    store.load_documents(sample_docs)
    yield store
    store.close()


def store_graph(store: GraphStore) -> tuple[dict[str, dict[str, Any]], Counter[str]]:
    """Nodes by ``Label:key`` with their non-null properties, and edges as a multiset of JSON keys
    (the content of the graph: the term index is not exported for reading)."""
    snapshot = dump(store)
    nodes: dict[str, dict[str, Any]] = {}
    for label, spec in NODES.items():
        if label in INDEX_LABELS:
            continue
        for row in snapshot[label]:
            nodes[f"{label}:{row[spec.key]}"] = {k: v for k, v in row.items() if v is not None}
    edges: Counter[str] = Counter()
    for rel_type, rspec in RELS.items():
        if rel_type in INDEX_RELS:
            continue
        for row in snapshot[rel_type]:
            props = {k: v for k, v in row.items() if k not in ("src", "dst") and v is not None}
            edges[edge_key(rel_type, f"{rspec.src}:{row['src']}", f"{rspec.dst}:{row['dst']}", props)] += 1
    return nodes, edges


def edge_key(rel_type: str, src: str, dst: str, props: dict[str, Any]) -> str:
    """A comparable identity of an edge with its properties."""
    return json.dumps([rel_type, src, dst, sorted(props.items())], ensure_ascii=False, sort_keys=True)


def chromium() -> str:
    """The Chromium binary; skipped with the apt line when missing (a failure in CI)."""
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    message = "Chromium is not installed: apt-get update && apt-get install -y chromium"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {message}")
    pytest.skip(message)


def chromium_run(url: str, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on ``url`` with networking disabled (loopback aside) and a throwaway profile."""
    with tempfile.TemporaryDirectory() as profile:
        args = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
            # No network but loopback: every other host resolves nowhere (file:// needs none).
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--proxy-server=127.0.0.1:9",
            "--window-size=1400,900",
            *extra,
            url,
        ]
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Playwright driving the system's headless Chromium (no browser download)."""
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        yield b
        b.close()
