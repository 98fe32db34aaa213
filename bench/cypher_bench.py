"""What running user Cypher in a worker process costs: p50 / p99 latency of one small query
in-process on a read-only handle, through a Cypher worker (``CypherPool.run``), and end to end over
HTTP: ``POST /cypher`` on a real ``fengong serve`` (worker) beside the same endpoint shape answered
in the server process (a minimal uvicorn app calling ``store.run``, as ``/cypher`` did before the
workers), one client, keep-alive, on the embedded store.

    .venv/bin/python -m bench.cypher_bench [--n 500]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx2

QUERY = "MATCH (d:Document) RETURN count(d) AS n"


def timed(n: int, call: Callable[[], object]) -> tuple[float, float]:
    """p50 and p99 in milliseconds of ``n`` calls (after 20 warm-up calls)."""
    for _ in range(20):
        call()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49], cuts[98]


def serve_in_process(port: int, data: str) -> None:
    """Child process: ``POST /cypher`` answered by ``store.run`` in the server process."""
    import uvicorn
    from fastapi import FastAPI

    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    store = open_store(settings_from_env({}, data_dir=Path(data)), read_only=True)
    app = FastAPI()

    @app.post("/cypher")
    def cypher(body: dict[str, object]) -> dict[str, object]:
        rows = store.run(str(body["query"]), {}, timeout=10, limit=1000)
        return {"columns": rows.columns, "rows": list(rows), "count": len(rows), "truncated": rows.truncated}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--serve-in-process", nargs=2, metavar=("PORT", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_in_process:
        serve_in_process(int(args.serve_in_process[0]), args.serve_in_process[1])
        return

    from fengong.graph.cypher_pool import CypherPool, PoolSettings
    from fengong.graph.store import open_store
    from tests.cypher_attack_support import serving
    from tests.test_api_support import free_port

    with (
        tempfile.TemporaryDirectory(prefix="fengong-cypher-bench-") as tmp,
        serving("embedded", Path(tmp)) as served,
    ):
        rows: list[tuple[str, tuple[float, float]]] = []
        store = open_store(served.settings, read_only=True)
        try:
            rows.append(("in-process, read-only handle", timed(args.n, lambda: store.run(QUERY, limit=10))))
        finally:
            store.close()
        with CypherPool(served.settings, PoolSettings(workers=1)) as pool:
            rows.append(
                ("Cypher worker (pipe)", timed(args.n, lambda: pool.run(QUERY, timeout=10, limit=10)))
            )
        with served.client() as http:
            rows.append(
                ("HTTP POST /cypher (server + worker)",
                 timed(args.n, lambda: http.post("/cypher", json={"query": QUERY}).raise_for_status()))
            )  # fmt: skip
        port = free_port()
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.cypher_bench", "--serve-in-process", str(port), str(served.data)]
        )
        try:
            with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        http.post("/cypher", json={"query": QUERY}).raise_for_status()
                        break
                    except httpx2.TransportError:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.1)
                rows.append(
                    ("HTTP POST /cypher answered in the server process",
                     timed(args.n, lambda: http.post("/cypher", json={"query": QUERY}).raise_for_status()))
                )  # fmt: skip
        finally:
            child.terminate()
            child.wait(10)
        print("| path | p50 ms | p99 ms |\n|---|---:|---:|")
        for name, (p50, p99) in rows:
            print(f"| {name} | {p50:.2f} | {p99:.2f} |")


if __name__ == "__main__":
    main()
