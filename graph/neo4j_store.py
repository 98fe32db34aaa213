"""The Neo4j store: the official ``neo4j`` driver (Rust extension when installed).

Uniqueness constraints and indexes are created idempotently on open. Loads run the shared
plan (batched ``UNWIND $rows … MERGE/CREATE``) in one explicit transaction per document or
per batch of documents. Read-only queries run in a READ access-mode session through
``execute_read`` with a server-side transaction timeout, so the server refuses writes.

Clusters and Aura (``neo4j://`` / ``neo4j+s://`` routing URIs): a load transaction that fails
with a transient error (leader switch, deadlock, lock timeout: ``TransientError``; a dropped
connection: ``ServiceUnavailable``, ``SessionExpired``) is run again, up to ``max_attempts``
times with jittered exponential backoff. Re-running is safe even when a commit's outcome is
unknown, because a load replaces its documents (deletes their owned part, then writes) and ids
are deterministic. Reads retry through the driver's managed transactions, but never past the
query's time limit.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from fengong.graph.mapping import GraphRows, shared_words
from fengong.graph.plan import (
    DOCUMENTS_WITHOUT_TOPICS,
    FILL_DUE,
    FILL_FIRST_LEADS,
    FILL_ONE_BODY,
    FILL_TASK_UNITS,
    REFRESH_ALL_UNIT_COUNTS,
    SET_DOCUMENT_TOPICS,
    TASKS_WITHOUT_DUE,
    TASKS_WITHOUT_FIRST_LEADS,
    TASKS_WITHOUT_ONE_BODY,
    TASKS_WITHOUT_UNITS,
    UNITS_WITHOUT_COUNTS,
)
from fengong.graph.schema import neo4j_schema_statements
from fengong.graph.settings import StoreSettings
from fengong.graph.store import GraphStore, Rows, Runner, StepHook, StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Bolt URI schemes: direct (bolt) or routing (neo4j: clusters, Aura), plain or TLS.
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: Server codes of a transaction stopped by its time limit.
TIMED_OUT = ("Neo.ClientError.Transaction.TransactionTimedOut", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")  # fmt: skip


class Neo4jStore(GraphStore):
    """A Neo4j database reached over Bolt (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)."""

    kind = "neo4j"
    batch_size = 10_000
    # The term index gives a document ~900 HAS_TERM edges: 500 documents per transaction passed
    # the server's default transaction memory (dbms.memory.transaction.total.max, 700 MiB here).
    docs_per_transaction = 100
    map_ahead = True
    #: Attempts of one load transaction on transient errors (1 = no retry).
    max_attempts: int = 5
    #: First backoff delay in seconds; doubled after each attempt, with jitter.
    retry_delay_s: float = 0.5

    def __init__(self, settings: StoreSettings, *, ensure_schema: bool = True) -> None:
        super().__init__(settings)
        self.database = settings.neo4j_database
        scheme = settings.neo4j_uri.split("://", 1)[0].lower() if "://" in settings.neo4j_uri else ""
        if scheme not in URI_SCHEMES:  # driver 6 would try its HTTP API (and need aiohttp) for http://
            raise StoreError(
                f"cannot reach Neo4j at {settings.neo4j_uri}: NEO4J_URI must start with one of "
                + ", ".join(f"{s}://" for s in URI_SCHEMES)
            )
        try:
            self._driver = neo4j.GraphDatabase.driver(
                settings.neo4j_uri,
                auth=(settings.neo4j_user, settings.neo4j_password),
                # The server's performance hints and deprecation notices are for query authors,
                # not for users of the CLI (36 of them, 107 KB, came before one answer).
                notifications_min_severity="OFF",
            )
            self._driver.verify_connectivity()
        except (Neo4jError, ServiceUnavailable, ValueError, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {settings.neo4j_uri}: {exc}") from exc
        if ensure_schema:
            self.ensure_schema()

    def ensure_schema(self) -> None:
        """Create the uniqueness constraints and indexes (each IF NOT EXISTS)."""
        with self._driver.session(database=self.database) as session:
            for statement in neo4j_schema_statements():
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
            if session.run(TASKS_WITHOUT_UNITS).single() is not None:
                session.run(FILL_TASK_UNITS).consume()
            # the flag the unit counts read, then the counts: a graph imported by neo4j-admin has
            # none, an older one counted by the stated-lead rule alone
            stale = session.run(TASKS_WITHOUT_FIRST_LEADS).single() is not None
            if stale:
                session.run(FILL_FIRST_LEADS, shared=shared_words()).consume()
            if stale or session.run(UNITS_WITHOUT_COUNTS).single() is not None:
                session.run(REFRESH_ALL_UNIT_COUNTS).consume()
            if session.run(TASKS_WITHOUT_ONE_BODY).single() is not None:
                session.run(FILL_ONE_BODY, shared=shared_words()).consume()
            if session.run(TASKS_WITHOUT_DUE).single() is not None:
                session.run(FILL_DUE).consume()
            untitled = [(r["id"], r["title"] or "") for r in session.run(DOCUMENTS_WITHOUT_TOPICS)]
            if untitled:
                from fengong.ingest.topics import theme_names, themes

                rows = [{"id": i, "topics": theme_names(themes(title))} for i, title in untitled]
                session.run(SET_DOCUMENT_TOPICS, rows=rows).consume()

    def _with_retries(self, what: str, work: Callable[[], T]) -> T:
        """Run ``work`` again on a retryable driver/server error; ``work`` must be idempotent."""
        delay = self.retry_delay_s
        for attempt in range(1, self.max_attempts + 1):
            try:
                return work()
            except (Neo4jError, DriverError) as exc:
                if attempt >= self.max_attempts or not exc.is_retryable():
                    raise
                log.warning("%s: attempt %d failed (%s); retrying in %.1f s", what, attempt, exc, delay)
                time.sleep(delay * random.uniform(0.5, 1.5))  # jitter: concurrent writers spread out
                delay *= 2
        raise AssertionError("unreachable")

    def _replace(self, rows: GraphRows, on_step: StepHook | None) -> None:
        """``GraphStore._replace`` retried on transient errors (a replace is idempotent)."""
        self._with_retries(
            f"loading {len(rows.doc_ids)} document(s)", lambda: GraphStore._replace(self, rows, on_step)
        )

    def delete_document(self, doc_id: str) -> bool:
        """``GraphStore.delete_document`` retried on transient errors."""
        return self._with_retries(f"deleting {doc_id}", lambda: GraphStore.delete_document(self, doc_id))

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[Runner]:
        with self._driver.session(database=self.database) as session, session.begin_transaction() as tx:

            def run(cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
                return tx.run(cypher, params).data()

            try:
                yield run
            except BaseException:
                tx.rollback()
                raise
            tx.commit()

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
        """Run one statement; see ``GraphStore.run``."""
        timeout, cap = self._bounds(cypher, params, read_only, timeout, limit, skip_bounded)

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
            result = tx.run(cypher, params or {})
            rows: list[dict[str, Any]] = []
            for record in result:
                if len(rows) > cap:
                    break
                rows.append({k: _plain(v) for k, v in record.items()})
            return list(result.keys()), rows

        mode = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        try:
            # Managed transactions retry transient errors, but not past the time limit.
            with self._driver.session(
                database=self.database, default_access_mode=mode, max_transaction_retry_time=timeout
            ) as session:
                columns, rows = (session.execute_read if read_only else session.execute_write)(work)
        except Neo4jError as exc:
            if exc.code in TIMED_OUT:
                raise StoreError(
                    f"the query ran past the time limit of {timeout:g} s and was stopped ({exc.code})"
                ) from exc
            raise StoreError(f"{exc.code}: {exc.message}") from exc
        return Rows(rows[:cap], columns, truncated=len(rows) > cap)

    def wipe(self) -> None:
        """Delete everything in batches (one huge transaction would exceed the server's memory limit).

        Not atomic, unlike loading: an interrupted wipe leaves part of the graph.
        """
        # Relationships first: deleting a dense node's edges with it can exceed the memory limit.
        batches = (
            "MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS c",
            "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c",
        )

        def wipe_all() -> None:
            with self._driver.session(database=self.database) as session:
                for statement in batches:
                    while True:
                        record = session.run(statement).single()
                        if record is None or record["c"] == 0:
                            break

        self._with_retries("wiping the database", wipe_all)  # deleting again is harmless

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()


def _plain(value: Any) -> Any:
    """Driver values as plain Python: nodes/relationships become property dicts."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date / DateTime / Time / Duration
        return value.iso_format()
    return value
