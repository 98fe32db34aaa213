"""The embedded store after a process died inside a commit or a bulk load.

A child process loads documents and dies (``os._exit``) inside the guarded window; the test
then tears the engine's write-ahead log the way a kill during the log write does, and opens
the store again. The engine alone cannot open such a log (the first test shows it); the store
must, holding exactly what it held before the interrupted transaction.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import ladybug as lb
import pytest

from fengong.bulk import bulk_csv_paths
from fengong.graph import embedded
from fengong.graph.commit_guard import CommitGuard, delete_database
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.settings import settings_from_env
from fengong.graph.store import StoreError
from tests.conftest import ROOT, SAMPLES
from tests.fixtures_docs import kaifeng, liaocheng
from tests.store_fixtures import dump

# Loads kaifeng() normally, then liaocheng() (or the bulk set) with a window that exits the
# process after the work returned and before the marker is removed: a death inside the window.
CHILD = textwrap.dedent(
    """
    import contextlib, os, sys
    from pathlib import Path
    from fengong.graph.embedded import EmbeddedStore
    from fengong.graph.settings import settings_from_env
    from tests.fixtures_docs import kaifeng, liaocheng

    store = EmbeddedStore(settings_from_env({}, data_dir=Path(sys.argv[1])))
    if sys.argv[2] == "commit":
        store.load_document(kaifeng())
    real_window = store._guard.window

    @contextlib.contextmanager
    def die_inside(kind, **options):
        with real_window(kind, **options):
            yield
            os._exit(0)

    store._guard.window = die_inside
    if sys.argv[2] == "commit":
        store.load_document(liaocheng())
    else:
        store.bulk_load(Path(sys.argv[3]))
    """
)


def _die_inside(data: Path, kind: str, *extra: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), kind, *extra], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def _tear(wal: Path) -> None:
    """Cut the log inside its last record, as a kill in the middle of its write leaves it."""
    size = wal.stat().st_size
    assert size > 1_000  # the interrupted commit's records are there
    with wal.open("r+b") as f:
        f.truncate(size - size // 3)


def _store(data: Path, *, read_only: bool = False) -> EmbeddedStore:
    return EmbeddedStore(settings_from_env({}, data_dir=data), read_only=read_only)


def test_a_commit_torn_by_a_crash_is_discarded_and_the_store_keeps_what_it_held(tmp_path: Path) -> None:
    expected = _store(tmp_path / "before")
    expected.load_document(kaifeng())
    before = dump(expected)
    expected.close()

    data = tmp_path / "store"
    _die_inside(data, "commit")
    guard = CommitGuard(data / "graph.lbug")
    assert guard.marker.read_text() == "commit"
    _tear(guard.wal)

    # The engine on its own refuses (or crashes on) the torn log.
    raw = subprocess.run(
        [sys.executable, "-c", f"import ladybug; ladybug.Database({str(guard.db_path)!r})"],
        capture_output=True,
        text=True,
    )
    assert raw.returncode != 0

    store = _store(data)
    try:
        assert store.recovered is not None and "interrupted inside its commit" in store.recovered
        assert dump(store) == before
        assert not guard.marker.exists()
        store.load_document(liaocheng())  # and it takes writes again
        assert store.counts()["Document"] == 2
    finally:
        store.close()
    reopened = _store(data, read_only=True)
    try:
        assert reopened.recovered is None
        assert reopened.counts()["Document"] == 2
    finally:
        reopened.close()


def test_a_read_only_open_writes_nothing_and_leaves_recovery_to_a_writer(tmp_path: Path) -> None:
    data = tmp_path / "store"
    _die_inside(data, "commit")
    guard = CommitGuard(data / "graph.lbug")
    _tear(guard.wal)
    files = {p.name: p.read_bytes() for p in data.iterdir()}
    with pytest.raises(StoreError, match="next command that opens the store for writing"):
        _store(data, read_only=True)
    assert {p.name: p.read_bytes() for p in data.iterdir()} == files  # not a byte changed
    store = _store(data)  # a writer undoes the cut-short commit
    try:
        assert store.recovered is not None
    finally:
        store.close()
    reader = _store(data, read_only=True)
    try:
        assert reader.counts()["Document"] == 1
    finally:
        reader.close()


def test_a_bulk_load_cut_by_a_crash_leaves_an_empty_store(tmp_path: Path) -> None:
    csv_dir = tmp_path / "csv"
    bulk_csv_paths([SAMPLES], csv_dir, workers=1)
    data = tmp_path / "store"
    _die_inside(data, "bulk", str(csv_dir))
    assert CommitGuard(data / "graph.lbug").marker.read_text() == "bulk"

    _assert_emptied_at_next_open(data)


def _assert_emptied_at_next_open(data: Path) -> None:
    """The store at ``data``, opened again, says it undid a bulk load and is empty."""
    store = _store(data)
    try:
        assert store.recovered is not None and "bulk load" in store.recovered
        assert "emptied again" in store.recovered
        assert store.counts()["nodes"] == 0
        store.check_bulk_target()  # empty, so a bulk load may be run again
    finally:
        store.close()


def test_a_live_writers_commit_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EmbeddedStore, "reader_wait_s", 0.3)  # a reader waits that long for the commit
    writer = _store(tmp_path)
    try:
        writer.load_document(kaifeng())
        # As if the writer were inside a commit right now: its marker and lock are live.
        writer._guard.marker.write_text("commit")
        reader = _store(tmp_path, read_only=True)
        try:
            assert reader.recovered is None
            assert writer._guard.marker.exists()
            assert reader.counts()["Document"] == 1
        finally:
            reader.close()
    finally:
        writer._guard.marker.unlink()
        writer.close()


def test_a_second_writer_is_refused_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CommitGuard, "lock_wait_s", 0.3)
    writer = _store(tmp_path)
    try:
        with pytest.raises(StoreError, match="another process is writing to it"):
            _store(tmp_path)
    finally:
        writer.close()
    _store(tmp_path).close()  # the lock went with the first writer


def _bad_set(tmp_path: Path) -> Path:
    """The samples' bulk set with one edge to nowhere at the end, so its last COPYs fail."""
    out = tmp_path / "set"
    bulk_csv_paths([SAMPLES], out, workers=1)
    with (out / "rels_LEADS.csv").open("a", encoding="utf-8") as fh:
        fh.write('"no-such-unit","no-such-task",LEADS,"lead",,,,,\n')
    return out


def _lock_is_free(guard: CommitGuard) -> bool:
    fd = os.open(guard.lock_path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing it drops a lock taken here


def test_a_failed_bulk_load_is_undone_inside_its_window_under_the_writer_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _bad_set(tmp_path)
    store = _store(tmp_path)
    seen: list[tuple[str, bool]] = []

    def watched(path: Path) -> None:
        # While the half-loaded files go, a crash must leave the marker and no one may open them.
        seen.append((store._guard.marker.read_text(), _lock_is_free(store._guard)))
        delete_database(path)

    monkeypatch.setattr(embedded, "delete_database", watched)
    try:
        with pytest.raises(StoreError, match=r"rels_LEADS\.csv"):
            store.bulk_load(out)
        assert seen == [("bulk", False)]
        assert not store._guard.marker.exists()
        assert store.counts()["nodes"] == 0
        store.load_document(kaifeng())  # the store goes on working
        assert store.counts()["Document"] == 1
    finally:
        store.close()


def test_a_bulk_load_that_cannot_undo_itself_leaves_that_to_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _bad_set(tmp_path)
    store = _store(tmp_path)

    def broken(path: Path) -> None:
        raise PermissionError(f"cannot delete {path}")

    monkeypatch.setattr(embedded, "delete_database", broken)
    with pytest.raises(StoreError, match=r"broke off: cannot delete .*emptied when it is next opened"):
        store.bulk_load(out)
    monkeypatch.undo()
    assert store._guard.marker.read_text() == "bulk"  # kept: the store is half-loaded
    assert _lock_is_free(store._guard)  # and this process let go of it
    store.close()  # closing again is harmless
    _assert_emptied_at_next_open(tmp_path)


def test_a_bulk_load_interrupted_between_copies_is_emptied_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "set"
    bulk_csv_paths([SAMPLES], out, workers=1)
    store = _store(tmp_path)
    real = lb.Connection.execute
    copies = 0

    def interrupted(self: lb.Connection, query: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal copies
        if query.startswith("COPY"):
            copies += 1
            if copies == 5:
                raise KeyboardInterrupt  # Ctrl-C lands between two COPYs
        return real(self, query, *args, **kwargs)

    monkeypatch.setattr(lb.Connection, "execute", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.bulk_load(out)
    monkeypatch.undo()
    assert store._guard.marker.read_text() == "bulk"  # four files are in: the marker says so
    store.close()
    _assert_emptied_at_next_open(tmp_path)
