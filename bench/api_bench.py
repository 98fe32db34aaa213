"""HTTP API load benchmark: p50 / p99 latency and requests/s at 32 concurrent connections.

    .venv/bin/python -m bench.api_bench                      # embedded store
    eval "$(docker/neo4j-local start)"; .venv/bin/python -m bench.api_bench --stores embedded neo4j

The server (uvicorn, one process, loopback only) runs in a child process over the five samples;
the load generator (httpx2 + asyncio, keep-alive connections) runs in this process. Each
endpoint is driven for ``--seconds`` with the answer cache on (the default, FENGONG_CACHE_TTL=30)
and off (every request runs its queries). Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx2

ROOT = Path(__file__).resolve().parents[1]
ENDPOINTS = {
    "/ask (zh)": "/ask?q=" + quote("哪些部门在哪些城市牵头转供电改直供电"),
    "/units/{unit}": "/units/" + quote("聊城市工业和信息化局"),
}


def serve(store_kind: str, port: int, cache_ttl: float) -> None:
    """Child process: load the samples into a fresh store and serve the API on 127.0.0.1:port."""
    import uvicorn

    from fengong.api.app import ApiSettings, create_app
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store
    from fengong.ingest.pipeline import extract_path

    with tempfile.TemporaryDirectory(prefix="fengong-api-bench-") as tmp:
        settings = ApiSettings(
            store=settings_from_env(store=store_kind, data_dir=Path(tmp)), cache_ttl_s=cache_ttl
        )
        store = open_store(settings.store)
        if store_kind == "neo4j":
            store.wipe()
        store.load_documents(extract_path(p) for p in sorted((ROOT / "samples").glob("*.txt")))
        uvicorn.run(
            create_app(settings, store), host="127.0.0.1", port=port, log_level="warning", access_log=False
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def drive(
    urls: list[str], concurrency: int, seconds: float, ok: frozenset[int] = frozenset({200})
) -> tuple[list[float], int, float]:
    """``concurrency`` keep-alive clients (httpx2) asking ``urls`` in turn for ``seconds``:
    latencies, answers with a status outside ``ok``, elapsed seconds. Every URL (and every
    connection) is asked once before measuring, which warms the server's caches and engines."""
    limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    errors = 0
    turn = 0
    async with httpx2.AsyncClient(limits=limits, timeout=120) as client:
        for i in range(max(len(urls), concurrency)):
            await client.get(urls[i % len(urls)])
        stop = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors, turn
            while time.perf_counter() < stop:
                url = urls[turn % len(urls)]
                turn += 1
                start = time.perf_counter()
                r = await client.get(url)
                latencies.append(time.perf_counter() - start)
                errors += r.status_code not in ok

        begin = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - begin
    return latencies, errors, elapsed


_WRK_LINE = re.compile(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _drive_wrk(url: str, concurrency: int, seconds: float) -> tuple[int, float, float, float, int]:
    """wrk (C, its own process): requests, req/s, p50 ms, p99 ms, non-2xx."""
    subprocess.run(["wrk", "-t1", "-c1", "-d1s", url], check=True, capture_output=True)  # warm up
    out = subprocess.run(
        ["wrk", "-t2", f"-c{concurrency}", f"-d{seconds:g}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return wrk_figures(out)


def wrk_figures(out: str) -> tuple[int, float, float, float, int]:
    """wrk's report (run with --latency): requests, req/s, p50 ms, p99 ms, non-2xx responses."""
    pct = {m.group(1): float(m.group(2)) * _UNITS[m.group(3)] for m in _WRK_LINE.finditer(out)}
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return requests, rate, pct["50"], pct["99"], int(bad.group(1)) if bad else 0


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@contextlib.contextmanager
def serve_child(module: str, args: list[str], what: str, start_s: float = 120) -> Iterator[str]:
    """``python -m MODULE --serve … --port P`` in a child process on a free loopback port; yields its
    base URL once /health answers, and stops it afterwards (both benchmarks serve this way)."""
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", module, "--serve", *args, "--port", str(port)], cwd=ROOT, env=os.environ.copy()
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_s
        while True:
            try:
                if httpx2.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            if time.monotonic() > deadline or child.poll() is not None:
                raise SystemExit(f"the {what} server did not start")
            time.sleep(0.2)
        yield base
    finally:
        child.terminate()
        child.wait(timeout=30)


def bench(store_kind: str, cache_ttl: float, concurrency: int, seconds: float, driver: str) -> list[str]:
    """Run the server in a child process and drive each endpoint; Markdown rows."""
    with serve_child("bench.api_bench", [store_kind, "--cache-ttl", str(cache_ttl)], store_kind) as base:
        rows = []
        for label, path in ENDPOINTS.items():
            if driver == "wrk":
                count, rate, p50, p99, errors = _drive_wrk(base + path, concurrency, seconds)
            else:
                latencies, errors, elapsed = asyncio.run(drive([base + path], concurrency, seconds))
                count, rate = len(latencies), len(latencies) / elapsed
                p50, p99 = statistics.median(latencies) * 1000, percentile(latencies, 99) * 1000
            rows.append(
                f"| {store_kind} | {'on' if cache_ttl > 0 else 'off'} | `{label}` | {count} | "
                f"{rate:,.0f} | {p50:.1f} | {p99:.1f} | {errors} |"
            )
            print(rows[-1], flush=True)
        return rows


def main() -> None:
    """Parse options; serve (child) or benchmark (parent)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stores", nargs="+", default=["embedded"], choices=["embedded", "neo4j"])
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--driver",
        choices=["wrk", "httpx2"],
        default="wrk" if shutil.which("wrk") else "httpx2",
        help="load generator: wrk (Debian package, default when installed) or httpx2 + asyncio",
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--serve", choices=["embedded", "neo4j"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache-ttl", type=float, default=30.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.cache_ttl)
        return
    header = [
        f"{args.concurrency} concurrent keep-alive connections ({args.driver}), {args.seconds:g} s per row, "
        "loopback, one uvicorn process",
        "",
        "| store | answer cache | endpoint | requests | req/s | p50 ms | p99 ms | non-200 |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(header), flush=True)
    rows = []
    for store_kind in args.stores:
        for ttl in (30.0, 0.0):
            rows += bench(store_kind, ttl, args.concurrency, args.seconds, args.driver)
    print("\n" + "\n".join(header + rows))


if __name__ == "__main__":
    main()
