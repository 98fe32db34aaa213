"""CLI commands over the graph stores: ``ingest``, ``query``, ``queries`` and ``cypher``.

Thin: options are parsed here, the work is done by ``fengong.ingest.pipeline`` and
``fengong.graph``. ``register(app)`` adds the commands to the main Typer app.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from fengong.graph.named_queries import QueryError, get_query, list_queries, run_named
from fengong.graph.readonly import ReadOnlyViolation
from fengong.graph.settings import STORE_KINDS, settings_from_env
from fengong.graph.store import GraphStore, Rows, StoreError, open_store
from fengong.ingest.model import Document
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help=f"Store: {' | '.join(STORE_KINDS)} (default: $FENGONG_STORE or embedded)."),
]
DataOpt = Annotated[
    Path | None,
    typer.Option("--data", help="Embedded store directory (default: $FENGONG_DATA or the user data dir)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print rows as UTF-8 JSON instead of a table.")]


def _open(store: str | None, data: Path | None) -> GraphStore:
    if store is not None and store not in STORE_KINDS:
        raise typer.BadParameter(f"--store must be one of {', '.join(STORE_KINDS)}")
    try:
        return open_store(settings_from_env(store=store, data_dir=data))
    except (StoreError, ValueError) as exc:
        raise typer.Exit(_fail(f"cannot open the store: {exc}")) from exc


def _fail(message: str) -> int:
    Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False)
    return 1


def _print_rows(rows: Rows, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
        return
    console = Console()
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


def ingest(
    files: Annotated[list[Path], typer.Argument(help="Documents to extract and load.")],
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Extract FILES and load them into the store (a document loaded again is replaced)."""
    from fengong.ingest.pipeline import extract_path  # the extractor is heavy; only this command needs it

    err = Console(stderr=True)
    docs: list[Document] = []
    failed = 0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        bar = progress.add_task("extract", total=len(files))
        for path in files:
            try:
                docs.append(extract_path(path))
            except Exception as exc:  # one bad file must not stop the rest
                failed += 1
                reason = (
                    str(exc) if str(exc).startswith(str(path)) else f"{path}: {type(exc).__name__}: {exc}"
                )
                progress.console.print(f"[red]error:[/red] {reason}", highlight=False, markup=True)
            progress.advance(bar)
        graph = _open(store, data)
        try:
            load_bar = progress.add_task("load", total=len(docs))
            stats = graph.load_documents(docs, progress=lambda n: progress.advance(load_bar, n))
        except StoreError as exc:
            raise typer.Exit(_fail(f"loading failed, nothing from the failed batch was kept: {exc}")) from exc
        finally:
            graph.close()
    units = len({uid for d in docs for uid in d.units})
    warnings = sum(len(d.warnings) for d in docs)
    Console().print(
        f"documents {stats.documents}, tasks {stats.tasks}, units {units}, "
        f"edges {stats.relationships}, warnings {warnings}, failed files {failed} "
        f"({stats.seconds:.2f}s in the store)",
        highlight=False,
    )
    if failed:
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
        raise typer.Exit(_fail(str(exc))) from exc
    graph = _open(store, data)
    try:
        rows = run_named(graph, name, _parse_params(param or []))
    except StoreError as exc:
        raise typer.Exit(_fail(str(exc))) from exc
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
    Console().print(table)


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
    """Run read-only Cypher (writes are refused) with a time limit and a row cap."""
    graph = _open(store, data)
    try:
        rows = graph.run(text, _parse_params(param or []), read_only=True, timeout=timeout, limit=limit)
    except (StoreError, ReadOnlyViolation) as exc:
        raise typer.Exit(_fail(str(exc))) from exc
    finally:
        graph.close()
    _print_rows(rows, as_json)


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    app.command("ingest")(ingest)
    app.command("query")(query)
    app.command("queries")(queries)
    app.command("cypher")(cypher)
