"""The process that runs user Cypher: one read-only store handle, inside a sandbox, answering
requests from its socket one at a time. Started by ``fengong.graph.cypher_pool`` as
``python -m fengong.graph.cypher_worker FD PARENT_PID`` (a fresh interpreter: nothing of the server
is inherited but the socket), which first receives ``(settings, guard)``.

Order matters: the process asks to die with its parent, drops core dumps, sandboxes itself
(``fengong.graph.sandbox``, while it has one thread) and only then imports and opens the engine,
so every engine thread is inside the sandbox. Requests and answers are pickled tuples:

- request ``(cypher, params, timeout_s, row_cap)``; ``None`` asks the worker to exit;
- answer ``("ok", columns, rows, truncated)``, ``("refused", message)`` (the guard),
  ``("error", message)`` (the engine), or ``("failed", message)`` once if the store cannot open.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from fengong.graph import sandbox
from fengong.graph.settings import StoreSettings
from fengong.processes import die_with_parent

if TYPE_CHECKING:
    from fengong.graph.store import GraphStore

#: Largest pickled answer a worker sends back (rows beyond the row cap never leave it anyway).
MAX_ANSWER_BYTES = 64 * 2**20
#: Files a Neo4j worker reads besides Python's own: name resolution and TLS certificates.
_NETWORK_FILES = ("/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/gai.conf", "/etc/host.conf",
                  "/etc/ssl", "/etc/pki", "/usr/share/ca-certificates")  # fmt: skip


def sandbox_paths(settings: StoreSettings) -> tuple[list[Path], list[int]]:
    """What a worker for ``settings`` may read, and the TCP ports it may connect to."""
    paths = sandbox.python_read_paths()
    if settings.store == "embedded":
        return [*paths, settings.embedded_path.parent], []
    port = urlsplit(settings.neo4j_uri).port or 7687
    return [*paths, *(Path(p) for p in _NETWORK_FILES if Path(p).exists())], [port]


def worker_main(conn: Connection, settings: StoreSettings, guard: bool = True) -> None:
    """Serve Cypher requests from ``conn`` until it closes. ``guard=False`` (tests only) switches the
    lexical guard off inside this process, to show that the read-only handle and the sandbox hold
    on their own."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    read_paths, ports = sandbox_paths(settings)
    sandbox.restrict(read_paths, ports, warn=False)  # the pool warned once if Landlock is missing

    from fengong.graph import store as store_module
    from fengong.graph.readonly import ReadOnlyViolation

    if not guard:
        store_module.check_read_only = lambda *args, **kwargs: None
    try:
        store = _open(settings)
    except Exception as exc:  # the store cannot open: say why once, then exit
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    signature = store.signature()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            break
        if request is None:
            break
        cypher, params, timeout, limit = request
        if store.signature() != signature and not store.commit_under_way():  # a writer committed
            store = _reopen(store, settings)
            signature = store.signature()
        try:
            rows = store.run(cypher, params, read_only=True, timeout=timeout, limit=limit)
            answer: tuple[object, ...] = ("ok", rows.columns, list(rows), rows.truncated)
        except ReadOnlyViolation as exc:
            answer = ("refused", str(exc))
        except store_module.StoreError as exc:  # a worker's buffer pool is half its memory cap
            answer = (
                "error",
                str(exc).replace("raise FENGONG_BUFFER_POOL_MB", "raise FENGONG_CYPHER_MEMORY_MB"),
            )
        data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) > MAX_ANSWER_BYTES:
            data = pickle.dumps(
                ("error", f"the answer is larger than {MAX_ANSWER_BYTES // 2**20} MB; ask for fewer rows"),
            )
        conn.send_bytes(data)
    store.close()


def main(argv: list[str]) -> None:
    """Entry point: ``FD PARENT_PID``; dies with the parent, then serves."""
    fd, parent_pid = int(argv[0]), int(argv[1])
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn = Connection(fd)
    settings, guard = conn.recv()
    worker_main(conn, settings, guard)


def _open(settings: StoreSettings) -> GraphStore:
    from fengong.graph.store import open_store

    if settings.store == "embedded":
        return open_store(settings, read_only=True)
    return open_store(settings, ensure_schema=False)


def _reopen(store: GraphStore, settings: StoreSettings) -> GraphStore:
    """A fresh read-only handle; the old one if the store cannot open now (a writer's leftovers)."""
    from fengong.graph.store import StoreError

    try:
        fresh = _open(settings)
    except StoreError:
        return store
    store.close()
    return fresh


if __name__ == "__main__":
    main(sys.argv[1:])
