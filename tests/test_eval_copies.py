"""The repository's eval/ holds copies of the shared evaluation set: they must not drift."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, SAMPLE_GOLD, SAMPLES, SCORE, SHARED

SHARED_EVAL = SHARED / "eval"


def test_repository_holds_the_scorer_and_the_gold_of_every_sample() -> None:
    assert SCORE.is_file()
    samples = sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert samples
    assert sorted(p.name for p in SAMPLE_GOLD.glob("*.json")) == [f"{n}.json" for n in samples]


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="no ../shared beside the repository to compare with")
def test_copies_are_identical_to_the_shared_evaluation_set() -> None:
    pairs = [(SCORE, SHARED_EVAL / "score.py"), (ROOT / "eval" / "FORMAT.md", SHARED_EVAL / "FORMAT.md")]
    pairs += [(p, SHARED_EVAL / "gold" / p.name) for p in sorted(SAMPLE_GOLD.glob("*.json"))]
    assert sorted(p.name for p in (SHARED_EVAL / "gold").glob("*.json")) == sorted(
        p.name for p in SAMPLE_GOLD.glob("*.json")
    )
    for ours, theirs in pairs:
        assert ours.read_bytes() == theirs.read_bytes(), f"{ours} differs from {theirs}"
