"""The ingest service: documents into a store, the one path behind ``fengong ingest`` (transactional,
``--bulk`` and ``--bulk-csv``) and ``POST /documents``.

Every path decides each document's outcome with one ``Ledger`` and names it with one word:

- ``loaded``: new, now stored;
- ``replaced``: an edited text of a stored document (same id, other text) replaced it;
- ``unchanged``: the store already holds this document with this text; nothing written;
- ``duplicate``: the same text again (in this run, or stored under another document id), or, in a
  CSV set, a second text under an id already written; nothing written;
- ``failed``: the file could not be read as a document (the error names it).

A transactional run commits one transaction per batch of documents, so an interrupted run (even
``kill -9``) leaves only whole batches behind and running it again completes the work.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fengong.graph.store import GraphStore, StoreError
from fengong.ingest.model import Document
from fengong.queries.named import run_named

Outcome = Literal["loaded", "replaced", "unchanged", "duplicate", "failed"]
OUTCOMES: tuple[Outcome, ...] = ("loaded", "replaced", "unchanged", "duplicate", "failed")
#: Written: the outcomes after which the document is in the store (or the CSV set).
STORED: frozenset[str] = frozenset({"loaded", "replaced"})
Mode = Literal["transactional", "bulk", "csv"]

#: Called with (path, event). Every input file ends with one outcome; a document to write is first
#: "read" (extracted and handed to the loader, which may batch it or read ahead), then "loaded" or
#: "replaced" once it is stored (its transaction committed, or it is in the CSV set).
FileHook = Callable[[Path, str], None]


BULK_NEEDS_EMBEDDED = (
    "--bulk loads only an empty embedded store; for Neo4j write a set with --bulk-csv (README)"
)


class IngestError(RuntimeError):
    """An ingest run that could not go on; the message says what failed and what was kept."""


class Ledger:
    """What each document is, against what the store held and what this run has taken."""

    def __init__(self, stored: Mapping[str, str]) -> None:
        """``stored``: document id -> sha256 of its text, for the stored documents that matter."""
        self._stored = dict(stored)
        self._by_text = {sha: doc_id for doc_id, sha in stored.items()}
        self._this_run: dict[str, str] = {}

    def owner(self, sha256: str) -> str | None:
        """The id under which this text is stored or taken, if any."""
        return self._by_text.get(sha256)

    def decide(self, doc_id: str, sha256: str) -> Outcome:
        """The outcome of a document; a loaded or replaced one is recorded as taken."""
        if self._this_run.get(doc_id) == sha256:
            return "duplicate"  # the same text again, in this run
        if self._stored.get(doc_id) == sha256:
            return "unchanged"
        owner = self._by_text.get(sha256)
        if owner is not None and owner != doc_id:
            return "duplicate"  # the same text under another document id
        outcome: Outcome = "replaced" if doc_id in self._stored else "loaded"
        self._stored[doc_id] = self._this_run[doc_id] = sha256
        self._by_text[sha256] = doc_id
        return outcome


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did: documents by outcome, what the stored ones hold, and the messages."""

    files: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    tasks: int = 0
    relationships: int = 0
    units: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def loaded(self) -> int:
        return self.outcomes["loaded"]

    @property
    def replaced(self) -> int:
        return self.outcomes["replaced"]

    @property
    def unchanged(self) -> int:
        return self.outcomes["unchanged"]

    @property
    def duplicates(self) -> int:
        return self.outcomes["duplicate"]

    def summary(self, verb: str = "loaded") -> str:
        """The one-line summary the CLI prints; ``verb`` is "written" for a CSV set."""
        return (
            f"documents {self.loaded} {verb}, {self.replaced} replaced, {self.unchanged} unchanged, "
            f"{self.duplicates} duplicate; tasks {self.tasks}, units {self.units}, "
            f"edges {self.relationships}, warnings {len(self.warnings)}, "
            f"failed files {len(self.errors)} ({self.seconds:.2f}s)"
        )


@dataclass(slots=True)
class DocumentResult:
    """The outcome of ingesting one document (an upload)."""

    outcome: Outcome
    document: Document
    #: For a duplicate: the id under which the same text is stored.
    stored_as: str
    nodes: int = 0
    relationships: int = 0


def stored_hashes(store: GraphStore, doc: Document | None = None) -> dict[str, str]:
    """Stored document id -> sha256: every document's, or only those sharing ``doc``'s id or text."""
    if doc is None:
        rows = run_named(store, "document_hashes", limit=2**62)
    else:
        rows = run_named(store, "document_match", {"id": doc.id, "sha256": doc.sha256}, limit=2**62)
    return {row["id"]: row["sha256"] for row in rows}


def ingest_document(store: GraphStore, doc: Document) -> DocumentResult:
    """Load one extracted document unless the store already holds it (unchanged) or its text
    under another id (duplicate); one transaction."""
    ledger = Ledger(stored_hashes(store, doc))
    outcome = ledger.decide(doc.id, doc.sha256)
    if outcome not in STORED:
        return DocumentResult(outcome, doc, ledger.owner(doc.sha256) or doc.id)
    stats = store.load_document(doc)
    return DocumentResult(outcome, doc, doc.id, stats.nodes, stats.relationships)


def ingest_paths(
    store: GraphStore,
    paths: Sequence[Path],
    *,
    workers: int | None = None,
    docs_per_transaction: int | None = None,
    on_file: FileHook | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract ``paths`` (files or folders) in worker processes and load them into ``store``."""
    from fengong.ingest.parallel import extract_many  # the extractor is heavy; only runs need it
    from fengong.ingest.read_folder import expand_inputs

    start = time.perf_counter()
    files, skipped = expand_inputs(list(paths))
    report = IngestReport(files=len(files), skipped=skipped)
    if on_start is not None:
        on_start(len(files))
    ledger = Ledger(stored_hashes(store))
    units: set[str] = set()
    # Files handed to the loader, in order, until their batch commits (the loader may read ahead).
    uncommitted: deque[tuple[Path, Outcome]] = deque()

    def fresh_documents() -> Iterator[Document]:
        for result in extract_many(files, workers=workers):
            doc = result.document
            if doc is None:
                report.errors.append(result.error or f"{result.path}: unreadable")
                outcome: Outcome = "failed"
            else:
                outcome = ledger.decide(doc.id, doc.sha256)
            if outcome in STORED:
                assert doc is not None
                report.warnings.extend(doc.warnings)
                units.update(doc.units)
                doc.text = ""  # the graph keeps evidence sentences, not whole texts
                uncommitted.append((result.path, outcome))
                if on_file is not None:
                    on_file(result.path, "read")
                yield doc
                continue  # counted and reported by committed()
            report.outcomes[outcome] += 1
            if on_file is not None:
                on_file(result.path, outcome)

    def committed(count: int) -> None:
        for _ in range(count):
            path, outcome = uncommitted.popleft()
            report.outcomes[outcome] += 1
            if on_file is not None:
                on_file(path, outcome)

    try:
        stats = store.load_documents(
            fresh_documents(), progress=committed, docs_per_transaction=docs_per_transaction
        )
    except StoreError as exc:
        raise IngestError(f"loading failed, nothing from the failed batch was kept: {exc}") from exc
    report.tasks = stats.tasks
    report.relationships = stats.relationships
    report.units = len(units)
    report.seconds = time.perf_counter() - start
    return report


def ingest_files(
    paths: Sequence[Path],
    *,
    mode: Mode = "transactional",
    store: GraphStore | None = None,
    csv_dir: Path | None = None,
    workers: int | None = None,
    docs_per_transaction: int | None = None,
    on_file: FileHook | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest ``paths`` by ``mode``: ``transactional`` into ``store`` (batches of documents, each
    one transaction), ``bulk`` (a first load of an empty embedded ``store`` by COPY from a CSV set)
    or ``csv`` (a neo4j-admin import CSV set written into ``csv_dir``; no store).

    IngestError says why a run could not go on; per-file failures are in the report's errors.
    """
    if mode == "csv":
        from fengong.bulk import bulk_csv_paths

        if csv_dir is None:
            raise IngestError("a CSV set needs a directory to write into")
        try:
            return bulk_csv_paths(paths, csv_dir, workers=workers, on_file=on_file, on_start=on_start)
        except OSError as exc:
            raise IngestError(f"cannot write the CSV set: {exc}") from exc
    if store is None:
        raise IngestError(f"a {mode} ingest needs a store")
    if mode == "bulk":
        from fengong.bulk import bulk_load_paths
        from fengong.graph.embedded import EmbeddedStore

        if not isinstance(store, EmbeddedStore):
            raise IngestError(BULK_NEEDS_EMBEDDED)
        try:
            return bulk_load_paths(store, paths, workers=workers, on_file=on_file, on_start=on_start)
        except (StoreError, OSError) as exc:
            raise IngestError(f"bulk load failed: {exc}") from exc
    return ingest_paths(
        store,
        paths,
        workers=workers,
        docs_per_transaction=docs_per_transaction,
        on_file=on_file,
        on_start=on_start,
    )
