"""The embedded default store: LadybugDB (PyPI ``ladybug``, the maintained fork of Kùzu).

One database file under ``FENGONG_DATA`` (default: platformdirs' user data dir). Writes
run in explicit ``BEGIN TRANSACTION`` … ``COMMIT`` blocks; read-only queries run in a
``BEGIN TRANSACTION READ ONLY`` block, which the engine enforces, after the lexical guard
in ``fengong.graph.readonly`` (Ladybug allows LOAD FROM / EXPORT / CALL settings in
read-only transactions). ``conn.set_query_timeout`` bounds each query.

Why no ``COPY FROM`` in the loader: with ladybug 0.22, an explicit ROLLBACK of a
transaction that ran a successful COPY into a non-empty table corrupts the process heap
(``free(): invalid pointer`` / SIGSEGV at close; reproduced on node and rel tables).
Rollback is what keeps a failed batch from leaving half a document behind, so the
loader uses batched ``UNWIND $rows`` statements shaped for Ladybug's planner
(see ``fengong.graph.plan``), which run at ~50,000 rows/s and roll back cleanly.

``bulk_load`` is the exception: the first load of a large corpus into an *empty* store, from
the CSV set ``fengong.graph.bulk_csv`` writes, by ``COPY`` (no explicit transaction, so no
ROLLBACK after a COPY). Should a COPY fail, the store's files are made anew, empty, which is where
it was; that happens under the writer lock and before the bulk marker goes, so no other process
sees the half-loaded store and a crash meanwhile leaves the emptying to the next open. The buffer
pool is capped (``FENGONG_BUFFER_POOL_MB``), so memory stays bounded as the graph grows.

A process killed inside a COMMIT can leave a torn write-ahead log that the engine cannot open;
``fengong.graph.commit_guard`` keeps the log empty before each commit, marks the commit on disk
and, at the next open, discards a dead writer's cut-short transaction.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ladybug as lb

from fengong.graph.commit_guard import CommitGuard, delete_database
from fengong.graph.export.admin_csv import ARRAY_DELIMITER, node_file, rel_file
from fengong.graph.plan import REFRESH_ALL_UNIT_COUNTS
from fengong.graph.schema import NODE_ORDER, NODES, REL_ORDER, RELS, Prop, ladybug_ddl, quote
from fengong.graph.settings import StoreSettings
from fengong.graph.store import GraphStore, Rows, Runner, StoreError

_UNION = re.compile(r"\bUNION\b", re.IGNORECASE)
_MISSING_PROPERTY = re.compile(r"Cannot find property (\w+) for")
log = logging.getLogger(__name__)


class EmbeddedStore(GraphStore):
    """LadybugDB in one file; thread-safe through one lock around its single connection."""

    kind = "embedded"
    batch_size = 5_000
    docs_per_transaction = 500

    #: Seconds a read-only open waits for a live writer's commit to end.
    reader_wait_s: float = 30.0

    def __init__(self, settings: StoreSettings, *, read_only: bool = False) -> None:
        super().__init__(settings)
        self.path = settings.embedded_path
        self.read_only = read_only
        self._lock = threading.RLock()
        self._guard = CommitGuard(self.path)
        self.recovered: str | None = None  # what opening undid after a crash, if anything
        self._open()

    def _open(self) -> None:
        """Open the database (buffer pool capped by the settings) and its connection.

        A writer first takes the guard's lock and undoes a commit or bulk load that a dead
        process left half-written (see ``fengong.graph.commit_guard``). A reader writes nothing and
        takes no lock: it waits out a live writer's commit and refuses a dead writer's leftovers.
        """
        if self.read_only:
            if not self.path.exists():
                raise StoreError(
                    f"there is no embedded store at {self.path} yet: load documents first (fengong ingest)"
                )
            self._guard.wait_for_readers(self.reader_wait_s)
            self._open_database()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._guard.acquire()
        except OSError as exc:
            raise StoreError(f"cannot open the embedded store at {self.path}: {exc}") from exc
        try:
            recovered = self._guard.recover()
            if recovered:
                self.recovered = recovered
                log.warning("%s", recovered)
            self._open_database()
        except BaseException:
            self._guard.release()
            raise

    def _open_database(self) -> None:
        """Open the database and its connection; a writer holds the guard's lock already."""
        self._opened_as = self.signature()  # before opening: a commit meanwhile means one reopen more
        try:
            self._db = lb.Database(
                str(self.path),
                read_only=self.read_only,
                buffer_pool_size=self.settings.buffer_pool_mb * 2**20,
                auto_checkpoint=False,  # checkpoints happen outside commits, see commit_guard
            )
            self._conn = lb.Connection(self._db)
            self._conn.set_max_threads_for_exec(self.settings.threads_per_query)
            if not self.read_only:
                for statement in ladybug_ddl():
                    self._conn.execute(statement)
        except RuntimeError as exc:
            raise StoreError(f"cannot open the embedded store at {self.path}: {exc}") from exc

    def signature(self) -> tuple[object, ...]:
        """What the database and its log look like on disk (inode, size, modification time): changes
        when any process commits or checkpoints, so a reader knows to reopen (cheap: two stats)."""
        out: list[object] = []
        for path in (self.path, self._guard.wal):
            try:
                st = path.stat()
            except FileNotFoundError:
                out.append(None)
                continue
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
        return tuple(out)

    def _refresh(self) -> None:
        """Reopen a read-only store whose files changed since it opened (another process committed
        or checkpointed): its snapshot is stale and the pages under it may have been rewritten.
        Waits out a commit or checkpoint in progress, up to ``reader_wait_s``; keeps the old handle
        if the files cannot be opened now. The caller holds ``_lock``."""
        if not self.read_only or self.signature() == self._opened_as:
            return
        old_db, old_conn, opened_as = self._db, self._conn, self._opened_as
        deadline = time.monotonic() + self.reader_wait_s
        while True:
            try:
                self._guard.wait_for_readers(max(0.0, deadline - time.monotonic()))
                self._open_database()
                break
            except StoreError as exc:
                # LadybugDB refuses a read-only open while another process checkpoints: retry.
                if "checkpoint" not in str(exc) or time.monotonic() > deadline:
                    self._db, self._conn, self._opened_as = old_db, old_conn, opened_as
                    raise
                time.sleep(0.05)
        old_conn.close()
        old_db.close()

    def commit_under_way(self) -> bool:
        """True while a live writer is inside a commit or bulk load (see ``commit_guard``)."""
        return self._guard.writer_state() == "live"

    @contextlib.contextmanager
    def writing(self) -> Iterator[GraphStore]:
        """This store if it can write; a read-only one opens a writer beside it (taking the writer
        lock) for the block. Readers see the writes once reopened (``signature`` changes)."""
        if not self.read_only:
            yield self
            return
        writer = EmbeddedStore(self.settings)
        try:
            yield writer
        finally:
            writer.close()

    def _reopen(self, *, empty: bool = False) -> None:
        """Close the database and open it again (``empty``: as a new, empty store), keeping the
        writer lock throughout, so no other process opens it in between."""
        self._close_database()
        if empty:
            delete_database(self.path)
        self._open_database()

    def _refuse_read_only(self) -> None:
        if self.read_only:
            raise StoreError("the embedded store was opened read-only")

    def _checkpoint(self) -> None:
        """Refuse a read-only store; else empty the write-ahead log into the database file, so
        the next commit's log holds only that commit (see ``commit_guard``)."""
        self._refuse_read_only()
        if self._guard.wal.exists():
            self._conn.execute("CHECKPOINT")

    # -- transactions ----------------------------------------------------------------------

    def _execute(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        result = self._conn.execute(cypher, params)
        if isinstance(result, list):  # several statements; the loader never sends these
            raise StoreError("one statement at a time")
        columns = result.get_column_names()
        rows = [dict(zip(columns, values, strict=True)) for values in result.get_all()]
        result.close()
        return rows

    def _rollback_quietly(self) -> None:
        # A statement that fails inside an explicit transaction has already rolled it back.
        with contextlib.suppress(RuntimeError):
            self._conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[Runner]:
        with self._lock:
            self._checkpoint()
            self._conn.execute("BEGIN TRANSACTION")
            try:
                yield self._execute
            except BaseException:
                self._rollback_quietly()
                raise
            with self._guard.window("commit"):
                self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _autocommit_window(self) -> Iterator[None]:
        self._checkpoint()
        with self._guard.window("commit"):
            yield

    # -- queries ---------------------------------------------------------------------------

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
        with self._lock:
            try:
                return self._run_locked(cypher, params, read_only, timeout, cap)
            except StoreError:
                if not self.read_only or self.signature() == self._opened_as:
                    raise
            # A read-only handle keeps its snapshot until reopened (see ``fengong.graph.handles``),
            # but another process's checkpoint rewrites pages under it: a read that failed after the
            # files changed runs once more, on the files as they are now.
            self._refresh()
            return self._run_locked(cypher, params, read_only, timeout, cap)

    def _run_locked(
        self, cypher: str, params: dict[str, Any] | None, read_only: bool, timeout: float, cap: int
    ) -> Rows:
        """``run`` once; the caller holds ``_lock``."""
        self._conn.set_query_timeout(max(1, int(timeout * 1000)))
        # Ladybug 0.22 on several threads interleaves a UNION's output chunks, losing each
        # branch's ORDER BY past 2,048 rows; one thread keeps them in order.
        union = _UNION.search(cypher) is not None
        if union:
            self._conn.set_max_threads_for_exec(1)
        try:
            window: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
            if read_only:
                self._conn.execute("BEGIN TRANSACTION READ ONLY")
            else:  # an auto-commit write: its commit is guarded like the loader's
                window = self._autocommit_window()
            try:
                with window:
                    result = self._conn.execute(cypher, params or {})
                if isinstance(result, list):
                    raise StoreError("one statement at a time")
                columns = result.get_column_names()
                rows: list[dict[str, Any]] = []
                while result.has_next() and len(rows) <= cap:
                    rows.append(dict(zip(columns, (_plain(v) for v in result.get_next()), strict=True)))
                result.close()
            finally:
                if read_only:
                    self._rollback_quietly()
        except RuntimeError as exc:
            if str(exc).startswith("Interrupted"):  # Ladybug's only word for a query timeout
                raise StoreError(
                    f"the query ran past the time limit of {timeout:g} s and was stopped"
                ) from exc
            raise StoreError(self._explain(exc)) from exc
        finally:
            self._conn.set_query_timeout(0)
            if union:  # every other statement, the loader's included, keeps all threads
                self._conn.set_max_threads_for_exec(self.settings.threads_per_query)
        return Rows(rows[:cap], columns, truncated=len(rows) > cap)

    def _explain(self, exc: Exception) -> str:
        """The engine's message, with the setting to change when the buffer pool ran out, or what
        to do when the store predates a property of the schema."""
        message = str(exc)
        if "buffer pool is full" in message:
            message += (
                f" (the embedded store's buffer pool is {self.settings.buffer_pool_mb} MB;"
                " raise FENGONG_BUFFER_POOL_MB)"
            )
        missing = _MISSING_PROPERTY.search(message)
        if missing and any(p.name == missing.group(1) for spec in NODES.values() for p in spec.props):
            message += (
                f" (the store at {self.path} was built before the property {missing.group(1)!r} "
                "existed: load the documents again into a new --data directory)"
            )
        return message

    # -- bulk first load ---------------------------------------------------------------------

    def check_bulk_target(self) -> None:
        """Raise ``StoreError`` unless this store can take a bulk load: writable and empty."""
        self._refuse_read_only()
        held = self.counts()
        if held["nodes"] or held["relationships"]:
            raise StoreError(
                f"a bulk load needs an empty store; {self.path} holds {held['nodes']} nodes "
                "(load into a new --data directory, or ingest without --bulk)"
            )

    def bulk_load(self, directory: Path) -> dict[str, int]:
        """Load a CSV set written by ``fengong.graph.bulk_csv`` into this empty store by COPY.

        Returns the store's counts afterwards. Refuses a store that holds anything (the set's
        shared nodes would collide); if a COPY fails, the store is emptied again and the error
        names the file.
        """
        self.check_bulk_target()
        with self._lock:
            self._checkpoint()
            failed: tuple[str, RuntimeError] | None = None
            try:
                # A crash inside the window, or an error escaping it, leaves its marker: the
                # next open empties the store.
                with self._guard.window("bulk", keep_on_error=True):
                    for name, statement in copy_statements(Path(directory)):
                        try:
                            self._conn.execute(statement)
                        except RuntimeError as exc:
                            failed = name, exc
                            break
                    else:  # COPY writes rows, not the units' workload counts: computed once now
                        self._conn.execute(REFRESH_ALL_UNIT_COUNTS)
                    if failed:
                        # The store was empty: new files are exact and far faster than deleting
                        # millions of copied rows one by one. Done inside the window and under
                        # the writer lock, so no one sees the half-loaded store.
                        self._reopen(empty=True)
            except BaseException as exc:
                # Close (the marker stays, so the next open empties the store); every later
                # statement fails on the closed connection.
                with contextlib.suppress(RuntimeError):
                    self.close()
                if isinstance(exc, OSError):
                    raise StoreError(
                        f"bulk load into {self.path} broke off: {exc}; the store will be emptied "
                        "when it is next opened"
                    ) from exc
                raise
            if failed:
                file, error = failed
                raise StoreError(
                    f"bulk load of {Path(directory) / file} failed: {self._explain(error)}"
                ) from error
            # COPY holds memory outside the buffer pool (its primary-key hash indexes) until the
            # database closes: 8.2 GB instead of 5.3 GB peak at 100,000 documents.
            self._reopen()
        return self.counts()

    def _close_database(self) -> None:
        self._conn.close()
        self._db.close()

    def close(self) -> None:
        """Close the connection and the database, and give up the writer lock (safe to repeat)."""
        with self._lock:
            try:
                self._close_database()
            finally:
                self._guard.release()


def _plain(value: Any) -> Any:
    """Ladybug values as plain Python: nodes/relationships become property dicts."""
    if isinstance(value, dict):
        if "_label" in value and "_id" in value:
            label = value["_label"]
            props = {k: _plain(v) for k, v in value.items() if not k.startswith("_") and v is not None}
            key = "_type" if "_src" in value else "_labels"
            return {key: label if key == "_type" else [label], **props}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _load_columns(props: tuple[Prop, ...]) -> str:
    # Lists arrive joined by the CSV set's array delimiter and are split in the RETURN.
    return ", ".join(f"{quote('p_' + p.name)} {'STRING' if p.type == 'STRING[]' else p.type}" for p in props)


def _return_columns(props: tuple[Prop, ...]) -> str:
    out = []
    for p in props:
        col = quote("p_" + p.name)
        out.append(
            f"CASE WHEN {col} IS NULL THEN NULL WHEN {col} = '' THEN CAST([] AS STRING[]) "
            f"ELSE string_split({col}, '{ARRAY_DELIMITER}') END"
            if p.type == "STRING[]"
            else col
        )
    return ", ".join(out)


def copy_statements(directory: Path) -> list[tuple[str, str]]:
    """(file name, ``COPY … FROM (LOAD WITH HEADERS … FROM file …)``) for every file of a CSV set.

    The set's files carry neo4j-admin headers (``id:ID(Task)``, ``:LABEL``, ``:TYPE``): Ladybug
    reads them with declared columns and skips the label and type columns. Nodes come first.
    """
    text = str(directory.resolve())
    if "'" in text or "\\" in text:
        raise StoreError(
            f"cannot bulk load from {directory}: quotes and backslashes are not allowed in the path"
        )
    options = "(HEADER=true, PARALLEL=false, QUOTE='\"', ESCAPE='\"')"  # quoted fields may span lines
    # (table, file, leading columns of the file, which of them the table takes, properties)
    tables = [
        (label, node_file(label), "k STRING, lbl STRING", "k", NODES[label].props) for label in NODE_ORDER
    ]
    tables += [(t, rel_file(t), "s STRING, d STRING, t STRING", "s, d", RELS[t].props) for t in REL_ORDER]
    out: list[tuple[str, str]] = []
    for table, name, lead, keys, props in tables:
        cols = ", ".join(filter(None, [lead, _load_columns(props)]))
        ret = ", ".join(filter(None, [keys, _return_columns(props)]))
        load = f"LOAD WITH HEADERS ({cols}) FROM '{text}/{name}' {options} RETURN {ret}"
        out.append((name, f"COPY {quote(table)} FROM ({load})"))
    return out
