"""Parallel extraction gives the same Documents as one process, in input order, errors per file."""

from __future__ import annotations

from pathlib import Path

from fengong.ingest.parallel import extract_many
from tests.conftest import SAMPLES


def test_processes_match_one_process_in_order(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    paths = [*sorted(SAMPLES.glob("*.txt")), bad] * 2
    serial = list(extract_many(paths, workers=1))
    parallel = list(extract_many(paths, workers=2, window=3))
    assert [r.path for r in parallel] == paths
    for a, b in zip(serial, parallel, strict=True):
        assert (a.error is None) == (b.error is None)
        if a.document and b.document:
            assert a.document.to_dict() == b.document.to_dict()
    errors = [r.error for r in parallel if r.error]
    assert len(errors) == 2 and all("bad.txt" in e for e in errors)
