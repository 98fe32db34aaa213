"""The whole rewrite corpus (tests/rewrite): strict F1 per rewrite kind, and extraction speed with
warm caches and cache-cold (every per-text cache of fengong.ingest cleared before each document).

    .venv/bin/python -m bench.rewrite_bench --variants 40

The base documents are the repository's (samples/ with eval/gold, tests/data) and, when a
../shared folder sits beside the repository, its extra set (samples-extra with gold-extra).
Prints a Markdown table per kind, beside the F1 of the same base documents unrewritten (the
rewrite's own effect is the difference), then the speeds in characters per CPU second (one
process: per core).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the generator lives in tests/rewrite
    sys.path.insert(0, str(ROOT))

from tests.rewrite.corpus import base_samples, ci_sample, extract, generate, score_samples, scorer  # noqa: E402
from tests.rewrite.kinds import KINDS  # noqa: E402
from tests.rewrite.model import Sample  # noqa: E402


def ingest_caches() -> tuple[list[tuple[str, Callable[[], None]]], list[str]]:
    """Every functools cache in fengong.ingest: (per-text caches with their cache_clear, names of
    vocabulary caches). A cache keyed by text (a parameter typed str: a unit name, a cell, a list)
    holds results per document's words and is cleared; one keyed by nothing or by a vocabulary
    (a loader, a matcher compiled from a taxonomy) stays warm."""
    import fengong.ingest as package

    per_text: list[tuple[str, Callable[[], None]]] = []
    loaders: list[str] = []
    for info in pkgutil.walk_packages(package.__path__, "fengong.ingest."):
        try:
            module = importlib.import_module(info.name)
        except ImportError as exc:  # an optional reader whose library is missing
            print(f"skipped {info.name}: {exc}", file=sys.stderr)
            continue
        candidates: list[tuple[str, Any]] = []
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                candidates += [(f"{name}.{a}", v) for a, v in vars(obj).items()]
            elif getattr(obj, "__module__", None) == module.__name__:
                candidates.append((name, obj))
        for name, obj in candidates:
            if not (hasattr(obj, "cache_clear") and hasattr(obj, "__wrapped__")):
                continue
            qualified = f"{module.__name__.removeprefix('fengong.')}.{name}"
            params = inspect.signature(obj.__wrapped__).parameters.values()
            if any("str" in str(p.annotation) for p in params):
                per_text.append((qualified, obj.cache_clear))
            else:
                loaders.append(qualified)
    return per_text, loaders


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", type=int, default=40, help="rewrites per base document and kind (at most)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-shared", action="store_true", help="only the repository's base documents")
    ap.add_argument(
        "--cold-passes",
        type=int,
        default=1,
        help="cache-cold passes; with more than one, also each document's fastest pass summed "
        "(less sensitive to other jobs on the machine)",
    )
    ap.add_argument(
        "--ci-floors",
        action="store_true",
        help="print the CI sample's strict F1 per kind (tests/test_rewrites.py)",
    )
    args = ap.parse_args()
    if args.ci_floors:
        print_ci_floors()
        return

    bases = base_samples(with_shared=not args.no_shared)
    t0 = time.perf_counter()
    corpus = generate(bases, sorted(KINDS), args.variants, args.seed)
    generated = time.perf_counter() - t0
    chars = sum(len(s.text) for s in corpus)
    print(
        f"corpus: {len(corpus):,} rewritten documents from {len(bases)} base documents, "
        f"{len(KINDS)} kinds, {chars:,} characters (generated in {generated:.1f} s, seed {args.seed})"
    )

    base_out = {b.name: extract(b) for b in bases}  # also warms vocabularies and patterns
    warm_out: dict[str, list[dict[str, Any]]] = {}
    warm = 0.0
    for s in corpus:
        t = time.process_time()
        warm_out[s.name] = extract(s)
        warm += time.process_time() - t

    per_text, loaders = ingest_caches()
    cold = 0.0
    fastest = [float("inf")] * len(corpus)
    for n in range(max(1, args.cold_passes)):
        for i, s in enumerate(corpus):
            for _, clear in per_text:
                clear()
            t = time.process_time()
            extract(s)
            spent = time.process_time() - t
            fastest[i] = min(fastest[i], spent)
            if n == 0:
                cold += spent

    print_table(corpus, bases, warm_out, base_out)
    print()
    print(f"extraction, warm caches: {chars / warm / 1e6:.2f} M characters/s per core ({warm:.1f} s CPU)")
    print(f"extraction, cache-cold:  {chars / cold / 1e6:.2f} M characters/s per core ({cold:.1f} s CPU)")
    if args.cold_passes > 1:
        best = sum(fastest)
        print(
            f"extraction, cache-cold, each document's fastest of {args.cold_passes} passes: "
            f"{chars / best / 1e6:.2f} M characters/s per core ({best:.1f} s CPU)"
        )
    print(f"cleared before each document ({len(per_text)}): {', '.join(n for n, _ in per_text)}")
    print(f"vocabulary loaders kept warm ({len(loaders)}): {', '.join(loaders)}")


def print_ci_floors() -> None:
    """The strict F1 per kind of tests/test_rewrites.py's sample, as its FLOOR table."""
    from tests.test_rewrites import MIN_PER_KIND, SEED, VARIANTS

    corpus = ci_sample(SEED, VARIANTS, MIN_PER_KIND)
    figures = score_samples(corpus, {s.name: extract(s) for s in corpus})
    print(f"# {len(corpus)} documents")
    for kind in sorted(KINDS):
        f1 = int(figures[kind]["strict"]["f1"] * 1000) / 1000
        print(f'    "{kind}": {f1},  # {figures[kind]["documents"]} documents')


def print_table(
    corpus: list[Sample],
    bases: list[Sample],
    out: dict[str, list[dict[str, Any]]],
    base_out: dict[str, list[dict[str, Any]]],
) -> None:
    """One Markdown row per kind: documents, characters, strict P/R/F1, task recall, deadline
    accuracy, and the strict F1 of the same base documents unrewritten."""
    score = scorer()
    by_name = {b.name: b for b in bases}
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    base_rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    base_scores = {b.name: score.score_document(b.gold, base_out[b.name], []) for b in bases}
    for s in corpus:
        counts = score.score_document(s.gold, out[s.name], [])
        base_counts = base_scores[by_name[s.base].name]
        for key in (s.kinds[0], "all kinds"):
            rows[key]["documents"] += 1
            rows[key]["characters"] += len(s.text)
            for k, v in counts.items():
                rows[key][k] += v
            for k, v in base_counts.items():
                base_rows[key][k] += v
    print(
        "| rewrite kind | documents | characters | strict P | strict R | strict F1 | task recall "
        "| deadline acc. | F1 unrewritten |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in [*sorted(k for k in rows if k != "all kinds"), "all kinds"]:
        r = score.summarize(dict(rows[key]))
        b = score.summarize(dict(base_rows[key]))
        st = r["strict"]
        print(
            f"| {key} | {rows[key]['documents']:,} | {rows[key]['characters']:,} | {st['p']:.3f} | {st['r']:.3f} "
            f"| **{st['f1']:.3f}** | {r['task_recall']:.3f} | {r['deadline_acc']:.3f} | {b['strict']['f1']:.3f} |"
        )


if __name__ == "__main__":
    main()
