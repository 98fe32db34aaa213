"""A clone of the repository alone passes its tests: every file the suite reads is tracked, and the
scoring tests pass in a fresh clone with no shared folder beside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import conftest
from tests.conftest import ROOT


def _tracked() -> set[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {ROOT / line for line in out.splitlines()}


def test_every_path_the_suite_reads_is_in_the_repository() -> None:
    tracked = _tracked()
    for name in ("SAMPLES", "SCORE", "SAMPLE_GOLD", "OWN_DOCS", "OWN_GOLD"):
        path: Path = getattr(conftest, name)
        assert path.resolve().is_relative_to(ROOT), (name, path)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        assert files and all(p in tracked for p in files), (name, [p for p in files if p not in tracked])


def test_scoring_passes_in_a_clone_with_nothing_beside_it(tmp_path: Path) -> None:
    clone = tmp_path / "alone" / "fengong"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    assert not (clone.parent / "shared").exists()
    env = {k: v for k, v in os.environ.items() if k != "FENGONG_SHARED"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_extract_score.py",
         "tests/test_eval_copies.py", "tests/test_rewrites.py"],
        cwd=clone, capture_output=True, text=True, env=env, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
