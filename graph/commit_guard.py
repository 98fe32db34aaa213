"""Crash safety for the embedded store's commits.

LadybugDB 0.22 writes a transaction's log records to its write-ahead log (``graph.lbug.wal``)
at COMMIT. A process killed while that write is under way leaves a torn log, which the engine
then refuses to open ("Checksum verification failed, the WAL file is corrupted") or, at some
cut points, crashes on; its ``throw_on_wal_replay_failure=False`` mode was seen to drop
committed transactions on the following open. So the store keeps its own rule:

- the log is checkpointed (emptied into the database file) before every write transaction,
  and the engine never checkpoints on its own (``auto_checkpoint=False``), so during a COMMIT
  the log holds nothing but that commit;
- a marker file (``graph.pending``, holding ``commit`` or ``bulk``) exists exactly while a
  COMMIT or a bulk load runs, written to disk before it starts and removed when it returns;
- the writing process holds an exclusive lock on ``graph.lock`` for as long as the store is
  open for writing, so a marker whose lock is free was left by a process that died.

At the next open, a stale ``commit`` marker means the log holds only the interrupted commit,
which never returned: deleting the log leaves the store as it was before that transaction.
A stale ``bulk`` marker means a bulk load into an empty store (which it refuses otherwise)
was interrupted: the database files are deleted, so the store is empty again.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from fengong.graph.store import StoreError

Window = Literal["commit", "bulk"]


def delete_database(path: Path) -> None:
    """Delete the database file and the engine's siblings of it (``.wal``, ``.shadow``, ``.tmp``),
    not the guard's lock and marker."""
    if not path.parent.is_dir():
        return
    for p in path.parent.iterdir():
        if p.name != path.name and not p.name.startswith(path.name + "."):
            continue
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()


class CommitGuard:
    """The marker and writer lock that let an interrupted commit be undone at the next open."""

    lock_wait_s = 10.0  # a reader checking a marker holds the writer lock for a moment

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.wal = db_path.with_name(db_path.name + ".wal")
        # Named off the stem, not ``graph.lbug.*``, so deleting the database never deletes them.
        self.marker = db_path.with_suffix(".pending")
        self.lock_path = db_path.with_suffix(".lock")
        self._lock_fd: int | None = None

    # -- the writer lock ----------------------------------------------------------------------

    def _try_lock(self) -> int | None:
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd

    def acquire(self) -> None:
        """Take the writer lock, waiting up to ``lock_wait_s`` for it."""
        deadline = time.monotonic() + self.lock_wait_s
        while (fd := self._try_lock()) is None:
            if time.monotonic() > deadline:
                raise StoreError(
                    f"cannot open the embedded store at {self.db_path} for writing: another process "
                    "is writing to it (wait for it to finish, or use another FENGONG_DATA)"
                )
            time.sleep(0.1)
        self._lock_fd = fd

    def release(self) -> None:
        """Give up the writer lock."""
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor releases its flock
            self._lock_fd = None

    # -- what a reader may do ------------------------------------------------------------------

    def writer_state(self) -> Literal["clean", "live", "stale"]:
        """Whether a commit or bulk load is under way (``live``), was cut short by a dead writer
        (``stale``) or neither (``clean``); reads only (a shared, non-blocking probe of the lock,
        never the writer lock itself, and no file is created)."""
        if not self.marker.exists():
            return "clean"
        try:
            fd = os.open(self.lock_path, os.O_RDONLY)
        except FileNotFoundError:
            return "stale"
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return "live"
        finally:
            os.close(fd)  # closing also drops the shared probe
        return "stale" if self.marker.exists() else "clean"

    def wait_for_readers(self, timeout: float) -> None:
        """Wait (up to ``timeout`` s) while a live writer is inside a commit, so a reader never opens a
        half-written log; raise ``StoreError`` if a dead writer left one (a writable open undoes it)."""
        deadline = time.monotonic() + timeout
        while (state := self.writer_state()) == "live" and time.monotonic() < deadline:
            time.sleep(0.05)
        if state == "stale":
            raise StoreError(
                f"a write to {self.db_path} was cut short by a process that died and has not been undone "
                "yet; the next command that opens the store for writing (fengong ingest, fengong serve) "
                "undoes it"
            )

    # -- recovery -----------------------------------------------------------------------------

    def recover(self) -> str | None:
        """Undo what a process that died inside a commit or a bulk load left behind.

        Returns a sentence saying what was undone, or None when there was nothing to undo or a
        live writer holds the lock (its marker is not stale). Safe to call before every open.
        """
        if not self.marker.exists():
            return None
        fd = None
        try:
            if self._lock_fd is None and (fd := self._try_lock()) is None:
                return None  # a live writer is inside its window
            try:
                kind = self.marker.read_text(encoding="ascii").strip()
            except FileNotFoundError:
                return None  # the writer finished between the check and the lock
            if kind == "bulk":
                delete_database(self.db_path)
                message = (
                    f"a bulk load into {self.db_path} was interrupted; the store was emptied again "
                    "(it was empty before the load)"
                )
            else:
                self.wal.unlink(missing_ok=True)
                message = (
                    f"a write to {self.db_path} was interrupted inside its commit; that transaction "
                    "was discarded and the store holds what it held before it"
                )
            self.marker.unlink()
            return message
        except OSError as exc:
            raise StoreError(f"cannot recover the embedded store at {self.db_path}: {exc}") from exc
        finally:
            if fd is not None:
                os.close(fd)

    # -- the window ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def window(self, kind: Window, *, keep_on_error: bool = False) -> Iterator[None]:
        """Mark a commit or bulk load as under way, on disk, until it returns or raises.

        For a commit, an exception means the engine is alive and undid the work itself, so the
        marker goes either way; only a process that dies inside leaves it. ``keep_on_error``
        keeps it when an exception escapes too (a bulk load whose store could not be emptied
        again: the next open does it).
        """
        fd = os.open(self.marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, kind.encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        _fsync_dir(self.marker.parent)
        try:
            yield
        except BaseException:
            if not keep_on_error:
                self.marker.unlink(missing_ok=True)
            raise
        self.marker.unlink(missing_ok=True)


def _fsync_dir(directory: Path) -> None:
    # A new file's name is durable only once its directory is synced.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
