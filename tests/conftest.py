"""Shared test paths and helpers. Tests use real files, real stores and real servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

pytest_plugins = ["tests.store_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
# The shared evaluation folder beside the repository, when there is one: the repository keeps
# copies of its scorer and gold in eval/ (tests/test_eval_copies.py checks they agree).
SHARED = Path(os.environ.get("FENGONG_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples"
SCORE = ROOT / "eval" / "score.py"
SAMPLE_GOLD = ROOT / "eval" / "gold"
OWN_DOCS = ROOT / "tests" / "data" / "docs"
OWN_GOLD = ROOT / "tests" / "data" / "gold"


def score(gold_dir: Path, jsonl: Path) -> dict:
    """Run eval/score.py and return its figures (per document and overall)."""
    out = subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(gold_dir), "--system", str(jsonl), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)
