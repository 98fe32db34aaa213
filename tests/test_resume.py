"""An ingest killed with SIGKILL mid-run, run again, completes without duplicates or
half-written documents; the same text under another name is loaded once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.gen_documents import generate
from fengong.graph.settings import StoreSettings
from fengong.graph.store import open_store
from tests.conftest import ROOT

FENGONG = [sys.executable, "-c", "from fengong.api.cli import main; main()"]


def _ingest(corpus: Path, env: dict[str, str], **kw: object) -> subprocess.Popen[str]:
    cmd = [*FENGONG, "ingest", str(corpus), "--workers", "1", "--batch", "5"]
    return subprocess.Popen(
        cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw
    )  # type: ignore[call-overload]


def _counts(data: Path) -> dict[str, int]:
    store = open_store(StoreSettings(store="embedded", data_dir=data))
    try:
        return store.counts()
    finally:
        store.close()


def _tasks_per_document(data: Path) -> dict[str, int]:
    store = open_store(StoreSettings(store="embedded", data_dir=data))
    try:
        rows = store.run(
            "MATCH (d:Document)-[:HAS_TASK]->(t:Task) RETURN d.id AS id, count(t) AS n", limit=10**6
        )
        return {r["id"]: r["n"] for r in rows}
    finally:
        store.close()


@pytest.mark.slow
def test_kill_9_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in generate(120, seed=11):
        (corpus / name).write_bytes(data)
    clean_env = {**os.environ, "FENGONG_STORE": "embedded", "FENGONG_DATA": str(tmp_path / "clean")}
    clean = _ingest(corpus, clean_env)
    clean_out, clean_err = clean.communicate(timeout=600)
    assert clean.returncode == 0, clean_err
    assert "duplicate" in clean_out
    fresh = _counts(tmp_path / "clean")
    fresh_tasks = _tasks_per_document(tmp_path / "clean")

    # Kill the run part-way: after some batches committed, before the last. Timing varies with
    # the machine, so widen the delay until a kill lands in the middle.
    partial = None
    for attempt, delay in enumerate((2.5, 3.5, 5.0, 7.0, 10.0)):
        env = {**os.environ, "FENGONG_STORE": "embedded", "FENGONG_DATA": str(tmp_path / f"killed{attempt}")}
        proc = _ingest(corpus, env)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.returncode != -signal.SIGKILL:
            continue
        counts = _counts(tmp_path / f"killed{attempt}")
        if 0 < counts.get("Document", 0) < fresh["Document"]:
            partial = counts
            break
    assert partial is not None, "no kill landed between the first and the last batch"
    # Only whole batches survive the kill: every stored document has all its tasks.
    survived = _tasks_per_document(Path(env["FENGONG_DATA"]))
    assert survived and all(fresh_tasks[doc_id] == n for doc_id, n in survived.items())

    rerun = _ingest(corpus, env)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert "unchanged" in out

    assert _counts(Path(env["FENGONG_DATA"])) == fresh
    assert fresh["Document"] < 120  # the generator's duplicates were loaded once


def test_same_text_under_another_name_is_not_loaded_twice(tmp_path: Path) -> None:
    sample = next((ROOT / "samples").glob("003_*.txt"))
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(sample.read_bytes())
    (corpus / "b-copy.txt").write_bytes(sample.read_text(encoding="utf-8").encode("gb18030"))
    env = {**os.environ, "FENGONG_STORE": "embedded", "FENGONG_DATA": str(tmp_path / "store")}
    run = _ingest(corpus, env)
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    # A repeat within one run is a duplicate; "unchanged" is kept for what the store held before.
    assert "1 loaded, 0 replaced, 0 unchanged, 1 duplicate" in out
    assert _counts(tmp_path / "store")["Document"] == 1
