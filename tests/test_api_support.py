"""Shared fixtures of the API and ask tests (no tests here): sample documents in a fresh store,
an app over it, and a real uvicorn server on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import httpx2
import pytest
import uvicorn

from fengong.api.app import ApiSettings, create_app
from fengong.graph.store import GraphStore
from fengong.ingest.model import Document
from fengong.ingest.pipeline import extract_path
from tests.store_fixtures import make_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TOKEN = "test-token-0123456789"


@cache
def sample_docs() -> tuple[Document, ...]:
    """The five samples, extracted once per test session."""
    docs = tuple(extract_path(p) for p in sorted(SAMPLES.glob("*.txt")))
    assert len(docs) == 5
    return docs


def loaded_store(kind: str, tmp_path: Path) -> GraphStore:
    """A fresh store of ``kind`` with the samples loaded (one transaction per document)."""
    store = make_store(kind, tmp_path)
    for doc in sample_docs():
        store.load_document(doc)
    return store


def api_settings(store: GraphStore, **overrides: object) -> ApiSettings:
    """Test settings: the store's own settings, a known token, no answer cache unless asked."""
    values: dict[str, object] = {"store": store.settings, "token": TOKEN, "cache_ttl_s": 0.0}
    values.update(overrides)
    return ApiSettings(**values)


@dataclass
class Server:
    """A uvicorn server running the app in a thread on 127.0.0.1."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def make_server() -> Iterator[object]:
    """Start real uvicorn servers (loopback only) for apps; all are stopped at the end of the test."""
    started: list[Server] = []

    def start(store: GraphStore, **overrides: object) -> Server:
        port = free_port()
        config = uvicorn.Config(
            create_app(api_settings(store, **overrides), store),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx2.get(f"{url}/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx2.TransportError:
                time.sleep(0.05)
        else:
            pytest.fail(f"uvicorn did not start on {url}")
        started.append(Server(url, server, thread))
        return started[-1]

    yield start
    for s in started:
        s.server.should_exit = True
        s.thread.join(timeout=10)
