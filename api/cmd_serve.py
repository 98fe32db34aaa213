"""``fengong serve``: the HTTP API over the configured store, with uvicorn."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer
from rich.console import Console

from fengong.api.options import DataOpt, StoreOpt, fail, store_settings


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` keeps the server on this machine (``localhost``, 127.0.0.0/8,
    ``::1``): only then may /cypher stay anonymous."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve beyond loopback
        return False


def access_lines(settings: object, host: str, port: int, workers: int = 1) -> list[str]:
    """What the server opens to whom, printed at start-up (see SECURITY.md)."""
    from fengong.api.app import ApiSettings

    assert isinstance(settings, ApiSettings)
    where = "this machine only" if not settings.public else "the network"
    cypher = (
        "needs a token (FENGONG_READ_TOKEN or FENGONG_TOKEN)"
        if settings.cypher_needs_token
        else "open to anyone on this machine (set FENGONG_READ_TOKEN to require a token)"
    )
    if settings.cypher_needs_token and not (settings.read_token or settings.token):
        cypher = "closed (no FENGONG_READ_TOKEN or FENGONG_TOKEN is set)"
    writes = "need FENGONG_TOKEN" if settings.token else "disabled (no FENGONG_TOKEN is set)"
    return [
        f"fengong serve on http://{host}:{port} ({where}); {settings.store.store} store, read-only handles"
        + (f", {workers} server processes" if workers > 1 else ""),
        "  open to anyone who can connect: /health, /documents, /units, /tasks, /topics, /queries, /ask, "
        "/matrix, /export, /guide, /docs",
        f"  POST /cypher: {cypher}; {settings.cypher_workers} sandboxed workers"
        f"{' per server process' if workers > 1 else ''} of at most "
        f"{settings.cypher_memory_mb} MB, {settings.cypher_timeout_s:g} s, {settings.cypher_row_cap} rows",
        f"  writes (POST /documents): {writes}",
    ]


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (default loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    store: StoreOpt = None,
    data: DataOpt = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            envvar="FENGONG_WORKERS",
            help="Server processes answering on the port: one answers one question at a time, so give "
            "one per core to answer several at once (each holds its own read handle and caches).",
        ),
    ] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs, Neo4j Browser guide at /guide).

    Writes (POST /documents) need 'Authorization: Bearer $FENGONG_TOKEN'. Beyond loopback (--host
    other than 127.0.0.1, ::1, localhost), POST /cypher needs $FENGONG_READ_TOKEN or $FENGONG_TOKEN;
    see SECURITY.md before exposing the server.
    """
    import uvicorn  # imported here: only this command needs the server

    from fengong.api.app import ApiSettings, create_app
    from fengong.graph.handles import StoreHandles
    from fengong.graph.store import StoreError

    try:
        settings = ApiSettings.from_env(store=store_settings(store, data), public=not is_loopback(host))
    except ValueError as exc:
        raise typer.Exit(fail(f"cannot start: {exc}")) from exc
    try:
        handles = StoreHandles.from_settings(settings.store)
    except (StoreError, ValueError) as exc:
        raise typer.Exit(fail(f"cannot open the store: {exc}")) from exc
    for line in access_lines(settings, host, port, workers):
        Console(stderr=True).print(line, highlight=False, soft_wrap=True)
    # After SIGTERM, requests get shutdown_grace_s to finish; then they are cancelled, which
    # kills any extraction worker they wait for: shutdown is prompt whatever an upload does.
    if workers > 1:
        from fengong.api.workers import run_workers, worker_env

        handles.close()  # it proved the store opens (and undid a dead writer's commit); each worker opens its own
        with worker_env(settings.store, public=settings.public, workers=workers):
            run_workers(
                workers, host=host, port=port, log_level=log_level,
                timeout_graceful_shutdown=settings.shutdown_grace_s,
            )  # fmt: skip
        return
    try:
        uvicorn.run(
            create_app(settings, handles), host=host, port=port, log_level=log_level,
            timeout_graceful_shutdown=settings.shutdown_grace_s,
        )  # fmt: skip
    finally:
        handles.close()


def register(app: typer.Typer) -> None:
    """Add the serve command to ``app``."""
    app.command("serve")(serve)
