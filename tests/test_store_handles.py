"""``fengong serve`` reads through read-only handles: it takes no writer lock, sees what another
process writes (reopening its handles and Cypher workers), writes an upload through a writer
opened for the load; and who may run /cypher (anonymous on loopback, a token beyond it)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fengong.api.app import create_app
from fengong.api.cmd_serve import access_lines, is_loopback
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.handles import StoreHandles
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, StoreError
from tests.cypher_attack_support import READ_TOKEN, Served, serving
from tests.test_api_support import SAMPLES, TOKEN, api_settings, loaded_store, sample_docs

COUNT_DOCS = {"query": "MATCH (d:Document) RETURN count(d) AS n"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving("embedded", tmp_path_factory.mktemp("handles")) as server:
        yield server


def _documents(served: Served, expected: tuple[int, int] | None = None) -> tuple[int, int]:
    """Documents as /health and as /cypher (a worker) see them; with ``expected``, asked again for up
    to 2 s (the server reopens its handle at most every ``StoreHandles.min_reopen_s``, 0.5 s)."""
    deadline = time.monotonic() + 2
    with served.client() as http:
        while True:
            health = http.get("/health").json()["counts"]["Document"]
            cypher = http.post("/cypher", json=COUNT_DOCS).json()["rows"][0]["n"]
            if expected is None or (health, cypher) == expected or time.monotonic() > deadline:
                return health, cypher
            time.sleep(0.1)


def test_serve_sees_another_processes_writes(served: Served) -> None:
    """An ingest in another process (the server holds no writer lock, so it can run) is seen by the
    next request, by the in-process handles and the Cypher workers alike."""
    assert _documents(served, (5, 5)) == (5, 5)
    writer = EmbeddedStore(served.settings)  # would fail if the server held the writer lock
    try:
        assert writer.delete_document(sample_docs()[0].id)
    finally:
        writer.close()
    assert _documents(served, (4, 4)) == (4, 4)
    writer = EmbeddedStore(served.settings)
    try:
        writer.load_document(sample_docs()[0])
    finally:
        writer.close()
    assert _documents(served, (5, 5)) == (5, 5)


def test_an_upload_is_written_through_a_writer_and_seen_by_the_next_requests(served: Served) -> None:
    writer = EmbeddedStore(served.settings)
    try:
        assert writer.delete_document(sample_docs()[1].id)
    finally:
        writer.close()
    assert _documents(served, (4, 4)) == (4, 4)
    sample = sorted(SAMPLES.glob("*.txt"))[1]
    with served.client() as http:
        r = http.post("/documents", files={"file": (sample.name, sample.read_bytes())},
                      headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
        assert r.status_code in (200, 201), r.text
    assert _documents(served, (5, 5)) == (5, 5)
    assert not (served.data / "graph.pending").exists()  # the writer committed and let go


def test_serve_answers_while_another_process_commits(served: Served) -> None:
    """Readers and an ingest in another process at once (LadybugDB has no lock between them): no
    request fails, though the writer checkpoints pages under the server's read handle."""
    stop = time.monotonic() + 8
    failures: list[str] = []
    answered = [0]

    def reader() -> None:
        with served.client() as http:
            while time.monotonic() < stop:
                for r in (http.get("/documents"), http.get("/health"), http.post("/cypher", json=COUNT_DOCS)):
                    if r.status_code != 200:
                        failures.append(f"{r.request.url.path} {r.status_code} {r.text[:200]}")
                    answered[0] += 1

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    writer = EmbeddedStore(served.settings)
    commits = 0
    try:
        while time.monotonic() < stop:
            doc = sample_docs()[commits % 5]
            writer.delete_document(doc.id)
            writer.load_document(doc)
            commits += 2
            time.sleep(0.1)
    finally:
        writer.close()
        for t in threads:
            t.join()
    assert failures == [], failures[:5]
    assert commits >= 4 and answered[0] >= 10, (commits, answered)
    assert _documents(served, (5, 5)) == (5, 5)


def test_handles_reopen_and_close_what_they_opened(tmp_path: Path) -> None:
    store = loaded_store("embedded", tmp_path)
    settings = store.settings
    store.close()
    handles = StoreHandles.from_settings(settings)
    try:
        with handles.reader() as first:
            assert getattr(first, "read_only", False) and first.counts()["Document"] == 5
            with handles.writer() as writer:  # a writer beside a leased reader
                assert writer.delete_document(sample_docs()[2].id)
            assert first.counts()["Document"] == 5  # the lease keeps its snapshot …
        with handles.reader() as second:
            assert second is not first and second.counts()["Document"] == 4  # … the next sees the write
        with pytest.raises(RuntimeError, match="closed"):
            first.counts()  # the retired handle was closed when its lease ended
    finally:
        handles.close()


def test_a_fresh_directory_is_created_for_serving(tmp_path: Path) -> None:
    settings = settings_from_env({}, store="embedded", data_dir=tmp_path / "new")
    with pytest.raises(StoreError, match="no embedded store"):
        EmbeddedStore(settings, read_only=True)
    handles = StoreHandles.from_settings(settings)
    try:
        with handles.reader() as store:
            assert store.counts()["nodes"] == 0
    finally:
        handles.close()


# -- who may run /cypher ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    graph = loaded_store("embedded", tmp_path_factory.mktemp("tokens"))
    yield graph
    graph.close()


def _post(store: GraphStore, headers: dict[str, str] | None = None, **settings: object) -> tuple[int, str]:
    with TestClient(create_app(api_settings(store, **settings), store)) as client:
        r = client.post("/cypher", json=COUNT_DOCS, headers=headers or {})
        return r.status_code, r.json().get("message", "")


def test_cypher_needs_a_token_beyond_loopback(store: GraphStore) -> None:
    read, write = {"Authorization": f"Bearer {READ_TOKEN}"}, {"Authorization": f"Bearer {TOKEN}"}
    assert _post(store)[0] == 200  # loopback, no read token: open
    status, message = _post(store, public=True, read_token=READ_TOKEN)
    assert status == 401 and "FENGONG_READ_TOKEN" in message
    assert _post(store, {"Authorization": "Bearer nope"}, public=True, read_token=READ_TOKEN) == (
        403, "wrong bearer token"
    )  # fmt: skip
    assert _post(store, read, public=True, read_token=READ_TOKEN)[0] == 200
    assert _post(store, write, public=True, read_token=READ_TOKEN)[0] == 200  # the write token reads too
    assert _post(store, write, public=True)[0] == 200  # beyond loopback with the write token alone
    status, message = _post(store, read, public=True, token=None)
    assert status == 403 and "closed" in message  # beyond loopback with no token at all: closed
    assert _post(store, public=False, read_token=READ_TOKEN)[0] == 401  # a read token closes loopback too
    assert _post(store, {"Authorization": f"Basic {READ_TOKEN}"}, read_token=READ_TOKEN)[0] == 401


def test_start_up_says_what_is_open(store: GraphStore) -> None:
    local = "\n".join(access_lines(api_settings(store), "127.0.0.1", 8000))
    assert "this machine only" in local and "POST /cypher: open to anyone on this machine" in local
    public = "\n".join(access_lines(api_settings(store, public=True), "0.0.0.0", 8000))
    assert "the network" in public and "POST /cypher: needs a token" in public
    assert "writes (POST /documents): need FENGONG_TOKEN" in public
    closed = "\n".join(access_lines(api_settings(store, public=True, token=None), "0.0.0.0", 8000))
    assert "POST /cypher: closed" in closed and "writes (POST /documents): disabled" in closed


def test_only_loopback_hosts_keep_cypher_anonymous() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.168.1.5", "example.org", "127.0.0.1.example.org"]))


def test_cypher_answers_503_when_no_worker_is_free_or_none_can_open(
    store: GraphStore, tmp_path: Path
) -> None:
    from fengong.graph.cypher_pool import CypherPool, PoolSettings

    slow = "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*) AS c"
    app = create_app(api_settings(store, cypher_timeout_s=3.0), store)
    app.state.cypher_pool = CypherPool(store.settings, PoolSettings(workers=1, queue_s=0.5))
    with TestClient(app) as client:
        assert client.post("/cypher", json=COUNT_DOCS).status_code == 200  # the worker is up
        first = threading.Thread(target=client.post, args=("/cypher",), kwargs={"json": {"query": slow}})
        first.start()
        time.sleep(0.5)
        r = client.post("/cypher", json=COUNT_DOCS)
        first.join()
        assert r.status_code == 503 and "busy (FENGONG_CYPHER_WORKERS)" in r.json()["message"]
        assert client.post("/cypher", json=COUNT_DOCS).status_code == 200

    nowhere = settings_from_env({}, store="embedded", data_dir=tmp_path / "missing")
    app = create_app(api_settings(store), store)
    app.state.cypher_pool = CypherPool(nowhere, PoolSettings(workers=1))
    with TestClient(app) as client:
        r = client.post("/cypher", json=COUNT_DOCS)
        assert r.status_code == 503 and "no embedded store" in r.json()["message"]
