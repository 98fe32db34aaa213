"""The HTTP API: ``create_app(settings, store)`` builds a FastAPI app over one graph store.

Settings are validated once by the caller (``ApiSettings.from_env()`` in ``fengong serve``);
nothing is read at import time. Handlers only parse input and call one function.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
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
)
from fengong.api.routers.deps import AnswerCache, ApiSettings, UTF8JSONResponse
from fengong.graph.readonly import ReadOnlyViolation
from fengong.graph.store import GraphStore, StoreError
from fengong.queries.ask import NotUnderstood
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


def create_app(settings: ApiSettings, store: GraphStore) -> FastAPI:
    """A FastAPI app answering from ``store`` under ``settings``; the caller owns (and closes) the store."""
    app = FastAPI(
        title="fengong",
        summary="Who leads which task, who cooperates, by when, where — with the sentence that says so.",
        version="0.1.0",
        default_response_class=UTF8JSONResponse,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.cache = AnswerCache(settings.cache_ttl_s)
    # Neo4j Browser fetches /guide from its own origin; reads only (writes need the token anyway).
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])
    _add_error_handlers(app)
    for module in (health, documents, units, tasks, topics, queries, matrix, cypher, ask, export, guide):
        app.include_router(module.router)
    return app
