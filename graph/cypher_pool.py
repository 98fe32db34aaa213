"""A small pool of worker processes for user Cypher (``fengong cypher``, ``POST /cypher``).

Each worker (``fengong.graph.cypher_worker``, a fresh interpreter started with a socket pair) holds its own read-only store handle inside a
Landlock sandbox. A request goes to a free worker; the caller's thread waits on the worker's pipe
and watches it:

- past the time limit plus ``grace_s`` (the engine's own time limit did not stop the query) the
  worker is killed: ``CypherLimitError(limit="time")``;
- past ``memory_mb`` of resident memory (read from ``/proc/<pid>/statm`` every ``poll_s``) it is
  killed: ``limit="memory"``;
- a worker that dies by itself (an engine crash) gives ``limit="crash"``;
- no worker free within ``queue_s``: ``limit="busy"``; a worker that cannot open the store (its
  message says why): ``limit="unavailable"``.

A killed or dead worker is replaced at once. Workers are started from one long-lived thread of the
pool, because ``PR_SET_PDEATHSIG`` (which kills a worker when the server dies, even by SIGKILL)
fires when the *thread* that started the process ends.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal

from fengong.graph import sandbox
from fengong.graph.cypher_worker import MAX_ANSWER_BYTES
from fengong.graph.readonly import ReadOnlyViolation
from fengong.graph.settings import StoreSettings
from fengong.graph.store import Rows, StoreError

log = logging.getLogger(__name__)
Limit = Literal["time", "memory", "crash", "busy", "unavailable"]
_PAGE = os.sysconf("SC_PAGE_SIZE")


class CypherLimitError(StoreError):
    """A worker limit stopped the query (``limit`` says which); the worker was replaced."""

    def __init__(self, message: str, limit: Limit) -> None:
        super().__init__(message)
        self.limit = limit


@dataclass(frozen=True, slots=True)
class PoolSettings:
    """How many workers, and the limits each runs under (FENGONG_CYPHER_WORKERS,
    FENGONG_CYPHER_MEMORY_MB)."""

    workers: int = 2
    memory_mb: int = 1024
    grace_s: float = 2.0  # after the time limit, before the worker is killed
    queue_s: float = 10.0  # longest wait for a free worker
    start_s: float = 60.0  # longest wait for a worker to open its store
    poll_s: float = 0.02

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> PoolSettings:
        """Read FENGONG_CYPHER_WORKERS and FENGONG_CYPHER_MEMORY_MB."""
        env = dict(os.environ if env is None else env)
        values: dict[str, Any] = {}
        for key, name in (("workers", "FENGONG_CYPHER_WORKERS"), ("memory_mb", "FENGONG_CYPHER_MEMORY_MB")):
            if env.get(name, "").strip():
                values[key] = int(env[name])
        pool = cls(**values)
        if pool.workers < 1 or pool.memory_mb < 256:
            raise ValueError(
                "FENGONG_CYPHER_WORKERS must be at least 1 and FENGONG_CYPHER_MEMORY_MB at least 256"
            )
        return pool

    def worker_store(self, settings: StoreSettings) -> StoreSettings:
        """The workers' store settings: the buffer pool (the engine's memory) at half the cap."""
        return replace(settings, buffer_pool_mb=max(64, min(settings.buffer_pool_mb, self.memory_mb // 2)))


class _Worker:
    """One worker process, its pipe, and whether it said it is ready."""

    def __init__(self, process: subprocess.Popen[bytes], conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_bytes(self) -> int:
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as f:
                return int(f.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def wait_ready(self, timeout: float) -> None:
        """Wait for the worker's first message: ready, or why its store could not open."""
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise StoreError(f"a Cypher worker did not start within {timeout:g} s")
        try:
            message = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise StoreError(f"a Cypher worker died while opening the store ({self.exit_reason()})") from exc
        if message[0] != "ready":
            raise StoreError(str(message[1]))
        self.ready = True

    def alive(self) -> bool:
        """Running, and not dying: a killed process whose threads are still exiting cannot be
        reaped yet, but its main thread already shows as a zombie."""
        if self.process.poll() is not None:
            return False
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return True  # no /proc: poll() is all there is
        return stat.rsplit(") ", 1)[-1][:1] not in ("Z", "X")

    def exit_reason(self) -> str:
        try:
            code = self.process.wait(0.5)
        except subprocess.TimeoutExpired:
            return "still running"
        if code < 0:
            return (
                f"signal {-code} ({signal.Signals(-code).name})"
                if -code in signal.valid_signals()
                else f"signal {-code}"
            )
        return f"exit status {code}"

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        self.conn.close()


class CypherPool:
    """Worker processes answering read-only Cypher; ``run`` is thread-safe."""

    def __init__(
        self, settings: StoreSettings, pool: PoolSettings | None = None, *, guard: bool = True
    ) -> None:
        self.pool = pool or PoolSettings()
        self.settings = self.pool.worker_store(settings)
        self.guard = guard  # False only in tests: the worker runs what the guard would refuse
        sandbox.warn_if_unavailable()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._starts: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._starter = threading.Thread(target=self._start_loop, name="fengong-cypher-starter", daemon=True)
        self._starter.start()
        for _ in range(self.pool.workers):
            self._replace()

    # -- workers ---------------------------------------------------------------------------

    def _start_loop(self) -> None:
        while (job := self._starts.get()) is not None:
            job()

    def _spawn(self) -> None:
        if self._closed:
            return
        ours, theirs = socket.socketpair()
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "fengong.graph.cypher_worker", str(theirs.fileno()), str(os.getpid())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        conn = Connection(ours.detach())
        conn.send((self.settings, self.guard))
        worker = _Worker(process, conn)
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker | None = None) -> None:
        """Kill ``worker`` (if any) and have the starter thread start a new one."""
        if worker is not None:
            with self._lock:
                self._all.discard(worker)
            worker.kill()
        self._starts.put(self._spawn)

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (for tests and monitoring)."""
        with self._lock:
            return sorted(w.pid for w in self._all)

    # -- requests --------------------------------------------------------------------------

    def run(self, cypher: str, params: dict[str, Any] | None = None, *, timeout: float, limit: int) -> Rows:
        """Run one read-only statement in a worker; ``ReadOnlyViolation`` for what the guard refuses,
        ``CypherLimitError`` for what a limit stopped, ``StoreError`` for what the engine refused."""
        if self._closed:
            raise CypherLimitError("the Cypher workers are shut down", "busy")
        worker = self._take()
        try:
            worker.wait_ready(self.pool.start_s)
        except StoreError as exc:
            self._replace(worker)
            raise CypherLimitError(str(exc), "unavailable") from exc
        try:
            answer = self._ask(worker, (cypher, params or {}, timeout, limit), timeout)
        except BaseException:
            self._replace(worker)
            raise
        self._idle.put(worker)
        kind = answer[0]
        if kind == "ok":
            return Rows(answer[2], answer[1], truncated=answer[3])
        if kind == "refused":
            raise ReadOnlyViolation(answer[1])
        raise StoreError(answer[1])

    def _take(self) -> _Worker:
        """A free worker; one that died while idle (killed from outside) is replaced, not used."""
        deadline = time.monotonic() + self.pool.queue_s
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise CypherLimitError(
                    f"all {self.pool.workers} Cypher workers are busy (FENGONG_CYPHER_WORKERS); try again",
                    "busy",
                ) from None
            if worker.alive():
                return worker
            self._replace(worker)

    def _ask(self, worker: _Worker, request: tuple[object, ...], timeout: float) -> tuple[Any, ...]:
        """Send ``request`` and wait for the answer, enforcing the time and memory limits."""
        cap = self.pool.memory_mb * 2**20
        deadline = time.monotonic() + timeout + self.pool.grace_s
        try:
            worker.conn.send(request)
            while not worker.conn.poll(self.pool.poll_s):
                if worker.rss_bytes() > cap:
                    raise CypherLimitError(
                        f"the query used more than {self.pool.memory_mb} MB of memory and its worker was "
                        "stopped (FENGONG_CYPHER_MEMORY_MB)",
                        "memory",
                    )
                if time.monotonic() > deadline:
                    raise CypherLimitError(
                        f"the query ran past the time limit of {timeout:g} s and its worker was stopped",
                        "time",
                    )
                if not worker.alive():
                    break
            answer = pickle.loads(worker.conn.recv_bytes(MAX_ANSWER_BYTES + 4096))
        except (EOFError, OSError) as exc:
            reason = worker.exit_reason()
            if reason.startswith(f"signal {int(signal.SIGKILL)} "):
                # Nobody here sent it: the kernel's out-of-memory killer, faster than the RSS poll
                # when a query allocates gigabytes at once.
                raise CypherLimitError(
                    f"the query's worker was killed by the system ({reason}), most likely for using "
                    f"more than {self.pool.memory_mb} MB of memory (FENGONG_CYPHER_MEMORY_MB)",
                    "memory",
                ) from exc
            raise CypherLimitError(
                f"the query crashed the database engine in its worker ({reason}); the worker was replaced",
                "crash",
            ) from exc
        assert isinstance(answer, tuple)
        return answer

    def close(self) -> None:
        """Stop every worker now (they hold nothing worth a graceful exit) and the starter thread."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
        self._starts.put(None)
        self._starter.join(10)

    def __enter__(self) -> CypherPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
