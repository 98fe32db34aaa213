"""Shared pieces of the Cypher attack tests (no tests here): a real ``fengong serve`` process over a
loaded store, the store's state (counts and a checksum of the embedded store's files), the memory
of a process tree, and a loopback HTTP server that records what it was asked for."""

from __future__ import annotations

import hashlib
import http.server
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2
import pytest

from fengong.graph.settings import StoreSettings
from tests.server_process import wait_for_health
from tests.test_api_support import TOKEN, free_port, loaded_store

FENGONG = Path(sys.executable).parent / "fengong"
READ_TOKEN = "read-token-0123456789"


def store_digest(directory: Path) -> dict[str, str]:
    """sha256 of every file of an embedded store's directory, by name."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir()) if p.is_file()
    }


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            tasks = Path(f"/proc/{p}/task").iterdir()
            for task in tasks:
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return out


def rss_bytes(pids: list[int]) -> int:
    """Resident memory of ``pids`` together."""
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError):
            continue
    return total


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie counts as dead)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


@dataclass
class Served:
    """A ``fengong serve`` process over a store holding the five samples."""

    kind: str
    url: str
    process: subprocess.Popen[bytes]
    settings: StoreSettings
    log: Path

    @property
    def data(self) -> Path:
        assert self.settings.data_dir is not None
        return self.settings.data_dir

    def client(self, timeout: float = 60) -> httpx2.Client:
        return httpx2.Client(base_url=self.url, timeout=timeout)

    def state(self) -> dict[str, object]:
        """Counts per label and type from /health, and the embedded store's file checksums."""
        r = httpx2.get(f"{self.url}/health", timeout=30)
        assert r.status_code == 200, r.text
        state: dict[str, object] = {"counts": r.json()["counts"]}
        if self.kind == "embedded":
            state["files"] = store_digest(self.data)
        return state

    def memory(self) -> int:
        """Resident memory of the server and its workers."""
        return rss_bytes(tree_pids(self.process.pid))


def serve_env(**extra: str) -> dict[str, str]:
    """The test environment for a server: the write and read tokens, a 3 s Cypher limit, no cache."""
    env = dict(os.environ)
    env.update(
        FENGONG_TOKEN=TOKEN,
        FENGONG_CYPHER_TIMEOUT="3",
        FENGONG_CYPHER_WORKERS="2",
        FENGONG_CACHE_TTL="0",
    )
    env.update(extra)
    return env


@contextmanager
def serving(kind: str, tmp: Path, **env: str) -> Iterator[Served]:
    """Load the samples into a fresh store of ``kind``, serve it with ``fengong serve`` on a free
    loopback port, and stop the server (and check its workers went with it) afterwards."""
    store = loaded_store(kind, tmp)
    settings = store.settings
    store.close()
    port = free_port()
    args = [str(FENGONG), "serve", "--port", str(port), "--log-level", "warning", "--store", kind]
    if kind == "embedded":
        assert settings.data_dir is not None
        args += ["--data", str(settings.data_dir)]
    log = tmp / f"serve-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(args, env=serve_env(**env), stdout=out, stderr=subprocess.STDOUT)
    served = Served(kind, f"http://127.0.0.1:{port}", process, settings, log)
    try:
        wait_for_health(served.url, process, lambda: log.read_text(errors="replace"))
        yield served
    finally:
        family = tree_pids(process.pid)
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("fengong serve did not stop within 15 s of SIGTERM")
        deadline = time.monotonic() + 5
        while any(alive(p) for p in family) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [p for p in family if alive(p)], "workers outlived the server"


@dataclass
class Recorder:
    """A loopback HTTP server serving a small CSV and recording every request it gets."""

    url: str
    paths: list[str] = field(default_factory=list)


@contextmanager
def recording_http() -> Iterator[Recorder]:
    """A loopback HTTP server that records requests (a LOAD CSV over http must never reach it)."""
    recorder = Recorder("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            recorder.paths.append(self.path)
            body = b"a,b\n1,2\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    recorder.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
