"""``fengong serve``: the HTTP API over the configured store, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from fengong.api.options import DataOpt, StoreOpt, fail, open_or_exit, store_settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (default loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    store: StoreOpt = None,
    data: DataOpt = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs, Neo4j Browser guide at /guide).

    Writes (POST /documents) need 'Authorization: Bearer $FENGONG_TOKEN'.
    """
    import uvicorn  # imported here: only this command needs the server

    from fengong.api.app import ApiSettings, create_app

    try:
        settings = ApiSettings.from_env(store=store_settings(store, data))
    except ValueError as exc:
        raise typer.Exit(fail(f"cannot start: {exc}")) from exc
    graph = open_or_exit(store, data)
    try:
        # After SIGTERM, requests get shutdown_grace_s to finish; then they are cancelled, which
        # kills any extraction worker they wait for: shutdown is prompt whatever an upload does.
        uvicorn.run(
            create_app(settings, graph), host=host, port=port, log_level=log_level,
            timeout_graceful_shutdown=settings.shutdown_grace_s,
        )  # fmt: skip
    finally:
        graph.close()


def register(app: typer.Typer) -> None:
    """Add the serve command to ``app``."""
    app.command("serve")(serve)
