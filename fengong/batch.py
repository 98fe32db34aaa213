"""Ingest runs: files -> documents (in worker processes) -> a store, streaming in batches.

A run skips what the store already holds (same document id and same text), recognises the same
text submitted again under another file name or format, and commits one transaction per batch of
documents. An interrupted run (even ``kill -9``) leaves only whole batches behind, so running it
again completes the work without duplicates.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fengong.graph.store import GraphStore
from fengong.ingest.model import Document
from fengong.ingest.parallel import extract_many
from fengong.ingest.read_folder import expand_inputs
from fengong.queries.named import run_named

#: Called with (path, outcome). Every input file ends with one of loaded / unchanged /
#: duplicate / failed; a new or edited document is first "read" (extracted and handed to the
#: loader, which may batch it or read ahead), then "loaded" once it is stored: its transaction
#: has committed, or it is written into the CSV set.
FileHook = Callable[[Path, str], None]


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did."""

    files: int = 0
    loaded: int = 0
    unchanged: int = 0
    duplicates: int = 0
    tasks: int = 0
    relationships: int = 0
    units: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: float = 0.0


def ingest_paths(
    store: GraphStore,
    paths: Sequence[Path],
    *,
    workers: int | None = None,
    docs_per_transaction: int | None = None,
    on_file: FileHook | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract ``paths`` (files or folders) and load them into ``store``."""
    start = time.perf_counter()
    files, skipped = expand_inputs(list(paths))
    report = IngestReport(files=len(files), skipped=skipped)
    if on_start is not None:
        on_start(len(files))
    known = {row["id"]: row["sha256"] for row in run_named(store, "document_hashes", limit=2**62)}
    seen_text = {sha: doc_id for doc_id, sha in known.items()}
    units: set[str] = set()
    this_run: dict[str, str] = {}  # id -> sha256 of the documents this run loads
    # Files handed to the loader, in order, until their batch commits (the loader may read ahead).
    uncommitted: deque[Path] = deque()

    def fresh_documents() -> Iterator[Document]:
        for result in extract_many(files, workers=workers):
            outcome = "failed"
            doc = result.document
            if doc is None:
                report.errors.append(result.error or f"{result.path}: unreadable")
            elif this_run.get(doc.id) == doc.sha256:  # the same text again, in this run
                outcome = "duplicate"
                report.duplicates += 1
            elif known.get(doc.id) == doc.sha256:
                outcome = "unchanged"
                report.unchanged += 1
            elif doc.sha256 in seen_text and seen_text[doc.sha256] != doc.id:
                outcome = "duplicate"
                report.duplicates += 1
            else:
                known[doc.id] = this_run[doc.id] = doc.sha256
                seen_text[doc.sha256] = doc.id
                report.warnings.extend(doc.warnings)
                units.update(doc.units)
                doc.text = ""  # the graph keeps evidence sentences, not whole texts
                uncommitted.append(result.path)
                if on_file is not None:
                    on_file(result.path, "read")
                yield doc
                continue  # "loaded" is reported by committed()
            if on_file is not None:
                on_file(result.path, outcome)

    def committed(count: int) -> None:
        for _ in range(count):
            path = uncommitted.popleft()
            if on_file is not None:
                on_file(path, "loaded")

    stats = store.load_documents(
        fresh_documents(), progress=committed, docs_per_transaction=docs_per_transaction
    )
    report.loaded = stats.documents
    report.tasks = stats.tasks
    report.relationships = stats.relationships
    report.units = len(units)
    report.seconds = time.perf_counter() - start
    return report
