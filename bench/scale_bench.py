"""Scale benchmark: generated corpora of N documents, extracted and ingested into both stores.

    eval "$(docker/neo4j-local start)"    # NEO4J_HEAP=4g NEO4J_PAGECACHE=2g for large N
    .venv/bin/python -m bench.scale_bench --count 1000 --count 10000
    .venv/bin/python -m bench.scale_bench --count 100000 --phases extract,neo4j-bulk

For each N, ``bench/gen_documents.py`` writes N text documents (GBK and UTF-8, noise, ~5 %
duplicates under other names) into a temporary directory; then, side by side in one run:

a. extraction alone: ``extract_many`` on ``--workers`` worker processes (documents/s, chars/s);
b. full ingest (``fengong.ingest_service.ingest_paths``) into a fresh embedded store;
c. full ingest into Neo4j (wiped first, constraints kept);
e. the bulk first load into Neo4j (``neo4j-bulk``): ``fengong.bulk.bulk_csv_paths`` writes the
   neo4j-admin CSV set (extraction in the workers), then the server started by
   ``docker/neo4j-local`` is stopped, ``neo4j-admin database import full`` replaces its database,
   the server starts again and the store's constraints and indexes are built (online); all timed;
f. the bulk first load into a new embedded store (``embedded-bulk``): the same CSV set, then
   ``COPY`` (``fengong.bulk.bulk_load_paths``);
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
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PHASES = ("extract", "embedded", "embedded-bulk", "neo4j", "neo4j-bulk")
STORE_PHASES = ("embedded", "embedded-bulk", "neo4j", "neo4j-bulk")
NEO4J_LOCAL = ROOT / "docker" / "neo4j-local"


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
    from fengong.graph.store import StoreError
    from fengong.queries.named import list_queries, run_named

    values = pick_params(store)
    out: dict[str, dict[str, float]] = {}
    for query in list_queries():
        params = {p.name: values[p.name] for p in query.params if p.name in values}
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            try:
                rows = len(run_named(store, query.name, params))
            except StoreError as exc:  # past the time limit, or out of memory: say so, do not rerun
                times, rows = [float("inf")], -1 if "time limit" in str(exc) else -2
                print(f"{query.name}: {exc}", file=sys.stderr)
                break
            times.append((time.perf_counter() - start) * 1000)
        out[query.name] = {"ms": statistics.median(times), "rows": rows}
    return out


def phase_ingest(kind: str, folder: Path, workers: int, data_dir: Path) -> dict[str, Any]:
    """Full ingest of ``folder`` into a fresh store of ``kind``, then the named-query latencies."""
    from fengong.bulk import bulk_load_paths
    from fengong.graph.embedded import EmbeddedStore
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store
    from fengong.ingest_service import ingest_paths

    if kind == "neo4j":
        store = open_store(settings_from_env(store="neo4j"))
        store.wipe()  # not timed: every run starts from an empty database
    else:
        store = open_store(settings_from_env({}, store="embedded", data_dir=data_dir / kind))
    try:
        start = time.perf_counter()
        if kind == "embedded-bulk":
            assert isinstance(store, EmbeddedStore)
            report = bulk_load_paths(store, [folder], workers=workers)
        else:
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


def neo4j_local(*args: str) -> str:
    """Run docker/neo4j-local; its stdout (export lines for ``start``)."""
    done = subprocess.run([str(NEO4J_LOCAL), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"docker/neo4j-local {args[0]} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )
    return done.stdout


def phase_neo4j_bulk(folder: Path, workers: int, tmp: Path, home: Path) -> dict[str, Any]:
    """Bulk first load: CSV set, neo4j-admin import into the server's home, restart, schema."""
    from urllib.parse import urlsplit

    from fengong.bulk import bulk_csv_paths
    from fengong.graph.export.admin_csv import admin_import_args
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    bolt = str(urlsplit(os.environ["NEO4J_URI"]).port or 7687)
    http = os.environ.get("NEO4J_HTTP_PORT", "7474")
    out = tmp / "bulk-set"
    start = time.perf_counter()
    # The server is not needed while the set is written: it stops meanwhile, as an operator would.
    stopping = threading.Thread(target=neo4j_local, args=("stop", "--home", str(home)))
    stopping.start()
    report = bulk_csv_paths([folder], out, workers=workers)
    t_csv = time.perf_counter() - start
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stopping.join()
    t0 = time.perf_counter()
    neo4j_local("admin-import", "--fresh", "--home", str(home), "neo4j", *admin_import_args(out))
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    neo4j_local("start", "--home", str(home), "--bolt-port", bolt, "--http-port", http)
    store = open_store(settings_from_env(store="neo4j"))  # creates the constraints and indexes, waits
    t_online = time.perf_counter() - t0
    seconds = time.perf_counter() - start
    try:
        counts = store.counts()
        latencies = query_latencies(store)
    finally:
        store.close()
    set_mb = sum(f.stat().st_size for f in out.iterdir()) / 1e6
    return {"files": report.files, "loaded": report.loaded, "duplicates": report.duplicates,
            "unchanged": report.unchanged, "errors": len(report.errors), "tasks": report.tasks,
            "nodes": counts["nodes"], "relationships": counts["relationships"], "seconds": seconds,
            "csv_seconds": t_csv, "import_seconds": t_import, "online_seconds": t_online, "set_mb": set_mb,
            "queries": latencies, "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_worker_mb": workers_peak}  # fmt: skip


def run_phase(phase: str, folder: Path, workers: int, tmp: Path, home: Path) -> dict[str, Any]:
    """Run one phase in a fresh interpreter (clean peak-RSS counters) and return its JSON result."""
    cmd = [sys.executable, "-m", "bench.scale_bench", "--phase", phase, "--dir", str(folder),
           "--workers", str(workers), "--tmp", str(tmp), "--neo4j-home", str(home)]  # fmt: skip
    out = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"phase {phase} failed:\n{out.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        json.dumps({"phase": phase, **result}, ensure_ascii=False), file=sys.stderr
    )  # kept if a later phase fails
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


def _latency(q: dict[str, float]) -> str:
    if q["rows"] < 0:
        return "time limit" if q["rows"] == -1 else "failed (see the run's log)"
    return f"{q['ms']:.1f} ({q['rows']:,.0f})"


def markdown(results: list[dict[str, Any]], workers: int) -> str:
    """The throughput table and the query-latency table."""
    lines = [
        "| N | phase | documents loaded | tasks | nodes | relationships | wall s | documents/s | "
        "chars/s | peak RSS main MB | peak RSS worker MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        n = r["count"]
        if "extract" in r:
            ex = r["extract"]
            lines.append(
                f"| {n:,} | extraction only ({workers} workers) | {ex['documents']:,} | {ex['tasks']:,} | | | "
                f"{ex['seconds']:.1f} | {ex['files'] / ex['seconds']:.0f} | {ex['chars'] / ex['seconds']:,.0f} | "
                f"{ex['rss_main_mb']:.0f} | {ex['rss_worker_mb']:.0f} |"
            )
        for kind in STORE_PHASES:
            if kind not in r:
                continue
            s = r[kind]
            what = (
                "bulk first load → neo4j (CSV + neo4j-admin + schema)"
                if kind == "neo4j-bulk"
                else f"ingest → {kind}"
            )
            lines.append(
                f"| {n:,} | {what} | {s['loaded']:,} ({s['duplicates'] + s['unchanged']} skipped) | {s['tasks']:,} | "
                f"{s['nodes']:,} | {s['relationships']:,} | {s['seconds']:.1f} | "
                f"{s['files'] / s['seconds']:.0f} | | {s['rss_main_mb']:.0f} | {s['rss_worker_mb']:.0f} |"
            )
            if kind == "neo4j-bulk":
                lines.append(
                    f"| | of which: CSV set {s['csv_seconds']:.1f} s ({s['set_mb']:,.0f} MB), neo4j-admin import "
                    f"{s['import_seconds']:.1f} s, restart + constraints and indexes {s['online_seconds']:.1f} s "
                    "| | | | | | | | | |"
                )
    header = ["query"] + [f"{k} N={r['count']:,}" for r in results for k in STORE_PHASES if k in r]
    lines += ["", "Named-query latency, ms (median of 3; rows returned in brackets):", "",
              "| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]  # fmt: skip
    with_queries = [r[k]["queries"] for r in results for k in STORE_PHASES if k in r]
    names = sorted(with_queries[0]) if with_queries else []
    for name in names:
        cells = [_latency(r[k]["queries"][name]) for r in results for k in STORE_PHASES if k in r]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, action="append", help="corpus size N (repeatable)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--phases", default=",".join(PHASES), help=f"comma-separated, of: {', '.join(PHASES)}")
    ap.add_argument("--no-neo4j", action="store_true", help="skip the Neo4j phases")
    ap.add_argument(
        "--neo4j-home",
        type=Path,
        default=Path(os.environ.get("FENGONG_NEO4J_HOME") or Path.home() / ".cache/fengong/neo4j") / "home",
        help="home of the server docker/neo4j-local started (neo4j-bulk replaces its database)",
    )
    ap.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:  # a child process: one phase, JSON on the last line of stdout
        if args.phase == "extract":
            result = phase_extract(args.dir, args.workers)
        elif args.phase == "neo4j-bulk":
            result = phase_neo4j_bulk(args.dir, args.workers, args.tmp, args.neo4j_home)
        else:
            result = phase_ingest(args.phase, args.dir, args.workers, args.tmp / "graph")
        print(json.dumps(result, ensure_ascii=False))
        return

    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = [p for p in phases if p not in PHASES]
    if unknown:
        ap.error(f"unknown phase(s) {', '.join(unknown)}; known: {', '.join(PHASES)}")
    if args.no_neo4j:
        phases = [p for p in phases if not p.startswith("neo4j")]
    if any(p.startswith("neo4j") for p in phases) and not os.environ.get("NEO4J_URI"):
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
            for phase in phases:
                row[phase] = run_phase(phase, corpus, args.workers, tmp, args.neo4j_home)
                print(f"N={count}: {phase} {row[phase]['seconds']:.1f} s", file=sys.stderr)
            results.append(row)
    print(markdown(results, args.workers))
    print("\n<!-- raw -->\n" + json.dumps(results, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
