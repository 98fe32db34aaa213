"""Several server processes behind one port: ``fengong serve --workers N``.

One process answers one question at a time: the store's Python binding holds the interpreter while
a query runs, so threads add nothing, while a second process on a second core nearly doubles the
answers per second, once each query keeps to its share of the cores (``FENGONG_QUERY_THREADS``;
BENCHMARKS.md). ``run_workers`` starts the workers, each a uvicorn server on a socket of its own,
and each builds its app here from the environment the parent wrote (``worker_env``): its own
read-only handle (reopened when any process writes, as with one process), Cypher pool and
extraction sandbox. The answer caches of the workers share one generation file, so a document
loaded through any worker clears them all.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.process import BaseProcess
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from fastapi import FastAPI

from fengong.graph.settings import StoreSettings

#: Set by the parent for its workers only: whether the server listens beyond loopback, and the
#: file whose changes tell every worker's answer cache that a document was loaded.
PUBLIC_ENV = "FENGONG_SERVE_PUBLIC"
GENERATION_ENV = "FENGONG_SERVE_GENERATION"
log = logging.getLogger(__name__)


@contextmanager
def worker_env(store: StoreSettings, *, public: bool, workers: int) -> Iterator[dict[str, str]]:
    """The environment ``workers`` processes build their app from (the store the parent's options
    chose, the loopback decision, a fresh generation file and, unless FENGONG_QUERY_THREADS says
    otherwise, the cores shared out among the workers' queries), written into ``os.environ`` for
    the block (the workers inherit it) and restored afterwards."""
    with TemporaryDirectory(prefix="fengong-serve-") as folder:
        generation = Path(folder) / "generation"
        generation.touch()
        env = {
            "FENGONG_STORE": store.store,
            PUBLIC_ENV: "1" if public else "0",
            GENERATION_ENV: str(generation),
        }
        if store.data_dir is not None:
            env["FENGONG_DATA"] = str(store.data_dir)
        threads = store.query_threads or max(1, (os.cpu_count() or 1) // workers)
        env["FENGONG_QUERY_THREADS"] = str(threads)
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            yield env
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def app_from_env() -> FastAPI:
    """One worker's app (the uvicorn factory of ``_serve_one``): settings from the environment, its
    own store handles, closed when the worker stops."""
    from fengong.api.app import ApiSettings, create_app
    from fengong.graph.handles import StoreHandles

    settings = ApiSettings.from_env(public=os.environ.get(PUBLIC_ENV) == "1")
    generation = os.environ.get(GENERATION_ENV)
    handles = StoreHandles.from_settings(settings.store)
    return create_app(
        settings, handles, shared_cache=Path(generation) if generation else None, own_handles=True
    )


def run_workers(workers: int, *, host: str, port: int, **options: Any) -> None:
    """Serve ``app_from_env`` in ``workers`` processes on ``host:port`` until SIGINT / SIGTERM
    (``options`` go to ``uvicorn.Config``); a worker that dies is started again, one that dies
    within ``_EARLY_EXIT_S`` of its start stops the server (it would die again: say, no store).

    Each worker listens on a socket of its own with SO_REUSEPORT, so the kernel spreads new
    connections over them. uvicorn's own workers share one socket, and the first to wake takes every
    pending connection: 32 keep-alive clients all landed on one worker, the other idle. (Its socket
    also names no protocol, and asyncio sets TCP_NODELAY only on connections of one that names TCP:
    every answer then waited out a delayed ACK, 44 ms for a 1 ms page.)
    """
    if port == 0:
        sys.exit("error: several server processes need a fixed --port (each listens on it)")
    try:  # the port is free (a server with SO_REUSEPORT on it too would otherwise share it silently)
        socket.create_server((host, port), family=_family(host)).close()
    except OSError as exc:
        sys.exit(f"error: cannot listen on {host}:{port}: {exc}")
    context = multiprocessing.get_context("spawn")
    stopping = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    started: list[tuple[BaseProcess, float]] = []

    def start() -> tuple[BaseProcess, float]:
        process = context.Process(
            target=_serve_one, args=(host, port, options, os.getpid()), name="fengong-serve", daemon=False
        )
        process.start()
        return process, time.monotonic()

    failed = ""
    try:
        started = [start() for _ in range(workers)]
        while not stopping.wait(0.5):
            for i, (process, since) in enumerate(started):
                if process.is_alive():
                    continue
                if time.monotonic() - since < _EARLY_EXIT_S:
                    failed = f"a server process exited at start-up (status {process.exitcode})"
                    stopping.set()
                    break
                log.warning(
                    "server process %s ended (status %s); starting another", process.pid, process.exitcode
                )
                started[i] = start()
    finally:
        for process, _ in started:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)  # each finishes its requests (timeout_graceful_shutdown)
        for process, _ in started:
            process.join(float(options.get("timeout_graceful_shutdown") or 0) + 10)
            if process.is_alive():
                process.kill()
                process.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if failed:
        sys.exit(f"error: {failed}; see its messages above")


#: A worker that ends this soon after its start failed to start.
_EARLY_EXIT_S = 10.0


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _serve_one(host: str, port: int, options: dict[str, Any], parent: int) -> None:
    """One worker (a spawned process): its own listening socket on the shared port, then uvicorn."""
    import uvicorn

    from fengong.processes import die_with_parent

    die_with_parent(parent)
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    config = uvicorn.Config("fengong.api.workers:app_from_env", factory=True, host=host, port=port, **options)
    uvicorn.Server(config).run(sockets=[sock])
