"""Export benchmark: time and peak memory of every export format on large generated graphs.

    .venv/bin/python -m bench.export_bench --docs 1100 5500     # ~20,000 and ~100,000 tasks

Documents come from ``bench.corpus`` (variants of the five samples moved to synthetic
places) and are loaded into a fresh embedded store per size. Each export then runs in its
own child process, so its peak RSS (``resource.getrusage``) is its own; a second child
run under ``tracemalloc`` gives the peak of Python allocations. Bounded memory shows as
peak figures that stay flat while the graph grows five-fold. The HTML view is measured
on one jurisdiction (a browser view of 100,000 tasks is not useful). Prints Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.corpus import make_corpus
from fengong.graph.export import FORMATS, ExportFilters, export
from fengong.graph.settings import settings_from_env
from fengong.graph.store import open_store

HTML_FILTER = {"jurisdiction": None}  # filled with the first synthetic place


def _rss_mb() -> float:
    """Peak resident set size of this process (MB): VmHWM, else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _current_mb() -> float:
    """Current resident set size (MB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return _rss_mb()


def _reset_peak() -> None:
    """Reset the kernel's peak-RSS mark (Linux >= 4.0) so the peak is the export's own."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def child(data: Path, fmt: str, out: Path, jurisdiction: str | None, trace: bool) -> None:
    """Run one export in this process and print its figures as JSON."""
    store = open_store(settings_from_env({}, store="embedded", data_dir=data), read_only=True)
    store.counts()  # warm the store before the baseline
    _reset_peak()
    base = _current_mb()
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    result = export(store, fmt, out, ExportFilters.of(jurisdiction=jurisdiction))
    seconds = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    size = sum(p.stat().st_size for p in out.iterdir()) if out.is_dir() else out.stat().st_size
    print(
        json.dumps(
            {"seconds": seconds, "items": result.items, "base_mb": base, "peak_mb": _rss_mb(),
             "traced_mb": traced, "bytes": size}
        )
    )  # fmt: skip
    store.close()


def _run_child(data: Path, fmt: str, out: Path, jurisdiction: str | None, trace: bool) -> dict:
    args = [sys.executable, "-m", "bench.export_bench", "--child", str(data), fmt, str(out)]
    args += ["--jurisdiction", jurisdiction] if jurisdiction else []
    args += ["--trace"] if trace else []
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{fmt} export failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(docs: int, work: Path, formats: list[str] | None = None) -> list[str]:
    """Load ``docs`` documents and export them in every format; Markdown table rows."""
    corpus = make_corpus(docs)
    place = corpus[0].jurisdiction.name if corpus[0].jurisdiction else None
    data = work / f"store-{docs}"
    store = open_store(settings_from_env({}, store="embedded", data_dir=data))
    start = time.perf_counter()
    stats = store.load_documents(corpus)
    load_s = time.perf_counter() - start
    counts = store.counts()
    store.close()
    del corpus
    print(
        f"# {docs} documents: {stats.tasks} tasks, {counts['nodes']} nodes, "
        f"{counts['relationships']} relationships (loaded in {load_s:.0f}s)",
        file=sys.stderr,
    )
    rows = []
    for fmt in formats or list(FORMATS):
        jurisdiction = place if fmt == "html" else None
        out = work / f"out-{docs}-{fmt}"
        timed = _run_child(data, fmt, out, jurisdiction, trace=False)
        traced = _run_child(data, fmt, work / f"traced-{docs}-{fmt}", jurisdiction, trace=True)
        scope = f" ({jurisdiction})" if jurisdiction else ""
        rows.append(
            f"| {stats.tasks:,} | {fmt}{scope} | {timed['items']:,} | {timed['seconds']:.1f} | "
            f"{timed['bytes'] / 2**20:.1f} | {timed['peak_mb']:.0f} | {timed['peak_mb'] - timed['base_mb']:.0f} | "
            f"{traced['traced_mb']:.1f} |"
        )
        print(rows[-1], file=sys.stderr)
    return rows


def main() -> None:
    """Parse arguments; run the benchmark (or one child measurement)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1100, 5500])
    parser.add_argument("--formats", nargs="+", choices=list(FORMATS), help="only these formats")
    parser.add_argument("--child", nargs=3, metavar=("DATA", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--jurisdiction", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        data, fmt, out = args.child
        child(Path(data), fmt, Path(out), args.jurisdiction, args.trace)
        return
    with tempfile.TemporaryDirectory(prefix="fengong-export-bench-") as tmp:
        rows = [row for docs in args.docs for row in measure(docs, Path(tmp), args.formats)]
    print("## Exports\n")
    print(f"`{' '.join(['.venv/bin/python -m bench.export_bench', '--docs', *map(str, args.docs)])}` "
          "(embedded store; each export in its own process)\n")  # fmt: skip
    print(
        "| tasks | format | items | seconds | output MB | peak RSS MB | growth over open store MB | Python peak MB (tracemalloc) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
