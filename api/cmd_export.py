"""CLI command ``fengong export FORMAT``: parses options and calls ``fengong.graph.export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from fengong.graph.export import FORMATS, ExportError, ExportFilters, default_filename, export
from fengong.graph.settings import STORE_KINDS, settings_from_env
from fengong.graph.store import GraphStore, StoreError, open_store

_FORMAT_HELP = "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())


def _open(store: str | None, data: Path | None) -> GraphStore:
    if store is not None and store not in STORE_KINDS:
        raise typer.BadParameter(f"--store must be one of {', '.join(STORE_KINDS)}")
    try:
        # Read-only where the backend allows it: an export never writes.
        settings = settings_from_env(store=store, data_dir=data)
        if settings.store == "embedded":
            return open_store(settings, read_only=True)
        return open_store(settings)
    except (StoreError, ValueError) as exc:
        Console(stderr=True).print(f"[red]error:[/red] cannot open the store: {exc}", highlight=False)
        raise typer.Exit(1) from exc


def export_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=f"One of: {_FORMAT_HELP}.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Output file (a directory for admin-csv); default fengong.<ext> here."
        ),
    ] = None,
    jurisdiction: Annotated[
        list[str] | None,
        typer.Option(
            "--jurisdiction", "-j", help="Only documents of this place or places below it (repeatable)."
        ),
    ] = None,
    topic: Annotated[
        list[str] | None,
        typer.Option("--topic", "-t", help="Only tasks about this topic (name or English; repeatable)."),
    ] = None,
    document: Annotated[
        list[str] | None,
        typer.Option("--document", "-d", help="Only this document: id, file name or title (repeatable)."),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store", help=f"Store: {' | '.join(STORE_KINDS)} (default: $FENGONG_STORE or embedded)."
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Embedded store directory (default: $FENGONG_DATA or the user data dir)."
        ),
    ] = None,
) -> None:
    """Export the graph (or the part the filters select) as FORMAT."""
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", param_hint="FORMAT"
        )
    filters = ExportFilters.of(jurisdiction, topic, document)
    target = out or Path(default_filename(fmt))
    graph = _open(store, data)
    try:
        result = export(graph, fmt, target, filters)
    except (ExportError, StoreError) as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    Console(stderr=True).print(
        f"wrote {result.path} ({fmt}, {result.items} items, {filters.describe()}) in {result.seconds:.1f}s",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``export`` to the main app."""
    app.command("export")(export_command)
