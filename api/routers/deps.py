"""Settings, typed dependencies, the UTF-8 JSON response and paging shared by the routers."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from fengong.api.schemas import ErrorOut
from fengong.graph.cypher_pool import CypherPool, PoolSettings
from fengong.graph.handles import StoreHandles
from fengong.graph.settings import StoreSettings, settings_from_env
from fengong.graph.store import GraphStore
from fengong.queries.named import run_named


class UTF8JSONResponse(JSONResponse):
    """JSON with Chinese written as UTF-8, not ``\\u`` escapes."""

    media_type = "application/json; charset=utf-8"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class ApiSettings(BaseModel):
    """HTTP settings, validated once when the app is built (never read at import time)."""

    store: StoreSettings = Field(default_factory=StoreSettings)
    token: str | None = Field(
        None, description="Bearer token for writes (FENGONG_TOKEN); unset: writes refused"
    )
    max_upload_bytes: int = Field(20 * 1024 * 1024, gt=0, description="Largest accepted upload")
    extract_timeout_s: float = Field(60.0, gt=0, description="Time cap of one upload's extraction")
    extract_memory_mb: int = Field(1024, ge=128, description="Address-space cap of an extraction worker")
    extract_workers: int = Field(2, ge=1, description="Uploads extracted at once")
    shutdown_grace_s: float = Field(5.0, ge=0, description="Seconds requests may finish after SIGTERM")
    cypher_timeout_s: float = Field(10.0, gt=0, description="Time limit of the read-only Cypher endpoint")
    cypher_row_cap: int = Field(1_000, gt=0, description="Row cap of the read-only Cypher endpoint")
    page_limit: int = Field(500, gt=0, description="Largest page size of list endpoints")
    cache_ttl_s: float = Field(30.0, ge=0, description="Seconds a cached answer lives (0: no cache)")
    read_token: str | None = Field(
        None, description="Bearer token for /cypher (FENGONG_READ_TOKEN); the write token works too"
    )
    public: bool = Field(False, description="The server listens beyond loopback: /cypher then needs a token")
    cypher_workers: int = Field(2, ge=1, le=64, description="Worker processes for /cypher")
    cypher_memory_mb: int = Field(1024, ge=256, description="Resident memory cap of one Cypher worker")

    model_config = {"arbitrary_types_allowed": True, "frozen": True}

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> ApiSettings:
        """Read FENGONG_TOKEN, FENGONG_READ_TOKEN, FENGONG_MAX_UPLOAD, FENGONG_EXTRACT_TIMEOUT,
        FENGONG_EXTRACT_MEMORY_MB, FENGONG_EXTRACT_WORKERS, FENGONG_SHUTDOWN_GRACE,
        FENGONG_CYPHER_TIMEOUT, FENGONG_CYPHER_ROW_CAP, FENGONG_CYPHER_WORKERS, FENGONG_CYPHER_MEMORY_MB,
        FENGONG_CACHE_TTL and the store settings (``settings_from_env``)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {"store": settings_from_env(env)}
        for key, name in (
            ("token", "FENGONG_TOKEN"),
            ("max_upload_bytes", "FENGONG_MAX_UPLOAD"),
            ("extract_timeout_s", "FENGONG_EXTRACT_TIMEOUT"),
            ("extract_memory_mb", "FENGONG_EXTRACT_MEMORY_MB"),
            ("extract_workers", "FENGONG_EXTRACT_WORKERS"),
            ("shutdown_grace_s", "FENGONG_SHUTDOWN_GRACE"),
            ("cypher_timeout_s", "FENGONG_CYPHER_TIMEOUT"),
            ("cypher_row_cap", "FENGONG_CYPHER_ROW_CAP"),
            ("cache_ttl_s", "FENGONG_CACHE_TTL"),
            ("read_token", "FENGONG_READ_TOKEN"),
            ("cypher_workers", "FENGONG_CYPHER_WORKERS"),
            ("cypher_memory_mb", "FENGONG_CYPHER_MEMORY_MB"),
        ):
            if env.get(name, "").strip():
                values[key] = env[name].strip()
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def cypher_needs_token(self) -> bool:
        """/cypher is anonymous only on a loopback-only server without FENGONG_READ_TOKEN."""
        return self.public or bool(self.read_token)

    def pool_settings(self) -> PoolSettings:
        """The Cypher worker pool's settings."""
        return PoolSettings(workers=self.cypher_workers, memory_mb=self.cypher_memory_mb)


# The dependencies below only read app state: async, so FastAPI resolves them on the event loop
# instead of hopping to the thread pool for each request.
async def get_store(request: Request) -> AsyncIterator[GraphStore]:
    """The app's read handle, leased for the request (reopened first, off the event loop, if the
    data changed since: two stat calls per request)."""
    handles: StoreHandles = request.app.state.handles
    if handles.stale():
        await run_in_threadpool(handles.refresh)
    with handles.reader(refresh=False) as store:
        yield store


async def get_settings(request: Request) -> ApiSettings:
    """The app's validated settings."""
    settings: ApiSettings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
_bearer = HTTPBearer(auto_error=False, description="FENGONG_TOKEN")


def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Refuse a write without the bearer token (401) or with a wrong one (403)."""
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this endpoint writes: send 'Authorization: Bearer <FENGONG_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not settings.token:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "writes are disabled: the server has no FENGONG_TOKEN")
    import hmac  # constant-time comparison

    if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "wrong bearer token")


TokenDep = Annotated[None, Depends(require_token)]


def require_read_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Where /cypher needs a token (``ApiSettings.cypher_needs_token``), refuse a request without
    FENGONG_READ_TOKEN or FENGONG_TOKEN (401) or with another (403)."""
    if not settings.cypher_needs_token:
        return
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this server runs Cypher for token holders only: send "
            "'Authorization: Bearer <FENGONG_READ_TOKEN or FENGONG_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    import hmac  # constant-time comparison

    given = credentials.credentials.encode()
    tokens = [t.encode() for t in (settings.read_token, settings.token) if t]
    if not tokens:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "Cypher is closed: the server listens beyond loopback and has no FENGONG_READ_TOKEN or FENGONG_TOKEN",
        )
    if not any([hmac.compare_digest(given, t) for t in tokens]):  # a list: every token is compared
        raise HTTPException(status.HTTP_403_FORBIDDEN, "wrong bearer token")


ReadTokenDep = Annotated[None, Depends(require_read_token)]


async def get_cypher_pool(request: Request) -> CypherPool:
    """The app's Cypher worker pool, started on first use (the first /cypher request waits ~0.3 s)."""
    pool: CypherPool | None = request.app.state.cypher_pool
    if pool is None:
        with request.app.state.cypher_pool_lock:
            pool = request.app.state.cypher_pool
            if pool is None:
                settings: ApiSettings = request.app.state.settings
                handles: StoreHandles = request.app.state.handles
                pool = request.app.state.cypher_pool = CypherPool(handles.settings, settings.pool_settings())
    return pool


CypherPoolDep = Annotated[CypherPool, Depends(get_cypher_pool)]


def page(
    store: GraphStore, list_query: str, count_query: str, params: dict[str, Any], limit: int, offset: int
) -> dict[str, Any]:
    """One page of a named list query with the total from its count query.

    The list query only runs when the page starts inside the total: LadybugDB 0.22 crashes the
    process (SIGSEGV) on ``ORDER BY … SKIP n`` with n thousands past the last row.
    """
    total = int(run_named(store, count_query, params, limit=1)[0]["total"])
    rows = (
        # offset < total: SKIP stays within the rows, so the guard's SKIP bound can be lifted.
        run_named(
            store, list_query, {**params, "skip": offset, "limit": limit}, limit=limit, skip_bounded=False
        )
        if offset < total
        else []
    )
    return {"total": total, "limit": limit, "offset": offset, "items": list(rows)}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad input (the message says what)", "model": ErrorOut},
    404: {"description": "Not found", "model": ErrorOut},
    422: {"description": "Invalid parameters or an unanswerable question", "model": ErrorOut},
}


class AnswerCache:
    """Answers of read endpoints by key, for ``ttl`` seconds; cleared when the API loads a document
    and when the read handle is reopened because another process wrote (``StoreHandles.on_change``).

    ``shared``: a file the caches of several server processes share (``serve --workers``): a load
    through one process changes it (``invalidate``), and every cache clears itself when it sees the
    change (one stat per lookup). Writers the server does not see (a Neo4j loaded from elsewhere)
    are what the TTL bounds.
    """

    def __init__(self, ttl: float, size: int = 4_096, *, shared: Path | None = None) -> None:
        self.ttl = ttl
        self.size = size
        self.shared = shared
        self._items: dict[Any, tuple[float, Any]] = {}
        self._seen = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        if self.shared is None:
            return None
        try:
            st = self.shared.stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def _sync(self) -> None:
        """Forget everything when another process loaded a document since the last look."""
        if self.shared is not None and (stamp := self._stamp()) != self._seen:
            self._items.clear()
            self._seen = stamp

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        """The cached value of ``key``, or ``compute()`` stored for next time."""
        if self.ttl <= 0:
            return compute()
        self._sync()
        now = time.monotonic()
        hit = self._items.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]
        value = compute()
        if len(self._items) >= self.size:
            self._items.clear()  # crude but bounded; the working set of questions is small
        self._items[key] = (now + self.ttl, value)
        return value

    def peek(self, key: Any) -> Any | None:
        """The fresh cached value of ``key`` without computing anything, else None."""
        if self.ttl <= 0:
            return None
        self._sync()
        hit = self._items.get(key)
        return hit[1] if hit is not None and hit[0] > time.monotonic() else None

    def clear(self) -> None:
        """Forget everything (this process's cache)."""
        self._items.clear()

    def invalidate(self) -> None:
        """Forget everything here and in every process sharing the file (after a load). One byte
        is appended: the size changes even when two loads fall in one tick of the clock."""
        self._items.clear()
        if self.shared is not None:
            with contextlib.suppress(OSError), self.shared.open("ab") as f:
                f.write(b".")
            self._seen = self._stamp()


def json_bytes(content: Any) -> bytes:
    """``content`` (models, dicts, lists) as compact UTF-8 JSON."""
    if isinstance(content, BaseModel):
        content = content.model_dump(mode="json")
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def cached_json(cache: AnswerCache, key: Any, compute: Callable[[], Any]) -> Response:
    """A JSON response of ``compute()``, rendered once and served from the cache while fresh.

    Returning a ready Response skips FastAPI's per-request re-validation of the response model
    (the OpenAPI schema still declares it; tests check the bodies against it).
    """
    body = cache.get(key, lambda: json_bytes(compute()))
    return Response(body, media_type=UTF8JSONResponse.media_type)


async def serve_cached(cache: AnswerCache, key: Any, compute: Callable[[], Any]) -> Response:
    """``cached_json`` for async endpoints: a hit is answered on the event loop, a miss computes in
    the thread pool (store calls block)."""
    body = cache.peek(key)
    if body is not None:
        return Response(body, media_type=UTF8JSONResponse.media_type)
    return await run_in_threadpool(cached_json, cache, key, compute)


async def get_cache(request: Request) -> AnswerCache:
    """The app's answer cache."""
    cache: AnswerCache = request.app.state.cache
    return cache


CacheDep = Annotated[AnswerCache, Depends(get_cache)]
