"""Scale benchmark: generated corpora of N documents, extracted and ingested into both stores.

    eval "$(docker/neo4j-local start)"    # NEO4J_HEAP=4g NEO4J_PAGECACHE=2g for large N
    .venv/bin/python -m bench.scale_bench --count 1000 --count 10000

For each N, ``bench/gen_documents.py`` writes N text documents (GBK and UTF-8, noise, ~5 %
duplicates under other names) into a temporary directory; then, side by side in one run:

a. extraction alone: ``extract_many`` on ``--workers`` worker processes (documents/s, chars/s);
b. full ingest (``fengong.batch.ingest_paths``) into a fresh embedded store;
c. full ingest into Neo4j (wiped first, constraints kept);
d. the latency of every named query on both stores at that size (median of 3 runs), with
   parameter values picked from the loaded data.

Each phase runs in a fresh child process, so its peak RSS (``ru_maxrss`` of the phase process,
and the largest of its extraction workers via ``RUSAGE_CHILDREN``) belongs to that phase alone.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PHASES = ("extract", "embedded", "neo4j")


# -- phases (each runs in its own process) -------------------------------------------------------


def _peaks() -> dict[str, float]:
    """Peak RSS in MB of this process and of its largest (terminated) child; Linux reports KiB."""
    return {
        "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def phase_extract(folder: Path, workers: int) -> dict[str, Any]:
    """Extraction alone: every file through ``extract_many``, documents kept only long enough to count."""
    from fengong.ingest.parallel import extract_many

    files = sorted(folder.iterdir())
    start = time.perf_counter()
    docs = chars = tasks = failed = 0
    for result in extract_many(files, workers=workers):
        if result.document is None:
            failed += 1
            continue
        docs += 1
        chars += len(result.document.text)
        tasks += len(result.document.tasks)
    seconds = time.perf_counter() - start
    return {"files": len(files), "documents": docs, "failed": failed, "tasks": tasks, "chars": chars,
            "seconds": seconds, **_peaks()}  # fmt: skip


def pick_params(store: Any) -> dict[str, Any]:
    """Parameter values that exist in the loaded data: the busiest lead unit, its place and type."""
    busiest = store.run(
        "MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name AS unit, u.jurisdiction AS jurisdiction, "
        "u.unit_type AS unit_type, count(t) AS n ORDER BY n DESC, unit LIMIT 1"
    )[0]
    doc = store.run(
        "MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[:ABOUT]->(:Topic {name: '转供电改直供电'}) "
        "RETURN d.title AS title ORDER BY title LIMIT 1"
    )
    return {
        "topic": "转供电改直供电",
        "unit": busiest["unit"],
        "jurisdiction": busiest["jurisdiction"],
        "unit_type": busiest["unit_type"],
        "document": doc[0]["title"] if doc else "",
        "metric": "5G",
        "group_name": "工作专班",
        "before": "2021-06-30",
    }


def query_latencies(store: Any, runs: int = 3) -> dict[str, dict[str, float]]:
    """Median wall time (ms) of ``runs`` runs of every named query, with the rows it returned."""
    from fengong.graph.named_queries import list_queries, run_named

    values = pick_params(store)
    out: dict[str, dict[str, float]] = {}
    for query in list_queries():
        params = {p.name: values[p.name] for p in query.params if p.name in values}
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            rows = len(run_named(store, query.name, params))
            times.append((time.perf_counter() - start) * 1000)
        out[query.name] = {"ms": statistics.median(times), "rows": rows}
    return out


def phase_ingest(kind: str, folder: Path, workers: int, data_dir: Path) -> dict[str, Any]:
    """Full ingest of ``folder`` into a fresh store of ``kind``, then the named-query latencies."""
    from fengong.batch import ingest_paths
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    if kind == "neo4j":
        store = open_store(settings_from_env(store="neo4j"))
        store.wipe()  # not timed: every run starts from an empty database
    else:
        store = open_store(settings_from_env({}, store="embedded", data_dir=data_dir))
    try:
        start = time.perf_counter()
        report = ingest_paths(store, [folder], workers=workers)
        seconds = time.perf_counter() - start
        counts = store.counts()
        latencies = query_latencies(store)
    finally:
        store.close()
    return {"files": report.files, "loaded": report.loaded, "duplicates": report.duplicates,
            "unchanged": report.unchanged, "errors": len(report.errors), "tasks": report.tasks,
            "nodes": counts["nodes"], "relationships": counts["relationships"], "seconds": seconds,
            "queries": latencies, **_peaks()}  # fmt: skip


def run_phase(phase: str, folder: Path, workers: int, tmp: Path) -> dict[str, Any]:
    """Run one phase in a fresh interpreter (clean peak-RSS counters) and return its JSON result."""
    cmd = [sys.executable, "-m", "bench.scale_bench", "--phase", phase, "--dir", str(folder),
           "--workers", str(workers), "--tmp", str(tmp)]  # fmt: skip
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# -- the driver ----------------------------------------------------------------------------------


def generate_corpus(count: int, seed: int, out: Path) -> tuple[int, float]:
    """Write ``count`` generated documents into ``out``; (count, megabytes)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_documents import generate  # bench/ is not a package import path for the script

    total = 0
    for name, data in generate(count, seed):
        (out / name).write_bytes(data)
        total += len(data)
    return count, total / 1e6


def markdown(results: list[dict[str, Any]], workers: int) -> str:
    """The throughput table and the query-latency table."""
    lines = [
        "| N | phase | documents loaded | tasks | nodes | relationships | wall s | documents/s | "
        "chars/s | peak RSS main MB | peak RSS worker MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        n = r["count"]
        ex = r["extract"]
        lines.append(
            f"| {n:,} | extraction only ({workers} workers) | {ex['documents']:,} | {ex['tasks']:,} | | | "
            f"{ex['seconds']:.1f} | {ex['files'] / ex['seconds']:.0f} | {ex['chars'] / ex['seconds']:,.0f} | "
            f"{ex['rss_main_mb']:.0f} | {ex['rss_worker_mb']:.0f} |"
        )
        for kind in ("embedded", "neo4j"):
            if kind not in r:
                continue
            s = r[kind]
            lines.append(
                f"| {n:,} | ingest → {kind} | {s['loaded']:,} ({s['duplicates'] + s['unchanged']} skipped) | {s['tasks']:,} | "
                f"{s['nodes']:,} | {s['relationships']:,} | {s['seconds']:.1f} | "
                f"{s['files'] / s['seconds']:.0f} | | {s['rss_main_mb']:.0f} | {s['rss_worker_mb']:.0f} |"
            )
    header = ["query"] + [f"{k} N={r['count']:,}" for r in results for k in ("embedded", "neo4j") if k in r]
    lines += ["", "Named-query latency, ms (median of 3; rows returned in brackets):", "",
              "| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]  # fmt: skip
    names = sorted(next(r[k]["queries"] for r in results for k in ("embedded", "neo4j") if k in r))
    for name in names:
        cells = [
            f"{r[k]['queries'][name]['ms']:.1f} ({r[k]['queries'][name]['rows']:,})"
            for r in results
            for k in ("embedded", "neo4j")
            if k in r
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, action="append", help="corpus size N (repeatable)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-neo4j", action="store_true", help="skip the Neo4j phase")
    ap.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:  # a child process: one phase, JSON on the last line of stdout
        if args.phase == "extract":
            result = phase_extract(args.dir, args.workers)
        else:
            result = phase_ingest(args.phase, args.dir, args.workers, args.tmp / "graph")
        print(json.dumps(result, ensure_ascii=False))
        return

    if not args.no_neo4j and not os.environ.get("NEO4J_URI"):
        ap.error('NEO4J_URI is not set: eval "$(docker/neo4j-local start)" first, or pass --no-neo4j')
    results = []
    for count in args.count or [1000]:
        with tempfile.TemporaryDirectory(prefix="fengong-scale-") as tmp_name:
            tmp = Path(tmp_name)
            corpus = tmp / "docs"
            corpus.mkdir()
            _, mb = generate_corpus(count, args.seed, corpus)
            print(f"N={count}: {mb:.1f} MB generated", file=sys.stderr)
            row: dict[str, Any] = {"count": count, "mb": mb}
            for phase in PHASES:
                if phase == "neo4j" and args.no_neo4j:
                    continue
                row[phase] = run_phase(phase, corpus, args.workers, tmp)
                print(f"N={count}: {phase} {row[phase]['seconds']:.1f} s", file=sys.stderr)
            results.append(row)
    print(markdown(results, args.workers))
    print("\n<!-- raw -->\n" + json.dumps(results, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
