"""Extraction across cores: worker processes read and extract files while the caller consumes
results in input order. At most ``window`` files are in flight, so memory stays bounded however
long the input stream is."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from fengong.ingest.errors import DocumentError
from fengong.ingest.model import Document
from fengong.ingest.pipeline import extract_path


@dataclass(slots=True)
class Extracted:
    """One input's outcome: a Document, or the error that names the file."""

    path: Path
    document: Document | None
    error: str | None


def _extract_one(path: Path) -> Extracted:
    try:
        return Extracted(path, extract_path(path), None)
    except DocumentError as exc:
        return Extracted(path, None, str(exc))
    except Exception as exc:  # a bug must not take the whole batch down; report it per file
        return Extracted(path, None, f"{path}: internal error while extracting: {exc!r}")


def default_workers() -> int:
    """One worker per available core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def extract_many(
    paths: Iterable[Path], workers: int | None = None, window: int | None = None
) -> Iterator[Extracted]:
    """Extract every path, in input order. ``workers`` <= 1 runs in this process."""
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        for path in paths:
            yield _extract_one(path)
        return
    window = window or workers * 8
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[Extracted]] = deque()
        for path in paths:
            pending.append(pool.submit(_extract_one, path))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
