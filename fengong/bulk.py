"""Bulk runs: files -> documents -> a neo4j-admin import CSV set, extraction and formatting in workers.

The first load of a large corpus into Neo4j: ``neo4j-admin database import full`` then builds the
database offline (see ``fengong.graph.bulk_csv``). Workers extract each file and format the rows
its document owns; this process only appends their text and de-duplicates the shared rows, so
it keeps up with every core extracting. The same text under another file name is written once.
An empty embedded store loads such a set by ``COPY`` (``bulk_load_paths``).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fengong.graph.bulk_csv import BulkCsvWriter, CsvPart, document_part
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.mapping import topic_labels
from fengong.ingest.parallel import extract_one, parallel_map
from fengong.ingest.read_folder import expand_inputs
from fengong.ingest_service import FileHook, IngestReport, Ledger, Outcome


@dataclass(slots=True)
class _Outcome:
    """A worker's answer for one file: its part, or the error naming the file."""

    path: Path
    part: CsvPart | None
    error: str | None
    warnings: list[str] = field(default_factory=list)


@cache
def _topics() -> dict[str, str]:
    return topic_labels()  # once per worker process


def _part_of(path: Path) -> _Outcome:
    extracted = extract_one(path)
    if extracted.document is None:
        return _Outcome(path, None, extracted.error or f"{path}: unreadable")
    doc = extracted.document
    return _Outcome(path, document_part(doc, _topics()), None, list(doc.warnings))


def bulk_csv_paths(
    paths: Sequence[Path],
    directory: Path,
    *,
    workers: int | None = None,
    on_file: FileHook | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract ``paths`` (files or folders) into the neo4j-admin CSV set ``directory``.

    The report counts what a load would: documents, tasks, distinct units, relationships
    (after de-duplication). Nothing is left in ``directory`` unless the whole run succeeds.
    """
    start = time.perf_counter()
    files, skipped = expand_inputs(list(paths))
    report = IngestReport(files=len(files), skipped=skipped)
    if on_start is not None:
        on_start(len(files))
    writer = BulkCsvWriter(directory)
    ledger = Ledger({})  # a set is written from nothing: only this run's documents count
    try:
        for out in parallel_map(_part_of, files, workers):
            part = out.part
            outcome: Outcome = "failed"
            if part is None:
                report.errors.append(out.error or f"{out.path}: unreadable")
            else:
                outcome = ledger.decide(part.doc_id, part.sha256)
            if outcome == "replaced":  # a set cannot replace: the first text under an id stays
                outcome = "duplicate"
                report.warnings.append(
                    f"{out.path}: another text with the same document id is already in the set; "
                    "the first one is kept"
                )
            elif outcome == "loaded":
                assert part is not None
                writer.add(part)
                report.warnings.extend(out.warnings)
            report.outcomes[outcome] += 1
            if on_file is not None:
                if outcome == "loaded":
                    on_file(out.path, "read")  # the same protocol as a transactional ingest
                on_file(out.path, outcome)
        stats = writer.close()
    except BaseException:
        writer.abort()
        raise
    report.tasks = stats.tasks
    report.relationships = stats.relationships
    report.units = stats.units
    report.seconds = time.perf_counter() - start
    return report


def bulk_load_paths(
    store: EmbeddedStore,
    paths: Sequence[Path],
    *,
    workers: int | None = None,
    on_file: FileHook | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """The first load of ``paths`` into an empty embedded store: a CSV set, then ``COPY``.

    The set is written in a temporary directory beside the store and removed afterwards. A store
    that is not empty is refused before any file is read.
    """
    start = time.perf_counter()
    store.check_bulk_target()
    with tempfile.TemporaryDirectory(prefix="fengong-bulk-", dir=store.path.parent) as tmp:
        report = bulk_csv_paths(paths, Path(tmp) / "set", workers=workers, on_file=on_file, on_start=on_start)
        store.bulk_load(Path(tmp) / "set")
    report.seconds = time.perf_counter() - start
    return report
