"""CLI command ``fengong export FORMAT``: parses options and calls ``fengong.graph.export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fengong.api.console import make_console, note
from fengong.api.options import DataOpt, StoreOpt, open_or_exit
from fengong.graph.export import FORMATS, ExportError, ExportFilters, default_filename, export
from fengong.graph.store import StoreError

_FORMAT_HELP = "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())


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
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Export the graph (or the part the filters select) as FORMAT."""
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", param_hint="FORMAT"
        )
    filters = ExportFilters.of(jurisdiction, topic, document)
    target = out or Path(default_filename(fmt))
    graph = open_or_exit(store, data, read_only=True)  # an export never writes
    try:
        result = export(graph, fmt, target, filters)
    except (ExportError, StoreError) as exc:
        note("error", str(exc))
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    make_console(stderr=True).print(
        f"wrote {result.path} ({fmt}, {result.items} items, {filters.describe()}) in {result.seconds:.1f}s",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``export`` to the main app."""
    app.command("export")(export_command)
