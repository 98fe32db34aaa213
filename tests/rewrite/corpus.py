"""The rewrite corpus: base documents with their gold, rewritten by every kind, extracted and
scored with the evaluation's scorer (eval/score.py)."""

from __future__ import annotations

import importlib.util
import os
import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.rewrite.kinds import KINDS
from tests.rewrite.model import Sample, check_gold, load_gold

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("FENGONG_SHARED", ROOT.parent / "shared"))  # as tests/conftest.py
# (documents, gold) folders in the repository; the shared extra set joins when present.
REPO_SETS = (
    (ROOT / "samples", ROOT / "eval" / "gold"),
    (ROOT / "tests" / "data" / "docs", ROOT / "tests" / "data" / "gold"),
)
SHARED_SETS = ((SHARED / "samples-extra", SHARED / "eval" / "gold-extra"),)


def base_samples(with_shared: bool = False) -> list[Sample]:
    """Every document that has a gold file, from the repository (and ../shared's extra set)."""
    from fengong.ingest.readers import read_path

    sets = REPO_SETS + (SHARED_SETS if with_shared else ())
    out = []
    for docs, gold_dir in sets:
        if not gold_dir.is_dir():
            continue
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = load_gold(gold_path)
            doc = docs / gold["document"]
            if doc.exists():
                out.append(Sample(doc.name, read_path(doc), gold, doc.name))
    return out


def generate(bases: Iterable[Sample], kinds: Iterable[str], variants: int, seed: int = 0) -> list[Sample]:
    """Up to ``variants`` distinct rewrites of each base document by each kind, seeded.
    Every rewritten gold is checked against FORMAT.md's rules before it is kept."""
    out: list[Sample] = []
    for base in bases:
        for name in kinds:
            seen: set[str] = set()
            for attempt in range(variants * 3):
                if len(seen) >= variants:
                    break
                rng = random.Random(f"{seed}:{base.name}:{name}:{attempt}")
                new = KINDS[name](base, rng)
                if new is None or new.text == base.text or new.text in seen:
                    continue
                seen.add(new.text)
                stem = base.name.rsplit(".", 1)[0]
                new.name = f"{stem}.{name}.{len(seen)}.txt"
                new.gold["document"] = new.name
                check_gold(new.gold, base.gold)
                out.append(Sample(new.name, new.text, new.gold, base.name, (name,)))
    return out


def ci_sample(seed: int, variants: int, min_per_kind: int) -> list[Sample]:
    """The repository's documents, ``variants`` rewrites of each by every kind; kinds that apply
    to few documents get up to three times as many, so that each has ``min_per_kind`` or more."""
    bases = base_samples()
    corpus = generate(bases, sorted(KINDS), variants, seed)
    counts = Counter(s.kinds[0] for s in corpus)
    few = [k for k in sorted(KINDS) if counts[k] < min_per_kind]
    return [s for s in corpus if s.kinds[0] not in few] + generate(bases, few, 3 * variants, seed)


@cache
def scorer() -> ModuleType:
    """eval/score.py as a module (standard library only)."""
    spec = importlib.util.spec_from_file_location("fengong_eval_score", ROOT / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(sample: Sample) -> list[dict[str, Any]]:
    """What `fengong extract --jsonl` prints for the sample's text."""
    from fengong.ingest.export_jsonl import task_lines
    from fengong.ingest.pipeline import extract_text

    return task_lines(extract_text(sample.text, sample.name))


def score_samples(
    samples: list[Sample], outputs: dict[str, list[dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """Figures per rewrite kind (the scorer's summary over that kind's documents), plus "all"."""
    score = scorer()
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for s in samples:
        counts = score.score_document(s.gold, outputs.get(s.name, []), [])
        for key in (s.kinds[0], "all"):
            totals[key]["documents"] += 1
            for k, v in counts.items():
                totals[key][k] += v
    return {k: {**score.summarize(dict(c)), "documents": c["documents"]} for k, c in totals.items()}


def explain(sample: Sample, output: list[dict[str, Any]]) -> list[str]:
    """The scorer's list of misses for one sample."""
    lines: list[str] = []
    scorer().score_document(sample.gold, output, lines)
    return lines
