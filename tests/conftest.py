"""Shared test paths and helpers. Tests use real files, real stores and real servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["tests.store_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FENGONG_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples"
SCORE = SHARED / "eval" / "score.py"
SAMPLE_GOLD = SHARED / "eval" / "gold"
OWN_DOCS = ROOT / "tests" / "data" / "docs"
OWN_GOLD = ROOT / "tests" / "data" / "gold"


def score(gold_dir: Path, jsonl: Path) -> dict:
    """Run ../shared/eval/score.py and return its overall figures."""
    if not SCORE.exists():
        pytest.fail(f"{SCORE} is missing: the shared eval folder must sit beside the repo")
    out = subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(gold_dir), "--system", str(jsonl), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)
