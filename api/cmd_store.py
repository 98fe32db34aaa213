"""CLI commands over the graph stores: ``ingest``, ``query``, ``queries`` and ``cypher``.

Thin: options are parsed here, the work is done by ``fengong.ingest.pipeline`` and
``fengong.graph``. ``register(app)`` adds the commands to the main Typer app.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from fengong.api.console import make_console, note
from fengong.api.options import DataOpt, StoreOpt, fail, open_or_exit, store_settings
from fengong.graph.readonly import ReadOnlyViolation
from fengong.graph.store import Rows, StoreError
from fengong.ingest_service import (
    BULK_NEEDS_EMBEDDED,
    STORED,
    FileHook,
    IngestError,
    IngestReport,
    Mode,
    ingest_files,
)
from fengong.queries.named import QueryError, get_query, list_queries, run_named

JsonOpt = Annotated[bool, typer.Option("--json", help="Print rows as UTF-8 JSON instead of a table.")]


def _print_rows(rows: Rows, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
        return
    console = make_console()
    table = Table(show_lines=False)
    for column in rows.columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in rows.columns))
    console.print(table)
    note = " (row cap reached; more rows exist)" if rows.truncated else ""
    console.print(f"{len(rows)} rows{note}", style="dim", highlight=False)


def _parse_params(pairs: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"--param wants k=v, got {pair!r}")
        out[key.strip()] = value
    return out


def _with_progress(
    console: Console, stored_verb: str, run: Callable[[FileHook, Callable[[int], None]], IngestReport]
) -> IngestReport:
    """Run an ingest under a progress bar: the bar counts files read, its label documents stored."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    progress = Progress(*columns, console=console, transient=False)
    bar = progress.add_task("ingest", total=None)
    stored = 0

    def on_file(path: Path, outcome: str) -> None:
        nonlocal stored
        if outcome in STORED:  # always after "read" for that file
            stored += 1
            progress.update(bar, description=f"ingest ({stored} {stored_verb})")
        else:
            progress.advance(bar)

    def on_start(n: int) -> None:
        # Drawn once there are files to count: a run refused before that shows only its error.
        progress.update(bar, total=n)
        progress.start()

    try:
        return run(on_file, on_start)
    finally:
        if progress.live.is_started:  # stopping one never started still prints a blank line
            progress.stop()


def ingest(
    files: Annotated[list[Path], typer.Argument(help="Documents or folders to extract and load.")],
    store: StoreOpt = None,
    data: DataOpt = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Extraction processes (default: one per core).")
    ] = None,
    batch: Annotated[
        int | None, typer.Option("--batch", help="Documents per transaction (default: the store's).")
    ] = None,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="First load into an empty embedded store by COPY from a CSV set (far faster; "
            "for Neo4j use --bulk-csv and neo4j-admin).",
        ),
    ] = False,
    bulk_csv: Annotated[
        Path | None,
        typer.Option(
            "--bulk-csv",
            help="Write a neo4j-admin import CSV set into this directory instead of loading a store "
            "(the first load of a large corpus; see README).",
        ),
    ] = None,
) -> None:
    """Extract FILES (or every readable file in a folder) and load them into the store.

    Each document ends as loaded (new), replaced (an edited text of a stored document), unchanged
    (already stored with the same text), duplicate (the same text under another file name) or a
    failed file. Each batch of documents is one transaction, so an interrupted run can simply be
    run again. With --bulk-csv nothing is loaded: the documents become a CSV set for
    `neo4j-admin database import full`, far faster for a first load. With --bulk an empty embedded
    store is loaded by COPY from such a set.
    """
    if bulk and bulk_csv is not None:
        raise typer.Exit(
            fail("--bulk loads an embedded store, --bulk-csv writes a set for neo4j-admin: choose one")
        )
    if bulk and store_settings(store, data).store != "embedded":
        raise typer.Exit(fail(BULK_NEEDS_EMBEDDED))  # before opening (or failing to reach) Neo4j
    mode: Mode = "csv" if bulk_csv is not None else "bulk" if bulk else "transactional"
    graph = None if mode == "csv" else open_or_exit(store, data)
    err = make_console(stderr=True)
    try:
        report = _with_progress(
            err,
            "written" if mode != "transactional" else "committed",
            lambda hook, start: ingest_files(
                files, mode=mode, store=graph, csv_dir=bulk_csv, workers=workers,
                docs_per_transaction=batch, on_file=hook, on_start=start,
            ),
        )  # fmt: skip
    except IngestError as exc:
        raise typer.Exit(fail(str(exc))) from exc
    finally:
        if graph is not None:
            graph.close()
    for path, reason in report.skipped:
        note("skipped", f"{path}: {reason}")
    for message in report.errors:
        note("error", message)
    for message in report.warnings:
        note("warning", message)
    make_console().print(report.summary("written" if mode == "csv" else "loaded"), highlight=False)
    if bulk_csv is not None:
        make_console().print(
            f"CSV set in {bulk_csv}; load it into a stopped, empty Neo4j with\n"
            f"  cd {bulk_csv} && neo4j-admin database import full neo4j $(cat import.args)\n"
            "(or ./import.sh there; with the local server stopped: "
            "docker/neo4j-local admin-import neo4j --overwrite-destination=true ...)",
            highlight=False,
            soft_wrap=True,
        )
    if report.errors:
        raise typer.Exit(1)


def query(
    name: Annotated[str, typer.Argument(help="A named query (see `fengong queries`).")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter k=v (repeatable).")
    ] = None,
    as_json: JsonOpt = False,
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Run a named query with parameters and print its rows."""
    try:
        get_query(name).bind(_parse_params(param or []))
    except QueryError as exc:
        raise typer.Exit(fail(str(exc))) from exc
    graph = open_or_exit(store, data, read_only=True)
    try:
        rows = run_named(graph, name, _parse_params(param or []))
    except StoreError as exc:
        raise typer.Exit(fail(str(exc))) from exc
    finally:
        graph.close()
    _print_rows(rows, as_json)


def queries(as_json: JsonOpt = False) -> None:
    """List the named queries with their parameters."""
    items = [
        {
            "name": q.name,
            "description": q.description,
            "params": [
                {
                    "name": p.name,
                    "type": p.type,
                    "required": p.required,
                    "default": p.default,
                    "example": p.example,
                }
                for p in q.params
            ],
        }
        for q in list_queries()
    ]
    if as_json:
        typer.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    table = Table("name", "parameters", "description")
    for item in items:
        params = ", ".join(p["name"] + ("" if p["required"] else "?") for p in item["params"])
        table.add_row(item["name"], params, item["description"])
    make_console().print(table)


def cypher(
    text: Annotated[str, typer.Argument(help="One read-only Cypher statement.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Parameter k=v (string).")] = None,
    limit: Annotated[int | None, typer.Option(help="Row cap (default $FENGONG_ROW_CAP or 10000).")] = None,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds (default $FENGONG_QUERY_TIMEOUT or 30).")
    ] = None,
    as_json: JsonOpt = False,
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Run read-only Cypher (writes are refused) with a time limit and a row cap.

    The statement runs in a sandboxed worker process on a read-only handle (so it works while an
    ingest writes); a query stopped by a limit or an engine crash exits 1 with the reason."""
    from fengong.graph.cypher_pool import CypherPool, PoolSettings

    settings = store_settings(store, data)
    try:
        pool_settings = PoolSettings.from_env()
    except ValueError as exc:
        raise typer.Exit(fail(str(exc))) from exc
    try:
        with CypherPool(settings, replace(pool_settings, workers=1)) as pool:
            rows = pool.run(
                text,
                _parse_params(param or []),
                timeout=settings.query_timeout_s if timeout is None else timeout,
                limit=settings.row_cap if limit is None else limit,
            )
    except (StoreError, ReadOnlyViolation) as exc:
        raise typer.Exit(fail(str(exc))) from exc
    _print_rows(rows, as_json)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    app.command("ingest")(ingest)
    app.command("query")(query)
    app.command("queries")(queries)
    app.command("cypher")(cypher)
