"""Options and store opening shared by the CLI commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fengong.api.console import note
from fengong.graph.settings import STORE_KINDS, StoreSettings, settings_from_env
from fengong.graph.store import GraphStore, StoreError, open_store

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help=f"Store: {' | '.join(STORE_KINDS)} (default: $FENGONG_STORE or embedded)."),
]
DataOpt = Annotated[
    Path | None,
    typer.Option("--data", help="Embedded store directory (default: $FENGONG_DATA or the user data dir)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print as UTF-8 JSON.")]


def fail(message: str) -> int:
    """Print an error line on stderr; the exit status to use."""
    note("error", message)
    return 1


def store_settings(store: str | None, data: Path | None) -> StoreSettings:
    """The store settings from the environment, overridden by --store / --data."""
    if store is not None and store not in STORE_KINDS:
        raise typer.BadParameter(f"--store must be one of {', '.join(STORE_KINDS)}")
    try:
        return settings_from_env(store=store, data_dir=data)
    except ValueError as exc:
        raise typer.Exit(fail(f"cannot open the store: {exc}")) from exc


def open_or_exit(store: str | None, data: Path | None, *, read_only: bool = False) -> GraphStore:
    """Open the store the options name, or exit 1 with a message saying why not.

    ``read_only`` opens the embedded store read-only, without the writer lock, so it works while an
    ingest writes (a Neo4j session is read-only per query)."""
    settings = store_settings(store, data)
    try:
        if read_only and settings.store == "embedded":
            return open_store(settings, read_only=True)
        return open_store(settings)
    except (StoreError, ValueError) as exc:
        raise typer.Exit(fail(f"cannot open the store: {exc}")) from exc
