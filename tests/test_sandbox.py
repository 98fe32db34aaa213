"""The Landlock sandbox of the Cypher workers, in a child process: writes anywhere and reads outside the
allowed paths are refused by the kernel; reads inside still work; it refuses to start once a second
thread runs (Landlock would not bind that thread)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fengong.graph import sandbox

pytestmark = pytest.mark.skipif(sandbox.abi_version() < 1, reason="Landlock is not available on this kernel")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )


def test_the_sandbox_refuses_writes_and_foreign_reads(tmp_path: Path) -> None:
    allowed = tmp_path / "store"
    allowed.mkdir()
    (allowed / "data.txt").write_text("inside")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    result = _run(f"""
        import socket
        from pathlib import Path
        from fengong.graph import sandbox
        assert sandbox.restrict([*sandbox.python_read_paths(), Path({str(allowed)!r})])
        print(Path({str(allowed)!r}, "data.txt").read_text())
        for action in (
            lambda: Path({str(outside)!r}).read_text(),
            lambda: Path({str(allowed)!r}, "new.txt").write_text("x"),
            lambda: Path({str(allowed)!r}, "data.txt").write_text("x"),
            lambda: Path({str(tmp_path)!r}, "dir").mkdir(),
            lambda: Path({str(allowed)!r}, "data.txt").unlink(),
            lambda: Path("/etc/passwd").read_text(),
            lambda: socket.create_connection(("127.0.0.1", 9), timeout=2),
        ):
            try:
                action()
                print("allowed")
            except PermissionError:
                print("refused")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["inside", *["refused"] * 7]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside.txt", "store"]
    assert (allowed / "data.txt").read_text() == "inside"


def test_the_sandbox_refuses_to_start_with_a_second_thread() -> None:
    result = _run("""
        import threading, time
        from fengong.graph import sandbox
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        try:
            sandbox.restrict(sandbox.python_read_paths())
        except RuntimeError as exc:
            print(exc)
    """)
    assert "before the process starts a second thread" in result.stdout, result.stderr
