"""One ingest service behind every path: ``fengong ingest`` (transactional and bulk) and
``POST /documents`` decide each document's outcome alike and name it with the same words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from fengong.api.app import create_app
from fengong.api.cli import app
from fengong.graph.settings import settings_from_env
from fengong.graph.store import open_store
from fengong.ingest_service import Ledger
from tests.conftest import SAMPLES
from tests.test_api_support import TOKEN, api_settings

AUTH = {"Authorization": f"Bearer {TOKEN}"}
runner = CliRunner()
# A title under six characters: such a document is identified by its file name, so the same text
# under two names is two ids with one text (a duplicate).
UNTITLED = "关于印发《方案》的通知\n一、加强统筹协调。（责任单位：市发展改革委，2025年底前完成）\n"


def test_ledger_outcomes() -> None:
    ledger = Ledger({"a": "sha-a", "b": "sha-b"})
    assert ledger.decide("a", "sha-a") == "unchanged"
    assert ledger.decide("b", "sha-b2") == "replaced"
    assert ledger.decide("b", "sha-b2") == "duplicate"  # again in the same run
    assert ledger.decide("c", "sha-a") == "duplicate"  # stored under "a"
    assert ledger.decide("c", "sha-c") == "loaded"
    assert ledger.owner("sha-a") == "a"


@contextmanager
def _client(data: Path) -> Iterator[TestClient]:
    store = open_store(settings_from_env({}, store="embedded", data_dir=data))
    try:
        with TestClient(create_app(api_settings(store), store)) as client:
            yield client
    finally:
        store.close()  # the CLI opens the store next: one writer at a time


def _upload(data: Path, path: Path, name: str | None = None) -> tuple[int, dict[str, object]]:
    with _client(data) as client:
        r = client.post("/documents", files={"file": (name or path.name, path.read_bytes())}, headers=AUTH)
        return r.status_code, r.json()


def _cli(data: Path, *paths: Path) -> str:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--data", str(data), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_cli_and_http_report_the_same_outcomes(tmp_path: Path) -> None:
    data = tmp_path / "store"
    sample = SAMPLES / "003_120f57233f54217d.txt"
    status, body = _upload(data, sample)
    assert (status, body["outcome"]) == (201, "loaded")
    assert "documents 0 loaded, 0 replaced, 1 unchanged, 0 duplicate" in _cli(data, sample)
    edited = tmp_path / "edited.txt"
    edited.write_text(sample.read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8")
    assert "documents 0 loaded, 1 replaced, 0 unchanged, 0 duplicate" in _cli(data, edited)
    status, body = _upload(data, edited)
    assert (status, body["outcome"], body["nodes"]) == (200, "unchanged", 0)
    status, body = _upload(data, sample)  # the first text again: it replaces the edited one
    assert (status, body["outcome"]) == (200, "replaced")

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(UNTITLED, encoding="utf-8")
    second.write_text(UNTITLED, encoding="utf-8")
    status, loaded = _upload(data, first)
    assert (status, loaded["outcome"]) == (201, "loaded")
    status, body = _upload(data, second)
    assert (status, body["outcome"], body["document_id"]) == (200, "duplicate", loaded["document_id"])
    assert "documents 0 loaded, 0 replaced, 0 unchanged, 1 duplicate" in _cli(data, second)
    with _client(data) as client:
        assert client.get("/documents").json()["total"] == 2
