"""/ask latency with varied questions on a large store: p50 / p99 at 32 concurrent clients, with the
answer cache off (every request reads the question and runs its query) and on (a TTL of an hour,
so the warm-up pass fills it).

    .venv/bin/python -m bench.ask_bench --documents 2000                 # embedded store
    eval "$(docker/neo4j-local start)"; .venv/bin/python -m bench.ask_bench --stores embedded neo4j

The store holds ``--documents`` variants of the samples moved to other places (bench/corpus.py)
plus the test documents of tests/data/ask_docs; it is built once per store kind and size (the
embedded one under --data, Neo4j wiped and loaded when its document count differs). The questions
are the question suite (tests/data/ask_questions.yaml) plus questions about the corpus's places,
each client taking the next one in turn, so no URL is repeated back to back. Before measuring,
every question is asked once (the dictionary, the store's unit names and the engines warm up);
with several server processes (``--workers``, a row for each count), wrk then runs ``WARM_S``
unmeasured, so that every process has answered the questions (and filled its page cache) first.
Also prints the open-topic lookup through the term index beside a substring scan of every task,
and, for one client without the cache, the time to read a question and to run its query.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import yaml

from bench.api_bench import drive, percentile, serve_child, wrk_figures

if TYPE_CHECKING:
    from fengong.graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
WARM_S = 25.0
DOCS = ROOT / "tests" / "data" / "ask_docs"


def _store(kind: str, documents: int, data: Path) -> GraphStore:
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    return open_store(settings_from_env(store=kind, data_dir=data / f"{kind}-{documents}"))


def build(kind: str, documents: int, data: Path) -> None:
    """Load the corpus into the store unless it already holds it."""
    from bench.corpus import make_corpus
    from fengong.ingest.pipeline import extract_path
    from fengong.queries.named import run_named

    store = _store(kind, documents, data)
    want = documents + len(list(DOCS.glob("*.txt")))
    have = int(run_named(store, "document_count", {}, limit=1)[0]["total"])
    if have != want:
        start = time.perf_counter()
        store.wipe()
        store.load_documents(
            [*make_corpus(documents), *(extract_path(p) for p in sorted(DOCS.glob("*.txt")))]
        )
        print(f"{kind}: loaded {want} documents in {time.perf_counter() - start:.0f} s", flush=True)
    store.close()


def questions(documents: int, held: list[str] | None = None) -> list[str]:
    """The suite's questions and questions about the corpus's places (``held``: the places a
    prebuilt store holds, else those bench/corpus.py gives its documents)."""
    from bench.corpus import place_names

    suite = yaml.safe_load((ROOT / "tests" / "data" / "ask_questions.yaml").read_text(encoding="utf-8"))
    out = [q["q"] for q in suite["questions"]]
    cities = (
        held or [name for name, level, _, _ in place_names(max(documents // 5, 1)) if level == "city"][:16]
    )
    for city in cities:
        out += [f"{city}哪些部门牵头转供电改直供电", f"{city}工信局负责哪些任务", f"{city}哪些任务已经逾期"]
    return out


def serve(kind: str, documents: int, data: Path, port: int, cache_ttl: float, workers: int) -> None:
    """Child process: serve the API over the prebuilt store on 127.0.0.1:port (``workers`` server
    processes as ``fengong serve --workers`` starts them)."""
    import uvicorn

    from fengong.api.app import ApiSettings, create_app
    from fengong.api.workers import run_workers, worker_env
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    settings = ApiSettings(
        store=settings_from_env(store=kind, data_dir=data / f"{kind}-{documents}"), cache_ttl_s=cache_ttl
    )
    options: dict[str, Any] = {"host": "127.0.0.1", "port": port, "log_level": "warning", "access_log": False}
    if workers > 1:
        os.environ["FENGONG_CACHE_TTL"] = str(cache_ttl)
        with worker_env(settings.store, public=False, workers=workers):
            run_workers(workers, **options)
        return
    uvicorn.run(create_app(settings, open_store(settings.store)), **options)


_LUA = """paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def _drive_wrk(
    base: str, asked: list[str], concurrency: int, seconds: float
) -> tuple[int, float, float, float, int]:
    """wrk (C, its own process) cycling through the questions: requests, req/s, p50 ms, p99 ms,
    non-2xx (refused questions answer 422, so they are counted apart by the warm-up instead)."""
    paths = ", ".join(f'"/ask?q={quote(q)}"' for q in asked)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(_LUA % paths)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{concurrency}", f"-d{seconds:g}s", "--timeout", "120s", "--latency", "-s", f.name, base],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(f.name)
    requests, rate, p50, p99, _ = wrk_figures(out)
    return requests, rate, p50, p99, 0


def held_places(kind: str, documents: int, data: Path) -> tuple[int, list[str]]:
    """A prebuilt store's document count and sixteen of the cities its documents belong to."""
    from fengong.queries.named import run_named

    store = _store(kind, documents, data)
    total = int(run_named(store, "document_count", {}, limit=1)[0]["total"])
    rows = store.run(
        "MATCH (d:Document) WHERE d.city <> '' RETURN DISTINCT d.city AS city ORDER BY city LIMIT 16"
    )
    store.close()
    return total, [r["city"] for r in rows]


def bench(
    kind: str,
    documents: int,
    data: Path,
    cache_ttl: float,
    concurrency: int,
    seconds: float,
    prebuilt: bool,
    workers: int = 1,
) -> str:
    """Serve in a child process, drive /ask with varied questions; one Markdown row."""
    args = [kind, "--documents", str(documents), "--data", str(data), "--cache-ttl", str(cache_ttl)]
    args += ["--workers", str(workers)]
    held_count, held = held_places(kind, documents, data) if prebuilt else (0, None)
    with serve_child("bench.ask_bench", args, kind, start_s=300) as base:
        asked = questions(documents, held)
        urls = [f"{base}/ask?q={quote(q)}" for q in asked]
        if shutil.which("wrk"):
            asyncio.run(drive(urls, 1, 0))  # warm up: every question once
            if workers > 1:  # and every process (the kernel spreads connections over them), till warm
                _drive_wrk(base, asked, concurrency, WARM_S)
            count, rate, p50, p99, errors = _drive_wrk(base, asked, concurrency, seconds)
        else:
            # 422: a question the suite expects refused
            latencies, errors, elapsed = asyncio.run(drive(urls, concurrency, seconds, frozenset({200, 422})))
            count, rate = len(latencies), len(latencies) / elapsed
            p50, p99 = statistics.median(latencies) * 1000, percentile(latencies, 99) * 1000
        row = (
            f"| {kind} | {held_count or documents + len(list(DOCS.glob('*.txt')))} | {workers} | "
            f"{'on' if cache_ttl > 0 else 'off'} | "
            f"{len(asked)} | {count} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {errors} |"
        )
        print(row, flush=True)
        return row


def term_lookup(kind: str, documents: int, data: Path) -> str:
    """An open-topic phrase through the term index vs a substring scan of every task's text."""
    from fengong.ingest.terms import query_terms
    from fengong.queries.named import run_named

    store = _store(kind, documents, data)
    phrase = "河道清淤"
    terms = query_terms(phrase)
    timings = {}
    for label, name, params in (
        ("term index", "term_units", {"terms": terms, "phrase": phrase}),
        ("substring scan", "task_list", {"text": phrase, "limit": 2000}),
    ):
        run_named(store, name, params)
        start = time.perf_counter()
        for _ in range(5):
            rows = run_named(store, name, params)
        timings[label] = ((time.perf_counter() - start) / 5 * 1000, len(rows))
    store.close()
    return f"{kind}: " + ", ".join(f"{k} {ms:.1f} ms ({n} rows)" for k, (ms, n) in timings.items())


def single(kind: str, documents: int, data: Path) -> str:
    """One client, no cache: the suite's questions in turn; reading vs query time (the query with
    the answer cap), and the whole answer as the web app asks for it (a page of 50 rows, grouped,
    serialised): p50 / p90 / max and the slowest three."""
    import datetime as dt
    import json

    from fengong.queries.ask import NotUnderstood, answer, interpret
    from fengong.queries.named import run_named

    store = _store(kind, documents, data)
    suite = yaml.safe_load((ROOT / "tests" / "data" / "ask_questions.yaml").read_text(encoding="utf-8"))
    today = dt.date(2021, 7, 1)
    timed: list[tuple[float, float, float, str]] = []
    for _round in (1, 2):  # the first round warms the engine and the name indexes
        timed = []
        for item in suite["questions"]:
            try:
                start = time.perf_counter()
                found = interpret(item["q"], store, today=today)
                read = time.perf_counter() - start
                start = time.perf_counter()
                run_named(store, found.query, found.params, limit=2000)
                query = time.perf_counter() - start
                start = time.perf_counter()
                json.dumps(answer(store, item["q"], today=today, limit=50).to_dict(), ensure_ascii=False)
                timed.append((time.perf_counter() - start, query, read, found.query))
            except NotUnderstood:
                continue
    store.close()
    whole = sorted(t for t, _, _, _ in timed)
    slow = ", ".join(f"{q} {t * 1000:.0f} ms" for t, _, _, q in sorted(timed, reverse=True)[:3])
    return (
        f"{kind}: reading p50 {statistics.median(r for _, _, r, _ in timed) * 1000:.1f} ms, "
        f"query p50 {statistics.median(q for _, q, _, _ in timed) * 1000:.1f} ms; a page of 50 "
        f"answered p50 {statistics.median(whole) * 1000:.1f} / p90 {percentile(whole, 90) * 1000:.0f} / "
        f"max {whole[-1] * 1000:.0f} ms; slowest: {slow}"
    )


def main() -> None:
    """Parse options; serve (child) or build and benchmark (parent)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--stores", nargs="+", default=["embedded"], choices=["embedded", "neo4j"])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=Path("/tmp/fengong-ask-bench"))
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--prebuilt", action="store_true",
        help="the stores already hold a corpus (the embedded one at DATA/embedded-N, e.g. a link to "
        "bench.webapp_bench's 10,000-document store): no build, questions about the places they hold",
    )  # fmt: skip
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="server processes, a row for each (default 1 2)",
    )
    parser.add_argument("--serve", choices=["embedded", "neo4j"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache-ttl", type=float, default=30.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.documents, args.data, args.port, args.cache_ttl, args.workers[0])
        return
    header = [
        f"/ask, {args.concurrency} concurrent keep-alive clients ({'wrk' if shutil.which('wrk') else 'httpx2'}), "
        "varied questions, "
        f"{args.seconds:g} s per row, loopback, uvicorn with the server processes of each row",
        "",
        "| store | documents | server processes | answer cache | questions | requests | req/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n".join(header), flush=True)
    rows, lookups = [], []
    for kind in args.stores:
        if not args.prebuilt:
            build(kind, args.documents, args.data)
        lookups.append(term_lookup(kind, args.documents, args.data))
        print(lookups[-1], flush=True)
        lookups.append(single(kind, args.documents, args.data))
        print(lookups[-1], flush=True)
        for workers in args.workers:
            for ttl in (0.0, 3600.0):  # cache on: long enough that the warm-up pass fills it
                rows.append(
                    bench(
                        kind, args.documents, args.data, ttl, args.concurrency, args.seconds, args.prebuilt,
                        workers,
                    )
                )  # fmt: skip
    print("\n" + "\n".join(header + rows + [""] + lookups))


if __name__ == "__main__":
    main()
