"""The Neo4j store: the official ``neo4j`` driver (Rust extension when installed).

Uniqueness constraints and indexes are created idempotently on open. Loads run the shared
plan (batched ``UNWIND $rows … MERGE/CREATE``) in one explicit transaction per document or
per batch of documents. Read-only queries run in a READ access-mode session through
``execute_read`` with a server-side transaction timeout, so the server refuses writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from fengong.graph.readonly import check_read_only
from fengong.graph.schema import neo4j_schema_statements
from fengong.graph.settings import StoreSettings
from fengong.graph.store import GraphStore, Rows, Runner, StoreError


class Neo4jStore(GraphStore):
    """A Neo4j database reached over Bolt (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)."""

    kind = "neo4j"
    batch_size = 10_000
    docs_per_transaction = 500

    def __init__(self, settings: StoreSettings, *, ensure_schema: bool = True) -> None:
        super().__init__(settings)
        self.database = settings.neo4j_database
        try:
            self._driver = neo4j.GraphDatabase.driver(
                settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
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
    ) -> Rows:
        """Run one statement; see ``GraphStore.run``."""
        if read_only:
            check_read_only(cypher)
        timeout = self.settings.query_timeout_s if timeout is None else timeout
        cap = self.settings.row_cap if limit is None else limit

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
            with self._driver.session(database=self.database, default_access_mode=mode) as session:
                columns, rows = (session.execute_read if read_only else session.execute_write)(work)
        except Neo4jError as exc:
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
        with self._driver.session(database=self.database) as session:
            for statement in batches:
                while True:
                    record = session.run(statement).single()
                    if record is None or record["c"] == 0:
                        break

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
