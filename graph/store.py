"""One small store interface with two backends: embedded LadybugDB (default) and Neo4j.

Loading is shared: documents -> ``GraphRows`` (mapping) -> a plan of parameterised
statements (plan) run in one transaction per document (``load_document``) or per batch
of documents (``load_documents``). A backend only provides the transaction, the
read-only query runner and a few admin statements.
"""

from __future__ import annotations

import contextlib
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, ClassVar

from fengong.graph.mapping import GraphRows, document_rows, merge_rows, topic_labels
from fengong.graph.plan import (
    DELETE_ORPHAN_DEADLINES,
    DELETE_ORPHAN_TERMS,
    OLD_DEADLINES,
    OLD_TERMS,
    OLD_UNITS,
    REFRESH_UNIT_COUNTS,
    STORED_DOCUMENTS,
    Step,
    delete_steps,
    write_steps,
)
from fengong.graph.readonly import check_read_only
from fengong.graph.schema import NODES, RELS, quote
from fengong.graph.settings import StoreSettings, settings_from_env
from fengong.ingest.model import Document

#: Runs one statement inside the current transaction and returns its rows.
Runner = Callable[[str, dict[str, Any]], list[dict[str, Any]]]
#: Called before each plan step with (index, total, step); raising aborts the transaction.
StepHook = Callable[[int, int, Step], None]


class StoreError(RuntimeError):
    """A store could not be opened or a statement failed."""


class Rows(list[dict[str, Any]]):
    """Query rows; ``truncated`` is True when the row cap cut the result short."""

    truncated: bool = False
    columns: list[str]

    def __init__(
        self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] = (), truncated: bool = False
    ):
        super().__init__(rows)
        self.columns = list(columns)
        self.truncated = truncated


@dataclass(slots=True)
class LoadStats:
    """What a load wrote (input rows, not net changes) and how long it took."""

    documents: int = 0
    nodes: int = 0
    relationships: int = 0
    tasks: int = 0
    seconds: float = 0.0
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)

    def add(self, rows: GraphRows, seconds: float) -> None:
        """Account for one committed transaction's rows."""
        self.documents += len(rows.doc_ids)
        self.nodes += rows.node_count()
        self.relationships += rows.rel_count()
        self.tasks += len(rows.nodes["Task"])
        self.seconds += seconds
        for label, node_rows in rows.nodes.items():
            self.by_label[label] = self.by_label.get(label, 0) + len(node_rows)
        for rel_type, rel_rows in rows.rels.items():
            self.by_type[rel_type] = self.by_type.get(rel_type, 0) + len(rel_rows)


class GraphStore(ABC):
    """A graph store holding documents as the schema in ``fengong.graph.schema`` describes."""

    kind: ClassVar[str]
    #: Rows per UNWIND statement.
    batch_size: int = 5_000
    #: Documents per transaction in ``load_documents``.
    docs_per_transaction: int = 200
    #: Map the next batch on a helper thread while this one is written: pays when the engine
    #: runs in another process (Neo4j: ~5 %); the embedded engine's own threads need the cores
    #: (5,000 documents: 101-104 s without, 112-117 s with).
    map_ahead: ClassVar[bool] = False

    def __init__(self, settings: StoreSettings) -> None:
        self.settings = settings
        self._topics: dict[str, str] | None = None

    # -- backend hooks -------------------------------------------------------------------

    @abstractmethod
    def _write_transaction(self) -> contextlib.AbstractContextManager[Runner]:
        """A write transaction: commits when the block ends, rolls back when it raises."""

    @abstractmethod
    def run(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout: float | None = None,
        limit: int | None = None,
        skip_bounded: bool = True,
    ) -> Rows:
        """Run one Cypher statement and return its rows as dicts (scalars, lists, maps).

        ``read_only`` (the default) makes the engine refuse writes; ``timeout`` (seconds)
        and ``limit`` (row cap) default to the settings' ``query_timeout_s`` / ``row_cap``.
        ``skip_bounded=False`` lifts the read-only guard's SKIP bound on the embedded store,
        for a caller that has made sure SKIP stays within the rows (the engine crashes only
        on a SKIP far past the last row).
        """

    def _bounds(
        self,
        cypher: str,
        params: dict[str, Any] | None,
        read_only: bool,
        timeout: float | None,
        limit: int | None,
        skip_bounded: bool = True,
    ) -> tuple[float, int]:
        """Guard a read-only statement, then the time limit and row cap it runs under."""
        if read_only:
            check_read_only(cypher, params, store_kind=self.kind, skip_bounded=skip_bounded)
        return (
            self.settings.query_timeout_s if timeout is None else timeout,
            self.settings.row_cap if limit is None else limit,
        )

    @abstractmethod
    def close(self) -> None:
        """Release the database / driver."""

    def signature(self) -> tuple[object, ...]:
        """Changes when the stored data may have changed under an open read handle (embedded: the
        files' stat); a server store sees other writers live, so it never changes."""
        return ()

    def commit_under_way(self) -> bool:
        """True while another writer is inside a commit (embedded: its marker is live); a reader
        waits for the next request to reopen rather than block on it."""
        return False

    def writing(self) -> contextlib.AbstractContextManager[GraphStore]:
        """A block holding a store that can write: this one, unless it was opened read-only."""
        return contextlib.nullcontext(self)

    # -- loading -------------------------------------------------------------------------

    def topic_en(self) -> dict[str, str]:
        """English topic labels, loaded once per store."""
        if self._topics is None:
            self._topics = topic_labels()
        return self._topics

    def load_document(self, doc: Document, *, on_step: StepHook | None = None) -> LoadStats:
        """Load (or replace) one document in one transaction; all or nothing."""
        return self.load_documents([doc], on_step=on_step)

    def load_documents(
        self,
        docs: Iterable[Document],
        *,
        on_step: StepHook | None = None,
        progress: Callable[[int], None] | None = None,
        docs_per_transaction: int | None = None,
    ) -> LoadStats:
        """Load (or replace) many documents, one transaction per batch of documents.

        Each batch is all or nothing. A document appearing twice in one batch is loaded
        once (the last version wins, as with two consecutive ``load_document`` calls).
        ``progress`` is called with the number of documents after each committed batch.
        """
        per_tx = docs_per_transaction or self.docs_per_transaction
        stats = LoadStats()
        chunks = _chunks(docs, per_tx)
        topics = self.topic_en()

        def next_batch() -> tuple[int, GraphRows] | None:
            chunk = next(chunks, None)
            if chunk is None:
                return None
            latest = {d.id: d for d in chunk}  # a later version of the same document replaces an earlier
            return len(chunk), merge_rows(document_rows(d, topics) for d in latest.values())

        def write(batch: tuple[int, GraphRows]) -> None:
            count, rows = batch
            start = time.perf_counter()
            self._replace(rows, on_step)
            stats.add(rows, time.perf_counter() - start)
            if progress is not None:
                progress(count)

        if not self.map_ahead:
            while (batch := next_batch()) is not None:
                write(batch)
            return stats
        # The next batch is read and mapped on a helper thread while the server writes this one.
        pool = ThreadPoolExecutor(1, thread_name_prefix="fengong-map")
        try:
            pending = pool.submit(next_batch)
            while (batch := pending.result()) is not None:
                pending = pool.submit(next_batch)
                write(batch)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return stats

    def _replace(self, rows: GraphRows, on_step: StepHook | None) -> None:
        """Delete the documents' owned part, then write their rows, in one transaction."""
        with self._write_transaction() as run:
            stored = [r["id"] for r in run(STORED_DOCUMENTS, {"ids": rows.doc_ids})]
            old_deadlines = [r["key"] for r in run(OLD_DEADLINES, {"ids": stored})] if stored else []
            old_terms = [r["name"] for r in run(OLD_TERMS, {"ids": stored})] if stored else []
            units = [r["id"] for r in run(OLD_UNITS, {"ids": stored})] if stored else []
            units += [row["id"] for row in rows.nodes["Unit"]]  # every unit written, tasks or not
            steps = [*(delete_steps(stored) if stored else []), *write_steps(rows, self.batch_size)]
            if old_deadlines:
                steps.append(
                    Step("delete orphan deadlines", DELETE_ORPHAN_DEADLINES, {"keys": old_deadlines})
                )
            if old_terms:
                steps.append(Step("delete orphan terms", DELETE_ORPHAN_TERMS, {"names": old_terms}))
            if units:
                steps.append(Step("unit counts", REFRESH_UNIT_COUNTS, {"ids": sorted(set(units))}))
            for i, step in enumerate(steps):
                if on_step is not None:
                    on_step(i, len(steps), step)
                run(step.cypher, step.params)

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document's tasks, targets and edges (shared nodes stay); False if absent."""
        with self._write_transaction() as run:
            if not run("MATCH (d:Document {id: $id}) RETURN d.id AS id", {"id": doc_id}):
                return False
            old_deadlines = [r["key"] for r in run(OLD_DEADLINES, {"ids": [doc_id]})]
            old_terms = [r["name"] for r in run(OLD_TERMS, {"ids": [doc_id]})]
            units = [r["id"] for r in run(OLD_UNITS, {"ids": [doc_id]})]
            for step in delete_steps([doc_id]):
                run(step.cypher, step.params)
            if units:
                run(REFRESH_UNIT_COUNTS, {"ids": units})
            if old_deadlines:
                run(DELETE_ORPHAN_DEADLINES, {"keys": old_deadlines})
            if old_terms:
                run(DELETE_ORPHAN_TERMS, {"names": old_terms})
        return True

    # -- inspection ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Node counts per label, relationship counts per type, and totals ``nodes`` / ``relationships``."""
        out: dict[str, int] = {}
        for label in NODES:
            rows = self.run(f"MATCH (n:{quote(label)}) RETURN count(n) AS c", {}, limit=1)
            out[label] = int(rows[0]["c"])
        for rel_type in RELS:
            rows = self.run(f"MATCH ()-[r:{quote(rel_type)}]->() RETURN count(r) AS c", {}, limit=1)
            out[rel_type] = int(rows[0]["c"])
        out["nodes"] = sum(out[label] for label in NODES)
        out["relationships"] = sum(out[t] for t in RELS)
        return out

    def wipe(self) -> None:
        """Delete every node and relationship (the schema stays)."""
        with self._write_transaction() as run:
            for label in NODES:
                run(f"MATCH (n:{quote(label)}) DETACH DELETE n", {})

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def open_store(settings: StoreSettings | None = None, **kwargs: Any) -> GraphStore:
    """Open the store the settings name (default: from the environment, FENGONG_STORE)."""
    settings = settings or settings_from_env()
    if settings.store == "neo4j":
        from fengong.graph.neo4j_store import Neo4jStore

        return Neo4jStore(settings, **kwargs)
    from fengong.graph.embedded import EmbeddedStore

    return EmbeddedStore(settings, **kwargs)
