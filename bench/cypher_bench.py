"""What running user Cypher in a worker process costs: p50 / p99 latency of one small query
in-process on a read-only handle, through a Cypher worker (``CypherPool.run``), and end to end over
HTTP (``POST /cypher`` on a real ``fengong serve``, one client, keep-alive), on the embedded store.

    .venv/bin/python -m bench.cypher_bench [--n 500]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args()

    from fengong.graph.cypher_pool import CypherPool, PoolSettings
    from fengong.graph.store import open_store
    from tests.cypher_attack_support import serving

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
            rows.append(
                ("HTTP GET /health (in-process reads, for scale)",
                 timed(args.n, lambda: http.get("/health").raise_for_status()))
            )  # fmt: skip
        print("| path | p50 ms | p99 ms |\n|---|---:|---:|")
        for name, (p50, p99) in rows:
            print(f"| {name} | {p50:.2f} | {p99:.2f} |")


if __name__ == "__main__":
    main()
