"""The API through a real uvicorn server on a free loopback port, on the embedded store and Neo4j;
and a test that every CLI command and every endpoint is documented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx2
import pytest
import typer

from fengong.api import cli, cmd_ask, cmd_serve
from fengong.api.app import create_app
from fengong.graph.store import GraphStore
from tests.store_fixtures import make_store
from tests.test_api_support import (
    SAMPLES,
    TOKEN,
    Server,
    api_settings,
    loaded_store,
    make_server,  # noqa: F401  (fixture)
)
from tests.test_ask import EXPECTED_GROUPS, LEAD_QUESTIONS
from tests.test_export_support import chromium_run

STORES = ("embedded", pytest.param("neo4j", marks=pytest.mark.neo4j))


@pytest.mark.parametrize("kind", STORES)
def test_real_server(kind: str, tmp_path: Path, make_server: Callable[..., Server]) -> None:  # noqa: F811
    store: GraphStore = loaded_store(kind, tmp_path)
    try:
        server = make_server(store)
        with httpx2.Client(base_url=server.url, timeout=30) as http:
            health = http.get("/health").json()
            assert health["store"] == kind and health["counts"]["Document"] == 5
            for question in LEAD_QUESTIONS:
                r = http.get("/ask", params={"q": question})
                assert r.status_code == 200 and r.json()["groups"] == EXPECTED_GROUPS
                assert b"\\u" not in r.content
            unit = http.get("/units/泽州县能源局").json()
            assert {w["task"] for w in unit["work"] if w["basis"] == "stated lead"} >= {"5G+智慧矿山"}
            assert http.get("/tasks", params={"topic": "转供电改直供电"}).json()["total"] == 4
            assert http.post("/cypher", json={"query": "MATCH (n) DETACH DELETE n"}).status_code == 400
            assert http.get("/ask", params={"q": "what is the weather"}).status_code == 422
            upload = {"file": ("k.txt", (SAMPLES / "001_56b0b1f0d4126dc9.txt").read_bytes())}
            assert http.post("/documents", files=upload).status_code == 401
            r = http.post("/documents", files=upload, headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code == 200 and r.json()["outcome"] == "unchanged"  # loaded with the samples
            assert http.get("/documents").json()["total"] == 5
    finally:
        store.close()


def _commands(app: typer.Typer) -> list[typer.models.CommandInfo]:
    return list(app.registered_commands)


def test_every_cli_command_is_documented() -> None:
    app = typer.Typer()
    cmd_ask.register(app)
    cmd_serve.register(app)
    commands = _commands(cli.app) + _commands(app)
    assert {"ask", "serve"} <= {c.name for c in commands}
    for command in commands:
        assert command.callback is not None and (command.help or command.callback.__doc__), command.name


def test_every_endpoint_is_documented(tmp_path: Path) -> None:
    store = loaded_store("embedded", tmp_path)
    try:
        schema = create_app(api_settings(store), store).openapi()
    finally:
        store.close()
    operations = [(path, method, op) for path, ops in schema["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 14
    for path, method, op in operations:
        assert op.get("summary") and op.get("description"), (
            f"{method.upper()} {path} lacks a summary / docstring"
        )
    expected = {
        "/health",
        "/documents",
        "/units",
        "/tasks",
        "/topics",
        "/queries",
        "/cypher",
        "/ask",
        "/guide",
    }
    assert expected <= set(schema["paths"])


def test_docs_render_offline_in_chromium(tmp_path: Path, make_server: Callable[..., Server]) -> None:  # noqa: F811
    # Chromium runs with every host but loopback unresolvable: Swagger UI must come from the package.
    store = make_store("embedded", tmp_path)
    try:
        server = make_server(store)
        dom = chromium_run(f"{server.url}/docs", "--dump-dom", "--virtual-time-budget=15000").stdout
        # Rendered operations, not the bare page: the bundle loaded and read /openapi.json.
        assert 'class="swagger-ui' in dom and "opblock" in dom, dom[-2000:]
        assert "/cypher" in dom and "Run read-only Cypher" in dom
    finally:
        store.close()
