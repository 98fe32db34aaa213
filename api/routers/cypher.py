"""POST /cypher: one read-only Cypher statement with parameters, run by a sandboxed worker process
under a time limit, a row cap and a memory cap. Anonymous only on a loopback-only server without
FENGONG_READ_TOKEN (see SECURITY.md)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from fengong.api.routers.deps import ERRORS, CypherPoolDep, ReadTokenDep, SettingsDep
from fengong.api.schemas import CypherIn, ErrorOut, RowsOut
from fengong.graph.cypher_pool import CypherLimitError
from fengong.graph.store import StoreError

router = APIRouter(tags=["cypher"], responses=ERRORS)


@router.post(
    "/cypher",
    summary="Run read-only Cypher (writes refused, time limit, row cap, memory cap)",
    responses={
        401: {"description": "A token is needed on this server", "model": ErrorOut},
        403: {"description": "Wrong token, or Cypher closed", "model": ErrorOut},
        503: {"description": "Every Cypher worker is busy, or none can open the store", "model": ErrorOut},
    },
)
def run_cypher(body: CypherIn, pool: CypherPoolDep, settings: SettingsDep, _: ReadTokenDep) -> RowsOut:
    """Run one read-only statement; values only through ``params``. Writes, file access and
    several statements are refused (400); a query stopped by the time limit, the memory cap or an
    engine crash gets a 400 naming it (its worker is replaced); 503 when every worker is busy."""
    timeout = min(body.timeout_s or settings.cypher_timeout_s, settings.cypher_timeout_s)
    limit = min(body.limit or settings.cypher_row_cap, settings.cypher_row_cap)
    try:
        rows = pool.run(body.query, dict(body.params), timeout=timeout, limit=limit)
    except CypherLimitError as exc:
        busy = exc.limit in ("busy", "unavailable")  # the server's state, not the query's fault
        code = status.HTTP_503_SERVICE_UNAVAILABLE if busy else status.HTTP_400_BAD_REQUEST
        raise HTTPException(code, str(exc)) from exc
    except StoreError as exc:  # the user's statement: a syntax error, an unknown label, a timeout
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"the store refused the query: {exc}") from exc
    return RowsOut(columns=rows.columns, rows=list(rows), count=len(rows), truncated=rows.truncated)
