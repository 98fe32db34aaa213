"""Attacks on POST /documents against a real ``fengong serve`` process over the five samples: huge
bodies with and without a token, a ZIP bomb, a runaway extraction, a page nested 200,000 deep, and
SIGTERM while a worker extracts. Each checks the answer, that the store's counts did not move, that
nothing was left in the server's TMPDIR, and that the server still answers /health."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
import time
from pathlib import Path

import httpx2
import pytest
from fastapi.testclient import TestClient

from fengong.api.app import create_app
from fengong.ingest.pipeline import extract_path
from tests.conftest import SAMPLES
from tests.hostile_files import PARAGRAPH, deep_html, inflating_docx
from tests.office_docs import docx_from_text, requires_soffice, soffice_convert, xlsx_from_text
from tests.server_process import AUTH, ServerProcess, alive, children, serve_process, stream_body
from tests.store_fixtures import make_store
from tests.test_api_support import api_settings

GB = 1024**3
MB = 1024**2


def _unchanged(server: ServerProcess, counts: dict[str, int]) -> None:
    assert server.health()["counts"] == counts  # the store did not move and the server answers
    assert server.temp_files() == []  # nothing spooled, nothing left behind


def _upload(server: ServerProcess, path: Path, name: str | None = None) -> httpx2.Response:
    files = {"file": (name or path.name, path.read_bytes())}
    return httpx2.post(f"{server.url}/documents", files=files, headers=AUTH, timeout=120)


def _message(body: bytes) -> str:
    message: str = json.loads(body)["message"]
    return message


@pytest.mark.slow
def test_a_1gb_body_without_a_token_is_refused_before_a_byte_is_stored(tmp_path: Path) -> None:
    with serve_process(tmp_path) as server:
        counts = server.health()["counts"]
        written = server.written_bytes()
        answer = stream_body(server.port, {}, GB, keep_sending=True)
        assert answer.status == 401 and "Bearer" in _message(answer.body)
        assert answer.sent_before_answer <= 16 * MB  # answered from the head (what sat in socket buffers)
        assert answer.seconds < 2.0, answer.seconds
        assert server.written_bytes() - written < MB  # the gigabyte went nowhere
        assert server.peak_rss_mb() < 400, server.peak_rss_mb()
        _unchanged(server, counts)
        print(
            f"\n1 GB without a token: 401 after {answer.seconds * 1000:.0f} ms, "
            f"{answer.sent / MB:.0f} MB sent in all, server wrote "
            f"{(server.written_bytes() - written) / 1024:.0f} KB, peak RSS {server.peak_rss_mb():.0f} MB"
        )


@pytest.mark.slow
def test_a_body_past_the_cap_is_cut_early_declared_or_chunked(tmp_path: Path) -> None:
    with serve_process(tmp_path, FENGONG_MAX_UPLOAD=str(MB)) as server:
        counts = server.health()["counts"]
        declared = stream_body(server.port, AUTH, GB)  # Content-Length says 1 GB: refused from the head
        assert declared.status == 413 and "FENGONG_MAX_UPLOAD" in _message(declared.body)
        assert declared.sent_before_answer <= 16 * MB and declared.seconds < 2.0
        chunked = stream_body(server.port, AUTH, GB, chunked=True)  # no length: counted as it streams
        assert chunked.status == 413 and "FENGONG_MAX_UPLOAD" in _message(chunked.body)
        assert chunked.sent_before_answer < 16 * MB, chunked.sent_before_answer  # cut near 1 MB, not at 1 GB
        _unchanged(server, counts)
        print(
            f"\ncap 1 MB: 1 GB declared -> 413 after {declared.seconds * 1000:.0f} ms; chunked -> 413 after "
            f"{chunked.sent_before_answer / MB:.1f} MB sent, {chunked.seconds * 1000:.0f} ms"
        )


@pytest.mark.slow
def test_a_docx_bomb_is_refused_before_parsing_and_the_server_stays_small(tmp_path: Path) -> None:
    bomb = inflating_docx(tmp_path / "bomb.docx", GB)
    assert bomb.stat().st_size < 2 * MB
    ratio = inflating_docx(tmp_path / "ratio.docx", 150 * MB)  # under the size limit, not the ratio
    with serve_process(tmp_path) as server:
        counts = server.health()["counts"]
        for path, setting in ((bomb, "FENGONG_MAX_UNZIPPED"), (ratio, "FENGONG_MAX_ZIP_RATIO")):
            start = time.monotonic()
            r = _upload(server, path)
            assert r.status_code == 422, r.text
            assert path.name in r.json()["message"] and setting in r.json()["message"]
            assert time.monotonic() - start < 30
        assert server.peak_rss_mb() < 400, server.peak_rss_mb()
        _unchanged(server, counts)
        print(f"\n.docx bombs refused; server peak RSS {server.peak_rss_mb():.0f} MB")


@pytest.mark.slow
def test_extraction_caps_stop_a_worker_with_a_clear_error(tmp_path: Path) -> None:
    # Past the archive limits on purpose: the worker's own caps must hold on their own.
    hog = inflating_docx(tmp_path / "paragraphs.docx", 150 * MB, PARAGRAPH)
    slow = tmp_path / "slow.txt"
    slow.write_bytes(b"\n".join(p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))) * 100)
    env = {
        "FENGONG_MAX_UNZIPPED": str(4 * GB),
        "FENGONG_MAX_ZIP_RATIO": "100000",
        "FENGONG_EXTRACT_MEMORY_MB": "300",
        "FENGONG_MAX_UPLOAD": str(50 * MB),
    }
    (tmp_path / "memory").mkdir()
    (tmp_path / "time").mkdir()
    with serve_process(tmp_path / "memory", **env) as server:
        counts = server.health()["counts"]
        r = _upload(server, hog)
        assert r.status_code == 422 and "FENGONG_EXTRACT_MEMORY_MB" in r.json()["message"], r.text
        assert server.peak_rss_mb() < 400, server.peak_rss_mb()
        _unchanged(server, counts)
    # The time cap far below what the text takes (~7 s on a quiet machine), so a fast run cannot slip
    # under it, and far above what one sample takes (~0.04 s, its first reading in a new worker), so
    # a busy machine cannot push the replacement's upload over it.
    with serve_process(tmp_path / "time", **{**env, "FENGONG_EXTRACT_TIMEOUT": "0.5"}) as server:
        counts = server.health()["counts"]
        start = time.monotonic()
        r = _upload(server, slow)
        assert r.status_code == 422 and "FENGONG_EXTRACT_TIMEOUT" in r.json()["message"], r.text
        assert time.monotonic() - start < 10
        _unchanged(server, counts)
        # A worker stopped by a cap is replaced: the next upload is read.
        ok = _upload(server, SAMPLES / "003_120f57233f54217d.txt", "again.txt")
        assert ok.status_code == 200 and ok.json()["outcome"] == "unchanged", ok.text


@pytest.mark.slow
def test_a_page_nested_200000_deep_gets_json_422_naming_it(tmp_path: Path) -> None:
    page = deep_html(tmp_path / "deep.html")
    with serve_process(tmp_path) as server:
        counts = server.health()["counts"]
        r = _upload(server, page)
        assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")
        assert "deep.html" in r.json()["message"] and "FENGONG_MAX_NESTING" in r.json()["message"]
        _unchanged(server, counts)


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_signal_while_a_worker_extracts_ends_server_and_worker(tmp_path: Path, sig: int) -> None:
    """SIGTERM: a prompt shutdown that kills the worker; SIGKILL: the kernel kills the worker."""
    slow = tmp_path / "slow.txt"
    slow.write_bytes(b"\n".join(p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))) * 100)
    env = {
        "FENGONG_EXTRACT_TIMEOUT": "600",
        "FENGONG_SHUTDOWN_GRACE": "1",
        "FENGONG_MAX_UPLOAD": str(50 * MB),
    }
    with serve_process(tmp_path, **env) as server:
        upload = threading.Thread(target=lambda: _post_quietly(server, slow), daemon=True)
        upload.start()
        deadline = time.monotonic() + 60
        while not (workers := children(server.process.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert workers, "no extraction worker started"
        time.sleep(4)  # warmed up (about 2 s) and extracting now
        assert all(alive(pid) for pid in workers)
        start = time.monotonic()
        server.process.send_signal(sig)
        server.process.wait(30)
        seconds = time.monotonic() - start
        assert seconds < 5, seconds
        time.sleep(0.5)
        survivors = [pid for pid in workers if alive(pid)]
        for pid in survivors:  # leave nothing running when the test fails
            os.kill(pid, signal.SIGKILL)
        assert survivors == []
        print(
            f"\n{signal.Signals(sig).name} during an extraction: server gone in {seconds:.1f} s, worker too"
        )


def _post_quietly(server: ServerProcess, path: Path) -> None:
    with contextlib.suppress(httpx2.TransportError):  # the server goes away mid-request
        _upload(server, path)


@requires_soffice
def test_every_format_extracts_in_the_worker_as_in_process(tmp_path: Path) -> None:
    """Under the worker's caps an ordinary document of each format reads exactly as in-process,
    and the outcomes follow the ingest service: loaded, then replaced or unchanged."""
    text = (SAMPLES / "003_120f57233f54217d.txt").read_text(encoding="utf-8")
    docx_path = tmp_path / "plan.docx"
    docx_from_text(text, docx_path)
    xlsx_path = tmp_path / "plan.xlsx"
    xlsx_from_text(text, xlsx_path)
    html_path = tmp_path / "plan.html"
    html_path.write_text(
        "<html><body>" + "".join(f"<p>{ln}</p>" for ln in text.splitlines()) + "</body></html>"
    )
    (pdf_path,) = soffice_convert([docx_path], "pdf", tmp_path)
    store = make_store("embedded", tmp_path)
    try:
        with TestClient(create_app(api_settings(store), store)) as client:
            outcomes = []
            for path in (SAMPLES / "003_120f57233f54217d.txt", docx_path, xlsx_path, html_path, pdf_path):
                files = {"file": (path.name, path.read_bytes())}
                r = client.post("/documents", files=files, headers=AUTH)
                assert r.status_code in (200, 201), (path.name, r.text)
                assert r.json()["tasks"] == len(extract_path(path).tasks), path.name
                outcomes.append(r.json()["outcome"])
            assert outcomes[0] == "loaded" and set(outcomes[1:]) <= {"replaced", "unchanged"}
            again = client.post(
                "/documents", files={"file": (pdf_path.name, pdf_path.read_bytes())}, headers=AUTH
            )
            assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
            assert client.get("/documents").json()["total"] == 1
    finally:
        store.close()
