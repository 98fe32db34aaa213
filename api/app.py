"""The HTTP API: ``create_app(settings, store)`` builds a FastAPI app over one graph store.

Settings are validated once by the caller (``ApiSettings.from_env()`` in ``fengong serve``);
nothing is read at import time. Handlers only parse input and call one function.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from fengong.api.routers import (
    ask,
    cypher,
    documents,
    export,
    guide,
    health,
    matrix,
    queries,
    tasks,
    topics,
    units,
    web,
)
from fengong.api.routers.deps import AnswerCache, ApiSettings, UTF8JSONResponse
from fengong.graph.handles import StoreHandles
from fengong.graph.readonly import ReadOnlyViolation
from fengong.graph.store import GraphStore, StoreError
from fengong.ingest.sandbox import ExtractionSandbox, SandboxLimits
from fengong.queries.ask import NotUnderstood
from fengong.queries.ask_english import reverse_index
from fengong.queries.named import QueryError

__all__ = ["ApiSettings", "create_app"]


def _error(status: int, message: str, detail: object = None) -> UTF8JSONResponse:
    return UTF8JSONResponse({"message": message, "detail": detail}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    async def http_error(_: Request, exc: Exception) -> UTF8JSONResponse:
        assert isinstance(exc, HTTPException)
        response = _error(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    async def invalid(_: Request, exc: Exception) -> UTF8JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()]
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return _error(422, f"invalid request: {where}", errors)

    async def not_understood(_: Request, exc: Exception) -> UTF8JSONResponse:
        assert isinstance(exc, NotUnderstood)
        data = exc.to_dict()
        return _error(422, data.pop("message"), data)

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(NotUnderstood, not_understood)
    app.add_exception_handler(QueryError, lambda _, exc: _error(422, str(exc)))
    app.add_exception_handler(ReadOnlyViolation, lambda _, exc: _error(400, f"read-only Cypher only: {exc}"))
    app.add_exception_handler(StoreError, lambda _, exc: _error(503, f"the store failed: {exc}"))


#: Request headers a cross-origin GET may carry (Neo4j Browser's fetch of /guide sends the first two).
CORS_HEADERS = ("cache-control", "pragma", "accept", "accept-language", "content-type", "authorization")
_STATIC = resources.files("fengong.api") / "static"
_SWAGGER = "/static/vendor/swagger-ui-dist"


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the assets shipped in the package (no CDN: works offline)."""
    app.mount("/static", StaticFiles(directory=str(_STATIC)), name="static")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} — API",
            swagger_js_url=f"{_SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{_SWAGGER}/swagger-ui.css",
            swagger_favicon_url=f"{_SWAGGER}/favicon-32x32.png",
        )


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The Chinese-English index of English questions takes ~2 s to build: build it beside start-up,
    # not in the first English question's request.
    threading.Thread(target=reverse_index, name="fengong-warm-english", daemon=True).start()
    yield
    app.state.sandbox.close()  # extraction workers end with the server
    pool = app.state.cypher_pool  # and the Cypher workers
    app.state.cypher_pool = None
    if pool is not None:
        pool.close()
    if app.state.own_handles:  # a worker of ``serve --workers``: nobody else closes them
        app.state.handles.close()


def create_app(
    settings: ApiSettings,
    store: GraphStore | StoreHandles,
    *,
    shared_cache: Path | None = None,
    own_handles: bool = False,
) -> FastAPI:
    """A FastAPI app answering from ``store`` under ``settings``; the caller owns (and closes) the
    store unless ``own_handles`` (the app then closes it when it shuts down).

    ``store`` is either a store (requests use it as it is) or ``StoreHandles`` (``fengong serve``: a
    read-only handle reopened when the data changes, and a writer opened for each write). /cypher
    runs in a pool of worker processes started on first use and stopped when the app shuts down.
    ``shared_cache``: a file the answer caches of several server processes share (``AnswerCache``).
    """
    handles = store if isinstance(store, StoreHandles) else StoreHandles.around(store)
    app = FastAPI(
        title="fengong",
        summary="Who leads which task, who cooperates, by when, where — with the sentence that says so.",
        version="0.1.0",
        default_response_class=UTF8JSONResponse,
        docs_url=None,  # served below from the package's own assets: /docs works offline
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.handles = handles
    app.state.cache = AnswerCache(settings.cache_ttl_s, shared=shared_cache)
    app.state.own_handles = own_handles
    app.state.cypher_pool = None
    app.state.cypher_pool_lock = threading.Lock()
    if handles.on_change is None:  # another process wrote: cached answers are stale
        handles.on_change = app.state.cache.clear
    # Neo4j Browser fetches /guide from its own origin, with cache-control and pragma headers (so a
    # preflight); reads only (writes need the token anyway).
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=list(CORS_HEADERS)
    )
    app.state.sandbox = ExtractionSandbox(
        SandboxLimits(settings.extract_timeout_s, settings.extract_memory_mb, settings.extract_workers)
    )
    _add_error_handlers(app)
    _add_docs(app)
    for module in (health, documents, units, tasks, topics, queries, matrix, cypher, ask, export, guide, web):
        app.include_router(module.router)
    return app
