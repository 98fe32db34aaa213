"""Loading benchmark: the batched loaders of both stores vs a naive one-statement-per-row Neo4j loader.

    eval "$(docker/neo4j-local start)"
    .venv/bin/python -m bench.load_bench --docs 5000 --naive-docs 100
    .venv/bin/python -m bench.load_bench --docs 5000 --naive-docs 100 --bulk --neo4j-home ~/.cache/fengong/neo4j/home

Every loader starts from an empty database (Neo4j wiped, constraints kept; a fresh embedded
directory). The naive loader (one auto-commit ``session.run`` MERGE per node and per
relationship, as a first script would do) is measured on the first ``--naive-docs``
documents and compared per row. Prints a Markdown table for BENCHMARKS.md.

A Neo4j server is far slower in its first minutes than later: on two cores its JIT compiler
takes most of a core while the first load runs. With ``--neo4j-home`` the batched Neo4j loader
is therefore measured twice: first on that server restarted with new, empty databases (what
a first ``fengong ingest`` meets), then again on the same server after a wipe (a warm server).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import make_corpus
from fengong.graph.bulk_csv import BulkCsvWriter, BulkStats, document_part
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.export.admin_csv import admin_import_args
from fengong.graph.mapping import document_rows, topic_labels
from fengong.graph.schema import NODES, RELS, quote
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, open_store
from fengong.ingest.model import Document


@dataclass
class Result:
    """One loader's run."""

    name: str
    documents: int
    tasks: int
    nodes: int
    relationships: int
    seconds: float
    #: Bulk rows: seconds per step, and which step loads the written set into the store.
    phases: dict[str, float] = field(default_factory=dict)
    load_phase: str = ""

    @property
    def tasks_per_s(self) -> float:
        return self.tasks / self.seconds

    @property
    def rels_per_s(self) -> float:
        return self.relationships / self.seconds

    @property
    def rows_per_s(self) -> float:
        return (self.nodes + self.relationships) / self.seconds


def batched(name: str, store: GraphStore, docs: list[Document]) -> Result:
    """The store's own ``load_documents`` (one transaction per batch of documents)."""
    start = time.perf_counter()
    stats = store.load_documents(docs)
    seconds = time.perf_counter() - start
    return Result(name, stats.documents, stats.tasks, stats.nodes, stats.relationships, seconds)


def _write_set(docs: list[Document], out: Path, topic_en: dict[str, str]) -> BulkStats:
    writer = BulkCsvWriter(out)
    for doc in docs:
        writer.add(document_part(doc, topic_en))
    return writer.close()


def bulk_embedded(docs: list[Document], tmp: Path) -> Result:
    """The embedded bulk first load: the CSV set written from the documents, then COPY."""
    store = EmbeddedStore(settings_from_env({}, store="embedded", data_dir=tmp / "bulk-store"))
    start = time.perf_counter()
    stats = _write_set(docs, tmp / "set", store.topic_en())
    written = time.perf_counter()
    counts = store.bulk_load(tmp / "set")
    seconds = time.perf_counter() - start
    store.close()
    shutil.rmtree(tmp / "set")
    assert counts["relationships"] == stats.relationships
    phases = {"CSV set": written - start, "COPY": seconds - (written - start)}
    return Result("embedded (LadybugDB), bulk first load: CSV set + COPY", stats.documents, stats.tasks,
                  stats.nodes, stats.relationships, seconds, phases, "COPY")  # fmt: skip


def _server_ports() -> tuple[str, str]:
    """The Bolt and HTTP ports of the server the environment points at (for restarting it)."""
    from urllib.parse import urlsplit

    return str(urlsplit(os.environ["NEO4J_URI"]).port or 7687), os.environ.get("NEO4J_HTTP_PORT", "7474")


def bulk_neo4j(docs: list[Document], tmp: Path, home: Path) -> Result:
    """The Neo4j bulk first load: CSV set, neo4j-admin import (server stopped meanwhile), restart, schema."""
    from bench.scale_bench import neo4j_local

    bolt, http = _server_ports()
    marks = [time.perf_counter()]
    stopping = threading.Thread(target=neo4j_local, args=("stop", "--home", str(home)))
    stopping.start()
    stats = _write_set(docs, tmp / "set", topic_labels())
    marks.append(time.perf_counter())
    stopping.join()
    marks.append(time.perf_counter())
    # Replaces only the `neo4j` database: the system database, its users and password stay.
    neo4j_local("admin-import", "--home", str(home), "neo4j", "--overwrite-destination=true",
                *admin_import_args(tmp / "set"))  # fmt: skip
    marks.append(time.perf_counter())
    neo4j_local("start", "--home", str(home), "--bolt-port", bolt, "--http-port", http)
    marks.append(time.perf_counter())
    store = open_store(settings_from_env(store="neo4j"))  # constraints and indexes, awaited
    marks.append(time.perf_counter())
    seconds = marks[-1] - marks[0]
    steps = ("CSV set", "stop (beyond the CSV set)", "neo4j-admin import", "start", "schema")
    phases = {name: b - a for name, a, b in zip(steps, marks[:-1], marks[1:], strict=True)}
    counts = store.counts()
    store.close()
    shutil.rmtree(tmp / "set")
    assert counts["relationships"] == stats.relationships
    return Result("Neo4j, bulk first load: CSV set + neo4j-admin import + restart + schema", stats.documents,
                  stats.tasks, stats.nodes, stats.relationships, seconds, phases,
                  "neo4j-admin import")  # fmt: skip


def restart_fresh(home: Path) -> None:
    """Stop the docker/neo4j-local server of ``home`` and start it again with new, empty databases."""
    from bench.scale_bench import neo4j_local

    bolt, http = _server_ports()
    neo4j_local("start", "--fresh", "--home", str(home), "--bolt-port", bolt, "--http-port", http)


def naive_neo4j(store: GraphStore, docs: list[Document]) -> Result:
    """One auto-commit MERGE per node and per relationship, through one session."""
    driver = store._driver  # the benchmark reuses the store's driver
    nodes = rels = tasks = 0
    start = time.perf_counter()
    with driver.session(database=store.settings.neo4j_database) as session:
        for doc in docs:
            rows = document_rows(doc, store.topic_en())
            for label, spec in NODES.items():
                q = f"MERGE (n:{quote(label)} {{{quote(spec.key)}: $key}}) SET n += $props"
                for row in rows.nodes[label]:
                    props = {k: v for k, v in row.items() if k != spec.key and v is not None}
                    session.run(q, key=row[spec.key], props=props).consume()
                    nodes += 1
            for rel_type, rspec in RELS.items():
                src, dst = NODES[rspec.src], NODES[rspec.dst]
                q = (
                    f"MATCH (a:{quote(src.label)} {{{quote(src.key)}: $src}}) "
                    f"MATCH (b:{quote(dst.label)} {{{quote(dst.key)}: $dst}}) "
                    f"MERGE (a)-[e:{quote(rel_type)}]->(b) SET e += $props"
                )
                for row in rows.rels[rel_type]:
                    props = {k: v for k, v in row.items() if k not in ("src", "dst") and v is not None}
                    session.run(q, src=row["src"], dst=row["dst"], props=props).consume()
                    rels += 1
            tasks += len(rows.nodes["Task"])
    return Result(
        "Neo4j, naive (1 auto-commit MERGE per row)",
        len(docs),
        tasks,
        nodes,
        rels,
        time.perf_counter() - start,
    )


def transactional_neo4j(
    corpus: list[Document], naive_docs: int, home: Path | None, results: list[Result]
) -> Result:
    """The batched Neo4j loader (on a just-started server too when ``home`` is known), then the naive one."""
    if home:
        restart_fresh(home)
    store = open_store(settings_from_env(store="neo4j"))
    store.wipe()
    if home:
        results.append(batched("Neo4j, batched UNWIND, server just started", store, corpus))
        store.wipe()
        results.append(batched("Neo4j, batched UNWIND, warm server", store, corpus))
    else:  # how warm the running server is, is unknown
        results.append(batched("Neo4j, batched UNWIND", store, corpus))
    store.wipe()
    naive = naive_neo4j(store, corpus[:naive_docs])
    results.append(naive)
    store.wipe()
    store.close()
    return naive


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown report."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000, help="corpus size (documents)")
    ap.add_argument("--naive-docs", type=int, default=100, help="documents for the naive loader")
    ap.add_argument("--stores", default="embedded,neo4j", help="comma-separated: embedded,neo4j")
    ap.add_argument(
        "--bulk", action="store_true", help="also the bulk first loads (CSV set + COPY / neo4j-admin)"
    )
    ap.add_argument("--bulk-only", action="store_true", help="only the bulk first loads")
    ap.add_argument(
        "--neo4j-home",
        type=Path,
        help="home of the docker/neo4j-local server: restarted fresh for the first Neo4j load, and for the bulk row",
    )
    args = ap.parse_args(argv)
    kinds = args.stores.split(",")
    transactional, bulk = not args.bulk_only, args.bulk or args.bulk_only

    t0 = time.perf_counter()
    corpus = make_corpus(args.docs)
    print(f"corpus: {len(corpus)} documents built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    results: list[Result] = []
    if "embedded" in kinds:
        with tempfile.TemporaryDirectory() as tmp:
            if transactional:
                store = open_store(settings_from_env({}, store="embedded", data_dir=Path(tmp)))
                results.append(batched("embedded (LadybugDB), batched UNWIND", store, corpus))
                store.close()
            if bulk:
                results.append(bulk_embedded(corpus, Path(tmp)))
    naive: Result | None = None
    if "neo4j" in kinds:
        if not os.environ.get("NEO4J_URI"):
            print('NEO4J_URI unset: skipping Neo4j (eval "$(docker/neo4j-local start)")', file=sys.stderr)
        elif transactional:
            naive = transactional_neo4j(corpus, args.naive_docs, args.neo4j_home, results)
        if bulk and args.neo4j_home and os.environ.get("NEO4J_URI"):
            with tempfile.TemporaryDirectory() as tmp:
                results.append(bulk_neo4j(corpus, Path(tmp), args.neo4j_home))

    print("| loader | documents | tasks | nodes | relationships | seconds | tasks/s | relationships/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.name} | {r.documents:,} | {r.tasks:,} | {r.nodes:,} | {r.relationships:,} | "
            f"{r.seconds:.1f} | {r.tasks_per_s:,.0f} | {r.rels_per_s:,.0f} |"
        )
    for r in results:
        if r.phases:  # where a bulk row's time goes, and the rate of its load step alone
            steps = ", ".join(f"{name} {s:.1f} s" for name, s in r.phases.items())
            load = r.relationships / r.phases[r.load_phase]
            print(f"\n{r.name}: {steps}; {r.load_phase} alone: {load:,.0f} relationships/s.")
    # Compared with the naive loader on the same (warm) server: the last batched Neo4j row.
    neo = next((r for r in reversed(results) if r.name.startswith("Neo4j, batched")), None)
    if neo and naive:
        print(
            f"\nNeo4j batched vs naive, per row (nodes + relationships): "
            f"{neo.rows_per_s / naive.rows_per_s:.0f}x faster; naive extrapolated to the whole corpus: "
            f"{(neo.nodes + neo.relationships) / naive.rows_per_s / 60:.0f} min."
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
