"""The store handles a long-running server answers from: a read handle, reopened when the data
changed, and a writer opened only for the length of a write.

On the embedded store the read handle is opened read-only (LadybugDB's read-only mode: the engine
refuses writes, and no writer lock is taken, so ``fengong ingest`` can run beside the server). A
read-only database sees the data as it was when opened, so before each lease the handle compares
the database files' stat (``GraphStore.signature``) with what it saw at open and reopens when
another process, or this one's writer, committed since (at most every ``min_reopen_s``; a read
that fails because another process checkpointed under it is run again by the store itself). A reopened handle replaces the old one for
new requests; the old one is closed when its last lease ends.

On Neo4j there is one driver: reads run in READ sessions and see other writers live, so the read
handle and the writer are the same store.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from fengong.graph.settings import StoreSettings
from fengong.graph.store import GraphStore, StoreError, open_store

log = logging.getLogger(__name__)


@dataclass(eq=False)
class _Handle:
    store: GraphStore
    signature: tuple[object, ...]
    owned: bool  # opened here, so closed here
    leases: int = 0
    retired: bool = False


def prepare_embedded(settings: StoreSettings) -> str | None:
    """Make sure an embedded store exists and holds no dead writer's leftovers, so read-only handles
    can open it: a brief writable open creates the file (and schema) or undoes a cut-short commit.
    Returns what was undone, if anything. Skipped when the store is clean (no writer lock taken)."""
    from fengong.graph.commit_guard import CommitGuard
    from fengong.graph.embedded import EmbeddedStore

    path = settings.embedded_path
    if path.exists() and CommitGuard(path).writer_state() != "stale":
        return None
    store = EmbeddedStore(settings)
    try:
        return store.recovered
    finally:
        store.close()


class StoreHandles:
    """Read leases (``with handles.reader() as store``) and the writer (``with handles.writer() as
    store``) over one store. Built from settings (``from_settings``: a read-only embedded handle,
    or one Neo4j driver) or around a store the caller opened and keeps (``around``)."""

    #: Shortest time between two reopens: during a long ingest the handle follows its commits at
    #: most this often (a reopen costs ~0.1 s), never lagging more than this behind.
    min_reopen_s: float = 0.5

    def __init__(self, store: GraphStore, *, owned: bool, on_change: Callable[[], None] | None = None):
        self.settings = store.settings
        self.kind = store.kind
        self.on_change = on_change
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._current = _Handle(store, store.signature(), owned)
        self._opened_at = time.monotonic()
        self._closed = False

    @classmethod
    def from_settings(cls, settings: StoreSettings) -> StoreHandles:
        """Open the store the settings name for serving: embedded read-only (created or recovered
        first when needed), Neo4j through one driver."""
        if settings.store == "embedded":
            recovered = prepare_embedded(settings)
            if recovered:
                log.warning("%s", recovered)
            return cls(open_store(settings, read_only=True), owned=True)
        return cls(open_store(settings), owned=True)

    @classmethod
    def around(cls, store: GraphStore) -> StoreHandles:
        """Handles over a store the caller opened and closes; a read-only embedded one is still
        reopened (by new handles, closed here) when its files change."""
        return cls(store, owned=False)

    def _reopenable(self, store: GraphStore) -> bool:
        return bool(getattr(store, "read_only", False))

    def stale(self) -> bool:
        """Whether the next lease would reopen the read handle (two ``stat`` calls): the files changed
        since it opened, no commit is under way, and the last reopen is ``min_reopen_s`` old."""
        current = self._current
        if not self._reopenable(current.store) or current.store.signature() == current.signature:
            return False
        return (
            time.monotonic() - self._opened_at >= self.min_reopen_s and not current.store.commit_under_way()
        )

    def refresh(self) -> None:
        """Reopen the read handle now if it is stale (~0.1 s; call it off the event loop)."""
        with self._lock:
            if self.stale():
                self._refresh()

    def _refresh(self, *, force: bool = False) -> None:
        """Swap in a new read handle when the data changed on disk (caller holds ``_lock``)."""
        current = self._current
        if not self._reopenable(current.store) or not (force or self.stale()):
            return
        try:
            fresh = open_store(self.settings, read_only=True)
        except StoreError as exc:  # keep answering from what we have, and try at a later request
            # Another process checkpointing is routine during an ingest; anything else is worth a look.
            level = logging.DEBUG if "checkpoint" in str(exc) else logging.WARNING
            log.log(level, "keeping the open read handle: %s", exc)
            return
        self._current = _Handle(fresh, fresh.signature(), owned=True)
        self._opened_at = time.monotonic()
        self._retire(current)
        if self.on_change is not None:
            self.on_change()

    def _retire(self, handle: _Handle) -> None:
        handle.retired = True
        if handle.leases == 0 and handle.owned:
            handle.store.close()

    @contextlib.contextmanager
    def reader(self, *, refresh: bool = True) -> Iterator[GraphStore]:
        """Lease the current read handle (reopened first if stale, unless ``refresh`` is False: the
        caller did that off the event loop) for one request."""
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed (the server is shutting down)")
            if refresh:
                self._refresh()
            handle = self._current
            handle.leases += 1
        try:
            yield handle.store
        finally:
            with self._lock:
                handle.leases -= 1
                if handle.retired and handle.leases == 0 and handle.owned:
                    handle.store.close()

    @contextlib.contextmanager
    def writer(self) -> Iterator[GraphStore]:
        """A store that can write, for one block: the embedded writer is opened read-write beside the
        read handle (taking the writer lock, so one writer across processes) and closed afterwards;
        the read handles are reopened at once so the next request sees the new data."""
        with self._write_lock, self.reader() as store, store.writing() as writable:
            yield writable
        with self._lock:
            self._refresh(force=True)

    def close(self) -> None:
        """Close the handles opened here (leased ones when their lease ends)."""
        with self._lock:
            self._closed = True
            self._retire(self._current)
