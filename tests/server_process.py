"""``fengong serve`` as a real process over a loaded embedded store, for tests where process
behaviour matters (memory, disk writes, temporary files, signals, worker processes); and a raw
HTTP/1.1 client that streams a large body and sees how early the server answers."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tests.conftest import ROOT
from tests.test_api_support import TOKEN, free_port, loaded_store

FENGONG = [sys.executable, "-c", "from fengong.api.cli import main; main()"]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _status(pid: int) -> dict[str, str]:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        return dict(line.split(":", 1) for line in fh if ":" in line)


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not count)."""
    try:
        return _status(pid)["State"].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, KeyError):
        return False


def children(pid: int) -> list[int]:
    """The pids whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@dataclass
class ServerProcess:
    """A running ``fengong serve``: its process, URL, private TMPDIR and store directory."""

    process: subprocess.Popen[bytes]
    url: str
    port: int
    tmpdir: Path
    data: Path

    def peak_rss_mb(self) -> float:
        """The process's peak resident memory so far (VmHWM), in MB."""
        return int(_status(self.process.pid)["VmHWM"].split()[0]) / 1024

    def written_bytes(self) -> int:
        """Bytes this process caused to be written to storage (/proc/PID/io write_bytes)."""
        io = dict(line.split(": ") for line in Path(f"/proc/{self.process.pid}/io").read_text().splitlines())
        return int(io["write_bytes"])

    def health(self) -> dict[str, Any]:
        r = httpx2.get(f"{self.url}/health", timeout=30)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def temp_files(self) -> list[Path]:
        """What is left in the server's TMPDIR."""
        return sorted(self.tmpdir.rglob("*"))


def wait_for_health(
    url: str, process: subprocess.Popen[bytes], output: Callable[[], str], start_s: float = 60
) -> None:
    """Wait until the server at ``url`` answers /health; fail with its output if the process ends
    or ``start_s`` passes first."""
    deadline = time.monotonic() + start_s
    while True:
        try:
            if httpx2.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"fengong serve did not start: {output()}")
        time.sleep(0.1)


@contextmanager
def serve_process(tmp_path: Path, **env: str) -> Iterator[ServerProcess]:
    """``fengong serve`` on a free loopback port over the five samples; stopped (SIGTERM) after."""
    store = loaded_store("embedded", tmp_path)
    data = store.settings.data_dir
    store.close()
    assert data is not None
    tmpdir = tmp_path / "server-tmp"
    tmpdir.mkdir()
    port = free_port()
    environ = {**os.environ, "FENGONG_TOKEN": TOKEN, "TMPDIR": str(tmpdir), **env}
    cmd = [*FENGONG, "serve", "--port", str(port), "--data", str(data), "--log-level", "warning"]
    process = subprocess.Popen(cmd, cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = ServerProcess(process, f"http://127.0.0.1:{port}", port, tmpdir, data)
    try:
        wait_for_health(server.url, process, lambda: repr(process.stderr.read()))  # type: ignore[union-attr]
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class Answer:
    """What a raw client saw: the status, the JSON body, body bytes sent before the answer
    arrived and in all, and the seconds from the request head to the answer."""

    status: int
    body: bytes
    sent_before_answer: int
    sent: int
    seconds: float


def _read_response(sock: socket.socket) -> tuple[int, bytes]:
    sock.setblocking(True)
    sock.settimeout(30)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        (int(v) for k, _, v in (ln.partition(":") for ln in lines[1:]) if k.lower() == "content-length"), 0
    )
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, body[:length]


def stream_body(
    port: int, head: dict[str, str], total: int, *, chunked: bool = False, keep_sending: bool = False
) -> Answer:
    """POST /documents with a multipart body of ``total`` bytes of zeros, sent in 1 MB pieces on a
    non-blocking socket while watching for the answer. ``keep_sending``: after the answer, send the
    rest of the body too (the server must read and drop it, storing nothing)."""
    boundary = "fengongboundary"
    prefix = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    lines = [
        "POST /documents HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        f"Content-Type: multipart/form-data; boundary={boundary}",
        *(f"{k}: {v}" for k, v in head.items()),
        "Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}",
    ]
    piece = b"\0" * (1 << 20)
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    start = time.monotonic()
    sock.setblocking(False)
    sent, answered_at, pending = 0, -1, b""
    status, body = 0, b""
    try:
        while sent < total or pending:
            if not pending:
                data = prefix if sent == 0 else piece[: min(len(piece), total - sent)]
                sent += len(data)
                pending = (f"{len(data):x}\r\n".encode() + data + b"\r\n") if chunked else data
            readable, writable, _ = select.select([sock] if answered_at < 0 else [], [sock], [], 10)
            if readable:
                answered_at = sent
                status, body = _read_response(sock)
                seconds = time.monotonic() - start
                if not keep_sending:
                    break
                sock.setblocking(False)
            elif writable:
                try:
                    pending = pending[sock.send(pending) :]
                except (BrokenPipeError, ConnectionResetError):
                    break
            elif answered_at >= 0:
                break  # the server stopped reading after answering
        if answered_at < 0:
            status, body = _read_response(sock)
            answered_at, seconds = sent, time.monotonic() - start
    finally:
        sock.close()
    return Answer(status, body, answered_at, sent, seconds)
