"""``fengong serve``: the HTTP API over the configured store, with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from fengong.graph.settings import STORE_KINDS


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (default loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    store: Annotated[
        str | None,
        typer.Option("--store", help=f"Store: {' | '.join(STORE_KINDS)} (default $FENGONG_STORE)."),
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Embedded store directory (default $FENGONG_DATA).")
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs, Neo4j Browser guide at /guide).

    Writes (POST /documents) need 'Authorization: Bearer $FENGONG_TOKEN'.
    """
    import uvicorn  # imported here: only this command needs the server

    from fengong.api.app import ApiSettings, create_app
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import StoreError, open_store

    try:
        settings = ApiSettings.from_env(store=settings_from_env(store=store, data_dir=data))
        graph = open_store(settings.store)
    except (StoreError, ValueError) as exc:
        Console(stderr=True).print(f"[red]error:[/red] cannot start: {exc}", highlight=False)
        raise typer.Exit(1) from exc
    try:
        uvicorn.run(create_app(settings, graph), host=host, port=port, log_level=log_level)
    finally:
        graph.close()


def register(app: typer.Typer) -> None:
    """Add the serve command to ``app``."""
    app.command("serve")(serve)
