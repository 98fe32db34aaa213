"""Extraction across cores: worker processes read and extract files while the caller consumes
results in input order. At most ``window`` files are in flight, so memory stays bounded however
long the input stream is."""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from fengong.ingest.errors import DocumentError
from fengong.ingest.model import Document
from fengong.ingest.pipeline import extract_path
from fengong.processes import die_with_parent

In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(slots=True)
class Extracted:
    """One input's outcome: a Document, or the error that names the file."""

    path: Path
    document: Document | None
    error: str | None


def extract_one(path: Path) -> Extracted:
    """Extract one file; any failure becomes an error message naming the file."""
    try:
        return Extracted(path, extract_path(path), None)
    except DocumentError as exc:
        return Extracted(path, None, str(exc))
    except Exception as exc:  # a bug must not take the whole batch down; report it per file
        return Extracted(path, None, f"{path}: internal error while extracting: {exc!r}")


def default_workers() -> int:
    """One worker per available core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _worker_started(parent: int) -> None:
    die_with_parent(parent)
    # The modules, vocabularies and compiled patterns live as long as the worker: keep them out
    # of every garbage collection (a few per cent of extraction time otherwise).
    gc.freeze()


def parallel_map(
    fn: Callable[[In], Out], items: Iterable[In], workers: int | None = None, window: int | None = None
) -> Iterator[Out]:
    """``fn`` over ``items`` in worker processes, results in input order, at most ``window`` in flight.

    ``fn`` must be a module-level function (it is pickled); ``workers`` <= 1 runs in this process.
    """
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        for item in items:
            yield fn(item)
        return
    window = window or workers * 8
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_worker_started, initargs=(os.getpid(),)
    ) as pool:
        pending: deque[Future[Out]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def extract_many(
    paths: Iterable[Path], workers: int | None = None, window: int | None = None
) -> Iterator[Extracted]:
    """Extract every path, in input order. ``workers`` <= 1 runs in this process."""
    return parallel_map(extract_one, paths, workers, window)
