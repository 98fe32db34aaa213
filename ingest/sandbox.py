"""Extraction of untrusted files in worker processes with a time and a memory cap.

A hostile upload (a parser's worst case, a runaway allocation, a crash in a C library) costs one
worker, never the process that serves requests: each worker runs under ``RLIMIT_AS`` (its whole
address space, LibreOffice conversions included), is killed when the time cap passes, is killed
by the kernel when its parent dies, and is replaced on the next job. Waiting is asynchronous, and
a cancelled wait (a server shutting down) kills the worker at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import resource
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from fengong.ingest.errors import DocumentError
from fengong.ingest.model import Document

# A fresh interpreter imports and warms the extractor in about two seconds; a slow machine gets more.
_START_TIMEOUT_S = 60.0
# Extracted once when a worker starts, so that loading vocabularies and compiling patterns (lazy,
# about a second) is not counted against the first upload's time cap. Prose, a table and a report's
# states: each reader loads its own data on first use.
_WARM_UP = (
    "X市人民政府办公室关于印发X市工作方案的通知\n"
    "一、加强统筹协调。（责任单位：市发展改革委，2024年底前完成）\n"
    "二、推进数据共享。市大数据局牵头，市财政局配合，2024年第三季度完成。\n"
    "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 责任人 | 完成时限 | 进展情况 |\n"
    "| 1 | 建设公共平台 | 市工信局 | 市商务局 | 张明 | 2024年6月底前 | 已完成 |\n"
    "三、已完成的任务\n（一）完善监测体系。市统计局负责。进展：按进度推进，未销号。\n"
)


@dataclass(frozen=True, slots=True)
class SandboxLimits:
    """Caps of one extraction: seconds (FENGONG_EXTRACT_TIMEOUT), the worker's address space in MB
    (FENGONG_EXTRACT_MEMORY_MB), and how many extractions run at once (FENGONG_EXTRACT_WORKERS)."""

    timeout_s: float = 60.0
    memory_mb: int = 1024
    workers: int = 2


class LimitExceeded(DocumentError):
    """An extraction stopped by a cap; the message names the setting."""


def _serve(conn: Connection, parent: int, memory_bytes: int) -> None:
    """The worker's loop: receive a path, send back ("ok", Document) or ("error", problem)."""
    from fengong.processes import die_with_parent

    die_with_parent(parent)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    from fengong.ingest.pipeline import extract_path, extract_text  # imported once per worker

    extract_text(_WARM_UP, "warm-up.txt")
    conn.send(("ready", None))
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", extract_path(Path(path))))
        except (MemoryError, DocumentError) as exc:
            if _out_of_memory(exc):  # readers turn a parser's MemoryError into "unreadable"
                conn.send(("memory", None))
                return  # a worker that ran out of memory is not reused
            assert isinstance(exc, DocumentError)
            conn.send(("error", exc.problem))
        except Exception as exc:  # a parser's bug: reported per file, the worker goes on
            conn.send(("error", f"internal error while extracting: {exc!r}"))


def _out_of_memory(exc: BaseException | None) -> bool:
    """Whether ``exc`` is, or was caused by, a MemoryError."""
    seen = 0
    while exc is not None and seen < 50:
        if isinstance(exc, MemoryError):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, memory_mb: int) -> None:
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no server threads or locks
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(
            target=_serve,
            args=(child, os.getpid(), memory_mb * 1024 * 1024),
            name="fengong-extract",
            daemon=True,
        )
        self.process.start()
        child.close()

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        """End the worker now (SIGKILL) and reap it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def send(self, path: Path) -> bool:
        """Hand the worker a job; False when it is gone (killed while idle)."""
        try:
            self.conn.send(str(path))
        except OSError:
            return False
        return True

    async def receive(self, timeout: float) -> tuple[str, Any]:
        """The worker's next message; TimeoutError after ``timeout`` s, EOFError when it died."""
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()

        def wake() -> None:
            if not ready.done():
                ready.set_result(None)

        fds = (self.conn.fileno(), self.process.sentinel)
        for fd in fds:
            loop.add_reader(fd, wake)
        try:
            await asyncio.wait_for(ready, timeout)
        finally:
            for fd in fds:
                loop.remove_reader(fd)
        if not self.conn.poll():
            raise EOFError("the extraction worker died")
        try:
            message: tuple[str, Any] = await asyncio.to_thread(self.conn.recv)
        except OSError as exc:
            raise EOFError("the extraction worker died") from exc
        return message


class ExtractionSandbox:
    """Worker processes that extract one file each at a time, under ``SandboxLimits``."""

    def __init__(self, limits: SandboxLimits | None = None) -> None:
        self.limits = limits or SandboxLimits()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._slots: asyncio.Semaphore | None = None

    async def _worker(self, path: Path) -> _Worker:
        """A worker that has taken the job ``path``: an idle one, else a new one."""
        while self._idle:
            worker = self._idle.pop()
            if worker.alive() and worker.send(path):
                return worker
            worker.kill()
        worker = _Worker(self.limits.memory_mb)
        try:
            kind, _ = await worker.receive(_START_TIMEOUT_S)
        except BaseException:
            worker.kill()
            raise
        if kind != "ready" or not worker.send(path):
            worker.kill()
            raise RuntimeError(f"the extraction worker did not start: {kind}")
        return worker

    async def extract(self, path: Path, name: str) -> Document:
        """Extract ``path`` in a worker; DocumentError (LimitExceeded for a cap) names ``name``."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limits.workers)
        async with self._slots:
            worker = await self._worker(path)
            self._busy.add(worker)
            reuse = False
            try:
                kind, value = await worker.receive(self.limits.timeout_s)
                reuse = kind in ("ok", "error")
            except TimeoutError:
                raise LimitExceeded(
                    name,
                    f"extraction took longer than {self.limits.timeout_s:g} s "
                    f"(FENGONG_EXTRACT_TIMEOUT={self.limits.timeout_s:g}); stopped",
                ) from None
            except EOFError:
                worker.kill()  # reaped: its exit status says how it ended
                kind, value = "died", worker.process.exitcode
            finally:
                self._busy.discard(worker)
                if reuse:
                    self._idle.append(worker)
                else:
                    worker.kill()  # also when the wait was cancelled (a server shutting down)
        if kind == "ok":
            doc: Document = value
            return doc
        if kind == "memory":
            raise LimitExceeded(
                name,
                f"extraction needed more than {self.limits.memory_mb} MB "
                f"(FENGONG_EXTRACT_MEMORY_MB={self.limits.memory_mb}); stopped",
            )
        if kind == "died":
            raise LimitExceeded(
                name,
                f"the extraction worker died (exit status {value}): the file needs more than "
                f"{self.limits.memory_mb} MB (FENGONG_EXTRACT_MEMORY_MB={self.limits.memory_mb}) "
                "or crashes a parser",
            )
        raise DocumentError(name, str(value))

    def close(self) -> None:
        """Kill every worker, idle or busy."""
        for worker in [*self._idle, *self._busy]:
            with contextlib.suppress(OSError):
                worker.kill()
        self._idle.clear()
        self._busy.clear()
