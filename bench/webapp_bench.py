"""Web app page-load benchmark: time to first render of each page, p50 / p95, on a large store.

    .venv/bin/python -m bench.webapp_bench --count 10000 --store /tmp/fengong-web-10k   # builds it once
    .venv/bin/python -m bench.webapp_bench --samples                                    # the five samples

The store is built once (``bench/gen_documents.py`` corpus, bulk first load into the embedded store)
and reused by later runs. The API (uvicorn, one process, loopback, answer cache off so every load runs
its queries, unless ``--cache-ttl``) serves it from a child process; headless Chromium (Playwright, the system's binary) opens each
page ``--runs`` times in a fresh page and times navigation start to the page's rendered signal
(``body[data-ready]``, set once its data is drawn). Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import uvicorn

ROOT = Path(__file__).resolve().parents[1]
CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HEADLINE = "哪些部门在哪些城市牵头转供电改直供电"


def build(store_dir: Path, count: int, seed: int) -> None:
    """Generate ``count`` documents and bulk-load them into a new embedded store at ``store_dir``."""
    from fengong.bulk import bulk_load_paths
    from fengong.graph.embedded import EmbeddedStore
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    sys.path.insert(0, str(ROOT / "bench"))
    from gen_documents import generate  # bench/ is not a package import path for the script

    with tempfile.TemporaryDirectory(prefix="fengong-web-corpus-") as tmp:
        for name, data in generate(count, seed):
            (Path(tmp) / name).write_bytes(data)
        store = open_store(settings_from_env({}, store="embedded", data_dir=store_dir))
        assert isinstance(store, EmbeddedStore)
        start = time.perf_counter()
        report = bulk_load_paths(store, [Path(tmp)], workers=2)
        print(
            f"built: {report.loaded} documents, {report.tasks} tasks in {time.perf_counter() - start:.0f} s"
        )
        store.close()


def open_samples(tmp: Path) -> Any:
    """A fresh embedded store with the five samples."""
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store
    from fengong.ingest.pipeline import extract_path

    store = open_store(settings_from_env({}, store="embedded", data_dir=tmp))
    store.load_documents(extract_path(p) for p in sorted((ROOT / "samples").glob("*.txt")))
    return store


def pages(store: Any) -> dict[str, str]:
    """One URL per page, on things the store holds: the busiest unit leading the headline topic's
    type of work, the document with the most tasks among the first page, and its place."""
    from fengong.queries.named import run_named

    docs = run_named(store, "document_list", {"jurisdiction": "", "skip": 0, "limit": 50})
    doc = max(docs, key=lambda d: d["tasks"])
    units = run_named(store, "unit_list", {"jurisdiction": doc["jurisdiction"], "unit_type": "", "kind": ""})
    unit = max(
        units[:40],
        key=lambda u: run_named(store, "unit_assignment_count", {"unit": u["id"]})[0]["total"],
    )
    return {
        "shell only (no data: the floor)": "/graph",
        "ask (headline question)": "/?q=" + quote(HEADLINE),
        "unit": f"/unit/{unit['id']}",
        "document (matrix)": f"/document/{doc['id']}",
        "place": f"/place/{quote(doc['jurisdiction'])}",
        "graph (unit focus)": f"/graph?kind=Unit&key={unit['id']}",
    }


def serve(store_dir: Path, port: int, cache_ttl: float) -> None:
    """Child process: the app over the embedded store at ``store_dir`` on 127.0.0.1:port, the
    answer cache's TTL ``cache_ttl`` (0: off). A process of its own, as ``fengong serve`` runs:
    served from a thread of the measuring process, the server shared the interpreter with
    Playwright's client and every page paid for it."""
    from fengong.api.app import ApiSettings, create_app
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    store = open_store(settings_from_env({}, store="embedded", data_dir=store_dir))
    app = create_app(ApiSettings(store=store.settings, cache_ttl_s=cache_ttl), store)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def measure(url: str, targets: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Milliseconds from navigation start to rendered, per page, ``runs`` times each (one warm-up)."""
    from playwright.sync_api import sync_playwright

    exe = next(p for p in map(shutil.which, CHROMIUMS) if p)
    times: dict[str, list[float]] = {name: [] for name in targets}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        for name, path in targets.items():
            for run in range(runs + 1):
                page = context.new_page()
                page.goto(url + path)
                page.wait_for_selector("body[data-ready='1']", timeout=60_000)
                ms = page.evaluate("performance.now()")  # since this page's navigation started
                page.close()
                if run:  # the first load warms the browser's asset cache and the store's pages
                    times[name].append(ms)
        browser.close()
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def main() -> None:
    """Build or open the store, serve it and time every page."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--store", type=Path, default=Path("/tmp/fengong-web-10k"))
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--cache-ttl", type=float, default=0.0, help="answer cache TTL (0: off, every load runs its queries)"
    )
    parser.add_argument(
        "--samples", action="store_true", help="the five samples instead of a generated store"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.api_bench import serve_child
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    if args.serve:
        serve(args.store, args.port, args.cache_ttl)
        return
    if args.samples:
        args.store = Path(tempfile.mkdtemp(prefix="fengong-web-samples-"))
        store = open_samples(args.store)
    else:
        if not args.store.exists():
            build(args.store, args.count, args.seed)
        store = open_store(settings_from_env({}, store="embedded", data_dir=args.store))
    counts = store.counts()
    targets = pages(store)
    store.close()  # the server process opens it
    child_args = ["--store", str(args.store), "--cache-ttl", str(args.cache_ttl)]
    with serve_child("bench.webapp_bench", child_args, "web app", start_s=300) as url:
        times = measure(url, targets, args.runs)
    print(
        f"\nstore: {counts['nodes']:,} nodes, {counts['relationships']:,} relationships; {args.runs} loads per page\n"
    )
    print("| page | URL | p50 ms | p95 ms | max ms |")
    print("|---|---|---:|---:|---:|")
    for name, values in times.items():
        print(
            f"| {name} | `{targets[name][:60]}` | {statistics.median(values):.0f} | {p95(values):.0f} "
            f"| {max(values):.0f} |"
        )


if __name__ == "__main__":
    main()
